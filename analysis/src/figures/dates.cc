// Dates: relative days, weekdays, month-first and day-first dates, quarters,
// numeric dates, years, year ranges and decades; a year left out is inferred
// from the reference date.
#include "figures/scanner.h"

#include <cstdlib>
#include <string>

namespace factlens {
namespace figures_internal {

int Scanner::DaySuffix(int j) const {
  int d = IntAt(j, 2);
  if (d < 1 || d > 31) return -1;
  int e = j + 1;
  const Lex* s = L(e);
  if (s && s->type == kWord && Adj(e) &&
      (s->low == "st"sv || s->low == "nd"sv || s->low == "rd"sv || s->low == "th"sv))
    ++e;
  return e;
}

// A spelled whole number 1-99 at j ("nine", "twenty five", "thirty-one"); its end, or -1.
int Scanner::SmallCardinal(int j, int* v) const {
  const Lex* l = L(j);
  if (!l || l->type != kWord || !(l->cls & kCardinal)) return -1;
  int a = t_.cardinal.at(l->low);
  if (a < 1 || a > 99) return -1;
  *v = a;
  int k = IsDash(j + 1) && Adj(j + 1) && Adj(j + 2) ? j + 2 : j + 1;
  const Lex* u = L(k);
  if (a >= 20 && a % 10 == 0 && u && u->type == kWord && (u->cls & kCardinal) &&
      t_.cardinal.at(u->low) >= 1 && t_.cardinal.at(u->low) <= 9) {
    *v = a + t_.cardinal.at(u->low);
    return k + 1;
  }
  return j + 1;
}

// A spelled year at j: "nineteen eighty six", "nineteen hundred ninety three", "two
// thousand and thirty two", "seventeen hundred thirty three"; its end, or -1.
int Scanner::SpelledYear(int j, int* year) const {
  int hi = 0;
  int e = SmallCardinal(j, &hi);
  if (e < 0) return -1;
  int lo = 0;
  if (Is(e, "thousand") && hi <= 2) {
    int k = Is(e + 1, "and") ? e + 2 : e + 1;
    int le = SmallCardinal(k, &lo);
    *year = hi * 1000 + (le > 0 ? lo : 0);
    return le > 0 ? le : e + 1;
  }
  if (hi < 10) return -1;
  if (Is(e, "hundred")) {
    int k = Is(e + 1, "and") ? e + 2 : e + 1;
    int le = SmallCardinal(k, &lo);
    *year = hi * 100 + (le > 0 ? lo : 0);
    return le > 0 ? le : e + 1;
  }
  int le = SmallCardinal(e, &lo);
  if (le < 0 || lo < 10) return -1;
  *year = hi * 100 + lo;
  return le;
}

int Scanner::Day(int j, int* day) const {
  int e = DaySuffix(j);
  if (e < 0) {
    // Spelled ordinal day: "fourth of July", "twenty second", "thirty-first".
    const Lex* l = L(j);
    int k = IsDash(j + 1) && Adj(j + 1) && Adj(j + 2) ? j + 2 : j + 1;
    if (l && l->type == kWord && (l->low == "twenty"sv || l->low == "thirty"sv) && L(k) &&
        L(k)->type == kWord) {
      auto o = t_.ordinal.find(L(k)->low);
      if (o != t_.ordinal.end() && o->second >= 1 && o->second <= 9 &&
          (l->low == "twenty"sv || o->second == 1)) {
        *day = (l->low == "twenty"sv ? 20 : 30) + o->second;
        return k + 1;
      }
    }
    if (l && l->type == kWord) {
      auto o = t_.ordinal.find(l->low);
      if (o != t_.ordinal.end() && o->second <= 31) {
        *day = o->second;
        return j + 1;
      }
    }
    return -1;
  }
  *day = IntAt(j, 2);
  // A day is not followed by a time-of-day colon or a decimal ("4:30", "4.5").
  return e;
}

// A month name at j. need_strong: "May"/"March"/abbreviations need more
// evidence, which the caller supplies; otherwise they are rejected here when
// lower case.
int Scanner::MonthAt(int j, int* month, bool need_strong) const {
  const Lex* l = L(j);
  if (!l || l->type != kWord || !(l->cls & kMonth)) return -1;
  *month = t_.month.at(l->low);
  int e = j + 1;
  bool abbr = l->low.size() <= 4 && l->low != "june"sv && l->low != "july"sv && l->low != "may"sv;
  if (abbr && IsSym(e, ".") && Adj(e)) ++e;
  if (need_strong) {
    if (!l->upper && (l->low == "may"sv || l->low == "march"sv || abbr)) return -1;
    if (l->low == "may"sv || l->low == "march"sv || abbr) return -1;
  }
  if (!l->upper && (l->low == "may"sv || l->low == "march"sv)) return -2 - e;  // weak
  return e;
}

bool Scanner::YearCueBefore(int j) const {
  const Lex* p = L(j - 1);
  if (!p) return false;
  if (p->type == kSym) return p->low == "("sv || p->low == "\u2019"sv || p->low == "'"sv;
  return (p->cls & (kYearCue | kMonth)) != 0;
}

// An intention in the present ("trying to win the harbour board in May", "hopes to
// vote in March"): what it aims at lies ahead. Past forms ("hoped", "tried") do not.
static bool IntentNow(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "trying", "tries",   "hoping",    "hopes", "seeking", "seeks",    "aims",
      "aiming", "intends", "intending", "vows",  "vowing",  "promises", "promising"};
  for (std::string_view x : kWords)
    if (w == x) return true;
  return false;
}

// A word of four letters or more ending in "-ed": a past form or participle.
static bool EdForm(std::string_view w) {
  return w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
}

// A participle after "than" that names an expectation held before: "forecast",
// "expected", "predicted", any "-ed" word.
bool Scanner::EarlierExpectation(int k) const {
  const Lex* l = L(k);
  if (!l || l->type != kWord) return false;
  const std::string& w = l->low;
  return w == "forecast"sv || w == "thought"sv || EdForm(w);
}

// Where the sentence holding lexeme k begins (code units), or -1 when the text layer
// gives no sentences.
int32_t Scanner::SentenceBeginOf(int k) const {
  if (!pt_ || k >= N()) return -1;
  const int32_t si = SentenceAt(*pt_, lx_[k].b);
  return si >= 0 ? pt_->sentences[si].begin : -1;
}

bool Scanner::FutureCue(int j) const {
  const int32_t sentence_begin = SentenceBeginOf(j);
  for (int k = j - 1; k >= 0 && k >= j - 30; --k) {
    const Lex* l = L(k);
    if (sentence_begin >= 0) {
      if (l->b < sentence_begin) break;
    } else if (l->type == kSym && (l->low == "."sv || l->low == "!"sv || l->low == "?"sv)) {
      break;
    }
    if (l->type == kSym && l->low == ";"sv) break;
    if (l->type != kWord) continue;
    const std::string& w = l->low;
    // "lower than forecast in June", "higher than expected in May": the date is
    // the earlier expectation's, whatever the sentence says of the future.
    if (w == "than"sv && EarlierExpectation(k + 1)) return false;
    // "between now and Dec. 3": the time left before it
    if (w == "now"sv && Is(k - 1, "between") && Is(k + 1, "and")) return true;
    // "plans to", not the noun ("changed her ferry plans in October")
    if ((w == "plans"sv || w == "planned"sv || w == "planning"sv) && Is(k + 1, "to")) return true;
    // "his next talk, on May 8, was given to ...": "next" as "the following"
    if (w == "next"sv) return !WasAfter(j);
    if (WontAt(k)) return true;
    // "political will", "the will of the council": the noun
    if (w == "will"sv && (Is(k + 1, "of") || Is(k - 1, "political") || Is(k - 1, "the") ||
                          Is(k - 1, "popular") || Is(k - 1, "free") || Is(k - 1, "good")))
      continue;
    // "due to the storm", "due to Friday's vote": because of, no schedule
    if (w == "due"sv && Is(k + 1, "to") && L(k + 2) &&
        (L(k + 2)->upper || (L(k + 2)->cls & kStop) || L(k + 2)->type == kNum))
      continue;
    if (w == "will"sv || w == "shall"sv || w == "ll"sv || w == "upcoming"sv || w == "scheduled"sv ||
        w == "due"sv || w == "expected"sv || w == "expects"sv || w == "deadline"sv ||
        w == "forthcoming"sv || w == "slated"sv)
      return true;
    // "is to be held from November 20", "are set to vote in May", as for weekdays ("going
    // to" is not: a quotation's "we're going to" before "said in February" was the past)
    if (ArrangedFuture(k) || (w == "set"sv && Is(k + 1, "to"))) return true;
    // "was trying to file before a March 8 hearing", "has been hoping since July": past
    if (IntentNow(w)) return !(Is(k - 1, "was") || Is(k - 1, "were") || Is(k - 1, "been"));
    // "The claim, due to go to court Friday, says ferries sailed late on March 2": the
    // nearest verb before the date is past, so a "will" further back is another clause's
    if (PastVerbAt(k)) return false;
  }
  return false;
}

// "is to sail", "are to travel" at q: an arrangement, so the future.
bool Scanner::ArrangedFuture(int q) const {
  return (Is(q, "is") || Is(q, "are")) && Is(q + 1, "to") && L(q + 2) && L(q + 2)->type == kWord;
}

// "by March", "by the end of March": a deadline, so the coming one (j: where the
// date or its modifier starts).
bool Scanner::ByDeadline(int j) const {
  return Is(j - 1, "by") || (Is(j - 1, "the") && Is(j - 2, "by"));
}

// Whether an event noun (event_nouns.txt) stands right before the date at lexeme j, or
// before "on" or "in" there ("the runoff Sept. 14", "the primary on June 4", "a
// harbour summit in July").
bool Scanner::EventBeforeDate(int j) const {
  const int k = Is(j - 1, "on") || Is(j - 1, "in") ? j - 2 : j - 1;
  return L(k) && L(k)->type == kWord && t_.event_nouns.count(L(k)->low) > 0;
}

// Whether the day of a month-day starting at lexeme j names an event with the word after
// it ("the Sept. 14 runoff", "a June 4 primary"; event_nouns.txt).
bool Scanner::DayBeforeEvent(int j) const {
  for (int k = j; k <= j + 4 && L(k); ++k)
    if (L(k)->type == kNum) return L(k + 1) && t_.event_nouns.count(L(k + 1)->low) > 0;
  return false;
}

// Whether the month at or right after lexeme j names an event with the word after it
// ("the November election", "a June primary"; event_nouns.txt).
bool Scanner::MonthBeforeEvent(int j) const {
  for (int k = j; k <= j + 2 && L(k); ++k)
    if (Has(k, kMonth)) return L(k + 1) && t_.event_nouns.count(L(k + 1)->low) > 0;
  return false;
}

// Whether a month and day without a year, `ahead` days after the dateline (-1: no day),
// is the coming one though the sentence gives no future cue: within six weeks ("ends on
// March 11" in a March 7 story); within three months unless a past verb stands right
// before it ("the June 9 ferry vote" in an April story, not "filed on January 19" in a
// November one).
bool Scanner::ComingDay(int ahead) const {
  constexpr int kSoonDays = 42, kComingDays = 92;
  if (ahead < 0) return false;
  return ahead <= kSoonDays || (ahead <= kComingDays && !PastVerbBefore(cur_, false));
}

int Scanner::InferYear(int month, int day, int weekday, std::string* note, int bias) const {
  if (!ctx_.ref) {
    *note = "year unknown";
    return 0;
  }
  const Date& r = *ctx_.ref;
  int best = r.year;
  (void)weekday;  // a stated weekday is checked against the date, not used to pick the year
  int rd = DayNumber(r.year, r.month ? r.month : 1, r.day ? r.day : 1);
  auto dn = [&](int y) { return DayNumber(y, month, day ? day : 1); };
  if (bias == 2) {  // "this September": the reference year's
    best = r.year;
  } else if (bias < 0) {  // "last November": the most recent before the reference
    best = dn(r.year) < rd || (day == 0 && month < r.month) ? r.year : r.year - 1;
  } else if (bias > 0) {  // "next March"
    best = dn(r.year) > rd || (day == 0 && month > r.month) ? r.year : r.year + 1;
  } else if (ctx_.ref_from_text) {
    // The anchor is the text's own latest date: the nearest year, or the coming one
    // where the nearest lies over four months back and the sentence speaks of the
    // future ("is to be held from November 20" in a May story; "since the end of
    // July" in an August one stays, whatever "next month" said before it).
    int d0 = std::abs(dn(r.year) - rd), d1 = std::abs(dn(r.year - 1) - rd),
        d2 = std::abs(dn(r.year + 1) - rd);
    best = d0 <= d1 && d0 <= d2 ? r.year : d1 < d2 ? r.year - 1 : r.year + 1;
    if (rd - dn(best) > 122 && (FutureCue(cur_) || ByDeadline(cur_)))
      best = dn(r.year) >= rd ? r.year : r.year + 1;
    // "her top score this season came in January", "the lowest since February" in an
    // August story: a coming year's month more than two months ahead, in a clause told
    // in the past, is this year's (or last year's) past one.
    else if (best > r.year && dn(best) - rd > 61 && ClausePastBefore(cur_) && !FutureCue(cur_))
      best = dn(r.year) <= rd ? r.year : r.year - 1;
  } else {
    // News reports mostly the recent past: the latest occurrence on or before
    // the dateline, unless the sentence speaks of the future ("will", "scheduled").
    int past = dn(r.year) <= rd || (day == 0 && month == r.month) ? r.year : r.year - 1;
    int future = dn(r.year) >= rd || (day == 0 && month >= r.month) ? r.year : r.year + 1;
    best = past;
    // A day soon after the dateline is the coming one (ComingDay); further ahead
    // only with a future cue.
    // A month alone up to two months ahead is the coming one ("support her in
    // November" in a September story); the past one would be "last November".
    bool month_soon = !day && (month - r.month + 12) % 12 <= 2;
    // "the November election" in an August story: a month before the name of an
    // event is the coming one when that lies within nine months.
    if (!day && dn(future) - rd <= 274 && MonthBeforeEvent(cur_)) month_soon = true;
    // "four hopefuls meet voters before the runoff Sept. 14" in a May story: an event
    // named right before its date or right after its day ("the Sept. 14 runoff"), in a
    // clause not told in the past, is the coming one within nine months.
    const bool coming_event = dn(future) - rd <= 274 &&
                              (EventBeforeDate(cur_) || (day && DayBeforeEvent(cur_))) &&
                              !ClausePastBefore(cur_) && !WasAfter(cur_);
    // "chances in November" in a June story of an even year: the November of the
    // elections, unless the clause is told in the past ("endorsed her in November") or
    // the month is a point of comparison ("up from November").
    if (!day && month == 11 && r.year % 2 == 0 && r.month < 11 &&
        (!ClausePastBefore(cur_, /*skip_reporting=*/true) || ModalFutureBefore(cur_)) &&
        !Is(cur_ - 1, "from") &&
        !Is(cur_, "from"))
      month_soon = true;
    const int ahead = day ? dn(future) - rd : -1;
    // "the festival, which ends Oct. 4" in a January story: a schedule told in
    // the present, as for weekdays (ScheduleVerbBefore). "“... will ...,” she wrote in
    // April": a past verb right before "in" dates the writing, whatever its words say.
    // "the audit, which ran in May and closed Monday," in a March story: an irregular
    // past, or an "-ed" verb after a relative, a pronoun or "had", right before "in"
    // ("slots booked in December" is a participle: it may look ahead)
    const Lex* before_in = Is(cur_ - 1, "in") ? L(cur_ - 2) : nullptr;
    const bool finite_before = Is(cur_ - 3, "that") || Is(cur_ - 3, "which") ||
                               Is(cur_ - 3, "who") || Is(cur_ - 3, "he") || Is(cur_ - 3, "she") ||
                               Is(cur_ - 3, "it") || Is(cur_ - 3, "they") || Is(cur_ - 3, "we") ||
                               Is(cur_ - 3, "had");
    const bool past_in =
        before_in && (t_.reporting_past.count(before_in->low) > 0 ||
                      (PastVerbAt(cur_ - 2) && !before_in->upper &&
                       (t_.irregular_past.count(before_in->low) > 0 || finite_before)));
    // "ordered the agency to finish by the end of January" in a February story: a
    // deadline told in the past is the coming one only within six months.
    const bool deadline = ByDeadline(cur_) && (dn(future) - rd <= 183 || !ClausePastBefore(cur_));
    // "snags have come up just since December": a month after "since" is behind us
    const bool since = Is(cur_ - 1, "since") ||
                       (Is(cur_ - 2, "since") && (Is(cur_ - 1, "early") || Is(cur_ - 1, "late")));
    if (future != past && !past_in && !since &&
        (FutureCue(cur_) || deadline || ComingDay(ahead) || month_soon || coming_event ||
         ScheduleVerbBefore(cur_)))
      best = future;
  }
  *note = "year inferred from " + ctx_.ref_source;
  return best;
}

// ------------------------------------------------------------ modifiers, relative dates

// "last year", "next month", "this week" (i: "last", i + 1: the unit).
int Scanner::EmitRelativePeriod(int i, int delta) {
  const Lex* u = L(i + 1);
  if (!ctx_.ref) {
    Emit(i, i + 2, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
    return i + 2;
  }
  const Date& r = *ctx_.ref;
  std::string note = ResolvedNote();
  // "the past week", "this past week": the days up to the reference date; "during the
  // next week", "during the next month": the days from it
  const bool rolling = Is(i - 1, "the") || (Is(i, "past") && Is(i - 1, "this"));
  if (delta < 0 && rolling && !Is(i + 2, "of") && r.day) return EmitRollingPeriod(i, -1);
  const bool within = Is(i - 2, "in") || Is(i - 2, "within") || Is(i - 2, "over") ||
                      Is(i - 2, "during");
  if (delta > 0 && Is(i - 1, "the") && within && !Is(i + 2, "of") && r.day)
    return EmitRollingPeriod(i, 1);
  if (u->low == "year"sv) {
    Emit(i, i + 2, FigureKind::kDate, Str(IsoDate(r.year + delta)), "", false, note);
  } else if (u->low == "month"sv && r.month) {
    int y = r.year, mth = r.month + delta;
    if (mth < 1) mth = 12, --y;
    if (mth > 12) mth = 1, ++y;
    Emit(i, i + 2, FigureKind::kDate, Str(IsoDate(y, mth)), "", false, note);
  } else if (u->low == "week"sv && r.month && r.day) {
    int wd = Weekday(r.year, r.month, r.day);  // 1 = Sunday
    int to_monday = (wd + 5) % 7;
    Date mon = AddDays(r, -to_monday + 7 * delta);
    Date sun = AddDays(mon, 6);
    Emit(i, i + 2, FigureKind::kDate,
         StrRange(IsoDate(mon.year, mon.month, mon.day), IsoDate(sun.year, sun.month, sun.day)),
         "", false, note);
  } else {
    Emit(i, i + 2, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
  }
  return i + 2;
}

// A period of a year, a month or seven days that ends at the reference date (dir -1:
// "the past year", not the calendar year before) or starts there (dir 1: "during the
// next month").
int Scanner::EmitRollingPeriod(int i, int dir) {
  const Date& r = *ctx_.ref;
  const std::string& unit = L(i + 1)->low;
  Date other = r;
  if (unit == "year"sv) other.year += dir;
  if (unit == "month"sv) {
    other.month = r.month + dir;
    if (other.month < 1) other.month = 12, other.year -= 1;
    if (other.month > 12) other.month = 1, other.year += 1;
  }
  if (unit == "week"sv) other = AddDays(r, 7 * dir);
  if (!ValidDate(other.year, other.month, other.day)) other.day = 28;
  const std::string ref = IsoDate(r.year, r.month, r.day);
  const std::string end = IsoDate(other.year, other.month, other.day);
  Emit(i, i + 2, FigureKind::kDate, dir < 0 ? StrRange(end, ref) : StrRange(ref, end), "",
       false, (dir < 0 ? "the period up to " : "the period from ") + ctx_.ref_source);
  return i + 2;
}

// "last Monday", "next Friday" (i: "last", i + 1: the weekday).
int Scanner::EmitRelativeWeekday(int i, int delta) {
  int wd = t_.weekday.at(L(i + 1)->low);
  if (!ctx_.ref || !ctx_.ref->day) {
    Emit(i, i + 2, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
    return i + 2;
  }
  const Date& r = *ctx_.ref;
  int rwd = Weekday(r.year, r.month, r.day);
  int back = (rwd - wd + 7) % 7;
  if (back == 0 && delta != 0) back = 7;
  Date d = delta > 0 ? AddDays(r, (wd - rwd + 7) % 7 == 0 ? 7 : (wd - rwd + 7) % 7)
                     : AddDays(r, -back);
  // "is scheduled to meet this Thursday", "hopes to win the state this Tuesday": "this"
  // names the coming one (or today), unless its clause is told in the past ("spoke this
  // Monday")
  if (delta == 0 && (!ClausePastBefore(i, /*skip_reporting=*/true) || ModalFutureBefore(i)))
    d = AddDays(r, (wd - rwd + 7) % 7);
  Emit(i, i + 2, FigureKind::kDate, Str(IsoDate(d.year, d.month, d.day)), "", false,
       ResolvedNote());
  return i + 2;
}

// Whether the capitalised words [b, e) open a title in quotation marks that may run on
// over two more capitalised words and close after a comma or a period (“Last Week
// Tonight,”).
bool Scanner::QuotedTitle(int b, int e) const {
  if (!(IsSym(b - 1, "\u201C") || IsSym(b - 1, "\""))) return false;
  int k = e;
  while (k < e + 2 && L(k) && L(k)->type == kWord && L(k)->upper) ++k;
  if (IsSym(k, ",") || IsSym(k, ".")) ++k;
  return IsSym(k, "\u201D") || IsSym(k, "\"");
}

// "last year", "next month", "this week", "last Monday".
int Scanner::MatchRelativeDate(int i) {
  const Lex* l = L(i);
  const Lex* u = L(i + 1);
  // A title in quotation marks, capitalised: a programme's “This Week”, “Next Year”,
  // “Last Week Tonight”.
  if (l->upper && u->upper && QuotedTitle(i, i + 2)) return i + 2;
  int delta = l->low == "last"sv || l->low == "past"sv ? -1 : l->low == "next"sv ? 1 : 0;
  if (u->low == "year"sv || u->low == "month"sv || u->low == "week"sv)
    return EmitRelativePeriod(i, delta);
  if ((u->cls & kWeekday) && u->upper && u->low.size() > 3) return EmitRelativeWeekday(i, delta);
  if (t_.season.count(u->low)) return EmitRelativeSeason(i, l->low == "this"sv ? 2 : delta);
  return -1;
}

// The months of a season in a year (seasons.txt; winter runs into the next year).
FigureValue Scanner::SeasonOf(const std::pair<int, int>& s, int year) const {
  const int end_year = s.second < s.first ? year + 1 : year;
  return StrRange(IsoDate(year, s.first), IsoDate(end_year, s.second));
}

// "this summer" (the reference year's; this winter: the one the reference date is
// in, or the coming one), "last winter" (the latest one over before the reference
// month), "next spring" (the first one begun after it).
int Scanner::EmitRelativeSeason(int i, int delta) {
  const std::pair<int, int>& s = t_.season.at(L(i + 1)->low);
  if (!ctx_.ref || !ctx_.ref->month) {
    Emit(i, i + 2, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
    return i + 2;
  }
  const Date& r = *ctx_.ref;
  const int ref = r.year * 12 + r.month;
  const bool wraps = s.second < s.first;
  auto start = [&](int y) { return y * 12 + s.first; };
  auto end = [&](int y) { return (wraps ? y + 1 : y) * 12 + s.second; };
  int y = r.year;
  if (delta == 2) {
    if (wraps && r.month <= s.second) --y;
  } else if (delta < 0) {
    while (end(y) >= ref) --y;
  } else {
    while (start(y) <= ref) ++y;
  }
  Emit(i, i + 2, FigureKind::kDate, SeasonOf(s, y), "", false, ResolvedNote() + "; season");
  return i + 2;
}

// A season with its year: "summer 2009", "the autumn of 2009" (the months of
// seasons.txt, the northern hemisphere's).
int Scanner::MatchSeason(DateCue* c) {
  const Lex* l = L(c->i);
  if (!c->mod.empty() || c->ranged || l->type != kWord) return kContinue;
  auto it = t_.season.find(l->low);
  if (it == t_.season.end()) return kContinue;
  int k = c->i + 1;
  if (Is(k, "of")) ++k;
  const int year = Year4(k);
  const Lex* after = L(k + 1);
  if (year < 1000 || (after && after->type == kWord &&
                      (Adj(k + 1) || (after->cls & (kUnitW | kScale | kPercentW | kCurrencyW)))))
    return kContinue;
  // "fall" is also a verb ("prices fall 2009 ..."): after a preposition or "the" only
  if (l->low == "fall"sv && !l->upper &&
      !(Is(c->i - 1, "the") || Is(c->i - 1, "in") || Is(c->i - 1, "by") || Is(c->i - 1, "since") ||
        Is(c->i - 1, "until") || Is(c->i - 1, "during") || Is(c->i - 1, "that")))
    return kContinue;
  Emit(c->i, k + 1, FigureKind::kDate, SeasonOf(it->second, year), "", false,
       "season (northern hemisphere)");
  return k + 1;
}

// Modifiers: "early", "mid-", "late", "last", "next", "this", "the end of" before
// a month, a year or a decade set c->mod and c->bias; "last year" is a date itself.
int Scanner::MatchDateModifier(DateCue* c) {
  const int i = c->i;
  const Lex* l = L(i);
  if (!(l->type == kWord && (l->cls & kDateMod))) return kContinue;
  int k2 = i + 1;
  if (IsSym(k2, "-") && Adj(k2)) ++k2;
  if ((l->low == "end"sv || l->low == "beginning"sv || l->low == "start"sv ||
       l->low == "middle"sv) &&
      Is(k2, "of"))
    ++k2;
  int mm;
  bool month_next = MonthAt(k2, &mm, false) >= 0 && L(k2)->upper;
  bool year_next = Year4(k2) >= 1000 && !(L(k2 + 1) && Adj(k2 + 1) && L(k2 + 1)->type == kWord &&
                                           L(k2 + 1)->low != "s"sv);
  bool decade_next = Year4(k2) >= 1000 && L(k2 + 1) && Adj(k2 + 1) && Is(k2 + 1, "s");
  if (month_next || year_next || decade_next) {
    const std::string& mod = c->mod = l->low;
    if (mod == "last"sv || mod == "past"sv) c->bias = -1;
    if (mod == "next"sv || mod == "coming"sv) c->bias = 1;
    if (mod == "this"sv) c->bias = 2;  // the reference year's
    if ((mod == "last"sv || mod == "next"sv || mod == "this"sv || mod == "past"sv ||
         mod == "coming"sv) &&
        !month_next)
      return -1;
    c->k = k2;
    return kContinue;
  }
  if ((l->low == "last"sv || l->low == "next"sv || l->low == "this"sv || l->low == "past"sv) &&
      L(i + 1) && L(i + 1)->type == kWord)
    return MatchRelativeDate(i);
  return -1;
}

// "from"/"between" opening a date range: only kept if a range follows (a last
// word of the text opens nothing: the matchers after this one read c->k).
int Scanner::MatchRangeIntro(DateCue* c) {
  const Lex* l = L(c->i);
  if (l->type == kWord && (l->low == "from"sv || l->low == "between"sv) && c->mod.empty() &&
      L(c->i + 1)) {
    c->ranged = true;
    c->k = c->i + 1;
  }
  return kContinue;
}

// Relative days: "yesterday", "today", "tomorrow".
int Scanner::MatchRelativeDay(DateCue* c) {
  const int i = c->i;
  const Lex* l = L(i);
  if (!c->mod.empty() || c->ranged || l->type != kWord || !(l->cls & kRelDay)) return kContinue;
  if (l->low == "tonight"sv) return -1;
  // Capitalised inside a sentence it is a name: "USA Today", "the Today show"; so it is
  // alone in quotation marks (a programme's title: "joins the ''Today'' team").
  if (l->upper && (!SentenceStart(i) || QuotedAlone(i))) return i + 1;
  // A noun, not a day: "a brighter tomorrow", "the today of ...".
  const Lex* adj = L(i - 1);
  bool comparative = adj && adj->type == kWord && adj->low.size() > 4 &&
                     adj->low.compare(adj->low.size() - 2, 2, "er") == 0;
  if (Is(i - 1, "a") || Is(i - 1, "the") || ((Is(i - 2, "a") || Is(i - 2, "the")) && comparative))
    return i + 1;
  if (int e = ForeverRefrain(i); e > 0) return e;
  int delta = l->low == "yesterday"sv ? -1 : l->low == "tomorrow"sv ? 1 : 0;
  if (ctx_.ref && ctx_.ref->day) {
    Date d = AddDays(*ctx_.ref, delta);
    Emit(i, i + 1, FigureKind::kDate, Str(IsoDate(d.year, d.month, d.day)), "", false,
         ResolvedNote());
  } else {
    Emit(i, i + 1, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
  }
  return i + 1;
}

// Whether the word at i stands alone in quotation marks of any kind (“”, "", ‘’, '' or
// ''), a comma or a period allowed before the closing mark.
bool Scanner::QuotedAlone(int i) const {
  auto mark = [&](int k) {
    return IsSym(k, "\u201C") || IsSym(k, "\u201D") || IsSym(k, "\"") || IsSym(k, "'") ||
           IsSym(k, "\u2018") || IsSym(k, "\u2019");
  };
  const int close = IsSym(i + 1, ",") || IsSym(i + 1, ".") ? i + 2 : i + 1;
  // not a possessive's apostrophe ("“Today’s speech ...")
  const bool possessive = L(close + 1) && L(close + 1)->type == kWord && Adj(close + 1);
  return mark(i - 1) && Adj(i) && mark(close) && Adj(close) && !possessive;
}

// "now, tomorrow, forever", "today and forever": days in a refrain that ends in
// "forever" or "always" name no date. Returns where the refrain stops, or -1.
int Scanner::ForeverRefrain(int i) const {
  for (int q = i + 1; q < N() && q <= i + 8 && !ClauseEnd(q); ++q)
    if (Is(q, "forever") || Is(q, "always")) return q + 1;
  return -1;
}

// A capitalised weekday beside a capitalised day-name word is a name: "Black
// Friday", "Super Tuesday", "Saturday Night Live", "the Sunday Times"; so is an
// abbreviation after any capitalised word: the "Sun" of "Lakeside Sun, June 3".
bool Scanner::WeekdayInName(int k) const {
  const Lex* p = L(k - 1);
  const Lex* n = L(k + 1);
  bool after_capital = p && p->type == kWord && p->upper;
  bool abbreviated = L(k)->low.size() <= 3;  // "sun", "wed"; not "thurs"
  return (after_capital && ((p->cls & kDayNameW) || abbreviated)) ||
         (n && n->type == kWord && n->upper && (n->cls & kDayNameW));
}

// Which way a bare weekday points from the reference date: back (-1) by default
// and right after a past verb ("said Friday", "met Monday", "since Tuesday");
// forward (+1) when the sentence speaks of the future before it ("will ...
// Friday", "is due Monday", "is set to ... Thursday") or right after it; either way
// (0: the nearest) after a plan told in the past ("was scheduled to", "would").
// A past verb or "since" right before the date at k ("said Friday", "met over the
// weekend"; "on", "early", "late", "this", "by" are skipped, and with `article` "over",
// "the").
bool Scanner::PastVerbBefore(int k, bool article) const {
  int j = k - 1;
  // ("argued at Friday's fair": "at" before a weekday's possessive)
  while (L(j) && L(j)->type == kWord &&
         (Is(j, "on") || Is(j, "early") || Is(j, "late") || Is(j, "this") || Is(j, "by") ||
          (Is(j, "at") && IsApostrophe(k + 1)) || (article && (Is(j, "over") || Is(j, "the")))))
    --j;
  const Lex* p = L(j);
  if (!p || p->type != kWord) return false;
  // "told CNN Tuesday", "told reporters on Monday": the one-word object of "told".
  if (Is(j - 1, "told")) return true;
  const std::string& w = p->low;
  // "will be closed Monday", "to be held Friday": a passive after "be" is no past.
  bool future_ed = w == "scheduled"sv || w == "planned"sv || w == "expected"sv || w == "slated"sv ||
                   w == "need"sv || Is(j - 1, "be");
  return w == "since"sv || w == "said"sv || w == "told"sv || w == "says"sv || w == "earlier"sv ||
         (EdForm(w) && !future_ed);
}

// A verb in the past in the sentence before lexeme k, or "since": a lower-case "-ed"
// form or an irregular past ("was", "won", "underwent"), back to the sentence's start
// or a ";" (an abbreviation's period, "Sen. Ada Moss", ends no sentence).
bool Scanner::ClausePastBefore(int k, bool skip_reporting) const {
  const int32_t sentence_begin = SentenceBeginOf(k);
  for (int q = k - 1; q >= 0 && q >= k - 25; --q) {
    const Lex* l = L(q);
    if (sentence_begin >= 0 ? l->b < sentence_begin : ClauseEnd(q)) break;
    if (IsSym(q, ";")) break;
    // ("she backs X, she said, as he can hold the seat in November": the
    // saying is past, not what is said)
    if (skip_reporting && l->type == kWord && t_.reporting_past.count(l->low)) continue;
    if (PastFormAt(q) || (l->type == kWord && !l->upper && l->low == "since"sv)) return true;
  }
  return false;
}

// "His next talk, on May 8, was ...": "was" or "were" after lexeme k, up to the
// sentence's close or a ";": the clause is told in the past.
bool Scanner::WasAfter(int k) const {
  for (int q = k + 1; q < N() && q <= k + 12 && !ClauseEnd(q); ++q)
    if (Is(q, "was") || Is(q, "were")) return true;
  return false;
}

// Whether lexeme q is a lower-case "-ed" form that is no passive in the present or an
// irregular past ("was", "won", "underwent").
bool Scanner::PastFormAt(int q) const {
  const Lex* l = L(q);
  if (l->type != kWord || l->upper || WontAt(q)) return false;
  // "if a mayor is elected in November": a passive in the present is no past
  const bool passive_now = Is(q - 1, "is") || Is(q - 1, "are") || Is(q - 1, "be") ||
                           Is(q - 1, "being") || Is(q - 1, "gets") || Is(q - 1, "get");
  return (EdForm(l->low) && !passive_now) || t_.irregular_past.count(l->low) > 0;
}

// A past verb at lexeme q (PastFormAt), not an adjective after a determiner ("a
// contested convention") nor a participle after "be", "is", "are" or "being" ("will be
// held", "is to be held").
bool Scanner::PastVerbAt(int q) const {
  if (!PastFormAt(q)) return false;
  const bool determiner = Is(q - 1, "a") || Is(q - 1, "an") || Is(q - 1, "the") ||
                          Is(q - 1, "his") || Is(q - 1, "her") || Is(q - 1, "its") ||
                          Is(q - 1, "their") || Is(q - 1, "our");
  const bool participle =
      Is(q - 1, "be") || Is(q - 1, "is") || Is(q - 1, "are") || Is(q - 1, "being");
  return !determiner && !participle;
}

// "won't" at lexeme q: "will not", no past of "win".
bool Scanner::WontAt(int q) const {
  return Is(q, "won") && IsApostrophe(q + 1) && Adj(q + 1) && Is(q + 2, "t") && Adj(q + 2);
}

// A past form by its letters: an "-ed" word or an irregular past (irregular_past.txt).
bool Scanner::PastWord(const std::string& w) const {
  return EdForm(w) || t_.irregular_past.count(w) > 0;
}

// "wondered if the party would keep both seats in November", "were less likely to back
// it in November": a "would", "will", "can", "could", "might" or "(un)likely to" between
// the sentence's past verbs and lexeme k (not "would have").
bool Scanner::ModalFutureBefore(int k) const {
  const int32_t sentence_begin = SentenceBeginOf(k);
  for (int q = k - 1; q >= 0 && q >= k - 25; --q) {
    const Lex* l = L(q);
    if (sentence_begin >= 0 ? l->b < sentence_begin : ClauseEnd(q)) break;
    if ((Is(q, "would") && !Is(q + 1, "have")) || Is(q, "will")) return true;
    // "a mayor who can carry the county in November", "could beat her in November"
    if ((Is(q, "can") || Is(q, "cannot") || Is(q, "could") || Is(q, "might")) &&
        !Is(q + 1, "have"))
      return true;
    if ((Is(q, "likely") || Is(q, "unlikely")) && Is(q + 1, "to") && !Is(q + 2, "have"))
      return true;
    if (l->type == kWord && !l->upper && PastWord(l->low)) return false;
  }
  return false;
}

// The end of a clause: ".", "!", "?" or ";" at q.
bool Scanner::ClauseEnd(int q) const {
  if (IsSym(q, "!") || IsSym(q, "?") || IsSym(q, ";")) return true;
  if (!IsSym(q, ".")) return false;
  // "would see Sen. Al Fenwick (Vt.) win ...": the period of a title or of a
  // bracketed abbreviation, before a name or the bracket's close, inside a sentence the
  // text layer reads whole, ends no clause ("Nov. 8", "Wyo.," and "site.com" still do)
  const Lex* next = L(q + 1);
  if (!next || !(IsSym(q + 1, ")") || (next->type == kWord && next->upper))) return true;
  const int32_t here = SentenceBeginOf(q);
  return here < 0 || SentenceBeginOf(q + 1) != here;
}

// Whether "week" or "weekend" stands between lexemes a and b.
bool Scanner::WeekBetween(int a, int b) const {
  for (int q = a + 1; q < b; ++q)
    if (Is(q, "week") || Is(q, "weekend")) return true;
  return false;
}

int Scanner::WeekdayDirection(int k) const {
  // "ahead of Friday's council vote", "ahead of polling Friday", "has grown tense ahead of
  // the town's long-awaited Friday vote": an event still to come, whatever verb came
  // before, unless a reporting verb did ("said ahead of her second speech of the day on
  // Monday": the day of the saying; only the nearer reading below, after the past verbs)
  for (int q = k - 2; q >= k - 10 && q >= 0 && !ClauseEnd(q) && !IsSym(q, ","); --q)
    if (Is(q, "ahead") && Is(q + 1, "of")) {
      if (!ReportedBefore(q)) return 1;
      break;
    }
  if (PastVerbBefore(k, false)) return -1;
  if (Is(k - 1, "later")) return 0;  // "speaks later Monday": the day of writing, or near it
  for (int q = k - 1; q >= 0 && q >= k - 15 && !ClauseEnd(q); --q) {
    // "was scheduled to leave late Tuesday": a plan told in the past tense, for a day
    // on either side of the dateline; the nearest such day.
    if ((Is(q, "scheduled") || Is(q, "slated") || Is(q, "due") ||
         ((Is(q, "set") || Is(q, "likely")) && Is(q + 1, "to"))) &&
        (Is(q - 1, "was") || Is(q - 1, "were")))
      return 0;
    // "the day the board was to meet on Wednesday": an arrangement told in the past
    if ((Is(q, "was") || Is(q, "were")) && Is(q + 1, "to") && L(q + 2) &&
        L(q + 2)->type == kWord)
      return 0;
    // "police said the men would face a judge on Saturday": reported future
    if (Is(q, "would") && !Is(q + 1, "have")) return 0;
    // "a fair chance to carry the county on Friday", "hopes to sign the striker Monday": an aim
    if (((Is(q, "chance") || Is(q, "chances")) && Is(q + 1, "to")) ||
        (L(q) && L(q)->type == kWord && IntentNow(L(q)->low) && Is(q + 1, "to") &&
         !(Is(q - 1, "was") || Is(q - 1, "were") || Is(q - 1, "been"))))
      return 1;
    // "could carry the county on Tuesday", "might rise again on Saturday": a possibility
    // still open ("could not", "could have" tell of the past; "can" is too often a
    // general ability: "you can watch the replay of Saturday's match"); a week named
    // between ("could meet next week on Thursday") already places the day
    if ((Is(q, "could") || Is(q, "might")) && !Is(q + 1, "not") && !Is(q + 1, "have") &&
        !Is(q + 1, "t") && !WeekBetween(q, k))
      return 1;
    if (Is(q, "will") || WontAt(q) || Is(q, "ll") || Is(q, "shall") || Is(q, "upcoming") ||
        Is(q, "due") || ArrangedFuture(q) || Is(q, "scheduled") || Is(q, "slated") ||
        Is(q, "expect") || Is(q, "expects") || Is(q, "expected") ||
        ((Is(q, "set") || Is(q, "going") || Is(q, "likely")) && Is(q + 1, "to")) ||
        (Is(q, "let") && (Is(q + 2, "s") || Is(q + 1, "us"))))
      return 1;
  }
  // "the fees alone won't settle the ferry board's yearly harbour mooring budget vote
  // Tuesday": "will" or "won't" further back in the clause, with no past form between;
  // "aides said the mayor would chair the monthly session of the ... panel in Fenwick on
  // Saturday": a reported future further back, as a nearer "would" (the nearest day)
  for (int q = k - 1; q >= k - 25 && q >= 0 && !ClauseEnd(q); --q) {
    if (q > k - 16) continue;  // nearer ones were read above
    const bool will = Is(q, "will") || WontAt(q);
    if (!will && !(Is(q, "would") && !Is(q + 1, "have"))) continue;
    bool past = false;
    for (int p = q + 1; p < k && !past; ++p) past = PastFormAt(p);
    if (!past) return will ? 1 : 0;
    break;
  }
  if (ScheduleVerbBefore(k)) return 1;
  for (int q = k - 2; q >= k - 7 && q >= 0 && !ClauseEnd(q) && !IsSym(q, ","); --q)
    if (Is(q, "ahead") && Is(q + 1, "of")) return 1;
  // "Friday's hearing in Denver will be ...", "On Friday, the crew are to sail": the
  // future right after it; not in a clause "that" opens ("told the crowd Friday that
  // taxes will fall": a future reported on that day), nor after the result of an event
  // ("her wins in two states on Tuesday will help her": the event is over).
  if (!ResultBefore(k)) {
    for (int q = k + 1; q < N() && q <= k + 8 && !ClauseEnd(q) && !Is(q, "that"); ++q)
      if (Is(q, "will") || ArrangedFuture(q)) return 1;
  }
  if (BareBeParticipleBefore(k)) return 1;
  if (ProspectBefore(k)) return 1;
  return -1;
}

// "said", "says" or "told" in the clause before lexeme k.
bool Scanner::ReportedBefore(int k) const {
  for (int q = k - 1; q >= 0 && !ClauseEnd(q); --q)
    if (Is(q, "said") || Is(q, "says") || Is(q, "told")) return true;
  return false;
}

// "now faces the prospect of defeat in Tuesday's vote": a prospect in the clause before
// the weekday at k lies ahead, unless the verb before it is a past ("faced the prospect").
bool Scanner::ProspectBefore(int k) const {
  for (int q = k - 2; q >= k - 12 && q >= 0 && !ClauseEnd(q); --q) {
    if (!(Is(q, "prospect") || Is(q, "prospects"))) continue;
    const int verb = Is(q - 1, "the") || Is(q - 1, "a") ? q - 2 : q - 1;
    return !(L(verb) && L(verb)->type == kWord && PastWord(L(verb)->low));
  }
  return false;
}

// A noun of an event's result ("victories", "wins", "results", "outcome", "loss") in the
// ten words before the weekday at k.
bool Scanner::ResultBefore(int k) const {
  static constexpr std::string_view kResults[] = {
      "victory", "victories", "win", "wins", "loss", "losses", "defeat", "defeats",
      "result", "results", "outcome", "outcomes"};
  for (int q = k - 1; q >= 0 && q >= k - 10 && !ClauseEnd(q); --q)
    for (std::string_view r : kResults)
      if (Is(q, r)) return true;
  return false;
}

// "ordered that the ballots be recounted by Friday", "must be filed on Monday": a participle
// after a bare "be" right before the weekday at k ("on", "by" between): a deadline or a
// plan still ahead, however the sentence began.
bool Scanner::BareBeParticipleBefore(int k) const {
  int j = k - 1;
  if (Is(j, "on") || Is(j, "by")) --j;
  // not after "was" or "were" ("fares that were be cut Monday": a slip for a
  // plan told in the past)
  return L(j) && L(j)->type == kWord && EdForm(L(j)->low) && Is(j - 1, "be") &&
         !Is(j - 2, "was") && !Is(j - 2, "were");
}

// "the club holds its vote on Tuesday", "which opens Saturday": a verb of a fixed
// schedule in the present (schedule_verbs.txt) in the clause before the weekday at k,
// with no reporting verb between; not a noun after a determiner, nor "a Sunday show".
bool Scanner::ScheduleVerbBefore(int k) const {
  if (Is(k - 1, "a")) return false;
  for (int q = k - 1; q >= 0 && q >= k - 10; --q) {
    if (ClauseEnd(q)) return false;
    if (Is(q, "said") || Is(q, "says") || Is(q, "told")) return false;
    if (!Has(q, kScheduleW)) continue;
    const Lex* p = L(q - 1);
    if (!p || p->type != kWord) return true;
    const std::string& w = p->low;
    return !(w == "the"sv || w == "a"sv || w == "its"sv || w == "their"sv || w == "his"sv ||
             w == "her"sv || w == "all"sv || w == "of"sv);
  }
  return false;
}

// The explicit date in parentheses after a weekday: "Friday (May 8)". Sets *d.
bool Scanner::DateInParens(int k, Date* d) const {
  if (!IsSym(k + 1, "(")) return false;
  int month = 0;
  int me = MonthAt(k + 2, &month, false);
  int day = 0;
  if (me < 0 || !L(me) || L(me)->type != kNum || Day(me, &day) < 0) return false;
  std::string note;
  int year = InferYear(month, day, 0, &note, 0);
  if (!year || !ValidDate(year, month, day)) return false;
  *d = Date{year, month, day};
  return true;
}

// A bare weekday ("on Monday", "said Friday", "Monday's debate", "Friday
// afternoon", "early Friday"): the latest such day on or before the reference
// date, or the next on or after it when the sentence speaks of the future; an
// explicit date beside it wins ("Friday (May 8)": its value is May 8, and a
// mismatch stays for the checks stage).
int Scanner::MatchBareWeekday(int k) {
  if (WeekdayInName(k)) return -1;
  // "on a Monday": any such day, no date ("in a Friday interview" is that Friday's)
  if (Is(k - 1, "a") && Is(k - 2, "on")) return k + 1;
  int wd = t_.weekday.at(L(k)->low);
  if (!ctx_.ref || !ctx_.ref->day) {
    Emit(k, k + 1, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
    return k + 1;
  }
  const Date& r = *ctx_.ref;
  int rwd = Weekday(r.year, r.month, r.day);
  int direction = WeekdayDirection(k);
  const int ahead = (wd - rwd + 7) % 7, back = (rwd - wd + 7) % 7;
  if (direction == 0) direction = ahead < back ? 1 : -1;
  Date d = direction > 0 ? AddDays(r, ahead) : AddDays(r, -back);
  std::string note = ResolvedNote();
  Date stated;
  if (DateInParens(k, &stated)) {
    d = stated;
    note = "the date stated beside it";
    if (Weekday(d.year, d.month, d.day) != wd) note += "; weekday does not match the date";
  } else if (direction > 0) {
    note += "; the sentence speaks of the future";
  }
  Emit(k, k + 1, FigureKind::kDate, Str(IsoDate(d.year, d.month, d.day)), "", false, note);
  return k + 1;
}

// "13th", "4 th" (a day with an ordinal suffix), or a spelled ordinal day.
bool Scanner::IsSuffixedDay(int j) const {
  const Lex* l = L(j);
  return l && (l->type == kWord || (L(j + 1) && L(j + 1)->type == kWord &&
                                    (Is(j + 1, "st") || Is(j + 1, "nd") || Is(j + 1, "rd") ||
                                     Is(j + 1, "th"))));
}

// "Mon 13th", "friday the 26th": the month nearest the reference date (back by default,
// forward when the sentence speaks of the future) whose day falls on that weekday.
int Scanner::EmitWeekdayDay(int k, int e, int wd, int day) {
  if (!ctx_.ref || !ctx_.ref->day) {
    Emit(k, e, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
    return e;
  }
  const Date& r = *ctx_.ref;
  int dir = WeekdayDirection(k) > 0 ? 1 : -1;
  for (int step = 0; step < 24; ++step) {
    int months = r.year * 12 + r.month - 1 + dir * step;
    int y = months / 12, m = months % 12 + 1;
    if (!ValidDate(y, m, day) || Weekday(y, m, day) != wd) continue;
    if (step == 0 && (dir < 0 ? day > r.day : day < r.day)) continue;
    Emit(k, e, FigureKind::kDate, Str(IsoDate(y, m, day)), "", false,
         "month inferred from the weekday and " + ctx_.ref_source);
    return e;
  }
  Emit(k, e, FigureKind::kDate, FigureValue{}, "", false, "no month has that weekday");
  return e;
}

// Weekday prefix: "Monday, January 5, 2026", "Tue May 9" set c->weekday; a bare
// "on Monday" is a date itself.
int Scanner::MatchWeekday(DateCue* c) {
  const int k = c->k;
  const Lex* w = L(k);
  // Lower case only after "on", before a part of the day or a month/day ("on monday",
  // "tuesday night", "friday 5/12").
  if (!(w && w->type == kWord && (w->cls & kWeekday) &&
        (w->upper || ((Is(k - 1, "on") || Has(k + 1, kPartDayW) || SlashDayBefore(k + 3) ||
                       (Is(k + 1, "the") && IsSuffixedDay(k + 2) && L(k + 2)->type == kNum)) &&
                      w->low.size() > 3))))
    return kContinue;
  if (WeekdayInName(k)) return kContinue;
  int k2 = k + 1;
  if (IsSym(k2, ".") && Adj(k2)) ++k2;
  if (IsSym(k2, ",")) ++k2;
  int mm;
  int dd;
  int dk = Is(k2, "the") ? k2 + 1 : k2;
  int de = Day(dk, &dd);
  if (de > 0 && (IsSuffixedDay(dk) || dk != k2) && MonthAt(de, &mm, false) < 0 &&
      !Is(de, "of") && c->mod.empty() && !c->ranged)
    return EmitWeekdayDay(k, de, t_.weekday.at(w->low), dd);
  if (MonthAt(k2, &mm, false) >= 0 || Day(k2, &dd) >= 0) {
    c->weekday = t_.weekday.at(w->low);
    c->k = k2;
    return kContinue;
  }
  if (w->low.size() > 3 && c->mod.empty() && !c->ranged) return MatchBareWeekday(k);
  return kContinue;
}

// ------------------------------------------------------------ month-first

// A stated year after a day or a month: ", 2026", " 2026", "of 1992", "in 2019", "next
// year".
// Returns the end and sets *year, or -1.
int Scanner::YearAfter(int j, int* year) const {
  int ye = j;
  int end = 0;
  // "April 9th of last year", "March 3 of this year", "June 2 next year": the reference
  // date's year or one off
  if (Is(ye, "of") && !Is(ye + 1, "the") && RelativeYearAt(ye + 1, year, &end)) return end;
  if (!Is(ye, "the") && RelativeYearAt(ye, year, &end)) return end;
  if (IsSym(ye, ",")) ++ye;
  if (Is(ye, "of") || Is(ye, "in")) ++ye;
  int yv = Year4(ye);
  if (yv < 0 && Has(ye, kCardinal)) {  // "January 25 nineteen eighty six"
    int se = SpelledYear(ye, &yv);
    if (se < 0 || yv < 1000 || Has(se, kCardinal)) return -1;
    *year = yv;
    return se;
  }
  if (yv < 1000 || (L(ye + 1) && Adj(ye + 1) && L(ye + 1)->type == kWord)) return -1;
  *year = yv;
  return ye + 1;
}

// A spelled day after a month ("April ninth", "April ninth through seventeenth") ends
// the date only before a symbol, a stop word, a range word or a year: "June first lady",
// "March second-quarter" are no dates (de: after the ordinal word).
bool Scanner::SpelledDayEnds(int de) const {
  const Lex* n = L(de);
  if (!n) return true;
  if (n->type == kSym) return !(IsDash(de) && Adj(de));
  if (n->type == kNum) return Year4(de) >= 1000 || (IsSym(de + 1, ":") && Adj(de + 1));
  int year = 0;
  if ((n->cls & kCardinal) && SpelledYear(de, &year) > 0 && year >= 1000) return true;
  return (n->cls & kStop) || n->low == "through"sv || n->low == "till"sv ||
         n->low == "until"sv;
}

// The second day of "January 4 to 7", "November 18-19", "Nov 18-Dec 19" (k3: after
// the first day). Returns its end and sets *m2, *d2, or -1.
int Scanner::MonthDayRangeEnd(int k3, int day, int* m2, int* d2) const {
  if (!(IsDash(k3) || Is(k3, "to") || Is(k3, "through") || Is(k3, "and") || Is(k3, "until") ||
        Is(k3, "till")))
    return -1;
  int k4 = k3 + 1;
  if (Is(k4, "the") && L(k4 + 1) && L(k4 + 1)->type == kWord) ++k4;  // "till the seventeenth"
  int mm2;
  int dd;
  int me = MonthAt(k4, &mm2, false);
  if (me >= 0) {
    int de2 = Day(me, &dd);
    if (de2 < 0 || L(me)->type != kNum) return -1;
    *m2 = mm2;
    *d2 = dd;
    return de2;
  }
  int de2 = Day(k4, &dd);
  if (de2 < 0 || (L(k4)->type != kNum && !SpelledDayEnds(de2)) || dd <= day ||
      (L(de2) && (L(de2)->cls & kMonth)))
    return -1;
  *d2 = dd;
  return de2;
}

// "2019-12-..." after a year: the year opens a numeric date, it does not end this one.
bool Scanner::NumericDateFrom(int ye) const {
  return (IsDash(ye + 1) || IsSym(ye + 1, "/")) && Adj(ye + 1) && L(ye + 2) &&
         L(ye + 2)->type == kNum && Adj(ye + 2) && L(ye + 2)->low.size() == 2 && L(ye + 3) &&
         (IsDash(ye + 3) || IsSym(ye + 3, "/"));
}

// "Sept. 11" naming the 2001 attacks: "the Sept. 11 attacks", "Sept. 11
// conspiracy theories", "before Sept. 11" (b, e: the date's lexemes).
bool Scanner::IsSeptember11(int month, int day, int b, int e) const {
  if (month != 9 || day != 11 || (ctx_.ref && ctx_.ref->year <= 2001)) return false;
  return Is(e, "attacks") || Is(e, "attack") || Is(e, "terrorist") || Is(e, "terror") ||
         Is(e, "conspiracy") || Is(e, "hijackers") || Is(e, "commission") || Is(b - 1, "before") ||
         Is(b - 1, "since") || Is(b - 1, "after");
}

// "January 5, 2026", "Mar.1", "January 4 to 7", "November 18-19", "Nov 18-Dec 19, 2015"
// (e: after the month).
// Where the day after a month starts (e: after the month): past the slash of "Oct/2"
// ("Dec/2018" is a month and year, read elsewhere), the comma of "October, 1st" (a
// suffixed day only) and the "the" of "April the ninth" (a spelled ordinal day only).
int Scanner::DayAfterMonth(int e) const {
  if (IsSym(e, "/") && Adj(e) && Adj(e + 1) && IntAt(e + 1, 2) > 0 && !(L(e + 2) && Adj(e + 2)))
    return e + 1;
  if (IsSym(e, ",") && IntAt(e + 1, 2) > 0 && IsSuffixedDay(e + 1)) return e + 1;
  const Lex* n = L(e + 1);
  if (Is(e, "the") && n && n->type == kWord && t_.ordinal.count(n->low) &&
      t_.ordinal.at(n->low) <= 31)
    return e + 1;
  return e;
}

int Scanner::MatchMonthDay(const DateCue& c, int month, int e) {
  e = DayAfterMonth(e);
  int day;
  int de = Day(e, &day);
  bool day_ok = de >= 0 && (L(e)->type == kNum || SpelledDayEnds(de)) &&
                !(IsSym(de, ":") && L(de + 1) && L(de + 1)->type == kNum && Adj(de + 1)) &&
                !(L(de) && L(de)->type == kWord && Adj(de) && L(de)->low != "st"sv);
  if (!day_ok && de < 0 && Has(e, kCardinal)) {  // "May twenty nine", "June 5"-like in words
    int ce = SmallCardinal(e, &day);
    int year = 0;
    bool year_next = ce > 0 && Has(ce, kCardinal) && SpelledYear(ce, &year) > 0;
    // Only before a year, "at", a clock time, punctuation or the end: "The March twenty
    // percent rise" is no date.
    const Lex* n = ce > 0 ? L(ce) : nullptr;
    bool ends = !n || (n->type == kSym && !IsDash(ce)) || Is(ce, "at") ||
                (n->type == kNum && IsSym(ce + 1, ":") && Adj(ce + 1));
    if (ce > 0 && day <= 31 && (year_next || ends)) de = ce, day_ok = true;
  }
  if (!day_ok) return kContinue;  // "Mar.1" - tight after an abbreviation's period is fine
  int d2 = 0, m2 = month;
  int re = MonthDayRangeEnd(de, day, &m2, &d2);
  int end = re >= 0 ? re : de;
  int year = 0;
  int ye = YearAfter(end, &year);
  bool has_year = ye > 0 && !NumericDateFrom(ye - 1);
  if (has_year) end = ye;
  else year = 0;
  std::string note;
  if (!year && re < 0 && IsSeptember11(month, day, c.b, end)) {
    year = 2001;
    note = "the 2001 attacks";
  }
  if (!year) year = InferYear(month, day, c.weekday, &note, c.bias);
  if (!ValidDate(year ? year : 2000, month, day) ||
      (d2 && !ValidDate(year ? year : 2000, m2, d2))) {
    Emit(c.b, end, FigureKind::kDate, FigureValue{}, "", false, "not a valid date");
    return end;
  }
  if (c.weekday && year && Weekday(year, month, day) != c.weekday)
    note += note.empty() ? "weekday does not match the date" : "; weekday does not match the date";
  int start = c.ranged && re >= 0 ? c.i : (c.ranged ? c.i + 1 : c.b);
  if (c.ranged && re < 0) start = c.i + 1;
  if (re < 0) {
    Emit(start, end, FigureKind::kDate, Str(IsoDate(year, month, day)), "", !c.mod.empty(), note);
    return end;
  }
  int y2 = year;
  if (year && (m2 < month)) y2 = year + 1;
  if (has_year && m2 < month) y2 = year, year = year - 1;
  Emit(start, end, FigureKind::kDate, StrRange(IsoDate(year, month, day), IsoDate(y2, m2, d2)),
       "", !c.mod.empty(), note);
  return end;
}

// Month + year: "March 2022", "June of 1992", "Dec-2018", "May last year".
int Scanner::MatchMonthYear(const DateCue& c, int month, int e) {
  int ye = e;
  if (IsSym(ye, ",") || Is(ye, "of") || (IsSym(ye, "-") && Adj(ye)) ||
      (IsSym(ye, "/") && Adj(ye)) || (Is(ye, "in") && Year4(ye + 1) >= 1000))
    ++ye;  // "June of 1992", "April in 2016"
  int yv = Year4(ye);
  std::string note = c.mod;
  int rel_end = 0;
  if (ye == e && !Is(e, "the") && RelativeYearAt(e, &yv, &rel_end)) {  // "May last year"
    int start = c.ranged ? c.i + 1 : c.b;
    Emit(start, rel_end, FigureKind::kDate, Str(IsoDate(yv, month)), "", !c.mod.empty(),
         ResolvedNote());
    return rel_end;
  }
  if (yv < 1000 && ye == e && TwoDigitYearAfterMonth(c.k, e)) {
    yv = CenturyOf(IntAt(e, 2));
    note += note.empty() ? "century inferred" : "; century inferred";
  }
  if (yv < 1000 || (L(ye + 1) && Adj(ye + 1) && L(ye + 1)->type == kWord)) return kContinue;
  int start = c.ranged ? c.i + 1 : c.b;
  Emit(start, ye + 1, FigureKind::kDate, Str(IsoDate(yv, month)), "", !c.mod.empty(), note);
  return ye + 1;
}

// "April 98" in a table's header: a capitalised month, then two digits that cannot
// be a day (32-99), then nothing, punctuation or another month ("April 98 March 98":
// not "June 45 percent", "July 60 people").
bool Scanner::TwoDigitYearAfterMonth(int k, int e) const {
  const Lex* n = L(e);
  if (!L(k)->upper || !n || n->type != kNum || n->low.size() != 2 || IntAt(e, 2) <= 31)
    return false;
  const Lex* after = L(e + 1);
  int unused = 0;
  return !after || (after->type == kSym && after->low != "%"sv) ||
         MonthAt(e + 1, &unused, false) >= 0;
}

// The year of two digits: the latest such year not after the reference year
// ("96" said in 1996 or 2016: 1996; "12" said in 2016: 2012).
int Scanner::CenturyOf(int two) const {
  int ref_y = ctx_.ref ? ctx_.ref->year : 2000;
  return two + 2000 > ref_y ? 1900 + two : 2000 + two;
}

// Month ranges: "from March to May", "Jan-Feb 2017", "March-May 2020".
int Scanner::MatchMonthRange(const DateCue& c, int month, int e) {
  int k2 = e;
  bool link = (IsDash(k2)) || Is(k2, "to") || Is(k2, "through") || Is(k2, "until") ||
              Is(k2, "till") || (Is(k2, "and") && c.ranged && Is(c.i, "between"));
  int m2 = 0;
  int e2 = link ? MonthAt(k2 + 1, &m2, false) : -1;
  if (e2 <= -2) e2 = -1;
  int d1;
  if (!(e2 >= 0 && L(c.k)->upper && L(k2 + 1)->upper &&
        !(Day(e2, &d1) >= 0 && L(e2)->type == kNum && L(e2)->low.size() <= 2)))
    return kContinue;
  int end = e2;
  int ye2 = end;
  if (IsSym(ye2, ",")) ++ye2;
  if (Is(ye2, "in") || Is(ye2, "of")) ++ye2;
  int y2 = Year4(ye2);
  int y1 = 0;
  std::string note;
  if (y2 >= 1000 && !(L(ye2 + 1) && Adj(ye2 + 1) && L(ye2 + 1)->type == kWord)) {
    end = ye2 + 1;
    y1 = m2 >= month ? y2 : y2 - 1;
  } else {
    // The range's year is its end's ("from February to July" in a September story: the
    // months just past, though the coming February lies nearer than the last one).
    y2 = InferYear(m2, 0, 0, &note, c.bias);
    y1 = y2 ? (m2 >= month ? y2 : y2 - 1) : 0;
  }
  Emit(c.ranged ? c.i : c.b, end, FigureKind::kDate,
       StrRange(IsoDate(y1, month), IsoDate(y2, m2)), "", !c.mod.empty(), note);
  return end;
}

// Month alone: needs a cue, and never "May"/"March" lower case or a bare abbreviation.
int Scanner::MatchMonthAlone(const DateCue& c, int month, int e, bool weak) {
  const Lex* ml = L(c.k);
  bool is_abbr =
      ml->low.size() <= 4 && ml->low != "june"sv && ml->low != "july"sv && ml->low != "may"sv;
  if (weak || is_abbr) return -1;
  if (!ml->upper) return -1;
  const Lex* p = L(c.k - 1);
  const std::string& mod = c.mod;
  bool cue = !mod.empty() || (p && p->type == kWord &&
                              (p->low == "in"sv || p->low == "since"sv || p->low == "until"sv ||
                               p->low == "till"sv || p->low == "by"sv || p->low == "from"sv ||
                               p->low == "of"sv || p->low == "during"sv || p->low == "before"sv ||
                               p->low == "after"sv || p->low == "through"sv || p->low == "to"sv ||
                               p->low == "and"sv || p->low == "or"sv || p->low == "between"sv ||
                               p->low == "last"sv || p->low == "next"sv || p->low == "this"sv ||
                               p->low == "early"sv || p->low == "late"sv || p->low == "mid"sv ||
                               p->low == "on"sv || p->low == "each"sv || p->low == "every"sv));
  if (!cue && ml->low == "may"sv) return -1;
  if (!cue && (!p || (p->type == kWord && p->upper))) return -1;  // "April Smith"
  if (!cue && p && p->type == kSym && p->low != ","sv && p->low != "("sv) return -1;
  if (!cue) return -1;
  std::string note;
  int y = InferYear(month, 0, 0, &note, c.bias);
  if (Is(e, "of") && (Is(e + 1, "next") || Is(e + 1, "last")) && Is(e + 2, "year") && ctx_.ref) {
    y = ctx_.ref->year + (Is(e + 1, "next") ? 1 : -1);  // "March of next year"
    e += 3;
  }
  std::string val = IsoDate(y, month);
  bool vague = !mod.empty() && mod != "last"sv && mod != "next"sv && mod != "this"sv;
  if (vague) note = note.empty() ? mod : mod + "; " + note;
  Emit(c.ranged ? c.i + 1 : c.b, e, FigureKind::kDate, Str(val), "", vague, note);
  return e;
}

// Month-first: "January 5, 2026", "Mar.1", "January 4 to 7", "March 2022", "in March".
int Scanner::MatchMonthFirst(DateCue* c) {
  int month = 0;
  int e = MonthAt(c->k, &month, false);
  bool weak = false;
  if (e <= -2) {
    weak = true;
    e = -2 - e;
  }
  if (e < 0) return kContinue;
  int r = MatchMonthDay(*c, month, e);
  if (r == kContinue) r = MatchMonthYear(*c, month, e);
  if (r == kContinue) r = MatchMonthRange(*c, month, e);
  if (r == kContinue) r = MatchMonthAlone(*c, month, e, weak);
  return r;
}

// ------------------------------------------------------------ day-first

// The second day of "4-7 January", "26 june to 28 june" (k2: after the first day
// dd at k). Returns its end and sets *d2, or -1.
int Scanner::DayRangeEnd(int k, int k2, int dd, int* d2) const {
  if (!((IsDash(k2) || Is(k2, "to") || Is(k2, "and")) && L(k) && L(k)->type == kNum)) return -1;
  int dd2;
  int de2 = Day(k2 + 1, &dd2);
  if (de2 < 0 || L(k2 + 1)->type != kNum || dd2 <= dd) return -1;
  int mm;
  if (!(MonthAt(de2, &mm, false) >= 0 || (Is(de2, "of") && MonthAt(de2 + 1, &mm, false) >= 0)))
    return -1;
  *d2 = dd2;
  return de2;
}

// Day-first: "5 January 2026", "19 June", "04th Jan 2019", "fourth of July", "4-7 January".
int Scanner::MatchDayFirst(DateCue* c) {
  const int k = c->k;
  int dd;
  if (c->ranged && L(k)->type == kWord) {
    int r = MatchOrdinalDayRange(c);
    if (r != kContinue) return r;
  }
  int de = Day(k, &dd);
  if (de < 0) return MatchSpelledDayFirst(c);
  int d2 = 0;
  int re = DayRangeEnd(k, de, dd, &d2);
  int k2 = re >= 0 ? re : de;
  if (Is(k2, "of")) ++k2;
  int month = 0;
  int me = MonthAt(k2, &month, false);
  const bool weak = me <= -2;  // a lower-case "may" or "march"
  if (weak) me = -2 - me;
  bool spelled = L(k)->type == kWord;
  if (!(me >= 0 && (L(k2)->upper || !spelled) && (!spelled || Is(k + 1, "of")))) return kContinue;
  int end = me;
  int year = 0;
  int ye = YearAfter(end, &year);
  // "ages 4 to 12 may enter": a lower-case "may" after a day is the verb unless a year follows.
  if (weak && ye <= 0) return kContinue;
  if (ye > 0) end = ye;
  std::string note;
  if (!year) year = InferYear(month, dd, c->weekday, &note, c->bias);
  if (!ValidDate(year ? year : 2000, month, dd)) {
    Emit(c->b, end, FigureKind::kDate, FigureValue{}, "", false, "not a valid date");
    return end;
  }
  int start = c->ranged ? (re >= 0 ? c->i : c->i + 1) : c->b;
  if (re >= 0) {
    Emit(start, end, FigureKind::kDate,
         StrRange(IsoDate(year, month, dd), IsoDate(year, month, d2)), "", false, note);
  } else {
    Emit(start, end, FigureKind::kDate, Str(IsoDate(year, month, dd)), "", false, note);
  }
  return end;
}

// After "from" / "between": "the ninth till the seventeenth of April", "ninth and
// seventeenth of april", "the twenty-seventh to the third of April" (spelled ordinal days,
// the month after the second; a second day before the first is in the next month).
int Scanner::MatchOrdinalDayRange(DateCue* c) {
  if (!c->ranged) return kContinue;
  int k = Is(c->k, "the") ? c->k + 1 : c->k;
  int d1 = 0, d2 = 0, month = 0;
  int de = Day(k, &d1);
  if (de < 0 || L(k)->type != kWord) return kContinue;
  bool link = Is(de, "to") || Is(de, "till") || Is(de, "until") || Is(de, "through") ||
              (Is(de, "and") && Is(c->i, "between"));
  int k2 = Is(de + 1, "the") ? de + 2 : de + 1;
  int de2 = link ? Day(k2, &d2) : -1;
  if (de2 < 0 || L(k2)->type != kWord || !Is(de2, "of")) return kContinue;
  int me = MonthAt(de2 + 1, &month, false);
  if (me < 0) return kContinue;
  int m1 = d2 < d1 ? (month + 10) % 12 + 1 : month;
  int year = 0;
  int end = me;
  int ye = YearAfter(me, &year);
  std::string note;
  if (ye > 0)
    end = ye;
  else
    year = InferYear(month, d2, 0, &note, c->bias);
  int y1 = m1 > month ? year - 1 : year;
  if (!year || !ValidDate(y1, m1, d1) || !ValidDate(year, month, d2)) return kContinue;
  Emit(c->i, end, FigureKind::kDate, StrRange(IsoDate(y1, m1, d1), IsoDate(year, month, d2)), "",
       false, note);
  return end;
}

// "twenty five January nineteen eighty six", "fifteen August 1993": a spelled day before a
// capitalised month, read only when a year follows.
int Scanner::MatchSpelledDayFirst(DateCue* c) {
  const int k = c->k;
  int dd = 0, month = 0, year = 0;
  int de = SmallCardinal(k, &dd);
  if (de < 0 || dd > 31 || !L(de) || !L(de)->upper) return kContinue;
  int me = MonthAt(de, &month, true);
  if (me < 0) return kContinue;
  int ye = YearAfter(me, &year);
  if (ye < 0 || !ValidDate(year, month, dd)) return kContinue;
  Emit(c->ranged ? c->i + 1 : c->b, ye, FigureKind::kDate, Str(IsoDate(year, month, dd)), "",
       false);
  return ye;
}

// ------------------------------------------------------------ quarters, numeric dates

FigureValue Scanner::QuarterRange(int y, int q, bool half) const {
  int m0 = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
  int m1 = m0 + (half ? 5 : 2);
  return StrRange(IsoDate(y, m0), IsoDate(y, m1));
}

// "Q1" / "q1" / "H2" at j: its end, or -1.
int Scanner::QuarterAt(int j, int* q, bool* half) const {
  const Lex* w = L(j);
  if (!w || w->type != kWord || !(w->low == "q"sv || w->low == "h"sv)) return -1;
  if (!(L(j + 1) && L(j + 1)->type == kNum && Adj(j + 1))) return -1;
  int v = IntAt(j + 1, 1);
  *half = w->low == "h"sv;
  if (v < 1 || v > (*half ? 2 : 4)) return -1;
  *q = v;
  return j + 2;
}

// Quarters and halves: "Q1 2024", "2017-Q1", "q3 2019", "first quarter of 2024", "2019 H2".
int Scanner::MatchQuarter(DateCue* c) {
  const int k = c->k;
  const int start = c->ranged ? c->i + 1 : c->b;
  int q = 0;
  bool half = false;
  int qe = QuarterAt(k, &q, &half);
  if (qe > 0) {
    int ye = qe;
    if ((IsDash(ye) && Adj(ye)) || IsSym(ye, "/")) ++ye;
    if (Is(ye, "of")) ++ye;
    int y = Year4(ye);
    if (y >= 1000) {
      Emit(start, ye + 1, FigureKind::kDate, QuarterRange(y, q, half),
           half ? "half-year" : "quarter", false);
      return ye + 1;
    }
  }
  int y = Year4(k);
  if (y >= 1000) {
    int k2 = k + 1;
    if ((IsDash(k2) && Adj(k2)) || IsSym(k2, "/")) ++k2;
    int qe2 = QuarterAt(k2, &q, &half);
    if (qe2 > 0) {
      Emit(start, qe2, FigureKind::kDate, QuarterRange(y, q, half),
           half ? "half-year" : "quarter", false);
      return qe2;
    }
  }
  // "the first quarter of 2024", "second half of 2023"
  const Lex* o = L(k);
  if (!(o && o->type == kWord && (o->cls & kOrdinalW) &&
        (Is(k + 1, "quarter") || Is(k + 1, "half")) && Is(k + 2, "of")))
    return kContinue;
  int yy = Year4(k + 3);
  int ye = k + 4;
  const bool relative = yy < 1000 && RelativeYearAt(k + 3, &yy, &ye);
  int ov = t_.ordinal.count(o->low) ? t_.ordinal.at(o->low) : 0;
  bool h = Is(k + 1, "half");
  if (yy < 1000 || ov < 1 || ov > (h ? 2 : 4)) return kContinue;
  // "the third quarter of the year" said in January is last year's: with "the year"
  // the latest such period that began by the reference date
  const int first_month = h ? (ov - 1) * 6 + 1 : (ov - 1) * 3 + 1;
  if (relative && Is(k + 3, "the") && first_month > ctx_.ref->month) --yy;
  Emit(start, ye, FigureKind::kDate, QuarterRange(yy, ov, h), h ? "half-year" : "quarter", false,
       relative ? "resolved against " + ctx_.ref_source : "");
  return ye;
}

// "the year", "this year", "last year", "next year" at j (after "the first quarter
// of"), with a reference date: the year and the end of the words.
bool Scanner::RelativeYearAt(int j, int* year, int* end) const {
  if (!ctx_.ref || !Is(j + 1, "year")) return false;
  const int delta = Is(j, "the") || Is(j, "this") ? 0 : Is(j, "last") ? -1 : Is(j, "next") ? 1 : 9;
  if (delta == 9) return false;
  *year = ctx_.ref->year + delta;
  *end = j + 2;
  return true;
}

// Numeric dates: "2026-01-05", "2019/08/01", "1/1/2015", "29/03/2018".
// "23.04.2022" (one lexeme: day, month, four-digit year, dotted; day first as in Europe).
static bool DottedDate(const std::string& s, int* y, int* m, int* d) {
  if (s.size() < 8 || s.size() > 10 || s[s.size() - 5] != '.') return false;
  size_t p1 = s.find('.');
  size_t p2 = s.size() - 5;
  if (p1 == 0 || p1 > 2 || p2 - p1 < 2 || p2 - p1 > 3) return false;
  for (size_t x = 0; x < s.size(); ++x)
    if (x != p1 && x != p2 && (s[x] < '0' || s[x] > '9')) return false;
  *d = std::stoi(s.substr(0, p1));
  *m = std::stoi(s.substr(p1 + 1, p2 - p1 - 1));
  *y = std::stoi(s.substr(p2 + 1));
  return *y >= 1000 && ValidDate(*y, *m, *d);
}

// "05-Aug-2016", "2019/aug/01", "2020/Sep/23": a month name between two numbers joined by
// the same "-" or "/"; the four-digit one is the year.
int Scanner::MatchNamedMonthNumeric(DateCue* c) {
  const int k = c->k;
  bool dash = IsDash(k + 1), slash = IsSym(k + 1, "/");
  if (!(dash || slash) || !Adj(k + 1) || !Adj(k + 2) || !Adj(k + 3) || !Adj(k + 4) ||
      !(dash ? IsDash(k + 3) : IsSym(k + 3, "/")) || !L(k + 4) || L(k + 4)->type != kNum)
    return kContinue;
  int mm = 0;
  if (MonthAt(k + 2, &mm, false) != k + 3) return kContinue;
  int yy = Year4(k), dd = IntAt(k + 4, 2);
  if (yy < 1000) yy = Year4(k + 4), dd = IntAt(k, 2);
  const Lex* after = L(k + 5);
  bool glued = after && Adj(k + 5) &&
               (after->type != kSym || IsDash(k + 5) || IsSym(k + 5, "/") || IsSym(k + 5, "."));
  if (yy < 1000 || !ValidDate(yy, mm, dd) || glued) return kContinue;
  Emit(c->ranged ? c->i + 1 : c->b, k + 5, FigureKind::kDate, Str(IsoDate(yy, mm, dd)), "", false);
  return k + 5;
}

int Scanner::MatchNumericDate(DateCue* c) {
  const int k = c->k;
  const Lex* a = L(k);
  if (!(a && a->type == kNum && !c->mod.size())) return kContinue;
  int dy, dm, dday;
  if (DottedDate(a->low, &dy, &dm, &dday)) {
    Emit(c->ranged ? c->i + 1 : c->b, k + 1, FigureKind::kDate, Str(IsoDate(dy, dm, dday)), "",
         false, "day first");
    return k + 1;
  }
  int named = MatchNamedMonthNumeric(c);
  if (named != kContinue) return named;
  int k1 = k + 1, k2 = k + 3;
  bool dash = IsSym(k1, "-") && IsSym(k2, "-");
  bool slash = IsSym(k1, "/") && IsSym(k2, "/");
  // "5/1/2019-5/7/2020", "10-1-2018-10-7-2018": a dash before another full date of the
  // same shape ends this one (the merge makes the range).
  const char* sep = dash ? "-" : "/";
  bool next_date = IsSym(k2 + 2, "-") && Adj(k2 + 2) && Adj(k2 + 3) && L(k2 + 3) &&
                   L(k2 + 3)->type == kNum && IsSym(k2 + 4, sep) && Adj(k2 + 4) &&
                   IsSym(k2 + 6, sep) && L(k2 + 7) && L(k2 + 7)->low.size() == 4;
  if (!((dash || slash) && Adj(k1) && Adj(k1 + 1) && Adj(k2) && Adj(k2 + 1) && L(k1 + 1) &&
        L(k2 + 1) && (!(IsSym(k2 + 2, "-") && Adj(k2 + 2)) || next_date)))
    return MatchMonthSlashDay(c);
  int x = IntAt(k, 4), y = IntAt(k1 + 1, 2), z = IntAt(k2 + 1, 4);
  int yy = 0, mm = 0, dd = 0;
  if (a->low.size() == 4 && x >= 1000) {
    yy = x, mm = y, dd = z;
    if (L(k2 + 1)->low.size() > 2) yy = 0;
  } else if (L(k2 + 1)->low.size() == 4 && z >= 1000 && slash) {
    // M/D/YYYY (US) unless the first cannot be a month.
    if (x > 12) dd = x, mm = y;
    else mm = x, dd = y;
    yy = z;
  } else if (L(k2 + 1)->low.size() == 2 && slash && a->low.size() <= 2 && x >= 1 &&
             (x <= 12 || y <= 12) && L(k1 + 1)->low.size() <= 2) {
    // "9/17/16": M/D/YY, the century that puts it on or before the next year; D/M/YY
    // when the first cannot be a month ("23/08/39").
    int ref_y = ctx_.ref ? ctx_.ref->year : 2025;
    mm = x, dd = y, yy = 2000 + z;
    if (x > 12) mm = y, dd = x;
    if (yy > ref_y + 1) yy -= 100;
  } else if (L(k2 + 1)->low.size() == 4 && z >= 1000 && dash && a->low.size() <= 2) {
    if (x > 12) dd = x, mm = y;
    else mm = x, dd = y;
    yy = z;
  }
  if (!(yy && ValidDate(yy, mm, dd))) return kContinue;
  int end = k2 + 2;
  Emit(c->ranged ? c->i + 1 : c->b, end, FigureKind::kDate, Str(IsoDate(yy, mm, dd)), "", false);
  return end;
}

// "M/D" ending at lexeme j: a number, "/", a number, all touching.
bool Scanner::SlashDayBefore(int j) const {
  return L(j) && L(j)->type == kNum && IsSym(j - 1, "/") && Adj(j - 1) && Adj(j) && L(j - 2) &&
         L(j - 2)->type == kNum;
}

// "on 11/20", "friday 5/12", "from 10/1 to 11/7", "11/20, 11/22 or 11/25": month/day
// without a year (US order), read only after a date cue (a weekday, "on", "from",
// "between", "until", "till", "through", "since") or after another such date in a list or
// range; the year is inferred like "November 20". Silent on fractions ("1/3", "3/4": a
// smaller number over 2-6, 8, 10, 16, 32, 100), "9/11" (the attacks, a name), "24/7".
int Scanner::MatchMonthSlashDay(DateCue* c) {
  const int k = c->k;
  if (!(IsSym(k + 1, "/") && Adj(k + 1) && Adj(k + 2) && L(k + 2) && L(k + 2)->type == kNum))
    return kContinue;
  const Lex* after = L(k + 3);
  bool glued = after && Adj(k + 3) &&
               (IsSym(k + 3, "/") || after->type != kSym ||
                (!IsDash(k + 3) && L(k + 4) && L(k + 4)->type == kNum && Adj(k + 4)));
  if (L(k)->low.size() > 2 || L(k + 2)->low.size() > 2 || IsSym(k - 1, "/") || glued)
    return kContinue;  // "11/20/2018" is read above; "1/2.5", "3/4ths"
  int mm = IntAt(k, 2), dd = IntAt(k + 2, 2);
  static constexpr int kDenominators[] = {2, 3, 4, 5, 6, 8, 10, 16, 32};
  for (int d : kDenominators)
    if (dd == d && mm < dd) return kContinue;
  if (mm < 1 || mm > 12 || (mm == 9 && dd == 11)) return kContinue;
  bool listed = (IsSym(k - 1, ",") || Is(k - 1, "or") || Is(k - 1, "and") || Is(k - 1, "to") ||
                 (IsDash(k - 1) && Adj(k - 1) && Adj(k))) &&
                SlashDayBefore(k - 2);
  bool cue = c->weekday || c->ranged || listed || Is(k - 1, "on") || Is(k - 1, "until") ||
             Is(k - 1, "till") || Is(k - 1, "through") || Is(k - 1, "since");
  if (!cue || !ValidDate(2000, mm, dd)) return kContinue;
  std::string note;
  int year = InferYear(mm, dd, c->weekday, &note, c->bias);
  if (year && !ValidDate(year, mm, dd)) return kContinue;  // "2/29" in a common year
  if (c->weekday && year && Weekday(year, mm, dd) != c->weekday)
    note += note.empty() ? "weekday does not match the date" : "; weekday does not match the date";
  FigureValue v = year ? Str(IsoDate(year, mm, dd)) : FigureValue{};
  Emit(c->ranged ? c->i + 1 : c->b, k + 3, FigureKind::kDate, v, "", false, note);
  return k + 3;
}

// ------------------------------------------------------------ years

// Apostrophe decades: "'90s", "’80s".
int Scanner::MatchApostropheDecade(const DateCue& c) {
  const int k = c.k;
  const Lex* a = L(k);
  if (!(a->type == kNum && a->low.size() == 2 && IsApostrophe(k - 1) &&
        Adj(k) && Is(k + 1, "s") && Adj(k + 1)))
    return kContinue;
  return EmitTwoDigitDecade(c, k - 1, k + 2);
}

// A year written with an apostrophe for its century after a year cue (year_cues.txt):
// "in ’04 and ’16", "since '93". Not "''15 lanterns" (a doubled mark is a quotation
// mark), nor a title's "’12 Lanterns’" after no cue.
int Scanner::MatchApostropheYear(const DateCue& c) {
  const int k = c.k;
  const bool mark = IsApostrophe(k - 1) || IsSym(k - 1, "\u2018");
  // "post-97", "pre-89": a year's two last digits after a prefix of time
  const bool prefixed = IsDash(k - 1) && Adj(k) && Adj(k - 1) &&
                        (Is(k - 2, "post") || Is(k - 2, "pre")) &&
                        !Has(k + 1, kUnitW | kPercentW | kScale | kCurrencyW | kDurationW);
  if (!(L(k)->type == kNum && L(k)->low.size() == 2 && IntAt(k, 2) >= 0 &&
        ((mark && Adj(k) && !Adj(k - 1) && Has(k - 2, kYearCue)) || prefixed)))
    return kContinue;
  if (L(k + 1) && Adj(k + 1) && (L(k + 1)->type != kSym || IsDash(k + 1))) return kContinue;
  Emit(prefixed ? k : k - 1, k + 1, FigureKind::kDate, Str(IsoDate(CenturyOf(IntAt(k, 2)))), "",
       false, "century inferred");
  return k + 1;
}

// "the 80’s", "the 90's": a decade written with the apostrophe after the digits.
int Scanner::MatchDecadeApostropheS(const DateCue& c) {
  const int k = c.k;
  const Lex* a = L(k);
  if (!(a->type == kNum && a->low.size() == 2 && IntAt(k, 2) % 10 == 0 && Is(k - 1, "the") &&
        IsApostrophe(k + 1) && Adj(k + 1) && Is(k + 2, "s") &&
        Adj(k + 2)))
    return kContinue;
  return EmitTwoDigitDecade(c, k, k + 3);
}

// A two-digit decade at c.k spanning lexemes [b, e): the latest such decade
// before the reference year.
int Scanner::EmitTwoDigitDecade(const DateCue& c, int b, int e) {
  const int k = c.k;
  int d0 = CenturyOf(IntAt(k, 2));
  Emit(b, e, FigureKind::kDate, StrRange(IsoDate(d0), IsoDate(d0 + 9)), "decade",
       !c.mod.empty(), "decade; century inferred");
  return e;
}

// Decade: "1990s", "1990 s", "the 1990s", "the 1930's" (after "the" or a modifier).
int Scanner::MatchDecade(const DateCue& c, int yv) {
  const int k = c.k;
  const Lex* nx = L(k + 1);
  if (yv % 10 != 0) return kContinue;
  int e = -1;
  if (nx && nx->type == kWord && nx->low == "s"sv && (Adj(k + 1) || RawOf(nx) == "s"sv))
    e = k + 2;
  else if (IsApostrophe(k + 1) && Adj(k + 1) && Is(k + 2, "s") && Adj(k + 2) &&
           (Is(k - 1, "the") || Is(c.b - 1, "the") || !c.mod.empty()))
    e = k + 3;  // not a year's possessive: "2010's midterms"
  if (e < 0) return kContinue;
  Emit(c.ranged ? c.i + 1 : c.b, e, FigureKind::kDate, StrRange(IsoDate(yv), IsoDate(yv + 9)),
       "decade", !c.mod.empty(), c.mod.empty() ? "decade" : "decade; " + c.mod);
  return e;
}

// Not a year: followed tight by letters other than "s" (e.g. "2024m2"), by "%",
// ":" or "$", by a decimal part, or by "of these" / "of them".
bool Scanner::NotAYear(int k) const {
  const Lex* nx = L(k + 1);
  // "@harbour2031", "ilduce2016": digits glued to a word end a handle or a name
  const Lex* pv = L(k - 1);
  // (a hashtag's year stays one: "#Harbour2031")
  if (pv && pv->type == kWord && Adj(k) && !Is(k - 1, "fy") && !Is(k - 1, "mid") &&
      !Is(k - 1, "pre") && !Is(k - 1, "post") && !(IsSym(k - 2, "#") && Adj(k - 1)))
    return true;
  // "sang for 3400 of them": a count of a group
  if (Is(k + 1, "of") && (Is(k + 2, "these") || Is(k + 2, "those") || Is(k + 2, "them") ||
                          Is(k + 2, "us") || Is(k + 2, "whom") || Is(k + 2, "which")))
    return true;
  if (ZoneAt(k + 1)) return true;  // "1900 GMT" is a clock time
  if (nx && Adj(k + 1) && nx->type == kWord) return true;
  // (a colon glued to the number and then a space ends a clause: "a nominee in 2016:" is
  // the year; "2016:45" is no year)
  const bool colon_ends = nx && nx->type == kSym && nx->low == ":"sv && Is(k - 1, "in") &&
                          (!L(k + 2) || !Adj(k + 2));
  if (nx && nx->type == kSym && (nx->low == "%"sv || nx->low == ":"sv || nx->low == "$"sv) &&
      !colon_ends)
    return true;
  return nx && nx->type == kSym && (nx->low == "."sv || nx->low == ","sv) && Adj(k + 1) &&
         L(k + 2) && L(k + 2)->type == kNum && Adj(k + 2);
}

// Year ranges: "2013-2017", "(1908-1932)", "2012-13" (fiscal), "from 1910 to 1945",
// "between 2014 and 2018".
int Scanner::MatchYearRange(const DateCue& c, int yv) {
  const int k = c.k;
  int k2 = k + 1;
  bool dash = IsDash(k2) || (IsSym(k2, "/") && Adj(k2) && Adj(k2 + 1) && L(k2 + 1) &&
                             L(k2 + 1)->low.size() == 2);
  bool word_to = Is(k2, "to") || Is(k2, "through") || Is(k2, "till") || Is(k2, "until") ||
                 (Is(k2, "and") && Is(c.i, "between"));
  if (!((dash && Adj(k2) == Adj(k2 + 1)) || (dash && !Adj(k2)) || word_to)) return kContinue;
  const Lex* n = L(k2 + 1);
  if (!(n && n->type == kNum)) return kContinue;
  int y2 = -1;
  bool fiscal = false;
  if (n->low.size() == 4) {
    y2 = IntAt(k2 + 1, 4);
  } else if (n->low.size() == 2 && dash && Adj(k2) && Adj(k2 + 1)) {
    int two = IntAt(k2 + 1, 2);
    y2 = yv / 100 * 100 + two;
    if (y2 <= yv) y2 += 100;
    fiscal = y2 == yv + 1;
  } else if (n->low.size() == 1 && dash && Adj(k2) && Adj(k2 + 1) && yv % 10 != 9) {
    y2 = yv / 10 * 10 + IntAt(k2 + 1, 1);  // "the slump of 2008-9": the year's last digit
  }
  const Lex* after = L(k2 + 2);
  bool after_ok = !(after && Adj(k2 + 2) && after->type == kWord) &&
                  !(after && after->type == kSym && after->low == "%"sv) &&
                  !(after && after->type == kWord &&
                    (after->cls & (kUnitW | kScale | kPercentW)));
  if (!(y2 > yv && y2 - yv <= 200 && after_ok)) return kContinue;
  int start = c.ranged && word_to ? c.i : (c.ranged ? c.i + 1 : c.b);
  if (c.ranged && !word_to && dash) start = c.i;
  if (fiscal) {
    Emit(start, k2 + 2, FigureKind::kDate, StrRange(IsoDate(yv), IsoDate(y2)), "fiscal year",
         false,
         "fiscal year " + std::to_string(yv) + "-" +
             std::to_string(y2 % 100 < 10 ? 0 : y2 % 100 / 10) + std::to_string(y2 % 10));
  } else {
    Emit(start, k2 + 2, FigureKind::kDate, StrRange(IsoDate(yv), IsoDate(y2)), "", !c.mod.empty(),
         c.mod);
  }
  return k2 + 2;
}

// Fiscal years written "FY2024" / "FY 2024".
int Scanner::MatchFiscalYear(const DateCue& c, int yv) {
  const int k = c.k;
  if (!(Is(k - 1, "fy") && (k - 1 >= c.i || k - 1 == c.b - 1))) return kContinue;
  Emit(k - 1, k + 1, FigureKind::kDate, Str(IsoDate(yv)), "fiscal year", false, "fiscal year");
  return k + 1;
}

// "old" or "-old" at j (after an age's unit): the end after it, or -1.
int Scanner::OldEnd(int j) const {
  if (Is(j, "old")) return j + 1;
  // "17-year-olds": people of that age
  return IsSym(j, "-") && (Is(j + 1, "old") || (Is(j + 1, "olds") && Adj(j + 1))) ? j + 2 : -1;
}

// An age's unit at j: "year old", "-year-old", "years old" (an optional hyphen, a
// unit of time, then OldEnd).
bool Scanner::AgeAfter(int j) const {
  if (IsSym(j, "-")) ++j;
  return Has(j, kDurationW) && OldEnd(j + 1) > 0;
}

// A single year: a strong cue before it, or in the usual range of news years, and
// nothing after it that makes it a count or a measure.
int Scanner::MatchSingleYear(const DateCue& c, int yv) {
  const int k = c.k;
  bool paren = IsSym(k - 1, "(") && Adj(k);
  // "1706 - Troops lift a siege": a line of a chronology opens with its year and a dash.
  const bool chronology = k == 0 && IsDash(k + 1) && !Adj(k + 1) && L(k + 2) &&
                          L(k + 2)->type == kWord && !Adj(k + 2);
  bool cue = YearCueBefore(k) || paren || chronology || !c.mod.empty();
  const Lex* p = L(k - 1);
  if (p && p->type == kSym && (p->low == "$"sv || p->low == "#"sv || p->low == "\u20AC"sv ||
                               p->low == "\u00A3"sv))
    return -1;
  if (p && p->type == kWord && (p->cls & kLabelW) && !(p->cls & kYearCue)) return -1;
  if (p && IsDash(k - 1) && Adj(k) && L(k - 2) && L(k - 2)->type == kNum) return -1;
  if (AgeAfter(k + 1)) return -1;  // "a 2000-year-old tradition": an age
  const Lex* nx = L(k + 1);
  if (nx && nx->type == kWord) {
    // A currency word counts only where a currency is read ("2009 U.S. dollars",
    // not "the 2009 U.S. survey").
    std::string code, note;
    bool assumed = false;
    double factor = 1;
    const bool currency = (nx->cls & kCurrencyW) &&
                          MatchCurrencySuffix(k + 1, &code, &assumed, &factor, &note, false) > 0;
    if ((nx->cls & (kUnitW | kScale | kPercentW)) || currency) {
      if (!(nx->cls & (kStop))) return -1;
    }
    if (nx->low == "percent"sv || nx->low == "per"sv) return -1;
    if (!cue && (yv < 1800 || yv > 2100)) return -1;
    // "the 2012 women's final": a plural's possessive after a year-like number names
    // an edition, not a count of the possessors.
    const bool edition = yv >= 1900 && yv <= 2060 && IsApostrophe(k + 2) && Adj(k + 2) &&
                         Is(k + 3, "s") && Adj(k + 3);
    if (!cue && !nx->upper && (nx->cls & kPlural) && !edition) return -1;
    if (!cue && !nx->upper && !(nx->cls & kStop) && nx->low.size() > 3 &&
        nx->low.back() == 's' && (yv < 1900 || yv > 2060) &&
        nx->low.compare(nx->low.size() - 2, 2, "ss") != 0)
      return -1;
  } else if (!cue && (yv < 1800 || yv > 2100)) {
    return -1;
  }
  // "early 2016", "mid 1989", "the end of 2008": a third of the year (the suite's months:
  // January-April, May-August, September-December).
  const std::string& m = c.mod;
  int third = m == "early"sv || m == "beginning"sv || m == "start"sv ? 0
              : m == "mid"sv || m == "middle"sv                      ? 1
              : m == "late"sv || m == "end"sv                        ? 2
                                                                     : -1;
  FigureValue v = third < 0 ? Str(IsoDate(yv))
                            : StrRange(IsoDate(yv, third * 4 + 1), IsoDate(yv, third * 4 + 4));
  std::string note = third < 0 ? m : m + "; a third of the year";
  Emit(c.ranged ? c.i + 1 : c.b, k + 1, FigureKind::kDate, v, "", !m.empty(), note);
  return k + 1;
}

// Years, year ranges, fiscal years, decades.
int Scanner::MatchYears(DateCue* c) {
  if (!L(c->k)) return -1;
  int r = MatchApostropheDecade(*c);
  if (r == kContinue) r = MatchDecadeApostropheS(*c);
  if (r == kContinue) r = MatchApostropheYear(*c);
  if (r != kContinue) return r;
  int yv = Year4(c->k);
  if (yv < 1000 || yv > 2999) return -1;
  if ((r = MatchDecade(*c, yv)) != kContinue) return r;
  if (NotAYear(c->k)) return -1;
  if ((r = MatchYearRange(*c, yv)) != kContinue) return r;
  if ((r = MatchFiscalYear(*c, yv)) != kContinue) return r;
  return MatchSingleYear(*c, yv);
}

// ------------------------------------------------------------ TryDate

// Dates: each step reads on from the cue the previous steps left (a modifier,
// "from"/"between", a weekday) and returns an end, -1 (no date here), or
// kContinue. Returns the end lexeme or -1.
int Scanner::TryDate(int i) {
  if (!L(i)) return -1;
  cur_ = i;
  DateCue c;
  c.i = c.b = c.k = i;
  int r = MatchDateModifier(&c);                   // "early", "the end of"; "last year"
  if (r == kContinue) r = MatchSeason(&c);         // "summer 2009", "the fall of 1999"
  if (r == kContinue) r = MatchRangeIntro(&c);     // "from"/"between" opening a range
  if (r == kContinue) r = MatchRelativeDay(&c);    // "yesterday"
  if (r == kContinue) r = MatchWeekday(&c);        // "Monday, January 5"; "on Monday"
  if (r == kContinue) r = MatchMonthFirst(&c);     // "January 5, 2026", "from March to May"
  if (r == kContinue) r = MatchDayFirst(&c);       // "5 January 2026", "fourth of July"
  if (r == kContinue) r = MatchQuarter(&c);        // "Q1 2024", "the first half of 2023"
  if (r == kContinue) r = MatchNumericDate(&c);    // "2026-01-05", "1/1/2015"
  if (r == kContinue) r = MatchYears(&c);          // "'90s", "1990s", "2013-2017", "in 2019"
  return r == kContinue ? -1 : r;
}

}  // namespace figures_internal
}  // namespace factlens
