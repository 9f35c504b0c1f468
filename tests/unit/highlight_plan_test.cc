// Unit tests of the extension's UNO-free highlight logic: the highlight plan
// (extension/highlight/plan.cxx: spans -> non-overlapping coloured intervals) and
// the offset map (extension/document/offset_map.cxx: UTF-16 offsets -> cursor steps).
#include <catch2/catch.hpp>

#include "document/offset_map.hxx"
#include "highlight/plan.hxx"

using namespace factlens;
using namespace factlens::office;

namespace {

constexpr int32_t kPersonRgb = 0xFFCF9B;
constexpr int32_t kContentRgb = 0xFFF2A9;
constexpr int32_t kFigureRgb = 0x97E6DB;
constexpr int32_t kOrgRgb = 0xAEDCFB;

EnabledCategories AllOn() {
  EnabledCategories on{};
  on.fill(true);
  return on;
}

Document OneParagraph(const std::u16string& text) {
  Document doc;
  doc.paragraphs.push_back({text, ParagraphKind::kBody});
  return doc;
}

EntityMention Mention(int32_t paragraph, int32_t begin, int32_t end, EntityType type) {
  EntityMention m;
  m.span = {paragraph, begin, end};
  m.type = type;
  return m;
}

}  // namespace

TEST_CASE("plan: a name inside a quote shows the name's colour", "[highlight_plan]") {
  //                                 0         1         2
  //                                 0123456789012345678901234
  const Document doc = OneParagraph(u"“Lee will win,” she said.");
  Report report;
  Attribution at;
  at.content = {0, 1, 13};
  report.attributions.push_back(at);
  report.entities.push_back(Mention(0, 1, 4, EntityType::kPerson));
  const auto plan = planHighlights(doc, report, AllOn());
  REQUIRE(plan.size() == 1);
  const std::vector<Interval> want = {{1, 4, kPersonRgb}, {4, 13, kContentRgb}};
  CHECK(plan[0] == want);
}

TEST_CASE("plan: switched-off categories and invalid spans paint nothing", "[highlight_plan]") {
  const Document doc = OneParagraph(u"Acme rose 12 percent.");
  Report report;
  report.entities.push_back(Mention(0, 0, 4, EntityType::kOrg));
  Figure f;
  f.span = {0, 10, 20};
  report.figures.push_back(f);
  report.entities.push_back(Mention(0, 5, 5, EntityType::kPerson));  // empty
  report.entities.push_back(Mention(3, 0, 4, EntityType::kPerson));  // no such paragraph
  EnabledCategories on = AllOn();
  on[static_cast<int>(Category::kFigure)] = false;
  auto plan = planHighlights(doc, report, on);
  CHECK(plan[0] == std::vector<Interval>{{0, 4, kOrgRgb}});
  plan = planHighlights(doc, report, AllOn());
  CHECK(plan[0] == (std::vector<Interval>{{0, 4, kOrgRgb}, {10, 20, kFigureRgb}}));
}

TEST_CASE("plan: touching pieces of one colour merge, ends are clipped", "[highlight_plan]") {
  const Document doc = OneParagraph(u"Mary Smith");
  Report report;
  report.entities.push_back(Mention(0, 0, 4, EntityType::kPerson));
  report.entities.push_back(Mention(0, 4, 40, EntityType::kPerson));  // past the end
  const auto plan = planHighlights(doc, report, AllOn());
  CHECK(plan[0] == std::vector<Interval>{{0, 10, kPersonRgb}});
}

TEST_CASE("plan: only palette colours are ours", "[highlight_plan]") {
  CHECK(isPaletteColor(kPersonRgb));
  CHECK(isPaletteColor(0xDCDCD3));
  CHECK_FALSE(isPaletteColor(0xFFFF00));  // Writer's yellow highlight
  CHECK_FALSE(isPaletteColor(-1));
}

TEST_CASE("offset map: code points, fields and line breaks", "[highlight_plan]") {
  std::u16string text;
  std::vector<Segment> segs;
  const std::u16string a = u"Hi \U0001F600 x\n";  // emoji = 2 units, 1 step
  appendSegment(text, segs, a.data(), static_cast<int32_t>(a.size()), 0,
                codePoints(a.data(), static_cast<int32_t>(a.size())), Segment::Text);
  CHECK(text == u"Hi \U0001F600 x\u2028");  // a manual line break for the analysis
  CHECK(segs[0].steps == 7);
  const std::u16string field = u"2024";
  appendSegment(text, segs, field.data(), 4, 8, 1, Segment::Atomic);  // after a comment step
  CHECK(stepsAt(segs, text, 3, false) == 3);
  CHECK(stepsAt(segs, text, 5, false) == 4);   // after the emoji
  CHECK(stepsAt(segs, text, 8, false) == 8);   // the field's start
  CHECK(stepsAt(segs, text, 10, false) == 8);  // inside the field: snaps to its start...
  CHECK(stepsAt(segs, text, 10, true) == 9);   // ...or its end
  CHECK(stepsAt(segs, text, 99, true) == 9);
}

TEST_CASE("offset map: readings split at other places map the same", "[highlight_plan]") {
  std::u16string t1, t2;
  std::vector<Segment> one, two;
  appendSegment(t1, one, u"abcdef", 6, 0, 6, Segment::Text);
  appendSegment(t2, two, u"abc", 3, 0, 3, Segment::Text);
  appendSegment(t2, two, u"def", 3, 3, 3, Segment::Text);
  CHECK(sameMapping(one, two));
  std::vector<Segment> three;
  std::u16string t3;
  appendSegment(t3, three, u"abc", 3, 0, 3, Segment::Text);
  appendSegment(t3, three, u"def", 3, 4, 3, Segment::Text);  // a step in between
  CHECK_FALSE(sameMapping(one, three));
  const std::vector<ColorRun> runs = {{0, 2, 1}, {2, 5, 1}, {5, 6, 2}};
  CHECK(mergedRuns(runs) == (std::vector<ColorRun>{{0, 5, 1}, {5, 6, 2}}));
}
