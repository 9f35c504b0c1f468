// The vague_source check: unnamed collective sources from the attribution
// stage ("analysts said"), then the phrase patterns of
// data/checks/vague_sources.txt ("it is widely believed").
#include <algorithm>
#include <bitset>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <unicode/uchar.h>

#include "checks/context.h"
#include "common/embedded_data.h"

namespace factlens {
namespace checks_internal {

namespace {

struct Pattern {
  std::vector<std::vector<std::u16string>> slots;
};

const std::vector<Pattern>& VaguePatterns() {
  static const std::vector<Pattern> patterns = [] {
    std::vector<Pattern> out;
    for (std::string_view line : EmbeddedLines("checks/vague_sources.txt")) {
      Pattern p;
      size_t i = 0;
      while (i < line.size()) {
        size_t j = line.find(' ', i);
        if (j == std::string_view::npos) j = line.size();
        std::string_view slot = line.substr(i, j - i);
        std::vector<std::u16string> alts;
        size_t a = 0;
        while (a <= slot.size()) {
          size_t b = slot.find('|', a);
          if (b == std::string_view::npos) b = slot.size();
          if (b > a) alts.push_back(Utf16(slot.substr(a, b - a)));
          a = b + 1;
        }
        if (!alts.empty()) p.slots.push_back(std::move(alts));
        i = j + 1;
      }
      if (!p.slots.empty()) out.push_back(std::move(p));
    }
    return out;
  }();
  return patterns;
}

// The attribution stage's vague sources count when their words are the
// unnamed collectives a copy desk queries (data/checks/vague_heads.txt).
// A source is a short noun phrase ("several observers", "many Democratic
// officials"); a longer span is a clause the attribution stage misread
// ("those numbers ought to be giving some").
constexpr int kMaxSourceWords = 4;

bool CollectiveSource(const Context& ctx, const Span& s) {
  static const WordSet kVagueHeads = EmbeddedWordSet("checks/vague_heads.txt");
  bool head = false;
  int words = 0;
  auto [ta, tb] = ctx.TokRange(s.paragraph, s.begin, s.end);
  for (int k = ta; k < tb; ++k) {
    words += ctx.toks[s.paragraph][k].type == Tok::kWord;
    head |= Has(kVagueHeads, ctx.toks[s.paragraph][k].lower());
  }
  // "many of them retired teachers": a part of a group, not a source.
  if (tb < static_cast<int>(ctx.toks[s.paragraph].size()) &&
      ctx.toks[s.paragraph][tb].lower() == u"of")
    return false;
  return head && words <= kMaxSourceWords;
}

// A named person in the span ("Okafor has doubted many"), or the span inside
// what a named speaker is reported to have said ("Penhallow noted that experts
// say"): the claim has a source.
// Built once per run, sorted by paragraph: the spans of person mentions and of what
// named speakers said.
struct NamedSpans {
  explicit NamedSpans(const Context& ctx) {
    for (const EntityMention& m : ctx.report->entities)
      if (m.type == EntityType::kPerson) {
        sourced.push_back(m.span);
        persons.push_back(m.span);
      }
    for (const Attribution& a : ctx.report->attributions)
      if (!a.vague_source && (a.speaker_entity >= 0 || !a.speaker_name.empty()))
        sourced.push_back(a.content);
    SortByParagraph(&sourced);
    SortByParagraph(&persons);
  }
  bool Cover(const Span& s) const { return OverlapsAny(sourced, s); }
  // Whether a person mention overlaps `s`.
  bool Person(const Span& s) const { return OverlapsAny(persons, s); }
  std::vector<Span> sourced;   // named mentions and attributed statements
  std::vector<Span> persons;  // person mentions only
};

// Whether the word before the span is `w`.
bool WordBefore(const Context& ctx, const Span& s, std::u16string_view w) {
  const auto& ts = ctx.toks[s.paragraph];
  int i = ctx.TokAt(s.paragraph, s.begin) - 1;
  while (i >= 0 && ts[i].type != Tok::kWord) --i;
  return i >= 0 && ts[i].lower() == w;
}

// "what some call the “Dunmore exemption”", "what critics dubbed": the
// words name a term, they do not credit a claim.
bool NamingATerm(const Context& ctx, const Span& s) {
  static const std::unordered_set<std::u16string, WordHash> kNaming = {
      u"call", u"calls", u"called", u"dub", u"dubs", u"dubbed", u"term", u"terms", u"termed",
      u"label", u"labels", u"labeled", u"labelled", u"describe", u"describes", u"described"};
  if (!WordBefore(ctx, s, u"what")) return false;
  const auto& ts = ctx.toks[s.paragraph];
  auto [a, b] = ctx.TokRange(s.paragraph, s.begin, s.end);
  if (b > a && Has(kNaming, ts[b - 1].lower())) return true;
  return b < static_cast<int>(ts.size()) && Has(kNaming, ts[b].lower());
}

// The text says why the source is not named ("who spoke on condition of
// anonymity", "were not authorized to speak on the record"): in the span's
// sentence, the sentence before, or the paragraph before when the span opens
// its paragraph's first sentence; or the sentence after ("…, an aide said.
// The aide, who was not authorized to discuss the plan, added …"), which may
// open the next paragraph.
bool ExplainsAnonymity(const std::vector<Tok>& ts, int from, int to) {
  for (int i = std::max(from, 0); i < to && i < static_cast<int>(ts.size()); ++i) {
    const std::u16string_view w = ts[i].lower();
    if (w == u"anonymity" || w == u"anonymously" || w == u"authorized" || w == u"unauthorized")
      return true;
    if (w == u"be" && i + 1 < static_cast<int>(ts.size()) &&
        (ts[i + 1].lower() == u"named" || ts[i + 1].lower() == u"identified"))
      return true;
  }
  return false;
}

// The sentence after sentence `sentence` of paragraph p (or the next
// paragraph's first) says why a source is not named.
bool NextSentenceExplains(const Context& ctx, int32_t p, int sentence) {
  const auto& sents = ctx.sentences[p];
  if (sentence + 1 < static_cast<int>(sents.size()))
    return ExplainsAnonymity(ctx.toks[p], ctx.TokAt(p, sents[sentence + 1].begin),
                             ctx.TokAt(p, sents[sentence + 1].end));
  const int32_t next = ctx.NextTextParagraph(p);
  if (next < 0 || ctx.sentences[next].empty()) return false;
  return ExplainsAnonymity(ctx.toks[next], 0, ctx.TokAt(next, ctx.sentences[next][0].end));
}

// Whether the text says why the source at `s` is not named (where: above).
bool AnonymityExplained(const Context& ctx, const Span& s) {
  const int32_t p = s.paragraph;
  const int sentence = ctx.SentenceAt(p, s.begin);
  if (sentence < 0) return false;
  const auto& sents = ctx.sentences[p];
  const int32_t from = sents[std::max(sentence - 1, 0)].begin;
  const int32_t to = sents[sentence].end;
  if (ExplainsAnonymity(ctx.toks[p], ctx.TokAt(p, from), ctx.TokAt(p, to))) return true;
  if (NextSentenceExplains(ctx, p, sentence)) return true;
  if (sentence > 0) return false;
  const int32_t prev = ctx.PreviousTextParagraph(p);
  if (prev < 0 || ctx.sentences[prev].empty()) return false;
  const int32_t last = ctx.sentences[prev].back().begin;
  return ExplainsAnonymity(ctx.toks[prev], ctx.TokAt(prev, last),
                           static_cast<int>(ctx.toks[prev].size()));
}

// "reportedly" after the paragraph named the report ("As The Hill reported,
// ...", "according to Politico"): a capitalised, non-initial word just
// before "reported"/"reports", or right after "according to".
bool ReportNamedBefore(const Context& ctx, const Span& s) {
  if (ctx.Text(s) != u"reportedly") return false;
  const auto& ts = ctx.toks[s.paragraph];
  const int end = ctx.TokAt(s.paragraph, s.begin);
  auto named = [&](int k) {
    return k >= 0 && k < end && ts[k].type == Tok::kWord && ts[k].upper_initial &&
           ctx.sentences[s.paragraph][std::max(ctx.SentenceAt(s.paragraph, ts[k].begin), 0)]
                   .begin != ts[k].begin;
  };
  for (int i = 0; i < end; ++i) {
    const std::u16string_view w = ts[i].lower();
    if ((w == u"reported" || w == u"reports") && (named(i - 1) || named(i - 2))) return true;
    if (w == u"according" && i + 2 < end && ts[i + 1].lower() == u"to" && named(i + 2)) return true;
  }
  return false;
}

// "the most widely seen broadcast": a degree, not an attribution.
bool Comparative(const Context& ctx, const Span& s) {
  return WordBefore(ctx, s, u"most") || WordBefore(ctx, s, u"more") ||
         WordBefore(ctx, s, u"less") || WordBefore(ctx, s, u"least");
}

// "Penhallow and others said": a named person goes with them.
bool WithNamedSpeaker(const Context& ctx, const NamedSpans& named, const Span& s) {
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.begin);
  if (i < 2 || ts[i - 1].lower() != u"and" || ts[i - 2].type != Tok::kWord) return false;
  return named.Person(Span{s.paragraph, ts[i - 2].begin, ts[i - 2].end});
}

// "widely seen posters": "widely" + participle before a noun describes
// the noun; the attribution form goes on with "as", "to", "by", an article,
// "that" or punctuation ("widely seen as", "widely considered a bargain").
bool Attributive(const Context& ctx, const Span& s) {
  static const std::unordered_set<std::u16string, WordHash> kGoesOn = {
      u"as", u"to", u"by", u"a", u"an", u"the", u"that", u"in", u"among", u"across",
      u"within", u"for", u"at", u"on", u"and", u"or", u"but", u"with"};
  const auto& ts = ctx.toks[s.paragraph];
  auto [a, b] = ctx.TokRange(s.paragraph, s.begin, s.end);
  if (b - a != 2 || ts[a].lower() != u"widely" || b >= static_cast<int>(ts.size())) return false;
  return ts[b].type == Tok::kWord && !ts[b].upper_initial && !Has(kGoesOn, ts[b].lower());
}

// "not said", "never said", "didn't say" (lexed "didn", "'", "t"): a negation in
// the two words before token k.
bool NegatedBefore(const std::vector<Tok>& ts, int k) {
  for (int j = k - 1, words = 0; j >= 0 && words < 2; --j) {
    if (ts[j].type != Tok::kWord) return false;
    ++words;
    std::u16string_view w = ts[j].lower();
    if (w == u"not" || w == u"never") return true;
    bool apostrophe = j >= 2 && (ts[j - 1].lower() == u"'" || ts[j - 1].lower() == u"\u2019");
    if (w == u"t" && apostrophe && !ts[j - 2].lower().empty() && ts[j - 2].lower().back() == u'n')
      return true;
    if (w == u"t") return false;
  }
  return false;
}

// The attribution's cue is a crowd's noise ("Some chanted", "Others shouted",
// data/checks/crowd_cues.txt) or a statement withheld ("Several others have not
// said which …"): neither credits a claim to an unnamed source.
bool NoClaimCredited(const Context& ctx, const Attribution& a) {
  static const WordSet kCrowdCues = EmbeddedWordSet("checks/crowd_cues.txt");
  if (!a.cue || a.cue->paragraph < 0) return false;
  const auto& ts = ctx.toks[a.cue->paragraph];
  const int k = ctx.TokRange(a.cue->paragraph, a.cue->begin, a.cue->end).first;
  if (k >= static_cast<int>(ts.size())) return false;
  return Has(kCrowdCues, ts[k].lower()) || NegatedBefore(ts, k);
}

// The inside of brackets reads as an author-year citation: it opens with a
// capital, and a year (1500-2099) follows a comma, a capitalised name or "et
// al." and ends the brackets or a part of them ("Jasny, Chin, & Vignieri, 2011, p. 1225", "Lee
// et al. 2019", "Okafor 2004a").
bool AuthorYear(std::u16string_view in) {
  if (in.empty() || !u_isupper(in[0])) return false;
  for (size_t k = 2; k + 4 <= in.size(); ++k) {
    auto digit = [&](size_t i) { return i < in.size() && u_isdigit(in[i]); };
    if (!digit(k) || !digit(k + 1) || !digit(k + 2) || !digit(k + 3) || digit(k + 4) ||
        u_isdigit(in[k - 1]))
      continue;
    const bool century = (in[k] == '1' && in[k + 1] >= '5') || (in[k] == '2' && in[k + 1] == '0');
    size_t w = k - 1;  // the start of the word before the year
    while (w > 0 && (u_isalpha(in[w - 1]) || in[w - 1] == '.')) --w;
    const std::u16string_view word = in.substr(w, k - 1 - w);
    const bool after_name =
        in[k - 1] == ' ' && (in[k - 2] == ',' || word == u"al." || (w < k - 1 && u_isupper(in[w])));
    size_t e = k + 4;
    if (e < in.size() && u_islower(in[e])) ++e;  // "2004a"
    if (century && after_name && (e == in.size() || in[e] == ',' || in[e] == ';')) return true;
  }
  return false;
}

// An author-year citation in brackets after the span, in its sentence ("some
// commentators have called it the gold standard (Jasny et al., 2011)"): the
// source is named, the academic way.
bool CitedAfter(const Context& ctx, const Span& s) {
  const int sentence = ctx.SentenceAt(s.paragraph, s.begin);
  if (sentence < 0) return false;
  const std::u16string& text = ctx.doc.paragraphs[s.paragraph].text;
  const size_t end = static_cast<size_t>(ctx.sentences[s.paragraph][sentence].end);
  for (size_t open = text.find('(', s.end); open < end; open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open);
    if (close == std::u16string::npos) return false;
    if (AuthorYear(std::u16string_view(text).substr(open + 1, close - open - 1))) return true;
  }
  return false;
}

// The words are no vague sourcing in the reporter's own text.
bool NotVague(const Context& ctx, const Span& s) {
  return ctx.Transcript(s.paragraph) || NamingATerm(ctx, s) || AnonymityExplained(ctx, s) ||
         ReportNamedBefore(ctx, s) || Comparative(ctx, s) || Attributive(ctx, s) ||
         CitedAfter(ctx, s);
}

// Vague sources from the attribution stage; their spans go to *vague_spans
// (by paragraph).
void VagueAttributions(Context& ctx, const NamedSpans& named,
                       std::vector<std::vector<Span>>* vague_spans) {
  const int32_t np = static_cast<int32_t>(ctx.doc.paragraphs.size());
  for (const Attribution& a : ctx.report->attributions) {
    if (!a.vague_source) continue;
    Span s = a.speaker ? *a.speaker : (a.cue ? *a.cue : a.content);
    if (!s.valid() || s.paragraph < 0 || s.paragraph >= np) continue;
    if (!CollectiveSource(ctx, s) || ctx.InsideEmbed(s) || named.Cover(s) ||
        ctx.HeadingLike(s.paragraph) || NotVague(ctx, s) || WithNamedSpeaker(ctx, named, s) ||
        NoClaimCredited(ctx, a))
      continue;
    bool dup = false;
    for (const Span& v : (*vague_spans)[s.paragraph]) dup |= Overlaps(v, s);
    if (dup) continue;
    (*vague_spans)[s.paragraph].push_back(s);
    Check c = NewCheck(Kind::kVagueSource);
    c.message = "‘" + Utf8(ctx.Text(s)) +
                "’ is an unnamed source: name who said it, or say why they cannot be named.";
    c.spans.push_back(s);
    ctx.Add(std::move(c));
  }
}

// Patterns by their first word, so each word is looked up once. The keys are
// views of the words of VaguePatterns(), which lives as long as the program.
const std::unordered_map<std::u16string_view, std::vector<size_t>>& PatternsByFirstWord() {
  static const std::unordered_map<std::u16string_view, std::vector<size_t>> by_first = [] {
    const auto& patterns = VaguePatterns();
    std::unordered_map<std::u16string_view, std::vector<size_t>> m;
    for (size_t k = 0; k < patterns.size(); ++k)
      for (const auto& w : patterns[k].slots[0]) m[w].push_back(k);
    return m;
  }();
  return by_first;
}

// A cheap test before the hash lookup of PatternsByFirstWord: the first
// letter and the length of some pattern's first word.
bool MayBeginPattern(std::u16string_view w) {
  static const std::bitset<32 * 32> kShapes = [] {
    std::bitset<32 * 32> b;
    for (const auto& [first, unused] : PatternsByFirstWord())
      if (!first.empty()) b.set((first[0] & 31u) * 32 + std::min<size_t>(first.size(), 31));
    return b;
  }();
  return !w.empty() && kShapes.test((w[0] & 31u) * 32 + std::min<size_t>(w.size(), 31));
}

bool SentencePunctuation(char16_t ch) {
  return ch == '.' || ch == ';' || ch == '?' || ch == '!' || ch == u'“' || ch == u'”' ||
         ch == '"';
}

// Whether `pat` matches the word tokens words[w...] of paragraph text `text`.
// Words of a phrase must not be separated by sentence punctuation.
bool PhraseAt(const std::vector<Tok>& ts, const std::u16string& text,
              const std::vector<int>& words, size_t w, const Pattern& pat) {
  if (w + pat.slots.size() > words.size()) return false;
  for (size_t k = 0; k < pat.slots.size(); ++k) {
    const std::u16string_view word = ts[words[w + k]].lower();
    if (std::find(pat.slots[k].begin(), pat.slots[k].end(), word) == pat.slots[k].end())
      return false;
    if (k == 0) continue;
    for (int t = words[w + k - 1] + 1; t < words[w + k]; ++t)
      if (SentencePunctuation(text[ts[t].begin])) return false;
  }
  return true;
}

// The phrase patterns of paragraph p, except where a vague source is already
// flagged.
void VaguePhrases(Context& ctx, int32_t p, const NamedSpans& named,
                  std::vector<Span>* vague_spans) {
  const auto& patterns = VaguePatterns();
  const auto& by_first = PatternsByFirstWord();
  const auto& ts = ctx.toks[p];
  std::vector<int> words;  // indices of word tokens
  words.reserve(ts.size());
  for (size_t i = 0; i < ts.size(); ++i)
    if (ts[i].type == Tok::kWord) words.push_back(static_cast<int>(i));
  for (size_t w = 0; w < words.size(); ++w) {
    if (!MayBeginPattern(ts[words[w]].lower())) continue;
    auto first = by_first.find(ts[words[w]].lower());
    if (first == by_first.end()) continue;
    for (size_t pi : first->second) {
      const Pattern& pat = patterns[pi];
      if (!PhraseAt(ts, ctx.doc.paragraphs[p].text, words, w, pat)) continue;
      Span s{p, ts[words[w]].begin, ts[words[w + pat.slots.size() - 1]].end};
      // Not in a speaker's own words (a quotation) nor in a headline.
      bool dup = ctx.InsideEmbed(s) || named.Cover(s) || ctx.InsideQuotation(s) ||
                 ctx.HeadingLike(p) || NotVague(ctx, s) || WithNamedSpeaker(ctx, named, s);
      for (const Span& v : *vague_spans) dup |= Overlaps(v, s);
      if (dup) continue;
      vague_spans->push_back(s);
      Check c = NewCheck(Kind::kVagueSource);
      c.message = "‘" + Utf8(ctx.Text(s)) + "’: by whom? The claim has no named source.";
      c.spans.push_back(s);
      ctx.Add(std::move(c));
      break;
    }
  }
}

}  // namespace

// vague_source: from the attribution stage, then phrase patterns.
void CheckVagueSources(Context& ctx) {
  const size_t np = ctx.doc.paragraphs.size();
  std::vector<std::vector<Span>> vague_spans(np);  // by paragraph: only those can overlap
  const NamedSpans named(ctx);
  VagueAttributions(ctx, named, &vague_spans);
  for (size_t p = 0; p < np; ++p)
    VaguePhrases(ctx, static_cast<int32_t>(p), named, &vague_spans[p]);
}

}  // namespace checks_internal
}  // namespace factlens
