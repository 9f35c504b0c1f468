// Phase 1 of the attributions stage: anchors, each a cue (a speech or belief
// verb of cues.txt, "according to", "made (it) clear", a colon lead-in) with
// its speaker, before the cue ("Lee said"), in apposition ("Kim, who chairs
// the committee, said") or after it ("“…,” said Lee").
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"

namespace factlens {
namespace attributions_internal {
namespace {

// Skips adverbs/auxiliaries backward from i; returns the new index.
int32_t SkipAdverbsBack(const Ctx& c, int32_t p, int32_t i, int32_t floor) {
  int32_t n = 0;
  while (i >= floor && n < kMaxAdverbs && IsWord(c, p, i) && !InQuote(c, p, i)) {
    const std::u16string w = TokLower(c, p, i);
    // "President Amara Diallo on Monday vowed": a weekday adjunct.
    if (IsCap(c, p, i) && c.lex.weekdays.count(w) && TokLowerIs(c, p, i - 1, u"on") &&
        i - 1 >= floor) {
      i -= 2;
      ++n;
      continue;
    }
    // "who has in the past described", "have in recent weeks said"
    if ((w == u"past"sv || w == u"days"sv || w == u"weeks"sv || w == u"months"sv ||
         w == u"years"sv) &&
        i - 2 >= floor && TokLowerIs(c, p, i - 2, u"in") &&
        (TokLowerIs(c, p, i - 1, u"the") || TokLowerIs(c, p, i - 1, u"recent"))) {
      i -= 3;
      ++n;
      continue;
    }
    // "Harbor Bank just this month announced", "the mayor last week said"
    if ((w == u"week"sv || w == u"month"sv || w == u"year"sv) && i - 1 >= floor &&
        (TokLowerIs(c, p, i - 1, u"this") || TokLowerIs(c, p, i - 1, u"last") ||
         TokLowerIs(c, p, i - 1, u"earlier"))) {
      i -= 2;
      ++n;
      continue;
    }
    if (!c.lex.adverbs.count(w) && !(IsAdverb(c, w) && !IsCap(c, p, i))) break;  // "Early said"
    --i;
    ++n;
  }
  return i;
}

// A cue form that is a finite verb ("said", "warned"), not a noun that shares
// its spelling ("the report", "his comments"): finite_cues.txt or "-ed".
bool IsFiniteCue(const Ctx& c, const std::u16string& w) {
  if (!c.lex.cues.count(w)) return false;
  if (c.lex.finite_cues.count(w)) return true;
  return IsEdForm(w);
}

// "the mayor's much criticized budget", "a widely praised speech": a
// past participle after a determiner or a possessive (and "-ly" adverbs),
// before a lower-case noun, modifies the noun.
bool AdjectivalParticiple(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  if (i + 1 >= NumTokens(c, p) || !IsLowerWord(c, p, i + 1) ||
      c.lex.np_stops.count(TokLower(c, p, i + 1)))
    return false;
  int32_t k = i - 1;
  while (k > sb && IsLowerWord(c, p, k) && IsLyForm(TokLower(c, p, k))) --k;
  if (k < sb || !IsWord(c, p, k)) return false;
  const std::u16string d = TokLower(c, p, k);
  return IsDeterminer(c, d) || IsPossessive(d);
}

// A cue form that is a noun here: "his tweet", "the report", "a comment",
// "Editor’s note" (a determiner or a possessive just before; "-ing" forms are
// verbs, "-ed" forms too unless AdjectivalParticiple).
bool IsCueNoun(const Ctx& c, int32_t p, int32_t sb, int32_t i, const std::u16string& w) {
  if (IsEdForm(w)) return AdjectivalParticiple(c, p, sb, i);
  if (w == u"said"sv || w == u"told"sv || w == u"wrote"sv || IsIngForm(w)) return false;
  // "Safety worries have slowed …", "the claims are": a plural noun before a
  // plural verb (an "-s" verb form never stands there)
  if (w.size() > 3 && w.back() == u's' &&
      (TokLowerIs(c, p, i + 1, u"have") || TokLowerIs(c, p, i + 1, u"are") ||
       TokLowerIs(c, p, i + 1, u"were")))
    return true;
  // "the safety report has upset the board", "a 2019 audit report was": a
  // determiner phrase then an auxiliary ("which critics say is" is a verb)
  if (i > sb && i + 1 < NumTokens(c, p) && IsLowerWord(c, p, i + 1) &&
      c.lex.clause_verbs.count(TokLower(c, p, i + 1))) {
    bool det = false, relative = false;
    for (int32_t k = i - 1; k >= sb && i - k <= 6 && IsWord(c, p, k) && !InQuote(c, p, k); --k) {
      const std::u16string x = TokLower(c, p, k);
      relative = relative || x == u"which"sv || x == u"that"sv || x == u"what"sv || x == u"who"sv;
      det = det || (i - k <= 5 && IsDeterminer(c, x));
    }
    if (det && !relative) return true;
  }
  if (i - 1 < sb) return false;
  // "according to a police report", "according to an audit report": the object of
  // "according to" is a noun phrase
  for (int32_t t = i - 1; t - 1 >= sb && i - t <= 8 && IsWord(c, p, t) && !InQuote(c, p, t); --t)
    if (TokLowerIs(c, p, t, u"to") && TokLowerIs(c, p, t - 1, u"according")) return true;
  // "a controversial comment", "his latest tweet": adjectives after the determiner
  int32_t k = i - 1;
  while (k - 1 >= sb && i - k <= 2 && IsLowerWord(c, p, k) &&
         IsCueNounAdjective(c, TokLower(c, p, k)) &&
         !c.lex.vague.count(TokLower(c, p, k)) && !c.lex.speaker_nouns.count(TokLower(c, p, k)))
    --k;
  if (k < i - 1 && !IsDeterminer(c, TokLower(c, p, k))) k = i - 1;
  // "the report", "Editor’s note", "Lee's claim": a determiner or a possessive
  const std::u16string prev = TokLower(c, p, k);
  const bool possessive = prev.size() >= 2 && prev.back() == u's' &&
                          (prev[prev.size() - 2] == u'\u2019' || prev[prev.size() - 2] == u'\'');
  return IsDeterminer(c, prev) || possessive;
}

// The preposition `x` or `y` after the cue at i, past an adverb, "out" or a
// weekday ("spoke out Wednesday about", "called Friday for"); its index, or -1.
int32_t ParticleAfter(const Ctx& c, int32_t p, int32_t i, std::u16string_view x,
                      std::u16string_view y) {
  int32_t k = i + 1;
  while (k < NumTokens(c, p) && k - i <= 3 && !InQuote(c, p, k) &&
         ((IsLowerWord(c, p, k) && (IsAdverb(c, TokLower(c, p, k)) || TokLowerIs(c, p, k, u"out"))) ||
          (IsCap(c, p, k) && c.lex.weekdays.count(TokLower(c, p, k)))))
    ++k;
  return TokLowerIs(c, p, k, x) || TokLowerIs(c, p, k, y) ? k : -1;
}

// "30 people suspected of …", "a man believed to be …": a participle and the
// word after it listed in reduced_passives.txt ("to" then "be" or "have"),
// right after a lower-case noun (not a pronoun, an auxiliary, an adverb or a
// function word).
bool ReducedPassive(const Ctx& c, int32_t p, int32_t sb, int32_t i, const std::u16string& w) {
  if (i <= sb || i + 1 >= NumTokens(c, p) || !IsLowerWord(c, p, i - 1) || !IsWord(c, p, i + 1))
    return false;
  const std::u16string next = TokLower(c, p, i + 1);
  if (!c.lex.reduced_passives.count(w + u' ' + next)) return false;
  const std::u16string n = TokLower(c, p, i - 1);
  if (IsPronoun(n) || c.lex.finite_verbs.count(n) || c.lex.adverbs.count(n) ||
      c.lex.np_stops.count(n) || IsDeterminer(c, n) || IsBeForm(n))
    return false;
  return next != u"to"sv || TokLowerIs(c, p, i + 2, u"be") || TokLowerIs(c, p, i + 2, u"have");
}

// "Bridge Will Close in May, Mayor Lee Says": a capitalised say-verb that ends
// a one-sentence paragraph (a headline), after a comma and a short name.
bool HeadlineFinalCue(const Ctx& c, int32_t p, int32_t i, const std::u16string& w) {
  const int32_t n = NumTokens(c, p);
  if (!c.lex.finite_cues.count(w) || c.report->text.paragraphs[p].sentences.size() != 1 ||
      !(i + 1 == n || (i + 2 == n && TokIs(c, p, i + 1, u"."))))
    return false;
  for (int32_t k = i - 1; k >= 0 && i - k <= 6; --k) {
    if (IsComma(c, p, k)) return k + 1 < i && k > 0;
    if (!IsCap(c, p, k) || InQuote(c, p, k)) return false;
  }
  return false;
}

// The cue at token i (lower case `w`): "made (it) clear", or a form of
// cues.txt ("pointed out" takes "out" too). False when there is none; a
// capitalised cue is only a sentence-initial participle ("Noting …", "Asked
// whether …": QuestionParticiple).
bool ReadCue(const Ctx& c, int32_t p, int32_t sb, int32_t i, const std::u16string& w, Anchor* a) {
  if ((w == u"made"sv || w == u"make"sv || w == u"makes"sv || w == u"making"sv) &&
      (TokLowerIs(c, p, i + 1, u"clear") ||
       (TokLowerIs(c, p, i + 1, u"it") && TokLowerIs(c, p, i + 2, u"clear")))) {
    a->cue_e = TokLowerIs(c, p, i + 1, u"clear") ? i + 2 : i + 3;
    a->info.inv = false;
    a->info.bare = false;
    return true;
  }
  // "as Lee put it, “…”", "“…,” as she put it": what follows the group or the
  // quotation before it is the content
  if ((w == u"put"sv || w == u"puts"sv) && TokLowerIs(c, p, i + 1, u"it") && !IsCap(c, p, i)) {
    a->cue_e = i + 2;
    a->info = CueInfo();
    a->info.inv = true;
    a->info.strict = true;
    return true;
  }
  auto it = c.lex.cues.find(w);
  if (it == c.lex.cues.end()) return false;
  if (IsCap(c, p, i) && !(i == sb && (IsIngForm(w) || (it->second.ask && IsEdForm(w)))) &&
      !HeadlineFinalCue(c, p, i, w))
    return false;
  if (IsCueNoun(c, p, sb, i, w) || ReducedPassive(c, p, sb, i, w)) return false;
  a->info = it->second;
  // "spoke emotionally of X", "complained about X": X is the content ("spoke in
  // a barn that …" is no cue)
  // ("asked of the mayor" names whom, not what: a cue that asks takes "about" only)
  const int32_t about =
      a->info.about ? ParticleAfter(c, p, i, u"about", a->info.ask ? u"about" : u"of") : -1;
  if (about > i) {
    a->cue_e = about + 1;
    a->info.strict = false;
    a->info.inv = false;
    a->info.topic = true;
    a->info.thing = true;
    return true;
  }
  if (a->info.only_about) return false;
  if (TokLowerIs(c, p, i + 1, u"out")) a->cue_e = i + 2;  // "pointed out"
  // "pointed to the audit"; "did not respond to requests for comment", "responded
  // with attacks on X": the object of the preposition is the content
  const bool point = w.compare(0, 5, u"point") == 0 && TokLowerIs(c, p, i + 1, u"to");
  const bool respond = w.compare(0, 7, u"respond") == 0 &&
                       (TokLowerIs(c, p, i + 1, u"to") || TokLowerIs(c, p, i + 1, u"with"));
  if (point || respond) {
    a->cue_e = i + 2;
    a->info.strict = false;
    a->info.inv = false;
    a->info.topic = true;
    a->info.thing = true;
  }
  // "called for new talks", "called on Congress to act": what is asked for.
  const int32_t asked_for = a->info.naming ? ParticleAfter(c, p, i, u"for", u"on") : -1;
  if (asked_for > i) {  // "called Friday for …"
    a->cue_e = asked_for + 1;
    a->info.naming = false;
    a->info.bare = true;
    a->info.inv = false;
  }
  return true;
}

// A cue participle at i right after a noun of document_nouns.txt.
bool AfterDocument(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  return i - 2 >= sb && IsLowerWord(c, p, i - 1) &&
         c.lex.document_nouns.count(TokLower(c, p, i - 1));
}

// "released a statement saying …", "sent a letter urging …", "in a statement
// announcing …": a cue participle right after a noun of document_nouns.txt.
// True when a publishing verb (or "in") a few words before takes the document:
// the sentence's subject issued it; false otherwise ("quotes a leaked memo
// saying …", "flyers urging …": the author is not named).
bool DocumentParticiple(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  if (!AfterDocument(c, p, sb, i)) return false;
  for (int32_t k = i - 2; k >= sb && i - k <= 5; --k) {
    if (!IsWord(c, p, k) || InQuote(c, p, k)) return false;
    const std::u16string w = TokLower(c, p, k);
    if (c.lex.publishing_verbs.count(w) || w == u"in"sv) return true;
  }
  return false;
}

// Participles speak only in participial clauses: ", noting that …" or
// sentence-initial "Pledging …, Lee said …".
bool IsParticipleClause(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  return i == sb || IsComma(c, p, i - 1) || (IsCloseMark(c, p, i - 1) && IsComma(c, p, i - 2));
}

// "Ortiz is telling a farmers’ union that …": a progressive form is finite.
bool IsProgressive(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  const int32_t k = AuxiliaryBefore(c, p, sb, i);  // "is once again disputing"
  if (k < sb) return false;
  const std::u16string prev = TokLower(c, p, k);
  return prev == u"is"sv || prev == u"are"sv || prev == u"was"sv || prev == u"were"sv ||
         prev == u"been"sv;
}

// "with Lee reportedly yelling: “…”", "footage of Lee saying, “…”": an "-ing"
// cue whose subject follows "with" or "of" is finite for speaker finding (the
// name before it speaks).
bool WithSubject(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  const int32_t j = SkipAdverbsBack(c, p, i - 1, sb);
  if (j <= sb || !IsCap(c, p, j)) return false;
  const int32_t k = NameStartBack(c, p, j, sb);
  return k > sb && (TokLowerIs(c, p, k - 1, u"with") || TokLowerIs(c, p, k - 1, u"of"));
}

bool IsRaisingVerb(const std::u16string& w) {
  return w == u"appeared"sv || w == u"appears"sv || w == u"seemed"sv || w == u"seems"sv ||
         w == u"went"sv || w == u"tried"sv || w == u"sought"sv || w == u"began"sv ||
         w == u"hastened"sv || w == u"continued"sv || w == u"continues"sv ||
         w == u"continue"sv;
}

// The last token of the speaker before the cue at i: past adverbs and
// auxiliaries, and a short parenthesis ("Rep. Jane Doe (D-Calif.) said").
int32_t SpeakerEndBefore(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  int32_t j = SkipAdverbsBack(c, p, i - 1, sb);
  // "he appeared to suggest", "she seemed to concede": a raising verb and "to"
  if (j - 1 > sb && TokLowerIs(c, p, j, u"to") && IsRaisingVerb(TokLower(c, p, j - 1)))
    j = SkipAdverbsBack(c, p, j - 2, sb);
  if (j > sb && TokIs(c, p, j, u")")) {
    for (int32_t t = j - 1; t >= sb && j - t <= 8; --t) {
      if (TokIs(c, p, t, u"(")) return SkipAdverbsBack(c, p, t - 1, sb);
      if (InQuote(c, p, t)) break;
    }
  }
  return j;
}

// "it is widely believed that": an impersonal, vague source ("it" at j).
bool ImpersonalSpeaker(const Ctx& c, int32_t p, int32_t j, int32_t i, const std::u16string& w,
                       Anchor* a) {
  if (!(TokLowerIs(c, p, j, u"it") && j < i - 1 && !a->info.obj &&
        (w.size() > 2 && (w.compare(w.size() - 2, 2, u"ed") == 0 || w == u"said"sv ||
                          w == u"thought"sv || w == u"felt"sv))))
    return false;
  bool passive = false;
  for (int32_t k = j + 1; k < i; ++k)
    if (TokLowerIs(c, p, k, u"is") || TokLowerIs(c, p, k, u"was") || TokLowerIs(c, p, k, u"been"))
      passive = true;
  // "it is believed that …"; "it was labeled “Largely Accurate”" is no source
  if (!passive || !(TokLowerIs(c, p, i + 1, u"that") || TokLowerIs(c, p, i + 1, u"to")))
    return false;
  a->speaker.impersonal = true;
  a->speaker.vague = true;
  a->speaker.span = Span{p, Tok(c, p, j).begin, Tok(c, p, j).end};
  return true;
}

// "Adeyemi thanked her staff and promised to …", "Larsen declined to name
// them but said …": the subject of the sentence, when it is a name or a
// pronoun directly followed by a verb and no clause boundary comes between
// it and the cue (`j` is the "and"/"but").
// Two finite cues at v and i in the same tense ("said … and insisted",
// "says … and warns"): one subject reporting twice.
bool SameTenseCues(const Ctx& c, int32_t p, int32_t v, int32_t i) {
  if (v < 0 || !IsLowerWord(c, p, v) || !IsLowerWord(c, p, i)) return false;
  const std::u16string a = TokLower(c, p, v), b = TokLower(c, p, i);
  if (!IsFiniteCue(c, a) || !IsFiniteCue(c, b)) return false;
  auto past = [](const std::u16string& w) {
    return IsEdForm(w) || w == u"said"sv || w == u"told"sv || w == u"wrote"sv;
  };
  return past(a) == past(b);
}

// "Lee, who toured the depot and said …": a relative clause opened by
// ", who" before the conjunction at j (no comma, "that" or "which" between):
// its antecedent speaks.
bool CoordinatedRelative(const Ctx& c, int32_t p, int32_t sb, int32_t j, Anchor* a) {
  for (int32_t w = j - 1; w - 1 > sb && j - w <= 12; --w) {
    if (InQuote(c, p, w) || IsComma(c, p, w) || TokLowerIs(c, p, w, u"that") ||
        TokLowerIs(c, p, w, u"which"))
      return false;
    if (!TokLowerIs(c, p, w, u"who")) continue;
    Speaker sp;
    if (!IsComma(c, p, w - 1) || !SpeakerBack(c, p, w, sb, &sp) || sp.relative != w) return false;
    a->speaker = sp;
    return true;
  }
  return false;
}

bool CoordinatedSubject(const Ctx& c, int32_t p, int32_t sb, int32_t i, int32_t j, Anchor* a) {
  // a finite cue ("and said", "but has said"), not a noun ("federal and state law")
  const std::u16string cw = TokLower(c, p, i);
  if (!(IsFiniteCue(c, cw) || (cw.size() > 3 && cw.back() == u's') || i - j > 1)) return false;
  if (CoordinatedRelative(c, p, sb, j, a)) return true;
  Speaker sp;
  int32_t verb = -1;
  sb = SkipDateline(c, p, sb, j);  // "CITY (Wire) - Ortiz met … and said …"
  if (!SentenceSubject(c, p, sb, j, &sp, &verb)) {
    if (!OpeningSubjectPhrase(c, p, sb, j, &sp)) return false;
    verb = sp.te;  // "Local unions backed the plan and said …"
  }
  // ", but said": a comma before the conjunction closes a "that" clause
  const bool comma = j - 1 > sb && IsComma(c, p, j - 1);
  // "Ortiz has attacked …, and has urged …": the subject's own verb after
  // its auxiliaries may be a cue itself
  while (verb + 1 < j && IsLowerWord(c, p, verb) && IsAdverb(c, TokLower(c, p, verb)) &&
         IsLowerWord(c, p, verb + 1))
    ++verb;
  // "Ortiz said Monday that … and insisted that …": the subject's own verb is a
  // cue in the tense of the coordinated one, so the "that" clause is its report
  const bool cue_pair = SameTenseCues(c, p, verb, i);
  for (int32_t t = verb; t < j; ++t)
    if (TokIs(c, p, t, u";") ||
        (!comma && !cue_pair && !InQuote(c, p, t) && TokLowerIs(c, p, t, u"that")) ||
        TokLowerIs(c, p, t, u"who") || TokLowerIs(c, p, t, u"which") ||
        (t > verb && !InQuote(c, p, t) && IsFiniteCue(c, TokLower(c, p, t))))
      return false;
  a->speaker = sp;
  a->speaker.phrase_b = i;  // the group is the cue itself
  return true;
}

// "A report published on Wednesday found", "a study released Monday shows":
// the noun phrase before a past participle that modifies it (at j, past a
// weekday; "on Wednesday" is already skipped) speaks. Only a common noun phrase
// with a speaker noun or a determiner, so that "Lee was pleased and said" and
// "Ann Lee, who was stunned, said" stay with their own rules.
bool ReducedRelativeSubject(const Ctx& c, int32_t p, int32_t sb, int32_t j, Speaker* s) {
  if (j > sb && IsCap(c, p, j) && c.lex.weekdays.count(TokLower(c, p, j))) --j;
  if (j - 1 <= sb || !IsLowerWord(c, p, j) || InQuote(c, p, j)) return false;
  const std::u16string w = TokLower(c, p, j);
  if (w.size() <= 4 || !IsEdForm(w) || c.lex.cues.count(w)) return false;
  if (!IsLowerWord(c, p, j - 1) || c.lex.finite_verbs.count(TokLower(c, p, j - 1)) ||
      c.lex.adverbs.count(TokLower(c, p, j - 1)))
    return false;
  Speaker sp;
  if (!SpeakerBack(c, p, j - 1, sb, &sp) || sp.pronoun || sp.tb < 0) return false;
  *s = sp;
  return true;
}

// "files obtained by the Herald show": the agent of a participle is not the
// speaker; the noun before the participle is (unresolved: "emails").
void PassiveAgentHead(const Ctx& c, int32_t p, int32_t sb, Speaker* s) {
  int32_t by = s->tb - 1;  // "obtained by the Herald": past a determiner
  if (by > sb && IsDeterminer(c, TokLower(c, p, by))) --by;
  if (by - 2 < sb || !TokLowerIs(c, p, by, u"by")) return;
  auto past = [&](int32_t t) {
    const std::u16string v = TokLower(c, p, t);
    return IsLowerWord(c, p, t) && v.size() > 4 && IsEdForm(v) &&
           !c.lex.cues.count(v);
  };
  int32_t v = by - 1;  // "combed through by the Herald": one particle between
  if (!past(v) && v - 1 > sb && IsLowerWord(c, p, v) && past(v - 1)) --v;
  const int32_t h = v - 1;
  if (h < sb || !past(v) || !IsWord(c, p, h) || InQuote(c, p, h)) return;
  if (!IsLowerWord(c, p, h) && h != sb) return;  // "Emails obtained by …" opens the sentence
  const std::u16string n = TokLower(c, p, h);
  if (c.lex.np_stops.count(n) || c.lex.finite_verbs.count(n) || c.lex.adverbs.count(n)) return;
  *s = Speaker();
  s->tb = h;
  s->te = h + 1;
  s->span = TokSpan(c, p, h, h + 1);
  s->vague = c.lex.vague.count(n) > 0;
}

// "Lee was told that …", "Ruiz was asked when …": the subject of a
// passive addressee verb heard the words, it did not say them. The speaker is
// left unnamed (the agent of "was told by aides" is not read).
bool AddresseePassive(const Ctx& c, int32_t p, int32_t sb, int32_t i, Anchor* a) {
  if (!a->info.passive || IsIngForm(TokLower(c, p, i))) return false;  // "is telling" is active
  const int32_t k = AuxiliaryBefore(c, p, sb, i);
  if (k < sb || !IsBeForm(TokLower(c, p, k))) return false;
  a->speaker = Speaker();
  a->speaker.unnamed = true;
  return true;
}

bool IsClauseOpener(const std::u16string& w) {
  return w == u"and"sv || w == u"but"sv || w == u"when"sv || w == u"after"sv || w == u"as"sv ||
         w == u"because"sv || w == u"since"sv || w == u"although"sv || w == u"while"sv;
}

// Where the clause holding the verb group that starts at v begins: its subject
// after the sentence start, a fronted phrase and its comma ("After the flood, Lee
// was …"), ";" or a conjunction ("…, and two aides were …"); -1 inside
// a relative clause ("who was accused …") or a quotation. A comma right before
// v closes an apposition of the subject ("Ruiz, a chemist, has been …").
int32_t ClauseStartBack(const Ctx& c, int32_t p, int32_t sb, int32_t v) {
  int32_t b = sb;
  for (int32_t t = v - 1; t >= sb; --t) {
    if (InQuote(c, p, t)) return -1;
    const std::u16string w = TokLower(c, p, t);
    if (w == u"who"sv || w == u"whose"sv || w == u"which"sv || w == u"that"sv) return -1;
    if (TokIs(c, p, t, u";") || (IsComma(c, p, t) && t + 1 < v && b == sb)) b = t + 1;
  }
  if (b > sb && v - 1 > sb && IsComma(c, p, v - 1)) b = sb;  // an apposition before v
  while (b < v && IsClauseOpener(TokLower(c, p, b))) ++b;
  return b < v ? b : -1;
}

// "The mayor has been sharply criticized for …", "Ortiz was accused of …",
// "Berg has been called a fraud": the passive of a `passclause` cue reports the
// whole clause, subject included; the speaker is the "by" agent right after
// the participle, or unnamed.
bool PassiveClause(const Ctx& c, int32_t p, int32_t sb, int32_t se, int32_t i,
                   const std::u16string& w, Anchor* a) {
  if (!a->info.passclause || !IsEdForm(w) || IsCap(c, p, i)) return false;
  int32_t aux = i - 1;  // past adverbs: "was sharply criticized"
  while (aux > sb && i - aux <= 3 && IsLowerWord(c, p, aux) && !IsBeForm(TokLower(c, p, aux)) &&
         IsAdverb(c, TokLower(c, p, aux)))
    --aux;
  if (aux <= sb || !IsBeForm(TokLower(c, p, aux)) || TokLowerIs(c, p, aux, u"being")) return false;
  int32_t v = aux;  // the verb group: "has been", "have sometimes been"
  while (v - 1 > sb && IsLowerWord(c, p, v - 1) && IsAdverb(c, TokLower(c, p, v - 1))) --v;
  const int32_t b = ClauseStartBack(c, p, sb, v);
  if (b < 0) return false;
  // "was called to service", "was criticized." : a complement must follow
  int32_t k = a->cue_e;
  while (k < se && IsLowerWord(c, p, k) && IsLyForm(TokLower(c, p, k))) ++k;
  if (k >= se || !(IsWord(c, p, k) || IsOpenMark(c, p, k)) || TokLowerIs(c, p, k, u"to"))
    return false;
  // "was called a fraud", not "was called off" or "was called in"
  if (a->info.naming && !(IsOpenMark(c, p, k) || IsDeterminer(c, TokLower(c, p, k)))) return false;
  a->passive_clause = true;
  a->clause_b = b;
  a->speaker = Speaker();
  if (!(TokLowerIs(c, p, k, u"by") && SpeakerForward(c, p, k + 1, se, &a->speaker))) {
    a->speaker = Speaker();
    a->speaker.unnamed = true;
  }
  return true;
}

// The first token of the question after the participle at i ("whether …",
// "if …", "about the vote"), past adverbs, "on" + weekday and a "by" agent
// ([*agent_b, result) when there is one, else *agent_b = -1); -1 when no
// question follows.
int32_t QuestionStart(const Ctx& c, int32_t p, const Anchor& a, int32_t se, int32_t* agent_b) {
  *agent_b = -1;
  if (a.info.topic) return a.cue_e;  // "asked about": ReadCue took the particle in
  int32_t k = a.cue_e;
  while (k < se && k - a.cue_e < 3 && IsLowerWord(c, p, k) && IsAdverb(c, TokLower(c, p, k))) ++k;
  if (TokLowerIs(c, p, k, u"on") && k + 1 < se && c.lex.weekdays.count(TokLower(c, p, k + 1)))
    k += 2;
  if (TokLowerIs(c, p, k, u"by")) {
    *agent_b = ++k;
    while (k < se && k - *agent_b < 6 && IsWord(c, p, k) && !InQuote(c, p, k) &&
           !OpensWhClause(TokLower(c, p, k), true))
      ++k;
    if (k == *agent_b) return -1;
  }
  return k < se && IsLowerWord(c, p, k) && OpensWhClause(TokLower(c, p, k), true) ? k : -1;
}

// "Asked whether …, Lee said", "said when asked about the vote", ", asked by
// a reporter if …": the passive participle of a cue that asks, with no
// subject of its own. The one asked answers in the main clause; the asker is
// the "by" agent or unnamed. The question (or what it was about) is the content.
bool QuestionParticiple(const Ctx& c, int32_t p, int32_t sb, int32_t se, int32_t i,
                        const std::u16string& w, Anchor* a) {
  if (!(a->info.passive && a->info.wh && a->info.ask && IsEdForm(w))) return false;
  if (!(i == sb || IsComma(c, p, i - 1) || (i > sb && IsQuestionLead(TokLower(c, p, i - 1))) ||
        (i - 1 > sb && TokLowerIs(c, p, i - 1, u"being") && IsQuestionLead(TokLower(c, p, i - 2)))))
    return false;
  int32_t agent_b = -1;
  const int32_t q = QuestionStart(c, p, *a, se, &agent_b);
  if (q < 0) return false;
  a->question = true;
  a->after_tok = q;
  a->speaker = Speaker();
  if (agent_b < 0 || !SpeakerForward(c, p, agent_b, q, &a->speaker) || a->speaker.te != q) {
    a->speaker = Speaker();
    a->speaker.unnamed = true;
  } else {
    a->after = true;
  }
  return true;
}

// The speaker before the cue at i: an apposition, an impersonal "it", a
// speaker noun phrase, or the subject of a coordinated clause.
bool SpeakerBeforeCue(const Ctx& c, int32_t p, int32_t sb, int32_t i, const std::u16string& w,
                      Anchor* a) {
  const int32_t j = SpeakerEndBefore(c, p, sb, i);
  bool found = false;
  if (j >= sb && IsComma(c, p, j) && j > sb) {
    // "Ann Lee, 52, of Dayton, Ohio, said": a place is never the speaker
    found = SpeakerBeforeApposition(c, p, j, sb, &a->speaker);
    for (int n = 0; found && IsPlace(c, p, a->speaker) && n < 2; ++n) {
      const int32_t before = a->speaker.tb - 1;  // the place is part of the apposition
      found = before > sb && IsComma(c, p, before) &&
              SpeakerBeforeApposition(c, p, before, sb, &a->speaker);
    }
    if (found && IsPlace(c, p, a->speaker)) found = false;
    if (!found) a->speaker = Speaker();
  } else if (j >= sb) {
    found = ImpersonalSpeaker(c, p, j, i, w, a) || SpeakerBack(c, p, j, sb, &a->speaker) ||
            ReducedRelativeSubject(c, p, sb, j, &a->speaker);
    if (found && !a->speaker.pronoun) PassiveAgentHead(c, p, sb, &a->speaker);
  }
  if (!found && j > sb && (TokLowerIs(c, p, j, u"and") || TokLowerIs(c, p, j, u"but")))
    found = CoordinatedSubject(c, p, sb, i, j, a);
  return found;
}

// "Ortiz’s claim that …", "Lee's assertion that …": a noun of claim_nouns.txt
// after a capitalised possessive and before "that" is a cue; the name without
// its "’s" speaks and the "that" clause is the content.
bool PossessiveClaim(const Ctx& c, int32_t p, int32_t sb, int32_t i, const std::u16string& w,
                     Anchor* a) {
  if (i - 1 < sb || !TokLowerIs(c, p, i + 1, u"that") || !c.lex.claim_nouns.count(w)) return false;
  const int32_t j = i - 1;
  const std::u16string pw = TokLower(c, p, j);
  if (!IsCap(c, p, j) || InQuote(c, p, j) || pw.size() < 4 || pw.back() != u's' ||
      !(pw[pw.size() - 2] == u'\u2019' || pw[pw.size() - 2] == u'\''))
    return false;
  const int32_t k = std::max(NameStartBack(c, p, j, sb), sb);
  if (k < 0 || k > j) return false;
  a->info = CueInfo();
  a->info.strict = true;
  a->speaker.tb = k;
  a->speaker.te = j + 1;
  a->speaker.span = Span{p, Tok(c, p, k).begin, Tok(c, p, j).end - 2};
  ResolveNamed(c, p, &a->speaker);
  return true;
}

// The speaker after an `inv` cue that follows a comma or a closing quotation:
// "“…,” said Lee" / "…, said the minister".
bool SpeakerAfterCue(const Ctx& c, int32_t p, int32_t i, int32_t se, Anchor* a) {
  if (!(a->info.inv && i > 0 &&
        (IsComma(c, p, i - 1) ||
         (IsCloseMark(c, p, i - 1) && i - 2 >= 0 && PunctBeforeClose(c, p, i - 2)))))
    return false;
  if (a->info.obj || !SpeakerForward(c, p, i + 1, se, &a->speaker)) return false;
  a->after = true;
  return true;
}

bool IsApproximator(const std::u16string& w) {
  return w == u"about"sv || w == u"over"sv || w == u"under"sv || w == u"around"sv;
}

// The subject phrase before a say-verb no other rule named ("Several crew
// members said", "Experts on the region said", "a plumber who said", "It
// says"): the words back to a comma, a quotation mark or the sentence start,
// left unresolved (the attribution's confidence stays at most 0.3). None when
// the phrase holds a verb or starts a subordinate clause.
bool SubjectPhraseBeforeCue(const Ctx& c, int32_t p, int32_t sb, int32_t i, Anchor* a) {
  const bool say = c.lex.finite_cues.count(TokLower(c, p, i)) > 0;
  if (!(say || IsFiniteCue(c, TokLower(c, p, i))) || a->info.belief) return false;
  const int32_t j = SpeakerEndBefore(c, p, sb, i);
  // "it was labeled “Largely Accurate”": a passive names no speaker
  for (int32_t t = j + 1; !say && t < i; ++t)
    if (TokLowerIs(c, p, t, u"was") || TokLowerIs(c, p, t, u"were") || TokLowerIs(c, p, t, u"is") ||
        TokLowerIs(c, p, t, u"are") || TokLowerIs(c, p, t, u"been") || TokLowerIs(c, p, t, u"be"))
      return false;
  // "a plumber who said …": the relative pronoun, unresolved
  if (say && j > sb && TokLowerIs(c, p, j, u"who") && !InQuote(c, p, j)) {
    a->speaker.tb = j;
    a->speaker.te = j + 1;
    a->speaker.span = TokSpan(c, p, j, j + 1);
    return true;
  }
  int32_t k = j;
  while (k >= sb && j - k < kMaxCommonNpTokens + 2 && (IsWord(c, p, k) ||
         Tok(c, p, k).Has(kTokNumber) || Tok(c, p, k).Has(kTokApostrophe)) && !InQuote(c, p, k)) {
    const std::u16string w = TokLower(c, p, k);
    if (w == u"that"sv || w == u"but"sv || w == u"if"sv || w == u"because"sv ||
        IsCueWordAt(c, p, k, w) || c.lex.clause_verbs.count(w) ||
        (!say && (c.lex.finite_verbs.count(w) || w == u"despite"sv)))
      break;
    --k;
  }
  ++k;
  // "About 40 percent said", "over half said": an approximating preposition
  // before a number is part of the quantity
  while (k <= j && (c.lex.np_stops.count(TokLower(c, p, k)) && !TokLowerIs(c, p, k, u"who")) &&
         !(k < j && IsApproximator(TokLower(c, p, k)) &&
           (Tok(c, p, k + 1).Has(kTokNumber) || TokLowerIs(c, p, k + 1, u"half"))))
    ++k;
  // "…, while 58 percent said": a contrastive conjunction may open the phrase
  // "…, and rights groups warned that …": a second clause with its own subject
  const bool conj = k > sb && (TokLowerIs(c, p, k - 1, u"while") ||
                               TokLowerIs(c, p, k - 1, u"whereas") ||
                               ((TokLowerIs(c, p, k - 1, u"and") || TokLowerIs(c, p, k - 1, u"but")) &&
                                k - 2 > sb && IsComma(c, p, k - 2)));
  if (k > j || (k > sb && !conj && !(IsComma(c, p, k - 1) || IsCloseMark(c, p, k - 1) ||
                                     IsOpenMark(c, p, k - 1) || !IsWord(c, p, k - 1))))
    return false;
  if (TokLowerIs(c, p, j, u"it") && k < j) return false;
  // A noun phrase: no passive agent ("sponsored by …"), no dangling
  // conjunction or preposition at its end.
  if (c.lex.np_stops.count(TokLower(c, p, j))) return false;
  for (int32_t t = k; t <= j; ++t) {
    const std::u16string w = TokLower(c, p, t);
    if (w == u"by"sv) return false;
  }
  a->speaker.tb = k;
  a->speaker.te = j + 1;
  a->speaker.span = TokSpan(c, p, k, j + 1);
  a->speaker.vague = c.lex.vague.count(TokLower(c, p, j)) > 0;
  return true;
}

bool IsAppositionMark(const Ctx& c, int32_t p, int32_t t) {
  return IsComma(c, p, t) || TokIs(c, p, t, u"(") || TokIs(c, p, t, u"—") ||
         TokIs(c, p, t, u"–") || TokIs(c, p, t, u"-");
}

// "WASHINGTON --", "BEIJING (Reuters)": a dateline in capitals, no subject.
bool IsDateline(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  const std::u16string& t = c.doc.paragraphs[p].text;
  for (int32_t k = Tok(c, p, b).begin; k < Tok(c, p, e - 1).end; ++k)
    if (u_islower(t[k])) return false;
  return true;
}

// A sentence-opening subject whose apposition runs up to the cue: "Officials
// at the agency, a division of X, said", "Rep. Ann Lee (D-Ore.), chair of the
// panel, said", "Even China, the North's only ally, said", "Kall -- co-editor
// of a book -- said". The subject is the opening segment (after "but", "and" and
// adverbs) up to the first comma, bracket or dash; it must be a speaker phrase
// of its own (SpeakerBack reaching back to its first word).
bool SubjectBeforeApposition(const Ctx& c, int32_t p, int32_t sb, int32_t i, Anchor* a) {
  if (!IsFiniteCue(c, TokLower(c, p, i)) || a->info.belief) return false;
  const int32_t j = SkipAdverbsBack(c, p, i - 1, sb);
  if (j <= sb || i - sb > kMaxAppositionTokens ||
      !(IsAppositionMark(c, p, j) || TokIs(c, p, j, u")")))
    return false;
  int32_t s0 = sb;
  while (s0 < j && (TokLowerIs(c, p, s0, u"but") || TokLowerIs(c, p, s0, u"and") ||
                    c.lex.adverbs.count(TokLower(c, p, s0))))
    ++s0;
  int32_t m = s0;
  while (m < j && !IsAppositionMark(c, p, m)) {
    if (InQuote(c, p, m) || IsOpenMark(c, p, m)) return false;
    ++m;
  }
  if (m == s0 || m >= j || IsDateline(c, p, s0, m)) return false;
  for (int32_t t = m; t < j; ++t)
    if (InQuote(c, p, t) || IsOpenMark(c, p, t)) return false;
  Speaker sp;
  // A country opening the sentence speaks ("China, the North's only ally, said").
  if (!SpeakerBack(c, p, m - 1, s0, &sp) || sp.tb != s0 || sp.pronoun) return false;
  a->speaker = sp;
  return true;
}

// The speaker of a colon lead-in whose colon is token i: a name right before
// the colon after a dash, "from" or "by" ("… - Gallup:", "a memo from
// Lee:"), the phrase after a leading "From" ("From the audit:"), or the name
// that opens the sentence ("Lee put it bluntly:"). Never an addressee ("a
// message for Congress:").
bool ColonSpeaker(const Ctx& c, int32_t p, int32_t sb, int32_t i, Speaker* s) {
  Speaker sp;
  if (IsCap(c, p, i - 1) && SpeakerBack(c, p, i - 1, sb, &sp) && sp.tb > sb && !sp.pronoun &&
      !sp.vague && !IsPlace(c, p, sp)) {
    const int32_t b = sp.tb - 1;
    if (TokIs(c, p, b, u"-") || TokIs(c, p, b, u"–") || TokIs(c, p, b, u"—") ||
        TokLowerIs(c, p, b, u"from") || TokLowerIs(c, p, b, u"by")) {
      *s = sp;
      return true;
    }
  }
  if (TokLowerIs(c, p, sb, u"from") && SpeakerBack(c, p, i - 1, sb + 1, &sp) && sp.tb == sb + 1 &&
      !sp.pronoun) {
    *s = sp;
    return true;
  }
  int32_t verb = -1;  // "The Herald columnist Ann Lee went so far as to say:"
  if (SentenceSubject(c, p, sb, i, &sp, &verb) && !sp.vague && !sp.pronoun) {
    *s = sp;
    return true;
  }
  int32_t k = sb;
  while (k < i && IsCap(c, p, k)) ++k;
  if (k == sb || c.lex.prepositions.count(TokLower(c, p, sb))) return false;
  return SpeakerBack(c, p, k - 1, sb, s) && !s->vague;
}

// Colon lead-in: "Lee put it bluntly: “…”" — a statement quotation right
// after a colon, in a sentence that has no cue (ColonSpeaker names the speaker).
void ColonLeadIn(const Ctx& c, int32_t p, int32_t sentence, int32_t sb, int32_t se,
                 std::vector<Anchor>* out) {
  for (int32_t i = sb + 1; i + 1 < se; ++i) {
    if (!TokIs(c, p, i, u":") || InQuote(c, p, i) || !IsOpenMark(c, p, i + 1)) continue;
    int32_t ri = c.quotes.of_tok[p][std::min(i + 2, NumTokens(c, p) - 1)];
    if (ri < 0 || c.quotes.regions[ri].words < 4) return;
    Anchor a;
    a.p = p;
    a.sentence = sentence;
    a.cue_b = i;
    a.cue_e = i + 1;
    a.colon = true;
    if (ColonSpeaker(c, p, sb, i, &a.speaker)) out->push_back(a);
    return;
  }
}

// "The Herald quoted Ana Ruiz as saying …", "Ruiz was quoted (by the Herald)
// as saying …": after "quoted", "as saying" is the cue (i is "saying"); the
// person quoted speaks: the object of an active "quoted", the subject of a
// passive one. Whoever quoted them is the outlet when it is a media name
// (the subject of an active "quoted", the agent after "quoted by").
bool QuotedAsSaying(const Ctx& c, int32_t p, int32_t sb, int32_t i, Anchor* a) {
  if (i - 2 < sb || !TokLowerIs(c, p, i - 1, u"as")) return false;
  int32_t q = i - 2;
  while (q > sb && i - q <= 10 && !TokLowerIs(c, p, q, u"quoted") && IsWord(c, p, q) &&
         !InQuote(c, p, q))
    --q;
  if (!TokLowerIs(c, p, q, u"quoted") || InQuote(c, p, q)) return false;
  a->cue_b = i - 1;
  a->cue_e = i + 1;
  a->participle = false;
  if (q > sb && IsBeForm(TokLower(c, p, q - 1))) {  // "Ruiz was quoted …"
    const int32_t j = SpeakerEndBefore(c, p, sb, q);
    if (j < sb || !SpeakerBack(c, p, j, sb, &a->speaker)) return false;
    if (TokLowerIs(c, p, q + 1, u"by") && q + 2 < i - 1 && IsMediaName(c, p, q + 2, i - 1))
      a->outlet = TokSpan(c, p, q + 2, i - 1);
    return true;
  }
  if (!(q + 1 < i - 1 && !TokLowerIs(c, p, q + 1, u"by") &&
        SpeakerBack(c, p, i - 2, q + 1, &a->speaker)))
    return false;
  Speaker source;
  if (q > sb && SpeakerBack(c, p, q - 1, sb, &source) && source.tb >= 0 &&
      IsMediaName(c, p, source.tb, source.te))
    a->outlet = source.span;
  return true;
}

// The anchors of sentence [sb, se) of paragraph p.
void SentenceAnchors(const Ctx& c, int32_t p, int32_t sentence, int32_t sb, int32_t se,
                     std::vector<Anchor>* out) {
  const size_t first = out->size();
  for (int32_t i = sb; i < se; ++i) {
    if (InQuote(c, p, i) || !IsWord(c, p, i) || !c.lex.MayBeAnchor(TokText(c, p, i))) continue;
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
    if (PossessiveClaim(c, p, sb, i, w, &a)) {
      out->push_back(a);
      continue;
    }
    if (!ReadCue(c, p, sb, i, w, &a)) continue;
    if (QuestionParticiple(c, p, sb, se, i, w, &a)) {
      out->push_back(a);
      continue;
    }
    // "Asked" that opens no question
    if (IsCap(c, p, i) && !IsIngForm(w) && !HeadlineFinalCue(c, p, i, w)) continue;
    if (w == u"saying"sv && QuotedAsSaying(c, p, sb, i, &a)) {
      out->push_back(a);
      continue;
    }
    if (IsIngForm(w) && !IsProgressive(c, p, sb, i) && !WithSubject(c, p, sb, i)) {
      // "by saying", "before asking her, “…”", "after noting that …", "a
      // statement saying …"
      a.participle = IsParticipleClause(c, p, sb, i) || TokLowerIs(c, p, i - 1, u"by") ||
                     TokLowerIs(c, p, i - 1, u"before") || TokLowerIs(c, p, i - 1, u"after") ||
                     TokLowerIs(c, p, i - 1, u"while") || DocumentParticiple(c, p, sb, i);
      if (!a.participle && AfterDocument(c, p, sb, i)) {
        a.participle = true;  // "quotes a memo saying …": the memo's author, unnamed
        a.speaker.unnamed = true;
      }
      if (a.participle) out->push_back(a);
      continue;
    }
    if (PassiveClause(c, p, sb, se, i, w, &a)) {
      out->push_back(a);
      continue;
    }
    if (AddresseePassive(c, p, sb, i, &a) || SpeakerBeforeCue(c, p, sb, i, w, &a) ||
        SpeakerAfterCue(c, p, i, se, &a) ||
        SubjectPhraseBeforeCue(c, p, sb, i, &a) || SubjectBeforeApposition(c, p, sb, i, &a))
      out->push_back(a);
  }
  if (out->size() == first) ColonLeadIn(c, p, sentence, sb, se, out);
  // "Officials were told that …, Lee said": an unnamed passive report stands
  // only alone; beside a named report it is part of what was reported.
  if (out->size() > first + 1)
    out->erase(std::remove_if(out->begin() + first, out->end(),
                              [](const Anchor& a) { return a.speaker.unnamed && !a.question; }),
               out->end());
}

// The anchor of a label at the head of paragraph p: speaker tokens [sb, cue), the cue
// (a colon or a "Says") the one token at `cue`; the rest of the paragraph is what was said.
Anchor LabelAnchor(const Ctx& c, int32_t p, int32_t sb, int32_t cue, bool colon) {
  Anchor a;
  a.p = p;
  a.sentence = 0;
  a.cue_b = cue;
  a.cue_e = cue + 1;
  a.colon = colon;
  a.label = true;
  a.resolved = true;
  a.speaker.tb = sb;
  a.speaker.te = cue;
  a.speaker.span = TokSpan(c, p, sb, cue);
  return a;
}

// A transcript's speaker label opening the paragraph: one to three words in
// capitals and a colon ("MORALES: …", "MS. HALE: …"), or a capitalised name
// opening a headline ("Ortiz: Council Must …"); the rest of the paragraph is
// what the speaker said.
void TranscriptLabel(const Ctx& c, int32_t p, std::vector<Anchor>* out) {
  const int32_t n = NumTokens(c, p);
  // a transcript quoted paragraph by paragraph: "“MORALES: …"
  const int32_t s0 = n > 0 && IsOpenQuoteChar(c.doc.paragraphs[p].text[Tok(c, p, 0).begin]) &&
                             Tok(c, p, 0).end - Tok(c, p, 0).begin == 1
                         ? 1
                         : 0;
  // A one-sentence paragraph is a headline: "Ortiz: Board Won’t Meet on Friday."
  // takes a capitalised name; a transcript needs capitals ("MORALES:").
  const bool headline = c.report->text.paragraphs[p].sentences.size() == 1;
  int32_t k = s0;
  while (k < n && k < s0 + 4 && (IsWord(c, p, k) || TokIs(c, p, k, u"."))) {
    if (IsWord(c, p, k)) {
      const std::u16string_view w = TokText(c, p, k);
      if (headline && IsCap(c, p, k) && !IsNonName(c, TokLower(c, p, k))) {
        ++k;
        continue;
      }
      for (char16_t ch : w)
        if (!u_isupper(ch)) return;
    }
    ++k;
  }
  if (k == s0 || k + 1 >= n || !TokIs(c, p, k, u":") || !IsWord(c, p, s0) ||
      TokText(c, p, s0).size() < 2 || c.lex.page_labels.count(TokLower(c, p, s0)))
    return;
  out->push_back(LabelAnchor(c, p, s0, k, /*colon=*/true));
}

// A headline "Ortiz Says Bridge Will Open …": a one-sentence paragraph, one
// to four capitalised words, a capitalised "Says"/"Say"/"Said", and a
// capitalised rest; the rest of the paragraph is what was said.
void HeadlineSays(const Ctx& c, int32_t p, std::vector<Anchor>* out) {
  const int32_t n = NumTokens(c, p);
  if (c.report->text.paragraphs[p].sentences.size() != 1) return;
  int32_t k = 0;
  while (k < n && k < 5 && IsWord(c, p, k) && IsCap(c, p, k) && !InQuote(c, p, k) &&
         !c.lex.finite_cues.count(TokLower(c, p, k)))
    ++k;
  if (k == 0 || k >= 5 || k + 2 >= n || !IsCap(c, p, k) ||
      !c.lex.finite_cues.count(TokLower(c, p, k)) || TokLowerIs(c, p, k, u"told") ||
      TokLowerIs(c, p, k, u"tells") || !(IsCap(c, p, k + 1) || IsOpenMark(c, p, k + 1)) ||
      IsNonName(c, TokLower(c, p, 0)))
    return;
  out->push_back(LabelAnchor(c, p, 0, k, /*colon=*/false));
}

}  // namespace

// Phase 1: the anchors of every sentence of paragraph p, in order.
void FindAnchors(const Ctx& c, int32_t p, std::vector<Anchor>* out) {
  const ParagraphText& pt = c.report->text.paragraphs[p];
  TranscriptLabel(c, p, out);
  if (out->empty()) HeadlineSays(c, p, out);
  if (!out->empty()) return;
  for (int32_t s = 0; s < static_cast<int32_t>(pt.sentences.size()); ++s)
    SentenceAnchors(c, p, s, pt.sentences[s].first_token, pt.sentences[s].end_token, out);
}

}  // namespace attributions_internal
}  // namespace factlens
