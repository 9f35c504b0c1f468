// Things that look like figures but are not: "G7", "COVID-19", "No. 10",
// phone numbers, match scores, street addresses.
#include "figures/scanner.h"

#include <algorithm>
#include <string>

namespace factlens {
namespace figures_internal {

constexpr int kMaxGames = 7;  // games a side wins in a tennis set

// The end of a cluster of glued lexemes from k ("MH370", "COVID-19-related").
int Scanner::ClusterEnd(int k) const {
  while (k < N() && Adj(k) && (L(k)->type != kSym || IsDash(k) || IsSym(k, "/") || IsSym(k, "."))) {
    if (L(k)->type == kSym && !(L(k + 1) && Adj(k + 1) && L(k + 1)->type != kSym)) break;
    ++k;
  }
  return k;
}

// A number glued to letters before ("G7", "MH370", "COVID-19", "F-16", "B2B"), to an
// underscore ("@reader_945") or to a lettered paragraph after it ("401(k)"), or after a
// label ("No. 10", "Section 230", "version 2.1", "Article 9", "#5").
int Scanner::SkipCodeOrLabel(int i) const {
  const Lex* p = L(i - 1);
  if (p && Adj(i) && p->type == kWord) {
    // "Q2 loss": a quarter with no year (the date matcher reads "Q3 1996")
    if (p->low == "q"sv && IntAt(i, 1) >= 1 && IntAt(i, 1) <= 4) return ClusterEnd(i + 1);
    bool date_prefix = p->low == "mid"sv || p->low == "pre"sv || p->low == "post"sv;
    if (!date_prefix && !(p->low == "fy"sv || p->low == "q"sv) &&
        !(p->low == "rs"sv || p->low == "rp"sv || p->low == "rm"sv))
      return ClusterEnd(i + 1);
  }
  if (p && Adj(i) && IsDash(i - 1) && L(i - 2) && L(i - 2)->type == kWord && Adj(i - 1)) {
    const Lex* w = L(i - 2);
    // ("an under-21 side": an age group's name, no figure)
    bool ok_prefix = w->low == "mid"sv || w->low == "pre"sv || w->low == "post"sv ||
                     ((w->cls & (kMonth | kApproxW)) && w->low != "under"sv) ||
                     w->low == "minus"sv;
    if (!ok_prefix) return ClusterEnd(i + 1);
  }
  if (p && p->type == kWord && (p->cls & kLabelW) && (p->upper || (p->cls & kLabelLowerW)))
    return ClusterEnd(i + 1);
  if (p && p->type == kSym && p->low == "."sv && L(i - 2) &&
      (L(i - 2)->low == "no"sv || L(i - 2)->low == "nos"sv))
    return ClusterEnd(i + 1);
  if (IsSym(i - 1, "#") && Adj(i)) return ClusterEnd(i + 1);
  // "width:100%", "margin-top:20px": a style sheet's property and value pasted into a page
  if (IsSym(i - 1, ":") && Adj(i) && Adj(i - 1) && L(i - 2) && L(i - 2)->type == kWord &&
      !L(i - 2)->upper)
    return ClusterEnd(i + 1);
  // "an S.&P. 400 fund": an index named with periods ("S&P 400" reads "P" as a label)
  if (IsSym(i - 1, ".") && Is(i - 2, "p") && IsSym(i - 3, "&")) return ClusterEnd(i + 1);
  // "@reader_945", "file_2016": the digits end a handle or a file name
  if (IsSym(i - 1, "_") && Adj(i)) return ClusterEnd(i + 1);
  // "a 401(k) plan", "a 501(c)(3) charity": a section of a code, a letter in parentheses
  // glued to it
  if (LetteredParagraphAt(i + 1)) {
    int e = i + 4;
    while (IsSym(e, "(") && Adj(e) && Adj(e + 1) && IsSym(e + 2, ")") && Adj(e + 2)) e += 3;
    return e;
  }
  // "the Group of 20": a club of countries named by its size
  if (Is(i - 1, "of") && L(i - 2) && L(i - 2)->upper && Is(i - 2, "group")) return i + 1;
  return -1;
}

// "(k)" glued to what stands before lexeme k: a lettered paragraph of a code.
bool Scanner::LetteredParagraphAt(int k) const {
  return IsSym(k, "(") && Adj(k) && L(k + 1) && L(k + 1)->type == kWord &&
         L(k + 1)->low.size() == 1 && Adj(k + 1) && IsSym(k + 2, ")") && Adj(k + 2);
}

// Phone numbers: "+1-222-2222", "(206) 555-1212", "312 555-0142", "138-2010-2015",
// "123-12-1234", "+48 21 555 0100".
// (Versions "1.2.3" ParseDigits rejects.)
int Scanner::SkipPhoneNumber(int i) const {
  const int listed = SkipListedPhone(i);
  if (listed > 0) return listed;
  // "312 555-0142": a North American number with its area code set apart (the lexer
  // reads "312 555" as one number with a space between its groups)
  if (L(i)->low.size() == 7 && L(i)->low[3] == ' ' && IsDash(i + 1) && Adj(i + 1) &&
      Adj(i + 2) && L(i + 2) && L(i + 2)->type == kNum && L(i + 2)->low.size() == 4 &&
      IntAt(i + 2, 4) >= 0)
    return i + 3;
  int k = i;
  int groups = 0, digits = 0;
  bool plus = IsSym(i - 1, "+") && Adj(i);
  bool paren = IsSym(i - 1, "(");
  bool inside_paren = paren;
  int last = i;
  while (k < N() && L(k)->type == kNum) {
    const std::string& s = L(k)->low;
    if (s.find_first_of(".,") != std::string::npos && groups > 0) break;
    ++groups;
    digits += static_cast<int>(
        std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
    last = k;
    int sep = k + 1;
    // After "+CC", groups may stand apart with spaces: "+48 21 555 0100"; so may they
    // after a country and city code in parentheses, "(44 20) 7946 0000".
    const size_t min_spaced = !paren ? 2 : inside_paren ? 1 : 3;
    if ((plus || paren) && L(sep) && L(sep)->type == kNum && !Adj(sep) &&
        L(sep)->low.size() >= min_spaced) {
      k = sep;
      continue;
    }
    if (!((IsSym(sep, "-") || IsSym(sep, "/") || IsSym(sep, ")") || IsSym(sep, ".")) &&
          L(sep + 1) && L(sep + 1)->type == kNum && (Adj(sep + 1) || IsSym(sep, ")"))))
      break;
    if (IsSym(sep, ")")) inside_paren = false;
    k = sep + 1;
  }
  if ((plus && groups >= 2) || (groups >= 3 && digits >= 8) ||
      (paren && groups >= 2 && digits >= 9) || (groups >= 4 && (!paren || digits >= 8)))
    return last + 1;
  return -1;
}

// The numbers after a desk's phone label ("-- Harbour newsroom +44 20 7946 0000",
// "Desk 212-555-0100", "Tel+44 ...", invented): a phone number however its groups are
// spaced; its end, or -1. Read back from i over digits and the marks of a number.
int Scanner::SkipListedPhone(int i) const {
  auto number_part = [&](int k) {
    return L(k) && (L(k)->type == kNum || IsSym(k, "+") || IsDash(k) || IsSym(k, "(") ||
                    IsSym(k, ")") || IsSym(k, "/"));
  };
  int k = i - 1;
  while (k >= 0 && k >= i - 8 && number_part(k)) --k;
  if (IsSym(k, ",") || IsSym(k, ":")) --k;
  if (!(Is(k, "newsroom") || Is(k, "newsdesk") || (Is(k, "desk") && L(k)->upper) ||
        Is(k, "tel") || Is(k, "fax")))
    return -1;
  int e = i;
  while (e < N() && number_part(e)) ++e;
  return e;
}

// Match scores "2-0", "3–1" in a sports context, or with the lower score second
// (set apart, "2 – 1", in a sports context only);
// ties and splits ("50-50", "a 4-4 ruling") are never a range.
int Scanner::SkipScore(int i) const {
  int k = i + 1;
  // "2 – 1" set apart: a score only in a sports context (a range is often spaced)
  const bool spaced = IsDash(k) && !Adj(k) && L(k + 1) && !Adj(k + 1) && L(k + 1)->type == kNum;
  if (!(IsDash(k) && Adj(k) && L(k + 1) && L(k + 1)->type == kNum && Adj(k + 1)) && !spaced)
    return -1;
  int x = IntAt(i, 2), y = IntAt(k + 1, 2);
  if (x < 0 || y < 0) return -1;
  if (IsSym(k + 2, "/") && Adj(k + 2)) return -1;  // a price "30-5/8" (AddMixedFraction)
  const Lex* after = L(k + 2);
  bool unit_after = after && (after->type == kSym ? after->low == "%"sv
                                                  : (after->cls & (kPercentW | kScale | kUnitW |
                                                                   kDurationW | kCurrencyW)) != 0);
  bool sports = false;
  for (int s = std::max(0, i - 12); s < std::min(N(), k + 6); ++s)
    if (L(s)->type == kWord && (L(s)->cls & kSportsW)) sports = true;
  // "Tunisia 1 – 2 England": a result set between two sides' names
  const Lex* before = L(i - 1);
  if (spaced && before && before->type == kWord && before->upper && after &&
      after->type == kWord && after->upper)
    sports = true;
  // "6-4 4-6 7-6", "a 2-6 1-3 deficit": a run of set scores, whichever side leads (a
  // cricket scorecard's falls of wickets, "1-4 2-9 3-61", are figures)
  const bool series = !spaced && x <= kMaxGames && y <= kMaxGames &&
                      (GluedScoreAt(k + 2) || GluedScoreAt(i - 3)) &&
                      !(GluedPairAt(k + 2, 3) && !GluedScoreAt(k + 2)) &&
                      !(GluedPairAt(i - 3, 3) && !GluedScoreAt(i - 3));
  return !unit_after && (sports || series || (y <= x && !spaced)) ? k + 2 : -1;
}

// Whether lexemes j..j+2 are two integers of up to `digits` digits joined by a dash
// ("3-61"), set apart by spaces from what stands before and after them.
bool Scanner::GluedPairAt(int j, int digits) const {
  if (j < 0 || IntAt(j, digits) < 0 || IntAt(j + 2, digits) < 0) return false;
  if (!IsDash(j + 1) || !Adj(j + 1) || !Adj(j + 2) || Adj(j)) return false;
  return !L(j + 3) || !Adj(j + 3);
}

// Whether lexemes j..j+2 are a set's score: a pair (GluedPairAt) of games up to
// kMaxGames ("7-6").
bool Scanner::GluedScoreAt(int j) const {
  return GluedPairAt(j, 1) && IntAt(j, 1) <= kMaxGames && IntAt(j + 2, 1) <= kMaxGames;
}

// Addresses: "10 Downing Street", "1600 Pennsylvania Avenue".
int Scanner::SkipAddress(int i) const {
  int k = i + 1;
  int caps = 0;
  while (L(k) && caps < 3) {
    // "418 East 52nd Street": a numbered street between the capitalised words.
    if (L(k)->type == kNum && L(k + 1) && Adj(k + 1) &&
        (Is(k + 1, "st") || Is(k + 1, "nd") || Is(k + 1, "rd") || Is(k + 1, "th"))) {
      ++caps;
      k += 2;
      continue;
    }
    if (!(L(k)->type == kWord && L(k)->upper)) break;
    if (L(k)->cls & kStreetW && caps > 0) return k + 1;
    ++caps;
    ++k;
  }
  return -1;
}

// Things that look like figures but are not: returns the end of the skipped
// cluster, or -1.
int Scanner::SkipNonFigure(int i) {
  const Lex* a = L(i);
  if (!a || a->type != kNum) return -1;
  int e = SkipCodeOrLabel(i);
  if (e < 0) e = SkipPhoneNumber(i);
  if (e < 0) e = SkipScore(i);
  if (e < 0) e = SkipAddress(i);
  if (e < 0) e = SkipTitleNumber(i);
  if (e < 0) e = SkipListLabel(i);
  return e;
}

// A number that names something: "529 college savings plans" (number_names.txt); a
// title "The 180," (a capitalised "The" before a bare number that ends the phrase) or
// "2031: Harbour Lights" (a year-like number, a colon, a capitalised word).
int Scanner::SkipTitleNumber(int i) const {
  auto named = t_.number_names.find(lx_[i].low);
  if (named != t_.number_names.end() && NumberNameAfter(named->second, i + 1) > 0) return i + 1;
  // "released 2031: Harbour Lights": a year-like number inside a sentence before a colon
  // and a capitalised word opens a title
  // (not after "to" or a year cue: "fast-forward to 2031: Somehow ...")
  if (Year4(i) >= 1000 && i > 0 && IsSym(i + 1, ":") && Adj(i + 1) && L(i + 2) &&
      !Adj(i + 2) && L(i + 2)->type == kWord && L(i + 2)->upper && !SentenceStart(i) &&
      !YearCueBefore(i) && !Is(i - 1, "to"))
    return i + 1;
  const Lex* p = L(i - 1);
  if (!(p && p->type == kWord && p->low == "the"sv && p->upper)) return -1;
  const Lex* n = L(i + 1);
  if (n && !(n->type == kSym && (n->low == ","sv || n->low == "."sv || n->low == "\u2019"sv ||
                                 n->low == "\u201D"sv || n->low == "\""sv || n->low == ")"sv)))
    return -1;
  return i + 1;
}

// A list label: a whole number of one or two digits glued to a ")" that closes no "(" of
// the paragraph, with a word after it ("three steps: 1) file, 2) wait, 3) appeal"; a
// score "(7-5)" or "(Sept. 6)" closes one), before a capital when it opens the
// paragraph ("1) Who runs?"); a paragraph of one or two digits alone, the number of a
// listicle's item.
int Scanner::SkipListLabel(int i) const {
  const Lex& l = lx_[i];
  if (l.low.size() > 2) return -1;
  // "7" heading a listicle's item, "7. WHAT COMES NEXT" one in capitals; "60." alone
  // stays, and so does "3. Ada Okafor (Ruritania)": a by-the-numbers item states a
  // figure, a results list a placing.
  if (i == 0 && N() == 1) return 1;
  auto capitals = [&](int k) {  // "WHAT", not "A"
    return L(k) && L(k)->type == kWord && L(k)->allcaps && L(k)->low.size() >= 2;
  };
  if (i == 0 && IsSym(1, ".") && capitals(2) && capitals(3)) return 2;
  if (!IsSym(i + 1, ")") || !Adj(i + 1) || IsDash(i - 1)) return -1;
  if (!L(i + 2) || L(i + 2)->type != kWord) return -1;
  if (i == 0 && !L(i + 2)->upper) return -1;  // "6) so": a line broken inside "(Sept. 6)"
  for (int k = i - 1; k >= 0; --k) {
    if (IsSym(k, ")")) break;
    if (IsSym(k, "(")) return -1;
  }
  return i + 2;
}

// An idiom with a spelled number (number_names.txt): "six figures", "a six-figure
// salary", "a five-alarm fire", "third world countries", "a high-five" hold no count
// or rank.
int Scanner::SkipNumberIdiom(int i) const {
  const Lex& l = lx_[i];
  if (l.type != kWord || !(l.cls & (kCardinal | kOrdinalW))) return -1;
  const int someday = SomedayAt(i);
  if (someday > 0) return someday;
  auto named = t_.number_names.find(l.low);
  if (named == t_.number_names.end()) return -1;
  const int before = IsDash(i - 1) && Adj(i) ? i - 2 : i - 1;
  const int after = IsDash(i + 1) && Adj(i + 1) ? i + 2 : i + 1;
  if (!(IsDash(i + 1) && Adj(i + 1)) && NumberNameBefore(named->second, before)) return i + 1;
  const int framed = NumberNameFramed(named->second, before, after);
  if (framed > 0) return framed;
  return NumberNameAfter(named->second, after);
}

// "and one day the town would pay", "One day, we will sail": "one day" before a subject
// and a modal is someday, no duration (a modal before it is in number_names.txt:
// "<could:day"). Not "for one day", nor "one day later". The end of "day", or -1.
int Scanner::SomedayAt(int i) const {
  if (!Is(i, "one") || !Is(i + 1, "day")) return -1;
  if (Is(i - 1, "for") || Is(i - 1, "in") || Is(i - 1, "within") || Is(i - 1, "after") ||
      Is(i - 1, "per") || Is(i - 1, "than") || Is(i - 1, "only") || Is(i - 1, "just"))
    return -1;
  if (Is(i + 2, "later") || Is(i + 2, "earlier") || Is(i + 2, "after") ||
      Is(i + 2, "before") || Is(i + 2, "ago") || Is(i + 2, "of"))
    return -1;
  const int subject = IsSym(i + 2, ",") ? i + 3 : i + 2;  // "One day, she will"
  for (int k = subject; k <= subject + 3 && L(k) && L(k)->type == kWord; ++k)
    if (Is(k, "will") || Is(k, "would") || Is(k, "could") || Is(k, "might") || Is(k, "may") ||
        Is(k, "shall") || Is(k, "should") || Is(k, "can"))
      return k > subject ? i + 2 : -1;  // a subject between: "one day Marlow would"
  return -1;
}

// Whether the lexeme k, right before a number, is one of the number's name words
// written "<word" in number_names.txt ("<high": "a high-five"), and no word's last part
// ("a season-high five-game streak").
bool Scanner::NumberNameBefore(const std::vector<std::string>& names, int k) const {
  if (!L(k) || L(k)->type != kWord || (IsDash(k - 1) && Adj(k))) return false;
  for (const std::string& w : names)
    if (w[0] == '<' && w.find(':') == std::string::npos &&
        L(k)->low == std::string_view(w).substr(1))
      return true;
  return false;
}

// A name written "<word:phrase" in number_names.txt: the word right before the number
// and the phrase right after it ("<could:day", "could one day reach": someday, no
// duration). The end of the phrase, or -1.
int Scanner::NumberNameFramed(const std::vector<std::string>& names, int before,
                              int after) const {
  if (!L(before) || L(before)->type != kWord) return -1;
  for (const std::string& w : names) {
    const size_t colon = w.find(':');
    if (w[0] != '<' || colon == std::string::npos) continue;
    if (L(before)->low != std::string_view(w).substr(1, colon - 1)) continue;
    const int end = NumberNameAfter({w.substr(colon + 1)}, after);
    if (end > 0) return end;
  }
  return -1;
}

// Whether one of a number's name words (number_names.txt) starts at lexeme k: the end
// of the match, or -1. "world_countries" stands for two words ("third world
// countries", not "third world crown"), "minutes_of_fame" for three; the words may be
// joined by hyphens ("first-of-its-kind"); "-class" must be.
int Scanner::NumberNameAfter(const std::vector<std::string>& names, int k) const {
  if (!L(k) || L(k)->type != kWord) return -1;
  const bool hyphenated = IsDash(k - 1) && Adj(k - 1) && Adj(k);
  for (const std::string& w : names) {
    if (w[0] == '<') continue;
    std::string_view rest(w);
    if (rest[0] == '-') {  // "-class": only joined by a hyphen ("first-class", not "first class")
      if (!hyphenated) continue;
      rest.remove_prefix(1);
    }
    int j = k;
    for (;;) {
      const size_t join = rest.find('_');
      if (!Is(j, rest.substr(0, join))) break;
      ++j;
      if (join == std::string_view::npos) return j;
      if (IsDash(j) && Adj(j) && Adj(j + 1)) ++j;  // "first-of-its-kind"
      rest.remove_prefix(join + 1);
    }
  }
  return -1;
}

// A markup tag pasted into the text ("<embed id=… posted="2016-09-20">",
// "</p>") holds attributes, not figures: skips to its ">". A tag opens with "<" glued
// to a letter or "/" and closes within kMaxTagLexemes.
int Scanner::SkipMarkupTag(int i) const {
  constexpr int kMaxTagLexemes = 120;
  if (!IsSym(i, "<") || !L(i + 1) || !Adj(i + 1) || !(L(i + 1)->type == kWord || IsSym(i + 1, "/")))
    return -1;
  for (int j = i + 2; j < N() && j < i + kMaxTagLexemes; ++j)
    if (IsSym(j, ">")) return j + 1;
  return -1;
}

// URLs and e-mail addresses hold no figures: skips to the next space.
int Scanner::SkipUrl(int i) {
  const int n = N();
  const Lex& l = lx_[i];
  if (!((l.type == kWord && (l.low == "http"sv || l.low == "https"sv || l.low == "www"sv ||
                             l.low == "ftp"sv) && Adj(i + 1) && L(i + 1)->type == kSym) ||
        (i + 1 < n && lx_[i + 1].type == kSym && lx_[i + 1].low == "@"sv && Adj(i + 1) &&
         Adj(i + 2))))
    return -1;
  ++i;
  while (i < n && !lx_[i].sp) ++i;
  return i;
}

}  // namespace figures_internal
}  // namespace factlens
