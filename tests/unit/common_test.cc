// The shared word classes (common/lexicon.h) and the one name key
// (common/name_key.h), and the lists other stages read across a stage border.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "common/embedded_data.h"
#include "common/lexicon.h"
#include "common/name_key.h"
#include "factlens/analyzer.h"
#include "factlens/entities.h"
#include "factlens/io.h"

using namespace factlens;

TEST_CASE("Weekdays: every row for figures, full names apart", "[common]") {
  int full = 0;
  for (const Weekday& d : Weekdays()) full += d.abbreviation ? 0 : 1;
  CHECK(full == 7);
  CHECK(WeekdayNames().count(u"wednesday") == 1);
  CHECK(WeekdayNames().count(u"wed") == 0);  // an ordinary word too
}

TEST_CASE("Change words carry a direction, multiples a factor", "[common]") {
  CHECK(ChangeWords().at(u"rose").Sign() == 1);
  CHECK(ChangeWords().at(u"hiked").Sign() == 1);
  CHECK(ChangeWords().at(u"slashed").Sign() == -1);
  CHECK(ChangeWords().at(u"doubled").factor == 2);
  CHECK(ChangeWords().at(u"halved").Sign() == -1);
}

TEST_CASE("One name key for entities and checks", "[common]") {
  CHECK(NameKey(u"Lee Jae-myung") == NameKey(u"Lee Jaemyung"));
  CHECK(NameKey(u"Wōo") == u"woo");
  CHECK(NameKeyUtf8(u"Zürich") == "zurich");
  CHECK(EntityNameKey(u"Ervenik") == NameKey(u"Ервеник"));
}

TEST_CASE("A name typed with combining marks keys as the composed one", "[common]") {
  // "n" + U+0303 and "ñ"; "a" + U+0301 + U+0300 (two marks); a mark alone.
  CHECK(NameKey(u"Pen\u0303a") == u"pena");
  CHECK(NameKey(u"Pen\u0303a") == NameKey(u"Pe\u00F1a"));
  CHECK(NameKey(u"Sa\u0303o Paulo") == NameKey(u"S\u00E3o Paulo"));
  CHECK(NameKey(u"Ju\u0301\u0300lio") == u"julio");
  CHECK(NameKey(u"\u0301") == u"");
  CHECK(NameKeyUtf8(u"Mu\u0308ller") == "muller");
}

// The checks' speech cues (the unattributed_quote safety net) are a narrow
// choice of the attribution stage's cue forms (its other lead-in words are
// declared apart, in checks/lead_in_words.txt): a word there that the
// attribution stage does not know is a drifted copy.
TEST_CASE("The checks' speech cues are attribution cues", "[common]") {
  std::set<std::string> forms;
  for (std::string_view line : EmbeddedLines("attributions/cues.txt")) {
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    for (size_t pos = colon + 1; pos < line.size();) {
      size_t end = std::min(line.find(' ', pos), line.size());
      if (end > pos) forms.insert(std::string(line.substr(pos, end - pos)));
      pos = end + 1;
    }
  }
  for (const char* file : {"checks/speech_cues.txt", "checks/crowd_cues.txt"}) {
    for (std::string_view w : EmbeddedLines(file)) {
      INFO(file << ": " << w);
      CHECK(forms.count(std::string(w)) == 1);
    }
  }
}

// The vague_source check narrows the attribution stage's vague sources to the
// collectives of checks/vague_heads.txt: each must be one of them.
TEST_CASE("The checks' vague heads are attribution vague sources", "[common]") {
  std::set<std::string_view> vague;
  for (std::string_view w : EmbeddedLines("attributions/vague_sources.txt")) vague.insert(w);
  for (std::string_view w : EmbeddedLines("checks/vague_heads.txt")) {
    INFO(w);
    CHECK(vague.count(w) == 1);
  }
}

TEST_CASE("ReleaseDataPages: the analysis after it equals the analysis before", "[common][memory]") {
  factlens::Analyzer analyzer;
  factlens::Document doc;
  doc.paragraphs.push_back({u"Maria Keller, a spokeswoman for Norvik Energy, said on Tuesday "
                            u"that sales in Zürich rose 12% to $3.4 million.",
                            factlens::ParagraphKind::kBody});
  const std::string before = factlens::ReportToJson(doc, analyzer.Analyze(doc));
  factlens::ReleaseDataPages();
  const std::string after = factlens::ReportToJson(doc, analyzer.Analyze(doc));
  CHECK(after == before);
  CHECK(before.find("Maria Keller") != std::string::npos);  // the tagger's data was in use
}
