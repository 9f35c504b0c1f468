#!/usr/bin/env python3
"""Error categories of factlens attributions on PolNeAR (counts; text only with -v).

    python3 tests/eval/attributions_errors.py [--factlens PATH] [--gold FILE] [-v [N]]

Runs `factlens analyze --format jsonl -` on the gold file (default: the PolNeAR
development split, ../shared/corpora/news_dev/polnear_dev.jsonl; measurement only)
and sorts every error into a category, with the matching rules of
../shared/eval/quotes_score.py (speech cues; IoU >= 0.5 over non-space characters):

  gold quotes not matched    boundary (a prediction overlaps it at IoU < 0.5:
                             starts early/late, ends early/late), or missed
                             (nothing overlaps), by gold kind and cue lemma
  predictions not matched    boundary (overlaps a kept gold quote), or spurious
                             (overlaps nothing), by predicted kind and cue;
                             predictions overlapping a non-speech gold quote
                             are ignored, as the scorer does
  matched, speaker wrong     names a speaker that is not the gold's
  matched, speaker missing   no speaker where the gold has one

Prints counts only; -v prints up to N examples per category to the terminal (the
corpus text never goes into the project). Python 3 standard library only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("FACTLENS_SHARED", os.path.join(REPO, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "eval"))
from quotes_score import charset, greedy_match, iou, name_match, overlap  # noqa: E402


def gold_frags(q):
    cs = q.get("content_spans")
    return [(c["start"], c["end"]) for c in cs] if cs else [(q["start"], q["end"])]


def pred_quote(a):
    c = a["content"]
    return {"start": c["start"], "end": c["end"], "kind": a.get("kind"),
            "speaker": a.get("speaker"), "speaker_name": a.get("speaker_name"),
            "cue": a.get("cue"), "content_spans": a.get("content_spans")}


def cue_text(q):
    c = q.get("cue")
    return (c or {}).get("text", "(no cue)").lower() if c else "(no cue)"


def boundary_kind(gs, ps):
    """How a prediction's character set differs from the gold's."""
    out = []
    g0, g1, p0, p1 = min(gs), max(gs), min(ps), max(ps)
    if p0 < g0 - 2:
        out.append("starts early")
    elif p0 > g0 + 2:
        out.append("starts late")
    if p1 > g1 + 2:
        out.append("ends late")
    elif p1 < g1 - 2:
        out.append("ends early")
    return ", ".join(out) or "same ends, gaps"


def snippet(text, s, e, width=90):
    t = text[s:e].replace("\n", " ")
    return t if len(t) <= width else t[:width // 2] + " … " + t[-width // 2:]


class Report:
    def __init__(self, examples):
        self.counts = collections.defaultdict(collections.Counter)
        self.examples = collections.defaultdict(list)
        self.n = examples

    def add(self, cat, key, example=None):
        self.counts[cat][key] += 1
        if example and len(self.examples[(cat, key)]) < self.n:
            self.examples[(cat, key)].append(example)

    def print(self, top=25):
        for cat, cnt in self.counts.items():
            print(f"\n{cat}: {sum(cnt.values())}")
            for key, n in cnt.most_common(top):
                print(f"  {n:5d}  {key}")
                for ex in self.examples.get((cat, key), []):
                    print(f"           {ex}")


def doc_errors(g, p, rep):
    text = g["text"]
    gq_all = g["quotes"]
    pq = [pred_quote(a) for a in p.get("attributions", [])]
    gsets_all = [charset(text, gold_frags(q)) for q in gq_all]
    psets = [charset(text, gold_frags(q)) for q in pq]
    keep = [q.get("cue_class", "speech") == "speech" for q in gq_all]
    m_any = greedy_match(gq_all, pq, gsets_all, psets, 1e-9)
    ignored = {j for i, j, _ in m_any if not keep[i]}
    gidx = [i for i, k in enumerate(keep) if k]
    pidx = [j for j in range(len(pq)) if j not in ignored]
    m50 = greedy_match([gq_all[i] for i in gidx], [pq[j] for j in pidx],
                       [gsets_all[i] for i in gidx], [psets[j] for j in pidx], 0.5)
    mg = {gidx[i]: pidx[j] for i, j, _ in m50}
    mp = {v: k for k, v in mg.items()}
    for gi in gidx:
        G = gq_all[gi]
        key = f"{G['kind']:8s} cue={cue_text(G)}"
        if gi in mg:
            P = pq[mg[gi]]
            gs, ps = G.get("speaker"), P.get("speaker")
            ok = (gs is not None and overlap(gs, ps)) or \
                 (gs is None and ps is None and not P.get("speaker_name")) or \
                 name_match(G.get("speaker_name"), P.get("speaker_name"))[1]
            if ok:
                continue
            claims = ps is not None or bool(P.get("speaker_name"))
            ex = (f"gold {(gs or {}).get('text')!r}/{G.get('speaker_name')!r} "
                  f"pred {(ps or {}).get('text')!r}/{P.get('speaker_name')!r} "
                  f"cue {cue_text(P)!r} | {snippet(text, G['start'], G['end'], 70)}")
            rep.add("matched, speaker wrong" if claims else "matched, speaker missing",
                    f"{G['kind']:8s} pred cue={cue_text(P)}", ex)
            continue
        best, bj = 0.0, None
        for j in pidx:
            v = iou(gsets_all[gi], psets[j])
            if v > best:
                best, bj = v, j
        if bj is not None and bj not in mp:
            how = boundary_kind(gsets_all[gi], psets[bj])
            ex = (f"G: {snippet(text, G['start'], G['end'])}\n"
                  f"           P: {snippet(text, pq[bj]['start'], pq[bj]['end'])}")
            rep.add("gold not matched: boundary", f"{G['kind']:8s} {how}", ex)
            rep.add("gold not matched: boundary, by gold cue", cue_text(G))
        else:
            s0 = max(0, G["start"] - 100)
            ex = f"…{snippet(text, s0, G['start'], 100)} [[{snippet(text, G['start'], G['end'])}]]"
            rep.add("gold not matched: missed", key, ex)
            rep.add("gold not matched: missed, by kind", G["kind"])
    for j in pidx:
        if j in mp:
            continue
        P = pq[j]
        inside = [i for i in gidx if psets[j] and len(psets[j] & gsets_all[i]) >= 0.8 * len(psets[j])]
        touches = any(psets[j] & gsets_all[i] for i in gidx)
        if inside and inside[0] in mg:
            cat = "pred not matched: another piece of a matched gold quote"
        elif inside:
            cat = "pred not matched: inside an unmatched gold quote (too short)"
        elif touches:
            cat = "pred not matched: boundary"
        else:
            cat = "pred not matched: spurious"
        s0 = max(0, P["start"] - 80)
        ex = f"…{snippet(text, s0, P['start'], 80)} [[{snippet(text, P['start'], P['end'])}]]"
        rep.add(cat, f"{P['kind']:8s} cue={cue_text(P)}", ex)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factlens", default=os.path.join(REPO, "build", "analysis", "factlens"))
    ap.add_argument("--gold", default=os.path.join(SHARED, "corpora", "news_dev",
                                                   "polnear_dev.jsonl"))
    ap.add_argument("-v", "--verbose", type=int, nargs="?", const=3, default=0,
                    help="examples per category (terminal only)")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        golds = [json.loads(line) for line in f if line.strip()]
    inp = "".join(json.dumps({"id": g["id"], "text": g["text"]}, ensure_ascii=False) + "\n"
                  for g in golds)
    res = subprocess.run([args.factlens, "analyze", "--format", "jsonl", "-"],
                         input=inp.encode("utf-8"), stdout=subprocess.PIPE, check=True)
    preds = {}
    for line in res.stdout.decode("utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            preds[o["id"]] = o
    rep = Report(args.verbose)
    for g in golds:
        doc_errors(g, preds.get(g["id"], {}), rep)
    rep.print(args.top)


if __name__ == "__main__":
    main()
