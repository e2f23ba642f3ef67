#!/bin/sh
# Sets where md's sync passes start, unless it is already there (md resets it after a pass).
# Arguments: $1 the md device name (md0); $2 the start sector (0: the whole array).
# Exit: 0 it is set; other: the write to sync_min failed.
# shellcheck disable=SC2086 # $d is /sys/block/$1/md, $1 an md device name: no spaces or globs
d=/sys/block/$1/md; [ "$(cat $d/sync_min)" = "$2" ] || echo "$2" > $d/sync_min
