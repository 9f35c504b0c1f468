#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan, assertions on, -O1) into
# build-fuzz/ and runs them in turn.
#
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]   SECONDS per target (default 60)
#   bash tests/fuzz/run.sh --total SECONDS [TARGET...]   SECONDS split over the targets
#
# Targets (docs/reliability.md; default: all): analyzer (text into the Analyzer,
# layout in fuzz_analyzer.cc), jsonl (`--format jsonl` lines), house_list (house
# lists), cli (the command line, arguments split at NUL), sources (draft and
# sources split at NUL). Seeds: tests/fuzz/corpus/<target>/ plus, for analyzer
# and jsonl, samples/draft.txt in several modes; the growing corpus is kept in
# build-fuzz/corpus/<target>/, libFuzzer's output in build-fuzz/logs/<target>.log.
# A crash leaves its input in build-fuzz/artifacts/<target>/; reproduce with
#   build-fuzz/tests/fuzz/factlens_fuzz_<target> build-fuzz/artifacts/<target>/crash-...
# (the analyzer's binary is factlens_fuzz) and add the file to
# tests/fuzz/corpus/<target>/ once fixed (ctest's fuzz_replay* tests run it).
# Environment: JOBS, FUZZ_BUILD_DIR (default build-fuzz), FUZZ_SEED (libFuzzer's
# -seed; unset = a random seed each run. scripts/test.sh fixes it so that CI's
# bounded run explores the same inputs each time).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
all_targets=(analyzer jsonl house_list cli sources)
total=""
seconds=60
if [ "${1:-}" = "--total" ]; then
  total="${2:?--total needs SECONDS}"
  shift 2
elif [ $# -gt 0 ]; then
  seconds="$1"
  shift
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
if [ -n "$total" ]; then
  seconds=$(( total / ${#targets[@]} ))
  [ "$seconds" -lt 1 ] && seconds=1
fi
build="${FUZZ_BUILD_DIR:-$repo/build-fuzz}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

binary() { [ "$1" = analyzer ] && echo factlens_fuzz || echo "factlens_fuzz_$1"; }
max_len() {
  case "$1" in
    jsonl) echo 65536 ;;     # huge lines
    cli) echo 4096 ;;
    house_list) echo 8192 ;;
    *) echo 16384 ;;
  esac
}

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
bins=()
for t in "${targets[@]}"; do bins+=("$(binary "$t")"); done
cmake --build "$build" --target "${bins[@]}" -j "$jobs"

# Seeds from the sample draft: UTF-8 with the strict path, UTF-16, with splits;
# a jsonl line carrying it, and a huge line (the draft 30 times).
seeds="$build/seeds"
mkdir -p "$seeds/analyzer" "$seeds/jsonl" "$build/logs"
draft="$repo/samples/draft.txt"
if [ -f "$draft" ]; then
  { printf '\x06'; cat "$draft"; } >"$seeds/analyzer/draft_utf8"
  { printf '\x3a\x10\x00\x80\x00\x00\x02'; cat "$draft"; } >"$seeds/analyzer/draft_splits"
  { printf '\x05'; iconv -f UTF-8 -t UTF-16LE "$draft" 2>/dev/null || true; } \
    >"$seeds/analyzer/draft_utf16"
  python3 - "$draft" "$seeds/jsonl" <<'PY' || true
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2] + "/draft", "w").write(json.dumps({"id": "draft", "text": text}) + "\n")
open(sys.argv[2] + "/huge", "w").write(json.dumps({"id": 1, "text": text * 30}) + "\n")
PY
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
seed_arg=()
[ -n "${FUZZ_SEED:-}" ] && seed_arg=(-seed="$FUZZ_SEED")
set +e +o pipefail  # the fuzzer's own status decides (PIPESTATUS[0])
for t in "${targets[@]}"; do
  echo "fuzz: $t for $seconds s (log: $build/logs/$t.log)"
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t" "$seeds/$t"
  "$build/tests/fuzz/$(binary "$t")" "${seed_arg[@]}" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=4096 -max_len="$(max_len "$t")" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$t/" \
    "$build/corpus/$t" "$here/corpus/$t" "$seeds/$t" 2>&1 | tee "$build/logs/$t.log" |
    grep -E "INITED|DONE|ERROR|SUMMARY|==[0-9]+==|runtime error|fuzz oracle|stat::"
  status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $t FAILED (status $status); input in $build/artifacts/$t/" >&2
    tail -n 40 "$build/logs/$t.log" >&2
    exit 1
  fi
done
echo "fuzz: no crash in $seconds s per target (${targets[*]})"
