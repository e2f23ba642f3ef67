#!/bin/sh
# Appends an array's ARRAY line (mdadm --detail --brief) to mdadm.conf, so it is assembled at
# boot.
# Arguments: $1 the array (/dev/md0); $2 mdadm.conf.
# Exit: 0 appended; 1 mdadm gave no ARRAY line; other: mdadm or the write failed.
mdadm --detail --brief "$1" | grep '^ARRAY' >> "$2"
