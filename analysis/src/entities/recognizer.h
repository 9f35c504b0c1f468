// Internal to the entity stage: the working state that the rules of
// EntityRecognizer (factlens/entities.h) share, and the order they run in.
//
// The state is small:
//   paras_  one ParaData per paragraph (tokens.h): text, tokens, features, and
//           `owner`: for each token, the working mention that covers it, or -1.
//   work_   the working mentions (Work), in the order they were made. A
//           mention is never erased, only marked dead, so indexes stay valid.
//   a few document-wide name sets (parts_, multi_names_ ...), filled by the
//           person and consistency rules and read by the later rules.
//
// Who may change what:
//   - A rule adds a mention only through Commit (or AddCandidate, which trims,
//     splits and types a span, then Commits; or AddPiece for part of a
//     hyphenated token). Commit refuses a span that overlaps a live mention.
//   - A rule removes a mention only through Kill (or KillOwners for a token
//     range, or KillAt, which also kills the other piece of a split hyphenated
//     token). Kill clears the owners. OwnedOutside asks whether a range is
//     covered by a mention reaching past it (which a rule then leaves alone).
//   - `owner` is written by Commit and Kill alone; rules read it to ask
//     "is this token taken, and by what".
//   - A rule may change a live mention's type, confidence, outlet flag or title
//     in place (w.type = kOrg); it never moves a mention's tokens.
//   - Finish (entity_list.cc) reads everything and writes the report.
//
// Where the rules are: recognizer.cc (preparing, tagging, Commit/Kill),
// candidate.cc (AddCandidate), rules_orgs.cc, rules_persons.cc, rules_layout.cc
// (bylines, datelines, headlines), rules_sports.cc (clubs and teams),
// rules_outlets.cc, rules_document.cc (one type per name, places, the house
// list), entity_list.cc (Finish).
//
// Thread-safety: a Recognizer serves one Run over one document.
#ifndef FACTLENS_SRC_ENTITIES_RECOGNIZER_H_
#define FACTLENS_SRC_ENTITIES_RECOGNIZER_H_

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/model.h"
#include "entities/tokens.h"
#include "factlens/entities.h"
#include "factlens/report.h"

namespace factlens {
namespace ner {

// Working types: the order of EntityType and of the tagger's types.
constexpr int kPerson = 0, kOrg = 1, kPlace = 2, kMisc = 3;

// A working mention: tokens [tb, te) of paragraph `para`.
struct Work {
  int para = 0;
  int tb = 0, te = 0;
  int begin = 0, end = 0;  // UTF-16 span (after trimming)
  int type = kMisc;
  float conf = 0.9f;
  bool outlet = false;
  bool dead = false;
  bool needs_evidence = false;  // tagged in a title-case line: kept on evidence
  // A person by a cue of its own (LonePersonCues, SpokenPersons): kept when alone.
  bool cued = false;
  Gender gender_hint = Gender::kUnknown;
  // The title words before the name ("President") and the extended title
  // ("South Korean President"), as UTF-16 offsets of the paragraph: both end
  // at title_end (Recognizer::TitleOf, DescriptorOf). Offsets, not strings: a
  // long document has tens of thousands of Work, and most have no title.
  int title_begin = 0, title_end = 0, descriptor_begin = 0;
  bool titled() const { return title_end > title_begin; }
  // Takes w's title, descriptor and gender hint: a mention cut from w or grown
  // from it keeps what was said of its person.
  void KeepTitleOf(const Work& w) {
    title_begin = w.title_begin;
    title_end = w.title_end;
    descriptor_begin = w.descriptor_begin;
    gender_hint = w.gender_hint;
  }
  int entity = -1;
  std::u16string key;  // NameKey of the span text
};

class EntityIndex;  // entity_list.cc

// Per-entity counts gathered while Finish fills the entity list.
// A mention text -> its mentions (looked up by a view of the text).
using VariantCounts = std::map<std::u16string, int, std::less<>>;

struct EntityTally {
  explicit EntityTally(size_t n) : variant_counts(n), variant_order(n), male(n), female(n) {}
  std::vector<VariantCounts> variant_counts;  // text -> mentions
  std::vector<std::vector<std::u16string>> variant_order;     // texts, first use first
  std::vector<int> male, female;                              // gender evidence
};

// Person mentions of each paragraph, in order.
using PersonsByPara = std::vector<std::vector<const Work*>>;

class Recognizer {
 public:
  Recognizer(const Document& doc, Report* report, const std::vector<std::u16string>& house)
      : doc_(doc), report_(report), house_(house), lex_(Lexicon::Default()),
        model_(Model::Default()) {}

  // The rules, in order (recognizer.cc).
  void Run();

 private:
  // recognizer.cc: preparing and tagging.
  void Prepare();
  void TagBody();
  // recognizer.cc: the working state.
  uint32_t LexOf(std::u16string_view text) const;
  uint32_t LexOfTokens(const ParaData& pd, int tb, int te) const;
  void AddPiece(int p, int tb, int te, int begin, int end, int type, float conf);
  Work SpanOf(int p, int tb, int te, int type, float conf) const;
  void AttachTitle(const ParaData& pd, Work* w);
  std::u16string_view TitleOf(const Work& w) const {
    return std::u16string_view(*paras_[w.para].text).substr(w.title_begin, w.title_end - w.title_begin);
  }
  std::u16string_view DescriptorOf(const Work& w) const {
    return std::u16string_view(*paras_[w.para].text)
        .substr(w.descriptor_begin, w.title_end - w.descriptor_begin);
  }
  bool Commit(Work w, bool force = false);
  void Kill(int idx);
  void KillAt(int p, int k);
  // Whether a token of [b, e) belongs to a mention reaching outside [b, e).
  bool OwnedOutside(const ParaData& pd, int b, int e) const;
  // Kills every mention owning a token of [b, e).
  void KillOwners(const ParaData& pd, int b, int e);
  // [b, e) of paragraph p becomes a mention of `type`: the one holding exactly it is
  // retyped, or those inside make way for a new one. Its index, or -1 (not committed).
  int TakeSpan(int p, int b, int e, int type, float conf);

  // candidate.cc: AddCandidate and its steps. A Split step re-enters
  // AddCandidate with the parts (depth + 1) and returns true when it did.
  struct Split {
    int p, tb, te, type;
    float conf;
    int depth;  // of the parts
  };
  void AddCandidate(int p, int tb, int te, int type, float conf, int depth = 0);
  bool SplitAtBreak(const Split& s);
  bool SplitAtNameHyphen(const Split& s);
  bool SplitInsideToken(const Split& s);
  bool SplitAtTitle(const Split& s);
  bool DropFinalTitle(const Split& s);
  int ExtendOrgOverOf(int p, int tb, int te);
  int TypeByLastWord(const ParaData& pd, int tb, int te, int type) const;
  // rules_orgs.cc. Rest: what is left of a mention that made way for a listed
  // organisation.
  struct Rest {
    int tb = -1, te = -1, type = kOrg;
    float conf = 0.9f;
  };
  void KnownOrgs();
  std::vector<uint64_t> PersonNameWords() const;
  static bool ListedOrgWord(const TokenInfo& t, const std::vector<uint64_t>& person_words);
  bool TakeKnownOrg(int p, int i, int e);
  bool MakeWayForOrg(int p, int i, int e, const Work& w, Rest* rest);
  bool CountryPrefix(const ParaData& pd, int tb, int te) const;
  bool IsConnector(const ParaData& pd, int i) const;
  void OrgCues();
  bool UnsupportedPerson(const Work& w, const std::unordered_set<uint64_t>& name_words) const;
  void PersonNameWords(std::unordered_set<uint64_t>* first,
                       std::unordered_set<uint64_t>* last) const;
  bool BasedBefore(const ParaData& pd, int b) const;
  void OrgSuffixRule();
  void OrgOfNames();
  int AcronymDefinition(const ParaData& pd, int i, std::u16string_view acronym) const;
  void DefinedAcronyms();
  void OrgEvidence();
  bool LegalForm(const ParaData& pd, int i) const;
  void LegalFormNames();
  void LegalFormsAfterOf();
  void AmpersandCompanies();
  void PossessiveNames();
  void IndexNames();
  void OrgWordUses(const std::unordered_set<uint64_t>& words);
  void AcronymUses(const std::unordered_map<uint64_t, int>& defined);
  // rules_persons.cc
  void TitleRule();
  void PortfolioTitles();
  void TakePortfolioName(int p, int j, int e);
  void JoinPersonPairs();
  void InitialNames();
  void MiddleInitialNames();
  void LonePersonCues();
  void SpokenPersons();
  void ClausePersons();
  void PronounPersons();
  bool PronounFollows(const ParaData& pd, int b) const;
  void ClauseNamesUntagged();
  void SplitPersonPlace();
  void RepairPersonSpans();
  void SplitOffLastWord(size_t idx, int first_type);
  void ParticleSurnames();
  void ParticleNames();
  void CapitalParticleNames();
  void JoinParticleName(int p, int b, int joint, int e);
  bool DoubtfulPerson(const Work& w) const;
  void NamesWithNation();
  void ListPersons();
  void QuotedNicknames();
  void HyphenNameRule();
  void AppositionRule();
  void SurnameEvidence();
  std::unordered_set<uint64_t> SpokenNames() const;
  void PersonsFromSpokenNames(const std::unordered_set<uint64_t>& evidenced);
  bool HasPersonOf(const ParaData& pd, int b, int e, int len) const;
  void NameParticles();
  void PersonParts(const Work& w, std::u16string* first, std::u16string* last) const;
  void PropagatePersons();
  void CollectNames();
  void PropagateAt(int p, int i);
  void SplitNamePair(int p, int i, int h);
  bool TryKnownName(int p, int i);
  std::u16string PartKey(const ParaData& pd, int i) const;
  // rules_layout.cc
  void Bylines();
  void Datelines();
  void SignOffs();
  void LetterNames();
  bool HasEvidence(const Work& w) const;
  void Headlines();
  // rules_sports.cc
  void Teams();
  void NationsAndInitials();
  void ScorecardNames();
  void EventNames(bool all_caps_lines);
  bool IsNation(const ParaData& pd, int b, int e) const;
  bool PersonRun(const ParaData& pd, int b, int e) const;
  void MarkTeam(int p, int b, int e, std::unordered_set<uint64_t>* teams);
  void TableTeams(int p, std::unordered_set<uint64_t>* teams);
  void VersusTeams(int p, std::unordered_set<uint64_t>* teams);
  void RoleTeams(int p, std::unordered_set<uint64_t>* teams);
  void ResultVerbTeams(int p, bool sports, std::unordered_set<uint64_t>* teams);
  int ClubRunEnd(const ParaData& pd, int b) const;
  enum ClubCue { kClubPlace, kClubName, kClubDescribed };
  bool ClubLike(const ParaData& pd, int b, int e, int cue) const;
  bool InList(const ParaData& pd, int b) const;
  bool PluralSubject(const ParaData& pd, int b, int e) const;
  bool PlayerClub(const ParaData& pd, int b, int e) const;
  struct TeamSpan {
    int para, b, e;
  };
  void CueTeams(int p, std::vector<TeamSpan>* found) const;
  void ListTeams(int p, std::unordered_set<uint64_t>* teams);
  void NicknameTeams(int p, std::unordered_set<uint64_t>* teams);
  void CountyClubs(std::unordered_set<uint64_t>* teams);
  bool Venue(const ParaData& pd, int b, int e) const;
  void PropagateTeams(const std::unordered_set<uint64_t>& teams);
  // rules_outlets.cc
  bool OutletCueBefore(const ParaData& pd, int tb, bool* strong) const;
  bool HasOutletWord(const ParaData& pd, int tb, int te) const;
  void Outlets();
  void ListedOutlets();
  void OutletCues();
  void OutletsAfterCues();
  void OutletsBeforeNouns();
  // rules_document.cc
  void ConsistentTypes();
  void MajorityTypes();
  void OrgFirstWordTypes();
  void PropagateWordTypes();
  int WordTypeAt(const ParaData& pd, int i,
                 const std::unordered_map<uint64_t, int>& single_type) const;
  void LonePlaceNames();
  void PlacesAndDemonyms();
  void DemonymNames();
  void StationPlaces();
  void VersionedProducts();
  void StormNames();
  void CommonAcronyms();
  void StatesAfterPlaces();
  int StateAtEnd(const ParaData& pd, const Work& w) const;
  void StateCodeAfter(const Work& w);
  void FeatureOfPlaces();
  void PlacesAfterPlaceNouns();
  void PlaceThenDemonym();
  bool DemonymsOnly(const Work& w) const;
  void CountriesNotMisc();
  void CountryAbbreviations();
  void LowerCasePlaces();
  void HouseNames();
  void CalendarWords();
  void NamedAfterPersons();
  // entity_list.cc
  void Appositions(const Work& w, std::vector<std::u16string>* out) const;
  void Finish();
  std::vector<int> LiveInOrder() const;
  void DemoteLonePersons(const std::vector<int>& order);
  void GroupNames(const std::vector<int>& order, EntityIndex* index);
  void GroupBareNames(const std::vector<int>& order, EntityIndex* index);
  void AddMention(const Work& w, EntityTally* tally);
  void AddPersonEvidence(const Work& w, Entity* e, EntityTally* tally) const;
  static void ApplyGenderWords(const std::u16string& d, int* male, int* female);
  void PronounGenders(const std::vector<int>& order, std::vector<int>* male,
                      std::vector<int>* female);
  const Work* PronounAntecedent(const PersonsByPara& per_para, int p, const Sentence& s,
                                int i) const;
  const Work* SolePersonBefore(const PersonsByPara& per_para, int p, const Sentence& s) const;
  bool Ambiguous(int e) const { return e < 0 || report_->entity_list[e].ambiguous; }

  const Document& doc_;
  Report* report_;
  const std::vector<std::u16string>& house_;
  const Lexicon& lex_;
  const Model& model_;
  std::vector<ParagraphText> own_text_;
  std::vector<ParaData> paras_;
  // The tagger's features of the document's tokens, paragraph after paragraph
  // (ParaData::first_token): from Prepare to the end of TagBody.
  std::vector<Spelling> spelling_;
  // A deque: it grows without moving (or doubling) what it holds, and a
  // Work& stays valid while mentions are added.
  std::deque<Work> work_;
  // Person name part key -> the full-name keys it is part of.
  std::unordered_map<std::u16string, std::unordered_set<std::u16string>> parts_;
  std::unordered_set<uint64_t> part_words_;  // TokenInfo::word of single-token parts
  std::unordered_map<std::u16string, int> multi_names_;  // NameKey of multi-word names -> type
  std::unordered_set<uint64_t> multi_first_words_;       // their first tokens' words
  std::unordered_set<uint64_t> org_first_words_;         // "Hanwol" of "Hanwol Energy"
  std::unordered_set<std::u16string> org_cued_;  // NameKeys OrgCues found a cue for
};

}  // namespace ner
}  // namespace factlens

#endif  // FACTLENS_SRC_ENTITIES_RECOGNIZER_H_
