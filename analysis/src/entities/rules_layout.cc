// Layout rules: bylines, datelines and headlines.
#include "entities/recognizer.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

void Recognizer::Bylines() {
  for (size_t p = 0; p < paras_.size() && p < 12; ++p) {
    ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    if (n < 2 || !EqualsFolded(TokText(pd, 0), u"by")) continue;
    int e = 1;
    while (e < n && e < 5 && IsCapWord(pd.info[e]) &&
           !OneOf(TokText(pd, e), {u"updated"sv, u"published"sv, u"staff"sv, u"and"sv, u"in"sv,
                                    u"posted"sv, u"photo"sv, u"photos"sv}))
      ++e;
    if (e - 1 < 2) continue;
    for (int i = 1; i < e; ++i)
      if (pd.owner[i] >= 0) Kill(pd.owner[i]);
    Work w;
    w.para = static_cast<int>(p);
    w.tb = 1;
    w.te = e;
    w.type = kPerson;
    w.conf = 0.8f;
    w.begin = pd.pt->tokens[1].begin;
    w.end = pd.pt->tokens[e - 1].end;
    Commit(std::move(w));
  }
}

namespace {

// Whether tokens from k to the end of the paragraph are a date: numbers,
// punctuation and month names, with a month name or a number opening with a
// four-digit year ("2001-03-14", "Jan 9"; not the figures of a table row).
bool DateTail(const ParaData& pd, int k) {
  bool date = false;
  for (int n = static_cast<int>(pd.info.size()); k < n; ++k) {
    const TokenInfo& t = pd.info[k];
    if (t.lex & kLexCalendar) {
      date = true;
    } else if (IsNumber(t)) {
      const std::u16string_view w = TokText(pd, k);
      int digits = 0;
      while (digits < static_cast<int>(w.size()) && w[digits] >= u'0' && w[digits] <= u'9')
        ++digits;
      date |= digits == 4;
    } else if (!(t.flags & kInfPunct)) {
      return false;
    }
  }
  return date;
}

}  // namespace

// A dateline: upper-case words opening a paragraph, then "(", ",", "-" or
// "—" ("WASHINGTON (Reuters) -", "SINES, Portugal, January 9 —") are a place;
// so are upper-case words of a known place forming a line with a date
// ("LONDON 2001-03-14").
void Recognizer::Datelines() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    int e = 0;
    while (e < n && e < 4 && (pd.info[e].flags & kInfAllCaps) &&
           !(pd.info[e].flags & kInfDigit))
      ++e;
    bool place = false;
    for (int k = 0; k < e; ++k)
      place |= (pd.info[k].lex & (kLexPlace | kLexCountry)) || (pd.info[k].gaz & 077) != 0;
    // "WIGMORE, England 2001-03-15", "FRESNO, Calif 2001-03-14": the region after a comma
    int rb = e, re = e;
    if (e > 0 && e + 1 < n && TokText(pd, e) == u",") {
      rb = re = e + 1;
      while (re < n && re - rb < 3 && IsCapWord(pd.info[re]) && !(pd.info[re].flags & kInfAllCaps))
        ++re;
      const uint32_t lex = re > rb ? LexOfTokens(pd, rb, re) : 0;
      if (re == rb || !(lex & (kLexPlace | kLexCountry)) || !DateTail(pd, re)) rb = re = e;
      else place = true;
    }
    if (place && e < n && n <= 12 && DateTail(pd, re)) {
      KillOwners(pd, 0, e);
      pd.dateline = true;
      Commit(SpanOf(static_cast<int>(p), 0, e, kPlace, 0.8f));
      if (re > rb && !OwnedOutside(pd, rb, re)) {
        KillOwners(pd, rb, re);
        Commit(SpanOf(static_cast<int>(p), rb, re, kPlace, 0.8f));
      }
      continue;
    }
    if (e == 0 || e >= n || pd.headline) continue;
    const std::u16string_view next = TokText(pd, e);
    if (next != u"(" && next != u"," && next != u"-" && next != u"—" && next != u"–") continue;
    // the rest of the paragraph must be ordinary text
    if (e + 1 < n && (pd.info[e + 1].flags & kInfAllCaps) && next == u",") continue;
    // a known place, or "(Agency)" after it
    if (!place && !(next == u"(" && e + 1 < n && IsCapWord(pd.info[e + 1]))) continue;
    KillOwners(pd, 0, e);
    pd.dateline = true;
    Commit(SpanOf(static_cast<int>(p), 0, e, kPlace, 0.8f));
  }
}

// A sign-off line ("-- Ann Lowry, London Newsroom +44 ...", "-- Reuters
// Ottawa Bureau (613) ..."): capitalised words ending in a desk word are the
// organisation, not a place and a name.
void Recognizer::SignOffs() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    if (n < 3 || (*pd.text)[pd.pt->tokens[0].begin] != u'-') continue;
    for (int i = 2; i < n; ++i) {
      if (!IsCapWord(pd.info[i]) ||
          !OneOf(TokText(pd, i), {u"Newsroom"sv, u"Newsdesk"sv, u"Desk"sv, u"Bureau"sv}))
        continue;
      int b = i;
      while (b > 0 && i - b < 4 && IsCapWord(pd.info[b - 1]) &&
             (pd.info[b].flags & kInfSpaceBefore))
        --b;
      if (b == i) continue;
      KillOwners(pd, b, i + 1);
      Commit(SpanOf(static_cast<int>(p), b, i + 1, kOrg, 0.8f));
    }
  }
}

// Lexical evidence for a name tagged in a title-case line.
bool Recognizer::HasEvidence(const Work& w) const {
  const ParaData& pd = paras_[w.para];
  const TokenInfo& first = pd.info[w.tb];
  const TokenInfo& last = pd.info[w.te - 1];
  switch (w.type) {
    case kPerson:
      return w.titled() || (first.lex & kLexFirst) ||
             (w.te - w.tb >= 2 && (last.lex & kLexSurname));
    case kPlace:
      for (int i = w.tb; i < w.te; ++i)
        if ((pd.info[i].lex & (kLexPlace | kLexCountry)) || (pd.info[i].gaz & 077))
          return true;
      return false;
    case kOrg:
      return ContainsOrgSuffix(pd, w.tb, w.te) || (first.lex & kLexOutlet) ||
             ((first.gaz >> 12) & 7);
    default:
      return (first.lex & kLexDemonym) || ((first.gaz >> 6) & 7);
  }
}

// Headline and all-caps lines keep only names the body resolved, plus
// countries and known outlets (well-evidenced by the lists).
void Recognizer::Headlines() {
  const bool any_headline =
      std::any_of(paras_.begin(), paras_.end(), [](const ParaData& pd) { return pd.headline; });
  const bool any_on_evidence = std::any_of(work_.begin(), work_.end(), [](const Work& w) {
    return !w.dead && w.needs_evidence;
  });
  if (!any_headline && !any_on_evidence) return;
  std::unordered_map<std::u16string, int> known;  // NameKey -> type
  size_t max_len = 1;
  for (const Work& w : work_) {
    if (w.dead || paras_[w.para].headline || w.needs_evidence) continue;
    known.try_emplace(w.key, w.type);
    max_len = std::max<size_t>(max_len, static_cast<size_t>(w.te - w.tb));
  }
  for (const auto& kv : parts_) known.try_emplace(kv.first, kPerson);
  for (size_t idx = 0; idx < work_.size(); ++idx) {
    Work& w = work_[idx];
    if (w.dead || !w.needs_evidence) continue;
    auto it = known.find(w.key);
    if (it != known.end()) w.type = it->second;
    else if (!HasEvidence(w)) Kill(static_cast<int>(idx));
  }
  // each token's NameKey, computed once per headline (a name is matched from
  // every token on, over up to max_len + 2 tokens)
  std::vector<std::u16string> keys;
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (!pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    keys.assign(n, std::u16string());
    std::vector<bool> keyed(n, false);
    for (int i = 0; i < n; ++i) {
      if (!(pd.info[i].flags & kInfHasLetter) || pd.owner[i] >= 0) continue;
      if (!IsCapWord(pd.info[i])) continue;
      int best_e = -1, best_type = -1;
      std::u16string acc;
      for (int e = i + 1; e <= n && e - i <= static_cast<int>(max_len) + 2; ++e) {
        const int k = e - 1;
        if (k > i && pd.info[k].flags & kInfSpaceBefore && !IsCapWord(pd.info[k]) &&
            !(pd.info[k].flags & kInfPunct))
          break;
        if (!keyed[k]) {
          std::u16string_view t = TokText(pd, k);
          if (pd.info[k].flags & kInfPossessive) t = t.substr(0, t.size() - 2);
          keys[k] = EntityNameKey(t);
          keyed[k] = true;
        }
        acc += keys[k];
        if (pd.info[k].flags & kInfPunct) continue;
        auto it = known.find(acc);
        if (it != known.end()) best_e = e, best_type = it->second;
        const uint32_t bits = pd.info[k].lex;
        if (e == i + 1 && (bits & (kLexCountry | kLexOutlet)) && best_e < 0)
          best_e = e, best_type = (bits & kLexOutlet) ? kOrg : kPlace;
        if (pd.info[k].flags & kInfPossessive) break;
      }
      if (best_e < 0) continue;
      Work w = SpanOf(static_cast<int>(p), i, best_e, best_type, 0.7f);
      if (w.type == kPerson) AttachTitle(pd, &w);
      Commit(std::move(w));
      i = best_e - 1;
    }
  }
}

namespace {

// A name alone on a line of a letter or an e-mail: a greeting word may come
// first ("Hey Vladi,", "Dear Nina,"), a comma, period or "!" may end it.
bool IsGreeting(std::u16string_view w) {
  return OneOf(w, {u"hi"sv, u"hey"sv, u"hello"sv, u"dear"sv, u"thanks"sv});
}

}  // namespace

// Lines of letters and e-mails: a salutation or signature line that is one name
// and a comma, or a greeting and one name ("Mery,", "Hey Vladi!"; a dictionary
// word, a place, a country or an organisation is none: "Thanks,"; a club alone
// on a line of a sports list, "Airdrieonians.", has no comma), and a sender line
// '"Townsend, George" <gtownsend@...>' (the quoted name, comma included). The
// tagger's own person on such a line is kept, though the line is title case
// (Headlines keeps a title-case line's names only on evidence).
void Recognizer::LetterNames() {
  constexpr uint32_t kNotName = kLexDict | kLexLower | kLexPlace | kLexCountry | kLexOrg |
                                kLexOutlet | kLexTitle | kLexDemonym | kLexCalendar |
                                kLexOrgSuffix;
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    int n = static_cast<int>(pd.info.size());
    if (n >= 4 && TokText(pd, 0) == u"\"" && TokText(pd, n - 1) == u">") {
      int close = 1;
      while (close < n && TokText(pd, close) != u"\"") ++close;
      bool names = close > 1 && close + 1 < n && TokText(pd, close + 1) == u"<";
      for (int k = 1; k < close && names; ++k)
        names = IsCapWord(pd.info[k]) || TokText(pd, k) == u",";
      if (names && !OwnedOutside(pd, 1, close)) {
        KillOwners(pd, 1, close);
        Work w = SpanOf(static_cast<int>(p), 1, close, kPerson, 0.8f);
        w.cued = true;  // "Last, First": not cut at the comma (RepairPersonSpans)
        Commit(std::move(w));
      }
      continue;
    }
    const bool comma = n >= 2 && TokText(pd, n - 1) == u",";
    while (n > 0 && OneOf(TokText(pd, n - 1), {u","sv, u"."sv, u"!"sv})) --n;
    const int b = n >= 2 && IsGreeting(TokText(pd, 0)) ? 1 : 0;
    if (n - b != 1 || (b == 0 && !comma)) continue;
    const TokenInfo& t = pd.info[b];
    const int o = pd.owner[b];
    if (o >= 0 && work_[o].type == kPerson && work_[o].tb == b && work_[o].te == b + 1) {
      work_[o].cued = true;  // the tagger's: kept in a title-case line ("Hey Vladi,")
      work_[o].needs_evidence = false;
      continue;
    }
    if (!IsCapWord(t) || (t.flags & kInfAllCaps) || (t.lex & kNotName) || o >= 0) continue;
    Work w = SpanOf(static_cast<int>(p), b, b + 1, kPerson, 0.7f);
    w.cued = true;
    Commit(std::move(w));
  }
}

}  // namespace ner
}  // namespace factlens
