// Copy-desk checks against the forms real copy takes (issue 15, third round):
// decks and section lines, interview transcripts, namesakes, anonymous
// sourcing explained, terms named, split markup, inch marks, cited headlines,
// credit lines and stage directions. Original sentences; hand-built Reports.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "factlens/analyzer.h"
#include "factlens/checks.h"
#include "factlens/text.h"
#include "checks_fixtures.h"

using namespace factlens;
using namespace factlens_test;

namespace {

int AddPerson(Report* r, const std::u16string& canonical) {
  return AddEntity(r, EntityType::kPerson, canonical);
}

void Mention(Report* r, const Document& doc, const std::u16string& text, int entity,
             int nth = 0) {
  AddMention(r, doc, text, entity, EntityType::kPerson, nth);
}

// Runs the checks with the text layer's quotations of the document, every
// part of first_reference included (house style `first_reference = all`).
std::vector<Check> Run(const Document& doc, Report* r, bool all_first_references = true) {
  r->text = AnalyzeText(doc);
  CheckOptions options;
  options.style.first_reference_all = all_first_references;
  options.style.unattributed_quote = true;  // the opt-in check these tests exercise
  RunChecks(doc, options, r);
  return r->checks;
}

size_t Count(const std::vector<Check>& checks, const std::string& kind) {
  size_t n = 0;
  for (const Check& c : checks) n += c.kind == kind;
  return n;
}

}  // namespace

TEST_CASE("first_reference: a deck under the headline is a heading", "[checks][real]") {
  Document doc = Doc({u"Senator leaves the campaign to visit a shipyard.",
                      u"Lund praises the workers after a long tour of the yard.",
                      u"BERGEN - Senator Eva Lund took a detour from the campaign on Wednesday "
                      u"to tour the shipyard where her grandfather once worked as a welder, "
                      u"and she spoke to the crews for an hour."});
  Report r;
  const int lund = AddPerson(&r, u"Eva Lund");
  Mention(&r, doc, u"Lund", lund);
  Mention(&r, doc, u"Eva Lund", lund);
  CHECK(Count(Run(doc, &r), "first_reference") == 0);
}

TEST_CASE("first_reference: lines before a section line are the head", "[checks][real]") {
  Document doc = Doc({u"Lund is tested as rivals sense an opening.", u"ABSTRACT.",
                      u"The senator faces her hardest week.", u"FULL TEXT.",
                      u"Senator Eva Lund has had a difficult week in the capital."});
  Report r;
  const int lund = AddPerson(&r, u"Eva Lund");
  Mention(&r, doc, u"Lund", lund);
  Mention(&r, doc, u"Eva Lund", lund);
  CHECK(Count(Run(doc, &r), "first_reference") == 0);
}

TEST_CASE("first_reference: transcript answers and first names alone", "[checks][real]") {
  {
    Document doc = Doc({u"Q: What did you make of the week?",
                        u"A: I just saw the new Lund ad on the ferry.",
                        u"Later he praised Eva Lund for her work on the budget."});
    Report r;
    const int lund = AddPerson(&r, u"Eva Lund");
    Mention(&r, doc, u"Lund", lund);
    Mention(&r, doc, u"Eva Lund", lund);
    CHECK(Count(Run(doc, &r), "first_reference") == 0);
  }
  {
    // "brothers Per and Ola Dahl": the first name alone comes first.
    Document doc = Doc({u"The farm was run by the brothers Per and Ola Dahl for years.",
                        u"Per Dahl left the farm in the spring."});
    Report r;
    const int per = AddPerson(&r, u"Per Dahl");
    Mention(&r, doc, u"Per", per);
    Mention(&r, doc, u"Per Dahl", per);
    CHECK(Count(Run(doc, &r), "first_reference") == 0);
  }
  {
    // The surname alone before the full name is still found.
    Document doc = Doc({u"Voters said Dahl had won the debate easily.",
                        u"Per Dahl thanked them on Sunday."});
    Report r;
    const int per = AddPerson(&r, u"Per Dahl");
    Mention(&r, doc, u"Dahl", per);
    Mention(&r, doc, u"Per Dahl", per);
    CHECK(Count(Run(doc, &r), "first_reference") == 1);
  }
}

TEST_CASE("first_reference: a namesake needs a second full name just before",
          "[checks][real]") {
  {
    // Only one namesake was just named: the reader takes that one.
    Document doc = Doc({u"Ann Berg ran the firm for a decade and sold it last year.",
                        u"Tom Berg spoke at the opening.", u"Berg thanked the staff."});
    Report r;
    const int ann = AddPerson(&r, u"Ann Berg");
    const int tom = AddPerson(&r, u"Tom Berg");
    Mention(&r, doc, u"Ann Berg", ann);
    Mention(&r, doc, u"Tom Berg", tom);
    Mention(&r, doc, u"Berg", -1, 2);
    CHECK(Count(Run(doc, &r), "first_reference") == 0);
  }
  {
    // Both named in full just before: a reader cannot tell.
    Document doc = Doc({u"Ann Berg founded the firm in 1990 and owned it for a decade.",
                        u"Ann Berg shook her head. Tom Berg spoke first.",
                        u"In the end, Berg signed the papers."});
    Report r;
    const int ann = AddPerson(&r, u"Ann Berg");
    const int tom = AddPerson(&r, u"Tom Berg");
    Mention(&r, doc, u"Ann Berg", ann);
    Mention(&r, doc, u"Ann Berg", ann, 1);
    Mention(&r, doc, u"Tom Berg", tom);
    Mention(&r, doc, u"Berg", -1, 3);
    CHECK(Count(Run(doc, &r), "first_reference") == 1);
  }
  {
    // The other namesake only in a parenthesis: an aside.
    Document doc = Doc({u"Ann Berg leads the polls (though Tom Berg won here in 1990), and "
                        u"her rival trails.",
                        u"Her rival is competitive with Berg in money."});
    Report r;
    const int ann = AddPerson(&r, u"Ann Berg");
    const int tom = AddPerson(&r, u"Tom Berg");
    Mention(&r, doc, u"Ann Berg", ann);
    Mention(&r, doc, u"Tom Berg", tom);
    Mention(&r, doc, u"Berg", -1, 2);
    CHECK(Count(Run(doc, &r), "first_reference") == 0);
  }
}

TEST_CASE("vague_source: anonymity explained, terms named, a report named", "[checks][real]") {
  Document doc = Doc({u"Sources say the deal is close, speaking on condition of anonymity.",
                      u"The mayor backs what critics called a loophole in the law.",
                      u"As The Herald reported, the guard was told to leave. He reportedly "
                      u"refused.",
                      u"A: Well, critics say we spend too much, and they are wrong.",
                      u"Critics say the plan is too costly."});
  Report r;
  const auto checks = Run(doc, &r);
  REQUIRE(Count(checks, "vague_source") == 1);
  for (const Check& c : checks)
    if (c.kind == "vague_source") CHECK(c.spans[0].paragraph == 4);
}

TEST_CASE("vague_source: anonymity explained in the next sentence", "[checks][real]") {
  Document doc = Doc({u"Fire in the old town", u"Critics say the plan is too costly.",
                      u"The mayor will decide in May.",
                      u"The fire started in a kitchen on the third floor, sources say.",
                      u"The sources, who were not authorized to speak publicly, said the cause "
                      u"was under review."});
  Report r;
  const auto checks = Run(doc, &r);
  REQUIRE(Count(checks, "vague_source") == 1);
  for (const Check& c : checks)
    if (c.kind == "vague_source") CHECK(c.spans[0].paragraph == 1);
}

TEST_CASE("vague_source: an author-year citation names the source", "[checks][real]") {
  Document doc = Doc({u"Tidal power",
                      u"Critics say tidal power is a dead end (Halvorsen & Mbeki, 2014, "
                      u"p. 12).",
                      u"Critics say the dam is a dead end (Lund et al. 2019).",
                      u"Critics say the harbour plan (Proposition 12, passed in 2014) is a "
                      u"dead end."});
  Report r;
  const auto checks = Run(doc, &r);
  REQUIRE(Count(checks, "vague_source") == 1);
  for (const Check& c : checks)
    if (c.kind == "vague_source") CHECK(c.spans[0].paragraph == 3);
}

TEST_CASE("unbalanced_quote: a tag split by a line break, inch marks", "[checks][real]") {
  Document doc = Doc({u"The senator wrote on Tuesday.",
                      u"<tweet author=\"@lund\" date=\"May 4, 2026",
                      u"\">Thanks to all the crews in Bergen today!<tweet/>.",
                      u"“He is always calling me short. He is like 6’2”,” she said."});
  Report r;
  CHECK(Count(Run(doc, &r), "unbalanced_quote") == 0);
}

TEST_CASE("unattributed_quote: cited headlines, credit lines, stage directions",
          "[checks][real]") {
  {
    Document doc = Doc({u"I agree with the mayor (“Mayor says the new bridge will open in "
                        u"May,” Herald, Thursday) on this.",
                        u"“The claim that we plan to sell the ferry line is plainly not true in "
                        u"any way.”",
                        u"- Lund."});
    Report r;
    CHECK(Count(Run(doc, &r), "unattributed_quote") == 0);
  }
  {
    Document doc = Doc({u"“I am ringing on behalf of the party tonight,” Eva Lund said into "
                        u"the phone.",
                        u"She pauses.",
                        u"“Right, many thanks for listening and for your support.”"});
    Report r;
    const int lund = AddPerson(&r, u"Eva Lund");
    Mention(&r, doc, u"Eva Lund", lund);
    CHECK(Count(Run(doc, &r), "unattributed_quote") == 0);
  }
  {
    // A statement quoted with nobody near still counts.
    Document doc = Doc({u"The harbour was quiet on Sunday morning.",
                        u"“The claim that we plan to sell the ferry line is plainly not true in "
                        u"any way.”"});
    Report r;
    CHECK(Count(Run(doc, &r), "unattributed_quote") == 1);
    // Opt-in: the default options leave it alone.
    Report plain;
    plain.text = AnalyzeText(doc);
    RunChecks(doc, CheckOptions{}, &plain);
    CHECK(Count(plain.checks, "unattributed_quote") == 0);
  }
}

TEST_CASE("first_reference: by default only re-introductions", "[checks][real]") {
  Document doc = Doc({u"Voters said Dahl had won the debate easily on Sunday night.",
                      u"Per Dahl thanked them on Sunday.",
                      u"Dahl said the count was fair and the result would stand.",
                      u"Per Dahl, the party leader, will travel to Oslo next."});
  Report r;
  const int per = AddPerson(&r, u"Per Dahl");
  Mention(&r, doc, u"Dahl", per);
  Mention(&r, doc, u"Per Dahl", per);
  Mention(&r, doc, u"Dahl", per, 2);
  Mention(&r, doc, u"Per Dahl", per, 1);
  const auto checks = Run(doc, &r, /*all_first_references=*/false);
  REQUIRE(Count(checks, "first_reference") == 1);
  for (const Check& c : checks)
    if (c.kind == "first_reference") CHECK(c.message.find("again") != std::string::npos);
  HouseList list;
  std::string error;
  REQUIRE(ParseHouseList("[style]\nfirst_reference = all\n", &list, &error));
  CHECK(list.style.first_reference_all);
  CHECK_FALSE(list.style.unattributed_quote);  // opt-in, off by default
  REQUIRE(ParseHouseList("[style]\nunattributed_quote = on\n", &list, &error));
  CHECK(list.style.unattributed_quote);
  CHECK_FALSE(ParseHouseList("[style]\nunattributed_quote = maybe\n", &list, &error));
  CHECK(error.find("unattributed_quote") != std::string::npos);
  CHECK_FALSE(ParseHouseList("[style]\nfirst_reference = some\n", &list, &error));
  CHECK(error.find("first_reference") != std::string::npos);

  // "classic Per Dahl, a …": the name stands for a manner, no re-introduction.
  Document manner = Doc({u"Per Dahl thanked them on Sunday.",
                         u"Dahl said the count was fair and the result would stand.",
                         u"The move was classic Per Dahl, a man who never gives up a seat."});
  Report r2;
  const int dahl = AddPerson(&r2, u"Per Dahl");
  Mention(&r2, manner, u"Per Dahl", dahl);
  Mention(&r2, manner, u"Dahl", dahl, 1);
  Mention(&r2, manner, u"Per Dahl", dahl, 1);
  CHECK(Count(Run(manner, &r2, /*all_first_references=*/false), "first_reference") == 0);
}

TEST_CASE("unattributed_quote: the speaker named after it, or a dash credit", "[checks][real]") {
  {
    Document doc = Doc({u"The vote was close this time.",
                        u"“Had they meant it, they would have brought the one motion that could "
                        u"pass,” Ola Dahl fumed on Tuesday."});
    Report r;
    const int dahl = AddPerson(&r, u"Ola Dahl");
    Mention(&r, doc, u"Ola Dahl", dahl);
    CHECK(Count(Run(doc, &r), "unattributed_quote") == 0);
  }
  {
    Document doc = Doc({u"Readers wrote in by the hundred.",
                        u"“No fit spokesman for the oldest shipping town on the whole "
                        u"coast.” ― Ana P. Lima"});
    Report r;
    CHECK(Count(Run(doc, &r), "unattributed_quote") == 0);
  }
}

TEST_CASE("vague_source and first_reference: a named companion, a family word",
          "[checks][real]") {
  {
    auto run = [](const Document& doc, bool named) {
      Report r;
      const int lund = AddPerson(&r, u"Eva Lund");
      if (named) Mention(&r, doc, u"Eva Lund", lund);
      Attribution a;
      a.vague_source = true;
      a.speaker = Find(doc, u"others");
      a.content = Find(doc, u"they would not back the budget");
      r.attributions.push_back(a);
      return Count(Run(doc, &r), "vague_source");
    };
    Document doc = Doc({u"Eva Lund and others said they would not back the budget."});
    CHECK(run(doc, true) == 0);
    Document alone = Doc({u"Many voters and others said they would not back the budget."});
    CHECK(run(alone, false) == 1);
  }
  {
    Document doc = Doc({u"The firm is run by his two sons, Lars, 51, and Nils, 48, these days.",
                        u"Lars Berg took over the board in the spring."});
    Report r;
    const int lars = AddPerson(&r, u"Lars Berg");
    Mention(&r, doc, u"Lars", lars);
    Mention(&r, doc, u"Lars Berg", lars);
    CHECK(Count(Run(doc, &r), "first_reference") == 0);
  }
}

TEST_CASE("vague_source: a crowd's chant and a statement withheld credit no claim",
          "[checks][real]") {
  auto run = [](const Document& doc, const std::u16string& speaker, const std::u16string& cue,
                const std::u16string& content) {
    Report r;
    Attribution a;
    a.vague_source = true;
    a.speaker = Find(doc, speaker);
    a.cue = Find(doc, cue);
    a.content = Find(doc, content);
    r.attributions.push_back(a);
    return Count(Run(doc, &r), "vague_source");
  };
  Document chant =
      Doc({u"The hall filled as results came in. Some chanted \u201CTen more "
           u"years!\u201D"});
  CHECK(run(chant, u"Some", u"chanted", u"Ten more years!") == 0);
  Document shout = Doc({u"Others, angry at the delay, shouted at the stage."});
  CHECK(run(shout, u"Others", u"shouted", u"at the stage") == 0);
  Document withheld = Doc({u"Several others have not yet said which bid they favour."});
  CHECK(run(withheld, u"Several others", u"said", u"which bid they favour") == 0);
  Document didnt = Doc({u"Analysts didn't say when rates would fall."});
  CHECK(run(didnt, u"Analysts", u"say", u"when rates would fall") == 0);
  Document claim = Doc({u"Some said the bid was too low."});
  CHECK(run(claim, u"Some", u"said", u"the bid was too low") == 1);
}

TEST_CASE("unattributed_quote: a speaker followed by a pronoun; 'widely seen' as an adjective",
          "[checks][real]") {
  {
    Document doc = Doc({u"After his sentence, he was sent back to a country he did not know. "
                        u"“For the first month, I slept in a bus shelter by the port.”"});
    Report r;
    CHECK(Count(Run(doc, &r), "unattributed_quote") == 0);
  }
  {
    Document doc = Doc({u"It was among the final widely seen chances to shift the contest.",
                        u"The debate was widely seen as a turning point."});
    Report r;
    const auto checks = Run(doc, &r);
    REQUIRE(Count(checks, "vague_source") == 1);
    for (const Check& c : checks)
      if (c.kind == "vague_source") CHECK(c.spans[0].paragraph == 1);
  }
}

namespace {

std::vector<Check> Arithmetic(const std::u16string& sentence) {
  Document doc = Doc({sentence.c_str()});
  Report r;
  std::vector<Check> out;
  for (const Check& c : Run(doc, &r))
    if (c.kind == "arithmetic") out.push_back(c);
  return out;
}

}  // namespace

TEST_CASE("arithmetic: fractions of a whole, silent when unsure", "[checks][real]") {
  auto one = [](const std::u16string& s) {
    const auto checks = Arithmetic(s);
    REQUIRE(checks.size() == 1);
    REQUIRE(checks[0].holds.has_value());
    return *checks[0].holds;
  };
  CHECK(one(u"Labour won 12 of the 36 seats, or a third, in the vote."));
  CHECK(one(u"Labour won 12 of the 37 seats, or a third, in the vote."));  // 32.4 %: ±2 points
  CHECK_FALSE(one(u"Labour won 12 of the 36 seats, or half, in the vote."));
  CHECK(one(u"Half of the 40 seats, or 20, went to the Greens."));
  CHECK_FALSE(one(u"Nearly two-thirds of the 300 workers (240) joined the strike."));
  CHECK_FALSE(one(u"More than a third of the 90 members, or 20, voted against."));
  // Between the rounding a fraction word allows and a clear miss: silent.
  CHECK(Arithmetic(u"A quarter of the 200 delegates (40) walked out.").empty());
  CHECK(Arithmetic(u"Labour won 14 of the 36 seats, or about a third.").empty());
}

TEST_CASE("arithmetic: sums of parts, silent when unsure", "[checks][real]") {
  auto one = [](const std::u16string& s) {
    const auto checks = Arithmetic(s);
    REQUIRE(checks.size() == 1);
    REQUIRE(checks[0].holds.has_value());
    return *checks[0].holds;
  };
  CHECK(one(u"The firm has plants in Spain (120 workers), Italy (80) and Poland (50), a total "
            u"of 250 workers."));
  CHECK(one(u"Spain pledged $120 million, Italy $80 million and Poland $50 million, totalling "
            u"$250 million."));
  CHECK_FALSE(one(u"The parties won 12, 8 and 5 seats, for a total of 26."));
  // A year among the numbers, or a worded list that does not add up: silent.
  CHECK(Arithmetic(u"In 2015, 40 and 50 people came, a total of 90.").empty());
  CHECK(Arithmetic(u"Of the 12 candidates, 5 from the north and 4 from the south, a total of 9 "
                   u"made it.")
            .empty());
}

TEST_CASE("arithmetic: an absolute change with a qualifier", "[checks][real]") {
  // The figures come from the figures stage: the whole analyzer runs.
  auto verdict = [](const std::u16string& s) {
    Document doc = Doc({s.c_str()});
    const Report r = Analyzer().Analyze(doc);
    std::vector<Check> checks;
    for (const Check& c : r.checks)
      if (c.kind == "arithmetic") checks.push_back(c);
    REQUIRE(checks.size() == 1);
    REQUIRE(checks[0].holds.has_value());
    return *checks[0].holds;
  };
  CHECK(verdict(u"Revenue rose from $412 million in 2013 to $608 million in 2014, an increase of "
                u"almost $200 million."));
  CHECK_FALSE(verdict(u"Sales fell by more than £40 million, from £310 million to £290 million."));
  CHECK(verdict(u"Sales fell by more than £40 million, from £310 million to £260 million."));
}
