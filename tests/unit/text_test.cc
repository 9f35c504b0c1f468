// Unit tests for the text layer (factlens/text.h): tokens, sentences,
// abbreviations and quotation pairing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <string>
#include <vector>

#include <unicode/unistr.h>

#include "factlens/document.h"
#include "factlens/io.h"
#include "factlens/text.h"

using factlens::Document;
using factlens::MarkRole;
using factlens::ParagraphText;
using factlens::TextLayer;

namespace {

std::u16string U16(const std::string& utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  return std::u16string(reinterpret_cast<const char16_t*>(s.getBuffer()), s.length());
}

std::string U8(const std::u16string& s) {
  std::string out;
  icu::UnicodeString(false, reinterpret_cast<const UChar*>(s.data()), static_cast<int32_t>(s.size()))
      .toUTF8String(out);
  return out;
}

std::vector<std::string> Tokens(const std::string& text) {
  std::u16string t = U16(text);
  ParagraphText p = factlens::SegmentParagraph(t);
  std::vector<std::string> out;
  for (const auto& tok : p.tokens) out.push_back(U8(t.substr(tok.begin, tok.end - tok.begin)));
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  std::u16string t = U16(text);
  ParagraphText p = factlens::SegmentParagraph(t);
  std::vector<std::string> out;
  for (const auto& s : p.sentences) out.push_back(U8(t.substr(s.begin, s.end - s.begin)));
  return out;
}

// The token of `p` whose text is `word` (first occurrence).
factlens::Token Find(const std::string& text, const std::string& word) {
  std::u16string t = U16(text);
  std::u16string w = U16(word);
  ParagraphText p = factlens::SegmentParagraph(t);
  for (const auto& tok : p.tokens)
    if (t.compare(tok.begin, tok.end - tok.begin, w) == 0) return tok;
  FAIL("no token " << word << " in " << text);
  return {};
}

Document Doc(const std::vector<std::string>& paragraphs) {
  Document doc;
  for (const auto& p : paragraphs) doc.paragraphs.push_back({U16(p), factlens::ParagraphKind::kBody});
  return doc;
}

// The quotations as "inside text" strings (per paragraph joined by " | "),
// prefixed with "!" when unclosed.
std::vector<std::string> Quotes(const Document& doc, const TextLayer& layer) {
  std::vector<std::string> out;
  for (const auto& q : layer.quotations) {
    std::string s = q.closed() ? "" : "!";
    bool first = true;
    int32_t last = q.closed() ? q.close.paragraph : q.open.paragraph;
    for (const auto& r : q.reopen) last = std::max(last, r.paragraph);
    for (int32_t p = q.open.paragraph; p <= last; ++p) {
      factlens::Span span = q.InsideIn(p, doc);
      if (!span.valid()) continue;
      if (!first) s += " | ";
      s += U8(factlens::SpanText(doc, span));
      first = false;
    }
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> Quotes(const std::vector<std::string>& paragraphs) {
  Document doc = Doc(paragraphs);
  return Quotes(doc, factlens::AnalyzeText(doc));
}

// Roles of all marks as a string: o(pen) c(lose) a(postrophe) u(nbalanced)
// r(eopen) p(rime).
std::string Roles(const std::vector<std::string>& paragraphs) {
  Document doc = Doc(paragraphs);
  TextLayer layer = factlens::AnalyzeText(doc);
  std::string out;
  for (const auto& m : layer.marks) {
    switch (m.role) {
      case MarkRole::kOpen: out += 'o'; break;
      case MarkRole::kClose: out += 'c'; break;
      case MarkRole::kApostrophe: out += 'a'; break;
      case MarkRole::kUnbalanced: out += 'u'; break;
      case MarkRole::kReopen: out += 'r'; break;
      case MarkRole::kPrime: out += 'p'; break;
    }
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

TEST_CASE("Tokens: abbreviations, hyphens, possessives, numbers", "[text]") {
  CHECK(Tokens("The U.S. and Mr. Lee met.") == V{"The", "U.S.", "and", "Mr.", "Lee", "met", "."});
  CHECK(Tokens("Lee Jae-myung said") == V{"Lee", "Jae-myung", "said"});
  CHECK(Tokens("China’s view") == V{"China’s", "view"});
  CHECK(Tokens("China's view") == V{"China's", "view"});
  CHECK(Tokens("It cost 1,200.5 or US$272.9 at 2.15pm.") ==
        V{"It", "cost", "1,200.5", "or", "US", "$", "272.9", "at", "2.15pm", "."});
  CHECK(Tokens("No. 10 Downing St. is here.") ==
        V{"No.", "10", "Downing", "St.", "is", "here", "."});
  CHECK(Tokens("Say no. Then go.") == V{"Say", "no", ".", "Then", "go", "."});
  CHECK(Tokens("On Mar.1 we met") == V{"On", "Mar.", "1", "we", "met"});
  CHECK(Tokens("J. K. Rowling, e.g. here") == V{"J.", "K.", "Rowling", ",", "e.g.", "here"});
  CHECK(Tokens("a 30-year-old and COVID-19") == V{"a", "30", "-", "year-old", "and", "COVID-19"});
  CHECK(Tokens("  spaced\u00A0out\tand\u3000more  ") == V{"spaced", "out", "and", "more"});
  CHECK(Tokens("“Yes,” he said") == V{"“", "Yes", ",", "”", "he", "said"});
}

TEST_CASE("Token flags", "[text]") {
  using namespace factlens;
  Token mr = Find("Then Mr. Lee spoke.", "Mr.");
  CHECK(mr.Has(kTokAbbreviation));
  CHECK(mr.Has(kTokWord));
  CHECK(mr.Has(kTokUpperInitial));
  CHECK_FALSE(mr.Has(kTokAllUpper));
  Token us = Find("The U.S. economy", "U.S.");
  CHECK(us.Has(kTokAbbreviation));
  CHECK(us.Has(kTokAllUpper));
  Token nato = Find("NATO said", "NATO");
  CHECK(nato.Has(kTokAllUpper));
  CHECK(nato.Has(kTokUpperInitial));
  CHECK(nato.Has(kTokSentenceStart));
  CHECK(nato.Has(kTokFirstWord));
  Token said = Find("NATO said", "said");
  CHECK_FALSE(said.Has(kTokUpperInitial));
  CHECK_FALSE(said.Has(kTokSentenceStart));
  Token num = Find("It cost 1,200.5 won", "1,200.5");
  CHECK(num.Has(kTokNumber));
  CHECK_FALSE(num.Has(kTokWord));
  Token comma = Find("a, b", ",");
  CHECK(comma.Has(kTokPunct));
  Token jae = Find("Lee Jae-myung", "Jae-myung");
  CHECK(jae.Has(kTokHyphenated));
  CHECK(jae.Has(kTokUpperInitial));
  // Sentence start vs first word after an opening quote.
  ParagraphText p = SegmentParagraph(u"“We agree,” Lee said.");
  REQUIRE(p.tokens.size() >= 2);
  CHECK(p.tokens[0].Has(kTokSentenceStart));
  CHECK(p.tokens[0].Has(kTokQuote));
  CHECK_FALSE(p.tokens[0].Has(kTokFirstWord));
  CHECK(p.tokens[1].Has(kTokFirstWord));
  // Chinese has no case.
  Token zh = Find("北京", "北京");
  CHECK(zh.Has(kTokWord));
  CHECK_FALSE(zh.Has(kTokUpperInitial));
  CHECK_FALSE(zh.Has(kTokAllUpper));
}

TEST_CASE("Possessives: flag and stem", "[text]") {
  using namespace factlens;
  std::u16string t = u"China’s and Koreans’ views; it's";
  ParagraphText p = SegmentParagraph(t);
  REQUIRE(p.tokens.size() == 7);
  CHECK(p.tokens[0].Has(kTokPossessive));
  CHECK(StemEnd(t, p.tokens[0]) == 5);  // "China"
  CHECK(p.tokens[2].Has(kTokPossessive));  // Koreans
  CHECK(StemEnd(t, p.tokens[2]) == p.tokens[2].end);
  CHECK(p.tokens[3].Has(kTokApostrophe));  // ’
  CHECK_FALSE(p.tokens[3].Has(kTokQuote));
  CHECK(p.tokens[6].Has(kTokPossessive));  // it's: flagged, stem "it"
  CHECK_FALSE(p.tokens[4].Has(kTokPossessive));
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

TEST_CASE("Sentences do not break after abbreviations", "[text]") {
  CHECK(Sentences("Mr. Lee met Mrs. Kim and Dr. Park. They talked.") ==
        V{"Mr. Lee met Mrs. Kim and Dr. Park.", "They talked."});
  CHECK(Sentences("Prof. Ahn and Gen. Choi met Sen. Warren and Rep. Ocasio-Cortez.") ==
        V{"Prof. Ahn and Gen. Choi met Sen. Warren and Rep. Ocasio-Cortez."});
  CHECK(Sentences("He lives on St. James Street. It is quiet.") ==
        V{"He lives on St. James Street.", "It is quiet."});
  CHECK(Sentences("He lives on Main St. The house is old.") ==
        V{"He lives on Main St.", "The house is old."});
  CHECK(Sentences("The U.S. Treasury and the U.K. Foreign Office agreed.") ==
        V{"The U.S. Treasury and the U.K. Foreign Office agreed."});
  CHECK(Sentences("Talks were held in the U.S. The next round is in Seoul.") ==
        V{"Talks were held in the U.S.", "The next round is in Seoul."});
  CHECK(Sentences("It opened on Jan. 5 and closed on Dec. 12 last year.") ==
        V{"It opened on Jan. 5 and closed on Dec. 12 last year."});
  for (const char* m : {"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
                        "Nov.", "Dec."}) {
    std::string s = std::string("It ends on ") + m + " 3 this year. Then more.";
    CHECK(Sentences(s).size() == 2);
  }
  CHECK(Sentences("He lives at No. 10 Downing Street. It is old.") ==
        V{"He lives at No. 10 Downing Street.", "It is old."});
  CHECK(Sentences("The answer was no. The talks ended.") ==
        V{"The answer was no.", "The talks ended."});
  CHECK(Sentences("Signed on Mar.1 in Seoul. Later, more.") ==
        V{"Signed on Mar.1 in Seoul.", "Later, more."});
  CHECK(Sentences("Apple Inc. Chief Executive Tim Cook, Samsung Co. and Foo Corp. met Bar Ltd. staff.")
            .size() == 1);
  CHECK(Sentences("The deal was signed by Acme Corp. The shares rose.") ==
        V{"The deal was signed by Acme Corp.", "The shares rose."});
  CHECK(Sentences("It was Korea vs. Japan, e.g. a derby, i.e. a big game.").size() == 1);
  CHECK(Sentences("J. K. Rowling wrote it. She was in Edinburgh.") ==
        V{"J. K. Rowling wrote it.", "She was in Edinburgh."});
  CHECK(Sentences("The meeting starts at 2 p.m. The press waits.") ==
        V{"The meeting starts at 2 p.m.", "The press waits."});
  CHECK(Sentences("ALL CAPS: MR. LEE SPOKE. THE END.") == V{"ALL CAPS: MR. LEE SPOKE.", "THE END."});
}

TEST_CASE("Sentences: a quoted question or exclamation before a lower-case word", "[text]") {
  CHECK(Sentences("“Is it?” he asked. “Yes!” Done.") == V{"“Is it?” he asked.", "“Yes!”", "Done."});
  CHECK(Sentences("\"Really?!\" she said.") == V{"\"Really?!\" she said."});
  CHECK(Sentences("He left (really!) and came back.").size() == 1);
  CHECK(Sentences("Are they alike? and different?").size() == 2);  // bare "?": ICU decides
}

TEST_CASE("Sentences: plain cases", "[text]") {
  CHECK(Sentences("One. Two? Three!") == V{"One.", "Two?", "Three!"});
  CHECK(Sentences("“We agree,” he said. “Good.” Then silence.") ==
        V{"“We agree,” he said.", "“Good.”", "Then silence."});
  CHECK(Sentences("No final stop") == V{"No final stop"});
  CHECK(Sentences("   ").empty());
  CHECK(Sentences("").empty());
  // Sentences cover their tokens exactly.
  std::u16string t = u"A b. C d e. F.";
  ParagraphText p = factlens::SegmentParagraph(t);
  REQUIRE(p.sentences.size() == 3);
  CHECK(p.sentences[0].first_token == 0);
  CHECK(p.sentences[0].end_token == 3);
  CHECK(p.sentences[1].first_token == 3);
  CHECK(p.sentences[2].end_token == static_cast<int32_t>(p.tokens.size()));
}

// ---------------------------------------------------------------------------
// Quotation pairing
// ---------------------------------------------------------------------------

TEST_CASE("Quotes: typed pairs", "[text][quotes]") {
  CHECK(Quotes({"Lee said: “We agree.” Xi nodded."}) == V{"We agree."});
  CHECK(Quotes({"Er sagte: „Wir stimmen zu“, und ging."}) == V{"Wir stimmen zu"});
  CHECK(Quotes({"Il a dit : « Nous sommes d’accord » hier."}) == V{" Nous sommes d’accord "});
  CHECK(Quotes({"Sie sagte: ‚Ja‘ und ‹non›."}) == V{"Ja", "non"});
  CHECK(Quotes({"他说「我们同意」。"}) == V{"我们同意"});
  CHECK(Roles({"“A” ‘B’ «C» „D“ ‚E‘ 「F」"}) == "oc" "oc" "oc" "oc" "oc" "oc");
}

TEST_CASE("Quotes: straight quotes by context", "[text][quotes]") {
  CHECK(Quotes({"He said \"we agree\" and 'fine' then left."}) == V{"we agree", "fine"});
  CHECK(Quotes({"\"Yes,\" she said, \"it is.\""}) == V{"Yes,", "it is."});
  CHECK(Quotes({"(\"quoted\")"}) == V{"quoted"});
  CHECK(Quotes({"He is 5'10\" tall and said \"hi\"."}) == V{"hi"});
  CHECK(Roles({"He is 5'10\" tall."}) == "pp");
  CHECK(Roles({"don't, it's, rock 'n' roll"}) == "aaaa");
}

TEST_CASE("Quotes: nested single inside double", "[text][quotes]") {
  Document doc = Doc({"“He told me ‘never again’ and left,” she said."});
  TextLayer layer = factlens::AnalyzeText(doc);
  REQUIRE(layer.quotations.size() == 2);
  CHECK(Quotes(doc, layer) == V{"He told me ‘never again’ and left,", "never again"});
  CHECK(layer.quotations[0].depth == 0);
  CHECK(layer.quotations[1].depth == 1);
  CHECK(layer.quotations[1].single);
  CHECK_FALSE(layer.quotations[0].single);
  CHECK(Quotes({"\"She said 'no,' really\""}) == V{"She said 'no,' really", "no,"});
  CHECK(Quotes({"“‘Hello,’ he wrote”"}) == V{"‘Hello,’ he wrote", "Hello,"});
}

TEST_CASE("Quotes: apostrophes", "[text][quotes]") {
  CHECK(Roles({"China’s view, don’t, the ’90s, Koreans’ hopes, class of ’98."}) == "aaaaa");
  CHECK(Quotes({"China’s view, don’t, the ’90s, Koreans’ hopes."}).empty());
  // Plural possessive inside a single quote: the later ’ closes.
  CHECK(Quotes({"‘The Koreans’ view is clear,’ he said."}) == V{"The Koreans’ view is clear,"});
  // A single quote that ends in s’ closes when nothing later can.
  CHECK(Quotes({"They called it ‘the Koreans’ and left."}) == V{"the Koreans"});
  CHECK(Quotes({"‘Full Restoration’\u00A0"}) == V{"Full Restoration"});
  CHECK(Roles({"’em and ’til"}) == "aa");
  CHECK(Roles({"the '90s and 'em"}) == "aa");
  // Tokenised text: clitics split off, and apostrophes with spaces around.
  CHECK(Roles({"It 's fine , I 'm sure they 're here"}) == "aaa");
  CHECK(Roles({"I don ’ t know , Lee ’ s view"}) == "aa");
  CHECK(Quotes({"‘I don ’ t know , ’ he said"}) == V{"I don ’ t know , "});
}

TEST_CASE("Quotes: carried over paragraphs", "[text][quotes]") {
  Document doc = Doc({"“First part of the quote.", "“Second part.", "", "“Third,” he said."});
  TextLayer layer = factlens::AnalyzeText(doc);
  REQUIRE(layer.quotations.size() == 1);
  const auto& q = layer.quotations[0];
  CHECK(q.closed());
  CHECK(q.close.paragraph == 3);
  REQUIRE(q.reopen.size() == 2);
  CHECK(q.reopen[0] == factlens::Position{1, 0});
  CHECK(q.reopen[1] == factlens::Position{3, 0});
  CHECK(Quotes(doc, layer) == V{"First part of the quote. | Second part. |  | Third,"});
  CHECK(layer.unbalanced.empty());
  CHECK(Roles({"“First.", "“Second,” he said."}) == "orc");
  // Nested carry: both marks re-open.
  CHECK(Roles({"“He said ‘wait.", "“‘Now,’ he said.”"}) == "oorrcc");
}

TEST_CASE("Quotes: a ten-paragraph quote", "[text][quotes]") {
  std::vector<std::string> paras;
  for (int i = 0; i < 10; ++i) paras.push_back("“Paragraph " + std::to_string(i) + " of the speech.");
  paras.back() = "“The end,” he said.";
  Document doc = Doc(paras);
  TextLayer layer = factlens::AnalyzeText(doc);
  REQUIRE(layer.quotations.size() == 1);
  CHECK(layer.quotations[0].reopen.size() == 9);
  CHECK(layer.quotations[0].close.paragraph == 9);
  CHECK(layer.unbalanced.empty());
  for (int p = 0; p < 10; ++p) CHECK(layer.quotations[0].InsideIn(p, doc).valid());
}

TEST_CASE("Quotes: stray marks never swallow the rest", "[text][quotes]") {
  // Stray opener: next paragraph does not open with a quote.
  Document doc = Doc({"He said “we will win.", "Then he left. “Fine,” she said."});
  TextLayer layer = factlens::AnalyzeText(doc);
  REQUIRE(layer.quotations.size() == 2);
  CHECK_FALSE(layer.quotations[0].closed());
  CHECK(layer.quotations[1].closed());
  CHECK(Quotes(doc, layer) == V{"!we will win.", "Fine,"});
  REQUIRE(layer.unbalanced.size() == 1);
  CHECK(layer.marks[layer.unbalanced[0]].pos == factlens::Position{0, 8});
  CHECK(layer.quotations[0].InsideIn(1, doc).valid() == false);
  // Stray closer.
  CHECK(Roles({"He won.” Then “yes” again."}) == "uoc");
  // Stray opener at the end of a paragraph, within the paragraph.
  CHECK(Quotes({"“A” and “B and “C”"}) == V{"A", "!B and “C”", "C"});
  // Headings never carry.
  Document h;
  h.paragraphs.push_back({u"“Open heading", factlens::ParagraphKind::kHeading});
  h.paragraphs.push_back({u"“Body,” he said.", factlens::ParagraphKind::kBody});
  TextLayer hl = factlens::AnalyzeText(h);
  REQUIRE(hl.quotations.size() == 2);
  CHECK_FALSE(hl.quotations[0].closed());
  CHECK(hl.quotations[1].closed());
}

TEST_CASE("Quotes: news patterns", "[text][quotes]") {
  CHECK(Quotes({"“We will,” said Lee, “continue.”"}) == V{"We will,", "continue."});
  CHECK(Quotes({"He called it a “historic” day."}) == V{"historic"});
  CHECK(Quotes({"“He said ‘no.’”"}) == V{"He said ‘no.’", "no."});
  CHECK(Quotes({"“We —” he began."}) == V{"We —"});
  CHECK(Quotes({"‘In the ’60s we had more,’ he said"}) == V{"In the ’60s we had more,"});
  CHECK(Quotes({"‘the Joneses’ house and the Smiths’ car’"}) == V{"the Joneses’ house and the Smiths’ car"});
  CHECK(Quotes({"'the Koreans' view,' he said"}) == V{"the Koreans' view,"});
  CHECK(Quotes({"‘We won’ and the Koreans’ stance"}) == V{"We won"});
  CHECK(Quotes({"He said , \" we agree . \" Then"}) == V{" we agree . "});
}

TEST_CASE("Quotes: mixed straight and curly", "[text][quotes]") {
  CHECK(Quotes({"He said \"we agree” and “fine\" then."}) == V{"we agree", "fine"});
  CHECK(Quotes({"'Yes’ and ‘no'"}) == V{"Yes", "no"});
}

TEST_CASE("Marks are listed in document order with roles", "[text][quotes]") {
  Document doc = Doc({"“A ‘b’ c’s”", "x"});
  TextLayer layer = factlens::AnalyzeText(doc);
  REQUIRE(layer.marks.size() == 5);
  for (size_t i = 1; i < layer.marks.size(); ++i) CHECK(layer.marks[i - 1].pos < layer.marks[i].pos);
  CHECK(layer.marks[0].role == MarkRole::kOpen);
  CHECK(layer.marks[0].quotation == 0);
  CHECK(layer.marks[3].role == MarkRole::kApostrophe);
  CHECK(layer.marks[3].quotation == -1);
  CHECK(layer.marks[4].role == MarkRole::kClose);
  CHECK(layer.marks[4].quotation == 0);
}

// ---------------------------------------------------------------------------
// The real sample (development check; skipped without ../shared)
// ---------------------------------------------------------------------------

TEST_CASE("Quote pairing on the shared sample article", "[text][quotes][shared]") {
  const char* env = std::getenv("FACTLENS_SHARED");
  std::string shared = env != nullptr ? env : std::string(FACTLENS_SOURCE_DIR) + "/../shared";
  std::ifstream in(shared + "/samples/000_f28148b3b02c48fe.txt", std::ios::binary);
  if (!in) {
    WARN("SKIPPED: " << shared << "/samples is absent (set FACTLENS_SHARED)");
    return;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  Document doc;
  std::string error;
  REQUIRE(factlens::DocumentFromUtf8(buf.str(), &doc, &error));
  TextLayer layer = factlens::AnalyzeText(doc);
  int doubles = 0, singles = 0, apostrophes = 0, other = 0;
  for (const auto& q : layer.quotations) {
    if (!q.closed()) continue;
    if (q.open_mark == u'“' && q.close_mark == u'”') ++doubles;
    if (q.open_mark == u'‘' && q.close_mark == u'’') ++singles;
  }
  for (const auto& m : layer.marks) {
    if (m.ch == u'’' && m.role == MarkRole::kApostrophe) ++apostrophes;
    if (m.role == MarkRole::kUnbalanced || m.role == MarkRole::kReopen) ++other;
  }
  CHECK(doubles == 33);
  CHECK(singles == 2);
  CHECK(apostrophes == 43);
  CHECK(other == 0);
  CHECK(layer.unbalanced.empty());
  CHECK(layer.quotations.size() == 35);
  // The two single-quoted section headings are whole paragraphs.
  for (const auto& q : layer.quotations) {
    if (!q.single) continue;
    CHECK(q.open.paragraph == q.close.paragraph);
    CHECK(q.open.offset == 0);
  }
}

// ---------------------------------------------------------------------------
// Invariants on random input, and thread safety
// ---------------------------------------------------------------------------

namespace {

void CheckInvariants(const Document& doc, const TextLayer& layer) {
  REQUIRE(layer.paragraphs.size() == doc.paragraphs.size());
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const auto& pt = layer.paragraphs[p];
    const int32_t n = static_cast<int32_t>(doc.paragraphs[p].text.size());
    int32_t last = 0;
    for (const auto& t : pt.tokens) {
      REQUIRE(t.begin >= last);
      REQUIRE(t.end > t.begin);
      REQUIRE(t.end <= n);
      last = t.end;
    }
    int32_t next_token = 0;
    for (const auto& s : pt.sentences) {
      REQUIRE(s.first_token == next_token);
      REQUIRE(s.end_token > s.first_token);
      REQUIRE(s.begin == pt.tokens[s.first_token].begin);
      REQUIRE(s.end == pt.tokens[s.end_token - 1].end);
      REQUIRE(pt.tokens[s.first_token].Has(factlens::kTokSentenceStart));
      next_token = s.end_token;
    }
    REQUIRE(next_token == static_cast<int32_t>(pt.tokens.size()));
  }
  for (size_t i = 1; i < layer.marks.size(); ++i) REQUIRE(layer.marks[i - 1].pos < layer.marks[i].pos);
  for (size_t q = 0; q < layer.quotations.size(); ++q) {
    const auto& quote = layer.quotations[q];
    if (q > 0) REQUIRE(layer.quotations[q - 1].open < quote.open);
    if (quote.closed()) REQUIRE(quote.open < quote.close);
    for (const auto& r : quote.reopen) REQUIRE(quote.open < r);
  }
  for (int32_t u : layer.unbalanced) {
    REQUIRE(u >= 0);
    REQUIRE(u < static_cast<int32_t>(layer.marks.size()));
    REQUIRE(layer.marks[u].role == MarkRole::kUnbalanced);
  }
  for (const auto& m : layer.marks) {
    if (m.role == MarkRole::kOpen || m.role == MarkRole::kClose || m.role == MarkRole::kReopen) {
      REQUIRE(m.quotation >= 0);
      REQUIRE(m.quotation < static_cast<int32_t>(layer.quotations.size()));
    }
  }
}

}  // namespace

TEST_CASE("Random text keeps the text layer's invariants", "[text]") {
  static const char16_t* kPieces[] = {u"“", u"”", u"‘", u"’", u"\"", u"'", u"«", u"»", u"„", u"‚", u"「", u"」",
                                      u" ", u" ", u" ", u"word", u"Mr.", u"U.S.", u"s", u".", u"?", u"!", u"No.",
                                      u"10", u"-", u"😀", u"\u00A0", u"Jae-myung", u"e.g.", u"J.", u"中文", u"(", u")"};
  uint32_t state = 12345;
  auto rnd = [&state](uint32_t n) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % n;
  };
  for (int round = 0; round < 300; ++round) {
    Document doc;
    int paras = 1 + static_cast<int>(rnd(6));
    for (int p = 0; p < paras; ++p) {
      std::u16string t;
      int pieces = static_cast<int>(rnd(40));
      for (int k = 0; k < pieces; ++k) t += kPieces[rnd(sizeof kPieces / sizeof kPieces[0])];
      doc.paragraphs.push_back({t, static_cast<factlens::ParagraphKind>(rnd(6))});
    }
    TextLayer layer = factlens::AnalyzeText(doc);
    CheckInvariants(doc, layer);
  }
}

TEST_CASE("AnalyzeText gives the same result on several threads", "[text]") {
  Document doc = Doc({"“He said ‘no,’ Mr. Lee’s aide told the U.S. press.", "“Then more.”", "Koreans’ views."});
  TextLayer expected = factlens::AnalyzeText(doc);
  std::vector<TextLayer> results(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&doc, &results, i] {
      for (int k = 0; k < 50; ++k) results[i] = factlens::AnalyzeText(doc);
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    REQUIRE(r.marks.size() == expected.marks.size());
    for (size_t m = 0; m < r.marks.size(); ++m) CHECK(r.marks[m].role == expected.marks[m].role);
    REQUIRE(r.paragraphs.size() == expected.paragraphs.size());
    for (size_t p = 0; p < r.paragraphs.size(); ++p) {
      REQUIRE(r.paragraphs[p].tokens.size() == expected.paragraphs[p].tokens.size());
      for (size_t t = 0; t < r.paragraphs[p].tokens.size(); ++t)
        CHECK(r.paragraphs[p].tokens[t].flags == expected.paragraphs[p].tokens[t].flags);
    }
  }
}

TEST_CASE("TokenAt, SentenceAt, QuotationContaining", "[text]") {
  Document doc = Doc({"Lee said: “We agree ‘fully’ now.” Then he left.", "“More.", "“End,” he said."});
  TextLayer layer = factlens::AnalyzeText(doc);
  const auto& p0 = layer.paragraphs[0];
  CHECK(factlens::TokenAt(p0, 0) == 0);
  CHECK(factlens::TokenAt(p0, 2) == 0);
  CHECK(factlens::TokenAt(p0, 3) == -1);  // space
  CHECK(factlens::TokenAt(p0, 4) == 1);
  CHECK(factlens::TokenAt(p0, 1000) == -1);
  CHECK(factlens::SentenceAt(p0, 0) == 0);
  CHECK(factlens::SentenceAt(p0, 40) == 1);
  CHECK(factlens::SentenceAt(p0, 1000) == -1);
  // “We agree ‘fully’ now.” : 'W' at 11, 'f' of fully at 21.
  CHECK(factlens::QuotationContaining(layer, doc, {0, 11}) == 0);
  CHECK(factlens::QuotationContaining(layer, doc, {0, 21}) == 1);
  CHECK(factlens::QuotationContaining(layer, doc, {0, 0}) == -1);
  CHECK(factlens::QuotationContaining(layer, doc, {1, 2}) == 2);   // carried quote
  CHECK(factlens::QuotationContaining(layer, doc, {2, 1}) == 2);
  CHECK(factlens::QuotationContaining(layer, doc, {2, 10}) == -1);  // "he said"
}
