// AddCandidate: a tagged span is trimmed, split and typed before it becomes a
// mention (recognizer.h). Each step below is one rule; a split re-enters
// AddCandidate with each part (at most 4 levels deep).
#include "entities/recognizer.h"

#include <algorithm>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

namespace {

// Hyphenated name parts: "Lee Jae" + "-myung". Returns the new end.
int ExtendHyphenParts(const ParaData& pd, int tb, int te) {
  const int n = static_cast<int>(pd.pt->tokens.size());
  while (te > tb && IsHyphen(pd, te - 1)) --te;
  while (te + 1 < n && HyphenContinuation(pd, te)) te += 2;
  return te;
}

bool AnyCapWord(const ParaData& pd, int tb, int te) {
  bool any = false;
  for (int i = tb; i < te; ++i) any |= IsCapWord(pd.info[i]);
  return any;
}

// Leading "the", punctuation and lower-case words that are not titles.
int TrimLeading(const ParaData& pd, int tb, int te, bool any_cap) {
  while (tb < te) {
    const TokenInfo& t = pd.info[tb];
    int title_b;
    const bool skip = EqualsFolded(TokText(pd, tb), u"the") || (t.flags & kInfPunct) ||
                      (IsLowerWord(t) && !IsTitleAt(pd, tb, &title_b) &&
                       !(t.lex & kLexTitle) && any_cap);
    if (!skip) break;
    ++tb;
  }
  return tb;
}

// Trailing punctuation (a period only after a long or lower-case word) and
// trailing lower-case words not glued by a hyphen. Returns the new end.
int TrimTrailing(const ParaData& pd, int tb, int te, bool any_cap) {
  while (te > tb) {
    const int k = te - 1;
    const TokenInfo& t = pd.info[k];
    const bool hyphen_glued = k > tb && IsHyphen(pd, k - 1) && Glued(pd, k);
    if (t.flags & kInfPunct) {
      const bool period = (*pd.text)[pd.pt->tokens[k].begin] == u'.';
      if (period && k > tb && Glued(pd, k) && IsCapWord(pd.info[k - 1]) &&
          TokText(pd, k - 1).size() <= 3)
        break;  // "Jr.", "U.S."
      --te;
    } else if (IsLowerWord(t) && !hyphen_glued && any_cap) {
      --te;
    } else if (IsLowerWord(t) && k > tb + 1 && hyphen_glued && IsCompoundingWord(TokText(pd, k))) {
      te = k - 1;  // the hyphen goes too
    } else {
      break;
    }
  }
  return te;
}

bool IsNameParticle(std::u16string_view w) {
  return OneOf(w, {u"de"sv, u"van"sv, u"von"sv, u"al"sv, u"bin"sv, u"da"sv, u"di"sv, u"la"sv,
                   u"le"sv, u"du"sv, u"del"sv, u"der"sv, u"den"sv, u"ter"sv, u"y"sv, u"el"sv,
                   u"dos"sv, u"das"sv, u"ibn"sv, u"abu"sv});
}

bool IsNameConnector(std::u16string_view w) {
  return OneOf(w, {u"of"sv, u"the"sv, u"and"sv, u"for"sv, u"on"sv, u"upon"sv, u"in"sv, u"at"sv,
                   u"du"sv, u"des"sv, u"to"sv, u"&"sv});
}

// Whether token k (in [tb, te)) is an ordinary lower-case word that a name does
// not run through: persons take only particles, other names also connectors.
bool BreaksName(const ParaData& pd, int tb, int k, int type) {
  if (!IsLowerWord(pd.info[k]) || (k > tb && IsHyphen(pd, k - 1) && Glued(pd, k))) return false;
  const std::u16string_view w = TokText(pd, k);
  const bool particle = IsNameParticle(w);
  return type == kPerson ? !particle : !(particle || IsNameConnector(w));
}

// A place by the lexicons or the place and country gazetteers.
bool PlaceLike(const TokenInfo& t) {
  return (t.lex & (kLexCountry | kLexPlace)) || ((t.gaz & 7) != 0) || ((t.gaz >> 3) & 7);
}

// The last token of a title that starts at k (or, for k == tb, runs into the
// span from before it) and ends before te - 1, looking at most 3 tokens on; -1.
int TitleFrom(const ParaData& pd, int tb, int te, int k) {
  for (int e = std::min(te - 2, k + 3); e >= k; --e) {
    int b;
    if (IsTitleAt(pd, e, &b) && (b == k || (k == tb && b < tb))) return e;
  }
  return -1;
}

// Capitalised words from `start`, separated by spaces, up to a possessive.
int CapRunAfter(const ParaData& pd, int start) {
  const int n = static_cast<int>(pd.info.size());
  int k = start;
  while (k < n && IsCapWord(pd.info[k]) && (pd.info[k].flags & kInfSpaceBefore)) {
    ++k;
    if (pd.info[k - 1].flags & kInfPossessive) break;
  }
  return k;
}

// Filters for a one-word name: too short, a sentence-initial common word, a
// month, a pronoun, a word the document writes in lower case, a lone title.
bool PlausibleOneWord(const ParaData& pd, int tb, int type) {
  const TokenInfo& t = pd.info[tb];
  const std::u16string_view text = TokText(pd, tb);
  if (text.size() < 2 && !(t.flags & kInfAllCaps)) return false;
  // Sentence-initial capital without evidence ("Analysts said").
  if ((t.flags & kInfFirstWord) && (t.lex & kLexLower) && !(t.doc & kDocCapMid) &&
      !(t.lex & (kLexCountry | kLexDemonym | kLexOutlet)))
    return false;
  // Month and weekday names are dates ("in November").
  if (t.lex & kLexCalendar) return false;
  // Pronouns and function words are never names.
  if (PronounGender(text) != Gender::kUnknown || IsFunctionWord(text)) return false;
  // A word the document also writes in lower case, with no capitalised use
  // elsewhere, is not a name ("Police" at a sentence start).
  if ((t.doc & kDocLowerMid) && !(t.doc & kDocCapMid) && (t.flags & kInfFirstWord)) return false;
  // A lone title is not a name.
  int b;
  return !(IsTitleAt(pd, tb, &b) && type == kPerson);
}

// Filters: a script the model never saw, nothing capitalised, PlausibleOneWord.
bool PlausibleName(const ParaData& pd, int tb, int te, int type) {
  bool any_cap = false, any_latin = false, all_nonlatin = true;
  for (int i = tb; i < te; ++i) {
    const TokenInfo& t = pd.info[i];
    any_cap |= IsCapWord(t) || ((t.flags & kInfDigit) && i > tb);
    if (t.flags & kInfHasLetter) {
      any_latin |= !(t.flags & kInfNonLatin);
      all_nonlatin &= (t.flags & kInfNonLatin) != 0;
    }
  }
  if (!any_latin || all_nonlatin) return false;
  if (!any_cap && type != kPlace) return false;
  return te - tb != 1 || PlausibleOneWord(pd, tb, type);
}

}  // namespace

void Recognizer::AddCandidate(int p, int tb, int te, int type, float conf, int depth) {
  if (depth > 4) return;
  const ParaData& pd = paras_[p];
  te = ExtendHyphenParts(pd, tb, te);
  const bool any_cap = AnyCapWord(pd, tb, te);
  tb = TrimLeading(pd, tb, te, any_cap);
  te = TrimTrailing(pd, tb, te, any_cap);
  if (tb >= te) return;
  const Split split{p, tb, te, type, conf, depth + 1};
  if (any_cap && SplitAtBreak(split)) return;
  if (SplitAtNameHyphen(split) || SplitInsideToken(split)) return;
  if (SplitAtTitle(split) || DropFinalTitle(split)) return;
  if (type == kOrg && ContainsOrgSuffix(pd, tb, te)) te = ExtendOrgOverOf(p, tb, te);
  type = TypeByLastWord(pd, tb, te, type);
  if (!PlausibleName(pd, tb, te, type)) return;
  Work w = SpanOf(p, tb, te, type, conf);
  if (w.type == kPerson) AttachTitle(pd, &w);
  w.needs_evidence = pd.title_case;
  Commit(std::move(w));
}

// A name does not run through ordinary lower-case words or past a possessive
// or a compound adjective: "Lee expressed gratitude for China’s support" and
// "the Hanwol-backed Islamic charity" are cut (Commit drops "-backed").
bool Recognizer::SplitAtBreak(const Split& s) {
  const ParaData& pd = paras_[s.p];
  for (int k = s.tb; k < s.te; ++k) {
    if (k + 1 < s.te && ((pd.info[k].flags & kInfPossessive) || CompoundAdjective(pd, k))) {
      AddCandidate(s.p, s.tb, k + 1, s.type, s.conf, s.depth);
      AddCandidate(s.p, k + 1, s.te, s.type, s.conf, s.depth);
      return true;
    }
    if (BreaksName(pd, s.tb, k, s.type)) {
      AddCandidate(s.p, s.tb, k, s.type, s.conf, s.depth);
      AddCandidate(s.p, k + 1, s.te, s.type, s.conf, s.depth);
      return true;
    }
  }
  return false;
}

// "China-South Korea", "Xi-Lee": split at a glued hyphen token between
// capitalised words; a side that is a place becomes a place.
bool Recognizer::SplitAtNameHyphen(const Split& s) {
  const ParaData& pd = paras_[s.p];
  for (int k = s.tb + 1; k + 1 < s.te; ++k) {
    if (!IsHyphen(pd, k) || !Glued(pd, k) || !Glued(pd, k + 1)) continue;
    if (!IsCapWord(pd.info[k - 1]) || !IsCapWord(pd.info[k + 1])) continue;
    const bool left_place = PlaceLike(pd.info[k - 1]);
    const bool right_place = PlaceLike(pd.info[k + 1]);
    if (!left_place && !right_place && s.type != kPerson) continue;
    AddCandidate(s.p, s.tb, k, left_place ? kPlace : s.type, s.conf, s.depth);
    AddCandidate(s.p, k + 1, s.te, right_place ? kPlace : s.type, s.conf, s.depth);
    return true;
  }
  return false;
}

// A hyphen inside a token between capitalised parts: "China-South Korea",
// "Korea-China": two names when a side is a place and the whole is none.
bool Recognizer::SplitInsideToken(const Split& s) {
  const ParaData& pd = paras_[s.p];
  const auto& toks = pd.pt->tokens;
  constexpr uint32_t kPlaceBits = kLexCountry | kLexPlace;
  for (int k = s.tb; k < s.te; ++k) {
    const int h = CapHyphen(pd, k);
    if (h < 0) continue;
    const int span_b = toks[s.tb].begin;
    int span_e = toks[s.te - 1].end;
    if (pd.info[s.te - 1].flags & kInfPossessive) span_e -= 2;
    const std::u16string_view text(*pd.text);
    const bool lp = LexOf(text.substr(span_b, h - span_b)) & kPlaceBits;
    const bool rp = LexOf(text.substr(h + 1, span_e - h - 1)) & kPlaceBits;
    if (!lp && !rp) continue;
    if (LexOf(text.substr(span_b, span_e - span_b)) & kPlaceBits) continue;  // "Baden-Baden"
    AddPiece(s.p, s.tb, k + 1, span_b, h, lp ? kPlace : s.type, s.conf);
    AddPiece(s.p, k, s.te, h + 1, span_e, rp ? kPlace : s.type, s.conf);
    return true;
  }
  return false;
}

// A title inside the span: "[South Korean] President [Lee Jae-myung]". The
// words before the title are kept (a nationality as MISC), the title dropped.
bool Recognizer::SplitAtTitle(const Split& s) {
  const ParaData& pd = paras_[s.p];
  for (int k = s.tb; k < s.te - 1; ++k) {
    const int end_title = TitleFrom(pd, s.tb, s.te, k);
    if (end_title < 0) continue;
    int j = end_title + 1;
    if (j < s.te && (*pd.text)[pd.pt->tokens[j].begin] == u'.' && (pd.info[j].flags & kInfPunct))
      ++j;
    if (j >= s.te || !IsCapWord(pd.info[j])) continue;
    if (s.type == kOrg && ContainsOrgSuffix(pd, j, s.te)) continue;  // "General Motors"
    if (k > s.tb) {
      const TokenInfo& before = pd.info[k - 1];
      const bool demonym = (before.lex & kLexDemonym) || ((before.gaz >> 6) & 7);
      const int pre_type = demonym || s.type == kPerson ? kMisc : s.type;
      AddCandidate(s.p, s.tb, k, pre_type, s.conf, s.depth);
    }
    AddCandidate(s.p, j, s.te, kPerson, s.conf, s.depth);
    return true;
  }
  return false;
}

// A title at the end: "National Assembly Speaker" -> "National Assembly".
bool Recognizer::DropFinalTitle(const Split& s) {
  const ParaData& pd = paras_[s.p];
  int b;
  if (s.te - s.tb < 2 || !IsTitleAt(pd, s.te - 1, &b) || b <= s.tb || s.type == kPerson ||
      ContainsOrgSuffix(pd, b, s.te))
    return false;
  AddCandidate(s.p, s.tb, b, s.type, s.conf, s.depth);
  return true;
}

// Organisations continue over "of (the) X" and then "and X": "China Institute
// of International Studies", "School of Sciences and Technologies". The
// mentions inside the continuation give way. Returns the new end.
int Recognizer::ExtendOrgOverOf(int p, int tb, int te) {
  const ParaData& pd = paras_[p];
  const int n = static_cast<int>(pd.info.size());
  bool had_of = false;
  for (int q = tb; q < te; ++q) had_of |= OneOf(TokText(pd, q), {u"of"sv});
  int e = te;
  while (e + 1 < n) {
    // "Micron Technology of the United States": no "of" after a company form
    const bool of = OneOf(TokText(pd, e), {u"of"sv}) && !(pd.info[e - 1].lex & kLexCompany);
    const bool conj = had_of && OneOf(TokText(pd, e), {u"and"sv, u"&"sv});
    if (!of && !conj) break;
    int start = e + 1;
    if (of && start < n && EqualsFolded(TokText(pd, start), u"the")) ++start;
    const int k = CapRunAfter(pd, start);
    if (k == start || OwnedOutside(pd, start, k)) break;
    KillOwners(pd, start, k);
    e = k;
    had_of = true;
    if (pd.info[k - 1].flags & kInfPossessive) break;
  }
  return e;
}

// The type a name's words give it: a multi-word name ending in an organisation
// word is an organisation ("European Central Bank"), unless it is a person's
// or a listed place's ("West Bank"); one ending in a geographic word is a place
// ("Sabina Shoal"); a demonym is MISC ("South Korean", "Japanese").
int Recognizer::TypeByLastWord(const ParaData& pd, int tb, int te, int type) const {
  const TokenInfo& last = pd.info[te - 1];
  if (te - tb >= 2 && type != kPerson && type != kOrg && (last.lex & kLexOrgSuffix) &&
      IsCapWord(last) && !(LexOfTokens(pd, tb, te) & (kLexPlace | kLexCountry)))
    type = kOrg;
  if (te - tb >= 2 && type != kPerson && IsCapWord(last) && (last.lex & kLexPlaceWord) &&
      !(last.lex & kLexOrgSuffix))
    type = kPlace;
  const uint32_t g0 = (pd.info[tb].gaz >> 6) & 7, g1 = (last.gaz >> 6) & 7;
  if ((te - tb == 1 && g0 == 1 + kU) || (te - tb > 1 && g0 == 1 + kB && g1 == 1 + kL))
    type = kMisc;
  return type;
}

}  // namespace ner
}  // namespace factlens
