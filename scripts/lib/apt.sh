# apt_install PKG...: installs the Debian packages that are missing, as root or through sudo.
# Sourced by scripts/install-* (set -euo pipefail in the caller); prints what it does, prefixed by $SAY.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "$SAY: $* already installed"
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "$SAY: need root or sudo for apt-get" >&2; exit 1; }
    sudo="sudo"
  fi
  command -v apt-get >/dev/null 2>&1 || { echo "$SAY: apt-get not found (Debian/Ubuntu expected)" >&2; exit 1; }
  # A machine that never ran apt-get update has empty lists and finds nothing.
  if ! apt-cache show "${missing[0]}" >/dev/null 2>&1; then
    echo "$SAY: apt-get update"
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  fi
  echo "$SAY: apt-get install ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"; then
    echo "$SAY: install failed, retrying after apt-get update"
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
  fi
}
