// Sports copy: clubs and teams. In results lines, standings tables and match
// reports a place name is the team, an organisation ("Ashford beat
// Wexley", "Eastvale 3 Norbury 2", "DENVER 71 62 .534"); a nation's team stays
// a place ("Australia 241-7", wire-news convention). Documents and lines are
// recognised by their structure (a line of names and numbers, "X v Y", a
// results verb with a score), never by a headline word.
#include "entities/recognizer.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

namespace {

// A line of names and numbers: at least two numbers, all whole numbers of at
// most three digits or ".534" (scores and standings; not prices, phone
// numbers, years or addresses), and at
// most one lower-case word per two numbers ("Eastvale 3 Norbury 2 (halftime 1-0)",
// "Ashford 21 points, Wexley 5.").
bool TableLine(const ParaData& pd) {
  int numbers = 0, lower = 0;
  for (size_t i = 0; i < pd.info.size(); ++i) {
    const TokenInfo& t = pd.info[i];
    if (IsNumber(t)) {
      ++numbers;
      const Token& tok = pd.pt->tokens[i];
      int digits = 0;
      for (int c = tok.begin; c < tok.end; ++c) {
        const char16_t ch = (*pd.text)[c];
        const bool digit = ch >= u'0' && ch <= u'9';
        if (!digit && digits > 0 && (ch == u'.' || ch == u',')) return false;  // 63.02, 1,279
        digits = digit ? digits + 1 : 0;
        if (digits > 3) return false;
      }
    } else if (IsLowerWord(t)) {
      ++lower;
    }
  }
  return numbers >= 2 && lower * 2 <= numbers;
}

// A score in the paragraph: number, hyphen, number, glued ("2-1", "92-81").
bool HasScore(const ParaData& pd) {
  const int n = static_cast<int>(pd.info.size());
  for (int i = 2; i < n; ++i)
    if (IsNumber(pd.info[i]) && Glued(pd, i) && IsHyphen(pd, i - 1) && Glued(pd, i - 1) &&
        IsNumber(pd.info[i - 2]))
      return true;
  return false;
}

// A match score in the paragraph: "2-1", "92-90", "147-6" (numbers of at most
// three digits; not a date "2001-03-14" or a telephone number "555-0192").
bool HasMatchScore(const ParaData& pd) {
  const int n = static_cast<int>(pd.info.size());
  auto small = [&](int i) {
    const Token& t = pd.pt->tokens[i];
    return IsNumber(pd.info[i]) && t.end - t.begin <= 3;
  };
  for (int i = 2; i < n; ++i) {
    if (!small(i) || !Glued(pd, i) || !IsHyphen(pd, i - 1) || !Glued(pd, i - 1) || !small(i - 2))
      continue;
    const bool before = i >= 3 && Glued(pd, i - 2) && IsHyphen(pd, i - 3);
    const bool after = i + 1 < n && Glued(pd, i + 1) && IsHyphen(pd, i + 1);
    if (!before && !after) return true;
  }
  return false;
}

// A word only sports copy uses (sports_words.txt: "striker", "innings"; all
// of six letters or more, which most words are rejected on).
bool HasSportsWord(const ParaData& pd) {
  static const WordList kWords("ner/sports_words.txt");
  for (size_t i = 0; i < pd.info.size(); ++i) {
    const Token& t = pd.pt->tokens[i];
    if (t.end - t.begin >= 6 && IsLowerWord(pd.info[i]) && kWords.HasStem(pd.info[i].word))
      return true;
  }
  return false;
}

uint64_t RunKey(const ParaData& pd, int b, int e) {
  uint64_t key = kKeySeed;
  for (int k = b; k < e; ++k) key = KeyAdd(key, pd.info[k].word);
  return key;
}

bool TextIs(const ParaData& pd, int i, std::u16string_view s) {
  return i >= 0 && i < static_cast<int>(pd.info.size()) && TokText(pd, i) == s;
}

// The end of a team name starting at b: capitalised words separated by
// spaces ("Kansas City", "Queen's Park"), at most five; -1 when b cannot start
// one (an initial "P.", a month, a function word).
int TeamRunEnd(const ParaData& pd, int b) {
  const int n = static_cast<int>(pd.info.size());
  if (b < 0 || b >= n || !IsCapWord(pd.info[b]) || (pd.info[b].lex & kLexCalendar) ||
      IsFunctionWord(TokText(pd, b)))
    return -1;
  int e = b;
  while (e < n && e - b < 5 && IsCapWord(pd.info[e]) &&
         (e == b || (pd.info[e].flags & kInfSpaceBefore)) && !(pd.info[e].lex & kLexCalendar)) {
    // an initial: a person ("K. Marlow", "T.O'Dwyer")
    const std::u16string_view w = TokText(pd, e);
    if ((w.size() >= 2 && w[1] == u'.') || (w.size() == 1 && TextIs(pd, e + 1, u".") &&
                                              Glued(pd, e + 1)))
      return -1;
    ++e;
  }
  return e;
}

// Inside parentheses at token i (an innings' scorers: "(R. Fenwick 57, ...)").
bool InParens(const ParaData& pd, int i) {
  for (int k = i - 1; k >= 0; --k) {
    if (TextIs(pd, k, u")")) return false;
    if (TextIs(pd, k, u"(")) return true;
  }
  return false;
}

// Bowling figures after a name: three or more numbers joined by hyphens
// ("8-1-33-2"), a player's line, not a team's score.
bool Figures(const ParaData& pd, int i) {
  int numbers = 0;
  for (int n = static_cast<int>(pd.info.size()); i < n; i += 2) {
    if (!IsNumber(pd.info[i]) || (numbers > 0 && !Glued(pd, i))) break;
    ++numbers;
    if (i + 1 >= n || !IsHyphen(pd, i + 1) || !Glued(pd, i + 1)) break;
  }
  return numbers >= 3;
}

// The start of the capitalised run ending at token e - 1, or -1.
int TeamRunBegin(const ParaData& pd, int e) {
  int b = e;
  while (b > 0 && e - b < 5 && IsCapWord(pd.info[b - 1]) &&
         (b == e || (pd.info[b].flags & kInfSpaceBefore)))
    --b;
  if (b == e) return -1;
  while (b < e && (IsFunctionWord(TokText(pd, b)) || (pd.info[b].lex & kLexCalendar))) ++b;
  return b < e && TeamRunEnd(pd, b) >= e ? b : -1;
}

// "(Z)" of "Proleter (Z)": a club's short code, part of its name.
int CodeEnd(const ParaData& pd, int e) {
  if (!TextIs(pd, e, u"(") || !TextIs(pd, e + 2, u")")) return e;
  const std::u16string_view code = TokText(pd, e + 1);
  return code.size() <= 3 && IsCapWord(pd.info[e + 1]) &&
                 (code.size() == 1 || (pd.info[e + 1].flags & kInfAllCaps))
             ? e + 3
             : e;
}

// After a team name in a table: its numbers, maybe after "(Country)".
bool NumberFollows(const ParaData& pd, int e) {
  const int n = static_cast<int>(pd.info.size());
  if (TextIs(pd, e, u"(") && IsCapWord(pd.info[std::min(e + 1, n - 1)])) {
    int k = e + 1;
    while (k < n && k - e < 5 && !TextIs(pd, k, u")")) ++k;
    e = k + 1;
  }
  return e < n && IsNumber(pd.info[e]);
}

}  // namespace

// Whether tokens [b, e) name a nation (countries.txt or team_nations.txt).
bool Recognizer::IsNation(const ParaData& pd, int b, int e) const {
  static const WordList kNations("ner/team_nations.txt");
  if (LexOfTokens(pd, b, e) & kLexCountry) return true;
  const int begin = pd.pt->tokens[b].begin;
  int end = pd.pt->tokens[e - 1].end;
  if (pd.info[e - 1].flags & kInfPossessive) end -= 2;
  return kNations.Has(std::u16string_view(*pd.text).substr(begin, end - begin));
}

// Whether [b, e) is a person the tagger found ("K. Marlow 3-47", "Tiger
// Woods 68 70"), not a team.
bool Recognizer::PersonRun(const ParaData& pd, int b, int e) const {
  for (int k = b; k < e; ++k) {
    const int o = pd.owner[k];
    if (o >= 0 && work_[o].type == kPerson && work_[o].te - work_[o].tb >= 2) return true;
  }
  return false;
}

// Tokens [b, e) of paragraph p are a team: an organisation, or a place when
// it is a nation. Organisation names go into `teams`.
void Recognizer::MarkTeam(int p, int b, int e, std::unordered_set<uint64_t>* teams) {
  ParaData& pd = paras_[p];
  const bool nation = IsNation(pd, b, e);
  const int type = nation ? kPlace : kOrg;
  if (!nation) teams->insert(RunKey(pd, b, e));
  // the club's own first word alone is the club too ("Boavista" of "Boavista
  // Porto"); not a place, common word or given name ("Manchester", "Red")
  constexpr uint32_t kOtherUse = kLexPlace | kLexCountry | kLexLower | kLexDict | kLexFirst |
                                 kLexDemonym | kLexTitle | kLexCalendar | kLexOrgSuffix;
  if (!nation && e - b >= 2 && !(pd.info[b].lex & kOtherUse) &&
      !(pd.info[b].flags & (kInfPossessive | kInfAllCaps)) && !IsFunctionWord(TokText(pd, b)))
    teams->insert(RunKey(pd, b, b + 1));
  const int o = pd.owner[b];
  if (o >= 0 && work_[o].tb == b && work_[o].te == e) {
    work_[o].type = type;
    work_[o].needs_evidence = false;
    return;
  }
  for (int k = b; k < e; ++k) KillAt(p, k);
  Commit(SpanOf(p, b, e, type, 0.8f));
}

// Score lines and standings rows: a name at the start of the line or after
// a number or a comma, followed by a number.
void Recognizer::TableTeams(int p, std::unordered_set<uint64_t>* teams) {
  const ParaData& pd = paras_[p];
  if (!TableLine(pd)) return;
  const int n = static_cast<int>(pd.info.size());
  for (int b = 0; b < n; ++b) {
    if (b > 0 && !IsNumber(pd.info[b - 1]) &&
        !(TextIs(pd, b - 1, u",") || TextIs(pd, b - 1, u";") || TextIs(pd, b - 1, u")") ||
          TextIs(pd, b - 1, u":")))
      continue;
    const int e = TeamRunEnd(pd, b);
    if (e < 0) continue;
    const int ce = CodeEnd(pd, e);
    if (!NumberFollows(pd, ce) || PersonRun(pd, b, e) || InParens(pd, b) || Figures(pd, ce))
      continue;
    MarkTeam(p, b, ce, teams);
    b = ce - 1;
  }
}

// "Ashford v Wexley" (both teams), "OMAHA AT DULUTH" (a team,
// then the venue: a place).
void Recognizer::VersusTeams(int p, std::unordered_set<uint64_t>* teams) {
  const ParaData& pd = paras_[p];
  const int n = static_cast<int>(pd.info.size());
  for (int k = 1; k + 1 < n; ++k) {
    const Token& tok = pd.pt->tokens[k];
    const char16_t c0 = (*pd.text)[tok.begin];
    if (tok.end - tok.begin > 2 || (c0 != u'v' && c0 != u'V' && c0 != u'A')) continue;
    const std::u16string_view t = TokText(pd, k);
    // upper case ("AT", "V") only as the one word between two names filling the line
    const bool upper = t == u"AT" || t == u"V" || t == u"VS";
    const bool at = t == u"AT";
    if (!upper && t != u"v" && t != u"vs") continue;
    int kb = k + 1;
    if (TextIs(pd, kb, u".")) ++kb;
    const int e = TeamRunEnd(pd, kb);
    if (e < 0 || PersonRun(pd, kb, e)) continue;
    if (upper && (e != n || TeamRunBegin(pd, k) != 0)) continue;
    // before it: a team, or a date or the line's start ("June 3 v Dunmore")
    const int b = TeamRunBegin(pd, k);
    if (b < 0 && !IsNumber(pd.info[k - 1]) && !TextIs(pd, k - 1, u":")) continue;
    if (b >= 0 && (PersonRun(pd, b, k) || (b > 0 && IsLowerWord(pd.info[b - 1])))) continue;
    if (b >= 0) MarkTeam(p, b, k, teams);
    if (!at) {
      MarkTeam(p, kb, CodeEnd(pd, e), teams);
    } else if (pd.owner[kb] < 0) {
      Commit(SpanOf(p, kb, e, kPlace, 0.8f));
    }
  }
}

// "Ashford beat Wexley", "lost to Harwich": in a paragraph with a
// score, or in a document with results lines, the names around a results
// verb are teams when they are places or organisations (persons stay);
// elsewhere only two such names, neither a nation, on both sides of the verb.
void Recognizer::ResultVerbTeams(int p, bool sports, std::unordered_set<uint64_t>* teams) {
  static const WordList kVerbs("ner/result_verbs.txt");
  const ParaData& pd = paras_[p];
  int scored = sports ? 1 : -1;  // -1: not looked at yet
  const int n = static_cast<int>(pd.info.size());
  auto placeish = [&](int b, int e) {
    if (PersonRun(pd, b, e)) return false;
    const int o = pd.owner[b];
    if (o >= 0) return work_[o].type != kPerson;
    for (int k = b; k < e; ++k)
      if (pd.info[k].lex & (kLexPlace | kLexCountry)) return true;
    return false;
  };
  for (int k = 1; k + 1 < n; ++k) {
    // a name on one side at least (cheap tests first: this runs on every word)
    if (!IsLowerWord(pd.info[k]) ||
        !(IsCapWord(pd.info[k - 1]) || IsCapWord(pd.info[k + 1]) ||
          (k + 2 < n && IsCapWord(pd.info[k + 2]))) ||
        !kVerbs.Has(TokText(pd, k)))
      continue;
    if (scored < 0) scored = HasScore(pd) ? 1 : 0;
    int b = TeamRunBegin(pd, k);
    if (b >= 0 && !placeish(b, k)) b = -1;
    int kb = k + 1;
    if (OneOf(TokText(pd, kb), {u"with"sv, u"to"sv, u"against"sv, u"over"sv})) ++kb;
    int e = TeamRunEnd(pd, kb);
    if (e >= 0 && !placeish(kb, e)) e = -1;
    // without a score: two names that are not nations ("Ashford beat Wexley")
    if (!scored && (b < 0 || e < 0 || IsNation(pd, b, k) || IsNation(pd, kb, e))) continue;
    if (b >= 0) MarkTeam(p, b, k, teams);
    if (e >= 0) MarkTeam(p, kb, CodeEnd(pd, e), teams);
  }
}

// "Ashford captain Tom Reddle", "Harwich striker", "Dynamo Perm players": a
// place or organisation name before a team role word is the team.
void Recognizer::RoleTeams(int p, std::unordered_set<uint64_t>* teams) {
  static const WordList kRoles("ner/team_role_words.txt");
  const ParaData& pd = paras_[p];
  const int n = static_cast<int>(pd.info.size());
  for (int k = 1; k < n; ++k) {
    if (!IsLowerWord(pd.info[k]) || !IsCapWord(pd.info[k - 1]) || !kRoles.Has(TokText(pd, k)))
      continue;
    const int o = pd.owner[k - 1];
    if (o < 0 || work_[o].te != k || work_[o].para != p ||
        (work_[o].type != kPlace && work_[o].type != kOrg) || work_[o].outlet)
      continue;
    const int b = work_[o].tb;
    if (!IsNation(pd, b, k)) MarkTeam(p, b, k, teams);
  }
}

// A venue, not the team: "at Headingley", "in Leeds", "Leicester: ..." opening a
// results line.
bool Recognizer::Venue(const ParaData& pd, int b, int e) const {
  if (b > 0 && OneOf(TokText(pd, b - 1), {u"at"sv, u"in"sv})) return true;
  return b == 0 && (TextIs(pd, e, u":") || TextIs(pd, e, u"("));
}

// Every other mention of a team's name in the document is the team (a place,
// other name or lone name part typed otherwise; untagged names too).
void Recognizer::PropagateTeams(const std::unordered_set<uint64_t>& teams) {
  for (Work& w : work_) {
    if (w.dead || w.type == kOrg) continue;
    if (w.type == kPerson && (w.te - w.tb > 1 || w.titled())) continue;
    const ParaData& pd = paras_[w.para];
    if (pd.dateline || Venue(pd, w.tb, w.te) || !teams.count(RunKey(pd, w.tb, w.te))) continue;
    w.type = kOrg;
    w.needs_evidence = false;
  }
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if ((pd.headline && !pd.title_case) || pd.dateline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int b = 0; b < n; ++b) {
      if (pd.owner[b] >= 0 || !RunStart(pd, b)) continue;
      const int e = TeamRunEnd(pd, b);
      if (e < 0) continue;
      bool free = true;
      for (int k = b; k < e; ++k) free &= pd.owner[k] < 0;
      if (free && !Venue(pd, b, e) && teams.count(RunKey(pd, b, e)))
        Commit(SpanOf(static_cast<int>(p), b, e, kOrg, 0.7f));
      b = e - 1;
    }
  }
}

// A nation typed an organisation is the place ("Marco Ferrante (Italy)",
// "Italy beat France": wire news calls national teams places), and a name
// written with an initial ("M. Garside", "K. Marlow") is a person.
void Recognizer::NationsAndInitials() {
  for (Work& w : work_) {
    if (w.dead || w.outlet || (w.type != kOrg && w.type != kPlace)) continue;
    const ParaData& pd = paras_[w.para];
    if (w.type == kOrg && IsNation(pd, w.tb, w.te)) {
      w.type = kPlace;
      continue;
    }
    const std::u16string_view first = TokText(pd, w.tb);
    const bool initial = (first.size() == 2 && first[1] == u'.') ||
                         (first.size() == 1 && TextIs(pd, w.tb + 1, u".") && Glued(pd, w.tb + 1));
    if (initial && IsCapWord(pd.info[w.tb]) && IsCapWord(pd.info[w.te - 1]) && w.te - w.tb <= 3 &&
        !(pd.info[w.te - 1].lex & (kLexOrgSuffix | kLexCountry)))
      w.type = kPerson;
  }
}

// The name at token b for the cue rules: [b, end) of the mention starting
// there, or of the free capitalised run (up to a possessive or a taken
// token); -1 when b starts none.
int Recognizer::ClubRunEnd(const ParaData& pd, int b) const {
  if (b < 0 || b >= static_cast<int>(pd.info.size()) || !IsCapWord(pd.info[b])) return -1;
  const int o = pd.owner[b];
  if (o >= 0) return work_[o].tb == b ? work_[o].te : -1;
  const int e = TeamRunEnd(pd, b);
  for (int k = b; k < e; ++k) {
    if (pd.owner[k] >= 0) return k > b ? k : -1;
    if (pd.info[k].flags & kInfPossessive) return k + 1;
  }
  return e;
}

// Whether [b, e) may be a club named by a cue of strength `cue`: a place or
// organisation (a listed place when untagged) for kClubPlace; for
// kClubName also another name or a one-word person ("Boavista were"), for
// kClubDescribed also a longer one ("leaders Sporting Braga"); never
// with a given name, a title or a nationality.
bool Recognizer::ClubLike(const ParaData& pd, int b, int e, int cue) const {
  const int o = pd.owner[b];
  if (o >= 0) {
    const Work& w = work_[o];
    if (w.outlet || w.titled() || w.cued) return false;
    if (w.type == kPlace || w.type == kOrg) return true;
    if (cue == kClubPlace) return false;
    if (w.type == kPerson && w.te - w.tb > 1 && cue != kClubDescribed) return false;
  } else if (cue == kClubPlace) {
    return (LexOfTokens(pd, b, e) & kLexPlace) != 0;
  }
  // a common word, capitalised where a sentence or a note opens ("Figures are")
  if ((pd.info[b].flags & kInfFirstWord) && CommonOpener(pd.info[b].lex)) return false;
  if (o < 0 && cue == kClubName && (pd.info[b].lex & kLexLower)) return false;
  for (int k = b; k < e; ++k)
    if ((pd.info[k].lex & (kLexFirst | kLexDemonym | kLexTitle | kLexCalendar)) ||
        IsFunctionWord(TokText(pd, k)))
      return false;
  return true;
}

// Whether the name at b follows another in a list ("Smith and Jones are",
// "Kent, Sussex"): "and", "or", "&", or a comma after a capitalised word.
bool Recognizer::InList(const ParaData& pd, int b) const {
  if (b == 0 || !IsConnector(pd, b - 1)) return false;
  return !TextIs(pd, b - 1, u",") || (b >= 2 && IsCapWord(pd.info[b - 2]));
}

// Whether the name [b, e) is the subject of "are", "were" or "have": not in a
// list, not after a preposition ("the villages of X are"), not possessive.
bool Recognizer::PluralSubject(const ParaData& pd, int b, int e) const {
  const int n = static_cast<int>(pd.info.size());
  if (e + 1 >= n || !IsLowerWord(pd.info[e]) ||
      !OneOf(TokText(pd, e), {u"are"sv, u"were"sv, u"have"sv}) ||
      (pd.info[e - 1].flags & kInfPossessive) || InList(pd, b))
    return false;
  return b == 0 || !IsLowerWord(pd.info[b - 1]) ||
         OneOf(TokText(pd, b - 1), {u"but"sv, u"as"sv, u"when"sv, u"while"sv, u"after"sv,
                                    u"before"sv, u"because"sv, u"since"sv, u"though"sv,
                                    u"although"sv, u"if"sv, u"that"sv});
}

// A player's club: a place whose possessive opens a full name ("Leeds's Tom
// Hale"), or after a full name and "of" ("Tom Hale of Leeds"), or after a
// transfer verb (team_move_words.txt: "joined Leeds", "moved to Leeds",
// "signed for Leeds").
bool Recognizer::PlayerClub(const ParaData& pd, int b, int e) const {
  static const WordList kMoves("ner/team_move_words.txt");
  const int n = static_cast<int>(pd.info.size());
  auto full_person = [&](int k) {
    const int o = k >= 0 && k < n ? pd.owner[k] : -1;
    return o >= 0 && work_[o].type == kPerson && work_[o].te - work_[o].tb >= 2;
  };
  if ((pd.info[e - 1].flags & kInfPossessive) && e < n && full_person(e) &&
      work_[pd.owner[e]].tb == e)
    return true;
  if (b >= 2 && TextIs(pd, b - 1, u"of") && full_person(b - 2) && work_[pd.owner[b - 2]].te == b - 1)
    return true;
  if (b < 1 || !IsLowerWord(pd.info[b - 1])) return false;
  if (kMoves.Has(TokText(pd, b - 1))) return true;
  return b >= 2 && OneOf(TokText(pd, b - 1), {u"to"sv, u"for"sv}) && IsLowerWord(pd.info[b - 2]) &&
         kMoves.Has(TokText(pd, b - 2));
}

// In a document with teams or a match score: a club named by a cue of sports
// copy. A word before it (team_cue_words.txt: "second division side Lorient",
// "title rivals Kent", "the match against Hampshire"), or a plural verb after
// a name that is its subject and not part of a list ("Valencia are unbeaten",
// "Boavista were held": wire sports copy makes a club plural, a place is
// singular).
void Recognizer::CueTeams(int p, std::vector<TeamSpan>* found) const {
  static const WordList kCues("ner/team_cue_words.txt");
  const ParaData& pd = paras_[p];
  if (pd.headline || pd.dateline) return;
  const int n = static_cast<int>(pd.info.size());
  for (int b = 0; b < n; ++b) {
    if (!IsCapWord(pd.info[b]) || !RunStart(pd, b)) continue;
    const int e = ClubRunEnd(pd, b);
    if (e < 0) continue;
    bool team = false;
    if (b > 0 && IsLowerWord(pd.info[b - 1]) && kCues.Has(TokText(pd, b - 1))) {
      const bool against = EqualsFolded(TokText(pd, b - 1), u"against");
      team = ClubLike(pd, b, e, against ? kClubPlace : kClubDescribed);
    } else if (PluralSubject(pd, b, e)) {
      team = ClubLike(pd, b, e, kClubName);
    } else if (PlayerClub(pd, b, e)) {
      team = ClubLike(pd, b, e, kClubPlace) && !IsNation(pd, b, e);
    }
    if (team && !Venue(pd, b, e)) found->push_back({p, b, e});
    b = e - 1;
  }
}

// A list of names with a team in it ("Kent, Hampshire and Sussex all won",
// "v Durham or Lancashire"): its places are teams too. A list has "and" or
// "or", or three names ("Leeds, West Yorkshire" is no list).
void Recognizer::ListTeams(int p, std::unordered_set<uint64_t>* teams) {
  const ParaData& pd = paras_[p];
  if (pd.headline || pd.dateline) return;
  const int n = static_cast<int>(pd.info.size());
  int runs[8][2];
  for (int b = 0; b < n; ++b) {
    if (!IsCapWord(pd.info[b]) || !RunStart(pd, b)) continue;
    int count = 0;
    bool conj = false, has_team = false;
    int k = b;
    while (count < 8) {
      const int e = ClubRunEnd(pd, k);
      if (e < 0) break;
      runs[count][0] = k, runs[count][1] = e;
      ++count;
      has_team |= teams->count(RunKey(pd, k, e)) > 0;
      if (e >= n || !IsConnector(pd, e) || (pd.info[e - 1].flags & kInfPossessive)) break;
      k = e + 1;
      if (TextIs(pd, e, u",") && k < n && OneOf(TokText(pd, k), {u"and"sv, u"or"sv})) ++k;
      conj |= !TextIs(pd, e, u",") || k > e + 1;
    }
    if (count >= 2 && has_team && (conj || count >= 3)) {
      for (int i = 0; i < count; ++i) {
        const int rb = runs[i][0], re = runs[i][1];
        if (ClubLike(pd, rb, re, kClubPlace) && !IsNation(pd, rb, re) && !Venue(pd, rb, re))
          MarkTeam(p, rb, re, teams);
      }
    }
    if (count > 0) b = runs[count - 1][1] - 1;
  }
}

// A club's nickname alone ("the Orioles", "Red Sox"; team_nicknames.txt) in a
// document with sports cues: the club, unless it is part of a longer name.
void Recognizer::NicknameTeams(int p, std::unordered_set<uint64_t>* teams) {
  static const WordList kNicknames("ner/team_nicknames.txt");
  const ParaData& pd = paras_[p];
  const int n = static_cast<int>(pd.info.size());
  for (int i = 0; i < n; ++i) {
    if (!IsCapWord(pd.info[i]) || (!RunStart(pd, i) && !TextIs(pd, i - 1, u"The"))) continue;
    int e = -1;
    if (i + 1 < n && IsCapWord(pd.info[i + 1]) && (pd.info[i + 1].flags & kInfSpaceBefore)) {
      const int b16 = pd.pt->tokens[i].begin, e16 = pd.pt->tokens[i + 1].end;
      if (kNicknames.Has(std::u16string_view(*pd.text).substr(b16, e16 - b16))) e = i + 2;
    }
    if (e < 0 && kNicknames.HasStem(pd.info[i].word)) e = i + 1;
    if (e < 0 || (e < n && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore)) ||
        OwnedOutside(pd, i, e))
      continue;
    MarkTeam(p, i, e, teams);
    i = e - 1;
  }
}

// In cricket copy (a word of cricket_words.txt in the document) an English
// county of cricket_counties.txt is its club: "Surrey and Sussex both need a win"
// (invented; a headline's county too).
void Recognizer::CountyClubs(std::unordered_set<uint64_t>* teams) {
  static const WordList kCricketWords("ner/cricket_words.txt");
  static const WordList kCounties("ner/cricket_counties.txt");
  bool cricket = false;
  for (size_t p = 0; p < paras_.size() && !cricket; ++p)
    for (const TokenInfo& t : paras_[p].info)
      if (IsLowerWord(t) && kCricketWords.HasStem(t.word)) cricket = true;
  if (!cricket) return;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.dateline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      if (!IsCapWord(pd.info[i]) || !kCounties.HasStem(pd.info[i].word) ||
          OwnedOutside(pd, i, i + 1))
        continue;
      MarkTeam(static_cast<int>(p), i, i + 1, teams);
    }
  }
}

void Recognizer::Teams() {
  NationsAndInitials();
  std::unordered_set<uint64_t> teams;
  for (size_t p = 0; p < paras_.size(); ++p) {
    if (paras_[p].dateline) continue;
    TableTeams(static_cast<int>(p), &teams);
    VersusTeams(static_cast<int>(p), &teams);
    RoleTeams(static_cast<int>(p), &teams);
  }
  CountyClubs(&teams);  // its own cue: a cricket word
  const bool sports = !teams.empty();
  for (size_t p = 0; p < paras_.size(); ++p)
    if (!paras_[p].dateline) ResultVerbTeams(static_cast<int>(p), sports, &teams);
  // The cues of sports copy count in a document with teams, a match score or a
  // word only sports copy uses.
  if (teams.empty()) {
    bool scored = false;
    for (size_t p = 0; p < paras_.size() && !scored; ++p)
      scored = !paras_[p].dateline && (HasMatchScore(paras_[p]) || HasSportsWord(paras_[p]));
    if (!scored) return;
  }
  for (size_t p = 0; p < paras_.size(); ++p)
    if (!paras_[p].dateline) NicknameTeams(static_cast<int>(p), &teams);
  std::vector<TeamSpan> cued;
  for (size_t p = 0; p < paras_.size(); ++p) CueTeams(static_cast<int>(p), &cued);
  for (const TeamSpan& t : cued) {
    const ParaData& pd = paras_[t.para];
    const int o = pd.owner[t.b];  // still the name it was (an earlier cue may have taken it)
    if (o < 0 ? ClubRunEnd(pd, t.b) == t.e : work_[o].tb == t.b && work_[o].te == t.e)
      MarkTeam(t.para, t.b, t.e, &teams);
  }
  for (size_t p = 0; p < paras_.size(); ++p) ListTeams(static_cast<int>(p), &teams);
  PropagateTeams(teams);
}

// Sporting events and holidays: capitalised words ending in an event word
// (event_words.txt: "Hamburg Open", "World Cup", "IAAF Grand Prix Final",
// "Labor Day"), with "of" and a name after it ("World Series of Golf"), are one
// MISC name; the places and
// organisations the tagger saw inside ("Hamburg", "IAAF") are none. A person
// inside ("Tiger Woods Open"?) or a mention reaching past the run leaves it.
void Recognizer::EventNames(bool all_caps_lines) {
  static const WordList kEvents("ner/event_words.txt");
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    // all-caps lines are read after the headline pass (Headlines): a mention
    // made there before would cost it a look at every name of the document
    if ((pd.headline && !pd.title_case) != all_caps_lines) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 1; i < n; ++i) {
      if (!IsCapWord(pd.info[i]) || !(pd.info[i].flags & kInfSpaceBefore) ||
          !IsCapWord(pd.info[i - 1]) || !kEvents.HasStem(pd.info[i].word))
        continue;
      int b = i;
      while (b > 0 && i - b < 4 && IsCapWord(pd.info[b - 1]) &&
             (pd.info[b].flags & kInfSpaceBefore) && !(pd.info[b - 1].flags & kInfPossessive) &&
             !IsFunctionWord(TokText(pd, b - 1)) && !(pd.info[b - 1].lex & kLexCalendar))
        --b;
      if ((pd.info[b].flags & kInfFirstWord) && CommonOpener(pd.info[b].lex) && b + 1 < i) ++b;
      // a holiday is one word and "Day" ("Labor Day"; "U.S." before it stays a place,
      // "Doris Day" and "Mr Day" are persons)
      if (EqualsFolded(TokText(pd, i), u"Day")) {
        b = i - 1;
        if (pd.info[b].lex & (kLexTitle | kLexFirst | kLexCountry)) continue;
      }
      if (b == i) continue;
      int e = i + 1;
      if (e + 1 < n && TextIs(pd, e, u"of") && IsCapWord(pd.info[e + 1])) {
        e += 2;
        while (e < n && e - i < 5 && IsCapWord(pd.info[e]) && (pd.info[e].flags & kInfSpaceBefore))
          ++e;
      }
      if (OwnedOutside(pd, b, e) || PersonRun(pd, b, e)) {
        i = e - 1;
        continue;
      }
      for (int k = b; k < e; ++k) KillAt(static_cast<int>(p), k);
      Commit(SpanOf(static_cast<int>(p), b, e, kMisc, 0.8f));
      i = e - 1;
    }
  }
}

namespace {

// A scorecard's dismissal word ("c Garside b Marlow", "st Fenwick"),
// written in lower case and standing apart.
bool IsDismissal(const ParaData& pd, int i) {
  return IsLowerWord(pd.info[i]) && OneOf(TokText(pd, i), {u"c"sv, u"b"sv, u"st"sv}) &&
         (pd.info[i].flags & kInfSpaceBefore) && (pd.info[i].flags & kInfSpaceAfter);
}

// Whether token i can open bowling figures: overs, at most two digits or a
// decimal ("10", "9.5"; a telephone number's "212" is none).
bool Overs(const ParaData& pd, int i) {
  const std::u16string_view w = TokText(pd, i);
  return w.size() <= 2 || (w.size() <= 4 && w.find(u'.') != std::u16string_view::npos);
}

// The end of a player's name from token b: capitalised words (an initial
// "S.", hyphenated "Zia-ul-Karim" glued to them), at most four tokens of words.
int PlayerRunEnd(const ParaData& pd, int b) {
  const int n = static_cast<int>(pd.info.size());
  if (b >= n || !IsCapWord(pd.info[b]) || (pd.info[b].flags & kInfAllCaps)) return -1;
  int e = b + 1, words = 1;
  while (e < n) {
    const TokenInfo& t = pd.info[e];
    if (Glued(pd, e) && !(t.flags & kInfDigit) &&
        ((t.flags & kInfHasLetter) || IsHyphen(pd, e) || TokText(pd, e) == u"."))
      ++e;
    else if (IsCapWord(t) && (t.flags & kInfSpaceBefore) && words < 4)
      ++e, ++words;
    else
      break;
  }
  while (e > b + 1 && (pd.info[e - 1].flags & kInfPunct) && TokText(pd, e - 1) != u".") --e;
  return e;
}

}  // namespace

// Cricket scorecards: the player after a dismissal word ("c Garside b Marlow
// 38", "st Fenwick") and the bowler before bowling figures ("Tamsin
// 8-1-33-2") is a person; a mention the tagger made of exactly that name
// becomes one, a longer one is left alone.
void Recognizer::ScorecardNames() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      int b = -1, e = -1;
      if (IsDismissal(pd, i)) {
        b = i + 1;
        e = PlayerRunEnd(pd, b);
        if (e < 0 || (e < n && !IsNumber(pd.info[e]) && !IsDismissal(pd, e))) continue;
      } else if ((i == 0 || !IsCapWord(pd.info[i - 1]) || !(pd.info[i].flags & kInfSpaceBefore)) &&
                 (e = PlayerRunEnd(pd, i)) > 0 && e < n && Overs(pd, e) && Figures(pd, e)) {
        b = i;
      } else {
        continue;
      }
      if (OwnedOutside(pd, b, e)) continue;
      // A player's place in the card is evidence enough: kept when alone (cued).
      const int o = pd.owner[b];
      if (o >= 0) {
        if (work_[o].tb == b && work_[o].te == e) work_[o].type = kPerson, work_[o].cued = true;
      } else {
        Work w = SpanOf(static_cast<int>(p), b, e, kPerson, 0.8f);
        w.cued = true;
        Commit(std::move(w));
      }
      i = e - 1;
    }
  }
}

}  // namespace ner
}  // namespace factlens
