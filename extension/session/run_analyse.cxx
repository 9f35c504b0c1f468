/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// The analysis stage of a run (session/run.hxx): on a worker thread.
#include "session/run.hxx"

#include "common/log.hxx"
#include "common/props.hxx"
#include "factlens/analyzer.h"
#include "options/house_list_setting.hxx"
#include "session/panel_facts.hxx"
#include "session/main_thread.hxx"
#include "session/workers.hxx"

namespace factlens::office
{
namespace
{
const factlens::Analyzer& defaultAnalyzer()
{
    static const factlens::Analyzer aInstance; // thread-safe initialisation
    return aInstance;
}

// Worker thread: the whole-document analysis (Analyzer::Analyze is const and
// thread-safe). The stored house list (options page) feeds the entity recogniser
// and the checks.
void analyseOnWorker(const std::shared_ptr<Job>& job)
{
    const auto t0 = std::chrono::steady_clock::now();
    std::shared_ptr<const factlens::Analyzer> house;
    if (!job->houseList.empty())
        house = houseListAnalyzer(job->houseList);
    const factlens::Analyzer& rAnalyzer = house ? *house : defaultAnalyzer();
    job->report = std::make_shared<factlens::Report>(rAnalyzer.Analyze(job->read->document));
    // Nothing after the analysis reads the tokens (session.hxx, Analysis).
    for (factlens::ParagraphText& rPara : job->report->text.paragraphs)
        std::vector<factlens::Token>().swap(rPara.tokens);
    job->facts = panelFacts(job->read->document, *job->report);
    job->analyzeMs = msSince(t0);
}
}

void analyse(const std::shared_ptr<Job>& job, const std::shared_ptr<DocState>& st)
{
    workers().start([job, st] {
        if (workers().terminating())
            return;
        analyseOnWorker(job);
        if (workers().terminating())
            return;
        postToMain(job->ctx, [job] { guarded(job, applyResult); });
    });
}
}
