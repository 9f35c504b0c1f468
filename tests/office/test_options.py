#!/usr/bin/python3
"""The house list in FactLens's options page (issue 7), in a real LibreOffice (label `office`).

    /usr/bin/python3 tests/office/test_options.py --oxt build/extension/factlens.oxt \
        --factlens build/analysis/factlens

Checks through UNO:
  - the options page is registered (OptionsDialog node + leaf) and its .xdl loads with the
    HouseList field and the Status label;
  - a house list set through the configuration API (ConfigurationUpdateAccess,
    /org.factlens.Options/HouseList/Text) changes Analyze's result: a house spelling gives the
    name_variant check the CLI gives with --house-list (sidebar Checks group), and removing it
    removes the check (the cached report is not reused across house lists);
  - the page's event handler (org.factlens.OptionsHandler, called directly with a dialog
    holding the page's controls): "initialize"/"back" show the stored list, "ok" stores a valid
    list and rejects a malformed one with its line number, leaving the stored list unchanged;
    the same on the installed HouseList.xdl loaded with DialogProvider2 (window peer: the
    error message box path, which returns at once headless).

Exit code 77 = skipped (no soffice, no python3-uno, no built .oxt).
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import lo_harness as lo  # noqa: E402  (skips, exit 77, without python3-uno)
import uno  # noqa: E402
import test_sidebar as sb  # noqa: E402  (open_panel, read_tree, group)

FAILURES = lo.FAILURES
CHECKS = lo.CHECKS
NODE = "/org.factlens.Options/HouseList"

DRAFT = [
    ("P", "SEOUL - Speaker Woo Wonshik opened the session on Monday, the National Assembly said."),
    ("P", "Woo Wonshik told reporters the vote would be held in March."),
]
HOUSE = "# FactLens house list\n[names]\nWoo Won-shik\n"
BAD = "Woo Won-shik\n[bogus]\nLee Jae-myung\n"


check = lo.check


def config_access(ctx, update):
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)
    kind = "ConfigurationUpdateAccess" if update else "ConfigurationAccess"
    return provider.createInstanceWithArguments("com.sun.star.configuration." + kind,
                                                (lo.prop("nodepath", NODE),))


def stored(ctx):
    return config_access(ctx, False).getByName("Text")


def set_stored(ctx, text):
    node = config_access(ctx, True)
    node.replaceByName("Text", text)
    node.commitChanges()


def cli_checks(factlens, paragraphs, house=None, tmp=None):
    cmd = [factlens, "analyze", "--format", "json"]
    if house is not None:
        path = os.path.join(tmp, "house.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(house)
        cmd += ["--house-list", path]
    r = subprocess.run(cmd + ["-"], input="\n".join(paragraphs).encode("utf-8"),
                       capture_output=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError("factlens failed: %s" % r.stderr.decode("utf-8", "replace"))
    import json
    return json.loads(r.stdout)["checks"]


def sidebar_checks(doc):
    g = sb.group(sb.read_tree(sb.open_panel(doc)), "Checks")
    return [] if g is None else [label for label, _, _ in g[2]]


def page_dialog(ctx):
    """A control container holding the page's controls (as the Options dialog builds it
    from HouseList.xdl), without a window peer."""
    smgr = ctx.ServiceManager
    model = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", ctx)
    edit = model.createInstance("com.sun.star.awt.UnoControlEditModel")
    edit.MultiLine = True
    model.insertByName("HouseList", edit)
    model.insertByName("Status", model.createInstance("com.sun.star.awt.UnoControlFixedTextModel"))
    dialog = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", ctx)
    dialog.setModel(model)
    return dialog


def run(office, args, tmp):
    ctx = office.ctx
    # --- precondition: the house list changes the CLI's result
    paragraphs = [t for _, t in DRAFT]
    without = cli_checks(args.factlens, paragraphs)
    with_house = cli_checks(args.factlens, paragraphs, HOUSE, tmp)
    nv = [c for c in with_house if c["kind"] == "name_variant"]
    check(not any(c["kind"] == "name_variant" for c in without) and len(nv) == 1,
          "CLI: --house-list adds one name_variant check (%d without, %d with)"
          % (len(without), len(with_house)))

    # --- registration
    opts = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx).createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        (lo.prop("nodepath", "/org.openoffice.Office.OptionsDialog/Nodes"),))
    ok = opts.hasByName("org.factlens.OptionsNode")
    check(ok, "Tools > Options has the FactLens node")
    if ok:
        leaves = opts.getByName("org.factlens.OptionsNode").getByName("Leaves")
        leaf = leaves.getByName("org.factlens.HouseListLeaf") if leaves.hasByName("org.factlens.HouseListLeaf") else None
        check(leaf is not None and leaf.EventHandlerService == "org.factlens.OptionsHandler"
              and leaf.OptionsPage.endswith("/dialogs/HouseList.xdl"),
              "its House List leaf points at HouseList.xdl and org.factlens.OptionsHandler")
        xdl = leaf.OptionsPage if leaf is not None else ""
        if xdl.startswith("vnd.sun.star.expand:"):
            xdl = ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander").expandMacros(
                xdl[len("vnd.sun.star.expand:"):])
        path = uno.fileUrlToSystemPath(xdl) if xdl.startswith("file:") else None
        text = open(path, encoding="utf-8").read() if path and os.path.exists(path) else ""
        check('dlg:id="HouseList"' in text and 'dlg:id="Status"' in text,
              "the installed HouseList.xdl has the HouseList field and the Status label (%s)" % xdl)
    check(stored(ctx) == "", "the stored house list is empty by default")

    # --- analysis without, then with a house list set through the configuration API
    path = os.path.join(tmp, "draft.odt")
    lo.write_minimal_odt(path, DRAFT)
    doc = office.load(path)
    check(doc is not None, "the draft loads")
    check(office.dispatch(doc, "org.factlens:Analyze") is True, "Analyze (no house list)")
    rows = sidebar_checks(doc)
    check(len(rows) == len(without) and not any("Won-shik" in r for r in rows),
          "no house list: %d check rows, none about Woo Won-shik (%s)" % (len(rows), rows))

    set_stored(ctx, HOUSE)
    check(stored(ctx) == HOUSE, "ConfigurationUpdateAccess stores the house list")
    check(office.dispatch(doc, "org.factlens:Analyze") is True, "Analyze (house list set)")
    rows = sidebar_checks(doc)
    check(len(rows) == len(with_house) and sum("Won-shik" in r for r in rows) == 1,
          "house list: %d check rows == CLI --house-list, one is the name variant (%s)" % (len(rows), rows))

    # --- the options page's handler
    handler = ctx.ServiceManager.createInstanceWithContext("org.factlens.OptionsHandler", ctx)
    check(handler is not None and "external_event" in handler.getSupportedMethodNames(),
          "org.factlens.OptionsHandler is created and handles external_event")
    dialog = page_dialog(ctx)
    field = dialog.getControl("HouseList").getModel()
    status = dialog.getControl("Status").getModel()
    check(handler.callHandlerMethod(dialog, "initialize", "external_event") is True
          and field.Text == HOUSE, "initialize shows the stored list")

    field.Text = BAD
    result = handler.callHandlerMethod(dialog, "ok", "external_event")
    check(result is False, "ok with a malformed list returns false")
    check("line 2" in status.Label and "not saved" in status.Label,
          "the page shows the error with its line number: %r" % status.Label)
    check(stored(ctx) == HOUSE, "the malformed list is not stored (the previous one stays)")
    check(handler.callHandlerMethod(dialog, "back", "external_event") is True
          and field.Text == HOUSE and status.Label == "", "back restores the stored list and clears the error")

    field.Text = ""
    check(handler.callHandlerMethod(dialog, "ok", "external_event") is True and stored(ctx) == "",
          "ok with an empty list stores it")
    check(office.dispatch(doc, "org.factlens:Analyze") is True, "Analyze (house list removed)")
    rows = sidebar_checks(doc)
    check(len(rows) == len(without) and not any("Won-shik" in r for r in rows),
          "house list removed: the name variant check is gone (%s)" % rows)

    field.Text = HOUSE.replace("\n", "\r\n")  # what a text field on some systems gives
    check(handler.callHandlerMethod(dialog, "ok", "external_event") is True
          and stored(ctx).replace("\r\n", "\n") == HOUSE, "ok with a valid list stores it")
    check(office.dispatch(doc, "org.factlens:Analyze") is True, "Analyze (house list from the page)")
    rows = sidebar_checks(doc)
    check(sum("Won-shik" in r for r in rows) == 1, "the page's list is used by Analyze (%s)" % rows)

    # --- the installed page itself (HouseList.xdl loaded as the Options dialog would, with a
    # window peer): the handler fills it, and a malformed list takes the message-box path
    # (headless: the box returns at once) without storing anything.
    pip = ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.DialogProvider2", ctx)
    page = provider.createDialog(pip.getPackageLocation("org.factlens.writer") + "/dialogs/HouseList.xdl")
    names = sorted(c.getModel().Name for c in page.getControls()) if page is not None else []
    check(names == ["Explanation", "HouseList", "Status"] and page.getControl("HouseList").getModel().MultiLine,
          "HouseList.xdl loads: multi-line HouseList field, Explanation and Status (%s)" % names)
    if names:
        check(handler.callHandlerMethod(page, "initialize", "external_event") is True
              and page.getControl("HouseList").getModel().Text.replace("\r\n", "\n") == HOUSE,
              "initialize fills the real page")
        page.getControl("HouseList").getModel().Text = "Woo Won-shik\n= x\n"
        check(handler.callHandlerMethod(page, "ok", "external_event") is False
              and "line 2" in page.getControl("Status").getModel().Label
              and stored(ctx).replace("\r\n", "\n") == HOUSE,
              "the real page rejects a malformed list (line 2) and keeps the stored one")
        page.dispose()
    doc.close(True)
    check(office.alive(), "office alive at the end")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--factlens", required=True)
    ap.add_argument("--timeout", type=float, default=170)
    args = ap.parse_args()
    lo.run_office_test("options", args, lambda office: run(office, args, office.dir))


if __name__ == "__main__":
    main()
