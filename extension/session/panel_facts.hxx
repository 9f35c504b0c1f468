/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// panel_facts.hxx — the fact list as the sidebar keeps it (Analysis::facts).
//
//   job->facts = panelFacts(document, report);   // on the worker, after Analyze
//
// factlens::BuildFactList with each fact's own text and detail dropped: they are in
// the row label already, and the export builds from the Analysis. About a tenth of
// the full list on real news. Pure computation: any thread.
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_PANEL_FACTS_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_PANEL_FACTS_HXX

#include <memory>
#include <vector>

#include "factlens/document.h"
#include "factlens/factlist.h"
#include "factlens/report.h"

namespace factlens::office
{
std::shared_ptr<const std::vector<factlens::FactGroup>>
panelFacts(const factlens::Document& rDocument, const factlens::Report& rReport);
}

#endif
