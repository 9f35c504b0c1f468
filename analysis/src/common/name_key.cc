// The name key of name_key.h.
#include "common/name_key.h"

#include <memory>
#include <unordered_map>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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

}  // namespace

std::u16string NameKey(std::u16string_view name) {
  if (IsAscii(name)) return AsciiKey<std::u16string>(name);
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
