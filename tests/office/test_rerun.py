#!/usr/bin/python3
"""Re-running Analyze after an edit (issue 6, item 6) in a real LibreOffice.

    /usr/bin/python3 tests/office/test_rerun.py --oxt build/extension/factlens.oxt \
        --factlens build/analysis/factlens

A draft is analysed, then edited four ways — typing into a paragraph (right after a
highlighted name, so the typed text inherits its colour), deleting a paragraph,
splitting one inside a quote, inserting a new paragraph with a name in it — and
analysed again after each edit. Every time:
  - the highlighted ranges equal the spans of `factlens analyze --format json` on the
    new text (as in test_office.py's ranges checks);
  - the paragraphs away from the edit whose text and highlights did not change were
    kept (the extension's trace: "incremental: N paragraphs kept, ..."), and their
    highlights are the same as before;
Then: two runs in a row (the newer supersedes the older), typing while a run is under
way and analysing again (the typed text is seen; also on an 800-paragraph draft,
typed right after the run's reading), a store while a re-run is
painting (the copy carries no highlight), a Save As after the re-runs stores the same
content.xml as the same document edited the same way without FactLens, and Clear
restores every run's own formatting exactly (the user's own highlight under a range
of an edited paragraph included).
Exit code 77 = skipped (no soffice, no python3-uno, no built .oxt, no factlens tool).
"""
import argparse
import os
import re
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lo_harness as lo  # noqa: E402  (skips, exit 77, without python3-uno)
import test_office as t  # noqa: E402  (check, ranges_match, same_parts, ...)

check = t.check

# Original sentences (not from any corpus): names, organisations, places, quotes, figures.
PARAGRAPHS = [
    "ROTTERDAM - The Harbour Council of Rotterdam voted 31 to 4 on Tuesday to spend "
    "12.5 million euros on new flood gates, Mayor Anna de Vries said.",
    "“We cannot wait for the next storm,” de Vries told reporters at City Hall. "
    "“The gates protect 40,000 homes.”",
    "Opposition leader Pieter Bakker said the plan was rushed. According to Bakker, "
    "the council ignored a 2019 report by Delft University.",
    "Work starts in March 2027 and should take 18 months, the Port Authority said.",
    "Busan Port Authority signed a cooperation agreement with the Port of Rotterdam "
    "on Wednesday, Mayor Park Hyung-joon said.",
    "Allard Castelein, chief executive of the Port of Rotterdam, said container "
    "volumes rose 12 percent in 2025, to 14.8 million units.",
    "“We expect about 300 new jobs in Busan and Rotterdam,” Castelein added.",
    "Analysts at ING said the agreement could lower shipping costs by 5 percent.",
    "The Green Party asked for a debate in The Hague before the summer.",
    "De Vries will visit Busan in May with 12 aldermen.",
]
INCREMENTAL = re.compile(r"incremental: (\d+) paragraphs kept, (\d+) to repaint, (\d+) to withdraw")


def paragraphs(doc):
    return lo.reader_paragraphs(doc)


def set_user_highlight(doc, index, word, color):
    para = paragraphs(doc)[index]
    s = para.getString()
    c = doc.getText().createTextCursorByRange(para.getStart())
    c.goRight(s.index(word), False)
    c.goRight(len(word), True)
    c.CharHighlight = color


def edit(doc, op):
    """Applies one edit; returns (index of the edited paragraph, old index -> new index
    for the paragraphs the edit did not touch)."""
    text = doc.getText()
    ps = paragraphs(doc)
    n = len(ps)
    if op == "type":  # right after a highlighted name: the typed text inherits its colour
        k = 0
        s = ps[k].getString()
        c = text.createTextCursorByRange(ps[k].getStart())
        c.goRight(s.index("Mayor Anna de Vries") + len("Mayor Anna de Vries"), False)
        text.insertString(c, " and alderman Sanne Smit", False)
        return k, {i: i for i in range(n) if i != k}
    if op == "delete":
        k = 4
        c = text.createTextCursorByRange(ps[k].getStart())
        c.gotoRange(ps[k + 1].getStart(), True)
        c.setString("")
        return k, {i: (i if i < k else i - 1) for i in range(n) if i != k}
    if op == "split":  # inside a quote
        k = 1
        s = ps[k].getString()
        c = text.createTextCursorByRange(ps[k].getStart())
        c.goRight(s.index("wait") + len("wait"), False)
        text.insertControlCharacter(c, 0, False)  # PARAGRAPH_BREAK
        return k, {i: (i if i < k else i + 1) for i in range(n) if i != k}
    if op == "insert":  # a new paragraph with a name, after paragraph k
        k = 5
        c = text.createTextCursorByRange(ps[k].getEnd())
        text.insertControlCharacter(c, 0, False)
        text.insertString(c, "Police chief Maria Jansen of Utrecht said 3 people were arrested.", False)
        return k, {i: (i if i <= k else i + 1) for i in range(n)}
    raise ValueError(op)


STYLE = re.compile(rb'<style:style style:name="([^"]+)" style:family="text">.*?</style:style>')


def _content(path):
    with zipfile.ZipFile(path) as z:
        return z.read("content.xml")


def used_our_colours(path):
    """Our colours on text: in a referenced automatic style or directly in the body."""
    data = _content(path)
    head, _, body = data.partition(b"<office:body>")
    ours = [("%06x" % c).encode() for c in lo.PALETTE]
    used = [m.group(1) for m in STYLE.finditer(head) if any(c in m.group(0).lower() for c in ours)
            and b'style-name="%s"' % m.group(1) in body]
    return used or [c for c in ours if c in body.lower()]


def unused_our_styles(path):
    head = _content(path).partition(b"<office:body>")[0]
    return sum(1 for m in STYLE.finditer(head) if any(("%06x" % c).encode() in m.group(0).lower()
                                                     for c in lo.PALETTE))


def without_unused_styles(path):
    """content.xml without automatic text styles the body does not reference, rsids
    removed (they differ between any two sessions)."""
    data = _content(path)
    head, sep, body = data.partition(b"<office:body>")
    head = STYLE.sub(lambda m: m.group(0) if b'style-name="%s"' % m.group(1) in body else b"", head)
    out = head + sep + body
    for rx in t.VOLATILE:
        out = rx.sub(b"", out)
    return out


def per_paragraph(intervals):
    out = {}
    for p, b, e, cat in intervals:
        out.setdefault(p, set()).add((b, e, cat))
    return out


def run_rerun(office, args, tmp):
    src = os.path.join(tmp, "draft.odt")
    lo.write_minimal_odt(src, [("", p) for p in PARAGRAPHS])
    work = office.load(t.copy(src, os.path.join(tmp, "work.odt")))
    plain = office.load(t.copy(src, os.path.join(tmp, "plain.odt")))
    # The user's own highlights: one under a figure in a paragraph that gets edited,
    # one in a paragraph that stays untouched (same on the reference document).
    for d in (work, plain):
        set_user_highlight(d, 0, "Tuesday", 0x00FF00)
        set_user_highlight(d, 7, "ING", 0xFFFF00)
        d.setModified(False)
    check(t.analyze(office, work) is True, "first Analyze")
    t.ranges_match(office, work, args.factlens, "first run")
    for op in ("type", "delete", "split", "insert"):
        texts_before, runs_before = lo.read_doc_text(work)
        got_before = per_paragraph(lo.highlighted_intervals(runs_before))
        k, mapping = edit(work, op)
        edit(plain, op)
        mark = len(office.log_text())
        check(t.analyze(office, work) is True, "%s: Analyze again" % op)
        t.ranges_match(office, work, args.factlens, "%s: after the re-run" % op)
        texts_after, runs_after = lo.read_doc_text(work)
        got_after = per_paragraph(lo.highlighted_intervals(runs_after))
        # untouched: away from the edit (a neighbour may swap paragraph objects in a
        # split), same text, same non-empty highlights before and after
        far = [(i, j) for i, j in sorted(mapping.items()) if abs(i - k) > 1
               and texts_before[i] == texts_after[j] and got_before.get(i)]
        same = [(i, j) for i, j in far if got_before.get(i) == got_after.get(j)]
        check(len(same) >= 5 and len(same) == len(far),
              "%s: %d of %d untouched highlighted paragraphs show the same highlights"
              % (op, len(same), len(far)))
        inc = INCREMENTAL.findall(office.log_text()[mark:])
        if check(bool(inc), "%s: the re-run was incremental (trace)" % op):
            kept, repaint, withdraw = (int(x) for x in inc[-1])
            unchanged = sum(1 for i, j in mapping.items() if texts_before[i] == texts_after[j]
                            and got_before.get(i) and got_before.get(i) == got_after.get(j))
            check(kept >= len(same) and kept <= unchanged,
                  "%s: %d paragraphs kept untouched (no withdrawal, no repaint); %d far from the edit, "
                  "%d unchanged in all" % (op, kept, len(same), unchanged))
            painted = sum(1 for j in got_after if got_after[j])
            check(kept + repaint >= painted and repaint <= painted - len(same),
                  "%s: %d paragraphs repainted, %d withdrawn (%d highlighted in all)"
                  % (op, repaint, withdraw, painted))
        check(work.isModified() is True, "%s: the user's edit left the document modified" % op)
    # a newer run supersedes an older one
    edit_text = paragraphs(work)[3]
    end = edit_text.getEnd()
    end.getText().insertString(end, " Minister Karin Post agreed.", False)
    pe = paragraphs(plain)[3].getEnd()
    pe.getText().insertString(pe, " Minister Karin Post agreed.", False)
    first = office.dispatch(work, "org.factlens:Analyze", wait=False)
    check(t.analyze(office, work) is True, "two runs in a row: the second succeeds")
    first.event.wait(60)
    check(first.event.is_set(), "two runs in a row: the first one ended too (state %s)" % first.state)
    t.ranges_match(office, work, args.factlens, "two runs in a row")
    # typing while a run is under way (after its reading, most likely: the worker is
    # analysing), then Analyze again: the next run must see the typed text
    running = office.dispatch(work, "org.factlens:Analyze", wait=False)
    for d in (work, plain):
        e = paragraphs(d)[6].getEnd()
        e.getText().insertString(e, " Minister Karin Post said 250 jobs were at stake.", False)
    running.event.wait(60)
    check(t.analyze(office, work) is True, "typing during a run: Analyze again")
    t.ranges_match(office, work, args.factlens, "typing during a run, then Analyze again")
    # a store while a re-run is painting: the copy carries no highlight
    e2 = paragraphs(work)[8].getEnd()
    e2.getText().insertString(e2, " Rotterdam agreed.", False)
    pe = paragraphs(plain)[8].getEnd()
    pe.getText().insertString(pe, " Rotterdam agreed.", False)
    running = office.dispatch(work, "org.factlens:Analyze", wait=False)
    during = os.path.join(tmp, "during.odt")
    work.storeToURL(lo.file_url(during), ())
    running.event.wait(60)
    check(not used_our_colours(during), "a copy stored during a re-run: no highlight in the text")
    n_hl = len(lo.highlighted_intervals(lo.read_doc_text(work)[1]))
    t.ranges_match(office, work, args.factlens, "after a store during a re-run")
    # Save As after the re-runs == the same edits saved without FactLens. The undo
    # history of the user's deletion holds the deleted text's attributes, our colours
    # among them, and Writer then writes their automatic styles too, unused: the text
    # carries no highlight (no style of ours is referenced) but the file is identical
    # only without those definitions, or once the undo history is gone.
    ref = os.path.join(tmp, "plain_saveas.odt")
    plain.storeAsURL(lo.file_url(ref), (lo.prop("FilterName", "writer8"),))
    saved = os.path.join(tmp, "work_saveas.odt")
    work.storeAsURL(lo.file_url(saved), (lo.prop("FilterName", "writer8"),))
    check(t.wait_highlights(work, n_hl), "highlights back after Save As")
    check(not used_our_colours(saved), "Save As after the re-runs: no highlight in the text")
    check(without_unused_styles(ref) == without_unused_styles(saved),
          "Save As after the re-runs == without FactLens, but for unused automatic styles (%d of ours)"
          % unused_our_styles(saved))
    for d in (work, plain):
        d.getUndoManager().clear()
    ref2, saved2 = os.path.join(tmp, "plain_noundo.odt"), os.path.join(tmp, "work_noundo.odt")
    plain.storeAsURL(lo.file_url(ref2), (lo.prop("FilterName", "writer8"),))
    work.storeAsURL(lo.file_url(saved2), (lo.prop("FilterName", "writer8"),))
    check(t.wait_highlights(work, n_hl), "highlights back after the second Save As")
    t.same_parts(ref2, saved2, "Save As with the undo history cleared == without FactLens", True)
    check(not t.our_colour_in(saved2), "no FactLens colour in that file")
    # Clear restores every run's own formatting (the user's highlights included)
    check(office.dispatch(work, "org.factlens:Clear") is True, "Clear")
    runs_work = lo.read_doc_text(work)
    runs_plain = lo.read_doc_text(plain)
    check(runs_work[0] == runs_plain[0], "same text as the reference document")
    check(runs_work[1] == runs_plain[1],
          "Clear restores every run's CharHighlight after the re-runs (own highlights kept)")
    if runs_work[1] != runs_plain[1]:
        for i, (a, b) in enumerate(zip(runs_work[1], runs_plain[1])):
            if a != b:
                print("     paragraph %d: %r\n               vs %r" % (i, a, b))
    cleared = os.path.join(tmp, "work_cleared.odt")
    work.storeToURL(lo.file_url(cleared), ())
    plain_copy = os.path.join(tmp, "plain_copy.odt")
    plain.storeToURL(lo.file_url(plain_copy), ())
    t.same_parts(plain_copy, cleared, "after Clear == without FactLens", True)
    work.close(True)
    plain.close(True)


READ_DONE = re.compile(r"read: \d+ paragraphs, \d+ taken over")


def typing_after_the_reading(office, args, tmp):
    """A paragraph typed into after the run read it but before it painted it: the run
    must not paint it (the analysis did not see its text), and the next run must
    read it again (not take the old reading over)."""
    path = os.path.join(tmp, "long.odt")
    lo.write_minimal_odt(path, [("", p) for _ in range(80) for p in PARAGRAPHS])
    doc = office.load(path)
    target = paragraphs(doc)[-1]  # painted last; found before the run (slow over UNO)
    mark = len(office.log_text())
    running = office.dispatch(doc, "org.factlens:Analyze", wait=False)
    deadline = time.time() + 60
    while not READ_DONE.search(office.log_text()[mark:]) and time.time() < deadline:
        time.sleep(0.002)
    e = target.getEnd()
    e.getText().insertString(e, " Minister Karin Post said 250 jobs were at stake.", False)
    running.event.wait(60)
    check(running.state == 1, "typing after the reading: the run ended")
    check(t.analyze(office, doc) is True, "typing after the reading: Analyze again")
    t.ranges_match(office, doc, args.factlens, "typing after the reading, then Analyze again")
    doc.close(True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--factlens", required=True)
    ap.add_argument("--timeout", type=float, default=170, help="kill everything after this many seconds")
    args = ap.parse_args()

    def body(office):
        run_rerun(office, args, office.dir)
        typing_after_the_reading(office, args, office.dir)

    lo.run_office_test("rerun", args, body, fail_on_reported=True,
                       banner=lambda office: "office rerun: started in %.1f s" % office.start_seconds)


if __name__ == "__main__":
    main()
