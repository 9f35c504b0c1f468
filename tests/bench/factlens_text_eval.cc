// factlens_text_eval: sentence-boundary precision/recall of the text layer
// against sentence-split corpora, next to plain ICU sentence breaking.
//
//   factlens_text_eval [--shared DIR]
//
// Gold: ../shared/corpora/ner/train_wikigold_docs.jsonl (Wikipedia articles,
// one sentence per line) and dev_uner_en_ewt.jsonl (web text, sentences
// grouped by doc_id). Each document's sentences are joined with one space
// into a single paragraph; a boundary is the start offset of every sentence
// but the first. "terminal" rows count only gold boundaries whose sentence
// ends in . ! ? (optionally followed by a closing quote or bracket): the
// others (headlines, "good luck") no segmenter can find from punctuation.
// Skips with a message when ../shared is absent.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include "factlens/text.h"

namespace {

std::u16string U16(const std::string& utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  return std::u16string(reinterpret_cast<const char16_t*>(s.getBuffer()), s.length());
}

struct GoldDoc {
  std::u16string text;
  std::set<int32_t> boundaries;           // all
  std::set<int32_t> terminal_boundaries;  // after . ! ? (+ closers)
};

bool EndsTerminal(const std::u16string& s) {
  size_t i = s.size();
  while (i > 0 && (s[i - 1] == u' ' || s[i - 1] == u'"' || s[i - 1] == u'\'' || s[i - 1] == u'”' ||
                   s[i - 1] == u'’' || s[i - 1] == u')'))
    --i;
  return i > 0 && (s[i - 1] == u'.' || s[i - 1] == u'!' || s[i - 1] == u'?');
}

void AddSentences(const std::vector<std::u16string>& sentences, std::vector<GoldDoc>* docs) {
  GoldDoc d;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) {
      d.text += u' ';
      int32_t b = static_cast<int32_t>(d.text.size());
      d.boundaries.insert(b);
      if (EndsTerminal(sentences[i - 1])) d.terminal_boundaries.insert(b);
    }
    d.text += sentences[i];
  }
  docs->push_back(std::move(d));
}

std::vector<GoldDoc> LoadWikigold(const std::string& path) {
  std::vector<GoldDoc> docs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    std::u16string text = U16(j.value("text", ""));
    std::vector<std::u16string> sentences;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find(u'\n', pos);
      if (nl == std::u16string::npos) nl = text.size();
      if (nl > pos) sentences.push_back(text.substr(pos, nl - pos));
      pos = nl + 1;
    }
    AddSentences(sentences, &docs);
  }
  return docs;
}

std::vector<GoldDoc> LoadUner(const std::string& path) {
  std::vector<GoldDoc> docs;
  std::ifstream in(path);
  std::string line, current;
  std::vector<std::u16string> sentences;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    std::string doc_id = j.value("doc_id", "");
    if (doc_id != current && !sentences.empty()) {
      AddSentences(sentences, &docs);
      sentences.clear();
    }
    current = doc_id;
    sentences.push_back(U16(j.value("text", "")));
  }
  if (!sentences.empty()) AddSentences(sentences, &docs);
  return docs;
}

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;
  void Print(const char* name) const {
    double p = tp + fp > 0 ? static_cast<double>(tp) / (tp + fp) : 0;
    double r = tp + fn > 0 ? static_cast<double>(tp) / (tp + fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("| %-46s | %6lld | %5lld | %5lld | %6.3f | %6.3f | %6.3f |\n", name, static_cast<long long>(tp),
                static_cast<long long>(fp), static_cast<long long>(fn), p, r, f);
  }
};

void Score(const std::set<int32_t>& predicted, const std::set<int32_t>& gold, const std::set<int32_t>& all_gold,
           Counts* c) {
  // Predictions at a gold boundary the "terminal" set ignores are neither
  // right nor wrong there.
  for (int32_t b : predicted) {
    if (gold.count(b)) ++c->tp;
    else if (!all_gold.count(b)) ++c->fp;
  }
  for (int32_t b : gold)
    if (!predicted.count(b)) ++c->fn;
}

std::set<int32_t> FactLensBoundaries(const std::u16string& text) {
  factlens::ParagraphText p = factlens::SegmentParagraph(text);
  std::set<int32_t> out;
  for (size_t i = 1; i < p.sentences.size(); ++i) out.insert(p.sentences[i].begin);
  return out;
}

std::set<int32_t> IcuBoundaries(const std::u16string& text) {
  static std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
  }();
  icu::UnicodeString s(false, reinterpret_cast<const UChar*>(text.data()), static_cast<int32_t>(text.size()));
  it->setText(s);
  std::set<int32_t> out;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
    if (b < static_cast<int32_t>(text.size())) out.insert(b);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const char* env = std::getenv("FACTLENS_SHARED");
  std::string shared = env != nullptr ? env : std::string(FACTLENS_SOURCE_DIR) + "/../shared";
  int show = 0;  // --show N: print N errors per set (development)
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--shared") shared = argv[i + 1];
    if (std::string(argv[i]) == "--show") show = std::atoi(argv[i + 1]);
  }
  struct Set {
    const char* name;
    std::vector<GoldDoc> docs;
  };
  std::vector<Set> sets;
  sets.push_back({"wikigold (Wikipedia)", LoadWikigold(shared + "/corpora/ner/train_wikigold_docs.jsonl")});
  sets.push_back({"UNER EWT dev (web text)", LoadUner(shared + "/corpora/ner/dev_uner_en_ewt.jsonl")});
  if (sets[0].docs.empty() && sets[1].docs.empty()) {
    std::printf("SKIPPED: no corpora under %s/corpora/ner (set FACTLENS_SHARED)\n", shared.c_str());
    return 0;
  }
  std::printf("Sentence boundaries: FactLens text layer vs plain ICU sentence breaking\n");
  std::printf("+------------------------------------------------+--------+-------+-------+--------+--------+--------+\n");
  std::printf("| %-46s | %6s | %5s | %5s | %6s | %6s | %6s |\n", "set / segmenter / gold", "TP", "FP", "FN", "P", "R",
              "F1");
  std::printf("+------------------------------------------------+--------+-------+-------+--------+--------+--------+\n");
  for (const Set& set : sets) {
    Counts fl_all, fl_term, icu_all, icu_term;
    int shown = 0;
    for (const GoldDoc& d : set.docs) {
      std::set<int32_t> fl = FactLensBoundaries(d.text);
      std::set<int32_t> icu = IcuBoundaries(d.text);
      Score(fl, d.boundaries, d.boundaries, &fl_all);
      for (int32_t b : d.boundaries) {
        bool missed = !fl.count(b) && d.terminal_boundaries.count(b);
        if (shown < show && (missed || false)) {
          ++shown;
          icu::UnicodeString ctx(false, reinterpret_cast<const UChar*>(d.text.data()) + std::max(0, b - 50),
                                 std::min<int32_t>(80, static_cast<int32_t>(d.text.size()) - std::max(0, b - 50)));
          std::string u8;
          ctx.toUTF8String(u8);
          std::printf("  missed: %s\n", u8.c_str());
        }
      }
      for (int32_t b : fl) {
        if (shown < 2 * show && !d.boundaries.count(b)) {
          ++shown;
          icu::UnicodeString ctx(false, reinterpret_cast<const UChar*>(d.text.data()) + std::max(0, b - 50),
                                 std::min<int32_t>(80, static_cast<int32_t>(d.text.size()) - std::max(0, b - 50)));
          std::string u8;
          ctx.toUTF8String(u8);
          std::printf("  spurious: %s\n", u8.c_str());
        }
      }
      Score(fl, d.terminal_boundaries, d.boundaries, &fl_term);
      Score(icu, d.boundaries, d.boundaries, &icu_all);
      Score(icu, d.terminal_boundaries, d.boundaries, &icu_term);
    }
    std::string n = set.name;
    icu_term.Print((n + " / ICU / terminal").c_str());
    fl_term.Print((n + " / FactLens / terminal").c_str());
    icu_all.Print((n + " / ICU / all").c_str());
    fl_all.Print((n + " / FactLens / all").c_str());
  }
  std::printf("+------------------------------------------------+--------+-------+-------+--------+--------+--------+\n");
  std::printf("terminal = gold boundaries after . ! ? only (others cannot be found from punctuation)\n");
  return 0;
}
