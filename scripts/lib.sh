# Shared helpers for scripts/*.sh (sourced, not run).
# - ensure_packages PKG...: installs the Debian packages that are missing (apt-get,
#   non-interactive; as root or through sudo). Installed ones cost one dpkg query.
# - configure_build DIR [cmake args...]: configures the CMake build in DIR.
# - REPO: the repository root; JOBS: parallel build jobs (default: nproc).

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
export DEBIAN_FRONTEND=noninteractive

log() {
  if [ -t 1 ]; then printf '\n\033[1m== %s\033[0m\n' "$*"; else printf '\n== %s\n' "$*"; fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -E "$@"
  else
    echo "error: need root or sudo to run: $*" >&2
    return 1
  fi
}

missing_packages() {
  local p status
  for p in "$@"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    case "$status" in
      *" installed") ;;
      *) echo "$p" ;;
    esac
  done
}

ensure_packages() {
  local missing
  missing="$(missing_packages "$@" | tr '\n' ' ')"
  if [ -z "${missing// /}" ]; then
    echo "packages: all present ($*)"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing packages ($missing) and no apt-get: install them by hand" >&2
    return 1
  fi
  echo "packages: installing $missing"
  as_root apt-get update -qq </dev/null
  # shellcheck disable=SC2086
  as_root apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    $missing </dev/null
}

configure_build() {
  local dir="$1"
  shift
  mkdir -p "$dir"
  cmake -S "$REPO" -B "$dir" "$@" >"$dir/configure.log" 2>&1 || {
    cat "$dir/configure.log" >&2
    echo "error: cmake configure failed (log above)" >&2
    return 1
  }
  grep -E "FactLens|skipping" "$dir/configure.log" || true
}
