#!/bin/sh
# Stops the remote commands nr1 tagged NR1_STEP=TAG in their environment (ChannelPool tags every
# command it runs): every process carrying a tag and every process of those processes' groups
# (sshd starts each channel's command in a session of its own) gets SIGTERM, then SIGKILL after
# the grace, and the script waits until none is left. It finds them in /proc/PID/environ (GNU
# grep -z), so it runs as the user that ran the commands (root, or through sudo like them).
# Arguments: $1 the grace in tenths of a second; $2… the tags.
# Exit: 0 nothing of them runs any more (also when nothing ran); 1 some still run after SIGKILL
# (their pids on stderr).
grace=$1
shift
tagged() {
    for tag in "$@"; do
        grep -lxzF "NR1_STEP=$tag" /proc/[0-9]*/environ 2>/dev/null
    done | sed -n 's|^/proc/\([0-9][0-9]*\)/environ$|\1|p'
}
groups_of() {
    for pid in $1; do
        stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
        # Field 5 (the group), counted after the command name, which may hold blanks.
        echo "${stat##*) }" | cut -d' ' -f3
    done
}
signal_all() {
    for pid in $1; do kill "-$3" "$pid" 2>/dev/null; done
    # Never group 0 or 1 (the caller's own group, init's): only what the commands run in.
    for group in $2; do [ "$group" -gt 1 ] && kill "-$3" "-$group" 2>/dev/null; done
}
alive() {
    [ -n "$(tagged "$@")" ] && return 0
    for group in $known; do [ "$group" -gt 1 ] && kill -0 "-$group" 2>/dev/null && return 0; done
    return 1
}
pids=$(tagged "$@")
[ -z "$pids" ] && exit 0
known=$(groups_of "$pids" | sort -u)
signal_all "$pids" "$known" TERM
i=0
while alive "$@" && [ "$i" -lt "$grace" ]; do sleep 0.1; i=$((i + 1)); done
alive "$@" || exit 0
pids=$(tagged "$@")
known=$({ echo "$known"; groups_of "$pids"; } | sort -u)
signal_all "$pids" "$known" KILL
i=0
while alive "$@" && [ "$i" -lt 20 ]; do sleep 0.1; i=$((i + 1)); done
alive "$@" || exit 0
echo "still running after SIGKILL: $(tagged "$@" | tr '\n' ' ')" >&2
exit 1
