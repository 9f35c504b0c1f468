/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "document/mapping.hxx"

#include <algorithm>

using namespace css;

namespace factlens::office
{
uno::Reference<text::XTextCursor> cursorAtStart(const ParaInfo& para)
{
    uno::Reference<text::XTextCursor> xCursor = para.text->createTextCursorByRange(para.range);
    xCursor->collapseToStart();
    return xCursor;
}

bool moveRight(const uno::Reference<text::XTextCursor>& xCursor, sal_Int32 nSteps, bool bExpand)
{
    while (nSteps > 0)
    {
        const sal_Int16 n = static_cast<sal_Int16>(std::min<sal_Int32>(nSteps, 32000));
        if (!xCursor->goRight(n, bExpand))
            return false;
        nSteps -= n;
    }
    return true;
}

uno::Reference<text::XTextCursor> stepRange(const ParaInfo& para, sal_Int32 nBegin, sal_Int32 nEnd)
{
    uno::Reference<text::XTextCursor> xCursor = cursorAtStart(para);
    if (!moveRight(xCursor, nBegin, false) || !moveRight(xCursor, nEnd - nBegin, true))
        return {};
    return xCursor;
}

uno::Reference<text::XTextCursor> spanRange(const ParaInfo& para, const std::u16string& text,
                                            const factlens::Span& span)
{
    const sal_Int32 nBegin = stepsAt(para.segments, text, span.begin, false);
    const sal_Int32 nEnd = std::max(nBegin, stepsAt(para.segments, text, span.end, true));
    return stepRange(para, nBegin, nEnd);
}
}
