#!/usr/bin/env python3
"""Named-entity accuracy: per-type P/R/F1 and PERSON/ORG/PLACE micro-F1.

0. Scores the original wire-style news sets tests/eval/data/ner_news*_src.txt
   (needs no ../shared): rounds 1 and 2 were held out for their first runs and then
   tuned on; round 3 was written after that and is held out.
1. Real news, with the product's own scorer (../shared/eval/score_ner.py, the one the
   held-out sets are scored with): the Reuters development set
   (../shared/corpora/news_dev/conll2003_dev_docs.jsonl; measurement only) as a whole,
   its general news and its sports pages separately (a story is a sports page when its
   headline opens with a sport: "SOCCER - ...", "Boxing-..."), its first and second
   halves by position (the first tuned on in round five, the second not), and UNER EWT dev one
   sentence per record. Each prints the per-type table and the top type confusions.
   Then UNER EWT dev again one document per doc_id (its sentences joined by newlines;
   the number docs/entities.md has tracked). UNER has no MISC: predicted MISC ignored.
   Then the held-out GUM split (scripts/convert_gum.py: every 5th document of each
   genre, never trained on), one document per record, all genres and its news
   documents alone; GUM's MISC lacks nationalities, so read core3 there.
2. Prints k-fold cross-validation of the tagger on the training sets
   (wikigold, Broad Twitter Corpus and GUM's training part, as scripts/train_ner.sh
   trains; FACTLENS_TRAIN_GUM=0 leaves GUM out), computed by the training tool itself.

Usage: python3 tests/eval/eval_ner.py [--factlens PATH] [--train-tool PATH]
       [--folds K] [--no-cv] [--shared DIR]
Skips (exit 0) with a message when ../shared is absent.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TYPES = ("PERSON", "ORG", "PLACE", "MISC")


def shared_dir(arg):
    if arg:
        return arg
    return os.environ.get("FACTLENS_SHARED", os.path.join(REPO, "..", "shared"))


def find_binary(arg, name):
    if arg:
        return arg
    for d in ("build", "build-release", "build-debug"):
        p = os.path.join(REPO, d, "analysis", name)
        if os.path.exists(p):
            return p
    return None


def load_docs(path):
    docs = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.setdefault(d.get("doc_id", d["id"]), []).append(d)
    return docs


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def print_table(title, tp, fp, fn, types):
    print(title)
    print(f"  {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for t in types:
        p, r, f = prf(tp[t], fp[t], fn[t])
        print(f"  {t:8} {p:6.3f} {r:6.3f} {f:6.3f} {tp[t] + fn[t]:6d} {tp[t] + fp[t]:6d}")
    mt = sum(tp[t] for t in ("PERSON", "ORG", "PLACE"))
    mf = sum(fp[t] for t in ("PERSON", "ORG", "PLACE"))
    mn = sum(fn[t] for t in ("PERSON", "ORG", "PLACE"))
    p, r, f = prf(mt, mf, mn)
    print(f"  {'micro':8} {p:6.3f} {r:6.3f} {f:6.3f} {mt + mn:6d} {mt + mf:6d}"
          "   (PERSON/ORG/PLACE micro-F1)")
    return f


def eval_dev(factlens, path):
    docs = load_docs(path)
    lines, gold = [], {}
    for doc_id, sents in docs.items():
        text, spans, off = [], set(), 0
        for s in sents:
            for e in s["entities"]:
                spans.add((off + e["start"], off + e["end"], e["type"]))
            text.append(s["text"])
            off += len(s["text"]) + 1
        lines.append(json.dumps({"id": doc_id, "text": "\n".join(text)}, ensure_ascii=False))
        gold[doc_id] = spans
    return score(factlens, lines, gold,
                 f"UNER en_ewt dev, {len(docs)} documents, exact span and type "
                 "(factlens analyze: tagger + document rules)")


NEWS_ROUNDS = (
    ("ner_news_src.txt", "round 1, tuned on after its first run"),
    ("ner_news2_src.txt", "round 2, tuned on after its first run"),
    ("ner_news3_src.txt", "round 3, held out"),
)


def eval_news(factlens):
    """The original wire-style news sets (tests/eval/data/ner_news*_src.txt)."""
    sys.path.insert(0, HERE)
    import make_ner_news
    for name, what in NEWS_ROUNDS:
        docs = make_ner_news.convert(os.path.join(HERE, "data", name))
        lines = [json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) for d in docs]
        gold = {d["id"]: {(e["start"], e["end"], e["type"]) for e in d["entities"]
                          if e["type"] != "MISC"} for d in docs}
        score(factlens, lines, gold,
              f"original wire-style news, {len(docs)} documents ({name}, {what}), "
              "exact span and type")
        print()


# Headline openings of the Reuters sports pages ("SOCCER - ...", "Boxing-Bruno ...").
SPORTS = re.compile(
    r"^(SOCCER|CRICKET|BASEBALL|TENNIS|BOXING|GOLF|RUGBY( UNION| LEAGUE)?|BASKETBALL|SQUASH|"
    r"ATHLETICS|CYCLING|NFL|NHL|NBA|AMERICAN FOOTBALL|ICE HOCKEY|MOTOR ?RACING|HORSE RACING|"
    r"FORMULA ONE|SKIING|SWIMMING|BADMINTON|ROWING|SAILING|YACHTING|ALPINE SKIING|"
    r"VOLLEYBALL|HANDBALL|HOCKEY|SNOOKER|DARTS|TRIATHLON|JUDO|WRESTLING)\b", re.I)


def is_sports(record):
    return bool(SPORTS.match(record["text"].split("\n", 1)[0]))


def shared_scorer(shared, factlens, records, name):
    """Runs factlens on the records and scores them with ../shared/eval/score_ner.py."""
    scorer = os.path.join(shared, "eval", "score_ner.py")
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        pred = os.path.join(tmp, "pred.jsonl")
        with open(gold, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        with open(gold, encoding="utf-8") as fin, open(pred, "w", encoding="utf-8") as fout:
            proc = subprocess.run([factlens, "analyze", "--format", "jsonl", "-"], stdin=fin,
                                  stdout=fout, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            print(f"  factlens exited {proc.returncode}: {proc.stderr[:300]}")
        out = subprocess.run([sys.executable, scorer, "--gold", gold, "--pred", pred,
                              "--name", name], capture_output=True, text=True)
        print(out.stdout, end="")
        if out.returncode != 0:
            print(out.stderr[-1000:])
    print()


def eval_real_news(shared, factlens):
    reuters = os.path.join(shared, "corpora", "news_dev", "conll2003_dev_docs.jsonl")
    if os.path.exists(reuters):
        recs = [json.loads(l) for l in open(reuters, encoding="utf-8")]
        shared_scorer(shared, factlens, recs, "reuters_dev")
        shared_scorer(shared, factlens, [r for r in recs if not is_sports(r)],
                      "reuters_dev_general")
        shared_scorer(shared, factlens, [r for r in recs if is_sports(r)], "reuters_dev_sports")
        # The halves by position: round five tuned on the first and measured the second
        # (docs/entities.md, "Clubs, companies and conventions").
        half = len(recs) // 2
        shared_scorer(shared, factlens, recs[:half], "reuters_dev_first_half")
        shared_scorer(shared, factlens, recs[half:], "reuters_dev_second_half")
    else:
        print(f"eval_ner: Reuters development set skipped, {reuters} not found")
    uner = os.path.join(shared, "corpora", "ner", "dev_uner_en_ewt.jsonl")
    if os.path.exists(uner):
        recs = [{k: d[k] for k in ("id", "text", "entities")}
                for d in map(json.loads, open(uner, encoding="utf-8"))]
        shared_scorer(shared, factlens, recs, "uner_ewt_dev_sentences")


def convert_gum(shared, out_dir):
    """GUM's train/dev split (scripts/convert_gum.py) in out_dir; False without GUM."""
    if not os.path.isdir(os.path.join(shared, "corpora", "gum", "entities")):
        return False
    proc = subprocess.run([sys.executable, os.path.join(REPO, "scripts", "convert_gum.py"),
                           shared, out_dir], capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"eval_ner: convert_gum.py failed: {proc.stderr[-500:]}")
        return False
    return True


def eval_gum(shared, factlens, gum_dir):
    """The held-out GUM split, one record per document (sentences joined by newlines)."""
    if not gum_dir:
        print(f"eval_ner: GUM dev split skipped, {shared}/corpora/gum/entities not found")
        return
    recs = []
    for doc_id, sents in load_docs(os.path.join(gum_dir, "gum_dev.jsonl")).items():
        text, ents, off = [], [], 0
        for s in sents:
            for e in s["entities"]:
                ents.append(dict(e, start=off + e["start"], end=off + e["end"]))
            text.append(s["text"])
            off += len(s["text"]) + 1
        recs.append({"id": doc_id, "text": "\n".join(text), "entities": ents})
    shared_scorer(shared, factlens, recs, "gum_dev")
    shared_scorer(shared, factlens, [r for r in recs if r["id"].startswith("GUM_news_")],
                  "gum_dev_news")


def score(factlens, lines, gold, title):
    proc = subprocess.run([factlens, "analyze", "--format", "jsonl", "-"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True,
                          encoding="utf-8")
    if proc.returncode != 0 and not proc.stdout:
        sys.exit(f"factlens failed: {proc.stderr[:500]}")
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    utp, ufp, ufn = 0, 0, 0
    seen = set()
    for line in proc.stdout.splitlines():
        out = json.loads(line)
        doc_id = out.get("id")
        seen.add(doc_id)
        pred = {(e["start"], e["end"], e["type"]) for e in out.get("entities", [])
                if e["type"] != "MISC"}
        g = gold[doc_id]
        for s in pred:
            (tp if s in g else fp)[s[2]] += 1
        for s in g:
            if s not in pred:
                fn[s[2]] += 1
        up = {(a, b) for a, b, _ in pred}
        ug = {(a, b) for a, b, _ in g}
        utp += len(up & ug)
        ufp += len(up - ug)
        ufn += len(ug - up)
    for doc_id in gold:
        if doc_id not in seen:
            for s in gold[doc_id]:
                fn[s[2]] += 1
    f = print_table(title, tp, fp, fn, TYPES[:3])
    p, r, uf = prf(utp, ufp, ufn)
    print(f"  untyped exact-span: P {p:.3f} R {r:.3f} F1 {uf:.3f}")
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--factlens")
    ap.add_argument("--train-tool")
    ap.add_argument("--shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-cv", action="store_true")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    factlens = find_binary(args.factlens, "factlens")
    if not factlens:
        sys.exit("eval_ner: factlens binary not found; pass --factlens PATH")
    eval_news(factlens)
    eval_real_news(shared, factlens)
    tmp = tempfile.TemporaryDirectory()
    gum_dir = tmp.name if convert_gum(shared, tmp.name) else None
    eval_gum(shared, factlens, gum_dir)
    dev = os.path.join(shared, "corpora", "ner", "dev_uner_en_ewt.jsonl")
    if not os.path.exists(dev):
        print(f"eval_ner: UNER dev and cross-validation skipped, {dev} not found "
              "(set FACTLENS_SHARED)")
        return 0
    eval_dev(factlens, dev)
    if not args.no_cv:
        tool = find_binary(args.train_tool, "factlens_train_ner")
        if not tool:
            print("cross-validation skipped: factlens_train_ner not found (--train-tool PATH)")
        else:
            print()
            sys.stdout.flush()
            cmd = [tool, "--shared", shared, "--cv", str(args.folds)]
            # As scripts/train_ner.sh trains: with GUM's training part unless opted out.
            if gum_dir and os.environ.get("FACTLENS_TRAIN_GUM", "1") == "1":
                cmd += ["--gum", gum_dir]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            print(proc.stdout, end="")
            if proc.returncode != 0:
                print(proc.stderr[-2000:], file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
