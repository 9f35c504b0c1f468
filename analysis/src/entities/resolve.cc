// Person resolution (factlens/entities.h): which person a mention, a bare name
// part or a pronoun at a position refers to, read from a finished report.
#include "factlens/entities.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include <unicode/uchar.h>

namespace factlens {

namespace {

using MentionIt = std::vector<EntityMention>::const_iterator;

int SentenceIndex(const ParagraphText& pt, int32_t offset) {
  int lo = 0, hi = static_cast<int>(pt.sentences.size()) - 1, ans = 0;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (pt.sentences[mid].begin <= offset) ans = mid, lo = mid + 1;
    else hi = mid - 1;
  }
  return ans;
}

// report.entities is in document order and mentions do not overlap: the first
// mention ending after pos; everything before it ends at or before pos (binary
// search: a long draft asks this for every quote).
MentionIt FirstMentionAfter(const std::vector<EntityMention>& mentions, Position pos) {
  return std::lower_bound(
      mentions.begin(), mentions.end(), pos, [](const EntityMention& m, const Position& p) {
        return m.span.paragraph < p.paragraph ||
               (m.span.paragraph == p.paragraph && m.span.end <= p.offset);
      });
}

// 1. pos inside a person mention: that person (unless ambiguous).
bool InPersonMention(const Report& report, MentionIt at, Position pos, PersonReference* ref) {
  if (at == report.entities.end()) return false;
  const EntityMention& m = *at;
  if (m.span.paragraph != pos.paragraph || m.span.begin > pos.offset ||
      pos.offset >= m.span.end || m.type != EntityType::kPerson || m.entity < 0)
    return false;
  const Entity& e = report.entity_list[m.entity];
  ref->antecedent = m.span;
  if (e.ambiguous) {
    ref->reason = "ambiguous";
    return true;
  }
  ref->entity = m.entity;
  ref->gender = e.gender;
  ref->confidence = m.confidence;
  ref->reason = "mention";
  return true;
}

// The word at pos: letters and hyphens.
std::u16string_view WordAt(const std::u16string& text, int32_t offset) {
  int32_t end = offset;
  while (end < static_cast<int32_t>(text.size()) && (u_isalpha(text[end]) || text[end] == u'-'))
    ++end;
  return std::u16string_view(text).substr(offset, end - offset);
}

// Cheap filter before the keys: two ASCII letters that differ (case folded)
// start two different keys.
bool MayMatch(std::u16string_view word, std::u16string_view part) {
  const char16_t a = word[0], b = part.empty() ? 0 : part[0];
  if (a >= 0x80 || b >= 0x80 || !u_isalpha(a) || !u_isalpha(b)) return true;
  return (a | 0x20) == (b | 0x20);
}

// The persons whose canonical name's first or last word has the word's key:
// the last such id, and how many.
int PersonsByPart(const std::vector<Entity>& list, std::u16string_view word, int* count) {
  const std::u16string key = EntityNameKey(word);
  int found = -1;
  *count = 0;
  for (const Entity& e : list) {
    if (e.type != EntityType::kPerson) continue;
    const std::u16string& c = e.canonical;
    const size_t sp = c.find(u' '), rsp = c.rfind(u' ');
    if (sp == std::u16string::npos) continue;
    const std::u16string_view first = std::u16string_view(c).substr(0, sp);
    const std::u16string_view last = std::u16string_view(c).substr(rsp + 1);
    if ((MayMatch(word, first) && EntityNameKey(first) == key) ||
        (MayMatch(word, last) && EntityNameKey(last) == key)) {
      found = e.id;
      ++*count;
    }
  }
  return found;
}

// 3. Pronoun: the latest sentence (up to two paragraphs back) naming a person
// of a compatible gender; its earliest such mention, ambiguous when that
// sentence is the pronoun's own and names several.
PersonReference PronounReference(const Document& doc, const Report& report, Position pos,
                                 Gender gender, MentionIt at) {
  PersonReference ref;
  const auto& list = report.entity_list;
  const bool have_text = report.text.paragraphs.size() == doc.paragraphs.size();
  auto sentence_of = [&](int32_t para, int32_t off) {
    return have_text ? SentenceIndex(report.text.paragraphs[para], off) : 0;
  };
  int best_para = -1, best_sentence = -1;
  std::vector<const EntityMention*> in_sentence;
  for (auto it = std::make_reverse_iterator(at); it != report.entities.rend(); ++it) {
    const EntityMention& m = *it;
    if (m.type != EntityType::kPerson || m.entity < 0) continue;
    if (m.span.paragraph < pos.paragraph - 2) break;
    const Entity& e = list[m.entity];
    if (e.ambiguous) continue;
    if (gender != Gender::kUnknown && e.gender != Gender::kUnknown && e.gender != gender) continue;
    const int s = sentence_of(m.span.paragraph, m.span.begin);
    if (best_para < 0) best_para = m.span.paragraph, best_sentence = s;
    if (m.span.paragraph != best_para || s != best_sentence) break;
    in_sentence.push_back(&m);
  }
  if (in_sentence.empty()) return ref;
  const EntityMention* first = in_sentence.back();  // earliest in that sentence
  bool several = false;
  for (const EntityMention* m : in_sentence) several |= m->entity != first->entity;
  ref.antecedent = first->span;
  if (several && best_para == pos.paragraph &&
      best_sentence == sentence_of(pos.paragraph, pos.offset)) {
    ref.reason = "ambiguous";
    return ref;
  }
  ref.entity = first->entity;
  ref.gender = list[first->entity].gender != Gender::kUnknown ? list[first->entity].gender : gender;
  ref.confidence = several ? 0.6f : 0.85f;
  ref.reason = "pronoun";
  return ref;
}

}  // namespace

PersonReference ResolvePersonReference(const Document& doc, const Report& report, Position pos,
                                       Gender gender) {
  PersonReference ref;
  if (pos.paragraph < 0 || pos.paragraph >= static_cast<int32_t>(doc.paragraphs.size()))
    return ref;
  const MentionIt at = FirstMentionAfter(report.entities, pos);
  if (InPersonMention(report, at, pos, &ref)) return ref;
  const std::u16string_view word = WordAt(doc.paragraphs[pos.paragraph].text, pos.offset);
  const Gender pg = PronounGender(word);
  if (pg != Gender::kUnknown) gender = pg;
  // 2. A bare name part of exactly one person.
  if (pg == Gender::kUnknown && !word.empty() && u_isupper(word[0])) {
    int count = 0;
    const int found = PersonsByPart(report.entity_list, word, &count);
    if (count == 1) {
      ref.entity = found;
      ref.gender = report.entity_list[found].gender;
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
  return PronounReference(doc, report, pos, gender, at);
}

int32_t ResolvePerson(const Document& doc, const Report& report, Position pos, Gender gender) {
  const PersonReference ref = ResolvePersonReference(doc, report, pos, gender);
  return ref.confidence >= 0.5f ? ref.entity : -1;
}

}  // namespace factlens
