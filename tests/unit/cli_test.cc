// The factlens command's contract at its edges: exit statuses and messages for
// bad input (invalid UTF-8 says where; unreadable files; a malformed JSONL line
// says which line while the other lines still produce output) and usage errors.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

struct Result {
  int status = -1;
  std::string out, err;
};

fs::path TempDir() {
  static fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("factlens_cli_test_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::path Write(const std::string& name, const std::string& bytes) {
  fs::path p = TempDir() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs factlens with args (already shell-quoted where needed), stdin from a file.
Result Run(const std::string& args, const std::string& stdin_bytes = "") {
  fs::path in = Write("stdin", stdin_bytes);
  fs::path out = TempDir() / "stdout", err = TempDir() / "stderr";
  std::string cmd = Quote(FACTLENS_BINARY) + " " + args + " <" + Quote(in.string()) + " >" +
                    Quote(out.string()) + " 2>" + Quote(err.string());
  int raw = std::system(cmd.c_str());
  Result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("factlens analyze prints one factlens/1 object, schema first", "[cli]") {
  fs::path f = Write("ok.txt", "Lee 😀 said.\r\nSecond paragraph.\n");
  Result r = Run("analyze " + Quote(f.string()));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(Lines(r.out).size() == 1);
  CHECK(r.out.rfind("{\"schema\":\"factlens/1\",", 0) == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  for (const char* key : {"entities", "entity_list", "figures", "attributions", "checks"})
    CHECK(j[key].is_array());

  Result stdin_run = Run("analyze --format json -", Slurp(f));
  CHECK(stdin_run.status == 0);
  CHECK(stdin_run.out == r.out);

  Result text = Run("analyze --format text -", "Hello.");
  CHECK(text.status == 0);
  CHECK(Has(text.out, "Figures ("));
}

TEST_CASE("invalid UTF-8 is rejected with its position", "[cli]") {
  fs::path f = Write("bad.txt", "fine line\nab\xC3(cd\n");
  Result r = Run("analyze " + Quote(f.string()));
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(Has(r.err, "invalid UTF-8 at byte 12"));
  CHECK(Has(r.err, "line 2"));
  CHECK(Has(r.err, "bad.txt"));

  Result s = Run("analyze -", "\xFF");
  CHECK(s.status == 1);
  CHECK(Has(s.err, "stdin: invalid UTF-8 at byte 0"));
}

TEST_CASE("an unreadable file is a clear error", "[cli]") {
  Result missing = Run("analyze " + Quote((TempDir() / "no-such-file.txt").string()));
  CHECK(missing.status == 1);
  CHECK(Has(missing.err, "cannot read"));
  CHECK(Has(missing.err, "no-such-file.txt"));
  CHECK(Has(missing.err, "No such file"));

  Result dir = Run("analyze " + Quote(TempDir().string()));
  CHECK(dir.status == 1);
  CHECK(Has(dir.err, "cannot read"));

  Result jsonl = Run("analyze --format jsonl " + Quote((TempDir() / "nope.jsonl").string()));
  CHECK(jsonl.status == 1);
  CHECK(Has(jsonl.err, "cannot read"));
}

TEST_CASE("jsonl: one object per line with the same id; a bad line says which", "[cli]") {
  const std::string input =
      "{\"id\": \"a\", \"text\": \"First 😀 text.\"}\n"
      "{\"id\": \"b\", \"text\": \"unterminated}\n"
      "\n"
      "{\"id\": 3, \"text\": \"Third.\", \"reference_datetime\": \"2026-01-05\"}\r\n"
      "{\"id\": \"d\"}\n"
      "{\"id\": \"e\", \"text\": \"Fifth.\", \"reference_datetime\": \"yesterday\"}\n"
      "[1, 2]\n"
      "{\"id\": \"g\", \"text\": \"Last line without newline.\"}";
  Result r = Run("analyze --format jsonl -", input);
  CHECK(r.status == 1);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 7);  // the blank line is skipped
  std::vector<nlohmann::json> out;
  for (const auto& l : lines) out.push_back(nlohmann::json::parse(l));
  CHECK(out[0]["id"] == "a");
  CHECK(out[0]["schema"] == "factlens/1");
  CHECK(out[0].contains("figures"));
  CHECK(out[1]["line"] == 2);
  CHECK(out[1].contains("error"));
  CHECK(out[2]["id"] == 3);
  CHECK(out[2].contains("entities"));
  CHECK(out[3]["id"] == "d");
  CHECK(out[3]["line"] == 5);
  CHECK(Has(out[3]["error"].get<std::string>(), "text"));
  CHECK(out[4]["id"] == "e");
  CHECK(out[4]["line"] == 6);
  CHECK(out[5]["line"] == 7);
  CHECK(out[6]["id"] == "g");
  CHECK(out[6].contains("checks"));
  CHECK(Has(r.err, "line 2: malformed JSON"));
  CHECK(Has(r.err, "line 5:"));
  CHECK(Has(r.err, "line 6:"));
  CHECK(Has(r.err, "line 7:"));

  Result ok = Run("analyze --format jsonl -", "{\"id\": 1, \"text\": \"x\"}\n");
  CHECK(ok.status == 0);
  CHECK(ok.err.empty());
}

TEST_CASE("jsonl: invalid UTF-8 inside a line is that line's error", "[cli]") {
  Result r = Run("analyze --format jsonl -",
                 "{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"text\": \"b\xC3(d\"}\n");
  CHECK(r.status == 1);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[0])["id"] == 1);
  CHECK(nlohmann::json::parse(lines[1])["line"] == 2);
  CHECK(Has(r.err, "line 2:"));
}

TEST_CASE("usage errors exit 2 with a message", "[cli]") {
  Result unknown = Run("analyze --frobnicate x.txt");
  CHECK(unknown.status == 2);
  CHECK(Has(unknown.err, "unknown option '--frobnicate'"));

  Result format = Run("analyze --format yaml -", "x");
  CHECK(format.status == 2);
  CHECK(Has(format.err, "unknown format 'yaml'"));

  Result no_value = Run("analyze --format");
  CHECK(no_value.status == 2);
  CHECK(Has(no_value.err, "--format needs a value"));

  Result no_file = Run("analyze");
  CHECK(no_file.status == 2);
  CHECK(Has(no_file.err, "no FILE"));

  Result two = Run("analyze a.txt b.txt");
  CHECK(two.status == 2);
  CHECK(Has(two.err, "more than one FILE"));

  Result date = Run("analyze --reference-date 2026-02-30 -", "x");
  CHECK(date.status == 2);
  CHECK(Has(date.err, "--reference-date"));

  Result command = Run("frobnicate");
  CHECK(command.status == 2);
  CHECK(Has(command.err, "unknown command"));

  Result nothing = Run("");
  CHECK(nothing.status == 2);
  CHECK(Has(nothing.err, "Usage:"));
}

TEST_CASE("--help documents every option, format, the contract and exit codes", "[cli]") {
  Result r = Run("--help");
  CHECK(r.status == 0);
  for (const char* needle :
       {"analyze", "--format json", "--format jsonl", "--format text", "--reference-date",
        "--pretty", "reference_datetime", "\"id\"", "schema", "factlens/1", "code points",
        "end exclusive", "PERSON|ORG|PLACE|MISC", "money|percent|date|time|number",
        "vague_source", "confidence", "Exit status", "invalid UTF-8", "line", "'-' reads stdin"}) {
    INFO(needle);
    CHECK(Has(r.out, needle));
  }
  Result sub = Run("analyze --help");
  CHECK(sub.status == 0);
  CHECK(sub.out == r.out);
}

// ------------------------------------------------------------------ --jobs (issue #16)

TEST_CASE("jsonl --jobs N: the same bytes, order, errors and status as one thread", "[cli]") {
  // Records of very different lengths (a long one first, so later ones finish
  // earlier), malformed lines, blank lines and a line without "\n" at the end.
  std::string input;
  const std::string long_text = [] {
    std::string t;
    for (int i = 0; i < 60; ++i)
      t += "\\u201cWe will build it by 2027,\\u201d Ana Ruiz said on Monday. Costs rose 12 "
           "percent, from $4 million to $4.5 million. ";
    return t;
  }();
  input += "{\"id\": \"long\", \"text\": \"" + long_text + "\"}\n";
  for (int i = 0; i < 40; ++i) {
    input += "{\"id\": " + std::to_string(i) + ", \"text\": \"Record " + std::to_string(i) +
             ": the mayor said 3 people were hurt.\"}\n";
    if (i % 9 == 4) input += "{\"id\": \"bad" + std::to_string(i) + "\", \"text\": 5}\n";
    if (i % 11 == 7) input += "not json\n\n";
  }
  input += "{\"id\": \"end\", \"text\": \"No newline.\"}";
  Result one = Run("analyze --format jsonl -", input);
  REQUIRE(one.status == 1);
  for (const char* jobs : {"--jobs 2", "--jobs=3", "--jobs 8"}) {
    INFO(jobs);
    Result many = Run(std::string("analyze --format jsonl ") + jobs + " -", input);
    CHECK(many.status == one.status);
    CHECK(many.out == one.out);
    CHECK(many.err == one.err);
  }
  Result ok1 = Run("analyze --format jsonl -", "{\"id\": 1, \"text\": \"x\"}\n\n");
  Result ok2 = Run("analyze --format jsonl --jobs 2 -", "{\"id\": 1, \"text\": \"x\"}\n\n");
  CHECK(ok2.status == 0);
  CHECK(ok2.out == ok1.out);
  Result empty = Run("analyze --format jsonl --jobs 2 -", "");
  CHECK(empty.status == 0);
  CHECK(empty.out.empty());
}

TEST_CASE("jsonl --jobs N with --source checks every record against the same sources",
          "[cli]") {
  fs::path source = Write("jobs_source.txt",
                          "The minister said: We will build the plant by 2027. It costs "
                          "$4.5 million.\n");
  std::string input;
  for (int i = 0; i < 12; ++i)
    input += "{\"id\": " + std::to_string(i) +
             ", \"text\": \"\\u201cWe will build the plant by 2027,\\u201d the minister said. "
             "It costs $4." + std::to_string(i % 3 + 4) + " million.\"}\n";
  const std::string args = "analyze --format jsonl --source " + Quote(source.string());
  Result one = Run(args + " -", input);
  Result two = Run(args + " --jobs 2 -", input);
  CHECK(one.status == 0);
  CHECK(two.status == 0);
  CHECK(two.out == one.out);
  std::vector<std::string> lines = Lines(two.out);
  REQUIRE(lines.size() == 12);
  CHECK(nlohmann::json::parse(lines[0]).contains("quote_checks"));
}

TEST_CASE("jsonl --jobs: usage errors", "[cli]") {
  for (const char* bad : {"--jobs 0", "--jobs -1", "--jobs x", "--jobs 257", "--jobs=",
                          "--jobs 99999999999999999999"}) {
    INFO(bad);
    Result r = Run(std::string("analyze --format jsonl ") + bad + " -", "");
    CHECK(r.status == 2);
    CHECK(Has(r.err, "--jobs needs a number of threads (1-256)"));
  }
  Result missing = Run("analyze --format jsonl - --jobs");
  CHECK(missing.status == 2);
  CHECK(Has(missing.err, "--jobs needs"));
  Result json = Run("analyze --jobs 2 -", "x");
  CHECK(json.status == 2);
  CHECK(Has(json.err, "--jobs works with --format jsonl only"));
  Result one = Run("analyze --jobs 1 -", "x");
  CHECK(one.status == 0);
  Result help = Run("--help");
  CHECK(Has(help.out, "--jobs N"));
}

// Found by fuzz_jsonl: a number beyond double in one line stopped the stream
// with "internal error" (exit 3); now it is that line's error.
TEST_CASE("jsonl: a number beyond double is one line's error, not the stream's end", "[cli]") {
  const std::string input =
      "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2e400, \"text\": \"b\"}\n"
      "{\"id\": 3, \"text\": \"c\"}\n";
  for (const char* jobs : {"", "--jobs 2 "}) {
    Result r = Run(std::string("analyze --format jsonl ") + jobs + "-", input);
    CHECK(r.status == 1);
    std::vector<std::string> lines = Lines(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(nlohmann::json::parse(lines[1])["line"] == 2);
    CHECK(nlohmann::json::parse(lines[2])["id"] == 3);
    CHECK(Has(r.err, "line 2: malformed JSON: number overflow"));
  }
}
