// factlens/io.h — reading documents and writing reports.
//
// Usage:
//   factlens::Document doc;
//   std::string error;
//   if (!factlens::DocumentFromUtf8(bytes, &doc, &error)) { report error; }
//   std::string json = factlens::ReportToJson(doc, report);
//
// Input: UTF-8 text; paragraphs are separated by "\n" ("\r\n" accepted, the
// "\r" is not part of the paragraph; a leading BOM is in no paragraph but
// counts as one code point of the input). Invalid UTF-8 is rejected with the byte
// offset, line and column of the first bad sequence.
//
// Output offsets: the JSON writer converts every Span to Unicode code points of
// the whole input text, end exclusive, so that text[start:end] == span text in
// Python. Characters outside the BMP count once.
//
// Thread-safety: all functions are reentrant.
#ifndef FACTLENS_IO_H_
#define FACTLENS_IO_H_

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

// Splits UTF-8 text into paragraphs. Returns false and sets *error on invalid
// UTF-8 ("invalid UTF-8 at byte 17 (line 2, column 5)").
bool DocumentFromUtf8(std::string_view utf8, Document* doc, std::string* error);

// Parses "2026-01-05" (or "2026-01-05T10:00:00Z"; the time is ignored).
bool ParseIsoDate(std::string_view text, Date* date);

// One line of `factlens analyze --format jsonl`: a JSON object
// {"id": any JSON value (optional), "text": string, "reference_datetime": ISO
// date or null (optional)}. On success fills *doc (paragraphs as
// DocumentFromUtf8; reference_date from the line, else default_date). *id_json is
// the "id" serialised (compact) or empty without one; it is set even when the
// line is rejected later (a bad "text"), so the error answer can carry it.
// Returns false with *error: "malformed JSON at byte N of the line: ...",
// "malformed JSON: number overflow parsing '1e400'" (a number beyond double), "not a
// JSON object", "missing string field \"text\"", "invalid UTF-8 at ...", or
// "\"reference_datetime\" is not an ISO date (YYYY-MM-DD...)". Any bytes are
// valid input (tests/fuzz/fuzz_jsonl.cc).
bool DocumentFromJsonLine(std::string_view line, const std::optional<Date>& default_date,
                          Document* doc, std::string* id_json, std::string* error);

// The answer to a rejected jsonl line: {"schema": "factlens/1", "id"?, "line",
// "error"} on one line (no newline); invalid UTF-8 in the id or error is
// replaced by U+FFFD.
std::string JsonLineErrorToJson(int64_t line_no, const std::string& id_json,
                                const std::string& error);

// Code-point offset in the whole text of a UTF-16 position in a paragraph.
int64_t CodePointOffset(const Document& doc, int32_t paragraph, int32_t utf16_offset);

// The "factlens/1" JSON object (see README for the contract). `id` is written
// when non-null; it is a JSON value (string or number) in serialised form.
std::string ReportToJson(const Document& doc, const Report& report,
                         const std::string* id_json = nullptr, int indent = -1);
// The same bytes written to `out` in pieces of about 64 KB as they are produced,
// so that a large report is never held in memory whole.
void WriteReportJson(const Document& doc, const Report& report, const std::string* id_json,
                     int indent, std::ostream& out);

// A human-readable fact list.
std::string ReportToText(const Document& doc, const Report& report);

// Markdown and CSV fact lists and the self-contained HTML report are in
// factlens/reports.h (ReportToMarkdown, ReportToCsv, ReportToHtml).

}  // namespace factlens

#endif  // FACTLENS_IO_H_
