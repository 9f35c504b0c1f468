// Internal to the attributions stage (analysis/src/attributions/). Not a public API.
//
// FindAttributions (attributions.cc) runs these phases, in this order:
//   context.cc    BuildContext: mentions per paragraph, quotation regions, name index
//   anchors.cc    1. FindAnchors: each cue of a sentence with its speaker
//   outlets.cc    2. FindOutlets: "told NewsChina", "in an interview with …"
//                 3. ResolveAccordingTo: "according to X", a source or an outlet
//   content.cc    4. EmitContents: what each anchor reports
//   unclaimed.cc  5. AttributeUnclaimed: continuations and speakerless quotations
//                 6. CollectQuotedTerms, then SortAndDedupe (builder.cc)
//   builder.cc    7. JoinSplitQuotes: "A," she said. "B." is one statement
//                 8. DropRestatements: "she said she thinks …" is one statement
// with helpers in speakers.cc (speaker noun phrases and their resolution),
// names.cc (the name index), builder.cc (Emit, EmitQuotation), tokens.h (token
// predicates) and lexicon.cc (the word lists of analysis/data/attributions/).
#ifndef FACTLENS_SRC_ATTRIBUTIONS_INTERNAL_H_
#define FACTLENS_SRC_ATTRIBUTIONS_INTERNAL_H_

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/lexicon.h"
#include "factlens/document.h"
#include "factlens/report.h"
#include "factlens/text.h"

namespace factlens {
namespace attributions_internal {

constexpr int kMaxAdverbs = 4;  // "has long since publicly said"
constexpr int kMaxAppositionTokens = 40;
constexpr int kMaxNameTokens = 8;
constexpr int kMaxCommonNpTokens = 6;
constexpr int kMaxContinuationParagraphs = 4;
constexpr int32_t kMaxSentenceWindow = 160;     // tokens either side of a cue
constexpr float kMinPronounConfidence = 0.75f;  // ResolvePersonReference
constexpr int32_t kMaxParentheticalLead = 8;    // "These sectors, she said, …"

// One cue verb form's properties (see analysis/data/attributions/cues.txt).
struct CueInfo {
  bool belief = false;  // belief / intention tier
  bool evidence = false;  // "the poll found that …": what a record shows
  bool inv = false;     // "“…,” said Lee"
  bool bare = false;    // complement without "that"
  bool obj = false;     // addressee object: "told reporters"
  bool post = false;    // "posted on X"
  bool inf = false;     // "promised to …": a "to" infinitive is the content
  bool naming = false;  // "called “X”": a quotation right after it is a name
  bool strict = false;  // content only after "that", a colon or a quotation mark
  bool topic = false;   // "criticized the plan as …": the object is what was said about
  bool wh = false;      // "questioned how …": a wh-clause is the content
  bool ask = false;     // "urged Congress to act": an addressee and a "to" infinitive
  bool thing = false;   // "cited the figure": a bare object is the content (with topic)
  bool nonhuman = false;  // with thing: not a person ("questioned the plan", not "… a witness")
  bool passclause = false;  // "Lee was criticized for …": the passive clause is reported
  bool gerund = false;  // "proposed allowing parents to …": an "-ing" object is the content
  bool passive = false;  // "Lee was told that …": a passive subject is the addressee
  bool about = false;    // "spoke (emotionally) of X", "complained about X": X is the content
  bool only_about = false;  // a cue only with that "about"/"of" ("spoke", "talked")
};

// The word lists of analysis/data/attributions/, loaded once (immutable).
struct Lexicon {
  std::unordered_map<std::u16string, CueInfo> cues;   // lower-case form → info
  std::unordered_set<std::u16string> vague;           // "analysts", "sources"
  std::unordered_set<std::u16string> speaker_nouns;   // "minister", "ministry"
  std::unordered_set<std::u16string> adverbs;         // "also", "has", "long"
  std::unordered_set<std::u16string> platforms;       // "X", "Weibo"
  std::unordered_set<std::u16string> media;           // "Herald", "Xinhua"
  std::unordered_set<std::u16string> non_names;       // "Monday", "January", "The"
  std::unordered_set<std::u16string> np_stops;        // "and", "in", "of"
  std::unordered_set<std::u16string> prepositions;    // "in", "under": fronted adjuncts
  std::unordered_set<std::u16string> page_labels;     // "correction", "source": "X: …" labels
  std::unordered_set<std::u16string> time_nouns;      // "day", "week": not a speaker's head
  std::unordered_set<std::u16string> time_periods;    // "week", "morning": "said last week"
  std::unordered_set<std::u16string> parts_of_day;    // "afternoon": "said Friday afternoon"
  std::unordered_set<std::u16string> reduced_passives;  // "suspected of": "people suspected of"
  std::unordered_set<std::u16string> cue_modifiers;     // "state": "state media said"
  std::unordered_set<std::u16string> postnominal;       // "familiar": "people familiar with"
  std::unordered_set<std::u16string> noun_adjectives;  // "new", "latest": "a new report"
  std::unordered_set<std::u16string> titles;          // "president", "speaker"
  const std::unordered_set<std::u16string>& weekdays = WeekdayNames();  // "monday" …
  std::unordered_set<std::u16string> org_heads;       // "ministry", "council"
  std::unordered_set<std::u16string> finite_verbs;    // "was", "said", "also"
  std::unordered_set<std::u16string> finite_cues;     // "said", "told", "says"
  std::unordered_set<std::u16string> determiners;     // "the", "their", "those"
  std::unordered_set<std::u16string> quantifiers;     // "one", "several"
  std::unordered_set<std::u16string> addressees;      // "reporters", "him"
  std::unordered_set<std::u16string> no_statement;    // "nothing", "goodbye"
  std::unordered_set<std::u16string> phrase_ends;     // "that", "during", "on"
  std::unordered_set<std::u16string> clause_openers;  // "which", "and", "as"
  std::unordered_set<std::u16string> clause_verbs;    // "is", "would", "won't"
  std::unordered_set<std::u16string> claim_nouns;     // "claim", "assertion"
  std::unordered_set<std::u16string> document_nouns;  // "statement", "letter"
  std::unordered_set<std::u16string> publishing_verbs;  // "released", "sent"
  // The (first letter, length) shapes of the words an anchor starts at: the cues,
  // the claim nouns, "according", "made"/"make…" ("made clear"), "put(s)" ("put
  // it"). A word of another shape is no anchor, and its lower case need not be
  // built (the shape reads the text: the lower case keeps the length).
  std::bitset<32 * 32> anchor_shapes;
  bool MayBeAnchor(std::u16string_view word) const;
  static const Lexicon& Get();
};

// A quotation's inside in one paragraph.
struct Region {
  int32_t quotation = -1;
  int32_t p = -1;
  int32_t begin = 0, end = 0;          // inside the marks (UTF-16)
  int32_t open_tok = -1;               // token index of the opening (or re-opening) mark
  int32_t close_tok = -1;              // token index of the closing mark, -1 if it runs on
  int32_t first_tok = 0, end_tok = 0;  // tokens inside
  int32_t words = 0;
  bool first_piece = true;   // the quotation's first paragraph
  int32_t attribution = -1;  // claimed by this attribution
  bool claimed = false;      // inside some attribution's content
};

// The speaker of an anchor, resolved.
struct Speaker {
  int32_t tb = -1, te = -1;  // token range [tb, te) in the anchor's paragraph
  Span span;
  int32_t entity = -1;
  std::u16string name;  // canonical or surface; empty when unresolved
  bool vague = false;
  bool pronoun = false;
  bool impersonal = false;  // "it is believed"
  bool unnamed = false;     // a speaker the text does not name ("Lee was told that …")
  int32_t relative = -1;    // "Kim, who said": the token of "who", the mention of the
                            // speaker the fields above resolve
  int32_t phrase_b = -1;    // start of the whole speaker phrase when it is wider
                            // ("the EU's foreign policy chief, Ingrid Larsen,")
  bool valid() const { return tb >= 0 || impersonal || unnamed; }
};

// A cue with its speaker: "Lee said", "said the minister", "according to X".
struct Anchor {
  int32_t p = -1;
  int32_t sentence = -1;
  int32_t cue_b = -1, cue_e = -1;  // token range of the cue
  CueInfo info;
  bool participle = false;  // ", noting that …" / "Pledging …, Lee said"
  bool question = false;    // "Asked whether …, Lee said": the question, its asker unnamed
  bool passive_clause = false;  // "Lee was criticized for …": the clause from its subject
  int32_t clause_b = -1;        // … whose first token is this
  bool according = false;   // "according to X"
  bool colon = false;       // colon lead-in
  bool label = false;       // transcript label "MORALES: …": the paragraph is the content
  bool after = false;       // speaker after the cue ("said Lee")
  bool resolved = false;    // pronoun / surname resolution done
  bool emitted = false;     // produced an attribution
  Speaker speaker;
  int32_t after_tok = -1;  // first token after cue + speaker (+ object)
  std::optional<Span> outlet;
};

// A token range [b, e) of one paragraph.
struct SentenceInfo {
  int32_t b = 0, e = 0;
};

// The quotation marks of the text layer, indexed by paragraph and token
// (BuildRegions). Region flags `claimed` / `attribution` are updated as
// attributions are emitted.
struct QuoteIndex {
  std::vector<Region> regions;
  std::vector<std::vector<int32_t>> in_para;       // region indices per paragraph
  std::vector<std::vector<int32_t>> of_quotation;  // region indices per quotation
  std::vector<std::vector<int32_t>> of_tok;        // per paragraph, per token: region or -1
  std::vector<std::vector<uint8_t>> mark_of_tok;   // per paragraph, per token: 1 open, 2 close
};

// Names for speakers the entity stage did not resolve (IndexNames, IndexRoles).
struct NameIndex {
  // Without entity mentions: full names (two or more capitalised words after
  // titles) seen in the document, by each of their words, and where they are.
  std::unordered_map<std::u16string, std::vector<std::u16string>> parts;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> runs;             // per paragraph
  std::unordered_map<std::u16string, std::vector<std::u16string>> roles;  // "senator"
  // With the entity stage: a title or descriptor word → its one person (-2: several).
  std::unordered_map<std::u16string, int32_t> role_entity;
};

// The state every phase shares: the inputs, the word lists and the indexes
// built once by BuildContext. Attributions are appended to
// report->attributions; nothing else of the report changes until phase 6.
struct Ctx {
  const Document& doc;
  Report* report;
  const Lexicon& lex;
  std::vector<std::vector<int32_t>> mentions_in_para;  // entity mention indices, by begin
  bool have_persons = false;                           // the entity stage found a person
  QuoteIndex quotes;
  NameIndex names;
};

// context.cc
Ctx BuildContext(const Document& doc, Report* report);

// names.cc
void IndexNames(Ctx& c);
void IndexRoles(Ctx& c);
int32_t EntityByNamePart(const Ctx& c, std::u16string_view word);

// speakers.cc
bool SpeakerBack(const Ctx& c, int32_t p, int32_t j, int32_t floor, Speaker* s);
bool SpeakerForward(const Ctx& c, int32_t p, int32_t i, int32_t limit, Speaker* s);
bool SpeakerBeforeApposition(const Ctx& c, int32_t p, int32_t comma, int32_t floor, Speaker* s);
bool SentenceSubject(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp,
                     int32_t* verb);
bool OpeningSubjectPhrase(const Ctx& c, int32_t p, int32_t sb, int32_t limit, Speaker* sp);
int32_t NameStartBack(const Ctx& c, int32_t p, int32_t j, int32_t floor);
bool IsPlace(const Ctx& c, int32_t p, const Speaker& s);
void ResolveNamed(const Ctx& c, int32_t p, Speaker* s);
// Resolves the anchor's speaker once (content.cc): a pronoun through the speaker
// chain, a bare surname against the speakers before it; sets `resolved`.
void ResolveOnce(Ctx& c, int32_t p, Anchor* a);
// `addressee`: the entity the cue addresses ("he told Ortiz"), never the pronoun's referent.
void ResolvePronoun(Ctx& c, const std::vector<Attribution>& done, int32_t p, Speaker* s,
                    int32_t addressee = -1);
void ResolveSurnameFromSpeakers(const std::vector<Attribution>& done, Speaker* s);

// anchors.cc (phase 1)
void FindAnchors(const Ctx& c, int32_t p, std::vector<Anchor>* out);

// outlets.cc (phases 2, 3)
bool IsMediaName(const Ctx& c, int32_t p, int32_t b, int32_t e);
bool OutletIn(const Ctx& c, int32_t p, int32_t b, int32_t e, int32_t* ob, int32_t* oe);
bool PhraseEnd(const Ctx& c, int32_t p, int32_t i);
void FindOutlets(const Ctx& c, int32_t p, std::vector<Anchor>* anchors);
void ResolveAccordingTo(const Ctx& c, int32_t p, std::vector<Anchor>* anchors);

// content.cc (phase 4)
void EmitContents(Ctx& c, int32_t p, std::vector<Anchor>* anchors);

// unclaimed.cc (phases 5, 6)
bool IsStatementLike(const Ctx& c, const Region& r);
void AttributeUnclaimed(Ctx& c, int32_t p, size_t para_first_attr, int32_t* continuation_run);
void CollectQuotedTerms(Ctx& c);

// builder.cc
// Emits an attribution of anchor `a` with `content` (trimmed; narrowed to the
// quotation when nothing else is in it). Returns its index or -1 when empty.
int32_t Emit(Ctx& c, const Anchor& a, Span content, bool continuation, double confidence);
// Emits one attribution per paragraph piece of quotation `qi` not yet claimed.
void EmitQuotation(Ctx& c, const Anchor& a, int32_t qi, double confidence);
void SortAndDedupe(Report* report);
// Phase 7 (after SortAndDedupe): a quotation split by its cue ("A," she said.
// "B."; "A," she said, "B.") becomes one attribution with `parts`.
void JoinSplitQuotes(Report* report);
// Phase 8: an attribution inside another's content that only restates it (a
// belief, or the same speaker: "she said she thinks …") is dropped.
void DropRestatements(const Document& doc, Report* report);

}  // namespace attributions_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_ATTRIBUTIONS_INTERNAL_H_
