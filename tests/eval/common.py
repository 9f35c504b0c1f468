"""Shared helpers for the tests/eval/eval_*.py scorers (python3 standard library only).

Usage from an eval script (tests/eval/eval_<module>.py):

    import common
    args = common.parse_args("Scores figures against ../shared/corpora/figures")
    shared = common.require_shared(args)            # prints SKIP and exits 0 if absent
    records = list(common.read_jsonl(shared / "corpora/figures/x.jsonl"))
    outputs = common.run_factlens_jsonl(args.factlens, records)   # one process, streamed
    counts = common.Counts()
    for rec in records:
        out = outputs[rec["id"]]
        gold = [(g["start"], g["end"], g["kind"]) for g in rec["figures"]]
        pred = [(p["start"], p["end"], p["kind"]) for p in out.get("figures", [])]
        counts.add_spans(gold, pred, mode="exact", typed=True)
    common.print_table(counts.rows(), title="figures, exact span + kind")

Offsets everywhere are Unicode code points into `text`, end exclusive (the factlens/1
contract and the corpora format agree), so Python slicing `text[start:end]` applies.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Where a build may have put the command, in order of preference.
_CANDIDATE_BINARIES = [
    "build/analysis/factlens",
    "build/factlens",
    "build-release/analysis/factlens",
]


# ------------------------------------------------------------------ locations

def shared_dir(explicit=None):
    """The shared data folder: explicit path, else $FACTLENS_SHARED, else <repo>/../shared.

    Returns a Path, or None when it does not exist."""
    for cand in (explicit, os.environ.get("FACTLENS_SHARED"), REPO.parent / "shared"):
        if cand and Path(cand).is_dir():
            return Path(cand).resolve()
    return None


def default_factlens():
    """Path of a built factlens binary ($FACTLENS_BIN, else the usual build dirs), or None."""
    env = os.environ.get("FACTLENS_BIN")
    if env:
        return env
    for rel in _CANDIDATE_BINARIES:
        p = REPO / rel
        if p.is_file() and os.access(p, os.X_OK):
            return str(p)
    return None


def skip(message):
    """Prints a skip message and exits 0 (eval scripts never fail a run for missing data)."""
    print("SKIP: " + message)
    sys.stdout.flush()
    sys.exit(0)


def parse_args(description, extra=None, argv=None):
    """Standard arguments: --factlens PATH, --shared DIR, --limit N, --verbose.

    `extra` is an optional function(parser) that adds script-specific arguments."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--factlens", default=None,
                        help="factlens binary (default: $FACTLENS_BIN or build/analysis/factlens)")
    parser.add_argument("--shared", default=None,
                        help="shared data folder (default: $FACTLENS_SHARED or <repo>/../shared)")
    parser.add_argument("--limit", type=int, default=0,
                        help="score only the first N records of each file (0 = all)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="print individual errors")
    if extra:
        extra(parser)
    args = parser.parse_args(argv)
    if not args.factlens:
        args.factlens = default_factlens()
    return args


def require_shared(args, what="../shared"):
    """Returns the shared folder or prints a SKIP message and exits 0."""
    shared = shared_dir(getattr(args, "shared", None))
    if shared is None:
        skip("%s is absent (set FACTLENS_SHARED or place it beside the repository)" % what)
    return shared


def require_factlens(args):
    """Returns the factlens binary or prints a SKIP message and exits 0."""
    if not args.factlens or not os.access(args.factlens, os.X_OK):
        skip("no factlens binary (build first or pass --factlens PATH)")
    return args.factlens


# ------------------------------------------------------------------ data

def read_jsonl(path, limit=0):
    """Yields the JSON objects of a JSONL file (blank lines skipped)."""
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            yield json.loads(line)
            n += 1
            if limit and n >= limit:
                return


def check_offsets(text, spans):
    """Returns a list of (span, actual) where span["text"] != text[start:end]."""
    bad = []
    for s in spans:
        actual = text[s["start"]:s["end"]]
        if actual != s.get("text", actual):
            bad.append((s, actual))
    return bad


def iter_spans(result):
    """Every span object ({start, end, text}) in one factlens/1 output object."""
    for e in result.get("entities", []):
        yield e
    for f in result.get("figures", []):
        yield f
    for a in result.get("attributions", []):
        for key in ("content", "speaker", "cue", "outlet"):
            if a.get(key):
                yield a[key]
    for q in result.get("quoted_terms", []):
        yield q
    for c in result.get("checks", []):
        for s in c.get("spans", []):
            yield s


# ------------------------------------------------------------------ running factlens

class FactlensError(RuntimeError):
    pass


def run_factlens_jsonl(factlens, records, extra_args=(), keep_order=False):
    """Runs `factlens analyze --format jsonl -` once over all records.

    records: iterable of dicts with "id" and "text" (and optional
    "reference_datetime"); other keys are not sent. Input is written from a thread
    while output is read, so memory stays flat and the pipe never deadlocks.

    Returns {id: output object} (or a list in input order when keep_order=True).
    An output with an "error" key is a line factlens rejected; it is returned as is.
    Raises FactlensError if the process dies or the number of outputs is wrong."""
    cmd = [factlens, "analyze", "--format", "jsonl"] + list(extra_args) + ["-"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    sent = []
    write_error = []

    def writer():
        try:
            for rec in records:
                line = {"id": rec["id"], "text": rec["text"]}
                if rec.get("reference_datetime"):
                    line["reference_datetime"] = rec["reference_datetime"]
                proc.stdin.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
                sent.append(rec["id"])
            proc.stdin.close()
        except (BrokenPipeError, OSError) as e:  # the process died; reported below
            write_error.append(e)

    stderr_chunks = []

    def drain_stderr():
        stderr_chunks.append(proc.stderr.read())

    t = threading.Thread(target=writer, daemon=True)
    te = threading.Thread(target=drain_stderr, daemon=True)
    t.start()
    te.start()
    outputs = []
    for raw in proc.stdout:
        outputs.append(json.loads(raw.decode("utf-8")))
    t.join()
    rc = proc.wait()
    te.join()
    stderr = b"".join(stderr_chunks).decode("utf-8", "replace")
    if rc not in (0, 1) or write_error:
        raise FactlensError("factlens exited with %d: %s" % (rc, stderr[-2000:]))
    if len(outputs) != len(sent):
        raise FactlensError("factlens printed %d objects for %d records: %s"
                            % (len(outputs), len(sent), stderr[-2000:]))
    if keep_order:
        return outputs
    by_id = {}
    for rec_id, out in zip(sent, outputs):
        by_id[rec_id] = out
    return by_id


def run_factlens_text(factlens, text, fmt="json", extra_args=()):
    """Runs `factlens analyze --format FMT -` on one text; returns the parsed JSON
    (fmt json) or stdout as a string."""
    cmd = [factlens, "analyze", "--format", fmt] + list(extra_args) + ["-"]
    p = subprocess.run(cmd, input=text.encode("utf-8"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise FactlensError("factlens exited with %d: %s"
                            % (p.returncode, p.stderr.decode("utf-8", "replace")))
    out = p.stdout.decode("utf-8")
    return json.loads(out) if fmt == "json" else out


# ------------------------------------------------------------------ scoring

def prf(tp, fp, fn):
    """(precision, recall, F1); 0.0 where undefined."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold, pred, mode="exact", typed=True):
    """Matches gold and predicted spans one-to-one.

    gold, pred: lists of tuples (start, end[, label[, ...]]). mode "exact" needs equal
    start and end; "overlap" needs any shared character. typed=True also needs equal
    label (element 2). Returns (pairs, unmatched_gold, unmatched_pred) where pairs is a
    list of (gold_index, pred_index)."""
    used_pred = set()
    pairs = []
    unmatched_gold = []

    def label_ok(g, p):
        return not typed or len(g) < 3 or len(p) < 3 or g[2] == p[2]

    # Exact matches first, so that overlap mode prefers them.
    gold_left = []
    for gi, g in enumerate(gold):
        hit = None
        for pi, p in enumerate(pred):
            if pi not in used_pred and g[0] == p[0] and g[1] == p[1] and label_ok(g, p):
                hit = pi
                break
        if hit is None:
            gold_left.append(gi)
        else:
            used_pred.add(hit)
            pairs.append((gi, hit))
    for gi in gold_left:
        g = gold[gi]
        hit = None
        if mode == "overlap":
            best = 0
            for pi, p in enumerate(pred):
                if pi in used_pred or not label_ok(g, p) or not _overlaps(g, p):
                    continue
                shared = min(g[1], p[1]) - max(g[0], p[0])
                if shared > best:
                    best, hit = shared, pi
        if hit is None:
            unmatched_gold.append(gi)
        else:
            used_pred.add(hit)
            pairs.append((gi, hit))
    unmatched_pred = [pi for pi in range(len(pred)) if pi not in used_pred]
    pairs.sort()
    return pairs, unmatched_gold, unmatched_pred


class Counts:
    """tp/fp/fn per label, plus a micro-average row."""

    def __init__(self):
        self.by_label = {}

    def _c(self, label):
        return self.by_label.setdefault(label, [0, 0, 0])

    def add(self, label, tp=0, fp=0, fn=0):
        c = self._c(label)
        c[0] += tp
        c[1] += fp
        c[2] += fn

    def add_spans(self, gold, pred, mode="exact", typed=True):
        """Scores one record; labels are element 2 of the tuples (or "ALL").
        Returns match_spans' result so callers can inspect errors."""
        result = match_spans(gold, pred, mode=mode, typed=typed)
        pairs, ug, up = result
        for gi, _ in pairs:
            self.add(gold[gi][2] if len(gold[gi]) > 2 else "ALL", tp=1)
        for gi in ug:
            self.add(gold[gi][2] if len(gold[gi]) > 2 else "ALL", fn=1)
        for pi in up:
            self.add(pred[pi][2] if len(pred[pi]) > 2 else "ALL", fp=1)
        return result

    def total(self):
        tp = sum(c[0] for c in self.by_label.values())
        fp = sum(c[1] for c in self.by_label.values())
        fn = sum(c[2] for c in self.by_label.values())
        return tp, fp, fn

    def rows(self, micro_label="micro"):
        """Rows for print_table: label, tp, fp, fn, P, R, F1 (sorted, micro last)."""
        rows = []
        for label in sorted(self.by_label):
            tp, fp, fn = self.by_label[label]
            rows.append([label, tp, fp, fn] + list(prf(tp, fp, fn)))
        if len(self.by_label) != 1 or micro_label != "micro":
            tp, fp, fn = self.total()
            rows.append([micro_label, tp, fp, fn] + list(prf(tp, fp, fn)))
        return rows


PRF_HEADERS = ["label", "tp", "fp", "fn", "P", "R", "F1"]


def _fmt(v):
    if isinstance(v, float):
        return "%.3f" % v
    return str(v)


def print_table(rows, headers=PRF_HEADERS, title=None, out=None):
    """Prints an aligned plain-text table (floats with 3 decimals)."""
    out = out or sys.stdout
    cells = [[_fmt(v) for v in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in cells:
        for i, v in enumerate(r):
            widths[i] = max(widths[i], len(v))
    if title:
        out.write(title + "\n")

    def line(vals):
        parts = []
        for i, v in enumerate(vals):
            parts.append(v.ljust(widths[i]) if i == 0 else v.rjust(widths[i]))
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(headers))
    out.write(line(["-" * w for w in widths]))
    for r in cells:
        out.write(line(r))
    out.write("\n")
    out.flush()
