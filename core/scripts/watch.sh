#!/bin/sh
# The monitor's cheap probe: hostname, mdstat, md sysfs, iSCSI sessions and the IPv4 addresses
# (where the floating front-end address is), framed as probe.sh does; a node without iscsiadm reports 127 in the iscsi-sessions frame.
# Arguments: none. Exit: that of the last section; each section's own status is in its frame.
# shellcheck disable=SC2016 # the single-quoted scripts are for the inner sh -c, which expands them
sec() { n=$1; shift; echo "@@nr1 begin $n"; "$@"; r=$?; echo; echo "@@nr1 end $n $r"; }
sec hostname hostname
sec mdstat cat /proc/mdstat
sec md-sysfs sh -c 'for d in /sys/block/md*/md; do [ -d "$d" ] && grep -r -H -s . "$d"; done; true'
sec iscsi-sessions sh -c 'command -v iscsiadm >/dev/null 2>&1 || exit 127; iscsiadm -m session -P 3'
sec addresses ip -o -4 addr show
