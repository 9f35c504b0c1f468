/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// clear.hxx — Clear Highlights in main-thread slices, like the paint.
//
//   startClear(st, done);   // returns at once; `done(bOpen)` when all is withdrawn
//
// The document's highlights come off paragraph by paragraph, last first, in slices of
// about kClearSliceMs (session/main_thread.hxx), each one quiet batch; each paragraph
// lets go of its paint state (its area's text cursor) in the same slice. While it runs
// (DocState::clearing) the highlights count as not shown, and:
//   - a store withdraws what is left at once (the store cannot wait): completeClear;
//   - a new run (readAndAnalyze) and a finished analysis (applyResult) wait for the
//     end of the Clear (whenCleared), so painting never meets a half-cleared state;
//   - a second Clear waits for the first; a category switch finds nothing shown;
//   - the document closing, or the office terminating, stops it (the state goes with
//     the document); what waited is told the document is gone (bOpen = false).
// Main thread.
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_CLEAR_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_CLEAR_HXX

#include <functional>
#include <memory>

#include "session/doc_state.hxx"

namespace factlens::office
{
constexpr double kClearSliceMs = 20; // main-thread work per Clear slice

/// Starts clearing `st`'s highlights (nothing shown: `done(true)` at once).
void startClear(const std::shared_ptr<DocState>& st, std::function<void(bool)> done);

/// Runs `fn(bOpen)` after the Clear in progress, or now (true) if none is.
void whenCleared(const std::shared_ptr<DocState>& st, std::function<void(bool)> fn);

/// The document closes (or the office ends): the Clear stops; what waited for it is
/// told (bOpen = false).
void abandonClear(DocState& st);

/// A store is about to start: withdraws what the Clear in progress has not reached yet,
/// in one block, and ends the Clear.
void completeClear(const std::shared_ptr<DocState>& st);
}

#endif
