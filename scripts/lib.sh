# Shared helpers for the scripts in this folder. Source it; do not run it.
set -euo pipefail

NR1_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NR1_JOBS=${NR1_JOBS:-2}

log() { printf '\n==> %s\n' "$*"; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are missing; does nothing when all are there.
ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# What building and testing nr1 needs (Debian 12 package names).
NR1_BUILD_PACKAGES=(cmake ninja-build g++ clang clang-format libclang-rt-14-dev lld pkg-config
    qt6-base-dev qt6-base-dev-tools libgl-dev libssh-dev libssl-dev libyaml-cpp-dev
    libqt6svg6
    openssh-server openssh-client python3 shellcheck)

# configure_build DIR [cmake options…]: configures once, reconfigures when options change.
configure_build() {
    local dir=$1; shift
    cmake -S "$NR1_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
}
