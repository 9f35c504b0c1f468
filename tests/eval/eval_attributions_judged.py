#!/usr/bin/env python3
"""Attributions judged by hand on unseen real news: how the current build does on them.

    python3 tests/eval/eval_attributions_judged.py [--factlens PATH] [--shared DIR] [-v]
        [--judged tests/eval/attributions_judged_round10.jsonl]

Reads tests/eval/attributions_judged.jsonl, or the file given with --judged (its header
says how the sample was drawn and the criteria; no article text, only ids and offsets),
runs `factlens analyze --format jsonl -` on the judged records of
../shared/corpora/news_dev/polnear_{train,dev}.jsonl (by the id's prefix), and
matches each judged attribution to the current output by (id, content start, content end,
kind). Prints, over the judged attributions the build still emits: the share that are
real attributions, and among real ones the speaker right / wrong / missing rates (all,
direct, indirect, mixed), content right / partial / wrong and cue right; then how many
judged ones are no longer emitted, how many emitted ones in those records have no
judgement (a changed span or a new attribution: judge them and add them) and how many
judged ones now name another speaker than the one judged (`speaker_judged`: their speaker
verdicts are stale; judge them again). Skips (exit 0)
with a message when ../shared or the binary is absent. Prints numbers, does not gate.
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402

CORPORA = {"polnear/train/": "corpora/news_dev/polnear_train.jsonl",
           "polnear/dev/": "corpora/news_dev/polnear_dev.jsonl"}
JUDGED = os.path.join(HERE, "attributions_judged.jsonl")


def extra_args(parser):
    parser.add_argument("--judged", default=JUDGED,
                        help="hand-judged attributions (default: tests/eval/attributions_judged.jsonl)")


def load_judged(path):
    judged = {}
    for obj in common.read_jsonl(path):
        if "header" not in obj:
            judged[(obj["id"], obj["content_start"], obj["content_end"], obj["kind"])] = obj
    return judged


def speaker_of(a):
    """The output speaker a verdict refers to: its name and its mention's span."""
    sp = a.get("speaker") or {}
    return {"name": a.get("speaker_name") or "", "start": sp.get("start"), "end": sp.get("end")}


def rate(counter, key, total):
    return "%d (%.0f%%)" % (counter[key], 100.0 * counter[key] / total) if total else "-"


def print_rates(title, rows):
    real = [r for r in rows if r["is_attribution"] == "yes"]
    speaker = collections.Counter(r["speaker"] for r in real)
    print("  %-9s %3d judged, %3d real; speaker right %s, wrong %s, missing %s" % (
        title, len(rows), len(real), rate(speaker, "right", len(real)),
        rate(speaker, "wrong", len(real)), rate(speaker, "missing", len(real))))


def main():
    args = common.parse_args(__doc__.splitlines()[1], extra_args)
    shared = common.require_shared(args)
    factlens = common.require_factlens(args)
    judged = load_judged(args.judged)
    ids = {k[0] for k in judged}
    corpora = sorted({c for prefix, c in CORPORA.items() if any(i.startswith(prefix) for i in ids)})
    records = [r for c in corpora for r in common.read_jsonl(shared / c) if r["id"] in ids]
    if not records:
        common.skip("the judged records are not in %s" % ", ".join(CORPORA.values()))
    outputs = common.run_factlens_jsonl(factlens, records)
    emitted, unjudged, stale = [], 0, 0
    for rec in records:
        for a in outputs[rec["id"]].get("attributions", []):
            key = (rec["id"], a["content"]["start"], a["content"]["end"], a["kind"])
            if key in judged:
                emitted.append(judged[key])
                stale += speaker_of(a) != judged[key].get("speaker_judged", speaker_of(a))
            else:
                unjudged += 1
    print("attributions judged by hand (%s): %d judged, %d still emitted, %d no longer "
          "emitted; %d emitted in those %d records without a judgement" % (
              os.path.relpath(args.judged, common.REPO), len(judged), len(emitted),
              len(judged) - len(emitted), unjudged, len(records)))
    if stale:
        print("  %d emitted judged ones have another speaker than the one judged "
              "(speaker_judged): their speaker verdicts are stale, judge them again" % stale)
    real = [r for r in emitted if r["is_attribution"] == "yes"]
    print("  real attributions: %s of the emitted judged ones" % (
        "%d / %d (%.2f)" % (len(real), len(emitted), len(real) / len(emitted)) if emitted else "-"))
    print_rates("all", emitted)
    for kind in ("direct", "indirect", "mixed"):
        print_rates(kind, [r for r in emitted if r["kind"] == kind])
    content = collections.Counter(r["content"] for r in real)
    cued = [r for r in real if r.get("cue") in ("right", "wrong")]  # "n/a": not judged
    cue = collections.Counter(r["cue"] for r in cued)
    print("  content right %s, partial %s, wrong %s; cue right %s" % (
        rate(content, "right", len(real)), rate(content, "partial", len(real)),
        rate(content, "wrong", len(real)), rate(cue, "right", len(cued))))


if __name__ == "__main__":
    main()
