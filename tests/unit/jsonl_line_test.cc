// factlens::DocumentFromJsonLine and JsonLineErrorToJson (io.h): the line reader
// of `factlens analyze --format jsonl`, also fuzzed (tests/fuzz/fuzz_jsonl.cc).
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "factlens/io.h"

namespace {

using factlens::Date;
using factlens::Document;
using factlens::DocumentFromJsonLine;

struct Line {
  bool ok = false;
  Document doc;
  std::string id, error;
};

Line Read(const std::string& line, std::optional<Date> default_date = std::nullopt) {
  Line l;
  l.ok = DocumentFromJsonLine(line, default_date, &l.doc, &l.id, &l.error);
  return l;
}

}  // namespace

TEST_CASE("jsonl line: text, id and reference date", "[io][jsonl]") {
  Line l = Read(R"({"id": "a", "text": "One.\nTwo.", "reference_datetime": "2026-01-05"})");
  REQUIRE(l.ok);
  CHECK(l.id == "\"a\"");
  REQUIRE(l.doc.paragraphs.size() == 2);
  CHECK(l.doc.paragraphs[1].text == u"Two.");
  REQUIRE(l.doc.reference_date.has_value());
  CHECK(l.doc.reference_date->day == 5);

  Line dflt = Read(R"({"text": "x", "reference_datetime": null})", Date{2025, 3, 4});
  REQUIRE(dflt.ok);
  CHECK(dflt.id.empty());
  CHECK(dflt.doc.reference_date->year == 2025);
}

TEST_CASE("jsonl line: headings mark the paragraphs a word processor calls headings",
          "[io][jsonl]") {
  Line l = Read(R"({"text": "Transfers\nThe club signed him.\nLoans", "headings": [0, 2]})");
  REQUIRE(l.ok);
  REQUIRE(l.doc.paragraphs.size() == 3);
  CHECK(l.doc.paragraphs[0].kind == factlens::ParagraphKind::kHeading);
  CHECK(l.doc.paragraphs[1].kind == factlens::ParagraphKind::kBody);
  CHECK(l.doc.paragraphs[2].kind == factlens::ParagraphKind::kHeading);
  CHECK(Read(R"({"text": "a", "headings": null})").ok);
  CHECK(Read(R"({"text": "a", "headings": []})").ok);
  for (const char* bad : {R"({"text": "a", "headings": [1]})", R"({"text": "a", "headings": [-1]})",
                          R"({"text": "a", "headings": "0"})", R"({"text": "a", "headings": [0.5]})",
                          R"({"text": "a", "headings": [18446744073709551615]})"}) {
    Line b = Read(bad);
    CHECK(!b.ok);
    CHECK(b.error.find("\"headings\"") != std::string::npos);
  }
}

TEST_CASE("jsonl line: odd ids are kept as JSON", "[io][jsonl]") {
  CHECK(Read(R"({"id": 42, "text": "x"})").id == "42");
  CHECK(Read(R"({"id": null, "text": "x"})").id == "null");
  CHECK(Read(R"({"id": {"k": [1, true]}, "text": "x"})").id == R"({"k":[1,true]})");
  CHECK(Read(R"({"id": "\ud83d\ude00", "text": "x"})").id == "\"\xF0\x9F\x98\x80\"");
}

// Found by fuzz_jsonl (corpus/jsonl/number_overflow): nlohmann throws
// out_of_range, not parse_error, for a number beyond double, and the command
// stopped the whole stream with "internal error" (exit 3).
TEST_CASE("jsonl line: a number beyond double is that line's error", "[io][jsonl]") {
  Line id = Read(R"({"id": 1e400, "text": "x"})");
  CHECK(!id.ok);
  CHECK(id.error == "malformed JSON: number overflow parsing '1e400'");
  Line nested = Read(R"({"id": {"a": [1, 2.5e308]}, "text": "x", "n": -9e999})");
  CHECK(!nested.ok);
  CHECK(nested.error.rfind("malformed JSON: number overflow parsing", 0) == 0);
  CHECK(Read(R"({"id": 1.7e308, "text": "x"})").ok);
}

TEST_CASE("jsonl line: every rejection has its message, and the id when known",
          "[io][jsonl]") {
  Line bad = Read(R"({"id": "b", "text": "unterminated})");
  CHECK(!bad.ok);
  CHECK(bad.error.rfind("malformed JSON at byte ", 0) == 0);
  CHECK(Read("[1, 2]").error == "not a JSON object");
  Line no_text = Read(R"({"id": 7, "text": 5})");
  CHECK(no_text.error == "missing string field \"text\"");
  CHECK(no_text.id == "7");
  Line date = Read(R"({"id": "d", "text": "x", "reference_datetime": "yesterday"})");
  CHECK(date.error == "\"reference_datetime\" is not an ISO date (YYYY-MM-DD...)");
  Line utf8 = Read("{\"id\": 2, \"text\": \"b\xC3(d\"}");
  CHECK(!utf8.ok);  // nlohmann rejects ill-formed UTF-8 in a string
  Line lone = Read(R"({"text": "\ud800 x"})");  // a lone surrogate escape is malformed JSON
  CHECK(!lone.ok);
  CHECK(lone.error.rfind("malformed JSON at byte ", 0) == 0);
}

TEST_CASE("jsonl line: a huge line is read whole", "[io][jsonl]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "The mayor said 3 people were hurt. ";
  Line l = Read("{\"id\": \"big\", \"text\": \"" + text + "\"}");
  REQUIRE(l.ok);
  REQUIRE(l.doc.paragraphs.size() == 1);
  CHECK(l.doc.paragraphs[0].text.size() == text.size());
}

TEST_CASE("jsonl line: the error object", "[io][jsonl]") {
  nlohmann::ordered_json j =
      nlohmann::ordered_json::parse(factlens::JsonLineErrorToJson(3, "\"x\"", "why"));
  CHECK(j.dump() == R"({"schema":"factlens/1","id":"x","line":3,"error":"why"})");
  nlohmann::ordered_json no_id =
      nlohmann::ordered_json::parse(factlens::JsonLineErrorToJson(4, "", "bad \xFF byte"));
  CHECK(!no_id.contains("id"));
  CHECK(no_id["error"] == "bad \xEF\xBF\xBD byte");
}
