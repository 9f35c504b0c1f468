#!/usr/bin/env bash
# The README's second command (and CI's, via .ci/run): installs what is missing,
# builds everything (the LibreOffice extension too when the SDK is present), runs
# every ctest test (all labels), a bounded fuzz run, the eval scorers and the
# quick bench. Exits non-zero if any step fails; eval and bench print numbers and
# skip cleanly when ../shared is absent.
#
#   bash scripts/test.sh
#
# Environment: JOBS (parallel build jobs, default nproc), FUZZ_SECONDS (default 60;
# 0 skips the fuzz run), FACTLENS_BUILD_DIR (default build), FACTLENS_SHARED.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

# Every Debian package the build and all tests need: one list. (tests/office adds
# what it needs here.) The GUI office packages (libreoffice-writer, libreoffice-core)
# replace the -nogui ones: never list both, apt would swap them on every run. xvfb,
# xdotool and imagemagick serve the GUI screenshot test (office_gui_screenshot).
# libreoffice-math gives office_ranges a non-Writer document (commands disabled there).
# parallel (GNU parallel) serves the README's archive example (tests/batch).
TEST_PACKAGES="cmake make g++ libicu-dev nlohmann-json3-dev catch2 python3 \
  clang libclang-rt-14-dev libreoffice-dev libreoffice-writer libreoffice-core libreoffice-math python3-uno \
  xvfb xdotool imagemagick poppler-utils chromium parallel"

BUILD="${FACTLENS_BUILD_DIR:-build}"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"

declare -a step_names step_results step_times
failed=0
run_step() {  # run_step NAME COMMAND...
  local name="$1" start rc
  shift
  log "$name"
  start=$(date +%s)
  "$@"
  rc=$?
  step_names+=("$name")
  step_times+=("$(( $(date +%s) - start ))")
  if [ $rc -eq 0 ]; then
    step_results+=("ok")
  else
    step_results+=("FAILED ($rc)")
    failed=1
  fi
  return $rc
}

summary() {
  log "summary"
  local i
  for i in "${!step_names[@]}"; do
    printf '  %-34s %-12s %5ss\n' "${step_names[$i]}" "${step_results[$i]}" "${step_times[$i]}"
  done
  printf '  %-34s %-12s %5ss\n' "total" "$([ $failed -eq 0 ] && echo ok || echo FAILED)" \
    "$(( $(date +%s) - t0 ))"
}

t0=$(date +%s)
run_step "dependencies" ensure_packages $TEST_PACKAGES || { summary; exit 1; }
run_step "configure" configure_build "$BUILD" -DFACTLENS_BUILD_EXTENSION=ON \
  -DFACTLENS_BUILD_TESTS=ON || { summary; exit 1; }
run_step "build (all targets)" cmake --build "$BUILD" -j "$JOBS" || { summary; exit 1; }
FACTLENS="$REPO/$BUILD/analysis/factlens"
export FACTLENS_BIN="$FACTLENS"  # eval and bench scripts find the binary here

run_step "ctest (all labels)" ctest --test-dir "$BUILD" --output-on-failure \
  --no-tests=error --timeout 900 -j "$JOBS"

if [ "$FUZZ_SECONDS" != "0" ]; then
  # A fixed seed keeps the bounded run reproducible; long runs by hand use a random one.
  FUZZ_SEED="${FUZZ_SEED:-1}" run_step "fuzz (${FUZZ_SECONDS} s)" bash tests/fuzz/run.sh --total "$FUZZ_SECONDS"
fi

if [ -f tests/eval/run_all.sh ]; then
  run_step "eval (prints scores)" bash tests/eval/run_all.sh --factlens "$FACTLENS"
fi
if [ -f tests/bench/run_bench.sh ]; then
  run_step "bench --quick (prints speed)" bash tests/bench/run_bench.sh --quick
fi

summary
exit $failed
