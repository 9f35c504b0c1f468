/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "highlight/painter.hxx"

#include <algorithm>

#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumeration.hpp>

#include "common/log.hxx"
#include "common/props.hxx"
#include "document/mapping.hxx"
#include "document/reader.hxx"
#include "highlight/palette.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
// ------------------------------------------------------------------ withdrawing
// A highlight over a whole paragraph is stored on the paragraph itself (measured: ODT
// export writes it into the paragraph style P1). Returns 1 if ours was removed.
size_t withdrawParagraphHighlight(const uno::Reference<container::XEnumerationAccess>& xPara)
{
    uno::Reference<beans::XPropertySet> xProps(xPara, uno::UNO_QUERY);
    uno::Reference<beans::XPropertyState> xState(xPara, uno::UNO_QUERY);
    sal_Int32 nValue = -1;
    if (!xProps.is() || !xState.is()
        || xState->getPropertyState("CharHighlight") != beans::PropertyState_DIRECT_VALUE
        || !(xProps->getPropertyValue("CharHighlight") >>= nValue) || !isPaletteColor(nValue))
        return 0;
    xState->setPropertyToDefault("CharHighlight");
    return 1;
}

// Counts the paragraph's runs in our colours into *pRemoved and notes the user's own
// direct highlights (other colours) in `rKeep`. true if any run is ours.
bool scanRuns(const uno::Reference<container::XEnumerationAccess>& xPara,
              std::vector<Painted>& rKeep, size_t* pRemoved)
{
    bool bOurs = false;
    uno::Reference<container::XEnumeration> xPortions = xPara->createEnumeration();
    while (xPortions->hasMoreElements())
    {
        uno::Reference<beans::XPropertySet> xProps(xPortions->nextElement(), uno::UNO_QUERY);
        sal_Int32 nValue = -1;
        if (!xProps.is() || !(xProps->getPropertyValue("CharHighlight") >>= nValue) || nValue == -1)
            continue;
        if (isPaletteColor(nValue))
        {
            bOurs = true;
            ++*pRemoved;
            continue;
        }
        uno::Reference<beans::XPropertyState> xState(xProps, uno::UNO_QUERY);
        if (xState.is()
            && xState->getPropertyState("CharHighlight") == beans::PropertyState_DIRECT_VALUE)
            rKeep.push_back({ xProps, nValue });
    }
    return bOurs;
}

// One reset over the paragraph's range, then the user's own highlights set again:
// cheaper than a reset per run.
void resetParagraph(const uno::Reference<container::XEnumerationAccess>& xPara,
                    const std::vector<Painted>& rKeep)
{
    uno::Reference<text::XTextRange> xRange(xPara, uno::UNO_QUERY);
    uno::Reference<beans::XPropertyState> xAll(
        xRange.is() ? xRange->getText()->createTextCursorByRange(xRange) : nullptr, uno::UNO_QUERY);
    if (xAll.is())
        xAll->setPropertyToDefault("CharHighlight");
    for (const Painted& k : rKeep)
        k.range->setPropertyValue("CharHighlight", uno::Any(k.color));
}

// Removes our colours from the paragraphs in `xArea` (a text range over a painted
// paragraph): every run carrying one of our colours, also text typed at the end of a
// highlight (it inherits it), and a whole-paragraph highlight. The user's own direct
// highlights in other colours there are kept. Adds the runs removed to *pRemoved and
// the reset time to *pResetMs.
void withdrawArea(const uno::Reference<container::XEnumerationAccess>& xArea, size_t* pRemoved,
                  double* pResetMs)
{
    if (!xArea.is())
        return;
    uno::Reference<container::XEnumeration> xParas = xArea->createEnumeration();
    while (xParas->hasMoreElements())
    {
        uno::Reference<container::XEnumerationAccess> xPara(xParas->nextElement(), uno::UNO_QUERY);
        if (!xPara.is())
            continue; // a table inside the range: its cells are areas of their own
        *pRemoved += withdrawParagraphHighlight(xPara);
        std::vector<Painted> aKeep;
        if (!scanRuns(xPara, aKeep, pRemoved))
            continue;
        const auto t0 = std::chrono::steady_clock::now();
        resetParagraph(xPara, aKeep);
        *pResetMs += msSince(t0);
    }
}

// A paragraph carrying highlights of an older analysis: removes them and sets the
// user's own highlights under them again.
void withdrawStale(ParaInfo& para)
{
    size_t nRemoved = 0;
    double fResetMs = 0;
    try
    {
        withdrawArea(para.area, &nRemoved, &fResetMs);
    }
    catch (...)
    {
        logException("removing old highlights");
    }
    restoreUserHighlights(para.userRestore); // kept: the new paint may cover them again
    para.area.clear();
    para.stale = false;
}

// ------------------------------------------------------------------ painting
// Notes the user's own highlights under the newly painted steps [nBegin, nEnd).
void recordUserRestore(ParaInfo& para, sal_Int32 nBegin, sal_Int32 nEnd)
{
    for (const UserHighlight& uh : para.userHighlights)
    {
        const sal_Int32 b = std::max(uh.stepBegin, nBegin), e = std::min(uh.stepEnd, nEnd);
        if (b >= e)
            continue;
        uno::Reference<text::XTextCursor> xCursor = stepRange(para, b, e);
        if (xCursor.is())
            para.userRestore.push_back(
                { uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY), uh.color });
    }
}

// Marks the paragraph as painted with `ivs`; false if it was edited since its reading
// (first paint) or since its paint (re-paint): the analysis has not seen that text.
bool beginParagraph(ParaInfo& para, const std::vector<Interval>& ivs, bool bRepaint)
{
    const OUString aNow = currentString(para);
    if (!bRepaint)
    {
        if (aNow != para.readString)
            return false;
        para.paintedString = para.readString; // equal: share the one buffer
        para.paintedIntervals = ivs;
        para.appliedRuns.clear();
        para.area.set(para.text->createTextCursorByRange(para.range), uno::UNO_QUERY);
    }
    else if (aNow != para.paintedString)
        return false;
    para.painted = true;
    para.applied = true;
    return true;
}

// Sets the intervals with one cursor walking the paragraph; counts them in *pRanges.
void applyIntervals(ParaInfo& para, const std::u16string& text, const std::vector<Interval>& ivs,
                    bool bRepaint, size_t* pRanges)
{
    uno::Reference<text::XTextCursor> xCursor = cursorAtStart(para);
    uno::Reference<beans::XPropertySet> xCursorProps(xCursor, uno::UNO_QUERY);
    sal_Int32 nPos = 0;
    for (const Interval& iv : ivs)
    {
        if (onlyFields(para.segments, iv.begin, iv.end))
            continue; // a page number or date field alone is no finding of the draft
        const sal_Int32 sb = stepsAt(para.segments, text, iv.begin, false);
        const sal_Int32 se = stepsAt(para.segments, text, iv.end, true);
        if (se <= sb || sb < nPos)
            continue;
        xCursor->collapseToEnd();
        if (!moveRight(xCursor, sb - nPos, false) || !moveRight(xCursor, se - sb, true))
            break; // the paragraph changed under us: stop here
        nPos = se;
        xCursorProps->setPropertyValue("CharHighlight", uno::Any(iv.color));
        ++*pRanges;
        if (bRepaint)
            continue;
        para.appliedRuns.push_back({ sb, se, iv.color });
        recordUserRestore(para, sb, se);
    }
}

void paintParagraph(ParaInfo& para, const std::u16string& text, const std::vector<Interval>& ivs,
                    bool bRepaint, size_t* pRanges, size_t* pStale)
{
    try
    {
        if (!beginParagraph(para, ivs, bRepaint))
        {
            ++*pStale;
            return;
        }
        applyIntervals(para, text, ivs, bRepaint, pRanges);
    }
    catch (...)
    {
        logException("painting a paragraph");
    }
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

size_t paint(PaintState& st, bool bRepaint, size_t nFrom, size_t* pNext, double fBudgetMs)
{
    if (!st.analysis)
        return 0;
    const auto t0 = std::chrono::steady_clock::now();
    const Analysis& a = *st.analysis;
    if (st.intervals.size() != a.document.paragraphs.size())
        st.intervals = planHighlights(a.document, a.report, enabledCategories());
    size_t nRanges = 0, nStale = 0;
    size_t p = nFrom;
    for (; p < st.paras.size(); ++p)
    {
        if (fBudgetMs > 0 && msSince(t0) > fBudgetMs)
            break;
        ParaInfo& para = st.paras[p];
        if (bRepaint ? (!para.painted || para.applied) : para.painted)
            continue;
        if (!bRepaint && para.stale)
            withdrawStale(para);
        const std::vector<Interval>& ivs = bRepaint ? para.paintedIntervals : st.intervals[p];
        if (ivs.empty() || para.shapeText || p >= a.document.paragraphs.size())
            continue;
        paintParagraph(para, a.document.paragraphs[p].text, ivs, bRepaint, &nRanges, &nStale);
    }
    if (pNext)
        *pNext = p;
    logTrace("%s: %zu ranges in %.1f ms (%zu edited paragraphs skipped)",
             bRepaint ? "repaint" : "paint", nRanges, msSince(t0), nStale);
    return nStale;
}

size_t countApplied(const PaintState& st)
{
    size_t n = 0;
    for (const ParaInfo& para : st.paras)
        if (para.applied)
            n += para.appliedRuns.size();
    return n;
}

void unpaint(PaintState& st)
{
    const auto t0 = std::chrono::steady_clock::now();
    size_t nRemoved = 0, nAreas = 0;
    double fResetMs = 0;
    for (ParaInfo& para : st.paras)
    {
        if (!(para.painted || para.stale) || !para.area.is())
            continue;
        ++nAreas;
        try
        {
            withdrawArea(para.area, &nRemoved, &fResetMs);
        }
        catch (...)
        {
            logException("removing highlights");
        }
    }
    logTrace("unpaint: %zu runs in %zu areas, %.1f ms (resets %.1f ms)", nRemoved, nAreas,
             msSince(t0), fResetMs);
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

namespace
{
void forgetParagraphPainting(ParaInfo& para, bool bKeepUserRestore)
{
    para.painted = para.applied = para.stale = false;
    para.paintedString.clear();
    std::vector<Interval>().swap(para.paintedIntervals);
    std::vector<ColorRun>().swap(para.appliedRuns);
    para.area.clear();
    if (!bKeepUserRestore)
        std::vector<Painted>().swap(para.userRestore);
}

// What keepOnlyMapping lets go of in one paragraph.
void keepParagraphMapping(ParaInfo& para)
{
    forgetParagraphPainting(para, false);
    para.readString.clear();
    std::vector<UserHighlight>().swap(para.userHighlights);
    std::vector<ColorRun>().swap(para.ourRuns);
}
}

void forgetPainting(PaintState& st, bool bKeepUserRestore)
{
    for (ParaInfo& para : st.paras)
        forgetParagraphPainting(para, bKeepUserRestore);
    if (!bKeepUserRestore)
        std::vector<Painted>().swap(st.looseRestore);
    st.paintedRanges = 0;
}

void keepOnlyMapping(PaintState& st)
{
    forgetPainting(st, false);
    std::vector<std::vector<Interval>>().swap(st.intervals);
    for (ParaInfo& para : st.paras)
        keepParagraphMapping(para);
}

size_t clearSlice(PaintState& st, size_t nFrom, bool bWithdraw, double fBudgetMs,
                  ClearCounts* pCounts)
{
    const auto t0 = std::chrono::steady_clock::now();
    size_t p = std::min(nFrom, st.paras.size());
    for (; p > 0; --p)
    {
        if (fBudgetMs > 0 && msSince(t0) > fBudgetMs)
            break;
        ParaInfo& para = st.paras[p - 1];
        if (bWithdraw && (para.painted || para.stale) && para.area.is())
        {
            ++pCounts->areas;
            try
            {
                withdrawArea(para.area, &pCounts->runs, &pCounts->resetMs);
            }
            catch (...)
            {
                logException("removing highlights");
            }
            restoreUserHighlights(para.userRestore);
        }
        keepParagraphMapping(para); // its area (a text cursor) goes now, last painted first
    }
    return p;
}

void logHighlightState(const char* when, const PaintState& st)
{
    if (!traceEnabled())
        return;
    size_t nPainted = 0, nAreas = 0, nPlanned = 0, nRuns = 0, nStrings = 0, nRestores = 0;
    for (const ParaInfo& para : st.paras)
    {
        nPainted += para.painted ? 1 : 0;
        nAreas += para.area.is() ? 1 : 0;
        nRuns += para.paintedIntervals.size() + para.appliedRuns.size() + para.ourRuns.size()
                 + para.userHighlights.size();
        nStrings += (para.readString.isEmpty() ? 0 : 1) + (para.paintedString.isEmpty() ? 0 : 1);
        nRestores += para.userRestore.size();
    }
    for (const std::vector<Interval>& ivs : st.intervals)
        nPlanned += ivs.size();
    logTrace("highlight state: %s: paragraphs=%zu painted=%zu areas=%zu planned=%zu runs=%zu "
             "strings=%zu restores=%zu",
             when, st.paras.size(), nPainted, nAreas, nPlanned, nRuns, nStrings,
             nRestores + st.looseRestore.size());
    logLive(when);
}
}
