// Numbers: digit strings with their separators (ParseDigits), spelled numbers
// (ParseWordNumber) and both with fractions, exponents and scales (ParseNumber).
#include "figures/scanner.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace factlens {
namespace figures_internal {
namespace {

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

// Groups of "1 414 021.5" (space-grouped): the integer part must group validly.
bool SpaceGroupsValid(const std::string& s0) {
  std::vector<std::string> g = SplitOn(s0, ' ');
  std::string last = g.back();
  size_t cut = last.find_first_of(".,");
  if (cut != std::string::npos) g.back() = last.substr(0, cut);
  return ValidGroups(g);
}

// Which of '.' and ',' is the decimal mark and which groups thousands in s
// (starting from the locale's *dec and *grp; 0: none). False: not a number
// ("1.2.3", "1,2,3.4,5").
bool DecideMarks(const std::string& s, char* dec, char* grp) {
  size_t ndot = std::count(s.begin(), s.end(), '.');
  size_t ncom = std::count(s.begin(), s.end(), ',');
  if (ndot && ncom) {
    // Both: the last one is the decimal mark ("1.111,11", "1,111.11").
    char lastsep = s[s.find_last_of(".,")];
    *dec = lastsep;
    *grp = lastsep == '.' ? ',' : '.';
    return std::count(s.begin(), s.end(), *dec) == 1;
  }
  if (ndot + ncom == 0) return true;
  char only = ndot ? '.' : ',';
  size_t count = ndot ? ndot : ncom;
  std::vector<std::string> parts = SplitOn(s, only);
  bool groups_ok = ValidGroups(parts);
  if (only == *grp) {
    if (groups_ok) return true;
    // "5,00" / "2,5": a decimal comma written in an English text.
    if (count != 1 || parts.back().size() == 3) return false;
    *dec = only;
    *grp = 0;
    return true;
  }
  // Only the decimal mark.
  if (count > 1) {
    if (!groups_ok) return false;  // "1.2.3": a version number, not a figure
    std::swap(*dec, *grp);         // "1.234.567" grouped the other way
  }
  return true;
}

// s without its group marks, with '.' for the decimal mark, into *clean; counts
// digits and groups into *r. False: a group mark after the decimal mark.
bool StripMarks(const std::string& s, char dec, char grp, std::string* clean, DigitVal* r,
                std::vector<std::string>* groups) {
  bool in_frac = false;
  for (char c : s) {
    if (c == dec && dec) {
      *clean += '.';
      in_frac = true;
    } else if (c == grp && grp) {
      if (in_frac) return false;
      r->grouped = true;
      groups->emplace_back();
    } else {
      *clean += c;
      if (in_frac) {
        ++r->frac_digits;
      } else {
        ++r->int_digits;
        groups->back() += c;
      }
    }
  }
  return true;
}

// Significant digits of "0012.50" (leading zeros stripped): 4.
int SignificantDigits(const std::string& clean) {
  int sig = 0;
  bool lead = true;
  for (char c : clean) {
    if (c == '.') continue;
    if (lead && c == '0') continue;
    lead = false;
    ++sig;
  }
  return sig;
}

}  // namespace

// Locale-independent string to double (0 on failure).
double ParseDouble(const std::string& s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

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

DigitVal ParseDigits(const std::string& s0, const Seps& seps) {
  DigitVal r;
  std::string s;
  bool space_grouped = false;
  for (char c : s0) {
    if (c == ' ') space_grouped = true;
    else s += c;
  }
  if (space_grouped) {
    if (!SpaceGroupsValid(s0)) return r;
    r.grouped = true;
  }
  char dec = seps.decimal, grp = seps.group;
  if (!DecideMarks(s, &dec, &grp)) return r;
  std::string clean;
  std::vector<std::string> groups(1);
  if (!StripMarks(s, dec, grp, &clean, &r, &groups)) return r;
  if (r.grouped && !space_grouped && !ValidGroups(groups)) return r;
  r.ok = true;
  r.integer = r.frac_digits == 0;
  if (SignificantDigits(clean) > kMaxSignificantDigits) return r;  // ok but not valued
  double v = 0;
  auto res = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (res.ec != std::errc() || !std::isfinite(v) || std::fabs(v) > kMaxValue) return r;
  r.valued = true;
  r.v = v;
  return r;
}

// "a dozen", "a hundred (thousand)", "a million", "a third", "a half (million)";
// not "a third time" (ordinal use). j: "a"/"an".
NumMatch Scanner::ParseArticleNumber(int j) {
  NumMatch m;
  const Lex* nx = L(j + 1);
  auto sc = t_.scale.find(nx->low);
  if (sc != t_.scale.end() && (nx->low == "dozen"sv || nx->low == "hundred"sv ||
                               nx->low == "thousand"sv || nx->low == "million"sv ||
                               nx->low == "billion"sv || nx->low == "trillion"sv)) {
    m.ok = m.valued = true;
    m.word = true;
    m.v = sc->second;
    m.scaled = true;
    m.end = j + 2;
    // "a hundred thousand"
    auto sc2 = L(m.end) ? t_.scale.find(L(m.end)->low) : t_.scale.end();
    if (sc2 != t_.scale.end() && sc2->second > sc->second && sc2->second >= 1000) {
      m.v *= sc2->second;
      m.end++;
    }
    return m;
  }
  auto fr = t_.fraction.find(nx->low);
  if (fr == t_.fraction.end() || nx->low.back() == 's') return m;
  const Lex* after = L(j + 2);
  bool ordinal_use = after && after->type == kWord && !(after->cls & kStop) &&
                     !(after->cls & kScale) && after->low != "of"sv;
  // "a third time": "time" is a stop word (never a counted noun), here the series
  if (after && after->low == "time"sv && nx->low != "half"sv) ordinal_use = true;
  if (nx->low == "quarter"sv && after && after->low == "of"sv && L(j + 3) &&
      (L(j + 3)->type == kNum || Has(j + 3, kCardinal)))
    ordinal_use = true;  // "a quarter of 2024"? keep out
  if (ordinal_use || ThirdOfAList(j + 1) || NthYearOf(j + 1)) return m;
  m.ok = m.valued = true;
  m.word = true;
  m.fraction = true;
  m.v = 1.0 / fr->second;
  m.end = j + 2;
  OfAScale(&m);
  // "a half million"; "a half a billion" (the article said twice)
  if (m.fraction && (nx->low == "half"sv || nx->low == "quarter"sv) &&
      (Is(m.end, "a") || Is(m.end, "an")) && L(m.end + 1) && Has(m.end + 1, kScale) &&
      L(m.end + 1)->low.back() != 's')
    ++m.end;
  if (HyphenBeforeScale(m.end)) ++m.end;  // "a half-dozen"
  if (L(m.end) && Has(m.end, kScale) && L(m.end)->low != "dozens"sv) {
    m.v *= t_.scale.at(L(m.end)->low);
    m.fraction = false;
    m.scaled = true;
    m.end++;
  }
  return m;
}

// "a third-year student", "a fourth-week slump": an ordinal (not "half", "quarter")
// hyphened to a unit of time at lexeme i counts the years, not a fraction of one.
bool Scanner::NthYearOf(int i) const {
  const Lex* w = L(i);
  return w && w->low != "half"sv && w->low != "quarter"sv && (w->cls & kOrdinalW) &&
         IsSym(i + 1, "-") && Adj(i + 1) && Adj(i + 2) && Has(i + 2, kDurationW);
}

// "One plan ..., another ..., and a third ...", "four of the judges ... and a fifth":
// "a third" (a fourth, a fifth) at lexeme i after "another", or after the spelled number
// one below it, in the words before it counts the items of a list, no fraction; not
// before "of" ("a third of voters").
bool Scanner::ThirdOfAList(int i) const {
  constexpr int kListSpan = 50;
  const Lex* w = L(i);
  if (!w || w->low == "half"sv || w->low == "quarter"sv || !t_.fraction.count(w->low) ||
      Is(i + 1, "of"))
    return false;
  const int rank = t_.ordinal.count(w->low) ? t_.ordinal.at(w->low) : 0;
  // The nearest "another" before a word, not before a number ("another 20 percent said
  // ...": shares)
  for (int q = i - 2; q >= 0 && q >= i - kListSpan; --q) {
    if (Is(q, "another")) return L(q + 1) && L(q + 1)->type == kWord && !Has(q + 1, kCardinal);
    if (rank > 2 && Has(q, kCardinal) && t_.cardinal.at(L(q)->low) == rank - 1) return true;
  }
  return false;
}

// "nearly half", "half of the respondents" (not "the second half"); "half a
// million", "quarter million". j: "half"/"quarter".
NumMatch Scanner::ParseHalfOrQuarter(int j) {
  NumMatch m;
  const Lex* first = L(j);
  const int hyphen = HyphenBeforeScale(j + 1) ? 1 : 0;  // "half-dozen"
  const Lex* nx = L(j + 1 + hyphen);
  const Lex* pv = L(j - 1);
  // "half a percentage point": a fraction of the point (MatchPointFraction)
  if (nx && (nx->low == "a"sv) && Is(j + 2, "percentage") &&
      (Is(j + 3, "point") || Is(j + 3, "points"))) {
    m.ok = m.valued = m.word = m.fraction = true;
    m.v = first->low == "half"sv ? 0.5 : 0.25;
    m.integer = false;
    m.end = j + 1;
    return m;
  }
  if (first->low == "half"sv &&
      !(nx && nx->type == kWord && (nx->low == "a"sv || nx->low == "an"sv || (nx->cls & kScale)))) {
    bool approx_before = pv && pv->type == kWord && (pv->cls & kApproxW);
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
      m.end = j + 1;
    }
    return m;
  }
  double part = first->low == "half"sv ? 0.5 : 0.25;
  if (nx && (nx->low == "a"sv || nx->low == "an"sv) && L(j + 2) && Has(j + 2, kScale)) {
    m.ok = m.valued = m.word = m.scaled = true;
    m.v = part * t_.scale.at(L(j + 2)->low);
    m.end = j + 3;
    return m;
  }
  if (nx && Has(j + 1 + hyphen, kScale) && nx->low != "dozens"sv && nx->low != "hundreds"sv &&
      nx->low != "thousands"sv && nx->low != "millions"sv && nx->low != "billions"sv) {
    m.ok = m.valued = m.word = m.scaled = true;
    m.v = part * t_.scale.at(nx->low);
    m.end = j + 2 + hyphen;
  }
  return m;
}

// A hyphen at k joining a number word to a scale word after it ("half-dozen",
// "one-hundred", "two-thousand"; not a plural "dozens").
bool Scanner::HyphenBeforeScale(int k) const {
  const Lex* sc = L(k + 1);
  return IsSym(k, "-") && Adj(k) && Adj(k + 1) && sc && (sc->cls & kScale) &&
         sc->low.back() != 's';
}

// The running sum of a spelled number ("three hundred and twenty-one million ...").
struct WordSum {
  double total = 0;    // finished groups ("two million" in "two million three")
  double current = 0;  // the group being read
  bool any = false;
  int last_kind = 0;  // 1 unit(<10), 2 teen/ten, 3 tens, 4 hundred, 5 big scale
  int end = -1;
};

// A cardinal of value v at k ("twenty", "twenty-one", "twenty-first"): the next
// lexeme to read, or -1 when the number ends.
int Scanner::AddCardinalWord(int k, int v, WordSum* s, NumMatch* m) const {
  int kind = v < 10 ? 1 : v < 20 ? 2 : 3;
  if (s->any && s->last_kind != 0) {
    // Allowed: tens + unit ("twenty one"), after hundred/scale anything.
    bool ok = (s->last_kind == 3 && kind == 1 && v > 0) || s->last_kind >= 4;
    if (!ok) return -1;
  }
  s->current += v;
  s->any = true;
  s->last_kind = kind;
  s->end = ++k;
  // hyphen compound "twenty-one"
  if (!(kind == 3 && IsSym(k, "-") && Adj(k) && L(k + 1) && Adj(k + 1))) return k;
  auto c2 = t_.cardinal.find(L(k + 1)->low);
  if (c2 != t_.cardinal.end() && c2->second > 0 && c2->second < 10) {
    s->current += c2->second;
    s->last_kind = 1;
    s->end = k + 2;
    return k + 2;
  }
  auto o2 = t_.ordinal.find(L(k + 1)->low);
  if (o2 == t_.ordinal.end() || o2->second >= 10) return k;
  s->current += o2->second;
  m->ordinal = true;
  s->end = k + 2;
  return -1;
}

// A scale of value sv at k ("hundred", "million", "dozen"): the next lexeme to
// read, or -1 when the number ends.
int Scanner::AddScaleWord(int k, double sv, WordSum* s, NumMatch* m) const {
  if (sv == 100) {
    if (s->last_kind >= 4) return -1;
    s->current = (s->current == 0 ? 1 : s->current) * 100;
    s->last_kind = 4;
  } else if (sv == 12) {
    s->current *= 12;
    s->last_kind = 5;
    s->end = k + 1;
    return -1;
  } else {
    s->total += (s->current == 0 ? 1 : s->current) * sv;
    s->current = 0;
    s->last_kind = 5;
    m->last_scale = sv;
  }
  m->scaled = true;
  s->end = k + 1;
  return k + 1;
}

// One word of a spelled number at k: the next lexeme to read, or -1 when the
// number ends.
int Scanner::AddNumberWord(int k, WordSum* s, NumMatch* m) const {
  const Lex* l = L(k);
  if (l->type == kSym && s->any && s->last_kind < 4 && HyphenBeforeScale(k))
    return k + 1;  // "one-hundred", "two-thousand"
  if (l->type != kWord) return -1;
  auto c = t_.cardinal.find(l->low);
  if (c != t_.cardinal.end()) return AddCardinalWord(k, c->second, s, m);
  if (s->any) {  // "twenty first", "one hundred and first"
    auto o = t_.ordinal.find(l->low);
    const int ov = o != t_.ordinal.end() ? o->second : 0;
    const bool after_tens = s->last_kind == 3 && ov > 0 && ov < 10;
    const bool after_and = s->last_kind >= 4 && ov > 0 && ov < 100 && Is(k - 1, "and");
    if (after_tens || after_and) {
      s->current += ov;
      m->ordinal = true;
      s->end = k + 1;
      return -1;
    }
  }
  auto sc = t_.scale.find(l->low);
  if (sc != t_.scale.end() && s->any && l->low.back() != 's')
    return AddScaleWord(k, sc->second, s, m);
  if (sc != t_.scale.end() && s->any && (l->low == "dozens"sv || l->low == "dozs"sv)) {
    s->current *= 12;
    m->scaled = true;
    s->end = k + 1;
    return -1;
  }
  // "and" inside ("three hundred and thirty one", "two million and one half", "a
  // hundred and first").
  if (l->low == "and"sv && s->any && s->last_kind >= 4 && L(k + 1) &&
      (Has(k + 1, kCardinal) || Has(k + 1, kOrdinalW)) && !(L(k + 2) && Has(k + 2, kFractionW)))
    return k + 1;
  return -1;
}

// Decimals read out: "two hundred point zero three", "nine point nought four",
// "point seventy-one" (total: the finished groups of the integer part).
void Scanner::AddWordDecimals(double total, NumMatch* m) const {
  std::string digits;
  int k2 = m->end + 1;
  int first = t_.cardinal.at(L(k2)->low);
  if (first >= 10) {
    // "point seventy-one" -> .71
    int v2 = first;
    int k3 = k2 + 1;
    if (IsSym(k3, "-") && Adj(k3) && L(k3 + 1) && Has(k3 + 1, kCardinal) &&
        t_.cardinal.at(L(k3 + 1)->low) < 10) {
      v2 += t_.cardinal.at(L(k3 + 1)->low);
      k3 += 2;
    }
    if (v2 < 100) {
      digits = std::to_string(v2);
      k2 = k3;
    }
  } else {
    while (k2 < N() && Has(k2, kCardinal) && t_.cardinal.at(L(k2)->low) < 10) {
      digits += static_cast<char>('0' + t_.cardinal.at(L(k2)->low));
      ++k2;
    }
  }
  if (digits.empty() || digits.size() > 12 || (m->scaled && total != 0)) return;
  m->v += ParseDouble("0." + digits);
  m->integer = false;
  m->end = k2;
}

// Fractions: "two thirds", "three quarters", "one-fifth".
void Scanner::AddWordFraction(NumMatch* m) const {
  int k2 = m->end;
  if (IsSym(k2, "-") && Adj(k2)) ++k2;
  const Lex* fl = L(k2);
  if (!fl || fl->type != kWord) return;
  auto fr = t_.fraction.find(fl->low);
  bool plural = fl->low.back() == 's';
  if (fr == t_.fraction.end() || plural != (m->v != 1) || fl->low == "second"sv ||
      fl->low == "seconds"sv)
    return;
  m->v = m->v / fr->second;
  m->fraction = true;
  m->integer = false;
  m->end = k2 + 1;
  OfAScale(m);
}

// "a quarter of a million (dollars)", "three quarters of a billion": the fraction of a
// scale word is a scaled number, no fraction of a whole.
void Scanner::OfAScale(NumMatch* m) const {
  const int k = m->end;
  if (!m->fraction || !Is(k, "of") || !(Is(k + 1, "a") || Is(k + 1, "an")) || !L(k + 2)) return;
  const std::string& w = L(k + 2)->low;
  if (!(w == "hundred"sv || w == "thousand"sv || w == "million"sv || w == "billion"sv ||
        w == "trillion"sv))
    return;
  m->v *= t_.scale.at(w);
  m->fraction = false;
  m->scaled = true;
  m->end = k + 3;
}

// Parses a spelled-out number starting at lexeme j.
NumMatch Scanner::ParseWordNumber(int j) {
  const Lex* first = L(j);
  if (!first || first->type != kWord) return NumMatch{};
  if ((first->low == "a"sv || first->low == "an"sv) && L(j + 1) && L(j + 1)->type == kWord)
    return ParseArticleNumber(j);
  if (first->low == "half"sv || first->low == "quarter"sv) return ParseHalfOrQuarter(j);
  NumMatch m;
  WordSum s;
  for (int k = j; k >= 0 && k < N();) k = AddNumberWord(k, &s, &m);
  if (!s.any) return m;
  m.ok = m.valued = true;
  m.word = true;
  m.v = s.total + s.current;
  m.end = s.end;
  m.integer = true;
  if (!m.ordinal && Is(m.end, "point") && L(m.end + 1) && Has(m.end + 1, kCardinal))
    AddWordDecimals(s.total, &m);
  if (!m.ordinal && !m.scaled && m.v >= 1 && m.v < 100) AddWordFraction(&m);
  return m;
}

// Exponents after a digit number: "10^400", "1.1^23". Returns false if none.
bool Scanner::ReadPower(NumMatch* m) {
  if (!(IsSym(m->end, "^") && Adj(m->end))) return false;
  int k = m->end + 1;
  bool neg = false;
  while (k < N() && (IsSym(k, "-") || IsSym(k, "+")) && Adj(k)) {
    if (IsSym(k, "-")) neg = !neg;
    ++k;
  }
  if (!(L(k) && L(k)->type == kNum && Adj(k))) return false;
  DigitVal e = ParseDigits(L(k)->low, ctx_.seps);
  double r = std::pow(m->v, neg ? -e.v : e.v);
  m->end = k + 1;
  m->valued = m->valued && e.valued && std::isfinite(r) && std::fabs(r) <= kMaxValue;
  m->v = m->valued ? r : 0;
  if (!m->valued) m->note = "overflow: no value";
  m->integer = false;
  return true;
}

// Exponents written "1e10", "-127.32e13". Returns false if none.
bool Scanner::ReadDecimalExponent(NumMatch* m) {
  if (!(L(m->end) && L(m->end)->type == kWord && Adj(m->end) && L(m->end)->low == "e"sv &&
        L(m->end + 1) && Adj(m->end + 1)))
    return false;
  int k = m->end + 1;
  bool neg = false;
  if (IsSym(k, "-") || IsSym(k, "+")) {
    neg = IsSym(k, "-");
    ++k;
  }
  if (!(L(k) && L(k)->type == kNum && Adj(k) &&
        L(k)->low.find_first_of(".,") == std::string::npos))
    return false;
  double ex = L(k)->low.size() > 6 ? 1e9 : ParseDouble(L(k)->low);
  double r = m->v * std::pow(10.0, neg ? -ex : ex);
  m->end = k + 1;
  m->valued = m->valued && std::isfinite(r) && std::fabs(r) <= kMaxValue;
  m->v = m->valued ? r : 0;
  if (!m->valued) m->note = "overflow: no value";
  return true;
}

// Simple fractions "1/4", "3/8"; "24/7", "9/11" are codes and names (m->ok false,
// note "code"). Returns false if no "/" follows.
bool Scanner::ReadDigitFraction(const DigitVal& d, NumMatch* m) {
  if (!(IsSym(m->end, "/") && Adj(m->end) && L(m->end + 1) && L(m->end + 1)->type == kNum &&
        Adj(m->end + 1) && d.integer && m->v < 1000))
    return false;
  DigitVal den = ParseDigits(L(m->end + 1)->low, ctx_.seps);
  int dv = den.ok && den.valued && den.integer ? WholeAtMost(den.v, 1000) : -1;
  bool usual = dv == 2 || dv == 3 || dv == 4 || dv == 5 || dv == 8 || dv == 10 || dv == 16 ||
               dv == 32 || dv == 100;
  if (usual && m->v < dv && m->v >= 1 && !(IsSym(m->end + 2, "/"))) {
    m->v = m->v / den.v;
    m->digit_fraction = true;
    m->integer = false;
    m->end += 2;
    return true;
  }
  m->ok = false;
  m->end = m->end + 2;
  m->note = "code";
  return true;
}

// A digit number at j ("1,234.5", "10^400", "1e10", "1/4"). *complete: nothing
// may follow it (an exponent, a fraction, or not a number).
NumMatch Scanner::ParseDigitNumber(int j, bool* complete) {
  NumMatch m;
  const Lex* l = L(j);
  DigitVal d = ParseDigits(l->low, ctx_.seps);
  *complete = true;
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
  if (ReadPower(&m) || ReadDecimalExponent(&m) || ReadDigitFraction(d, &m)) return m;
  *complete = false;
  return m;
}

// Unicode vulgar fractions: "½", "¾".
NumMatch Scanner::ParseVulgarFraction(int j) const {
  NumMatch m;
  UChar32 c = text_[L(j)->b];
  double nv = u_getNumericValue(c);
  if (nv != U_NO_NUMERIC_VALUE && nv > 0 && nv < 1 && (U_GET_GC_MASK(c) & U_GC_NO_MASK)) {
    m.ok = m.valued = true;
    m.v = nv;
    m.digit_fraction = true;
    m.integer = false;
    m.end = j + 1;
  }
  return m;
}

// "and a half" at e, or "-and-a-half" written tight: the end after the fraction
// word and (in *frac_at) where it is, or -1.
int Scanner::AndAFraction(int e, int* frac_at) const {
  const bool tight = IsSym(e, "-") && Adj(e) && Adj(e + 1);
  const int k = tight ? e + 1 : e;
  const int step = tight ? 2 : 1;  // a hyphen between each word
  if (!Is(k, "and") || !(Is(k + step, "a") || Is(k + step, "one"))) return -1;
  if (tight && !(IsSym(k + 1, "-") && IsSym(k + 3, "-") && Adj(k + 1) && Adj(k + 2) && Adj(k + 3) &&
                 Adj(k + 4)))
    return -1;
  const int f = k + 2 * step;
  const Lex* w = L(f);
  if (!w || !t_.fraction.count(w->low) || w->low.back() == 's' || w->low == "second"sv) return -1;
  *frac_at = f;
  return f + 1;
}

// "two and a half", "five and a half million", "two million and a half",
// "four-and-a-half", "2 1/2", "2 ¾", a quoted price "30-5/8".
void Scanner::AddMixedFraction(NumMatch* m) const {
  const int e = m->end;
  int frac_at = -1;
  const int fe =
      m->valued && !m->fraction && !m->digit_fraction && m->v >= 1 ? AndAFraction(e, &frac_at) : -1;
  if (fe > 0) {
    double frac = 1.0 / t_.fraction.at(L(frac_at)->low);
    m->v += m->scaled ? frac * m->last_scale : frac;
    m->integer = false;
    m->end = fe;
  } else if (m->valued && !m->word && m->integer && !m->fraction && !m->digit_fraction && L(e) &&
             L(e)->type == kNum && IsSym(e + 1, "/") && Adj(e + 1) && L(e + 2) &&
             L(e + 2)->type == kNum && Adj(e + 2)) {
    int num = IntAt(e, 2), den = IntAt(e + 2, 2);
    if (num > 0 && den > num && !(IsSym(e + 3, "/"))) {
      m->v += static_cast<double>(num) / den;
      m->integer = false;
      m->end += 3;
    }
  } else if (m->valued && !m->word && m->integer && !m->fraction && !m->digit_fraction &&
             IsSym(e, "-") && Adj(e) && L(e + 1) && L(e + 1)->type == kNum && Adj(e + 1) &&
             IsSym(e + 2, "/") && Adj(e + 2) && L(e + 3) && L(e + 3)->type == kNum &&
             Adj(e + 3) &&
             !(Adj(e + 4) && (IsSym(e + 4, "/") || IsSym(e + 4, "-") ||
                              (L(e + 4) && L(e + 4)->type == kNum)))) {
    // A price in halves to 64ths, as US markets quote: "30-5/8" is 30 5/8, a bond
    // "98-17/32" is 98 17/32.
    int num = IntAt(e + 1, 2), den = IntAt(e + 3, 2);
    if ((den == 2 || den == 4 || den == 8 || den == 16 || den == 32 || den == 64) && num >= 0 &&
        num < den) {
      m->v += static_cast<double>(num) / den;
      m->integer = false;
      m->end += 4;
    }
  } else if (m->valued && !m->word && m->integer && !m->fraction && !m->digit_fraction &&
             L(e) && L(e)->type == kSym) {
    // "5½ years", "5 ½ years": a whole number and a vulgar fraction sign
    const NumMatch part = ParseVulgarFraction(e);
    if (part.ok) {
      m->v += part.v;
      m->integer = false;
      m->end = e + 1;
    }
  }
}

// "$5.5-million": a hyphenated scale.
void Scanner::AddHyphenScale(NumMatch* m) const {
  if (!(!m->scaled && IsSym(m->end, "-") && Adj(m->end) && L(m->end + 1) && Adj(m->end + 1) &&
        L(m->end + 1)->type == kWord))
    return;
  const std::string& w = L(m->end + 1)->low;
  if (!(w == "thousand"sv || w == "million"sv || w == "billion"sv || w == "trillion"sv ||
        w == "bn"sv || w == "mn"sv))
    return;
  if (m->valued) m->v *= t_.scale.at(w);
  m->scaled = true;
  m->last_scale = t_.scale.at(w);
  m->end += 2;
}

// One-letter and shorthand scales written tight: "10k", "€400m", "$5b", "3tr",
// "5MM", "2G" (j: the letters after the number). Returns the multiplier, or 0.
double Scanner::LetterScale(int j, bool currency_context) const {
  const Lex* s = L(j);
  if (!Adj(j)) return 0;
  const std::string& raw = RawOf(s);
  if (s->low == "k"sv || s->low == "K"sv) return 1e3;
  bool money_or_count = currency_context || MillionAfter(j);
  if (money_or_count && (raw == "m"sv || raw == "M"sv || raw == "mm"sv || raw == "MM"sv))
    return 1e6;
  if (money_or_count && (raw == "b"sv || raw == "B"sv || raw == "tr"sv))
    return raw == "tr"sv ? 1e12 : 1e9;
  if ((raw == "MM"sv || raw == "G"sv) && !L(j + 1)) return raw == "G"sv ? 1e9 : 1e6;
  return 0;
}

// Scales: "1.5 million", "$1.2bn", "€400m", "Rs16,189 crore", "10k", "2.12 hundred
// thousand", "3 dozens", "1,674,200.5 M".
void Scanner::AddScale(NumMatch* m, bool currency_context) const {
  const Lex* s = L(m->end);
  if (s && s->type == kWord) {
    auto it = t_.scale.find(s->low);
    bool plural_scale = s->low.back() == 's' && s->low != "mns"sv && s->low != "bns"sv;
    if (it != t_.scale.end() && !plural_scale) {
      if (m->valued) m->v *= it->second;
      m->scaled = true;
      m->last_scale = it->second;
      m->end++;
      // "1.5 million" then a second scale: "2.12 hundred", "hundred thousand"
      const Lex* s2 = L(m->end);
      if (s2 && s2->type == kWord) {
        auto it2 = t_.scale.find(s2->low);
        if (it2 != t_.scale.end() && it2->second > it->second && it2->second >= 1000 &&
            s2->low.back() != 's') {
          if (m->valued) m->v *= it2->second;
          m->end++;
        }
      }
    } else if (s->low == "dozens"sv && !m->word) {
      if (m->valued) m->v *= 12;
      m->scaled = true;
      m->end++;
    } else if (double letter = LetterScale(m->end, currency_context); letter > 0) {
      if (m->valued) m->v *= letter;
      m->scaled = true;
      m->end++;
    }
  }
  // "1,674,200.5 M"
  if (!m->scaled && s && s->type == kWord && RawOf(s) == "M"sv && !Adj(m->end) &&
      L(m->end + 1) == nullptr) {
    if (m->valued) m->v *= 1e6;
    m->scaled = true;
    m->end++;
  }
}

// A number at lexeme j: digits or words, with its fraction and scale ("1.5
// million", "two and a half", "$5.5-million", "10k"). currency_context: a
// currency precedes, so "m" and "b" are scales.
NumMatch Scanner::ParseNumber(int j, bool currency_context) {
  const Lex* l = L(j);
  if (!l) return NumMatch{};
  if (l->type == kSym) return ParseVulgarFraction(j);
  NumMatch m;
  if (l->type == kWord) {
    m = ParseWordNumber(j);
  } else {
    bool complete = false;
    m = ParseDigitNumber(j, &complete);
    if (complete) return m;
  }
  if (!m.ok) return m;
  AddMixedFraction(&m);
  AddHyphenScale(&m);
  if (!m.word || !m.scaled) AddScale(&m, currency_context);
  if (m.valued && (!std::isfinite(m.v) || std::fabs(m.v) > kMaxValue)) {
    m.valued = false;
    m.v = 0;
    m.note = "overflow: no value";
  }
  return m;
}

}  // namespace figures_internal
}  // namespace factlens
