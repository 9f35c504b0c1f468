/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "highlight/quiet_batch.hxx"

#include <algorithm>
#include <vector>

#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include "common/log.hxx"
#include "common/props.hxx"
#include "common/ustring.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
uno::Reference<container::XNameContainer> characterStyles(const uno::Reference<frame::XModel>& xModel)
{
    uno::Reference<style::XStyleFamiliesSupplier> xSupplier(xModel, uno::UNO_QUERY);
    if (!xSupplier.is())
        return nullptr;
    uno::Reference<container::XNameAccess> xFamilies = xSupplier->getStyleFamilies();
    if (!xFamilies.is() || !xFamilies->hasByName("CharacterStyles"))
        return nullptr;
    return uno::Reference<container::XNameContainer>(xFamilies->getByName("CharacterStyles"),
                                                     uno::UNO_QUERY);
}

// Names of the character styles the document holds (IsPhysical: built-in styles are
// listed whether they exist or not).
std::vector<OUString> physicalStyles(const uno::Reference<container::XNameContainer>& xStyles)
{
    std::vector<OUString> aOut;
    if (!xStyles.is())
        return aOut;
    const uno::Sequence<OUString> aNames = xStyles->getElementNames();
    for (const OUString& rName : aNames)
    {
        uno::Reference<beans::XPropertySet> xStyle(xStyles->getByName(rName), uno::UNO_QUERY);
        if (xStyle.is() && getProp<bool>(xStyle, "IsPhysical", true))
            aOut.push_back(rName);
    }
    std::sort(aOut.begin(), aOut.end());
    return aOut;
}

// Removes the character styles that became physical since `before`.
void removeCreatedStyles(const uno::Reference<container::XNameContainer>& xStyles,
                         const std::vector<OUString>& before)
{
    if (!xStyles.is())
        return;
    for (const OUString& rName : physicalStyles(xStyles))
    {
        if (std::binary_search(before.begin(), before.end(), rName))
            continue;
        xStyles->removeByName(rName);
        logTrace("removed the character style our batch created: %s", toUtf8(rName).c_str());
    }
}
}

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

    uno::Reference<container::XNameContainer> xCharStyles;
    std::vector<OUString> aStylesBefore;
    try
    {
        xCharStyles = characterStyles(xModel);
        aStylesBefore = physicalStyles(xCharStyles);
    }
    catch (...)
    {
        logException("listing character styles");
        xCharStyles.clear();
    }
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
    xModel->unlockControllers(); // formats what changed: that is when the style appears
    try
    {
        removeCreatedStyles(xCharStyles, aStylesBefore); // undo still locked: no step
    }
    catch (...)
    {
        logException("removing created character styles");
    }
    if (xUndo.is() && xUndo->isLocked())
        xUndo->unlock();
    if (xModifiable.is() && !bWasModified && xModifiable->isModified())
        xModifiable->setModified(false);
}
}
