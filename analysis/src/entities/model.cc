// The tagger (model.h): tag constraints, feature hashing, the model file and
// greedy decoding.
#include "entities/model.h"

#include <algorithm>
#include <cstring>

#include "common/embedded_data.h"

namespace factlens {
namespace ner {

bool TagAllowed(int prev, int tag, bool last) {
  const bool open = prev > 0 && (TagPart(prev) == kB || TagPart(prev) == kI);
  if (open) {
    if (TagType(tag) != TagType(prev)) return false;
    return last ? TagPart(tag) == kL : (TagPart(tag) == kI || TagPart(tag) == kL);
  }
  if (tag == 0) return true;
  if (TagPart(tag) == kU) return true;
  return TagPart(tag) == kB && !last;
}

TagTable::TagTable() {
  for (int last = 0; last < 2; ++last) {
    for (int prev = -1; prev < kNumTags; ++prev) {
      int8_t& n = count[last][prev + 1];
      n = 0;
      for (int tag = 0; tag < kNumTags; ++tag)
        if (TagAllowed(prev, tag, last != 0)) tags[last][prev + 1][n++] = static_cast<int8_t>(tag);
    }
  }
}
const TagTable kTagTable;

namespace {

constexpr uint64_t kPadWord = 0x9e3779b97f4a7c15ull;

inline uint32_t Row(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix64(tmpl * 0x100000001b3ull + a);
  h = Mix64(h ^ (b * 0xc2b2ae3d27d4eb4full));
  if (c) h = Mix64(h ^ (c * 0x165667b19e3779f9ull));
  return static_cast<uint32_t>(h >> (64 - kRowBits));
}

}  // namespace

namespace {

const TokenInfo& PadInfo() {
  static const TokenInfo kPad = [] {
    TokenInfo p;
    p.word = kPadWord;
    return p;
  }();
  return kPad;
}

const Spelling& PadSpelling() {
  static const Spelling kPad = [] {
    Spelling p;
    p.shape = p.short_shape = 0x5a5a5a5au;
    return p;
  }();
  return kPad;
}

constexpr uint32_t kFlagMask = kInfCap | kInfAllCaps | kInfDigit | kInfPunct | kInfFirstWord |
                               kInfPossessive | kInfInnerCap | kInfNonLatin;
constexpr uint32_t kLexMask = kLexPlace | kLexCountry | kLexFirst | kLexSurname | kLexDemonym |
                              kLexTitle | kLexOrgSuffix | kLexOutlet | kLexOutletWord | kLexLower |
                              kLexOrg | kLexDict;

}  // namespace

uint32_t BiasRow() { return Row(1, 0); }

int ExtractStatic(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int end,
                  int i, uint32_t* rows) {
  rows[0] = BiasRow();
  return 1 + TokenStaticRows(info, spelling, begin, end, i, rows + 1);
}

int TokenStaticRows(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                    int end, int i, uint32_t* rows) {
  int n = 0;
  const TokenInfo& t = info[i];
  const TokenInfo& pad = PadInfo();
  const TokenInfo& m1 = i - 1 >= begin ? info[i - 1] : pad;
  const TokenInfo& m2 = i - 2 >= begin ? info[i - 2] : pad;
  const TokenInfo& q1 = i + 1 < end ? info[i + 1] : pad;
  const TokenInfo& q2 = i + 2 < end ? info[i + 2] : pad;
  const Spelling& ts = spelling[i];
  const Spelling& ms = i - 1 >= begin ? spelling[i - 1] : PadSpelling();
  const Spelling& qs = i + 1 < end ? spelling[i + 1] : PadSpelling();
  const uint32_t fl = t.flags & kFlagMask;
  rows[n++] = Row(2, t.word);
  rows[n++] = Row(4, ts.short_shape);
  rows[n++] = Row(5, ts.pre3);
  rows[n++] = Row(6, ts.suf2);
  rows[n++] = Row(7, ts.suf3);
  rows[n++] = Row(8, ts.suf4);
  rows[n++] = Row(9, m1.word);
  rows[n++] = Row(10, q1.word);
  rows[n++] = Row(11, m2.word);
  rows[n++] = Row(12, q2.word);
  rows[n++] = Row(13, ms.short_shape, ts.short_shape);
  rows[n++] = Row(14, ts.short_shape, qs.short_shape);
  rows[n++] = Row(20, fl, ts.shape);
  rows[n++] = Row(23, ms.short_shape, ts.short_shape, qs.short_shape);
  rows[n++] = Row(25, t.lex & kLexMask, fl & (kInfCap | kInfAllCaps | kInfFirstWord));
  for (uint32_t lex = t.lex & kLexMask; lex; lex &= lex - 1)
    rows[n++] = Row(26, lex & (~lex + 1), fl & (kInfCap | kInfFirstWord));
  for (uint32_t lex = q1.lex & kLexMask; lex; lex &= lex - 1) rows[n++] = Row(28, lex & (~lex + 1));
  // (Categories up to the last one either token is in: most tokens are in none.)
  for (int c = 0; c < kNumGazCats && ((t.gaz | q1.gaz) >> (3 * c)) != 0; ++c) {
    const uint32_t g = (t.gaz >> (3 * c)) & 7;
    if (g) rows[n++] = Row(29, c, g, fl & kInfCap ? 1 : 2);
    const uint32_t gq = (q1.gaz >> (3 * c)) & 7;
    if (gq) rows[n++] = Row(31, c, gq);
  }
  const uint8_t casing = t.doc & kDocCasing;
  rows[n++] = Row(32, casing, fl & (kInfCap | kInfFirstWord | kInfAllCaps));
  rows[n++] = Row(33, casing, t.lex & (kLexFirst | kLexSurname | kLexPlace | kLexLower));
  if (t.doc & ~kDocCasing) rows[n++] = Row(44, t.doc >> 6, fl & (kInfCap | kInfFirstWord));
  // The second pass: what the first made of this word and its neighbours elsewhere.
  if (t.label) {
    rows[n++] = Row(40, t.label, fl & (kInfCap | kInfFirstWord));
    rows[n++] = Row(41, t.label & kLabTypes);
    rows[n++] = Row(43, t.label_major, t.label & (kLabSingle | kLabSurname | kLabFirst));
  }
  if ((m1.label | q1.label) & kLabTypes)
    rows[n++] = Row(42, m1.label & kLabTypes, t.label & kLabTypes, q1.label & kLabTypes);
  rows[n++] = Row(34, m1.flags & (kInfCap | kInfPunct), t.flags & (kInfCap | kInfFirstWord),
                  q1.flags & (kInfCap | kInfPunct));
  rows[n++] = Row(36, t.word, t.flags & kInfFirstWord ? 1 : 2);
  return n;
}

int ExtractDynamic(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int end,
                   int i, int p1, int p2, uint32_t* rows) {
  const int n = TagPairRows(p1, p2, rows);
  return n + TokenDynamicRows(info, spelling, begin, i, p1, rows + n);
}

int TagPairRows(int p1, int p2, uint32_t* rows) {
  const uint64_t P1 = static_cast<uint64_t>(p1 + 2), P2 = static_cast<uint64_t>(p2 + 2);
  rows[0] = Row(15, P1);
  rows[1] = Row(16, P1, P2);
  return 2;
}

int TokenDynamicRows(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                     int i, int p1, uint32_t* rows) {
  int n = 0;
  const TokenInfo& t = info[i];
  const TokenInfo& m1 = i - 1 >= begin ? info[i - 1] : PadInfo();
  const uint64_t P1 = static_cast<uint64_t>(p1 + 2);
  rows[n++] = Row(17, P1, t.word);
  rows[n++] = Row(18, P1, spelling[i].short_shape);
  for (uint32_t lex = m1.lex & kLexMask; lex; lex &= lex - 1)
    rows[n++] = Row(27, lex & (~lex + 1), P1);
  for (int c = 0; c < kNumGazCats && (m1.gaz >> (3 * c)) != 0; ++c) {
    const uint32_t gm = (m1.gaz >> (3 * c)) & 7;
    if (gm) rows[n++] = Row(30, c, gm, P1);
  }
  return n;
}

int ExtractFeatures(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                    int end, int i, int p1, int p2, uint32_t* rows) {
  const int n = ExtractStatic(info, spelling, begin, end, i, rows);
  return n + ExtractDynamic(info, spelling, begin, end, i, p1, p2, rows + n);
}

// ------------------------------------------------------------------ model

const int16_t Model::kZeroRow[Model::kRowWidth] = {};

const Model& Model::Default() {
  static const Model* model = [] {
    Model* m = new Model();
    if (!m->LoadFlat(EmbeddedData("ner/model.flat"))) m->Load(EmbeddedData("ner/model.bin"));
    return m;
  }();
  return *model;
}

void Model::Clear() {
  present_ = nullptr;
  rank_ = nullptr;
  rows_ = nullptr;
  num_rows_ = 0;
  owned_present_.clear();
  owned_rank_.clear();
  owned_rows_.clear();
  tag_pair_scores_.clear();
}

void Model::SumTagPairRows() {
  tag_pair_scores_.assign((kNumTags + 1) * (kNumTags + 1), {});
  for (int p1 = -1; p1 < kNumTags; ++p1) {
    for (int p2 = -1; p2 < kNumTags; ++p2) {
      uint32_t rows[3];
      rows[0] = BiasRow();
      const int n = 1 + TagPairRows(p1, p2, rows + 1);
      std::array<int32_t, kRowWidth>& sum = tag_pair_scores_[(p1 + 1) * (kNumTags + 1) + p2 + 1];
      for (int f = 0; f < n; ++f) {
        const int16_t* w = Weights(rows[f]);
        for (int t = 0; t < kRowWidth; ++t) sum[t] += w[t];
      }
    }
  }
}

bool Model::Load(std::string_view bytes) {
  Clear();
  auto u32 = [&](size_t off) {
    uint32_t v;
    std::memcpy(&v, bytes.data() + off, 4);
    return v;
  };
  if (bytes.size() < 32 || std::memcmp(bytes.data(), "FLNERMDL", 8) != 0) return false;
  if (u32(8) != kModelVersion || u32(12) != kFeatureVersion || u32(16) != kRowBits ||
      u32(20) != kNumTags)
    return false;
  const uint32_t rows = u32(28);
  const size_t rec = 4 + 2 * kRowWidth;
  if (bytes.size() < 32 + size_t{rows} * rec) return false;
  // Record of each row (a later record of the same row wins, as it always did).
  std::vector<int32_t> record(size_t{1} << kRowBits, -1);
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t row;
    std::memcpy(&row, bytes.data() + 32 + size_t{r} * rec, 4);
    if (row >= (1u << kRowBits)) return false;
    record[row] = static_cast<int32_t>(r);
  }
  owned_present_.assign(kBlocks, 0);
  owned_rank_.assign(kBlocks, 0);
  for (uint32_t row = 0; row < record.size(); ++row) {
    if (row % 64 == 0) owned_rank_[row >> 6] = num_rows_;
    if (record[row] < 0) continue;
    owned_present_[row >> 6] |= uint64_t{1} << (row & 63);
    const char* w = bytes.data() + 32 + size_t(record[row]) * rec + 4;
    owned_rows_.resize(owned_rows_.size() + kRowWidth);
    std::memcpy(owned_rows_.data() + size_t{kRowWidth} * num_rows_, w, 2 * kRowWidth);
    ++num_rows_;
  }
  present_ = owned_present_.data();
  rank_ = owned_rank_.data();
  rows_ = owned_rows_.data();
  SumTagPairRows();
  return true;
}

// The flat image (native endianness; the build step writes it on the build
// machine from model.bin): char magic[8] = "FLNERFL1"; uint32 kFeatureVersion,
// kRowBits, kNumTags, num_rows; uint64 present[kBlocks]; uint32 rank[kBlocks];
// int16 rows[num_rows][kNumTags - 1]. 24-byte header padded to 32, so with a
// 32-byte aligned image every row is 32-byte aligned.
namespace {
constexpr char kFlatMagic[8] = {'F', 'L', 'N', 'E', 'R', 'F', 'L', '1'};
constexpr size_t kFlatHeader = 32;
}  // namespace

std::string Model::Flat() const {
  if (empty()) return std::string();
  const uint32_t head[4] = {kFeatureVersion, kRowBits, kNumTags, num_rows_};
  std::string out(kFlatMagic, 8);
  out.append(reinterpret_cast<const char*>(head), sizeof head);
  out.resize(kFlatHeader, '\0');
  out.append(reinterpret_cast<const char*>(present_), 8 * kBlocks);
  out.append(reinterpret_cast<const char*>(rank_), 4 * kBlocks);
  out.append(reinterpret_cast<const char*>(rows_), 2 * size_t{kRowWidth} * num_rows_);
  return out;
}

bool Model::LoadFlat(std::string_view bytes) {
  Clear();
  if (bytes.size() < kFlatHeader || std::memcmp(bytes.data(), kFlatMagic, 8) != 0 ||
      reinterpret_cast<uintptr_t>(bytes.data()) % 32 != 0)
    return false;
  uint32_t head[4];
  std::memcpy(head, bytes.data() + 8, sizeof head);
  if (head[0] != kFeatureVersion || head[1] != kRowBits || head[2] != kNumTags) return false;
  const size_t rows_at = kFlatHeader + 12 * kBlocks;
  if (bytes.size() != rows_at + 2 * size_t{kRowWidth} * head[3]) return false;
  present_ = reinterpret_cast<const uint64_t*>(bytes.data() + kFlatHeader);
  rank_ = reinterpret_cast<const uint32_t*>(bytes.data() + kFlatHeader + 8 * kBlocks);
  rows_ = reinterpret_cast<const int16_t*>(bytes.data() + rows_at);
  num_rows_ = head[3];
  SumTagPairRows();
  return true;
}

void Model::Score(const uint32_t* rows, int n, int32_t* scores) const {
  int32_t acc[kRowWidth] = {0};
  for (int f = 0; f < n; ++f) {
    const int16_t* w = Weights(rows[f]);
    for (int t = 0; t < kRowWidth; ++t) acc[t] += w[t];
  }
  scores[0] = 0;
  for (int t = 0; t < kRowWidth; ++t) scores[t + 1] = acc[t];
}

// On x86-64 built for the baseline, PresentWeights and AddRows are compiled
// twice: as they are, and for processors with popcnt (PresentWeights: the
// compiler turns Popcount's arithmetic into the instruction) or AVX2 (AddRows:
// a row's 16 weights widened and added 8 at a time); the loader picks
// the version the processor runs (GCC's function multi-versioning, an ELF ifunc).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#if !defined(__POPCNT__)
#define FACTLENS_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#endif
#if !defined(__AVX2__)
#define FACTLENS_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef FACTLENS_POPCNT_CLONES
#define FACTLENS_POPCNT_CLONES
#endif
#ifndef FACTLENS_AVX2_CLONES
#define FACTLENS_AVX2_CLONES
#endif

FACTLENS_POPCNT_CLONES
int Model::PresentWeights(const uint32_t* rows, int n, const int16_t** weights) const {
  int m = 0;
  for (int f = 0; f < n; ++f) {
    const int16_t* w = Weights(rows[f]);
    if (w != kZeroRow) weights[m++] = w;
  }
  return m;
}

// The loop over a row's 16 weights is unrolled whole, so that the sums stay in
// (vector) registers from row to row: at -O2 the compiler otherwise loads and
// stores them for every row.
FACTLENS_AVX2_CLONES
void Model::AddRows(const int32_t* base, const int16_t* const* rows, int n, int32_t* sums) {
  int32_t sum[kRowWidth];
  std::copy(base, base + kRowWidth, sum);
  for (int f = 0; f < n; ++f) {
    const int16_t* w = rows[f];
#pragma GCC unroll 16
    for (int t = 0; t < kRowWidth; ++t) sum[t] += w[t];
  }
  std::copy(sum, sum + kRowWidth, sums);
}

void Model::Tag(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int end,
                int* tags) const {
  Decode(info, spelling, begin, begin, end, end, tags);
}

void Model::Retag(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                  int end, int first, int last, int* tags) const {
  Decode(info, spelling, begin, std::max(begin, first - 1), end, last + 2, tags);
}

void Model::Decode(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                   int from, int end, int settled, int* tags) const {
  // Static features of token i+2 are hashed, and their weight rows found and
  // prefetched, while token i is decided: the rows are random accesses into a
  // multi-megabyte table.
  struct Pending {
    const int16_t* weights[kMaxFeatures];
    int n;
  };
  Pending ring[4];
  uint32_t rows[kMaxFeatures];
  auto prepare = [&](int i) {
    if (i >= end) return;
    Pending& p = ring[i & 3];
    if (Gated(info[i].flags, info[i].lex, 0)) {  // most likely never scored
      p.n = -1;
      return;
    }
    p.n = PresentWeights(rows, TokenStaticRows(info, spelling, begin, end, i, rows), p.weights);
    for (int f = 0; f < p.n; ++f) __builtin_prefetch(p.weights[f]);
  };
  prepare(from);
  prepare(from + 1);
  int32_t scores[kNumTags];
  const int16_t* dyn[kMaxFeatures];
  int p1 = from - 1 >= begin ? tags[from - 1 - begin] : -1;
  int p2 = from - 2 >= begin ? tags[from - 2 - begin] : -1;
  bool same1 = true, same2 = true;  // tags of i - 1 and i - 2 as before
  for (int i = from; i < end; ++i) {
    // Same features and the same two previous tags: the rest as before.
    if (i >= settled && same1 && same2) return;
    prepare(i + 2);
    if (Gated(info[i].flags, info[i].lex, p1)) {
      same2 = same1;
      same1 = tags[i - begin] == 0;
      tags[i - begin] = 0;
      p2 = p1;
      p1 = 0;
      continue;
    }
    Pending& p = ring[i & 3];
    if (p.n < 0)
      p.n = PresentWeights(rows, TokenStaticRows(info, spelling, begin, end, i, rows), p.weights);
    const int nd = PresentWeights(rows, TokenDynamicRows(info, spelling, begin, i, p1, rows), dyn);
    int32_t acc[kRowWidth];
    AddRows(tag_pair_scores_[(p1 + 1) * (kNumTags + 1) + p2 + 1].data(), p.weights, p.n, acc);
    scores[0] = 0;
    AddRows(acc, dyn, nd, scores + 1);
    // The first of the allowed tags with the highest score.
    const int8_t* allowed = kTagTable.tags[i + 1 == end][p1 + 1];
    const int na = kTagTable.count[i + 1 == end][p1 + 1];
    int best = na > 0 ? allowed[0] : -1;
    for (int k = 1; k < na; ++k)
      if (scores[allowed[k]] > scores[best]) best = allowed[k];
    same2 = same1;
    same1 = tags[i - begin] == best;
    tags[i - begin] = best;
    p2 = p1;
    p1 = best;
  }
}

}  // namespace ner
}  // namespace factlens
