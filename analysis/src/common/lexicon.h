// Word classes that more than one stage uses, one definition each, from
// analysis/data/common/ (each file's header says its format and who reads it).
//
// Usage:
//   for (const Weekday& d : Weekdays()) table[d.name] = d.day;   // "monday" → 2
//   if (WeekdayNames().count(lower)) ...                         // u"monday", full names
//   auto it = ChangeWords().find(lower);                          // u"rose" → {+1}
//
// Each list is read once, on first use (thread-safe static), and lives for the
// process; lookups take the caller's lower-case std::u16string, no allocation.
#ifndef FACTLENS_ANALYSIS_SRC_COMMON_LEXICON_H_
#define FACTLENS_ANALYSIS_SRC_COMMON_LEXICON_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace factlens {

// A row of common/weekdays.txt: "tues" → day 3 (UCAL_SUNDAY = 1), an abbreviation
// (shorter than "tuesday", the longest name of day 3).
struct Weekday {
  std::string name;  // lower case
  int day = 0;       // 1 (Sunday) .. 7 (Saturday)
  bool abbreviation = false;
};

// Every row of common/weekdays.txt: full names and abbreviations.
const std::vector<Weekday>& Weekdays();

// The full weekday names only, lower case: u"monday" … u"sunday".
const std::unordered_set<std::u16string>& WeekdayNames();

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_LEXICON_H_
