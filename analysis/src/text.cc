// Baseline text layer: ICU word and sentence segmentation. Quote pairing and
// abbreviation handling are being built (issue: foundation).
#include "factlens/text.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace factlens {

Span Quotation::InsideIn(int32_t p, const Document& doc) const {
  if (p < open.paragraph || (closed() && p > close.paragraph)) return Span{};
  if (p >= static_cast<int32_t>(doc.paragraphs.size())) return Span{};
  int32_t begin = 0;
  int32_t end = static_cast<int32_t>(doc.paragraphs[p].text.size());
  if (p == open.paragraph) begin = open.offset + 1;
  for (const Position& r : reopen)
    if (r.paragraph == p) begin = r.offset + 1;
  if (closed() && p == close.paragraph) end = close.offset;
  if (!closed() && p != open.paragraph) return Span{};
  return Span{p, begin, end};
}

ParagraphText SegmentParagraph(const std::u16string& text) {
  ParagraphText out;
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
  thread_local std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
  if (U_FAILURE(status) || !words || !sentences) return out;
  icu::UnicodeString ustr(false, text.data(), static_cast<int32_t>(text.size()));
  words->setText(ustr);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    UChar32 c = ustr.char32At(start);
    if (u_isUWhiteSpace(c)) continue;
    Token t{start, end, 0};
    if (u_isdigit(c)) t.flags |= kTokNumber;
    else if (u_isalpha(c)) t.flags |= kTokWord;
    else t.flags |= kTokPunct;
    out.tokens.push_back(t);
  }
  sentences->setText(ustr);
  start = sentences->first();
  size_t tok = 0;
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; start = end, end = sentences->next()) {
    Sentence s{start, end, static_cast<int32_t>(tok), static_cast<int32_t>(tok)};
    while (s.end > s.begin && u_isUWhiteSpace(ustr.charAt(s.end - 1))) --s.end;
    while (tok < out.tokens.size() && out.tokens[tok].begin < end) ++tok;
    s.end_token = static_cast<int32_t>(tok);
    if (s.end_token > s.first_token) out.tokens[s.first_token].flags |= kTokSentenceStart;
    out.sentences.push_back(s);
  }
  return out;
}

TextLayer AnalyzeText(const Document& doc) {
  TextLayer layer;
  layer.paragraphs.reserve(doc.paragraphs.size());
  for (const Paragraph& p : doc.paragraphs) layer.paragraphs.push_back(SegmentParagraph(p.text));
  return layer;
}

}  // namespace factlens
