"""A real LibreOffice for tests: isolated profile, own process group, FactLens installed.

Used by tests/office/*.py, tests/bench/office_bench.py and scripts/office_demo.py with
Debian's /usr/bin/python3 (package python3-uno).

    with Office(oxt="build/extension/factlens.oxt") as office:
        doc = office.load("/tmp/x.odt")
        office.dispatch(doc, "org.factlens:Analyze")       # waits for the highlights
        print(highlighted_runs(doc))

Scripts should end with os._exit(code): pyuno sometimes crashes on interpreter exit.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
from xml.sax.saxutils import escape

try:
    import uno  # python3-uno: Debian's /usr/bin/python3
except ImportError:  # every caller skips (ctest: exit code 77)
    print("SKIP: python3-uno not available for %s" % sys.executable)
    sys.stdout.flush()
    os._exit(77)
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.frame import XDispatchResultListener
from com.sun.star.task import XInteractionHandler, XInteractionApprove
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

# soffice.bin directly: the soffice wrapper (oosplash) may exit while the office runs on.
SOFFICE_CANDIDATES = ["/usr/lib/libreoffice/program/soffice.bin",
                      os.path.join(os.path.dirname(os.path.realpath(shutil.which("soffice") or "/x")), "soffice.bin")]

# Our palette (extension/session.cxx kCategories): colour -> category id.
PALETTE = {
    0xFFCF9B: "person", 0xAEDCFB: "org", 0xBDEDB5: "place", 0xE3D1F5: "misc",
    0xFFF2A9: "content", 0xFFB5C3: "speaker", 0xDCDCD3: "cue", 0x97E6DB: "figure",
}
COLOR_OF = {v: k for k, v in PALETTE.items()}
PAINT_ORDER = ["content", "cue", "misc", "place", "org", "person", "speaker", "figure"]
ENTITY_CATEGORY = {"PERSON": "person", "ORG": "org", "PLACE": "place", "MISC": "misc"}


def find_soffice():
    for c in SOFFICE_CANDIDATES:
        if c and os.path.exists(c):
            return c
    return None


def skip(message):
    """ctest treats exit code 77 as skipped (SKIP_RETURN_CODE)."""
    print("SKIP:", message)
    sys.stdout.flush()
    os._exit(77)


def wait_for(predicate, timeout=30.0, step=0.1):
    """Polls predicate() every `step` seconds until it returns something true or
    `timeout` seconds pass; returns its last value."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = predicate()
        if v:
            return v
        time.sleep(step)
    return predicate()


# The checks of one test process: check() prints each and counts the failures.
CHECKS = [0]
FAILURES = []


def check(cond, what):
    CHECKS[0] += 1
    print("  %s %s" % ("ok  " if cond else "FAIL", what))
    if not cond:
        FAILURES.append(what)
    sys.stdout.flush()
    return cond


def run_office_test(name, args, body, banner=None, fail_on_reported=False):
    """The main() of an office test: starts an office with args.oxt installed
    (a watchdog kills everything after args.timeout seconds), runs body(office),
    stops the office, prints what the extension reported on stderr and the
    check count, removes the scratch folder (kept with FACTLENS_KEEP_TMP) and
    exits the process: 0 when every check passed. `fail_on_reported`: a
    "FactLens: ..." line in the office log (an exception the extension caught)
    fails the test too."""
    if getattr(args, "factlens", None) is not None and not os.path.exists(args.factlens):
        skip("factlens binary missing: %s" % args.factlens)
    t0 = time.time()
    office = Office(oxt=args.oxt)
    watchdog(office, args.timeout)
    code = 1
    log = ""
    try:
        office.start()
        print(banner(office) if banner else "office %s: started in %.1f s, extension installed in %.1f s"
              % (name, office.start_seconds, office.install_seconds))
        body(office)
        code = 0 if not FAILURES else 1
    except Exception:
        traceback.print_exc()
        code = 1
    finally:
        log = office.log_text()
        office.stop()
    reported = [line for line in log.splitlines() if line.startswith("FactLens:")]
    if reported:
        print("extension reported:\n  " + "\n  ".join(reported[:20]))
        if fail_on_reported:
            code = 1
    print("%s: %d checks, %d failed, %.1f s" % (name, CHECKS[0], len(FAILURES), time.time() - t0))
    if not os.environ.get("FACTLENS_KEEP_TMP"):
        shutil.rmtree(office.dir, ignore_errors=True)
    sys.stdout.flush()
    os._exit(code)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Approver(unohelper.Base, XInteractionHandler):
    def handle(self, request):
        for c in request.getContinuations():
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                c.select()
                return


class _Progress(unohelper.Base, XProgressHandler):
    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class _CmdEnv(unohelper.Base, XCommandEnvironment):
    def getInteractionHandler(self):
        return _Approver()

    def getProgressHandler(self):
        return _Progress()


class _ResultListener(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.event = threading.Event()
        self.state = None

    def dispatchFinished(self, ev):
        self.state = ev.State
        self.event.set()

    def disposing(self, ev):
        self.event.set()


class Office:
    """One soffice --headless with an isolated profile; FactLens installed if oxt is given."""

    def __init__(self, oxt=None, workdir=None, env=None, display=None, headless=True):
        self.soffice = find_soffice()
        if not self.soffice:
            skip("soffice not found (install libreoffice-writer libreoffice-core)")
        if oxt is not None and not os.path.exists(oxt):
            skip("built extension missing: %s (build target factlens_oxt)" % oxt)
        self.oxt = oxt
        self.own_dir = workdir is None
        self.dir = workdir or tempfile.mkdtemp(prefix="factlens_office_")
        os.makedirs(self.dir, exist_ok=True)
        self.profile = os.path.join(self.dir, "profile")
        self.log_path = os.path.join(self.dir, "soffice.log")
        self.extra_env = env or {}
        self.display = display
        self.headless = headless
        self.proc = None
        self.ctx = None
        self.desktop = None

    # -- process
    def _start_process(self):
        self.port = free_port()
        args = [self.soffice, "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "-env:UserInstallation=" + file_url(self.profile),
                "--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % self.port]
        if self.headless:
            args.insert(1, "--headless")
            args.insert(2, "--invisible")
        env = dict(os.environ)
        env.update({"FACTLENS_TRACE": "1"})
        env.update(self.extra_env)
        if self.display:
            env["DISPLAY"] = self.display
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)

    def _connect(self, timeout=60):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % self.port
        deadline = time.time() + timeout
        while time.time() < deadline:
            rc = self.proc.poll()
            if rc is not None:
                return rc  # exited (81 = restart requested)
            try:
                self.ctx = resolver.resolve(url)
                self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", self.ctx)
                return None
            except NoConnectException:
                time.sleep(0.1)
        raise RuntimeError("soffice did not accept connections within %d s" % timeout)

    def install_offline(self, oxt):
        """unopkg add into the profile before the office starts. Measured: an extension
        added to a running office through ExtensionManager.addExtension from a remote
        client got its components loaded out of process (a uno.bin child, every UNO call
        over a pipe: 10-100x slower, and interface identities differ); installed
        beforehand, the office loads them in process. unopkg refuses a per-user install
        as root: run it as nobody on a profile nobody owns."""
        t0 = time.time()
        os.makedirs(self.profile, exist_ok=True)
        staged = os.path.join(self.dir, os.path.basename(oxt))
        shutil.copyfile(oxt, staged)
        r = self._unopkg("add", "-s", staged)
        if r.returncode != 0:
            raise RuntimeError("unopkg add failed: %s %s" % (r.stdout, r.stderr))
        self.install_seconds = time.time() - t0

    def uninstall_offline(self, identifier):
        """unopkg remove from the profile while the office is stopped, the way
        install_offline added it (as nobody when root). Returns unopkg's output."""
        r = self._unopkg("remove", "-s", identifier)
        if r.returncode != 0:
            raise RuntimeError("unopkg remove failed: %s %s" % (r.stdout, r.stderr))
        return r.stdout + r.stderr

    def unopkg_list(self):
        r = self._unopkg("list")
        return r.returncode, r.stdout + r.stderr

    def _unopkg(self, *args):
        """unopkg on this profile (office stopped). unopkg refuses a per-user
        install as root, so as root it runs as nobody, who is first given the
        scratch folder (the office, root, writes into the profile)."""
        cmd = ["/usr/lib/libreoffice/program/unopkg"] + list(args) + [
            "-env:UserInstallation=" + file_url(self.profile)]
        env = dict(os.environ, HOME=self.dir)
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "nobody:nogroup", self.dir], check=True)
            os.chmod(self.dir, 0o755)
            cmd = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + cmd
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)

    def start(self):
        t0 = time.time()
        if self.oxt:
            self.install_offline(self.oxt)
        t0 = time.time()
        for attempt in range(3):
            self._start_process()
            rc = self._connect()
            if rc is None:
                break
            if rc != 81:
                raise RuntimeError("soffice exited with code %s (log: %s)" % (rc, self.log_path))
            # 81: first start after a profile change asks for a restart
        else:
            raise RuntimeError("soffice kept asking for a restart")
        self.start_seconds = time.time() - t0
        return self

    def install(self, oxt):
        t0 = time.time()
        em = self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        em.addExtension(file_url(oxt), (), "user", em.createAbortChannel(), _CmdEnv())
        self.install_seconds = time.time() - t0

    def stop(self):
        try:
            if self.desktop is not None:
                try:
                    comps = self.desktop.getComponents().createEnumeration()
                    while comps.hasMoreElements():
                        c = comps.nextElement()
                        try:
                            c.setModified(False)
                        except Exception:
                            pass
                        try:
                            c.close(True)
                        except Exception:
                            pass
                except Exception:
                    pass
                try:
                    self.desktop.terminate()
                except Exception:
                    pass
            if self.proc is not None:
                try:
                    self.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                    self.proc.wait(timeout=5)
        finally:
            if self.proc is not None:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)  # stray children of the group
                except (ProcessLookupError, PermissionError):
                    pass
            lock = os.path.join(self.profile, ".lock")
            if os.path.exists(lock):
                os.remove(lock)
            self.ctx = None
            self.desktop = None

    def alive(self):
        """The office still answers (no crash, no hang)."""
        if self.proc.poll() is not None:
            return False
        try:
            self.desktop.getComponents()
            return True
        except Exception:
            return False

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        if self.own_dir and not os.environ.get("FACTLENS_KEEP_TMP"):
            shutil.rmtree(self.dir, ignore_errors=True)

    def log_text(self):
        try:
            self.log.flush()
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    # -- documents
    def new_writer(self):
        return self.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())

    def load(self, path, read_only=False):
        clean_locks(path)
        args = [prop("Hidden", False)]
        if read_only:
            args.append(prop("ReadOnly", True))
        return self.desktop.loadComponentFromURL(file_url(path), "_blank", 0, tuple(args))

    def load_hidden(self, path):
        """Loads without a visible window (as a batch job or another program would)."""
        clean_locks(path)
        return self.desktop.loadComponentFromURL(file_url(path), "_blank", 0, (prop("Hidden", True),))

    def dispatch(self, doc, command, args=(), timeout=120, wait=True):
        """Dispatches an org.factlens: command through the document's frame and waits for
        its result (the extension notifies when the highlights are applied)."""
        frame = doc.getCurrentController().getFrame()
        transformer = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.util.URLTransformer", self.ctx)
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = command
        _, url = transformer.parseStrict(url)
        disp = frame.queryDispatch(url, "", 0)
        if disp is None:
            return None  # disabled
        listener = _ResultListener()
        disp.dispatchWithNotification(url, tuple(args), listener)
        if not wait:
            return listener
        if not listener.event.wait(timeout):
            raise RuntimeError("%s did not finish within %d s" % (command, timeout))
        return listener.state == 1  # DispatchResultState.SUCCESS

    def store(self, doc, path, filter_name=None):
        args = []
        if filter_name:
            args.append(prop("FilterName", filter_name))
        doc.storeToURL(file_url(path), tuple(args))


def watchdog(office, seconds):
    """A hung office must not hang the test run: after `seconds`, print where the
    script was, kill the office's process group and exit 1."""
    import faulthandler

    def fire():
        print("WATCHDOG: no result after %.0f s; killing soffice" % seconds)
        sys.stdout.flush()
        faulthandler.dump_traceback(all_threads=True)
        if os.environ.get("FACTLENS_GDB_ON_HANG") and shutil.which("gdb") and office.proc:
            r = subprocess.run(["gdb", "-p", str(office.proc.pid), "-batch", "-ex", "thread apply all bt 30"],
                               capture_output=True, text=True, timeout=120)
            path = os.path.join(office.dir, "hang_backtrace.txt")
            with open(path, "w") as f:
                f.write(r.stdout)
            print("soffice backtraces:", path)
        try:
            if office.proc is not None:
                os.killpg(office.proc.pid, signal.SIGKILL)
        except Exception:
            pass
        os._exit(1)

    t = threading.Timer(seconds, fire)
    t.daemon = True
    t.start()
    return t


def clean_locks(path):
    d, name = os.path.split(os.path.abspath(path))
    lock = os.path.join(d, ".~lock.%s#" % name)
    if os.path.exists(lock):
        os.remove(lock)


# ----------------------------------------------------------------- reading back
def _paragraphs_of_text(text, kind, out):
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.TextTable"):
            for name in el.getCellNames():
                _paragraphs_of_text(el.getCellByName(name), "table_cell", out)
        elif el.supportsService("com.sun.star.text.Paragraph"):
            out.append(el)


def header_footer_texts(doc):
    """Header and footer texts of the page styles in use, in the extension's order
    (session.cxx readHeadersAndFooters)."""
    out = []
    styles = doc.getStyleFamilies().getByName("PageStyles")
    used = {n for n in styles.getElementNames() if styles.getByName(n).isInUse()}
    todo = list(used)
    while todo:  # follow styles of used styles are in use too
        follow = styles.getByName(todo.pop()).FollowStyle
        if follow and styles.hasByName(follow) and follow not in used:
            used.add(follow)
            todo.append(follow)
    for name in styles.getElementNames():
        st = styles.getByName(name)
        if name not in used:
            continue
        for part in ("Header", "Footer"):
            if not getattr(st, part + "IsOn"):
                continue
            names = [part + "Text"]
            if not getattr(st, part + "IsShared"):
                names.append(part + "TextLeft")
            if not st.FirstIsShared:
                names.append(part + "TextFirst")
            for n in names:
                t = getattr(st, n)
                if t is not None:
                    out.append(t)
    return out


def shape_texts(doc):
    """Drawing shapes with text (not text frames), group shapes recursively, as
    (text, painted): a shape with a text box gives its frame's Writer text (painted);
    plain shape text (EditEngine) is analysed but never painted (session.cxx)."""
    out = []

    def walk(shapes, depth):
        for i in range(shapes.getCount()):
            s = shapes.getByIndex(i)
            if any(s.supportsService(x) for x in ("com.sun.star.text.TextFrame", "com.sun.star.text.TextGraphicObject",
                                                  "com.sun.star.text.TextEmbeddedObject")):
                continue
            if s.supportsService("com.sun.star.drawing.GroupShape"):
                if depth < 16:
                    walk(s, depth + 1)
                continue
            info = s.getPropertySetInfo()
            if info.hasPropertyByName("TextBox") and s.TextBox and info.hasPropertyByName("TextBoxContent"):
                frame = s.TextBoxContent
                if frame is not None:
                    out.append((frame.getText(), True))
                continue
            if hasattr(s, "createEnumeration") and hasattr(s, "getText"):
                out.append((s, False))
    walk(doc.getDrawPage(), 0)
    return out


def reader_paragraphs(doc, unpainted=None):
    """Paragraph objects in the order the extension reads them (session.hxx). Adds the
    indices of paragraphs the extension reads but never paints (plain shape text) to
    `unpainted` if given."""
    out = []
    _paragraphs_of_text(doc.getText(), "body", out)
    frames = doc.getTextFrames()
    for name in frames.getElementNames():
        _paragraphs_of_text(frames.getByName(name).getText(), "body", out)
    for notes in (doc.getFootnotes(), doc.getEndnotes()):
        for i in range(notes.getCount()):
            _paragraphs_of_text(notes.getByIndex(i), "footnote", out)
    for t in header_footer_texts(doc):
        _paragraphs_of_text(t, "body", out)
    for s, painted in shape_texts(doc):
        first = len(out)
        _paragraphs_of_text(s, "body", out)
        if unpainted is not None and not painted:
            unpainted.update(range(first, len(out)))
    return out


def highlight_property(para):
    """Drawing-shape text has no CharHighlight (its shading is CharBackColor)."""
    return "CharHighlight" if para.getPropertySetInfo().hasPropertyByName("CharHighlight") else "CharBackColor"


def paragraph_runs(para, fields=None):
    """(visible text, runs): runs are (begin, end, CharHighlight, direct?) in code points
    of the paragraph's visible text; deleted tracked text and fields handled like the
    extension does. Appends the (begin, end) of text fields to `fields` if given."""
    text = []
    runs = []
    pos = 0
    deleting = False
    hl_prop = highlight_property(para)
    enum = para.createEnumeration()
    while enum.hasMoreElements():
        portion = enum.nextElement()
        ptype = portion.TextPortionType
        if ptype == "Redline":
            if portion.RedlineType == "Delete":
                deleting = portion.IsStart
            continue
        if ptype == "Text":
            s = portion.getString()
        elif ptype == "TextField":
            s = portion.getString()
            if fields is not None and not deleting and s:
                fields.append((pos, pos + len(s)))
        else:
            continue
        if deleting or not s:
            continue
        s = s.replace("\n", "\u2028")  # manual line break, as the extension reads it
        hl = portion.getPropertyValue(hl_prop)
        direct = portion.getPropertyState(hl_prop).value == "DIRECT_VALUE"
        runs.append((pos, pos + len(s), hl, direct))
        text.append(s)
        pos += len(s)
    return "".join(text), runs


def read_doc_text(doc, with_fields=False):
    """The visible text, paragraphs joined by newlines, and per-paragraph runs
    (and per-paragraph text field bounds if with_fields)."""
    texts, all_runs, all_fields = [], [], []
    for p in reader_paragraphs(doc):
        f = []
        t, r = paragraph_runs(p, f)
        texts.append(t)
        all_runs.append(r)
        all_fields.append(f)
    if with_fields:
        return texts, all_runs, all_fields
    return texts, all_runs


def highlighted_intervals(all_runs):
    """{(paragraph, begin, end, category)} for runs carrying our colours (merged)."""
    out = []
    for pi, runs in enumerate(all_runs):
        cur = None
        for b, e, hl, direct in runs:
            cat = PALETTE.get(hl)
            if cur and cat == cur[3] and cur[2] == b:
                cur = (pi, cur[1], e, cat)
                continue
            if cur:
                out.append(cur)
            cur = (pi, b, e, cat) if cat else None
        if cur:
            out.append(cur)
    return set(out)


def expected_intervals(report, paragraphs, enabled=None, fields=None):
    """The extension's painting of a factlens JSON report (code points of the whole text,
    paragraphs joined by newlines) as {(paragraph, begin, end, category)}. A text field
    is one character in the document: a span boundary inside its shown text moves to
    the field's edge (fields: per paragraph, (begin, end) of each field)."""
    enabled = enabled or set(PAINT_ORDER)
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 1
    raws = {}

    def add(span, cat):
        if not span or cat not in enabled:
            return
        s, e = span["start"], span["end"]
        if e <= s:
            return
        # paragraph of s
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= s:
                lo = mid
            else:
                hi = mid - 1
        pi = lo
        b, en = s - starts[pi], min(e - starts[pi], len(paragraphs[pi]))
        raws.setdefault(pi, []).append((b, en, PAINT_ORDER.index(cat), cat))

    for ent in report.get("entities", []):
        add(ent, ENTITY_CATEGORY.get(ent["type"], "misc"))
    for at in report.get("attributions", []):
        add(at.get("content"), "content")
        add(at.get("speaker"), "speaker")
        add(at.get("cue"), "cue")
    for fig in report.get("figures", []):
        add(fig, "figure")
    out = set()
    for pi, rs in raws.items():
        cuts = sorted({x for r in rs for x in (r[0], r[1])})
        merged = []
        for b, e in zip(cuts, cuts[1:]):
            best = None
            for r in rs:
                if r[0] <= b and r[1] >= e and (best is None or r[2] > best[2]):
                    best = r
            if best is None:
                continue
            if merged and merged[-1][2] == b and merged[-1][3] == best[3]:
                merged[-1] = (pi, merged[-1][1], e, best[3])
            else:
                merged.append((pi, b, e, best[3]))
        flds = fields[pi] if fields and pi < len(fields) else []
        if flds:  # snap to field edges, drop what overlaps the previous painting
            snapped, pos = [], 0
            for _, b, e, cat in merged:
                if _only_fields(flds, b, e):
                    continue  # a page number or date field alone is not painted
                for fb, fe in flds:
                    if fb < b < fe:
                        b = fb
                    if fb < e < fe:
                        e = fe
                if e <= b or b < pos:
                    continue
                pos = e
                if snapped and snapped[-1][2] == b and snapped[-1][3] == cat:
                    snapped[-1] = (pi, snapped[-1][1], e, cat)
                else:
                    snapped.append((pi, b, e, cat))
            merged = snapped
        out.update(merged)
    return out


def _only_fields(fields, b, e):
    """Is [b, e) covered by text fields alone (extension: offset_map.hxx onlyFields)?"""
    inside = [(max(b, fb), min(e, fe)) for fb, fe in fields if fb < e and fe > b]
    return bool(inside) and sum(y - x for x, y in inside) == e - b


def compare_with_analysis(doc, factlens_bin, label, strict_headings=True):
    """Checks the document's highlighted ranges against `factlens analyze --format json`
    on its text (headings: a subset; plain shape text: none). Returns (got, expected).
    The extension tells the analysis which paragraphs are headings, the command cannot:
    with strict_headings=False, heading differences are printed, not failed."""
    texts, runs, fields = read_doc_text(doc, with_fields=True)
    got = highlighted_intervals(runs)
    paras = reader_paragraphs(doc)
    headings = {i for i, p in enumerate(paras)
                if p.supportsService("com.sun.star.text.Paragraph")
                and p.getPropertySetInfo().hasPropertyByName("OutlineLevel") and p.OutlineLevel > 0}
    # The entity stage reads a document as a whole (a name's label elsewhere), so the
    # command is told the headings too: the same input as the extension's.
    report = factlens_json(factlens_bin, texts, [i for i in headings if i < len(texts)])
    exp = expected_intervals(report, texts, None, fields)
    got_h = {g for g in got if g[0] in headings}
    exp_h = {x for x in exp if x[0] in headings}
    what = "%s: %d highlights in headings, all among the command's %d" % (label, len(got_h), len(exp_h))
    if not (check(got_h <= exp_h, what) if strict_headings else got_h <= exp_h or print("  note " + what + ": no")):
        for item in sorted(got_h - exp_h)[:5]:
            print("     extra  ", item, repr(texts[item[0]][item[1]:item[2]]))
    unpainted = set()
    reader_paragraphs(doc, unpainted)
    got_s = {g for g in got if g[0] in unpainted}
    if unpainted:
        check(not got_s, "%s: no highlight in plain shape text" % label)
    got = got - got_h - got_s
    exp = {x for x in exp if x[0] not in headings and x[0] not in unpainted}
    if not check(got == exp, "%s: %d highlighted ranges == %d analysis spans" % (label, len(got), len(exp))):
        for item in sorted(got - exp)[:5]:
            print("     extra  ", item, repr(texts[item[0]][item[1]:item[2]]))
        for item in sorted(exp - got)[:5]:
            print("     missing", item, repr(texts[item[0]][item[1]:item[2]]))
    return got, exp


# ----------------------------------------------------------------- canonical flat ODT
FILTERS = {".odt": "writer8", ".docx": "MS Word 2007 XML", ".doc": "MS Word 97",
           ".rtf": "Rich Text Format", ".fodt": "OpenDocument Text Flat XML"}
NS_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
NS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
VOLATILE_ATTRS = {"{http://openoffice.org/2009/office}rsid", "{http://openoffice.org/2009/office}paragraph-rsid"}


def canonical_flat_odt(data):
    """A flat ODT (bytes) as canonical text: office:meta and office:settings dropped
    (dates, view positions), soft page breaks dropped (the layout's progress when
    stored), rsids dropped, tracked-change and list ids numbered by appearance,
    attributes sorted, and every automatic
    style named by its content (family, parent, properties, recursively) instead of
    its number, so that P3 in one store and P4 in another compare equal when they
    are the same style. Returns a list of lines (one per element)."""
    import re
    import xml.etree.ElementTree as ET
    for prefix in (b"ct", b"list"):  # tracked-change and list ids differ per store: numbered by appearance
        ids = {}
        data = re.sub(rb'"' + prefix + rb'(\d+)"',
                      lambda m: b'"%s#%d"' % (prefix, ids.setdefault(m.group(1), len(ids))), data)
    root = ET.fromstring(data)
    for tag in ("meta", "settings"):
        for el in root.findall("{%s}%s" % (NS_OFFICE, tag)):
            root.remove(el)
    for parent in root.iter():  # written from the layout as far as it got: timing, not content
        kids = list(parent)
        for i, el in enumerate(kids):
            if el.tag != "{%s}soft-page-break" % NS_TEXT:
                continue
            if el.tail:  # its text goes to whatever came before it
                if i > 0 and kids[i - 1] in parent:
                    kids[i - 1].tail = (kids[i - 1].tail or "") + el.tail
                else:
                    parent.text = (parent.text or "") + el.tail
            parent.remove(el)
    autos = {}
    for holder in root.iter("{%s}automatic-styles" % NS_OFFICE):
        for st in holder:
            name = st.get("{%s}name" % NS_STYLE)
            if name:
                autos[name] = st
    keys = {}

    def key(name, depth=0):
        if name in keys:
            return keys[name]
        if depth > 20:
            return name
        keys[name] = "?"  # cycles
        keys[name] = "auto(%s)" % "|".join(_element_lines(autos[name], lambda n: key(n, depth + 1) if n in autos else n,
                                                       skip_name=True))
        return keys[name]

    rename = lambda n: key(n) if n in autos else n  # noqa: E731
    lines = []
    for child in root:
        if child.tag == "{%s}automatic-styles" % NS_OFFICE:
            lines += sorted(set(key(n) for n in autos))  # as a set: names differ, contents count
            continue
        lines += _element_lines(child, rename)
    return lines


def _element_lines(el, rename, skip_name=False, depth=0):
    attrs = []
    for k, v in sorted(el.attrib.items()):
        if k in VOLATILE_ATTRS or (skip_name and depth == 0 and k == "{%s}name" % NS_STYLE):
            continue
        if k.endswith("name") or k.endswith("names"):
            v = " ".join(rename(x) for x in v.split(" "))
        attrs.append("%s=%r" % (k.split("}")[-1], v))
    out = ["%s<%s %s>%s" % ("  " * depth, el.tag.split("}")[-1], " ".join(attrs), (el.text or "").strip())]
    for c in el:
        out += _element_lines(c, rename, skip_name, depth + 1)
        if c.tail and c.tail.strip():
            out.append("%s#tail %s" % ("  " * depth, c.tail.strip()))
    return out


def factlens_json(factlens_bin, paragraphs, headings=None):
    """Runs `factlens analyze` on the paragraphs joined by newlines: `--format json -`, or
    with `headings` (paragraph numbers Writer marks as headings, as the extension tells
    the analysis) one `--format jsonl` record carrying them."""
    text = "\n".join(paragraphs)
    if headings is None:
        args, data = ["--format", "json"], text.encode("utf-8")
    else:
        record = {"id": 0, "text": text, "headings": sorted(headings)}
        args, data = ["--format", "jsonl"], (json.dumps(record) + "\n").encode("utf-8")
    r = subprocess.run([factlens_bin, "analyze"] + args + ["-"], input=data,
                       capture_output=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError("factlens failed: %s" % r.stderr.decode("utf-8", "replace"))
    return json.loads(r.stdout)


# ----------------------------------------------------------------- documents by hand
def write_minimal_odt(path, paragraphs, table_rows=None):
    """An ODT written directly (fast for huge documents). paragraphs: list of (style, text);
    style "H1" makes a heading."""
    body = []
    for style, text in paragraphs:
        if style == "H1":
            body.append('<text:h text:outline-level="1">%s</text:h>' % escape(text))
        else:
            body.append("<text:p>%s</text:p>" % escape(text))
    if table_rows:
        cols = len(table_rows[0])
        body.append('<table:table table:name="T1"><table:table-column table:number-columns-repeated="%d"/>' % cols)
        for row in table_rows:
            body.append("<table:table-row>" + "".join(
                '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(c)
                for c in row) + "</table:table-row>")
        body.append("</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">'
               '<office:body><office:text>%s</office:text></office:body></office:document-content>' % "".join(body))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
