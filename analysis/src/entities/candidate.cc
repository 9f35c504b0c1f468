// AddCandidate: a tagged span is trimmed, split and typed before it becomes a
// mention (recognizer.h).
#include "entities/recognizer.h"

#include <algorithm>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

// Trims, splits and validates a tagged span, then records it.
void Recognizer::AddCandidate(int p, int tb, int te, int type, float conf, int depth) {
  ParaData& pd = paras_[p];
  const auto& toks = pd.pt->tokens;
  const int n = static_cast<int>(toks.size());
  if (depth > 4) return;
  // Hyphenated name parts: "Lee Jae" + "-myung".
  while (te > tb && IsHyphen(pd, te - 1)) --te;
  while (te + 1 < n && HyphenContinuation(pd, te)) te += 2;
  bool any_cap_in_span = false;
  for (int i = tb; i < te; ++i) any_cap_in_span |= IsCapWord(pd.info[i]);
  // Leading "the", punctuation and lower-case words that are not titles.
  while (tb < te) {
    const TokenInfo& t = pd.info[tb];
    if (EqualsFolded(TokText(pd, tb), u"the") || (t.flags & ner::kInfPunct)) {
      ++tb;
      continue;
    }
    int title_b;
    if (IsLowerWord(t) && !IsTitleAt(pd, tb, &title_b) && !(t.lex & ner::kLexTitle) &&
        any_cap_in_span) {
      ++tb;
      continue;
    }
    break;
  }
  // Trailing punctuation (a period only after a long or lower-case word)
  // and trailing lower-case words not glued by a hyphen.
  while (te > tb) {
    const int k = te - 1;
    const TokenInfo& t = pd.info[k];
    if (t.flags & ner::kInfPunct) {
      const bool period = (*pd.text)[toks[k].begin] == u'.';
      if (period && k > tb && Glued(pd, k) && IsCapWord(pd.info[k - 1]) &&
          TokText(pd, k - 1).size() <= 3)
        break;
      --te;
      continue;
    }
    if (IsLowerWord(t) && !(k > tb && IsHyphen(pd, k - 1) && Glued(pd, k)) && any_cap_in_span) {
      --te;
      continue;
    }
    if (IsLowerWord(t) && k > tb + 1 && IsHyphen(pd, k - 1) && Glued(pd, k) &&
        IsCompoundingWord(TokText(pd, k))) {
      te = k - 1;  // the hyphen goes too
      continue;
    }
    break;
  }
  if (tb >= te) return;
  // A name does not run through ordinary lower-case words or past a
  // possessive: "Lee expressed gratitude for China’s support" is cut.
  if (any_cap_in_span) {
    for (int k = tb; k < te; ++k) {
      const TokenInfo& t = pd.info[k];
      bool bad = false;
      if (k + 1 < te && (t.flags & ner::kInfPossessive)) {
        AddCandidate(p, tb, k + 1, type, conf, depth + 1);
        AddCandidate(p, k + 1, te, type, conf, depth + 1);
        return;
      }
      if (IsLowerWord(t) && !(k > tb && IsHyphen(pd, k - 1) && Glued(pd, k))) {
        const std::u16string_view w = TokText(pd, k);
        const bool particle = OneOf(w, {u"de"sv, u"van"sv, u"von"sv, u"al"sv, u"bin"sv, u"da"sv, u"di"sv,
                                        u"la"sv, u"le"sv, u"du"sv, u"del"sv, u"der"sv, u"den"sv, u"ter"sv,
                                        u"y"sv, u"el"sv, u"dos"sv, u"das"sv, u"ibn"sv, u"abu"sv});
        const bool connector = OneOf(w, {u"of"sv, u"the"sv, u"and"sv, u"for"sv, u"on"sv, u"upon"sv, u"in"sv,
                                         u"at"sv, u"du"sv, u"des"sv, u"to"sv, u"&"sv});
        bad = type == kPerson ? !particle : !(particle || connector);
      }
      if (bad) {
        AddCandidate(p, tb, k, type, conf, depth + 1);
        AddCandidate(p, k + 1, te, type, conf, depth + 1);
        return;
      }
    }
  }
  // "China-South Korea", "Xi-Lee": split at a glued hyphen between capitalised words.
  for (int k = tb + 1; k + 1 < te; ++k) {
    if (!IsHyphen(pd, k) || !Glued(pd, k) || !Glued(pd, k + 1)) continue;
    if (!IsCapWord(pd.info[k - 1]) || !IsCapWord(pd.info[k + 1])) continue;
    const uint32_t place = ner::kLexCountry | ner::kLexPlace;
    const bool left_place = (pd.info[k - 1].lex & place) ||
                            ((pd.info[k - 1].gaz & 7) != 0) || ((pd.info[k - 1].gaz >> 3) & 7);
    const bool right_place = (pd.info[k + 1].lex & place) || ((pd.info[k + 1].gaz & 7) != 0) ||
                             ((pd.info[k + 1].gaz >> 3) & 7);
    if (!left_place && !right_place && type != kPerson) continue;
    const int lt = left_place ? kPlace : type;
    const int rt = right_place ? kPlace : type;
    AddCandidate(p, tb, k, lt, conf, depth + 1);
    AddCandidate(p, k + 1, te, rt, conf, depth + 1);
    return;
  }
  // A hyphen inside a token between capitalised parts: "China-South Korea",
  // "Korea-China": two names when a side is a place or a known person part.
  for (int k = tb; k < te; ++k) {
    const int h = CapHyphen(pd, k);
    if (h < 0) continue;
    const int span_b = toks[tb].begin;
    int span_e = toks[te - 1].end;
    if (pd.info[te - 1].flags & ner::kInfPossessive) span_e -= 2;
    const std::u16string_view text(*pd.text);
    const uint32_t place = ner::kLexCountry | ner::kLexPlace;
    const uint32_t left = LexOf(text.substr(span_b, h - span_b));
    const uint32_t right = LexOf(text.substr(h + 1, span_e - h - 1));
    const bool lp = left & place, rp = right & place;
    if (!lp && !rp) continue;
    AddPiece(p, tb, k + 1, span_b, h, lp ? kPlace : type, conf);
    AddPiece(p, k, te, h + 1, span_e, rp ? kPlace : type, conf);
    return;
  }
  // A title inside the span: "[South Korean] President [Lee Jae-myung]".
  for (int k = tb; k < te - 1; ++k) {
    int end_title = -1;
    for (int e = std::min(te - 2, k + 3); e >= k; --e) {
      int b;
      if (IsTitleAt(pd, e, &b) && (b == k || (k == tb && b < tb))) {
        end_title = e;
        break;
      }
    }
    if (end_title < 0) continue;
    int j = end_title + 1;
    if (j < te && (*pd.text)[toks[j].begin] == u'.' && (pd.info[j].flags & ner::kInfPunct)) ++j;
    if (j >= te || !IsCapWord(pd.info[j])) continue;
    if (type == kOrg && ContainsOrgSuffix(pd, j, te)) continue;  // "General Motors"
    if (k > tb) {
      const int pre_type = (pd.info[k - 1].lex & ner::kLexDemonym) ||
                                   ((pd.info[k - 1].gaz >> 6) & 7) ? kMisc : type == kPerson ? kMisc : type;
      AddCandidate(p, tb, k, pre_type, conf, depth + 1);
    }
    AddCandidate(p, j, te, kPerson, conf, depth + 1);
    return;
  }
  // A title at the end: "National Assembly Speaker" -> "National Assembly".
  {
    int b;
    if (te - tb >= 2 && IsTitleAt(pd, te - 1, &b) && b > tb && type != kPerson &&
        !ContainsOrgSuffix(pd, b, te)) {
      AddCandidate(p, tb, b, type, conf, depth + 1);
      return;
    }
  }
  // Organisations continue over "of (the) X" and then "and X":
  // "China Institute of International Studies", "School of Sciences and Technologies".
  if (type == kOrg && ContainsOrgSuffix(pd, tb, te)) {
    int e = te;
    bool had_of = false;
    for (int q = tb; q < te; ++q) had_of |= OneOf(TokText(pd, q), {u"of"sv});
    while (e + 1 < n) {
      // "Micron Technology of the United States": no "of" after a company form
      const bool of = OneOf(TokText(pd, e), {u"of"sv}) && !(pd.info[e - 1].lex & ner::kLexCompany);
      const bool conj = had_of && OneOf(TokText(pd, e), {u"and"sv, u"&"sv});
      if (!of && !conj) break;
      int k = e + 1;
      if (of && k < n && EqualsFolded(TokText(pd, k), u"the")) ++k;
      const int start = k;
      while (k < n && IsCapWord(pd.info[k]) && (pd.info[k].flags & ner::kInfSpaceBefore)) {
        ++k;
        if (pd.info[k - 1].flags & ner::kInfPossessive) break;
      }
      if (k == start) break;
      bool blocked = false;
      for (int q = start; q < k; ++q)
        if (pd.owner[q] >= 0 && (work_[pd.owner[q]].tb < start || work_[pd.owner[q]].te > k))
          blocked = true;
      if (blocked) break;
      for (int q = start; q < k; ++q)
        if (pd.owner[q] >= 0) Kill(pd.owner[q]);
      e = k;
      had_of = true;
      if (pd.info[k - 1].flags & ner::kInfPossessive) break;
    }
    te = e;
  }
  // A multi-word name ending in an organisation word is an organisation
  // ("European Central Bank"), unless it is a person's or a listed place's
  // ("West Bank").
  if (te - tb >= 2 && type != kPerson && type != kOrg &&
      (pd.info[te - 1].lex & ner::kLexOrgSuffix) && IsCapWord(pd.info[te - 1]) &&
      !(LexOfTokens(pd, tb, te) & (ner::kLexPlace | ner::kLexCountry)))
    type = kOrg;
  // ... and one ending in a geographic word is a place ("Sabina Shoal").
  if (te - tb >= 2 && type != kPerson && IsCapWord(pd.info[te - 1]) &&
      (pd.info[te - 1].lex & ner::kLexPlaceWord) && !(pd.info[te - 1].lex & ner::kLexOrgSuffix))
    type = kPlace;
  // Demonyms are MISC: "South Korean", "Japanese".
  {
    const uint32_t g0 = (pd.info[tb].gaz >> 6) & 7, g1 = (pd.info[te - 1].gaz >> 6) & 7;
    if ((te - tb == 1 && g0 == 1 + ner::kU) ||
        (te - tb > 1 && g0 == 1 + ner::kB && g1 == 1 + ner::kL))
      type = kMisc;
  }
  // Filters.
  bool any_cap = false, any_latin = false, all_nonlatin = true;
  for (int i = tb; i < te; ++i) {
    const TokenInfo& t = pd.info[i];
    any_cap |= IsCapWord(t) || ((t.flags & ner::kInfDigit) && i > tb);
    if (t.flags & ner::kInfHasLetter) {
      any_latin |= !(t.flags & ner::kInfNonLatin);
      all_nonlatin &= (t.flags & ner::kInfNonLatin) != 0;
    }
  }
  if (!any_latin || all_nonlatin) return;  // scripts the model never saw
  if (!any_cap && type != kPlace) return;
  if (te - tb == 1) {
    const TokenInfo& t = pd.info[tb];
    const std::u16string_view text = TokText(pd, tb);
    if (text.size() < 2 && !(t.flags & ner::kInfAllCaps)) return;
    // Sentence-initial capital without evidence ("Analysts said").
    if ((t.flags & ner::kInfFirstWord) && (t.lex & ner::kLexLower) &&
        !(t.doc & ner::kDocCapMid) &&
        !(t.lex & (ner::kLexCountry | ner::kLexDemonym | ner::kLexOutlet)))
      return;
    // Month and weekday names are dates ("in November").
    if (t.lex & ner::kLexCalendar) return;
    // Pronouns and function words are never names.
    if (PronounGender(text) != Gender::kUnknown || IsFunctionWord(text)) return;
    // A word the document also writes in lower case, with no capitalised use
    // elsewhere, is not a name ("Police" at a sentence start).
    if ((t.doc & ner::kDocLowerMid) && !(t.doc & ner::kDocCapMid) && (t.flags & ner::kInfFirstWord))
      return;
    // A lone title is not a name.
    int b;
    if (IsTitleAt(pd, tb, &b) && type == kPerson) return;
  }
  Work w;
  w.para = p;
  w.type = type;
  w.conf = conf;
  w.tb = tb;
  w.te = te;
  w.begin = toks[tb].begin;
  w.end = toks[te - 1].end;
  if (pd.info[te - 1].flags & ner::kInfPossessive) w.end -= 2;
  if (w.type == kPerson) AttachTitle(pd, &w);
  w.needs_evidence = pd.title_case;
  Commit(std::move(w));
}

}  // namespace ner
}  // namespace factlens
