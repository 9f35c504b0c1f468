// Document-wide rules: one type per name, places and demonyms, the house list.
#include "entities/recognizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

// Readings of a word other than an organisation's first word.
constexpr uint32_t kOtherUse = kLexFirst | kLexSurname | kLexPlace | kLexCountry | kLexDemonym |
                               kLexLower;

// One name, one type per document: a mention typed against the clear
// majority of the same name's mentions takes the majority type.
void Recognizer::ConsistentTypes() {
  MajorityTypes();
  OrgFirstWordTypes();
  PropagateWordTypes();
  LonePlaceNames();
}

namespace {

// `w` takes the type of the clear majority of the votes of its key's mentions.
void TakeMajorityType(const std::array<int, 4>& v, Work* w) {
  if (w->titled() || w->outlet) return;
  const int total = v[0] + v[1] + v[2] + v[3];
  for (int t = 0; t < 4; ++t)
    if (t != w->type && v[t] * 2 > total) w->type = t;
  if (w->te - w->tb > 1 && w->type != kPerson && v[kPerson] * 2 >= total) w->type = kPerson;
}

}  // namespace

// A mention typed against the clear majority of the same name's mentions takes
// the majority type; a multi-word name also written as a person is a person
// ("Park Jaehoon").
void Recognizer::MajorityTypes() {
  // The live mentions grouped by key (sorted, not hashed into a map: no node
  // and no key copied per name); each group's votes are counted before any
  // type changes.
  std::vector<int> live;
  for (size_t idx = 0; idx < work_.size(); ++idx)
    if (!work_[idx].dead) live.push_back(static_cast<int>(idx));
  std::sort(live.begin(), live.end(), [&](int a, int b) { return work_[a].key < work_[b].key; });
  for (size_t g = 0; g < live.size();) {
    size_t e = g;
    std::array<int, 4> v = {0, 0, 0, 0};
    for (; e < live.size() && work_[live[e]].key == work_[live[g]].key; ++e)
      ++v[work_[live[e]].type];
    for (size_t k = g; k < e; ++k) TakeMajorityType(v, &work_[live[k]]);
    g = e;
  }
}

// "Hanwol" after "Hanwol Energy": the organisation, unless a person's name.
void Recognizer::OrgFirstWordTypes() {
  for (const Work& w : work_)
    if (!w.dead && w.type == kOrg && w.te - w.tb > 1 &&
        (paras_[w.para].info[w.te - 1].lex & kLexOrgSuffix))
      org_first_words_.insert(paras_[w.para].info[w.tb].word);
  for (Work& w : work_) {
    if (w.dead || w.te - w.tb != 1 || w.titled() ||
        (w.type != kPerson && w.type != kPlace))
      continue;
    const ParaData& pd = paras_[w.para];
    if (!org_first_words_.count(pd.info[w.tb].word)) continue;
    if (pd.info[w.tb].lex & kOtherUse) continue;
    w.type = kOrg;
  }
}

// The label a word got elsewhere in the document, where the tagger left it
// ("Hanwol’s chief executive" after "Hanwol Energy"; "make Sines" after
// "Sines" was tagged a place): mid-sentence capitalised words that are not
// common words, not beside other capitalised words. Persons are left to
// PropagatePersons (name parts).
void Recognizer::PropagateWordTypes() {
  std::unordered_map<uint64_t, int> single_type;
  for (const Work& w : work_) {
    if (w.dead || w.te - w.tb != 1 || w.titled() || w.type == kPerson) continue;
    const TokenInfo& t = paras_[w.para].info[w.tb];
    if (t.lex & (kLexLower | kLexTitle)) continue;
    auto it = single_type.try_emplace(t.word, w.type).first;
    if (it->second != w.type) it->second = -1;  // typed two ways: no evidence
  }
  if (org_first_words_.empty() && single_type.empty()) return;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      const int type = WordTypeAt(pd, i, single_type);
      if (type >= 0) Commit(SpanOf(static_cast<int>(p), i, i + 1, type, 0.8f));
    }
  }
}

// The type token i takes from the document (PropagateWordTypes), or -1.
int Recognizer::WordTypeAt(const ParaData& pd, int i,
                           const std::unordered_map<uint64_t, int>& single_type) const {
  const int n = static_cast<int>(pd.info.size());
  const TokenInfo& t = pd.info[i];
  // A dictionary proper noun ("November", "Korean") the tagger left here
  // is no case for propagation.
  if (pd.owner[i] >= 0 || !IsCapWord(t) || (t.lex & kLexDictName)) return -1;
  int type = -1;
  if (!(t.lex & kOtherUse) && org_first_words_.count(t.word)) {
    type = kOrg;
  } else if (!(t.flags & kInfFirstWord) && !(t.lex & kLexLower)) {
    auto it = single_type.find(t.word);
    if (it != single_type.end()) type = it->second;
  }
  if (type < 0) return -1;
  // glued to a neighbour ("Hanwol-led") or followed by another capitalised word
  if ((i > 0 && !(t.flags & kInfSpaceBefore) && !(pd.info[i - 1].flags & kInfPunct)) ||
      (i + 1 < n && IsCapWord(pd.info[i + 1]) && (pd.info[i + 1].flags & kInfSpaceBefore)))
    return -1;
  return type;
}

// A lone place name is a place unless it is also a personal name ("Jordan" may
// be a person; a country's name is a place even where it is a given name:
// "China", "India") or the document writes it as a part of a person's name:
// after a title ("President Okafor", where a gazetteer also lists a town
// Okafor) or in a longer name ("Georgia Lindqvist").
void Recognizer::LonePlaceNames() {
  std::unordered_set<uint64_t> name_words;
  for (const Work& w : work_) {
    if (w.dead || w.type != kPerson || DoubtfulPerson(w)) continue;
    const ParaData& pd = paras_[w.para];
    if (w.te - w.tb > 1) name_words.insert(pd.info[w.tb].word);
    if (w.te - w.tb > 1 || w.titled()) name_words.insert(pd.info[w.te - 1].word);
  }
  for (Work& w : work_) {
    if (w.dead || w.type != kPerson || w.te - w.tb != 1 || w.titled() || w.cued) continue;
    const TokenInfo& t = paras_[w.para].info[w.tb];
    const bool place = (t.lex & kLexCountry) || ((t.lex & kLexPlace) && !(t.lex & kLexFirst));
    if (place && !(t.lex & kLexSurname) && !name_words.count(t.word)) w.type = kPlace;
  }
}

// A name right before a lower-case geographic word is a place ("the Indus
// river", "Sindh province"); nationality adjectives the tagger left are MISC
// ("Kenyan police" opening a sentence).
void Recognizer::PlacesAndDemonyms() {
  for (Work& w : work_) {
    if (w.dead || w.type == kPerson || w.type == kPlace || w.outlet) continue;
    const ParaData& pd = paras_[w.para];
    if (w.te >= static_cast<int>(pd.info.size())) continue;
    const TokenInfo& next = pd.info[w.te];
    if (IsLowerWord(next) && (next.lex & kLexPlaceWord) && (next.flags & kInfSpaceBefore))
      w.type = kPlace;
  }
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      const uint32_t g = GazPart(pd.info[i], kGazDemonym);
      if (g != 1 + kU && g != 1 + kB) continue;
      const int e = GazMatchEnd(pd, i, kGazDemonym);
      if (e < 0) break;
      bool free = CasedName(pd, i, e);
      for (int k = i; k < e && free; ++k) free = pd.owner[k] < 0;
      if (free) {
        Work w = SpanOf(static_cast<int>(p), i, e, kMisc, 0.8f);
        Commit(std::move(w));
      }
      i = e - 1;
    }
  }
}

namespace {

// Whether w is a software version: digits, a dot and one digit ("4.0", "11.2").
bool VersionNumber(std::u16string_view w) {
  const size_t dot = w.find(u'.');
  if (dot == 0 || dot == std::u16string_view::npos || dot + 2 != w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (i != dot && (w[i] < u'0' || w[i] > u'9')) return false;
  return true;
}

}  // namespace

// A name of two words or more before a version number is a product, MISC
// ("Harbor Software Reader 3.0 or higher"), unless a lower-case word that is
// no function word follows the number ("Halvern Bank 2.5 billion").
void Recognizer::VersionedProducts() {
  for (Work& w : work_) {
    if (w.dead || w.type != kOrg || w.te - w.tb < 2 || w.outlet) continue;
    const ParaData& pd = paras_[w.para];
    const int n = static_cast<int>(pd.info.size());
    if (w.te >= n || !VersionNumber(TokText(pd, w.te))) continue;
    if (w.te + 1 < n && IsLowerWord(pd.info[w.te + 1]) &&
        !IsFunctionWord(TokText(pd, w.te + 1)))
      continue;
    w.type = kMisc;
  }
}

// A station is a place, whatever organisation its name reads as ("Kestrel
// Space Station", "Dunmore Hospital Station"): a mention typed ORG that ends
// in "Station", not an outlet.
void Recognizer::StationPlaces() {
  for (Work& w : work_) {
    if (w.dead || w.type != kOrg || w.outlet || w.te - w.tb < 2) continue;
    if (TokText(paras_[w.para], w.te - 1) == u"Station"sv) w.type = kPlace;
  }
}

// A nationality or a religion typed a name is MISC ("the Canadian won", "the
// Bosnian government", "Islam"): a mention that is exactly one nationality word
// or one gazetteer match of them, not an outlet, not titled, not before another
// capitalised word; a person only where the word is no given name or surname
// ("Christian") and no part of a longer person's name in the document (a
// businessman "Cuban" after his full name).
void Recognizer::DemonymNames() {
  for (Work& w : work_) {
    if (w.dead || w.type == kMisc || w.outlet || w.titled()) continue;
    const ParaData& pd = paras_[w.para];
    if (w.type == kPerson &&
        ((pd.info[w.tb].lex & (kLexFirst | kLexSurname)) || parts_.count(w.key)))
      continue;
    const bool one = w.te - w.tb == 1 && (pd.info[w.tb].lex & kLexDemonym);
    const bool match = GazPart(pd.info[w.tb], kGazDemonym) == 1 + kB &&
                       GazMatchEnd(pd, w.tb, kGazDemonym) == w.te;
    if (!one && !match && !DemonymsOnly(w)) continue;
    if (w.te < static_cast<int>(pd.info.size()) && IsCapWord(pd.info[w.te])) continue;
    w.type = kMisc;
  }
}

// Whether mention w is nationalities only: two or more words that each are
// one ("Sunni Arab"), or one word of them joined by hyphens
// ("Greek-Turkish").
bool Recognizer::DemonymsOnly(const Work& w) const {
  const ParaData& pd = paras_[w.para];
  if (w.te - w.tb > 1) {
    for (int k = w.tb; k < w.te; ++k)
      if (!(pd.info[k].lex & kLexDemonym)) return false;
    return true;
  }
  const std::u16string_view t = TokText(pd, w.tb);
  size_t i = 0;
  int parts = 0;
  while (i <= t.size()) {
    size_t j = t.find(u'-', i);
    if (j == std::u16string_view::npos) j = t.size();
    if (j == i || !(LexOf(t.substr(i, j - i)) & kLexDemonym)) return false;
    ++parts;
    i = j + 1;
  }
  return parts > 1;
}

// A place and a party's word after it are two names, whatever one mention the
// tagger made of them ("South Dakota Democratic" -> the state and MISC,
// invented): the mention is split at its last word.
void Recognizer::PlaceThenDemonym() {
  const size_t count = work_.size();
  for (size_t idx = 0; idx < count; ++idx) {
    // A reference, not a copy: Kill and Commit change only `dead` and the
    // owners, and the deque keeps its elements in place as it grows.
    const Work& w = work_[idx];
    if (w.dead || (w.type != kPlace && w.type != kOrg) || w.te - w.tb < 2 || w.outlet) continue;
    const ParaData& pd = paras_[w.para];
    const TokenInfo& last = pd.info[w.te - 1];
    // a party's word: a nationality-like adjective that is also a common word
    // ("republican", "democratic"), no place itself; not "Indians" or "Irish" of a
    // club's name, not "West Jersey"
    if (!(last.lex & kLexDemonym) || !(last.lex & kLexDict) || (last.flags & kInfPossessive) ||
        (last.lex & (kLexPlace | kLexCountry)) ||
        !(LexOfTokens(pd, w.tb, w.te - 1) & (kLexPlace | kLexCountry)))
      continue;
    SplitOffLastWord(idx, kPlace);
  }
}

// A country is a place even where a list of nationalities holds its name
// ("Hong Kong", "Faroe Islands" are nationalities there): a MISC mention that
// is exactly a country name of countries.txt is a place, and so is a one-word place
// name before a title ("Vermont Sen. Ada Okafor": a state, not a nationality).
void Recognizer::CountriesNotMisc() {
  for (Work& w : work_) {
    if (w.dead || w.type != kMisc) continue;
    const ParaData& pd = paras_[w.para];
    const bool one = w.te - w.tb == 1 && (pd.info[w.tb].lex & kLexCountry) &&
                     GazPart(pd.info[w.tb], kGazCountry) == 1 + kU;
    const bool match = GazPart(pd.info[w.tb], kGazCountry) == 1 + kB &&
                       GazMatchEnd(pd, w.tb, kGazCountry) == w.te;
    const bool before_title =
        w.te - w.tb == 1 && w.te < static_cast<int>(pd.info.size()) &&
        (pd.info[w.tb].lex & kLexPlace) &&
        !(pd.info[w.tb].lex & (kLexDemonym | kLexFirst | kLexSurname)) &&
        ((pd.info[w.te].lex & kLexTitle) || GazPart(pd.info[w.te], kGazTitle) == 1 + kB);
    if (one || match || before_title) w.type = kPlace;
  }
}

// The country abbreviations copy writes before a noun ("US troops", "UK meals", "7 US
// soldiers"), which the tagger misses where they open a sentence or follow a figure:
// a place wherever no mention holds them; "US" only where no neighbour is in capitals
// too and not in a headline ("HELP US" is the pronoun).
void Recognizer::CountryAbbreviations() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      if (pd.owner[i] >= 0 || !(pd.info[i].flags & kInfCap)) continue;
      const std::u16string_view t = TokText(pd, i);
      const bool us = t == u"US";
      if (!us && !OneOf(t, {u"U.S."sv, u"UK"sv, u"U.K."sv, u"USA"sv, u"U.S.A."sv, u"UAE"sv}))
        continue;
      if (us && (pd.headline || (i > 0 && (pd.info[i - 1].flags & kInfAllCaps)) ||
                 (i + 1 < n && (pd.info[i + 1].flags & kInfAllCaps))))
        continue;
      if (i + 1 < n && u_charType(TokText(pd, i + 1)[0]) == U_CURRENCY_SYMBOL) continue;  // US$ 5
      Commit(SpanOf(static_cast<int>(p), i, i + 1, kPlace, 0.8f));
    }
  }
}

// A person's name before a word of a building, a square or an institution
// names the place or the organisation ("the Lindqvist Tower", "Okafor
// Research"; named_after_places.txt, named_after_orgs.txt): a person mention of
// two words or more that the tagger ran up to that word takes its type.
void Recognizer::NamedAfterPersons() {
  static const WordList kPlaces("ner/named_after_places.txt");
  static const WordList kOrgs("ner/named_after_orgs.txt");
  for (Work& w : work_) {
    if (w.dead || w.type != kPerson || w.te - w.tb < 2 || w.titled()) continue;
    const ParaData& pd = paras_[w.para];
    const TokenInfo& last = pd.info[w.te - 1];
    if (!IsCapWord(last) || (last.flags & kInfPossessive)) continue;
    const std::u16string_view word = TokText(pd, w.te - 1);
    if (kPlaces.Has(word))
      w.type = kPlace;
    else if (kOrgs.Has(word))
      w.type = kOrg;
  }
}

// A weekday or a month is no name ("voters go to the polls Tuesday", tagged a
// person where a document's other mentions of the word were). A mention's
// final calendar words are cut off ("Okafor Friday" -> "Okafor"); nothing left,
// or only function words ("In January"), drops the mention; one event word
// before them makes an event ("Super Tuesday", "Good Friday": MISC; the figures'
// figures/day_name_words.txt, where the same words keep a weekday from a date).
// A calendar word before a name's particle names a festival ("Eid al-Adha",
// "Cinco de Mayo": MISC).
void Recognizer::CalendarWords() {
  static const WordList kEventWords("figures/day_name_words.txt");
  const size_t count = work_.size();
  for (size_t idx = 0; idx < count; ++idx) {
    // A reference, not a copy: Kill and Commit change only `dead` and the
    // owners, and the deque keeps its elements in place as it grows.
    const Work& w = work_[idx];
    if (w.dead || w.type == kMisc) continue;
    const ParaData& pd = paras_[w.para];
    if (w.te - w.tb >= 2 && (pd.info[w.tb].lex & kLexCalendar) && NameJoint(pd, w.tb + 1)) {
      work_[idx].type = kMisc;  // a festival
      continue;
    }
    int e = w.te;
    while (e > w.tb && (pd.info[e - 1].lex & kLexCalendar)) --e;
    if (e == w.te) continue;
    bool function_words = true;
    for (int k = w.tb; k < e; ++k)
      function_words = function_words && IsFunctionWord(TokText(pd, k));
    if (w.type == kOrg && e > w.tb && !function_words) continue;  // "Tuesday Morning Corp"
    Kill(static_cast<int>(idx));
    if (e == w.tb || function_words) continue;
    if (e == w.tb + 1 && kEventWords.Has(TokText(pd, w.tb))) {
      Commit(SpanOf(w.para, w.tb, w.te, kMisc, w.conf));
      continue;
    }
    Work rest = SpanOf(w.para, w.tb, e, w.type, w.conf);
    rest.KeepTitleOf(w);
    Commit(std::move(rest));
  }
}

// A mention that is exactly a common abbreviation written in capitals ("CEO",
// "GDP", "RFP"; data/ner/common_acronyms.txt) names nothing: dropped.
void Recognizer::CommonAcronyms() {
  static const WordList kAcronyms("ner/common_acronyms.txt");
  for (size_t idx = 0; idx < work_.size(); ++idx) {
    const Work& w = work_[idx];
    if (w.dead || w.te - w.tb != 1) continue;
    const ParaData& pd = paras_[w.para];
    if ((pd.info[w.tb].flags & kInfAllCaps) && kAcronyms.Has(TokText(pd, w.tb)))
      Kill(static_cast<int>(idx));
  }
}

namespace {

// Whether t is a state of the United States (data/ner/us_states.txt): a name,
// or a two-letter code in capitals (capitalised too where `title_code`).
bool IsUsState(std::u16string_view t, bool title_code) {
  static const WordList kStates("ner/us_states.txt");
  if (!kStates.Has(t)) return false;
  if (t.size() != 2) return true;
  return t[0] >= u'A' && t[0] <= u'Z' && ((t[1] >= u'A' && t[1] <= u'Z') || title_code);
}

bool IsDirectionWord(std::u16string_view w) {
  return OneOf(w, {u"North"sv, u"South"sv, u"East"sv, u"West"sv, u"New"sv, u"Upper"sv,
                   u"Lower"sv, u"Northern"sv, u"Southern"sv, u"Eastern"sv, u"Western"sv,
                   u"Central"sv, u"Upstate"sv});
}

}  // namespace

// A place and a state of the United States are two places: "Ridgeford
// Nevada" and "Ridgeford Nv" are split (not a listed place as a whole, not a
// direction before the state: "West Virginia", not a state that is also a
// personal name), and a state's code after a
// place and a comma ("Ridgeford, NV", before the end, punctuation or a ZIP
// code) is a place.
void Recognizer::StatesAfterPlaces() {
  const size_t count = work_.size();
  for (size_t idx = 0; idx < count; ++idx) {
    const Work w = work_[idx];
    if (w.dead || w.type != kPlace) continue;
    const ParaData& pd = paras_[w.para];
    if (w.te - w.tb >= 2) {
      const int k = StateAtEnd(pd, w);
      if (k < 0) continue;
      Kill(static_cast<int>(idx));
      Commit(SpanOf(w.para, w.tb, k, kPlace, w.conf));
      Commit(SpanOf(w.para, k, w.te, kPlace, w.conf));
    } else {
      StateCodeAfter(w);
    }
  }
}

// The first token of a state ending place mention w, after a place's name of
// its own, or -1.
int Recognizer::StateAtEnd(const ParaData& pd, const Work& w) const {
  const std::u16string_view text(*pd.text);
  for (int k = std::max(w.tb + 1, w.te - 2); k < w.te; ++k) {
    if (!IsCapWord(pd.info[k]) || !IsCapWord(pd.info[k - 1])) continue;
    const int begin = pd.pt->tokens[k].begin;
    if (!IsUsState(text.substr(begin, w.end - begin), /*title_code=*/true)) continue;
    if (LexOfTokens(pd, w.tb, w.te) & (kLexPlace | kLexCountry)) return -1;
    // "Lake Michigan", "Republican Ohio": a common word before the state
    if (pd.info[k - 1].lex & (kLexLower | kLexDict | kLexPlaceWord)) return -1;
    if (k - w.tb == 1 && IsDirectionWord(TokText(pd, w.tb))) return -1;
    // A capitalised code ("Ridgeford Nv") only after a listed place.
    if (w.end - begin == 2 && !(LexOfTokens(pd, w.tb, k) & kLexPlace)) return -1;
    // "Washington", "Georgia": a surname or a given name after a given name
    if (k + 1 == w.te && (pd.info[k].lex & (kLexFirst | kLexSurname))) return -1;
    return k;
  }
  return -1;
}

// A state's code in capitals after place w and a comma: a place.
void Recognizer::StateCodeAfter(const Work& w) {
  const ParaData& pd = paras_[w.para];
  const int n = static_cast<int>(pd.info.size());
  const int c = w.te + 1;
  if (c >= n || TokText(pd, w.te) != u","sv || pd.owner[c] >= 0 ||
      TokText(pd, c).size() != 2 || !IsUsState(TokText(pd, c), /*title_code=*/false))
    return;
  if (c + 1 < n && !(pd.info[c + 1].flags & (kInfPunct | kInfDigit))) return;
  Commit(SpanOf(w.para, c, c + 1, kPlace, w.conf));
}

// A storm is named by a storm word before its name ("Hurricane Rita",
// "Tropical Storm Ana"; data/ner/storm_words.txt): one MISC mention, "Tropical"
// or "Winter" before the word included. The name alone elsewhere in the
// document ("Rita was upgraded") is MISC too, unless it is part of a person's
// full name there.
void Recognizer::StormNames() {
  static const WordList kStormWords("ner/storm_words.txt");
  std::unordered_set<uint64_t> storms;  // TokenInfo::word of the storms' names
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i + 1 < n; ++i) {
      if (!IsCapWord(pd.info[i]) || !kStormWords.HasStem(pd.info[i].word) ||
          !IsCapWord(pd.info[i + 1]) || !(pd.info[i + 1].flags & kInfSpaceBefore))
        continue;
      const int b = i > 0 && OneOf(TokText(pd, i - 1), {u"Tropical"sv, u"Winter"sv}) ? i - 1 : i;
      if (OwnedOutside(pd, b, i + 2)) continue;
      KillOwners(pd, b, i + 2);
      Commit(SpanOf(static_cast<int>(p), b, i + 2, kMisc, 0.9f));
      storms.insert(pd.info[i + 1].word);
    }
  }
  if (storms.empty()) return;
  for (Work& w : work_) {
    if (w.dead || w.te - w.tb != 1 || w.type == kMisc) continue;
    const TokenInfo& t = paras_[w.para].info[w.tb];
    if (storms.count(t.word) && !part_words_.count(t.word)) w.type = kMisc;
  }
}

// A house name found verbatim extends or types an overlapping mention;
// otherwise it becomes a mention typed by the lexicons.
void Recognizer::HouseNames() {
  if (house_.empty()) return;
  for (const std::u16string& name : house_) {
    if (name.size() < 2) continue;
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      const std::u16string& text = *pd.text;
      for (size_t at = text.find(name); at != std::u16string::npos;
           at = text.find(name, at + 1)) {
        const auto& toks = pd.pt->tokens;
        int tb = -1, te = -1;
        for (size_t i = 0; i < toks.size(); ++i) {
          if (toks[i].begin == static_cast<int>(at)) tb = static_cast<int>(i);
          if (toks[i].end == static_cast<int>(at + name.size())) te = static_cast<int>(i) + 1;
        }
        if (tb < 0 || te <= tb) continue;
        int type = -1;
        for (int k = tb; k < te; ++k)
          if (pd.owner[k] >= 0) {
            const Work& o = work_[pd.owner[k]];
            if (o.tb < tb || o.te > te) type = -2;
            else if (type == -1) type = o.type;
          }
        if (type == -2) continue;
        if (type == -1) {
          const uint32_t bits = pd.info[tb].lex;
          type = (bits & (kLexFirst | kLexSurname)) ? kPerson
                 : (bits & (kLexPlace | kLexCountry)) ? kPlace
                                                               : kOrg;
        }
        for (int k = tb; k < te; ++k)
          if (pd.owner[k] >= 0) Kill(pd.owner[k]);
        Work w;
        w.para = static_cast<int>(p);
        w.tb = tb;
        w.te = te;
        w.type = type;
        w.conf = 0.9f;
        w.begin = static_cast<int>(at);
        w.end = static_cast<int>(at + name.size());
        if (type == kPerson) AttachTitle(pd, &w);
        Commit(std::move(w));
      }
    }
  }
}

// A place noun, "of" and a capitalised name are a place (place_of_nouns.txt): "the
// eastern town of Varnholm", "the province of Ostria" (invented). The name (up to three
// capitalised words, no month or weekday) becomes a place where no mention holds it, or
// where one holds exactly it.
void Recognizer::PlacesAfterPlaceNouns() {
  static const WordList kNouns("ner/place_of_nouns.txt");
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i + 2 < n; ++i) {
      if (IsCapWord(pd.info[i]) || !IsCapWord(pd.info[i + 2]) ||
          !EqualsFolded(TokText(pd, i + 1), u"of") || !kNouns.HasStem(pd.info[i].word))
        continue;
      const int b = i + 2;
      const int e = CapRunEnd(pd, b, false);
      // a longer capitalised run, or one holding a month, a weekday or a function word:
      // not read here
      bool other = e - b > 3 || (e < n && IsCapWord(pd.info[e]) &&
                                 (pd.info[e].flags & kInfSpaceBefore));
      for (int k = b; k < e && !other; ++k)
        other = (pd.info[k].lex & kLexCalendar) || IsFunctionWord(TokText(pd, k));
      if (other) continue;
      if (OwnedOutside(pd, b, e)) continue;
      const int o = pd.owner[b];
      if (o >= 0) {
        if (work_[o].tb == b && work_[o].te == e && !work_[o].outlet) work_[o].type = kPlace;
        continue;
      }
      Commit(SpanOf(static_cast<int>(p), b, e, kPlace, 0.75f));
    }
  }
}

// A geographic word, "of" and a name are one place ("Gulf of Mexico", "Strait
// of Hormuz", "Isle of Man"; data/ner/place_words.txt): the tagger often takes
// the name alone. Left alone when the geographic word is already part of a
// mention, or a person or an organisation is inside.
void Recognizer::FeatureOfPlaces() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i + 2 < n; ++i) {
      if (!IsCapWord(pd.info[i]) || !(pd.info[i].lex & kLexPlaceWord) ||
          (!RunStart(pd, i) && !EqualsFolded(TokText(pd, i - 1), u"the")) ||
          !EqualsFolded(TokText(pd, i + 1), u"of"))
        continue;
      int j = i + 2;
      if (j + 1 < n && EqualsFolded(TokText(pd, j), u"the")) ++j;
      if (!IsCapWord(pd.info[j]) || (pd.info[j].lex & kLexPlaceWord)) continue;
      const int e = CapRunEnd(pd, j, true);
      if (pd.owner[i] >= 0 || OwnedOutside(pd, i, e)) continue;
      bool other = false;
      for (int k = i; k < e; ++k) {
        const int o = pd.owner[k];
        other |= o >= 0 && (work_[o].type == kPerson || work_[o].type == kOrg);
      }
      if (other) continue;
      KillOwners(pd, i, e);
      Commit(SpanOf(static_cast<int>(p), i, e, kPlace, 0.9f));
      i = e - 1;
    }
  }
}

// Place names written in lower case, as web text does ("from mexico", "in
// san francisco"): two lower-case words that the place or country lists hold
// together, neither a dictionary or common word ("old city", "tampa bay" stay
// out; a given name or a surname may be one: "san marcos"); or one word of four letters or more that is a country, or a place the
// dictionary lists as a proper noun, and no dictionary or common word
// ("china", "turkey", "nice" stay words; "midfield", a GeoNames village, too).
void Recognizer::LowerCasePlaces() {
  constexpr uint32_t kPlaceBits = kLexPlace | kLexCountry;
  constexpr uint32_t kWordBits = kLexDict | kLexLower | kLexFirst | kLexSurname | kLexCalendar |
                                 kLexTitle | kLexDemonym;
  constexpr uint32_t kPairWordBits = kWordBits & ~(kLexFirst | kLexSurname);
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      const TokenInfo& t = pd.info[i];
      if (!IsLowerWord(t) || (t.flags & kInfDigit) || pd.owner[i] >= 0) continue;
      int e = -1;
      if (i + 1 < n && IsLowerWord(pd.info[i + 1]) && pd.owner[i + 1] < 0 &&
          (pd.info[i + 1].flags & kInfSpaceBefore) && !(pd.info[i + 1].flags & kInfDigit) &&
          !(t.lex & kPairWordBits) && !(pd.info[i + 1].lex & kPairWordBits) &&
          (LexOfTokens(pd, i, i + 2) & kPlaceBits))
        e = i + 2;
      else if ((t.lex & kPlaceBits) && !(t.lex & kWordBits) &&
               ((t.lex & kLexCountry) || (t.lex & kLexDictName)) &&
               pd.pt->tokens[i].end - pd.pt->tokens[i].begin >= 4)
        e = i + 1;
      if (e < 0) continue;
      Commit(SpanOf(static_cast<int>(p), i, e, kPlace, 0.6f));
      i = e - 1;
    }
  }
}

}  // namespace ner
}  // namespace factlens
