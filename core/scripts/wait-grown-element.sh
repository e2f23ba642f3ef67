#!/bin/sh
# Waits (up to 30 s) until a block device shows at least a size: the imported element after a
# rescan of its session.
# Arguments: $1 the device (the by-path link); $2 the size in bytes.
# Exit: 0 it has the size; 1 it is still smaller after 30 s (its size on stderr).
i=0; while [ $i -lt 150 ]; do [ "$(blockdev --getsize64 "$1")" -ge "$2" ] && exit 0; sleep 0.2; i=$((i+1)); done; echo "$1 is still $(blockdev --getsize64 "$1") bytes" >&2; exit 1
