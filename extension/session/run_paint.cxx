/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// The last stages of a run (session/run.hxx): applying the result on the main thread.
//
// Incremental repaint. The analysis is whole-document (entities and quotes link across
// paragraphs), but its highlights are per paragraph: a paragraph keeps what is painted
// on it (no withdrawal, no repaint) when it is the same paragraph object as before, its
// text and text mapping are unchanged, the new analysis paints the same intervals
// there, and the reading found exactly our last paint on it (for a paragraph read from
// its portions this also catches text deleted and typed again, which lost its
// highlight; a reading taken over assumes the paint). Any other paragraph that carried
// our colours is stale: withdrawn when painting reaches it. The user's highlights
// under old ranges stay recorded with the paragraph.
#include "session/run.hxx"

#include <algorithm>
#include <unordered_map>

#include <com/sun/star/frame/XStorable.hpp>

#include "common/log.hxx"
#include "common/props.hxx"
#include "highlight/painter.hxx"
#include "highlight/palette.hxx"
#include "highlight/quiet_batch.hxx"
#include "highlight/save_guard.hxx"
#include "session/clear.hxx"
#include "session/main_thread.hxx"
#include "session/registry.hxx"
#include "session/workers.hxx"

using namespace css;

namespace factlens::office
{
namespace
{
// Takes the run's text and report over (no copy; a report reused for the same text is
// copied, and the analysis it came from goes when this one replaces it).
std::shared_ptr<Analysis> makeAnalysis(Job& job, DocState& st)
{
    auto analysis = std::make_shared<Analysis>();
    analysis->document = std::move(job.read->document);
    if (job.reused)
    {
        analysis->report = job.reused->report;
        analysis->facts = job.reused->facts; // the same text: the same fact list
    }
    else if (job.report)
    {
        analysis->report = std::move(*job.report);
        analysis->facts = std::move(job.facts);
    }
    job.reused.reset();
    job.report.reset();
    analysis->generation = ++st.generation;
    analysis->readMs = job.readMs;
    analysis->analyzeMs = job.analyzeMs;
    analysis->fromCache = job.fromCache;
    return analysis;
}

// Does the old paragraph `before` (index i of the old analysis) keep its paint as the
// new paragraph `now` (index j), which should be painted with `want`?
bool keepsPaint(const ParaInfo& before, size_t i, const factlens::Document& oldDoc,
                const ParaInfo& now, size_t j, const factlens::Document& newDoc,
                const std::vector<Interval>& want)
{
    return before.painted && before.applied && !now.shapeText && i < oldDoc.paragraphs.size()
           && oldDoc.paragraphs[i].text == newDoc.paragraphs[j].text
           && oldDoc.paragraphs[i].kind == newDoc.paragraphs[j].kind
           && sameMapping(before.segments, now.segments) && before.paintedIntervals == want
           && mergedRuns(now.ourRuns) == mergedRuns(before.appliedRuns);
}

void takeOverPaint(ParaInfo& now, ParaInfo& before)
{
    now.painted = now.applied = true;
    now.paintedString = before.paintedString;
    now.paintedIntervals = std::move(before.paintedIntervals);
    now.appliedRuns = std::move(before.appliedRuns);
    now.area = before.area;
    now.userRestore = std::move(before.userRestore);
}

void markStale(ParaInfo& now)
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
}

std::unordered_map<const void*, size_t> indexByObject(const std::vector<ParaInfo>& paras)
{
    std::unordered_map<const void*, size_t> aIndex;
    for (size_t i = 0; i < paras.size(); ++i)
    {
        uno::Reference<uno::XInterface> xId(paras[i].range, uno::UNO_QUERY);
        if (xId.is())
            aIndex.emplace(xId.get(), i);
    }
    return aIndex;
}

// Matches the new paragraphs with the painted ones of the current analysis by object
// (see the top of this file); returns the user's highlights of old paragraphs not
// found again (deleted, or merged into another, which then carries our colours and
// is stale).
std::vector<Painted> carryOverPainting(DocState& st, std::vector<ParaInfo>& paras,
                                       const std::vector<std::vector<Interval>>& intervals,
                                       const factlens::Document& newDoc)
{
    std::vector<ParaInfo>& old = st.paras;
    const std::unordered_map<const void*, size_t> aByObject = indexByObject(old);
    std::vector<bool> aMatched(old.size(), false);
    size_t nKept = 0, nToPaint = 0, nToWithdraw = 0;
    static const std::vector<Interval> kNone;
    for (size_t j = 0; j < paras.size(); ++j)
    {
        ParaInfo& now = paras[j];
        uno::Reference<uno::XInterface> xId(now.range, uno::UNO_QUERY);
        auto it = xId.is() ? aByObject.find(xId.get()) : aByObject.end();
        ParaInfo* before = nullptr;
        if (it != aByObject.end() && !aMatched[it->second])
        {
            before = &old[it->second];
            aMatched[it->second] = true;
        }
        const std::vector<Interval>& want = j < intervals.size() ? intervals[j] : kNone;
        if (before && keepsPaint(*before, it->second, st.analysis->document, now, j, newDoc, want))
        {
            takeOverPaint(now, *before);
            ++nKept;
            continue;
        }
        if (before)
            now.userRestore = std::move(before->userRestore);
        if ((before && (before->applied || before->stale)) || !now.ourRuns.empty())
        {
            markStale(now);
            ++nToWithdraw;
        }
        if (!want.empty())
            ++nToPaint;
    }
    std::vector<Painted> aLoose;
    for (size_t i = 0; i < old.size(); ++i)
        if (!aMatched[i])
            for (Painted& p : old[i].userRestore)
                aLoose.push_back(std::move(p));
    logTrace("incremental: %zu paragraphs kept, %zu to repaint, %zu to withdraw", nKept, nToPaint,
             nToWithdraw);
    return aLoose;
}

// The result is dropped when the document closed, the office terminates or a newer
// run was requested.
bool isCurrent(const Job& job, const std::shared_ptr<DocState>& st)
{
    if (!st || workers().terminating())
    {
        logTrace("result dropped: %s",
                 workers().terminating() ? "office terminating" : "document closed");
        return false;
    }
    if (job.request != st->requested)
    {
        logTrace("result dropped: superseded by a newer run");
        return false;
    }
    return true;
}
}

// Main thread, after the analysis: carries the unchanged paint over, paints the first
// slice, then continuePainting.
void applyResult(const std::shared_ptr<Job>& job)
{
    uno::Reference<frame::XModel> xModel(job->model);
    std::shared_ptr<DocState> st = xModel.is() ? registry().find(xModel) : nullptr;
    if (!isCurrent(*job, st))
    {
        job->finish(false);
        return;
    }
    if (st->clearing) // a Clear in slices: paint after it (session/clear.hxx)
    {
        whenCleared(st, [job](bool bOpen) {
            if (!bOpen || !postToMain(job->ctx, [job] { guarded(job, applyResult); }))
                job->finish(false);
        });
        return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::shared_ptr<Analysis> analysis = makeAnalysis(*job, *st);
    if (job->indicator.is())
        job->indicator->setValue(90);
    ++st->repaintTicket; // a re-apply after a store still in slices: superseded
    std::vector<std::vector<Interval>> aIntervals
        = planHighlights(analysis->document, analysis->report, enabledCategories());
    std::vector<ParaInfo> aParas = std::move(job->read->paras);
    std::vector<Painted> aLoose;
    if (st->shown && !st->withdrawn && st->analysis)
        aLoose = carryOverPainting(*st, aParas, aIntervals, analysis->document);
    else
        forgetPainting(*st, false); // nothing of ours on the document (first run, after Clear)
    quietBatch(xModel, [&] {
        restoreUserHighlights(aLoose);
        st->looseRestore.insert(st->looseRestore.end(), aLoose.begin(), aLoose.end());
        st->paras = std::move(aParas);
        st->analysis = analysis;
        st->analysedHash = job->read->hash;
        st->analysedHouseList = job->houseList;
        st->intervals = std::move(aIntervals);
        st->shown = true;
        st->withdrawn = false;
        job->nextPaint = 0;
        paint(*st, false, 0, &job->nextPaint, kSliceMs);
    });
    job->applyMs += msSince(t0);
    job->maxBlockMs = std::max(job->maxBlockMs, msSince(t0));
    ensureListening(xModel, *st);
    continuePainting(job, st, analysis);
}

namespace
{
// Main thread: one more slice of the first paint (or none, if the document was
// stored or cleared meanwhile: then painting stops).
void paintSlice(Job& job, DocState& st, const std::shared_ptr<Analysis>& analysis)
{
    if (st.analysis != analysis || st.withdrawn || !st.shown)
    {
        job.nextPaint = st.intervals.size(); // stored meanwhile / cleared: stop
        return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    uno::Reference<frame::XModel> xModel(job.model);
    quietBatch(xModel, [&] { paint(st, false, job.nextPaint, &job.nextPaint, kSliceMs); });
    job.applyMs += msSince(t0);
    job.maxBlockMs = std::max(job.maxBlockMs, msSince(t0));
    if (job.indicator.is())
        job.indicator->setValue(
            50 + static_cast<int>(50.0 * job.nextPaint / std::max<size_t>(1, st.intervals.size())));
}

// Main thread, all painted: completes the Analysis and tells the listeners (sidebar).
void publish(Job& job, DocState& st, const std::shared_ptr<Analysis>& analysis)
{
    uno::Reference<frame::XModel> xModel(job.model);
    uno::Reference<frame::XStorable> xStorable(xModel, uno::UNO_QUERY);
    st.paintedRanges = countApplied(st);
    analysis->highlighted = st.paintedRanges > 0 || analysis->report.entities.empty();
    if (xStorable.is() && xStorable->isReadonly())
        analysis->note = "Read-only document: highlights are shown on screen only.";
    analysis->applyMs = job.applyMs;
    logTrace("analysis: paragraphs=%zu chars=%lld read_ms=%.1f analyze_ms=%.1f apply_ms=%.1f "
             "ranges=%zu cache=%d total_ms=%.1f max_block_ms=%.1f",
             analysis->document.paragraphs.size(), static_cast<long long>(job.read->chars),
             analysis->readMs, analysis->analyzeMs, analysis->applyMs, st.paintedRanges,
             analysis->fromCache ? 1 : 0, msSince(job.t0), job.maxBlockMs);
    registry().callListeners(xModel, analysis);
    logHighlightState("after analysis", st);
    job.finish(true);
    releaseFreedMemory(job.ctx); // the analysis' scratch, the reading, a replaced analysis
}
}

// Main thread: paints the next slice, or publishes when all is painted. Between
// slices the office handles input and repaints (UI never blocked > ~kSliceMs).
void continuePainting(const std::shared_ptr<Job>& job, const std::shared_ptr<DocState>& st,
                      const std::shared_ptr<Analysis>& analysis)
{
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
                paintSlice(*job, *st, analysis);
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
    publish(*job, *st, analysis);
}
}
