// The scanner: Emit, approximators and Run, the ordered list of matchers tried
// at each lexeme.
#include "figures/scanner.h"

#include <algorithm>
#include <string>

#include <unicode/uchar.h>

namespace factlens {
namespace figures_internal {

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
  if (!Has(j, kApproxW)) return -1;
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
      constexpr uint32_t kOpeners = kCardinal | kOrdinalW | kMonth | kWeekday |
                                    kApproxW | kDateMod | kRelDay | kFractionW |
                                    kCurrencyW | kTrigger;
      candidate = (l.cls & kOpeners) != 0 || (l.allcaps && l.e - l.b >= 2);
      if (candidate && (l.cls & (kTrigger | kApproxW)) &&
          !(l.cls & (kCardinal | kMonth | kFractionW | kDateMod | kCurrencyW))) {
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
          else if (m.type == kWord && (m.cls & (kCardinal | kScale | kFractionW |
                                                kMonth | kWeekday | kCurrencyW)))
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
    if (l.type == kWord && (l.cls & kDurationW) && IsSym(i + 1, "-") && Adj(i + 1) &&
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

}  // namespace figures_internal
}  // namespace factlens
