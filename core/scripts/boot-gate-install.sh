#!/bin/sh
# Installs, puts back or removes a pair's boot gate on a node (boot-gate.sh): the gate's script,
# shared by the node's pairs, and the pair's unit.
#   install SCRIPT_FILE SCRIPT UNIT_FILE UNIT: writes each file to a temporary file in its
#     folder, synced and renamed over the old one (a crash leaves the old file or the new, never
#     a part), keeping the file it replaces as FILE.nr1-previous for `undo` (a kept one from
#     before is dropped when there is no file to replace); then enables the unit (it runs at the
#     next boot, not now; `systemctl enable` reads the file itself and reloads systemd after).
#   undo SCRIPT_FILE UNIT_FILE: puts back what `install` replaced: each kept file renamed back;
#     a unit that replaced none is disabled and removed (a script that replaced none stays: the
#     node's other pairs may run it); a unit put back is enabled again.
#   remove UNIT_FILE: disables and removes the pair's unit and its kept former version.
# Exit: 0 done; 1 a file could not be written or renamed; 64 bad arguments; other: systemctl's.
put() {
    mkdir -p "${1%/*}" || return 1
    if [ -e "$1" ]; then
        cp -p "$1" "$1.nr1-previous" || return 1
    else
        rm -f "$1.nr1-previous" || return 1
    fi
    t="$1.new.$$"
    if ! { printf '%s' "$2" > "$t" && sync "$t" && mv -f "$t" "$1"; }; then
        rm -f "$t"
        return 1
    fi
}
unit_name() { echo "${1##*/}"; }
case $1 in
install)
    [ $# -eq 5 ] || exit 64
    put "$2" "$3" && put "$4" "$5" || exit 1
    systemctl enable "$(unit_name "$4")"
    ;;
undo)
    [ $# -eq 3 ] || exit 64
    systemctl disable "$(unit_name "$3")" 2>/dev/null
    if [ -e "$2.nr1-previous" ]; then
        mv -f "$2.nr1-previous" "$2" || exit 1
    fi
    if [ -e "$3.nr1-previous" ]; then
        mv -f "$3.nr1-previous" "$3" || exit 1
        systemctl enable "$(unit_name "$3")"
    else
        rm -f "$3" && systemctl daemon-reload
    fi
    ;;
remove)
    [ $# -eq 2 ] || exit 64
    systemctl disable "$(unit_name "$2")" 2>/dev/null
    rm -f "$2" "$2.nr1-previous" && systemctl daemon-reload
    ;;
*)
    exit 64
    ;;
esac
