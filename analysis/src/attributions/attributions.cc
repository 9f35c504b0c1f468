// Attributions: who said what. See factlens/attributions.h and docs/attributions.md.
//
// The stage works on the text layer's tokens, sentences and quotation pairs and on
// the entity stage's mentions. It is a set of rules around *anchors*: a cue (a
// speech or belief verb from analysis/data/attributions/cues.txt, "according to",
// "made (it) clear", a colon lead-in) together with its speaker noun phrase. An
// anchor takes content before it ("“…,” Lee said"; "Prices rose, she said") or
// after it ("Lee said: “…”"; "Lee said the talks failed"; "… noting that …").
// Quotations no anchor claims either continue the previous speaker (within a
// paragraph, or a paragraph that is wholly a quotation) or are reported as
// quoted terms (scare quotes, titles, headings) or as speakerless quotes.
//
// Precision first: a speaker is named only from an entity mention, a name in the
// speaker position, or a pronoun resolved through the speaker chain or the
// entity stage's ResolvePerson; anything else stays unresolved.
//
// Every step is local to a sentence or looks back a bounded distance, so the
// stage runs in time linear in the document.
//
// Precondition: report->text is the text layer of `doc` (AnalyzeText): its tokens,
// sentences and paired quotation marks (text.h `TextLayer::quotations`, `marks`).
// The stage pairs no marks itself: a TextLayer built by hand without quotations
// gives no direct quotes here. When report->text does not match the document's
// paragraphs at all, the stage runs AnalyzeText itself.
//
// The phases and their files are listed in attributions_internal.h.
#include "factlens/attributions.h"

#include <cstdint>
#include <vector>

#include "attributions/attributions_internal.h"
#include "factlens/text.h"

namespace factlens {

using attributions_internal::Anchor;
using attributions_internal::AttributeUnclaimed;
using attributions_internal::BuildContext;
using attributions_internal::CollectQuotedTerms;
using attributions_internal::Ctx;
using attributions_internal::DropRestatements;
using attributions_internal::EmitContents;
using attributions_internal::FindAnchors;
using attributions_internal::FindOutlets;
using attributions_internal::JoinSplitQuotes;
using attributions_internal::ResolveAccordingTo;
using attributions_internal::SortAndDedupe;

void FindAttributions(const Document& doc, Report* report) {
  if (report == nullptr) return;
  report->attributions.clear();
  report->quoted_terms.clear();
  if (report->text.paragraphs.size() != doc.paragraphs.size()) report->text = AnalyzeText(doc);
  Ctx c = BuildContext(doc, report);
  int32_t continuation_run = 0;  // paragraphs continuing one speaker's quotation
  for (int32_t p = 0; p < static_cast<int32_t>(doc.paragraphs.size()); ++p) {
    const size_t para_first_attr = report->attributions.size();
    std::vector<Anchor> anchors;
    FindAnchors(c, p, &anchors);         // 1. cues with their speakers
    FindOutlets(c, p, &anchors);         // 2. "told NewsChina", "on X"
    ResolveAccordingTo(c, p, &anchors);  // 3. "according to X": source or outlet
    EmitContents(c, p, &anchors);        // 4. what each anchor reports
    AttributeUnclaimed(c, p, para_first_attr, &continuation_run);  // 5. continuations
  }
  CollectQuotedTerms(c);  // 6. quotations that are not statements
  SortAndDedupe(report);
  JoinSplitQuotes(report);  // 7. "A," she said. "B." is one statement
  DropRestatements(doc, report);  // 8. "she said she thinks …" is one statement
}

}  // namespace factlens
