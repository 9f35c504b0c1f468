// Calendar arithmetic for dates: validation, weekdays and day arithmetic use
// icu::GregorianCalendar.
#include "figures/scanner.h"

#include <cstdio>
#include <memory>
#include <string>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>

namespace factlens {
namespace figures_internal {

bool ValidDate(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
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

// ICU day of week (UCAL_SUNDAY = 1 .. UCAL_SATURDAY = 7), 0 on error.
int Weekday(int y, int m, int d) {
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

// Adds `days` to a date (ICU does the calendar arithmetic).
Date AddDays(const Date& in, int days) {
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
