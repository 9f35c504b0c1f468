/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// panelfactory.hxx — the sidebar's UIElementFactory, registered by component.cxx.
//
// org.factlens.PanelFactory creates the FactLens fact-list panel (factpanel.hxx)
// for private:resource/toolpanel/FactLensPanelFactory/FactLensPanel
// (manifests/Sidebar.xcu, manifests/Factories.xcu). createUIElement() needs the
// arguments "Frame" and "ParentWindow" (and uses "Sidebar" when given); it
// never throws: on failure it logs and returns null, which the sidebar skips.
#ifndef INCLUDED_FACTLENS_EXTENSION_SIDEBAR_PANELFACTORY_HXX
#define INCLUDED_FACTLENS_EXTENSION_SIDEBAR_PANELFACTORY_HXX

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace factlens::office
{
css::uno::Reference<css::uno::XInterface>
    SAL_CALL PanelFactory_create(const css::uno::Reference<css::uno::XComponentContext>&);
::rtl::OUString PanelFactory_getImplementationName(); // "org.factlens.PanelFactory"
css::uno::Sequence<::rtl::OUString> PanelFactory_getSupportedServiceNames();
}

#endif
