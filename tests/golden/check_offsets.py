#!/usr/bin/env python3
"""Checks the offset contract on real runs of factlens: every span's "text" equals the
input's characters at its code-point offsets [start, end).

    check_offsets.py --factlens BIN FILE...        (a FILE that does not exist is skipped)
    check_offsets.py --factlens BIN --shared-sample

Each file is checked as is, with CRLF line ends, with a leading BOM, and through
--format jsonl (which must give the same result as --format json). --shared-sample checks
../shared/samples/000_f28148b3b02c48fe.txt (or $FACTLENS_SHARED/samples/...) and exits 77
(ctest: skipped) with a message when it is absent.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import common  # noqa: E402

SKIP = 77
SAMPLE = "samples/000_f28148b3b02c48fe.txt"


def run(factlens, args, data=None):
    p = subprocess.run([factlens, "analyze"] + args, input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise SystemExit("factlens %s exited with %d: %s"
                         % (" ".join(args), p.returncode, p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8")


def check_text(factlens, label, text_bytes):
    """Runs factlens on the bytes; returns (number of spans, list of errors)."""
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        f.write(text_bytes)
        path = f.name
    try:
        out = json.loads(run(factlens, ["--format", "json", path]))
    finally:
        os.unlink(path)
    text = text_bytes.decode("utf-8")  # Python's utf-8 codec keeps a BOM as U+FEFF
    errors = []
    if next(iter(out)) != "schema" or out["schema"] != "factlens/1":
        errors.append("%s: output does not start with schema factlens/1" % label)
    spans = list(common.iter_spans(out))
    for s, actual in common.check_offsets(text, spans):
        errors.append("%s: [%d, %d) says %r but the input has %r"
                      % (label, s["start"], s["end"], s["text"], actual))
    for s in spans:
        if not (0 <= s["start"] <= s["end"] <= len(text)):
            errors.append("%s: offsets out of range: %r" % (label, s))
    return out, len(spans), errors


def check_file(factlens, path):
    raw = Path(path).read_bytes()
    plain = raw.replace(b"\r\n", b"\n")
    variants = [("as is", raw), ("LF", plain), ("CRLF", plain.replace(b"\n", b"\r\n")),
                ("BOM", b"\xef\xbb\xbf" + plain)]
    errors = []
    counts = []
    results = {}
    for label, data in variants:
        out, n, errs = check_text(factlens, "%s (%s)" % (path, label), data)
        results[label] = out
        counts.append("%s: %d spans" % (label, n))
        errors += errs
    # jsonl must give the same object as json (plus the id).
    text = plain.decode("utf-8")
    line = json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n"
    outs = run(factlens, ["--format", "jsonl", "-"], line.encode("utf-8")).splitlines()
    if len(outs) != 1:
        errors.append("%s: jsonl printed %d lines for 1" % (path, len(outs)))
    else:
        j = json.loads(outs[0])
        if j.pop("id", None) != "x":
            errors.append("%s: jsonl lost the id" % path)
        if j != results["LF"]:
            errors.append("%s: jsonl output differs from json output" % path)
    # Content sanity: the LF and CRLF runs find the same things.
    lf, crlf = results["LF"], results["CRLF"]
    for key in ("entities", "figures", "attributions", "checks"):
        if len(lf.get(key, [])) != len(crlf.get(key, [])):
            errors.append("%s: %d %s with LF but %d with CRLF"
                          % (path, len(lf.get(key, [])), key, len(crlf.get(key, []))))
    print("%s: %s" % (path, ", ".join(counts)))
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--factlens", default=common.default_factlens())
    ap.add_argument("--shared-sample", action="store_true")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not args.factlens:
        print("check_offsets: no factlens binary (--factlens)")
        return 2
    files = list(args.files)
    if args.shared_sample:
        shared = common.shared_dir()
        if shared is None or not (shared / SAMPLE).is_file():
            print("SKIP: ../shared/%s is absent (set FACTLENS_SHARED)" % SAMPLE)
            return SKIP
        files.append(str(shared / SAMPLE))
    errors = []
    for f in files:
        errors += check_file(args.factlens, f)
    for e in errors[:50]:
        print("ERROR: " + e)
    if errors:
        print("check_offsets: %d errors" % len(errors))
        return 1
    print("check_offsets: every span's text matches the input at its code-point offsets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
