/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// main_thread.hxx — the hop to the office's main thread (css::awt::AsyncCallback).
//
//   postToMain(xContext, [job] { readSlice(job); });   // from any thread; runs later
//
// Work on the document is cut into slices of about kSliceMs, one hop each, so the
// office keeps handling input between them.
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_MAIN_THREAD_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_MAIN_THREAD_HXX

#include <functional>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace factlens::office
{
// Main-thread work per hop; a slice overruns it by its last paragraph (measured: 40 gave
// slices of 52-58 ms, 30 gave 49-56 ms, 22 gives 41-49 ms).
constexpr double kSliceMs = 22;

/// Queues `fn` on the main thread; exceptions it throws are caught and logged.
/// false (logged) if no AsyncCallback could be had: `fn` will not run.
bool postToMain(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                std::function<void()> fn);
}

#endif
