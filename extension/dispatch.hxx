/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// dispatch.hxx — the protocol handler for the "org.factlens:" commands.
//
//   org.factlens:Analyze              Analyze draft (asynchronous; with
//                                     dispatchWithNotification the listener hears
//                                     SUCCESS once the highlights are applied)
//   org.factlens:Clear                Clear highlights
//   org.factlens:ShowFactList         opens the sidebar deck "FactLensDeck"
//                                     (analyses first when there is no analysis)
//   org.factlens:Toggle?Category=ID   switch one highlight category (checkable)
//   org.factlens:ExportPDF            argument URL: writes a PDF *with* the
//                                     highlights (the demo uses it; a plain PDF
//                                     export withdraws them like any save)
//   org.factlens:SendToReporter       the open checks as Writer comments, one
//                                     Undo step (comments/send_to_reporter.hxx);
//                                     analyses first when there is no analysis
//
// Enabled only in frames holding a Writer text document.
#ifndef INCLUDED_FACTLENS_EXTENSION_DISPATCH_HXX
#define INCLUDED_FACTLENS_EXTENSION_DISPATCH_HXX

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

namespace factlens::office
{
css::uno::Reference<css::uno::XInterface>
    SAL_CALL ProtocolHandler_create(const css::uno::Reference<css::uno::XComponentContext>&);
::rtl::OUString ProtocolHandler_getImplementationName(); // "org.factlens.ProtocolHandler"
css::uno::Sequence<::rtl::OUString> ProtocolHandler_getSupportedServiceNames();
}

#endif
