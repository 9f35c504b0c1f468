/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "session/panel_facts.hxx"

namespace factlens::office
{
namespace
{
// A fact as the panel keeps it: its row label, Verified key, filter text, spans and
// children.
void compactItem(factlens::FactItem& rItem)
{
    std::u16string().swap(rItem.text);
    std::u16string().swap(rItem.detail);
    rItem.label.shrink_to_fit();
    rItem.folded.shrink_to_fit();
    rItem.key.shrink_to_fit();
    rItem.spans.shrink_to_fit();
    for (factlens::FactItem& rChild : rItem.children)
        compactItem(rChild);
    rItem.children.shrink_to_fit();
}
}

std::shared_ptr<const std::vector<factlens::FactGroup>>
panelFacts(const factlens::Document& rDocument, const factlens::Report& rReport)
{
    auto pGroups = std::make_shared<std::vector<factlens::FactGroup>>(
        factlens::BuildFactList(rDocument, rReport));
    for (factlens::FactGroup& rGroup : *pGroups)
    {
        for (factlens::FactItem& rItem : rGroup.items)
            compactItem(rItem);
        rGroup.items.shrink_to_fit();
    }
    return pGroups;
}
}
