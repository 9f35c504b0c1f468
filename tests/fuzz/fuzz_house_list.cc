// libFuzzer target: the house-list parser (factlens::ParseHouseList), then an
// Analyzer with the parsed list on a short draft that names the list's names.
//
// Checks (abort on failure): a rejected list says "line N: ..." and leaves the
// output untouched; an accepted list gives non-empty names, a style within its
// documented range, and a report whose JSON parses. No exception escapes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "factlens/analyzer.h"
#include "factlens/checks.h"
#include "factlens/io.h"
#include "oracles.h"

namespace {

using fuzz::Fail;

// A draft naming the first names of the list (UTF-16 paragraphs).
factlens::Document DraftWith(const factlens::HouseList& house) {
  factlens::Document doc;
  factlens::Paragraph p;
  p.text = u"The minister said on Monday that the plan would cost $5 million.";
  doc.paragraphs.push_back(p);
  size_t n = 0;
  for (const std::u16string& name : house.names) {
    if (++n > 8) break;
    p.text = name + u" said \u201cwe agree\u201d, and " + name + u" met 12 officials.";
    doc.paragraphs.push_back(p);
  }
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  factlens::HouseList house;
  house.names = {u"Untouched"};
  std::string error;
  if (!factlens::ParseHouseList(bytes, &house, &error)) {
    if (error.rfind("line ", 0) != 0) Fail("error without a line: " + error);
    if (house.names.size() != 1 || house.names[0] != u"Untouched") Fail("half-loaded list");
    return 0;
  }
  for (const std::u16string& name : house.names)
    if (name.empty()) Fail("an empty house name");
  if (house.style.spell_out_below < 0 || house.style.spell_out_below > 100)
    Fail("spell_out_below out of 0..100");
  factlens::AnalyzerOptions options;
  options.house_names = house.names;
  options.number_style = house.style.number_style;
  options.house_style = house.style;
  const factlens::Analyzer analyzer(options);
  const factlens::Document doc = DraftWith(house);
  (void)nlohmann::json::parse(factlens::ReportToJson(doc, analyzer.Analyze(doc)));
  return 0;
}
