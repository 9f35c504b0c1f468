#!/usr/bin/env python3
"""Precision of the copy-desk checks on real news, against hand-judged verdicts.

    python3 tests/eval/eval_checks_news.py [--factlens PATH] [--shared DIR]
        [--verdicts FILE] [--articles N] [--skip N] [--corpus train|dev]
        [--records A-B,C-D,...] [--set NAME] [-v]

--set names a judged set (corpus, records and verdict file in one word):
dev (records 0-149), heldout (150-249), fresh (the third round's tuning slice:
30 records of each publisher after 250) and heldout2 (the third round's held-out
slice: the 84 PolNeAR dev records plus 20 train records of each publisher it
never tuned on) and heldout3 (the final held-out slice: 140 more train records
of five publishers, judged once, then tuned on) and heldout4 (140 more train
records, judged once, then tuned on) and heldout5 (the last 60 unseen train
records, judged once on the final build, never tuned on) and reuters (the 216
CoNLL-2003 dev documents: Reuters wire copy of 1996, another house and era,
judged once in the fourth round before anything was tuned on it) and gum_news,
gum_interview (GUM's 24 Wikinews news articles and 19 Wikinews interviews,
CC-BY 2.5: another house, 2004-2019; judged once in round 12 before anything was
tuned on them) and gum_other (GUM's 65 documents of four genres that are not news:
biographies, travel guides, academic papers, court transcripts; judged once in
round 13 before anything was tuned on them).

GUM's documents are sentences of tokens (`#Text=` lines, no paragraphs): each is
rebuilt with scripts/convert_gum.py's spacing, a quotation mark's opening or
closing state is carried from sentence to sentence, and a sentence is a
paragraph of its own unless a quotation is still open at its end (then the next
sentence continues the paragraph).

Runs `factlens analyze --format jsonl -` on the first N (150) records of
../shared/corpora/news_dev/polnear_train.jsonl (real published political news;
measurement only, its text never enters the project) and matches every emitted
check to a verdict in tests/eval/checks_news_verdicts.jsonl by (id, start, end,
kind) of the check's first span. Verdicts are "right" or "false_alarm" with a
reason category; tests/eval/checks_news_notes.md gives the criteria per kind.

Prints, per kind and overall: checks emitted, judged, right, false alarms,
precision (right / judged) and the false alarms per 1,000 words of the articles;
the false-alarm reasons still emitted (top 15; all with -v); the number of emitted checks with no
verdict yet (new checks to judge: listed with -v, then add them to the verdicts
file) and the number of judged checks the product no longer emits (listed with -v).
Skips (exit 0) with a message when ../shared ($FACTLENS_SHARED) or the binary is
absent. Python 3 standard library only; prints numbers, does not gate.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402

CORPUS = "corpora/news_dev/polnear_train.jsonl"
DEFAULT_VERDICTS = os.path.join(HERE, "checks_news_verdicts.jsonl")
CORPORA = {"train": CORPUS, "dev": "corpora/news_dev/polnear_dev.jsonl",
           "conll": "corpora/news_dev/conll2003_dev_docs.jsonl",
           "gum_news": "corpora/gum/entities", "gum_interview": "corpora/gum/entities",
           "gum_bio": "corpora/gum/entities", "gum_voyage": "corpora/gum/entities",
           "gum_academic": "corpora/gum/entities", "gum_court": "corpora/gum/entities"}
# Judged sets: name -> [(corpus, "A-B,...")], verdict file.
SETS = {
    "dev": ([("train", "0-149")], "checks_news_verdicts.jsonl"),
    "heldout": ([("train", "150-249")], "checks_news_verdicts_heldout.jsonl"),
    "fresh": ([("train", "250-279,380-409,500-529,620-649,740-769")],
              "checks_news_verdicts_fresh.jsonl"),
    "heldout2": ([("dev", "0-83"), ("train", "300-319,420-439,540-559,660-679,800-819")],
                 "checks_news_verdicts_heldout2.jsonl"),
    "heldout3": ([("train", "320-349,440-469,560-589,680-709,820-839")],
                 "checks_news_verdicts_heldout3.jsonl"),
    "heldout4": ([("train", "280-299,350-359,470-479,480-499,590-599,600-619,710-719,"
                            "720-739,770-789")],
                 "checks_news_verdicts_heldout4.jsonl"),
    "heldout5": ([("train", "360-379,410-419,530-539,650-659,790-799")],
                 "checks_news_verdicts_heldout5.jsonl"),
    "reuters": ([("conll", "0-215")], "checks_news_verdicts_reuters.jsonl"),
    "gum_news": ([("gum_news", "0-23")], "checks_news_verdicts_gum_news.jsonl"),
    "gum_interview": ([("gum_interview", "0-18")], "checks_news_verdicts_gum_interview.jsonl"),
    "gum_other": ([("gum_bio", "0-19"), ("gum_voyage", "0-17"), ("gum_academic", "0-17"),
                   ("gum_court", "0-8")], "checks_news_verdicts_gum_other.jsonl"),
}
TOP_REASONS = 15
KINDS = ("name_variant", "first_reference", "arithmetic", "date_consistency",
         "unattributed_quote", "vague_source", "unbalanced_quote", "number_style")


def extra_args(parser):
    parser.add_argument("--verdicts", default=DEFAULT_VERDICTS,
                        help="hand-judged verdicts (default: tests/eval/checks_news_verdicts.jsonl)")
    parser.add_argument("--articles", type=int, default=150,
                        help="how many records of the corpus to run (default 150, the judged set)")
    parser.add_argument("--skip", type=int, default=0,
                        help="records to skip first (--skip 150 --articles 100 --verdicts "
                             "tests/eval/checks_news_verdicts_heldout.jsonl: the held-out set)")
    parser.add_argument("--corpus", default="train", choices=sorted(CORPORA),
                        help="polnear_train (default) or polnear_dev")
    parser.add_argument("--records", default="",
                        help="record ranges A-B,C-D (inclusive) instead of --skip/--articles")
    parser.add_argument("--house-list", default="",
                        help="pass a house list to factlens (tests/eval/data/first_reference_all.txt "
                             "measures the opt-in first_reference tier)")
    parser.add_argument("--set", default="", choices=[""] + sorted(SETS),
                        help="a judged set: its corpus, records and verdict file")


def parse_ranges(spec):
    """'250-279,380-409' -> sorted record indexes (inclusive ranges)."""
    out = []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


def load_records(shared, args):
    """The records to run: [(corpus name, index range spec)] -> list of records."""
    if args.set:
        parts, _ = SETS[args.set]
    elif args.records:
        parts = [(args.corpus, args.records)]
    else:
        n = args.limit or args.articles
        parts = [(args.corpus, "%d-%d" % (args.skip, args.skip + n - 1))]
    records = []
    for corpus, spec in parts:
        path = shared / CORPORA[corpus]
        if not path.exists():
            common.skip("%s is absent" % path)
        wanted = set(parse_ranges(spec))
        found = gum_records(path, corpus[len("gum_"):]) if corpus.startswith("gum_") \
            else common.read_jsonl(path)
        records.extend(r for i, r in enumerate(found) if i in wanted)
    return records, ["%s %s" % p for p in parts]


PLURAL_POSSESSIVE = re.compile(r"(\w[sz]) '(?= \w)")
SINGLE_QUOTED = re.compile(r"(^|\s)' ([^'\n]+?) '(?=\s|$|[,.;:!?])")


def gum_records(folder, genre):
    """GUM documents of one genre as {"id", "text"} records, sorted by file name."""
    sys.path.insert(0, str(common.REPO / "scripts"))
    import convert_gum  # noqa: E402  (the repository's own GUM reader)
    records = []
    for path in sorted(folder.glob("GUM_%s_*.tsv" % genre)):
        text, quote_open = "", False
        for sent in convert_gum.read_tsv(str(path)):
            forms = [t["form"] for t in sent]
            line, _ = convert_gum.detokenize(['"'] + forms if quote_open else forms)
            line = line[1:] if quote_open else line
            line = SINGLE_QUOTED.sub(r"\1'\2'", line)  # "for ' courage ' at" -> 'courage'
            line = PLURAL_POSSESSIVE.sub(r"\1'", line)  # "the parents ' case" -> parents'
            if text:
                text += " " if quote_open else "\n"
            text += line
            quote_open ^= forms.count('"') % 2 == 1
        records.append({"id": "gum/" + path.stem, "text": text})
    return records


def load_verdicts(path):
    """Returns ({(id, start, end, kind): verdict line}, header text or None)."""
    verdicts, header = {}, None
    for obj in common.read_jsonl(path):
        if "header" in obj:
            header = obj["header"]
            continue
        key = (obj["id"], obj["start"], obj["end"], obj["kind"])
        if obj["verdict"] not in ("right", "false_alarm"):
            sys.exit("eval_checks_news: bad verdict %r in %s" % (obj["verdict"], path))
        verdicts[key] = obj
    return verdicts, header


def shown(path):
    """A path relative to the repository when inside it."""
    rel = os.path.relpath(os.path.abspath(path), str(common.REPO))
    return path if rel.startswith("..") else rel


def check_key(rec_id, check):
    spans = check.get("spans") or [{"start": -1, "end": -1}]
    return (rec_id, spans[0]["start"], spans[0]["end"], check["kind"])


def main():
    args = common.parse_args(
        "Precision of the copy-desk checks on real news (hand-judged verdicts)", extra=extra_args)
    shared = common.require_shared(args)
    factlens = common.require_factlens(args)
    records, parts = load_records(shared, args)
    if args.set and args.verdicts == DEFAULT_VERDICTS:
        args.verdicts = os.path.join(HERE, SETS[args.set][1])
    verdicts, _ = load_verdicts(args.verdicts) if os.path.exists(args.verdicts) else ({}, None)
    extra = ["--house-list", args.house_list] if args.house_list else []
    outputs = common.run_factlens_jsonl(factlens, records, extra_args=extra)

    words = sum(len(r["text"].split()) for r in records)
    ids = {r["id"] for r in records}
    emitted = collections.Counter()
    right = collections.Counter()
    false = collections.Counter()
    unjudged = []
    seen = set()
    reasons = collections.Counter()
    for rec in records:
        out = outputs[rec["id"]]
        if "error" in out:
            print("factlens rejected %s: %s" % (rec["id"], out["error"]))
            continue
        for check in out.get("checks", []):
            kind = check["kind"]
            emitted[kind] += 1
            key = check_key(rec["id"], check)
            v = verdicts.get(key)
            if v is None:
                unjudged.append((key, check.get("message", "")))
                continue
            seen.add(key)
            if v["verdict"] == "right":
                right[kind] += 1
            else:
                false[kind] += 1
                reasons[(kind, v.get("reason", ""))] += 1
    gone = sorted(k for k in verdicts if k[0] in ids and k not in seen)

    print("Copy-desk checks on real news: %d records (%s; %d words)"
          % (len(records), "; ".join(parts), words))
    print("verdicts: %s (%d judged checks)\n" % (shown(args.verdicts), len(verdicts)))
    rows = []
    kinds = [k for k in KINDS if emitted[k]] + sorted(k for k in emitted if k not in KINDS)
    for k in kinds + ["all"]:
        if k == "all":
            e, r, f = sum(emitted.values()), sum(right.values()), sum(false.values())
        else:
            e, r, f = emitted[k], right[k], false[k]
        judged = r + f
        rows.append([k, e, judged, r, f, (r / judged) if judged else 0.0,
                     "%.2f" % (1000.0 * f / words if words else 0.0)])
    common.print_table(rows, headers=["kind", "emitted", "judged", "right", "false_alarm",
                                      "precision", "FA/1k words"],
                       title="precision per kind (right / judged)")

    if reasons:
        top = reasons.most_common() if args.verbose else reasons.most_common(TOP_REASONS)
        print("false alarms still emitted, by reason%s"
              % ("" if args.verbose or len(reasons) <= TOP_REASONS
                 else " (top %d of %d; -v for all)" % (TOP_REASONS, len(reasons))))
        for (kind, reason), c in top:
            print("  %4d  %-18s %s" % (c, kind, reason))
        print()

    print("checks with no verdict yet (new checks to judge): %d" % len(unjudged))
    if args.verbose:
        for (rid, start, end, kind), message in unjudged:
            print("  %s %d-%d %s: %s" % (rid, start, end, kind, message))
    print("judged checks the product no longer emits: %d" % len(gone))
    if args.verbose:
        for rid, start, end, kind in gone:
            v = verdicts[(rid, start, end, kind)]
            print("  %s %d-%d %s (was %s: %s)" % (rid, start, end, kind, v["verdict"],
                                                  v.get("reason", "")))
    if unjudged and not args.verbose:
        print("(-v lists them; judge them and add them to %s)" % shown(args.verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
