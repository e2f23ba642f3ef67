#!/bin/sh
# Waits for udev, then (up to 30 s) until a block device exists: the imported element after
# a login or a rescan.
# Arguments: $1 the device path (the by-path link).
# Exit: 0 it exists; 1 it did not appear (said on stderr).
udevadm settle; i=0; while [ $i -lt 150 ]; do [ -b "$1" ] && exit 0; sleep 0.2; i=$((i+1)); done; echo "$1 did not appear" >&2; exit 1
