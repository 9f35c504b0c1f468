/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

#include "sidebar/panelfactory.hxx"

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <rtl/ref.hxx>

#include "common/log.hxx"
#include "sidebar/factpanel.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
class PanelFactory : public cppu::WeakImplHelper2<ui::XUIElementFactory, lang::XServiceInfo>
{
public:
    explicit PanelFactory(const uno::Reference<uno::XComponentContext>& xContext)
        : m_xContext(xContext)
    {
    }

    // XUIElementFactory
    uno::Reference<ui::XUIElement> SAL_CALL
    createUIElement(const OUString& rResourceURL,
                    const uno::Sequence<beans::PropertyValue>& rArguments) override
    {
        try
        {
            uno::Reference<frame::XFrame> xFrame;
            uno::Reference<awt::XWindow> xParentWindow;
            uno::Reference<ui::XSidebar> xSidebar;
            for (const beans::PropertyValue& rArg : rArguments)
            {
                if (rArg.Name == "Frame")
                    rArg.Value >>= xFrame;
                else if (rArg.Name == "ParentWindow")
                    rArg.Value >>= xParentWindow;
                else if (rArg.Name == "Sidebar")
                    rArg.Value >>= xSidebar;
            }
            if (!xFrame.is() || !xParentWindow.is())
            {
                logMessage("FactLens sidebar: createUIElement without Frame or ParentWindow");
                return nullptr;
            }
            if (!rResourceURL.endsWith("/FactLensPanel"))
            {
                logMessage("FactLens sidebar: unknown panel resource URL");
                return nullptr;
            }
            rtl::Reference<FactPanel> xPanel
                = new FactPanel(m_xContext, xFrame, xParentWindow, xSidebar, rResourceURL);
            try
            {
                xPanel->initialize();
            }
            catch (...)
            {
                logException("FactLens sidebar: building the panel");
                xPanel->dispose();
                return nullptr;
            }
            return uno::Reference<ui::XUIElement>(xPanel.get());
        }
        catch (...)
        {
            logException("FactLens sidebar: createUIElement");
        }
        return nullptr;
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override
    {
        return PanelFactory_getImplementationName();
    }
    sal_Bool SAL_CALL supportsService(const OUString& rName) override
    {
        const uno::Sequence<OUString> aNames = PanelFactory_getSupportedServiceNames();
        for (const OUString& rService : aNames)
            if (rService == rName)
                return true;
        return false;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return PanelFactory_getSupportedServiceNames();
    }

private:
    uno::Reference<uno::XComponentContext> m_xContext;
};
} // namespace

uno::Reference<uno::XInterface>
    SAL_CALL PanelFactory_create(const uno::Reference<uno::XComponentContext>& xContext)
{
    try
    {
        return static_cast<cppu::OWeakObject*>(new PanelFactory(xContext));
    }
    catch (...)
    {
        logException("FactLens sidebar: PanelFactory_create");
    }
    return nullptr;
}

OUString PanelFactory_getImplementationName() { return OUString("org.factlens.PanelFactory"); }

uno::Sequence<OUString> PanelFactory_getSupportedServiceNames()
{
    uno::Sequence<OUString> aNames(1);
    aNames[0] = "com.sun.star.ui.UIElementFactory";
    return aNames;
}

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
