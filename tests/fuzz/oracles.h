// Oracles shared by the fuzz targets: code points of a text, and the JSON
// contract (every span's offsets lie in the text and its "text" equals the
// text's code points there). A failed check prints what and aborts.
#ifndef FACTLENS_TESTS_FUZZ_ORACLES_H_
#define FACTLENS_TESTS_FUZZ_ORACLES_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

namespace fuzz {

[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz oracle: %s\n", what.c_str());
  std::abort();
}

// Code points of UTF-16 text; a lone surrogate is U+FFFD (as ICU writes it).
inline std::u32string CodePoints16(const std::u16string& t) {
  std::u32string out;
  for (size_t i = 0; i < t.size();) {
    char16_t c = t[i];
    if (U16_IS_LEAD(c) && i + 1 < t.size() && U16_IS_TRAIL(t[i + 1])) {
      out.push_back(U16_GET_SUPPLEMENTARY(c, t[i + 1]));
      i += 2;
    } else {
      out.push_back(U16_IS_SURROGATE(c) ? 0xFFFD : c);
      ++i;
    }
  }
  return out;
}

inline std::u32string CodePoints8(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  return CodePoints16(std::u16string(u.getBuffer(), u.getBuffer() + u.length()));
}

// A {"start", "end", "text"} span (or null) against the whole text.
template <typename Json>
void CheckJsonSpan(const Json& span, const std::u32string& whole, const char* what) {
  if (span.is_null()) return;
  const int64_t start = span.at("start").template get<int64_t>();
  const int64_t end = span.at("end").template get<int64_t>();
  if (start < 0 || start > end || end > static_cast<int64_t>(whole.size()))
    Fail(std::string(what) + ": JSON offsets out of range");
  if (CodePoints8(span.at("text").template get<std::string>()) != whole.substr(start, end - start))
    Fail(std::string(what) + ": JSON text != input at [" + std::to_string(start) + ", " +
         std::to_string(end) + ")");
}

// A "factlens/1" object: "schema" first, every span of the contract's lists.
inline nlohmann::ordered_json CheckReportJson(const std::string& dumped,
                                              const std::u32string& whole) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(dumped);  // throws → crash
  if (j.begin().key() != "schema" || j["schema"] != "factlens/1") Fail("schema is not first");
  for (const auto& e : j.at("entities")) CheckJsonSpan(e, whole, "entity");
  for (const auto& f : j.at("figures")) CheckJsonSpan(f, whole, "figure");
  for (const auto& a : j.at("attributions"))
    for (const char* key : {"content", "speaker", "cue", "outlet"})
      CheckJsonSpan(a.at(key), whole, key);
  for (const auto& c : j.at("checks"))
    for (const auto& s : c.at("spans")) CheckJsonSpan(s, whole, "check");
  return j;
}

}  // namespace fuzz

#endif  // FACTLENS_TESTS_FUZZ_ORACLES_H_
