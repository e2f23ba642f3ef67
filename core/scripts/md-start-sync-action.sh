#!/bin/sh
# Starts an md sync action and waits (up to 5 s) until md shows it running, so a following
# `mdadm --wait` does not return before the pass began.
# Arguments: $1 the md device name (md0); $2 the action (repair, check).
# Exit: 0 started (or still idle after 5 s); other: the write to sync_action failed.
# shellcheck disable=SC2086 # $d is /sys/block/$1/md, $1 an md device name: no spaces or globs
d=/sys/block/$1/md; echo "$2" > $d/sync_action && i=0; while [ "$(cat $d/sync_action)" = idle ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
