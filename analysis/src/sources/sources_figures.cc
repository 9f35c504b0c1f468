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
bool NumbersMatch(double draft, double source, bool approx) {
  if (Close(draft, source)) return true;
  if (draft == 0 || std::fabs(draft - source) > 0.5 * std::fabs(draft)) return false;
  const int d = SignificantDigits(draft);
  const double half_unit = 0.5 * std::pow(10.0, std::floor(std::log10(std::fabs(draft))) - d + 1);
  if ((d < 2 && !approx) || std::fabs(draft - source) > half_unit * 1.000001) return false;
  return d < SignificantDigits(source) && Close(RoundSignificant(source, d), draft);
}

// ISO strings at any precision; a missing year ("--03-05") compares month-day;
// "2024-03" matches "2024-03-05" (one is the other at a coarser precision).
bool DatesMatch(const std::string& a, const std::string& b) {
  if (a.rfind("--", 0) == 0 || b.rfind("--", 0) == 0) {
    auto md = [](const std::string& s) { return s.rfind("--", 0) == 0 ? s.substr(2) : s.substr(5); };
    if (a.size() < 5 || b.size() < 5) return false;
    return md(a) == md(b);
  }
  const size_t n = std::min(a.size(), b.size());
  return n >= 4 && a.compare(0, n, b, 0, n) == 0;
}

bool ValuesMatch(const Figure& draft, const Figure& source) {
  const FigureValue &d = draft.value, &s = source.value;
  if (d.type != s.type) return false;
  switch (d.type) {
    case FigureValue::Type::kNumber: return NumbersMatch(d.lo, s.lo, draft.approx);
    case FigureValue::Type::kNumberRange:
      return NumbersMatch(d.lo, s.lo, draft.approx) && NumbersMatch(d.hi, s.hi, draft.approx);
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

int32_t SharedWords(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  int32_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++n, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return n;
}

int32_t Score(const FigureContext& a, const FigureContext& b) {
  int32_t near = 0;
  for (uint32_t id : a.near)
    near += std::find(b.near.begin(), b.near.end(), id) != b.near.end() ? 1 : 0;
  return SharedWords(a.words, b.words) + near;
}

struct Best {
  Candidate same, different;
  int32_t equal_values = 0;  // comparable source figures with an equal value
};

Best FindBest(const Figure& f, const FigureContext& context, const SourceIndex::Data& index) {
  Best best;
  for (int32_t s = 0; s < static_cast<int32_t>(index.files.size()); ++s) {
    const SourceFile& file = index.files[s];
    for (int32_t k = 0; k < static_cast<int32_t>(file.report.figures.size()); ++k) {
      const Figure& sf = file.report.figures[k];
      if (!Checked(sf) || !Comparable(f, sf)) continue;
      const int32_t score =
          Score(context, file.figure_context[k]) +
          (SameCounted(context, file.figure_context[k]) ? 2 : 0);
      const bool equal = ValuesMatch(f, sf);
      best.equal_values += equal ? 1 : 0;
      Candidate& slot = equal ? best.same : best.different;
      if (score > slot.score) slot = {s, k, score};
    }
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
