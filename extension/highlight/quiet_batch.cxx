/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "highlight/quiet_batch.hxx"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include "common/log.hxx"
#include "common/props.hxx"

using namespace css;

namespace factlens::office
{
void quietBatch(const uno::Reference<frame::XModel>& xModel, const std::function<void()>& body)
{
    uno::Reference<util::XModifiable> xModifiable(xModel, uno::UNO_QUERY);
    const bool bWasModified = xModifiable.is() && xModifiable->isModified();
    uno::Reference<document::XUndoManager> xUndo;
    uno::Reference<document::XUndoManagerSupplier> xUndoSupplier(xModel, uno::UNO_QUERY);
    if (xUndoSupplier.is())
        xUndo = xUndoSupplier->getUndoManager();
    uno::Reference<beans::XPropertySet> xDocProps(xModel, uno::UNO_QUERY);
    const bool bRecording = xDocProps.is() && getProp<bool>(xDocProps, "RecordChanges", false);

    xModel->lockControllers();
    if (xUndo.is())
        xUndo->lock();
    if (bRecording)
        xDocProps->setPropertyValue("RecordChanges", uno::Any(false));
    try
    {
        body();
    }
    catch (...)
    {
        logException("highlight batch");
    }
    try
    {
        if (bRecording)
            xDocProps->setPropertyValue("RecordChanges", uno::Any(true));
    }
    catch (...)
    {
        logException("restoring RecordChanges");
    }
    if (xUndo.is() && xUndo->isLocked())
        xUndo->unlock();
    xModel->unlockControllers();
    if (xModifiable.is() && !bWasModified && xModifiable->isModified())
        xModifiable->setModified(false);
}
}
