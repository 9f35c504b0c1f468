/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

// factpanel.hxx — the FactLens sidebar panel: the fact list of one document.
//
// Created by PanelFactory (panelfactory.cxx) for the deck "FactLensDeck"
// (manifests/Sidebar.xcu). Built in code: a UnoControlContainer created on the
// sidebar's ParentWindow peer holds these controls (names are API: the office
// tests read them through XPanel::getDialog() / XControlContainer::getControl):
//   "FilterLabel"   FixedText  "Filter:"
//   "Filter"        Edit       filters the rows (case-insensitive, as typed)
//   "FactTree"      TreeControl  groups with counts: People, Organisations,
//                   Places, [Other names], Quotes (speaker > quote), Figures, Checks
//   "Verified"      CheckBox   the Verified mark of the selected fact
//   "Rerun"         Button     re-runs the analysis
//   "Export"        Button     saves the fact list as JSON, CSV or Markdown
//   "AddSource"     Button     adds source files (file picker; also the command
//                   org.factlens:AddSource with the argument URL)
//   "RemoveSource"  Button     removes the source selected in the Sources group
//   "OpenDocuments" ListBox    (drop-down) the other open documents: choosing one
//                   adds it as a source (item 0 is the prompt)
//   "Status"        FixedText  counts, notes, the mention being shown
// Sources (issue #17, sourcebadges.hxx): with sources, the tree ends with a
// group "Sources (n)" (one row per source: name and state or message; DataValue
// kSourceRowBase - index), every checked quote / figure row starts with its badge
// and has one child row (the badge row) spelling it out; selecting a badge row
// opens the source read-only and selects the passage.
// Layout is done in code on every resize of the parent window (the sidebar
// only resizes that window).
//
// Tree rows: every row's DataValue is its row number (sal_Int32, >= 0) in the
// panel's row table; group rows carry -1 - group index. A group shows its first
// rows (kFirstRowsPerGroup) and a row "… n more" (DataValue -1000 - group index):
// selecting it shows more rows of that group. The fact list itself is built on the
// analysis worker (Analysis::facts): filling the tree is the panel's only
// main-thread work. Verified facts show a
// leading "✓ ". Selecting a row selects the fact's text in the document
// (session.hxx selectSpan: selection + scroll). Selecting the row that was
// shown last again, or clicking the already selected row, walks through its
// spans (an entity's mentions, a speaker's quotes, a check's spans).
//
// The filter and the Verified box react to changes of their control *models*
// (property "Text" and "State"), so a user's typing / click and a test's
// model change take the same path.
//
// Threading: every method runs on the main thread (UNO calls from VCL and the
// session's listener). Every UNO entry point catches all exceptions and logs
// them (log.hxx); none reaches LibreOffice.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XMouseListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/tree/XMutableTreeDataModel.hpp>
#include <com/sun/star/awt/tree/XMutableTreeNode.hpp>
#include <com/sun/star/awt/tree/XTreeControl.hpp>
#include <com/sun/star/beans/XPropertyChangeListener.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase8.hxx>
#include <rtl/ustring.hxx>

#include <factlens/factlist.h>

#include "sidebar/sourcebadges.hxx"

namespace factlens::office
{
struct Analysis;

typedef cppu::WeakComponentImplHelper8<css::ui::XUIElement, css::ui::XToolPanel,
                                       css::ui::XSidebarPanel, css::awt::XWindowListener,
                                       css::view::XSelectionChangeListener,
                                       css::awt::XMouseListener, css::awt::XActionListener,
                                       css::beans::XPropertyChangeListener>
    FactPanel_Base;

class FactPanel : private cppu::BaseMutex, public FactPanel_Base
{
public:
    FactPanel(const css::uno::Reference<css::uno::XComponentContext>& xContext,
              const css::uno::Reference<css::frame::XFrame>& xFrame,
              const css::uno::Reference<css::awt::XWindow>& xParentWindow,
              const css::uno::Reference<css::ui::XSidebar>& xSidebar,
              const ::rtl::OUString& rResourceURL);
    virtual ~FactPanel() override;

    /// Builds the controls and registers the listeners (call once, after
    /// construction, holding a reference to the panel).
    void initialize();

    // XUIElement
    virtual css::uno::Reference<css::frame::XFrame> SAL_CALL getFrame() override;
    virtual ::rtl::OUString SAL_CALL getResourceURL() override;
    virtual sal_Int16 SAL_CALL getType() override;
    virtual css::uno::Reference<css::uno::XInterface> SAL_CALL getRealInterface() override;

    // XToolPanel
    virtual css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override;
    virtual css::uno::Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const css::uno::Reference<css::accessibility::XAccessible>& xParent) override;

    // XSidebarPanel
    virtual css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 nWidth) override;
    virtual sal_Int32 SAL_CALL getMinimalWidth() override;

    // XWindowListener (the parent window)
    virtual void SAL_CALL windowResized(const css::awt::WindowEvent& rEvent) override;
    virtual void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    virtual void SAL_CALL windowShown(const css::lang::EventObject& rEvent) override;
    virtual void SAL_CALL windowHidden(const css::lang::EventObject&) override {}

    // XSelectionChangeListener (the tree)
    virtual void SAL_CALL selectionChanged(const css::lang::EventObject& rEvent) override;

    // XMouseListener (the tree)
    virtual void SAL_CALL mousePressed(const css::awt::MouseEvent& rEvent) override;
    virtual void SAL_CALL mouseReleased(const css::awt::MouseEvent& rEvent) override;
    virtual void SAL_CALL mouseEntered(const css::awt::MouseEvent&) override {}
    virtual void SAL_CALL mouseExited(const css::awt::MouseEvent&) override {}

    // XActionListener (the buttons)
    virtual void SAL_CALL actionPerformed(const css::awt::ActionEvent& rEvent) override;

    // XPropertyChangeListener (filter text, Verified state)
    virtual void SAL_CALL propertyChange(const css::beans::PropertyChangeEvent& rEvent) override;

    // XEventListener
    virtual void SAL_CALL disposing(const css::lang::EventObject& rEvent) override;
    using WeakComponentImplHelperBase::disposing;

private:
    /// One tree row that stands for a fact (or a speaker).
    struct Row
    {
        const FactItem* pItem = nullptr;
        css::uno::Reference<css::awt::tree::XMutableTreeNode> xNode;
        bool bBadge = false; ///< the badge row under pItem's row
    };

    virtual void SAL_CALL disposing() override; // WeakComponentImplHelperBase

    /// Facts shown, rows created and matching facts left out (over
    /// the group's limit) while filling one group.
    struct RowCounts
    {
        int nShown = 0;
        int nNodes = 0;
        int nHidden = 0;
        int nLimit = 0; ///< rows this group may show (m_aGroupLimit)
    };

    void createContainer();
    void createControls();
    void attachListeners();
    void listenToAnalyses();
    css::uno::Reference<css::awt::XControl>
    addControl(const char* pService, const char* pName,
               const std::vector<std::pair<const char*, css::uno::Any>>& rProps);
    void layout();
    css::uno::Reference<css::frame::XModel> getModel() const;
    void setAnalysis(const std::shared_ptr<const Analysis>& pAnalysis);
    void fillTree();
    css::uno::Reference<css::awt::tree::XMutableTreeNode>
    createGroup(const css::uno::Reference<css::awt::tree::XMutableTreeDataModel>& xData,
                size_t nGroup,
                std::vector<css::uno::Reference<css::awt::tree::XMutableTreeNode>>& rSpeakers);
    css::uno::Reference<css::awt::tree::XMutableTreeNode>
    addItemRows(const css::uno::Reference<css::awt::tree::XMutableTreeDataModel>& xData,
                const FactItem& rItem, RowCounts& rCounts);
    css::uno::Reference<css::awt::tree::XMutableTreeNode>
    createRow(const css::uno::Reference<css::awt::tree::XMutableTreeDataModel>& xData,
              const FactItem& rItem);
    void expandNodes(
        const std::vector<css::uno::Reference<css::awt::tree::XMutableTreeNode>>& rNodes);
    ::rtl::OUString rowLabel(const FactItem& rItem) const;
    int rowOfNode(const css::uno::Reference<css::awt::tree::XTreeNode>& xNode) const;
    css::uno::Reference<css::awt::tree::XTreeNode> selectedNode() const;
    int selectedRow() const;
    int selectedMoreRow() const;
    int moreRowGroup(const css::uno::Reference<css::awt::tree::XTreeNode>& xNode) const;
    void showMoreRows(int nGroup);
    void postShowMoreRows(int nGroup);
    const std::vector<FactGroup>& groups() const;
    void showRow(int nRow, bool bAdvance);
    void updateVerifiedBox();
    bool isReadOnly() const;
    void setStatus(const ::rtl::OUString& rText);
    ::rtl::OUString summary() const;
    void toggleVerified(bool bVerified);
    void rerun();
    void exportFacts();
    // Sources (factpanel_sources.cxx)
    void listenToSources();
    void refreshSources(bool bFill);
    void addSourceRows(const css::uno::Reference<css::awt::tree::XMutableTreeDataModel>& xData,
                       const css::uno::Reference<css::awt::tree::XMutableTreeNode>& xRoot);
    void addBadgeRow(const css::uno::Reference<css::awt::tree::XMutableTreeDataModel>& xData,
                     const css::uno::Reference<css::awt::tree::XMutableTreeNode>& xNode,
                     const FactItem& rItem);
    int selectedSource() const;
    void showSourceEntry(int nEntry);
    void showBadge(int nRow);
    void pickSources();
    void removeSelectedSource();
    void fillOpenDocuments();
    void addOpenDocument(sal_Int16 nItem);
    void detachListeners();

    css::uno::Reference<css::uno::XComponentContext> m_xContext;
    css::uno::Reference<css::frame::XFrame> m_xFrame;
    css::uno::Reference<css::awt::XWindow> m_xParentWindow;
    css::uno::Reference<css::ui::XSidebar> m_xSidebar;
    ::rtl::OUString m_aResourceURL;

    css::uno::Reference<css::awt::XControl> m_xContainer;
    css::uno::Reference<css::awt::XControlContainer> m_xControls;
    css::uno::Reference<css::awt::tree::XTreeControl> m_xTree;
    css::uno::Reference<css::beans::XPropertySet> m_xTreeModel;
    css::uno::Reference<css::beans::XPropertySet> m_xFilterModel;
    css::uno::Reference<css::beans::XPropertySet> m_xVerifiedModel;
    css::uno::Reference<css::beans::XPropertySet> m_xStatusModel;

    std::shared_ptr<const Analysis> m_pAnalysis;
    std::shared_ptr<const std::vector<FactGroup>> m_pFacts; // Analysis::facts
    std::vector<int> m_aGroupLimit; // rows each group shows (kFirstRowsPerGroup, more on click)
    std::vector<Row> m_aRows;
    std::set<std::string> m_aVerified;
    std::u16string m_aFilter; // folded

    int m_nListenerId = -1;
    int m_nSourcesListenerId = -1;
    bool m_bInSourcesRefresh = false; // getSources() publishes: no re-entrant fill
    css::uno::Reference<css::beans::XPropertySet> m_xOpenDocsModel;
    std::vector<::rtl::OUString> m_aOpenDocUrls; // item i + 1 of "OpenDocuments"
    bool m_bFillingOpenDocs = false;
    std::shared_ptr<const SourceSet> m_pSources;
    SourceBadges m_aBadges;
    std::vector<css::uno::Reference<css::awt::tree::XMutableTreeNode>> m_aBadgeParents;
    int m_nLastShownRow = -1; // the row whose span was selected last
    size_t m_nSpanIndex = 0; // which of its spans
    bool m_bUpdatingVerifiedBox = false;
    // Click detection for "a further click walks through the mentions".
    css::uno::Reference<css::awt::tree::XTreeNode> m_xPressedOnSelected;
    sal_uInt64 m_nSelectionSerial = 0;
    sal_uInt64 m_nSerialAtPress = 0;
    double m_fLastSelectionTime = 0;
};

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
