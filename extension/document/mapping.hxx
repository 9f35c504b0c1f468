/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// mapping.hxx — from offsets of the analysed text to the document: cursors over a
// paragraph in cursor steps (the offset → step arithmetic is in offset_map.hxx).
//
//   auto xCursor = cursorAtStart(para);             // collapsed at the paragraph start
//   moveRight(xCursor, 5, false);                    // 5 steps on (more than 32k too)
//   auto xRange = stepRange(para, 5, 9);             // steps [5, 9) selected, or null
//   auto xSpan = spanRange(para, text, span);        // a factlens::Span, or null
//
// Main thread only; they throw what the UNO calls throw.
#ifndef INCLUDED_FACTLENS_EXTENSION_DOCUMENT_MAPPING_HXX
#define INCLUDED_FACTLENS_EXTENSION_DOCUMENT_MAPPING_HXX

#include <string>

#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/uno/Reference.hxx>

#include "document/paragraph.hxx"
#include "factlens/document.h"

namespace factlens::office
{
css::uno::Reference<css::text::XTextCursor> cursorAtStart(const ParaInfo& para);

/// goRight in chunks (its count is a sal_Int16); false if the paragraph ended first.
bool moveRight(const css::uno::Reference<css::text::XTextCursor>& xCursor, sal_Int32 nSteps,
               bool bExpand);

/// A cursor selecting the cursor steps [nBegin, nEnd) of the paragraph (null if it is shorter).
css::uno::Reference<css::text::XTextCursor> stepRange(const ParaInfo& para, sal_Int32 nBegin,
                                                      sal_Int32 nEnd);

/// The document range of `span` in `para`, whose analysed text is `text` (null if
/// the paragraph is shorter now).
css::uno::Reference<css::text::XTextCursor>
spanRange(const ParaInfo& para, const std::u16string& text, const factlens::Span& span);
}

#endif
