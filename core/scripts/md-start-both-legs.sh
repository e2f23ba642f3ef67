#!/bin/sh
# Lets an md array the Primary's boot left inactive, waiting for its remote leg (the boot's
# login did not happen), start once that leg is back: udev's incremental assembly adds the leg
# and md starts the array with both legs, never degraded (no --run). Runs that incremental step
# itself when udev has not within 5 s, then waits up to 30 s in all.
# Arguments: $1 the array (/dev/md0); $2 its kernel name (md0); $3 the remote leg's path.
# Exit: 0 the array runs; 1 it did not start (its state and mdadm's words printed).
i=0
while [ $i -lt 30 ]; do
    grep -q "^$2 : active" /proc/mdstat && exit 0
    [ $i -eq 5 ] && mdadm --incremental "$3"
    sleep 1
    i=$((i + 1))
done
echo "$1 did not start with both legs:"
grep -A2 "^$2 :" /proc/mdstat
mdadm --detail "$1"
exit 1
