#!/bin/sh
# Checks that an md array can stop for a switchover with both legs equal: it runs, no member is
# missing or failed (degraded 0) and md is idle (no resync, recovery or check).
# Arguments: $1 the md device name (md0).
# Exit: 0 whole and idle; 1 not (what on stderr).
d=/sys/block/$1/md
[ -r "$d/degraded" ] || { echo "$1 is not running" >&2; exit 1; }
[ "$(cat "$d/degraded")" = 0 ] || { echo "$1 is degraded: repair the pair first" >&2; exit 1; }
a=$(cat "$d/sync_action")
[ "$a" = idle ] || { echo "$1 is busy ($a): switch over when it is idle" >&2; exit 1; }
