// The lexicon of the tagger and the rules (model.h): case-folded name lists
// compiled in from analysis/data/ner/*.txt, looked up by hashed pieces.
#include "entities/model.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "common/embedded_data.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace factlens {
namespace ner {

char16_t FoldUnitSlow(char16_t c) {
  if (c == 0x2019 || c == 0x2018) return u'\'';
  if (c >= 0xD800 && c <= 0xDFFF) return c;
  return static_cast<char16_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
}

uint64_t PieceHash(std::u16string_view s) {
  uint64_t h = kFnvBasis;
  for (char16_t c : s) h = FnvAdd(h, FoldUnit(c));
  return h;
}

namespace {

uint32_t GenderBits(std::string_view g) {
  if (g == "M") return kLexMale;
  if (g == "F") return kLexFemale;
  if (g == "common") return kLexCommon;
  if (g == "company") return kLexCompany;
  return 0;
}

}  // namespace

const Lexicon& Lexicon::Default() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

Lexicon::Lexicon() : Lexicon(false) {}

Lexicon::Lexicon(bool parse_lists) {
  if (!parse_lists && FromFlat(EmbeddedData("ner/lexicon.flat"))) return;
  ParseLists();
}

// The flat image (native endianness; the build step writes it on the build
// machine): char magic[8] = "FLLEXFL1"; uint64 max_pieces, slots, hot, prefix
// (counts of 64-bit words, each a power of two); then the three tables. 40-byte
// header, every table 8-byte aligned.
namespace {
constexpr char kFlatMagic[8] = {'F', 'L', 'L', 'E', 'X', 'F', 'L', '1'};
constexpr size_t kFlatHeader = 8 + 4 * 8;
}  // namespace

std::string Lexicon::Flat() const {
  const uint64_t head[4] = {static_cast<uint64_t>(max_pieces_), mask_ + 1, hot_mask_ + 1,
                            prefix_mask_ + 1};
  std::string out(kFlatMagic, 8);
  out.append(reinterpret_cast<const char*>(head), sizeof head);
  out.append(reinterpret_cast<const char*>(slots_), 8 * (mask_ + 1));
  out.append(reinterpret_cast<const char*>(hot_), 8 * (hot_mask_ + 1));
  out.append(reinterpret_cast<const char*>(prefix_), 8 * (prefix_mask_ + 1));
  return out;
}

bool Lexicon::FromFlat(std::string_view bytes) {
  if (bytes.size() < kFlatHeader || std::memcmp(bytes.data(), kFlatMagic, 8) != 0 ||
      reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0)
    return false;
  uint64_t head[4];
  std::memcpy(head, bytes.data() + 8, sizeof head);
  for (int k = 1; k < 4; ++k)
    if (head[k] == 0 || (head[k] & (head[k] - 1)) != 0) return false;
  if (bytes.size() != kFlatHeader + 8 * (head[1] + head[2] + head[3])) return false;
  const uint64_t* words = reinterpret_cast<const uint64_t*>(bytes.data() + kFlatHeader);
  max_pieces_ = static_cast<int>(head[0]);
  slots_ = words;
  mask_ = head[1] - 1;
  hot_ = words + head[1];
  hot_mask_ = head[2] - 1;
  prefix_ = hot_ + head[2];
  prefix_mask_ = head[3] - 1;
  return true;
}

void Lexicon::ParseLists() {
  struct Source {
    const char* file;
    uint32_t bits;
  };
  static const Source kSources[] = {
      {"ner/places.txt", kLexPlace},          {"ner/places_extra.txt", kLexPlace},
      {"ner/countries.txt", kLexCountry},     {"ner/countries_extra.txt", kLexCountry},
      {"ner/first_names.txt", kLexFirst},
      {"ner/surnames.txt", kLexSurname},      {"ner/demonyms.txt", kLexDemonym},
      {"ner/demonyms_extra.txt", kLexDemonym},
      {"ner/titles.txt", kLexTitle},          {"ner/org_suffixes.txt", kLexOrgSuffix},
      {"ner/outlets.txt", kLexOutlet},        {"ner/outlet_words.txt", kLexOutletWord},
      {"ner/lower_words.txt", kLexLower},     {"ner/gender_words.txt", kLexGenderWord},
      {"ner/orgs.txt", kLexOrg},              {"ner/orgs_compromise.txt", kLexOrg},
      {"ner/dict_words.txt", kLexDict},       {"ner/dict_names.txt", kLexDictName},
      {"ner/calendar_words.txt", kLexCalendar}, {"ner/place_words.txt", kLexPlaceWord},
      {"ner/speech_verbs.txt", kLexSpeech},   {"ner/apposition_roles.txt", kLexRole},
  };
  owned_prefix_.assign(1 << 14, 0);  // 2^20 bits, 128 KiB: stays in cache
  prefix_ = owned_prefix_.data();
  prefix_mask_ = owned_prefix_.size() - 1;
  for (const Source& source : kSources) {
    for (std::string_view line : EmbeddedLines(source.file)) {
      uint32_t bits = source.bits;
      size_t tab = line.find('\t');
      if (tab != std::string_view::npos) {
        bits |= GenderBits(line.substr(tab + 1));
        line = line.substr(0, tab);
      }
      Add(line, bits);
      // Plural nationality nouns: "Germans", "South Koreans", "Israelis".
      if ((bits & kLexDemonym) && !line.empty() && (line.back() == 'n' || line.back() == 'i'))
        Add(std::string(line) + "s", bits);
    }
  }
  for (const Weekday& d : Weekdays())
    if (!d.abbreviation) Add(d.name, kLexCalendar);  // "Monday": never a name alone
  for (const std::u16string& m : MonthNames()) Add(Utf8(m), kLexCalendar);  // not "May"
  FillSlots();
  size_t hot = 0;
  for (uint64_t v : owned_slots_) hot += (v & kLexLower) != 0;
  size_t hot_cap = 1024;
  while (hot_cap < hot * 2) hot_cap <<= 1;
  owned_hot_.assign(hot_cap, 0);
  hot_ = owned_hot_.data();
  hot_mask_ = hot_cap - 1;
  for (uint64_t v : owned_slots_) {
    if (!(v & kLexLower)) continue;
    uint64_t slot = (v >> kValueBits) & hot_mask_;
    while (owned_hot_[slot] != 0) slot = (slot + 1) & hot_mask_;
    owned_hot_[slot] = v;
  }
}

void Lexicon::Add(std::string_view s, uint32_t bits) {
  uint64_t key = kKeySeed, piece = kFnvBasis, piece_no_dot = kFnvBasis, first_piece = 0;
  int pieces = 0;
  bool in_piece = false, last_dot = false;
  auto end_piece = [&]() {
    if (!in_piece) return;
    if (pieces == 0) first_piece = piece;
    key = KeyAdd(key, piece);
    ++pieces;
    in_piece = false;
  };
  const int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 cp;
    U8_NEXT_OR_FFFD(s.data(), i, len, cp);
    if (cp == ' ' || cp == '\t' || cp == 0xA0) {
      end_piece();
      continue;
    }
    if (!in_piece) piece = kFnvBasis, in_piece = true;
    piece_no_dot = piece;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      piece = FnvAdd(piece, static_cast<char16_t>(0xD800 + (cp >> 10)));
      piece = FnvAdd(piece, static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      piece = FnvAdd(piece, FoldUnit(static_cast<char16_t>(cp)));
    }
    last_dot = cp == '.';
  }
  // A trailing period is optional ("Mr." / "Mr", "U.S." / "U.S").
  const bool dotted = in_piece && last_dot;
  const uint64_t key_before_last = key;
  const uint64_t last_no_dot = piece_no_dot;
  end_piece();
  if (pieces == 0) return;
  max_pieces_ = std::max(max_pieces_, pieces);
  pending_.push_back({key, bits});
  if (dotted) pending_.push_back({KeyAdd(key_before_last, last_no_dot), bits});
  if (pieces >= 2) {
    const uint64_t h = Mix64(first_piece);
    owned_prefix_[(h >> 6) & prefix_mask_] |= uint64_t{1} << (h & 63);
  }
}

// The table holds the distinct keys at a load of at most 2/3: 300,967 keys in
// 2^19 slots (4 MiB), where sizing by the lists' line count took 2^20 (8 MiB,
// every page of it resident once a long document has been tagged). Linear
// probing at that load still finds most keys in the first cache line.
void Lexicon::FillSlots() {
  std::vector<uint64_t> tags;
  tags.reserve(pending_.size());
  for (const auto& [key, bits] : pending_) tags.push_back(TagOf(key));
  std::sort(tags.begin(), tags.end());
  const size_t distinct = std::unique(tags.begin(), tags.end()) - tags.begin();
  size_t cap = 1024;
  while (cap * 2 < distinct * 3) cap <<= 1;
  owned_slots_.assign(cap, 0);
  slots_ = owned_slots_.data();
  mask_ = cap - 1;
  for (const auto& [key, bits] : pending_) Insert(key, bits);
  pending_.clear();
  pending_.shrink_to_fit();
}

void Lexicon::Insert(uint64_t key, uint32_t bits) {
  const uint64_t tag = TagOf(key);
  uint64_t slot = (key ^ (key >> 29)) & mask_;
  std::vector<uint64_t>& slots = owned_slots_;
  while (slots[slot] != 0 && (slots[slot] & ~kValueMask) != tag) slot = (slot + 1) & mask_;
  slots[slot] = tag | ((slots[slot] & kValueMask) | (bits & kValueMask));
}

bool Lexicon::MayStartPhrase(uint64_t piece_hash) const {
  const uint64_t h = Mix64(piece_hash);
  return (prefix_[(h >> 6) & prefix_mask_] >> (h & 63)) & 1;
}

uint32_t Lexicon::Lookup(uint64_t key) const {
  const uint64_t tag = TagOf(key);
  for (uint64_t h = (tag >> kValueBits) & hot_mask_; hot_[h] != 0; h = (h + 1) & hot_mask_)
    if ((hot_[h] & ~kValueMask) == tag) return static_cast<uint32_t>(hot_[h] & kValueMask);
  uint64_t slot = (key ^ (key >> 29)) & mask_;
  while (slots_[slot] != 0) {
    if ((slots_[slot] & ~kValueMask) == tag)
      return static_cast<uint32_t>(slots_[slot] & kValueMask);
    slot = (slot + 1) & mask_;
  }
  return 0;
}

}  // namespace ner
}  // namespace factlens
