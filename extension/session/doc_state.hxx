/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// doc_state.hxx — everything we keep for one analysed document (session/registry.hxx
// holds them by document). Main thread only.
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_DOC_STATE_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_DOC_STATE_HXX

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "common/memory.hxx"
#include "highlight/painter.hxx"
#include "session.hxx"

namespace factlens::office
{
/// The painter's part (PaintState: analysis, paragraphs, plan) and the rest.
struct DocState : PaintState
{
    css::uno::Reference<css::frame::XModel> model; // released when the document unloads
    css::uno::Reference<css::uno::XComponentContext> ctx; // for re-runs after a store
    bool shown = false; // highlights wanted on screen
    bool withdrawn = false; // temporarily removed for a store
    bool wasModifiedBeforeStore = false;
    // Re-applying after a store runs in main-thread slices (highlight/save_guard.cxx);
    // a slice whose ticket is no longer current stops (another store, Clear, a new
    // analysis or a category switch came in between).
    sal_uInt64 repaintTicket = 0;
    size_t repaintNext = 0; // next paragraph to re-apply
    size_t repaintStale = 0; // paragraphs edited since the analysis, seen so far
    std::chrono::steady_clock::time_point repaintStart;
    std::chrono::steady_clock::time_point storeStart; // withdrawal done, store running
    double repaintMaxSliceMs = 0;
    int repaintSlices = 0;
    // Clear in main-thread slices (session/clear.hxx): paragraphs still to clear (from
    // the last down), the Clear's ticket, and what waits for its end.
    bool clearing = false;
    bool clearWithdraw = false; // false: the highlights were withdrawn for a store already
    size_t clearNext = 0;
    sal_uInt64 clearTicket = 0;
    int clearSlices = 0;
    double clearMaxSliceMs = 0, clearBusyMs = 0;
    std::chrono::steady_clock::time_point clearStart;
    ClearCounts clearCounts;
    std::vector<std::function<void(bool)>> afterClear;
    bool exporting = false; // exportPdfWithHighlights in progress
    bool listening = false;
    sal_uInt64 generation = 0;
    sal_uInt64 requested = 0; // latest run requested
    // The text (hash of all paragraphs) and house list `analysis` was made from: a run
    // on the same text and list reuses its report (no second copy is kept).
    size_t analysedHash = 0;
    std::string analysedHouseList;
    LiveCount<Live::Document> counted;
};
}

#endif
