// Internal: the statistical named-entity tagger behind EntityRecognizer
// (entities.h), shared by the runtime and the training tool
// (analysis/tools/train_ner.cc) so that both compute exactly the same features
// over exactly the same tokens (SegmentParagraph, text.h). Implemented in
// lexicon.cc (Lexicon, folding and hashing), token_info.cc (ComputeTokenInfo,
// DocEvidence), model.cc (tag constraints, features, Model) and doc_labels.cc
// (DocLabels, TagDocument: the document-level second pass).
//
// Model: a greedy left-to-right averaged perceptron over BILOU tags for four
// types (17 tags), with hashed features into a fixed weight table of
// 2^kRowBits rows x 17 tags (int16 at run time). Tagging allocates nothing
// beyond the per-paragraph token-info vector and runs in time linear in the
// number of tokens.
//
// Model file (analysis/data/ner/model.bin, little-endian):
//   char magic[8] = "FLNERMDL"; uint32 version (= kModelVersion);
//   uint32 feature_version (= kFeatureVersion); uint32 row_bits; uint32 num_tags;
//   float scale (weight = int16 / scale); uint32 num_rows;
//   num_rows x { uint32 row; int16 w[num_tags - 1]; }   (rows ascending, others zero)
// The O tag's weights are subtracted from every tag before export (argmax is
// unchanged), so a row holds the 16 non-O tags: 32 bytes, one cache line half.
//
// Thread-safety: Lexicon and Model are immutable after loading; all functions
// taking them by const reference may run on several threads at once.
#ifndef FACTLENS_SRC_ENTITIES_MODEL_H_
#define FACTLENS_SRC_ENTITIES_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/word_map.h"
#include "factlens/text.h"

namespace factlens {
namespace ner {

constexpr uint32_t kModelVersion = 2;
constexpr uint32_t kFeatureVersion = 7;
constexpr int kNumTypes = 4;  // PERSON, ORG, PLACE, MISC (EntityType order)
constexpr int kNumTags = 1 + 4 * kNumTypes;
constexpr int kRowBits = 19;

// Tag layout: 0 = O; for type t: B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t.
enum Part : int { kB = 0, kI = 1, kL = 2, kU = 3 };
inline int MakeTag(int type, int part) { return 1 + 4 * type + part; }
inline int TagType(int tag) { return tag == 0 ? -1 : (tag - 1) / 4; }
inline int TagPart(int tag) { return tag == 0 ? -1 : (tag - 1) % 4; }
// Whether `tag` may follow `prev` (-1 = sentence start); `last`: final token.
bool TagAllowed(int prev, int tag, bool last);
// TagAllowed as a table, for the tagger's inner loop: the tags that may follow
// prev, in increasing order, are tags[last][prev + 1][0, count[last][prev + 1]).
struct TagTable {
  int8_t tags[2][kNumTags + 1][kNumTags];
  int8_t count[2][kNumTags + 1];
  TagTable();
};
extern const TagTable kTagTable;

// Lexicon categories (bits of Lexicon lookups and TokenInfo::lex).
enum LexBit : uint32_t {
  kLexPlace = 1u << 0,      // GeoNames / subdivisions / extra places
  kLexCountry = 1u << 1,    // ISO 3166 names
  kLexFirst = 1u << 2,      // first names (census)
  kLexSurname = 1u << 3,    // surnames (census)
  kLexDemonym = 1u << 4,    // "Chinese", "South Korean"
  kLexTitle = 1u << 5,      // "President", "Prime Minister", "Mr"
  kLexOrgSuffix = 1u << 6,  // "Ministry", "University", "Herald"
  kLexOutlet = 1u << 7,     // "Reuters", "Korea Herald"
  kLexOutletWord = 1u << 8,  // "Herald", "News", "Television"
  kLexLower = 1u << 9,      // a common lower-case English word
  kLexMale = 1u << 10,      // first name / title implies male
  kLexFemale = 1u << 11,    // first name / title implies female
  kLexGenderWord = 1u << 12,  // "wife", "spokesman" (gender in kLexMale/kLexFemale)
  kLexOrg = 1u << 13,       // a well-known organisation ("Volkswagen", "Federal Reserve")
  kLexCommon = 1u << 14,    // a listed name that is also a common word ("Apple", "Shell"):
                            // second column "common" in the lists; not a tagger feature
  kLexCompany = 1u << 15,   // a company-form suffix ("Technology", "Corp"): second column
                            // "company" in org_suffixes.txt; not a tagger feature
  kLexDict = 1u << 16,      // a lower-case word of an English dictionary (dict_words.txt)
  kLexDictName = 1u << 17,  // a capitalised entry of that dictionary (dict_names.txt);
                            // not a tagger feature (measured: no gain)
  kLexCalendar = 1u << 18,  // a month or weekday name (calendar_words.txt); not a feature
  kLexPlaceWord = 1u << 19,  // a geographic feature word (place_words.txt); not a feature
  kLexSpeech = 1u << 20,    // a speech verb ("said", "told": speech_verbs.txt); not a feature
  kLexRole = 1u << 21,      // a role noun of an apposition ("spokesman", "professor":
                            // apposition_roles.txt); not a feature
};
// Whether a capitalised word opening a sentence is more likely a common word than
// a name: a listed name flagged "common" ("Shell"), or a dictionary word that the
// dictionary does not also list as a name ("Rival", "Meta"; not "Intel", "China").
inline bool CommonOpener(uint32_t lex) {
  return (lex & kLexCommon) || ((lex & (kLexLower | kLexDict)) && !(lex & kLexDictName));
}
// Categories matched over several tokens (position features B/I/L/U).
constexpr int kNumGazCats = 7;
constexpr uint32_t kGazCats[kNumGazCats] = {kLexPlace, kLexCountry, kLexDemonym, kLexTitle,
                                           kLexOutlet, kLexOrgSuffix, kLexOrg};
constexpr int kGazOrg = 6;  // index of kLexOrg in kGazCats
constexpr uint32_t kGazNotPlace = ~uint32_t{7};  // TokenInfo::gaz: every category but places'
constexpr int kGazCountry = 1, kGazDemonym = 2, kGazTitle = 3, kGazOutlet = 4;  // and of these
// TokenInfo::gaz bits of one category (3 a category)
constexpr uint32_t GazBits(int category) { return uint32_t{7} << (3 * category); }

// Case-folded name lists compiled in from analysis/data/ner/*.txt.
//
// Default() uses the flat image generated at build time from those lists
// (embedded as "ner/lexicon.flat", see analysis/CMakeLists.txt): its tables are
// used in place, nothing is parsed. Without it (the build step's own bootstrap
// library) the lists are parsed.
class Lexicon {
 public:
  static const Lexicon& Default();
  Lexicon();  // the flat image if embedded, else parses the embedded lists
  explicit Lexicon(bool parse_lists);  // true: always parse the lists
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  // The flat image of this lexicon (format in lexicon.cc); FromFlat reads it in
  // place (the bytes must outlive the lexicon, 8-byte aligned); false if invalid.
  std::string Flat() const;
  bool FromFlat(std::string_view bytes);
  // Bits of the entry whose folded, whitespace-normalised text hashes to `key`.
  uint32_t Lookup(uint64_t key) const;
  int max_pieces() const { return max_pieces_; }
  // Whether some entry of two or more pieces starts with this piece (hash).
  bool MayStartPhrase(uint64_t piece_hash) const;

 private:
  // Adds a UTF-8 entry: pieces separated by spaces, case folded.
  // (Into pending_: FillSlots sizes the table once every entry is known.)
  void Add(std::string_view utf8, uint32_t bits);
  void FillSlots();
  void Insert(uint64_t key, uint32_t bits);
  void ParseLists();
  // Open addressing; each slot packs the key's upper 40 bits and 24 value bits.
  static constexpr int kValueBits = 24;
  static constexpr uint64_t kValueMask = (uint64_t{1} << kValueBits) - 1;
  // The key's slot tag: its upper 40 bits, never 0 (an empty slot).
  static uint64_t TagOf(uint64_t key) {
    const uint64_t tag = key & ~kValueMask;
    return tag == 0 ? kValueMask + 1 : tag;
  }
  // The tables: in owned_* when parsed, else in the embedded flat image.
  const uint64_t* slots_ = nullptr;
  uint64_t mask_ = 0;
  // The common lower-case words (most running text) again, in a small table
  // that stays in cache; same packing, complete bits.
  const uint64_t* hot_ = nullptr;
  uint64_t hot_mask_ = 0;
  const uint64_t* prefix_ = nullptr;  // bitset over first pieces of phrases
  uint64_t prefix_mask_ = 0;
  int max_pieces_ = 1;
  std::vector<uint64_t> owned_slots_, owned_hot_, owned_prefix_;
  std::vector<std::pair<uint64_t, uint32_t>> pending_;  // (key, bits) while parsing
};

// Hashing of folded text; a lexicon key is KeyAdd(KeyAdd(kKeySeed, piece1), piece2)...
constexpr uint64_t kFnvBasis = 1469598103934665603ull;
inline uint64_t FnvAdd(uint64_t h, char16_t c) {
  return (h ^ static_cast<uint64_t>(c)) * 1099511628211ull;
}
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}
constexpr uint64_t kKeySeed = 0x5bd1e9955bd1e995ull;
inline uint64_t KeyAdd(uint64_t key, uint64_t piece_hash) {
  return Mix64(key * 31 + piece_hash);
}
// Whether the tagger scores token i at all: punctuation and common lower-case
// words outside an open entity are O without scoring (most of running text).
inline bool Gated(uint32_t flags, uint32_t lex, int prev_tag);
// Simple case folding of one UTF-16 unit (BMP), typographic apostrophe -> '.
// (ASCII inline: most calls; the rest out of line.)
char16_t FoldUnitSlow(char16_t c);
inline char16_t FoldUnit(char16_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? static_cast<char16_t>(c + 32) : c;
  return FoldUnitSlow(c);
}
// Folded hash of a whole string (one piece).
uint64_t PieceHash(std::u16string_view s);

// Token flags computed by ComputeTokenInfo.
enum InfoFlag : uint32_t {
  kInfCap = 1u << 0,         // first letter upper case
  kInfAllCaps = 1u << 1,     // all letters upper case, >= 2 letters
  kInfDigit = 1u << 2,       // contains a digit
  kInfPunct = 1u << 3,       // no letter and no digit
  kInfFirstWord = 1u << 4,   // first word of its sentence (after quotes etc.)
  kInfParaStart = 1u << 5,   // first token of the paragraph
  kInfPossessive = 1u << 6,  // ends in 's / ’s
  kInfInnerCap = 1u << 7,    // an upper-case letter after a lower-case one
  kInfHasLetter = 1u << 8,
  kInfNonLatin = 1u << 9,  // letters of a script without case (Han, Arabic...)
  kInfLong = 1u << 10,     // longer than 40 units: no lexicon lookups
  kInfSpaceBefore = 1u << 11,
  kInfSpaceAfter = 1u << 12,
  kInfCommas = 1u << 13,  // one or more commas and nothing else
  kInfJoint = 1u << 14,   // a lower-case particle read as capitalised inside a name
                          // ("bin", "de": MarkNameConnectors; not "al"): not the
                          // word's own casing for the document's evidence
};

// Document-level casing evidence (TokenInfo::doc), computed by DocEvidence.
enum DocBit : uint8_t {
  kDocLowerMid = 1 << 0,   // this word appears in lower case in the document
  kDocCapMid = 1 << 1,     // appears capitalised not as a sentence's first word
  kDocInCapSeq = 1 << 2,   // appears inside a run of >= 2 capitalised words (not first word)
  kDocAfterTitle = 1 << 3,  // appears right after a title word
  kDocSeqLast = 1 << 4,    // appears as the last word of such a run
  kDocSeqFirst = 1 << 5,   // appears as the first word of such a run
  kDocSpeaker = 1 << 6,    // in a run of capitalised words next to a speech verb
                           // ("Smith said", "said John Smith")
  kDocApposRole = 1 << 7,  // in such a run before an apposition with a role or an age
                           // ("X, the chief executive of", "X, 45,")
};
constexpr uint8_t kDocCasing = 0x3f;  // the casing bits above (without the cue bits)

// What the first tagging pass made of the same word elsewhere in the document
// (TokenInfo::label, DocLabels): the features of the second pass.
enum LabelBit : uint8_t {
  kLabPerson = 1 << 0,  // inside a PERSON elsewhere
  kLabOrg = 1 << 1,     // inside an ORG elsewhere
  kLabPlace = 1 << 2,   // inside a PLACE elsewhere
  kLabMisc = 1 << 3,    // inside a MISC elsewhere
  kLabOutside = 1 << 4,  // capitalised mid-sentence and outside any name elsewhere
  kLabSurname = 1 << 5,  // the last word of a multi-word PERSON elsewhere
  kLabFirst = 1 << 6,    // the first word of a multi-word name elsewhere
  kLabSingle = 1 << 7,   // a one-word name elsewhere
};
constexpr uint8_t kLabTypes = kLabPerson | kLabOrg | kLabPlace | kLabMisc;

struct TokenInfo {
  uint64_t word = 0;  // folded text without possessive
  uint32_t flags = 0;
  uint32_t lex = 0;       // lexicon bits of this single token
  uint32_t gaz = 0;       // 3 bits per gaz category: 0 none, 1+Part
  uint8_t doc = 0;        // DocBit
  uint8_t label = 0;      // LabelBit: set between the two tagging passes (DocLabels)
  uint8_t label_major = 0;  // 1 + the type most often given to the word elsewhere, 0 none
};

// The tagger's spelling features of one token: hashes of its shape ("Xxxxx",
// short: "Xx") and of its first three and last two to four folded letters.
// Only the tagger reads them, so they are kept apart from TokenInfo: the
// recogniser frees them once the document is tagged (they were 24 of a
// token's 48 bytes).
struct Spelling {
  uint32_t shape = 0, short_shape = 0;
  uint32_t pre3 = 0, suf2 = 0, suf3 = 0, suf4 = 0;
};

// Per-token information for one paragraph. `tokens` come from SegmentParagraph.
// `spelling`, if given, receives each token's Spelling: room for
// pt.tokens.size() of them (parallel to `out`).
void ComputeTokenInfo(const std::u16string& text, const ParagraphText& pt, const Lexicon& lex,
                      std::vector<TokenInfo>* out, Spelling* spelling = nullptr);

// Document-level evidence: call Collect for every paragraph, then Apply.
class DocEvidence {
 public:
  void Collect(const std::vector<TokenInfo>& info);
  void Apply(std::vector<TokenInfo>* info) const;

 private:
  void CollectCues(const std::vector<TokenInfo>& info);
  static bool IsAppositionAt(const std::vector<TokenInfo>& info, int k);
  void MarkRun(const std::vector<TokenInfo>& info, int i, int step, uint8_t bit);
  WordMap<uint8_t> bits_;  // word -> DocBit
};

// The labels of the first pass (doc_labels.cc): call Collect with every body
// paragraph's first-pass tags, then Apply to every paragraph to be tagged again.
// A token's label leaves out what its own occurrence contributed, and is set only
// when the word was inside a name elsewhere.
class DocLabels {
 public:
  void Collect(const std::vector<TokenInfo>& info, const int* tags);
  // Sets TokenInfo::label; `collected`: this paragraph was given to Collect.
  // Returns whether any label was set.
  bool Apply(std::vector<TokenInfo>* info, const int* tags, bool collected) const;
  bool empty() const { return counts_.empty(); }

 private:
  WordMap<std::array<uint16_t, 8>> counts_;  // word -> count per bit
};

inline bool Gated(uint32_t flags, uint32_t lex, int prev_tag) {
  const bool open = prev_tag > 0 && (TagPart(prev_tag) == kB || TagPart(prev_tag) == kI);
  if (open) return false;
  if (flags & kInfPunct) return true;
  return (lex & kLexLower) && !(flags & (kInfCap | kInfDigit));
}

// Feature hashes of token i given the two previous tags (-1 = none).
constexpr int kMaxFeatures = 96;
// `spelling` is parallel to `info` (ComputeTokenInfo): spelling[i] is token i's.
int ExtractFeatures(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                    int end, int i, int p1, int p2, uint32_t* rows);
// The part that does not depend on previous tags, and the part that does.
int ExtractStatic(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int end,
                  int i, uint32_t* rows);
int ExtractDynamic(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int end,
                   int i, int p1, int p2, uint32_t* rows);
// Their pieces. ExtractStatic: the bias row (the same for every token), then
// TokenStaticRows; ExtractDynamic: the rows of the two previous tags alone
// (TagPairRows), then TokenDynamicRows.
uint32_t BiasRow();
int TagPairRows(int p1, int p2, uint32_t* rows);
int TokenStaticRows(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                    int end, int i, uint32_t* rows);
int TokenDynamicRows(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin,
                     int i, int p1, uint32_t* rows);

class Model;

// One paragraph to tag (TagDocument): its tokens' features, its sentences, and
// where its tags go. `collect`: its first-pass tags are evidence for the
// others (body text; not headlines).
struct TagUnit {
  std::vector<TokenInfo>* info;
  const Spelling* spelling;  // parallel to *info
  const ParagraphText* pt;
  std::vector<int>* tags;
  bool collect;
};

// Tags a document in two passes (doc_labels.cc): every sentence once without
// labels (TokenInfo::label is 0 on entry, as ComputeTokenInfo leaves it); then,
// with the labels the first pass gave each word elsewhere (DocLabels), again
// every sentence holding a labelled token (Model::Retag). The run time and the
// trainer's scoring both tag through here.
void TagDocument(const Model& model, const std::vector<TagUnit>& units);

// The run-time model (int16 weights). Only the rows present in the file are
// kept (about 85k of the 2^19): a bitmap over all rows, the rank of each 64-row
// block, and the present rows in row order; an absent row weighs zero.
// Default() uses the flat image generated at build time from model.bin
// ("ner/model.flat", format in model.cc): used in place, nothing is parsed or copied.
class Model {
 public:
  static const Model& Default();  // the embedded analysis/data/ner/model.bin
  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  // Parses a model file; false (and an empty model) when it is not valid.
  bool Load(std::string_view bytes);
  // The flat image of this model; LoadFlat reads one in place (the bytes must
  // outlive the model, 32-byte aligned); false (and an empty model) if invalid.
  std::string Flat() const;
  bool LoadFlat(std::string_view bytes);
  bool empty() const { return rows_ == nullptr; }
  // Greedy BILOU decoding of tokens [begin, end) of a paragraph into tags.
  void Tag(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int end,
           int* tags) const;
  // Tag again after the labels of tokens first..last (of [begin, end)) changed
  // from 0, with `tags` as Tag left them: the same tags as Tag would give.
  // Only the features of first - 1 .. last + 1 read those labels, so the tags
  // before first - 1 stand, and from last + 2 on decoding stops as soon as the
  // two previous tags are again those of before.
  void Retag(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int end,
             int first, int last, int* tags) const;
  void Score(const uint32_t* rows, int n, int32_t* scores) const;

 private:
  static constexpr int kRowWidth = kNumTags - 1;  // 16 int16 = 32 bytes
  static constexpr size_t kBlocks = (size_t{1} << kRowBits) / 64;
  // The weights of feature row `row` (zeros when the model has none).
  const int16_t* Weights(uint32_t row) const {
    const uint64_t word = present_[row >> 6];
    const uint64_t bit = uint64_t{1} << (row & 63);
    if (!(word & bit)) return kZeroRow;
    return rows_ + size_t{kRowWidth} * (rank_[row >> 6] + Popcount(word & (bit - 1)));
  }
  // Inline without the popcnt instruction (x86-64 baseline has none; libgcc's
  // __popcountdi2 is a call and a table). PresentWeights' popcnt clone
  // (model.cc) has the compiler turn this arithmetic into the instruction.
  static uint32_t Popcount(uint64_t x) {
#ifdef __POPCNT__
    return static_cast<uint32_t>(__builtin_popcountll(x));
#else
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
#endif
  }
  // The weight rows of feature rows[0, n) that the model holds, into
  // weights (absent rows weigh zero and are left out); returns their number.
  int PresentWeights(const uint32_t* rows, int n, const int16_t** weights) const;
  // sums = base + the weight rows rows[0, n) (kRowWidth of each; base may be sums).
  static void AddRows(const int32_t* base, const int16_t* const* rows, int n, int32_t* sums);
  // Fills tag_pair_scores_ (after loading).
  void SumTagPairRows();
  // Greedy decoding of tokens [from, end) of the sentence [begin, end), whose
  // tags before `from` are in tags[0, from - begin); from token `settled` on,
  // stops once the two previous tags are those tags[] held before.
  void Decode(const std::vector<TokenInfo>& info, const Spelling* spelling, int begin, int from,
              int end, int settled, int* tags) const;
  void Clear();
  static const int16_t kZeroRow[kRowWidth];
  const uint64_t* present_ = nullptr;  // kBlocks words
  const uint32_t* rank_ = nullptr;     // kBlocks: present rows before each block
  const int16_t* rows_ = nullptr;      // kRowWidth weights per present row
  // The summed weights of the bias row and of TagPairRows(p1, p2), at
  // [(p1 + 1) * (kNumTags + 1) + p2 + 1]: the part of a token's scores that
  // only the previous tags decide.
  std::vector<std::array<int32_t, kRowWidth>> tag_pair_scores_;
  uint32_t num_rows_ = 0;
  std::vector<uint64_t> owned_present_;
  std::vector<uint32_t> owned_rank_;
  std::vector<int16_t> owned_rows_;
};

}  // namespace ner
}  // namespace factlens

#endif  // FACTLENS_SRC_ENTITIES_MODEL_H_
