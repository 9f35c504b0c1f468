// Copy-desk checks: the registry of check kinds and the driver. Each check
// lives in its family's file (names.cc, arithmetic.cc, dates.cc, quotes.cc,
// sources.cc, number_style.cc) and shares the Context of context.h. See
// docs/checks.md for what each check does and why it stays silent.
//
// To add a check: write `void CheckSomething(Context&)` in its family's file,
// declare it in context.h, add its Kind there and its row here.
#include "factlens/checks.h"

#include <algorithm>
#include <climits>

#include "checks/context.h"

namespace factlens {
namespace checks_internal {
namespace {

struct CheckRow {
  Kind id;
  std::string_view kind;  // Check::kind, in the JSON
  void (*run)(Context&);
  std::string_view label;  // for people
};

// The one place a check kind is named. RunChecks runs the rows in this order.
constexpr CheckRow kChecks[] = {
    {Kind::kNameVariant, "name_variant", CheckNameVariants, "Name variant"},
    {Kind::kFirstReference, "first_reference", CheckFirstReferences, "First reference"},
    {Kind::kArithmetic, "arithmetic", CheckArithmetic, "Arithmetic"},
    {Kind::kDateConsistency, "date_consistency", CheckDateConsistency, "Date consistency"},
    {Kind::kUnattributedQuote, "unattributed_quote", CheckUnattributedQuotes,
     "Unattributed quote"},
    {Kind::kVagueSource, "vague_source", CheckVagueSources, "Vague source"},
    {Kind::kUnbalancedQuote, "unbalanced_quote", CheckUnbalancedQuotes, "Unbalanced quote"},
    {Kind::kNumberStyle, "number_style", CheckNumberStyle, "Number style"},
};

// Row i is Kind i, so that NewCheck can index the table.
constexpr bool RowsInKindOrder() {
  for (size_t i = 0; i < std::size(kChecks); ++i)
    if (static_cast<size_t>(kChecks[i].id) != i) return false;
  return true;
}
static_assert(RowsInKindOrder(), "kChecks rows must follow the order of enum Kind");

// Document order of the first span; stable for equal positions.
void SortByPosition(std::vector<Check>* checks) {
  std::stable_sort(checks->begin(), checks->end(), [](const Check& a, const Check& b) {
    Span sa = a.spans.empty() ? Span{INT32_MAX, 0, 0} : a.spans.front();
    Span sb = b.spans.empty() ? Span{INT32_MAX, 0, 0} : b.spans.front();
    return sa < sb;
  });
}

// One finding per span and kind: a check whose kind and spans repeat an
// earlier one's (two stages or two rules finding the same thing) goes.
// Needs the checks sorted by position; duplicates share their first span.
void DropRepeats(std::vector<Check>* checks) {
  std::vector<Check> kept;
  kept.reserve(checks->size());
  size_t run_begin = 0;  // first kept check with the current first span
  for (Check& c : *checks) {
    const bool same_start = run_begin < kept.size() && !c.spans.empty() &&
                            !kept[run_begin].spans.empty() &&
                            kept[run_begin].spans.front() == c.spans.front();
    if (!same_start) run_begin = kept.size();
    bool repeat = false;
    for (size_t k = run_begin; k < kept.size() && !repeat; ++k)
      repeat = kept[k].kind == c.kind && kept[k].spans == c.spans;
    if (!repeat) kept.push_back(std::move(c));
  }
  *checks = std::move(kept);
}

}  // namespace

Check NewCheck(Kind kind) {
  Check c;
  c.kind = std::string(kChecks[static_cast<size_t>(kind)].kind);
  return c;
}

}  // namespace checks_internal

void RunChecks(const Document& doc, const CheckOptions& options, Report* report) {
  if (!report) return;
  checks_internal::Context ctx(doc, options, report);
  for (const checks_internal::CheckRow& row : checks_internal::kChecks) row.run(ctx);
  checks_internal::SortByPosition(&ctx.out);
  checks_internal::DropRepeats(&ctx.out);
  for (Check& c : ctx.out) report->checks.push_back(std::move(c));
}

const std::vector<CheckKindInfo>& CheckKinds() {
  static const std::vector<CheckKindInfo> kinds = [] {
    std::vector<CheckKindInfo> v;
    for (const auto& row : checks_internal::kChecks) v.push_back({row.kind, row.label});
    return v;
  }();
  return kinds;
}

std::string_view CheckLabel(std::string_view kind) {
  for (const auto& row : checks_internal::kChecks)
    if (row.kind == kind) return row.label;
  return kind;
}

}  // namespace factlens
