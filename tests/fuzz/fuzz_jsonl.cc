// libFuzzer target: the `--format jsonl` reader. The input is split into lines
// as the command does ("\n"; a trailing "\r" dropped; blank lines skipped) and
// each line goes through factlens::DocumentFromJsonLine, then, as in the
// command, the Analyzer and ReportToJson with the line's "id"; a rejected line
// through JsonLineErrorToJson.
//
// Checks (abort on failure): a rejected line has an error message and its error
// object parses, starts with "schema" and carries the line number, the message
// and the same "id"; an accepted line's report parses, has "schema" then "id"
// (the line's id, as JSON), and every span's offsets and text match the "text"
// field's code points. No exception escapes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "factlens/analyzer.h"
#include "factlens/io.h"
#include "oracles.h"

namespace {

using fuzz::Fail;

const factlens::Analyzer& TheAnalyzer() {
  static const factlens::Analyzer* analyzer = new factlens::Analyzer();
  return *analyzer;
}

void CheckId(const nlohmann::ordered_json& answer, const std::string& id_json) {
  if (id_json.empty()) {
    if (answer.contains("id")) Fail("an \"id\" without one in the line");
    return;
  }
  if (std::next(answer.begin()).key() != "id") Fail("\"id\" is not second");
  if (answer.at("id") != nlohmann::ordered_json::parse(id_json)) Fail("\"id\" changed");
}

void CheckRejected(int64_t line_no, const std::string& id_json, const std::string& error) {
  if (error.empty()) Fail("rejected without a message");
  nlohmann::ordered_json j =
      nlohmann::ordered_json::parse(factlens::JsonLineErrorToJson(line_no, id_json, error));
  if (j.begin().key() != "schema" || j["schema"] != "factlens/1") Fail("error: schema");
  CheckId(j, id_json);
  if (j.at("line") != line_no || !j.at("error").is_string()) Fail("error: line or message");
}

void RunLine(std::string_view line, int64_t line_no) {
  factlens::Document doc;
  std::string id_json, error;
  const std::optional<factlens::Date> no_date;
  if (!factlens::DocumentFromJsonLine(line, no_date, &doc, &id_json, &error)) {
    CheckRejected(line_no, id_json, error);
    return;
  }
  // The whole text the offsets count in: the "text" field as parsed.
  const nlohmann::json obj = nlohmann::json::parse(line);
  const std::u32string whole = fuzz::CodePoints8(obj.at("text").get<std::string>());
  const factlens::Report report = TheAnalyzer().Analyze(doc);
  const std::string json =
      factlens::ReportToJson(doc, report, id_json.empty() ? nullptr : &id_json);
  CheckId(fuzz::CheckReportJson(json, whole), id_json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  int64_t line_no = 0;
  while (!input.empty()) {
    size_t nl = input.find('\n');
    std::string_view line = input.substr(0, nl);
    input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    RunLine(line, line_no);
  }
  return 0;
}
