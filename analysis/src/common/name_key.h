// The one name key of the analysis: two spellings of a name compare equal
// under it. Used by the entity stage (EntityNameKey, factlens/entities.h) and
// by the checks (the house list, name consistency).
//
// Usage:
//   NameKey(u"Lee Jae-myung") == NameKey(u"Lee Jaemyung")   // u"leejaemyung"
//   NameKey(u"Wōo")                                          // u"woo"
//   NameKeyUtf8(u"Zürich")                                   // "zurich"
//
// ICU "Any-Latin; Latin-ASCII; Any-Lower", then case-folded; letters and digits
// only (a letter no transliteration reaches stays as it is). ASCII takes a fast
// path with the same result; other words (up to 64 code units) are remembered
// per thread, as transliteration costs tens of thousands of instructions and
// names recur. Thread-safe.
#ifndef FACTLENS_ANALYSIS_SRC_COMMON_NAME_KEY_H_
#define FACTLENS_ANALYSIS_SRC_COMMON_NAME_KEY_H_

#include <string>
#include <string_view>

namespace factlens {

std::u16string NameKey(std::u16string_view name);

// The same key in UTF-8.
std::string NameKeyUtf8(std::u16string_view name);

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_NAME_KEY_H_
