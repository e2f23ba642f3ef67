#!/bin/sh
# Moves write-mostly in a running md RAID1: one member is read from, the other becomes the
# write-mostly leg (after a switchover the legs change places). md writes the flags into the
# superblocks, so they stay after a restart.
# Arguments: $1 the md device name (md0); $2 the member to read from (the local element); $3 the
# write-mostly member (the imported element); paths or links to them.
# Exit: 0 set and read back; 1 a device is not a member, or the flags did not take.
d=/sys/block/$1/md
l=$(basename "$(readlink -f "$2")")
r=$(basename "$(readlink -f "$3")")
for m in "$l" "$r"; do
    [ -e "$d/dev-$m/state" ] || { echo "$m is not a member of $1" >&2; exit 1; }
done
echo -writemostly >"$d/dev-$l/state" && echo writemostly >"$d/dev-$r/state" || exit 1
if ! grep -q write_mostly "$d/dev-$r/state" || grep -q write_mostly "$d/dev-$l/state"; then
    echo "the write-mostly flags of $1 did not take" >&2
    exit 1
fi
