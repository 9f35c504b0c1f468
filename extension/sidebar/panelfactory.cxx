/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// Placeholder so that the office helper's build links on its own: the sidebar
// helper replaces this file with the real panel factory. It creates nothing and
// Sidebar.xcu / Factories.xcu do not reference it yet.
#include "sidebar/panelfactory.hxx"

namespace factlens::office
{
css::uno::Reference<css::uno::XInterface>
    SAL_CALL PanelFactory_create(const css::uno::Reference<css::uno::XComponentContext>&)
{
    return css::uno::Reference<css::uno::XInterface>();
}

::rtl::OUString PanelFactory_getImplementationName()
{
    return ::rtl::OUString("org.factlens.PanelFactory");
}

css::uno::Sequence<::rtl::OUString> PanelFactory_getSupportedServiceNames()
{
    css::uno::Sequence<::rtl::OUString> names(1);
    names[0] = "com.sun.star.ui.UIElementFactory";
    return names;
}
}
