// TryNumeric: an approximator, a sign and a currency prefix, a number with
// its scale, then what follows it decides the kind (money, percent, duration,
// unit, counted noun, age, plain number); TryOrdinalWord: "twenty-first".
#include "figures/scanner.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace factlens {
namespace figures_internal {

int Scanner::TryOrdinalWord(int i) {
  const Lex* a = L(i);
  if (!a || a->type != kWord || !(a->cls & kOrdinalW)) return -1;
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
    if (!nx || nx->type != kWord || (nx->cls & kStop) || nx->low == "of"sv) return -1;
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
    if (n && (n->type == kNum || (n->cls & kCardinal))) {
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
      !(L(m.end + 1)->cls & (kDurationW | kUnitW | kCurrencyW | kScale)))
    return ce < 0 && !approx ? m.end + 2 : -1;
  // A number before a capitalised unit or currency word inside a sentence is a
  // name ("50 Cent", "5 Seconds of Summer").
  if (ctx_.english && !m.word && ce < 0 && !approx && L(m.end) && L(m.end)->type == kWord &&
      L(m.end)->upper && !L(m.end)->allcaps && !SentenceStart(k) &&
      (L(m.end)->cls & (kCurrencyW | kUnitW | kDurationW)) &&
      !(L(m.end)->cls & kMonth) && L(m.end)->low != "celsius"sv &&
      L(m.end)->low != "fahrenheit"sv)
    return m.end + 1;
  // A capitalised number word inside a sentence is a name ("Ocean's Eleven",
  // "the Big Four"), unless a figure follows it.
  if (ctx_.english && m.word && !approx && ce < 0 && L(k)->upper && !SentenceStart(k) &&
      !(L(m.end) && !L(m.end)->upper &&
        (L(m.end)->cls & (kDurationW | kUnitW | kCurrencyW | kPercentW))))
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
          if (ce2 > 0 && !(L(c.end) && L(c.end)->type == kWord && (L(c.end)->cls & kUnitW))) {
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
        } else if (s2 && s2->type == kWord && (s2->cls & kDurationW) &&
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
    if (s && s->type == kWord && (s->cls & kDurationW) && t_.duration.count(s->low) &&
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
      bool label = p && p->type == kWord && p->upper && !(p->cls & (kStop | kApproxW |
                                                                    kYearCue | kMonth)) &&
                   !(p->cls & kRise) && !(p->cls & kFall) && !approx && !m.word &&
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
        !(p->cls & (kStop | kApproxW | kYearCue | kMonth | kRise | kFall |
                    kCardinal))) {
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

}  // namespace figures_internal
}  // namespace factlens
