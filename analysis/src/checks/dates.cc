// Date checks: a weekday against its date (ICU calendar), a stated duration
// against a date range ("four-day visit from January 4 to 7", counted
// inclusively), "the Nth anniversary" against the year of what it marks, an
// age against birth and death years, and one thing founded/born in two
// different years. Dates are read from the text with ICU's month and weekday
// names for the document's language.
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include "checks/context.h"
#include "common/calendar.h"

namespace factlens {
namespace checks_internal {

// Token text is compared with literals as string views: the length check comes
// first, where comparing a std::u16string with a char16_t* measures the
// literal (char_traits<char16_t>::length is a loop) on every call.
using std::string_view_literals::operator""sv;

namespace {

// The tables compare with std::less<>: a token's view is looked up as it is.
struct Names {
  std::map<std::u16string, int, std::less<>> months;  // lower-case name -> 1..12
  // lower-case name -> UCAL_SUNDAY..UCAL_SATURDAY
  std::map<std::u16string, int, std::less<>> weekdays;
  std::vector<std::u16string> weekday_wide;  // index UCAL_*
};

const Names& NamesFor(const std::string& language) {
  thread_local std::map<std::string, std::unique_ptr<Names>> cache;
  auto it = cache.find(language);
  if (it != cache.end()) return *it->second;
  auto names = std::make_unique<Names>();
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols sym(icu::Locale(language.c_str()), status);
  if (U_SUCCESS(status)) {
    int32_t n = 0;
    auto add_months = [&](const icu::UnicodeString* m, int32_t count) {
      for (int32_t i = 0; i < count && i < 12; ++i) {
        icu::UnicodeString s = m[i];
        s.toLower(icu::Locale(language.c_str()));
        s.findAndReplace(u".", u"");
        if (s.length() >= 3)
          names->months[std::u16string(s.getBuffer(), s.getBuffer() + s.length())] = i + 1;
      }
    };
    const icu::UnicodeString* wide = sym.getMonths(n);
    add_months(wide, n);
    const icu::UnicodeString* abbreviated = sym.getShortMonths(n);
    add_months(abbreviated, n);
    const icu::UnicodeString* wd = sym.getWeekdays(n);
    names->weekday_wide.resize(8);
    for (int32_t i = 1; i < n && i <= 7; ++i) {
      icu::UnicodeString s = wd[i];
      names->weekday_wide[i] = std::u16string(s.getBuffer(), s.getBuffer() + s.length());
      s.toLower(icu::Locale(language.c_str()));
      names->weekdays[std::u16string(s.getBuffer(), s.getBuffer() + s.length())] = i;
    }
    const icu::UnicodeString* swd = sym.getShortWeekdays(n);
    for (int32_t i = 1; i < n && i <= 7; ++i) {
      icu::UnicodeString s = swd[i];
      s.toLower(icu::Locale(language.c_str()));
      s.findAndReplace(u".", u"");
      if (s.length() >= 3)
        names->weekdays[std::u16string(s.getBuffer(), s.getBuffer() + s.length())] = i;
    }
  }
  if (language.rfind("en", 0) == 0) names->months[u"sept"] = 9;
  const Names& ref = *names;
  cache.emplace(language, std::move(names));
  return ref;
}

struct DateRange {
  DateMention a, b;
  int32_t p = 0, begin = 0, end = 0;
};

int DayNumber(const Tok& t) {
  if (t.type != Tok::kNum) return 0;
  if (t.end - t.begin > 2) return 0;
  int v = 0;
  for (char16_t c : t.lower()) v = v * 10 + (c - '0');
  return v >= 1 && v <= 31 ? v : 0;
}

int YearNumber(const Tok& t) {
  if (t.type != Tok::kNum || t.end - t.begin != 4) return 0;
  int v = 0;
  for (char16_t c : t.lower()) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v >= 1000 && v <= 2999 ? v : 0;
}

bool OrdinalSuffix(const Tok& t) {
  return t.type == Tok::kWord && (t.lower() == u"st"sv || t.lower() == u"nd"sv ||
                                  t.lower() == u"rd"sv || t.lower() == u"th"sv);
}

// The month named by word token i (capitalised), or 0. "May" and "March" are
// also words: the callers require a day number next to them.
int MonthAt(const std::vector<Tok>& ts, const Names& names, int i) {
  const int n = static_cast<int>(ts.size());
  if (i < 0 || i >= n || ts[i].type != Tok::kWord || !ts[i].upper_initial) return 0;
  auto it = names.months.find(ts[i].lower());
  return it == names.months.end() ? 0 : it->second;
}

// An optional "[,] Year" from token e: sets d's year and end; returns the
// token after the date.
int OptionalYear(const std::vector<Tok>& ts, int e, DateMention* d) {
  const int n = static_cast<int>(ts.size());
  int y = e;
  if (y < n && ts[y].lower() == u","sv) ++y;
  if (y >= n || !YearNumber(ts[y])) return e;
  d->year = YearNumber(ts[y]);
  d->end = ts[y].end;
  return y + 1;
}

// Month [.] Day [st] [,] [Year] at token j; not "May 2024" (month-year) and
// not a time "March 3:30".
bool MonthFirst(const std::vector<Tok>& ts, const Names& names, int j, DateMention* d) {
  const int n = static_cast<int>(ts.size());
  const int m = MonthAt(ts, names, j);
  if (!m) return false;
  int k = j + 1;
  if (k < n && ts[k].lower() == u"."sv) ++k;
  if (k >= n || !DayNumber(ts[k])) return false;
  d->month = m;
  d->day = DayNumber(ts[k]);
  d->date_begin = ts[j].begin;
  d->end = ts[k].end;
  int e = k + 1;
  if (e < n && OrdinalSuffix(ts[e]) && ts[e].begin == ts[k].end) {
    d->end = ts[e].end;
    ++e;
  }
  if (e < n && ts[e].type == Tok::kPunct && (ts[e].lower() == u":"sv || ts[e].lower() == u"."sv) &&
      e + 1 < n && ts[e + 1].type == Tok::kNum && ts[e + 1].begin == ts[e].end)
    return false;  // a time or a decimal
  d->first_tok = j;
  d->end_tok = OptionalYear(ts, e, d);
  return true;
}

// [the] Day [st] [of] Month [.] [,] [Year] at token j.
bool DayFirst(const std::vector<Tok>& ts, const Names& names, int j, DateMention* d) {
  const int n = static_cast<int>(ts.size());
  if (!DayNumber(ts[j])) return false;
  int k = j + 1;
  if (k < n && OrdinalSuffix(ts[k]) && ts[k].begin == ts[j].end) ++k;
  if (k < n && ts[k].lower() == u"of"sv) ++k;
  const int m = MonthAt(ts, names, k);
  if (!m) return false;
  if (j > 0 && MonthAt(ts, names, j - 1)) return false;  // month first
  d->month = m;
  d->day = DayNumber(ts[j]);
  d->date_begin = ts[j].begin;
  d->end = ts[k].end;
  int e = k + 1;
  if (e < n && ts[e].lower() == u"."sv) ++e;
  d->first_tok = j;
  d->end_tok = OptionalYear(ts, e, d);
  return true;
}

// A weekday before the date: "Tuesday, January 5" / "Tuesday 5 January" /
// "Tuesday (Jan 5)". An abbreviation after a capitalised word ends a name
// ("Lakeside Sun, June 3"), as in the figures stage.
void WeekdayBefore(const std::vector<Tok>& ts, const Names& names, DateMention* d) {
  int w = d->first_tok - 1;
  if (w >= 0 && (ts[w].lower() == u","sv || ts[w].lower() == u"("sv)) --w;
  if (w < 0 || ts[w].type != Tok::kWord || !ts[w].upper_initial) return;
  if (ts[w].lower().size() <= 3 && w > 0 && ts[w - 1].type == Tok::kWord && ts[w - 1].upper_initial)
    return;
  auto it = names.weekdays.find(ts[w].lower());
  if (it == names.weekdays.end()) return;
  d->weekday = it->second;
  d->begin = ts[w].begin;
}

// All dates with a day in paragraph p.
std::vector<DateMention> ScanDates(const Context& ctx, int32_t p) {
  std::vector<DateMention> out;
  const Names& names = NamesFor(ctx.doc.language);
  const auto& ts = ctx.toks[p];
  for (int i = 0; i < static_cast<int>(ts.size()); ++i) {
    DateMention d;
    d.p = p;
    if (MonthAt(ts, names, i)) {
      if (!MonthFirst(ts, names, i, &d)) continue;
    } else if (!DayFirst(ts, names, i, &d)) {
      continue;
    }
    d.begin = d.date_begin;
    WeekdayBefore(ts, names, &d);
    out.push_back(d);
    i = d.end_tok - 1;
  }
  return out;
}

bool ValidDate(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Day of week (UCAL_SUNDAY..UCAL_SATURDAY) by ICU's Gregorian calendar.
int Weekday(int y, int m, int d) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::GregorianCalendar> cal;
  if (!cal) {
    cal = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), status);
    if (U_FAILURE(status)) {
      cal.reset();
      return 0;
    }
  }
  cal->clear();
  cal->set(y, m - 1, d, 12, 0, 0);
  int wd = cal->get(UCAL_DAY_OF_WEEK, status);
  return U_SUCCESS(status) ? wd : 0;
}

// Days from a to b by ICU's calendar (b - a).
long DaysBetween(int y1, int m1, int d1, int y2, int m2, int d2) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(*icu::TimeZone::getGMT(), status);
  if (U_FAILURE(status)) return 0;
  cal.clear();
  cal.set(y1, m1 - 1, d1, 12, 0, 0);
  UDate a = cal.getTime(status);
  cal.clear();
  cal.set(y2, m2 - 1, d2, 12, 0, 0);
  UDate b = cal.getTime(status);
  if (U_FAILURE(status)) return 0;
  return std::lround((b - a) / U_MILLIS_PER_DAY);
}

std::string DateText(const Context& ctx, int32_t p, int32_t b, int32_t e) {
  return "‘" + Utf8(ctx.Text(Span{p, b, e})) + "’";
}

// ---------------------------------------------------------------- weekday

// The year that puts a date without one nearest the dateline; 0 if none.
int YearNearDateline(const Date& ref, const DateMention& d) {
  int year = 0;
  long best = LONG_MAX;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    if (!ValidDate(y, d.month, d.day)) continue;
    long dist = std::labs(DaysBetween(ref.year, ref.month ? ref.month : 1, ref.day ? ref.day : 1,
                                      y, d.month, d.day));
    if (dist < best) {
      best = dist;
      year = y;
    }
  }
  return year;
}

// A weekday against its date in `year` (`assumed`: how the year was found).
void CheckWeekday(Context& ctx, const Names& names, const DateMention& d, int year,
                  const std::string& assumed) {
  Check c = NewCheck(Kind::kDateConsistency);
  c.spans = {Span{d.p, d.begin, d.end}};
  if (!ValidDate(year, d.month, d.day)) {
    c.holds = false;
    c.message = DateText(ctx, d.p, d.date_begin, d.end) + " is not a date in " +
                std::to_string(year) + ".";
    ctx.Add(std::move(c));
    return;
  }
  int actual = Weekday(year, d.month, d.day);
  if (!actual) return;
  c.holds = actual == d.weekday;
  c.tolerance = "exact (calendar)";
  std::string actual_name = actual < static_cast<int>(names.weekday_wide.size())
                                ? Utf8(names.weekday_wide[actual])
                                : "";
  if (*c.holds)
    c.message = "Checked: " + DateText(ctx, d.p, d.begin, d.end) + " is a " + actual_name +
                assumed + ".";
  else
    c.message = DateText(ctx, d.p, d.date_begin, d.end) + " is a " + actual_name + ", not a " +
                Utf8(names.weekday_wide[d.weekday]) + assumed + ".";
  ctx.Add(std::move(c));
}

void CheckWeekdays(Context& ctx, const PerParagraph<DateMention>& dates) {
  const Names& names = NamesFor(ctx.doc.language);
  for (const DateMention& d : dates.all()) {
    if (!d.weekday) continue;
    if (d.year) {
      CheckWeekday(ctx, names, d, d.year, "");
      continue;
    }
    if (!ctx.dateline) continue;
    const int year = YearNearDateline(*ctx.dateline, d);
    if (!year) continue;
    CheckWeekday(ctx, names, d, year,
                 " (year " + std::to_string(year) + " taken from the dateline)");
  }
}

// ---------------------------------------------------------------- ranges and durations

bool Connector(const std::vector<Tok>& ts, int i) {
  if (i >= static_cast<int>(ts.size())) return false;
  const std::u16string_view w = ts[i].lower();
  return w == u"to"sv || w == u"through"sv || w == u"until"sv || w == u"till"sv || w == u"-"sv ||
         w == u"–"sv || w == u"—"sv || w == u"and"sv || w == u"thru"sv;
}

// "4 to 7 January": a bare day, a connector, then the day-first date b.
bool BareDayBefore(const std::vector<Tok>& ts, const Names& names, int32_t p,
                   const DateMention& b, DateRange* r) {
  const int c = b.first_tok - 1, f = b.first_tok - 2;
  if (f < 0 || ts[b.first_tok].type != Tok::kNum || !Connector(ts, c) ||
      ts[c].lower() == u"and"sv || !DayNumber(ts[f]))
    return false;
  if (f > 0 && names.months.count(ts[f - 1].lower())) return false;
  if (DayNumber(ts[f]) >= b.day) return false;
  DateMention a = b;
  a.day = DayNumber(ts[f]);
  a.begin = a.date_begin = ts[f].begin;
  a.end = ts[f].end;
  a.weekday = 0;
  a.first_tok = f;
  a.end_tok = f + 1;
  *r = DateRange{a, b, p, a.begin, b.end};
  return true;
}

bool ClauseWord(std::u16string_view w) {
  return w == u"and"sv || w == u"in"sv || w == u"at"sv || w == u"on"sv || w == u"for"sv ||
         w == u"with"sv || w == u"while"sv || w == u"before"sv || w == u"after"sv;
}

// Whether a bare day ending before token `after` ends a date range: not
// followed by a noun ("January 4 to 7 percent"; "to 7 February" is read as
// a date) nor by a number glued on ("7%", "7:30", "7.5").
bool EndsRange(const std::vector<Tok>& ts, const Names& names, int after) {
  const int n = static_cast<int>(ts.size());
  if (after >= n) return true;
  const Tok& t = ts[after];
  if (t.type == Tok::kWord && !names.months.count(t.lower()) && !ClauseWord(t.lower()))
    return false;
  if (t.type != Tok::kPunct) return true;
  if (t.lower() != u"%"sv && t.lower() != u":"sv && t.lower() != u"."sv) return true;
  return !(after + 1 < n && ts[after + 1].type == Tok::kNum && ts[after + 1].begin == t.end);
}

// "January 4 to 7 [, 2026]": the date a, a connector, then a bare day.
bool BareDayAfter(const std::vector<Tok>& ts, const Names& names, int32_t p,
                  const DateMention& a, DateRange* r) {
  const int n = static_cast<int>(ts.size());
  const int j = a.end_tok + 1;
  if (j >= n || !DayNumber(ts[j])) return false;
  int after = j + 1;
  if (after < n && OrdinalSuffix(ts[after])) ++after;
  if (!EndsRange(ts, names, after)) return false;
  DateMention a2 = a;
  DateMention b = a;
  b.day = DayNumber(ts[j]);
  b.begin = b.date_begin = ts[j].begin;
  b.end = ts[after - 1].end;
  b.weekday = 0;
  int y = after;
  if (y < n && ts[y].lower() == u","sv) ++y;
  if (y < n && YearNumber(ts[y]) && !a.year) {
    b.year = a2.year = YearNumber(ts[y]);
    b.end = ts[y].end;
  }
  if (b.day <= a.day) return false;  // "January 30 to 2" is not a range we can read
  *r = DateRange{a2, b, p, a.begin, b.end};
  return true;
}

// The date ranges of paragraph p, from its dates ds.
std::vector<DateRange> ScanRanges(const Context& ctx, int32_t p,
                                  PerParagraph<DateMention>::Items ds) {
  std::vector<DateRange> out;
  const auto& ts = ctx.toks[p];
  const Names& names = NamesFor(ctx.doc.language);
  DateRange r;
  for (const DateMention& b : ds)
    if (BareDayBefore(ts, names, p, b, &r)) out.push_back(r);
  for (size_t k = 0; k < ds.size(); ++k) {
    const DateMention& a = ds[k];
    if (!Connector(ts, a.end_tok)) continue;
    // "January 4 to February 7": a date, a connector, then a full date.
    if (k + 1 < ds.size() && ds[k + 1].first_tok == a.end_tok + 1) {
      DateRange full{a, ds[k + 1], p, a.begin, ds[k + 1].end};
      if (!full.a.year) full.a.year = full.b.year;
      out.push_back(full);
      continue;
    }
    if (BareDayAfter(ts, names, p, a, &r)) out.push_back(r);
  }
  return out;
}

struct DurationPhrase {
  double n = 0;
  std::u16string unit;  // day, night, week
  Span span;
};

// The number word at token k, joined with a hyphenated one before it
// ("twenty-one-day"): its value (-1 if none) and first token.
double NumberWordBefore(const std::vector<Tok>& ts, int k, int* start) {
  double v = ParseNumberWord(ts[k].lower(), false);
  if (k < 2 || ts[k - 1].lower() != u"-"sv || ts[k - 2].type != Tok::kWord) return v;
  double v2 =
      ParseNumberWord(std::u16string(ts[k - 2].lower()).append(u"-").append(ts[k].lower()), false);
  if (v2 <= 0) return v;
  *start = k - 2;
  return v2;
}

std::vector<DurationPhrase> ScanDurations(const Context& ctx, int32_t p) {
  std::vector<DurationPhrase> out;
  const auto& ts = ctx.toks[p];
  const int n = static_cast<int>(ts.size());
  auto unit_of = [](std::u16string_view w) -> std::u16string {
    if (w == u"day"sv || w == u"days"sv) return u"day";
    if (w == u"night"sv || w == u"nights"sv) return u"night";
    if (w == u"week"sv || w == u"weeks"sv) return u"week";
    return u"";
  };
  for (int i = 0; i < n; ++i) {
    std::u16string unit = unit_of(ts[i].lower());
    if (unit.empty()) continue;
    int k = i - 1;
    if (k >= 0 && (ts[k].lower() == u"-"sv || ts[k].lower() == u"‐"sv)) --k;
    if (k < 0) continue;
    double v = -1;
    int start = k;
    if (ts[k].type == Tok::kNum) {
      v = ParseNumberWord(ts[k].lower(), false);
    } else if (ts[k].type == Tok::kWord) {
      v = NumberWordBefore(ts, k, &start);
      if (v < 0 && (ts[k].lower() == u"a"sv || ts[k].lower() == u"one"sv) && unit == u"week"sv)
        v = 1;
    }
    if (v <= 0 || v > 400 || v != std::floor(v)) continue;
    out.push_back({v, unit, Span{p, ts[start].begin, ts[i].end}});
  }
  // "week-long" / "weeklong"
  for (int i = 0; i < n; ++i) {
    if (ts[i].lower() == u"weeklong"sv ||
        (ts[i].lower() == u"week"sv && i + 2 < n && ts[i + 1].lower() == u"-"sv &&
         ts[i + 2].lower() == u"long"sv))
      out.push_back(
          {1, u"week",
           Span{p, ts[i].begin, ts[i].lower() == u"weeklong"sv ? ts[i].end : ts[i + 2].end}});
  }
  return out;
}

// Whether duration d describes range r: shortly before it ("a four-day state
// visit to China from ..."), or right after it without a new clause ("from
// May 4 to 6, three days in all").
bool Describes(const Context& ctx, const DurationPhrase& d, const DateRange& r) {
  const bool before = d.span.end <= r.begin;
  const int32_t from = before ? d.span.end : r.end;
  const int32_t to = before ? r.begin : d.span.begin;
  const auto& rts = ctx.toks[r.p];
  int words = 0;
  bool clause = false;
  for (int ti = ctx.TokAt(r.p, from); ti < static_cast<int>(rts.size()) && rts[ti].end <= to;
       ++ti) {
    const Tok& t = rts[ti];
    if (words > 8) break;  // too far apart either way
    if (t.type == Tok::kWord) ++words;
    if (t.lower() == u"and"sv || t.lower() == u"but"sv || t.lower() == u"while"sv ||
        t.lower() == u"then"sv || t.lower() == u";"sv)
      clause = true;
  }
  return before ? words <= 8 : (words <= 3 && !clause);
}

// The one duration that describes range r, when r is the only range of its
// sentence; else nullptr.
const DurationPhrase* DurationOf(const Context& ctx, const DateRange& r,
                                 const std::vector<DateRange>& ranges,
                                 const std::vector<DurationPhrase>& durs) {
  const int sent = ctx.SentenceAt(r.p, r.begin);
  std::vector<const DurationPhrase*> in_sentence;
  for (const DurationPhrase& d : durs) {
    if (ctx.SentenceAt(r.p, d.span.begin) != sent ||
        (d.span.begin >= r.begin && d.span.end <= r.end))
      continue;
    if (Describes(ctx, d, r)) in_sentence.push_back(&d);
  }
  int ranges_in_sentence = 0;
  for (const DateRange& o : ranges) ranges_in_sentence += ctx.SentenceAt(o.p, o.begin) == sent;
  if (in_sentence.size() != 1 || ranges_in_sentence != 1) return nullptr;
  return in_sentence[0];
}

// The verdict and message for a range of `between` days (last minus first)
// against the stated duration: nights count exclusively, weeks ±1 day, long
// periods either way, days inclusively.
void DurationVerdict(const std::string& range_text, const std::string& dur_text,
                     const DurationPhrase& d, long between, Check* c) {
  const long inclusive = between + 1;
  const long n = static_cast<long>(d.n);
  if (d.unit == u"night"sv) {
    c->holds = between == n;
    c->computed = static_cast<double>(between);
    c->tolerance = "exact (nights: the last day is not counted)";
    c->message = std::string(*c->holds ? "Checked: " : "") + range_text + " is " +
                 std::to_string(between) + " nights" +
                 (*c->holds ? ", as " + dur_text + " says." : ", not " + dur_text + ".");
  } else if (d.unit == u"week"sv) {
    c->holds = std::labs(inclusive - 7 * n) <= 1;
    c->computed = static_cast<double>(inclusive);
    c->tolerance = "±1 day (weeks counted either way)";
    c->message = std::string(*c->holds ? "Checked: " : "") + range_text + " is " +
                 std::to_string(inclusive) + " days counting both ends" +
                 (*c->holds ? ", consistent with " + dur_text + "."
                            : ", which does not match " + dur_text + ".");
  } else {
    const bool long_period = n > 7;
    c->holds = inclusive == n || (long_period && between == n);
    c->computed = static_cast<double>(inclusive);
    c->tolerance = long_period ? "±1 day (long periods are counted either way)"
                               : "exact (inclusive count: the first and last day both count)";
    c->message = std::string(*c->holds ? "Checked: " : "") + range_text + " is " +
                 std::to_string(inclusive) + " days counting both the first and the last day" +
                 (*c->holds ? ", as " + dur_text + " says." : ", not " + dur_text + ".");
  }
}

// Range r against duration d. Without a year, the article's year (a range
// across February needs one: leap years); a mismatch that hangs on an
// inferred year across February is not reported.
void CheckDuration(Context& ctx, const DateRange& r, const DurationPhrase& d) {
  int year = r.a.year ? r.a.year : ctx.article_year;
  const bool crosses_feb = r.a.month <= 2 && (r.b.month > 2 || r.b.month < r.a.month);
  if (!year) {
    if (crosses_feb) return;  // leap year unknown
    year = 2001;
  }
  int year_b = r.b.year ? r.b.year : (r.b.month < r.a.month ? year + 1 : year);
  if (!ValidDate(year, r.a.month, r.a.day) || !ValidDate(year_b, r.b.month, r.b.day)) return;
  long between = DaysBetween(year, r.a.month, r.a.day, year_b, r.b.month, r.b.day);
  if (between < 0 || between > 3660) return;
  Check c = NewCheck(Kind::kDateConsistency);
  c.spans = {d.span, Span{r.p, r.begin, r.end}};
  std::sort(c.spans.begin(), c.spans.end());
  DurationVerdict(DateText(ctx, r.p, r.begin, r.end),
                  DateText(ctx, d.span.paragraph, d.span.begin, d.span.end), d, between, &c);
  if (!c.holds.value() && !r.a.year && ctx.article_year_inferred && crosses_feb) return;
  ctx.Add(std::move(c));
}

void CheckDurations(Context& ctx, const PerParagraph<DateMention>& dates) {
  for (size_t pp = 0; pp < dates.size(); ++pp) {
    const int32_t p = static_cast<int32_t>(pp);
    if (dates[p].empty()) continue;
    std::vector<DateRange> ranges = ScanRanges(ctx, p, dates[p]);
    if (ranges.empty()) continue;
    std::vector<DurationPhrase> durs = ScanDurations(ctx, p);
    for (const DateRange& r : ranges)
      if (const DurationPhrase* d = DurationOf(ctx, r, ranges, durs)) CheckDuration(ctx, r, *d);
  }
}

}  // namespace

// ---------------------------------------------------------------- anniversaries

namespace {

bool FoundingWord(std::u16string_view w) {
  static const std::set<std::u16string, std::less<>> words = {
      u"founded", u"established", u"built",         u"opened",    u"created",
      u"formed",  u"launched",    u"born",          u"completed", u"inaugurated",
      u"signed",  u"founding",    u"establishment", u"creation",  u"opening",
      u"birth",   u"foundation",  u"incorporated",  u"set",       u"began",
      u"started", u"erected",     u"constructed"};
  return words.count(w) > 0;
}

struct YearInSentence {
  int year = 0;
  int tok = 0;
  bool range_start = false;
  bool range_end = false;
};

std::vector<YearInSentence> YearsIn(const Context& ctx, int32_t p, const SentenceRange& s) {
  std::vector<YearInSentence> out;
  const auto& ts = ctx.toks[p];
  auto [ta, tb] = ctx.TokRange(p, s.begin, s.end);
  for (int i = ta; i < tb; ++i) {
    int y = YearNumber(ts[i]);
    if (!y) continue;
    // Not a money or count figure ("2000 people" is possible; require no
    // currency sign before and no digit grouping).
    if (i > 0 &&
        (ts[i - 1].lower() == u"$"sv || ts[i - 1].lower() == u"£"sv || ts[i - 1].lower() == u"€"sv))
      continue;
    YearInSentence yi{y, i};
    out.push_back(yi);
  }
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    int a = out[k].tok, b = out[k + 1].tok;
    if (b - a == 2 && (ts[a + 1].lower() == u"-"sv || ts[a + 1].lower() == u"–"sv ||
                       ts[a + 1].lower() == u"to"sv)) {
      out[k].range_start = true;
      out[k + 1].range_end = true;
    }
  }
  return out;
}

bool FoundingBefore(const Context& ctx, int32_t p, int tok) {
  const auto& ts = ctx.toks[p];
  for (int i = tok - 1; i >= 0 && i >= tok - 5; --i) {
    if (ts[i].type == Tok::kPunct && ts[i].lower() != u"-"sv) return false;
    if (FoundingWord(ts[i].lower())) return true;
  }
  return false;
}

// Years of a sentence, computed once per sentence.
class SentenceYears {
 public:
  explicit SentenceYears(const Context& ctx) : ctx_(ctx) {}
  const std::vector<YearInSentence>& Of(int32_t p, int s) {
    auto key = std::make_pair(p, s);
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, YearsIn(ctx_, p, ctx_.sentences[p][s])).first;
    return it->second;
  }

 private:
  const Context& ctx_;
  std::map<std::pair<int32_t, int>, std::vector<YearInSentence>> cache_;
};

// The N of an anniversary word at token i ("100th anniversary", "hundredth
// anniversary", "one-hundredth anniversary", "centenary"), with the token it
// starts at; -1 if none.
double NthAt(const std::vector<Tok>& ts, int i, int* start) {
  const std::u16string_view w = ts[i].lower();
  *start = i;
  if (w.size() < 9) return -1;  // shorter than "centenary": most words end here
  if (w == u"centenary"sv || w == u"centennial"sv) return 100;
  if (w == u"bicentenary"sv || w == u"bicentennial"sv) return 200;
  if (w == u"sesquicentennial"sv) return 150;
  if (w != u"anniversary"sv) return -1;
  const int k = i - 1;
  if (k >= 1 && OrdinalSuffix(ts[k]) && ts[k - 1].type == Tok::kNum &&
      ts[k].begin == ts[k - 1].end) {
    *start = k - 1;
    return ParseNumberWord(ts[k - 1].lower(), false);
  }
  if (k < 0 || ts[k].type != Tok::kWord) return -1;
  double nth = ParseNumberWord(ts[k].lower(), true);
  *start = k;
  if (nth > 0 && k >= 2 && ts[k - 1].lower() == u"-"sv && ts[k - 2].type == Tok::kWord) {
    double v =
        ParseNumberWord(std::u16string(ts[k - 2].lower()).append(u"-").append(ts[k].lower()), true);
    if (v > 0) {
      nth = v;
      *start = k - 2;
    }
  }
  return nth;
}

// An anniversary in the text: "the 100th anniversary" at tokens [start, i].
struct Anniversary {
  int32_t p = 0;
  int i = 0;
  int sent = 0;
  SentenceRange sr;
  Span span;
  int nth = 0;
};

// What is known of an anniversary's years. `strong`: the origin is tied to
// it by a founding verb ("founded in 1926"), so a mismatch can be reported.
struct AnniversaryYears {
  int event_year = 0;
  std::string event_note;
  int origin = 0;
  bool strong = false;
};

// The years of the anniversary's own sentence: a full date with a year, a
// founding year (origin), a year after it ("in 2026") or before ("in 2026",
// "this 2026").
void YearsOfOwnSentence(const Context& ctx, const Anniversary& a,
                        const std::vector<YearInSentence>& years, AnniversaryYears* out) {
  const auto& ts = ctx.toks[a.p];
  for (const DateMention& d : ctx.dates[a.p])
    if (d.year && d.begin >= a.sr.begin && d.end <= a.sr.end) out->event_year = d.year;
  for (const YearInSentence& y : years) {
    const Tok& t = ts[y.tok];
    if (FoundingBefore(ctx, a.p, y.tok) ||
        (y.tok >= 2 && ts[y.tok - 1].lower() == u"the"sv && ts[y.tok - 2].lower() == u"of"sv &&
         t.begin > ts[a.i].end)) {
      if (!out->origin) {
        out->origin = y.year;
        out->strong = true;
      }
    } else if (t.begin > ts[a.i].end && y.tok >= 1 &&
               (ts[y.tok - 1].lower() == u"in"sv || ts[y.tok - 1].lower() == u"during"sv)) {
      if (!out->event_year) out->event_year = y.year;
    } else if (t.begin < a.span.begin && y.tok >= 1 &&
               (ts[y.tok - 1].lower() == u"in"sv || ts[y.tok - 1].lower() == u"this"sv)) {
      if (!out->event_year) out->event_year = y.year;
    }
  }
}

// Without a year in the sentence, the anniversary is in the article's year.
bool ArticleYear(const Context& ctx, AnniversaryYears* out) {
  if (out->event_year) return true;
  if (!ctx.article_year) return false;
  out->event_year = ctx.article_year;
  out->event_note = ctx.article_year_inferred
                        ? " (assuming the article's year, " + std::to_string(out->event_year) +
                              ", the latest date in the text)"
                        : " (the dateline's year, " + std::to_string(out->event_year) + ")";
  return true;
}

bool Determiner(std::u16string_view w) {
  return w == u"the"sv || w == u"its"sv || w == u"his"sv || w == u"her"sv || w == u"their"sv ||
         w == u"our"sv;
}

bool EndsNounPhrase(std::u16string_view w) {
  return w == u"on"sv || w == u"in"sv || w == u"at"sv || w == u"of"sv || w == u"with"sv ||
         w == u"and"sv || w == u"this"sv || w == u"last"sv || w == u"next"sv;
}

// What the anniversary is of: the head noun after "anniversary of the" (the
// last word of the noun phrase before a preposition or punctuation); "" if
// none.
std::u16string HeadNoun(const Context& ctx, const Anniversary& a) {
  const auto& ts = ctx.toks[a.p];
  const int n = static_cast<int>(ts.size());
  std::u16string head;
  int k = a.i + 1;
  if (k >= n || ts[k].lower() != u"of"sv) return head;
  ++k;
  while (k < n && Determiner(ts[k].lower())) ++k;
  for (; k < n && ts[k].type == Tok::kWord && ts[k].end <= a.sr.end; ++k) {
    if (EndsNounPhrase(ts[k].lower())) break;
    head = ts[k].lower();
  }
  return head;
}

// The first founding year ("founded in 1926") among `years` of paragraph p.
bool FoundingYear(const Context& ctx, int32_t p, const std::vector<YearInSentence>& years,
                  AnniversaryYears* out) {
  for (const YearInSentence& y : years) {
    if (!FoundingBefore(ctx, p, y.tok)) continue;
    out->origin = y.year;
    out->strong = true;
    return true;
  }
  return false;
}

// No object named ("celebrates its 100th anniversary on ..."): only an
// explicit founding year in the two sentences before counts.
void FoundingBeforeAnniversary(const Context& ctx, const Anniversary& a, SentenceYears& years,
                               AnniversaryYears* out) {
  for (int s = a.sent - 1; s >= 0 && s >= a.sent - 2; --s)
    if (FoundingYear(ctx, a.p, years.Of(a.p, s), out)) return;
  if (a.sent == 0 && a.p > 0 && !ctx.sentences[a.p - 1].empty()) {
    const int last = static_cast<int>(ctx.sentences[a.p - 1].size()) - 1;
    FoundingYear(ctx, a.p - 1, years.Of(a.p - 1, last), out);
  }
}

// Whether sentence s of paragraph p has the word `head`.
bool SentenceHas(const Context& ctx, int32_t p, int s, const std::u16string& head) {
  const SentenceRange& r = ctx.sentences[p][s];
  auto [ta, tb] = ctx.TokRange(p, r.begin, r.end);
  for (int ti = ta; ti < tb; ++ti)
    if (ctx.toks[p][ti].lower() == head) return true;
  return false;
}

// The same or up to three earlier sentences (this and the previous
// paragraph) that mention the head noun with exactly one year, or one range
// (its start). In the anniversary's own sentence the head noun follows it:
// that sentence is counted but not read.
void OriginOfHeadNoun(const Context& ctx, const Anniversary& a, const std::u16string& head,
                      SentenceYears& years, AnniversaryYears* out) {
  std::vector<std::pair<int32_t, int>> back;
  for (int s = a.sent; s >= 0; --s) back.push_back({a.p, s});
  if (a.p > 0)
    for (int s = static_cast<int>(ctx.sentences[a.p - 1].size()) - 1; s >= 0; --s)
      back.push_back({a.p - 1, s});
  int looked = 0;
  for (const auto& [bp, bs] : back) {
    if (looked++ > 3) return;
    if (bp == a.p && bs == a.sent) continue;
    if (!SentenceHas(ctx, bp, bs, head)) continue;
    const std::vector<YearInSentence>& ys = years.Of(bp, bs);
    std::set<int> distinct;
    for (const YearInSentence& y : ys)
      if (!y.range_end) distinct.insert(y.year);
    if (distinct.size() != 1) return;  // ambiguous: leave unchecked
    out->origin = *distinct.begin();
    for (const YearInSentence& y : ys)
      if (y.year == out->origin) out->strong = FoundingBefore(ctx, bp, y.tok);
    return;
  }
}

void ReportAnniversary(Context& ctx, const Anniversary& a, const AnniversaryYears& y) {
  if (!y.origin || y.origin >= y.event_year) return;
  const int computed = y.event_year - y.origin;
  const bool holds = computed == a.nth;
  if (!holds && !y.strong) return;  // weak link: only confirm, never accuse
  Check c = NewCheck(Kind::kArithmetic);
  c.spans = {a.span};
  c.holds = holds;
  c.computed = computed;
  c.tolerance = "exact (calendar years)";
  c.message = std::string(holds ? "Checked: " : "") + "from " + std::to_string(y.origin) +
              " to " + std::to_string(y.event_year) + " is " + std::to_string(computed) +
              " years" + y.event_note + (holds ? ", consistent with " : ", not ") +
              DateText(ctx, a.p, a.span.begin, a.span.end) + ".";
  ctx.Add(std::move(c));
}

// The anniversary at token i of paragraph p, if there is one.
bool AnniversaryAt(const Context& ctx, int32_t p, int i, Anniversary* a) {
  const auto& ts = ctx.toks[p];
  int start = i;
  const double nth = NthAt(ts, i, &start);
  if (nth <= 0 || nth != std::floor(nth)) return false;
  a->sent = ctx.SentenceAt(p, ts[i].begin);
  if (a->sent < 0) return false;
  a->p = p;
  a->i = i;
  a->sr = ctx.sentences[p][a->sent];
  a->span = Span{p, ts[start].begin, ts[i].end};
  a->nth = static_cast<int>(nth);
  return true;
}

void CheckAnniversary(Context& ctx, const Anniversary& a, SentenceYears& years) {
  AnniversaryYears y;
  YearsOfOwnSentence(ctx, a, years.Of(a.p, a.sent), &y);
  if (!ArticleYear(ctx, &y)) return;
  if (!y.origin) {
    const std::u16string head = HeadNoun(ctx, a);
    if (head.size() < 3) FoundingBeforeAnniversary(ctx, a, years, &y);
    else OriginOfHeadNoun(ctx, a, head, years, &y);
  }
  ReportAnniversary(ctx, a, y);
}

}  // namespace

void CheckAnniversaries(Context& ctx) {
  SentenceYears years(ctx);
  for (size_t p = 0; p < ctx.doc.paragraphs.size(); ++p) {
    for (int i = 0; i < static_cast<int>(ctx.toks[p].size()); ++i) {
      Anniversary a;
      if (AnniversaryAt(ctx, static_cast<int32_t>(p), i, &a)) CheckAnniversary(ctx, a, years);
    }
  }
}

// ---------------------------------------------------------------- ages

namespace {

// A life span "(1908-1932)" after a capitalised name.
struct Life {
  int born, died;
  Span span;
  int sentence;
};

std::vector<Life> LifeSpans(const Context& ctx, int32_t p) {
  const auto& ts = ctx.toks[p];
  const int n = static_cast<int>(ts.size());
  std::vector<Life> lives;
  for (int i = 1; i + 4 < n; ++i) {
    if (ts[i].lower() != u"("sv || ts[i + 4].lower() != u")"sv) continue;
    int b = YearNumber(ts[i + 1]), d = YearNumber(ts[i + 3]);
    if (!b || !d || !(ts[i + 2].lower() == u"-"sv || ts[i + 2].lower() == u"–"sv)) continue;
    if (d <= b || d - b > 125) continue;
    // After a name: a capitalised word among the four tokens before.
    bool name = false;
    for (int k = i - 1; k >= 0 && k >= i - 4; --k) {
      if (ts[k].type == Tok::kPunct && ts[k].lower() != u"-"sv && ts[k].lower() != u"."sv) break;
      if (ts[k].type == Tok::kWord && ts[k].upper_initial) name = true;
    }
    if (!name || ts[i - 1].type != Tok::kWord) continue;
    lives.push_back({b, d, Span{p, ts[i].begin, ts[i + 4].end}, ctx.SentenceAt(p, ts[i].begin)});
  }
  return lives;
}

// "born in 1950"
struct Born {
  int year;
  Span span;
  int sentence;
};

std::vector<Born> BirthYears(const Context& ctx, int32_t p) {
  const auto& ts = ctx.toks[p];
  const int n = static_cast<int>(ts.size());
  std::vector<Born> borns;
  for (int i = 0; i + 2 < n; ++i)
    if (ts[i].lower() == u"born"sv && ts[i + 1].lower() == u"in"sv && YearNumber(ts[i + 2]))
      borns.push_back({YearNumber(ts[i + 2]), Span{p, ts[i].begin, ts[i + 2].end},
                       ctx.SentenceAt(p, ts[i].begin)});
  return borns;
}

// An age stated at token i: "aged 24", "at the age of 24", "the 24-year-old".
bool StatedAge(const Context& ctx, int32_t p, int i, int* age, Span* span) {
  const auto& ts = ctx.toks[p];
  const int n = static_cast<int>(ts.size());
  const int num =
      (ts[i].lower() == u"age"sv && i + 2 < n && ts[i + 1].lower() == u"of"sv) ? i + 2 : i + 1;
  if ((ts[i].lower() == u"aged"sv || ts[i].lower() == u"age"sv) && num < n &&
      ts[num].type == Tok::kNum) {
    if (ts[i].lower() == u"age"sv &&
        !(i > 0 && (ts[i - 1].lower() == u"at"sv || ts[i - 1].lower() == u"the"sv)))
      return false;
    *age = static_cast<int>(ParseNumberWord(ts[num].lower(), false));
    *span = Span{p, ts[i].begin, ts[num].end};
    if (ts[i].lower() == u"age"sv && i >= 3 && ts[i - 1].lower() == u"the"sv &&
        ts[i - 2].lower() == u"at"sv)
      span->begin = ts[i - 2].begin;
    return true;
  }
  if (i + 4 < n && ts[i + 1].lower() == u"-"sv && ts[i + 2].lower() == u"year"sv &&
      ts[i + 3].lower() == u"-"sv && ts[i + 4].lower() == u"old"sv) {
    *age = static_cast<int>(ParseNumberWord(ts[i].lower(), false));
    *span = Span{p, ts[i].begin, ts[i + 4].end};
    return true;
  }
  return false;
}

bool DeathInSentence(const Context& ctx, int32_t p, int sent) {
  const SentenceRange& sr = ctx.sentences[p][sent];
  bool death = false;
  auto [ta, tb] = ctx.TokRange(p, sr.begin, sr.end);
  for (int ti = ta; ti < tb; ++ti) {
    const Tok& t = ctx.toks[p][ti];
    if (t.lower() == u"died"sv || t.lower() == u"death"sv || t.lower() == u"killed"sv ||
        t.lower() == u"executed"sv || t.lower() == u"dies"sv)
      death = true;
  }
  return death;
}

// What the age follows from: a life span in the same or the sentence before
// (for a death), else a birth year there and the dateline's year.
struct AgeBasis {
  int lo = 0, hi = 0;
  Span span;
  std::string why;
};

AgeBasis AgeBasisOf(const Context& ctx, const std::vector<Life>& lives,
                    const std::vector<Born>& borns, int sent, bool death) {
  AgeBasis basis;
  for (const Life& l : lives) {
    if (!(l.sentence == sent || l.sentence + 1 == sent) || !death) continue;
    basis = {l.died - l.born - 1, l.died - l.born, l.span,
             "born " + std::to_string(l.born) + ", died " + std::to_string(l.died)};
  }
  if (basis.lo || basis.hi || !ctx.dateline || death) return basis;
  for (const Born& b : borns) {
    if (!(b.sentence == sent || b.sentence + 1 == sent)) continue;
    basis = {ctx.dateline->year - b.year - 1, ctx.dateline->year - b.year, b.span,
             "born " + std::to_string(b.year) + ", dateline " +
                 std::to_string(ctx.dateline->year)};
  }
  return basis;
}

void ReportAge(Context& ctx, int age, const Span& span, const AgeBasis& basis) {
  Check c = NewCheck(Kind::kArithmetic);
  c.spans = {basis.span, span};
  std::sort(c.spans.begin(), c.spans.end());
  c.holds = age >= basis.lo && age <= basis.hi;
  c.computed = basis.hi;
  c.tolerance = "-1 year (the birthday within the year is unknown)";
  c.message = std::string(*c.holds ? "Checked: " : "") + basis.why + " gives an age of " +
              std::to_string(basis.lo) + " or " + std::to_string(basis.hi) +
              (*c.holds ? ", consistent with " : ", not ") +
              DateText(ctx, span.paragraph, span.begin, span.end) + ".";
  ctx.Add(std::move(c));
}

}  // namespace

void CheckAges(Context& ctx) {
  for (size_t pp = 0; pp < ctx.doc.paragraphs.size(); ++pp) {
    const int32_t p = static_cast<int32_t>(pp);
    const std::vector<Life> lives = LifeSpans(ctx, p);
    const std::vector<Born> borns = BirthYears(ctx, p);
    if (lives.empty() && borns.empty()) continue;
    for (int i = 0; i < static_cast<int>(ctx.toks[p].size()); ++i) {
      int age = 0;
      Span span;
      if (!StatedAge(ctx, p, i, &age, &span) || age <= 0 || age > 125) continue;
      const int sent = ctx.SentenceAt(p, span.begin);
      const AgeBasis basis = AgeBasisOf(ctx, lives, borns, sent, DeathInSentence(ctx, p, sent));
      if (!basis.lo && !basis.hi) continue;
      ReportAge(ctx, age, span, basis);
    }
  }
}

// ---------------------------------------------------------------- founded twice

namespace {

using MentionsByParagraph = std::vector<std::vector<const EntityMention*>>;

// "founded in [April] 1919" at token i: the year and the token of the year.
bool FoundingAt(const Context& ctx, const std::vector<Tok>& ts, int i, int* year, int* k) {
  const int n = static_cast<int>(ts.size());
  if (!(ts[i].lower() == u"founded"sv || ts[i].lower() == u"established"sv ||
        ts[i].lower() == u"born"sv))
    return false;
  *k = i + 1;
  if (ts[*k].lower() != u"in"sv) return false;
  ++*k;
  if (*k < n && ts[*k].type == Tok::kWord &&
      NamesFor(ctx.doc.language).months.count(ts[*k].lower()))
    ++*k;
  if (*k >= n || !YearNumber(ts[*k])) return false;
  *year = YearNumber(ts[*k]);
  return true;
}

// The nearest entity mention ending before the verb at token i in the same
// sentence, with at most "was/were/, who/which was" between; else nullptr.
const EntityMention* SubjectBefore(const Context& ctx, int32_t p,
                                   const std::vector<const EntityMention*>& ents, int i) {
  const auto& ts = ctx.toks[p];
  const int sent = ctx.SentenceAt(p, ts[i].begin);
  const EntityMention* subject = nullptr;
  for (const EntityMention* m : ents) {
    if (m->span.end > ts[i].begin) continue;
    if (ctx.SentenceAt(p, m->span.begin) != sent) continue;
    if (!subject || m->span.end > subject->span.end) subject = m;
  }
  if (!subject) return nullptr;
  auto [ga, gb] = ctx.TokRange(p, subject->span.end, ts[i].begin);
  return gb - ga > 4 ? nullptr : subject;
}

// "Since it was founded in 1998, the Lakeside Trust has ...": the subject is
// named right after the clause (the year at token k); else nullptr.
const EntityMention* SubjectAfter(const Context& ctx, int32_t p,
                                  const std::vector<const EntityMention*>& ents, int i, int k) {
  const auto& ts = ctx.toks[p];
  const int n = static_cast<int>(ts.size());
  bool pronoun = i >= 2 && (ts[i - 1].lower() == u"was"sv || ts[i - 1].lower() == u"were"sv) &&
                 (ts[i - 2].lower() == u"it"sv || ts[i - 2].lower() == u"she"sv ||
                  ts[i - 2].lower() == u"he"sv);
  if (!pronoun || k + 1 >= n || ts[k + 1].lower() != u","sv) return nullptr;
  const EntityMention* subject = nullptr;
  for (const EntityMention* m : ents) {
    if (m->span.begin < ts[k].end) continue;
    auto [ba, bb] = ctx.TokRange(p, ts[k].end, m->span.begin);
    if (bb - ba <= 3 && (!subject || m->span.begin < subject->span.begin)) subject = m;
  }
  return subject;
}

// What is founded or born in which year, as the text says.
struct FoundingClaim {
  std::string key;  // the entity, else the NameKey of the mention
  std::string name;
  int year;
  Span span;
};

// The entity mentions of each paragraph, in the report's order.
MentionsByParagraph MentionsOfParagraphs(const Context& ctx) {
  MentionsByParagraph ents(ctx.doc.paragraphs.size());
  for (const EntityMention& m : ctx.report->entities)
    if (m.span.paragraph >= 0 && m.span.paragraph < static_cast<int32_t>(ents.size()))
      ents[m.span.paragraph].push_back(&m);
  return ents;
}

// `*by_paragraph` is filled at the first claim (most stories make none).
void FoundingClaims(const Context& ctx, int32_t p, MentionsByParagraph* by_paragraph,
                    std::vector<FoundingClaim>* claims) {
  const auto& ts = ctx.toks[p];
  const int n = static_cast<int>(ts.size());
  for (int i = 0; i + 2 < n; ++i) {
    int year = 0, k = 0;
    if (!FoundingAt(ctx, ts, i, &year, &k)) continue;
    if (by_paragraph->empty()) *by_paragraph = MentionsOfParagraphs(ctx);
    const std::vector<const EntityMention*>& ents = (*by_paragraph)[p];
    const EntityMention* subject = SubjectBefore(ctx, p, ents, i);
    if (!subject) subject = SubjectAfter(ctx, p, ents, i, k);
    if (!subject || subject->type == EntityType::kMisc) continue;
    std::string key = subject->entity >= 0 ? "e" + std::to_string(subject->entity)
                                           : NameKey(ctx.Text(subject->span));
    claims->push_back(
        {key, Utf8(ctx.Text(subject->span)), year, Span{p, ts[i].begin, ts[k].end}});
  }
}

void CheckFoundedTwice(Context& ctx) {
  MentionsByParagraph ents;
  std::vector<FoundingClaim> claims;
  for (size_t p = 0; p < ctx.doc.paragraphs.size(); ++p)
    FoundingClaims(ctx, static_cast<int32_t>(p), &ents, &claims);
  std::set<std::string> reported;
  for (size_t a = 0; a < claims.size(); ++a) {
    for (size_t b = a + 1; b < claims.size(); ++b) {
      const FoundingClaim& ca = claims[a];
      const FoundingClaim& cb = claims[b];
      if (ca.key != cb.key || ca.year == cb.year) continue;
      if (!reported.insert(ca.key).second) continue;
      Check c = NewCheck(Kind::kDateConsistency);
      c.holds = false;
      c.spans = {ca.span, cb.span};
      c.message = ca.name + " is dated two ways: " +
                  DateText(ctx, ca.span.paragraph, ca.span.begin, ca.span.end) + " and " +
                  DateText(ctx, cb.span.paragraph, cb.span.begin, cb.span.end) + ".";
      ctx.Add(std::move(c));
    }
  }
}

}  // namespace

std::optional<Date> DetectDateline(const Context& ctx) {
  int seen = 0;
  for (size_t p = 0; p < ctx.doc.paragraphs.size() && seen < 3; ++p) {
    const std::u16string& text = ctx.doc.paragraphs[p].text;
    if (text.find_first_not_of(u" \t\u00a0") == std::u16string::npos) continue;
    ++seen;
    for (const DateMention& d : ctx.dates[p]) {
      if (!d.year || !ValidDate(d.year, d.month, d.day)) continue;
      // Followed by a dash or colon ("January 9, 2026 — "), or ending a
      // short byline/dateline paragraph.
      size_t k = static_cast<size_t>(d.end);
      while (k < text.size() && (text[k] == ' ' || text[k] == 0xA0)) ++k;
      bool dash = k < text.size() && (text[k] == u'—' || text[k] == u'–' || text[k] == '-' ||
                                      text[k] == ':' || text[k] == '(');
      bool at_end = k >= text.size() && ctx.HeadingLike(static_cast<int32_t>(p));
      if (dash || at_end) return Date{d.year, d.month, d.day};
    }
  }
  return std::nullopt;
}

void ReadDates(Context& ctx) {
  for (size_t p = 0; p < ctx.doc.paragraphs.size(); ++p) {
    for (const DateMention& d : ScanDates(ctx, static_cast<int32_t>(p))) ctx.dates.Add(d);
    ctx.dates.EndParagraph();
  }
}

int LatestFullDateYear(const Context& ctx) {
  int latest = 0;
  for (const DateMention& d : ctx.dates.all())
    if (d.year && d.day) latest = std::max(latest, d.year);
  return latest;
}

// date_consistency: weekdays, durations against ranges, one thing founded
// (or born) in two years.
void CheckDateConsistency(Context& ctx) {
  CheckWeekdays(ctx, ctx.dates);
  CheckDurations(ctx, ctx.dates);
  CheckFoundedTwice(ctx);
}

}  // namespace checks_internal
}  // namespace factlens
