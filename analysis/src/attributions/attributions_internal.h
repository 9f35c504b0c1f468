// Internal to the attributions stage (analysis/src/attributions*.cc): the cue
// lexicon and the fallback quotation pairing. Not a public API.
#ifndef FACTLENS_SRC_ATTRIBUTIONS_INTERNAL_H_
#define FACTLENS_SRC_ATTRIBUTIONS_INTERNAL_H_

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "factlens/document.h"
#include "factlens/text.h"

namespace factlens {
namespace attributions_internal {

// One cue verb form's properties (see analysis/data/attributions/cues.txt).
struct CueInfo {
  bool belief = false;  // belief / intention tier
  bool inv = false;     // "“…,” said Lee"
  bool bare = false;    // complement without "that"
  bool obj = false;     // addressee object: "told reporters"
  bool post = false;    // "posted on X"
  bool inf = false;     // "promised to …": a "to" infinitive is the content
  bool naming = false;  // "called “X”": a quotation right after it is a name
  bool strict = false;  // content only after "that", a colon or a quotation mark
};

// The word lists of analysis/data/attributions/, loaded once (immutable).
struct Lexicon {
  std::unordered_map<std::u16string, CueInfo> cues;  // lower-case form → info
  std::unordered_set<std::u16string> vague;          // "analysts", "sources"
  std::unordered_set<std::u16string> speaker_nouns;  // "minister", "ministry"
  std::unordered_set<std::u16string> adverbs;        // "also", "has", "long"
  std::unordered_set<std::u16string> platforms;      // "X", "Weibo"
  std::unordered_set<std::u16string> media;          // "Herald", "Xinhua"
  std::unordered_set<std::u16string> non_names;      // "Monday", "January", "The"
  std::unordered_set<std::u16string> np_stops;       // "and", "in", "of"
  std::unordered_set<std::u16string> titles;         // "president", "speaker"
  std::unordered_set<std::u16string> weekdays;       // "monday" … "sunday"
  std::unordered_set<std::u16string> org_heads;      // "ministry", "council"
  static const Lexicon& Get();
};

// When the text layer has not paired quotation marks (layer.marks is empty and
// the document has marks), pairs them here with the same conventions: typed
// pairs, straight quotes by context, apostrophes, paragraph carry-over. Keeps
// the stage usable on a TextLayer built by hand (tests) or by an older layer.
void PairQuotesIfMissing(const Document& doc, TextLayer* layer);

}  // namespace attributions_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_ATTRIBUTIONS_INTERNAL_H_
