// Runs the fuzz target without libFuzzer (any compiler), for ctest:
//   factlens_fuzz_replay [--text FILE]... [FILE|DIR]...
// FILE/DIR: fuzz inputs (e.g. tests/fuzz/corpus, crash reproducers) as is.
// --text FILE: a plain UTF-8 text, run in every mode (UTF-8 and UTF-16,
// with and without the strict path, several paragraph splits).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int RunBytes(const std::string& bytes) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every mode over one text: header byte, split points, then the text (UTF-8 or
// UTF-16LE). Returns the number of inputs run.
int RunText(const std::string& text) {
  std::u16string u16;
  for (size_t i = 0; i < text.size();) {  // UTF-8 → UTF-16 (input is valid UTF-8)
    unsigned char c = text[i];
    char32_t cp;
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      u16.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      u16.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      u16.push_back(static_cast<char16_t>(cp));
    }
  }
  std::string utf16le;
  for (char16_t c : u16) {
    utf16le.push_back(static_cast<char>(c & 0xFF));
    utf16le.push_back(static_cast<char>(c >> 8));
  }
  int runs = 0;
  const std::vector<std::vector<uint16_t>> split_sets = {
      {}, {7}, {1, 2, 3, 40, 41, 500, 1000, 1001}, {13, 77, 160, 333, 640, 999, 2048, 3000}};
  for (int flags_low = 0; flags_low < 16; flags_low += 1) {
    for (const auto& splits : split_sets) {
      std::string input(1, static_cast<char>(flags_low | (splits.size() << 4)));
      for (uint16_t s : splits) {
        input.push_back(static_cast<char>(s & 0xFF));
        input.push_back(static_cast<char>(s >> 8));
      }
      input += (flags_low & 1) ? utf16le : text;
      RunBytes(input);
      ++runs;
    }
  }
  return runs;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--text" && i + 1 < argc) {
      runs += RunText(ReadFile(argv[++i]));
      continue;
    }
    std::filesystem::path p(arg);
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::directory_iterator(p)) {
        if (!e.is_regular_file()) continue;
        RunBytes(ReadFile(e.path()));
        ++runs;
      }
    } else if (std::filesystem::exists(p)) {
      RunBytes(ReadFile(p));
      ++runs;
    } else {
      std::fprintf(stderr, "factlens_fuzz_replay: no such file: %s\n", arg.c_str());
      return 1;
    }
  }
  std::printf("factlens_fuzz_replay: %d inputs ran, all oracles held\n", runs);
  return runs > 0 ? 0 : 1;
}
