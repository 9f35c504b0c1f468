/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

// verifiedstore.hxx — the sidebar's "Verified" marks, stored inside the document.
//
// Usage (main thread only; the document is a UNO object):
//   std::set<std::string> keys = factlens::office::loadVerified(xContext, xModel);
//   factlens::office::setVerified(xContext, xModel, "entity:PERSON:lee jae-myung#0", true);
//
// Keys are the fact keys of factlens/factlist.h (kind, normalised text, occurrence):
// they do not depend on offsets, so a mark finds its fact again after edits
// and re-analysis.
//
// Storage, both written on every change and read as a union:
//  - ODF: an RDF graph of type http://factlens.org/ns/1#VerifiedFacts in the
//    package file factlens/verified.rdf (XDocumentMetadataAccess), one
//    statement <urn:factlens:document> <http://factlens.org/ns/1#verified> "key"
//    per verified fact. Survives save, close and reopen (ODT).
//  - Every format: the user-defined document property "FactLens Verified"
//    (keys separated by newlines), because DOCX does not keep RDF metadata
//    (measured with LibreOffice 7.4: the graph is gone after a DOCX round trip,
//    the property survives as docProps/custom.xml). It is visible to the user
//    in File ▸ Properties ▸ Custom Properties.
// Nothing is written until the user toggles a mark; when the last mark is
// removed, the property and the graph are removed too. A change sets the
// document's modified flag (it is the user's data).
//
// Errors: functions throw UNO exceptions; callers (UNO entry points) catch.
#pragma once

#include <set>
#include <string>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace factlens::office
{
std::set<std::string>
loadVerified(const css::uno::Reference<css::uno::XComponentContext>& xContext,
             const css::uno::Reference<css::frame::XModel>& xModel);

void setVerified(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                 const css::uno::Reference<css::frame::XModel>& xModel, const std::string& rKey,
                 bool bVerified);

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
