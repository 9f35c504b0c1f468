// The word lists of analysis/data/attributions/, each described in its header.
#include <algorithm>
#include <string_view>

#include "attributions/attributions_internal.h"
#include "attributions/tokens.h"
#include "common/embedded_data.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace factlens {
namespace attributions_internal {
namespace {

// "speech inv,bare: said says saying": class, comma-separated flags, then the
// forms. "onlyabout" implies "about".
CueInfo ParseCueHead(std::string_view head) {
  CueInfo info;
  size_t sp = head.find(' ');
  std::string_view cls = head.substr(0, sp);
  std::string_view flags = sp == std::string_view::npos ? "" : head.substr(sp + 1);
  auto has = [flags](std::string_view flag) {
    for (size_t b = 0; b <= flags.size();) {
      size_t e = flags.find(',', b);
      if (e == std::string_view::npos) e = flags.size();
      if (flags.substr(b, e - b) == flag) return true;
      b = e + 1;
    }
    return false;
  };
  info.belief = cls == "belief";
  info.evidence = cls == "evidence";
  info.inv = has("inv");
  info.bare = has("bare");
  info.obj = has("obj");
  info.post = has("post");
  info.strict = has("strict");
  info.inf = has("inf");
  info.naming = has("naming");
  info.topic = has("topic");
  info.wh = has("wh");
  info.ask = has("ask");
  info.thing = has("thing");
  info.nonhuman = has("nonhuman");
  info.passclause = has("passclause");
  info.gerund = has("gerund");
  info.passive = has("passive");
  info.only_about = has("onlyabout");
  info.about = has("about") || info.only_about;
  return info;
}

void LoadCues(std::unordered_map<std::u16string, CueInfo>* cues) {
  for (std::string_view line : EmbeddedLines("attributions/cues.txt")) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const CueInfo info = ParseCueHead(line.substr(0, colon));
    std::string_view forms = line.substr(colon + 1);
    size_t pos = 0;
    while (pos < forms.size()) {
      while (pos < forms.size() && forms[pos] == ' ') ++pos;
      size_t end = forms.find(' ', pos);
      if (end == std::string_view::npos) end = forms.size();
      if (end > pos) cues->emplace(Utf16(forms.substr(pos, end - pos)), info);
      pos = end;
    }
  }
}

void Load(const char* file, std::unordered_set<std::u16string>* set) {
  for (std::string_view line : EmbeddedLines(file)) set->insert(Utf16(line));
}

// Lexicon::anchor_shapes' index of a word that starts with `first` (lower case).
size_t AnchorShape(char16_t first, size_t length) {
  return (first & 31u) * 32 + std::min<size_t>(length, 31);
}

void AddAnchorShapes(Lexicon* l) {
  auto add = [&](std::u16string_view w) {
    if (!w.empty()) l->anchor_shapes.set(AnchorShape(w[0], w.size()));
  };
  for (const auto& [w, unused] : l->cues) add(w);
  for (const auto& w : l->claim_nouns) add(w);
  for (std::u16string_view w :
       {u"according", u"made", u"make", u"makes", u"making", u"put", u"puts"})
    add(w);
}

}  // namespace

const Lexicon& Lexicon::Get() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon();
    LoadCues(&l->cues);
    Load("attributions/vague_sources.txt", &l->vague);
    Load("attributions/speaker_nouns.txt", &l->speaker_nouns);
    Load("attributions/adverbs.txt", &l->adverbs);
    Load("attributions/platforms.txt", &l->platforms);
    Load("attributions/media_words.txt", &l->media);
    Load("attributions/non_names.txt", &l->non_names);
    l->non_names.insert(WeekdayNames().begin(), WeekdayNames().end());
    l->non_names.insert(MonthNames().begin(), MonthNames().end());
    Load("attributions/np_stops.txt", &l->np_stops);
    Load("attributions/prepositions.txt", &l->prepositions);
    Load("attributions/page_labels.txt", &l->page_labels);
    Load("attributions/time_nouns.txt", &l->time_nouns);
    Load("attributions/time_periods.txt", &l->time_periods);
    Load("attributions/parts_of_day.txt", &l->parts_of_day);
    Load("attributions/reduced_passives.txt", &l->reduced_passives);
    Load("attributions/cue_modifiers.txt", &l->cue_modifiers);
    Load("attributions/postnominal_adjectives.txt", &l->postnominal);
    Load("attributions/cue_noun_adjectives.txt", &l->noun_adjectives);
    Load("attributions/titles.txt", &l->titles);
    Load("attributions/org_heads.txt", &l->org_heads);
    Load("attributions/finite_verbs.txt", &l->finite_verbs);
    Load("attributions/finite_cues.txt", &l->finite_cues);
    Load("attributions/determiners.txt", &l->determiners);
    Load("attributions/quantifiers.txt", &l->quantifiers);
    Load("attributions/addressees.txt", &l->addressees);
    Load("attributions/no_statement_words.txt", &l->no_statement);
    Load("attributions/outlet_phrase_ends.txt", &l->phrase_ends);
    Load("attributions/clause_openers.txt", &l->clause_openers);
    Load("attributions/clause_verbs.txt", &l->clause_verbs);
    Load("attributions/claim_nouns.txt", &l->claim_nouns);
    Load("attributions/document_nouns.txt", &l->document_nouns);
    Load("attributions/publishing_verbs.txt", &l->publishing_verbs);
    AddAnchorShapes(l);
    return l;
  }();
  return *lex;
}

bool Lexicon::MayBeAnchor(std::u16string_view word) const {
  return !word.empty() && anchor_shapes.test(AnchorShape(LowerUnit(word[0]), word.size()));
}

}  // namespace attributions_internal
}  // namespace factlens
