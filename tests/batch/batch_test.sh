#!/usr/bin/env bash
# Batch runs of `factlens analyze --format jsonl` give the bytes of a single run.
#
#   bash tests/batch/batch_test.sh jobs FACTLENS       --jobs 2, 3, 8 == --jobs 1
#   bash tests/batch/batch_test.sh parallel FACTLENS   README's GNU parallel examples
#                                                      == one process (exit 77 = skip)
#
# The records (a few hundred, written here from short template sentences, of
# very different lengths, ids of every JSON kind, with and without dates) are
# generated into a temporary directory.
set -euo pipefail
mode="$1"
factlens="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
if [ "$mode" = parallel ] && ! command -v parallel >/dev/null 2>&1; then
  echo "SKIP: GNU parallel is not installed (apt-get install parallel)"
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp/archive.jsonl" <<'PY'
import json, random, sys
rng = random.Random(16)
people = ["Ana Ruiz", "Tom Becker", "Lee Jae-myung", "Maria Costa", "the minister"]
sentences = [
    "{p} said on Monday that the city would spend ${m} million on the bridge.",
    "\u201cWe will not wait until {y},\u201d {p} told reporters in Lisbon.",
    "Sales rose {n} percent, from {a} million to {b} million, the company said.",
    "Some {c} people were evacuated last Tuesday, officials said.",
    "Critics say the plan, approved on January {d}, {y}, is too costly.",
    "The index fell {n} percent in the {o} quarter, according to analysts.",
]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(400):
        parts = []
        for _ in range(rng.choice([1, 2, 3, 8, 30]) if i % 50 else 200):
            parts.append(rng.choice(sentences).format(
                p=rng.choice(people), m=rng.randint(1, 900) / 10, y=rng.randint(2020, 2030),
                n=rng.randint(1, 40), a=rng.randint(10, 20), b=rng.randint(21, 40),
                c=rng.randint(100, 5000), d=rng.randint(1, 28), o=rng.choice(["first", "third"])))
        record = {"id": [f"r{i}", i, {"n": i}, None][i % 4], "text": " ".join(parts)}
        if i % 3 == 0:
            record["reference_datetime"] = "2026-01-%02d" % (i % 28 + 1)
        out.write(json.dumps(record, ensure_ascii=i % 2 == 0) + "\n")
PY

"$factlens" analyze --format jsonl --jobs 1 "$tmp/archive.jsonl" >"$tmp/one.jsonl"
[ "$(wc -l <"$tmp/one.jsonl")" -eq 400 ] || { echo "FAIL: expected 400 answers"; exit 1; }

same() {  # same NAME FILE: FILE equals one.jsonl byte for byte
  if cmp -s "$tmp/one.jsonl" "$2"; then
    echo "ok: $1 == one process, one thread ($(wc -l <"$2") answers)"
  else
    echo "FAIL: $1 differs from one process, one thread"
    diff <(cut -c1-200 "$tmp/one.jsonl") <(cut -c1-200 "$2") | head -n 10
    exit 1
  fi
}

case "$mode" in
  jobs)
    for n in 2 3 8; do
      "$factlens" analyze --format jsonl --jobs "$n" - <"$tmp/archive.jsonl" >"$tmp/jobs$n.jsonl"
      same "--jobs $n" "$tmp/jobs$n.jsonl"
    done
    ;;
  parallel)
    cd "$tmp"
    # The README's examples ("Archives"), with factlens by its full path.
    parallel --will-cite --pipepart -a archive.jsonl --block -1 --keep-order \
      "$factlens" analyze --format jsonl - >pipepart.jsonl
    same "parallel --pipepart" pipepart.jsonl
    cat archive.jsonl | parallel --will-cite --pipe -N 50 --keep-order \
      "$factlens" analyze --format jsonl - >pipe.jsonl
    same "parallel --pipe -N 50" pipe.jsonl
    ;;
  *) echo "usage: batch_test.sh jobs|parallel FACTLENS" >&2; exit 2 ;;
esac
