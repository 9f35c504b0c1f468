// Copy-desk checks: the driver, shared helpers, and the quotation, source and
// number-style checks. The other families live in checks_*.cc. See
// docs/checks.md for what each check does and why it stays silent.
#include "factlens/checks.h"

#include <algorithm>
#include <map>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "checks/checks_internal.h"
#include "common/embedded_data.h"
#include "factlens/text.h"

namespace factlens {
namespace checks_internal {

// Token text is compared with literals as string views: the length check comes
// first, where comparing a std::u16string with a char16_t* measures the
// literal (char_traits<char16_t>::length is a loop) on every call.
using std::string_view_literals::operator""sv;

// ------------------------------------------------------------------ helpers

std::string Utf8(std::u16string_view s) {
  std::string out;
  icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

std::u16string Utf16(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  return std::u16string(u.getBuffer(), u.getBuffer() + u.length());
}

std::u16string Lower(std::u16string_view s) {
  bool ascii = true;
  for (char16_t c : s) ascii = ascii && c < 0x80;
  if (ascii) {
    std::u16string out(s);
    for (char16_t& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char16_t>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u(s.data(), static_cast<int32_t>(s.size()));
  u.toLower(icu::Locale::getEnglish());
  return std::u16string(u.getBuffer(), u.getBuffer() + u.length());
}

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

std::string NameKey(std::u16string_view s) {
  bool ascii = true;
  for (char16_t c : s)
    if (c >= 0x80) { ascii = false; break; }
  std::string key;
  if (ascii) {
    for (char16_t c : s) {
      if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.push_back(static_cast<char>(c));
    }
    return key;
  }
  // Transliteration costs tens of thousands of instructions per word and names
  // recur within and across documents: remember the keys of words (up to 64
  // code units) per thread; the transliterator is a pure function of its
  // input. At most 16384 entries (a few MB), then the memo starts afresh.
  constexpr size_t kMaxMemoWord = 64;
  constexpr size_t kMaxMemoEntries = 16384;
  thread_local std::unordered_map<std::u16string, std::string> memo;
  const bool memoise = s.size() <= kMaxMemoWord;
  std::u16string word;
  if (memoise) {
    word.assign(s);
    auto hit = memo.find(word);
    if (hit != memo.end()) return hit->second;
    if (memo.size() >= kMaxMemoEntries) memo.clear();
  }
  thread_local std::unique_ptr<icu::Transliterator> translit;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    UErrorCode status = U_ZERO_ERROR;
    translit.reset(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) translit.reset();
  }
  icu::UnicodeString u(s.data(), static_cast<int32_t>(s.size()));
  if (translit) translit->transliterate(u);
  else u.toLower(icu::Locale::getEnglish());
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.push_back(static_cast<char>(c));
    else if (c >= 0x80 && u_isalnum(c)) {  // untransliterated: keep as UTF-8
      std::string tmp;
      icu::UnicodeString(c).toUTF8String(tmp);
      key += tmp;
    }
  }
  if (memoise) memo.emplace(std::move(word), key);
  return key;
}

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
  if (ordinal) {
    { icu::FieldPosition fp; rbnf->format(v, icu::UnicodeString(u"%spellout-ordinal"), back, fp, s2); }
  } else {
    { icu::FieldPosition fp; rbnf->format(v, icu::UnicodeString(u"%spellout-numbering"), back, fp, s2); }
  }
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

}  // namespace

std::vector<Tok> Lex(const std::u16string& text) {
  std::vector<Tok> out;
  out.reserve(text.size() / 5 + 1);  // news text: about one token per 5 code units
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    const char16_t a = text[i];
    if (a < 0x80) {
      // ASCII: the same classes as the ICU properties below give (White_Space
      // is 09-0D and 20; letters A-Z a-z, upper case A-Z; no marks), without
      // the property lookups. Most news text is ASCII.
      if (a == ' ' || (a >= 0x09 && a <= 0x0D)) {
        ++i;
        continue;
      }
      if (IsAsciiLetter(a)) {
        ++i;
        while (i < n && IsAsciiLetter(text[i])) ++i;
        if (i == n || text[i] < 0x80) {  // an ASCII word: lower-case it in place
          Tok& t = out.emplace_back();
          t.begin = start;
          t.end = i;
          t.type = Tok::kWord;
          t.upper_initial = a <= 'Z';
          t.lower.assign(text, start, i - start);
          for (char16_t& c : t.lower)
            if (c <= 'Z') c = static_cast<char16_t>(c - 'A' + 'a');
          continue;
        }
        i = start;  // letters beyond ASCII follow: the general path below
      } else if (!(a >= '0' && a <= '9')) {  // one punctuation (or control) character
        Tok& t = out.emplace_back();
        t.begin = start;
        t.end = ++i;
        t.type = Tok::kPunct;
        t.lower.assign(1, a);
        continue;
      }
    }
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    if (u_isUWhiteSpace(c) || c == 0xA0) continue;
    Tok& t = out.emplace_back();  // built in place
    t.begin = start;
    if (u_isdigit(c)) {
      t.type = Tok::kNum;
      while (i < n) {
        char16_t d = text[i];
        if (d >= '0' && d <= '9') { ++i; continue; }
        if ((d == '.' || d == ',') && i + 1 < n && text[i + 1] >= '0' && text[i + 1] <= '9') {
          i += 2;
          continue;
        }
        break;
      }
    } else if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK) {
      t.type = Tok::kWord;
      t.upper_initial = u_isupper(c) || u_istitle(c);
      while (i < n) {
        UChar32 d;
        int32_t j = i;
        U16_NEXT(text.data(), j, n, d);
        if (u_isalpha(d) || u_charType(d) == U_NON_SPACING_MARK ||
            u_charType(d) == U_COMBINING_SPACING_MARK) {
          i = j;
        } else {
          break;
        }
      }
    } else {
      t.type = Tok::kPunct;
    }
    t.end = i;
    t.lower = Lower(std::u16string_view(text).substr(t.begin, t.end - t.begin));
  }
  return out;
}

int LatestFullDateYear(const Context& ctx);             // checks_dates.cc
std::optional<Date> DetectDateline(const Context& ctx);  // checks_dates.cc
void ReadDates(Context& ctx);                            // checks_dates.cc

Context::Context(const Document& d, const CheckOptions& o, Report* r)
    : doc(d), options(o), report(r) {
  const size_t np = doc.paragraphs.size();
  toks.resize(np);
  sentences.resize(np);
  const bool have_layer = report->text.paragraphs.size() == np;
  for (size_t p = 0; p < np; ++p) {
    toks[p] = Lex(doc.paragraphs[p].text);
    if (doc.paragraphs[p].text.empty()) continue;
    std::vector<Sentence> ss;
    if (have_layer) ss = report->text.paragraphs[p].sentences;
    if (ss.empty()) ss = SegmentParagraph(doc.paragraphs[p].text).sentences;
    for (const Sentence& s : ss) sentences[p].push_back({s.begin, s.end});
    if (sentences[p].empty())
      sentences[p].push_back({0, static_cast<int32_t>(doc.paragraphs[p].text.size())});
  }
  heading_like_.assign(np, -1);
  caption_like_.assign(np, -1);
  quote_insides_.resize(np);
  for (const Quotation& q : report->text.quotations) {
    int32_t last = q.closed() ? q.close.paragraph : q.open.paragraph;
    for (int32_t p = std::max<int32_t>(0, q.open.paragraph);
         p <= last && p < static_cast<int32_t>(np); ++p) {
      Span in = q.InsideIn(p, doc);
      if (in.valid() && !in.empty()) quote_insides_[p].push_back(in);
    }
  }
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
  return para.text.find(u"(Photo") != std::u16string::npos ||
         para.text.find(u"Photo:") != std::u16string::npos ||
         para.text.find(u"(photo") != std::u16string::npos;
}

bool Context::InsideQuotation(const Span& s) const {
  if (s.paragraph < 0 || s.paragraph >= static_cast<int32_t>(quote_insides_.size())) return false;
  for (const Span& in : quote_insides_[s.paragraph])
    if (s.begin >= in.begin && s.end <= in.end) return true;
  return false;
}

bool Context::HeadingLike(int32_t p) const {
  if (p >= 0 && p < static_cast<int32_t>(heading_like_.size()) && heading_like_[p] >= 0)
    return heading_like_[p] != 0;
  bool result = ComputeHeadingLike(p);
  if (p >= 0 && p < static_cast<int32_t>(heading_like_.size()))
    const_cast<Context*>(this)->heading_like_[p] = result ? 1 : 0;
  return result;
}

bool Context::ComputeHeadingLike(int32_t p) const {
  const Paragraph& para = doc.paragraphs[p];
  if (para.kind == ParagraphKind::kHeading) return true;
  if (para.kind != ParagraphKind::kBody) return false;
  int words = 0;
  for (const Tok& t : toks[p]) words += t.type == Tok::kWord;
  int32_t e = static_cast<int32_t>(para.text.size());
  while (e > 0 && u_isUWhiteSpace(para.text[e - 1])) --e;
  while (e > 0 && (para.text[e - 1] == u'”' || para.text[e - 1] == u'’' ||
                   para.text[e - 1] == '"' || para.text[e - 1] == '\''))
    --e;
  bool ends_sentence = e > 0 && (para.text[e - 1] == '.' || para.text[e - 1] == '?' ||
                                 para.text[e - 1] == '!' || para.text[e - 1] == ':');
  return !ends_sentence && words < 15;
}

// ------------------------------------------------------------------ quotes

namespace {

bool Overlaps(const Span& a, const Span& b) {
  return a.paragraph == b.paragraph && a.begin < b.end && b.begin < a.end;
}

// std::hash<std::u16string>, under another name. libstdc++ counts the standard
// string hashes as slow and searches containers of up to 20 elements linearly,
// comparing whole strings (a loop for char16_t); with any other hasher it
// hashes. For the small word tables looked up for every token.
struct WordHash {
  size_t operator()(const std::u16string& s) const { return std::hash<std::u16string>()(s); }
};

const std::unordered_set<std::u16string>& SpeechCues() {
  static const std::unordered_set<std::u16string> cues = [] {
    std::unordered_set<std::u16string> s;
    for (std::string_view line : EmbeddedLines("checks/speech_cues.txt")) s.insert(Utf16(line));
    return s;
  }();
  return cues;
}

struct Pattern {
  std::vector<std::vector<std::u16string>> slots;
};

const std::vector<Pattern>& VaguePatterns() {
  static const std::vector<Pattern> patterns = [] {
    std::vector<Pattern> out;
    for (std::string_view line : EmbeddedLines("checks/vague_sources.txt")) {
      Pattern p;
      size_t i = 0;
      while (i < line.size()) {
        size_t j = line.find(' ', i);
        if (j == std::string_view::npos) j = line.size();
        std::string_view slot = line.substr(i, j - i);
        std::vector<std::u16string> alts;
        size_t a = 0;
        while (a <= slot.size()) {
          size_t b = slot.find('|', a);
          if (b == std::string_view::npos) b = slot.size();
          if (b > a) alts.push_back(Utf16(slot.substr(a, b - a)));
          a = b + 1;
        }
        if (!alts.empty()) p.slots.push_back(std::move(alts));
        i = j + 1;
      }
      if (!p.slots.empty()) out.push_back(std::move(p));
    }
    return out;
  }();
  return patterns;
}

bool ParagraphHasCueUncached(const Context& ctx, int32_t p) {
  const auto& cues = SpeechCues();
  for (const Tok& t : ctx.toks[p])
    if (t.type == Tok::kWord && cues.count(t.lower)) return true;
  // A colon lead-in ("Lee said:" is covered by the cue; "Lee:" alone) counts.
  return false;
}

bool StatementLike(const Context& ctx, const Span& inside) {
  const std::u16string& text = ctx.doc.paragraphs[inside.paragraph].text;
  // Words as written (space-separated), and how many start with a capital.
  int words = 0, capitals = 0;
  bool in_word = false;
  for (int32_t i = inside.begin; i < inside.end; ++i) {
    bool space = u_isUWhiteSpace(text[i]);
    if (!space && !in_word) {
      ++words;
      if (u_isupper(text[i])) ++capitals;
    }
    in_word = !space;
  }
  if (words < 6) return false;
  // A title in title case ("Wha Gives You The Idea That You're So Amazing").
  if (capitals * 2 > words) return false;
  // A full sentence is quoted: it starts with a capital.
  int32_t b = inside.begin;
  while (b < inside.end && !u_isalnum(text[b])) ++b;
  return b < inside.end && u_isupper(text[b]);
}

}  // namespace

void CheckQuotesAndSources(Context& ctx) {
  const Report& r = *ctx.report;
  const Document& doc = ctx.doc;

  // unbalanced_quote: point at the mark.
  std::set<Position> flagged;  // a set: a storm of stray marks made this quadratic
  auto add_unbalanced = [&](Position pos, char16_t ch, bool opener_known, bool opener) {
    if (!flagged.insert(pos).second) return;
    Check c;
    c.kind = "unbalanced_quote";
    std::string mark = Utf8(std::u16string(1, ch));
    if (opener_known && opener)
      c.message = "This opening quotation mark " + mark +
                  " is never closed: where does the quotation end?";
    else if (opener_known)
      c.message = "This closing quotation mark " + mark + " has no opening mark.";
    else
      c.message = "This quotation mark " + mark + " has no partner.";
    c.spans.push_back(Span{pos.paragraph, pos.offset, pos.offset + 1});
    ctx.Add(std::move(c));
  };
  for (int32_t idx : r.text.unbalanced) {
    if (idx < 0 || idx >= static_cast<int32_t>(r.text.marks.size())) continue;
    const QuoteMark& m = r.text.marks[idx];
    bool known = true, opener = false;
    switch (m.ch) {
      case u'“': case u'‘': case u'«': case u'„': case u'‚': case u'「': case u'‹':
        opener = true; break;
      case u'”': case u'’': case u'»': case u'」': case u'›':
        opener = false; break;
      default: {
        known = false;
        // A straight mark: the pairing stage may say which role it tried.
        if (m.quotation >= 0 && m.quotation < static_cast<int32_t>(r.text.quotations.size())) {
          known = true;
          opener = !r.text.quotations[m.quotation].closed();
        }
      }
    }
    add_unbalanced(m.pos, m.ch, known, opener);
  }
  for (const Quotation& q : r.text.quotations) {
    if (q.closed() || q.open.paragraph < 0) continue;
    add_unbalanced(q.open, q.open_mark, true, true);
  }

  // unattributed_quote. Attributions and quoted terms by paragraph.
  std::vector<int8_t> cue_cache(doc.paragraphs.size(), -1);
  auto ParagraphHasCue = [&](const Context& c, int32_t p) {
    if (cue_cache[p] < 0) cue_cache[p] = ParagraphHasCueUncached(c, p) ? 1 : 0;
    return cue_cache[p] != 0;
  };
  std::vector<std::vector<const Attribution*>> attr_by_par(doc.paragraphs.size());
  std::vector<std::vector<Span>> terms_by_par(doc.paragraphs.size());
  for (const Attribution& a : r.attributions)
    if (a.content.paragraph >= 0 && a.content.paragraph < static_cast<int32_t>(doc.paragraphs.size()))
      attr_by_par[a.content.paragraph].push_back(&a);
  for (const QuotedTerm& t : r.quoted_terms)
    if (t.span.paragraph >= 0 && t.span.paragraph < static_cast<int32_t>(doc.paragraphs.size()))
      terms_by_par[t.span.paragraph].push_back(t.span);
  for (size_t qi = 0; qi < r.text.quotations.size(); ++qi) {
    const Quotation& q = r.text.quotations[qi];
    if (!q.closed() || q.depth > 0 || q.single) continue;
    Span inside = q.InsideIn(q.open.paragraph, doc);
    if (!inside.valid() || inside.empty()) continue;
    if (ctx.HeadingLike(inside.paragraph)) continue;
    bool term = false;
    for (const Span& t : terms_by_par[inside.paragraph]) term |= Overlaps(t, inside);
    if (term) continue;
    const Attribution* hit = nullptr;
    bool attributed = false;
    for (const Attribution* ap : attr_by_par[inside.paragraph]) {
      const Attribution& a = *ap;
      if (!Overlaps(a.content, inside)) continue;
      hit = &a;
      // A continuation counts only when it carries its speaker.
      if (a.speaker || a.speaker_entity >= 0 || !a.speaker_name.empty() || a.vague_source)
        attributed = true;
    }
    if (attributed) continue;
    if (!StatementLike(ctx, inside)) continue;
    // Safety net against missed attributions: a speech cue in the paragraph,
    // or a quotation-only paragraph right after a paragraph with a cue
    // (the cue-less continuation of the news convention).
    if (ParagraphHasCue(ctx, inside.paragraph)) continue;
    if (inside.paragraph > 0 && ParagraphHasCue(ctx, inside.paragraph - 1)) {
      const std::u16string& text = doc.paragraphs[inside.paragraph].text;
      size_t first = text.find_first_not_of(u" \t");
      if (first != std::u16string::npos && static_cast<int32_t>(first) == q.open.offset) continue;
    }
    Check c;
    c.kind = "unattributed_quote";
    c.message = hit ? "No speaker was found for this quotation: who said it?"
                    : "This quotation has no speaker and no attribution nearby: who said it?";
    c.spans.push_back(inside);
    ctx.Add(std::move(c));
  }

  // vague_source: from the attribution stage, then phrase patterns.
  std::vector<std::vector<Span>> vague_spans(doc.paragraphs.size());  // by paragraph: only those can overlap
  // The attribution stage's vague sources count when their words are the
  // unnamed collectives a copy desk queries (not "officials", "residents").
  static const std::unordered_set<std::u16string, WordHash> kVagueHeads = {
      u"analysts", u"critics", u"sources", u"source", u"observers", u"experts",
      u"insiders", u"commentators", u"some", u"many", u"others", u"people"};
  for (const Attribution& a : r.attributions) {
    if (!a.vague_source) continue;
    Span s = a.speaker ? *a.speaker : (a.cue ? *a.cue : a.content);
    if (!s.valid() || s.paragraph < 0 || s.paragraph >= static_cast<int32_t>(doc.paragraphs.size()))
      continue;
    bool head = false;
    auto [ta, tb] = ctx.TokRange(s.paragraph, s.begin, s.end);
    for (int k = ta; k < tb; ++k) head |= kVagueHeads.count(ctx.toks[s.paragraph][k].lower) > 0;
    if (!head) continue;
    vague_spans[s.paragraph].push_back(s);
    Check c;
    c.kind = "vague_source";
    c.message = "‘" + Utf8(ctx.Text(s)) +
                "’ is an unnamed source: name who said it, or say why they cannot be named.";
    c.spans.push_back(s);
    ctx.Add(std::move(c));
  }
  const auto& patterns = VaguePatterns();
  // Patterns by their first word, so each word is looked up once.
  static const std::unordered_map<std::u16string, std::vector<size_t>, WordHash> by_first = [&] {
    std::unordered_map<std::u16string, std::vector<size_t>, WordHash> m;
    for (size_t k = 0; k < patterns.size(); ++k)
      for (const auto& w : patterns[k].slots[0]) m[w].push_back(k);
    return m;
  }();
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const auto& ts = ctx.toks[p];
    std::vector<int> words;  // indices of word tokens
    words.reserve(ts.size());
    for (size_t i = 0; i < ts.size(); ++i)
      if (ts[i].type == Tok::kWord) words.push_back(static_cast<int>(i));
    for (size_t w = 0; w < words.size(); ++w) {
      auto first = by_first.find(ts[words[w]].lower);
      if (first == by_first.end()) continue;
      for (size_t pi : first->second) {
        const Pattern& pat = patterns[pi];
        if (w + pat.slots.size() > words.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < pat.slots.size() && ok; ++k) {
          const std::u16string& word = ts[words[w + k]].lower;
          ok = std::find(pat.slots[k].begin(), pat.slots[k].end(), word) != pat.slots[k].end();
          // Words of a phrase must not be separated by sentence punctuation.
          if (ok && k > 0) {
            for (int t = words[w + k - 1] + 1; t < words[w + k]; ++t) {
              char16_t ch = doc.paragraphs[p].text[ts[t].begin];
              if (ch == '.' || ch == ';' || ch == '?' || ch == '!' || ch == u'“' || ch == u'”' ||
                  ch == '"')
                ok = false;
            }
          }
        }
        if (!ok) continue;
        Span s{static_cast<int32_t>(p), ts[words[w]].begin,
               ts[words[w + pat.slots.size() - 1]].end};
        bool dup = false;
        for (const Span& v : vague_spans[p]) dup |= Overlaps(v, s);
        if (dup) continue;
        vague_spans[p].push_back(s);
        Check c;
        c.kind = "vague_source";
        c.message = "‘" + Utf8(ctx.Text(s)) +
                    "’: by whom? The claim has no named source.";
        c.spans.push_back(s);
        ctx.Add(std::move(c));
        break;
      }
    }
  }
}

// ------------------------------------------------------------------ number style

void CheckNumberStyle(Context& ctx) {
  const HouseStyle& st = ctx.options.style;
  const Document& doc = ctx.doc;
  const Report& r = *ctx.report;
  // Numerals below N spelled out: counts only (numbers, quantities without a
  // unit of measurement, ordinals), never money, percentages, dates, times.
  if (st.spell_out_below > 0) {
    for (const Figure& f : r.figures) {
      if (f.kind != FigureKind::kNumber && f.kind != FigureKind::kQuantity &&
          f.kind != FigureKind::kOrdinal)
        continue;
      if (!f.unit.empty() && f.kind == FigureKind::kQuantity) continue;  // 5 km, 3 kg
      std::u16string text = ctx.Text(f.span);
      if (text.empty() || !(text[0] >= '0' && text[0] <= '9')) continue;
      double v;
      if (!FigureNumber(f, &v) || v < 0 || v >= st.spell_out_below || v != std::floor(v)) continue;
      if (ctx.HeadingLike(f.span.paragraph)) continue;
      // Not in a run of figures ("5 to 12"): house styles keep those numeric.
      const std::u16string& pt = doc.paragraphs[f.span.paragraph].text;
      bool near_numeral = false;
      for (int32_t k = std::max(0, f.span.begin - 6);
           k < std::min<int32_t>(pt.size(), f.span.end + 6); ++k)
        if ((k < f.span.begin || k >= f.span.end) && pt[k] >= '0' && pt[k] <= '9')
          near_numeral = true;
      if (near_numeral) continue;
      UErrorCode status = U_ZERO_ERROR;
      icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
      icu::UnicodeString word;
      if (U_SUCCESS(status)) {
        if (f.kind == FigureKind::kOrdinal)
          { icu::FieldPosition fp; rbnf.format(v, icu::UnicodeString(u"%spellout-ordinal"), word, fp, status); }
        else
          rbnf.format(v, word, status);
      }
      std::string spelled;
      word.toUTF8String(spelled);
      Check c;
      c.kind = "number_style";
      c.message = "House style spells out numbers below " + std::to_string(st.spell_out_below) +
                  (spelled.empty() ? std::string(".") : ": write ‘" + spelled + "’.");
      c.spans.push_back(f.span);
      ctx.Add(std::move(c));
    }
  }
  // Percent style.
  if (!st.percent.empty()) {
    for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const auto& ts = ctx.toks[p];
      for (size_t i = 1; i < ts.size(); ++i) {
        if (ts[i - 1].type != Tok::kNum) continue;
        std::string used;
        Span s{static_cast<int32_t>(p), ts[i].begin, ts[i].end};
        if (ts[i].lower == u"%"sv) used = "%";
        else if (ts[i].lower == u"percent"sv) used = "percent";
        else if (ts[i].lower == u"pc"sv) used = "pc";
        else if (ts[i].lower == u"per"sv && i + 1 < ts.size() && ts[i + 1].lower == u"cent"sv) {
          used = "per cent";
          s.end = ts[i + 1].end;
        }
        if (used.empty() || used == st.percent) continue;
        Check c;
        c.kind = "number_style";
        c.message = "House style writes ‘" + st.percent + "’, not ‘" + used + "’.";
        c.spans.push_back(s);
        ctx.Add(std::move(c));
      }
    }
  }
  // Currency style.
  if (!st.currency.empty()) {
    struct Use { std::string prefix; Span span; };
    std::vector<std::pair<std::string, std::vector<Use>>> by_currency;
    for (const Figure& f : r.figures) {
      if (f.kind != FigureKind::kMoney || f.unit.empty()) continue;
      std::u16string text = ctx.Text(f.span);
      // The currency marker as written: text before the first digit, minus
      // approximators ("about US$" -> "US$").
      size_t d = 0;
      while (d < text.size() && !(text[d] >= '0' && text[d] <= '9')) ++d;
      if (d == 0 || d == text.size()) continue;  // "5 million yuan": suffix style
      std::u16string pre = text.substr(0, d);
      size_t sp = pre.find_last_of(u' ');
      std::u16string marker = sp == std::u16string::npos ? pre : pre.substr(sp + 1);
      if (marker.empty()) {  // "USD 34" -> the word before the space
        std::u16string trimmed = pre.substr(0, sp);
        size_t sp2 = trimmed.find_last_of(u' ');
        marker = sp2 == std::u16string::npos ? trimmed : trimmed.substr(sp2 + 1);
      }
      if (marker.empty()) continue;
      auto it = std::find_if(by_currency.begin(), by_currency.end(),
                             [&](const auto& e) { return e.first == f.unit; });
      if (it == by_currency.end()) {
        by_currency.push_back({f.unit, {}});
        it = by_currency.end() - 1;
      }
      it->second.push_back({Utf8(marker), f.span});
    }
    for (const auto& [currency, uses] : by_currency) {
      std::string preferred;
      if (st.currency != "consistent") {
        if (currency != "USD") continue;
        preferred = st.currency;
      } else {
        std::vector<std::pair<std::string, int>> counts;
        for (const Use& u : uses) {
          auto it = std::find_if(counts.begin(), counts.end(),
                                 [&](const auto& e) { return e.first == u.prefix; });
          if (it == counts.end()) counts.push_back({u.prefix, 1});
          else ++it->second;
        }
        if (counts.size() < 2) continue;
        preferred = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                      return a.second < b.second;
                    })->first;
      }
      for (const Use& u : uses) {
        if (u.prefix == preferred) continue;
        Check c;
        c.kind = "number_style";
        c.message = "Currency style: write ‘" + preferred + "’ as elsewhere, not ‘" + u.prefix + "’.";
        c.spans.push_back(u.span);
        ctx.Add(std::move(c));
      }
    }
  }
}

}  // namespace checks_internal

// ------------------------------------------------------------------ driver

void RunChecks(const Document& doc, const CheckOptions& options, Report* report) {
  if (!report) return;
  using namespace checks_internal;
  Context ctx(doc, options, report);
  CheckNames(ctx);
  CheckArithmetic(ctx);
  CheckDates(ctx);
  CheckQuotesAndSources(ctx);
  if (options.number_style || options.style.number_style) CheckNumberStyle(ctx);
  // Document order of the first span; stable for equal positions.
  std::stable_sort(ctx.out.begin(), ctx.out.end(), [](const Check& a, const Check& b) {
    Span sa = a.spans.empty() ? Span{INT32_MAX, 0, 0} : a.spans.front();
    Span sb = b.spans.empty() ? Span{INT32_MAX, 0, 0} : b.spans.front();
    return sa < sb;
  });
  for (Check& c : ctx.out) report->checks.push_back(std::move(c));
}

}  // namespace factlens
