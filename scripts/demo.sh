#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs the main
# job on the bundled sample draft (samples/draft.txt).
#
#   bash scripts/demo.sh [DRAFT.txt]
#
# Writes out/<name>.json (the factlens/1 JSON), out/<name>.txt (the fact list) and,
# when the command supports it, out/<name>.md; prints the fact list.
# Stage 2 ("office stage", below) runs the real LibreOffice job when
# scripts/office_demo.sh exists.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

# Packages the analysis build needs (Debian 12 names).
DEMO_PACKAGES="cmake make g++ libicu-dev nlohmann-json3-dev catch2 python3"

DRAFT="${1:-samples/draft.txt}"
NAME="$(basename "${DRAFT%.*}")"
BUILD="${FACTLENS_BUILD_DIR:-build}"

log "dependencies"
ensure_packages $DEMO_PACKAGES

log "build (analysis library and the factlens command)"
configure_build "$BUILD"
cmake --build "$BUILD" --target factlens -j "$JOBS"
FACTLENS="$BUILD/analysis/factlens"

# ----------------------------------------------------------------- analysis stage
log "factlens analyze --format text $DRAFT"
mkdir -p out
"$FACTLENS" analyze --format text "$DRAFT" | tee "out/$NAME.txt"
"$FACTLENS" analyze --format json --pretty "$DRAFT" >"out/$NAME.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "out/$NAME.json"
"$FACTLENS" analyze --format md "$DRAFT" >"out/$NAME.md"
log "wrote out/$NAME.json out/$NAME.txt out/$NAME.md"

# ----------------------------------------------------------------- office stage
# The real office job (LibreOffice headless with the extension) lives in
# scripts/office_demo.sh; it receives the draft path and the build directory.
if [ -f scripts/office_demo.sh ]; then
  log "office stage: scripts/office_demo.sh"
  FACTLENS_BUILD_DIR="$BUILD" bash scripts/office_demo.sh "$DRAFT"
fi
