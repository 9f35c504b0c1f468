// Token predicates over the stage's context: the text layer's tokens of a
// paragraph, their case and punctuation, and where the quotation marks are.
// Internal to analysis/src/attributions/; all inline (they run per token).
#ifndef FACTLENS_SRC_ATTRIBUTIONS_TOKENS_H_
#define FACTLENS_SRC_ATTRIBUTIONS_TOKENS_H_

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "attributions/attributions_internal.h"
#include "common/strings.h"

namespace factlens {
namespace attributions_internal {

// Words are compared with literals as string views: the length check comes
// first, where comparing a std::u16string with a char16_t* measures the
// literal (char_traits<char16_t>::length is a loop) on every call.
using std::string_view_literals::operator""sv;

inline bool IsOpenQuoteChar(char16_t c) {
  return c == u'“' || c == u'‘' || c == u'«' || c == u'„' || c == u'‚' || c == u'「' || c == u'‹' ||
         c == u'"' || c == u'\'';
}

inline bool IsIngForm(const std::u16string& w) {
  return w.size() > 4 && w.compare(w.size() - 3, 3, u"ing") == 0;
}

// A regular past form by its ending: "signed", "warned" (lower case).
inline bool IsEdForm(const std::u16string& w) {
  return w.size() > 3 && w.compare(w.size() - 2, 2, u"ed") == 0;
}

// A word that opens a reported question or wh-clause: "questioned how …",
// "explained why …". With `question` (a cue that asks: "asked if …", "asked
// Lee who …") the words that open only questions after such a verb count too.
inline bool OpensWhClause(const std::u16string& w, bool question) {
  if (w == u"how"sv || w == u"why"sv || w == u"what"sv || w == u"whether"sv) return true;
  return question && (w == u"if"sv || w == u"who"sv || w == u"whom"sv || w == u"which"sv ||
                      w == u"when"sv || w == u"where"sv);
}

// "when asked", "after being asked": a subordinator before a question
// participle (anchors.cc QuestionParticiple).
inline bool IsQuestionLead(const std::u16string& w) {
  return w == u"when"sv || w == u"whenever"sv || w == u"after"sv || w == u"before"sv ||
         w == u"if"sv || w == u"once"sv || w == u"while"sv || w == u"until"sv;
}

// An "-ly" adverb by its ending: "mostly", "hastily" (lower case).
inline bool IsLyForm(const std::u16string& w) {
  return w.size() > 4 && w.compare(w.size() - 2, 2, u"ly") == 0;
}

// An adjective by its ending: "ridiculous", "unsubstantiated", "irresponsible",
// "disgraceful", "outrageous" (not "-ly" adverbs).
inline bool LooksLikeAdjective(const std::u16string& w) {
  static constexpr std::u16string_view kEnds[] = {u"ous", u"ful", u"ble", u"al", u"ic", u"ive",
                                                  u"ary", u"less", u"ated", u"ant", u"ent"};
  if (w.size() < 5) return false;
  for (std::u16string_view e : kEnds)
    if (w.compare(w.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

// Lower case by simple per-code-unit mapping (LowerUnit, common/strings.h).
// Not common/strings.h Lower (full English case mapping), which differs on
// "İ" (→ "i̇", two units, where this gives "i"), a final "Σ" (→ "ς", this "σ")
// and letters outside the BMP (lowered there, kept here): the stage's word
// matches ("I" the pronoun, the name keys) depend on this behaviour.
inline std::u16string LowerSimple(std::u16string_view s) {
  std::u16string out(s);
  for (char16_t& c : out) c = LowerUnit(c);
  return out;
}

inline std::u16string_view TokText(const Ctx& c, int32_t p, int32_t i) {
  const Token& t = c.report->text.paragraphs[p].tokens[i];
  return std::u16string_view(c.doc.paragraphs[p].text).substr(t.begin, t.end - t.begin);
}

inline std::u16string TokLower(const Ctx& c, int32_t p, int32_t i) {
  return LowerSimple(TokText(c, p, i));
}

// False outside the paragraph's tokens, like TokIs: callers look one token ahead.
inline bool IsWord(const Ctx& c, int32_t p, int32_t i) {
  const auto& toks = c.report->text.paragraphs[p].tokens;
  if (i < 0 || i >= static_cast<int32_t>(toks.size())) return false;
  const Token& t = toks[i];
  if (t.Has(kTokWord)) return true;
  if (t.Has(kTokPunct) || t.Has(kTokNumber)) return false;
  return u_isalpha(c.doc.paragraphs[p].text[t.begin]) != 0;
}

inline bool IsCap(const Ctx& c, int32_t p, int32_t i) {
  if (!IsWord(c, p, i)) return false;
  const Token& t = c.report->text.paragraphs[p].tokens[i];
  return IsUpperUnit(c.doc.paragraphs[p].text[t.begin]);
}

inline bool IsLowerWord(const Ctx& c, int32_t p, int32_t i) {
  if (!IsWord(c, p, i)) return false;
  const Token& t = c.report->text.paragraphs[p].tokens[i];
  return IsLowerUnit(c.doc.paragraphs[p].text[t.begin]);
}

inline bool TokIs(const Ctx& c, int32_t p, int32_t i, std::u16string_view s) {
  const auto& toks = c.report->text.paragraphs[p].tokens;
  if (i < 0 || i >= static_cast<int32_t>(toks.size())) return false;
  return TokText(c, p, i) == s;
}

// TokLower(c, p, i) == s, without building the lower-case copy (LowerSimple
// keeps the length).
inline bool TokLowerIs(const Ctx& c, int32_t p, int32_t i, std::u16string_view s) {
  const auto& toks = c.report->text.paragraphs[p].tokens;
  if (i < 0 || i >= static_cast<int32_t>(toks.size())) return false;
  const std::u16string_view t = TokText(c, p, i);
  if (t.size() != s.size()) return false;
  for (size_t k = 0; k < t.size(); ++k)
    if (LowerUnit(t[k]) != s[k]) return false;
  return true;
}

inline bool IsComma(const Ctx& c, int32_t p, int32_t i) { return TokIs(c, p, i, u","); }
inline bool IsOpenMark(const Ctx& c, int32_t p, int32_t i) {
  return i >= 0 && i < static_cast<int32_t>(c.quotes.mark_of_tok[p].size()) &&
         c.quotes.mark_of_tok[p][i] == 1;
}
inline bool IsCloseMark(const Ctx& c, int32_t p, int32_t i) {
  return i >= 0 && i < static_cast<int32_t>(c.quotes.mark_of_tok[p].size()) &&
         c.quotes.mark_of_tok[p][i] == 2;
}
// Token k ends a quotation before its closing mark with , ? or !, also when
// the closing mark is doubled ("…,'' said Lee": the first apostrophe is k) or
// follows an inner closing mark.
inline bool PunctBeforeClose(const Ctx& c, int32_t p, int32_t k) {
  if (k >= 1 && TokIs(c, p, k, u"'") && TokIs(c, p, k + 1, u"'")) --k;
  if (k >= 1 && IsCloseMark(c, p, k)) --k;  // “… ‘…,’” said Lee: the inner quotation closes first
  return TokIs(c, p, k, u",") || TokIs(c, p, k, u"?") || TokIs(c, p, k, u"!");
}
inline bool InQuote(const Ctx& c, int32_t p, int32_t i) { return c.quotes.of_tok[p][i] >= 0; }

inline int32_t NumTokens(const Ctx& c, int32_t p) {
  return static_cast<int32_t>(c.report->text.paragraphs[p].tokens.size());
}

inline const Token& Tok(const Ctx& c, int32_t p, int32_t i) {
  return c.report->text.paragraphs[p].tokens[i];
}

inline Span TokSpan(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  return Span{p, Tok(c, p, b).begin, Tok(c, p, e - 1).end};
}

inline bool IsNonName(const Ctx& c, const std::u16string& lower) {
  return c.lex.non_names.count(lower) > 0;
}

inline bool IsPronoun(const std::u16string& w) {
  return w == u"he"sv || w == u"she"sv || w == u"they"sv || w == u"we"sv || w == u"i"sv ||
         w == u"it"sv;
}

// "he'd", "they’re", "it's", "we'll": a subject pronoun fused with its
// auxiliary, a clause's start on its own.
inline bool IsPronounContraction(const std::u16string& w) {
  const size_t q = w.find_first_of(u"'\u2019");
  if (q == std::u16string::npos || q == 0) return false;
  const std::u16string_view tail = std::u16string_view(w).substr(q + 1);
  return IsPronoun(w.substr(0, q)) && (tail == u"d"sv || tail == u"s"sv || tail == u"re"sv ||
                                       tail == u"ll"sv || tail == u"ve"sv || tail == u"m"sv);
}

// An adverb or auxiliary that may stand between a subject and its verb: a
// word of adverbs.txt or a lower-case "-ly" word ("has long", "mostly").
inline bool IsAdverb(const Ctx& c, const std::u16string& lower) {
  return c.lex.adverbs.count(lower) || IsLyForm(lower);
}

inline bool IsDeterminer(const Ctx& c, const std::u16string& w) {
  return c.lex.determiners.count(w) > 0;
}

// A cue word (cues.txt) at token t, `lower` its lower-case form; not one of
// cue_modifiers.txt before the noun it modifies ("state media said", "the
// State Department said"), which belongs to a speaker's phrase.
inline bool IsCueWordAt(const Ctx& c, int32_t p, int32_t t, const std::u16string& lower) {
  if (!c.lex.cues.count(lower)) return false;
  if (!c.lex.cue_modifiers.count(lower) || t + 1 >= NumTokens(c, p) || !IsWord(c, p, t + 1))
    return true;
  const std::u16string n = TokLower(c, p, t + 1);
  return c.lex.np_stops.count(n) || IsDeterminer(c, n) || c.lex.finite_verbs.count(n) ||
         c.lex.clause_verbs.count(n) || c.lex.cues.count(n) || IsAdverb(c, n) || IsPronoun(n);
}

// An adjective that makes the cue word after it a noun: by its ending
// ("controversial") or from cue_noun_adjectives.txt ("new", "latest").
inline bool IsCueNounAdjective(const Ctx& c, const std::u16string& lower) {
  return LooksLikeAdjective(lower) || c.lex.noun_adjectives.count(lower);
}

// A paragraph holding only spaces and tabs (or nothing).
inline bool IsBlankParagraph(const Ctx& c, int32_t p) {
  return c.doc.paragraphs[p].text.find_first_not_of(u" \t") == std::u16string::npos;
}

// The entity mention whose span ends at token i's end (or contains it), -1 if none.
inline int32_t MentionAt(const Ctx& c, int32_t p, int32_t i) {
  const Token& t = Tok(c, p, i);
  const auto& ms = c.mentions_in_para[p];
  // Mentions are sorted by begin and do not overlap: the last one starting
  // before the token's end is the only candidate.
  auto it = std::lower_bound(ms.begin(), ms.end(), t.end, [&](int32_t m, int32_t off) {
    return c.report->entities[m].span.begin < off;
  });
  if (it == ms.begin()) return -1;
  const int32_t m = *(it - 1);
  const Span& s = c.report->entities[m].span;
  return (s.begin < t.end && t.begin < s.end) ? m : -1;
}

// Indices (into regions_in_para[p]) of the first region beginning at or after
// `begin`; regions of a paragraph are sorted and do not overlap.
inline size_t FirstRegionFrom(const Ctx& c, int32_t p, int32_t begin) {
  const auto& rs = c.quotes.in_para[p];
  return std::lower_bound(rs.begin(), rs.end(), begin,
                          [&](int32_t r, int32_t off) { return c.quotes.regions[r].begin < off; }) -
         rs.begin();
}

// Sentence token range containing token i of p.
inline SentenceInfo SentenceOf(const Ctx& c, int32_t p, int32_t si) {
  const Sentence& s = c.report->text.paragraphs[p].sentences[si];
  return SentenceInfo{s.first_token, s.end_token};
}
// The sentence around an anchor, clamped to a window of tokens on each side
// so that a run-on "sentence" of a million words stays linear.
inline SentenceInfo SentenceOf(const Ctx& c, int32_t p, const Anchor& a) {
  SentenceInfo si = SentenceOf(c, p, a.sentence);
  si.b = std::max(si.b, a.cue_b - kMaxSentenceWindow);
  si.e = std::min(si.e, a.cue_e + kMaxSentenceWindow);
  return si;
}

// "Lee’s", "Lee's": a possessive word (lower-cased).
inline bool IsPossessive(const std::u16string& w) {
  return w.size() > 2 &&
         (w.compare(w.size() - 2, 2, u"’s") == 0 || w.compare(w.size() - 2, 2, u"'s") == 0);
}

// A form of "be" (or the passive "get"): "was", "been", "got".
inline bool IsBeForm(const std::u16string& w) {
  return w == u"is"sv || w == u"are"sv || w == u"was"sv || w == u"were"sv || w == u"been"sv ||
         w == u"be"sv || w == u"being"sv || w == u"get"sv || w == u"gets"sv || w == u"got"sv ||
         w == u"gotten"sv;
}

// The token before cue i past adverbs that are not a form of "be" ("was once
// again"), or sb - 1.
inline int32_t AuxiliaryBefore(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  int32_t k = i - 1;
  while (k >= sb && i - k <= 3 && c.lex.adverbs.count(TokLower(c, p, k)) &&
         !IsBeForm(TokLower(c, p, k)))
    --k;
  return k;
}

// A dash at token t: an em or en dash, "--" (one token or two), or a hyphen
// between spaces ("BEIJING (Reuters) - …"). The token after it, or -1.
inline int32_t DashEnd(const Ctx& c, int32_t p, int32_t t) {
  const std::u16string_view x = TokText(c, p, t);
  if (x == u"—"sv || x == u"–"sv || x == u"--"sv) return t + 1;
  const std::u16string& text = c.doc.paragraphs[p].text;
  const Token& tok = Tok(c, p, t);
  if (x == u"-"sv && tok.begin > 0 && tok.end < static_cast<int32_t>(text.size()) &&
      text[tok.begin - 1] == u' ' && text[tok.end] == u' ')
    return t + 1;
  const bool pair = x == u"-"sv && t + 1 < NumTokens(c, p) && TokText(c, p, t + 1) == u"-"sv &&
                    Tok(c, p, t).end == Tok(c, p, t + 1).begin;
  return pair ? t + 2 : -1;
}

// A dateline before the first clause ("SINES, Portugal, January 9, 2026 — …"):
// the first token after its dash, or `b` when there is none.
inline int32_t SkipDateline(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  for (int32_t t = b; t < e && t - b < 16; ++t) {
    const std::u16string_view x = TokText(c, p, t);
    const int32_t after_dash = DashEnd(c, p, t);
    if (after_dash >= 0) return after_dash < e ? after_dash : b;
    if (!(IsCap(c, p, t) || Tok(c, p, t).Has(kTokNumber) || x == u","sv || x == u"."sv ||
          x == u"("sv || x == u")"sv))
      return b;
  }
  return b;
}

}  // namespace attributions_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_ATTRIBUTIONS_TOKENS_H_
