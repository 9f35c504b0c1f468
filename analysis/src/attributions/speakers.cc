// Speakers: the noun phrase before a cue ("Lee said", "the port operator
// said", "Kim, who chairs the committee, said"), after it ("said the minister")
// or as the sentence subject ("Adeyemi thanked … and promised"), and its
// resolution to a person or organisation (entity mention, the name index, the
// speaker chain for pronouns, the entity stage's ResolvePersonReference).
#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"
#include "common/name_key.h"
#include "factlens/entities.h"

namespace factlens {
namespace attributions_internal {

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

namespace {

// An entity mention in the speaker position decides.
void ResolveMention(const Ctx& c, int32_t m, Speaker* s) {
  const EntityMention& em = c.report->entities[m];
  s->span = em.span;
  if (em.entity < 0 || em.entity >= static_cast<int32_t>(c.report->entity_list.size())) return;
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
    auto it = c.names.parts.find(e.canonical);
    if (it != c.names.parts.end() && it->second.size() == 1) {
      s->entity = -1;
      s->name = it->second[0];
    }
  }
}

// No mention: a bare name. A single word is matched to a person named in full.
void ResolveSingleWord(const Ctx& c, int32_t p, const std::u16string& surface, Speaker* s) {
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
      auto it = c.names.parts.find(surface);
      if (it != c.names.parts.end() && it->second.size() == 1) s->name = it->second[0];
    }
  } else if (e == -1 && !c.have_persons) {
    // No entity stage: a full name of the document containing this word.
    auto it = c.names.parts.find(surface);
    if (it == c.names.parts.end())
      s->name = surface;
    else if (it->second.size() == 1)
      s->name = it->second[0];
    // several different people share the word: unresolved
  } else if (e == -1) {
    s->name = surface;  // resolved later against earlier speakers
  }
  // e == -2: ambiguous, unresolved.
}

// "the senator": the one person of the document introduced with that title
// (entity mentions' titles and descriptors, or the name index without the
// entity stage). Two candidates or none: unresolved.
void ResolveRole(const Ctx& c, const std::u16string& role, Speaker* s) {
  if (c.have_persons) {
    auto it = c.names.role_entity.find(role);
    if (it != c.names.role_entity.end() && it->second >= 0 &&
        !c.report->entity_list[it->second].ambiguous) {
      s->entity = it->second;
      s->name = c.report->entity_list[it->second].canonical;
    }
    return;
  }
  auto it = c.names.roles.find(role);
  if (it != c.names.roles.end() && it->second.size() == 1) s->name = it->second[0];
}

}  // namespace

void ResolveNamed(const Ctx& c, int32_t p, Speaker* s) {
  const int32_t m = MentionAt(c, p, s->te - 1);
  // a mention that runs on into the cue ("Mayor Lee Says" in a
  // headline) is not its name
  const bool into_cue = m >= 0 && s->te < NumTokens(c, p) &&
                        c.report->entities[m].span.end >= Tok(c, p, s->te).end &&
                        c.lex.finite_cues.count(TokLower(c, p, s->te));
  if (m >= 0 && !into_cue) {
    ResolveMention(c, m, s);
    return;
  }
  std::u16string surface = c.doc.paragraphs[p].text.substr(s->span.begin, s->span.size());
  const bool single =
      surface.find(u' ') == std::u16string::npos && surface.find(u'-') == std::u16string::npos;
  if (single)
    ResolveSingleWord(c, p, surface, s);
  else
    s->name = surface;
}

namespace {

// "Many nurses at …", "two teachers from …": a lower-case plural noun at h
// right after a quantifier or a number that opens the phrase is the speaker
// (unresolved; vague when the noun is).
bool QuantifiedPlural(const Ctx& c, int32_t p, int32_t h, int32_t floor, Speaker* s) {
  if (h - 1 < floor || !IsLowerWord(c, p, h)) return false;
  const std::u16string hw = TokLower(c, p, h);
  if (hw.size() < 4 || hw.back() != u's' || hw[hw.size() - 2] == u's' || c.lex.np_stops.count(hw))
    return false;
  const std::u16string q = TokLower(c, p, h - 1);
  const bool quant = c.lex.quantifiers.count(q) || Tok(c, p, h - 1).Has(kTokNumber);
  const bool opens = h - 2 < floor || IsComma(c, p, h - 2) || !IsWord(c, p, h - 2);
  if (!quant || !opens) return false;
  *s = Speaker();
  s->tb = h - 1;
  s->te = h + 1;
  s->span = TokSpan(c, p, h - 1, h + 1);
  s->vague = c.lex.vague.count(hw) > 0;
  return true;
}

// "Economists at Nordbank said", "A spokesperson for the operators said", "Ms.
// Reyes of the Sierra Club said", "people familiar with the matter said", "two
// people with knowledge of the talks said": the speaker noun or the person
// before the preposition (and before an adjective of postnominal_adjectives.txt)
// is the speaker, not the organisation or the matter. A preposition after a
// noun that cannot speak ("knowledge of") lets the search go on.
bool SpeakerBeforePreposition(const Ctx& c, int32_t p, int32_t j, int32_t floor, Speaker* s) {
  for (int32_t t = j - 1; t - 1 >= floor && j - t <= 7; --t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t)) break;
    const std::u16string lt = TokLower(c, p, t);
    int32_t h = t - 1;  // the head noun before the preposition
    const bool adjective = IsLowerWord(c, p, h) && c.lex.postnominal.count(TokLower(c, p, h));
    if (adjective) --h;
    const bool preposition = lt == u"at"sv || lt == u"for"sv || lt == u"of"sv || lt == u"from"sv ||
                             lt == u"with"sv || (adjective && (lt == u"to"sv || lt == u"on"sv));
    if (preposition && h >= floor && IsWord(c, p, h)) {
      const std::u16string hw = TokLower(c, p, h);
      if (QuantifiedPlural(c, p, h, floor, s)) return true;
      const int32_t m = MentionAt(c, p, h);
      const bool person = m >= 0 && c.report->entities[m].type == EntityType::kPerson;
      Speaker head;
      if ((c.lex.vague.count(hw) || c.lex.speaker_nouns.count(hw) || person) &&
          SpeakerBack(c, p, h, floor, &head) && head.tb >= 0 && !head.pronoun &&
          (head.entity < 0 || person)) {
        *s = head;
        return true;
      }
      if (j - t > 5 || person || IsCap(c, p, h)) break;
      continue;
    }
    if (IsCueWordAt(c, p, t, lt) || c.lex.np_stops.count(lt)) break;
  }
  return false;
}

}  // namespace

// A speaker phrase that is a place mention ("Ohio", "Capitol Hill").
bool IsPlace(const Ctx& c, int32_t p, const Speaker& s) {
  if (s.tb < 0 || s.te <= s.tb) return false;
  const int32_t m = MentionAt(c, p, s.te - 1);
  return m >= 0 && c.report->entities[m].type == EntityType::kPlace;
}

namespace {

// "farmers, who say …"; "Kim, who chairs the committee, said" is apposition.
bool SpeakerBeforeWho(const Ctx& c, int32_t p, int32_t j, int32_t floor, Speaker* s) {
  Speaker ante;
  if (SpeakerBack(c, p, j - 2, floor, &ante) && !ante.pronoun) {
    if (IsPlace(c, p, ante)) {  // "Republicans on Capitol Hill, who argued": not the place
      *s = Speaker();
      s->tb = j;
      s->te = j + 1;
      s->span = Span{p, Tok(c, p, j).begin, Tok(c, p, j).end};
      return true;
    }
    // "Ann Lee, a professor at Yale, who said": the name the apposition describes
    Speaker named;
    if (ante.name.empty() && !ante.vague && ante.tb - 2 >= floor && IsComma(c, p, ante.tb - 1) &&
        SpeakerBack(c, p, ante.tb - 2, floor, &named) && !named.pronoun && !named.name.empty())
      ante = named;
    *s = ante;
    s->relative = j;
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

// A capitalised name ending at j: "Lee", "Finance Minister Olga Petrova".
bool NameBack(const Ctx& c, int32_t p, int32_t j, int32_t floor, const std::u16string& w,
              Speaker* s) {
  int32_t k = NameStartBack(c, p, j, floor);
  if (k < 0) return false;
  const Token& tj = Tok(c, p, j);
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
bool IsHyphenTail(const Ctx& c, int32_t p, int32_t j, int32_t floor) {
  return IsLowerWord(c, p, j) && j - 2 >= floor && TokIs(c, p, j - 1, u"-") && IsCap(c, p, j - 2) &&
         Tok(c, p, j - 1).end == Tok(c, p, j).begin &&
         Tok(c, p, j - 2).end == Tok(c, p, j - 1).begin;
}

bool HyphenatedNameBack(const Ctx& c, int32_t p, int32_t j, int32_t floor, Speaker* s) {
  int32_t k = NameStartBack(c, p, j - 2, floor);
  // at least "Lee Jae-myung", not just "Jae-myung" (unless it is a mention)
  if (k < 0 || !(k < j - 2 || MentionAt(c, p, j) >= 0)) return false;
  s->tb = k;
  s->te = j + 1;
  s->span = Span{p, Tok(c, p, k).begin, Tok(c, p, j).end};
  ResolveNamed(c, p, s);
  return true;
}

// A finite verb or a past form ("signed", "sent") that takes an object; not a
// cue, after which a clause opens ("said the mayor told her …").
bool IsVerbForm(const Ctx& c, const std::u16string& w) {
  if (c.lex.cues.count(w)) return false;
  return c.lex.finite_verbs.count(w) || IsEdForm(w);
}

// "the port operator said": a short noun phrase led by a determiner, with no
// verb-like word in it, may speak though its head is no speaker noun.
bool IsDeterminerPhrase(const Ctx& c, int32_t p, int32_t j, int32_t floor,
                        const std::u16string& head) {
  int32_t d = j - 1;
  while (d >= floor && j - d <= 3 && IsLowerWord(c, p, d) &&
         !c.lex.np_stops.count(TokLower(c, p, d)) && !IsDeterminer(c, TokLower(c, p, d)))
    --d;
  const bool det = d >= floor && IsDeterminer(c, TokLower(c, p, d));
  // "one of the doctors who signed the letter called …": the object of a verb
  if (det && d - 1 >= floor && IsLowerWord(c, p, d - 1) && IsVerbForm(c, TokLower(c, p, d - 1)))
    return false;
  bool verbish = false;
  for (int32_t t = d + 1; t <= j; ++t) {
    const std::u16string lt = TokLower(c, p, t);
    if (IsCueWordAt(c, p, t, lt) || c.lex.adverbs.count(lt) || c.lex.finite_verbs.count(lt) ||
        IsEdForm(lt))
      verbish = true;
  }
  return det && !verbish && !IsIngForm(head) && !c.lex.np_stops.count(head);
}

// First token of the common noun phrase ending at j ("the nurses' union").
int32_t CommonNpStart(const Ctx& c, int32_t p, int32_t j, int32_t floor) {
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
    if (c.lex.np_stops.count(li) || IsCueWordAt(c, p, i, li)) break;
    --k;
    ++n;
    if (IsDeterminer(c, li)) break;
  }
  return k;
}

// A role noun may be a named entity's head ("the Foreign Ministry" → ORG), an
// institution named in lower case ("the finance ministry": its name is the
// phrase itself, no person is guessed) or a title ("the senator" → the one
// Senator of the story).
void NameCommonNp(const Ctx& c, int32_t p, int32_t k, int32_t j, const std::u16string& head,
                  Speaker* s) {
  if (MentionAt(c, p, j) >= 0) {
    ResolveNamed(c, p, s);
  } else if (TokLowerIs(c, p, k, u"the") && j - k >= 2 && c.lex.org_heads.count(head)) {
    const Span ns{p, Tok(c, p, k + 1).begin, Tok(c, p, j).end};
    s->name = c.doc.paragraphs[p].text.substr(ns.begin, ns.size());
  } else if (TokLowerIs(c, p, k, u"the") && j == k + 1 && c.lex.titles.count(head)) {
    ResolveRole(c, head, s);
  }
}

// A common noun phrase headed by a speaker noun: "analysts", "the ministry".
bool CommonNpBack(const Ctx& c, int32_t p, int32_t j, int32_t floor, const std::u16string& head,
                  Speaker* s) {
  const bool vague = c.lex.vague.count(head) > 0;
  const bool role = c.lex.speaker_nouns.count(head) > 0;
  if (!vague && !role && !IsDeterminerPhrase(c, p, j, floor, head)) return false;
  const int32_t k = CommonNpStart(c, p, j, floor);
  s->tb = k;
  s->te = j + 1;
  s->span = Span{p, Tok(c, p, k).begin, Tok(c, p, j).end};
  s->vague = vague;
  if (!vague) NameCommonNp(c, p, k, j, head, s);
  return true;
}

}  // namespace

// Speaker noun phrase ending at token j (inclusive), walking back no further
// than `floor`. Returns false when there is no acceptable speaker.
bool SpeakerBack(const Ctx& c, int32_t p, int32_t j, int32_t floor, Speaker* s) {
  if (j < floor || InQuote(c, p, j)) return false;
  const std::u16string w = TokLower(c, p, j);
  if (SpeakerBeforePreposition(c, p, j, floor, s)) return true;
  if (w == u"who"sv && j - 1 > floor && IsComma(c, p, j - 1))
    return SpeakerBeforeWho(c, p, j, floor, s);
  if (IsPronoun(w)) {
    // "it is (widely) believed/said/reported that": impersonal, vague.
    if (w == u"it"sv) return false;
    s->tb = j;
    s->te = j + 1;
    s->span = Span{p, Tok(c, p, j).begin, Tok(c, p, j).end};
    s->pronoun = true;
    return true;
  }
  if (IsCap(c, p, j) && !IsNonName(c, w)) return NameBack(c, p, j, floor, w, s);
  if (IsHyphenTail(c, p, j, floor)) return HyphenatedNameBack(c, p, j, floor, s);
  if (IsLowerWord(c, p, j)) return CommonNpBack(c, p, j, floor, w, s);
  return false;
}

namespace {

// "one senior aide", "several officials": a quantified common noun phrase.
bool IsQuantifier(const Ctx& c, const std::u16string& w) { return c.lex.quantifiers.count(w) > 0; }

bool IsArticle(const std::u16string& w) { return w == u"the"sv || w == u"a"sv || w == u"an"sv; }

// "said Deputy Finance Minister Olga Petrova", "said Foreign Ministry
// spokesman Li Wei": capitalised words at t (up to four) right before a title
// or a speaker noun are part of the title.
bool CapitalsBeforeTitle(const Ctx& c, int32_t p, int32_t t, int32_t limit) {
  int32_t u = t;
  while (u < limit && u - t < 4 && IsCap(c, p, u) && !c.lex.titles.count(TokLower(c, p, u))) ++u;
  if (u == t || u >= limit || !IsWord(c, p, u) || InQuote(c, p, u)) return false;
  const std::u16string w = TokLower(c, p, u);
  return c.lex.titles.count(w) || c.lex.speaker_nouns.count(w);
}

// Where a name after the cue starts: past an article and the titles and
// descriptors before it ("said President Lee", "said Prime Minister Sanae
// Takaichi", "said club president Lukas Meier"); `i` otherwise.
int32_t TitledNameStart(const Ctx& c, int32_t p, int32_t i, int32_t limit,
                        const std::u16string& w) {
  int32_t k = i;
  if (IsArticle(w)) ++k;
  int32_t t = k;
  while (t < limit && t - k < 4 && IsWord(c, p, t) && !InQuote(c, p, t)) {
    const std::u16string lt = TokLower(c, p, t);
    const bool title = c.lex.titles.count(lt) || c.lex.speaker_nouns.count(lt) ||
                       c.lex.vague.count(lt) || IsNonName(c, lt);
    const bool before_title = CapitalsBeforeTitle(c, p, t, limit);
    if (IsCap(c, p, t) && !title && !before_title) break;
    if (c.lex.np_stops.count(lt) || IsCueWordAt(c, p, t, lt)) break;
    if (!title && !before_title && !IsLowerWord(c, p, t)) break;
    ++t;
  }
  if (t > k && t < limit && IsCap(c, p, t) && !IsNonName(c, TokLower(c, p, t))) k = t;
  if (IsQuantifier(c, w)) k = i;  // "said one senior Republican aide": a common noun phrase
  return k;
}

// A capitalised name starting at k ("said Tomas Lindqvist"); false when the
// capitalised word is an adjective ("said a Republican aide").
bool NameForward(const Ctx& c, int32_t p, int32_t k, int32_t limit, Speaker* s) {
  int32_t e = k;
  int32_t n = 0;
  while (e < limit && n < kMaxNameTokens && !InQuote(c, p, e)) {
    if (IsCap(c, p, e) && !IsNonName(c, TokLower(c, p, e))) {
      ++e;
      ++n;
      continue;
    }
    if (e + 1 < limit && TokIs(c, p, e, u"-") && IsWord(c, p, e + 1) &&
        Tok(c, p, e).begin == Tok(c, p, e - 1).end && Tok(c, p, e + 1).begin == Tok(c, p, e).end) {
      e += 2;
      continue;
    }
    break;
  }
  // A capitalised word followed by a lower-case noun is an adjective.
  const bool adjective = e < limit && IsLowerWord(c, p, e) &&
                         !c.lex.np_stops.count(TokLower(c, p, e)) &&
                         !c.lex.cues.count(TokLower(c, p, e)) && !IsIngForm(TokLower(c, p, e));
  if (adjective) return false;
  s->tb = k;
  s->te = e;
  s->span = Span{p, Tok(c, p, k).begin, Tok(c, p, e - 1).end};
  ResolveNamed(c, p, s);
  return true;
}

// "said the company's chief executive, Tom Reed.": a name in apposition that
// ends the clause is the speaker the phrase describes (the phrase stays its
// descriptor: phrase_b).
void ApposedName(const Ctx& c, int32_t p, int32_t limit, Speaker* s) {
  const int32_t t = s->te;
  if (!(t + 1 < limit && IsComma(c, p, t) && IsCap(c, p, t + 1) &&
        !IsNonName(c, TokLower(c, p, t + 1))))
    return;
  Speaker name;
  if (!NameForward(c, p, t + 1, limit, &name)) return;
  if (name.te < limit && !IsComma(c, p, name.te) && !TokIs(c, p, name.te, u".")) return;
  name.phrase_b = s->tb;
  *s = name;
}

// "said the minister", "said a senior official": needs a determiner ("said
// officials" is rare) and a speaker noun as its head.
bool CommonNpForward(const Ctx& c, int32_t p, int32_t i, int32_t k, int32_t limit,
                     const std::u16string& w, Speaker* s) {
  int32_t e = k == i && IsArticle(w) ? i + 1 : k;
  if (k == i) e = i + 1;
  int32_t head = -1;
  while (e < limit && e - i < kMaxCommonNpTokens && IsWord(c, p, e) && !InQuote(c, p, e)) {
    const std::u16string le = TokLower(c, p, e);
    if (c.lex.vague.count(le) || c.lex.speaker_nouns.count(le)) head = e;
    if (c.lex.np_stops.count(le)) break;
    ++e;
  }
  const bool det = IsArticle(w) || IsQuantifier(c, w);
  // "…,” said the woman." / "…,” said the cashier, who …": after an inverted
  // cue, a short lower-case phrase that ends the clause names its speaker
  // (unresolved), unless it is a time ("said the day before").
  if (head < 0 && IsArticle(w) && e > i + 1 && e - i <= 3 &&
      (e >= limit || IsComma(c, p, e) || TokIs(c, p, e, u".")) && IsLowerWord(c, p, e - 1) &&
      !c.lex.time_nouns.count(TokLower(c, p, e - 1)))
    head = e - 1;
  if (head < 0 || !det) return false;
  s->tb = i;
  s->te = head + 1;
  s->span = Span{p, Tok(c, p, i).begin, Tok(c, p, head).end};
  s->vague = c.lex.vague.count(TokLower(c, p, head)) > 0;
  ApposedName(c, p, limit, s);
  return true;
}

constexpr int32_t kMaxDescriptorTokens = 6;

// "said radio host Dana Pike", "said flood survivor Omar Reed": descriptors
// of any case, then a person mention that ends the clause (a punctuation mark or
// the sentence end after it). No verb, comma or quotation before the mention.
bool DescribedPersonForward(const Ctx& c, int32_t p, int32_t i, int32_t limit, Speaker* s) {
  for (int32_t t = i; t < limit && t - i <= kMaxDescriptorTokens; ++t) {
    if (InQuote(c, p, t) || IsComma(c, p, t)) return false;
    const int32_t m = MentionAt(c, p, t);
    if (m >= 0 && t > i && c.report->entities[m].type == EntityType::kPerson &&
        c.report->entities[m].span.begin == Tok(c, p, t).begin) {
      int32_t e = t;
      while (e < limit && MentionAt(c, p, e) == m) ++e;
      if (e < limit && IsWord(c, p, e)) return false;
      s->tb = t;
      s->te = e;
      ResolveMention(c, m, s);
      return true;
    }
    const std::u16string lt = TokLower(c, p, t);
    if (IsWord(c, p, t) && (IsCueWordAt(c, p, t, lt) || c.lex.np_stops.count(lt) ||
                            c.lex.clause_verbs.count(lt) || c.lex.finite_verbs.count(lt)))
      return false;
  }
  return false;
}

}  // namespace

// Speaker noun phrase starting at token i (inverted order: "said Lee").
bool SpeakerForward(const Ctx& c, int32_t p, int32_t i, int32_t limit, Speaker* s) {
  if (i >= limit || InQuote(c, p, i)) return false;
  const std::u16string w = TokLower(c, p, i);
  if (w == u"he"sv || w == u"she"sv) {
    // "…, said he." but not "Reyes, 52, of Dayton, said he would …"
    if (i + 1 < limit && IsWord(c, p, i + 1)) return false;
    s->tb = i;
    s->te = i + 1;
    s->span = Span{p, Tok(c, p, i).begin, Tok(c, p, i).end};
    s->pronoun = true;
    return true;
  }
  int32_t k = TitledNameStart(c, p, i, limit, w);
  if (k >= limit) return false;
  if (IsCap(c, p, k) && !IsNonName(c, TokLower(c, p, k))) {
    if (NameForward(c, p, k, limit, s)) return true;
    k = i;
  }
  return CommonNpForward(c, p, i, k, limit, w, s) || DescribedPersonForward(c, p, i, limit, s);
}

namespace {

// "Marsh's lawyer, Daniel Ames, said": the name is the middle segment [a,
// comma) after a descriptor ending in a lower-case head at k - 1.
bool NameInMiddle(const Ctx& c, int32_t p, int32_t k, int32_t a, int32_t comma, int32_t floor,
                  Speaker* s) {
  if (!(IsCap(c, p, a) && comma - a <= 4 && k - 1 >= floor && IsLowerWord(c, p, k - 1)))
    return false;
  bool all_name = true;
  for (int32_t t = a; t < comma && all_name; ++t)
    all_name = IsCap(c, p, t) || TokIs(c, p, t, u"-") ||
               (t > a && TokIs(c, p, t - 1, u"-") && IsWord(c, p, t));
  const std::u16string head = TokLower(c, p, k - 1);
  if (!(all_name && !c.lex.np_stops.count(head) && !c.lex.cues.count(head) &&
        (comma - a >= 2 || MentionAt(c, p, a) >= 0)))
    return false;
  Speaker mid;
  if (!(SpeakerBack(c, p, comma - 1, a, &mid) && mid.tb == a)) return false;
  int32_t g = k;
  while (g - 1 >= floor && k - g < 8 && IsWord(c, p, g - 1) && !InQuote(c, p, g - 1) &&
         !c.lex.cues.count(TokLower(c, p, g - 1)))
    --g;
  mid.phrase_b = g;
  *s = mid;
  return true;
}

// The name before the apposition's opening comma at k: it must itself begin
// the clause (sentence start, comma, quote mark or a preposition-free context)
// so "In Seoul, the president, said" fails. Titles before it belong to it
// ("Senate Majority Leader Tom Reyes, …"). 1: found, 0: none, -1: give up.
int32_t NameBeforeApposition(const Ctx& c, int32_t p, int32_t k, int32_t floor, Speaker* s) {
  Speaker cand;
  // "Rep. Ann Lee (D-Ore.), chair of …": the party label is part of the name
  int32_t last = k - 1;
  if (last > floor && TokIs(c, p, last, u")")) {
    for (int32_t t = last - 1; t > floor && last - t <= 8; --t) {
      if (InQuote(c, p, t)) break;
      if (TokIs(c, p, t, u"(")) {
        last = t - 1;
        break;
      }
    }
  }
  if (!(SpeakerBack(c, p, last, floor, &cand) && !cand.vague && cand.tb >= 0 &&
        (cand.pronoun || IsCap(c, p, cand.te - 1) || MentionAt(c, p, cand.te - 1) >= 0 ||
         TokIs(c, p, cand.te - 2, u"-") || TokLowerIs(c, p, cand.tb, u"the") ||
         TokLowerIs(c, p, cand.tb, u"a"))))
    return 0;
  // "Reyes, 52, of Dayton, Ohio, said": a place is part of the apposition.
  if (IsPlace(c, p, cand)) return 0;
  int32_t before = cand.tb - 1;
  while (before >= floor && before >= cand.tb - 5 &&
         (IsCap(c, p, before) || c.lex.titles.count(TokLower(c, p, before))))
    --before;
  if (before < floor || IsComma(c, p, before) || IsCloseMark(c, p, before) ||
      TokLowerIs(c, p, before, u"and") || TokIs(c, p, before, u"—")) {
    *s = cand;
    return 1;
  }
  return -1;
}

}  // namespace

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
    if (NameInMiddle(c, p, k, a, comma, floor, s)) return true;
    const int32_t found = NameBeforeApposition(c, p, k, floor, s);
    if (found != 0) return found > 0;
  }
  return false;
}

namespace {

// A word that looks like a finite verb at token v (< limit): "-ed", "-s", an
// auxiliary or a common irregular past (finite_verbs.txt). "Green party
// leader" must not make "Green" a subject.
bool FiniteVerbAt(const Ctx& c, int32_t p, int32_t v, int32_t limit) {
  if (v >= limit || !IsLowerWord(c, p, v)) return false;
  const std::u16string w = TokLower(c, p, v);
  if (c.lex.np_stops.count(w) || IsDeterminer(c, w)) return false;
  if (c.lex.finite_verbs.count(w)) return true;
  if (IsEdForm(w)) return true;
  return w.size() > 3 && w.back() == u's' && w.compare(w.size() - 2, 2, u"ss") != 0 &&
         w.compare(w.size() - 2, 2, u"us") != 0;
}

// The verb after an opening noun phrase at v: FiniteVerbAt, but a plural noun
// before another verb is still the phrase ("Two newspapers filed"), and a
// word before an article is a verb with its object ("The firm sought an …").
bool OpeningVerbAt(const Ctx& c, int32_t p, int32_t v, int32_t limit) {
  if (!IsLowerWord(c, p, v)) return false;
  if (FiniteVerbAt(c, p, v, limit)) {
    const std::u16string w = TokLower(c, p, v);
    return !(w.back() == u's' && !c.lex.finite_verbs.count(w) && FiniteVerbAt(c, p, v + 1, limit));
  }
  return v + 1 < limit && IsLowerWord(c, p, v + 1) && IsDeterminer(c, TokLower(c, p, v + 1)) &&
         !c.lex.np_stops.count(TokLower(c, p, v));
}

// A subject that is a name or a pronoun: "Adeyemi thanked …".
bool NameSubject(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp, int32_t* verb) {
  int32_t e = sb;
  while (e + 1 < limit && e - sb < kMaxNameTokens &&
         (IsCap(c, p, e + 1) || (Tok(c, p, e + 1).Has(kTokHyphenated) && IsWord(c, p, e + 1))))
    ++e;
  // "Ortiz mostly backed …": one adverb before the verb
  int32_t v = e + 1;
  if (!OpeningVerbAt(c, p, v, limit) && IsLowerWord(c, p, v) && IsAdverb(c, TokLower(c, p, v))) ++v;
  Speaker s1;
  if (OpeningVerbAt(c, p, v, limit) && SpeakerBack(c, p, e, sb, &s1) && !s1.vague &&
      (s1.pronoun || (s1.tb >= 0 && IsCap(c, p, s1.te - 1)))) {
    *sp = s1;
    *verb = v;
    return true;
  }
  return false;
}

// Descriptors then a name: "Green party leader Mia Falk was …".
bool DescribedNameSubject(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp,
                          int32_t* verb) {
  for (int32_t t = sb + 1; t < limit && t - sb <= 6; ++t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t) || c.lex.np_stops.count(TokLower(c, p, t))) break;
    if (!IsCap(c, p, t) || IsNonName(c, TokLower(c, p, t))) continue;
    int32_t e2 = t;
    while (e2 + 1 < limit && (IsCap(c, p, e2 + 1) || Tok(c, p, e2 + 1).Has(kTokHyphenated))) ++e2;
    Speaker sd;
    if (FiniteVerbAt(c, p, e2 + 1, limit) && SpeakerBack(c, p, e2, t, &sd) && sd.tb >= t &&
        !sd.vague && IsCap(c, p, sd.te - 1)) {
      *sp = sd;
      *verb = e2 + 1;
      return true;
    }
    t = e2;
  }
  return false;
}

// Apposition: "NP, NAME, verb" or "NAME, apposition, verb".
bool AppositionSubject(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp,
                       int32_t* verb) {
  int32_t c1 = -1, c2 = -1;
  for (int32_t t = sb; t < limit && t - sb < 20; ++t) {
    if (InQuote(c, p, t)) break;
    if (!IsComma(c, p, t)) continue;
    if (c1 >= 0) {
      c2 = t;
      break;
    }
    c1 = t;
  }
  if (!(c1 > sb && c2 > c1 + 1 && FiniteVerbAt(c, p, c2 + 1, limit))) return false;
  Speaker mid, head;
  bool mid_name = c2 - c1 <= 5;
  for (int32_t t = c1 + 1; t < c2 && mid_name; ++t)
    mid_name = IsCap(c, p, t) || Tok(c, p, t).Has(kTokHyphenated);
  if (mid_name && SpeakerBack(c, p, c2 - 1, c1 + 1, &mid) && mid.tb == c1 + 1 && !mid.vague) {
    *sp = mid;
    *verb = c2 + 1;
    return true;
  }
  if (IsCap(c, p, c1 - 1) && SpeakerBack(c, p, c1 - 1, sb, &head) && head.tb == sb && !head.vague &&
      !head.pronoun) {
    *sp = head;
    *verb = c2 + 1;
    return true;
  }
  return false;
}

// "The nurses' union welcomed …": a determiner phrase headed by an
// institution or a speaker noun.
bool InstitutionSubject(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp,
                        int32_t* verb) {
  if (!(TokLowerIs(c, p, sb, u"the") || TokLowerIs(c, p, sb, u"a") || TokLowerIs(c, p, sb, u"an")))
    return false;
  for (int32_t h = sb + 1; h < limit && h - sb <= 5; ++h) {
    if (InQuote(c, p, h) || IsComma(c, p, h)) break;
    const std::u16string lh = TokLower(c, p, h);
    if (!c.lex.org_heads.count(lh) && !c.lex.speaker_nouns.count(lh)) continue;
    Speaker s3;
    if (FiniteVerbAt(c, p, h + 1, limit) && SpeakerBack(c, p, h, sb, &s3) && s3.tb >= 0 &&
        !s3.vague) {
      *sp = s3;
      *verb = h + 1;
      return true;
    }
    break;
  }
  return false;
}

}  // namespace

namespace {

// "Hours later, …", "A few minutes later they …", "Earlier this week, …",
// "Overall, …", "Hastily closing the road, …", "To win, …": where the subject
// starts after an adverbial that opens the sentence (sb when there is none).
int32_t FrontedAdverbialEnd(const Ctx& c, int32_t p, int32_t sb, int32_t limit) {
  if (sb >= limit || !IsWord(c, p, sb)) return sb;
  const std::u16string first = TokLower(c, p, sb);
  auto is_time_end = [](const std::u16string& w) {
    return w == u"later"sv || w == u"earlier"sv || w == u"ago"sv;
  };
  for (int32_t t = sb + 1; t < limit && t - sb <= 4; ++t) {  // "A few minutes later"
    if (!IsWord(c, p, t) || InQuote(c, p, t)) break;
    if (is_time_end(TokLower(c, p, t)) && c.lex.time_nouns.count(TokLower(c, p, t - 1)))
      return IsComma(c, p, t + 1) ? t + 2 : t + 1;
  }
  const bool opener = is_time_end(first) || first == u"overall"sv || first == u"meanwhile"sv ||
                      first == u"to"sv || IsLyForm(first) || IsIngForm(first);
  // "After the Lisbon floods, Lee …": a prepositional phrase without a verb
  const bool phrase = c.lex.prepositions.count(first) > 0;
  if (!opener && !phrase) return sb;
  for (int32_t t = sb + 1; t < limit && t - sb <= 12; ++t) {
    if (InQuote(c, p, t)) return sb;
    if (IsComma(c, p, t)) return t + 1;
    const std::u16string w = TokLower(c, p, t);
    if (phrase && IsLowerWord(c, p, t) &&
        (c.lex.finite_verbs.count(w) || c.lex.finite_cues.count(w) || IsEdForm(w)))
      return sb;
  }
  return sb;
}

}  // namespace

// The subject of the sentence starting at token sb, when it is clear: a name
// or pronoun ("Adeyemi thanked …"), a name in apposition ("His rival, Funmi
// Adeyemi, thanked …" / "Adeyemi, the winner, thanked …"), or a determiner
// phrase headed by an institution or speaker noun ("The nurses' union
// welcomed …"); each directly followed by a lower-case verb (*verb, < limit).
bool SentenceSubject(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp,
                     int32_t* verb) {
  if (sb >= limit || IsOpenMark(c, p, sb)) return false;
  sb = FrontedAdverbialEnd(c, p, sb, limit);
  if (sb >= limit) return false;
  return NameSubject(c, p, sb, limit, sp, verb) ||
         DescribedNameSubject(c, p, sb, limit, sp, verb) ||
         AppositionSubject(c, p, sb, limit, sp, verb) ||
         InstitutionSubject(c, p, sb, limit, sp, verb);
}

// "Local unions backed the plan, saying …", "On Thursday, however, the firm
// sought an extension, saying …": the noun phrase opening the sentence (after
// a leading adjunct up to its comma and adverbs), up to its verb; a name when
// SpeakerBack reads one there, else the phrase unresolved.
bool OpeningSubjectPhrase(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp) {
  int32_t s0 = FrontedAdverbialEnd(c, p, sb, limit);
  if (s0 < limit && IsWord(c, p, s0) && c.lex.np_stops.count(TokLower(c, p, s0))) {
    int32_t t = s0 + 1;
    while (t < limit && t - s0 <= 8 && !IsComma(c, p, t) &&
           (IsWord(c, p, t) || Tok(c, p, t).Has(kTokNumber)) && !InQuote(c, p, t))
      ++t;
    if (!(t < limit && IsComma(c, p, t))) return false;
    s0 = t + 1;
  }
  while (s0 < limit && (IsComma(c, p, s0) || TokLowerIs(c, p, s0, u"however") ||
                        (IsWord(c, p, s0) && c.lex.adverbs.count(TokLower(c, p, s0)))))
    ++s0;
  int32_t v = s0;
  while (v < limit && v - s0 < kMaxCommonNpTokens &&
         (IsWord(c, p, v) || Tok(c, p, v).Has(kTokApostrophe)) && !InQuote(c, p, v)) {
    if (v > s0 && OpeningVerbAt(c, p, v, limit)) break;
    const std::u16string w = TokLower(c, p, v);
    if (c.lex.np_stops.count(w) || IsCueWordAt(c, p, v, w) || c.lex.clause_verbs.count(w) ||
        IsPronoun(w))
      return false;
    ++v;
  }
  if (v == s0 || v >= limit || !OpeningVerbAt(c, p, v, limit)) return false;
  while (v - 1 > s0 && IsLowerWord(c, p, v - 1) && IsAdverb(c, TokLower(c, p, v - 1)))
    --v;  // "The league strongly denounced …": the adverb is the verb's
  Speaker named;
  if (SpeakerBack(c, p, v - 1, s0, &named) && named.tb == s0 && !named.pronoun) {
    *sp = named;
    return true;
  }
  *sp = Speaker();
  sp->tb = s0;
  sp->te = v;
  sp->span = TokSpan(c, p, s0, v);
  sp->vague = c.lex.vague.count(TokLower(c, p, v - 1)) > 0;
  return true;
}

namespace {

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

// A person mentioned between `from` and `to` who is not `entity` and is not
// inside what was reported ("Lee said Xi agreed. He added …" keeps the chain).
bool PersonMentionedBetween(const Ctx& c, const std::vector<Attribution>& done, Position from,
                            Position to, int32_t entity) {
  for (int32_t q = from.paragraph; q <= to.paragraph; ++q) {
    const auto& ms = c.mentions_in_para[q];
    auto it = ms.begin();
    if (q == from.paragraph)
      it = std::lower_bound(ms.begin(), ms.end(), from.offset, [&](int32_t m, int32_t off) {
        return c.report->entities[m].span.begin < off;
      });
    for (; it != ms.end(); ++it) {
      const EntityMention& em = c.report->entities[*it];
      Position mp{q, em.span.begin};
      if (!(mp < to)) break;
      if (em.type != EntityType::kPerson) continue;
      if (entity >= 0 && em.entity == entity) continue;
      if (!CoveredByRecent(done, q, em.span.begin, em.span.end)) return true;
    }
  }
  return false;
}

// No entity stage: a full name outside every recent attribution between `from`
// and `to` other than `name` may be someone else.
bool OtherNameBetween(const Ctx& c, const std::vector<Attribution>& done, Position from,
                      Position to, const std::u16string& name) {
  for (int32_t q = from.paragraph; q <= to.paragraph; ++q) {
    const auto& runs = c.names.runs[q];
    auto it = runs.begin();
    if (q == from.paragraph)
      it = std::lower_bound(runs.begin(), runs.end(), std::make_pair(from.offset, INT32_MIN));
    for (; it != runs.end(); ++it) {
      const auto& run = *it;
      Position rp{q, run.first};
      if (!(rp < to)) break;
      const bool covered = CoveredByRecent(done, q, run.first, run.second);
      if (!covered && NameKey(std::u16string_view(c.doc.paragraphs[q].text)
                                  .substr(run.first, run.second - run.first)) != NameKey(name))
        return true;
    }
  }
  return false;
}

// Paragraphs from `from` to `to`, not counting empty ones between them.
int32_t ParagraphGap(const Ctx& c, int32_t from, int32_t to) {
  int32_t gap = to - from;
  for (int32_t q = from + 1; q < to; ++q)
    if (IsBlankParagraph(c, q)) --gap;
  return gap;
}

// The speaker chain: the last attribution's speaker when it is in the same or
// the previous non-empty paragraph, named, not vague, gender compatible, and
// no other person is mentioned between it and the pronoun.
bool ChainSpeaker(const Ctx& c, const std::vector<Attribution>& done, int32_t p, const Speaker& s,
                  Gender g, int32_t* entity, std::u16string* name) {
  if (done.empty()) return false;
  const Attribution& last = done.back();
  const Span last_pos = last.speaker ? *last.speaker : last.content;
  if (ParagraphGap(c, last_pos.paragraph, p) > 1 || last.speaker_name.empty() || last.vague_source)
    return false;
  *entity = last.speaker_entity;
  *name = last.speaker_name;
  if (*entity >= 0) {
    const Entity& e = c.report->entity_list[*entity];
    if ((e.gender != Gender::kUnknown && e.gender != g) || e.type != EntityType::kPerson)
      return false;
  }
  const Position from{last_pos.paragraph, last_pos.end};
  const Position to{p, s.span.begin};
  if (PersonMentionedBetween(c, done, from, to, *entity)) return false;
  return c.have_persons || !OtherNameBetween(c, done, from, to, *name);
}

// The last attribution, in this or the previous non-empty paragraph, has the
// same pronoun and nobody resolved it ("“…,” he told Ortiz." then "“…,” he
// said."): the same unknown person, left unresolved rather than guessed anew.
// (A description before it, "said the woman" then "she said", is not enough:
// on PolNeAR dev it lost three right names the entity stage found.)
bool ContinuesUnnamedSpeaker(const Ctx& c, const std::vector<Attribution>& done, int32_t p,
                             const std::u16string& pronoun) {
  if (done.empty()) return false;
  const Attribution& last = done.back();
  if (!last.speaker || !last.speaker_name.empty() || last.vague_source) return false;
  const Span& sp = *last.speaker;
  if (ParagraphGap(c, sp.paragraph, p) > 1) return false;
  const std::u16string prev =
      LowerSimple(c.doc.paragraphs[sp.paragraph].text.substr(sp.begin, sp.size()));
  return prev == pronoun;
}

// The entity stage's resolution; its "first named of several" answer
// (confidence 0.6) is a guess, so a clearer answer is required here. Only
// when a person is named in this paragraph or the two before (the service's
// own window): saves a call per pronoun in long documents.
void ResolveByEntityStage(const Ctx& c, int32_t p, Gender g, int32_t addressee, Speaker* s) {
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
  if (r < 0 || r == addressee || r >= static_cast<int32_t>(c.report->entity_list.size())) return;
  const Entity& e = c.report->entity_list[r];
  if (e.type == EntityType::kPerson && !e.ambiguous &&
      (e.gender == Gender::kUnknown || e.gender == g)) {
    s->entity = r;
    s->name = e.canonical;
  }
}

}  // namespace

// Resolves a pronoun speaker: the speaker chain first, then the entity
// stage's ResolvePersonReference. Unsure: unresolved.
void ResolvePronoun(Ctx& c, const std::vector<Attribution>& done, int32_t p, Speaker* s,
                    int32_t addressee) {
  const std::u16string w =
      LowerSimple(c.doc.paragraphs[p].text.substr(s->span.begin, s->span.size()));
  Gender g = w == u"he"sv ? Gender::kMale : w == u"she"sv ? Gender::kFemale : Gender::kUnknown;
  if (g == Gender::kUnknown) return;  // they / we / I / it: unresolved
  int32_t entity = -1;
  std::u16string name;
  if (ChainSpeaker(c, done, p, *s, g, &entity, &name)) {
    if (entity >= 0 && entity == addressee) return;  // "Ortiz asked …" / "he told Ortiz"
    s->entity = entity;
    s->name = name;
    return;
  }
  if (ContinuesUnnamedSpeaker(c, done, p, w)) return;
  ResolveByEntityStage(c, p, g, addressee, s);
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

}  // namespace attributions_internal
}  // namespace factlens
