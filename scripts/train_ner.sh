#!/usr/bin/env bash
# Rebuilds the NER lexicons and model (analysis/data/ner/) from ../shared/corpora,
# byte-for-byte: the lexicon script sorts its output and the trainer uses a fixed
# seed and a fixed order. Usage: scripts/train_ner.sh [BUILD_DIR]
#   FACTLENS_SHARED=/path/to/shared overrides <repo>/../shared.
#   TRAIN_ARGS="--cv 5" adds options of factlens_train_ner (e.g. --dev, --cv K).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${FACTLENS_SHARED:-$repo/../shared}"
build="${1:-$repo/build}"
if [ ! -d "$shared/corpora/ner" ]; then
  echo "train_ner.sh: $shared/corpora/ner not found (set FACTLENS_SHARED)" >&2
  exit 2
fi
python3 "$repo/scripts/build_ner_lexicons.py" "$shared" "$repo/analysis/data/ner"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DFACTLENS_BUILD_EXTENSION=OFF -DCMAKE_BUILD_TYPE=Release
fi
# The trainer reads the lexicons compiled into the library: rebuild it first.
cmake --build "$build" -j2 --target factlens_train_ner
"$build/analysis/factlens_train_ner" --shared "$shared" --out "$repo/analysis/data/ner/model.bin" ${TRAIN_ARGS:-}
sha256sum "$repo/analysis/data/ner/model.bin" "$repo"/analysis/data/ner/*.txt | sed "s|$repo/||"
