// Build step (analysis/CMakeLists.txt): writes the flat images of the tagger's
// lexicon (from analysis/data/ner/*.txt) and model (from analysis/data/ner/model.bin)
// that the library embeds and uses in place (docs/perf.md, "Flat model").
//   factlens_gen_flat_data LEXICON_OUT MODEL_OUT LATIN_KEYS_OUT
// and the table of name keys of Latin letters (common/name_key.h, LatinKeysFlat).
// Linked with the bootstrap library, which embeds only analysis/data, so the
// lexicon here is parsed from the lists exactly as the library did at run time.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "common/embedded_data.h"
#include "common/name_key.h"
#include "entities/model.h"

namespace {

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (out) return true;
  std::cerr << "factlens_gen_flat_data: cannot write " << path << "\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: factlens_gen_flat_data LEXICON_OUT MODEL_OUT LATIN_KEYS_OUT\n";
    return 2;
  }
  const factlens::ner::Lexicon lexicon(/*parse_lists=*/true);
  factlens::ner::Model model;
  if (!model.Load(factlens::EmbeddedData("ner/model.bin"))) {
    std::cerr << "factlens_gen_flat_data: ner/model.bin is not a valid model\n";
    return 1;
  }
  // Read back what is written, as the library will (from 64-byte aligned bytes).
  const std::string lexicon_bytes = lexicon.Flat(), model_bytes = model.Flat();
  void* aligned = std::aligned_alloc(64, (model_bytes.size() + 63) / 64 * 64);
  std::memcpy(aligned, model_bytes.data(), model_bytes.size());
  factlens::ner::Model check;
  const bool reads_back =
      check.LoadFlat(std::string_view(static_cast<const char*>(aligned), model_bytes.size())) &&
      check.Flat() == model_bytes;
  std::free(aligned);
  if (lexicon_bytes.empty() || !reads_back) {
    std::cerr << "factlens_gen_flat_data: the flat images do not read back\n";
    return 1;
  }
  return WriteFile(argv[1], lexicon_bytes) && WriteFile(argv[2], model_bytes) &&
                 WriteFile(argv[3], factlens::LatinKeysFlat())
             ? 0
             : 1;
}
