// TryNumeric: an approximator, a sign and a currency prefix, a number with
// its scale, then the ordered steps that decide the kind from what follows it
// (money.cc, quantities.cc, and here ordinals and plain numbers);
// TryOrdinalWord: "the third".
#include "figures/scanner.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace factlens {
namespace figures_internal {

// The ordinal ending at lexeme i names something or is an idiom: "Fifth
// Amendment", "the 13th Amendment", "Sixth Circuit", "first lady", "first
// responders", "in the first place"; a capitalised spelled ordinal inside a
// sentence before a capitalised word ("the Third Reich", "First Baptist").
bool Scanner::OrdinalInName(int i) const {
  // A title in quotation marks: the film “13th”, “13th.”.
  int b = L(i) && L(i)->type == kWord && L(i - 1) && L(i - 1)->type == kNum ? i - 1 : i;
  int q = i + 1;
  if (IsSym(q, ".") || IsSym(q, ",")) ++q;
  if (Quoted(b, q)) return true;
  if (IsSym(b - 1, "\u2018") && IsSym(q, "\u2019")) return true;  // ‘13th’ in a headline
  const Lex* n = L(i + 1);
  // "second-guess": a word of the list after a hyphen.
  if (IsDash(i + 1) && Adj(i + 1) && Adj(i + 2) && Has(i + 2, kOrdNameW)) return true;
  // "District Council (Second)": a capitalised spelled ordinal alone in parentheses
  // after a capitalised word numbers the name before it.
  const Lex* a = L(i);
  const Lex* before = L(i - 2);
  if (a->type == kWord && a->upper && IsSym(i - 1, "(") && IsSym(i + 1, ")") && before &&
      before->type == kWord && before->upper)
    return true;
  // "America First", "America-first policies": a slogan
  if (Is(i, "first") && Is(i - 1, "america") && L(i - 1)->upper) return true;
  if (Is(i, "first") && IsDash(i - 1) && Adj(i) && Is(i - 2, "america")) return true;
  // "a “Harbour first” push": a name and "first" together in quotation marks, a slogan
  if (Is(i, "first") && L(i - 1) && L(i - 1)->type == kWord && L(i - 1)->upper &&
      Quoted(i - 1, i + 1))
    return true;
  if (!n || n->type != kWord) return false;
  if (n->cls & kOrdNameW) return true;
  // "First of Harbour Corp.": a capitalised spelled ordinal, "of" and a capitalised word
  // that is no month (not "the Fourth of July")
  const Lex* after_of = L(i + 2);
  if (a->type == kWord && a->upper && Is(i + 1, "of") && after_of && after_of->type == kWord &&
      after_of->upper && !(after_of->cls & kMonth))
    return true;
  // "the 9th Congressional District": one capitalised word between
  // (the name word may be lower case: "the 24th Harbour district")
  if (n->upper && L(i + 2) && Has(i + 2, kOrdNameW)) return true;
  if (Is(i, "first") && Is(i + 1, "place") && Is(i - 1, "the") && Is(i - 2, "in")) return true;
  return a->type == kWord && (a->cls & kOrdinalW) && a->upper && n->upper && !SentenceStart(i) &&
         !(n->cls & (kMonth | kWeekday));
}

int Scanner::TryOrdinalWord(int i) {
  const Lex* a = L(i);
  if (!a || a->type != kWord || !(a->cls & kOrdinalW)) return -1;
  int v = t_.ordinal.at(a->low);
  // "a second", "one second", "30 seconds", "every second of the match": durations, not
  // ordinals ("every second year" alternates).
  if (a->low == "second"sv) {
    const Lex* p = L(i - 1);
    if (p && (p->low == "a"sv || p->low == "per"sv || p->low == "one"sv || p->low == "split"sv ||
              p->type == kNum || (p->low == "every"sv && Is(i + 1, "of"))))
      return -1;
  }
  // "a third", "two thirds" are fractions (handled by numbers), unless "a third" ends a
  // list ("one ..., another ..., a third").
  const Lex* p = L(i - 1);
  if (p && (p->low == "a"sv || p->low == "an"sv) && t_.fraction.count(a->low) &&
      !ThirdOfAList(i) && !NthYearOf(i)) {
    const Lex* nx = L(i + 1);
    if (!nx || nx->type != kWord || (nx->cls & kStop) || nx->low == "of"sv) return -1;
  }
  // "the bottom fifth of households", "the top third": a share of a ranked whole, a fraction.
  if (p && p->type == kWord && t_.fraction.count(a->low) && a->low != "half"sv &&
      (p->low == "bottom"sv || p->low == "top"sv || p->low == "middle"sv || p->low == "lowest"sv ||
       p->low == "highest"sv || p->low == "poorest"sv || p->low == "richest"sv ||
       p->low == "wealthiest"sv)) {
    Emit(i, i + 1, FigureKind::kPercent, Num(100.0 / t_.fraction.at(a->low)), "percent", false,
         "fraction of a whole");
    return i + 1;
  }
  // "Second World War"
  if (a->upper && Is(i + 1, "world") && Is(i + 2, "war")) return i + 3;
  if (OrdinalInName(i)) return i + 2;
  // Discourse markers: "First, ...", "at first", "first of all", "firstly".
  if (SentenceStart(i) && IsSym(i + 1, ",")) return i + 1;
  if (Is(i - 1, "at") && a->low == "first"sv) return i + 1;
  if (a->low == "first"sv && Is(i + 1, "of") && Is(i + 2, "all")) return i + 3;
  Emit(i, i + 1, FigureKind::kOrdinal, Num(v), "", false);
  return i + 1;
}

// ------------------------------------------------------------ before and at the number

// Whether the number at k carries a sign glued to it ("+0.435", "-1.2").
bool Scanner::SignedNumberAt(int k) const {
  return L(k) && L(k)->type == kNum && k > 0 && Adj(k) &&
         (IsSym(k - 1, "+") || IsSym(k - 1, "-") || IsSym(k - 1, "\u2212"));
}

// A minus sign set apart from its number in a column of signed changes: "(- 0.6)",
// "97.60 - 2.450 +0.700" (a signed number before or after it), not "10 - 12".
bool Scanner::DetachedMinus(int k) const {
  const Lex* p = L(k - 1);
  if (!L(k + 1) || L(k + 1)->type != kNum || Adj(k + 1) || !p) return false;
  if (p->type == kSym && p->low == "("sv) return Adj(k);
  // k + 1 is the number; a signed neighbour is at k - 1 or, after it, at k + 3 (k + 2 its sign)
  return p->type == kNum && L(k)->sp && (SignedNumberAt(k - 1) || SignedNumberAt(k + 3));
}

// A sign before the number: "-5", "(-3.2)", "+3.2%", "minus 5", "(- 0.6)" (k: where it
// may be). Returns the lexeme after it and sets c->negative.
int Scanner::ReadSign(NumCue* c, int k) const {
  if (IsSym(k, "-") || IsSym(k, "\u2212")) {
    if (DetachedMinus(k)) {
      c->negative = true;
      return k + 1;
    }
    const Lex* n = L(k + 1);
    const Lex* p = L(k - 1);
    // A minus sign starts a word: "-5", "(-3.2)"; "5.25%-5.5%" is a range dash.
    if (n && n->type == kNum && Adj(k + 1) &&
        (!p || L(k)->sp || (p->type == kSym && (p->low == "("sv || p->low == "["sv))) &&
        !(p && p->type == kNum) && !(p && Adj(k) && p->type == kWord)) {
      c->negative = true;
      return k + 1;
    }
  } else if (IsSym(k, "+") && L(k + 1) && L(k + 1)->type == kNum && Adj(k + 1) &&
             (L(k)->sp || k == 0) && !(L(k - 1) && L(k - 1)->type == kNum)) {
    return k + 1;  // "+3.2%": the sign stays inside the span (a stated change)
  } else if (Is(k, "minus") || Is(k, "negative")) {
    const Lex* n = L(k + 1);
    // "plus or minus 4 points" is a margin, not a negative number.
    if (Is(k - 1, "or") && Is(k - 2, "plus")) return k + 1;
    if (n && (n->type == kNum || (n->cls & kCardinal))) {
      c->negative = true;
      return k + 1;
    }
  }
  return k;
}

// An approximator, a sign and a currency prefix ("about $5", "-€3", "US$-2").
// Sets c->k to the number; returns kContinue, or the end of a non-figure / -1.
int Scanner::ReadNumberPrefix(NumCue* c) {
  int k = c->k;
  // "a par-five hole", "the par-4 16th": a golf hole's par names the hole
  if (IsDash(k - 1) && Adj(k - 1) && Adj(k) && Is(k - 2, "par")) return k + 1;
  int ae = MatchApprox(k);
  // "Under 30 Motors", "Over 50 Club": a capitalised approximator inside a sentence,
  // before a number (not a year) and a capitalised word, opens a name
  if (ae > 0 && L(k)->upper && !SentenceStart(k) && L(ae) && L(ae)->type == kNum &&
      !ModernYear(ae) && L(ae + 1) && L(ae + 1)->type == kWord && L(ae + 1)->upper &&
      !(L(ae + 1)->cls & kMonth))
    return ae + 1;
  if (ae > 0) {
    // "since at least 1972", "until about 2030": a year after its cue, read as a date
    if (YearCueBefore(k) && ModernYear(ae)) return -1;
    c->approx = true;
    k = ae;
  }
  k = ReadSign(c, k);
  c->ce = MatchCurrencyPrefix(k, &c->cur, &c->cur_assumed, &c->cur_note);
  if (c->ce > 0) {
    if (c->cur_note == "M prefix: millions"sv) c->cur_factor = 1e6, c->cur_note.clear();
    k = c->ce;
    if (!c->negative && (IsSym(k, "-") || IsSym(k, "\u2212")) && L(k + 1) &&
        L(k + 1)->type == kNum && Adj(k + 1)) {
      c->negative = true;
      ++k;
    }
  }
  c->k = k;
  const Lex* nl = L(k);
  if (!nl) return -1;
  if (nl->type == kNum && c->ce < 0) {
    int skip = SkipNonFigure(k);
    if (skip > 0) return c->approx ? -1 : skip;
  }
  return kContinue;
}

// A number that is part of a name: "7-Eleven", "50 Cent", "Ocean's Eleven",
// "one-China". Returns the end of the name, or kContinue.
int Scanner::SkipNumberInName(const NumCue& c) const {
  const NumMatch& m = c.m;
  const int k = c.k;
  const bool money = c.ce > 0;
  // "7-Eleven": a number joined to a capitalised word is part of a name.
  if (!m.word && IsSym(m.end, "-") && Adj(m.end) && L(m.end + 1) && Adj(m.end + 1) &&
      L(m.end + 1)->type == kWord && L(m.end + 1)->upper &&
      !(L(m.end + 1)->cls & (kDurationW | kUnitW | kCurrencyW | kScale)))
    return !money && !c.approx ? m.end + 2 : -1;
  // A number before a capitalised unit or currency word inside a sentence is a
  // name ("50 Cent", "5 Seconds of Summer"); not before the nationality that opens a
  // currency's name ("300 Swiss francs", "15 French nationals").
  if (ctx_.english && !m.word && !money && !c.approx && L(m.end) && L(m.end)->type == kWord &&
      L(m.end)->upper && !L(m.end)->allcaps && !SentenceStart(k) &&
      (L(m.end)->cls & (kCurrencyW | kUnitW | kDurationW)) && !(L(m.end)->cls & kMonth) &&
      L(m.end)->low != "celsius"sv && L(m.end)->low != "fahrenheit"sv &&
      !CurrencyNameOfWords(m.end, m.scaled) &&
      !((L(m.end)->cls & kCurrencyW) && !(L(m.end)->cls & (kUnitW | kDurationW)) &&
        !CurrencyWordAlone(m.end)))
    return m.end + 1;
  // A capitalised number word inside a sentence is a name ("Ocean's Eleven",
  // "the Big Four"), unless a figure follows it.
  if (ctx_.english && m.word && !c.approx && !money && L(k)->upper && !SentenceStart(k) &&
      !(L(m.end) && !L(m.end)->upper &&
        (L(m.end)->cls & (kDurationW | kUnitW | kCurrencyW | kPercentW))))
    return m.end;
  // "Zero Hedge": a capitalised "Zero" before a capitalised word is a name.
  if (m.word && L(k)->low == "zero"sv && L(k)->upper && L(m.end) && L(m.end)->type == kWord &&
      L(m.end)->upper)
    return m.end + 1;
  // Word numbers: "one" on its own is not a figure, nor "one-China".
  if (m.word && !m.scaled && !m.fraction &&
      (IsSym(m.end, "-") && Adj(m.end) && L(m.end + 1) && L(m.end + 1)->upper && Adj(m.end + 1)))
    return m.end + 2;
  return kContinue;
}

// The number itself (ParseNumber), unless it belongs to a code or a name. Sets
// c->m, c->e, c->v, c->value, c->note; returns kContinue, or an end / -1.
int Scanner::ReadNumber(NumCue* c) {
  c->m = ParseNumber(c->k, c->ce > 0);
  const NumMatch& m = c->m;
  if (!m.ok) return m.note == "code"sv && c->ce < 0 && !c->approx && !c->negative ? m.end : -1;
  int r = SkipNumberInName(*c);
  if (r != kContinue) return r;
  // ".571", "to .5 percent": a decimal written without its leading zero (a space or the
  // text's start before the point, the digits glued to it)
  if (IsSym(c->k - 1, ".") && Adj(c->k) && (c->k - 1 == 0 || !Adj(c->k - 1)) && m.valued &&
      m.integer && !m.grouped && m.end == c->k + 1) {
    c->m.v = m.v / std::pow(10.0, static_cast<double>(L(c->k)->low.size()));
    c->m.integer = false;
    if (c->b == c->k) c->b = c->k - 1;
  }
  c->e = m.end;
  // "15-plus years", "a 20-plus-year career": at least that many, read on to the unit.
  if (m.valued && IsDash(c->e) && Adj(c->e) && Is(c->e + 1, "plus") && Adj(c->e + 1)) {
    c->approx = true;
    c->e += 2;
    if (IsDash(c->e) && Adj(c->e) && Adj(c->e + 1)) ++c->e;
    // "a $40-plus billion fund": the scale after "plus" is the number's
    const Lex* sw = L(c->e);
    const double mult =
        !m.scaled && sw && sw->type == kWord && !sw->upper ? t_.ScaleOf(sw->low) : 0;
    if (mult >= 1000) {
      c->m.v *= mult;
      c->m.scaled = true;
      ++c->e;
    }
  } else if (m.valued && !m.word && Is(c->e, "plus") && L(c->e + 1) &&
             L(c->e + 1)->type == kWord && !L(c->e + 1)->upper && PluralNoun(*L(c->e + 1))) {
    // "3,000 plus homes": "plus" set apart, before a plural noun, as "3,000-plus"
    c->approx = true;
    c->e += 1;
  }
  c->v = c->negative ? -c->m.v : c->m.v;
  c->value = m.valued ? Num(c->v) : FigureValue{};
  c->note = m.note;
  return kContinue;
}

// ------------------------------------------------------------ kinds decided in this file

// Ordinal digits: "21st", "100th", "the 15th century"; spelled "twenty-first".
int Scanner::MatchOrdinalNumber(NumCue* c) {
  const NumMatch& m = c->m;
  const int b = c->b, e = c->e;
  if (!m.word && m.integer && !m.scaled && L(e) && L(e)->type == kWord && Adj(e) &&
      (Is(e, "st") || Is(e, "nd") || Is(e, "rd") || Is(e, "th"))) {
    // "the 15th century", "an 18th-century church"
    const int cw = IsSym(e + 1, "-") && Adj(e + 1) && Adj(e + 2) ? e + 2 : e + 1;
    if (Is(cw, "century") || Is(cw, "centuries")) {
      // "21st Century Fox", "the 20th Century Limited": a capitalised name runs on
      const Lex* nx = L(cw + 1);
      if (L(cw)->upper && nx && nx->type == kWord && nx->upper && !(nx->cls & kStop))
        return cw + 2;
      int century = WholeAtMost(m.v, 100);  // beyond the 100th: no value (years > 9999)
      FigureValue value = century > 0 ? StrRange(IsoDate(std::max(1, (century - 1) * 100)),
                                                 IsoDate(century * 100 - 1))
                                      : FigureValue{};
      Emit(b, cw + 1, FigureKind::kDate, value, "century", c->approx, "century");
      return cw + 1;
    }
    if (OrdinalInName(e)) return e + 2;
    // "on the 18th." : a day of the reference month.
    int day = WholeAtMost(m.v, 31);
    const Lex* after = L(e + 1);
    bool the = Is(b - 1, "the") && Is(b - 2, "on");
    if (day > 0 && (the || Is(b - 1, "on")) && (!after || after->type == kSym) && ctx_.ref &&
        ctx_.ref->day)
      return EmitDayOfMonth(the ? b - 1 : b, e + 1, day);  // also "on 29th."
    Emit(b, e + 1, FigureKind::kOrdinal, c->value, "", c->approx, c->note);
    return e + 1;
  }
  if (!m.ordinal) return kContinue;
  if (OrdinalInName(e - 1)) return e + 1;
  Emit(b, e, FigureKind::kOrdinal, c->value, "", c->approx, c->note);
  return e;
}

// "on the 18th": the latest 18th on or before the reference date, or the next one
// when the sentence speaks of the future.
int Scanner::EmitDayOfMonth(int b, int e, int day) {
  const Date& r = *ctx_.ref;
  int dir = WeekdayDirection(b) > 0 ? 1 : -1;
  int months = r.year * 12 + r.month - 1;
  if (dir < 0 && day > r.day) --months;
  if (dir > 0 && day < r.day) ++months;
  int y = months / 12, m = months % 12 + 1;
  FigureValue v = ValidDate(y, m, day) ? Str(IsoDate(y, m, day)) : FigureValue{};
  Emit(b, e, FigureKind::kDate, v, "", false, "month inferred from " + ctx_.ref_source);
  return e;
}

// A number glued to letters after it is a code ("24703L202", "5G", "3D").
int Scanner::SkipGluedCode(NumCue* c) {
  const int e = c->e;
  if (c->m.word || !L(e) || !Adj(e) || L(e)->type != kWord || Is(e, "yo") || Is(e, "y"))
    return kContinue;
  int k2 = e;
  while (k2 < N() && Adj(k2) && L(k2)->type != kSym) ++k2;
  return k2;
}

// Plain numbers, unless a name holds them ("Apollo 11", "Section 230", "Beijing
// 2022"); "(96.4)" in a table cell is a negative amount.
int Scanner::MatchPlainNumber(NumCue* c) {
  const NumMatch& m = c->m;
  const int b = c->b, e = c->e;
  if (m.word && !m.scaled && !m.fraction) {
    // Spelled numbers: "one" alone is a pronoun more often than a figure; so it is after
    // the prepositions "about", "over" and "around" before a word that is no unit ("wary
    // about one of the plans", "sure about one thing", "rally around one plan";
    // "about one point" and "at least one of them" stay figures).
    const bool unit_after =
        Has(e, kUnitW | kDurationW | kCurrencyW | kPercentW) || Is(e, "point") || Is(e, "points");
    if (m.v == 1 && (!c->approx || ((Is(b, "about") || Is(b, "over") || Is(b, "around")) &&
                                    L(e) && L(e)->type == kWord && !unit_after)))
      return -1;
    if (m.v == 0 && L(c->i)->low == "nought"sv) return -1;
  }
  const Lex* p = L(b - 1);
  if (!m.word && !c->approx && p && p->type == kWord && (p->upper || !p->raw.empty()) &&
      lx_[b].b > 0 && text_[lx_[b].b - 1] == ' ' &&
      !(p->cls & (kStop | kApproxW | kYearCue | kMonth | kRise | kFall | kCardinal)) &&
      CapitalAsLabel(b - 1) && !NumberAfter(e)) {
    return e;  // a label, not a figure ("Apollo 11"; "Harbour 8 5 0 3", a table's row, is not)
  }
  // Accounts: "(96.4)" in a table cell is a negative amount.
  if ((kind_ == ParagraphKind::kTableCell || HasTab()) && IsSym(b - 1, "(") && IsSym(e, ")") &&
      m.valued && !m.word) {
    Emit(b - 1, e + 1, FigureKind::kNumber, Num(-c->v), "", c->approx,
         "accounts: parentheses mark a negative amount");
    return e + 1;
  }
  Emit(b, e, FigureKind::kNumber, c->value, "", c->approx, c->note);
  return e;
}

// Whether the capitalised word at lexeme j, right before a number, may make it a label
// ("Boeing 757", "Apollo 13", "Game 7"): not when a word that commonly opens a sentence
// (text/sentence_starters.txt) or an "-ing" form opens one with it ("Another 24
// delegates", "Boasting 9,000 members"), nor in a line in title case ("Learning 6
// Soldiers Died"), unless it is a label word (label_words.txt: "Section 230").
bool Scanner::CapitalAsLabel(int j) const {
  const Lex* p = L(j);
  if (p && (p->cls & kLabelW)) return true;
  // a word with capitals inside ("iPhone 7", a scraped "FeaturedFebruary 6")
  if (p && !p->allcaps && p->raw.size() > 1 &&
      std::any_of(p->raw.begin() + 1, p->raw.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
    return true;
  if (TitleCaseLine()) return false;
  const Lex* before = L(j - 1);
  const bool opens = !before || IsSym(j - 1, ".") || IsSym(j - 1, "!") || IsSym(j - 1, "?");
  return !(opens && p &&
           (IsSentenceStarterWord(std::u16string_view(text_).substr(p->b, p->e - p->b)) ||
            (p->low.size() > 5 && p->low.compare(p->low.size() - 3, 3, "ing") == 0)));
}

// Another number, set apart by a space, at lexeme k ("8 5 0 3": a row of a table), or
// "vs" and a number ("Turnover 41.5 vs 38.2").
bool Scanner::NumberAfter(int k) const {
  // "Turnover 41.5 vs 38.2": a results row's comparison
  if (Is(k, "vs") || Is(k, "v")) {
    const Lex* next = L(IsSym(k + 1, ".") ? k + 2 : k + 1);
    if (next && next->type == kNum) return true;
  }
  return L(k) && L(k)->type == kNum && !Adj(k);
}

// Whether the paragraph is a headline in title case: at most 20 words, at least three of
// four letters or more and nearly all of those capitalised ("Mayor Reveals 6 Ferries Were
// Sold").
bool Scanner::TitleCaseLine() const {
  if (title_case_ < 0) {
    int all = 0, words = 0, capitalised = 0;
    for (const Lex& l : lx_) {
      if (l.type != kWord) continue;
      ++all;
      if (l.low.size() < 4) continue;
      ++words;
      if (l.upper && !l.allcaps) ++capitalised;
    }
    title_case_ = all <= 20 && words >= 3 && capitalised * 10 >= words * 8 ? 1 : 0;
  }
  return title_case_ == 1;
}

// ------------------------------------------------------------ TryNumeric

// Numeric figures: what is before the number (approximator, sign, currency) and
// what follows it decide the kind. Each step returns an end, -1 or kContinue.
int Scanner::TryNumeric(int i) {
  NumCue c;
  c.i = c.b = c.k = i;
  int r = ReadNumberPrefix(&c);
  if (r == kContinue) r = ReadNumber(&c);
  if (r != kContinue) return r;
  r = MatchMoneyBefore(&c);                          // "$5", "US$5-10 million" (money.cc)
  if (r == kContinue) r = MatchOrdinalNumber(&c);    // "21st", "the 15th century"
  if (r == kContinue) r = MatchMoneyAfter(&c);       // "5 million yuan", "one-yen" (money.cc)
  if (r == kContinue) r = MatchPercent(&c);          // "12%", "2 percentage points"
  if (r == kContinue) r = MatchCompactRange(&c);     // "5-10%", "40-50 years", "3-4 km"
  if (r == kContinue) r = MatchDuration(&c);         // "two months", "29-year-old"
  if (r == kContinue) r = MatchMeasure(&c);          // "3.5 tonnes", "25 pounds"
  if (r == kContinue) r = MatchPointFraction(&c);    // "a quarter of a percentage point"
  if (r == kContinue) r = MatchProportion(&c);       // "one in five"
  if (r == kContinue) r = MatchWholeFraction(&c);    // "a third", "nearly half"
  if (r == kContinue) r = MatchCounted(&c);          // "about 200 people"
  if (r == kContinue) r = MatchHyphenNoun(&c);       // "a 28-nation bloc" (quantities.cc)
  if (r == kContinue) r = SkipGluedCode(&c);         // "5G", "24703L202"
  if (r == kContinue) r = MatchAge(&c);              // "87 yo", "age 87"
  if (r == kContinue) r = MatchPlainNumber(&c);      // "1,234", "Apollo 11" (a name)
  return r == kContinue ? -1 : r;
}

}  // namespace figures_internal
}  // namespace factlens
