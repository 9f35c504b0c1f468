// factlens/figures.h — money, percentages, dates, times, counts and quantities.
//
// Usage:
//   factlens::Report report;
//   report.text = factlens::AnalyzeText(doc);
//   factlens::FindFigures(doc, &report);   // fills report.figures, figure_relations
//
// Offset unit: UTF-16 code units of each paragraph (document.h).
// Thread-safety: FindFigures is reentrant; it only reads shared, immutable tables.
#ifndef FACTLENS_FIGURES_H_
#define FACTLENS_FIGURES_H_

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

// Finds every figure of `doc`; reads report->text, writes report->figures and
// report->figure_relations (sorted in document order).
void FindFigures(const Document& doc, Report* report);

}  // namespace factlens

#endif  // FACTLENS_FIGURES_H_
