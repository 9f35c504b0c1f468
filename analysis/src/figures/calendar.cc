// Calendar arithmetic for dates: validation, weekdays and day arithmetic by
// plain Gregorian arithmetic, and icu::GregorianCalendar before 1583 and after 9999.
#include "figures/scanner.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>

#include "common/calendar.h"

namespace factlens {
namespace figures_internal {

namespace {

// ICU's GregorianCalendar counts days by the Julian calendar before 15 October
// 1582; from 1583 on it is the proleptic Gregorian calendar, whose answers
// plain arithmetic gives without building calendar fields. ICU is asked about
// the other years only.
constexpr int kFirstGregorianYear = 1583;

bool ArithmeticYear(int y) { return y >= kFirstGregorianYear && y <= 9999; }

// A real day of a year that arithmetic answers for.
bool ArithmeticDate(int y, int m, int d) {
  return ArithmeticYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Days since 1970-01-01 of a Gregorian date (DayNumber counts from its own epoch).
int64_t DaysSince1970(int y, int m, int d) {
  static const int kEpoch = DayNumber(1970, 1, 1);
  return DayNumber(y, m, d) - kEpoch;
}

// The Gregorian date `z` days after 1970-01-01 (H. Hinnant's civil_from_days, the
// inverse of DaysSince1970).
Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = static_cast<int>(z - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(yoe + era * 400) + (m <= 2 ? 1 : 0), m, d};
}

bool IcuValidDate(int y, int m, int d) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::Calendar> cal(
      new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), status));
  if (!cal) return false;
  cal->clear();
  cal->setLenient(false);
  cal->set(y, m - 1, d);
  status = U_ZERO_ERROR;
  cal->getTime(status);
  return U_SUCCESS(status);
}

int IcuWeekday(int y, int m, int d) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::Calendar> cal(
      new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), status));
  if (!cal) return 0;
  cal->clear();
  cal->setLenient(true);
  cal->set(y, m - 1, d);
  status = U_ZERO_ERROR;
  int wd = cal->get(UCAL_DAY_OF_WEEK, status);
  return U_SUCCESS(status) ? wd : 0;
}

Date IcuAddDays(const Date& in, int days) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::Calendar> cal(
      new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), status));
  if (!cal) return in;
  cal->clear();
  cal->setLenient(true);
  cal->set(in.year, in.month - 1, in.day);
  status = U_ZERO_ERROR;
  cal->add(UCAL_DATE, days, status);
  Date out;
  out.year = cal->get(UCAL_YEAR, status);
  if (cal->get(UCAL_ERA, status) == 0) out.year = 1 - out.year;
  out.month = cal->get(UCAL_MONTH, status) + 1;
  out.day = cal->get(UCAL_DATE, status);
  return U_SUCCESS(status) ? out : in;
}

}  // namespace

bool ValidDate(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  if (ArithmeticYear(y)) return d <= DaysInMonth(y, m);
  return IcuValidDate(y, m, d);
}

// ICU day of week (UCAL_SUNDAY = 1 .. UCAL_SATURDAY = 7), 0 on error.
int Weekday(int y, int m, int d) {
  if (!ArithmeticDate(y, m, d)) return IcuWeekday(y, m, d);
  const int64_t days = DaysSince1970(y, m, d);
  return static_cast<int>(((days % 7) + 7 + 4) % 7) + 1;  // 1970-01-01: a Thursday (5)
}

// Adds `days` to a date (arithmetic, or ICU outside the years it answers for).
Date AddDays(const Date& in, int days) {
  if (ArithmeticDate(in.year, in.month, in.day)) {
    const Date out = CivilFromDays(DaysSince1970(in.year, in.month, in.day) + days);
    if (ArithmeticYear(out.year)) return out;
  }
  return IcuAddDays(in, days);
}

std::string IsoDate(int y, int m, int d) {
  char buf[32];
  if (y <= 0 || y > 9999) {
    if (m && d) std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
    else if (m) std::snprintf(buf, sizeof buf, "--%02d", m);
    else buf[0] = 0;
    return buf;
  }
  if (m && d) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

int DayNumber(int y, int m, int d) {  // days since an epoch, for distances only
  if (m <= 2) {
    y -= 1;
    m += 12;
  }
  return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

// Western Easter Sunday of `year` (the anonymous Gregorian computus).
Date EasterSunday(int year) {
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year, month, day};
}

// The nth weekday `wd` (ICU: 1 Sunday .. 7 Saturday) of a month; n = -1: the last.
Date NthWeekday(int year, int month, int n, int wd) {
  if (n > 0) {
    int first = Weekday(year, month, 1);
    return Date{year, month, 1 + (wd - first + 7) % 7 + 7 * (n - 1)};
  }
  int last_day = 31;
  while (!ValidDate(year, month, last_day)) --last_day;
  int last = Weekday(year, month, last_day);
  return Date{year, month, last_day - (last - wd + 7) % 7};
}

// The Gregorian date in `year` of day `day` of month `month` (1-based; ICU's own
// month numbering, so Hebrew months count from Tishri with Adar I always counted)
// in the calendar of ICU locale keyword `calendar` ("islamic-umalqura", "hebrew",
// "chinese"): the first such day that falls in `year`. A lunar year is shorter than
// the Gregorian one, so the calendar's year at January 1 or the next one has it.
// {0, 0, 0} when ICU cannot say.
Date CalendarDayIn(const std::string& calendar, int month, int day, int year) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> other(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale(("en@calendar=" + calendar).c_str()), status));
  std::unique_ptr<icu::Calendar> gregorian(
      new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), status));
  if (U_FAILURE(status) || !other || !gregorian) return Date{};
  gregorian->clear();
  gregorian->set(year, 0, 1);
  other->setTime(gregorian->getTime(status), status);
  const int first = other->get(UCAL_EXTENDED_YEAR, status);
  for (int y = first; y <= first + 1 && U_SUCCESS(status); ++y) {
    other->clear();
    other->set(UCAL_EXTENDED_YEAR, y);
    other->set(UCAL_MONTH, month - 1);
    other->set(UCAL_DATE, day);
    gregorian->setTime(other->getTime(status), status);
    if (U_SUCCESS(status) && gregorian->get(UCAL_YEAR, status) == year)
      return Date{year, gregorian->get(UCAL_MONTH, status) + 1, gregorian->get(UCAL_DATE, status)};
  }
  return Date{};
}

}  // namespace figures_internal
}  // namespace factlens
