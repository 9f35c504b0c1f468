// Finish: the working mentions become the report's mentions and entity list:
// mentions are grouped into entities (full names first, then bare name parts),
// and each entity gets its variants, canonical form, descriptors and gender.
#include "entities/recognizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

namespace {

EntityType ToType(int t) {
  switch (t) {
    case kPerson: return EntityType::kPerson;
    case kOrg: return EntityType::kOrg;
    case kPlace: return EntityType::kPlace;
    default: return EntityType::kMisc;
  }
}

}  // namespace

// (type, key) -> entity id; For() adds the entity to the report's list.
class EntityIndex {
 public:
  explicit EntityIndex(std::vector<Entity>* list) : list_(list) {}
  int For(int type, const std::u16string& key) {
    std::map<std::u16string, int>& ids = by_key_.at(type);
    auto it = ids.find(key);
    if (it != ids.end()) return it->second;
    Entity e;
    e.id = static_cast<int32_t>(list_->size());
    e.type = ToType(type);
    list_->push_back(std::move(e));
    ids.emplace(key, list_->back().id);
    return list_->back().id;
  }
  int Find(int type, const std::u16string& key) const {
    const std::map<std::u16string, int>& ids = by_key_.at(type);
    auto it = ids.find(key);
    return it == ids.end() ? -1 : it->second;
  }

 private:
  std::vector<Entity>* list_;
  // Per working type (kPerson ... kMisc): key -> id. A map per type, so that a
  // lookup needs no (type, key) pair copied from the key.
  std::array<std::map<std::u16string, int>, 4> by_key_;
};

namespace {

// Adds a descriptor unless the entity has it already, or a longer one ending
// in it; a longer one replaces a shorter one it ends in.
void AddDescriptor(const std::u16string& d, Entity* e) {
  if (d.empty()) return;
  for (std::u16string& x : e->descriptors) {
    if (EqualsFolded(x, d)) return;
    if (x.size() > d.size() && EqualsFolded(std::u16string_view(x).substr(x.size() - d.size()), d))
      return;
    if (d.size() > x.size() &&
        EqualsFolded(std::u16string_view(d).substr(d.size() - x.size()), x)) {
      x = d;
      return;
    }
  }
  e->descriptors.push_back(d);
}

// One more mention written `text`; a text seen first is added to `order`.
void CountVariant(std::u16string_view text, VariantCounts* counts,
                  std::vector<std::u16string>* order) {
  auto it = counts->find(text);
  if (it == counts->end()) {
    it = counts->emplace(std::u16string(text), 0).first;
    order->push_back(it->first);
  }
  ++it->second;
}

std::ptrdiff_t Words(const std::u16string& s) { return std::count(s.begin(), s.end(), u' ') + 1; }

// Variants in order of first use; canonical: the fullest form (most words,
// then most used, then first); spelling variants: the others with its key.
void NameForms(EntityTally* tally, size_t id, Entity* e) {
  e->variants = std::move(tally->variant_order[id]);  // read once, here
  const auto& counts = tally->variant_counts[id];
  int best = -1;
  for (size_t v = 0; v < e->variants.size(); ++v) {
    if (best < 0) {
      best = static_cast<int>(v);
      continue;
    }
    const std::u16string& a = e->variants[v];
    const std::u16string& b = e->variants[best];
    if (Words(a) > Words(b) || (Words(a) == Words(b) && counts.at(a) > counts.at(b)))
      best = static_cast<int>(v);
  }
  if (best >= 0) e->canonical = e->variants[best];
  const std::u16string ckey = EntityNameKey(e->canonical);
  for (const std::u16string& v : e->variants)
    if (v != e->canonical && EntityNameKey(v) == ckey) e->spelling_variants.push_back(v);
}

}  // namespace

void Recognizer::Appositions(const Work& w, std::vector<std::u16string>* out) const {
  const ParaData& pd = paras_[w.para];
  const int n = static_cast<int>(pd.info.size());
  int i = w.te;
  if (i >= n || TokText(pd, i) != u",") return;
  ++i;
  if (i < n && OneOf(TokText(pd, i), {u"a"sv, u"an"sv, u"the"sv})) ++i;
  const int role_b = i;
  if (i >= n || (pd.info[i].flags & kInfPunct)) return;
  if (IsCapWord(pd.info[i]) && !(pd.info[i].lex & kLexTitle) && pd.owner[i] >= 0) return;
  int role_e = -1, org = -1, stop = -1;
  for (int k = i; k < n && k < i + 16; ++k) {
    std::u16string_view t = TokText(pd, k);
    if (t == u"," || t == u"." || t == u";" || t == u"(" || t == u"“" || t == u"\"") {
      stop = k;
      break;
    }
    if (OneOf(t, {u"who"sv, u"which"sv, u"that"sv, u"said"sv, u"says"sv, u"told"sv, u"added"sv})) {
      stop = k;
      break;
    }
    if (org < 0 && OneOf(t, {u"at"sv, u"of"sv, u"with"sv, u"from"sv, u"for"sv, u"in"sv}) &&
        k > role_b) {
      int j = k + 1;
      if (j < n && EqualsFolded(TokText(pd, j), u"the")) ++j;
      if (j < n && pd.owner[j] >= 0 && work_[pd.owner[j]].type != kPerson) {
        org = pd.owner[j];
        role_e = k;
      }
    }
  }
  if (stop < 0 || stop <= role_b) return;
  const auto& toks = pd.pt->tokens;
  std::u16string d;
  if (role_e > role_b && org >= 0) {
    d = pd.text->substr(toks[role_b].begin, toks[role_e - 1].end - toks[role_b].begin);
    const Work& o = work_[org];
    d += u", ";
    d += pd.text->substr(o.begin, o.end - o.begin);
  } else {
    d = pd.text->substr(toks[role_b].begin, toks[stop - 1].end - toks[role_b].begin);
  }
  if (d.size() > 2 && d.size() < 160) out->push_back(std::move(d));
}


void Recognizer::Finish() {
  const std::vector<int> order = LiveInOrder();
  DemoteLonePersons(order);
  std::vector<Entity>& list = report_->entity_list;
  list.clear();
  EntityIndex index(&list);
  GroupNames(order, &index);
  GroupBareNames(order, &index);
  EntityTally tally(list.size());
  report_->entities.reserve(report_->entities.size() + order.size());  // no doubling
  for (int idx : order) AddMention(work_[idx], &tally);
  for (size_t id = 0; id < list.size(); ++id) NameForms(&tally, id, &list[id]);
  PronounGenders(order, &tally.male, &tally.female);
  for (size_t id = 0; id < list.size(); ++id) {
    if (list[id].type != EntityType::kPerson) continue;
    const int male = tally.male[id], female = tally.female[id];
    if (male > 2 * female && male > 0) list[id].gender = Gender::kMale;
    else if (female > 2 * male && female > 0) list[id].gender = Gender::kFemale;
  }
}

// The live mentions, by position.
std::vector<int> Recognizer::LiveInOrder() const {
  std::vector<int> order;
  for (size_t i = 0; i < work_.size(); ++i)
    if (!work_[i].dead) order.push_back(static_cast<int>(i));
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const Work& x = work_[a];
    const Work& y = work_[b];
    return x.para != y.para ? x.para < y.para : x.begin < y.begin;
  });
  return order;
}

// A lone capitalised word typed PERSON with nothing to support it (no title
// here or on the same name elsewhere, not a known given name or surname, no
// full name in the document) is kept as MISC with low confidence: in news,
// people are named in full.
void Recognizer::DemoteLonePersons(const std::vector<int>& order) {
  std::unordered_set<std::u16string> titled;
  for (int idx : order)
    if (work_[idx].type == kPerson && work_[idx].titled()) titled.insert(work_[idx].key);
  for (int idx : order) {
    Work& w = work_[idx];
    if (w.type != kPerson || w.te - w.tb != 1 || w.titled() ||
        w.gender_hint != Gender::kUnknown || w.cued)
      continue;
    const TokenInfo& t = paras_[w.para].info[w.tb];
    if ((t.lex & (kLexFirst | kLexSurname)) || parts_.count(w.key) || titled.count(w.key)) continue;
    if (CapHyphen(paras_[w.para], w.tb) >= 0) continue;  // "Xi" of "Xi-Lee"
    w.type = kMisc;
    w.conf = 0.4f;
  }
}

// First pass: full (multi-word) persons and all non-persons. A bare first word
// of exactly one multi-word organisation of the document is that organisation
// ("Hanwol" -> "Hanwol Energy").
void Recognizer::GroupNames(const std::vector<int>& order, EntityIndex* index) {
  std::unordered_map<uint64_t, std::set<std::u16string>> org_by_first;
  for (int idx : order) {
    const Work& w = work_[idx];
    if (w.type == kOrg && w.te - w.tb > 1)
      org_by_first[paras_[w.para].info[w.tb].word].insert(w.key);
  }
  for (int idx : order) {
    Work& w = work_[idx];
    if (w.type == kPerson && w.te - w.tb > 0) {
      std::u16string f, l;
      PersonParts(w, &f, &l);
      if (f.empty()) continue;  // bare name: second pass
    }
    const uint64_t first_word = paras_[w.para].info[w.tb].word;
    if (w.type == kOrg && w.te - w.tb == 1) {
      auto it = org_by_first.find(first_word);
      if (it != org_by_first.end() && it->second.size() == 1 &&
          org_first_words_.count(first_word)) {
        w.entity = index->For(kOrg, *it->second.begin());
        continue;
      }
    }
    w.entity = index->For(w.type, w.key);
  }
}

// Second pass: a bare person name is the one full name it is part of, else an
// entity of its own (ambiguous when it is part of several).
void Recognizer::GroupBareNames(const std::vector<int>& order, EntityIndex* index) {
  for (int idx : order) {
    Work& w = work_[idx];
    if (w.entity >= 0) continue;
    auto it = parts_.find(w.key);
    if (it != parts_.end() && it->second.size() == 1) {
      const int full = index->Find(kPerson, *it->second.begin());
      if (full >= 0) {
        w.entity = full;
        continue;
      }
    }
    w.entity = index->For(kPerson, w.key);
    if (it != parts_.end() && it->second.size() > 1)
      report_->entity_list[w.entity].ambiguous = true;
  }
}

// Writes the mention to the report and adds what it says to its entity.
void Recognizer::AddMention(const Work& w, EntityTally* tally) {
  EntityMention m;
  m.span = Span{w.para, w.begin, w.end};
  m.type = ToType(w.type);
  m.entity = w.entity;
  m.outlet = w.outlet;
  m.confidence = w.conf;
  m.title = TitleOf(w);
  report_->entities.push_back(m);
  Entity& e = report_->entity_list[w.entity];
  ++e.mentions;
  e.outlet |= w.outlet;
  CountVariant(std::u16string_view(*paras_[w.para].text).substr(w.begin, w.end - w.begin),
               &tally->variant_counts[w.entity], &tally->variant_order[w.entity]);
  AddDescriptor(std::u16string(DescriptorOf(w)), &e);
  if (w.type == kPerson) AddPersonEvidence(w, &e, tally);
}

// Appositions ("Kim, a professor at …") as descriptors, and gender evidence:
// their gender words, the mention's title or kinship word, its given name.
void Recognizer::AddPersonEvidence(const Work& w, Entity* e, EntityTally* tally) const {
  int& male = tally->male[w.entity];
  int& female = tally->female[w.entity];
  std::vector<std::u16string> app;
  Appositions(w, &app);
  for (const auto& d : app) {
    AddDescriptor(d, e);
    ApplyGenderWords(d, &male, &female);
  }
  if (w.gender_hint == Gender::kMale) male += 2;
  if (w.gender_hint == Gender::kFemale) female += 2;
  if (w.te - w.tb < 2) return;
  // First-name evidence (a given name that is not also a surname), only in
  // Western order (given name, then a census surname): "Yun Bong-gil" or "Lee
  // Jae-myung" start with a surname, not a given name.
  const ParaData& pd = paras_[w.para];
  const uint32_t b = pd.info[w.tb].lex;
  const uint32_t last = pd.info[w.te - 1].lex;
  const bool western = (last & kLexSurname) && !(last & kLexFirst) &&
                       (pd.info[w.te - 1].flags & kInfSpaceBefore);
  const bool east_asian = CapHyphen(pd, w.te - 1) < 0 && HyphenGivenName(pd, w.te - 1);
  if ((b & kLexFirst) && !east_asian && (western || !(b & kLexSurname))) {
    if (b & kLexMale) ++male;
    if (b & kLexFemale) ++female;
  }
}

void Recognizer::ApplyGenderWords(const std::u16string& d, int* male, int* female) {
  const Lexicon& lex = Lexicon::Default();
  size_t i = 0;
  while (i < d.size()) {
    while (i < d.size() && !u_isalpha(d[i])) ++i;
    size_t j = i;
    while (j < d.size() && u_isalpha(d[j])) ++j;
    if (j > i) {
      const uint32_t b =
          lex.Lookup(KeyAdd(kKeySeed, PieceHash(std::u16string_view(d).substr(i, j - i))));
      if (b & kLexGenderWord) {
        if (b & kLexMale) ++*male;
        if (b & kLexFemale) ++*female;
      }
    }
    i = j;
  }
}

// Pronoun evidence: a he/she whose nearest preceding person mention (same
// sentence, else the previous sentence naming exactly one person) is clear.
void Recognizer::PronounGenders(const std::vector<int>& order, std::vector<int>* male,
                                std::vector<int>* female) {
  // Person mentions per paragraph, in order.
  PersonsByPara per_para(paras_.size());
  for (int idx : order)
    if (work_[idx].type == kPerson && !Ambiguous(work_[idx].entity))
      per_para[work_[idx].para].push_back(&work_[idx]);
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    // A pronoun refers to a person of its paragraph or of the one before
    // (PronounAntecedent): without one, none of its words needs reading.
    if (per_para[p].empty() && (p == 0 || per_para[p - 1].empty())) continue;
    for (const Sentence& s : pd.pt->sentences) {
      for (int i = s.first_token; i < s.end_token; ++i) {
        const Gender g = PronounGender(TokText(pd, i));
        if (g == Gender::kUnknown) continue;
        const Work* pick = PronounAntecedent(per_para, static_cast<int>(p), s, i);
        if (!pick) continue;
        if (g == Gender::kMale) ++(*male)[pick->entity];
        else ++(*female)[pick->entity];
      }
    }
  }
}

// The person a pronoun at token i of sentence s refers to: the nearest person
// before it in the sentence (within 10 tokens), else the one person of the
// previous sentence; nullptr.
const Work* Recognizer::PronounAntecedent(const PersonsByPara& per_para, int p,
                                          const Sentence& s, int i) const {
  const int pos = paras_[p].pt->tokens[i].begin;
  const Work* pick = nullptr;
  for (const Work* w : per_para[p])
    if (w->begin >= s.begin && w->end <= pos && i - w->te < 10) pick = w;
  return pick ? pick : SolePersonBefore(per_para, p, s);
}

// The one person named in the sentence before s (in this paragraph, or the
// last sentence of the previous one when s opens the paragraph); nullptr.
const Work* Recognizer::SolePersonBefore(const PersonsByPara& per_para, int p,
                                         const Sentence& s) const {
  const ParaData& pd = paras_[p];
  std::unordered_set<int> ents;
  const Work* first = nullptr;
  int ps = -1;
  for (size_t k = 0; k < pd.pt->sentences.size(); ++k)
    if (pd.pt->sentences[k].begin == s.begin) ps = static_cast<int>(k) - 1;
  if (ps >= 0) {
    const Sentence& prev = pd.pt->sentences[ps];
    for (const Work* w : per_para[p]) {
      if (w->begin < prev.begin || w->end > prev.end) continue;
      ents.insert(w->entity);
      if (!first) first = w;
    }
  } else if (s.begin == pd.pt->sentences.front().begin && p > 0 && !per_para[p - 1].empty()) {
    const Sentence& prev = paras_[p - 1].pt->sentences.back();
    for (const Work* w : per_para[p - 1]) {
      if (w->begin < prev.begin) continue;
      ents.insert(w->entity);
      if (!first) first = w;
    }
  }
  return ents.size() == 1 ? first : nullptr;
}

}  // namespace ner
}  // namespace factlens
