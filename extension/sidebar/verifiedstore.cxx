/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

#include "verifiedstore.hxx"
#include "common/props.hxx"

#include "common/ustring.hxx"

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


OUString ascii(const char* s) { return OUString::createFromAscii(s); }

uno::Reference<rdf::XNamedGraph>
findGraph(const uno::Reference<uno::XComponentContext>& xContext,
          const uno::Reference<rdf::XDocumentMetadataAccess>& xDMA, bool bCreate)
{
    uno::Reference<rdf::XURI> xType = rdf::URI::create(xContext, ascii(kTypeUri));
    uno::Sequence<uno::Reference<rdf::XURI>> aGraphs = xDMA->getMetadataGraphsWithType(xType);
    uno::Reference<rdf::XURI> xName;
    if (aGraphs.getLength() > 0)
        xName = aGraphs[0];
    else if (bCreate)
    {
        uno::Sequence<uno::Reference<rdf::XURI>> aTypes(1);
        aTypes[0] = xType;
        xName = xDMA->addMetadataFile(ascii(kGraphFile), aTypes);
    }
    if (!xName.is())
        return nullptr;
    return xDMA->getRDFRepository()->getGraph(xName);
}

void addLines(const OUString& rText, std::set<std::string>& rKeys)
{
    sal_Int32 nIndex = 0;
    while (nIndex >= 0)
    {
        OUString aLine = rText.getToken(0, '\n', nIndex).trim();
        if (!aLine.isEmpty())
            rKeys.insert(toUtf8(aLine));
    }
}

void writeProperty(const uno::Reference<frame::XModel>& xModel,
                   const std::set<std::string>& rKeys)
{
    uno::Reference<beans::XPropertyContainer> xContainer = userProperties(xModel);
    uno::Reference<beans::XPropertySet> xSet(xContainer, uno::UNO_QUERY);
    if (!xSet.is())
        return;
    const OUString aName = ascii(kPropertyName);
    const bool bExists = xSet->getPropertySetInfo()->hasPropertyByName(aName);
    if (rKeys.empty())
    {
        if (bExists)
            xContainer->removeProperty(aName);
        return;
    }
    ::rtl::OUStringBuffer aValue;
    for (const std::string& rKey : rKeys)
    {
        if (aValue.getLength())
            aValue.append("\n");
        aValue.append(fromUtf8(rKey));
    }
    const uno::Any aAny(aValue.makeStringAndClear());
    if (bExists)
        xSet->setPropertyValue(aName, aAny);
    else
        xContainer->addProperty(aName, beans::PropertyAttribute::REMOVABLE, aAny);
}

// The keys in the RDF graph (ODF), added to rKeys.
void readGraph(const uno::Reference<uno::XComponentContext>& xContext,
               const uno::Reference<frame::XModel>& xModel, std::set<std::string>& rKeys)
{
    uno::Reference<rdf::XDocumentMetadataAccess> xDMA(xModel, uno::UNO_QUERY);
    if (!xDMA.is())
        return;
    uno::Reference<rdf::XNamedGraph> xGraph = findGraph(xContext, xDMA, false);
    if (!xGraph.is())
        return;
    uno::Reference<rdf::XURI> xPredicate = rdf::URI::create(xContext, ascii(kPredicateUri));
    uno::Reference<container::XEnumeration> xEnum
        = xGraph->getStatements(nullptr, xPredicate, nullptr);
    while (xEnum.is() && xEnum->hasMoreElements())
    {
        rdf::Statement aStatement;
        if ((xEnum->nextElement() >>= aStatement) && aStatement.Object.is())
            rKeys.insert(toUtf8(aStatement.Object->getStringValue()));
    }
}

// Adds or removes the statement of rKey; removes the graph when no key is left.
void writeGraph(const uno::Reference<uno::XComponentContext>& xContext,
                const uno::Reference<frame::XModel>& xModel, const std::string& rKey,
                bool bVerified, bool bLastRemoved)
{
    uno::Reference<rdf::XDocumentMetadataAccess> xDMA(xModel, uno::UNO_QUERY);
    if (!xDMA.is())
        return;
    uno::Reference<rdf::XNamedGraph> xGraph = findGraph(xContext, xDMA, !bLastRemoved);
    if (!xGraph.is())
        return;
    uno::Reference<rdf::XURI> xPredicate = rdf::URI::create(xContext, ascii(kPredicateUri));
    uno::Reference<rdf::XURI> xSubject = rdf::URI::create(xContext, ascii(kSubjectUri));
    uno::Reference<rdf::XLiteral> xLiteral = rdf::Literal::create(xContext, fromUtf8(rKey));
    if (bVerified)
        xGraph->addStatement(uno::Reference<rdf::XResource>(xSubject.get()), xPredicate,
                             uno::Reference<rdf::XNode>(xLiteral.get()));
    else
        xGraph->removeStatements(nullptr, xPredicate,
                                 uno::Reference<rdf::XNode>(xLiteral.get()));
    if (bLastRemoved)
        xDMA->removeMetadataFile(xGraph->getName());
}

} // namespace

std::set<std::string> loadVerified(const uno::Reference<uno::XComponentContext>& xContext,
                                   const uno::Reference<frame::XModel>& xModel)
{
    std::set<std::string> aKeys;
    readGraph(xContext, xModel, aKeys);
    uno::Reference<beans::XPropertySet> xSet(userProperties(xModel), uno::UNO_QUERY);
    if (xSet.is() && xSet->getPropertySetInfo()->hasPropertyByName(ascii(kPropertyName)))
    {
        OUString aValue;
        if (xSet->getPropertyValue(ascii(kPropertyName)) >>= aValue)
            addLines(aValue, aKeys);
    }
    return aKeys;
}

void setVerified(const uno::Reference<uno::XComponentContext>& xContext,
                 const uno::Reference<frame::XModel>& xModel, const std::string& rKey,
                 bool bVerified)
{
    if (rKey.empty())
        return;
    std::set<std::string> aKeys = loadVerified(xContext, xModel);
    const bool bHad = aKeys.count(rKey) > 0;
    if (bHad == bVerified)
        return;
    if (bVerified)
        aKeys.insert(rKey);
    else
        aKeys.erase(rKey);
    writeGraph(xContext, xModel, rKey, bVerified, aKeys.empty());
    writeProperty(xModel, aKeys);

    uno::Reference<util::XModifiable> xModifiable(xModel, uno::UNO_QUERY);
    if (xModifiable.is())
        xModifiable->setModified(true);
}

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
