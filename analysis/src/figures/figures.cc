// The figures stage: finds money, percentages, dates, times, durations,
// quantities, ordinals and plain numbers, and normalises their values.
//
// Each paragraph is cut into lexemes of its own (digit runs, letter runs,
// single symbols) so that figure boundaries never depend on the word
// breaker's choices; a matcher then tries, at each lexeme, dates, times and
// numeric figures in that order (scanner.h lists the files). This file is the
// stage's entry point. Conventions are documented in figures.h.
#include "factlens/figures.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/strings.h"
#include "factlens/text.h"
#include "figures/relations.h"
#include "figures/scanner.h"

namespace factlens {
namespace {

using std::string_view_literals::operator""sv;
using figures_internal::DayNumber;
using figures_internal::DocContext;
using figures_internal::FindRelations;
using figures_internal::GetTables;
using figures_internal::Scanner;
using figures_internal::SepsFor;

// Rounds away binary noise (272.9 * 1e9 = 272899999999.99997) by going through
// 15 significant decimal digits; std::to_chars/from_chars ignore the C locale
// (a host application such as LibreOffice may have set a decimal comma).
double CleanValue(double v) {
  // A whole number below 10^15 has at most 15 digits: it reads back as itself.
  if (v == std::floor(v) && std::fabs(v) < 1e15) return v;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
  if (res.ec != std::errc()) return v;
  double out = v;
  std::from_chars(buf, res.ptr, out);
  return out;
}

// When the document has no dateline, anchor relative dates on the date ending a
// line of its head, else on the latest full date the text itself states.
std::optional<Date> AnchorFromText(const Document& doc, const std::vector<Figure>& figs,
                                   bool* dateline) {
  std::optional<Date> best, head;
  *dateline = false;
  for (const Figure& f : figs) {
    if (f.kind != FigureKind::kDate || f.value.type != FigureValue::Type::kString) continue;
    if (!f.note.empty()) continue;  // inferred itself
    const std::string& s = f.value.str_lo;
    if (s.size() != 10 || s[4] != '-') continue;
    Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
    // A dateline: a full date in the first paragraphs followed by a dash
    // ("SINES, Portugal, January 9, 2026 — ...").
    if (f.span.paragraph < 3) {
      const std::u16string& t = doc.paragraphs[f.span.paragraph].text;
      size_t k = static_cast<size_t>(f.span.end);
      while (k < t.size() && t[k] == ' ') ++k;
      if (k < t.size() && (t[k] == 0x2014 || t[k] == 0x2013 || t[k] == '-' || t[k] == '(')) {
        *dateline = true;
        return d;
      }
      // A date ending a line of the head ("PARIS 1996-08-31", "Tuesday, May 3, 2011")
      // is the story's own: the anchor, before any later date the text names (a
      // deadline years ahead). Years are still inferred as from the text's dates.
      if (k == t.size() && !head) head = d;
    }
    if (!best || DayNumber(d.year, d.month, d.day) > DayNumber(best->year, best->month, best->day))
      best = d;
  }
  return head ? head : best;
}

struct DollarCue {
  const char16_t* cue;
  const char* code;
};

// Another dollar named by the dateline's city ("SYDNEY, March 3"): its code, or "".
std::string DollarOfDateline(const Document& doc) {
  static const DollarCue kCities[] = {
      {u"SYDNEY", "AUD"},     {u"MELBOURNE", "AUD"}, {u"CANBERRA", "AUD"}, {u"BRISBANE", "AUD"},
      {u"PERTH", "AUD"},      {u"HONG KONG", "HKD"}, {u"SINGAPORE", "SGD"}, {u"TORONTO", "CAD"},
      {u"OTTAWA", "CAD"},     {u"MONTREAL", "CAD"},  {u"VANCOUVER", "CAD"}, {u"CALGARY", "CAD"},
      {u"WELLINGTON", "NZD"}, {u"AUCKLAND", "NZD"},  {u"TAIPEI", "TWD"}};
  for (size_t p = 0; p < doc.paragraphs.size() && p < 3; ++p) {
    const std::u16string& s = doc.paragraphs[p].text;
    for (const DollarCue& c : kCities) {
      const std::u16string_view city(c.cue);
      if (s.compare(0, city.size(), city) == 0 && s.size() > city.size() &&
          (s[city.size()] == ',' || s[city.size()] == ' ' || s[city.size()] == '('))
        return c.code;
    }
  }
  return "";
}

// A "$" price a commodity market quotes in US dollars wherever it is written:
// "$387.50 an ounce", "$22 a barrel" (a "$" at most 24 characters before).
bool DollarCommodityPrice(const std::u16string& s) {
  static const char16_t* const kPerUnit[] = {u" an ounce", u" a barrel", u" per ounce",
                                             u" per barrel"};
  for (const char16_t* unit : kPerUnit) {
    for (size_t at = s.find(unit); at != std::u16string::npos; at = s.find(unit, at + 1)) {
      const size_t from = at > 24 ? at - 24 : 0;
      if (s.find(u'$', from) < at) return true;
    }
  }
  return false;
}

// What one pass over a paragraph finds of the dollar's marks: "$", the word
// ("ollar"), the code "USD".
struct DollarMarks {
  bool sign = false;
  bool word = false;
  bool code = false;
};

DollarMarks DollarMarksIn(std::u16string_view s) {
  DollarMarks m;
  for (size_t k = 0; k < s.size(); ++k) {
    const char16_t c = s[k];
    if (c == u'$') m.sign = true;
    else if (c == u'o' && !m.word) m.word = s.compare(k, 5, u"ollar") == 0;
    else if (c == u'U' && !m.code) m.code = s.compare(k, 3, u"USD") == 0;
  }
  return m;
}

// Another dollar named in words ("Australian dollars"): its code, or "";
// *usd: the text also names USD ("US$", "USD", "U.S. dollar").
std::string DollarOfText(const Document& doc, bool* usd) {
  static const DollarCue kNames[] = {{u"Australian dollar", "AUD"}, {u"Canadian dollar", "CAD"},
                                     {u"Hong Kong dollar", "HKD"}, {u"Singapore dollar", "SGD"},
                                     {u"New Zealand dollar", "NZD"}, {u"Taiwan dollar", "TWD"}};
  std::string other;
  *usd = false;
  for (const Paragraph& p : doc.paragraphs) {
    const std::u16string& s = p.text;
    const DollarMarks m = DollarMarksIn(s);
    if (!m.sign && !m.word && !m.code) continue;
    // "US$" holds the sign and the other two the word: no need to look without them.
    if (m.code || (m.sign && s.find(u"US$") != std::u16string::npos) ||
        (m.word && (s.find(u"U.S. dollar") != std::u16string::npos ||
                    s.find(u"US dollar") != std::u16string::npos)))
      *usd = true;
    if (!m.word) continue;  // every name below holds the word
    for (const DollarCue& c : kNames)
      if (other.empty() && s.find(c.cue) != std::u16string::npos) other = c.code;
  }
  return other;
}

// What a bare "$" means: USD, unless the dateline is in a city of another
// dollar ("SYDNEY, March 3") and the text quotes no commodity at a "$" price
// ("$387 an ounce": priced in US dollars everywhere), or the text names another dollar in words
// ("Australian dollars") and never USD. Prefixed forms ("HK$") do not count:
// writers use them precisely to tell those amounts from plain "$".
void DecideDollar(const Document& doc, DocContext* ctx) {
  std::string other = DollarOfDateline(doc);
  std::string why = "the dateline";
  if (!other.empty() &&
      std::any_of(doc.paragraphs.begin(), doc.paragraphs.end(),
                  [](const Paragraph& p) { return DollarCommodityPrice(p.text); }))
    return;  // a Hong Kong story that quotes gold at "$387 an ounce"
  if (other.empty()) {
    bool usd = false;
    other = DollarOfText(doc, &usd);
    why = "the text";
    if (usd) return;
  }
  if (other.empty()) return;
  ctx->dollar = other;
  ctx->dollar_note = "currency assumed " + other + " from " + why;
}

bool BySpan(const Figure& a, const Figure& b) { return a.span < b.span; }

// The figures of paragraph p, appended to *out in the order of their spans.
void ScanParagraph(const Document& doc, const Report& report, const DocContext& ctx, size_t p,
                   std::vector<Figure>* out) {
  const Paragraph& para = doc.paragraphs[p];
  bool any = false;
  for (char16_t c : para.text)
    if (c > ' ') {
      any = true;
      break;
    }
  if (!any) return;
  const ParagraphText* pt = report.text.paragraphs.size() == doc.paragraphs.size()
                                ? &report.text.paragraphs[p]
                                : nullptr;
  Scanner sc(GetTables(), ctx, para.text, static_cast<int32_t>(p), para.kind, pt);
  std::vector<Figure> f = sc.Run();
  // Mostly in order already; stable_sort would take a buffer for every paragraph.
  if (!std::is_sorted(f.begin(), f.end(), BySpan)) std::stable_sort(f.begin(), f.end(), BySpan);
  out->insert(out->end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
}

// Relative dates with no dateline: re-reads just their paragraphs against the
// latest full date the text states.
void RescanAgainstText(const Document& doc, const Report& report, DocContext* ctx,
                       std::vector<Figure>* figs) {
  std::vector<bool> redo(doc.paragraphs.size(), false);
  bool needs = false;
  for (const Figure& f : *figs)
    if (f.note.find("year unknown") != std::string::npos ||
        f.note.find("needs a reference date") != std::string::npos) {
      redo[f.span.paragraph] = true;
      needs = true;
    }
  bool dateline = false;
  std::optional<Date> anchor = needs ? AnchorFromText(doc, *figs, &dateline) : std::nullopt;
  if (!anchor) return;
  ctx->ref = anchor;
  ctx->ref_from_text = !dateline;
  ctx->ref_source = dateline ? "the dateline" : "other dates in the text";
  // In place: a long document's figures are not copied to a second list.
  figs->erase(std::remove_if(figs->begin(), figs->end(),
                             [&](const Figure& f) { return redo[f.span.paragraph]; }),
              figs->end());
  const auto middle = static_cast<std::ptrdiff_t>(figs->size());
  for (size_t p = 0; p < doc.paragraphs.size(); ++p)
    if (redo[p]) ScanParagraph(doc, report, *ctx, p, figs);
  std::inplace_merge(figs->begin(), figs->begin() + middle, figs->end(), BySpan);
}

// Whether v begins with a full ISO date, "YYYY-MM-DD".
bool FullIsoDate(const std::string& v) {
  return v.size() >= 10 && v[4] == '-' && v[7] == '-' &&
         std::isdigit(static_cast<unsigned char>(v[0]));
}

// v with its year moved on by one ("1996-05-24" -> "1997-05-24"); v itself when it holds
// no full date.
std::string NextYearOf(const std::string& v) {
  if (!FullIsoDate(v)) return v;
  return std::to_string(std::stoi(v.substr(0, 4)) + 1) + v.substr(4);
}

// A list of month-days that runs on in a coming year the text states: "the choir tours
// from April 8 next year" ... "April 11 v Eastmark". A month and day whose
// year was inferred takes the year of the latest full date stated before it when that
// year is the next one and lies after the reference date's, and the month-day falls on
// or after the stated one. Only forward: a story names its own year's dates without a
// year, so a stated past year is not carried.
void CarryComingYear(const std::optional<Date>& ref, std::vector<Figure>* figs) {
  if (!ref) return;
  int anchor_year = 0;
  std::string anchor_md;  // "MM-DD" of the latest full date the text states
  for (Figure& f : *figs) {
    if (f.kind != FigureKind::kDate || !FullIsoDate(f.value.str_lo)) continue;
    const std::string& v = f.value.str_lo;
    const bool inferred = f.note.find("year inferred") != std::string::npos;
    if (!inferred) {
      // One stated day ("April 8 next year", a dateline); not a range such as a week.
      if (f.note.find("resolved") == std::string::npos &&
          f.value.type == FigureValue::Type::kString) {
        anchor_year = std::stoi(v.substr(0, 4));
        if (anchor_year <= ref->year) anchor_year = 0;  // not a coming year
        anchor_md = v.substr(5, 5);
      }
      continue;
    }
    if (anchor_year != std::stoi(v.substr(0, 4)) + 1 || v.compare(5, 5, anchor_md) < 0) continue;
    f.value.str_lo = NextYearOf(f.value.str_lo);
    f.value.str_hi = NextYearOf(f.value.str_hi);
    f.note = "year carried from an earlier date of the coming year";
  }
}

// "on Nov. 12, 2012 he spoke ... the Nov. 12 admission": a month and day whose year was
// inferred takes on the year of that month and day stated in full earlier in the text.
void CarryYearOfSameDate(std::vector<Figure>* figs) {
  std::unordered_map<std::string, std::string> stated;  // "MM-DD" -> "YYYY"
  for (Figure& f : *figs) {
    if (f.kind != FigureKind::kDate || f.value.type != FigureValue::Type::kString ||
        !FullIsoDate(f.value.str_lo) || f.value.str_lo.size() != 10)
      continue;
    const std::string& v = f.value.str_lo;
    const std::string md = v.substr(5, 5);
    if (f.note.empty()) {
      stated[md] = v.substr(0, 4);
      continue;
    }
    if (f.note.find("year inferred") == std::string::npos) continue;
    auto it = stated.find(md);
    if (it == stated.end() || it->second == v.substr(0, 4)) continue;
    f.value.str_lo = it->second + "-" + md;
    f.note = "year of the same date stated earlier";
  }
}

// An amount in a currency later redenominated, in a story dated before the change ("497
// billion lei" in 1996): the code of its time (ROL, not RON; redenominations.txt).
void CodeOfTheTime(const std::optional<Date>& ref, std::vector<Figure>* figs) {
  if (!ref) return;
  const auto& old_codes = GetTables().old_codes;
  const int day =
      ref->year * 10000 + (ref->month ? ref->month : 1) * 100 + (ref->day ? ref->day : 1);
  for (Figure& f : *figs) {
    if (f.kind != FigureKind::kMoney) continue;
    // a code replaced later, or a name with no code ("marks") that meant one currency then
    const bool named = f.unit.empty();
    const auto it = old_codes.find(named ? f.note : f.unit);
    if (it == old_codes.end() || day >= it->second.until) continue;
    f.unit = it->second.code;
    if (named) f.note.clear();
    f.note += f.note.empty() ? "" : "; ";
    f.note += "currency code of the story's date";
  }
}

// The lower-case words of ASCII letters in a line, in order; whether it holds a digit.
bool LowerAsciiWords(const std::u16string& s, std::vector<std::string>* words) {
  words->clear();
  bool digit = false;
  std::string w;
  for (char16_t c : s) {
    digit = digit || (c >= '0' && c <= '9');
    if (c < 128 && IsLetterUnit(c)) {
      w += static_cast<char>(LowerUnit(c));
    } else if (!w.empty()) {
      words->push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) words->push_back(w);
  return digit;
}

// The currency and scale a table's header or note states for its amounts.
struct TableUnit {
  std::string code;
  double scale = 0;  // 0: the line states none
};

// "(in millions of euros unless stated)", "(thousand pounds)", "Amounts in billions
// of rand.": a short line without digits, in brackets or with "in" before the scale,
// that names a scale and then a currency.
TableUnit TableUnitLine(const std::u16string& s, const DocContext& ctx) {
  TableUnit unit;
  if (s.size() > 80) return unit;
  std::vector<std::string> w;
  if (LowerAsciiWords(s, &w) || w.size() > 12) return unit;
  const size_t first = s.find_first_not_of(u' ');
  const bool bracketed = first != std::u16string::npos && s[first] == '(';
  const auto& names = GetTables().currency_name;
  for (size_t i = 0; i < w.size(); ++i) {
    const double scale = GetTables().ScaleOf(w[i]);
    if (scale < 1000 || !(bracketed || (i > 0 && w[i - 1] == "in"))) continue;
    size_t j = i + 1;
    if (j < w.size() && w[j] == "of") ++j;
    for (size_t n = 2; n >= 1; --n) {  // "canadian dollars" before "dollars"
      if (j + n > w.size()) continue;
      const std::string name = n == 2 ? w[j] + " " + w[j + 1] : w[j];
      const auto c = names.find(name);
      if (c == names.end() || c->second.code.empty() || c->second.factor != 1.0) continue;
      unit.code = c->second.assumed && c->second.code == "USD" ? ctx.dollar : c->second.code;
      unit.scale = scale;
      return unit;
    }
  }
  return unit;
}

// A paragraph that is no part of a table: running prose (long, or a sentence of ten
// words or more) or a signature ("-- Reuters ...").
bool OutsideTable(const std::u16string& s) {
  if (s.size() > 80 || s.compare(0, 2, u"--") == 0) return true;
  const size_t last = s.find_last_not_of(u' ');
  if (last == std::u16string::npos) return false;
  const size_t words = static_cast<size_t>(std::count(s.begin(), s.end(), u' ')) + 1;
  return words >= 10 && (s[last] == '.' || s[last] == '!' || s[last] == '?');
}

// Whether a table row holds a label word of another unit ("per share", "pct") or a
// per cent sign (table_row_other_units.txt).
bool RowInOtherUnit(const std::u16string& s) {
  if (s.find(u'%') != std::u16string::npos) return true;
  const auto& other = GetTables().table_row_other_units;
  std::vector<std::string> words;
  LowerAsciiWords(s, &words);
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return other.count(w) > 0; });
}

// The bare numbers of a table whose header or note states its amounts' currency and
// scale are those amounts: "Turnover 41.5" under "(in millions of pounds)" is 41.5
// million GBP; "1.2 million" keeps its own scale. The table is the run of short lines around the
// unit line, up to prose, a signature or the document's first two lines.
void TableAmounts(const Document& doc, const DocContext& ctx, std::vector<Figure>* figs) {
  struct Block {
    size_t lo, hi;
    TableUnit unit;
  };
  // Nothing to read when no bare number was found (most texts without tables).
  if (std::none_of(figs->begin(), figs->end(),
                   [](const Figure& f) { return f.kind == FigureKind::kNumber; }))
    return;
  std::vector<Block> blocks;
  const size_t n = doc.paragraphs.size();
  for (size_t p = 0; p < n; ++p) {
    TableUnit unit = TableUnitLine(doc.paragraphs[p].text, ctx);
    if (unit.scale == 0) continue;
    size_t lo = p, hi = p;
    while (lo > 2 && !OutsideTable(doc.paragraphs[lo - 1].text)) --lo;
    while (hi + 1 < n && !OutsideTable(doc.paragraphs[hi + 1].text)) ++hi;
    blocks.push_back({lo, hi, unit});
  }
  if (blocks.empty()) return;
  for (Figure& f : *figs) {
    if (f.kind != FigureKind::kNumber || f.value.type != FigureValue::Type::kNumber) continue;
    const auto para = static_cast<size_t>(f.span.paragraph);
    const auto b = std::find_if(blocks.begin(), blocks.end(),
                                [&](const Block& k) { return k.lo <= para && para <= k.hi; });
    if (b == blocks.end()) continue;
    const std::u16string& row = doc.paragraphs[para].text;
    if (RowInOtherUnit(row)) continue;
    bool own_scale = false;  // "818 million"
    for (int32_t i = f.span.begin; i < f.span.end; ++i)
      own_scale = own_scale || (row[i] < 128 && IsLetterUnit(row[i]));
    f.kind = FigureKind::kMoney;
    f.unit = b->unit.code;
    if (!own_scale) f.value.lo *= b->unit.scale;
    f.value.hi = f.value.lo;
    f.note = "currency and scale as the table states them";
  }
}

// A month or a month-day ("2016-02", "2016-02-09") whose year was inferred.
bool InferredYearDate(const Figure& f) {
  const size_t n = f.value.str_lo.size();
  return f.note.rfind("year inferred from", 0) == 0 && (n == 7 || n == 10);
}

// "In 2008, the senator won 11 contests in February", "Eight years ago, ... in February":
// a month (or month-day) whose year was inferred takes the year of the date that opens
// its sentence ("In 2008," or "N years ago," and a comma).
void YearOpeningTheSentence(const Document& doc, const Report& report, std::vector<Figure>* figs) {
  if (report.text.paragraphs.size() != doc.paragraphs.size()) return;
  const Figure* opener = nullptr;
  int32_t opener_sentence = -1;  // the sentence of the opener, in its paragraph
  for (Figure& f : *figs) {
    if (f.kind != FigureKind::kDate || f.value.type != FigureValue::Type::kString) continue;
    const std::u16string& text = doc.paragraphs[f.span.paragraph].text;
    const ParagraphText& pt = report.text.paragraphs[f.span.paragraph];
    const int32_t si = SentenceAt(pt, f.span.begin);
    if (si < 0) continue;
    const int32_t begin = pt.sentences[si].begin;
    const std::string& v = f.value.str_lo;
    // A year opening the sentence: right at its start, or after "In "
    const bool at_start =
        f.span.begin == begin ||
        (f.span.begin == begin + 3 && text.compare(begin, 3, u"In ") == 0);
    if (at_start && v.size() == 4 && static_cast<size_t>(f.span.end) < text.size() &&
        text[f.span.end] == u',') {
      opener = &f;
      opener_sentence = si;
      continue;
    }
    if (!opener || opener->span.paragraph != f.span.paragraph || opener_sentence != si ||
        !InferredYearDate(f))
      continue;
    const std::string year = opener->value.str_lo;
    if (v.compare(0, 4, year) == 0) continue;
    f.value.str_lo = year + v.substr(4);
    f.note = "year of the date opening the sentence";
  }
}

// "the review opened in March of that year": a month (or month-day) whose year was
// inferred, right before "of that year", takes the year last stated before it in its
// paragraph ("In 2014 ...").
void YearOfThatYear(const Document& doc, std::vector<Figure>* figs) {
  static const std::u16string kOfThatYear = u" of that year";
  const Figure* last_year = nullptr;
  for (Figure& f : *figs) {
    if (f.kind != FigureKind::kDate || f.value.type != FigureValue::Type::kString) continue;
    const std::string& v = f.value.str_lo;
    if (last_year && last_year->span.paragraph != f.span.paragraph) last_year = nullptr;
    if (v.size() == 4 && f.note.empty()) {
      last_year = &f;
      continue;
    }
    if (!last_year || !InferredYearDate(f)) continue;
    const std::u16string& text = doc.paragraphs[f.span.paragraph].text;
    if (text.compare(f.span.end, kOfThatYear.size(), kOfThatYear) != 0) continue;
    f.value.str_lo = last_year->value.str_lo + v.substr(4);
    f.note = "year of the year stated before it";
  }
}

}  // namespace

void FindFigures(const Document& doc, Report* report) {
  DocContext ctx;
  ctx.ref = doc.reference_date;
  ctx.seps = SepsFor(doc.language);
  ctx.english = doc.language.empty() || doc.language.compare(0, 2, "en") == 0;
  DecideDollar(doc, &ctx);
  std::vector<Figure> figs;
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) ScanParagraph(doc, *report, ctx, p, &figs);
  if (!ctx.ref) RescanAgainstText(doc, *report, &ctx, &figs);
  CarryComingYear(ctx.ref, &figs);
  CarryYearOfSameDate(&figs);
  YearOpeningTheSentence(doc, *report, &figs);
  YearOfThatYear(doc, &figs);
  TableAmounts(doc, ctx, &figs);
  CodeOfTheTime(ctx.ref, &figs);
  for (Figure& f : figs) {
    if (f.value.type == FigureValue::Type::kNumber ||
        f.value.type == FigureValue::Type::kNumberRange) {
      f.value.lo = CleanValue(f.value.lo);
      f.value.hi = CleanValue(f.value.hi);
    }
  }
  report->figures = std::move(figs);  // in order: by paragraph, each sorted
  report->figure_relations.clear();
  FindRelations(doc, report, GetTables());
}

}  // namespace factlens
