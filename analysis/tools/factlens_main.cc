// The factlens command: analyse UTF-8 text and print the fact list.
// See `factlens --help` and README.md for the JSON contract ("factlens/1").
//
// Structure: the command line is parsed into CliOptions by ParseCommandLine (no
// output, no exit: tests/fuzz/fuzz_cli.cc calls it); single-document output
// formats are rows of kFormats (add a row to add a format: --help lists them);
// jsonl is the streaming mode: RunJsonl (one thread) or JsonlPipeline (--jobs N).
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
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
  int jobs = 1;  // issue #16: --jobs N, analysis threads in jsonl mode
};

constexpr int kMaxJobs = 256;

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
         "                        [--house-list FILE] [--source FILE ...] [--jobs N]\n"
         "                        [--pretty] FILE\n"
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
         "  --jobs N            jsonl only: analyse N records at once on N threads (default\n"
         "                      1); the output is the same, in input order, each answer\n"
         "                      flushed once it and all before it are ready. At most 8*N\n"
         "                      lines are held at a time.\n"
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

// ---------------------------------------------------------------- jsonl
// One jsonl line's answer: its stdout line and, for a rejected line, the
// message for stderr (written first).
struct LineAnswer {
  std::string out;
  std::string err;
  bool bad = false;
};

// What every jsonl line is analysed with (shared by all threads: the Analyzer
// and the SourceIndex are immutable and safe to use concurrently).
struct JsonlContext {
  const factlens::Analyzer& analyzer;
  const std::optional<factlens::Date>& default_date;
  const factlens::SourceIndex* sources;  // null: no --source
};

// The answer to one non-blank line (line_no counts from 1). *doc is scratch.
LineAnswer AnswerLine(const JsonlContext& ctx, const std::string& line, int64_t line_no,
                      Document* doc) {
  LineAnswer answer;
  std::string id_json, error;
  if (!factlens::DocumentFromJsonLine(line, ctx.default_date, doc, &id_json, &error)) {
    answer.err = "factlens: line " + std::to_string(line_no) + ": " + error + "\n";
    answer.out = factlens::JsonLineErrorToJson(line_no, id_json, error) + "\n";
    answer.bad = true;
    return answer;
  }
  Report report = ctx.analyzer.Analyze(*doc);
  answer.out = factlens::ReportToJson(*doc, report, id_json.empty() ? nullptr : &id_json);
  if (ctx.sources) {  // issue #17
    answer.out = factlens::AddSourceChecksToJson(
        answer.out, *doc, report, *ctx.sources,
        factlens::CheckAgainstSources(*doc, report, *ctx.sources));
  }
  answer.out += "\n";
  return answer;
}

// Writes an answer and flushes: a consumer may wait for each answer before
// sending more.
void Emit(const LineAnswer& answer) {
  if (!answer.err.empty()) std::cerr << answer.err;
  std::cout << answer.out;
  std::cout.flush();
}

// The next non-blank line (its "\r" dropped) and its number; false at the end.
bool NextRecord(LineReader* reader, std::string* line, int64_t* line_no) {
  while (reader->Next(line)) {
    ++*line_no;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    if (line->find_first_not_of(" \t") != std::string::npos) return true;
  }
  return false;
}

int ReadErrorStatus(const LineReader& reader, int64_t line_no) {
  if (!reader.error()) return kExitOk;
  std::cerr << "factlens: read error after line " << line_no << ": " << std::strerror(errno)
            << "\n";
  return kExitBadInput;
}

// --jobs 1: read, analyse, write, one line at a time.
int RunJsonl(const JsonlContext& ctx, FILE* in) {
  std::string line;
  int64_t line_no = 0;
  int status = kExitOk;
  LineReader reader(in);
  factlens::Document doc;
  while (NextRecord(&reader, &line, &line_no)) {
    LineAnswer answer = AnswerLine(ctx, line, line_no, &doc);
    if (answer.bad) status = kExitBadInput;
    Emit(answer);
  }
  const int read_status = ReadErrorStatus(reader, line_no);
  return read_status != kExitOk ? read_status : status;
}

// --jobs N (issue #16): the calling thread reads lines into a ring of
// kWindowPerJob * N slots, N workers analyse them, a writer thread prints the
// answers in input order as soon as each and all before it are ready. Memory:
// at most the ring's lines and answers. The output equals RunJsonl's.
class JsonlPipeline {
 public:
  static constexpr int kWindowPerJob = 8;
  JsonlPipeline(const JsonlContext& ctx, int jobs)
      : ctx_(ctx), jobs_(jobs), slots_(static_cast<size_t>(kWindowPerJob) * jobs) {}
  int Run(FILE* in);

 private:
  struct Slot {
    std::string line;
    int64_t line_no = 0;
    bool done = false;
    LineAnswer answer;
    std::string internal_error;  // what() of an exception while answering
  };
  Slot& At(int64_t seq) { return slots_[static_cast<size_t>(seq % slots_.size())]; }
  void Read(LineReader* reader, int64_t* line_no);
  void Work();
  void Write();

  const JsonlContext& ctx_;
  const int jobs_;
  std::vector<Slot> slots_;
  std::mutex mu_;
  std::condition_variable changed_;
  int64_t read_ = 0, taken_ = 0, written_ = 0;  // sequence numbers of records
  bool eof_ = false, stop_ = false;
  int status_ = kExitOk;
};

int JsonlPipeline::Run(FILE* in) {
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs_; ++i) threads.emplace_back([this] { Work(); });
  std::thread writer([this] { Write(); });
  LineReader reader(in);
  int64_t line_no = 0;
  Read(&reader, &line_no);
  for (std::thread& t : threads) t.join();
  writer.join();
  if (status_ == kExitInternal) return status_;
  const int read_status = ReadErrorStatus(reader, line_no);
  return read_status != kExitOk ? read_status : status_;
}

void JsonlPipeline::Read(LineReader* reader, int64_t* line_no) {
  std::string line;
  while (NextRecord(reader, &line, line_no)) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return stop_ || read_ - written_ < int64_t(slots_.size()); });
    if (stop_) break;
    Slot& slot = At(read_++);
    slot.line = std::move(line);
    slot.line_no = *line_no;
    slot.done = false;
    slot.internal_error.clear();
    changed_.notify_all();
  }
  std::lock_guard<std::mutex> lock(mu_);
  eof_ = true;
  changed_.notify_all();
}

void JsonlPipeline::Work() {
  factlens::Document doc;
  for (;;) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return stop_ || eof_ || taken_ < read_; });
    if (stop_ || taken_ == read_) return;  // stopped, or at the end with nothing left
    Slot& slot = At(taken_++);
    const std::string line = std::move(slot.line);
    const int64_t line_no = slot.line_no;
    lock.unlock();
    LineAnswer answer;
    std::string internal_error;
    try {
      answer = AnswerLine(ctx_, line, line_no, &doc);
    } catch (const std::exception& e) {
      internal_error = e.what();
    }
    lock.lock();
    slot.answer = std::move(answer);
    slot.internal_error = std::move(internal_error);
    slot.done = true;
    changed_.notify_all();
  }
}

void JsonlPipeline::Write() {
  for (;;) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] {
      return (written_ < read_ && At(written_).done) || (eof_ && written_ == read_);
    });
    if (written_ == read_) return;  // the end: everything written
    Slot& slot = At(written_);
    const LineAnswer answer = std::move(slot.answer);
    const std::string internal_error = std::move(slot.internal_error);
    lock.unlock();
    if (!internal_error.empty()) {  // as on one thread: stop with status 3
      std::cerr << "factlens: internal error: " << internal_error << "\n";
      lock.lock();
      status_ = kExitInternal;
      stop_ = true;
      changed_.notify_all();
      return;
    }
    Emit(answer);
    lock.lock();
    if (answer.bad) status_ = kExitBadInput;
    ++written_;
    changed_.notify_all();
  }
}

// What the command line asks for: run with `options` (and `reference`), or stop
// with `status` after printing `out` (stdout: --help) and `err` (stderr: a usage
// error). Nothing is printed and nothing exits here (tests/fuzz/fuzz_cli.cc).
struct CommandLine {
  bool run = false;
  int status = kExitOk;
  std::string out, err;
  CliOptions options;
  std::optional<factlens::Date> reference;
};

CommandLine Stop(int status, std::string out, std::string err) {
  CommandLine c;
  c.status = status;
  c.out = std::move(out);
  c.err = std::move(err);
  return c;
}

CommandLine UsageError(const std::string& message) {
  return Stop(kExitUsage, "", "factlens: " + message + "\nTry 'factlens --help'.\n");
}

// "--jobs" value: a decimal number 1..kMaxJobs (no sign, no overflow).
bool ParseJobs(const std::string& text, int* jobs) {
  if (text.empty() || text.size() > 4) return false;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  if (n < 1 || n > kMaxJobs) return false;
  *jobs = n;
  return true;
}

// One option (args[*i], with its value at args[*i + 1] or after "=") into
// *options; returns the usage error, empty when fine.
std::string ReadOption(const std::vector<std::string>& args, size_t* i, CliOptions* options) {
  const std::string& arg = args[*i];
  auto is = [&](const char* name) {
    return arg == name || arg.rfind(std::string(name) + "=", 0) == 0;
  };
  auto value = [&](const char* name, std::string* out) {
    if (arg != name) {
      *out = arg.substr(std::string(name).size() + 1);
      return true;
    }
    if (*i + 1 >= args.size()) return false;
    *out = args[++*i];
    return true;
  };
  std::string v;
  if (is("--format")) {
    if (!value("--format", &options->format)) return "--format needs a value";
  } else if (is("--reference-date")) {
    if (!value("--reference-date", &options->reference_date))
      return "--reference-date needs a value (YYYY-MM-DD)";
  } else if (is("--house-list")) {  // checks issue
    if (!value("--house-list", &options->house_list)) return "--house-list needs a FILE";
  } else if (is("--source")) {  // issue #17
    if (!value("--source", &v) || v.empty()) return "--source needs a FILE";
    options->sources.push_back(v);
  } else if (is("--jobs")) {  // issue #16
    if (!value("--jobs", &v) || !ParseJobs(v, &options->jobs))
      return "--jobs needs a number of threads (1-" + std::to_string(kMaxJobs) + ")";
  } else if (arg == "--pretty") {
    options->pretty = true;
  } else {
    return "unknown option '" + arg + "'";
  }
  return "";
}

// The options and the FILE after "analyze" (args[1..]), then their consistency.
CommandLine ParseAnalyze(const std::vector<std::string>& args) {
  CommandLine c;
  CliOptions& options = c.options;
  bool only_files = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      if (!options.file.empty()) return UsageError("more than one FILE ('" + arg + "')");
      options.file = arg;
    } else if (arg == "--") {
      only_files = true;
    } else if (arg == "--help" || arg == "-h") {
      return Stop(kExitOk, UsageText(), "");
    } else if (std::string error = ReadOption(args, &i, &options); !error.empty()) {
      return UsageError(error);
    }
  }
  if (options.file.empty()) return UsageError("no FILE given ('-' reads stdin)");
  const OutputFormat* format = FindFormat(options.format);
  if (!format && options.format != "jsonl")
    return UsageError("unknown format '" + options.format + "' (" + FormatNames() + ")");
  if (!options.sources.empty() && format && !format->add_sources)
    return UsageError("--source does not work with --format " + options.format);
  if (options.jobs != 1 && options.format != "jsonl")
    return UsageError("--jobs works with --format jsonl only");
  if (!options.reference_date.empty()) {
    factlens::Date date;
    if (!factlens::ParseIsoDate(options.reference_date, &date))
      return UsageError("--reference-date needs an ISO date (YYYY-MM-DD), not '" +
                        options.reference_date + "'");
    c.reference = date;
  }
  c.run = true;
  return c;
}

// The whole command line, without the program name (argv[1..]).
CommandLine ParseCommandLine(const std::vector<std::string>& args) {
  if (args.empty()) return Stop(kExitUsage, "", UsageText());
  const std::string& command = args[0];
  if (command == "--help" || command == "-h" || command == "help")
    return Stop(kExitOk, UsageText(), "");
  if (command != "analyze") return UsageError("unknown command '" + command + "'");
  return ParseAnalyze(args);
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
  const factlens::Analyzer analyzer(analyzer_options);
  const JsonlContext ctx{analyzer, reference, sources.size() ? &sources : nullptr};
  int status = options.jobs > 1 ? JsonlPipeline(ctx, options.jobs).Run(in) : RunJsonl(ctx, in);
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
  if (&format == FindFormat("json") && sources.size() == 0) {
    // Streamed: a large report is never held whole (docs/perf.md, memory).
    factlens::WriteReportJson(doc, report, nullptr, options.pretty ? 2 : -1, std::cout);
    std::cout << "\n";
  } else {
    std::cout << Render(format, doc, report, options, sources);
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "factlens: cannot write the output\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

#ifndef FACTLENS_CLI_NO_MAIN  // tests/fuzz/fuzz_cli.cc includes this file without main
int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CommandLine command = ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
  if (!command.run) {
    std::cout << command.out;
    std::cerr << command.err;
    return command.status;
  }
  const CliOptions& options = command.options;
  factlens::AnalyzerOptions analyzer_options;
  if (!options.house_list.empty() && !LoadHouseList(options.house_list, &analyzer_options))
    return kExitBadInput;

  try {
    if (options.format == "jsonl")
      return RunJsonlFile(analyzer_options, options, command.reference);
    return RunFile(analyzer_options, *FindFormat(options.format), options, command.reference);
  } catch (const std::exception& e) {
    std::cerr << "factlens: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
#endif  // FACTLENS_CLI_NO_MAIN
