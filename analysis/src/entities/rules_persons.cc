// Person rules: titles, hyphenated given names, appositions, surname
// evidence and the propagation of name parts.
#include "entities/recognizer.h"

#include <unordered_set>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

// Capitalised words right after a person title or a kinship word are a
// name: "Speaker Woo Wonshik", "his wife Peng Liyuan".
void Recognizer::TitleRule() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i + 1 < n; ++i) {
      int b;
      if (!IsTitleAt(pd, i, &b) &&
          !((pd.info[i].lex & kLexGenderWord) && IsLowerWord(pd.info[i])))
        continue;
      // the whole title must end here
      const uint32_t g = (pd.info[i].gaz >> 9) & 7;
      if (g == 1 + kB || g == 1 + kI) continue;
      int j = i + 1;
      if (j < n && (*pd.text)[pd.pt->tokens[j].begin] == u'.' && Glued(pd, j)) ++j;
      int e = j;
      while (e < n && e - j < 3 && IsCapWord(pd.info[e]) && !(pd.info[e].flags & kInfAllCaps) &&
             (pd.info[e].flags & kInfSpaceBefore) && !(pd.info[e].lex & kLexTitle)) {
        ++e;
        while (e + 1 < n && HyphenContinuation(pd, e)) e += 2;
        if (pd.info[e - 1].flags & kInfPossessive) break;
      }
      if (e == j || ContainsOrgSuffix(pd, j, e)) continue;
      if (e - j == 1 && (pd.info[j].lex & kLexLower)) continue;
      bool person_already = false, blocked = false;
      for (int k = j; k < e; ++k) {
        const int o = pd.owner[k];
        if (o < 0) continue;
        if (work_[o].type == kPerson) person_already = true;
        else if (work_[o].tb < j || work_[o].te > e) blocked = true;
      }
      if (person_already || blocked) continue;
      for (int k = j; k < e; ++k)
        if (pd.owner[k] >= 0) Kill(pd.owner[k]);
      AddCandidate(static_cast<int>(p), j, e, kPerson, 0.8f);
    }
  }
}

// A title, "of" and its portfolio, then the name: "Minister of Foreign Affairs
// Ivo Marek" (invented), where the tagger found nothing or ran the portfolio into
// the name. Narrow on purpose ("director of the Vermont Green Party",
// "Chief of Staff" before a given name the place lists hold, were read wrong
// by a looser first version): the title capitalised; the portfolio capitalised
// dictionary words or countries (with "and" or "for" between them); the name two
// or three capitalised words, the first a listed given name or a word no list or
// dictionary holds.
void Recognizer::PortfolioTitles() {
  constexpr uint32_t kPortfolio = kLexDict | kLexLower | kLexCountry;
  constexpr uint32_t kNotGiven = kPortfolio | kLexPlace | kLexDemonym | kLexTitle | kLexOrg |
                                 kLexOrgSuffix | kLexOutlet | kLexOutletWord | kLexCalendar;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i + 4 < n; ++i) {
      int b;
      if (!IsCapWord(pd.info[i]) || !IsTitleAt(pd, i, &b) || TokText(pd, i + 1) != u"of") continue;
      const uint32_t g = GazPart(pd.info[i], kGazTitle);
      if (g == 1 + kB || g == 1 + kI) continue;
      int j = i + 2;
      if (TokText(pd, j) == u"the") ++j;
      const int first = j;
      while (j + 1 < n) {
        const TokenInfo& t = pd.info[j];
        if (IsCapWord(t) && (t.lex & kPortfolio) && !(t.flags & kInfPossessive)) {
          ++j;
        } else if (j > first && IsCapWord(pd.info[j + 1]) &&
                   OneOf(TokText(pd, j), {u"and"sv, u"for"sv})) {
          ++j;
        } else {
          break;
        }
      }
      int e = j;
      while (e < n && e - j < 3 && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore) &&
             !(pd.info[e].lex & kLexTitle) && !(pd.info[e - 1].flags & kInfPossessive))
        ++e;
      if (j == first || e - j < 2 || (pd.info[j - 1].flags & kInfPossessive)) continue;
      const TokenInfo& given = pd.info[j];
      if (!(given.lex & kLexFirst) && ((given.lex & kNotGiven) || given.gaz != 0)) continue;
      TakePortfolioName(static_cast<int>(p), j, e);
      i = e - 1;
    }
  }
}

void Recognizer::TakePortfolioName(int p, int j, int e) {
  const ParaData& pd = paras_[p];
  const int o = pd.owner[j];
  if (o >= 0 && work_[o].type == kPerson && work_[o].tb == j) return;  // the tagger's
  for (int k = j; k < e; ++k)
    if (pd.owner[k] >= 0 && work_[pd.owner[k]].te > e) return;  // a mention runs on
  Rest rest;
  if (o >= 0 && work_[o].tb < j) {
    const bool place = LexOfTokens(pd, work_[o].tb, j) & (kLexPlace | kLexCountry);
    rest = {work_[o].tb, j, place ? kPlace : work_[o].type, work_[o].conf};
  }
  KillOwners(pd, j, e);
  if (rest.tb >= 0) AddCandidate(p, rest.tb, rest.te, rest.type, rest.conf);
  AddCandidate(p, j, e, kPerson, 0.8f);
}

void Recognizer::HyphenNameRule() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i + 1 < n; ++i) {
      const TokenInfo& t = pd.info[i];
      if (!IsCapWord(t) || (t.flags & (kInfAllCaps | kInfPossessive)) ||
          !(pd.info[i + 1].flags & kInfSpaceBefore) || !HyphenGivenName(pd, i + 1))
        continue;
      const std::u16string_view w = TokText(pd, i);
      if (IsFunctionWord(w) || (t.lex & (kLexTitle | kLexDemonym | kLexCountry)))
        continue;
      const int o0 = pd.owner[i], o1 = pd.owner[i + 1];
      if (o0 >= 0 && o0 == o1) continue;  // already one name
      bool ok = true;
      for (int o : {o0, o1})
        if (o >= 0 && (work_[o].te - work_[o].tb > 1 || work_[o].type != kPerson)) ok = false;
      if (!ok) continue;
      if (o0 >= 0) Kill(o0);
      if (o1 >= 0) Kill(o1);
      AddCandidate(static_cast<int>(p), i, i + 2, kPerson, 0.8f);
    }
  }
}

// "X, an associate professor at ...": an apposition with a role makes X a person.
void Recognizer::AppositionRule() {
  static const WordList kRoles("ner/apposition_roles.txt");
  for (Work& w : work_) {
    if (w.dead || w.type == kPerson || w.outlet) continue;
    const ParaData& pd = paras_[w.para];
    const int n = static_cast<int>(pd.info.size());
    if (w.te - w.tb > 3 || ContainsOrgSuffix(pd, w.tb, w.te)) continue;
    if (w.te >= n || TokText(pd, w.te) != u",") continue;
    int i = w.te + 1;
    if (i < n && OneOf(TokText(pd, i), {u"a"sv, u"an"sv})) ++i;
    else continue;
    bool role = false;
    for (int k = i; k < n && k < i + 5; ++k) {
      const std::u16string_view t = TokText(pd, k);
      if (OneOf(t, {u","sv, u"at"sv, u"of"sv, u"with"sv, u"from"sv, u"for"sv, u"in"sv})) break;
      role |= kRoles.Has(t);
    }
    if (role) w.type = kPerson;
  }
}

// News names a person in full once and by one name after: "Elon Musk" …
// "Musk told investors"; "Xi Jinping" … "Xi said". A run of two or three
// capitalised words (not a known place, country, organisation or outlet,
// no organisation word or title in it) is a person when its first or last
// word stands alone elsewhere in the document as the subject of a speech
// verb ("Musk said", "said Musk") or after a title ("Mr Musk"). The
// tagger's mentions inside the run give way; PropagatePersons then links
// the bare uses. Also: a person continues over a name particle ("Luiz
// Inacio Lula da Silva", "Charles de Gaulle").
void Recognizer::SurnameEvidence() {
  const std::unordered_set<uint64_t> evidenced = SpokenNames();
  if (!evidenced.empty()) PersonsFromSpokenNames(evidenced);
  NameParticles();
}

namespace {

bool IsSpeechVerb(std::u16string_view w) {
  static const WordList kVerbs("ner/speech_verbs.txt");
  return kVerbs.Has(w);
}

// A lone capitalised word (no capitalised neighbour but a title) after a
// title ("Mr Musk"), before a speech verb ("Musk said") or after "said".
bool SpokenName(const ParaData& pd, int i) {
  const int n = static_cast<int>(pd.info.size());
  const TokenInfo& t = pd.info[i];
  if (!IsCapWord(t) || (t.flags & kInfAllCaps) || (t.lex & kLexTitle)) return false;
  const bool title_before = i > 0 && (pd.info[i - 1].lex & kLexTitle) && IsCapWord(pd.info[i - 1]);
  const bool cap_before = i > 0 && IsCapWord(pd.info[i - 1]) && (t.flags & kInfSpaceBefore);
  const bool cap_after = i + 1 < n && IsCapWord(pd.info[i + 1]) &&
                         (pd.info[i + 1].flags & kInfSpaceBefore);
  if (cap_after || (cap_before && !title_before)) return false;
  return title_before || (i + 1 < n && IsSpeechVerb(TokText(pd, i + 1))) ||
         (i > 0 && OneOf(TokText(pd, i - 1), {u"said"sv, u"says"sv, u"added"sv, u"asked"sv}));
}

// Whether no word of [i, e) reads as anything but a name part. A word that is
// a place is common in names ("Elon", "Paris"); the whole run must not be one
// (checked by the caller).
bool OnlyNameWords(const ParaData& pd, int i, int e) {
  constexpr uint32_t kNotPerson = kLexCountry | kLexOrg | kLexOutlet | kLexOrgSuffix |
                                  kLexTitle | kLexDemonym;
  bool ok = !((pd.info[i].flags & kInfFirstWord) && CommonOpener(pd.info[i].lex));
  for (int k = i; k < e && ok; ++k)
    ok = !(pd.info[k].lex & kNotPerson) && !(pd.info[k].gaz & kGazNotPlace) &&
         !IsFunctionWord(TokText(pd, k));
  return ok;
}

// A Dutch or German double particle: "van der", "van den", "von dem" (either case).
bool DoubleParticle(std::u16string_view first, std::u16string_view second) {
  return OneOf(first, {u"van"sv, u"von"sv}) && OneOf(second, {u"der"sv, u"den"sv, u"dem"sv});
}

bool IsNameParticleAfter(std::u16string_view w) {
  return OneOf(w, {u"da"sv, u"de"sv, u"do"sv, u"dos"sv, u"das"sv, u"van"sv, u"von"sv, u"der"sv,
                   u"den"sv, u"del"sv, u"della"sv, u"di"sv, u"du"sv, u"bin"sv, u"ibn"sv, u"al"sv,
                   u"el"sv, u"le"sv, u"la"sv, u"ter"sv, u"y"sv});
}

// A lone capitalised word as the subject of a speech verb ("Okafor said") or
// after one at a clause's end ("..., said Okafor."); not a nationality.
bool Speaker(const ParaData& pd, int i) {
  const int n = static_cast<int>(pd.info.size());
  if ((pd.info[i].lex & kLexDemonym) || !SpokenName(pd, i)) return false;
  if (i + 1 < n && IsSpeechVerb(TokText(pd, i + 1))) return true;
  return i + 1 == n || (pd.info[i + 1].flags & kInfPunct);
}

// Whether token i is followed by a relative clause or an age that only a
// person takes: ", who", ", whose", ", 45,"; not after a comma or a
// preposition ("of Ashwick, Vermont, who": the clause is the person's before).
bool PersonClauseAfter(const ParaData& pd, int i) {
  const int n = static_cast<int>(pd.info.size());
  if (i + 2 >= n || TokText(pd, i + 1) != u","sv) return false;
  if (i > 0 && OneOf(TokText(pd, i - 1), {u","sv, u"of"sv, u"in"sv, u"from"sv, u"at"sv,
                                          u"near"sv, u"to"sv}))
    return false;
  const std::u16string_view next = TokText(pd, i + 2);
  if (next == u"who"sv || next == u"whose"sv) return true;
  return i + 3 < n && next.size() == 2 && (pd.info[i + 2].flags & kInfDigit) &&
         TokText(pd, i + 3) == u","sv;
}

// Whether token i reads as a surname rather than a people or a place's
// adjective: not a country or a nationality, not hyphenated ("Ostrava-born"),
// not an "-ian" adjective unless a listed name.
bool PlainSurname(const ParaData& pd, int i) {
  const TokenInfo& t = pd.info[i];
  if ((t.lex & (kLexCountry | kLexDemonym)) || pd.pt->tokens[i].Has(kTokHyphenated)) return false;
  if (t.lex & (kLexFirst | kLexSurname)) return true;
  const std::u16string_view w = TokText(pd, i);
  return w.size() <= 3 || w.substr(w.size() - 3) != u"ian"sv;
}

}  // namespace

// The words (TokenInfo::word) that stand alone as a speaker or after a title.
std::unordered_set<uint64_t> Recognizer::SpokenNames() const {
  std::unordered_set<uint64_t> evidenced;
  for (const ParaData& pd : paras_) {
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i)
      if (SpokenName(pd, i)) evidenced.insert(pd.info[i].word);
  }
  return evidenced;
}

// Runs of two or three capitalised words whose first or last word is evidenced.
void Recognizer::PersonsFromSpokenNames(const std::unordered_set<uint64_t>& evidenced) {
  constexpr uint32_t kRunNotPerson = kLexPlace | kLexCountry | kLexOrg | kLexOutlet;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      if (!IsCapWord(pd.info[i]) || (pd.info[i].flags & kInfAllCaps) || !RunStart(pd, i))
        continue;
      const int e = CapRunEnd(pd, i, /*stop_at_title=*/false);
      const int len = e - i;
      if (len < 2 || len > 3) continue;
      if (!evidenced.count(pd.info[i].word) && !evidenced.count(pd.info[e - 1].word)) continue;
      if (!OnlyNameWords(pd, i, e) || (LexOfTokens(pd, i, e) & kRunNotPerson)) continue;
      if (OwnedOutside(pd, i, e) || HasPersonOf(pd, i, e, len)) continue;
      for (int k = i; k < e; ++k) KillAt(static_cast<int>(p), k);
      AddCandidate(static_cast<int>(p), i, e, kPerson, 0.8f);
      i = e - 1;
    }
  }
}

// Whether a person mention of `len` tokens owns a token of [b, e).
bool Recognizer::HasPersonOf(const ParaData& pd, int b, int e, int len) const {
  for (int k = b; k < e; ++k) {
    const int o = pd.owner[k];
    if (o >= 0 && work_[o].type == kPerson && work_[o].te - work_[o].tb == len) return true;
  }
  return false;
}

// A person continues over a name particle and up to two capitalised words.
void Recognizer::NameParticles() {
  for (size_t idx = 0; idx < work_.size(); ++idx) {
    if (work_[idx].dead || work_[idx].type != kPerson) continue;
    const int p = work_[idx].para;
    const ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    const int te = work_[idx].te;
    if (te + 1 >= n || (pd.info[te - 1].flags & kInfPossessive)) continue;
    if (!IsNameParticleAfter(TokText(pd, te)) || !(pd.info[te].flags & kInfSpaceBefore)) continue;
    int e = te + 1;
    while (e < n && e - te <= 2 && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore)) {
      ++e;
      if (pd.info[e - 1].flags & kInfPossessive) break;
    }
    if (e == te + 1) continue;
    bool blocked = false;
    for (int k = te + 1; k < e; ++k) {
      const int o = pd.owner[k];
      if (o >= 0 && (work_[o].tb <= te || work_[o].te > e || work_[o].type == kPerson))
        blocked = true;
    }
    if (blocked) continue;
    for (int k = te + 1; k < e; ++k) KillAt(p, k);
    const int tb = work_[idx].tb;
    Kill(static_cast<int>(idx));
    AddCandidate(p, tb, e, kPerson, 0.8f);
  }
}

namespace {

// A first word that names no person by itself: a word of the dictionary, a
// listed country, nationality, organisation or outlet, a title, a geographic or
// calendar word ("Jebel", "Eid"), or part of a listed name other than a place's
// (the place lists hold given names as villages: "Bashar").
bool NotAGivenName(const TokenInfo& t) {
  constexpr uint32_t kNotGiven = kLexDict | kLexLower | kLexCountry | kLexDemonym | kLexTitle |
                                 kLexOrg | kLexOrgSuffix | kLexOutlet | kLexOutletWord |
                                 kLexPlaceWord | kLexCalendar;
  return (t.lex & kNotGiven) || (t.gaz & kGazNotPlace);
}

}  // namespace

// Names joined by particles are one person (MarkNameConnectors): the tagger splits
// "Osama bin Laden" at its connector, leaves "Bashar al-Assad" untagged after a
// preposition and takes "Souza" alone from "Ana de Souza" (invented). The capitalised
// words around a connector, a particle or an article-led word (up to three before
// it, no title, nationality or country among them) become one person when a piece
// of them is a person and none an organisation or a place, or, untagged, when the
// joint is Arabic and the first word no common or listed word ("Ansar al-Sharia"
// is a group and stays the tagger's).
void Recognizer::ParticleNames() {
  constexpr uint32_t kNotNamePart = kLexTitle | kLexDemonym | kLexCountry;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    auto name_word = [&](int k) {
      const TokenInfo& t = pd.info[k];
      return IsCapWord(t) && !(t.lex & kNotNamePart) && GazPart(t, kGazTitle) == 0 &&
             !((t.flags & kInfFirstWord) && CommonOpener(t.lex));  // "Midfielder Ana de ..."
    };
    for (int k = 1; k + 1 < n; ++k) {
      if (!NameJoint(pd, k) || !(pd.info[k].flags & kInfSpaceBefore) || !name_word(k - 1) ||
          (pd.info[k - 1].flags & kInfPossessive))
        continue;
      int b = k - 1;
      while (b > 0 && k - b < 3 && name_word(b - 1) && (pd.info[b].flags & kInfSpaceBefore) &&
             !(pd.info[b - 1].flags & kInfPossessive))
        --b;
      int e = k + 1;
      while (e < n && e - b < 5 && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore) &&
             !(pd.info[e - 1].flags & kInfPossessive))
        ++e;
      if (NameJoint(pd, e - 1) && !pd.pt->tokens[e - 1].Has(kTokHyphenated)) continue;
      if (!OwnedOutside(pd, b, e)) JoinParticleName(static_cast<int>(p), b, k, e);
      k = e - 1;
    }
  }
}

// Tokens [b, e) with the joint at `joint` become one person, unless the tagger
// read the joint or the whole as an organisation or a place; a place or an
// organisation of the words before the joint alone ("Bashar", a village too)
// makes way.
void Recognizer::JoinParticleName(int p, int b, int joint, int e) {
  const ParaData& pd = paras_[p];
  bool person = false;
  for (int k = b; k < e; ++k) {
    const int o = pd.owner[k];
    if (o < 0) continue;
    const Work& w = work_[o];
    if ((w.type == kOrg || w.type == kPlace) && (w.te > joint || NotAGivenName(pd.info[w.tb])))
      return;
    person |= w.type == kPerson;
  }
  // untagged: only an Arabic name is taken on its first word (a European particle
  // also joins places and companies: "Rio de Janeiro", "Banco de Mexico")
  const std::u16string_view j = TokText(pd, joint);
  const bool arabic = pd.pt->tokens[joint].Has(kTokHyphenated) || IsArabicConnector(j) ||
                      IsArabicArticleApart(j);
  // "van der", "von der": a Dutch or German double particle joins persons only
  const bool double_particle = joint + 1 < e && DoubleParticle(j, TokText(pd, joint + 1));
  if (!person && (!(arabic || double_particle) || NotAGivenName(pd.info[b]))) return;
  if (pd.owner[b] >= 0 && pd.owner[b] == pd.owner[e - 1]) return;
  KillOwners(pd, b, e);
  Work w = SpanOf(p, b, e, kPerson, 0.85f);
  AttachTitle(pd, &w);
  Commit(std::move(w));
}

// A Dutch or German double particle written capitalised opens a surname: "Van der
// Merwe said", "Von der Hoeven" (invented) are one person, whatever the tagger made of
// the last word; an organisation or a place there stays, and so does a longer
// capitalised run ("Van der Valk Hotels").
void Recognizer::CapitalParticleNames() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int k = 0; k + 2 < n; ++k) {
      if (!IsCapWord(pd.info[k]) || !OneOf(TokText(pd, k), {u"van"sv, u"von"sv})) continue;
      if (k > 0 && IsCapWord(pd.info[k - 1]) && (pd.info[k].flags & kInfSpaceBefore)) continue;
      // the second particle in lower case as written (MarkNameConnectors may have marked
      // it a joint); opening a name, "Van de" counts too
      const std::u16string_view second = TokText(pd, k + 1);
      if (!(DoubleParticle(TokText(pd, k), second) || EqualsFolded(second, u"de")) ||
          second[0] != u'd' || !IsCapWord(pd.info[k + 2]))
        continue;
      const int e = k + 3;  // one surname word; a longer capitalised run is left alone
      if (e < n && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore) &&
          !(pd.info[e - 1].flags & kInfPossessive))
        continue;
      if (OwnedOutside(pd, k, e)) continue;
      bool org_or_place = false;
      for (int q = k; q < e; ++q)
        org_or_place |= pd.owner[q] >= 0 && (work_[pd.owner[q]].type == kOrg ||
                                             work_[pd.owner[q]].type == kPlace);
      if (org_or_place) continue;
      KillOwners(pd, k, e);
      Commit(SpanOf(static_cast<int>(p), k, e, kPerson, 0.8f));
      k = e - 1;
    }
  }
}

// A bare surname that the document's full name writes after a particle ("bin
// Laden" after "Osama bin Laden", "da Costa" after "Ines da Costa") keeps the
// particle: the mention grows over the lower-case particle before it, and a
// MISC the surname was demoted to becomes the person again.
void Recognizer::ParticleSurnames() {
  std::unordered_set<uint64_t> after_particle;  // surnames written after a particle
  for (const Work& w : work_) {
    if (w.dead || w.type != kPerson || w.te - w.tb < 3) continue;
    const ParaData& pd = paras_[w.para];
    if (IsNameParticleAfter(TokText(pd, w.te - 2))) after_particle.insert(pd.info[w.te - 1].word);
  }
  if (after_particle.empty()) return;
  const size_t count = work_.size();
  for (size_t idx = 0; idx < count; ++idx) {
    // A reference, not a copy: Kill and Commit change only `dead` and the
    // owners, and the deque keeps its elements in place as it grows.
    const Work& w = work_[idx];
    if (w.dead || w.te - w.tb != 1 || w.tb < 1 || (w.type != kPerson && w.type != kMisc)) continue;
    const ParaData& pd = paras_[w.para];
    const int q = w.tb - 1;  // the particle
    if (!IsNameParticleAfter(TokText(pd, q)) || !(pd.info[w.tb].flags & kInfSpaceBefore) ||
        !after_particle.count(pd.info[w.tb].word) || pd.owner[q] >= 0)
      continue;
    if (q > 0 && IsCapWord(pd.info[q - 1]) && (pd.info[q].flags & kInfSpaceBefore))
      continue;  // a given name before it: the tagger's business ("Osama bin Laden")
    Kill(static_cast<int>(idx));
    Work grown = SpanOf(w.para, q, w.te, kPerson, w.conf);
    grown.KeepTitleOf(w);
    Commit(std::move(grown));
  }
}

// First and last whitespace-separated pieces of a multi-word person name.
void Recognizer::PersonParts(const Work& w, std::u16string* first, std::u16string* last) const {
  const ParaData& pd = paras_[w.para];
  std::u16string_view text = std::u16string_view(*pd.text).substr(w.begin, w.end - w.begin);
  size_t sp = text.find(u' ');
  size_t rsp = text.rfind(u' ');
  if (sp == std::u16string_view::npos) {
    first->clear();
    last->clear();
    return;
  }
  *first = EntityNameKey(text.substr(0, sp));
  *last = EntityNameKey(text.substr(rsp + 1));
}

// Name parts of the document's persons, and its multi-word names, are found
// again where the tagger left them: "Musk" after "Elon Musk", "Xi-Lee summit",
// "Hanwol Energy" written again.
void Recognizer::PropagatePersons() {
  CollectNames();
  if (parts_.empty() && multi_names_.empty()) return;
  for (size_t p = 0; p < paras_.size(); ++p) {
    if (paras_[p].headline) continue;
    const int n = static_cast<int>(paras_[p].info.size());
    for (int i = 0; i < n; ++i) PropagateAt(static_cast<int>(p), i);
  }
}

// A person mention with a place name first (one word that a dictionary lists and that is no
// personal name, or several words) or an institution's word ("Senate"), and a capitalised
// dictionary word last (a party, a nationality) that is no personal name either ("Ohio
// Democratic", "North Dakota Democratic", "Senate Democrats": the tagger read a state or a
// chamber and a party as a name): its words are not spread to the rest of the document as a
// person's name parts, and it is split into its two names (RepairPersonSpans).
bool Recognizer::DoubtfulPerson(const Work& w) const {
  if (w.te - w.tb < 2 || w.titled() || w.cued) return false;
  const ParaData& pd = paras_[w.para];
  const TokenInfo& first = pd.info[w.tb];
  const TokenInfo& last = pd.info[w.te - 1];
  constexpr uint32_t kName = kLexFirst | kLexSurname;
  constexpr uint32_t kPlaceName = kLexPlace | kLexCountry;
  const bool place = w.te - w.tb == 2 ? (first.lex & kPlaceName) && (first.lex & kLexDictName) &&
                                            !(first.lex & kName)
                                      : (LexOfTokens(pd, w.tb, w.te - 1) & kPlaceName) != 0;
  const bool body = w.te - w.tb == 2 && (first.lex & (kLexOrgSuffix | kLexOrg)) &&
                    !(first.lex & kLexFirst);  // "Senate Democrats"
  return (place || body) && (last.lex & kLexDictName) && (last.lex & kLexDict) &&
         !(last.lex & kName);
}

// multi_names_ and their first words; parts_ (name part -> distinct full-name
// keys) and part_words_.
void Recognizer::CollectNames() {
  parts_.clear();
  for (const Work& w : work_) {
    if (!w.dead && w.te - w.tb >= 2 && w.type != kMisc) {
      multi_names_.try_emplace(w.key, w.type);
      multi_first_words_.insert(paras_[w.para].info[w.tb].word);
    }
  }
  for (const Work& w : work_) {
    if (w.dead || w.type != kPerson || DoubtfulPerson(w)) continue;
    std::u16string f, l;
    PersonParts(w, &f, &l);
    if (f.empty()) continue;
    parts_[f].insert(w.key);
    parts_[l].insert(w.key);
    const ParaData& pd = paras_[w.para];
    part_words_.insert(pd.info[w.tb].word);
    part_words_.insert(pd.info[w.te - 1].word);
  }
}

void Recognizer::PropagateAt(int p, int i) {
  const ParaData& pd = paras_[p];
  const int n = static_cast<int>(pd.info.size());
  const TokenInfo& t = pd.info[i];
  if (!IsCapWord(t) || (t.flags & kInfAllCaps)) return;
  if (const int h = CapHyphen(pd, i); h >= 0) {  // "Xi-Lee summit"
    SplitNamePair(p, i, h);
    return;
  }
  if (pd.owner[i] < 0 && multi_first_words_.count(t.word) && TryKnownName(p, i)) return;
  if (!part_words_.count(t.word)) return;
  // Only a whole word: not glued to a neighbour ("Xi-Lee" is fine: hyphen).
  const std::u16string key = PartKey(pd, i);
  if (key.empty() || !parts_.count(key)) return;
  const int owner = pd.owner[i];
  if (owner >= 0) {
    Work& w = work_[owner];
    if (w.type == kPerson || w.te - w.tb != 1) return;  // or part of a longer ORG/PLACE name
    w.type = kPerson;
    w.conf = 0.8f;
    return;
  }
  // Neighbouring capitalised words make this part of another name.
  if (i + 1 < n && IsCapWord(pd.info[i + 1]) && (pd.info[i + 1].flags & kInfSpaceBefore) &&
      pd.owner[i + 1] < 0)
    return;
  Work w = SpanOf(p, i, i + 1, kPerson, 0.8f);
  AttachTitle(pd, &w);
  Commit(std::move(w));
}

// Token i is two capitalised parts joined by the hyphen at h ("Xi-Lee"): each
// part that is a person's name part becomes a person.
void Recognizer::SplitNamePair(int p, int i, int h) {
  const ParaData& pd = paras_[p];
  const Token& tok = pd.pt->tokens[i];
  int end = tok.end;
  if (pd.info[i].flags & kInfPossessive) end -= 2;
  const std::u16string_view text(*pd.text);
  const bool l = parts_.count(EntityNameKey(text.substr(tok.begin, h - tok.begin))) > 0;
  const bool r = parts_.count(EntityNameKey(text.substr(h + 1, end - h - 1))) > 0;
  const int o = pd.owner[i];
  if (!(l || r) || (o >= 0 && (work_[o].te - work_[o].tb != 1 || work_[o].type == kPerson)))
    return;
  if (o >= 0) Kill(o);
  if (l) AddPiece(p, i, i + 1, tok.begin, h, kPerson, 0.8f);
  if (r) AddPiece(p, i, i + 1, h + 1, end, kPerson, 0.8f);
}

// Tokens i.. spell a multi-word name the document already typed: tag it so.
bool Recognizer::TryKnownName(int p, int i) {
  ParaData& pd = paras_[p];
  const int n = static_cast<int>(pd.info.size());
  std::u16string acc;
  int best_e = -1, best_type = -1;
  int words = 0;
  for (int e = i; e < n && words < 5; ++e) {
    if (pd.owner[e] >= 0) break;
    const TokenInfo& t = pd.info[e];
    if ((t.flags & kInfPunct) && !IsHyphen(pd, e)) break;
    const bool glued = e > i && !(t.flags & kInfSpaceBefore);
    if (!glued) {
      if (!IsCapWord(t)) break;
      ++words;
    }
    std::u16string_view txt = TokText(pd, e);
    if (t.flags & kInfPossessive) txt = txt.substr(0, txt.size() - 2);
    acc += EntityNameKey(txt);
    if (words >= 2 && (e + 1 >= n || (pd.info[e + 1].flags & kInfSpaceBefore) ||
                       (pd.info[e + 1].flags & kInfPunct && !IsHyphen(pd, e + 1)))) {
      auto it = multi_names_.find(acc);
      if (it != multi_names_.end()) best_e = e + 1, best_type = it->second;
    }
    if (t.flags & kInfPossessive) break;
  }
  if (best_e < 0) return false;
  Work w = SpanOf(p, i, best_e, best_type, 0.8f);
  if (w.type == kPerson) AttachTitle(pd, &w);
  return Commit(std::move(w));
}

std::u16string Recognizer::PartKey(const ParaData& pd, int i) const {
  const Token& t = pd.pt->tokens[i];
  int end = t.end;
  if (pd.info[i].flags & kInfPossessive) end -= 2;
  return EntityNameKey(std::u16string_view(*pd.text).substr(t.begin, end - t.begin));
}

// Two person mentions the tagger left side by side, separated by a space
// only ("Cosmin" "Contra"), are one name: two people are never written so.
void Recognizer::JoinPersonPairs() {
  const size_t count = work_.size();
  for (size_t idx = 0; idx < count; ++idx) {
    const Work& a = work_[idx];
    if (a.dead || a.type != kPerson) continue;
    const ParaData& pd = paras_[a.para];
    const int k = a.te;
    if (k >= static_cast<int>(pd.info.size()) || pd.owner[k] < 0 ||
        !(pd.info[k].flags & kInfSpaceBefore) || (pd.info[k - 1].flags & kInfPossessive))
      continue;
    const Work& b = work_[pd.owner[k]];
    if (b.dead || b.type != kPerson || b.tb != k || b.te - a.tb > 4 || b.titled()) continue;
    const int p = a.para, tb = a.tb, te = b.te;
    const float conf = a.conf;
    KillOwners(pd, tb, te);
    Work w = SpanOf(p, tb, te, kPerson, conf);
    w.needs_evidence = paras_[p].title_case;
    AttachTitle(paras_[p], &w);
    Commit(std::move(w));
  }
}

}  // namespace ner
}  // namespace factlens

namespace factlens {
namespace ner {

namespace {

// The end of an initial at token i ("S." or "S" "."), or -1.
int InitialEnd(const ParaData& pd, int i) {
  const int n = static_cast<int>(pd.info.size());
  if (i >= n || !IsCapWord(pd.info[i])) return -1;
  const std::u16string_view w = TokText(pd, i);
  if (w.size() == 2 && w[1] == u'.') return i + 1;
  if (w.size() == 1 && i + 1 < n && Glued(pd, i + 1) && TokText(pd, i + 1) == u".") return i + 2;
  return -1;
}

// After a first initial ending at k: an optional second initial, then the
// surname, a capitalised word that is no title, country, nationality, month,
// organisation or geographic word, no function word and no further initial.
// Returns the surname's token, or -1.
int SurnameAfterInitial(const ParaData& pd, int k) {
  constexpr uint32_t kNotSurname =
      kLexTitle | kLexOrgSuffix | kLexCountry | kLexDemonym | kLexCalendar | kLexPlaceWord;
  const int second = InitialEnd(pd, k);
  if (second > 0) k = second;
  if (k >= static_cast<int>(pd.info.size()) || !IsCapWord(pd.info[k]) ||
      (pd.info[k].flags & kInfAllCaps) || (pd.info[k].lex & kNotSurname) ||
      IsFunctionWord(TokText(pd, k)) || InitialEnd(pd, k) > 0)
    return -1;
  return k;
}

}  // namespace

// One or two initials and a capitalised word are a person ("S. Garside 4-31",
// "J. R. Ewing"), unless a capitalised word stands on either side (a longer
// name the tagger read: "George W. Bush") or the word is a title, a country, a
// nationality, a month or an organisation word ("N. Ireland", "U.S. Army").
void Recognizer::InitialNames() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      int k = InitialEnd(pd, i);
      if (k < 0) continue;
      if (i > 0 && IsCapWord(pd.info[i - 1]) && (pd.info[i].flags & kInfSpaceBefore)) continue;
      k = SurnameAfterInitial(pd, k);
      if (k < 0) continue;
      const int e = k + 1;
      if (e < n && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore)) continue;
      if (OwnedOutside(pd, i, e)) continue;
      KillOwners(pd, i, e);
      Commit(SpanOf(static_cast<int>(p), i, e, kPerson, 0.8f));
      i = k;
    }
  }
}

namespace {

// Whether token k can be the given name before a middle initial ("Marisol" of
// "Marisol T. Vandermeer"): a capitalised word that is no title, place,
// nationality, month or organisation word.
bool GivenNameBeforeInitial(const ParaData& pd, int k) {
  constexpr uint32_t kNotGiven =
      kLexTitle | kLexOrgSuffix | kLexCountry | kLexCalendar | kLexPlaceWord;
  const TokenInfo& t = pd.info[k];
  return IsCapWord(t) && !(t.flags & kInfAllCaps) && !(t.lex & kNotGiven) &&
         !((t.lex & kLexDemonym) && !(t.lex & kLexFirst)) && !IsFunctionWord(TokText(pd, k));
}

}  // namespace

// A given name, one or two middle initials and a surname are one person
// ("Marisol T. Vandermeer", "Arnold K. Pettigrew") where the tagger stopped at
// the initial ("Marisol T."), split the name around it ("Arnold" +
// "Pettigrew"), typed it as a place, or ran a title or party into it ("Democrat
// Lorna J."). The given name must be a census given name or already part of a
// person mention; a capitalised word after the surname ("... Thackery
// Foundation") or a mention running past it leaves the words as they are.
void Recognizer::MiddleInitialNames() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int f = 0; f + 2 < n; ++f) {
      if (!(pd.info[f + 1].flags & kInfSpaceBefore)) continue;
      int k = InitialEnd(pd, f + 1);  // the cheap test first: most words have no initial after
      if (k < 0 || !GivenNameBeforeInitial(pd, f)) continue;
      k = SurnameAfterInitial(pd, k);
      if (k < 0 || !(pd.info[k].flags & kInfSpaceBefore)) continue;
      const int e = k + 1;
      if (e < n && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore) &&
          !(pd.info[k].flags & kInfPossessive))
        continue;
      bool person = false, past_end = false;
      for (int i = f; i < e; ++i) {
        const int o = pd.owner[i];
        if (o < 0) continue;
        person = person || work_[o].type == kPerson;
        past_end = past_end || work_[o].te > e;
      }
      if (past_end || !(person || (pd.info[f].lex & kLexFirst))) continue;
      const int o = pd.owner[f];
      if (o >= 0 && pd.owner[k] == o && work_[o].tb == f && work_[o].te == e &&
          work_[o].type == kPerson)
        continue;  // read whole already
      KillOwners(pd, f, e);
      Work w = SpanOf(static_cast<int>(p), f, e, kPerson, 0.8f);
      AttachTitle(pd, &w);
      Commit(std::move(w));
      f = k;
    }
  }
}

// A nickname in quotes inside a name ("Joaquin \"El Chapo\" Guzman", "Tom
// \"The Hammer\" Hale"): the given name (a person mention or a census given
// name), the quoted capitalised words and the surname after them are one
// person, as news annotation has it; the surname alone is then the person
// elsewhere (PropagatePersons).
void Recognizer::QuotedNicknames() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    auto quote = [&](int k) {  // a one-unit token: '"', U+201C or U+201D
      if (k >= n || !(pd.info[k].flags & kInfPunct)) return false;
      const Token& t = pd.pt->tokens[k];
      const char16_t c = (*pd.text)[t.begin];
      return t.end - t.begin == 1 && (c == u'"' || c == 0x201C || c == 0x201D);
    };
    for (int i = 0; i + 4 < n; ++i) {
      if (!quote(i + 1) || !IsCapWord(pd.info[i]) || !(pd.info[i + 1].flags & kInfSpaceBefore))
        continue;
      const int o = pd.owner[i];
      const bool person = o >= 0 && work_[o].type == kPerson && work_[o].te == i + 1;
      const bool given = (pd.info[i].lex & kLexFirst) &&
                         (o < 0 || (work_[o].tb == i && work_[o].te == i + 1 &&
                                    work_[o].type != kOrg));
      if (!person && !given) continue;
      int q = i + 2;
      while (q < n && q - i < 7 && !quote(q) &&
             (IsCapWord(pd.info[q]) || IsFunctionWord(TokText(pd, q))))
        ++q;
      if (q == i + 2 || q + 1 >= n || !quote(q) || !IsCapWord(pd.info[q + 1]) ||
          !(pd.info[q + 1].flags & kInfSpaceBefore))
        continue;
      const int b = person ? work_[o].tb : i;
      int e = q + 2;
      const int so = pd.owner[q + 1];
      if (so >= 0) {
        if (work_[so].tb != q + 1 || work_[so].type == kOrg) continue;
        e = work_[so].te;
      }
      if (OwnedOutside(pd, b, e)) continue;
      KillOwners(pd, b, e);
      Commit(SpanOf(static_cast<int>(p), b, e, kPerson, 0.8f));
      i = e - 1;
    }
  }
}

// A line that is a list of names, most of them persons ("Tom Hale, Sam Price,
// Dan Bell, Wood, Jim Ross"; a squad or a field split over lines): its other
// names of one word are persons too. A list: at least four items separated by
// commas, each one to four capitalised words (a particle "de" inside), at
// least half of them persons the tagger found.
void Recognizer::ListPersons() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;  // a list of names reads as title case
    const int n = static_cast<int>(pd.info.size());
    auto is = [&](int k, std::u16string_view t) { return k < n && TokText(pd, k) == t; };
    int items = 0, persons = 0, b = 0;
    bool list = n >= 7;
    for (int k = 0; k <= n && list; ++k) {
      const bool sep = k == n || is(k, u",") || (k == n - 1 && is(k, u"."));
      if (!sep) {
        list = k - b < 4 && (IsCapWord(pd.info[k]) || OneOf(TokText(pd, k), {u"de"sv, u"van"sv}));
        continue;
      }
      if (k == b) {  // ",," or a final period after a comma
        list = k == n || k == n - 1;
        b = k + 1;
        continue;
      }
      ++items;
      const int o = pd.owner[b];
      persons += o >= 0 && work_[o].type == kPerson && work_[o].tb == b && work_[o].te == k;
      b = k + 1;
    }
    if (!list || items < 4 || persons * 2 < items) continue;
    for (int k = 0; k < n; ++k) {
      if (!IsCapWord(pd.info[k]) || (k > 0 && !is(k - 1, u",")) ||
          (k + 1 < n && !is(k + 1, u",") && !is(k + 1, u".")))
        continue;  // a one-word item
      const int o = pd.owner[k];
      if (o >= 0 && (work_[o].type == kPerson || work_[o].tb != k || work_[o].te != k + 1)) continue;
      if (pd.info[k].lex & (kLexCountry | kLexDemonym | kLexTitle | kLexCalendar)) continue;
      if (o >= 0) Kill(o);
      Work w = SpanOf(static_cast<int>(p), k, k + 1, kPerson, 0.8f);
      w.cued = true;
      Commit(std::move(w));
    }
  }
}

// Two or three capitalised words followed by a nation in parentheses are a
// person in a results list ("Pavel Orlovsky (Belarus) 64.87", "Luc Moreau
// (France) beat ..."): a team or club with a place word in its name
// ("Dynamo Kiev (Ukraine)"), an organisation word or only common words
// ("Iron Gate (Serbia)") is left alone.
void Recognizer::NamesWithNation() {
  constexpr uint32_t kNotPersonWord = kLexPlace | kLexCountry | kLexOrgSuffix | kLexTitle |
                                      kLexDemonym | kLexCalendar | kLexOrg;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int open = 2; open + 2 < n; ++open) {
      if (TokText(pd, open) != u"(") continue;
      int close = open + 1;
      while (close < n && close - open <= 4 && TokText(pd, close) != u")") ++close;
      if (close >= n || close == open + 1 || TokText(pd, close) != u")" ||
          !IsNation(pd, open + 1, close))
        continue;
      int b = open;
      while (b > 0 && open - b < 3 && IsCapWord(pd.info[b - 1]) &&
             (b == open || (pd.info[b].flags & kInfSpaceBefore)) &&
             !(pd.info[b - 1].flags & kInfAllCaps) && !(pd.info[b - 1].lex & kNotPersonWord) &&
             !IsFunctionWord(TokText(pd, b - 1)))
        --b;
      if (open - b < 2 || (b > 0 && IsCapWord(pd.info[b - 1]) &&
                           (pd.info[b].flags & kInfSpaceBefore)))
        continue;
      // common words throughout, no given name first: a club ("Iron Gate")
      bool common = !(pd.info[b].lex & kLexFirst);
      for (int k = b; k < open && common; ++k) common = (pd.info[k].lex & kLexDict) != 0;
      if (common || OwnedOutside(pd, b, open)) continue;
      KillOwners(pd, b, open);
      Commit(SpanOf(static_cast<int>(p), b, open, kPerson, 0.8f));
    }
  }
}

namespace {

// Readings that make a lone capitalised word no person's name.
constexpr uint32_t kNotPersonWord = kLexCountry | kLexDemonym | kLexOrg | kLexOutlet |
                                    kLexTitle | kLexOrgSuffix | kLexCalendar;

bool IsClosingQuote(std::u16string_view w) {
  return w == u"\"" || w == u"\u201d" || w == u"'" || w == u"\u2019";
}

}  // namespace

// A surname followed by a place read as one person ("Okafor Kaduna visit",
// where "Emeka Okafor" is named elsewhere): the surname is the person, the
// place a place. Only two words, the second a listed place that is no census
// name, the first the last word of a longer person of the document.
void Recognizer::SplitPersonPlace() {
  std::unordered_set<uint64_t> firsts, lasts;  // filled on the first candidate
  for (size_t i = 0; i < work_.size(); ++i) {
    // A reference, not a copy: Kill and Commit change only `dead` and the
    // owners, and the deque keeps its elements in place as it grows.
    const Work& w = work_[i];
    if (w.dead || w.type != kPerson || w.te - w.tb != 2 || w.titled() || w.cued) continue;
    const ParaData& pd = paras_[w.para];
    const uint32_t lex = pd.info[w.tb + 1].lex;
    if (!(lex & (kLexPlace | kLexCountry)) || (lex & (kLexSurname | kLexFirst))) continue;
    if (lasts.empty()) PersonNameWords(&firsts, &lasts);
    if (!lasts.count(pd.info[w.tb].word)) continue;
    Kill(static_cast<int>(i));
    Commit(SpanOf(w.para, w.tb, w.tb + 1, kPerson, 0.8f));
    Commit(SpanOf(w.para, w.tb + 1, w.te, kPlace, 0.8f));
  }
}

// A lone capitalised word that cues make a person: before "administration"
// ("the Lindqvist administration", "Okafor's administration"), or before a speech
// verb right after a closing quote (", Penhallow added"). A mention the tagger
// made of the word alone becomes a person unless it is an organisation.
void Recognizer::LonePersonCues() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i + 1 < n; ++i) {
      const TokenInfo& t = pd.info[i];
      if (!IsCapWord(t) || (t.flags & kInfAllCaps) || (t.lex & kNotPersonWord) ||
          !(pd.info[i + 1].flags & kInfSpaceBefore) || IsFunctionWord(TokText(pd, i)) ||
          ((t.flags & kInfFirstWord) && CommonOpener(t.lex)))
        continue;
      if (i > 0 && IsCapWord(pd.info[i - 1]) && (t.flags & kInfSpaceBefore)) continue;
      if (i + 2 < n && IsCapWord(pd.info[i + 2]) && (pd.info[i + 2].flags & kInfSpaceBefore))
        continue;
      const std::u16string_view next = TokText(pd, i + 1);
      const bool administration = next == u"administration";
      const bool quoted_speaker = i > 0 && IsClosingQuote(TokText(pd, i - 1)) &&
                                  IsSpeechVerb(next);
      if (!administration && !quoted_speaker) continue;
      const int o = pd.owner[i];
      if (o >= 0) {
        Work& w = work_[o];
        if (w.tb == i && w.te == i + 1 && w.type != kOrg && !w.outlet) {
          w.type = kPerson;
          w.cued = true;
        }
        continue;
      }
      Work w = SpanOf(static_cast<int>(p), i, i + 1, kPerson, 0.8f);
      w.cued = true;
      Commit(std::move(w));
    }
  }
}

// A lone name the tagger made a person stays one where it is a speaker
// ("Okafor said", "said Okafor"): no document evidence is needed to keep it
// (DemoteLonePersons, LonePlaceNames), as in a text of one sentence.
void Recognizer::SpokenPersons() {
  for (Work& w : work_) {
    if (w.dead || w.type != kPerson || w.te - w.tb != 1 || w.titled()) continue;
    const ParaData& pd = paras_[w.para];
    if (!pd.headline && Speaker(pd, w.tb)) w.cued = true;
  }
}

// A lone name the tagger made a person stays one, kept when alone, where a
// personal pronoun follows it in its sentence before any other person
// ("Okafor waved as he left the hall", "Okafor and his aides"), or
// "and I" ("Okafor and I were ...").
void Recognizer::PronounPersons() {
  for (Work& w : work_) {
    if (w.dead || w.type != kPerson || w.te - w.tb != 1 || w.titled() || w.cued) continue;
    const ParaData& pd = paras_[w.para];
    if (pd.headline || !PlainSurname(pd, w.tb)) continue;
    const int n = static_cast<int>(pd.info.size());
    const bool and_i = w.te + 1 < n && TokText(pd, w.te) == u"and"sv &&
                       OneOf(TokText(pd, w.te + 1), {u"I"sv, u"me"sv});
    if (and_i || PronounFollows(pd, w.te)) w.cued = true;
  }
}

// Whether a personal pronoun comes within 12 tokens from token b, in the
// sentence and before another person's mention.
bool Recognizer::PronounFollows(const ParaData& pd, int b) const {
  const int n = std::min(static_cast<int>(pd.info.size()), b + 12);
  for (int k = b; k < n; ++k) {
    const std::u16string_view t = TokText(pd, k);
    if (OneOf(t, {u"."sv, u"?"sv, u"!"sv})) return false;
    const int o = pd.owner[k];
    if (o >= 0 && !work_[o].dead && work_[o].type == kPerson) return false;
    if (OneOf(t, {u"he"sv, u"his"sv, u"him"sv, u"himself"sv, u"she"sv, u"her"sv,
                  u"herself"sv}))
      return true;
  }
  return false;
}

// A lone name before a person's relative clause or age ("Okafor, who ...",
// "Okafor, 45, ..."): a person, where the tagger made it a place or left it
// MISC; kept when alone. Not a country or a nationality, not an organisation
// (clubs take "who" in British copy).
void Recognizer::ClausePersons() {
  for (Work& w : work_) {
    if (w.dead || w.te - w.tb != 1 || w.titled() || w.outlet || w.type == kOrg) continue;
    const ParaData& pd = paras_[w.para];
    if (pd.headline || (pd.info[w.tb].lex & (kLexCountry | kLexDemonym)) ||
        !IsCapWord(pd.info[w.tb]) || !PersonClauseAfter(pd, w.tb))
      continue;
    w.type = kPerson;
    w.cued = true;
  }
  ClauseNamesUntagged();
}

// A lone capitalised word the tagger left, before a person's clause or age
// ("Okafor, who ..."), that no list reads as a common word, a place name
// of a country, a people or an organisation: a person.
void Recognizer::ClauseNamesUntagged() {
  constexpr uint32_t kNotName = kLexDict | kLexLower | kLexCountry | kLexDemonym | kLexOrg |
                                kLexOutlet | kLexTitle | kLexCalendar | kLexOrgSuffix;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    for (int i = 0; i + 2 < static_cast<int>(pd.info.size()); ++i) {
      const TokenInfo& t = pd.info[i];
      if (pd.owner[i] >= 0 || !IsCapWord(t) || (t.flags & kInfAllCaps) || (t.lex & kNotName) ||
          (i > 0 && IsCapWord(pd.info[i - 1]) && (t.flags & kInfSpaceBefore)) ||
          !PersonClauseAfter(pd, i))
        continue;
      Work w = SpanOf(static_cast<int>(p), i, i + 1, kPerson, 0.7f);
      w.cued = true;
      Commit(std::move(w));
    }
  }
}

namespace {

// Whether token k ends a person's name inside a longer mention: a figure, or a
// comma or semicolon ("J. Fenwick 61, D. Garside 48", "S. Marlow 6-2-27-1").
bool EndsPersonName(const ParaData& pd, int k) {
  if (pd.info[k].flags & kInfDigit) return true;
  return (pd.info[k].flags & kInfPunct) && OneOf(TokText(pd, k), {u","sv, u";"sv});
}

}  // namespace

// Mention idx becomes two: its words but the last, of first_type, and its last
// word, MISC ("Ohio" + "Democratic").
void Recognizer::SplitOffLastWord(size_t idx, int first_type) {
  const Work& w = work_[idx];  // Kill and Commit leave its span and confidence
  Kill(static_cast<int>(idx));
  Commit(SpanOf(w.para, w.tb, w.te - 1, first_type, w.conf));
  Commit(SpanOf(w.para, w.te - 1, w.te, kMisc, w.conf));
}

// Person mentions that run past the name: cut at a figure, a comma or a
// semicolon, each comma-separated part a person of its own ("J. Fenwick 61,
// D. Garside 48" -> two), a leading nationality is a name of its own
// ("American Dale Reddle" -> "American" + "Dale Reddle"), and a place and a
// party adjective are two names (DoubtfulPerson).
void Recognizer::RepairPersonSpans() {
  const size_t count = work_.size();
  for (size_t idx = 0; idx < count; ++idx) {
    // A reference, not a copy: Kill and Commit change only `dead` and the
    // owners, and the deque keeps its elements in place as it grows.
    const Work& w = work_[idx];
    if (w.dead || w.type != kPerson || w.te - w.tb < 2 || w.cued) continue;
    const ParaData& pd = paras_[w.para];
    if (DoubtfulPerson(w)) {  // "Ohio Democratic": the place, and the party as MISC
      const bool body = (pd.info[w.tb].lex & (kLexOrgSuffix | kLexOrg)) && w.te - w.tb == 2;
      SplitOffLastWord(idx, body ? kOrg : kPlace);
      continue;
    }
    bool cut = false;
    for (int k = w.tb + 1; k < w.te && !cut; ++k) cut = EndsPersonName(pd, k);
    const bool nationality = IsCapWord(pd.info[w.tb]) && (pd.info[w.tb].lex & kLexDemonym) &&
                             !(pd.info[w.tb].lex & kLexFirst) &&
                             IsCapWord(pd.info[w.tb + 1]);
    if (!cut && !nationality) continue;
    Kill(static_cast<int>(idx));
    int b = w.tb;
    if (nationality) {
      Commit(SpanOf(w.para, b, b + 1, kMisc, w.conf));
      ++b;
    }
    while (b < w.te) {
      int e = b;
      while (e < w.te && !EndsPersonName(pd, e)) ++e;
      if (e > b && IsCapWord(pd.info[b]) && IsCapWord(pd.info[e - 1])) {
        Work part = SpanOf(w.para, b, e, kPerson, w.conf);
        if (b == w.tb)
          part.KeepTitleOf(w);
        else
          part.gender_hint = w.gender_hint;
        Commit(std::move(part));
      }
      b = e + 1;
      while (b < w.te && EndsPersonName(pd, b)) ++b;
    }
  }
}

}  // namespace ner
}  // namespace factlens
