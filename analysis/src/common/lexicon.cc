// The shared word classes of lexicon.h, read from analysis/data/common/.
#include "common/lexicon.h"

#include <cstdlib>
#include <string_view>

#include "common/embedded_data.h"
#include "common/strings.h"

namespace factlens {
namespace {

// A row of a calendar file: "sept\t9" → {"sept", 9, abbreviation, not a name}.
struct CalendarRow {
  std::string name;
  int number = 0;
  bool abbreviation = false;  // shorter than the longest name of its number
  bool also_a_name = false;   // a third column "name" ("may")
};

// The rows of common/weekdays.txt (numbers 1..7) or common/months.txt (1..12).
std::vector<CalendarRow> CalendarRows(std::string_view file, int count) {
  std::vector<CalendarRow> rows;
  std::vector<std::string> full(count + 1);  // the longest name of each number
  for (const std::vector<std::string_view>& f : EmbeddedRows(file)) {
    const int n = f.size() < 2 ? 0 : std::atoi(std::string(f[1]).c_str());
    if (n < 1 || n > count) continue;
    rows.push_back({std::string(f[0]), n, false, f.size() > 2 && f[2] == "name"});
    if (f[0].size() > full[n].size()) full[n] = std::string(f[0]);
  }
  for (CalendarRow& r : rows) r.abbreviation = r.name != full[r.number];
  return rows;
}

// The full names that are not also names, as UTF-16.
template <typename Row>
std::unordered_set<std::u16string>* FullNames(const std::vector<Row>& rows) {
  auto* s = new std::unordered_set<std::u16string>();
  for (const Row& r : rows)
    if (!r.abbreviation && !r.also_a_name) s->insert(Utf16(r.name));
  return s;
}

}  // namespace

const std::vector<Weekday>& Weekdays() {
  static const std::vector<Weekday>* days = [] {
    auto* v = new std::vector<Weekday>();
    for (const CalendarRow& r : CalendarRows("common/weekdays.txt", 7))
      v->push_back({r.name, r.number, r.abbreviation, r.also_a_name});
    return v;
  }();
  return *days;
}

const std::unordered_set<std::u16string>& WeekdayNames() {
  static const std::unordered_set<std::u16string>* names = FullNames(Weekdays());
  return *names;
}

const std::vector<Month>& Months() {
  static const std::vector<Month>* months = [] {
    auto* v = new std::vector<Month>();
    for (const CalendarRow& r : CalendarRows("common/months.txt", 12))
      v->push_back({r.name, r.number, r.abbreviation, r.also_a_name});
    return v;
  }();
  return *months;
}

const std::unordered_set<std::u16string>& MonthNames() {
  static const std::unordered_set<std::u16string>* names = FullNames(Months());
  return *names;
}

namespace {

// The change words and the table of views of them, in one object that lives for
// the process: the words never move once the table is built.
struct ChangeWordTable {
  std::vector<std::u16string> words;
  std::unordered_map<std::u16string_view, ChangeWord> by_word;
};

const ChangeWordTable* ReadChangeWords() {
  auto* table = new ChangeWordTable();
  std::vector<ChangeWord> values;
  for (std::string_view line : EmbeddedLines("common/change_words.txt")) {
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    std::string_view w = line.substr(0, sp), d = line.substr(sp + 1);
    ChangeWord cw;
    if (d == "+")
      cw.direction = 1;
    else if (d == "-")
      cw.direction = -1;
    else if (!d.empty() && d[0] == 'x')
      cw.factor = std::strtod(std::string(d.substr(1)).c_str(), nullptr);
    table->words.push_back(Utf16(w));
    values.push_back(cw);
  }
  for (size_t i = 0; i < values.size(); ++i) table->by_word[table->words[i]] = values[i];
  return table;
}

}  // namespace

const std::unordered_map<std::u16string_view, ChangeWord>& ChangeWords() {
  static const ChangeWordTable* table = ReadChangeWords();
  return table->by_word;
}

}  // namespace factlens
