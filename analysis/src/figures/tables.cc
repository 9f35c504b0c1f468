// The figures stage's word tables, built once per process. Number words come
// from ICU's English spell-out rules (icu::RuleBasedNumberFormat, URBNF_SPELLOUT);
// every other word list from analysis/data/figures/*.txt. Loaders only: what
// the words mean is decided by the matchers.
#include "figures/tables.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <sstream>
#include <string_view>

#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include "common/embedded_data.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace factlens {
namespace figures_internal {
namespace {

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Last word of ICU's spell-out of n ("one hundred" -> "hundred").
std::string LastWord(icu::RuleBasedNumberFormat* f, int64_t n) {
  icu::UnicodeString s;
  f->format(static_cast<int64_t>(n), s);
  std::vector<std::string> w = SplitWords(Utf8(s));
  return w.empty() ? std::string() : w.back();
}

void AddClass(Tables* t, const std::string& w, uint32_t c) { t->cls[w] |= c; }

// The words of a one-word-a-line data file get class c.
void AddWords(Tables* t, std::string_view file, uint32_t c) {
  for (std::string_view w : EmbeddedLines(file)) AddClass(t, std::string(w), c);
}

// The tab-separated columns of a line of a data file (EmbeddedRows).
using Row = std::vector<std::string_view>;

// Locale-independent number parsing (0 on failure).
double ToDouble(std::string_view s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}
int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

void BuildNumberWords(Tables* t) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RuleBasedNumberFormat> f(
      new icu::RuleBasedNumberFormat(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status));
  if (U_SUCCESS(status)) {
    for (int n = 0; n < 20; ++n) t->cardinal[LastWord(f.get(), n)] = n;
    for (int n = 20; n < 100; n += 10) t->cardinal[LastWord(f.get(), n)] = n;
    const int64_t scales[] = {100, 1000, 1000000, 1000000000LL, 1000000000000LL};
    for (int64_t s : scales) t->scale[LastWord(f.get(), s)] = static_cast<double>(s);
    UErrorCode st2 = U_ZERO_ERROR;
    f->setDefaultRuleSet(u"%spellout-ordinal", st2);
    if (U_SUCCESS(st2)) {
      for (int n = 1; n < 20; ++n) t->ordinal[LastWord(f.get(), n)] = n;
      for (int n = 20; n < 100; n += 10) t->ordinal[LastWord(f.get(), n)] = n;
      t->ordinal[LastWord(f.get(), 100)] = 100;
      t->ordinal[LastWord(f.get(), 1000)] = 1000;
      t->ordinal[LastWord(f.get(), 1000000)] = 1000000;
      t->ordinal[LastWord(f.get(), 1000000000)] = 1000000000;
    }
  }
    // Fallback if ICU data is missing: the same words, so behaviour never
  // depends on the ICU build (ICU's output above is identical for English).
  bool need_cardinals = t->cardinal.size() < 28;
  bool need_ordinals = t->ordinal.size() < 20;
  for (const Row& r : EmbeddedRows("figures/number_words.txt")) {
    if (r.size() < 3) continue;
    if (need_cardinals && r[0] == "cardinal") t->cardinal[std::string(r[1])] = ToInt(r[2]);
    if (need_cardinals && r[0] == "scale") t->scale[std::string(r[1])] = ToDouble(r[2]);
    if (need_ordinals && r[0] == "ordinal") t->ordinal[std::string(r[1])] = ToInt(r[2]);
  }
  t->cardinal["nought"] = 0;
  // Abbreviated scales of news copy; "m", "b", "k" are decided in figures.cc.
  for (std::string_view line : EmbeddedLines("figures/scales.txt")) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string word(line.substr(0, tab));
    std::string value(line.substr(tab + 1));
    double v = 0;
    std::from_chars(value.data(), value.data() + value.size(), v);  // locale-independent
    if (!word.empty() && v > 0) t->scale[word] = v;
  }
  for (const auto& kv : t->cardinal) AddClass(t, kv.first, kCardinal);
  for (const auto& kv : t->ordinal) AddClass(t, kv.first, kOrdinalW);
  for (const auto& kv : t->scale) AddClass(t, kv.first, kScale);
  // Fractions: denominators from the ordinals (third, fifth, ..., hundredth, and
  // thousandth, millionth, billionth: "a millionth of a metre") plus half/quarter.
  for (const auto& kv : t->ordinal) {
    if (kv.second < 3 || (kv.second > 100 && kv.second % 1000 != 0)) continue;
    t->fraction[kv.first] = kv.second;
    t->fraction[kv.first + "s"] = kv.second;
  }
  t->fraction["half"] = 2;
  t->fraction["halves"] = 2;
  t->fraction["quarter"] = 4;
  t->fraction["quarters"] = 4;
  for (const auto& kv : t->fraction) AddClass(t, kv.first, kFractionW);
}

void BuildCalendarWords(Tables* t) {
  for (const Month& m : Months()) t->month[m.name] = m.month;
  for (const auto& kv : t->month) AddClass(t, kv.first, kMonth);
  for (const Weekday& d : Weekdays()) t->weekday[d.name] = d.day;
  for (const auto& kv : t->weekday) AddClass(t, kv.first, kWeekday);
  for (const Row& r : EmbeddedRows("figures/durations.txt")) {
    if (r.size() < 2) continue;
    t->duration[std::string(r[0])] = std::string(r[1]);
    AddClass(t, std::string(r[0]), kDurationW);
  }
  AddWords(t, "figures/date_modifiers.txt", kDateMod);
  for (const Row& r : EmbeddedRows("figures/seasons.txt")) {
    if (r.size() < 3) continue;
    t->season[std::string(r[0])] = {std::stoi(std::string(r[1])), std::stoi(std::string(r[2]))};
  }
  for (const Row& r : EmbeddedRows("figures/parts_of_day.txt")) {
    if (r.size() < 3) continue;
    t->part_of_day[std::string(r[0])] =
        PartOfDay{std::string(r[1]), std::string(r[2]), r.size() > 3 && r[3] == "today"};
    AddClass(t, std::string(r[0]), kPartDayW);
  }
  for (const Row& r : EmbeddedRows("figures/recurring_words.txt")) {
    if (r.size() < 3) continue;
    t->recurring[std::string(r[0])] = Recurrence{std::string(r[1]), r[2] == "alone"};
    if (r[2] == "alone") AddClass(t, std::string(r[0]), kRecurW);
  }
  for (const char* w : {"every", "each", "semi"}) AddClass(t, w, kRecurW);
  // Periods counted from the reference date: their units and the words of a count
  // before the unit ("5 past years"); composites.cc.
  for (const char* w : {"quarter", "quarters", "fortnight", "weekend", "workweek", "week",
                        "next", "last", "past", "upcoming", "coming", "previous"})
    AddClass(t, w, kPeriodW);
  for (const char* w : {"today", "yesterday", "tomorrow", "tonight"}) AddClass(t, w, kRelDay);
}

// Each line of an embedded list into *set.
void InsertLines(std::string_view name, std::unordered_set<std::string>* set) {
  for (std::string_view w : EmbeddedLines(name)) set->insert(std::string(w));
}

void BuildWordLists(Tables* t) {
  for (std::string_view line : EmbeddedLines("figures/approximators.txt")) {
    std::vector<std::string> w = SplitWords(std::string(line));
    if (w.empty()) continue;
    t->approximators.push_back(w);
    AddClass(t, w[0], kApproxW);
  }
  std::sort(t->approximators.begin(), t->approximators.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& seq : t->approximators) t->approx_by_first[seq[0]].push_back(seq);
  AddWords(t, "figures/trigger_words.txt", kTrigger);
  AddWords(t, "figures/stop_words.txt", kStop);
  AddWords(t, "figures/percent_words.txt", kPercentW);
  AddWords(t, "figures/sports_words.txt", kSportsW);
  for (const Row& r : EmbeddedRows("figures/label_words.txt")) {
    AddClass(t, std::string(r[0]), kLabelW);
    if (r.size() > 1 && r[1] == "lower") AddClass(t, std::string(r[0]), kLabelLowerW);
  }
  AddWords(t, "figures/street_words.txt", kStreetW);
  AddWords(t, "figures/rate_nouns.txt", kRateNounW);
  AddWords(t, "figures/schedule_verbs.txt", kScheduleW);
  AddWords(t, "figures/plural_nouns.txt", kPlural);
  AddWords(t, "figures/year_cues.txt", kYearCue);
  for (const auto& [word, change] : ChangeWords())  // "rose", "halved": a direction
    if (change.Sign() != 0) AddClass(t, Utf8(word), change.Sign() > 0 ? kRise : kFall);
  AddWords(t, "figures/day_name_words.txt", kDayNameW);
  for (const Row& r : EmbeddedRows("figures/relative_ordinals.txt")) {
    std::vector<std::string> w = SplitWords(std::string(r[0]));
    if (r.size() < 2 || w.empty()) continue;
    t->relative_ordinals[w[0]].emplace_back(w, std::string(r[1]));
    AddClass(t, w[0], kRelOrdW);
  }
  InsertLines("figures/sequence_nouns.txt", &t->sequence_nouns);
  InsertLines("figures/event_nouns.txt", &t->event_nouns);
  InsertLines("figures/reporting_verbs_past.txt", &t->reporting_past);
  InsertLines("figures/irregular_past.txt", &t->irregular_past);
  InsertLines("figures/table_row_other_units.txt", &t->table_row_other_units);
  // The entity lexicon's peoples and groups, read by the counted-noun rules.
  InsertLines("ner/demonyms.txt", &t->peoples);
  InsertLines("ner/demonyms_extra.txt", &t->peoples);
  for (auto& kv : t->relative_ordinals)
    std::sort(kv.second.begin(), kv.second.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const Row& r : EmbeddedRows("figures/holidays.txt")) {
    std::string name(r[0]);
    name.erase(std::remove(name.begin(), name.end(), '\''), name.end());  // "workers day"
    std::vector<std::string> w = SplitWords(name);
    if (r.size() < 2 || w.empty()) continue;
    t->holidays[w[0]].emplace_back(w, std::string(r[1]));
    AddClass(t, w[0], kHolidayW);
  }
  for (auto& kv : t->holidays)
    std::sort(kv.second.begin(), kv.second.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const Row& r : EmbeddedRows("figures/indefinite_amounts.txt")) {
    std::vector<std::string> w = SplitWords(std::string(r[0]));
    if (r.size() < 3 || w.empty()) continue;
    t->indefinite_amounts[w[0]].push_back({w, std::stod(std::string(r[1])), r[2] == "approx"});
  }
  for (auto& kv : t->indefinite_amounts) {
    WordFilterAdd(kv.first, &t->indefinite_filter);
    std::sort(kv.second.begin(), kv.second.end(),
              [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  }
  for (std::string_view w : EmbeddedLines("figures/duration_lead_words.txt"))
    t->duration_leads.insert(std::string(w));
  for (std::string_view w : EmbeddedLines("figures/duration_adjectives.txt"))
    t->duration_adjectives.insert(std::string(w));
  for (const Row& r : EmbeddedRows("figures/number_names.txt")) {
    if (r.size() < 2) continue;
    std::vector<std::string>& names = t->number_names[std::string(r[0])];  // rows may repeat
    std::istringstream fields{std::string(r[1])};  // "-class" keeps its hyphen
    for (std::string w; fields >> w;) names.push_back(std::move(w));
  }
  AddWords(t, "figures/ordinal_name_words.txt", kOrdNameW);
}

// "uae dirham|dirham|dirhams": names written after a number, for `code`.
void AddCurrencyNames(Tables* t, const std::string& code, const std::string& field) {
  std::stringstream ss(field);
  std::string name;
  while (std::getline(ss, name, '|')) {
    if (name.empty()) continue;
    std::vector<std::string> w = SplitWords(name);
    if (w.empty()) continue;
    std::string key;
    for (size_t i = 0; i < w.size(); ++i) key += (i ? " " : "") + w[i];
    t->currency_name[key] = Currency{code, false, 1.0};
    t->max_currency_words = std::max(t->max_currency_words, w.size());
    AddClass(t, w[0], kCurrencyW);
  }
}

// "A$ AU$ AUD$", "Rs Rs.", "€" ('_' for a space): dollar prefixes, letter symbols
// and symbols written before a number, for `code`.
void AddCurrencySymbols(Tables* t, const std::string& code, const std::string& field) {
  std::stringstream ss(field);
  std::string sym;
  while (ss >> sym) {
    for (char& c : sym)
      if (c == '_') c = ' ';
    if (!sym.empty() && sym.back() == '$' && sym.size() > 1) {
      std::string prefix;
      for (char c : sym.substr(0, sym.size() - 1))
        if (c != ' ' && c != '.') prefix += static_cast<char>(std::tolower(c));
      if (!prefix.empty()) t->dollar_prefix[prefix] = code;
      continue;
    }
    bool ascii_letters = true;
    for (char c : sym)
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '.') ascii_letters = false;
    if (ascii_letters) {
      // Letter symbols ("Rs", "RMB", "RM", "Rp") are prefixes matched case-sensitively.
      std::string k = sym;
      if (!k.empty() && k.back() == '.') k.pop_back();
      t->currency_code[k] = code;
    } else {
      t->currency_symbol[Utf16(sym)] = code;
    }
  }
}

void LoadCurrencies(Tables* t) {
  for (const Row& r : EmbeddedRows("figures/currencies.txt")) {
    if (r[0].size() != 3) continue;
    const std::string code(r[0]);
    t->currency_code[code] = code;
    if (r.size() > 1) AddCurrencyNames(t, code, std::string(r[1]));
    if (r.size() > 2) AddCurrencySymbols(t, code, std::string(r[2]));
  }
  // Generic names ("dollars", "pence"), read after the ISO table and overriding it.
  for (const Row& r : EmbeddedRows("figures/currency_names.txt")) {
    if (r.size() < 4) continue;
    std::string code = r[1] == "-" ? std::string() : std::string(r[1]);
    t->currency_name[std::string(r[0])] = Currency{code, r[3] == "assumed", ToDouble(r[2])};
    AddClass(t, SplitWords(std::string(r[0]))[0], kCurrencyW);
  }
  for (const Row& r : EmbeddedRows("figures/redenominations.txt")) {
    if (r.size() < 3 || r[2].size() != 10) continue;
    const std::string day(r[2]);
    // "=marks": a name, keyed as the note of an amount with no code names it
    const std::string key = r[0][0] == '=' ? kCurrencyNotSpecified + std::string(r[0].substr(1))
                                           : std::string(r[0]);
    t->old_codes[key] = {
        std::string(r[1]),
        std::stoi(day.substr(0, 4)) * 10000 + std::stoi(day.substr(5, 2)) * 100 +
            std::stoi(day.substr(8, 2))};
  }
  AddClass(t, "u", kCurrencyW);  // "U.S. dollars"
  t->dollar_prefix["us"] = "USD";
  t->dollar_prefix["usd"] = "USD";
  t->dollar_prefix["a"] = "AUD";
  t->dollar_prefix["c"] = "CAD";
  t->currency_symbol[u"$"] = "USD";  // assumed; see figures.cc
  t->currency_symbol[u"＄"] = "USD";
  t->currency_symbol[u"￡"] = "GBP";
  t->currency_symbol[u"￥"] = "JPY";
}

void LoadUnits(Tables* t) {
  for (std::string_view line : EmbeddedLines("figures/units.txt")) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string form(line.substr(0, tab));
    std::string canon(line.substr(tab + 1));
    while (!canon.empty() && (canon.front() == '\t' || canon.front() == ' ')) canon.erase(0, 1);
    if (!form.empty() && form[0] == '=') {
      t->unit_cased[form.substr(1)] = canon;
      continue;
    }
    std::vector<std::string> w = SplitWords(form);
    if (w.empty()) continue;
    std::string key;
    for (size_t i = 0; i < w.size(); ++i) key += (i ? " " : "") + w[i];
    t->unit[key] = canon;
    t->max_unit_words = std::max(t->max_unit_words, w.size());
    AddClass(t, w[0], kUnitW);
  }
}

}  // namespace

double Tables::ScaleOf(const std::string& w) const {
  const auto s = scale.find(w);
  if (s != scale.end()) return s->second;
  const auto c = cardinal.find(w);
  return c != cardinal.end() && c->second >= 1000 ? c->second : 0;
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    BuildNumberWords(t);
    BuildCalendarWords(t);
    BuildWordLists(t);
    LoadCurrencies(t);
    LoadUnits(t);
    for (const auto& kv : t->cls) WordFilterAdd(kv.first, &t->cls_filter);
    return t;
  }();
  return *tables;
}

}  // namespace figures_internal
}  // namespace factlens
