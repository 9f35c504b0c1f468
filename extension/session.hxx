/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// session.hxx — per-document analysis state shared by the commands and the sidebar.
//
// Usage (from the sidebar panel, on the main thread):
//   using namespace factlens::office;
//   int id = addAnalysisListener([this](const Reference<frame::XModel>& m,
//                                       const std::shared_ptr<const Analysis>& a) {
//       if (m == mxModel) refill(*a);                  // called on the main thread
//   });
//   if (auto a = getAnalysis(xModel)) refill(*a);      // state already there?
//   runAnalysis(xContext, xModel);                      // "Re-run": asynchronous
//   selectSpan(xModel, a->report.entities[0].span);     // row click: select + scroll
//   removeAnalysisListener(id);                         // in the panel's dispose()
//
// Threading: every function here must be called on the office's main thread
// (any UNO entry point of a sidebar panel or a dispatch from the UI is), except
// runAnalysis(), which may be called from any thread: it hops to the main thread
// itself (css::awt::AsyncCallback). The document is only ever read and written
// on the main thread; the analysis itself runs on a worker thread; listeners are
// called on the main thread once the highlights are applied.
//
// Offsets: factlens::Span is {paragraph, begin, end} in UTF-16 code units of
// Analysis::document.paragraphs[paragraph].text (analysis/include/factlens/document.h).
// The paragraph list holds what a reader sees, in this order: the body (headings,
// paragraphs, table cells row by row, nested tables), then text frames, footnotes
// and endnotes, headers and footers of the page styles in use, and the text of
// drawing shapes (text-box shapes as Writer text; plain shape text is analysed but
// never highlighted). Text fields count with their shown text; comment anchors and
// other objects anchored as characters count nothing.
//
// Ownership: an Analysis is immutable and shared (std::shared_ptr<const Analysis>);
// keep it as long as you like. Its text ranges follow later edits of the document;
// after large edits a span may map to a stale or empty range (re-run to refresh).
//
// Errors: no function throws; failures return false / null and are logged.
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_HXX

#include <functional>
#include <memory>
#include <vector>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "common/memory.hxx"
#include "common/ustring.hxx" // toOUString/toU16, used by the sidebar through this header
#include "factlens/document.h"
#include "factlens/factlist.h"
#include "factlens/report.h"

namespace factlens::office
{
/// Highlight categories; each has its own colour and can be switched off.
enum class Category
{
    Person,
    Organisation,
    Place,
    Misc,
    QuoteContent,
    QuoteSpeaker,
    QuoteCue,
    Figure,
    Count_
};
constexpr int kCategoryCount = static_cast<int>(Category::Count_);

/// Stable id ("person", "org", "place", "misc", "content", "speaker", "cue",
/// "figure"), also used in the command URLs (org.factlens:Toggle?Category=person).
const char* categoryId(Category c);
/// Localised-ready display name ("People", "Quote content", ...), UTF-8.
const char* categoryLabel(Category c);
/// The highlight colour (0xRRGGBB): a light pastel, so that Writer's automatic
/// font colour stays dark on it in light and dark application colours.
sal_Int32 categoryColor(Category c);
bool isCategoryEnabled(Category c);
/// Switches a category on or off and re-paints every analysed document.
void setCategoryEnabled(Category c, bool enabled);

/// One analysis of one document: what was read, what was found, how long it took.
/// It holds what the sidebar lists and exports: the paragraphs' text and the report,
/// whose text layer keeps its sentences and quotations (the source checks use them)
/// but not its tokens (nothing after the analysis reads them; about 3 bytes a character).
struct Analysis
{
    factlens::Document document;
    factlens::Report report;
    /// The sidebar's fact list of this analysis, compacted (labels, keys, filter text,
    /// spans; no copy of each fact's text): built on the worker thread with the
    /// analysis, so that the panel only fills its tree on the main thread.
    std::shared_ptr<const std::vector<factlens::FactGroup>> facts;
    LiveCount<Live::Analysis> counted;
    sal_uInt64 generation = 0; ///< increases with every analysis of this document
    /// false when the document could not be highlighted (e.g. opened read-only):
    /// the sidebar should then show `note` and still list the facts.
    bool highlighted = false;
    ::rtl::OUString note;
    double readMs = 0, analyzeMs = 0, applyMs = 0; ///< measured phases
    bool fromCache = false; ///< the document's text was unchanged: result reused
};

/// The latest analysis of `model` (null if none yet or the model is unknown).
std::shared_ptr<const Analysis>
getAnalysis(const css::uno::Reference<css::frame::XModel>& xModel);

/// Reads the document (main thread), analyses it on a worker thread, applies the
/// highlights (main thread, in slices; on a re-run only to paragraphs whose text or
/// highlights changed) and then calls the listeners. Returns at
/// once. `done`, if given, is called on the main thread when the run ends
/// (true = a new analysis was published, false = failed or the document closed).
void runAnalysis(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                 const css::uno::Reference<css::frame::XModel>& xModel,
                 std::function<void(bool)> done = {});

/// Removes every highlight of `model`, restoring each character's own
/// formatting exactly, and frees what only the highlights used; the analysis (fact
/// list) and each paragraph's mapping (spanToRange, selectSpan) stay available.
/// Returns at once: the work runs on the main thread in slices (session/clear.hxx);
/// `done`, if given, is called on the main thread when all is removed (false: the
/// document closed meanwhile).
void clearHighlights(const css::uno::Reference<css::frame::XModel>& xModel,
                     std::function<void(bool)> done = {});

/// Makes the next run read these paragraphs of `model` anew, though their strings are
/// unchanged: something that adds a cursor step but no text (a comment anchor) went in,
/// so their offset maps are out of date. Main thread.
void forgetReading(const css::uno::Reference<css::frame::XModel>& xModel,
                   const std::vector<sal_Int32>& paragraphs);

/// true if highlights of `model` are currently shown.
bool hasHighlights(const css::uno::Reference<css::frame::XModel>& xModel);

using AnalysisListener = std::function<void(const css::uno::Reference<css::frame::XModel>&,
                                            const std::shared_ptr<const Analysis>&)>;
/// Called on the main thread after each new analysis (and after clearHighlights,
/// with the same Analysis). Returns an id for removeAnalysisListener().
int addAnalysisListener(AnalysisListener listener);
void removeAnalysisListener(int id);

/// The document range of a span of the latest analysis (null if unmappable).
css::uno::Reference<css::text::XTextRange>
spanToRange(const css::uno::Reference<css::frame::XModel>& xModel, const factlens::Span& span);

/// Selects the span's text in the document's current controller and scrolls to it.
bool selectSpan(const css::uno::Reference<css::frame::XModel>& xModel, const factlens::Span& span);

/// Stores `model` as PDF at `url` (file URL) with the highlights visible. Any
/// other store withdraws them (see highlight/save_guard.hxx).
bool exportPdfWithHighlights(const css::uno::Reference<css::frame::XModel>& xModel,
                             const ::rtl::OUString& url);

}

#endif
