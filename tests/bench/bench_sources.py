#!/usr/bin/env python3
"""Timing of `factlens analyze --source` (issue #17): a 3,000-word draft against a
50,000-word source, both generated deterministically (seeded), with the draft's
quotations taken from the source (some verbatim, some altered) and figures.

Usage: python3 tests/bench/bench_sources.py [--factlens PATH] [--runs N]
         [--draft-words N] [--source-words N]

Prints the median and best wall time and the median CPU time (user + system)
of the command with --source and of the same draft without --source (the
difference is the cost of the source checks), and how the quotations were
judged. Target: under 100 ms with --source.
"""
import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

FUNCTION_WORDS = ("the a of to and in that for on with as by at from it was is will "
                  "would has had not but which their they this").split()
SYLLABLES = "ka lo mi ren dar vel os tun bri sa gor eth lin pa qua zen hol mur ti fen".split()
NAMES = ["Ilse Varga", "Tomas Brink", "Mara Collins", "Peter Ostrand", "Amina Raza"]


def make_words(rng, n):
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(n)]


def sentence(rng, vocab, n_words):
    words = [rng.choice(FUNCTION_WORDS) if rng.random() < 0.4 else rng.choice(vocab)
             for _ in range(n_words)]
    words[0] = words[0].capitalize()
    return " ".join(words)


def figure(rng):
    return rng.choice(["$%d.%d million" % (rng.randint(1, 99), rng.randint(1, 9)),
                       "%d percent" % rng.randint(1, 90),
                       "%d families" % rng.randint(20, 900)])


def make_source(rng, vocab, n_words):
    paragraphs, sentences, count = [], [], 0
    while count < n_words:
        para = []
        for _ in range(rng.randint(3, 6)):
            s = sentence(rng, vocab, rng.randint(12, 24))
            if rng.random() < 0.3:
                s += " by " + figure(rng)
            sentences.append(s)
            para.append(s + ".")
            count += len(s.split())
        paragraphs.append(" ".join(para))
    return "\n".join(paragraphs) + "\n", sentences


def alter(rng, words):
    w = list(words)
    i = rng.randrange(len(w))
    w[i] = rng.choice(["quickly", "never", "twenty", "northern"])
    return w


def make_draft(rng, vocab, source_sentences, n_words):
    paragraphs, count, quotes = [], 0, 0
    while count < n_words:
        if rng.random() < 0.35:
            words = rng.choice(source_sentences).split()[:rng.randint(8, 16)]
            if rng.random() < 0.3:
                words = alter(rng, words)
            text = "\u201c%s,\u201d %s said." % (" ".join(words), rng.choice(NAMES))
            quotes += 1
        else:
            text = sentence(rng, vocab, rng.randint(15, 30)) + " by " + figure(rng) + "."
        paragraphs.append(text)
        count += len(text.split())
    return "\n".join(paragraphs) + "\n", quotes


def child_cpu_ms():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def time_command(cmd, runs):
    """(median wall ms, best wall ms, median CPU ms, output of the last run)."""
    walls, cpus = [], []
    out = b""
    for _ in range(runs):
        cpu, start = child_cpu_ms(), time.perf_counter()
        out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True).stdout
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append(child_cpu_ms() - cpu)
    return statistics.median(walls), min(walls), statistics.median(cpus), out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factlens", default=os.path.join(REPO, "build/analysis/factlens"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--draft-words", type=int, default=3000)
    parser.add_argument("--source-words", type=int, default=50000)
    args = parser.parse_args()
    rng = random.Random(17)
    vocab = make_words(rng, 4000)
    source, sentences = make_source(rng, vocab, args.source_words)
    draft, quotes = make_draft(rng, vocab, sentences, args.draft_words)
    with tempfile.TemporaryDirectory() as tmp:
        src_path, draft_path = os.path.join(tmp, "source.txt"), os.path.join(tmp, "draft.txt")
        open(src_path, "w", encoding="utf-8").write(source)
        open(draft_path, "w", encoding="utf-8").write(draft)
        base = [args.factlens, "analyze", "--format", "json"]
        plain_med, plain_best, plain_cpu, _ = time_command(base + [draft_path], args.runs)
        med, best, cpu, out = time_command(base + ["--source", src_path, draft_path], args.runs)
    result = json.loads(out)
    statuses = {}
    for q in result["quote_checks"]:
        statuses[q["status"]] = statuses.get(q["status"], 0) + 1
    print("draft %d words (%d quotations planted), source %d words"
          % (len(draft.split()), quotes, len(source.split())))
    print("with --source:    wall median %.1f ms, best %.1f ms; CPU median %.1f ms (%d runs)"
          % (med, best, cpu, args.runs))
    print("without --source: wall median %.1f ms, best %.1f ms; CPU median %.1f ms"
          % (plain_med, plain_best, plain_cpu))
    print("load average: %.1f (wall times grow with it; the sources load on a second thread)"
          % os.getloadavg()[0])
    print("quote checks: %s; figure checks: %d"
          % (json.dumps(statuses, sort_keys=True), len(result["figure_checks"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
