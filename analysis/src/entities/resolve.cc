// Person resolution (factlens/entities.h): which person a mention, a bare name
// part or a pronoun at a position refers to, read from a finished report.
#include "factlens/entities.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include <unicode/uchar.h>

namespace factlens {

namespace {

int SentenceIndex(const ParagraphText& pt, int32_t offset) {
  int lo = 0, hi = static_cast<int>(pt.sentences.size()) - 1, ans = 0;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (pt.sentences[mid].begin <= offset) ans = mid, lo = mid + 1;
    else hi = mid - 1;
  }
  return ans;
}

}  // namespace

PersonReference ResolvePersonReference(const Document& doc, const Report& report, Position pos,
                                       Gender gender) {
  PersonReference ref;
  if (pos.paragraph < 0 || pos.paragraph >= static_cast<int32_t>(doc.paragraphs.size()))
    return ref;
  const auto& list = report.entity_list;
  // report.entities is in document order and mentions do not overlap: `at` is
  // the first mention ending after pos, everything before it ends at or before
  // pos (binary search: a long draft asks this for every quote).
  const auto& mentions = report.entities;
  const auto at = std::lower_bound(
      mentions.begin(), mentions.end(), pos, [](const EntityMention& m, const Position& p) {
        return m.span.paragraph < p.paragraph ||
               (m.span.paragraph == p.paragraph && m.span.end <= p.offset);
      });
  // 1. Inside a person mention.
  if (at != mentions.end()) {
    const EntityMention& m = *at;
    if (m.span.paragraph == pos.paragraph && m.span.begin <= pos.offset && pos.offset < m.span.end &&
        m.type == EntityType::kPerson && m.entity >= 0) {
      ref.antecedent = m.span;
      if (list[m.entity].ambiguous) {
        ref.reason = "ambiguous";
        return ref;
      }
      ref.entity = m.entity;
      ref.gender = list[m.entity].gender;
      ref.confidence = m.confidence;
      ref.reason = "mention";
      return ref;
    }
  }
  // The word at pos.
  const std::u16string& text = doc.paragraphs[pos.paragraph].text;
  int32_t end = pos.offset;
  while (end < static_cast<int32_t>(text.size()) && (u_isalpha(text[end]) || text[end] == u'-')) ++end;
  const std::u16string_view word = std::u16string_view(text).substr(pos.offset, end - pos.offset);
  const Gender pg = PronounGender(word);
  if (pg != Gender::kUnknown) gender = pg;
  // 2. A bare name part of exactly one person.
  if (pg == Gender::kUnknown && !word.empty() && u_isupper(word[0])) {
    const std::u16string key = EntityNameKey(word);
    int found = -1, count = 0;
    // Cheap filter before the keys: two ASCII letters that differ (case
    // folded) start two different keys.
    auto may_match = [&](std::u16string_view part) {
      const char16_t a = word[0], b = part.empty() ? 0 : part[0];
      if (a >= 0x80 || b >= 0x80 || !u_isalpha(a) || !u_isalpha(b)) return true;
      return (a | 0x20) == (b | 0x20);
    };
    for (const Entity& e : list) {
      if (e.type != EntityType::kPerson) continue;
      const std::u16string& c = e.canonical;
      const size_t sp = c.find(u' '), rsp = c.rfind(u' ');
      if (sp == std::u16string::npos) continue;
      const std::u16string_view first = std::u16string_view(c).substr(0, sp);
      const std::u16string_view last = std::u16string_view(c).substr(rsp + 1);
      if ((may_match(first) && EntityNameKey(first) == key) ||
          (may_match(last) && EntityNameKey(last) == key)) {
        found = e.id;
        ++count;
      }
    }
    if (count == 1) {
      ref.entity = found;
      ref.gender = list[found].gender;
      ref.confidence = 0.8f;
      ref.reason = "surname";
      return ref;
    }
    if (count > 1) {
      ref.reason = "ambiguous";
      return ref;
    }
    if (gender == Gender::kUnknown) return ref;
  }
  // 3. Pronoun: the latest sentence naming a compatible person.
  const bool have_text = report.text.paragraphs.size() == doc.paragraphs.size();
  auto sentence_of = [&](int32_t para, int32_t off) {
    return have_text ? SentenceIndex(report.text.paragraphs[para], off) : 0;
  };
  const int my_sentence = sentence_of(pos.paragraph, pos.offset);
  int best_para = -1, best_sentence = -1;
  std::vector<const EntityMention*> in_sentence;
  for (auto it = std::make_reverse_iterator(at); it != mentions.rend(); ++it) {
    const EntityMention& m = *it;
    if (m.type != EntityType::kPerson || m.entity < 0) continue;
    if (m.span.paragraph < pos.paragraph - 2) break;
    const Entity& e = list[m.entity];
    if (e.ambiguous) continue;
    if (gender != Gender::kUnknown && e.gender != Gender::kUnknown && e.gender != gender) continue;
    const int s = sentence_of(m.span.paragraph, m.span.begin);
    if (best_para < 0) {
      best_para = m.span.paragraph;
      best_sentence = s;
    }
    if (m.span.paragraph != best_para || s != best_sentence) break;
    in_sentence.push_back(&m);
  }
  if (in_sentence.empty()) return ref;
  const EntityMention* first = in_sentence.back();  // earliest in that sentence
  bool several = false;
  for (const EntityMention* m : in_sentence) several |= m->entity != first->entity;
  ref.antecedent = first->span;
  if (several && best_para == pos.paragraph && best_sentence == my_sentence) {
    ref.reason = "ambiguous";
    return ref;
  }
  ref.entity = first->entity;
  ref.gender = list[first->entity].gender != Gender::kUnknown ? list[first->entity].gender : gender;
  ref.confidence = several ? 0.6f : 0.85f;
  ref.reason = "pronoun";
  return ref;
}

int32_t ResolvePerson(const Document& doc, const Report& report, Position pos, Gender gender) {
  const PersonReference ref = ResolvePersonReference(doc, report, pos, gender);
  return ref.confidence >= 0.5f ? ref.entity : -1;
}

}  // namespace factlens
