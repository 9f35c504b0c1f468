// Quantities, the steps of TryNumeric after money: percent ("12%", "5-10%"),
// durations ("two months"), units of measure ("3.5 tonnes", "km/h", "24703m2"),
// fractions and proportions ("a third", "one in five"), counted nouns ("200
// people") and ages ("87 yo").
#include "figures/scanner.h"

#include <cstring>
#include <string>

namespace factlens {
namespace figures_internal {

// The key of a len-word unit at j ("square metres", "km/h"): the lexeme after
// it, or -1 when fewer words follow.
int Scanner::UnitKeyAt(int j, int len, std::string* key) const {
  int k = j;
  for (int w = 0; w < len; ++w) {
    const Lex* m = L(k);
    if (!m || m->type != kWord) return -1;
    *key += (w ? " " : "") + m->low;
    ++k;
    // "a 12,000-square-foot lot": a hyphen joins the words of one unit.
    if (w + 1 < len && IsDash(k) && Adj(k) && Adj(k + 1)) ++k;
    // "km/h": a slash joins two halves of one unit.
    if (w + 1 < len && IsSym(k, "/") && Adj(k)) {
      *key += "/";
      ++k;
      if (L(k) && L(k)->type == kWord) {
        *key += L(k)->low;
        ++k;
      }
      break;
    }
  }
  return k;
}

// A unit of units.txt at j, longest first: its end, -1 (a one-letter unit
// written apart, a code "24703L202"), or kContinue (none).
int Scanner::MatchUnitName(int j, std::string* unit) const {
  const Lex* l = L(j);
  for (int len = static_cast<int>(t_.max_unit_words); len >= 1; --len) {
    std::string key;
    int k = UnitKeyAt(j, len, &key);
    if (k < 0) continue;
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
  return kContinue;
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
  if (!(l->cls & kUnitW)) return -1;
  int e = MatchUnitName(j, unit);
  if (e != kContinue) return e;
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

// A plural noun by its letters or the irregular plurals (plural_nouns.txt): "-s" but not
// "-ss", "-us", "-is"; "children", "people", "women", "-men".
bool Scanner::PluralNoun(const Lex& w) const {
  auto ends = [&](std::string_view suf) {
    return w.low.size() >= suf.size() &&
           w.low.compare(w.low.size() - suf.size(), suf.size(), suf) == 0;
  };
  return (w.cls & kPlural) || ends("children") || ends("people") ||
         (ends("men") && w.low.size() >= 5) || ends("women") ||
         (w.low.size() > 3 && w.low.back() == 's' && !ends("ss") && !ends("us") && !ends("is"));
}

// Whether lexeme k is a people's or a group's plural as written ("Americans",
// "Democrats", "Latinos"; from lexeme `from` when given: "South Koreans"), not before a
// hyphen or another capitalised word.
bool Scanner::PeoplePlural(int k, int from) const {
  const Lex* w = L(k);
  if (from < 0) from = k;
  if (!w || w->type != kWord || w->allcaps || w->low.size() < 4 || w->low.back() != 's' ||
      IsDash(k + 1) || (L(k + 1) && L(k + 1)->type == kWord && L(k + 1)->upper))
    return false;
  std::string written;
  for (int32_t i = L(from)->b; i < w->e; ++i) {
    if (text_[i] >= 128) return false;
    written += static_cast<char>(text_[i]);
  }
  return t_.peoples.count(written) || t_.peoples.count(written.substr(0, written.size() - 1));
}

// A counted noun phrase starting at j ("people", "cooperation documents").
int Scanner::CountedNoun(int j, std::u16string* counted) const {
  int k = j;
  // "700 U.S. cadets", "40 U.N. observers": an abbreviation written with periods
  // before a lower-case noun
  if (L(j) && L(j)->type == kWord && L(j)->upper && L(j)->low.size() == 1 && IsSym(j + 1, ".") &&
      L(j + 2) && L(j + 2)->type == kWord && L(j + 2)->upper && L(j + 2)->low.size() == 1 &&
      IsSym(j + 3, ".") && L(j + 4) && L(j + 4)->type == kWord && !L(j + 4)->upper)
    k = j + 4;
  // "12 more ferries than", "two fewer seats": the count is of the noun after
  int noun = j;
  if ((Is(j, "more") || Is(j, "fewer") || Is(j, "additional")) && L(j + 1) &&
      L(j + 1)->type == kWord && !L(j + 1)->upper)
    k = noun = j + 1;
  int last_plural = -1;
  for (int n = 0; n < 4 && k < N(); ++n) {
    const Lex* w = L(k);
    if (!w || w->type != kWord) break;
    if (w->cls & (kStop | kMonth | kDurationW | kScale | kPercentW |
                  kCardinal | kApproxW))
      break;
    if (w->upper && n > 0) {
      // "two brave Americans", "three young Democrats": a people's or a group's plural
      // after lower-case modifiers
      if (PeoplePlural(k)) last_plural = k + 1;
      break;
    }
    if (w->upper && !(w->allcaps && w->low.size() <= 1)) {
      // A capitalised first word counts ("Two Democrats,", "five Okafor staffers", an
      // acronym before a lower-case noun: "15 IQ points", "20 NATO members") unless
      // another capitalised word follows (a heading or a name: "12 Farmers Say").
      const Lex* nx = L(k + 1);
      const bool acronym_modifier =
          w->allcaps && w->low.size() <= 4 && nx && nx->type == kWord && !nx->upper && !Adj(k + 1);
      // "300 Native Americans", "40,000 Roman Catholics": a people's two-word plural
      if (!w->allcaps && !(w->cls & (kMonth | kWeekday)) &&
          (PeoplePlural(k + 1) || PeoplePlural(k + 1, k))) {
        last_plural = k + 2;
        break;
      }
      if ((w->allcaps && !acronym_modifier) || (nx && nx->type == kWord && nx->upper)) break;
    }
    bool plural = PluralNoun(*w);
    int next = k + 1;
    // Hyphenated compounds: "state-owned companies"
    while (IsSym(next, "-") && Adj(next) && L(next + 1) && L(next + 1)->type == kWord &&
           Adj(next + 1))
      next += 2;
    if (next > k + 1) {
      const Lex* lastw = L(next - 1);
      plural = lastw->low.size() > 3 && lastw->low.back() == 's';
    }
    // "four Kansas towns", "three Texas counties": a capitalised first word
    // that only looks plural, right before a lower-case plural noun ("Two Democrats
    // joined leaders" keeps "Democrats").
    if (plural && n == 0 && w->upper && !w->allcaps && L(next) && L(next)->type == kWord &&
        !L(next)->upper) {
      std::u16string rest;
      const int rest_end = CountedNoun(next, &rest);
      if (rest_end > next && rest_end <= next + 2 && PluralNoun(*L(next))) {
        last_plural = rest_end;
        break;
      }
    }
    if (plural) {
      // "10 arms exporters", "two sports teams": a plural that modifies the plural after it
      const Lex* nx = L(next);
      if (!w->upper && nx && nx->type == kWord && !nx->upper && !Adj(next) &&
          !(nx->cls & (kStop | kDurationW | kUnitW | kCurrencyW | kPercentW | kScale)) &&
          PluralNoun(*nx) && !(nx->cls & kPlural))
        ++next;
      last_plural = next;
      break;
    }
    k = next;
  }
  if (last_plural < 0) return -1;
  *counted = std::u16string(text_, lx_[noun].b, lx_[last_plural - 1].e - lx_[noun].b);
  return last_plural;
}

// "1,214 Lakeside Party Convention delegates", "12 Senate Democrats' aides": two
// to four capitalised words (a name) right before a lower-case plural noun; the count
// is of the noun. Returns the end, or -1.
int Scanner::NamedCountedNoun(int j, std::u16string* counted) const {
  int k = j;
  while (k - j < 4 && L(k) && L(k)->type == kWord && L(k)->upper && !L(k)->allcaps &&
         !(L(k)->cls & (kMonth | kWeekday | kStop)))
    ++k;
  if (k - j < 2 || !L(k) || L(k)->type != kWord || L(k)->upper ||
      (L(k)->cls & (kCurrencyW | kUnitW | kDurationW | kPercentW)))  // "40 New Zealand cents"
    return -1;
  std::u16string noun;
  const int e = CountedNoun(k, &noun);  // "police", "police officers"
  if (!(e == k + 1 || (e == k + 2 && PluralNoun(*L(k))))) return -1;
  *counted = std::u16string(text_, lx_[j].b, lx_[e - 1].e - lx_[j].b);
  return e;
}

// ------------------------------------------------------------ percent

// Percent: "12%", "12 percent", "12 per cent", "12pc", "2 percentage points", "a
// 2-percentage-point lead", "25 bps".
int Scanner::MatchPercent(NumCue* c) {
  int e = c->e;
  // "a 5-percentage-point edge", "a 7-percent cut": a hyphen may join the number and
  // the word
  if (IsDash(e) && Adj(e) && Adj(e + 1) && (Is(e + 1, "percentage") || Is(e + 1, "percent")))
    ++e;
  const Lex* s = L(e);
  int pe = -1;
  const char* unit = "percent";
  // "percentage point(s)", also joined by a hyphen ("a 12 percentage-point lead")
  const int point_end = Is(e + 1, "point") || Is(e + 1, "points") ? e + 2
                        : IsDash(e + 1) && Adj(e + 1) && Adj(e + 2) &&
                                  (Is(e + 2, "point") || Is(e + 2, "points"))
                            ? e + 3
                            : -1;
  if (s && s->type == kSym && (s->low == "%"sv || s->low == "\uFF05"sv || s->low == "\u066A"sv)) {
    pe = e + 1;
  } else if (s && s->type == kWord) {
    if (s->low == "percent"sv || s->low == "pct"sv || s->low == "percents"sv ||
        (s->low == "percentage"sv && point_end < 0) ||
        s->low == "pc"sv) {
      pe = e + 1;
    } else if (s->low == "per"sv && (Is(e + 1, "cent") || Is(e + 1, "centum"))) {
      pe = e + 2;
    } else if (s->low == "percentage"sv && point_end > 0) {
      pe = point_end;
      unit = "percentage point";
    } else if (s->low == "basis"sv && (Is(e + 1, "points") || Is(e + 1, "point"))) {
      pe = e + 2;
      unit = "basis point";
    } else if (s->low == "bps"sv || s->low == "bp"sv) {
      pe = e + 1;
      unit = "basis point";
    }
  }
  if (pe < 0) return MatchPoints(c);
  Emit(c->b, pe, FigureKind::kPercent, c->value, unit, c->approx, c->note);
  return pe;
}

// Points: "7 points", "a 4.3-point lead" (a poll margin, a score, an index move)
// are a quantity with unit "point", not a bare number.
int Scanner::MatchPoints(NumCue* c) {
  int e = c->e;
  if (IsSym(e, "-") && Adj(e) && Is(e + 1, "point")) ++e;
  if (!(Is(e, "points") || Is(e, "point") || Is(e, "pts"))) return kContinue;
  if (c->m.word && !c->m.scaled && L(c->k) && L(c->k)->low == "one"sv) return kContinue;
  Emit(c->b, e + 1, FigureKind::kQuantity, c->value, "point", c->approx, c->note);
  return e + 1;
}

// The measure after the upper end of a compact range ("%", "per cent", "years",
// "km"): its end, or -1; sets *unit and *kind.
int Scanner::RangeMeasureAt(int j, std::string* unit, FigureKind* kind) const {
  const Lex* s2 = L(j);
  if (s2 && s2->type == kSym && s2->low == "%"sv) {
    *unit = "percent";
    *kind = FigureKind::kPercent;
    return j + 1;
  }
  if (s2 && (s2->low == "percent"sv || s2->low == "pc"sv)) {
    *unit = "percent";
    *kind = FigureKind::kPercent;
    return j + 1;
  }
  if (s2 && s2->low == "per"sv && Is(j + 1, "cent")) {
    *unit = "percent";
    *kind = FigureKind::kPercent;
    return j + 2;
  }
  if (s2 && s2->type == kWord && (s2->cls & kDurationW) && t_.duration.count(s2->low) &&
      s2->low != "h"sv) {
    *unit = t_.duration.at(s2->low);
    *kind = FigureKind::kDuration;
    int re = j + 1;
    if (Is(re, "old")) *kind = FigureKind::kQuantity, ++re;
    return re;
  }
  int ue = MatchUnit(j, unit);
  if (ue > 0) *kind = FigureKind::kQuantity;
  return ue > 0 ? ue : -1;
}

// Compact ranges: "5-10%", "40-50 years", "3-4 km" (number - number measure).
int Scanner::MatchCompactRange(NumCue* c) {
  const NumMatch& m = c->m;
  const int e = c->e;
  if (!(IsDash(e) && L(e + 1) && L(e + 1)->type == kNum && m.valued && !m.word &&
        Adj(e) == Adj(e + 1)))
    return kContinue;
  NumMatch m2 = ParseNumber(e + 1, false);
  if (!(m2.ok && m2.valued && m2.v > c->v)) return kContinue;
  std::string u2;
  FigureKind kk = FigureKind::kNumber;
  int re = RangeMeasureAt(m2.end, &u2, &kk);
  if (re <= 0) return kContinue;
  double lo = c->v;
  if (m2.scaled && !m.scaled) {
    auto it = t_.scale.find(L(m2.end - 1)->low);
    if (it != t_.scale.end()) lo *= it->second;
  }
  FigureValue r;
  r.type = FigureValue::Type::kNumberRange;
  r.lo = lo;
  r.hi = m2.v;
  Emit(c->b, re, kk, r, u2, c->approx, c->note);
  return re;
}

// ------------------------------------------------------------ durations, units

// Where the unit after a number starts: e, or after a hyphen ("four-day").
int Scanner::UnitStart(int e, bool* hyphen) const {
  *hyphen = IsSym(e, "-") && Adj(e) && Adj(e + 1);
  return *hyphen ? e + 1 : e;
}

// A unit capitalised inside a sentence, with no capital on either side of the figure
// [b, unit]: a title ("on the show ''48 Hours.''", "the film 12 Nights will open");
// a headline in title case ("Mayor Wins By 3 Points In Poll") keeps its figures.
bool Scanner::TitleUnit(int b, int unit) const {
  const Lex* u = L(unit);
  if (!u->upper || u->allcaps) return false;
  auto capital = [&](int k) { return L(k) && L(k)->type == kWord && L(k)->upper; };
  return !capital(unit + 1) && !(capital(b - 1) && !SentenceStart(b - 1));
}

// Durations: "two months", "80 years", "four-day", "3.5years", "two years ago", "20
// working days";
// ages: "five years old", "29-year-old", "90 days of age". (Times: TryTime.)
int Scanner::MatchDuration(NumCue* c) {
  const NumMatch& m = c->m;
  bool hyphen;
  int k2 = UnitStart(c->e, &hyphen);
  // "two or more years", "three or so weeks": at least (or about) that many units
  const bool or_more = !hyphen && Is(c->e, "or") &&
                       (Is(c->e + 1, "more") || Is(c->e + 1, "so")) && Has(c->e + 2, kDurationW);
  if (or_more) k2 = c->e + 2;
  // "20 working days", "five straight years" (duration_adjectives.txt)
  if (!hyphen && L(k2) && L(k2)->type == kWord && t_.duration_adjectives.count(L(k2)->low) &&
      Has(k2 + 1, kDurationW))
    ++k2;
  const Lex* s = L(k2);
  if (!(s && s->type == kWord && (s->cls & kDurationW) && t_.duration.count(s->low) &&
        !(s->low == "h"sv && !Adj(k2)) && !(s->low == "second"sv && !hyphen && m.v != 1)))
    return kContinue;
  // An acronym that is also an abbreviation of time: "3 SEC filings", "2 HR staff".
  if (s->allcaps && s->low.size() >= 2 && s->low.size() <= 3) return kContinue;
  const std::string& unit = t_.duration.at(s->low);
  int de = k2 + 1;
  if (!hyphen && TitleUnit(c->b, k2)) return de;
  if (or_more) c->approx = true;
  // "five years old", "90 day old", "29-year-old" -> age (quantity)
  if (const int oe = OldEnd(de); oe > 0) {
    Emit(c->b, oe, FigureKind::kQuantity, c->value, unit, c->approx, c->note, u"age");
    return oe;
  }
  if (Is(de, "of") && Is(de + 1, "age")) {
    Emit(c->b, de + 2, FigureKind::kQuantity, c->value, unit, c->approx, c->note, u"age");
    return de + 2;
  }
  std::string note = c->note;
  if (Is(de, "ago")) {
    ++de;
    // "30 or 40 years ago", "six to eight weeks ago": a range of durations stays one, so
    // the bare lower end keeps the unit (relations.cc).
    bool ranged = (Is(c->b - 1, "or") || Is(c->b - 1, "to") || IsDash(c->b - 1)) && L(c->b - 2) &&
                  (L(c->b - 2)->type == kNum || Has(c->b - 2, kCardinal));
    if (!ranged && EmitAgoDate(c->b, de, c->value, unit, c->approx)) return de;
    note = note.empty() ? "ago" : note + "; ago";
    if (!ranged && !ctx_.ref) note += kNeedsReference;  // dated when the text gives one
  }
  Emit(c->b, de, FigureKind::kDuration, c->value, unit, c->approx, note);
  return de;
}

// "two years ago", "a year ago" at [b, e): the date that many units back (AgoDate), if it
// has one; false (nothing emitted) when it has none.
bool Scanner::EmitAgoDate(int b, int e, const FigureValue& amount, const std::string& unit,
                          bool approx) {
  FigureValue when = AgoDate(amount, unit);
  if (when.type == FigureValue::Type::kNone) return false;
  Emit(b, e, FigureKind::kDate, when, "", approx, "counted back from " + ctx_.ref_source);
  return true;
}

// "two months ago", "80 years ago": the date that many units before the reference date,
// to the day for days and weeks, the month for months ("retired three months ago" said on
// September 25 = "2016-06", not a day it never stated), the year for years and decades
// (and for a fraction of a decade or century that makes whole years); no value (the
// caller keeps a duration) for hours, other fractions or without a reference day.
FigureValue Scanner::AgoDate(const FigureValue& v, const std::string& unit) const {
  if (v.type != FigureValue::Type::kNumber || !ctx_.ref || !ctx_.ref->day) return {};
  const Date& r = *ctx_.ref;
  // "a quarter-century ago", "half a century ago": a fraction of a decade or a century
  // that makes whole years
  const double per_unit = unit == "decade"sv ? 10 : unit == "century"sv ? 100 : 0;
  if (per_unit > 0 && v.lo < 1) {
    const double years = v.lo * per_unit;
    if (years >= 1 && years == std::floor(years))
      return Str(IsoDate(r.year - static_cast<int>(years)));
  }
  int n = WholeAtMost(v.lo, 1000);
  if (n < 1) return {};
  int years = unit == "year"sv      ? n
              : unit == "decade"sv  ? 10 * n
              : unit == "century"sv ? 100 * n
                                    : 0;
  // Near the turn of a year "three years ago" spans two calendar years: said on January 5,
  // 2016 it is 2012 or 2013 (Sandy Hook, December 2012), said in late December 2015 "two
  // years ago" is 2013 or 2014.
  if (unit == "year"sv && r.month <= 2)
    return StrRange(IsoDate(r.year - n - 1), IsoDate(r.year - n));
  if (unit == "year"sv && r.month >= 11)
    return StrRange(IsoDate(r.year - n), IsoDate(r.year - n + 1));
  if (years) return Str(IsoDate(r.year - years));
  if (unit == "day"sv || unit == "week"sv) {
    Date d = AddDays(r, -(unit == "week"sv ? 7 : 1) * n);
    return Str(IsoDate(d.year, d.month, d.day));
  }
  if (unit != "month"sv) return {};
  int total = r.year * 12 + r.month - 1 - n;
  return Str(IsoDate(total / 12, total % 12 + 1));
}

// "5 feet and 2 inches", "5 ft 2 in", a height "6-foot-1" (fe: after "feet"): the end,
// adding the inches to *total; else fe.
int Scanner::InchesAfterFeet(int fe, double* total) {
  if (IsDash(fe) && Adj(fe) && Is(fe - 1, "foot") && L(fe + 1) && Adj(fe + 1)) {
    NumMatch in = ParseNumber(fe + 1, false);
    if (in.ok && in.valued && in.integer && in.v < 12 && in.end == fe + 2) {
      *total += in.v / 12.0;
      return fe + 2;
    }
  }
  int k3 = fe;
  if (Is(k3, "and")) ++k3;
  if (!(L(k3) && L(k3)->type == kNum)) return fe;
  NumMatch in = ParseNumber(k3, false);
  if (!(in.ok && in.valued && in.v < 12 &&
        (Is(in.end, "in") || Is(in.end, "inch") || Is(in.end, "inches"))))
    return fe;
  *total += in.v / 12.0;
  return in.end + 1;
}

// Units of measure: "3.5 tonnes", "six-mile", "68-ounce", "24703m2", "100 MB";
// "pounds" without a money context is a weight.
int Scanner::MatchMeasure(NumCue* c) {
  // a height in feet and inches with prime marks: 5'9" is 5.75 feet
  const int e = c->e;
  if (c->m.valued && c->m.integer && !c->m.word && c->v >= 1 && c->v <= 9 && Adj(e) &&
      (IsApostrophe(e) || IsSym(e, "\u2032")) && Adj(e + 1) &&
      Adj(e + 2) &&
      (IsSym(e + 2, "\"") || IsSym(e + 2, "\u201D") || IsSym(e + 2, "\u2033"))) {
    const int inches = IntAt(e + 1, 2);
    if (inches >= 0 && inches < 12) {
      Emit(c->b, e + 3, FigureKind::kQuantity, Num(c->v + inches / 12.0), "foot", c->approx,
           c->note);
      return e + 3;
    }
  }
  bool hyphen;
  int k2 = UnitStart(c->e, &hyphen);
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
    if (u->type == kWord && (u->low == "degree"sv || u->low == "degrees"sv) && Is(ue, "angle"))
      ok = false;
    if (u->low == "pounds"sv || u->low == "pound"sv) ok = true;
    if (ok) {
      double total = c->v;
      int fe = unit == "foot"sv ? InchesAfterFeet(ue, &total) : ue;
      Emit(c->b, fe, FigureKind::kQuantity, c->m.valued ? Num(total) : FigureValue{}, unit,
           c->approx, c->note);
      return fe;
    }
  }
  const Lex* s = L(k2);
  if (s && s->type == kWord && (s->low == "pounds"sv || s->low == "pound"sv) && !hyphen) {
    Emit(c->b, k2 + 1, FigureKind::kQuantity, c->value, "pound", c->approx, c->note);
    return k2 + 1;
  }
  return kContinue;
}

// ------------------------------------------------------------ fractions, proportions

// "a quarter of a percentage point", "half a percentage point".
int Scanner::MatchPointFraction(NumCue* c) {
  const NumMatch& m = c->m;
  if (!m.fraction || m.scaled) return kContinue;
  int k2 = c->e;
  if (Is(k2, "of")) ++k2;
  if (Is(k2, "a") || Is(k2, "one")) ++k2;
  if (!(Is(k2, "percentage") && (Is(k2 + 1, "point") || Is(k2 + 1, "points")))) return kContinue;
  Emit(c->b, k2 + 2, FigureKind::kPercent, m.valued ? Num(m.v) : FigureValue{},
       "percentage point", c->approx, c->note);
  return k2 + 2;
}

// Proportions: "one in five", "1 in 10" -> percent.
int Scanner::MatchProportion(NumCue* c) {
  const NumMatch& m = c->m;
  const int e = c->e;
  if (!(m.valued && m.integer && !m.scaled && !m.fraction && m.v >= 1)) return kContinue;
  // "231-8 in 50 overs": the wickets of a cricket score, not a share
  if (IsDash(c->b - 1) && Adj(c->b) && Adj(c->b - 1) && L(c->b - 2) &&
      L(c->b - 2)->type == kNum)
    return kContinue;
  // "one in five", "one in every nine", "one of every nine", "three out of 10",
  // "two-in-five"
  const bool hyphened = IsSym(e, "-") && Adj(e) && Is(e + 1, "in") && Adj(e + 1) &&
                        IsSym(e + 2, "-") && Adj(e + 2) && Adj(e + 3);
  int k = Is(e, "in")                         ? e + 1
          : hyphened                          ? e + 3
          : Is(e, "of") && Is(e + 1, "every") ? e + 1
          : Is(e, "out") && Is(e + 1, "of")   ? e + 2
          : PollShareOf(c->b, e)              ? e + 1
                                              : -1;
  if (k < 0) return kContinue;
  if (Is(k, "every")) ++k;
  NumMatch d = ParseNumber(k, false);
  const Lex* dl = L(k);
  if (!(d.ok && d.valued && d.integer && d.v > m.v && d.v <= 1000 && !d.scaled && dl &&
        (dl->type == kNum ? !(Year4(k) >= 1000) : true)))
    return kContinue;
  // "two for 18 in 30 balls": runs in a bowler's balls or overs, not a share
  if (Is(d.end, "balls") || Is(d.end, "deliveries") || Is(d.end, "overs")) return kContinue;
  Emit(c->b, d.end, FigureKind::kPercent, Num(m.v / d.v * 100.0), "percent", c->approx,
       "proportion: one in N");
  return d.end;
}

// A poll's share written "seven of 10" / "nine of ten" (b: where the number starts, e:
// "of"): a proportion only when the part is spelled out (the lexeme before "of" is a
// word), the whole is ten or a hundred, and it is no item of a series ("page three of
// 10").
bool Scanner::PollShareOf(int b, int e) const {
  if (!Is(e, "of") || L(e - 1)->type != kWord) return false;
  if (!(Is(e + 1, "10") || Is(e + 1, "ten") || Is(e + 1, "100"))) return false;
  const Lex* p = L(b - 1);
  return !(p && p->type == kWord && (p->upper || t_.sequence_nouns.count(p->low)));
}

// Fractions of a whole: "a third", "nearly half", "three quarters" -> percent; of a
// unit of time, a duration ("a quarter of a century": 0.25 century).
int Scanner::MatchWholeFraction(NumCue* c) {
  const NumMatch& m = c->m;
  if (!m.fraction || m.scaled) return kContinue;
  // "a half-built bridge": a compound adjective, no figure.
  if (IsSym(c->e, "-") && Adj(c->e) && L(c->e + 1) && L(c->e + 1)->type == kWord &&
      Adj(c->e + 1))
    return c->e + 2;
  // "the last month and a half": the half of the unit before "and", no share
  if (Is(c->b - 1, "and") && Has(c->b - 2, kDurationW)) return c->e;
  // "half of 1 percent": the fraction of the stated percentage.
  if (m.valued && Is(c->e, "of") && L(c->e + 1) && L(c->e + 1)->type == kNum &&
      L(c->e + 1)->low.find_first_of(".,") == std::string::npos &&
      (IsSym(c->e + 2, "%") || Is(c->e + 2, "percent"))) {
    int n = IntAt(c->e + 1, 3);
    if (n >= 0) {
      Emit(c->b, c->e + 3, FigureKind::kPercent, Num(m.v * n), "percent", c->approx, c->note);
      return c->e + 3;
    }
  }
  // "a quarter of a century", "a third of a decade": a period of time.
  if (m.valued && Is(c->e, "of") && (Is(c->e + 1, "a") || Is(c->e + 1, "an"))) {
    const Lex* u = L(c->e + 2);
    if (u && u->type == kWord && (u->cls & kDurationW) && t_.duration.count(u->low)) {
      Emit(c->b, c->e + 3, FigureKind::kDuration, Num(m.v), t_.duration.at(u->low), c->approx,
           c->note);
      return c->e + 3;
    }
  }
  // "a quarter of a mile", "a millionth of a meter", "half a mile": a fraction of a unit
  // of measure.
  const int k = Is(c->e, "of") ? c->e + 1 : c->e;
  std::string unit;
  const int ue = m.valued && (Is(k, "a") || Is(k, "an")) ? MatchUnit(k + 1, &unit) : -1;
  if (ue > 0 && L(k + 1)->type == kWord) {
    Emit(c->b, ue, FigureKind::kQuantity, Num(m.v), unit, c->approx, c->note);
    return ue;
  }
  FigureValue fv = m.valued ? Num(m.v * 100.0) : FigureValue{};
  Emit(c->b, c->e, FigureKind::kPercent, fv, "percent", c->approx,
       std::string("fraction of a whole") + (c->note.empty() ? "" : "; " + c->note));
  return c->e;
}

// ------------------------------------------------------------ counted nouns, ages

// Quantities with the thing counted: "about 200 people", "15 cooperation documents";
// not after a label-like capitalised word ("Apollo 11 missions"), never a bare "one".
int Scanner::MatchCounted(NumCue* c) {
  const NumMatch& m = c->m;
  const int b = c->b;
  std::u16string counted;
  // "500 or more workers", "50 or so pages": the qualifier sits between the
  // number and its noun and makes the count approximate.
  const bool or_more = Is(c->e, "or") && (Is(c->e + 1, "more") || Is(c->e + 1, "fewer") ||
                                          Is(c->e + 1, "less") || Is(c->e + 1, "so"));
  int qe = CountedNoun(or_more ? c->e + 2 : c->e, &counted);
  if (or_more && qe > 0) c->approx = true;
  // not "the 2016 Lakeside Party Convention delegates": a year names them
  const bool year_like =
      !m.word && m.integer && c->v >= 1000 && c->v <= 2100 && lx_[c->k].e - lx_[c->k].b == 4;
  if (qe <= 0 && !year_like) qe = NamedCountedNoun(c->e, &counted);
  // "below 2005 levels": a year, not a count of levels.
  if (qe == c->e + 1 && (Is(c->e, "levels") || Is(c->e, "level")) && !m.word && m.integer &&
      L(c->k)->low.size() == 4 && c->v >= 1800 && c->v <= 2100) {
    Emit(c->k, c->e, FigureKind::kDate, Str(IsoDate(static_cast<int>(c->v))), "", false,
         "the year's levels");
    return c->e;
  }
  bool single = m.valued && c->v == 1;
  if (qe <= 0 || single || (m.word && !m.scaled && m.v == 1)) return kContinue;
  const Lex* p = L(b - 1);
  bool label = p && p->type == kWord && p->upper &&
               !(p->cls & (kStop | kApproxW | kYearCue | kMonth)) && !(p->cls & kRise) &&
               !(p->cls & kFall) && !c->approx && !m.word && !(lx_[b].b == 0) &&
               CapitalAsLabel(b - 1);
  if (label) return kContinue;
  Emit(b, qe, FigureKind::kQuantity, c->value, "", c->approx, c->note, counted);
  return qe;
}

// Hyphenated count compounds: "a two-way race", "a 28-nation bloc", "Two-front
// war": a quantity of the noun after the hyphen.
int Scanner::MatchHyphenNoun(NumCue* c) {
  const int e = c->e;
  const Lex* w = L(e + 1);
  if (!(IsSym(e, "-") && Adj(e) && Adj(e + 1) && w && w->type == kWord && !w->upper &&
        w->low.size() > 2 && c->m.valued && !c->m.scaled && c->v >= 2))
    return kContinue;
  // "a two-time champion": the times a thing was won or done
  if ((w->cls & (kStop | kCardinal | kOrdinalW | kFractionW | kScale)) && w->low != "time"sv)
    return kContinue;
  if (IsSym(e + 2, "-") && Adj(e + 2)) return kContinue;  // "two-to-one", "three-year-old"
  Emit(c->b, e + 2, FigureKind::kQuantity, c->value, "", c->approx, c->note,
       text_.substr(lx_[e + 1].b, lx_[e + 1].e - lx_[e + 1].b));
  return e + 2;
}

// Ages: "87 yo", "87 y.o.", "age 87".
int Scanner::MatchAge(NumCue* c) {
  const NumMatch& m = c->m;
  const int b = c->b, e = c->e;
  if (m.word || !m.valued || !m.integer || m.v >= 130) return kContinue;
  if (Is(e, "yo") || (Is(e, "y") && IsSym(e + 1, ".") && Is(e + 2, "o"))) {
    int ye = Is(e, "yo") ? e + 1 : e + 3;
    if (IsSym(ye, ".") && Adj(ye) && Is(e, "y")) ++ye;
    Emit(b, ye, FigureKind::kQuantity, c->value, "year", c->approx, c->note, u"age");
    return ye;
  }
  if (c->approx) return kContinue;
  // "age 87", "aged 6", "ages 4 to 12" (the upper end: relations.cc); "the ages of 6
  // and 9" (the number alone)
  const bool of_ages = Is(b - 1, "of") && Is(b - 2, "ages");
  if (!(Is(b - 1, "age") || Is(b - 1, "aged") || Is(b - 1, "ages") || of_ages)) return kContinue;
  Emit(of_ages ? b : b - 1, e, FigureKind::kQuantity, c->value, "year", false, c->note, u"age");
  return e;
}

// "year-long", "month-long": a duration of one unit; "decades-long", "years-long": an
// unstated number of them, no figure.
int Scanner::MatchUnitLong(int i) {
  const Lex& l = lx_[i];
  if (!(l.type == kWord && (l.cls & kDurationW) && IsSym(i + 1, "-") && Adj(i + 1) &&
        Is(i + 2, "long") && Adj(i + 2) && t_.duration.count(l.low)))
    return -1;
  const std::string& unit = t_.duration.at(l.low);
  if (l.low != unit && l.low.back() == 's') return i + 3;
  Emit(i, i + 3, FigureKind::kDuration, Num(1), unit, false);
  return i + 3;
}

// "for several weeks", "within a few minutes", "all day", "half an hour", "a year ago":
// an amount that is no number before a duration unit (indefinite_amounts.txt). A
// duration of that many units; "ago" after an exact amount makes the date that far
// back, after an approximate one a duration with note "ago".
int Scanner::MatchIndefiniteDuration(int i) {
  const Lex& l = lx_[i];
  if (l.type != kWord || !WordFilterHas(t_.indefinite_filter, l.low)) return -1;
  auto bucket = t_.indefinite_amounts.find(l.low);
  if (bucket == t_.indefinite_amounts.end()) return -1;
  for (const Tables::IndefiniteAmount& a : bucket->second) {
    int k = i;
    bool ok = true;
    for (const std::string& w : a.words) ok = ok && Is(k++, w);
    const Lex* u = L(k);
    if (!ok || !u || u->type != kWord || !(u->cls & kDurationW) || u->upper) continue;
    const std::string& unit = t_.duration.at(u->low);
    const bool plural = u->low == unit + "s" || (unit == "century"sv && u->low == "centuries");
    if (plural != (a.units > 1) || (!plural && u->low != unit)) continue;
    if (u->low == "second"sv) continue;  // "for a second term": the ordinal
    int e = k + 1;
    // "a day's work", "a year's salary": a measure of something else
    if (IsApostrophe(e) && Adj(e) && Is(e + 1, "s")) continue;
    double units = a.units;
    if (!plural && Is(e, "and") && Is(e + 1, "a") && Is(e + 2, "half")) units += 0.5, e += 3;
    const bool ago = Is(e, "ago");
    // "in a year when …", "in a year this close": "in" leads only an approximate amount
    const bool after_lead =
        L(i - 1) && t_.duration_leads.count(L(i - 1)->low) && !(Is(i - 1, "in") && !a.approx);
    const bool tail = ago || Is(e, "later") || Is(e, "earlier") || Is(e, "long") ||
                      Is(e, "before") || Is(e, "after");
    if (a.words[0] != "all"sv && !after_lead && !tail) continue;
    if (a.words[0] == "all"sv && (Is(i - 1, "of") || Is(e, "of"))) continue;  // "all year of"
    // "about an hour", "more than a year"
    const bool about = (L(i - 1) && (L(i - 1)->cls & kApproxW)) ||
                       (Is(i - 1, "than") && L(i - 2) && (L(i - 2)->cls & kApproxW));
    if (ago && !a.approx && EmitAgoDate(i, e + 1, Num(units), unit, about)) return e + 1;
    if (ago) ++e;
    std::string note = ago ? "ago" : "";
    if (ago && !a.approx && !ctx_.ref) note += kNeedsReference;
    Emit(i, e, FigureKind::kDuration, Num(units), unit, a.approx || about, note);
    return e;
  }
  return -1;
}

}  // namespace figures_internal
}  // namespace factlens
