/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "common/memory.hxx"

#include <chrono>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "common/log.hxx"
#include "factlens/analyzer.h"
#include "session/main_thread.hxx"
#include "session/workers.hxx"

namespace factlens::office
{
namespace
{
// Constant-initialised: valid for objects freed during the office's exit as well.
std::atomic<int> g_aLive[static_cast<int>(Live::Count_)] = {};
}

std::atomic<int>& liveCounter(Live kind) { return g_aLive[static_cast<int>(kind)]; }

void logLive(const char* when)
{
    if (!traceEnabled())
        return;
    logTrace("session state: %s: documents=%d analyses=%d runs=%d sources=%d", when,
             liveCounter(Live::Document).load(), liveCounter(Live::Analysis).load(),
             liveCounter(Live::Run).load(), liveCounter(Live::Sources).load());
}

namespace
{
void trimOnWorker()
{
#if defined(__GLIBC__)
    workers().start([] {
        if (workers().terminating())
            return;
        const auto t0 = std::chrono::steady_clock::now();
        malloc_trim(0);
        // No analysis running: the analysis data's pages (13 MB once touched) go back
        // too; the next run faults them in again from the binary (factlens/analyzer.h).
        if (liveCounter(Live::Run).load() == 0)
            factlens::ReleaseDataPages();
        logTrace("memory: free pages returned to the system in %.1f ms (worker)",
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count());
    });
#endif
}
}

void releaseFreedMemory(const css::uno::Reference<css::uno::XComponentContext>& xContext)
{
    if (!xContext.is() || workers().terminating())
        return;
    postToMain(xContext, [] { trimOnWorker(); });
}
}
