/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

#include "verifiedstore.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/rdf/Literal.hpp>
#include <com/sun/star/rdf/Statement.hpp>
#include <com/sun/star/rdf/URI.hpp>
#include <com/sun/star/rdf/XDocumentMetadataAccess.hpp>
#include <com/sun/star/rdf/XLiteral.hpp>
#include <com/sun/star/rdf/XNamedGraph.hpp>
#include <com/sun/star/rdf/XRepository.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <rtl/ustrbuf.hxx>
#include <rtl/ustring.hxx>

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
const char kTypeUri[] = "http://factlens.org/ns/1#VerifiedFacts";
const char kPredicateUri[] = "http://factlens.org/ns/1#verified";
const char kSubjectUri[] = "urn:factlens:document";
const char kGraphFile[] = "factlens/verified.rdf";
const char kPropertyName[] = "FactLens Verified";

OUString FromUtf8(const std::string& s)
{
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

std::string ToUtf8(const OUString& s)
{
    ::rtl::OString o = ::rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), o.getLength());
}

OUString Ascii(const char* s) { return OUString::createFromAscii(s); }

uno::Reference<rdf::XNamedGraph>
FindGraph(const uno::Reference<uno::XComponentContext>& xContext,
          const uno::Reference<rdf::XDocumentMetadataAccess>& xDMA, bool create)
{
    uno::Reference<rdf::XURI> xType = rdf::URI::create(xContext, Ascii(kTypeUri));
    uno::Sequence<uno::Reference<rdf::XURI>> graphs = xDMA->getMetadataGraphsWithType(xType);
    uno::Reference<rdf::XURI> xName;
    if (graphs.getLength() > 0)
        xName = graphs[0];
    else if (create)
    {
        uno::Sequence<uno::Reference<rdf::XURI>> types(1);
        types[0] = xType;
        xName = xDMA->addMetadataFile(Ascii(kGraphFile), types);
    }
    if (!xName.is())
        return nullptr;
    return xDMA->getRDFRepository()->getGraph(xName);
}

uno::Reference<beans::XPropertyContainer>
UserProperties(const uno::Reference<frame::XModel>& xModel)
{
    uno::Reference<document::XDocumentPropertiesSupplier> xSupplier(xModel, uno::UNO_QUERY);
    if (!xSupplier.is())
        return nullptr;
    uno::Reference<document::XDocumentProperties> xProps = xSupplier->getDocumentProperties();
    return xProps.is() ? xProps->getUserDefinedProperties() : nullptr;
}

void AddLines(const OUString& text, std::set<std::string>& keys)
{
    sal_Int32 index = 0;
    while (index >= 0)
    {
        OUString line = text.getToken(0, '\n', index).trim();
        if (!line.isEmpty())
            keys.insert(ToUtf8(line));
    }
}

void WriteProperty(const uno::Reference<frame::XModel>& xModel,
                   const std::set<std::string>& keys)
{
    uno::Reference<beans::XPropertyContainer> xContainer = UserProperties(xModel);
    uno::Reference<beans::XPropertySet> xSet(xContainer, uno::UNO_QUERY);
    if (!xSet.is())
        return;
    const OUString name = Ascii(kPropertyName);
    const bool exists = xSet->getPropertySetInfo()->hasPropertyByName(name);
    if (keys.empty())
    {
        if (exists)
            xContainer->removeProperty(name);
        return;
    }
    ::rtl::OUStringBuffer value;
    for (const std::string& key : keys)
    {
        if (value.getLength())
            value.append("\n");
        value.append(FromUtf8(key));
    }
    const uno::Any any(value.makeStringAndClear());
    if (exists)
        xSet->setPropertyValue(name, any);
    else
        xContainer->addProperty(name, beans::PropertyAttribute::REMOVABLE, any);
}

} // namespace

std::set<std::string> LoadVerified(const uno::Reference<uno::XComponentContext>& xContext,
                                   const uno::Reference<frame::XModel>& xModel)
{
    std::set<std::string> keys;
    uno::Reference<rdf::XDocumentMetadataAccess> xDMA(xModel, uno::UNO_QUERY);
    if (xDMA.is())
    {
        uno::Reference<rdf::XNamedGraph> xGraph = FindGraph(xContext, xDMA, false);
        if (xGraph.is())
        {
            uno::Reference<rdf::XURI> xPredicate = rdf::URI::create(xContext, Ascii(kPredicateUri));
            uno::Reference<container::XEnumeration> xEnum
                = xGraph->getStatements(nullptr, xPredicate, nullptr);
            while (xEnum.is() && xEnum->hasMoreElements())
            {
                rdf::Statement statement;
                if ((xEnum->nextElement() >>= statement) && statement.Object.is())
                    keys.insert(ToUtf8(statement.Object->getStringValue()));
            }
        }
    }
    uno::Reference<beans::XPropertySet> xSet(UserProperties(xModel), uno::UNO_QUERY);
    if (xSet.is() && xSet->getPropertySetInfo()->hasPropertyByName(Ascii(kPropertyName)))
    {
        OUString value;
        if (xSet->getPropertyValue(Ascii(kPropertyName)) >>= value)
            AddLines(value, keys);
    }
    return keys;
}

void SetVerified(const uno::Reference<uno::XComponentContext>& xContext,
                 const uno::Reference<frame::XModel>& xModel, const std::string& key,
                 bool verified)
{
    if (key.empty())
        return;
    std::set<std::string> keys = LoadVerified(xContext, xModel);
    const bool had = keys.count(key) > 0;
    if (had == verified)
        return;
    if (verified)
        keys.insert(key);
    else
        keys.erase(key);

    uno::Reference<rdf::XDocumentMetadataAccess> xDMA(xModel, uno::UNO_QUERY);
    if (xDMA.is())
    {
        uno::Reference<rdf::XNamedGraph> xGraph = FindGraph(xContext, xDMA, !keys.empty());
        if (xGraph.is())
        {
            uno::Reference<rdf::XURI> xPredicate = rdf::URI::create(xContext, Ascii(kPredicateUri));
            uno::Reference<rdf::XURI> xSubject = rdf::URI::create(xContext, Ascii(kSubjectUri));
            uno::Reference<rdf::XLiteral> xLiteral = rdf::Literal::create(xContext, FromUtf8(key));
            if (verified)
                xGraph->addStatement(uno::Reference<rdf::XResource>(xSubject.get()), xPredicate,
                                     uno::Reference<rdf::XNode>(xLiteral.get()));
            else
                xGraph->removeStatements(nullptr, xPredicate,
                                         uno::Reference<rdf::XNode>(xLiteral.get()));
            if (keys.empty())
                xDMA->removeMetadataFile(xGraph->getName());
        }
    }
    WriteProperty(xModel, keys);

    uno::Reference<util::XModifiable> xModifiable(xModel, uno::UNO_QUERY);
    if (xModifiable.is())
        xModifiable->setModified(true);
}

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
