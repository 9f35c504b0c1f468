#!/usr/bin/env bash
# Regenerates the golden files from the current build (run after an intended change
# of the output, then review `git diff tests/golden/expected`).
#   bash tests/golden/update.sh            (builds factlens in build/ first)
# Environment: FACTLENS_BIN (use this binary instead), FACTLENS_BUILD_DIR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${FACTLENS_BUILD_DIR:-$repo/build}"
bin="${FACTLENS_BIN:-}"
if [ -z "$bin" ]; then
  [ -f "$build/CMakeCache.txt" ] || cmake -S "$repo" -B "$build" >/dev/null
  cmake --build "$build" --target factlens -j "${JOBS:-$(nproc)}"
  bin="$build/analysis/factlens"
fi
mkdir -p "$here/expected"
python3 "$here/golden.py" --factlens "$bin" --update "$repo/samples/draft.txt" "$here/expected/draft.json"
git -C "$repo" --no-pager diff --stat -- tests/golden/expected || true
