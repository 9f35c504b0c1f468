/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// factpanel_sources.cxx — the Sources part of the fact panel (issue #17):
// the Sources group, the badge rows, Add source / Remove source.

#include "sidebar/factpanel.hxx"

#include <com/sun/star/awt/tree/XMutableTreeDataModel.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <cppuhelper/weakref.hxx>

#include "common/log.hxx"
#include "common/ustring.hxx"
#include "session.hxx"
#include "session/sources.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
// DataValue of source row i: kSourceRowBase - i (fact rows >= 0, groups -1 - g,
// the "… more" row -1000).
constexpr sal_Int32 kSourceRowBase = -2000;

OUString ascii(const char* s)
{
    return OUString::createFromAscii(s);
}
} // namespace

void FactPanel::listenToSources()
{
    uno::WeakReference<ui::XToolPanel> xWeak(static_cast<ui::XToolPanel*>(this));
    m_nSourcesListenerId = addSourcesListener(
        [xWeak](const uno::Reference<frame::XModel>& xModel)
        {
            try
            {
                uno::Reference<ui::XToolPanel> xPanel(xWeak);
                if (!xPanel.is())
                    return;
                FactPanel* pPanel = static_cast<FactPanel*>(xPanel.get());
                if (pPanel->rBHelper.bDisposed || pPanel->rBHelper.bInDispose ||
                    pPanel->m_bInSourcesRefresh || xModel != pPanel->getModel())
                    return;
                pPanel->refreshSources(/*bFill=*/true);
            }
            catch (...)
            {
                logException("FactLens sidebar: sources listener");
            }
        });
}

// The current sources and, with an analysis, the checks against them (a few ms).
void FactPanel::refreshSources(bool bFill)
{
    uno::Reference<frame::XModel> xModel = getModel();
    if (!xModel.is())
        return;
    m_bInSourcesRefresh = true;
    try
    {
        m_pSources = getSources(m_xContext, xModel);
    }
    catch (...)
    {
        m_bInSourcesRefresh = false;
        throw;
    }
    m_bInSourcesRefresh = false;
    m_aBadges = SourceBadges();
    m_aBadges.sources = m_pSources;
    if (m_pAnalysis)
        m_aBadges = computeBadges(*m_pAnalysis, m_pSources);
    fillOpenDocuments();
    if (!bFill)
        return;
    fillTree();
    setStatus(m_pSources->lastMessage.isEmpty() ? summary() : m_pSources->lastMessage);
}

void FactPanel::addSourceRows(const uno::Reference<awt::tree::XMutableTreeDataModel>& xData,
                              const uno::Reference<awt::tree::XMutableTreeNode>& xRoot)
{
    if (!m_pSources || m_pSources->entries.empty())
        return;
    const std::vector<SourceEntry>& rEntries = m_pSources->entries;
    uno::Reference<awt::tree::XMutableTreeNode> xGroup = xData->createNode(
        uno::Any("Sources (" + OUString::number(static_cast<sal_Int64>(rEntries.size())) + ")"),
        false);
    xGroup->setDataValue(uno::Any(sal_Int32(-1 - static_cast<sal_Int32>(groups().size()))));
    for (size_t i = 0; i < rEntries.size(); ++i)
    {
        uno::Reference<awt::tree::XMutableTreeNode> xRow =
            xData->createNode(uno::Any(sourceRowLabel(rEntries[i])), false);
        xRow->setDataValue(uno::Any(sal_Int32(kSourceRowBase - static_cast<sal_Int32>(i))));
        xGroup->appendChild(xRow);
    }
    xRoot->appendChild(xGroup);
}

// The child row of a checked quote or figure: the badge spelled out.
void FactPanel::addBadgeRow(const uno::Reference<awt::tree::XMutableTreeDataModel>& xData,
                            const uno::Reference<awt::tree::XMutableTreeNode>& xNode,
                            const FactItem& rItem)
{
    const OUString aDetail = badgeDetail(m_aBadges, rItem);
    if (aDetail.isEmpty())
        return;
    uno::Reference<awt::tree::XMutableTreeNode> xBadge =
        xData->createNode(uno::Any(aDetail), false);
    xBadge->setDataValue(uno::Any(sal_Int32(m_aRows.size())));
    m_aRows.push_back({ &rItem, xBadge, true });
    xNode->appendChild(xBadge);
    m_aBadgeParents.push_back(xNode);
}

int FactPanel::selectedSource() const
{
    if (!m_pSources)
        return -1;
    uno::Reference<awt::tree::XMutableTreeNode> xNode(selectedNode(), uno::UNO_QUERY);
    sal_Int32 nValue = 0;
    if (!xNode.is() || !(xNode->getDataValue() >>= nValue) || nValue > kSourceRowBase)
        return -1;
    const sal_Int32 nEntry = kSourceRowBase - nValue;
    return nEntry < static_cast<sal_Int32>(m_pSources->entries.size()) ? nEntry : -1;
}

void FactPanel::showSourceEntry(int nEntry)
{
    setStatus(sourceRowLabel(m_pSources->entries[nEntry]));
}

// A click on a badge: the source opens read-only with the passage selected.
void FactPanel::showBadge(int nRow)
{
    const FactItem& rItem = *m_aRows[nRow].pItem;
    const OUString aDetail = badgeDetail(m_aBadges, rItem);
    SourcePassage aPassage;
    if (!badgeTarget(m_aBadges, rItem, aPassage))
        setStatus(aDetail);
    else if (!showSourcePassage(m_xContext, *m_aBadges.sources, aPassage.source, aPassage.begin,
                                aPassage.end))
        setStatus(ascii("The source could not be opened to show the passage (see the log)."));
    else
        setStatus(aDetail);
}

void FactPanel::pickSources()
{
    uno::Reference<frame::XModel> xModel = getModel();
    if (!xModel.is())
        return;
    uno::Reference<ui::dialogs::XFilePicker3> xPicker = ui::dialogs::FilePicker::createWithMode(
        m_xContext, ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
    xPicker->setMultiSelectionMode(true);
    xPicker->appendFilter("All files (*.*)", "*.*");
    xPicker->appendFilter("Documents (*.odt;*.docx;*.doc;*.rtf;*.txt;*.html;*.pdf)",
                          "*.odt;*.docx;*.doc;*.rtf;*.txt;*.html;*.htm;*.pdf");
    xPicker->setTitle("Add sources: transcripts, press releases, reports");
    if (xPicker->execute() != ui::dialogs::ExecutableDialogResults::OK)
        return;
    const uno::Sequence<OUString> aFiles = xPicker->getSelectedFiles();
    OUString aMessage;
    for (const OUString& rUrl : aFiles)
        addSource(m_xContext, xModel, rUrl, aMessage); // the listener refreshes
}

void FactPanel::removeSelectedSource()
{
    const int nEntry = selectedSource();
    if (nEntry < 0)
    {
        setStatus(ascii("Select a source in the Sources group, then Remove source."));
        return;
    }
    removeSource(m_xContext, getModel(), m_pSources->entries[nEntry].url);
}

// The drop-down of the other open text documents (saved ones: a source is a URL).
void FactPanel::fillOpenDocuments()
{
    if (!m_xOpenDocsModel.is())
        return;
    uno::Reference<frame::XModel> xSelf = getModel();
    std::vector<OUString> aTitles{ fromUtf8("Add an open document as a source\u2026") };
    m_aOpenDocUrls.clear();
    uno::Reference<frame::XDesktop2> xDesktop = frame::Desktop::create(m_xContext);
    uno::Reference<container::XEnumeration> xEnum = xDesktop->getComponents()->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<text::XTextDocument> xText(xEnum->nextElement(), uno::UNO_QUERY);
        uno::Reference<frame::XModel> xModel(xText, uno::UNO_QUERY);
        if (!xModel.is() || xModel == xSelf || xModel->getURL().isEmpty() ||
            !xModel->getCurrentController().is())
            continue; // not text, this draft, unsaved, or loaded hidden (a source being read)
        uno::Reference<frame::XTitle> xTitle(xModel, uno::UNO_QUERY);
        aTitles.push_back(xTitle.is() ? xTitle->getTitle() : xModel->getURL());
        m_aOpenDocUrls.push_back(xModel->getURL());
    }
    uno::Sequence<OUString> aItems(static_cast<sal_Int32>(aTitles.size()));
    for (size_t i = 0; i < aTitles.size(); ++i)
        aItems[static_cast<sal_Int32>(i)] = aTitles[i];
    uno::Sequence<sal_Int16> aSelected(1);
    aSelected[0] = 0;
    m_bFillingOpenDocs = true;
    try
    {
        m_xOpenDocsModel->setPropertyValue("StringItemList", uno::Any(aItems));
        m_xOpenDocsModel->setPropertyValue("SelectedItems", uno::Any(aSelected));
    }
    catch (...)
    {
        m_bFillingOpenDocs = false;
        throw;
    }
    m_bFillingOpenDocs = false;
}

void FactPanel::addOpenDocument(sal_Int16 nItem)
{
    if (nItem < 1 || nItem > static_cast<sal_Int16>(m_aOpenDocUrls.size()))
        return;
    OUString aMessage;
    addSource(m_xContext, getModel(), m_aOpenDocUrls[nItem - 1], aMessage); // listener refreshes
}

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
