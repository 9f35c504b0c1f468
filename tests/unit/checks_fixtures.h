// Hand-built documents and Reports for the checks' unit tests (checks_test.cc,
// checks_real_copy_test.cc): a document of body paragraphs, the n-th occurrence
// of a string as a Span, and entities with their mentions. Offsets are UTF-16
// code units of a paragraph, as in Span.
#ifndef FACTLENS_TESTS_UNIT_CHECKS_FIXTURES_H_
#define FACTLENS_TESTS_UNIT_CHECKS_FIXTURES_H_

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

#include "factlens/report.h"

namespace factlens_test {

using factlens::Document;
using factlens::EntityType;
using factlens::Report;
using factlens::Span;

inline Document Doc(std::initializer_list<const char16_t*> paragraphs) {
  Document doc;
  for (const char16_t* p : paragraphs)
    doc.paragraphs.push_back({p, factlens::ParagraphKind::kBody});
  return doc;
}

// The n-th occurrence of `needle` in the document.
inline Span Find(const Document& doc, const std::u16string& needle, int nth = 0) {
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    size_t at = 0;
    while ((at = doc.paragraphs[p].text.find(needle, at)) != std::u16string::npos) {
      if (nth-- == 0)
        return Span{static_cast<int32_t>(p), static_cast<int32_t>(at),
                    static_cast<int32_t>(at + needle.size())};
      at += 1;
    }
  }
  FAIL("not found in the test document");
  return Span{};
}

inline int AddEntity(Report* r, EntityType type, const std::u16string& canonical) {
  factlens::Entity e;
  e.id = static_cast<int32_t>(r->entity_list.size());
  e.type = type;
  e.canonical = canonical;
  r->entity_list.push_back(e);
  return e.id;
}

inline void AddMention(Report* r, const Document& doc, const std::u16string& text, int entity,
                       EntityType type = EntityType::kPerson, int nth = 0,
                       const std::u16string& title = u"") {
  factlens::EntityMention m;
  m.span = Find(doc, text, nth);
  m.type = type;
  m.entity = entity;
  m.title = title;
  r->entities.push_back(m);
  if (entity >= 0) r->entity_list[entity].mentions++;
}

}  // namespace factlens_test

#endif  // FACTLENS_TESTS_UNIT_CHECKS_FIXTURES_H_
