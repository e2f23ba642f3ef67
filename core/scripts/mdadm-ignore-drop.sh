#!/bin/sh
# Removes the "ARRAY <ignore> UUID=…" rule of the array whose superblock an element carries
# from mdadm.conf; nothing when the element has no superblock (teardown).
# Arguments: $1 the element; $2 mdadm.conf.
# Exit: 0 removed or nothing to remove; other: sed failed.
u=$(mdadm --examine --export "$1" | sed -n 's/^MD_UUID=//p'); [ -z "$u" ] || sed -i "/^ARRAY <ignore> UUID=$u\$/d" "$2"
