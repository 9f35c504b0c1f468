// The shared word classes of lexicon.h, read from analysis/data/common/.
#include "common/lexicon.h"

#include <cstdlib>
#include <cstdlib>
#include <string_view>

#include "common/embedded_data.h"
#include "common/strings.h"

namespace factlens {
namespace {

// "tues\t3\tabbr" → its tab-separated fields.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos));
    if (tab == std::string_view::npos) return out;
    pos = tab + 1;
  }
}

}  // namespace

const std::vector<Weekday>& Weekdays() {
  static const std::vector<Weekday>* days = [] {
    auto* v = new std::vector<Weekday>();
    std::string full[8];  // the longest name of each day is its full name
    for (std::string_view line : EmbeddedLines("common/weekdays.txt")) {
      std::vector<std::string_view> f = Fields(line);
      const int day = f.size() < 2 ? 0 : std::atoi(std::string(f[1]).c_str());
      if (day < 1 || day > 7) continue;
      v->push_back({std::string(f[0]), day, false});
      if (f[0].size() > full[day].size()) full[day] = std::string(f[0]);
    }
    for (Weekday& d : *v) d.abbreviation = d.name != full[d.day];
    return v;
  }();
  return *days;
}

const std::vector<Month>& Months() {
  static const std::vector<Month>* months = [] {
    auto* v = new std::vector<Month>();
    std::string full[13];  // the longest name of each month is its full name
    for (std::string_view line : EmbeddedLines("common/months.txt")) {
      std::vector<std::string_view> f = Fields(line);
      const int month = f.size() < 2 ? 0 : std::atoi(std::string(f[1]).c_str());
      if (month < 1 || month > 12) continue;
      v->push_back({std::string(f[0]), month, false, f.size() > 2 && f[2] == "name"});
      if (f[0].size() > full[month].size()) full[month] = std::string(f[0]);
    }
    for (Month& m : *v) m.abbreviation = m.name != full[m.month];
    return v;
  }();
  return *months;
}

const std::unordered_set<std::u16string>& MonthNames() {
  static const std::unordered_set<std::u16string>* names = [] {
    auto* s = new std::unordered_set<std::u16string>();
    for (const Month& m : Months())
      if (!m.abbreviation && !m.also_a_name) s->insert(Utf16(m.name));
    return s;
  }();
  return *names;
}

const std::unordered_set<std::u16string>& WeekdayNames() {
  static const std::unordered_set<std::u16string>* names = [] {
    auto* s = new std::unordered_set<std::u16string>();
    for (const Weekday& d : Weekdays())
      if (!d.abbreviation) s->insert(Utf16(d.name));
    return s;
  }();
  return *names;
}

const std::unordered_map<std::u16string, ChangeWord>& ChangeWords() {
  static const std::unordered_map<std::u16string, ChangeWord>* words = [] {
    auto* m = new std::unordered_map<std::u16string, ChangeWord>();
    for (std::string_view line : EmbeddedLines("common/change_words.txt")) {
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) continue;
      std::string_view w = line.substr(0, sp), d = line.substr(sp + 1);
      ChangeWord cw;
      if (d == "+") cw.direction = 1;
      else if (d == "-") cw.direction = -1;
      else if (!d.empty() && d[0] == 'x')
        cw.factor = std::strtod(std::string(d.substr(1)).c_str(), nullptr);
      (*m)[Utf16(w)] = cw;
    }
    return m;
  }();
  return *words;
}

}  // namespace factlens
