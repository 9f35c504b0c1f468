#include "entities/model.h"

#include <algorithm>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

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
  for (int last = 0; last < 2; ++last)
    for (int prev = -1; prev < kNumTags; ++prev)
      for (int tag = 0; tag < kNumTags; ++tag)
        allowed[last][prev + 1][tag] = TagAllowed(prev, tag, last != 0);
}
const TagTable kTagTable;

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

// ------------------------------------------------------------------ Lexicon

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

Lexicon::Lexicon() {
  struct Source {
    const char* file;
    uint32_t bits;
  };
  static const Source kSources[] = {
      {"ner/places.txt", kLexPlace},          {"ner/places_extra.txt", kLexPlace},
      {"ner/countries.txt", kLexCountry},     {"ner/first_names.txt", kLexFirst},
      {"ner/surnames.txt", kLexSurname},      {"ner/demonyms.txt", kLexDemonym},
      {"ner/demonyms_extra.txt", kLexDemonym},
      {"ner/titles.txt", kLexTitle},          {"ner/org_suffixes.txt", kLexOrgSuffix},
      {"ner/outlets.txt", kLexOutlet},        {"ner/outlet_words.txt", kLexOutletWord},
      {"ner/lower_words.txt", kLexLower},     {"ner/gender_words.txt", kLexGenderWord},
      {"ner/orgs.txt", kLexOrg},              {"ner/orgs_compromise.txt", kLexOrg},
      {"ner/dict_words.txt", kLexDict},       {"ner/dict_names.txt", kLexDictName},
      {"ner/calendar_words.txt", kLexCalendar}, {"ner/place_words.txt", kLexPlaceWord},
  };
  size_t total = 0;
  std::vector<std::vector<std::string_view>> lines;
  for (const Source& s : kSources) {
    lines.push_back(EmbeddedLines(s.file));
    total += lines.back().size();
  }
  size_t cap = 1024;
  while (cap < total * 2) cap <<= 1;
  slots_.assign(cap, 0);
  mask_ = cap - 1;
  prefix_.assign(1 << 14, 0);  // 2^20 bits, 128 KiB: stays in cache
  prefix_mask_ = prefix_.size() - 1;
  for (size_t f = 0; f < lines.size(); ++f) {
    for (std::string_view line : lines[f]) {
      uint32_t bits = kSources[f].bits;
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
  size_t hot = 0;
  for (uint64_t v : slots_) hot += (v & kLexLower) != 0;
  size_t hot_cap = 1024;
  while (hot_cap < hot * 2) hot_cap <<= 1;
  hot_.assign(hot_cap, 0);
  hot_mask_ = hot_cap - 1;
  for (uint64_t v : slots_) {
    if (!(v & kLexLower)) continue;
    uint64_t slot = (v >> kValueBits) & hot_mask_;
    while (hot_[slot] != 0) slot = (slot + 1) & hot_mask_;
    hot_[slot] = v;
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
  Insert(key, bits);
  if (dotted) Insert(KeyAdd(key_before_last, last_no_dot), bits);
  if (pieces >= 2) {
    const uint64_t h = Mix64(first_piece);
    prefix_[(h >> 6) & prefix_mask_] |= uint64_t{1} << (h & 63);
  }
}

void Lexicon::Insert(uint64_t key, uint32_t bits) {
  uint64_t tag = key & ~kValueMask;
  if (tag == 0) tag = kValueMask + 1;
  uint64_t slot = (key ^ (key >> 29)) & mask_;
  while (slots_[slot] != 0 && (slots_[slot] & ~kValueMask) != tag) slot = (slot + 1) & mask_;
  slots_[slot] = tag | ((slots_[slot] & kValueMask) | (bits & kValueMask));
}

bool Lexicon::MayStartPhrase(uint64_t piece_hash) const {
  const uint64_t h = Mix64(piece_hash);
  return (prefix_[(h >> 6) & prefix_mask_] >> (h & 63)) & 1;
}

uint32_t Lexicon::Lookup(uint64_t key) const {
  uint64_t tag = key & ~kValueMask;
  if (tag == 0) tag = kValueMask + 1;
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

// ------------------------------------------------------------------ token info

namespace {

constexpr size_t kMaxLexLen = 40;

inline bool IsSpace16(char16_t c) {
  return c == u' ' || c == u'\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 ||
         c == u'\n' || c == u'\r';
}

enum CharClass : uint8_t { kClsUpper, kClsLower, kClsCaseless, kClsDigit, kClsOther };

inline CharClass Classify(char16_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return kClsUpper;
    if (c >= 'a' && c <= 'z') return kClsLower;
    if (c >= '0' && c <= '9') return kClsDigit;
    return kClsOther;
  }
  if (c >= 0xD800 && c <= 0xDFFF) return kClsCaseless;  // supplementary: treat as letters
  if (u_isupper(c) || u_istitle(c)) return kClsUpper;
  if (u_islower(c)) return kClsLower;
  if (u_isdigit(c)) return kClsDigit;
  if (u_isalpha(c)) return kClsCaseless;
  return kClsOther;
}

inline char16_t ShapeChar(CharClass k, char16_t c) {
  switch (k) {
    case kClsUpper: return u'X';
    case kClsLower: return u'x';
    case kClsDigit: return u'd';
    case kClsCaseless: return u'c';
    default: return c < 0x80 ? c : (c == 0x2019 ? u'\'' : u'?');
  }
}

uint32_t Hash32(uint64_t h) { return static_cast<uint32_t>(Mix64(h) >> 32); }

// Sentence-first words: the first token of each sentence that starts with a
// letter or digit (after quotes etc.).
void MarkFirstWords(const std::u16string& text, const ParagraphText& pt,
                    std::vector<TokenInfo>* out) {
  const std::vector<Token>& toks = pt.tokens;
  const int n = static_cast<int>(toks.size());
  for (const Sentence& s : pt.sentences) {
    for (int i = s.first_token; i < s.end_token && i < n; ++i) {
      const Token& t = toks[i];
      if (t.end > t.begin && Classify(text[t.begin]) != kClsOther) {
        (*out)[i].flags |= kInfFirstWord;
        break;
      }
    }
  }
}

// What one pass over a token's characters gives: class counts, the shape
// hashes and the folded hash of the stem (the token less a possessive 's or a
// final period).
struct CharScan {
  int upper = 0, lower = 0, caseless = 0, digits = 0;
  bool inner_cap = false;
  uint64_t shape = kFnvBasis, short_shape = kFnvBasis, stem = kFnvBasis;
};

CharScan ScanChars(const std::u16string& text, int b, int e, int stem_end) {
  CharScan r;
  bool prev_lower = false;
  char16_t last_shape = 0;
  int run = 0;
  for (int k = b; k < e; ++k) {
    const char16_t c = text[k];
    const CharClass cls = Classify(c);
    switch (cls) {
      case kClsUpper:
        ++r.upper;
        if (prev_lower) r.inner_cap = true;
        break;
      case kClsLower: ++r.lower; break;
      case kClsCaseless: ++r.caseless; break;
      case kClsDigit: ++r.digits; break;
      default: break;
    }
    prev_lower = cls == kClsLower;
    const char16_t sc = ShapeChar(cls, c);
    if (sc == last_shape) {
      ++run;
    } else {
      run = 1;
      r.short_shape = FnvAdd(r.short_shape, sc);
      last_shape = sc;
    }
    if (run <= 4) r.shape = FnvAdd(r.shape, sc);
    if (k < stem_end) r.stem = FnvAdd(r.stem, FoldUnit(c));
  }
  return r;
}

// Where a token's stem ends: before a possessive 's ("Vontobel's", which sets
// kInfPossessive) or a final period ("Mr." is looked up as "mr").
int StemEnd(const std::u16string& text, int b, int e, TokenInfo* inf) {
  const int len = e - b;
  if (len > 2 && (text[e - 1] == u's' || text[e - 1] == u'S') &&
      (text[e - 2] == u'\'' || text[e - 2] == 0x2019)) {
    inf->flags |= kInfPossessive;
    return e - 2;
  }
  if (len > 1 && text[e - 1] == u'.') return e - 1;
  return e;
}

// Hash of the folded units [from, to) of the stem [b, stem_end), with the
// length asked for (prefix and suffix features).
uint32_t AffixHash(const std::u16string& text, int b, int stem_end, int from, int to) {
  uint64_t a = kFnvBasis;
  for (int k = std::max(from, b); k < std::min(to, stem_end); ++k) a = FnvAdd(a, FoldUnit(text[k]));
  return Hash32(a ^ static_cast<uint64_t>(to - from));
}

// The features of token i that depend on it alone; its stem hash and its full
// hash (stem plus possessive) go to *stem_hash and *full_hash.
void OneTokenInfo(const std::u16string& text, const Token& t, bool first, const Lexicon& lex,
                  TokenInfo* inf, uint64_t* stem_hash, uint64_t* full_hash) {
  const int b = t.begin, e = t.end, len = e - b;
  if (first) inf->flags |= kInfParaStart;
  if (b > 0 && IsSpace16(text[b - 1])) inf->flags |= kInfSpaceBefore;
  if (e < static_cast<int>(text.size()) && IsSpace16(text[e])) inf->flags |= kInfSpaceAfter;
  if (len > static_cast<int>(kMaxLexLen)) inf->flags |= kInfLong;
  const int stem_end = StemEnd(text, b, e, inf);
  const CharScan c = ScanChars(text, b, e, stem_end);
  if (c.inner_cap) inf->flags |= kInfInnerCap;
  *stem_hash = c.stem;
  uint64_t full = c.stem;
  for (int k = stem_end; k < e; ++k) full = FnvAdd(full, FoldUnit(text[k]));
  *full_hash = full;
  const int letters = c.upper + c.lower + c.caseless;
  if (letters > 0) inf->flags |= kInfHasLetter;
  if (c.digits > 0) inf->flags |= kInfDigit;
  if (letters == 0 && c.digits == 0) inf->flags |= kInfPunct;
  if (c.caseless > 0 && c.upper + c.lower == 0) inf->flags |= kInfNonLatin;
  if (len > 0 && Classify(text[b]) == kClsUpper) inf->flags |= kInfCap;
  if (c.upper >= 2 && c.lower == 0) inf->flags |= kInfAllCaps;
  inf->word = c.stem;
  inf->shape = Hash32(c.shape);
  inf->short_shape = Hash32(c.short_shape);
  inf->pre3 = AffixHash(text, b, stem_end, b, b + 3);
  inf->suf2 = AffixHash(text, b, stem_end, stem_end - 2, stem_end);
  inf->suf3 = AffixHash(text, b, stem_end, stem_end - 3, stem_end);
  inf->suf4 = AffixHash(text, b, stem_end, stem_end - 4, stem_end);
  inf->len_bucket = static_cast<uint8_t>(len <= 4 ? len : len <= 6 ? 5 : len <= 9 ? 6 : 7);
  if (letters > 0 && !(inf->flags & kInfLong)) inf->lex = lex.Lookup(KeyAdd(kKeySeed, c.stem));
  // "Shell out", "Apple pie": a listed name that is also a common word is no
  // evidence where it opens a sentence.
  if (CommonOpener(inf->lex) && (inf->flags & kInfFirstWord)) inf->lex &= ~kLexOrg;
}

// The multi-token gazetteer scan of one paragraph (leftmost-longest match per
// category), over the hashes that OneTokenInfo left.
class GazetteerScan {
 public:
  GazetteerScan(const std::u16string& text, const std::vector<Token>& toks, const Lexicon& lex,
                std::vector<TokenInfo>* out)
      : text_(text), toks_(toks), lex_(lex), out_(*out) {
    covered_until_.fill(0);
  }
  void At(int i, uint64_t stem_hash, uint64_t full_hash);

 private:
  void SingleToken(int i);
  void LongestMatches(int i, std::array<int, kNumGazCats>* best) const;
  bool JoinsPhrase(int j) const;

  const std::u16string& text_;
  const std::vector<Token>& toks_;
  const Lexicon& lex_;
  std::vector<TokenInfo>& out_;
  std::array<int, kNumGazCats> covered_until_;
};

// Matches starting at token i (a capitalised word).
void GazetteerScan::At(int i, uint64_t stem_hash, uint64_t full_hash) {
  if (!lex_.MayStartPhrase(stem_hash) && !lex_.MayStartPhrase(full_hash)) {
    SingleToken(i);
    return;
  }
  std::array<int, kNumGazCats> best;
  best.fill(-1);
  LongestMatches(i, &best);
  for (int c = 0; c < kNumGazCats; ++c) {
    if (best[c] < 0 || i < covered_until_[c]) continue;
    // single tokens of lexicon categories are already in `lex`; mark all matches
    const int last = best[c];
    for (int k = i; k <= last; ++k) {
      int part = (k == i && k == last) ? kU : k == i ? kB : k == last ? kL : kI;
      out_[k].gaz |= static_cast<uint32_t>(1 + part) << (3 * c);
    }
    covered_until_[c] = last + 1;
  }
}

// No phrase starts here: a single-token entry only, already in lex.
void GazetteerScan::SingleToken(int i) {
  for (int c = 0; c < kNumGazCats; ++c) {
    if (!(out_[i].lex & kGazCats[c]) || i < covered_until_[c]) continue;
    out_[i].gaz |= static_cast<uint32_t>(1 + kU) << (3 * c);
    covered_until_[c] = i + 1;
  }
}

// Whether punctuation token j may sit inside a phrase ("U.S.", "AT&T").
bool GazetteerScan::JoinsPhrase(int j) const {
  const char16_t c = text_[toks_[j].begin];
  return c == u'.' || c == u'-' || c == u'\'' || c == 0x2019 || c == u'&';
}

// For each category, the last token of the longest entry from token i.
void GazetteerScan::LongestMatches(int i, std::array<int, kNumGazCats>* best) const {
  const int n = static_cast<int>(toks_.size());
  uint64_t key = kKeySeed;
  uint64_t piece = kFnvBasis;
  int pieces = 1;
  for (int j = i; j < n && j < i + 12; ++j) {
    const TokenInfo& tj = out_[j];
    const Token& t = toks_[j];
    if (tj.flags & kInfLong) break;
    if (j > i && (tj.flags & kInfSpaceBefore)) {
      // previous piece complete (full form)
      key = KeyAdd(key, piece);
      piece = kFnvBasis;
      if (++pieces > lex_.max_pieces()) break;
    } else if (j > i && t.begin != toks_[j - 1].end) {
      break;
    }
    if (j > i && (tj.flags & kInfPunct) && !JoinsPhrase(j)) break;
    // Extend the piece by this token's stem and test, then by the full token.
    // FNV is sequential: recompute over this token's units from the running state.
    uint64_t stem_piece = piece;
    for (int k = t.begin; k < t.end; ++k) {
      if (k == t.end - 2 && (tj.flags & kInfPossessive)) stem_piece = piece;
      piece = FnvAdd(piece, FoldUnit(text_[k]));
    }
    if (!(tj.flags & kInfPossessive)) stem_piece = piece;
    const uint32_t bits = lex_.Lookup(KeyAdd(key, stem_piece));
    for (int c = 0; c < kNumGazCats; ++c)
      if (bits & kGazCats[c]) (*best)[c] = j;
    if (tj.flags & kInfPossessive) break;
  }
}

}  // namespace

void ComputeTokenInfo(const std::u16string& text, const ParagraphText& pt, const Lexicon& lex,
                      std::vector<TokenInfo>* out) {
  const std::vector<Token>& toks = pt.tokens;
  const int n = static_cast<int>(toks.size());
  out->assign(n, TokenInfo{});
  MarkFirstWords(text, pt, out);
  std::vector<uint64_t> stem_hash(n), full_hash(n);
  for (int i = 0; i < n; ++i)
    OneTokenInfo(text, toks[i], i == 0, lex, &(*out)[i], &stem_hash[i], &full_hash[i]);
  GazetteerScan gaz(text, toks, lex, out);
  for (int i = 0; i < n; ++i) {
    const TokenInfo& start = (*out)[i];
    if (!(start.flags & kInfHasLetter) || (start.flags & kInfLong)) continue;
    if (start.flags & kInfCap) gaz.At(i, stem_hash[i], full_hash[i]);
  }
  // The same for a one-word match of the organisation lists (see above).
  for (TokenInfo& t : *out) {
    constexpr uint32_t kOrgGaz = 7u << (3 * kGazOrg);
    if (CommonOpener(t.lex) && (t.flags & kInfFirstWord) &&
        (t.gaz & kOrgGaz) == (static_cast<uint32_t>(1 + kU) << (3 * kGazOrg)))
      t.gaz &= ~kOrgGaz;
  }
}

// ------------------------------------------------------------------ doc evidence

void DocEvidence::Collect(const std::vector<TokenInfo>& info) {
  const int n = static_cast<int>(info.size());
  for (int i = 0; i < n; ++i) {
    const TokenInfo& t = info[i];
    if (!(t.flags & kInfHasLetter) || (t.flags & kInfDigit)) continue;
    uint8_t bits = 0;
    const bool cap = (t.flags & kInfCap) != 0;
    if (!cap && !(t.flags & kInfNonLatin)) bits |= kDocLowerMid;
    if (cap && !(t.flags & kInfFirstWord)) bits |= kDocCapMid;
    if (i > 0 && (info[i - 1].lex & kLexTitle) && cap) bits |= kDocAfterTitle;
    if (cap) {
      const bool prev_cap = i > 0 && (info[i].flags & kInfSpaceBefore) &&
                            (info[i - 1].flags & kInfCap) && (info[i - 1].flags & kInfHasLetter) &&
                            !(info[i - 1].lex & kLexTitle);
      int k = i + 1;
      // skip "-myung" style continuations glued to this word
      while (k < n && !(info[k].flags & kInfSpaceBefore)) ++k;
      const bool next_cap = k < n && (info[k].flags & kInfCap) && (info[k].flags & kInfHasLetter);
      if (prev_cap || next_cap) bits |= kDocInCapSeq;
      if (prev_cap && !next_cap) bits |= kDocSeqLast;
      if (!prev_cap && next_cap) bits |= kDocSeqFirst;
    }
    if (bits) bits_[t.word] |= bits;
  }
}

void DocEvidence::Apply(std::vector<TokenInfo>* info) const {
  for (TokenInfo& t : *info) {
    if (!(t.flags & kInfHasLetter)) continue;
    auto it = bits_.find(t.word);
    if (it != bits_.end()) t.doc = it->second;
  }
}

// ------------------------------------------------------------------ features

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

int ExtractStatic(const std::vector<TokenInfo>& info, int begin, int end, int i, uint32_t* rows) {
  int n = 0;
  const TokenInfo& t = info[i];
  const TokenInfo& pad = PadInfo();
  const TokenInfo& m1 = i - 1 >= begin ? info[i - 1] : pad;
  const TokenInfo& m2 = i - 2 >= begin ? info[i - 2] : pad;
  const TokenInfo& q1 = i + 1 < end ? info[i + 1] : pad;
  const TokenInfo& q2 = i + 2 < end ? info[i + 2] : pad;
  const uint32_t fl = t.flags & kFlagMask;
  rows[n++] = Row(1, 0);
  rows[n++] = Row(2, t.word);
  rows[n++] = Row(4, t.short_shape);
  rows[n++] = Row(5, t.pre3);
  rows[n++] = Row(6, t.suf2);
  rows[n++] = Row(7, t.suf3);
  rows[n++] = Row(8, t.suf4);
  rows[n++] = Row(9, m1.word);
  rows[n++] = Row(10, q1.word);
  rows[n++] = Row(11, m2.word);
  rows[n++] = Row(12, q2.word);
  rows[n++] = Row(13, m1.short_shape, t.short_shape);
  rows[n++] = Row(14, t.short_shape, q1.short_shape);
  rows[n++] = Row(20, fl, t.shape);
  rows[n++] = Row(23, m1.short_shape, t.short_shape, q1.short_shape);
  rows[n++] = Row(25, t.lex & kLexMask, fl & (kInfCap | kInfAllCaps | kInfFirstWord));
  for (uint32_t lex = t.lex & kLexMask; lex; lex &= lex - 1)
    rows[n++] = Row(26, lex & (~lex + 1), fl & (kInfCap | kInfFirstWord));
  for (uint32_t lex = q1.lex & kLexMask; lex; lex &= lex - 1) rows[n++] = Row(28, lex & (~lex + 1));
  for (int c = 0; c < kNumGazCats; ++c) {
    const uint32_t g = (t.gaz >> (3 * c)) & 7;
    if (g) rows[n++] = Row(29, c, g, fl & kInfCap ? 1 : 2);
    const uint32_t gq = (q1.gaz >> (3 * c)) & 7;
    if (gq) rows[n++] = Row(31, c, gq);
  }
  rows[n++] = Row(32, t.doc, fl & (kInfCap | kInfFirstWord | kInfAllCaps));
  rows[n++] = Row(33, t.doc, t.lex & (kLexFirst | kLexSurname | kLexPlace | kLexLower));
  rows[n++] = Row(34, m1.flags & (kInfCap | kInfPunct), t.flags & (kInfCap | kInfFirstWord),
                  q1.flags & (kInfCap | kInfPunct));
  rows[n++] = Row(36, t.word, t.flags & kInfFirstWord ? 1 : 2);
  return n;
}

int ExtractDynamic(const std::vector<TokenInfo>& info, int begin, int end, int i, int p1, int p2,
                   uint32_t* rows) {
  int n = 0;
  const TokenInfo& t = info[i];
  const TokenInfo& m1 = i - 1 >= begin ? info[i - 1] : PadInfo();
  const uint64_t P1 = static_cast<uint64_t>(p1 + 2), P2 = static_cast<uint64_t>(p2 + 2);
  rows[n++] = Row(15, P1);
  rows[n++] = Row(16, P1, P2);
  rows[n++] = Row(17, P1, t.word);
  rows[n++] = Row(18, P1, t.short_shape);
  for (uint32_t lex = m1.lex & kLexMask; lex; lex &= lex - 1)
    rows[n++] = Row(27, lex & (~lex + 1), P1);
  for (int c = 0; c < kNumGazCats; ++c) {
    const uint32_t gm = (m1.gaz >> (3 * c)) & 7;
    if (gm) rows[n++] = Row(30, c, gm, P1);
  }
  return n;
}

int ExtractFeatures(const std::vector<TokenInfo>& info, int begin, int end, int i, int p1,
                    int p2, uint32_t* rows) {
  const int n = ExtractStatic(info, begin, end, i, rows);
  return n + ExtractDynamic(info, begin, end, i, p1, p2, rows + n);
}

// ------------------------------------------------------------------ model

const Model& Model::Default() {
  static const Model* model = [] {
    Model* m = new Model();
    m->Load(EmbeddedData("ner/model.bin"));
    return m;
  }();
  return *model;
}

bool Model::Load(std::string_view bytes) {
  weights_.clear();
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
  weights_.assign(size_t{1} << kRowBits, Row{});
  for (uint32_t r = 0; r < rows; ++r) {
    const char* p = bytes.data() + 32 + size_t{r} * rec;
    uint32_t row;
    std::memcpy(&row, p, 4);
    if (row >= (1u << kRowBits)) {
      weights_.clear();
      return false;
    }
    std::memcpy(weights_[row].w, p + 4, 2 * kRowWidth);
  }
  return true;
}

void Model::Score(const uint32_t* rows, int n, int32_t* scores) const {
  int32_t acc[kRowWidth] = {0};
  for (int f = 0; f < n; ++f) {
    const int16_t* w = weights_[rows[f]].w;
    for (int t = 0; t < kRowWidth; ++t) acc[t] += w[t];
  }
  scores[0] = 0;
  for (int t = 0; t < kRowWidth; ++t) scores[t + 1] = acc[t];
}

void Model::Tag(const std::vector<TokenInfo>& info, int begin, int end, int* tags) const {
  // Static features of token i+2 are hashed and prefetched while token i is
  // decided: the weight rows are random accesses into a multi-megabyte table.
  struct Pending {
    uint32_t rows[kMaxFeatures];
    int n;
  };
  Pending ring[4];
  auto prepare = [&](int i) {
    if (i >= end) return;
    Pending& p = ring[i & 3];
    if (Gated(info[i].flags, info[i].lex, 0)) {  // most likely never scored
      p.n = -1;
      return;
    }
    p.n = ExtractStatic(info, begin, end, i, p.rows);
    for (int f = 0; f < p.n; ++f) __builtin_prefetch(&weights_[p.rows[f]]);
  };
  prepare(begin);
  prepare(begin + 1);
  int32_t scores[kNumTags];
  uint32_t dyn[kMaxFeatures];
  int p1 = -1, p2 = -1;
  for (int i = begin; i < end; ++i) {
    prepare(i + 2);
    if (Gated(info[i].flags, info[i].lex, p1)) {
      tags[i - begin] = 0;
      p2 = p1;
      p1 = 0;
      continue;
    }
    Pending& p = ring[i & 3];
    if (p.n < 0) p.n = ExtractStatic(info, begin, end, i, p.rows);
    const int nd = ExtractDynamic(info, begin, end, i, p1, p2, dyn);
    int32_t acc[kRowWidth] = {0};
    for (int f = 0; f < p.n; ++f) {
      const int16_t* w = weights_[p.rows[f]].w;
      for (int t = 0; t < kRowWidth; ++t) acc[t] += w[t];
    }
    for (int f = 0; f < nd; ++f) {
      const int16_t* w = weights_[dyn[f]].w;
      for (int t = 0; t < kRowWidth; ++t) acc[t] += w[t];
    }
    scores[0] = 0;
    for (int t = 0; t < kRowWidth; ++t) scores[t + 1] = acc[t];
    const bool* allowed = kTagTable.allowed[i + 1 == end][p1 + 1];
    int best = -1;
    for (int t = 0; t < kNumTags; ++t) {
      if (!allowed[t]) continue;
      if (best < 0 || scores[t] > scores[best]) best = t;
    }
    tags[i - begin] = best;
    p2 = p1;
    p1 = best;
  }
}

}  // namespace ner
}  // namespace factlens
