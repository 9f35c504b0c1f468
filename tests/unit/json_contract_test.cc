// The factlens/1 JSON contract (README.md, issue 2): key order, field names and
// types for every list, and offsets that round-trip to the input's code points.
// Reports are built by hand with entries in every list, so the writer is tested
// independently of the analysis stages.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <vector>

#include "factlens/io.h"

namespace {

using factlens::Document;
using factlens::Report;
using factlens::Span;
using ojson = nlohmann::ordered_json;

// Code points of UTF-8 text (what Python's str holds).
std::u32string CodePoints(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out.push_back(u.char32At(i));
  return out;
}

std::string Utf8(const std::u32string& cps) {
  icu::UnicodeString u;
  for (char32_t c : cps) u.append(static_cast<UChar32>(c));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The span of the n-th occurrence of `needle` in paragraph p (UTF-16 units).
Span Find(const Document& doc, int32_t p, const std::u16string& needle, int nth = 0) {
  size_t at = 0;
  for (int k = 0;; ++k) {
    at = doc.paragraphs[p].text.find(needle, k == 0 ? 0 : at + 1);
    REQUIRE(at != std::u16string::npos);
    if (k == nth) break;
  }
  return Span{p, static_cast<int32_t>(at), static_cast<int32_t>(at + needle.size())};
}

// Every {start, end, text} object in the output, with where it was found.
void CollectSpans(const ojson& j, std::vector<std::pair<std::string, ojson>>* out) {
  for (const auto& e : j["entities"]) out->push_back({"entity", e});
  for (const auto& f : j["figures"]) out->push_back({"figure", f});
  for (const auto& a : j["attributions"])
    for (const char* key : {"content", "speaker", "cue", "outlet"})
      if (!a[key].is_null()) out->push_back({key, a[key]});
  for (const auto& q : j["quoted_terms"]) out->push_back({"quoted_term", q});
  for (const auto& c : j["checks"])
    for (const auto& s : c["spans"]) out->push_back({"check", s});
}

void RequireOffsetsRoundTrip(const std::string& input, const ojson& j) {
  const std::u32string cps = CodePoints(input);
  std::vector<std::pair<std::string, ojson>> spans;
  CollectSpans(j, &spans);
  REQUIRE(!spans.empty());
  for (const auto& [where, s] : spans) {
    INFO(where << " " << s.dump());
    REQUIRE(s["start"].is_number_integer());
    REQUIRE(s["end"].is_number_integer());
    REQUIRE(s["text"].is_string());
    const int64_t start = s["start"], end = s["end"];
    REQUIRE(0 <= start);
    REQUIRE(start <= end);
    REQUIRE(end <= static_cast<int64_t>(cps.size()));
    CHECK(Utf8(cps.substr(start, end - start)) == s["text"].get<std::string>());
  }
}

void RequireSpanObject(const ojson& s) {
  REQUIRE(s.is_object());
  REQUIRE(s.contains("start"));
  REQUIRE(s.contains("end"));
  REQUIRE(s.contains("text"));
  CHECK(s["start"].is_number_integer());
  CHECK(s["end"].is_number_integer());
  CHECK(s["text"].is_string());
}

std::vector<std::string> Keys(const ojson& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

// A draft with a BMP-outside character before every kind of finding, CRLF line
// ends and an empty paragraph.
const char kInput[] =
    "Xi 😀 Jinping visited Seoul 🇰🇷 on January 5, 2026.\r\n"
    "\r\n"
    "“We agree 𝔞𝔟𝔠,” Lee Jae-myung said, according to The Korea Herald 📰.\r\n"
    "Trade reached US$272.9 billion, 12 percent 👍 up from 2019 to 2024.\n"
    "“Unattributed 🎉.”";

struct Fixture {
  Document doc;
  Report report;

  Fixture() {
    std::string error;
    REQUIRE(factlens::DocumentFromUtf8(kInput, &doc, &error));
    REQUIRE(doc.paragraphs.size() == 5);
    Report& r = report;

    // Entities and the entity list.
    factlens::EntityMention xi{Find(doc, 0, u"Xi 😀 Jinping"), factlens::EntityType::kPerson, 0};
    factlens::EntityMention seoul{Find(doc, 0, u"Seoul"), factlens::EntityType::kPlace, 1};
    factlens::EntityMention lee{Find(doc, 2, u"Lee Jae-myung"), factlens::EntityType::kPerson, 2};
    lee.title = u"President";
    factlens::EntityMention herald{Find(doc, 2, u"Korea Herald"), factlens::EntityType::kOrg, 3};
    herald.outlet = true;
    r.entities = {xi, seoul, lee, herald};
    factlens::Entity e0;
    e0.id = 0;
    e0.type = factlens::EntityType::kPerson;
    e0.canonical = u"Xi 😀 Jinping";
    e0.variants = {u"Xi 😀 Jinping"};
    e0.mentions = 1;
    e0.gender = factlens::Gender::kMale;
    factlens::Entity e1;
    e1.id = 1;
    e1.type = factlens::EntityType::kPlace;
    e1.canonical = u"Seoul";
    e1.variants = {u"Seoul"};
    e1.mentions = 1;
    factlens::Entity e2;
    e2.id = 2;
    e2.type = factlens::EntityType::kPerson;
    e2.canonical = u"Lee Jae-myung";
    e2.variants = {u"Lee Jae-myung", u"Lee Jaemyung"};
    e2.spelling_variants = {u"Lee Jaemyung"};
    e2.descriptors = {u"President"};
    e2.mentions = 1;
    e2.ambiguous = true;
    factlens::Entity e3;
    e3.id = 3;
    e3.type = factlens::EntityType::kOrg;
    e3.canonical = u"Korea Herald";
    e3.variants = {u"Korea Herald"};
    e3.mentions = 1;
    e3.outlet = true;
    r.entity_list = {e0, e1, e2, e3};

    // Figures: every value type.
    factlens::Figure date;
    date.span = Find(doc, 0, u"January 5, 2026");
    date.kind = factlens::FigureKind::kDate;
    date.value.type = factlens::FigureValue::Type::kString;
    date.value.str_lo = "2026-01-05";
    factlens::Figure money;
    money.span = Find(doc, 3, u"US$272.9 billion");
    money.kind = factlens::FigureKind::kMoney;
    money.value.type = factlens::FigureValue::Type::kNumber;
    money.value.lo = 272900000000.0;
    money.unit = "USD";
    factlens::Figure percent;
    percent.span = Find(doc, 3, u"12 percent");
    percent.kind = factlens::FigureKind::kPercent;
    percent.value.type = factlens::FigureValue::Type::kNumber;
    percent.value.lo = 12;
    percent.unit = "percent";
    percent.approx = true;
    percent.note = "test note";
    factlens::Figure years;
    years.span = Find(doc, 3, u"2019 to 2024");
    years.kind = factlens::FigureKind::kDate;
    years.value.type = factlens::FigureValue::Type::kStringRange;
    years.value.str_lo = "2019";
    years.value.str_hi = "2024";
    factlens::Figure range;
    range.span = Find(doc, 3, u"2019 to 2024");
    range.kind = factlens::FigureKind::kNumber;
    range.value.type = factlens::FigureValue::Type::kNumberRange;
    range.value.lo = 2019;
    range.value.hi = 2024.5;
    factlens::Figure none;
    none.span = Find(doc, 4, u"Unattributed");
    none.kind = factlens::FigureKind::kQuantity;
    none.counted = u"🎉";
    r.figures = {date, money, percent, years, range, none};
    r.figure_relations = {{factlens::FigureRelation::Kind::kChange, 3, 1, 2, +1}};

    // Attributions: direct with speaker, cue and outlet; one with nulls.
    factlens::Attribution direct;
    direct.content = Find(doc, 2, u"We agree 𝔞𝔟𝔠,");
    direct.kind = factlens::AttributionKind::kDirect;
    direct.speaker = lee.span;
    direct.speaker_entity = 2;
    direct.speaker_name = u"Lee Jae-myung";
    direct.cue = Find(doc, 2, u"said");
    direct.outlet = Find(doc, 2, u"The Korea Herald 📰");
    direct.confidence = 0.9;
    factlens::Attribution orphan;
    orphan.content = Find(doc, 4, u"Unattributed 🎉.");
    orphan.kind = factlens::AttributionKind::kMixed;
    orphan.vague_source = true;
    orphan.belief = true;
    orphan.continuation = true;
    orphan.confidence = 0.25;
    r.attributions = {direct, orphan};
    r.quoted_terms = {{Find(doc, 4, u"Unattributed 🎉.")}};

    // Checks: with and without holds/computed; multiple spans.
    factlens::Check arithmetic;
    arithmetic.kind = "arithmetic";
    arithmetic.message = "12 percent holds (12.1%)";
    arithmetic.spans = {percent.span, money.span};
    arithmetic.holds = true;
    arithmetic.computed = 12.1;
    arithmetic.tolerance = "0.5 points";
    factlens::Check unattributed;
    unattributed.kind = "unattributed_quote";
    unattributed.message = "No speaker for this quotation.";
    unattributed.spans = {orphan.content};
    r.checks = {arithmetic, unattributed};
  }
};

}  // namespace

TEST_CASE("JSON output: schema first, then id, then the lists in contract order", "[json]") {
  Fixture f;
  ojson j = ojson::parse(factlens::ReportToJson(f.doc, f.report));
  std::vector<std::string> keys = Keys(j);
  REQUIRE(!keys.empty());
  CHECK(keys.front() == "schema");
  CHECK(j["schema"] == "factlens/1");
  CHECK(keys == std::vector<std::string>{"schema", "entities", "entity_list", "figures",
                                         "figure_relations", "attributions", "quoted_terms",
                                         "checks"});

  const std::string id = "\"doc-42\"";
  ojson with_id = ojson::parse(factlens::ReportToJson(f.doc, f.report, &id));
  CHECK(Keys(with_id)[0] == "schema");
  CHECK(Keys(with_id)[1] == "id");
  CHECK(with_id["id"] == "doc-42");
  const std::string numeric_id = "17";
  CHECK(ojson::parse(factlens::ReportToJson(f.doc, f.report, &numeric_id))["id"] == 17);

  // Pretty printing changes whitespace only.
  CHECK(ojson::parse(factlens::ReportToJson(f.doc, f.report, nullptr, 2)) == j);
}

TEST_CASE("JSON output: field names and types of every list", "[json]") {
  Fixture f;
  ojson j = ojson::parse(factlens::ReportToJson(f.doc, f.report));

  REQUIRE(j["entities"].size() == 4);
  for (const auto& e : j["entities"]) {
    RequireSpanObject(e);
    std::vector<std::string> k = Keys(e);
    REQUIRE(k.size() >= 5);
    CHECK(std::vector<std::string>(k.begin(), k.begin() + 5) ==
          std::vector<std::string>{"start", "end", "text", "type", "entity"});
    CHECK((e["type"] == "PERSON" || e["type"] == "ORG" || e["type"] == "PLACE" ||
           e["type"] == "MISC"));
    CHECK(e["entity"].is_number_integer());
  }
  CHECK(j["entities"][3]["outlet"] == true);
  CHECK(j["entities"][2]["title"] == "President");

  REQUIRE(j["entity_list"].size() == 4);
  for (const auto& e : j["entity_list"]) {
    std::vector<std::string> k = Keys(e);
    REQUIRE(k.size() >= 5);
    CHECK(std::vector<std::string>(k.begin(), k.begin() + 5) ==
          std::vector<std::string>{"id", "type", "canonical", "variants", "mentions"});
    CHECK(e["id"].is_number_integer());
    CHECK(e["canonical"].is_string());
    CHECK(e["variants"].is_array());
    for (const auto& v : e["variants"]) CHECK(v.is_string());
    CHECK(e["mentions"].is_number_integer());
  }
  CHECK(j["entity_list"][0]["canonical"] == "Xi 😀 Jinping");
  CHECK(j["entity_list"][0]["gender"] == "male");
  CHECK(j["entity_list"][2]["spelling_variants"] == ojson::array({"Lee Jaemyung"}));
  CHECK(j["entity_list"][2]["ambiguous"] == true);
  CHECK(j["entity_list"][3]["outlet"] == true);

  REQUIRE(j["figures"].size() == 6);
  for (const auto& fig : j["figures"]) {
    RequireSpanObject(fig);
    std::vector<std::string> k = Keys(fig);
    REQUIRE(k.size() >= 7);
    CHECK(std::vector<std::string>(k.begin(), k.begin() + 7) ==
          std::vector<std::string>{"start", "end", "text", "kind", "value", "unit", "approx"});
    CHECK(fig["kind"].is_string());
    CHECK((fig["unit"].is_string() || fig["unit"].is_null()));
    CHECK(fig["approx"].is_boolean());
  }
  const ojson& figs = j["figures"];
  CHECK(figs[0]["kind"] == "date");
  CHECK(figs[0]["value"] == "2026-01-05");
  CHECK(figs[1]["kind"] == "money");
  CHECK(figs[1]["value"].is_number_integer());  // whole units, no "2.729e11"
  CHECK(figs[1]["value"].get<int64_t>() == 272900000000);
  CHECK(figs[1]["unit"] == "USD");
  CHECK(figs[2]["value"] == 12);
  CHECK(figs[2]["unit"] == "percent");
  CHECK(figs[2]["approx"] == true);
  CHECK(figs[2]["note"] == "test note");
  CHECK(figs[3]["value"] == ojson::array({"2019", "2024"}));
  CHECK(figs[4]["value"] == ojson::array({2019, 2024.5}));
  CHECK(figs[5]["value"].is_null());
  CHECK(figs[5]["unit"].is_null());
  CHECK(figs[5]["counted"] == "🎉");

  REQUIRE(j["figure_relations"].size() == 1);
  CHECK(j["figure_relations"][0] ==
        ojson::parse(R"({"kind":"change","from":3,"to":1,"delta":2,"direction":1})"));

  REQUIRE(j["attributions"].size() == 2);
  for (const auto& a : j["attributions"]) {
    std::vector<std::string> k = Keys(a);
    REQUIRE(k.size() >= 8);
    CHECK(std::vector<std::string>(k.begin(), k.begin() + 8) ==
          std::vector<std::string>{"content", "kind", "speaker", "speaker_name", "cue", "outlet",
                                   "vague_source", "confidence"});
    RequireSpanObject(a["content"]);
    CHECK((a["kind"] == "direct" || a["kind"] == "indirect" || a["kind"] == "mixed"));
    for (const char* key : {"speaker", "cue", "outlet"})
      if (!a[key].is_null()) RequireSpanObject(a[key]);
    CHECK((a["speaker_name"].is_string() || a["speaker_name"].is_null()));
    CHECK(a["vague_source"].is_boolean());
    CHECK(a["confidence"].is_number());
  }
  const ojson& direct = j["attributions"][0];
  CHECK(direct["kind"] == "direct");
  CHECK(direct["speaker"]["text"] == "Lee Jae-myung");
  CHECK(direct["speaker_name"] == "Lee Jae-myung");
  CHECK(direct["cue"]["text"] == "said");
  CHECK(direct["outlet"]["text"] == "The Korea Herald 📰");
  CHECK(direct["confidence"] == Approx(0.9));
  const ojson& orphan = j["attributions"][1];
  CHECK(orphan["kind"] == "mixed");
  CHECK(orphan["speaker"].is_null());
  CHECK(orphan["speaker_name"].is_null());
  CHECK(orphan["cue"].is_null());
  CHECK(orphan["outlet"].is_null());
  CHECK(orphan["vague_source"] == true);
  CHECK(orphan["belief"] == true);
  CHECK(orphan["continuation"] == true);

  REQUIRE(j["quoted_terms"].size() == 1);
  RequireSpanObject(j["quoted_terms"][0]);

  REQUIRE(j["checks"].size() == 2);
  for (const auto& c : j["checks"]) {
    std::vector<std::string> k = Keys(c);
    REQUIRE(k.size() >= 3);
    CHECK(std::vector<std::string>(k.begin(), k.begin() + 3) ==
          std::vector<std::string>{"kind", "message", "spans"});
    CHECK(c["kind"].is_string());
    CHECK(c["message"].is_string());
    REQUIRE(c["spans"].is_array());
    for (const auto& s : c["spans"]) RequireSpanObject(s);
  }
  CHECK(j["checks"][0]["holds"] == true);
  CHECK(j["checks"][0]["computed"] == Approx(12.1));
  CHECK(j["checks"][0]["tolerance"] == "0.5 points");
  CHECK(!j["checks"][1].contains("holds"));
  CHECK(!j["checks"][1].contains("computed"));
}

TEST_CASE("JSON offsets are code points of the whole input (emoji, CRLF)", "[json][offsets]") {
  Fixture f;
  ojson j = ojson::parse(factlens::ReportToJson(f.doc, f.report));
  RequireOffsetsRoundTrip(kInput, j);
  // Spot checks computed by hand: "Xi 😀 Jinping" starts at 0 and is 12 code
  // points (13 UTF-16 units); "Seoul" follows "Xi 😀 Jinping visited ".
  CHECK(j["entities"][0]["start"] == 0);
  CHECK(j["entities"][0]["end"] == 12);
  CHECK(j["entities"][1]["start"] == 21);
  // Paragraph 2 starts after "…2026.\r\n\r\n": the CRs count as characters.
  const std::u32string cps = CodePoints(kInput);
  const int64_t lee = j["entities"][2]["start"];
  CHECK(Utf8(cps.substr(lee, 3)) == "Lee");
}

TEST_CASE("JSON offsets without paragraph_starts (documents built in code)", "[json][offsets]") {
  // The extension builds Documents itself; paragraphs are then joined by "\n".
  Fixture f;
  Document built = f.doc;
  built.paragraph_starts.clear();
  ojson j = ojson::parse(factlens::ReportToJson(built, f.report));
  std::string joined;
  for (size_t p = 0; p < built.paragraphs.size(); ++p) {
    if (p) joined += "\n";
    std::string s;
    icu::UnicodeString(false, built.paragraphs[p].text.data(),
                       static_cast<int32_t>(built.paragraphs[p].text.size()))
        .toUTF8String(s);
    joined += s;
  }
  RequireOffsetsRoundTrip(joined, j);
  for (int32_t p = 0; p < static_cast<int32_t>(built.paragraphs.size()); ++p) {
    CHECK(factlens::CodePointOffset(built, p, 0) ==
          factlens::CodePointOffset(f.doc, p, 0) - std::min<int32_t>(p, 3));  // 3 CRs
  }
}

TEST_CASE("A leading BOM counts as one code point of the input", "[json][offsets]") {
  const std::string input = "\xEF\xBB\xBFLee 😀 said.";
  Document doc;
  std::string error;
  REQUIRE(factlens::DocumentFromUtf8(input, &doc, &error));
  CHECK(doc.paragraphs[0].text == u"Lee 😀 said.");
  Report r;
  factlens::EntityMention lee{Find(doc, 0, u"Lee"), factlens::EntityType::kPerson, -1};
  factlens::Figure said;
  said.span = Find(doc, 0, u"said");
  r.entities = {lee};
  r.figures = {said};
  ojson j = ojson::parse(factlens::ReportToJson(doc, r));
  CHECK(j["entities"][0]["start"] == 1);
  RequireOffsetsRoundTrip(input, j);
}

TEST_CASE("Spans never split a surrogate pair and are clamped to their paragraph",
          "[json][offsets]") {
  const std::string input = "ab😀cd\nxy";
  Document doc;
  std::string error;
  REQUIRE(factlens::DocumentFromUtf8(input, &doc, &error));
  Report r;
  factlens::Figure half;  // begins inside the pair (UTF-16 3 is the trail)
  half.span = Span{0, 3, 5};
  factlens::Figure tail;  // ends inside the pair
  tail.span = Span{0, 0, 3};
  factlens::Figure beyond;  // past the paragraph end
  beyond.span = Span{1, 1, 40};
  r.figures = {half, tail, beyond};
  ojson j = ojson::parse(factlens::ReportToJson(doc, r));
  CHECK(j["figures"][0]["text"] == "😀c");
  CHECK(j["figures"][1]["text"] == "ab😀");
  CHECK(j["figures"][2]["text"] == "y");
  RequireOffsetsRoundTrip(input, j);
}

TEST_CASE("Many spans in one long paragraph with surrogates convert correctly", "[json][offsets]") {
  std::string input;
  for (int i = 0; i < 2000; ++i) input += (i % 3 == 0) ? "😀 word " : "word ";
  Document doc;
  std::string error;
  REQUIRE(factlens::DocumentFromUtf8(input, &doc, &error));
  Report r;
  const std::u16string& t = doc.paragraphs[0].text;
  for (size_t at = t.find(u"word"); at != std::u16string::npos; at = t.find(u"word", at + 1)) {
    factlens::Figure fig;
    fig.span = Span{0, static_cast<int32_t>(at), static_cast<int32_t>(at + 4)};
    r.figures.push_back(fig);
  }
  REQUIRE(r.figures.size() == 2000);
  ojson j = ojson::parse(factlens::ReportToJson(doc, r));
  RequireOffsetsRoundTrip(input, j);
}

TEST_CASE("ParseIsoDate accepts dates and datetimes, rejects the rest", "[io]") {
  factlens::Date d;
  REQUIRE(factlens::ParseIsoDate("2026-01-05", &d));
  CHECK(d == factlens::Date{2026, 1, 5});
  REQUIRE(factlens::ParseIsoDate("2024-02-29T10:00:00Z", &d));
  CHECK(d == factlens::Date{2024, 2, 29});
  CHECK_FALSE(factlens::ParseIsoDate("2026-02-29", &d));
  CHECK_FALSE(factlens::ParseIsoDate("2026-13-01", &d));
  CHECK_FALSE(factlens::ParseIsoDate("2026-1-05", &d));
  CHECK_FALSE(factlens::ParseIsoDate("26-01-05xx", &d));
  CHECK_FALSE(factlens::ParseIsoDate("2026-01-05x", &d));
  CHECK_FALSE(factlens::ParseIsoDate("", &d));
}

TEST_CASE("The text format lists every group", "[io]") {
  Fixture f;
  std::string text = factlens::ReportToText(f.doc, f.report);
  CHECK(text.find("People (2)") != std::string::npos);
  CHECK(text.find("Organisations (1)") != std::string::npos);
  CHECK(text.find("Lee Jae-myung [direct, via The Korea Herald 📰]") != std::string::npos);
  CHECK(text.find("money  US$272.9 billion  = 272900000000 USD") != std::string::npos);
  CHECK(text.find("arithmetic (holds)") != std::string::npos);
}
