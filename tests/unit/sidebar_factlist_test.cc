// Unit tests of the sidebar's fact list (extension/sidebar/factlist.cxx): the
// part of the sidebar that needs no LibreOffice. Compiled into the unit test
// binary directly (the file has no UNO include).
#include <catch2/catch.hpp>

#include "../../extension/sidebar/factlist.cxx"

using namespace factlens;
using namespace factlens::office;

namespace {

// A hand-made report over a small document (the analysis stages are tested
// elsewhere; here only the list built from a report matters).
struct Fixture {
  Document doc;
  Report report;

  explicit Fixture(const std::u16string& prefix = u"") {
    doc.paragraphs.push_back({prefix + u"Lee Jae-myung met Xi Jinping in Beijing.", ParagraphKind::kBody});
    doc.paragraphs.push_back({u"“We agree,” Lee said, according to The Korea Herald. Trade rose 12 percent.",
                              ParagraphKind::kBody});
    doc.paragraphs.push_back({u"Analysts said China’s economy grew 12 percent. Lee wants peace.",
                              ParagraphKind::kBody});
    const int32_t p = static_cast<int32_t>(prefix.size());
    report.entity_list = {
        {0, EntityType::kPerson, u"Lee Jae-myung", {u"Lee Jae-myung", u"Lee"}, 2, {u"President"}},
        {1, EntityType::kPerson, u"Xi Jinping", {u"Xi Jinping"}, 1},
        {2, EntityType::kPlace, u"Beijing", {u"Beijing"}, 1},
        {3, EntityType::kOrg, u"Korea Herald", {u"Korea Herald"}, 1},
    };
    report.entity_list[3].outlet = true;
    auto mention = [](Span s, EntityType t, int32_t e) {
      EntityMention m;
      m.span = s;
      m.type = t;
      m.entity = e;
      return m;
    };
    // Deliberately out of order: the list sorts mentions by position.
    report.entities = {mention({1, 12, 15}, EntityType::kPerson, 0),
                       mention({0, p + 0, p + 13}, EntityType::kPerson, 0),
                       mention({0, p + 18, p + 28}, EntityType::kPerson, 1),
                       mention({0, p + 32, p + 39}, EntityType::kPlace, 2),
                       mention({1, 39, 51}, EntityType::kOrg, 3)};
    Figure f1;
    f1.span = {1, 64, 74};
    f1.kind = FigureKind::kPercent;
    f1.value.type = FigureValue::Type::kNumber;
    f1.value.lo = 12;
    f1.unit = "percent";
    Figure f2 = f1;
    f2.span = {2, 35, 45};
    report.figures = {f1, f2};
    Attribution a;
    a.content = {1, 1, 10};
    a.kind = AttributionKind::kDirect;
    a.speaker = Span{1, 12, 15};
    a.speaker_entity = 0;
    a.speaker_name = u"Lee Jae-myung";
    a.outlet = Span{1, 35, 51};
    Attribution vague;
    vague.content = {2, 14, 45};
    vague.kind = AttributionKind::kIndirect;
    vague.speaker = Span{2, 0, 8};
    vague.vague_source = true;
    Attribution belief;
    belief.content = {2, 57, 62};
    belief.kind = AttributionKind::kIndirect;
    belief.speaker_name = u"Lee Jae-myung";
    belief.belief = true;
    report.attributions = {a, vague, belief};
    Check c;
    c.kind = "name_variant";
    c.message = "Lee Jae-myung is also spelled Lee.";
    c.spans = {{0, p + 0, p + 13}, {1, 12, 15}};
    report.checks = {c};
  }
};

const FactGroup& Group(const std::vector<FactGroup>& groups, FactGroupKind kind) {
  for (const FactGroup& g : groups)
    if (g.kind == kind) return g;
  FAIL("group missing");
  return groups.front();
}

}  // namespace

TEST_CASE("fact list groups and counts follow the report", "[sidebar]") {
  Fixture f;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  REQUIRE(groups.size() == 6);  // no MISC entity: no "Other names"
  CHECK(groups[0].title == u"People");
  CHECK(Group(groups, FactGroupKind::People).count == 2);
  CHECK(Group(groups, FactGroupKind::Organisations).count == 1);
  CHECK(Group(groups, FactGroupKind::Places).count == 1);
  CHECK(Group(groups, FactGroupKind::Figures).count == 2);
  CHECK(Group(groups, FactGroupKind::Checks).count == 1);
  // Quotes: the belief is left out; two speakers (Lee, vague source).
  const FactGroup& quotes = Group(groups, FactGroupKind::Quotes);
  CHECK(quotes.count == 2);
  REQUIRE(quotes.items.size() == 2);
  CHECK(quotes.items[0].text == u"Lee Jae-myung");
  REQUIRE(quotes.items[0].children.size() == 1);
  CHECK(quotes.items[0].children[0].text == u"“We agree,”");
  CHECK(quotes.items[0].children[0].detail == u"direct, via The Korea Herald");
  CHECK(quotes.items[1].text == u"Vague source: Analysts");
  CHECK(GroupLabel(quotes, 2) == u"Quotes (2)");
  CHECK(GroupLabel(quotes, 1) == u"Quotes (1/2)");
}

TEST_CASE("entity rows carry their mentions in document order", "[sidebar]") {
  Fixture f;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactItem& lee = Group(groups, FactGroupKind::People).items[0];
  REQUIRE(lee.spans.size() == 2);
  CHECK(lee.spans[0] == Span{0, 0, 13});
  CHECK(lee.spans[1] == Span{1, 12, 15});
  CHECK(lee.detail == u"President, 2 mentions");
  CHECK(lee.label == u"Lee Jae-myung — President, 2 mentions");
}

TEST_CASE("figure rows show the normalised value", "[sidebar]") {
  Fixture f;
  f.report.figures[0].kind = FigureKind::kMoney;
  f.report.figures[0].value.lo = 272900000000;
  f.report.figures[0].unit = "USD";
  f.report.figures[0].approx = true;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactGroup& figures = Group(groups, FactGroupKind::Figures);
  CHECK(ToUtf8(figures.items[0].detail) == "≈ 272,900,000,000 USD · money");
  CHECK(ToUtf8(figures.items[1].detail) == "12 percent · percent");
}

TEST_CASE("verified keys use text and occurrence, not offsets", "[sidebar]") {
  Fixture plain;
  std::set<std::string> keys = AllKeys(BuildFactList(plain.doc, plain.report));
  CHECK(keys.count("entity:PERSON:lee jae-myung#0"));
  CHECK(keys.count("quote:\"we agree,\"#0") == 0);  // content is inside the marks
  CHECK(keys.count("figure:percent:12 percent#0"));
  CHECK(keys.count("figure:percent:12 percent#1"));  // the second "12 percent"
  CHECK(keys.count("check:name_variant:lee jae-myung|lee#0"));
  // Text inserted before every fact moves all offsets; the keys stay.
  Fixture edited(u"Breaking: ");
  CHECK(AllKeys(BuildFactList(edited.doc, edited.report)) == keys);
  // Keys are unique.
  size_t total = 0;
  for (const FactGroup& g : BuildFactList(plain.doc, plain.report))
    for (const FactItem& item : g.items) total += (item.key.empty() ? 0 : 1) + item.children.size();
  CHECK(total == keys.size());
}

TEST_CASE("key text is folded: case, width, typographic quotes, spaces", "[sidebar]") {
  CHECK(NormaliseKeyText(u"China’s  “Economy”") == "china's \"economy\"");
  CHECK(NormaliseKeyText(u"ＵＳ$ 5") == "us$ 5");
  CHECK(NormaliseKeyText(u"Lee Jae–myung") == "lee jae-myung");
}

TEST_CASE("filter matches labels, variants and quotes under a speaker", "[sidebar]") {
  Fixture f;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactItem& lee = Group(groups, FactGroupKind::People).items[0];
  const FactItem& xi = Group(groups, FactGroupKind::People).items[1];
  CHECK(ItemMatches(lee, FoldForFilter(u"")));
  CHECK(ItemMatches(lee, FoldForFilter(u"JAE")));
  CHECK_FALSE(ItemMatches(xi, FoldForFilter(u"jae")));
  const FactItem& speaker = Group(groups, FactGroupKind::Quotes).items[0];
  CHECK(ItemMatches(speaker, FoldForFilter(u"we agree")));
  CHECK(ItemMatches(speaker, FoldForFilter(u"korea herald")));
  const FactItem& vague = Group(groups, FactGroupKind::Quotes).items[1];
  CHECK(ItemMatches(vague.children[0], FoldForFilter(u"china's")));  // ’ typed as '
}

TEST_CASE("long fact text is cut in the label, never inside a surrogate pair", "[sidebar]") {
  Fixture f;
  std::u16string longText(109, u'a');
  longText += u"😀 and more text after the emoji";
  f.doc.paragraphs.push_back({longText, ParagraphKind::kBody});
  Figure fig;
  fig.span = {3, 0, static_cast<int32_t>(longText.size())};
  f.report.figures = {fig};
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactItem& item = Group(groups, FactGroupKind::Figures).items[0];
  std::u16string shown = item.label.substr(0, item.label.find(u" — "));
  CHECK(shown == std::u16string(109, u'a') + u"…");
}

// The line of `text` containing `needle` (without its line break), or "".
std::string LineWith(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return std::string();
  size_t begin = text.rfind('\n', at);
  begin = begin == std::string::npos ? 0 : begin + 1;
  size_t end = text.find('\n', at);
  std::string line = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

TEST_CASE("export writes JSON, CSV and Markdown with the verified state", "[sidebar]") {
  Fixture f;
  std::set<std::string> verified = {"entity:PERSON:lee jae-myung#0"};
  std::string json = ExportReport(f.doc, f.report, ExportFormat::Json, verified);
  CHECK(json.find("\"schema\": \"factlens/1\"") != std::string::npos);
  CHECK(json == ReportToJson(f.doc, f.report, nullptr, 2) + "\n");

  // CSV (the analysis library's when reports.h exists): a verified column.
  std::string csv = ExportReport(f.doc, f.report, ExportFormat::Csv, verified);
  CHECK(EndsWith(LineWith(csv, "start,end"), ",verified"));
#if FACTLENS_HAVE_REPORTS_H
  const std::string leeRow = "person,PERSON,Lee Jae-myung,";
#else
  const std::string leeRow = "People,,Lee Jae-myung,";
#endif
  CHECK(EndsWith(LineWith(csv, leeRow), ",yes"));
  CHECK(EndsWith(LineWith(csv, "Xi Jinping"), ",no"));
  CHECK(EndsWith(LineWith(csv, "We agree"), ",no"));
  std::string csvNone = ExportReport(f.doc, f.report, ExportFormat::Csv, {});
  CHECK(csvNone.find(",yes") == std::string::npos);

  // Markdown: the fact list and a section with the marked facts.
  std::string md = ExportReport(f.doc, f.report, ExportFormat::Markdown, verified);
  CHECK(md.find("Lee Jae-myung") != std::string::npos);
  CHECK(md.find("## Marked Verified in the sidebar (1)\n\n- People: Lee Jae-myung\n") !=
        std::string::npos);
  CHECK(ExportReport(f.doc, f.report, ExportFormat::Markdown, {}).find("Marked Verified") ==
        std::string::npos);
#if !FACTLENS_HAVE_REPORTS_H
  CHECK(csv.rfind("group,speaker,fact,detail,start,end,verified\r\n", 0) == 0);
  CHECK(csv.find("People,,Lee Jae-myung,\"President, 2 mentions\",0,13,yes\r\n") !=
        std::string::npos);
  // Code points of the whole text: paragraph 1 starts at 41.
  CHECK(csv.find("Quotes,Lee Jae-myung,\"“We agree,”\",\"direct, via The Korea Herald\",42,51,no\r\n") !=
        std::string::npos);
  CHECK(md.find("## People (2)") != std::string::npos);
  CHECK(md.find("| Lee Jae-myung | President, 2 mentions | yes |") != std::string::npos);
  CHECK(md.find("### Lee Jae-myung (1)") != std::string::npos);
  CHECK(md.find("## Checks (1)") != std::string::npos);
#endif
}
