#!/bin/sh
# Makes a node forget an iSCSI target it should not import: logs out of it (also a login that is
# still being tried, as iscsid does for a while after boot) and deletes its node record, retrying
# for up to a minute while a session still holds the record.
# Arguments: $1 the target IQN; $2 the portal (address:port).
# Exit: 0 no record is left; 1 it could not be deleted (iscsiadm's words on stderr).
i=0
while [ $i -lt 30 ]; do
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
