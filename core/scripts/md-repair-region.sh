#!/bin/sh
# Repairs one region of an md RAID1: md's repair pass from a start sector to the end, so both
# legs hold the same data there. Waits first for any pass md runs (its own pass over a region a
# grow added), then starts the repair and waits until it ends. Fails unless md reports the pass
# done with every member still working: a leg lost meanwhile (a cut link) leaves the region
# unrepaired, and `nr1ctl apply repair` brings the leg back and repairs the whole region again
# (with the rest of the grow: the repair plan finishes a grow that stopped after md grew).
# md's verdict is its kernel log line "md: MD: requested-resync done." (or "interrupted."),
# looked for after a marker this script writes to the log, so older lines never count.
# Arguments: $1 the md device name (md0); $2 the region's first sector.
# Exit: 0 repaired; 2 the array is degraded (before or after the pass); 3 a sysfs write failed;
#   4 md did not report the pass done.
# shellcheck disable=SC2086 # $d is /sys/block/$1/md, $1 an md device name: no spaces or globs
d=/sys/block/$1/md
idle() { [ "$(cat $d/sync_action)" = idle ]; }
whole() { [ "$(cat $d/degraded)" = 0 ]; }
lost_leg() {
    echo "$1 is degraded: the region cannot be repaired until the remote leg is back;" \
        "nr1ctl apply repair brings it back and finishes the grow" >&2
    exit 2
}
whole || lost_leg "$1"
while ! idle; do sleep 0.5; done
# Later passes cover the whole array again, however this one ends.
trap 'echo 0 > $d/sync_min 2>/dev/null' EXIT
trap 'exit 5' INT TERM
marker="nr1: repair of $1 from sector $2 ($$-$(date +%s))"
echo "$marker" > /dev/kmsg || exit 3
verdicts() { dmesg | sed -n "\\|$marker|,\$p" | grep -E "md: $1: (requested-resync|repair) (done|interrupted)"; }
echo "$2" > $d/sync_min || exit 3
echo repair > $d/sync_action || exit 3
# The pass starts asynchronously; a short one may be over before it is seen running.
i=0
while idle && [ -z "$(verdicts "$1")" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
while ! idle; do sleep 0.5; done
whole || lost_leg "$1"
verdict=$(verdicts "$1" | tail -n 1)
case $verdict in
*done*) exit 0 ;;
"") echo "md reported no end of the repair of $1" >&2 ;;
*) echo "the repair of $1 did not run to its end: $verdict" >&2 ;;
esac
exit 4
