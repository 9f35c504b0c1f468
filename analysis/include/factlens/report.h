// factlens/report.h — what the analysis finds: the Report and its findings.
//
// Usage:
//   factlens::Report r = factlens::Analyzer().Analyze(doc);
//   for (const factlens::Figure& f : r.figures) { ... f.span, f.kind, f.value ... }
//
// Every finding carries Spans in UTF-16 code units of its paragraph (document.h).
// Findings are sorted in document order. Stages that are switched off leave
// their lists empty; no stage ever invents data.
//
// Ownership and thread-safety: plain value types.
#ifndef FACTLENS_REPORT_H_
#define FACTLENS_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "factlens/document.h"
#include "factlens/text.h"

namespace factlens {

// ---------------------------------------------------------------- entities
enum class EntityType : uint8_t { kPerson, kOrg, kPlace, kMisc };
const char* EntityTypeName(EntityType type);  // "PERSON", "ORG", "PLACE", "MISC"

enum class Gender : uint8_t { kUnknown, kFemale, kMale };

struct EntityMention {
  Span span;  // the name only: no title, no possessive 's, no leading "the"
  EntityType type = EntityType::kMisc;
  int32_t entity = -1;  // index into Report::entity_list
  bool outlet = false;  // a media outlet (ORG)
  float confidence = 1.0f;
  std::u16string title;  // "President" in "President Lee Jae-myung"
};

struct Entity {
  int32_t id = -1;  // == its index in Report::entity_list
  EntityType type = EntityType::kMisc;
  std::u16string canonical;              // fullest form seen
  std::vector<std::u16string> variants;  // every distinct surface form
  int32_t mentions = 0;
  std::vector<std::u16string> descriptors;  // titles and appositions
  bool outlet = false;
  Gender gender = Gender::kUnknown;
  // A bare surname that could be two different people of the document.
  bool ambiguous = false;
  // Surface forms that spell the same name differently ("Lee Jaemyung" for
  // "Lee Jae-myung"); feeds the name_variant check.
  std::vector<std::u16string> spelling_variants;
};

// ---------------------------------------------------------------- figures
enum class FigureKind : uint8_t {
  kMoney, kPercent, kDate, kTime, kNumber, kOrdinal, kQuantity, kDuration
};
const char* FigureKindName(FigureKind kind);  // "money", "percent", ...

// A figure's normalised value: a number, an ISO date/time string, a range of
// either, or nothing (text we recognised but cannot value, e.g. "10^400").
struct FigureValue {
  enum class Type : uint8_t { kNone, kNumber, kString, kNumberRange, kStringRange };
  Type type = Type::kNone;
  double lo = 0, hi = 0;       // kNumber uses lo; kNumberRange uses lo..hi
  std::string str_lo, str_hi;  // kString uses str_lo; kStringRange both
};

struct Figure {
  Span span;  // approximators ("about", "more than") are inside the span
  FigureKind kind = FigureKind::kNumber;
  FigureValue value;
  std::string unit;  // ISO 4217 for money, "percent", "percentage point", "year"...
  bool approx = false;
  // What was assumed ("currency assumed USD", "year inferred from dateline").
  std::string note;
  // For quantities: the thing counted ("people" in "about 200 people").
  std::u16string counted;
};

// How figures relate: "from $350 to $680" (change), "between 5 and 10"
// (range), "more than X" / "X, up from Y" (comparison).
struct FigureRelation {
  enum class Kind : uint8_t { kRange, kChange, kComparison };
  Kind kind = Kind::kRange;
  // Indices into Report::figures. `to` is always set; `from` is -1 for a
  // change whose starting value is not stated ("fell 8% to £1.2bn"; JSON null).
  int32_t from = -1;
  int32_t to = -1;
  // For a stated change: the figure stating its size ("12 percent" in
  // "12 percent up from ..."), or -1.
  int32_t delta = -1;
  int32_t direction = 0;  // +1 rise, -1 fall, 0 unknown
};

// ---------------------------------------------------------------- attributions
enum class AttributionKind : uint8_t { kDirect, kIndirect, kMixed };
const char* AttributionKindName(AttributionKind kind);  // "direct", ...

struct Attribution {
  // What was said. A quotation running over several paragraphs gives one
  // attribution per paragraph, all with the same speaker.
  Span content;
  // A quotation split by its cue ("A," she said. "B."): each quoted part in
  // order, and `content` runs from the first part to the last (cue included).
  // Empty for a statement of one piece.
  std::vector<Span> parts;
  AttributionKind kind = AttributionKind::kDirect;
  std::optional<Span> speaker;  // the mention in the text ("he", "Lee", ...)
  int32_t speaker_entity = -1;  // index into Report::entity_list, -1 unresolved
  std::u16string speaker_name;  // canonical name; empty when unresolved
  std::optional<Span> cue;      // "said", "according to", ":" ...
  std::optional<Span> outlet;   // "The Korea Herald", "NewsChina", "X"
  bool vague_source = false;    // "analysts said", "sources say"
  bool belief = false;          // "wants", "thinks", "hopes": a lower tier
  bool continuation = false;    // a cue-less paragraph continuing a speaker
  double confidence = 0.0;      // 0..1
};

// A quoted term that is not a statement: scare quotes, titles, headings.
struct QuotedTerm {
  Span span;  // inside the marks
};

// ---------------------------------------------------------------- checks
struct Check {
  std::string kind;     // "name_variant", "arithmetic", "unbalanced_quote", ...
  std::string message;  // plain language, for an editor
  std::vector<Span> spans;
  std::optional<bool> holds;       // arithmetic and date checks
  std::optional<double> computed;  // the number the text implies
  std::string tolerance;           // the rounding tolerance used, if any
};

// ---------------------------------------------------------------- report
struct Report {
  TextLayer text;
  std::vector<EntityMention> entities;
  std::vector<Entity> entity_list;
  std::vector<Figure> figures;
  std::vector<FigureRelation> figure_relations;
  std::vector<Attribution> attributions;
  std::vector<QuotedTerm> quoted_terms;
  std::vector<Check> checks;
};

}  // namespace factlens

#endif  // FACTLENS_REPORT_H_
