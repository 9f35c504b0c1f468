#include "factlens/entities.h"

namespace factlens {

const EntityRecognizer& EntityRecognizer::Default() {
  static const EntityRecognizer* recognizer = new EntityRecognizer();
  return *recognizer;
}

// Not built yet (issue: entities): finds nothing rather than inventing data.
void EntityRecognizer::Run(const Document&, Report*, const std::vector<std::u16string>&) const {}

int32_t ResolvePerson(const Document&, const Report&, Position, Gender) { return -1; }

}  // namespace factlens
