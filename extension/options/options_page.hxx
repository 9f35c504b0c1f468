/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// options_page.hxx — the options page Tools > Options > FactLens > House List
// (manifests/OptionsDialog.xcu, manifests/dialogs/HouseList.xdl). Its event handler,
// org.factlens.OptionsHandler (css::awt::XContainerWindowEventHandler), fills the
// "HouseList" field on "initialize"/"back" and on "ok" parses it with
// factlens::ParseHouseList: a valid list is stored (options/house_list_setting.hxx);
// a malformed one is NOT stored, its error ("line N: ...") is shown in the page's
// "Status" label and, when the page has a window peer, a message box.
#ifndef INCLUDED_FACTLENS_EXTENSION_OPTIONS_OPTIONS_PAGE_HXX
#define INCLUDED_FACTLENS_EXTENSION_OPTIONS_OPTIONS_PAGE_HXX

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace factlens::office
{
css::uno::Reference<css::uno::XInterface>
    SAL_CALL OptionsHandler_create(const css::uno::Reference<css::uno::XComponentContext>&);
::rtl::OUString OptionsHandler_getImplementationName(); // "org.factlens.OptionsHandler"
css::uno::Sequence<::rtl::OUString> OptionsHandler_getSupportedServiceNames();
}

#endif
