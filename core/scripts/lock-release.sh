#!/bin/sh
# Gives the pair lock back when this owner holds it: removes its owner file and folder.
# Arguments: $1 the lock folder; stdin: the owner line it was taken with.
# Exit: 0 released or not held; 75 held by another owner (its owner line on stdout);
# other: the folder could not be removed.
IFS= read -r o; [ -d "$1" ] || exit 0; [ "$(cat "$1/owner" 2>/dev/null)" = "$o" ] || { cat "$1/owner" 2>/dev/null; exit 75; }; rm -f "$1/owner" && rmdir "$1"
