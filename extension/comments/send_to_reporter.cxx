/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "comments/send_to_reporter.hxx"

#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <rtl/character.hxx>

#include "common/log.hxx"
#include "factlens/checks.h"
#include "factlens/factlist.h"
#include "session.hxx"
#include "sidebar/verifiedstore.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
const char kAnnotationService[] = "com.sun.star.text.textfield.Annotation";

struct Finding
{
    OUString aText;
    uno::Reference<text::XTextRange> xRange;
    sal_Int32 nParagraph; // where the anchor goes (its offset map changes)
};

struct Comment
{
    OUString aText;
    uno::Reference<text::XTextRange> xAnchor;
};

// "Name variant: ..." — the check's label, then its message.
OUString commentText(const factlens::Check& rCheck)
{
    const std::string_view aLabel = factlens::CheckLabel(rCheck.kind);
    return fromUtf8(std::string(aLabel) + ": " + rCheck.message);
}

// The verified keys of the sidebar; none when they cannot be read.
std::set<std::string> verifiedKeys(const uno::Reference<uno::XComponentContext>& xContext,
                                   const uno::Reference<frame::XModel>& xModel)
{
    try
    {
        return loadVerified(xContext, xModel);
    }
    catch (...)
    {
        logException("SendToReporter: reading the verified marks");
        return {};
    }
}

// Report::checks index → verified key, as the sidebar's fact list gives them.
std::map<int, std::string> checkKeys(const Analysis& rAnalysis)
{
    std::map<int, std::string> aKeys;
    const std::vector<factlens::FactGroup> aGroups
        = factlens::BuildFactList(rAnalysis.document, rAnalysis.report);
    const factlens::FactGroup* pChecks
        = factlens::FindGroup(aGroups, factlens::FactGroupKind::kChecks);
    if (pChecks)
        for (const factlens::FactItem& rItem : pChecks->items)
            if (rItem.source >= 0)
                aKeys[rItem.source] = rItem.key;
    return aKeys;
}

// Cursor steps over `rText`: code points (a surrogate pair is one step).
sal_Int32 codePoints(const OUString& rText)
{
    sal_Int32 n = 0;
    for (sal_Int32 i = 0; i < rText.getLength(); ++i)
        n += rtl::isLowSurrogate(rText[i]) ? 0 : 1;
    return n;
}

// The range of `rExpected` at or a few steps around `xRange`. The session's offset maps
// are those of the last reading: a comment anchor inserted since then (one cursor step,
// no character) shifts the later text of its paragraph by a step.
uno::Reference<text::XTextRange> fitRange(const uno::Reference<text::XTextRange>& xRange,
                                          const OUString& rExpected)
{
    if (xRange->getString() == rExpected)
        return xRange;
    const sal_Int32 nSteps = codePoints(rExpected);
    for (sal_Int16 nShift : { 1, -1, 2, -2, 3, -3, 4, -4 })
    {
        uno::Reference<text::XTextCursor> xCursor
            = xRange->getText()->createTextCursorByRange(xRange->getStart());
        const bool bMoved = nShift > 0 ? xCursor->goRight(nShift, false)
                                       : xCursor->goLeft(-nShift, false);
        if (!bMoved || nSteps > SAL_MAX_INT16
            || !xCursor->goRight(static_cast<sal_Int16>(nSteps), true))
            continue;
        if (xCursor->getString() == rExpected)
            return uno::Reference<text::XTextRange>(xCursor.get());
    }
    return {};
}

// The first span of the check that maps to the span's own text in the document; its
// paragraph goes to *pParagraph.
uno::Reference<text::XTextRange> anchorOf(const uno::Reference<frame::XModel>& xModel,
                                          const factlens::Document& rDoc,
                                          const factlens::Check& rCheck, sal_Int32* pParagraph)
{
    for (const factlens::Span& rSpan : rCheck.spans)
    {
        if (rSpan.paragraph < 0 || rSpan.paragraph >= static_cast<int>(rDoc.paragraphs.size())
            || rSpan.end <= rSpan.begin)
            continue;
        const std::u16string& rText = rDoc.paragraphs[rSpan.paragraph].text;
        if (rSpan.end > static_cast<int>(rText.size()))
            continue;
        uno::Reference<text::XTextRange> xRange = spanToRange(xModel, rSpan);
        if (!xRange.is())
            continue;
        xRange = fitRange(xRange, toOUString(rText.substr(rSpan.begin, rSpan.end - rSpan.begin)));
        *pParagraph = rSpan.paragraph;
        if (xRange.is())
            return xRange;
    }
    return {};
}

// Every open check with its range, mapped before anything is inserted (a comment
// anchor adds a step to its paragraph; the ranges follow that edit, spans do not).
std::vector<Finding> openFindings(const uno::Reference<uno::XComponentContext>& xContext,
                                  const uno::Reference<frame::XModel>& xModel,
                                  const Analysis& rAnalysis)
{
    const std::set<std::string> aVerified = verifiedKeys(xContext, xModel);
    const std::map<int, std::string> aKeys = checkKeys(rAnalysis);
    std::vector<Finding> aFindings;
    const std::vector<factlens::Check>& rChecks = rAnalysis.report.checks;
    for (size_t i = 0; i < rChecks.size(); ++i)
    {
        auto it = aKeys.find(static_cast<int>(i));
        if (it != aKeys.end() && !it->second.empty() && aVerified.count(it->second))
            continue; // marked Verified in the sidebar: not open
        sal_Int32 nParagraph = -1;
        uno::Reference<text::XTextRange> xRange
            = anchorOf(xModel, rAnalysis.document, rChecks[i], &nParagraph);
        if (xRange.is())
            aFindings.push_back({ commentText(rChecks[i]), xRange, nParagraph });
    }
    return aFindings;
}

// The comments authored FactLens already in the document.
std::vector<Comment> existingComments(const uno::Reference<frame::XModel>& xModel)
{
    std::vector<Comment> aComments;
    uno::Reference<text::XTextFieldsSupplier> xSupplier(xModel, uno::UNO_QUERY);
    if (!xSupplier.is())
        return aComments;
    uno::Reference<container::XEnumeration> xEnum
        = xSupplier->getTextFields()->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<lang::XServiceInfo> xInfo(xEnum->nextElement(), uno::UNO_QUERY);
        if (!xInfo.is() || !xInfo->supportsService(kAnnotationService))
            continue;
        uno::Reference<beans::XPropertySet> xProps(xInfo, uno::UNO_QUERY);
        uno::Reference<text::XTextContent> xContent(xInfo, uno::UNO_QUERY);
        OUString aAuthor, aText;
        xProps->getPropertyValue("Author") >>= aAuthor;
        xProps->getPropertyValue("Content") >>= aText;
        if (aAuthor.equalsAscii(kCommentAuthor) && xContent.is())
            aComments.push_back({ aText, xContent->getAnchor() });
    }
    return aComments;
}

// The same start and the same text: Writer's anchor of a ranged comment may end after
// the comment's own field character, so the ends are not compared.
bool sameRange(const uno::Reference<text::XTextRange>& xA,
               const uno::Reference<text::XTextRange>& xB)
{
    try
    {
        uno::Reference<text::XTextRangeCompare> xCompare(xA->getText(), uno::UNO_QUERY);
        return xCompare.is() && xCompare->compareRegionStarts(xA, xB) == 0
               && xA->getString() == xB->getString();
    }
    catch (const uno::Exception&)
    {
        return false; // different texts (body vs frame ...): not the same range
    }
}

bool alreadySent(const std::vector<Comment>& rComments, const Finding& rFinding)
{
    for (const Comment& rComment : rComments)
        if (rComment.aText == rFinding.aText && sameRange(rComment.xAnchor, rFinding.xRange))
            return true;
    return false;
}

util::DateTime now()
{
    const std::time_t t = std::time(nullptr);
    std::tm aTm{};
    localtime_r(&t, &aTm);
    util::DateTime aDate;
    aDate.Year = static_cast<sal_Int16>(aTm.tm_year + 1900);
    aDate.Month = static_cast<sal_uInt16>(aTm.tm_mon + 1);
    aDate.Day = static_cast<sal_uInt16>(aTm.tm_mday);
    aDate.Hours = static_cast<sal_uInt16>(aTm.tm_hour);
    aDate.Minutes = static_cast<sal_uInt16>(aTm.tm_min);
    aDate.Seconds = static_cast<sal_uInt16>(aTm.tm_sec);
    return aDate;
}

// A ranged comment: the range keeps its text (Writer sets an annotation mark).
void insertComment(const uno::Reference<lang::XMultiServiceFactory>& xFactory,
                   const Finding& rFinding, const util::DateTime& rDate)
{
    uno::Reference<text::XTextContent> xField(xFactory->createInstance(kAnnotationService),
                                              uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet> xProps(xField, uno::UNO_QUERY_THROW);
    xProps->setPropertyValue("Author", uno::Any(OUString::createFromAscii(kCommentAuthor)));
    xProps->setPropertyValue("Content", uno::Any(rFinding.aText));
    xProps->setPropertyValue("DateTimeValue", uno::Any(rDate));
    rFinding.xRange->getText()->insertTextContent(rFinding.xRange, xField, true);
}

// Makes every change in its lifetime one Undo step.
class UndoContext
{
public:
    UndoContext(const uno::Reference<frame::XModel>& xModel, const OUString& rTitle)
    {
        uno::Reference<document::XUndoManagerSupplier> xSupplier(xModel, uno::UNO_QUERY);
        if (xSupplier.is())
            m_xUndo = xSupplier->getUndoManager();
        if (m_xUndo.is())
            m_xUndo->enterUndoContext(rTitle);
    }
    ~UndoContext()
    {
        try
        {
            if (m_xUndo.is())
                m_xUndo->leaveUndoContext();
        }
        catch (...)
        {
            logException("SendToReporter: leaving the undo context");
        }
    }
    UndoContext(const UndoContext&) = delete;
    UndoContext& operator=(const UndoContext&) = delete;

private:
    uno::Reference<document::XUndoManager> m_xUndo;
};

// Inserts the findings not sent before; the undo context only when there is any (an
// empty context could stay on the undo stack as a step that does nothing).
int insertFindings(const uno::Reference<frame::XModel>& xModel,
                   const std::vector<Finding>& rFindings)
{
    const std::vector<Comment> aExisting = existingComments(xModel);
    std::vector<const Finding*> aNew;
    for (const Finding& rFinding : rFindings)
        if (!alreadySent(aExisting, rFinding))
            aNew.push_back(&rFinding);
    if (aNew.empty())
        return 0;
    uno::Reference<lang::XMultiServiceFactory> xFactory(xModel, uno::UNO_QUERY_THROW);
    const util::DateTime aDate = now();
    UndoContext aUndo(xModel, "FactLens: Send to Reporter");
    std::vector<sal_Int32> aParagraphs;
    for (const Finding* pFinding : aNew)
    {
        insertComment(xFactory, *pFinding, aDate);
        aParagraphs.push_back(pFinding->nParagraph);
    }
    forgetReading(xModel, aParagraphs); // their anchors moved the cursor steps after them
    return static_cast<int>(aNew.size());
}
}

int sendChecksAsComments(const uno::Reference<uno::XComponentContext>& xContext,
                         const uno::Reference<frame::XModel>& xModel)
{
    try
    {
        std::shared_ptr<const Analysis> pAnalysis = getAnalysis(xModel);
        if (!pAnalysis)
            return -1;
        const std::vector<Finding> aFindings = openFindings(xContext, xModel, *pAnalysis);
        const int nAdded = aFindings.empty() ? 0 : insertFindings(xModel, aFindings);
        logTrace("SendToReporter: %d open checks, %d comments added",
                 static_cast<int>(aFindings.size()), nAdded);
        return nAdded;
    }
    catch (...)
    {
        logException("SendToReporter");
        return -1;
    }
}
}
