/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "document/paragraph_kind.hxx"

#include <com/sun/star/beans/XMultiPropertySet.hpp>
#include <rtl/ustring.hxx>

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
// Paragraph styles Writer uses for captions (Insert > Caption: "Caption" and the
// styles named after the caption categories).
const char* const kCaptionStyles[]
    = { "Caption", "Figure", "Table", "Illustration", "Drawing", "Text" };

bool isCaptionStyle(const OUString& style)
{
    for (const char* name : kCaptionStyles)
        if (style.equalsAscii(name))
            return true;
    return false;
}

factlens::ParagraphKind kindOf(bool bNumbered, sal_Int16 nOutline, const OUString& style)
{
    if (nOutline > 0)
        return factlens::ParagraphKind::kHeading;
    if (isCaptionStyle(style))
        return factlens::ParagraphKind::kCaption;
    if (bNumbered)
        return factlens::ParagraphKind::kListItem;
    return factlens::ParagraphKind::kBody;
}
}

factlens::ParagraphKind paragraphKind(const uno::Reference<text::XTextContent>& xPara,
                                      factlens::ParagraphKind kind, bool bShapeText)
{
    uno::Reference<beans::XMultiPropertySet> xMulti(xPara, uno::UNO_QUERY);
    if (kind != factlens::ParagraphKind::kBody || !xMulti.is() || bShapeText)
        return kind;
    try
    {
        static const uno::Sequence<OUString> aNames = [] {
            uno::Sequence<OUString> n(3); // sorted, one call for three
            n[0] = "NumberingIsNumber";
            n[1] = "OutlineLevel";
            n[2] = "ParaStyleName";
            return n;
        }();
        const uno::Sequence<uno::Any> aValues = xMulti->getPropertyValues(aNames);
        bool bNumbered = false;
        sal_Int16 nOutline = 0;
        OUString aStyle;
        aValues[0] >>= bNumbered;
        aValues[1] >>= nOutline;
        aValues[2] >>= aStyle;
        return kindOf(bNumbered, nOutline, aStyle);
    }
    catch (const uno::Exception&)
    {
    }
    return kind;
}
}
