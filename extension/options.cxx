/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// options.cxx — the house list setting and the options-page event handler
// (see options.hxx).
#include "options.hxx"

#include <mutex>

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/string.hxx>

#include "factlens/analyzer.h"
#include "factlens/checks.h"
#include "common/log.hxx"
#include "common/ustring.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
const char kNodePath[] = "/org.factlens.Options/HouseList";
const char kProperty[] = "Text";

uno::Reference<uno::XInterface> openNode(const uno::Reference<uno::XComponentContext>& ctx,
                                         bool update)
{
    uno::Reference<lang::XMultiServiceFactory> provider
        = configuration::theDefaultProvider::get(ctx);
    beans::NamedValue path(OUString::createFromAscii("nodepath"),
                           uno::Any(OUString::createFromAscii(kNodePath)));
    uno::Sequence<uno::Any> args(1);
    args[0] <<= path;
    return provider->createInstanceWithArguments(
        OUString::createFromAscii(update ? "com.sun.star.configuration.ConfigurationUpdateAccess"
                                         : "com.sun.star.configuration.ConfigurationAccess"),
        args);
}

// The options page: HouseList (multi-line edit) and Status (label).
class OptionsHandler
    : public ::cppu::WeakImplHelper2<awt::XContainerWindowEventHandler, lang::XServiceInfo>
{
public:
    explicit OptionsHandler(const uno::Reference<uno::XComponentContext>& ctx)
        : m_xContext(ctx)
    {
    }

    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XWindow>& xWindow,
                                        const uno::Any& rEvent,
                                        const OUString& rMethod) override
    {
        try
        {
            OUString aEvent;
            if (rMethod != "external_event" || !(rEvent >>= aEvent))
                return false;
            uno::Reference<awt::XControlContainer> xContainer(xWindow, uno::UNO_QUERY);
            if (!xContainer.is())
                return false;
            uno::Reference<beans::XPropertySet> xField = modelOf(xContainer, "HouseList");
            if (!xField.is())
                return false;
            if (aEvent == "initialize" || aEvent == "back")
            {
                xField->setPropertyValue("Text", uno::Any(fromUtf8(readHouseListText(m_xContext))));
                setStatus(xContainer, OUString());
                return true;
            }
            if (aEvent == "ok")
            {
                OUString aText;
                xField->getPropertyValue("Text") >>= aText;
                const std::string error = storeHouseListText(m_xContext, toUtf8(aText));
                if (error.empty())
                {
                    setStatus(xContainer, OUString());
                    return true;
                }
                const OUString aMessage
                    = fromUtf8("The house list was not saved: " + error
                               + ". The previous list stays in use.");
                setStatus(xContainer, aMessage);
                showMessage(xWindow, aMessage);
                return false;
            }
        }
        catch (...)
        {
            logException("options page");
        }
        return false;
    }

    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        uno::Sequence<OUString> names(1);
        names[0] = "external_event";
        return names;
    }

    OUString SAL_CALL getImplementationName() override
    {
        return OptionsHandler_getImplementationName();
    }
    sal_Bool SAL_CALL supportsService(const OUString& rName) override
    {
        return ::cppu::supportsService(this, rName);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return OptionsHandler_getSupportedServiceNames();
    }

private:
    static uno::Reference<beans::XPropertySet>
    modelOf(const uno::Reference<awt::XControlContainer>& xContainer, const char* name)
    {
        uno::Reference<awt::XControl> xControl
            = xContainer->getControl(OUString::createFromAscii(name));
        if (!xControl.is())
            return {};
        return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY);
    }

    static void setStatus(const uno::Reference<awt::XControlContainer>& xContainer,
                          const OUString& rText)
    {
        uno::Reference<beans::XPropertySet> xLabel = modelOf(xContainer, "Status");
        if (xLabel.is())
            xLabel->setPropertyValue("Label", uno::Any(rText));
    }

    // Only with a real window (the Options dialog); a page without a peer
    // (tests) gets the Status label alone.
    void showMessage(const uno::Reference<awt::XWindow>& xWindow, const OUString& rText)
    {
        try
        {
            uno::Reference<awt::XControl> xControl(xWindow, uno::UNO_QUERY);
            uno::Reference<awt::XWindowPeer> xPeer(
                xControl.is() ? xControl->getPeer() : uno::Reference<awt::XWindowPeer>());
            if (!xPeer.is())
                return;
            uno::Reference<awt::XMessageBoxFactory> xFactory(awt::Toolkit::create(m_xContext),
                                                             uno::UNO_QUERY_THROW);
            uno::Reference<awt::XMessageBox> xBox = xFactory->createMessageBox(
                xPeer, awt::MessageBoxType_ERRORBOX, awt::MessageBoxButtons::BUTTONS_OK,
                OUString::createFromAscii("FactLens house list"), rText);
            if (xBox.is())
                xBox->execute();
        }
        catch (...)
        {
            logException("options page message");
        }
    }

    uno::Reference<uno::XComponentContext> m_xContext;
};

std::mutex g_analyzerMutex;
std::string g_analyzerText;
std::shared_ptr<const factlens::Analyzer> g_analyzer;
}

std::string readHouseListText(const uno::Reference<uno::XComponentContext>& ctx)
{
    try
    {
        uno::Reference<container::XNameAccess> xNode(openNode(ctx, false), uno::UNO_QUERY_THROW);
        OUString aText;
        xNode->getByName(OUString::createFromAscii(kProperty)) >>= aText;
        return toUtf8(aText);
    }
    catch (...)
    {
        logException("reading the house list setting");
    }
    return {};
}

std::string storeHouseListText(const uno::Reference<uno::XComponentContext>& ctx,
                               const std::string& utf8)
{
    factlens::HouseList list;
    std::string error;
    if (!factlens::ParseHouseList(utf8, &list, &error))
        return error.empty() ? std::string("malformed house list") : error;
    try
    {
        uno::Reference<uno::XInterface> xNode = openNode(ctx, true);
        uno::Reference<container::XNameReplace> xReplace(xNode, uno::UNO_QUERY_THROW);
        xReplace->replaceByName(OUString::createFromAscii(kProperty), uno::Any(fromUtf8(utf8)));
        uno::Reference<util::XChangesBatch>(xNode, uno::UNO_QUERY_THROW)->commitChanges();
        return {};
    }
    catch (...)
    {
        logException("storing the house list setting");
    }
    return "the setting could not be stored";
}

std::shared_ptr<const factlens::Analyzer> houseListAnalyzer(const std::string& utf8)
{
    std::lock_guard<std::mutex> lock(g_analyzerMutex);
    if (g_analyzer && g_analyzerText == utf8)
        return g_analyzer;
    factlens::AnalyzerOptions options;
    factlens::HouseList list;
    std::string error;
    if (!utf8.empty())
    {
        if (factlens::ParseHouseList(utf8, &list, &error))
        {
            options.house_names = list.names;
            options.number_style = list.style.number_style;
            options.house_style = list.style;
        }
        else
            logMessage(("house list setting ignored: " + error).c_str());
    }
    g_analyzer = std::make_shared<const factlens::Analyzer>(std::move(options));
    g_analyzerText = utf8;
    return g_analyzer;
}

uno::Reference<uno::XInterface>
    SAL_CALL OptionsHandler_create(const uno::Reference<uno::XComponentContext>& ctx)
{
    return static_cast<::cppu::OWeakObject*>(new OptionsHandler(ctx));
}

OUString OptionsHandler_getImplementationName()
{
    return OUString::createFromAscii("org.factlens.OptionsHandler");
}

uno::Sequence<OUString> OptionsHandler_getSupportedServiceNames()
{
    uno::Sequence<OUString> names(1);
    names[0] = OptionsHandler_getImplementationName();
    return names;
}
}
