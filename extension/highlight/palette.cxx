/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "highlight/palette.hxx"

#include <atomic>

namespace factlens::office
{
static_assert(kCategoryCount == factlens::kCategoryCount, "one palette");
namespace
{
constexpr bool samePlace(Category c, factlens::Category p)
{
    return static_cast<int>(c) == static_cast<int>(p);
}
}
static_assert(samePlace(Category::Person, factlens::Category::kPerson)
                  && samePlace(Category::Organisation, factlens::Category::kOrganisation)
                  && samePlace(Category::Place, factlens::Category::kPlace)
                  && samePlace(Category::Misc, factlens::Category::kMisc)
                  && samePlace(Category::QuoteContent, factlens::Category::kQuoteContent)
                  && samePlace(Category::QuoteSpeaker, factlens::Category::kQuoteSpeaker)
                  && samePlace(Category::QuoteCue, factlens::Category::kQuoteCue)
                  && samePlace(Category::Figure, factlens::Category::kFigure),
              "session.hxx's Category follows factlens::Category");

namespace
{
// Which categories are painted: all at start; process-wide, like the menu's check marks.
std::atomic<bool>* categorySwitches()
{
    static std::atomic<bool> aOn[kCategoryCount] = { { true }, { true }, { true }, { true },
                                                     { true }, { true }, { true }, { true } };
    return aOn;
}
}

const char* categoryId(Category c) { return factlens::PaletteOf(toPaletteCategory(c)).id; }
const char* categoryLabel(Category c) { return factlens::PaletteOf(toPaletteCategory(c)).label; }
sal_Int32 categoryColor(Category c)
{
    return static_cast<sal_Int32>(factlens::PaletteOf(toPaletteCategory(c)).rgb);
}
bool isCategoryEnabled(Category c) { return categorySwitches()[static_cast<int>(c)].load(); }

void switchCategory(Category c, bool enabled) { categorySwitches()[static_cast<int>(c)] = enabled; }

EnabledCategories enabledCategories()
{
    EnabledCategories on{};
    for (int i = 0; i < kCategoryCount; ++i)
        on[i] = categorySwitches()[i].load();
    return on;
}
}
