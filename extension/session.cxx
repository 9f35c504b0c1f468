/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// session.cxx — per-document state, the analysis run and the highlight mechanism.
//
// HIGHLIGHT MECHANISM (measurements in docs/extension.md):
//   Highlights are direct CharHighlight attributes, chosen because CharHighlight is
//   drawn over the user's own character shading (CharBackColor would destroy it)
//   and 10,000 ranges apply in about 0.15 s with controllers locked. Since
//   character attributes are saved with the document, they are made invisible to
//   every store:
//   - a document event listener withdraws them on OnSave / OnSaveAs / OnSaveTo /
//     OnCopyTo (fired synchronously before any store: Save, Save As, Save a Copy,
//     export, storeToURL, autosave and the autorecovery copy) and re-applies them
//     on the matching *Done and *Failed events;
//   - withdrawal finds every run carrying one of our palette colours with one
//     attribute search per colour (body, tables, frames, notes; also text typed at
//     the end of a highlight, which inherits it), sets CharHighlight back to default
//     there, then re-sets the user's own CharHighlight values that our ranges
//     covered (recorded when the text was read);
//   - re-applying after the store paints the analysis again from the paragraphs'
//     UNO objects, in 40 ms main-thread slices like the first paint (the store
//     itself is not delayed by it); a paragraph edited since the analysis is
//     skipped and a fresh analysis is started;
//   - every batch runs with the undo manager locked (no undo step), Record Changes
//     switched off (no tracked change) and the modified flag restored afterwards.
//   - a re-run after an edit analyses the whole text again (findings link across
//     paragraphs) but repaints only paragraphs whose text or highlights changed;
//     each paragraph keeps what was painted on it (ParaInfo, applyResult), and an
//     unchanged painted paragraph's reading is taken over (DocumentReader).
//   Read-only documents are painted too (the API writes the in-memory model; the
//   document cannot be stored over anyway, and Save As withdraws as above).
//
// THREADING: the document is read and written only on the main thread (entered via
// css::awt::AsyncCallback); the analysis runs on a std::thread; results hop back
// with AsyncCallback. A terminate listener joins running workers before the office
// shuts down, and results for closed documents are dropped.
#include "session.hxx"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XMultiPropertySet.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/DocumentEvent.hpp>
#include <com/sun/star/document/XDocumentEventBroadcaster.hpp>
#include <com/sun/star/document/XDocumentEventListener.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDesktop.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/frame/XTerminateListener.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/text/XEndnotesSupplier.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/style/XStyle.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/drawing/XShapes.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include "factlens/analyzer.h"
#include "log.hxx"
#include "options.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
// ------------------------------------------------------------------ basics
OUString toOUString(const std::u16string& s)
{
    return OUString(reinterpret_cast<const sal_Unicode*>(s.data()), static_cast<sal_Int32>(s.size()));
}

std::u16string toU16(const OUString& s)
{
    return std::u16string(reinterpret_cast<const char16_t*>(s.getStr()),
                          static_cast<size_t>(s.getLength()));
}

namespace
{
struct CategoryInfo
{
    const char* id;
    const char* label;
    sal_Int32 color;
};
// Light pastels (Writer's automatic font colour stays dark on them, in light and
// in dark application colours); deliberately not any of LibreOffice's palette
// values, so that the withdrawal safety net never mistakes a user's highlight.
const CategoryInfo kCategories[kCategoryCount] = {
    { "person", "People", 0xFFCF9B },      // apricot
    { "org", "Organisations", 0xAEDCFB },  // light blue
    { "place", "Places", 0xBDEDB5 },       // light green
    { "misc", "Other names", 0xE3D1F5 },   // lavender
    { "content", "Quote content", 0xFFF2A9 }, // pale yellow
    { "speaker", "Quote speaker", 0xFFB5C3 }, // pink
    { "cue", "Attribution cue", 0xDCDCD3 },   // warm grey
    { "figure", "Figures", 0x97E6DB },     // aqua
};
// Painting order, bottom to top: a name inside a quote shows the name's colour.
const Category kPaintOrder[] = { Category::QuoteContent, Category::QuoteCue, Category::Misc,
                                 Category::Place, Category::Organisation, Category::Person,
                                 Category::QuoteSpeaker, Category::Figure };

std::atomic<bool> g_enabled[kCategoryCount] = { { true }, { true }, { true }, { true },
                                                 { true }, { true }, { true }, { true } };

bool isOurColor(sal_Int32 color)
{
    for (const auto& c : kCategories)
        if (c.color == color)
            return true;
    return false;
}

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}

const char* categoryId(Category c) { return kCategories[static_cast<int>(c)].id; }
const char* categoryLabel(Category c) { return kCategories[static_cast<int>(c)].label; }
sal_Int32 categoryColor(Category c) { return kCategories[static_cast<int>(c)].color; }
bool isCategoryEnabled(Category c) { return g_enabled[static_cast<int>(c)].load(); }

namespace
{
// ------------------------------------------------------------------ reading
// How UTF-16 offsets of a paragraph's text map to cursor steps
// (XTextCursor::goRight counts code points; a text field is one step whatever
// its shown text; a comment or as-character object is one step without text;
// bookmarks, redline marks and soft page breaks are no step).
struct Segment
{
    sal_Int32 u16Begin = 0; // in the paragraph text we built
    sal_Int32 u16End = 0;
    sal_Int32 stepBegin = 0;
    sal_Int32 steps = 0;
    enum Kind : sal_uInt8
    {
        Text, // steps == code points of the text
        Atomic, // one or more steps shown as u16End-u16Begin characters (a field)
    } kind
        = Text;
    bool operator==(const Segment& o) const
    {
        return u16Begin == o.u16Begin && u16End == o.u16End && stepBegin == o.stepBegin
               && steps == o.steps && kind == o.kind;
    }
};

struct ColorRun // a run of a paragraph with a direct CharHighlight, in cursor steps
{
    sal_Int32 stepBegin, stepEnd;
    sal_Int32 color;
    bool operator==(const ColorRun& o) const
    {
        return stepBegin == o.stepBegin && stepEnd == o.stepEnd && color == o.color;
    }
};
using UserHighlight = ColorRun; // a run where the user set CharHighlight directly

// Adjacent runs of one colour as one (portions also split at other attributes).
std::vector<ColorRun> mergedRuns(const std::vector<ColorRun>& runs)
{
    std::vector<ColorRun> out;
    for (const ColorRun& r : runs)
    {
        if (!out.empty() && out.back().stepEnd == r.stepBegin && out.back().color == r.color)
            out.back().stepEnd = r.stepEnd;
        else
            out.push_back(r);
    }
    return out;
}

struct Interval
{
    sal_Int32 begin, end; // UTF-16
    sal_Int32 color;
    bool operator==(const Interval& o) const { return begin == o.begin && end == o.end && color == o.color; }
};

struct Painted
{
    uno::Reference<beans::XPropertySet> range;
    sal_Int32 color;
};

struct ParaInfo
{
    uno::Reference<text::XText> text;
    // Text of a drawing shape (EditEngine): read and analysed, never painted. Measured
    // in 7.4: it has no CharHighlight, and a CharBackColor set through the API cannot
    // be removed again (setPropertyToDefault and setAllPropertiesToDefault leave the
    // run as it was; -1 leaves a direct "transparent"), so it would be saved.
    bool shapeText = false;
    uno::Reference<text::XTextRange> range; // the paragraph (follows later edits)
    OUString readString; // its getString() when read: the text the analysis saw
    OUString paintedString; // its getString() when first painted (detects later edits)
    std::vector<Segment> segments;
    std::vector<UserHighlight> userHighlights; // other colours than ours
    std::vector<ColorRun> ourRuns; // read: runs in one of our colours (an earlier paint)

    // What is painted here, kept per paragraph so that a re-run after an edit repaints
    // only paragraphs whose text or highlights changed (applyResult).
    bool painted = false; // in the painted set of the current analysis (re-applied after a store)
    bool applied = false; // paintedIntervals are on the document now (false while withdrawn)
    bool stale = false; // carries highlights of an older analysis: withdraw before painting
    std::vector<Interval> paintedIntervals; // what was painted (UTF-16 of the analysed text)
    std::vector<ColorRun> appliedRuns; // the same in cursor steps, as set
    // a text range over the paragraph (where unpaint looks: it grows with typing and
    // spans the paragraph if the user splits it)
    uno::Reference<container::XEnumerationAccess> area;
    std::vector<Painted> userRestore; // user's own CharHighlight under our ranges
};

// The painted paragraphs of the previous analysis, by paragraph object: a re-run
// takes their reading over when their string is unchanged (DocumentReader).
struct PreviousReading
{
    std::shared_ptr<const Analysis> analysis; // valid while it is the document's current one
    const std::vector<ParaInfo>* paras = nullptr; // its paragraphs (DocState::paras)
    std::unordered_map<const void*, size_t> byObject;
};

struct ReadResult
{
    factlens::Document document;
    std::vector<ParaInfo> paras;
    size_t hash = 0;
    sal_Int64 chars = 0;
};

sal_Int32 codePoints(const sal_Unicode* s, sal_Int32 n)
{
    sal_Int32 count = 0;
    for (sal_Int32 i = 0; i < n; ++i)
    {
        ++count;
        if (s[i] >= 0xD800 && s[i] <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
            ++i;
    }
    return count;
}

template <typename T> T getProp(const uno::Reference<beans::XPropertySet>& ps, const char* name, T fallback)
{
    try
    {
        T value = fallback;
        if (ps->getPropertyValue(OUString::createFromAscii(name)) >>= value)
            return value;
    }
    catch (const uno::Exception&)
    {
    }
    return fallback;
}

class DocumentReader
{
public:
    struct Pending
    {
        uno::Reference<text::XTextContent> para;
        uno::Reference<text::XText> text;
        factlens::ParagraphKind kind;
        bool shapeText;
    };

    explicit DocumentReader(ReadResult& out, std::vector<Pending>* collect = nullptr)
        : m_out(out)
        , m_collect(collect)
    {
    }

    void readText(const uno::Reference<text::XText>& xText, factlens::ParagraphKind kind,
                  bool shapeText = false)
    {
        uno::Reference<container::XEnumerationAccess> access(xText, uno::UNO_QUERY);
        if (!access.is())
            return;
        uno::Reference<container::XEnumeration> paras = access->createEnumeration();
        while (paras->hasMoreElements())
        {
            uno::Reference<lang::XServiceInfo> info(paras->nextElement(), uno::UNO_QUERY);
            if (!info.is())
                continue;
            if (info->supportsService("com.sun.star.text.TextTable"))
                readTable(uno::Reference<text::XTextTable>(info, uno::UNO_QUERY));
            else if (info->supportsService("com.sun.star.text.Paragraph"))
            {
                uno::Reference<text::XTextContent> para(info, uno::UNO_QUERY);
                if (m_collect)
                    m_collect->push_back({ para, xText, kind, shapeText });
                else
                    readParagraph(para, xText, kind, shapeText);
            }
        }
    }

    void readTable(const uno::Reference<text::XTextTable>& table)
    {
        if (!table.is())
            return;
        const uno::Sequence<OUString> names = table->getCellNames(); // row by row
        for (const OUString& name : names)
        {
            uno::Reference<text::XText> cell(table->getCellByName(name), uno::UNO_QUERY);
            if (cell.is())
                readText(cell, factlens::ParagraphKind::kTableCell);
        }
    }

    void readParagraph(const uno::Reference<text::XTextContent>& para,
                       const uno::Reference<text::XText>& xText, factlens::ParagraphKind kind,
                       bool shapeText = false)
    {
        if (!para.is())
            return;
        auto tp = std::chrono::steady_clock::now();
        uno::Reference<beans::XMultiPropertySet> multi(para, uno::UNO_QUERY);
        if (kind == factlens::ParagraphKind::kBody && multi.is() && !shapeText) // shapes: no such properties
        {
            try
            {
                static const uno::Sequence<OUString> names = [] {
                    uno::Sequence<OUString> n(3); // sorted, one call for three
                    n[0] = "NumberingIsNumber";
                    n[1] = "OutlineLevel";
                    n[2] = "ParaStyleName";
                    return n;
                }();
                const uno::Sequence<uno::Any> v = multi->getPropertyValues(names);
                bool numbered = false;
                sal_Int16 outline = 0;
                OUString style;
                v[0] >>= numbered;
                v[1] >>= outline;
                v[2] >>= style;
                if (outline > 0)
                    kind = factlens::ParagraphKind::kHeading;
                else if (style == "Caption" || style == "Figure" || style == "Table"
                         || style == "Illustration" || style == "Drawing" || style == "Text")
                    kind = factlens::ParagraphKind::kCaption;
                else if (numbered)
                    kind = factlens::ParagraphKind::kListItem;
            }
            catch (const uno::Exception&)
            {
            }
        }
        m_propsMs += msSince(tp);
        tp = std::chrono::steady_clock::now();
        ParaInfo info;
        info.text = xText;
        info.shapeText = shapeText;
        info.range.set(para, uno::UNO_QUERY);
        // One getString per paragraph (cheap next to its portions): painting skips a
        // paragraph edited between this reading and the paint, and a re-run takes
        // this reading over while the string stays the same.
        if (!shapeText && info.range.is())
            info.readString = info.range->getString();
        m_anchorMs += msSince(tp);
        if (m_previous && !shapeText && reusePrevious(para, info, kind))
            return;
        tp = std::chrono::steady_clock::now();
        std::u16string text;
        sal_Int32 step = 0;
        bool inDeletion = false;
        uno::Reference<text::XTextRangeCompare> compare(xText, uno::UNO_QUERY);
        uno::Reference<container::XEnumerationAccess> access(para, uno::UNO_QUERY);
        uno::Reference<container::XEnumeration> portions
            = access.is() ? access->createEnumeration() : uno::Reference<container::XEnumeration>();
        m_enumMs += msSince(tp);
        tp = std::chrono::steady_clock::now();
        while (portions.is() && portions->hasMoreElements())
        {
            uno::Reference<text::XTextRange> portion(portions->nextElement(), uno::UNO_QUERY);
            uno::Reference<beans::XPropertySet> pp(portion, uno::UNO_QUERY);
            if (!portion.is() || !pp.is())
                continue;
            const OUString type = getProp<OUString>(pp, "TextPortionType", OUString("Text"));
            const sal_Int32 stepBefore = step;
            if (type == "Text")
            {
                const OUString s = portion->getString();
                const sal_Int32 n = codePoints(s.getStr(), s.getLength());
                if (n == 0)
                    continue;
                if (inDeletion) // deleted text (tracked change): a reader does not see it
                    step += n;
                else
                {
                    Segment seg;
                    seg.u16Begin = static_cast<sal_Int32>(text.size());
                    text.append(reinterpret_cast<const char16_t*>(s.getStr()), s.getLength());
                    seg.u16End = static_cast<sal_Int32>(text.size());
                    // A manual line break (Shift+Enter) is U+000A inside the paragraph;
                    // the analysis separates paragraphs by "\n", so it gets U+2028
                    // LINE SEPARATOR (same length, a break for ICU).
                    std::replace(text.begin() + seg.u16Begin, text.end(), u'\n', u'\u2028');
                    seg.stepBegin = step;
                    seg.steps = n;
                    seg.kind = Segment::Text;
                    info.segments.push_back(seg);
                    step += n;
                }
            }
            else if (type == "Redline")
            {
                if (getProp<OUString>(pp, "RedlineType", OUString()) == "Delete")
                    inDeletion = getProp<bool>(pp, "IsStart", false);
                continue;
            }
            else
            {
                // Any other portion is either a mark (bookmark, reference or index
                // mark, soft page break, at-character frame: no step) or one
                // character (field, footnote anchor, comment, line break, fieldmark):
                // IsCollapsed is void on most portions, so compare the ends. Shape
                // text (EditEngine) has no XTextRangeCompare: there only a field is a
                // character (one cursor step).
                if (compare.is()
                        ? compare->compareRegionStarts(portion->getStart(), portion->getEnd()) == 0
                        : type != "TextField")
                    continue;
                if (type == "TextField" && !inDeletion)
                {
                    const OUString s = portion->getString();
                    Segment seg;
                    seg.u16Begin = static_cast<sal_Int32>(text.size());
                    text.append(reinterpret_cast<const char16_t*>(s.getStr()), s.getLength());
                    seg.u16End = static_cast<sal_Int32>(text.size());
                    seg.stepBegin = step;
                    seg.steps = 1;
                    seg.kind = Segment::Atomic;
                    info.segments.push_back(seg);
                }
                step += 1;
            }
            // The user's own highlight on this run, restored after our highlights.
            uno::Reference<beans::XPropertyState> state(portion, uno::UNO_QUERY);
            if (state.is() && step > stepBefore
                && !shapeText
                && state->getPropertyState("CharHighlight") == beans::PropertyState_DIRECT_VALUE)
            {
                sal_Int32 color = -1;
                pp->getPropertyValue("CharHighlight") >>= color;
                // Our colours are a paint of ours (docs/extension.md, known limits), not
                // the user's: restoring them would bring our highlights back after Clear.
                if (isOurColor(color))
                    info.ourRuns.push_back({ stepBefore, step, color });
                else
                    info.userHighlights.push_back({ stepBefore, step, color });
            }
        }
        m_portionsMs += msSince(tp);
        m_out.chars += static_cast<sal_Int64>(text.size());
        m_out.hash = m_out.hash * 1000003u ^ std::hash<std::u16string>()(text) ^ static_cast<size_t>(kind);
        m_out.document.paragraphs.push_back({ std::move(text), kind });
        m_out.paras.push_back(std::move(info));
    }

    double m_propsMs = 0, m_anchorMs = 0, m_enumMs = 0, m_portionsMs = 0;
    size_t m_reused = 0;
    // Set while the previous analysis is the document's current one (readSlice checks
    // before every slice); null: every paragraph is read from its portions.
    const PreviousReading* m_previous = nullptr;

private:
    // A paragraph we painted whose string is what it was when painted: its text,
    // offset map and user highlights are taken from that reading, and our runs on it
    // are taken to be what we set (one getString instead of enumerating and reading
    // every portion, most of which our highlights split off). Text deleted and typed
    // again identically, or a highlight changed by hand, is not noticed here.
    bool reusePrevious(const uno::Reference<text::XTextContent>& para, ParaInfo& info,
                       factlens::ParagraphKind kind)
    {
        uno::Reference<uno::XInterface> id(para, uno::UNO_QUERY);
        auto it = id.is() ? m_previous->byObject.find(id.get()) : m_previous->byObject.end();
        if (it == m_previous->byObject.end() || it->second >= m_previous->paras->size()
            || it->second >= m_previous->analysis->document.paragraphs.size())
            return false;
        const ParaInfo& old = (*m_previous->paras)[it->second];
        if (!old.painted || !old.applied || old.shapeText || !info.range.is()
            || info.readString != old.readString || info.readString != old.paintedString)
            return false;
        std::u16string text = m_previous->analysis->document.paragraphs[it->second].text;
        info.segments = old.segments;
        info.userHighlights = old.userHighlights;
        info.ourRuns = old.appliedRuns;
        ++m_reused;
        m_out.chars += static_cast<sal_Int64>(text.size());
        m_out.hash = m_out.hash * 1000003u ^ std::hash<std::u16string>()(text) ^ static_cast<size_t>(kind);
        m_out.document.paragraphs.push_back({ std::move(text), kind });
        m_out.paras.push_back(std::move(info));
        return true;
    }

    ReadResult& m_out;
    std::vector<Pending>* m_collect; // when set, readText only lists the paragraphs
};

// Headers and footers of the page styles in use, in the style family's order: per
// style the header (right/shared, then left when not shared, then first page when
// not shared), then the footer likewise. Unused page styles are not shown to a
// reader, so they are not read.
void readHeadersAndFooters(const uno::Reference<frame::XModel>& model, DocumentReader& reader)
{
    uno::Reference<style::XStyleFamiliesSupplier> families(model, uno::UNO_QUERY);
    if (!families.is())
        return;
    uno::Reference<container::XNameAccess> pageStyles;
    try
    {
        families->getStyleFamilies()->getByName("PageStyles") >>= pageStyles;
    }
    catch (const uno::Exception&)
    {
        return;
    }
    if (!pageStyles.is())
        return;
    // In use: applied to a paragraph, or the follow style of one in use (a DOCX import
    // puts "First Page" on the body, followed by "Default Page Style" from page 2;
    // isInUse() is false for the latter). A follow style of a one-page document is
    // read too: we cannot tell from here whether its pages exist.
    const uno::Sequence<OUString> names = pageStyles->getElementNames();
    std::set<OUString> used;
    for (const OUString& name : names)
    {
        uno::Reference<style::XStyle> style(pageStyles->getByName(name), uno::UNO_QUERY);
        if (style.is() && style->isInUse())
            used.insert(name);
    }
    for (std::vector<OUString> todo(used.begin(), used.end()); !todo.empty();)
    {
        uno::Reference<beans::XPropertySet> props(pageStyles->getByName(todo.back()), uno::UNO_QUERY);
        todo.pop_back();
        const OUString follow = props.is() ? getProp<OUString>(props, "FollowStyle", OUString()) : OUString();
        if (!follow.isEmpty() && pageStyles->hasByName(follow) && used.insert(follow).second)
            todo.push_back(follow);
    }
    for (const OUString& name : names)
    {
        uno::Reference<beans::XPropertySet> props(pageStyles->getByName(name), uno::UNO_QUERY);
        if (!props.is() || !used.count(name))
            continue;
        const bool firstShared = getProp<bool>(props, "FirstIsShared", true);
        for (const char* part : { "Header", "Footer" })
        {
            const std::string p(part);
            if (!getProp<bool>(props, (p + "IsOn").c_str(), false))
                continue;
            std::vector<std::string> texts{ p + "Text" };
            if (!getProp<bool>(props, (p + "IsShared").c_str(), true))
                texts.push_back(p + "TextLeft");
            if (!firstShared)
                texts.push_back(p + "TextFirst");
            for (const std::string& t : texts)
            {
                uno::Reference<text::XText> text;
                try
                {
                    props->getPropertyValue(OUString::createFromAscii(t.c_str())) >>= text;
                }
                catch (const uno::Exception&)
                {
                }
                if (text.is())
                    reader.readText(text, factlens::ParagraphKind::kBody);
            }
        }
    }
}

// Text of drawing shapes on the draw page (group shapes recursively). Text frames
// are on the draw page too and were read already; skipped here. Plain shape text is
// analysed but not painted (ParaInfo::shapeText).
void readShapeList(const uno::Reference<container::XIndexAccess>& shapes, DocumentReader& reader, int depth)
{
    for (sal_Int32 i = 0; shapes.is() && i < shapes->getCount() && depth < 16; ++i)
    {
        uno::Reference<lang::XServiceInfo> info(shapes->getByIndex(i), uno::UNO_QUERY);
        if (!info.is() || info->supportsService("com.sun.star.text.TextFrame")
            || info->supportsService("com.sun.star.text.TextGraphicObject")
            || info->supportsService("com.sun.star.text.TextEmbeddedObject"))
            continue;
        if (info->supportsService("com.sun.star.drawing.GroupShape"))
        {
            readShapeList(uno::Reference<container::XIndexAccess>(info, uno::UNO_QUERY), reader, depth + 1);
            continue;
        }
        // A shape with a text box (Writer's "Add Text Box", and every text shape or
        // frame a DOCX import creates) keeps its text in a hidden Writer frame, which
        // getTextFrames does not list: read and paint that like any frame.
        uno::Reference<beans::XPropertySet> props(info, uno::UNO_QUERY);
        uno::Reference<beans::XPropertySetInfo> propInfo = props.is() ? props->getPropertySetInfo() : nullptr;
        if (propInfo.is() && propInfo->hasPropertyByName("TextBox") && getProp<bool>(props, "TextBox", false)
            && propInfo->hasPropertyByName("TextBoxContent"))
        {
            uno::Reference<text::XTextFrame> frame;
            props->getPropertyValue("TextBoxContent") >>= frame;
            uno::Reference<text::XText> text = frame.is() ? frame->getText() : nullptr;
            if (text.is())
                reader.readText(text, factlens::ParagraphKind::kBody);
            continue;
        }
        uno::Reference<text::XText> text(info, uno::UNO_QUERY);
        if (text.is())
            reader.readText(text, factlens::ParagraphKind::kBody, true);
    }
}

void readShapes(const uno::Reference<frame::XModel>& model, DocumentReader& reader)
{
    uno::Reference<drawing::XDrawPageSupplier> supplier(model, uno::UNO_QUERY);
    if (!supplier.is())
        return;
    // XDrawPageSupplier is deprecated, but it is what Writer implements (not XDrawPagesSupplier).
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    uno::Reference<container::XIndexAccess> page(supplier->getDrawPage(), uno::UNO_QUERY);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    readShapeList(page, reader, 0);
}

// Reads everything a reader sees: body (with tables), frames, footnotes, endnotes,
// headers and footers, drawing-shape text.
void collectParagraphs(const uno::Reference<frame::XModel>& model, ReadResult& out,
                       std::vector<DocumentReader::Pending>& list)
{
    DocumentReader reader(out, &list);
    uno::Reference<text::XTextDocument> doc(model, uno::UNO_QUERY);
    if (!doc.is())
        return;
    reader.readText(doc->getText(), factlens::ParagraphKind::kBody);
    uno::Reference<text::XTextFramesSupplier> frames(model, uno::UNO_QUERY);
    if (frames.is())
    {
        uno::Reference<container::XNameAccess> access = frames->getTextFrames();
        for (const OUString& name : access->getElementNames())
        {
            uno::Reference<text::XTextFrame> frame(access->getByName(name), uno::UNO_QUERY);
            uno::Reference<text::XText> text = frame.is() ? frame->getText() : nullptr;
            if (text.is())
                reader.readText(text, factlens::ParagraphKind::kBody);
        }
    }
    for (int pass = 0; pass < 2; ++pass)
    {
        uno::Reference<container::XIndexAccess> notes;
        if (pass == 0)
        {
            uno::Reference<text::XFootnotesSupplier> s(model, uno::UNO_QUERY);
            if (s.is())
                notes = s->getFootnotes();
        }
        else
        {
            uno::Reference<text::XEndnotesSupplier> s(model, uno::UNO_QUERY);
            if (s.is())
                notes = s->getEndnotes();
        }
        for (sal_Int32 i = 0; notes.is() && i < notes->getCount(); ++i)
        {
            uno::Reference<text::XText> text(notes->getByIndex(i), uno::UNO_QUERY);
            if (text.is())
                reader.readText(text, factlens::ParagraphKind::kFootnote);
        }
    }
    readHeadersAndFooters(model, reader);
    readShapes(model, reader);
}

// Cursor steps from the paragraph start for a UTF-16 offset of our text.
sal_Int32 stepsAt(const ParaInfo& para, const std::u16string& text, sal_Int32 offset, bool isEnd)
{
    const std::vector<Segment>& segs = para.segments;
    if (segs.empty())
        return 0;
    // first segment whose end is beyond offset (begin) / at or beyond offset (end)
    auto it = std::lower_bound(segs.begin(), segs.end(), offset,
                               [isEnd](const Segment& s, sal_Int32 off) {
                                   return isEnd ? s.u16End < off : s.u16End <= off;
                               });
    if (it == segs.end())
        return segs.back().stepBegin + segs.back().steps;
    const Segment& s = *it;
    if (offset <= s.u16Begin)
        return s.stepBegin;
    if (s.kind == Segment::Atomic)
        return isEnd ? s.stepBegin + s.steps : s.stepBegin;
    const sal_Int32 from = s.u16Begin;
    return s.stepBegin
           + codePoints(reinterpret_cast<const sal_Unicode*>(text.data()) + from, offset - from);
}

// Do two readings map offsets to cursor steps the same way? Text portions split at
// every attribute change (our highlights too), so contiguous text segments are merged
// before comparing.
bool sameMapping(const std::vector<Segment>& a, const std::vector<Segment>& b)
{
    auto merged = [](const std::vector<Segment>& in) {
        std::vector<Segment> out;
        for (const Segment& s : in)
        {
            if (!out.empty() && s.kind == Segment::Text && out.back().kind == Segment::Text
                && out.back().u16End == s.u16Begin && out.back().stepBegin + out.back().steps == s.stepBegin)
            {
                out.back().u16End = s.u16End;
                out.back().steps += s.steps;
            }
            else
                out.push_back(s);
        }
        return out;
    };
    return merged(a) == merged(b);
}

uno::Reference<text::XTextCursor> cursorAtStart(const ParaInfo& para)
{
    uno::Reference<text::XTextCursor> c = para.text->createTextCursorByRange(para.range);
    c->collapseToStart();
    return c;
}

bool moveRight(const uno::Reference<text::XTextCursor>& cursor, sal_Int32 steps, bool expand)
{
    while (steps > 0)
    {
        const sal_Int16 n = static_cast<sal_Int16>(std::min<sal_Int32>(steps, 32000));
        if (!cursor->goRight(n, expand))
            return false;
        steps -= n;
    }
    return true;
}

// ------------------------------------------------------------------ state

struct DocState
{
    uno::Reference<frame::XModel> model; // released when the document unloads
    std::shared_ptr<const Analysis> analysis;
    std::vector<ParaInfo> paras; // of `analysis`
    size_t paintedRanges = 0; // ranges on the document (sum of the paragraphs' appliedRuns)
    std::vector<std::vector<Interval>> intervals; // flattened analysis, per paragraph
    uno::Reference<uno::XComponentContext> ctx; // for re-runs after a store
    // User highlights under our ranges in paragraphs that no re-run found again
    // (deleted or merged into another): set again after every withdrawal.
    std::vector<Painted> looseRestore;
    bool shown = false; // highlights wanted on screen
    bool withdrawn = false; // temporarily removed for a store
    bool wasModifiedBeforeStore = false;
    // Re-applying after a store runs in main-thread slices (repaintSlice); a slice
    // whose ticket is no longer current stops (another store, Clear, a new
    // analysis or a category switch came in between).
    sal_uInt64 repaintTicket = 0;
    size_t repaintNext = 0; // next paragraph to re-apply
    size_t repaintStale = 0; // paragraphs edited since the analysis, seen so far
    std::chrono::steady_clock::time_point repaintStart;
    std::chrono::steady_clock::time_point storeStart; // withdrawal done, store running
    double repaintMaxSliceMs = 0;
    int repaintSlices = 0;
    bool exporting = false; // exportPdfWithHighlights in progress
    bool listening = false;
    sal_uInt64 generation = 0;
    sal_uInt64 requested = 0; // latest run requested
    size_t cachedHash = 0;
    std::string cachedHouseList; // the house list the cached report used
    std::shared_ptr<const factlens::Report> cachedReport;
};

std::mutex g_mutex; // guards g_docs and g_listeners (all access is on the main thread anyway)
// Keyed by the model's RuntimeUID: interface pointers of one document are not a
// stable identity here (a model resolved twice gave two different XInterface
// pointers in our measurements), the RuntimeUID is.
std::map<OUString, std::shared_ptr<DocState>> g_docs;
std::map<int, AnalysisListener> g_listeners;
int g_nextListener = 1;

OUString keyOf(const uno::Reference<frame::XModel>& model)
{
    uno::Reference<beans::XPropertySet> props(model, uno::UNO_QUERY);
    OUString uid = props.is() ? getProp<OUString>(props, "RuntimeUID", OUString()) : OUString();
    if (uid.isEmpty()) // not an office document model: fall back to its address
    {
        uno::Reference<uno::XInterface> normalized(model, uno::UNO_QUERY);
        uid = OUString::number(reinterpret_cast<sal_uInt64>(normalized.get()), 16);
    }
    return uid;
}

std::shared_ptr<DocState> findState(const uno::Reference<frame::XModel>& model)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    auto it = g_docs.find(keyOf(model));
    return it == g_docs.end() ? nullptr : it->second;
}

void dropState(const OUString& key)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    g_docs.erase(key);
}

void callListeners(const uno::Reference<frame::XModel>& model, const std::shared_ptr<const Analysis>& a)
{
    std::vector<AnalysisListener> copy;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        for (auto& [id, fn] : g_listeners)
            copy.push_back(fn);
    }
    for (auto& fn : copy)
    {
        try
        {
            fn(model, a);
        }
        catch (...)
        {
            logException("analysis listener");
        }
    }
}

// ------------------------------------------------------------------ batches
// Runs `body` with controllers locked, undo locked, Record Changes off, and the
// modified flag restored: our changes are no user edit.
template <typename F> void quietBatch(const uno::Reference<frame::XModel>& model, F body)
{
    uno::Reference<util::XModifiable> modifiable(model, uno::UNO_QUERY);
    const bool wasModified = modifiable.is() && modifiable->isModified();
    uno::Reference<document::XUndoManager> undo;
    uno::Reference<document::XUndoManagerSupplier> undoSupplier(model, uno::UNO_QUERY);
    if (undoSupplier.is())
        undo = undoSupplier->getUndoManager();
    uno::Reference<beans::XPropertySet> docProps(model, uno::UNO_QUERY);
    bool recording = false;
    if (docProps.is())
        recording = getProp<bool>(docProps, "RecordChanges", false);

    model->lockControllers();
    if (undo.is())
        undo->lock();
    if (recording)
        docProps->setPropertyValue("RecordChanges", uno::Any(false));
    try
    {
        body();
    }
    catch (...)
    {
        logException("highlight batch");
    }
    try
    {
        if (recording)
            docProps->setPropertyValue("RecordChanges", uno::Any(true));
    }
    catch (...)
    {
        logException("restoring RecordChanges");
    }
    if (undo.is() && undo->isLocked())
        undo->unlock();
    model->unlockControllers();
    if (modifiable.is() && !wasModified && modifiable->isModified())
        modifiable->setModified(false);
}


// Per paragraph: non-overlapping painted intervals, top category wins.
std::vector<std::vector<Interval>> flatten(const Analysis& a)
{
    struct Raw
    {
        factlens::Span span;
        int rank;
        sal_Int32 color;
    };
    std::vector<std::vector<Raw>> perPara(a.document.paragraphs.size());
    auto add = [&](const factlens::Span& s, Category c) {
        if (!isCategoryEnabled(c) || !s.valid() || s.empty()
            || s.paragraph >= static_cast<int32_t>(perPara.size()))
            return;
        int rank = 0;
        for (int i = 0; i < kCategoryCount; ++i)
            if (kPaintOrder[i] == c)
                rank = i;
        perPara[s.paragraph].push_back({ s, rank, categoryColor(c) });
    };
    const factlens::Report& r = a.report;
    for (const auto& e : r.entities)
        add(e.span, e.type == factlens::EntityType::kPerson  ? Category::Person
                    : e.type == factlens::EntityType::kOrg   ? Category::Organisation
                    : e.type == factlens::EntityType::kPlace ? Category::Place
                                                             : Category::Misc);
    for (const auto& at : r.attributions)
    {
        add(at.content, Category::QuoteContent);
        if (at.speaker)
            add(*at.speaker, Category::QuoteSpeaker);
        if (at.cue)
            add(*at.cue, Category::QuoteCue);
    }
    for (const auto& f : r.figures)
        add(f.span, Category::Figure);

    std::vector<std::vector<Interval>> out(perPara.size());
    for (size_t p = 0; p < perPara.size(); ++p)
    {
        auto& raws = perPara[p];
        if (raws.empty())
            continue;
        const sal_Int32 len = static_cast<sal_Int32>(a.document.paragraphs[p].text.size());
        std::vector<sal_Int32> cuts;
        for (auto& r2 : raws)
        {
            r2.span.end = std::min<sal_Int32>(r2.span.end, len);
            cuts.push_back(r2.span.begin);
            cuts.push_back(r2.span.end);
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        for (size_t i = 0; i + 1 < cuts.size(); ++i)
        {
            const sal_Int32 b = cuts[i], e = cuts[i + 1];
            int best = -1;
            sal_Int32 color = 0;
            for (const auto& r2 : raws)
                if (r2.span.begin <= b && r2.span.end >= e && r2.rank > best)
                {
                    best = r2.rank;
                    color = r2.color;
                }
            if (best < 0 || b >= e)
                continue;
            if (!out[p].empty() && out[p].back().end == b && out[p].back().color == color)
                out[p].back().end = e;
            else
                out[p].push_back({ b, e, color });
        }
    }
    return out;
}

// Removes our colours from the paragraphs in `area` (a text range over a painted
// paragraph): every run carrying one of our colours, also text typed at the end of a
// highlight (it inherits it), and a whole-paragraph highlight. The user's own direct
// highlights in other colours there are kept. (An attribute search, XSearchable::
// findAll with CharHighlight as search attribute, found nothing in LibreOffice 7.4:
// measured.) Adds the runs removed to *removed and the reset time to *resetMs.
void withdrawArea(const uno::Reference<container::XEnumerationAccess>& area, size_t* removed,
                  double* resetMs)
{
    if (!area.is())
        return;
    uno::Reference<container::XEnumeration> paras = area->createEnumeration();
    while (paras->hasMoreElements())
    {
        uno::Reference<container::XEnumerationAccess> para(paras->nextElement(), uno::UNO_QUERY);
        if (!para.is())
            continue; // a table inside the range: its cells are areas of their own
        // A highlight over a whole paragraph is stored on the paragraph itself
        // (measured: ODT export writes it into the paragraph style P1).
        {
            uno::Reference<beans::XPropertySet> pps(para, uno::UNO_QUERY);
            uno::Reference<beans::XPropertyState> pstate(para, uno::UNO_QUERY);
            sal_Int32 value = -1;
            if (pps.is() && pstate.is()
                && pstate->getPropertyState("CharHighlight") == beans::PropertyState_DIRECT_VALUE
                && (pps->getPropertyValue("CharHighlight") >>= value) && isOurColor(value))
            {
                pstate->setPropertyToDefault("CharHighlight");
                ++*removed;
            }
        }
        // One reset over the paragraph's range when it carries our colour, after
        // noting the user's own direct highlights in it (other colours), which
        // are set again afterwards: cheaper than a reset per run.
        bool ours = false;
        std::vector<Painted> keep;
        uno::Reference<container::XEnumeration> portions = para->createEnumeration();
        while (portions->hasMoreElements())
        {
            uno::Reference<beans::XPropertySet> ps(portions->nextElement(), uno::UNO_QUERY);
            sal_Int32 value = -1;
            if (!ps.is() || !(ps->getPropertyValue("CharHighlight") >>= value) || value == -1)
                continue;
            if (isOurColor(value))
            {
                ours = true;
                ++*removed;
                continue;
            }
            uno::Reference<beans::XPropertyState> state(ps, uno::UNO_QUERY);
            if (state.is() && state->getPropertyState("CharHighlight") == beans::PropertyState_DIRECT_VALUE)
                keep.push_back({ ps, value });
        }
        if (!ours)
            continue;
        const auto tr = std::chrono::steady_clock::now();
        uno::Reference<text::XTextRange> range(para, uno::UNO_QUERY);
        uno::Reference<beans::XPropertyState> all(
            range.is() ? range->getText()->createTextCursorByRange(range) : nullptr, uno::UNO_QUERY);
        if (all.is())
            all->setPropertyToDefault("CharHighlight");
        for (const Painted& k : keep)
            k.range->setPropertyValue("CharHighlight", uno::Any(k.color));
        *resetMs += msSince(tr);
    }
}

void restoreUserHighlights(const std::vector<Painted>& list)
{
    for (const Painted& p : list)
    {
        try
        {
            p.range->setPropertyValue("CharHighlight", uno::Any(p.color));
        }
        catch (...)
        {
            logException("restoring a user highlight");
        }
    }
}

// A paragraph carrying highlights of an older analysis (see applyResult): removes
// them and sets the user's own highlights under them again.
void withdrawStale(ParaInfo& para)
{
    size_t removed = 0;
    double resetMs = 0;
    try
    {
        withdrawArea(para.area, &removed, &resetMs);
    }
    catch (...)
    {
        logException("removing old highlights");
    }
    restoreUserHighlights(para.userRestore); // kept: the new paint may cover them again
    para.area.clear();
    para.stale = false;
}

// Paints the latest analysis, paragraph by paragraph, and notes per paragraph what it
// painted (paintedIntervals, appliedRuns, its string, an area for the withdrawal and
// the user's own highlights under our ranges). First paint (repaint = false): every
// paragraph not in the painted set yet (a re-run keeps the unchanged ones, see
// applyResult); a stale one is withdrawn first. Re-paint (after a store): the painted
// set again, skipping paragraphs edited since (returns how many: they need a fresh
// analysis). Slices: starts at paragraph `from`, stops after `budgetMs` (0 = no
// limit) and stores the next paragraph in *next.
size_t paint(const uno::Reference<frame::XModel>& model, DocState& st, bool repaint,
             size_t from = 0, size_t* next = nullptr, double budgetMs = 0)
{
    (void)model;
    if (!st.analysis)
        return 0;
    const auto t0 = std::chrono::steady_clock::now();
    const Analysis& a = *st.analysis;
    if (st.intervals.size() != a.document.paragraphs.size())
        st.intervals = flatten(a);
    size_t ranges = 0, stale = 0;
    size_t p = from;
    for (; p < st.paras.size(); ++p)
    {
        if (budgetMs > 0 && msSince(t0) > budgetMs)
            break;
        ParaInfo& para = st.paras[p];
        if (repaint ? (!para.painted || para.applied) : para.painted)
            continue;
        if (!repaint && para.stale)
            withdrawStale(para);
        const std::vector<Interval>& ivs = repaint ? para.paintedIntervals : st.intervals[p];
        if (ivs.empty() || para.shapeText || p >= a.document.paragraphs.size())
            continue;
        const std::u16string& text = a.document.paragraphs[p].text;
        try
        {
            const OUString now = para.range->getString();
            if (!repaint && now != para.readString)
            {
                ++stale; // edited after the reading: the analysis has not seen this text
                continue;
            }
            if (!repaint)
            {
                para.paintedString = now;
                para.paintedIntervals = ivs;
                para.appliedRuns.clear();
                para.area.set(para.text->createTextCursorByRange(para.range), uno::UNO_QUERY);
            }
            else if (now != para.paintedString)
            {
                ++stale;
                continue;
            }
            para.painted = true;
            para.applied = true;
            uno::Reference<text::XTextCursor> cursor = cursorAtStart(para);
            uno::Reference<beans::XPropertySet> cursorProps(cursor, uno::UNO_QUERY);
            sal_Int32 pos = 0;
            for (const Interval& iv : ivs)
            {
                const sal_Int32 sb = stepsAt(para, text, iv.begin, false);
                const sal_Int32 se = stepsAt(para, text, iv.end, true);
                if (se <= sb || sb < pos)
                    continue;
                cursor->collapseToEnd();
                if (!moveRight(cursor, sb - pos, false) || !moveRight(cursor, se - sb, true))
                    break; // the paragraph changed under us: stop here
                pos = se;
                cursorProps->setPropertyValue("CharHighlight", uno::Any(iv.color));
                ++ranges;
                if (repaint)
                    continue;
                para.appliedRuns.push_back({ sb, se, iv.color });
                for (const UserHighlight& uh : para.userHighlights)
                {
                    const sal_Int32 b = std::max(uh.stepBegin, sb), e = std::min(uh.stepEnd, se);
                    if (b >= e)
                        continue;
                    uno::Reference<text::XTextCursor> c = cursorAtStart(para);
                    if (moveRight(c, b, false) && moveRight(c, e - b, true))
                        para.userRestore.push_back(
                            { uno::Reference<beans::XPropertySet>(c, uno::UNO_QUERY), uh.color });
                }
            }
        }
        catch (...)
        {
            logException("painting a paragraph");
        }
    }
    if (next)
        *next = p;
    logTrace("%s: %zu ranges in %.1f ms (%zu edited paragraphs skipped)", repaint ? "repaint" : "paint",
             ranges, msSince(t0), stale);
    return stale;
}

size_t countApplied(const DocState& st)
{
    size_t n = 0;
    for (const ParaInfo& para : st.paras)
        if (para.applied)
            n += para.appliedRuns.size();
    return n;
}

// Removes all our highlights (before a store, Clear, a category switch): every
// painted or stale paragraph's area, then the user's own values under our ranges.
// The painted set stays (paintedIntervals, areas, user highlights): a re-paint after
// the store applies it again.
void unpaint(const uno::Reference<frame::XModel>& model, DocState& st)
{
    (void)model;
    const auto tNet = std::chrono::steady_clock::now();
    size_t removed = 0, areas = 0;
    double resetMs = 0;
    for (ParaInfo& para : st.paras)
    {
        if (!(para.painted || para.stale) || !para.area.is())
            continue;
        ++areas;
        try
        {
            withdrawArea(para.area, &removed, &resetMs);
        }
        catch (...)
        {
            logException("removing highlights");
        }
    }
    logTrace("unpaint: %zu runs in %zu areas, %.1f ms (resets %.1f ms)", removed, areas, msSince(tNet),
             resetMs);
    for (ParaInfo& para : st.paras)
    {
        if (para.painted || para.stale)
            restoreUserHighlights(para.userRestore);
        if (para.stale) // its old highlights are gone now; nothing to withdraw any more
        {
            para.stale = false;
            para.area.clear();
        }
        para.applied = false;
    }
    restoreUserHighlights(st.looseRestore);
}

// Forgets the painted set (after unpaint): Clear, a category switch.
void forgetPainting(DocState& st, bool keepUserRestore)
{
    for (ParaInfo& para : st.paras)
    {
        para.painted = para.applied = para.stale = false;
        para.paintedIntervals.clear();
        para.appliedRuns.clear();
        para.area.clear();
        if (!keepUserRestore)
            para.userRestore.clear();
    }
    if (!keepUserRestore)
        st.looseRestore.clear();
    st.paintedRanges = 0;
}

// ------------------------------------------------------------------ save guard
void startRepaint(const uno::Reference<frame::XModel>& model, const std::shared_ptr<DocState>& st,
                  const OUString& event);

class DocListener : public ::cppu::WeakImplHelper1<document::XDocumentEventListener>
{
public:
    explicit DocListener(const OUString& key)
        : m_key(key)
    {
    }

    void SAL_CALL documentEventOccured(const document::DocumentEvent& event) override
    {
        try
        {
            handle(event);
        }
        catch (...)
        {
            logException("document event");
        }
    }

    void SAL_CALL disposing(const lang::EventObject&) override { dropState(m_key); }

private:
    void handle(const document::DocumentEvent& event)
    {
        const OUString& name = event.EventName;
        uno::Reference<frame::XModel> model(event.Source, uno::UNO_QUERY);
        std::shared_ptr<DocState> st = findState(model);
        if (!st || !model.is())
            return;
        if (name == "OnUnload")
        {
            dropState(m_key);
            return;
        }
        // Measured (docs/extension.md): store() fires OnSave, storeAsURL() OnSaveAs,
        // storeToURL() (export, PDF, "save a copy" through the API) and the
        // autorecovery copy (storeToRecoveryFile) fire OnCopyTo; the UI's Save a Copy
        // fires OnSaveTo. All synchronously, before the store starts.
        const bool before = name == "OnSave" || name == "OnSaveAs" || name == "OnSaveTo"
                            || name == "OnCopyTo";
        const bool after = name == "OnSaveDone" || name == "OnSaveAsDone" || name == "OnSaveToDone"
                           || name == "OnCopyToDone" || name == "OnSaveFailed"
                           || name == "OnSaveAsFailed" || name == "OnSaveToFailed"
                           || name == "OnCopyToFailed";
        if (before && st->shown && !st->withdrawn && !st->exporting)
        {
            const auto t0 = std::chrono::steady_clock::now();
            ++st->repaintTicket; // a re-apply still in slices stops here
            uno::Reference<util::XModifiable> modifiable(model, uno::UNO_QUERY);
            st->wasModifiedBeforeStore = modifiable.is() && modifiable->isModified();
            st->paintedRanges = countApplied(*st);
            quietBatch(model, [&] { unpaint(model, *st); });
            st->withdrawn = true;
            st->storeStart = std::chrono::steady_clock::now();
            logTrace("withdraw before %s: %zu ranges, %.1f ms",
                     ::rtl::OUStringToOString(name, RTL_TEXTENCODING_UTF8).getStr(),
                     st->paintedRanges, msSince(t0));
        }
        else if (after && st->withdrawn)
        {
            // The store is over: the highlights come back in main-thread slices like
            // the first paint, so the user is not blocked for seconds after a save.
            // After OnSaveToDone (copy/export) the document keeps its former state;
            // after Save/Save As it is unmodified anyway (quietBatch keeps that).
            st->withdrawn = false;
            logTrace("store itself: %.1f ms", msSince(st->storeStart));
            startRepaint(model, st, name);
        }
    }

    OUString m_key;
};

void ensureListening(const uno::Reference<frame::XModel>& model, DocState& st)
{
    if (st.listening)
        return;
    uno::Reference<document::XDocumentEventBroadcaster> b(model, uno::UNO_QUERY);
    if (!b.is())
        return;
    b->addDocumentEventListener(new DocListener(keyOf(model)));
    st.listening = true;
}

// ------------------------------------------------------------------ main thread hop
class Callback : public ::cppu::WeakImplHelper1<awt::XCallback>
{
public:
    explicit Callback(std::function<void()> fn)
        : m_fn(std::move(fn))
    {
    }
    void SAL_CALL notify(const uno::Any&) override
    {
        try
        {
            m_fn();
        }
        catch (...)
        {
            logException("main-thread callback");
        }
    }

private:
    std::function<void()> m_fn;
};

bool postToMain(const uno::Reference<uno::XComponentContext>& ctx, std::function<void()> fn)
{
    try
    {
        uno::Reference<awt::XRequestCallback> async = awt::AsyncCallback::create(ctx);
        async->addCallback(new Callback(std::move(fn)), uno::Any());
        return true;
    }
    catch (...)
    {
        logException("AsyncCallback");
        return false;
    }
}

std::mutex g_workerMutex;
std::vector<std::thread> g_workers;
std::atomic<int> g_running{ 0 };
std::atomic<bool> g_terminating{ false };
// FACTLENS_NO_REUSE=1: read every paragraph from its portions on a re-run (for the
// bench's comparison of the two readings; docs/extension.md).
const bool g_noReuse = std::getenv("FACTLENS_NO_REUSE") != nullptr;

// ------------------------------------------------------------------ re-apply after a store
constexpr double kSliceMs = 40; // main-thread work per hop

// Main thread: re-applies the next slice of the withdrawn highlights (paint with
// repaint = true, which skips paragraphs edited since the analysis).
void repaintSlice(const std::shared_ptr<DocState>& st, sal_uInt64 ticket, const std::string& event)
{
    uno::Reference<frame::XModel> model(st->model);
    if (ticket != st->repaintTicket || st->withdrawn || !st->shown || !model.is() || g_terminating)
        return; // superseded: whoever cancelled owns the highlights now
    if (findState(model) != st)
        return; // the document was closed meanwhile
    const auto t0 = std::chrono::steady_clock::now();
    size_t next = st->repaintNext;
    quietBatch(model, [&] {
        st->repaintStale += paint(model, *st, true, st->repaintNext, &next, kSliceMs);
    });
    st->repaintNext = next;
    st->repaintMaxSliceMs = std::max(st->repaintMaxSliceMs, msSince(t0));
    ++st->repaintSlices;
    if (next < st->paras.size())
    {
        if (postToMain(st->ctx, [st, ticket, event] { repaintSlice(st, ticket, event); }))
            return;
        logTrace("re-apply: no main-thread hop, finishing at once");
        quietBatch(model, [&] { st->repaintStale += paint(model, *st, true, st->repaintNext); });
    }
    logTrace("re-apply after %s: %zu ranges, %.1f ms in %d slices (longest %.1f ms)", event.c_str(),
             st->paintedRanges, msSince(st->repaintStart), st->repaintSlices, st->repaintMaxSliceMs);
    if (st->repaintStale && st->ctx.is()) // edited paragraphs: analyse again
        runAnalysis(st->ctx, model);
}

void startRepaint(const uno::Reference<frame::XModel>& model, const std::shared_ptr<DocState>& st,
                  const OUString& event)
{
    const std::string name = ::rtl::OUStringToOString(event, RTL_TEXTENCODING_UTF8).getStr();
    const sal_uInt64 ticket = ++st->repaintTicket;
    st->repaintNext = 0;
    st->repaintStale = 0;
    st->repaintSlices = 0;
    st->repaintMaxSliceMs = 0;
    st->repaintStart = std::chrono::steady_clock::now();
    if (!st->ctx.is()) // no context for hops (cannot happen after a run): all at once
    {
        quietBatch(model, [&] { st->repaintStale = paint(model, *st, true); });
        logTrace("re-apply after %s: %zu ranges, %.1f ms (one block)", name.c_str(),
                 st->paintedRanges, msSince(st->repaintStart));
        return;
    }
    repaintSlice(st, ticket, name); // the first slice now, the others from the main loop
}

// ------------------------------------------------------------------ workers

class TerminateListener : public ::cppu::WeakImplHelper1<frame::XTerminateListener>
{
public:
    void SAL_CALL queryTermination(const lang::EventObject&) override {}
    void SAL_CALL notifyTermination(const lang::EventObject&) override
    {
        g_terminating = true;
        std::vector<std::thread> workers;
        {
            std::lock_guard<std::mutex> lock(g_workerMutex);
            workers.swap(g_workers);
        }
        for (auto& t : workers)
            if (t.joinable())
                t.join();
        std::lock_guard<std::mutex> lock(g_mutex);
        g_docs.clear();
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}
};

void ensureTerminateListener(const uno::Reference<uno::XComponentContext>& ctx)
{
    static std::once_flag once;
    std::call_once(once, [&] {
        try
        {
            uno::Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
            desktop->addTerminateListener(new TerminateListener);
        }
        catch (...)
        {
            logException("terminate listener");
        }
    });
}

const factlens::Analyzer& analyzer()
{
    static const factlens::Analyzer instance; // thread-safe initialisation
    return instance;
}

void startWorker(std::function<void()> fn)
{
    std::lock_guard<std::mutex> lock(g_workerMutex);
    // join finished workers
    ++g_running;
    g_workers.emplace_back([fn = std::move(fn)] {
        try
        {
            fn();
        }
        catch (...)
        {
            logException("analysis worker");
        }
        --g_running;
    });
    if (g_workers.size() > 16 && g_running == 0)
    {
        for (auto& t : g_workers)
            if (t.joinable() && t.get_id() != std::this_thread::get_id())
                t.join();
        g_workers.clear();
    }
}

uno::Reference<task::XStatusIndicator> makeIndicator(const uno::Reference<frame::XModel>& model)
{
    try
    {
        uno::Reference<frame::XController> controller = model->getCurrentController();
        uno::Reference<task::XStatusIndicatorFactory> factory(
            controller.is() ? controller->getFrame() : uno::Reference<frame::XFrame>(),
            uno::UNO_QUERY);
        if (factory.is())
            return factory->createStatusIndicator();
    }
    catch (...)
    {
        logException("status indicator");
    }
    return {};
}

struct Job
{
    uno::Reference<uno::XComponentContext> ctx;
    uno::Reference<frame::XModel> model;
    std::function<void(bool)> done;
    sal_uInt64 request = 0;
    std::shared_ptr<ReadResult> read;
    std::vector<DocumentReader::Pending> pending; // paragraphs still to read
    size_t nextPending = 0;
    std::unique_ptr<DocumentReader> reader;
    std::unique_ptr<PreviousReading> previous; // see DocumentReader::reusePrevious
    size_t nextPaint = 0; // paragraphs painted so far
    double maxBlockMs = 0; // longest main-thread slice
    std::shared_ptr<const factlens::Report> report;
    uno::Reference<task::XStatusIndicator> indicator;
    std::chrono::steady_clock::time_point t0;
    double readMs = 0, analyzeMs = 0, applyMs = 0;
    bool fromCache = false;
    std::string houseList; // the stored house list (options.hxx), read at the start

    void finish(bool ok)
    {
        logTrace("run finished: %s (%.1f ms)", ok ? "ok" : "failed", msSince(t0));
        if (indicator.is())
        {
            try
            {
                indicator->end();
            }
            catch (...)
            {
            }
        }
        if (done)
            done(ok);
    }
};

void readAndAnalyze(const std::shared_ptr<Job>& job);
void readSlice(const std::shared_ptr<Job>& job);
void continuePainting(const std::shared_ptr<Job>& job, const std::shared_ptr<DocState>& st,
                      const std::shared_ptr<Analysis>& analysis);

// Runs a step of a job; any exception ends the job as failed (the dispatch result
// listener always hears back).
void guarded(const std::shared_ptr<Job>& job, void (*step)(const std::shared_ptr<Job>&))
{
    try
    {
        step(job);
    }
    catch (...)
    {
        logException("analysis run");
        job->finish(false);
    }
}

// Main thread, after the analysis: apply and publish.
void applyResult(const std::shared_ptr<Job>& job)
{
    uno::Reference<frame::XModel> model(job->model);
    std::shared_ptr<DocState> st = model.is() ? findState(model) : nullptr;
    if (!st || g_terminating)
    {
        logTrace("result dropped: %s", g_terminating ? "office terminating" : "document closed");
        job->finish(false);
        return;
    }
    if (job->request != st->requested)
    {
        logTrace("result dropped: superseded by a newer run");
        job->finish(false); // a newer run superseded this one
        return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto analysis = std::make_shared<Analysis>();
    analysis->document = job->read->document;
    analysis->report = *job->report;
    analysis->generation = ++st->generation;
    analysis->readMs = job->readMs;
    analysis->analyzeMs = job->analyzeMs;
    analysis->fromCache = job->fromCache;
    if (job->indicator.is())
        job->indicator->setValue(90);

    // Incremental repaint. The analysis is whole-document (entities and quotes link
    // across paragraphs), but its highlights are per paragraph: a paragraph keeps what
    // is painted on it (no withdrawal, no repaint) when it is the same paragraph object
    // as before, its text and text mapping are unchanged, the new analysis paints the
    // same intervals there, and the reading found exactly our last paint on it (for a
    // paragraph read from its portions this also catches text deleted and typed again,
    // which lost its highlight; a reading taken over assumes the paint). Any other
    // paragraph that carried our colours is stale: withdrawn when painting reaches it.
    // The user's highlights under old ranges stay recorded with the paragraph.
    ++st->repaintTicket; // a re-apply after a store still in slices: superseded
    std::vector<std::vector<Interval>> intervals = flatten(*analysis);
    std::vector<ParaInfo> paras = std::move(job->read->paras);
    size_t kept = 0, toPaint = 0, toWithdraw = 0;
    std::vector<Painted> loose;
    if (st->shown && !st->withdrawn && st->analysis)
    {
        std::vector<ParaInfo>& old = st->paras;
        const factlens::Document& oldDoc = st->analysis->document;
        std::unordered_map<const void*, size_t> byObject;
        for (size_t i = 0; i < old.size(); ++i)
        {
            uno::Reference<uno::XInterface> id(old[i].range, uno::UNO_QUERY);
            if (id.is())
                byObject.emplace(id.get(), i);
        }
        std::vector<bool> matched(old.size(), false);
        for (size_t j = 0; j < paras.size(); ++j)
        {
            ParaInfo& now = paras[j];
            uno::Reference<uno::XInterface> id(now.range, uno::UNO_QUERY);
            auto it = id.is() ? byObject.find(id.get()) : byObject.end();
            ParaInfo* before = nullptr;
            if (it != byObject.end() && !matched[it->second])
            {
                before = &old[it->second];
                matched[it->second] = true;
            }
            static const std::vector<Interval> kNone;
            const std::vector<Interval>& want = j < intervals.size() ? intervals[j] : kNone;
            if (before && before->painted && before->applied && !now.shapeText
                && it->second < oldDoc.paragraphs.size()
                && oldDoc.paragraphs[it->second].text == analysis->document.paragraphs[j].text
                && oldDoc.paragraphs[it->second].kind == analysis->document.paragraphs[j].kind
                && sameMapping(before->segments, now.segments) && before->paintedIntervals == want
                && mergedRuns(now.ourRuns) == mergedRuns(before->appliedRuns))
            {
                now.painted = now.applied = true;
                now.paintedString = before->paintedString;
                now.paintedIntervals = std::move(before->paintedIntervals);
                now.appliedRuns = std::move(before->appliedRuns);
                now.area = before->area;
                now.userRestore = std::move(before->userRestore);
                ++kept;
                continue;
            }
            if (before)
                now.userRestore = std::move(before->userRestore);
            if ((before && (before->applied || before->stale)) || !now.ourRuns.empty())
            {
                now.stale = true;
                try
                {
                    now.area.set(now.text->createTextCursorByRange(now.range), uno::UNO_QUERY);
                }
                catch (const uno::Exception&)
                {
                    logException("a stale paragraph"); // deleted meanwhile: nothing to withdraw
                }
                ++toWithdraw;
            }
            if (!want.empty())
                ++toPaint;
        }
        // Painted paragraphs not found again were deleted or merged into another (which
        // then carries our colours and is stale): keep the user's highlights they had.
        for (size_t i = 0; i < old.size(); ++i)
            if (!matched[i])
                for (Painted& p : old[i].userRestore)
                    loose.push_back(std::move(p));
        logTrace("incremental: %zu paragraphs kept, %zu to repaint, %zu to withdraw", kept, toPaint,
                 toWithdraw);
    }
    else
        forgetPainting(*st, false); // nothing of ours on the document (first run, after Clear)

    quietBatch(model, [&] {
        restoreUserHighlights(loose);
        st->looseRestore.insert(st->looseRestore.end(), loose.begin(), loose.end());
        st->paras = std::move(paras);
        st->analysis = analysis;
        st->intervals = std::move(intervals);
        st->shown = true;
        st->withdrawn = false;
        job->nextPaint = 0;
        paint(model, *st, false, 0, &job->nextPaint, kSliceMs);
    });
    job->applyMs += msSince(t0);
    job->maxBlockMs = std::max(job->maxBlockMs, msSince(t0));
    ensureListening(model, *st);
    continuePainting(job, st, analysis);
}

// Main thread: paints the next slice, or publishes when all is painted. Between
// slices the office handles input and repaints (UI never blocked > ~kSliceMs).
void continuePainting(const std::shared_ptr<Job>& job, const std::shared_ptr<DocState>& st,
                      const std::shared_ptr<Analysis>& analysis)
{
    uno::Reference<frame::XModel> model(job->model);
    if (st->analysis != analysis || job->request != st->requested)
    {
        job->finish(false); // superseded
        return;
    }
    if (job->nextPaint < st->intervals.size() && !st->withdrawn)
    {
        postToMain(job->ctx, [job, st, analysis] {
            try
            {
                if (st->analysis == analysis && !st->withdrawn && st->shown)
                {
                    const auto t0 = std::chrono::steady_clock::now();
                    uno::Reference<frame::XModel> m(job->model);
                    quietBatch(m, [&] {
                        paint(m, *st, false, job->nextPaint, &job->nextPaint, kSliceMs);
                    });
                    job->applyMs += msSince(t0);
                    job->maxBlockMs = std::max(job->maxBlockMs, msSince(t0));
                    if (job->indicator.is())
                        job->indicator->setValue(
                            50 + static_cast<int>(50.0 * job->nextPaint / std::max<size_t>(1, st->intervals.size())));
                }
                else
                    job->nextPaint = st->intervals.size(); // stored meanwhile / cleared: stop
                continuePainting(job, st, analysis);
            }
            catch (...)
            {
                logException("painting");
                job->finish(false);
            }
        });
        return;
    }
    uno::Reference<frame::XStorable> storable(model, uno::UNO_QUERY);
    st->paintedRanges = countApplied(*st);
    analysis->highlighted = st->paintedRanges > 0 || analysis->report.entities.empty();
    if (storable.is() && storable->isReadonly())
        analysis->note = "Read-only document: highlights are shown on screen only.";
    analysis->applyMs = job->applyMs;
    logTrace("analysis: paragraphs=%zu chars=%lld read_ms=%.1f analyze_ms=%.1f apply_ms=%.1f "
             "ranges=%zu cache=%d total_ms=%.1f max_block_ms=%.1f",
             analysis->document.paragraphs.size(), static_cast<long long>(job->read->chars),
             analysis->readMs, analysis->analyzeMs, analysis->applyMs, st->paintedRanges,
             analysis->fromCache ? 1 : 0, msSince(job->t0), job->maxBlockMs);
    callListeners(model, analysis);
    job->finish(true);
}

// Main thread: read the document, then analyse (worker) or reuse the cache.
void readAndAnalyze(const std::shared_ptr<Job>& job)
{
    uno::Reference<frame::XModel> model(job->model);
    logTrace("reading the document (model %s)", model.is() ? "alive" : "gone");
    if (!model.is() || g_terminating)
    {
        job->finish(false);
        return;
    }
    std::shared_ptr<DocState> st;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        auto& slot = g_docs[keyOf(model)];
        if (!slot)
        {
            slot = std::make_shared<DocState>();
            slot->model = model;
        }
        st = slot;
    }
    ensureListening(model, *st);
    st->ctx = job->ctx;
    job->request = ++st->requested;
    const auto t0 = std::chrono::steady_clock::now();
    job->read = std::make_shared<ReadResult>();
    job->houseList = readHouseListText(job->ctx);
    collectParagraphs(model, *job->read, job->pending);
    job->reader = std::make_unique<DocumentReader>(*job->read);
    if (st->shown && !st->withdrawn && st->analysis && !g_noReuse)
    {
        job->previous = std::make_unique<PreviousReading>();
        job->previous->analysis = st->analysis;
        job->previous->paras = &st->paras;
        for (size_t i = 0; i < st->paras.size(); ++i)
        {
            uno::Reference<uno::XInterface> id(st->paras[i].range, uno::UNO_QUERY);
            if (id.is() && st->paras[i].painted)
                job->previous->byObject.emplace(id.get(), i);
        }
    }
    if (job->pending.size() > 500)
    {
        job->indicator = makeIndicator(model);
        if (job->indicator.is())
        {
            job->indicator->start("FactLens: analysing the draft", 100);
            job->indicator->setValue(0);
        }
    }
    job->readMs = msSince(t0);
    job->maxBlockMs = job->readMs;
    readSlice(job);
}

// Main thread: reads paragraphs for up to kSliceMs, then yields to the office.
void readSlice(const std::shared_ptr<Job>& job)
{
    uno::Reference<frame::XModel> model(job->model);
    std::shared_ptr<DocState> st = findState(model);
    if (!st || g_terminating || job->request != st->requested)
    {
        job->finish(false);
        return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    // Another run may have replaced the analysis (and st->paras) since the last slice.
    if (job->previous && (st->analysis != job->previous->analysis || st->withdrawn || !st->shown))
        job->previous.reset();
    job->reader->m_previous = job->previous.get();
    while (job->nextPending < job->pending.size() && msSince(t0) < kSliceMs)
    {
        const auto& p = job->pending[job->nextPending++];
        job->reader->readParagraph(p.para, p.text, p.kind, p.shapeText);
    }
    job->readMs += msSince(t0);
    job->maxBlockMs = std::max(job->maxBlockMs, msSince(t0));
    if (job->nextPending < job->pending.size())
    {
        if (job->indicator.is())
            job->indicator->setValue(static_cast<int>(40.0 * job->nextPending / job->pending.size()));
        postToMain(job->ctx, [job] { guarded(job, readSlice); });
        return;
    }
    job->pending.clear();
    logTrace("read: %zu paragraphs, %zu taken over from the previous reading", job->read->paras.size(),
             job->reader->m_reused);
    job->reader.reset();
    job->previous.reset();
    if (job->indicator.is())
        job->indicator->setValue(40);
    if (st->cachedReport && st->cachedHash == job->read->hash
        && st->cachedHouseList == job->houseList)
    {
        job->report = st->cachedReport;
        job->fromCache = true;
        applyResult(job);
        return;
    }
    startWorker([job, st] {
        if (g_terminating)
            return;
        const auto t1 = std::chrono::steady_clock::now();
        // The stored house list (options page) feeds the entity recogniser and checks.
        std::shared_ptr<const factlens::Analyzer> house;
        if (!job->houseList.empty())
            house = houseListAnalyzer(job->houseList);
        const factlens::Analyzer& run = house ? *house : analyzer();
        auto report = std::make_shared<const factlens::Report>(run.Analyze(job->read->document));
        job->analyzeMs = msSince(t1);
        job->report = report;
        if (g_terminating)
            return;
        postToMain(job->ctx, [job, st] {
            if (!g_terminating)
            {
                st->cachedHash = job->read->hash;
                st->cachedHouseList = job->houseList;
                st->cachedReport = job->report;
            }
            guarded(job, applyResult);
        });
    });
}
}

// ------------------------------------------------------------------ public API
void setCategoryEnabled(Category c, bool enabled)
{
    g_enabled[static_cast<int>(c)] = enabled;
    std::vector<std::shared_ptr<DocState>> docs;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        for (auto& [key, st] : g_docs)
            docs.push_back(st);
    }
    for (auto& st : docs)
    {
        uno::Reference<frame::XModel> model(st->model);
        if (!model.is() || !st->shown || st->withdrawn)
            continue;
        ++st->repaintTicket; // repaints everything below
        quietBatch(model, [&] {
            unpaint(model, *st);
            forgetPainting(*st, true); // the user's highlights under old ranges stay known
            st->intervals.clear();
            paint(model, *st, false);
            st->paintedRanges = countApplied(*st);
        });
        callListeners(model, st->analysis);
    }
}

std::shared_ptr<const Analysis> getAnalysis(const uno::Reference<frame::XModel>& model)
{
    std::shared_ptr<DocState> st = findState(model);
    return st ? st->analysis : nullptr;
}

void runAnalysis(const uno::Reference<uno::XComponentContext>& context,
                 const uno::Reference<frame::XModel>& model, std::function<void(bool)> done)
{
    try
    {
        ensureTerminateListener(context);
        auto job = std::make_shared<Job>();
        job->ctx = context;
        job->model = model;
        job->done = std::move(done);
        job->t0 = std::chrono::steady_clock::now();
        if (!postToMain(context, [job] { guarded(job, readAndAnalyze); }) && job->done)
            job->done(false);
    }
    catch (...)
    {
        logException("runAnalysis");
        if (done)
            done(false);
    }
}

void clearHighlights(const uno::Reference<frame::XModel>& model)
{
    try
    {
        std::shared_ptr<DocState> st = findState(model);
        if (!st || !st->shown)
            return;
        const auto t0 = std::chrono::steady_clock::now();
        ++st->repaintTicket;
        if (!st->withdrawn)
            quietBatch(model, [&] { unpaint(model, *st); });
        forgetPainting(*st, false);
        st->shown = false;
        st->withdrawn = false;
        logTrace("clear: %.1f ms", msSince(t0));
        callListeners(model, st->analysis);
    }
    catch (...)
    {
        logException("clearHighlights");
    }
}

bool hasHighlights(const uno::Reference<frame::XModel>& model)
{
    std::shared_ptr<DocState> st = findState(model);
    return st && st->shown;
}

int addAnalysisListener(AnalysisListener listener)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    const int id = g_nextListener++;
    g_listeners[id] = std::move(listener);
    return id;
}

void removeAnalysisListener(int id)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    g_listeners.erase(id);
}

uno::Reference<text::XTextRange> spanToRange(const uno::Reference<frame::XModel>& model,
                                             const factlens::Span& span)
{
    try
    {
        std::shared_ptr<DocState> st = findState(model);
        if (!st || !st->analysis || span.paragraph < 0
            || span.paragraph >= static_cast<int32_t>(st->paras.size()))
            return {};
        const ParaInfo& para = st->paras[span.paragraph];
        const std::u16string& text = st->analysis->document.paragraphs[span.paragraph].text;
        const sal_Int32 sb = stepsAt(para, text, span.begin, false);
        const sal_Int32 se = std::max(sb, stepsAt(para, text, span.end, true));
        uno::Reference<text::XTextCursor> c = cursorAtStart(para);
        if (!moveRight(c, sb, false) || !moveRight(c, se - sb, true))
            return {};
        return uno::Reference<text::XTextRange>(c.get());
    }
    catch (...)
    {
        logException("spanToRange");
        return {};
    }
}

bool selectSpan(const uno::Reference<frame::XModel>& model, const factlens::Span& span)
{
    try
    {
        uno::Reference<view::XSelectionSupplier> sel(model->getCurrentController(), uno::UNO_QUERY);
        if (!sel.is())
            return false;
        std::shared_ptr<DocState> st = findState(model);
        if (st && span.paragraph >= 0 && span.paragraph < static_cast<int32_t>(st->paras.size())
            && st->paras[span.paragraph].shapeText)
        {
            // Writer's view cannot select a range inside shape text; select the shape.
            uno::Reference<drawing::XShape> shape(st->paras[span.paragraph].text, uno::UNO_QUERY);
            try
            {
                return shape.is() && sel->select(uno::Any(shape));
            }
            catch (const lang::IllegalArgumentException&)
            {
                return false; // e.g. a shape inside a group: not selectable on its own
            }
        }
        uno::Reference<text::XTextRange> range = spanToRange(model, span);
        if (!range.is())
            return false;
        // With a shape selected (a shape-text row clicked before), Writer's view keeps
        // the shape selected when told to select a text range (measured): leave the
        // shape selection first.
        uno::Reference<drawing::XShapes> selectedShapes(sel->getSelection(), uno::UNO_QUERY);
        if (selectedShapes.is() && st && st->ctx.is())
        {
            // what the Escape key does: back from the shape to the text
            uno::Reference<frame::XDispatchProvider> provider(
                model->getCurrentController()->getFrame(), uno::UNO_QUERY);
            if (provider.is())
                frame::DispatchHelper::create(st->ctx)->executeDispatch(
                    provider, ".uno:Escape", "", 0, uno::Sequence<beans::PropertyValue>());
        }
        return sel->select(uno::Any(range)); // Writer scrolls to the selection
    }
    catch (...)
    {
        logException("selectSpan");
        return false;
    }
}

bool exportPdfWithHighlights(const uno::Reference<frame::XModel>& model, const OUString& url)
{
    std::shared_ptr<DocState> st = findState(model);
    try
    {
        uno::Reference<frame::XStorable> storable(model, uno::UNO_QUERY);
        if (!storable.is())
            return false;
        if (st)
            st->exporting = true;
        uno::Sequence<beans::PropertyValue> args(1);
        args[0].Name = "FilterName";
        args[0].Value <<= OUString("writer_pdf_Export");
        storable->storeToURL(url, args);
        if (st)
            st->exporting = false;
        return true;
    }
    catch (...)
    {
        if (st)
            st->exporting = false;
        logException("exportPdfWithHighlights");
        return false;
    }
}
}
