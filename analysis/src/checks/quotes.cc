// Quotation checks: unbalanced_quote (a mark the text layer could not pair)
// and unattributed_quote (a statement quoted without a speaker).
#include <algorithm>
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
    for (const char* file : {"checks/speech_cues.txt", "checks/lead_in_words.txt"})
      for (std::string_view line : EmbeddedLines(file)) s.insert(Utf16(line));
    return s;
  }();
  return cues;
}

bool ParagraphHasCueUncached(const Context& ctx, int32_t p) {
  const auto& cues = SpeechCues();
  const auto& ts = ctx.toks[p];
  for (size_t i = 0; i < ts.size(); ++i) {
    if (ts[i].type != Tok::kWord) continue;
    if (Has(cues, ts[i].lower())) return true;
    // "Okafor went on, ..." (the cue list holds single words).
    if (ts[i].lower() == u"went" && i + 1 < ts.size() && ts[i + 1].lower() == u"on") return true;
  }
  return false;
}

bool HasSpeaker(const std::vector<const Attribution*>& attributions) {
  for (const Attribution* a : attributions)
    if (a->speaker_entity >= 0 || !a->speaker_name.empty()) return true;
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

// The multi-paragraph convention: a quotation that runs on into the next
// paragraph leaves its paragraph open and the next one opens again.
bool RunsOnConventionally(const Context& ctx, const Position& open, char16_t mark) {
  const int32_t np = static_cast<int32_t>(ctx.doc.paragraphs.size());
  int32_t q = open.paragraph + 1;
  while (q < np && ctx.doc.paragraphs[q].text.find_first_not_of(u" \t\u00a0") ==
                       std::u16string::npos)
    ++q;
  if (q >= np) return false;
  const std::u16string& t = ctx.doc.paragraphs[q].text;
  const size_t first = t.find_first_not_of(u" \t\u00a0");
  return t[first] == mark || (t[first] == u'“' && mark == '"') ||
         (t[first] == '"' && mark == u'“');
}

// A straight mark closing its paragraph after an excerpt whose paragraphs
// open with straight marks (each opens, only the last closes): it closes the
// excerpt. Looks back up to 24 paragraphs.
bool ClosesRunOnExcerpt(const Context& ctx, const Position& pos, char16_t ch) {
  if (ch != '"') return false;
  const std::u16string& t = ctx.doc.paragraphs[pos.paragraph].text;
  size_t after = pos.offset + 1;
  while (after < t.size() && u_isUWhiteSpace(t[after])) ++after;
  if (after < t.size()) return false;
  for (int32_t q = pos.paragraph - 1; q >= 0 && q >= pos.paragraph - 24; --q) {
    const std::u16string& pt = ctx.doc.paragraphs[q].text;
    const size_t first = pt.find_first_not_of(u" \t\u00a0");
    if (first == std::u16string::npos) continue;
    if (pt[first] == '"')
      return RunsOnConventionally(ctx, Position{q, static_cast<int32_t>(first)}, '"');
  }
  return false;
}

// Feet and inches written with quotation marks ("she’s about 5’9”,” ...):
// the pairing of the paragraph's marks cannot be trusted.
bool InchMarks(const std::u16string& text) {
  for (size_t i = 2; i < text.size(); ++i) {
    const char16_t c = text[i];
    if (c != u'”' && c != '"' && c != u'″') continue;
    size_t j = i;
    while (j > 0 && u_isdigit(text[j - 1])) --j;
    if (j == i || j < 2) continue;
    const char16_t foot = text[j - 1];
    if ((foot == u'’' || foot == '\'' || foot == u'′') && u_isdigit(text[j - 2])) return true;
  }
  return false;
}

// Two apostrophes as a double quotation mark (''like this''): one mark.
bool DoubledApostrophe(const std::u16string& text, int32_t offset) {
  if (text[offset] != '\'') return false;
  return (offset + 1 < static_cast<int32_t>(text.size()) && text[offset + 1] == '\'') ||
         (offset > 0 && text[offset - 1] == '\'');
}

// The last character before `offset` in paragraph p that is not a space, or
// 0 (the paragraph starts there).
char16_t LastBefore(const std::u16string& text, int32_t offset) {
  int32_t i = offset - 1;
  while (i >= 0 && u_isUWhiteSpace(text[i])) --i;
  return i >= 0 ? text[i] : 0;
}

// A lead-in that ends with a colon or a comma names who speaks ("Okafor
// continued:", "the headline reads, "): in the sentence before the mark, or
// as the paragraph before a quotation that opens its paragraph.
bool LeadIn(const Context& ctx, const Position& open) {
  const std::u16string& text = ctx.doc.paragraphs[open.paragraph].text;
  char16_t c = LastBefore(text, open.offset);
  if (c == 0) {
    const int32_t prev = ctx.PreviousTextParagraph(open.paragraph);
    if (prev < 0) return false;
    const std::u16string& pt = ctx.doc.paragraphs[prev].text;
    c = LastBefore(pt, static_cast<int32_t>(pt.size()));
  }
  return c == ':' || c == ',';
}

// A quotation set off by dashes inside a sentence ("her line—“My budget will
// be a beautiful budget!”—is wearing thin"): an aside that echoes what the
// story has said, not a statement that needs a speaker.
bool DashAside(const std::u16string& text, int32_t open, int32_t close_end) {
  auto dash = [](char16_t c) { return c == u'—' || c == u'–'; };
  int32_t b = open - 1;
  while (b >= 0 && u_isUWhiteSpace(text[b])) --b;
  size_t e = close_end;
  while (e < text.size() && u_isUWhiteSpace(text[e])) ++e;
  return b >= 0 && dash(text[b]) && e < text.size() && dash(text[e]);
}

// A credit in brackets right after the quotation ("… ” [NYT.]"): an excerpt
// from another outlet.
// Or at the end of its paragraph ("“…” Tune in at 9 p.m. [AP.]", "(SVP.)").
constexpr size_t kMaxCredit = 80;

bool CreditAfter(const std::u16string& text, int32_t close_end) {
  size_t i = close_end;
  while (i < text.size() && u_isUWhiteSpace(text[i])) ++i;
  if (i < text.size() && text[i] == '[') {
    const size_t end = text.find(']', i);
    if (end != std::u16string::npos && end - i <= kMaxCredit) return true;
  }
  size_t e = text.size();
  while (e > 0 && (u_isUWhiteSpace(text[e - 1]) || text[e - 1] == '.')) --e;
  if (e == 0 || (text[e - 1] != ']' && text[e - 1] != ')')) return false;
  const size_t open = text.rfind(text[e - 1] == ']' ? '[' : '(', e - 1);
  return open != std::u16string::npos && open >= static_cast<size_t>(close_end) &&
         e - open <= kMaxCredit;
}

// An opener and a later closer of the same style, both unpaired, in one
// paragraph: a pair the text layer missed (apostrophes nearby), not two
// errors.
struct Unpaired {
  Position pos;
  char16_t ch;
  Role role;
};

bool PairOf(const Unpaired& open, const Unpaired& close) {
  if (open.role != Role::kOpener || close.role != Role::kCloser) return false;
  if (open.pos.paragraph != close.pos.paragraph || !(open.pos.offset < close.pos.offset))
    return false;
  return (open.ch == u'“' && close.ch == u'”') || (open.ch == u'‘' && close.ch == u'’') ||
         (open.ch == '"' && close.ch == '"');
}

// A pull quote with its credit line: a straight mark opens a paragraph and
// closes the short next one ("\"We will win.¶Jo Marsh, mayor.\"").
constexpr int kMaxCreditWords = 12;

bool PullQuote(const Context& ctx, const Unpaired& open, const Unpaired& close) {
  if (open.ch != '"' || close.ch != '"' || open.role == Role::kCloser) return false;
  const std::u16string& ot = ctx.doc.paragraphs[open.pos.paragraph].text;
  if (LastBefore(ot, open.pos.offset) != 0) return false;
  if (ctx.PreviousTextParagraph(close.pos.paragraph) != open.pos.paragraph) return false;
  const std::u16string& ct = ctx.doc.paragraphs[close.pos.paragraph].text;
  size_t after = close.pos.offset + 1;
  while (after < ct.size() && u_isUWhiteSpace(ct[after])) ++after;
  if (after != ct.size()) return false;
  int words = 0;
  for (const Tok& t : ctx.toks[close.pos.paragraph])
    if (t.type == Tok::kWord && ++words > kMaxCreditWords) return false;
  return true;
}

void DropMissedPairs(const Context& ctx, std::vector<Unpaired>* marks) {
  std::sort(marks->begin(), marks->end(),
            [](const Unpaired& a, const Unpaired& b) { return a.pos < b.pos; });
  std::vector<bool> drop(marks->size(), false);
  for (size_t i = 0; i + 1 < marks->size(); ++i)
    if (!drop[i] && (PairOf((*marks)[i], (*marks)[i + 1]) ||
                     PullQuote(ctx, (*marks)[i], (*marks)[i + 1])))
      drop[i] = drop[i + 1] = true;
  size_t k = 0;
  for (size_t i = 0; i < marks->size(); ++i)
    if (!drop[i]) (*marks)[k++] = (*marks)[i];
  marks->resize(k);
}

// Whether an attribution of the paragraph covers the quotation with a speaker
// (a continuation counts only when it carries its speaker); *hit: the last
// attribution that covers it at all.
bool Attributed(const std::vector<const Attribution*>& attributions, const Span& inside,
                const Attribution** hit) {
  bool attributed = false;
  for (const Attribution* a : attributions) {
    if (!Overlaps(a->content, inside)) continue;
    *hit = a;
    attributed |= a->speaker || a->speaker_entity >= 0 || !a->speaker_name.empty() ||
                  a->vague_source;
  }
  return attributed;
}

// A dash and a short credit that ends the paragraph ("“...” ― Ana M.
// Lima", "“...” — Jo Marsh, mayor").
constexpr int kDashCreditWords = 8;

// The quotation bar (U+2015) credits wherever it comes later in the
// paragraph (marks broken inside the quotation may end it early).
// `bar`: where the paragraph's last quotation bar is (npos if none).
bool DashCredit(const std::u16string& text, int32_t close_end, size_t bar) {
  size_t i = close_end;
  while (i < text.size() && u_isUWhiteSpace(text[i])) ++i;
  if (bar != std::u16string::npos && bar >= static_cast<size_t>(close_end)) i = bar;
  if (i >= text.size() || !(text[i] == u'―' || text[i] == u'—' || text[i] == u'–')) return false;
  int words = 0;
  bool in_word = false;
  for (++i; i < text.size(); ++i) {
    const bool space = u_isUWhiteSpace(text[i]);
    if (!space && !in_word && ++words > kDashCreditWords) return false;
    in_word = !space;
  }
  return words > 0;
}

// A credit after the quotation or a dash-set aside, within paragraph p.
bool CreditedOrAside(const Document& doc, const Quotation& q, int32_t p, size_t bar) {
  if (q.close.paragraph != p) return false;
  const std::u16string& text = doc.paragraphs[p].text;
  return CreditAfter(text, q.close.offset + 1) || DashCredit(text, q.close.offset + 1, bar) ||
         DashAside(text, q.open.offset, q.close.offset + 1);
}

// A person named earlier in the quotation's paragraph, in its sentence or
// the one before ("On “Harbour Hour,” Sen. Ruth Calder described
// ... . “The older nurses are ...”"): the reader knows who speaks.
// Or named right after it, in the sentence that closes it or the next one
// ("“...,” Calder fumed.", "“...” That quote from Commissioner Ann Lowry
// appeared ..."): a speech verb the cue list lacks, or the source given after.
bool PersonJustBefore(const Context& ctx, const std::vector<Span>& persons, const Quotation& q) {
  const int32_t p = q.open.paragraph;
  const int sentence = ctx.SentenceAt(p, q.open.offset);
  if (sentence < 0) return false;
  const auto& sents = ctx.sentences[p];
  const int32_t from = sents[std::max(sentence - 1, 0)].begin;
  int32_t to = -1;  // end of the sentence after the one the quotation closes in
  if (q.close.paragraph == p) {
    const int closing = ctx.SentenceAt(p, q.close.offset);
    if (closing >= 0)
      to = sents[std::min(closing + 1, static_cast<int>(sents.size()) - 1)].end;
  }
  // `persons` is sorted by position: the first one at or after `from`.
  auto it = std::lower_bound(persons.begin(), persons.end(), from,
                             [](const Span& s, int32_t off) { return s.begin < off; });
  if (it != persons.end() && it->end <= q.open.offset) return true;
  if (q.close.paragraph != p) return false;
  it = std::lower_bound(persons.begin(), persons.end(), q.close.offset + 1,
                        [](const Span& s, int32_t off) { return s.begin < off; });
  return it != persons.end() && it->end <= to;
}

// "he" or "she" outside quotation marks in the quotation's paragraph before
// it, or in the last sentence of the paragraph before ("..., he surmised.
// “On the bus, I hear ...”", "he was sent back to Portugal. “The first
// month, I was sleeping in my car.”"): the story is following one speaker.
// Per paragraph, the first and last such pronoun (one pass over the tokens,
// quotation marks counted on the way; -1 if none).
struct Pronouns {
  int32_t first = -1, last = -1;
};

Pronouns SpeakerPronouns(const Context& ctx, int32_t p) {
  Pronouns out;
  const std::u16string& text = ctx.doc.paragraphs[p].text;
  bool inside = false;
  for (const Tok& t : ctx.toks[p]) {
    if (t.type == Tok::kPunct) {
      const char16_t c = text[t.begin];
      if (c == u'“') inside = true;
      else if (c == u'”') inside = false;
      else if (c == '"') inside = !inside;
      continue;
    }
    if (inside || !(t.lower() == u"he" || t.lower() == u"she")) continue;
    if (out.first < 0) out.first = t.begin;
    out.last = t.begin;
  }
  return out;
}

bool SpeakerPronounBefore(const Context& ctx, std::vector<Pronouns>* cache,
                          std::vector<uint8_t>* known, int32_t prev, const Quotation& q) {
  auto get = [&](int32_t p) -> const Pronouns& {
    if (!(*known)[p]) (*cache)[p] = SpeakerPronouns(ctx, p), (*known)[p] = 1;
    return (*cache)[p];
  };
  const Pronouns& here = get(q.open.paragraph);
  if (here.first >= 0 && here.first < q.open.offset) return true;
  if (prev < 0 || ctx.sentences[prev].empty()) return false;
  return get(prev).last >= ctx.sentences[prev].back().begin;
}

// A quotation right after an opening parenthesis ("(“Okafor rebuffs Lamb,”
// HarbourDaily.com, Friday)"): a cited headline, not a statement.
bool CitedInParentheses(const Document& doc, const Quotation& q) {
  return LastBefore(doc.paragraphs[q.open.paragraph].text, q.open.offset) == '(';
}

// The quotation's paragraph is followed by a credit line ("- Penhallow.",
// "— Jo Marsh, mayor"): a dash, then a few words.
constexpr int kCreditLineWords = 8;

bool CreditLineAfter(const Context& ctx, int32_t p) {
  const int32_t np = static_cast<int32_t>(ctx.doc.paragraphs.size());
  int32_t q = p + 1;
  while (q < np && ctx.toks[q].empty()) ++q;
  if (q >= np) return false;
  const std::u16string& t = ctx.doc.paragraphs[q].text;
  const size_t b = t.find_first_not_of(u" \t\u00a0");
  if (b == std::u16string::npos || !(t[b] == '-' || t[b] == u'–' || t[b] == u'—')) return false;
  int words = 0;
  for (const Tok& tok : ctx.toks[q])
    if (tok.type == Tok::kWord && ++words > kCreditLineWords) return false;
  return words > 0;
}

// The paragraph before p for a run of quotations, passing over at most four
// short stage directions or replies ("She shrugs.", "“Nope!”").
constexpr int kStageDirectionWords = 5;
constexpr int kStageDirections = 4;

int32_t PreviousSpeechParagraph(const Context& ctx, int32_t p) {
  int32_t prev = ctx.PreviousTextParagraph(p);
  for (int k = 0; k < kStageDirections && prev >= 0; ++k) {
    int words = 0;
    for (const Tok& t : ctx.toks[prev]) words += t.type == Tok::kWord;
    if (words > kStageDirectionWords) break;
    prev = ctx.PreviousTextParagraph(prev);
  }
  return prev;
}

}  // namespace

// unbalanced_quote: point at the mark.
void CheckUnbalancedQuotes(Context& ctx) {
  const TextLayer& text = ctx.report->text;
  std::set<Position> seen;  // a set: a storm of stray marks made this quadratic
  std::vector<Unpaired> marks;
  std::vector<int8_t> inches(ctx.doc.paragraphs.size(), -1);  // per paragraph, once
  auto add = [&](Position pos, char16_t ch, Role role) {
    const Span at{pos.paragraph, pos.offset, pos.offset + 1};
    if (ctx.InsideTag(at) || ctx.InsideEmbed(at)) return;
    int8_t& inch = inches[pos.paragraph];
    if (inch < 0) inch = InchMarks(ctx.doc.paragraphs[pos.paragraph].text) ? 1 : 0;
    if (inch) return;
    if (role != Role::kOpener && ClosesRunOnExcerpt(ctx, pos, ch)) return;
    if (DoubledApostrophe(ctx.doc.paragraphs[pos.paragraph].text, pos.offset)) return;
    if (seen.insert(pos).second) marks.push_back({pos, ch, role});
  };
  for (int32_t idx : text.unbalanced) {
    if (idx < 0 || idx >= static_cast<int32_t>(text.marks.size())) continue;
    const QuoteMark& m = text.marks[idx];
    add(m.pos, m.ch, RoleOf(text, m));
  }
  for (const Quotation& q : text.quotations) {
    if (q.closed() || q.open.paragraph < 0) continue;
    if (RunsOnConventionally(ctx, q.open, q.open_mark)) continue;
    add(q.open, q.open_mark, Role::kOpener);
  }
  DropMissedPairs(ctx, &marks);
  for (const Unpaired& m : marks) {
    Check c = NewCheck(Kind::kUnbalancedQuote);
    c.message = UnbalancedMessage(m.ch, m.role);
    c.spans.push_back(Span{m.pos.paragraph, m.pos.offset, m.pos.offset + 1});
    ctx.Add(std::move(c));
  }
}

// unattributed_quote: opt-in (house style `unattributed_quote = on`).
void CheckUnattributedQuotes(Context& ctx) {
  if (!ctx.options.style.unattributed_quote) return;
  const Report& r = *ctx.report;
  const Document& doc = ctx.doc;
  // Attributions and quoted terms by paragraph.
  std::vector<int8_t> cue_cache(doc.paragraphs.size(), -1);
  auto ParagraphHasCue = [&](const Context& c, int32_t p) {
    if (cue_cache[p] < 0) cue_cache[p] = ParagraphHasCueUncached(c, p) ? 1 : 0;
    return cue_cache[p] != 0;
  };
  std::vector<std::vector<const Attribution*>> attr_by_par(doc.paragraphs.size());
  // Paragraphs opening with a quotation that continues the speaker before.
  std::vector<uint8_t> continued(doc.paragraphs.size(), 0);
  std::vector<std::vector<Span>> terms_by_par(doc.paragraphs.size());
  std::vector<std::vector<Span>> persons_by_par(doc.paragraphs.size());
  std::vector<Pronouns> pronouns(doc.paragraphs.size());
  std::vector<uint8_t> pronouns_known(doc.paragraphs.size(), 0);
  std::vector<int32_t> bars(doc.paragraphs.size(), -2);  // last '―' per paragraph, once
  for (const EntityMention& m : r.entities)
    if (m.type == EntityType::kPerson && m.span.paragraph >= 0 &&
        m.span.paragraph < static_cast<int32_t>(doc.paragraphs.size()))
      persons_by_par[m.span.paragraph].push_back(m.span);
  for (auto& spans : persons_by_par) std::sort(spans.begin(), spans.end());
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
    if (ctx.HeadingLike(inside.paragraph) || ctx.InsideEmbed(inside)) continue;
    bool term = false;
    for (const Span& t : terms_by_par[inside.paragraph]) term |= Overlaps(t, inside);
    if (term) continue;
    const Attribution* hit = nullptr;
    if (Attributed(attr_by_par[inside.paragraph], inside, &hit)) continue;
    if (!StatementLike(ctx, inside)) continue;
    // Safety net against missed attributions: a lead-in ending with a colon
    // or comma, a credit in brackets, a speech cue in the paragraph, or a
    // quotation that opens its paragraph after a paragraph with a cue or a
    // speaker (the cue-less continuation of the news convention).
    if (LeadIn(ctx, q.open) || ParagraphHasCue(ctx, inside.paragraph) ||
        HasSpeaker(attr_by_par[inside.paragraph]))
      continue;
    const std::u16string& ptext = doc.paragraphs[inside.paragraph].text;
    if (bars[inside.paragraph] == -2)
      bars[inside.paragraph] = ptext.rfind(u'―') == std::u16string::npos
                                   ? -1
                                   : static_cast<int32_t>(ptext.rfind(u'―'));
    const size_t bar = bars[inside.paragraph] < 0 ? std::u16string::npos
                                                  : static_cast<size_t>(bars[inside.paragraph]);
    if (CreditedOrAside(doc, q, inside.paragraph, bar) || CitedInParentheses(doc, q) ||
        CreditLineAfter(ctx, q.close.paragraph) ||
        PersonJustBefore(ctx, persons_by_par[q.open.paragraph], q))
      continue;
    const int32_t prev = PreviousSpeechParagraph(ctx, inside.paragraph);
    if (SpeakerPronounBefore(ctx, &pronouns, &pronouns_known, prev, q)) continue;
    const bool opens_paragraph =
        LastBefore(doc.paragraphs[inside.paragraph].text, q.open.offset) == 0;
    if (opens_paragraph && prev >= 0 &&
        (ParagraphHasCue(ctx, prev) || HasSpeaker(attr_by_par[prev]) || continued[prev])) {
      continued[inside.paragraph] = 1;  // a run of quotation paragraphs continues
      continue;
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
