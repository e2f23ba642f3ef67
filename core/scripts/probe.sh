#!/bin/sh
# The full node probe: runs every read-only command nr1 parses and frames each one's stdout as
# "@@nr1 begin NAME", the output, an empty line, "@@nr1 end NAME EXIT" (see ProbeScript.h).
# The tools nr1 needs, and which of them are missing, show in the "commands" section.
# Arguments: none. Exit: that of the last section; each section's own status is in its frame.
# shellcheck disable=SC2016 # the single-quoted scripts are for the inner sh -c, which expands them
sec() { n=$1; shift; echo "@@nr1 begin $n"; "$@"; r=$?; echo; echo "@@nr1 end $n $r"; }
sec hostname hostname
# The node's clock (seconds since 1970), early so that both nodes' are read at about one time.
sec clock date +%s
sec commands sh -c 'for c in mdadm lvm targetcli iscsiadm wipefs blkid blockdev udevadm systemctl update-initramfs python3 ip arping; do command -v "$c" >/dev/null 2>&1 && echo "$c"; done; true'
sec mdstat cat /proc/mdstat
sec md-sysfs sh -c 'for d in /sys/block/md*/md; do [ -d "$d" ] && grep -r -H -s . "$d"; done; true'
sec pvs pvs --reportformat json --units b --nosuffix -o pv_name,pv_uuid,pv_size,pv_free,dev_size,vg_name,vg_uuid
sec vgs vgs --reportformat json --units b --nosuffix -o vg_name,vg_uuid,vg_attr,vg_size,vg_free,vg_extent_size,pv_count,lv_count,vg_autoactivation
sec lvs lvs --reportformat json --units b --nosuffix -o lv_name,lv_full_name,lv_path,lv_dm_path,lv_uuid,lv_attr,lv_size,lv_active,vg_name,vg_uuid,vg_size,vg_free,vg_extent_size,devices
sec lsblk lsblk --json --bytes -o NAME,KNAME,PATH,TYPE,SIZE,RO,RM,WWN,SERIAL,VENDOR,MODEL,TRAN,FSTYPE,UUID,LABEL,PTTYPE,MOUNTPOINTS,PKNAME
sec disk-links find /dev/disk/by-path /dev/disk/by-id -type l -printf '%p\t%l\n'
for d in $(lsblk -nrpo PATH,TYPE,TRAN | awk '($2 == "disk" || $2 == "part") && $3 != "iscsi" { print $1 }'); do sec "wipefs $d" wipefs --no-act --json "$d"; done
# LIO's configuration, live (rtslib) or saved: its JSON with every CHAP password replaced by
# "sha256:" and the SHA-256 of "nr1 CHAP secret:" and the password, so neither nr1's memory nor
# a saved probe holds one in the clear (saved: a missing file exits 1 like cat; an empty file or
# bad JSON exits 3 and says so on stdout).
lio='import hashlib, json, sys
def hide(o):
    if isinstance(o, dict):
        return {k: digest(v) if k.endswith("password") and isinstance(v, str) and v else hide(v)
                for k, v in o.items()}
    if isinstance(o, list):
        return [hide(v) for v in o]
    return o
def digest(v):
    return "sha256:" + hashlib.sha256(("nr1 CHAP secret:" + v).encode()).hexdigest()
if sys.argv[1] == "live":
    import rtslib_fb
    config = rtslib_fb.RTSRoot().dump()
else:
    try:
        f = open(sys.argv[2])
    except OSError as e:
        sys.exit(str(e))
    text = None
    with f:
        try:
            text = f.read()
            config = json.loads(text)
        except ValueError as e:  # also a UnicodeDecodeError
            empty = text is not None and not text.strip()
            print(sys.argv[2], "is empty" if empty else "is not JSON: %s" % e)
            sys.exit(3)
print(json.dumps(hide(config), sort_keys=True, indent=2))'
sec lio-live python3 -c "$lio" live
sec lio-saved python3 -c "$lio" saved /etc/rtslib-fb-target/saveconfig.json
sec iscsi-sessions iscsiadm -m session -P 3
sec iscsi-nodes iscsiadm -m node -o show
# Node record files iscsiadm cannot read (empty or cut short, as a power loss leaves them: it
# shows them as records of no target), one path a line.
sec iscsi-broken-records sh -c 'find /etc/iscsi/nodes -type f 2>/dev/null | while IFS= read -r f; do grep -q "^# END RECORD" "$f" || echo "$f"; done; true'
sec initiator-name cat /etc/iscsi/initiatorname.iscsi
sec mdadm-conf cat /etc/mdadm/mdadm.conf
sec lio-restore-dropins sh -c 'cat /etc/systemd/system/rtslib-fb-targetctl.service.d/*.conf 2>/dev/null; true'
# (with the md last-resort timers nr1 masked: their symlinks to /dev/null, one per array; and
# nr1's boot gates, one unit per pair), as "UNIT ENABLED ACTIVE" lines: is-enabled's answer or
# "-" when it has none (no such unit), then is-active's, "activating" also for an inactive unit
# whose start job waits (for LIO's restore at boot: waiting for the device it serves).
sec units sh -c 'jobs=$(systemctl list-jobs --no-legend 2>/dev/null); for u in iscsid.socket open-iscsi.service rtslib-fb-targetctl.service $(cd /etc/systemd/system 2>/dev/null && for f in mdadm-last-resort@*.timer; do [ -L "$f" ] && echo "$f"; done; for f in nr1-boot-gate-*.service; do [ -f "$f" ] && echo "$f"; done); do e=$(systemctl is-enabled "$u" 2>/dev/null); a=$(systemctl is-active "$u" 2>/dev/null); [ "$a" = inactive ] && echo "$jobs" | grep -Eq "^ *[0-9]+ +$u +start " && a=activating; echo "$u ${e:--} $a"; done'
# The files of nr1's boot gate (boot-gate.sh), as "SHA-256  path" lines.
sec boot-gate-files sh -c 'sha256sum /etc/nr1/boot-gate.sh /etc/systemd/system/nr1-boot-gate-*.service 2>/dev/null; true'
# The node's IPv4 addresses (where a pair's floating front-end address is), one a line.
sec addresses ip -o -4 addr show
# The identities of the front-end LUNs nr1 recorded on this node, one JSON line per file.
sec lun-identities sh -c 'for f in /etc/nr1/*.identity; do [ -f "$f" ] && cat "$f" && echo; done; true'
# When mdadm.conf and the running kernel's boot image last changed, as "SECONDS PATH" lines (an
# initramfs older than mdadm.conf assembles arrays from the configuration before it).
sec boot-files sh -c 'stat -c "%Y %n" /etc/mdadm/mdadm.conf "/boot/initrd.img-$(uname -r)" 2>/dev/null; true'
