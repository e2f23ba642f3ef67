#!/bin/sh
# Adds "ARRAY <ignore> UUID=…" for the array whose superblock an element carries to
# mdadm.conf (once), so the node does not assemble its element at boot.
# Arguments: $1 the element; $2 mdadm.conf.
# Exit: 0 the rule is there; 1 the element has no md superblock (said on stderr); other: the
# write failed.
blockdev --flushbufs "$1"; u=$(mdadm --examine --export "$1" | sed -n 's/^MD_UUID=//p'); [ -n "$u" ] || { echo "no md superblock on $1" >&2; exit 1; }; grep -qx "ARRAY <ignore> UUID=$u" "$2" || echo "ARRAY <ignore> UUID=$u" >> "$2"
