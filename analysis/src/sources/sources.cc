// The source index: each source's words, a unigram and bigram index over them,
// and its figures; CheckAgainstSources runs the quote and the figure checks.
#include <algorithm>
#include <utility>

#include "factlens/analyzer.h"
#include "factlens/sources.h"
#include "common/embedded_data.h"
#include "common/strings.h"
#include "sources/sources_internal.h"

namespace factlens {
namespace {

// The sources need only the text layer and the figures.
AnalyzerOptions FiguresOnly() {
  AnalyzerOptions options;
  options.entities = false;
  options.attributions = false;
  options.checks = false;
  return options;
}

void IndexWords(int32_t id, SourceIndex::Data* data) {
  SourceFile& file = data->files[id];
  file.first_word = static_cast<int32_t>(data->words.size());
  for (int32_t p = 0; p < static_cast<int32_t>(file.doc.paragraphs.size()); ++p) {
    for (const Word& w : SplitWords(file.doc, p, 0, -1, &data->vocab)) {
      data->words.push_back(w);
      data->word_source.push_back(id);
    }
  }
  file.end_word = static_cast<int32_t>(data->words.size());
}

// Sorts entries by their key (the high 32 bits), keeping the order of equal
// keys: an LSD radix sort, 3 passes of 11 bits (positions stay ascending).
void SortByKey(PostingTable* table) {
  constexpr int kBits = 11;
  constexpr uint64_t kMask = (1u << kBits) - 1;
  PostingTable tmp(table->size());
  for (int shift = 32; shift < 64; shift += kBits) {
    std::vector<size_t> start((1u << kBits) + 1, 0);
    for (uint64_t e : *table) ++start[((e >> shift) & kMask) + 1];
    for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    for (uint64_t e : *table) tmp[start[(e >> shift) & kMask]++] = e;
    table->swap(tmp);
  }
}

void IndexGrams(const SourceFile& file, SourceIndex::Data* data) {
  const std::vector<Word>& w = data->words;
  for (int32_t i = file.first_word; i < file.end_word; ++i) {
    AddPosting(w[i].id, i, &data->unigrams);
    if (i + 1 < file.end_word) AddPosting(BigramKey(w[i].id, w[i + 1].id), i, &data->bigrams);
  }
  SortByKey(&data->unigrams);
  SortByKey(&data->bigrams);
}

// Each figure's context, and the figures by context word.
void IndexFigures(int32_t id, SourceIndex::Data* data) {
  SourceFile& file = data->files[id];
  for (int32_t k = 0; k < static_cast<int32_t>(file.report.figures.size()); ++k) {
    file.figure_context.push_back(ContextOf(file.doc, file.report, file.report.figures[k], *data));
    const int32_t global = static_cast<int32_t>(data->figure_refs.size());
    data->figure_refs.push_back({id, k});
    for (uint32_t word : file.figure_context.back().words)
      AddPosting(word, global, &data->figure_words);
  }
  SortByKey(&data->figure_words);
}

}  // namespace

std::pair<PostingTable::const_iterator, PostingTable::const_iterator> FindPostings(
    const PostingTable& table, uint32_t key) {
  auto first = std::lower_bound(table.begin(), table.end(), uint64_t{key} << 32);
  return {first, std::upper_bound(first, table.end(), (uint64_t{key} << 32) | 0xFFFFFFFFu)};
}

namespace {

}  // namespace

SourceIndex::SourceIndex() : data_(std::make_unique<Data>()) {
  for (std::string_view word : EmbeddedLines("sources/stopwords.txt"))
    data_->vocab.Intern(NormalizeWord(Utf16(word)));
  data_->stopwords = static_cast<uint32_t>(data_->vocab.size());
}
SourceIndex::~SourceIndex() = default;
SourceIndex::SourceIndex(SourceIndex&&) noexcept = default;
SourceIndex& SourceIndex::operator=(SourceIndex&&) noexcept = default;

void SourceIndex::Add(const std::string& name, Document doc) {
  static const Analyzer analyzer(FiguresOnly());
  SourceFile file;
  file.name = name;
  file.report = analyzer.Analyze(doc);
  file.doc = std::move(doc);
  data_->files.push_back(std::move(file));
  const int32_t id = static_cast<int32_t>(data_->files.size()) - 1;
  IndexWords(id, data_.get());
  IndexGrams(data_->files[id], data_.get());
  IndexFigures(id, data_.get());
}

int32_t SourceIndex::size() const { return static_cast<int32_t>(data_->files.size()); }
const std::string& SourceIndex::name(int32_t id) const { return data_->files[id].name; }
const Document& SourceIndex::document(int32_t id) const { return data_->files[id].doc; }
const Report& SourceIndex::report(int32_t id) const { return data_->files[id].report; }
int64_t SourceIndex::words(int32_t id) const {
  return data_->files[id].end_word - data_->files[id].first_word;
}

const char* QuoteStatusName(QuoteStatus status) {
  static const char* kNames[] = {"verbatim", "altered", "not_found"};
  return kNames[static_cast<int>(status)];
}

const char* DiffOpName(DiffOp::Op op) {
  static const char* kNames[] = {"equal", "insert", "delete", "replace"};
  return kNames[static_cast<int>(op)];
}

const char* FigureStatusName(FigureStatus status) {
  static const char* kNames[] = {"same", "different", "not_found"};
  return kNames[static_cast<int>(status)];
}

SourceChecks CheckAgainstSources(const Document& draft, const Report& report,
                                 const SourceIndex& sources) {
  SourceChecks checks;
  checks.quotes = CheckQuotes(draft, report, sources.data());
  checks.figures = CheckFigures(draft, report, sources.data());
  return checks;
}

}  // namespace factlens
