#!/bin/sh
# Removes the NUL bytes from a text file, atomically: a write lost at a power loss leaves the
# file's new length with zeros where its data never reached the disk (seen in mdadm.conf, whose
# parser then skips the line they start). The text without them goes to a temporary file in the
# same folder, which is synced and renamed over the file, keeping its mode.
# Arguments: $1 the file. Exit: 0 done; other: what failed.
f=$1
t="$f.new.$$"
if ! { cp -p "$f" "$t" && tr -d '\000' < "$f" > "$t" && sync "$t" && mv -f "$t" "$f"; }; then
    rm -f "$t"
    exit 2
fi
