// Token predicates of the entity stage (tokens.h).
#include "entities/tokens.h"

#include <unicode/uchar.h>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

bool IsFunctionWord(std::u16string_view w) {
  return OneOf(
      w,
      {u"a"sv,      u"an"sv,    u"the"sv,   u"and"sv,     u"or"sv,       u"of"sv,      u"in"sv,
       u"on"sv,     u"at"sv,    u"to"sv,    u"for"sv,     u"with"sv,     u"by"sv,      u"from"sv,
       u"as"sv,     u"vs"sv,    u"amid"sv,  u"over"sv,    u"into"sv,     u"its"sv,     u"is"sv,
       u"are"sv,    u"but"sv,   u"after"sv, u"before"sv,  u"how"sv,      u"why"sv,     u"when"sv,
       u"while"sv,  u"if"sv,    u"then"sv,  u"this"sv,    u"that"sv,     u"these"sv,   u"those"sv,
       u"during"sv, u"since"sv, u"until"sv, u"despite"sv, u"although"sv, u"because"sv, u"his"sv,
       u"her"sv,    u"their"sv, u"our"sv,   u"my"sv,      u"your"sv,     u"former"sv,  u"then"sv});
}

bool IsCompoundingWord(std::u16string_view w) {
  return OneOf(w,
               {u"based"sv,         u"related"sv,  u"led"sv,       u"backed"sv,    u"born"sv,
                u"owned"sv,         u"made"sv,     u"run"sv,       u"style"sv,     u"era"sv,
                u"level"sv,         u"wide"sv,     u"bound"sv,     u"friendly"sv,  u"speaking"sv,
                u"controlled"sv,    u"funded"sv,   u"linked"sv,    u"listed"sv,    u"registered"sv,
                u"centric"sv,       u"oriented"sv, u"driven"sv,    u"specific"sv,  u"bred"sv,
                u"educated"sv,      u"trained"sv,  u"centered"sv,  u"centred"sv,   u"focused"sv,
                u"type"sv,          u"like"sv,     u"language"sv,  u"only"sv,      u"affiliated"sv,
                u"headquartered"sv, u"operated"sv, u"sponsored"sv, u"supported"sv, u"allied"sv,
                u"aligned"sv,       u"inspired"sv, u"themed"sv,    u"bashing"sv,   u"skeptic"sv,
                u"sceptic"sv,       u"free"sv,     u"wise"sv,      u"dominated"sv, u"brokered"sv});
}

int CapRunEnd(const ParaData& pd, int b, bool stop_at_title) {
  const int n = static_cast<int>(pd.info.size());
  int e = b + 1;
  while (e < n && e - b < 4 && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore) &&
         !(pd.info[e - 1].flags & kInfPossessive) &&
         !(stop_at_title && (pd.info[e].lex & kLexTitle)))
    ++e;
  return e;
}

int GazMatchEnd(const ParaData& pd, int i, int cat) {
  const int n = static_cast<int>(pd.info.size());
  int e = i;
  while (e < n && GazPart(pd.info[e], cat) != 1 + kL && GazPart(pd.info[e], cat) != 1 + kU) ++e;
  return e >= n ? -1 : e + 1;
}

bool HyphenContinuation(const ParaData& pd, int i) {
  const int n = static_cast<int>(pd.info.size());
  return i + 1 < n && IsHyphen(pd, i) && Glued(pd, i) && Glued(pd, i + 1) &&
         IsLowerWord(pd.info[i + 1]) && !IsCompoundingWord(TokText(pd, i + 1));
}

int CapHyphen(const ParaData& pd, int i) {
  const Token& t = pd.pt->tokens[i];
  const std::u16string& text = *pd.text;
  if (!IsCapWord(pd.info[i])) return -1;
  for (int k = t.begin + 1; k + 1 < t.end; ++k)
    if ((text[k] == u'-' || text[k] == 0x2010 || text[k] == 0x2011) && u_isupper(text[k + 1]) &&
        u_isalpha(text[k - 1]))
      return k;
  return -1;
}

bool CasedName(const ParaData& pd, int tb, int te) {
  if (!IsCapWord(pd.info[tb])) return false;
  for (int k = tb + 1; k < te; ++k) {
    const TokenInfo& t = pd.info[k];
    if ((t.flags & kInfHasLetter) && !(t.flags & kInfCap) &&
        !IsFunctionWord(TokText(pd, k)))
      return false;
  }
  return true;
}

// Korean-style given names are one hyphenated token ("Suk-yeol", "Jae-in"):
// a capitalised word before such a token is a family name ("Yoon Suk-yeol").
bool HyphenGivenName(const ParaData& pd, int i) {
  const Token& t = pd.pt->tokens[i];
  const std::u16string_view text = std::u16string_view(*pd.text).substr(t.begin, t.end - t.begin);
  size_t h = text.find(u'-');
  if (h == std::u16string_view::npos || h < 2 || h > 6 || !u_isupper(text[0])) return false;
  size_t e = text.size();
  if (pd.info[i].flags & kInfPossessive) e -= 2;
  if (e <= h + 1 || e - h - 1 > 6) return false;
  for (size_t k = 1; k < e; ++k)
    if (k != h && !u_islower(text[k])) return false;
  return !OneOf(text.substr(h + 1, e - h - 1),
                {u"based"sv, u"led"sv,   u"run"sv,   u"era"sv,   u"end"sv,   u"long"sv,  u"old"sv,
                 u"year"sv,  u"time"sv,  u"term"sv,  u"day"sv,   u"month"sv, u"week"sv,  u"scale"sv,
                 u"size"sv,  u"class"sv, u"party"sv, u"state"sv, u"owned"sv, u"made"sv,  u"born"sv,
                 u"up"sv,    u"out"sv,   u"off"sv,   u"type"sv,  u"like"sv,  u"style"sv, u"wide"sv,
                 u"level"sv, u"free"sv,  u"only"sv,  u"bound"sv, u"back"sv,  u"over"sv});
}

// Headline-like: a heading, an all-caps line, or a short title-case line
// without sentence punctuation ("Resetting Ties", "Ups and Downs").
// 0 body, 1 title-case line, 2 heading or all-caps line.
int HeadlineKind(const Paragraph& p, const ParaData& pd) {
  if (p.kind == ParagraphKind::kHeading) return 2;
  const auto& toks = pd.pt->tokens;
  int words = 0, caps = 0, allcaps = 0, lower_content = 0;
  for (size_t i = 0; i < toks.size(); ++i) words += (pd.info[i].flags & kInfHasLetter) != 0;
  if (words > 12 && toks.size() > 0 && !(pd.info[0].flags & kInfAllCaps)) return 0;
  words = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const TokenInfo& t = pd.info[i];
    if (!(t.flags & kInfHasLetter)) continue;
    ++words;
    if (t.flags & kInfAllCaps) ++allcaps;
    if (t.flags & kInfCap) ++caps;
    else if (!(t.flags & kInfNonLatin) && !IsFunctionWord(TokText(pd, static_cast<int>(i))) &&
             toks[i].begin > 0 && (pd.info[i].flags & kInfSpaceBefore))
      ++lower_content;
  }
  if (words == 0) return 0;
  if (words >= 3 && allcaps * 10 >= words * 8) return 2;
  // Title case: short, no final sentence punctuation, no lower-case content word.
  if (words > 12 || lower_content > 0) return 0;
  int last = static_cast<int>(toks.size()) - 1;
  while (last >= 0 && (pd.info[last].flags & kInfPunct)) {
    char16_t c = (*pd.text)[toks[last].begin];
    if (c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';') return 0;
    --last;
  }
  return caps > 0 ? 1 : 0;
}

}  // namespace ner
}  // namespace factlens
