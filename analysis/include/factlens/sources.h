// factlens/sources.h — checking a draft's quotations and figures against its sources.
//
// Usage:
//   factlens::SourceIndex sources;                         // empty
//   sources.Add("interview.txt", interview_doc);           // id 0; analyses its figures
//   sources.Add("report.txt", report_doc);                 // id 1
//   factlens::Report report = factlens::Analyzer().Analyze(draft);
//   factlens::SourceChecks checks = factlens::CheckAgainstSources(draft, report, sources);
//   for (const factlens::QuoteCheck& q : checks.quotes) { ... q.status, q.diff ... }
//   std::string json = factlens::AddSourceChecksToJson(factlens::ReportToJson(draft, report),
//                                                      draft, sources, checks);
//
// Quotations: every direct or mixed Attribution gets one QuoteCheck (for a mixed
// one only the words inside quotation marks count). Words are compared after
// Unicode NFKC case folding, with quotation-mark, apostrophe and dash styles
// unified and punctuation ignored. In the draft an ellipsis (… or ...) may stand
// for omitted source words and a bracketed part ("[The plant]", "[sic]") for an
// editorial substitution or insertion of up to kBracketMaxWords words; "[T]he"
// is the word "the". Both keep a quote verbatim and add a note ("ellipsis",
// "bracket"). A quote may start or end inside a source sentence. Any other
// changed, added or dropped word makes it altered. The best passage over all
// sources is found with an index of word bigrams (candidates), then a word
// alignment on each candidate; below kQuoteSimilarityFloor it is not found.
//
// Figures: money, percentages, quantities, counts (kind "number") and dates of
// the draft are looked up among the sources' figures (same kind and unit, the
// same counted noun) and compared by value near the same words; docs/sources.md.
//
// Offset unit: Spans and Positions are UTF-16 code units of a paragraph, of the
// draft or of the source document (document.h); the JSON writer turns them into
// code points of that text, as ReportToJson does.
// Ownership and thread-safety: a SourceIndex owns copies of its documents and
// their figure reports; after the last Add() it is immutable and
// CheckAgainstSources may run on several threads at once.
#ifndef FACTLENS_SOURCES_H_
#define FACTLENS_SOURCES_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

constexpr double kQuoteSimilarityFloor = 0.4;  // Dice coefficient of the words
constexpr int kBracketMaxWords = 6;            // source words one [...] may stand for

class SourceIndex {
 public:
  SourceIndex();
  ~SourceIndex();
  SourceIndex(SourceIndex&&) noexcept;
  SourceIndex& operator=(SourceIndex&&) noexcept;

  // Adds a source; its id is the number of sources added before. Runs the
  // figures stage on it (relative dates resolve against doc.reference_date).
  void Add(const std::string& name, Document doc);

  int32_t size() const;
  const std::string& name(int32_t id) const;
  const Document& document(int32_t id) const;
  const Report& report(int32_t id) const;  // text layer and figures only
  int64_t words(int32_t id) const;

  struct Data;  // internal (analysis/src/sources/sources_internal.h)
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

enum class QuoteStatus : uint8_t { kVerbatim, kAltered, kNotFound };
const char* QuoteStatusName(QuoteStatus status);  // "verbatim", "altered", "not_found"

// One step of the word-level diff, draft against source.
struct DiffOp {
  enum class Op : uint8_t { kEqual, kInsert, kDelete, kReplace };
  Op op = Op::kEqual;
  std::u16string draft;   // the draft's words (insert: added; delete: empty)
  std::u16string source;  // the source's words (delete: dropped; insert: empty)
};
const char* DiffOpName(DiffOp::Op op);  // "equal", "insert", "delete", "replace"

struct QuoteCheck {
  int32_t attribution = -1;  // index into Report::attributions
  Span content;              // == that attribution's content
  QuoteStatus status = QuoteStatus::kNotFound;
  int32_t source = -1;  // SourceIndex id; -1 when not found
  // The matched passage in document(source), from the first matched word's
  // start to the last one's end (it may cross paragraphs).
  Position source_begin, source_end;
  double similarity = 0.0;         // 0..1
  // "ellipsis", "bracket"; "truncated" when only the first 300 words, ellipses
  // and brackets of a very long quotation were compared.
  std::vector<std::string> notes;
  // Words in draft order. In a verbatim quote only an ellipsis or bracket is not
  // kEqual (a kReplace naming the source words it stands for; kInsert for a
  // bracket that stands for nothing).
  std::vector<DiffOp> diff;
};

enum class FigureStatus : uint8_t { kSame, kDifferent, kNotFound };
const char* FigureStatusName(FigureStatus status);  // "same", "different", "not_found"

struct FigureCheck {
  int32_t figure = -1;  // index into Report::figures of the draft
  FigureStatus status = FigureStatus::kNotFound;
  int32_t source = -1;         // SourceIndex id; -1 when not found
  int32_t source_figure = -1;  // index into report(source).figures
};

struct SourceChecks {
  std::vector<QuoteCheck> quotes;    // in the order of Report::attributions
  std::vector<FigureCheck> figures;  // in the order of Report::figures
};

SourceChecks CheckAgainstSources(const Document& draft, const Report& report,
                                 const SourceIndex& sources);

// ---------------------------------------------------------------- output
// (analysis/src/report/sources_report.cc)

// `report_json` (a "factlens/1" object from ReportToJson) with "sources",
// "quote_checks" and "figure_checks" appended; `indent` as in ReportToJson.
std::string AddSourceChecksToJson(const std::string& report_json, const Document& draft,
                                  const Report& report, const SourceIndex& sources,
                                  const SourceChecks& checks, int indent = -1);

// A "Sources" section for the text, Markdown fact lists (to append) and the
// HTML report (inserted before the fact list's end).
std::string SourceChecksToText(const Document& draft, const Report& report,
                               const SourceIndex& sources, const SourceChecks& checks);
std::string SourceChecksToMarkdown(const Document& draft, const Report& report,
                                   const SourceIndex& sources, const SourceChecks& checks);
std::string AddSourceChecksToHtml(const std::string& html, const Document& draft,
                                  const Report& report, const SourceIndex& sources,
                                  const SourceChecks& checks);

}  // namespace factlens

#endif  // FACTLENS_SOURCES_H_
