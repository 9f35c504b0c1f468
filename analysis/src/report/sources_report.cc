// The source checks (factlens/sources.h) in JSON, text, Markdown and HTML.
//
// JSON adds "sources", "quote_checks" and "figure_checks" to the factlens/1
// object; offsets are code points of the draft or of the source text (io.h).
// Diffs read as in wdiff: equal words as they are, [-source words-] dropped
// or replaced, {+draft words+} added or replacing.
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/passage.h"
#include "common/strings.h"
#include "factlens/io.h"
#include "factlens/sources.h"
#include "report/format.h"
#include "report/json_values.h"

namespace factlens {
namespace {

using json = nlohmann::ordered_json;

// ------------------------------------------------------------------ JSON

json SpanJson(const Document& doc, const Span& s) {
  return json{{"start", CodePointOffset(doc, s.paragraph, s.begin)},
              {"end", CodePointOffset(doc, s.paragraph, s.end)},
              {"text", Utf8(SpanText(doc, s))}};
}

json PassageJson(const Document& doc, const Position& b, const Position& e) {
  return json{{"start", CodePointOffset(doc, b.paragraph, b.offset)},
              {"end", CodePointOffset(doc, e.paragraph, e.offset)},
              {"text", Utf8(PassageText(doc, b, e, u"\n"))}};  // as in the input file
}

json SourcesJson(const SourceIndex& sources) {
  json out = json::array();
  for (int32_t id = 0; id < sources.size(); ++id)
    out.push_back(json{{"id", id}, {"name", sources.name(id)}, {"words", sources.words(id)}});
  return out;
}

json DiffJson(const std::vector<DiffOp>& diff) {
  json out = json::array();
  for (const DiffOp& op : diff)
    out.push_back(
        json{{"op", DiffOpName(op.op)}, {"draft", Utf8(op.draft)}, {"source", Utf8(op.source)}});
  return out;
}

json QuoteCheckJson(const Document& draft, const SourceIndex& sources, const QuoteCheck& q) {
  json j;
  j["content"] = SpanJson(draft, q.content);
  j["status"] = QuoteStatusName(q.status);
  const bool found = q.source >= 0;
  j["source"] = found ? json(q.source) : json(nullptr);
  j["source_span"] =
      found ? PassageJson(sources.document(q.source), q.source_begin, q.source_end) : json(nullptr);
  j["similarity"] = std::round(q.similarity * 1000) / 1000;
  j["notes"] = q.notes;
  j["diff"] = DiffJson(q.diff);
  return j;
}

json FigureCheckJson(const Document& draft, const Report& report, const SourceIndex& sources,
                     const FigureCheck& f) {
  json j;
  j["figure"] = SpanJson(draft, report.figures[f.figure].span);
  j["status"] = FigureStatusName(f.status);
  const bool found = f.source >= 0;
  j["source"] = found ? json(f.source) : json(nullptr);
  if (!found) {
    j["source_span"] = nullptr;
    j["source_value"] = nullptr;
    return j;
  }
  const Figure& sf = sources.report(f.source).figures[f.source_figure];
  j["source_span"] = SpanJson(sources.document(f.source), sf.span);
  j["source_value"] = FigureValueJson(sf.value);
  return j;
}

// ------------------------------------------------------------------ text

std::string DiffText(const std::vector<DiffOp>& diff, const char* del_open, const char* del_close,
                     const char* ins_open, const char* ins_close, std::string (*esc)(const std::string&)) {
  std::string out;
  for (const DiffOp& op : diff) {
    if (!out.empty()) out += " ";
    if (op.op == DiffOp::Op::kEqual) {
      out += esc(Utf8(op.draft));
      continue;
    }
    if (!op.source.empty()) out += del_open + esc(Utf8(op.source)) + del_close;
    if (!op.source.empty() && !op.draft.empty()) out += " ";
    if (!op.draft.empty()) out += ins_open + esc(Utf8(op.draft)) + ins_close;
  }
  return out;
}

std::string Plain(const std::string& s) { return s; }

std::string Md(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') c = ' ';
    if (std::string("\\`*_[]<>|#~").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

using report_internal::Html;

std::string SourceLabel(const SourceIndex& sources, int32_t id) {
  return id < 0 ? "" : "[" + std::to_string(id) + "] " + sources.name(id);
}

std::string Notes(const std::vector<std::string>& notes) {
  std::string out;
  for (const std::string& n : notes) out += (out.empty() ? " (" : ", ") + n;
  return out.empty() ? out : out + ")";
}

std::string Percent(double v) {
  return std::to_string(static_cast<int>(std::lround(v * 100))) + "%";
}

std::string FigureSourceText(const SourceIndex& sources, const FigureCheck& f) {
  if (f.source < 0) return "";
  const Figure& sf = sources.report(f.source).figures[f.source_figure];
  return Utf8(SpanText(sources.document(f.source), sf.span));
}

}  // namespace

std::string AddSourceChecksToJson(const std::string& report_json, const Document& draft,
                                  const Report& report, const SourceIndex& sources,
                                  const SourceChecks& checks, int indent) {
  json out = json::parse(report_json);
  out["sources"] = SourcesJson(sources);
  json quotes = json::array();
  for (const QuoteCheck& q : checks.quotes) quotes.push_back(QuoteCheckJson(draft, sources, q));
  out["quote_checks"] = std::move(quotes);
  json figures = json::array();
  for (const FigureCheck& f : checks.figures)
    figures.push_back(FigureCheckJson(draft, report, sources, f));
  out["figure_checks"] = std::move(figures);
  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string SourceChecksToText(const Document& draft, const Report& report,
                               const SourceIndex& sources, const SourceChecks& checks) {
  std::ostringstream out;
  out << "Sources (" << sources.size() << ")\n";
  for (int32_t id = 0; id < sources.size(); ++id)
    out << "  " << SourceLabel(sources, id) << "  " << sources.words(id) << " words\n";
  out << "Quotes against the sources (" << checks.quotes.size() << ")\n";
  for (const QuoteCheck& q : checks.quotes) {
    out << "  " << QuoteStatusName(q.status) << Notes(q.notes) << ": "
        << Utf8(SpanText(draft, q.content)) << "\n";
    if (q.source < 0) continue;
    out << "    " << SourceLabel(sources, q.source) << ", similarity " << Percent(q.similarity);
    if (q.status == QuoteStatus::kAltered)
      out << ": " << DiffText(q.diff, "[-", "-]", "{+", "+}", Plain);
    out << "\n";
  }
  out << "Figures against the sources (" << checks.figures.size() << ")\n";
  for (const FigureCheck& f : checks.figures) {
    out << "  " << FigureStatusName(f.status) << ": "
        << Utf8(SpanText(draft, report.figures[f.figure].span));
    if (f.source >= 0)
      out << "  (" << SourceLabel(sources, f.source) << ": " << FigureSourceText(sources, f)
          << ")";
    out << "\n";
  }
  return out.str();
}

std::string SourceChecksToMarkdown(const Document& draft, const Report& report,
                                   const SourceIndex& sources, const SourceChecks& checks) {
  std::ostringstream out;
  out << "\n## Sources (" << sources.size() << ")\n\n";
  for (int32_t id = 0; id < sources.size(); ++id)
    out << "- " << Md(SourceLabel(sources, id)) << " (" << sources.words(id) << " words)\n";
  out << "\n## Quotes against the sources (" << checks.quotes.size() << ")\n\n";
  if (checks.quotes.empty()) out << "_No quotation._\n";
  for (const QuoteCheck& q : checks.quotes) {
    out << "- **" << QuoteStatusName(q.status) << "**" << Md(Notes(q.notes)) << ": “"
        << Md(Utf8(SpanText(draft, q.content))) << "”";
    if (q.source >= 0)
      out << " _(" << Md(SourceLabel(sources, q.source)) << ", " << Percent(q.similarity) << ")_";
    if (q.status == QuoteStatus::kAltered)
      out << "\n  - diff: " << DiffText(q.diff, "~~", "~~", "**", "**", Md);
    out << "\n";
  }
  out << "\n## Figures against the sources (" << checks.figures.size() << ")\n\n";
  if (checks.figures.empty()) out << "_No figure._\n";
  for (const FigureCheck& f : checks.figures) {
    out << "- **" << FigureStatusName(f.status) << "**: "
        << Md(Utf8(SpanText(draft, report.figures[f.figure].span)));
    if (f.source >= 0)
      out << " _(" << Md(SourceLabel(sources, f.source)) << ": " << Md(FigureSourceText(sources, f))
          << ")_";
    out << "\n";
  }
  return out.str();
}

std::string AddSourceChecksToHtml(const std::string& html, const Document& draft,
                                  const Report& report, const SourceIndex& sources,
                                  const SourceChecks& checks) {
  std::ostringstream out;
  out << "<section><h2><span>Quotes against the sources</span><span class=\"n\">"
      << checks.quotes.size() << "</span></h2><ul>";
  for (const QuoteCheck& q : checks.quotes) {
    out << "<li><span class=\"k\">" << QuoteStatusName(q.status) << Html(Notes(q.notes))
        << "</span><blockquote>" << Html(Utf8(SpanText(draft, q.content))) << "</blockquote>";
    if (q.status == QuoteStatus::kAltered)
      out << "<span class=\"kind\">" << DiffText(q.diff, "<del>", "</del>", "<ins>", "</ins>", Html)
          << "</span>";
    if (q.source >= 0)
      out << "<span class=\"kind\">" << Html(SourceLabel(sources, q.source)) << " · "
          << Percent(q.similarity) << "</span>";
    out << "</li>";
  }
  out << "</ul></section>\n<section><h2><span>Figures against the sources</span><span class=\"n\">"
      << checks.figures.size() << "</span></h2><table>";
  for (const FigureCheck& f : checks.figures) {
    out << "<tr><td>" << Html(Utf8(SpanText(draft, report.figures[f.figure].span)))
        << "</td><td class=\"kind\">" << FigureStatusName(f.status) << "</td><td class=\"v\">"
        << Html(FigureSourceText(sources, f)) << "</td></tr>";
  }
  out << "</table></section>\n";
  std::string page = html;
  const size_t at = page.rfind("</aside>");
  page.insert(at == std::string::npos ? page.size() : at, out.str());
  return page;
}

}  // namespace factlens
