// factlens/text.h — the text layer: words, sentences and quotation marks.
//
// Usage:
//   factlens::TextLayer layer = factlens::AnalyzeText(doc);
//   for (const factlens::Token& t : layer.paragraphs[p].tokens) { ... }
//   for (const factlens::Quotation& q : layer.quotations) { ... }
//
// Segmentation is ICU's (word and sentence break iterators, en_US rules) with
// abbreviation handling on top ("Mr.", "U.S.", "Jan.", "No. 10", "Mar.1"); the
// list is analysis/data/text/abbreviations.txt. Details: docs/text.md.
//
// Tokens (spaces are never tokens):
//   - "U.S.", "Mr.", "e.g.", "J." (initial) are one token with kTokAbbreviation;
//     "No." only when a number follows ("No. 10"), otherwise "No" + ".".
//   - Letter-hyphen-letter/digit runs are one token with kTokHyphenated
//     ("Jae-myung", "COVID-19"); a number before a hyphen is not joined
//     ("30", "-", "year-old") so that ranges like "2020-21" stay apart.
//   - "China’s" / "China's" is ONE token with kTokPossessive; StemEnd() gives
//     the end without the ’s. A plural possessive ("Koreans’") is the word plus
//     a lone apostrophe token; the word gets kTokPossessive, the mark
//     kTokApostrophe. ("it’s" also ends in ’s and is flagged: check the stem.)
//   - Numbers stay whole: "1,200.5", "2.15pm"; "US$272.9" is "US" "$" "272.9".
//   - Quotation marks are single-unit tokens with kTokQuote (or kTokApostrophe
//     when pairing reads them as apostrophes: "’90s" is "’" + "90s").
// Quotation pairing knows typed pairs (“ ” ‘ ’ « » „ “ ‚ ‘ 「 」 ‹ ›), decides straight
// quotes by context, tells apostrophes (China’s) from closing single quotes,
// and carries a quote left open at a paragraph end into the next paragraph when
// that paragraph opens with a quotation mark (the news convention). A stray
// opener never swallows the rest of the document: it is reported in
// `unbalanced` and closes nothing: it stays in `quotations` with closed() false
// and InsideIn() covers only its own paragraph from the mark to the end.
// Headings, captions and table cells never carry a quote in or out.
// Sentences: ICU sentence breaks, minus those after a title ("Mr.", "Gen."),
// "No." before a number, or an ambiguous abbreviation/initial ("U.S.", "Inc.",
// "J.") unless a common sentence starter ("The", "He", ...) follows; and minus
// the break ICU puts in “Is it?” he asked.
//
// Offset unit: UTF-16 code units of the paragraph (see document.h).
// Ownership and thread-safety: AnalyzeText is a pure function of the document;
// it may run on several threads at once. The result owns all its data.
#ifndef FACTLENS_TEXT_H_
#define FACTLENS_TEXT_H_

#include <cstdint>
#include <vector>

#include "factlens/document.h"

namespace factlens {

// Token flags (bit set).
enum TokenFlag : uint16_t {
  kTokWord = 1 << 0,        // letters (may contain digits, hyphens, apostrophes)
  kTokNumber = 1 << 1,      // starts with a digit ("12", "1,200.5", "2.15pm")
  kTokPunct = 1 << 2,       // punctuation or symbol
  kTokUpperInitial = 1 << 3,  // first letter upper case
  kTokAllUpper = 1 << 4,    // every letter upper case (and at least one letter)
  kTokSentenceStart = 1 << 5,  // first token of its sentence
  kTokAbbreviation = 1 << 6,   // ends in a period that is part of the word ("Mr.")
  kTokQuote = 1 << 7,       // a quotation mark (see Quotation for its role)
  kTokApostrophe = 1 << 8,  // a lone apostrophe token
  kTokPossessive = 1 << 9,   // ends in ’s/'s ("China’s"; also "it’s"), or a word
                             // directly followed by an apostrophe ("Koreans’")
  kTokHyphenated = 1 << 10,  // joined over a hyphen ("Jae-myung")
  kTokFirstWord = 1 << 11,   // first word/number of its sentence (after any
                             // opening quotes or brackets)
};

struct Token {
  int32_t begin = 0;  // UTF-16 offset in the paragraph
  int32_t end = 0;
  uint16_t flags = 0;
  bool Has(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  int32_t begin = 0;        // UTF-16 offset in the paragraph
  int32_t end = 0;          // end exclusive, trailing spaces excluded
  int32_t first_token = 0;  // index into ParagraphText::tokens
  int32_t end_token = 0;    // one past the last token
};

struct ParagraphText {
  std::vector<Token> tokens;  // spaces are not tokens
  std::vector<Sentence> sentences;
};

// One paired (or unpaired) quotation. Marks are single UTF-16 units.
struct Quotation {
  Position open;   // the opening mark's position
  Position close;  // the closing mark's position; paragraph -1 if never closed
  char16_t open_mark = 0;
  char16_t close_mark = 0;
  bool single = false;  // ‘…’ / '…' rather than “…” / "…"
  int32_t depth = 0;    // 0 outermost, 1 a quote inside a quote
  // True when the quote continues over paragraph boundaries; each later
  // paragraph re-opens with a mark (news convention) and `reopen` lists them.
  std::vector<Position> reopen;

  bool closed() const { return close.paragraph >= 0; }
  // The inside of the quotation in paragraph `p` (between the marks), or an
  // invalid span if the quotation does not touch p.
  Span InsideIn(int32_t p, const Document& doc) const;
};

enum class MarkRole : uint8_t {
  kOpen,
  kClose,
  kApostrophe,
  kUnbalanced,  // an opener never closed or a closer that closes nothing
  kReopen,  // re-opens a quotation continued from the previous paragraph
            // (listed in Quotation::reopen; `quotation` is set)
  kPrime,   // a straight ' or " used as feet/inches or minutes ("5'10\"")
};

// Every quotation-mark-like character (" ' “ ” ‘ ’ « » „ ‚ 「 」 ‹ ›) and its role.
struct QuoteMark {
  Position pos;
  char16_t ch = 0;
  MarkRole role = MarkRole::kApostrophe;
  int32_t quotation = -1;  // index into TextLayer::quotations, -1 if none
};

struct TextLayer {
  std::vector<ParagraphText> paragraphs;  // parallel to Document::paragraphs
  std::vector<Quotation> quotations;      // in document order of the open mark
  std::vector<QuoteMark> marks;           // in document order
  // Opening marks never closed and closing marks never opened (indices into marks).
  std::vector<int32_t> unbalanced;
};

// Runs segmentation and quote pairing over the whole document.
TextLayer AnalyzeText(const Document& doc);

// Segments one paragraph (tokens and sentences only). Used by AnalyzeText and
// by callers that cache per paragraph.
// Tokens get kTokQuote/kTokApostrophe from pairing the paragraph on its own.
ParagraphText SegmentParagraph(const std::u16string& text);

// End of `token` without a possessive ’s / 's suffix (token.end if none).
int32_t StemEnd(const std::u16string& text, const Token& token);

// Index of the token of `paragraph` that contains UTF-16 offset `offset`, or
// -1 when the offset is in a space or out of range. O(log n).
int32_t TokenAt(const ParagraphText& paragraph, int32_t offset);

// Index of the sentence of `paragraph` that contains `offset` (spaces between
// sentences belong to the sentence before), or -1. O(log n).
int32_t SentenceAt(const ParagraphText& paragraph, int32_t offset);

// Index into layer.quotations of the innermost quotation whose inside
// (Quotation::InsideIn) contains `pos`, or -1. Unclosed quotations count in
// their own paragraph. O(number of quotations).
int32_t QuotationContaining(const TextLayer& layer, const Document& doc, Position pos);

// True for the characters the pairing considers (" ' “ ” ‘ ’ « » „ ‚ 「 」 『 』 ‹ › ‟ ‛).
bool IsQuoteMarkChar(char16_t c);

// Whether `word` (any case) is one of the capitalised words that commonly open an
// English sentence ("Another", "Although", "Now"; data/text/sentence_starters.txt).
bool IsSentenceStarterWord(std::u16string_view word);

}  // namespace factlens

#endif  // FACTLENS_TEXT_H_
