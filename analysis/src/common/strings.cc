#include "common/strings.h"

#include <unicode/locid.h>

namespace factlens {

std::string Utf8(std::u16string_view s) {
  std::string out;
  icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::u16string Utf16(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  return std::u16string(u.getBuffer(), u.getBuffer() + u.length());
}

bool IsAscii(std::u16string_view s) {
  for (char16_t c : s)
    if (c >= 0x80) return false;
  return true;
}

std::u16string Lower(std::u16string_view s) {
  if (IsAscii(s)) {
    std::u16string out(s);
    for (char16_t& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char16_t>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u(s.data(), static_cast<int32_t>(s.size()));
  u.toLower(icu::Locale::getEnglish());
  return std::u16string(u.getBuffer(), u.getBuffer() + u.length());
}

}  // namespace factlens
