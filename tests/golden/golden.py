#!/usr/bin/env python3
"""Golden test: runs factlens on an input and compares its JSON with the expected file.

    golden.py --factlens BIN INPUT EXPECTED.json            compare (exit 1 on difference)
    golden.py --factlens BIN INPUT EXPECTED.json --update   rewrite EXPECTED.json

Both sides are canonicalised (keys sorted, floats rounded to 6 places, 1-space indent),
so only real changes show; a difference prints a unified diff with the path of every
changed value. Regenerate after an intended change with tests/golden/update.sh.
"""
import argparse
import difflib
import json
import subprocess
import sys


def canonical(obj):
    def fix(v):
        if isinstance(v, float):
            return round(v, 6)
        if isinstance(v, list):
            return [fix(x) for x in v]
        if isinstance(v, dict):
            return {k: fix(x) for k, x in v.items()}
        return v
    return json.dumps(fix(obj), sort_keys=True, indent=1, ensure_ascii=False)


def brief(v, what, width=110):
    """'added: {...}' with the value on one line, shortened."""
    text = json.dumps(v, ensure_ascii=False, sort_keys=True)
    if len(text) > width:
        text = text[:width - 3] + "..."
    return "%s: %s" % (what, text)


def paths(a, b, prefix=""):
    """Yields JSON paths whose values differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                yield "%s.%s %s" % (prefix, k, brief(b[k], "added") if k in b else
                                    brief(a[k], "removed"))
            else:
                yield from paths(a[k], b[k], "%s.%s" % (prefix, k))
    elif isinstance(a, list) and isinstance(b, list):
        for i in range(max(len(a), len(b))):
            if i >= len(a) or i >= len(b):
                yield "%s[%d] %s" % (prefix, i, brief(b[i], "added") if i >= len(a) else
                                     brief(a[i], "removed"))
            else:
                yield from paths(a[i], b[i], "%s[%d]" % (prefix, i))
    elif a != b:
        yield "%s: %r -> %r" % (prefix or "<root>", a, b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--factlens", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("input")
    ap.add_argument("expected")
    args = ap.parse_args()

    p = subprocess.run([args.factlens, "analyze", "--format", "json", args.input],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        print("golden: factlens exited with %d" % p.returncode)
        return 1
    actual = json.loads(p.stdout.decode("utf-8"))
    if next(iter(actual)) != "schema":
        print("golden: the output does not start with \"schema\"")
        return 1

    if args.update:
        with open(args.expected, "w", encoding="utf-8") as f:
            json.dump(actual, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print("golden: wrote %s" % args.expected)
        return 0

    try:
        with open(args.expected, encoding="utf-8") as f:
            expected = json.load(f)
    except FileNotFoundError:
        print("golden: %s is missing; run tests/golden/update.sh" % args.expected)
        return 1
    a, b = canonical(expected), canonical(actual)
    if a == b:
        print("golden: %s matches %s" % (args.input, args.expected))
        return 0
    print("golden: factlens output for %s differs from %s" % (args.input, args.expected))
    print("changed values (expected -> actual):")
    diffs = list(paths(json.loads(a), json.loads(b)))
    for d in diffs[:60]:
        print("  " + d)
    if len(diffs) > 60:
        print("  ... and %d more" % (len(diffs) - 60))
    print("unified diff (canonical JSON):")
    lines = difflib.unified_diff(a.splitlines(), b.splitlines(), "expected", "actual",
                                 lineterm="", n=2)
    for i, line in enumerate(lines):
        if i >= 400:
            print("... (diff truncated)")
            break
        print(line)
    print("If the change is intended: bash tests/golden/update.sh")
    return 1


if __name__ == "__main__":
    sys.exit(main())
