// Internal to the report writers (markdown.cc, csv.cc, html.cc): the fact list
// in report order and the value formats they share.
#ifndef FACTLENS_ANALYSIS_SRC_REPORT_FORMAT_H_
#define FACTLENS_ANALYSIS_SRC_REPORT_FORMAT_H_

#include <string>
#include <vector>

#include "factlens/document.h"
#include "factlens/factlist.h"
#include "factlens/report.h"

namespace factlens {
namespace report_internal {

// The entity groups, in the order every report lists them.
inline constexpr FactGroupKind kEntityGroups[] = {
    FactGroupKind::kPeople, FactGroupKind::kOrganisations, FactGroupKind::kPlaces,
    FactGroupKind::kOther};

// The fact list in the report view (factlist.h) with the checks split.
struct ReportFacts {
  explicit ReportFacts(const Document& doc, const Report& report);
  const FactGroup& Group(FactGroupKind kind) const { return *FindGroup(groups, kind); }
  size_t Count(FactGroupKind kind) const { return Group(kind).items.size(); }

  std::vector<FactGroup> groups;
  std::vector<int> problems, verified;  // indices into Report::checks, in list order
};

// The text of a span, UTF-8.
std::string Text(const Document& doc, const Span& s);

// "1,234", "0.25", "3–5", "March 2024": the normalised value, "" when none.
std::string FormatValue(const Figure& f);

// "12.1", "4", "105", "1,250": up to three decimals, trailing zeros dropped.
std::string Trimmed(double v);

// Text escaped for HTML content and attribute values (& < > " ').
std::string Html(const std::string& s);

// Line breaks and tabs as spaces.
std::string OneLine(std::string s);

// The variants of an entity other than its canonical name, UTF-8.
std::vector<std::string> OtherForms(const Entity& e);

}  // namespace report_internal
}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_REPORT_FORMAT_H_
