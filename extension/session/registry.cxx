/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "session/registry.hxx"

#include <com/sun/star/lang/XComponent.hpp>
#include <cppuhelper/implbase1.hxx>

#include "common/log.hxx"
#include "common/props.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
OUString keyOf(const uno::Reference<frame::XModel>& xModel)
{
    uno::Reference<beans::XPropertySet> xProps(xModel, uno::UNO_QUERY);
    OUString aUid = xProps.is() ? getProp<OUString>(xProps, "RuntimeUID", OUString()) : OUString();
    if (aUid.isEmpty()) // not an office document model: fall back to its address
    {
        uno::Reference<uno::XInterface> xNormalized(xModel, uno::UNO_QUERY);
        aUid = OUString::number(reinterpret_cast<sal_uInt64>(xNormalized.get()), 16);
    }
    return aUid;
}

// keyOf asks the model for a property: a UNO call, which may wait for the
// SolarMutex. It is made before our mutex is taken, never under it: the main
// thread holds the SolarMutex while it waits for our mutex (a document event),
// and a dispatch from a UNO thread held ours while it waited for the
// SolarMutex (a deadlock seen in office_comments under load).
std::shared_ptr<DocState> Registry::find(const uno::Reference<frame::XModel>& xModel)
{
    const OUString aKey = keyOf(xModel);
    std::lock_guard<std::mutex> aLock(m_aMutex);
    auto it = m_aDocs.find(aKey);
    return it == m_aDocs.end() ? nullptr : it->second;
}

std::shared_ptr<DocState> Registry::obtain(const uno::Reference<frame::XModel>& xModel)
{
    const OUString aKey = keyOf(xModel); // before the lock (see find)
    std::lock_guard<std::mutex> aLock(m_aMutex);
    auto& rSlot = m_aDocs[aKey];
    if (!rSlot)
    {
        rSlot = std::make_shared<DocState>();
        rSlot->model = xModel;
    }
    return rSlot;
}

std::shared_ptr<DocState> Registry::drop(const OUString& rKey)
{
    std::lock_guard<std::mutex> aLock(m_aMutex);
    auto it = m_aDocs.find(rKey);
    if (it == m_aDocs.end())
        return nullptr;
    std::shared_ptr<DocState> st = std::move(it->second);
    m_aDocs.erase(it);
    return st;
}

std::vector<std::shared_ptr<DocState>> Registry::all()
{
    std::vector<std::shared_ptr<DocState>> aDocs;
    std::lock_guard<std::mutex> aLock(m_aMutex);
    for (auto& [rKey, st] : m_aDocs)
        aDocs.push_back(st);
    return aDocs;
}

void Registry::clear()
{
    // The states are destroyed after the lock is released: their UNO references
    // are let go outside our mutex (see find).
    decltype(m_aDocs) aDocs;
    {
        std::lock_guard<std::mutex> aLock(m_aMutex);
        aDocs.swap(m_aDocs);
    }
}

int Registry::addListener(AnalysisListener listener)
{
    std::lock_guard<std::mutex> aLock(m_aMutex);
    const int nId = m_nNextListener++;
    m_aListeners[nId] = std::move(listener);
    return nId;
}

void Registry::removeListener(int nId)
{
    std::lock_guard<std::mutex> aLock(m_aMutex);
    m_aListeners.erase(nId);
}

void Registry::callListeners(const uno::Reference<frame::XModel>& xModel,
                             const std::shared_ptr<const Analysis>& analysis)
{
    std::vector<AnalysisListener> aCopy;
    {
        std::lock_guard<std::mutex> aLock(m_aMutex);
        for (auto& [nId, fn] : m_aListeners)
            aCopy.push_back(fn);
    }
    for (auto& fn : aCopy)
    {
        try
        {
            fn(xModel, analysis);
        }
        catch (...)
        {
            logException("analysis listener");
        }
    }
}

Registry& registry()
{
    static Registry aRegistry;
    return aRegistry;
}

namespace
{
class DisposeListener : public ::cppu::WeakImplHelper1<lang::XEventListener>
{
public:
    explicit DisposeListener(std::function<void()> fn)
        : m_aFn(std::move(fn))
    {
    }
    void SAL_CALL disposing(const lang::EventObject&) override
    {
        runOnceReporting(m_aFn, "document closed");
    }

private:
    std::function<void()> m_aFn;
};
}

void whenDisposed(const uno::Reference<frame::XModel>& xModel, std::function<void()> fn)
{
    uno::Reference<lang::XComponent> xComponent(xModel, uno::UNO_QUERY);
    if (xComponent.is())
        xComponent->addEventListener(new DisposeListener(std::move(fn)));
}
}
