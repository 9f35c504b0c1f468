// Phase 4 of the attributions stage: what each anchor reports. The content is
// a quotation or clause before the speaker and cue ("“…,” Lee said"; "Prices
// rose, she said"), or after them ("Lee said: “…”"; "Lee said the talks
// failed"; "… noting that …"), or the clause around an "according to X".
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

// After a parenthetical cue (", she said,"), the interrupted clause resumes
// with a verb phrase; ", ending …" or ", which …" start a new modifier instead.
bool ResumesClause(const Ctx& c, int32_t p, int32_t i) {
  if (!IsLowerWord(c, p, i)) return false;
  const std::u16string w = TokLower(c, p, i);
  return !IsIngForm(w) && !c.lex.clause_openers.count(w) && !c.lex.np_stops.count(w) &&
         !c.lex.cues.count(w);
}

// The first token of a dash that ends right before token t, or -1.
int32_t DashBefore(const Ctx& c, int32_t p, int32_t t) {
  if (t >= 1 && DashEnd(c, p, t - 1) == t) return t - 1;
  if (t >= 2 && DashEnd(c, p, t - 2) == t) return t - 2;
  return -1;
}

// "… and (has) called …", "…, but said …": a second report by the same
// subject starts at the "and"/"but" at t (a cue word after it, perhaps after an
// auxiliary or "also"; not a participle).
bool CoordinatedReportAt(const Ctx& c, int32_t p, int32_t t, int32_t end) {
  if (!(TokLowerIs(c, p, t, u"and") || TokLowerIs(c, p, t, u"but"))) return false;
  int32_t v = t + 1;
  while (v < end && v - t <= 2 &&
         (TokLowerIs(c, p, v, u"has") || TokLowerIs(c, p, v, u"have") ||
          TokLowerIs(c, p, v, u"had") || TokLowerIs(c, p, v, u"also") ||
          TokLowerIs(c, p, v, u"later")))
    ++v;
  if (v >= end || !IsLowerWord(c, p, v) || InQuote(c, p, v)) return false;
  const std::u16string w = TokLower(c, p, v);
  const auto it = c.lex.cues.find(w);
  // a finite form ("and said", "and has called"), not a noun or a bare form
  // ("federal and state law", "and report cards")
  const bool finite = c.lex.finite_cues.count(w) ||
                      IsEdForm(w) ||
                      (w.size() > 3 && w.back() == u's') || v > t + 1;
  return it != c.lex.cues.end() && !IsIngForm(w) && !it->second.belief && finite;
}

// ", though she acknowledged …", ", although officials said …": a report of
// its own after a concessive conjunction at t (a cue within four words).
bool ConcessiveReportAt(const Ctx& c, int32_t p, int32_t t, int32_t end) {
  if (!(TokLowerIs(c, p, t, u"though") || TokLowerIs(c, p, t, u"although"))) return false;
  for (int32_t v = t + 2; v < end && v - t <= 4; ++v) {
    if (!IsLowerWord(c, p, v) || InQuote(c, p, v)) continue;
    const auto it = c.lex.cues.find(TokLower(c, p, v));
    if (it != c.lex.cues.end()) return !it->second.belief && !IsIngForm(TokLower(c, p, v));
  }
  return false;
}

// ", which …" after a verb phrase ("expects the bill to pass, which surprised
// nobody") is the writer's comment on the whole clause; after a noun ("a task
// force, which would include …") it is part of what was reported. The comma
// at t: the word before it is a verb form ("to pass", "-ed", finite_verbs.txt)
// or an adverb.
bool CommentWhichAt(const Ctx& c, int32_t p, int32_t t) {
  if (!TokLowerIs(c, p, t + 1, u"which") || t < 1 || !IsLowerWord(c, p, t - 1)) return false;
  const std::u16string w = TokLower(c, p, t - 1);
  return (t >= 2 && TokLowerIs(c, p, t - 2, u"to")) || IsEdForm(w) || IsAdverb(c, w) ||
         c.lex.finite_verbs.count(w);
}

bool MainClauseAfterComma(const Ctx& c, int32_t p, int32_t t, int32_t end);  // below (4b)

// ", who chairs the board, has stayed …": a clause between commas at t that
// the main clause's verb follows, or the cue's own predicate ("accused Kim,
// who …, of lying").
bool MedialClauseAt(const Ctx& c, int32_t p, int32_t t, int32_t end) {
  for (int32_t k = t + 2; k + 1 < end; ++k) {
    if (InQuote(c, p, k) || !IsComma(c, p, k)) continue;
    // past adverbs, but an auxiliary that is an adverb too ("will") is the verb
    for (int32_t v = k + 1; v < end && v - k <= 3 && IsLowerWord(c, p, v); ++v) {
      const std::u16string w = TokLower(c, p, v);
      if (c.lex.finite_verbs.count(w) || c.lex.clause_verbs.count(w) || IsEdForm(w) ||
          c.lex.finite_cues.count(w) || w == u"of"sv || w == u"as"sv || w == u"for"sv)
        return true;
      if (!IsAdverb(c, w)) return false;
    }
    return false;
  }
  return false;
}

// The writer's own clause after the comma at t, which the report does not
// run into: ", while 41 doctors opposed …", ", who built …" after a name,
// ", but the council refused …", ", compared with …", an apposition ", a
// reference to …" after a common noun (not after a name: ", a unit of …");
// not a clause between commas before the main verb.
bool WritersClauseAt(const Ctx& c, int32_t p, int32_t t, int32_t end) {
  if (t + 1 >= end || !IsLowerWord(c, p, t + 1)) return false;
  const std::u16string n = TokLower(c, p, t + 1);
  const bool writers =
      n == u"while"sv || n == u"whereas"sv || n == u"compared"sv ||
      (n == u"who"sv && t > 0 && IsCap(c, p, t - 1)) ||
      ((n == u"but"sv || n == u"and"sv) && MainClauseAfterComma(c, p, t, end)) ||
      ((n == u"a"sv || n == u"an"sv) && !IsCap(c, p, t - 1) && !Tok(c, p, t - 1).Has(kTokNumber));
  return writers && !MedialClauseAt(c, p, t, end);  // the forward scan only for a candidate
}

// The first token of a question anchor's group: its participle with the
// subordinator and "being" before it ("when being asked"), not before `floor`.
int32_t QuestionGroupStart(const Ctx& c, int32_t p, const Anchor& a, int32_t floor) {
  int32_t q = a.cue_b;
  while (q - 1 > floor && IsLowerWord(c, p, q - 1) &&
         (IsQuestionLead(TokLower(c, p, q - 1)) || TokLowerIs(c, p, q - 1, u"being")))
    --q;
  return q;
}

// The reported clause stops at a semicolon, before ", which …" (the writer's
// comment on it, CommentWhichAt), before the writer's own clause
// (WritersClauseAt) and before a coordinated report, outside quotations.
int32_t CutAtClauseEnd(const Ctx& c, int32_t p, int32_t from, int32_t end) {
  for (int32_t t = from + 1; t < end; ++t) {
    if (InQuote(c, p, t)) continue;
    if (TokIs(c, p, t, u";") || (IsComma(c, p, t) && CommentWhichAt(c, p, t))) return t;
    if (CoordinatedReportAt(c, p, t, NumTokens(c, p))) return IsComma(c, p, t - 1) ? t - 1 : t;
    if (IsComma(c, p, t) && ConcessiveReportAt(c, p, t + 1, end)) return t;
    if (IsComma(c, p, t) && WritersClauseAt(c, p, t, end)) return t;
  }
  return end;
}

// "Ortiz, who said the port was safe, left early": a report in a relative
// clause after a comma ends at the comma before the main clause's verb (a
// lower-case "-ed" form or a word of finite_verbs.txt).
int32_t EndOfRelativeReport(const Ctx& c, int32_t p, const Anchor& a, int32_t from, int32_t end) {
  int32_t w = a.cue_b - 1;
  while (w > 0 && a.cue_b - w <= kMaxAdverbs && c.lex.adverbs.count(TokLower(c, p, w))) --w;
  // "Lee, who toured the depot and said …": the same relative clause
  if (a.speaker.relative >= 0 && a.speaker.relative < w) w = a.speaker.relative;
  if (!(w > 0 && TokLowerIs(c, p, w, u"who") && IsComma(c, p, w - 1))) return end;
  for (int32_t t = from + 1; t + 1 < end; ++t) {
    if (InQuote(c, p, t) || !IsComma(c, p, t)) continue;
    int32_t v = t + 1;  // ", quietly closed …"
    while (v + 1 < end && IsLowerWord(c, p, v) && IsLyForm(TokLower(c, p, v))) ++v;
    if (!IsLowerWord(c, p, v)) continue;
    const std::u16string verb = TokLower(c, p, v);
    if (c.lex.finite_verbs.count(verb) || IsEdForm(verb)) return t;
  }
  return end;
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
    if (o.question) {  // "… the plan would work, (when) asked about …": not part of it
      int32_t q = QuestionGroupStart(c, p, o, from);
      if (q - 1 > from && IsComma(c, p, q - 1)) --q;
      end = std::min(end, q);
      continue;
    }
    if (IsCloseMark(c, p, b)) --b;
    // ("said the firm sent a letter saying …" keeps the letter in the report)
    const bool of_document = IsLowerWord(c, p, b) && c.lex.document_nouns.count(TokLower(c, p, b));
    if (IsComma(c, p, b) || (o.participle && !of_document)) {
      // "… by hinting that X and by mocking …": not the "and" either
      const bool conj =
          b - 1 > from && (TokLowerIs(c, p, b - 1, u"and") || TokLowerIs(c, p, b - 1, u"or"));
      end = std::min(end, conj && !IsComma(c, p, b) ? b - 1 : b);
    }
    // "… and Democrats accused …", "… — and he noted …", ", while 31 percent
    // said …": a coordinated or contrasted report
    if (TokLowerIs(c, p, b, u"and") || TokLowerIs(c, p, b, u"but") ||
        ((TokLowerIs(c, p, b, u"while") || TokLowerIs(c, p, b, u"whereas")) && o.speaker.tb >= 0 &&
         !o.after)) {
      while (b - 1 > from && (IsComma(c, p, b - 1) || TokIs(c, p, b - 1, u"—"))) --b;
      end = std::min(end, b);
    }
  }
  end = EndOfRelativeReport(c, p, anchors[self], from, end);
  end = CutAtClauseEnd(c, p, from, end);
  // a quotation running past the sentence end
  if (end > 0 && end <= NumTokens(c, p)) {
    int32_t last = end - 1;
    if (last >= 0 && last < NumTokens(c, p)) {
      int32_t ri = c.quotes.of_tok[p][last];
      if (ri >= 0 && c.quotes.regions[ri].end_tok > end) end = c.quotes.regions[ri].end_tok;
      if (ri >= 0 && c.quotes.regions[ri].close_tok >= 0 &&
          c.quotes.regions[ri].close_tok + 1 > end &&
          c.quotes.regions[ri].close_tok < NumTokens(c, p))
        end = c.quotes.regions[ri].close_tok + 1;
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

// The person a cue addresses right after it ("told Ortiz", "asked Lee"), or -1.
int32_t AddresseeEntity(const Ctx& c, int32_t p, const Anchor& a) {
  if (!(a.info.obj || a.info.ask) || a.after || a.cue_e >= NumTokens(c, p)) return -1;
  const int32_t m = MentionAt(c, p, a.cue_e);
  if (m < 0 || c.report->entities[m].type != EntityType::kPerson) return -1;
  return c.report->entities[m].entity;
}

}  // namespace

void ResolveOnce(Ctx& c, int32_t p, Anchor* a) {
  if (a->resolved) return;
  a->resolved = true;
  if (a->speaker.pronoun)
    ResolvePronoun(c, c.report->attributions, p, &a->speaker, AddresseeEntity(c, p, *a));
  else if (a->speaker.tb >= 0)
    ResolveSurnameFromSpeakers(c.report->attributions, &a->speaker);
}

namespace {

// "Pledging …, Lee said": the anchor of the main clause after the participle
// anchors[k], or anchors.size().
size_t MainClauseAfter(const Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k) {
  for (size_t j = k + 1; j < anchors.size() && j <= k + 8; ++j) {
    const Anchor& o = anchors[j];
    if (o.sentence != anchors[k].sentence) break;
    if (!o.participle && !o.according && o.speaker.tb >= 0 &&
        (IsComma(c, p, o.speaker.tb - 1) ||
         (IsCloseMark(c, p, o.speaker.tb - 1) && IsComma(c, p, o.speaker.tb - 2))))
      return j;
  }
  return anchors.size();
}

// A participle takes the speaker of the clause it hangs on: an earlier anchor
// of the sentence ("…, Lee said, noting"), the sentence subject ("Lee
// reiterated …, saying") or the main clause after it ("Pledging …, Lee said").
void InheritParticipleSpeaker(Ctx& c, int32_t p, std::vector<Anchor>& anchors, size_t k,
                              SentenceInfo si) {
  Anchor& a = anchors[k];
  if (a.speaker.unnamed) return;  // "a memo saying …": the memo's author
  for (size_t j = k; j-- > 0 && k - j <= 8;) {
    // not a relative clause's "who": the participle hangs on the main clause
    if (anchors[j].sentence == a.sentence && anchors[j].emitted && !anchors[j].according &&
        anchors[j].speaker.tb >= 0 &&
        !(anchors[j].speaker.te == anchors[j].speaker.tb + 1 &&
          TokLowerIs(c, p, anchors[j].speaker.tb, u"who"))) {
      a.speaker = anchors[j].speaker;
      a.outlet = anchors[j].outlet;
      break;
    }
  }
  if (a.speaker.tb < 0 && a.cue_b > si.b) {
    Speaker sp;
    int32_t verb = -1;
    if (SentenceSubject(c, p, si.b, a.cue_b, &sp, &verb)) {
      if (sp.pronoun)
        ResolvePronoun(c, c.report->attributions, p, &sp);
      else
        ResolveSurnameFromSpeakers(c.report->attributions, &sp);
      a.speaker = sp;
    } else if (OpeningSubjectPhrase(c, p, si.b, a.cue_b, &sp)) {
      a.speaker = sp;  // "Local unions backed the plan, saying …"
    }
  }
  if (a.speaker.tb < 0 && a.cue_b == si.b) {
    const size_t j = MainClauseAfter(c, p, anchors, k);
    if (j < anchors.size()) {
      ResolveOnce(c, p, &anchors[j]);
      a.speaker = anchors[j].speaker;
    }
  }
}

double AnchorConfidence(const Anchor& a) {
  double conf = 0.9;
  if (a.speaker.pronoun) conf = 0.8;
  if (a.speaker.unnamed) conf = 0.6;
  if (a.participle) conf = 0.75;
  if (a.colon) conf = 0.6;
  if (a.info.belief || a.info.evidence) conf -= 0.1;
  return conf;
}

// "According to X, CLAUSE." / "CLAUSE, according to X." / "CLAUSE — or
// worse — according to X." / "The plan, according to officials, would …"
// (the whole sentence).
void EmitAccording(Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k,
                   SentenceInfo si) {
  const Anchor& a = anchors[k];
  const int32_t dash = DashBefore(c, p, a.cue_b);
  const int32_t after = a.after_tok >= 0 ? a.after_tok : a.speaker.te;
  // "But, according to the survey, most farmers …": a lead of conjunctions and
  // adverbs only is no clause of its own
  bool lead_only = true;
  for (int32_t t = si.b; t < a.cue_b && lead_only; ++t)
    lead_only = !IsWord(c, p, t) ||
                (IsAdverb(c, TokLower(c, p, t)) || c.lex.clause_openers.count(TokLower(c, p, t)));
  // "… 12 seats according to a tally by the Herald.": no comma, nothing after
  // ("… safe according to its own design rules" measures by a standard)
  const std::u16string det = a.cue_e < si.e ? TokLower(c, p, a.cue_e) : u"";
  const bool possessed = det == u"his"sv || det == u"her"sv || det == u"their"sv ||
                         det == u"its"sv || det == u"our"sv || det == u"my"sv || det == u"your"sv;
  const bool at_end =
      after >= si.e - 1 && !IsComma(c, p, a.cue_b - 1) && a.cue_b - si.b >= 4 && !possessed;
  if (!at_end && (lead_only || (a.cue_b > si.b && !IsComma(c, p, a.cue_b - 1) && dash <= si.b))) {
    int32_t from = after;
    if (IsComma(c, p, from)) ++from;
    int32_t end = ContentEndTok(c, p, from, si.e, anchors, k);
    if (from < end) Emit(c, a, Span{p, Tok(c, p, from).begin, Tok(c, p, end - 1).end}, false, 0.7);
    return;
  }
  int32_t end = dash > si.b ? dash : at_end ? a.cue_b : a.cue_b - 1;  // the comma or dash
  const int32_t cb = SkipDateline(c, p, si.b, end);
  if (after >= 0 && after + 1 < si.e && IsComma(c, p, after) && ResumesClause(c, p, after + 1) &&
      end - cb <= kMaxParentheticalLead) {
    const int32_t e2 = ContentEndTok(c, p, after + 1, si.e, anchors, k);
    if (e2 > cb) Emit(c, a, Span{p, Tok(c, p, cb).begin, Tok(c, p, e2 - 1).end}, false, 0.7);
  } else if (end > cb) {
    Emit(c, a, Span{p, Tok(c, p, cb).begin, Tok(c, p, end - 1).end}, false, 0.7);
  }
}

// GroupStart before a leading "as" is taken in.
int32_t GroupStartNoAs(const Ctx& c, int32_t p, const Anchor& a, SentenceInfo si) {
  int32_t group_b = (a.speaker.tb >= 0 && !a.after && !a.participle && a.speaker.tb < a.cue_b)
                        ? a.speaker.tb
                        : a.cue_b;
  if (group_b != a.speaker.tb) return group_b;
  if (a.speaker.phrase_b >= 0 && a.speaker.phrase_b < group_b) return a.speaker.phrase_b;
  if (a.speaker.pronoun) return group_b;
  int32_t g = group_b;
  int32_t n = 0;
  while (g - 1 >= 0 && n < 5 && IsWord(c, p, g - 1) && !InQuote(c, p, g - 1)) {
    const std::u16string lw = TokLower(c, p, g - 1);
    if (c.lex.np_stops.count(lw) || c.lex.cues.count(lw)) break;
    --g;
    ++n;
  }
  if (g - 1 < 0 || IsComma(c, p, g - 1) || IsCloseMark(c, p, g - 1) || g == si.b) return g;
  // "As Mayor Lee noted, …", ", as Mayor Lee noted,": the descriptors after "as"
  if (TokLowerIs(c, p, g - 1, u"as") && (g - 1 == si.b || (g - 2 >= 0 && IsComma(c, p, g - 2))))
    return g;
  return group_b;
}

// Group start: the speaker (before the cue) with the descriptors before the
// name ("Finance Minister Olga Petrova said", "fire chief Rosa Klein told",
// "the port operator said", ", as the harbor police have said"), or the cue.
int32_t GroupStart(const Ctx& c, int32_t p, const Anchor& a, SentenceInfo si) {
  const int32_t g = GroupStartNoAs(c, p, a, si);
  // ", as the harbor police have said", "As the mayor said, …": the "as" belongs to the group
  if (g - 1 >= si.b && TokLowerIs(c, p, g - 1, u"as") && (g - 1 == si.b || IsComma(c, p, g - 2)))
    return g - 1;
  return g;
}

// "Not filing the forms “saves us time,” Lee said": the quotation finishes a
// sentence that opens unquoted, so the statement is the whole sentence
// (mixed). Not after a colon or a cue ("He called it “…,” Lee said").
bool EmitLeadAndQuotation(Ctx& c, int32_t p, const Anchor& a, const Region& r, SentenceInfo si,
                          double conf) {
  if (!r.first_piece || r.open_tok < si.b + 2 || r.close_tok < 0) return false;
  const int32_t b = SkipDateline(c, p, si.b, r.open_tok);
  if (r.open_tok - b < 2) return false;
  for (int32_t t = b; t < r.open_tok; ++t) {
    if (TokIs(c, p, t, u":") || (IsWord(c, p, t) && c.lex.cues.count(TokLower(c, p, t))) ||
        IsOpenMark(c, p, t) || IsCloseMark(c, p, t) || InQuote(c, p, t))
      return false;
  }
  return Emit(c, a, Span{p, Tok(c, p, b).begin, Tok(c, p, r.close_tok).end}, false, conf) >= 0;
}

bool LooksLikeClause(const Ctx& c, int32_t p, int32_t f, int32_t end);  // below (4b)

// A clause right after the cue ("said it would …", "said that …"), not an
// adjunct ("said on Monday") or the end of the sentence.
bool ClauseAfterCue(const Ctx& c, int32_t p, const Anchor& a, SentenceInfo si) {
  const int32_t f = a.after ? a.speaker.te : a.cue_e;
  if (f >= si.e || !IsLowerWord(c, p, f)) return false;
  const std::u16string w = TokLower(c, p, f);
  return w == u"that"sv ||
         (!c.lex.np_stops.count(w) && !IsAdverb(c, w) && LooksLikeClause(c, p, f, si.e));
}

// 4a. A quotation closing just before the group, ending in , ? ! — . or
// followed by a comma ("“…,” Lee said"): emitted for the anchor.
bool EmitQuotationBefore(Ctx& c, int32_t p, const Anchor& a, int32_t group_b, SentenceInfo si,
                         double conf) {
  if (a.participle) return false;
  int32_t bt = group_b - 1;
  if (bt >= 0 && IsComma(c, p, bt) && IsCloseMark(c, p, bt - 1)) --bt;  // ”,
  if (!(bt >= 0 && IsCloseMark(c, p, bt))) return false;
  int32_t in = bt - 1;
  if (in > 0 && IsCloseMark(c, p, in)) --in;  // “… ‘…,’” said: an inner quotation closes first
  int32_t ri = in >= 0 ? c.quotes.of_tok[p][in] : -1;
  if (ri >= 0 && c.quotes.regions[ri].close_tok != bt) ri = -1;
  if (ri < 0 || c.quotes.regions[ri].attribution >= 0) return false;
  const Region& r = c.quotes.regions[ri];
  // "In an interview on KTX's “Morning Desk,” Ortiz said …": a capitalised
  // title after a preposition names a programme, it is not the statement
  int32_t before = r.open_tok - 1;
  while (before > si.b && r.open_tok - before <= 3 && IsCap(c, p, before)) --before;
  if (before >= si.b && r.first_piece && r.words <= 6 && IsCap(c, p, r.first_tok) &&
      (TokLowerIs(c, p, before, u"on") || TokLowerIs(c, p, before, u"in") ||
       TokLowerIs(c, p, before, u"of") || TokLowerIs(c, p, before, u"at") ||
       TokLowerIs(c, p, before, u"with")))
    return false;
  const std::u16string& t = c.doc.paragraphs[p].text;
  int32_t e = r.end;
  while (e > r.begin && (u_isUWhiteSpace(t[e - 1]) || t[e - 1] == u'\'' || t[e - 1] == u'\u2019'))
    --e;  // ,'' said  ,’” said
  const char16_t last = e > r.begin ? t[e - 1] : 0;
  const bool punct = last == u',' || last == u'?' || last == u'!' || last == u'—' || last == u'.' ||
                     IsComma(c, p, group_b - 1);
  if (!punct) return false;
  // "“… is the timing.” Ames said it would be wrong": a quotation that ends its
  // own sentence is not what a cue with a clause of its own reports
  if (last == u'.' && !IsComma(c, p, group_b - 1) && ClauseAfterCue(c, p, a, si)) return false;
  if (EmitLeadAndQuotation(c, p, a, r, si, conf)) return true;
  EmitQuotation(c, a, r.quotation, conf);
  return true;
}

// "told reporters (that) …", "told Ian Cole the summit …", "told him …",
// "told Harbor Radio.": the first token after the addressee at f.
int32_t SkipAddressee(const Ctx& c, int32_t p, int32_t f, SentenceInfo si) {
  int32_t e = f;
  const std::u16string fw = f < si.e ? TokLower(c, p, f) : u"";
  if (c.lex.addressees.count(fw)) {
    e = f + 1;
  } else if (f < si.e && IsCap(c, p, f)) {
    while (e < si.e && e - f < kMaxNameTokens && (IsCap(c, p, e) || TokIs(c, p, e, u"-"))) ++e;
  } else if (fw == u"the"sv || fw == u"a"sv) {
    // "told a meeting of farm leaders that …", "told the panel he was …"
    e = f + 1;
    while (e < si.e && e - f < 10 && IsWord(c, p, e) && !TokLowerIs(c, p, e, u"that") &&
           !IsPronoun(TokLower(c, p, e)))
      ++e;
    const bool pronoun_clause = e < si.e && e - f <= 3 && IsPronoun(TokLower(c, p, e)) &&
                                !TokLowerIs(c, p, e, u"it");
    if (!(e < si.e && (TokLowerIs(c, p, e, u"that") || TokIs(c, p, e, u":"))) && !pronoun_clause)
      e = si.e;  // "told the committee the budget …": unclear where it ends
  }
  return e;
}

// "posted on social media platform X urging …": the first token after the
// platform phrase at f ("on …").
int32_t SkipPlatformPhrase(const Ctx& c, int32_t p, int32_t f, SentenceInfo si) {
  int32_t e = f + 1;
  while (e < si.e && e - f < 8 && !IsComma(c, p, e) && !TokLowerIs(c, p, e, u"that") &&
         !TokIs(c, p, e, u":") && !IsOpenMark(c, p, e) &&
         !(IsLowerWord(c, p, e) && IsIngForm(TokLower(c, p, e))))
    ++e;
  f = e;
  if (IsComma(c, p, f)) ++f;
  return f;
}

// A time adjunct at f: "Tuesday", "on Monday", "yesterday", "Friday
// afternoon", "late on Tuesday", "last week", "earlier this month", "this
// morning"; the token after it, or f. Not a subject: "said this week would be
// decisive" (a verb follows) or "said last year's budget …" (not a period word).
int32_t TimeAdjunctEnd(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  int32_t t = f;
  auto word = [&](int32_t i) { return i < end && IsWord(c, p, i) ? TokLower(c, p, i) : u""; };
  std::u16string w = word(t);
  if (w == u"late"sv || w == u"early"sv || w == u"earlier"sv || w == u"later"sv) w = word(++t);
  if (w == u"on"sv) w = word(++t);
  const bool determiner = w == u"this"sv || w == u"last"sv || w == u"next"sv;
  if (determiner) w = word(++t);
  const bool day = c.lex.weekdays.count(w) > 0;
  if (!(day || (determiner && c.lex.time_periods.count(w)) ||
        (t == f && (w == u"yesterday"sv || w == u"today"sv || w == u"tonight"sv))))
    return f;
  std::u16string next = word(++t);
  if ((day || w == u"yesterday"sv || w == u"today"sv) && c.lex.parts_of_day.count(next))
    next = word(++t);
  if (t - f > 1 && IsLowerWord(c, p, t) &&
      (c.lex.finite_verbs.count(next) || c.lex.clause_verbs.count(next)))
    return f;
  return t;
}

// Time adjuncts after "said": "said Tuesday (that) …", "said on Monday the …",
// "said last week.", and a comma before "that".
int32_t SkipTimeAdjunct(const Ctx& c, int32_t p, int32_t f, SentenceInfo si) {
  if (!(f < si.e && IsWord(c, p, f))) return f;
  f = TimeAdjunctEnd(c, p, f, si.e);
  if (IsComma(c, p, f) && f + 1 < si.e && TokLowerIs(c, p, f + 1, u"that")) ++f;
  return f;
}

// An adjunct between the cue and "that": "said on Monday that …", "told
// reporters in Seoul that …", "told supporters of the ruling party that …".
int32_t SkipAdjunctToThat(const Ctx& c, int32_t p, const Anchor& a, int32_t f, SentenceInfo si) {
  if (!(f < si.e && IsWord(c, p, f) && !TokLowerIs(c, p, f, u"that") &&
        (c.lex.np_stops.count(TokLower(c, p, f)) || c.lex.adverbs.count(TokLower(c, p, f)) ||
         (a.info.obj && !a.after))))
    return f;
  // "says at a town hall in Dayton, Ohio, that …": a comma inside a place
  // name or before "that" does not end the adjunct
  for (int32_t t = f + 1; t < si.e && t - f < 12 && !InQuote(c, p, t); ++t) {
    if (TokLowerIs(c, p, t, u"that")) return t;
    if (IsComma(c, p, t) && (TokLowerIs(c, p, t + 1, u"that") || IsCap(c, p, t + 1))) continue;
    if (!IsWord(c, p, t) && !Tok(c, p, t).Has(kTokNumber)) break;
  }
  return f;
}

// Where the complement after the cue starts and how it is introduced.
struct Complement {
  int32_t f = 0;                 // first token of the complement
  bool colon = false;            // after ":" (or ", “")
  bool that = false;             // after "that"
  bool quote_first = false;      // starts with an opening mark
  bool platform_phrase = false;  // after "posted on X"
};

// 4b. The complement after the cue, the addressee, a platform phrase and the
// adjuncts ("said in a statement:", "told reporters on Monday that").
Complement ReadComplement(const Ctx& c, int32_t p, const Anchor& a, int32_t group_e,
                          SentenceInfo si) {
  Complement m;
  int32_t f = group_e;
  if (a.info.obj && !a.after) f = SkipAddressee(c, p, f, si);
  if (a.info.post && TokLowerIs(c, p, f, u"on") && a.outlet) {
    m.platform_phrase = true;
    f = SkipPlatformPhrase(c, p, f, si);
  }
  f = SkipTimeAdjunct(c, p, f, si);
  // An unpaired quotation mark (an unbalanced opener) starts nothing.
  if (f < si.e && !IsOpenMark(c, p, f) && Tok(c, p, f).end - Tok(c, p, f).begin == 1 &&
      IsOpenQuoteChar(c.doc.paragraphs[p].text[Tok(c, p, f).begin]) && f + 1 < si.e)
    ++f;
  f = SkipAdjunctToThat(c, p, a, f, si);
  if (f < si.e && (TokIs(c, p, f, u":") || (IsComma(c, p, f) && IsOpenMark(c, p, f + 1)))) {
    m.colon = true;
    ++f;
  }
  if (f < si.e && TokLowerIs(c, p, f, u"that")) {
    m.that = true;
    ++f;
    // "that, in May, …", "that, “…”"
    if (IsComma(c, p, f) && f + 1 < si.e && (IsWord(c, p, f + 1) || IsOpenMark(c, p, f + 1))) ++f;
  }
  if (f < NumTokens(c, p) && IsOpenMark(c, p, f)) m.quote_first = true;
  m.f = f;
  return m;
}

// A colon a few words into the complement introduces the quotation:
// "described the night: “…”", "said in a statement: “…”".
void FindLateColon(const Ctx& c, int32_t p, SentenceInfo si, Complement* m) {
  if (m->colon || m->quote_first) return;
  for (int32_t t = m->f; t < si.e && t - m->f < 8 && !InQuote(c, p, t); ++t) {
    // "said in a statement: “…”"; after a prepositional adjunct a comma does the
    // same ("saying at the forum last month, “…”")
    const bool comma_after_adjunct =
        IsComma(c, p, t) && t > m->f && c.lex.prepositions.count(TokLower(c, p, m->f));
    if ((TokIs(c, p, t, u":") || comma_after_adjunct) && IsOpenMark(c, p, t + 1)) {
      m->f = t + 1;
      m->colon = true;
      m->quote_first = true;
      return;
    }
    if (!IsWord(c, p, t)) return;
  }
}

// A quotation starting the complement ("said: “…”", "said “…”."), when it is
// the whole complement: the sentence ends after it or it closes on a comma
// ("labeled “a giveaway,” passed").
bool EmitQuotedComplement(Ctx& c, int32_t p, const Anchor& a, const Complement& m, SentenceInfo si,
                          double conf) {
  const int32_t f = m.f;
  int32_t ri = c.quotes.of_tok[p][std::min(f + 1, NumTokens(c, p) - 1)];
  if (!(ri >= 0 && c.quotes.regions[ri].attribution < 0 && c.quotes.regions[ri].first_piece))
    return false;
  const Region& r = c.quotes.regions[ri];
  int32_t after = r.close_tok >= 0 ? r.close_tok + 1 : -1;
  const std::u16string& t = c.doc.paragraphs[p].text;
  int32_t ie = r.end;
  while (ie > r.begin && u_isUWhiteSpace(t[ie - 1])) --ie;
  const bool comma_inside = ie > r.begin && t[ie - 1] == u',';
  bool whole = after < 0 || after >= si.e || TokIs(c, p, after, u".") || comma_inside ||
               (IsComma(c, p, after) && IsCap(c, p, f + 1));
  if (!(m.colon || whole)) return false;
  EmitQuotation(c, a, r.quotation, a.colon ? 0.6 : conf);
  return true;
}

// A complement without "that" that reads as a clause: a short subject (a
// pronoun, a name, a noun phrase, no preposition first) then a finite verb
// ("insisted he has …", "warned the deal would …"), not an object ("added 200
// jobs", "announced a plan to …").
bool LooksLikeClause(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  if (f >= end || !IsWord(c, p, f)) return false;
  const std::u16string first = TokLower(c, p, f);
  if (c.lex.np_stops.count(first) || c.lex.cues.count(first)) return false;
  if (IsPronounContraction(first)) return true;  // "insisted he'd win"
  const bool pronoun = IsPronoun(first) || first == u"you"sv;
  for (int32_t t = f + 1; t < end && t - f <= 6; ++t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t)) return false;
    const std::u16string w = TokLower(c, p, t);
    if (c.lex.clause_verbs.count(w)) return true;
    if (IsLowerWord(c, p, t) && (c.lex.finite_verbs.count(w) || pronoun) && w != u"also"sv &&
        w != u"then"sv && w != u"later"sv)
      return true;
    const bool ed = IsEdForm(w);
    if (ed && IsLowerWord(c, p, t) && !IsDeterminer(c, TokLower(c, p, t - 1))) return true;
    if (c.lex.np_stops.count(w) && w != u"of"sv) return false;
  }
  return false;
}

// The object of a `topic` cue starts here: a noun phrase or a wh-clause
// ("cited the storm", "questioned how …"), not a preposition or particle.
bool IsObjectStart(const Ctx& c, int32_t p, int32_t f) {
  if (!IsWord(c, p, f)) return false;
  const std::u16string w = TokLower(c, p, f);
  if (w == u"how"sv || w == u"why"sv || w == u"what"sv || w == u"whether"sv) return true;
  return !c.lex.np_stops.count(w) && !c.lex.adverbs.count(w) && !c.lex.cues.count(w) &&
         w != u"it"sv && w != u"to"sv;
}

// A claim noun anchor ("Lee's claim that …") of anchors[k]'s sentence whose
// cue lies in tokens [f, end).
bool ClaimWithin(const Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k, int32_t f,
                 int32_t end) {
  for (size_t i = k + 1; i < anchors.size() && anchors[i].sentence == anchors[k].sentence; ++i)
    if (anchors[i].cue_b >= f && anchors[i].cue_b < end &&
        c.lex.claim_nouns.count(TokLower(c, p, anchors[i].cue_b)))
      return true;
  return false;
}

// "questioned witness Ann Lee", "questioned him": an object that is a person
// (a capitalised name, after at most one lower-case role word, that is not a
// possessive; or an object pronoun), for cues whose content is never a person.
bool PersonObject(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  const std::u16string fw = TokLower(c, p, f);
  if (fw == u"him"sv || fw == u"them"sv || fw == u"me"sv || fw == u"us"sv) return true;
  if (fw == u"her"sv) return !(f + 1 < end && IsLowerWord(c, p, f + 1));  // not "her record"
  int32_t t = f;
  if (IsLowerWord(c, p, t) && !IsDeterminer(c, fw) && t + 1 < end && IsCap(c, p, t + 1)) ++t;
  if (!IsCap(c, p, t) || InQuote(c, p, t)) return false;
  while (t + 1 < end && IsCap(c, p, t + 1) && !InQuote(c, p, t + 1)) ++t;
  if (IsPossessive(TokLower(c, p, t))) return false;
  // "Israeli targets", "NATO spending": a capitalised adjective before a noun
  if (t + 1 < end && IsLowerWord(c, p, t + 1)) {
    const std::u16string next = TokLower(c, p, t + 1);
    return c.lex.np_stops.count(next) || IsAdverb(c, next);
  }
  return true;
}

// "the levy as a tax", "the company of breaking its promises": an "as" or
// "of" + "-ing" predicate after the object.
bool HasPredicate(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f + 1; t + 1 < end; ++t) {
    if (TokLowerIs(c, p, t, u"as") || TokLowerIs(c, p, t, u"for") ||
        (TokLowerIs(c, p, t, u"of") && IsIngForm(TokLower(c, p, t + 1))))
      return true;
  }
  return false;
}

// "called the new bridge a folly", "called it a passing fad", "called her
// vote for the levy a mistake": a short object (no verb or cue; a preposition
// only inside it) then "a"/"an"; the "a" token, or -1.
int32_t NamingPredicate(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  if (!(IsWord(c, p, f) && (IsObjectStart(c, p, f) || TokLowerIs(c, p, f, u"it")))) return -1;
  for (int32_t t = f + 1; t + 1 < end && t - f <= 9; ++t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t)) return -1;
    const std::u16string w = TokLower(c, p, t);
    const bool after_stop = c.lex.np_stops.count(TokLower(c, p, t - 1)) > 0;
    if ((w == u"a"sv || w == u"an"sv) && !after_stop) return IsWord(c, p, t + 1) ? t : -1;
    if (c.lex.cues.count(w) || c.lex.clause_verbs.count(w) || c.lex.adverbs.count(w) ||
        (IsDeterminer(c, w) && !after_stop))
      return -1;
  }
  return -1;
}

// The first comma outside quotations in (f, end), or end: a name given ends
// there ("called herself a moderate, a label few accept").
int32_t FirstCommaAfter(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f + 1; t < end; ++t)
    if (IsComma(c, p, t) && !InQuote(c, p, t)) return t;
  return end;
}

// "called Ortiz the real winner", "calls it her home", "calling them
// cowards": a person (a name or an object pronoun) then what they are called,
// after "the" or a possessive, or a bare noun after a pronoun; not "called
// Lee the next day". The predicate's first token, or -1.
int32_t PersonNamed(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  const std::u16string fw = TokLower(c, p, f);
  const bool pronoun = fw == u"him"sv || fw == u"her"sv || fw == u"them"sv || fw == u"it"sv ||
                       fw == u"himself"sv || fw == u"herself"sv || fw == u"themselves"sv;
  int32_t t = f + 1;
  if (!pronoun) {
    if (!IsCap(c, p, f) || InQuote(c, p, f)) return -1;
    while (t < end && t - f < 4 && IsCap(c, p, t) && !InQuote(c, p, t)) ++t;
    if (IsPossessive(TokLower(c, p, t - 1))) return -1;
  }
  if (t + 1 >= end || !IsLowerWord(c, p, t) || InQuote(c, p, t)) return -1;
  const std::u16string w = TokLower(c, p, t);
  const std::u16string next = TokLower(c, p, t + 1);
  if (c.lex.time_nouns.count(next) || next == u"next"sv || next == u"following"sv ||
      next == u"same"sv || next == u"last"sv || next == u"other"sv)
    return -1;
  if (w == u"the"sv || w == u"his"sv || w == u"her"sv || w == u"their"sv || w == u"its"sv ||
      w == u"our"sv || w == u"my"sv)
    return IsWord(c, p, t + 1) ? t : -1;
  const bool bare_noun = pronoun && fw != u"it"sv && !c.lex.np_stops.count(w) && !IsAdverb(c, w) &&
                         !c.lex.cues.count(w) && !IsIngForm(w) && !IsEdForm(w) &&
                         !IsDeterminer(c, w) && !LooksLikeAdjective(w);
  return bare_noun ? t : -1;
}

// "in a statement", "in a radio interview", "in his weekly column": "in", an
// article or "his"/"her", up to two words, then a document noun or a speech
// event.
bool InDocumentAt(const Ctx& c, int32_t p, int32_t t, int32_t end) {
  if (!(TokLowerIs(c, p, t + 1, u"a") || TokLowerIs(c, p, t + 1, u"an") ||
        TokLowerIs(c, p, t + 1, u"his") || TokLowerIs(c, p, t + 1, u"her")))
    return false;
  for (int32_t k = t + 2; k < end && k - t <= 4; ++k) {
    if (!IsLowerWord(c, p, k)) return false;
    const std::u16string w = TokLower(c, p, k);
    if (c.lex.document_nouns.count(w) || w == u"interview"sv || w == u"speech"sv ||
        w == u"diatribe"sv || w == u"remarks"sv || w == u"appearance"sv)
      return true;
  }
  return false;
}

// The object ends before a time or place adjunct ("… during a campaign stop",
// "… on Monday", "… in a statement") after its first two words.
int32_t ObjectEnd(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  // "praised Ortiz on Monday": a weekday adjunct may follow a one-word object
  if (f + 2 < end && TokLowerIs(c, p, f + 1, u"on") && c.lex.weekdays.count(TokLower(c, p, f + 2)))
    return f + 1;
  for (int32_t t = f + 2; t < end; ++t) {
    if (!InQuote(c, p, t) && IsComma(c, p, t) && TokLowerIs(c, p, t + 1, u"which") &&
        !MedialClauseAt(c, p, t, end))
      return t;
    if (InQuote(c, p, t) || !IsWord(c, p, t)) continue;
    const std::u16string w = TokLower(c, p, t);
    if (w == u"during"sv || w == u"while"sv || w == u"when"sv || w == u"after"sv ||
        (w == u"in"sv && InDocumentAt(c, p, t, end)) ||
        (w == u"on"sv && t + 1 < end && c.lex.weekdays.count(TokLower(c, p, t + 1))))
      return IsComma(c, p, t - 1) ? t - 1 : t;
  }
  return end;
}

// "called it ridiculous", "called the report biased and incomplete":
// an object pronoun or a short noun phrase led by a determiner, then an
// adjective that ends the clause (or "and" another); the token after the
// predicate, or -1.
int32_t NamingAdjective(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  const std::u16string fw = f < end ? TokLower(c, p, f) : u"";
  int32_t t = f + 1;
  if (!(fw == u"it"sv || fw == u"him"sv || fw == u"her"sv || fw == u"them"sv)) {
    if (!IsDeterminer(c, fw)) return -1;
    while (t < end && t - f <= 3 && IsLowerWord(c, p, t) && !InQuote(c, p, t) &&
           !LooksLikeAdjective(TokLower(c, p, t)) && !c.lex.np_stops.count(TokLower(c, p, t)))
      ++t;
    if (t == f + 1) return -1;
  }
  if (!(t < end && IsLowerWord(c, p, t) && LooksLikeAdjective(TokLower(c, p, t)))) return -1;
  ++t;
  if (t + 1 < end && TokLowerIs(c, p, t, u"and") && IsLowerWord(c, p, t + 1) &&
      LooksLikeAdjective(TokLower(c, p, t + 1)))
    t += 2;
  if (t >= end || !IsWord(c, p, t)) return t;
  // "… fabricated by disgruntled employees": a phrase after the predicate
  return c.lex.np_stops.count(TokLower(c, p, t)) ? ObjectEnd(c, p, f, end) : -1;
}

// A clause after a short prepositional adjunct at f ("after the hearing she
// would …", "in Beijing the talks …"): its first token, or -1.
int32_t ClauseAfterAdjunct(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f + 2; t < end && t - f <= 5; ++t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t)) return -1;
    const std::u16string w = TokLower(c, p, t);
    if (c.lex.np_stops.count(w)) continue;
    if ((IsPronoun(w) || IsDeterminer(c, w)) && LooksLikeClause(c, p, t, end)) return t;
  }
  return -1;
}

// "did not say", "won't say", "is not saying", "has never said": a
// negation among the auxiliaries and adverbs right before the cue at i.
bool NegatedCue(const Ctx& c, int32_t p, int32_t sb, int32_t i) {
  for (int32_t t = i - 1; t >= sb && i - t <= 3 && IsLowerWord(c, p, t); --t) {
    const std::u16string w = TokLower(c, p, t);
    const bool nt = w.size() > 3 && (w.compare(w.size() - 3, 3, u"n't") == 0 ||
                                     w.compare(w.size() - 3, 3, u"n’t") == 0);
    if (w == u"not"sv || w == u"never"sv || nt) return true;
    if (!IsAdverb(c, w)) return false;
  }
  return false;
}

// What a "to" infinitive asks for ends before a subordinate clause of the
// writer's: "… to check the dams after the rains flooded …", "… because …".
int32_t SubordinateClauseEnd(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f + 3; t + 1 < end; ++t) {
    if (InQuote(c, p, t) || !IsLowerWord(c, p, t)) continue;
    const std::u16string w = TokLower(c, p, t);
    if (!(w == u"after"sv || w == u"before"sv || w == u"because"sv || w == u"while"sv ||
          w == u"since"sv || w == u"when"sv || w == u"as"sv))
      continue;
    if (LooksLikeClause(c, p, t + 1, end)) return IsComma(c, p, t - 1) ? t - 1 : t;
  }
  return end;
}

// "said if he were elected, the plant would close": a conditional or
// temporal clause at f, then after its comma a main clause.
bool SubordinateThenMain(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  const std::u16string fw = TokLower(c, p, f);
  if (!(fw == u"if"sv || fw == u"when"sv || fw == u"once"sv || fw == u"unless"sv ||
        fw == u"because"sv || fw == u"although"sv || fw == u"though"sv) ||
      !IsLowerWord(c, p, f))
    return false;
  for (int32_t t = f + 2; t < end && t - f <= 25; ++t) {
    if (InQuote(c, p, t)) return false;
    if (IsComma(c, p, t)) return MainClauseAfterComma(c, p, t, end);
  }
  return false;
}

// "urged Republicans to join …", "asked the audience to greet …": for an `ask`
// cue, a short addressee (no verb, quotation or preposition) then "to" and a
// verb; the "to" token, or -1.
int32_t AddresseeInfinitive(const Ctx& c, int32_t p, const Anchor& a, int32_t f, int32_t end) {
  if (!a.info.ask) return -1;
  for (int32_t t = f; t < end && t - f <= 5; ++t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t)) return -1;
    const std::u16string w = TokLower(c, p, t);
    if (w == u"to"sv)
      return t > f && t + 1 < end && IsLowerWord(c, p, t + 1) &&
                     !c.lex.np_stops.count(TokLower(c, p, t + 1))
                 ? t
                 : -1;
    // a cue's bare form is a noun here ("urged state inspectors to …")
    const bool cue_verb = c.lex.cues.count(w) && (IsEdForm(w) || IsIngForm(w) || w.back() == u's');
    if (cue_verb || c.lex.clause_verbs.count(w) || (c.lex.np_stops.count(w) && !IsDeterminer(c, w)))
      return -1;
  }
  return -1;
}

// What is called for ends at a dash, or at a comma before "but", "not" or an
// "-ing" participle ("called for more data, marching past the hall …").
int32_t DemandEnd(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f + 1; t + 1 < end; ++t) {
    if (InQuote(c, p, t)) continue;
    if (DashEnd(c, p, t) > t) return t;
    if (!IsComma(c, p, t) || !IsLowerWord(c, p, t + 1)) continue;
    const std::u16string w = TokLower(c, p, t + 1);
    if (w == u"but"sv || w == u"not"sv || (IsIngForm(w) && w != u"including"sv)) return t;
  }
  return end;
}

// ", 61 percent of drivers said …", ", but the council refused …": after a
// comma at t, a main clause (a subject of a few words, then a finite verb).
bool MainClauseAfterComma(const Ctx& c, int32_t p, int32_t t, int32_t end) {
  int32_t n = t + 1;
  if (TokLowerIs(c, p, n, u"but") || TokLowerIs(c, p, n, u"and") || TokLowerIs(c, p, n, u"so")) ++n;
  if (n < end && IsLowerWord(c, p, n) && IsAdverb(c, TokLower(c, p, n))) ++n;  // "only 12 percent"
  if (n >= end || InQuote(c, p, n)) return false;
  if (LooksLikeClause(c, p, n, end)) return true;
  const std::u16string first = TokLower(c, p, n);
  const bool subject = IsCap(c, p, n) || Tok(c, p, n).Has(kTokNumber) || IsPronoun(first) ||
                       IsDeterminer(c, first) || c.lex.quantifiers.count(first);
  if (!subject) return false;
  for (int32_t k = n + 1; k < end && k - n <= 10; ++k) {
    if (IsComma(c, p, k) || InQuote(c, p, k)) return false;
    if (!IsLowerWord(c, p, k)) continue;
    const std::u16string w = TokLower(c, p, k);
    if (c.lex.finite_verbs.count(w) || c.lex.clause_verbs.count(w) || c.lex.finite_cues.count(w) ||
        (IsEdForm(w) && !IsDeterminer(c, TokLower(c, p, k - 1))))
      return true;
  }
  return false;
}

// Where a question asked ("whether …", "about the vote") ends before `end`: at
// a dash, at the comma before a main clause ("Asked whether …, Lee said"), and
// for a topic or a question between commas (", when asked about X, Lee …") at
// its first comma; then before an adjunct of the asking ("during a debate").
int32_t QuestionEnd(const Ctx& c, int32_t p, int32_t f, int32_t end, bool topic,
                    bool parenthetical) {
  for (int32_t t = f + 1; t < end; ++t) {
    if (InQuote(c, p, t)) continue;
    if (DashEnd(c, p, t) > t ||
        (IsComma(c, p, t) && (topic || parenthetical || MainClauseAfterComma(c, p, t, end)))) {
      end = t;
      break;
    }
  }
  return ObjectEnd(c, p, f, end);
}

// "asked Lee how …", "asked the clerks if …": for a cue that asks, a short
// addressee (no verb, quotation or preposition) then a word that opens a
// question; that word's token, or -1.
int32_t WhAfterAddressee(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f; t < end && t - f <= 5; ++t) {
    if (!IsWord(c, p, t) || InQuote(c, p, t)) return -1;
    const std::u16string w = TokLower(c, p, t);
    if (t > f && IsLowerWord(c, p, t) && OpensWhClause(w, true)) return t;
    if (c.lex.cues.count(w) || c.lex.clause_verbs.count(w) ||
        (c.lex.np_stops.count(w) && !IsDeterminer(c, w)))
      return -1;
  }
  return -1;
}

// ", who asked not to be named", "asked not to be identified", "requested
// anonymity": a request not to be named is no statement of the source's
// (asked of `ask` and `inf` cues; "citing an anonymous source" reports one).
bool AnonymityRequest(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f; t < end && t - f < 5; ++t) {
    const std::u16string w = TokLower(c, p, t);
    if (w == u"anonymity"sv || w == u"anonymous"sv) return true;
    if ((w == u"named"sv || w == u"identified"sv) && t > f && TokLowerIs(c, p, t - 1, u"be"))
      return t + 1 >= end || !IsWord(c, p, t + 1);
  }
  return false;
}

// Where a bare cue's clause starts when its complement opens with a
// subordinator or an adjunct: "would not say when the vote is", "won't
// say if …" (the question left open, not a bare "… say when."); "said if
// the levy passes, the depot will close"; "said after the hearing she would
// …" (the clause after the adjunct). -1 when none.
int32_t BareClauseStart(const Ctx& c, int32_t p, const Anchor& a, SentenceInfo si, int32_t f,
                        int32_t end, bool adjunct) {
  if (NegatedCue(c, p, si.b, a.cue_b) && IsLowerWord(c, p, f) &&
      OpensWhClause(TokLower(c, p, f), true) && end - f >= 3)
    return f;
  if (SubordinateThenMain(c, p, f, end)) return f;
  if (!adjunct) return -1;
  const int32_t g = ClauseAfterAdjunct(c, p, f, end);
  return g > f ? g : -1;
}

// A topic object that reports nothing: a passive `thing` cue has no object
// ("was dismissed before the final"; "are slamming" is active); a
// `nonhuman` cue's person ("questioned a witness"); an object holding a claim
// noun's own report ("questioned Lee's claim that …": that report speaks); a
// bare object of a cue that is not `thing`, without a predicate ("criticised
// the deal as a giveaway", "accused X of lying") or a gerund.
bool ObjectStatesNothing(const Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k,
                         SentenceInfo si, int32_t f, int32_t end, bool about, bool has_quote,
                         bool gerund) {
  const Anchor& a = anchors[k];
  const int32_t aux = AuxiliaryBefore(c, p, si.b, a.cue_b);
  const bool passive =
      aux >= si.b && IsBeForm(TokLower(c, p, aux)) && !IsIngForm(TokLower(c, p, a.cue_b));
  if (passive && a.info.thing && !about && !has_quote) return true;
  if (a.info.nonhuman && PersonObject(c, p, f, end)) return true;
  if (a.info.thing && !about && ClaimWithin(c, p, anchors, k, f, end)) return true;
  return !has_quote && !a.info.thing && !gerund && !HasPredicate(c, p, f, end);
}

// 4b. Content after the cue: a quotation, or reported speech, which needs
// "that", a colon, a bare-complement verb, a "to" infinitive for promise-like
// verbs, or a quoted fragment.
bool EmitForward(Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k,
                 const Complement& m, SentenceInfo si, double conf) {
  const Anchor& a = anchors[k];
  int32_t f = m.f;
  if (a.info.ask && a.info.wh && !m.that && !m.colon) {  // "asked Lee how …"
    const int32_t wh = WhAfterAddressee(c, p, f, si.e);
    if (wh > f) f = wh;
  }
  if (m.quote_first && !m.colon && a.info.naming) return false;  // "called “X”"
  if (m.quote_first && (m.colon || !m.that) && EmitQuotedComplement(c, p, a, m, si, conf))
    return true;
  const bool forward_starts =
      f < si.e && (IsWord(c, p, f) || Tok(c, p, f).Has(kTokNumber) || IsOpenMark(c, p, f));
  if (!forward_starts) return false;
  int32_t end = ContentEndTok(c, p, f, si.e, anchors, k);
  if (end <= f) return false;
  Span content{p, Tok(c, p, f).begin, Tok(c, p, end - 1).end};
  bool has_quote = false;
  for (int32_t t = f; t < end && t < NumTokens(c, p); ++t)
    if (InQuote(c, p, t)) has_quote = true;
  // The complement must not start with a preposition or particle
  // ("said in Beijing", "added to"): those are adjuncts, not speech.
  const std::u16string fw = TokLower(c, p, f);
  const bool approx = (fw == u"at"sv && (TokLowerIs(c, p, f + 1, u"least") ||
                                          TokLowerIs(c, p, f + 1, u"most"))) ||
                      ((fw == u"about"sv || fw == u"over"sv || fw == u"under"sv) &&
                       f + 1 < end && Tok(c, p, f + 1).Has(kTokNumber));  // "about 20 people"
  const bool adjunct = !m.that && !m.colon && c.lex.np_stops.count(fw) && !has_quote && !approx;
  if (a.info.bare && !m.that && !m.colon && !has_quote) {
    const int32_t g = BareClauseStart(c, p, a, si, f, end, adjunct);
    if (g >= f) return Emit(c, a, TokSpan(c, p, g, end), false, conf - 0.1) >= 0;
  }
  const bool infinitive = (a.info.inf && fw == u"to"sv && !m.that) ||
                          (!m.that && !m.colon && AddresseeInfinitive(c, p, a, f, end) > f);
  if ((a.info.ask || a.info.inf) && AnonymityRequest(c, p, f, end)) return false;
  // "said nothing about layoffs", "said little", "said no": no statement reported
  // ("said no decision had been made" is one).
  if (!m.that && !m.colon && !has_quote && c.lex.no_statement.count(fw) &&
      !(fw == u"no"sv && LooksLikeClause(c, p, f, end)))
    return false;
  // "asked about the vote": the particle took the object ("complained about it
  // being late" reports no clause)
  const bool about = a.info.about && a.info.topic;
  const bool clause = !a.info.strict && !a.info.naming && !m.that && !m.colon && !about &&
                      LooksLikeClause(c, p, f, end);
  const bool wh_clause = OpensWhClause(fw, a.info.ask);
  const bool object = ((a.info.topic && IsObjectStart(c, p, f)) || (a.info.wh && wh_clause)) &&
                      !m.that && !m.colon && !clause;
  const int32_t adj_end = a.info.naming && !m.that && !m.colon && !has_quote
                              ? NamingAdjective(c, p, f, end)
                              : -1;
  if (adj_end > f)  // "called the report biased"
    return Emit(c, a, Span{p, Tok(c, p, f).begin, Tok(c, p, adj_end - 1).end}, false, conf - 0.1) >=
           0;
  if (a.info.naming && !m.that && !m.colon && !has_quote &&
      (NamingPredicate(c, p, f, end) > f || PersonNamed(c, p, f, end) > f)) {
    end = ObjectEnd(c, p, f, FirstCommaAfter(c, p, f, end));  // "called the new bridge a folly"
    return Emit(c, a, Span{p, Tok(c, p, f).begin, Tok(c, p, end - 1).end}, false, conf - 0.1) >= 0;
  }
  // "called for more nurses in a statement on Friday": the demand is the
  // object, without the adjunct after it
  const bool demand = a.cue_e - a.cue_b >= 2 && TokLowerIs(c, p, a.cue_e - 1, u"for") && !m.that;
  if ((object || demand) && !has_quote) {
    if (demand) end = DemandEnd(c, p, f, end);
    end = a.info.ask && (wh_clause || about) ? QuestionEnd(c, p, f, end, about, false)
                                             : ObjectEnd(c, p, f, end);
    content = Span{p, Tok(c, p, f).begin, Tok(c, p, end - 1).end};
  }
  // A bare object reports no statement ("criticised the deal", "described
  // the talks in detail"); a predicate does ("… the deal as a giveaway",
  // "accused X of lying", "questioned how …").
  // A `thing` cue reports its object ("cited the storm", "noted the rule").
  // "proposes allowing farmers to sell …", "suggested looking at …"
  const bool gerund = a.info.gerund && !m.that && !m.colon && IsLowerWord(c, p, f) &&
                      IsIngForm(fw) && !c.lex.cues.count(fw) && !c.lex.np_stops.count(fw);
  if (object && !wh_clause &&
      ObjectStatesNothing(c, p, anchors, k, si, f, end, about, has_quote, gerund))
    return false;
  const bool ok = m.that || m.colon || (has_quote && !a.info.strict) || (a.info.bare && !adjunct) ||
                  m.platform_phrase || infinitive || clause || object || gerund;
  if (!ok) return false;
  if (infinitive && !object && !has_quote && !m.that && !m.colon) {
    end = SubordinateClauseEnd(c, p, f, end);  // "urged X to act after the rains …"
    content = Span{p, Tok(c, p, f).begin, Tok(c, p, end - 1).end};
  }
  // "talked about Zika": what a cue with its particle is about may be one word,
  // a `thing` object or a demand two ("announced the pick", "called for the
  // ban") or a name alone ("criticized Ortiz"); other complements three
  const bool name_object = object && a.info.thing && IsCap(c, p, f) && !InQuote(c, p, f);
  const int32_t shortest = about || name_object                             ? 1
                           : (object || demand) && (a.info.thing || demand) ? 2
                                                                            : 3;
  if (!m.that && !m.colon && !has_quote && end - f < shortest) return false;
  return Emit(c, a, content, false, has_quote || m.that ? conf : conf - 0.1) >= 0;
}

// The comma closing a parenthetical cue group at f, past a short adjunct
// (", the board said in an April memo, and …"); -1 when there is none.
int32_t CommaAfterAdjunct(const Ctx& c, int32_t p, int32_t f, SentenceInfo si) {
  if (f < si.e && IsComma(c, p, f)) return f;
  if (!(f < si.e && IsWord(c, p, f) && c.lex.np_stops.count(TokLower(c, p, f)))) return -1;
  for (int32_t t = f + 1; t < si.e && t - f <= 8; ++t) {
    if (IsComma(c, p, t)) return t;
    if (!(IsWord(c, p, t) || Tok(c, p, t).Has(kTokNumber)) || InQuote(c, p, t)) return -1;
  }
  return -1;
}

// After ", she said," the sentence goes on: the reported clause resumes
// ("These sectors, she said, feature …") or runs on with a clause of its own
// ("…, he said, since …"), not a relative clause, a participle (", ending
// …"), a quotation (an interrupted quotation) or another cue.
// A short lead may resume with anything; a long one only with a clause.
bool ContinuesSentence(const Ctx& c, int32_t p, int32_t i, int32_t lead) {
  if (lead <= kMaxParentheticalLead && ResumesClause(c, p, i)) return true;
  if (!IsWord(c, p, i) || InQuote(c, p, i) || IsCap(c, p, i)) return false;
  const std::u16string w = TokLower(c, p, i);
  return !c.lex.cues.count(w) && !IsIngForm(w) && w != u"which"sv && w != u"who"sv &&
         w != u"whose"sv && w != u"where"sv && lead <= 4 * kMaxParentheticalLead;
}

// ", and …", ", but …" or ";" between b and e: a second clause, which a
// trailing cue reports alone ("Lee said X, and Y, the operator said").
bool ClauseBreakBetween(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  for (int32_t t = b; t < e; ++t) {
    if (InQuote(c, p, t)) continue;
    if (TokIs(c, p, t, u";")) return true;
    if (t > b && IsComma(c, p, t - 1) && (TokLowerIs(c, p, t, u"and") || TokLowerIs(c, p, t, u"but")))
      return true;
  }
  return false;
}

// "In Lisbon last month, Lee told reporters about it": tokens [b, e) before
// the speaker are a fronted adjunct, not a report: a preposition of
// prepositions.txt, then no comma outside quotations and no verb (a word of
// finite_verbs.txt or cues.txt, or an "-ed" form).
bool FrontedAdjunct(const Ctx& c, int32_t p, int32_t b, int32_t e) {
  if (b >= e || !c.lex.prepositions.count(TokLower(c, p, b))) return false;
  for (int32_t t = b + 1; t < e; ++t) {
    if (InQuote(c, p, t)) continue;
    const std::u16string w = TokLower(c, p, t);
    const bool ed = IsLowerWord(c, p, t) && IsEdForm(w);
    if (IsComma(c, p, t) || ed || c.lex.finite_verbs.count(w) || c.lex.cues.count(w)) return false;
  }
  return true;
}

// 4c. The clause before the group: "Prices will rise, the official said." and
// the parenthetical "These sectors, she said, feature …". Only when nothing is
// reported after the cue: the sentence ends, or an adjunct follows ("…, the
// official said on Sunday"), or it is parenthetical (", she said, …").
void EmitClauseBefore(Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k,
                      int32_t group_b, int32_t f, SentenceInfo si, double conf) {
  const Anchor& a = anchors[k];
  bool nothing_after = f >= si.e || !IsWord(c, p, f);
  if (!nothing_after) {
    const std::u16string fw = TokLower(c, p, f);
    nothing_after = c.lex.np_stops.count(fw) || c.lex.adverbs.count(fw) || fw == u"according"sv;
  }
  if (a.participle || !nothing_after || !(group_b - 1 > si.b && IsComma(c, p, group_b - 1))) return;
  // "…, though some continue to ration flour": a strict cue before "to" is its
  // other sense
  if (a.info.strict && f < si.e && TokLowerIs(c, p, f, u"to")) return;
  int32_t cb = si.b;
  const int32_t opening = SkipDateline(c, p, si.b, group_b - 1);
  for (size_t j = k; j-- > 0 && k - j <= 8;) {
    const Anchor& o = anchors[j];
    if (o.sentence != a.sentence) continue;
    // "Hospital rules called for X, sources said.": a report that opens the
    // sentence is what the trailing speaker reports (the whole clause)
    const bool opens = !o.participle && !o.according && !o.label && !o.after &&
                       o.speaker.tb >= 0 && GroupStart(c, p, o, si) <= opening &&
                       !ClauseBreakBetween(c, p, o.cue_e, group_b - 1);
    if (!opens) cb = std::max(cb, o.cue_e);
  }
  // "Hawaii, as one adviser pointed out, …": after "as" one word is lead enough
  if (group_b - 1 - cb < (TokLowerIs(c, p, group_b, u"as") ? 1 : 2)) return;
  const int32_t comma = CommaAfterAdjunct(c, p, f, si);
  const bool parenthetical = comma >= 0 && comma + 1 < si.e &&
                             ContinuesSentence(c, p, comma + 1, group_b - 1 - cb);
  int32_t end = parenthetical ? ContentEndTok(c, p, comma + 1, si.e, anchors, k) : group_b - 1;
  // "Boats were late, she said": a lead of two or three words only as a clause
  if (!parenthetical && group_b - 1 - cb < 4 && !LooksLikeClause(c, p, cb, group_b - 1)) return;
  cb = SkipDateline(c, p, cb, group_b - 1);
  if (!parenthetical && FrontedAdjunct(c, p, cb, end)) return;
  Emit(c, a, Span{p, Tok(c, p, cb).begin, Tok(c, p, end - 1).end}, false, conf - 0.1);
}

// "As the mayor said (on Monday), the plan will …": a group opening the
// sentence with "As" reports the clause after its comma; only adverbs or a
// prepositional adjunct may come between the cue and the comma.
bool EmitAsLead(Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k, int32_t group_b,
                SentenceInfo si, double conf) {
  const Anchor& a = anchors[k];
  if (group_b != si.b || !TokLowerIs(c, p, group_b, u"as") || a.after) return false;
  int32_t t = a.cue_e;
  const bool adjunct = t < si.e && IsWord(c, p, t) && c.lex.prepositions.count(TokLower(c, p, t));
  while (t < si.e && t - a.cue_e <= 6 && !IsComma(c, p, t) && !InQuote(c, p, t) &&
         (adjunct || (IsLowerWord(c, p, t) && IsAdverb(c, TokLower(c, p, t)))) && IsWord(c, p, t))
    ++t;
  if (!(t < si.e && IsComma(c, p, t)) || t + 1 >= si.e) return false;
  const int32_t end = ContentEndTok(c, p, t + 1, si.e, anchors, k);
  if (end <= t + 1) return false;
  return Emit(c, a, TokSpan(c, p, t + 1, end), false, conf) >= 0;
}

// The end of a passive clause's report before `end`: before a "by" agent
// after the complement ("was called a fraud by rivals") and before the
// writer's ", reflecting …" or ", with reports of …".
int32_t PassiveClauseEnd(const Ctx& c, int32_t p, int32_t f, int32_t end) {
  for (int32_t t = f + 1; t + 1 < end; ++t) {
    if (InQuote(c, p, t)) continue;
    if (TokLowerIs(c, p, t, u"by")) return t;
    if (IsComma(c, p, t) && IsLowerWord(c, p, t + 1) &&
        (TokLowerIs(c, p, t + 1, u"with") ||
         (IsIngForm(TokLower(c, p, t + 1)) && !TokLowerIs(c, p, t + 1, u"including"))))
      return t;
  }
  return end;
}

// "Asked whether the plan would work, Lee said …", "said when asked about
// the vote": the question of a QuestionParticiple anchor, from its first word
// to a sibling anchor or QuestionEnd.
void EmitQuestion(Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k, SentenceInfo si,
                  double conf) {
  const Anchor& a = anchors[k];
  const int32_t f = a.after_tok;
  if (a.info.topic && !IsObjectStart(c, p, f)) return;  // "asked about it"
  const int32_t lead = QuestionGroupStart(c, p, a, si.b);
  const bool parenthetical = lead - 1 > si.b && IsComma(c, p, lead - 1);
  const int32_t end =
      QuestionEnd(c, p, f, ContentEndTok(c, p, f, si.e, anchors, k), a.info.topic, parenthetical);
  if (end - f < 2) return;
  Emit(c, a, TokSpan(c, p, f, end), false, conf);
}

// The content of anchors[k] (its speaker resolved): "according to" clauses,
// a quotation before the group (4a), the complement after the cue (4b), or
// the clause before the group (4c).
void EmitAnchorContent(Ctx& c, int32_t p, const std::vector<Anchor>& anchors, size_t k) {
  const Anchor& a = anchors[k];
  const SentenceInfo si = SentenceOf(c, p, a);
  const double conf = AnchorConfidence(a);
  if (a.according) {
    EmitAccording(c, p, anchors, k, si);
    return;
  }
  if (a.label) {
    Emit(c, a, TokSpan(c, p, a.cue_e, NumTokens(c, p)), false, 0.6);
    return;
  }
  if (a.question) {
    EmitQuestion(c, p, anchors, k, si, conf);
    return;
  }
  if (a.passive_clause) {  // "Lee was accused of …": the clause, subject included
    const int32_t end =
        PassiveClauseEnd(c, p, a.cue_e, ContentEndTok(c, p, a.cue_e, si.e, anchors, k));
    if (end > a.cue_e) Emit(c, a, TokSpan(c, p, a.clause_b, end), false, conf - 0.1);
    return;
  }
  const int32_t group_b = GroupStart(c, p, a, si);
  const int32_t group_e = a.after ? a.speaker.te : a.cue_e;
  if (EmitAsLead(c, p, anchors, k, group_b, si, conf)) return;
  const bool took_back = EmitQuotationBefore(c, p, a, group_b, si, conf);
  Complement m = ReadComplement(c, p, a, group_e, si);
  if (took_back) {
    // interrupted: "“…,” Lee said, “…”"
    if (m.colon && m.quote_first) {
      int32_t ri = c.quotes.of_tok[p][std::min(m.f + 1, NumTokens(c, p) - 1)];
      if (ri >= 0 && c.quotes.regions[ri].attribution < 0)
        EmitQuotation(c, a, c.quotes.regions[ri].quotation, conf);
    }
    return;
  }
  if (a.after) {
    // "…, said the minister." with an unquoted clause before: indirect
    const int32_t cb = si.b;
    if (group_b - 1 > si.b && IsComma(c, p, group_b - 1) && group_b - 1 - cb >= 4)
      Emit(c, a, Span{p, Tok(c, p, cb).begin, Tok(c, p, group_b - 2).end}, false, conf - 0.1);
    return;
  }
  FindLateColon(c, p, si, &m);
  if (EmitForward(c, p, anchors, k, m, si, conf)) return;
  EmitClauseBefore(c, p, anchors, k, group_b, m.f, si, conf);
}

}  // namespace

// Phase 4: the content of each anchor, in order, so that each pronoun is
// resolved against the attributions already made (the speaker chain), and
// participles inherit a speaker.
void EmitContents(Ctx& c, int32_t p, std::vector<Anchor>* anchors) {
  std::vector<Anchor>& as = *anchors;
  for (size_t k = 0; k < as.size(); ++k) {
    Anchor& a = as[k];
    ResolveOnce(c, p, &a);
    if (a.participle) InheritParticipleSpeaker(c, p, as, k, SentenceOf(c, p, a));
    if (!a.speaker.valid()) continue;
    if (a.according && a.speaker.tb < 0) continue;
    const size_t before = c.report->attributions.size();
    EmitAnchorContent(c, p, as, k);
    a.emitted = c.report->attributions.size() > before;
  }
}

}  // namespace attributions_internal
}  // namespace factlens
