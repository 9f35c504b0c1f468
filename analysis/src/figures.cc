#include "factlens/figures.h"

namespace factlens {

// Not built yet (issue: figures): finds nothing rather than inventing data.
void FindFigures(const Document&, Report*) {}

}  // namespace factlens
