// The working state of the entity rules (recognizer.h): preparing the
// paragraphs, tagging, and the one way to add or remove a mention.
#include "entities/recognizer.h"

#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

void Recognizer::Run() {
  Prepare();
  TagBody();
  KnownOrgs();
  ParticleNames();
  CapitalParticleNames();
  OrgCues();
  TitleRule();
  PortfolioTitles();
  HyphenNameRule();
  OrgSuffixRule();
  OrgOfNames();
  AppositionRule();
  Bylines();
  Datelines();
  SignOffs();
  LetterNames();
  SurnameEvidence();
  LonePersonCues();
  SpokenPersons();
  ClausePersons();
  PronounPersons();
  SplitPersonPlace();
  QuotedNicknames();
  ConsistentTypes();
  PlacesAndDemonyms();
  FeatureOfPlaces();
  PlacesAfterPlaceNouns();
  LowerCasePlaces();
  PropagatePersons();
  JoinPersonPairs();
  DefinedAcronyms();
  AmpersandCompanies();
  PossessiveNames();
  OrgEvidence();
  Teams();
  InitialNames();
  MiddleInitialNames();
  NamesWithNation();
  ListPersons();
  ScorecardNames();
  Outlets();
  IndexNames();
  EventNames(false);
  Headlines();
  EventNames(true);
  JoinPersonPairs();  // again: a headline's name parts matched one by one
  RepairPersonSpans();
  ParticleSurnames();
  PlaceThenDemonym();
  DemonymNames();
  CountriesNotMisc();
  CountryAbbreviations();
  StatesAfterPlaces();
  StationPlaces();
  VersionedProducts();
  HouseNames();
  NamedAfterPersons();
  CalendarWords();
  StormNames();
  CommonAcronyms();
  Finish();
}

void Recognizer::Prepare() {
  const size_t np = doc_.paragraphs.size();
  if (report_->text.paragraphs.size() != np) {
    own_text_.reserve(np);
    for (const Paragraph& p : doc_.paragraphs) own_text_.push_back(SegmentParagraph(p.text));
  }
  paras_.resize(np);
  size_t tokens = 0;
  for (size_t p = 0; p < np; ++p) {
    paras_[p].text = &doc_.paragraphs[p].text;
    paras_[p].pt = own_text_.empty() ? &report_->text.paragraphs[p] : &own_text_[p];
    tokens += paras_[p].pt->tokens.size();
  }
  // One block for the document, so that freeing it after tagging gives the
  // memory back (per-paragraph pieces would leave holes in the heap).
  if (!model_.empty()) spelling_.resize(tokens);
  DocEvidence ev;
  size_t first_token = 0;
  for (size_t p = 0; p < np; ++p) {
    ParaData& pd = paras_[p];
    pd.first_token = first_token;
    ComputeTokenInfo(*pd.text, *pd.pt, lex_, &pd.info,
                     spelling_.empty() ? nullptr : spelling_.data() + first_token);
    first_token += pd.info.size();
    const int kind = HeadlineKind(doc_.paragraphs[p], pd);
    pd.headline = kind != 0;
    pd.title_case = kind == 1;
    pd.owner.assign(pd.info.size(), -1);
    if (!pd.headline) ev.Collect(pd.info);
  }
  for (ParaData& pd : paras_) ev.Apply(&pd.info);
}

void Recognizer::TagBody() {
  if (model_.empty()) return;
  std::vector<std::vector<int>> tags(paras_.size());
  std::vector<TagUnit> units;
  std::vector<int> unit_para;
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline && !pd.title_case) continue;
    units.push_back({&pd.info, spelling_.data() + pd.first_token, pd.pt, &tags[p], !pd.headline});
    unit_para.push_back(static_cast<int>(p));
  }
  TagDocument(model_, units);
  std::vector<Spelling>().swap(spelling_);  // only the tagger reads them
  for (int p : unit_para) {
    const std::vector<int>& t = tags[p];
    int start = -1;
    for (size_t i = 0; i < t.size(); ++i) {
      const int part = TagPart(t[i]);
      if (part == kB || part == kU) start = static_cast<int>(i);
      if ((part == kL || part == kU) && start >= 0) {
        AddCandidate(p, start, static_cast<int>(i) + 1, TagType(t[i]), 0.9f);
        start = -1;
      }
    }
  }
}

// Lexicon bits of a text (pieces split at spaces).
uint32_t Recognizer::LexOf(std::u16string_view text) const {
  uint64_t key = kKeySeed;
  size_t i = 0;
  int pieces = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == u' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != u' ') ++j;
    if (j > i) key = KeyAdd(key, PieceHash(text.substr(i, j - i))), ++pieces;
    i = j;
  }
  return pieces ? lex_.Lookup(key) : 0;
}

// Lexicon bits of the text of tokens [tb, te), less a final possessive ’s.
uint32_t Recognizer::LexOfTokens(const ParaData& pd, int tb, int te) const {
  const int begin = pd.pt->tokens[tb].begin;
  const int end = pd.pt->tokens[te - 1].end -
                  ((pd.info[te - 1].flags & kInfPossessive) ? 2 : 0);
  return LexOf(std::u16string_view(*pd.text).substr(begin, end - begin));
}

void Recognizer::AddPiece(int p, int tb, int te, int begin, int end, int type, float conf) {
  ParaData& pd = paras_[p];
  if (end <= begin) return;
  Work w;
  w.para = p;
  w.tb = tb;
  w.te = te;
  w.begin = begin;
  w.end = end;
  w.type = type;
  w.conf = conf;
  if (end == pd.pt->tokens[te - 1].end && (pd.info[te - 1].flags & kInfPossessive))
    w.end -= 2;
  if (w.end <= w.begin) return;
  w.needs_evidence = pd.title_case;
  if (type == kPerson && begin == pd.pt->tokens[tb].begin) AttachTitle(pd, &w);
  Commit(std::move(w), /*force=*/true);
}

// A mention over tokens [tb, te) of paragraph p: the tokens' text less a
// final possessive ’s.
Work Recognizer::SpanOf(int p, int tb, int te, int type, float conf) const {
  const ParaData& pd = paras_[p];
  Work w;
  w.para = p;
  w.tb = tb;
  w.te = te;
  w.type = type;
  w.conf = conf;
  w.begin = pd.pt->tokens[tb].begin;
  w.end = pd.pt->tokens[te - 1].end;
  if (pd.info[te - 1].flags & kInfPossessive) w.end -= 2;
  return w;
}

void Recognizer::AttachTitle(const ParaData& pd, Work* w) {
  const auto& toks = pd.pt->tokens;
  int i = w->tb - 1;
  if (i >= 0 && (pd.info[i].flags & kInfPunct) && (*pd.text)[toks[i].begin] == u'.') --i;
  int tb;
  if (i >= 0 && IsTitleAt(pd, i, &tb)) {
    w->title_begin = toks[tb].begin;
    w->title_end = toks[i].end;
    if (pd.info[tb].lex & kLexMale) w->gender_hint = Gender::kMale;
    if (pd.info[tb].lex & kLexFemale) w->gender_hint = Gender::kFemale;
    // Extend over capitalised qualifiers: "South Korean President".
    int d = tb;
    // "Portugal’s economy minister": lower-case words only up to a possessive
    // or a nationality.
    {
      int k = d;
      while (k > 0 && d - k < 2 && IsLowerWord(pd.info[k - 1]) &&
             !IsFunctionWord(TokText(pd, k - 1)) && !(pd.info[k - 1].lex & kLexTitle))
        --k;
      if (k < d && k > 0 && IsCapWord(pd.info[k - 1]) &&
          ((pd.info[k - 1].flags & kInfPossessive) ||
           (pd.info[k - 1].lex & (kLexDemonym | kLexCountry))))
        d = k;
    }
    while (d > 0 && tb - d < 6) {
      const TokenInfo& q = pd.info[d - 1];
      if (!IsCapWord(q)) break;
      if ((q.flags & kInfFirstWord) &&
          !(q.lex & (kLexDemonym | kLexCountry | kLexPlace)) &&
          !((q.gaz & 7) || ((q.gaz >> 3) & 7) || ((q.gaz >> 6) & 7)))
        break;
      if (IsFunctionWord(TokText(pd, d - 1))) break;
      --d;
      if (q.flags & kInfPossessive) break;
      if (q.flags & kInfFirstWord) break;
    }
    // "The European Central Bank's President": the whole organisation.
    if (d < tb && pd.owner[d] >= 0 && work_[pd.owner[d]].para == w->para &&
        work_[pd.owner[d]].tb < d && work_[pd.owner[d]].tb >= 0)
      d = work_[pd.owner[d]].tb;
    w->descriptor_begin = toks[d].begin;
    i = tb - 1;
  }
  // Gender words: "his wife Kim Hea-kyung".
  if (i >= 0 && (pd.info[i].lex & kLexGenderWord)) {
    if (pd.info[i].lex & kLexMale) w->gender_hint = Gender::kMale;
    if (pd.info[i].lex & kLexFemale) w->gender_hint = Gender::kFemale;
  }
}

// Records w unless it overlaps an existing mention.
// force: a part of a hyphenated token ("Xi" in "Xi-Lee"); owners are shared.
bool Recognizer::Commit(Work w, bool force) {
  ParaData& pd = paras_[w.para];
  // A compound adjective is not part of the name: "Munich-based" -> "Munich".
  {
    const std::u16string_view text(*pd.text);
    const int32_t hy = static_cast<int32_t>(
        text.substr(w.begin, w.end - w.begin).find_last_of(u"-\u2010\u2011"));
    if (hy > 0 && hy != static_cast<int32_t>(std::u16string_view::npos) &&
        IsCompoundingWord(text.substr(w.begin + hy + 1, w.end - w.begin - hy - 1)))
      w.end = w.begin + hy;
  }
  // A sentence's final period is not part of an abbreviation ending the name:
  // "... and Halden Corp." -> "Halden Corp" (as wire-news annotation has it).
  if (w.end == pd.pt->tokens[w.te - 1].end && w.end - w.begin > 2 &&
      (*pd.text)[w.end - 1] == u'.' && (*pd.text)[w.end - 2] != u'.' &&
      (w.te == static_cast<int>(pd.info.size()) ||
       OneOf(TokText(pd, w.te), {u"\""sv, u"'"sv, u"\u201d"sv, u"\u2019"sv})))
    --w.end;
  for (int i = w.tb; i < w.te && !force; ++i)
    if (pd.owner[i] >= 0) return false;
  const int idx = static_cast<int>(work_.size());
  for (int i = w.tb; i < w.te; ++i) pd.owner[i] = idx;
  w.key = EntityNameKey(std::u16string_view(*pd.text).substr(w.begin, w.end - w.begin));
  if (w.key.empty()) {
    for (int i = w.tb; i < w.te; ++i) pd.owner[i] = -1;
    return false;
  }
  work_.push_back(std::move(w));
  return true;
}

void Recognizer::Kill(int idx) {
  Work& w = work_[idx];
  w.dead = true;
  for (int i = w.tb; i < w.te; ++i)
    if (paras_[w.para].owner[i] == idx) paras_[w.para].owner[i] = -1;
}

// Kills the mention owning token k of paragraph p and the other piece of a
// split hyphenated token sharing it ("Mercedes" of "Mercedes-Benz"): the two
// pieces are committed one after the other (AddPiece), and the token records
// only the second as its owner.
void Recognizer::KillAt(int p, int k) {
  const int o = paras_[p].owner[k];
  if (o < 0) return;
  Kill(o);
  for (int q : {o - 1, o + 1}) {
    if (q < 0 || q >= static_cast<int>(work_.size())) continue;
    const Work& w = work_[q];
    if (!w.dead && w.para == p && w.tb <= k && k < w.te) Kill(q);
  }
}

bool Recognizer::OwnedOutside(const ParaData& pd, int b, int e) const {
  for (int k = b; k < e; ++k) {
    const int o = pd.owner[k];
    if (o >= 0 && (work_[o].tb < b || work_[o].te > e)) return true;
  }
  return false;
}

void Recognizer::KillOwners(const ParaData& pd, int b, int e) {
  for (int k = b; k < e; ++k)
    if (pd.owner[k] >= 0) Kill(pd.owner[k]);
}

int Recognizer::TakeSpan(int p, int b, int e, int type, float conf) {
  const ParaData& pd = paras_[p];
  const int o = pd.owner[b];
  if (o >= 0 && work_[o].tb == b && work_[o].te == e) {
    work_[o].type = type;
    return o;
  }
  KillOwners(pd, b, e);
  return Commit(SpanOf(p, b, e, type, conf)) ? static_cast<int>(work_.size()) - 1 : -1;
}

}  // namespace ner

const EntityRecognizer& EntityRecognizer::Default() {
  static const EntityRecognizer* recognizer = [] {
    ner::Lexicon::Default();
    ner::Model::Default();
    return new EntityRecognizer();
  }();
  return *recognizer;
}

void EntityRecognizer::Run(const Document& doc, Report* report,
                           const std::vector<std::u16string>& house_names) const {
  report->entities.clear();
  report->entity_list.clear();
  ner::Recognizer(doc, report, house_names).Run();
}

}  // namespace factlens
