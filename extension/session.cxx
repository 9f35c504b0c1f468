/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// session.cxx — the public API of session.hxx. The parts it drives:
//   document/   reading the draft (reader), offsets → cursor steps (offset_map, mapping)
//   highlight/  what to paint (plan, palette), painting (painter, quiet_batch),
//               keeping highlights out of stored files (save_guard)
//   session/    a run's stages (run.hxx: the threading design), the documents and
//               listeners (registry), the main-thread hop and the worker threads
#include "session.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/drawing/XShapes.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include "common/log.hxx"
#include "common/props.hxx"
#include "document/mapping.hxx"
#include "highlight/painter.hxx"
#include "highlight/palette.hxx"
#include "highlight/quiet_batch.hxx"
#include "session/clear.hxx"
#include "session/main_thread.hxx"
#include "session/registry.hxx"
#include "session/run.hxx"
#include "session/workers.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
void setCategoryEnabled(Category c, bool bEnabled)
{
    switchCategory(c, bEnabled);
    for (const std::shared_ptr<DocState>& st : registry().all())
    {
        uno::Reference<frame::XModel> xModel(st->model);
        if (!xModel.is() || !st->shown || st->withdrawn)
            continue;
        ++st->repaintTicket; // repaints everything below
        quietBatch(xModel, [&] {
            unpaint(*st);
            forgetPainting(*st, true); // the user's highlights under old ranges stay known
            st->intervals.clear();
            paint(*st, false);
            st->paintedRanges = countApplied(*st);
        });
        registry().callListeners(xModel, st->analysis);
    }
}

std::shared_ptr<const Analysis> getAnalysis(const uno::Reference<frame::XModel>& xModel)
{
    std::shared_ptr<DocState> st = registry().find(xModel);
    return st ? st->analysis : nullptr;
}

void runAnalysis(const uno::Reference<uno::XComponentContext>& xContext,
                 const uno::Reference<frame::XModel>& xModel, std::function<void(bool)> done)
{
    try
    {
        ensureTerminateListener(xContext);
        auto job = std::make_shared<Job>();
        job->ctx = xContext;
        job->model = xModel;
        job->done = std::move(done);
        job->t0 = std::chrono::steady_clock::now();
        if (!postToMain(xContext, [job] { guarded(job, readAndAnalyze); }) && job->done)
            job->done(false);
    }
    catch (...)
    {
        logException("runAnalysis");
        if (done)
            done(false);
    }
}

void clearHighlights(const uno::Reference<frame::XModel>& xModel, std::function<void(bool)> done)
{
    try
    {
        std::shared_ptr<DocState> st = registry().find(xModel);
        if (!st)
        {
            if (done)
                done(true);
            return;
        }
        auto start = [st, done] {
            try
            {
                startClear(st, done);
            }
            catch (...)
            {
                logException("clearHighlights");
            }
        };
        if (!st->ctx.is() || !postToMain(st->ctx, start)) // the main thread, like a paint
            start();
    }
    catch (...)
    {
        logException("clearHighlights");
        if (done)
            done(false);
    }
}

void forgetReading(const uno::Reference<frame::XModel>& xModel,
                   const std::vector<sal_Int32>& paragraphs)
{
    std::shared_ptr<DocState> st = registry().find(xModel);
    if (!st)
        return;
    for (sal_Int32 p : paragraphs)
        if (p >= 0 && static_cast<size_t>(p) < st->paras.size())
            st->paras[p].reread = true;
}

bool hasHighlights(const uno::Reference<frame::XModel>& xModel)
{
    std::shared_ptr<DocState> st = registry().find(xModel);
    return st && st->shown;
}

int addAnalysisListener(AnalysisListener listener)
{
    return registry().addListener(std::move(listener));
}

void removeAnalysisListener(int nId) { registry().removeListener(nId); }

uno::Reference<text::XTextRange> spanToRange(const uno::Reference<frame::XModel>& xModel,
                                             const factlens::Span& span)
{
    try
    {
        std::shared_ptr<DocState> st = registry().find(xModel);
        if (!st || !st->analysis || span.paragraph < 0
            || span.paragraph >= static_cast<int32_t>(st->paras.size()))
            return {};
        const std::u16string& rText = st->analysis->document.paragraphs[span.paragraph].text;
        return uno::Reference<text::XTextRange>(
            spanRange(st->paras[span.paragraph], rText, span).get());
    }
    catch (...)
    {
        logException("spanToRange");
        return {};
    }
}

namespace
{
// Writer's view cannot select a range inside shape text: selects the shape.
bool selectShape(const uno::Reference<view::XSelectionSupplier>& xSelection, const ParaInfo& para)
{
    uno::Reference<drawing::XShape> xShape(para.text, uno::UNO_QUERY);
    try
    {
        return xShape.is() && xSelection->select(uno::Any(xShape));
    }
    catch (const lang::IllegalArgumentException&)
    {
        return false; // e.g. a shape inside a group: not selectable on its own
    }
}

// With a shape selected (a shape-text row clicked before), Writer's view keeps the
// shape selected when told to select a text range (measured): leave the shape
// selection first, as the Escape key does.
void leaveShapeSelection(const uno::Reference<frame::XModel>& xModel,
                         const uno::Reference<view::XSelectionSupplier>& xSelection,
                         const uno::Reference<uno::XComponentContext>& xContext)
{
    uno::Reference<drawing::XShapes> xSelectedShapes(xSelection->getSelection(), uno::UNO_QUERY);
    if (!xSelectedShapes.is() || !xContext.is())
        return;
    uno::Reference<frame::XDispatchProvider> xProvider(xModel->getCurrentController()->getFrame(),
                                                       uno::UNO_QUERY);
    if (xProvider.is())
        frame::DispatchHelper::create(xContext)->executeDispatch(
            xProvider, ".uno:Escape", "", 0, uno::Sequence<beans::PropertyValue>());
}
}

bool selectSpan(const uno::Reference<frame::XModel>& xModel, const factlens::Span& span)
{
    try
    {
        uno::Reference<view::XSelectionSupplier> xSelection(xModel->getCurrentController(),
                                                            uno::UNO_QUERY);
        if (!xSelection.is())
            return false;
        std::shared_ptr<DocState> st = registry().find(xModel);
        if (st && span.paragraph >= 0 && span.paragraph < static_cast<int32_t>(st->paras.size())
            && st->paras[span.paragraph].shapeText)
            return selectShape(xSelection, st->paras[span.paragraph]);
        uno::Reference<text::XTextRange> xRange = spanToRange(xModel, span);
        if (!xRange.is())
            return false;
        if (st)
            leaveShapeSelection(xModel, xSelection, st->ctx);
        return xSelection->select(uno::Any(xRange)); // Writer scrolls to the selection
    }
    catch (...)
    {
        logException("selectSpan");
        return false;
    }
}

bool exportPdfWithHighlights(const uno::Reference<frame::XModel>& xModel, const OUString& rUrl)
{
    std::shared_ptr<DocState> st = registry().find(xModel);
    try
    {
        uno::Reference<frame::XStorable> xStorable(xModel, uno::UNO_QUERY);
        if (!xStorable.is())
            return false;
        if (st)
            st->exporting = true; // the save guard leaves the highlights on
        uno::Sequence<beans::PropertyValue> aArgs(1);
        aArgs[0].Name = "FilterName";
        aArgs[0].Value <<= OUString("writer_pdf_Export");
        xStorable->storeToURL(rUrl, aArgs);
        if (st)
            st->exporting = false;
        return true;
    }
    catch (...)
    {
        if (st)
            st->exporting = false;
        logException("exportPdfWithHighlights");
        return false;
    }
}
}
