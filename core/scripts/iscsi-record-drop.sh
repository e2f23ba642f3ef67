#!/bin/sh
# Removes the node records of one iSCSI target that iscsiadm cannot read: a record file that is
# empty or cut short (no "# END RECORD" line), as a power loss leaves one (iscsiadm rewrites a
# record in place and never syncs). iscsiadm reads such a file as a record of no target at no
# address, so no `iscsiadm -m node -T … -o delete` finds it, discovery cannot write the record
# again while it is there, and the boot's automatic login skips it without a word. Good records
# are left alone; emptied folders and the links that pointed at removed records go too, then
# the folder is synced.
# Arguments: $1 the target IQN. Exit: 0 none of its records is unreadable now; 1 one could not
# be removed.
d=/etc/iscsi/nodes/$1
[ -n "$1" ] && [ "${1#*/}" = "$1" ] && [ "$1" != . ] && [ "$1" != .. ] || exit 1
[ -d "$d" ] || exit 0
find "$d" -type f | while IFS= read -r f; do
    grep -q '^# END RECORD' "$f" && continue
    echo "removing $f (unreadable: $(wc -c <"$f") bytes, no end line)"
    rm -f "$f" || exit 1
    p=${f%/*}
    if [ "$p" != "$d" ]; then rmdir "$p" 2>/dev/null || true; fi
done || exit 1
rmdir "$d" 2>/dev/null
find /etc/iscsi/send_targets /etc/iscsi/static -xtype l -delete 2>/dev/null
sync -f /etc/iscsi 2>/dev/null || sync
exit 0
