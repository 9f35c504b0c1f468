#!/usr/bin/env bash
# Builds (Release) and runs the FactLens benchmark: words/s and peak RSS for the
# text layer, each analyzer stage and the full analyzer, plus adversarial inputs
# at two sizes. Usage: tests/bench/run_bench.sh [factlens_bench options]
#   e.g. tests/bench/run_bench.sh --quick      (smaller, about a minute)
#        FACTLENS_SHARED=/path/to/shared tests/bench/run_bench.sh --words 4000000
# Data: $FACTLENS_SHARED, else <repo>/../shared; without it the corpus is
# generated from the repository's samples/*.txt (the output says so).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The normal build directory (RelWithDebInfo, -O2, unless configured otherwise).
build="${FACTLENS_BENCH_BUILD:-$repo/build}"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DFACTLENS_BUILD_EXTENSION=OFF >/dev/null
fi
echo "build: $build ($(grep -E '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" | cut -d= -f2))"
cmake --build "$build" -j"${JOBS:-2}" --target factlens_bench >/dev/null
exec "$build/tests/bench/factlens_bench" "$@"
