// Unit tests of the fact list (factlens/factlist.h), the grouping behind the
// sidebar and the reports, and of the exports with the sidebar's Verified marks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "factlens/factlist.h"
#include "factlens/reports.h"

using namespace factlens;

namespace {

// A hand-made report over a small document (the analysis stages are tested
// elsewhere; here only the list built from a report matters).
struct Fixture {
  Document doc;
  Report report;

  explicit Fixture(const std::u16string& prefix = u"") {
    doc.paragraphs.push_back(
        {prefix + u"Lee Jae-myung met Xi Jinping in Beijing.", ParagraphKind::kBody});
    doc.paragraphs.push_back(
        {u"“We agree,” Lee said, according to The Korea Herald. Trade rose 12 percent.",
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

TEST_CASE("fact list groups and counts follow the report", "[factlist]") {
  Fixture f;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  REQUIRE(groups.size() == 6);  // no MISC entity: no "Other names"
  CHECK(groups[0].title == u"People");
  CHECK(Group(groups, FactGroupKind::kPeople).count == 2);
  CHECK(Group(groups, FactGroupKind::kOrganisations).count == 1);
  CHECK(Group(groups, FactGroupKind::kPlaces).count == 1);
  CHECK(Group(groups, FactGroupKind::kFigures).count == 2);
  CHECK(Group(groups, FactGroupKind::kChecks).count == 1);
  // Quotes: the belief is left out; two speakers (Lee, vague source).
  const FactGroup& quotes = Group(groups, FactGroupKind::kQuotes);
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

TEST_CASE("entity rows carry their mentions in document order", "[factlist]") {
  Fixture f;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactItem& lee = Group(groups, FactGroupKind::kPeople).items[0];
  REQUIRE(lee.spans.size() == 2);
  CHECK(lee.spans[0] == Span{0, 0, 13});
  CHECK(lee.spans[1] == Span{1, 12, 15});
  CHECK(lee.detail == u"President, 2 mentions");
  CHECK(lee.label == u"Lee Jae-myung — President, 2 mentions");
}

TEST_CASE("figure rows show the normalised value", "[factlist]") {
  Fixture f;
  f.report.figures[0].kind = FigureKind::kMoney;
  f.report.figures[0].value.lo = 272900000000;
  f.report.figures[0].unit = "USD";
  f.report.figures[0].approx = true;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactGroup& figures = Group(groups, FactGroupKind::kFigures);
  CHECK(figures.items[0].detail == u"≈ 272,900,000,000 USD · money");
  CHECK(figures.items[1].detail == u"12 percent · percent");
}

TEST_CASE("verified keys use text and occurrence, not offsets", "[factlist]") {
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

TEST_CASE("key text is folded: case, width, typographic quotes, spaces", "[factlist]") {
  CHECK(NormaliseKeyText(u"China’s  “Economy”") == "china's \"economy\"");
  CHECK(NormaliseKeyText(u"ＵＳ$ 5") == "us$ 5");
  CHECK(NormaliseKeyText(u"Lee Jae–myung") == "lee jae-myung");
}

TEST_CASE("filter matches labels, variants and quotes under a speaker", "[factlist]") {
  Fixture f;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactItem& lee = Group(groups, FactGroupKind::kPeople).items[0];
  const FactItem& xi = Group(groups, FactGroupKind::kPeople).items[1];
  CHECK(ItemMatches(lee, FoldForFilter(u"")));
  CHECK(ItemMatches(lee, FoldForFilter(u"JAE")));
  CHECK_FALSE(ItemMatches(xi, FoldForFilter(u"jae")));
  const FactItem& speaker = Group(groups, FactGroupKind::kQuotes).items[0];
  CHECK(ItemMatches(speaker, FoldForFilter(u"we agree")));
  CHECK(ItemMatches(speaker, FoldForFilter(u"korea herald")));
  const FactItem& vague = Group(groups, FactGroupKind::kQuotes).items[1];
  CHECK(ItemMatches(vague.children[0], FoldForFilter(u"china's")));  // ’ typed as '
}

TEST_CASE("long fact text is cut in the label, never inside a surrogate pair", "[factlist]") {
  Fixture f;
  std::u16string longText(109, u'a');
  longText += u"😀 and more text after the emoji";
  f.doc.paragraphs.push_back({longText, ParagraphKind::kBody});
  Figure fig;
  fig.span = {3, 0, static_cast<int32_t>(longText.size())};
  f.report.figures = {fig};
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report);
  const FactItem& item = Group(groups, FactGroupKind::kFigures).items[0];
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

TEST_CASE("exports carry the sidebar's Verified marks", "[factlist]") {
  Fixture f;
  std::set<std::string> verified = {"entity:PERSON:lee jae-myung#0"};
  // CSV: the library's columns plus "verified", from the facts' keys.
  std::string csv = ReportToCsv(f.doc, f.report, verified);
  CHECK(EndsWith(LineWith(csv, "start,end"), ",verified"));
  CHECK(EndsWith(LineWith(csv, "person,PERSON,Lee Jae-myung,"), ",yes"));
  CHECK(EndsWith(LineWith(csv, "Xi Jinping"), ",no"));
  CHECK(EndsWith(LineWith(csv, "We agree"), ",no"));
  CHECK(ReportToCsv(f.doc, f.report, {}).find(",yes") == std::string::npos);
  // Without keys, the plain CSV; with them, one more column on every row.
  std::string plain = ReportToCsv(f.doc, f.report);
  CHECK(std::count(csv.begin(), csv.end(), ',') ==
        std::count(plain.begin(), plain.end(), ',') +
            std::count(plain.begin(), plain.end(), '\n'));

  // Markdown: the fact list and a section with the marked facts.
  std::string md = ReportToMarkdown(f.doc, f.report, verified);
  CHECK(md.rfind(ReportToMarkdown(f.doc, f.report), 0) == 0);
  CHECK(md.find("## Marked Verified in the sidebar (1)\n\n- People: Lee Jae-myung\n") !=
        std::string::npos);
  CHECK(ReportToMarkdown(f.doc, f.report, {}).find("Marked Verified") == std::string::npos);
}

TEST_CASE("a verified check marks its own CSV row only", "[factlist]") {
  Fixture f;
  Check other = f.report.checks[0];  // a second check on the same first span
  other.kind = "spelling";
  other.message = "Another check.";
  other.spans = {f.report.checks[0].spans[0]};
  f.report.checks.push_back(other);
  std::string csv = ReportToCsv(f.doc, f.report, {"check:spelling:lee jae-myung#0"});
  CHECK(EndsWith(LineWith(csv, "Another check."), ",yes"));
  CHECK(EndsWith(LineWith(csv, "also spelled"), ",no"));
}

TEST_CASE("the report view orders by weight and keeps every quote", "[factlist]") {
  Fixture f;
  std::vector<FactGroup> groups = BuildFactList(f.doc, f.report, FactListView::kReport);
  REQUIRE(groups.size() == 7);  // Other names too, empty
  CHECK(FindGroup(groups, FactGroupKind::kOther)->count == 0);
  const FactGroup& quotes = *FindGroup(groups, FactGroupKind::kQuotes);
  CHECK(quotes.count == 3);  // the belief too
  REQUIRE(quotes.items.size() == 2);
  CHECK(quotes.items[0].text == u"Lee Jae-myung");  // two quotes
  CHECK(quotes.items[0].children.size() == 2);
  CHECK(quotes.items[0].children[1].key.empty());  // the belief: not in the sidebar
  CHECK(quotes.items[1].text == u"Unnamed source");
  // Keys are those of the sidebar view.
  CHECK(AllKeys(groups) == AllKeys(BuildFactList(f.doc, f.report)));
  CHECK(std::string(FactGroupTitle(FactGroupKind::kOther)) == "Other names");
}
