// Internal: a map from a token's word hash (TokenInfo::word) to a small value:
// the per-document tallies of the tagger's evidence (DocEvidence, DocLabels in
// model.h) and the word lists' index (WordList, tokens.h). One array, open
// addressing with linear probing, doubled when half full; nothing is ever
// removed. Unlike a node-based map it allocates once per doubling, not once
// per word.
#ifndef FACTLENS_SRC_ENTITIES_WORD_MAP_H_
#define FACTLENS_SRC_ENTITIES_WORD_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace factlens {
namespace ner {

template <typename V>
class WordMap {
 public:
  // The value of `word`, inserted as V{} when absent.
  V& operator[](uint64_t word) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Slot& s = slots_[SlotOf(word)];
    if (!s.used) {
      s.used = true;
      s.word = word;
      ++size_;
    }
    return s.value;
  }
  // The value of `word`, or nullptr when absent.
  const V* Find(uint64_t word) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[SlotOf(word)];
    return s.used ? &s.value : nullptr;
  }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    uint64_t word = 0;
    bool used = false;
    V value{};
  };
  // The slot holding `word`, or the empty slot where it would go.
  size_t SlotOf(uint64_t word) const {
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>((word * 0x9e3779b97f4a7c15ull) >> shift_);
    while (slots_[i].used && slots_[i].word != word) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    const size_t capacity = old.empty() ? 16 : 2 * old.size();
    slots_.resize(capacity);
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (Slot& s : old)
      if (s.used) slots_[SlotOf(s.word)] = std::move(s);
  }
  std::vector<Slot> slots_;  // a power of two of them
  int shift_ = 64;           // 64 - log2(slots_.size())
  size_t size_ = 0;
};

}  // namespace ner
}  // namespace factlens

#endif  // FACTLENS_SRC_ENTITIES_WORD_MAP_H_
