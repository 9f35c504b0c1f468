// The factlens command: analyse UTF-8 text and print the fact list.
// See `factlens --help` and README.md for the JSON contract.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "factlens/analyzer.h"
#include "factlens/io.h"
#include "factlens/reports.h"  // checks issue: --format md|csv|html

namespace {

const char kUsage[] =
    "Usage: factlens analyze [--format json|jsonl|text|md|csv|html] [--house-list FILE]\n"
    "                        [--reference-date YYYY-MM-DD] FILE\n"
    "       factlens --help\n"
    "\n"
    "Analyses a news draft offline: named entities, attributions (who said what),\n"
    "figures with normalised values, and copy-desk checks.\n"
    "\n"
    "  FILE                UTF-8 text, paragraphs separated by newlines; '-' reads stdin.\n"
    "  --format json       (default) one JSON object, schema \"factlens/1\".\n"
    "  --format jsonl      reads JSON lines {\"id\", \"text\", \"reference_datetime\"?} and\n"
    "                      prints one object per line with the same \"id\"; streams, so any\n"
    "                      size of archive can be piped through it. A malformed line gets\n"
    "                      an error object {\"id\"?, \"error\"} and a message on stderr; the\n"
    "                      other lines still produce output; the exit status is then 1.\n"
    "  --format text       a human-readable fact list.\n"
    "  --format md|csv|html  fact list as Markdown or CSV (start/end in code points),\n"
    "                      or a self-contained HTML report of the highlighted draft.\n"
    "  --house-list FILE   preferred spellings and known names, one per line, and an\n"
    "                      optional [style] section (docs/checks.md); a malformed\n"
    "                      file is rejected with its line number.\n"
    "  --reference-date D  the article's dateline (ISO date) for relative dates.\n"
    "  --pretty            indent JSON output.\n"
    "\n"
    "Output offsets are Unicode code points into the input text, end exclusive.\n"
    "Exit status: 0 success, 1 bad input (message on stderr), 2 usage error.\n";

int Usage(const char* message) {
  if (message) std::cerr << "factlens: " << message << "\n";
  std::cerr << kUsage;
  return 2;
}

bool ReadAll(const std::string& path, std::string* out, std::string* error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  *out = ss.str();
  return true;
}

int RunJsonl(const factlens::Analyzer& analyzer, std::istream& in) {
  std::string line;
  int64_t line_no = 0;
  int status = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    nlohmann::json obj;
    std::string id_json;
    auto fail = [&](const std::string& what) {
      std::cerr << "factlens: line " << line_no << ": " << what << "\n";
      nlohmann::json err{{"schema", "factlens/1"}, {"line", line_no}, {"error", what}};
      if (!id_json.empty()) err["id"] = nlohmann::json::parse(id_json);
      std::cout << err.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      status = 1;
    };
    try {
      obj = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      fail(std::string("malformed JSON: ") + e.what());
      continue;
    }
    if (!obj.is_object()) { fail("not a JSON object"); continue; }
    if (obj.contains("id")) id_json = obj["id"].dump();
    if (!obj.contains("text") || !obj["text"].is_string()) {
      fail("missing string field \"text\"");
      continue;
    }
    factlens::Document doc;
    std::string error;
    if (!factlens::DocumentFromUtf8(obj["text"].get_ref<const std::string&>(), &doc, &error)) {
      fail(error);
      continue;
    }
    if (obj.contains("reference_datetime") && !obj["reference_datetime"].is_null()) {
      factlens::Date date;
      if (!obj["reference_datetime"].is_string() ||
          !factlens::ParseIsoDate(obj["reference_datetime"].get_ref<const std::string&>(), &date)) {
        fail("\"reference_datetime\" is not an ISO date");
        continue;
      }
      doc.reference_date = date;
    }
    factlens::Report report = analyzer.Analyze(doc);
    std::cout << factlens::ReportToJson(doc, report, id_json.empty() ? nullptr : &id_json) << "\n";
  }
  std::cout.flush();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) return Usage(nullptr);
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command != "analyze") return Usage(("unknown command '" + command + "'").c_str());
  std::string format = "json", file, reference;
  std::string house_list;  // checks issue: --house-list FILE
  bool pretty = false;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--format" && i + 1 < argc) {
      format = argv[++i];
    } else if (arg.rfind("--format=", 0) == 0) {
      format = arg.substr(9);
    } else if (arg == "--reference-date" && i + 1 < argc) {
      reference = argv[++i];
    } else if (arg == "--house-list" && i + 1 < argc) {  // checks issue
      house_list = argv[++i];
    } else if (arg == "--pretty") {
      pretty = true;
    } else if (arg == "-" || arg[0] != '-') {
      if (!file.empty()) return Usage("more than one FILE");
      file = arg;
    } else {
      return Usage(("unknown option '" + arg + "'").c_str());
    }
  }
  if (file.empty()) return Usage("no FILE given ('-' reads stdin)");
  if (format != "json" && format != "jsonl" && format != "text" && format != "md" &&
      format != "csv" && format != "html")
    return Usage(("unknown format '" + format + "'").c_str());

  try {
    // --- checks issue: house list (begin)
    factlens::AnalyzerOptions analyzer_options;
    if (!house_list.empty()) {
      std::string bytes, error;
      factlens::HouseList house;
      if (!ReadAll(house_list, &bytes, &error)) {
        std::cerr << "factlens: " << error << "\n";
        return 1;
      }
      if (!factlens::ParseHouseList(bytes, &house, &error)) {
        std::cerr << "factlens: " << house_list << ": " << error << "\n";
        return 1;
      }
      analyzer_options.house_names = house.names;
      analyzer_options.number_style = house.style.number_style;
      analyzer_options.house_style = house.style;
    }
    factlens::Analyzer analyzer(analyzer_options);
    // --- checks issue: house list (end)
    if (format == "jsonl") {
      if (file == "-") return RunJsonl(analyzer, std::cin);
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "factlens: cannot read " << file << ": " << std::strerror(errno) << "\n";
        return 1;
      }
      return RunJsonl(analyzer, in);
    }
    std::string bytes, error;
    if (!ReadAll(file, &bytes, &error)) {
      std::cerr << "factlens: " << error << "\n";
      return 1;
    }
    factlens::Document doc;
    if (!factlens::DocumentFromUtf8(bytes, &doc, &error)) {
      std::cerr << "factlens: " << (file == "-" ? std::string("stdin") : file) << ": " << error << "\n";
      return 1;
    }
    if (!reference.empty()) {
      factlens::Date date;
      if (!factlens::ParseIsoDate(reference, &date)) return Usage("--reference-date needs YYYY-MM-DD");
      doc.reference_date = date;
    }
    factlens::Report report = analyzer.Analyze(doc);
    if (format == "text") {
      std::cout << factlens::ReportToText(doc, report);
    } else if (format == "md") {  // checks issue
      std::cout << factlens::ReportToMarkdown(doc, report);
    } else if (format == "csv") {
      std::cout << factlens::ReportToCsv(doc, report);
    } else if (format == "html") {
      std::cout << factlens::ReportToHtml(doc, report, file == "-" ? "" : file.substr(file.find_last_of('/') + 1));
    } else {
      std::cout << factlens::ReportToJson(doc, report, nullptr, pretty ? 2 : -1) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "factlens: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
