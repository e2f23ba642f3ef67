# shellcheck shell=bash disable=SC2034
# Shared helpers for the testbed scripts in this folder. Source it; do not run it.
# Defines the testbed's paths (NR1_TESTBED_DIR, default <repo>/build/testbed), logging with
# stage timings, host package installation, the apt mirror lookup and an ssh helper.
set -euo pipefail

TB_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TB_REPO=$(cd "$TB_SRC/../.." && pwd)
NR1_TESTBED_DIR=$(realpath -m "${NR1_TESTBED_DIR:-$TB_REPO/build/testbed}")
export NR1_TESTBED_DIR
TB_IMAGE=$NR1_TESTBED_DIR/image        # base image, kernel, initramfs, stamp
TB_NODES=$NR1_TESTBED_DIR/nodes        # per-node overlays and data disks
TB_RUN=$NR1_TESTBED_DIR/run            # pids, monitor sockets, consoles, ports
TB_KEY=$NR1_TESTBED_DIR/id_ed25519     # throwaway client key
TB_HOSTKEYS=$NR1_TESTBED_DIR/hostkeys  # per-node ssh host keys
TB_NODE_NAMES=(primary secondary)
# A floating front-end address on the nodes' management network (each node has its own QEMU
# user network 10.0.2.0/24): each node forwards a host port to it (PRIMARY_FRONT,
# SECONDARY_FRONT in ports.env), which answers only while that node holds the address.
TB_FRONT_ADDRESS=10.0.2.100

# Host packages every testbed script may need (Debian 12 names).
TB_HOST_PACKAGES=(qemu-system-x86 qemu-utils qemu-block-extra debootstrap cpio busybox-static
    libiscsi-bin openssh-client e2fsprogs socat iproute2 procps python3 python3-yaml)

tb_log() { printf '==> [%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
tb_die() { printf 'testbed: error: %s\n' "$*" >&2; exit 1; }
tb_now() { date +%s.%N; }
# tb_elapsed START: seconds since START with one decimal.
tb_elapsed() { awk -v s="$1" -v e="$(tb_now)" 'BEGIN { printf "%.1f", e - s }'; }
# tb_stage_done NAME START: prints how long a stage took (and keeps it for tb_stage_summary).
TB_STAGES=()
tb_stage_done() {
    local t; t=$(tb_elapsed "$2")
    TB_STAGES+=("$(printf '%-28s %7s s' "$1" "$t")")
    printf '==> [%s] stage %-28s %7s s\n' "$(date +%H:%M:%S)" "$1" "$t" >&2
}
tb_stage_summary() {
    local line
    printf '\n==> Stage timings\n' >&2
    for line in "${TB_STAGES[@]}"; do printf '    %s\n' "$line" >&2; done
}

# Root and package installation are the project scripts' (scripts/lib.sh): one way for both.
# shellcheck source-path=SCRIPTDIR source=../../scripts/lib.sh
source "$TB_REPO/scripts/lib.sh"
tb_as_root() { as_root "$@"; }
# tb_ensure_packages PKG...: installs the Debian packages that are missing (apt-get update first).
tb_ensure_packages() { ensure_packages "$@"; }

# tb_mirror: prints the Debian mirror URL from the host's apt sources (deb822 .sources files or
# one-line .list files): the first source that serves the "bookworm" suite.
tb_mirror() {
    local file url
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        url=$(awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                                 if ($(i + 1) == "bookworm") { print $i; exit } }' "$file")
        [ -n "$url" ] && { echo "${url%/}"; return 0; }
    done
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        url=$(awk 'BEGIN { RS = ""; FS = "\n" }
            { uris = ""; suites = ""; types = ""
              for (i = 1; i <= NF; i++) {
                  if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
                  if ($i ~ /^Suites:/) { suites = " " $i " " }
                  if ($i ~ /^Types:/) { types = $i } }
              if (types ~ /deb( |$)/ && suites ~ / bookworm /) { split(uris, u, " "); print u[1]; exit } }' "$file")
        [ -n "$url" ] && { echo "${url%/}"; return 0; }
    done
    tb_die "no apt source for the bookworm suite found in /etc/apt/sources.list{,.d/}"
}

# tb_ssh_opts: options for plain OpenSSH to the nodes with the throwaway key (dev tools only;
# nr1 itself goes through its own trust flow and the inventory's empty known_hosts).
tb_ssh_opts() {
    printf '%s\n' -i "$TB_KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
        -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10 \
        -o ServerAliveInterval=5 -o ServerAliveCountMax=6
}

# tb_port NODE: the node's forwarded ssh port of the running testbed.
tb_port() {
    [ -f "$TB_RUN/ports.env" ] || tb_die "the testbed is not up (no $TB_RUN/ports.env)"
    # shellcheck source=/dev/null
    (source "$TB_RUN/ports.env"; v="${1^^}_SSH"; echo "${!v}")
}

# tb_inventory_primary_port INVENTORY: the ssh port of the node an nr1 inventory names its
# pair's Primary (roles swap with a switchover or takeover; compare with tb_port NODE).
tb_inventory_primary_port() { awk '/^    primary:/ { p = 1 } p && /port:/ { print $2; exit }' "$1"; }

# tb_lio_restoring NODE: true while LIO's restore at boot has not run on the node: the unit runs,
# or its start job waits (is-active says "inactive" then: it waits for the device it serves).
tb_lio_restoring() {
    # shellcheck disable=SC2016 # expanded on the node
    tb_ssh "$1" '[ "$(systemctl is-active rtslib-fb-targetctl)" = activating ] ||
        systemctl list-jobs --no-legend rtslib-fb-targetctl.service | grep -q " start "' 2>/dev/null
}

# tb_ssh NODE COMMAND...: runs a command on a node as root, sharing one connection per node.
tb_ssh() {
    local node=$1 port; shift
    port=$(tb_port "$node")
    mkdir -p "$TB_RUN/ssh-mux"
    local opts; mapfile -t opts < <(tb_ssh_opts)
    ssh "${opts[@]}" -o ControlMaster=auto -o ControlPath="$TB_RUN/ssh-mux/$node-%p" \
        -o ControlPersist=120 -p "$port" root@127.0.0.1 "$@" 9>&-
}

# tb_blank_nodes LOG: both nodes up with blank data disks, for a test that builds a pair. When
# both answer and neither runs an md array, an iSCSI session or a LIO target (what nr1's
# teardown to the elements leaves), their volume groups are removed and the disks wiped (what
# the teardown's follow-up asks of the administrator), and the inventory is written anew (the
# tests before may have changed it); otherwise both are booted fresh (`testbed up --fresh`).
# The output goes to LOG; returns 1 when the nodes could not be made blank.
tb_blank_nodes() {
    local node reusable=1
    for node in primary secondary; do
        # shellcheck disable=SC2016 # expanded on the node
        tb_ssh "$node" '! grep -q "^md" /proc/mdstat && ! iscsiadm -m session >/dev/null 2>&1 &&
            ! ls /sys/kernel/config/target/iscsi 2>/dev/null | grep -q "^iqn"' >>"$1" 2>&1 ||
            { reusable=0; break; }
    done
    if [ $reusable -eq 1 ]; then
        for node in primary secondary; do
            # shellcheck disable=SC2016 # expanded on the node
            tb_ssh "$node" 'for vg in $(vgs --noheadings -o vg_name); do vgremove -y "$vg" || exit 1; done
                pvremove -y /dev/vdb /dev/vdc 2>/dev/null; wipefs -q -a /dev/vdb /dev/vdc' >>"$1" 2>&1 ||
                { reusable=0; break; }
        done
    fi
    if [ $reusable -eq 1 ]; then
        tb_log "Nodes reused: their data disks are blank now" 2>>"$1"
        "$TB_SRC/testbed" up >>"$1" 2>&1 # both run: writes the inventory anew
    else
        "$TB_SRC/testbed" up --fresh >>"$1" 2>&1
    fi
}

# tb_usage SCRIPT: prints the script's header comment (its description and usage).
tb_usage() { awk 'NR == 1 { next } /^# shellcheck/ || !/^#/ { exit } { sub(/^# ?/, ""); print }' "$1"; }
