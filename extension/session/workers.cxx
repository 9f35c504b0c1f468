/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "session/workers.hxx"

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop.hpp>
#include <com/sun/star/frame/XTerminateListener.hpp>
#include <cppuhelper/implbase1.hxx>

#include "common/log.hxx"
#include "session/registry.hxx"

using namespace css;

namespace factlens::office
{
void Workers::start(std::function<void()> fn)
{
    std::lock_guard<std::mutex> aLock(m_aMutex);
    ++m_nRunning;
    m_aThreads.emplace_back([this, fn = std::move(fn)] {
        try
        {
            fn();
        }
        catch (...)
        {
            logException("analysis worker");
        }
        --m_nRunning;
    });
    if (m_aThreads.size() > 16 && m_nRunning == 0)
    {
        for (auto& rThread : m_aThreads)
            if (rThread.joinable() && rThread.get_id() != std::this_thread::get_id())
                rThread.join();
        m_aThreads.clear();
    }
}

void Workers::terminate()
{
    m_bTerminating = true;
    std::vector<std::thread> aThreads;
    {
        std::lock_guard<std::mutex> aLock(m_aMutex);
        aThreads.swap(m_aThreads);
    }
    for (auto& rThread : aThreads)
        if (rThread.joinable())
            rThread.join();
}

Workers& workers()
{
    static Workers aWorkers;
    return aWorkers;
}

namespace
{
class TerminateListener : public ::cppu::WeakImplHelper1<frame::XTerminateListener>
{
public:
    void SAL_CALL queryTermination(const lang::EventObject&) override {}
    void SAL_CALL notifyTermination(const lang::EventObject&) override
    {
        try
        {
            workers().terminate();
            registry().clear();
        }
        catch (...)
        {
            logException("notifyTermination");
        }
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}
};
}

void ensureTerminateListener(const uno::Reference<uno::XComponentContext>& xContext)
{
    static std::once_flag aOnce;
    std::call_once(aOnce, [&] {
        try
        {
            uno::Reference<frame::XDesktop2> xDesktop = frame::Desktop::create(xContext);
            xDesktop->addTerminateListener(new TerminateListener);
        }
        catch (...)
        {
            logException("terminate listener");
        }
    });
}
}
