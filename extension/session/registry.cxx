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

std::shared_ptr<DocState> Registry::find(const uno::Reference<frame::XModel>& xModel)
{
    std::lock_guard<std::mutex> aLock(m_aMutex);
    auto it = m_aDocs.find(keyOf(xModel));
    return it == m_aDocs.end() ? nullptr : it->second;
}

std::shared_ptr<DocState> Registry::obtain(const uno::Reference<frame::XModel>& xModel)
{
    std::lock_guard<std::mutex> aLock(m_aMutex);
    auto& rSlot = m_aDocs[keyOf(xModel)];
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
    std::lock_guard<std::mutex> aLock(m_aMutex);
    m_aDocs.clear();
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
