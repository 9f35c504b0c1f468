/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

// factlist.hxx — the sidebar's fact list as plain data (no UNO, unit-testable).
//
// Usage:
//   std::vector<FactGroup> groups = BuildFactList(doc, report);
//   for (const FactGroup& g : groups) { g.title, g.count, g.items ... }
//   std::u16string folded = FoldForFilter(u"lee");
//   bool shown = ItemMatches(item, folded);
//
// Groups, in this order: People, Organisations, Places, Other names (MISC,
// only when non-empty), Quotes (one child item per speaker, each quote under
// its speaker), Figures, Checks. Attributions marked `belief` (wants, thinks,
// hopes) are a lower tier and are left out of Quotes.
//
// Verified keys: every fact has a key "kind:normalised text#occurrence"
// (entity:PERSON:lee jae-myung#0, quote:we agree#0, figure:money:us$272.9
// billion#0, check:name_variant:lee jae-myung|lee jaemyung#0). The text is
// NFKC-normalised, case-folded, with typographic quotes and dashes unified and
// runs of white space collapsed; the occurrence counts earlier facts with the
// same kind and text in document order. Keys depend on text only, never on
// offsets, so a fact keeps its key when text before it is edited.
//
// Offsets: Spans are those of the Report (UTF-16 units of a paragraph).
// Thread-safety: pure functions of their arguments.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <factlens/document.h>
#include <factlens/report.h>

namespace factlens::office
{
enum class FactGroupKind
{
    People,
    Organisations,
    Places,
    Other,
    Quotes,
    Figures,
    Checks
};

struct FactItem
{
    std::u16string label; // as shown in the tree (without the verified mark)
    std::u16string text; // the fact itself: name, quote, figure text, check message
    std::u16string detail; // type, kind, value, outlet... ("" when none)
    std::string key; // verified key; empty for items that only group others (speakers)
    std::vector<Span> spans; // what a click selects: entity mentions, check spans, ...
    std::vector<FactItem> children; // quotes of a speaker
    std::u16string folded; // label (and details) folded for the filter
};

struct FactGroup
{
    FactGroupKind kind = FactGroupKind::People;
    std::u16string title; // "People", "Organisations", ...
    int count = 0; // facts in the group (for Quotes: quotes, not speakers)
    std::vector<FactItem> items;
};

// The fact list of a report, in the order described above. Groups People,
// Organisations, Places, Quotes, Figures and Checks are always present (count
// 0 when empty); Other names only when the report has MISC entities.
std::vector<FactGroup> BuildFactList(const Document& doc, const Report& report);

// Case-folded, NFKC-normalised text for the filter.
std::u16string FoldForFilter(const std::u16string& text);

// True when the (already folded) filter is empty or occurs in the item's
// folded text or, for a speaker, in any of its quotes.
bool ItemMatches(const FactItem& item, const std::u16string& foldedFilter);

// The text normalisation used in verified keys, as UTF-8.
std::string NormaliseKeyText(const std::u16string& text);

// Every key of the list (items and children), for tests and pruning.
std::set<std::string> AllKeys(const std::vector<FactGroup>& groups);

// Title with count, "People (7)".
std::u16string GroupLabel(const FactGroup& group, int shown);

// UTF-8 <-> UTF-16 helpers (ICU).
std::string ToUtf8(const std::u16string& text);
std::u16string FromUtf8(const std::string& text);

enum class ExportFormat
{
    Json,
    Csv,
    Markdown
};

// The export of a report: JSON is the `factlens/1` contract (ReportToJson);
// CSV and Markdown are the fact list with a Verified column. This is the one
// function to switch to the analysis library's ReportToCsv/ReportToMarkdown.
std::string ExportReport(const Document& doc, const Report& report, ExportFormat format,
                         const std::set<std::string>& verifiedKeys);

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
