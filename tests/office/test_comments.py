#!/usr/bin/python3
"""Send to reporter (issue 15, item 5) in a real LibreOffice (label `office`).

    /usr/bin/python3 tests/office/test_comments.py --oxt build/extension/factlens.oxt \
        --factlens build/analysis/factlens

A small draft with known checks (a name spelled two ways, an unbalanced quote; the CLI on
the same paragraphs says which): Analyze, then org.factlens:SendToReporter. Checks:
  - one Writer comment (css.text.textfield.Annotation) authored "FactLens" per check,
    its text "<label>: <message>" with the CLI's message, anchored on the check's first
    span (the anchor's text is the span's text);
  - the sidebar row of the quote check still selects its quotation mark, which follows
    the name's comment anchor in the same paragraph;
  - the command again adds nothing; Analyze again (the comment anchors are now in the
    paragraphs) and the command again add nothing either;
  - the document's text is unchanged throughout;
  - the top of the undo stack is one action "FactLens: Send to Reporter", and one Undo
    removes every FactLens comment, leaving the text unchanged;
  - on a fresh copy with the name variant marked Verified (document property "FactLens
    Verified", as the sidebar stores it) and no analysis yet: the command analyses first
    and sends only the quote check.

Exit code 77 = skipped (no soffice, no python3-uno, no built .oxt).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lo_harness as lo  # noqa: E402  (skips, exit 77, without python3-uno)

FAILURES = lo.FAILURES
CHECKS = lo.CHECKS
check = lo.check
ANNOTATION = "com.sun.star.text.textfield.Annotation"
UNDO_TITLE = "FactLens: Send to Reporter"
VERIFIED_KEY = "check:name_variant:lee jae-myung|lee jaemyung#0"

# The quote's mark follows the name's comment anchor in the same paragraph: after the
# first send, the session's offset maps (read before the anchors) are one step off there.
DRAFT = [
    ("P", "SEOUL - Lee Jae-myung opened the session on Monday, the National Assembly said. "
          "\u201cWe will not wait any longer, a party spokesman said on Tuesday."),
    ("P", "Lee Jaemyung told reporters the vote would be held in March."),
]


def cli_checks(factlens, paragraphs):
    r = subprocess.run([factlens, "analyze", "--format", "json", "-"],
                       input="\n".join(paragraphs).encode("utf-8"), capture_output=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError("factlens failed: %s" % r.stderr.decode("utf-8", "replace"))
    return json.loads(r.stdout)["checks"]


def factlens_comments(doc):
    """(content, anchor text) of every comment authored FactLens."""
    out = []
    enum = doc.getTextFields().createEnumeration()
    while enum.hasMoreElements():
        f = enum.nextElement()
        if f.supportsService(ANNOTATION) and f.Author == "FactLens":
            out.append((f.Content, f.getAnchor().getString()))
    return sorted(out)


def all_comments(doc):
    n = 0
    enum = doc.getTextFields().createEnumeration()
    while enum.hasMoreElements():
        n += enum.nextElement().supportsService(ANNOTATION)
    return n


def check_sidebar_selection(doc, checks):
    """The quote check's sidebar row selects its quotation mark, which follows the name's
    comment anchor in the same paragraph (the command re-reads such paragraphs)."""
    import test_sidebar as sb  # the panel helpers of the sidebar test
    dialog = sb.open_panel(doc)
    quote = next(c for c in checks if c["kind"] == "unbalanced_quote")
    node = None
    g = sb.group(sb.read_tree(dialog), "Checks")
    for label, n, _ in (g[2] if g else []):
        text = sb.row_text(label).rstrip("\u2026")
        if text and quote["message"].startswith(text):
            node = n
    check(node is not None, "the quote check has a row in the sidebar")
    if node is None:
        return
    sb.select_row(dialog, node)
    lo.wait_for(lambda: sb.selected_text(doc) == "\u201c", timeout=10)
    check(sb.selected_text(doc) == "\u201c",
          "after sending, its row selects the quotation mark behind the comment anchor (got %r)"
          % sb.selected_text(doc))


def run(office, args):
    paragraphs = [t for _, t in DRAFT]
    checks = [c for c in cli_checks(args.factlens, paragraphs) if c.get("spans")]
    kinds = sorted(c["kind"] for c in checks)
    check("name_variant" in kinds and "unbalanced_quote" in kinds,
          "CLI: the draft has a name variant and an unbalanced quote (%s)" % kinds)
    expected_anchors = sorted(c["spans"][0]["text"] for c in checks)

    path = os.path.join(office.dir, "draft.odt")
    lo.write_minimal_odt(path, DRAFT)
    doc = office.load(path)
    check(doc is not None, "the draft loads")
    before = doc.getText().getString()
    check(office.dispatch(doc, "org.factlens:Analyze") is True, "Analyze")
    undo = doc.getUndoManager()
    undo_before = len(undo.getAllUndoActionTitles())

    check(office.dispatch(doc, "org.factlens:SendToReporter") is True, "SendToReporter succeeds")
    first = factlens_comments(doc)
    check(len(first) == len(checks), "%d FactLens comments for %d checks" % (len(first), len(checks)))
    check(all_comments(doc) == len(first), "no other comments")
    msgs = [c["message"] for c in checks]
    check(all(any(text.endswith(": " + m) and len(text) > len(m) + 2 for m in msgs)
              for text, _ in first),
          "every comment is '<label>: <message>' of a check: %s" % [t for t, _ in first])
    check(sorted(a for _, a in first) == expected_anchors,
          "anchors are the checks' first spans: %s (expected %s)"
          % (sorted(a for _, a in first), expected_anchors))
    check(doc.getText().getString() == before, "the text is unchanged after sending")
    titles = undo.getAllUndoActionTitles()
    check(len(titles) == undo_before + 1 and titles[0] == UNDO_TITLE,
          "one undo action %r on top (%s)" % (UNDO_TITLE, list(titles[:3])))

    check_sidebar_selection(doc, checks)

    check(office.dispatch(doc, "org.factlens:SendToReporter") is True, "SendToReporter again")
    check(factlens_comments(doc) == first, "sending again adds no duplicates")
    check(office.dispatch(doc, "org.factlens:Analyze") is True, "Analyze again (anchors in the text)")
    check(office.dispatch(doc, "org.factlens:SendToReporter") is True, "SendToReporter after re-analysis")
    check(factlens_comments(doc) == first,
          "no duplicates after re-analysis either (%d comments)" % len(factlens_comments(doc)))
    check(doc.getText().getString() == before, "the text is unchanged")

    titles = undo.getAllUndoActionTitles()
    check(len(titles) == undo_before + 1 and titles[0] == UNDO_TITLE,
          "the runs that added nothing left no undo action: %s" % list(titles[:3]))
    undo.undo()
    check(factlens_comments(doc) == [] and all_comments(doc) == 0,
          "one Undo removes every FactLens comment (%d left)" % all_comments(doc))
    check(doc.getText().getString() == before, "after Undo the text is unchanged")
    doc.close(True)

    # --- a check marked Verified (the sidebar's store: the user-defined document property
    # "FactLens Verified", keys of factlens/factlist.h) is not open: not sent
    path2 = os.path.join(office.dir, "verified.odt")
    lo.write_minimal_odt(path2, DRAFT)
    doc = office.load(path2)
    doc.getDocumentProperties().getUserDefinedProperties().addProperty(
        "FactLens Verified", 0, VERIFIED_KEY)
    check(office.dispatch(doc, "org.factlens:SendToReporter") is True,
          "SendToReporter without a prior analysis (analyses first)")
    sent = factlens_comments(doc)
    check([a for _, a in sent] == ["\u201c"] and sent[0][0].startswith("Unbalanced quote: "),
          "the Verified name variant is not sent, the open quote check is: %s" % sent)
    doc.close(True)
    check(office.alive(), "office alive at the end")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--factlens", required=True)
    ap.add_argument("--timeout", type=float, default=170)
    args = ap.parse_args()
    lo.run_office_test("comments", args, lambda office: run(office, args), fail_on_reported=True)


if __name__ == "__main__":
    main()
