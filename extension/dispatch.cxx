/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "dispatch.hxx"

#include <mutex>
#include <set>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include "common/log.hxx"
#include "session.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
const char kProtocol[] = "org.factlens:";

enum class Command
{
    None,
    Analyze,
    Clear,
    ShowFactList,
    Toggle,
    ExportPDF
};

Command parseCommand(const util::URL& url, Category* category)
{
    if (!url.Complete.startsWith(kProtocol))
        return Command::None;
    const OUString path = url.Complete.copy(sizeof(kProtocol) - 1);
    if (path == "Analyze")
        return Command::Analyze;
    if (path == "Clear")
        return Command::Clear;
    if (path == "ShowFactList")
        return Command::ShowFactList;
    if (path == "ExportPDF")
        return Command::ExportPDF;
    if (path.startsWith("Toggle?Category="))
    {
        const OUString id = path.copy(16);
        for (int i = 0; i < kCategoryCount; ++i)
            if (id.equalsAscii(categoryId(static_cast<Category>(i))))
            {
                if (category)
                    *category = static_cast<Category>(i);
                return Command::Toggle;
            }
    }
    return Command::None;
}

bool isWriterTextDocument(const uno::Reference<frame::XModel>& model)
{
    uno::Reference<lang::XServiceInfo> info(model, uno::UNO_QUERY);
    return info.is() && info->supportsService("com.sun.star.text.TextDocument")
           && !info->supportsService("com.sun.star.text.WebDocument");
}

uno::Reference<frame::XModel> modelOfFrame(const uno::Reference<frame::XFrame>& frame)
{
    if (!frame.is())
        return {};
    uno::Reference<frame::XController> controller = frame->getController();
    return controller.is() ? controller->getModel() : uno::Reference<frame::XModel>();
}

class ProtocolHandler;
std::mutex g_handlersMutex;
std::set<ProtocolHandler*> g_handlers; // for status updates after a toggle

class ProtocolHandler
    : public ::cppu::WeakImplHelper4<frame::XDispatchProvider, frame::XNotifyingDispatch,
                                     lang::XInitialization, lang::XServiceInfo>
{
public:
    explicit ProtocolHandler(const uno::Reference<uno::XComponentContext>& context)
        : m_xContext(context)
    {
        std::lock_guard<std::mutex> lock(g_handlersMutex);
        g_handlers.insert(this);
    }
    ~ProtocolHandler() override
    {
        std::lock_guard<std::mutex> lock(g_handlersMutex);
        g_handlers.erase(this);
    }

    // XInitialization: the frame we serve.
    void SAL_CALL initialize(const uno::Sequence<uno::Any>& args) override
    {
        try
        {
            for (const uno::Any& arg : args)
            {
                uno::Reference<frame::XFrame> frame(arg, uno::UNO_QUERY);
                if (frame.is())
                    m_xFrame = frame;
            }
        }
        catch (...)
        {
            logException("ProtocolHandler::initialize");
        }
    }

    // XDispatchProvider
    uno::Reference<frame::XDispatch> SAL_CALL queryDispatch(const util::URL& url, const OUString&,
                                                            sal_Int32) override
    {
        try
        {
            if (parseCommand(url, nullptr) == Command::None)
                return {};
            uno::Reference<frame::XFrame> frame(m_xFrame);
            if (!isWriterTextDocument(modelOfFrame(frame)))
                return {}; // no dispatch: the command shows disabled
            return this;
        }
        catch (...)
        {
            logException("ProtocolHandler::queryDispatch");
            return {};
        }
    }

    uno::Sequence<uno::Reference<frame::XDispatch>> SAL_CALL
    queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests) override
    {
        uno::Sequence<uno::Reference<frame::XDispatch>> result(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            result[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                      requests[i].SearchFlags);
        return result;
    }

    // XDispatch
    void SAL_CALL dispatch(const util::URL& url,
                           const uno::Sequence<beans::PropertyValue>& args) override
    {
        dispatchWithNotification(url, args, {});
    }

    void SAL_CALL
    dispatchWithNotification(const util::URL& url, const uno::Sequence<beans::PropertyValue>& args,
                             const uno::Reference<frame::XDispatchResultListener>& listener) override
    {
        try
        {
            doDispatch(url, args, listener);
        }
        catch (...)
        {
            logException("ProtocolHandler::dispatch");
            notify(listener, false);
        }
    }

    void SAL_CALL addStatusListener(const uno::Reference<frame::XStatusListener>& listener,
                                    const util::URL& url) override
    {
        try
        {
            if (!listener.is())
                return;
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_listeners.push_back({ listener, url });
            }
            sendStatus(listener, url);
        }
        catch (...)
        {
            logException("ProtocolHandler::addStatusListener");
        }
    }

    void SAL_CALL removeStatusListener(const uno::Reference<frame::XStatusListener>& listener,
                                       const util::URL& url) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (auto it = m_listeners.begin(); it != m_listeners.end(); ++it)
            if (it->listener == listener && it->url.Complete == url.Complete)
            {
                m_listeners.erase(it);
                break;
            }
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override
    {
        return ProtocolHandler_getImplementationName();
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return ProtocolHandler_getSupportedServiceNames();
    }

    void broadcastStatus()
    {
        std::vector<Listener> copy;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            copy = m_listeners;
        }
        for (const Listener& l : copy)
        {
            try
            {
                sendStatus(l.listener, l.url);
            }
            catch (...)
            {
                // a listener that went away: ignore
            }
        }
    }

private:
    struct Listener
    {
        uno::Reference<frame::XStatusListener> listener;
        util::URL url;
    };

    void sendStatus(const uno::Reference<frame::XStatusListener>& listener, const util::URL& url)
    {
        frame::FeatureStateEvent event;
        event.FeatureURL = url;
        event.Source = static_cast<cppu::OWeakObject*>(this);
        event.IsEnabled = isWriterTextDocument(modelOfFrame(uno::Reference<frame::XFrame>(m_xFrame)));
        Category category = Category::Person;
        if (parseCommand(url, &category) == Command::Toggle)
            event.State <<= isCategoryEnabled(category);
        listener->statusChanged(event);
    }

    static void notify(const uno::Reference<frame::XDispatchResultListener>& listener, bool ok)
    {
        if (!listener.is())
            return;
        try
        {
            frame::DispatchResultEvent event;
            event.State = ok ? frame::DispatchResultState::SUCCESS
                             : frame::DispatchResultState::FAILURE;
            event.Result <<= ok;
            listener->dispatchFinished(event);
        }
        catch (...)
        {
            logException("ProtocolHandler: result listener");
        }
    }

    void doDispatch(const util::URL& url, const uno::Sequence<beans::PropertyValue>& args,
                    const uno::Reference<frame::XDispatchResultListener>& listener)
    {
        Category category = Category::Person;
        const Command command = parseCommand(url, &category);
        uno::Reference<frame::XFrame> frame(m_xFrame);
        uno::Reference<frame::XModel> model = modelOfFrame(frame);
        if (command == Command::None || !isWriterTextDocument(model))
        {
            notify(listener, false);
            return;
        }
        switch (command)
        {
            case Command::Analyze:
                runAnalysis(m_xContext, model, [listener](bool ok) { notify(listener, ok); });
                return;
            case Command::Clear:
                clearHighlights(model);
                notify(listener, true);
                return;
            case Command::ShowFactList:
            {
                const bool shown = showDeck(frame);
                if (!getAnalysis(model))
                    runAnalysis(m_xContext, model,
                                [listener, shown](bool ok) { notify(listener, ok && shown); });
                else
                    notify(listener, shown);
                return;
            }
            case Command::Toggle:
            {
                setCategoryEnabled(category, !isCategoryEnabled(category));
                std::vector<ProtocolHandler*> handlers;
                {
                    std::lock_guard<std::mutex> lock(g_handlersMutex);
                    handlers.assign(g_handlers.begin(), g_handlers.end());
                }
                for (ProtocolHandler* h : handlers)
                    h->broadcastStatus();
                notify(listener, true);
                return;
            }
            case Command::ExportPDF:
            {
                OUString target;
                for (const beans::PropertyValue& p : args)
                    if (p.Name == "URL")
                        p.Value >>= target;
                notify(listener, !target.isEmpty() && exportPdfWithHighlights(model, target));
                return;
            }
            case Command::None:
                break;
        }
        notify(listener, false);
    }

    static bool showDeck(const uno::Reference<frame::XFrame>& frame)
    {
        uno::Reference<frame::XController2> controller(frame->getController(), uno::UNO_QUERY);
        if (!controller.is())
            return false;
        uno::Reference<ui::XSidebarProvider> sidebar = controller->getSidebar();
        if (!sidebar.is())
            return false;
        sidebar->setVisible(true);
        uno::Reference<ui::XDecks> decks = sidebar->getDecks();
        if (!decks.is() || !decks->hasByName("FactLensDeck"))
        {
            logMessage("ShowFactList: the deck FactLensDeck is not registered");
            return false;
        }
        uno::Reference<ui::XDeck> deck(decks->getByName("FactLensDeck"), uno::UNO_QUERY);
        if (!deck.is())
            return false;
        deck->activate(true);
        return true;
    }

    uno::Reference<uno::XComponentContext> m_xContext;
    uno::WeakReference<frame::XFrame> m_xFrame;
    std::mutex m_mutex;
    std::vector<Listener> m_listeners;
};
}

uno::Reference<uno::XInterface>
    SAL_CALL ProtocolHandler_create(const uno::Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new ProtocolHandler(context));
}

OUString ProtocolHandler_getImplementationName() { return OUString("org.factlens.ProtocolHandler"); }

uno::Sequence<OUString> ProtocolHandler_getSupportedServiceNames()
{
    uno::Sequence<OUString> names(1);
    names[0] = "com.sun.star.frame.ProtocolHandler";
    return names;
}
}
