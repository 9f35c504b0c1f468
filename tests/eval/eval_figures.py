#!/usr/bin/env python3
"""Scores the figures stage against ../shared/corpora/figures/*.jsonl.

Usage: python3 tests/eval/eval_figures.py [--factlens PATH] [--shared DIR] [--errors N]
                                          [--file SUBSTRING]

Runs `factlens analyze --format jsonl -` on every spec file and prints, per file and
per kind: exact-span precision / recall / F1, overlap F1 (one-to-one, any overlap),
kind accuracy and value accuracy on exactly matched spans. A case whose gold list is
empty and that gets a prediction counts that prediction as a false positive.
Python standard library only. Skips (exit 0) with a message when the data is absent.

Mappings between the spec data's conventions and ours (each one documented here):
- Kind filter per file. Each Recognizers spec file annotates one model's output only
  (the currency file marks money and nothing else), so a prediction counts in a file
  only if its kind is one of the kinds that file annotates (the set of gold kinds
  found in the file). Otherwise a correct date found in a currency sentence would be
  scored as a false positive.
- Measurement files (dimension, temperature, age: gold kind `quantity` with a unit):
  our counted-noun quantities ("200 people": unit null, `counted` set) are not
  measurements and are left out there.
- Fractions: we report "a third", "three quarters" as kind `percent` with the value
  in percent and note "fraction of a whole"; where the gold kind is `number` such a
  prediction is compared as a number with value/100.
- Money: our values are whole units; gold in Cent / Pence / Penny is divided by 100.
  Gold units ("Dollar", "Pound") are names, ours ISO codes; units are not scored.
- Durations: gold values are seconds; ours are (value, unit) and are converted with
  year = 365 days, month = 30 days (the spec's own factors).
- Dates: gold ranges {start, end} have an exclusive end ("2014-2018" -> 2014-01-01 ..
  2018-01-01, "1990s" -> .. 2000-01-01); ours are inclusive ISO strings at the stated
  granularity ["1990", "1999"]. A range matches when the starts agree and the gold end
  equals either the start of our upper bound's period or the day after it ends.
  Gold date-times ("2016-11-07 00:00:00") match our date when the time is midnight.
- Times: "14:00:00" and "14:00" are the same value. Date-times: our ISO "2016-11-07T20:00"
  is the spec's "2016-11-07 20:00:00". Time and date-time ranges {start, end} are points
  (not periods): they match our [lo, hi] when both ends are the same points.
- Approximators: the product puts "about", "more than", "some" ... inside the span
  (issue 3); the spec leaves them out. A prediction with approx=true whose span
  minus its leading approximator words equals the gold span counts as an exact match.
- Satoshi: gold counts satoshis, we value in whole BTC (1e-8).
- ptb_tokenized cases (lower-cased, tokenised WSJ news: "$ 12,345", "c $ 16.4 million",
  "6 . 2 %") are scored as they are, not detokenised; they are the news-like subset
  and get their own row ("<file> [WSJ]").
- Gold values that are not values ("not resolved", relative ordinals "end+0",
  number-range intervals "(20,35]") are excluded from value accuracy.
"""
import argparse
import collections
import datetime
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "night": 86400,
           "week": 604800, "weekend": 172800, "month": 2592000, "year": 31536000,
           "decade": 315360000, "century": 3153600000}


def find_shared(arg):
    if arg:
        return arg
    env = os.environ.get("FACTLENS_SHARED")
    if env:
        return env
    return os.path.join(REPO, "..", "shared")


def find_factlens(arg):
    if arg:
        return arg
    for cand in ("build/analysis/factlens", "build/factlens", "build/bin/factlens"):
        p = os.path.join(REPO, cand)
        if os.path.exists(p):
            return p
    return "factlens"


def run_factlens(factlens, cases):
    lines = []
    for c in cases:
        obj = {"id": c["id"], "text": c["text"]}
        if c.get("reference_datetime"):
            obj["reference_datetime"] = c["reference_datetime"][:10]
        lines.append(json.dumps(obj, ensure_ascii=False))
    proc = subprocess.run([factlens, "analyze", "--format", "jsonl", "-"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True)
    out = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if "id" in obj:
            out[obj["id"]] = obj
    return out


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def norm_time(s):
    if isinstance(s, str) and len(s) == 8 and s[2] == ":" and s.endswith(":00"):
        return s[:5]
    return s


def norm_point(s):
    """A time or date-time as 'YYYY-MM-DD HH:MM:SS' / 'HH:MM:SS' (None if neither)."""
    if not isinstance(s, str):
        return None
    s = s.replace("T", " ")
    m = re.fullmatch(r"((?:\d{4}-\d\d-\d\d )?)(\d\d:\d\d)(:\d\d)?", s)
    if not m:
        return None
    return m.group(1) + m.group(2) + (m.group(3) or ":00")


def period_bounds(s):
    """An ISO string at some granularity -> (first day, day after its end)."""
    try:
        if len(s) == 4:
            y = int(s)
            return datetime.date(y, 1, 1), datetime.date(y + 1, 1, 1)
        if len(s) == 7:
            y, m = int(s[:4]), int(s[5:7])
            nxt = datetime.date(y + (m == 12), 1 if m == 12 else m + 1, 1)
            return datetime.date(y, m, 1), nxt
        if len(s) == 10:
            d = datetime.date(int(s[:4]), int(s[5:7]), int(s[8:10]))
            return d, d + datetime.timedelta(days=1)
    except ValueError:
        return None
    return None


def gold_comparable(g):
    v = g.get("value")
    if v is None:
        return False
    if isinstance(v, str):
        if v in ("not resolved", "null") or v.startswith(("end", "current", "(", "[")):
            return False
        if g.get("kind") == "duration":
            return True
        return True
    if isinstance(v, dict):
        return bool(v.get("start")) and bool(v.get("end"))
    return is_num(v)


def value_matches(g, p):
    gv, pv = g.get("value"), p.get("value")
    kind = g.get("kind")
    if kind == "duration":
        try:
            secs = float(gv)
        except (TypeError, ValueError):
            return False
        if not is_num(pv) or p.get("unit") not in SECONDS:
            return False
        return close(secs, pv * SECONDS[p["unit"]])
    if is_num(gv):
        unit = (g.get("unit") or "")
        if unit in ("Cent", "Pence", "Penny"):
            gv = gv / 100.0
        if unit == "Satoshi":
            gv = gv * 1e-8
        if (kind == "number" and "fraction of a whole" in (p.get("note") or "") and is_num(pv)):
            pv = pv / 100.0
        if is_num(pv):
            return close(gv, pv)
        if isinstance(pv, list) and len(pv) == 2 and all(is_num(x) for x in pv):
            return close(gv, pv[1])  # "40 - 50 years old": spec keeps the upper end
        return False
    if isinstance(gv, str) and norm_point(gv) and norm_point(pv):
        return norm_point(gv) == norm_point(pv)
    if isinstance(gv, dict) and norm_point(gv.get("start")) and isinstance(pv, list) and len(pv) == 2:
        return (norm_point(gv.get("start")) == norm_point(pv[0]) and
                norm_point(gv.get("end")) == norm_point(pv[1]))
    if isinstance(gv, str):
        gs = norm_time(gv)
        if isinstance(pv, str):
            if gs == norm_time(pv):
                return True
            if gs.endswith(" 00:00:00") and gs[:10] == pv:
                return True
            return False
        return False
    if isinstance(gv, dict):
        if not (isinstance(pv, list) and len(pv) == 2 and all(isinstance(x, str) for x in pv)):
            # a single period predicted for a gold range of the same period ("1998")
            if isinstance(pv, str):
                b = period_bounds(pv)
                return bool(b) and gv.get("start") == b[0].isoformat() and gv.get("end") == b[1].isoformat()
            return False
        lo, hi = period_bounds(pv[0]), period_bounds(pv[1])
        if not lo or not hi:
            return False
        gs, ge = (gv.get("start") or "")[:10], (gv.get("end") or "")[:10]
        return gs == lo[0].isoformat() and ge in (hi[0].isoformat(), hi[1].isoformat())
    return False


APPROX = sorted([
    "about", "around", "nearly", "almost", "roughly", "approximately", "approx", "some", "over",
    "under", "more than", "less than", "fewer than", "up to", "at least", "at most", "close to",
    "an estimated", "estimated", "as many as", "as much as", "as few as", "upwards of",
    "in excess of", "just over", "just under", "well over", "well under", "circa",
    "no more than", "no less than", "not more than", "below", "above", "exceeding", "at around",
    "at about", "greater than", "higher than", "lower than", "smaller than", "larger than",
    "bigger than", "a little over", "slightly more than", "slightly less than"],
    key=lambda a: -len(a))


def core_start(p):
    """Start offset of a prediction's span without its leading approximator."""
    if not p.get("approx"):
        return p["start"]
    t = p.get("text", "")
    low = t.lower()
    for a in APPROX:
        if low.startswith(a + " "):
            rest = t[len(a):]
            return p["start"] + len(a) + (len(rest) - len(rest.lstrip()))
    return p["start"]


def map_pred_kind(p, gold_kinds):
    k = p.get("kind")
    if k == "percent" and "fraction" in (p.get("note") or "") and "percent" not in gold_kinds:
        return "number"
    return k


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Tally:
    def __init__(self):
        self.gold = self.pred = self.tp = self.overlap_tp = 0
        self.kind_ok = self.kind_n = 0
        self.value_ok = self.value_n = 0

    def add(self, other):
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def row(self, name):
        p, r, f = prf(self.tp, self.pred - self.tp, self.gold - self.tp)
        _, _, of = prf(self.overlap_tp, self.pred - self.overlap_tp, self.gold - self.overlap_tp)
        ka = self.kind_ok / self.kind_n if self.kind_n else float("nan")
        va = self.value_ok / self.value_n if self.value_n else float("nan")
        return "%-34s %5d %5d  %5.3f %5.3f %5.3f  %5.3f  %5.3f  %5.3f (%d)" % (
            name, self.gold, self.pred, p, r, f, of, ka, va, self.value_n)


def score_case(case, pred, gold_kinds, measurement, per_kind, errors):
    t = Tally()
    golds = case["figures"]
    preds = []
    for p in (pred or {}).get("figures", []):
        k = map_pred_kind(p, gold_kinds)
        if k not in gold_kinds:
            continue
        if measurement and k == "quantity" and p.get("counted") and not p.get("unit"):
            continue
        q = dict(p)
        q["kind"] = k
        preds.append(q)
    t.gold, t.pred = len(golds), len(preds)
    used = set()
    for g in golds:
        kt = per_kind[g["kind"]]
        kt.gold += 1
        match = None
        for i, p in enumerate(preds):
            if i not in used and p["end"] == g["end"] and g["start"] in (p["start"], core_start(p)):
                match = i
                break
        if match is not None:
            used.add(match)
            p = preds[match]
            t.tp += 1
            kt.tp += 1
            t.kind_n += 1
            kt.kind_n += 1
            if p["kind"] == g["kind"]:
                t.kind_ok += 1
                kt.kind_ok += 1
            if gold_comparable(g):
                t.value_n += 1
                kt.value_n += 1
                if value_matches(g, p):
                    t.value_ok += 1
                    kt.value_ok += 1
                else:
                    errors.append(("VALUE", case, g, p))
        else:
            errors.append(("MISS", case, g, None))
    for i, p in enumerate(preds):
        per_kind[p["kind"]].pred += 1
        if i in used:
            continue
        errors.append(("FP", case, None, p))
    # Overlap matching, one-to-one.
    oused = set()
    for g in golds:
        for i, p in enumerate(preds):
            if i not in oused and p["start"] < g["end"] and g["start"] < p["end"]:
                oused.add(i)
                t.overlap_tp += 1
                per_kind[g["kind"]].overlap_tp += 1
                break
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factlens")
    ap.add_argument("--shared")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per file")
    ap.add_argument("--file", default="", help="only files whose name contains this")
    args = ap.parse_args()
    shared = find_shared(args.shared)
    files = sorted(glob.glob(os.path.join(shared, "corpora", "figures", "*.jsonl")))
    files = [f for f in files if args.file in os.path.basename(f)]
    if not files:
        print("SKIP: no figure corpora under %s (set FACTLENS_SHARED)" % shared)
        return 0
    factlens = find_factlens(args.factlens)
    header = "%-34s %5s %5s  %5s %5s %5s  %5s  %5s  %s" % (
        "file / kind", "gold", "pred", "P", "R", "F1", "ovF1", "kind", "value acc (n)")
    print(header)
    print("-" * len(header))
    total = Tally()
    all_kinds = collections.defaultdict(Tally)
    for path in files:
        cases = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        gold_kinds = {g["kind"] for c in cases for g in c["figures"]}
        name = os.path.basename(path).replace("recognizers_", "").replace("_dev.jsonl", "")
        measurement = name in ("dimension", "temperature", "age")
        preds = run_factlens(factlens, cases)
        ft = Tally()
        wsj = Tally()
        per_kind = collections.defaultdict(Tally)
        errors = []
        empty_cases = empty_fp = 0
        for c in cases:
            t = score_case(c, preds.get(c["id"]), gold_kinds, measurement, per_kind, errors)
            ft.add(t)
            if c.get("ptb_tokenized"):
                wsj.add(t)
            if not c["figures"]:
                empty_cases += 1
                empty_fp += t.pred > 0
        print(ft.row(name))
        if wsj.gold and wsj.gold != ft.gold:
            print(wsj.row(name + " [WSJ]"))
        if empty_cases:
            print("    %d cases expect nothing; %d of them got a prediction (false positives)" %
                  (empty_cases, empty_fp))
        total.add(ft)
        for k, kt in per_kind.items():
            all_kinds[k].add(kt)
        for kind, case, g, p in errors[: args.errors]:
            print("    %-5s %r" % (kind, case["text"][:110]))
            if g:
                print("          gold %r %s %r" % (g["text"], g["kind"], g.get("value")))
            if p:
                print("          pred %r %s %r" % (p["text"], p["kind"], p.get("value")))
    print("-" * len(header))
    print(total.row("ALL FILES"))
    print()
    print("per kind (all files)")
    for k in sorted(all_kinds):
        print(all_kinds[k].row("  " + k))
    news = Tally()
    for k in ("money", "percent", "number", "ordinal", "date"):
        news.add(all_kinds.get(k, Tally()))
    print(news.row("news kinds (money+percent+number+ordinal+date)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
