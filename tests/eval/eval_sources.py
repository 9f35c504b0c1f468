#!/usr/bin/env python3
"""Scores `factlens analyze --source` (issue #17) on tests/eval/sources/.

sources.txt holds hand-written source texts; cases.txt holds drafts with planted
changes (a word swapped, dropped, added, reordered, a number changed, an
ellipsis, brackets, a quote stitched from two places, a paraphrase, an absent
quote) and unchanged quotes, each with its gold label set by the planted
change. Prints, per status, precision and recall of the quote statuses (the
target: altered P and R >= 0.95), how many verbatim quotes were called altered
(target 0), accuracy per planted change, and figure-check accuracy; then the
quote scores again with every source given to every draft (more passages to
confuse a quote with).

Needs only the built binary (no ../shared). Usage:
    tests/eval/eval_sources.py [--factlens PATH] [--verbose]
"""

import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import json

import common

DATA = Path(__file__).resolve().parent / "sources"


def read_sources(path):
    """{name: text} from '## source: NAME' blocks."""
    sources, name, lines = {}, None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            if name:
                sources[name] = "\n".join(lines).strip() + "\n"
            name = line.split(":", 1)[1].strip() if line.startswith("## source:") else None
            lines = []
        elif name is not None:
            lines.append(line)
    if name:
        sources[name] = "\n".join(lines).strip() + "\n"
    return sources


def parse_gold(line):
    """'? quote altered swapped: TEXT' -> (what, status, change, text)."""
    head, text = line[2:].split(":", 1)
    what, status, change = head.split()
    return what, status, change, text.strip()


def read_cases(path):
    """[{id, sources, draft, gold: [(what, status, change, text)]}]."""
    cases, case = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## case:"):
            parts = line[len("## case:"):].split()
            case = {"id": parts[0], "sources": parts[1 + parts.index("sources:")].split(","),
                    "draft": [], "gold": []}
            cases.append(case)
        elif case is None or line.startswith("#") and not line.startswith("##"):
            continue
        elif line.startswith("? "):
            case["gold"].append(parse_gold(line))
        elif line.strip():
            case["draft"].append(line)
    return cases


def run_case(factlens, case, source_paths, tmp):
    draft = Path(tmp) / (case["id"] + ".txt")
    draft.write_text("\n".join(case["draft"]) + "\n", encoding="utf-8")
    cmd = [factlens, "analyze", "--format", "json"]
    for name in case["sources"]:
        cmd += ["--source", str(source_paths[name])]
    p = subprocess.run(cmd + [str(draft)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise common.FactlensError("%s: exit %d: %s" % (case["id"], p.returncode,
                                                        p.stderr.decode("utf-8", "replace")))
    return json.loads(p.stdout.decode("utf-8"))


def predicted(out, what, text):
    """The predicted status of the check whose content (figure) text contains `text`."""
    if what == "quote":
        for q in out.get("quote_checks", []):
            if text in q["content"]["text"]:
                return q["status"], q
        return "missing", None
    for f in out.get("figure_checks", []):
        if text in f["figure"]["text"]:
            return f["status"], f
    return "missing", None


def score_quotes(results):
    """Rows of P/R per quote status, and the count of verbatim quotes called altered."""
    counts = common.Counts()
    for _, status, _, pred in results:
        for label in ("verbatim", "altered", "not_found"):
            counts.add(label, tp=int(status == label and pred == label),
                       fp=int(status != label and pred == label),
                       fn=int(status == label and pred != label))
    verbatim_called_altered = sum(1 for _, s, _, p in results if s == "verbatim" and p == "altered")
    return counts.rows(micro_label="all"), verbatim_called_altered


def accuracy_rows(results):
    """Rows: planted change, n, correct, accuracy."""
    by_change = defaultdict(Counter)
    for change, status, _, pred in results:
        by_change[change + " (" + status + ")"]["n"] += 1
        by_change[change + " (" + status + ")"]["ok"] += int(pred == status)
    rows = [[k, c["n"], c["ok"], c["ok"] / c["n"]] for k, c in sorted(by_change.items())]
    n = sum(c["n"] for c in by_change.values())
    ok = sum(c["ok"] for c in by_change.values())
    rows.append(["all", n, ok, ok / n if n else 0.0])
    return rows


def run_all(factlens, sources, cases, all_sources, verbose):
    """Runs every case (against its own sources, or all of them); returns (quotes, figures)
    as lists of (change, gold status, text, predicted status)."""
    quotes, figures = [], []
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, text in sources.items():
            paths[name] = Path(tmp) / (name + ".txt")
            paths[name].write_text(text, encoding="utf-8")
        for case in cases:
            if all_sources:
                case = dict(case, sources=sorted(sources))
            out = run_case(factlens, case, paths, tmp)
            for what, status, change, text in case["gold"]:
                pred, check = predicted(out, what, text)
                (quotes if what == "quote" else figures).append((change, status, text, pred))
                if verbose and pred != status:
                    print("MISS %s %s %r: gold %s, got %s %s" % (
                        case["id"], what, text, status, pred,
                        json.dumps(check, ensure_ascii=False) if check else ""))
    return quotes, figures


def main():
    args = common.parse_args("Scores quote and figure checks against sources (issue #17)")
    factlens = common.require_factlens(args)
    sources = read_sources(DATA / "sources.txt")
    cases = read_cases(DATA / "cases.txt")
    quotes, figures = run_all(factlens, sources, cases, False, args.verbose)
    print("%d cases (draft/source pairs), %d quotes, %d figures\n"
          % (len(cases), len(quotes), len(figures)))
    rows, verbatim_altered = score_quotes(quotes)
    common.print_table(rows, title="quote status, precision and recall")
    print("verbatim quotes called altered: %d\n" % verbatim_altered)
    headers = ["planted change (gold)", "n", "correct", "accuracy"]
    common.print_table(accuracy_rows(quotes), headers=headers, title="quotes by planted change")
    common.print_table(accuracy_rows(figures), headers=headers, title="figure checks")
    quotes, figures = run_all(factlens, sources, cases, True, args.verbose)
    rows, verbatim_altered = score_quotes(quotes)
    common.print_table(rows, title="the same with all %d sources given to every draft"
                       % len(sources))
    print("verbatim quotes called altered: %d; figure checks correct: %d of %d"
          % (verbatim_altered, sum(1 for f in figures if f[1] == f[3]), len(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
