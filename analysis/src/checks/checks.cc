// Copy-desk checks: the driver. Each family lives in its own file (names.cc,
// arithmetic.cc, dates.cc, quotes.cc, sources.cc, number_style.cc) and shares
// the Context of context.h. See docs/checks.md for what each check does and
// why it stays silent.
#include "factlens/checks.h"

#include <algorithm>
#include <climits>

#include "checks/context.h"

namespace factlens {

void RunChecks(const Document& doc, const CheckOptions& options, Report* report) {
  if (!report) return;
  using namespace checks_internal;
  Context ctx(doc, options, report);
  CheckNames(ctx);
  CheckArithmetic(ctx);
  CheckDates(ctx);
  CheckUnbalancedQuotes(ctx);
  CheckUnattributedQuotes(ctx);
  CheckVagueSources(ctx);
  if (options.number_style || options.style.number_style) CheckNumberStyle(ctx);
  // Document order of the first span; stable for equal positions.
  std::stable_sort(ctx.out.begin(), ctx.out.end(), [](const Check& a, const Check& b) {
    Span sa = a.spans.empty() ? Span{INT32_MAX, 0, 0} : a.spans.front();
    Span sb = b.spans.empty() ? Span{INT32_MAX, 0, 0} : b.spans.front();
    return sa < sb;
  });
  for (Check& c : ctx.out) report->checks.push_back(std::move(c));
}

}  // namespace factlens
