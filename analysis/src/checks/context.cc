// The shared state of one checks run: the Context (tokens, sentences, dates,
// dateline), the checks' light lexer, and number and name helpers.
#include "checks/context.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/embedded_data.h"
#include "common/name_key.h"
#include "factlens/text.h"

namespace factlens {
namespace checks_internal {

// ------------------------------------------------------------------ helpers

std::string FormatNumber(double v, int decimals) {
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  // Thousands separators for readability in messages.
  size_t dot = s.find('.');
  size_t int_end = dot == std::string::npos ? s.size() : dot;
  size_t start = (s[0] == '-') ? 1 : 0;
  for (int64_t i = static_cast<int64_t>(int_end) - 3; i > static_cast<int64_t>(start); i -= 3)
    s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string NameKey(std::u16string_view s) { return NameKeyUtf8(s); }

bool FirstNumeral(std::u16string_view text, double* value, int* decimals) {
  size_t i = 0;
  while (i < text.size() && !(text[i] >= '0' && text[i] <= '9')) ++i;
  if (i == text.size()) return false;
  std::string digits;
  int dec = -1;
  for (; i < text.size(); ++i) {
    char16_t c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(static_cast<char>(c));
      if (dec >= 0) ++dec;
    } else if (c == ',' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' &&
               dec < 0) {
      continue;
    } else if (c == '.' && dec < 0 && i + 1 < text.size() && text[i + 1] >= '0' &&
               text[i + 1] <= '9') {
      digits.push_back('.');
      dec = 0;
    } else {
      break;
    }
  }
  if (digits.empty() || digits.size() > 30) return false;
  *value = std::strtod(digits.c_str(), nullptr);
  *decimals = dec < 0 ? 0 : dec;
  return true;
}

namespace {

// Ordinal words ("first" ... "two hundredth", hyphenated too) generated from
// ICU's spellout-ordinal rules: ICU formats ordinals but does not parse them.
const std::map<std::u16string, int>& OrdinalWords() {
  static const std::map<std::u16string, int> words = [] {
    std::map<std::u16string, int> m;
    UErrorCode status = U_ZERO_ERROR;
    icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) return m;
    for (int v = 1; v <= 1000; ++v) {
      icu::UnicodeString s;
      icu::FieldPosition fp;
      UErrorCode st = U_ZERO_ERROR;
      rbnf.format(static_cast<double>(v), icu::UnicodeString(u"%spellout-ordinal"), s, fp, st);
      if (U_FAILURE(st)) continue;
      s.toLower(icu::Locale::getEnglish());
      std::u16string w(s.getBuffer(), s.getBuffer() + s.length());
      m.emplace(w, v);
      std::u16string dashed = w;
      for (char16_t& c : dashed)
        if (c == ' ') c = '-';
      m.emplace(dashed, v);
    }
    return m;
  }();
  return words;
}

}  // namespace

double ParseNumberWord(std::u16string_view word, bool ordinal) {
  if (ordinal) {
    auto it = OrdinalWords().find(Lower(word));
    return it == OrdinalWords().end() ? -1 : it->second;
  }
  if (word.empty() || word.size() > 24) return -1;
  if (word[0] >= '0' && word[0] <= '9') {
    double v = 0;
    int d = 0;
    if (!FirstNumeral(word, &v, &d)) return -1;
    return v;
  }
  for (char16_t c : word)
    if (!u_isalpha(c) && c != '-') return -1;
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> rbnf;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    UErrorCode status = U_ZERO_ERROR;
    rbnf = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                        icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) rbnf.reset();
  }
  if (!rbnf) return -1;
  icu::UnicodeString u(word.data(), static_cast<int32_t>(word.size()));
  u.toLower(icu::Locale::getEnglish());
  icu::Formattable result;
  icu::ParsePosition pos(0);
  rbnf->setLenient(false);
  rbnf->parse(u, result, pos);
  if (pos.getIndex() != u.length() || pos.getErrorIndex() >= 0) return -1;
  UErrorCode status = U_ZERO_ERROR;
  double v = result.getDouble(status);
  if (U_FAILURE(status)) return -1;
  // The spellout rules parse ordinals too ("fourth" = 4); make sure the word
  // is of the kind asked for by formatting the value back.
  UErrorCode s2 = U_ZERO_ERROR;
  icu::UnicodeString back;
  icu::FieldPosition fp;
  rbnf->format(v, icu::UnicodeString(ordinal ? u"%spellout-ordinal" : u"%spellout-numbering"),
               back, fp, s2);
  if (U_FAILURE(s2)) return -1;
  back.toLower(icu::Locale::getEnglish());
  back.findAndReplace(u"\u00ad", u"");
  if (back != u) {
    icu::UnicodeString dashed = back;
    dashed.findAndReplace(u" ", u"-");
    if (dashed != u) return -1;
  }
  return v;
}

bool FigureNumber(const Figure& f, double* v) {
  if (f.value.type != FigureValue::Type::kNumber) return false;
  if (!std::isfinite(f.value.lo)) return false;
  *v = f.value.lo;
  return true;
}

bool IsPointsUnit(const Figure& f) {
  return f.unit.rfind("percentage point", 0) == 0 || f.unit == "pp" || f.unit == "points";
}

bool IsPercentUnit(const Figure& f) {
  return f.kind == FigureKind::kPercent && !IsPointsUnit(f);
}

namespace {

bool IsAsciiLetter(char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The end of a number starting at i: digits, with "." or "," between digits
// ("1,200.5").
int32_t NumberEnd(const std::u16string& text, int32_t i) {
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    char16_t d = text[i];
    if (d >= '0' && d <= '9') {
      ++i;
    } else if ((d == '.' || d == ',') && i + 1 < n && text[i + 1] >= '0' && text[i + 1] <= '9') {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// The end of a run of letters and marks starting at i.
int32_t LettersEnd(const std::u16string& text, int32_t i) {
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 d;
    int32_t j = i;
    U16_NEXT(text.data(), j, n, d);
    if (!u_isalpha(d) && u_charType(d) != U_NON_SPACING_MARK &&
        u_charType(d) != U_COMBINING_SPACING_MARK)
      break;
    i = j;
  }
  return i;
}

// What the lexers below write: the tokens, the lower-cased texts that differ
// from the paragraph (appended to the arena), and where each token's lower
// case is until the arena is complete (appending may move it): an offset into
// the arena, or (kInText) the token's own offset in the paragraph.
struct LexOutput {
  static constexpr uint32_t kInText = 0x80000000u;
  const std::u16string& text;
  std::vector<Tok>* toks;
  std::u16string* arena;
  std::vector<uint32_t>* offsets;

  Tok& Add(int32_t begin, Tok::Type type) {
    Tok& t = toks->emplace_back(Tok{});  // Tok{}: the bit-fields start at zero
    t.begin = begin;
    t.type = type;
    offsets->push_back(kInText | static_cast<uint32_t>(begin));
    return t;
  }
  // t.end set: the lower-cased text (as long as the token), kept in the arena
  // if it differs.
  void SetLower(Tok& t, std::u16string_view lower) {
    if (lower == std::u16string_view(text).substr(t.begin, t.end - t.begin)) return;
    offsets->back() = static_cast<uint32_t>(arena->size());
    arena->append(lower);
  }
};

// The lower case of a token, as long as the token: the English full case
// mapping (Lower), or where that changes the length (only "İ", U+0130, which
// becomes "i" + U+0307) the simple mapping of each code point.
std::u16string SameLengthLower(std::u16string_view token) {
  std::u16string lower = Lower(token);
  if (lower.size() == token.size()) return lower;
  lower.clear();
  const int32_t n = static_cast<int32_t>(token.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(token.data(), i, n, c);
    const UChar32 l = u_tolower(c);
    if (U16_LENGTH(l) == U16_LENGTH(c)) c = l;
    if (U_IS_BMP(c)) {
      lower.push_back(static_cast<char16_t>(c));
    } else {
      lower.push_back(U16_LEAD(c));
      lower.push_back(U16_TRAIL(c));
    }
  }
  return lower;
}

// One token (or a space) at `start` by the ICU properties; returns its end.
int32_t LexGeneral(const std::u16string& text, int32_t start, LexOutput* out) {
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = start;
  UChar32 c;
  U16_NEXT(text.data(), i, n, c);
  if (u_isUWhiteSpace(c) || c == 0xA0) return i;
  Tok& t = out->Add(start, Tok::kPunct);
  if (u_isdigit(c)) {
    t.type = Tok::kNum;
    i = NumberEnd(text, i);
  } else if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK) {
    t.type = Tok::kWord;
    t.upper_initial = u_isupper(c) || u_istitle(c);
    i = LettersEnd(text, i);
  }
  t.end = i;
  out->SetLower(t, SameLengthLower(std::u16string_view(text).substr(t.begin, t.end - t.begin)));
  return i;
}

// ASCII: the same classes as the ICU properties of LexGeneral give
// (White_Space is 09-0D and 20; letters A-Z a-z, upper case A-Z; no marks),
// without the property lookups. Most news text is ASCII. Returns the end of
// what it lexed, or `start` when LexGeneral must take the token (a digit, or
// letters beyond ASCII follow).
int32_t LexAscii(const std::u16string& text, int32_t start, LexOutput* out) {
  const int32_t n = static_cast<int32_t>(text.size());
  const char16_t a = text[start];
  if (a == ' ' || (a >= 0x09 && a <= 0x0D)) return start + 1;
  if (a >= '0' && a <= '9') return start;
  if (!IsAsciiLetter(a)) {  // one punctuation (or control) character
    Tok& t = out->Add(start, Tok::kPunct);
    t.end = start + 1;
    out->SetLower(t, std::u16string_view(&a, 1));
    return start + 1;
  }
  int32_t i = start + 1;
  while (i < n && IsAsciiLetter(text[i])) ++i;
  if (i < n && text[i] >= 0x80) return start;  // letters beyond ASCII follow
  Tok& t = out->Add(start, Tok::kWord);        // an ASCII word: lower-cased as appended
  t.end = i;
  t.upper_initial = a <= 'Z';
  if (std::none_of(text.begin() + start, text.begin() + i, [](char16_t c) { return c <= 'Z'; }))
    return i;
  const size_t at = out->arena->size();
  out->offsets->back() = static_cast<uint32_t>(at);
  out->arena->append(text, start, i - start);
  for (size_t k = at; k < out->arena->size(); ++k) {
    char16_t& c = (*out->arena)[k];
    if (c <= 'Z') c = static_cast<char16_t>(c - 'A' + 'a');
  }
  return i;
}

}  // namespace

std::vector<Tok> Lex(const std::u16string& text, std::unique_ptr<char16_t[]>* arena) {
  arena->reset();
  if (text.size() >= kMaxLexedParagraph) return {};  // beyond Tok's offsets
  // Lexed into a per-thread list that keeps its capacity, then copied out at
  // its exact size: one allocation a paragraph.
  thread_local std::vector<Tok> toks;
  toks.clear();
  thread_local std::u16string lower;
  lower.clear();
  thread_local std::vector<uint32_t> offsets;
  offsets.clear();
  LexOutput out{text, &toks, &lower, &offsets};
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t end = text[i] < 0x80 ? LexAscii(text, i, &out) : i;
    i = end > i ? end : LexGeneral(text, i, &out);
  }
  // Exact size, and none when nothing changed: the arena stays where it is.
  arena->reset(lower.empty() ? nullptr : new char16_t[lower.size()]);
  std::copy(lower.begin(), lower.end(), arena->get());
  for (size_t k = 0; k < toks.size(); ++k) {
    const uint32_t at = offsets[k] & ~LexOutput::kInText;
    toks[k].lower_data = (offsets[k] & LexOutput::kInText) ? text.data() + at : arena->get() + at;
  }
  std::vector<Tok> lexed(toks.begin(), toks.end());
  // A giant paragraph's scratch is not kept for the thread's lifetime.
  constexpr size_t kKeptScratch = 1 << 16;  // tokens (1.8 MB)
  if (toks.capacity() > kKeptScratch) {
    std::vector<Tok>().swap(toks);
    std::vector<uint32_t>().swap(offsets);
    std::u16string().swap(lower);
  }
  return lexed;
}

namespace {

bool ByParagraph(const Span& a, const Span& b) { return a.paragraph < b.paragraph; }

// Whether s lies inside one of the spans of its paragraph.
bool InsideAny(const std::vector<Span>& sorted, const Span& s) {
  const auto [first, last] = SpansOf(sorted, s.paragraph);
  for (auto it = first; it != last; ++it)
    if (s.begin >= it->begin && s.end <= it->end) return true;
  return false;
}

}  // namespace

void SortByParagraph(std::vector<Span>* spans) {
  std::stable_sort(spans->begin(), spans->end(), ByParagraph);
}

std::pair<std::vector<Span>::const_iterator, std::vector<Span>::const_iterator> SpansOf(
    const std::vector<Span>& sorted, int32_t paragraph) {
  return std::equal_range(sorted.begin(), sorted.end(), Span{paragraph, 0, 0}, ByParagraph);
}

bool OverlapsAny(const std::vector<Span>& sorted, const Span& s) {
  const auto [first, last] = SpansOf(sorted, s.paragraph);
  for (auto it = first; it != last; ++it)
    if (Overlaps(*it, s)) return true;
  return false;
}

// Paragraph p's sentences (the text layer's, else segmented here; a paragraph
// with text is at least one sentence).
void Context::AddSentences(size_t p, bool have_layer) {
  const std::u16string& text = doc.paragraphs[p].text;
  if (text.empty()) return;
  std::vector<Sentence> own;
  const std::vector<Sentence>* ss = have_layer ? &report->text.paragraphs[p].sentences : &own;
  if (ss->empty()) ss = &(own = SegmentParagraph(text).sentences);
  for (const Sentence& s : *ss) sentences.Add({s.begin, s.end});
  if (ss->empty()) sentences.Add({0, static_cast<int32_t>(text.size())});
}

Context::Context(const Document& d, const CheckOptions& o, Report* r)
    : doc(d), options(o), report(r) {
  const size_t np = doc.paragraphs.size();
  toks.resize(np);
  lower_arenas_.resize(np);
  const bool have_layer = report->text.paragraphs.size() == np;
  size_t layer_sentences = 0;
  for (size_t p = 0; have_layer && p < np; ++p)
    layer_sentences += std::max<size_t>(report->text.paragraphs[p].sentences.size(), 1);
  sentences.Reserve(np, layer_sentences);
  for (size_t p = 0; p < np; ++p) {
    toks[p] = Lex(doc.paragraphs[p].text, &lower_arenas_[p]);
    AddSentences(p, have_layer);
    sentences.EndParagraph();
  }
  heading_like_.assign(np, -1);
  caption_like_.assign(np, -1);
  for (const Quotation& q : report->text.quotations) {
    int32_t last = q.closed() ? q.close.paragraph : q.open.paragraph;
    for (int32_t p = std::max<int32_t>(0, q.open.paragraph);
         p <= last && p < static_cast<int32_t>(np); ++p) {
      Span in = q.InsideIn(p, doc);
      if (in.valid() && !in.empty()) quote_insides_.push_back(in);
    }
  }
  SortByParagraph(&quote_insides_);
  IndexMarkup();
  ReadDates(*this);
  if (doc.reference_date && doc.reference_date->valid()) dateline = doc.reference_date;
  else dateline = DetectDateline(*this);
  if (dateline) {
    article_year = dateline->year;
  } else {
    article_year = LatestFullDateYear(*this);
    article_year_inferred = article_year != 0;
  }
}

int Context::SentenceAt(int32_t p, int32_t offset) const {
  if (p < 0 || p >= static_cast<int32_t>(sentences.size())) return -1;
  const auto& ss = sentences[p];
  for (size_t i = 0; i < ss.size(); ++i) {
    int32_t end = i + 1 < ss.size() ? ss[i + 1].begin : INT32_MAX;
    if (offset >= ss[i].begin && offset < end) return static_cast<int>(i);
  }
  return ss.empty() ? -1 : static_cast<int>(ss.size()) - 1;
}

int Context::TokAt(int32_t p, int32_t offset) const {
  const auto& ts = toks[p];
  auto it = std::lower_bound(ts.begin(), ts.end(), offset,
                             [](const Tok& t, int32_t off) { return t.begin < off; });
  return static_cast<int>(it - ts.begin());
}

bool Context::CaptionLike(int32_t p) const {
  if (p >= 0 && p < static_cast<int32_t>(caption_like_.size()) && caption_like_[p] >= 0)
    return caption_like_[p] != 0;
  bool result = ComputeCaptionLike(p);
  if (p >= 0 && p < static_cast<int32_t>(caption_like_.size()))
    const_cast<Context*>(this)->caption_like_[p] = result ? 1 : 0;
  return result;
}

bool Context::ComputeCaptionLike(int32_t p) const {
  const Paragraph& para = doc.paragraphs[p];
  if (para.kind == ParagraphKind::kCaption) return true;
  // "(Photo", "Photo:" or "(photo", in one pass over the text.
  const std::u16string& t = para.text;
  for (size_t i = t.find(u"hoto"); i != std::u16string::npos; i = t.find(u"hoto", i + 1)) {
    if (i < 1 || (t[i - 1] != u'P' && t[i - 1] != u'p')) continue;
    if (i >= 2 && t[i - 2] == u'(') return true;
    if (t[i - 1] == u'P' && i + 4 < t.size() && t[i + 4] == u':') return true;
  }
  return false;
}

bool Context::InsideQuotation(const Span& s) const { return InsideAny(quote_insides_, s); }

bool Context::HeadingLike(int32_t p) const {
  if (p >= 0 && p < static_cast<int32_t>(heading_like_.size()) && heading_like_[p] >= 0)
    return heading_like_[p] != 0;
  bool result = ComputeHeadingLike(p);
  if (p >= 0 && p < static_cast<int32_t>(heading_like_.size()))
    const_cast<Context*>(this)->heading_like_[p] = result ? 1 : 0;
  return result;
}

// A subheading has at most kSubheadWords words; the paragraph after a
// heading is a lede of at least kLedeWords words (and twice the heading's).
constexpr int kSubheadWords = 8;
constexpr int kLedeWords = 20;

namespace {

int WordCount(const std::vector<Tok>& ts) {
  int n = 0;
  for (const Tok& t : ts) n += t.type == Tok::kWord;
  return n;
}

}  // namespace

// The most words a headline at the head of a story has ("Okafor: Lamb Has ‘A
// Lot to Prove’ On Tariffs, She’s For Steel Because ‘Steel Votes for Her’").
constexpr int kHeadlineWords = 30;
// The most words a deck (the line under the headline) has.
constexpr int kDeckWords = 15;

bool Context::ComputeHeadingLike(int32_t p) const {
  const Paragraph& para = doc.paragraphs[p];
  if (para.kind == ParagraphKind::kHeading) return true;
  if (para.kind != ParagraphKind::kBody) return false;
  if (SectionMarker(p) || BeforeSectionMarker(p)) return true;
  int words = 0;
  for (const Tok& t : toks[p]) words += t.type == Tok::kWord;
  int32_t e = static_cast<int32_t>(para.text.size());
  while (e > 0 && u_isUWhiteSpace(para.text[e - 1])) --e;
  while (e > 0 && (para.text[e - 1] == u'”' || para.text[e - 1] == u'’' ||
                   para.text[e - 1] == '"' || para.text[e - 1] == '\''))
    --e;
  bool ends_sentence = e > 0 && (para.text[e - 1] == '.' || para.text[e - 1] == '?' ||
                                 para.text[e - 1] == '!' || para.text[e - 1] == ':');
  if (!ends_sentence && words < 15) return true;
  return words > 0 && words <= kHeadlineWords && LeadHeadline(p);
}

WordSet EmbeddedWordSet(std::string_view file) {
  WordSet s;
  for (std::string_view line : EmbeddedLines(file)) s.insert(Utf16(line));
  return s;
}

namespace {

const WordSet& PastTense() {
  static const WordSet words = EmbeddedWordSet("checks/past_tense.txt");
  return words;
}

// Reads as a headline: title case (every word capitalised but the short
// function words), a "Speaker: ..." colon, or no past-tense verb (in lower
// case: "Rose Bowl" is a name).
bool HeadlineWording(const std::vector<Tok>& ts, const std::u16string& text) {
  static const std::unordered_set<std::u16string, WordHash> kMinor = {
      u"a", u"an", u"the", u"and", u"or", u"but", u"nor", u"of", u"in", u"on", u"at", u"to",
      u"by", u"for", u"from", u"with", u"as", u"vs", u"via", u"into", u"onto", u"over",
      u"than", u"up", u"per", u"s", u"t"};
  int words = 0;
  bool past = false, colon = false, title = true;
  for (size_t i = 0; i < ts.size(); ++i) {
    const Tok& t = ts[i];
    if (t.type == Tok::kPunct) {
      colon |= text[t.begin] == ':' && i + 1 < ts.size();
      continue;
    }
    if (t.type != Tok::kWord) continue;
    ++words;
    if (t.upper_initial) continue;  // "Rose Bowl", "Named" in a title-case headline
    const std::u16string_view w = t.lower();
    title = title && Has(kMinor, w);
    // "getting trounced", "being sued": a passive, no past tense.
    const bool passive =
        i > 0 && (ts[i - 1].lower() == u"getting" || ts[i - 1].lower() == u"being");
    past |= !passive &&
            (Has(PastTense(), w) || (w.size() > 4 && w[w.size() - 2] == 'e' && w.back() == 'd'));
  }
  return (title && words >= 3) || colon || !past;
}

// A paragraph that opens with a wire dateline: a place in capitals, then a
// dash or an agency in brackets soon after ("NEW YORK (AP) — ", "DOVER,
// Del. — ").
bool WireDateline(const std::vector<Tok>& ts, const std::u16string& text) {
  if (ts.empty() || ts[0].type != Tok::kWord || ts[0].end - ts[0].begin < 3) return false;
  for (int32_t i = ts[0].begin; i < ts[0].end; ++i)
    if (!IsUpperUnit(text[i])) return false;
  const size_t dash = text.find(u"—");
  const size_t hyphen = text.find(u" - ");  // "DOVER - "
  const size_t bracket = text.find('(');
  return (dash != std::u16string::npos && dash < 60) ||
         (hyphen != std::u16string::npos && hyphen < 40) ||
         (bracket != std::u16string::npos && bracket < 40);
}

}  // namespace

// A paragraph at the head of a story, followed by more, that reads as a
// headline even though it ends with a full stop ("Lindqvist jabs at Moreau
// over tariffs.").
// The first paragraph of a story, or the second after a first that ends with
// a semicolon (a two-line headline), or a short line before a much longer
// paragraph (a subheading: "Okafor: Try the ferry.").
bool Context::LeadHeadline(int32_t p) const {
  size_t next = p + 1;
  while (next < toks.size() && toks[next].empty()) ++next;
  if (next >= toks.size()) return false;
  const int words = WordCount(toks[p]);
  const int next_words = WordCount(toks[next]);
  const bool before_longer = next_words >= 2 * words && next_words >= kLedeWords;
  if (words <= kSubheadWords && before_longer) return true;
  const int32_t prev = PreviousTextParagraph(p);
  if (prev >= 0) {  // the second line of a headline that ends with a semicolon
    if (PreviousTextParagraph(prev) >= 0) return false;
    const std::u16string& pt = doc.paragraphs[prev].text;
    const size_t e = pt.find_last_not_of(u" \t\u00a0");
    if (e != std::u16string::npos && pt[e] == ';') return true;
    // A deck under the headline: before a dateline lede, or worded as a
    // headline, with surnames only, before a lede twice as long. A short
    // lede in the present tense names people in full ("Ohio hasn’t voted
    // yet, but Maria Okafor is already leading.").
    return words <= kDeckWords && HeadingLike(prev) &&
           (WireDateline(toks[next], doc.paragraphs[next].text) ||
            (before_longer && HeadlineWording(toks[p], doc.paragraphs[p].text) &&
             !NamesInFull(p)));
  }
  return HeadlineWording(toks[p], doc.paragraphs[p].text) ||
         WireDateline(toks[next], doc.paragraphs[next].text) || before_longer;
}

// A section line in capitals that a database export puts between the
// headline and the story ("ABSTRACT.", "FULL TEXT.", "LETTERS."): at most
// three words, every letter upper case.
bool Context::SectionMarker(int32_t p) const {
  const auto& ts = toks[p];
  const std::u16string& text = doc.paragraphs[p].text;
  int words = 0;
  bool caps = true;
  for (const Tok& t : ts) {
    if (t.type == Tok::kNum) return false;
    if (t.type != Tok::kWord) continue;
    if (++words > 3) return false;
    for (int32_t i = t.begin; i < t.end; ++i) caps = caps && IsUpperUnit(text[i]);
  }
  if (!caps) words = 0;
  const size_t e = text.find_last_not_of(u" \t\u00a0");
  if (words > 0 && text[e] != ':') return true;  // "WATCH:" introduces an embed
  // A section word of a database export in title case ("Letters.").
  static const std::unordered_set<std::u16string, WordHash> kSections = {
      u"letters", u"opinion", u"editorial", u"commentary", u"abstract", u"analysis"};
  return ts.size() <= 2 && !ts.empty() && ts[0].type == Tok::kWord &&
         Has(kSections, ts[0].lower()) && (ts.size() == 1 || text[ts[1].begin] == '.');
}

// The head of a story before its first section line ("Headline.¶Deck.¶
// ABSTRACT.¶..."): the lines before it, when it is among the first four.
constexpr int kHeadBeforeMarker = 4;

bool Context::BeforeSectionMarker(int32_t p) const {
  if (WordCount(toks[p]) > kHeadlineWords) return false;
  int before = 0;
  for (int32_t q = p; q >= 0; q = PreviousTextParagraph(q))
    if (++before > kHeadBeforeMarker) return false;
  const int32_t np = static_cast<int32_t>(doc.paragraphs.size());
  for (int32_t q = p + 1; q < np && before < kHeadBeforeMarker; ++q) {
    if (toks[q].empty()) continue;
    if (SectionMarker(q)) return true;
    ++before;
  }
  return false;
}

// Whether paragraph p names a person with two words or more.
bool Context::NamesInFull(int32_t p) const {
  for (const EntityMention& m : report->entities) {
    if (m.type != EntityType::kPerson || m.span.paragraph != p) continue;
    const std::u16string& t = doc.paragraphs[p].text;
    for (int32_t i = m.span.begin; i < m.span.end; ++i)
      if (u_isUWhiteSpace(t[i])) return true;
  }
  return false;
}

namespace {

// A paragraph's tokens hold a word or a number.
bool HasText(const std::vector<Tok>& ts) {
  for (const Tok& t : ts)
    if (t.type == Tok::kWord || t.type == Tok::kNum) return true;
  return false;
}

}  // namespace

int32_t Context::PreviousTextParagraph(int32_t p) const {
  for (int32_t q = p - 1; q >= 0; --q)
    if (HasText(toks[q])) return q;
  return -1;
}

int32_t Context::NextTextParagraph(int32_t p) const {
  for (int32_t q = p + 1; q < static_cast<int32_t>(toks.size()); ++q)
    if (HasText(toks[q])) return q;
  return -1;
}

namespace {

bool Blank(const std::u16string& t) {
  for (char16_t c : t)
    if (!u_isUWhiteSpace(c)) return false;
  return true;
}

// A live blog's rule between entries, or a wire story's before its tagline:
// "___" or "__" (AP), with or without a stop.
bool EntryRule(const std::u16string& t) {
  size_t b = 0;
  while (b < t.size() && u_isUWhiteSpace(t[b])) ++b;
  return t.compare(b, 2, u"__") == 0 && t.size() - b < 12;
}

}  // namespace

namespace {

// A paragraph led by a section line in capitals ("OKAFOR GAINS GROUND IN
// OHIO - Since March, ..."): a newsletter's new item.
bool CapsLead(const std::vector<Tok>& ts, const std::u16string& text) {
  int caps = 0;
  for (const Tok& t : ts) {
    if (t.type != Tok::kWord) break;
    bool all_upper = t.end - t.begin >= 2;
    for (int32_t i = t.begin; i < t.end && all_upper; ++i) all_upper = IsUpperUnit(text[i]);
    if (!all_upper) break;
    if (++caps == 3) return true;
  }
  return false;
}

}  // namespace

bool Context::EntryStart(int32_t p) const {
  if (CapsLead(toks[p], doc.paragraphs[p].text)) return true;
  int32_t q = p;
  for (int steps = 0; steps < 2; ++steps) {
    int skipped = 0;
    do --q; while (q >= 0 && Blank(doc.paragraphs[q].text) && ++skipped < 8);
    if (q < 0) return false;
    if (EntryRule(doc.paragraphs[q].text)) return true;
  }
  return false;
}

bool Context::InsideTag(const Span& s) const { return InsideAny(tags_, s); }
bool Context::InsideEmbed(const Span& s) const { return InsideAny(embeds_, s); }

// Tags are `<` + a letter or `/`, up to the next `>`; a tag that a line
// break splits (`<tweet author="@x" date="March 3, 2015¶">We won ...`)
// runs on into the next paragraph, up to its first `>`. An embed runs from
// `<tweet` to `</tweet>` or `<tweet/>` (or the paragraph's end).
void Context::IndexMarkup() {
  const size_t np = doc.paragraphs.size();
  bool tag_open = false, tweet_open = false;  // carried over a line break
  for (size_t p = 0; p < np; ++p) {
    const std::u16string& t = doc.paragraphs[p].text;
    const int32_t pi = static_cast<int32_t>(p);
    int32_t embed_begin = tweet_open ? 0 : -1;
    size_t from = 0;
    if (tag_open) {
      const size_t close = t.find('>');
      const int32_t end = close == std::u16string::npos ? static_cast<int32_t>(t.size())
                                                        : static_cast<int32_t>(close + 1);
      tags_.push_back(Span{pi, 0, end});
      tag_open = close == std::u16string::npos && end < 400;
      from = end;
    }
    tweet_open = false;
    for (size_t i = t.find('<', from); i != std::u16string::npos; i = t.find('<', i + 1)) {
      if (i + 1 >= t.size() || !(u_isalpha(t[i + 1]) || t[i + 1] == '/')) continue;
      const bool open_tweet = t.compare(i, 6, u"<tweet") == 0 && t.compare(i, 8, u"<tweet/>");
      if (open_tweet && embed_begin < 0) embed_begin = static_cast<int32_t>(i);
      size_t close = t.find('>', i);
      if (close == std::u16string::npos) {  // the tag goes on after a line break
        tags_.push_back(Span{pi, static_cast<int32_t>(i), static_cast<int32_t>(t.size())});
        tag_open = true;
        tweet_open = embed_begin >= 0;
        break;
      }
      tags_.push_back(Span{pi, static_cast<int32_t>(i), static_cast<int32_t>(close + 1)});
      const bool close_tweet =
          t.compare(i, 8, u"</tweet>") == 0 || t.compare(i, 8, u"<tweet/>") == 0;
      if (close_tweet && embed_begin >= 0) {
        embeds_.push_back(Span{pi, embed_begin, static_cast<int32_t>(close + 1)});
        embed_begin = -1;
      }
      i = close;
    }
    if (embed_begin >= 0)
      embeds_.push_back(Span{pi, embed_begin, static_cast<int32_t>(t.size())});
  }
}

bool Context::Transcript(int32_t p) const {
  const std::u16string& t = doc.paragraphs[p].text;
  size_t b = t.find_first_not_of(u" \t\u00a0");
  if (b == std::u16string::npos || b + 2 > t.size()) return false;
  return (t[b] == 'Q' || t[b] == 'A') && t[b + 1] == ':';
}

}  // namespace checks_internal
}  // namespace factlens
