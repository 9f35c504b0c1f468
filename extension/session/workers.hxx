/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// workers.hxx — the analysis threads and the office's termination.
//
//   workers().start([job] { ...Analyze... });      // main thread
//   if (workers().terminating()) return;            // any thread: the office is closing
//   ensureTerminateListener(xContext);              // once per process (runAnalysis)
//
// At termination the listener sets terminating(), joins every worker and forgets
// every document (results that arrive later are dropped).
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_WORKERS_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_WORKERS_HXX

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace factlens::office
{
class Workers
{
public:
    /// Runs `fn` on a new thread (exceptions caught and logged); finished threads are
    /// joined once more than 16 have piled up and none is running.
    void start(std::function<void()> fn);
    /// Sets terminating() and joins every worker.
    void terminate();
    bool terminating() const { return m_bTerminating; }

private:
    std::mutex m_aMutex;
    std::vector<std::thread> m_aThreads;
    std::atomic<int> m_nRunning{ 0 };
    std::atomic<bool> m_bTerminating{ false };
};

Workers& workers();

/// Adds the desktop terminate listener that ends the workers (once per process).
void ensureTerminateListener(const css::uno::Reference<css::uno::XComponentContext>& xContext);
}

#endif
