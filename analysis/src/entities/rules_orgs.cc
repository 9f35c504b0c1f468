// Organisation rules: the organisation lists, news cues and organisation words.
#include "entities/recognizer.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/embedded_data.h"
#include "common/strings.h"

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

// A name of the organisation lists (orgs.txt, orgs_compromise.txt) written
// capitalised is an organisation: "Volkswagen", "Federal Reserve", "IG
// Metall". A single word that is also a common English word ("Apple",
// "Shell") counts only when it is not the first word of its sentence. The
// tagger's mentions inside the match give way to it; a mention reaching past
// it is split at a connector ("Deutsche Bank and Goldman Sachs" -> two
// organisations) and otherwise kept, as is every person mention around it
// ("Nikola Tesla").
void Recognizer::KnownOrgs() {
  const std::vector<uint64_t> person_words = PersonNameWords();
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      const uint32_t g = GazPart(pd.info[i], kGazOrg);
      if (g != 1 + kB && g != 1 + kU) continue;
      const int e = GazMatchEnd(pd, i, kGazOrg);
      if (e < 0) break;
      if (!CasedName(pd, i, e) || (e - i == 1 && !ListedOrgWord(pd.info[i], person_words)))
        continue;
      if (TakeKnownOrg(static_cast<int>(p), i, e)) i = e - 1;
    }
  }
}

// Words of the tagger's multi-word person names, sorted (a short list, read by
// binary search): a listed single word among them ("Ford", "Dell") is taken for
// the person's name.
std::vector<uint64_t> Recognizer::PersonNameWords() const {
  std::vector<uint64_t> person_words;
  for (const Work& w : work_) {
    if (w.dead || w.type != kPerson || w.te - w.tb < 2) continue;
    const TokenInfo& first = paras_[w.para].info[w.tb];
    if ((first.flags & kInfFirstWord) && CommonOpener(first.lex)) continue;  // "Rival Honda"
    for (int k = w.tb; k < w.te; ++k) person_words.push_back(paras_[w.para].info[k].word);
  }
  std::sort(person_words.begin(), person_words.end());
  return person_words;
}

// A one-word match counts unless it is a common word opening a sentence
// ("Shell out") or a word of a person's name ("Ford" after "Gerald Ford").
bool Recognizer::ListedOrgWord(const TokenInfo& t, const std::vector<uint64_t>& person_words) {
  if (CommonOpener(t.lex) && !(t.flags & kInfAllCaps) && (t.flags & kInfFirstWord)) return false;
  return !std::binary_search(person_words.begin(), person_words.end(), t.word);
}

// Tokens [i, e) become an organisation; a mention reaching past them makes
// way (MakeWayForOrg) or keeps them from it (false).
bool Recognizer::TakeKnownOrg(int p, int i, int e) {
  const ParaData& pd = paras_[p];
  int outer = -1;
  for (int k = i; k < e; ++k) {
    const int o = pd.owner[k];
    if (o >= 0 && (work_[o].tb < i || work_[o].te > e)) outer = o;
  }
  Rest rest;
  if (outer >= 0 && !MakeWayForOrg(p, i, e, work_[outer], &rest)) return false;
  for (int k = std::min(i, rest.tb < 0 ? i : rest.tb); k < std::max(e, rest.te); ++k) KillAt(p, k);
  Commit(SpanOf(p, i, e, kOrg, 0.9f));
  if (rest.tb >= 0) AddCandidate(p, rest.tb, rest.te, rest.type, rest.conf);
  return true;
}

// The mention w reaches past a listed organisation at [i, e). A sentence
// opener in front is dropped ("Rival Honda"); a person keeps its name; a
// name joined by a connector or a country in front stays as the rest
// ("Deutsche Bank and Goldman Sachs", "U.S. Commerce Department").
bool Recognizer::MakeWayForOrg(int p, int i, int e, const Work& w, Rest* rest) {
  const ParaData& pd = paras_[p];
  const TokenInfo& f = pd.info[w.tb];
  rest->type = w.type;
  rest->conf = w.conf;
  if (w.te == e && w.tb == i - 1 && (f.flags & kInfFirstWord) && CommonOpener(f.lex) &&
      !(f.lex & kLexOrg)) {
    KillAt(p, w.tb);
  } else if (w.type == kPerson) {
    return false;
  } else if (w.tb >= i && w.te > e + 1 && IsConnector(pd, e)) {
    *rest = Rest{e + 1, w.te, rest->type, rest->conf};
  } else if (w.te <= e && w.tb < i - 1 && IsConnector(pd, i - 1)) {
    *rest = Rest{w.tb, i - 1, rest->type, rest->conf};
  } else if (w.te <= e && w.tb < i && CountryPrefix(pd, w.tb, i)) {
    *rest = Rest{w.tb, i, kPlace, rest->conf};
  } else {
    return false;
  }
  return true;
}

// Whether tokens [tb, te) are exactly a country ("Germany", "United States")
// or a listed place written as an abbreviation ("U.S.", "UK").
bool Recognizer::CountryPrefix(const ParaData& pd, int tb, int te) const {
  if (te <= tb) return false;
  const uint32_t lex = LexOfTokens(pd, tb, te);
  return (lex & kLexCountry) ||
         ((lex & kLexPlace) && (pd.info[tb].flags & kInfAllCaps));
}

bool Recognizer::IsConnector(const ParaData& pd, int i) const {
  return i >= 0 && i < static_cast<int>(pd.info.size()) &&
         OneOf(TokText(pd, i), {u"and"sv, u"&"sv, u","sv, u"or"sv});
}

// Whether a compound "X-based" stands right before token b ("Leeds-based
// Norvexa"): what is based somewhere is a company or a body.
bool Recognizer::BasedBefore(const ParaData& pd, int b) const {
  if (b < 1) return false;
  const std::u16string_view w = TokText(pd, b - 1);
  if (w.size() > 6 && EqualsFolded(w.substr(w.size() - 6), u"-based")) return true;
  return b >= 3 && EqualsFolded(w, u"based") && IsHyphen(pd, b - 2) && Glued(pd, b - 2) &&
         Glued(pd, b - 1);
}

// A person mention with nothing to support it: one word, no title, no census
// given name or surname, and no longer person of the document ending in it
// ("Trump" of "a Trump spokesman" is a surname; a company's name is none).
// `name_words`: the first and last words of the document's longer persons
// (PersonNameWords, filled once when first needed).
bool Recognizer::UnsupportedPerson(const Work& w,
                                   const std::unordered_set<uint64_t>& name_words) const {
  if (w.te - w.tb != 1 || w.titled() || w.cued) return false;
  const ParaData& pd = paras_[w.para];
  if (pd.info[w.tb].lex & (kLexFirst | kLexSurname)) return false;
  return !name_words.count(pd.info[w.tb].word);
}

// The first and last words (TokenInfo::word) of the persons of two words or more.
void Recognizer::PersonNameWords(std::unordered_set<uint64_t>* first,
                                 std::unordered_set<uint64_t>* last) const {
  for (const Work& o : work_) {
    if (o.dead || o.type != kPerson || o.te - o.tb < 2) continue;
    first->insert(paras_[o.para].info[o.tb].word);
    last->insert(paras_[o.para].info[o.te - 1].word);
  }
}

// Organisation cues of news copy, for capitalised words no list knows:
// "Vontobel chief executive …", "Vontobel's chairman", "Vontobel shares
// fell", "shares in Vontobel", "analysts at Vontobel", "whose Pheu Thai
// party". Words that are a country, a nationality or a title, runs the
// lexicons call a place ("Hong Kong shares"), persons ("a Trump
// spokesman"), a lone word the document writes as a person's surname
// ("Okafor's spokesman" after "Ada Okafor") and runs opening with a given name
// are left alone.
void Recognizer::OrgCues() {
  static const WordList kCueAfter("ner/org_cue_words.txt");
  auto cue_after = [](std::u16string_view w) { return kCueAfter.Has(w); };
  auto cue_before = [&](const ParaData& pd, int b) {
    if (b < 2) return false;
    const std::u16string_view w1 = TokText(pd, b - 1), w2 = TokText(pd, b - 2);
    return (OneOf(w1, {u"in"sv, u"of"sv}) && OneOf(w2, {u"shares"sv, u"stake"sv})) ||
           (EqualsFolded(w1, u"at") && OneOf(w2, {u"analysts"sv, u"economists"sv, u"strategists"sv,
                                                  u"analyst"sv, u"economist"sv}));
  };
  constexpr uint32_t kOtherReading = kLexCountry | kLexDemonym | kLexTitle |
                                     kLexCalendar;
  std::unordered_set<uint64_t> person_words;  // filled on the first cue over a person
  bool have_person_words = false;
  std::unordered_set<uint64_t> surnames;  // the last words of those persons
  auto name_words = [&]() -> const std::unordered_set<uint64_t>& {
    if (!have_person_words) {
      PersonNameWords(&person_words, &surnames);
      person_words.insert(surnames.begin(), surnames.end());
    }
    have_person_words = true;
    return person_words;
  };
  auto surname = [&](uint64_t word) {
    name_words();  // fills surnames
    return surnames.count(word) != 0;
  };
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int b = 0; b < n; ++b) {
      if (!IsCapWord(pd.info[b]) || (!RunStart(pd, b) && !BasedBefore(pd, b))) continue;
      if (b + 1 < n && BasedBefore(pd, b + 1)) continue;  // "Leeds-based": the name follows
      const int e = CapRunEnd(pd, b, /*stop_at_title=*/true);
      const int last = e - 1;
      const bool possessive = (pd.info[last].flags & kInfPossessive) != 0;
      const bool based = BasedBefore(pd, b);  // "Leeds-based Norvexa": strong, even for a place
      bool cue = based || cue_before(pd, b);
      if (!cue && e < n) {
        const std::u16string_view next = TokText(pd, e);
        const bool lower_next = IsLowerWord(pd.info[e]) || next == u"CEO";
        cue = lower_next && cue_after(next) && (possessive || !EqualsFolded(next, u"party") ||
                                                 !(pd.info[e].flags & kInfFirstWord));
        // "Siemens Chief Executive Roland Busch"
        int tb;
        if (!cue && IsCapWord(pd.info[e]) &&
            OneOf(next, {u"Chief"sv, u"Chairman"sv, u"Chairwoman"sv, u"CEO"sv}) &&
            IsTitleAt(pd, std::min(n - 1, e + 1), &tb))
          cue = tb == e || OneOf(next, {u"Chairman"sv, u"Chairwoman"sv, u"CEO"sv});
      }
      if (!cue) {
        b = e - 1;
        continue;
      }
      bool ok = !((pd.info[b].flags & kInfFirstWord) && CommonOpener(pd.info[b].lex)) &&
                !(e - b >= 2 && (pd.info[b].lex & kLexFirst));
      for (int k = b; k < e && ok; ++k) {
        const int o = pd.owner[k];
        ok = !(pd.info[k].lex & kOtherReading) && !(pd.info[k].flags & kInfAllCaps && e - b > 1) &&
             !IsFunctionWord(TokText(pd, k)) &&
             (o < 0 ? e - b > 1 || !surname(pd.info[k].word)
                    : ((work_[o].type != kPerson || UnsupportedPerson(work_[o], name_words())) &&
                       work_[o].type != kOrg && (work_[o].tb >= b || based) && work_[o].te <= e));
      }
      if (ok) ok = !(LexOfTokens(pd, b, e) & (based ? kLexCountry : kLexPlace | kLexCountry));
      const int o = pd.owner[b];
      if (o >= 0 && work_[o].type == kOrg && work_[o].tb == b && work_[o].te == e) {
        org_cued_.insert(work_[o].key);  // already typed: the cue is evidence all the same
      } else if (ok) {
        for (int k = b; k < e; ++k) KillAt(static_cast<int>(p), k);
        AddCandidate(static_cast<int>(p), b, e, kOrg, 0.75f);
        const int c = pd.owner[b];
        if (c >= 0 && work_[c].type == kOrg) org_cued_.insert(work_[c].key);
      }
      b = e - 1;
    }
  }
}

// Capitalised words ending in an organisation word are an organisation
// ("Hanwol Energy", "Provisional Government") when the tagger left them.
void Recognizer::OrgSuffixRule() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 1; i < n; ++i) {
      const TokenInfo& t = pd.info[i];
      if (!IsCapWord(t) || !(t.lex & kLexOrgSuffix) || !(t.flags & kInfSpaceBefore))
        continue;
      if (pd.owner[i] >= 0 && work_[pd.owner[i]].te - work_[pd.owner[i]].tb > 1) continue;
      int b = i;
      while (b > 0 && i - b < 4 && IsCapWord(pd.info[b - 1]) &&
             (pd.info[b].flags & kInfSpaceBefore) &&
             !(pd.info[b - 1].flags & kInfPossessive) &&
             !(pd.info[b - 1].lex & kLexTitle) && !IsFunctionWord(TokText(pd, b - 1))) {
        const int o = pd.owner[b - 1];
        if (o >= 0 && (work_[o].te - work_[o].tb > 1 || work_[o].type == kPerson)) break;
        --b;
      }
      if (b == i) continue;
      // a sentence-initial first word needs evidence beyond its capital
      if ((pd.info[b].flags & kInfFirstWord) && (pd.info[b].lex & kLexLower)) ++b;
      if (b == i) continue;
      for (int k = b; k <= i; ++k)
        if (pd.owner[k] >= 0) Kill(pd.owner[k]);
      AddCandidate(static_cast<int>(p), b, i + 1, kOrg, 0.7f);
      org_first_words_.insert(pd.info[b].word);
    }
  }
}

// An organisation head, a connector and a capitalised name after it are one
// organisation (org_of_heads.txt): "the Party of Northern Progress", "the Commission
// on Coastal Waters", "the Front for the Liberation of Eastmark" (invented). The name
// may hold "and", "of" and "for" (with "the") between capitals, not "in" (a city after
// the name: "the Institute of Tides in Port Rell"); capitals before the head join
// ("Liberal Party of Ruritania"); a month or weekday ends it ("the Council on Monday"); a
// title inside leaves it alone (the run went on into a person). Mentions inside make
// way; one reaching outside keeps its own.
void Recognizer::OrgOfNames() {
  // head (folded stem hash, as TokenInfo::word) -> the connectors it takes
  static const std::unordered_map<uint64_t, std::vector<std::u16string>>* const kHeads = [] {
    auto* heads = new std::unordered_map<uint64_t, std::vector<std::u16string>>;
    for (const std::vector<std::string_view>& row : EmbeddedRows("ner/org_of_heads.txt")) {
      uint64_t h = kFnvBasis;
      for (char16_t c : Utf16(row[0])) h = FnvAdd(h, FoldUnit(c));
      std::vector<std::u16string>& connectors = (*heads)[h];
      for (size_t k = 1; k < row.size(); ++k) connectors.push_back(Utf16(row[k]));
    }
    return heads;
  }();
  auto takes = [&](const TokenInfo& head, std::u16string_view connector) {
    const auto it = kHeads->find(head.word);
    if (it == kHeads->end()) return false;
    for (const std::u16string& c : it->second)
      if (EqualsFolded(connector, c)) return true;
    return false;
  };
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline || NoLowerContentWord(pd)) continue;
    const int n = static_cast<int>(pd.info.size());
    auto name_word = [&](int k) {
      return k < n && IsCapWord(pd.info[k]) && !(pd.info[k].lex & kLexCalendar) &&
             (pd.info[k].flags & kInfSpaceBefore) && !IsFunctionWord(TokText(pd, k));
    };
    for (int h = 0; h + 2 < n; ++h) {
      if (!IsCapWord(pd.info[h]) || (pd.info[h].flags & kInfPossessive) ||
          IsCapWord(pd.info[h + 1]) || !takes(pd.info[h], TokText(pd, h + 1)))
        continue;
      int k = h + 2;
      if (k < n && EqualsFolded(TokText(pd, k), u"the")) ++k;
      if (!name_word(k)) continue;
      int e = k + 1;
      bool titled = false;  // "... Relations National Executive Director": a title ends no name
      // a person named after the name is no part of it ("... Relations Ada Okafor said")
      auto person_at = [&](int q) {
        return pd.owner[q] >= 0 && work_[pd.owner[q]].type == kPerson && work_[pd.owner[q]].tb == q;
      };
      while (e < n && e - h < 12 && !person_at(e)) {
        const bool and_the = EqualsFolded(TokText(pd, e), u"and") && e + 1 < n &&
                             EqualsFolded(TokText(pd, e + 1), u"the");  // two bodies
        const int c = e + 1 < n && EqualsFolded(TokText(pd, e + 1), u"the") ? e + 2 : e + 1;
        if (name_word(e) && !(pd.info[e - 1].flags & kInfPossessive)) {
          titled |= (pd.info[e].lex & kLexTitle) != 0;
          ++e;
        } else if (c < n && !and_the && OneOf(TokText(pd, e), {u"and"sv, u"of"sv, u"for"sv}) &&
                   name_word(c) && !person_at(c)) {
          e = c;
        } else {
          break;
        }
      }
      if (titled) continue;
      while (e > k + 1 && OneOf(TokText(pd, e - 1), {u"and"sv, u"of"sv, u"for"sv, u"the"sv})) --e;
      int b = h;
      while (b > 0 && h - b < 3 && IsCapWord(pd.info[b - 1]) &&
             (pd.info[b].flags & kInfSpaceBefore) && !(pd.info[b - 1].flags & kInfPossessive) &&
             !(pd.info[b - 1].lex & kLexTitle) && !IsFunctionWord(TokText(pd, b - 1)) &&
             !((pd.info[b - 1].flags & kInfFirstWord) && (pd.info[b - 1].lex & kLexLower)))
        --b;
      if (OwnedOutside(pd, b, e)) continue;
      // the tagger's organisation already takes the head and a name after it
      const int o = pd.owner[b];
      if (o >= 0 && work_[o].type == kOrg && work_[o].tb == b && work_[o].te > k &&
          work_[o].te < e)
        continue;
      TakeSpan(static_cast<int>(p), b, e, kOrg, 0.75f);
      h = e - 1;
    }
  }
}

namespace {

// Whether token i is the one-character token c ("(", "&").
bool IsCharToken(const ParaData& pd, int i, char16_t c) {
  if (i < 0 || i >= static_cast<int>(pd.info.size())) return false;
  const Token& t = pd.pt->tokens[i];
  return t.end - t.begin == 1 && (*pd.text)[t.begin] == c;
}

// An acronym: one upper-case token of 2 to 8 letters ("OSCE", "NAPM").
bool IsAcronym(const ParaData& pd, int i) {
  if (i < 0 || i >= static_cast<int>(pd.info.size())) return false;
  const TokenInfo& t = pd.info[i];
  const std::u16string_view w = TokText(pd, i);
  if (!(t.flags & kInfAllCaps) || (t.flags & kInfDigit) || w.size() < 2 || w.size() > 8)
    return false;
  for (char16_t c : w)
    if (c < u'A' || c > u'Z') return false;
  return true;
}

// Whether the acronym spells the capitalised words of [b, e) from b: its
// letters are their initials in order, at most one word skipped ("London
// International Financial Futures and Options Exchange" -> "LIFFE").
bool Spells(const ParaData& pd, int b, int e, std::u16string_view acronym) {
  if (!IsCapWord(pd.info[b]) || FoldUnit(TokText(pd, b)[0]) != FoldUnit(acronym[0])) return false;
  size_t a = 0;
  int skipped = 0;
  for (int k = b; k < e; ++k) {
    if (!IsCapWord(pd.info[k])) {
      if (!IsFunctionWord(TokText(pd, k)) && !IsCharToken(pd, k, u'&')) return false;
      continue;
    }
    if (a < acronym.size() && FoldUnit(TokText(pd, k)[0]) == FoldUnit(acronym[a])) ++a;
    else if (++skipped > 1) return false;
  }
  return a == acronym.size();
}

}  // namespace

// The defining name of an acronym before "(" at token i: the earliest
// capitalised word from which the name up to i spells it, or -1.
int Recognizer::AcronymDefinition(const ParaData& pd, int i, std::u16string_view acronym) const {
  int b = i;
  while (b > 0 && i - b < 12 && (IsCapWord(pd.info[b - 1]) || IsFunctionWord(TokText(pd, b - 1)) ||
                                 IsCharToken(pd, b - 1, u'&')))
    --b;
  for (int s = b; s < i; ++s)
    if (IsCapWord(pd.info[s]) && !(pd.info[s].lex & kLexCalendar) && Spells(pd, s, i, acronym))
      return s;
  return -1;
}

// An acronym defined in the text ("the Organisation for Security and
// Cooperation in Europe (OSCE)", "the FOMC (Federal Open Market Committee)")
// is the defining name's organisation, as is the name; the acronym alone
// later in the document takes the same type.
void Recognizer::DefinedAcronyms() {
  std::unordered_map<uint64_t, int> defined;  // TokenInfo::word -> type
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 1; i + 2 < n; ++i) {
      if (!IsCharToken(pd, i, u'(')) continue;
      int ab = i + 1, nb = -1, ne = i;  // acronym token, name [nb, ne)
      if (IsAcronym(pd, i + 1) && IsCharToken(pd, i + 2, u')')) {
        nb = AcronymDefinition(pd, i, TokText(pd, i + 1));
      } else if (IsAcronym(pd, i - 1)) {
        ab = i - 1;
        ne = i + 1;
        while (ne < n && ne - i < 12 && !IsCharToken(pd, ne, u')')) ++ne;
        if (ne >= n || !Spells(pd, i + 1, ne, TokText(pd, ab))) continue;
        nb = i + 1;
      }
      if (nb < 0) continue;
      const int type = (LexOfTokens(pd, nb, ne) & kLexCountry) ? kPlace : kOrg;
      defined[pd.info[ab].word] = type;
      if (!OwnedOutside(pd, nb, ne)) {
        for (int k = nb; k < ne; ++k) KillAt(static_cast<int>(p), k);
        Commit(SpanOf(static_cast<int>(p), nb, ne, type, 0.8f));
      }
    }
  }
  if (!defined.empty()) AcronymUses(defined);
}

// Every use of a defined acronym takes its type.
void Recognizer::AcronymUses(const std::unordered_map<uint64_t, int>& defined) {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      if (!(pd.info[i].flags & kInfAllCaps)) continue;
      auto it = defined.find(pd.info[i].word);
      if (it == defined.end()) continue;
      const int o = pd.owner[i];
      if (o < 0) {
        Commit(SpanOf(static_cast<int>(p), i, i + 1, it->second, 0.8f));
      } else if (work_[o].tb == i && work_[o].te == i + 1) {
        work_[o].type = it->second;
        work_[o].needs_evidence = false;
      }
    }
  }
}

// Whether token i is a company's legal form (company_forms.txt: "Inc", "SA",
// "S.p.A."; a final period left out, as the token's stem hash has it).
bool Recognizer::LegalForm(const ParaData& pd, int i) const {
  static const WordList kForms("ner/company_forms.txt");
  return IsCapWord(pd.info[i]) && kForms.HasStem(pd.info[i].word);  // the stem: no final period
}

// A legal form right after a name the tagger left it out of ("Hollis Kemper
// Ltd" tagged "Hollis Kemper") or did not tag: the name with its form is the
// company. A person with a title, an outlet or a longer mention stays.
void Recognizer::LegalFormNames() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 1; i < n; ++i) {
      if (pd.owner[i] >= 0 || !(pd.info[i].flags & kInfSpaceBefore) ||
          !IsCapWord(pd.info[i - 1]) || !LegalForm(pd, i))
        continue;
      int b = i;
      const int o = pd.owner[i - 1];
      if (o >= 0) {
        const Work& w = work_[o];
        if (w.te != i || w.outlet || w.titled()) continue;
        b = w.tb;
      }
      // free capitalised words before it ("LM" of "LM Ericsson AB")
      while (b > 0 && i - b < 4 && IsCapWord(pd.info[b - 1]) && pd.owner[b - 1] < 0 &&
             (pd.info[b].flags & kInfSpaceBefore) && !(pd.info[b - 1].lex & kLexTitle) &&
             !(pd.info[b - 1].flags & kInfPossessive) && !IsFunctionWord(TokText(pd, b - 1)))
        --b;
      if (o < 0 || b < work_[o].tb) {
        if ((pd.info[b].flags & kInfFirstWord) && CommonOpener(pd.info[b].lex)) ++b;
        if (b == i || (o >= 0 && b > work_[o].tb)) continue;
      }
      if (o >= 0) Kill(o);
      Commit(SpanOf(static_cast<int>(p), b, i + 1, kOrg, 0.8f));
    }
  }
  LegalFormsAfterOf();
}

// "X of Y Ltd" is one company ("Gold Mines of Kenya Ltd", "First of Ohio
// Corp"): a mention ending in a legal form, after "of" and an organisation or
// free capitalised words, takes them in, whatever Y is (a country too).
void Recognizer::LegalFormsAfterOf() {
  for (size_t i = 0; i < work_.size(); ++i) {
    // A reference, not a copy: Kill and Commit change only `dead` and the
    // owners, and the deque keeps its elements in place as it grows.
    const Work& w = work_[i];
    if (w.dead || w.type != kOrg || w.outlet || w.tb < 2) continue;
    const ParaData& pd = paras_[w.para];
    if (!LegalForm(pd, w.te - 1) || TokText(pd, w.tb - 1) != u"of" ||
        !IsCapWord(pd.info[w.tb - 2]))
      continue;
    int b = w.tb - 2;
    const int o = pd.owner[b];
    if (o >= 0) {
      if (work_[o].type != kOrg || work_[o].te != w.tb - 1 || work_[o].outlet) continue;
      b = work_[o].tb;
    } else {
      while (b > 0 && w.tb - 1 - b < 4 && IsCapWord(pd.info[b - 1]) && pd.owner[b - 1] < 0 &&
             (pd.info[b].flags & kInfSpaceBefore) && !(pd.info[b - 1].lex & kLexTitle) &&
             !IsFunctionWord(TokText(pd, b - 1)))
        --b;
      if ((pd.info[b].flags & kInfFirstWord) && CommonOpener(pd.info[b].lex)) continue;
    }
    if (o >= 0) Kill(o);
    Kill(static_cast<int>(i));
    Commit(SpanOf(w.para, b, w.te, kOrg, 0.8f));
  }
}

// Organisation evidence anywhere in the document makes every mention of the
// name an organisation: a descriptor in front ("logistics company Norvexa",
// "chain Halvik"), "X said it", a company form after the name ("Halvik SA":
// "Halvik"; a name with a legal form is a company whatever the tagger said), a
// news cue (OrgCues). Persons with a title or a full name, outlets and
// nations stay.
void Recognizer::OrgEvidence() {
  static const WordList kDescriptors("ner/org_descriptor_words.txt");
  LegalFormNames();
  std::unordered_set<std::u16string> orgs = org_cued_;
  std::unordered_set<std::u16string> companies;  // names written with a legal form
  for (Work& w : work_) {
    if (w.dead) continue;
    const ParaData& pd = paras_[w.para];
    const int n = static_cast<int>(pd.info.size());
    const bool before = w.tb > 0 && IsLowerWord(pd.info[w.tb - 1]) &&
                        kDescriptors.Has(TokText(pd, w.tb - 1));
    const bool said_it = w.te + 1 < n && OneOf(TokText(pd, w.te), {u"said"sv, u"says"sv}) &&
                         OneOf(TokText(pd, w.te + 1), {u"it"sv, u"its"sv});
    if ((before || said_it) && w.type != kPlace) orgs.insert(w.key);
    if (w.te - w.tb >= 2 && !(pd.info[w.tb].lex & kLexLower) &&
        ((w.type == kOrg && (pd.info[w.te - 1].lex & kLexCompany)) || LegalForm(pd, w.te - 1))) {
      if (!w.outlet && !w.titled()) w.type = kOrg;
      const int begin = pd.pt->tokens[w.tb].begin, end = pd.pt->tokens[w.te - 2].end;
      std::u16string key = EntityNameKey(std::u16string_view(*pd.text).substr(begin, end - begin));
      if (LegalForm(pd, w.te - 1)) companies.insert(key);
      orgs.insert(std::move(key));
    }
  }
  if (orgs.empty()) return;
  std::unordered_set<uint64_t> words;  // one-word names: TokenInfo::word
  for (Work& w : work_) {
    if (w.dead || w.outlet || w.titled() || !orgs.count(w.key)) continue;
    if (w.te - w.tb == 1) words.insert(paras_[w.para].info[w.tb].word);
    if (w.type == kOrg || (w.type == kPerson && w.te - w.tb > 1 && !companies.count(w.key)))
      continue;
    if (w.type == kPlace && (LexOfTokens(paras_[w.para], w.tb, w.te) & kLexCountry)) continue;
    w.type = kOrg;
  }
  if (!words.empty()) OrgWordUses(words);
}

// A capitalised word standing alone whose name has organisation evidence,
// where no rule typed it ("Analysts expect Torvalek to ...").
void Recognizer::OrgWordUses(const std::unordered_set<uint64_t>& words) {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      if (pd.owner[i] >= 0 || !IsCapWord(pd.info[i]) || !words.count(pd.info[i].word)) continue;
      if (!RunStart(pd, i) || (i + 1 < n && IsCapWord(pd.info[i + 1]))) continue;
      Commit(SpanOf(static_cast<int>(p), i, i + 1, kOrg, 0.7f));
    }
  }
}

// A market index is no organisation: a name right before "index", "average",
// "composite" or "industrials" (also after a number: "Brixton 250 index") is
// MISC, as are the document's other mentions of it ("the Hallam average ...
// fell in the Hallam"), as wire-news annotation has it. An exchange's or a
// possessive name's index ("the Brixton Exchange index") leaves the name alone.
void Recognizer::IndexNames() {
  std::unordered_set<std::u16string> indexes;
  for (Work& w : work_) {
    if (w.dead || (w.type != kOrg && w.type != kPlace)) continue;
    const ParaData& pd = paras_[w.para];
    const int n = static_cast<int>(pd.info.size());
    // an exchange or "Standard & Poor's" has an index; it is not one
    if ((pd.info[w.te - 1].flags & kInfPossessive) || ContainsOrgSuffix(pd, w.tb, w.te) ||
        EqualsFolded(TokText(pd, w.te - 1), u"Exchange"))
      continue;
    int k = w.te;
    if (k + 1 < n && IsNumber(pd.info[k]) && !(pd.info[k].flags & kInfHasLetter)) ++k;
    if (k >= n || !IsLowerWord(pd.info[k]) ||
        !OneOf(TokText(pd, k), {u"index"sv, u"average"sv, u"composite"sv, u"industrials"sv,
                                u"industrial"sv}))
      continue;
    // "industrial" only as "industrial average" ("Dow Jones industrial average")
    if (EqualsFolded(TokText(pd, k), u"industrial") &&
        !(k + 1 < n && OneOf(TokText(pd, k + 1), {u"average"sv, u"index"sv})))
      continue;
    if (w.type == kPlace && (LexOfTokens(pd, w.tb, w.te) & (kLexPlace | kLexCountry))) continue;
    indexes.insert(w.key);
  }
  if (indexes.empty()) return;
  for (Work& w : work_) {
    if (w.dead || w.type != kOrg || !indexes.count(w.key)) continue;
    w.type = kMisc;  // an outlet's name used for its index ("Nikkei average") too
    w.outlet = false;
  }
}

// Names joined by "&" are one company ("Douglas & Lomason", "Schroder
// Wertheim & Co", "A.G. Edwards & Sons"), unless a side is a listed
// organisation ("Deutsche Bank & Goldman Sachs" stays two) or all its words
// are common words ("Air Conditioning & Electric Problems").
void Recognizer::AmpersandCompanies() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int k = 1; k + 1 < n; ++k) {
      if (!IsCharToken(pd, k, u'&') || !(pd.info[k].flags & kInfSpaceBefore) ||
          !(pd.info[k + 1].flags & kInfSpaceBefore))
        continue;
      int b = k, e = k + 1;
      while (b > 0 && k - b < 3 && IsCapWord(pd.info[b - 1]) &&
             !(pd.info[b - 1].lex & kLexTitle) && !IsFunctionWord(TokText(pd, b - 1)) &&
             TokText(pd, b - 1).find(u'-') == std::u16string_view::npos &&  // "Family-owned"

             (b == k || !(pd.info[b - 1].flags & kInfPossessive)))
        --b;
      while (e < n && e - k <= 3 && IsCapWord(pd.info[e]) && !IsFunctionWord(TokText(pd, e)) &&
             (e == k + 1 || (pd.info[e].flags & kInfSpaceBefore))) {
        ++e;
        if (pd.info[e - 1].flags & kInfPossessive) break;
      }
      if (b == k || e == k + 1) continue;
      bool listed = false, name = false;  // a word that is not a common word
      for (int i = b; i < e; ++i) {
        listed |= GazPart(pd.info[i], kGazOrg) != 0;
        name |= i != k && !(pd.info[i].lex & (kLexLower | kLexDict));
      }
      if (listed || !name || OwnedOutside(pd, b, e)) continue;
      for (int i = b; i < e; ++i) KillAt(static_cast<int>(p), i);
      Commit(SpanOf(static_cast<int>(p), b, e, kOrg, 0.8f));
      k = e - 1;
    }
  }
}

// "People's Bank of China", "Women's Tennis Association", "McDonald's Corp":
// a possessive inside a name. The possessor is a plural noun of
// possessive_name_heads.txt before a capitalised run that holds an
// organisation word or a mention, or any capitalised word right before a legal
// form. The run's own type is kept ("People's Republic of China": a place);
// otherwise the name is an organisation. "China's Foreign Ministry" and
// "Trump's lawyer" stay apart.
void Recognizer::PossessiveNames() {
  static const WordList kHeads("ner/possessive_name_heads.txt");
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int k = 0; k + 1 < n; ++k) {
      if (!IsCapWord(pd.info[k]) || !(pd.info[k].flags & kInfPossessive) ||
          !(pd.info[k + 1].flags & kInfSpaceBefore) || !IsCapWord(pd.info[k + 1]))
        continue;
      const bool legal_form = LegalForm(pd, k + 1);
      if (!legal_form && !kHeads.HasStem(pd.info[k].word)) continue;
      int e = k + 2;  // a legal form ends the name
      if (!legal_form) {
        e = k + 1;
        while (e < n && e - k <= 5 &&
               (IsCapWord(pd.info[e]) ||
                (EqualsFolded(TokText(pd, e), u"of") && e + 1 < n && IsCapWord(pd.info[e + 1])))) {
          ++e;
          if (pd.info[e - 1].flags & kInfPossessive) break;
        }
      }
      int type = kOrg;
      bool named = legal_form;
      for (int i = k + 1; i < e; ++i) {
        named |= (pd.info[i].lex & kLexOrgSuffix) != 0;
        if (pd.owner[i] >= 0) {
          named = true;
          type = work_[pd.owner[i]].type;
        }
      }
      if (!named || OwnedOutside(pd, k, e)) continue;
      KillOwners(pd, k, e);
      Commit(SpanOf(static_cast<int>(p), k, e, type, 0.8f));
      k = e - 1;
    }
  }
}

}  // namespace ner
}  // namespace factlens
