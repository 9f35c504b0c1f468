/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// paragraph_kind.hxx — what kind of paragraph a body paragraph is, from its properties:
// a heading (OutlineLevel > 0), a caption (by paragraph style, see the table in
// paragraph_kind.cxx), a list item (numbered) or body text. Main thread.
#ifndef INCLUDED_FACTLENS_EXTENSION_DOCUMENT_PARAGRAPH_KIND_HXX
#define INCLUDED_FACTLENS_EXTENSION_DOCUMENT_PARAGRAPH_KIND_HXX

#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/uno/Reference.hxx>

#include "factlens/document.h"

namespace factlens::office
{
/// The kind of `xPara`, read from its properties when `kind` is kBody (the kind its
/// text gives: table cells and notes keep theirs). Shape text has no such properties.
factlens::ParagraphKind paragraphKind(const css::uno::Reference<css::text::XTextContent>& xPara,
                                      factlens::ParagraphKind kind, bool bShapeText);
}

#endif
