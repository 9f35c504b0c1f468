#!/usr/bin/python3
"""Nothing lost (issue 18): a document stored after Analyze, and after Clear, is the
document stored without FactLens (ctest label `office`).

    /usr/bin/python3 tests/office/test_fidelity.py --oxt build/extension/factlens.oxt \
        --factlens build/analysis/factlens [DOC ...]

For each document (default: tests/office/realdocs/*, real public files where an
earlier version changed the user's document):
  1. load hidden, store a reference copy in the document's own format;
  2. load again hidden, Analyze, store (the highlights are withdrawn for the store and
     re-applied after it): the highlighted ranges after the store == before it ==
     the analysis spans (`factlens analyze --format json` on the same text);
  3. Clear, store;
  4. each stored file loaded again and written as flat ODT, canonicalised (meta,
     settings and rsids dropped, attributes sorted, automatic styles named by their
     content: lo_harness.canonical_flat_odt) and compared with the reference.
Add a document: put it in tests/office/realdocs/ (with its licence in NOTICE) or pass
its path. Exit code 77 = skipped (no soffice, no python3-uno, no built .oxt).
"""
import argparse
import difflib
import glob
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lo_harness as lo  # noqa: E402  (skips, exit 77, without python3-uno)

check = lo.check


def store(office, doc, path):
    office.store(doc, path, lo.FILTERS[os.path.splitext(path)[1]])


def highlights_settled(doc, want, timeout):
    """The highlighted ranges once they equal `want` (re-applying after a store runs in
    main-thread slices), or what is there after `timeout` seconds."""
    deadline = time.time() + timeout
    while True:
        got = lo.highlighted_intervals(lo.read_doc_text(doc)[1])
        if got == want or time.time() > deadline:
            return got
        time.sleep(0.5)


def canonical(office, path, work):
    """The stored file loaded again and written as flat ODT, canonicalised."""
    doc = office.load_hidden(path)
    flat = os.path.join(work, os.path.basename(path) + ".fodt")
    office.store(doc, flat, "OpenDocument Text Flat XML")
    doc.close(True)
    with open(flat, "rb") as f:
        return lo.canonical_flat_odt(f.read())


def same_canonical(ref, other, label):
    ok = check(ref == other, "%s: canonical flat ODT == the store without FactLens (%d lines)" % (label, len(ref)))
    if not ok:
        diff = [d for d in difflib.unified_diff(ref, other, "without", "with", n=0, lineterm="")
                if not d.startswith("@@")]
        for d in diff[:16]:
            print("       " + d[:300])
    return ok


def analyze_and_store(office, src, work, name, factlens_bin):
    """Steps 2 and 3: Analyze, store, Clear, store. Returns the two stored paths."""
    ext = os.path.splitext(src)[1]
    analyzed, cleared = (os.path.join(work, "%s.%s%s" % (name, s, ext)) for s in ("analyzed", "cleared"))
    doc = office.load_hidden(src)
    t0 = time.time()
    check(office.dispatch(doc, "org.factlens:Analyze", timeout=600) is True,
          "%s: Analyze (%.1f s)" % (name, time.time() - t0))
    before = lo.highlighted_intervals(lo.read_doc_text(doc)[1])
    log_before = len(office.log_text())
    store(office, doc, analyzed)
    after = highlights_settled(doc, before, 60)
    if not check(after == before, "%s: %d highlighted ranges after the store == %d before"
                 % (name, len(after), len(before))):
        for item in sorted(before - after)[:5]:
            print("     not again", item)
        for item in sorted(after - before)[:5]:
            print("     new      ", item)
    lo.compare_with_analysis(doc, factlens_bin, name + " after the store", strict_headings=False)
    log = office.log_text()[log_before:]
    check("reading the document" not in log and "repaint:" in log and "(0 edited paragraphs skipped)" in log,
          "%s: the store started no new analysis (no paragraph taken for edited)" % name)
    check(office.dispatch(doc, "org.factlens:Clear") is True, "%s: Clear" % name)
    store(office, doc, cleared)
    doc.close(True)
    return analyzed, cleared


def run_document(office, src, work, factlens_bin):
    name = os.path.basename(src)
    local = os.path.join(work, name)
    shutil.copyfile(src, local)
    ext = os.path.splitext(name)[1]
    reference = os.path.join(work, "%s.plain%s" % (name, ext))
    doc = office.load_hidden(local)
    if not check(doc is not None, "%s loads" % name):
        return
    store(office, doc, reference)
    doc.close(True)
    analyzed, cleared = analyze_and_store(office, local, work, name, factlens_bin)
    ref = canonical(office, reference, work)
    same_canonical(ref, canonical(office, analyzed, work), name + " stored after Analyze")
    same_canonical(ref, canonical(office, cleared, work), name + " stored after Clear")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--factlens", required=True)
    ap.add_argument("--timeout", type=float, default=880, help="kill everything after this many seconds")
    ap.add_argument("docs", nargs="*", help="documents (default: tests/office/realdocs/*)")
    args = ap.parse_args()
    docs = args.docs or sorted(p for p in glob.glob(os.path.join(HERE, "realdocs", "*"))
                               if os.path.splitext(p)[1] in lo.FILTERS)

    def body(office):
        work = os.path.join(office.dir, "fidelity")
        os.makedirs(work, exist_ok=True)
        for src in docs:
            run_document(office, src, work, args.factlens)

    lo.run_office_test("fidelity", args, body)


if __name__ == "__main__":
    main()
