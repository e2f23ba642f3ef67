#!/bin/sh
# Puts a returning leg back into the running array as its write-mostly leg, and chooses between
# a bitmap re-add and a full resync from the leg's own superblock. md keeps no generation ids:
# a re-add resyncs only what the *running* array's bitmap marks, so it is safe only when the
# leg wrote nothing the running array lacks. md records a failed or missing leg in the other
# legs' superblocks before it acknowledges a write that missed it, so a leg whose superblock
# still shows every slot active ("AA") never wrote alone. Otherwise (a partner shown missing: it
# served alone before it was lost; a partial rebuild; no superblock; or md refusing the re-add
# because its bitmap no longer covers the leg) the leg is zeroed and added whole: what it alone
# held is overwritten by the running array's data. Another array's superblock is refused.
# Arguments: $1 the array (/dev/md0); $2 the leg as this node sees it.
# Prints the decision and why. Exit: 0 once md took the leg; 1 otherwise (why on stderr).
md=$1 leg=$2
full() {
    echo "full resync of $leg: $1"
    if mdadm --examine "$leg" >/dev/null 2>&1; then
        mdadm --zero-superblock "$leg" || exit 1
    fi
    mdadm "$md" --add --write-mostly "$leg" || exit 1
    exit 0
}
e=$(mdadm --examine "$leg" 2>/dev/null) || full "it carries no md superblock"
running=$(mdadm --detail --export "$md" | sed -n 's/^MD_UUID=//p')
mine=$(mdadm --examine --export "$leg" | sed -n 's/^MD_UUID=//p')
if [ -z "$running" ] || [ "$mine" != "$running" ]; then
    echo "$leg carries a superblock of array $mine, not of $md ($running): nr1 does not" \
        "overwrite another array's member (look at it with mdadm --examine)" >&2
    exit 1
fi
field() { printf '%s\n' "$e" | sed -n "s/^ *$1 : *//p" | head -n 1; }
events=$(field Events)
updated=$(field 'Update Time')
state=$(field 'Array State' | cut -d ' ' -f 1)
said="its superblock (events $events, last updated $updated) shows array state ${state:-unknown}"
if printf '%s\n' "$e" | grep -q 'Recovery Offset'; then
    full "it was only partly rebuilt when it left (Recovery Offset)"
fi
case $state in
'' | *[!A]*)
    full "$said: it ran without its partner, so what it wrote alone is not in $md" ;;
esac
echo "re-add of $leg from the bitmap of $md: $said (every leg active), so it wrote nothing" \
    "$md lacks"
mdadm "$md" --re-add --write-mostly "$leg" ||
    full "md refused the re-add (its bitmap does not cover events $events)"
# The flag, in case this mdadm did not pass --write-mostly on with the re-add.
name=$(basename "$(readlink -f "$leg")")
flags=/sys/block/$(basename "$md")/md/dev-$name/state
if [ -w "$flags" ] && ! grep -q write_mostly "$flags"; then
    echo writemostly >"$flags" || exit 1
fi
exit 0
