// factlens/entities.h — people, organisations, places and other names.
//
// Usage:
//   const factlens::EntityRecognizer& ner = factlens::EntityRecognizer::Default();
//   ner.Run(doc, &report);   // reads report->text; fills entities, entity_list
//
// Offset unit: UTF-16 code units of each paragraph (document.h).
// Ownership and thread-safety: Default() returns a process-wide recogniser
// whose model is compiled into the binary and loaded on first use; Run() is
// const and may be called from several threads at once. The resolution
// functions below are pure functions of their arguments.
//
// What Run() fills (docs/entities.md has the details and measured accuracy):
//  - report->entities: one EntityMention per name, in document order. The span
//    holds the name only: a title stays out ("President Lee Jae-myung" -> span
//    "Lee Jae-myung", title "President"), so do a possessive ’s and a leading
//    "the" ("The Korea Herald" -> "Korea Herald"). Media outlets are ORG with
//    outlet = true.
//  - report->entity_list: one Entity per real-world entity (canonical = the
//    fullest form; variants; descriptors from titles and appositions; gender;
//    `ambiguous` for a bare surname shared by two people of the document, which
//    is then NOT linked to either; spelling_variants for the same name spelled
//    differently, compared after ICU transliteration to Latin/ASCII, case
//    folding and ignoring hyphens and spaces: "Lee Jaemyung" / "Lee Jae-myung").
// Recognition: an averaged-perceptron tagger (BILOU over the text layer's
// tokens, hashed features, gazetteers, document-level casing evidence) trained
// by analysis/tools/train_ner.cc, plus document rules: a later bare surname is
// the same person; headings and all-caps lines only keep names the body
// resolved (or well-known countries and outlets); a byline "By A B" is a person.
#ifndef FACTLENS_ENTITIES_H_
#define FACTLENS_ENTITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

class EntityRecognizer {
 public:
  static const EntityRecognizer& Default();
  // house_names: known names that feed recognition (may be empty).
  void Run(const Document& doc, Report* report,
           const std::vector<std::u16string>& house_names = {}) const;
};

// The person a pronoun or bare surname at `pos` most likely refers to: an index
// into report.entity_list, or -1 when unsure (never a guess).
// Equivalent to ResolvePersonReference(...).entity when its confidence is at
// least 0.5, else -1.
int32_t ResolvePerson(const Document& doc, const Report& report, Position pos,
                      Gender gender = Gender::kUnknown);

// The richer answer of the resolution service (for attributions).
struct PersonReference {
  int32_t entity = -1;  // index into report.entity_list, -1 when unresolved
  // The person's gender as the document states it (honorific, first name,
  // gender word, earlier pronouns), else the pronoun's.
  Gender gender = Gender::kUnknown;
  float confidence = 0.0f;  // 0..1; below 0.5 means "unsure", entity is then -1
  Span antecedent;          // the mention the answer rests on (invalid if none)
  // How it was decided: "mention" (pos is inside a resolved person mention),
  // "surname" (a bare name part of exactly one person), "pronoun",
  // "ambiguous" (two people fit), "none".
  const char* reason = "none";
};

// What is at `pos` (the start of a token): a person mention -> its entity; a
// bare surname or given name of exactly one person of the document -> that
// person; he/him/his/himself, she/her/hers/herself (or any word when `gender`
// is given) -> the most recent compatible person: walking back over the
// current paragraph and the two before, the latest sentence naming a person of
// compatible gender decides; if it names two or more compatible people, the
// first named (the subject) is taken with confidence 0.6 unless the pronoun
// is in that same sentence (then "ambiguous"). A person of the opposite known
// gender is never chosen.
PersonReference ResolvePersonReference(const Document& doc, const Report& report, Position pos,
                                       Gender gender = Gender::kUnknown);

// The gender a pronoun states: he/him/his/himself -> kMale, she/her/hers/
// herself -> kFemale, anything else kUnknown (case-insensitive).
Gender PronounGender(std::u16string_view word);

// The key under which two spellings of one name compare equal: ICU
// Any-Latin; Latin-ASCII, case-folded, letters and digits only
// ("Lee Jae-myung" and "Lee Jaemyung" -> "leejaemyung"; "Wōo" -> "woo").
std::u16string EntityNameKey(std::u16string_view name);

}  // namespace factlens

#endif  // FACTLENS_ENTITIES_H_
