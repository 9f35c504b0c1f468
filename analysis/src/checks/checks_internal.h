// Kept for report/reports.cc only, which uses checks_internal::Utf8 and
// checks_internal::FormatNumber: new code includes "checks/context.h" (and
// "common/strings.h" for Utf8). Remove once reports.cc includes those.
#ifndef FACTLENS_SRC_CHECKS_INTERNAL_H_
#define FACTLENS_SRC_CHECKS_INTERNAL_H_

#include "checks/context.h"
#include "common/strings.h"

namespace factlens {
namespace checks_internal {
using ::factlens::Utf8;
}  // namespace checks_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_CHECKS_INTERNAL_H_
