#!/bin/sh
# Waits (up to 120 s) until an iSCSI session to a target is logged in (iscsid logging in again
# by itself after the target or the link was away).
# Arguments: $1 the target IQN.
# Exit: 0 logged in; 1 not after 120 s (said on stderr).
i=0; while [ $i -lt 600 ]; do for s in /sys/class/iscsi_session/session*; do [ "$(cat "$s/targetname" 2>/dev/null)" = "$1" ] && [ "$(cat "$s/state")" = LOGGED_IN ] && exit 0; done; sleep 0.2; i=$((i+1)); done; echo "no session to $1 logged in" >&2; exit 1
