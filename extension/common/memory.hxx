/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// memory.hxx — what the session holds, and giving freed memory back.
//
//   struct DocState { LiveCount<Live::Document> counted; ... };  // counts the live ones
//   logLive("after clear");          // FACTLENS_TRACE: "session state: ... documents=1 ..."
//   releaseFreedMemory(xContext);    // after a run, Clear, a document closed
//
// The counts make "Clear and close release the session's state" testable without a
// memory threshold (tests/office/test_memory.py reads the trace lines). A count that
// drops logs the counts (FACTLENS_TRACE), so the test sees when the last one went.
//
// releaseFreedMemory: glibc keeps memory freed in the middle of its heaps (the analysis
// of 300 pages allocates and frees ~100 MB on a worker thread's arena; Writer frees the
// painted attributes on Clear) and the office's RSS stays at its peak. malloc_trim(0)
// returns whole free pages of every arena to the system; it runs on a worker thread
// (measured in docs/extension.md, "Memory"), never on the main thread.
#ifndef INCLUDED_FACTLENS_EXTENSION_COMMON_MEMORY_HXX
#define INCLUDED_FACTLENS_EXTENSION_COMMON_MEMORY_HXX

#include <atomic>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace factlens::office
{
enum class Live
{
    Document, // a DocState (session/doc_state.hxx)
    Analysis, // an Analysis (session.hxx), held by a DocState, a run, a sidebar panel
    Run, // a Job (session/run.hxx)
    Sources, // a document's sources (session/sources.cxx)
    Count_
};

std::atomic<int>& liveCounter(Live kind);
/// Logs the counts ("session state: <when>: documents=N analyses=N runs=N sources=N").
void logLive(const char* when);

/// A member that counts the live objects of its owner's kind.
template <Live K> class LiveCount
{
public:
    LiveCount() { ++liveCounter(K); }
    LiveCount(const LiveCount&) { ++liveCounter(K); }
    LiveCount& operator=(const LiveCount&) { return *this; }
    ~LiveCount()
    {
        --liveCounter(K);
        logLive("freed");
    }
};

/// Returns free heap pages to the system (malloc_trim) on a worker thread, after the
/// current main-thread callback (what it frees on return is included).
void releaseFreedMemory(const css::uno::Reference<css::uno::XComponentContext>& xContext);
}

#endif
