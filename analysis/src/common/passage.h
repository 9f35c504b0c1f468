// The text of a passage that may cross paragraphs: from one Position to another
// (UTF-16 offsets of their paragraphs), the paragraphs' pieces joined by `joiner`
// ("\n" as in the input file; " " where a passage is read as running words).
// Pure function; the positions must lie in `doc`, `from` not after `to`.
#ifndef FACTLENS_ANALYSIS_SRC_COMMON_PASSAGE_H_
#define FACTLENS_ANALYSIS_SRC_COMMON_PASSAGE_H_

#include <string>
#include <string_view>

#include "factlens/document.h"

namespace factlens {

inline std::u16string PassageText(const Document& doc, const Position& from, const Position& to,
                                  std::u16string_view joiner) {
  std::u16string out;
  for (int32_t p = from.paragraph; p <= to.paragraph; ++p) {
    const std::u16string& t = doc.paragraphs[p].text;
    const int32_t b = p == from.paragraph ? from.offset : 0;
    const int32_t e = p == to.paragraph ? to.offset : static_cast<int32_t>(t.size());
    if (p > from.paragraph) out += joiner;
    out += t.substr(b, e - b);
  }
  return out;
}

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_COMMON_PASSAGE_H_
