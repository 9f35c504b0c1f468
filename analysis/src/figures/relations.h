// Internal to the figures stage: relations between neighbouring figures
// (ranges, changes, comparisons), found after the scan.
#ifndef FACTLENS_SRC_FIGURES_RELATIONS_H_
#define FACTLENS_SRC_FIGURES_RELATIONS_H_

#include "factlens/figures.h"
#include "figures/tables.h"

namespace factlens {
namespace figures_internal {

// Fills report->figure_relations from report->figures (sorted by span); a bare
// number in a range or change may take its partner's unit.
void FindRelations(const Document& doc, Report* report, const Tables& t);

}  // namespace figures_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_FIGURES_RELATIONS_H_
