#!/usr/bin/python3
"""Clear and close release what FactLens holds for a document (issue 16, item 3), in a
real LibreOffice (label `office`). No memory threshold: the extension's own counts.

    /usr/bin/python3 tests/office/test_memory.py --oxt build/extension/factlens.oxt

The extension logs (FACTLENS_TRACE, set by the harness) what its painter holds
("highlight state: <when>: paragraphs=N painted=N areas=N planned=N runs=N strings=N
restores=N") and how many of its session objects live ("session state: <when>:
documents=N analyses=N runs=N sources=N", also each time one is freed). Two drafts, A
and B, the FactLens deck open on A:
  - Analyze A and B: A's painter holds painted paragraphs, their text ranges and strings;
  - Clear A: no highlight left on A; the painter keeps only the paragraphs' mapping
    (painted, areas, planned, runs, strings and restores all 0); A's analysis stays, so
    the deck still lists its facts, and a row click still selects the fact's text;
  - Analyze A again after Clear paints again (the reading is rebuilt), Clear again;
  - a source added to A (org.factlens:AddSource);
  - close A: its state, its analysis and its sources are freed (documents=1 analyses=1
    sources=0: only B's left), and the freed memory is returned (the trace line);
  - close B: documents=0 analyses=0 runs=0 sources=0;
  - a long draft (1,600 paragraphs): Clear runs in several main-thread slices; a copy
    stored right after Clear is dispatched carries no highlight, an Analyze right after
    it paints once the Clear is done, and closing the draft during a Clear is safe.

Exit code 77 = skipped (no soffice, no python3-uno, no built .oxt).
"""
import argparse
import os
import re
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lo_harness as lo  # noqa: E402  (skips, exit 77, without python3-uno)

check = lo.check
PAINTER = re.compile(r"highlight state: ([\w ]+): paragraphs=(\d+) painted=(\d+) areas=(\d+) "
                     r"planned=(\d+) runs=(\d+) strings=(\d+) restores=(\d+)")
SESSION = re.compile(r"session state: ([\w ]+): documents=(\d+) analyses=(\d+) runs=(\d+) sources=(\d+)")
TRIM = "memory: free pages returned to the system"
OUR_COLORS = {0xFFCF9B, 0xAEDCFB, 0xBDEDB5, 0xE3D1F5, 0xFFF2A9, 0xFFB5C3, 0xDCDCD3, 0x97E6DB}

PARAGRAPHS = [
    "Mayor Anna de Vries said on Tuesday that the Harbour Council would spend 12.5 million "
    "euros on flood gates in Rotterdam.",
    "\u201cWe cannot wait for the next storm,\u201d de Vries told reporters at City Hall on "
    "March 3, 2026.",
    "Opposition leader Pieter Bakker of the Green Party said 40,000 homes were at risk, up "
    "from 31,000 in 2019.",
    "According to Delft University, costs could rise by 8 percent over 18 months.",
]


def painter_state(log, when):
    found = [m for m in PAINTER.findall(log) if m[0] == when]
    return [int(x) for x in found[-1][1:]] if found else None


def session_states(log):
    return [(m[0], [int(x) for x in m[1:]]) for m in SESSION.findall(log)]


def last_session(office):
    states = session_states(office.log_text())
    return states[-1][1] if states else None


def our_highlights(doc):
    """Runs of the body carrying one of FactLens' colours."""
    n = 0
    paras = doc.getText().createEnumeration()
    while paras.hasMoreElements():
        portions = paras.nextElement().createEnumeration()
        while portions.hasMoreElements():
            if portions.nextElement().CharHighlight in OUR_COLORS:
                n += 1
    return n


def open_deck(doc):
    sidebar = doc.getCurrentController().getSidebar()
    sidebar.setVisible(True)
    deck = sidebar.getDecks().getByName("FactLensDeck")
    deck.activate(True)
    return deck.getPanels().getByName("FactLensPanel").getDialog()


def first_person_row(dialog):
    root = dialog.getControl("FactTree").getModel().DataModel.getRoot()
    for i in range(root.getChildCount()):
        g = root.getChildAt(i)
        if g.getDisplayValue().startswith("People") and g.getChildCount():
            return g.getChildAt(0)
    return None


def selected_string(doc):
    sel = doc.getCurrentController().getSelection()
    if sel is None or not hasattr(sel, "getCount") or not sel.getCount():
        return None
    return sel.getByIndex(0).getString()


def wait_session(office, want, what, timeout=30):
    """Waits until the latest session line has the counts `want` (documents, analyses,
    runs, sources; None = any)."""
    def ok():
        s = last_session(office)
        return s is not None and all(w is None or w == g for w, g in zip(want, s))
    lo.wait_for(ok, timeout=timeout)
    got = last_session(office)
    check(ok(), "%s: session counts %s (want %s)" % (what, got, want))


def analyse(office, doc, label):
    check(office.dispatch(doc, "org.factlens:Analyze"), "%s: Analyze finished" % label)


def check_cleared(office, doc, paragraphs):
    check(office.dispatch(doc, "org.factlens:Clear") is not None, "A: Clear finished")
    check(our_highlights(doc) == 0, "A: no FactLens highlight left after Clear")
    lo.wait_for(lambda: painter_state(office.log_text(), "after clear") is not None, timeout=10)
    st = painter_state(office.log_text(), "after clear")
    check(st is not None and st[0] == paragraphs,
          "A after Clear: the paragraphs' mapping kept (%s of %d)" % (st and st[0], paragraphs))
    check(st is not None and st[1:] == [0, 0, 0, 0, 0, 0],
          "A after Clear: painted, areas, planned, runs, strings, restores all 0 (%s)"
          % (st and st[1:]))


def run(office, work):
    paras = [("", PARAGRAPHS[i % len(PARAGRAPHS)]) for i in range(40)]
    path_a, path_b = os.path.join(work, "a.odt"), os.path.join(work, "b.odt")
    lo.write_minimal_odt(path_a, paras)
    lo.write_minimal_odt(path_b, paras[:12])
    source = os.path.join(work, "interview.txt")
    with open(source, "w", encoding="utf-8") as f:
        f.write("Anna de Vries: We cannot wait for the next storm.\n")
    doc_a, doc_b = office.load(path_a), office.load(path_b)
    dialog = open_deck(doc_a)

    analyse(office, doc_a, "A")
    painted = painter_state(office.log_text(), "after analysis")
    check(our_highlights(doc_a) > 0, "A: highlighted")
    check(painted is not None and painted[1] > 0 and painted[2] > 0 and painted[5] > 0,
          "A after Analyze: the painter holds painted paragraphs, areas and strings (%s)" % painted)
    analyse(office, doc_b, "B")

    check_cleared(office, doc_a, len(paras))
    wait_session(office, (2, None, 0, None), "after Clear: both documents' state")
    row = first_person_row(dialog)
    check(row is not None, "A after Clear: the deck still lists the facts")
    if row is not None:
        dialog.getControl("FactTree").select(row)
        lo.wait_for(lambda: selected_string(doc_a), timeout=5)
        name = row.getDisplayValue().split(" \u2014 ")[0]
        check(selected_string(doc_a) == name,
              "A after Clear: a row click still selects its text (%r, row %r)"
              % (selected_string(doc_a), name))

    analyse(office, doc_a, "A again after Clear")
    check(our_highlights(doc_a) > 0, "A: highlighted again after Clear")
    check_cleared(office, doc_a, len(paras))

    check(office.dispatch(doc_a, "org.factlens:AddSource", [lo.prop("URL", lo.file_url(source))]),
          "A: AddSource accepted")
    wait_session(office, (None, None, None, 1), "A: its sources are held", timeout=10)

    n_trim = office.log_text().count(TRIM)
    doc_a.close(True)
    wait_session(office, (1, 1, 0, 0), "A closed: only B's state and analysis left")
    lo.wait_for(lambda: office.log_text().count(TRIM) > n_trim, timeout=10)
    check(office.log_text().count(TRIM) > n_trim, "A closed: freed memory returned (trace)")
    check(our_highlights(doc_b) > 0, "B: still highlighted")

    doc_b.close(True)
    wait_session(office, (0, 0, 0, 0), "B closed: nothing left")
    check(office.alive(), "office alive")
    sliced_clear(office, work)


CLEAR_DONE = re.compile(r"clear: ([\d.]+) ms in (\d+) slices, longest ([\d.]+) ms")


def stored_colours(path):
    """Our palette colours found in a stored ODT's content.xml (should be none)."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        xml = z.read("content.xml").decode("utf-8").lower()
    return [c for c in OUR_COLORS if ("#%06x" % c) in xml]


def sliced_clear(office, work):
    """Clear runs on the main thread in slices (session/clear.hxx): on a long draft it
    takes several; a store, an Analyze and a close during it are safe."""
    paras = [("", PARAGRAPHS[i % len(PARAGRAPHS)]) for i in range(1600)]
    path = os.path.join(work, "long.odt")
    lo.write_minimal_odt(path, paras)
    doc = office.load(path)
    analyse(office, doc, "long")
    n_done = len(CLEAR_DONE.findall(office.log_text()))
    check(office.dispatch(doc, "org.factlens:Clear"), "long: Clear finished")
    done = CLEAR_DONE.findall(office.log_text())[n_done:]
    check(done and int(done[-1][1]) > 1, "long: Clear ran in several slices (%s)" % done)
    check(our_highlights(doc) == 0, "long: no FactLens highlight left after Clear")

    analyse(office, doc, "long again")
    clear = office.dispatch(doc, "org.factlens:Clear", wait=False)
    copy = os.path.join(work, "copy_during_clear.odt")
    doc.storeToURL(lo.file_url(copy), ())
    check(stored_colours(copy) == [], "long: a copy stored right after Clear carries no highlight")
    again = office.dispatch(doc, "org.factlens:Analyze", wait=False)
    check(clear.event.wait(60) and clear.state == 1, "long: that Clear finished")
    check(again.event.wait(60) and again.state == 1, "long: an Analyze right after it finished")
    check(our_highlights(doc) > 0, "long: highlighted again by that Analyze")
    log = office.log_text()
    # Whether the store and the run came in while the Clear was still slicing depends on
    # when the office's main loop let the test's calls in: noted, not required.
    print("  note: store during the Clear: %s; Analyze waited for the Clear: %s" % (
        "yes" if "clear: the rest at once before a store" in log else "no (it had ended)",
        "yes" if "run waits for the Clear in progress" in log else "no (it had ended)"))
    clear = office.dispatch(doc, "org.factlens:Clear", wait=False)
    doc.close(True)
    check(clear.event.wait(60), "long: a Clear whose document closed reports back")
    wait_session(office, (0, 0, 0, 0), "long closed: nothing left")
    check(office.alive(), "office alive after closing during Clear")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--timeout", type=float, default=170)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="factlens_memory_")
    lo.run_office_test("memory", args, lambda office: run(office, work), fail_on_reported=True)


if __name__ == "__main__":
    main()
