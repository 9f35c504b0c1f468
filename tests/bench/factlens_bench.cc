// factlens_bench: single-thread throughput and memory of the analysis library.
//
//   factlens_bench [--shared DIR] [--words N] [--quick] [--timeout SECONDS]
//
// Builds a large text from ../shared/corpora/ner/*.jsonl plus the shared
// sample article (or, when ../shared is absent, from the repository's own
// samples/*.txt), cut into documents of about 700 words, and prints words/s
// and peak RSS for: ICU word breaking alone (the floor), the text layer, the
// analyzer with stages switched on one after another, and the full analyzer.
// Then adversarial inputs at two sizes (time per MB should stay flat: linear).
//
// Words = ICU word-break tokens that contain a letter or digit.
// Each measurement runs in a forked child so that its peak RSS
// (getrusage/wait4 ru_maxrss) is its own; the corpus is built before the fork
// and is part of every row's RSS (see the "corpus loaded" row).
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include "factlens/analyzer.h"
#include "factlens/checks.h"
#include "factlens/document.h"
#include "factlens/entities.h"
#include "factlens/io.h"
#include "factlens/text.h"

namespace {

using factlens::Document;

std::u16string U16(const std::string& utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  return std::u16string(reinterpret_cast<const char16_t*>(s.getBuffer()), s.length());
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return true;
}

std::vector<std::string> ListDir(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return out;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(dir + "/" + name);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// ---------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------

struct Size {
  int64_t words = 0;
  int64_t utf8_bytes = 0;
  int64_t paragraphs = 0;
};

// Words = ICU word-break tokens containing a letter or digit.
Size Measure(const std::vector<Document>& docs) {
  Size size;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
  UText* ut = nullptr;
  for (const Document& doc : docs) {
    for (const auto& p : doc.paragraphs) {
      ++size.paragraphs;
      const std::u16string& t = p.text;
      for (size_t i = 0; i < t.size(); ++i) {
        char16_t c = t[i];
        size.utf8_bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : U16_IS_LEAD(c) ? 4 : U16_IS_TRAIL(c) ? 0 : 3;
      }
      size.utf8_bytes += 1;  // newline
      if (t.empty()) continue;
      ut = utext_openUChars(ut, reinterpret_cast<const UChar*>(t.data()), static_cast<int64_t>(t.size()), &status);
      words->setText(ut, status);
      int32_t start = 0;
      for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
        for (int32_t i = start; i < end;) {
          UChar32 c;
          U16_NEXT(t.data(), i, end, c);
          if (u_isalnum(c)) {
            ++size.words;
            break;
          }
        }
      }
    }
  }
  if (ut != nullptr) utext_close(ut);
  return size;
}

// ICU word breaking alone (the floor the text layer is compared with).
int64_t IcuWordBreakOnly(const std::vector<Document>& docs) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
  UText* ut = nullptr;
  int64_t n = 0;
  for (const Document& doc : docs) {
    for (const auto& p : doc.paragraphs) {
      if (p.text.empty()) continue;
      ut = utext_openUChars(ut, reinterpret_cast<const UChar*>(p.text.data()),
                            static_cast<int64_t>(p.text.size()), &status);
      words->setText(ut, status);
      for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next())
        if (words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++n;
    }
  }
  if (ut != nullptr) utext_close(ut);
  return n;
}

// ---------------------------------------------------------------------------
// Running a measurement in a child process
// ---------------------------------------------------------------------------

struct Result {
  bool ok = false;
  bool timed_out = false;
  double seconds = 0;       // CPU time of the measuring thread (best run)
  double first_seconds = 0;  // CPU time of the first run (a fresh process: cold)
  double wall_seconds = 0;  // wall-clock time of the same run
  long max_rss_kb = 0;
  long base_rss_kb = 0;  // peak RSS of a child that does nothing (see main)
  int64_t checksum = 0;  // keeps the work observable
};

int g_timeout = 300;
long g_idle_child_rss_kb = 0;  // peak RSS of a forked child doing nothing

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

long CurrentRssKb() {
  long pages = 0, resident = 0;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
  std::fclose(f);
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// Runs `work` `repeats` times in a forked child; returns the best time and the
// child's peak RSS.
Result RunInChild(const std::function<int64_t()>& work, int repeats = 1,
                  const std::function<void()>& setup = {}) {
  int fds[2];
  Result r;
  if (pipe(fds) != 0) return r;
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    alarm(static_cast<unsigned>(g_timeout));
    if (setup) setup();  // untimed (e.g. loading models)
    double best = 1e300, best_wall = 0, first = 0;
    int64_t sum = 0;
    for (int i = 0; i < repeats; ++i) {
      double c0 = ThreadCpuSeconds();
      auto t0 = std::chrono::steady_clock::now();
      sum += work();
      auto t1 = std::chrono::steady_clock::now();
      double cpu = ThreadCpuSeconds() - c0;
      if (i == 0) first = cpu;
      if (cpu < best) {
        best = cpu;
        best_wall = std::chrono::duration<double>(t1 - t0).count();
      }
    }
    double msg[4] = {best, static_cast<double>(sum), best_wall, first};
    ssize_t w = write(fds[1], msg, sizeof msg);
    _exit(w == sizeof msg ? 0 : 1);
  }
  close(fds[1]);
  double msg[4] = {0, 0, 0, 0};
  ssize_t got = read(fds[0], msg, sizeof msg);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  r.max_rss_kb = usage.ru_maxrss;
  r.base_rss_kb = g_idle_child_rss_kb;
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) r.timed_out = true;
  r.ok = got == sizeof msg && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  r.seconds = msg[0];
  r.wall_seconds = msg[2];
  r.first_seconds = msg[3];
  r.checksum = static_cast<int64_t>(msg[1]);
  return r;
}

int64_t RunText(const std::vector<Document>& docs) {
  int64_t n = 0;
  for (const Document& d : docs) {
    factlens::TextLayer layer = factlens::AnalyzeText(d);
    for (const auto& p : layer.paragraphs) n += static_cast<int64_t>(p.tokens.size());
    n += static_cast<int64_t>(layer.quotations.size());
  }
  return n;
}

std::unique_ptr<factlens::Analyzer> g_analyzer;  // built by the child's setup

int64_t RunAnalyzer(const std::vector<Document>& docs) {
  int64_t n = 0;
  for (const Document& d : docs) {
    factlens::Report report = g_analyzer->Analyze(d);
    n += static_cast<int64_t>(report.entities.size() + report.figures.size() +
                              report.attributions.size() + report.checks.size());
  }
  return n;
}

// Times Analyze() over docs, best of kAnalyzerRuns passes in one process (the
// first pass is the cold one: Result::first_seconds); building the Analyzer
// (model loading) is untimed.
constexpr int kAnalyzerRuns = 3;
Result RunAnalyzerInChild(const std::vector<Document>& docs, const factlens::AnalyzerOptions& options) {
  return RunInChild([&] { return RunAnalyzer(docs); }, kAnalyzerRuns,
                    [&] { g_analyzer = std::make_unique<factlens::Analyzer>(options); });
}

// One stage alone, timed on the reports of the stages before it (built
// untimed, by an Analyzer with those stages only): the stage's own CPU time,
// without the noise of subtracting two cumulative rows.
std::vector<factlens::Report> g_prepared;

Result RunStageAloneInChild(const std::vector<Document>& docs,
                            const factlens::AnalyzerOptions& before,
                            const std::function<void(const Document&, factlens::Report*)>& stage) {
  return RunInChild(
      [&] {
        int64_t n = 0;
        for (size_t i = 0; i < docs.size(); ++i) {
          stage(docs[i], &g_prepared[i]);
          n += static_cast<int64_t>(g_prepared[i].entities.size() + g_prepared[i].checks.size());
        }
        return n;
      },
      kAnalyzerRuns,
      [&] {
        factlens::Analyzer analyzer(before);
        for (const Document& d : docs) g_prepared.push_back(analyzer.Analyze(d));
      });
}

void PrintRule() {
  std::printf("+----------------------------------------+----------+------------+-----------+------------+--------+--------+---------+--------+\n");
}

void PrintThroughputHeader() {
  PrintRule();
  std::printf("| %-38s | %8s | %10s | %9s | %10s | %6s | %6s | %7s | %6s |\n", "run (single thread)", "MB", "words", "CPU s",
              "words/s", "RSS MB", "+MB", "wall s", "x ICU");
  PrintRule();
}

double g_icu_seconds = 0;  // CPU time of ICU word breaking alone on the corpus

void PrintThroughput(const std::string& name, const Size& size, const Result& r) {
  double mb = size.utf8_bytes / 1e6;
  if (!r.ok) {
    std::printf("| %-38s | %8.2f | %10lld | %9s | %10s | %6.0f | %6.0f | %7s | %6s |\n", name.c_str(), mb,
                static_cast<long long>(size.words), r.timed_out ? "TIMEOUT" : "FAILED", "-",
                r.max_rss_kb / 1024.0, (r.max_rss_kb - r.base_rss_kb) / 1024.0, "-", "-");
    return;
  }
  std::printf("| %-38s | %8.2f | %10lld | %9.3f | %10.0f | %6.0f | %6.0f | %7.3f | %6.2f |\n", name.c_str(), mb,
              static_cast<long long>(size.words), r.seconds, size.words / std::max(r.seconds, 1e-9),
              r.max_rss_kb / 1024.0, (r.max_rss_kb - r.base_rss_kb) / 1024.0, r.wall_seconds,
              g_icu_seconds > 0 ? r.seconds / g_icu_seconds : 0.0);
}

// The first of a row's passes: what one fresh process pays, one-time set-up
// included (the lexicon's pages, ICU's transliterators for each script met).
void PrintColdPass(const std::string& name, const Size& size, const Result& r) {
  if (!r.ok) return;
  std::printf("| %-38s | %8.2f | %10lld | %9.3f | %10.0f | %6s | %6s | %7s | %6.2f |\n",
              name.c_str(), size.utf8_bytes / 1e6, static_cast<long long>(size.words),
              r.first_seconds, size.words / std::max(r.first_seconds, 1e-9), "", "", "",
              g_icu_seconds > 0 ? r.first_seconds / g_icu_seconds : 0.0);
}

// ---------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------

// Appends paragraphs to the current document, starting a new one at ~700 words.
struct DocBuilder {
  std::vector<Document> docs;
  int64_t words_in_current = 0;
  void Add(const std::u16string& paragraph) {
    if (docs.empty() || words_in_current > 700) {
      docs.emplace_back();
      words_in_current = 0;
    }
    docs.back().paragraphs.push_back({paragraph, factlens::ParagraphKind::kBody});
    words_in_current += std::count(paragraph.begin(), paragraph.end(), u' ') + 1;
  }
  void AddText(const std::string& utf8) {
    size_t pos = 0;
    while (pos <= utf8.size()) {
      size_t nl = utf8.find('\n', pos);
      if (nl == std::string::npos) nl = utf8.size();
      std::string line = utf8.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      Add(U16(line));
      pos = nl + 1;
    }
  }
};

std::vector<std::string> LoadSourceTexts(const std::string& shared, const std::string& repo, std::string* origin) {
  std::vector<std::string> texts;
  std::vector<std::string> files = ListDir(shared + "/corpora/ner", ".jsonl");
  for (const std::string& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"].get<std::string>());
    }
  }
  std::string sample;
  bool have_sample = ReadFile(shared + "/samples/000_f28148b3b02c48fe.txt", &sample);
  if (!files.empty()) {
    *origin = shared + "/corpora/ner/*.jsonl (" + std::to_string(files.size()) + " files, " +
              std::to_string(texts.size()) + " texts)" + (have_sample ? " + the shared sample" : "");
    if (have_sample) texts.push_back(sample);
    return texts;
  }
  for (const std::string& f : ListDir(repo + "/samples", ".txt")) {
    std::string t;
    if (ReadFile(f, &t)) texts.push_back(t);
  }
  *origin = "../shared is ABSENT: generated from the repository's samples/*.txt (" + std::to_string(texts.size()) +
            " files); numbers are not comparable with corpus runs";
  if (texts.empty()) {
    texts.push_back(
        "Lee Jae-myung met Xi Jinping in Beijing on Jan. 5, the presidential office said. "
        "“We agree on 12 points,” Mr. Lee told reporters. Trade reached US$272.9 billion, up 3.5%.");
    *origin = "../shared and samples/ ABSENT: a built-in paragraph repeated";
  }
  return texts;
}

std::vector<Document> BuildCorpus(const std::vector<std::string>& texts, int64_t target_words) {
  DocBuilder b;
  int64_t approx = 0;
  while (approx < target_words) {
    int64_t before = approx;
    for (const std::string& t : texts) {
      b.AddText(t);
      approx += std::count(t.begin(), t.end(), ' ') + 1;
      if (approx >= target_words) break;
    }
    if (approx == before) break;
  }
  return b.docs;
}

// ---------------------------------------------------------------------------
// Adversarial inputs
// ---------------------------------------------------------------------------

Document OneParagraph(std::u16string text) {
  Document d;
  d.paragraphs.push_back({std::move(text), factlens::ParagraphKind::kBody});
  return d;
}

Document NoSpaces(size_t chars) {
  std::mt19937 rng(1);
  std::u16string t(chars, u'a');
  for (auto& c : t) c = static_cast<char16_t>(u'a' + rng() % 26);
  return OneParagraph(std::move(t));
}

Document LongSentence(size_t chars) {
  std::mt19937 rng(2);
  std::u16string t;
  t.reserve(chars + 16);
  static const char16_t* kWords[] = {u"the", u"Minister", u"said", u"Seoul", u"and", u"of", u"Lee", u"12", u"trade"};
  while (t.size() < chars) {
    t += kWords[rng() % 9];
    t += u' ';
  }
  return OneParagraph(std::move(t));
}

Document Upper(const std::vector<Document>& corpus, size_t bytes) {
  Document d;
  size_t n = 0;
  for (const Document& doc : corpus) {
    for (const auto& p : doc.paragraphs) {
      icu::UnicodeString s(false, reinterpret_cast<const UChar*>(p.text.data()), static_cast<int32_t>(p.text.size()));
      icu::UnicodeString up(s);
      up.toUpper(icu::Locale::getEnglish());
      d.paragraphs.push_back({std::u16string(reinterpret_cast<const char16_t*>(up.getBuffer()), up.length()),
                              factlens::ParagraphKind::kBody});
      n += p.text.size() + 1;
      if (n >= bytes) return d;
    }
  }
  return d;
}

Document Chinese(size_t chars) {
  static const std::u16string kHanzi =
      u"中国韩国总统国家主席北京首尔访问会谈经济合作发展关系两国人民政府表示双方同意加强交流贸易投资文化教育";
  std::mt19937 rng(3);
  Document d;
  std::u16string p;
  size_t n = 0;
  while (n < chars) {
    for (int i = 0; i < 18; ++i) p += kHanzi[rng() % kHanzi.size()];
    p += (rng() % 4 == 0) ? u"“合作”。" : u"，";
    if (p.size() > 300) {
      n += p.size();
      d.paragraphs.push_back({p, factlens::ParagraphKind::kBody});
      p.clear();
    }
  }
  return d;
}

Document Arabic(size_t chars) {
  static const char16_t* kWords[] = {u"الرئيس", u"قال", u"في", u"بكين", u"سيول", u"إن", u"التعاون",
                                     u"الاقتصادي", u"بين", u"البلدين", u"«نحن", u"متفقون»", u"مليار", u"٢٠٢٦"};
  std::mt19937 rng(4);
  Document d;
  std::u16string p;
  size_t n = 0;
  while (n < chars) {
    p += kWords[rng() % 14];
    p += (rng() % 12 == 0) ? u". " : u" ";
    if (p.size() > 400) {
      n += p.size();
      d.paragraphs.push_back({p, factlens::ParagraphKind::kBody});
      p.clear();
    }
  }
  return d;
}

Document TinyParagraphs(size_t count) {
  Document d;
  static const char16_t* kTiny[] = {u"Hi.", u"“Yes,” he said.", u"", u"Mr. Lee", u"12%", u"‘", u"No. 3"};
  for (size_t i = 0; i < count; ++i) d.paragraphs.push_back({kTiny[i % 7], factlens::ParagraphKind::kBody});
  return d;
}

Document QuoteStorm(size_t marks) {
  // Stray openers of every class, stray closers, apostrophes: worst case for pairing.
  static const char16_t* kPieces[] = {u"“a ", u"‘b ", u"Koreans’ ", u"” ", u"\"c ", u"« ", u"’90s ", u"'d' "};
  std::mt19937 rng(5);
  std::u16string t;
  for (size_t i = 0; i < marks; ++i) t += kPieces[rng() % 8];
  return OneParagraph(std::move(t));
}

Document HyphenChain(size_t chars) {
  std::u16string t;
  t.reserve(chars + 4);
  while (t.size() < chars) t += u"ab-";
  t += u"c.";
  return OneParagraph(std::move(t));
}

struct Adversarial {
  std::string name;
  std::function<Document(double scale)> make;
};

// A cell of the adversarial tables: ms per MB, or why there is none.
void Cell(const Result& r, double mbytes, char* buf) {
  if (!r.ok)
    std::snprintf(buf, 16, "%s", r.timed_out ? "TIMEOUT" : "FAILED");
  else
    std::snprintf(buf, 16, "%.1f", 1000.0 * r.seconds / mbytes);
}

// ms/MB of y over ms/MB of x.
void Ratio(const Result& x, double mx, const Result& y, double my, char* buf) {
  if (!x.ok || !y.ok || x.seconds <= 0)
    std::snprintf(buf, 16, "-");
  else
    std::snprintf(buf, 16, "%.2f", (y.seconds / my) / (x.seconds / mx));
}

// An adversarial input whose full-analyzer time grew faster than its size.
struct Suspect {
  std::string name;
  std::vector<Document> a, b;
  double ma, mb;
};

// The throughput rows: ICU alone, the text layer, the analyzer with stages added
// one by one (unless quick), the full analyzer and its cold pass, and the entity
// and checks stages alone (unless quick).
void PrintThroughputTable(const std::vector<Document>& corpus, const Size& size, bool quick) {
  PrintThroughputHeader();
  Result icu = RunInChild([&] { return IcuWordBreakOnly(corpus); }, 3);
  if (icu.ok) g_icu_seconds = icu.seconds;
  PrintThroughput("ICU word break alone (floor)", size, icu);
  PrintThroughput("text layer (AnalyzeText)", size, RunInChild([&] { return RunText(corpus); }, 3));
  factlens::AnalyzerOptions off;
  off.figures = off.entities = off.attributions = off.checks = false;
  if (!quick) {
    PrintThroughput("Analyzer: text layer only", size, RunAnalyzerInChild(corpus, off));
    factlens::AnalyzerOptions o = off;
    o.figures = true;
    PrintThroughput("Analyzer: + figures", size, RunAnalyzerInChild(corpus, o));
    o.entities = true;
    PrintThroughput("Analyzer: + entities", size, RunAnalyzerInChild(corpus, o));
    o.attributions = true;
    PrintThroughput("Analyzer: + attributions", size, RunAnalyzerInChild(corpus, o));
  }
  const Result full = RunAnalyzerInChild(corpus, factlens::AnalyzerOptions{});
  PrintThroughput("Analyzer: all stages (full)", size, full);
  PrintColdPass("  its first pass in a fresh process", size, full);
  if (!quick) {
    factlens::AnalyzerOptions before = off;
    before.figures = true;
    PrintThroughput(
        "stage alone: entities", size,
        RunStageAloneInChild(corpus, before, [](const Document& d, factlens::Report* r) {
          factlens::EntityRecognizer::Default().Run(d, r, {});
        }));
    before.entities = before.attributions = true;
    PrintThroughput(
        "stage alone: checks", size,
        RunStageAloneInChild(corpus, before, [](const Document& d, factlens::Report* r) {
          r->checks.clear();
          factlens::RunChecks(d, factlens::CheckOptions{}, r);
        }));
  }
  PrintRule();
}

// The adversarial inputs at two sizes (x1 and x4): ms per MB of the text layer and
// of the full analyzer. Returns the inputs whose full-analyzer ratio exceeds 1.3.
std::vector<Suspect> PrintAdversarialTable(const std::vector<Document>& corpus, bool quick) {
  // Adversarial inputs: time per MB at two sizes (x1 and x4).
  std::vector<Adversarial> cases = {
      {"1 paragraph, no spaces/punctuation", [](double s) { return NoSpaces(static_cast<size_t>(250000 * s)); }},
      {"1 paragraph, no sentence end", [](double s) { return LongSentence(static_cast<size_t>(250000 * s)); }},
      {"all-caps document", [&](double s) { return Upper(corpus, static_cast<size_t>(500000 * s)); }},
      {"Chinese text", [](double s) { return Chinese(static_cast<size_t>(100000 * s)); }},
      {"Arabic text", [](double s) { return Arabic(static_cast<size_t>(250000 * s)); }},
      {"tiny paragraphs (20k, x4 = 80k)", [](double s) { return TinyParagraphs(static_cast<size_t>(20000 * s)); }},
      {"1 paragraph, one hyphenated word", [](double s) { return HyphenChain(static_cast<size_t>(250000 * s)); }},
      {"quote-mark storm (stray marks)", [](double s) { return QuoteStorm(static_cast<size_t>(25000 * s)); }},
  };
  const double small = quick ? 0.25 : 1.0;
  std::printf("\nAdversarial inputs: milliseconds per MB of UTF-8 at sizes x1 and x4 (flat = linear)\n");
  std::printf("+------------------------------------+--------+--------+-----------+-----------+-------+-----------+-----------+-------+\n");
  std::printf("| %-34s | %6s | %6s | %9s | %9s | %5s | %9s | %9s | %5s |\n", "input", "MB x1", "MB x4", "text x1",
              "text x4", "ratio", "full x1", "full x4", "ratio");
  std::printf("+------------------------------------+--------+--------+-----------+-----------+-------+-----------+-----------+-------+\n");
  std::vector<Suspect> suspects;
  for (const Adversarial& c : cases) {
    std::vector<Document> a{c.make(small)};
    std::vector<Document> b{c.make(small * 4)};
    Size sa = Measure(a), sb = Measure(b);
    double ma = sa.utf8_bytes / 1e6, mb = sb.utf8_bytes / 1e6;
    Result ta = RunInChild([&] { return RunText(a); }, 2);
    Result tb = RunInChild([&] { return RunText(b); }, 2);
    Result fa = RunAnalyzerInChild(a, factlens::AnalyzerOptions{});
    Result fb = RunAnalyzerInChild(b, factlens::AnalyzerOptions{});
    char c1[16], c2[16], c3[16], c4[16], c5[16], c6[16];
    Cell(ta, ma, c1);
    Cell(tb, mb, c2);
    Ratio(ta, ma, tb, mb, c3);
    Cell(fa, ma, c4);
    Cell(fb, mb, c5);
    Ratio(fa, ma, fb, mb, c6);
    std::printf("| %-34s | %6.2f | %6.2f | %9s | %9s | %5s | %9s | %9s | %5s |\n", c.name.c_str(), ma, mb, c1, c2, c3,
                c4, c5, c6);
    bool nonlinear = !fa.ok || !fb.ok || (fb.seconds / mb) > 1.3 * (fa.seconds / ma);
    if (nonlinear) suspects.push_back({c.name, std::move(a), std::move(b), ma, mb});
  }
  std::printf("+------------------------------------+--------+--------+-----------+-----------+-------+-----------+-----------+-------+\n");
  std::printf("CPU time; text = AnalyzeText (best of 2); full = Analyzer with all stages; ratio = ms/MB at x4 / ms/MB at x1\n");
  return suspects;
}

// Which stage is not linear: the suspects with stages added one by one.
void PrintStageBreakdown(const std::vector<Suspect>& suspects) {
  std::printf("\nNon-linear inputs (full ratio > 1.3 or no result), stage by stage (ms per MB; limit %d s per run)\n",
              std::min(g_timeout, 90));
  g_timeout = std::min(g_timeout, 90);
  std::printf("+------------------------------------+----------------+-----------+-----------+-------+\n");
  std::printf("| %-34s | %-14s | %9s | %9s | %5s |\n", "input", "stages", "x1", "x4", "ratio");
  std::printf("+------------------------------------+----------------+-----------+-----------+-------+\n");
  for (const Suspect& sus : suspects) {
    factlens::AnalyzerOptions o;
    o.figures = o.entities = o.attributions = o.checks = false;
    const char* names[] = {"+ figures", "+ entities", "+ attributions", "+ checks (all)"};
    for (int stage = 0; stage < 4; ++stage) {
      if (stage == 0) o.figures = true;
      if (stage == 1) o.entities = true;
      if (stage == 2) o.attributions = true;
      if (stage == 3) o.checks = true;
      Result xa = RunAnalyzerInChild(sus.a, o);
      Result xb = xa.ok ? RunAnalyzerInChild(sus.b, o) : Result{};
      if (!xa.ok) xb.timed_out = xa.timed_out;
      char c1[16], c2[16], c3[16];
      Cell(xa, sus.ma, c1);
      Cell(xb, sus.mb, c2);
      Ratio(xa, sus.ma, xb, sus.mb, c3);
      std::printf("| %-34s | %-14s | %9s | %9s | %5s |\n", stage == 0 ? sus.name.c_str() : "", names[stage], c1,
                  c2, c3);
    }
  }
  std::printf("+------------------------------------+----------------+-----------+-----------+-------+\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string repo = FACTLENS_SOURCE_DIR;
  const char* env = std::getenv("FACTLENS_SHARED");
  std::string shared = env != nullptr ? env : repo + "/../shared";
  int64_t target_words = 2000000;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--words" && i + 1 < argc) target_words = std::atoll(argv[++i]);
    else if (a == "--timeout" && i + 1 < argc) g_timeout = std::atoi(argv[++i]);
    else if (a == "--quick") quick = true;
    else {
      std::fprintf(stderr,
                   "usage: factlens_bench [--shared DIR] [--words N] [--quick] [--timeout SECONDS]\n"
                   "  --shared   data directory (default $FACTLENS_SHARED, else <repo>/../shared)\n"
                   "  --words    size of the corpus text (default 2000000 words)\n"
                   "  --quick    skip the per-stage rows and use smaller adversarial inputs\n"
                   "  --timeout  per-measurement limit in seconds (default 300)\n");
      return 2;
    }
  }
  if (quick && target_words == 2000000) target_words = 300000;

  std::string origin;
  std::vector<std::string> texts = LoadSourceTexts(shared, repo, &origin);
  std::vector<Document> corpus = BuildCorpus(texts, target_words);
  texts.clear();
  texts.shrink_to_fit();
  Size size = Measure(corpus);
  rusage self{};
  getrusage(RUSAGE_SELF, &self);

  // Warm up ICU data and word lists in the parent so children share them.
  factlens::AnalyzeText(corpus.front());
  g_idle_child_rss_kb = RunInChild([] { return int64_t{0}; }).max_rss_kb;

  std::printf("FactLens benchmark (single thread)\n");
  std::printf("corpus: %s\n", origin.c_str());
  std::printf("        %zu documents, %lld paragraphs, %lld words, %.2f MB UTF-8\n", corpus.size(),
              static_cast<long long>(size.paragraphs), static_cast<long long>(size.words), size.utf8_bytes / 1e6);
  std::printf(
      "words/s from CPU time of the measuring thread, best of 3 passes in one forked process\n"
      "(steady state; the row under the full analyzer is its first, cold pass, one-time set-up\n"
      "included); wall s is wall-clock time of the best pass (higher when the machine is busy);\n"
      "x ICU = CPU time relative to ICU word breaking alone.\n");
  std::printf("words = ICU word-break tokens containing a letter or digit; RSS = peak resident set of the\n"
              "measuring process (getrusage of a forked child), corpus included; +MB = RSS above an idle\n"
              "forked child (%.0f MB; the parent holds %.0f MB, %.0f MB peak while loading)\n\n",
              g_idle_child_rss_kb / 1024.0, CurrentRssKb() / 1024.0, self.ru_maxrss / 1024.0);

  PrintThroughputTable(corpus, size, quick);
  const std::vector<Suspect> suspects = PrintAdversarialTable(corpus, quick);
  if (!suspects.empty()) PrintStageBreakdown(suspects);
  return 0;
}
