#!/usr/bin/env python3
"""Scores factlens attributions on the annotated cases in the repo.

    python3 tests/eval/eval_attributions.py [--factlens PATH] [--cases FILE] [-v]

Runs `factlens analyze --format jsonl -` on tests/eval/attributions_cases.jsonl
(original news-style texts written for this project, gold in code points) and
prints:
  quotes        P/R/F1 of statement contents, any speaker (content overlap)
  attributions  P/R/F1 of content + correct speaker; a prediction counts when
                it names a speaker or marks a vague source, a gold item when it
                has a speaker name or is vague (speakerless gold quotes only
                count for the quote scores)
  wrong-speaker rate   matched pairs whose predicted speaker names someone
                       other than the gold speaker (or names anyone where gold
                       has none), over matched pairs with a predicted name
  kind accuracy, outlet accuracy (gold outlets found, no invented outlets),
  vague-source accuracy, quoted-term P/R/F1.
Content match: overlap of at least half of the shorter span, one-to-one.

Then real news: the PolNeAR development split
(../shared/corpora/news_dev/polnear_dev.jsonl; measurement only, never in the project)
scored with the product's own scorer (../shared/eval/quotes_score_contract.py), speech
cues, all kinds and direct quotes only. Skipped with a message when ../shared is absent.
Python 3 standard library only.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def find_factlens(explicit):
    if explicit:
        return explicit
    for cand in ("build/analysis/factlens", "build/factlens", "build/bin/factlens"):
        path = os.path.join(REPO, cand)
        if os.path.exists(path):
            return path
    return "factlens"


def norm_name(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", s).replace("’", "'").strip().casefold()
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.split())


def overlap(a, b):
    lo = max(a["start"], b["start"])
    hi = min(a["end"], b["end"])
    if hi <= lo:
        return 0.0
    shorter = min(a["end"] - a["start"], b["end"] - b["start"])
    return (hi - lo) / shorter if shorter > 0 else 0.0


def match(golds, preds, key=lambda x: x["content"]):
    """Greedy one-to-one matching by overlap; returns list of (gi, pi)."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            o = overlap(key(g), key(p))
            if o >= 0.5:
                pairs.append((o, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for o, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def speaker_ok(gold, pred):
    names = [gold["speaker_name"]] + gold.get("speaker_alternatives", [])
    names = [norm_name(n) for n in names if n]
    pn = norm_name(pred.get("speaker_name"))
    if not names:
        return not pn and bool(gold["vague_source"]) == bool(pred["vague_source"])
    return pn in names


def has_speaker(a):
    return bool(a.get("speaker_name")) or bool(a.get("vague_source"))


def split_parts(preds):
    """A quotation split by its cue ("A," she said. "B.") is one prediction with
    content_spans; the cases' gold lists each part, so each part is scored."""
    out = []
    for p in preds:
        for part in p.get("content_spans") or [p["content"]]:
            q = dict(p)
            q["content"] = part
            out.append(q)
    return out


def score(cases, outputs, title):
    q_tp = q_pred = q_gold = 0
    a_tp = a_pred = a_gold = 0
    matched_named = wrong = 0
    kind_ok = kind_n = 0
    out_gold = out_found = out_pred = out_pred_ok = 0
    vague_ok = vague_n = 0
    t_tp = t_pred = t_gold = 0
    errors = []
    for c in cases:
        o = outputs.get(c["id"], {"attributions": [], "quoted_terms": []})
        golds, preds = c["attributions"], split_parts(o["attributions"])
        pairs = match(golds, preds)
        q_tp += len(pairs)
        q_pred += len(preds)
        q_gold += len(golds)
        a_pred += sum(1 for p in preds if has_speaker(p))
        a_gold += sum(1 for g in golds if has_speaker_gold(g))
        pm = {pi: gi for gi, pi in pairs}
        gm = {gi: pi for gi, pi in pairs}
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            ok = speaker_ok(g, p)
            if has_speaker_gold(g) and has_speaker(p) and ok:
                a_tp += 1
            if p.get("speaker_name"):
                matched_named += 1
                if not ok:
                    wrong += 1
                    errors.append(f"{c['id']}: WRONG SPEAKER {p['speaker_name']!r} "
                                  f"(gold {g['speaker_name']!r}) for {g['content']['text'][:50]!r}")
            elif has_speaker_gold(g) and not ok:
                errors.append(f"{c['id']}: speaker missed (gold {g['speaker_name']!r}) "
                              f"for {g['content']['text'][:50]!r}")
            kind_n += 1
            if p["kind"] == g["kind"]:
                kind_ok += 1
            else:
                errors.append(f"{c['id']}: kind {p['kind']} (gold {g['kind']}) "
                              f"for {g['content']['text'][:50]!r}")
            vague_n += 1
            if bool(p["vague_source"]) == bool(g["vague_source"]):
                vague_ok += 1
            if g["outlet"]:
                out_gold += 1
                if p["outlet"] and norm_name(p["outlet"]["text"]) == norm_name(g["outlet"]["text"]):
                    out_found += 1
                else:
                    errors.append(f"{c['id']}: outlet {p['outlet'] and p['outlet']['text']!r} "
                                  f"(gold {g['outlet']['text']!r})")
            if p["outlet"]:
                out_pred += 1
                if g["outlet"] and norm_name(p["outlet"]["text"]) == norm_name(g["outlet"]["text"]):
                    out_pred_ok += 1
        for gi, g in enumerate(golds):
            if gi not in gm:
                errors.append(f"{c['id']}: MISSED {g['content']['text'][:60]!r}")
        for pi, p in enumerate(preds):
            if pi not in pm:
                errors.append(f"{c['id']}: SPURIOUS {p['content']['text'][:60]!r} "
                              f"({p.get('speaker_name')})")
        # quoted terms
        gt = c.get("quoted_terms", [])
        pt = o.get("quoted_terms", [])
        tpairs = match(gt, pt, key=lambda x: x)
        t_tp += len(tpairs)
        t_pred += len(pt)
        t_gold += len(gt)

    def row(name, p, r, f):
        print(f"{name:<28} P={p:.3f}  R={r:.3f}  F1={f:.3f}")

    print(f"\n== {title}: {len(cases)} cases ({q_gold} gold statements, {a_gold} with a speaker)")
    row("quotes (content overlap)", *prf(q_tp, q_pred, q_gold))
    row("attributions (+speaker)", *prf(a_tp, a_pred, a_gold))
    print(f"{'wrong-speaker rate':<28} {wrong}/{matched_named} = "
          f"{(wrong / matched_named if matched_named else 0):.3f}")
    print(f"{'kind accuracy':<28} {kind_ok}/{kind_n} = {(kind_ok / kind_n if kind_n else 0):.3f}")
    print(f"{'outlet recall':<28} {out_found}/{out_gold} = "
          f"{(out_found / out_gold if out_gold else 0):.3f}")
    print(f"{'outlet precision':<28} {out_pred_ok}/{out_pred} = "
          f"{(out_pred_ok / out_pred if out_pred else 0):.3f}")
    print(f"{'vague-source accuracy':<28} {vague_ok}/{vague_n} = "
          f"{(vague_ok / vague_n if vague_n else 0):.3f}")
    if t_pred or t_gold:
        row("quoted terms", *prf(t_tp, t_pred, t_gold))
    else:
        print(f"{'quoted terms':<28} n/a (none in gold or output)")
    return errors


def shared_dir():
    return os.environ.get("FACTLENS_SHARED", os.path.join(REPO, "..", "shared"))


def eval_polnear(exe, shared):
    """PolNeAR dev with ../shared/eval/quotes_score_contract.py (speech cues)."""
    gold = os.path.join(shared, "corpora", "news_dev", "polnear_dev.jsonl")
    scorer = os.path.join(shared, "eval", "quotes_score_contract.py")
    if not (os.path.exists(gold) and os.path.exists(scorer)):
        print(f"\nPolNeAR dev skipped: {gold} or its scorer not found (set FACTLENS_SHARED)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "pred.jsonl")
        with open(gold, encoding="utf-8") as fin, open(pred, "w", encoding="utf-8") as fout:
            subprocess.run([exe, "analyze", "--format", "jsonl", "-"], stdin=fin, stdout=fout,
                           check=False)
        for extra, what in (([], "all kinds"), (["--kinds", "direct"], "direct quotes only")):
            print(f"\nPolNeAR dev, speech cues, {what} (../shared/eval/quotes_score_contract.py)")
            sys.stdout.flush()
            subprocess.run([sys.executable, scorer, "--gold", gold, "--pred", pred,
                            "--cue-class", "speech"] + extra, check=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factlens", help="path to the factlens binary")
    ap.add_argument("--cases", default=os.path.join(HERE, "attributions_cases.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = ap.parse_args()

    cases = []
    with open(args.cases, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            if "text" not in rec:
                continue  # header line
            for a in rec["attributions"]:
                for k in ("content", "cue", "outlet"):
                    s = a.get(k)
                    if s and rec["text"][s["start"]:s["end"]] != s["text"]:
                        sys.exit(f"{rec['id']}: gold {k} offsets do not match its text")
            cases.append(rec)

    exe = find_factlens(args.factlens)
    inp = "".join(json.dumps({"id": c["id"], "text": c["text"]}, ensure_ascii=False) + "\n"
                  for c in cases)
    try:
        res = subprocess.run([exe, "analyze", "--format", "jsonl", "-"], input=inp.encode("utf-8"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    except FileNotFoundError:
        sys.exit(f"factlens not found ({exe}); build it or pass --factlens PATH")
    outputs = {}
    for line in res.stdout.decode("utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            outputs[o.get("id")] = o
    if len(outputs) != len(cases):
        print(f"warning: {len(cases) - len(outputs)} cases produced no output", file=sys.stderr)

    errors = []
    for split in ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"):
        subset = [c for c in cases if c.get("split", "dev") == split]
        if subset:
            errors += score(subset, outputs, split)
    score(cases, outputs, "all")
    eval_polnear(exe, shared_dir())
    if args.verbose:
        print("\nerrors:")
        for e in errors:
            print("  " + e)
    return 0


def has_speaker_gold(g):
    return bool(g.get("speaker_name")) or bool(g.get("vague_source"))


if __name__ == "__main__":
    sys.exit(main())
