/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// options.hxx — the house list setting and its options page.
//
// Storage: the house list's text (UTF-8 format of docs/checks.md, "House list") in
// the configuration property /org.factlens.Options/HouseList/Text
// (manifests/FactLensOptions.xcs; the user profile keeps it). Empty = no house list.
//
// Options page: Tools > Options > FactLens > House List (manifests/OptionsDialog.xcu,
// manifests/dialogs/HouseList.xdl). Its event handler, org.factlens.OptionsHandler
// (css::awt::XContainerWindowEventHandler), fills the "HouseList" field on
// "initialize"/"back" and on "ok" parses it with factlens::ParseHouseList: a valid
// list is stored; a malformed one is NOT stored, its error ("line N: ...") is shown
// in the page's "Status" label and, when the page has a window peer, a message box.
//
//   auto analyzer = houseListAnalyzer(readHouseListText(ctx)); // any thread
//
// Threading: all functions may be called from any thread (the configuration is
// thread-safe); houseListAnalyzer() returns a shared, immutable, const Analyzer.
#ifndef INCLUDED_FACTLENS_EXTENSION_OPTIONS_HXX
#define INCLUDED_FACTLENS_EXTENSION_OPTIONS_HXX

#include <memory>
#include <string>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace factlens
{
class Analyzer;
}

namespace factlens::office
{
/// The stored house list text, UTF-8 ("" if none or unreadable).
std::string readHouseListText(const css::uno::Reference<css::uno::XComponentContext>& ctx);

/// Parses `utf8` and stores it if valid. Returns "" on success, else the parser's
/// error ("line N: ..."), and the stored value is left unchanged.
std::string storeHouseListText(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                               const std::string& utf8);

/// An Analyzer using the house list `utf8` (names and [style] rules). An empty or
/// malformed list (logged) gives the default analyzer. The last one is cached.
std::shared_ptr<const factlens::Analyzer> houseListAnalyzer(const std::string& utf8);

css::uno::Reference<css::uno::XInterface>
    SAL_CALL OptionsHandler_create(const css::uno::Reference<css::uno::XComponentContext>&);
::rtl::OUString OptionsHandler_getImplementationName(); // "org.factlens.OptionsHandler"
css::uno::Sequence<::rtl::OUString> OptionsHandler_getSupportedServiceNames();
}

#endif
