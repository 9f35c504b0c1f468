// Name checks: name_variant (one name spelled two ways, or not as the house
// list spells it) and first_reference (surname-only first mention, full name
// introduced a second time, a bare surname two people share).
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include <unicode/uchar.h>

#include "checks_internal.h"

namespace factlens {
namespace checks_internal {

namespace {

// The mention's surface form without a trailing possessive.
std::u16string Surface(const Context& ctx, const Span& s) {
  std::u16string t = ctx.Text(s);
  while (!t.empty() && u_isUWhiteSpace(t.back())) t.pop_back();
  if (t.size() > 2 && (t.back() == 's' || t.back() == 'S') &&
      (t[t.size() - 2] == u'’' || t[t.size() - 2] == '\''))
    t.resize(t.size() - 2);
  else if (!t.empty() && (t.back() == u'’' || t.back() == '\''))
    t.pop_back();
  return t;
}

std::vector<std::u16string> SplitWords(const std::u16string& s) {
  std::vector<std::u16string> out;
  std::u16string cur;
  for (char16_t c : s) {
    if (c == ' ' || c == 0xA0) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool InsideQuotation(const Context& ctx, const Span& s) {
  for (const Quotation& q : ctx.report->text.quotations) {
    Span in = q.InsideIn(s.paragraph, ctx.doc);
    if (in.valid() && !in.empty() && s.begin >= in.begin && s.end <= in.end) return true;
  }
  return false;
}

// Different spelling, not just different case (all-caps headlines and
// sentence-initial capitals are not variants).
bool SpelledDifferently(const std::u16string& a, const std::u16string& b) {
  return Lower(a) != Lower(b);
}

struct Form {
  std::u16string text;
  std::vector<Span> spans;
  std::string key;
};

struct HouseHit {
  int house = -1;  // index into options.house_names
  Span span;
  bool used = false;
};

std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

void NameVariants(Context& ctx) {
  const Report& r = *ctx.report;
  const auto& house = ctx.options.house_names;

  // 1. House list: spellings in the text whose letters match a house name's
  // but whose spelling differs ("Woo Wonshik" for "Woo Won-shik").
  std::vector<std::string> house_keys;
  for (const auto& h : house) house_keys.push_back(NameKey(h));
  std::vector<HouseHit> house_hits;
  if (!house.empty()) {
    std::map<std::string, int> by_key;
    size_t max_len = 0;
    for (size_t i = 0; i < house.size(); ++i) {
      if (house_keys[i].size() < 4) continue;
      by_key.emplace(house_keys[i], static_cast<int>(i));
      max_len = std::max(max_len, house_keys[i].size());
    }
    for (size_t p = 0; p < ctx.doc.paragraphs.size(); ++p) {
      const auto& ts = ctx.toks[p];
      const std::u16string& text = ctx.doc.paragraphs[p].text;
      for (size_t i = 0; i < ts.size(); ++i) {
        if (ts[i].type == Tok::kPunct) continue;
        // Not the inside of a hyphenated or dotted word.
        if (i > 0 && ts[i - 1].type == Tok::kPunct && ts[i - 1].end == ts[i].begin &&
            i > 1 && ts[i - 2].end == ts[i - 1].begin && ts[i - 2].type != Tok::kPunct)
          continue;
        if (i > 0 && ts[i - 1].type != Tok::kPunct && ts[i - 1].end == ts[i].begin) continue;
        std::string key;
        for (size_t j = i; j < ts.size(); ++j) {
          if (ts[j].type == Tok::kPunct) {
            char16_t c = text[ts[j].begin];
            if (c != '-' && c != u'‐' && c != '\'' && c != u'’' && c != '.') break;
            continue;
          }
          if (j > i && ts[j].begin - ts[j - 1].end > 1) break;  // one space at most
          key += NameKey(std::u16string_view(text).substr(ts[j].begin, ts[j].end - ts[j].begin));
          if (key.size() > max_len) break;
          auto it = by_key.find(key);
          if (it == by_key.end()) continue;
          // The match must end at a word end (not inside "Jae-myung").
          if (j + 2 < ts.size() && ts[j + 1].type == Tok::kPunct && ts[j + 1].begin == ts[j].end &&
              ts[j + 2].begin == ts[j + 1].end && ts[j + 2].type != Tok::kPunct &&
              text[ts[j + 1].begin] == '-')
            continue;
          Span s{static_cast<int32_t>(p), ts[i].begin, ts[j].end};
          if (SpelledDifferently(ctx.Text(s), house[it->second]))
            house_hits.push_back({it->second, s});
          break;
        }
      }
    }
  }

  // 2. Forms of entity mentions grouped by letters (NameKey) and by the
  // entity list's spelling-variant grouping.
  std::vector<Form> forms;
  std::map<std::u16string, int> form_index;
  auto form_of = [&](const std::u16string& text) -> int {
    auto it = form_index.find(text);
    if (it != form_index.end()) return it->second;
    forms.push_back({text, {}, NameKey(text)});
    form_index.emplace(text, static_cast<int>(forms.size()) - 1);
    return static_cast<int>(forms.size()) - 1;
  };
  for (const EntityMention& m : r.entities) {
    if (m.type == EntityType::kMisc) continue;
    std::u16string t = Surface(ctx, m.span);
    if (t.empty()) continue;
    forms[form_of(t)].spans.push_back(m.span);
  }
  std::vector<int> parent;
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto unite = [&](int a, int b) { parent[find(a)] = find(b); };
  for (const Entity& e : r.entity_list) {
    if (e.spelling_variants.empty() || e.type == EntityType::kMisc) continue;
    int c = form_of(e.canonical);
    for (const auto& v : e.spelling_variants) {
      int f = form_of(v);
      (void)c;
      (void)f;
    }
  }
  parent.resize(forms.size());
  std::iota(parent.begin(), parent.end(), 0);
  {
    std::map<std::string, int> first_with_key;
    for (size_t i = 0; i < forms.size(); ++i) {
      if (forms[i].key.size() < 4) continue;
      auto [it, fresh] = first_with_key.emplace(forms[i].key, static_cast<int>(i));
      if (!fresh) unite(static_cast<int>(i), it->second);
    }
  }
  for (const Entity& e : r.entity_list) {
    if (e.spelling_variants.empty() || e.type == EntityType::kMisc) continue;
    int c = form_index[e.canonical];
    for (const auto& v : e.spelling_variants) unite(form_index[v], c);
  }
  // Forms named only by the entity list: find them in the text.
  for (Form& f : forms) {
    if (!f.spans.empty()) continue;
    for (size_t p = 0; p < ctx.doc.paragraphs.size() && f.spans.empty(); ++p) {
      size_t at = ctx.doc.paragraphs[p].text.find(f.text);
      if (at != std::u16string::npos)
        f.spans.push_back(Span{static_cast<int32_t>(p), static_cast<int32_t>(at),
                               static_cast<int32_t>(at + f.text.size())});
    }
  }
  std::map<int, std::vector<int>> clusters;
  for (size_t i = 0; i < forms.size(); ++i)
    if (!forms[i].spans.empty()) clusters[find(static_cast<int>(i))].push_back(static_cast<int>(i));
  for (auto& [root, members] : clusters) {
    // Distinct spellings (ignoring case).
    std::vector<int> distinct;
    for (int m : members) {
      bool seen = false;
      for (int d : distinct) seen |= !SpelledDifferently(forms[d].text, forms[m].text);
      if (!seen) distinct.push_back(m);
      else {
        for (int d : distinct)
          if (!SpelledDifferently(forms[d].text, forms[m].text))
            forms[d].spans.insert(forms[d].spans.end(), forms[m].spans.begin(), forms[m].spans.end());
      }
    }
    if (distinct.size() < 2) continue;
    // Preferred: the house spelling, else the most used, else the first seen.
    std::u16string preferred;
    for (int d : distinct)
      for (size_t h = 0; h < house.size(); ++h)
        if (!SpelledDifferently(house[h], forms[d].text)) preferred = house[h];
    bool from_house = !preferred.empty();
    if (!from_house) {
      for (size_t h = 0; h < house.size(); ++h)
        if (house_keys[h] == forms[distinct[0]].key) {
          preferred = house[h];
          from_house = true;
        }
    }
    if (!from_house) {
      int best = distinct[0];
      for (int d : distinct) {
        if (forms[d].spans.size() > forms[best].spans.size() ||
            (forms[d].spans.size() == forms[best].spans.size() &&
             forms[d].spans.front() < forms[best].spans.front()))
          best = d;
      }
      preferred = forms[best].text;
    }
    std::vector<std::string> others;
    Check c;
    c.kind = "name_variant";
    for (int d : distinct) {
      std::sort(forms[d].spans.begin(), forms[d].spans.end());
      if (!SpelledDifferently(forms[d].text, preferred)) {
        c.spans.push_back(forms[d].spans.front());
        continue;
      }
      others.push_back("‘" + Utf8(forms[d].text) + "’");
      for (const Span& s : forms[d].spans) c.spans.push_back(s);
    }
    std::sort(c.spans.begin(), c.spans.end());
    c.spans.erase(std::unique(c.spans.begin(), c.spans.end()), c.spans.end());
    c.message = "One name, spelled two ways: " + JoinQuoted(others) + " and ‘" + Utf8(preferred) +
                "’. " + (from_house ? "The house list spells it ‘" + Utf8(preferred) + "’."
                                    : "Pick one spelling (‘" + Utf8(preferred) +
                                          "’ is the more frequent here).");
    for (HouseHit& h : house_hits)
      for (const Span& s : c.spans)
        if (h.span.paragraph == s.paragraph && h.span.begin < s.end && s.begin < h.span.end)
          h.used = true;
    ctx.Add(std::move(c));
  }
  // House-list mismatches not already part of a variant pair: one check per
  // house name.
  std::map<int, std::vector<Span>> remaining;
  for (const HouseHit& h : house_hits)
    if (!h.used) remaining[h.house].push_back(h.span);
  for (auto& [h, spans] : remaining) {
    std::set<std::u16string> written;
    for (const Span& s : spans) written.insert(ctx.Text(s));
    std::vector<std::string> ws;
    for (const auto& w : written) ws.push_back("‘" + Utf8(w) + "’");
    Check c;
    c.kind = "name_variant";
    c.message = "The house list spells " + JoinQuoted(ws) + " as ‘" + Utf8(house[h]) + "’.";
    c.spans = spans;
    ctx.Add(std::move(c));
  }
}

void FirstReferences(Context& ctx) {
  const Report& r = *ctx.report;
  const int32_t ne = static_cast<int32_t>(r.entity_list.size());
  std::vector<std::vector<const EntityMention*>> by_entity(ne);
  std::vector<const EntityMention*> persons;
  for (const EntityMention& m : r.entities) {
    if (m.type != EntityType::kPerson) continue;
    if (ctx.HeadingLike(m.span.paragraph)) continue;
    persons.push_back(&m);
    if (m.entity >= 0 && m.entity < ne) by_entity[m.entity].push_back(&m);
  }
  auto by_pos = [](const EntityMention* a, const EntityMention* b) { return a->span < b->span; };
  std::sort(persons.begin(), persons.end(), by_pos);

  // Surname-only first mention, and a second full introduction.
  for (int32_t e = 0; e < ne; ++e) {
    const Entity& ent = r.entity_list[e];
    if (ent.type != EntityType::kPerson || ent.ambiguous) continue;
    std::vector<std::u16string> parts = SplitWords(ent.canonical);
    if (parts.size() < 2) continue;
    auto& ms = by_entity[e];
    if (ms.empty()) continue;
    std::sort(ms.begin(), ms.end(), by_pos);
    std::string full_key = NameKey(ent.canonical);
    auto is_full = [&](const EntityMention* m) {
      std::u16string t = Surface(ctx, m->span);
      return SplitWords(t).size() >= 2 && NameKey(t) == full_key;
    };
    auto is_bare = [&](const EntityMention* m) {
      std::u16string t = Surface(ctx, m->span);
      return SplitWords(t).size() == 1 && (t == parts.front() || t == parts.back());
    };
    const EntityMention* first = ms.front();
    if (is_bare(first)) {
      const EntityMention* later_full = nullptr;
      for (const EntityMention* m : ms)
        if (is_full(m)) { later_full = m; break; }
      if (later_full) {
        Check c;
        c.kind = "first_reference";
        c.message = "First reference to ‘" + Utf8(Surface(ctx, first->span)) +
                    "’ uses the surname only; the full name ‘" + Utf8(ent.canonical) +
                    "’ comes later. Give the full name at first reference.";
        c.spans = {first->span, later_full->span};
        ctx.Add(std::move(c));
      }
    }
    // Re-introduction: a full name with a title or apposition after the
    // full name was given and the surname alone has been used since.
    bool full_seen = false, bare_since = false;
    for (const EntityMention* m : ms) {
      if (ctx.CaptionLike(m->span.paragraph)) continue;
      bool quoted = InsideQuotation(ctx, m->span);
      if (is_full(m)) {
        const std::u16string& text = ctx.doc.paragraphs[m->span.paragraph].text;
        std::u16string after = text.substr(m->span.end, 12);
        bool apposition = after.rfind(u", a ", 0) == 0 || after.rfind(u", an ", 0) == 0 ||
                          after.rfind(u", the ", 0) == 0 || after.rfind(u", who is", 0) == 0;
        bool introduced = !m->title.empty() || apposition;
        if (full_seen && bare_since && introduced && !quoted) {
          Check c;
          c.kind = "first_reference";
          c.message = "‘" + Utf8(ent.canonical) +
                      "’ is introduced again in full after being called ‘" +
                      Utf8(parts.front() == Surface(ctx, ms.front()->span) ? parts.front()
                                                                            : parts.back()) +
                      "’: on later references use the surname only.";
          c.spans = {m->span};
          ctx.Add(std::move(c));
          break;
        }
        full_seen = true;
        bare_since = false;
      } else if (is_bare(m) && full_seen) {
        bare_since = true;
      }
    }
  }

  // A bare surname that two people of the draft share.
  std::map<std::u16string, std::vector<Span>> ambiguous;
  std::map<std::u16string, std::set<int32_t>> candidates_of;
  for (size_t i = 0; i < persons.size(); ++i) {
    const EntityMention* m = persons[i];
    std::u16string t = Surface(ctx, m->span);
    if (SplitWords(t).size() != 1) continue;
    std::set<int32_t> cands;
    for (size_t j = 0; j < i; ++j) {
      const EntityMention* o = persons[j];
      std::u16string ot = Surface(ctx, o->span);
      std::vector<std::u16string> parts = SplitWords(ot);
      if (parts.size() < 2 || !(parts.front() == t || parts.back() == t)) continue;
      // Identify the person by entity id, or by the full form when unresolved.
      int32_t id = o->entity >= 0 ? o->entity : -1 - static_cast<int32_t>(j);
      if (o->entity < 0) {
        for (size_t k = 0; k < j; ++k)
          if (persons[k]->entity < 0 && Surface(ctx, persons[k]->span) == ot) {
            id = -1 - static_cast<int32_t>(k);
            break;
          }
      }
      cands.insert(id);
    }
    bool flagged_by_ner = m->entity >= 0 && m->entity < ne && r.entity_list[m->entity].ambiguous;
    if (cands.size() >= 2 || flagged_by_ner) {
      ambiguous[t].push_back(m->span);
      candidates_of[t].insert(cands.begin(), cands.end());
    }
  }
  for (auto& [surname, spans] : ambiguous) {
    std::vector<std::string> names;
    for (int32_t id : candidates_of[surname]) {
      if (id >= 0 && id < ne) names.push_back(Utf8(r.entity_list[id].canonical));
      else if (id < 0) names.push_back(Utf8(Surface(ctx, persons[-1 - id]->span)));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    Check c;
    c.kind = "first_reference";
    c.message = "‘" + Utf8(surname) + "’ alone could be more than one person" +
                (names.size() >= 2 ? " (" + JoinQuoted(names) + ")" : std::string()) +
                ": use the full name or a title.";
    if (spans.size() > 5) spans.resize(5);
    c.spans = spans;
    ctx.Add(std::move(c));
  }
}

}  // namespace

void CheckNames(Context& ctx) {
  NameVariants(ctx);
  FirstReferences(ctx);
}

}  // namespace checks_internal
}  // namespace factlens
