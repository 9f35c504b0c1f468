#!/usr/bin/env python3
"""Builds tests/eval/attributions_cases.jsonl from attributions_cases_src.py.

The source names every gold span by its text (content, cue, outlet, quoted
terms); this script finds it in the case text and writes code-point offsets, so
the JSONL carries both and eval_attributions.py can check they agree. A text
that occurs twice in a case is an error unless "@N" (N-th occurrence, 1-based)
is appended. Run: python3 tests/eval/make_attributions_cases.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import attributions_cases_src as src  # noqa: E402


def locate(text, needle, after=0):
    if needle is None:
        return None
    nth = 1
    if "@" in needle and needle.rsplit("@", 1)[1].isdigit():
        needle, n = needle.rsplit("@", 1)
        nth = int(n)
    positions = []
    i = text.find(needle)
    while i >= 0:
        positions.append(i)
        i = text.find(needle, i + 1)
    if not positions:
        raise SystemExit(f"not found: {needle!r} in {text!r}")
    if nth == 1 and len(positions) > 1:
        # prefer the first occurrence at or after `after`
        later = [p for p in positions if p >= after]
        start = later[0] if later else positions[0]
    else:
        start = positions[nth - 1]
    return {"start": start, "end": start + len(needle), "text": needle}


def main():
    out_path = os.path.join(HERE, "attributions_cases.jsonl")
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(json.dumps({"_generated_by": "tests/eval/make_attributions_cases.py from "
                              "attributions_cases_src.py; do not edit by hand"}) + "\n")
        for i, c in enumerate(src.C):
            text = c["text"]
            gold = []
            for a in c["attrs"]:
                content = locate(text, a["content"])
                cue = locate(text, a["cue"], 0) if a["cue"] else None
                outlet = locate(text, a["outlet"]) if a["outlet"] else None
                speaker = a["speaker"]
                gold.append({
                    "content": content,
                    "kind": a["kind"],
                    "speaker_name": speaker if isinstance(speaker, (str, type(None))) else speaker[0],
                    "speaker_alternatives": speaker[1:] if isinstance(speaker, list) else [],
                    "cue": cue,
                    "outlet": outlet,
                    "vague_source": a["vague"],
                    "belief": a["belief"],
                    "continuation": a["continuation"],
                })
            terms = [locate(text, t) for t in c["terms"]]
            split = "dev"
            if i >= getattr(src, "HELDOUT_FROM", len(src.C)):
                split = "heldout"
            if i >= getattr(src, "HELDOUT2_FROM", len(src.C)):
                split = "heldout2"
            if i >= getattr(src, "HELDOUT3_FROM", len(src.C)):
                split = "heldout3"
            if i >= getattr(src, "HELDOUT4_FROM", len(src.C)):
                split = "heldout4"
            if i >= getattr(src, "HELDOUT5_FROM", len(src.C)):
                split = "heldout5"
            rec = {"id": c["id"], "split": split, "text": text, "attributions": gold,
                   "quoted_terms": terms}
            if c["note"]:
                rec["note"] = c["note"]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(src.C)} cases to {out_path}")


if __name__ == "__main__":
    main()
