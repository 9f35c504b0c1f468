/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// The first stages of a run (session/run.hxx): reading the document on the main thread.
#include "session/run.hxx"

#include <cstdlib>

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>

#include "common/log.hxx"
#include "common/props.hxx"
#include "highlight/save_guard.hxx"
#include "options/house_list_setting.hxx"
#include "session/clear.hxx"
#include "session/main_thread.hxx"
#include "session/registry.hxx"
#include "session/workers.hxx"

using namespace css;

namespace factlens::office
{
void Job::finish(bool bOk)
{
    logTrace("run finished: %s (%.1f ms)", bOk ? "ok" : "failed", msSince(t0));
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
        done(bOk);
}

void guarded(const std::shared_ptr<Job>& job, void (*stage)(const std::shared_ptr<Job>&))
{
    try
    {
        stage(job);
    }
    catch (...)
    {
        logException("analysis run");
        job->finish(false);
    }
}

namespace
{
// FACTLENS_NO_REUSE=1: read every paragraph from its portions on a re-run (for the
// bench's comparison of the two readings; docs/extension.md).
bool reuseDisabled()
{
    static const bool bNoReuse = std::getenv("FACTLENS_NO_REUSE") != nullptr;
    return bNoReuse;
}

// The painted paragraphs of the document's current analysis, for the reader to take over.
std::unique_ptr<PreviousReading> previousReading(const DocState& st)
{
    auto previous = std::make_unique<PreviousReading>();
    previous->analysis = st.analysis;
    previous->paras = &st.paras;
    for (size_t i = 0; i < st.paras.size(); ++i)
    {
        uno::Reference<uno::XInterface> xId(st.paras[i].range, uno::UNO_QUERY);
        if (xId.is() && st.paras[i].painted)
            previous->byObject.emplace(xId.get(), i);
    }
    return previous;
}

uno::Reference<task::XStatusIndicator> makeIndicator(const uno::Reference<frame::XModel>& xModel)
{
    try
    {
        uno::Reference<frame::XController> xController = xModel->getCurrentController();
        uno::Reference<task::XStatusIndicatorFactory> xFactory(
            xController.is() ? xController->getFrame() : uno::Reference<frame::XFrame>(),
            uno::UNO_QUERY);
        if (xFactory.is())
            return xFactory->createStatusIndicator();
    }
    catch (...)
    {
        logException("status indicator");
    }
    return {};
}

// A status-bar indicator for long documents (over 500 paragraphs).
void startIndicator(Job& job)
{
    if (job.pending.size() <= 500)
        return;
    job.indicator = makeIndicator(job.model);
    if (!job.indicator.is())
        return;
    job.indicator->start("FactLens: analysing the draft", 100);
    job.indicator->setValue(0);
}

void finishReading(Job& job)
{
    job.pending.clear();
    logTrace("read: %zu paragraphs, %zu taken over from the previous reading",
             job.read->paras.size(), job.reader->reusedCount());
    job.reader.reset();
    job.previous.reset();
    if (job.indicator.is())
        job.indicator->setValue(40);
}
}

// Main thread: lists the paragraphs, then reads them (readSlice).
void readAndAnalyze(const std::shared_ptr<Job>& job)
{
    uno::Reference<frame::XModel> xModel(job->model);
    logTrace("reading the document (model %s)", xModel.is() ? "alive" : "gone");
    if (!xModel.is() || workers().terminating())
    {
        job->finish(false);
        return;
    }
    std::shared_ptr<DocState> st = registry().obtain(xModel);
    if (st->clearing) // a Clear in slices: read after it (session/clear.hxx)
    {
        logTrace("run waits for the Clear in progress");
        whenCleared(st, [job](bool bOpen) {
            if (!bOpen || !postToMain(job->ctx, [job] { guarded(job, readAndAnalyze); }))
                job->finish(false);
        });
        return;
    }
    ensureListening(xModel, *st);
    st->ctx = job->ctx;
    job->request = ++st->requested;
    const auto t0 = std::chrono::steady_clock::now();
    job->read = std::make_shared<ReadResult>();
    job->houseList = readHouseListText(job->ctx);
    collectParagraphs(xModel, *job->read, job->pending);
    // One paragraph read per listed one at most: no doubling slack kept with the state.
    job->read->paras.reserve(job->read->paras.size() + job->pending.size());
    job->read->document.paragraphs.reserve(job->read->document.paragraphs.size()
                                           + job->pending.size());
    job->reader = std::make_unique<DocumentReader>(*job->read);
    if (st->shown && !st->withdrawn && st->analysis && !reuseDisabled())
        job->previous = previousReading(*st);
    startIndicator(*job);
    job->readMs = msSince(t0);
    job->maxBlockMs = job->readMs;
    readSlice(job);
}

// Main thread: reads paragraphs for up to kSliceMs, then yields to the office; when
// all are read, analyses (or reuses the cached report for the same text).
void readSlice(const std::shared_ptr<Job>& job)
{
    std::shared_ptr<DocState> st = registry().find(job->model);
    if (!st || workers().terminating() || job->request != st->requested)
    {
        job->finish(false);
        return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    // Another run may have replaced the analysis (and st->paras) since the last slice.
    if (job->previous && (st->analysis != job->previous->analysis || st->withdrawn || !st->shown))
        job->previous.reset();
    job->reader->setPrevious(job->previous.get());
    while (job->nextPending < job->pending.size() && msSince(t0) < kSliceMs)
        job->reader->readParagraph(job->pending[job->nextPending++]);
    job->readMs += msSince(t0);
    job->maxBlockMs = std::max(job->maxBlockMs, msSince(t0));
    if (job->nextPending < job->pending.size())
    {
        if (job->indicator.is())
            job->indicator->setValue(
                static_cast<int>(40.0 * job->nextPending / job->pending.size()));
        postToMain(job->ctx, [job] { guarded(job, readSlice); });
        return;
    }
    finishReading(*job);
    if (st->analysis && st->analysedHash == job->read->hash
        && st->analysedHouseList == job->houseList)
    {
        job->reused = st->analysis;
        job->fromCache = true;
        applyResult(job);
        return;
    }
    analyse(job, st);
}
}
