// Internal to the figures stage: the immutable word tables (number words from
// ICU's spell-out rules, currencies, units) built once per process.
#ifndef FACTLENS_SRC_FIGURES_TABLES_H_
#define FACTLENS_SRC_FIGURES_TABLES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace factlens {
namespace figures_internal {

// Word classes (bit set) of a lower-cased word.
enum WordClass : uint32_t {
  kCardinal = 1u << 0,      // "one" .. "ninety" (value in Tables::cardinal)
  kOrdinalW = 1u << 1,      // "first" .. "hundredth"
  kScale = 1u << 2,         // "hundred", "thousand", "million", "bn", "crore", ...
  kMonth = 1u << 3,         // "january", "jan", "sept"
  kWeekday = 1u << 4,       // "monday", "mon"
  kApproxW = 1u << 5,       // first word of an approximator ("about", "more")
  kCurrencyW = 1u << 6,     // first word of a currency name or a code ("yuan", "usd")
  kUnitW = 1u << 7,         // first word of a unit of measure
  kDurationW = 1u << 8,     // "year(s)", "day(s)", ...
  kFractionW = 1u << 9,     // "half", "third(s)", "quarter(s)"
  kDateMod = 1u << 10,      // "early", "mid", "late", "last", "next", "this"
  kRelDay = 1u << 11,       // "today", "yesterday", "tomorrow"
  kStop = 1u << 12,         // never part of a counted noun phrase
  kPercentW = 1u << 13,     // "percent", "pc", "pct", "per"
  kSportsW = 1u << 14,      // context of match scores ("won", "beat", "draw")
  kLabelW = 1u << 15,       // "section", "article", "no", "version": labels, not figures
  kStreetW = 1u << 16,      // "street", "road", "avenue"
  kPlural = 1u << 17,       // irregular plural count nouns ("people", "children")
  kYearCue = 1u << 18,      // "in", "since", "until": a following number may be a year
  kRise = 1u << 19,         // "rose", "up", "increase"
  kFall = 1u << 20,         // "fell", "down", "decline"
  kTrigger = 1u << 21,      // may open a figure: "a", "from", "between", "minus", "us", "rs" ...
  kDayNameW = 1u << 22,     // "black", "super", "night": a weekday beside it is a name
  kOrdNameW = 1u << 23,     // "amendment", "circuit", "lady": an ordinal before it is a name
  kPartDayW = 1u << 24,     // "morning", "afternoon", "tonight" (parts_of_day.txt)
  kRecurW = 1u << 25,       // "daily", "quarterly", "every", "each" (recurring_words.txt)
  kRelOrdW = 1u << 26,      // first word of a relative ordinal ("last", "the", "penultimate")
  kPeriodW = 1u << 27,      // "quarter", "fortnight", "weekend", "workweek", "upcoming" ...
  kHolidayW = 1u << 28,     // first word of a holiday name ("christmas", "labor") holidays.txt
  kRateNounW = 1u << 29,    // "rate", "earnings": "an annual rate" is no date (rate_nouns.txt)
  kLabelLowerW = 1u << 30,  // a label also in lower case ("flight 212", "verse 71")
  kScheduleW = 1u << 31,    // "holds", "begins": a schedule in the present (schedule_verbs.txt)
};

// A cheap pre-filter for Tables::cls lookups: most words of a text are in no
// list, and this rejects them without hashing.
inline uint32_t WordFilterKey(const std::string& w) {
  uint32_t c0 = static_cast<unsigned char>(w[0]) & 31u;
  uint32_t c1 = w.size() > 1 ? static_cast<unsigned char>(w[1]) & 31u : 0u;
  uint32_t len = w.size() < 31 ? static_cast<uint32_t>(w.size()) : 31u;
  return c0 | (c1 << 5) | (len << 10);
}

// A WordFilterKey bit set: false for most words not added, never for one added.
inline bool WordFilterHas(const std::vector<uint64_t>& filter, const std::string& w) {
  if (w.empty()) return false;
  const uint32_t k = WordFilterKey(w);
  return (filter[k >> 6] >> (k & 63)) & 1u;
}
inline void WordFilterAdd(const std::string& w, std::vector<uint64_t>* filter) {
  if (w.empty()) return;
  const uint32_t k = WordFilterKey(w);
  (*filter)[k >> 6] |= uint64_t{1} << (k & 63);
}

struct Currency {
  std::string code;  // ISO 4217
  bool assumed = false;  // "dollar": the code is a guess
  double factor = 1.0;   // "cents" -> 0.01
};

// A part of the day: "afternoon" -> 12:00 .. 16:00; `today` for "tonight".
struct PartOfDay {
  std::string lo, hi;
  bool today = false;
};

// A recurring word: "quarterly" -> "P3M" alone; "week" -> "P1W" after "every".
struct Recurrence {
  std::string period;
  bool alone = false;
};

struct Tables {
  std::unordered_map<std::string, uint32_t> cls;       // word -> WordClass bits
  std::vector<uint64_t> cls_filter = std::vector<uint64_t>(512, 0);  // WordFilterKey bits
  bool MayHaveClass(const std::string& w) const { return WordFilterHas(cls_filter, w); }
  std::unordered_map<std::string, int> cardinal;       // "twenty" -> 20
  std::unordered_map<std::string, int> ordinal;        // "twentieth" -> 20
  std::unordered_map<std::string, double> scale;       // "million" -> 1e6
  // A scale word's multiplier: "millions", "mln" (scales.txt) or a spelled scale of a
  // thousand or more ("million", "billion"); 0 for any other word.
  double ScaleOf(const std::string& w) const;
  std::unordered_map<std::string, int> month;          // "jan" -> 1
  std::unordered_map<std::string, int> weekday;        // "monday" -> 2 (ICU UCAL_MONDAY)
  std::unordered_map<std::string, int> fraction;       // "third" -> 3, "half" -> 2
  std::unordered_map<std::string, std::string> duration;  // "days" -> "day"
  std::unordered_map<std::string, std::pair<int, int>> season;  // "summer" -> {6, 8}
  std::unordered_map<std::string, PartOfDay> part_of_day;   // "afternoon"
  std::unordered_map<std::string, Recurrence> recurring;    // "daily", "week"
  // Relative ordinals by first word, longest first: {"the","last","but","one"} -> "end-1".
  std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, std::string>>>
      relative_ordinals;
  std::unordered_set<std::string> sequence_nouns;  // "sentence", "page": after "last"/"next"
  std::unordered_set<std::string> event_nouns;  // event_nouns.txt: "election", "primary"
  std::unordered_set<std::string> reporting_past;  // reporting_verbs_past.txt: "said"
  std::unordered_set<std::string> irregular_past;  // irregular_past.txt: "won", "was"
  // Holidays by first word, longest first: {"christmas", "eve"} -> "12-24".
  std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, std::string>>>
      holidays;
  // Amounts that are no number before a duration unit, by first word, longest first:
  // {"a", "few"} -> 3 approximate (indefinite_amounts.txt).
  struct IndefiniteAmount {
    std::vector<std::string> words;
    double units = 1;
    bool approx = false;
  };
  std::unordered_map<std::string, std::vector<IndefiniteAmount>> indefinite_amounts;
  // WordFilterKey bits of indefinite_amounts' first words: most words skip the lookup.
  std::vector<uint64_t> indefinite_filter = std::vector<uint64_t>(512, 0);
  std::unordered_set<std::string> duration_leads;  // "for", "within" (duration_lead_words.txt)
  std::unordered_set<std::string> duration_adjectives;  // "working" (duration_adjectives.txt)
  // "529" -> {"plan", "plans", ...}: the words after a number that make it a name.
  std::unordered_map<std::string, std::vector<std::string>> number_names;
  // Currency names after a number, lower case, possibly several words
  // ("us dollars"); codes upper case ("USD").
  std::unordered_map<std::string, Currency> currency_name;
  // Codes replaced at a redenomination (redenominations.txt): "RON" -> {"ROL", day};
  // and names that meant one currency until a day, keyed as the note of an amount
  // whose currency the name does not settle (kCurrencyNotSpecified + "marks" -> DEM).
  struct OldCode {
    std::string code;
    int until = 0;  // the new code's first day, YYYYMMDD
  };
  std::unordered_map<std::string, OldCode> old_codes;
  // Words of a table row's label that put it in another unit than the table's stated
  // currency (table_row_other_units.txt: "per", "pct", "shares").
  std::unordered_set<std::string> table_row_other_units;
  // Peoples and groups, as the entity lexicon lists them ("American", "Democrats"): a
  // capitalised plural after lower-case modifiers is counted when it is one of them
  // ("two brave Americans").
  std::unordered_set<std::string> peoples;
  std::unordered_map<std::string, std::string> currency_code;  // "USD" -> "USD"
  std::unordered_map<std::string, std::string> dollar_prefix;   // "us" -> "USD", "hk" -> "HKD"
  std::unordered_map<std::u16string, std::string> currency_symbol;  // u"€" -> "EUR"
  std::unordered_map<std::string, std::string> unit;  // "square metres" -> "square metre"
  std::unordered_map<std::string, std::string> unit_cased;  // "MB" -> "megabyte"
  std::vector<std::vector<std::string>> approximators;  // word sequences, longest first
  // The same, indexed by first word.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> approx_by_first;
  size_t max_unit_words = 1;
  size_t max_currency_words = 1;
};

// The start of the note of an amount in a currency its name does not settle ("5 marks":
// "currency not specified: marks").
inline const std::string kCurrencyNotSpecified = "currency not specified: ";

const Tables& GetTables();

}  // namespace figures_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_FIGURES_TABLES_H_
