#!/bin/sh
# Waits (up to 60 s) until md's array is idle (no sync pass running), then sets where its next
# sync pass starts; sysfs refuses the write (EBUSY) while a pass runs.
# Arguments: $1 the md device name (md0); $2 the start sector.
# Exit: 0 set; other: the write to sync_min failed.
# shellcheck disable=SC2086 # $d is /sys/block/$1/md, $1 an md device name: no spaces or globs
d=/sys/block/$1/md; i=0; while [ "$(cat $d/sync_action)" != idle ] && [ $i -lt 300 ]; do sleep 0.2; i=$((i+1)); done; echo "$2" > $d/sync_min
