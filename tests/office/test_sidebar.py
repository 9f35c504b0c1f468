#!/usr/bin/python3
"""The FactLens sidebar in a real LibreOffice (pyuno, Debian's /usr/bin/python3).

    /usr/bin/python3 tests/office/test_sidebar.py [--oxt build/extension/factlens.oxt]
                                                  [--factlens build/analysis/factlens]

Starts soffice --headless with an isolated profile, installs the .oxt, loads an ODT
draft, runs Analyze, opens the FactLens deck and checks through UNO:
  - the panel's control container (XPanel::getDialog()) holds the named controls;
  - the tree's groups and rows match `factlens analyze --format json` on the same text
    (People / Organisations / Places / Other names / Quotes by speaker / Figures / Checks);
  - selecting a row selects exactly that fact's text in the document; selecting an
    entity row again walks to its next mention;
  - the filter field filters the rows;
  - facts in a header and in a drawing shape are listed; a shape-text row selects the
    shape, the next body row its text again, a header row its text;
  - Verified is stored inside the document: it survives save, close and reopen, and
    stays on the same fact after an edit and re-analysis.
Exits 77 (ctest: skipped) with a message when soffice, the .oxt or the factlens tool is
missing, or when the analysis finds no facts at all (nothing to click on).
"""
import argparse
import functools
import os
import shutil
import sys
import tempfile
import time
import traceback
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from lo_harness import wait_for as lo_wait_for  # noqa: E402
from lo_harness import (Office, factlens_json, reader_paragraphs, skip, watchdog,  # noqa: E402
                        write_minimal_odt)

CHECK = "\u2713 "

# An original draft written for this test: people, organisations, places, quotes with
# speakers and an outlet, figures, and a name spelled two ways. All body paragraphs: the
# command-line tool reads plain text, so the office document must not differ in kinds.
DRAFT = [
    ("P", "Ports deal brings Busan and Rotterdam closer"),
    ("P", "BUSAN, March 3, 2026 \u2014 Busan Port Authority signed a cooperation agreement "
          "with the Port of Rotterdam on Tuesday, Mayor Park Hyung-joon said."),
    ("P", "\u201cThis is the largest investment our port has seen in a decade,\u201d Park "
          "said, according to the Korea JoongAng Daily. The two ports will invest "
          "US$1.2 billion over five years."),
    ("P", "Allard Castelein, chief executive of the Port of Rotterdam, said container "
          "volumes rose 12 percent in 2025, to 14.8 million units."),
    ("P", "\u201cWe expect about 300 new jobs in Busan and Rotterdam,\u201d Castelein added."),
    ("P", "Analysts said the agreement could lower shipping costs by 5 percent. "
          "Park Hyungjoon will visit Rotterdam in May."),
]

ROW_CAP = 150  # kFirstRowsPerGroup in extension/sidebar/factpanel.cxx
MORE_ROWS = 500  # kMoreRowsPerClick
GROUP_TITLES = ["People", "Organisations", "Places", "Other names", "Quotes", "Figures", "Checks"]


class Failure(Exception):
    pass


class Skipped(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)
    print("ok  ", message)


# ------------------------------------------------------------------ reading the panel
def open_panel(doc):
    sidebar = doc.getCurrentController().getSidebar()
    sidebar.setVisible(True)
    decks = sidebar.getDecks()
    if not decks.hasByName("FactLensDeck"):
        raise Failure("deck FactLensDeck missing; decks: %s" % (decks.getElementNames(),))
    deck = decks.getByName("FactLensDeck")
    deck.activate(True)
    panels = deck.getPanels()
    if not panels.hasByName("FactLensPanel"):
        raise Failure("panel FactLensPanel missing")
    dialog = panels.getByName("FactLensPanel").getDialog()
    if dialog is None:
        raise Failure("XPanel::getDialog() returned nothing")
    return dialog


def read_tree(dialog):
    """[(group label, group node, [(row label, row node, [(child label, node)])])]"""
    tree = dialog.getControl("FactTree")
    root = tree.getModel().DataModel.getRoot()
    groups = []
    for i in range(root.getChildCount()):
        g = root.getChildAt(i)
        rows = []
        for j in range(g.getChildCount()):
            r = g.getChildAt(j)
            kids = [(r.getChildAt(k).getDisplayValue(), r.getChildAt(k)) for k in range(r.getChildCount())]
            rows.append((r.getDisplayValue(), r, kids))
        groups.append((g.getDisplayValue(), g, rows))
    return groups


def group(groups, title):
    for label, node, rows in groups:
        if label == title or label.startswith(title + " ("):
            return label, node, rows
    return None


def row_text(label):
    """The fact text of a row label ("✓ Lee Jae-myung — 3 mentions" -> "Lee Jae-myung")."""
    if label.startswith(CHECK):
        label = label[len(CHECK):]
    return label.rsplit(" \u2014 ", 1)[0]


def find_row(dialog, title, text):
    g = group(read_tree(dialog), title)
    if g:
        for label, node, kids in g[2]:
            if row_text(label) == text:
                return label, node
            for klabel, knode in kids:
                if row_text(klabel) == text:
                    return klabel, knode
    return None, None


def selected_text(doc):
    sel = doc.getCurrentController().getSelection()
    if sel is None:
        return None
    if hasattr(sel, "getCount"):
        return sel.getByIndex(0).getString() if sel.getCount() else None
    return sel.getString()


def mention_range(doc, paragraphs, span):
    """The document range of a JSON span (code points of the paragraphs joined by newlines)."""
    start, pi = span["start"], 0
    while pi + 1 < len(paragraphs) and start > sum(len(p) + 1 for p in paragraphs[:pi + 1]) - 1:
        pi += 1
    base = sum(len(p) + 1 for p in paragraphs[:pi])
    para = reader_paragraphs(doc)[pi]
    cursor = para.getText().createTextCursorByRange(para.getStart())
    cursor.goRight(start - base, False)
    cursor.goRight(span["end"] - span["start"], True)
    return cursor


def selection_is(doc, rng):
    sel = doc.getCurrentController().getSelection()
    if sel is None or not sel.getCount():
        return False
    got = sel.getByIndex(0)
    text = doc.getText()
    try:
        return text.compareRegionStarts(got, rng) == 0 and text.compareRegionEnds(got, rng) == 0
    except Exception:
        return False


def select_row(dialog, node):
    tree = dialog.getControl("FactTree")
    tree.select(node)


# ------------------------------------------------------------------ expectations
def expected_groups(report):
    counts = {t: 0 for t in GROUP_TITLES}
    names = {t: [] for t in GROUP_TITLES}
    by_type = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places", "MISC": "Other names"}
    for e in report["entity_list"]:
        t = by_type.get(e["type"], "Other names")
        counts[t] += 1
        names[t].append(" ".join(e["canonical"].split()))
    counts["Quotes"] = sum(1 for a in report["attributions"] if not a.get("belief"))
    for f in report["figures"]:
        counts["Figures"] += 1
        names["Figures"].append(" ".join(f["text"].split()))
    counts["Checks"] = len(report["checks"])
    return counts, names


wait_for = functools.partial(lo_wait_for, step=0.1)


# ------------------------------------------------------------------ the test
def run(args):
    if not os.path.exists(args.factlens):
        skip("factlens tool missing: %s (build target factlens)" % args.factlens)
    work = tempfile.mkdtemp(prefix="factlens_sidebar_")
    os.chmod(work, 0o755)  # the harness runs unopkg as nobody inside it
    keep = bool(os.environ.get("FACTLENS_KEEP_TMP"))
    path = os.path.join(work, "draft.odt")
    write_minimal_odt(path, DRAFT)
    office_dir = os.path.join(work, "office")
    try:
        office = Office(oxt=args.oxt, workdir=office_dir)  # installs the .oxt live
        watchdog(office, args.timeout)  # a hung office must not hang the test run
        office.start()
        skipped = None
        try:
            run_in_office(office, path, args)
        except Skipped as e:
            skipped = str(e)
        finally:
            log = office.log_text()
            office.stop()
        if skipped:
            skip(skipped)
        problems = [l for l in log.splitlines() if "FactLens sidebar" in l]
        check(not problems, "the sidebar logged no exception%s" % ("" if not problems else ": " + "; ".join(problems[:5])))
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("kept", work)


def analyze(office, doc):
    ok = office.dispatch(doc, "org.factlens:Analyze")
    check(ok, "Analyze draft finished")


def run_in_office(office, path, args):
    doc = office.load(path)
    check(doc is not None, "the draft loads")
    analyze(office, doc)
    dialog = open_panel(doc)
    for name in ("Filter", "FactTree", "Verified", "Rerun", "Export", "Status"):
        check(dialog.getControl(name) is not None, "panel control %s exists" % name)
    tree_model = dialog.getControl("FactTree").getModel()
    check(tree_model.RootDisplayed is False, "the tree hides its root")

    # --- rows equal the fact list of the command-line tool on the same text
    paragraphs = [p.getString() for p in reader_paragraphs(doc)]
    report = factlens_json(args.factlens, paragraphs)
    counts, names = expected_groups(report)
    groups = read_tree(dialog)
    titles = [label.split(" (")[0] for label, _, _ in groups]
    expected_titles = [t for t in GROUP_TITLES if t != "Other names" or counts[t] > 0]
    check(titles == expected_titles, "groups in order %s (got %s)" % (expected_titles, titles))
    for title in expected_titles:
        label, _, rows = group(groups, title)
        check(label == "%s (%d)" % (title, counts[title]), "group label %r == '%s (%d)'" % (label, title, counts[title]))
        if title == "Quotes":
            quotes = sum(len(kids) for _, _, kids in rows)
            check(quotes == counts[title], "Quotes holds %d quotes under %d speakers" % (quotes, len(rows)))
            for slabel, _, kids in rows:
                check(all(" \u2014 " in k for k, _ in kids), "quotes of %r show their kind" % row_text(slabel))
        else:
            check(len(rows) == counts[title], "%s has %d rows" % (title, counts[title]))
        if names.get(title):
            got = [row_text(l) for l, _, _ in rows]
            check(got == names[title], "%s rows are %s (got %s)" % (title, names[title], got))
    total = sum(counts.values())
    status = dialog.getControl("Status").getModel().Label
    check(status.startswith("%d fact" % total), "status counts %d facts: %r" % (total, status))
    if total == 0:
        raise Skipped("the analysis found no facts in the draft (analysis stages not built yet?): "
                      "groups and counts match (all empty); row selection and Verified not testable")

    # --- a row click selects that text; an entity walks through its mentions
    def first_row_with(title, pred=lambda label: True):
        g = group(read_tree(dialog), title)
        for label, node, kids in (g[2] if g else []):
            if pred(label):
                return label, node, kids
        return None

    targets = []  # (group, fact text) to mark Verified: one figure, entity, quote
    if counts["Figures"]:
        targets.append(("Figures", report["figures"][0]["text"]))
        label, node, _ = first_row_with("Figures")
        select_row(dialog, node)
        check(selected_text(doc) == report["figures"][0]["text"],
              "clicking figure row %r selects %r (got %r)" % (label, report["figures"][0]["text"], selected_text(doc)))
    mentions_by_entity = {}
    for m in report["entities"]:
        mentions_by_entity.setdefault(m["entity"], []).append(m)
    plain = paragraphs
    walked = False
    for e in report["entity_list"]:
        ms = sorted(mentions_by_entity.get(e["id"], []), key=lambda m: m["start"])
        title = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places"}.get(e["type"], "Other names")
        label, node = find_row(dialog, title, " ".join(e["canonical"].split()))
        if node is None or not ms:
            continue
        tree = dialog.getControl("FactTree")
        tree.clearSelection()
        select_row(dialog, node)
        check(selection_is(doc, mention_range(doc, plain, ms[0])),
              "clicking %r selects its first mention %r at %d (got %r)"
              % (label, ms[0]["text"], ms[0]["start"], selected_text(doc)))
        if not any(t[0] in ("People", "Organisations", "Places", "Other names") for t in targets):
            targets.append((title, " ".join(e["canonical"].split())))
        if len(ms) > 1 and not walked:
            tree.clearSelection()
            select_row(dialog, node)  # the row shown last, clicked again
            check(selection_is(doc, mention_range(doc, plain, ms[1])),
                  "clicking %r again selects the next mention %r at %d (got %r)"
                  % (label, ms[1]["text"], ms[1]["start"], selected_text(doc)))
            for _ in range(len(ms) - 1):
                tree.clearSelection()
                select_row(dialog, node)
            check(selection_is(doc, mention_range(doc, plain, ms[0])),
                  "after the last mention of %r the walk returns to the first" % label)
            walked = True
    if not walked:
        print("note: no entity with two mentions: mention walk not exercised")
    g = group(read_tree(dialog), "Quotes")
    if g and g[2]:
        slabel, snode, kids = g[2][0]
        qlabel, qnode = kids[0]
        quote = next(a for a in report["attributions"] if not a.get("belief"))
        dialog.getControl("FactTree").clearSelection()
        select_row(dialog, qnode)
        check(selected_text(doc) == quote["content"]["text"], "clicking quote row selects its content %r (got %r)"
              % (quote["content"]["text"], selected_text(doc)))
        # A direct quote: its text (inside the marks) survives the edit below.
        direct = [k for _, _, kids in g[2] for k, _ in kids if k.endswith("\u2014 direct") or "\u2014 direct," in k]
        if direct:
            targets.append(("Quotes", row_text(direct[0])))
    g = group(read_tree(dialog), "Checks")
    if g and g[2]:
        clabel, cnode, _ = g[2][0]
        spans = report["checks"][0]["spans"]
        if spans:
            dialog.getControl("FactTree").clearSelection()
            select_row(dialog, cnode)
            check(selection_is(doc, mention_range(doc, plain, spans[0])),
                  "clicking check row %r selects its first span %r (got %r)"
                  % (row_text(clabel), spans[0]["text"], selected_text(doc)))

    # --- the filter field filters rows
    filt = dialog.getControl("Filter").getModel()
    some = next((n for t in ("People", "Organisations", "Places", "Figures") for n in names[t]), None)
    if some:
        filt.Text = some
        shown = [(l, rows) for l, _, rows in read_tree(dialog)]
        shown_rows = sum(len(r) for _, r in shown)
        check(any(row_text(l) == some for _, rows in shown for l, _, _ in rows), "filter %r keeps its row" % some)
        check(shown_rows < sum(len(r) for _, _, r in groups) or total == 1,
              "filter %r hides other rows (%d shown)" % (some, shown_rows))
        filt.Text = ""
        check(sum(len(r) for _, _, r in read_tree(dialog)) == sum(len(r) for _, _, r in groups),
              "clearing the filter shows every row again")

    # --- Verified: stored in the document, survives save/close/reopen and an edit
    def marked_rows():
        return [l for _, _, rows in read_tree(dialog) for rl, _, kids in rows
                for l in [rl] + [k for k, _ in kids] if l.startswith(CHECK)]

    for title, text in targets:
        label, node = find_row(dialog, title, text)
        check(node is not None, "row %r found for Verified" % text)
        select_row(dialog, node)
        verified = dialog.getControl("Verified").getModel()
        check(verified.Enabled, "Verified is enabled for fact row %r" % text)
        verified.State = 1
        label, node = find_row(dialog, title, text)
        check(label.startswith(CHECK), "row shows the Verified mark: %r" % label)
    check(len(marked_rows()) == len(targets), "%d rows are Verified" % len(targets))
    check(doc.isModified(), "marking a fact Verified modifies the document")
    doc.store()
    with zipfile.ZipFile(path) as z:
        check("factlens/verified.rdf" in z.namelist(), "the saved ODT holds factlens/verified.rdf")
    doc.close(True)

    doc = office.load(path)
    check(doc is not None, "the draft reloads")
    analyze(office, doc)
    dialog = open_panel(doc)
    for title, text in targets:
        label, node = find_row(dialog, title, text)
        check(label is not None and label.startswith(CHECK),
              "after save, close and reopen the row is still Verified: %r" % label)
        select_row(dialog, node)
        check(dialog.getControl("Verified").getModel().State == 1, "the Verified box shows the stored mark")

    # Edit: text inserted at the start of every paragraph moves every offset.
    text_obj = doc.getText()
    enum = text_obj.createEnumeration()
    while enum.hasMoreElements():
        para = enum.nextElement()
        para.getStart().setString("Update: ")
    analyze(office, doc)
    wait_for(lambda: all((find_row(dialog, t, x)[0] or "").startswith(CHECK) for t, x in targets), timeout=10)
    for title, text in targets:
        label, node = find_row(dialog, title, text)
        check(label is not None and label.startswith(CHECK),
              "after an edit and re-analysis the mark is still on %r: %r" % (text, label))
    check(len(marked_rows()) == len(targets), "exactly %d rows are Verified (%d)" % (len(targets), len(marked_rows())))
    title, text = targets[0]
    label, node = find_row(dialog, title, text)
    select_row(dialog, node)
    dialog.getControl("Verified").getModel().State = 0
    label, node = find_row(dialog, title, text)
    check(not label.startswith(CHECK), "unticking Verified removes the mark")
    check(len(marked_rows()) == len(targets) - 1, "the other marks stay")

    # DOCX keeps no RDF metadata: the marks travel in a custom document property.
    docx = os.path.join(os.path.dirname(path), "draft.docx")
    office.store(doc, docx, "MS Word 2007 XML")
    doc.setModified(False)
    doc.close(True)
    doc = office.load(docx)
    check(doc is not None, "the DOCX copy loads")
    analyze(office, doc)
    dialog = open_panel(doc)
    for title, text in targets[1:]:
        label, node = find_row(dialog, title, text)
        check(label is not None and label.startswith(CHECK), "the DOCX copy keeps the mark on %r" % text)
    check(len(marked_rows()) == len(targets) - 1, "the DOCX copy has %d marks" % (len(targets) - 1))
    doc.setModified(False)
    doc.close(True)

    # Read-only: the fact list and the marks show; the Verified box is disabled.
    doc = office.load(path, read_only=True)
    check(doc is not None and doc.isReadonly(), "the draft opens read-only")
    analyze(office, doc)
    dialog = open_panel(doc)
    check(sum(len(r) for _, _, r in read_tree(dialog)) > 0, "a read-only draft gets its fact list")
    title, text = targets[-1]
    label, node = find_row(dialog, title, text)
    check(label is not None and label.startswith(CHECK), "a read-only draft shows its marks")
    select_row(dialog, node)
    check(not dialog.getControl("Verified").getModel().Enabled, "Verified is disabled in a read-only draft")
    doc.close(True)

    # A long draft: every count stays exact, a group shows at most ROW_CAP rows and
    # says how many more there are.
    long_path = os.path.join(os.path.dirname(path), "long.odt")
    long_draft = [("P", t.replace("2026", str(1900 + i)).replace("300", str(100 + i)))
                  for i in range(110) for _, t in DRAFT]
    write_minimal_odt(long_path, long_draft)
    doc = office.load(long_path)
    analyze(office, doc)
    dialog = open_panel(doc)
    report = factlens_json(args.factlens, [p.getString() for p in reader_paragraphs(doc)])
    counts, _ = expected_groups(report)
    for label, _, rows in read_tree(dialog):
        title = label.split(" (")[0]
        check(label == "%s (%d)" % (title, counts[title]), "long draft: %r counts every fact" % label)
        facts = sum(len(kids) if title == "Quotes" else 1 for l, _, kids in rows if not l.startswith("\u2026"))
        more = [l for l, _, _ in rows if l.startswith("\u2026")]
        if counts[title] > ROW_CAP:
            check(len(more) == 1 and more[0].startswith("\u2026 %d more" % (counts[title] - facts)),
                  "long draft: %s shows %d rows and %r" % (title, facts, more[0] if more else None))
        else:
            check(not more and facts == counts[title], "long draft: %s shows all %d" % (title, counts[title]))
    big = sorted((t for t in counts if counts[t] > ROW_CAP), key=lambda t: t == "Quotes")  # a flat group first
    if not big:
        print("note: no group above %d facts in the long draft: the row cap was not exercised" % ROW_CAP)
    else:
        # Selecting the "… n more" row shows MORE_ROWS more rows of that group (on
        # the next main-thread hop), with the same count and a smaller "more".
        _, _, rows = group(read_tree(dialog), big[0])
        before = len(rows) - 1
        dialog.getControl("FactTree").select(rows[-1][1])
        check(wait_for(lambda: len(group(read_tree(dialog), big[0])[2]) > before + 1, timeout=10),
              "the '… more' row of %s shows more rows" % big[0])
        label, _, rows = group(read_tree(dialog), big[0])
        shown = [l for l, _, _ in rows if not l.startswith("\u2026")]
        check(label == "%s (%d)" % (big[0], counts[big[0]]), "after '… more' the count is unchanged: %r" % label)
        check(len(shown) == min(before + MORE_ROWS, counts[big[0]]) or big[0] == "Quotes",
              "after '… more' %s shows %d rows (was %d)" % (big[0], len(shown), before))
        check(office.alive(), "clicking the '… more' row is harmless")
    doc.close(True)

    # Shape text and a header are read: their facts are listed. A row whose text is
    # in a plain shape selects the shape (Writer cannot select text inside it from
    # the API); the next text row selects its text again; a header row its text.
    import uno
    doc = office.new_writer()
    doc.getText().setString("The council met on Tuesday in Rotterdam.")
    style = doc.getStyleFamilies().getByName("PageStyles").getByName("Standard")
    style.HeaderIsOn = True
    style.HeaderText.setString("Briefing for Delft University")
    size = uno.createUnoStruct("com.sun.star.awt.Size")
    size.Width, size.Height = 6000, 2000
    shape = doc.createInstance("com.sun.star.drawing.RectangleShape")
    shape.setSize(size)
    doc.getText().insertTextContent(doc.getText().getEnd(), shape, False)
    shape.setString("Pieter Bakker said 40 percent.")
    doc.setModified(False)
    analyze(office, doc)
    dialog = open_panel(doc)
    _, node = find_row(dialog, "People", "Pieter Bakker")
    check(node is not None, "a person named only in shape text is listed")
    select_row(dialog, node)
    check(wait_for(lambda: (doc.getCurrentController().getSelection() or None) is not None
                   and doc.getCurrentController().getSelection().supportsService("com.sun.star.drawing.ShapeCollection")),
          "its row selects the shape")
    _, node = find_row(dialog, "Places", "Rotterdam")
    select_row(dialog, node)
    check(wait_for(lambda: selected_text(doc) == "Rotterdam"), "then a body row selects its text again")
    _, node = find_row(dialog, "Organisations", "Delft University")
    check(node is not None, "an organisation named only in the header is listed")
    if node is not None:
        select_row(dialog, node)
        check(wait_for(lambda: selected_text(doc) == "Delft University"), "its row selects the header text")
    doc.setModified(False)
    doc.close(True)


def main():
    build = os.environ.get("FACTLENS_BUILD_DIR", os.path.join(REPO, "build"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oxt", default=os.environ.get("FACTLENS_OXT", os.path.join(build, "extension", "factlens.oxt")))
    parser.add_argument("--factlens", default=os.environ.get("FACTLENS_BIN", os.path.join(build, "analysis", "factlens")))
    parser.add_argument("--timeout", type=float, default=240, help="kill everything after this many seconds")
    args = parser.parse_args()
    try:
        run(args)
    except Failure as e:
        print("FAIL", e)
        sys.stdout.flush()
        os._exit(1)
    except Exception:
        traceback.print_exc()
        sys.stdout.flush()
        os._exit(2)
    print("PASS test_sidebar")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
