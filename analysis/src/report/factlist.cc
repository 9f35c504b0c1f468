// The fact list (factlens/factlist.h): one grouping of a Report for the sidebar
// and the Markdown, CSV and HTML reports.
#include "factlens/factlist.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "common/strings.h"
#include "factlens/checks.h"

namespace factlens {

namespace {

constexpr size_t kMaxLabel = 110;  // UTF-16 units of fact text shown in a row

// ------------------------------------------------------------------ text

// Cuts long text for a row, never inside a surrogate pair.
std::u16string Truncate(const std::u16string& text) {
  if (text.size() <= kMaxLabel) return text;
  size_t cut = kMaxLabel;
  if (U16_IS_TRAIL(text[cut]) && cut > 0 && U16_IS_LEAD(text[cut - 1])) --cut;
  std::u16string out = text.substr(0, cut);
  while (!out.empty() && out.back() == u' ') out.pop_back();
  out.push_back(u'\u2026');
  return out;
}

bool IsSpace(char16_t c) {
  return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == 0xA0 || c == 0x2028 ||
         c == 0x2029 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

// Collapses white space (including line breaks inside a span) to one space.
std::u16string CollapseSpaces(const std::u16string& text) {
  std::u16string out;
  bool space = false;
  for (char16_t c : text) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(u' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Typographic quotes, primes and dashes as their ASCII forms.
char16_t UnifyPunctuation(char16_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return u'\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x300C: case 0x300D:
      return u'"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
      return u'-';
    default:
      return c;
  }
}

std::u16string Fold(const std::u16string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || !nfkc_cf) return text;
  icu::UnicodeString src(false, text.data(), static_cast<int32_t>(text.size()));
  icu::UnicodeString dst = nfkc_cf->normalize(src, status);
  if (U_FAILURE(status)) return text;
  std::u16string out(dst.getBuffer(), dst.getBuffer() + dst.length());
  for (char16_t& c : out) c = UnifyPunctuation(c);
  return CollapseSpaces(out);
}

std::u16string SpanString(const Document& doc, const Span& span) {
  return CollapseSpaces(SpanText(doc, span));
}

std::u16string Counted(size_t n, const char* one, const char* many) {
  return Utf16(std::to_string(n)) + Utf16(n == 1 ? one : many);
}

// ------------------------------------------------------------------ details

// "1,234", "-5", "0.25": whole numbers grouped by thousands, others "%.6g".
std::string DetailNumber(double v) {
  if (!std::isfinite(v)) return "?";
  char buf[64];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits(buf), grouped;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
      grouped.push_back(digits[i]);
      if ((n - i - 1) % 3 == 0 && i != n - 1) grouped.push_back(',');
    }
    return (v < 0 ? "-" : "") + grouped;
  }
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// "≈ 272,900,000,000 USD", "12 percent", "no value".
std::string DetailValue(const Figure& f) {
  std::string value;
  switch (f.value.type) {
    case FigureValue::Type::kNone: return "no value";
    case FigureValue::Type::kNumber: value = DetailNumber(f.value.lo); break;
    case FigureValue::Type::kString: value = f.value.str_lo; break;
    case FigureValue::Type::kNumberRange:
      value = DetailNumber(f.value.lo) + "\u2013" + DetailNumber(f.value.hi);
      break;
    case FigureValue::Type::kStringRange:
      value = f.value.str_lo + "\u2013" + f.value.str_hi;
      break;
  }
  if (!f.unit.empty()) value += " " + f.unit;
  if (f.approx) value = "\u2248 " + value;
  return value;
}

// "name_variant" -> "Name variant", from the check registry (checks.h).
std::u16string CheckKindLabel(const std::string& kind) { return Utf16(CheckLabel(kind)); }

// ------------------------------------------------------------------ items

// Assigns "base#n" keys, n counting earlier facts with the same base.
class KeyMaker {
 public:
  std::string Make(const std::string& base) {
    return base + "#" + std::to_string(seen_[base]++);
  }

 private:
  std::map<std::string, int> seen_;
};

void FinishItem(FactItem& item) {
  item.label = item.detail.empty() ? Truncate(item.text)
                                   : Truncate(item.text) + u" \u2014 " + item.detail;
  item.folded = Fold(item.text + u" " + item.detail);
}

FactGroup MakeGroup(FactGroupKind kind) {
  FactGroup group;
  group.kind = kind;
  group.title = Utf16(FactGroupTitle(kind));
  return group;
}

// The groups in their order; Other names is dropped later when the view wants.
std::vector<FactGroup> EmptyGroups() {
  std::vector<FactGroup> groups;
  for (FactGroupKind kind : {FactGroupKind::kPeople, FactGroupKind::kOrganisations,
                             FactGroupKind::kPlaces, FactGroupKind::kOther, FactGroupKind::kQuotes,
                             FactGroupKind::kFigures, FactGroupKind::kChecks})
    groups.push_back(MakeGroup(kind));
  return groups;
}

FactGroup& GroupOf(std::vector<FactGroup>& groups, FactGroupKind kind) {
  return groups[static_cast<size_t>(kind)];  // EmptyGroups() order
}

FactGroupKind EntityGroup(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return FactGroupKind::kPeople;
    case EntityType::kOrg: return FactGroupKind::kOrganisations;
    case EntityType::kPlace: return FactGroupKind::kPlaces;
    case EntityType::kMisc: return FactGroupKind::kOther;
  }
  return FactGroupKind::kOther;
}

// An entity row: "Lee Jae-myung — President, 2 mentions"; a click walks
// through `mentions` (sorted).
FactItem EntityItem(const Entity& e, std::vector<Span> mentions, KeyMaker& keys) {
  FactItem item;
  item.text = CollapseSpaces(e.canonical);
  const size_t n = mentions.empty() ? static_cast<size_t>(std::max(e.mentions, 0))
                                    : mentions.size();
  item.detail = Counted(n, " mention", " mentions");
  if (!e.descriptors.empty())
    item.detail = CollapseSpaces(e.descriptors.front()) + u", " + item.detail;
  if (e.outlet) item.detail += u", outlet";
  if (e.ambiguous) item.detail += u", ambiguous";
  item.spans = std::move(mentions);
  item.key = keys.Make(std::string("entity:") + EntityTypeName(e.type) + ":" +
                       NormaliseKeyText(e.canonical));
  FinishItem(item);
  for (const std::u16string& v : e.variants) item.folded += u" " + Fold(v);  // searchable
  return item;
}

void AddEntities(const Report& report, KeyMaker& keys, std::vector<FactGroup>& groups) {
  std::vector<std::vector<Span>> mentions(report.entity_list.size());
  for (const EntityMention& m : report.entities)
    if (m.entity >= 0 && m.entity < static_cast<int32_t>(mentions.size()) && m.span.valid())
      mentions[m.entity].push_back(m.span);
  for (size_t i = 0; i < report.entity_list.size(); ++i) {
    const Entity& e = report.entity_list[i];
    std::sort(mentions[i].begin(), mentions[i].end());
    FactItem item = EntityItem(e, std::move(mentions[i]), keys);
    item.source = static_cast<int>(i);
    FactGroup& group = GroupOf(groups, EntityGroup(e.type));
    group.items.push_back(std::move(item));
    ++group.count;
  }
}

std::u16string SpeakerName(const Document& doc, const Attribution& a, FactListView view) {
  if (view == FactListView::kReport) {
    if (!a.speaker_name.empty()) return a.speaker_name;
    if (a.vague_source) return u"Unnamed source";
    return a.speaker ? SpanText(doc, *a.speaker) : u"Unattributed";
  }
  if (!a.speaker_name.empty()) return CollapseSpaces(a.speaker_name);
  if (a.vague_source)
    return u"Vague source" + (a.speaker ? u": " + SpanString(doc, *a.speaker) : u"");
  if (a.speaker) return SpanString(doc, *a.speaker) + u" (unresolved)";
  return u"No speaker found";
}

// The sidebar shows neither beliefs nor quotes without a span.
bool InSidebar(const Attribution& a) { return !a.belief && a.content.valid(); }

// A quote row: "“We agree,” — direct, via The Korea Herald".
FactItem QuoteItem(const Document& doc, const Attribution& a, const std::u16string& speaker,
                   KeyMaker& keys) {
  FactItem q;
  const std::u16string content = SpanString(doc, a.content);
  q.text = a.kind != AttributionKind::kIndirect ? u"\u201C" + content + u"\u201D" : content;
  q.detail = Utf16(AttributionKindName(a.kind));
  if (a.outlet) q.detail += u", via " + SpanString(doc, *a.outlet);
  if (a.continuation) q.detail += u", continued";
  q.spans.push_back(a.content);
  if (InSidebar(a)) q.key = keys.Make("quote:" + NormaliseKeyText(content));
  FinishItem(q);
  q.folded += u" " + Fold(speaker);
  return q;
}

// Quotes under their speakers, speakers in the order of their first quote.
void AddQuotes(const Document& doc, const Report& report, FactListView view, KeyMaker& keys,
               FactGroup& quotes) {
  std::map<std::u16string, size_t> speaker_index;
  for (size_t i = 0; i < report.attributions.size(); ++i) {
    const Attribution& a = report.attributions[i];
    if (view == FactListView::kSidebar && !InSidebar(a)) continue;
    const std::u16string speaker = SpeakerName(doc, a, view);
    auto found = speaker_index.find(speaker);
    if (found == speaker_index.end()) {
      found = speaker_index.emplace(speaker, quotes.items.size()).first;
      quotes.items.emplace_back();
      quotes.items.back().text = speaker;
    }
    FactItem& s = quotes.items[found->second];
    s.children.push_back(QuoteItem(doc, a, speaker, keys));
    s.children.back().source = static_cast<int>(i);
    s.spans.push_back(a.content);
    ++quotes.count;
  }
  for (FactItem& s : quotes.items) {
    s.detail = Counted(s.children.size(), " quote", " quotes");
    FinishItem(s);
  }
}

// A figure row: "12 percent — 12 percent · percent".
FactItem FigureItem(const Document& doc, const Figure& f, KeyMaker& keys) {
  FactItem item;
  item.text = SpanString(doc, f.span);
  std::string detail = DetailValue(f) + " \u00B7 " + FigureKindName(f.kind);
  if (!f.note.empty()) detail += " (" + f.note + ")";
  item.detail = Utf16(detail);
  item.spans.push_back(f.span);
  if (f.span.valid())
    item.key = keys.Make(std::string("figure:") + FigureKindName(f.kind) + ":" +
                         NormaliseKeyText(item.text));
  FinishItem(item);
  return item;
}

void AddFigures(const Document& doc, const Report& report, FactListView view, KeyMaker& keys,
                FactGroup& figures) {
  for (size_t i = 0; i < report.figures.size(); ++i) {
    const Figure& f = report.figures[i];
    if (view == FactListView::kSidebar && !f.span.valid()) continue;
    figures.items.push_back(FigureItem(doc, f, keys));
    figures.items.back().source = static_cast<int>(i);
    ++figures.count;
  }
}

// A check row: "Lee Jae-myung is also spelled Lee. — Name variant"; its key
// names the checked text, so a message change keeps the mark.
FactItem CheckItem(const Document& doc, const Check& c, KeyMaker& keys) {
  FactItem item;
  item.text = c.message.empty() ? CheckKindLabel(c.kind) : Utf16(c.message);
  item.detail = CheckKindLabel(c.kind);
  if (c.holds) item.detail += *c.holds ? u", holds" : u", does not hold";
  std::string base = "check:" + c.kind + ":";
  for (size_t k = 0; k < c.spans.size(); ++k) {
    if (!c.spans[k].valid()) continue;
    item.spans.push_back(c.spans[k]);
    base += (k ? "|" : "") + NormaliseKeyText(SpanText(doc, c.spans[k]));
  }
  if (c.spans.empty()) base += NormaliseKeyText(item.text);
  item.key = keys.Make(base);
  FinishItem(item);
  return item;
}

void AddChecks(const Document& doc, const Report& report, KeyMaker& keys, FactGroup& checks) {
  for (size_t i = 0; i < report.checks.size(); ++i) {
    checks.items.push_back(CheckItem(doc, report.checks[i], keys));
    checks.items.back().source = static_cast<int>(i);
    ++checks.count;
  }
}

// ------------------------------------------------------------------ report order

Span FirstSpan(const FactItem& item) { return item.spans.empty() ? Span{} : item.spans[0]; }

// Most mentioned entities and most quoted speakers first (ties: the earlier
// first); checks to review before verified checks.
void SortForReport(const Report& report, std::vector<FactGroup>& groups) {
  auto by_mentions = [&](const FactItem& a, const FactItem& b) {
    const int ma = report.entity_list[a.source].mentions;
    const int mb = report.entity_list[b.source].mentions;
    if (ma != mb) return ma > mb;
    return FirstSpan(a) < FirstSpan(b);
  };
  for (FactGroupKind kind : {FactGroupKind::kPeople, FactGroupKind::kOrganisations,
                             FactGroupKind::kPlaces, FactGroupKind::kOther}) {
    std::vector<FactItem>& items = GroupOf(groups, kind).items;
    std::stable_sort(items.begin(), items.end(), by_mentions);
  }
  std::vector<FactItem>& speakers = GroupOf(groups, FactGroupKind::kQuotes).items;
  std::stable_sort(speakers.begin(), speakers.end(), [](const FactItem& a, const FactItem& b) {
    if (a.children.size() != b.children.size()) return a.children.size() > b.children.size();
    return FirstSpan(a) < FirstSpan(b);
  });
  std::vector<FactItem>& checks = GroupOf(groups, FactGroupKind::kChecks).items;
  std::stable_partition(checks.begin(), checks.end(), [&](const FactItem& c) {
    return report.checks[c.source].holds != true;
  });
}

}  // namespace

const char* FactGroupTitle(FactGroupKind kind) {
  switch (kind) {
    case FactGroupKind::kPeople: return "People";
    case FactGroupKind::kOrganisations: return "Organisations";
    case FactGroupKind::kPlaces: return "Places";
    case FactGroupKind::kOther: return "Other names";
    case FactGroupKind::kQuotes: return "Quotes";
    case FactGroupKind::kFigures: return "Figures";
    case FactGroupKind::kChecks: return "Checks";
  }
  return "";
}

std::vector<FactGroup> BuildFactList(const Document& doc, const Report& report,
                                     FactListView view) {
  KeyMaker keys;
  std::vector<FactGroup> groups = EmptyGroups();
  AddEntities(report, keys, groups);
  AddQuotes(doc, report, view, keys, GroupOf(groups, FactGroupKind::kQuotes));
  AddFigures(doc, report, view, keys, GroupOf(groups, FactGroupKind::kFigures));
  AddChecks(doc, report, keys, GroupOf(groups, FactGroupKind::kChecks));
  if (view == FactListView::kReport) {
    SortForReport(report, groups);
  } else if (GroupOf(groups, FactGroupKind::kOther).count == 0) {
    groups.erase(groups.begin() + static_cast<int>(FactGroupKind::kOther));
  }
  return groups;
}

const FactGroup* FindGroup(const std::vector<FactGroup>& groups, FactGroupKind kind) {
  for (const FactGroup& g : groups)
    if (g.kind == kind) return &g;
  return nullptr;
}

std::u16string FoldForFilter(const std::u16string& text) { return Fold(text); }

std::string NormaliseKeyText(const std::u16string& text) { return Utf8(Fold(text)); }

bool ItemMatches(const FactItem& item, const std::u16string& folded_filter) {
  if (folded_filter.empty() || item.folded.find(folded_filter) != std::u16string::npos)
    return true;
  for (const FactItem& child : item.children)
    if (ItemMatches(child, folded_filter)) return true;
  return false;
}

std::set<std::string> AllKeys(const std::vector<FactGroup>& groups) {
  std::set<std::string> keys;
  for (const FactGroup& g : groups) {
    for (const FactItem& item : g.items) {
      if (!item.key.empty()) keys.insert(item.key);
      for (const FactItem& child : item.children)
        if (!child.key.empty()) keys.insert(child.key);
    }
  }
  return keys;
}

std::u16string GroupLabel(const FactGroup& group, int shown) {
  std::u16string count = Utf16(std::to_string(group.count));
  if (shown != group.count) count = Utf16(std::to_string(shown)) + u"/" + count;
  return group.title + u" (" + count + u")";
}

}  // namespace factlens
