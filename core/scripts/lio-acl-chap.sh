#!/bin/sh
# Sets the CHAP credentials of one LIO node ACL by writing its configfs auth attributes. The
# values come on stdin, never in an argv (so neither /proc/*/cmdline nor sudo's log shows them),
# and reach LIO byte for byte: configfs stores what is written (targetcli would parse them
# again). printf and [ are sh builtins, so no process ever gets a value as an argument.
# The kernel names the mutual pair userid_mutual and password_mutual (rtslib's mutual_userid and
# mutual_password are its own names for them); configfs refuses any other name (EACCES).
# Arguments: $1 the ACL's auth directory,
#   /sys/kernel/config/target/iscsi/IQN/tpgt_1/acls/INITIATOR/auth.
# Stdin: four lines: user id, password, mutual user id, mutual password; an empty value is
#   written as NULL, LIO's word for "not set" (one-way CHAP leaves the mutual ones empty).
# Exit: 0 set and read back; 1 no such directory, or fewer than four lines; 2 a write failed
#   or LIO reads back another value (the message names the attribute, never its value).
d=$1
[ -d "$d" ] || { echo "no ACL auth directory $d" >&2; exit 1; }
{ IFS= read -r userid && IFS= read -r password && IFS= read -r mutual_userid &&
  IFS= read -r mutual_password; } || { echo "expected four lines on stdin" >&2; exit 1; }
set_auth() {
    v=$2
    [ -n "$v" ] || v=NULL
    printf '%s' "$v" > "$d/$1" || { echo "cannot write $d/$1" >&2; exit 2; }
    [ "$(cat "$d/$1")" = "$v" ] || { echo "$d/$1 reads back another value" >&2; exit 2; }
}
set_auth userid "$userid"
set_auth password "$password"
set_auth userid_mutual "$mutual_userid"
set_auth password_mutual "$mutual_password"
