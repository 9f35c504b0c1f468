// The stage's small public word functions (factlens/entities.h): PronounGender
// and EntityNameKey.
#include "factlens/entities.h"

#include <unicode/uchar.h>

#include "common/name_key.h"
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

std::u16string EntityNameKey(std::u16string_view name) { return NameKey(name); }

}  // namespace factlens
