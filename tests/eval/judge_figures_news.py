#!/usr/bin/env python3
"""Helper for hand-judging factlens figures on real news (PolNeAR dev).

Not an eval script (run_all.sh runs eval_*.py only): it prints what a judge reads
and appends the judge's verdicts to tests/eval/figures_news_verdicts.jsonl
(offsets and the product's value only; the article text never enters the file).

    python3 tests/eval/judge_figures_news.py show [--from I] [--count N] [--width 200]
        prints sampled figures I..I+N-1 with +-width characters of context
    python3 tests/eval/judge_figures_news.py judge FILE
        FILE lines "I VERDICT reason..." (I = sample index from `show`, or a range
        "I-J" that skips the ones already judged); appends them
    python3 tests/eval/judge_figures_news.py weekdays [--from I] [--count N]
        prints every weekday-name mention in all articles, with whether a date figure
        covers it
    python3 tests/eval/judge_figures_news.py wjudge FILE
        FILE lines "W date|no reason..." for weekday mentions (W = index from
        `weekdays`); "date" lines are appended as kind weekday_mention, verdict
        found/missed (computed from the output); "no" lines are only counted
    python3 tests/eval/judge_figures_news.py missed FILE
        FILE lines "ID START END KIND reason..." for other figures the product missed

The sample: all figures of one run in corpus order (articles in file order, figures
in output order); from a start drawn with random.Random(SEED), every STEP-th figure;
plus every date figure whose text contains a weekday name. Each article gets its
dateline (the YYYY-MM-DD in its id) as reference_datetime.
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402

CORPUS = "corpora/news_dev/polnear_dev.jsonl"
VERDICTS = os.path.join(HERE, "figures_news_verdicts.jsonl")
SEED = 14
STEP = 6
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
VERDICT_NAMES = ("right", "wrong_value", "wrong_kind", "wrong_span", "not_a_figure")


def dateline(rec_id):
    m = re.search(r"(\d{4}-\d{2}-\d{2})", rec_id)
    return m.group(1) if m else None


def load_records(shared):
    recs = []
    for r in common.read_jsonl(shared / CORPUS):
        recs.append({"id": r["id"], "text": r["text"], "reference_datetime": dateline(r["id"])})
    return recs


def run(args):
    shared = common.require_shared(args)
    factlens = common.require_factlens(args)
    recs = load_records(shared)
    outs = common.run_factlens_jsonl(factlens, recs)
    return recs, outs


def sample(recs, outs):
    allfigs = [(r["id"], f) for r in recs for f in outs[r["id"]].get("figures", [])]
    start = random.Random(SEED).randrange(STEP)
    chosen = set(range(start, len(allfigs), STEP))
    for i, (_, f) in enumerate(allfigs):
        if f["kind"] == "date" and WEEKDAY.search(f["text"]):
            chosen.add(i)
    return [allfigs[i] for i in sorted(chosen)]


def flat(s):
    return s.replace("\n", " ¶ ")


def context(text, start, end, width):
    a, b = max(0, start - width), min(len(text), end + width)
    return flat(text[a:start]) + "⟦" + flat(text[start:end]) + "⟧" + flat(text[end:b])


def judged_keys():
    keys = set()
    if os.path.exists(VERDICTS):
        for obj in common.read_jsonl(VERDICTS):
            if "header" not in obj:
                keys.add((obj["id"], obj["start"], obj["end"], obj["kind"]))
    return keys


def append(lines):
    with open(VERDICTS, "a", encoding="utf-8") as f:
        for obj in lines:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")


def cmd_show(args):
    recs, outs = run(args)
    text = {r["id"]: r["text"] for r in recs}
    items = sample(recs, outs)
    done = judged_keys()
    print("sample: %d figures" % len(items))
    for i in range(args.start, min(len(items), args.start + args.count)):
        rid, f = items[i]
        mark = "  [judged]" if (rid, f["start"], f["end"], f["kind"]) in done else ""
        print("#%d %s (ref %s) %d-%d %s value=%s unit=%s approx=%s note=%s counted=%s%s"
              % (i, rid.split("/")[-1][:40], dateline(rid), f["start"], f["end"], f["kind"],
                 json.dumps(f["value"]), f.get("unit"), f.get("approx"), f.get("note"),
                 f.get("counted"), mark))
        print("   " + context(text[rid], f["start"], f["end"], args.width))


def cmd_judge(args):
    recs, outs = run(args)
    items = sample(recs, outs)
    done = judged_keys()
    new = []
    for line in open(args.file, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        idx, verdict, reason = (line.split(None, 2) + [""])[:3]
        if verdict not in VERDICT_NAMES:
            sys.exit("bad verdict %r in: %s" % (verdict, line))
        lo, _, hi = idx.partition("-")  # "I" or a range "I-J" (already judged ones kept)
        for i in range(int(lo), int(hi or lo) + 1):
            rid, f = items[i]
            key = (rid, f["start"], f["end"], f["kind"])
            if key in done:
                continue
            done.add(key)
            new.append({"id": rid, "start": f["start"], "end": f["end"], "kind": f["kind"],
                        "value": f["value"], "verdict": verdict, "reason": reason})
    append(new)
    print("appended %d verdicts" % len(new))


def weekday_mentions(recs, outs):
    res = []
    for r in recs:
        dates = [f for f in outs[r["id"]].get("figures", []) if f["kind"] == "date"]
        for m in WEEKDAY.finditer(r["text"]):
            cover = [f for f in dates if f["start"] < m.end() and m.start() < f["end"]]
            res.append((r["id"], m.start(), m.end(), cover[0] if cover else None))
    return res


def cmd_weekdays(args):
    recs, outs = run(args)
    text = {r["id"]: r["text"] for r in recs}
    ms = weekday_mentions(recs, outs)
    print("weekday-name mentions: %d" % len(ms))
    for i in range(args.start, min(len(ms), args.start + args.count)):
        rid, s, e, f = ms[i]
        got = "FOUND %s %r" % (json.dumps(f["value"]), f["text"]) if f else "no date figure"
        print("W%d %s (ref %s) %d-%d %s" % (i, rid.split("/")[-1][:40], dateline(rid), s, e, got))
        print("   " + context(text[rid], s, e, args.width))


def cmd_wjudge(args):
    recs, outs = run(args)
    ms = weekday_mentions(recs, outs)
    done = judged_keys()
    new, no = [], 0
    for line in open(args.file, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        idx, what, reason = (line.split(None, 2) + [""])[:3]
        if what == "no":
            no += 1
            continue
        if what != "date":
            sys.exit("bad weekday line: %s" % line)
        rid, s, e, f = ms[int(idx.lstrip("W"))]
        if (rid, s, e, "weekday_mention") in done:
            continue
        new.append({"id": rid, "start": s, "end": e, "kind": "weekday_mention",
                    "value": f["value"] if f else None,
                    "verdict": "found" if f else "missed", "reason": reason})
    append(new)
    print("appended %d weekday mentions (%d weekday names judged not a date)" % (len(new), no))


def cmd_missed(args):
    new = []
    for line in open(args.file, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rid, s, e, kind, reason = (line.split(None, 4) + [""])[:5]
        new.append({"id": rid, "start": int(s), "end": int(e), "kind": kind, "value": None,
                    "verdict": "missed", "reason": reason})
    append(new)
    print("appended %d missed figures" % len(new))


def main():
    def extra(p):
        p.add_argument("command", choices=["show", "judge", "weekdays", "wjudge", "missed"])
        p.add_argument("file", nargs="?")
        p.add_argument("--from", dest="start", type=int, default=0)
        p.add_argument("--count", type=int, default=20)
        p.add_argument("--width", type=int, default=200)
    args = common.parse_args("Hand-judging helper for figures on real news", extra=extra)
    {"show": cmd_show, "judge": cmd_judge, "weekdays": cmd_weekdays, "wjudge": cmd_wjudge,
     "missed": cmd_missed}[args.command](args)


if __name__ == "__main__":
    main()
