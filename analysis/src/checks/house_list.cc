// The house list parser (checks.h): preferred spellings, known names and
// house style rules, from a user-editable UTF-8 text file. A malformed file is
// rejected with the line number and nothing of it is used.
#include "factlens/checks.h"

#include <string>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "common/strings.h"

namespace factlens {

namespace {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool Fail(std::string* error, size_t line, const std::string& what) {
  if (error) *error = "line " + std::to_string(line) + ": " + what;
  return false;
}

// Valid UTF-8 without control characters; else the reason.
std::string BadBytes(std::string_view raw) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(raw.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(raw.data()), i, n, c);
    if (c < 0) return "invalid UTF-8";
    if (c != '\t' && c != '\r' && (u_iscntrl(c) || c == 0xFFFD)) return "control character in line";
  }
  return "";
}

enum class Section { kNames, kStyle };

// "[names]" or "[style]"; else the reason.
std::string ReadSection(std::string_view line, Section* section) {
  if (line.back() != ']') return "section header must end with ']'";
  std::string name = Lowered(Trim(line.substr(1, line.size() - 2)));
  if (name == "names") *section = Section::kNames;
  else if (name == "style") *section = Section::kStyle;
  else return "unknown section [" + name + "] (use [names] or [style])";
  return "";
}

// One name of the [names] section (duplicates are dropped); else the reason.
std::string ReadName(std::string_view line, HouseList* result) {
  if (line.find('=') != std::string_view::npos)
    return "'=' in a name (style rules belong under [style])";
  if (line.size() > 200) return "name longer than 200 bytes";
  std::u16string name = Utf16(line);
  bool letter = false;
  for (char16_t c : name) letter |= u_isalpha(c) != 0;
  if (!letter) return "a name needs at least one letter";
  bool dup = false;
  for (const auto& n : result->names) dup |= n == name;
  if (!dup) result->names.push_back(std::move(name));
  return "";
}

std::string ReadSpellOutBelow(const std::string& value, HouseStyle* style) {
  const char* kBad = "spell_out_below must be a whole number from 0 to 100";
  if (value.empty() || value.size() > 3 ||
      value.find_first_not_of("0123456789") != std::string::npos)
    return kBad;
  int v = std::stoi(value);
  if (v > 100) return kBad;
  style->spell_out_below = v;
  return "";
}

// One "key = value" rule of the [style] section; else the reason.
std::string ReadStyleRule(std::string_view line, HouseStyle* style) {
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) return "expected 'key = value' in [style]";
  std::string key = Lowered(Trim(line.substr(0, eq)));
  std::string value(Trim(line.substr(eq + 1)));
  std::string lvalue = Lowered(value);
  if (key == "number_style") {
    if (lvalue == "on" || lvalue == "true" || lvalue == "yes") style->number_style = true;
    else if (lvalue == "off" || lvalue == "false" || lvalue == "no") style->number_style = false;
    else return "number_style must be on or off";
  } else if (key == "first_reference") {
    if (lvalue == "all") style->first_reference_all = true;
    else if (lvalue == "reintroductions") style->first_reference_all = false;
    else return "first_reference must be 'all' or 'reintroductions'";
  } else if (key == "unattributed_quote") {
    if (lvalue == "on" || lvalue == "true" || lvalue == "yes") style->unattributed_quote = true;
    else if (lvalue == "off" || lvalue == "false" || lvalue == "no")
      style->unattributed_quote = false;
    else return "unattributed_quote must be on or off";
  } else if (key == "spell_out_below") {
    return ReadSpellOutBelow(value, style);
  } else if (key == "percent") {
    if (lvalue != "percent" && lvalue != "per cent" && lvalue != "%" && lvalue != "pc" &&
        !lvalue.empty())
      return "percent must be 'percent', 'per cent', '%' or 'pc'";
    style->percent = lvalue;
  } else if (key == "currency") {
    if (lvalue == "consistent" || value.empty()) style->currency = lvalue;
    else if (value == "US$" || value == "$" || value == "USD" || value == "U.S.$")
      style->currency = value;
    else return "currency must be 'consistent' or a dollar style: US$, $, USD, U.S.$";
  } else {
    return "unknown style rule '" + key +
           "' (known: number_style, first_reference, spell_out_below, percent, currency)";
  }
  return "";
}

// One line of the file; else the reason.
std::string ReadLine(std::string_view raw, Section* section, HouseList* result) {
  std::string bad = BadBytes(raw);
  if (!bad.empty()) return bad;
  std::string_view line = Trim(raw);
  if (line.empty() || line[0] == '#') return "";
  if (line[0] == '[') return ReadSection(line, section);
  if (*section == Section::kNames) return ReadName(line, result);
  return ReadStyleRule(line, &result->style);
}

}  // namespace

bool ParseHouseList(std::string_view utf8, HouseList* out, std::string* error) {
  HouseList result;
  Section section = Section::kNames;
  size_t line_no = 0;
  size_t pos = 0;
  // A UTF-8 byte order mark at the start is allowed.
  if (utf8.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos <= utf8.size()) {
    size_t nl = utf8.find('\n', pos);
    if (nl == std::string_view::npos) nl = utf8.size();
    std::string_view raw = utf8.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string what = ReadLine(raw, &section, &result);
    if (!what.empty()) return Fail(error, line_no, what);
  }
  *out = std::move(result);
  return true;
}

}  // namespace factlens
