// Attributions: who said what. See factlens/attributions.h and docs/attributions.md.
//
// The stage works on the text layer's tokens, sentences and quotation pairs and on
// the entity stage's mentions. It is a set of rules around *anchors*: a cue (a
// speech or belief verb from analysis/data/attributions/cues.txt, "according to",
// "made (it) clear", a colon lead-in) together with its speaker noun phrase. An
// anchor takes content before it ("“…,” Lee said"; "Prices rose, she said") or
// after it ("Lee said: “…”"; "Lee said the talks failed"; "… noting that …").
// Quotations no anchor claims either continue the previous speaker (within a
// paragraph, or a paragraph that is wholly a quotation) or are reported as
// quoted terms (scare quotes, titles, headings) or as speakerless quotes.
//
// Precision first: a speaker is named only from an entity mention, a name in the
// speaker position, or a pronoun resolved through the speaker chain or the
// entity stage's ResolvePerson; anything else stays unresolved.
//
// Every step is local to a sentence or looks back a bounded distance, so the
// stage runs in time linear in the document.
#include "factlens/attributions.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "attributions/attributions_internal.h"
#include "common/embedded_data.h"
#include "factlens/entities.h"

namespace factlens {

namespace {

// Words are compared with literals as string views: the length check comes
// first, where comparing a std::u16string with a char16_t* measures the
// literal (char_traits<char16_t>::length is a loop) on every call.
using std::string_view_literals::operator""sv;
using attributions_internal::CueInfo;
using attributions_internal::Lexicon;

constexpr int kMaxAdverbs = 4;  // "has long since publicly said"
constexpr int kMaxAppositionTokens = 40;
constexpr int kMaxNameTokens = 8;
constexpr int kMaxCommonNpTokens = 6;
constexpr int kMaxContinuationParagraphs = 4;
constexpr int32_t kMaxSentenceWindow = 160;     // tokens either side of a cue
constexpr float kMinPronounConfidence = 0.75f;  // ResolvePersonReference
constexpr int32_t kMaxParentheticalLead = 8;    // "These sectors, she said, …"

bool IsOpenQuoteChar(char16_t c) {
  return c == u'“' || c == u'‘' || c == u'«' || c == u'„' || c == u'‚' || c == u'「' || c == u'‹' ||
         c == u'"' || c == u'\'';
}

// A quotation's inside in one paragraph.
struct Region {
  int32_t quotation = -1;
  int32_t p = -1;
  int32_t begin = 0, end = 0;          // inside the marks (UTF-16)
  int32_t open_tok = -1;               // token index of the opening (or re-opening) mark
  int32_t close_tok = -1;              // token index of the closing mark, -1 if it runs on
  int32_t first_tok = 0, end_tok = 0;  // tokens inside
  int32_t words = 0;
  bool first_piece = true;   // the quotation's first paragraph
  int32_t attribution = -1;  // claimed by this attribution
  bool claimed = false;      // inside some attribution's content
};

// The speaker of an anchor, resolved.
struct Speaker {
  int32_t tb = -1, te = -1;  // token range [tb, te) in the anchor's paragraph
  Span span;
  int32_t entity = -1;
  std::u16string name;  // canonical or surface; empty when unresolved
  bool vague = false;
  bool pronoun = false;
  bool impersonal = false;  // "it is believed"
  int32_t phrase_b = -1;    // start of the whole speaker phrase when it is wider
                            // ("the EU's foreign policy chief, Ingrid Larsen,")
  bool valid() const { return tb >= 0 || impersonal; }
};

struct Anchor {
  int32_t p = -1;
  int32_t sentence = -1;
  int32_t cue_b = -1, cue_e = -1;  // token range of the cue
  CueInfo info;
  bool participle = false;  // ", noting that …" / "Pledging …, Lee said"
  bool according = false;   // "according to X"
  bool colon = false;       // colon lead-in
  bool after = false;       // speaker after the cue ("said Lee")
  bool resolved = false;    // pronoun / surname resolution done
  bool emitted = false;     // produced an attribution
  Speaker speaker;
  int32_t after_tok = -1;  // first token after cue + speaker (+ object)
  std::optional<Span> outlet;
};

struct Ctx {
  const Document& doc;
  Report* report;
  const Lexicon& lex;
  std::vector<Region> regions;
  std::vector<std::vector<int32_t>> regions_in_para;       // region indices per paragraph
  std::vector<std::vector<int32_t>> regions_of_quotation;  // region indices per quotation
  std::vector<std::vector<int32_t>> mentions_in_para;      // mention indices per paragraph
  std::vector<std::vector<int32_t>> region_of_tok;         // per paragraph, per token
  std::vector<std::vector<uint8_t>> mark_of_tok;           // 1 open, 2 close
  bool have_persons = false;
  // Without entity mentions: full names (two or more capitalised words after
  // titles) seen in the document, by each of their words, and where they are.
  std::unordered_map<std::u16string, std::vector<std::u16string>> name_parts;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> name_runs;             // per paragraph
  std::unordered_map<std::u16string, std::vector<std::u16string>> role_names;  // "senator"
  std::unordered_map<std::u16string, int32_t> role_entity;  // with the entity stage
};

bool IsIngForm(const std::u16string& w) {
  return w.size() > 4 && w.compare(w.size() - 3, 3, u"ing") == 0;
}

// A name's key for grouping spellings: letters only, case-folded
// ("Lee Jae-myung" and "Lee Jaemyung" → "leejaemyung").
std::u16string LetterKey(std::u16string_view name) {
  std::u16string k;
  for (char16_t ch : name)
    if (u_isalpha(ch)) k += static_cast<char16_t>(u_tolower(ch));
  return k;
}

std::u16string Lower(std::u16string_view s) {
  std::u16string out(s);
  for (char16_t& c : out) {
    if (c < 0x80) {  // ASCII: what u_tolower gives, without the property lookup
      if (c >= 'A' && c <= 'Z') c = static_cast<char16_t>(c - 'A' + 'a');
    } else {
      c = static_cast<char16_t>(u_tolower(c));
    }
  }
  return out;
}

std::u16string_view TokText(const Ctx& c, int32_t p, int32_t i) {
  const Token& t = c.report->text.paragraphs[p].tokens[i];
  return std::u16string_view(c.doc.paragraphs[p].text).substr(t.begin, t.end - t.begin);
}

std::u16string TokLower(const Ctx& c, int32_t p, int32_t i) { return Lower(TokText(c, p, i)); }

bool IsWord(const Ctx& c, int32_t p, int32_t i) {
  const Token& t = c.report->text.paragraphs[p].tokens[i];
  if (t.Has(kTokWord)) return true;
  if (t.Has(kTokPunct) || t.Has(kTokNumber)) return false;
  return u_isalpha(c.doc.paragraphs[p].text[t.begin]) != 0;
}

bool IsCap(const Ctx& c, int32_t p, int32_t i) {
  if (!IsWord(c, p, i)) return false;
  const Token& t = c.report->text.paragraphs[p].tokens[i];
  return u_isupper(c.doc.paragraphs[p].text[t.begin]) != 0;
}

bool IsLowerWord(const Ctx& c, int32_t p, int32_t i) {
  if (!IsWord(c, p, i)) return false;
  const Token& t = c.report->text.paragraphs[p].tokens[i];
  return u_islower(c.doc.paragraphs[p].text[t.begin]) != 0;
}

bool TokIs(const Ctx& c, int32_t p, int32_t i, std::u16string_view s) {
  const auto& toks = c.report->text.paragraphs[p].tokens;
  if (i < 0 || i >= static_cast<int32_t>(toks.size())) return false;
  return TokText(c, p, i) == s;
}

bool TokLowerIs(const Ctx& c, int32_t p, int32_t i, std::u16string_view s) {
  const auto& toks = c.report->text.paragraphs[p].tokens;
  if (i < 0 || i >= static_cast<int32_t>(toks.size())) return false;
  return TokLower(c, p, i) == s;
}

bool IsComma(const Ctx& c, int32_t p, int32_t i) { return TokIs(c, p, i, u","); }
bool IsOpenMark(const Ctx& c, int32_t p, int32_t i) {
  return i >= 0 && i < static_cast<int32_t>(c.mark_of_tok[p].size()) && c.mark_of_tok[p][i] == 1;
}
bool IsCloseMark(const Ctx& c, int32_t p, int32_t i) {
  return i >= 0 && i < static_cast<int32_t>(c.mark_of_tok[p].size()) && c.mark_of_tok[p][i] == 2;
}
bool InQuote(const Ctx& c, int32_t p, int32_t i) { return c.region_of_tok[p][i] >= 0; }

int32_t NumTokens(const Ctx& c, int32_t p) {
  return static_cast<int32_t>(c.report->text.paragraphs[p].tokens.size());
}

const Token& Tok(const Ctx& c, int32_t p, int32_t i) {
  return c.report->text.paragraphs[p].tokens[i];
}

// ------------------------------------------------------------------ quotations

// Token index whose begin is `offset`, or -1 (binary search).
int32_t TokenAt(const Ctx& c, int32_t p, int32_t offset) {
  const auto& toks = c.report->text.paragraphs[p].tokens;
  auto it = std::lower_bound(toks.begin(), toks.end(), offset,
                             [](const Token& t, int32_t off) { return t.begin < off; });
  if (it != toks.end() && it->begin == offset) return static_cast<int32_t>(it - toks.begin());
  // A mark glued into a word token by the segmenter: the token containing it.
  if (it != toks.begin()) {
    --it;
    if (it->begin <= offset && offset < it->end) return static_cast<int32_t>(it - toks.begin());
  }
  return -1;
}

void BuildRegions(Ctx& c) {
  const int32_t np = static_cast<int32_t>(c.doc.paragraphs.size());
  c.regions_in_para.assign(np, {});
  c.regions_of_quotation.assign(c.report->text.quotations.size(), {});
  c.region_of_tok.resize(np);
  c.mark_of_tok.resize(np);
  for (int32_t p = 0; p < np; ++p) {
    c.region_of_tok[p].assign(NumTokens(c, p), -1);
    c.mark_of_tok[p].assign(NumTokens(c, p), 0);
  }
  const auto& quotations = c.report->text.quotations;
  for (int32_t qi = 0; qi < static_cast<int32_t>(quotations.size()); ++qi) {
    const Quotation& q = quotations[qi];
    // Unclosed openers are unbalanced marks (a check reports them); they claim
    // nothing, so a stray mark never swallows text.
    if (q.depth != 0 || !q.closed()) continue;
    if (q.open.paragraph < 0 || q.close.paragraph >= np || q.close < q.open) continue;
    for (int32_t p = q.open.paragraph; p <= q.close.paragraph; ++p) {
      Span in = q.InsideIn(p, c.doc);
      if (!in.valid() || in.paragraph != p) continue;
      Region r;
      r.quotation = qi;
      r.p = p;
      r.begin = in.begin;
      r.end = in.end;
      r.first_piece = (p == q.open.paragraph);
      if (in.begin > 0) r.open_tok = TokenAt(c, p, in.begin - 1);
      if (p == q.close.paragraph) r.close_tok = TokenAt(c, p, q.close.offset);
      const auto& toks = c.report->text.paragraphs[p].tokens;
      auto first = std::lower_bound(toks.begin(), toks.end(), in.begin,
                                    [](const Token& t, int32_t off) { return t.begin < off; });
      r.first_tok = static_cast<int32_t>(first - toks.begin());
      r.end_tok = r.first_tok;
      while (r.end_tok < static_cast<int32_t>(toks.size()) && toks[r.end_tok].end <= in.end) {
        if (r.end_tok != r.close_tok && IsWord(c, p, r.end_tok)) ++r.words;
        ++r.end_tok;
      }
      const int32_t ri = static_cast<int32_t>(c.regions.size());
      for (int32_t t = r.first_tok; t < r.end_tok; ++t) c.region_of_tok[p][t] = ri;
      if (r.open_tok >= 0 && c.region_of_tok[p][r.open_tok] < 0) c.mark_of_tok[p][r.open_tok] = 1;
      if (r.close_tok >= 0) c.mark_of_tok[p][r.close_tok] = 2;
      c.regions.push_back(r);
      c.regions_in_para[p].push_back(ri);
      c.regions_of_quotation[qi].push_back(ri);
    }
  }
}

// ------------------------------------------------------------------ entities

// The entity mention whose span ends at token i's end (or contains it), -1 if none.
int32_t MentionAt(const Ctx& c, int32_t p, int32_t i) {
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
size_t FirstRegionFrom(const Ctx& c, int32_t p, int32_t begin) {
  const auto& rs = c.regions_in_para[p];
  return std::lower_bound(rs.begin(), rs.end(), begin,
                          [&](int32_t r, int32_t off) { return c.regions[r].begin < off; }) -
         rs.begin();
}

bool IsNonName(const Ctx& c, const std::u16string& lower) {
  return c.lex.non_names.count(lower) > 0;
}

// Finds a PERSON entity whose canonical name has `word` as one of its parts
// ("Lee" → "Lee Jae-myung", "Smith" → "John Smith"). Unique or -1.
int32_t EntityByNamePart(const Ctx& c, std::u16string_view word) {
  int32_t found = -1;
  for (const Entity& e : c.report->entity_list) {
    if (e.type != EntityType::kPerson) continue;
    std::u16string_view name(e.canonical);
    bool match = false;
    size_t pos = 0;
    while (pos <= name.size()) {
      size_t sp = name.find(u' ', pos);
      if (sp == std::u16string_view::npos) sp = name.size();
      if (name.substr(pos, sp - pos) == word) match = true;
      pos = sp + 1;
    }
    if (match) {
      if (found >= 0 && found != e.id) return -2;  // ambiguous
      found = e.id;
    }
  }
  return found;
}

// ------------------------------------------------------------------ speakers

bool IsPronoun(const std::u16string& w) {
  return w == u"he"sv || w == u"she"sv || w == u"they"sv || w == u"we"sv || w == u"i"sv ||
         w == u"it"sv;
}

// The extent of a capitalised name ending at token j (walking back), or -1.
// Joins "Jae - myung" and "Woo Won-shik"; stops at non-name words.
int32_t NameStartBack(const Ctx& c, int32_t p, int32_t j, int32_t floor) {
  if (j < floor || !IsCap(c, p, j)) return -1;
  int32_t k = j;
  int32_t n = 1;
  while (k - 1 >= floor && n < kMaxNameTokens) {
    if (IsCap(c, p, k - 1) && !InQuote(c, p, k - 1) && !IsNonName(c, TokLower(c, p, k - 1))) {
      --k;
      ++n;
      continue;
    }
    // hyphenated lower-case part: "Jae-myung" split as Jae | - | myung
    if (k - 2 >= floor && TokIs(c, p, k - 1, u"-") && IsWord(c, p, k - 2) &&
        Tok(c, p, k - 1).begin == Tok(c, p, k - 2).end &&
        Tok(c, p, k).begin == Tok(c, p, k - 1).end) {
      k -= 2;
      continue;
    }
    break;
  }
  // The name follows the last title or possessive of the run: "South Korea’s
  // National Assembly Speaker Woo Wonshik" → "Woo Wonshik".
  for (int32_t t = j - 1; t >= k; --t) {
    const std::u16string lw = TokLower(c, p, t);
    const bool possessive = lw.size() > 2 && (lw.compare(lw.size() - 2, 2, u"’s") == 0 ||
                                              lw.compare(lw.size() - 2, 2, u"'s") == 0);
    if (possessive || c.lex.titles.count(lw) || c.lex.speaker_nouns.count(lw) ||
        c.lex.vague.count(lw)) {
      if (IsCap(c, p, t + 1)) return t + 1;
      break;
    }
  }
  return k;
}

void ResolveNamed(const Ctx& c, int32_t p, Speaker* s) {
  // An entity mention in the speaker position decides.
  const int32_t m = MentionAt(c, p, s->te - 1);
  if (m >= 0) {
    const EntityMention& em = c.report->entities[m];
    s->span = em.span;
    if (em.entity >= 0 && em.entity < static_cast<int32_t>(c.report->entity_list.size())) {
      const Entity& e = c.report->entity_list[em.entity];
      if (!e.ambiguous) {
        s->entity = em.entity;
        s->name = e.canonical;
      }
      // A single word the tagger did not call a person, in the speaker
      // position: a person's full name seen in the document, if exactly one
      // contains it ("Funmi Adeyemi" … "Adeyemi told", tagged MISC).
      if (e.type != EntityType::kPerson && e.type != EntityType::kOrg &&
          e.canonical.find(u' ') == std::u16string::npos) {
        auto it = c.name_parts.find(e.canonical);
        if (it != c.name_parts.end() && it->second.size() == 1) {
          s->entity = -1;
          s->name = it->second[0];
        }
      }
    }
    return;
  }
  // No mention: a bare name. A single word is matched to a person named in full.
  std::u16string surface = c.doc.paragraphs[p].text.substr(s->span.begin, s->span.size());
  const bool single =
      surface.find(u' ') == std::u16string::npos && surface.find(u'-') == std::u16string::npos;
  if (single) {
    int32_t e = EntityByNamePart(c, surface);
    // A lone capitalised word opening a sentence may be any noun ("Guerrillas
    // threatened …", "Please clarify …"): named only through a full name.
    const Token& first = Tok(c, p, s->tb);
    const bool sentence_initial =
        first.Has(kTokSentenceStart) || first.Has(kTokFirstWord) ||
        (s->tb > 0 && IsOpenMark(c, p, s->tb - 1) && Tok(c, p, s->tb - 1).Has(kTokSentenceStart));
    if (e >= 0) {
      s->entity = e;
      s->name = c.report->entity_list[e].canonical;
    } else if (e == -1 && sentence_initial) {
      if (!c.have_persons) {
        auto it = c.name_parts.find(surface);
        if (it != c.name_parts.end() && it->second.size() == 1) s->name = it->second[0];
      }
    } else if (e == -1 && !c.have_persons) {
      // No entity stage: a full name of the document containing this word.
      auto it = c.name_parts.find(surface);
      if (it == c.name_parts.end())
        s->name = surface;
      else if (it->second.size() == 1)
        s->name = it->second[0];
      // several different people share the word: unresolved
    } else if (e == -1) {
      s->name = surface;  // resolved later against earlier speakers (see below)
    }
    // e == -2: ambiguous, unresolved.
  } else {
    s->name = surface;
  }
}

// "the senator": the one person of the document introduced with that title
// (entity mentions' titles and descriptors, or the name index without the
// entity stage). Two candidates or none: unresolved.
void ResolveRole(const Ctx& c, const std::u16string& role, Speaker* s) {
  if (c.have_persons) {
    auto it = c.role_entity.find(role);
    if (it != c.role_entity.end() && it->second >= 0 &&
        !c.report->entity_list[it->second].ambiguous) {
      s->entity = it->second;
      s->name = c.report->entity_list[it->second].canonical;
    }
    return;
  }
  auto it = c.role_names.find(role);
  if (it != c.role_names.end() && it->second.size() == 1) s->name = it->second[0];
}

// Words of the titles and descriptors of each person: "senator" → the entity,
// or -2 when two people share it.
void IndexRoles(Ctx& c) {
  auto add = [&](const std::u16string& text, int32_t entity) {
    const std::u16string l = Lower(text);
    size_t i = 0;
    while (i < l.size()) {
      while (i < l.size() && !u_isalpha(l[i])) ++i;
      size_t e = i;
      while (e < l.size() && u_isalpha(l[e])) ++e;
      if (e > i) {
        auto [it, fresh] = c.role_entity.emplace(l.substr(i, e - i), entity);
        if (!fresh && it->second != entity) it->second = -2;
      }
      i = e;
    }
  };
  for (const EntityMention& m : c.report->entities)
    if (m.type == EntityType::kPerson && m.entity >= 0 &&
        m.entity < static_cast<int32_t>(c.report->entity_list.size()))
      add(m.title, m.entity);
  for (const Entity& e : c.report->entity_list)
    if (e.type == EntityType::kPerson)
      for (const auto& d : e.descriptors) add(d, e.id);
}

// Speaker noun phrase ending at token j (inclusive), walking back no further
// than `floor`. Returns false when there is no acceptable speaker.
bool IsDeterminer(const std::u16string& w) {
  return w == u"the"sv || w == u"a"sv || w == u"an"sv || w == u"their"sv || w == u"his"sv ||
         w == u"her"sv || w == u"its"sv || w == u"our"sv || w == u"these"sv || w == u"those"sv;
}

bool SpeakerBack(const Ctx& c, int32_t p, int32_t j, int32_t floor, Speaker* s) {
  if (j < floor || InQuote(c, p, j)) return false;
  const std::u16string w = TokLower(c, p, j);
  const Token& tj = Tok(c, p, j);
  // "Economists at Nordbank said", "A spokesperson for the operators said": the
  // speaker noun before the preposition is the speaker, not the organisation.
  for (int32_t t = j - 1; t - 1 >= floor && j - t <= 5; --t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t)) break;
    const std::u16string lt = TokLower(c, p, t);
    if (lt == u"at"sv || lt == u"for"sv || lt == u"of"sv || lt == u"from"sv || lt == u"with"sv) {
      const std::u16string hw = TokLower(c, p, t - 1);
      Speaker head;
      if ((c.lex.vague.count(hw) || c.lex.speaker_nouns.count(hw)) &&
          SpeakerBack(c, p, t - 1, floor, &head) && head.tb >= 0 && !head.pronoun &&
          head.entity < 0) {
        *s = head;
        return true;
      }
      break;
    }
    if (c.lex.cues.count(lt) || c.lex.np_stops.count(lt)) break;
  }
  if (w == u"who"sv && j - 1 > floor && IsComma(c, p, j - 1)) {
    // "farmers, who say …", "Kim, who chairs the committee, said" is apposition.
    Speaker ante;
    if (SpeakerBack(c, p, j - 2, floor, &ante) && !ante.pronoun) {
      *s = ante;
      return true;
    }
    int32_t k = j - 2;
    if (IsLowerWord(c, p, k) && !c.lex.np_stops.count(TokLower(c, p, k))) {
      s->tb = k;
      s->te = k + 1;
      s->span = Span{p, Tok(c, p, k).begin, Tok(c, p, k).end};
      return true;
    }
    return false;
  }
  if (IsPronoun(w)) {
    if (w == u"it"sv) {
      // "it is (widely) believed/said/reported that": impersonal, vague.
      return false;
    }
    s->tb = j;
    s->te = j + 1;
    s->span = Span{p, tj.begin, tj.end};
    s->pronoun = true;
    return true;
  }
  if (IsCap(c, p, j) && !IsNonName(c, w)) {
    int32_t k = NameStartBack(c, p, j, floor);
    if (k < 0) return false;
    // A single sentence-initial capital that is really a common noun
    // ("Analysts said", "Officials said").
    if (k == j && (c.lex.vague.count(w) || c.lex.speaker_nouns.count(w))) {
      s->tb = j;
      s->te = j + 1;
      s->span = Span{p, tj.begin, tj.end};
      s->vague = c.lex.vague.count(w) > 0;
      return true;
    }
    // Drop a leading determiner captured as capitalised ("The Korea Herald").
    while (k < j && (TokLowerIs(c, p, k, u"the") || TokLowerIs(c, p, k, u"a"))) ++k;
    s->tb = k;
    s->te = j + 1;
    s->span = Span{p, Tok(c, p, k).begin, tj.end};
    ResolveNamed(c, p, s);
    return true;
  }
  // Lower-case hyphenated name part ("Lee Jae-myung said"): "myung" after "-".
  if (IsLowerWord(c, p, j) && j - 2 >= floor && TokIs(c, p, j - 1, u"-") && IsCap(c, p, j - 2) &&
      Tok(c, p, j - 1).end == tj.begin && Tok(c, p, j - 2).end == Tok(c, p, j - 1).begin) {
    int32_t k = NameStartBack(c, p, j - 2, floor);
    if (k >= 0 && k < j - 2) {  // at least "Lee Jae-myung", not just "Jae-myung"
      s->tb = k;
      s->te = j + 1;
      s->span = Span{p, Tok(c, p, k).begin, tj.end};
      ResolveNamed(c, p, s);
      return true;
    }
    if (k >= 0 && MentionAt(c, p, j) >= 0) {
      s->tb = k;
      s->te = j + 1;
      s->span = Span{p, Tok(c, p, k).begin, tj.end};
      ResolveNamed(c, p, s);
      return true;
    }
    return false;
  }
  // A common noun phrase headed by a speaker noun: "analysts", "the ministry".
  if (IsLowerWord(c, p, j)) {
    std::u16string head = w;
    const bool vague = c.lex.vague.count(head) > 0;
    bool role = c.lex.speaker_nouns.count(head) > 0;
    if (!vague && !role) {
      // "the port operator said": any short noun phrase led by a determiner.
      int32_t d = j - 1;
      while (d >= floor && j - d <= 3 && IsLowerWord(c, p, d) &&
             !c.lex.np_stops.count(TokLower(c, p, d)) && !IsDeterminer(TokLower(c, p, d)))
        --d;
      const bool det = d >= floor && IsDeterminer(TokLower(c, p, d));
      const bool plural_like = false;  // "the protesters said" is fine
      bool verbish = false;
      for (int32_t t = d + 1; t <= j; ++t) {
        const std::u16string lt = TokLower(c, p, t);
        if (c.lex.cues.count(lt) || c.lex.adverbs.count(lt) ||
            (lt.size() > 3 && lt.compare(lt.size() - 2, 2, u"ed") == 0))
          verbish = true;
      }
      if (!det || plural_like || verbish || IsIngForm(head) || c.lex.np_stops.count(head))
        return false;
      role = true;
    }
    int32_t k = j;
    int32_t n = 1;
    while (k - 1 >= floor && n < kMaxCommonNpTokens && !InQuote(c, p, k - 1)) {
      const int32_t i = k - 1;
      if (Tok(c, p, i).Has(kTokApostrophe) && !InQuote(c, p, i)) {  // "nurses' union"
        --k;
        ++n;
        continue;
      }
      if (!IsWord(c, p, i)) break;
      const std::u16string li = TokLower(c, p, i);
      if (c.lex.np_stops.count(li) || c.lex.cues.count(li)) break;
      --k;
      ++n;
      if (IsDeterminer(li)) break;
    }
    s->tb = k;
    s->te = j + 1;
    s->span = Span{p, Tok(c, p, k).begin, tj.end};
    s->vague = vague;
    // A role noun may be a named entity's head ("the Foreign Ministry" → ORG).
    if (!vague) {
      int32_t m = MentionAt(c, p, j);
      if (m >= 0) {
        ResolveNamed(c, p, s);
      } else if (TokLowerIs(c, p, k, u"the") && j - k >= 2 && c.lex.org_heads.count(head)) {
        // "the finance ministry": an institution named in lower case; its name
        // is the phrase itself (no person is guessed).
        const Span ns{p, Tok(c, p, k + 1).begin, tj.end};
        s->name = c.doc.paragraphs[p].text.substr(ns.begin, ns.size());
      } else if (TokLowerIs(c, p, k, u"the") && j == k + 1 && c.lex.titles.count(head)) {
        ResolveRole(c, head, s);  // "the senator" → the one Senator of the story
      }
    }
    return true;
  }
  return false;
}

// Speaker noun phrase starting at token i (inverted order: "said Lee").
bool SpeakerForward(const Ctx& c, int32_t p, int32_t i, int32_t limit, Speaker* s) {
  if (i >= limit || InQuote(c, p, i)) return false;
  const std::u16string w = TokLower(c, p, i);
  const Token& ti = Tok(c, p, i);
  if (w == u"he"sv || w == u"she"sv) {
    s->tb = i;
    s->te = i + 1;
    s->span = Span{p, ti.begin, ti.end};
    s->pronoun = true;
    return true;
  }
  int32_t k = i;
  if (w == u"the"sv || w == u"a"sv || w == u"an"sv) ++k;
  // Titles and descriptors before a name: "said President Lee", "said Prime
  // Minister Sanae Takaichi", "said club president Lukas Meier".
  int32_t t = k;
  while (t < limit && t - k < 4 && IsWord(c, p, t) && !InQuote(c, p, t)) {
    const std::u16string lt = TokLower(c, p, t);
    const bool title = c.lex.titles.count(lt) || c.lex.speaker_nouns.count(lt) ||
                       c.lex.vague.count(lt) || IsNonName(c, lt);
    if (IsCap(c, p, t) && !title) break;
    if (c.lex.np_stops.count(lt) || c.lex.cues.count(lt)) break;
    if (!title && !IsLowerWord(c, p, t)) break;
    ++t;
  }
  if (t > k && t < limit && IsCap(c, p, t) && !IsNonName(c, TokLower(c, p, t))) k = t;
  if (w == u"one"sv || w == u"another"sv || w == u"some"sv || w == u"two"sv || w == u"three"sv ||
      w == u"several"sv)
    k = i;  // "said one senior Republican aide": a common noun phrase
  if (k >= limit) return false;
  if (IsCap(c, p, k) && !IsNonName(c, TokLower(c, p, k))) {
    int32_t e = k;
    int32_t n = 0;
    while (e < limit && n < kMaxNameTokens && !InQuote(c, p, e)) {
      if (IsCap(c, p, e) && !IsNonName(c, TokLower(c, p, e))) {
        ++e;
        ++n;
        continue;
      }
      if (e + 1 < limit && TokIs(c, p, e, u"-") && IsWord(c, p, e + 1) &&
          Tok(c, p, e).begin == Tok(c, p, e - 1).end &&
          Tok(c, p, e + 1).begin == Tok(c, p, e).end) {
        e += 2;
        continue;
      }
      break;
    }
    // A capitalised word followed by a lower-case noun is an adjective
    // ("said a Republican aide"): fall through to the common noun phrase.
    const bool adjective = e < limit && IsLowerWord(c, p, e) &&
                           !c.lex.np_stops.count(TokLower(c, p, e)) &&
                           !c.lex.cues.count(TokLower(c, p, e)) && !IsIngForm(TokLower(c, p, e));
    if (!adjective) {
      s->tb = k;
      s->te = e;
      s->span = Span{p, Tok(c, p, k).begin, Tok(c, p, e - 1).end};
      ResolveNamed(c, p, s);
      return true;
    }
    k = i;
  }
  // "said the minister", "said a senior official"
  int32_t e = k == i && (w == u"the"sv || w == u"a"sv || w == u"an"sv) ? i + 1 : k;
  if (k == i) e = i + 1;
  int32_t head = -1;
  while (e < limit && e - i < kMaxCommonNpTokens && IsWord(c, p, e) && !InQuote(c, p, e)) {
    const std::u16string le = TokLower(c, p, e);
    if (c.lex.vague.count(le) || c.lex.speaker_nouns.count(le)) head = e;
    if (c.lex.np_stops.count(le)) break;
    ++e;
  }
  const bool det = w == u"the"sv || w == u"a"sv || w == u"an"sv || w == u"one"sv ||
                   w == u"another"sv || w == u"some"sv || w == u"two"sv || w == u"three"sv ||
                   w == u"several"sv;
  if (head < 0 || !det) return false;  // needs a determiner: "said officials" is rare
  s->tb = i;
  s->te = head + 1;
  s->span = Span{p, ti.begin, Tok(c, p, head).end};
  s->vague = c.lex.vague.count(TokLower(c, p, head)) > 0;
  return true;
}

// ------------------------------------------------------------------ outlets

bool IsMediaName(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  for (int32_t i = b; i < e; ++i) {
    int32_t m = MentionAt(c, p, i);
    if (m >= 0 && c.report->entities[m].outlet) return true;
  }
  for (int32_t i = b; i < e; ++i)
    if (c.lex.media.count(std::u16string(TokText(c, p, i)))) return true;
  return false;
}

// Capitalised runs in [b, e): returns the best outlet candidate as tokens.
bool OutletIn(const Ctx& c, int32_t p, int32_t b, int32_t e, int32_t* ob, int32_t* oe) {
  int32_t best_b = -1, best_e = -1;
  bool best_media = false;
  for (int32_t i = b; i < e;) {
    if (!IsCap(c, p, i) || IsNonName(c, TokLower(c, p, i))) {
      ++i;
      continue;
    }
    int32_t j = i;
    while (j < e && (IsCap(c, p, j) || TokLowerIs(c, p, j, u"of")) &&
           !IsNonName(c, TokLower(c, p, j)))
      ++j;
    while (j > i + 1 && TokLowerIs(c, p, j - 1, u"of")) --j;
    const bool media = IsMediaName(c, p, i, j);
    if (best_b < 0 || (media && !best_media) || (media == best_media && j - i >= best_e - best_b)) {
      best_b = i;
      best_e = j;
      best_media = media;
    }
    i = j;
  }
  if (best_b < 0) return false;
  *ob = best_b;
  *oe = best_e;
  return true;
}

Span TokSpan(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  return Span{p, Tok(c, p, b).begin, Tok(c, p, e - 1).end};
}

// Tokens that end a phrase scanned for an outlet.
bool PhraseEnd(const Ctx& c, int32_t p, int32_t i) {
  if (InQuote(c, p, i) || IsOpenMark(c, p, i) || IsCloseMark(c, p, i)) return true;
  if (IsWord(c, p, i)) {
    const std::u16string w = TokLower(c, p, i);
    return w == u"that"sv || w == u"ahead"sv || w == u"before"sv || w == u"after"sv ||
           w == u"during"sv || w == u"on"sv || w == u"in"sv || w == u"last"sv || w == u"this"sv ||
           w == u"when"sv || w == u"while"sv || c.lex.cues.count(w) > 0;
  }
  const std::u16string_view t = TokText(c, p, i);
  return t == u","sv || t == u"."sv || t == u";"sv || t == u":"sv || t == u"?"sv || t == u"!"sv ||
         t == u"("sv || t == u")"sv;
}

// Looks for "according to X", "told X", "in an interview with … X",
// "posted on X" in tokens [b, e) of paragraph p. Returns the outlet span.
std::optional<Span> FindOutlet(const Ctx& c, int32_t p, int32_t b, int32_t e, const Anchor* a,
                               int32_t* consumed_end) {
  for (int32_t i = b; i < e; ++i) {
    if (InQuote(c, p, i) || !IsWord(c, p, i)) continue;
    const std::u16string w = TokLower(c, p, i);
    int32_t start = -1;
    bool platform_only = false;
    if (w == u"according"sv && TokLowerIs(c, p, i + 1, u"to")) {
      start = i + 2;
    } else if (w == u"with"sv && i >= 1 &&
               (TokLowerIs(c, p, i - 1, u"interview") || TokLowerIs(c, p, i - 1, u"interviews") ||
                TokLowerIs(c, p, i - 1, u"conversation"))) {
      start = i + 1;
    } else if ((w == u"on"sv || w == u"to"sv) && i >= 1 && a && i - 1 < e &&
               (a->info.post || a->info.obj) && i - 1 >= a->cue_b && i - 1 < a->cue_e + 1) {
      start = i + 1;
      platform_only = !a->info.post;
    } else if (w == u"on"sv && IsCap(c, p, i + 1)) {
      start = i + 1;
      platform_only = true;
    } else if (a && i == a->cue_e && a->info.obj) {
      // "told NewsChina": the object itself.
      start = i;
      if (TokLowerIs(c, p, i, u"the") && IsCap(c, p, i + 1)) start = i + 1;
      if (!IsCap(c, p, start) ||
          (a->speaker.tb >= 0 && start >= a->speaker.tb && start < a->speaker.te))
        start = -1;
    }
    if (start < 0) continue;
    int32_t stop = start;
    while (stop < e && stop - start < 10 && !(stop > start && PhraseEnd(c, p, stop))) ++stop;
    int32_t ob, oe;
    if (!OutletIn(c, p, start, stop, &ob, &oe)) continue;
    if (platform_only) {
      std::u16string name(TokText(c, p, ob));
      for (int32_t k = ob + 1; k < oe; ++k) {
        name += u' ';
        name += TokText(c, p, k);
      }
      if (!c.lex.platforms.count(name) && !IsMediaName(c, p, ob, oe)) continue;
    }
    // "told Xi" / "told Lee": a person addressed, not an outlet.
    if (start == i && a && a->info.obj) {
      int32_t m = MentionAt(c, p, ob);
      if (m >= 0 && c.report->entities[m].type == EntityType::kPerson) continue;
      if (m < 0 && !IsMediaName(c, p, ob, oe)) continue;
    }
    if (consumed_end) *consumed_end = oe;
    Span s = TokSpan(c, p, ob, oe);
    return s;
  }
  return std::nullopt;
}

// ------------------------------------------------------------------ anchors

struct SentenceInfo {
  int32_t b = 0, e = 0;  // token range
};

// Skips adverbs/auxiliaries backward from i; returns the new index.
int32_t SkipAdverbsBack(const Ctx& c, int32_t p, int32_t i, int32_t floor) {
  int32_t n = 0;
  while (i >= floor && n < kMaxAdverbs && IsWord(c, p, i) && !InQuote(c, p, i)) {
    const std::u16string w = TokLower(c, p, i);
    const bool ly = w.size() > 4 && w.compare(w.size() - 2, 2, u"ly") == 0 && !IsCap(c, p, i);
    // "President Amara Diallo on Monday vowed": a weekday adjunct.
    if (IsCap(c, p, i) && c.lex.weekdays.count(w) && TokLowerIs(c, p, i - 1, u"on") &&
        i - 1 >= floor) {
      i -= 2;
      ++n;
      continue;
    }
    if (!c.lex.adverbs.count(w) && !ly) break;
    --i;
    ++n;
  }
  return i;
}

// Apposition: the token before the cue is a comma closing ", an associate
// professor at Y,". Finds the name before the opening comma.
bool SpeakerBeforeApposition(const Ctx& c, int32_t p, int32_t comma, int32_t floor, Speaker* s) {
  int32_t tried = 0;
  for (int32_t k = comma - 1; k > floor && comma - k <= kMaxAppositionTokens; --k) {
    if (InQuote(c, p, k) || IsCloseMark(c, p, k) || IsOpenMark(c, p, k)) return false;
    if (!IsComma(c, p, k)) continue;
    if (++tried > 3) return false;
    // The apposition starts with a determiner, a relative pronoun, a lower-case
    // word or a title ("an associate professor", "who heads …", "Japan's envoy").
    const int32_t a = k + 1;
    if (a >= comma) return false;
    const std::u16string aw = TokLower(c, p, a);
    const bool app_start = aw == u"a"sv || aw == u"an"sv || aw == u"the"sv || aw == u"who"sv ||
                           aw == u"whose"sv || IsLowerWord(c, p, a) || IsCap(c, p, a) ||
                           Tok(c, p, a).Has(kTokNumber);
    if (!app_start) continue;
    // "Marsh's lawyer, Daniel Ames, said": the name is the middle segment.
    if (IsCap(c, p, a) && comma - a <= 4 && k - 1 >= floor && IsLowerWord(c, p, k - 1)) {
      bool all_name = true;
      for (int32_t t = a; t < comma && all_name; ++t)
        all_name = IsCap(c, p, t) || TokIs(c, p, t, u"-") ||
                   (t > a && TokIs(c, p, t - 1, u"-") && IsWord(c, p, t));
      const std::u16string head = TokLower(c, p, k - 1);
      if (all_name && !c.lex.np_stops.count(head) && !c.lex.cues.count(head) &&
          (comma - a >= 2 || MentionAt(c, p, a) >= 0)) {
        Speaker mid;
        if (SpeakerBack(c, p, comma - 1, a, &mid) && mid.tb == a) {
          int32_t g = k;
          while (g - 1 >= floor && k - g < 8 && IsWord(c, p, g - 1) && !InQuote(c, p, g - 1) &&
                 !c.lex.cues.count(TokLower(c, p, g - 1)))
            --g;
          mid.phrase_b = g;
          *s = mid;
          return true;
        }
      }
    }
    Speaker cand;
    if (SpeakerBack(c, p, k - 1, floor, &cand) && !cand.vague && cand.tb >= 0 &&
        (cand.pronoun || IsCap(c, p, cand.te - 1) || MentionAt(c, p, cand.te - 1) >= 0 ||
         TokIs(c, p, cand.te - 2, u"-") || TokLowerIs(c, p, cand.tb, u"the") ||
         TokLowerIs(c, p, cand.tb, u"a"))) {
      // The name must itself begin the clause (sentence start, comma, quote mark
      // or a preposition-free context) so "In Seoul, the president, said" fails.
      // Titles before it belong to it ("Senate Majority Leader Tom Reyes, …").
      int32_t before = cand.tb - 1;
      while (before >= floor && before >= cand.tb - 5 &&
             (IsCap(c, p, before) || c.lex.titles.count(TokLower(c, p, before))))
        --before;
      if (before < floor || IsComma(c, p, before) || IsCloseMark(c, p, before) ||
          TokLowerIs(c, p, before, u"and") || TokIs(c, p, before, u"—")) {
        *s = cand;
        return true;
      }
      return false;
    }
  }
  return false;
}

}  // namespace

namespace attributions_internal {

const Lexicon& Lexicon::Get() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon();
    auto to16 = [](std::string_view s) {
      std::u16string out;
      for (size_t i = 0; i < s.size();) {  // UTF-8 → UTF-16 (BMP + surrogates)
        unsigned char b = static_cast<unsigned char>(s[i]);
        uint32_t cp;
        int n;
        if (b < 0x80) {
          cp = b;
          n = 1;
        } else if ((b >> 5) == 6) {
          cp = b & 0x1F;
          n = 2;
        } else if ((b >> 4) == 14) {
          cp = b & 0x0F;
          n = 3;
        } else {
          cp = b & 0x07;
          n = 4;
        }
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        i += n;
        if (cp >= 0x10000) {
          cp -= 0x10000;
          out += static_cast<char16_t>(0xD800 + (cp >> 10));
          out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        } else {
          out += static_cast<char16_t>(cp);
        }
      }
      return out;
    };
    for (std::string_view line : EmbeddedLines("attributions/cues.txt")) {
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view head = line.substr(0, colon);
      std::string_view forms = line.substr(colon + 1);
      CueInfo info;
      size_t sp = head.find(' ');
      std::string_view cls = head.substr(0, sp);
      std::string_view flags = sp == std::string_view::npos ? "" : head.substr(sp + 1);
      info.belief = cls == "belief";
      info.inv = flags.find("inv") != std::string_view::npos;
      info.bare = flags.find("bare") != std::string_view::npos;
      info.obj = flags.find("obj") != std::string_view::npos;
      info.post = flags.find("post") != std::string_view::npos;
      info.strict = flags.find("strict") != std::string_view::npos;
      info.inf = flags.find("inf") != std::string_view::npos;
      info.naming = flags.find("naming") != std::string_view::npos;
      size_t pos = 0;
      while (pos < forms.size()) {
        while (pos < forms.size() && forms[pos] == ' ') ++pos;
        size_t end = forms.find(' ', pos);
        if (end == std::string_view::npos) end = forms.size();
        if (end > pos) l->cues.emplace(to16(forms.substr(pos, end - pos)), info);
        pos = end;
      }
    }
    auto load = [&](const char* file, std::unordered_set<std::u16string>* set) {
      for (std::string_view line : EmbeddedLines(file)) set->insert(to16(line));
    };
    load("attributions/vague_sources.txt", &l->vague);
    load("attributions/speaker_nouns.txt", &l->speaker_nouns);
    load("attributions/adverbs.txt", &l->adverbs);
    load("attributions/platforms.txt", &l->platforms);
    load("attributions/media_words.txt", &l->media);
    load("attributions/non_names.txt", &l->non_names);
    load("attributions/np_stops.txt", &l->np_stops);
    load("attributions/titles.txt", &l->titles);
    for (const char16_t* h :
         {u"ministry", u"government", u"embassy", u"agency", u"department", u"court", u"police",
          u"council", u"committee", u"commission", u"union", u"party", u"administration",
          u"authority", u"institute", u"bank", u"office", u"service"})
      l->org_heads.insert(h);
    for (const char16_t* d :
         {u"monday", u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday", u"sunday"})
      l->weekdays.insert(d);
    return l;
  }();
  return *lex;
}

}  // namespace attributions_internal

namespace {

// A cue form that is a finite verb ("said", "warned"), not a noun that shares
// its spelling ("the report", "his comments").
bool IsFiniteCue(const Ctx& c, const std::u16string& w) {
  if (!c.lex.cues.count(w)) return false;
  if (w == u"said"sv || w == u"told"sv || w == u"wrote"sv || w == u"thought"sv || w == u"felt"sv ||
      w == u"says"sv || w == u"tells"sv)
    return true;
  return w.size() > 3 && w.compare(w.size() - 2, 2, u"ed") == 0;
}

// The subject of the sentence starting at token sb, when it is clear: a name
// or pronoun ("Adeyemi thanked …"), a name in apposition ("His rival, Funmi
// Adeyemi, thanked …" / "Adeyemi, the winner, thanked …"), or a determiner
// phrase headed by an institution or speaker noun ("The nurses' union
// welcomed …"); each directly followed by a lower-case verb (*verb, < limit).
bool SentenceSubject(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp,
                     int32_t* verb) {
  if (sb >= limit || IsOpenMark(c, p, sb)) return false;
  // A word that looks like a finite verb: "-ed", "-s", an auxiliary or a
  // common irregular past. "Green party leader" must not make "Green" a subject.
  auto verb_at = [&](int32_t v) {
    if (v >= limit || !IsLowerWord(c, p, v)) return false;
    const std::u16string w = TokLower(c, p, v);
    if (c.lex.np_stops.count(w) || IsDeterminer(w)) return false;
    static const std::unordered_set<std::u16string> kIrregular = {
        u"was",   u"is",     u"has",     u"had",   u"will",  u"would", u"did",
        u"does",  u"can",    u"could",   u"may",   u"might", u"must",  u"should",
        u"met",   u"said",   u"told",    u"made",  u"gave",  u"took",  u"went",
        u"came",  u"sent",   u"left",    u"won",   u"lost",  u"met",   u"held",
        u"spoke", u"wrote",  u"thought", u"felt",  u"saw",   u"knew",  u"got",
        u"put",   u"set",    u"kept",    u"led",   u"ran",   u"sat",   u"stood",
        u"began", u"became", u"brought", u"found", u"also",  u"later", u"then"};
    if (kIrregular.count(w)) return true;
    if (w.size() > 3 && w.compare(w.size() - 2, 2, u"ed") == 0) return true;
    return w.size() > 3 && w.back() == u's' && w.compare(w.size() - 2, 2, u"ss") != 0 &&
           w.compare(w.size() - 2, 2, u"us") != 0;
  };
  // 1. a name or pronoun
  int32_t e = sb;
  while (e + 1 < limit && e - sb < kMaxNameTokens &&
         (IsCap(c, p, e + 1) || (Tok(c, p, e + 1).Has(kTokHyphenated) && IsWord(c, p, e + 1))))
    ++e;
  Speaker s1;
  if (verb_at(e + 1) && SpeakerBack(c, p, e, sb, &s1) && !s1.vague &&
      (s1.pronoun || (s1.tb >= 0 && IsCap(c, p, s1.te - 1)))) {
    *sp = s1;
    *verb = e + 1;
    return true;
  }
  // 1b. descriptors then a name: "Green party leader Mia Falk was …"
  for (int32_t t = sb + 1; t < limit && t - sb <= 6; ++t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t) || c.lex.np_stops.count(TokLower(c, p, t))) break;
    if (!IsCap(c, p, t) || IsNonName(c, TokLower(c, p, t))) continue;
    int32_t e2 = t;
    while (e2 + 1 < limit && (IsCap(c, p, e2 + 1) || Tok(c, p, e2 + 1).Has(kTokHyphenated))) ++e2;
    Speaker sd;
    if (verb_at(e2 + 1) && SpeakerBack(c, p, e2, t, &sd) && sd.tb >= t && !sd.vague &&
        IsCap(c, p, sd.te - 1)) {
      *sp = sd;
      *verb = e2 + 1;
      return true;
    }
    t = e2;
  }
  // 2. apposition: "NP, NAME, verb" or "NAME, apposition, verb"
  int32_t c1 = -1, c2 = -1;
  for (int32_t t = sb; t < limit && t - sb < 20; ++t) {
    if (InQuote(c, p, t)) break;
    if (IsComma(c, p, t)) {
      if (c1 < 0) {
        c1 = t;
      } else {
        c2 = t;
        break;
      }
    }
  }
  if (c1 > sb && c2 > c1 + 1 && verb_at(c2 + 1)) {
    Speaker mid, head;
    bool mid_name = c2 - c1 <= 5;
    for (int32_t t = c1 + 1; t < c2 && mid_name; ++t)
      mid_name = IsCap(c, p, t) || Tok(c, p, t).Has(kTokHyphenated);
    if (mid_name && SpeakerBack(c, p, c2 - 1, c1 + 1, &mid) && mid.tb == c1 + 1 && !mid.vague) {
      *sp = mid;
      *verb = c2 + 1;
      return true;
    }
    if (IsCap(c, p, c1 - 1) && SpeakerBack(c, p, c1 - 1, sb, &head) && head.tb == sb &&
        !head.vague && !head.pronoun) {
      *sp = head;
      *verb = c2 + 1;
      return true;
    }
  }
  // 3. "The nurses' union welcomed …"
  if (TokLowerIs(c, p, sb, u"the") || TokLowerIs(c, p, sb, u"a") || TokLowerIs(c, p, sb, u"an")) {
    for (int32_t h = sb + 1; h < limit && h - sb <= 5; ++h) {
      if (InQuote(c, p, h) || IsComma(c, p, h)) break;
      const std::u16string lh = TokLower(c, p, h);
      if (c.lex.org_heads.count(lh) || c.lex.speaker_nouns.count(lh)) {
        Speaker s3;
        if (verb_at(h + 1) && SpeakerBack(c, p, h, sb, &s3) && s3.tb >= 0 && !s3.vague) {
          *sp = s3;
          *verb = h + 1;
          return true;
        }
        break;
      }
    }
  }
  return false;
}

// Finds the anchors of sentence [sb, se) of paragraph p.
void FindAnchors(const Ctx& c, int32_t p, int32_t sentence, int32_t sb, int32_t se,
                 std::vector<Anchor>* out) {
  const size_t first = out->size();
  for (int32_t i = sb; i < se; ++i) {
    if (InQuote(c, p, i) || !IsWord(c, p, i)) continue;
    const std::u16string w = TokLower(c, p, i);
    Anchor a;
    a.p = p;
    a.sentence = sentence;
    a.cue_b = i;
    a.cue_e = i + 1;
    if (w == u"according"sv && TokLowerIs(c, p, i + 1, u"to")) {
      a.according = true;
      a.cue_e = i + 2;
      out->push_back(a);
      ++i;
      continue;
    }
    // "made (it) clear (that)"
    if ((w == u"made"sv || w == u"make"sv || w == u"makes"sv || w == u"making"sv) &&
        (TokLowerIs(c, p, i + 1, u"clear") ||
         (TokLowerIs(c, p, i + 1, u"it") && TokLowerIs(c, p, i + 2, u"clear")))) {
      a.cue_e = TokLowerIs(c, p, i + 1, u"clear") ? i + 2 : i + 3;
      a.info.inv = false;
      a.info.bare = false;
    } else {
      auto it = c.lex.cues.find(w);
      if (it == c.lex.cues.end()) continue;
      // A capitalised cue is only a sentence-initial participle ("Noting …").
      if (IsCap(c, p, i) && !(i == sb && IsIngForm(w))) continue;
      a.info = it->second;
      if (TokLowerIs(c, p, i + 1, u"out")) a.cue_e = i + 2;  // "pointed out"
    }
    if (IsIngForm(w)) {
      // Participles speak only in participial clauses: ", noting that …" or
      // sentence-initial "Pledging …, Lee said …".
      if (i == sb || IsComma(c, p, i - 1) || (IsCloseMark(c, p, i - 1) && IsComma(c, p, i - 2))) {
        a.participle = true;
        out->push_back(a);
      }
      continue;
    }
    // Speaker before the cue.
    int32_t j = SkipAdverbsBack(c, p, i - 1, sb);
    // "Rep. Jane Doe (D-Calif.) said": skip a short parenthesis.
    if (j > sb && TokIs(c, p, j, u")")) {
      for (int32_t t = j - 1; t >= sb && j - t <= 8; --t) {
        if (TokIs(c, p, t, u"(")) {
          j = SkipAdverbsBack(c, p, t - 1, sb);
          break;
        }
        if (InQuote(c, p, t)) break;
      }
    }
    bool found = false;
    if (j >= sb && IsComma(c, p, j) && j > sb) {
      found = SpeakerBeforeApposition(c, p, j, sb, &a.speaker);
    } else if (j >= sb) {
      // "it is widely believed that": an impersonal, vague source.
      if (TokLowerIs(c, p, j, u"it") && j < i - 1 && !a.info.obj &&
          (w.size() > 2 && (w.compare(w.size() - 2, 2, u"ed") == 0 || w == u"said"sv ||
                            w == u"thought"sv || w == u"felt"sv))) {
        bool passive = false;
        for (int32_t k = j + 1; k < i; ++k)
          if (TokLowerIs(c, p, k, u"is") || TokLowerIs(c, p, k, u"was") ||
              TokLowerIs(c, p, k, u"been"))
            passive = true;
        if (passive) {
          a.speaker.impersonal = true;
          a.speaker.vague = true;
          a.speaker.span = Span{p, Tok(c, p, j).begin, Tok(c, p, j).end};
          found = true;
        }
      }
      if (!found) found = SpeakerBack(c, p, j, sb, &a.speaker);
    }
    if (!found && j > sb && (TokLowerIs(c, p, j, u"and") || TokLowerIs(c, p, j, u"but"))) {
      // "Adeyemi thanked her staff and promised to …", "Larsen declined to name
      // them but said …": the subject of the sentence, when it is a name or a
      // pronoun directly followed by a verb.
      Speaker sp;
      int32_t verb = -1;
      if (SentenceSubject(c, p, sb, j, &sp, &verb)) {
        bool clean = true;  // no clause boundary between subject and cue
        for (int32_t t = verb; t < j && clean; ++t)
          if (TokIs(c, p, t, u";") || (!InQuote(c, p, t) && TokLowerIs(c, p, t, u"that")) ||
              TokLowerIs(c, p, t, u"who") || TokLowerIs(c, p, t, u"which") ||
              (t > verb && !InQuote(c, p, t) && IsFiniteCue(c, TokLower(c, p, t))))
            clean = false;
        if (clean) {
          a.speaker = sp;
          a.speaker.phrase_b = i;  // the group is the cue itself
          found = true;
        }
      }
    }
    if (found) {
      // A possessive or a preposition before the name means it is not the
      // subject ("Lee's spokesman said" is handled by the head noun; "with Xi said"
      // cannot happen); a determiner before a bare capitalised word is fine.
      out->push_back(a);
      continue;
    }
    // Speaker after the cue: "“…,” said Lee" / "…, said the minister".
    if (a.info.inv && i > 0 &&
        (IsComma(c, p, i - 1) ||
         (IsCloseMark(c, p, i - 1) && i - 2 >= 0 &&
          (IsComma(c, p, i - 2) || TokIs(c, p, i - 2, u"?") || TokIs(c, p, i - 2, u"!"))))) {
      if (!a.info.obj && SpeakerForward(c, p, i + 1, se, &a.speaker)) {
        a.after = true;
        out->push_back(a);
        continue;
      }
    }
  }
  // Colon lead-in: "Lee put it bluntly: “…”" — a statement quotation right
  // after a colon, in a sentence that opens with a named subject and has no cue.
  bool has_cue = out->size() > first;
  for (int32_t i = sb + 1; i + 1 < se && !has_cue; ++i) {
    if (!TokIs(c, p, i, u":") || InQuote(c, p, i) || !IsOpenMark(c, p, i + 1)) continue;
    int32_t ri = c.region_of_tok[p][std::min(i + 2, NumTokens(c, p) - 1)];
    if (ri < 0 || c.regions[ri].words < 4) break;
    int32_t k = sb;
    while (k < i && IsCap(c, p, k)) ++k;
    if (k == sb) break;
    Anchor a;
    a.p = p;
    a.sentence = sentence;
    a.cue_b = i;
    a.cue_e = i + 1;
    a.colon = true;
    if (SpeakerBack(c, p, k - 1, sb, &a.speaker) && !a.speaker.vague) out->push_back(a);
    break;
  }
}

}  // namespace

// ------------------------------------------------------------------ main pass

namespace {

struct Builder {
  Ctx& c;
  std::vector<Attribution>& out;

  // Sentence token range containing token i of p.
  static SentenceInfo SentenceOf(const Ctx& c, int32_t p, int32_t si) {
    const Sentence& s = c.report->text.paragraphs[p].sentences[si];
    return SentenceInfo{s.first_token, s.end_token};
  }
  // The sentence around an anchor, clamped to a window of tokens on each side
  // so that a run-on "sentence" of a million words stays linear.
  static SentenceInfo SentenceOf(const Ctx& c, int32_t p, const Anchor& a) {
    SentenceInfo si = SentenceOf(c, p, a.sentence);
    si.b = std::max(si.b, a.cue_b - kMaxSentenceWindow);
    si.e = std::min(si.e, a.cue_e + kMaxSentenceWindow);
    return si;
  }

  AttributionKind KindOf(const Span& content, bool* only_quote, int32_t* quote_region) {
    *only_quote = false;
    *quote_region = -1;
    bool any = false;
    const auto& rs = c.regions_in_para[content.paragraph];
    for (size_t x = FirstRegionFrom(c, content.paragraph, content.begin);
         x < rs.size() && c.regions[rs[x]].begin < content.end; ++x) {
      const int32_t ri = rs[x];
      const Region& r = c.regions[ri];
      if (r.begin >= content.begin && r.end <= content.end) {
        if (any) {  // two quotations: mixed
          *only_quote = false;
          *quote_region = -1;
          return AttributionKind::kMixed;
        }
        any = true;
        // Nothing outside the marks but punctuation and spaces?
        const std::u16string& t = c.doc.paragraphs[content.paragraph].text;
        bool only = true;
        for (int32_t k = content.begin; k < content.end && only; ++k) {
          if (k >= r.begin && k < r.end) continue;
          if (u_isalnum(t[k])) only = false;
        }
        if (only) {
          *only_quote = true;
          *quote_region = ri;
        }
      }
    }
    if (*only_quote) return AttributionKind::kDirect;
    return any ? AttributionKind::kMixed : AttributionKind::kIndirect;
  }

  int32_t Emit(const Anchor& a, Span content, bool continuation, double confidence) {
    // Trim spaces and trailing sentence punctuation outside quotes.
    const std::u16string& t = c.doc.paragraphs[content.paragraph].text;
    while (content.begin < content.end && u_isUWhiteSpace(t[content.begin])) ++content.begin;
    while (content.end > content.begin &&
           (u_isUWhiteSpace(t[content.end - 1]) || t[content.end - 1] == u'.' ||
            t[content.end - 1] == u',' || t[content.end - 1] == u';' || t[content.end - 1] == u':'))
      --content.end;
    if (content.empty()) return -1;
    bool only_quote;
    int32_t qr;
    Attribution at;
    at.kind = KindOf(content, &only_quote, &qr);
    if (only_quote) {
      content = Span{content.paragraph, c.regions[qr].begin, c.regions[qr].end};
    }
    at.content = content;
    if (a.speaker.tb >= 0 || a.speaker.impersonal) {
      at.speaker = a.speaker.span;
      at.speaker_entity = a.speaker.entity;
      at.speaker_name = a.speaker.name;
    }
    at.vague_source = a.speaker.vague;
    if (a.according) {
      at.cue = Span{a.p, Tok(c, a.p, a.cue_b).begin, Tok(c, a.p, a.cue_e - 1).end};
    } else if (a.cue_b >= 0) {
      at.cue = Span{a.p, Tok(c, a.p, a.cue_b).begin, Tok(c, a.p, a.cue_e - 1).end};
    }
    at.outlet = a.outlet;
    at.belief = a.info.belief;
    at.continuation = continuation;
    at.confidence = confidence;
    if (at.speaker_name.empty() && !at.vague_source) at.confidence = std::min(at.confidence, 0.3);
    // Mark quotations inside the content as claimed.
    const auto& rs = c.regions_in_para[content.paragraph];
    for (size_t x = FirstRegionFrom(c, content.paragraph, content.begin);
         x < rs.size() && c.regions[rs[x]].begin < content.end; ++x) {
      Region& r = c.regions[rs[x]];
      if (r.begin >= content.begin && r.end <= content.end) {
        r.claimed = true;
        if (r.attribution < 0) r.attribution = static_cast<int32_t>(out.size());
      }
    }
    out.push_back(std::move(at));
    return static_cast<int32_t>(out.size()) - 1;
  }

  // Emits one attribution per paragraph piece of quotation `qi`.
  void EmitQuotation(const Anchor& a, int32_t qi, double confidence) {
    const Quotation& q = c.report->text.quotations[qi];
    (void)q;
    for (int32_t ri : c.regions_of_quotation[qi]) {
      const int32_t p = c.regions[ri].p;
      {
        Region& r = c.regions[ri];
        if (r.attribution >= 0) continue;
        Attribution at;
        at.content = Span{p, r.begin, r.end};
        // trim inside spaces
        const std::u16string& t = c.doc.paragraphs[p].text;
        while (at.content.begin < at.content.end && u_isUWhiteSpace(t[at.content.begin]))
          ++at.content.begin;
        while (at.content.end > at.content.begin && u_isUWhiteSpace(t[at.content.end - 1]))
          --at.content.end;
        if (at.content.empty()) continue;
        at.kind = AttributionKind::kDirect;
        if (a.speaker.tb >= 0 || a.speaker.impersonal) {
          at.speaker = a.speaker.span;
          at.speaker_entity = a.speaker.entity;
          at.speaker_name = a.speaker.name;
        }
        at.vague_source = a.speaker.vague;
        if (a.cue_b >= 0)
          at.cue = Span{a.p, Tok(c, a.p, a.cue_b).begin, Tok(c, a.p, a.cue_e - 1).end};
        at.outlet = a.outlet;
        at.belief = a.info.belief;
        at.continuation = p != a.p;
        at.confidence = at.continuation ? confidence - 0.1 : confidence;
        if (at.speaker_name.empty() && !at.vague_source)
          at.confidence = std::min(at.confidence, 0.3);
        r.claimed = true;
        r.attribution = static_cast<int32_t>(out.size());
        out.push_back(std::move(at));
      }
    }
  }
};

// After a parenthetical cue (", she said,"), the interrupted clause resumes
// with a verb phrase; ", ending …" or ", which …" start a new modifier instead.
bool ResumesClause(const Ctx& c, int32_t p, int32_t i) {
  if (!IsLowerWord(c, p, i)) return false;
  const std::u16string w = TokLower(c, p, i);
  return !IsIngForm(w) && w != u"which"sv && w != u"who"sv && w != u"whose"sv && w != u"where"sv &&
         w != u"when"sv && w != u"while"sv && w != u"and"sv && w != u"but"sv && w != u"as"sv &&
         !c.lex.np_stops.count(w) && !c.lex.cues.count(w);
}

// A dateline before the first clause ("SINES, Portugal, January 9, 2026 — …"):
// the first token after its dash, or `b` when there is none.
int32_t SkipDateline(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  for (int32_t t = b; t < e && t - b < 16; ++t) {
    const std::u16string_view x = TokText(c, p, t);
    if (x == u"—"sv || x == u"–"sv || x == u"--"sv) return t + 1 < e ? t + 1 : b;
    if (!(IsCap(c, p, t) || Tok(c, p, t).Has(kTokNumber) || x == u","sv || x == u"."sv ||
          x == u"("sv || x == u")"sv))
      return b;
  }
  return b;
}

// End of the content that starts at token `from` in sentence [sb, se): the
// sentence end, extended over a quotation that runs past it, and cut before a
// sibling anchor (", noting …" or ", Lee said").
int32_t ContentEndTok(const Ctx& c, int32_t p, int32_t from, int32_t se,
                      const std::vector<Anchor>& anchors, size_t self) {
  int32_t end = se;
  // Only the anchors of the same sentence, a bounded number of them.
  size_t lo = self, hi = self + 1;
  while (lo > 0 && self - lo < 8 && anchors[lo - 1].sentence == anchors[self].sentence) --lo;
  while (hi < anchors.size() && hi - self <= 8 && anchors[hi].sentence == anchors[self].sentence)
    ++hi;
  for (size_t k = lo; k < hi; ++k) {
    if (k == self) continue;
    const Anchor& o = anchors[k];
    if (o.p != p) continue;
    const bool coordinated = o.speaker.phrase_b == o.cue_b;
    int32_t start =
        o.speaker.tb >= 0 && !o.after && !coordinated ? std::min(o.speaker.tb, o.cue_b) : o.cue_b;
    if (start <= from || start >= end) continue;
    // sibling: preceded by a comma (or comma + closing mark), or "and/but said"
    int32_t b = start - 1;
    if (coordinated) {
      end = std::min(end, b);
      continue;
    }
    if (IsCloseMark(c, p, b)) --b;
    if (IsComma(c, p, b) || o.participle) end = std::min(end, b);
  }
  // a quotation running past the sentence end
  if (end > 0 && end <= NumTokens(c, p)) {
    int32_t last = end - 1;
    if (last >= 0 && last < NumTokens(c, p)) {
      int32_t ri = c.region_of_tok[p][last];
      if (ri >= 0 && c.regions[ri].end_tok > end) end = c.regions[ri].end_tok;
      if (ri >= 0 && c.regions[ri].close_tok >= 0 && c.regions[ri].close_tok + 1 > end &&
          c.regions[ri].close_tok < NumTokens(c, p))
        end = c.regions[ri].close_tok + 1;
    }
  }
  // cut before ", <verb>ing" after a closing quote ("“illegal occupation,” prompting")
  for (int32_t k = from + 1; k + 1 < end; ++k) {
    if (IsCloseMark(c, p, k) && IsComma(c, p, k - 1) && IsLowerWord(c, p, k + 1) &&
        IsIngForm(TokLower(c, p, k + 1)) && !c.lex.cues.count(TokLower(c, p, k + 1))) {
      end = k + 1;
      break;
    }
  }
  return end;
}

// True when [b, e) of paragraph q lies inside the content, speaker or outlet of
// one of the last few attributions.
bool CoveredByRecent(const std::vector<Attribution>& done, int32_t q, int32_t b, int32_t e) {
  for (size_t k = done.size(); k-- > 0 && done.size() - k <= 8;) {
    const Attribution& x = done[k];
    auto in = [&](const std::optional<Span>& sp) {
      return sp && sp->paragraph == q && sp->begin <= b && e <= sp->end;
    };
    if (in(x.content) || in(x.speaker) || in(x.outlet)) return true;
    // Between the speaker and the content (an apposition: "Marco Bianchi, who
    // runs a bakery on Via Roma, says …").
    if (x.speaker && x.speaker->paragraph == q && x.content.paragraph == q) {
      const int32_t lo = std::min(x.speaker->begin, x.content.begin);
      const int32_t hi = std::max(x.speaker->end, x.content.end);
      if (lo <= b && e <= hi) return true;
    }
  }
  return false;
}

// Resolves a pronoun speaker: the speaker chain first (the last attribution,
// same or previous paragraph, no other person mentioned between, gender
// compatible), then the entity stage's ResolvePerson. Unsure: unresolved.
void ResolvePronoun(Ctx& c, const std::vector<Attribution>& done, int32_t p, Speaker* s) {
  const std::u16string w = Lower(c.doc.paragraphs[p].text.substr(s->span.begin, s->span.size()));
  Gender g = w == u"he"sv ? Gender::kMale : w == u"she"sv ? Gender::kFemale : Gender::kUnknown;
  if (g == Gender::kUnknown) return;  // they / we / I / it: unresolved
  // Speaker chain.
  int32_t chain_entity = -1;
  std::u16string chain_name;
  bool chain_ok = false;
  if (!done.empty()) {
    const Attribution& last = done.back();
    const Span last_pos = last.speaker ? *last.speaker : last.content;
    int32_t gap = p - last_pos.paragraph;
    // skip empty paragraphs in the gap
    for (int32_t q = last_pos.paragraph + 1; q < p; ++q)
      if (c.doc.paragraphs[q].text.find_first_not_of(u" \t") == std::u16string::npos) --gap;
    if (gap <= 1 && !last.speaker_name.empty() && !last.vague_source) {
      chain_ok = true;
      chain_entity = last.speaker_entity;
      chain_name = last.speaker_name;
      if (chain_entity >= 0) {
        Gender eg = c.report->entity_list[chain_entity].gender;
        if (eg != Gender::kUnknown && eg != g) chain_ok = false;
        if (c.report->entity_list[chain_entity].type != EntityType::kPerson) chain_ok = false;
      }
      // No other person mentioned between the last speaker and the pronoun.
      const Position from{last_pos.paragraph, last_pos.end};
      const Position to{p, s->span.begin};
      for (int32_t q = from.paragraph; q <= p && chain_ok; ++q) {
        const auto& ms = c.mentions_in_para[q];
        auto it = ms.begin();
        if (q == from.paragraph)
          it = std::lower_bound(ms.begin(), ms.end(), from.offset, [&](int32_t m, int32_t off) {
            return c.report->entities[m].span.begin < off;
          });
        for (; it != ms.end() && chain_ok; ++it) {
          const EntityMention& em = c.report->entities[*it];
          Position mp{q, em.span.begin};
          if (!(mp < to)) break;
          if (em.type != EntityType::kPerson) continue;
          if (chain_entity >= 0 && em.entity == chain_entity) continue;
          // A person named inside what was reported ("Lee said Xi agreed. He
          // added …") does not interrupt the chain; anywhere else it does.
          if (!CoveredByRecent(done, q, em.span.begin, em.span.end)) chain_ok = false;
        }
      }
    }
  }
  if (chain_ok && !c.have_persons && !done.empty()) {
    // No entity stage: a full name outside every recent attribution between
    // the last speaker and the pronoun may be someone else; do not chain.
    const Span last_pos = done.back().speaker ? *done.back().speaker : done.back().content;
    const Position from{last_pos.paragraph, last_pos.end};
    const Position to{p, s->span.begin};
    for (int32_t q = from.paragraph; q <= p && chain_ok; ++q) {
      const auto& runs = c.name_runs[q];
      auto it = runs.begin();
      if (q == from.paragraph)
        it = std::lower_bound(runs.begin(), runs.end(), std::make_pair(from.offset, INT32_MIN));
      for (; it != runs.end() && chain_ok; ++it) {
        const auto& run = *it;
        Position rp{q, run.first};
        if (!(rp < to)) break;
        const bool covered = CoveredByRecent(done, q, run.first, run.second);
        if (!covered &&
            LetterKey(std::u16string_view(c.doc.paragraphs[q].text)
                          .substr(run.first, run.second - run.first)) != LetterKey(chain_name))
          chain_ok = false;
      }
    }
  }
  if (chain_ok) {
    s->entity = chain_entity;
    s->name = chain_name;
    return;
  }
  // The entity stage's resolution; its "first named of several" answer
  // (confidence 0.6) is a guess, so a clearer answer is required here.
  // Only when a person is named in this paragraph or the two before (the
  // service's own window): saves a call per pronoun in long documents.
  bool person_near = false;
  for (int32_t q = std::max(0, p - 2); q <= p && !person_near; ++q)
    for (int32_t m : c.mentions_in_para[q])
      if (c.report->entities[m].type == EntityType::kPerson &&
          (q < p || c.report->entities[m].span.end <= s->span.begin)) {
        person_near = true;
        break;
      }
  if (!person_near) return;
  const PersonReference ref =
      ResolvePersonReference(c.doc, *c.report, Position{p, s->span.begin}, g);
  const int32_t r = ref.confidence >= kMinPronounConfidence ? ref.entity : -1;
  if (r >= 0 && r < static_cast<int32_t>(c.report->entity_list.size())) {
    const Entity& e = c.report->entity_list[r];
    if (e.type == EntityType::kPerson && !e.ambiguous &&
        (e.gender == Gender::kUnknown || e.gender == g)) {
      s->entity = r;
      s->name = e.canonical;
    }
  }
}

// A bare surname no entity resolved: an earlier speaker whose name contains it.
void ResolveSurnameFromSpeakers(const std::vector<Attribution>& done, Speaker* s) {
  if (s->entity >= 0 || s->name.empty() || s->name.find(u' ') != std::u16string::npos) return;
  std::u16string found;
  for (const Attribution& a : done) {
    if (a.speaker_name.size() <= s->name.size() || a.speaker_name == s->name) continue;
    std::u16string_view n(a.speaker_name);
    size_t pos = 0;
    bool match = false;
    while (pos <= n.size()) {
      size_t sp = n.find(u' ', pos);
      if (sp == std::u16string_view::npos) sp = n.size();
      if (n.substr(pos, sp - pos) == s->name) match = true;
      pos = sp + 1;
    }
    if (!match) continue;
    if (!found.empty() && found != a.speaker_name) {  // two people share it
      s->name.clear();
      return;
    }
    found = a.speaker_name;
  }
  if (!found.empty()) s->name = found;
}

bool IsStatementLike(const Ctx& c, const Region& r) {
  const std::u16string& t = c.doc.paragraphs[r.p].text;
  int32_t b = r.begin;
  while (b < r.end && !u_isalnum(t[b])) ++b;
  if (b >= r.end) return false;
  if (r.words >= 10) return true;
  if (!u_isupper(t[b]) || r.words < 4) return false;
  // Title case ("The Art of the Deal") is a title, not a statement.
  int32_t caps = 0;
  for (int32_t i = r.first_tok; i < r.end_tok; ++i)
    if (IsCap(c, r.p, i)) ++caps;
  return caps * 10 < r.words * 7;
}

}  // namespace

void IndexNames(Ctx& c) {
  const int32_t np = static_cast<int32_t>(c.doc.paragraphs.size());
  c.name_runs.assign(np, {});
  for (int32_t p = 0; p < np; ++p) {
    const int32_t n = NumTokens(c, p);
    for (int32_t i = 0; i < n;) {
      if (!IsCap(c, p, i) || InQuote(c, p, i)) {
        ++i;
        continue;
      }
      int32_t e = i + 1;
      while (e < n && !InQuote(c, p, e) &&
             (IsCap(c, p, e) || (TokIs(c, p, e, u"-") && e + 1 < n && IsWord(c, p, e + 1) &&
                                 Tok(c, p, e).begin == Tok(c, p, e - 1).end &&
                                 Tok(c, p, e + 1).begin == Tok(c, p, e).end))) {
        e += TokIs(c, p, e, u"-") ? 2 : 1;
      }
      int32_t b = NameStartBack(c, p, e - 1, i);
      if (b < 0) b = i;
      while (b < e && IsNonName(c, TokLower(c, p, b))) ++b;
      int32_t words = 0;
      for (int32_t t = b; t < e; ++t)  // words separated by spaces, not hyphens
        if (IsCap(c, p, t) && !(t > b && TokIs(c, p, t - 1, u"-"))) ++words;
      const std::u16string last = TokLower(c, p, e - 1);
      const bool possessive_end =
          last.size() > 2 && (last.compare(last.size() - 2, 2, u"’s") == 0 ||
                              last.compare(last.size() - 2, 2, u"'s") == 0);
      if (words >= 2 && words <= 4 && !possessive_end) {
        const Span sp = TokSpan(c, p, b, e);
        const std::u16string full = c.doc.paragraphs[p].text.substr(sp.begin, sp.size());
        if (b > i && c.lex.titles.count(TokLower(c, p, b - 1))) {
          auto& v = c.role_names[TokLower(c, p, b - 1)];
          bool dup = false;
          for (const auto& x : v) dup = dup || LetterKey(x) == LetterKey(full);
          if (!dup && v.size() < 8) v.push_back(full);
        }
        c.name_runs[p].push_back({sp.begin, sp.end});
        for (int32_t t = b; t < e; ++t) {
          if (!IsCap(c, p, t) || (t > b && TokIs(c, p, t - 1, u"-"))) continue;
          auto& v = c.name_parts[std::u16string(TokText(c, p, t))];
          bool dup = false;
          for (const auto& x : v) dup = dup || LetterKey(x) == LetterKey(full);
          if (!dup && v.size() < 8) v.push_back(full);
        }
      }
      i = e;
    }
  }
}

void FindAttributions(const Document& doc, Report* report) {
  if (report == nullptr) return;
  report->attributions.clear();
  report->quoted_terms.clear();
  const int32_t np = static_cast<int32_t>(doc.paragraphs.size());
  if (report->text.paragraphs.size() != doc.paragraphs.size()) report->text = AnalyzeText(doc);
  if (report->text.marks.empty()) attributions_internal::PairQuotesIfMissing(doc, &report->text);

  Ctx c{doc, report, Lexicon::Get(), {}, {}, {}, {}, {}, {}, false, {}, {}, {}, {}};
  c.mentions_in_para.assign(np, {});
  for (int32_t m = 0; m < static_cast<int32_t>(report->entities.size()); ++m) {
    const Span& s = report->entities[m].span;
    if (s.paragraph >= 0 && s.paragraph < np) c.mentions_in_para[s.paragraph].push_back(m);
    if (report->entities[m].type == EntityType::kPerson) c.have_persons = true;
  }
  for (auto& ms : c.mentions_in_para)
    std::stable_sort(ms.begin(), ms.end(), [&](int32_t x, int32_t y) {
      return report->entities[x].span.begin < report->entities[y].span.begin;
    });
  BuildRegions(c);
  IndexNames(c);  // full names by their words (a fallback for tagger misses)
  if (c.have_persons) IndexRoles(c);

  std::vector<Attribution>& out = report->attributions;
  Builder b{c, out};
  int32_t continuation_run = 0;

  for (int32_t p = 0; p < np; ++p) {
    const ParagraphText& pt = report->text.paragraphs[p];
    const size_t para_first_attr = out.size();
    // 1. anchors of every sentence
    std::vector<Anchor> anchors;
    for (int32_t s = 0; s < static_cast<int32_t>(pt.sentences.size()); ++s)
      FindAnchors(c, p, s, pt.sentences[s].first_token, pt.sentences[s].end_token, &anchors);

    // 2. outlets of each anchor.
    for (size_t k = 0; k < anchors.size(); ++k) {
      Anchor& a = anchors[k];
      const SentenceInfo si = Builder::SentenceOf(c, p, a);
      // Outlets named after the anchor in the same sentence (or before it for
      // a sentence-initial "In an interview with …").
      if (!a.outlet && !a.according) {
        int32_t from = a.after ? a.speaker.te : a.cue_e - 1;
        if (from < a.cue_b) from = a.cue_b;
        a.outlet = FindOutlet(c, p, from, si.e, &a, nullptr);
        if (!a.outlet && si.b < a.cue_b) {
          int32_t lim = a.speaker.tb >= 0 && !a.after ? a.speaker.tb : a.cue_b;
          auto o = FindOutlet(c, p, si.b, lim, nullptr, nullptr);
          if (o) {
            // only "interview with" phrases before the anchor
            const std::u16string& t = doc.paragraphs[p].text;
            std::u16string_view pre(t);
            pre = pre.substr(Tok(c, p, si.b).begin, o->begin - Tok(c, p, si.b).begin);
            const std::u16string name = doc.paragraphs[p].text.substr(o->begin, o->size());
            if (pre.find(u"nterview") != std::u16string_view::npos || c.lex.platforms.count(name))
              a.outlet = o;
          }
        }
      }
    }

    // 3. "according to X": an outlet when another anchor in the sentence has a
    //    speaker, else X is the source.
    for (size_t k = 0; k < anchors.size(); ++k) {
      Anchor& a = anchors[k];
      if (!a.according) continue;
      const SentenceInfo si = Builder::SentenceOf(c, p, a);
      int32_t oe = -1;
      int32_t start = a.cue_e;
      int32_t stop = start;
      while (stop < si.e && stop - start < 10 && !(stop > start && PhraseEnd(c, p, stop))) ++stop;
      int32_t ob;
      // The source phrase ends at its last word; a capitalised last word makes
      // it a name ("The Korea Herald", "China’s Foreign Ministry"), a lower-case
      // one a common noun phrase ("South Korean customs data", "analysts").
      int32_t last = stop - 1;
      while (last > start && !IsWord(c, p, last)) --last;
      if (last < start || !IsWord(c, p, last)) continue;
      if (!IsCap(c, p, last)) {
        bool other = false;
        for (size_t j = k > 8 ? k - 8 : 0; j < anchors.size() && j <= k + 8; ++j)
          if (j != k && anchors[j].sentence == a.sentence && !anchors[j].according &&
              anchors[j].speaker.tb >= 0)
            other = true;
        if (other) continue;
        a.speaker.tb = start;
        a.speaker.te = last + 1;
        a.speaker.span = TokSpan(c, p, start, last + 1);
        // "two officials familiar with the talks": the head comes before the
        // first preposition.
        int32_t head_end = last;
        for (int32_t t = start; t <= last; ++t)
          if (t > start && c.lex.np_stops.count(TokLower(c, p, t))) {
            head_end = t - 1;
            break;
          }
        for (int32_t t = start; t <= head_end && !a.speaker.vague; ++t)
          a.speaker.vague = c.lex.vague.count(TokLower(c, p, t)) > 0;
        if (TokLowerIs(c, p, start, u"the") && last - start >= 2 &&
            c.lex.org_heads.count(TokLower(c, p, last))) {
          const Span ns = TokSpan(c, p, start + 1, last + 1);
          a.speaker.name = doc.paragraphs[p].text.substr(ns.begin, ns.size());
        }
        a.after = true;
        a.after_tok = last + 1;
        continue;
      }
      if (!OutletIn(c, p, start, last + 1, &ob, &oe) || oe != last + 1) continue;
      bool other = false;
      for (size_t j = k > 8 ? k - 8 : 0; j < anchors.size() && j <= k + 8; ++j)
        if (j != k && anchors[j].sentence == a.sentence && !anchors[j].according &&
            (anchors[j].speaker.tb >= 0 || anchors[j].speaker.impersonal))
          other = true;
      if (other) continue;  // it is the outlet of that anchor (found above)
      a.after = true;
      // include a leading "The" in the source's span
      int32_t sb0 = ob;
      if (sb0 > start && TokLowerIs(c, p, sb0 - 1, u"the") && IsCap(c, p, sb0 - 1)) --sb0;
      a.speaker.tb = ob;
      a.speaker.te = oe;
      a.speaker.span = TokSpan(c, p, ob, oe);
      ResolveNamed(c, p, &a.speaker);
      if (IsMediaName(c, p, ob, oe)) a.outlet = TokSpan(c, p, sb0, oe);
      a.after_tok = oe;
    }

    // 4. content, in order: each pronoun is resolved against the attributions
    //    already made (the speaker chain); participles inherit a speaker.
    for (size_t k = 0; k < anchors.size(); ++k) {
      Anchor& a = anchors[k];
      {
        const SentenceInfo si = Builder::SentenceOf(c, p, a);
        if (!a.resolved) {
          a.resolved = true;
          if (a.speaker.pronoun)
            ResolvePronoun(c, out, p, &a.speaker);
          else if (a.speaker.tb >= 0)
            ResolveSurnameFromSpeakers(out, &a.speaker);
        }
        if (a.participle) {
          // inherit from an earlier anchor of the same sentence ("…, Lee said, noting")
          for (size_t j = k; j-- > 0 && k - j <= 8;) {
            if (anchors[j].sentence == a.sentence && anchors[j].emitted && !anchors[j].according &&
                anchors[j].speaker.tb >= 0) {
              a.speaker = anchors[j].speaker;
              a.outlet = anchors[j].outlet;
              break;
            }
          }
          if (a.speaker.tb < 0 && a.cue_b > si.b) {
            // "Lee reiterated …, saying": the clause subject at sentence start.
            Speaker sp;
            int32_t verb = -1;
            if (SentenceSubject(c, p, si.b, a.cue_b, &sp, &verb)) {
              if (sp.pronoun)
                ResolvePronoun(c, out, p, &sp);
              else
                ResolveSurnameFromSpeakers(out, &sp);
              a.speaker = sp;
            }
          }
          if (a.speaker.tb < 0 && a.cue_b == si.b) {
            // "Pledging …, Lee said": the speaker of the main clause.
            for (size_t j = k + 1; j < anchors.size() && j <= k + 8; ++j) {
              if (anchors[j].sentence != a.sentence) break;
              if (!anchors[j].participle && !anchors[j].according && anchors[j].speaker.tb >= 0 &&
                  (IsComma(c, p, anchors[j].speaker.tb - 1) ||
                   (IsCloseMark(c, p, anchors[j].speaker.tb - 1) &&
                    IsComma(c, p, anchors[j].speaker.tb - 2)))) {
                if (!anchors[j].resolved) {
                  anchors[j].resolved = true;
                  if (anchors[j].speaker.pronoun)
                    ResolvePronoun(c, out, p, &anchors[j].speaker);
                  else
                    ResolveSurnameFromSpeakers(out, &anchors[j].speaker);
                }
                a.speaker = anchors[j].speaker;
                break;
              }
            }
          }
        }
      }
      if (!a.speaker.valid()) continue;
      if (a.according && a.speaker.tb < 0) continue;
      const size_t before_anchor = out.size();
      struct MarkEmitted {
        Anchor& a;
        const std::vector<Attribution>& out;
        size_t before;
        ~MarkEmitted() { a.emitted = out.size() > before; }
      } mark_emitted{a, out, before_anchor};
      const SentenceInfo si = Builder::SentenceOf(c, p, a);
      double conf = 0.9;
      if (a.speaker.pronoun) conf = 0.8;
      if (a.participle) conf = 0.75;
      if (a.colon) conf = 0.6;
      if (a.info.belief) conf -= 0.1;

      if (a.according) {
        // "According to X, CLAUSE." / "CLAUSE, according to X."
        if (a.cue_b == si.b || (a.cue_b > si.b && !IsComma(c, p, a.cue_b - 1))) {
          int32_t from = a.after_tok >= 0 ? a.after_tok : a.speaker.te;
          if (IsComma(c, p, from)) ++from;
          int32_t end = ContentEndTok(c, p, from, si.e, anchors, k);
          if (from < end)
            b.Emit(a, Span{p, Tok(c, p, from).begin, Tok(c, p, end - 1).end}, false, 0.7);
        } else {
          int32_t end = a.cue_b - 1;  // the comma
          const int32_t cb = SkipDateline(c, p, si.b, end);
          // "The plan, according to officials, would …": the whole sentence.
          int32_t after = a.after_tok >= 0 ? a.after_tok : a.speaker.te;
          if (after >= 0 && after + 1 < si.e && IsComma(c, p, after) &&
              ResumesClause(c, p, after + 1) && end - cb <= kMaxParentheticalLead) {
            const int32_t e2 = ContentEndTok(c, p, after + 1, si.e, anchors, k);
            if (e2 > cb) b.Emit(a, Span{p, Tok(c, p, cb).begin, Tok(c, p, e2 - 1).end}, false, 0.7);
          } else if (end > cb) {
            b.Emit(a, Span{p, Tok(c, p, cb).begin, Tok(c, p, end - 1).end}, false, 0.7);
          }
        }
        continue;
      }

      // Group start: the speaker (before) or the cue.
      int32_t group_b = (a.speaker.tb >= 0 && !a.after && !a.participle && a.speaker.tb < a.cue_b)
                            ? a.speaker.tb
                            : a.cue_b;
      if (group_b == a.speaker.tb && a.speaker.phrase_b >= 0 && a.speaker.phrase_b < group_b)
        group_b = a.speaker.phrase_b;
      else if (group_b == a.speaker.tb && !a.speaker.pronoun) {
        // Descriptors before the name: "Finance Minister Olga Petrova said",
        // "fire chief Rosa Klein told", "the port operator said".
        int32_t g = group_b;
        int32_t n = 0;
        while (g - 1 >= 0 && n < 5 && IsWord(c, p, g - 1) && !InQuote(c, p, g - 1)) {
          const std::u16string lw = TokLower(c, p, g - 1);
          if (c.lex.np_stops.count(lw) || c.lex.cues.count(lw)) break;
          --g;
          ++n;
        }
        if (g - 1 < 0 || IsComma(c, p, g - 1) || IsCloseMark(c, p, g - 1) || g == si.b) group_b = g;
      }
      int32_t group_e = a.after ? a.speaker.te : a.cue_e;
      bool took_back = false;

      // 4a. backward: a quotation closing just before the group ("“…,” Lee said").
      int32_t bt = group_b - 1;
      if (!a.participle && bt >= 0 && IsComma(c, p, bt) && IsCloseMark(c, p, bt - 1)) --bt;  // ”,
      if (!a.participle && bt >= 0 && IsCloseMark(c, p, bt)) {
        int32_t ri = bt > 0 ? c.region_of_tok[p][bt - 1] : -1;
        if (ri >= 0 && c.regions[ri].close_tok != bt) ri = -1;
        if (ri >= 0 && c.regions[ri].attribution < 0) {
          const std::u16string& t = doc.paragraphs[p].text;
          // the quote must end in , ? ! (or be followed by a comma)
          int32_t e = c.regions[ri].end;
          while (e > c.regions[ri].begin && u_isUWhiteSpace(t[e - 1])) --e;
          const char16_t last = e > c.regions[ri].begin ? t[e - 1] : 0;
          const bool punct = last == u',' || last == u'?' || last == u'!' || last == u'—' ||
                             last == u'.' || IsComma(c, p, group_b - 1);
          if (punct) {
            b.EmitQuotation(a, c.regions[ri].quotation, conf);
            took_back = true;
          }
        }
      }
      // 4b. forward: complement after the cue (+ object).
      int32_t f = group_e;
      if (a.info.obj && !a.after) {
        // "told reporters (that) …", "told Ian Cole the summit …", "told him …",
        // "told NewsChina." : skip the addressee.
        int32_t e = f;
        const std::u16string fw = f < si.e ? TokLower(c, p, f) : u"";
        if (fw == u"him"sv || fw == u"her"sv || fw == u"them"sv || fw == u"us"sv || fw == u"me"sv ||
            fw == u"reporters"sv || fw == u"journalists"sv || fw == u"lawmakers"sv ||
            fw == u"parliament"sv || fw == u"congress"sv) {
          e = f + 1;
        } else if (f < si.e && IsCap(c, p, f)) {
          while (e < si.e && e - f < kMaxNameTokens && (IsCap(c, p, e) || TokIs(c, p, e, u"-")))
            ++e;
        } else if (fw == u"the"sv || fw == u"a"sv) {
          e = f + 1;
          while (e < si.e && e - f < 4 && IsWord(c, p, e) && !TokLowerIs(c, p, e, u"that")) ++e;
          if (!(e < si.e && (TokLowerIs(c, p, e, u"that") || TokIs(c, p, e, u":"))))
            e = si.e;  // "told the committee the budget …": unclear where it ends
        }
        f = e;
      }
      bool platform_phrase = false;
      if (a.info.post && TokLowerIs(c, p, f, u"on") && a.outlet) {
        platform_phrase = true;
        // "posted on social media platform X urging …"
        int32_t e = f + 1;
        while (e < si.e && e - f < 8 && !IsComma(c, p, e) && !TokLowerIs(c, p, e, u"that") &&
               !TokIs(c, p, e, u":") && !IsOpenMark(c, p, e) &&
               !(IsLowerWord(c, p, e) && IsIngForm(TokLower(c, p, e))))
          ++e;
        f = e;
        if (IsComma(c, p, f)) ++f;
      }
      // adjuncts after "said" before a colon: "said in a statement:"
      // "said Tuesday (that) …", "said on Monday the …", "said yesterday …"
      if (f < si.e && IsWord(c, p, f)) {
        const std::u16string fw = TokLower(c, p, f);
        if (fw == u"on"sv && f + 1 < si.e && c.lex.weekdays.count(TokLower(c, p, f + 1)))
          f += 2;
        else if (c.lex.weekdays.count(fw) || fw == u"yesterday"sv || fw == u"today"sv ||
                 fw == u"tonight"sv)
          f += 1;
        if (IsComma(c, p, f) && f + 1 < si.e && TokLowerIs(c, p, f + 1, u"that")) ++f;
      }
      // An unpaired quotation mark (an unbalanced opener) starts nothing.
      if (f < si.e && !IsOpenMark(c, p, f) && Tok(c, p, f).end - Tok(c, p, f).begin == 1 &&
          IsOpenQuoteChar(doc.paragraphs[p].text[Tok(c, p, f).begin]) && f + 1 < si.e)
        ++f;
      // An adjunct between the cue and "that": "said on Monday that …",
      // "told reporters in Seoul that …".
      if (f < si.e && IsWord(c, p, f) && !TokLowerIs(c, p, f, u"that") &&
          (c.lex.np_stops.count(TokLower(c, p, f)) || c.lex.adverbs.count(TokLower(c, p, f)) ||
           (a.info.obj && !a.after))) {
        // ("told supporters of the ruling party that …": the addressee too)
        for (int32_t t = f + 1; t < si.e && t - f < 8 && !InQuote(c, p, t); ++t) {
          if (TokLowerIs(c, p, t, u"that")) {
            f = t;
            break;
          }
          if (!IsWord(c, p, t) && !Tok(c, p, t).Has(kTokNumber)) break;
        }
      }
      bool colon = false, that = false, quote_first = false;
      if (f < si.e && TokIs(c, p, f, u":")) {
        colon = true;
        ++f;
      } else if (f < si.e && IsComma(c, p, f) && IsOpenMark(c, p, f + 1)) {
        colon = true;
        ++f;
      }
      if (f < si.e && TokLowerIs(c, p, f, u"that")) {
        that = true;
        ++f;
      }
      if (f < NumTokens(c, p) && IsOpenMark(c, p, f)) quote_first = true;

      if (took_back) {
        // interrupted: "“…,” Lee said, “…”"
        if (colon && quote_first) {
          int32_t ri = c.region_of_tok[p][std::min(f + 1, NumTokens(c, p) - 1)];
          if (ri >= 0 && c.regions[ri].attribution < 0)
            b.EmitQuotation(a, c.regions[ri].quotation, conf);
        }
        continue;
      }
      if (a.after) {
        // "…, said the minister." with an unquoted clause before: indirect
        if (group_b - 1 > si.b && IsComma(c, p, group_b - 1)) {
          int32_t cb = si.b;
          if (group_b - 1 - cb >= 4)
            b.Emit(a, Span{p, Tok(c, p, cb).begin, Tok(c, p, group_b - 2).end}, false, conf - 0.1);
        }
        continue;
      }
      // A colon a few words into the complement introduces the quotation:
      // "described the night: “…”", "said in a statement: “…”".
      if (!colon && !quote_first) {
        for (int32_t t = f; t < si.e && t - f < 8 && !InQuote(c, p, t); ++t) {
          if (TokIs(c, p, t, u":") && IsOpenMark(c, p, t + 1)) {
            f = t + 1;
            colon = true;
            quote_first = true;
            break;
          }
          if (!IsWord(c, p, t)) break;
        }
      }
      auto forward = [&]() -> bool {
        if (quote_first && !colon && a.info.naming) return false;  // "called “X”"
        if (quote_first && (colon || !that)) {
          int32_t ri = c.region_of_tok[p][std::min(f + 1, NumTokens(c, p) - 1)];
          if (ri >= 0 && c.regions[ri].attribution < 0 && c.regions[ri].first_piece) {
            // The quote is the whole complement when the sentence ends after it
            // or the quotation closes on a comma ("labeled “a giveaway,” passed").
            const Region& r = c.regions[ri];
            int32_t after = r.close_tok >= 0 ? r.close_tok + 1 : -1;
            const std::u16string& t = doc.paragraphs[p].text;
            int32_t ie = r.end;
            while (ie > r.begin && u_isUWhiteSpace(t[ie - 1])) --ie;
            const bool comma_inside = ie > r.begin && t[ie - 1] == u',';
            bool whole = after < 0 || after >= si.e || TokIs(c, p, after, u".") || comma_inside ||
                         (IsComma(c, p, after) && IsCap(c, p, f + 1));
            if (colon || whole) {
              b.EmitQuotation(a, r.quotation, a.colon ? 0.6 : conf);
              return true;
            }
          }
        }
        const bool forward_starts =
            f < si.e && (IsWord(c, p, f) || Tok(c, p, f).Has(kTokNumber) || IsOpenMark(c, p, f));
        if (!forward_starts) return false;
        // Reported speech: needs "that", a colon, a bare-complement verb, a
        // "to" infinitive for promise-like verbs, or a quoted fragment.
        int32_t end = ContentEndTok(c, p, f, si.e, anchors, k);
        if (end <= f) return false;
        Span content{p, Tok(c, p, f).begin, Tok(c, p, end - 1).end};
        bool has_quote = false;
        for (int32_t t = f; t < end && t < NumTokens(c, p); ++t)
          if (InQuote(c, p, t)) has_quote = true;
        // The complement must not start with a preposition or particle
        // ("said in Beijing", "added to"): those are adjuncts, not speech.
        const std::u16string fw = TokLower(c, p, f);
        const bool adjunct = !that && !colon && c.lex.np_stops.count(fw) && !has_quote &&
                             !(fw == u"at"sv && (TokLowerIs(c, p, f + 1, u"least") ||
                                               TokLowerIs(c, p, f + 1, u"most")));
        const bool infinitive = a.info.inf && fw == u"to"sv && !that;
        // "said nothing about layoffs", "said little": no statement reported.
        if (!that && !colon && !has_quote &&
            (fw == u"nothing"sv || fw == u"little"sv || fw == u"so"sv || fw == u"otherwise"sv ||
             fw == u"goodbye"sv || fw == u"hello"sv || fw == u"yes"sv || fw == u"no"sv))
          return false;
        const bool ok = that || colon || (has_quote && !a.info.strict) ||
                        (a.info.bare && !adjunct) || platform_phrase || infinitive;
        if (!ok) return false;
        if (!that && !colon && !has_quote && end - f < 3) return false;
        return b.Emit(a, content, false, has_quote || that ? conf : conf - 0.1) >= 0;
      };
      if (forward()) continue;
      // 4c. backward clause: "Prices will rise, the official said." and the
      //     parenthetical "These sectors, she said, feature …".
      // Only when nothing is reported after the cue: the sentence ends, or an
      // adjunct follows ("…, the official said on Sunday"), or it is
      // parenthetical (", she said, …").
      bool nothing_after = f >= si.e || !IsWord(c, p, f);
      if (!nothing_after) {
        const std::u16string fw = TokLower(c, p, f);
        nothing_after = c.lex.np_stops.count(fw) || c.lex.adverbs.count(fw) || fw == u"according"sv;
      }
      if (!a.participle && nothing_after && group_b - 1 > si.b && IsComma(c, p, group_b - 1)) {
        int32_t cb = si.b;
        for (size_t j = k; j-- > 0 && k - j <= 8;)
          if (anchors[j].sentence == a.sentence) cb = std::max(cb, anchors[j].cue_e);
        if (group_b - 1 - cb < 2) continue;
        const bool parenthetical = f < si.e && IsComma(c, p, f) && f + 1 < si.e &&
                                   ResumesClause(c, p, f + 1) &&
                                   group_b - 1 - cb <= kMaxParentheticalLead;
        int32_t end = parenthetical ? ContentEndTok(c, p, f + 1, si.e, anchors, k) : group_b - 1;
        if (!parenthetical && group_b - 1 - cb < 4) continue;
        cb = SkipDateline(c, p, cb, group_b - 1);
        b.Emit(a, Span{p, Tok(c, p, cb).begin, Tok(c, p, end - 1).end}, false, conf - 0.1);
      }
    }

    // 4d. sentence-initial participles "Pledging …, Lee said": content up to
    //     the comma before the main clause (handled above via forward content).

    // 5. unclaimed statement quotations: continuation or speakerless quote.
    std::vector<std::pair<int32_t, int32_t>> by_begin;  // (content begin, index)
    for (size_t j = para_first_attr; j < out.size(); ++j)
      if (out[j].content.paragraph == p)
        by_begin.push_back({out[j].content.begin, static_cast<int32_t>(j)});
    std::sort(by_begin.begin(), by_begin.end());
    for (int32_t ri : c.regions_in_para[p]) {
      Region& r = c.regions[ri];
      if (r.claimed || r.attribution >= 0) continue;
      // pieces of a quotation already attributed in an earlier paragraph
      // are claimed there; pieces before the anchor paragraph are emitted by it.
      if (!IsStatementLike(c, r)) continue;
      // Same paragraph: the nearest attribution of this paragraph with a speaker
      // and a direct quotation, if no other speaker comes between.
      int32_t src = -1;
      {
        // The attribution of this paragraph beginning last before the region.
        auto it =
            std::upper_bound(by_begin.begin(), by_begin.end(), std::make_pair(r.begin, INT32_MAX));
        if (it != by_begin.begin()) src = (it - 1)->second;
      }
      bool wholly = false;
      if (src < 0) {
        // A paragraph that is wholly this quotation continues the last speaker
        // of the previous paragraph.
        const std::u16string& t = doc.paragraphs[p].text;
        int32_t lead = 0;
        while (lead < static_cast<int32_t>(t.size()) &&
               (u_isUWhiteSpace(t[lead]) || IsOpenQuoteChar(t[lead])))
          ++lead;
        int32_t tail = static_cast<int32_t>(t.size());
        while (tail > 0 && (u_isUWhiteSpace(t[tail - 1]) || t[tail - 1] == u'”' ||
                            t[tail - 1] == u'"' || t[tail - 1] == u'’' || t[tail - 1] == u'»'))
          --tail;
        wholly = lead >= r.begin - 1 && lead <= r.begin + 1 && tail <= r.end + 1 &&
                 tail >= r.end - 1 && para_first_attr == out.size();
        int32_t prev = p - 1;
        while (prev >= 0 &&
               doc.paragraphs[prev].text.find_first_not_of(u" \t") == std::u16string::npos)
          --prev;
        if (wholly && prev >= 0 && !out.empty() && out.back().content.paragraph == prev &&
            doc.paragraphs[prev].kind == doc.paragraphs[p].kind &&
            continuation_run < kMaxContinuationParagraphs &&
            out.back().kind != AttributionKind::kIndirect)
          src = static_cast<int32_t>(out.size()) - 1;
      }
      Anchor none;
      if (src >= 0 && (!out[src].speaker_name.empty() || out[src].vague_source)) {
        Attribution at;
        at.content = Span{p, r.begin, r.end};
        at.kind = AttributionKind::kDirect;
        at.speaker = out[src].speaker;
        at.speaker_entity = out[src].speaker_entity;
        at.speaker_name = out[src].speaker_name;
        at.vague_source = out[src].vague_source;
        at.outlet = out[src].outlet;
        at.belief = out[src].belief;
        at.continuation = true;
        at.confidence = wholly ? 0.6 : 0.7;
        r.claimed = true;
        r.attribution = static_cast<int32_t>(out.size());
        out.push_back(std::move(at));
        by_begin.push_back({r.begin, static_cast<int32_t>(out.size()) - 1});
        std::sort(by_begin.end() - std::min<size_t>(by_begin.size(), 2), by_begin.end());
        if (wholly) ++continuation_run;
        continue;
      }
      // A statement nobody is credited with: reported without a speaker (the
      // checks stage flags it) — unless it is a heading.
      if (doc.paragraphs[p].kind == ParagraphKind::kHeading) continue;
      b.EmitQuotation(none, r.quotation, 0.3);
    }
    if (out.size() > para_first_attr) {
      bool any_wholly_cont = false;
      for (size_t j = para_first_attr; j < out.size(); ++j)
        if (out[j].continuation && out[j].content.paragraph == p) any_wholly_cont = true;
      if (!any_wholly_cont) continuation_run = 0;
    }
  }

  // 6. quoted terms: quotations no attribution content covers.
  // Per paragraph: contents sorted by begin with the running maximum end.
  std::vector<std::vector<std::pair<int32_t, int32_t>>> covered(np);
  for (const Attribution& a : out)
    covered[a.content.paragraph].push_back({a.content.begin, a.content.end});
  for (auto& cv : covered) {
    std::sort(cv.begin(), cv.end());
    for (size_t x = 1; x < cv.size(); ++x) cv[x].second = std::max(cv[x].second, cv[x - 1].second);
  }
  for (const Region& r : c.regions) {
    if (r.claimed) continue;
    const auto& cv = covered[r.p];
    auto it = std::upper_bound(cv.begin(), cv.end(), std::make_pair(r.begin, INT32_MAX));
    if (it != cv.begin() && (it - 1)->second >= r.end) continue;
    if (IsStatementLike(c, r) && doc.paragraphs[r.p].kind != ParagraphKind::kHeading) continue;
    const std::u16string& t = doc.paragraphs[r.p].text;
    int32_t b2 = r.begin, e2 = r.end;
    while (b2 < e2 && u_isUWhiteSpace(t[b2])) ++b2;
    while (e2 > b2 && (u_isUWhiteSpace(t[e2 - 1]) || t[e2 - 1] == u',' || t[e2 - 1] == u'.')) --e2;
    if (e2 > b2) report->quoted_terms.push_back(QuotedTerm{Span{r.p, b2, e2}});
  }

  std::stable_sort(out.begin(), out.end(), [](const Attribution& x, const Attribution& y) {
    return x.content < y.content;
  });
  // Drop exact duplicates (a content reached by two anchors keeps the first).
  out.erase(std::unique(
                out.begin(), out.end(),
                [](const Attribution& x, const Attribution& y) { return x.content == y.content; }),
            out.end());
  std::sort(report->quoted_terms.begin(), report->quoted_terms.end(),
            [](const QuotedTerm& x, const QuotedTerm& y) { return x.span < y.span; });
}

}  // namespace factlens
