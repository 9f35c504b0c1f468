/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// plan.hxx — what to paint: the analysis' spans as non-overlapping coloured
// intervals per paragraph. No UNO: unit-tested in tests/unit/highlight_plan_test.cc.
//
//   EnabledCategories on;  on.fill(true);
//   auto plan = planHighlights(document, report, on);
//   for (const Interval& iv : plan[p]) ...  // sorted, disjoint, UTF-16 of paragraph p
//
// Where spans overlap, the category higher in factlens::kPaintOrder wins (a name
// inside a quote shows the name's colour); touching pieces of one colour merge.
#ifndef INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_PLAN_HXX
#define INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_PLAN_HXX

#include <array>
#include <cstdint>
#include <vector>

#include "factlens/document.h"
#include "factlens/palette.h"
#include "factlens/report.h"

namespace factlens::office
{
/// One painted interval of a paragraph: UTF-16 offsets of the analysed text, 0xRRGGBB.
struct Interval
{
    int32_t begin, end;
    int32_t color;
    bool operator==(const Interval& o) const
    {
        return begin == o.begin && end == o.end && color == o.color;
    }
};

/// Which categories are painted, indexed by factlens::Category.
using EnabledCategories = std::array<bool, factlens::kCategoryCount>;

/// Per paragraph of `document`: the intervals to paint for `report`.
std::vector<std::vector<Interval>> planHighlights(const factlens::Document& document,
                                                  const factlens::Report& report,
                                                  const EnabledCategories& enabled);

/// true if `rgb` is one of the palette's colours (what the withdrawal removes).
bool isPaletteColor(int32_t rgb);
}

#endif
