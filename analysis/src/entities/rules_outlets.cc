// Outlet rules: listed outlets, outlet cues and outlet words.
#include "entities/recognizer.h"

#include <unicode/uchar.h>

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
  if (OneOf(w, {u"outlet"sv, u"newspaper"sv, u"broadcaster"sv, u"daily"sv, u"magazine"sv, u"tabloid"sv,
                u"agency"sv, u"weekly"sv, u"network"sv, u"channel"sv})) {
    *strong = true;
    return true;
  }
  if (OneOf(w, {u"told"sv, u"to"sv, u"with"sv, u"by"sv})) {
    if (EqualsFolded(w, u"to")) return i > 0 && EqualsFolded(TokText(pd, i - 1), u"according");
    if (EqualsFolded(w, u"with")) return i > 0 && EqualsFolded(TokText(pd, i - 1), u"interview");
    if (EqualsFolded(w, u"by")) return i > 0 && OneOf(TokText(pd, i - 1), {u"photo"sv, u"reported"sv});
    return true;
  }
  return false;
}

bool Recognizer::HasOutletWord(const ParaData& pd, const Work& w) const {
  for (int i = w.tb; i < w.te; ++i) {
    if (pd.info[i].lex & ner::kLexOutletWord) return true;
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
  // Known outlets from the list, tagged or not.
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 0; i < n; ++i) {
      const uint32_t g = (pd.info[i].gaz >> (3 * 4)) & 7;  // kGazCats[4] == kLexOutlet
      if (g != 1 + ner::kB && g != 1 + ner::kU) continue;
      int e = i;
      while (e < n && ((pd.info[e].gaz >> 12) & 7) != 1 + ner::kL &&
             ((pd.info[e].gaz >> 12) & 7) != 1 + ner::kU)
        ++e;
      if (e >= n) break;
      ++e;
      if (!CasedName(pd, i, e)) continue;
      int tb = i;
      if (EqualsFolded(TokText(pd, tb), u"the") && e - tb > 1) ++tb;
      // Replace the model's mentions inside this range.
      bool foreign = false;
      for (int k = tb; k < e; ++k) {
        const int o = pd.owner[k];
        if (o >= 0 && (work_[o].tb < tb || work_[o].te > e)) foreign = true;
      }
      if (foreign) continue;
      for (int k = tb; k < e; ++k)
        if (pd.owner[k] >= 0) Kill(pd.owner[k]);
      Work w = SpanOf(static_cast<int>(p), tb, e, kOrg, 0.9f);
      w.outlet = true;
      Commit(std::move(w));
      i = e - 1;
    }
  }
  // Cue evidence on tagged mentions, and capitalised words after a strong cue.
  for (size_t idx = 0; idx < work_.size(); ++idx) {
    Work& w = work_[idx];
    if (w.dead || w.outlet) continue;
    const ParaData& pd = paras_[w.para];
    bool strong = false;
    const bool cue = OutletCueBefore(pd, w.tb, &strong) ||
                     (w.te < static_cast<int>(pd.info.size()) &&
                      OneOf(TokText(pd, w.te), {u"reported"sv, u"reports"sv}));
    const bool word = HasOutletWord(pd, w);
    const bool ends_in_outlet_word = w.type == kOrg && w.te - w.tb > 1 &&
                                     (pd.info[w.te - 1].lex & ner::kLexOutletWord);
    if (strong || (cue && word) || ends_in_outlet_word) {
      w.type = kOrg;
      w.outlet = true;
    }
  }
  for (size_t p = 0; p < paras_.size(); ++p) {
    ParaData& pd = paras_[p];
    if (pd.headline) continue;
    const int n = static_cast<int>(pd.info.size());
    for (int i = 1; i < n; ++i) {
      if (pd.owner[i] >= 0 || !IsCapWord(pd.info[i])) continue;
      bool strong = false;
      if (!OutletCueBefore(pd, i, &strong)) continue;
      int e = i;
      while (e < n && e < i + 4 && IsCapWord(pd.info[e]) && pd.owner[e] < 0) ++e;
      if (!strong) {  // "told Rádio Litoral": a cue and an outlet word
        Work probe;
        probe.tb = i;
        probe.te = e;
        if (!HasOutletWord(pd, probe)) continue;
      }
      Work w = SpanOf(static_cast<int>(p), i, e, kOrg, 0.7f);
      w.outlet = true;
      Commit(std::move(w));
    }
  }
}

}  // namespace ner
}  // namespace factlens
