// Builds the Attribution records: the kind (direct, indirect, mixed), the
// trimmed content, the speaker, cue and outlet of the anchor; marks the
// quotations inside the content as claimed. And the final order.
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"

namespace factlens {
namespace attributions_internal {
namespace {

AttributionKind KindOf(const Ctx& c, const Span& content, bool* only_quote, int32_t* quote_region) {
  *only_quote = false;
  *quote_region = -1;
  bool any = false;
  const auto& rs = c.quotes.in_para[content.paragraph];
  for (size_t x = FirstRegionFrom(c, content.paragraph, content.begin);
       x < rs.size() && c.quotes.regions[rs[x]].begin < content.end; ++x) {
    const int32_t ri = rs[x];
    const Region& r = c.quotes.regions[ri];
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

// The anchor's part of an attribution: speaker, cue, outlet, belief.
void CopyAnchor(const Ctx& c, const Anchor& a, Attribution* at) {
  if (a.speaker.tb >= 0 || a.speaker.impersonal) {
    at->speaker = a.speaker.relative >= 0 && !a.speaker.name.empty()
                      ? TokSpan(c, a.p, a.speaker.relative, a.speaker.relative + 1)
                      : a.speaker.span;
    at->speaker_entity = a.speaker.entity;
    at->speaker_name = a.speaker.name;
  }
  at->vague_source = a.speaker.vague;
  if (a.cue_b >= 0) at->cue = Span{a.p, Tok(c, a.p, a.cue_b).begin, Tok(c, a.p, a.cue_e - 1).end};
  at->outlet = a.outlet;
  at->belief = a.info.belief;
}

// Marks the quotations inside `content` as claimed by attribution `index`.
void ClaimQuotations(Ctx& c, const Span& content, int32_t index) {
  const auto& rs = c.quotes.in_para[content.paragraph];
  for (size_t x = FirstRegionFrom(c, content.paragraph, content.begin);
       x < rs.size() && c.quotes.regions[rs[x]].begin < content.end; ++x) {
    Region& r = c.quotes.regions[rs[x]];
    if (r.begin >= content.begin && r.end <= content.end) {
      r.claimed = true;
      if (r.attribution < 0) r.attribution = index;
    }
  }
}

}  // namespace

int32_t Emit(Ctx& c, const Anchor& a, Span content, bool continuation, double confidence) {
  std::vector<Attribution>& out = c.report->attributions;
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
  at.kind = KindOf(c, content, &only_quote, &qr);
  if (only_quote)
    content = Span{content.paragraph, c.quotes.regions[qr].begin, c.quotes.regions[qr].end};
  at.content = content;
  CopyAnchor(c, a, &at);
  at.continuation = continuation;
  at.confidence = confidence;
  if (at.speaker_name.empty() && !at.vague_source) at.confidence = std::min(at.confidence, 0.3);
  ClaimQuotations(c, content, static_cast<int32_t>(out.size()));
  out.push_back(std::move(at));
  return static_cast<int32_t>(out.size()) - 1;
}

void EmitQuotation(Ctx& c, const Anchor& a, int32_t qi, double confidence) {
  std::vector<Attribution>& out = c.report->attributions;
  for (int32_t ri : c.quotes.of_quotation[qi]) {
    Region& r = c.quotes.regions[ri];
    const int32_t p = r.p;
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
    CopyAnchor(c, a, &at);
    at.continuation = p != a.p;
    at.confidence = at.continuation ? confidence - 0.1 : confidence;
    if (at.speaker_name.empty() && !at.vague_source) at.confidence = std::min(at.confidence, 0.3);
    r.claimed = true;
    r.attribution = static_cast<int32_t>(out.size());
    out.push_back(std::move(at));
  }
}

// Attributions in document order of their content; a content reached by two
// anchors keeps the first. Quoted terms in document order.
void SortAndDedupe(Report* report) {
  std::vector<Attribution>& out = report->attributions;
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

namespace {

constexpr int32_t kMaxSplitGap = 160;  // characters between two parts of a quotation

bool SameSpeaker(const Attribution& x, const Attribution& y) {
  return x.speaker == y.speaker && x.speaker_name == y.speaker_name &&
         x.speaker_entity == y.speaker_entity && x.vague_source == y.vague_source;
}

// Does y, the next attribution after x (whose last part ends at `last_end`),
// continue x's quotation? Both direct, in one paragraph, close together, same
// speaker; x's cue stands between its first part and y, and y either has no cue
// (a continuation) or the same cue ("A," she said, "B.").
bool ContinuesSplitQuote(const Attribution& x, int32_t last_end, const Attribution& y) {
  if (x.kind != AttributionKind::kDirect || y.kind != AttributionKind::kDirect) return false;
  if (x.belief || y.belief || !x.cue || !SameSpeaker(x, y)) return false;
  if (y.content.paragraph != x.content.paragraph || x.cue->paragraph != x.content.paragraph)
    return false;
  if (y.content.begin < last_end || y.content.begin - last_end > kMaxSplitGap) return false;
  const int32_t first_end = x.parts.empty() ? x.content.end : x.parts.front().end;
  if (x.cue->begin < first_end || x.cue->end > y.content.begin) return false;
  if (y.cue) return *y.cue == *x.cue && x.parts.empty();
  return y.continuation;
}

bool Contains(const Span& outer, const Span& inner) {
  return outer.paragraph == inner.paragraph && outer.begin <= inner.begin &&
         inner.end <= outer.end;
}

// Is `inner` a restatement inside `outer`'s content: its cue and content lie in
// it, and it is a belief ("she said she thinks …"), has the same speaker ("he
// said he told them …": a pronoun, or the same name), or is a report carried by
// an unquoted report ("Voss said the mayor told her that …": what is on record
// is Voss's statement, which holds the mayor's; a quotation inside stays).
bool RestatesInside(const Document& doc, const Attribution& outer, const Attribution& inner) {
  if (!inner.cue || !Contains(outer.content, *inner.cue) ||
      !Contains(outer.content, inner.content) || outer.content == inner.content)
    return false;
  if (inner.belief) return true;
  if (outer.kind != AttributionKind::kDirect && inner.kind != AttributionKind::kDirect) return true;
  if (!inner.speaker_name.empty()) return inner.speaker_name == outer.speaker_name;
  if (!inner.speaker) return false;
  const std::u16string w = SpanText(doc, *inner.speaker);
  return w == u"he" || w == u"she" || w == u"He" || w == u"She";
}

}  // namespace

void DropRestatements(const Document& doc, Report* report) {
  std::vector<Attribution>& out = report->attributions;
  size_t w = 0;
  int32_t outer = -1;  // the kept attribution reaching furthest in its paragraph
  for (size_t i = 0; i < out.size(); ++i) {
    if (outer >= 0 && RestatesInside(doc, out[outer], out[i])) continue;
    if (w != i) out[w] = std::move(out[i]);
    if (outer < 0 || out[outer].content.paragraph != out[w].content.paragraph ||
        out[w].content.end > out[outer].content.end)
      outer = static_cast<int32_t>(w);
    ++w;
  }
  out.resize(w);
}

void JoinSplitQuotes(Report* report) {
  std::vector<Attribution>& out = report->attributions;
  size_t w = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (w > 0) {
      Attribution& x = out[w - 1];
      const int32_t last_end = x.parts.empty() ? x.content.end : x.parts.back().end;
      if (ContinuesSplitQuote(x, last_end, out[i])) {
        if (x.parts.empty()) x.parts.push_back(x.content);
        x.parts.push_back(out[i].content);
        x.content.end = out[i].content.end;
        continue;
      }
    }
    if (w != i) out[w] = std::move(out[i]);
    ++w;
  }
  out.resize(w);
}

}  // namespace attributions_internal
}  // namespace factlens
