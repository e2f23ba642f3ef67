#!/bin/sh
# Checks a new md RAID1: it has an internal bitmap and its remote member is write-mostly.
# Arguments: $1 the array (/dev/md0); $2 the remote member (its by-path link); $3 the md device
# name (md0).
# Exit: 0 both hold; 1 one does not (which one on stderr).
mdadm --detail "$1" | grep -q 'Consistency Policy : bitmap' || { echo "$1 has no internal bitmap" >&2; exit 1; }; d=$(basename "$(readlink -f "$2")"); grep -q write_mostly "/sys/block/$3/md/dev-$d/state" || { echo "$2 is not write-mostly" >&2; exit 1; }
