// Phases 5 and 6 of the attributions stage: quotations no anchor claimed.
// A statement continues an earlier speaker or is reported without one; the
// rest (scare quotes, titles, quoted headings) are quoted terms.
#include <unicode/uchar.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"

namespace factlens {
namespace attributions_internal {

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

namespace {

using ContentIndex = std::vector<std::pair<int32_t, int32_t>>;  // (content begin, index)

// The attributions of paragraph p made so far, by content begin.
ContentIndex ContentsByBegin(const std::vector<Attribution>& out, size_t first, int32_t p) {
  ContentIndex by_begin;
  for (size_t j = first; j < out.size(); ++j)
    if (out[j].content.paragraph == p)
      by_begin.push_back({out[j].content.begin, static_cast<int32_t>(j)});
  std::sort(by_begin.begin(), by_begin.end());
  return by_begin;
}

// Is paragraph p wholly the quotation piece r (and has no attribution yet)?
bool IsWhollyQuotation(const Ctx& c, int32_t p, const Region& r, size_t para_first_attr) {
  const std::u16string& t = c.doc.paragraphs[p].text;
  int32_t lead = 0;
  while (lead < static_cast<int32_t>(t.size()) &&
         (u_isUWhiteSpace(t[lead]) || IsOpenQuoteChar(t[lead])))
    ++lead;
  int32_t tail = static_cast<int32_t>(t.size());
  while (tail > 0 && (u_isUWhiteSpace(t[tail - 1]) || t[tail - 1] == u'”' || t[tail - 1] == u'"' ||
                      t[tail - 1] == u'’' || t[tail - 1] == u'»'))
    --tail;
  return lead >= r.begin - 1 && lead <= r.begin + 1 && tail <= r.end + 1 && tail >= r.end - 1 &&
         para_first_attr == c.report->attributions.size();
}

// The paragraph before p that is not blank, or -1.
int32_t PreviousNonBlank(const Ctx& c, int32_t p) {
  int32_t prev = p - 1;
  while (prev >= 0 && IsBlankParagraph(c, prev)) --prev;
  return prev;
}

// A paragraph that is wholly a quotation continues the last speaker of the
// previous non-empty paragraph of the same kind (a bounded run of them).
int32_t PreviousParagraphSpeaker(const Ctx& c, int32_t p, int32_t continuation_run) {
  const std::vector<Attribution>& out = c.report->attributions;
  const int32_t prev = PreviousNonBlank(c, p);
  if (prev >= 0 && !out.empty() && out.back().content.paragraph == prev &&
      c.doc.paragraphs[prev].kind == c.doc.paragraphs[p].kind &&
      continuation_run < kMaxContinuationParagraphs &&
      out.back().kind != AttributionKind::kIndirect)
    return static_cast<int32_t>(out.size()) - 1;
  return -1;
}

// "He then set out what he looks for:" ending the previous non-empty
// paragraph, before a paragraph that is wholly a quotation: the subject of
// the colon's sentence speaks (resolved like any anchor's speaker).
bool ColonParagraphAnchor(Ctx& c, int32_t p, Anchor* a) {
  const int32_t prev = PreviousNonBlank(c, p);
  if (prev < 0 || c.doc.paragraphs[prev].kind != c.doc.paragraphs[p].kind) return false;
  const int32_t n = NumTokens(c, prev);
  const auto& sentences = c.report->text.paragraphs[prev].sentences;
  if (n < 3 || sentences.empty() || !TokIs(c, prev, n - 1, u":") || InQuote(c, prev, n - 1))
    return false;
  const int32_t sb = sentences.back().first_token;
  Speaker sp;
  int32_t verb = -1;
  if (!SentenceSubject(c, prev, sb, n - 1, &sp, &verb) || sp.vague) return false;
  a->p = prev;
  a->sentence = static_cast<int32_t>(sentences.size()) - 1;
  a->cue_b = n - 1;
  a->cue_e = n;
  a->colon = true;
  a->speaker = sp;
  ResolveOnce(c, prev, a);
  return true;
}

// Credits region r to the speaker of attribution `src`.
void EmitContinuation(Ctx& c, Region& r, int32_t src, bool wholly) {
  std::vector<Attribution>& out = c.report->attributions;
  Attribution at;
  at.content = Span{r.p, r.begin, r.end};
  at.kind = AttributionKind::kDirect;
  at.speaker = out[src].speaker;
  at.speaker_entity = out[src].speaker_entity;
  at.speaker_name = out[src].speaker_name;
  at.vague_source = out[src].vague_source;
  at.outlet = out[src].outlet;
  at.belief = out[src].belief;
  at.continuation = true;
  at.confidence = wholly ? 0.6 : 0.7;
  if (at.speaker_name.empty() && !at.vague_source) at.confidence = std::min(at.confidence, 0.3);
  r.claimed = true;
  r.attribution = static_cast<int32_t>(out.size());
  out.push_back(std::move(at));
}

}  // namespace

// Phase 5: statement quotations of paragraph p no anchor claimed continue the
// nearest earlier speaker of the paragraph (or of the previous paragraph when
// the paragraph is wholly the quotation), or are reported without a speaker.
void AttributeUnclaimed(Ctx& c, int32_t p, size_t para_first_attr, int32_t* continuation_run) {
  std::vector<Attribution>& out = c.report->attributions;
  ContentIndex by_begin = ContentsByBegin(out, para_first_attr, p);
  for (int32_t ri : c.quotes.in_para[p]) {
    Region& r = c.quotes.regions[ri];
    if (r.claimed || r.attribution >= 0) continue;
    if (!IsStatementLike(c, r)) continue;
    // The attribution of this paragraph beginning last before the region.
    int32_t src = -1;
    auto it =
        std::upper_bound(by_begin.begin(), by_begin.end(), std::make_pair(r.begin, INT32_MAX));
    if (it != by_begin.begin()) src = (it - 1)->second;
    bool wholly = false;
    if (src < 0) {
      wholly = IsWhollyQuotation(c, p, r, para_first_attr);
      if (wholly) src = PreviousParagraphSpeaker(c, p, *continuation_run);
      Anchor lead;
      if (wholly && src < 0 && ColonParagraphAnchor(c, p, &lead)) {
        EmitQuotation(c, lead, r.quotation, 0.6);
        by_begin.push_back({r.begin, static_cast<int32_t>(out.size()) - 1});
        *continuation_run = 0;
        continue;
      }
    }
    // An unresolved speaker ("he" nobody resolved, "several aides") continues
    // too: the same mention, still without a name (confidence at most 0.3).
    if (src >= 0 &&
        (!out[src].speaker_name.empty() || out[src].vague_source || out[src].speaker)) {
      EmitContinuation(c, r, src, wholly);
      by_begin.push_back({r.begin, static_cast<int32_t>(out.size()) - 1});
      std::sort(by_begin.end() - std::min<size_t>(by_begin.size(), 2), by_begin.end());
      if (wholly) ++*continuation_run;
      continue;
    }
    // A statement nobody is credited with: reported without a speaker (the
    // checks stage flags it) — unless it is a heading.
    if (c.doc.paragraphs[p].kind == ParagraphKind::kHeading) continue;
    EmitQuotation(c, Anchor(), r.quotation, 0.3);
  }
  if (out.size() > para_first_attr) {
    bool any_wholly_cont = false;
    for (size_t j = para_first_attr; j < out.size(); ++j)
      if (out[j].continuation && out[j].content.paragraph == p) any_wholly_cont = true;
    if (!any_wholly_cont) *continuation_run = 0;
  }
}

// Phase 6: quotations no attribution content covers are quoted terms (scare
// quotes, titles, quoted headings), unless they read as statements.
void CollectQuotedTerms(Ctx& c) {
  const std::vector<Attribution>& out = c.report->attributions;
  const int32_t np = static_cast<int32_t>(c.doc.paragraphs.size());
  // Per paragraph: contents sorted by begin with the running maximum end.
  std::vector<std::vector<std::pair<int32_t, int32_t>>> covered(np);
  for (const Attribution& a : out)
    covered[a.content.paragraph].push_back({a.content.begin, a.content.end});
  for (auto& cv : covered) {
    std::sort(cv.begin(), cv.end());
    for (size_t x = 1; x < cv.size(); ++x) cv[x].second = std::max(cv[x].second, cv[x - 1].second);
  }
  for (const Region& r : c.quotes.regions) {
    if (r.claimed) continue;
    const auto& cv = covered[r.p];
    auto it = std::upper_bound(cv.begin(), cv.end(), std::make_pair(r.begin, INT32_MAX));
    if (it != cv.begin() && (it - 1)->second >= r.end) continue;
    if (IsStatementLike(c, r) && c.doc.paragraphs[r.p].kind != ParagraphKind::kHeading) continue;
    const std::u16string& t = c.doc.paragraphs[r.p].text;
    int32_t b2 = r.begin, e2 = r.end;
    while (b2 < e2 && u_isUWhiteSpace(t[b2])) ++b2;
    while (e2 > b2 && (u_isUWhiteSpace(t[e2 - 1]) || t[e2 - 1] == u',' || t[e2 - 1] == u'.')) --e2;
    if (e2 > b2) c.report->quoted_terms.push_back(QuotedTerm{Span{r.p, b2, e2}});
  }
}

}  // namespace attributions_internal
}  // namespace factlens
