// Throughput of the text layer alone and of the text layer + figures, in words
// per second, single thread, measured in thread CPU time. Built and run by tests/bench/bench_figures.py.
// Usage: figures_speed FILE [repeat]
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "factlens/figures.h"
#include "factlens/io.h"
#include "factlens/text.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: figures_speed FILE [repeat]\n");
    return 2;
  }
  int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  factlens::Document doc;
  std::string error;
  if (!factlens::DocumentFromUtf8(ss.str(), &doc, &error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  long words = 0;
  size_t figures = 0;
  // CPU time of this thread: the machine is shared, wall time would count waiting.
  auto now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  double best_text = 1e9, best_all = 1e9;
  for (int r = 0; r < repeat; ++r) {
    double t0 = now();
    factlens::TextLayer layer = factlens::AnalyzeText(doc);
    double t1 = now();
    factlens::Report report;
    report.text = std::move(layer);
    factlens::FindFigures(doc, &report);
    double t2 = now();
    words = 0;
    for (const auto& p : report.text.paragraphs)
      for (const auto& t : p.tokens)
        if (t.Has(factlens::kTokWord) || t.Has(factlens::kTokNumber)) ++words;
    figures = report.figures.size();
    best_text = std::min(best_text, t1 - t0);
    best_all = std::min(best_all, t2 - t0);
  }
  double fig = best_all - best_text;
  std::printf("words            %ld\n", words);
  std::printf("figures found    %zu\n", figures);
  std::printf("text layer       %.3f s  %.2f M words/s\n", best_text, words / best_text / 1e6);
  std::printf("figures alone    %.3f s  %.2f M words/s\n", fig, words / fig / 1e6);
  std::printf("text + figures   %.3f s  %.2f M words/s\n", best_all, words / best_all / 1e6);
  return 0;
}
