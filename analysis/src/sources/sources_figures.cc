// Figure checks: each money, percent, quantity, count or date figure of the
// draft against the sources' figures of the same kind and unit.
//
//   context   the figure's nearest content words in its sentence
//   score     shared context words, + 1 for each shared word among the
//             kNearWords next to it on the left ("fined $1.8 million"),
//             + 2 for the same counted noun
//   verdict   same: an equal value near shared words (or the only equal value
//             anywhere); different: another value where the context is clearly
//             the same (score >= kDifferentScore) and no equal value is as close;
//             otherwise not_found.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "sources/sources_internal.h"

namespace factlens {
namespace {

constexpr int kDifferentScore = 2;

const FigureKind kCheckedKinds[] = {FigureKind::kMoney,    FigureKind::kPercent,
                                    FigureKind::kQuantity, FigureKind::kNumber,
                                    FigureKind::kDate,     FigureKind::kDuration};

// Counts: a bare number and a quantity without a measure unit ("230 families").
bool IsCount(const Figure& f) {
  return f.kind == FigureKind::kNumber || (f.kind == FigureKind::kQuantity && f.unit.empty());
}

bool Checked(const Figure& f) {
  if (f.value.type == FigureValue::Type::kNone) return false;
  for (FigureKind kind : kCheckedKinds)
    if (f.kind == kind) return true;
  return false;
}

const Sentence* SentenceOf(const Report& report, const Span& span) {
  if (span.paragraph < 0 || span.paragraph >= static_cast<int32_t>(report.text.paragraphs.size()))
    return nullptr;
  for (const Sentence& s : report.text.paragraphs[span.paragraph].sentences)
    if (s.begin <= span.begin && span.begin < s.end) return &s;
  return nullptr;
}

bool IsNumberWord(const Document& doc, const Word& w) {
  const char16_t c = doc.paragraphs[w.paragraph].text[w.begin];
  return c >= u'0' && c <= u'9';
}

// ------------------------------------------------------------------ values

// Significant digits of a number as printed ("1200" → 2, "12.5" → 3).
int SignificantDigits(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", std::fabs(v));
  std::string digits;
  for (const char* c = buf; *c && *c != 'e'; ++c)
    if (*c >= '0' && *c <= '9') digits.push_back(*c);
  digits.erase(0, digits.find_first_not_of('0'));
  const bool has_point = std::strchr(buf, '.') != nullptr;
  if (!has_point) digits.erase(digits.find_last_not_of('0') + 1);
  return static_cast<int>(std::max<size_t>(digits.size(), 1));
}

double RoundSignificant(double v, int digits) {
  if (v == 0) return 0;
  const double scale = std::pow(10.0, digits - 1 - std::floor(std::log10(std::fabs(v))));
  return std::round(v * scale) / scale;
}

bool Close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); }

// Equal, or the draft rounds the source ("1.2 billion" for 1.23 billion) with at
// least two significant digits, or any when the draft says it is approximate.
// A draft number and what rounding it allows, computed once per draft figure.
struct DraftNumber {
  double value = 0;
  int digits = 0;        // significant digits
  double half_unit = 0;  // half a unit of its last significant digit; 0: no rounding
};

DraftNumber MakeDraftNumber(double v, bool approx) {
  DraftNumber n{v, SignificantDigits(v), 0.0};
  if (v != 0 && (n.digits >= 2 || approx))
    n.half_unit = 0.5 * std::pow(10.0, std::floor(std::log10(std::fabs(v))) - n.digits + 1);
  return n;
}

bool NumbersMatch(const DraftNumber& draft, double source) {
  if (Close(draft.value, source)) return true;
  if (std::fabs(draft.value - source) > draft.half_unit * 1.000001) return false;
  return draft.digits < SignificantDigits(source) &&
         Close(RoundSignificant(source, draft.digits), draft.value);
}

// ISO strings at any precision; a missing year ("--03-05") compares month-day;
// "2024-03" matches "2024-03-05" (one is the other at a coarser precision).
bool DatesMatch(const std::string& a, const std::string& b) {
  if (a.rfind("--", 0) == 0 || b.rfind("--", 0) == 0) {
    auto md = [](const std::string& s) {
      return s.rfind("--", 0) == 0 ? s.substr(2) : s.substr(5);
    };
    if (a.size() < 5 || b.size() < 5) return false;
    return md(a) == md(b);
  }
  const size_t n = std::min(a.size(), b.size());
  return n >= 4 && a.compare(0, n, b, 0, n) == 0;
}

struct DraftValue {
  const Figure& figure;
  DraftNumber lo, hi;
};

DraftValue MakeDraftValue(const Figure& f) {
  return {f, MakeDraftNumber(f.value.lo, f.approx), MakeDraftNumber(f.value.hi, f.approx)};
}

bool ValuesMatch(const DraftValue& draft, const Figure& source) {
  const FigureValue &d = draft.figure.value, &s = source.value;
  if (d.type != s.type) return false;
  switch (d.type) {
    case FigureValue::Type::kNumber: return NumbersMatch(draft.lo, s.lo);
    case FigureValue::Type::kNumberRange:
      return NumbersMatch(draft.lo, s.lo) && NumbersMatch(draft.hi, s.hi);
    case FigureValue::Type::kString: return DatesMatch(d.str_lo, s.str_lo);
    case FigureValue::Type::kStringRange:
      return DatesMatch(d.str_lo, s.str_lo) && DatesMatch(d.str_hi, s.str_hi);
    case FigureValue::Type::kNone: return false;
  }
  return false;
}

// A draft number without a unit may leave out the source's unit ("from 52 to 38
// a week" for "from 52 to 38 hours").
bool BareNumberFor(const Figure& draft, const Figure& source) {
  return draft.kind == FigureKind::kNumber && draft.unit.empty() &&
         (IsCount(source) || source.kind == FigureKind::kDuration ||
          source.kind == FigureKind::kQuantity);
}

// Same kind and unit, or both counts.
bool Comparable(const Figure& draft, const Figure& source) {
  if ((IsCount(draft) && IsCount(source)) || BareNumberFor(draft, source)) return true;
  return draft.kind == source.kind && draft.unit == source.unit;
}

bool SameCounted(const FigureContext& draft, const FigureContext& source) {
  return !draft.counted.empty() && draft.counted == source.counted;
}

// ------------------------------------------------------------------ matching

struct Candidate {
  int32_t source = -1, figure = -1, score = -1;
};

// Shared context words with every source figure (by index in figure_refs).
std::vector<int32_t> SharedWords(const FigureContext& context, const SourceIndex::Data& index) {
  std::vector<int32_t> shared(index.figure_refs.size(), 0);
  for (uint32_t word : context.words) {
    const auto [first, last] = FindPostings(index.figure_words, word);
    for (auto it = first; it != last; ++it) ++shared[PostingPosition(*it)];
  }
  return shared;
}

int32_t NearBonus(const FigureContext& a, const FigureContext& b) {
  int32_t near = 0;
  for (uint32_t id : a.near)
    near += std::find(b.near.begin(), b.near.end(), id) != b.near.end() ? 1 : 0;
  return near;
}

struct Best {
  Candidate same, different;
  int32_t equal_values = 0;  // comparable source figures with an equal value
};

Best FindBest(const Figure& f, const FigureContext& context, const SourceIndex::Data& index) {
  Best best;
  const DraftValue value = MakeDraftValue(f);
  const std::vector<int32_t> shared = SharedWords(context, index);
  for (size_t g = 0; g < index.figure_refs.size(); ++g) {
    const auto [s, k] = index.figure_refs[g];
    const Figure& sf = index.files[s].report.figures[k];
    if (!Checked(sf) || !Comparable(f, sf)) continue;
    const bool equal = ValuesMatch(value, sf);
    best.equal_values += equal ? 1 : 0;
    const FigureContext& c = index.files[s].figure_context[k];
    const bool counted = SameCounted(context, c);
    if (!equal && shared[g] == 0 && !counted) continue;  // cannot reach kDifferentScore
    const int32_t score = shared[g] + NearBonus(context, c) + (counted ? 2 : 0);
    Candidate& slot = equal ? best.same : best.different;
    if (score > slot.score) slot = {s, k, score};
  }
  return best;
}

FigureCheck Verdict(int32_t figure, const Figure& f, const Best& best) {
  FigureCheck check;
  check.figure = figure;
  const Candidate &same = best.same, &diff = best.different;
  const bool clear_diff = diff.score >= kDifferentScore && diff.score > same.score + 1;
  const bool only_equal = best.equal_values == 1 && f.kind != FigureKind::kNumber;
  const Candidate* chosen = nullptr;
  if (clear_diff) {
    check.status = FigureStatus::kDifferent, chosen = &diff;
  } else if (same.score >= 1 || (same.figure >= 0 && only_equal)) {
    check.status = FigureStatus::kSame, chosen = &same;
  } else if (diff.score >= kDifferentScore) {
    check.status = FigureStatus::kDifferent, chosen = &diff;
  }
  if (chosen) check.source = chosen->source, check.source_figure = chosen->figure;
  return check;
}

}  // namespace

FigureContext ContextOf(const Document& doc, const Report& report, const Figure& figure,
                        const SourceIndex::Data& index) {
  const Sentence* s = SentenceOf(report, figure.span);
  const int32_t begin = s ? s->begin : 0, end = s ? s->end : -1;
  const std::vector<Word> words = SplitWords(doc, figure.span.paragraph, begin, end, index.vocab);
  FigureContext context;
  context.counted = NormalizeWord(figure.counted);
  std::vector<uint32_t>& ids = context.words;
  int taken = 0;  // on the current side
  auto take = [&](const Word& w) {
    if (w.id < index.stopwords || IsNumberWord(doc, w)) return false;
    ids.push_back(w.id);
    return ++taken >= kContextWords;
  };
  auto split = std::lower_bound(words.begin(), words.end(), figure.span.begin,
                                [](const Word& w, int32_t pos) { return w.begin < pos; });
  for (auto it = split; it != words.begin();)
    if (take(*--it)) break;
  context.near.assign(ids.begin(), ids.begin() + std::min<size_t>(ids.size(), kNearWords));
  taken = 0;
  for (auto it = split; it != words.end(); ++it)
    if (it->begin >= figure.span.end && take(*it)) break;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return context;
}

std::vector<FigureCheck> CheckFigures(const Document& draft, const Report& report,
                                      const SourceIndex::Data& index) {
  std::vector<FigureCheck> checks;
  for (size_t i = 0; i < report.figures.size(); ++i) {
    const Figure& f = report.figures[i];
    if (!Checked(f)) continue;
    const Best best = FindBest(f, ContextOf(draft, report, f, index), index);
    checks.push_back(Verdict(static_cast<int32_t>(i), f, best));
  }
  return checks;
}

}  // namespace factlens
