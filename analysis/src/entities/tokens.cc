// Token predicates of the entity stage (tokens.h).
#include "entities/tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <utility>

#include "common/embedded_data.h"
#include "common/strings.h"

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

WordList::WordList(std::string_view file) {
  std::vector<std::pair<uint64_t, std::u16string>> entries;
  for (std::string_view line : EmbeddedLines(file)) {
    std::u16string w = Utf16(line);
    for (char16_t& c : w) c = FoldUnit(c);
    max_size_ = std::max(max_size_, w.size());
    uint64_t h = kFnvBasis;
    for (char16_t c : w) h = FnvAdd(h, c);
    entries.emplace_back(h, std::move(w));
  }
  std::sort(entries.begin(), entries.end());
  for (auto& [h, w] : entries) {
    if (stems_.empty() || stems_.back() != h) first_[h] = static_cast<uint32_t>(stems_.size());
    stems_.push_back(h);
    words_.push_back(std::move(w));
  }
}

bool WordList::HasStem(uint64_t word) const { return first_.Find(word) != nullptr; }

bool WordList::Has(std::u16string_view w) const {
  if (w.size() > max_size_ || w.size() > kMaxLookup) return false;
  uint64_t h = kFnvBasis;
  for (char16_t c : w) h = FnvAdd(h, FoldUnit(c));
  auto equal_folded = [w](const std::u16string& listed) {
    if (listed.size() != w.size()) return false;
    for (size_t i = 0; i < w.size(); ++i)
      if (listed[i] != FoldUnit(w[i])) return false;
    return true;
  };
  const uint32_t* first = first_.Find(h);
  if (!first) return false;
  for (size_t k = *first; k < stems_.size() && stems_[k] == h; ++k)
    if (equal_folded(words_[k])) return true;
  return false;
}

bool IsFunctionWord(std::u16string_view w) {
  static const WordList kWords("ner/function_words.txt");
  return kWords.Has(w);
}

bool IsCompoundingWord(std::u16string_view w) {
  static const WordList kWords("ner/compounding_words.txt");
  return kWords.Has(w);
}

bool CompoundAdjective(const ParaData& pd, int k) {
  if (!pd.pt->tokens[k].Has(kTokHyphenated)) return false;
  const std::u16string_view w = TokText(pd, k);
  const size_t hy = w.find_last_of(u"-\u2010\u2011");
  return hy != std::u16string_view::npos && hy > 0 && IsCompoundingWord(w.substr(hy + 1));
}

int CapRunEnd(const ParaData& pd, int b, bool stop_at_title) {
  const int n = static_cast<int>(pd.info.size());
  int e = b + 1;
  while (e < n && e - b < 4 && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore) &&
         !(pd.info[e - 1].flags & kInfPossessive) &&
         !(stop_at_title && (pd.info[e].lex & kLexTitle)))
    ++e;
  return e;
}

int GazMatchEnd(const ParaData& pd, int i, int cat) {
  const int n = static_cast<int>(pd.info.size());
  int e = i;
  while (e < n && GazPart(pd.info[e], cat) != 1 + kL && GazPart(pd.info[e], cat) != 1 + kU) ++e;
  return e >= n ? -1 : e + 1;
}

bool HyphenContinuation(const ParaData& pd, int i) {
  const int n = static_cast<int>(pd.info.size());
  return i + 1 < n && IsHyphen(pd, i) && Glued(pd, i) && Glued(pd, i + 1) &&
         IsLowerWord(pd.info[i + 1]) && !IsCompoundingWord(TokText(pd, i + 1));
}

int CapHyphen(const ParaData& pd, int i) {
  const Token& t = pd.pt->tokens[i];
  const std::u16string& text = *pd.text;
  if (!IsCapWord(pd.info[i])) return -1;
  for (int k = t.begin + 1; k + 1 < t.end; ++k)
    if ((text[k] == u'-' || text[k] == 0x2010 || text[k] == 0x2011) && u_isupper(text[k + 1]) &&
        u_isalpha(text[k - 1]))
      return k;
  return -1;
}

bool CasedName(const ParaData& pd, int tb, int te) {
  if (!IsCapWord(pd.info[tb])) return false;
  for (int k = tb + 1; k < te; ++k)
    if (UncasedWord(pd.info[k], TokText(pd, k))) return false;
  return true;
}

// Korean-style given names are one hyphenated token ("Suk-yeol", "Jae-in"):
// a capitalised word before such a token is a family name ("Yoon Suk-yeol").
bool HyphenGivenName(const ParaData& pd, int i) {
  const Token& t = pd.pt->tokens[i];
  const std::u16string_view text = std::u16string_view(*pd.text).substr(t.begin, t.end - t.begin);
  size_t h = text.find(u'-');
  if (h == std::u16string_view::npos || h < 2 || h > 6 || !u_isupper(text[0])) return false;
  size_t e = text.size();
  if (pd.info[i].flags & kInfPossessive) e -= 2;
  if (e <= h + 1 || e - h - 1 > 6) return false;
  for (size_t k = 1; k < e; ++k)
    if (k != h && !u_islower(text[k])) return false;
  static const WordList kNotGiven("ner/hyphen_non_given.txt");
  return !kNotGiven.Has(text.substr(h + 1, e - h - 1));
}

// A number whose digit runs are at most three long ("4", "4:09.25", "28-9"),
// as in results and tables; not a phone number or a year.
bool ShortFigures(const std::u16string& text, const Token& t) {
  int digits = 0;
  for (int c = t.begin; c < t.end; ++c) {
    digits = text[c] >= u'0' && text[c] <= u'9' ? digits + 1 : 0;
    if (digits > 3) return false;
  }
  return true;
}

// A lower-case content word: letters, no capital, no function word, after a space.
bool LowerContentWord(const ParaData& pd, int i) {
  const TokenInfo& t = pd.info[i];
  return !(t.flags & kInfNonLatin) && pd.pt->tokens[i].begin > 0 &&
         (t.flags & kInfSpaceBefore) && UncasedWord(t, TokText(pd, i));
}

bool NoLowerContentWord(const ParaData& pd) {
  for (size_t i = 0; i < pd.info.size(); ++i)
    if (LowerContentWord(pd, static_cast<int>(i))) return false;
  return true;
}

// Headline-like: a heading, an all-caps line, or a short title-case line
// without sentence punctuation ("Resetting Ties", "Ups and Downs").
// 0 body, 1 title-case line, 2 heading or all-caps line.
int HeadlineKind(const Paragraph& p, const ParaData& pd) {
  if (p.kind == ParagraphKind::kHeading) return 2;
  const auto& toks = pd.pt->tokens;
  int words = 0, caps = 0, allcaps = 0;
  for (size_t i = 0; i < toks.size(); ++i) words += (pd.info[i].flags & kInfHasLetter) != 0;
  if (words > 12 && toks.size() > 0 && !(pd.info[0].flags & kInfAllCaps)) return 0;
  words = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const TokenInfo& t = pd.info[i];
    if (!(t.flags & kInfHasLetter)) continue;
    ++words;
    if (t.flags & kInfAllCaps) ++allcaps;
    if (t.flags & kInfCap) ++caps;
  }
  if (words == 0) return 0;
  if (words >= 3 && allcaps * 10 >= words * 8) return 2;
  // Title case: short, no final sentence punctuation, no lower-case content word,
  // not a results or table line (short figures and no long one:
  // "4. Anna Berg (Norway) 4:11.37"; a phone number or a year is no table).
  if (words > 12 || !NoLowerContentWord(pd)) return 0;
  int figures = 0;
  for (size_t i = 0; i < toks.size(); ++i)
    if ((pd.info[i].flags & kInfDigit) && !(pd.info[i].flags & kInfHasLetter))
      figures += ShortFigures(*pd.text, toks[i]) ? 1 : 100;
  if (figures >= 1 && figures < 100) return 0;
  int last = static_cast<int>(toks.size()) - 1;
  while (last >= 0 && (pd.info[last].flags & kInfPunct)) {
    char16_t c = (*pd.text)[toks[last].begin];
    if (c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';') return 0;
    --last;
  }
  return caps > 0 ? 1 : 0;
}

}  // namespace ner
}  // namespace factlens
