// Finish: the working mentions become the report's mentions and entity list.
#include "entities/recognizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

EntityType ToType(int t) {
  switch (t) {
    case kPerson: return EntityType::kPerson;
    case kOrg: return EntityType::kOrg;
    case kPlace: return EntityType::kPlace;
    default: return EntityType::kMisc;
  }
}

void Recognizer::Appositions(const Work& w, std::vector<std::u16string>* out) const {
  const ParaData& pd = paras_[w.para];
  const int n = static_cast<int>(pd.info.size());
  int i = w.te;
  if (i >= n || TokText(pd, i) != u",") return;
  ++i;
  if (i < n && OneOf(TokText(pd, i), {u"a"sv, u"an"sv, u"the"sv})) ++i;
  const int role_b = i;
  if (i >= n || (pd.info[i].flags & ner::kInfPunct)) return;
  if (IsCapWord(pd.info[i]) && !(pd.info[i].lex & ner::kLexTitle) && pd.owner[i] >= 0) return;
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
    if (org < 0 && OneOf(t, {u"at"sv, u"of"sv, u"with"sv, u"from"sv, u"for"sv, u"in"sv}) && k > role_b) {
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
  // Drop dead mentions, order by position.
  std::vector<int> order;
  for (size_t i = 0; i < work_.size(); ++i)
    if (!work_[i].dead) order.push_back(static_cast<int>(i));
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const Work& x = work_[a];
    const Work& y = work_[b];
    return x.para != y.para ? x.para < y.para : x.begin < y.begin;
  });
  // A lone capitalised word typed PERSON with nothing to support it (no
  // title, not a known given name or surname, no full name in the document)
  // is kept as MISC with low confidence: in news, people are named in full.
  for (int idx : order) {
    Work& w = work_[idx];
    if (w.type != kPerson || w.te - w.tb != 1 || !w.title.empty() ||
        w.gender_hint != Gender::kUnknown)
      continue;
    const TokenInfo& t = paras_[w.para].info[w.tb];
    if ((t.lex & (ner::kLexFirst | ner::kLexSurname)) || parts_.count(w.key)) continue;
    if (CapHyphen(paras_[w.para], w.tb) >= 0) continue;  // "Xi" of "Xi-Lee"
    w.type = kMisc;
    w.conf = 0.4f;
  }
  // Person groups: multi-word keys; parts map to full keys.
  std::map<std::pair<int, std::u16string>, int> by_key;  // (type, key) -> entity
  std::vector<Entity>& list = report_->entity_list;
  list.clear();
  auto entity_for = [&](int type, const std::u16string& key) {
    auto it = by_key.find({type, key});
    if (it != by_key.end()) return it->second;
    Entity e;
    e.id = static_cast<int32_t>(list.size());
    e.type = ToType(type);
    list.push_back(std::move(e));
    by_key[{type, key}] = list.back().id;
    return list.back().id;
  };
  // A bare first word of exactly one multi-word organisation of the document
  // is that organisation ("Hanwol" -> "Hanwol Energy").
  std::unordered_map<uint64_t, std::set<std::u16string>> org_by_first;
  for (int idx : order) {
    const Work& w = work_[idx];
    if (w.type == kOrg && w.te - w.tb > 1)
      org_by_first[paras_[w.para].info[w.tb].word].insert(w.key);
  }
  // First pass: full (multi-word) persons and all non-persons.
  for (int idx : order) {
    Work& w = work_[idx];
    if (w.type == kPerson && w.te - w.tb > 0) {
      std::u16string f, l;
      PersonParts(w, &f, &l);
      if (f.empty()) continue;  // bare name: second pass
    }
    if (w.type == kOrg && w.te - w.tb == 1) {
      auto it = org_by_first.find(paras_[w.para].info[w.tb].word);
      if (it != org_by_first.end() && it->second.size() == 1 &&
          org_first_words_.count(paras_[w.para].info[w.tb].word)) {
        w.entity = entity_for(kOrg, *it->second.begin());
        continue;
      }
    }
    w.entity = entity_for(w.type, w.key);
  }
  // Second pass: bare person names.
  for (int idx : order) {
    Work& w = work_[idx];
    if (w.entity >= 0) continue;
    auto it = parts_.find(w.key);
    if (it != parts_.end() && it->second.size() == 1) {
      auto full = by_key.find({kPerson, *it->second.begin()});
      if (full != by_key.end()) {
        w.entity = full->second;
        continue;
      }
    }
    w.entity = entity_for(kPerson, w.key);
    if (it != parts_.end() && it->second.size() > 1) list[w.entity].ambiguous = true;
  }
  // Fill mentions and entity details.
  std::vector<std::map<std::u16string, int>> variant_counts(list.size());
  std::vector<std::vector<std::u16string>> variant_order(list.size());
  std::vector<int> male(list.size()), female(list.size());
  for (int idx : order) {
    const Work& w = work_[idx];
    const ParaData& pd = paras_[w.para];
    EntityMention m;
    m.span = Span{w.para, w.begin, w.end};
    m.type = ToType(w.type);
    m.entity = w.entity;
    m.outlet = w.outlet;
    m.confidence = w.conf;
    m.title = w.title;
    report_->entities.push_back(m);
    Entity& e = list[w.entity];
    ++e.mentions;
    e.outlet |= w.outlet;
    std::u16string text = pd.text->substr(w.begin, w.end - w.begin);
    if (variant_counts[w.entity][text]++ == 0) variant_order[w.entity].push_back(text);
    auto add_desc = [&](const std::u16string& d) {
      if (d.empty()) return;
      for (std::u16string& x : e.descriptors) {
        if (EqualsFolded(x, d)) return;
        if (x.size() > d.size() && EqualsFolded(std::u16string_view(x).substr(x.size() - d.size()), d))
          return;
        if (d.size() > x.size() && EqualsFolded(std::u16string_view(d).substr(d.size() - x.size()), x)) {
          x = d;
          return;
        }
      }
      e.descriptors.push_back(d);
    };
    add_desc(w.descriptor.empty() ? w.title : w.descriptor);
    if (w.type == kPerson) {
      std::vector<std::u16string> app;
      Appositions(w, &app);
      for (const auto& d : app) {
        add_desc(d);
        ApplyGenderWords(d, &male[w.entity], &female[w.entity]);
      }
      if (w.gender_hint == Gender::kMale) male[w.entity] += 2;
      if (w.gender_hint == Gender::kFemale) female[w.entity] += 2;
      // First-name evidence (a given name that is not also a surname).
      if (w.te - w.tb >= 2) {
        const uint32_t b = pd.info[w.tb].lex;
        const uint32_t last = pd.info[w.te - 1].lex;
        const bool western = (last & ner::kLexSurname) && !(last & ner::kLexFirst) &&
                             (pd.info[w.te - 1].flags & ner::kInfSpaceBefore);
        // Only in Western order (given name, then a census surname): "Yun
        // Bong-gil" or "Lee Jae-myung" start with a surname, not a given name.
        const bool east_asian = CapHyphen(pd, w.te - 1) < 0 && HyphenGivenName(pd, w.te - 1);
        if ((b & ner::kLexFirst) && !east_asian && (western || !(b & ner::kLexSurname))) {
          if (b & ner::kLexMale) ++male[w.entity];
          if (b & ner::kLexFemale) ++female[w.entity];
        }
      }
    }
  }
  for (size_t id = 0; id < list.size(); ++id) {
    Entity& e = list[id];
    e.variants = variant_order[id];
    // Canonical: the fullest form (most words, then most used, then first).
    int best = -1;
    auto words = [](const std::u16string& s) {
      return std::count(s.begin(), s.end(), u' ') + 1;
    };
    for (size_t v = 0; v < e.variants.size(); ++v) {
      if (best < 0) {
        best = static_cast<int>(v);
        continue;
      }
      const std::u16string& a = e.variants[v];
      const std::u16string& b = e.variants[best];
      if (words(a) > words(b) ||
          (words(a) == words(b) && variant_counts[id][a] > variant_counts[id][b]))
        best = static_cast<int>(v);
    }
    if (best >= 0) e.canonical = e.variants[best];
    const std::u16string ckey = EntityNameKey(e.canonical);
    for (const std::u16string& v : e.variants)
      if (v != e.canonical && EntityNameKey(v) == ckey) e.spelling_variants.push_back(v);
  }
  PronounGenders(order, &male, &female);
  for (size_t id = 0; id < list.size(); ++id) {
    if (list[id].type != EntityType::kPerson) continue;
    if (male[id] > 2 * female[id] && male[id] > 0) list[id].gender = Gender::kMale;
    else if (female[id] > 2 * male[id] && female[id] > 0) list[id].gender = Gender::kFemale;
  }
}

void Recognizer::ApplyGenderWords(const std::u16string& d, int* male, int* female) {
  const ner::Lexicon& lex = ner::Lexicon::Default();
  size_t i = 0;
  while (i < d.size()) {
    while (i < d.size() && !u_isalpha(d[i])) ++i;
    size_t j = i;
    while (j < d.size() && u_isalpha(d[j])) ++j;
    if (j > i) {
      const uint32_t b =
          lex.Lookup(ner::KeyAdd(ner::kKeySeed, ner::PieceHash(std::u16string_view(d).substr(i, j - i))));
      if (b & ner::kLexGenderWord) {
        if (b & ner::kLexMale) ++*male;
        if (b & ner::kLexFemale) ++*female;
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
  std::vector<std::vector<const Work*>> per_para(paras_.size());
  for (int idx : order)
    if (work_[idx].type == kPerson && !list_ambiguous(work_[idx].entity))
      per_para[work_[idx].para].push_back(&work_[idx]);
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    for (const Sentence& s : pd.pt->sentences) {
      for (int i = s.first_token; i < s.end_token; ++i) {
        const Gender g = PronounGender(TokText(pd, i));
        if (g == Gender::kUnknown) continue;
        const int pos = pd.pt->tokens[i].begin;
        // nearest person before in this sentence (within 10 tokens)
        const Work* pick = nullptr;
        for (const Work* w : per_para[p])
          if (w->begin >= s.begin && w->end <= pos && i - w->te < 10) pick = w;
        if (!pick) {
          // previous sentence (same paragraph or the last one of the previous)
          std::unordered_set<int> ents;
          const Work* first = nullptr;
          int ps = -1;
          for (size_t k = 0; k < pd.pt->sentences.size(); ++k)
            if (pd.pt->sentences[k].begin == s.begin) ps = static_cast<int>(k) - 1;
          if (ps >= 0) {
            const Sentence& prev = pd.pt->sentences[ps];
            for (const Work* w : per_para[p])
              if (w->begin >= prev.begin && w->end <= prev.end) {
                ents.insert(w->entity);
                if (!first) first = w;
              }
          } else if (s.begin == pd.pt->sentences.front().begin && p > 0 && !per_para[p - 1].empty()) {
            const ParaData& pp = paras_[p - 1];
            const Sentence& prev = pp.pt->sentences.back();
            for (const Work* w : per_para[p - 1])
              if (w->begin >= prev.begin) {
                ents.insert(w->entity);
                if (!first) first = w;
              }
          }
          if (ents.size() == 1) pick = first;
        }
        if (!pick) continue;
        if (g == Gender::kMale) ++(*male)[pick->entity];
        else ++(*female)[pick->entity];
      }
    }
  }
}

}  // namespace ner
}  // namespace factlens
