#!/bin/sh
# A pair's floating front-end address on the node that serves its LUN, where initiators log in
# whichever node serves. "up" adds it (on the interface the node routes it through, that is the
# one on its subnet), unless another host already answers for it: that host still serves, so
# this node must not (a takeover whose fence did not take, a switchover whose other node kept
# it). Then it announces the address with gratuitous ARP, so switches and initiators move to
# this node at once instead of at their ARP cache's timeout. "down" removes it wherever it is.
# Both do nothing when the address is already as asked. The address is not kept across a boot:
# nr1's boot gate adds it on the Primary when it serves (boot-gate.sh).
# Arguments: $1 up or down; $2 the address with its prefix length (192.0.2.10/24).
# Exit: 0 done; 1 another host answers for the address (up), or ip failed; 2 bad arguments.
op=$1 cidr=$2
addr=${cidr%/*}
case $op/$cidr in up/*/* | down/*/*) ;; *) echo "usage: up|down ADDRESS/PREFIX" >&2 && exit 2 ;; esac
held=$(ip -o -4 addr show | awk -v a="$addr" '{ split($4, p, "/"); if (p[1] == a) { print $2; exit } }')
if [ "$op" = down ]; then
    [ -n "$held" ] || { echo "$addr is not on this node" && exit 0; }
    ip addr del "$cidr" dev "${held%@*}" || exit 1
    echo "removed $addr from ${held%@*}"
    exit 0
fi
[ -z "$held" ] || { echo "$addr is already on ${held%@*}" && exit 0; }
dev=$(ip -o -4 route get "$addr" 2>/dev/null | sed -n 's/.* dev \([^ ]*\).*/\1/p')
[ -n "$dev" ] || { echo "no interface of this node routes $addr: it cannot serve it" >&2 && exit 1; }
if command -v arping >/dev/null 2>&1; then
    # Duplicate address detection (exit 1 when a host answers).
    if ! arping -q -D -c 2 -w 3 -I "$dev" "$addr"; then
        echo "another host answers for $addr on $dev: it still serves the pair's LUN; fence or stop it first" >&2
        exit 1
    fi
fi
ip addr add "$cidr" dev "$dev" || exit 1
echo "added $cidr on $dev"
if command -v arping >/dev/null 2>&1; then
    arping -q -U -c 3 -I "$dev" "$addr" || true
else
    echo "arping is not installed (iputils-arping): no gratuitous ARP; neighbours find $addr here when their ARP cache expires" >&2
fi
