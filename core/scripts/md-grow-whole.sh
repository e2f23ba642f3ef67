#!/bin/sh
# Grows the md array onto its larger members, only while it is still whole and idle, checked
# in the same command right before: a leg lost (or a sync pass started) since the plan was made
# stops it before md changes anything.
# Arguments: $1 the md device name (md0), $2 its path (/dev/md0).
# Exit: mdadm's; 3 when the array is degraded or runs a sync pass (nothing was changed).
d=/sys/block/$1/md; [ "$(cat "$d/degraded")" = 0 ] || { echo "$2 is degraded: not grown" >&2; exit 3; }; a=$(cat "$d/sync_action"); [ "$a" = idle ] || { echo "$2 runs a $a pass: not grown" >&2; exit 3; }; exec mdadm --grow "$2" --size=max
