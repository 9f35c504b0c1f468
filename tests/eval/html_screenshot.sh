#!/bin/sh
# Renders the HTML report of a draft in headless Chromium and saves a
# screenshot and a PDF print, so a person can look at what editors get.
# Usage: tests/eval/html_screenshot.sh [DRAFT] [OUTDIR]
#   DRAFT   default: tests/eval/checks_report_draft.txt (original text)
#   OUTDIR  default: build/html_report
# Needs: chromium (Debian package "chromium"); exits 77 (skip) without it.
# Env: FACTLENS (path of the factlens binary), FACTLENS_HOUSE_LIST (optional).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
draft=${1:-$here/checks_report_draft.txt}
out=${2:-$root/build/html_report}
factlens=${FACTLENS:-$root/build/analysis/factlens}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "html_screenshot: SKIPPED: chromium is not installed (apt-get install -y chromium)"
  exit 77
fi
[ -x "$factlens" ] || { echo "html_screenshot: factlens not built: $factlens" >&2; exit 1; }
mkdir -p "$out"
set -- analyze --format html
[ -n "${FACTLENS_HOUSE_LIST:-}" ] && set -- "$@" --house-list "$FACTLENS_HOUSE_LIST"
"$factlens" "$@" "$draft" > "$out/report.html"
# Self-contained: no external resource may be referenced.
if grep -Eiq '(src|href)="(https?:)?//|@import|url\(' "$out/report.html"; then
  echo "html_screenshot: FAILED: report.html references an external resource" >&2
  exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars --user-data-dir=$profile --no-first-run"
# shellcheck disable=SC2086
"$browser" $flags --window-size=1400,1500 --screenshot="$out/report.png" "file://$out/report.html" >/dev/null 2>&1
# shellcheck disable=SC2086
"$browser" $flags --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html" >/dev/null 2>&1
for f in report.png report.pdf; do
  size=$(wc -c < "$out/$f")
  if [ "$size" -lt 10000 ]; then
    echo "html_screenshot: FAILED: $out/$f is only $size bytes" >&2
    exit 1
  fi
done
echo "html_screenshot: wrote $out/report.html, report.png ($(wc -c < "$out/report.png") bytes), report.pdf"
