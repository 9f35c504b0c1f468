// The length of a month in the proleptic Gregorian calendar, for the stages that check
// a date's day without ICU (the figures' date arithmetic, the checks' date parsing,
// the report reader). Pure function; month 1..12.
#ifndef FACTLENS_ANALYSIS_SRC_COMMON_CALENDAR_H_
#define FACTLENS_ANALYSIS_SRC_COMMON_CALENDAR_H_

namespace factlens {

inline bool GregorianLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && GregorianLeapYear(y) ? 29 : kDays[m - 1];
}

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_CALENDAR_H_
