// Internal to the entity stage: a paragraph as the rules see it (ParaData) and
// the token predicates every rule family uses ("is token i a capitalised
// word", "does a title end at i", "where does this capitalised run end").
// All take a paragraph and token indexes; none allocates. The one-line ones
// are inline because the rules call them in every token loop.
#ifndef FACTLENS_SRC_ENTITIES_TOKENS_H_
#define FACTLENS_SRC_ENTITIES_TOKENS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "entities/model.h"
#include "factlens/document.h"
#include "factlens/text.h"

namespace factlens {
namespace ner {

// One paragraph: its text, its tokens (text layer), their features, and which
// working mention owns each token (index into Recognizer::work_, or -1).
struct ParaData {
  const std::u16string* text = nullptr;
  const ParagraphText* pt = nullptr;
  std::vector<TokenInfo> info;
  size_t first_token = 0;   // its first token's index in the document (Recognizer::spelling_)
  bool headline = false;    // heading, all-caps or title-case line
  bool title_case = false;  // ...of the title-case kind: tagged, kept on evidence
  bool dateline = false;    // "LONDON 2001-03-14": its name is a place (Datelines)
  std::vector<int> owner;  // mention index covering each token, -1
};

inline bool EqualsFolded(std::u16string_view a, std::u16string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (FoldUnit(a[i]) != FoldUnit(b[i])) return false;
  return true;
}

// The lists are of u16string_view literals (u"…"sv): their lengths are known at
// compile time, so most words are rejected on length alone.
inline bool OneOf(std::u16string_view w, std::initializer_list<std::u16string_view> list) {
  for (std::u16string_view s : list)
    if (EqualsFolded(w, s)) return true;
  return false;
}

// A word list of analysis/data/ner/ (one word a line), matched like OneOf:
// case-folded, whole word. Has() allocates nothing.
//   static const WordList kRoles("ner/apposition_roles.txt");
//   if (kRoles.Has(TokText(pd, k))) ...
class WordList {
 public:
  explicit WordList(std::string_view file);
  bool Has(std::u16string_view w) const;
  // By a token's TokenInfo::word (the folded stem's hash: no folding, no
  // text): for lists read on every token. A possessive "'s" does not count.
  bool HasStem(uint64_t word) const;

 private:
  // Has() looks a word up by the hash of its folded text, then compares it
  // with the words of that hash; longer words than this are never found.
  static constexpr size_t kMaxLookup = 64;
  std::vector<std::u16string> words_;  // folded (FoldUnit), in the order of stems_
  std::vector<uint64_t> stems_;        // their TokenInfo::word hashes, sorted
  WordMap<uint32_t> first_;            // a hash -> its first index in stems_
  size_t max_size_ = 0;
};

// "the", "of", "his", "despite" ...: never a name on its own, never capitalised
// in a name (data/ner/function_words.txt).
bool IsFunctionWord(std::u16string_view w);
// Lower-case words that make a compound adjective of a name ("Munich-based";
// data/ner/compounding_words.txt).
bool IsCompoundingWord(std::u16string_view w);
// Token k is one hyphenated word ending in a compounding word ("Hanwol-backed").
bool CompoundAdjective(const ParaData& pd, int k);

inline std::u16string_view TokText(const ParaData& pd, int i) {
  const Token& t = pd.pt->tokens[i];
  return std::u16string_view(*pd.text).substr(t.begin, t.end - t.begin);
}

inline bool IsCapWord(const TokenInfo& t) {
  return (t.flags & kInfCap) && (t.flags & kInfHasLetter);
}

// The connectors of Arabic names written apart: "bin", "ibn", "bint" between two
// names ("Osama bin Laden"), and the article "al" / "el" before one ("al Qaeda").
// The glued article ("al-Assad") is read from data/ner/name_articles.txt.
inline bool IsArabicConnector(std::u16string_view w) {
  return OneOf(w, {u"bin", u"ibn", u"bint"});
}
inline bool IsArabicArticleApart(std::u16string_view w) { return OneOf(w, {u"al", u"el"}); }

// Whether token k joins the parts of a name: written in lower case but read as
// capitalised ("al-Assad", "bin", "de": token_info.cc, MarkNameConnectors).
inline bool NameJoint(const ParaData& pd, int k) {
  const char16_t c = TokText(pd, k)[0];
  return IsCapWord(pd.info[k]) && c >= u'a' && c <= u'z';
}

inline bool IsNumber(const TokenInfo& t) {
  return (t.flags & kInfDigit) && !(t.flags & kInfHasLetter);
}

inline bool IsLowerWord(const TokenInfo& t) {
  return (t.flags & kInfHasLetter) && !(t.flags & kInfCap) &&
         !(t.flags & kInfNonLatin);
}

inline bool Glued(const ParaData& pd, int i) {  // token i touches token i-1
  return i > 0 && pd.pt->tokens[i].begin == pd.pt->tokens[i - 1].end;
}

inline bool IsHyphen(const ParaData& pd, int i) {
  const char16_t c = (*pd.text)[pd.pt->tokens[i].begin];
  return (pd.info[i].flags & kInfPunct) && (c == u'-' || c == 0x2010 || c == 0x2011);
}

inline bool IsTitleAt(const ParaData& pd, int i, int* title_begin) {
  // A title ending at token i (single token or multi-token gazetteer match).
  const TokenInfo& t = pd.info[i];
  const uint32_t g = (t.gaz >> (3 * 3)) & 7;  // kGazCats[3] == kLexTitle
  if (g == 1 + kL) {
    int b = i;
    while (b > 0 && ((pd.info[b].gaz >> 9) & 7) != 1 + kB) --b;
    *title_begin = b;
    return true;
  }
  if ((t.lex & kLexTitle) || g == 1 + kU) {
    *title_begin = i;
    return true;
  }
  return false;
}

inline bool ContainsOrgSuffix(const ParaData& pd, int tb, int te) {
  for (int i = tb; i < te; ++i)
    if (pd.info[i].lex & kLexOrgSuffix) return true;
  return false;
}

// Runs of capitalised words: whether token b starts one (no capitalised word
// right before it), and where the run from b ends: at most four words,
// separated by spaces, ending at a possessive ("Vontobel's") and, with
// stop_at_title, before a title word ("Siemens Chief Executive").
inline bool RunStart(const ParaData& pd, int b) {
  return !(b > 0 && IsCapWord(pd.info[b - 1]) && (pd.info[b].flags & kInfSpaceBefore));
}

int CapRunEnd(const ParaData& pd, int b, bool stop_at_title);
// The gazetteer position (0 none, 1 + Part) of a token in category `cat`
// (an index of kGazCats), and the end (one past its L or U token) of the match
// starting at token i, or -1 when it does not end in the paragraph.
inline uint32_t GazPart(const TokenInfo& t, int cat) { return (t.gaz >> (3 * cat)) & 7; }
int GazMatchEnd(const ParaData& pd, int i, int cat);
// "Jae" "-" "myung": a glued hyphen and a glued lower-case part that is not
// a compounding word ("China-based", "US-led" stay out).
bool HyphenContinuation(const ParaData& pd, int i);
// Offset (in the paragraph) of a hyphen inside token i that joins two
// capitalised parts ("Xi-Lee", "China-South"), or -1.
int CapHyphen(const ParaData& pd, int i);
// Whether tokens [tb, te) are written as a name: the first capitalised, every
// other word capitalised or a function word ("Bank of England", not "Kyodo news").
bool CasedName(const ParaData& pd, int tb, int te);
// A word that is no part of a name written as one: letters, no capital, no function
// word (the "news" of "Kyodo news"). CasedName's test of each later word.
inline bool UncasedWord(const TokenInfo& t, std::u16string_view w) {
  return (t.flags & kInfHasLetter) && !(t.flags & kInfCap) && !IsFunctionWord(w);
}
// Korean-style given names are one hyphenated token ("Suk-yeol", "Jae-in").
bool HyphenGivenName(const ParaData& pd, int i);
// 0 body, 1 title-case line, 2 heading or all-caps line (see tokens.cc).
int HeadlineKind(const Paragraph& p, const ParaData& pd);
// No lower-case content word in the paragraph: a line in title case or in capitals
// ("Voters Turn to the Party for Change"), the test HeadlineKind makes of a short line.
bool NoLowerContentWord(const ParaData& pd);

}  // namespace ner
}  // namespace factlens

#endif  // FACTLENS_SRC_ENTITIES_TOKENS_H_
