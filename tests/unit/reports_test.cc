// Fact lists and the HTML report (factlens/reports.h) on a hand-built Report.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "factlens/palette.h"
#include "factlens/reports.h"

using namespace factlens;

namespace {

// "😀 Lee said: “Prices <rose> 25 percent,” he said." plus a second paragraph.
struct Fixture {
  Document doc;
  Report report;
  Fixture() {
    doc.paragraphs.push_back({u"😀 Lee Jae-myung said: “Prices <rose> 25 percent, \"really\".”",
                              ParagraphKind::kBody});
    doc.paragraphs.push_back({u"Analysts said so.", ParagraphKind::kBody});
    const std::u16string& t = doc.paragraphs[0].text;
    auto span = [&](const std::u16string& s) {
      size_t at = t.find(s);
      return Span{0, static_cast<int32_t>(at), static_cast<int32_t>(at + s.size())};
    };
    Entity lee;
    lee.id = 0;
    lee.type = EntityType::kPerson;
    lee.canonical = u"Lee Jae-myung";
    lee.variants = {u"Lee Jae-myung", u"Lee"};
    lee.mentions = 1;
    lee.descriptors = {u"South Korean President"};
    report.entity_list.push_back(lee);
    EntityMention m;
    m.span = span(u"Lee Jae-myung");
    m.type = EntityType::kPerson;
    m.entity = 0;
    report.entities.push_back(m);
    Figure f;
    f.span = span(u"25 percent");
    f.kind = FigureKind::kPercent;
    f.value.type = FigureValue::Type::kNumber;
    f.value.lo = 25;
    f.unit = "percent";
    report.figures.push_back(f);
    Attribution a;
    a.content = span(u"Prices <rose> 25 percent, \"really\".");
    a.kind = AttributionKind::kDirect;
    a.speaker = m.span;
    a.speaker_entity = 0;
    a.speaker_name = u"Lee Jae-myung";
    report.attributions.push_back(a);
    Check c;
    c.kind = "vague_source";
    c.message = "‘Analysts said’: by whom?";
    c.spans = {Span{1, 0, 13}};
    report.checks.push_back(c);
    Check ok;
    ok.kind = "arithmetic";
    ok.message = "Checked: fine.";
    ok.spans = {f.span};
    ok.holds = true;
    ok.computed = 25;
    ok.tolerance = "±0.5";
    report.checks.push_back(ok);
  }
};

}  // namespace

TEST_CASE("ReportToMarkdown groups the facts", "[reports]") {
  Fixture fx;
  std::string md = ReportToMarkdown(fx.doc, fx.report);
  CHECK(md.find("## Checks to review (1)") != std::string::npos);
  CHECK(md.find("## Verified (1)") != std::string::npos);
  CHECK(md.find("## People (1)") != std::string::npos);
  CHECK(md.find("**Lee Jae-myung** — South Korean President") != std::string::npos);
  CHECK(md.find("### Lee Jae-myung (1)") != std::string::npos);
  CHECK(md.find("| 25 percent | percent | 25 | percent |") != std::string::npos);
  CHECK(md.find("\\<rose\\>") != std::string::npos);  // escaped
}

TEST_CASE("ReportToCsv quotes fields and gives code-point offsets", "[reports]") {
  Fixture fx;
  std::string csv = ReportToCsv(fx.doc, fx.report);
  CHECK(csv.rfind("section,type,text,detail,value,unit,holds,start,end\r\n", 0) == 0);
  // The emoji is one code point: "Lee Jae-myung" starts at 2.
  CHECK(csv.find("person,PERSON,Lee Jae-myung,South Korean President; also: Lee,1,mentions,,2,"
                 "15\r\n") != std::string::npos);
  // A field with quotes and commas is quoted, quotes doubled.
  CHECK(csv.find("\"Prices <rose> 25 percent, \"\"really\"\".\"") != std::string::npos);
  CHECK(csv.find("check,arithmetic,25 percent,Checked: fine.,25,±0.5,true,") != std::string::npos);
  // Paragraph 1 starts after the first paragraph and its newline.
  CHECK(csv.find("check,vague_source,Analysts said,") != std::string::npos);
}

TEST_CASE("ReportToHtml is self-contained, escaped and highlighted", "[reports]") {
  Fixture fx;
  std::string html = ReportToHtml(fx.doc, fx.report, "draft <1>.txt");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("draft &lt;1&gt;.txt") != std::string::npos);
  CHECK(html.find("&lt;rose&gt;") != std::string::npos);
  CHECK(html.find("<rose>") == std::string::npos);
  CHECK(html.find("<mark class=\"PERSON\"") != std::string::npos);
  CHECK(html.find("<mark class=\"fig\"") != std::string::npos);
  CHECK(html.find("<span class=\"spk\">Lee Jae-myung</span>") != std::string::npos);
  CHECK(html.find("id=\"check-1\"") != std::string::npos);  // problems numbered first
  CHECK(html.find("id=\"check-2\"") != std::string::npos);
}

TEST_CASE("ReportToHtml colours facts with the Writer palette", "[reports]") {
  Fixture fx;
  std::string html = ReportToHtml(fx.doc, fx.report);
  char person[16];
  std::snprintf(person, sizeof person, "--person:#%06x;",
                static_cast<unsigned>(PaletteOf(Category::kPerson).rgb));
  CHECK(html.find(person) != std::string::npos);
  for (const PaletteEntry& e : kPalette)
    CHECK(html.find(std::string("--") + e.id + "-b:#") != std::string::npos);
  CHECK(html.find("@palette") == std::string::npos);
  CHECK(html.find("report.css") == std::string::npos);  // the file's header stays out
  CHECK(html.find("mark.PERSON{background:var(--person)") != std::string::npos);
}

TEST_CASE("Reports of an empty document are well-formed", "[reports]") {
  Document doc;
  Report report;
  CHECK(ReportToMarkdown(doc, report).find("_Nothing flagged._") != std::string::npos);
  CHECK(ReportToCsv(doc, report) == "section,type,text,detail,value,unit,holds,start,end\r\n");
  std::string html = ReportToHtml(doc, report);
  CHECK(html.find("</html>") != std::string::npos);
}
