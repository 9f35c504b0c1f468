#!/usr/bin/env python3
"""Scores the copy-desk checks on tests/eval/checks_cases.jsonl.

Each case lists every check it expects ("kind", the text of a span it must
touch, and "holds" for arithmetic and date checks). A predicted check matches
an expected one when the kind is the same, one of its spans overlaps the
expected span, and (when given) its verdict `holds` is the same. Any other
predicted check is a false alarm; near-miss cases expect nothing at all.

Prints precision / recall / F1 per check kind and in total, and the wrong
verdicts (a check that says "holds" when it does not, or the reverse).

Usage: python3 tests/eval/eval_checks.py [--factlens PATH] [--cases FILE] [-v]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def find_factlens(path):
    if path:
        return path
    for cand in ("build/analysis/factlens", "build/factlens", "build/bin/factlens"):
        p = os.path.join(ROOT, cand)
        if os.path.exists(p):
            return p
    sys.exit("eval_checks: factlens binary not found; build it or pass --factlens")


def run(factlens, cases):
    """Returns {id: output object}."""
    out = {}
    plain = [c for c in cases if "house_list" not in c]
    if plain:
        data = "".join(
            json.dumps({k: c[k] for k in ("id", "text", "reference_datetime") if k in c}) + "\n"
            for c in plain)
        res = subprocess.run([factlens, "analyze", "--format", "jsonl", "-"], input=data.encode(),
                             capture_output=True, check=False)
        for line in res.stdout.decode().splitlines():
            obj = json.loads(line)
            out[obj.get("id")] = obj
    for c in cases:
        if "house_list" not in c:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            hl = os.path.join(tmp, "house.txt")
            doc = os.path.join(tmp, "draft.txt")
            with open(hl, "w", encoding="utf-8") as f:
                f.write(c["house_list"])
            with open(doc, "w", encoding="utf-8") as f:
                f.write(c["text"])
            cmd = [factlens, "analyze", "--format", "json", "--house-list", hl]
            if c.get("reference_datetime"):
                cmd += ["--reference-date", c["reference_datetime"][:10]]
            res = subprocess.run(cmd + [doc], capture_output=True, check=False)
            out[c["id"]] = json.loads(res.stdout.decode()) if res.returncode == 0 else {"checks": []}
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factlens")
    ap.add_argument("--cases", default=os.path.join(HERE, "checks_cases.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    factlens = find_factlens(args.factlens)
    cases = [json.loads(l) for l in open(args.cases, encoding="utf-8") if l.strip()]
    outputs = run(factlens, cases)

    stats = {}  # kind -> [tp, fp, fn]
    wrong_verdicts = 0
    verdicts = 0
    def st(kind):
        return stats.setdefault(kind, [0, 0, 0])

    for c in cases:
        text = c["text"]
        preds = outputs.get(c["id"], {}).get("checks", [])
        used = [False] * len(preds)
        for e in c["expect"]:
            at = text.find(e["span"])
            if at < 0:
                sys.exit("eval_checks: case %s: span %r not in text" % (c["id"], e["span"]))
            espan = (at, at + len(e["span"]))
            hit = None
            verdict_only = None
            for i, p in enumerate(preds):
                if used[i] or p["kind"] != e["kind"]:
                    continue
                if not any(overlaps(espan, (s["start"], s["end"])) for s in p["spans"]):
                    continue
                if "holds" in e and p.get("holds") != e["holds"]:
                    verdict_only = i
                    continue
                hit = i
                break
            if hit is not None:
                used[hit] = True
                st(e["kind"])[0] += 1
                if "holds" in e:
                    verdicts += 1
            else:
                st(e["kind"])[2] += 1
                if verdict_only is not None:
                    wrong_verdicts += 1
                    verdicts += 1
                if args.verbose:
                    print("MISS  %-10s %-18s %s" % (c["id"], e["kind"], e["span"]))
        for i, p in enumerate(preds):
            if not used[i]:
                st(p["kind"])[1] += 1
                if args.verbose:
                    print("FALSE %-10s %-18s %s" % (c["id"], p["kind"], p["message"]))

    kinds = sorted(stats)
    print("%-20s %5s %5s %5s %9s %7s %6s" % ("check", "tp", "fp", "fn", "precision", "recall", "f1"))
    tot = [0, 0, 0]
    for k in kinds:
        tp, fp, fn = stats[k]
        tot = [a + b for a, b in zip(tot, stats[k])]
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = tp / (tp + fn) if tp + fn else float("nan")
        f = 2 * p * r / (p + r) if tp else 0.0
        print("%-20s %5d %5d %5d %9.3f %7.3f %6.3f" % (k, tp, fp, fn, p, r, f))
    tp, fp, fn = tot
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else 0.0
    print("%-20s %5d %5d %5d %9.3f %7.3f %6.3f" % ("ALL", tp, fp, fn, p, r, f))
    print("cases: %d (%d near misses expecting nothing); wrong verdicts (holds flipped): %d of %d"
          % (len(cases), sum(1 for c in cases if not c["expect"]), wrong_verdicts, verdicts))


if __name__ == "__main__":
    main()
