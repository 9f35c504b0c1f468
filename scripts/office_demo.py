#!/usr/bin/python3
"""The real office run: opens a draft in LibreOffice (headless, isolated profile, FactLens
installed), runs Analyze draft, and writes into OUT:
  <name>.facts.json   the fact list (factlens/1 JSON of the text LibreOffice shows)
  <name>.facts.md     the same as Markdown, for an editor
  <name>.pdf          the highlighted document (org.factlens:ExportPDF keeps the highlights)
  <name>.odt          the document saved after the analysis (no highlight in it)
Usage: /usr/bin/python3 scripts/office_demo.py --oxt build/extension/factlens.oxt \
          --factlens build/analysis/factlens --out out samples/draft.txt
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "office"))

import lo_harness as lo  # noqa: E402

GROUPS = [("PERSON", "People"), ("ORG", "Organisations"), ("PLACE", "Places"), ("MISC", "Other names")]


def markdown(report, title):
    out = ["# Fact list: %s" % title, ""]
    ents = report.get("entity_list", [])
    for t, label in GROUPS:
        items = [e for e in ents if e.get("type") == t]
        if not items:
            mentions = sorted({e["text"] for e in report.get("entities", []) if e.get("type") == t})
            items = [{"canonical": m, "mentions": None} for m in mentions]
        out.append("## %s (%d)" % (label, len(items)))
        for e in items:
            extra = " (%s mentions)" % e["mentions"] if e.get("mentions") else ""
            out.append("- %s%s" % (e.get("canonical"), extra))
        out.append("")
    quotes = report.get("attributions", [])
    out.append("## Quotes (%d)" % len(quotes))
    for q in quotes:
        who = q.get("speaker_name") or (q.get("speaker") or {}).get("text") or "unattributed"
        out.append("- **%s** (%s): “%s”" % (who, q.get("kind", ""), q["content"]["text"]))
    out.append("")
    figs = report.get("figures", [])
    out.append("## Figures (%d)" % len(figs))
    for f in figs:
        unit = (" " + f["unit"]) if f.get("unit") else ""
        out.append("- %s — %s: %s%s" % (f["text"], f.get("kind", ""), json.dumps(f.get("value")), unit))
    out.append("")
    checks = report.get("checks", [])
    out.append("## Checks (%d)" % len(checks))
    for c in checks:
        out.append("- %s: %s" % (c.get("kind"), c.get("message")))
    out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--factlens", required=True)
    ap.add_argument("--out", default="out")
    ap.add_argument("--gui", action="store_true", help="open Writer on $DISPLAY and leave it open")
    ap.add_argument("draft")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    name = os.path.splitext(os.path.basename(args.draft))[0]
    office = lo.Office(oxt=args.oxt, headless=not args.gui)
    lo.watchdog(office, 600 if args.gui else 180)
    code = 1
    try:
        office.start()
        print("LibreOffice started in %.1f s; FactLens installed in %.1f s" % (office.start_seconds, office.install_seconds))
        src = os.path.abspath(args.draft)
        if src.endswith(".txt"):
            doc = office.desktop.loadComponentFromURL(lo.file_url(src), "_blank", 0, (
                lo.prop("FilterName", "Text (encoded)"), lo.prop("FilterOptions", "UTF8,LF,,,")))
            # the text import uses "Preformatted Text": body style, first line as headline
            paras = doc.getText().createEnumeration()
            first = True
            while paras.hasMoreElements():
                p = paras.nextElement()
                p.ParaStyleName = "Heading 1" if first else "Text Body"
                first = False
            doc.setModified(False)
        else:
            doc = office.load(src)
        t0 = time.time()
        ok = office.dispatch(doc, "org.factlens:Analyze")
        print("Analyze draft: %s in %.0f ms" % ("done" if ok else "FAILED", 1000 * (time.time() - t0)))
        texts, runs = lo.read_doc_text(doc)
        report = lo.factlens_json(args.factlens, texts)
        highlighted = lo.highlighted_intervals(runs)
        with open(os.path.join(args.out, name + ".facts.json"), "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=2)
        with open(os.path.join(args.out, name + ".facts.md"), "w", encoding="utf-8") as f:
            f.write(markdown(report, os.path.basename(args.draft)))
        pdf = os.path.abspath(os.path.join(args.out, name + ".pdf"))
        office.dispatch(doc, "org.factlens:ExportPDF", (lo.prop("URL", lo.file_url(pdf)),))
        odt = os.path.abspath(os.path.join(args.out, name + ".odt"))
        doc.storeToURL(lo.file_url(odt), (lo.prop("FilterName", "writer8"),))
        print("%d highlighted ranges; %d entities, %d quotes, %d figures, %d checks"
              % (len(highlighted), len(report.get("entities", [])), len(report.get("attributions", [])),
                 len(report.get("figures", [])), len(report.get("checks", []))))
        for ext in (".facts.md", ".facts.json", ".pdf", ".odt"):
            print("wrote", os.path.join(args.out, name + ext))
        if args.gui:
            office.dispatch(doc, "org.factlens:ShowFactList")
            input("Writer is open with the FactLens deck; press Enter to close it. ")
        code = 0 if ok else 1
    except Exception:
        import traceback
        traceback.print_exc()
    finally:
        office.stop()
        import shutil
        shutil.rmtree(office.dir, ignore_errors=True)
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
