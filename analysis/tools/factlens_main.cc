// The factlens command: analyse UTF-8 text and print the fact list.
// See `factlens --help` and README.md for the JSON contract ("factlens/1").
//
// Structure: options are parsed into CliOptions; single-document output formats
// are rows of kFormats (add a row to add a format: --help lists them); jsonl is
// the streaming mode and lives in RunJsonl.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <cstring>
#include <future>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "factlens/analyzer.h"
#include "factlens/checks.h"   // checks issue: --house-list
#include "factlens/io.h"
#include "factlens/reports.h"  // checks issue: md, csv, html
#include "factlens/sources.h"  // issue #17: --source

namespace {

using factlens::Document;
using factlens::Report;

// Exit statuses (documented in --help).
constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

struct CliOptions {
  std::string format = "json";
  std::string file;
  std::string reference_date;  // ISO date, default for documents without one
  bool pretty = false;
  std::string house_list;  // checks issue: --house-list FILE
  std::vector<std::string> sources;  // issue #17: --source FILE (repeatable)
};

// The sources and what CheckAgainstSources found (issue #17).
struct SourceRun {
  const factlens::SourceIndex& index;
  const factlens::SourceChecks& checks;
  int indent;  // JSON: -1 compact, 2 with --pretty
};

// ---------------------------------------------------------------- formats
// A single-document output format. To add one (md, csv, html...), write a
// renderer and add a row; the help text and the option check follow.
struct OutputFormat {
  const char* name;
  const char* help;  // one line, shown in --help
  std::string (*render)(const Document& doc, const Report& report, const CliOptions& options);
  // Adds the source checks to the rendered output; null: the format has none.
  std::string (*add_sources)(std::string rendered, const Document& doc, const Report& report,
                             const SourceRun& run);
};

std::string RenderJson(const Document& doc, const Report& report, const CliOptions& options) {
  return factlens::ReportToJson(doc, report, nullptr, options.pretty ? 2 : -1) + "\n";
}

std::string RenderText(const Document& doc, const Report& report, const CliOptions&) {
  return factlens::ReportToText(doc, report);
}

// checks issue: fact lists and the HTML report (factlens/reports.h).
std::string RenderMarkdown(const Document& doc, const Report& report, const CliOptions&) {
  return factlens::ReportToMarkdown(doc, report);
}
std::string RenderCsv(const Document& doc, const Report& report, const CliOptions&) {
  return factlens::ReportToCsv(doc, report);
}
std::string RenderHtml(const Document& doc, const Report& report, const CliOptions& options) {
  const std::string& f = options.file;
  return factlens::ReportToHtml(doc, report, f == "-" ? "" : f.substr(f.find_last_of('/') + 1));
}

// issue #17: the source checks in each format (factlens/sources.h).
std::string AddSourcesJson(std::string rendered, const Document& doc, const Report& report,
                           const SourceRun& run) {
  if (!rendered.empty() && rendered.back() == '\n') rendered.pop_back();
  return factlens::AddSourceChecksToJson(rendered, doc, report, run.index, run.checks,
                                         run.indent) +
         "\n";
}
std::string AddSourcesText(std::string rendered, const Document& doc, const Report& report,
                           const SourceRun& run) {
  return rendered + factlens::SourceChecksToText(doc, report, run.index, run.checks);
}
std::string AddSourcesMarkdown(std::string rendered, const Document& doc, const Report& report,
                               const SourceRun& run) {
  return rendered + factlens::SourceChecksToMarkdown(doc, report, run.index, run.checks);
}
std::string AddSourcesHtml(std::string rendered, const Document& doc, const Report& report,
                           const SourceRun& run) {
  return factlens::AddSourceChecksToHtml(rendered, doc, report, run.index, run.checks);
}

const OutputFormat kFormats[] = {
    {"json", "(default) one JSON object, schema \"factlens/1\" (below).", RenderJson,
     AddSourcesJson},
    {"text", "a human-readable fact list.", RenderText, AddSourcesText},
    {"md", "the fact list in Markdown (checks, people, ..., quotes, figures).", RenderMarkdown,
     AddSourcesMarkdown},
    {"csv", "the fact list as CSV (start/end in code points).", RenderCsv, nullptr},
    {"html", "a self-contained HTML report: highlighted draft + fact list.", RenderHtml,
     AddSourcesHtml},
};

const OutputFormat* FindFormat(const std::string& name) {
  for (const OutputFormat& f : kFormats)
    if (name == f.name) return &f;
  return nullptr;
}

std::string FormatNames() {
  std::string names;
  for (const OutputFormat& f : kFormats) names += std::string(f.name) + "|";
  return names + "jsonl";
}

std::string UsageText() {
  std::string formats;
  for (const OutputFormat& f : kFormats) {
    std::string name = std::string("  --format ") + f.name;
    name.resize(22, ' ');
    formats += name + f.help + "\n";
  }
  return "Usage: factlens analyze [--format " + FormatNames() +
         "] [--reference-date YYYY-MM-DD]\n"
         "                        [--house-list FILE] [--source FILE ...] [--pretty] FILE\n"
         "       factlens --help\n"
         "\n"
         "Analyses a news draft offline: named entities, attributions (who said what),\n"
         "figures with normalised values, and copy-desk checks.\n"
         "\n"
         "  FILE                UTF-8 text, paragraphs separated by newlines (\"\\r\\n\"\n"
         "                      accepted); '-' reads stdin.\n" +
         formats +
         "  --format jsonl      reads JSON lines {\"id\": ..., \"text\": ..., "
         "\"reference_datetime\":\n"
         "                      optional ISO date} from FILE or stdin and prints one object\n"
         "                      per line carrying the same \"id\", flushed line by line. It\n"
         "                      streams (memory is bounded by the longest line), so archives\n"
         "                      of any size can be piped through it. Blank lines are skipped.\n"
         "                      A malformed line prints {\"schema\", \"id\"?, \"line\", "
         "\"error\"}\n"
         "                      in its place and a message on stderr naming the line; the\n"
         "                      other lines still produce output; the exit status is then 1.\n"
         "  --reference-date D  the article's dateline (YYYY-MM-DD): relative dates (\"last\n"
         "                      November\") resolve against it, never against the clock.\n"
         "                      In jsonl mode it is the default for lines without\n"
         "                      \"reference_datetime\".\n"
         "  --house-list FILE   house list: preferred spellings and known names, one per\n"
         "                      line, and an optional [style] section (docs/checks.md).\n"
         "                      A malformed file is rejected with its line number.\n"
         "  --source FILE       a source the draft quotes (UTF-8 text; repeat for more):\n"
         "                      each direct or mixed quotation is checked word by word\n"
         "                      (verbatim|altered|not_found, with a diff) and each figure\n"
         "                      (same|different|not_found); adds \"sources\", \"quote_checks\"\n"
         "                      and \"figure_checks\" to the JSON (docs/sources.md). In jsonl\n"
         "                      mode every record is checked against the same sources.\n"
         "                      Not with --format csv.\n"
         "  --pretty            indent JSON output (json format).\n"
         "  -h, --help          this text.\n"
         "\n"
         "JSON output (schema \"factlens/1\"):\n"
         "  {\"schema\": \"factlens/1\", \"id\"?,\n"
         "   \"entities\": [{\"start\",\"end\",\"text\",\"type\",\"entity\"}],\n"
         "   \"entity_list\": [{\"id\",\"type\",\"canonical\",\"variants\",\"mentions\"}],\n"
         "   \"figures\": [{\"start\",\"end\",\"text\",\"kind\",\"value\",\"unit\",\"approx\"}],\n"
         "   \"attributions\": [{\"content\": {\"start\",\"end\",\"text\"},\n"
         "                     \"kind\": \"direct|indirect|mixed\",\n"
         "                     \"speaker\": {...} | null, \"speaker_name\": string | null,\n"
         "                     \"cue\": {...} | null, \"outlet\": {...} | null,\n"
         "                     \"vague_source\": bool, \"confidence\": number}],\n"
         "   \"checks\": [{\"kind\",\"message\",\"spans\"}]}\n"
         "  type: PERSON|ORG|PLACE|MISC. Figure kind: money|percent|date|time|number|\n"
         "  ordinal|quantity|duration; value: a number (money in whole units, unit an ISO\n"
         "  4217 code; percent 12 with unit \"percent\"), an ISO date string (\"2026-01-05\",\n"
         "  \"2022-03\", \"2024\"), [lo, hi] for a range, or null when it cannot be valued.\n"
         "  Objects may carry further keys after these (figure_relations, quoted_terms,\n"
         "  title, note, holds, computed, ...).\n"
         "  All offsets are Unicode code points into the input text, end exclusive, and\n"
         "  \"text\" equals the input's characters at those offsets (a leading BOM counts\n"
         "  as one character).\n"
         "\n"
         "Exit status: 0 success; 1 bad input, with a message on stderr (invalid UTF-8:\n"
         "the byte offset, line and byte in the line; an unreadable file; a malformed\n"
         "JSONL line: its line number); 2 usage error; 3 internal error.\n";
}

int Usage(const std::string& message) {
  std::cerr << "factlens: " << message << "\n"
            << "Try 'factlens --help'.\n";
  return kExitUsage;
}

// ---------------------------------------------------------------- input
// Reads a whole file ('-' = stdin). Directories and read errors are errors.
bool ReadAll(const std::string& path, std::string* out, std::string* error) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  int err = errno;
  if (f != stdin) std::fclose(f);
  if (!ok) {
    *error = "cannot read " + (path == "-" ? std::string("stdin") : path) + ": " +
             std::strerror(err);
    return false;
  }
  return true;
}

// Reads one line ("\n"-terminated, the "\n" dropped) into *line. POSIX
// getline reuses one buffer, so memory is bounded by the longest line.
class LineReader {
 public:
  explicit LineReader(FILE* f) : f_(f) {}
  ~LineReader() { std::free(buf_); }
  bool Next(std::string* line) {
    ssize_t n = ::getline(&buf_, &cap_, f_);
    if (n < 0) return false;
    if (n > 0 && buf_[n - 1] == '\n') --n;
    line->assign(buf_, static_cast<size_t>(n));
    return true;
  }
  bool error() const { return std::ferror(f_) != 0; }

 private:
  FILE* f_;
  char* buf_ = nullptr;
  size_t cap_ = 0;
};

// nlohmann's parse_error text without its "[json.exception...] parse error at
// line 1, column N:" prefix (the line is ours to name).
std::string ParseErrorText(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  size_t colon = what.find(": ");
  if (what.rfind("[json.exception", 0) == 0 && colon != std::string::npos)
    what = what.substr(colon + 2);
  return "malformed JSON at byte " + std::to_string(e.byte) + " of the line: " + what;
}

// ---------------------------------------------------------------- jsonl

// One JSON line into *doc (and its "id", as JSON, into *id_json); false with
// *error naming what is wrong.
bool DocumentFromLine(const std::string& line, const std::optional<factlens::Date>& default_date,
                      factlens::Document* doc, std::string* id_json, std::string* error) {
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    *error = ParseErrorText(e);
    return false;
  }
  if (!obj.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  auto id = obj.find("id");
  if (id != obj.end()) *id_json = id->dump();
  auto text = obj.find("text");
  if (text == obj.end() || !text->is_string()) {
    *error = "missing string field \"text\"";
    return false;
  }
  if (!factlens::DocumentFromUtf8(text->get_ref<const std::string&>(), doc, error)) return false;
  doc->reference_date = default_date;
  auto ref = obj.find("reference_datetime");
  if (ref != obj.end() && !ref->is_null()) {
    factlens::Date date;
    if (!ref->is_string() || !factlens::ParseIsoDate(ref->get_ref<const std::string&>(), &date)) {
      *error = "\"reference_datetime\" is not an ISO date (YYYY-MM-DD...)";
      return false;
    }
    doc->reference_date = date;
  }
  return true;
}

// The answer to a malformed line: {"schema", "id"?, "line", "error"} on stdout,
// the message on stderr.
void PrintLineError(int64_t line_no, const std::string& id_json, const std::string& what) {
  std::cerr << "factlens: line " << line_no << ": " << what << "\n";
  nlohmann::ordered_json err;
  err["schema"] = "factlens/1";
  if (!id_json.empty()) err["id"] = nlohmann::ordered_json::parse(id_json);
  err["line"] = line_no;
  err["error"] = what;
  std::cout << err.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::cout.flush();
}

int RunJsonl(const factlens::Analyzer& analyzer, FILE* in, const CliOptions& options,
             const std::optional<factlens::Date>& default_date,
             const factlens::SourceIndex* sources) {
  std::string line;
  int64_t line_no = 0;
  int status = kExitOk;
  LineReader reader(in);
  factlens::Document doc;
  while (reader.Next(&line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string id_json, error;
    if (!DocumentFromLine(line, default_date, &doc, &id_json, &error)) {
      PrintLineError(line_no, id_json, error);
      status = kExitBadInput;
      continue;
    }
    Report report = analyzer.Analyze(doc);
    std::string json = factlens::ReportToJson(doc, report, id_json.empty() ? nullptr : &id_json);
    if (sources) {  // issue #17
      json = factlens::AddSourceChecksToJson(
          json, doc, report, *sources, factlens::CheckAgainstSources(doc, report, *sources));
    }
    std::cout << json << "\n";
    std::cout.flush();  // a consumer may wait for each answer before sending more
  }
  if (reader.error()) {
    std::cerr << "factlens: read error after line " << line_no << ": " << std::strerror(errno)
              << "\n";
    status = kExitBadInput;
  }
  return status;
}

// Reads the options after "analyze" into *options. Returns -1 to go on, or the
// exit status to stop with (usage errors, --help).
constexpr int kGoOn = -1;
int ParseArgs(int argc, char** argv, CliOptions* options) {
  bool only_files = false;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char* name, std::string* out) {
      std::string prefix = std::string(name) + "=";
      if (arg == name) {
        if (i + 1 >= argc) return false;
        *out = argv[++i];
        return true;
      }
      *out = arg.substr(prefix.size());
      return true;
    };
    auto is = [&](const char* name) {
      return arg == name || arg.rfind(std::string(name) + "=", 0) == 0;
    };
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      if (!options->file.empty()) return Usage("more than one FILE ('" + arg + "')");
      options->file = arg;
    } else if (arg == "--") {
      only_files = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << UsageText();
      return kExitOk;
    } else if (is("--format")) {
      if (!value("--format", &options->format)) return Usage("--format needs a value");
    } else if (is("--reference-date")) {
      if (!value("--reference-date", &options->reference_date))
        return Usage("--reference-date needs a value (YYYY-MM-DD)");
    } else if (is("--house-list")) {  // checks issue
      if (!value("--house-list", &options->house_list)) return Usage("--house-list needs a FILE");
    } else if (is("--source")) {  // issue #17
      std::string path;
      if (!value("--source", &path) || path.empty()) return Usage("--source needs a FILE");
      options->sources.push_back(path);
    } else if (arg == "--pretty") {
      options->pretty = true;
    } else {
      return Usage("unknown option '" + arg + "'");
    }
  }
  if (options->file.empty()) return Usage("no FILE given ('-' reads stdin)");
  return kGoOn;
}

// checks issue: the analyzer options of a house list file; false (after saying
// why on stderr) when the file cannot be read or is malformed.
bool LoadHouseList(const std::string& path, factlens::AnalyzerOptions* analyzer_options) {
  std::string bytes, error;
  factlens::HouseList house;
  if (!ReadAll(path, &bytes, &error)) {
    std::cerr << "factlens: " << error << "\n";
    return false;
  }
  if (!factlens::ParseHouseList(bytes, &house, &error)) {
    std::cerr << "factlens: " << path << ": " << error << "\n";
    return false;
  }
  analyzer_options->house_names = house.names;
  analyzer_options->number_style = house.style.number_style;
  analyzer_options->house_style = house.style;
  return true;
}

// ---------------------------------------------------------------- sources
// issue #17: reads every --source FILE into *index. Returns the message for a
// bad file ("source FILE: invalid UTF-8 at ..."), empty when all are read.
std::string LoadSources(const CliOptions& options, const std::optional<factlens::Date>& reference,
                        factlens::SourceIndex* index) {
  for (const std::string& path : options.sources) {
    std::string bytes, error;
    factlens::Document doc;
    if (!ReadAll(path, &bytes, &error)) return "source " + error;
    if (!factlens::DocumentFromUtf8(bytes, &doc, &error)) return "source " + path + ": " + error;
    doc.reference_date = reference;
    index->Add(path, std::move(doc));
  }
  return "";
}

// The sources load on a second thread while the draft is analysed (none: no thread).
std::future<std::string> LoadSourcesAsync(const CliOptions& options,
                                          const std::optional<factlens::Date>& reference,
                                          factlens::SourceIndex* index) {
  auto load = [&options, reference, index] { return LoadSources(options, reference, index); };
  return std::async(options.sources.empty() ? std::launch::deferred : std::launch::async, load);
}

// The output of one document, with the source checks when there are sources.
std::string Render(const OutputFormat& format, const Document& doc, const Report& report,
                   const CliOptions& options, const factlens::SourceIndex& sources) {
  std::string out = format.render(doc, report, options);
  if (sources.size() == 0 || !format.add_sources) return out;
  const factlens::SourceChecks checks = factlens::CheckAgainstSources(doc, report, sources);
  return format.add_sources(std::move(out), doc, report,
                            SourceRun{sources, checks, options.pretty ? 2 : -1});
}

int RunJsonlFile(const factlens::AnalyzerOptions& analyzer_options, const CliOptions& options,
                 const std::optional<factlens::Date>& reference) {
  FILE* in = options.file == "-" ? stdin : std::fopen(options.file.c_str(), "rb");
  if (!in) {
    std::cerr << "factlens: cannot read " << options.file << ": " << std::strerror(errno)
              << "\n";
    return kExitBadInput;
  }
  factlens::SourceIndex sources;  // issue #17
  const std::string source_error = LoadSources(options, reference, &sources);
  if (!source_error.empty()) {
    if (in != stdin) std::fclose(in);
    std::cerr << "factlens: " << source_error << "\n";
    return kExitBadInput;
  }
  factlens::Analyzer analyzer(analyzer_options);
  int status = RunJsonl(analyzer, in, options, reference, sources.size() ? &sources : nullptr);
  if (in != stdin) std::fclose(in);
  return status;
}

// One document: read, analyse, print in `format`. The sources load meanwhile;
// a bad draft is reported before a bad source.
int RunFile(const factlens::AnalyzerOptions& analyzer_options, const OutputFormat& format,
            const CliOptions& options, const std::optional<factlens::Date>& reference) {
  factlens::SourceIndex sources;  // issue #17
  std::future<std::string> loading = LoadSourcesAsync(options, reference, &sources);
  std::string bytes, error;
  if (!ReadAll(options.file, &bytes, &error)) {
    std::cerr << "factlens: " << error << "\n";
    return kExitBadInput;
  }
  factlens::Document doc;
  if (!factlens::DocumentFromUtf8(bytes, &doc, &error)) {
    std::cerr << "factlens: " << (options.file == "-" ? std::string("stdin") : options.file)
              << ": " << error << "\n";
    return kExitBadInput;
  }
  bytes.clear();
  bytes.shrink_to_fit();
  doc.reference_date = reference;
  factlens::Analyzer analyzer(analyzer_options);
  Report report = analyzer.Analyze(doc);
  const std::string source_error = loading.get();
  if (!source_error.empty()) {
    std::cerr << "factlens: " << source_error << "\n";
    return kExitBadInput;
  }
  std::cout << Render(format, doc, report, options, sources);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "factlens: cannot write the output\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << UsageText();
    return kExitUsage;
  }
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << UsageText();
    return kExitOk;
  }
  if (command != "analyze") return Usage("unknown command '" + command + "'");

  CliOptions options;
  if (int status = ParseArgs(argc, argv, &options); status != kGoOn) return status;
  const OutputFormat* format = FindFormat(options.format);
  if (!format && options.format != "jsonl")
    return Usage("unknown format '" + options.format + "' (" + FormatNames() + ")");
  if (!options.sources.empty() && format && !format->add_sources)
    return Usage("--source does not work with --format " + options.format);
  std::optional<factlens::Date> reference;
  if (!options.reference_date.empty()) {
    factlens::Date date;
    if (!factlens::ParseIsoDate(options.reference_date, &date))
      return Usage("--reference-date needs an ISO date (YYYY-MM-DD), not '" +
                   options.reference_date + "'");
    reference = date;
  }
  factlens::AnalyzerOptions analyzer_options;
  if (!options.house_list.empty() && !LoadHouseList(options.house_list, &analyzer_options))
    return kExitBadInput;

  try {
    if (options.format == "jsonl") return RunJsonlFile(analyzer_options, options, reference);
    return RunFile(analyzer_options, *format, options, reference);
  } catch (const std::exception& e) {
    std::cerr << "factlens: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
