/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// quiet_batch.hxx — a batch of highlight changes that is no user edit.
//
//   quietBatch(xModel, [&] { paint(...); });
//
// Runs `body` with controllers locked (one layout at the end), the undo manager
// locked (no undo step), Record Changes off (no tracked change), and restores the
// modified flag if the document was unmodified. A built-in character style that the
// batch brought into the document is removed again: measured in 7.4, resetting a
// character attribute in header or footer text creates the pool style "Line
// numbering" (RES_POOLCHR_LINENUM) when the text is formatted again (at
// unlockControllers), and every store then writes it. Exceptions of
// `body` are logged.
// Main thread.
#ifndef INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_QUIET_BATCH_HXX
#define INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_QUIET_BATCH_HXX

#include <functional>

#include <com/sun/star/frame/XModel.hpp>

namespace factlens::office
{
void quietBatch(const css::uno::Reference<css::frame::XModel>& xModel,
                const std::function<void()>& body);
}

#endif
