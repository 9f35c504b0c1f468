// Quote checks: each direct or mixed quotation against the best source passage.
//
//   units      the quotation as words, ellipses and bracketed parts
//   candidates source windows where its word bigrams (else rare words) cluster
//   alignment  a word alignment of the units on each window; the quotation is
//              free to start and end anywhere in it; an ellipsis skips any
//              number of source words, a bracket up to kBracketMaxWords
//   verdict    verbatim (no edit), altered (similarity >= floor), not_found
#include <algorithm>
#include <cstddef>
#include <limits>

#include "common/passage.h"
#include "sources/sources_internal.h"

namespace factlens {
namespace {

// ------------------------------------------------------------------ units

// A unit of a quotation: one word, an ellipsis (a gap) or a bracketed part.
struct Unit {
  enum class Kind : uint8_t { kWord, kGap, kBracket };
  Kind kind = Kind::kWord;
  uint32_t id = kUnknownWord;  // kWord
  int32_t paragraph = 0, begin = 0, end = 0;  // the draft characters
  bool ellipsis = false;   // kGap written as "…" or "..." (not a fragment join)
  bool bracketed = false;  // kWord with a bracketed part ("[T]he")
};

struct QuoteUnits {
  std::vector<Unit> units;
  int32_t words = 0;
  bool has_gap = false;
  bool truncated = false;
};

// The parts of attribution `a` to compare: a direct quotation's content; for a
// mixed one, the insides of the outermost quotation marks within the content; for
// a quotation split by its cue, its parts.
std::vector<Span> QuoteFragments(const Document& draft, const Report& report,
                                 const Attribution& a) {
  if (!a.parts.empty()) return a.parts;
  std::vector<Span> fragments;
  if (a.kind == AttributionKind::kMixed) {
    for (const Quotation& q : report.text.quotations) {
      if (q.depth != 0) continue;
      Span in = q.InsideIn(a.content.paragraph, draft);
      if (!in.valid()) continue;
      in.begin = std::max(in.begin, a.content.begin);
      in.end = std::min(in.end, a.content.end);
      if (in.begin < in.end) fragments.push_back(in);
    }
  }
  if (fragments.empty()) fragments.push_back(a.content);
  return fragments;
}

// Length of an ellipsis at t[i]: "…", three or more dots ("...", ". . ."), each
// also in square brackets ("[…]"); else 0.
int32_t EllipsisAt(const std::u16string& t, int32_t i, int32_t end) {
  if (t[i] == u'[') {
    const int32_t inner = i + 1 < end && t[i + 1] != u'[' ? EllipsisAt(t, i + 1, end) : 0;
    return inner > 0 && i + 1 + inner < end && t[i + 1 + inner] == u']' ? inner + 2 : 0;
  }
  if (t[i] == u'\u2026') return 1;
  int32_t j = i, dots = 0;
  while (j < end && t[j] == u'.') {
    ++dots, ++j;
    if (j + 1 < end && t[j] == u' ' && t[j + 1] == u'.') ++j;
  }
  return dots >= 3 ? j - i : 0;
}

void AddWords(const Document& draft, int32_t p, int32_t begin, int32_t end,
              const Vocabulary& vocab, QuoteUnits* out) {
  for (const Word& w : SplitWords(draft, p, begin, end, vocab)) {
    Unit u;
    u.id = w.id;
    u.paragraph = p;
    u.begin = w.begin;
    u.end = w.end;
    out->units.push_back(u);
    ++out->words;
  }
}

// "[T]he": a bracket glued to letters is part of one word, compared without
// its brackets. Returns the word unit for t[word_begin, word_end).
Unit BracketedWord(const std::u16string& t, int32_t p, int32_t word_begin, int32_t word_end,
                   const Vocabulary& vocab) {
  std::u16string form;
  for (int32_t k = word_begin; k < word_end; ++k)
    if (t[k] != u'[' && t[k] != u']') form.push_back(t[k]);
  Unit u;
  u.id = vocab.Find(NormalizeWord(form));
  u.paragraph = p;
  u.begin = word_begin;
  u.end = word_end;
  u.bracketed = true;
  return u;
}

// Adds the units of one fragment; returns nothing, appends to *out.
void FragmentUnits(const Document& draft, const Span& f, const Vocabulary& vocab,
                   QuoteUnits* out) {
  const std::u16string& t = draft.paragraphs[f.paragraph].text;
  int32_t plain = f.begin;  // start of the text not yet turned into units
  for (int32_t i = f.begin; i < f.end;) {
    const int32_t dots = EllipsisAt(t, i, f.end);
    const size_t close = t[i] == u'[' ? t.find(u']', i) : std::u16string::npos;
    if (dots == 0 && (close == std::u16string::npos || static_cast<int32_t>(close) >= f.end)) {
      ++i;
      continue;
    }
    int32_t start = i, stop = dots > 0 ? i + dots : static_cast<int32_t>(close) + 1;
    const bool glued = dots == 0 && ((start > f.begin && IsWordChar(t[start - 1])) ||
                                     (stop < f.end && IsWordChar(t[stop])));
    if (glued) {
      while (start > plain && IsWordChar(t[start - 1])) --start;
      while (stop < f.end && IsWordChar(t[stop])) ++stop;
    }
    AddWords(draft, f.paragraph, plain, start, vocab, out);
    Unit u = glued ? BracketedWord(t, f.paragraph, start, stop, vocab) : Unit{};
    if (!glued) {
      u.kind = dots > 0 ? Unit::Kind::kGap : Unit::Kind::kBracket;
      u.paragraph = f.paragraph;
      u.begin = start;
      u.end = stop;
      u.ellipsis = dots > 0;
    }
    out->words += glued ? 1 : 0;
    out->has_gap = out->has_gap || dots > 0;
    out->units.push_back(u);
    plain = i = stop;
  }
  AddWords(draft, f.paragraph, plain, f.end, vocab, out);
}

// Only the first kMaxQuoteUnits units of a quotation are compared (a bound on
// the alignment's memory and time); the check then notes "truncated".
constexpr size_t kMaxQuoteUnits = 300;

void Truncate(QuoteUnits* q) {
  if (q->units.size() <= kMaxQuoteUnits) return;
  q->units.resize(kMaxQuoteUnits);
  q->truncated = true;
  q->words = 0;
  for (const Unit& u : q->units) q->words += u.kind == Unit::Kind::kWord ? 1 : 0;
}

QuoteUnits UnitsOf(const Document& draft, const std::vector<Span>& fragments,
                   const Vocabulary& vocab) {
  QuoteUnits out;
  for (size_t k = 0; k < fragments.size(); ++k) {
    if (k > 0) {  // separately quoted parts of a mixed quotation: anything between
      Unit gap;
      gap.kind = Unit::Kind::kGap;
      gap.paragraph = fragments[k].paragraph;
      gap.begin = gap.end = fragments[k].begin;
      out.units.push_back(gap);
      out.has_gap = true;
    }
    FragmentUnits(draft, fragments[k], vocab, &out);
  }
  Truncate(&out);
  return out;
}

// ------------------------------------------------------------------ candidates

struct Hit {
  int32_t source = 0;
  int32_t diag = 0;  // source word position minus unit index
  int32_t unit = 0;
};

struct Window {
  int32_t source = 0;
  int32_t lo = 0, hi = 0;  // positions in SourceIndex::Data::words
  int32_t score = 0;       // distinct units that voted for it
};

void AddHits(const PostingTable& table, uint32_t key, int32_t unit,
             const SourceIndex::Data& index, std::vector<Hit>* hits) {
  const auto [first, last] = FindPostings(table, key);
  if (last - first >= static_cast<std::ptrdiff_t>(kMaxPostings)) return;  // too common
  for (auto it = first; it != last; ++it) {
    const int32_t pos = PostingPosition(*it);
    hits->push_back({index.word_source[pos], pos - unit, unit});
  }
}

bool IsWordUnit(const std::vector<Unit>& u, size_t i) {
  return i < u.size() && u[i].kind == Unit::Kind::kWord && u[i].id != kUnknownWord;
}

std::vector<Hit> CollectHits(const QuoteUnits& q, const SourceIndex::Data& index) {
  std::vector<Hit> hits;
  const std::vector<Unit>& u = q.units;
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (!IsWordUnit(u, i) || !IsWordUnit(u, i + 1)) continue;
    AddHits(index.bigrams, BigramKey(u[i].id, u[i + 1].id), static_cast<int32_t>(i), index,
            &hits);
  }
  if (!hits.empty()) return hits;
  for (size_t i = 0; i < u.size(); ++i)  // short or heavily changed: single words
    if (IsWordUnit(u, i)) AddHits(index.unigrams, u[i].id, static_cast<int32_t>(i), index, &hits);
  return hits;
}

// Hits on nearby diagonals of one source form a window; the best three windows.
std::vector<Window> Candidates(const QuoteUnits& q, const SourceIndex::Data& index) {
  std::vector<Hit> hits = CollectHits(q, index);
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.source != b.source ? a.source < b.source : a.diag < b.diag;
  });
  const int32_t jump = q.has_gap ? 200 : 12;
  const int32_t m = static_cast<int32_t>(q.units.size());
  std::vector<Window> windows;
  std::vector<int32_t> voted(q.units.size(), -1);
  for (size_t k = 0; k < hits.size(); ++k) {
    const Hit& h = hits[k];
    if (k == 0 || h.source != hits[k - 1].source || h.diag - hits[k - 1].diag > jump)
      windows.push_back({h.source, h.diag, h.diag, 0});
    Window& w = windows.back();
    w.hi = h.diag;
    if (voted[h.unit] != static_cast<int32_t>(windows.size())) ++w.score;
    voted[h.unit] = static_cast<int32_t>(windows.size());
  }
  std::stable_sort(windows.begin(), windows.end(),
                   [](const Window& a, const Window& b) { return a.score > b.score; });
  if (windows.size() > 3) windows.resize(3);
  for (Window& w : windows) {
    const SourceFile& f = index.files[w.source];
    w.lo = std::max(f.first_word, w.lo - 10);
    w.hi = std::min({f.end_word, w.hi + m + 10, w.lo + m + 600});
  }
  return windows;
}

// ------------------------------------------------------------------ alignment

// Back pointers of the alignment matrix.
enum Move : uint8_t { kDiag, kUp, kLeft, kSkip, kBracket0 };  // kBracket0 + k: k words

struct Step {
  Move move;
  int32_t unit;    // -1 for kLeft
  int32_t j0, j1;  // window-relative source words consumed
};

struct Alignment {
  int32_t source = -1;
  int32_t lo = 0;  // window start (global word position)
  int32_t cost = std::numeric_limits<int32_t>::max();
  double similarity = 0.0;
  std::vector<Step> steps;  // in draft order
};

// Fills row i of the matrix for unit u; returns nothing.
void FillRow(const Unit& u, const SourceIndex::Data& index, int32_t lo, size_t i, size_t n,
             std::vector<int32_t>* d, std::vector<uint8_t>* back) {
  const size_t w = n + 1, r = i * w, up = (i - 1) * w;
  std::vector<int32_t>& D = *d;
  std::vector<uint8_t>& B = *back;
  for (size_t j = 0; j <= n; ++j) {
    if (u.kind == Unit::Kind::kGap) {
      const bool skip = j > 0 && D[r + j - 1] < D[up + j];
      D[r + j] = skip ? D[r + j - 1] : D[up + j];
      B[r + j] = skip ? kSkip : kUp;
      continue;
    }
    if (u.kind == Unit::Kind::kBracket) {
      D[r + j] = D[up + j];
      B[r + j] = kBracket0;
      for (size_t k = 1; k <= kBracketMaxWords && k <= j; ++k) {
        if (D[up + j - k] < D[r + j]) D[r + j] = D[up + j - k], B[r + j] = kBracket0 + k;
      }
      continue;
    }
    D[r + j] = D[up + j] + 1;
    B[r + j] = kUp;
    if (j == 0) continue;
    const int32_t diag = D[up + j - 1] + (index.words[lo + j - 1].id == u.id ? 0 : 1);
    if (diag <= D[r + j]) D[r + j] = diag, B[r + j] = kDiag;
    if (D[r + j - 1] + 1 < D[r + j]) D[r + j] = D[r + j - 1] + 1, B[r + j] = kLeft;
  }
}

std::vector<Step> TraceBack(const std::vector<uint8_t>& back, size_t m, size_t n, size_t j) {
  std::vector<Step> steps;
  const size_t w = n + 1;
  for (size_t i = m; i > 0;) {
    const uint8_t b = back[i * w + j];
    const int32_t unit = static_cast<int32_t>(i) - 1, jj = static_cast<int32_t>(j);
    if (b == kDiag) {
      steps.push_back({kDiag, unit, jj - 1, jj}), --i, --j;
    } else if (b == kUp) {
      steps.push_back({kUp, unit, jj, jj}), --i;
    } else if (b == kLeft || b == kSkip) {
      steps.push_back({static_cast<Move>(b), b == kSkip ? unit : -1, jj - 1, jj}), --j;
    } else {
      const int32_t k = b - kBracket0;
      steps.push_back({kBracket0, unit, jj - k, jj}), --i, j -= k;
    }
  }
  std::reverse(steps.begin(), steps.end());
  return steps;
}

// Dice coefficient of the words: 2 * equal / (draft words + source words),
// leaving out the source words an ellipsis or a bracket stands for.
double Similarity(const std::vector<Step>& steps, const std::vector<Unit>& units,
                  const SourceIndex::Data& index, int32_t lo) {
  int32_t equal = 0, draft = 0, source = 0;
  for (const Step& s : steps) {
    const bool word = s.unit >= 0 && units[s.unit].kind == Unit::Kind::kWord;
    draft += word ? 1 : 0;
    source += s.move == kDiag || s.move == kLeft ? 1 : 0;
    equal += s.move == kDiag && index.words[lo + s.j0].id == units[s.unit].id ? 1 : 0;
  }
  return draft + source == 0 ? 0.0 : 2.0 * equal / (draft + source);
}

Alignment Align(const QuoteUnits& q, const SourceIndex::Data& index, const Window& win) {
  const size_t m = q.units.size(), n = static_cast<size_t>(win.hi - win.lo);
  std::vector<int32_t> d((m + 1) * (n + 1), 0);
  std::vector<uint8_t> back((m + 1) * (n + 1), kLeft);
  for (size_t i = 1; i <= m; ++i) FillRow(q.units[i - 1], index, win.lo, i, n, &d, &back);
  size_t best = 0;
  for (size_t j = 1; j <= n; ++j)
    if (d[m * (n + 1) + j] < d[m * (n + 1) + best]) best = j;
  Alignment a;
  a.source = win.source;
  a.lo = win.lo;
  a.cost = d[m * (n + 1) + best];
  a.steps = TraceBack(back, m, n, best);
  a.similarity = Similarity(a.steps, q.units, index, win.lo);
  return a;
}

Alignment BestAlignment(const QuoteUnits& q, const SourceIndex::Data& index) {
  Alignment best;
  for (const Window& w : Candidates(q, index)) {
    Alignment a = Align(q, index, w);
    if (a.similarity > best.similarity ||
        (a.similarity == best.similarity && a.cost < best.cost))
      best = std::move(a);
  }
  return best;
}

// ------------------------------------------------------------------ diff

std::u16string DraftText(const Document& draft, const Unit& first, const Unit& last) {
  const std::u16string& t = draft.paragraphs[first.paragraph].text;
  if (last.paragraph != first.paragraph || last.end < first.begin) return t.substr(first.begin);
  return t.substr(first.begin, last.end - first.begin);
}

// Source words [a, b) (global positions) as written, paragraphs joined by a space.
std::u16string SourceText(const SourceIndex::Data& index, int32_t a, int32_t b) {
  if (a >= b) return u"";
  const Document& doc = index.files[index.word_source[a]].doc;
  const Word &first = index.words[a], &last = index.words[b - 1];
  return PassageText(doc, Position{first.paragraph, first.begin}, Position{last.paragraph, last.end},
                     u" ");
}

// Appends one diff op for steps [s0, s1) of one kind of run.
void AddOp(const Document& draft, const QuoteUnits& q, const SourceIndex::Data& index,
           const Alignment& a, const std::vector<Step>& steps, size_t s0, size_t s1,
           std::vector<DiffOp>* diff) {
  int32_t u0 = -1, u1 = -1, j0 = -1, j1 = -1;
  for (size_t k = s0; k < s1; ++k) {
    if (steps[k].unit >= 0) u0 = u0 < 0 ? steps[k].unit : u0, u1 = steps[k].unit;
    if (steps[k].j1 > steps[k].j0) j0 = j0 < 0 ? steps[k].j0 : j0, j1 = steps[k].j1;
  }
  DiffOp op;
  if (u0 >= 0) op.draft = DraftText(draft, q.units[u0], q.units[u1]);
  if (j0 >= 0) op.source = SourceText(index, a.lo + j0, a.lo + j1);
  const bool marker = u0 >= 0 && q.units[u0].kind != Unit::Kind::kWord;
  if (marker && q.units[u0].kind == Unit::Kind::kGap && op.source.empty()) return;
  const bool equal = steps[s0].move == kDiag && !marker &&
                     index.words[a.lo + steps[s0].j0].id == q.units[steps[s0].unit].id;
  op.op = equal ? DiffOp::Op::kEqual
          : op.draft.empty() ? DiffOp::Op::kDelete
          : op.source.empty() ? DiffOp::Op::kInsert
                              : DiffOp::Op::kReplace;
  diff->push_back(std::move(op));
}

// Runs: equal words; edited words (substituted, added, dropped); each marker alone.
int RunClass(const Step& s, const QuoteUnits& q, const SourceIndex::Data& index, int32_t lo) {
  if (s.unit >= 0 && q.units[s.unit].kind != Unit::Kind::kWord) return 2;
  if (s.move == kDiag && index.words[lo + s.j0].id == q.units[s.unit].id) return 0;
  return 1;
}

std::vector<DiffOp> BuildDiff(const Document& draft, const QuoteUnits& q,
                              const SourceIndex::Data& index, const Alignment& a) {
  std::vector<Step> steps;  // without the source words skipped before the quote
  for (const Step& s : a.steps)
    if (!(s.move == kLeft && steps.empty())) steps.push_back(s);
  std::vector<DiffOp> diff;
  for (size_t s0 = 0; s0 < steps.size();) {
    const int cls = RunClass(steps[s0], q, index, a.lo);
    size_t s1 = s0 + 1;
    while (s1 < steps.size() && (cls == 2 ? steps[s1].unit == steps[s0].unit
                                          : RunClass(steps[s1], q, index, a.lo) == cls))
      ++s1;
    AddOp(draft, q, index, a, steps, s0, s1, &diff);
    s0 = s1;
  }
  return diff;
}

// ------------------------------------------------------------------ verdict

void SetPassage(const SourceIndex::Data& index, const Alignment& a, QuoteCheck* check) {
  int32_t first = -1, last = -1;
  for (const Step& s : a.steps) {
    if (s.j1 <= s.j0 || (s.move == kLeft && first < 0)) continue;
    if (first < 0) first = a.lo + s.j0;
    last = a.lo + s.j1 - 1;
  }
  if (first < 0) return;
  check->source_begin = {index.words[first].paragraph, index.words[first].begin};
  check->source_end = {index.words[last].paragraph, index.words[last].end};
}

std::vector<std::string> Notes(const QuoteUnits& q) {
  bool ellipsis = false, bracket = false;
  for (const Unit& u : q.units) {
    ellipsis = ellipsis || u.ellipsis;
    bracket = bracket || u.bracketed || u.kind == Unit::Kind::kBracket;
  }
  std::vector<std::string> notes;
  if (ellipsis) notes.push_back("ellipsis");
  if (bracket) notes.push_back("bracket");
  if (q.truncated) notes.push_back("truncated");
  return notes;
}

QuoteCheck CheckQuote(const Document& draft, const Report& report, int32_t i,
                      const SourceIndex::Data& index) {
  const Attribution& attribution = report.attributions[i];
  QuoteCheck check;
  check.attribution = i;
  check.content = attribution.content;
  const QuoteUnits q =
      UnitsOf(draft, QuoteFragments(draft, report, attribution), index.vocab);
  if (q.words == 0) return check;
  const Alignment a = BestAlignment(q, index);
  check.similarity = a.similarity;
  if (a.source < 0 || a.similarity < kQuoteSimilarityFloor) return check;
  check.status = a.cost == 0 ? QuoteStatus::kVerbatim : QuoteStatus::kAltered;
  check.source = a.source;
  SetPassage(index, a, &check);
  check.notes = Notes(q);
  check.diff = BuildDiff(draft, q, index, a);
  return check;
}

}  // namespace

std::vector<QuoteCheck> CheckQuotes(const Document& draft, const Report& report,
                                    const SourceIndex::Data& index) {
  std::vector<QuoteCheck> checks;
  for (size_t i = 0; i < report.attributions.size(); ++i) {
    const Attribution& a = report.attributions[i];
    if (a.kind == AttributionKind::kIndirect || !a.content.valid()) continue;
    checks.push_back(CheckQuote(draft, report, static_cast<int32_t>(i), index));
  }
  return checks;
}

}  // namespace factlens
