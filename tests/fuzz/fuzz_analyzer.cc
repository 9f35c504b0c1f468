// libFuzzer target: arbitrary bytes and arbitrary paragraph splits into the
// Analyzer, then every output path, with the offset contract as the oracle.
//
// Input layout (every byte string is a valid input):
//   byte 0       flags: bit 0  text is raw UTF-16LE code units (lone surrogates
//                              possible) instead of UTF-8 (invalid → U+FFFD)
//                       bit 1  also run the strict CLI path (DocumentFromUtf8 on
//                              the bytes, offsets with paragraph_starts)
//                       bit 2  set a reference date (2026-01-09)
//                       bit 3  cycle paragraph kinds (heading, caption, ...)
//                       bits 4-7  n, the number of split points (0-15)
//   bytes 1..2n  split points, uint16 little-endian, in UTF-16 units modulo the
//                text length + 1: the text is cut into paragraphs there and at
//                every "\n" (so a surrogate pair may be cut in two)
//   the rest     the text
//
// Checks (abort on failure): the same document analysed twice gives the same
// JSON; every span of every finding lies inside its
// paragraph; entity/figure indices are in range; the JSON parses, starts with
// "schema", and every span's "text" equals the code points of the whole text at
// [start, end) (paragraphs joined by "\n"; a lone surrogate is one U+FFFD).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>

#include "factlens/analyzer.h"
#include "factlens/io.h"
#include "oracles.h"

namespace {

using factlens::Document;
using factlens::Report;
using factlens::Span;

using fuzz::CodePoints16;
using fuzz::CodePoints8;
using fuzz::Fail;

const factlens::Analyzer& TheAnalyzer() {
  static const factlens::Analyzer* analyzer = new factlens::Analyzer();
  return *analyzer;
}

void CheckSpan(const Document& doc, const Span& s, const char* what) {
  if (s.paragraph < 0 || s.paragraph >= static_cast<int32_t>(doc.paragraphs.size()) ||
      s.begin < 0 || s.begin > s.end ||
      s.end > static_cast<int32_t>(doc.paragraphs[s.paragraph].text.size())) {
    Fail(std::string(what) + " span out of range: {" + std::to_string(s.paragraph) + ", " +
         std::to_string(s.begin) + ", " + std::to_string(s.end) + "}");
  }
}

void CheckPosition(const Document& doc, const factlens::Position& p, const char* what) {
  CheckSpan(doc, Span{p.paragraph, p.offset, p.offset}, what);
}

void CheckReport(const Document& doc, const Report& r) {
  const int32_t n_entities = static_cast<int32_t>(r.entity_list.size());
  const int32_t n_figures = static_cast<int32_t>(r.figures.size());
  if (r.text.paragraphs.size() != doc.paragraphs.size()) Fail("text layer paragraph count");
  for (size_t p = 0; p < r.text.paragraphs.size(); ++p) {
    for (const auto& t : r.text.paragraphs[p].tokens)
      CheckSpan(doc, Span{static_cast<int32_t>(p), t.begin, t.end}, "token");
    for (const auto& s : r.text.paragraphs[p].sentences)
      CheckSpan(doc, Span{static_cast<int32_t>(p), s.begin, s.end}, "sentence");
  }
  for (const auto& q : r.text.quotations) {
    CheckPosition(doc, q.open, "quotation open");
    if (q.closed()) CheckPosition(doc, q.close, "quotation close");
  }
  for (const auto& m : r.text.marks) CheckPosition(doc, m.pos, "quote mark");
  for (const auto& m : r.entities) {
    CheckSpan(doc, m.span, "entity");
    if (m.entity < -1 || m.entity >= n_entities) Fail("entity index out of range");
  }
  for (int32_t i = 0; i < n_entities; ++i)
    if (r.entity_list[i].id != i) Fail("entity_list id != index");
  for (const auto& f : r.figures) CheckSpan(doc, f.span, "figure");
  for (const auto& rel : r.figure_relations) {
    if (rel.from < -1 || rel.from >= n_figures || rel.to < 0 || rel.to >= n_figures ||
        rel.delta < -1 || rel.delta >= n_figures)
      Fail("figure relation index out of range");
  }
  for (const auto& a : r.attributions) {
    CheckSpan(doc, a.content, "attribution content");
    if (a.speaker) CheckSpan(doc, *a.speaker, "attribution speaker");
    if (a.cue) CheckSpan(doc, *a.cue, "attribution cue");
    if (a.outlet) CheckSpan(doc, *a.outlet, "attribution outlet");
    if (a.speaker_entity < -1 || a.speaker_entity >= n_entities) Fail("speaker_entity out of range");
  }
  for (const auto& q : r.quoted_terms) CheckSpan(doc, q.span, "quoted term");
  for (const auto& c : r.checks)
    for (const Span& s : c.spans) CheckSpan(doc, s, "check");
}

// Analyses twice: the second report's JSON must equal the first's (no state
// carried from one Analyze to the next, e.g. in thread_local memos).
void RunDocument(const Document& doc, const std::u32string& whole) {
  Report report = TheAnalyzer().Analyze(doc);
  CheckReport(doc, report);
  const std::string json = factlens::ReportToJson(doc, report);
  fuzz::CheckReportJson(json, whole);
  (void)factlens::ReportToText(doc, report);
  if (factlens::ReportToJson(doc, TheAnalyzer().Analyze(doc)) != json)
    Fail("the same input analysed twice gave different JSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t flags = data[0];
  size_t n_splits = flags >> 4;
  size_t pos = 1;
  std::vector<uint16_t> raw_splits;
  for (size_t k = 0; k < n_splits && pos + 1 < size; ++k, pos += 2)
    raw_splits.push_back(static_cast<uint16_t>(data[pos] | (data[pos + 1] << 8)));
  if (pos > size) pos = size;
  std::string_view bytes(reinterpret_cast<const char*>(data + pos), size - pos);

  std::u16string text;
  if (flags & 1) {
    for (size_t i = 0; i + 1 < bytes.size(); i += 2)
      text.push_back(static_cast<char16_t>(static_cast<uint8_t>(bytes[i]) |
                                           (static_cast<uint8_t>(bytes[i + 1]) << 8)));
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(),
                                                         static_cast<int32_t>(bytes.size())));
    text.assign(u.getBuffer(), u.getBuffer() + u.length());
  }

  std::vector<size_t> cuts;
  for (uint16_t s : raw_splits) cuts.push_back(s % (text.size() + 1));
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == u'\n') cuts.push_back(i);  // the "\n" itself is dropped below
  std::sort(cuts.begin(), cuts.end());

  Document doc;
  static const factlens::ParagraphKind kKinds[] = {
      factlens::ParagraphKind::kBody,      factlens::ParagraphKind::kHeading,
      factlens::ParagraphKind::kCaption,   factlens::ParagraphKind::kTableCell,
      factlens::ParagraphKind::kFootnote,  factlens::ParagraphKind::kListItem};
  size_t from = 0;
  for (size_t cut : cuts) {
    if (cut < from) continue;
    factlens::Paragraph p;
    p.text = text.substr(from, cut - from);
    doc.paragraphs.push_back(std::move(p));
    from = cut < text.size() && text[cut] == u'\n' ? cut + 1 : cut;
  }
  doc.paragraphs.push_back(factlens::Paragraph{text.substr(std::min(from, text.size())), {}});
  if (flags & 8)
    for (size_t i = 0; i < doc.paragraphs.size(); ++i) doc.paragraphs[i].kind = kKinds[i % 6];
  if (flags & 4) doc.reference_date = factlens::Date{2026, 1, 9};

  std::u16string joined;
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (i) joined.push_back(u'\n');
    joined += doc.paragraphs[i].text;
  }
  RunDocument(doc, CodePoints16(joined));

  if (flags & 2) {  // the CLI path: strict UTF-8, offsets from paragraph_starts
    Document strict;
    std::string error;
    if (factlens::DocumentFromUtf8(bytes, &strict, &error)) {
      if (flags & 4) strict.reference_date = factlens::Date{2026, 1, 9};
      RunDocument(strict, CodePoints8(std::string(bytes)));
    } else if (error.find("invalid UTF-8 at byte ") != 0) {
      Fail("DocumentFromUtf8 error without position: " + error);
    }
  }
  return 0;
}
