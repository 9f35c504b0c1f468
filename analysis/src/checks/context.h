// Internal: what the copy-desk checks share for one run (checks/*.cc): the
// Context (tokens, sentences, dates, dateline of the document), the checks'
// own light lexer, and small number and name helpers. Not public.
#ifndef FACTLENS_SRC_CHECKS_CONTEXT_H_
#define FACTLENS_SRC_CHECKS_CONTEXT_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/strings.h"
#include "factlens/checks.h"
#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {
namespace checks_internal {

// A lexical token of the checks' own light lexer: a run of letters, a number
// ("1,200.5"), or one punctuation character. Independent of the text layer's
// tokenisation so that the checks' patterns are stable.
//
// 16 bytes (a long document has hundreds of thousands): the lower-cased text
// is not a string of its own but a view, as long as the token, into the
// paragraph itself when lower-casing leaves the token as it is (most tokens),
// else into the paragraph's lower-case arena. Lex fills the arena; both must
// outlive the tokens and stay where they are (Context keeps the arenas, one
// per paragraph). Offsets fit 30 bits: Lex gives no tokens for a paragraph of
// kMaxLexedParagraph units or more (1 GB of text in one paragraph).
// Build one with Tok{} (the bit-fields start at zero).
struct Tok {
  enum Type : uint8_t { kWord, kNum, kPunct };
  // The lower-cased text ("said", "1,200", "“"), valid while the paragraph
  // and the arena are.
  std::u16string_view lower() const {
    return {lower_data, static_cast<size_t>(end - begin)};
  }

  const char16_t* lower_data = nullptr;
  int32_t begin : 30;
  Type type : 2;
  int32_t end : 31;
  bool upper_initial : 1;
};
static_assert(sizeof(Tok) == 16, "Tok is meant to stay 16 bytes");
constexpr size_t kMaxLexedParagraph = size_t{1} << 29;

// The tokens of `text`; the lower-cased texts that differ from `text` are
// written to `*arena`, made at their size (null when there are none; what it
// held is freed). The tokens point into both.
std::vector<Tok> Lex(const std::u16string& text, std::unique_ptr<char16_t[]>* arena);

struct SentenceRange {
  int32_t begin = 0;
  int32_t end = 0;
};

// Short lists of every paragraph in one vector: one allocation for the
// document, where a list for each paragraph costs 24 bytes and an allocation
// of its own. Filled paragraph by paragraph (Add, then EndParagraph once for
// each paragraph, in order); [p] reads paragraph p's.
template <typename T>
class PerParagraph {
 public:
  // A paragraph's items: a view, valid while the PerParagraph is unchanged.
  class Items {
   public:
    Items(const T* b, const T* e) : b_(b), e_(e) {}
    const T* begin() const { return b_; }
    const T* end() const { return e_; }
    size_t size() const { return static_cast<size_t>(e_ - b_); }
    bool empty() const { return b_ == e_; }
    const T& operator[](size_t i) const { return b_[i]; }
    const T& back() const { return e_[-1]; }

   private:
    const T* b_;
    const T* e_;
  };

  void Reserve(size_t paragraphs, size_t items) {
    starts_.reserve(paragraphs + 1);
    items_.reserve(items);
  }
  void Add(const T& item) { items_.push_back(item); }
  void EndParagraph() { starts_.push_back(static_cast<uint32_t>(items_.size())); }
  size_t size() const { return starts_.size() - 1; }  // paragraphs
  Items all() const { return Items(items_.data(), items_.data() + items_.size()); }
  Items operator[](size_t p) const {
    return Items(items_.data() + starts_[p], items_.data() + starts_[p + 1]);
  }

 private:
  std::vector<T> items_;
  std::vector<uint32_t> starts_{0};
};

// A date with a day read from the text ("Tuesday, January 5, 2026").
struct DateMention {
  int32_t p = 0;
  int32_t begin = 0, end = 0;  // the whole mention including the weekday
  int32_t date_begin = 0;      // where the date itself starts
  int year = 0, month = 0, day = 0;
  int weekday = 0;  // UCAL_* or 0
  int first_tok = 0, end_tok = 0;
};

// The check kinds, in the order of the registry table in checks.cc, which
// holds each kind's name ("name_variant"), function and label: a check gets
// its kind from there, through NewCheck(Kind::kNameVariant).
enum class Kind {
  kNameVariant,
  kFirstReference,
  kArithmetic,
  kDateConsistency,
  kUnattributedQuote,
  kVagueSource,
  kUnbalancedQuote,
  kNumberStyle,
};

// A Check of the given kind, to be filled in and passed to Context::Add.
Check NewCheck(Kind kind);

// Every place in the text whose letters spell a known name (names.cc builds
// it once per run, for name_variant and first_reference).
struct NameIndex {
  std::map<std::string, std::vector<Span>> by_key;
  std::map<std::string, int> house_of_key;  // key -> index into house names
};

// Everything the checks share for one run.
struct Context {
  Context(const Document& d, const CheckOptions& o, Report* r);
  // The tokens point into the context's own arenas: not copyable.
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const Document& doc;
  const CheckOptions& options;
  Report* report;
  std::vector<std::vector<Tok>> toks;                 // per paragraph
  PerParagraph<SentenceRange> sentences;
  // Year the article is written in: the reference date's, else the latest
  // explicit year of a full date in the text (inferred = true), else 0.
  int article_year = 0;
  bool article_year_inferred = false;
  // The dateline: Document::reference_date, else a full date at the head of
  // the story ("SINES, Portugal, January 9, 2026 — ...").
  std::optional<Date> dateline;
  // Dates read from each paragraph (dates.cc fills it).
  PerParagraph<DateMention> dates;
  // Known names in the text (names.cc fills it when first asked).
  std::optional<NameIndex> names;
  std::vector<Check> out;


  // Index of the sentence containing `offset` in paragraph p (-1 if none).
  int SentenceAt(int32_t p, int32_t offset) const;
  // Index of the first token of paragraph p starting at or after offset.
  int TokAt(int32_t p, int32_t offset) const;
  // Token indices [first, last) of paragraph p inside [begin, end).
  std::pair<int, int> TokRange(int32_t p, int32_t begin, int32_t end) const {
    int a = TokAt(p, begin), b = a;
    const auto& ts = toks[p];
    while (b < static_cast<int>(ts.size()) && ts[b].end <= end) ++b;
    return {a, b};
  }
  std::u16string Text(const Span& s) const { return SpanText(doc, s); }
  // The same text as a view of the paragraph (empty where Text is).
  std::u16string_view TextView(const Span& s) const { return SpanTextView(doc, s); }
  // A paragraph that reads as a heading/title (kind, or short without
  // sentence punctuation) or a photo caption.
  bool HeadingLike(int32_t p) const;
  bool CaptionLike(int32_t p) const;
  // Whether `s` lies inside a quotation (between its marks).
  bool InsideQuotation(const Span& s) const;
  // Whether `s` lies inside a markup tag (`<tweet author="@x">`): its marks
  // are attribute quotes, not prose.
  bool InsideTag(const Span& s) const;
  // Whether `s` lies inside an embedded element (`<tweet ...>...</tweet>`):
  // quoted copy the reporter cannot edit.
  bool InsideEmbed(const Span& s) const;
  // The nearest paragraph before p with words in it (-1 if none).
  int32_t PreviousTextParagraph(int32_t p) const;
  // The next paragraph with a word or a number in it, or -1.
  int32_t NextTextParagraph(int32_t p) const;
  // Whether paragraph p begins a new entry of a live blog: a timestamp
  // paragraph ("9:40 p.m.") or the one after it, after a "___" rule.
  bool EntryStart(int32_t p) const;
  // Whether paragraph p is a line of an interview transcript ("Q: ...",
  // "A: ..."): the speakers' own words, like a quotation.
  bool Transcript(int32_t p) const;
  void Add(Check c) { out.push_back(std::move(c)); }

 private:
  void AddSentences(size_t p, bool have_layer);
  bool ComputeHeadingLike(int32_t p) const;
  bool LeadHeadline(int32_t p) const;
  bool SectionMarker(int32_t p) const;
  bool BeforeSectionMarker(int32_t p) const;
  bool NamesInFull(int32_t p) const;
  void IndexMarkup();
  bool ComputeCaptionLike(int32_t p) const;
  std::vector<int8_t> heading_like_;              // per paragraph, -1 not yet known
  std::vector<int8_t> caption_like_;              // per paragraph, -1 not yet known
  // Sorted by paragraph (SortByParagraph).
  std::vector<Span> quote_insides_;  // the insides of the quotations
  std::vector<Span> tags_;           // `<...>`
  std::vector<Span> embeds_;         // `<tweet`...`</tweet>`
  std::vector<std::unique_ptr<char16_t[]>> lower_arenas_;  // per paragraph, or none
};

// Formatting (Utf8, Utf16 and Lower are common/strings.h's).
// "12.1", "272.9", "4" — fixed decimals, trailing zeros kept as asked.
std::string FormatNumber(double v, int decimals);
// common/name_key.h's NameKey in UTF-8: "Lee Jae-myung" and "Lee Jaemyung"
// give the same key.
std::string NameKey(std::u16string_view s);

// The first numeral in `text` ("US$272.9 billion" -> 272.9, decimals 1).
// Returns false when there is none.
bool FirstNumeral(std::u16string_view text, double* value, int* decimals);
// A spelled-out or digit number in one word ("four", "12", "hundredth" with
// ordinal=true), via ICU's rule-based number format. Returns -1 if none.
double ParseNumberWord(std::u16string_view word, bool ordinal);

// Figure helpers.
bool FigureNumber(const Figure& f, double* v);
bool IsPercentUnit(const Figure& f);
bool IsPointsUnit(const Figure& f);

// Spans of many paragraphs kept in one list sorted by paragraph (most
// paragraphs have none, and a list for each paragraph costs 24 bytes a
// paragraph): sort once filled (stable: each paragraph's spans keep their
// order), then read a paragraph's spans with SpansOf.
void SortByParagraph(std::vector<Span>* spans);
std::pair<std::vector<Span>::const_iterator, std::vector<Span>::const_iterator> SpansOf(
    const std::vector<Span>& sorted, int32_t paragraph);
// Whether `s` overlaps one of the spans of its paragraph in such a list.
bool OverlapsAny(const std::vector<Span>& sorted, const Span& s);

// Whether two spans of one paragraph overlap.
inline bool Overlaps(const Span& a, const Span& b) {
  return a.paragraph == b.paragraph && a.begin < b.end && b.begin < a.end;
}

// std::hash<std::u16string>, under another name. libstdc++ counts the standard
// string hashes as slow and searches containers of up to 20 elements linearly,
// comparing whole strings (a loop for char16_t); with any other hasher it
// hashes. For the small word tables looked up for every token.
struct WordHash {
  size_t operator()(const std::u16string& s) const { return std::hash<std::u16string>()(s); }
};

// A token's text as a key of a table keyed by std::u16string, without
// allocating (C++17's containers take no string_view keys): a per-thread
// buffer, valid until the next call on the same thread.
inline const std::u16string& ScratchKey(std::u16string_view word) {
  thread_local std::u16string key;
  key.assign(word);
  return key;
}
template <typename Table>
bool Has(const Table& table, std::u16string_view word) {
  return table.count(ScratchKey(word)) > 0;
}

// The lines of an embedded word list (analysis/data/<file>) as a set for Has().
using WordSet = std::unordered_set<std::u16string, WordHash>;
WordSet EmbeddedWordSet(std::string_view file);
template <typename Table>
auto Find(const Table& table, std::u16string_view word) {
  return table.find(ScratchKey(word));
}

// Dates read by dates.cc, for the Context's constructor.
void ReadDates(Context& ctx);                            // fills ctx.dates
std::optional<Date> DetectDateline(const Context& ctx);  // needs ctx.dates
int LatestFullDateYear(const Context& ctx);              // needs ctx.dates

// Calendar arithmetic (dates.cc), part of the arithmetic check.
void CheckAnniversaries(Context& ctx);
void CheckAges(Context& ctx);

// The checks, one per kind (the functions of the table in checks.cc).
void CheckNameVariants(Context& ctx);        // names.cc
void CheckFirstReferences(Context& ctx);     // names.cc
void CheckArithmetic(Context& ctx);          // arithmetic.cc (+ dates.cc)
void CheckDateConsistency(Context& ctx);     // dates.cc
void CheckUnattributedQuotes(Context& ctx);  // quotes.cc
void CheckVagueSources(Context& ctx);        // sources.cc
void CheckUnbalancedQuotes(Context& ctx);    // quotes.cc
void CheckNumberStyle(Context& ctx);         // number_style.cc

}  // namespace checks_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_CHECKS_CONTEXT_H_
