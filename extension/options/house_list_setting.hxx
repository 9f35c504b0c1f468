/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// house_list_setting.hxx — the house list setting (Tools > Options > FactLens >
// House List, options/options_page.hxx) and the Analyzer it gives.
//
// Storage: the house list's text (UTF-8 format of docs/checks.md, "House list") in
// the configuration property /org.factlens.Options/HouseList/Text
// (manifests/FactLensOptions.xcs; the user profile keeps it). Empty = no house list.
//
//   auto analyzer = houseListAnalyzer(readHouseListText(xContext)); // any thread
//
// Threading: all functions may be called from any thread (the configuration is
// thread-safe); houseListAnalyzer() returns a shared, immutable, const Analyzer.
#ifndef INCLUDED_FACTLENS_EXTENSION_OPTIONS_HOUSE_LIST_SETTING_HXX
#define INCLUDED_FACTLENS_EXTENSION_OPTIONS_HOUSE_LIST_SETTING_HXX

#include <memory>
#include <string>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace factlens
{
class Analyzer;
}

namespace factlens::office
{
/// The stored house list text, UTF-8 ("" if none or unreadable).
std::string readHouseListText(const css::uno::Reference<css::uno::XComponentContext>& xContext);

/// Parses `utf8` and stores it if valid. Returns "" on success, else the parser's
/// error ("line N: ..."), and the stored value is left unchanged.
std::string storeHouseListText(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                               const std::string& utf8);

/// An Analyzer using the house list `utf8` (names and [style] rules). An empty or
/// malformed list (logged) gives the default analyzer. The last one is cached.
std::shared_ptr<const factlens::Analyzer> houseListAnalyzer(const std::string& utf8);
}

#endif
