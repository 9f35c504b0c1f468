/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// save_guard.hxx — keeps our highlights out of every stored file: a document event
// listener withdraws them before a store (synchronously: the store cannot wait) and
// re-applies them after it, in main-thread slices (see highlight/painter.hxx).
//
//   ensureListening(xModel, *st);   // once per document, before its first paint
#ifndef INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_SAVE_GUARD_HXX
#define INCLUDED_FACTLENS_EXTENSION_HIGHLIGHT_SAVE_GUARD_HXX

#include <com/sun/star/frame/XModel.hpp>

#include "session/doc_state.hxx"

namespace factlens::office
{
void ensureListening(const css::uno::Reference<css::frame::XModel>& xModel, DocState& st);
}

#endif
