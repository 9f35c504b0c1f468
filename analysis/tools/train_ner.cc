// factlens_train_ner: trains the named-entity tagger (src/entities/model.h)
// from the openly licensed corpora in ../shared/corpora/ner and writes
// analysis/data/ner/model.bin. Deterministic: fixed seed, fixed order, so the
// same sources and build give a byte-identical model (scripts/train_ner.sh).
//
//   factlens_train_ner --shared ../shared --out analysis/data/ner/model.bin
//   factlens_train_ner --shared ../shared --cv 5        # k-fold scores, no model
//   factlens_train_ner --shared ../shared --dev         # train, score UNER dev
//   ... --gum build/gum                                 # also GUM (scripts/convert_gum.py)
//
// Tokens are those of the run-time text layer (SegmentParagraph); gold spans
// (code points) are aligned to them. The Broad Twitter Corpus has no MISC
// annotation, so on it a predicted MISC over gold O is not penalised.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "entities/model.h"
#include "factlens/text.h"

using factlens::ner::kNumTags;
using factlens::ner::kRowBits;
namespace ner = factlens::ner;

namespace {

struct Span {
  int begin, end, type;  // UTF-16 units of the paragraph
  bool operator<(const Span& o) const {
    return begin != o.begin ? begin < o.begin : end != o.end ? end < o.end : type < o.type;
  }
  bool operator==(const Span& o) const {
    return begin == o.begin && end == o.end && type == o.type;
  }
};

struct Para {
  std::u16string text;
  factlens::ParagraphText pt;
  std::vector<ner::TokenInfo> info;   // the first pass's view: no labels
  std::vector<ner::Spelling> spelling;  // both passes' spelling features
  std::vector<ner::TokenInfo> info2;  // the second pass's: labels from a model not trained
                                      // on this document (Jackknife)
  std::vector<int> gold;  // tag per token
  std::vector<Span> gold_spans;
};

struct Doc {
  std::vector<Para> paras;
  int corpus = 0;        // 0 wikigold, 1 btc, 2 uner dev, 3 gum, 4 gum dev
  bool no_misc = false;  // corpus has no MISC annotation
  int repeat = 1;        // times seen per epoch (GUM news: --gum-news-weight)
};

const char* kCorpusNames[] = {"wikigold", "btc", "uner_dev", "gum", "gum_dev"};
const char* kTypeNames[] = {"PERSON", "ORG", "PLACE", "MISC"};

int TypeIndex(const std::string& t) {
  if (t == "PERSON") return 0;
  if (t == "ORG") return 1;
  if (t == "PLACE") return 2;
  if (t == "MISC") return 3;
  return -1;
}

// UTF-8 -> UTF-16 plus code point -> UTF-16 offset table.
std::u16string Decode(const std::string& s, std::vector<int>* cp_to_u16) {
  std::u16string out;
  cp_to_u16->clear();
  const int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 cp;
    U8_NEXT_OR_FFFD(s.data(), i, len, cp);
    cp_to_u16->push_back(static_cast<int>(out.size()));
    if (U_IS_BMP(cp)) {
      out.push_back(static_cast<char16_t>(cp));
    } else {
      out.push_back(static_cast<char16_t>(U16_LEAD(cp)));
      out.push_back(static_cast<char16_t>(U16_TRAIL(cp)));
    }
  }
  cp_to_u16->push_back(static_cast<int>(out.size()));
  return out;
}

void Prepare(Para* p) {
  p->pt = factlens::SegmentParagraph(p->text);
  p->spelling.resize(p->pt.tokens.size());
  ner::ComputeTokenInfo(p->text, p->pt, ner::Lexicon::Default(), &p->info, p->spelling.data());
  const auto& toks = p->pt.tokens;
  p->gold.assign(toks.size(), 0);
  for (const Span& s : p->gold_spans) {
    int first = -1, last = -1;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].begin < s.end && toks[i].end > s.begin) {
        if (first < 0) first = static_cast<int>(i);
        last = static_cast<int>(i);
      }
    }
    if (first < 0) continue;
    bool clash = false;
    for (int i = first; i <= last; ++i) clash |= p->gold[i] != 0;
    if (clash) continue;
    for (int i = first; i <= last; ++i) {
      int part = first == last ? ner::kU : i == first ? ner::kB : i == last ? ner::kL : ner::kI;
      p->gold[i] = ner::MakeTag(s.type, part);
    }
  }
}

void FinishDoc(Doc* d) {
  ner::DocEvidence ev;
  for (Para& p : d->paras) Prepare(&p);
  for (Para& p : d->paras) ev.Collect(p.info);
  for (Para& p : d->paras) ev.Apply(&p.info);
  for (Para& p : d->paras) p.info2 = p.info;
}

// A record's text split at newlines into paragraphs, as the run time reads a
// document ("_docs" files); a gold span across a newline is dropped.
void SplitLines(Para p, std::vector<Para>* out) {
  size_t begin = 0;
  while (true) {
    const size_t nl = p.text.find(u'\n', begin);
    const size_t end = nl == std::u16string::npos ? p.text.size() : nl;
    if (begin == 0 && end == p.text.size()) {
      out->push_back(std::move(p));
      return;
    }
    Para q;
    q.text = p.text.substr(begin, end - begin);
    for (const Span& s : p.gold_spans)
      if (s.begin >= static_cast<int>(begin) && s.end <= static_cast<int>(end))
        q.gold_spans.push_back({s.begin - static_cast<int>(begin), s.end - static_cast<int>(begin),
                                s.type});
    out->push_back(std::move(q));
    if (nl == std::u16string::npos) return;
    begin = nl + 1;
  }
}

// Sentence-per-line file; lines of one doc_id form one document unless
// `one_doc_per_line`.
std::vector<Doc> LoadCorpus(const std::string& path, int corpus, bool one_doc_per_line,
                            bool no_misc, std::vector<std::string>* ids = nullptr) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<Doc> docs;
  std::string line, last_doc;
  std::vector<int> map;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    std::string doc_id = j.value("doc_id", j.value("id", std::string()));
    if (docs.empty() || one_doc_per_line || doc_id != last_doc) {
      docs.emplace_back();
      docs.back().corpus = corpus;
      docs.back().no_misc = no_misc;
      if (ids) ids->push_back(doc_id);
    }
    last_doc = doc_id;
    Para p;
    p.text = Decode(j["text"].get<std::string>(), &map);
    for (const auto& e : j["entities"]) {
      int type = TypeIndex(e["type"].get<std::string>());
      int s = e["start"].get<int>(), t = e["end"].get<int>();
      if (type < 0 || s < 0 || t >= static_cast<int>(map.size()) || s >= t) continue;
      p.gold_spans.push_back({map[s], map[t], type});
    }
    std::sort(p.gold_spans.begin(), p.gold_spans.end());
    SplitLines(std::move(p), &docs.back().paras);
  }
  for (Doc& d : docs) FinishDoc(&d);
  return docs;
}

uint64_t g_rng = 0x853c49e6748fea9bull;
uint32_t NextRand() {
  g_rng = g_rng * 6364136223846793005ull + 1442695040888963407ull;
  return static_cast<uint32_t>(g_rng >> 33);
}

// Which views of a document training sees (--views): the first pass's (no
// labels), the second pass's (labels), or one of them per epoch, alternating.
enum class Views { kFirst, kSecond, kAlternate, kBoth };

class Trainer {
 public:
  // predicted_history: train on the tagger's own previous tags instead of the
  // gold ones (--history pred; measured worse, docs/entities.md).
  Trainer(bool predicted_history, Views views)
      : predicted_history_(predicted_history),
        views_(views),
        w_(size_t{1} << kRowBits, std::array<float, kNumTags>{}),
        u_(w_) {}

  void Train(const std::vector<const Doc*>& docs, int epochs) {
    std::vector<const Doc*> order = docs;
    for (int e = 0; e < epochs; ++e) {
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[NextRand() % i]);
      size_t errors = 0, total = 0;
      for (size_t k = 0; k < order.size(); ++k) {
        const Doc* d = order[k];
        const bool second = views_ == Views::kSecond ||
                            (views_ == Views::kAlternate && ((e + k) & 1));
        for (int pass = 0; pass < (views_ == Views::kBoth ? 2 : 1); ++pass)
          for (const Para& p : d->paras)
            for (const auto& s : p.pt.sentences) {
              if (s.end_token <= s.first_token) continue;
              TrainSentence(p, second || pass == 1 ? p.info2 : p.info, s.first_token,
                            s.end_token, d->no_misc, &errors, &total);
            }
      }
      std::fprintf(stderr, "  epoch %d: token errors %zu / %zu\n", e + 1, errors, total);
    }
  }

  // Averaged weights relative to the O tag (argmax unchanged; O becomes 0):
  // rows x (kNumTags - 1) floats.
  std::vector<float> Averaged() const {
    const size_t rows = size_t{1} << kRowBits;
    constexpr int kWidth = kNumTags - 1;
    std::vector<float> avg(rows * kWidth);
    for (size_t r = 0; r < rows; ++r) {
      const double o = w_[r][0] - u_[r][0] / static_cast<double>(c_);
      for (int t = 1; t < kNumTags; ++t)
        avg[r * kWidth + t - 1] =
            static_cast<float>(w_[r][t] - u_[r][t] / static_cast<double>(c_) - o);
    }
    return avg;
  }

 private:
  void TrainSentence(const Para& p, const std::vector<ner::TokenInfo>& info, int b, int e,
                     bool no_misc, size_t* errors, size_t* total) {
    uint32_t rows[ner::kMaxFeatures];
    int p1 = -1, p2 = -1;
    for (int i = b; i < e; ++i) {
      if (ner::Gated(info[i].flags, info[i].lex, p1)) {  // O without scoring, as at run time
        p2 = p1;
        p1 = p.gold[i];
        continue;
      }
      const int n = ner::ExtractFeatures(info, p.spelling.data(), b, e, i, p1, p2, rows);
      float scores[kNumTags] = {0};
      for (int f = 0; f < n; ++f)
        for (int t = 0; t < kNumTags; ++t) scores[t] += w_[rows[f]][t];
      const bool last = i + 1 == e;
      int best = -1;
      for (int t = 0; t < kNumTags; ++t)
        if (ner::TagAllowed(p1, t, last) && (best < 0 || scores[t] > scores[best])) best = t;
      const int gold = p.gold[i];
      ++*total;
      ++c_;
      const bool skip = no_misc && gold == 0 && ner::TagType(best) == 3;
      if (best != gold && !skip) {
        ++*errors;
        for (int f = 0; f < n; ++f) {
          w_[rows[f]][gold] += 1;
          u_[rows[f]][gold] += static_cast<float>(c_);
          w_[rows[f]][best] -= 1;
          u_[rows[f]][best] -= static_cast<float>(c_);
        }
      }
      p2 = p1;
      // History: the gold tag (teacher forcing) or, as at run time, the
      // predicted one (the model then learns to recover from its own errors).
      p1 = predicted_history_ ? best : gold;
    }
  }

  const bool predicted_history_;
  const Views views_;
  std::vector<std::array<float, kNumTags>> w_, u_;
  long long c_ = 1;
};

// Quantised model bytes (the model.bin format) from averaged weights.
std::string Export(const std::vector<float>& avg, double prune) {
  const size_t rows = size_t{1} << kRowBits;
  constexpr int kWidth = kNumTags - 1;
  double maxabs = 0;
  for (float a : avg) maxabs = std::max(maxabs, std::fabs(static_cast<double>(a)));
  const float scale = maxabs > 0 ? static_cast<float>(32000.0 / maxabs) : 1.0f;
  std::string body;
  uint32_t kept = 0;
  for (size_t r = 0; r < rows; ++r) {
    int16_t q[kWidth];
    bool any = false;
    for (int t = 0; t < kWidth; ++t) {
      const double a = avg[r * kWidth + t];
      const long v = std::lround(std::fabs(a) < prune ? 0.0 : a * scale);
      q[t] = static_cast<int16_t>(std::max(-32767L, std::min(32767L, v)));
      any |= q[t] != 0;
    }
    if (!any) continue;
    const uint32_t row = static_cast<uint32_t>(r);
    body.append(reinterpret_cast<const char*>(&row), 4);
    body.append(reinterpret_cast<const char*>(q), sizeof(q));
    ++kept;
  }
  std::string out("FLNERMDL", 8);
  auto put32 = [&](uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); };
  put32(ner::kModelVersion);
  put32(ner::kFeatureVersion);
  put32(kRowBits);
  put32(kNumTags);
  out.append(reinterpret_cast<const char*>(&scale), 4);
  put32(kept);
  out += body;
  return out;
}

// Trains `runs` perceptrons on differently shuffled orders (the shared
// generator advances) and averages them: the order a single run happens to
// see moves F1 by about a point; the mean of several is steadier.
std::string TrainModel(const std::vector<const Doc*>& docs, int epochs, int runs, bool pred_history,
                       double prune, Views views) {
  std::vector<float> sum;
  for (int k = 0; k < runs; ++k) {
    Trainer t(pred_history, views);
    t.Train(docs, epochs);
    std::vector<float> avg = t.Averaged();
    if (sum.empty()) sum.assign(avg.size(), 0.0f);
    for (size_t i = 0; i < avg.size(); ++i) sum[i] += avg[i] / static_cast<float>(runs);
  }
  return Export(sum, prune);
}

struct Counts {
  long tp[4] = {0}, fp[4] = {0}, fn[4] = {0};
};

std::vector<Span> Decode(const Para& p, const int* tags) {
  std::vector<Span> out;
  const auto& toks = p.pt.tokens;
  int start = -1;
  for (size_t i = 0; i < toks.size(); ++i) {
    const int tag = tags[i];
    const int part = ner::TagPart(tag);
    if (part == ner::kB || part == ner::kU) start = static_cast<int>(i);
    if ((part == ner::kL || part == ner::kU) && start >= 0) {
      Span s{toks[start].begin, toks[i].end, ner::TagType(tag)};
      if (p.info[i].flags & ner::kInfPossessive) s.end -= 2;
      out.push_back(s);
      start = -1;
    }
  }
  return out;
}

// First-pass tags of a document by `model`, and the labels they give
// (TagDocument's first half) written to info2.
void FirstPassLabels(const ner::Model& model, Doc* d) {
  std::vector<std::vector<int>> tags(d->paras.size());
  ner::DocLabels labels;
  for (size_t k = 0; k < d->paras.size(); ++k) {
    Para& p = d->paras[k];
    tags[k].assign(p.info.size(), 0);
    for (const auto& s : p.pt.sentences)
      if (s.end_token > s.first_token)
        model.Tag(p.info, p.spelling.data(), s.first_token, s.end_token, &tags[k][s.first_token]);
    labels.Collect(p.info, tags[k].data());
  }
  for (size_t k = 0; k < d->paras.size(); ++k) {
    Para& p = d->paras[k];
    p.info2 = p.info;
    labels.Apply(&p.info2, tags[k].data(), true);
  }
}

// Second-pass labels for every document from models trained without it
// (k-fold, first-pass view only), as the run time's first pass would give them
// on unseen text.
void Jackknife(const std::vector<Doc*>& docs, int folds, int epochs, int runs, double prune,
               const std::function<std::vector<const Doc*>(const std::vector<const Doc*>&)>&
                   weighted) {
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<const Doc*> train;
    for (size_t i = 0; i < docs.size(); ++i)
      if (static_cast<int>(i % folds) != fold) train.push_back(docs[i]);
    ner::Model m;
    m.Load(TrainModel(weighted(train), epochs, runs, false, prune, Views::kFirst));
    for (size_t i = 0; i < docs.size(); ++i)
      if (static_cast<int>(i % folds) == fold) FirstPassLabels(m, docs[i]);
    std::fprintf(stderr, "jackknife fold %d done\n", fold + 1);
  }
}

// two_pass false: the first pass alone (--score-docs compares the two).
void Score(const ner::Model& model, const std::vector<const Doc*>& docs, Counts* c,
           bool two_pass = true) {
  for (const Doc* d : docs) {
    // Tagged as at run time: both passes (TagDocument), on a copy of the features.
    std::vector<std::vector<ner::TokenInfo>> info(d->paras.size());
    std::vector<std::vector<int>> tags(d->paras.size());
    std::vector<ner::TagUnit> units;
    for (size_t k = 0; k < d->paras.size(); ++k) {
      info[k] = d->paras[k].info;
      units.push_back({&info[k], d->paras[k].spelling.data(), &d->paras[k].pt, &tags[k], true});
    }
    if (two_pass) {
      ner::TagDocument(model, units);
    } else {
      for (const ner::TagUnit& u : units) {
        u.tags->assign(u.info->size(), 0);
        for (const auto& s : u.pt->sentences)
          if (s.end_token > s.first_token)
            model.Tag(*u.info, u.spelling, s.first_token, s.end_token, &(*u.tags)[s.first_token]);
      }
    }
    for (size_t k = 0; k < d->paras.size(); ++k) {
      const Para& p = d->paras[k];
      std::vector<Span> pred = Decode(p, tags[k].data());
      std::vector<Span> gold = p.gold_spans;
      for (const Span& s : pred) {
        if (d->no_misc && s.type == 3) continue;
        if (std::binary_search(gold.begin(), gold.end(), s)) ++c->tp[s.type];
        else ++c->fp[s.type];
      }
      for (const Span& s : gold)
        if (!std::binary_search(pred.begin(), pred.end(), s)) ++c->fn[s.type];
    }
  }
}

void Print(const std::string& title, const Counts& c) {
  auto prf = [](long tp, long fp, long fn, double* p, double* r, double* f) {
    *p = tp + fp ? double(tp) / (tp + fp) : 0;
    *r = tp + fn ? double(tp) / (tp + fn) : 0;
    *f = *p + *r ? 2 * *p * *r / (*p + *r) : 0;
  };
  std::printf("%s\n  %-8s %6s %6s %6s %6s\n", title.c_str(), "type", "P", "R", "F1", "gold");
  long tp = 0, fp = 0, fn = 0;
  for (int t = 0; t < 4; ++t) {
    double p, r, f;
    prf(c.tp[t], c.fp[t], c.fn[t], &p, &r, &f);
    std::printf("  %-8s %6.3f %6.3f %6.3f %6ld\n", kTypeNames[t], p, r, f, c.tp[t] + c.fn[t]);
    if (t < 3) tp += c.tp[t], fp += c.fp[t], fn += c.fn[t];
  }
  double p, r, f;
  prf(tp, fp, fn, &p, &r, &f);
  std::printf("  %-8s %6.3f %6.3f %6.3f %6ld   (PERSON/ORG/PLACE micro)\n", "micro", p, r, f,
              tp + fn);
}

// --model FILE --score-docs GOLD: the model's own spans on a file of whole
// documents (the tagger alone, no rules), one pass against two.
int ScoreModelFile(const std::string& model_file, const std::string& gold) {
  std::ifstream f(model_file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  ner::Model m;
  if (!m.Load(bytes)) {
    std::cerr << "cannot load " << model_file << "\n";
    return 2;
  }
  if (gold.empty()) return 0;
  std::vector<Doc> docs = LoadCorpus(gold, 2, false, false);
  std::vector<const Doc*> ptrs;
  for (const Doc& d : docs) ptrs.push_back(&d);
  Counts one, two;
  Score(m, ptrs, &one, false);
  Score(m, ptrs, &two, true);
  Print(gold + ": first pass only (model only)", one);
  Print(gold + ": both passes (model only)", two);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = "../shared", out;
  std::string gum_dir;  // gum_train.jsonl and gum_dev.jsonl from scripts/convert_gum.py
  int cv = 0, epochs = 5, wiki_weight = 1, runs = 8, gum_news_weight = 1, jackknife = 5;
  Views views = Views::kBoth;
  std::string model_file, score_docs;  // --model: load instead of training
  bool dev = false, pred_history = false;
  double prune = 0.05;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--shared") shared = next();
    else if (a == "--out") out = next();
    else if (a == "--cv") cv = std::atoi(next().c_str());
    else if (a == "--epochs") epochs = std::atoi(next().c_str());
    else if (a == "--prune") prune = std::atof(next().c_str());
    else if (a == "--wiki-weight") wiki_weight = std::atoi(next().c_str());
    else if (a == "--dev") dev = true;
    else if (a == "--runs") runs = std::max(1, std::atoi(next().c_str()));
    else if (a == "--history") pred_history = next() == "pred";
    else if (a == "--gum") gum_dir = next();
    else if (a == "--gum-news-weight") gum_news_weight = std::max(1, std::atoi(next().c_str()));
    else if (a == "--jackknife") jackknife = std::atoi(next().c_str());
    else if (a == "--model") model_file = next();
    else if (a == "--score-docs") score_docs = next();
    else if (a == "--views") {
      const std::string v = next();
      views = v == "first" ? Views::kFirst : v == "second" ? Views::kSecond
              : v == "both" ? Views::kBoth : Views::kAlternate;
    }
    else {
      std::cerr << "usage: factlens_train_ner --shared DIR [--out model.bin] [--cv K] [--dev]"
                   " [--epochs N] [--prune X] [--wiki-weight N] [--runs N] [--history gold|pred]"
                   " [--gum DIR] [--gum-news-weight N] [--jackknife K]"
                   " [--views first|second|alternate|both] [--model FILE]"
                   " [--score-docs FILE]\n";
      return 2;
    }
  }
  const std::string dir = shared + "/corpora/ner/";
  if (!model_file.empty()) return ScoreModelFile(model_file, score_docs);
  std::vector<Doc> wiki = LoadCorpus(dir + "train_wikigold.jsonl", 0, false, false);
  std::vector<Doc> btc = LoadCorpus(dir + "train_btc.jsonl", 1, true, true);
  std::vector<const Doc*> all;
  for (const Doc& d : wiki) all.push_back(&d);
  for (const Doc& d : btc) all.push_back(&d);
  // GUM (scripts/convert_gum.py): named mentions only, and no demonyms, so its MISC is
  // incomplete: loaded like BTC (a predicted MISC over gold O is not penalised).
  // Its Wikinews documents (news, interviews) can be seen more often.
  std::vector<Doc> gum;
  if (!gum_dir.empty()) {
    std::vector<std::string> ids;
    gum = LoadCorpus(gum_dir + "/gum_train.jsonl", 3, false, true, &ids);
    for (size_t i = 0; i < gum.size(); ++i)
      if (ids[i].rfind("GUM_news_", 0) == 0 || ids[i].rfind("GUM_interview_", 0) == 0)
        gum[i].repeat = gum_news_weight;
    for (const Doc& d : gum) all.push_back(&d);
    std::fprintf(stderr, "loaded %zu GUM training docs\n", gum.size());
  }
  const int n_corpora = gum.empty() ? 2 : 4;  // scored in CV: wikigold, btc, (uner), gum
  // Wikigold is closer to edited news than tweets: optionally seen more often.
  auto weighted = [&](const std::vector<const Doc*>& docs) {
    std::vector<const Doc*> out;
    for (const Doc* d : docs)
      for (int k = 0; k < (d->corpus == 0 ? wiki_weight : d->repeat); ++k) out.push_back(d);
    return out;
  };
  std::fprintf(stderr, "loaded %zu wikigold docs, %zu tweets\n", wiki.size(), btc.size());
  // The second pass's labels of every training document (Doc::info2).
  if (jackknife > 1) {
    std::vector<Doc*> docs;
    for (Doc& d : wiki) docs.push_back(&d);
    for (Doc& d : btc) docs.push_back(&d);
    for (Doc& d : gum) docs.push_back(&d);
    Jackknife(docs, jackknife, epochs, runs, prune, weighted);
  }

  if (cv > 1) {
    Counts per_corpus[4];
    for (int fold = 0; fold < cv; ++fold) {
      std::vector<const Doc*> train, test;
      for (size_t i = 0; i < all.size(); ++i)
        (static_cast<int>(i % cv) == fold ? test : train).push_back(all[i]);
      ner::Model m;
      m.Load(TrainModel(weighted(train), epochs, runs, pred_history, prune, views));
      for (int c = 0; c < n_corpora; ++c) {
        if (c == 2) continue;
        std::vector<const Doc*> part;
        for (const Doc* d : test)
          if (d->corpus == c) part.push_back(d);
        Score(m, part, &per_corpus[c]);
      }
      std::fprintf(stderr, "fold %d done\n", fold + 1);
    }
    for (int c = 0; c < n_corpora; ++c)
      if (c != 2)
        Print(std::to_string(cv) + "-fold cross-validation, " + kCorpusNames[c] +
                " (exact span, model only)",
            per_corpus[c]);
  }
  if (!out.empty() || dev) {
    const std::string bytes = TrainModel(weighted(all), epochs, runs, pred_history, prune, views);
    if (!out.empty()) {
      std::ofstream f(out, std::ios::binary);
      f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!f) {
        std::cerr << "cannot write " << out << "\n";
        return 1;
      }
      std::fprintf(stderr, "wrote %s (%zu bytes)\n", out.c_str(), bytes.size());
    }
    if (dev) {
      std::vector<Doc> uner = LoadCorpus(dir + "dev_uner_en_ewt.jsonl", 2, false, true);
      std::vector<const Doc*> ud;
      for (const Doc& d : uner) ud.push_back(&d);
      ner::Model m;
      m.Load(bytes);
      Counts c;
      Score(m, ud, &c);
      Print("UNER en_ewt dev (exact span, model only)", c);
      if (!gum_dir.empty()) {
        std::vector<std::string> ids;
        std::vector<Doc> gd = LoadCorpus(gum_dir + "/gum_dev.jsonl", 4, false, true, &ids);
        std::vector<const Doc*> all_dev, news_dev;
        for (size_t i = 0; i < gd.size(); ++i) {
          all_dev.push_back(&gd[i]);
          if (ids[i].rfind("GUM_news_", 0) == 0) news_dev.push_back(&gd[i]);
        }
        Counts ca, cn;
        Score(m, all_dev, &ca);
        Score(m, news_dev, &cn);
        Print("GUM dev split, all genres (exact span, model only)", ca);
        Print("GUM dev split, news documents (exact span, model only)", cn);
      }
    }
  }
  return 0;
}
