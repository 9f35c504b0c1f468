// factlens/entities.h — people, organisations, places and other names.
//
// Usage:
//   const factlens::EntityRecognizer& ner = factlens::EntityRecognizer::Default();
//   ner.Run(doc, &report);   // reads report->text; fills entities, entity_list
//
// Offset unit: UTF-16 code units of each paragraph (document.h).
// Ownership and thread-safety: Default() returns a process-wide recogniser
// whose model is compiled into the binary and loaded on first use; Run() is
// const and may be called from several threads at once.
#ifndef FACTLENS_ENTITIES_H_
#define FACTLENS_ENTITIES_H_

#include <string>
#include <vector>

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

class EntityRecognizer {
 public:
  static const EntityRecognizer& Default();
  // house_names: known names that feed recognition (may be empty).
  void Run(const Document& doc, Report* report,
           const std::vector<std::u16string>& house_names = {}) const;
};

// The person a pronoun or bare surname at `pos` most likely refers to: an index
// into report.entity_list, or -1 when unsure (never a guess).
int32_t ResolvePerson(const Document& doc, const Report& report, Position pos,
                      Gender gender = Gender::kUnknown);

}  // namespace factlens

#endif  // FACTLENS_ENTITIES_H_
