#include "common/embedded_data.h"

#include <algorithm>

#include "embedded_data_table.inc"  // generated: kEmbeddedFiles[]

namespace factlens {

std::string_view EmbeddedData(std::string_view name) {
  for (const auto& f : kEmbeddedFiles) {
    if (f.begin != nullptr && name == f.name) return std::string_view(f.begin, f.end - f.begin);
  }
  return {};
}

std::vector<std::string_view> EmbeddedDataNames() {
  std::vector<std::string_view> names;
  for (const auto& f : kEmbeddedFiles) {
    if (f.begin != nullptr) names.emplace_back(f.name);
  }
  return names;
}

std::vector<std::string_view> EmbeddedLines(std::string_view name) {
  std::vector<std::string_view> lines;
  std::string_view data = EmbeddedData(name);
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace factlens
