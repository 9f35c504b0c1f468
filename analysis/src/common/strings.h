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

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_STRINGS_H_
