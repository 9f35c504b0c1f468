// Outlets: the medium or secondary source of a statement ("told NewsChina",
// "in an interview with the Korea Herald", "posted on X") and the sources of
// "according to X" (phases 2 and 3 of the stage).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"

namespace factlens {
namespace attributions_internal {

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

// Tokens that end a phrase scanned for an outlet.
bool PhraseEnd(const Ctx& c, int32_t p, int32_t i) {
  if (InQuote(c, p, i) || IsOpenMark(c, p, i) || IsCloseMark(c, p, i)) return true;
  if (IsWord(c, p, i)) {
    const std::u16string w = TokLower(c, p, i);
    return c.lex.phrase_ends.count(w) > 0 || c.lex.cues.count(w) > 0;
  }
  const std::u16string_view t = TokText(c, p, i);
  return t == u","sv || t == u"."sv || t == u";"sv || t == u":"sv || t == u"?"sv || t == u"!"sv ||
         t == u"("sv || t == u")"sv;
}

namespace {

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

}  // namespace

namespace {

// "In an interview with …, Lee said": an outlet before the anchor counts only
// in an interview phrase or as a platform.
std::optional<Span> OutletBefore(const Ctx& c, int32_t p, const Anchor& a, SentenceInfo si) {
  int32_t lim = a.speaker.tb >= 0 && !a.after ? a.speaker.tb : a.cue_b;
  auto o = FindOutlet(c, p, si.b, lim, nullptr, nullptr);
  if (!o) return std::nullopt;
  const std::u16string& t = c.doc.paragraphs[p].text;
  std::u16string_view pre(t);
  pre = pre.substr(Tok(c, p, si.b).begin, o->begin - Tok(c, p, si.b).begin);
  const std::u16string name = t.substr(o->begin, o->size());
  if (pre.find(u"nterview") != std::u16string_view::npos || c.lex.platforms.count(name)) return o;
  return std::nullopt;
}

}  // namespace

// Phase 2: the outlet of each anchor, named after it in the same sentence (or
// before it for a sentence-initial "In an interview with …").
void FindOutlets(const Ctx& c, int32_t p, std::vector<Anchor>* anchors) {
  for (Anchor& a : *anchors) {
    if (a.outlet || a.according) continue;
    const SentenceInfo si = SentenceOf(c, p, a);
    int32_t from = a.after ? a.speaker.te : a.cue_e - 1;
    if (from < a.cue_b) from = a.cue_b;
    a.outlet = FindOutlet(c, p, from, si.e, &a, nullptr);
    if (!a.outlet && si.b < a.cue_b) a.outlet = OutletBefore(c, p, a, si);
  }
}

namespace {

// Another anchor of the same sentence (within 8) with a speaker; with
// `impersonal`, an impersonal one ("it is believed") counts too.
bool OtherSpeakerInSentence(const std::vector<Anchor>& anchors, size_t k, bool impersonal) {
  for (size_t j = k > 8 ? k - 8 : 0; j < anchors.size() && j <= k + 8; ++j)
    if (j != k && anchors[j].sentence == anchors[k].sentence && !anchors[j].according &&
        (anchors[j].speaker.tb >= 0 || (impersonal && anchors[j].speaker.impersonal)))
      return true;
  return false;
}

// "according to South Korean customs data", "according to two officials
// familiar with the talks": a common noun phrase [start, last] as the source.
void CommonNpSource(const Ctx& c, int32_t p, int32_t start, int32_t last, Anchor* a) {
  a->speaker.tb = start;
  a->speaker.te = last + 1;
  a->speaker.span = TokSpan(c, p, start, last + 1);
  // The head comes before the first preposition.
  int32_t head_end = last;
  for (int32_t t = start; t <= last; ++t)
    if (t > start && c.lex.np_stops.count(TokLower(c, p, t))) {
      head_end = t - 1;
      break;
    }
  for (int32_t t = start; t <= head_end && !a->speaker.vague; ++t)
    a->speaker.vague = c.lex.vague.count(TokLower(c, p, t)) > 0;
  if (TokLowerIs(c, p, start, u"the") && last - start >= 2 &&
      c.lex.org_heads.count(TokLower(c, p, last))) {
    const Span ns = TokSpan(c, p, start + 1, last + 1);
    a->speaker.name = c.doc.paragraphs[p].text.substr(ns.begin, ns.size());
  }
  a->after = true;
  a->after_tok = last + 1;
}

// "according to The Korea Herald", "according to China’s Foreign Ministry":
// the name [ob, oe) as the source, and as the outlet when it is a medium.
void NamedSource(const Ctx& c, int32_t p, int32_t start, int32_t ob, int32_t oe, Anchor* a) {
  a->after = true;
  // include a leading "The" in the source's span
  int32_t sb0 = ob;
  if (sb0 > start && TokLowerIs(c, p, sb0 - 1, u"the") && IsCap(c, p, sb0 - 1)) --sb0;
  a->speaker.tb = ob;
  a->speaker.te = oe;
  a->speaker.span = TokSpan(c, p, ob, oe);
  ResolveNamed(c, p, &a->speaker);
  if (IsMediaName(c, p, ob, oe)) a->outlet = TokSpan(c, p, sb0, oe);
  a->after_tok = oe;
}

// The source of anchors[k], an "according to X".
void ResolveAccording(const Ctx& c, int32_t p, std::vector<Anchor>& anchors, size_t k) {
  Anchor& a = anchors[k];
  const SentenceInfo si = SentenceOf(c, p, a);
  int32_t start = a.cue_e;
  int32_t stop = start;
  // "according to a recent report by the Herald", "according to a police
  // report", "according to an audit report": a cue word after a determiner, an
  // adjective or a modifying noun is a noun of the phrase, not its end
  auto cue_noun = [&](int32_t t) {
    if (!(IsLowerWord(c, p, t) && c.lex.cues.count(TokLower(c, p, t)) && t - 1 >= start &&
          IsWord(c, p, t - 1)))
      return false;
    const std::u16string before = TokLower(c, p, t - 1);
    return IsDeterminer(c, before) || IsCueNounAdjective(c, before) || IsCap(c, p, t - 1) ||
           !(c.lex.np_stops.count(before) || c.lex.cues.count(before) || IsAdverb(c, before));
  };
  while (stop < si.e && stop - start < 10 &&
         !(stop > start && PhraseEnd(c, p, stop) && !cue_noun(stop)))
    ++stop;
  // The source phrase ends at its last word; a capitalised last word makes
  // it a name ("The Korea Herald", "China’s Foreign Ministry"), a lower-case
  // one a common noun phrase ("South Korean customs data", "analysts").
  int32_t last = stop - 1;
  while (last > start && !IsWord(c, p, last)) --last;
  if (last < start || !IsWord(c, p, last)) return;
  if (!IsCap(c, p, last)) {
    // "She said nothing more, according to an aide": a common noun phrase is no
    // outlet; at the sentence end it is the source of the whole clause
    if (!OtherSpeakerInSentence(anchors, k, false) || stop >= si.e - 1)
      CommonNpSource(c, p, start, last, &a);
    return;
  }
  int32_t ob, oe = -1;
  if (!OutletIn(c, p, start, last + 1, &ob, &oe) || oe != last + 1) return;
  // Another anchor's speaker: X is the outlet of that anchor (found in phase 2).
  if (OtherSpeakerInSentence(anchors, k, true)) return;
  NamedSource(c, p, start, ob, oe, &a);
}

}  // namespace

// Phase 3: "according to X" is an outlet when another anchor in the sentence
// has a speaker, else X is the source.
void ResolveAccordingTo(const Ctx& c, int32_t p, std::vector<Anchor>* anchors) {
  for (size_t k = 0; k < anchors->size(); ++k)
    if ((*anchors)[k].according) ResolveAccording(c, p, *anchors, k);
}

}  // namespace attributions_internal
}  // namespace factlens
