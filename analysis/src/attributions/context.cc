// Phase 0 of the attributions stage: the indexes every later phase reads
// (entity mentions per paragraph, quotation regions per paragraph and token,
// the name index).
#include <algorithm>
#include <cstdint>
#include <vector>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"

namespace factlens {
namespace attributions_internal {
namespace {

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
  c.quotes.in_para.assign(np, {});
  c.quotes.of_quotation.assign(c.report->text.quotations.size(), {});
  c.quotes.of_tok.resize(np);
  c.quotes.mark_of_tok.resize(np);
  for (int32_t p = 0; p < np; ++p) {
    c.quotes.of_tok[p].assign(NumTokens(c, p), -1);
    c.quotes.mark_of_tok[p].assign(NumTokens(c, p), 0);
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
      const int32_t ri = static_cast<int32_t>(c.quotes.regions.size());
      for (int32_t t = r.first_tok; t < r.end_tok; ++t) c.quotes.of_tok[p][t] = ri;
      if (r.open_tok >= 0 && c.quotes.of_tok[p][r.open_tok] < 0)
        c.quotes.mark_of_tok[p][r.open_tok] = 1;
      if (r.close_tok >= 0) c.quotes.mark_of_tok[p][r.close_tok] = 2;
      c.quotes.regions.push_back(r);
      c.quotes.in_para[p].push_back(ri);
      c.quotes.of_quotation[qi].push_back(ri);
    }
  }
}

// Entity mentions of each paragraph, sorted by begin.
void IndexMentions(Ctx& c) {
  const Report* report = c.report;
  const int32_t np = static_cast<int32_t>(c.doc.paragraphs.size());
  c.mentions_in_para.assign(np, {});
  for (int32_t m = 0; m < static_cast<int32_t>(report->entities.size()); ++m) {
    const Span& s = report->entities[m].span;
    if (s.paragraph >= 0 && s.paragraph < np) c.mentions_in_para[s.paragraph].push_back(m);
    if (report->entities[m].type == EntityType::kPerson) c.have_persons = true;
  }
  auto by_begin = [&](int32_t x, int32_t y) {
    return report->entities[x].span.begin < report->entities[y].span.begin;
  };
  // Mostly in order already; stable_sort would take a buffer for every paragraph.
  for (auto& ms : c.mentions_in_para)
    if (!std::is_sorted(ms.begin(), ms.end(), by_begin))
      std::stable_sort(ms.begin(), ms.end(), by_begin);
}

}  // namespace

Ctx BuildContext(const Document& doc, Report* report) {
  Ctx c{doc, report, Lexicon::Get(), {}, false, {}, {}};
  IndexMentions(c);
  BuildRegions(c);
  IndexNames(c);  // full names by their words (a fallback for tagger misses)
  if (c.have_persons) IndexRoles(c);
  return c;
}

}  // namespace attributions_internal
}  // namespace factlens
