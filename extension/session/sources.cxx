/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "session/sources.hxx"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/ucb/XSimpleFileAccess3.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <cppuhelper/weakref.hxx>
#include <osl/file.hxx>
#include <osl/time.h>
#include <rtl/uri.hxx>
#include <rtl/ustrbuf.hxx>

#include "common/log.hxx"
#include "common/memory.hxx"
#include "common/props.hxx"
#include "common/ustring.hxx"
#include "session/main_thread.hxx"
#include "session/registry.hxx"
#include "session/workers.hxx"

using namespace css;
using ::rtl::OUString;

namespace factlens::office
{
namespace
{
const char kPropertyName[] = "FactLens Sources";

struct DocSources
{
    uno::WeakReference<frame::XModel> xModel;
    std::vector<SourceEntry> entries;
    std::shared_ptr<const factlens::SourceIndex> index;
    std::shared_ptr<const SourceSet> published;
    OUString lastMessage;
    sal_uInt64 indexSerial = 0;
    LiveCount<Live::Sources> counted;
};

// All on the main thread; the mutex only guards against the terminate path.
std::mutex g_aMutex;
std::map<OUString, std::shared_ptr<DocSources>> g_aDocs;
std::map<int, SourcesListener> g_aListeners;
int g_nNextListener = 1;

OUString ascii(const char* s)
{
    return OUString::createFromAscii(s);
}

OUString fileName(const OUString& rUrl)
{
    const sal_Int32 nSlash = rUrl.lastIndexOf('/');
    const OUString aName = ::rtl::Uri::decode(nSlash >= 0 ? rUrl.copy(nSlash + 1) : rUrl,
                                              rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
    return aName.isEmpty() ? rUrl : aName;
}

OUString normaliseUrl(const OUString& rUrl)
{
    if (rUrl.indexOf(':') > 1)
        return rUrl;
    OUString aUrl;
    if (osl::FileBase::getFileURLFromSystemPath(rUrl, aUrl) == osl::FileBase::E_None)
        return aUrl;
    return rUrl;
}

std::vector<OUString> readStoredList(const uno::Reference<frame::XModel>& xModel)
{
    std::vector<OUString> aUrls;
    uno::Reference<beans::XPropertySet> xSet(userProperties(xModel), uno::UNO_QUERY);
    if (!xSet.is() || !xSet->getPropertySetInfo()->hasPropertyByName(ascii(kPropertyName)))
        return aUrls;
    OUString aValue;
    xSet->getPropertyValue(ascii(kPropertyName)) >>= aValue;
    sal_Int32 nIndex = 0;
    while (nIndex >= 0)
    {
        OUString aLine = aValue.getToken(0, '\n', nIndex).trim();
        if (!aLine.isEmpty())
            aUrls.push_back(aLine);
    }
    return aUrls;
}

void writeStoredList(const uno::Reference<frame::XModel>& xModel,
                     const std::vector<SourceEntry>& rEntries)
{
    uno::Reference<beans::XPropertyContainer> xContainer = userProperties(xModel);
    uno::Reference<beans::XPropertySet> xSet(xContainer, uno::UNO_QUERY);
    if (!xSet.is())
        return;
    const OUString aName = ascii(kPropertyName);
    const bool bExists = xSet->getPropertySetInfo()->hasPropertyByName(aName);
    ::rtl::OUStringBuffer aValue;
    for (const SourceEntry& rEntry : rEntries)
    {
        if (aValue.getLength())
            aValue.append("\n");
        aValue.append(rEntry.url);
    }
    if (rEntries.empty())
    {
        if (bExists)
            xContainer->removeProperty(aName);
    }
    else if (bExists)
        xSet->setPropertyValue(aName, uno::Any(aValue.makeStringAndClear()));
    else
        xContainer->addProperty(aName, beans::PropertyAttribute::REMOVABLE,
                                uno::Any(aValue.makeStringAndClear()));
    uno::Reference<util::XModifiable> xModifiable(xModel, uno::UNO_QUERY);
    if (xModifiable.is())
        xModifiable->setModified(true);
}

std::shared_ptr<DocSources> findDoc(const OUString& rKey)
{
    std::lock_guard<std::mutex> aLock(g_aMutex);
    auto it = g_aDocs.find(rKey);
    return it == g_aDocs.end() ? nullptr : it->second;
}

SourceEntry* findEntry(DocSources& rDoc, const OUString& rUrl)
{
    for (SourceEntry& rEntry : rDoc.entries)
        if (rEntry.url == rUrl)
            return &rEntry;
    return nullptr;
}

// A new snapshot for the panel, then the listeners.
void publish(DocSources& rDoc)
{
    auto pSet = std::make_shared<SourceSet>();
    pSet->entries = rDoc.entries;
    pSet->index = rDoc.index;
    pSet->lastMessage = rDoc.lastMessage;
    rDoc.published = pSet;
    uno::Reference<frame::XModel> xModel(rDoc.xModel);
    if (!xModel.is())
        return;
    std::vector<SourcesListener> aCopy;
    {
        std::lock_guard<std::mutex> aLock(g_aMutex);
        for (const auto& rPair : g_aListeners)
            aCopy.push_back(rPair.second);
    }
    for (const SourcesListener& rListener : aCopy)
    {
        try
        {
            rListener(xModel);
        }
        catch (...)
        {
            logException("FactLens sources: listener");
        }
    }
}

// ---------------------------------------------------------------- checks before loading

bool startsWith(const uno::Sequence<sal_Int8>& rHead, const char* pMagic, size_t nLen)
{
    if (static_cast<size_t>(rHead.getLength()) < nLen)
        return false;
    return std::equal(pMagic, pMagic + nLen, reinterpret_cast<const char*>(rHead.getConstArray()));
}

// A document format the office imports (by signature or by name), not plain text.
bool isDocumentFormat(const uno::Sequence<sal_Int8>& rHead, const OUString& rUrl)
{
    if (startsWith(rHead, "PK\x03\x04", 4) || startsWith(rHead, "%PDF", 4) ||
        startsWith(rHead, "\xD0\xCF\x11\xE0", 4) || startsWith(rHead, "{\\rtf", 5))
        return true;
    const OUString aLower = rUrl.toAsciiLowerCase();
    for (const char* pExt : { ".html", ".htm", ".xhtml", ".fodt", ".xml" })
        if (aLower.endsWithAsciiL(pExt, strlen(pExt)))
            return true;
    return false;
}

bool hasNul(const uno::Sequence<sal_Int8>& rHead)
{
    for (sal_Int32 i = 0; i < rHead.getLength(); ++i)
        if (rHead[i] == 0)
            return true;
    return false;
}

OUString megabytes(sal_Int64 nBytes)
{
    return OUString::number((nBytes * 10 / (1024 * 1024)) / 10.0);
}

// Refuses at once what cannot be a source: a missing file, a folder, a binary
// file, a file over the size limits. true when it may be loaded.
bool checkFile(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rUrl,
               OUString& rMessage)
{
    const OUString aName = fileName(rUrl);
    uno::Reference<ucb::XSimpleFileAccess3> xFiles = ucb::SimpleFileAccess::create(xContext);
    if (!xFiles->exists(rUrl))
    {
        rMessage = aName + ": the file is missing (" + rUrl + ").";
        return false;
    }
    if (xFiles->isFolder(rUrl))
    {
        rMessage = aName + ": a folder, not a document.";
        return false;
    }
    const sal_Int64 nSize = xFiles->getSize(rUrl);
    uno::Sequence<sal_Int8> aHead;
    uno::Reference<io::XInputStream> xIn = xFiles->openFileRead(rUrl);
    xIn->readBytes(aHead, 8192);
    xIn->closeInput();
    const bool bDocument = isDocumentFormat(aHead, rUrl);
    if (!bDocument && hasNul(aHead))
    {
        rMessage = aName + ": a binary file, not a text or a document LibreOffice can read.";
        return false;
    }
    const sal_Int64 nLimit = bDocument ? kMaxDocumentFileBytes : kMaxTextFileBytes;
    if (nSize > nLimit)
    {
        rMessage = aName + ": too large to check (" + megabytes(nSize) + " MB; the limit is " +
                   megabytes(nLimit) + ascii(bDocument ? " MB for a document)." : " MB for text).");
        return false;
    }
    return true;
}

// ---------------------------------------------------------------- loading and reading

// A document already open at this URL (the user's), or null.
uno::Reference<frame::XModel> findOpenModel(const uno::Reference<uno::XComponentContext>& xContext,
                                            const OUString& rUrl)
{
    uno::Reference<frame::XDesktop2> xDesktop = frame::Desktop::create(xContext);
    uno::Reference<container::XEnumerationAccess> xComponents = xDesktop->getComponents();
    if (!xComponents.is())
        return nullptr;
    uno::Reference<container::XEnumeration> xEnum = xComponents->createEnumeration();
    while (xEnum.is() && xEnum->hasMoreElements())
    {
        uno::Reference<frame::XModel> xModel(xEnum->nextElement(), uno::UNO_QUERY);
        if (xModel.is() && xModel->getURL() == rUrl)
            return xModel;
    }
    return nullptr;
}

uno::Reference<frame::XModel> loadDocument(const uno::Reference<uno::XComponentContext>& xContext,
                                           const OUString& rUrl, bool bHidden)
{
    uno::Reference<frame::XComponentLoader> xLoader(frame::Desktop::create(xContext),
                                                    uno::UNO_QUERY_THROW);
    // A PDF opens in Draw by default; Writer's import keeps its text in text shapes.
    const bool bPdf = rUrl.toAsciiLowerCase().endsWith(".pdf");
    uno::Sequence<beans::PropertyValue> aArgs((bHidden ? 3 : 1) + (bPdf ? 1 : 0));
    aArgs[0].Name = "ReadOnly";
    aArgs[0].Value <<= true;
    if (bPdf)
    {
        aArgs[aArgs.getLength() - 1].Name = "FilterName";
        aArgs[aArgs.getLength() - 1].Value <<= OUString("writer_pdf_import");
    }
    if (bHidden)
    {
        aArgs[1].Name = "Hidden";
        aArgs[1].Value <<= true;
        aArgs[2].Name = "Silent";
        aArgs[2].Value <<= true;
    }
    return uno::Reference<frame::XModel>(xLoader->loadComponentFromURL(rUrl, "_blank", 0, aArgs),
                                         uno::UNO_QUERY);
}

void closeModel(const uno::Reference<frame::XModel>& xModel)
{
    try
    {
        uno::Reference<util::XCloseable> xClose(xModel, uno::UNO_QUERY);
        if (xClose.is())
            xClose->close(true);
    }
    catch (...)
    {
        logException("FactLens sources: close");
    }
}

bool isParagraph(const uno::Reference<uno::XInterface>& xElement)
{
    uno::Reference<lang::XServiceInfo> xInfo(xElement, uno::UNO_QUERY);
    return xInfo.is() && xInfo->supportsService("com.sun.star.text.Paragraph");
}

// One source being read, slice by slice, on the main thread.
struct Reading
{
    uno::Reference<uno::XComponentContext> xContext;
    OUString aKey, aUrl;
    uno::Reference<frame::XModel> xSource;
    bool bOwn = false; // we loaded it hidden: close it after reading
    uno::Reference<container::XEnumeration> xParagraphs;
    std::shared_ptr<factlens::Document> pDoc = std::make_shared<factlens::Document>();
    size_t nChars = 0;
    size_t nBodyParagraphs = 0;
    bool bCut = false;
};

void rebuildIndex(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rKey);

void finishEntry(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rKey,
                 const OUString& rUrl, SourceEntry::State eState, const OUString& rMessage,
                 std::shared_ptr<const factlens::Document> pText)
{
    std::shared_ptr<DocSources> pDoc = findDoc(rKey);
    if (!pDoc)
        return;
    SourceEntry* pEntry = findEntry(*pDoc, rUrl);
    if (!pEntry)
        return; // removed meanwhile
    pEntry->state = eState;
    pEntry->message = rMessage;
    pEntry->text = std::move(pText);
    if (eState == SourceEntry::State::Failed)
        pDoc->lastMessage = rMessage;
    else if (rMessage.isEmpty())
        pDoc->lastMessage = pEntry->name + ascii(": read, checking the draft against it.");
    else
        pDoc->lastMessage = pEntry->name + ascii(": read; ") + rMessage;
    publish(*pDoc);
    if (eState == SourceEntry::State::Ready)
        rebuildIndex(xContext, rKey);
}

// The text of the document's text shapes, one paragraph per shape, after the body
// paragraphs (an imported PDF keeps all its text there). Bounded by kMaxSourceChars.
void readShapes(Reading& rRead)
{
    uno::Reference<drawing::XDrawPageSupplier> xSupplier(rRead.xSource, uno::UNO_QUERY);
    uno::Reference<container::XIndexAccess> xPage(
        xSupplier.is() ? xSupplier->getDrawPage() : nullptr, uno::UNO_QUERY);
    const sal_Int32 nShapes = xPage.is() ? xPage->getCount() : 0;
    for (sal_Int32 i = 0; i < nShapes && !rRead.bCut; ++i)
    {
        uno::Reference<text::XTextRange> xShapeText(xPage->getByIndex(i), uno::UNO_QUERY);
        factlens::Paragraph aPara;
        if (xShapeText.is())
            aPara.text = toU16(xShapeText->getString());
        rRead.nChars += aPara.text.size() + 1;
        rRead.pDoc->paragraphs.push_back(std::move(aPara)); // empty for a shape without text
        rRead.bCut = rRead.nChars >= kMaxSourceChars;
    }
}

void finishReading(const std::shared_ptr<Reading>& pRead)
{
    if (!pRead->bCut)
    {
        pRead->nBodyParagraphs = pRead->pDoc->paragraphs.size();
        readShapes(*pRead);
    }
    if (pRead->bOwn)
        closeModel(pRead->xSource);
    pRead->xSource.clear();
    OUString aNote;
    if (pRead->bCut)
        aNote = "long: only its first " +
                OUString::number(static_cast<sal_Int64>(kMaxSourceChars)) +
                " characters are checked.";
    finishEntry(pRead->xContext, pRead->aKey, pRead->aUrl, SourceEntry::State::Ready, aNote,
                pRead->pDoc);
}

void readSlice(const std::shared_ptr<Reading>& pRead);

// A failure in the middle of reading: the entry fails, the hidden document closes.
void readSliceSafely(const std::shared_ptr<Reading>& pRead)
{
    try
    {
        readSlice(pRead);
    }
    catch (...)
    {
        logException("FactLens sources: reading a slice");
        if (pRead->bOwn)
            closeModel(pRead->xSource);
        finishEntry(pRead->xContext, pRead->aKey, pRead->aUrl, SourceEntry::State::Failed,
                    fileName(pRead->aUrl) + ascii(": reading it failed."), nullptr);
    }
}

// Reads body paragraphs for about kSliceMs, then yields to the office.
void readSlice(const std::shared_ptr<Reading>& pRead)
{
    if (workers().terminating() || !findDoc(pRead->aKey))
    {
        if (pRead->bOwn)
            closeModel(pRead->xSource);
        return;
    }
    const sal_uInt32 nStart = osl_getGlobalTimer();
    while (pRead->xParagraphs->hasMoreElements())
    {
        uno::Reference<text::XTextRange> xPara(pRead->xParagraphs->nextElement(), uno::UNO_QUERY);
        if (!xPara.is() || !isParagraph(xPara))
            continue; // tables are not read (and not counted: showSourcePassage agrees)
        factlens::Paragraph aPara;
        aPara.text = toU16(xPara->getString());
        pRead->nChars += aPara.text.size() + 1;
        pRead->pDoc->paragraphs.push_back(std::move(aPara));
        if (pRead->nChars >= kMaxSourceChars)
        {
            pRead->bCut = true;
            break;
        }
        if (osl_getGlobalTimer() - nStart >= kSliceMs)
        {
            postToMain(pRead->xContext, [pRead] { readSliceSafely(pRead); });
            return;
        }
    }
    finishReading(pRead);
}

// Opens the source (hidden, read-only) or takes the open one, then reads it.
void openAndRead(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rKey,
                 const OUString& rUrl)
{
    if (!findDoc(rKey))
        return;
    auto pRead = std::make_shared<Reading>();
    pRead->xContext = xContext;
    pRead->aKey = rKey;
    pRead->aUrl = rUrl;
    pRead->xSource = findOpenModel(xContext, rUrl);
    if (!pRead->xSource.is())
    {
        pRead->xSource = loadDocument(xContext, rUrl, /*bHidden=*/true);
        pRead->bOwn = pRead->xSource.is();
    }
    uno::Reference<text::XTextDocument> xText(pRead->xSource, uno::UNO_QUERY);
    uno::Reference<container::XEnumerationAccess> xAccess(xText.is() ? xText->getText() : nullptr,
                                                          uno::UNO_QUERY);
    if (!xAccess.is())
    {
        if (pRead->bOwn)
            closeModel(pRead->xSource);
        finishEntry(xContext, rKey, rUrl, SourceEntry::State::Failed,
                    fileName(rUrl) +
                        (pRead->xSource.is()
                             ? ascii(": LibreOffice opens it, but not as a text document.")
                             : ascii(": LibreOffice cannot open it.")),
                    nullptr);
        return;
    }
    pRead->xParagraphs = xAccess->createEnumeration();
    readSlice(pRead);
}

void startLoading(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rKey,
                  const OUString& rUrl)
{
    postToMain(xContext,
               [xContext, rKey, rUrl]
               {
                   try
                   {
                       openAndRead(xContext, rKey, rUrl);
                   }
                   catch (...)
                   {
                       logException("FactLens sources: reading");
                       finishEntry(xContext, rKey, rUrl, SourceEntry::State::Failed,
                                   fileName(rUrl) + ": reading it failed.", nullptr);
                   }
               });
}

// The SourceIndex over every ready source, built on a worker thread.
void rebuildIndex(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rKey)
{
    std::shared_ptr<DocSources> pDoc = findDoc(rKey);
    if (!pDoc)
        return;
    const sal_uInt64 nSerial = ++pDoc->indexSerial;
    std::vector<std::pair<std::string, std::shared_ptr<const factlens::Document>>> aTexts;
    for (const SourceEntry& rEntry : pDoc->entries)
        if (rEntry.state == SourceEntry::State::Ready && rEntry.text)
            aTexts.emplace_back(toUtf8(rEntry.url), rEntry.text);
    if (aTexts.empty())
    {
        pDoc->index.reset();
        publish(*pDoc);
        return;
    }
    workers().start(
        [xContext, rKey, nSerial, aTexts]
        {
            auto pIndex = std::make_shared<factlens::SourceIndex>();
            for (const auto& rText : aTexts)
                pIndex->Add(rText.first, *rText.second);
            postToMain(xContext,
                       [rKey, nSerial, pIndex]
                       {
                           std::shared_ptr<DocSources> pState = findDoc(rKey);
                           if (!pState || pState->indexSerial != nSerial)
                               return; // the list changed meanwhile: a newer build follows
                           pState->index = pIndex;
                           publish(*pState);
                       });
        });
}

std::shared_ptr<DocSources> obtainDoc(const uno::Reference<uno::XComponentContext>& xContext,
                                      const uno::Reference<frame::XModel>& xModel)
{
    const OUString aKey = keyOf(xModel);
    if (std::shared_ptr<DocSources> pDoc = findDoc(aKey))
        return pDoc;
    auto pDoc = std::make_shared<DocSources>();
    pDoc->xModel = xModel;
    {
        std::lock_guard<std::mutex> aLock(g_aMutex);
        g_aDocs[aKey] = pDoc;
    }
    // The document closes: its sources (their text and index) go with it.
    whenDisposed(xModel, [aKey] {
        std::lock_guard<std::mutex> aLock(g_aMutex);
        g_aDocs.erase(aKey);
    });
    for (const OUString& rUrl : readStoredList(xModel))
    {
        SourceEntry aEntry;
        aEntry.url = rUrl;
        aEntry.name = fileName(rUrl);
        OUString aMessage;
        if (!checkFile(xContext, rUrl, aMessage))
        {
            aEntry.state = SourceEntry::State::Failed;
            aEntry.message = aMessage;
        }
        else
            startLoading(xContext, aKey, rUrl);
        pDoc->entries.push_back(std::move(aEntry));
    }
    publish(*pDoc);
    return pDoc;
}

// ---------------------------------------------------------------- showing a passage

// Cursor steps (code points) for a UTF-16 offset of a paragraph's text.
sal_Int32 codePoints(const std::u16string& rText, sal_Int32 nOffset)
{
    sal_Int32 n = 0;
    for (sal_Int32 i = 0; i < nOffset && i < static_cast<sal_Int32>(rText.size()); ++i)
        if (!(rText[i] >= 0xDC00 && rText[i] <= 0xDFFF && i > 0))
            ++n;
    return n;
}

void goRight(const uno::Reference<text::XTextCursor>& xCursor, sal_Int32 nSteps, bool bExpand)
{
    while (nSteps > 0)
    {
        const sal_Int16 nNow = static_cast<sal_Int16>(std::min<sal_Int32>(nSteps, 30000));
        xCursor->goRight(nNow, bExpand);
        nSteps -= nNow;
    }
}

// Text cursors at two positions of the body paragraphs (tables skipped, as read).
uno::Reference<text::XTextCursor> passageCursor(const uno::Reference<text::XTextDocument>& xDoc,
                                                const factlens::Document& rText,
                                                const factlens::Position& rBegin,
                                                const factlens::Position& rEnd)
{
    uno::Reference<text::XText> xText = xDoc->getText();
    uno::Reference<container::XEnumerationAccess> xAccess(xText, uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> xEnum = xAccess->createEnumeration();
    uno::Reference<text::XTextCursor> xCursor, xEndCursor;
    sal_Int32 nPara = 0;
    while (xEnum->hasMoreElements() && nPara <= rEnd.paragraph)
    {
        uno::Reference<text::XTextRange> xPara(xEnum->nextElement(), uno::UNO_QUERY);
        if (!xPara.is() || !isParagraph(xPara))
            continue;
        if (nPara == rBegin.paragraph)
        {
            xCursor = xText->createTextCursorByRange(xPara->getStart());
            goRight(xCursor, codePoints(rText.paragraphs[nPara].text, rBegin.offset), false);
        }
        if (nPara == rEnd.paragraph)
        {
            xEndCursor = xText->createTextCursorByRange(xPara->getStart());
            goRight(xEndCursor, codePoints(rText.paragraphs[nPara].text, rEnd.offset), false);
        }
        ++nPara;
    }
    if (!xCursor.is() || !xEndCursor.is())
        return nullptr;
    xCursor->gotoRange(xEndCursor->getStart(), true);
    return xCursor;
}

// A source paragraph past the body is a text shape (read after the body): selects
// the shape that holds the passage (an imported PDF's line or block).
bool selectShape(const uno::Reference<text::XTextDocument>& xDoc,
                 const uno::Reference<view::XSelectionSupplier>& xSelect,
                 const factlens::Position& rBegin)
{
    uno::Reference<container::XEnumerationAccess> xAccess(xDoc->getText(), uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> xEnum = xAccess->createEnumeration();
    sal_Int32 nBody = 0;
    while (xEnum->hasMoreElements())
        if (isParagraph(uno::Reference<uno::XInterface>(xEnum->nextElement(), uno::UNO_QUERY)))
            ++nBody;
    uno::Reference<drawing::XDrawPageSupplier> xSupplier(xDoc, uno::UNO_QUERY);
    uno::Reference<container::XIndexAccess> xPage(
        xSupplier.is() ? xSupplier->getDrawPage() : nullptr, uno::UNO_QUERY);
    const sal_Int32 nShape = rBegin.paragraph - nBody;
    if (!xPage.is() || nShape < 0 || nShape >= xPage->getCount())
        return false;
    return xSelect->select(xPage->getByIndex(nShape));
}
} // namespace

std::shared_ptr<const SourceSet> getSources(const uno::Reference<uno::XComponentContext>& xContext,
                                            const uno::Reference<frame::XModel>& xModel)
{
    try
    {
        if (xModel.is())
            if (std::shared_ptr<DocSources> pDoc = obtainDoc(xContext, xModel))
                return pDoc->published;
    }
    catch (...)
    {
        logException("FactLens sources: getSources");
    }
    return std::make_shared<SourceSet>();
}

bool addSource(const uno::Reference<uno::XComponentContext>& xContext,
               const uno::Reference<frame::XModel>& xModel, const OUString& rUrlIn,
               OUString& rMessage)
{
    try
    {
        std::shared_ptr<DocSources> pDoc = obtainDoc(xContext, xModel);
        const OUString aUrl = normaliseUrl(rUrlIn.trim());
        if (aUrl.isEmpty())
            rMessage = ascii("No file given.");
        else if (aUrl == xModel->getURL())
            rMessage = ascii("The draft cannot be its own source.");
        else if (findEntry(*pDoc, aUrl))
            rMessage = fileName(aUrl) + ascii(" is already a source.");
        else if (checkFile(xContext, aUrl, rMessage))
        {
            SourceEntry aEntry;
            aEntry.url = aUrl;
            aEntry.name = fileName(aUrl);
            pDoc->entries.push_back(aEntry);
            writeStoredList(xModel, pDoc->entries);
            rMessage = aEntry.name + ascii(": loading\u2026");
            pDoc->lastMessage = rMessage;
            publish(*pDoc);
            startLoading(xContext, keyOf(xModel), aUrl);
            return true;
        }
        pDoc->lastMessage = rMessage;
        publish(*pDoc);
    }
    catch (...)
    {
        logException("FactLens sources: addSource");
        rMessage = ascii("The source could not be added (see the log).");
    }
    return false;
}

bool removeSource(const uno::Reference<uno::XComponentContext>& xContext,
                  const uno::Reference<frame::XModel>& xModel, const OUString& rUrlIn)
{
    try
    {
        std::shared_ptr<DocSources> pDoc = obtainDoc(xContext, xModel);
        const OUString aUrl = normaliseUrl(rUrlIn.trim());
        auto it = std::find_if(pDoc->entries.begin(), pDoc->entries.end(),
                               [&](const SourceEntry& e) { return e.url == aUrl; });
        if (it == pDoc->entries.end())
            return false;
        pDoc->lastMessage = it->name + ascii(" removed from the sources.");
        pDoc->entries.erase(it);
        writeStoredList(xModel, pDoc->entries);
        rebuildIndex(xContext, keyOf(xModel));
        publish(*pDoc);
        return true;
    }
    catch (...)
    {
        logException("FactLens sources: removeSource");
        return false;
    }
}

int addSourcesListener(SourcesListener listener)
{
    std::lock_guard<std::mutex> aLock(g_aMutex);
    const int nId = g_nNextListener++;
    g_aListeners[nId] = std::move(listener);
    return nId;
}

void removeSourcesListener(int nId)
{
    std::lock_guard<std::mutex> aLock(g_aMutex);
    g_aListeners.erase(nId);
}

bool showSourcePassage(const uno::Reference<uno::XComponentContext>& xContext,
                       const SourceSet& rSet, int nSourceId, const factlens::Position& rBegin,
                       const factlens::Position& rEnd)
{
    try
    {
        if (!rSet.index || nSourceId < 0 || nSourceId >= rSet.index->size())
            return false;
        const OUString aUrl = fromUtf8(rSet.index->name(nSourceId));
        const factlens::Document& rText = rSet.index->document(nSourceId);
        if (rEnd.paragraph >= static_cast<sal_Int32>(rText.paragraphs.size()))
            return false;
        uno::Reference<frame::XModel> xSource = findOpenModel(xContext, aUrl);
        if (!xSource.is() || !xSource->getCurrentController().is())
            xSource = loadDocument(xContext, aUrl, /*bHidden=*/false);
        uno::Reference<text::XTextDocument> xDoc(xSource, uno::UNO_QUERY);
        if (!xDoc.is())
            return false;
        uno::Reference<text::XTextCursor> xCursor = passageCursor(xDoc, rText, rBegin, rEnd);
        uno::Reference<view::XSelectionSupplier> xSelect(xSource->getCurrentController(),
                                                         uno::UNO_QUERY);
        if (!xSelect.is())
            return false;
        if (xCursor.is())
            xSelect->select(uno::Any(uno::Reference<text::XTextRange>(xCursor.get())));
        else if (!selectShape(xDoc, xSelect, rBegin))
            return false;
        uno::Reference<frame::XFrame> xFrame = xSource->getCurrentController()->getFrame();
        if (xFrame.is())
            xFrame->activate();
        return true;
    }
    catch (...)
    {
        logException("FactLens sources: showSourcePassage");
        return false;
    }
}
} // namespace factlens::office
