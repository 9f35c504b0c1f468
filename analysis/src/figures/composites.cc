// Date-time expressions as one figure each (issue 14): parts of the day ("this
// afternoon", "in the morning", "tonight"), recurring dates ("every Monday", "daily"),
// and the merge after a paragraph's scan that joins a date and its clock time
// ("Friday at 3 p.m."), the two ends of a time range ("from 2:00 to 2:30 pm") and
// the two ends of a date range ("from 2 July to 10 July") into one figure.
#include <cmath>
#include <cstdio>
#include <string>

#include <unicode/uchar.h>

#include "figures/scanner.h"

namespace factlens {
namespace figures_internal {

namespace {

constexpr int kNoDay = 1 << 20;  // a part of the day without a day of its own

bool IsClock(const std::string& s) {
  return (s.size() == 5 || s.size() == 8) && s[2] == ':' && s[0] >= '0' && s[0] <= '2';
}
int HourOf(const std::string& s) { return (s[0] - '0') * 10 + (s[1] - '0'); }
int MinutesOf(const std::string& s) {
  if (s.size() == 8 && s[3] == '5' && s[4] == '9') return 1440;  // "23:59:59": the day's end
  return HourOf(s) * 60 + std::stoi(s.substr(3, 2));
}
std::string Clock(int minutes) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  return b;
}
std::string WithHour(const std::string& s, int h) {
  char b[4];
  std::snprintf(b, sizeof b, "%02d", h);
  return b + s.substr(2);
}

bool DayDate(const Figure& f) {
  return f.kind == FigureKind::kDate && f.value.type == FigureValue::Type::kString &&
         f.value.str_lo.size() == 10 && f.value.str_lo[0] != '-';
}
bool TimePoint(const Figure& f) {
  return f.kind == FigureKind::kTime && f.value.type == FigureValue::Type::kString &&
         IsClock(f.value.str_lo);
}
bool TimeSpan(const Figure& f) {
  return f.kind == FigureKind::kTime && f.value.type == FigureValue::Type::kStringRange &&
         IsClock(f.value.str_lo) && IsClock(f.value.str_hi);
}
bool PartOfDayFigure(const Figure& f) { return f.note.find("part of day") != std::string::npos; }
// A bare number that can be an hour ("from 7 to 7:30", "5 in the morning").
bool HourNumber(const Figure& f, int* h) {
  if (f.kind != FigureKind::kNumber || f.value.type != FigureValue::Type::kNumber || f.approx ||
      !f.unit.empty() || !f.counted.empty())
    return false;
  *h = WholeAtMost(f.value.lo, 23);
  return *h >= 0;
}
// A calendar date or date range without a clock time, decade or fiscal year (quarters
// are plain: "from 2017-q1 to 2018-q1").
bool PlainDate(const Figure& f) {
  if (f.kind != FigureKind::kDate || !(f.unit.empty() || f.unit == "quarter"sv)) return false;
  const FigureValue& v = f.value;
  if (v.type == FigureValue::Type::kString) return v.str_lo[0] != '-' && v.str_lo.size() <= 10;
  return v.type == FigureValue::Type::kStringRange && v.str_lo[0] != '-' && v.str_lo.size() <= 10 &&
         v.str_hi.size() <= 10;
}
bool YearInferred(const Figure& f) {
  return f.note.find("inferred") != std::string::npos ||
         f.note.find("resolved") != std::string::npos;
}
std::string HiOf(const FigureValue& v) {
  return v.type == FigureValue::Type::kStringRange ? v.str_hi : v.str_lo;
}
void JoinNotes(Figure* a, const Figure& b) {
  if (b.note.empty() || a->note.find(b.note) != std::string::npos) return;
  a->note += a->note.empty() ? b.note : "; " + b.note;
}

}  // namespace

// ------------------------------------------------------------ parts of the day

// Where the words before a part of the day at i start ("in the", "this", "early",
// "later in the", "last"); sets *day (0 this, -1 last), *mod ("early"/"late") and
// whether such a word opens it. Returns the start lexeme.
int Scanner::PartOfDayStart(int i, int* day, std::string* mod, bool* opened) const {
  int b = i;
  int j = i - 1;
  if (Is(j, "early") || Is(j, "late")) *mod = L(j)->low, b = j--, *opened = true;
  if (Is(j, "the") && Is(j - 1, "in")) {
    b = j - 1, j -= 2, *opened = true;
  } else if ((Is(j, "in") && *day != 0) || (Is(j, "at") && Is(i, "lunchtime"))) {
    // ("in tonight's debate": "tonight" names its day, the "in" is the noun phrase's)
    b = j--, *opened = true;
  } else if (Is(j, "this")) {
    b = j--, *day = 0, *opened = true;
  } else if (Is(j, "last") && (Is(i, "night") || Is(i, "evening"))) {
    b = j--, *day = -1, *opened = true;
  }
  if (mod->empty() && *opened && (Is(j, "early") || Is(j, "late") || Is(j, "later")))
    *mod = Is(j, "early") ? "early" : "late", b = j;
  return b;
}

// "early morning" / "late night" before a noun: "the early morning hours" (the small
// hours of news copy, not the suite's 08:00-10:00 "in early morning"), "an early morning
// tweet", "late night talk show" (a genre): no agreed hours, so no figure (e: after the
// part of the day). A stop word, a date word or an -ing verb after it keeps the figure
// ("late afternoon.", "early morning Tuesday", "the early afternoon mowing lawns").
bool Scanner::PartOfDayAdjective(int e) const {
  const Lex* n = L(e);
  if (!n || n->type != kWord || (n->cls & (kStop | kWeekday | kRelDay | kMonth))) return false;
  const std::string& w = n->low;
  return !(w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0);
}

// "on Saturday nights", "Sunday mornings": a weekday (the figure just read) before a
// plural part of the day at i recurs every week; the weekday's date gives way to it.
int Scanner::WeeklyPartOfDay(int i) {
  int b = i - 1;
  while (b > 0 && lx_[b].b > out_.back().span.begin) --b;
  const std::string& part = lx_[i].low;
  const std::string note = "every " + RawOf(&lx_[i - 1]) + " " + part.substr(0, part.size() - 1);
  out_.pop_back();
  Emit(b, i + 1, FigureKind::kDate, Str("R/P1W"), "recurring", false, note);
  return i + 1;
}

// "in the morning", "this afternoon", "tonight", "early morning", "late in the
// evening", "last night"; after a date figure also a bare "afternoon" ("Tuesday
// afternoon": the merge joins them). A time range, or a date-time range when it
// names its day.
int Scanner::MatchPartOfDay(int i) {
  const Lex& l = lx_[i];
  if (l.type != kWord || !(l.cls & kPartDayW)) return -1;
  if (l.upper && !SentenceStart(i)) return -1;  // "Good Morning America", "Morning Joe"
  const PartOfDay& p = t_.part_of_day.at(l.low);
  int e = i + 1;
  if (IsDash(e) && Adj(e) && Is(e + 1, "time") && Adj(e + 1)) e += 2;  // "night-time"
  int day = p.today ? 0 : kNoDay;
  std::string mod;
  bool opened = p.today;
  int b = PartOfDayStart(i, &day, &mod, &opened);
  bool after_date =
      i > 0 && !out_.empty() && out_.back().span.end == lx_[i - 1].e && DayDate(out_.back());
  if (l.low.back() == 's' && i > 0 && Has(i - 1, kWeekday) && !out_.empty() &&
      out_.back().kind == FigureKind::kDate && out_.back().span.end == lx_[i - 1].e)
    return WeeklyPartOfDay(i);
  if (!opened && !after_date) return -1;
  if (!mod.empty() && PartOfDayAdjective(e)) return -1;
  if (!out_.empty() && out_.back().span.end > lx_[b].b) b = i;
  int lo = MinutesOf(p.lo), hi = MinutesOf(p.hi);
  std::string slo = p.lo, shi = p.hi;
  if (!mod.empty()) {
    int mid = (lo + hi) / 2;
    if (mod == "early"sv)
      shi = Clock(mid);
    else
      slo = Clock(mid);
  }
  std::string note = "part of day";
  if (day != kNoDay && ctx_.ref && ctx_.ref->day) {
    Date d = AddDays(*ctx_.ref, day);
    std::string iso = IsoDate(d.year, d.month, d.day) + "T";
    Emit(b, e, FigureKind::kDate, StrRange(iso + slo, iso + shi), "", false,
         ResolvedNote() + "; " + note);
    return e;
  }
  // "this morning" with no reference yet: dated when the text gives one
  if (day != kNoDay) note += kNeedsReference;
  Emit(b, e, FigureKind::kTime, StrRange(slo, shi), "", false, note);
  return e;
}

// ------------------------------------------------------------ recurring dates

// "P1W" times n -> "P2W".
std::string Scanner::TimesPeriod(const std::string& period, int n) const {
  size_t k = period.find_first_of("0123456789");
  size_t u = period.find_first_not_of("0123456789", k);
  if (k == std::string::npos || u == std::string::npos) return period;
  return period.substr(0, k) + std::to_string(std::stoi(period.substr(k, u - k)) * n) +
         period.substr(u);
}

// After "every"/"each" at i: "every week", "each quarter", "every other Friday",
// "every two days", "every Monday", "each December". Returns the end and sets *period,
// *note.
int Scanner::RecurringAfterEvery(int i, std::string* period, std::string* note) const {
  // "people's every day lives", "our every day routine": the adjective "everyday".
  if (IsApostrophe(i - 1) || Is(i - 1, "s") || Is(i - 1, "our") ||
      Is(i - 1, "my") || Is(i - 1, "their") || Is(i - 1, "your") || Is(i - 1, "his") ||
      Is(i - 1, "its"))
    return -1;
  int k = i + 1;
  int n = 1;
  if (Is(k, "other")) n = 2, ++k;
  const Lex* c = L(k);
  if (c && c->type == kNum && IntAt(k, 2) > 0)
    n *= IntAt(k, 2), ++k;
  else if (c && (c->cls & kCardinal) && t_.cardinal.at(c->low) > 1)
    n *= t_.cardinal.at(c->low), ++k;
  const Lex* w = L(k);
  if (!w || w->type != kWord) return -1;
  std::string word = w->low;
  if (w->cls & kWeekday) {
    if (word.size() <= 3) return -1;
    *period = TimesPeriod("P1W", n);
    *note = "every " + RawOf(w);
    return k + 1;
  }
  // "each December", "every March": once a year ("every May 1" is left to the date)
  if ((w->cls & kMonth) && w->upper && !(L(k + 1) && L(k + 1)->type == kNum)) {
    *period = TimesPeriod("P1Y", n);
    *note = "every " + RawOf(w);
    return k + 1;
  }
  // "each year of schooling", "every year of his life": a unit of something, no date
  if (word == "year"sv && Is(k + 1, "of")) return -1;
  // "every night is like an age", "every second counts": the unit as a subject, no
  // schedule ("what happens every day is news" stays one)
  const bool likened = (Is(k + 1, "is") || Is(k + 1, "was")) &&
                       (Is(k + 2, "like") || Is(k + 2, "a") || Is(k + 2, "an"));
  if (likened || Is(k + 1, "counts") || Is(k + 1, "matters")) return -1;
  auto r = t_.recurring.find(word);
  if (r == t_.recurring.end() && n > 1 && word.size() > 1 && word.back() == 's')
    r = t_.recurring.find(word.substr(0, word.size() - 1));
  if (r == t_.recurring.end() || r->second.alone) return -1;
  *period = TimesPeriod(r->second.period, n);
  return k + 1;
}

// "the Harbour daily Tidings", "the weekly Der Anker", "told the daily.": a
// periodical named by how often it appears, no recurring date. After "the"/"a", a
// capitalised word after them, or a lower-case noun after them with a name next ("the
// trade weekly Harbour Lines"), before a capitalised word (no acronym) or a punctuation mark.
bool Scanner::PeriodicalNoun(int i) const {
  const std::string& w = lx_[i].low;
  if (!(w == "daily"sv || w == "weekly"sv || w == "monthly"sv || w == "fortnightly"sv))
    return false;
  auto article = [&](int k) { return Is(k, "the") || Is(k, "a") || Is(k, "an"); };
  const Lex* p = L(i - 1);
  const bool after_name = p && p->type == kWord && p->upper && !SentenceStart(i - 1) &&
                          article(i - 2);
  // "the trade weekly Harbour Lines": a lower-case noun between, a name after
  const Lex* n = L(i + 1);
  const bool named_after = n && n->type == kWord && n->upper && !n->allcaps;
  const bool after_noun = p && p->type == kWord && !p->upper && article(i - 2) && named_after &&
                          !(p->cls & kStop);
  if (!(article(i - 1) || after_name || after_noun)) return false;
  if (!n) return true;
  // "the weekly CPI survey", "the monthly PMI report": an acronym opens a noun phrase.
  // "the daily said", "a weekly reports": a paper that speaks.
  if (n->type == kWord)
    return (n->upper && !n->allcaps) || t_.reporting_past.count(n->low) > 0 ||
           n->low == "says"sv || n->low == "reports"sv || n->low == "writes"sv ||
           n->low == "quoted"sv;
  return n->type == kSym && (n->low == ","sv || n->low == "."sv || n->low == ")"sv ||
                             n->low == ";"sv);
}

// "daily", "quarterly", "semi-annually", "weekends", "Tuesdays", "every week": a
// date whose value is "R/" + its period (ISO 8601), unit "recurring".
int Scanner::MatchRecurring(int i) {
  const Lex& l = lx_[i];
  if (l.type != kWord || !(l.cls & kRecurW)) return -1;
  std::string period, note;
  int e = -1;
  if (l.low == "every"sv || l.low == "each"sv) {
    e = RecurringAfterEvery(i, &period, &note);
  } else if (l.low == "semi"sv) {
    if (IsDash(i + 1) && (Is(i + 2, "annual") || Is(i + 2, "annually"))) e = i + 3;
    period = "P6M";
  } else {
    const Recurrence& r = t_.recurring.at(l.low);
    bool weekday_plural =
        r.period == "P1W"sv && l.low.size() > 6 && l.low.compare(l.low.size() - 4, 4, "days") == 0;
    if (l.upper && !SentenceStart(i) && !weekday_plural) return -1;  // "Daily Mail"
    // A name: "Nightly News"; an author, "Daily et al." (a credit line).
    if (l.upper && L(i + 1) && L(i + 1)->type == kWord && L(i + 1)->upper) return -1;
    if (l.upper && Is(i + 1, "et") && Is(i + 2, "al")) return -1;
    // "everyday life": an adjective, no date; "an annual rate", "hourly earnings", "the
    // 3.1 percent (annual) rate": a rate (rate_nouns.txt).
    if (l.low == "everyday"sv && L(i + 1) && L(i + 1)->type == kWord) return -1;
    if (Has(i + 1, kRateNounW) || (IsSym(i + 1, ")") && Has(i + 2, kRateNounW))) return -1;
    if (PeriodicalNoun(i)) return i + 1;
    if (weekday_plural && !l.upper) return -1;
    if (weekday_plural) note = "every " + RawOf(&l).substr(0, RawOf(&l).size() - 1);
    period = r.period;
    e = i + 1;
  }
  if (e < 0) return -1;
  Emit(i, e, FigureKind::kDate, Str("R/" + period), "recurring", false, note);
  return e;
}

// ------------------------------------------------------------ the merge

// The figure's text states its half of the day ("1am", "3 p.m.", "3 in the morning").
bool Scanner::HasLetters(const Figure& f) const {
  std::string t;
  for (int32_t x = f.span.begin; x < f.span.end; ++x) {
    char16_t c = text_[x];
    if (c < 128 && c != '.' && c != ' ') t += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  for (std::string_view w :
       {"am"sv, "pm"sv, "morning"sv, "afternoon"sv, "evening"sv, "night"sv, "noon"sv})
    if (t.find(w) != std::string::npos) return true;
  return false;
}

// The text between two offsets of the paragraph, lower case, spaces collapsed, dashes
// as "-"; "#" when it is long or holds other characters.
std::string Scanner::GapText(int32_t a, int32_t b) const {
  if (b < a || b - a > 24) return "#";
  std::string g;
  bool space = false;
  for (int32_t x = a; x < b; ++x) {
    char16_t c = text_[x];
    if (u_isspace(c)) {
      space = !g.empty();
      continue;
    }
    if (c == 0x2013 || c == 0x2014) c = '-';
    if (c > 127) return "#";
    if (space) g += ' ';
    space = false;
    g += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return g;
}

// The word right before offset `pos` ("from", "between"), lower case; *start its offset.
std::string Scanner::WordBefore(int32_t pos, int32_t* start) const {
  int32_t x = pos;
  while (x > 0 && u_isspace(text_[x - 1])) --x;
  int32_t end = x;
  while (x > 0 && x > end - 10 && text_[x - 1] < 128 && u_isalpha(text_[x - 1])) --x;
  *start = x;
  std::string w;
  for (int32_t y = x; y < end; ++y)
    w += static_cast<char>(text_[y] >= 'A' && text_[y] <= 'Z' ? text_[y] + 32 : text_[y]);
  return w;
}

// "Friday at 3 p.m.", "5/3/18 @ 17:49:19", "Tuesday afternoon", "January 5 from 9 to
// 10 am": a day and its clock time or time range -> "2026-01-05T15:00" (or a range).
bool Scanner::MergeDateAndTime(Figure* a, const Figure& b, const std::string& gap) const {
  // "tonight from 7 to 7:30": the part of the day gives its day to the time range.
  if (gap.empty() && TimeSpan(b) && a->kind == FigureKind::kDate && PartOfDayFigure(*a) &&
      a->value.type == FigureValue::Type::kStringRange && a->value.str_lo.size() > 11) {
    std::string day = a->value.str_lo.substr(0, 11);
    std::string lo = b.value.str_lo, hi = b.value.str_hi;
    int part = HourOf(a->value.str_lo.substr(11));
    if (part >= 12 && HourOf(lo) < 12 && !HasLetters(b)) lo = WithHour(lo, HourOf(lo) + 12);
    if (part >= 12 && HourOf(hi) < 12 && !HasLetters(b)) hi = WithHour(hi, HourOf(hi) + 12);
    a->value = StrRange(day + lo, day + hi);
    return true;
  }
  if (!DayDate(*a) || !(TimePoint(b) || TimeSpan(b))) return false;
  if (!(gap.empty() || gap == ","sv || gap == "at"sv || gap == ", at"sv || gap == "@"sv ||
        gap == "around"sv || gap == "at around"sv || gap == "-"sv || gap == "from"sv))
    return false;
  std::string day = a->value.str_lo + "T";
  a->value = b.value.type == FigureValue::Type::kString
                 ? Str(day + b.value.str_lo)
                 : StrRange(day + b.value.str_lo, day + b.value.str_hi);
  JoinNotes(a, b);
  return true;
}

// "8.30pm today", "2:30 pm on Tuesday", "from 5 to 6pm of April 22".
bool Scanner::MergeTimeAndDate(Figure* a, const Figure& b, const std::string& gap) const {
  if (!(TimePoint(*a) || TimeSpan(*a)) || !DayDate(b)) return false;
  if (!(gap.empty() || gap == ","sv || gap == "on"sv || gap == "of"sv || gap == ", on"sv))
    return false;
  std::string day = b.value.str_lo + "T";
  if (a->value.type == FigureValue::Type::kString && a->value.str_lo == "00:00"sv && gap.empty()) {
    // "midnight Friday": the midnight that ends Friday.
    Date d = AddDays(
        Date{std::stoi(day.substr(0, 4)), std::stoi(day.substr(5, 2)), std::stoi(day.substr(8, 2))},
        1);
    day = IsoDate(d.year, d.month, d.day) + "T";
  }
  a->value = a->value.type == FigureValue::Type::kString
                 ? Str(day + a->value.str_lo)
                 : StrRange(day + a->value.str_lo, day + a->value.str_hi);
  a->kind = FigureKind::kDate;
  JoinNotes(a, b);
  return true;
}

// "from 2:00 to 2:30 pm", "between 10 and 11:30", "from 10:30 to 3", "8am-3": one
// time range; a bare hour takes the afternoon of the other end when it must.
bool Scanner::MergeTimeRange(Figure* a, const Figure& b, const std::string& gap,
                             const std::string& intro) const {
  bool link = gap == "to"sv || gap == "-"sv || gap == "till"sv || gap == "until"sv ||
              gap == "through"sv || (gap == "and"sv && intro == "between"sv);
  if (!link) return false;
  int h = -1;
  std::string lo, hi;
  if (TimePoint(*a) && TimePoint(b)) {
    lo = a->value.str_lo, hi = b.value.str_lo;
  } else if (HourNumber(*a, &h) && TimePoint(b) && !intro.empty()) {
    lo = WithHour("00:00", h), hi = b.value.str_lo;
  } else if (TimePoint(*a) && HourNumber(b, &h) && !intro.empty() && h >= 1 && h <= 12) {
    lo = a->value.str_lo, hi = WithHour("00:00", h);
    if (h + 12 <= 23 && h * 60 < MinutesOf(lo)) hi = WithHour(hi, h + 12);
  } else {
    return false;
  }
  int lh = HourOf(lo);
  if (lh < 12 && HourOf(hi) >= 12 && (lh + 12) * 60 + (MinutesOf(lo) % 60) <= MinutesOf(hi) &&
      !HasLetters(*a))
    lo = WithHour(lo, lh + 12);
  // "10am-12am": a morning range that ends at "12am" means noon (the common slip);
  // "10pm-12am" and "until midnight" keep midnight.
  bool noon = hi == "00:00"sv && MinutesOf(lo) > 0 && MinutesOf(lo) < 12 * 60 && SaysTwelveAm(b);
  if (noon) hi = "12:00";
  a->kind = FigureKind::kTime;
  a->value = StrRange(lo, hi);
  a->unit = b.unit.empty() ? a->unit : b.unit;
  a->note = noon ? "12 am read as noon" : "";
  return true;
}

// The figure is written "12am" / "12 a.m." / "12:00 am".
bool Scanner::SaysTwelveAm(const Figure& f) const {
  std::string t;
  for (int32_t x = f.span.begin; x < f.span.end; ++x) {
    char16_t c = text_[x];
    if (c < 128 && c != '.' && c != ' ') t += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return t == "12am"sv || t == "12:00am"sv;
}

// "7 in the morning", "6:30 in the evening", "in the morning at 7", "last night at 8":
// a clock time inside a part of the day (the hour takes its half of the day).
bool Scanner::MergeClockAndPart(Figure* a, const Figure& b, const std::string& gap) const {
  int h = -1;
  const Figure* part = nullptr;
  std::string clock;
  if (gap.empty() && (PartOfDayFigure(b) && (TimePoint(*a) || HourNumber(*a, &h)))) {
    part = &b;
    clock = h >= 0 ? WithHour("00:00", h) : a->value.str_lo;
  } else if (gap == "at"sv && PartOfDayFigure(*a) && (TimePoint(b) || HourNumber(b, &h))) {
    part = a;
    clock = h >= 0 ? WithHour("00:00", h) : b.value.str_lo;
  } else {
    return false;
  }
  if (h > 12) return false;
  const std::string& plo = part->value.str_lo;
  std::string lo = plo.size() > 11 ? plo.substr(11) : plo;
  int ch = HourOf(clock);
  const Figure& time = part == &b ? *a : b;
  if (ch < 12 && HourOf(lo) >= 12 && !HasLetters(time)) clock = WithHour(clock, ch + 12);
  std::string day = plo.size() > 11 ? plo.substr(0, 11) : "";
  a->kind = day.empty() ? FigureKind::kTime : FigureKind::kDate;
  a->value = Str(day + clock);
  a->note = day.empty() ? "" : ResolvedNote();
  return true;
}

// "from 2 July to 10 July", "between 2014 and 2018", "2014 through May 2018", "from
// January to April 2015" (the first end takes the year the second states).
bool Scanner::MergeDateRange(Figure* a, const Figure& b, const std::string& gap,
                             const std::string& intro) const {
  if (!PlainDate(*a) || !PlainDate(b)) return false;
  std::string g = gap.size() > 4 && gap.compare(gap.size() - 4, 4, " the") == 0
                      ? gap.substr(0, gap.size() - 4)
                      : gap;  // "to the end of 2008"
  bool through = g == "through"sv || g == "thru"sv;
  bool link = g == "to"sv || g == "-"sv || g == "~"sv || g == "till"sv || g == "until"sv ||
              through || g == "and"sv;
  // Two dates that state their own years and months need no "from" around a dash: "Nov 18
  // 2014-Dec 19 2015", "Dec/2018-May/2019" ("postponed June 1, 2016 to June 1, 2017" is
  // a change, not a range).
  bool stated = !YearInferred(*a) && !YearInferred(b) && a->value.str_lo.size() >= 7 &&
                b.value.str_lo.size() >= 7 && g == "-"sv;
  if (!link || (g == "and"sv ? intro != "between"sv : !(through || stated || !intro.empty())))
    return false;
  std::string lo = a->value.str_lo, hi = HiOf(b.value);
  // An upper end that is a third of a year: "to the end of 2008" ends with 2008, "to the
  // start of 2008" in its first month.
  if (b.note.find("a third of the year") != std::string::npos) {
    if (b.note.rfind("end", 0) == 0 || b.note.rfind("late", 0) == 0) hi = hi.substr(0, 4);
    if (b.note.rfind("start", 0) == 0 || b.note.rfind("beginning", 0) == 0) hi = b.value.str_lo;
  }
  if (YearInferred(*a) && !YearInferred(b) && lo.size() >= 7 && hi.size() >= 4) {
    std::string moved = hi.substr(0, 4) + lo.substr(4);
    if (moved > hi) moved = std::to_string(std::stoi(hi.substr(0, 4)) - 1) + lo.substr(4);
    lo = moved;
    a->note.clear();
  }
  if (lo > hi) return false;
  a->value = StrRange(lo, hi);
  JoinNotes(a, b);
  return true;
}

// Seconds in a duration unit (a month of 30 days, a year of 365), 0 for others.
static double UnitSeconds(const std::string& u) {
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"second", 1},    {"minute", 60},     {"hour", 3600},     {"day", 86400},
      {"week", 604800}, {"month", 2592000}, {"year", 31536000}, {"decade", 315360000}};
  for (const auto& [name, secs] : kUnits)
    if (u == name) return secs;
  return 0;
}

// "3 hours 30 minutes", "1 hour and 30 minutes", "two years and three months", "3 months
// and 2 weeks and 2 days": one duration in the smaller unit (a month counted as 30 days
// and a year as 365 when they become days or weeks; the note says so).
bool Scanner::MergeDurations(Figure* a, const Figure& b, const std::string& gap) const {
  if (a->kind != FigureKind::kDuration || b.kind != FigureKind::kDuration ||
      a->value.type != FigureValue::Type::kNumber || b.value.type != FigureValue::Type::kNumber ||
      !(gap.empty() || gap == "and"sv || gap == ","sv) || b.approx)
    return false;
  double sa = UnitSeconds(a->unit), sb = UnitSeconds(b.unit);
  if (sa <= sb || sb == 0) return false;
  double ratio = a->unit == "year"sv && b.unit == "month"sv ? 12 : sa / sb;  // not 365/30
  double whole = a->value.lo * ratio;
  bool calendar = (a->unit == "month"sv || a->unit == "year"sv || a->unit == "decade"sv) &&
                  b.unit != "month"sv && b.unit != "year"sv;
  a->value = Num(whole + b.value.lo);
  a->unit = b.unit;
  if (calendar) a->note = "a month counted as 30 days, a year as 365";
  return true;
}

// A whole number of days, weeks, months or years ("3 days", "two weeks"); false otherwise.
bool Scanner::DurationOf(const Figure& f, int* days, int* months) const {
  if (f.kind != FigureKind::kDuration || f.value.type != FigureValue::Type::kNumber) return false;
  int n = WholeAtMost(f.value.lo, 1000);
  if (n < 0) return false;
  *days = f.unit == "day"sv ? n : f.unit == "week"sv ? 7 * n : 0;
  *months = f.unit == "month"sv ? n : f.unit == "year"sv ? 12 * n : 0;
  return *days > 0 || *months > 0;
}

// "3 days after January 12th", "two weeks from January 15", "2 days before yesterday":
// the date counted from the stated one.
bool Scanner::MergeCountedDate(Figure* a, const Figure& b, const std::string& gap) const {
  int days = 0, months = 0;
  if (!(gap == "from"sv || gap == "after"sv || gap == "before"sv) || !DayDate(b) ||
      !DurationOf(*a, &days, &months))
    return false;
  int sign = gap == "before"sv ? -1 : 1;
  const std::string& iso = b.value.str_lo;
  Date d{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
  d = AddDays(d, sign * days);
  if (months) {
    int total = d.year * 12 + d.month - 1 + sign * months;
    d = Date{total / 12, total % 12 + 1, d.day};
    while (d.day > 28 && !ValidDate(d.year, d.month, d.day)) --d.day;
  }
  a->kind = FigureKind::kDate;
  a->value = Str(IsoDate(d.year, d.month, d.day));
  a->unit.clear();
  a->note = "counted from " + iso;
  return true;
}

// "from 10 am for 3 hours", "for 2 hours from 2pm": a time range of that length.
bool Scanner::MergeTimeAndLength(Figure* a, const Figure& b, const std::string& gap) const {
  const Figure* t = nullptr;
  const Figure* d = nullptr;
  if (gap == "for"sv && TimePoint(*a) && b.kind == FigureKind::kDuration) t = a, d = &b;
  if (gap == "from"sv && a->kind == FigureKind::kDuration && TimePoint(b)) t = &b, d = a;
  if (!t || d->value.type != FigureValue::Type::kNumber) return false;
  double minutes = d->unit == "hour"sv     ? d->value.lo * 60
                   : d->unit == "minute"sv ? d->value.lo
                                           : -1;
  if (minutes <= 0 || minutes > 24 * 60 || minutes != std::floor(minutes)) return false;
  std::string lo = t->value.str_lo.substr(0, 5);
  std::string hi = Clock(MinutesOf(lo) + static_cast<int>(minutes));
  a->kind = FigureKind::kTime;
  a->value = StrRange(lo, hi);
  a->unit.clear();
  a->note.clear();
  return true;
}

// "every day at 7:13 p.m.", "3pm each day", "Tuesdays at 9am": the recurrence keeps its
// value; the note says at what time.
bool Scanner::MergeRecurringTime(Figure* a, const Figure& b, const std::string& gap) const {
  if (!(gap.empty() || gap == "at"sv || gap == ","sv)) return false;
  bool a_rec = a->unit == "recurring"sv, b_rec = b.unit == "recurring"sv;
  if (!((a_rec && TimePoint(b)) || (b_rec && TimePoint(*a)))) return false;
  const Figure& rec = a_rec ? *a : b;
  const Figure& time = a_rec ? b : *a;
  std::string note =
      rec.note.empty() ? "at " + time.value.str_lo : rec.note + " at " + time.value.str_lo;
  a->kind = FigureKind::kDate;
  a->value = rec.value;
  a->unit = "recurring";
  a->note = note;
  return true;
}

// The Monday of a calendar week figure ("next week" = Monday to Sunday), or false.
static bool WeekOf(const Figure& f, Date* monday) {
  if (f.kind != FigureKind::kDate || f.value.type != FigureValue::Type::kStringRange ||
      f.value.str_lo.size() != 10 || f.value.str_hi.size() != 10)
    return false;
  const std::string& lo = f.value.str_lo;
  const std::string& hi = f.value.str_hi;
  Date a{std::stoi(lo.substr(0, 4)), std::stoi(lo.substr(5, 2)), std::stoi(lo.substr(8, 2))};
  Date b{std::stoi(hi.substr(0, 4)), std::stoi(hi.substr(5, 2)), std::stoi(hi.substr(8, 2))};
  if (DayNumber(b.year, b.month, b.day) - DayNumber(a.year, a.month, a.day) != 6 ||
      Weekday(a.year, a.month, a.day) != 2)
    return false;
  *monday = a;
  return true;
}

// "Tuesday of next week", "tuesday of last week", "next week on Tuesday", "next week Mon
// 9 am": the weekday inside that calendar week (a time already merged keeps its clock).
bool Scanner::MergeWeekdayInWeek(Figure* a, const Figure& b, const std::string& gap) const {
  Date monday;
  const Figure* day = nullptr;
  // Not "on Monday of last week's shooting" (the week owns a noun).
  bool owns = b.span.end + 1 < static_cast<int32_t>(text_.size()) &&
              (text_[b.span.end] == u'\'' || text_[b.span.end] == u'\u2019');
  if (gap == "of"sv && WeekOf(b, &monday) && !owns) day = a;
  if ((gap.empty() || gap == "on"sv || gap == ","sv) && WeekOf(*a, &monday)) day = &b;
  if (!day || day->kind != FigureKind::kDate || day->value.type != FigureValue::Type::kString ||
      day->value.str_lo.size() < 10)
    return false;
  int32_t at = day->span.begin;
  std::string word;
  while (at < day->span.end && at - day->span.begin < 10 && u_isalpha(text_[at]))
    word += static_cast<char>(u_tolower(text_[at++]));
  auto w = t_.weekday.find(word);
  if (w == t_.weekday.end()) return false;
  const std::string& iso = day->value.str_lo;
  Date d = AddDays(monday, (w->second + 5) % 7);
  a->value = Str(IsoDate(d.year, d.month, d.day) + iso.substr(10));
  a->note = ResolvedNote() + "; the weekday of that week";
  return true;
}

// Tries the composites of `pass` on the last kept figure and the next one: first the
// times among themselves ("from 2:00 to 2:30 pm", "7 in the morning"), then the days
// with their times and the date ranges ("Tuesday" + "from 2:00 to 2:30 pm").
bool Scanner::MergeInto(Figure* a, const Figure& b, int pass) const {
  if (b.span.begin - a->span.end > 24) return false;
  std::string gap = GapText(a->span.end, b.span.begin);
  static constexpr std::string_view kGaps[] = {
      "",   ",",   "at",    ", at",   "@",      "around",    "at around", "-",       "from",
      "on", "of",  ", on",  "to",     "till",   "until",     "through",   "thru",    "and",
      "~",  "for", "after", "before", "to the", "until the", "and the",   "till the"};
  bool known = false;
  for (std::string_view g : kGaps) known = known || gap == g;
  if (!known) return false;
  int32_t intro_start = a->span.begin;
  std::string intro = WordBefore(a->span.begin, &intro_start);
  if (intro == "the"sv) intro = WordBefore(intro_start, &intro_start);  // "between the end of"
  if (intro != "from"sv && intro != "between"sv) intro.clear();
  bool merged = false;
  if (pass == 0) {
    merged = MergeDurations(a, b, gap) || MergeClockAndPart(a, b, gap) ||
             MergeTimeRange(a, b, gap, intro) || MergeCountedDate(a, b, gap) ||
             MergeTimeAndLength(a, b, gap);
  } else {
    merged = MergeDateAndTime(a, b, gap) || MergeTimeAndDate(a, b, gap) ||
             MergeClockAndPart(a, b, gap) || MergeDateRange(a, b, gap, intro) ||
             MergeRecurringTime(a, b, gap) || MergeWeekdayInWeek(a, b, gap);
  }
  if (!merged) return false;
  if (!intro.empty() && a->value.type == FigureValue::Type::kStringRange &&
      (gap == "to"sv || gap == "-"sv || gap == "and"sv || gap == "till"sv || gap == "until"sv ||
       gap == "through"sv || gap == "~"sv || gap == "to the"sv || gap == "and the"sv ||
       gap == "until the"sv || gap == "till the"sv))
    a->span.begin = intro_start;
  a->span.end = b.span.end;
  a->approx = a->approx || b.approx;
  if (a->unit.empty() && b.kind == FigureKind::kTime) a->unit = b.unit;
  return true;
}

// One figure per date-time expression: joins what the matchers found apart.
void Scanner::MergeComposites() {
  if (out_.size() < 2) return;
  for (int pass = 0; pass < 2; ++pass) {
    size_t kept = 0;  // out_[0, kept) are the figures kept so far (compacted in place)
    for (size_t k = 0; k < out_.size(); ++k) {
      const Figure& f = out_[k];
      bool candidate = f.kind == FigureKind::kDate || f.kind == FigureKind::kTime ||
                       f.kind == FigureKind::kNumber || f.kind == FigureKind::kDuration;
      if (candidate && kept > 0 && MergeInto(&out_[kept - 1], f, pass)) continue;
      if (kept != k) out_[kept] = std::move(out_[k]);
      ++kept;
    }
    out_.resize(kept);
  }
}

// ------------------------------------------------------------ relative ordinals

// The words of a relative-ordinal row at i, a hyphen between two of them read as a space
// ("next-to-last"). Returns the end, or -1.
int Scanner::MatchWords(int i, const std::vector<std::string>& words) const {
  int j = i;
  for (size_t k = 0; k < words.size(); ++k, ++j) {
    if (words[k] == "*seq"sv) {  // a sequence noun, perhaps after a count; not in the span
      int n = j;
      if (L(n) && (IntAt(n, 2) > 0 || Has(n, kCardinal))) ++n;
      return L(n) && L(n)->type == kWord && !(IsDash(n + 1) && Adj(n + 1)) &&
                     t_.sequence_nouns.count(L(n)->low)
                 ? j
                 : -1;
    }
    if (k > 0 && IsDash(j) && Adj(j) && Adj(j + 1)) ++j;
    if (!(L(j) && L(j)->type == kWord && L(j)->low == words[k])) return -1;
  }
  return j;
}

// "the penultimate", "the last but one", "the one before the last", "next-to-last": an
// ordinal whose value is a string such as "end-1" (relative_ordinals.txt). A one-word
// row capitalised inside a sentence is a name.
int Scanner::MatchRelativeOrdinal(int i) {
  const Lex& l = lx_[i];
  if (l.type != kWord || !(l.cls & kRelOrdW)) return -1;
  auto bucket = t_.relative_ordinals.find(l.low);
  if (bucket == t_.relative_ordinals.end()) return -1;
  for (const auto& [words, value] : bucket->second) {
    int e = MatchWords(i, words);
    if (e < 0 || (words.size() == 1 && l.upper && !SentenceStart(i))) continue;
    Emit(i, e, FigureKind::kOrdinal, Str(value), "", false, "relative ordinal");
    return e;
  }
  return -1;
}

// "the second to last", "third from last", "fourth-from-last", "the second from the end":
// the n-th counted from the end of a series, "end-(n-1)" (i: the ordinal word; a "the"
// before it is inside the span, as in the suite).
int Scanner::MatchFromLast(int i) {
  const Lex& l = lx_[i];
  auto it = t_.ordinal.find(l.low);
  if (it == t_.ordinal.end() || it->second < 2 || it->second > 20) return -1;
  int j = i + 1;
  bool dash = IsDash(j) && Adj(j);
  if (dash) ++j;
  if (!(Is(j, "to") || Is(j, "from"))) return -1;
  if (dash && !(IsDash(j + 1) && Adj(j + 1) && Adj(j + 2))) return -1;
  int k = dash ? j + 2 : j + 1;
  int e = Is(k, "last") ? k + 1 : Is(k, "the") && Is(k + 1, "end") && Is(j, "from") ? k + 2 : -1;
  if (e < 0 || (IsDash(e) && Adj(e))) return -1;  // "second-to-last-place"
  int b = Is(i - 1, "the") && (out_.empty() || out_.back().span.end <= lx_[i - 1].b) ? i - 1 : i;
  Emit(b, e, FigureKind::kOrdinal, Str("end-" + std::to_string(it->second - 1)), "", false,
       "relative ordinal");
  return e;
}

// ------------------------------------------------------------ weeks of a month or year

// The Monday of the week (Monday to Sunday) that holds the n-th Thursday of a month
// (n = -1: the last), or of a year's ISO week n (month 0); ISO 8601's rule that a week
// belongs where its Thursday is.
static Date WeekMonday(int year, int month, int n) {
  if (month == 0) {
    Date thu = AddDays(Date{year, 1, 4}, 3 - (Weekday(year, 1, 4) + 5) % 7);  // week 1's
    if (n < 0) thu = AddDays(Date{year, 12, 28}, 3 - (Weekday(year, 12, 28) + 5) % 7);
    return AddDays(thu, 7 * (n > 0 ? n - 1 : 0) - 3);
  }
  Date thu = NthWeekday(year, month, n, 5);  // UCAL_THURSDAY
  return AddDays(thu, -3);
}

// "the first week of July", "last week of Dec 2016", "the second week of 2015", "the week
// of April 10th": a week from Monday to Sunday (i: the ordinal or "last"; the date after
// "of" is read by TryDate, then widened to its week). Not "the last week of the campaign".
int Scanner::MatchWeekOf(int i) {
  auto ord = t_.ordinal.find(lx_[i].low);
  int n = Is(i, "last") ? -1 : ord != t_.ordinal.end() ? ord->second : 0;
  int w = Is(i, "week") ? i : i + 1;
  if (n > 4 || (n == 0 && (w != i || !Is(i - 1, "the"))) || !ctx_.ref) return -1;
  size_t before = out_.size();
  int e = TryDate(w + 2);
  int month = 0;
  if (e < 0 && out_.size() == before && n != 0 && MonthAt(w + 2, &month, true) > 0) {
    // "the last week of july": a full month name, lower case too, after "week of".
    std::string note;
    int year = InferYear(month, 0, 0, &note, 0);
    if (!year) return -1;
    e = w + 3;
    Emit(w + 2, e, FigureKind::kDate, Str(IsoDate(year, month)), "", false, note);
  }
  if (e < 0 || out_.size() != before + 1) {
    out_.resize(before);
    // "the last week of the campaign" is no calendar week: not "last week" either ("the
    // summit last week of threats and promises" is).
    return n != 0 && e < 0 && Is(i - 1, "the") ? w + 1 : -1;
  }
  Figure& f = out_.back();
  const std::string iso = f.value.type == FigureValue::Type::kString ? f.value.str_lo : "";
  Date mon;
  if (n == 0 && iso.size() == 10) {  // the week of a day
    Date d{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
    mon = AddDays(d, -((Weekday(d.year, d.month, d.day) + 5) % 7));
  } else if (n != 0 && (iso.size() == 7 || iso.size() == 4)) {
    mon = WeekMonday(std::stoi(iso.substr(0, 4)), iso.size() == 7 ? std::stoi(iso.substr(5, 2)) : 0,
                     n);
  } else {
    out_.resize(before);
    return -1;
  }
  Date sun = AddDays(mon, 6);
  int b = n == 0 ? i - 1 : (Is(i - 1, "the") ? i - 1 : i);
  f.span.begin = lx_[b].b;
  f.value = StrRange(IsoDate(mon.year, mon.month, mon.day), IsoDate(sun.year, sun.month, sun.day));
  f.approx = false;
  f.note =
      f.note.empty() ? "a week from Monday to Sunday" : f.note + "; a week from Monday to Sunday";
  return e;
}

// "year to date", "year-to-date" ("the" outside, as the suite marks it): from January 1 of
// the reference year to the reference date (i: "year").
int Scanner::MatchYearToDate(int i) {
  int k = i + 1;
  if (IsDash(k) && Adj(k)) ++k;
  if (!Is(k, "to")) return -1;
  ++k;
  if (IsDash(k) && Adj(k)) ++k;
  if (!Is(k, "date") || !ctx_.ref || !ctx_.ref->day || (lx_[i].upper && !SentenceStart(i)))
    return -1;
  const Date& r = *ctx_.ref;
  Emit(i, k + 1, FigureKind::kDate,
       StrRange(IsoDate(r.year, 1, 1), IsoDate(r.year, r.month, r.day)), "", false,
       "the year up to " + ctx_.ref_source);
  return k + 1;
}

// ------------------------------------------------------------ week numbers

// "week 31", "in the week 1", "week 3 of 2027", "week 27 of last year": ISO 8601 week n
// (Monday to Sunday) of the reference year or the stated one, a date range. Only lower
// case after "the" / "in" / "during" or at a sentence start, and not before a noun or
// "of the season" ("Week 10" of a sports season is no calendar week).
int Scanner::MatchWeekNumber(int i) {
  const Lex& l = lx_[i];
  if (l.type != kWord || l.low != "week"sv || l.upper || !ctx_.ref) return -1;
  if (!(Is(i - 1, "the") || Is(i - 1, "in") || Is(i - 1, "during") || SentenceStart(i)))
    return -1;
  const Lex* n = L(i + 1);
  int week = n && n->type == kNum && !Adj(i + 1) ? IntAt(i + 1, 2) : -1;
  if (week < 1 || week > 53) return -1;
  int e = i + 2;
  const Lex* a = L(e);
  if (a && Adj(e) && (a->type != kSym || (L(e + 1) && L(e + 1)->type == kNum && Adj(e + 1))))
    return -1;  // "week 1a", "week 10-12", "week 1.5"
  int year = ctx_.ref->year;
  if (Is(e, "of")) {
    int step = Is(e + 1, "last") ? -1 : Is(e + 1, "next") ? 1 : Is(e + 1, "this") ? 0 : kNoDay;
    if (Year4(e + 1) >= 1000)
      year = Year4(e + 1), e += 2;
    else if (step != kNoDay && Is(e + 2, "year"))
      year += step, e += 3;
    else
      return -1;  // "week 5 of the season"
  } else if (a && a->type == kWord && !(a->cls & kStop)) {
    return -1;  // "week 5 games"
  }
  // Monday of ISO week 1: the Monday on or before January 4 (Weekday: 1 = Sunday).
  auto week1 = [](int y) { return AddDays(Date{y, 1, 4}, -((Weekday(y, 1, 4) + 5) % 7)); };
  Date mon = AddDays(week1(year), 7 * (week - 1));
  Date next1 = week1(year + 1);
  if (DayNumber(mon.year, mon.month, mon.day) >= DayNumber(next1.year, next1.month, next1.day))
    return -1;  // no week 53 this year
  Date sun = AddDays(mon, 6);
  Emit(i, e, FigureKind::kDate,
       StrRange(IsoDate(mon.year, mon.month, mon.day), IsoDate(sun.year, sun.month, sun.day)), "",
       false, "week number (ISO 8601)");
  return e;
}

// ------------------------------------------------------------ relative periods

// The step of a period modifier: +1 "next", "coming", "upcoming"; -1 "last", "past",
// "previous"; 0 "this", "current", "the" (the one at hand); kNoDay otherwise.
int Scanner::PeriodStep(int j) const {
  const Lex* m = L(j);
  if (!m || m->type != kWord) return kNoDay;
  const std::string& w = m->low;
  if (w == "next"sv || w == "coming"sv || w == "upcoming"sv) return 1;
  if (w == "last"sv || w == "past"sv || w == "previous"sv) return -1;
  if (w == "this"sv || w == "current"sv || w == "the"sv) return 0;
  return kNoDay;
}

// "the weekend", "this weekend", "next weekend", "last weekend": Saturday and Sunday;
// "the"/"this" look back or forward with the sentence's tense ("over the weekend" said
// on a Monday is the one just past).
FigureValue Scanner::WeekendValue(int step, int unit_at) const {
  const Date& r = *ctx_.ref;
  int wd = Weekday(r.year, r.month, r.day);  // 1 = Sunday .. 7 = Saturday
  bool in_weekend = wd == 1 || wd == 7;
  Date current = wd == 7 ? r : AddDays(r, -1);  // the weekend the reference day is in
  Date coming = AddDays(r, 7 - wd);             // the next Saturday (a weekday reference)
  Date past = AddDays(r, -wd);                  // the last Saturday (a weekday reference)
  Date sat;
  // On a Friday "the weekend" is the one starting tomorrow unless a past verb says otherwise.
  bool friday_ahead = wd == 6 && !PastVerbBefore(unit_at, true);
  if (step == 0)
    sat = in_weekend ? current : WeekdayDirection(unit_at) > 0 || friday_ahead ? coming : past;
  else if (step > 0)
    sat = in_weekend ? AddDays(current, 7) : coming;
  else
    sat = in_weekend ? AddDays(current, -7) : past;
  Date sun = AddDays(sat, 1);
  return StrRange(IsoDate(sat.year, sat.month, sat.day), IsoDate(sun.year, sun.month, sun.day));
}

// "next quarter", "the coming three quarters", "the previous quarter", "current quarter":
// calendar quarters as a range of months.
FigureValue Scanner::QuartersValue(int step, int n) const {
  const Date& r = *ctx_.ref;
  int q = (r.year * 4 + (r.month - 1) / 3);  // quarters since year 0
  int first = step > 0 ? q + 1 : step < 0 ? q - n : q;
  int last = step == 0 ? q : first + n - 1;
  return StrRange(IsoDate(first / 4, first % 4 * 3 + 1), IsoDate(last / 4, last % 4 * 3 + 3));
}

// "the past fortnight", "next fortnight", "this working week", "next workweek",
// "the weekend", "next quarter", "the previous three quarters": periods counted from the
// reference date (i: the unit word; the modifier and a count stand before it).
// "5 past years", "2 next days", "10 previous weeks", "2 upcoming months" (the count
// first): the days from the reference date back or forward by that many units.
int Scanner::MatchCountedPeriod(int i) {
  const Lex& l = lx_[i];
  int n = l.type == kNum ? IntAt(i, 3) : (l.cls & kCardinal) ? t_.cardinal.at(l.low) : -1;
  if (n < 1 || !ctx_.ref || !ctx_.ref->day) return -1;
  int step = PeriodStep(i + 1);
  if (step == kNoDay || step == 0 || !Has(i + 2, kDurationW)) return -1;
  // A count of more than one takes the plural: "STS-133 last month" is a name and a date.
  if (n > 1 && L(i + 2)->low.back() != 's') return -1;
  const std::string& unit = t_.duration.at(L(i + 2)->low);
  const Date& r = *ctx_.ref;
  int days = unit == "day"sv ? n : unit == "week"sv ? 7 * n : 0;
  int months = unit == "month"sv ? n : unit == "year"sv ? 12 * n : 0;
  if (days == 0 && months == 0) return -1;
  Date far = AddDays(r, step * days);
  if (months) {
    int total = r.year * 12 + r.month - 1 + step * months;
    far = Date{total / 12, total % 12 + 1, r.day};
    while (far.day > 28 && !ValidDate(far.year, far.month, far.day)) --far.day;
  }
  Date lo = step < 0 ? far : AddDays(r, 1);
  Date hi = step < 0 ? r : far;
  Emit(i, i + 3, FigureKind::kDate,
       StrRange(IsoDate(lo.year, lo.month, lo.day), IsoDate(hi.year, hi.month, hi.day)), "", false,
       "the period from " + ctx_.ref_source);
  return i + 3;
}

int Scanner::MatchRelativePeriod(int at) {
  // At the count ("the previous three quarters": before "three quarters" is a fraction).
  int i =
      (lx_[at].type == kNum || (lx_[at].cls & kCardinal)) && Is(at + 1, "quarters") ? at + 1 : at;
  if (i == at && (lx_[at].type == kNum || (lx_[at].cls & kCardinal)))
    return Has(at + 1, kPeriodW) ? MatchCountedPeriod(at) : -1;
  if (!(lx_[i].cls & kPeriodW)) return -1;
  const Lex& u = lx_[i];
  if (u.type != kWord) return -1;
  const std::string& w = u.low;
  bool week = Is(i - 1, "working") && w == "week"sv;
  if (!(w == "quarter"sv || w == "quarters"sv || w == "fortnight"sv || w == "weekend"sv ||
        w == "workweek"sv || week))
    return -1;
  int j = i - 1 - (week ? 1 : 0);
  int n = 1;
  if (L(j) && L(j)->type == kNum && IntAt(j, 2) > 0)
    n = IntAt(j, 2), --j;
  else if (Has(j, kCardinal) && t_.cardinal.at(L(j)->low) > 1)
    n = t_.cardinal.at(L(j)->low), --j;
  int step = PeriodStep(j);
  if (step == kNoDay || !ctx_.ref || !ctx_.ref->day) return -1;
  if (L(j)->upper && !SentenceStart(j)) return -1;
  if ((w == "quarter"sv || w == "quarters"sv) &&
      (Is(j, "the") || Is(i + 1, "of") || Is(i + 1, "century")))
    return -1;
  const Date& r = *ctx_.ref;
  FigureValue v;
  if (w == "weekend"sv) {
    v = WeekendValue(step, j);
  } else if (w == "fortnight"sv) {
    // Two calendar weeks from this week's Monday, as "next week" is one: "the fortnight"
    // this week and the next, "next fortnight" the two after those, "last fortnight" the
    // two before this week; "the past fortnight" the 14 days up to the reference date (as
    // "the past week").
    int wd = Weekday(r.year, r.month, r.day);
    Date mon = AddDays(r, -((wd + 5) % 7));
    bool rolling = Is(j, "past");
    Date a = rolling ? AddDays(r, -14) : AddDays(mon, step * 14);
    Date b = rolling ? r : AddDays(a, 13);
    v = StrRange(IsoDate(a.year, a.month, a.day), IsoDate(b.year, b.month, b.day));
  } else if (w == "workweek"sv || week) {
    int wd = Weekday(r.year, r.month, r.day);
    Date mon = AddDays(r, -((wd + 5) % 7) + 7 * step);
    Date fri = AddDays(mon, 4);
    v = StrRange(IsoDate(mon.year, mon.month, mon.day), IsoDate(fri.year, fri.month, fri.day));
  } else {
    v = QuartersValue(step, n);
  }
  if (!out_.empty() && out_.back().span.end > lx_[j].b) return -1;
  Emit(j, i + 1, FigureKind::kDate, v, "", false, ResolvedNote());
  return i + 1;
}

// ------------------------------------------------------------ holidays

// The day a holidays.txt rule names in `year` ("12-25", "easter+1", "4:5:11", "election",
// "hebrew 01-10").
Date Scanner::HolidayIn(const std::string& rule, int year) const {
  const size_t space = rule.find(' ');
  if (space != std::string::npos)
    return CalendarDayIn(rule.substr(0, space), std::stoi(rule.substr(space + 1, 2)),
                         std::stoi(rule.substr(space + 4, 2)), year);
  if (rule == "election"sv) {
    Date monday = NthWeekday(year, 11, 1, 2);
    return AddDays(monday, 1);
  }
  if (rule.rfind("easter", 0) == 0) return AddDays(EasterSunday(year), std::stoi(rule.substr(6)));
  size_t c1 = rule.find(':');
  if (c1 != std::string::npos) {
    size_t c2 = rule.find(':', c1 + 1);
    return NthWeekday(year, std::stoi(rule.substr(c2 + 1)), std::stoi(rule.substr(0, c1)),
                      std::stoi(rule.substr(c1 + 1, c2 - c1 - 1)));
  }
  return Date{year, std::stoi(rule.substr(0, 2)), std::stoi(rule.substr(3, 2))};
}

// "Christmas", "Election Day", "Labor Day", "New Year's Day", "Easter Monday",
// "International Workers' Day" (holidays.txt): a date in the year the sentence's tense
// gives ("next"/"previous" before it force the way; a stated year wins).
int Scanner::MatchHoliday(int i) {
  const Lex& l = lx_[i];
  if (l.type != kWord || !(l.cls & kHolidayW)) return -1;
  auto bucket = t_.holidays.find(l.low);
  if (bucket == t_.holidays.end()) return -1;
  for (const auto& [words, rule] : bucket->second) {
    int k = i, e = i;
    bool ok = !(words[0] == "may"sv && !l.upper);  // "may day" only as "May Day"
    for (size_t w = 0; w < words.size() && ok; ++w) {
      if (w > 0 && IsDash(k) && Adj(k) && Adj(k + 1)) ++k;  // "Eid al-Fitr"
      const Lex* x = L(k);
      if (!x || x->type != kWord) {
        ok = false;
        break;
      }
      std::string token = x->low;
      e = ++k;
      if (IsApostrophe(k) && Adj(k)) {  // "Year's", "Workers'"
        if (Is(k + 1, "s") && Adj(k + 1))
          token += "s", k += 2, e = k;
        else
          ++k;
      }
      ok = token == words[w];
    }
    if (!ok || HolidayInName(i, e, words.size())) continue;
    return EmitHoliday(i, e, rule);
  }
  return -1;
}

// A holiday name that is part of another name or a compound: "Easter Island", "Maria
// Okafor Election Day" (capitalised words around it); a lone "Christmas" before a noun
// ("Christmas trees") unless a preposition or "next"/"last" puts it in time.
bool Scanner::HolidayInName(int i, int e, size_t words) const {
  const Lex* p = L(i - 1);
  const Lex* n = L(e);
  auto name_word = [](const Lex* x) {
    return x && x->type == kWord && x->upper && !(x->cls & (kMonth | kWeekday));
  };
  if (name_word(n) && L(e - 1)->upper) return true;
  if (name_word(p) && L(i)->upper && (!SentenceStart(i - 1) || p->low == "merry"sv)) return true;
  if (words > 1 || !n || n->type != kWord || n->upper) return false;
  static constexpr std::string_view kTimeWords[] = {
      "on",   "at",     "before", "after",   "since",    "until",    "till",
      "by",   "for",    "over",   "this",    "last",     "next",     "of",
      "from", "around", "during", "through", "previous", "following"};
  for (std::string_view w : kTimeWords)
    if (p && p->low == w) return false;
  return true;
}

int Scanner::EmitHoliday(int i, int e, const std::string& rule) {
  int b = i;
  int dir = 0;
  if (Is(i - 1, "next") || Is(i - 1, "following") || Is(i - 1, "coming")) dir = 1, b = i - 1;
  if (Is(i - 1, "previous") || Is(i - 1, "last") || Is(i - 1, "past")) dir = -1, b = i - 1;
  if (b < i && !out_.empty() && out_.back().note == "relative ordinal" &&
      out_.back().span.begin == lx_[b].b)
    out_.pop_back();  // "next" was read as an ordinal before the holiday
  int year = 0;
  int ye = YearAfter(e, &year);
  if (ye > 0) e = ye;
  if (!year && (!ctx_.ref || !ctx_.ref->day)) {
    Emit(b, e, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
    return e;
  }
  Date d = HolidayIn(rule, year ? year : ctx_.ref->year);
  if (!d.year) {
    Emit(b, e, FigureKind::kDate, FigureValue{}, "", false, "its calendar is not known");
    return e;
  }
  if (!year) {
    // Forward with "next" or a future cue, back with "last"; else the nearest one
    // ("on Election Day" in a September story is the coming one).
    const Date& r = *ctx_.ref;
    if (dir == 0 && WeekdayDirection(b) > 0) dir = 1;
    int rn = DayNumber(r.year, r.month, r.day);
    auto dist = [&](const Date& x) { return DayNumber(x.year, x.month, x.day) - rn; };
    Date before = dist(d) <= 0 ? d : HolidayIn(rule, r.year - 1);
    Date after = dist(d) >= 0 ? d : HolidayIn(rule, r.year + 1);
    // Campaign copy means the coming Election Day up to ~10 months ahead.
    int ahead = rule == "election"sv ? 300 : -dist(before);
    if (dir > 0)
      d = after;
    else if (dir < 0)
      d = before;
    else
      d = dist(after) <= ahead ? after : before;
  }
  // The Islamic holidays are kept by sighting the moon: the computed Umm al-Qura day
  // may be a day early or late where the text was written.
  const bool sighted = rule.rfind("islamic", 0) == 0;
  std::string note = year ? "" : "year inferred from " + ctx_.ref_source;
  if (sighted) note += std::string(note.empty() ? "" : "; ") + "Umm al-Qura calendar, ±1 day";
  Emit(b, e, FigureKind::kDate, Str(IsoDate(d.year, d.month, d.day)), "", sighted, note);
  return e;
}

}  // namespace figures_internal
}  // namespace factlens
