/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// Clear Highlights in main-thread slices (session/clear.hxx).
#include "session/clear.hxx"

#include <algorithm>

#include "common/log.hxx"
#include "common/memory.hxx"
#include "common/props.hxx"
#include "highlight/painter.hxx"
#include "highlight/quiet_batch.hxx"
#include "session/main_thread.hxx"
#include "session/registry.hxx"
#include "session/workers.hxx"

using namespace css;

namespace factlens::office
{
namespace
{
// Tells whoever waited for the Clear (the Clear command's result, deferred runs).
void runWaiting(DocState& st, bool bOpen)
{
    std::vector<std::function<void(bool)>> aWaiting;
    aWaiting.swap(st.afterClear);
    for (auto& fn : aWaiting)
    {
        try
        {
            fn(bOpen);
        }
        catch (...)
        {
            logException("after clear");
        }
    }
}

// All paragraphs done: the document's part of the paint state goes too.
void finishClear(const std::shared_ptr<DocState>& st, const uno::Reference<frame::XModel>& xModel)
{
    if (st->clearWithdraw && !st->looseRestore.empty())
        quietBatch(xModel, [&] { restoreUserHighlights(st->looseRestore); });
    keepOnlyMapping(*st); // the highlights' state goes; the fact list stays
    st->clearing = false;
    ++st->clearTicket;
    logTrace("clear: %.1f ms in %d slices, longest %.1f ms (main thread %.1f ms; %zu runs in "
             "%zu areas, resets %.1f ms)",
             msSince(st->clearStart), st->clearSlices, st->clearMaxSliceMs, st->clearBusyMs,
             st->clearCounts.runs, st->clearCounts.areas, st->clearCounts.resetMs);
    logHighlightState("after clear", *st);
    releaseFreedMemory(st->ctx);
    registry().callListeners(xModel, st->analysis);
    runWaiting(*st, true);
}

// One slice (fBudgetMs 0: all that is left).
void clearPart(const std::shared_ptr<DocState>& st, const uno::Reference<frame::XModel>& xModel,
               double fBudgetMs)
{
    const auto t0 = std::chrono::steady_clock::now();
    quietBatch(xModel, [&] {
        st->clearNext
            = clearSlice(*st, st->clearNext, st->clearWithdraw, fBudgetMs, &st->clearCounts);
    });
    const double fMs = msSince(t0);
    st->clearMaxSliceMs = std::max(st->clearMaxSliceMs, fMs);
    st->clearBusyMs += fMs;
    ++st->clearSlices;
}

void clearStep(const std::shared_ptr<DocState>& st, sal_uInt64 nTicket)
{
    if (nTicket != st->clearTicket || !st->clearing)
        return; // completed by a store meanwhile
    uno::Reference<frame::XModel> xModel(st->model);
    if (!xModel.is() || registry().find(xModel) != st || workers().terminating())
    {
        abandonClear(*st); // closed: the state goes with the document
        return;
    }
    clearPart(st, xModel, kClearSliceMs);
    if (st->clearNext > 0)
    {
        if (postToMain(st->ctx, [st, nTicket] { clearStep(st, nTicket); }))
            return;
        clearPart(st, xModel, 0); // no hop to be had: the rest at once
    }
    finishClear(st, xModel);
}
}

void startClear(const std::shared_ptr<DocState>& st, std::function<void(bool)> done)
{
    if (st->clearing)
    {
        if (done)
            st->afterClear.push_back(std::move(done)); // a second Clear: the first one's end
        return;
    }
    if (!st->shown)
    {
        if (done)
            done(true);
        return;
    }
    ++st->repaintTicket; // a re-apply after a store stops; a paint stops (shown false)
    st->shown = false;
    st->clearing = true;
    st->clearWithdraw = !st->withdrawn;
    st->withdrawn = false;
    st->clearNext = st->paras.size();
    st->clearSlices = 0;
    st->clearMaxSliceMs = st->clearBusyMs = 0;
    st->clearCounts = ClearCounts();
    st->clearStart = std::chrono::steady_clock::now();
    if (done)
        st->afterClear.push_back(std::move(done));
    const sal_uInt64 nTicket = ++st->clearTicket;
    clearStep(st, nTicket); // the first slice now, the others from the main loop
}

void abandonClear(DocState& st)
{
    if (!st.clearing)
        return;
    st.clearing = false;
    ++st.clearTicket;
    logTrace("clear: stopped, the document closed");
    runWaiting(st, false);
}

void whenCleared(const std::shared_ptr<DocState>& st, std::function<void(bool)> fn)
{
    if (st && st->clearing)
        st->afterClear.push_back(std::move(fn));
    else
        fn(true);
}

void completeClear(const std::shared_ptr<DocState>& st)
{
    uno::Reference<frame::XModel> xModel(st->model);
    if (!st->clearing || !xModel.is())
        return;
    clearPart(st, xModel, 0);
    logTrace("clear: the rest at once before a store");
    finishClear(st, xModel);
}
}
