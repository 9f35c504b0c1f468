// Quotes and figures checked against sources (factlens/sources.h, issue #17):
// verbatim after normalisation, altered with a word diff, ellipsis and bracket
// notes, not_found below the floor, the best of several sources, offsets in code
// points of the source, figure same/different/not_found, and the command's
// --source option with its error paths.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>
#include <string>

#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "factlens/analyzer.h"
#include "factlens/io.h"
#include "factlens/reports.h"
#include "factlens/sources.h"

namespace {

using factlens::DiffOp;
using factlens::FigureStatus;
using factlens::QuoteStatus;

const char kSource[] =
    "The mayor spoke at the harbour on Monday.\n"
    "\u201cWe will rebuild the northern pier before the winter storms arrive, and we will not "
    "ask the fishing families to pay for it,\u201d Mayor Ilse Varga said.\n"
    "The council approved a budget of $4.5 million for the work.\n"
    "It has been neglected for decades, and the old timber is rotten through.\n";

factlens::Document Doc(const std::string& utf8) {
  factlens::Document doc;
  std::string error;
  REQUIRE(factlens::DocumentFromUtf8(utf8, &doc, &error));
  return doc;
}

struct Checked {
  factlens::Document draft;
  factlens::Report report;
  factlens::SourceIndex sources;
  factlens::SourceChecks checks;
};

// Checks `draft` against kSource (and `second`, when given, as source 1).
Checked Check(const std::string& draft, const std::string& second = "") {
  Checked c;
  c.draft = Doc(draft);
  c.report = factlens::Analyzer().Analyze(c.draft);
  c.sources.Add("harbour.txt", Doc(kSource));
  if (!second.empty()) c.sources.Add("second.txt", Doc(second));
  c.checks = factlens::CheckAgainstSources(c.draft, c.report, c.sources);
  return c;
}

const factlens::QuoteCheck& OnlyQuote(const Checked& c) {
  REQUIRE(c.checks.quotes.size() == 1);
  return c.checks.quotes[0];
}

TEST_CASE("sources: a quote equal after normalisation is verbatim", "[sources]") {
  Checked c = Check(
      "\"we will rebuild the Northern pier before the winter storms arrive -- and we will not "
      "ask the fishing families to pay!\" Varga said.\n");
  const factlens::QuoteCheck& q = OnlyQuote(c);
  CHECK(q.status == QuoteStatus::kVerbatim);
  CHECK(q.source == 0);
  CHECK(q.similarity == Approx(1.0));
  CHECK(q.notes.empty());
  for (const DiffOp& op : q.diff) CHECK(op.op == DiffOp::Op::kEqual);
}

TEST_CASE("sources: a swapped word is altered with a readable diff", "[sources]") {
  Checked c = Check(
      "\u201cWe will rebuild the southern pier before the winter storms arrive,\u201d Varga "
      "said.\n");
  const factlens::QuoteCheck& q = OnlyQuote(c);
  CHECK(q.status == QuoteStatus::kAltered);
  REQUIRE(q.diff.size() == 3);
  CHECK(q.diff[0].op == DiffOp::Op::kEqual);
  CHECK(q.diff[0].draft == u"We will rebuild the");
  CHECK(q.diff[1].op == DiffOp::Op::kReplace);
  CHECK(q.diff[1].draft == u"southern");
  CHECK(q.diff[1].source == u"northern");
  CHECK(q.diff[2].op == DiffOp::Op::kEqual);
}

TEST_CASE("sources: dropped, added words and changed numbers are altered", "[sources]") {
  const char* drafts[] = {
      "\u201cWe will rebuild the pier before the winter storms arrive,\u201d Varga said.\n",
      "\u201cWe will rebuild the northern pier well before the winter storms arrive,\u201d Varga "
      "said.\n",
      "\u201cThe council approved a budget of $5.5 million for the work,\u201d Varga said.\n",
  };
  for (const char* draft : drafts) {
    Checked c = Check(draft);
    CHECK(OnlyQuote(c).status == QuoteStatus::kAltered);
  }
}

TEST_CASE("sources: ellipsis and brackets keep a quote verbatim with a note", "[sources]") {
  Checked c = Check(
      "\u201c[The pier] has been neglected for decades \u2026 the old timber is rotten "
      "through,\u201d Varga said.\n");
  const factlens::QuoteCheck& q = OnlyQuote(c);
  CHECK(q.status == QuoteStatus::kVerbatim);
  CHECK(q.notes == std::vector<std::string>{"ellipsis", "bracket"});
  for (const char* gap : {"...", ". . .", "[\u2026]", "[...]"}) {
    Checked c2 = Check(std::string("\u201cIt has been neglected for decades ") + gap +
                       " the old timber is rotten through,\u201d Varga said.\n");
    CHECK(OnlyQuote(c2).status == QuoteStatus::kVerbatim);
    CHECK(OnlyQuote(c2).notes == std::vector<std::string>{"ellipsis"});
  }
  Checked glued = Check(
      "\u201c[T]he old timber is rotten through,\u201d Varga said.\n");
  CHECK(OnlyQuote(glued).status == QuoteStatus::kVerbatim);
  CHECK(OnlyQuote(glued).notes == std::vector<std::string>{"bracket"});
}

TEST_CASE("sources: an unrelated quote is not found", "[sources]") {
  Checked c = Check("\u201cNobody here trusts the ferry company,\u201d Varga said.\n");
  const factlens::QuoteCheck& q = OnlyQuote(c);
  CHECK(q.status == QuoteStatus::kNotFound);
  CHECK(q.source == -1);
  CHECK(q.diff.empty());
}

TEST_CASE("sources: the best passage across sources wins", "[sources]") {
  Checked c = Check(
      "\u201cThe ferry will run twice a day from the new quay,\u201d Varga said.\n",
      "Officials met on Friday.\nThe ferry will run twice a day from the new quay in June.\n");
  const factlens::QuoteCheck& q = OnlyQuote(c);
  CHECK(q.status == QuoteStatus::kVerbatim);
  CHECK(q.source == 1);
}

TEST_CASE("sources: JSON offsets are code points of the source", "[sources]") {
  Checked c = Check("\u201cThe ferry will run twice a day,\u201d Varga said.\n",
                    "\xF0\x9F\x9A\xA2 Note: the ferry will run twice a day.\n");
  nlohmann::json j = nlohmann::json::parse(factlens::AddSourceChecksToJson(
      factlens::ReportToJson(c.draft, c.report), c.draft, c.report, c.sources, c.checks));
  REQUIRE(j["sources"].size() == 2);
  CHECK(j["sources"][1]["name"] == "second.txt");
  const nlohmann::json& q = j["quote_checks"][0];
  CHECK(q["status"] == "verbatim");
  CHECK(q["source"] == 1);
  CHECK(q["source_span"]["start"] == 8);  // the ship is one code point
  CHECK(q["source_span"]["text"] == "the ferry will run twice a day");
  CHECK(q["content"] == j["attributions"][0]["content"]);
}

TEST_CASE("sources: figures are same, different or not found", "[sources]") {
  Checked c = Check(
      "The council approved a budget of $4.5 million.\n"
      "The council approved a budget of $5.5 million for the work.\n"
      "Officials said 18 boats were damaged.\n");
  REQUIRE(c.checks.figures.size() == 3);
  CHECK(c.checks.figures[0].status == FigureStatus::kSame);
  CHECK(c.checks.figures[1].status == FigureStatus::kDifferent);
  CHECK(c.checks.figures[1].source == 0);
  CHECK(c.checks.figures[2].status == FigureStatus::kNotFound);
}

TEST_CASE("sources: rounded values and dates at another precision are the same",
          "[sources]") {
  factlens::Document draft = Doc(
      "The plant cost $1.2 billion to build.\n"
      "The plant opened on March 3, 2026, the company said.\n"
      "Output at the plant rose 15 percent in the first year.\n");
  factlens::Report report = factlens::Analyzer().Analyze(draft);
  factlens::SourceIndex sources;
  sources.Add("plant.txt", Doc("The plant cost $1.23 billion to build and opened in March 2026.\n"
                               "Output at the plant rose 12 percent in its first year.\n"));
  factlens::SourceChecks checks = factlens::CheckAgainstSources(draft, report, sources);
  REQUIRE(checks.figures.size() == 3);
  CHECK(checks.figures[0].status == FigureStatus::kSame);
  CHECK(checks.figures[1].status == FigureStatus::kSame);
  CHECK(checks.figures[2].status == FigureStatus::kDifferent);
}

TEST_CASE("sources: a mixed quotation compares only its quoted words", "[sources]") {
  Checked c = Check(
      "Varga said the town would rebuild it \u201cbefore the winter storms arrive\u201d.\n");
  REQUIRE(c.checks.quotes.size() == 1);
  CHECK(c.report.attributions[0].kind == factlens::AttributionKind::kMixed);
  CHECK(c.checks.quotes[0].status == QuoteStatus::kVerbatim);
}

TEST_CASE("sources: the HTML report lists the checks inside its fact list", "[sources]") {
  Checked c = Check("\u201cThe old timber is rotten through,\u201d Varga said.\n");
  const std::string html = factlens::AddSourceChecksToHtml(
      factlens::ReportToHtml(c.draft, c.report), c.draft, c.report, c.sources, c.checks);
  const size_t section = html.find("Quotes against the sources");
  REQUIRE(section != std::string::npos);
  CHECK(section < html.rfind("</aside>"));  // inserted before the fact list ends
}

// ---------------------------------------------------------------- the command

std::string Tmp(const std::string& name, const std::string& bytes) {
  std::filesystem::path p = std::filesystem::temp_directory_path() /
                            ("factlens_sources_test_" + std::to_string(getpid()) + name);
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

int Run(const std::string& args, const std::string& out) {
  std::string cmd = std::string(FACTLENS_BINARY) + " " + args + " >" + out + " 2>" + out + ".err";
  int raw = std::system(cmd.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("sources: factlens analyze --source", "[sources][cli]") {
  const std::string draft =
      Tmp("draft.txt", "\u201cThe old timber is rotten through,\u201d Varga said.\n");
  const std::string source = Tmp("source.txt", kSource);
  const std::string out = Tmp("out", "");
  REQUIRE(Run("analyze --source " + source + " " + draft, out) == 0);
  nlohmann::json j = nlohmann::json::parse(Slurp(out));
  CHECK(j["quote_checks"][0]["status"] == "verbatim");
  CHECK(j.contains("figure_checks"));
  REQUIRE(Run("analyze " + draft, out) == 0);
  CHECK_FALSE(nlohmann::json::parse(Slurp(out)).contains("sources"));
  REQUIRE(Run("analyze --format md --source=" + source + " " + draft, out) == 0);
  CHECK(Slurp(out).find("## Quotes against the sources (1)") != std::string::npos);

  CHECK(Run("analyze --source /nonexistent/src.txt " + draft, out) == 1);
  CHECK(Slurp(out + ".err").find("source cannot read /nonexistent/src.txt") !=
        std::string::npos);
  const std::string bad = Tmp("bad.txt", "ok\n\xC3\x28 bad\n");
  CHECK(Run("analyze --source " + bad + " " + draft, out) == 1);
  CHECK(Slurp(out + ".err").find("invalid UTF-8 at byte 3 (line 2") != std::string::npos);
  CHECK(Run("analyze --format csv --source " + source + " " + draft, out) == 2);
}

TEST_CASE("sources: jsonl checks every line against the same sources", "[sources][cli]") {
  const std::string source = Tmp("source.txt", kSource);
  const std::string lines = Tmp(
      "in.jsonl",
      "{\"id\": 1, \"text\": \"\u201cThe old timber is rotten through,\u201d he said.\"}\n"
      "{\"id\": 2, \"text\": \"\u201cThe new timber is rotten through,\u201d he said.\"}\n");
  const std::string out = Tmp("out", "");
  REQUIRE(Run("analyze --format jsonl --source " + source + " " + lines, out) == 0);
  std::istringstream in(Slurp(out));
  std::string line;
  std::vector<std::string> statuses;
  while (std::getline(in, line))
    statuses.push_back(nlohmann::json::parse(line)["quote_checks"][0]["status"]);
  CHECK(statuses == std::vector<std::string>{"verbatim", "altered"});
}

}  // namespace
