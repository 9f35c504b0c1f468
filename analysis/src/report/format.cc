// Shared by the report writers: see format.h.
#include "report/format.h"

#include <cmath>
#include <cstdio>

#include "common/strings.h"

namespace factlens {
namespace report_internal {

namespace {

// "1234567" -> "1,234,567"; a leading '-' and a decimal part are kept.
std::string GroupThousands(std::string s) {
  const size_t dot = s.find('.');
  const size_t int_end = dot == std::string::npos ? s.size() : dot;
  const size_t start = s[0] == '-' ? 1 : 0;
  for (int64_t i = static_cast<int64_t>(int_end) - 3; i > static_cast<int64_t>(start); i -= 3)
    s.insert(static_cast<size_t>(i), ",");
  return s;
}

void DropTrailingZeros(std::string& s) {
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
}

// "272,900,000,000", "0.25", "?".
std::string Number(double v) {
  if (!std::isfinite(v)) return "?";
  char buf[64];
  if (std::fabs(v) >= 1e15 || v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return GroupThousands(buf);
  }
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  DropTrailingZeros(s);
  return s;
}

}  // namespace

ReportFacts::ReportFacts(const Document& doc, const Report& report)
    : groups(BuildFactList(doc, report, FactListView::kReport)) {
  for (const FactItem& item : Group(FactGroupKind::kChecks).items)
    (report.checks[item.source].holds == true ? verified : problems).push_back(item.source);
}

std::string Text(const Document& doc, const Span& s) { return Utf8(SpanText(doc, s)); }

std::string FormatValue(const Figure& f) {
  switch (f.value.type) {
    case FigureValue::Type::kNone: return "";
    case FigureValue::Type::kNumber: return Number(f.value.lo);
    case FigureValue::Type::kString: return f.value.str_lo;
    case FigureValue::Type::kNumberRange: return Number(f.value.lo) + "–" + Number(f.value.hi);
    case FigureValue::Type::kStringRange: return f.value.str_lo + " – " + f.value.str_hi;
  }
  return "";
}

std::string Html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string Trimmed(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = GroupThousands(buf);
  DropTrailingZeros(s);
  return s;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::vector<std::string> OtherForms(const Entity& e) {
  std::vector<std::string> forms;
  for (const auto& v : e.variants)
    if (v != e.canonical) forms.push_back(Utf8(v));
  return forms;
}

}  // namespace report_internal
}  // namespace factlens
