#!/bin/sh
# Removes a systemd unit or drop-in file and reloads systemd.
# Arguments: $1 the file. Exit: 0 removed (or absent) and reloaded; other: what failed.
rm -f "$1" && systemctl daemon-reload
