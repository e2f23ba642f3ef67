#!/bin/sh
# Takes the pair lock: makes the lock folder (mkdir is atomic) and writes the owner line read
# from stdin into its file "owner".
# Arguments: $1 the lock folder (/run/lock/nr1/PAIR.lock); stdin: the owner line.
# Exit: 0 taken; 75 held by another owner (its owner line on stdout); 1 cannot be taken.
IFS= read -r o; mkdir -p /run/lock/nr1 || exit 1; if mkdir "$1" 2>/dev/null; then printf '%s\n' "$o" > "$1/owner" && exit 0; rm -f "$1/owner"; rmdir "$1"; exit 1; fi; cat "$1/owner" 2>/dev/null || echo '(no owner recorded)'; exit 75
