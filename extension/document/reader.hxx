/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// reader.hxx — reading a Writer document into a factlens::Document plus, per
// paragraph, its offset map and highlights (ParaInfo). Main thread only.
//
//   ReadResult out;
//   std::vector<PendingParagraph> list;
//   collectParagraphs(xModel, out, list);           // cheap: only lists them, in order
//   DocumentReader reader(out);
//   for (const auto& p : list) reader.readParagraph(p);   // in kSliceMs slices (session/)
//
// Order: body (headings, captions, list items, tables cell by cell, nested tables),
// text frames, footnotes, endnotes, headers and footers of the page styles in use,
// drawing-shape text (text boxes as Writer text; plain shape text is analysed, never
// painted). Offsets: see offset_map.hxx.
#ifndef INCLUDED_FACTLENS_EXTENSION_DOCUMENT_READER_HXX
#define INCLUDED_FACTLENS_EXTENSION_DOCUMENT_READER_HXX

#include <memory>
#include <unordered_map>
#include <vector>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include "document/paragraph.hxx"
#include "factlens/document.h"
#include "session.hxx"

namespace factlens::office
{
struct ReadResult
{
    factlens::Document document;
    std::vector<ParaInfo> paras; // one per document.paragraphs entry
    size_t hash = 0; // of all paragraph texts and kinds (the report cache's key)
    sal_Int64 chars = 0;
};

/// A paragraph listed by collectParagraphs, read later.
struct PendingParagraph
{
    css::uno::Reference<css::text::XTextContent> para;
    css::uno::Reference<css::text::XText> text;
    factlens::ParagraphKind kind;
    bool shapeText;
};

/// The painted paragraphs of the previous analysis, by paragraph object: a re-run
/// takes their reading over when their string is unchanged (DocumentReader).
struct PreviousReading
{
    std::shared_ptr<const Analysis> analysis; // valid while it is the document's current one
    const std::vector<ParaInfo>* paras = nullptr; // its paragraphs (DocState::paras)
    std::unordered_map<const void*, size_t> byObject;
};

class DocumentReader
{
public:
    /// Reads into `out`; with `collect`, readText only lists the paragraphs there.
    explicit DocumentReader(ReadResult& out, std::vector<PendingParagraph>* collect = nullptr)
        : m_rOut(out)
        , m_pCollect(collect)
    {
    }

    void readText(const css::uno::Reference<css::text::XText>& xText, factlens::ParagraphKind kind,
                  bool bShapeText = false);
    void readTable(const css::uno::Reference<css::text::XTextTable>& xTable);
    void readParagraph(const PendingParagraph& pending);

    /// Set while the previous analysis is the document's current one (checked before
    /// every slice); null: every paragraph is read from its portions.
    void setPrevious(const PreviousReading* pPrevious) { m_pPrevious = pPrevious; }
    /// Paragraphs taken over from the previous reading so far.
    size_t reusedCount() const { return m_nReused; }

private:
    bool reusePrevious(const css::uno::Reference<css::text::XTextContent>& xPara, ParaInfo& info,
                       factlens::ParagraphKind kind);
    void addParagraph(std::u16string text, factlens::ParagraphKind kind, ParaInfo info);

    ReadResult& m_rOut;
    std::vector<PendingParagraph>* m_pCollect;
    const PreviousReading* m_pPrevious = nullptr;
    size_t m_nReused = 0;
};

/// The paragraph's text without its text fields' shown text (the portions of type
/// Text): what decides whether a paragraph with fields was edited.
::rtl::OUString textOutsideFields(const css::uno::Reference<css::text::XTextRange>& xPara);

/// The string that tells whether `para` was edited since its reading: getString(), or
/// textOutsideFields for a paragraph holding fields.
::rtl::OUString currentString(const ParaInfo& para);

/// Lists every paragraph a reader sees, in reading order (see above), into `list`.
void collectParagraphs(const css::uno::Reference<css::frame::XModel>& xModel, ReadResult& out,
                       std::vector<PendingParagraph>& list);
}

#endif
