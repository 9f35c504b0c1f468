// Quotation checks: unbalanced_quote (a mark the text layer could not pair)
// and unattributed_quote (a statement quoted without a speaker).
#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <unicode/uchar.h>

#include "checks/context.h"
#include "common/embedded_data.h"
#include "factlens/text.h"

namespace factlens {
namespace checks_internal {

namespace {

const std::unordered_set<std::u16string>& SpeechCues() {
  static const std::unordered_set<std::u16string> cues = [] {
    std::unordered_set<std::u16string> s;
    for (std::string_view line : EmbeddedLines("checks/speech_cues.txt")) s.insert(Utf16(line));
    return s;
  }();
  return cues;
}

bool ParagraphHasCueUncached(const Context& ctx, int32_t p) {
  const auto& cues = SpeechCues();
  for (const Tok& t : ctx.toks[p])
    if (t.type == Tok::kWord && cues.count(t.lower)) return true;
  // A colon lead-in ("Lee said:" is covered by the cue; "Lee:" alone) counts.
  return false;
}

bool StatementLike(const Context& ctx, const Span& inside) {
  const std::u16string& text = ctx.doc.paragraphs[inside.paragraph].text;
  // Words as written (space-separated), and how many start with a capital.
  int words = 0, capitals = 0;
  bool in_word = false;
  for (int32_t i = inside.begin; i < inside.end; ++i) {
    bool space = u_isUWhiteSpace(text[i]);
    if (!space && !in_word) {
      ++words;
      if (u_isupper(text[i])) ++capitals;
    }
    in_word = !space;
  }
  if (words < 6) return false;
  // A title in title case ("Wha Gives You The Idea That You're So Amazing").
  if (capitals * 2 > words) return false;
  // A full sentence is quoted: it starts with a capital.
  int32_t b = inside.begin;
  while (b < inside.end && !u_isalnum(text[b])) ++b;
  return b < inside.end && u_isupper(text[b]);
}


// What an unpaired mark was meant to be: a curly mark says it; for a straight
// mark the pairing stage may say which role it tried.
enum class Role { kOpener, kCloser, kUnknown };

Role RoleOf(const TextLayer& text, const QuoteMark& m) {
  switch (m.ch) {
    case u'“': case u'‘': case u'«': case u'„': case u'‚': case u'「': case u'‹':
      return Role::kOpener;
    case u'”': case u'’': case u'»': case u'」': case u'›':
      return Role::kCloser;
    default:
      break;
  }
  if (m.quotation < 0 || m.quotation >= static_cast<int32_t>(text.quotations.size()))
    return Role::kUnknown;
  return text.quotations[m.quotation].closed() ? Role::kCloser : Role::kOpener;
}

std::string UnbalancedMessage(char16_t ch, Role role) {
  std::string mark = Utf8(std::u16string(1, ch));
  switch (role) {
    case Role::kOpener:
      return "This opening quotation mark " + mark +
             " is never closed: where does the quotation end?";
    case Role::kCloser:
      return "This closing quotation mark " + mark + " has no opening mark.";
    case Role::kUnknown:
      break;
  }
  return "This quotation mark " + mark + " has no partner.";
}

}  // namespace

// unbalanced_quote: point at the mark.
void CheckUnbalancedQuotes(Context& ctx) {
  const TextLayer& text = ctx.report->text;
  std::set<Position> flagged;  // a set: a storm of stray marks made this quadratic
  auto add_unbalanced = [&](Position pos, char16_t ch, Role role) {
    if (!flagged.insert(pos).second) return;
    Check c = NewCheck(Kind::kUnbalancedQuote);
    c.message = UnbalancedMessage(ch, role);
    c.spans.push_back(Span{pos.paragraph, pos.offset, pos.offset + 1});
    ctx.Add(std::move(c));
  };
  for (int32_t idx : text.unbalanced) {
    if (idx < 0 || idx >= static_cast<int32_t>(text.marks.size())) continue;
    const QuoteMark& m = text.marks[idx];
    add_unbalanced(m.pos, m.ch, RoleOf(text, m));
  }
  for (const Quotation& q : text.quotations) {
    if (q.closed() || q.open.paragraph < 0) continue;
    add_unbalanced(q.open, q.open_mark, Role::kOpener);
  }
}

// unattributed_quote.
void CheckUnattributedQuotes(Context& ctx) {
  const Report& r = *ctx.report;
  const Document& doc = ctx.doc;
  // Attributions and quoted terms by paragraph.
  std::vector<int8_t> cue_cache(doc.paragraphs.size(), -1);
  auto ParagraphHasCue = [&](const Context& c, int32_t p) {
    if (cue_cache[p] < 0) cue_cache[p] = ParagraphHasCueUncached(c, p) ? 1 : 0;
    return cue_cache[p] != 0;
  };
  std::vector<std::vector<const Attribution*>> attr_by_par(doc.paragraphs.size());
  std::vector<std::vector<Span>> terms_by_par(doc.paragraphs.size());
  for (const Attribution& a : r.attributions)
    if (a.content.paragraph >= 0 &&
        a.content.paragraph < static_cast<int32_t>(doc.paragraphs.size()))
      attr_by_par[a.content.paragraph].push_back(&a);
  for (const QuotedTerm& t : r.quoted_terms)
    if (t.span.paragraph >= 0 && t.span.paragraph < static_cast<int32_t>(doc.paragraphs.size()))
      terms_by_par[t.span.paragraph].push_back(t.span);
  for (size_t qi = 0; qi < r.text.quotations.size(); ++qi) {
    const Quotation& q = r.text.quotations[qi];
    if (!q.closed() || q.depth > 0 || q.single) continue;
    Span inside = q.InsideIn(q.open.paragraph, doc);
    if (!inside.valid() || inside.empty()) continue;
    if (ctx.HeadingLike(inside.paragraph)) continue;
    bool term = false;
    for (const Span& t : terms_by_par[inside.paragraph]) term |= Overlaps(t, inside);
    if (term) continue;
    const Attribution* hit = nullptr;
    bool attributed = false;
    for (const Attribution* ap : attr_by_par[inside.paragraph]) {
      const Attribution& a = *ap;
      if (!Overlaps(a.content, inside)) continue;
      hit = &a;
      // A continuation counts only when it carries its speaker.
      if (a.speaker || a.speaker_entity >= 0 || !a.speaker_name.empty() || a.vague_source)
        attributed = true;
    }
    if (attributed) continue;
    if (!StatementLike(ctx, inside)) continue;
    // Safety net against missed attributions: a speech cue in the paragraph,
    // or a quotation-only paragraph right after a paragraph with a cue
    // (the cue-less continuation of the news convention).
    if (ParagraphHasCue(ctx, inside.paragraph)) continue;
    if (inside.paragraph > 0 && ParagraphHasCue(ctx, inside.paragraph - 1)) {
      const std::u16string& text = doc.paragraphs[inside.paragraph].text;
      size_t first = text.find_first_not_of(u" \t");
      if (first != std::u16string::npos && static_cast<int32_t>(first) == q.open.offset) continue;
    }
    Check c = NewCheck(Kind::kUnattributedQuote);
    c.message = hit ? "No speaker was found for this quotation: who said it?"
                    : "This quotation has no speaker and no attribution nearby: who said it?";
    c.spans.push_back(inside);
    ctx.Add(std::move(c));
  }
}

}  // namespace checks_internal
}  // namespace factlens
