#!/bin/sh
# Breaks the pair lock only when its owner line is the one on stdin: the line of a holder nr1
# found gone (a process of this machine that is not running any more). Another owner's lock,
# taken meanwhile, stays.
# Arguments: $1 the lock folder; stdin the stale owner line.
# Exit: 0 the lock is gone (or was free); 1 another owner holds it.
IFS= read -r o; [ -d "$1" ] || exit 0; [ "$(cat "$1/owner" 2>/dev/null)" = "$o" ] || exit 1; rm -f "$1/owner"; rmdir "$1"
