/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "session/main_thread.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase1.hxx>

#include "common/log.hxx"

using namespace css;

namespace factlens::office
{
namespace
{
class Callback : public ::cppu::WeakImplHelper1<awt::XCallback>
{
public:
    explicit Callback(std::function<void()> fn)
        : m_aFn(std::move(fn))
    {
    }
    void SAL_CALL notify(const uno::Any&) override
    {
        // Released as soon as it ran (with what it captured: a run, a document's
        // state), whenever the AsyncCallback lets go of this object.
        runOnceReporting(m_aFn, "main-thread callback");
    }

private:
    std::function<void()> m_aFn;
};
}

bool postToMain(const uno::Reference<uno::XComponentContext>& xContext, std::function<void()> fn)
{
    try
    {
        uno::Reference<awt::XRequestCallback> xAsync = awt::AsyncCallback::create(xContext);
        xAsync->addCallback(new Callback(std::move(fn)), uno::Any());
        return true;
    }
    catch (...)
    {
        logException("AsyncCallback");
        return false;
    }
}
}
