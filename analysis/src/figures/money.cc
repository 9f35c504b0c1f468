// Money: currency prefixes ("$", "US$", "€", "GBP", "Rs") and currency words
// after a number ("5 million yuan", "100 €", "20 usd").
#include "figures/scanner.h"

#include <cctype>
#include <string>

namespace factlens {
namespace figures_internal {

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
  if (!(l->cls & kCurrencyW)) return -1;
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
    const Currency& c = it->second;
    if (key == "p"sv && Adj(j) == false) return -1;
    if ((key == "cent"sv || key == "cents"sv) && l->upper) return -1;  // "50 Cent", a name
    if ((key == "pound"sv || key == "pounds"sv) && !scaled) {
      // "25 pounds" is a weight unless the text prices things in sterling.
      return -1;
    }
    if (key == "won"sv && !scaled && !(L(j + 1) == nullptr || (L(j + 1)->type == kSym))) {
      // "3 won" before more words is usually the verb ("the side 3 won ...").
      const Lex* nx = L(j + 1);
      if (nx && nx->type == kWord && !(nx->cls & kStop)) return -1;
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

}  // namespace figures_internal
}  // namespace factlens
