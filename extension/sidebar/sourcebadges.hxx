/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// sourcebadges.hxx — what the sidebar shows of the source checks (issue #17).
//
//   SourceBadges b = computeBadges(analysis, sources);   // CheckAgainstSources, a few ms
//   OUString prefix = badgePrefix(b, item);               // "[≠] " on a quote / figure row
//   OUString detail = badgeDetail(b, item);               // its child row: status, source, diff
//   SourcePassage p;
//   if (badgeTarget(b, item, p)) showSourcePassage(ctx, *b.sources, p.source, p.begin, p.end);
//
// Quote rows: [✓] verbatim, [≠] altered, [?] not in the sources. Figure rows:
// [=] same, [≠ value] different, [?] not found. The detail row spells the status
// out with the source's name and, for an altered quote, the word diff:
// "[northern → southern]" changed, "[− winter]" dropped, "[+ still]" added by the draft.
// Items are told by their key ("quote:", "figure:") and FactItem::source (the
// attribution's or the figure's index). Main thread; no UNO call; never throws
// but for std::bad_alloc.
#pragma once

#include <memory>
#include <vector>

#include <rtl/ustring.hxx>

#include <factlens/factlist.h>
#include <factlens/sources.h>

#include "session/sources.hxx"

namespace factlens::office
{
struct Analysis;

struct SourceBadges
{
    std::shared_ptr<const SourceSet> sources;
    factlens::SourceChecks checks;
    std::vector<int> quoteOfAttribution; ///< index into checks.quotes, or -1
    std::vector<int> checkOfFigure;      ///< index into checks.figures, or -1
    bool active() const { return sources && sources->index; }
};

struct SourcePassage
{
    int source = -1;
    factlens::Position begin, end;
};

SourceBadges computeBadges(const Analysis& rAnalysis,
                           const std::shared_ptr<const SourceSet>& pSources);
::rtl::OUString badgePrefix(const SourceBadges& rBadges, const FactItem& rItem);
::rtl::OUString badgeDetail(const SourceBadges& rBadges, const FactItem& rItem);
bool badgeTarget(const SourceBadges& rBadges, const FactItem& rItem, SourcePassage& rPassage);
/// "interview.odt — 1,234 words", "… — loading…", "… — the file is missing (…)".
::rtl::OUString sourceRowLabel(const SourceEntry& rEntry);
} // namespace factlens::office
