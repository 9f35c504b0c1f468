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
static_assert(static_cast<int>(Category::Person) == static_cast<int>(factlens::Category::kPerson)
                  && static_cast<int>(Category::Organisation)
                         == static_cast<int>(factlens::Category::kOrganisation)
                  && static_cast<int>(Category::Place) == static_cast<int>(factlens::Category::kPlace)
                  && static_cast<int>(Category::Misc) == static_cast<int>(factlens::Category::kMisc)
                  && static_cast<int>(Category::QuoteContent)
                         == static_cast<int>(factlens::Category::kQuoteContent)
                  && static_cast<int>(Category::QuoteSpeaker)
                         == static_cast<int>(factlens::Category::kQuoteSpeaker)
                  && static_cast<int>(Category::QuoteCue)
                         == static_cast<int>(factlens::Category::kQuoteCue)
                  && static_cast<int>(Category::Figure) == static_cast<int>(factlens::Category::kFigure),
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
