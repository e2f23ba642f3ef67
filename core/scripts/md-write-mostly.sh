#!/bin/sh
# Moves write-mostly in a running md RAID1: one member is read from, the other becomes the
# write-mostly leg (after a switchover the legs change places; after a takeover there is no
# other leg yet). The array is made writable first: md writes changed flags into the
# superblocks, so they stay after a restart, but not while the array is still auto-read-only.
# Arguments: $1 the md device name (md0); $2 the member to read from (the local element); $3 the
# write-mostly member (the imported element), or "" when there is none; paths or links.
# Exit: 0 set, and read back from sysfs and both superblocks; 1 a device is not a member, or
# the flags did not take.
d=/sys/block/$1/md
if [ "$(cat "$d/array_state")" = read-auto ]; then
    mdadm --readwrite "/dev/$1" || exit 1
fi
l=$(basename "$(readlink -f "$2")")
[ -e "$d/dev-$l/state" ] || { echo "$2 ($l) is not a member of $1" >&2; exit 1; }
echo -writemostly >"$d/dev-$l/state" || exit 1
if [ -n "$3" ]; then
    r=$(basename "$(readlink -f "$3")")
    [ -e "$d/dev-$r/state" ] || { echo "$3 ($r) is not a member of $1" >&2; exit 1; }
    echo writemostly >"$d/dev-$r/state" || exit 1
    grep -q write_mostly "$d/dev-$r/state" || { echo "$3 did not become write-mostly" >&2; exit 1; }
fi
if grep -q write_mostly "$d/dev-$l/state"; then
    echo "$2 is still write-mostly" >&2
    exit 1
fi
# md writes the flags into the superblocks from its own thread: wait (up to 15 s) until both
# superblocks say what runs, read past the page cache.
i=0
while [ $i -lt 30 ]; do
    blockdev --flushbufs "$2" ${3:+"$3"} 2>/dev/null
    if ! mdadm --examine "$2" | grep -q 'Flags : write-mostly' &&
        { [ -z "$3" ] || mdadm --examine "$3" | grep -q 'Flags : write-mostly'; }; then
        exit 0
    fi
    sleep 0.5
    i=$((i + 1))
done
echo "md did not write the write-mostly flags of $1 into the superblocks" >&2
exit 1
