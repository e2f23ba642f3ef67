#!/bin/sh
# Installs a pair's boot gate on a node (boot-gate.sh): the gate's script, shared by the node's
# pairs, and the pair's unit, each written to a temporary file in its folder, synced and renamed
# over the old one (a crash leaves the old file or the new, never a part); then enables the unit
# (it runs at the next boot, not now; `systemctl enable` reads the file itself and reloads
# systemd after).
# Arguments: $1 the script's file; $2 its text; $3 the unit's file; $4 its text.
# Exit: 0 installed and enabled; 1 a file could not be written; other: systemctl's status.
put() {
    mkdir -p "${1%/*}" || return 1
    t="$1.new.$$"
    if ! { printf '%s' "$2" > "$t" && sync "$t" && mv -f "$t" "$1"; }; then
        rm -f "$t"
        return 1
    fi
}
put "$1" "$2" && put "$3" "$4" || exit 1
systemctl enable "${3##*/}"
