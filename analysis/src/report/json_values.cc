// The value JSON of json_values.h.
#include "report/json_values.h"

#include <cmath>
#include <cstdint>

namespace factlens {

using json = nlohmann::ordered_json;

bool WrittenAsInteger(double v) { return std::fabs(v) < 9.0e15 && v == std::floor(v); }

json NumberJson(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (WrittenAsInteger(v)) return static_cast<int64_t>(v);
  return v;
}

json FigureValueJson(const FigureValue& v) {
  switch (v.type) {
    case FigureValue::Type::kNone: return nullptr;
    case FigureValue::Type::kNumber: return NumberJson(v.lo);
    case FigureValue::Type::kString: return v.str_lo;
    case FigureValue::Type::kNumberRange: return json::array({NumberJson(v.lo), NumberJson(v.hi)});
    case FigureValue::Type::kStringRange: return json::array({v.str_lo, v.str_hi});
  }
  return nullptr;
}

}  // namespace factlens
