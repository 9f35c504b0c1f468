#!/usr/bin/python3
"""End-to-end tests of FactLens' menu, toolbar and shortcut, then of its removal
(ctest `office_ui`, label `office`).

    /usr/bin/python3 tests/office/test_ui.py --oxt build/extension/factlens.oxt

Phase 1, installed (unopkg add into an isolated profile, as the harness does):
  - the Tools menu of a Writer frame holds the FactLens submenu right after
    Accessibility Check: the frame's real (merged) menu is read through the
    accessibility API and compared with the menubar's XUIElementSettings (the
    unmerged menu), item by item;
  - the submenu lists our entries in order; the FactLens toolbar is a UI element of
    the frame with the four buttons;
  - the Writer module's shortcut manager maps Ctrl+Alt+Shift+F to org.factlens:Analyze;
  - executing: the shortcut's command, the toolbar's and the menu's command URLs
    (the Addons configuration the elements are built from, matched to the entries
    by title) are dispatched, and the menu item and the toolbar buttons themselves
    are triggered through their accessible actions (Analyze gives highlights, Clear
    removes them, Show Fact List opens the deck);
  - outside Writer (Math) the commands are disabled and the menu has no FactLens.
Phase 2, removed: the office is stopped, `unopkg remove` (as nobody) takes the
extension out, the office starts again: the extension manager and `unopkg list` no
longer list it, the office log shows no error, `org.factlens:` commands no longer
dispatch, the menu, toolbar, shortcut and sidebar deck are gone.

Exit code 77 = skipped (no soffice, no python3-uno, no built .oxt).
"""
import argparse
import functools
import os
import re
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lo_harness as lo  # noqa: E402  (skips, exit 77, without python3-uno)
import uno  # noqa: E402

IDENTIFIER = "org.factlens.writer"
TOOLBAR = "private:resource/toolbar/addon_org.factlens.writer"
MENU, MENU_ITEM, SEPARATOR, PUSH_BUTTON = (
    uno.getConstantByName("com.sun.star.accessibility.AccessibleRole." + n)
    for n in ("MENU", "MENU_ITEM", "SEPARATOR", "PUSH_BUTTON"))
MENU_ENTRIES = ["Analyze Draft", "Show Fact List", "Clear Highlights", None, "Highlight People",
                "Highlight Organisations", "Highlight Places", "Highlight Other Names",
                "Highlight Quotes", "Highlight Speakers", "Highlight Attribution Cues",
                "Highlight Figures", None, "Send Checks to Reporter"]
TOOLBAR_ENTRIES = ["Analyze Draft", "Show Fact List", "Clear Highlights", "Send Checks to Reporter"]

FAILURES = lo.FAILURES
CHECKS = lo.CHECKS


check = lo.check


wait_for = functools.partial(lo.wait_for, timeout=20.0, step=0.05)


DRAFT = ("ROTTERDAM - The Harbour Council of Rotterdam voted 31 to 4 on Tuesday to spend "
         "12.5 million euros on new flood gates, Mayor Anna de Vries said.")


# ------------------------------------------------------------------ reading the UI
def layout_manager(doc):
    return doc.getCurrentController().getFrame().LayoutManager


def props(seq):
    return {p.Name: p.Value for p in seq}


def settings_menu(doc, command):
    """The unmerged menu (XUIElementSettings of the menubar): [(CommandURL, Type)]."""
    mb = layout_manager(doc).getElement("private:resource/menubar/menubar")
    s = mb.getSettings(True)
    for i in range(s.getCount()):
        item = props(s.getByIndex(i))
        if item.get("CommandURL") == command:
            sub = item["ItemDescriptorContainer"]
            return [(props(sub.getByIndex(j)).get("CommandURL"), props(sub.getByIndex(j)).get("Type"))
                    for j in range(sub.getCount())]
    return None


def find_accessible(ac, role, name, depth=0, max_depth=3):
    for i in range(ac.getAccessibleChildCount()):
        c = ac.getAccessibleChild(i).getAccessibleContext()
        if c.getAccessibleRole() == role and c.getAccessibleName() == name:
            return c
        if depth < max_depth:
            r = find_accessible(c, role, name, depth + 1, max_depth)
            if r is not None:
                return r
    return None


def accessible_menu(doc, name):
    """The real, merged menu of the frame (what the user sees), through accessibility."""
    win = doc.getCurrentController().getFrame().getContainerWindow()
    return find_accessible(win.getAccessibleContext(), MENU, name)


def children(ac):
    return [ac.getAccessibleChild(i).getAccessibleContext() for i in range(ac.getAccessibleChildCount())]


def config_items(office, path):
    """{title without '~': URL} below a node of the Addons configuration, in node order."""
    cp = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    node = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                          (lo.prop("nodepath", path),))
    names = sorted(node.getElementNames(), key=lambda n: int(re.sub(r"\D", "", n) or 0))
    out = []
    for n in names:
        item = node.getByName(n)
        title = item.Title if item.getPropertySetInfo().hasPropertyByName("Title") else ""
        out.append(((title or "").replace("~", ""), item.URL))
    return out


def key_event(key_code, modifiers):
    ke = uno.createUnoStruct("com.sun.star.awt.KeyEvent")
    ke.KeyCode = key_code
    ke.Modifiers = modifiers
    return ke


def shortcut_command(office, ke):
    sup = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.ui.ModuleUIConfigurationManagerSupplier", office.ctx)
    mgr = sup.getUIConfigurationManager("com.sun.star.text.TextDocument").getShortCutManager()
    try:
        return mgr.getCommandByKeyEvent(ke)
    except Exception:  # NoSuchElementException: the key is not bound
        return None


def global_shortcut_command(office, ke):
    mgr = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.ui.GlobalAcceleratorConfiguration", office.ctx)
    try:
        return mgr.getCommandByKeyEvent(ke)
    except Exception:
        return None


def highlight_count(doc):
    return len(lo.highlighted_intervals(lo.read_doc_text(doc)[1]))


def deck_active(doc):
    try:
        sidebar = doc.getCurrentController().getSidebar()
        decks = sidebar.getDecks()
        return decks.hasByName("FactLensDeck") and decks.getByName("FactLensDeck").isActive()
    except Exception:
        return False


def new_draft(office):
    doc = office.new_writer()
    doc.getText().setString(DRAFT)
    doc.setModified(False)
    return doc


# ------------------------------------------------------------------ phases
def phase_installed(office):
    from com.sun.star.awt.Key import F
    from com.sun.star.awt.KeyModifier import SHIFT, MOD1, MOD2
    em = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    ids = [e.getIdentifier().Value for group in em.getAllExtensions(None, None) for e in group if e is not None]
    check(IDENTIFIER in ids, "the extension manager lists %s" % IDENTIFIER)
    doc = new_draft(office)
    # --- menu: merged right after Accessibility Check, beside the checking tools
    plain = settings_menu(doc, ".uno:ToolsMenu")
    check(plain is not None and (".uno:AccessibilityCheck", 0) in plain,
          "menubar settings: Tools holds Accessibility Check")
    tools = accessible_menu(doc, "Tools")
    check(tools is not None, "the frame's merged menubar has a Tools menu (accessibility)")
    real = children(tools) if tools is not None else []
    flpos = [i for i, c in enumerate(real) if c.getAccessibleRole() == MENU and c.getAccessibleName() == "FactLens"]
    check(len(flpos) == 1, "Tools holds one FactLens submenu (at %s)" % flpos)
    if plain and flpos:
        acc = plain.index((".uno:AccessibilityCheck", 0))
        check(flpos[0] == acc + 1, "FactLens is right after Accessibility Check (Tools item %d, check at %d)"
              % (flpos[0], acc))
        # the merged menu is the unmerged one plus our submenu: same kinds elsewhere
        rest = [c.getAccessibleRole() == SEPARATOR for i, c in enumerate(real) if i != flpos[0]]
        check(rest == [t == 1 for _, t in plain],
              "Tools is the module's menu (%d items) plus FactLens, nothing else changed" % len(plain))
    submenu = real[flpos[0]] if flpos else None
    entries = [None if c.getAccessibleRole() == SEPARATOR else c.getAccessibleName()
               for c in children(submenu)] if submenu is not None else []
    check(entries == MENU_ENTRIES, "the FactLens submenu lists %s" % entries)
    # --- the configuration the menu and the toolbar are built from: title -> URL
    base = "/org.openoffice.Office.Addons/AddonUI/"
    menu_cfg = config_items(office, base + "OfficeMenuBarMerging/%s/S1/MenuItems/M1/Submenu" % IDENTIFIER)
    tb_cfg = config_items(office, base + "OfficeToolBar/%s" % IDENTIFIER)
    check([t or None for t, u in menu_cfg if u != "private:separator"] == [e for e in MENU_ENTRIES if e]
          and all(u.startswith("org.factlens:") for t, u in menu_cfg if u != "private:separator"),
          "menu entries match the Addons configuration, every URL org.factlens:")
    menu_url = dict(menu_cfg)
    # --- toolbar
    urls = [e.ResourceURL for e in layout_manager(doc).getElements()]
    check(TOOLBAR in urls, "the FactLens toolbar is a UI element of the Writer frame")
    tb = layout_manager(doc).getElement(TOOLBAR)
    buttons = children(tb.RealInterface.getAccessibleContext()) if tb is not None else []
    names = [b.getAccessibleName() for b in buttons if b.getAccessibleRole() == PUSH_BUTTON]
    check(names == TOOLBAR_ENTRIES, "the toolbar has the buttons %s" % names)
    check([t for t, _ in tb_cfg] == TOOLBAR_ENTRIES, "toolbar buttons match the Addons configuration")
    tb_url = dict(tb_cfg)
    check([tb_url.get(n) for n in TOOLBAR_ENTRIES]
          == ["org.factlens:Analyze", "org.factlens:ShowFactList", "org.factlens:Clear",
             "org.factlens:SendToReporter"],
          "toolbar commands: %s" % [tb_url.get(n) for n in TOOLBAR_ENTRIES])
    # --- shortcut
    ke = key_event(F, SHIFT | MOD1 | MOD2)
    cmd = shortcut_command(office, ke)
    check(cmd == "org.factlens:Analyze", "Writer's shortcut manager: Ctrl+Alt+Shift+F -> %s" % cmd)
    glob = global_shortcut_command(office, ke)
    check(glob in (None, "org.factlens:Analyze"), "no global binding of Ctrl+Alt+Shift+F overrides it (%s)" % glob)
    # --- executing what the UI elements hold
    check(office.dispatch(doc, cmd) is True and highlight_count(doc) > 0,
          "the shortcut's command analyses: %d highlights" % highlight_count(doc))
    check(office.dispatch(doc, tb_url["Clear Highlights"]) is True and highlight_count(doc) == 0,
          "the toolbar's Clear command removes them")
    check(office.dispatch(doc, menu_url["Analyze Draft"]) is True and highlight_count(doc) > 0,
          "the menu's Analyze command analyses again")
    check(office.dispatch(doc, menu_url["Clear Highlights"]) is True and highlight_count(doc) == 0,
          "the menu's Clear command clears")
    # the UI elements themselves: the menu item and the toolbar buttons
    items = {c.getAccessibleName(): c for c in children(submenu)} if submenu is not None else {}
    btns = {b.getAccessibleName(): b for b in buttons}
    if check("Analyze Draft" in items, "menu item Analyze Draft found"):
        items["Analyze Draft"].doAccessibleAction(0)  # "select": what a click does
        n = wait_for(lambda: highlight_count(doc))
        check(n > 0, "selecting the menu item Analyze Draft highlights (%d)" % n)
    if check("Clear Highlights" in btns, "toolbar button Clear Highlights found"):
        btns["Clear Highlights"].doAccessibleAction(0)  # "press"
        check(wait_for(lambda: highlight_count(doc) == 0), "pressing Clear Highlights removes them")
    if check("Analyze Draft" in btns, "toolbar button Analyze Draft found"):
        btns["Analyze Draft"].doAccessibleAction(0)
        n = wait_for(lambda: highlight_count(doc))
        check(n > 0, "pressing Analyze Draft highlights (%d)" % n)
    if check("Show Fact List" in btns, "toolbar button Show Fact List found"):
        btns["Show Fact List"].doAccessibleAction(0)
        check(wait_for(lambda: deck_active(doc)), "pressing Show Fact List opens the FactLens deck")
    doc.setModified(False)
    doc.close(True)
    # --- outside Writer
    try:
        math = office.desktop.loadComponentFromURL("private:factory/smath", "_blank", 0, ())
    except Exception as e:  # no libreoffice-math: "type detection failed"
        print("  skip Math document check: %s" % str(e).splitlines()[0][:120])
        math = None
    if math is not None:
        check(office.dispatch(math, "org.factlens:Analyze") is None, "Analyze is disabled in a Math document")
        mtools = accessible_menu(math, "Tools")
        check(mtools is not None and not any(c.getAccessibleName() == "FactLens" for c in children(mtools)),
              "Math's Tools menu has no FactLens entry")
        math.close(True)


def phase_removed(office):
    from com.sun.star.awt.Key import F
    from com.sun.star.awt.KeyModifier import SHIFT, MOD1, MOD2
    em = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    ids = [e.getIdentifier().Value for group in em.getAllExtensions(None, None) for e in group if e is not None]
    check(IDENTIFIER not in ids, "the extension manager no longer lists %s (%d extensions)" % (IDENTIFIER, len(ids)))
    doc = new_draft(office)
    check(office.dispatch(doc, "org.factlens:Analyze") is None, "org.factlens:Analyze no longer dispatches")
    check(office.dispatch(doc, "org.factlens:ShowFactList") is None, "org.factlens:ShowFactList no longer dispatches")
    tools = accessible_menu(doc, "Tools")
    check(tools is not None and not any(c.getAccessibleName() == "FactLens" for c in children(tools)),
          "Tools has no FactLens entry")
    plain = settings_menu(doc, ".uno:ToolsMenu")
    if tools is not None and plain is not None:
        check(len(children(tools)) == len(plain), "Tools is exactly the module's menu again (%d items)" % len(plain))
    check(TOOLBAR not in [e.ResourceURL for e in layout_manager(doc).getElements()], "the FactLens toolbar is gone")
    cmd = shortcut_command(office, key_event(F, SHIFT | MOD1 | MOD2))
    check(not (cmd or "").startswith("org.factlens:"), "Ctrl+Alt+Shift+F is no longer bound to FactLens (%s)" % cmd)
    decks = doc.getCurrentController().getSidebar().getDecks()
    check(not decks.hasByName("FactLensDeck"), "the sidebar has no FactLens deck")
    check(highlight_count(doc) == 0, "nothing highlighted")
    doc.setModified(False)
    doc.close(True)


def log_problems(text):
    return [l for l in text.splitlines()
            if l.startswith("FactLens") and "trace" not in l
            or re.search(r"\b(error|exception|failed)\b", l, re.I)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--timeout", type=float, default=200)
    args = ap.parse_args()
    t0 = time.time()
    office = lo.Office(oxt=args.oxt)
    lo.watchdog(office, args.timeout)
    code = 1
    try:
        office.start()
        print("office: started in %.1f s, extension installed in %.1f s" % (office.start_seconds, office.install_seconds))
        phase_installed(office)
        log1 = office.log_text()
        office.stop()
        check(not [l for l in log1.splitlines() if l.startswith("FactLens:")], "phase 1: the extension reported no exception")
        rc, listing = office.unopkg_list()
        check(rc == 0 and IDENTIFIER in listing, "unopkg list shows %s before the removal" % IDENTIFIER)
        # --- remove, as the harness installed it
        t1 = time.time()
        out = office.uninstall_offline(IDENTIFIER)
        print("  unopkg remove: %.1f s %s" % (time.time() - t1, out.strip()[:200]))
        rc, listing = office.unopkg_list()
        check(rc == 0 and IDENTIFIER not in listing, "unopkg list no longer shows %s" % IDENTIFIER)
        mark = len(office.log_text())
        office.oxt = None
        office.start()  # the harness restarts after exit code 81
        print("office restarted without the extension in %.1f s" % office.start_seconds)
        phase_removed(office)
        problems = log_problems(office.log_text()[mark:])
        check(not problems, "the office log after removal shows no error%s"
              % ("" if not problems else ": " + " | ".join(problems[:5])))
        code = 0 if not FAILURES else 1
    except Exception:
        traceback.print_exc()
        code = 1
    finally:
        office.stop()
    print("ui: %d checks, %d failed, %.1f s" % (CHECKS[0], len(FAILURES), time.time() - t0))
    if not os.environ.get("FACTLENS_KEEP_TMP"):
        import shutil
        shutil.rmtree(office.dir, ignore_errors=True)
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
