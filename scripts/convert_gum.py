#!/usr/bin/env python3
"""Converts GUM's entity layer (WebAnno TSV 3.2) into the NER trainer's JSONL format.

Usage: python3 scripts/convert_gum.py [--train-genres LIST] SHARED_DIR OUT_DIR
Reads SHARED_DIR/corpora/gum/entities/GUM_*.tsv and writes OUT_DIR/gum_train.jsonl and
OUT_DIR/gum_dev.jsonl (the format of corpora/ner/train_wikigold.jsonl: one sentence per
line with "id", "doc_id", "text", "entities" and "tokens"; offsets in code points, end
exclusive). Standard library only; deterministic (sorted input, fixed rules).

What counts as a name. GUM annotates every mention (pronouns, common-noun phrases,
names) with an entity type and, when it has one, a Wikipedia identity. Identity alone
does not make a name ("iodine", "the mineral" are linked to Iodine), so a mention is a
name when its *name core* is its head:
  - leading determiners/possessives ("the", "his"), lower-case words and titles
    (analysis/data/ner/titles.txt: "Professor", "President") are stripped;
  - the core is the run of capitalised words that follows, continued over digits and
    name connectors ("of", "and", "de", "&", "-") when a capitalised word follows
    ("Medical Journal of Australia");
  - the core must end the mention or be followed by punctuation, a possessive or a
    function word ("Cres Eastman , director of ..."): a core followed by a lower-case
    content word is a modifier of a common noun ("Australian children",
    "the American president") and the mention is not a name;
  - a one-word core opening a sentence is capitalised anyway: it is a name only when the
    word never occurs in lower case in the document and either has a Wikipedia identity
    or is not a lower-case dictionary word (analysis/data/ner/dict_words.txt);
    pronouns are never names.
Types: person -> PERSON, organization -> ORG, place -> PLACE; event, object, abstract,
substance, animal and plant names -> MISC ("World Cup", "Internet Explorer 6",
"English"); time and quantity mentions are dropped (dates are not names here).

Nesting. Mentions nest ("the Medical Journal of Australia" contains the place
"Australia"); the trainer's tagger is flat (BILOU), and the evaluation sets (CoNLL-2003,
UNER) and wikigold annotate the outermost name only, so of overlapping name cores the
longest is kept (the journal is one ORG); for the same core the most specific mention
(the shortest) gives the type; a coordination whose capitalised words all belong to
two or more inner names ("English and Latin", "New South Wales and Victoria") yields
the inner names.

Demonyms and nationality adjectives ("Australian children") are not GUM mentions, and
GUM's other names are capitalised abstract nouns as often as CoNLL-style MISC
("Internet", "DNA", "PhD", "Magic"): so gum_train.jsonl carries PERSON, ORG and PLACE
only (MISC spans are dropped; gum_dev.jsonl keeps them), and the trainer loads GUM like
the Broad Twitter Corpus (a predicted MISC over gold O is not penalised). Keeping GUM's
MISC in training measured lower on the Reuters dev set (docs/entities.md).

Text. Each `#Text=` line is one sentence: the tokens joined by spaces (token offsets
index the document's space-joined tokens). The sentence text is rebuilt from the tokens
with the usual English spacing (no space before , . ; : ! ? ) 's n't, none after ( and
opening quotes, none around a hyphen between two words), so the trainer sees ordinary
prose; span offsets are recomputed on the rebuilt text.

Split (fixed, by document name, sorted): within each genre the documents are sorted by
name and every 5th one (positions 4, 9, 14, ... counted from 0) goes to gum_dev, the rest
to gum_train: 4 of the 24 news documents, 3 of 19 interviews, 3 of 18 academic, 4 of 20
bio, 1 of 9 court, 3 of 18 voyage (the script prints the counts). gum_dev keeps every
genre; gum_train holds only the genres of --train-genres (default
news,interview,academic,court: the CC-BY texts. With the CC-BY-SA biographies and
travel guides as well, UNER dev (model only) measured 0.665 against 0.680, and a model
trained on share-alike text is better avoided; docs/entities.md).
"""
import collections
import glob
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NER_DATA = os.path.join(REPO, "analysis", "data", "ner")

TYPE_MAP = {"person": "PERSON", "organization": "ORG", "place": "PLACE",
            "event": "MISC", "object": "MISC", "abstract": "MISC", "substance": "MISC",
            "animal": "MISC", "plant": "MISC"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
               "their", "our", "my", "your", "some", "any", "all", "both", "each", "every"}
PRONOUNS = {"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them",
            "this", "that", "these", "those", "who", "whom", "what", "which", "one",
            "myself", "yourself", "himself", "herself", "itself", "ourselves", "themselves",
            "mine", "yours", "his", "hers", "ours", "theirs", "there", "here"}
CONNECTORS = {"of", "and", "&", "de", "del", "della", "der", "den", "van", "von", "da", "di",
              "du", "des", "la", "le", "y", "for", "on", "the", "-", "'n'", "upon", "am"}
# After a core, these keep the mention a name (punctuation, possessives, function words).
BOUNDARY = {"of", "in", "at", "on", "for", "from", "with", "by", "to", "who", "whom",
            "which", "that", "whose", "where", "when", "and", "or", "as", "'s", "'", "’s",
            "’", "about", "into", "under", "over", "near", "after", "before", "during",
            "since", "between", "among", "against", "via", "per", "than", "like", "is",
            "was", "are", "were", "himself", "herself", "itself", "themselves", "alone",
            "itself", "there", "here", "today", "now", "then"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "'re",
                   "'ve", "'ll", "'d", "'m", "…", "...", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}


def load_words(name):
    out = set()
    with open(os.path.join(NER_DATA, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            out.add(line.split("\t")[0].strip())
    return out


TITLES = {t.lower().rstrip(".") for t in load_words("titles.txt")}
DICT_WORDS = load_words("dict_words.txt")
DICT_NAMES = load_words("dict_names.txt")
FIRST_NAMES = load_words("first_names.txt")
DEMONYMS = load_words("demonyms.txt") | load_words("demonyms_extra.txt")


def is_demonym(w):
    return w in DEMONYMS or (w.endswith("s") and w[:-1] in DEMONYMS)


def is_cap(w):
    return any(c.isupper() for c in w[:2]) or (w[:1].islower() and any(c.isupper() for c in w[1:]))


def is_punct(w):
    return not any(c.isalnum() for c in w)


def read_tsv(path):
    """Sentences: lists of tokens {form, ents: [(type, id)], ident: {id: identity}}."""
    sents, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#Text="):
                sents.append([])
                texts.append(line[len("#Text="):])
                continue
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            ents, ident = [], {}
            if cols[3] != "_":
                for e in cols[3].split("|"):
                    m = re.match(r"([a-z]+)(?:\[(\d+)\])?$", e)
                    if m:
                        ents.append((m.group(1), m.group(2) or "t" + cols[0]))
            if len(cols) > 6 and cols[6] != "_":
                for e in cols[6].split("|"):
                    m = re.match(r"(.+?)(?:\[(\d+)\])?$", e)
                    if m:
                        ident[m.group(2) or "t" + cols[0]] = m.group(1)
            sents[-1].append({"form": cols[2], "ents": ents, "ident": ident})
    for s, t in zip(sents, texts):  # the format's own invariant: Text = joined tokens
        if " ".join(tok["form"] for tok in s) != t:
            sys.exit(f"convert_gum: {path}: tokens do not match #Text={t[:60]}")
    return [s for s in sents if s]


def detokenize(forms):
    """Sentence text and [start, end] code-point offsets of each token."""
    text, offs, quote_open = "", [], False
    prev = None
    for i, w in enumerate(forms):
        space = bool(text)
        if w in NO_SPACE_BEFORE or w.lower() in NO_SPACE_BEFORE:
            space = False
        if prev is not None and (prev in NO_SPACE_AFTER or (prev == '"' and quote_open)):
            space = False
        if w == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        if w == "-" and prev is not None and prev[-1:].isalnum() and i + 1 < len(forms) \
                and forms[i + 1][:1].isalnum():
            space = False
        if prev == "-" and i >= 2 and forms[i - 2][-1:].isalnum() and w[:1].isalnum():
            space = False
        if space:
            text += " "
        offs.append([len(text), len(text) + len(w)])
        text += w
        prev = w
    return text, offs


def mention_spans(sent):
    """{mention id: (type, first token, last token, identity)} for one sentence."""
    out = {}
    for i, tok in enumerate(sent):
        for typ, mid in tok["ents"]:
            if mid in out:
                t, a, b, ident = out[mid]
                out[mid] = (t, a, i, ident or tok["ident"].get(mid))
            else:
                out[mid] = (typ, i, i, tok["ident"].get(mid))
    return out


def name_core(sent, a, b, ident, lower_seen, title_case, person):
    """(first, last) token of the mention's name, or None when it is not a name."""
    forms = [t["form"] for t in sent]
    i = a
    while i <= b:
        w = forms[i]
        wl = w.lower().rstrip(".")
        if is_punct(w) or wl in DETERMINERS or wl in TITLES or not is_cap(w):
            i += 1
            continue
        break
    if i > b:
        return None
    start = i
    # A core preceded by a lower-case content word inside the mention ("former
    # Australian ...") is fine; the core itself runs over capitalised words.
    j = i
    last = i
    while j + 1 <= b:
        w = forms[j + 1]
        if is_cap(w) or (w[:1].isdigit() and j + 1 > start):
            j += 1
            last = j
            continue
        if w.lower() in CONNECTORS:
            k = j + 1
            while k <= b and forms[k].lower() in CONNECTORS:
                k += 1
            # "of Australia", "and Technology" continue the name when a capitalised
            # word follows; a hyphen continues it over any word ("Lee Cheuk-yan").
            if k <= b and (is_cap(forms[k]) or (w == "-" and forms[k][:1].isalnum())):
                j = k
                last = k
                continue
        break
    end = last
    if end < b:
        nxt = forms[end + 1]
        if not (is_punct(nxt) or nxt.lower() in BOUNDARY):
            return None
    # A title inside the run starts the name after it ("US President Barack Obama",
    # "NASA Administrator Charles Bolden"); a sentence-opening common word before a
    # name is not part of it ("Biologist Nick Bos").
    for k in range(end - 1, start - 1, -1):
        if forms[k].lower().rstrip(".") in TITLES:
            start = k + 1
            break
    at_start = start == 0 or all(is_punct(x) for x in forms[:start])
    if person and at_start and end > start and forms[start].lower() in DICT_WORDS \
            and forms[start] not in DICT_NAMES and forms[start] not in FIRST_NAMES:
        if not is_cap(forms[start + 1]):
            return None  # "Members of the Sea Org": a common head
        start += 1
    if title_case and not ident:
        return None
    core = forms[start:end + 1]
    if len(core) == 1:
        w = core[0]
        wl = w.lower()
        if wl in PRONOUNS:
            return None
        if at_start:
            if wl in lower_seen or (not ident and wl in DICT_WORDS):
                return None
    return start, end


def convert_doc(path):
    name = os.path.splitext(os.path.basename(path))[0]
    sents = read_tsv(path)
    lower_seen = set()
    for s in sents:
        for k, t in enumerate(s):
            if k > 0 and t["form"][:1].islower():
                lower_seen.add(t["form"].lower())
    records = []
    for n, s in enumerate(sents):
        forms = [t["form"] for t in s]
        text, offs = detokenize(forms)
        # Title-case lines (headings: "Aesthetic Appreciation and Spanish Art"): only
        # mentions with a Wikipedia identity count as names there.
        long_words = [w for w in forms if len(w) > 3 and w[:1].isalpha()]
        title_case = len(long_words) >= 3 and \
            sum(is_cap(w) for w in long_words) >= 0.8 * len(long_words)
        cands = []
        for mid, (typ, a, b, ident) in mention_spans(s).items():
            if typ not in TYPE_MAP:
                continue
            core = name_core(s, a, b, ident, lower_seen, title_case, typ == "person")
            if core is None:
                continue
            t = TYPE_MAP[typ]
            if core[0] == core[1] and is_demonym(forms[core[0]]):
                t = "MISC"  # "Muslims", "Belgians": groups named by nationality
            cands.append((core[0], core[1], b - a, t))
        # Longest core first; for the same core the shortest (most specific) mention.
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2], c[3]))
        kept = []
        for c in cands:
            if any(not (c[1] < k[0] or c[0] > k[1]) for k in kept):
                continue
            # A coordination ("English and Latin", "Turks and Tatars"): when the
            # capitalised words of a core all belong to two or more smaller name
            # cores inside it, those are the names.
            inner = [d for d in cands if d is not c and c[0] <= d[0] and d[1] <= c[1]
                     and (d[0], d[1]) != (c[0], c[1])]
            covered = {k for d in inner for k in range(d[0], d[1] + 1)}
            caps = [k for k in range(c[0], c[1] + 1) if is_cap(forms[k])]
            starts = {d[0] for d in inner}
            if len(starts) >= 2 and all(k in covered for k in caps):
                continue
            kept.append(c)
        kept.sort()
        ents = []
        for a, b, _, typ in kept:
            st, en = offs[a][0], offs[b][1]
            ents.append({"start": st, "end": en, "type": typ, "text": text[st:en]})
        records.append({"id": f"{name}-s{n:03d}", "doc_id": name, "text": text,
                        "entities": ents, "tokens": offs,
                        "source": "GUM (Georgetown University Multilayer corpus), "
                                  + genre_licence(name)})
    return name, records


# CC-BY texts; the CC-BY-SA genres (bio, voyage) lowered UNER dev (module docstring).
DEFAULT_TRAIN_GENRES = {"news", "interview", "academic", "court"}


def genre(name):
    return name.split("_")[1]


def genre_licence(name):
    return {"news": "Wikinews text CC-BY 2.5", "interview": "Wikinews text CC-BY 2.5",
            "academic": "text CC-BY 4.0", "court": "text CC-BY 4.0",
            "bio": "Wikipedia text CC-BY-SA 3.0",
            "voyage": "Wikivoyage text CC-BY-SA 3.0"}.get(genre(name), "see gum/LICENSE.txt") \
        + "; annotations CC-BY 4.0"


def main():
    args = sys.argv[1:]
    train_genres = DEFAULT_TRAIN_GENRES
    if len(args) == 4 and args[0] == "--train-genres":
        train_genres = set(args[1].split(","))
        args = args[2:]
    if len(args) != 2:
        sys.exit(__doc__.split("\n\n")[0] +
                 "\nusage: convert_gum.py [--train-genres LIST] SHARED_DIR OUT_DIR")
    shared, out_dir = args
    files = sorted(glob.glob(os.path.join(shared, "corpora", "gum", "entities", "GUM_*.tsv")))
    if not files:
        sys.exit(f"convert_gum: no GUM_*.tsv under {shared}/corpora/gum/entities")
    os.makedirs(out_dir, exist_ok=True)
    by_genre = collections.defaultdict(list)
    for f in files:
        by_genre[genre(os.path.basename(f))].append(f)
    split = {"train": [], "dev": []}
    counts = collections.Counter()
    for g in sorted(by_genre):
        for k, f in enumerate(sorted(by_genre[g])):
            part = "dev" if k % 5 == 4 else "train"
            if part == "train" and g not in train_genres:
                continue
            _, recs = convert_doc(f)
            if part == "train":
                for r in recs:
                    r["entities"] = [e for e in r["entities"] if e["type"] != "MISC"]
            split[part].extend(recs)
            counts[(part, g, "docs")] += 1
            counts[(part, g, "ents")] += sum(len(r["entities"]) for r in recs)
            for r in recs:
                for e in r["entities"]:
                    counts[(part, "type", e["type"])] += 1
    for part, recs in split.items():
        path = os.path.join(out_dir, f"gum_{part}.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        per = ", ".join(f"{g} {counts[(part, g, 'docs')]}" for g in sorted(by_genre))
        types = ", ".join(f"{t} {counts[(part, 'type', t)]}"
                          for t in ("PERSON", "ORG", "PLACE", "MISC"))
        print(f"convert_gum: {path}: {len(recs)} sentences; documents {per}; {types}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
