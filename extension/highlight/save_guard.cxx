/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "highlight/save_guard.hxx"

#include <algorithm>
#include <memory>
#include <string>

#include <com/sun/star/document/DocumentEvent.hpp>
#include <com/sun/star/document/XDocumentEventBroadcaster.hpp>
#include <com/sun/star/document/XDocumentEventListener.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <cppuhelper/implbase1.hxx>

#include "common/log.hxx"
#include "common/props.hxx"
#include "common/ustring.hxx"
#include "highlight/painter.hxx"
#include "highlight/quiet_batch.hxx"
#include "session/clear.hxx"
#include "session/main_thread.hxx"
#include "session/registry.hxx"
#include "session/workers.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
// Before the store: everything of ours comes off, in one block.
void withdrawBeforeStore(const uno::Reference<frame::XModel>& xModel, DocState& st,
                         const OUString& rEvent)
{
    const auto t0 = std::chrono::steady_clock::now();
    ++st.repaintTicket; // a re-apply still in slices stops here
    uno::Reference<util::XModifiable> xModifiable(xModel, uno::UNO_QUERY);
    st.wasModifiedBeforeStore = xModifiable.is() && xModifiable->isModified();
    st.paintedRanges = countApplied(st);
    quietBatch(xModel, [&] { unpaint(st); });
    st.withdrawn = true;
    st.storeStart = std::chrono::steady_clock::now();
    logTrace("withdraw before %s: %zu ranges, %.1f ms", toUtf8(rEvent).c_str(), st.paintedRanges,
             msSince(t0));
}

// Main thread: re-applies the next slice of the withdrawn highlights (paint with
// bRepaint = true, which skips paragraphs edited since the analysis).
void repaintSlice(const std::shared_ptr<DocState>& st, sal_uInt64 nTicket,
                  const std::string& rEvent)
{
    uno::Reference<frame::XModel> xModel(st->model);
    if (nTicket != st->repaintTicket || st->withdrawn || !st->shown || !xModel.is()
        || workers().terminating())
        return; // superseded: whoever cancelled owns the highlights now
    if (registry().find(xModel) != st)
        return; // the document was closed meanwhile
    const auto t0 = std::chrono::steady_clock::now();
    size_t nNext = st->repaintNext;
    quietBatch(xModel,
               [&] { st->repaintStale += paint(*st, true, st->repaintNext, &nNext, kSliceMs); });
    st->repaintNext = nNext;
    st->repaintMaxSliceMs = std::max(st->repaintMaxSliceMs, msSince(t0));
    ++st->repaintSlices;
    if (nNext < st->paras.size())
    {
        if (postToMain(st->ctx, [st, nTicket, rEvent] { repaintSlice(st, nTicket, rEvent); }))
            return;
        logTrace("re-apply: no main-thread hop, finishing at once");
        quietBatch(xModel, [&] { st->repaintStale += paint(*st, true, st->repaintNext); });
    }
    logTrace("re-apply after %s: %zu ranges, %.1f ms in %d slices (longest %.1f ms)",
             rEvent.c_str(), st->paintedRanges, msSince(st->repaintStart), st->repaintSlices,
             st->repaintMaxSliceMs);
    if (st->repaintStale && st->ctx.is()) // edited paragraphs: analyse again
        runAnalysis(st->ctx, xModel);
}

// After the store: the highlights come back in main-thread slices like the first
// paint, so the user is not blocked for seconds after a save. After OnSaveToDone
// (copy/export) the document keeps its former state; after Save/Save As it is
// unmodified anyway (quietBatch keeps that).
void startRepaint(const uno::Reference<frame::XModel>& xModel, const std::shared_ptr<DocState>& st,
                  const OUString& rEvent)
{
    st->withdrawn = false;
    logTrace("store itself: %.1f ms", msSince(st->storeStart));
    const std::string aName = toUtf8(rEvent);
    const sal_uInt64 nTicket = ++st->repaintTicket;
    st->repaintNext = 0;
    st->repaintStale = 0;
    st->repaintSlices = 0;
    st->repaintMaxSliceMs = 0;
    st->repaintStart = std::chrono::steady_clock::now();
    if (!st->ctx.is()) // no context for hops (cannot happen after a run): all at once
    {
        quietBatch(xModel, [&] { st->repaintStale = paint(*st, true); });
        logTrace("re-apply after %s: %zu ranges, %.1f ms (one block)", aName.c_str(),
                 st->paintedRanges, msSince(st->repaintStart));
        return;
    }
    repaintSlice(st, nTicket, aName); // the first slice now, the others from the main loop
}

// Measured (docs/extension.md): store() fires OnSave, storeAsURL() OnSaveAs,
// storeToURL() (export, PDF, "save a copy" through the API) and the autorecovery copy
// (storeToRecoveryFile) fire OnCopyTo; the UI's Save a Copy fires OnSaveTo. All
// synchronously, before the store starts.
bool isBeforeStore(const OUString& rName)
{
    return rName == "OnSave" || rName == "OnSaveAs" || rName == "OnSaveTo" || rName == "OnCopyTo";
}

bool isAfterStore(const OUString& rName)
{
    return rName == "OnSaveDone" || rName == "OnSaveAsDone" || rName == "OnSaveToDone"
           || rName == "OnCopyToDone" || rName == "OnSaveFailed" || rName == "OnSaveAsFailed"
           || rName == "OnSaveToFailed" || rName == "OnCopyToFailed";
}

class DocListener : public ::cppu::WeakImplHelper1<document::XDocumentEventListener>
{
public:
    explicit DocListener(const OUString& rKey)
        : m_aKey(rKey)
    {
    }

    void SAL_CALL documentEventOccured(const document::DocumentEvent& rEvent) override
    {
        try
        {
            handle(rEvent);
        }
        catch (...)
        {
            logException("document event");
        }
    }

    void SAL_CALL disposing(const lang::EventObject&) override
    {
        try
        {
            forget();
        }
        catch (...)
        {
            logException("document disposing");
        }
    }

private:
    void handle(const document::DocumentEvent& rEvent)
    {
        const OUString& rName = rEvent.EventName;
        uno::Reference<frame::XModel> xModel(rEvent.Source, uno::UNO_QUERY);
        std::shared_ptr<DocState> st = registry().find(xModel);
        if (!st || !xModel.is())
            return;
        if (rName == "OnUnload")
        {
            st.reset();
            forget();
        }
        else if (isBeforeStore(rName) && st->clearing && !st->exporting)
            completeClear(st); // what the sliced Clear has not reached yet must not be stored
        else if (isBeforeStore(rName) && st->shown && !st->withdrawn && !st->exporting)
            withdrawBeforeStore(xModel, *st, rName);
        else if (isAfterStore(rName) && st->withdrawn)
            startRepaint(xModel, st, rName);
    }

    // The document closes: its state goes (the sidebar panel, disposed with the
    // frame, lets go of the analysis it shows), then the freed memory is returned.
    void forget()
    {
        std::shared_ptr<DocState> st = registry().drop(m_aKey);
        if (!st)
            return;
        abandonClear(*st); // a Clear in slices stops; the Clear command hears back
        uno::Reference<uno::XComponentContext> xContext = st->ctx;
        st.reset();
        logLive("document closed");
        releaseFreedMemory(xContext);
    }

    OUString m_aKey;
};
}

void ensureListening(const uno::Reference<frame::XModel>& xModel, DocState& st)
{
    if (st.listening)
        return;
    uno::Reference<document::XDocumentEventBroadcaster> xBroadcaster(xModel, uno::UNO_QUERY);
    if (!xBroadcaster.is())
        return;
    xBroadcaster->addDocumentEventListener(new DocListener(keyOf(xModel)));
    st.listening = true;
}
}
