#!/bin/sh
# Breaks the pair lock whoever holds it: removes its owner file and folder.
# Arguments: $1 the lock folder. Exit: 0 the lock is gone (or was free); 1 it is still there.
rm -f "$1/owner"; rmdir "$1" 2>/dev/null; [ ! -d "$1" ]
