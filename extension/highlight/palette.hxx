/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// palette.hxx — the Writer side of the one palette (analysis/include/factlens/palette.h,
// shared with the HTML report): session.hxx's Category is factlens::Category under
// LibreOffice names, and which categories are switched on.
//
//   factlens::Category c = toPaletteCategory(Category::Person);
//   EnabledCategories on = enabledCategories();   // for planHighlights()
//
// The switches are atomic: set from any thread (dispatch, sidebar), read on the
// main thread when a paint is planned.
#ifndef INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_PALETTE_HXX
#define INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_PALETTE_HXX

#include "highlight/plan.hxx"
#include "session.hxx"

namespace factlens::office
{
inline factlens::Category toPaletteCategory(Category c)
{
    return static_cast<factlens::Category>(static_cast<int>(c));
}

/// Switches a category on or off (no repaint: see setCategoryEnabled in session.hxx).
void switchCategory(Category c, bool enabled);

/// The current switches, indexed by factlens::Category.
EnabledCategories enabledCategories();
}

#endif
