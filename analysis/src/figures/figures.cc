// The figures stage: finds money, percentages, dates, times, durations,
// quantities, ordinals and plain numbers, and normalises their values.
//
// Each paragraph is cut into lexemes of its own (digit runs, letter runs,
// single symbols) so that figure boundaries never depend on the word
// breaker's choices; a matcher then tries, at each lexeme, dates, times and
// numeric figures in that order. Conventions are documented in figures.h.
#include "factlens/figures.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/calendar.h>
#include <unicode/dcfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "factlens/text.h"
#include "figures/tables.h"

namespace factlens {
namespace {

// Lexemes are compared with literals as string views: sizes first, and inline,
// where std::string == const char* calls the library's out-of-line compare.
using std::string_view_literals::operator""sv;
using figures_internal::GetTables;
using figures_internal::Tables;
namespace fi = figures_internal;

// Largest magnitude we value; beyond it (or with more than 15 significant
// digits) a figure is reported without a value rather than a wrong one.
constexpr double kMaxValue = 1e18;
constexpr int kMaxSignificantDigits = 15;

enum LexType : uint8_t { kNum, kWord, kSym };

struct Lex {
  int32_t b = 0, e = 0;
  LexType type = kSym;
  bool sp = false;       // whitespace before it
  bool upper = false;    // word starts with an upper-case letter
  bool allcaps = false;  // word is all upper case
  bool foreign_digits = false;  // digits of another script were normalised
  uint32_t cls = 0;
  std::string low;  // words: lower case; numbers: ASCII digits and , . ' '; symbols: UTF-8
  std::string raw;  // words with upper-case letters: as written (UTF-8); else empty
};

// A word as written (lower-case words keep only `low`).
inline const std::string& RawOf(const Lex* l) { return l->raw.empty() ? l->low : l->raw; }

std::string ToUtf8(const char16_t* p, int32_t n) {
  std::string out;
  icu::UnicodeString(false, p, n).toUTF8String(out);
  return out;
}

// Locale-independent string to double (0 on failure).
double ParseDouble(const std::string& s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool IsGroupSpace(char16_t c) { return c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007; }

int DigitValue(UChar32 c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c < 0x80) return -1;
  if (u_charType(c) != U_DECIMAL_DIGIT_NUMBER) return -1;
  return u_charDigitValue(c);
}

// Locale separators for numbers ("1.234,5" in German).
struct Seps {
  char decimal = '.';
  char group = ',';
};

Seps SepsFor(const std::string& language) {
  Seps s;
  if (language.empty() || language.compare(0, 2, "en") == 0) return s;
  UErrorCode status = U_ZERO_ERROR;
  icu::DecimalFormatSymbols sym(icu::Locale(language.c_str()), status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString d = sym.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol);
  if (d == u",") {
    s.decimal = ',';
    s.group = '.';
  }
  return s;
}

std::vector<Lex> Lexify(const std::u16string& text, const Tables& t) {
  std::vector<Lex> out;
  out.reserve(text.size() / 5 + 4);
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool sp = true;
  while (i < n) {
    UChar32 c = text[i];
    int32_t clen = 1;
    if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(text[i + 1])) {
      c = U16_GET_SUPPLEMENTARY(c, text[i + 1]);
      clen = 2;
    }
    if (c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : u_isUWhiteSpace(c)) {
      sp = true;
      i += clen;
      continue;
    }
    Lex& lx = out.emplace_back();  // built in place: a Lex holds two strings
    lx.b = i;
    lx.sp = sp;
    sp = false;
    int dv = DigitValue(c);
    if (dv >= 0) {
      lx.type = kNum;
      int32_t j = i;
      int first_group = 0;
      bool seen_sep = false;
      while (j < n) {
        // Whole code points: a digit outside the BMP (U+1D7CE ...) is one
        // digit, and the scan must consume it or the lexer never advances.
        UChar32 d = text[j];
        int32_t dl = 1;
        if (U16_IS_LEAD(d) && j + 1 < n && U16_IS_TRAIL(text[j + 1])) {
          d = U16_GET_SUPPLEMENTARY(d, text[j + 1]);
          dl = 2;
        }
        int v = DigitValue(d);
        if (v >= 0) {
          if (d > 0x7f) lx.foreign_digits = true;
          lx.low += static_cast<char>('0' + v);
          if (!seen_sep) ++first_group;
          j += dl;
          continue;
        }
        char sep = 0;
        if (d == ',' || d == 0x066C || d == 0xFF0C) sep = ',';
        else if (d == '.' || d == 0x066B || d == 0xFF0E) sep = '.';
        else if (IsGroupSpace(d)) sep = ' ';
        if (sep && j + 1 < n && DigitValue(text[j + 1]) >= 0) {
          lx.low += sep;
          seen_sep = true;
          ++j;
          continue;
        }
        // A plain space groups thousands only in "1 414 021 100": a first group
        // of 1-3 digits followed by groups of exactly three.
        if (d == ' ' && first_group <= 3 && j + 4 <= n && lx.low.find('.') == std::string::npos &&
            lx.low.find(',') == std::string::npos && DigitValue(text[j + 1]) >= 0 &&
            DigitValue(text[j + 2]) >= 0 && DigitValue(text[j + 3]) >= 0 &&
            (j + 4 == n || DigitValue(text[j + 4]) < 0)) {
          lx.low += ' ';
          seen_sep = true;
          ++j;
          continue;
        }
        break;
      }
      lx.e = j;
      i = j;
      continue;
    }
    if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c)) {
      lx.type = kWord;
      int32_t j = i;
      bool all_upper = true;
      bool any_upper = false;
      bool ascii = true;
      while (j < n) {
        char16_t d = text[j];
        if (d < 0x80) {
          char ch = static_cast<char>(d);
          if (ch >= 'a' && ch <= 'z') {
            all_upper = false;
            lx.low += ch;
          } else if (ch >= 'A' && ch <= 'Z') {
            any_upper = true;
            lx.low += static_cast<char>(ch | 0x20);
          } else {
            break;
          }
          ++j;
          continue;
        }
        ascii = false;
        break;
      }
      if (!ascii) {
        // Non-ASCII letters: ICU case folding over the whole word.
        j = i;
        all_upper = true;
        any_upper = false;
        std::u16string low;
        while (j < n) {
          UChar32 d = text[j];
          int32_t dl = 1;
          if (U16_IS_LEAD(d) && j + 1 < n && U16_IS_TRAIL(text[j + 1])) {
            d = U16_GET_SUPPLEMENTARY(d, text[j + 1]);
            dl = 2;
          }
          if (!(u_isalpha(d) || (U_GET_GC_MASK(d) & U_GC_M_MASK))) break;
          if (u_isalpha(d)) {
            if (u_isupper(d) || u_istitle(d)) any_upper = true;
            else all_upper = false;
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
        lx.low = ToUtf8(low.data(), static_cast<int32_t>(low.size()));
      }
      lx.e = j;
      lx.upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
      lx.allcaps = all_upper;
      if (any_upper) {
        if (ascii) {
          lx.raw.assign(text.begin() + i, text.begin() + j);  // ASCII: UTF-8 as is
        } else {
          lx.raw = ToUtf8(text.data() + i, j - i);
        }
      }
      if (t.MayHaveClass(lx.low)) {
        auto it = t.cls.find(lx.low);
        if (it != t.cls.end()) lx.cls = it->second;
      }
      i = j;
      continue;
    }
    lx.type = kSym;
    lx.e = i + clen;
    if (c < 0x80) {
      lx.low.assign(1, static_cast<char>(c));  // ASCII: UTF-8 as is
    } else {
      lx.low = ToUtf8(text.data() + i, clen);
    }
    i += clen;
  }
  return out;
}

// ------------------------------------------------------------------ digits

struct DigitVal {
  bool ok = false;      // a well-formed number
  bool valued = false;  // its value is known exactly enough to report
  double v = 0;
  bool integer = true;
  bool grouped = false;  // has thousands separators
  int int_digits = 0;
  int frac_digits = 0;
};

bool ValidGroups(const std::vector<std::string>& groups) {
  if (groups.size() < 2) return true;
  if (groups[0].empty() || groups[0].size() > 3) return false;
  if (groups.back().size() != 3) return false;
  bool indian = false;
  for (size_t k = 1; k + 1 < groups.size(); ++k) {
    if (groups[k].size() == 2) indian = true;
    else if (groups[k].size() != 3) return false;
  }
  if (indian) {
    for (size_t k = 1; k + 1 < groups.size(); ++k)
      if (groups[k].size() != 2) return false;
    if (groups[0].size() > 2) return false;
  }
  return true;
}

std::vector<std::string> SplitOn(const std::string& s, char c) {
  std::vector<std::string> out(1);
  for (char ch : s) {
    if (ch == c) out.emplace_back();
    else out.back() += ch;
  }
  return out;
}

DigitVal ParseDigits(const std::string& s0, const Seps& seps) {
  DigitVal r;
  std::string s;
  bool space_grouped = false;
  for (char c : s0) {
    if (c == ' ') space_grouped = true;
    else s += c;
  }
  if (space_grouped) {
    std::vector<std::string> g = SplitOn(s0, ' ');
    // Space groups: the integer part only.
    std::string last = g.back();
    size_t cut = last.find_first_of(".,");
    if (cut != std::string::npos) g.back() = last.substr(0, cut);
    if (!ValidGroups(g)) return r;
    r.grouped = true;
  }
  size_t ndot = std::count(s.begin(), s.end(), '.');
  size_t ncom = std::count(s.begin(), s.end(), ',');
  char dec = seps.decimal, grp = seps.group;
  if (ndot && ncom) {
    // Both: the last one is the decimal mark ("1.111,11", "1,111.11").
    char lastsep = s[s.find_last_of(".,")];
    dec = lastsep;
    grp = lastsep == '.' ? ',' : '.';
    if (std::count(s.begin(), s.end(), dec) != 1) return r;
  } else if (ndot + ncom > 0) {
    char only = ndot ? '.' : ',';
    size_t count = ndot ? ndot : ncom;
    std::vector<std::string> parts = SplitOn(s, only);
    bool groups_ok = ValidGroups(parts);
    if (only == grp) {
      if (!groups_ok) {
        // "5,00" / "2,5": a decimal comma written in an English text.
        if (count == 1 && parts.back().size() != 3) {
          dec = only;
          grp = 0;
        } else {
          return r;
        }
      }
    } else {  // only the decimal mark
      if (count > 1) {
        if (!groups_ok) return r;  // "1.2.3": a version number, not a figure
        std::swap(dec, grp);       // "1.234.567" grouped the other way
      }
    }
  }
  std::string clean;
  bool in_frac = false;
  std::vector<std::string> groups(1);
  for (char c : s) {
    if (c == dec && dec) {
      clean += '.';
      in_frac = true;
    } else if (c == grp && grp) {
      if (in_frac) return r;
      r.grouped = true;
      groups.emplace_back();
    } else {
      clean += c;
      if (in_frac) ++r.frac_digits;
      else {
        ++r.int_digits;
        groups.back() += c;
      }
    }
  }
  if (r.grouped && !space_grouped && !ValidGroups(groups)) return r;
  r.ok = true;
  r.integer = r.frac_digits == 0;
  // Significant digits: strip leading zeros.
  int sig = 0;
  bool lead = true;
  for (char c : clean) {
    if (c == '.') continue;
    if (lead && c == '0') continue;
    lead = false;
    ++sig;
  }
  if (sig > kMaxSignificantDigits) return r;  // ok but not valued
  double v = 0;
  auto res = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (res.ec != std::errc() || !std::isfinite(v) || std::fabs(v) > kMaxValue) return r;
  r.valued = true;
  r.v = v;
  return r;
}

// ------------------------------------------------------------------ dates

bool ValidDate(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::Calendar> cal(
      new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), status));
  if (!cal) return false;
  cal->clear();
  cal->setLenient(false);
  cal->set(y, m - 1, d);
  status = U_ZERO_ERROR;
  cal->getTime(status);
  return U_SUCCESS(status);
}

// ICU day of week (UCAL_SUNDAY = 1 .. UCAL_SATURDAY = 7), 0 on error.
int Weekday(int y, int m, int d) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::Calendar> cal(
      new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), status));
  if (!cal) return 0;
  cal->clear();
  cal->setLenient(true);
  cal->set(y, m - 1, d);
  status = U_ZERO_ERROR;
  int wd = cal->get(UCAL_DAY_OF_WEEK, status);
  return U_SUCCESS(status) ? wd : 0;
}

// Adds `days` to a date (ICU does the calendar arithmetic).
Date AddDays(const Date& in, int days) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::Calendar> cal(
      new icu::GregorianCalendar(icu::TimeZone::getGMT()->clone(), status));
  if (!cal) return in;
  cal->clear();
  cal->setLenient(true);
  cal->set(in.year, in.month - 1, in.day);
  status = U_ZERO_ERROR;
  cal->add(UCAL_DATE, days, status);
  Date out;
  out.year = cal->get(UCAL_YEAR, status);
  if (cal->get(UCAL_ERA, status) == 0) out.year = 1 - out.year;
  out.month = cal->get(UCAL_MONTH, status) + 1;
  out.day = cal->get(UCAL_DATE, status);
  return U_SUCCESS(status) ? out : in;
}

std::string IsoDate(int y, int m = 0, int d = 0) {
  char buf[32];
  if (y <= 0 || y > 9999) {
    if (m && d) std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
    else if (m) std::snprintf(buf, sizeof buf, "--%02d", m);
    else buf[0] = 0;
    return buf;
  }
  if (m && d) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

int DayNumber(int y, int m, int d) {  // days since an epoch, for distances only
  if (m <= 2) {
    y -= 1;
    m += 12;
  }
  return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

// ------------------------------------------------------------------ scanner

struct DocContext {
  std::optional<Date> ref;   // reference date (dateline)
  bool ref_from_text = false;  // inferred from the text's own dates
  std::string ref_source = "the reference date";  // for notes
  bool english = true;  // capitalisation cues (names) only apply to English
  Seps seps;
  std::string dollar = "USD";  // what a bare "$" means
  std::string dollar_note = "currency assumed USD";
};

struct NumMatch {
  int end = -1;  // lexeme index one past the number (and its scale)
  double last_scale = 1;  // the last scale applied ("million" in "two million")
  double v = 0;
  bool valued = false;
  bool ok = false;
  bool word = false;      // spelled out
  bool integer = true;
  bool scaled = false;    // "million", "bn", "dozen"
  bool fraction = false;  // spelled: "a third", "three quarters"
  bool digit_fraction = false;  // "1/4", "½"
  bool ordinal = false;   // "twenty-first", "21st"
  bool hyphen_scale = false;
  int int_digits = 0;
  bool grouped = false;
  std::string note;
};

class Scanner {
 public:
  // `sentences` (may be null): the text layer's segmentation of this paragraph,
  // used only to bound look-behind for tense cues.
  Scanner(const Tables& t, const DocContext& ctx, const std::u16string& text, int32_t para,
          ParagraphKind kind, const ParagraphText* sentences)
      : t_(t), ctx_(ctx), text_(text), para_(para), kind_(kind), pt_(sentences),
        lx_(Lexify(text, t)) {}

  std::vector<Figure> Run();

 private:
  int N() const { return static_cast<int>(lx_.size()); }
  const Lex* L(int j) const { return j >= 0 && j < N() ? &lx_[j] : nullptr; }
  bool Is(int j, std::string_view w) const {
    const Lex* l = L(j);
    return l && l->low == w;
  }
  bool IsSym(int j, std::string_view s) const {
    const Lex* l = L(j);
    return l && l->type == kSym && l->low == s;
  }
  bool IsDash(int j) const {
    return IsSym(j, "-") || IsSym(j, "\u2013") || IsSym(j, "\u2014") || IsSym(j, "\u2212");
  }
  bool Adj(int j) const {  // lexeme j touches the previous one
    const Lex* l = L(j);
    return l && !l->sp;
  }
  bool Has(int j, uint32_t c) const {
    const Lex* l = L(j);
    return l && l->type == kWord && (l->cls & c);
  }
  int IntAt(int j, int max_digits) const {  // a plain integer lexeme, or -1
    const Lex* l = L(j);
    if (!l || l->type != kNum) return -1;
    if (l->low.size() > static_cast<size_t>(max_digits)) return -1;
    for (char c : l->low)
      if (c < '0' || c > '9') return -1;
    return std::stoi(l->low);
  }
  int Year4(int j) const {
    const Lex* l = L(j);
    if (!l || l->type != kNum || l->low.size() != 4) return -1;
    return IntAt(j, 4);
  }

  // Matchers: each returns the lexeme index one past the match, or -1.
  int TryDate(int i);
  int TryTime(int i);
  int TryNumeric(int i);
  int TryOrdinalWord(int i);
  int SkipNonFigure(int i);

  // Helpers.
  NumMatch ParseNumber(int j, bool currency_context);
  NumMatch ParseWordNumber(int j);
  int MatchApprox(int j) const;   // end of an approximator starting at j, or -1
  int MatchCurrencyPrefix(int j, std::string* code, bool* assumed, std::string* note) const;
  int MatchCurrencySuffix(int j, std::string* code, bool* assumed, double* factor,
                          std::string* note, bool scaled) const;
  int MatchUnit(int j, std::string* unit) const;
  int DaySuffix(int j) const;  // end of "4", "4th", "4 th"; -1
  int Day(int j, int* day) const;
  int MonthAt(int j, int* month, bool need_strong) const;
  bool YearCueBefore(int j) const;
  int CountedNoun(int j, std::u16string* counted) const;
  // Lexeme j opens a sentence (or a quotation, a parenthesis, a heading).
  bool SentenceStart(int j) const {
    const Lex* p = L(j - 1);
    if (!p) return true;
    if (p->type != kSym) return false;
    static constexpr std::string_view kOpeners[] = {".", "!", "?", ":", ";", "\"", "\u201C", "(",
                                                    "\u2018", "'", "\u2014", "-", "\u2013", "[",
                                                    "\u00AB", "\u201E"};
    for (std::string_view o : kOpeners)
      if (p->low == o) return true;
    return false;
  }
  // After "48m" / "5bn" (lexeme j is the "m"): a counted noun or a currency
  // name makes the letter a scale ("48m people", "5m euros"), not metres.
  bool MillionAfter(int j) const {
    const Lex* n = L(j + 1);
    if (!n || n->type != kWord) return false;
    if (n->cls & fi::kCurrencyW) return true;
    std::u16string c;
    return CountedNoun(j + 1, &c) > 0;
  }

  void Emit(int b, int e, FigureKind kind, FigureValue value, std::string unit, bool approx,
            std::string note = "", std::u16string counted = u"");
  FigureValue Num(double v) const {
    FigureValue fv;
    fv.type = FigureValue::Type::kNumber;
    fv.lo = v;
    return fv;
  }
  FigureValue Str(std::string s) const {
    FigureValue fv;
    if (s.empty()) return fv;
    fv.type = FigureValue::Type::kString;
    fv.str_lo = std::move(s);
    return fv;
  }
  FigureValue StrRange(std::string a, std::string b) const {
    FigureValue fv;
    if (a.empty() || b.empty()) return fv;
    fv.type = FigureValue::Type::kStringRange;
    fv.str_lo = std::move(a);
    fv.str_hi = std::move(b);
    return fv;
  }
  // Resolves a month (and day) without a year against the reference date.
  int InferYear(int month, int day, int weekday, std::string* note, int bias) const;
  // A future-tense cue ("will", "scheduled", "next") earlier in the sentence.
  bool FutureCue(int j) const;
  int cur_ = 0;  // the lexeme a date matcher started at
  std::string ResolvedNote() const { return "resolved against " + ctx_.ref_source; }

  const Tables& t_;
  const DocContext& ctx_;
  const std::u16string& text_;
  int32_t para_;
  ParagraphKind kind_;
  const ParagraphText* pt_;
  std::vector<Lex> lx_;
  std::vector<Figure> out_;
  // Whether text_ holds a tab (-1: not looked yet); asked per number.
  signed char has_tab_ = -1;
  bool HasTab() {
    if (has_tab_ < 0) has_tab_ = text_.find(u'\t') != std::u16string::npos;
    return has_tab_ != 0;
  }
};

void Scanner::Emit(int b, int e, FigureKind kind, FigureValue value, std::string unit,
                   bool approx, std::string note, std::u16string counted) {
  Figure f;
  f.span = Span{para_, lx_[b].b, lx_[e - 1].e};
  f.kind = kind;
  f.value = std::move(value);
  f.unit = std::move(unit);
  f.approx = approx;
  f.note = std::move(note);
  f.counted = std::move(counted);
  out_.push_back(std::move(f));
}

int Scanner::MatchApprox(int j) const {
  if (!Has(j, fi::kApproxW)) return -1;
  auto bucket = t_.approx_by_first.find(lx_[j].low);
  if (bucket == t_.approx_by_first.end()) return -1;
  for (const auto& seq : bucket->second) {
    bool ok = true;
    for (size_t k = 0; k < seq.size(); ++k) {
      const Lex* l = L(j + static_cast<int>(k));
      if (!l || l->type != kWord || l->low != seq[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return j + static_cast<int>(seq.size());
  }
  return -1;
}

// "$", "US$", "US $", "u.s $", "HK$", "€", "£", "GBP", "USD", "Rs", "RMB", "MUSD".
int Scanner::MatchCurrencyPrefix(int j, std::string* code, bool* assumed,
                                 std::string* note) const {
  const Lex* l = L(j);
  if (!l) return -1;
  if (l->type == kSym) {
    if (l->low == "$"sv || l->low == "\uFF04"sv) {
      *code = ctx_.dollar;
      *assumed = true;
      *note = ctx_.dollar_note;
      return j + 1;
    }
    auto it = t_.currency_symbol.find(std::u16string(text_, l->b, l->e - l->b));
    if (it != t_.currency_symbol.end()) {
      *code = it->second;
      *assumed = false;
      return j + 1;
    }
    return -1;
  }
  if (l->type != kWord) return -1;
  // Dollar prefixes: letters (with dots) then "$", e.g. "US$", "U.S.$", "HK$", "c $".
  {
    std::string prefix;
    int k = j;
    while (k < N() && k < j + 6) {
      const Lex* m = L(k);
      if (m->type == kWord) prefix += m->low;
      else if (m->type == kSym && m->low == "."sv) {
      } else {
        break;
      }
      ++k;
    }
    if (IsSym(k, "$") && k > j && k - j <= 5) {
      auto it = t_.dollar_prefix.find(prefix);
      if (it != t_.dollar_prefix.end()) {
        // The prefix must be written tight ("US$") or be a lower-case tokenised form ("c $").
        // Written apart only when unambiguous: "US $", "u.s $", "c $" (tokenised text).
        bool dotted = k - j > 1;
        if (Adj(k) || (l->upper && prefix != "a"sv) || dotted || prefix == "c"sv) {
          *code = it->second;
          *assumed = false;
          return k + 1;
        }
      }
      // "usd$ 15"
      auto c2 = t_.currency_code.find(RawOf(l));
      if (c2 != t_.currency_code.end() && k == j + 1) {
        *code = c2->second;
        return k + 1;
      }
    }
  }
  // Codes and letter symbols, case-sensitive ("GBP", "Rs", "RMB"); "Rs." too.
  static constexpr std::string_view kWordCodes[] = {"ALL", "TOP", "CUP", "MOP", "BOB", "PEN",
                                                    "SOS", "TRY", "BAM", "MAD", "GEL", "STD",
                                                    "ANG", "DOP", "GIP", "FOK"};
  for (std::string_view w : kWordCodes)
    if (RawOf(l) == w) return -1;
  auto it = t_.currency_code.find(RawOf(l));
  if (it != t_.currency_code.end() && (l->allcaps || RawOf(l) == "Rs"sv || RawOf(l) == "Rp"sv ||
                                       RawOf(l) == "RM"sv || RawOf(l) == "SFr"sv)) {
    if (RawOf(l).size() == 1) return -1;
    int k = j + 1;
    if ((RawOf(l) == "Rs"sv) && IsSym(k, ".") && Adj(k)) ++k;
    *code = it->second;
    *assumed = false;
    return k;
  }
  // "MUSD", "MEUR": millions of a currency (financial shorthand).
  if (l->allcaps && RawOf(l).size() == 4 && RawOf(l)[0] == 'M') {
    auto c2 = t_.currency_code.find(RawOf(l).substr(1));
    if (c2 != t_.currency_code.end() && c2->first.size() == 3) {
      *code = c2->second;
      *note = "M prefix: millions";
      return j + 1;
    }
  }
  // Lower-case codes of the main currencies ("usd 15", "rmb 5").
  static constexpr std::string_view kLowerCodes[] = {"usd", "eur", "gbp", "jpy", "cny", "rmb",
                                                     "inr", "krw", "chf", "cad", "aud", "hkd"};
  for (std::string_view c : kLowerCodes) {
    if (l->low == c) {
      std::string up;
      for (char ch : l->low) up += static_cast<char>(std::toupper(ch));
      auto c4 = t_.currency_code.find(up);
      if (c4 != t_.currency_code.end()) {
        *code = c4->second;
        return j + 1;
      }
    }
  }
  return -1;
}

int Scanner::MatchCurrencySuffix(int j, std::string* code, bool* assumed, double* factor,
                                 std::string* note, bool scaled) const {
  const Lex* l = L(j);
  if (!l) return -1;
  if (l->type == kSym) {
    if (l->low == "$"sv) {
      *code = ctx_.dollar;
      *assumed = true;
      *note = ctx_.dollar_note;
      return j + 1;
    }
    auto it = t_.currency_symbol.find(std::u16string(text_, l->b, l->e - l->b));
    if (it != t_.currency_symbol.end()) {
      *code = it->second;
      return j + 1;
    }
    return -1;
  }
  if (l->type != kWord) return -1;
  // Codes: "115.5USD", "20 usd", "50 million USD", "120 MEUR".
  {
    std::string up;
    for (char ch : l->low) up += static_cast<char>(std::toupper(ch));
    auto it = t_.currency_code.find(up);
    if (it != t_.currency_code.end() && up.size() == 3 && (l->allcaps || up == "USD"sv ||
                                                           up == "RMB"sv || up == "EUR"sv ||
                                                           up == "GBP"sv || up == "CNY"sv)) {
      *code = it->second;
      return j + 1;
    }
    if (l->allcaps && up.size() == 4 && up[0] == 'M') {
      auto c2 = t_.currency_code.find(up.substr(1));
      if (c2 != t_.currency_code.end()) {
        *code = c2->second;
        *factor = 1e6;
        *note = "M prefix: millions";
        return j + 1;
      }
    }
  }
  // "U.S. dollars"
  if (l->low == "u"sv && IsSym(j + 1, ".") && Is(j + 2, "s") && IsSym(j + 3, ".") &&
      (Is(j + 4, "dollars") || Is(j + 4, "dollar"))) {
    *code = "USD";
    *assumed = false;
    return j + 5;
  }
  if (!(l->cls & fi::kCurrencyW)) return -1;
  // Names, longest first: "us dollars", "turkish lira", "yuan".
  for (int len = static_cast<int>(t_.max_currency_words); len >= 1; --len) {
    std::string key;
    bool ok = true;
    for (int k = 0; k < len; ++k) {
      const Lex* m = L(j + k);
      if (!m || m->type != kWord) {
        ok = false;
        break;
      }
      key += (k ? " " : "") + m->low;
    }
    if (!ok) continue;
    auto it = t_.currency_name.find(key);
    if (it == t_.currency_name.end()) continue;
    const fi::Currency& c = it->second;
    if (key == "p"sv && Adj(j) == false) return -1;
    if ((key == "cent"sv || key == "cents"sv) && l->upper) return -1;  // "50 Cent", a name
    if ((key == "pound"sv || key == "pounds"sv) && !scaled) {
      // "25 pounds" is a weight unless the text prices things in sterling.
      return -1;
    }
    if (key == "won"sv && !scaled && !(L(j + 1) == nullptr || (L(j + 1)->type == kSym))) {
      // "3 won" before more words is usually the verb ("the side 3 won ...").
      const Lex* nx = L(j + 1);
      if (nx && nx->type == kWord && !(nx->cls & fi::kStop)) return -1;
    }
    *code = c.code;
    *assumed = c.assumed;
    *factor = c.factor;
    if (c.code.empty()) *note = "currency not specified: " + key;
    else if (c.assumed &&
             (key == "dollar"sv || key == "dollars"sv || key == "cent"sv || key == "cents"sv))
      *note = ctx_.dollar_note, *code = ctx_.dollar;
    else if (c.assumed)
      *note = "currency assumed " + c.code;
    return j + len;
  }
  return -1;
}

int Scanner::MatchUnit(int j, std::string* unit) const {
  const Lex* l = L(j);
  if (!l) return -1;
  if (l->type == kSym) {
    if (l->low == "\u00B0"sv) {  // "85°", "100 °C"
      const Lex* n = L(j + 1);
      if (n && Adj(j + 1) && n->type == kWord && (n->low == "c"sv || n->low == "f"sv)) {
        *unit = n->low == "c"sv ? "degree Celsius" : "degree Fahrenheit";
        return j + 2;
      }
      *unit = "degree";
      return j + 1;
    }
    if (l->low == "("sv || l->low == "["sv || l->low == "{"sv) {  // "20 (kg)"
      std::string u;
      int e = MatchUnit(j + 1, &u);
      if (e > 0 && (IsSym(e, ")") || IsSym(e, "]") || IsSym(e, "}"))) {
        *unit = u;
        return e + 1;
      }
    }
    return -1;
  }
  if (l->type != kWord) return -1;
  auto cased = t_.unit_cased.find(RawOf(l));
  if (cased != t_.unit_cased.end() && (RawOf(l).size() > 1 || Adj(j))) {
    *unit = cased->second;
    return j + 1;
  }
  if (!(l->cls & fi::kUnitW)) return -1;
  for (int len = static_cast<int>(t_.max_unit_words); len >= 1; --len) {
    std::string key;
    bool ok = true;
    int k = j;
    for (int w = 0; w < len; ++w) {
      const Lex* m = L(k);
      if (!m || m->type != kWord) {
        ok = false;
        break;
      }
      key += (w ? " " : "") + m->low;
      ++k;
      // "km/h": a slash joins two halves of one unit.
      if (w + 1 < len && IsSym(k, "/") && Adj(k)) {
        key += "/";
        ++k;
        if (L(k) && L(k)->type == kWord) {
          key += L(k)->low;
          ++k;
        }
        break;
      }
    }
    if (!ok) continue;
    auto it = t_.unit.find(key);
    if (it == t_.unit.end()) continue;
    // One-letter units ("m", "t", "g", "l") only written tight and in lower
    // case: "48m", "100t"; "3M" is a name.
    if (key.size() == 1 && (!Adj(j) || !l->raw.empty())) return -1;
    *unit = it->second;
    // "24703m2": square metres; "5m3": cubic.
    if (L(k) && L(k)->type == kNum && Adj(k) && (L(k)->low == "2"sv || L(k)->low == "3"sv) &&
        (it->second == "metre"sv || it->second == "kilometre"sv || it->second == "centimetre"sv)) {
      *unit = (L(k)->low == "2"sv ? "square " : "cubic ") + it->second;
      ++k;
    }
    // A unit glued to more letters or digits is a code ("24703L202").
    if (L(k) && Adj(k) && (L(k)->type == kNum || L(k)->type == kWord)) return -1;
    return k;
  }
  // "km/h" as word + "/" + word
  if (IsSym(j + 1, "/") && L(j + 2) && L(j + 2)->type == kWord) {
    auto it = t_.unit.find(l->low + "/" + L(j + 2)->low);
    if (it != t_.unit.end()) {
      *unit = it->second;
      return j + 3;
    }
  }
  return -1;
}

// Parses a spelled-out number starting at lexeme j.
NumMatch Scanner::ParseWordNumber(int j) {
  NumMatch m;
  int k = j;
  double total = 0, current = 0;
  bool any = false;
  int last_kind = 0;  // 1 unit(<10), 2 teen/ten, 3 tens, 4 hundred, 5 big scale
  int end = -1;
  // "a dozen", "a hundred", "a million", "a third", "half a dozen", "a half".
  const Lex* first = L(k);
  if (!first || first->type != kWord) return m;
  if ((first->low == "a"sv || first->low == "an"sv) && L(k + 1) && L(k + 1)->type == kWord) {
    const Lex* nx = L(k + 1);
    auto sc = t_.scale.find(nx->low);
    if (sc != t_.scale.end() && (nx->low == "dozen"sv || nx->low == "hundred"sv ||
                                 nx->low == "thousand"sv || nx->low == "million"sv ||
                                 nx->low == "billion"sv || nx->low == "trillion"sv)) {
      m.ok = m.valued = true;
      m.word = true;
      m.v = sc->second;
      m.scaled = true;
      m.end = k + 2;
      // "a hundred thousand"
      auto sc2 = L(m.end) ? t_.scale.find(L(m.end)->low) : t_.scale.end();
      if (sc2 != t_.scale.end() && sc2->second > sc->second && sc2->second >= 1000) {
        m.v *= sc2->second;
        m.end++;
      }
      return m;
    }
    auto fr = t_.fraction.find(nx->low);
    if (fr != t_.fraction.end() && nx->low.back() != 's') {
      // "a third", "a quarter", "a half"; not "a third time" (ordinal use).
      const Lex* after = L(k + 2);
      bool ordinal_use = after && after->type == kWord && !(after->cls & fi::kStop) &&
                         !(after->cls & fi::kScale) && after->low != "of"sv;
      if (nx->low == "quarter"sv && after && after->low == "of"sv && L(k + 3) &&
          (L(k + 3)->type == kNum || Has(k + 3, fi::kCardinal)))
        ordinal_use = true;  // "a quarter of 2024"? keep out
      if (!ordinal_use) {
        m.ok = m.valued = true;
        m.word = true;
        m.fraction = true;
        m.v = 1.0 / fr->second;
        m.end = k + 2;
        // "a half million"
        if (L(m.end) && Has(m.end, fi::kScale) && L(m.end)->low != "dozens"sv) {
          m.v *= t_.scale.at(L(m.end)->low);
          m.fraction = false;
          m.scaled = true;
          m.end++;
        }
        return m;
      }
    }
    return m;
  }
  if (first->low == "half"sv || first->low == "quarter"sv) {
    const Lex* nx = L(k + 1);
    const Lex* pv = L(k - 1);
    if (first->low == "half"sv &&
        !(nx && nx->type == kWord &&
          (nx->low == "a"sv || nx->low == "an"sv || (nx->cls & fi::kScale)))) {
      // "nearly half", "half of the respondents"; not "the second half".
      bool approx_before = pv && pv->type == kWord && (pv->cls & fi::kApproxW);
      bool of_after = nx && nx->type == kWord && nx->low == "of"sv;
      bool bad_before = pv && pv->type == kWord &&
                        (pv->low == "the"sv || pv->low == "first"sv || pv->low == "second"sv ||
                         pv->low == "this"sv || pv->low == "that"sv || pv->low == "its"sv ||
                         pv->low == "their"sv || pv->low == "his"sv || pv->low == "her"sv ||
                         pv->low == "our"sv || pv->low == "a"sv || pv->low == "one"sv);
      if ((approx_before || of_after) && !bad_before) {
        m.ok = m.valued = m.word = m.fraction = true;
        m.v = 0.5;
        m.integer = false;
        m.end = k + 1;
      }
      return m;
    }
    if (nx && (nx->low == "a"sv || nx->low == "an"sv) && L(k + 2) && Has(k + 2, fi::kScale)) {
      m.ok = m.valued = m.word = m.scaled = true;
      m.v = (first->low == "half"sv ? 0.5 : 0.25) * t_.scale.at(L(k + 2)->low);
      m.end = k + 3;
      return m;
    }
    if (nx && Has(k + 1, fi::kScale) && nx->low != "dozens"sv && nx->low != "hundreds"sv &&
        nx->low != "thousands"sv && nx->low != "millions"sv && nx->low != "billions"sv) {
      m.ok = m.valued = m.word = m.scaled = true;
      m.v = (first->low == "half"sv ? 0.5 : 0.25) * t_.scale.at(nx->low);
      m.end = k + 2;
      return m;
    }
    return m;
  }
  while (k < N()) {
    const Lex* l = L(k);
    if (l->type != kWord) break;
    auto c = t_.cardinal.find(l->low);
    if (c != t_.cardinal.end()) {
      int v = c->second;
      int kind = v < 10 ? 1 : v < 20 ? 2 : 3;
      if (any && last_kind != 0) {
        // Allowed: tens + unit ("twenty one"), after hundred/scale anything.
        bool ok = (last_kind == 3 && kind == 1 && v > 0) || last_kind >= 4;
        if (!ok) break;
      }
      current += v;
      any = true;
      last_kind = kind;
      end = k + 1;
      ++k;
      // hyphen compound "twenty-one"
      if (kind == 3 && IsSym(k, "-") && Adj(k) && L(k + 1) && Adj(k + 1)) {
        auto c2 = t_.cardinal.find(L(k + 1)->low);
        if (c2 != t_.cardinal.end() && c2->second > 0 && c2->second < 10) {
          current += c2->second;
          last_kind = 1;
          end = k + 2;
          k += 2;
        } else {
          auto o2 = t_.ordinal.find(L(k + 1)->low);
          if (o2 != t_.ordinal.end() && o2->second < 10) {
            current += o2->second;
            m.ordinal = true;
            end = k + 2;
            k += 2;
            break;
          }
        }
      }
      continue;
    }
    if (any) {
      auto o = t_.ordinal.find(l->low);
      if (o != t_.ordinal.end() && last_kind == 3 && o->second < 10) {
        current += o->second;
        m.ordinal = true;
        end = k + 1;
        ++k;
        break;
      }
    }
    auto s = t_.scale.find(l->low);
    if (s != t_.scale.end() && any && l->low.back() != 's') {
      double sv = s->second;
      if (sv == 100) {
        if (last_kind >= 4) break;
        current = (current == 0 ? 1 : current) * 100;
        last_kind = 4;
      } else if (sv == 12) {
        current *= 12;
        last_kind = 5;
        end = k + 1;
        ++k;
        break;
      } else {
        total += (current == 0 ? 1 : current) * sv;
        current = 0;
        last_kind = 5;
        m.last_scale = sv;
      }
      m.scaled = true;
      end = k + 1;
      ++k;
      continue;
    }
    if (s != t_.scale.end() && any && (l->low == "dozens"sv || l->low == "dozs"sv)) {
      current *= 12;
      m.scaled = true;
      end = k + 1;
      ++k;
      break;
    }
    // "and" inside ("three hundred and thirty one", "two million and one half").
    if (l->low == "and"sv && any && last_kind >= 4 && L(k + 1) && Has(k + 1, fi::kCardinal) &&
        !(L(k + 2) && Has(k + 2, fi::kFractionW))) {
      ++k;
      continue;
    }
    break;
  }
  if (!any) return m;
  m.ok = m.valued = true;
  m.word = true;
  m.v = total + current;
  m.end = end;
  m.integer = true;
  // "two hundred point zero three", "nine point nought four", "point seventy-one".
  if (!m.ordinal && Is(m.end, "point") && L(m.end + 1) && Has(m.end + 1, fi::kCardinal)) {
    std::string digits;
    int k2 = m.end + 1;
    int first = t_.cardinal.at(L(k2)->low);
    if (first >= 10) {
      // "point seventy-one" -> .71
      int v2 = first;
      int k3 = k2 + 1;
      if (IsSym(k3, "-") && Adj(k3) && L(k3 + 1) && Has(k3 + 1, fi::kCardinal) &&
          t_.cardinal.at(L(k3 + 1)->low) < 10) {
        v2 += t_.cardinal.at(L(k3 + 1)->low);
        k3 += 2;
      }
      if (v2 < 100) {
        digits = std::to_string(v2);
        k2 = k3;
      }
    } else {
      while (k2 < N() && Has(k2, fi::kCardinal) && t_.cardinal.at(L(k2)->low) < 10) {
        digits += static_cast<char>('0' + t_.cardinal.at(L(k2)->low));
        ++k2;
      }
    }
    if (!digits.empty() && digits.size() <= 12 && !m.scaled) {
      m.v += ParseDouble("0." + digits);
      m.integer = false;
      m.end = k2;
    } else if (!digits.empty() && digits.size() <= 12 && m.scaled && total == 0) {
      m.v += ParseDouble("0." + digits);
      m.integer = false;
      m.end = k2;
    }
  }
  // Fractions: "two thirds", "three quarters", "one-fifth".
  if (!m.ordinal && !m.scaled && m.v >= 1 && m.v < 100) {
    int k2 = m.end;
    if (IsSym(k2, "-") && Adj(k2)) ++k2;
    const Lex* fl = L(k2);
    if (fl && fl->type == kWord) {
      auto fr = t_.fraction.find(fl->low);
      bool plural = fl->low.back() == 's';
      if (fr != t_.fraction.end() && (plural == (m.v != 1)) &&
          !(fl->low == "second"sv || fl->low == "seconds"sv)) {
        m.v = m.v / fr->second;
        m.fraction = true;
        m.integer = false;
        m.end = k2 + 1;
      }
    }
  }
  return m;
}

NumMatch Scanner::ParseNumber(int j, bool currency_context) {
  NumMatch m;
  const Lex* l = L(j);
  if (!l) return m;
  if (l->type == kWord) {
    m = ParseWordNumber(j);
  } else if (l->type == kNum) {
    DigitVal d = ParseDigits(l->low, ctx_.seps);
    if (!d.ok) {
      // Malformed ("1.2.3") but if it is absurdly long, still a number without a value.
      if (l->low.size() <= 40) return m;
      m.ok = true;
      m.end = j + 1;
      m.note = "number too long to value";
      return m;
    }
    m.ok = true;
    m.valued = d.valued;
    m.v = d.v;
    m.integer = d.integer;
    m.int_digits = d.int_digits;
    m.grouped = d.grouped;
    m.end = j + 1;
    if (!d.valued) m.note = "number too long to value exactly";
    if (l->foreign_digits) m.note = m.note.empty() ? "digits normalised" : m.note;
    // Exponents: "10^400", "1.1^23", "1e10", "-127.32e13".
    if (IsSym(m.end, "^") && Adj(m.end)) {
      int k = m.end + 1;
      bool neg = false;
      while (k < N() && (IsSym(k, "-") || IsSym(k, "+")) && Adj(k)) {
        if (IsSym(k, "-")) neg = !neg;
        ++k;
      }
      if (L(k) && L(k)->type == kNum && Adj(k)) {
        DigitVal e = ParseDigits(L(k)->low, ctx_.seps);
        double r = std::pow(m.v, neg ? -e.v : e.v);
        m.end = k + 1;
        m.valued = m.valued && e.valued && std::isfinite(r) && std::fabs(r) <= kMaxValue;
        m.v = m.valued ? r : 0;
        if (!m.valued) m.note = "overflow: no value";
        m.integer = false;
        return m;
      }
    }
    if (L(m.end) && L(m.end)->type == kWord && Adj(m.end) && L(m.end)->low == "e"sv &&
        L(m.end + 1) && Adj(m.end + 1)) {
      int k = m.end + 1;
      bool neg = false;
      if (IsSym(k, "-") || IsSym(k, "+")) {
        neg = IsSym(k, "-");
        ++k;
      }
      if (L(k) && L(k)->type == kNum && Adj(k) && L(k)->low.find_first_of(".,") == std::string::npos) {
        double ex = L(k)->low.size() > 6 ? 1e9 : ParseDouble(L(k)->low);
        double r = m.v * std::pow(10.0, neg ? -ex : ex);
        m.end = k + 1;
        m.valued = m.valued && std::isfinite(r) && std::fabs(r) <= kMaxValue;
        m.v = m.valued ? r : 0;
        if (!m.valued) m.note = "overflow: no value";
        return m;
      }
    }
    // Simple fractions "1/4", "2 1/4".
    if (IsSym(m.end, "/") && Adj(m.end) && L(m.end + 1) && L(m.end + 1)->type == kNum &&
        Adj(m.end + 1) && d.integer && m.v < 1000) {
      DigitVal den = ParseDigits(L(m.end + 1)->low, ctx_.seps);
      int dv = den.ok && den.valued && den.integer ? static_cast<int>(den.v) : 0;
      bool usual = dv == 2 || dv == 3 || dv == 4 || dv == 5 || dv == 8 || dv == 10 ||
                   dv == 16 || dv == 32 || dv == 100;
      if (usual && m.v < dv && m.v >= 1 && !(IsSym(m.end + 2, "/"))) {
        m.v = m.v / den.v;
        m.digit_fraction = true;
        m.integer = false;
        m.end += 2;
        return m;
      }
      // "24/7", "9/11": codes and names, not fractions.
      m.ok = false;
      m.end = m.end + 2;
      m.note = "code";
      return m;
    }
    // Unicode vulgar fractions right after ("2½").
  } else if (l->type == kSym) {
    UChar32 c = text_[l->b];
    double nv = u_getNumericValue(c);
    if (nv != U_NO_NUMERIC_VALUE && nv > 0 && nv < 1 && (U_GET_GC_MASK(c) & U_GC_NO_MASK)) {
      m.ok = m.valued = true;
      m.v = nv;
      m.digit_fraction = true;
      m.integer = false;
      m.end = j + 1;
      return m;
    }
    return m;
  }
  if (!m.ok) return m;
  // "two and a half", "five and a half million", "two million and a half", "2 1/2".
  if (m.valued && !m.fraction && !m.digit_fraction && m.v >= 1 && Is(m.end, "and") &&
      (Is(m.end + 1, "a") || Is(m.end + 1, "one")) && L(m.end + 2) &&
      t_.fraction.count(L(m.end + 2)->low) && L(m.end + 2)->low.back() != 's' &&
      L(m.end + 2)->low != "second"sv) {
    double frac = 1.0 / t_.fraction.at(L(m.end + 2)->low);
    m.v += m.scaled ? frac * m.last_scale : frac;
    m.integer = false;
    m.end += 3;
  } else if (m.valued && !m.word && m.integer && !m.fraction && !m.digit_fraction && L(m.end) &&
             L(m.end)->type == kNum && IsSym(m.end + 1, "/") && Adj(m.end + 1) &&
             L(m.end + 2) && L(m.end + 2)->type == kNum && Adj(m.end + 2)) {
    int num = IntAt(m.end, 2), den = IntAt(m.end + 2, 2);
    if (num > 0 && den > num && !(IsSym(m.end + 3, "/"))) {
      m.v += static_cast<double>(num) / den;
      m.integer = false;
      m.end += 3;
    }
  }
  // "$5.5-million": a hyphenated scale.
  if (!m.scaled && IsSym(m.end, "-") && Adj(m.end) && L(m.end + 1) && Adj(m.end + 1) &&
      L(m.end + 1)->type == kWord) {
    const std::string& w = L(m.end + 1)->low;
    if (w == "thousand"sv || w == "million"sv || w == "billion"sv || w == "trillion"sv ||
        w == "bn"sv || w == "mn"sv) {
      if (m.valued) m.v *= t_.scale.at(w);
      m.scaled = true;
      m.last_scale = t_.scale.at(w);
      m.end += 2;
    }
  }
  // Scales: "1.5 million", "$1.2bn", "€400m", "Rs16,189 crore", "10k".
  if (!m.word || !m.scaled) {
    const Lex* s = L(m.end);
    if (s && s->type == kWord) {
      auto it = t_.scale.find(s->low);
      bool tight = Adj(m.end);
      bool plural_scale = s->low.back() == 's' && s->low != "mns"sv && s->low != "bns"sv;
      if (it != t_.scale.end() && !plural_scale) {
        if (m.valued) m.v *= it->second;
        m.scaled = true;
        m.last_scale = it->second;
        m.end++;
        // "1.5 million" then a second scale: "2.12 hundred", "hundred thousand"
        const Lex* s2 = L(m.end);
        if (s2 && s2->type == kWord) {
          auto it2 = t_.scale.find(s2->low);
          if (it2 != t_.scale.end() && it2->second > it->second && it2->second >= 1000 &&
              s2->low.back() != 's') {
            if (m.valued) m.v *= it2->second;
            m.end++;
          }
        }
      } else if (s->low == "dozens"sv && !m.word) {
        if (m.valued) m.v *= 12;
        m.scaled = true;
        m.end++;
      } else if (tight && (s->low == "k"sv || s->low == "K"sv)) {
        if (m.valued) m.v *= 1e3;
        m.scaled = true;
        m.end++;
      } else if (tight && (currency_context || MillionAfter(m.end)) &&
                 (RawOf(s) == "m"sv || RawOf(s) == "M"sv || RawOf(s) == "mm"sv ||
                                                RawOf(s) == "MM"sv)) {
        if (m.valued) m.v *= 1e6;
        m.scaled = true;
        m.end++;
      } else if (tight && (currency_context || MillionAfter(m.end)) &&
                 (RawOf(s) == "b"sv || RawOf(s) == "B"sv || RawOf(s) == "tr"sv)) {
        if (m.valued) m.v *= RawOf(s) == "tr"sv ? 1e12 : 1e9;
        m.scaled = true;
        m.end++;
      } else if (tight && (RawOf(s) == "MM"sv || RawOf(s) == "G"sv) && !L(m.end + 1)) {
        if (m.valued) m.v *= RawOf(s) == "G"sv ? 1e9 : 1e6;
        m.scaled = true;
        m.end++;
      }
    }
    // "1,674,200.5 M"
    if (!m.scaled && s && s->type == kWord && RawOf(s) == "M"sv && !Adj(m.end) &&
        L(m.end + 1) == nullptr) {
      if (m.valued) m.v *= 1e6;
      m.scaled = true;
      m.end++;
    }
  }
  if (m.valued && (!std::isfinite(m.v) || std::fabs(m.v) > kMaxValue)) {
    m.valued = false;
    m.v = 0;
    m.note = "overflow: no value";
  }
  return m;
}

int Scanner::DaySuffix(int j) const {
  int d = IntAt(j, 2);
  if (d < 1 || d > 31) return -1;
  int e = j + 1;
  const Lex* s = L(e);
  if (s && s->type == kWord && Adj(e) &&
      (s->low == "st"sv || s->low == "nd"sv || s->low == "rd"sv || s->low == "th"sv))
    ++e;
  return e;
}

int Scanner::Day(int j, int* day) const {
  int e = DaySuffix(j);
  if (e < 0) {
    // Spelled ordinal day: "fourth of July".
    const Lex* l = L(j);
    if (l && l->type == kWord) {
      auto o = t_.ordinal.find(l->low);
      if (o != t_.ordinal.end() && o->second <= 31) {
        *day = o->second;
        return j + 1;
      }
    }
    return -1;
  }
  *day = IntAt(j, 2);
  // A day is not followed by a time-of-day colon or a decimal ("4:30", "4.5").
  return e;
}

// A month name at j. need_strong: "May"/"March"/abbreviations need more
// evidence, which the caller supplies; otherwise they are rejected here when
// lower case.
int Scanner::MonthAt(int j, int* month, bool need_strong) const {
  const Lex* l = L(j);
  if (!l || l->type != kWord || !(l->cls & fi::kMonth)) return -1;
  *month = t_.month.at(l->low);
  int e = j + 1;
  bool abbr = l->low.size() <= 4 && l->low != "june"sv && l->low != "july"sv && l->low != "may"sv;
  if (abbr && IsSym(e, ".") && Adj(e)) ++e;
  if (need_strong) {
    if (!l->upper && (l->low == "may"sv || l->low == "march"sv || abbr)) return -1;
    if (l->low == "may"sv || l->low == "march"sv || abbr) return -1;
  }
  if (!l->upper && (l->low == "may"sv || l->low == "march"sv)) return -2 - e;  // weak
  return e;
}

bool Scanner::YearCueBefore(int j) const {
  const Lex* p = L(j - 1);
  if (!p) return false;
  if (p->type == kSym) return p->low == "("sv || p->low == "\u2019"sv || p->low == "'"sv;
  return (p->cls & (fi::kYearCue | fi::kMonth)) != 0;
}

bool Scanner::FutureCue(int j) const {
  int32_t sentence_begin = -1;
  if (pt_ && j < N()) {
    int32_t si = SentenceAt(*pt_, lx_[j].b);
    if (si >= 0) sentence_begin = pt_->sentences[si].begin;
  }
  for (int k = j - 1; k >= 0 && k >= j - 30; --k) {
    const Lex* l = L(k);
    if (sentence_begin >= 0) {
      if (l->b < sentence_begin) break;
    } else if (l->type == kSym && (l->low == "."sv || l->low == "!"sv || l->low == "?"sv)) {
      break;
    }
    if (l->type == kSym && l->low == ";"sv) break;
    if (l->type != kWord) continue;
    const std::string& w = l->low;
    if (w == "will"sv || w == "shall"sv || w == "ll"sv || w == "upcoming"sv || w == "scheduled"sv ||
        w == "plans"sv || w == "planned"sv || w == "planning"sv || w == "due"sv ||
        w == "expected"sv || w == "expects"sv || w == "deadline"sv || w == "forthcoming"sv ||
        w == "next"sv)
      return true;
  }
  return false;
}

int Scanner::InferYear(int month, int day, int weekday, std::string* note, int bias) const {
  if (!ctx_.ref) {
    *note = "year unknown";
    return 0;
  }
  const Date& r = *ctx_.ref;
  int best = r.year;
  (void)weekday;  // a stated weekday is checked against the date, not used to pick the year
  int rd = DayNumber(r.year, r.month ? r.month : 1, r.day ? r.day : 1);
  auto dn = [&](int y) { return DayNumber(y, month, day ? day : 1); };
  if (bias == 2) {  // "this September": the reference year's
    best = r.year;
  } else if (bias < 0) {  // "last November": the most recent before the reference
    best = dn(r.year) < rd || (day == 0 && month < r.month) ? r.year : r.year - 1;
  } else if (bias > 0) {  // "next March"
    best = dn(r.year) > rd || (day == 0 && month > r.month) ? r.year : r.year + 1;
  } else if (ctx_.ref_from_text) {
    // The anchor is the text's own latest date: the nearest year.
    int d0 = std::abs(dn(r.year) - rd), d1 = std::abs(dn(r.year - 1) - rd),
        d2 = std::abs(dn(r.year + 1) - rd);
    best = d0 <= d1 && d0 <= d2 ? r.year : d1 < d2 ? r.year - 1 : r.year + 1;
  } else {
    // News reports mostly the recent past: the latest occurrence on or before
    // the dateline, unless the sentence speaks of the future ("will", "scheduled").
    int past = dn(r.year) <= rd || (day == 0 && month == r.month) ? r.year : r.year - 1;
    int future = dn(r.year) >= rd || (day == 0 && month >= r.month) ? r.year : r.year + 1;
    best = past;
    // Within six weeks ahead it is the coming date ("ends on March 11" in a
    // March 7 story); further ahead only with a future cue.
    if (future != past && (FutureCue(cur_) || (day && dn(future) - rd <= 42))) best = future;
  }
  *note = "year inferred from " + ctx_.ref_source;
  return best;
}

// Dates. Returns the end lexeme or -1.
int Scanner::TryDate(int i) {
  const Lex* l = L(i);
  if (!l) return -1;
  cur_ = i;
  int b = i;
  int k = i;
  std::string mod;
  int bias = 0;
  bool ranged_intro = false;  // "from"/"between" included in a date range
  // Modifiers: "early", "mid-", "late", "last", "next", "this", "the end of".
  if (l->type == kWord && (l->cls & fi::kDateMod)) {
    int k2 = i + 1;
    if (IsSym(k2, "-") && Adj(k2)) ++k2;
    if ((l->low == "end"sv || l->low == "beginning"sv || l->low == "start"sv ||
         l->low == "middle"sv) &&
        Is(k2, "of"))
      ++k2;
    int mm;
    bool month_next = MonthAt(k2, &mm, false) >= 0 && L(k2)->upper;
    bool year_next = Year4(k2) >= 1000 && !(L(k2 + 1) && Adj(k2 + 1) && L(k2 + 1)->type == kWord &&
                                             L(k2 + 1)->low != "s"sv);
    bool decade_next = Year4(k2) >= 1000 && L(k2 + 1) && Adj(k2 + 1) && Is(k2 + 1, "s");
    if (month_next || year_next || decade_next) {
      mod = l->low;
      if (mod == "last"sv || mod == "past"sv) bias = -1;
      if (mod == "next"sv || mod == "coming"sv) bias = 1;
      if (mod == "this"sv) bias = 2;  // the reference year's
      if ((mod == "last"sv || mod == "next"sv || mod == "this"sv || mod == "past"sv ||
           mod == "coming"sv) &&
          !month_next)
        return -1;
      k = k2;
    } else if ((l->low == "last"sv || l->low == "next"sv || l->low == "this"sv ||
                l->low == "past"sv) &&
               L(i + 1) && L(i + 1)->type == kWord) {
      // "last year", "next month", "this week", "last Monday".
      const Lex* u = L(i + 1);
      int delta = l->low == "last"sv || l->low == "past"sv ? -1 : l->low == "next"sv ? 1 : 0;
      if (u->low == "year"sv || u->low == "month"sv || u->low == "week"sv) {
        if (!ctx_.ref) {
          Emit(i, i + 2, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
          return i + 2;
        }
        const Date& r = *ctx_.ref;
        std::string note = ResolvedNote();
        if (u->low == "year"sv) {
          Emit(i, i + 2, FigureKind::kDate, Str(IsoDate(r.year + delta)), "", false, note);
        } else if (u->low == "month"sv && r.month) {
          int y = r.year, mth = r.month + delta;
          if (mth < 1) mth = 12, --y;
          if (mth > 12) mth = 1, ++y;
          Emit(i, i + 2, FigureKind::kDate, Str(IsoDate(y, mth)), "", false, note);
        } else if (u->low == "week"sv && r.month && r.day) {
          int wd = Weekday(r.year, r.month, r.day);  // 1 = Sunday
          int to_monday = (wd + 5) % 7;
          Date mon = AddDays(r, -to_monday + 7 * delta);
          Date sun = AddDays(mon, 6);
          Emit(i, i + 2, FigureKind::kDate,
               StrRange(IsoDate(mon.year, mon.month, mon.day), IsoDate(sun.year, sun.month, sun.day)),
               "", false, note);
        } else {
          Emit(i, i + 2, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
        }
        return i + 2;
      }
      if ((u->cls & fi::kWeekday) && u->upper && u->low.size() > 3) {
        int wd = t_.weekday.at(u->low);
        if (!ctx_.ref || !ctx_.ref->day) {
          Emit(i, i + 2, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
          return i + 2;
        }
        const Date& r = *ctx_.ref;
        int rwd = Weekday(r.year, r.month, r.day);
        int back = (rwd - wd + 7) % 7;
        if (back == 0 && delta != 0) back = 7;
        Date d = delta > 0 ? AddDays(r, (wd - rwd + 7) % 7 == 0 ? 7 : (wd - rwd + 7) % 7)
                           : AddDays(r, -back);
        Emit(i, i + 2, FigureKind::kDate, Str(IsoDate(d.year, d.month, d.day)), "", false,
             ResolvedNote());
        return i + 2;
      }
      return -1;
    } else {
      return -1;
    }
  }
  // "from"/"between" opening a date range: only kept if a range follows.
  if (l->type == kWord && (l->low == "from"sv || l->low == "between"sv) && mod.empty()) {
    ranged_intro = true;
    k = i + 1;
  }
  // Relative days.
  if (mod.empty() && !ranged_intro && l->type == kWord && (l->cls & fi::kRelDay)) {
    if (l->low == "tonight"sv) return -1;
    int delta = l->low == "yesterday"sv ? -1 : l->low == "tomorrow"sv ? 1 : 0;
    if (ctx_.ref && ctx_.ref->day) {
      Date d = AddDays(*ctx_.ref, delta);
      Emit(i, i + 1, FigureKind::kDate, Str(IsoDate(d.year, d.month, d.day)), "", false,
           ResolvedNote());
    } else {
      Emit(i, i + 1, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
    }
    return i + 1;
  }
  // Weekday prefix: "Monday, January 5, 2026", "Tue May 9".
  int weekday = 0;
  {
    const Lex* w = L(k);
    if (w && w->type == kWord && (w->cls & fi::kWeekday) && w->upper) {
      int k2 = k + 1;
      if (IsSym(k2, ".") && Adj(k2)) ++k2;
      if (IsSym(k2, ",")) ++k2;
      int mm;
      int dd;
      if (MonthAt(k2, &mm, false) >= 0 || Day(k2, &dd) >= 0) {
        weekday = t_.weekday.at(w->low);
        k = k2;
      } else if (w->low.size() > 3 && mod.empty() && !ranged_intro) {
        // A bare weekday ("on Monday"): resolved against the reference date.
        const Lex* p = L(k - 1);
        bool cue = p && p->type == kWord && (p->low == "on"sv || p->low == "since"sv ||
                                             p->low == "until"sv || p->low == "by"sv ||
                                             p->low == "from"sv || p->low == "before"sv ||
                                             p->low == "after"sv || p->low == "and"sv ||
                                             p->low == "or"sv);
        if (!cue) cue = p && p->type == kSym && (p->low == ","sv || p->low == "("sv);
        if (!cue) return -1;
        int wd = t_.weekday.at(w->low);
        if (ctx_.ref && ctx_.ref->day) {
          const Date& r = *ctx_.ref;
          int rwd = Weekday(r.year, r.month, r.day);
          Date d = AddDays(r, -((rwd - wd + 7) % 7));
          Emit(k, k + 1, FigureKind::kDate, Str(IsoDate(d.year, d.month, d.day)), "", false,
               ResolvedNote());
        } else {
          Emit(k, k + 1, FigureKind::kDate, FigureValue{}, "", false, "needs a reference date");
        }
        return k + 1;
      }
    }
  }
  int month = 0, day = 0, year = 0;
  int e;
  // ---- Month-first: "January 5, 2026", "Mar.1", "January 4 to 7", "March 2022".
  e = MonthAt(k, &month, false);
  bool weak = false;
  if (e <= -2) {
    weak = true;
    e = -2 - e;
  }
  if (e >= 0) {
    const Lex* ml = L(k);
    bool is_abbr =
        ml->low.size() <= 4 && ml->low != "june"sv && ml->low != "july"sv && ml->low != "may"sv;
    int k2 = e;
    int d1;
    int de = Day(k2, &d1);
    bool day_ok = de >= 0 && L(k2)->type == kNum &&
                  !(IsSym(de, ":") && L(de + 1) && L(de + 1)->type == kNum && Adj(de + 1)) &&
                  !(L(de) && L(de)->type == kWord && Adj(de) && L(de)->low != "st"sv);
    // "Mar.1" - tight after an abbreviation's period is fine.
    if (day_ok) {
      day = d1;
      int k3 = de;
      // Range: "January 4 to 7", "November 18-19", "Nov 18-Dec 19, 2015".
      int d2 = 0, m2 = month;
      int re = -1;
      if (IsDash(k3) || Is(k3, "to") || Is(k3, "through") || Is(k3, "and") || Is(k3, "until") ||
          Is(k3, "till")) {
        int k4 = k3 + 1;
        int mm2;
        int me = MonthAt(k4, &mm2, false);
        if (me >= 0) {
          int dd;
          int de2 = Day(me, &dd);
          if (de2 >= 0 && L(me)->type == kNum) {
            m2 = mm2;
            d2 = dd;
            re = de2;
          }
        } else {
          int dd;
          int de2 = Day(k4, &dd);
          if (de2 >= 0 && L(k4)->type == kNum && dd > day &&
              !(L(de2) && (L(de2)->cls & (fi::kMonth)))) {
            d2 = dd;
            re = de2;
          }
        }
      }
      int end = re >= 0 ? re : k3;
      // Year: ", 2026" or " 2026".
      int ye = end;
      if (IsSym(ye, ",")) ++ye;
      if (Is(ye, "of") || Is(ye, "in")) ++ye;
      int yv = Year4(ye);
      bool has_year = yv >= 1000 && !(L(ye + 1) && Adj(ye + 1) && L(ye + 1)->type == kWord) &&
                      !((IsDash(ye + 1) || IsSym(ye + 1, "/")) && Adj(ye + 1) && L(ye + 2) &&
                        L(ye + 2)->type == kNum && Adj(ye + 2) && L(ye + 2)->low.size() == 2 &&
                        L(ye + 3) && (IsDash(ye + 3) || IsSym(ye + 3, "/")));
      if (has_year) {
        year = yv;
        end = ye + 1;
      }
      std::string note;
      if (!year) year = InferYear(month, day, weekday, &note, bias);
      if (!ValidDate(year ? year : 2000, month, day) ||
          (d2 && !ValidDate(year ? year : 2000, m2, d2))) {
        Emit(b, end, FigureKind::kDate, FigureValue{}, "", false, "not a valid date");
        return end;
      }
      if (weekday && year && Weekday(year, month, day) != weekday)
        note += note.empty() ? "weekday does not match the date" : "; weekday does not match the date";
      int start = ranged_intro && re >= 0 ? i : (ranged_intro ? i + 1 : b);
      if (ranged_intro && re < 0) start = i + 1;
      if (re >= 0) {
        int y2 = year;
        if (year && (m2 < month)) y2 = year + 1;
        if (has_year && m2 < month) y2 = year, year = year - 1;
        Emit(start, end, FigureKind::kDate, StrRange(IsoDate(year, month, day), IsoDate(y2, m2, d2)),
             "", !mod.empty(), note);
      } else {
        Emit(start, end, FigureKind::kDate, Str(IsoDate(year, month, day)), "", !mod.empty(), note);
      }
      return end;
    }
    // Month + year: "March 2022", "June of 1992", "Dec-2018".
    int ye = e;
    if (IsSym(ye, ",") || Is(ye, "of") || (IsSym(ye, "-") && Adj(ye)) || (IsSym(ye, "/") && Adj(ye)))
      ++ye;
    int yv = Year4(ye);
    if (yv >= 1000 && !(L(ye + 1) && Adj(ye + 1) && L(ye + 1)->type == kWord)) {
      int start = ranged_intro ? i + 1 : b;
      Emit(start, ye + 1, FigureKind::kDate, Str(IsoDate(yv, month)), "", !mod.empty(),
           mod.empty() ? "" : mod);
      return ye + 1;
    }
    // Month ranges: "from March to May", "Jan-Feb 2017", "March-May 2020".
    {
      int k2 = e;
      bool link = (IsDash(k2)) || Is(k2, "to") || Is(k2, "through") || Is(k2, "until") ||
                  Is(k2, "till") || (Is(k2, "and") && ranged_intro && l->low == "between"sv);
      int m2 = 0;
      int e2 = link ? MonthAt(k2 + 1, &m2, false) : -1;
      if (e2 <= -2) e2 = -1;
      if (e2 >= 0 && L(k)->upper && L(k2 + 1)->upper && !(Day(e2, &d1) >= 0 && L(e2)->type == kNum &&
                                                            L(e2)->low.size() <= 2)) {
        int end = e2;
        int ye2 = end;
        if (IsSym(ye2, ",")) ++ye2;
        if (Is(ye2, "in") || Is(ye2, "of")) ++ye2;
        int y2 = Year4(ye2);
        int y1 = 0;
        std::string note;
        if (y2 >= 1000 && !(L(ye2 + 1) && Adj(ye2 + 1) && L(ye2 + 1)->type == kWord)) {
          end = ye2 + 1;
          y1 = m2 >= month ? y2 : y2 - 1;
        } else {
          y1 = InferYear(month, 0, 0, &note, bias);
          y2 = y1 ? (m2 >= month ? y1 : y1 + 1) : 0;
        }
        Emit(ranged_intro ? i : b, end, FigureKind::kDate, StrRange(IsoDate(y1, month), IsoDate(y2, m2)),
             "", !mod.empty(), note);
        return end;
      }
    }
    // Month alone: needs a cue, and never "May"/"March" lower case or a bare abbreviation.
    if (weak || is_abbr) return -1;
    if (!ml->upper) return -1;
    const Lex* p = L(k - 1);
    bool cue = !mod.empty() || (p && p->type == kWord &&
                                (p->low == "in"sv || p->low == "since"sv || p->low == "until"sv ||
                                 p->low == "till"sv || p->low == "by"sv || p->low == "from"sv ||
                                 p->low == "of"sv || p->low == "during"sv || p->low == "before"sv ||
                                 p->low == "after"sv || p->low == "through"sv || p->low == "to"sv ||
                                 p->low == "and"sv || p->low == "or"sv || p->low == "between"sv ||
                                 p->low == "last"sv || p->low == "next"sv || p->low == "this"sv ||
                                 p->low == "early"sv || p->low == "late"sv || p->low == "mid"sv ||
                                 p->low == "on"sv || p->low == "each"sv || p->low == "every"sv));
    if (!cue && ml->low == "may"sv) return -1;
    if (!cue && (!p || (p->type == kWord && p->upper))) return -1;  // "April Smith"
    if (!cue && p && p->type == kSym && p->low != ","sv && p->low != "("sv) return -1;
    if (!cue) return -1;
    std::string note;
    int y = InferYear(month, 0, 0, &note, bias);
    std::string val = IsoDate(y, month);
    if (!mod.empty() && mod != "last"sv && mod != "next"sv && mod != "this"sv)
      note = note.empty() ? mod : mod + "; " + note;
    Emit(ranged_intro ? i + 1 : b, e, FigureKind::kDate, Str(val), "",
         !mod.empty() && mod != "last"sv && mod != "next"sv && mod != "this"sv, note);
    return e;
  }
  // ---- Day-first: "5 January 2026", "19 June", "04th Jan 2019", "fourth of July".
  {
    int dd;
    int de = Day(k, &dd);
    if (de >= 0) {
      int k2 = de;
      int d2 = 0;
      int rstart = -1;
      // "4-7 January", "26 june to 28 june"
      if ((IsDash(k2) || Is(k2, "to") || Is(k2, "and")) && L(k) && L(k)->type == kNum) {
        int dd2;
        int de2 = Day(k2 + 1, &dd2);
        if (de2 >= 0 && L(k2 + 1)->type == kNum && dd2 > dd) {
          int mm;
          if (MonthAt(de2, &mm, false) >= 0 || (Is(de2, "of") && MonthAt(de2 + 1, &mm, false) >= 0)) {
            rstart = k2;
            d2 = dd2;
            k2 = de2;
          }
        }
      }
      if (Is(k2, "of")) ++k2;
      int me = MonthAt(k2, &month, false);
      if (me <= -2) me = -2 - me;
      bool spelled = L(k)->type == kWord;
      if (me >= 0 && (L(k2)->upper || !spelled) &&
          (!spelled || Is(k + 1, "of"))) {
        int end = me;
        int ye = end;
        if (IsSym(ye, ",")) ++ye;
        if (Is(ye, "of") || Is(ye, "in")) ++ye;
        int yv = Year4(ye);
        if (yv >= 1000 && !(L(ye + 1) && Adj(ye + 1) && L(ye + 1)->type == kWord)) {
          year = yv;
          end = ye + 1;
        }
        std::string note;
        if (!year) year = InferYear(month, dd, weekday, &note, bias);
        if (!ValidDate(year ? year : 2000, month, dd)) {
          Emit(b, end, FigureKind::kDate, FigureValue{}, "", false, "not a valid date");
          return end;
        }
        int start = ranged_intro ? (rstart >= 0 ? i : i + 1) : b;
        if (rstart >= 0) {
          Emit(start, end, FigureKind::kDate, StrRange(IsoDate(year, month, dd), IsoDate(year, month, d2)),
               "", false, note);
        } else {
          Emit(start, end, FigureKind::kDate, Str(IsoDate(year, month, dd)), "", false, note);
        }
        return end;
      }
    }
  }
  // ---- Quarters and halves: "Q1 2024", "2017-Q1", "q3 2019", "first quarter of 2024", "2019 H2".
  {
    auto quarter_range = [&](int y, int q, bool half) {
      int m0 = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
      int m1 = m0 + (half ? 5 : 2);
      return StrRange(IsoDate(y, m0), IsoDate(y, m1));
    };
    auto q_at = [&](int j, int* q, bool* half) -> int {  // "Q1" / "q1" / "H2" -> end
      const Lex* w = L(j);
      if (!w || w->type != kWord || !(w->low == "q"sv || w->low == "h"sv)) return -1;
      if (!(L(j + 1) && L(j + 1)->type == kNum && Adj(j + 1))) return -1;
      int v = IntAt(j + 1, 1);
      *half = w->low == "h"sv;
      if (v < 1 || v > (*half ? 2 : 4)) return -1;
      *q = v;
      return j + 2;
    };
    int q = 0;
    bool half = false;
    int qe = q_at(k, &q, &half);
    if (qe > 0) {
      int ye = qe;
      if ((IsDash(ye) && Adj(ye)) || IsSym(ye, "/")) ++ye;
      if (Is(ye, "of")) ++ye;
      int y = Year4(ye);
      if (y >= 1000) {
        Emit(ranged_intro ? i + 1 : b, ye + 1, FigureKind::kDate, quarter_range(y, q, half),
             half ? "half-year" : "quarter", false);
        return ye + 1;
      }
    }
    int y = Year4(k);
    if (y >= 1000) {
      int k2 = k + 1;
      if ((IsDash(k2) && Adj(k2)) || IsSym(k2, "/")) ++k2;
      int qe2 = q_at(k2, &q, &half);
      if (qe2 > 0) {
        Emit(ranged_intro ? i + 1 : b, qe2, FigureKind::kDate, quarter_range(y, q, half),
             half ? "half-year" : "quarter", false);
        return qe2;
      }
    }
    // "the first quarter of 2024", "second half of 2023"
    const Lex* o = L(k);
    if (o && o->type == kWord && (o->cls & fi::kOrdinalW) &&
        (Is(k + 1, "quarter") || Is(k + 1, "half")) && Is(k + 2, "of")) {
      int yy = Year4(k + 3);
      int ov = t_.ordinal.count(o->low) ? t_.ordinal.at(o->low) : 0;
      bool h = Is(k + 1, "half");
      if (yy >= 1000 && ov >= 1 && ov <= (h ? 2 : 4)) {
        Emit(ranged_intro ? i + 1 : b, k + 4, FigureKind::kDate, quarter_range(yy, ov, h),
             h ? "half-year" : "quarter", false);
        return k + 4;
      }
    }
  }
  // ---- Numeric dates: "2026-01-05", "2019/08/01", "1/1/2015", "29/03/2018".
  {
    const Lex* a = L(k);
    if (a && a->type == kNum && !mod.size()) {
      int k1 = k + 1, k2 = k + 3;
      bool dash = IsSym(k1, "-") && IsSym(k2, "-");
      bool slash = IsSym(k1, "/") && IsSym(k2, "/");
      if ((dash || slash) && Adj(k1) && Adj(k1 + 1) && Adj(k2) && Adj(k2 + 1) &&
          L(k1 + 1) && L(k2 + 1) && !(IsSym(k2 + 2, "-") && Adj(k2 + 2))) {
        int x = IntAt(k, 4), y = IntAt(k1 + 1, 2), z = IntAt(k2 + 1, 4);
        int yy = 0, mm = 0, dd = 0;
        if (a->low.size() == 4 && x >= 1000) {
          yy = x, mm = y, dd = z;
          if (L(k2 + 1)->low.size() > 2) yy = 0;
        } else if (L(k2 + 1)->low.size() == 4 && z >= 1000 && slash) {
          // M/D/YYYY (US) unless the first cannot be a month.
          if (x > 12) dd = x, mm = y;
          else mm = x, dd = y;
          yy = z;
        } else if (L(k2 + 1)->low.size() == 4 && z >= 1000 && dash && a->low.size() <= 2) {
          if (x > 12) dd = x, mm = y;
          else mm = x, dd = y;
          yy = z;
        }
        if (yy && ValidDate(yy, mm, dd)) {
          int end = k2 + 2;
          Emit(ranged_intro ? i + 1 : b, end, FigureKind::kDate, Str(IsoDate(yy, mm, dd)), "", false);
          return end;
        }
      }
    }
  }
  // ---- Years, year ranges, fiscal years, decades.
  {
    int yv = Year4(k);
    const Lex* a = L(k);
    bool paren = IsSym(k - 1, "(") && Adj(k);
    // Apostrophe decades: "'90s", "’80s".
    if (!a) return -1;
    if (a->type == kNum && a->low.size() == 2 && (IsSym(k - 1, "'") || IsSym(k - 1, "\u2019")) &&
        Adj(k) && Is(k + 1, "s") && Adj(k + 1)) {
      int two = IntAt(k, 2);
      int ref_y = ctx_.ref ? ctx_.ref->year : 2000;
      int century = two + 1900 <= ref_y - 100 + 100 && two + 2000 > ref_y ? 1900 : 2000;
      if (two + 2000 > ref_y) century = 1900;
      int d0 = century + two;
      Emit(k - 1, k + 2, FigureKind::kDate, StrRange(IsoDate(d0), IsoDate(d0 + 9)), "decade",
           !mod.empty(), "decade; century inferred");
      return k + 2;
    }
    if (yv < 1000 || yv > 2999) return -1;
    // Not a year: followed tight by letters other than "s" (e.g. "2024m2"), or by ":".
    const Lex* nx = L(k + 1);
    // Decade: "1990s", "1990 s", "the 1990s".
    if (nx && nx->type == kWord && nx->low == "s"sv && (Adj(k + 1) || RawOf(nx) == "s"sv) &&
        yv % 10 == 0) {
      Emit(ranged_intro ? i + 1 : b, k + 2, FigureKind::kDate, StrRange(IsoDate(yv), IsoDate(yv + 9)),
           "decade", !mod.empty(), mod.empty() ? "decade" : "decade; " + mod);
      return k + 2;
    }
    if (nx && Adj(k + 1) && nx->type == kWord) return -1;
    if (nx && nx->type == kSym && (nx->low == "%"sv || nx->low == ":"sv || nx->low == "$"sv))
      return -1;
    if (nx && nx->type == kSym && (nx->low == "."sv || nx->low == ","sv) && Adj(k + 1) &&
        L(k + 2) && L(k + 2)->type == kNum && Adj(k + 2))
      return -1;
    // Ranges: "2013-2017", "(1908-1932)", "2012-13" (fiscal), "from 1910 to 1945",
    // "between 2014 and 2018".
    int k2 = k + 1;
    bool dash = IsDash(k2) || (IsSym(k2, "/") && Adj(k2) && Adj(k2 + 1) && L(k2 + 1) &&
                               L(k2 + 1)->low.size() == 2);
    bool word_to = Is(k2, "to") || Is(k2, "through") || Is(k2, "till") || Is(k2, "until") ||
                   (Is(k2, "and") && l->low == "between"sv);
    if ((dash && Adj(k2) == Adj(k2 + 1)) || (dash && !Adj(k2)) || word_to) {
      const Lex* c = L(k2 + 1);
      if (c && c->type == kNum) {
        int y2 = -1;
        bool fiscal = false;
        if (c->low.size() == 4) y2 = IntAt(k2 + 1, 4);
        else if (c->low.size() == 2 && dash && Adj(k2) && Adj(k2 + 1)) {
          int two = IntAt(k2 + 1, 2);
          y2 = yv / 100 * 100 + two;
          if (y2 <= yv) y2 += 100;
          fiscal = y2 == yv + 1;
        }
        const Lex* after = L(k2 + 2);
        bool after_ok = !(after && Adj(k2 + 2) && after->type == kWord) &&
                        !(after && after->type == kSym && after->low == "%"sv) &&
                        !(after && after->type == kWord && (after->cls & (fi::kUnitW | fi::kScale |
                                                                          fi::kPercentW)));
        if (y2 > yv && y2 - yv <= 200 && after_ok) {
          {
            int start = ranged_intro && word_to ? i : (ranged_intro ? i + 1 : b);
            if (ranged_intro && !word_to && dash) start = i;
            if (fiscal) {
              Emit(start, k2 + 2, FigureKind::kDate, StrRange(IsoDate(yv), IsoDate(y2)),
                   "fiscal year", false, "fiscal year " + std::to_string(yv) + "-" +
                                             std::to_string(y2 % 100 < 10 ? 0 : y2 % 100 / 10) +
                                             std::to_string(y2 % 10));
            } else {
              Emit(start, k2 + 2, FigureKind::kDate, StrRange(IsoDate(yv), IsoDate(y2)), "",
                   !mod.empty(), mod);
            }
            return k2 + 2;
          }
        }
      }
    }
    // Fiscal years written "FY2024" / "FY 2024".
    if (Is(k - 1, "fy") && (k - 1 >= i || k - 1 == b - 1)) {
      int start = k - 1;
      Emit(start, k + 1, FigureKind::kDate, Str(IsoDate(yv)), "fiscal year", false, "fiscal year");
      return k + 1;
    }
    // A single year. Strong cue before it, or in the usual range of news years.
    bool cue = YearCueBefore(k) || paren || !mod.empty();
    const Lex* p = L(k - 1);
    if (p && p->type == kSym && (p->low == "$"sv || p->low == "#"sv || p->low == "\u20AC"sv ||
                                 p->low == "\u00A3"sv))
      return -1;
    if (p && p->type == kWord && (p->cls & fi::kLabelW) && !(p->cls & fi::kYearCue)) return -1;
    if (p && IsDash(k - 1) && Adj(k) && L(k - 2) && L(k - 2)->type == kNum) return -1;
    // What follows must not make it a count or a measure.
    if (nx && nx->type == kWord) {
      if (nx->cls & (fi::kUnitW | fi::kScale | fi::kPercentW | fi::kCurrencyW)) {
        if (!(nx->cls & (fi::kStop))) return -1;
      }
      if (nx->low == "percent"sv || nx->low == "per"sv) return -1;
      if (!cue && (yv < 1800 || yv > 2100)) return -1;
      if (!cue && !nx->upper && (nx->cls & fi::kPlural)) return -1;
      if (!cue && !nx->upper && !(nx->cls & fi::kStop) && nx->low.size() > 3 &&
          nx->low.back() == 's' && (yv < 1900 || yv > 2060) && nx->low.compare(nx->low.size() - 2, 2, "ss") != 0)
        return -1;
    } else if (!cue && (yv < 1800 || yv > 2100)) {
      return -1;
    }
    if (ranged_intro) b = i + 1;
    Emit(b, k + 1, FigureKind::kDate, Str(IsoDate(yv)), "", !mod.empty(), mod);
    return k + 1;
  }
}

int Scanner::TryTime(int i) {
  const Lex* a = L(i);
  if (!a || a->type != kNum) return -1;
  int h = -1, mi = 0, s = -1;
  int k = i + 1;
  bool colon = false;
  if (a->low.size() <= 2) {
    h = IntAt(i, 2);
  } else {
    // "2.15" lexes as one number: hour . minutes
    const std::string& t = a->low;
    size_t dot = t.find('.');
    if (dot != std::string::npos && dot <= 2 && t.size() - dot - 1 == 2 &&
        t.find_first_of(".,", dot + 1) == std::string::npos) {
      h = std::stoi(t.substr(0, dot));
      mi = std::stoi(t.substr(dot + 1));
    } else if (t.size() == 4 && t.find_first_of(".,") == std::string::npos) {
      // "1140 a.m." / "0730"
      h = std::stoi(t.substr(0, 2));
      mi = std::stoi(t.substr(2));
      if (!(L(k) && (Is(k, "am") || Is(k, "pm") || Is(k, "a") || Is(k, "p")))) h = -1;
    } else {
      return -1;
    }
  }
  if (h < 0 || h > 24 || mi > 59) return -1;
  if (IsSym(k, ":") && Adj(k) && L(k + 1) && L(k + 1)->type == kNum && Adj(k + 1) &&
      L(k + 1)->low.size() == 2) {
    mi = IntAt(k + 1, 2);
    if (mi < 0 || mi > 59) return -1;
    k += 2;
    colon = true;
    if (IsSym(k, ":") && Adj(k) && L(k + 1) && L(k + 1)->type == kNum && L(k + 1)->low.size() == 2) {
      s = IntAt(k + 1, 2);
      if (s > 59) return -1;
      k += 2;
    }
  }
  // am / pm / a.m. / p.m. / a . m .
  int ampm = 0;
  int e = k;
  const Lex* w = L(k);
  if (w && w->type == kWord) {
    if (w->low == "am"sv || w->low == "pm"sv) {
      ampm = w->low == "am"sv ? 1 : 2;
      e = k + 1;
    } else if ((w->low == "a"sv || w->low == "p"sv) && IsSym(k + 1, ".") && Is(k + 2, "m")) {
      ampm = w->low == "a"sv ? 1 : 2;
      e = k + 3;
      if (IsSym(e, ".")) {
        // Keep the final period only when it is not the sentence's full stop.
        const Lex* after = L(e + 1);
        if (after && !(after->type == kWord && after->upper)) ++e;
        else if (!after) ++e;
      }
    } else if (w->low == "oclock"sv ||
               (w->low == "o"sv && (IsSym(k + 1, "'") || IsSym(k + 1, "\u2019")) &&
                Is(k + 2, "clock"))) {
      e = w->low == "oclock"sv ? k + 1 : k + 3;
      ampm = 3;
    }
  }
  if (ampm == 0 && !colon) return -1;
  if (ampm == 0 && colon) {
    // "14:30" but not a score ("3:1") or a ratio; hour must be two-digit or minutes given.
    const Lex* p = L(i - 1);
    if (p && p->type == kNum) return -1;
    if (IsSym(i - 1, ":")) return -1;
  }
  if (ampm == 1 || ampm == 2) {
    if (h < 1 || h > 12) return -1;
    if (ampm == 1 && h == 12) h = 0;
    if (ampm == 2 && h != 12) h += 12;
  }
  if (h == 24) h = 0;
  char buf[40];
  if (s >= 0) std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, mi, s);
  else std::snprintf(buf, sizeof buf, "%02d:%02d", h, mi);
  int b = i;
  bool approx = false;
  int ab = -1;
  // "about 2pm", "around 10 a.m."
  for (int back = 1; back <= 3; ++back) {
    if (i - back >= 0 && MatchApprox(i - back) == i) ab = i - back;
  }
  if (ab >= 0) {
    b = ab;
    approx = true;
  }
  // Remove an already emitted figure overlapping (none expected).
  Emit(b, e, FigureKind::kTime, Str(buf), "", approx);
  return e;
}

// A counted noun phrase starting at j ("people", "cooperation documents").
int Scanner::CountedNoun(int j, std::u16string* counted) const {
  int k = j;
  int last_plural = -1;
  for (int n = 0; n < 4 && k < N(); ++n) {
    const Lex* w = L(k);
    if (!w || w->type != kWord) break;
    if (w->cls & (fi::kStop | fi::kMonth | fi::kDurationW | fi::kScale | fi::kPercentW |
                  fi::kCardinal | fi::kApproxW))
      break;
    if (w->upper && n > 0) break;
    if (w->upper && !(w->allcaps && w->low.size() <= 1)) {
      // Capitalised counted nouns only in headings/titles; keep out.
      break;
    }
    auto ends = [&](const char* suf) {
      size_t n = std::strlen(suf);
      return w->low.size() >= n && w->low.compare(w->low.size() - n, n, suf) == 0;
    };
    bool plural = (w->cls & fi::kPlural) || ends("children") || ends("people") ||
                  (ends("men") && w->low.size() >= 5) || ends("women") ||
                  (w->low.size() > 3 && w->low.back() == 's' &&
                   w->low.compare(w->low.size() - 2, 2, "ss") != 0 &&
                   w->low.compare(w->low.size() - 2, 2, "us") != 0 &&
                   w->low.compare(w->low.size() - 2, 2, "is") != 0);
    int next = k + 1;
    // Hyphenated compounds: "state-owned companies"
    while (IsSym(next, "-") && Adj(next) && L(next + 1) && L(next + 1)->type == kWord &&
           Adj(next + 1))
      next += 2;
    if (next > k + 1) {
      const Lex* lastw = L(next - 1);
      plural = lastw->low.size() > 3 && lastw->low.back() == 's';
    }
    if (plural) {
      last_plural = next;
      break;
    }
    k = next;
  }
  if (last_plural < 0) return -1;
  *counted = std::u16string(text_, lx_[j].b, lx_[last_plural - 1].e - lx_[j].b);
  return last_plural;
}

// Things that look like figures but are not: returns the end of the skipped
// cluster, or -1.
int Scanner::SkipNonFigure(int i) {
  const Lex* a = L(i);
  if (!a || a->type != kNum) return -1;
  // Glued to letters before: "G7", "MH370", "COVID-19", "F-16", "B2B".
  const Lex* p = L(i - 1);
  auto skip_cluster = [&](int k) {
    while (k < N() && Adj(k) && (L(k)->type != kSym || IsDash(k) || IsSym(k, "/") || IsSym(k, "."))) {
      if (L(k)->type == kSym && !(L(k + 1) && Adj(k + 1) && L(k + 1)->type != kSym)) break;
      ++k;
    }
    return k;
  };
  if (p && Adj(i) && p->type == kWord) {
    bool date_prefix = p->low == "mid"sv || p->low == "pre"sv || p->low == "post"sv;
    if (!date_prefix && !(p->low == "fy"sv || p->low == "q"sv) &&
        !(p->low == "rs"sv || p->low == "rp"sv || p->low == "rm"sv))
      return skip_cluster(i + 1);
  }
  if (p && Adj(i) && IsDash(i - 1) && L(i - 2) && L(i - 2)->type == kWord && Adj(i - 1)) {
    const Lex* w = L(i - 2);
    bool ok_prefix = w->low == "mid"sv || w->low == "pre"sv || w->low == "post"sv ||
                     (w->cls & (fi::kMonth | fi::kApproxW)) || w->low == "minus"sv;
    if (!ok_prefix) return skip_cluster(i + 1);
  }
  // Labels: "No. 10", "Section 230", "version 2.1", "Article 9", "#5".
  if (p && p->type == kWord && (p->cls & fi::kLabelW) &&
      (p->upper || p->low == "version"sv || p->low == "no"sv || p->low == "number"sv ||
       p->low == "v"sv)) {
    return skip_cluster(i + 1);
  }
  if (p && p->type == kSym && p->low == "."sv && L(i - 2) &&
      (L(i - 2)->low == "no"sv || L(i - 2)->low == "nos"sv)) {
    return skip_cluster(i + 1);
  }
  if (IsSym(i - 1, "#") && Adj(i)) return skip_cluster(i + 1);
  // Versions: "1.2.3" (ParseDigits rejects), "v2".
  // Phone numbers: "+1-222-2222", "(206) 555-1212", "138-2010-2015", "123-12-1234".
  {
    int k = i;
    int groups = 0, digits = 0;
    bool plus = IsSym(i - 1, "+") && Adj(i);
    bool paren = IsSym(i - 1, "(");
    int last = i;
    while (k < N() && L(k)->type == kNum) {
      const std::string& s = L(k)->low;
      if (s.find_first_of(".,") != std::string::npos && groups > 0) break;
      ++groups;
      digits += static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
      last = k;
      int sep = k + 1;
      if ((IsSym(sep, "-") || IsSym(sep, "/") || IsSym(sep, ")") || IsSym(sep, ".")) &&
          L(sep + 1) && L(sep + 1)->type == kNum &&
          (Adj(sep + 1) || IsSym(sep, ")")))
        k = sep + 1;
      else
        break;
    }
    if ((plus && groups >= 2) || (groups >= 3 && digits >= 8) ||
        (paren && groups >= 2 && digits >= 9) || (groups >= 4)) {
      return last + 1;
    }
  }
  // Match scores "2-0", "3–1" in a sports context (or followed by "win"/"victory").
  {
    int k = i + 1;
    if (IsDash(k) && Adj(k) && L(k + 1) && L(k + 1)->type == kNum && Adj(k + 1)) {
      int x = IntAt(i, 2), y = IntAt(k + 1, 2);
      if (x >= 0 && y >= 0) {
        const Lex* after = L(k + 2);
        bool unit_after = after && (after->type == kSym ? after->low == "%"sv :
                                    (after->cls & (fi::kPercentW | fi::kScale | fi::kUnitW |
                                                   fi::kDurationW | fi::kCurrencyW)) != 0);
        bool sports = false;
        for (int s = std::max(0, i - 12); s < std::min(N(), k + 6); ++s)
          if (L(s)->type == kWord && (L(s)->cls & fi::kSportsW)) sports = true;
        if (!unit_after && (sports || y < x || (y == 0))) return k + 2;
      }
    }
  }
  // Addresses: "10 Downing Street", "1600 Pennsylvania Avenue".
  {
    int k = i + 1;
    int caps = 0;
    while (L(k) && L(k)->type == kWord && L(k)->upper && caps < 3) {
      if (L(k)->cls & fi::kStreetW && caps > 0) return k + 1;
      ++caps;
      ++k;
    }
  }
  return -1;
}

int Scanner::TryOrdinalWord(int i) {
  const Lex* a = L(i);
  if (!a || a->type != kWord || !(a->cls & fi::kOrdinalW)) return -1;
  int v = t_.ordinal.at(a->low);
  // "a second", "one second", "30 seconds": durations, not ordinals.
  if (a->low == "second"sv) {
    const Lex* p = L(i - 1);
    if (p && (p->low == "a"sv || p->low == "per"sv || p->low == "one"sv || p->low == "split"sv ||
              p->type == kNum))
      return -1;
  }
  // "a third", "two thirds" are fractions (handled by numbers).
  const Lex* p = L(i - 1);
  if (p && (p->low == "a"sv || p->low == "an"sv) && t_.fraction.count(a->low)) {
    const Lex* nx = L(i + 1);
    if (!nx || nx->type != kWord || (nx->cls & fi::kStop) || nx->low == "of"sv) return -1;
  }
  // "Second World War"
  if (a->upper && Is(i + 1, "world") && Is(i + 2, "war")) return i + 3;
  // Discourse markers: "First, ...", "at first", "first of all", "firstly".
  if (SentenceStart(i) && IsSym(i + 1, ",")) return i + 1;
  if (Is(i - 1, "at") && a->low == "first"sv) return i + 1;
  if (a->low == "first"sv && Is(i + 1, "of") && Is(i + 2, "all")) return i + 3;
  Emit(i, i + 1, FigureKind::kOrdinal, Num(v), "", false);
  return i + 1;
}

int Scanner::TryNumeric(int i) {
  const Lex* first = L(i);
  int b = i;
  int k = i;
  bool approx = false;
  // Approximators.
  int ae = MatchApprox(k);
  if (ae > 0) {
    approx = true;
    k = ae;
  }
  // Currency before the number.
  std::string cur, cur_note;
  bool cur_assumed = false;
  double cur_factor = 1;
  bool negative = false;
  if (IsSym(k, "-") || IsSym(k, "\u2212")) {
    const Lex* n = L(k + 1);
    const Lex* p = L(k - 1);
    // A minus sign starts a word: "-5", "(-3.2)"; "5.25%-5.5%" is a range dash.
    if (n && n->type == kNum && Adj(k + 1) &&
        (!p || L(k)->sp || (p->type == kSym && (p->low == "("sv || p->low == "["sv)))) {
      if (!(p && p->type == kNum) && !(p && Adj(k) && p->type == kWord)) {
        negative = true;
        ++k;
      }
    }
  } else if (IsSym(k, "+") && L(k + 1) && L(k + 1)->type == kNum && Adj(k + 1) &&
             (L(k)->sp || k == 0) && !(L(k - 1) && L(k - 1)->type == kNum)) {
    // "+3.2%": the sign stays inside the span (a stated change).
    ++k;
  } else if (Is(k, "minus") || Is(k, "negative")) {
    const Lex* n = L(k + 1);
    if (n && (n->type == kNum || (n->cls & fi::kCardinal))) {
      negative = true;
      ++k;
    }
  }
  int ce = MatchCurrencyPrefix(k, &cur, &cur_assumed, &cur_note);
  if (ce > 0) {
    if (cur_note == "M prefix: millions"sv) cur_factor = 1e6, cur_note.clear();
    k = ce;
    if (!negative && (IsSym(k, "-") || IsSym(k, "\u2212")) && L(k + 1) && L(k + 1)->type == kNum &&
        Adj(k + 1)) {
      negative = true;
      ++k;
    }
  }
  const Lex* nl = L(k);
  if (!nl) return -1;
  if (nl->type == kNum && ce < 0) {
    int skip = SkipNonFigure(k);
    if (skip > 0) return approx ? -1 : skip;
  }
  NumMatch m = ParseNumber(k, ce > 0);
  if (!m.ok) return m.note == "code"sv && ce < 0 && !approx && !negative ? m.end : -1;
  // "7-Eleven": a number joined to a capitalised word is part of a name.
  if (!m.word && IsSym(m.end, "-") && Adj(m.end) && L(m.end + 1) && Adj(m.end + 1) &&
      L(m.end + 1)->type == kWord && L(m.end + 1)->upper &&
      !(L(m.end + 1)->cls & (fi::kDurationW | fi::kUnitW | fi::kCurrencyW | fi::kScale)))
    return ce < 0 && !approx ? m.end + 2 : -1;
  // A number before a capitalised unit or currency word inside a sentence is a
  // name ("50 Cent", "5 Seconds of Summer").
  if (ctx_.english && !m.word && ce < 0 && !approx && L(m.end) && L(m.end)->type == kWord &&
      L(m.end)->upper && !L(m.end)->allcaps && !SentenceStart(k) &&
      (L(m.end)->cls & (fi::kCurrencyW | fi::kUnitW | fi::kDurationW)) &&
      !(L(m.end)->cls & fi::kMonth) && L(m.end)->low != "celsius"sv &&
      L(m.end)->low != "fahrenheit"sv)
    return m.end + 1;
  // A capitalised number word inside a sentence is a name ("Ocean's Eleven",
  // "the Big Four"), unless a figure follows it.
  if (ctx_.english && m.word && !approx && ce < 0 && L(k)->upper && !SentenceStart(k) &&
      !(L(m.end) && !L(m.end)->upper &&
        (L(m.end)->cls & (fi::kDurationW | fi::kUnitW | fi::kCurrencyW | fi::kPercentW))))
    return m.end;
  // Word numbers: "one" on its own is not a figure, nor "one-China".
  if (m.word && !m.scaled && !m.fraction && (IsSym(m.end, "-") && Adj(m.end) && L(m.end + 1) &&
                                             L(m.end + 1)->upper && Adj(m.end + 1)))
    return m.end + 2;
  int e = m.end;
  double v = m.v;
  if (negative) v = -v;
  FigureValue value = m.valued ? Num(v) : FigureValue{};
  std::string note = m.note;
  // ----- Money (currency before).
  if (ce > 0) {
    // "75 USD million"-style scale after the code is handled in the suffix path.
    std::string code2, note2;
    bool as2 = false;
    double f2 = 1;
    int se = MatchCurrencySuffix(e, &code2, &as2, &f2, &note2, m.scaled);
    if (se > 0 && (code2 == cur) && !(L(e) && L(e)->type == kSym)) e = se;  // "US$5 dollars"
    if (m.valued) value = Num(v * cur_factor);
    if (!cur_note.empty()) note = note.empty() ? cur_note : note + "; " + cur_note;
    // Range "$5-10 million", "$5 to $10"
    if (IsDash(e) && Adj(e) && L(e + 1) && L(e + 1)->type == kNum && Adj(e + 1)) {
      NumMatch m2 = ParseNumber(e + 1, true);
      if (m2.ok && m2.valued && m.valued) {
        double lo = v, hi = m2.v;
        if (m2.scaled && !m.scaled) {
          const Lex* sl = L(m2.end - 1);
          auto it = t_.scale.find(sl->low);
          if (it != t_.scale.end()) lo *= it->second;
          else if (RawOf(sl) == "m"sv || RawOf(sl) == "M"sv) lo *= 1e6;
          else if (RawOf(sl) == "b"sv || RawOf(sl) == "B"sv) lo *= 1e9;
        }
        FigureValue r;
        r.type = FigureValue::Type::kNumberRange;
        r.lo = lo * cur_factor;
        r.hi = hi * cur_factor;
        Emit(b, m2.end, FigureKind::kMoney, r, cur, approx, note);
        return m2.end;
      }
    }
    Emit(b, e, FigureKind::kMoney, value, cur, approx, note);
    return e;
  }
  // ----- Ordinal digits: "21st", "100th".
  if (!m.word && m.integer && !m.scaled && L(e) && L(e)->type == kWord && Adj(e) &&
      (Is(e, "st") || Is(e, "nd") || Is(e, "rd") || Is(e, "th"))) {
    // "the 15th century"
    if (Is(e + 1, "century") || Is(e + 1, "centuries")) {
      int c = static_cast<int>(m.v);
      Emit(b, e + 2, FigureKind::kDate,
           StrRange(IsoDate(std::max(1, (c - 1) * 100)), IsoDate(c * 100 - 1)), "century", approx,
           "century");
      return e + 2;
    }
    Emit(b, e + 1, FigureKind::kOrdinal, value, "", approx, note);
    return e + 1;
  }
  if (m.ordinal) {
    Emit(b, e, FigureKind::kOrdinal, value, "", approx, note);
    return e;
  }
  // ----- Currency after: "5 million yuan", "100 €", "115.5USD", "75 USD million".
  {
    std::string code, cnote;
    bool assumed = false;
    double factor = 1;
    int se = MatchCurrencySuffix(e, &code, &assumed, &factor, &cnote, m.scaled);
    if (se > 0 && !(L(e)->type == kWord && L(e)->low == "p"sv && !Adj(e))) {
      double scale2 = 1;
      // "75 USD million"
      if (L(se) && L(se)->type == kWord) {
        auto it = t_.scale.find(L(se)->low);
        if (it != t_.scale.end() && it->second >= 1000 && L(se)->low.back() != 's') {
          scale2 = it->second;
          ++se;
        }
      }
      double total = v * factor * scale2;
      // "15 dollars 50", "15 dollars and 50 cents"
      if ((code == "USD"sv || code == ctx_.dollar) && factor == 1 && m.integer &&
          L(e)->type == kWord) {
        int k2 = se;
        if (Is(k2, "and")) ++k2;
        NumMatch c = ParseNumber(k2, false);
        if (c.ok && c.valued && c.integer && c.v < 100 && L(k2) &&
            (L(k2)->type == kNum || c.word)) {
          int ce2 = c.end;
          if (Is(ce2, "cents") || Is(ce2, "cent")) ++ce2;
          else if (!(L(ce2) == nullptr || IsSym(ce2, ".") || IsSym(ce2, ",") || IsSym(ce2, ";")))
            ce2 = -1;
          if (ce2 > 0 && !(L(c.end) && L(c.end)->type == kWord && (L(c.end)->cls & fi::kUnitW))) {
            total += c.v / 100.0;
            se = ce2;
          }
        }
      }
      FigureValue fv = m.valued && std::isfinite(total) ? Num(total) : FigureValue{};
      if (!cnote.empty()) note = note.empty() ? cnote : note + "; " + cnote;
      Emit(b, se, FigureKind::kMoney, fv, code, approx, note);
      return se;
    }
    // "one-yen", "5-dollar"
    if (IsSym(e, "-") && Adj(e) && Adj(e + 1)) {
      int se2 = MatchCurrencySuffix(e + 1, &code, &assumed, &factor, &cnote, true);
      if (se2 > 0 && !code.empty()) {
        Emit(b, se2, FigureKind::kMoney, m.valued ? Num(v * factor) : FigureValue{}, code, approx,
             cnote);
        return se2;
      }
    }
  }
  // ----- Percent: "12%", "12 percent", "12 per cent", "12pc", "2 percentage points".
  {
    const Lex* s = L(e);
    int pe = -1;
    std::string unit = "percent";
    if (s && s->type == kSym && (s->low == "%"sv || s->low == "\uFF05"sv || s->low == "\u066A"sv))
      pe = e + 1;
    else if (s && s->type == kWord) {
      if (s->low == "percent"sv || s->low == "pct"sv || s->low == "percents"sv ||
          (s->low == "percentage"sv && !Is(e + 1, "point") && !Is(e + 1, "points")) ||
          (s->low == "pc"sv && (Adj(e) || true)))
        pe = e + 1;
      else if (s->low == "per"sv && (Is(e + 1, "cent") || Is(e + 1, "centum")))
        pe = e + 2;
      else if (s->low == "percentage"sv && (Is(e + 1, "point") || Is(e + 1, "points"))) {
        pe = e + 2;
        unit = "percentage point";
      } else if (s->low == "basis"sv && (Is(e + 1, "points") || Is(e + 1, "point"))) {
        pe = e + 2;
        unit = "basis point";
      } else if (s->low == "bps"sv || s->low == "bp"sv) {
        pe = e + 1;
        unit = "basis point";
      }
    }
    if (pe > 0) {
      // "5-10%" range
      FigureValue fv = value;
      int start = b;
      Emit(start, pe, FigureKind::kPercent, fv, unit, approx, note);
      return pe;
    }
    // Compact range "5-10%", "40-50 years": number - number unit
    if (IsDash(e) && L(e + 1) && L(e + 1)->type == kNum && m.valued && !m.word &&
        Adj(e) == Adj(e + 1)) {
      NumMatch m2 = ParseNumber(e + 1, false);
      if (m2.ok && m2.valued && m2.v > v) {
        const Lex* s2 = L(m2.end);
        std::string u2;
        FigureKind kk = FigureKind::kNumber;
        int re = -1;
        if (s2 && s2->type == kSym && s2->low == "%"sv) {
          u2 = "percent";
          kk = FigureKind::kPercent;
          re = m2.end + 1;
        } else if (s2 && (s2->low == "percent"sv || s2->low == "pc"sv)) {
          u2 = "percent";
          kk = FigureKind::kPercent;
          re = m2.end + 1;
        } else if (s2 && s2->low == "per"sv && Is(m2.end + 1, "cent")) {
          u2 = "percent";
          kk = FigureKind::kPercent;
          re = m2.end + 2;
        } else if (s2 && s2->type == kWord && (s2->cls & fi::kDurationW) &&
                   t_.duration.count(s2->low) && s2->low != "h"sv) {
          u2 = t_.duration.at(s2->low);
          kk = FigureKind::kDuration;
          re = m2.end + 1;
          if (Is(re, "old")) kk = FigureKind::kQuantity, ++re;
        } else {
          int ue = MatchUnit(m2.end, &u2);
          if (ue > 0) {
            kk = FigureKind::kQuantity;
            re = ue;
          }
        }
        if (re > 0) {
          double lo = v;
          if (m2.scaled && !m.scaled) {
            auto it = t_.scale.find(L(m2.end - 1)->low);
            if (it != t_.scale.end()) lo *= it->second;
          }
          FigureValue r;
          r.type = FigureValue::Type::kNumberRange;
          r.lo = lo;
          r.hi = m2.v;
          Emit(b, re, kk, r, u2, approx, note);
          return re;
        }
      }
    }
  }
  // ----- Times handled by TryTime; durations: "two months", "80 years", "four-day", "3.5years".
  {
    int k2 = e;
    bool hyphen = false;
    if (IsSym(k2, "-") && Adj(k2) && Adj(k2 + 1)) {
      hyphen = true;
      ++k2;
    }
    const Lex* s = L(k2);
    if (s && s->type == kWord && (s->cls & fi::kDurationW) && t_.duration.count(s->low) &&
        !(s->low == "h"sv && !Adj(k2)) && !(s->low == "second"sv && !hyphen && m.v != 1)) {
      std::string unit = t_.duration.at(s->low);
      int de = k2 + 1;
      // "five years old", "90 day old", "29-year-old" -> age (quantity)
      if (Is(de, "old") || (IsSym(de, "-") && Is(de + 1, "old"))) {
        de = Is(de, "old") ? de + 1 : de + 2;
        Emit(b, de, FigureKind::kQuantity, value, unit, approx, note, u"age");
        return de;
      }
      if (Is(de, "of") && Is(de + 1, "age")) {
        Emit(b, de + 2, FigureKind::kQuantity, value, unit, approx, note, u"age");
        return de + 2;
      }
      if (false) {
        Emit(b, de + 2, FigureKind::kQuantity, value, unit, approx, note, u"age");
        return de + 2;
      }
      if (Is(de, "ago")) {
        note = note.empty() ? "ago" : note + "; ago";
        ++de;
      }
      // "1 hour and 30 minutes"
      Emit(b, de, FigureKind::kDuration, value, unit, approx, note);
      return de;
    }
    // Units of measure: "3.5 tonnes", "six-mile", "68-ounce", "24703m2", "100 MB".
    std::string unit;
    int ue = MatchUnit(k2, &unit);
    if (ue > 0) {
      const Lex* u = L(k2);
      bool ok = true;
      // Short units written apart must not be ordinary words: "in", "a", "m" ...
      if (u->type == kWord && u->low.size() <= 2 && !Adj(k2) && !(u->allcaps) &&
          (u->low == "m"sv || u->low == "t"sv || u->low == "g"sv || u->low == "l"sv ||
           u->low == "w"sv || u->low == "ha"sv || u->low == "mu"sv || u->low == "c"sv ||
           u->low == "f"sv))
        ok = false;
      if (u->type == kWord && (u->low == "degree"sv || u->low == "degrees"sv) &&
          Is(ue, "angle"))
        ok = false;
      if (u->low == "pounds"sv || u->low == "pound"sv) ok = true;
      if (ok) {
        // "5 feet and 2 inches", "5 ft 2 in": combine feet and inches.
        double total = v;
        int fe = ue;
        if (unit == "foot"sv) {
          int k3 = fe;
          if (Is(k3, "and")) ++k3;
          if (L(k3) && L(k3)->type == kNum) {
            NumMatch in = ParseNumber(k3, false);
            if (in.ok && in.valued && in.v < 12 &&
                (Is(in.end, "in") || Is(in.end, "inch") || Is(in.end, "inches"))) {
              total += in.v / 12.0;
              fe = in.end + 1;
            }
          }
        }
        Emit(b, fe, FigureKind::kQuantity, m.valued ? Num(total) : FigureValue{}, unit, approx,
             note);
        return fe;
      }
    }
    // "pounds" without a money context: a weight.
    if (s && s->type == kWord && (s->low == "pounds"sv || s->low == "pound"sv) && !hyphen) {
      Emit(b, k2 + 1, FigureKind::kQuantity, value, "pound", approx, note);
      return k2 + 1;
    }
  }
  // ----- "a quarter of a percentage point", "half a percentage point".
  if (m.fraction && !m.scaled) {
    int k2 = e;
    if (Is(k2, "of")) ++k2;
    if (Is(k2, "a") || Is(k2, "one")) ++k2;
    if (Is(k2, "percentage") && (Is(k2 + 1, "point") || Is(k2 + 1, "points"))) {
      Emit(b, k2 + 2, FigureKind::kPercent, m.valued ? Num(m.v) : FigureValue{},
           "percentage point", approx, note);
      return k2 + 2;
    }
  }
  // ----- Proportions: "one in five", "1 in 10" -> percent.
  if (m.valued && m.integer && !m.scaled && !m.fraction && m.v >= 1 && Is(e, "in")) {
    NumMatch d = ParseNumber(e + 1, false);
    const Lex* dl = L(e + 1);
    if (d.ok && d.valued && d.integer && d.v > m.v && d.v <= 1000 && !d.scaled && dl &&
        (dl->type == kNum ? !(Year4(e + 1) >= 1000) : true)) {
      Emit(b, d.end, FigureKind::kPercent, Num(m.v / d.v * 100.0), "percent", approx,
           "proportion: one in N");
      return d.end;
    }
  }
  // ----- Fractions of a whole: "a third", "nearly half", "three quarters" -> percent.
  if (m.fraction && !m.scaled) {
    FigureValue fv = m.valued ? Num(m.v * 100.0) : FigureValue{};
    Emit(b, e, FigureKind::kPercent, fv, "percent", approx,
         std::string("fraction of a whole") + (note.empty() ? "" : "; " + note));
    return e;
  }
  // ----- Quantities with the thing counted: "about 200 people", "15 cooperation documents".
  {
    std::u16string counted;
    int qe = CountedNoun(e, &counted);
    bool single = m.valued && v == 1;
    if (qe > 0 && !single && !(m.word && !m.scaled && m.v == 1)) {
      // A bare "one" never counts.
      // Skip a label-like capitalised word before the number ("Apollo 11 missions").
      const Lex* p = L(b - 1);
      bool label = p && p->type == kWord && p->upper && !(p->cls & (fi::kStop | fi::kApproxW |
                                                                    fi::kYearCue | fi::kMonth)) &&
                   !(p->cls & fi::kRise) && !(p->cls & fi::kFall) && !approx && !m.word &&
                   !(lx_[b].b == 0);
      if (!label) {
        Emit(b, qe, FigureKind::kQuantity, value, "", approx, note, counted);
        return qe;
      }
    }
  }
  // ----- A number glued to letters after it is a code ("24703L202", "5G", "3D").
  if (!m.word && L(e) && Adj(e) && L(e)->type == kWord && !(Is(e, "yo") || Is(e, "y"))) {
    int k2 = e;
    while (k2 < N() && Adj(k2) && L(k2)->type != kSym) ++k2;
    return k2;
  }
  // ----- Ages: "87 yo", "age 87".
  if (!m.word && m.valued && m.integer && m.v < 130 && (Is(e, "yo") || (Is(e, "y") && IsSym(e + 1, ".") &&
                                                                      Is(e + 2, "o")))) {
    int ye = Is(e, "yo") ? e + 1 : e + 3;
    if (IsSym(ye, ".") && Adj(ye) && Is(e, "y")) ++ye;
    Emit(b, ye, FigureKind::kQuantity, value, "year", approx, note, u"age");
    return ye;
  }
  if (!m.word && m.valued && m.integer && m.v < 130 && Is(b - 1, "age") && !approx) {
    Emit(b - 1, e, FigureKind::kQuantity, value, "year", false, note, u"age");
    return e;
  }
  // ----- Plain numbers.
  if (m.word && !m.scaled && !m.fraction) {
    // Spelled numbers: "one" alone is a pronoun more often than a figure.
    if (m.v == 1 && !approx) return -1;
    if (m.v == 0 && first->low == "nought"sv) return -1;
  }
  // Names containing numbers: "Apollo 11", "Section 230", "Beijing 2022".
  {
    const Lex* p = L(b - 1);
    if (!m.word && !approx && p && p->type == kWord && (p->upper || !p->raw.empty()) &&
        lx_[b].b > 0 && text_[lx_[b].b - 1] == ' ' &&
        !(p->cls & (fi::kStop | fi::kApproxW | fi::kYearCue | fi::kMonth | fi::kRise | fi::kFall |
                    fi::kCardinal))) {
      return e;  // a label, not a figure
    }
  }
  // Accounts: "(96.4)" in a table cell is a negative amount.
  if ((kind_ == ParagraphKind::kTableCell || HasTab()) &&
      IsSym(b - 1, "(") && IsSym(e, ")") && m.valued &&
      !m.word) {
    Emit(b - 1, e + 1, FigureKind::kNumber, Num(-v), "", approx,
         "accounts: parentheses mark a negative amount");
    return e + 1;
  }
  Emit(b, e, FigureKind::kNumber, value, "", approx, note);
  return e;
}

std::vector<Figure> Scanner::Run() {
  const int n = N();
  int i = 0;
  while (i < n) {
    const Lex& l = lx_[i];
    int next = -1;
    // URLs and e-mail addresses hold no figures: skip to the next space.
    if ((l.type == kWord && (l.low == "http"sv || l.low == "https"sv || l.low == "www"sv ||
                             l.low == "ftp"sv) && Adj(i + 1) && L(i + 1)->type == kSym) ||
        (i + 1 < n && lx_[i + 1].type == kSym && lx_[i + 1].low == "@"sv && Adj(i + 1) &&
         Adj(i + 2))) {
      ++i;
      while (i < n && !lx_[i].sp) ++i;
      continue;
    }
    bool candidate = false;
    if (l.type == kNum) {
      candidate = true;
    } else if (l.type == kWord) {
      constexpr uint32_t kOpeners = fi::kCardinal | fi::kOrdinalW | fi::kMonth | fi::kWeekday |
                                    fi::kApproxW | fi::kDateMod | fi::kRelDay | fi::kFractionW |
                                    fi::kCurrencyW | fi::kTrigger;
      candidate = (l.cls & kOpeners) != 0 || (l.allcaps && l.e - l.b >= 2);
      if (candidate && (l.cls & (fi::kTrigger | fi::kApproxW)) &&
          !(l.cls & (fi::kCardinal | fi::kMonth | fi::kFractionW | fi::kDateMod | fi::kCurrencyW))) {
        // Openers that need a figure right after them ("a dozen", "from 2014", "about 200").
        candidate = false;
        for (int k = i + 1; k < std::min(n, i + 5) && !candidate; ++k) {
          const Lex& m = lx_[k];
          if (m.type == kNum) {
            candidate = true;
          } else if (m.type == kSym) {
            char16_t ch = text_[m.b];
            candidate = ch == '$' || ch == '-' || ch == 0x2212 || ch == 0x2019 || ch == '\'' ||
                        u_charType(ch) == U_CURRENCY_SYMBOL ||
                        (ch >= 0xBC && u_getNumericValue(ch) != U_NO_NUMERIC_VALUE);
          }
          else if (m.type == kWord && (m.cls & (fi::kCardinal | fi::kScale | fi::kFractionW |
                                                fi::kMonth | fi::kWeekday | fi::kCurrencyW)))
            candidate = true;
        }
      }
    } else {
      const char16_t ch = text_[l.b];
      candidate = ch == '$' || ch == '-' || ch == '+' || ch == 0x2212 || ch == '\'' || ch == 0x2019 ||
                  ch == 0x00B0 || u_charType(ch) == U_CURRENCY_SYMBOL ||
                  (ch >= 0xBC && u_getNumericValue(ch) != U_NO_NUMERIC_VALUE);
    }
    // "at noon", "by midnight".
    if (l.type == kWord && (l.low == "noon"sv || l.low == "midnight"sv) && i > 0 &&
        lx_[i - 1].type == kWord &&
        (lx_[i - 1].low == "at"sv || lx_[i - 1].low == "by"sv || lx_[i - 1].low == "until"sv ||
         lx_[i - 1].low == "before"sv || lx_[i - 1].low == "after"sv ||
         lx_[i - 1].low == "from"sv || lx_[i - 1].low == "to"sv || lx_[i - 1].low == "around"sv ||
         lx_[i - 1].low == "about"sv || lx_[i - 1].low == "till"sv)) {
      Emit(i, i + 1, FigureKind::kTime, Str(l.low == "noon"sv ? "12:00" : "00:00"), "", false);
      ++i;
      continue;
    }
    // "year-long", "month-long": a duration of one unit.
    if (l.type == kWord && (l.cls & fi::kDurationW) && IsSym(i + 1, "-") && Adj(i + 1) &&
        Is(i + 2, "long") && Adj(i + 2) && t_.duration.count(l.low)) {
      Emit(i, i + 3, FigureKind::kDuration, Num(1), t_.duration.at(l.low), false);
      i += 3;
      continue;
    }
    if (!candidate) {
      ++i;
      continue;
    }
    if (l.type == kSym) {
      next = TryNumeric(i);
      if (next < 0 && (l.low == "'"sv || l.low == "\u2019"sv)) next = TryDate(i + 1);
      i = next > i ? next : i + 1;
      continue;
    }
    next = TryDate(i);
    if (next < 0) next = TryTime(i);
    if (next < 0) next = TryNumeric(i);
    if (next < 0) next = TryOrdinalWord(i);
    i = next > i ? next : i + 1;
  }
  return std::move(out_);
}

// ------------------------------------------------------------------ relations

// Rounds away binary noise (272.9 * 1e9 = 272899999999.99997) by going through
// 15 significant decimal digits; std::to_chars/from_chars ignore the C locale
// (a host application such as LibreOffice may have set a decimal comma).
double CleanValue(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
  if (res.ec != std::errc()) return v;
  double out = v;
  std::from_chars(buf, res.ptr, out);
  return out;
}

bool CarriesUnit(const Figure& f) {
  return f.kind == FigureKind::kMoney || f.kind == FigureKind::kPercent ||
         f.kind == FigureKind::kQuantity || f.kind == FigureKind::kDuration;
}

bool SameMeasure(const Figure& a, const Figure& b) {
  return a.kind == b.kind && a.unit == b.unit;
}

bool Valued(const Figure& f) {
  return f.kind == FigureKind::kMoney || f.kind == FigureKind::kPercent ||
         f.kind == FigureKind::kQuantity || f.kind == FigureKind::kNumber;
}

// Same measure, or a bare number standing for the other's measure
// ("12,000 employees, up from 10,500").
bool Compatible(const Figure& a, const Figure& b) {
  if (SameMeasure(a, b)) return true;
  bool bare_a = a.kind == FigureKind::kNumber && a.unit.empty();
  bool bare_b = b.kind == FigureKind::kNumber && b.unit.empty();
  return (bare_a && Valued(b)) || (bare_b && Valued(a));
}

void FindRelations(const Document& doc, Report* report, const Tables& t) {
  auto& figs = report->figures;
  auto word_between = [&](const Figure& a, const Figure& b) -> std::u16string {
    if (a.span.paragraph != b.span.paragraph || a.span.end > b.span.begin) return u"";
    const std::u16string& txt = doc.paragraphs[a.span.paragraph].text;
    return txt.substr(a.span.end, b.span.begin - a.span.end);
  };
  auto lower = [](std::u16string s) {
    for (auto& c : s) c = static_cast<char16_t>(u_tolower(c));
    return s;
  };
  auto words_of = [&](const std::u16string& s) {
    std::vector<std::string> w;
    std::string cur;
    for (char16_t c : s) {
      if (u_isalpha(c)) cur += static_cast<char>(c < 128 ? c : '?');
      else if (!cur.empty()) w.push_back(cur), cur.clear();
    }
    if (!cur.empty()) w.push_back(cur);
    return w;
  };
  auto direction_of = [&](const std::vector<std::string>& ws) {
    for (const auto& w : ws) {
      auto it = t.cls.find(w);
      if (it == t.cls.end()) continue;
      if (it->second & fi::kRise) return 1;
      if (it->second & fi::kFall) return -1;
    }
    return 0;
  };
  auto text_before = [&](const Figure& f, int n) -> std::u16string {
    const std::u16string& txt = doc.paragraphs[f.span.paragraph].text;
    int b = std::max(0, f.span.begin - n);
    if (report->text.paragraphs.size() == doc.paragraphs.size()) {
      const ParagraphText& pt = report->text.paragraphs[f.span.paragraph];
      int32_t si = SentenceAt(pt, f.span.begin);
      if (si >= 0) b = std::max(b, static_cast<int>(pt.sentences[si].begin));
    }
    return txt.substr(b, f.span.begin - b);
  };
  const int nf = static_cast<int>(figs.size());
  for (int a = 0; a + 1 < nf; ++a) {
    const Figure& fa = figs[a];
    const Figure& fb = figs[a + 1];
    if (fa.span.paragraph != fb.span.paragraph) continue;
    std::u16string between = lower(word_between(fa, fb));
    std::vector<std::string> bw = words_of(between);
    if (between.size() > 40) continue;
    std::u16string before = lower(text_before(fa, 12));
    std::vector<std::string> pw = words_of(before);
    std::string last_before = pw.empty() ? "" : pw.back();
    bool just_and = bw.size() == 1 && bw[0] == "and"sv;
    bool just_to = bw.size() == 1 && (bw[0] == "to"sv || bw[0] == "and"sv);
    // "between 5 and 10": a range.
    if (last_before == "between"sv && just_and) {
      FigureRelation r;
      r.kind = FigureRelation::Kind::kRange;
      r.from = a;
      r.to = a + 1;
      report->figure_relations.push_back(r);
      // A bare lower end takes the upper end's unit ("between 5 and 10 percent").
      if (figs[a].kind == FigureKind::kNumber && CarriesUnit(figs[a + 1])) {
        figs[a].kind = figs[a + 1].kind;
        figs[a].unit = figs[a + 1].unit;
        figs[a].counted = figs[a + 1].counted;
        figs[a].note = "unit carried from the range's upper end";
      }
      continue;
    }
    // "3 to 4 percent", "3 or 4 percent", "40 to 50 people": a range whose bare
    // lower end takes the upper end's measure.
    if (last_before != "from"sv && last_before != "between"sv && bw.size() == 1 &&
        (bw[0] == "to"sv || bw[0] == "or"sv) && fa.kind == FigureKind::kNumber && fa.unit.empty() &&
        CarriesUnit(fb) && between.find(u',') == std::u16string::npos &&
        fa.value.type == FigureValue::Type::kNumber && fb.value.type == FigureValue::Type::kNumber &&
        fa.value.lo < fb.value.lo) {
      FigureRelation r;
      r.kind = FigureRelation::Kind::kRange;
      r.from = a;
      r.to = a + 1;
      figs[a].kind = fb.kind;
      figs[a].unit = fb.unit;
      figs[a].counted = fb.counted;
      figs[a].note = "unit carried from the range's upper end";
      report->figure_relations.push_back(r);
      continue;
    }
    // "dropped 8% to £1.2bn from £1.3bn", "grew by 2 million to 68 million":
    // a change to Y of stated size D (from X when it follows).
    if (last_before != "from"sv && last_before != "between"sv && bw.size() == 1 &&
        bw[0] == "to"sv && Valued(fa) && Valued(fb)) {
      std::vector<std::string> ww = words_of(lower(text_before(fa, 40)));
      int dir = direction_of(ww);
      if (dir != 0) {
        FigureRelation r;
        r.kind = FigureRelation::Kind::kChange;
        r.delta = a;
        r.to = a + 1;
        r.direction = dir;
        if (a + 2 < nf && figs[a + 2].span.paragraph == fb.span.paragraph) {
          std::vector<std::string> g2 = words_of(lower(word_between(fb, figs[a + 2])));
          if (g2.size() == 1 && g2[0] == "from"sv && Compatible(fb, figs[a + 2])) r.from = a + 2;
        }
        report->figure_relations.push_back(r);
        continue;
      }
    }
    // "from X to Y": a change (direction from the verb, else from the values).
    if (last_before == "from"sv && just_to && bw[0] == "to"sv) {
      FigureRelation r;
      r.kind = FigureRelation::Kind::kChange;
      r.from = a;
      r.to = a + 1;
      if (figs[a].kind == FigureKind::kNumber && CarriesUnit(figs[a + 1])) {
        figs[a].kind = figs[a + 1].kind;
        figs[a].unit = figs[a + 1].unit;
        figs[a].counted = figs[a + 1].counted;
        figs[a].note = "unit carried from the change's end";
      }
      std::u16string wide = lower(text_before(fa, 60));
      std::vector<std::string> ww = words_of(wide);
      r.direction = direction_of(ww);
      // The stated size: a percent or amount just before "from" ("rose 15 percent from").
      if (a > 0 && figs[a - 1].span.paragraph == fa.span.paragraph) {
        std::u16string gap = lower(word_between(figs[a - 1], fa));
        std::vector<std::string> gw = words_of(gap);
        if (gap.size() < 20 && !gw.empty() && gw.back() == "from"sv &&
            figs[a - 1].kind != FigureKind::kDate) {
          r.delta = a - 1;
          int d2 = direction_of(gw);
          if (d2) r.direction = d2;
        }
      }
      if (r.direction == 0 && figs[a].value.type == FigureValue::Type::kNumber &&
          figs[a + 1].value.type == FigureValue::Type::kNumber && Compatible(figs[a], figs[a + 1]))
        r.direction = figs[a + 1].value.lo > figs[a].value.lo ? 1 :
                      figs[a + 1].value.lo < figs[a].value.lo ? -1 : 0;
      report->figure_relations.push_back(r);
      continue;
    }
  }
  // "rose to 1,234 on Tuesday from 1,100": a change from X to Y, the words
  // between Y and "from" allowed (a date, "a day earlier").
  for (int y = 0; y + 1 < nf; ++y) {
    const Figure& fy = figs[y];
    if (!Valued(fy)) continue;
    std::vector<std::string> pre = words_of(lower(text_before(fy, 40)));
    if (pre.empty() || pre.back() != "to"sv) continue;
    int dir = direction_of(pre);
    if (dir == 0) continue;
    int x = -1;
    for (int c = y + 1; c < nf && c <= y + 2; ++c) {
      if (figs[c].span.paragraph != fy.span.paragraph) break;
      if (!Valued(figs[c])) continue;
      std::vector<std::string> gw = words_of(lower(word_between(fy, figs[c])));
      if (!gw.empty() && gw.back() == "from"sv && gw.size() <= 6 && Compatible(fy, figs[c])) x = c;
      break;
    }
    if (x < 0) continue;
    bool dup = false;
    for (const auto& r : report->figure_relations)
      if (r.to == y && r.kind == FigureRelation::Kind::kChange) dup = true;
    if (dup) continue;
    FigureRelation r;
    r.kind = FigureRelation::Kind::kChange;
    r.from = x;
    r.to = y;
    r.direction = dir;
    // The stated size: the nearest earlier amount, dates between allowed
    // ("rose 12 percent last year, to €4.48 billion").
    for (int c = y - 1; c >= 0 && c >= y - 3 && figs[c].span.paragraph == fy.span.paragraph; --c) {
      if (figs[c].kind == FigureKind::kDate || figs[c].kind == FigureKind::kTime) continue;
      if (!Valued(figs[c])) break;
      std::vector<std::string> g0 = words_of(lower(word_between(figs[c], fy)));
      if (!g0.empty() && g0.back() == "to"sv && g0.size() <= 5) r.delta = c;
      break;
    }
    if (figs[x].kind == FigureKind::kNumber && figs[x].unit.empty() && fy.kind != FigureKind::kNumber) {
      figs[x].kind = fy.kind;
      figs[x].unit = fy.unit;
      if (figs[x].note.empty()) figs[x].note = "unit carried from the change's end";
    }
    report->figure_relations.push_back(r);
  }
  // "X ..., (only) 12 percent up from (the) Y": to = X, delta = 12 percent, from = Y.
  for (int d = 1; d + 1 < nf; ++d) {
    const Figure& fd = figs[d];
    if (fd.kind != FigureKind::kPercent && fd.kind != FigureKind::kMoney &&
        fd.kind != FigureKind::kNumber && fd.kind != FigureKind::kQuantity)
      continue;
    int y = d + 1;
    if (figs[y].span.paragraph != fd.span.paragraph) continue;
    std::u16string gap = lower(word_between(fd, figs[y]));
    std::vector<std::string> gw = words_of(gap);
    if (gap.size() > 25 || gw.empty()) continue;
    bool has_from = false;
    for (const auto& w : gw)
      if (w == "from"sv || w == "on"sv || w == "than"sv) has_from = true;
    if (!has_from) continue;
    int dir = direction_of(gw);
    if (dir == 0) continue;
    // Already recorded as "from X to Y"?
    bool dup = false;
    for (const auto& r : report->figure_relations)
      if (r.from == y || r.delta == d) dup = true;
    if (dup) continue;
    // The figure the change leads to: the nearest earlier one of the same measure
    // in the same paragraph.
    if (!Valued(figs[y])) continue;
    int x = -1;
    for (int c = d - 1; c >= 0 && figs[c].span.paragraph == fd.span.paragraph; --c) {
      if (SameMeasure(figs[c], figs[y])) {
        x = c;
        break;
      }
    }
    FigureRelation r;
    r.from = y;
    r.direction = dir;
    if (x >= 0 && !(Compatible(fd, figs[y]))) {
      r.kind = FigureRelation::Kind::kChange;
      r.to = x;
      r.delta = d;
    } else if (Compatible(fd, figs[y])) {
      if (figs[y].kind == FigureKind::kNumber && figs[y].unit.empty() && fd.kind != FigureKind::kNumber) {
        figs[y].kind = fd.kind;
        figs[y].unit = fd.unit;
        if (figs[y].note.empty()) figs[y].note = "unit carried from the figure it is compared with";
      }
      // "X, up from Y": a comparison with no stated size.
      r.kind = FigureRelation::Kind::kComparison;
      r.to = d;
    } else {
      continue;
    }
    report->figure_relations.push_back(r);
  }
  std::sort(report->figure_relations.begin(), report->figure_relations.end(),
            [](const FigureRelation& p, const FigureRelation& q) {
              auto key = [](const FigureRelation& r) {
                int k = 1 << 30;
                for (int v : {r.from, r.to, r.delta})
                  if (v >= 0) k = std::min(k, v);
                return k;
              };
              return key(p) < key(q);
            });
}

// When the document has no dateline, anchor relative dates on the latest full
// date the text itself states.
std::optional<Date> AnchorFromText(const Document& doc, const std::vector<Figure>& figs,
                                   bool* dateline) {
  std::optional<Date> best;
  *dateline = false;
  for (const Figure& f : figs) {
    if (f.kind != FigureKind::kDate || f.value.type != FigureValue::Type::kString) continue;
    if (!f.note.empty()) continue;  // inferred itself
    const std::string& s = f.value.str_lo;
    if (s.size() != 10 || s[4] != '-') continue;
    Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
    // A dateline: a full date in the first paragraphs followed by a dash
    // ("SINES, Portugal, January 9, 2026 — ...").
    if (f.span.paragraph < 3) {
      const std::u16string& t = doc.paragraphs[f.span.paragraph].text;
      size_t k = static_cast<size_t>(f.span.end);
      while (k < t.size() && t[k] == ' ') ++k;
      if (k < t.size() && (t[k] == 0x2014 || t[k] == 0x2013 || t[k] == '-' || t[k] == '(')) {
        *dateline = true;
        return d;
      }
    }
    if (!best || DayNumber(d.year, d.month, d.day) > DayNumber(best->year, best->month, best->day))
      best = d;
  }
  return best;
}

}  // namespace

void FindFigures(const Document& doc, Report* report) {
  const Tables& t = GetTables();
  DocContext ctx;
  ctx.ref = doc.reference_date;
  ctx.seps = SepsFor(doc.language);
  ctx.english = doc.language.empty() || doc.language.compare(0, 2, "en") == 0;
  // What a bare "$" means: USD, unless the dateline is in a city of another
  // dollar ("SYDNEY, March 3") or the text names another dollar in words
  // ("Australian dollars") and never USD. Prefixed forms ("HK$") do not count:
  // writers use them precisely to tell those amounts from plain "$".
  {
    bool usd = false;
    std::string other, why;
    struct Cue {
      const char16_t* cue;
      const char* code;
    };
    static const Cue kNames[] = {{u"Australian dollar", "AUD"}, {u"Canadian dollar", "CAD"},
                                 {u"Hong Kong dollar", "HKD"}, {u"Singapore dollar", "SGD"},
                                 {u"New Zealand dollar", "NZD"}, {u"Taiwan dollar", "TWD"}};
    static const Cue kCities[] = {
        {u"SYDNEY", "AUD"},     {u"MELBOURNE", "AUD"}, {u"CANBERRA", "AUD"}, {u"BRISBANE", "AUD"},
        {u"PERTH", "AUD"},      {u"HONG KONG", "HKD"}, {u"SINGAPORE", "SGD"}, {u"TORONTO", "CAD"},
        {u"OTTAWA", "CAD"},     {u"MONTREAL", "CAD"},  {u"VANCOUVER", "CAD"}, {u"CALGARY", "CAD"},
        {u"WELLINGTON", "NZD"}, {u"AUCKLAND", "NZD"},  {u"TAIPEI", "TWD"}};
    for (size_t p = 0; p < doc.paragraphs.size() && p < 3 && other.empty(); ++p) {
      const std::u16string& s = doc.paragraphs[p].text;
      for (const Cue& c : kCities) {
        std::u16string city(c.cue);
        if (s.compare(0, city.size(), city) == 0 && s.size() > city.size() &&
            (s[city.size()] == ',' || s[city.size()] == ' ' || s[city.size()] == '(')) {
          other = c.code;
          why = "the dateline";
          break;
        }
      }
    }
    for (const Paragraph& p : doc.paragraphs) {
      const std::u16string& s = p.text;
      if (s.find(u'$') == std::u16string::npos && s.find(u"ollar") == std::u16string::npos &&
          s.find(u"USD") == std::u16string::npos)
        continue;
      if (s.find(u"US$") != std::u16string::npos || s.find(u"USD") != std::u16string::npos ||
          s.find(u"U.S. dollar") != std::u16string::npos || s.find(u"US dollar") != std::u16string::npos)
        usd = true;
      for (const Cue& c : kNames)
        if (other.empty() && s.find(c.cue) != std::u16string::npos) {
          other = c.code;
          why = "the text";
        }
    }
    if (!other.empty() && (!usd || why == "the dateline"sv)) {
      ctx.dollar = other;
      ctx.dollar_note = "currency assumed " + other + " from " + why;
    }
  }
  auto scan_paragraph = [&](size_t p, std::vector<Figure>* out) {
    const Paragraph& para = doc.paragraphs[p];
    bool any = false;
    for (char16_t c : para.text)
      if (c > ' ') {
        any = true;
        break;
      }
    if (!any) return;
    const ParagraphText* pt =
        report->text.paragraphs.size() == doc.paragraphs.size() ? &report->text.paragraphs[p] : nullptr;
    Scanner sc(t, ctx, para.text, static_cast<int32_t>(p), para.kind, pt);
    std::vector<Figure> f = sc.Run();
    out->insert(out->end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  };
  std::vector<Figure> figs;
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) scan_paragraph(p, &figs);
  if (!ctx.ref) {
    // Relative dates with no dateline: re-read just their paragraphs against the
    // latest full date the text states.
    std::vector<bool> redo(doc.paragraphs.size(), false);
    bool needs = false;
    for (const Figure& f : figs)
      if (f.note.find("year unknown") != std::string::npos ||
          f.note.find("needs a reference date") != std::string::npos) {
        redo[f.span.paragraph] = true;
        needs = true;
      }
    bool dateline = false;
    std::optional<Date> anchor = needs ? AnchorFromText(doc, figs, &dateline) : std::nullopt;
    if (anchor) {
      ctx.ref = anchor;
      ctx.ref_from_text = !dateline;
      ctx.ref_source = dateline ? "the dateline" : "other dates in the text";
      std::vector<Figure> kept;
      kept.reserve(figs.size());
      for (Figure& f : figs)
        if (!redo[f.span.paragraph]) kept.push_back(std::move(f));
      for (size_t p = 0; p < doc.paragraphs.size(); ++p)
        if (redo[p]) scan_paragraph(p, &kept);
      figs = std::move(kept);
    }
  }
  for (Figure& f : figs) {
    if (f.value.type == FigureValue::Type::kNumber || f.value.type == FigureValue::Type::kNumberRange) {
      f.value.lo = CleanValue(f.value.lo);
      f.value.hi = CleanValue(f.value.hi);
    }
  }
  std::stable_sort(figs.begin(), figs.end(),
                   [](const Figure& a, const Figure& b) { return a.span < b.span; });
  report->figures = std::move(figs);
  report->figure_relations.clear();
  FindRelations(doc, report, t);
}

}  // namespace factlens
