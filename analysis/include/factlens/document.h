// factlens/document.h — the document model every analysis stage reads.
//
// Usage:
//   factlens::Document doc;
//   doc.paragraphs.push_back({u"Lee said: “We agree.”", factlens::ParagraphKind::kBody});
//   doc.reference_date = factlens::Date{2026, 1, 5};
//   factlens::Report report = factlens::Analyzer().Analyze(doc);
//
// A document is an ordered list of paragraphs. Each paragraph holds its text as
// UTF-16 (as LibreOffice and ICU hold it), with no paragraph separator inside it.
//
// Offset unit: every Span is {paragraph index, begin, end} in UTF-16 code units of
// that paragraph's text, end exclusive. Only the output writers (io.h)
// convert to code points of the whole text.
//
// Ownership and thread-safety: plain value types; a const Document may be read
// from any number of threads at once.
#ifndef FACTLENS_DOCUMENT_H_
#define FACTLENS_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlens {

enum class ParagraphKind : uint8_t {
  kBody,
  kHeading,
  kCaption,
  kTableCell,
  kFootnote,
  kListItem,
};

// "body", "heading", ... (stable names used in JSON and by the extension).
const char* ParagraphKindName(ParagraphKind kind);

// A calendar date. month and day are 0 when unknown ("2024", "March 2022").
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool valid() const { return year != 0; }
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
};

struct Paragraph {
  std::u16string text;
  ParagraphKind kind = ParagraphKind::kBody;
};

struct Document {
  std::vector<Paragraph> paragraphs;
  // BCP-47 language of the document ("en", "de", ...).
  std::string language = "en";
  // The article's dateline; relative dates ("last November") resolve against it,
  // never against the system clock.
  std::optional<Date> reference_date;
  // Optional: code-point offset of each paragraph's first character in the
  // source text the document was read from. Empty means the paragraphs were
  // joined by a single "\n". Filled by DocumentFromUtf8 (io.h).
  std::vector<int64_t> paragraph_starts;
};

// A run of text inside one paragraph, in UTF-16 code units, end exclusive.
struct Span {
  int32_t paragraph = -1;
  int32_t begin = 0;
  int32_t end = 0;

  bool valid() const { return paragraph >= 0 && begin <= end; }
  bool empty() const { return begin >= end; }
  int32_t size() const { return end - begin; }
  bool operator==(const Span& o) const {
    return paragraph == o.paragraph && begin == o.begin && end == o.end;
  }
  bool operator!=(const Span& o) const { return !(*this == o); }
  bool operator<(const Span& o) const {
    if (paragraph != o.paragraph) return paragraph < o.paragraph;
    if (begin != o.begin) return begin < o.begin;
    return end < o.end;
  }
};

// A position in the document: paragraph and UTF-16 offset inside it.
struct Position {
  int32_t paragraph = -1;
  int32_t offset = 0;
  bool operator<(const Position& o) const {
    return paragraph != o.paragraph ? paragraph < o.paragraph : offset < o.offset;
  }
  bool operator==(const Position& o) const {
    return paragraph == o.paragraph && offset == o.offset;
  }
};

// The text of `span` (empty if the span is out of range).
std::u16string SpanText(const Document& doc, const Span& span);
// The same text as a view of its paragraph, valid while `doc` is unchanged.
std::u16string_view SpanTextView(const Document& doc, const Span& span);

}  // namespace factlens

#endif  // FACTLENS_DOCUMENT_H_
