#!/bin/sh
# Makes a node forget an iSCSI target it should not import: turns its automatic login off, logs
# out of it (also a login that is still being tried: after a boot iscsid retries a failing
# initial login for up to about two minutes, and its session holds the record meanwhile) and
# deletes its node record, retrying for up to two and a half minutes while a session holds it.
# Arguments: $1 the target IQN; $2 the portal (address:port).
# Exit: 0 no record is left; 1 it could not be deleted (iscsiadm's words on stderr).
iscsiadm -m node -T "$1" -p "$2" -o update -n node.startup -v manual >/dev/null 2>&1
i=0
while [ $i -lt 75 ]; do
    iscsiadm -m node -T "$1" -p "$2" --logout >/dev/null 2>&1
    if out=$(iscsiadm -m node -T "$1" -p "$2" -o delete 2>&1); then
        exit 0
    fi
    case $out in
    *"No records found"* | *"does not exist"*) exit 0 ;;
    esac
    sleep 2
    i=$((i + 1))
done
printf '%s\n' "$out" >&2
exit 1
