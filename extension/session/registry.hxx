/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// registry.hxx — the analysed documents and the analysis listeners: the one
// process-wide object of the session (all else lives in a DocState or a run).
//
//   std::shared_ptr<DocState> st = registry().find(xModel);   // null if never analysed
//   registry().callListeners(xModel, analysis);
//
// Documents are keyed by the model's RuntimeUID: interface pointers of one document
// are not a stable identity here (a model resolved twice gave two different
// XInterface pointers in our measurements), the RuntimeUID is. A mutex guards the
// maps, though all access is on the main thread but for clear() at termination.
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_REGISTRY_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_REGISTRY_HXX

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "session.hxx"
#include "session/doc_state.hxx"

namespace factlens::office
{
/// The registry's key of `xModel` (its RuntimeUID, else its address).
::rtl::OUString keyOf(const css::uno::Reference<css::frame::XModel>& xModel);

class Registry
{
public:
    std::shared_ptr<DocState> find(const css::uno::Reference<css::frame::XModel>& xModel);
    /// The state of `xModel`, created on its first run.
    std::shared_ptr<DocState> obtain(const css::uno::Reference<css::frame::XModel>& xModel);
    /// Forgets the document; returns its state (freed when the caller lets go of it).
    std::shared_ptr<DocState> drop(const ::rtl::OUString& rKey);
    std::vector<std::shared_ptr<DocState>> all();
    void clear();

    int addListener(AnalysisListener listener);
    void removeListener(int nId);
    /// Calls every listener (exceptions caught and logged).
    void callListeners(const css::uno::Reference<css::frame::XModel>& xModel,
                       const std::shared_ptr<const Analysis>& analysis);

private:
    std::mutex m_aMutex;
    std::map<::rtl::OUString, std::shared_ptr<DocState>> m_aDocs;
    std::map<int, AnalysisListener> m_aListeners;
    int m_nNextListener = 1;
};

Registry& registry();

/// Calls `fn` (main thread) once `xModel` is disposed: the document closed.
void whenDisposed(const css::uno::Reference<css::frame::XModel>& xModel, std::function<void()> fn);
}

#endif
