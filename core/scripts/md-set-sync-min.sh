#!/bin/sh
# Sets where md's next sync pass starts (the undo of md-sync-min-when-idle.sh sets it to 0).
# Arguments: $1 the md device name (md0); $2 the start sector.
# Exit: 0 set; other: the write to sync_min failed.
# shellcheck disable=SC2086 # $d is /sys/block/$1/md, $1 an md device name: no spaces or globs
d=/sys/block/$1/md; echo "$2" > $d/sync_min
