/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "highlight/plan.hxx"

#include <algorithm>

namespace factlens::office
{
namespace
{
struct RawSpan
{
    factlens::Span span;
    int rank; // position in kPaintOrder: higher paints on top
    int32_t color;
};
using RawSpans = std::vector<std::vector<RawSpan>>; // per paragraph

int paintRank(factlens::Category c)
{
    int rank = 0;
    for (int i = 0; i < factlens::kCategoryCount; ++i)
        if (factlens::kPaintOrder[i] == c)
            rank = i;
    return rank;
}

factlens::Category entityCategory(factlens::EntityType type)
{
    switch (type)
    {
        case factlens::EntityType::kPerson:
            return factlens::Category::kPerson;
        case factlens::EntityType::kOrg:
            return factlens::Category::kOrganisation;
        case factlens::EntityType::kPlace:
            return factlens::Category::kPlace;
        default:
            return factlens::Category::kMisc;
    }
}

// Every enabled, valid, non-empty span of the report, by paragraph.
RawSpans collectSpans(size_t paragraphs, const factlens::Report& r,
                      const EnabledCategories& enabled)
{
    RawSpans perPara(paragraphs);
    auto add = [&](const factlens::Span& s, factlens::Category c) {
        if (!enabled[static_cast<int>(c)] || !s.valid() || s.empty()
            || s.paragraph >= static_cast<int32_t>(perPara.size()))
            return;
        perPara[s.paragraph].push_back(
            { s, paintRank(c), static_cast<int32_t>(factlens::PaletteOf(c).rgb) });
    };
    for (const auto& e : r.entities)
        add(e.span, entityCategory(e.type));
    for (const auto& at : r.attributions)
    {
        add(at.content, factlens::Category::kQuoteContent);
        if (at.speaker)
            add(*at.speaker, factlens::Category::kQuoteSpeaker);
        if (at.cue)
            add(*at.cue, factlens::Category::kQuoteCue);
    }
    for (const auto& f : r.figures)
        add(f.span, factlens::Category::kFigure);
    return perPara;
}

// The spans of one paragraph (ends clipped to its length) cut at every boundary;
// each piece takes the colour of the top-ranked span covering it.
std::vector<Interval> flattenParagraph(std::vector<RawSpan>& raws, int32_t length)
{
    std::vector<int32_t> cuts;
    for (RawSpan& r : raws)
    {
        r.span.end = std::min<int32_t>(r.span.end, length);
        cuts.push_back(r.span.begin);
        cuts.push_back(r.span.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<Interval> out;
    for (size_t i = 0; i + 1 < cuts.size(); ++i)
    {
        const int32_t b = cuts[i], e = cuts[i + 1];
        int best = -1;
        int32_t color = 0;
        for (const RawSpan& r : raws)
            if (r.span.begin <= b && r.span.end >= e && r.rank > best)
            {
                best = r.rank;
                color = r.color;
            }
        if (best < 0 || b >= e)
            continue;
        if (!out.empty() && out.back().end == b && out.back().color == color)
            out.back().end = e;
        else
            out.push_back({ b, e, color });
    }
    return out;
}
}

std::vector<std::vector<Interval>> planHighlights(const factlens::Document& document,
                                                  const factlens::Report& report,
                                                  const EnabledCategories& enabled)
{
    RawSpans perPara = collectSpans(document.paragraphs.size(), report, enabled);
    std::vector<std::vector<Interval>> out(perPara.size());
    for (size_t p = 0; p < perPara.size(); ++p)
        if (!perPara[p].empty())
            out[p] = flattenParagraph(
                perPara[p], static_cast<int32_t>(document.paragraphs[p].text.size()));
    return out;
}

bool isPaletteColor(int32_t rgb)
{
    for (const factlens::PaletteEntry& e : factlens::kPalette)
        if (static_cast<int32_t>(e.rgb) == rgb)
            return true;
    return false;
}
}
