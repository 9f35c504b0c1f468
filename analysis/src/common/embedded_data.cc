#include "common/embedded_data.h"

#include <algorithm>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "factlens/analyzer.h"

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

std::vector<std::vector<std::string_view>> EmbeddedRows(std::string_view name) {
  std::vector<std::vector<std::string_view>> rows;
  for (std::string_view line : EmbeddedLines(name)) {
    std::vector<std::string_view>& fields = rows.emplace_back();
    size_t b = 0;
    for (size_t tab = line.find('\t'); tab != std::string_view::npos; tab = line.find('\t', b)) {
      fields.push_back(line.substr(b, tab - b));
      b = tab + 1;
    }
    fields.push_back(line.substr(b));
  }
  return rows;
}

// The embedded files sit in .rodata (cmake/EmbedData.cmake), never written: dropping
// their pages (MADV_DONTNEED on a private file mapping) only makes the next read
// fault them in again from the binary. Only whole pages inside a file are dropped.
void ReleaseDataPages() {
#if defined(__linux__)
  const long page_size = sysconf(_SC_PAGESIZE);
  if (page_size <= 0) return;
  const uintptr_t page = static_cast<uintptr_t>(page_size);
  for (const auto& f : kEmbeddedFiles) {
    if (f.begin == nullptr) continue;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(f.begin) + page - 1) / page * page;
    const uintptr_t end = reinterpret_cast<uintptr_t>(f.end) / page * page;
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
  }
#endif
}

}  // namespace factlens
