/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// send_to_reporter.hxx — "Send to reporter": the open checks of the latest analysis as
// Writer comments (css.text.textfield.Annotation), for the reporter to work through.
//
// Usage (main thread; the command org.factlens:SendToReporter calls it):
//   int nAdded = factlens::office::sendChecksAsComments(xContext, xModel);
//
// One comment per check, anchored on the check's first span that maps to the
// document, authored "FactLens", its text the check's label (factlens::CheckLabel)
// followed by ": " and its message. Checks the user marked Verified in the sidebar
// (sidebar/verifiedstore.hxx, keys of factlens/factlist.h) are not sent. A check whose
// FactLens comment with the same text already sits on the same range is skipped, so
// running the command again adds nothing. All comments of one run are one Undo step
// (XUndoManager enter/leaveUndoContext). Never run automatically: only the command.
//
// Returns the number of comments added; -1 if there is no analysis of `model` or the
// document could not be changed. Does not throw (failures are logged).
#ifndef INCLUDED_FACTLENS_EXTENSION_COMMENTS_SEND_TO_REPORTER_HXX
#define INCLUDED_FACTLENS_EXTENSION_COMMENTS_SEND_TO_REPORTER_HXX

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace factlens::office
{
/// The author name of every comment the command writes.
constexpr char kCommentAuthor[] = "FactLens";

int sendChecksAsComments(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                         const css::uno::Reference<css::frame::XModel>& xModel);
}

#endif
