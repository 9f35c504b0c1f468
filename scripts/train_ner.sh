#!/usr/bin/env bash
# Rebuilds the NER lexicons and model (analysis/data/ner/) from ../shared/corpora,
# byte-for-byte: the lexicon script sorts its output and the trainer uses a fixed
# seed and a fixed order. Usage: scripts/train_ner.sh [BUILD_DIR]
#   FACTLENS_SHARED=/path/to/shared overrides <repo>/../shared.
#   TRAIN_ARGS="--cv 5" adds options of factlens_train_ner (e.g. --dev, --cv K).
# GUM's entity layer (corpora/gum/entities) is converted first into BUILD_DIR/gum
# (scripts/convert_gum.py: gum_train.jsonl, gum_dev.jsonl held out) and its training
# part is trained on (FACTLENS_TRAIN_GUM=0 leaves it out; GUM_NEWS_WEIGHT=N repeats its
# Wikinews documents; TRAIN_ARGS="--dev" also scores the GUM dev split). The trainer
# labels every training document with a model not trained on it (--jackknife 5) for
# the second tagging pass, and trains both passes' views (--views both): see
# docs/entities.md, "The document-level second pass".
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
gum_args=()
if [ -d "$shared/corpora/gum/entities" ]; then
  python3 "$repo/scripts/convert_gum.py" "$shared" "$build/gum"
  if [ "${FACTLENS_TRAIN_GUM:-1}" = 1 ]; then
    gum_args=(--gum "$build/gum" --gum-news-weight "${GUM_NEWS_WEIGHT:-1}")
  fi
else
  echo "train_ner.sh: $shared/corpora/gum/entities not found: GUM not converted" >&2
fi
# The trainer reads the lexicons compiled into the library: rebuild it first.
cmake --build "$build" -j2 --target factlens_train_ner
"$build/analysis/factlens_train_ner" --shared "$shared" --out "$repo/analysis/data/ner/model.bin" "${gum_args[@]}" ${TRAIN_ARGS:-}
sha256sum "$repo/analysis/data/ner/model.bin" "$repo"/analysis/data/ner/*.txt | sed "s|$repo/||"
