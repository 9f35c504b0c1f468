// The stage's name index: full names seen in the document by each of their
// words, titles before them, and person entities by their titles and name
// parts. Used where the entity stage gave no mention or an ambiguous one.
#include <unicode/uchar.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"
#include "common/name_key.h"

namespace factlens {
namespace attributions_internal {

// Finds a PERSON entity whose canonical name has `word` as one of its parts
// ("Lee" → "Lee Jae-myung", "Smith" → "John Smith"). Unique or -1.
int32_t EntityByNamePart(const Ctx& c, std::u16string_view word) {
  int32_t found = -1;
  for (const Entity& e : c.report->entity_list) {
    if (e.type != EntityType::kPerson) continue;
    std::u16string_view name(e.canonical);
    bool match = false;
    size_t pos = 0;
    while (pos <= name.size()) {
      size_t sp = name.find(u' ', pos);
      if (sp == std::u16string_view::npos) sp = name.size();
      if (name.substr(pos, sp - pos) == word) match = true;
      pos = sp + 1;
    }
    if (match) {
      if (found >= 0 && found != e.id) return -2;  // ambiguous
      found = e.id;
    }
  }
  return found;
}

// Words of the titles and descriptors of each person: "senator" → the entity,
// or -2 when two people share it.
void IndexRoles(Ctx& c) {
  auto add = [&](const std::u16string& text, int32_t entity) {
    const std::u16string l = LowerSimple(text);
    size_t i = 0;
    while (i < l.size()) {
      while (i < l.size() && !u_isalpha(l[i])) ++i;
      size_t e = i;
      while (e < l.size() && u_isalpha(l[e])) ++e;
      if (e > i) {
        auto [it, fresh] = c.names.role_entity.emplace(l.substr(i, e - i), entity);
        if (!fresh && it->second != entity) it->second = -2;
      }
      i = e;
    }
  };
  for (const EntityMention& m : c.report->entities)
    if (m.type == EntityType::kPerson && m.entity >= 0 &&
        m.entity < static_cast<int32_t>(c.report->entity_list.size()))
      add(m.title, m.entity);
  for (const Entity& e : c.report->entity_list)
    if (e.type == EntityType::kPerson)
      for (const auto& d : e.descriptors) add(d, e.id);
}

namespace {

// Adds `full` to a list of names unless a spelling of it is there (at most 8).
void AddName(std::vector<std::u16string>* v, const std::u16string& full) {
  bool dup = false;
  for (const auto& x : *v) dup = dup || NameKey(x) == NameKey(full);
  if (!dup && v->size() < 8) v->push_back(full);
}

// End of the capitalised run starting at token i ("Lee Jae - myung").
int32_t CapRunEnd(const Ctx& c, int32_t p, int32_t i) {
  const int32_t n = NumTokens(c, p);
  int32_t e = i + 1;
  while (e < n && !InQuote(c, p, e) &&
         (IsCap(c, p, e) || (TokIs(c, p, e, u"-") && e + 1 < n && IsWord(c, p, e + 1) &&
                             Tok(c, p, e).begin == Tok(c, p, e - 1).end &&
                             Tok(c, p, e + 1).begin == Tok(c, p, e).end)))
    e += TokIs(c, p, e, u"-") ? 2 : 1;
  return e;
}

// The capitalised run [i, e): a full name of two to four words (after its
// titles) is indexed by its title and by each of its words.
void IndexRun(Ctx& c, int32_t p, int32_t i, int32_t e) {
  int32_t b = NameStartBack(c, p, e - 1, i);
  if (b < 0) b = i;
  while (b < e && IsNonName(c, TokLower(c, p, b))) ++b;
  int32_t words = 0;
  for (int32_t t = b; t < e; ++t)  // words separated by spaces, not hyphens
    if (IsCap(c, p, t) && !(t > b && TokIs(c, p, t - 1, u"-"))) ++words;
  const std::u16string last = TokLower(c, p, e - 1);
  const bool possessive_end = last.size() > 2 && (last.compare(last.size() - 2, 2, u"’s") == 0 ||
                                                  last.compare(last.size() - 2, 2, u"'s") == 0);
  if (words < 2 || words > 4 || possessive_end) return;
  const Span sp = TokSpan(c, p, b, e);
  const std::u16string full = c.doc.paragraphs[p].text.substr(sp.begin, sp.size());
  if (b > i && c.lex.titles.count(TokLower(c, p, b - 1)))
    AddName(&c.names.roles[TokLower(c, p, b - 1)], full);
  c.names.runs[p].push_back({sp.begin, sp.end});
  for (int32_t t = b; t < e; ++t) {
    if (!IsCap(c, p, t) || (t > b && TokIs(c, p, t - 1, u"-"))) continue;
    AddName(&c.names.parts[std::u16string(TokText(c, p, t))], full);
  }
}

}  // namespace

void IndexNames(Ctx& c) {
  const int32_t np = static_cast<int32_t>(c.doc.paragraphs.size());
  c.names.runs.assign(np, {});
  for (int32_t p = 0; p < np; ++p) {
    for (int32_t i = 0; i < NumTokens(c, p);) {
      if (!IsCap(c, p, i) || InQuote(c, p, i)) {
        ++i;
        continue;
      }
      const int32_t e = CapRunEnd(c, p, i);
      IndexRun(c, p, i, e);
      i = e;
    }
  }
}

}  // namespace attributions_internal
}  // namespace factlens
