// The text layer: ICU word and sentence segmentation with abbreviation
// handling, and quotation-mark pairing. See factlens/text.h and docs/text.md.
#include "factlens/text.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include "common/embedded_data.h"

namespace factlens {

// ---------------------------------------------------------------------------
// Quotation helpers
// ---------------------------------------------------------------------------

Span Quotation::InsideIn(int32_t p, const Document& doc) const {
  if (p < 0 || p >= static_cast<int32_t>(doc.paragraphs.size())) return Span{};
  if (p < open.paragraph || (closed() && p > close.paragraph)) return Span{};
  bool reopened = false;
  int32_t begin = 0;
  for (const Position& r : reopen) {
    if (r.paragraph == p) {
      begin = r.offset + 1;
      reopened = true;
    }
  }
  if (p == open.paragraph) {
    begin = open.offset + 1;
  } else if (!reopened) {
    // A closed quotation covers the paragraphs between (empty ones are
    // skipped by the carry rule); an unclosed one only its own paragraphs.
    if (!closed()) return Span{};
  }
  int32_t end = static_cast<int32_t>(doc.paragraphs[p].text.size());
  if (closed() && p == close.paragraph) end = close.offset;
  if (end < begin) return Span{};
  return Span{p, begin, end};
}

namespace {

// ---------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------

inline bool IsSpaceCp(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

inline bool IsLetterCp(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(c);
}

inline bool IsDigitCp(UChar32 c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(c);
}

inline bool IsAlnumCp(UChar32 c) { return IsLetterCp(c) || IsDigitCp(c); }

// Quotation-mark classes: marks only pair within a class.
enum QClass : uint8_t { kQNone, kQDouble, kQSingle, kQGuillemet, kQAngle, kQCorner, kQWhiteCorner };

inline QClass QuoteClass(char16_t c) {
  switch (c) {
    case u'"': case u'\u201C': case u'\u201D': case u'\u201E': case u'\u201F':
      return kQDouble;
    case u'\'': case u'\u2018': case u'\u2019': case u'\u201A': case u'\u201B':
      return kQSingle;
    case u'\u00AB': case u'\u00BB':
      return kQGuillemet;
    case u'\u2039': case u'\u203A':
      return kQAngle;
    case u'\u300C': case u'\u300D':
      return kQCorner;
    case u'\u300E': case u'\u300F':
      return kQWhiteCorner;
    default:
      return kQNone;
  }
}

// Marks that only ever close (never re-open a continued quotation).
inline bool IsPureCloser(char16_t c) {
  return c == u'\u201D' || c == u'\u2019' || c == u'\u300D' || c == u'\u300F';
}

inline bool IsOpeningContext(UChar32 c) {  // c precedes a left-flanking mark
  if (c < 0 || IsSpaceCp(c)) return true;
  if (c < 0x10000 && QuoteClass(static_cast<char16_t>(c)) != kQNone) return true;
  if (c == '/' || c == '-') return true;
  int8_t t = u_charType(c);
  return t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION || t == U_DASH_PUNCTUATION;
}

inline bool IsClosingContext(UChar32 c) {  // c follows a right-flanking mark
  if (c < 0 || IsSpaceCp(c)) return true;
  if (c < 0x10000 && QuoteClass(static_cast<char16_t>(c)) != kQNone) return true;
  return u_ispunct(c) != 0;
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

enum AbbrClass : uint8_t { kAbbrTitle, kAbbrNumeric, kAbbrOther };

struct TextData {
  std::vector<std::u16string> storage;  // owns the keys below
  // Abbreviation without its final period -> class. Keys as written and, for
  // ALL-CAPS text, upper-cased.
  std::unordered_map<std::u16string_view, AbbrClass> abbreviations;
  std::unordered_map<std::u16string_view, AbbrClass> abbreviations_upper;
  std::unordered_set<std::u16string_view> starters;  // lower case
  std::unordered_set<std::u16string_view> elisions;  // lower case, after ’

  static const TextData& Get() {
    static const TextData* data = new TextData();
    return *data;
  }

 private:
  TextData() {
    storage.reserve(1024);  // keys are views into storage: never reallocate
    for (std::string_view line : EmbeddedLines("text/abbreviations.txt")) {
      size_t sp = line.find_first_of(" \t");
      std::string_view word = line.substr(0, sp);
      std::string_view cls = sp == std::string_view::npos ? std::string_view("other")
                                                          : line.substr(line.find_first_not_of(" \t", sp));
      if (!word.empty() && word.back() == '.') word.remove_suffix(1);
      if (word.empty()) continue;
      AbbrClass c = cls == "title" ? kAbbrTitle : cls == "numeric" ? kAbbrNumeric : kAbbrOther;
      abbreviations.emplace(Keep(word, false), c);
      abbreviations_upper.emplace(Keep(word, true), c);
    }
    for (std::string_view line : EmbeddedLines("text/sentence_starters.txt"))
      starters.insert(Keep(line, false, true));
    for (std::string_view line : EmbeddedLines("text/elisions.txt"))
      elisions.insert(Keep(line, false, true));
  }

  std::u16string_view Keep(std::string_view utf8, bool upper, bool lower = false) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (upper) s.toUpper(icu::Locale::getRoot());
    if (lower) s.toLower(icu::Locale::getRoot());
    if (storage.size() == storage.capacity()) storage.reserve(storage.capacity() * 2);
    storage.emplace_back(reinterpret_cast<const char16_t*>(s.getBuffer()), s.length());
    return storage.back();
  }
};

// Lower-cases a short ASCII-or-not view into buf (for list lookups).
std::u16string_view LowerInto(const char16_t* p, int32_t n, char16_t* buf, int32_t cap) {
  if (n > cap) return {};
  for (int32_t i = 0; i < n; ++i) {
    char16_t c = p[i];
    buf[i] = c < 0x80 ? static_cast<char16_t>((c >= 'A' && c <= 'Z') ? c + 32 : c)
                      : static_cast<char16_t>(u_tolower(c) <= 0xFFFF ? u_tolower(c) : c);
  }
  return std::u16string_view(buf, n);
}

// ---------------------------------------------------------------------------
// Segmentation
// ---------------------------------------------------------------------------

struct Iterators {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  UText* utext = nullptr;
  bool ok = false;
  // Tokens are collected here and copied out at their exact size: a
  // paragraph's list is kept for the whole analysis, and reserving for the
  // longest possible list cost about a third more than the tokens.
  std::vector<Token> scratch;
  Iterators() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
    sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
    ok = U_SUCCESS(status) && words && sentences;
  }
  ~Iterators() {
    if (utext != nullptr) utext_close(utext);
  }
  // Points both iterators at text (no copy).
  bool SetText(const char16_t* text, int32_t n) {
    UErrorCode status = U_ZERO_ERROR;
    utext = utext_openUChars(utext, reinterpret_cast<const UChar*>(text), n, &status);
    if (U_FAILURE(status)) return false;
    words->setText(utext, status);
    sentences->setText(utext, status);
    return U_SUCCESS(status);
  }
};

Iterators& ThreadIterators() {
  thread_local Iterators it;
  return it;
}

inline UChar32 CpAt(const char16_t* s, int32_t n, int32_t i) {
  UChar32 c;
  U16_GET(s, 0, i, n, c);
  return c;
}

inline bool IsHyphen(char16_t c) { return c == u'-' || c == u'\u2010' || c == u'\u2011'; }

// Case flags, word/number classification.
uint16_t ClassifyWord(const char16_t* s, int32_t b, int32_t e) {
  uint16_t flags = 0;
  UChar32 first = CpAt(s, e, b);
  flags |= IsDigitCp(first) ? kTokNumber : kTokWord;
  bool seen_letter = false, any_upper = false, any_lower = false;
  for (int32_t i = b; i < e;) {
    UChar32 c;
    U16_NEXT(s, i, e, c);
    bool upper, lower;
    if (c < 0x80) {
      upper = c >= 'A' && c <= 'Z';
      lower = c >= 'a' && c <= 'z';
    } else {
      upper = u_isupper(c) || u_istitle(c);
      lower = u_islower(c);
    }
    if (!seen_letter && (upper || lower || (c >= 0x80 && u_isalpha(c)))) {
      seen_letter = true;
      if (upper) flags |= kTokUpperInitial;
    }
    any_upper |= upper;
    any_lower |= lower;
  }
  if (any_upper && !any_lower) flags |= kTokAllUpper;
  return flags;
}

bool IsAllSpace(const char16_t* s, int32_t b, int32_t e) {
  for (int32_t i = b; i < e;) {
    UChar32 c;
    U16_NEXT(s, i, e, c);
    if (!IsSpaceCp(c) && !(c >= 0x80 && u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
      return false;
  }
  return true;
}

inline bool IsApostropheChar(char16_t c) { return c == u'\'' || c == u'\u2019'; }

// Possessive ’s / 's at the end of a word token.
inline bool EndsInApostropheS(const char16_t* s, const Token& t) {
  return t.end - t.begin >= 3 && (s[t.end - 1] == u's' || s[t.end - 1] == u'S') &&
         IsApostropheChar(s[t.end - 2]);
}

// Abbreviation class of word token [b, e) followed by a period, or -1.
int AbbreviationClass(const char16_t* s, int32_t b, int32_t e, uint16_t flags, int32_t n) {
  const TextData& data = TextData::Get();
  std::u16string_view w(s + b, e - b);
  auto it = data.abbreviations.find(w);
  if (it != data.abbreviations.end()) return it->second;
  if (flags & kTokAllUpper) {
    auto up = data.abbreviations_upper.find(w);
    if (up != data.abbreviations_upper.end()) return up->second;
  }
  // A single upper-case letter: an initial ("J. K. Rowling").
  if (e - b == 1 && (flags & kTokUpperInitial)) return kAbbrOther;
  // Internal periods: "U.S", "e.g", "a.m", "Ph.D".
  for (int32_t i = b + 1; i < e - 1; ++i)
    if (s[i] == u'.') return kAbbrOther;
  return -1;
}

void Tokenize(const char16_t* s, int32_t n, Iterators& it, std::vector<Token>* tokens) {
  icu::BreakIterator& words = *it.words;
  tokens->clear();
  tokens->reserve(n / 5 + 8);
  int32_t start = 0;
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    int32_t status = words.getRuleStatus();
    if (status >= UBRK_WORD_NONE_LIMIT) {
      tokens->push_back(Token{start, end, 0});  // flags below
      tokens->back().flags = ClassifyWord(s, start, end);
      continue;
    }
    char16_t c = s[start];
    if (c == u' ' || ((c >= 0x80 || c < 0x20) && IsAllSpace(s, start, end))) continue;
    // ICU sometimes leaves a letter/digit token with status NONE (e.g. a
    // lone combining sequence); classify by content.
    UChar32 cp = CpAt(s, n, start);
    uint16_t flags = IsAlnumCp(cp) ? ClassifyWord(s, start, end) : static_cast<uint16_t>(kTokPunct);
    if (QuoteClass(c) != kQNone && end - start == 1) flags |= kTokQuote;
    tokens->push_back(Token{start, end, flags});
  }
  // Joins: hyphenated words and abbreviations with their period (in place).
  std::vector<Token>& t = *tokens;
  size_t w = 0;
  const size_t count = t.size();
  for (size_t r = 0; r < count; ++r) {
    Token tok = t[r];
    if (tok.flags & kTokWord) {
      // Letter-initial word, hyphen, word or number, all adjacent.
      bool joined = false;
      while (r + 2 < count && t[r + 1].begin == tok.end && t[r + 1].end == tok.end + 1 &&
             IsHyphen(s[tok.end]) && t[r + 2].begin == tok.end + 1 &&
             (t[r + 2].flags & (kTokWord | kTokNumber))) {
        tok.end = t[r + 2].end;
        r += 2;
        joined = true;
      }
      if (joined) tok.flags = ClassifyWord(s, tok.begin, tok.end) | kTokHyphenated;
      // Abbreviation: word + adjacent ".".
      if (r + 1 < count && t[r + 1].begin == tok.end && t[r + 1].end == tok.end + 1 &&
          s[tok.end] == u'.') {
        int cls = AbbreviationClass(s, tok.begin, tok.end, tok.flags, n);
        bool join = cls >= 0;
        if (cls == kAbbrNumeric) {
          // Only before a number ("No. 10", "No.10").
          join = r + 2 < count && (t[r + 2].flags & kTokNumber) && t[r + 2].begin <= tok.end + 3;
        }
        if (join) {
          tok.end += 1;
          tok.flags |= kTokAbbreviation;
          ++r;
        }
      }
      if (!(tok.flags & kTokAbbreviation) && EndsInApostropheS(s, tok)) tok.flags |= kTokPossessive;
    }
    t[w++] = tok;
  }
  t.resize(w);
}

// The class of the abbreviation token (for sentence decisions).
int AbbreviationClassOfToken(const char16_t* s, const Token& t) {
  return AbbreviationClass(s, t.begin, t.end - 1, t.flags, t.end);
}

bool IsSentenceStarter(const char16_t* s, const Token& t) {
  return IsSentenceStarterWord(std::u16string_view(s + t.begin, t.end - t.begin));
}

// Whether an ICU sentence boundary after abbreviation token `prev` stands.
bool KeepBoundaryAfterAbbreviation(const char16_t* s, const Token& prev, const Token* next) {
  int cls = AbbreviationClassOfToken(s, prev);
  if (cls == kAbbrTitle || cls == kAbbrNumeric) return false;
  if (next == nullptr) return true;
  if (next->flags & kTokWord) {
    if (!(next->flags & kTokUpperInitial)) return false;
    return IsSentenceStarter(s, *next);
  }
  if (next->flags & kTokNumber) return false;
  // Punctuation: an opening quote or bracket usually starts a new sentence.
  return true;
}

inline bool IsLowerStart(const char16_t* s, int32_t n, const Token& t) {
  UChar32 c = CpAt(s, n, t.begin);
  return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c);
}

void Sentences(const char16_t* s, int32_t n, Iterators& it, ParagraphText* out) {
  std::vector<Token>& tokens = out->tokens;
  out->sentences.clear();
  if (tokens.empty()) return;
  icu::BreakIterator& sent = *it.sentences;
  size_t tok = 0;  // first token of the current sentence
  size_t scan = 0;
  int32_t begin = 0;
  for (int32_t b = sent.next();; b = sent.next()) {
    bool at_end = b == icu::BreakIterator::DONE || b >= n;
    if (!at_end) {
      // Tokens before b.
      while (scan < tokens.size() && tokens[scan].begin < b) ++scan;
      if (scan == tok) continue;  // nothing in this piece yet (spaces)
      const Token& prev = tokens[scan - 1];
      const Token* next = scan < tokens.size() ? &tokens[scan] : nullptr;
      if ((prev.flags & kTokAbbreviation) && prev.end <= b) {
        if (!KeepBoundaryAfterAbbreviation(s, prev, next)) continue;
      }
      // “Is it?” he asked.: ICU ends a sentence after ?/! and a closing
      // quote even before a lower-case word.
      if (next != nullptr && (next->flags & kTokWord) && !(next->flags & kTokUpperInitial) &&
          IsLowerStart(s, n, *next) && (prev.flags & kTokPunct)) {
        // Only after a closing quote or bracket: web text also starts real
        // sentences in lower case after a bare "?" ("huh? yuck").
        char16_t pc = s[prev.begin];
        if (pc == u')' || (QuoteClass(pc) != kQNone && pc != u'\u201C' && pc != u'\u2018' &&
                           pc != u'\u201E'))
          continue;
      }
    } else {
      scan = tokens.size();
      if (scan == tok) break;
    }
    Sentence sentence;
    sentence.first_token = static_cast<int32_t>(tok);
    sentence.end_token = static_cast<int32_t>(scan);
    sentence.begin = std::max(begin, tokens[tok].begin);
    sentence.end = tokens[scan - 1].end;
    tokens[tok].flags |= kTokSentenceStart;
    for (size_t k = tok; k < scan; ++k) {
      if (tokens[k].flags & (kTokWord | kTokNumber)) {
        tokens[k].flags |= kTokFirstWord;
        break;
      }
    }
    out->sentences.push_back(sentence);
    tok = scan;
    if (at_end) break;
    begin = b;
  }
}

void SegmentInto(const std::u16string& text, ParagraphText* out) {
  const char16_t* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  out->tokens.clear();
  out->sentences.clear();
  if (n == 0) return;
  Iterators& it = ThreadIterators();
  if (!it.ok || !it.SetText(s, n)) return;
  Tokenize(s, n, it, &it.scratch);
  out->tokens.assign(it.scratch.begin(), it.scratch.end());
  if (it.scratch.capacity() > 65536) std::vector<Token>().swap(it.scratch);  // a giant paragraph
  Sentences(s, n, it, out);
}

// ---------------------------------------------------------------------------
// Quotation pairing
// ---------------------------------------------------------------------------

struct ParaRef {
  const char16_t* s;
  int32_t n;
  ParagraphKind kind;
};

struct OpenQuote {
  int32_t quotation;  // index into quotations
  int32_t mark;       // index into marks of the opener
  QClass cls;
};

bool CanCarry(ParagraphKind a, ParagraphKind b) {
  auto blocked = [](ParagraphKind k) {
    return k == ParagraphKind::kHeading || k == ParagraphKind::kTableCell ||
           k == ParagraphKind::kCaption;
  };
  if (blocked(a) || blocked(b)) return false;
  if (a == b) return true;
  auto bodyish = [](ParagraphKind k) {
    return k == ParagraphKind::kBody || k == ParagraphKind::kListItem;
  };
  return bodyish(a) && bodyish(b);
}

class Pairer {
 public:
  explicit Pairer(TextLayer* layer) : layer_(layer) {}

  void Run(const std::vector<ParaRef>& paras) {
    int32_t prev_nonempty = -1;
    for (int32_t p = 0; p < static_cast<int32_t>(paras.size()); ++p) {
      const ParaRef& para = paras[p];
      int32_t first = 0;
      while (first < para.n && IsSpaceCp(CpAt(para.s, para.n, first))) first += U16_LENGTH(CpAt(para.s, para.n, first));
      if (first >= para.n) continue;  // empty: neither carries nor breaks a carry
      int32_t skip_until = 0;
      if (!stack_.empty()) {
        skip_until = Carry(prev_nonempty >= 0 ? paras[prev_nonempty].kind : para.kind, p, para, first);
      }
      ScanParagraph(p, para, skip_until);
      prev_nonempty = p;
    }
    CloseAllUnbalanced();
    for (int32_t i = 0; i < static_cast<int32_t>(layer_->marks.size()); ++i)
      if (layer_->marks[i].role == MarkRole::kUnbalanced) layer_->unbalanced.push_back(i);
  }

 private:
  // Paragraph p starts (at `first`) after a paragraph that left quotes open.
  // Returns the offset up to which marks were consumed as re-openers.
  int32_t Carry(ParagraphKind prev_kind, int32_t p, const ParaRef& para, int32_t first) {
    size_t carried = 0;
    int32_t i = first;
    if (CanCarry(prev_kind, para.kind)) {
      while (carried < stack_.size() && i < para.n) {
        char16_t c = para.s[i];
        QClass cls = QuoteClass(c);
        if (cls == kQNone || cls != stack_[carried].cls || IsPureCloser(c)) break;
        // Left-flanking: something follows the mark.
        if (i + 1 >= para.n) break;
        ++carried;
        ++i;
        while (i < para.n && para.s[i] == u' ') ++i;  // "“ ‘" with a space
      }
    }
    // Quotes not re-opened are unbalanced (outer ones first lose the inner).
    if (carried == 0) {
      CloseAllUnbalanced();
      return 0;
    }
    while (stack_.size() > carried) PopUnbalanced();
    i = first;
    for (size_t k = 0; k < carried; ++k) {
      while (para.s[i] == u' ') ++i;
      int32_t q = stack_[k].quotation;
      layer_->quotations[q].reopen.push_back(Position{p, i});
      layer_->marks.push_back(QuoteMark{Position{p, i}, para.s[i], MarkRole::kReopen, q});
      ++i;
    }
    return i;
  }

  void PopUnbalanced() {
    const OpenQuote& o = stack_.back();
    layer_->marks[o.mark].role = MarkRole::kUnbalanced;
    Pop();
  }
  void Pop() {
    by_class_[stack_.back().cls].pop_back();
    stack_.pop_back();
  }
  void CloseAllUnbalanced() {
    while (!stack_.empty()) PopUnbalanced();
  }

  int FindOpen(QClass cls) const {
    // Per-class stacks keep this O(1) (a stray closer must not scan a deep
    // stack of other-class openers).
    const std::vector<int32_t>& v = by_class_[cls];
    return v.empty() ? -1 : v.back();
  }

  void Open(int32_t p, int32_t off, char16_t c, QClass cls) {
    int32_t q = static_cast<int32_t>(layer_->quotations.size());
    Quotation quote;
    quote.open = Position{p, off};
    quote.open_mark = c;
    quote.single = cls == kQSingle || cls == kQAngle || cls == kQCorner;
    quote.depth = static_cast<int32_t>(stack_.size());
    layer_->quotations.push_back(std::move(quote));
    int32_t m = static_cast<int32_t>(layer_->marks.size());
    layer_->marks.push_back(QuoteMark{Position{p, off}, c, MarkRole::kOpen, q});
    by_class_[cls].push_back(static_cast<int32_t>(stack_.size()));
    stack_.push_back(OpenQuote{q, m, cls});
  }

  // Closes the open quote at stack index k (inner ones become unbalanced).
  void Close(int k, int32_t p, int32_t off, char16_t c) {
    while (static_cast<int>(stack_.size()) > k + 1) PopUnbalanced();
    int32_t q = stack_[k].quotation;
    layer_->quotations[q].close = Position{p, off};
    layer_->quotations[q].close_mark = c;
    layer_->marks.push_back(QuoteMark{Position{p, off}, c, MarkRole::kClose, q});
    Pop();
  }

  void Mark(int32_t p, int32_t off, char16_t c, MarkRole role) {
    layer_->marks.push_back(QuoteMark{Position{p, off}, c, role, -1});
  }

  // "’90s", "’em", "’n’": an apostrophe standing for left-out letters.
  static bool IsElision(const ParaRef& para, int32_t i) {
    const char16_t* s = para.s;
    int32_t j = i + 1;
    if (j + 1 < para.n && IsDigitCp(s[j]) && IsDigitCp(s[j + 1]) &&
        (j + 2 >= para.n || !IsDigitCp(s[j + 2])))
      return true;  // ’90s, ’98
    int32_t k = j;
    while (k < para.n && k - j < 8 && IsLetterCp(s[k])) ++k;
    if (k == j || (k < para.n && IsLetterCp(s[k]))) return false;
    char16_t buf[8];
    std::u16string_view w = LowerInto(s + j, k - j, buf, 8);
    return !w.empty() && TextData::Get().elisions.count(w) != 0;
  }

  // For an ambiguous s’: is there a later single closer before any new opener
  // in this paragraph? Then this one is a plural possessive.
  static bool LaterSingleCloser(const ParaRef& para, int32_t i) {
    const char16_t* s = para.s;
    for (int32_t j = i + 1; j < para.n; ++j) {
      char16_t c = s[j];
      if (c == u'\u2018' || c == u'\u201A') return false;
      if (!IsApostropheChar(c)) continue;
      UChar32 prev = s[j - 1];
      UChar32 next = j + 1 < para.n ? CpAt(s, para.n, j + 1) : -1;
      if (c == u'\'' && IsOpeningContext(prev) && next >= 0 && !IsSpaceCp(next)) return false;
      if (!IsSpaceCp(prev) && IsClosingContext(next) && !(IsAlnumCp(prev) && IsLetterCp(next)))
        return true;
    }
    return false;
  }

  void ScanParagraph(int32_t p, const ParaRef& para, int32_t from) {
    const char16_t* s = para.s;
    const int32_t n = para.n;
    last_closer_ = -2;
    for (int32_t i = from; i < n; ++i) {
      char16_t c = s[i];
      if (c < 0x80 ? (c != u'"' && c != u'\'') : (c < 0x00AB || QuoteClass(c) == kQNone)) continue;
      QClass cls = QuoteClass(c);
      UChar32 prev = -1, next = -1;
      if (i > 0) {
        int32_t j = i;
        U16_PREV(s, 0, j, prev);
      }
      if (i + 1 < n) next = CpAt(s, n, i + 1);
      const bool left = next >= 0 && !IsSpaceCp(next) && IsOpeningContext(prev);
      const bool right = prev >= 0 && !IsSpaceCp(prev) && IsClosingContext(next);
      const int open_k = FindOpen(cls);
      switch (c) {
        case u'\u201C':  // “ opens; closes „ or a mis-typed “ when right-flanking
        case u'\u2018':  // ‘ likewise for ‚
          if (c == u'\u2018' && prev >= 0 && IsAlnumCp(prev) && next >= 0 && IsLetterCp(next)) {
            Mark(p, i, c, MarkRole::kApostrophe);  // don‘t (mis-typed)
          } else if (right && !left && open_k >= 0) {
            Close(open_k, p, i, c);
          } else if (c == u'\u2018' && IsOpeningContext(prev) && IsElision(para, i) &&
                     !HasLaterCloser(para, i)) {
            Mark(p, i, c, MarkRole::kApostrophe);  // ‘90s typed by autocorrect
          } else {
            Open(p, i, c, cls);
          }
          break;
        case u'\u201D':  // ” closes; opens only when nothing is open and left-flanking
        case u'\u00BB':  // » likewise (»…« in Danish/German)
        case u'\u203A':  // ›
          if (open_k >= 0) {
            Close(open_k, p, i, c);
          } else if (left && !right) {
            Open(p, i, c, cls);
          } else {
            Mark(p, i, c, MarkRole::kUnbalanced);
          }
          break;
        case u'\u00AB':  // « opens; closes a »-opened quote when right-flanking
        case u'\u2039':  // ‹
          if (right && !left && open_k >= 0) {
            Close(open_k, p, i, c);
          } else {
            Open(p, i, c, cls);
          }
          break;
        case u'\u201E':  // „ ‚ ‟ ‛ 「 『 always open
        case u'\u201F':
        case u'\u201B':
        case u'\u300C':
        case u'\u300E':
          Open(p, i, c, cls);
          break;
        case u'\u201A':  // ‚ opens when left-flanking, else it is a comma look-alike
          if (left) Open(p, i, c, cls);
          else Mark(p, i, c, MarkRole::kUnbalanced);
          break;
        case u'\u300D':
        case u'\u300F':
          if (open_k >= 0) Close(open_k, p, i, c);
          else Mark(p, i, c, MarkRole::kUnbalanced);
          break;
        case u'"':
          if (prev >= 0 && IsDigitCp(prev) && open_k < 0 && !(next >= 0 && IsLetterCp(next))) {
            Mark(p, i, c, MarkRole::kPrime);  // 5'10"
          } else if (left && !right) {
            Open(p, i, c, cls);
          } else if (right && !left) {
            if (open_k >= 0) Close(open_k, p, i, c);
            else Mark(p, i, c, MarkRole::kUnbalanced);
          } else if (open_k >= 0) {
            Close(open_k, p, i, c);
          } else {
            Open(p, i, c, cls);
          }
          break;
        case u'\'':
        case u'\u2019':
          Apostrophe(p, para, i, c, prev, next, left, right, open_k);
          break;
        default:
          break;
      }
    }
  }

  // Is there a right-flanking ’ after i in this paragraph? (Computed once
  // per paragraph, so many ‘90s in one paragraph stay linear.)
  bool HasLaterCloser(const ParaRef& para, int32_t i) {
    if (last_closer_ == -2) {
      last_closer_ = -1;
      for (int32_t j = para.n - 1; j > 0; --j) {
        if (para.s[j] != u'\u2019') continue;
        UChar32 next = j + 1 < para.n ? CpAt(para.s, para.n, j + 1) : -1;
        if (IsClosingContext(next) && !IsSpaceCp(para.s[j - 1])) {
          last_closer_ = j;
          break;
        }
      }
    }
    return last_closer_ > i;
  }

  // ' and ’: apostrophe, closer, opener or prime.
  void Apostrophe(int32_t p, const ParaRef& para, int32_t i, char16_t c, UChar32 prev, UChar32 next,
                  bool left, bool right, int open_k) {
    const bool straight = c == u'\'';
    if (prev >= 0 && IsAlnumCp(prev) && next >= 0 && IsLetterCp(next)) {
      Mark(p, i, c, MarkRole::kApostrophe);  // China’s, don’t, 1990’s
      return;
    }
    if (straight && prev >= 0 && IsDigitCp(prev) && open_k < 0 &&
        (next < 0 || IsDigitCp(next) || IsSpaceCp(next) || next == '"' || IsClosingContext(next))) {
      Mark(p, i, c, MarkRole::kPrime);  // 5'10", 45'
      return;
    }
    if ((prev < 0 || !IsAlnumCp(prev)) && IsElision(para, i) &&
        (open_k < 0 || !right)) {
      Mark(p, i, c, MarkRole::kApostrophe);  // ’90s, ’em
      return;
    }
    if (right && !left) {
      if (open_k < 0) {
        Mark(p, i, c, MarkRole::kApostrophe);  // Koreans’, James’
        return;
      }
      if ((prev == 's' || prev == 'S') && LaterSingleCloser(para, i)) {
        Mark(p, i, c, MarkRole::kApostrophe);  // ‘The Koreans’ view,’ he said
        return;
      }
      Close(open_k, p, i, c);
      return;
    }
    if (left && !right) {
      Open(p, i, c, kQSingle);
      return;
    }
    if (left && right) {  // e.g. between punctuation: ".'(" — close if possible
      if (open_k >= 0) Close(open_k, p, i, c);
      else Open(p, i, c, kQSingle);
      return;
    }
    // Spaces on both sides ("don ’ t" in tokenised text, or a lone mark).
    const bool clitic = i >= 2 && IsLetterCp(para.s[i - 2]) && IsElision(para, i + 1);
    if (open_k >= 0 && !clitic) {
      Close(open_k, p, i, c);
    } else {
      Mark(p, i, c, straight ? MarkRole::kUnbalanced : MarkRole::kApostrophe);
    }
  }

  TextLayer* layer_;
  std::vector<OpenQuote> stack_;
  std::vector<int32_t> by_class_[kQWhiteCorner + 1];  // stack indices per class
  // Last right-flanking ’ of the current paragraph (-2: not computed yet).
  int32_t last_closer_ = -2;
};

// Flags quote-mark tokens with their role and plural possessives.
void FlagMarks(const std::vector<ParaRef>& paras, TextLayer* layer) {
  for (const QuoteMark& m : layer->marks) {
    std::vector<Token>& tokens = layer->paragraphs[m.pos.paragraph].tokens;
    auto it = std::lower_bound(tokens.begin(), tokens.end(), m.pos.offset,
                               [](const Token& t, int32_t off) { return t.begin < off; });
    if (it == tokens.end() || it->begin != m.pos.offset || it->end != m.pos.offset + 1) continue;
    it->flags &= static_cast<uint16_t>(~(kTokQuote | kTokApostrophe));
    if (m.role == MarkRole::kApostrophe) {
      it->flags |= kTokApostrophe;
      if (it != tokens.begin()) {
        Token& w = *(it - 1);
        const char16_t* s = paras[m.pos.paragraph].s;
        if (w.end == it->begin && (w.flags & kTokWord) && (s[w.end - 1] == u's' || s[w.end - 1] == u'S' ||
                                                            s[w.end - 1] == u'z'))
          w.flags |= kTokPossessive;
      }
    } else if (m.role != MarkRole::kPrime) {
      it->flags |= kTokQuote;
    }
  }
}

}  // namespace

bool IsQuoteMarkChar(char16_t c) { return QuoteClass(c) != kQNone; }

bool IsSentenceStarterWord(std::u16string_view word) {
  char16_t buf[24];
  std::u16string_view w =
      LowerInto(word.data(), static_cast<int32_t>(word.size()), buf, 24);
  return !w.empty() && TextData::Get().starters.count(w) != 0;
}

int32_t StemEnd(const std::u16string& text, const Token& token) {
  if (token.end <= static_cast<int32_t>(text.size()) && EndsInApostropheS(text.data(), token))
    return token.end - 2;
  return token.end;
}

int32_t TokenAt(const ParagraphText& paragraph, int32_t offset) {
  const std::vector<Token>& t = paragraph.tokens;
  auto it = std::upper_bound(t.begin(), t.end(), offset,
                             [](int32_t off, const Token& tok) { return off < tok.begin; });
  if (it == t.begin()) return -1;
  --it;
  return offset < it->end ? static_cast<int32_t>(it - t.begin()) : -1;
}

int32_t SentenceAt(const ParagraphText& paragraph, int32_t offset) {
  const std::vector<Sentence>& s = paragraph.sentences;
  auto it = std::upper_bound(s.begin(), s.end(), offset,
                             [](int32_t off, const Sentence& sent) { return off < sent.begin; });
  if (it == s.begin()) return -1;
  --it;
  if (it + 1 == s.end() && offset >= it->end) return -1;
  return static_cast<int32_t>(it - s.begin());
}

int32_t QuotationContaining(const TextLayer& layer, const Document& doc, Position pos) {
  int32_t best = -1;
  for (size_t q = 0; q < layer.quotations.size(); ++q) {
    const Quotation& quote = layer.quotations[q];
    if (pos.paragraph < quote.open.paragraph) break;  // sorted by opener
    Span in = quote.InsideIn(pos.paragraph, doc);
    if (!in.valid() || pos.offset < in.begin || pos.offset >= in.end) continue;
    if (best < 0 || quote.depth >= layer.quotations[best].depth) best = static_cast<int32_t>(q);
  }
  return best;
}

ParagraphText SegmentParagraph(const std::u16string& text) {
  TextLayer layer;
  layer.paragraphs.resize(1);
  SegmentInto(text, &layer.paragraphs[0]);
  std::vector<ParaRef> refs{ParaRef{text.data(), static_cast<int32_t>(text.size()), ParagraphKind::kBody}};
  Pairer(&layer).Run(refs);
  FlagMarks(refs, &layer);
  return std::move(layer.paragraphs[0]);
}

TextLayer AnalyzeText(const Document& doc) {
  TextLayer layer;
  layer.paragraphs.resize(doc.paragraphs.size());
  std::vector<ParaRef> refs;
  refs.reserve(doc.paragraphs.size());
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    SegmentInto(para.text, &layer.paragraphs[p]);
    refs.push_back(ParaRef{para.text.data(), static_cast<int32_t>(para.text.size()), para.kind});
  }
  Pairer(&layer).Run(refs);
  FlagMarks(refs, &layer);
  return layer;
}

}  // namespace factlens
