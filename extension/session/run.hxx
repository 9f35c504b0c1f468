/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// run.hxx — one run of Analyze on one document, as a Job passed from stage to stage.
//
// THREADING: the document is read and written only on the main thread (entered via
// css::awt::AsyncCallback, session/main_thread.hxx); the analysis runs on a
// std::thread (session/workers.hxx); results hop back with AsyncCallback. A
// terminate listener joins running workers before the office shuts down, and
// results for closed documents are dropped. A newer run supersedes an older one
// (DocState::requested).
//
// The stages, in flow order (each hands the job to the next, often through a hop):
//   runAnalysis (session.cxx, any thread)
//   → readAndAnalyze   main thread: lists the paragraphs        (run_read.cxx)
//   → readSlice        main thread: reads them in kSliceMs slices (run_read.cxx)
//   → analyse          worker: Analyzer::Analyze, unless cached (run_analyse.cxx)
//   → applyResult      main thread: keeps unchanged paint, paints the first slice
//   → continuePainting main thread: the other slices, then the listeners (run_paint.cxx)
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_RUN_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_RUN_HXX

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "document/reader.hxx"
#include "session.hxx"
#include "session/doc_state.hxx"

namespace factlens::office
{
struct Job
{
    LiveCount<Live::Run> counted;
    css::uno::Reference<css::uno::XComponentContext> ctx;
    css::uno::Reference<css::frame::XModel> model;
    std::function<void(bool)> done;
    sal_uInt64 request = 0;
    std::shared_ptr<ReadResult> read;
    std::vector<PendingParagraph> pending; // paragraphs still to read
    size_t nextPending = 0;
    std::unique_ptr<DocumentReader> reader;
    std::unique_ptr<PreviousReading> previous; // see DocumentReader::reusePrevious
    size_t nextPaint = 0; // paragraphs painted so far
    double maxBlockMs = 0; // longest main-thread slice
    std::shared_ptr<factlens::Report> report; // a fresh analysis (moved into the Analysis)
    std::shared_ptr<const Analysis> reused; // or the document's analysis of the same text
    std::shared_ptr<const std::vector<factlens::FactGroup>> facts; // of `report` (Analysis::facts)
    css::uno::Reference<css::task::XStatusIndicator> indicator;
    std::chrono::steady_clock::time_point t0;
    double readMs = 0, analyzeMs = 0, applyMs = 0;
    bool fromCache = false;
    std::string houseList; // the stored house list (options/house_list_setting.hxx), read at the start

    /// Ends the run: the status indicator, then `done(bOk)`.
    void finish(bool bOk);
};

/// Runs a stage; any exception ends the job as failed (the dispatch result listener
/// always hears back).
void guarded(const std::shared_ptr<Job>& job, void (*stage)(const std::shared_ptr<Job>&));

void readAndAnalyze(const std::shared_ptr<Job>& job);
void readSlice(const std::shared_ptr<Job>& job);
void analyse(const std::shared_ptr<Job>& job, const std::shared_ptr<DocState>& st);
void applyResult(const std::shared_ptr<Job>& job);
void continuePainting(const std::shared_ptr<Job>& job, const std::shared_ptr<DocState>& st,
                      const std::shared_ptr<Analysis>& analysis);
}

#endif
