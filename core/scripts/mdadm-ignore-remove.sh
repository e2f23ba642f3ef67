#!/bin/sh
# Removes the "ARRAY <ignore> UUID=…" rule of the array whose superblock an element carries
# from mdadm.conf (the undo of mdadm-ignore-add.sh).
# Arguments: $1 the element; $2 mdadm.conf.
# Exit: 0 removed (or absent); 1 the element has no md superblock (said on stderr); other: sed
# failed.
blockdev --flushbufs "$1"; u=$(mdadm --examine --export "$1" | sed -n 's/^MD_UUID=//p'); [ -n "$u" ] || { echo "no md superblock on $1" >&2; exit 1; }; sed -i "/^ARRAY <ignore> UUID=$u\$/d" "$2"
