/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "options/options_page.hxx"

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
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include "common/log.hxx"
#include "common/ustring.hxx"
#include "options/house_list_setting.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
// The options page: HouseList (multi-line edit) and Status (label).
class OptionsHandler
    : public ::cppu::WeakImplHelper2<awt::XContainerWindowEventHandler, lang::XServiceInfo>
{
public:
    explicit OptionsHandler(const uno::Reference<uno::XComponentContext>& xContext)
        : m_xContext(xContext)
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
                return showStored(xContainer, xField);
            if (aEvent == "ok")
                return storeEntered(xWindow, xContainer, xField);
        }
        catch (...)
        {
            logException("options page");
        }
        return false;
    }

    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        uno::Sequence<OUString> aNames(1);
        aNames[0] = "external_event";
        return aNames;
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
    modelOf(const uno::Reference<awt::XControlContainer>& xContainer, const char* pName)
    {
        uno::Reference<awt::XControl> xControl
            = xContainer->getControl(OUString::createFromAscii(pName));
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

    // "initialize", "back": the field shows the stored list.
    bool showStored(const uno::Reference<awt::XControlContainer>& xContainer,
                    const uno::Reference<beans::XPropertySet>& xField)
    {
        xField->setPropertyValue("Text", uno::Any(fromUtf8(readHouseListText(m_xContext))));
        setStatus(xContainer, OUString());
        return true;
    }

    // "ok": the entered list is stored if valid; else the error is shown.
    bool storeEntered(const uno::Reference<awt::XWindow>& xWindow,
                      const uno::Reference<awt::XControlContainer>& xContainer,
                      const uno::Reference<beans::XPropertySet>& xField)
    {
        OUString aText;
        xField->getPropertyValue("Text") >>= aText;
        const std::string error = storeHouseListText(m_xContext, toUtf8(aText));
        if (error.empty())
        {
            setStatus(xContainer, OUString());
            return true;
        }
        const OUString aMessage = fromUtf8("The house list was not saved: " + error
                                           + ". The previous list stays in use.");
        setStatus(xContainer, aMessage);
        showMessage(xWindow, aMessage);
        return false;
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
}

uno::Reference<uno::XInterface>
    SAL_CALL OptionsHandler_create(const uno::Reference<uno::XComponentContext>& xContext)
{
    return static_cast<::cppu::OWeakObject*>(new OptionsHandler(xContext));
}

OUString OptionsHandler_getImplementationName()
{
    return OUString::createFromAscii("org.factlens.OptionsHandler");
}

uno::Sequence<OUString> OptionsHandler_getSupportedServiceNames()
{
    uno::Sequence<OUString> aNames(1);
    aNames[0] = OptionsHandler_getImplementationName();
    return aNames;
}
}
