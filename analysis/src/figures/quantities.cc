// Quantities: units of measure ("3.5 tonnes", "km/h", "24703m2") and counted
// nouns ("200 people", "15 cooperation documents").
#include "figures/scanner.h"

#include <cstring>
#include <string>

namespace factlens {
namespace figures_internal {

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
  if (!(l->cls & kUnitW)) return -1;
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

// A counted noun phrase starting at j ("people", "cooperation documents").
int Scanner::CountedNoun(int j, std::u16string* counted) const {
  int k = j;
  int last_plural = -1;
  for (int n = 0; n < 4 && k < N(); ++n) {
    const Lex* w = L(k);
    if (!w || w->type != kWord) break;
    if (w->cls & (kStop | kMonth | kDurationW | kScale | kPercentW |
                  kCardinal | kApproxW))
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
    bool plural = (w->cls & kPlural) || ends("children") || ends("people") ||
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

}  // namespace figures_internal
}  // namespace factlens
