// factlens/checks.h — copy-desk checks over the other stages' findings.
//
// Usage:
//   factlens::CheckOptions options;
//   factlens::RunChecks(doc, options, &report);  // fills report->checks
//
// Offset unit: UTF-16 code units of each paragraph (document.h).
// Thread-safety: reentrant.
#ifndef FACTLENS_CHECKS_H_
#define FACTLENS_CHECKS_H_

#include <string>
#include <vector>

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

struct CheckOptions {
  std::vector<std::u16string> house_names;
  bool number_style = false;
};

void RunChecks(const Document& doc, const CheckOptions& options, Report* report);

}  // namespace factlens

#endif  // FACTLENS_CHECKS_H_
