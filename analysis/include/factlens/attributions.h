// factlens/attributions.h — who said what, to whom, and how sure we are.
//
// Usage:
//   factlens::FindAttributions(doc, &report);  // reads text, entities; fills
//                                              // attributions and quoted_terms
//
// Offset unit: UTF-16 code units of each paragraph (document.h).
// Thread-safety: reentrant; shared tables are immutable.
#ifndef FACTLENS_ATTRIBUTIONS_H_
#define FACTLENS_ATTRIBUTIONS_H_

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

void FindAttributions(const Document& doc, Report* report);

}  // namespace factlens

#endif  // FACTLENS_ATTRIBUTIONS_H_
