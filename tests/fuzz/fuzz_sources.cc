// libFuzzer target: the `--source` checks (factlens/sources.h). The input is
// split at NUL bytes: the first part is the draft, the next (at most 3) are the
// sources, each read like the command reads a file (DocumentFromUtf8; an input
// with invalid UTF-8 is skipped), all dated 2026-01-09. The draft is analysed,
// the sources indexed, CheckAgainstSources run, and the JSON written.
//
// Checks (abort on failure): one QuoteCheck per direct or mixed attribution,
// with its content; every source id, figure index and source position in range
// (begin <= end); similarity in 0..1; the JSON parses, its report spans match
// the draft, and every "source_span" lies in its source with its text equal to
// that source's code points there.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "factlens/analyzer.h"
#include "factlens/io.h"
#include "factlens/sources.h"
#include "oracles.h"

namespace {

using factlens::Position;
using fuzz::Fail;

const factlens::Analyzer& TheAnalyzer() {
  static const factlens::Analyzer* analyzer = new factlens::Analyzer();
  return *analyzer;
}

void CheckPosition(const factlens::Document& doc, const Position& p, const char* what) {
  if (p.paragraph < 0 || p.paragraph >= static_cast<int32_t>(doc.paragraphs.size()) ||
      p.offset < 0 || p.offset > static_cast<int32_t>(doc.paragraphs[p.paragraph].text.size()))
    Fail(std::string(what) + " position out of range");
}

void CheckQuotes(const factlens::Report& report, const factlens::SourceIndex& sources,
                 const factlens::SourceChecks& checks) {
  size_t quoted = 0;
  for (const auto& a : report.attributions)
    if (a.kind != factlens::AttributionKind::kIndirect) ++quoted;
  if (checks.quotes.size() != quoted) Fail("not one quote check per quotation");
  for (const factlens::QuoteCheck& q : checks.quotes) {
    if (q.attribution < 0 || q.attribution >= static_cast<int32_t>(report.attributions.size()))
      Fail("quote check attribution out of range");
    if (!(q.similarity >= 0.0 && q.similarity <= 1.0)) Fail("similarity out of 0..1");
    if (q.source < 0) continue;
    if (q.source >= sources.size()) Fail("quote check source out of range");
    const factlens::Document& doc = sources.document(q.source);
    CheckPosition(doc, q.source_begin, "source_begin");
    CheckPosition(doc, q.source_end, "source_end");
    if (q.source_end.paragraph < q.source_begin.paragraph ||
        (q.source_end.paragraph == q.source_begin.paragraph &&
         q.source_end.offset < q.source_begin.offset))
      Fail("source_end before source_begin");
  }
}

void CheckFigures(const factlens::Report& report, const factlens::SourceIndex& sources,
                  const factlens::SourceChecks& checks) {
  for (const factlens::FigureCheck& f : checks.figures) {
    if (f.figure < 0 || f.figure >= static_cast<int32_t>(report.figures.size()))
      Fail("figure check figure out of range");
    if (f.source < 0) continue;
    if (f.source >= sources.size()) Fail("figure check source out of range");
    const auto& figures = sources.report(f.source).figures;
    if (f.source_figure < 0 || f.source_figure >= static_cast<int32_t>(figures.size()))
      Fail("figure check source_figure out of range");
  }
}

void CheckJson(const std::string& json, const std::u32string& draft,
               const std::vector<std::u32string>& source_texts) {
  const nlohmann::ordered_json j = fuzz::CheckReportJson(json, draft);
  for (const char* list : {"quote_checks", "figure_checks"}) {
    for (const auto& c : j.at(list)) {
      if (c.at("source").is_null()) continue;
      const int64_t id = c.at("source").get<int64_t>();
      if (id < 0 || id >= static_cast<int64_t>(source_texts.size())) Fail("JSON source id");
      fuzz::CheckJsonSpan(c.at("source_span"), source_texts[id], "source_span");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] != 0) {
      parts.back().push_back(static_cast<char>(data[i]));
    } else if (parts.size() < 4) {
      parts.emplace_back();
    }
  }
  const factlens::Date date{2026, 1, 9};
  std::vector<factlens::Document> docs(parts.size());
  std::vector<std::u32string> texts;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string error;
    if (!factlens::DocumentFromUtf8(parts[i], &docs[i], &error)) return 0;
    docs[i].reference_date = date;
    texts.push_back(fuzz::CodePoints8(parts[i]));
  }
  factlens::SourceIndex sources;
  for (size_t i = 1; i < docs.size(); ++i) sources.Add("s" + std::to_string(i), docs[i]);
  const factlens::Report report = TheAnalyzer().Analyze(docs[0]);
  const factlens::SourceChecks checks = factlens::CheckAgainstSources(docs[0], report, sources);
  CheckQuotes(report, sources, checks);
  CheckFigures(report, sources, checks);
  CheckJson(factlens::AddSourceChecksToJson(factlens::ReportToJson(docs[0], report), docs[0],
                                            report, sources, checks),
            texts[0], std::vector<std::u32string>(texts.begin() + 1, texts.end()));
  return 0;
}
