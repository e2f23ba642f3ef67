#!/bin/sh
# Inspects the leg a takeover starts the array from: it must carry an md superblock of the
# pair's array (the UUID of the node's ignore rule, when it has one) and must not be a leg md
# was still rebuilding (a "Recovery Offset": part of it is missing). Prints what the superblock
# says (events, last update, array state as this leg last saw it) for the journal.
# Arguments: $1 the element; $2 mdadm.conf.
# Exit: 0 the leg may serve; 1 it must not (why on stderr).
e=$(mdadm --examine "$1" 2>&1) || { echo "$1 carries no md superblock: $e" >&2; exit 1; }
u=$(mdadm --examine --export "$1" | sed -n 's/^MD_UUID=//p')
if grep -q '^ARRAY <ignore> UUID=' "$2" && ! grep -qx "ARRAY <ignore> UUID=$u" "$2"; then
    echo "$1 belongs to array $u, not to the pair's (the ignore rule in $2 names another)" >&2
    exit 1
fi
if printf '%s\n' "$e" | grep -q 'Recovery Offset'; then
    echo "$1 was only partly rebuilt (Recovery Offset): it misses data and must not serve" >&2
    exit 1
fi
printf '%s\n' "$e" | grep -E 'Array UUID|Events|Update Time|Array State|Device Role|State :'
