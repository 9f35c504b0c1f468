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
// names recur. Words of ASCII, U+0080..U+024F (Latin-1, Latin Extended-A/B:
// "José", "Łódź"), U+0300..U+036F (combining marks: "n" + U+0303) and
// U+2000..U+206F (’ “ — …) are keyed character by character from a table that the build
// step computes with this very transliteration (LatinKeysFlat, checked there on
// every pair of characters), so ICU's transliterator registry (~150 M
// instructions at its first use) is only set up for other scripts. Thread-safe.
#ifndef FACTLENS_ANALYSIS_SRC_COMMON_NAME_KEY_H_
#define FACTLENS_ANALYSIS_SRC_COMMON_NAME_KEY_H_

#include <string>
#include <string_view>

namespace factlens {

std::u16string NameKey(std::u16string_view name);

// The same key in UTF-8.
std::string NameKeyUtf8(std::u16string_view name);

// For the build step (analysis/tools/gen_flat_data.cc): the table of keys of
// U+0080..U+024F, U+0300..U+036F and U+2000..U+206F, embedded as
// "common/latin_keys.flat". Computed with the
// transliteration itself; a character whose key depends on its neighbours (any
// pair with an ASCII or table character keys differently from the two keys
// joined) is left out and takes the transliteration.
std::string LatinKeysFlat();

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_NAME_KEY_H_
