#!/usr/bin/env python3
"""Figures throughput: words/s of the text layer alone and of text layer + figures.

Usage: python3 tests/bench/bench_figures.py [--build DIR] [--words N]

Builds a large text (default 2 million words) by repeating the corpora's news-like
text (NER documents and the figures spec sentences) from ../shared (FACTLENS_SHARED),
or, if absent, a generated text full of figures; compiles tests/bench/figures_speed.cc
against the built analysis library and prints the best of three runs (single thread).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def corpus_text(shared):
    parts = []
    for path in sorted(glob.glob(os.path.join(shared, "corpora", "ner", "*_docs.jsonl"))):
        for line in open(path, encoding="utf-8"):
            parts.append(json.loads(line)["text"])
    for path in sorted(glob.glob(os.path.join(shared, "corpora", "figures", "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            parts.append(json.loads(line)["text"])
    return "\n".join(parts)


def generated_text():
    s = ("Bilateral trade reached US$272.9 billion in 2024, only 12 percent up from the "
         "US$243.4 billion recorded in 2019. About 200 people met on January 5, 2026 at 2.15pm "
         "for a four-day visit, signing 15 cooperation documents worth $1.2bn and 5 million yuan. "
         "The second summit, held from January 4 to 7, marked the 100th anniversary.\n")
    return s * 200


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--words", type=int, default=2_000_000)
    args = ap.parse_args()
    lib = os.path.join(args.build, "analysis", "libfactlens_analysis.a")
    if not os.path.exists(lib):
        print("SKIP: %s not built" % lib)
        return 0
    shared = os.environ.get("FACTLENS_SHARED") or os.path.join(REPO, "..", "shared")
    base = corpus_text(shared) if os.path.isdir(shared) else ""
    if not base:
        print("(../shared absent: using generated text)")
        base = generated_text()
    n = max(1, len(base.split()))
    text = "\n".join([base] * max(1, args.words // n))
    exe = os.path.join(args.build, "figures_speed")
    cmd = ["c++", "-O2", "-std=c++17", "-I", os.path.join(REPO, "analysis", "include"),
           os.path.join(HERE, "figures_speed.cc"), lib, "-licui18n", "-licuuc", "-licudata",
           "-o", exe]
    subprocess.run(cmd, check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        subprocess.run([exe, path, "3"], check=True)
    finally:
        os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
