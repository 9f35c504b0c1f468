/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "sidebar/sourcebadges.hxx"

#include <cmath>

#include <rtl/uri.hxx>
#include <rtl/ustrbuf.hxx>

#include "common/ustring.hxx"
#include "session.hxx"

using ::rtl::OUString;

namespace factlens::office
{
namespace
{
enum class ItemKind
{
    Other,
    Quote,
    Figure
};

ItemKind kindOf(const FactItem& rItem)
{
    if (rItem.source < 0)
        return ItemKind::Other;
    if (rItem.key.rfind("quote:", 0) == 0)
        return ItemKind::Quote;
    if (rItem.key.rfind("figure:", 0) == 0)
        return ItemKind::Figure;
    return ItemKind::Other;
}

const QuoteCheck* quoteCheck(const SourceBadges& rBadges, const FactItem& rItem)
{
    if (!rBadges.active() || kindOf(rItem) != ItemKind::Quote ||
        rItem.source >= static_cast<int>(rBadges.quoteOfAttribution.size()))
        return nullptr;
    const int n = rBadges.quoteOfAttribution[rItem.source];
    return n < 0 ? nullptr : &rBadges.checks.quotes[n];
}

const FigureCheck* figureCheck(const SourceBadges& rBadges, const FactItem& rItem)
{
    if (!rBadges.active() || kindOf(rItem) != ItemKind::Figure ||
        rItem.source >= static_cast<int>(rBadges.checkOfFigure.size()))
        return nullptr;
    const int n = rBadges.checkOfFigure[rItem.source];
    return n < 0 ? nullptr : &rBadges.checks.figures[n];
}

OUString sourceName(const SourceBadges& rBadges, int nSource)
{
    const OUString aUrl = fromUtf8(rBadges.sources->index->name(nSource));
    const sal_Int32 nSlash = aUrl.lastIndexOf('/');
    return ::rtl::Uri::decode(nSlash >= 0 ? aUrl.copy(nSlash + 1) : aUrl, rtl_UriDecodeWithCharset,
                              RTL_TEXTENCODING_UTF8);
}

// The source figure's text ("$4.5 million").
OUString sourceFigureText(const SourceBadges& rBadges, const FigureCheck& rCheck)
{
    const factlens::SourceIndex& rIndex = *rBadges.sources->index;
    const factlens::Report& rReport = rIndex.report(rCheck.source);
    if (rCheck.source_figure < 0 ||
        rCheck.source_figure >= static_cast<int>(rReport.figures.size()))
        return OUString();
    return toOUString(
        SpanText(rIndex.document(rCheck.source), rReport.figures[rCheck.source_figure].span));
}

// "We will rebuild the [northern → southern] pier before the [− winter] storms".
OUString diffText(const QuoteCheck& rCheck)
{
    ::rtl::OUStringBuffer aBuf;
    for (const DiffOp& rOp : rCheck.diff)
    {
        if (aBuf.getLength())
            aBuf.append(" ");
        switch (rOp.op)
        {
        case DiffOp::Op::kEqual:
            aBuf.append(toOUString(rOp.draft));
            break;
        case DiffOp::Op::kInsert:
            aBuf.append("[+ " + toOUString(rOp.draft) + "]");
            break;
        case DiffOp::Op::kDelete:
            aBuf.append(fromUtf8("[\u2212 ") + toOUString(rOp.source) + "]");
            break;
        case DiffOp::Op::kReplace:
            aBuf.append("[" + toOUString(rOp.source) + fromUtf8(" \u2192 ") +
                        toOUString(rOp.draft) + "]");
            break;
        }
    }
    return aBuf.makeStringAndClear();
}

OUString notesText(const QuoteCheck& rCheck)
{
    OUString aNotes;
    for (const std::string& rNote : rCheck.notes)
        aNotes += (aNotes.isEmpty() ? OUString() : OUString(", ")) + fromUtf8(rNote);
    return aNotes.isEmpty() ? aNotes : " (" + aNotes + ")";
}

OUString quoteDetail(const SourceBadges& rBadges, const QuoteCheck& rCheck)
{
    switch (rCheck.status)
    {
    case QuoteStatus::kVerbatim:
        return fromUtf8("\u2713 verbatim in ") + sourceName(rBadges, rCheck.source) +
               notesText(rCheck);
    case QuoteStatus::kAltered:
        return fromUtf8("\u2260 altered against ") + sourceName(rBadges, rCheck.source) + " (" +
               OUString::number(static_cast<sal_Int32>(std::lround(rCheck.similarity * 100))) +
               "% alike): " + diffText(rCheck);
    case QuoteStatus::kNotFound:
        break;
    }
    return OUString("? not in the sources");
}

OUString figureDetail(const SourceBadges& rBadges, const FigureCheck& rCheck)
{
    switch (rCheck.status)
    {
    case FigureStatus::kSame:
        return "= same in " + sourceName(rBadges, rCheck.source) + fromUtf8(": \u201C") +
               sourceFigureText(rBadges, rCheck) + fromUtf8("\u201D");
    case FigureStatus::kDifferent:
        return fromUtf8("\u2260 different: ") + sourceName(rBadges, rCheck.source) +
               fromUtf8(" says \u201C") + sourceFigureText(rBadges, rCheck) + fromUtf8("\u201D");
    case FigureStatus::kNotFound:
        break;
    }
    return OUString("? not found in the sources");
}
} // namespace

SourceBadges computeBadges(const Analysis& rAnalysis,
                           const std::shared_ptr<const SourceSet>& pSources)
{
    SourceBadges aBadges;
    aBadges.sources = pSources;
    if (!aBadges.active())
        return aBadges;
    aBadges.checks = CheckAgainstSources(rAnalysis.document, rAnalysis.report, *pSources->index);
    aBadges.quoteOfAttribution.assign(rAnalysis.report.attributions.size(), -1);
    aBadges.checkOfFigure.assign(rAnalysis.report.figures.size(), -1);
    for (size_t i = 0; i < aBadges.checks.quotes.size(); ++i)
    {
        const int n = aBadges.checks.quotes[i].attribution;
        if (n >= 0 && n < static_cast<int>(aBadges.quoteOfAttribution.size()))
            aBadges.quoteOfAttribution[n] = static_cast<int>(i);
    }
    for (size_t i = 0; i < aBadges.checks.figures.size(); ++i)
    {
        const int n = aBadges.checks.figures[i].figure;
        if (n >= 0 && n < static_cast<int>(aBadges.checkOfFigure.size()))
            aBadges.checkOfFigure[n] = static_cast<int>(i);
    }
    return aBadges;
}

OUString badgePrefix(const SourceBadges& rBadges, const FactItem& rItem)
{
    if (const QuoteCheck* pQuote = quoteCheck(rBadges, rItem))
    {
        switch (pQuote->status)
        {
        case QuoteStatus::kVerbatim:
            return fromUtf8("[\u2713] ");
        case QuoteStatus::kAltered:
            return fromUtf8("[\u2260] ");
        case QuoteStatus::kNotFound:
            return "[?] ";
        }
    }
    if (const FigureCheck* pFigure = figureCheck(rBadges, rItem))
    {
        switch (pFigure->status)
        {
        case FigureStatus::kSame:
            return "[=] ";
        case FigureStatus::kDifferent:
            return fromUtf8("[\u2260 ") + sourceFigureText(rBadges, *pFigure) + "] ";
        case FigureStatus::kNotFound:
            return "[?] ";
        }
    }
    return OUString();
}

OUString badgeDetail(const SourceBadges& rBadges, const FactItem& rItem)
{
    if (const QuoteCheck* pQuote = quoteCheck(rBadges, rItem))
        return quoteDetail(rBadges, *pQuote);
    if (const FigureCheck* pFigure = figureCheck(rBadges, rItem))
        return figureDetail(rBadges, *pFigure);
    return OUString();
}

bool badgeTarget(const SourceBadges& rBadges, const FactItem& rItem, SourcePassage& rPassage)
{
    if (const QuoteCheck* pQuote = quoteCheck(rBadges, rItem))
    {
        if (pQuote->source < 0)
            return false;
        rPassage = { pQuote->source, pQuote->source_begin, pQuote->source_end };
        return true;
    }
    const FigureCheck* pFigure = figureCheck(rBadges, rItem);
    if (!pFigure || pFigure->source < 0 || pFigure->source_figure < 0)
        return false;
    const factlens::Report& rReport = rBadges.sources->index->report(pFigure->source);
    if (pFigure->source_figure >= static_cast<int>(rReport.figures.size()))
        return false;
    const Span& rSpan = rReport.figures[pFigure->source_figure].span;
    rPassage = { pFigure->source,
                 { rSpan.paragraph, rSpan.begin },
                 { rSpan.paragraph, rSpan.end } };
    return true;
}

OUString sourceRowLabel(const SourceEntry& rEntry)
{
    const OUString aDash = fromUtf8(" \u2014 ");
    switch (rEntry.state)
    {
    case SourceEntry::State::Loading:
        return rEntry.name + aDash + fromUtf8("loading\u2026");
    case SourceEntry::State::Failed:
        return rEntry.name + aDash + rEntry.message;
    case SourceEntry::State::Ready:
        break;
    }
    const sal_Int64 nParas =
        rEntry.text ? static_cast<sal_Int64>(rEntry.text->paragraphs.size()) : 0;
    OUString aLabel = rEntry.name + aDash + OUString::number(nParas) +
                      (nParas == 1 ? OUString(" paragraph") : OUString(" paragraphs"));
    if (!rEntry.message.isEmpty())
        aLabel += aDash + rEntry.message;
    return aLabel;
}
} // namespace factlens::office
