// Words and their comparison form, shared by the quote and figure checks.
#include <algorithm>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "sources/sources_internal.h"

namespace factlens {
namespace {

bool IsApostrophe(char16_t c) {
  return c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'\u02BC';
}

bool IsDigit(char16_t c) { return c >= u'0' && c <= u'9'; }

// A character that joins two word characters into one word: an apostrophe
// between letters ("don’t"), "," or "." between digits ("1,200.5").
bool JoinsAt(const std::u16string& t, int32_t i, int32_t end) {
  if (i + 1 >= end || i == 0) return false;
  const char16_t c = t[i];
  if (IsApostrophe(c)) return IsWordChar(t[i - 1]) && IsWordChar(t[i + 1]);
  if (c == u',' || c == u'.') return IsDigit(t[i - 1]) && IsDigit(t[i + 1]);
  return false;
}

// End of the word starting at `i` (a word character).
int32_t WordEnd(const std::u16string& t, int32_t i, int32_t end) {
  while (i < end && (IsWordChar(t[i]) || JoinsAt(t, i, end))) ++i;
  return i;
}

// NFKC case folding; ASCII takes a fast path with the same result.
std::u16string FoldCase(std::u16string s) {
  bool ascii = true;
  for (char16_t c : s) ascii = ascii && c < 0x80;
  if (ascii) {
    for (char16_t& c : s)
      if (c >= u'A' && c <= u'Z') c = static_cast<char16_t>(c - u'A' + u'a');
    return s;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString folded = nfkc->normalize(
      icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())), status);
  if (U_FAILURE(status)) return s;
  return std::u16string(folded.getBuffer(), static_cast<size_t>(folded.length()));
}

template <typename AddWord>
void ScanWords(const Document& doc, int32_t p, int32_t begin, int32_t end, AddWord add) {
  if (p < 0 || p >= static_cast<int32_t>(doc.paragraphs.size())) return;
  const std::u16string& t = doc.paragraphs[p].text;
  const int32_t n = static_cast<int32_t>(t.size());
  if (end < 0 || end > n) end = n;
  for (int32_t i = std::max(begin, 0); i < end;) {
    if (!IsWordChar(t[i])) {
      ++i;
      continue;
    }
    const int32_t e = WordEnd(t, i, end);
    add(Word{p, i, e, kUnknownWord},
        NormalizeWord(std::u16string_view(t).substr(i, e - i)));
    i = e;
  }
}

}  // namespace

bool IsWordChar(char16_t c) {
  if (c < 0x80) return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || IsDigit(c);
  if (U16_IS_SURROGATE(c)) return true;  // letters beyond the BMP; rare in news
  const int8_t type = u_charType(c);
  return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

std::u16string NormalizeWord(std::u16string_view word) {
  std::u16string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    const char16_t c = word[i];
    if (IsApostrophe(c)) {
      out.push_back(u'\'');
    } else if (c == u',' && i > 0 && IsDigit(word[i - 1])) {
      continue;  // "1,200" is "1200"
    } else {
      out.push_back(c);
    }
  }
  return FoldCase(std::move(out));
}

uint32_t Vocabulary::Intern(const std::u16string& form) {
  auto it = ids_.find(form);
  if (it != ids_.end()) return it->second;
  return ids_.emplace(form, static_cast<uint32_t>(ids_.size())).first->second;
}

uint32_t Vocabulary::Find(const std::u16string& form) const {
  auto it = ids_.find(form);
  return it == ids_.end() ? kUnknownWord : it->second;
}

std::vector<Word> SplitWords(const Document& doc, int32_t p, int32_t begin, int32_t end,
                             Vocabulary* vocab) {
  std::vector<Word> words;
  ScanWords(doc, p, begin, end, [&](Word w, const std::u16string& form) {
    w.id = vocab->Intern(form);
    words.push_back(w);
  });
  return words;
}

std::vector<Word> SplitWords(const Document& doc, int32_t p, int32_t begin, int32_t end,
                             const Vocabulary& vocab) {
  std::vector<Word> words;
  ScanWords(doc, p, begin, end, [&](Word w, const std::u16string& form) {
    w.id = vocab.Find(form);
    words.push_back(w);
  });
  return words;
}

}  // namespace factlens
