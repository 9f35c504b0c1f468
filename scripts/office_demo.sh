#!/usr/bin/env bash
# The README's main command, the real office run (called by scripts/demo.sh if present):
# installs LibreOffice, its SDK and python3-uno if missing, builds factlens and
# factlens.oxt, installs the extension into an isolated LibreOffice profile, opens the
# bundled sample draft headless, runs Analyze draft and writes the fact list (Markdown
# and JSON), a PDF of the highlighted document and a PNG of its first page into out/.
#   scripts/office_demo.sh [DRAFT] [--gui]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FACTLENS_BUILD_DIR:-$ROOT/build}"
OUT="${FACTLENS_OUT_DIR:-$ROOT/out}"
DRAFT="${1:-$ROOT/samples/draft.txt}"
GUI=""
[[ "${2:-}" == "--gui" || "${1:-}" == "--gui" ]] && GUI="--gui"
[[ "$DRAFT" == "--gui" ]] && DRAFT="$ROOT/samples/draft.txt"

need=()
# the GUI packages (they replace libreoffice-writer-nogui/-core-nogui; --gui needs them)
dpkg -s libreoffice-writer libreoffice-core >/dev/null 2>&1 || need+=(libreoffice-writer libreoffice-core)
[[ -x /usr/lib/libreoffice/sdk/bin/cppumaker ]] || need+=(libreoffice-dev)
/usr/bin/python3 -c "import uno" 2>/dev/null || need+=(python3-uno)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
dpkg -s libicu-dev nlohmann-json3-dev catch2 >/dev/null 2>&1 || need+=(libicu-dev nlohmann-json3-dev catch2)
if ((${#need[@]})); then
  echo "Installing: ${need[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

cmake -S "$ROOT" -B "$BUILD" >/dev/null
cmake --build "$BUILD" -j2 --target factlens factlens_oxt

if [[ ! -f "$DRAFT" ]]; then
  echo "No draft at $DRAFT: using a short original sample"
  DRAFT="$BUILD/demo_draft.txt"
  cat > "$DRAFT" <<'TXT'
Harbour council approves 12 million euro flood plan
ROTTERDAM - The Harbour Council of Rotterdam voted 31 to 4 on Tuesday to spend 12.5 million euros on new flood gates, Mayor Anna de Vries said.
“We cannot wait for the next storm,” de Vries told reporters at City Hall. “The gates protect 40,000 homes.”
Opposition leader Pieter Bakker said the plan was rushed. According to Bakker, the council ignored a 2019 report by Delft University.
Work starts in March 2027 and should take 18 months, the Port Authority said.
TXT
fi

mkdir -p "$OUT"
/usr/bin/python3 "$ROOT/scripts/office_demo.py" --oxt "$BUILD/extension/factlens.oxt" \
  --factlens "$BUILD/analysis/factlens" --out "$OUT" $GUI "$DRAFT"
NAME="$(basename "${DRAFT%.*}")"
if command -v pdftoppm >/dev/null && [[ -f "$OUT/$NAME.pdf" ]]; then
  pdftoppm -png -r 80 -f 1 -l 1 "$OUT/$NAME.pdf" "$OUT/$NAME.page"
  echo "wrote $(ls "$OUT/$NAME".page*.png | head -1)"
fi
