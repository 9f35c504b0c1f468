// The name key of name_key.h.
#include "common/name_key.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/embedded_data.h"
#include "common/strings.h"

namespace factlens {
namespace {

// "Lee Jae-myung" → "leejaemyung": ASCII letters lower-cased, digits kept.
template <typename String>
String AsciiKey(std::u16string_view name) {
  String out;
  out.reserve(name.size());
  for (char16_t c : name) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<typename String::value_type>(c + 32));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out.push_back(static_cast<typename String::value_type>(c));
  }
  return out;
}

std::u16string TransliteratedKey(std::u16string_view name) {
  thread_local std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  icu::UnicodeString u(name.data(), static_cast<int32_t>(name.size()));
  if (translit) translit->transliterate(u);
  u.foldCase();
  std::u16string out;
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    if (u_isalnum(c)) out.push_back(c);
  }
  return out;
}

// The Latin table (LatinKeysFlat): char magic[8] = "FLLATKY3"; then for each
// code point of the ranges below, in order, one entry of 8 UTF-16 units: unit 0
// is the key's length, or 0xFFFF when the character is left out; units 1..7 the
// key.
struct LatinRange {
  char16_t first, end;
};
constexpr LatinRange kCombiningMarks = {0x300, 0x370};  // "Peña" typed as n + U+0303
constexpr LatinRange kLatinRanges[] = {
    {0x80, 0x250},     // Latin-1, Latin Extended-A and -B: "José", "Łódź"
    kCombiningMarks,   // combining diacritical marks
    {0x2000, 0x2070},  // general punctuation: ’ “ ” —
};
constexpr size_t LatinCharCount() {
  size_t n = 0;
  for (const LatinRange& r : kLatinRanges) n += r.end - r.first;
  return n;
}
constexpr size_t kLatinChars = LatinCharCount();
constexpr size_t kLatinEntry = 8;
constexpr char kLatinMagic[8] = {'F', 'L', 'L', 'A', 'T', 'K', 'Y', '3'};
constexpr char16_t kLeftOut = 0xFFFF;

// The table index of a non-ASCII character, or -1.
int LatinIndex(char16_t c) {
  int before = 0;
  for (const LatinRange& r : kLatinRanges) {
    if (c < r.first) return -1;
    if (c < r.end) return before + (c - r.first);
    before += r.end - r.first;
  }
  return -1;
}

bool IsCombiningMark(char16_t c) { return c >= kCombiningMarks.first && c < kCombiningMarks.end; }

// The characters of the table, in table order.
std::u16string LatinChars() {
  std::u16string chars;
  for (const LatinRange& r : kLatinRanges)
    for (char16_t c = r.first; c < r.end; ++c) chars.push_back(c);
  return chars;
}

// The embedded table's entries, or null when absent (the build step's bootstrap).
const char16_t* LatinKeys() {
  static const char16_t* const table = []() -> const char16_t* {
    const std::string_view flat = EmbeddedData("common/latin_keys.flat");
    if (flat.size() != 8 + 2 * kLatinEntry * kLatinChars ||
        flat.compare(0, 8, std::string_view(kLatinMagic, 8)) != 0 ||
        reinterpret_cast<uintptr_t>(flat.data()) % 2 != 0)
      return nullptr;
    return reinterpret_cast<const char16_t*>(flat.data() + 8);
  }();
  return table;
}

// The key from the Latin table; false when some character is not in it.
bool LatinTableKey(std::u16string_view name, std::u16string* key) {
  const char16_t* table = LatinKeys();
  if (!table) return false;
  key->clear();
  for (char16_t c : name) {
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') key->push_back(static_cast<char16_t>(c + 32));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key->push_back(c);
      continue;
    }
    const int index = LatinIndex(c);
    if (index < 0) return false;
    const char16_t* entry = table + kLatinEntry * static_cast<size_t>(index);
    if (entry[0] == kLeftOut) return false;
    key->append(entry + 1, entry[0]);
  }
  return true;
}

}  // namespace

std::string LatinKeysFlat() {
  const std::u16string chars = LatinChars();
  std::vector<std::u16string> keys;
  for (char16_t c : chars) keys.push_back(TransliteratedKey(std::u16string_view(&c, 1)));
  auto key_of = [&](char16_t c) {
    return c < 0x80 ? AsciiKey<std::u16string>(std::u16string_view(&c, 1)) : keys[LatinIndex(c)];
  };
  std::u16string all;
  for (char16_t c = 0; c < 0x80; ++c) all.push_back(c);
  all += chars;
  std::vector<bool> left_out(chars.size(), false);
  for (char16_t a : all) {
    for (char16_t b : all) {
      if (a < 0x80 && b < 0x80) continue;
      const char16_t pair[2] = {a, b};
      if (TransliteratedKey(std::u16string_view(pair, 2)) == key_of(a) + key_of(b)) continue;
      // A combining mark that keys differently beside some letter is left out
      // alone (every word with it takes the transliteration), so that the
      // letters keep their entries.
      if (IsCombiningMark(b))
        left_out[LatinIndex(b)] = true;
      else if (IsCombiningMark(a))
        left_out[LatinIndex(a)] = true;
      else {
        if (a >= 0x80) left_out[LatinIndex(a)] = true;
        if (b >= 0x80) left_out[LatinIndex(b)] = true;
      }
    }
  }
  std::u16string entries;
  for (size_t i = 0; i < chars.size(); ++i) {
    std::u16string entry(kLatinEntry, u'\0');
    if (left_out[i] || keys[i].size() >= kLatinEntry) {
      entry[0] = kLeftOut;
    } else {
      entry[0] = static_cast<char16_t>(keys[i].size());
      std::copy(keys[i].begin(), keys[i].end(), entry.begin() + 1);
    }
    entries += entry;
  }
  std::string out(kLatinMagic, 8);
  out.append(reinterpret_cast<const char*>(entries.data()), 2 * entries.size());
  return out;
}

std::u16string NameKey(std::u16string_view name) {
  if (IsAscii(name)) return AsciiKey<std::u16string>(name);
  std::u16string table_key;
  if (LatinTableKey(name, &table_key)) return table_key;
  // At most 16384 remembered words (a few MB) per thread, then afresh.
  constexpr size_t kMaxMemoWord = 64;
  constexpr size_t kMaxMemoEntries = 16384;
  if (name.size() > kMaxMemoWord) return TransliteratedKey(name);
  thread_local std::unordered_map<std::u16string, std::u16string> memo;
  std::u16string word(name);
  auto hit = memo.find(word);
  if (hit != memo.end()) return hit->second;
  if (memo.size() >= kMaxMemoEntries) memo.clear();
  std::u16string key = TransliteratedKey(name);
  memo.emplace(std::move(word), key);
  return key;
}

std::string NameKeyUtf8(std::u16string_view name) {
  if (IsAscii(name)) return AsciiKey<std::string>(name);
  return Utf8(NameKey(name));
}

}  // namespace factlens
