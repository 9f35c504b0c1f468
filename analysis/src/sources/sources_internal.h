// Internal to analysis/src/sources: words, the vocabulary and the source index.
//
// Usage:
//   Vocabulary vocab;
//   std::vector<Word> words = SplitWords(doc, 0, &vocab);   // interns new words
//   uint32_t id = vocab.Find(NormalizeWord(u"Plant’s"));     // kUnknownWord if absent
//
// Offsets are UTF-16 code units of the paragraph (document.h).
#ifndef FACTLENS_ANALYSIS_SRC_SOURCES_SOURCES_INTERNAL_H_
#define FACTLENS_ANALYSIS_SRC_SOURCES_SOURCES_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "factlens/sources.h"

namespace factlens {

constexpr uint32_t kUnknownWord = 0xFFFFFFFFu;  // a draft word no source has

// A word of a text: letters, digits and marks, with apostrophes, hyphens and
// dashes inside it and "," or "." between digits ("1,200.5", "don’t", "well-known").
struct Word {
  int32_t paragraph = 0;
  int32_t begin = 0;
  int32_t end = 0;
  uint32_t id = kUnknownWord;  // Vocabulary id of the normalised form
};

// Interned normalised word forms.
class Vocabulary {
 public:
  uint32_t Intern(const std::u16string& form);
  uint32_t Find(const std::u16string& form) const;  // kUnknownWord if absent
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::u16string, uint32_t> ids_;
};

// The comparison form: NFKC case folded, ’ ‘ ʼ → ', dashes → -, no "," between digits.
std::u16string NormalizeWord(std::u16string_view word);

// True for a character that can be part of a word (letter, digit, mark).
bool IsWordChar(char16_t c);

// The words of paragraph `p` in [begin, end) (end -1: to the paragraph's end).
// With `vocab` non-const the forms are interned; otherwise looked up.
std::vector<Word> SplitWords(const Document& doc, int32_t p, int32_t begin, int32_t end,
                             Vocabulary* vocab);
std::vector<Word> SplitWords(const Document& doc, int32_t p, int32_t begin, int32_t end,
                             const Vocabulary& vocab);

// Bigram key of two word ids: a 32-bit hash. Two bigrams may share a key; that
// only adds a candidate, which the alignment then rejects.
inline uint32_t BigramKey(uint32_t a, uint32_t b) {
  return static_cast<uint32_t>((((uint64_t{a} << 32) | b) * 0x9E3779B97F4A7C15ull) >> 32);
}

// Word positions by a 32-bit key (a word id or a bigram key), each entry
// key << 32 | position, sorted: built with one sort of integers, looked up with
// a binary search.
using PostingTable = std::vector<uint64_t>;
inline void AddPosting(uint32_t key, int32_t pos, PostingTable* table) {
  table->push_back((uint64_t{key} << 32) | static_cast<uint32_t>(pos));
}
inline int32_t PostingPosition(uint64_t entry) { return static_cast<int32_t>(entry & 0xFFFFFFFFu); }

// The postings of `key`: [first, last) in `table`.
std::pair<PostingTable::const_iterator, PostingTable::const_iterator> FindPostings(
    const PostingTable& table, uint32_t key);

// A figure's context: the ids of the nearest kContextWords words before and
// after it in its sentence, not stopwords, not numbers (sorted, unique), and
// the kNearWords of them next to it on the left, nearest first.
constexpr int kContextWords = 8;
constexpr size_t kNearWords = 2;
struct FigureContext {
  std::vector<uint32_t> words;
  std::vector<uint32_t> near;
  std::u16string counted;  // Figure::counted, normalised
};
struct SourceFile {
  std::string name;
  Document doc;
  Report report;  // text layer and figures
  std::vector<FigureContext> figure_context;  // parallel to report.figures
  int32_t first_word = 0;  // into SourceIndex::Data::words
  int32_t end_word = 0;
};

struct SourceIndex::Data {
  std::vector<SourceFile> files;
  Vocabulary vocab;  // ids below `stopwords` are data/sources/stopwords.txt
  uint32_t stopwords = 0;
  std::vector<Word> words;  // every source's words, source after source
  std::vector<int32_t> word_source;  // parallel to words: the source id
  // Positions in `words` by word id (unigrams) and by bigram key (of its first
  // word). A key with kMaxPostings or more positions is too common to place a quote.
  PostingTable unigrams;
  PostingTable bigrams;
  // Every source figure as {source id, index into its report's figures}, and
  // their indices in this list by context word.
  std::vector<std::pair<int32_t, int32_t>> figure_refs;
  PostingTable figure_words;
};

constexpr size_t kMaxPostings = 400;

FigureContext ContextOf(const Document& doc, const Report& report, const Figure& figure,
                        const SourceIndex::Data& index);

// Quote and figure checks (sources_quotes.cc, sources_figures.cc).
std::vector<QuoteCheck> CheckQuotes(const Document& draft, const Report& report,
                                    const SourceIndex::Data& index);
std::vector<FigureCheck> CheckFigures(const Document& draft, const Report& report,
                                      const SourceIndex::Data& index);

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_SOURCES_SOURCES_INTERNAL_H_
