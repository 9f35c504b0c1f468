// Internal: data files compiled into the binary from analysis/data/ at build
// time (word lists, gazetteers, the NER model). See analysis/CMakeLists.txt.
#ifndef FACTLENS_SRC_EMBEDDED_DATA_H_
#define FACTLENS_SRC_EMBEDDED_DATA_H_

#include <string_view>
#include <vector>

namespace factlens {

// The bytes of analysis/data/<name> (e.g. "cues.txt", "model/ner.flm"), or an
// empty view if there is no such file. The bytes live for the whole process.
std::string_view EmbeddedData(std::string_view name);

// Names of all embedded files.
std::vector<std::string_view> EmbeddedDataNames();

// Non-empty, non-comment lines of a text data file ('#' starts a comment line).
// Leading and trailing spaces are trimmed.
std::vector<std::string_view> EmbeddedLines(std::string_view name);

// The tab-separated fields of each of those lines: "tues\t3\tabbr" -> {"tues", "3",
// "abbr"} (empty fields kept).
std::vector<std::vector<std::string_view>> EmbeddedRows(std::string_view name);

}  // namespace factlens

#endif  // FACTLENS_SRC_EMBEDDED_DATA_H_
