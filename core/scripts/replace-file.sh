#!/bin/sh
# Replaces a small record file with one line, atomically: the line goes to a temporary file in
# the same folder, which is synced and renamed over the file, so a reader (or a crash) sees the
# old record or the new one, never a part. Creates the folder (0755) when missing.
# Arguments: $1 the file; $2 the line. Exit: 0 replaced; other: what failed.
f=$1
mkdir -p "${f%/*}" || exit 1
t="$f.new.$$"
if ! { printf '%s\n' "$2" > "$t" && sync "$t" && mv -f "$t" "$f"; }; then
    rm -f "$t"
    exit 2
fi
