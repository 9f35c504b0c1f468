/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// sources.hxx — the sources a draft is checked against (issue #17), per document.
//
// Usage (main thread):
//   std::shared_ptr<const SourceSet> s = getSources(xContext, xModel); // loads the stored list
//   OUString aMessage;
//   addSource(xContext, xModel, "file:///tmp/interview.odt", aMessage); // false + message
//   removeSource(xContext, xModel, "file:///tmp/interview.odt");
//   int id = addSourcesListener([](const Reference<XModel>& m) { ... }); // after each change
//   SourceChecks c = CheckAgainstSources(a.document, a.report, *s->index);
//   showSourcePassage(xContext, *s, c.quotes[0].source, c.quotes[0].source_begin, ...);
//
// The list is kept with the document: the user-defined document property
// "FactLens Sources" (one file URL a line), which ODT and DOCX both keep; changing
// it sets the modified flag. Each source is loaded hidden and read-only through
// the office (any format Writer opens; a document already open is read in place),
// its body paragraphs are read in main-thread slices of kSliceMs, then the
// SourceIndex over every loaded source is built on a worker thread and published.
//
// Bad sources never block: a missing file, a folder, a binary file (NUL bytes and
// no known document signature) or a file over the size limits is refused at once
// with a message; a document that does not open as text fails with a message; a
// text over kMaxSourceChars is cut there (with a note). The UNO load itself is one
// main-thread call, bounded by the file size limits.
//
// Errors: no function throws; failures are messages (SourceEntry::message).
#ifndef INCLUDED_FACTLENS_EXTENSION_SESSION_SOURCES_HXX
#define INCLUDED_FACTLENS_EXTENSION_SESSION_SOURCES_HXX

#include <functional>
#include <memory>
#include <vector>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "factlens/document.h"
#include "factlens/sources.h"

namespace factlens::office
{
constexpr sal_Int64 kMaxTextFileBytes = 2 * 1024 * 1024;      // .txt and unknown text
constexpr sal_Int64 kMaxDocumentFileBytes = 20 * 1024 * 1024; // .odt, .docx, .pdf ...
constexpr size_t kMaxSourceChars = 2000000;                   // UTF-16 units read from one source

struct SourceEntry
{
    enum class State
    {
        Loading,
        Ready,
        Failed
    };
    ::rtl::OUString url;
    ::rtl::OUString name; ///< file name, as shown
    State state = State::Loading;
    ::rtl::OUString message; ///< why it failed, or a note ("only the first ...")
    std::shared_ptr<const factlens::Document> text; ///< when Ready
};

/// A published state of one document's sources (immutable once published).
struct SourceSet
{
    std::vector<SourceEntry> entries;
    /// Over the Ready entries; null while none is ready.
    std::shared_ptr<const factlens::SourceIndex> index;
    std::vector<int> entryOfId;  ///< SourceIndex id -> index into entries
    ::rtl::OUString lastMessage; ///< the result of the last add / remove
};

/// The current sources of `xModel`; the first call reads the stored list and starts
/// loading it. Never null.
std::shared_ptr<const SourceSet>
getSources(const css::uno::Reference<css::uno::XComponentContext>& xContext,
           const css::uno::Reference<css::frame::XModel>& xModel);

/// Adds a source (file URL or system path) and stores the list. false (and a
/// message, also in lastMessage) when it is refused at once.
bool addSource(const css::uno::Reference<css::uno::XComponentContext>& xContext,
               const css::uno::Reference<css::frame::XModel>& xModel, const ::rtl::OUString& rUrl,
               ::rtl::OUString& rMessage);

bool removeSource(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                  const css::uno::Reference<css::frame::XModel>& xModel,
                  const ::rtl::OUString& rUrl);

using SourcesListener = std::function<void(const css::uno::Reference<css::frame::XModel>&)>;
int addSourcesListener(SourcesListener listener);
void removeSourcesListener(int nId);

/// Opens source `nSourceId` (a SourceIndex id of `rSet`) read-only (or uses it when
/// it is open) and selects the passage [begin, end). false when it cannot.
bool showSourcePassage(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                       const SourceSet& rSet, int nSourceId, const factlens::Position& rBegin,
                       const factlens::Position& rEnd);
} // namespace factlens::office

#endif
