// factlens/analyzer.h — the pipeline: one call from a Document to a Report.
//
// Usage:
//   factlens::AnalyzerOptions options;            // all stages on
//   factlens::Analyzer analyzer(options);         // loads models once (< 100 ms)
//   factlens::Report report = analyzer.Analyze(doc);
//
// Stages run in order: text layer, entities, figures, attributions, checks.
// Each later stage reads what the earlier ones put into the Report.
//
// Offset unit: UTF-16 code units of each paragraph (document.h).
// Ownership and thread-safety: an Analyzer is immutable after construction;
// Analyze() is const and may be called from several threads at once. Models
// and word lists are compiled into the binary and shared by all Analyzers.
#ifndef FACTLENS_ANALYZER_H_
#define FACTLENS_ANALYZER_H_

#include <string>
#include <vector>

#include "factlens/checks.h"
#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

struct AnalyzerOptions {
  bool figures = true;
  bool entities = true;
  bool attributions = true;
  bool checks = true;
  // House list: preferred spellings and known names (one per line), fed to the
  // entity recogniser and the name_variant check. See checks.h for the format.
  std::vector<std::u16string> house_names;
  // Optional house-style rules (number_style check); off by default.
  bool number_style = false;
  // The house list's [style] rules (checks.h, ParseHouseList).
  HouseStyle house_style;
};

class Analyzer {
 public:
  explicit Analyzer(AnalyzerOptions options = {});
  Report Analyze(const Document& doc) const;
  const AnalyzerOptions& options() const { return options_; }

 private:
  AnalyzerOptions options_;
};

// Gives the resident pages of the compiled-in data (the tagger's lexicon and model,
// the word lists: about 13 MB once touched) back to the operating system. They are
// clean read-only pages of the binary, read again from it on next use (a few ms of
// page faults). For a long-lived host between documents, e.g. the office extension
// when its last document closes. Thread-safe: an analysis running meanwhile only
// faults its pages back in. A no-op where madvise is not available.
void ReleaseDataPages();

}  // namespace factlens

#endif  // FACTLENS_ANALYZER_H_
