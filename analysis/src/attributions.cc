#include "factlens/attributions.h"

namespace factlens {

// Not built yet (issue: attributions): finds nothing rather than inventing data.
void FindAttributions(const Document&, Report*) {}

}  // namespace factlens
