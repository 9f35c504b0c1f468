#include "factlens/analyzer.h"

#include <utility>

#include "factlens/attributions.h"
#include "factlens/checks.h"
#include "factlens/entities.h"
#include "factlens/figures.h"
#include "factlens/text.h"

namespace factlens {

Analyzer::Analyzer(AnalyzerOptions options) : options_(std::move(options)) {
  if (options_.entities || options_.attributions) EntityRecognizer::Default();  // load now
}

Report Analyzer::Analyze(const Document& doc) const {
  Report report;
  report.text = AnalyzeText(doc);
  // Entities before figures: neither reads the other, and the entity stage's
  // working state (its largest, about 24 bytes a token) is then freed before
  // the figures are made, instead of being held beside them.
  if (options_.entities || options_.attributions)
    EntityRecognizer::Default().Run(doc, &report, options_.house_names);
  if (options_.figures) FindFigures(doc, &report);
  if (options_.attributions) FindAttributions(doc, &report);
  if (!options_.entities) {  // entities ran only as input to attributions
    report.entities.clear();
  }
  if (options_.checks) {
    CheckOptions check_options;
    check_options.house_names = options_.house_names;
    check_options.number_style = options_.number_style;
    check_options.style = options_.house_style;
    RunChecks(doc, check_options, &report);
  }
  return report;
}

}  // namespace factlens
