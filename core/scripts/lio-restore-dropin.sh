#!/bin/sh
# Writes a systemd drop-in that makes LIO's restore at boot want and wait for a device's unit,
# then reloads systemd.
# Arguments: $1 the drop-in file; $2 the device's unit (systemd-escaped, as dev-md0.device).
# Exit: 0 written and reloaded; other: what failed.
mkdir -p "${1%/*}" && printf '%s\n' '[Unit]' "Wants=$2" "After=$2" > "$1" && systemctl daemon-reload
