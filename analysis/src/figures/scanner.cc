// The scanner: Emit, approximators and Run, the ordered list of matchers tried
// at each lexeme.
#include "figures/scanner.h"

#include <algorithm>
#include <string>

#include <unicode/uchar.h>

namespace factlens {
namespace figures_internal {

void Scanner::Emit(int b, int e, FigureKind kind, FigureValue value, std::string unit,
                   bool approx, std::string note, std::u16string counted) {
  Figure f;
  f.span = Span{para_, lx_[b].b, lx_[e - 1].e};
  f.kind = kind;
  f.value = std::move(value);
  f.unit = std::move(unit);
  f.approx = approx;
  f.note = std::move(note);
  f.counted = std::move(counted);
  out_.push_back(std::move(f));
}

int Scanner::MatchApprox(int j) const {
  if (!Has(j, kApproxW)) return -1;
  // "12-under 201", "three-under 69": a golf score before the total, no approximation.
  if (IsDash(j - 1) && Adj(j) && L(j - 2) && (L(j - 2)->type == kNum || Has(j - 2, kCardinal)))
    return -1;
  // "a narrow victory over 12 rival crews": "over" after a win names the beaten side.
  if (lx_[j].low == "over"sv &&
      (Is(j - 1, "victory") || Is(j - 1, "victories") || Is(j - 1, "triumph") ||
       Is(j - 1, "upset") || Is(j - 1, "win")))
    return -1;
  // "$4 billion over 10 years", "five hits over 6 2/3 innings": "over" right after a
  // figure is the period it spans, not "more than".
  if (lx_[j].low == "over"sv &&
      ((FigureJustBefore(j) && out_.back().kind != FigureKind::kDate) || InningsOfAGame(j + 1)))
    return -1;  // "last year over 4 million visitors": more than
  if (OverAsDuring(j, j + 1)) return -1;  // "would rise step by step over four years"
  auto bucket = t_.approx_by_first.find(lx_[j].low);
  if (bucket == t_.approx_by_first.end()) return -1;
  for (const auto& seq : bucket->second) {
    bool ok = true;
    for (size_t k = 0; k < seq.size(); ++k) {
      const Lex* l = L(j + static_cast<int>(k));
      if (!l || l->type != kWord || l->low != seq[k]) {
        ok = false;
        break;
      }
    }
    if (ok && !RiseUpTo(j, seq)) return j + static_cast<int>(seq.size());
  }
  return -1;
}

// "invest $2 billion over five years", "would rise step by step over four years": "over"
// (lexeme k) before a number (lexeme ae) and a unit of time spans the period, it is no
// approximator; not after "for", "of", "than", "in", "after", "within", "took", "spent"
// or "lasted", nor before "since", "ago", "old", "later", "earlier", "before" or "of"
// ("over 16 years of age"), nor when the unit modifies a noun ("an over three hour
// hearing").
bool Scanner::OverAsDuring(int k, int ae) const {
  if (!Is(k, "over") || L(k)->upper || !L(ae) || (L(ae)->type != kNum && !Has(ae, kCardinal)) ||
      !Has(ae + 1, kDurationW) || Adj(ae + 1))
    return false;
  static const char* const kMoreThanBefore[] = {"for",  "of",    "than",  "in",     "after",
                                                "within", "took", "spent", "lasted", "lasting"};
  for (const char* w : kMoreThanBefore)
    if (Is(k - 1, w)) return false;
  static const char* const kMoreThanAfter[] = {"since", "ago", "old",   "later",
                                               "earlier", "before", "of"};
  for (const char* w : kMoreThanAfter)
    if (Is(ae + 2, w)) return false;
  const Lex* n = L(ae + 2);
  return !(n && n->type == kWord && !n->upper && !(n->cls & kStop));
}

// "worked over 1 2/3 innings", "over six innings": a count of innings one game holds
// (up to nine) at j is the span of a pitcher's outing ("over 200 innings" in a season is
// "more than").
bool Scanner::InningsOfAGame(int j) const {
  const Lex* n = L(j);
  if (!n) return false;
  int v = n->type == kNum ? IntAt(j, 1) : -1;
  if (n->type == kWord && (n->cls & kCardinal)) v = t_.cardinal.at(n->low);
  if (v < 0 || v > 9) return false;
  for (int k = j + 1; k < N() && k <= j + 5; ++k)
    if (Is(k, "innings") || Is(k, "inning")) return true;
  return false;
}

// The last figure found ends right before lexeme j (only spaces between).
bool Scanner::FigureJustBefore(int j) const {
  if (out_.empty() || out_.back().span.end > lx_[j].b) return false;
  for (int32_t x = out_.back().span.end; x < lx_[j].b; ++x)
    if (text_[x] != ' ') return false;
  return true;
}

// "is up to 5%", "rose up to 5%": "up to" after a form of "be" or a rise word
// states where a change ended, not an upper bound.
bool Scanner::RiseUpTo(int j, const std::vector<std::string>& seq) const {
  if (!(seq.size() == 2 && seq[0] == "up"sv && seq[1] == "to"sv)) return false;
  const Lex* p = L(j - 1);
  if (!p || p->type != kWord) return false;
  const std::string& w = p->low;
  return (p->cls & kRise) || w == "is"sv || w == "was"sv || w == "are"sv || w == "were"sv ||
         w == "s"sv || w == "been"sv;
}

// A word that opens a figure only when one follows within four lexemes ("a
// dozen", "from 2014", "about 200", "US$5").
bool Scanner::FigureFollows(int i) const {
  const int n = N();
  for (int k = i + 1; k < std::min(n, i + 5); ++k) {
    const Lex& m = lx_[k];
    if (m.type == kNum) return true;
    if (m.type == kSym) {
      char16_t ch = text_[m.b];
      if (ch == '$' || ch == '-' || ch == 0x2212 || ch == 0x2019 || ch == '\'' ||
          u_charType(ch) == U_CURRENCY_SYMBOL ||
          (ch >= 0xBC && u_getNumericValue(ch) != U_NO_NUMERIC_VALUE))
        return true;
    } else if (m.cls & (kCardinal | kScale | kFractionW | kMonth | kWeekday | kCurrencyW)) {
      return true;
    }
  }
  return false;
}

// The cheap test before the matchers: can a figure start at lexeme i?
bool Scanner::MayOpenFigure(int i) const {
  const Lex& l = lx_[i];
  if (l.type == kNum) return true;
  if (l.type == kSym) {
    const char16_t ch = text_[l.b];
    return ch == '$' || ch == '-' || ch == '+' || ch == 0x2212 || ch == '\'' || ch == 0x2019 ||
           ch == 0x00B0 || u_charType(ch) == U_CURRENCY_SYMBOL ||
           (ch >= 0xBC && u_getNumericValue(ch) != U_NO_NUMERIC_VALUE);
  }
  constexpr uint32_t kOpeners = kCardinal | kOrdinalW | kMonth | kWeekday | kApproxW | kDateMod |
                                kRelDay | kFractionW | kCurrencyW | kTrigger;
  bool candidate = (l.cls & kOpeners) != 0 || (l.allcaps && l.e - l.b >= 2);
  // Openers that need a figure right after them ("a dozen", "from 2014", "about 200").
  if (candidate && (l.cls & (kTrigger | kApproxW)) &&
      !(l.cls & (kCardinal | kMonth | kFractionW | kDateMod | kCurrencyW)))
    return FigureFollows(i);
  return candidate;
}

// "'90s", "’80s": the year after an apostrophe.
int Scanner::TryDateAfterApostrophe(int i) {
  return IsApostrophe(i) ? TryDate(i + 1) : -1;
}

// "over 2000-2050": "over" before a range of years means "during"; the range is read
// from its first year, with no approximation.
bool Scanner::OverYearRange(int i) const {
  if (!Is(i, "over")) return false;
  const int y1 = Year4(i + 1);
  return y1 >= 1000 && y1 <= 2999 && IsDash(i + 2) && Year4(i + 3) > y1;
}

// The figure matchers, in order, at a lexeme that may open a figure.
int Scanner::TryFigureAt(int i) {
  if (OverYearRange(i)) return -1;
  int next = TryDate(i);
  // "nearly 2 a.m.": a clock time after an approximator, before it is read as a number.
  if (next < 0 && (lx_[i].cls & kApproxW)) {
    int a = MatchApprox(i);
    if (a > i && L(a) && L(a)->type == kNum) next = TryTime(a);
  }
  if (next < 0) next = TryTime(i);
  if (next < 0) next = TryNumeric(i);
  if (next < 0) next = TryOrdinalWord(i);
  if (next < 0) next = TryDateAfterApostrophe(i);
  return next;
}

// The cheap test before the date-time composites: a number, a word of their lists, or
// the "a" of "a quarter to seven" / the "mid" of "mid night".
bool Scanner::MayOpenComposite(int i) const {
  const Lex& l = lx_[i];
  constexpr uint32_t kWords =
      kPartDayW | kRecurW | kPeriodW | kCardinal | kFractionW | kHolidayW;
  return l.type == kNum || (l.cls & kWords) ||
         (l.type == kWord && (l.low == "a"sv || l.low == "mid"sv));
}

// Parts of the day, recurring dates, clock words, periods from the reference date.
int Scanner::TryCompositeAt(int i) {
  int next = MatchPartOfDay(i);                  // composites.cc
  if (next < 0) next = MatchRecurring(i);        // composites.cc
  if (next < 0) next = MatchClockWords(i);       // times.cc
  if (next < 0) next = MatchRelativePeriod(i);   // composites.cc
  if (next < 0) next = MatchHoliday(i);          // composites.cc
  if (next < 0) next = MatchWeekNumber(i);       // composites.cc
  return next;
}

std::vector<Figure> Scanner::Run() {
  const int n = N();
  int i = 0;
  while (i < n) {
    int next = SkipUrl(i);                           // non_figures.cc
    if (next < 0) next = SkipNumberIdiom(i);         // non_figures.cc
    if (next < 0) next = SkipMarkupTag(i);           // non_figures.cc
    if (next < 0) next = MatchNoonOrMidnight(i);     // times.cc
    if (next < 0 && (lx_[i].cls & kOrdinalW)) next = MatchFromLast(i);  // composites.cc
    bool week_of = (Is(i + 1, "week") && Is(i + 2, "of")) || (Is(i, "week") && Is(i + 1, "of"));
    if (next < 0 && week_of) next = MatchWeekOf(i);  // composites.cc
    if (next < 0 && Is(i, "year") && (Is(i + 1, "to") || IsDash(i + 1)))
      next = MatchYearToDate(i);  // composites.cc
    if (next < 0 && MayOpenComposite(i)) next = TryCompositeAt(i);
    if (next < 0) next = MatchUnitLong(i);           // quantities.cc
    if (next < 0) next = MatchIndefiniteDuration(i);  // quantities.cc
    if (next < 0 && MayOpenFigure(i)) next = TryFigureAt(i);
    if (next < 0) next = MatchRelativeOrdinal(i);   // composites.cc; "last week" is a date
    i = next > i ? next : i + 1;
  }
  MergeComposites();  // composites.cc
  return std::move(out_);
}

}  // namespace figures_internal
}  // namespace factlens
