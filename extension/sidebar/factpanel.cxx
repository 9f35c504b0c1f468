/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

#include "sidebar/factpanel.hxx"

#include <chrono>
#include <ctime>

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/MouseButton.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/awt/tree/XMutableTreeDataModel.hpp>
#include <com/sun/star/awt/tree/XTreeDataModel.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/io/XOutputStream.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/style/VerticalAlignment.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/ucb/XSimpleFileAccess3.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/view/SelectionType.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/weakref.hxx>
#include <osl/time.h>
#include <rtl/ustrbuf.hxx>

#include <factlens/io.h>
#include <factlens/reports.h>

#include "common/log.hxx"
#include "common/ustring.hxx"
#include "session.hxx"
#include "session/main_thread.hxx"
#include "session/sources.hxx"
#include "sidebar/verifiedstore.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
// Layout, in pixels.
constexpr sal_Int32 kMargin = 6;
constexpr sal_Int32 kGap = 4;
constexpr sal_Int32 kEditHeight = 24;
constexpr sal_Int32 kCheckHeight = 22;
constexpr sal_Int32 kButtonHeight = 26;
constexpr sal_Int32 kStatusHeight = 36;
constexpr sal_Int32 kLabelWidth = 44;
constexpr sal_Int32 kMinTreeHeight = 80;
// A click on the selected row within this time after a selection change is
// the click that made the selection, not a further click.
constexpr double kFurtherClickSeconds = 0.35;
// Rows per group at first, and how many more each click on the group's "… n more"
// row adds. Filling the tree is one main-thread block that grows with the rows
// (the tree control builds an entry per node when its data model is assigned):
// 5,148 rows on 300 pages took 150-380 ms, so a fill starts with the first
// kFirstRowsPerGroup of each group. Counts always include every fact; the filter
// reaches every fact.
constexpr int kFirstRowsPerGroup = 150;
constexpr int kMoreRowsPerClick = 500;
// DataValue of group g's "… n more" row (groups use -1 - g, facts >= 0, sources
// kSourceRowBase - i = -2000 - i).
constexpr sal_Int32 kMoreRowBase = -1000;
constexpr sal_Int32 kMaxGroups = 500;

OUString ascii(const char* s) { return OUString::createFromAscii(s); }

double nowSeconds() { return osl_getGlobalTimer() / 1000.0; }

// CPU time of this thread in ms (traces: independent of the machine's load).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

template <class T> void disposeComponent(const uno::Reference<T>& xComponent)
{
    uno::Reference<lang::XComponent> x(xComponent, uno::UNO_QUERY);
    if (x.is())
        x->dispose();
}

enum class ExportFormat
{
    Json,
    Csv,
    Markdown
};

// JSON is the `factlens/1` contract; CSV and Markdown are the fact list with
// the Verified marks (a column, a closing section).
std::string exportText(const Analysis& rAnalysis, ExportFormat eFormat,
                       const std::set<std::string>& rVerified)
{
    const Document& rDoc = rAnalysis.document;
    switch (eFormat)
    {
        case ExportFormat::Json:
            return ReportToJson(rDoc, rAnalysis.report, nullptr, 2) + "\n";
        case ExportFormat::Csv:
            return ReportToCsv(rDoc, rAnalysis.report, rVerified);
        case ExportFormat::Markdown:
            break;
    }
    return ReportToMarkdown(rDoc, rAnalysis.report, rVerified);
}

// "draft-facts" for draft.odt; "facts" without a title.
OUString defaultExportName(const uno::Reference<frame::XModel>& xModel)
{
    uno::Reference<frame::XTitle> xTitle(xModel, uno::UNO_QUERY);
    if (!xTitle.is())
        return "facts";
    OUString aName = xTitle->getTitle();
    if (sal_Int32 nDot = aName.lastIndexOf('.'); nDot > 0)
        aName = aName.copy(0, nDot);
    return aName + "-facts";
}

// The file the user picks (empty when cancelled) and its format, from the
// filter or the extension.
OUString pickExportFile(const uno::Reference<uno::XComponentContext>& xContext,
                        const OUString& rDefaultName, ExportFormat& rFormat)
{
    uno::Reference<ui::dialogs::XFilePicker3> xPicker = ui::dialogs::FilePicker::createWithMode(
        xContext, ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
    const OUString aJson("JSON (*.json)"), aCsv("CSV (*.csv)"), aMd("Markdown (*.md)");
    xPicker->appendFilter(aJson, "*.json");
    xPicker->appendFilter(aCsv, "*.csv");
    xPicker->appendFilter(aMd, "*.md");
    xPicker->setCurrentFilter(aMd);
    xPicker->setTitle("Export the fact list");
    xPicker->setDefaultName(rDefaultName);
    if (xPicker->execute() != ui::dialogs::ExecutableDialogResults::OK)
        return OUString();
    const uno::Sequence<OUString> aFiles = xPicker->getSelectedFiles();
    if (aFiles.getLength() == 0)
        return OUString();
    const OUString aUrl = aFiles[0];
    const OUString aFilter = xPicker->getCurrentFilter();
    rFormat = ExportFormat::Markdown;
    if (aFilter == aJson || aUrl.endsWithIgnoreAsciiCase(".json"))
        rFormat = ExportFormat::Json;
    else if (aFilter == aCsv || aUrl.endsWithIgnoreAsciiCase(".csv"))
        rFormat = ExportFormat::Csv;
    return aUrl;
}

void writeFile(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rUrl,
               const std::string& rData)
{
    uno::Reference<ucb::XSimpleFileAccess3> xFiles = ucb::SimpleFileAccess::create(xContext);
    if (xFiles->exists(rUrl))
        xFiles->kill(rUrl); // openFileWrite would keep the old file's tail
    uno::Reference<io::XOutputStream> xOut = xFiles->openFileWrite(rUrl);
    xOut->writeBytes(uno::Sequence<sal_Int8>(reinterpret_cast<const sal_Int8*>(rData.data()),
                                             static_cast<sal_Int32>(rData.size())));
    xOut->closeOutput();
}
} // namespace

FactPanel::FactPanel(const uno::Reference<uno::XComponentContext>& xContext,
                     const uno::Reference<frame::XFrame>& xFrame,
                     const uno::Reference<awt::XWindow>& xParentWindow,
                     const uno::Reference<ui::XSidebar>& xSidebar, const OUString& rResourceURL)
    : FactPanel_Base(m_aMutex)
    , m_xContext(xContext)
    , m_xFrame(xFrame)
    , m_xParentWindow(xParentWindow)
    , m_xSidebar(xSidebar)
    , m_aResourceURL(rResourceURL)
{
}

FactPanel::~FactPanel()
{
    // Normally done in disposing(); never leave a dangling listener behind.
    try
    {
        if (m_nListenerId >= 0)
            removeAnalysisListener(m_nListenerId);
        if (m_nSourcesListenerId >= 0)
            removeSourcesListener(m_nSourcesListenerId);
    }
    catch (...)
    {
        logException("FactLens sidebar: ~FactPanel");
    }
}

uno::Reference<awt::XControl>
FactPanel::addControl(const char* pService, const char* pName,
                      const std::vector<std::pair<const char*, uno::Any>>& rProps)
{
    uno::Reference<lang::XMultiComponentFactory> xFactory = m_xContext->getServiceManager();
    const OUString aService = ascii(pService);
    uno::Reference<awt::XControlModel> xModel(
        xFactory->createInstanceWithContext(aService + "Model", m_xContext), uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet> xProps(xModel, uno::UNO_QUERY_THROW);
    for (const auto& rProp : rProps)
        xProps->setPropertyValue(ascii(rProp.first), rProp.second);
    uno::Reference<awt::XControl> xControl(
        xFactory->createInstanceWithContext(aService, m_xContext), uno::UNO_QUERY_THROW);
    xControl->setModel(xModel);
    m_xControls->addControl(ascii(pName), xControl);
    return xControl;
}

void FactPanel::initialize()
{
    createContainer();
    createControls();
    attachListeners();
    listenToAnalyses();
    listenToSources();
    uno::Reference<awt::XWindow> xContainerWindow(m_xContainer, uno::UNO_QUERY_THROW);
    xContainerWindow->setVisible(true);
    layout();
    setAnalysis(getAnalysis(getModel()));
}

void FactPanel::createContainer()
{
    uno::Reference<lang::XMultiComponentFactory> xFactory = m_xContext->getServiceManager();
    m_xContainer.set(
        xFactory->createInstanceWithContext("com.sun.star.awt.UnoControlContainer", m_xContext),
        uno::UNO_QUERY_THROW);
    uno::Reference<awt::XControlModel> xContainerModel(
        xFactory->createInstanceWithContext("com.sun.star.awt.UnoControlContainerModel",
                                            m_xContext),
        uno::UNO_QUERY_THROW);
    m_xContainer->setModel(xContainerModel);
    uno::Reference<awt::XToolkit> xToolkit(awt::Toolkit::create(m_xContext), uno::UNO_QUERY_THROW);
    uno::Reference<awt::XWindowPeer> xParentPeer(m_xParentWindow, uno::UNO_QUERY_THROW);
    m_xContainer->createPeer(xToolkit, xParentPeer);
    m_xControls.set(m_xContainer, uno::UNO_QUERY_THROW);
}

void FactPanel::createControls()
{
    const uno::Any aMiddle(style::VerticalAlignment_MIDDLE);
    addControl("com.sun.star.awt.UnoControlFixedText", "FilterLabel",
               { { "Label", uno::Any(ascii("Filter:")) }, { "VerticalAlign", aMiddle } });
    uno::Reference<awt::XControl> xFilter = addControl(
        "com.sun.star.awt.UnoControlEdit", "Filter",
        { { "Text", uno::Any(OUString()) },
          { "HelpText", uno::Any(ascii("Show only the facts containing this text")) } });
    uno::Reference<awt::XControl> xTree = addControl(
        "com.sun.star.awt.tree.TreeControl", "FactTree",
        { { "RootDisplayed", uno::Any(false) },
          { "ShowsHandles", uno::Any(true) },
          { "ShowsRootHandles", uno::Any(true) },
          { "SelectionType", uno::Any(view::SelectionType_SINGLE) },
          { "HelpText",
            uno::Any(ascii("Click a fact to select it in the document; click an entity again "
                           "to go to its next mention")) } });
    uno::Reference<awt::XControl> xVerified = addControl(
        "com.sun.star.awt.UnoControlCheckBox", "Verified",
        { { "Label", uno::Any(ascii("Verified")) },
          { "State", uno::Any(sal_Int16(0)) },
          { "Enabled", uno::Any(false) },
          { "HelpText",
            uno::Any(ascii("Mark the selected fact as checked; the mark is saved in the "
                           "document")) } });
    addControl("com.sun.star.awt.UnoControlButton", "Rerun",
               { { "Label", uno::Any(ascii("Analyze")) },
                 { "HelpText", uno::Any(ascii("Analyse the draft again")) } });
    addControl("com.sun.star.awt.UnoControlButton", "Export",
               { { "Label", uno::Any(fromUtf8("Export\u2026")) },
                 { "HelpText", uno::Any(ascii("Save the fact list as JSON, CSV or Markdown")) } });
    addControl("com.sun.star.awt.UnoControlButton", "AddSource",
               { { "Label", uno::Any(fromUtf8("Add source\u2026")) },
                 { "HelpText", uno::Any(ascii("Check the quotes and figures against a "
                                              "transcript, report or earlier story")) } });
    addControl("com.sun.star.awt.UnoControlButton", "RemoveSource",
               { { "Label", uno::Any(ascii("Remove source")) },
                 { "HelpText", uno::Any(ascii("Remove the source selected in the Sources "
                                              "group")) } });
    uno::Reference<awt::XControl> xOpenDocs = addControl(
        "com.sun.star.awt.UnoControlListBox", "OpenDocuments",
        { { "Dropdown", uno::Any(true) },
          { "HelpText", uno::Any(ascii("Add another open document as a source")) } });
    m_xOpenDocsModel.set(xOpenDocs->getModel(), uno::UNO_QUERY_THROW);
    uno::Reference<awt::XControl> xStatus = addControl(
        "com.sun.star.awt.UnoControlFixedText", "Status",
        { { "Label", uno::Any(OUString()) }, { "MultiLine", uno::Any(true) } });

    m_xTree.set(xTree, uno::UNO_QUERY_THROW);
    m_xTreeModel.set(xTree->getModel(), uno::UNO_QUERY_THROW);
    m_xFilterModel.set(xFilter->getModel(), uno::UNO_QUERY_THROW);
    m_xVerifiedModel.set(xVerified->getModel(), uno::UNO_QUERY_THROW);
    m_xStatusModel.set(xStatus->getModel(), uno::UNO_QUERY_THROW);
}

// The panel is held by the caller, so `this` can be handed out.
void FactPanel::attachListeners()
{
    m_xParentWindow->addWindowListener(this);
    m_xTree->addSelectionChangeListener(this);
    uno::Reference<awt::XWindow>(m_xTree, uno::UNO_QUERY_THROW)->addMouseListener(this);
    m_xFilterModel->addPropertyChangeListener("Text", this);
    m_xVerifiedModel->addPropertyChangeListener("State", this);
    m_xOpenDocsModel->addPropertyChangeListener("SelectedItems", this);
    const std::pair<const char*, const char*> aButtons[]
        = { { "Rerun", "rerun" },
            { "Export", "export" },
            { "AddSource", "addsource" },
            { "RemoveSource", "removesource" } };
    for (const auto& [pName, pCommand] : aButtons)
    {
        uno::Reference<awt::XButton> xButton(m_xControls->getControl(ascii(pName)),
                                             uno::UNO_QUERY_THROW);
        xButton->setActionCommand(ascii(pCommand));
        xButton->addActionListener(this);
    }
}

// A new analysis of this panel's document refreshes the list.
void FactPanel::listenToAnalyses()
{
    uno::WeakReference<ui::XToolPanel> xWeak(static_cast<ui::XToolPanel*>(this));
    m_nListenerId = addAnalysisListener(
        [xWeak](const uno::Reference<frame::XModel>& xModel,
                const std::shared_ptr<const Analysis>& pAnalysis) {
            try
            {
                uno::Reference<ui::XToolPanel> xPanel(xWeak);
                if (!xPanel.is())
                    return;
                FactPanel* pPanel = static_cast<FactPanel*>(xPanel.get());
                if (pPanel->rBHelper.bDisposed || pPanel->rBHelper.bInDispose)
                    return;
                if (xModel != pPanel->getModel())
                    return;
                if (pAnalysis && pAnalysis == pPanel->m_pAnalysis)
                    return; // same analysis (e.g. highlights cleared): nothing new
                pPanel->setAnalysis(pAnalysis);
            }
            catch (...)
            {
                logException("FactLens sidebar: analysis listener");
            }
        });
}

uno::Reference<frame::XModel> FactPanel::getModel() const
{
    if (!m_xFrame.is())
        return nullptr;
    uno::Reference<frame::XController> xController = m_xFrame->getController();
    return xController.is() ? xController->getModel() : nullptr;
}

// ---------------------------------------------------------------- XUIElement

uno::Reference<frame::XFrame> SAL_CALL FactPanel::getFrame() { return m_xFrame; }

OUString SAL_CALL FactPanel::getResourceURL() { return m_aResourceURL; }

sal_Int16 SAL_CALL FactPanel::getType() { return ui::UIElementType::TOOLPANEL; }

uno::Reference<uno::XInterface> SAL_CALL FactPanel::getRealInterface()
{
    return static_cast<ui::XToolPanel*>(this);
}

// ---------------------------------------------------------------- XToolPanel

uno::Reference<awt::XWindow> SAL_CALL FactPanel::getWindow()
{
    // The control container itself: XPanel::getDialog() returns this, and tests
    // query it for XControlContainer to read the controls by name.
    return uno::Reference<awt::XWindow>(m_xContainer, uno::UNO_QUERY);
}

uno::Reference<accessibility::XAccessible>
    SAL_CALL FactPanel::createAccessible(const uno::Reference<accessibility::XAccessible>&)
{
    try
    {
        if (m_xContainer.is())
            return uno::Reference<accessibility::XAccessible>(m_xContainer->getPeer(),
                                                              uno::UNO_QUERY);
    }
    catch (...)
    {
        logException("FactLens sidebar: createAccessible");
    }
    return nullptr;
}

// ---------------------------------------------------------------- XSidebarPanel

ui::LayoutSize SAL_CALL FactPanel::getHeightForWidth(sal_Int32)
{
    // Minimum: filter, a few rows, the buttons. Maximum -1: take all the
    // height the deck has.
    const sal_Int32 nMin = 2 * kMargin + kEditHeight + kMinTreeHeight + kCheckHeight
                           + 2 * kButtonHeight + kEditHeight + kStatusHeight + 6 * kGap;
    return ui::LayoutSize(nMin, -1, std::max<sal_Int32>(nMin, 600));
}

sal_Int32 SAL_CALL FactPanel::getMinimalWidth() { return 200; }

// ---------------------------------------------------------------- layout

void SAL_CALL FactPanel::windowResized(const awt::WindowEvent&)
{
    try
    {
        layout();
    }
    catch (...)
    {
        logException("FactLens sidebar: windowResized");
    }
}

void SAL_CALL FactPanel::windowShown(const lang::EventObject&)
{
    try
    {
        layout();
    }
    catch (...)
    {
        logException("FactLens sidebar: windowShown");
    }
}

void FactPanel::layout()
{
    if (!m_xContainer.is() || !m_xParentWindow.is())
        return;
    const awt::Rectangle aParent = m_xParentWindow->getPosSize();
    const sal_Int32 nWidth = std::max<sal_Int32>(aParent.Width, 120);
    const sal_Int32 nHeight = aParent.Height;
    uno::Reference<awt::XWindow>(m_xContainer, uno::UNO_QUERY_THROW)
        ->setPosSize(0, 0, nWidth, nHeight, awt::PosSize::POSSIZE);
    auto place = [this](const char* pName, sal_Int32 nX, sal_Int32 nY, sal_Int32 nW,
                        sal_Int32 nH) {
        uno::Reference<awt::XWindow> xWindow(m_xControls->getControl(ascii(pName)),
                                             uno::UNO_QUERY);
        if (xWindow.is())
            xWindow->setPosSize(nX, nY, std::max<sal_Int32>(nW, 1), std::max<sal_Int32>(nH, 1),
                                awt::PosSize::POSSIZE);
    };
    const sal_Int32 nInner = nWidth - 2 * kMargin;
    sal_Int32 nY = kMargin;
    place("FilterLabel", kMargin, nY, kLabelWidth, kEditHeight);
    place("Filter", kMargin + kLabelWidth, nY, nInner - kLabelWidth, kEditHeight);
    nY += kEditHeight + kGap;
    const sal_Int32 nBelow
        = kGap + kCheckHeight + 2 * (kGap + kButtonHeight) + kGap + kEditHeight + kGap
          + kStatusHeight + kMargin;
    const sal_Int32 nTreeHeight = std::max<sal_Int32>(nHeight - nY - nBelow, kMinTreeHeight);
    place("FactTree", kMargin, nY, nInner, nTreeHeight);
    nY += nTreeHeight + kGap;
    place("Verified", kMargin, nY, nInner, kCheckHeight);
    nY += kCheckHeight + kGap;
    const sal_Int32 nButtonWidth = (nInner - kGap) / 2;
    place("Rerun", kMargin, nY, nButtonWidth, kButtonHeight);
    place("Export", kMargin + nButtonWidth + kGap, nY, nInner - nButtonWidth - kGap, kButtonHeight);
    nY += kButtonHeight + kGap;
    place("AddSource", kMargin, nY, nButtonWidth, kButtonHeight);
    place("RemoveSource", kMargin + nButtonWidth + kGap, nY, nInner - nButtonWidth - kGap,
          kButtonHeight);
    nY += kButtonHeight + kGap;
    place("OpenDocuments", kMargin, nY, nInner, kEditHeight);
    nY += kEditHeight + kGap;
    place("Status", kMargin, nY, nInner, kStatusHeight);
}

// ---------------------------------------------------------------- content

void FactPanel::setAnalysis(const std::shared_ptr<const Analysis>& pAnalysis)
{
    const auto aStart = std::chrono::steady_clock::now();
    const double fCpuStart = threadCpuMs();
    m_pAnalysis = pAnalysis;
    m_pFacts = m_pAnalysis ? m_pAnalysis->facts : nullptr;
    m_aGroupLimit.assign(groups().size(), kFirstRowsPerGroup);
    m_aVerified.clear();
    try
    {
        if (uno::Reference<frame::XModel> xModel = getModel(); xModel.is())
            m_aVerified = loadVerified(m_xContext, xModel);
    }
    catch (...)
    {
        logException("FactLens sidebar: reading the Verified marks");
    }
    refreshSources(/*bFill=*/false);
    uno::Reference<beans::XPropertySet> xRerun(m_xControls->getControl("Rerun")->getModel(),
                                               uno::UNO_QUERY_THROW);
    xRerun->setPropertyValue("Label", uno::Any(ascii(m_pAnalysis ? "Re-run" : "Analyze")));
    fillTree();
    setStatus(summary());
    if (traceEnabled())
        logTrace("sidebar: filled %d rows in %.1f ms (thread CPU %.1f ms)",
                 static_cast<int>(m_aRows.size()),
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now()
                                                           - aStart)
                     .count(),
                 threadCpuMs() - fCpuStart);
}

OUString FactPanel::rowLabel(const FactItem& rItem) const
{
    OUString aLabel = toOUString(rItem.label);
    if (!rItem.key.empty() && m_aVerified.count(rItem.key))
        aLabel = fromUtf8("\u2713 ") + aLabel;
    return badgePrefix(m_aBadges, rItem) + aLabel;
}

uno::Reference<awt::tree::XMutableTreeNode>
FactPanel::createRow(const uno::Reference<awt::tree::XMutableTreeDataModel>& xData,
                     const FactItem& rItem)
{
    uno::Reference<awt::tree::XMutableTreeNode> xNode
        = xData->createNode(uno::Any(rowLabel(rItem)), false);
    xNode->setDataValue(uno::Any(sal_Int32(m_aRows.size())));
    m_aRows.push_back({ &rItem, xNode, false });
    addBadgeRow(xData, xNode, rItem);
    return xNode;
}

// The row of a fact and, for a speaker, the rows of its quotes: all of them
// when the speaker matches the filter, otherwise only the quotes that match.
uno::Reference<awt::tree::XMutableTreeNode>
FactPanel::addItemRows(const uno::Reference<awt::tree::XMutableTreeDataModel>& xData,
                       const FactItem& rItem, RowCounts& rCounts)
{
    uno::Reference<awt::tree::XMutableTreeNode> xNode = createRow(xData, rItem);
    ++rCounts.nNodes;
    if (rItem.children.empty())
        ++rCounts.nShown;
    const bool bAllChildren
        = m_aFilter.empty() || rItem.folded.find(m_aFilter) != std::u16string::npos;
    for (const FactItem& rChild : rItem.children)
    {
        if (!bAllChildren && !ItemMatches(rChild, m_aFilter))
            continue;
        ++rCounts.nShown;
        if (rCounts.nNodes >= rCounts.nLimit)
        {
            ++rCounts.nHidden;
            continue;
        }
        xNode->appendChild(createRow(xData, rChild));
        ++rCounts.nNodes;
    }
    return xNode;
}

// The node of group `nGroup` with its rows; speakers to expand go to rSpeakers.
uno::Reference<awt::tree::XMutableTreeNode>
FactPanel::createGroup(const uno::Reference<awt::tree::XMutableTreeDataModel>& xData,
                       size_t nGroup,
                       std::vector<uno::Reference<awt::tree::XMutableTreeNode>>& rSpeakers)
{
    const FactGroup& rGroup = groups()[nGroup];
    uno::Reference<awt::tree::XMutableTreeNode> xGroup = xData->createNode(uno::Any(), false);
    xGroup->setDataValue(uno::Any(sal_Int32(-1 - static_cast<sal_Int32>(nGroup))));
    RowCounts aCounts;
    aCounts.nLimit = m_aGroupLimit[nGroup];
    for (const FactItem& rItem : rGroup.items)
    {
        if (!ItemMatches(rItem, m_aFilter))
            continue;
        if (aCounts.nNodes >= aCounts.nLimit)
        {
            const int n = rItem.children.empty() ? 1 : static_cast<int>(rItem.children.size());
            aCounts.nShown += n;
            aCounts.nHidden += n;
            continue;
        }
        uno::Reference<awt::tree::XMutableTreeNode> xNode = addItemRows(xData, rItem, aCounts);
        xGroup->appendChild(xNode);
        if (!rItem.children.empty())
            rSpeakers.push_back(xNode);
    }
    if (aCounts.nHidden > 0)
    {
        uno::Reference<awt::tree::XMutableTreeNode> xMore = xData->createNode(
            uno::Any(fromUtf8("\u2026 ") + OUString::number(aCounts.nHidden)
                     + ascii(" more: click to show more, or type in the filter")),
            false);
        xMore->setDataValue(uno::Any(kMoreRowBase - static_cast<sal_Int32>(nGroup)));
        xGroup->appendChild(xMore);
    }
    xGroup->setDisplayValue(uno::Any(toOUString(GroupLabel(rGroup, aCounts.nShown))));
    return xGroup;
}

void FactPanel::expandNodes(const std::vector<uno::Reference<awt::tree::XMutableTreeNode>>& rNodes)
{
    for (const auto& xNode : rNodes)
    {
        try
        {
            m_xTree->expandNode(uno::Reference<awt::tree::XTreeNode>(xNode.get()));
        }
        catch (const uno::Exception&)
        {
            // a node without children cannot be expanded: nothing to show
        }
    }
}

void FactPanel::fillTree()
{
    const double fStart = threadCpuMs();
    uno::Reference<lang::XMultiComponentFactory> xFactory = m_xContext->getServiceManager();
    uno::Reference<awt::tree::XMutableTreeDataModel> xData(
        xFactory->createInstanceWithContext("com.sun.star.awt.tree.MutableTreeDataModel",
                                            m_xContext),
        uno::UNO_QUERY_THROW);
    uno::Reference<awt::tree::XMutableTreeNode> xRoot
        = xData->createNode(uno::Any(ascii("FactLens")), false);
    xData->setRoot(xRoot);

    m_aRows.clear();
    m_aBadgeParents.clear();
    m_nLastShownRow = -1;
    m_nSpanIndex = 0;
    std::vector<uno::Reference<awt::tree::XMutableTreeNode>> aExpand, aSpeakers;
    for (size_t g = 0; g < groups().size(); ++g)
    {
        aExpand.push_back(createGroup(xData, g, aSpeakers));
        xRoot->appendChild(aExpand.back());
    }
    addSourceRows(xData, xRoot);
    if (xRoot->getChildCount() > static_cast<sal_Int32>(aExpand.size()))
        aExpand.push_back(uno::Reference<awt::tree::XMutableTreeNode>(
            xRoot->getChildAt(xRoot->getChildCount() - 1), uno::UNO_QUERY));
    // A fresh data model on every refresh (reusing one leaves the tree showing
    // a collapsed root in LibreOffice 7.4), then expand the groups.
    const double fBuilt = threadCpuMs();
    m_xTreeModel->setPropertyValue(
        "DataModel", uno::Any(uno::Reference<awt::tree::XTreeDataModel>(xData.get())));
    const double fAssigned = threadCpuMs();
    aExpand.insert(aExpand.end(), aSpeakers.begin(), aSpeakers.end());
    aExpand.insert(aExpand.end(), m_aBadgeParents.begin(), m_aBadgeParents.end());
    expandNodes(aExpand);
    if (traceEnabled())
        logTrace("sidebar: tree of %d rows, thread CPU: model %.1f ms, assign %.1f ms, "
                 "expand %.1f ms",
                 static_cast<int>(m_aRows.size()), fBuilt - fStart, fAssigned - fBuilt,
                 threadCpuMs() - fAssigned);
    updateVerifiedBox();
}

const std::vector<FactGroup>& FactPanel::groups() const
{
    static const std::vector<FactGroup> aNone;
    return m_pFacts ? *m_pFacts : aNone;
}

// The group whose "… n more" row `xNode` is, or -1.
int FactPanel::moreRowGroup(const uno::Reference<awt::tree::XTreeNode>& xNode) const
{
    uno::Reference<awt::tree::XMutableTreeNode> xMutable(xNode, uno::UNO_QUERY);
    sal_Int32 nValue = 0;
    if (!xMutable.is() || !(xMutable->getDataValue() >>= nValue))
        return -1;
    const sal_Int32 nGroup = kMoreRowBase - nValue;
    if (nGroup < 0 || nGroup >= kMaxGroups || nGroup >= static_cast<sal_Int32>(groups().size()))
        return -1;
    return nGroup;
}

// Refilling replaces the tree's entries: done on a later main-thread hop, after the
// tree control has finished the selection event that asked for it.
void FactPanel::postShowMoreRows(int nGroup)
{
    uno::WeakReference<ui::XToolPanel> xWeak(static_cast<ui::XToolPanel*>(this));
    const std::shared_ptr<const std::vector<FactGroup>> pFacts = m_pFacts;
    postToMain(m_xContext, [xWeak, pFacts, nGroup] {
        uno::Reference<ui::XToolPanel> xPanel(xWeak);
        if (!xPanel.is())
            return;
        FactPanel* pPanel = static_cast<FactPanel*>(xPanel.get());
        if (pPanel->rBHelper.bDisposed || pPanel->rBHelper.bInDispose || pPanel->m_pFacts != pFacts)
            return; // closed, or a newer analysis meanwhile
        pPanel->showMoreRows(nGroup);
    });
}

// A click on a group's "… n more" row: that group shows kMoreRowsPerClick more rows
// (one refill, a block that grows with the rows now shown), and the status says so.
void FactPanel::showMoreRows(int nGroup)
{
    m_aGroupLimit[nGroup] += kMoreRowsPerClick;
    fillTree();
    setStatus(toOUString(groups()[nGroup].title) + ascii(": ") + OUString::number(kMoreRowsPerClick)
              + ascii(" more rows shown."));
}

int FactPanel::rowOfNode(const uno::Reference<awt::tree::XTreeNode>& xNode) const
{
    if (!xNode.is())
        return -1;
    uno::Reference<awt::tree::XMutableTreeNode> xMutable(xNode, uno::UNO_QUERY);
    sal_Int32 nRow = -1;
    if (!xMutable.is() || !(xMutable->getDataValue() >>= nRow))
        return -1;
    if (nRow < 0 || nRow >= static_cast<sal_Int32>(m_aRows.size()))
        return -1;
    return nRow;
}

uno::Reference<awt::tree::XTreeNode> FactPanel::selectedNode() const
{
    uno::Reference<awt::tree::XTreeNode> xNode;
    if (m_xTree.is())
        m_xTree->getSelection() >>= xNode;
    return xNode;
}

int FactPanel::selectedRow() const { return rowOfNode(selectedNode()); }

int FactPanel::selectedMoreRow() const { return moreRowGroup(selectedNode()); }

void FactPanel::showRow(int nRow, bool bAdvance)
{
    const FactItem& rItem = *m_aRows[nRow].pItem;
    const size_t n = rItem.spans.size();
    if (n == 0 || !m_pAnalysis)
        return;
    m_nSpanIndex = bAdvance && nRow == m_nLastShownRow ? (m_nSpanIndex + 1) % n : 0;
    m_nLastShownRow = nRow;
    const bool bSelected = selectSpan(getModel(), rItem.spans[m_nSpanIndex]);
    if (!bSelected)
        setStatus(ascii("This text is no longer where it was: re-run the analysis."));
    else if (n > 1)
    {
        const char* pWhat = rItem.children.empty() ? "Part" : "Quote";
        if (rItem.key.rfind("entity:", 0) == 0)
            pWhat = "Mention";
        setStatus(ascii(pWhat) + " " + OUString::number(m_nSpanIndex + 1) + " of "
                  + OUString::number(n) + ascii(": click again for the next."));
    }
    else
        setStatus(summary());
}

bool FactPanel::isReadOnly() const
{
    uno::Reference<frame::XStorable> xStorable(getModel(), uno::UNO_QUERY);
    return xStorable.is() && xStorable->isReadonly();
}

void FactPanel::updateVerifiedBox()
{
    const int nRow = selectedRow();
    const FactItem* pItem = nRow >= 0 ? m_aRows[nRow].pItem : nullptr;
    // A read-only document cannot keep the mark: the box shows it, disabled.
    const bool bCan = pItem && !pItem->key.empty() && !isReadOnly();
    const bool bOn = pItem && !pItem->key.empty() && m_aVerified.count(pItem->key);
    m_bUpdatingVerifiedBox = true;
    try
    {
        m_xVerifiedModel->setPropertyValue("Enabled", uno::Any(bCan));
        m_xVerifiedModel->setPropertyValue("State", uno::Any(sal_Int16(bOn ? 1 : 0)));
    }
    catch (...)
    {
        m_bUpdatingVerifiedBox = false;
        throw;
    }
    m_bUpdatingVerifiedBox = false;
}

void FactPanel::setStatus(const OUString& rText)
{
    if (m_xStatusModel.is())
        m_xStatusModel->setPropertyValue("Label", uno::Any(rText));
}

OUString FactPanel::summary() const
{
    if (!m_pAnalysis)
        return fromUtf8("No analysis yet: press Analyze (or Tools \u25B8 Analyze draft).");
    sal_Int64 nFacts = 0;
    for (const FactGroup& rGroup : groups())
        nFacts += rGroup.count;
    sal_Int64 nVerified = 0;
    for (const std::string& rKey : AllKeys(groups()))
        nVerified += m_aVerified.count(rKey);
    ::rtl::OUStringBuffer aBuf;
    aBuf.append(OUString::number(nFacts) + (nFacts == 1 ? ascii(" fact, ") : ascii(" facts, "))
                + OUString::number(nVerified) + ascii(" verified."));
    if (!m_pAnalysis->note.isEmpty())
        aBuf.append(" " + m_pAnalysis->note);
    return aBuf.makeStringAndClear();
}

// ---------------------------------------------------------------- events

void SAL_CALL FactPanel::selectionChanged(const lang::EventObject&)
{
    try
    {
        ++m_nSelectionSerial;
        m_fLastSelectionTime = nowSeconds();
        updateVerifiedBox();
        const int nRow = selectedRow();
        if (nRow >= 0 && m_aRows[nRow].bBadge)
            showBadge(nRow);
        else if (nRow >= 0)
            showRow(nRow, /*bAdvance=*/nRow == m_nLastShownRow);
        else if (const int nSource = selectedSource(); nSource >= 0)
            showSourceEntry(nSource);
        else if (const int nGroup = selectedMoreRow(); nGroup >= 0)
            postShowMoreRows(nGroup); // not inside the tree's own selection handler
    }
    catch (...)
    {
        logException("FactLens sidebar: selectionChanged");
    }
}

void SAL_CALL FactPanel::mousePressed(const awt::MouseEvent& rEvent)
{
    try
    {
        m_xPressedOnSelected.clear();
        if (rEvent.Buttons != awt::MouseButton::LEFT || rEvent.ClickCount != 1 || !m_xTree.is())
            return;
        m_nSerialAtPress = m_nSelectionSerial;
        uno::Reference<awt::tree::XTreeNode> xHit = m_xTree->getNodeForLocation(rEvent.X, rEvent.Y);
        if (xHit.is() && xHit == selectedNode())
            m_xPressedOnSelected = xHit;
    }
    catch (...)
    {
        logException("FactLens sidebar: mousePressed");
    }
}

void SAL_CALL FactPanel::mouseReleased(const awt::MouseEvent& rEvent)
{
    try
    {
        uno::Reference<awt::tree::XTreeNode> xPressed = m_xPressedOnSelected;
        m_xPressedOnSelected.clear();
        if (!xPressed.is() || m_nSerialAtPress != m_nSelectionSerial
            || nowSeconds() - m_fLastSelectionTime < kFurtherClickSeconds)
            return; // this click made the selection: selectionChanged showed it
        if (m_xTree->getNodeForLocation(rEvent.X, rEvent.Y) != xPressed)
            return;
        const int nRow = rowOfNode(xPressed);
        if (nRow >= 0 && m_aRows[nRow].bBadge)
            showBadge(nRow);
        else if (nRow >= 0)
            showRow(nRow, /*bAdvance=*/true);
    }
    catch (...)
    {
        logException("FactLens sidebar: mouseReleased");
    }
}

void SAL_CALL FactPanel::actionPerformed(const awt::ActionEvent& rEvent)
{
    try
    {
        if (rEvent.ActionCommand == "rerun")
            rerun();
        else if (rEvent.ActionCommand == "export")
            exportFacts();
        else if (rEvent.ActionCommand == "addsource")
            pickSources();
        else if (rEvent.ActionCommand == "removesource")
            removeSelectedSource();
    }
    catch (...)
    {
        logException("FactLens sidebar: actionPerformed");
    }
}

void SAL_CALL FactPanel::propertyChange(const beans::PropertyChangeEvent& rEvent)
{
    try
    {
        const uno::Reference<uno::XInterface> xSource(rEvent.Source, uno::UNO_QUERY);
        if (rEvent.PropertyName == "Text" && xSource == m_xFilterModel)
        {
            OUString aText;
            rEvent.NewValue >>= aText;
            std::u16string aFolded = FoldForFilter(toU16(aText));
            if (aFolded == m_aFilter)
                return;
            m_aFilter = std::move(aFolded);
            fillTree();
        }
        else if (rEvent.PropertyName == "State" && xSource == m_xVerifiedModel
                 && !m_bUpdatingVerifiedBox)
        {
            sal_Int16 nState = 0;
            rEvent.NewValue >>= nState;
            toggleVerified(nState == 1);
        }
        else if (rEvent.PropertyName == "SelectedItems" && xSource == m_xOpenDocsModel
                 && !m_bFillingOpenDocs)
        {
            uno::Sequence<sal_Int16> aItems;
            rEvent.NewValue >>= aItems;
            if (aItems.getLength() == 1 && aItems[0] > 0)
                addOpenDocument(aItems[0]);
        }
    }
    catch (...)
    {
        logException("FactLens sidebar: propertyChange");
    }
}

void FactPanel::toggleVerified(bool bVerified)
{
    const int nRow = selectedRow();
    if (nRow < 0)
        return;
    const FactItem& rItem = *m_aRows[nRow].pItem;
    if (rItem.key.empty())
        return;
    uno::Reference<frame::XModel> xModel = getModel();
    if (!xModel.is() || isReadOnly())
        return;
    setVerified(m_xContext, xModel, rItem.key, bVerified);
    if (bVerified)
        m_aVerified.insert(rItem.key);
    else
        m_aVerified.erase(rItem.key);
    for (const Row& rRow : m_aRows) // the fact's row, also when its badge row is selected
        if (rRow.pItem == &rItem && !rRow.bBadge)
            rRow.xNode->setDisplayValue(uno::Any(rowLabel(rItem)));
    setStatus(summary());
}

void FactPanel::rerun()
{
    uno::Reference<frame::XModel> xModel = getModel();
    if (!xModel.is())
        return;
    setStatus(fromUtf8("Analysing\u2026"));
    uno::WeakReference<ui::XToolPanel> xWeak(static_cast<ui::XToolPanel*>(this));
    runAnalysis(m_xContext, xModel, [xWeak](bool bPublished) {
        try
        {
            uno::Reference<ui::XToolPanel> xPanel(xWeak);
            if (!xPanel.is() || bPublished)
                return; // the listener has refreshed the panel
            FactPanel* pPanel = static_cast<FactPanel*>(xPanel.get());
            if (!pPanel->rBHelper.bDisposed && !pPanel->rBHelper.bInDispose)
                pPanel->setStatus(ascii("The analysis did not finish (see the log)."));
        }
        catch (...)
        {
            logException("FactLens sidebar: analysis done");
        }
    });
}

void FactPanel::exportFacts()
{
    if (!m_pAnalysis)
    {
        setStatus(ascii("Nothing to export yet: analyse the draft first."));
        return;
    }
    ExportFormat eFormat = ExportFormat::Markdown;
    const OUString aUrl = pickExportFile(m_xContext, defaultExportName(getModel()), eFormat);
    if (aUrl.isEmpty() || !m_pAnalysis) // the dialog runs events: a listener may have reset it
        return;
    writeFile(m_xContext, aUrl, exportText(*m_pAnalysis, eFormat, m_aVerified));
    setStatus("Exported to " + aUrl);
}

// ---------------------------------------------------------------- disposal

void FactPanel::detachListeners()
{
    if (m_nListenerId >= 0)
    {
        removeAnalysisListener(m_nListenerId);
        m_nListenerId = -1;
    }
    if (m_nSourcesListenerId >= 0)
    {
        removeSourcesListener(m_nSourcesListenerId);
        m_nSourcesListenerId = -1;
    }
    auto quietly = [](auto&& f) {
        try
        {
            f();
        }
        catch (...)
        {
        }
    };
    if (m_xParentWindow.is())
        quietly([&] { m_xParentWindow->removeWindowListener(this); });
    if (m_xTree.is())
    {
        quietly([&] { m_xTree->removeSelectionChangeListener(this); });
        quietly([&] {
            uno::Reference<awt::XWindow>(m_xTree, uno::UNO_QUERY_THROW)->removeMouseListener(this);
        });
    }
    if (m_xFilterModel.is())
        quietly([&] { m_xFilterModel->removePropertyChangeListener("Text", this); });
    if (m_xVerifiedModel.is())
        quietly([&] { m_xVerifiedModel->removePropertyChangeListener("State", this); });
    if (m_xOpenDocsModel.is())
        quietly([&] { m_xOpenDocsModel->removePropertyChangeListener("SelectedItems", this); });
    if (m_xControls.is())
        for (const char* pName : { "Rerun", "Export", "AddSource", "RemoveSource" })
            quietly([&] {
                uno::Reference<awt::XButton>(m_xControls->getControl(ascii(pName)),
                                             uno::UNO_QUERY_THROW)
                    ->removeActionListener(this);
            });
}

void SAL_CALL FactPanel::disposing()
{
    try
    {
        detachListeners();
        disposeComponent(m_xContainer);
    }
    catch (...)
    {
        logException("FactLens sidebar: dispose");
    }
    m_xContainer.clear();
    m_xControls.clear();
    m_xTree.clear();
    m_xTreeModel.clear();
    m_xFilterModel.clear();
    m_xVerifiedModel.clear();
    m_xStatusModel.clear();
    m_xOpenDocsModel.clear();
    m_xPressedOnSelected.clear();
    m_aRows.clear();
    m_aBadgeParents.clear();
    m_aBadges = SourceBadges();
    m_pSources.reset();
    m_pFacts.reset();
    m_aGroupLimit.clear();
    m_pAnalysis.reset();
    m_xParentWindow.clear();
    m_xSidebar.clear();
    m_xFrame.clear();
}

void SAL_CALL FactPanel::disposing(const lang::EventObject& rEvent)
{
    try
    {
        // The sidebar's window goes away: so does the panel.
        if (m_xParentWindow.is() && rEvent.Source == m_xParentWindow)
            dispose();
    }
    catch (...)
    {
        logException("FactLens sidebar: disposing");
    }
}

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
