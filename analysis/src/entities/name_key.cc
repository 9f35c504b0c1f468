// The stage's small public word functions (factlens/entities.h): PronounGender
// and EntityNameKey.
#include "factlens/entities.h"

#include <memory>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/strings.h"
#include "entities/model.h"

namespace factlens {

Gender PronounGender(std::u16string_view w) {
  if (w.size() < 2 || w.size() > 7) return Gender::kUnknown;
  const char16_t c0 = ner::FoldUnit(w[0]);
  if (c0 != u'h' && c0 != u's') return Gender::kUnknown;
  char16_t buf[8];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = ner::FoldUnit(w[i]);
  const std::u16string_view f(buf, w.size());
  if (f == u"he" || f == u"him" || f == u"his" || f == u"himself") return Gender::kMale;
  if (f == u"she" || f == u"her" || f == u"hers" || f == u"herself") return Gender::kFemale;
  return Gender::kUnknown;
}

std::u16string EntityNameKey(std::u16string_view name) {
  const bool ascii = IsAscii(name);
  std::u16string out;
  out.reserve(name.size());
  if (ascii) {
    for (char16_t c : name) {
      if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char16_t>(c + 32));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
  }
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
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    if (u_isalnum(c)) out.push_back(c);
  }
  return out;
}

}  // namespace factlens
