// factlens/factlist.h — the fact list: a Report grouped for people to read.
//
// Usage:
//   std::vector<factlens::FactGroup> groups = factlens::BuildFactList(doc, report);
//   for (const factlens::FactGroup& g : groups) { g.title; g.count; g.items; }
//   std::u16string folded = factlens::FoldForFilter(u"lee");
//   bool shown = factlens::ItemMatches(groups[0].items[0], folded);
//
// The one grouping behind the sidebar (extension/sidebar) and the Markdown,
// CSV and HTML reports (reports.h). Groups, in this order: People,
// Organisations, Places, Other names (MISC), Quotes (one item per speaker, each
// quote a child of its speaker), Figures, Checks. Two views of it:
//  - kSidebar: entities in the order of Report::entity_list; speakers in the
//    order of their first quote, named "Lee Jae-myung", "Vague source:
//    Analysts", "Lee (unresolved)" or "No speaker found"; beliefs (wants,
//    thinks, hopes) and facts without a span are left out; Other names only
//    when there is one.
//  - kReport: entities by mentions (most first), speakers by quotes (most
//    first), checks to review before verified checks; every quote and figure;
//    vague speakers pooled as "Unnamed source", missing ones as "Unattributed".
//
// Verified keys: every fact the sidebar shows has a key "kind:text#occurrence"
// (entity:PERSON:lee jae-myung#0, quote:we agree#0, figure:money:us$272.9
// billion#0, check:name_variant:lee jae-myung|lee jaemyung#0). The text is
// NFKC-normalised, case-folded, with typographic quotes and dashes unified and
// runs of white space collapsed; the occurrence counts earlier facts with the
// same kind and text in document order. Keys depend on text only, never on
// offsets, so a fact keeps its key when text before it is edited. Both views
// give a fact the same key; facts the sidebar leaves out have an empty key.
//
// Ownership: the list is plain values; it does not point into `doc` or
// `report` (FactItem::source is an index). Offsets: Spans are the Report's
// (UTF-16 code units of one paragraph). Thread-safety: pure functions.
#ifndef FACTLENS_FACTLIST_H_
#define FACTLENS_FACTLIST_H_

#include <set>
#include <string>
#include <vector>

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

enum class FactGroupKind {
  kPeople,
  kOrganisations,
  kPlaces,
  kOther,
  kQuotes,
  kFigures,
  kChecks,
};

// "People", "Organisations", "Places", "Other names", "Quotes", "Figures",
// "Checks": the one definition of the group titles.
const char* FactGroupTitle(FactGroupKind kind);

struct FactItem {
  std::u16string label;   // as shown in a list row: text, " — ", detail (cut when long)
  std::u16string text;    // the fact itself: name, quote, figure text, check message
  std::u16string detail;  // type, kind, value, outlet... ("" when none)
  std::string key;        // verified key; empty for a speaker (it groups quotes)
  std::vector<Span> spans;         // what a click selects: mentions, check spans ...
  std::vector<FactItem> children;  // the quotes of a speaker
  std::u16string folded;  // text, detail (and variants, speaker) folded for the filter
  // Index into the Report vector of the group: entity_list, attributions,
  // figures or checks; -1 for a speaker.
  int source = -1;
};

struct FactGroup {
  FactGroupKind kind = FactGroupKind::kPeople;
  std::u16string title;  // FactGroupTitle(kind)
  int count = 0;         // facts in the group (for Quotes: quotes, not speakers)
  std::vector<FactItem> items;
};

enum class FactListView { kSidebar, kReport };

// The fact list of a report, as described at the top of this file.
std::vector<FactGroup> BuildFactList(const Document& doc, const Report& report,
                                     FactListView view = FactListView::kSidebar);

// The group of that kind, or nullptr (Other names may be absent).
const FactGroup* FindGroup(const std::vector<FactGroup>& groups, FactGroupKind kind);

// Case-folded, NFKC-normalised text for the filter.
std::u16string FoldForFilter(const std::u16string& text);

// True when the (already folded) filter is empty or occurs in the item's
// folded text or, for a speaker, in any of its quotes.
bool ItemMatches(const FactItem& item, const std::u16string& folded_filter);

// The text normalisation used in verified keys, as UTF-8.
std::string NormaliseKeyText(const std::u16string& text);

// Every key of the list (items and children).
std::set<std::string> AllKeys(const std::vector<FactGroup>& groups);

// Title with count, "People (7)", or "People (3/7)" when a filter shows 3.
std::u16string GroupLabel(const FactGroup& group, int shown);

}  // namespace factlens

#endif  // FACTLENS_FACTLIST_H_
