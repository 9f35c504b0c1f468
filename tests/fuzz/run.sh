#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan, assertions on, -O1) into
# build-fuzz/ and runs it.
#
#   bash tests/fuzz/run.sh [SECONDS]     (default 60; a long run: 3600)
#
# Inputs: arbitrary bytes as UTF-8 or UTF-16 text with arbitrary paragraph splits
# (layout in fuzz_analyzer.cc). Seeds: tests/fuzz/corpus/ plus samples/draft.txt in
# several modes; the growing corpus is kept in build-fuzz/corpus/. A crash leaves its
# input in build-fuzz/artifacts/; reproduce with
#   build-fuzz/tests/fuzz/factlens_fuzz build-fuzz/artifacts/crash-...
# and add the file to tests/fuzz/corpus/ once fixed (ctest's fuzz_replay runs it).
# Environment: JOBS, FUZZ_BUILD_DIR (default build-fuzz), FUZZ_SEED (libFuzzer's
# -seed; unset = a random seed each run. scripts/test.sh fixes it so that CI's
# bounded run explores the same inputs each time).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
build="${FUZZ_BUILD_DIR:-$repo/build-fuzz}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found (apt-get install clang)" >&2
  exit 1
fi

echo "fuzz: building with clang into $build"
mkdir -p "$build"
if ! CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -DFACTLENS_FUZZ=ON \
      -DFACTLENS_BUILD_EXTENSION=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
      -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
      >"$build/configure.log" 2>&1; then
  cat "$build/configure.log" >&2
  exit 1
fi
cmake --build "$build" --target factlens_fuzz -j "$jobs"

# Seeds from the sample draft: UTF-8 with the strict path, UTF-16, with splits.
seeds="$build/seeds"
mkdir -p "$seeds" "$build/corpus" "$build/artifacts"
draft="$repo/samples/draft.txt"
if [ -f "$draft" ]; then
  { printf '\x06'; cat "$draft"; } >"$seeds/draft_utf8"
  { printf '\x3a\x10\x00\x80\x00\x00\x02'; cat "$draft"; } >"$seeds/draft_splits"
  { printf '\x05'; iconv -f UTF-8 -t UTF-16LE "$draft" 2>/dev/null || true; } >"$seeds/draft_utf16"
fi

echo "fuzz: running for $seconds s"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
seed_arg=()
[ -n "${FUZZ_SEED:-}" ] && seed_arg=(-seed="$FUZZ_SEED")
"$build/tests/fuzz/factlens_fuzz" "${seed_arg[@]}" -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=4096 -max_len=16384 -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/" \
  "$build/corpus" "$here/corpus" "$seeds"
echo "fuzz: no crash in $seconds s"
