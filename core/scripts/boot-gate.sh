#!/bin/sh
# nr1's boot gate, installed on both nodes of a pair as /etc/nr1/boot-gate.sh and run once at
# boot by the pair's nr1-boot-gate-PAIR.service (LIO's restore waits for the volume's device,
# up to systemd's device timeout, by the pair's drop-in). The volume group on the
# array has autoactivation off, so nothing serves the volume until this activates it, and it
# does so only on the node whose mdadm.conf names the array (the Primary) and only once the
# array runs with every leg (the local one and the one imported from the peer). A peer that
# exports its leg to this node has not taken over, so this node's data is the pair's; a node
# that comes up with its own leg alone cannot tell, and serves nothing until nr1 (repair,
# takeover) or the administrator starts it: no split brain after a takeover.
# Once the volume is active it brings up the pair's floating front-end address, if it has one
# (as front-address.sh up does: not while another host answers for it).
# Arguments: $1 the array (/dev/md0); $2 the volume group on it; $3 seconds to wait for the legs;
# $4 the floating front-end address with its prefix length (192.0.2.10/24), optional.
# Exit: 0 the volume is active, or this node is not the Primary; 1 held: the array did not run
# with all its legs in time (the reason on stderr, in the unit's journal); 2 vgchange failed;
# 3 the front-end address could not be brought up (the volume is active).

# nr1's boot gate (core/scripts/boot-gate.sh), run at boot by nr1-boot-gate-PAIR.service: it
# activates the pair's volume group only on the Primary and only once its array runs with every
# leg; otherwise the volume stays down until nr1 or the administrator starts it.
md=$1 vg=$2 limit=$3
sysfs=/sys/block/${md##*/}/md
if ! grep -q "^ARRAY $md " /etc/mdadm/mdadm.conf 2>/dev/null; then
    echo "no ARRAY line for $md in /etc/mdadm/mdadm.conf: not the Primary, nothing to start"
    exit 0
fi
legs_up() { # the array runs, and every slot holds a leg that has not failed (read, not cat:
    # the gate polls for a minute on nodes where every process start counts)
    { read -r state < "$sysfs/array_state" && read -r want < "$sysfs/raid_disks"; } 2>/dev/null ||
        return 1
    case $state in inactive | clear | '') return 1 ;; esac
    have=0
    for d in "$sysfs"/dev-*; do
        { read -r slot < "$d/slot" && read -r leg < "$d/state"; } 2>/dev/null || continue
        case $slot in none | '') continue ;; esac
        case $leg in *faulty*) continue ;; esac
        have=$((have + 1))
    done
    [ "$have" -ge "$want" ]
}
start=$(date +%s)
until legs_up; do
    waited=$(($(date +%s) - start))
    if [ "$waited" -ge "$limit" ]; then
        echo "held: $md did not run with all its legs within $limit s ($(grep -A1 "^${md##*/} " /proc/mdstat | tr -s '\n ' ' ')); volume group $vg stays inactive and LIO's restore skips its LUN. If the peer took over, rejoin this node with nr1; else start it with nr1ctl apply repair once both nodes are up." >&2
        exit 1
    fi
    sleep 2
done
echo "$md runs with all its legs after $(($(date +%s) - start)) s: activating volume group $vg"
vgchange -ay "$vg" || exit 2
[ -n "$4" ] || exit 0
addr=${4%/*}
ip -o -4 addr show | grep -q " inet $addr/" && exit 0
dev=$(ip -o -4 route get "$addr" 2>/dev/null | sed -n 's/.* dev \([^ ]*\).*/\1/p')
[ -n "$dev" ] || { echo "no interface routes the front-end address $addr: not brought up" >&2 && exit 3; }
if command -v arping >/dev/null 2>&1 && ! arping -q -D -c 2 -w 3 -I "$dev" "$addr"; then
    echo "another host answers for the front-end address $addr: not brought up" >&2
    exit 3
fi
ip addr add "$4" dev "$dev" || exit 3
echo "front-end address $4 up on $dev"
command -v arping >/dev/null 2>&1 && arping -q -U -c 3 -I "$dev" "$addr"
exit 0
