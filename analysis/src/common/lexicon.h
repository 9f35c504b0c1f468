// Word classes that more than one stage uses, one definition each, from
// analysis/data/common/ (each file's header says its format and who reads it).
//
// Usage:
//   for (const Weekday& d : Weekdays()) table[d.name] = d.day;   // "monday" → 2
//   if (WeekdayNames().count(lower)) ...                         // u"monday", full names
//   if (MonthNames().count(lower)) ...                           // u"june", not u"may"
//   auto it = ChangeWords().find(lower);                         // u"rose" → {+1, 0}
//
// Each list is read once, on first use (thread-safe static), and lives for the
// process; lookups take the caller's lower-case std::u16string (a string_view
// for ChangeWords), no allocation.
#ifndef FACTLENS_ANALYSIS_SRC_COMMON_LEXICON_H_
#define FACTLENS_ANALYSIS_SRC_COMMON_LEXICON_H_

#include <string>
#include <string_view>
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
  bool also_a_name = false;  // none is today
};

// Every row of common/weekdays.txt: full names and abbreviations.
const std::vector<Weekday>& Weekdays();

// The full weekday names only, lower case: u"monday" … u"sunday".
const std::unordered_set<std::u16string>& WeekdayNames();

// A row of common/months.txt: "sept" → month 9, an abbreviation; "may" is a
// full name that is also a name.
struct Month {
  std::string name;  // lower case
  int month = 0;     // 1 .. 12
  bool abbreviation = false;
  bool also_a_name = false;
};

// Every row of common/months.txt.
const std::vector<Month>& Months();

// The full month names that are not also names, lower case: u"january", not u"may".
const std::unordered_set<std::u16string>& MonthNames();

// A word that states a change (common/change_words.txt): "rose" {+1, 0},
// "fell" {-1, 0}, "doubled" {0, 2}, "halved" {0, 0.5}.
struct ChangeWord {
  int direction = 0;  // +1 rise, -1 fall, 0 multiple
  double factor = 0;  // for multiples
  // The direction a multiple implies too: "doubled" rises, "halved" falls.
  int Sign() const { return direction != 0 ? direction : factor > 1 ? 1 : factor > 0 ? -1 : 0; }
};

// Every row of common/change_words.txt, keyed by the lower-case word (views of
// strings that live as long as the process: a token's view is looked up as is).
const std::unordered_map<std::u16string_view, ChangeWord>& ChangeWords();

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_LEXICON_H_
