// The document-level second tagging pass (model.h: DocLabels, TagDocument):
// what the first pass made of a word elsewhere in the document becomes a
// feature of the second ("Smith" alone after "John Smith" was tagged a person;
// "Vontobel" typed ORG twice and PLACE once).
#include "entities/model.h"

namespace factlens {
namespace ner {

namespace {

// What token j's own first-pass tag says of its word (LabelBit).
uint8_t OwnBits(const TokenInfo& t, int tag) {
  if (!(t.flags & kInfHasLetter)) return 0;
  if (tag == 0) {
    const bool cap_mid = (t.flags & kInfCap) && !(t.flags & kInfFirstWord);
    return cap_mid && !(t.lex & kLexLower) ? kLabOutside : 0;
  }
  const int type = TagType(tag), part = TagPart(tag);
  uint8_t bits = static_cast<uint8_t>(1u << type);
  if (part == kU) bits |= kLabSingle;
  if (part == kB) bits |= kLabFirst;
  if (part == kL && type == 0) bits |= kLabSurname;
  return bits;
}

// Common lower-case words outside a name are never scored (Gated): no label.
inline bool Unlabelled(const TokenInfo& t) {
  return !(t.flags & kInfHasLetter) || (!(t.flags & kInfCap) && (t.lex & kLexLower));
}

}  // namespace

void DocLabels::Collect(const std::vector<TokenInfo>& info, const int* tags) {
  const int n = static_cast<int>(info.size());
  for (int j = 0; j < n; ++j) {
    const uint8_t bits = OwnBits(info[j], tags[j]);
    if (!bits) continue;
    auto& c = counts_[info[j].word];
    for (int b = 0; b < 8; ++b)
      if (bits & (1u << b)) ++c[b];
  }
}

bool DocLabels::Apply(std::vector<TokenInfo>* info, const int* tags, bool collected) const {
  bool any = false;
  const int n = static_cast<int>(info->size());
  for (int j = 0; j < n; ++j) {
    TokenInfo& t = (*info)[j];
    t.label = 0;
    t.label_major = 0;
    if (Unlabelled(t)) continue;
    const std::array<uint16_t, 8>* counts = counts_.Find(t.word);
    if (!counts) continue;
    const uint8_t own = collected ? OwnBits(t, tags[j]) : 0;
    uint8_t label = 0;
    for (int b = 0; b < 8; ++b)
      if ((*counts)[b] > ((own >> b) & 1)) label |= static_cast<uint8_t>(1u << b);
    if (!(label & kLabTypes)) continue;
    t.label = label;
    // The type given most often elsewhere (a tie gives none).
    int best = -1, best_count = 0, runner_up = 0;
    for (int b = 0; b < kNumTypes; ++b) {
      const int c = (*counts)[b] - ((own >> b) & 1);
      if (c > best_count) runner_up = best_count, best_count = c, best = b;
      else if (c > runner_up) runner_up = c;
    }
    t.label_major = best >= 0 && best_count > runner_up ? static_cast<uint8_t>(1 + best) : 0;
    any = true;
  }
  return any;
}

void TagDocument(const Model& model, const std::vector<TagUnit>& units) {
  for (const TagUnit& u : units) {
    u.tags->assign(u.info->size(), 0);
    for (const Sentence& s : u.pt->sentences)
      if (s.end_token > s.first_token)
        model.Tag(*u.info, u.spelling, s.first_token, s.end_token, &(*u.tags)[s.first_token]);
  }
  DocLabels labels;
  for (const TagUnit& u : units)
    if (u.collect) labels.Collect(*u.info, u.tags->data());
  if (labels.empty()) return;
  for (const TagUnit& u : units) {
    if (!labels.Apply(u.info, u.tags->data(), u.collect)) continue;
    const std::vector<TokenInfo>& info = *u.info;
    for (const Sentence& s : u.pt->sentences) {
      int first = -1, last = -1;
      for (int i = s.first_token; i < s.end_token; ++i) {
        if (!info[i].label) continue;
        if (first < 0) first = i;
        last = i;
      }
      if (first >= 0)
        model.Retag(info, u.spelling, s.first_token, s.end_token, first, last,
                    &(*u.tags)[s.first_token]);
    }
  }
}

}  // namespace ner
}  // namespace factlens
