// Outlet rules: listed outlets, outlet cues and outlet words.
#include "entities/recognizer.h"

#include <unicode/uchar.h>

#include <string>
#include <unordered_set>
#include <utility>

namespace factlens {
namespace ner {

using std::string_view_literals::operator""sv;

bool Recognizer::OutletCueBefore(const ParaData& pd, int tb, bool* strong) const {
  *strong = false;
  int i = tb - 1;
  if (i >= 0 && EqualsFolded(TokText(pd, i), u"the")) --i;
  if (i < 0) return false;
  const std::u16string_view w = TokText(pd, i);
  static const WordList kOutletNouns("ner/outlet_cue_words.txt");
  if (kOutletNouns.Has(w)) {
    *strong = true;
    return true;
  }
  if (OneOf(w, {u"told"sv, u"to"sv, u"with"sv, u"by"sv})) {
    if (EqualsFolded(w, u"to")) return i > 0 && EqualsFolded(TokText(pd, i - 1), u"according");
    if (EqualsFolded(w, u"with")) return i > 0 && EqualsFolded(TokText(pd, i - 1), u"interview");
    if (EqualsFolded(w, u"by"))
      return i > 0 && OneOf(TokText(pd, i - 1), {u"photo"sv, u"reported"sv});
    return true;
  }
  return false;
}

bool Recognizer::HasOutletWord(const ParaData& pd, int tb, int te) const {
  for (int i = tb; i < te; ++i) {
    if (pd.info[i].lex & kLexOutletWord) return true;
    // camel-case part: "NewsChina"
    std::u16string_view t = TokText(pd, i);
    for (const char16_t* word : {u"News", u"Times", u"Daily", u"Post", u"Herald", u"TV"}) {
      std::u16string_view ww(word);
      if (t.size() > ww.size() && t.substr(0, ww.size()) == ww &&
          u_isupper(t[ww.size()]))
        return true;
      if (t.size() > ww.size() && t.substr(t.size() - ww.size()) == ww &&
          u_islower(t[t.size() - ww.size() - 1]))
        return true;
    }
  }
  return false;
}

void Recognizer::Outlets() {
  ListedOutlets();
  OutletCues();
  OutletsAfterCues();
  OutletsBeforeNouns();
}

// Known outlets from the list, tagged or not; the model's mentions inside the
// range give way.
void Recognizer::ListedOutlets() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      const uint32_t g = GazPart(pd.info[i], kGazOutlet);
      if (g != 1 + kB && g != 1 + kU) continue;
      const int e = GazMatchEnd(pd, i, kGazOutlet);
      if (e < 0) break;
      if (!CasedName(pd, i, e)) continue;
      int tb = i;
      if (EqualsFolded(TokText(pd, tb), u"the") && e - tb > 1) ++tb;
      if (OwnedOutside(pd, tb, e)) continue;
      KillOwners(pd, tb, e);
      Work w = SpanOf(static_cast<int>(p), tb, e, kOrg, 0.9f);
      w.outlet = true;
      Commit(std::move(w));
      i = e - 1;
    }
  }
}

// Cue evidence on tagged mentions: a strong cue ("the newspaper X"), a cue and
// an outlet word ("told Korea Herald"), or an organisation ending in one.
void Recognizer::OutletCues() {
  for (size_t idx = 0; idx < work_.size(); ++idx) {
    Work& w = work_[idx];
    if (w.dead || w.outlet) continue;
    const ParaData& pd = paras_[w.para];
    bool strong = false;
    const bool cue = OutletCueBefore(pd, w.tb, &strong) ||
                     (w.te < static_cast<int>(pd.info.size()) &&
                      OneOf(TokText(pd, w.te), {u"reported"sv, u"reports"sv}));
    const bool word = HasOutletWord(pd, w.tb, w.te);
    const bool ends_in_outlet_word = w.type == kOrg && w.te - w.tb > 1 &&
                                     (pd.info[w.te - 1].lex & kLexOutletWord);
    if (strong || (cue && word) || ends_in_outlet_word) {
      w.type = kOrg;
      w.outlet = true;
    }
  }
}

// Capitalised words nobody took after a strong cue, or after a cue with an
// outlet word ("told Rádio Litoral").
void Recognizer::OutletsAfterCues() {
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 1; i < n; ++i) {
      if (pd.owner[i] >= 0 || !IsCapWord(pd.info[i])) continue;
      bool strong = false;
      if (!OutletCueBefore(pd, i, &strong)) continue;
      int e = i;
      while (e < n && e < i + 4 && IsCapWord(pd.info[e]) && pd.owner[e] < 0) ++e;
      if (!strong && !HasOutletWord(pd, i, e)) continue;
      Work w = SpanOf(static_cast<int>(p), i, e, kOrg, 0.7f);
      w.outlet = true;
      Commit(std::move(w));
    }
  }
}

// The capitalised words before an outlet noun ("Britain's Sentinel newspaper", "Vantrex
// news agency", invented; outlet_nouns_after.txt): an outlet, unless they name a place,
// a country or a people, or follow "a"/"an" ("a Chicago newspaper").
void Recognizer::OutletsBeforeNouns() {
  static const WordList kNouns("ner/outlet_nouns_after.txt");
  constexpr uint32_t kPlaceLike = kLexPlace | kLexCountry | kLexDemonym;
  constexpr uint32_t kGazPlaceLike = GazBits(0) | GazBits(kGazCountry) | GazBits(kGazDemonym);
  std::unordered_set<std::u16string> keys;  // of the outlets found here
  for (size_t p = 0; p < paras_.size(); ++p) {
    const ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 1; i < n; ++i) {
      // a capital right before, or two before ("X news agency"), comes first: it is cheap
      if (IsCapWord(pd.info[i]) ||
          !(IsCapWord(pd.info[i - 1]) || (i > 1 && IsCapWord(pd.info[i - 2]))) ||
          !kNouns.HasStem(pd.info[i].word))
        continue;
      int e = i;  // one past the name
      if (EqualsFolded(TokText(pd, i), u"agency")) {
        if (!OneOf(TokText(pd, i - 1), {u"news"sv, u"press"sv})) continue;
        e = i - 1;
      }
      int b = e;
      // Back over capitalised words, not past a possessive ("Britain's") nor onto a
      // common word capitalised to open the sentence ("But").
      while (b > 0 && e - b < 4 && IsCapWord(pd.info[b - 1]) &&
             !(b < e && (pd.info[b - 1].flags & kInfPossessive)) &&
             !((pd.info[b - 1].flags & kInfFirstWord) && (pd.info[b - 1].lex & kLexLower)))
        --b;
      if (b < e - 1 && EqualsFolded(TokText(pd, b), u"the")) ++b;  // "The Sentinel newspaper"
      if (b == e || (pd.info[e - 1].flags & kInfPossessive) || CompoundAdjective(pd, e - 1))
        continue;
      if (b > 0 && OneOf(TokText(pd, b - 1), {u"a"sv, u"an"sv})) continue;
      bool place_like = false;
      for (int k = b; k < e; ++k)
        place_like |= (pd.info[k].lex & kPlaceLike) || (pd.info[k].gaz & kGazPlaceLike);
      if (place_like || OwnedOutside(pd, b, e)) continue;
      const int o = TakeSpan(static_cast<int>(p), b, e, kOrg, 0.7f);
      if (o < 0) continue;
      work_[o].outlet = true;
      keys.insert(work_[o].key);
    }
  }
  // The same name elsewhere in the document is the same outlet ("Sentinel said").
  if (keys.empty()) return;
  for (Work& w : work_) {
    if (w.dead || w.outlet || !keys.count(w.key)) continue;
    w.type = kOrg;
    w.outlet = true;
  }
}

}  // namespace ner
}  // namespace factlens
