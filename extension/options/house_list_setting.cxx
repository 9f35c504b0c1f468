/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "options/house_list_setting.hxx"

#include <mutex>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include "common/log.hxx"
#include "common/ustring.hxx"
#include "factlens/analyzer.h"
#include "factlens/checks.h"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
const char kNodePath[] = "/org.factlens.Options/HouseList";
const char kProperty[] = "Text";

uno::Reference<uno::XInterface> openNode(const uno::Reference<uno::XComponentContext>& xContext,
                                         bool bUpdate)
{
    uno::Reference<lang::XMultiServiceFactory> xProvider
        = configuration::theDefaultProvider::get(xContext);
    beans::NamedValue aPath(OUString::createFromAscii("nodepath"),
                            uno::Any(OUString::createFromAscii(kNodePath)));
    uno::Sequence<uno::Any> aArgs(1);
    aArgs[0] <<= aPath;
    return xProvider->createInstanceWithArguments(
        OUString::createFromAscii(bUpdate ? "com.sun.star.configuration.ConfigurationUpdateAccess"
                                          : "com.sun.star.configuration.ConfigurationAccess"),
        aArgs);
}

factlens::AnalyzerOptions analyzerOptions(const std::string& utf8)
{
    factlens::AnalyzerOptions options;
    factlens::HouseList list;
    std::string error;
    if (utf8.empty())
        return options;
    if (factlens::ParseHouseList(utf8, &list, &error))
    {
        options.house_names = list.names;
        options.number_style = list.style.number_style;
        options.house_style = list.style;
    }
    else
        logMessage(("house list setting ignored: " + error).c_str());
    return options;
}

// The Analyzer of the last house list text asked for (building one loads the models:
// a run reuses it while the setting stays the same).
class AnalyzerCache
{
public:
    std::shared_ptr<const factlens::Analyzer> get(const std::string& utf8)
    {
        std::lock_guard<std::mutex> aLock(m_aMutex);
        if (m_pAnalyzer && m_aText == utf8)
            return m_pAnalyzer;
        m_pAnalyzer = std::make_shared<const factlens::Analyzer>(analyzerOptions(utf8));
        m_aText = utf8;
        return m_pAnalyzer;
    }

private:
    std::mutex m_aMutex;
    std::string m_aText;
    std::shared_ptr<const factlens::Analyzer> m_pAnalyzer;
};
}

std::string readHouseListText(const uno::Reference<uno::XComponentContext>& xContext)
{
    try
    {
        uno::Reference<container::XNameAccess> xNode(openNode(xContext, false),
                                                     uno::UNO_QUERY_THROW);
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

std::string storeHouseListText(const uno::Reference<uno::XComponentContext>& xContext,
                               const std::string& utf8)
{
    factlens::HouseList list;
    std::string error;
    if (!factlens::ParseHouseList(utf8, &list, &error))
        return error.empty() ? std::string("malformed house list") : error;
    try
    {
        uno::Reference<uno::XInterface> xNode = openNode(xContext, true);
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
    static AnalyzerCache aCache;
    return aCache.get(utf8);
}
}
