/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "dispatch.hxx"

#include <algorithm>
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

#include "comments/send_to_reporter.hxx"
#include "common/log.hxx"
#include "session.hxx"
#include "session/main_thread.hxx"
#include "session/sources.hxx"

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
    ExportPDF,
    AddSource,
    RemoveSource,
    SendToReporter
};

// "org.factlens:Toggle?Category=person" → Toggle and *pCategory = Person.
Command parseCommand(const util::URL& rURL, Category* pCategory)
{
    if (!rURL.Complete.startsWith(kProtocol))
        return Command::None;
    const OUString aPath = rURL.Complete.copy(sizeof(kProtocol) - 1);
    if (aPath == "Analyze")
        return Command::Analyze;
    if (aPath == "Clear")
        return Command::Clear;
    if (aPath == "ShowFactList")
        return Command::ShowFactList;
    if (aPath == "ExportPDF")
        return Command::ExportPDF;
    if (aPath == "AddSource")
        return Command::AddSource;
    if (aPath == "RemoveSource")
        return Command::RemoveSource;
    if (aPath == "SendToReporter")
        return Command::SendToReporter;
    if (!aPath.startsWith("Toggle?Category="))
        return Command::None;
    const OUString aId = aPath.copy(16);
    for (int i = 0; i < kCategoryCount; ++i)
    {
        if (!aId.equalsAscii(categoryId(static_cast<Category>(i))))
            continue;
        if (pCategory)
            *pCategory = static_cast<Category>(i);
        return Command::Toggle;
    }
    return Command::None;
}

bool isWriterTextDocument(const uno::Reference<frame::XModel>& xModel)
{
    uno::Reference<lang::XServiceInfo> xInfo(xModel, uno::UNO_QUERY);
    return xInfo.is() && xInfo->supportsService("com.sun.star.text.TextDocument")
           && !xInfo->supportsService("com.sun.star.text.WebDocument");
}

uno::Reference<frame::XModel> modelOfFrame(const uno::Reference<frame::XFrame>& xFrame)
{
    if (!xFrame.is())
        return {};
    uno::Reference<frame::XController> xController = xFrame->getController();
    return xController.is() ? xController->getModel() : uno::Reference<frame::XModel>();
}

void notifyResult(const uno::Reference<frame::XDispatchResultListener>& xListener, bool bOk)
{
    if (!xListener.is())
        return;
    try
    {
        frame::DispatchResultEvent aEvent;
        aEvent.State
            = bOk ? frame::DispatchResultState::SUCCESS : frame::DispatchResultState::FAILURE;
        aEvent.Result <<= bOk;
        xListener->dispatchFinished(aEvent);
    }
    catch (...)
    {
        logException("ProtocolHandler: result listener");
    }
}

// Opens the FactLens deck (XDeck::activate: the .uno:SidebarDeck command would toggle).
bool showDeck(const uno::Reference<frame::XFrame>& xFrame)
{
    uno::Reference<frame::XController2> xController(xFrame->getController(), uno::UNO_QUERY);
    if (!xController.is())
        return false;
    uno::Reference<ui::XSidebarProvider> xSidebar = xController->getSidebar();
    if (!xSidebar.is())
        return false;
    xSidebar->setVisible(true);
    uno::Reference<ui::XDecks> xDecks = xSidebar->getDecks();
    if (!xDecks.is() || !xDecks->hasByName("FactLensDeck"))
    {
        logMessage("ShowFactList: the deck FactLensDeck is not registered");
        return false;
    }
    uno::Reference<ui::XDeck> xDeck(xDecks->getByName("FactLensDeck"), uno::UNO_QUERY);
    if (!xDeck.is())
        return false;
    xDeck->activate(true);
    return true;
}

class ProtocolHandler
    : public ::cppu::WeakImplHelper4<frame::XDispatchProvider, frame::XNotifyingDispatch,
                                     lang::XInitialization, lang::XServiceInfo>
{
public:
    explicit ProtocolHandler(const uno::Reference<uno::XComponentContext>& xContext)
        : m_xContext(xContext)
    {
        std::lock_guard<std::mutex> aLock(instancesMutex());
        instances().insert(this);
    }
    ~ProtocolHandler() override
    {
        std::lock_guard<std::mutex> aLock(instancesMutex());
        instances().erase(this);
    }

    // XInitialization: the frame we serve.
    void SAL_CALL initialize(const uno::Sequence<uno::Any>& rArgs) override
    {
        try
        {
            for (const uno::Any& rArg : rArgs)
            {
                uno::Reference<frame::XFrame> xFrame(rArg, uno::UNO_QUERY);
                if (xFrame.is())
                    m_xFrame = xFrame;
            }
        }
        catch (...)
        {
            logException("ProtocolHandler::initialize");
        }
    }

    // XDispatchProvider
    uno::Reference<frame::XDispatch> SAL_CALL queryDispatch(const util::URL& rURL,
                                                            const OUString&, sal_Int32) override
    {
        try
        {
            if (parseCommand(rURL, nullptr) == Command::None)
                return {};
            uno::Reference<frame::XFrame> xFrame(m_xFrame);
            if (!isWriterTextDocument(modelOfFrame(xFrame)))
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
    queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& rRequests) override
    {
        uno::Sequence<uno::Reference<frame::XDispatch>> aResult(rRequests.getLength());
        for (sal_Int32 i = 0; i < rRequests.getLength(); ++i)
            aResult[i] = queryDispatch(rRequests[i].FeatureURL, rRequests[i].FrameName,
                                       rRequests[i].SearchFlags);
        return aResult;
    }

    // XDispatch
    void SAL_CALL dispatch(const util::URL& rURL,
                           const uno::Sequence<beans::PropertyValue>& rArgs) override
    {
        dispatchWithNotification(rURL, rArgs, {});
    }

    void SAL_CALL
    dispatchWithNotification(const util::URL& rURL,
                             const uno::Sequence<beans::PropertyValue>& rArgs,
                             const uno::Reference<frame::XDispatchResultListener>& xListener)
        override
    {
        try
        {
            doDispatch(rURL, rArgs, xListener);
        }
        catch (...)
        {
            logException("ProtocolHandler::dispatch");
            notifyResult(xListener, false);
        }
    }

    void SAL_CALL addStatusListener(const uno::Reference<frame::XStatusListener>& xListener,
                                    const util::URL& rURL) override
    {
        try
        {
            if (!xListener.is())
                return;
            {
                std::lock_guard<std::mutex> aLock(m_aMutex);
                m_aListeners.push_back({ xListener, rURL });
            }
            sendStatus(xListener, rURL);
        }
        catch (...)
        {
            logException("ProtocolHandler::addStatusListener");
        }
    }

    void SAL_CALL removeStatusListener(const uno::Reference<frame::XStatusListener>& xListener,
                                       const util::URL& rURL) override
    {
        try
        {
            std::lock_guard<std::mutex> aLock(m_aMutex);
            auto it = std::find_if(
                m_aListeners.begin(), m_aListeners.end(), [&](const Listener& l) {
                    return l.xListener == xListener && l.aURL.Complete == rURL.Complete;
                });
            if (it != m_aListeners.end())
                m_aListeners.erase(it);
        }
        catch (...)
        {
            logException("ProtocolHandler::removeStatusListener");
        }
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override
    {
        return ProtocolHandler_getImplementationName();
    }
    sal_Bool SAL_CALL supportsService(const OUString& rName) override
    {
        return cppu::supportsService(this, rName);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return ProtocolHandler_getSupportedServiceNames();
    }

private:
    struct Listener
    {
        uno::Reference<frame::XStatusListener> xListener;
        util::URL aURL;
    };

    // Every live handler (one per frame), for the status updates after a toggle.
    static std::set<ProtocolHandler*>& instances()
    {
        static std::set<ProtocolHandler*> aInstances;
        return aInstances;
    }
    static std::mutex& instancesMutex()
    {
        static std::mutex aMutex;
        return aMutex;
    }

    void broadcastStatus()
    {
        std::vector<Listener> aCopy;
        {
            std::lock_guard<std::mutex> aLock(m_aMutex);
            aCopy = m_aListeners;
        }
        for (const Listener& l : aCopy)
        {
            try
            {
                sendStatus(l.xListener, l.aURL);
            }
            catch (...)
            {
                // a listener that went away: ignore
            }
        }
    }

    void sendStatus(const uno::Reference<frame::XStatusListener>& xListener, const util::URL& rURL)
    {
        frame::FeatureStateEvent aEvent;
        aEvent.FeatureURL = rURL;
        aEvent.Source = static_cast<cppu::OWeakObject*>(this);
        aEvent.IsEnabled
            = isWriterTextDocument(modelOfFrame(uno::Reference<frame::XFrame>(m_xFrame)));
        Category category = Category::Person;
        if (parseCommand(rURL, &category) == Command::Toggle)
            aEvent.State <<= isCategoryEnabled(category);
        xListener->statusChanged(aEvent);
    }

    void doDispatch(const util::URL& rURL, const uno::Sequence<beans::PropertyValue>& rArgs,
                    const uno::Reference<frame::XDispatchResultListener>& xListener)
    {
        Category category = Category::Person;
        const Command command = parseCommand(rURL, &category);
        uno::Reference<frame::XFrame> xFrame(m_xFrame);
        uno::Reference<frame::XModel> xModel = modelOfFrame(xFrame);
        if (command == Command::None || !isWriterTextDocument(xModel))
        {
            notifyResult(xListener, false);
            return;
        }
        switch (command)
        {
            case Command::Analyze:
                runAnalysis(m_xContext, xModel,
                            [xListener](bool bOk) { notifyResult(xListener, bOk); });
                return;
            case Command::Clear:
                clearHighlights(xModel, [xListener](bool bOk) { notifyResult(xListener, bOk); });
                return;
            case Command::ShowFactList:
                showFactList(xFrame, xModel, xListener);
                return;
            case Command::Toggle:
                toggleCategory(category);
                notifyResult(xListener, true);
                return;
            case Command::ExportPDF:
                notifyResult(xListener, exportPdf(xModel, rArgs));
                return;
            case Command::AddSource:
            case Command::RemoveSource:
                changeSources(command, xModel, urlArgument(rArgs), xListener);
                return;
            case Command::SendToReporter:
                sendToReporter(xModel, xListener);
                return;
            case Command::None:
                break;
        }
        notifyResult(xListener, false);
    }

    // Opens the deck; analyses first when there is no analysis yet.
    void showFactList(const uno::Reference<frame::XFrame>& xFrame,
                      const uno::Reference<frame::XModel>& xModel,
                      const uno::Reference<frame::XDispatchResultListener>& xListener)
    {
        const bool bShown = showDeck(xFrame);
        if (!getAnalysis(xModel))
            runAnalysis(m_xContext, xModel,
                        [xListener, bShown](bool bOk) { notifyResult(xListener, bOk && bShown); });
        else
            notifyResult(xListener, bShown);
    }

    // The open checks as comments; analyses first when there is no analysis yet. When
    // comments went in, a re-run reads their paragraphs anew (an anchor is a cursor step
    // without text: the offset maps after it moved), so clicks in the sidebar still
    // select the right characters; the text is unchanged, so the analysis is reused.
    void sendToReporter(const uno::Reference<frame::XModel>& xModel,
                        const uno::Reference<frame::XDispatchResultListener>& xListener)
    {
        uno::Reference<uno::XComponentContext> xContext(m_xContext);
        auto send = [xContext, xModel, xListener] {
            const int nAdded = sendChecksAsComments(xContext, xModel);
            if (nAdded > 0)
                runAnalysis(xContext, xModel, [xListener](bool bOk) { notifyResult(xListener, bOk); });
            else
                notifyResult(xListener, nAdded >= 0);
        };
        if (getAnalysis(xModel))
        {
            send();
            return;
        }
        runAnalysis(m_xContext, xModel, [send, xListener](bool bOk) {
            if (bOk)
                send();
            else
                notifyResult(xListener, false);
        });
    }

    // Switches the category and updates the check marks of every frame's menu.
    static void toggleCategory(Category category)
    {
        setCategoryEnabled(category, !isCategoryEnabled(category));
        std::vector<ProtocolHandler*> aHandlers;
        {
            std::lock_guard<std::mutex> aLock(instancesMutex());
            aHandlers.assign(instances().begin(), instances().end());
        }
        for (ProtocolHandler* pHandler : aHandlers)
            pHandler->broadcastStatus();
    }

    // Add / remove a source (argument URL) on the main thread; the result is
    // whether it was added (refused: missing, binary, too large ...) / removed.
    void changeSources(Command command, const uno::Reference<frame::XModel>& xModel,
                       const OUString& rUrl,
                       const uno::Reference<frame::XDispatchResultListener>& xListener)
    {
        uno::Reference<uno::XComponentContext> xContext = m_xContext;
        const bool bPosted = postToMain(xContext, [=] {
            bool bOk = false;
            try
            {
                OUString aMessage;
                bOk = command == Command::AddSource ? addSource(xContext, xModel, rUrl, aMessage)
                                                    : removeSource(xContext, xModel, rUrl);
            }
            catch (...)
            {
                logException("ProtocolHandler: sources");
            }
            notifyResult(xListener, bOk);
        });
        if (!bPosted)
            notifyResult(xListener, false);
    }

    static OUString urlArgument(const uno::Sequence<beans::PropertyValue>& rArgs)
    {
        OUString aUrl;
        for (const beans::PropertyValue& rArg : rArgs)
            if (rArg.Name == "URL")
                rArg.Value >>= aUrl;
        return aUrl;
    }

    // The PDF goes to the "URL" argument.
    static bool exportPdf(const uno::Reference<frame::XModel>& xModel,
                          const uno::Sequence<beans::PropertyValue>& rArgs)
    {
        const OUString aTarget = urlArgument(rArgs);
        return !aTarget.isEmpty() && exportPdfWithHighlights(xModel, aTarget);
    }

    uno::Reference<uno::XComponentContext> m_xContext;
    uno::WeakReference<frame::XFrame> m_xFrame;
    std::mutex m_aMutex;
    std::vector<Listener> m_aListeners;
};
}

uno::Reference<uno::XInterface>
    SAL_CALL ProtocolHandler_create(const uno::Reference<uno::XComponentContext>& xContext)
{
    return static_cast<cppu::OWeakObject*>(new ProtocolHandler(xContext));
}

OUString ProtocolHandler_getImplementationName()
{
    return OUString("org.factlens.ProtocolHandler");
}

uno::Sequence<OUString> ProtocolHandler_getSupportedServiceNames()
{
    uno::Sequence<OUString> aNames(1);
    aNames[0] = "com.sun.star.frame.ProtocolHandler";
    return aNames;
}
}
