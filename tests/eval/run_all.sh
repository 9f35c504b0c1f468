#!/usr/bin/env bash
# Runs every tests/eval/eval_*.py with the built factlens binary and prints what each
# one prints. Exits 0 even when ../shared is missing (each script prints its own SKIP)
# and even when a score is low: eval PRINTS numbers, it does not gate.
# A script that crashes (non-zero exit) is reported and makes this exit 1 unless
# FACTLENS_EVAL_NONFATAL=1.
#
# Usage: tests/eval/run_all.sh [--factlens PATH] [extra args passed to every script]
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

factlens="${FACTLENS_BIN:-}"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --factlens) factlens="$2"; shift 2 ;;
    --factlens=*) factlens="${1#--factlens=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ -z "$factlens" ]; then
  for cand in "$repo/build/analysis/factlens" "$repo/build/factlens"; do
    if [ -x "$cand" ]; then factlens="$cand"; break; fi
  done
fi

shopt -s nullglob
scripts=("$here"/eval_*.py)
if [ ${#scripts[@]} -eq 0 ]; then
  echo "eval: no tests/eval/eval_*.py scripts yet"
  exit 0
fi
if [ -z "$factlens" ] || [ ! -x "$factlens" ]; then
  echo "eval: SKIP: no factlens binary (build first or pass --factlens PATH)"
  exit 0
fi

failed=()
for s in "${scripts[@]}"; do
  name="$(basename "$s")"
  echo "===== $name"
  start=$(date +%s)
  if python3 "$s" --factlens "$factlens" "${args[@]}"; then
    echo "----- $name done in $(( $(date +%s) - start )) s"
  else
    rc=$?
    echo "----- $name FAILED (exit $rc)"
    failed+=("$name")
  fi
  echo
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "eval: scripts that crashed: ${failed[*]}"
  [ "${FACTLENS_EVAL_NONFATAL:-0}" = "1" ] || exit 1
fi
exit 0
