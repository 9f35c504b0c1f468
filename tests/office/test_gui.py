#!/usr/bin/python3
"""A real Writer window with FactLens, captured as a PNG (pyuno, Debian's /usr/bin/python3).

    /usr/bin/python3 tests/office/test_gui.py --oxt build/extension/factlens.oxt \
        --draft samples/draft.txt --out build/tests/office/artifacts/writer_factlens.png

Starts Xvfb (a free display, 1600x1000x24), installs the .oxt into an isolated profile
with unopkg before the office starts, starts soffice with the `gen` VCL plugin on that
display, opens the draft, runs Analyze, opens the FactLens deck, waits until the
highlights are in the document and the deck's tree is filled, sizes the window to the
screen and captures the screen with ImageMagick's `import -window root`.

Checks: the PNG exists and is not blank; at least three of the FactLens highlight
colours cover a real area of it (the highlights are painted on screen, not only set as
properties); the deck's tree holds the groups with facts. The PNG is kept as a test
artefact. Exits 77 (ctest: skipped) with a message when Xvfb, import, the GUI VCL
plugin (packages libreoffice-writer + libreoffice-core instead of the -nogui ones),
soffice or the .oxt is missing.
"""
import argparse
import functools
import os
import re
import shutil
import threading
import signal
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import lo_harness as lo  # noqa: E402

GEN_PLUGIN = "/usr/lib/libreoffice/program/libvclplug_genlo.so"
WIDTH, HEIGHT = 1600, 1000
MIN_COLOUR_PIXELS = 200      # one highlighted word at 100 % zoom is well above this
MIN_COLOURS = 3
CONVERT = "/usr/bin/convert" if os.path.exists("/usr/bin/convert") else "convert"


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)
    print("ok  ", message)
    sys.stdout.flush()


wait_for = functools.partial(lo.wait_for, step=0.25)


# ------------------------------------------------------------------ Xvfb
def start_xvfb(workdir):
    """Xvfb on a display it picks itself (-displayfd: no race with other servers).
    Returns (process, ":N")."""
    r, w = os.pipe()
    log = open(os.path.join(workdir, "xvfb.log"), "wb")
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT),
                             "-nolisten", "tcp", "-noreset"],
                            stdout=log, stderr=subprocess.STDOUT, pass_fds=(w,), start_new_session=True)
    os.close(w)
    data = b""
    deadline = time.time() + 60
    os.set_blocking(r, False)
    while time.time() < deadline and not data.endswith(b"\n"):
        if proc.poll() is not None:
            break
        try:
            chunk = os.read(r, 64)
            if chunk:
                data += chunk
                continue
            break  # EOF
        except BlockingIOError:
            time.sleep(0.1)
    os.close(r)
    if not data.strip().isdigit():
        kill_group(proc)
        raise Failure("Xvfb did not report a display within 60 s (log: %s)" % log.name)
    display = ":" + data.strip().decode()
    # the server answers once xdpyinfo-like requests work; `import` needs it, poll with xdotool
    if shutil.which("xdotool"):
        env = dict(os.environ, DISPLAY=display)
        ok = wait_for(lambda: subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                                             capture_output=True, timeout=20).returncode == 0, 30)
        if not ok:
            kill_group(proc)
            raise Failure("Xvfb %s does not answer" % display)
    return proc, display


def kill_group(proc):
    if proc is None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except (ProcessLookupError, PermissionError):
        pass


# ------------------------------------------------------------------ the screen
def capture(display, path):
    env = dict(os.environ, DISPLAY=display)
    r = subprocess.run(["import", "-silent", "-window", "root", path], env=env, capture_output=True,
                       text=True, timeout=60)
    if r.returncode != 0 or not os.path.exists(path):
        raise Failure("import failed: %s" % r.stderr.strip())


def colour_histogram(path):
    """({0xRRGGBB: pixels}, total pixels) of a PNG, counted by ImageMagick (no PIL needed)."""
    r = subprocess.run([CONVERT, path, "-alpha", "off", "-depth", "8", "-format", "%c", "histogram:info:-"],
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise Failure("convert failed: %s" % r.stderr)
    counts = {}
    for line in r.stdout.splitlines():
        m = re.match(r"\s*(\d+):.*?#([0-9A-Fa-f]{6})\b", line)
        if m:
            c = int(m.group(2), 16)
            counts[c] = counts.get(c, 0) + int(m.group(1))
    return counts, sum(counts.values())


def highlight_pixels(hist):
    return {lo.PALETTE[c]: n for c, n in hist.items() if c in lo.PALETTE and n >= MIN_COLOUR_PIXELS}


# ------------------------------------------------------------------ the office
def writer_document(office):
    """Without a window manager Desktop.getCurrentComponent() is empty: enumerate."""
    comps = office.desktop.getComponents().createEnumeration()
    while comps.hasMoreElements():
        c = comps.nextElement()
        if c.supportsService("com.sun.star.text.TextDocument"):
            return c
    return None


def load_draft(office, path):
    lo.clean_locks(path)
    if path.endswith(".txt"):
        doc = office.desktop.loadComponentFromURL(lo.file_url(path), "_blank", 0, (
            lo.prop("FilterName", "Text (encoded)"), lo.prop("FilterOptions", "UTF8,LF,,,"),
            lo.prop("Hidden", False)))
        # the text import uses "Preformatted Text": a headline and body text as a newsroom would
        paras = doc.getText().createEnumeration()
        first = True
        while paras.hasMoreElements():
            p = paras.nextElement()
            p.ParaStyleName = "Heading 1" if first else "Text Body"
            first = False
        doc.setModified(False)
        return doc
    return office.load(path)


def tree_groups(doc):
    try:
        return _tree_groups(doc)
    except Exception as e:  # the deck is still being built
        global _last_tree_error
        if str(e) != _last_tree_error:
            _last_tree_error = str(e)
            print("     (deck not readable yet: %s: %s)" % (type(e).__name__, e))
        return []


_last_tree_error = None


def _tree_groups(doc):
    sidebar = doc.getCurrentController().getSidebar()
    decks = sidebar.getDecks()
    if not decks.hasByName("FactLensDeck"):
        return []
    deck = decks.getByName("FactLensDeck")
    if not deck.isActive():
        deck.activate(True)
    panels = deck.getPanels()
    if not panels.hasByName("FactLensPanel"):
        return []
    dialog = panels.getByName("FactLensPanel").getDialog()
    if dialog is None or dialog.getControl("FactTree") is None:
        return []
    root = dialog.getControl("FactTree").getModel().DataModel.getRoot()
    return [(root.getChildAt(i).getDisplayValue(), root.getChildAt(i).getChildCount())
            for i in range(root.getChildCount())]


def size_window(office, doc, display):
    window = doc.getCurrentController().getFrame().getContainerWindow()
    window.setPosSize(0, 0, WIDTH, HEIGHT, 15)  # PosSize.POSSIZE
    try:
        window.IsMaximized = True
    except Exception:
        pass
    if shutil.which("xdotool"):
        env = dict(os.environ, DISPLAY=display)
        r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "LibreOffice Writer"],
                           env=env, capture_output=True, text=True, timeout=30)
        for wid in r.stdout.split():
            subprocess.run(["xdotool", "windowmove", wid, "0", "0", "windowsize", wid, str(WIDTH), str(HEIGHT)],
                           env=env, capture_output=True, timeout=30)


def panel_left(doc):
    """Screen x of the FactLens panel (accessibility API), or None."""
    try:
        deck = doc.getCurrentController().getSidebar().getDecks().getByName("FactLensDeck")
        dialog = deck.getPanels().getByName("FactLensPanel").getDialog()
        return dialog.getPeer().getAccessibleContext().getLocationOnScreen().X
    except Exception as e:
        print("     (panel position unknown: %s)" % e)
        return None


def widen_sidebar(doc, display, extra=200):
    """Best effort, not checked: drag the splitter left of the sidebar so that the rows are
    readable. A failed drag leaves the default width."""
    if not shutil.which("xdotool"):
        return
    x = panel_left(doc)
    print("     panel at x=%s" % x)
    if not x or x < 400:
        return
    env = dict(os.environ, DISPLAY=display)
    for split in range(x - 2, x - 12, -2):  # the splitter is a few pixels left of the panel
        subprocess.run(["xdotool", "mousemove", str(split), str(HEIGHT // 2), "mousedown", "1",
                        "sleep", "0.3", "mousemove", str(split - extra // 2), str(HEIGHT // 2),
                        "sleep", "0.3", "mousemove", str(split - extra), str(HEIGHT // 2),
                        "sleep", "0.3", "mouseup", "1"], env=env, capture_output=True, timeout=30)
        time.sleep(1.0)
        now = panel_left(doc)
        if now is not None and now < x - extra // 2:
            print("     sidebar widened: panel at x=%d" % now)
            break
    subprocess.run(["xdotool", "mousemove", "0", str(HEIGHT - 1)], env=env, capture_output=True, timeout=30)


def run(args):
    for tool, pkg in (("Xvfb", "xvfb"), ("import", "imagemagick"), ("convert", "imagemagick")):
        if not shutil.which(tool):
            lo.skip("%s not found (install %s)" % (tool, pkg))
    if not os.path.exists(GEN_PLUGIN):
        lo.skip("the GUI VCL plugin %s is missing (install libreoffice-writer libreoffice-core "
                "instead of libreoffice-writer-nogui)" % GEN_PLUGIN)
    if not os.path.exists(args.draft):
        lo.skip("draft missing: %s" % args.draft)
    if lo.find_soffice() is None:
        lo.skip("soffice not found (install libreoffice-writer)")
    if not os.path.exists(args.oxt):
        lo.skip("built extension missing: %s (build target factlens_oxt)" % args.oxt)

    t_start = time.time()
    work = tempfile.mkdtemp(prefix="factlens_gui_")
    os.chmod(work, 0o755)  # the harness runs unopkg as nobody inside it
    keep = bool(os.environ.get("FACTLENS_KEEP_TMP"))
    draft = os.path.join(work, os.path.basename(args.draft))
    shutil.copyfile(args.draft, draft)
    os.chmod(draft, 0o644)
    xvfb = None
    office = None
    try:
        xvfb, display = start_xvfb(work)
        print("Xvfb on %s" % display)
        # Office's own env: gen plugin (libreoffice-gtk3 would be chosen by default), English UI
        office = lo.Office(oxt=args.oxt, workdir=os.path.join(work, "office"), display=display,
                           headless=False, env={"SAL_USE_VCLPLUGIN": "gen", "SAL_NO_MOUSEGRABS": "1"})
        lo.watchdog(office, args.timeout)
        # the harness' watchdog kills soffice and exits; Xvfb must not outlive us either
        guard = threading.Timer(max(1.0, args.timeout - 1.0), kill_group, (xvfb,))
        guard.daemon = True
        guard.start()
        office.start()  # unopkg add before the office starts; restarts on exit code 81
        print("LibreOffice started in %.1f s (unopkg %.1f s)" % (office.start_seconds, office.install_seconds))

        doc = load_draft(office, draft)
        check(doc is not None, "the draft %s opens in Writer" % os.path.basename(args.draft))
        check(wait_for(lambda: writer_document(office) is not None, 60),
              "Desktop.Components holds the Writer document")
        size_window(office, doc, display)
        # automatic spell checking off: red wavy lines under every foreign name only distract
        try:
            helper = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                                         office.ctx)
            helper.executeDispatch(doc.getCurrentController().getFrame(), ".uno:SpellOnline", "", 0,
                                   (lo.prop("Enable", False),))
        except Exception as e:
            print("     (spell checking stays on: %s)" % e)

        check(office.dispatch(doc, "org.factlens:Analyze", timeout=120) is True, "Analyze draft finished")
        _, runs = lo.read_doc_text(doc)
        cats = {c for _, _, _, c in lo.highlighted_intervals(runs)}
        check(len(cats) >= MIN_COLOURS, "the document carries highlights of %d categories (%s)"
              % (len(cats), ", ".join(sorted(cats))))

        office.dispatch(doc, "org.factlens:ShowFactList", timeout=60)
        sidebar = doc.getCurrentController().getSidebar()
        sidebar.setVisible(True)
        groups = wait_for(lambda: [g for g in tree_groups(doc) if g[1] > 0], 60)
        check(len(groups) >= 3, "the FactLens deck lists groups with facts: %s"
              % ", ".join(label for label, _ in tree_groups(doc)))
        size_window(office, doc, display)  # the deck may have resized the frame
        widen_sidebar(doc, display)

        # the screen: poll until the highlights are painted and the picture is stable
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        shot = os.path.join(work, "shot.png")
        painted, last, stable = {}, None, 0
        deadline = time.time() + 90
        while time.time() < deadline:
            time.sleep(1.0)
            capture(display, shot)
            hist, total = colour_histogram(shot)
            painted = highlight_pixels(hist)
            key = (len(hist), tuple(sorted(painted.items())))
            stable = stable + 1 if key == last and len(painted) >= MIN_COLOURS else 0
            last = key
            if stable >= 2:  # the same picture three times in a row
                break
        shutil.copyfile(shot, args.out)
        print("screenshot: %s" % os.path.abspath(args.out))
        hist, total = colour_histogram(args.out)
        check(total == WIDTH * HEIGHT, "the screenshot is %dx%d" % (WIDTH, HEIGHT))
        top = max(hist.values())
        check(len(hist) > 50 and top < 0.95 * total,
              "the screenshot is not blank (%d colours, the commonest covers %.0f %%)"
              % (len(hist), 100.0 * top / total))
        painted = highlight_pixels(hist)
        check(len(painted) >= MIN_COLOURS,
              "highlights are visible on screen: %s" % ", ".join(
                  "%s %d px" % (c, n) for c, n in sorted(painted.items(), key=lambda x: -x[1])))
        log = office.log_text()
        problems = [line for line in log.splitlines() if "FactLens sidebar" in line]
        check(not problems, "the sidebar logged no exception%s" % ("" if not problems else ": " + problems[0]))
        print("GUI test took %.1f s" % (time.time() - t_start))
        return 0
    finally:
        if office is not None:
            try:
                office.stop()
            except Exception:
                traceback.print_exc()
        kill_group(xvfb)
        if keep:
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", default=os.path.join(REPO, "build", "extension", "factlens.oxt"))
    ap.add_argument("--draft", default=os.path.join(REPO, "samples", "draft.txt"))
    ap.add_argument("--out", default=os.path.join(REPO, "build", "tests", "office", "artifacts",
                                                  "writer_factlens.png"))
    ap.add_argument("--timeout", type=float, default=170, help="watchdog seconds")
    args = ap.parse_args()
    code = 1
    try:
        code = run(args)
    except Failure as e:
        print("FAIL:", e)
    except Exception:
        traceback.print_exc()
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
