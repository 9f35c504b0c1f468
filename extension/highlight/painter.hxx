/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// painter.hxx — setting and withdrawing our highlights on the document.
//
// HIGHLIGHT MECHANISM (measurements in docs/extension.md):
//   Highlights are direct CharHighlight attributes, chosen because CharHighlight is
//   drawn over the user's own character shading (CharBackColor would destroy it)
//   and 10,000 ranges apply in about 0.15 s with controllers locked. Since
//   character attributes are saved with the document, they are made invisible to
//   every store (highlight/save_guard.cxx):
//   - a document event listener withdraws them on OnSave / OnSaveAs / OnSaveTo /
//     OnCopyTo (fired synchronously before any store: Save, Save As, Save a Copy,
//     export, storeToURL, autosave and the autorecovery copy) and re-applies them
//     on the matching *Done and *Failed events;
//   - withdrawal walks the painted paragraphs (a text range over each, which grows
//     with typing), finds every run carrying one of our palette colours there (also
//     text typed at the end of a highlight, which inherits it), sets CharHighlight
//     back to default, then re-sets the user's own CharHighlight values that our
//     ranges covered (recorded when the text was read). An attribute search
//     (XSearchable::findAll with CharHighlight) finds nothing in 7.4: measured;
//   - re-applying after the store paints the analysis again from the paragraphs'
//     UNO objects, in kSliceMs main-thread slices like the first paint (the store
//     itself is not delayed by it); a paragraph edited since the analysis is
//     skipped and a fresh analysis is started (a field's shown text, which the
//     office changes by itself, is no edit: document/reader.hxx currentString);
//   - a finding over text fields alone (a page number) is not painted: setting any
//     character attribute over such a paragraph loses DOCX paragraph properties;
//   - every batch runs inside quietBatch (highlight/quiet_batch.hxx): undo manager
//     locked (no undo step), Record Changes switched off (no tracked change) and the
//     modified flag restored afterwards;
//   - a re-run after an edit analyses the whole text again (findings link across
//     paragraphs) but repaints only paragraphs whose text or highlights changed;
//     each paragraph keeps what was painted on it (ParaInfo, session/run_paint.cxx),
//     and an unchanged painted paragraph's reading is taken over (DocumentReader).
//   Read-only documents are painted too (the API writes the in-memory model; the
//   document cannot be stored over anyway, and Save As withdraws as above).
//
// All functions: main thread, inside a quietBatch.
#ifndef INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_PAINTER_HXX
#define INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_PAINTER_HXX

#include <memory>
#include <vector>

#include "document/paragraph.hxx"
#include "highlight/plan.hxx"
#include "session.hxx"

namespace factlens::office
{
/// What the painter works on: a document's current analysis and its paragraphs.
struct PaintState
{
    std::shared_ptr<const Analysis> analysis;
    std::vector<ParaInfo> paras; // of `analysis`
    size_t paintedRanges = 0; // ranges on the document (sum of the paragraphs' appliedRuns)
    std::vector<std::vector<Interval>> intervals; // the highlight plan, per paragraph
    // User highlights under our ranges in paragraphs that no re-run found again
    // (deleted or merged into another): set again after every withdrawal.
    std::vector<Painted> looseRestore;
};

/// Sets each range's colour again (the user's own highlights), logging failures.
void restoreUserHighlights(const std::vector<Painted>& list);

/// Paints the latest analysis, paragraph by paragraph, and notes per paragraph what it
/// painted (paintedIntervals, appliedRuns, its string, an area for the withdrawal and
/// the user's own highlights under our ranges). First paint (bRepaint = false): every
/// paragraph not in the painted set yet (a re-run keeps the unchanged ones); a stale
/// one is withdrawn first. Re-paint (after a store): the painted set again, skipping
/// paragraphs edited since (returns how many: they need a fresh analysis). Slices:
/// starts at paragraph `nFrom`, stops after `fBudgetMs` (0 = no limit) and stores the
/// next paragraph in *pNext.
size_t paint(PaintState& st, bool bRepaint, size_t nFrom = 0, size_t* pNext = nullptr,
             double fBudgetMs = 0);

/// Ranges currently on the document (the applied paragraphs' runs).
size_t countApplied(const PaintState& st);

/// Removes all our highlights (before a store, Clear, a category switch): every
/// painted or stale paragraph's area, then the user's own values under our ranges.
/// The painted set stays (paintedIntervals, areas, user highlights): a re-paint after
/// the store applies it again.
void unpaint(PaintState& st);

/// Forgets the painted set (after unpaint): Clear, a category switch.
void forgetPainting(PaintState& st, bool bKeepUserRestore);

/// After Clear: forgets the painted set, the plan and what only painting and the next
/// run's takeover of the reading use (strings, the runs found while reading); keeps per
/// paragraph what maps a span of the analysis to the document (its text object, its
/// paragraph, its offset map: a sidebar row click), and the analysis itself.
void keepOnlyMapping(PaintState& st);

/// What a Clear removed so far (the trace).
struct ClearCounts
{
    size_t areas = 0, runs = 0;
    double resetMs = 0;
};

/// One slice of Clear (session/clear.hxx): from paragraph `nFrom - 1` down, withdraws
/// our highlights from each painted or stale paragraph (when bWithdraw; the user's own
/// highlights under ours set again) and lets go of what keepOnlyMapping lets go of for
/// it. Last painted first: releasing the areas' text cursors in the order they were
/// made cost Writer ~0.5 ms each (3.8-4.4 s for 7,820, measured), in reverse order far
/// less (docs/extension.md, "Clear"). Stops after `fBudgetMs` (0 = no limit); returns the paragraph count still to
/// do (0 = all done; then keepOnlyMapping finishes the document's part).
size_t clearSlice(PaintState& st, size_t nFrom, bool bWithdraw, double fBudgetMs,
                  ClearCounts* pCounts);

/// FACTLENS_TRACE: what the painter holds ("highlight state: <when>: paragraphs=N
/// painted=N areas=N planned=N runs=N strings=N restores=N"; all but paragraphs are 0
/// after Clear) and the session's live counts (common/memory.hxx).
void logHighlightState(const char* when, const PaintState& st);
}

#endif
