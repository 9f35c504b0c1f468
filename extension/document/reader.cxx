/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "document/reader.hxx"

#include <algorithm>
#include <set>
#include <string>

#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/XStyle.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XEndnotesSupplier.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>

#include <rtl/ustrbuf.hxx>

#include "common/props.hxx"
#include "document/paragraph_kind.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
// One paragraph's portions → its text, offset map and highlighted runs
// (offset_map.hxx: Text portions count their code points; a TextField adds its shown
// text and is one step; text inside a tracked deletion is skipped, steps without
// text; any other portion is one step without text if its ends differ, none if not).
class PortionWalk
{
public:
    PortionWalk(ParaInfo& info, const uno::Reference<text::XText>& xText)
        : m_rInfo(info)
        , m_xCompare(xText, uno::UNO_QUERY)
    {
    }

    std::u16string walk(const uno::Reference<text::XTextContent>& xPara)
    {
        uno::Reference<container::XEnumerationAccess> xAccess(xPara, uno::UNO_QUERY);
        uno::Reference<container::XEnumeration> xPortions;
        if (xAccess.is())
            xPortions = xAccess->createEnumeration();
        while (xPortions.is() && xPortions->hasMoreElements())
        {
            uno::Reference<text::XTextRange> xPortion(xPortions->nextElement(), uno::UNO_QUERY);
            uno::Reference<beans::XPropertySet> xProps(xPortion, uno::UNO_QUERY);
            if (!xPortion.is() || !xProps.is())
                continue;
            const sal_Int32 nStepBefore = m_nStep;
            if (portion(xPortion, xProps))
                noteHighlight(xPortion, xProps, nStepBefore);
        }
        return std::move(m_aText);
    }

private:
    // Adds the portion; false if it is no character (nothing more to note).
    bool portion(const uno::Reference<text::XTextRange>& xPortion,
                 const uno::Reference<beans::XPropertySet>& xProps)
    {
        const OUString aType = getProp<OUString>(xProps, "TextPortionType", OUString("Text"));
        if (aType == "Text")
            return textPortion(xPortion->getString());
        if (aType == "Redline")
        {
            if (getProp<OUString>(xProps, "RedlineType", OUString()) == "Delete")
                m_bInDeletion = getProp<bool>(xProps, "IsStart", false);
            return false;
        }
        // Any other portion is either a mark (bookmark, reference or index mark, soft
        // page break, at-character frame: no step) or one character (field, footnote
        // anchor, comment, line break, fieldmark): IsCollapsed is void on most
        // portions, so compare the ends. Shape text (EditEngine) has no
        // XTextRangeCompare: there only a field is a character (one cursor step).
        if (m_xCompare.is()
                ? m_xCompare->compareRegionStarts(xPortion->getStart(), xPortion->getEnd()) == 0
                : aType != "TextField")
            return false;
        if (aType == "TextField" && !m_bInDeletion)
            append(xPortion->getString(), 1, Segment::Atomic);
        m_nStep += 1;
        return true;
    }

    bool textPortion(const OUString& s)
    {
        const sal_Int32 n
            = codePoints(reinterpret_cast<const char16_t*>(s.getStr()), s.getLength());
        if (n == 0)
            return false;
        if (!m_bInDeletion) // deleted text (tracked change): a reader does not see it
            append(s, n, Segment::Text);
        m_nStep += n;
        return true;
    }

    void append(const OUString& s, sal_Int32 nSteps, Segment::Kind kind)
    {
        appendSegment(m_aText, m_rInfo.segments, reinterpret_cast<const char16_t*>(s.getStr()),
                      s.getLength(), m_nStep, nSteps, kind);
    }

    // The user's own highlight on this run, restored after our highlights; runs in our
    // colours are a paint of ours (docs/extension.md, known limits), not the user's:
    // restoring them would bring our highlights back after Clear.
    void noteHighlight(const uno::Reference<text::XTextRange>& xPortion,
                       const uno::Reference<beans::XPropertySet>& xProps, sal_Int32 nStepBefore)
    {
        uno::Reference<beans::XPropertyState> xState(xPortion, uno::UNO_QUERY);
        if (!xState.is() || m_nStep <= nStepBefore || m_rInfo.shapeText
            || xState->getPropertyState("CharHighlight") != beans::PropertyState_DIRECT_VALUE)
            return;
        sal_Int32 nColor = -1;
        xProps->getPropertyValue("CharHighlight") >>= nColor;
        if (isPaletteColor(nColor))
            m_rInfo.ourRuns.push_back({ nStepBefore, m_nStep, nColor });
        else
            m_rInfo.userHighlights.push_back({ nStepBefore, m_nStep, nColor });
    }

    ParaInfo& m_rInfo;
    uno::Reference<text::XTextRangeCompare> m_xCompare;
    std::u16string m_aText;
    sal_Int32 m_nStep = 0;
    bool m_bInDeletion = false;
};
}

OUString textOutsideFields(const uno::Reference<text::XTextRange>& xPara)
{
    uno::Reference<container::XEnumerationAccess> xAccess(xPara, uno::UNO_QUERY);
    if (!xAccess.is())
        return xPara.is() ? xPara->getString() : OUString();
    ::rtl::OUStringBuffer aBuf;
    uno::Reference<container::XEnumeration> xPortions = xAccess->createEnumeration();
    while (xPortions->hasMoreElements())
    {
        uno::Reference<text::XTextRange> xPortion(xPortions->nextElement(), uno::UNO_QUERY);
        uno::Reference<beans::XPropertySet> xProps(xPortion, uno::UNO_QUERY);
        if (xPortion.is() && xProps.is()
            && getProp<OUString>(xProps, "TextPortionType", OUString()) != "TextField")
            aBuf.append(xPortion->getString());
    }
    return aBuf.makeStringAndClear();
}

OUString currentString(const ParaInfo& para)
{
    if (!para.range.is())
        return OUString();
    return para.hasFields ? textOutsideFields(para.range) : para.range->getString();
}

void DocumentReader::readText(const uno::Reference<text::XText>& xText,
                              factlens::ParagraphKind kind, bool bShapeText)
{
    uno::Reference<container::XEnumerationAccess> xAccess(xText, uno::UNO_QUERY);
    if (!xAccess.is())
        return;
    uno::Reference<container::XEnumeration> xParas = xAccess->createEnumeration();
    while (xParas->hasMoreElements())
    {
        uno::Reference<lang::XServiceInfo> xInfo(xParas->nextElement(), uno::UNO_QUERY);
        if (!xInfo.is())
            continue;
        if (xInfo->supportsService("com.sun.star.text.TextTable"))
            readTable(uno::Reference<text::XTextTable>(xInfo, uno::UNO_QUERY));
        else if (xInfo->supportsService("com.sun.star.text.Paragraph"))
        {
            PendingParagraph pending{ uno::Reference<text::XTextContent>(xInfo, uno::UNO_QUERY),
                                      xText, kind, bShapeText };
            if (m_pCollect)
                m_pCollect->push_back(pending);
            else
                readParagraph(pending);
        }
    }
}

void DocumentReader::readTable(const uno::Reference<text::XTextTable>& xTable)
{
    if (!xTable.is())
        return;
    const uno::Sequence<OUString> aNames = xTable->getCellNames(); // row by row
    for (const OUString& rName : aNames)
    {
        uno::Reference<text::XText> xCell(xTable->getCellByName(rName), uno::UNO_QUERY);
        if (xCell.is())
            readText(xCell, factlens::ParagraphKind::kTableCell);
    }
}

void DocumentReader::readParagraph(const PendingParagraph& pending)
{
    if (!pending.para.is())
        return;
    const factlens::ParagraphKind kind
        = paragraphKind(pending.para, pending.kind, pending.shapeText);
    ParaInfo info;
    info.text = pending.text;
    info.shapeText = pending.shapeText;
    info.range.set(pending.para, uno::UNO_QUERY);
    // One getString per paragraph (cheap next to its portions): painting skips a
    // paragraph edited between this reading and the paint, and a re-run takes this
    // reading over while the string stays the same.
    if (!pending.shapeText && info.range.is())
        info.readString = info.range->getString();
    if (m_pPrevious && !pending.shapeText && reusePrevious(pending.para, info, kind))
        return;
    std::u16string text = PortionWalk(info, pending.text).walk(pending.para);
    info.hasFields = std::any_of(info.segments.begin(), info.segments.end(),
                                 [](const Segment& s) { return s.kind == Segment::Atomic; });
    if (info.hasFields)
        info.readString = textOutsideFields(info.range);
    addParagraph(std::move(text), kind, std::move(info));
}

void DocumentReader::addParagraph(std::u16string text, factlens::ParagraphKind kind, ParaInfo info)
{
    m_rOut.chars += static_cast<sal_Int64>(text.size());
    m_rOut.hash = m_rOut.hash * 1000003u ^ std::hash<std::u16string>()(text)
                  ^ static_cast<size_t>(kind);
    m_rOut.document.paragraphs.push_back({ std::move(text), kind });
    m_rOut.paras.push_back(std::move(info));
}

// A paragraph we painted whose string is what it was when painted: its text, offset
// map and user highlights are taken from that reading, and our runs on it are taken to
// be what we set (one getString instead of enumerating and reading every portion, most
// of which our highlights split off). Text deleted and typed again identically, or a
// highlight changed by hand, is not noticed here.
bool DocumentReader::reusePrevious(const uno::Reference<text::XTextContent>& xPara, ParaInfo& info,
                                   factlens::ParagraphKind kind)
{
    uno::Reference<uno::XInterface> xId(xPara, uno::UNO_QUERY);
    auto it = xId.is() ? m_pPrevious->byObject.find(xId.get()) : m_pPrevious->byObject.end();
    if (it == m_pPrevious->byObject.end() || it->second >= m_pPrevious->paras->size()
        || it->second >= m_pPrevious->analysis->document.paragraphs.size())
        return false;
    const ParaInfo& old = (*m_pPrevious->paras)[it->second];
    if (!old.painted || !old.applied || old.shapeText || old.reread || !info.range.is())
        return false;
    if (old.hasFields)
        info.readString = textOutsideFields(info.range);
    if (info.readString != old.readString || info.readString != old.paintedString)
        return false;
    info.hasFields = old.hasFields;
    info.segments = old.segments;
    info.userHighlights = old.userHighlights;
    info.ourRuns = old.appliedRuns;
    ++m_nReused;
    addParagraph(m_pPrevious->analysis->document.paragraphs[it->second].text, kind,
                 std::move(info));
    return true;
}

namespace
{
// Page styles in use: applied to a paragraph, or the follow style of one in use (a
// DOCX import puts "First Page" on the body, followed by "Default Page Style" from
// page 2; isInUse() is false for the latter). A follow style of a one-page document
// is read too: we cannot tell from here whether its pages exist.
std::set<OUString> usedPageStyles(const uno::Reference<container::XNameAccess>& xPageStyles)
{
    std::set<OUString> aUsed;
    for (const OUString& rName : xPageStyles->getElementNames())
    {
        uno::Reference<style::XStyle> xStyle(xPageStyles->getByName(rName), uno::UNO_QUERY);
        if (xStyle.is() && xStyle->isInUse())
            aUsed.insert(rName);
    }
    for (std::vector<OUString> aTodo(aUsed.begin(), aUsed.end()); !aTodo.empty();)
    {
        uno::Reference<beans::XPropertySet> xProps(xPageStyles->getByName(aTodo.back()),
                                                   uno::UNO_QUERY);
        aTodo.pop_back();
        const OUString aFollow
            = xProps.is() ? getProp<OUString>(xProps, "FollowStyle", OUString()) : OUString();
        if (!aFollow.isEmpty() && xPageStyles->hasByName(aFollow) && aUsed.insert(aFollow).second)
            aTodo.push_back(aFollow);
    }
    return aUsed;
}

// One page style's header or footer (`part`): the right/shared text, then the left
// one when not shared, then the first page's when not shared.
void readPageStylePart(const uno::Reference<beans::XPropertySet>& xProps, const std::string& part,
                       DocumentReader& reader)
{
    if (!getProp<bool>(xProps, (part + "IsOn").c_str(), false))
        return;
    std::vector<std::string> aTexts{ part + "Text" };
    if (!getProp<bool>(xProps, (part + "IsShared").c_str(), true))
        aTexts.push_back(part + "TextLeft");
    if (!getProp<bool>(xProps, "FirstIsShared", true))
        aTexts.push_back(part + "TextFirst");
    for (const std::string& rName : aTexts)
    {
        uno::Reference<text::XText> xText;
        try
        {
            xProps->getPropertyValue(OUString::createFromAscii(rName.c_str())) >>= xText;
        }
        catch (const uno::Exception&)
        {
        }
        if (xText.is())
            reader.readText(xText, factlens::ParagraphKind::kBody);
    }
}

// Headers and footers of the page styles in use, in the style family's order: per
// style the header, then the footer. Unused page styles are not shown to a reader,
// so they are not read.
void readHeadersAndFooters(const uno::Reference<frame::XModel>& xModel, DocumentReader& reader)
{
    uno::Reference<style::XStyleFamiliesSupplier> xFamilies(xModel, uno::UNO_QUERY);
    if (!xFamilies.is())
        return;
    uno::Reference<container::XNameAccess> xPageStyles;
    try
    {
        xFamilies->getStyleFamilies()->getByName("PageStyles") >>= xPageStyles;
    }
    catch (const uno::Exception&)
    {
        return;
    }
    if (!xPageStyles.is())
        return;
    const std::set<OUString> aUsed = usedPageStyles(xPageStyles);
    for (const OUString& rName : xPageStyles->getElementNames())
    {
        uno::Reference<beans::XPropertySet> xProps(xPageStyles->getByName(rName), uno::UNO_QUERY);
        if (!xProps.is() || !aUsed.count(rName))
            continue;
        readPageStylePart(xProps, "Header", reader);
        readPageStylePart(xProps, "Footer", reader);
    }
}

// A shape with a text box (Writer's "Add Text Box", and every text shape or frame a
// DOCX import creates) keeps its text in a hidden Writer frame, which getTextFrames
// does not list: read and paint that like any frame. false if the shape has none.
bool readTextBox(const uno::Reference<beans::XPropertySet>& xProps, DocumentReader& reader)
{
    uno::Reference<beans::XPropertySetInfo> xPropInfo
        = xProps.is() ? xProps->getPropertySetInfo() : nullptr;
    if (!xPropInfo.is() || !xPropInfo->hasPropertyByName("TextBox")
        || !getProp<bool>(xProps, "TextBox", false)
        || !xPropInfo->hasPropertyByName("TextBoxContent"))
        return false;
    uno::Reference<text::XTextFrame> xFrame;
    xProps->getPropertyValue("TextBoxContent") >>= xFrame;
    uno::Reference<text::XText> xText = xFrame.is() ? xFrame->getText() : nullptr;
    if (xText.is())
        reader.readText(xText, factlens::ParagraphKind::kBody);
    return true;
}

// Text of drawing shapes on the draw page (group shapes recursively). Text frames
// are on the draw page too and were read already; skipped here. Plain shape text is
// analysed but not painted (ParaInfo::shapeText).
void readShapeList(const uno::Reference<container::XIndexAccess>& xShapes, DocumentReader& reader,
                   int nDepth)
{
    for (sal_Int32 i = 0; xShapes.is() && i < xShapes->getCount() && nDepth < 16; ++i)
    {
        uno::Reference<lang::XServiceInfo> xInfo(xShapes->getByIndex(i), uno::UNO_QUERY);
        if (!xInfo.is() || xInfo->supportsService("com.sun.star.text.TextFrame")
            || xInfo->supportsService("com.sun.star.text.TextGraphicObject")
            || xInfo->supportsService("com.sun.star.text.TextEmbeddedObject"))
            continue;
        if (xInfo->supportsService("com.sun.star.drawing.GroupShape"))
        {
            readShapeList(uno::Reference<container::XIndexAccess>(xInfo, uno::UNO_QUERY), reader,
                          nDepth + 1);
            continue;
        }
        if (readTextBox(uno::Reference<beans::XPropertySet>(xInfo, uno::UNO_QUERY), reader))
            continue;
        uno::Reference<text::XText> xText(xInfo, uno::UNO_QUERY);
        if (xText.is())
            reader.readText(xText, factlens::ParagraphKind::kBody, true);
    }
}

void readShapes(const uno::Reference<frame::XModel>& xModel, DocumentReader& reader)
{
    uno::Reference<drawing::XDrawPageSupplier> xSupplier(xModel, uno::UNO_QUERY);
    if (!xSupplier.is())
        return;
    // XDrawPageSupplier is deprecated, but it is what Writer implements (not XDrawPagesSupplier).
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    uno::Reference<container::XIndexAccess> xPage(xSupplier->getDrawPage(), uno::UNO_QUERY);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    readShapeList(xPage, reader, 0);
}

void readFrames(const uno::Reference<frame::XModel>& xModel, DocumentReader& reader)
{
    uno::Reference<text::XTextFramesSupplier> xFrames(xModel, uno::UNO_QUERY);
    if (!xFrames.is())
        return;
    uno::Reference<container::XNameAccess> xAccess = xFrames->getTextFrames();
    for (const OUString& rName : xAccess->getElementNames())
    {
        uno::Reference<text::XTextFrame> xFrame(xAccess->getByName(rName), uno::UNO_QUERY);
        uno::Reference<text::XText> xText = xFrame.is() ? xFrame->getText() : nullptr;
        if (xText.is())
            reader.readText(xText, factlens::ParagraphKind::kBody);
    }
}

void readNotes(const uno::Reference<container::XIndexAccess>& xNotes, DocumentReader& reader)
{
    for (sal_Int32 i = 0; xNotes.is() && i < xNotes->getCount(); ++i)
    {
        uno::Reference<text::XText> xText(xNotes->getByIndex(i), uno::UNO_QUERY);
        if (xText.is())
            reader.readText(xText, factlens::ParagraphKind::kFootnote);
    }
}

void readFootnotesAndEndnotes(const uno::Reference<frame::XModel>& xModel, DocumentReader& reader)
{
    uno::Reference<text::XFootnotesSupplier> xFootnotes(xModel, uno::UNO_QUERY);
    if (xFootnotes.is())
        readNotes(xFootnotes->getFootnotes(), reader);
    uno::Reference<text::XEndnotesSupplier> xEndnotes(xModel, uno::UNO_QUERY);
    if (xEndnotes.is())
        readNotes(xEndnotes->getEndnotes(), reader);
}
}

void collectParagraphs(const uno::Reference<frame::XModel>& xModel, ReadResult& out,
                       std::vector<PendingParagraph>& list)
{
    DocumentReader reader(out, &list);
    uno::Reference<text::XTextDocument> xDoc(xModel, uno::UNO_QUERY);
    if (!xDoc.is())
        return;
    reader.readText(xDoc->getText(), factlens::ParagraphKind::kBody);
    readFrames(xModel, reader);
    readFootnotesAndEndnotes(xModel, reader);
    readHeadersAndFooters(xModel, reader);
    readShapes(xModel, reader);
}
}
