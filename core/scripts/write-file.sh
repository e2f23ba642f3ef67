#!/bin/sh
# Writes one line to a file (sysfs attributes and the like), replacing what it held.
# Arguments: $1 the line; $2 the file. Exit: 0 written; other: the write failed.
echo "$1" > "$2"
