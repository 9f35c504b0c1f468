// Money: currency prefixes ("$", "US$", "€", "GBP", "Rs"), currency words after
// a number ("5 million yuan", "100 €", "20 usd"), and the money steps of
// TryNumeric.
#include "figures/scanner.h"

#include <cctype>
#include <cmath>
#include <string>

namespace factlens {
namespace figures_internal {

// Dollar prefixes: letters (with dots) then "$", e.g. "US$", "U.S.$", "HK$", "c $",
// "usd$ 15" (j: the first letter). Returns the end, or -1.
int Scanner::MatchDollarPrefix(int j, std::string* code, bool* assumed) const {
  const Lex* l = L(j);
  std::string prefix;
  int k = j;
  while (k < N() && k < j + 6) {
    const Lex* m = L(k);
    if (m->type == kWord) prefix += m->low;
    else if (!(m->type == kSym && m->low == "."sv)) break;
    ++k;
  }
  if (!(IsSym(k, "$") && k > j && k - j <= 5)) return -1;
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
  return -1;
}

// A currency symbol alone: "$" (the dollar the document implies, noted as assumed;
// before the number also the full-width "＄"), "€", "£", "¥"...
int Scanner::MatchCurrencySymbol(const Lex* l, int j, bool fullwidth_dollar, std::string* code,
                                 bool* assumed, std::string* note) const {
  if (l->low == "$"sv || (fullwidth_dollar && l->low == "\uFF04"sv)) {
    *code = ctx_.dollar;
    *assumed = true;
    *note = ctx_.dollar_note;
    return j + 1;
  }
  auto it = t_.currency_symbol.find(std::u16string(text_, l->b, l->e - l->b));
  if (it == t_.currency_symbol.end()) return -1;
  *code = it->second;
  *assumed = false;
  return j + 1;
}

// "$", "US$", "US $", "u.s $", "HK$", "€", "£", "GBP", "USD", "Rs", "RMB", "MUSD".
int Scanner::MatchCurrencyPrefix(int j, std::string* code, bool* assumed,
                                 std::string* note) const {
  const Lex* l = L(j);
  if (!l) return -1;
  if (l->type == kSym) return MatchCurrencySymbol(l, j, /*fullwidth_dollar=*/true, code, assumed,
                                                   note);
  if (l->type != kWord) return -1;
  int de = MatchDollarPrefix(j, code, assumed);
  if (de > 0) return de;
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

// Codes after a number: "115.5USD", "20 usd", "50 million USD", "120 MEUR".
int Scanner::MatchSuffixCode(int j, std::string* code, double* factor, std::string* note) const {
  const Lex* l = L(j);
  std::string up;
  for (char ch : l->low) up += static_cast<char>(std::toupper(ch));
  auto it = t_.currency_code.find(up);
  if (it != t_.currency_code.end() && up.size() == 3 &&
      (l->allcaps || up == "USD"sv || up == "RMB"sv || up == "EUR"sv || up == "GBP"sv ||
       up == "CNY"sv)) {
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
  return -1;
}

// Currency names after a number, longest first: "us dollars", "turkish lira",
// "yuan"; not "50 Cent", "25 pounds" (a weight unless scaled), "3 won" (a verb).
int Scanner::MatchCurrencyName(int j, std::string* code, bool* assumed, double* factor,
                               std::string* note, bool scaled) const {
  const Lex* l = L(j);
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
    const Currency& c = it->second;
    // "81p" is pence; "81P/Wild" a comet, "4P" no money
    if (key == "p"sv && (Adj(j) == false || l->upper || IsSym(j + 1, "/"))) return -1;
    if ((key == "cent"sv || key == "cents"sv) && l->upper) return -1;  // "50 Cent", a name
    // "25 pounds" is a weight unless the text prices things in sterling; "three crowns"
    // are titles or teeth, "2 billion crowns" money (Nordic or Czech, not named).
    if ((key == "pound"sv || key == "pounds"sv || key == "crowns"sv) && !scaled) return -1;
    // "one of the five won": a spelled number before "won" is a count and the verb;
    // "two real choices": before "real" and a word, the adjective.
    if (key == "won"sv && !scaled && L(j - 1) && L(j - 1)->type == kWord) return -1;
    // "the side that in 1996 won the cup": a year before "won" is a date and the verb
    if (key == "won"sv && !scaled && ModernYear(j - 1)) return -1;
    if (key == "real"sv && !scaled && L(j + 1) && L(j + 1)->type == kWord) return -1;
    if (key == "won"sv && !scaled && !(L(j + 1) == nullptr || (L(j + 1)->type == kSym))) {
      // "3 won" before more words is usually the verb ("the side 3 won ...").
      const Lex* nx = L(j + 1);
      if (nx && nx->type == kWord && !(nx->cls & kStop)) return -1;
    }
    *code = c.code;
    *assumed = c.assumed;
    *factor = c.factor;
    if (c.code.empty()) *note = kCurrencyNotSpecified + key;
    else if (c.assumed &&
             (key == "dollar"sv || key == "dollars"sv || key == "cent"sv || key == "cents"sv))
      *note = ctx_.dollar_note, *code = ctx_.dollar;
    else if (c.assumed)
      *note = "currency assumed " + c.code;
    return j + len;
  }
  return -1;
}

int Scanner::MatchCurrencySuffix(int j, std::string* code, bool* assumed, double* factor,
                                 std::string* note, bool scaled) const {
  const Lex* l = L(j);
  if (!l) return -1;
  // "three $50,000 prizes": a symbol glued to the next number opens that amount
  if (l->type == kSym && L(j + 1) && L(j + 1)->type == kNum && Adj(j + 1)) return -1;
  if (l->type == kSym) return MatchCurrencySymbol(l, j, /*fullwidth_dollar=*/false, code, assumed,
                                                   note);
  if (l->type != kWord) return -1;
  int ce = MatchSuffixCode(j, code, factor, note);
  if (ce > 0) return ce;
  // "U.S. dollars"
  if (l->low == "u"sv && IsSym(j + 1, ".") && Is(j + 2, "s") && IsSym(j + 3, ".") &&
      (Is(j + 4, "dollars") || Is(j + 4, "dollar"))) {
    *code = "USD";
    *assumed = false;
    return j + 5;
  }
  if (!(l->cls & kCurrencyW)) return -1;
  return MatchCurrencyName(j, code, assumed, factor, note, scaled);
}

// A currency's name of two words or more starts at lexeme j ("Swiss francs", "Hong Kong
// dollars"), as MatchCurrencySuffix reads it.
bool Scanner::CurrencyNameOfWords(int j, bool scaled) const {
  std::string code, note;
  bool assumed = false;
  double factor = 1;
  return MatchCurrencySuffix(j, &code, &assumed, &factor, &note, scaled) > j + 1;
}

// The word at lexeme j is a currency's name by itself ("Cent", "Dollars"), not only the
// first word of one ("Swiss").
bool Scanner::CurrencyWordAlone(int j) const {
  const Lex* l = L(j);
  return l && l->type == kWord && t_.currency_name.count(l->low) > 0;
}

// ------------------------------------------------------------ money figures

// Money with the currency before: "$5", "€400m", "US$5 dollars"; a range
// "$5-10 million" takes the upper end's scale.
int Scanner::MatchMoneyBefore(NumCue* c) {
  if (c->ce <= 0) return kContinue;
  const NumMatch& m = c->m;
  int e = c->e;
  // "75 USD million"-style scale after the code is handled in the suffix path.
  std::string code2, note2;
  bool as2 = false;
  double f2 = 1;
  int se = MatchCurrencySuffix(e, &code2, &as2, &f2, &note2, m.scaled);
  if (se > 0 && (code2 == c->cur) && !(L(e) && L(e)->type == kSym)) e = se;  // "US$5 dollars"
  FigureValue value = m.valued ? Num(c->v * c->cur_factor) : c->value;
  std::string note = c->note;
  if (!c->cur_note.empty()) note = note.empty() ? c->cur_note : note + "; " + c->cur_note;
  // Range "$5-10 million", "$5 to $10"
  if (IsDash(e) && Adj(e) && L(e + 1) && L(e + 1)->type == kNum && Adj(e + 1)) {
    NumMatch m2 = ParseNumber(e + 1, true);
    if (m2.ok && m2.valued && m.valued) {
      double lo = c->v, hi = m2.v;
      if (m2.scaled && !m.scaled) {
        const Lex* sl = L(m2.end - 1);
        auto it = t_.scale.find(sl->low);
        if (it != t_.scale.end()) lo *= it->second;
        else if (RawOf(sl) == "m"sv || RawOf(sl) == "M"sv) lo *= 1e6;
        else if (RawOf(sl) == "b"sv || RawOf(sl) == "B"sv) lo *= 1e9;
      }
      FigureValue r;
      r.type = FigureValue::Type::kNumberRange;
      r.lo = lo * c->cur_factor;
      r.hi = hi * c->cur_factor;
      Emit(c->b, m2.end, FigureKind::kMoney, r, c->cur, c->approx, note);
      return m2.end;
    }
  }
  Emit(c->b, e, FigureKind::kMoney, value, c->cur, c->approx, note);
  return e;
}

// Cents after dollars: "15 dollars 50", "15 dollars and 50 cents" (se: after the
// currency word). Returns the end and adds to *total, or returns se.
int Scanner::CentsAfter(int se, double* total) {
  int k2 = se;
  if (Is(k2, "and")) ++k2;
  NumMatch cents = ParseNumber(k2, false);
  if (!(cents.ok && cents.valued && cents.integer && cents.v < 100 && L(k2) &&
        (L(k2)->type == kNum || cents.word)))
    return se;
  int ce2 = cents.end;
  if (Is(ce2, "cents") || Is(ce2, "cent")) ++ce2;
  else if (!(L(ce2) == nullptr || IsSym(ce2, ".") || IsSym(ce2, ",") || IsSym(ce2, ";")))
    ce2 = -1;
  if (ce2 > 0 && !(L(cents.end) && L(cents.end)->type == kWord && (L(cents.end)->cls & kUnitW))) {
    *total += cents.v / 100.0;
    return ce2;
  }
  return se;
}

// Money with the currency after: "5 million yuan", "100 €", "115.5USD", "75 USD
// million", "15 dollars 50"; "one-yen", "5-dollar".
int Scanner::MatchMoneyAfter(NumCue* c) {
  const NumMatch& m = c->m;
  const int e = c->e;
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
    double total = c->v * factor * scale2;
    if ((code == "USD"sv || code == ctx_.dollar) && factor == 1 && m.integer &&
        L(e)->type == kWord)
      se = CentsAfter(se, &total);
    FigureValue fv = m.valued && std::isfinite(total) ? Num(total) : FigureValue{};
    std::string note = c->note;
    if (!cnote.empty()) note = note.empty() ? cnote : note + "; " + cnote;
    Emit(c->b, se, FigureKind::kMoney, fv, code, c->approx, note);
    return se;
  }
  // "one-yen", "5-dollar"
  if (!(IsSym(e, "-") && Adj(e) && Adj(e + 1))) return kContinue;
  int se2 = MatchCurrencySuffix(e + 1, &code, &assumed, &factor, &cnote, true);
  if (se2 <= 0 || code.empty()) return kContinue;
  Emit(c->b, se2, FigureKind::kMoney, m.valued ? Num(c->v * factor) : FigureValue{}, code,
       c->approx, cnote);
  return se2;
}

}  // namespace figures_internal
}  // namespace factlens
