// Lexify: a paragraph cut into lexemes of its own (digit runs, letter runs,
// single symbols), so that figure boundaries never depend on the word breaker.
#include "figures/scanner.h"

#include <string>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "common/strings.h"

namespace factlens {
namespace figures_internal {
namespace {

bool IsGroupSpace(char16_t c) { return c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007; }

int DigitValue(UChar32 c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c < 0x80) return -1;
  if (u_charType(c) != U_DECIMAL_DIGIT_NUMBER) return -1;
  return u_charDigitValue(c);
}

// The code point at i (a surrogate pair is one); returns its length in code units.
inline int32_t CodePointAt(const std::u16string& text, int32_t i, UChar32* c) {
  *c = text[i];
  if (U16_IS_LEAD(*c) && i + 1 < static_cast<int32_t>(text.size()) && U16_IS_TRAIL(text[i + 1])) {
    *c = U16_GET_SUPPLEMENTARY(*c, text[i + 1]);
    return 2;
  }
  return 1;
}

// The separator a digit run may hold at j (',' '.' or ' '), or 0: a group or
// decimal mark between digits, or a plain space in "1 414 021 100" (a first group
// of 1-3 digits followed by groups of exactly three).
char DigitSeparator(const std::u16string& text, int32_t j, UChar32 d, const Lex& lx,
                    int first_group) {
  const int32_t n = static_cast<int32_t>(text.size());
  char sep = 0;
  if (d == ',' || d == 0x066C || d == 0xFF0C) sep = ',';
  else if (d == '.' || d == 0x066B || d == 0xFF0E) sep = '.';
  else if (IsGroupSpace(d)) sep = ' ';
  if (sep && j + 1 < n && DigitValue(text[j + 1]) >= 0) return sep;
  if (d == ' ' && first_group <= 3 && j + 4 <= n && lx.low.find('.') == std::string::npos &&
      lx.low.find(',') == std::string::npos && DigitValue(text[j + 1]) >= 0 &&
      DigitValue(text[j + 2]) >= 0 && DigitValue(text[j + 3]) >= 0 &&
      (j + 4 == n || DigitValue(text[j + 4]) < 0))
    return ' ';
  return 0;
}

// A digit run from i (any script, normalised to ASCII in lx->low, with its
// separators); returns its end.
int32_t ReadDigits(const std::u16string& text, int32_t i, Lex* lx) {
  const int32_t n = static_cast<int32_t>(text.size());
  lx->type = kNum;
  int32_t j = i;
  int first_group = 0;
  bool seen_sep = false;
  while (j < n) {
    // Whole code points: a digit outside the BMP (U+1D7CE ...) is one
    // digit, and the scan must consume it or the lexer never advances.
    UChar32 d;
    int32_t dl = CodePointAt(text, j, &d);
    int v = DigitValue(d);
    if (v >= 0) {
      if (d > 0x7f) lx->foreign_digits = true;
      lx->low += static_cast<char>('0' + v);
      if (!seen_sep) ++first_group;
      j += dl;
      continue;
    }
    char sep = DigitSeparator(text, j, d, *lx, first_group);
    if (!sep) break;
    lx->low += sep;
    seen_sep = true;
    ++j;
  }
  return j;
}

// Non-ASCII letters from i: ICU case folding over the whole word. Returns the
// end; sets *all_upper and *any_upper.
int32_t ReadFoldedLetters(const std::u16string& text, int32_t i, Lex* lx, bool* all_upper,
                          bool* any_upper) {
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t j = i;
  *all_upper = true;
  *any_upper = false;
  std::u16string low;
  while (j < n) {
    UChar32 d;
    int32_t dl = CodePointAt(text, j, &d);
    if (!(u_isalpha(d) || (U_GET_GC_MASK(d) & U_GC_M_MASK))) break;
    if (u_isalpha(d)) {
      if (u_isupper(d) || u_istitle(d)) *any_upper = true;
      else *all_upper = false;
    }
    UChar32 l = u_tolower(d);
    if (l <= 0xFFFF) {
      low += static_cast<char16_t>(l);
    } else {
      low += U16_LEAD(l);
      low += U16_TRAIL(l);
    }
    j += dl;
  }
  lx->low = Utf8(low);
  return j;
}

// A letter run from i (c: its first code point): lower case in lx->low, as
// written in lx->raw when it has capitals, its word classes from `t`; returns
// its end.
int32_t ReadWord(const std::u16string& text, int32_t i, UChar32 c, const Tables& t, Lex* lx) {
  const int32_t n = static_cast<int32_t>(text.size());
  lx->type = kWord;
  int32_t j = i;
  bool all_upper = true;
  bool any_upper = false;
  bool ascii = true;
  for (; j < n; ++j) {
    char16_t d = text[j];
    if (d >= 0x80) {
      ascii = false;
      break;
    }
    char ch = static_cast<char>(d);
    if (ch >= 'a' && ch <= 'z') {
      all_upper = false;
      lx->low += ch;
    } else if (ch >= 'A' && ch <= 'Z') {
      any_upper = true;
      lx->low += static_cast<char>(ch | 0x20);
    } else {
      break;
    }
  }
  if (!ascii) j = ReadFoldedLetters(text, i, lx, &all_upper, &any_upper);
  lx->e = j;
  lx->upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
  lx->allcaps = all_upper;
  if (any_upper) {
    if (ascii) {
      lx->raw.assign(text.begin() + i, text.begin() + j);  // ASCII: UTF-8 as is
    } else {
      lx->raw = Utf8(std::u16string_view(text).substr(i, j - i));
    }
  }
  if (t.MayHaveClass(lx->low)) {
    auto it = t.cls.find(lx->low);
    if (it != t.cls.end()) lx->cls = it->second;
  }
  return j;
}

inline bool IsSpace(UChar32 c) {
  return c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : u_isUWhiteSpace(c);
}

inline bool IsLetter(UChar32 c) {
  return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c);
}

}  // namespace

std::vector<Lex> Lexify(const std::u16string& text, const Tables& t) {
  std::vector<Lex> out;
  out.reserve(text.size() / 5 + 4);
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool sp = true;
  while (i < n) {
    UChar32 c;
    int32_t clen = CodePointAt(text, i, &c);
    if (IsSpace(c)) {
      sp = true;
      i += clen;
      continue;
    }
    Lex& lx = out.emplace_back();  // built in place: a Lex holds two strings
    lx.b = i;
    lx.sp = sp;
    sp = false;
    if (DigitValue(c) >= 0) {
      i = lx.e = ReadDigits(text, i, &lx);
    } else if (IsLetter(c)) {
      i = ReadWord(text, i, c, t, &lx);
    } else {
      lx.type = kSym;
      lx.e = i + clen;
      if (c < 0x80) {
        lx.low.assign(1, static_cast<char>(c));  // ASCII: UTF-8 as is
      } else {
        lx.low = Utf8(std::u16string_view(text).substr(i, clen));
      }
      i += clen;
    }
  }
  return out;
}

}  // namespace figures_internal
}  // namespace factlens
