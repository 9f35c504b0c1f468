// String conversions and keys shared by every stage of the analysis.
//
// Usage:
//   std::string utf8 = Utf8(u"Zürich");          // UTF-16 → UTF-8
//   std::u16string u16 = Utf16("Zürich");        // UTF-8 → UTF-16 (bad bytes → U+FFFD)
//   std::u16string low = Lower(u"Seoul");        // "seoul" (English case mapping)
//
// One definition each: a stage that needs a conversion includes this header
// rather than writing its own. All functions are pure and thread-safe. Offsets
// and lengths are UTF-16 code units, like every internal offset of the
// analysis (the public JSON converts them to code points).
#ifndef FACTLENS_ANALYSIS_SRC_COMMON_STRINGS_H_
#define FACTLENS_ANALYSIS_SRC_COMMON_STRINGS_H_

#include <string>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace factlens {

// UTF-16 (lone surrogates become U+FFFD) → UTF-8.
std::string Utf8(std::u16string_view s);
std::string Utf8(const icu::UnicodeString& s);

// UTF-8 → UTF-16; ill-formed bytes become U+FFFD.
std::u16string Utf16(std::string_view s);

// Lower case with the English case mapping; ASCII takes a fast path that gives
// the same result.
std::u16string Lower(std::u16string_view s);

// True when every code unit is ASCII.
bool IsAscii(std::u16string_view s);

// ICU's answers for one UTF-16 code unit (u_tolower, u_isalpha, u_isupper,
// u_islower), given here without a property lookup for ASCII, where they are
// the same: the per-unit tests of the stages' hot loops.
inline char16_t LowerUnit(char16_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? static_cast<char16_t>(c - 'A' + 'a') : c;
  return static_cast<char16_t>(u_tolower(c));
}
inline bool IsLetterUnit(char16_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  return u_isalpha(c) != 0;
}
inline bool IsUpperUnit(char16_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) != 0;
}
inline bool IsLowerUnit(char16_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(c) != 0;
}

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_STRINGS_H_
