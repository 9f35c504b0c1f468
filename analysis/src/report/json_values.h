// The JSON of a figure's value, one definition for the factlens/1 writer
// (io.cc) and the sources report (sources_report.cc).
//
// Usage:
//   NumberJson(12.0)        // 12 (an integer when whole and exact)
//   NumberJson(NAN)         // null
//   FigureValueJson(range)  // [lo, hi]; a string value as its string
#ifndef FACTLENS_ANALYSIS_SRC_REPORT_JSON_VALUES_H_
#define FACTLENS_ANALYSIS_SRC_REPORT_JSON_VALUES_H_

#include <nlohmann/json.hpp>

#include "factlens/report.h"

namespace factlens {

// NumberJson's rule: a whole number below 9e15 is written as an integer.
bool WrittenAsInteger(double v);
nlohmann::ordered_json NumberJson(double v);
nlohmann::ordered_json FigureValueJson(const FigureValue& v);

}  // namespace factlens

#endif  // FACTLENS_ANALYSIS_SRC_REPORT_JSON_VALUES_H_
