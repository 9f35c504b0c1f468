#!/usr/bin/env python3
"""Guard: no text of the development corpora may be copied into the repository.

The development corpora (../shared/corpora/news_dev: Reuters dev, PolNeAR train and dev) are
for measurement only. This check scans every git-tracked text file of the repository (code,
data, docs, tests) for any 8-word sequence (lower-cased word tokens) that occurs in those
corpora, unless it also occurs in the open corpora (GUM, wikigold, BTC: ordinary language)
or is listed in tests/eval/dev_text_allowlist.txt (one sequence per line, each with a
'# why it is ordinary language' comment). Corpus ids (the "id" values of JSONL files, e.g.
the verdict files) are not text and are not scanned.

Prints file:line and the copied words for every hit and exits 1 if there is any; exits 0
when clean. Without the shared data it prints SKIP and exits 0 (or --skip-code, which the
ctest registration sets to 77).

    python3 tests/eval/check_no_dev_text.py [--shared DIR] [--skip-code N]

Cost: the repository's 8-grams are hashed first; the corpora are then streamed once and only
looked up (a few seconds).
"""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ALLOWLIST = REPO / "tests/eval/dev_text_allowlist.txt"
N = 8
DEV_FILES = ["news_dev/conll2003_dev_docs.jsonl", "news_dev/polnear_dev.jsonl",
             "news_dev/polnear_train.jsonl"]
OPEN_ROOTS = ["gum", "ner/train_wikigold.jsonl", "ner/train_wikigold_docs.jsonl",
              "ner/train_btc.jsonl"]

WORD = re.compile(r"[^\W_]+")
# Escapes in source and JSON text ("\n", "\u2019", "\"") separate words; they are not words.
ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)")
# Corpus ids in JSONL files ("id": "polnear/dev/<outlet>_<date>_<slug>") are references.
JSON_ID = re.compile(r'"id"\s*:\s*"[^"]*"')


def shared_dir(explicit):
    for cand in (explicit, os.environ.get("FACTLENS_SHARED"), REPO.parent / "shared"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return None


def words(text):
    return [w.lower() for w in WORD.findall(ESCAPE.sub(" ", text))]


def tracked_text_files():
    """(path, text) of every git-tracked file that is UTF-8 text."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                         check=True).stdout
    for rel in out.decode().split("\0"):
        if not rel:
            continue
        try:
            data = (REPO / rel).read_bytes()
        except OSError:
            continue  # deleted in the worktree, or a submodule
        if b"\0" in data:
            continue
        try:
            yield rel, data.decode("utf-8")
        except UnicodeDecodeError:
            continue


def file_tokens(rel, text):
    """Word tokens of one file with the line number of each."""
    toks, lines = [], []
    for ln, line in enumerate(text.split("\n"), 1):
        if rel.endswith(".jsonl"):
            line = JSON_ID.sub(" ", line)
        for w in words(line):
            toks.append(w)
            lines.append(ln)
    return toks, lines


def ngrams(toks):
    return (tuple(toks[i:i + N]) for i in range(len(toks) - N + 1))


def corpus_texts(path):
    """The texts of one corpus file: the "text" fields of JSONL, else the raw file."""
    if path.suffix == ".jsonl":
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line).get("text", "")
    else:
        yield path.read_text(encoding="utf-8", errors="ignore")


def open_corpus_files(shared):
    for rel in OPEN_ROOTS:
        root = shared / "corpora" / rel
        if root.is_file():
            yield root
        elif root.is_dir():
            for dp, _, fn in os.walk(root):
                for name in sorted(fn):
                    yield Path(dp) / name


def found_in(paths, wanted):
    """The subset of the n-gram set `wanted` that occurs in the texts of `paths`."""
    found = set()
    for path in paths:
        for text in corpus_texts(path):
            for g in ngrams(words(text)):
                if g in wanted:
                    found.add(g)
    return found


def load_allowlist():
    """Allowed n-grams (every 8-gram of each listed phrase); errors for lines without reason."""
    allowed, errors = set(), []
    if not ALLOWLIST.exists():
        return allowed, errors
    for ln, line in enumerate(ALLOWLIST.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        phrase, sep, why = line.partition("#")
        toks = words(phrase)
        if not sep or not why.strip():
            errors.append(f"{ALLOWLIST.relative_to(REPO)}:{ln}: no '# reason' comment")
        elif len(toks) < N:
            errors.append(f"{ALLOWLIST.relative_to(REPO)}:{ln}: fewer than {N} words")
        allowed.update(ngrams(toks))
    return allowed, errors


def report_hits(files, leaked):
    """Prints each run of overlapping leaked n-grams as file:line: words. Returns the count."""
    count = 0
    for rel, (toks, lines) in files.items():
        i, n = 0, len(toks) - N + 1
        while i < n:
            if tuple(toks[i:i + N]) not in leaked:
                i += 1
                continue
            end = i
            while end + 1 < n and tuple(toks[end + 1:end + 1 + N]) in leaked:
                end += 1
            print(f"{rel}:{lines[i]}: {' '.join(toks[i:end + N])}")
            count += 1
            i = end + N
    return count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="shared data folder (default $FACTLENS_SHARED, ../shared)")
    ap.add_argument("--skip-code", type=int, default=0, help="exit code when data is absent")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    dev = [shared / "corpora" / rel for rel in DEV_FILES] if shared else []
    if not dev or not all(p.is_file() for p in dev):
        print("SKIP: development corpora (../shared/corpora/news_dev) not found")
        return args.skip_code

    files = {rel: file_tokens(rel, text) for rel, text in tracked_text_files()}
    project = set()
    for toks, _ in files.values():
        project.update(ngrams(toks))
    in_dev = found_in(dev, project)
    in_open = found_in(open_corpus_files(shared), in_dev)
    allowed, errors = load_allowlist()
    for e in errors:
        print(e)
    leaked = in_dev - in_open - allowed
    hits = report_hits(files, leaked)
    print(f"{hits} run(s) of dev-corpus text in {len(files)} tracked files "
          f"({len(in_dev)} dev {N}-grams found, {len(in_dev & in_open)} also in open corpora, "
          f"{len(in_dev & allowed)} allowlisted)")
    return 1 if hits or errors else 0


if __name__ == "__main__":
    sys.exit(main())
