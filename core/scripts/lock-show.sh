#!/bin/sh
# Shows who holds the pair lock: prints its owner line, nothing when the lock is free.
# Arguments: $1 the lock folder. Exit: 0.
[ -d "$1" ] || exit 0; cat "$1/owner" 2>/dev/null || echo '(no owner recorded)'
