// Per-token features of a paragraph (ComputeTokenInfo) and document-level
// casing evidence (DocEvidence), shared by the tagger, the rules and the trainer.
#include "entities/model.h"

#include <algorithm>
#include <array>

#include <unicode/uchar.h>

#include "entities/tokens.h"

namespace factlens {
namespace ner {

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

inline bool IsNumberInfo(const TokenInfo& t) {
  return (t.flags & kInfDigit) && !(t.flags & kInfHasLetter);
}

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

// Hash of n folded units, with the length asked for (a shorter stem gives
// fewer units than asked).
inline uint32_t AffixHash(const char16_t* folded, int n, int asked) {
  uint64_t a = kFnvBasis;
  for (int k = 0; k < n; ++k) a = FnvAdd(a, folded[k]);
  return Hash32(a ^ static_cast<uint64_t>(asked));
}

// The prefix and suffix features of the stem [b, stem_end): the hashes of its
// first three and of its last two, three and four folded units (each unit
// folded once).
void AffixHashes(const std::u16string& text, int b, int stem_end, Spelling* sp) {
  const int len = std::max(stem_end - b, 0);
  char16_t head[3], tail[4];
  const int nh = std::min(len, 3), nt = std::min(len, 4);
  for (int k = 0; k < nh; ++k) head[k] = FoldUnit(text[b + k]);
  for (int k = 0; k < nt; ++k) tail[k] = FoldUnit(text[stem_end - nt + k]);
  sp->pre3 = AffixHash(head, nh, 3);
  const int n2 = std::min(nt, 2), n3 = std::min(nt, 3);
  sp->suf2 = AffixHash(tail + nt - n2, n2, 2);
  sp->suf3 = AffixHash(tail + nt - n3, n3, 3);
  sp->suf4 = AffixHash(tail, nt, 4);
}

// An Arabic article in lower case glued by a hyphen to a capitalised name
// ("al-Assad", "el-Sisi"; data/ner/name_articles.txt) is written as a
// capitalised name: the tagger and the rules read the token as one.
bool ArticleLedName(const std::u16string& text, int b, int e) {
  int h = b + 1;
  while (h < e && h - b <= 3 && text[h] != u'-') ++h;
  if (h + 1 >= e || text[h] != u'-' || Classify(text[h + 1]) != kClsUpper) return false;
  static const WordList kArticles("ner/name_articles.txt");
  return kArticles.Has(std::u16string_view(text).substr(b, h - b));
}

// The lower-case words that join the parts of a name: "bin", "ibn" and "bint"
// between two capitalised words ("Osama bin Laden"), "al" and "el" written apart
// before one ("al Qaeda", "Samir al Haddad", invented), and one or two particles
// of name_particles.txt between two ("Ana de Souza", "Pieter van der Merwe",
// invented). They are marked capitalised, so that the name is one run of
// capitalised words.
void MarkNameConnectors(const std::u16string& text, const std::vector<Token>& toks,
                        std::vector<TokenInfo>* out) {
  std::vector<TokenInfo>& info = *out;
  const int n = static_cast<int>(info.size());
  auto cap_word = [&](int k) {
    return k >= 0 && k < n && (info[k].flags & kInfCap) && (info[k].flags & kInfHasLetter);
  };
  static const WordList kParticles("ner/name_particles.txt");
  auto word = [&](int k) {
    return std::u16string_view(text.data() + toks[k].begin, toks[k].end - toks[k].begin);
  };
  auto spaced = [&](int k) {
    return (info[k].flags & kInfSpaceBefore) && (info[k].flags & kInfSpaceAfter);
  };
  for (int i = 0; i + 1 < n; ++i) {
    TokenInfo& t = info[i];
    if ((t.flags & kInfCap) || !spaced(i)) continue;
    const bool prev_cap = cap_word(i - 1), next_cap = cap_word(i + 1);
    if (!prev_cap && !next_cap) continue;  // most words: nothing to join
    const std::u16string_view w = word(i);
    if (next_cap && IsArabicArticleApart(w)) {
      t.flags |= kInfCap;  // the article belongs to the name, as in "Al Qaeda"
      continue;
    }
    if (!prev_cap) continue;
    if (next_cap && IsArabicConnector(w)) {
      t.flags |= kInfCap | kInfJoint;
      continue;
    }
    // a run of particles ("van der") between two capitalised words
    int j = i;
    while (j < n && !(info[j].flags & kInfCap) && spaced(j) && kParticles.HasStem(info[j].word))
      ++j;
    if (j == i || j - i > 2 || !cap_word(j) || word(j) == u"I") continue;
    for (int k = i; k < j; ++k) info[k].flags |= kInfCap | kInfJoint;
    i = j - 1;
  }
}

// The features of token i that depend on it alone; its stem hash and its full
// hash (stem plus possessive) go to *stem_hash and *full_hash.
void OneTokenInfo(const std::u16string& text, const Token& t, bool first, const Lexicon& lex,
                  TokenInfo* inf, Spelling* sp, uint64_t* stem_hash, uint64_t* full_hash) {
  const int b = t.begin, e = t.end, len = e - b;
  if (first) inf->flags |= kInfParaStart;
  if (b > 0 && IsSpace16(text[b - 1])) inf->flags |= kInfSpaceBefore;
  if (e < static_cast<int>(text.size()) && IsSpace16(text[e])) inf->flags |= kInfSpaceAfter;
  if (len > static_cast<int>(kMaxLexLen)) inf->flags |= kInfLong;
  const int stem_end = StemEnd(text, b, e, inf);
  const CharScan c = ScanChars(text, b, e, stem_end);
  if (c.inner_cap) inf->flags |= kInfInnerCap;
  if (c.short_shape == FnvAdd(kFnvBasis, u',')) inf->flags |= kInfCommas;
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
  if (len > 3 && t.Has(kTokHyphenated) && Classify(text[b]) == kClsLower &&
      ArticleLedName(text, b, e))
    inf->flags |= kInfCap;
  if (c.upper >= 2 && c.lower == 0) inf->flags |= kInfAllCaps;
  inf->word = c.stem;
  if (sp) {
    sp->shape = Hash32(c.shape);
    sp->short_shape = Hash32(c.short_shape);
    AffixHashes(text, b, stem_end, sp);
  }
  if (letters > 0 && !(inf->flags & kInfLong)) inf->lex = lex.Lookup(KeyAdd(kKeySeed, c.stem));
  // A name listed with its 's ("McDonald's", "Moody's") is no possessive.
  if ((inf->flags & kInfPossessive) && !(inf->flags & kInfLong)) {
    const uint32_t whole = lex.Lookup(KeyAdd(kKeySeed, full));
    if (whole & (kLexOrg | kLexOutlet)) {
      inf->flags &= ~kInfPossessive;
      inf->word = full;
      *stem_hash = full;
      inf->lex = whole;
    }
  }
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
  // Organisations and outlets are taken as written (CasedName): a listed "X" followed by
  // a lower-case "news agency" is "X", not a folded "X News Agency" the rules then refuse.
  // Read only when such an entry matches: tokens up to `checked` are known cased.
  bool cased = true;
  int checked = i;
  auto cased_to = [&](int j) {
    for (; cased && checked < j; ++checked) {
      const Token& t = toks_[checked + 1];
      cased = !UncasedWord(out_[checked + 1],
                           std::u16string_view(text_).substr(t.begin, t.end - t.begin));
    }
    return cased;
  };
  constexpr uint32_t kAsWritten = kLexOrg | kLexOutlet;
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
    const bool as_written_ok = !(bits & kAsWritten) || cased_to(j);
    for (int c = 0; c < kNumGazCats; ++c)
      if ((bits & kGazCats[c]) && (as_written_ok || (c != kGazOrg && c != kGazOutlet)))
        (*best)[c] = j;
    if (tj.flags & kInfPossessive) break;
  }
}

}  // namespace

void ComputeTokenInfo(const std::u16string& text, const ParagraphText& pt, const Lexicon& lex,
                      std::vector<TokenInfo>* out, Spelling* spelling) {
  const std::vector<Token>& toks = pt.tokens;
  const int n = static_cast<int>(toks.size());
  out->assign(n, TokenInfo{});
  MarkFirstWords(text, pt, out);
  struct Hashes {
    uint64_t stem = 0, full = 0;
  };
  std::vector<Hashes> hashes(n);  // one buffer for both
  for (int i = 0; i < n; ++i)
    OneTokenInfo(text, toks[i], i == 0, lex, &(*out)[i], spelling ? spelling + i : nullptr,
                 &hashes[i].stem, &hashes[i].full);
  MarkNameConnectors(text, toks, out);
  GazetteerScan gaz(text, toks, lex, out);
  for (int i = 0; i < n; ++i) {
    const TokenInfo& start = (*out)[i];
    if (!(start.flags & kInfHasLetter) || (start.flags & kInfLong)) continue;
    if (start.flags & kInfCap) gaz.At(i, hashes[i].stem, hashes[i].full);
  }
  // The same for a one-word match of the organisation lists (see above).
  for (TokenInfo& t : *out) {
    constexpr uint32_t kOrgGaz = 7u << (3 * kGazOrg);
    if (CommonOpener(t.lex) && (t.flags & kInfFirstWord) &&
        (t.gaz & kOrgGaz) == (static_cast<uint32_t>(1 + kU) << (3 * kGazOrg)))
      t.gaz &= ~kOrgGaz;
  }
}

void DocEvidence::Collect(const std::vector<TokenInfo>& info) {
  const int n = static_cast<int>(info.size());
  for (int i = 0; i < n; ++i) {
    const TokenInfo& t = info[i];
    if (!(t.flags & kInfHasLetter) || (t.flags & kInfDigit)) continue;
    uint8_t bits = 0;
    const bool cap = (t.flags & kInfCap) && !(t.flags & kInfJoint);  // "de" stays lower case
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
  CollectCues(info);
}

// A name next to a speech verb ("Smith said", "said John Smith") or before an
// apposition with a role or an age ("X, the chief executive of", "X, 45,").
void DocEvidence::CollectCues(const std::vector<TokenInfo>& info) {
  const int n = static_cast<int>(info.size());
  for (int k = 0; k < n; ++k) {
    const TokenInfo& t = info[k];
    if ((t.lex & kLexSpeech) && !(t.flags & kInfCap)) {
      if (k > 0 && (t.flags & kInfSpaceBefore)) MarkRun(info, k - 1, -1, kDocSpeaker);
      if (k + 1 < n && (info[k + 1].flags & kInfSpaceBefore)) MarkRun(info, k + 1, 1, kDocSpeaker);
    } else if (k > 0 && (t.flags & kInfPunct) && IsAppositionAt(info, k)) {
      MarkRun(info, k - 1, -1, kDocApposRole);
    }
  }
}

// Whether token k is a comma opening an apposition with a role ("a spokesman
// for", "the chief executive of", "Harvard professor") or an age (", 45,").
// The text is not at hand: the comma is known by its flag (kInfCommas).
bool DocEvidence::IsAppositionAt(const std::vector<TokenInfo>& info, int k) {
  if (!(info[k].flags & kInfCommas)) return false;
  const int n = static_cast<int>(info.size());
  if (k + 2 < n && IsNumberInfo(info[k + 1]) && (info[k + 2].flags & kInfCommas)) return true;
  for (int j = k + 1; j < n && j <= k + 5; ++j) {
    const TokenInfo& u = info[j];
    if (u.flags & kInfPunct) return false;
    if ((u.lex & (kLexRole | kLexTitle)) && !(u.flags & kInfCap)) return true;
  }
  return false;
}

// Marks the run of capitalised words from token i (towards step = -1 or +1):
// at most four, not common words or titles.
void DocEvidence::MarkRun(const std::vector<TokenInfo>& info, int i, int step, uint8_t bit) {
  const int n = static_cast<int>(info.size());
  for (int c = 0; c < 4 && i >= 0 && i < n; ++c, i += step) {
    const TokenInfo& t = info[i];
    if (!(t.flags & kInfCap) || !(t.flags & kInfHasLetter) || (t.flags & kInfDigit)) return;
    if (t.lex & (kLexLower | kLexTitle)) return;
    bits_[t.word] |= bit;
    // the next word of the run must be separated by a space
    const TokenInfo& later = step > 0 ? (i + 1 < n ? info[i + 1] : t) : t;
    if (step > 0 && !(later.flags & kInfSpaceBefore)) return;
    if (step < 0 && !(t.flags & kInfSpaceBefore)) return;
  }
}

void DocEvidence::Apply(std::vector<TokenInfo>* info) const {
  for (TokenInfo& t : *info) {
    if (!(t.flags & kInfHasLetter)) continue;
    if (const uint8_t* bits = bits_.Find(t.word)) t.doc = *bits;
  }
}

}  // namespace ner
}  // namespace factlens
