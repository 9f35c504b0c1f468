// Named entities: the tagger (entities_model.h) plus document rules, the
// entity list and the person-resolution service. See factlens/entities.h.
#include "factlens/entities.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "entities/model.h"

namespace factlens {

using std::string_view_literals::operator""sv;

using ner::TokenInfo;

// ------------------------------------------------------------------ helpers

Gender PronounGender(std::u16string_view w) {
  if (w.size() < 2 || w.size() > 7) return Gender::kUnknown;
  const char16_t c0 = ner::FoldUnit(w[0]);
  if (c0 != u'h' && c0 != u's') return Gender::kUnknown;
  char16_t buf[8];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = ner::FoldUnit(w[i]);
  const std::u16string_view f(buf, w.size());
  if (f == u"he" || f == u"him" || f == u"his" || f == u"himself") return Gender::kMale;
  if (f == u"she" || f == u"her" || f == u"hers" || f == u"herself") return Gender::kFemale;
  return Gender::kUnknown;
}

std::u16string EntityNameKey(std::u16string_view name) {
  bool ascii = true;
  for (char16_t c : name) ascii &= c < 0x80;
  std::u16string out;
  out.reserve(name.size());
  if (ascii) {
    for (char16_t c : name) {
      if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char16_t>(c + 32));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
  }
  thread_local std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  icu::UnicodeString u(name.data(), static_cast<int32_t>(name.size()));
  if (translit) translit->transliterate(u);
  u.foldCase();
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    if (u_isalnum(c)) out.push_back(c);
  }
  return out;
}

namespace {

constexpr int kPerson = 0, kOrg = 1, kPlace = 2, kMisc = 3;

EntityType ToType(int t) {
  switch (t) {
    case kPerson: return EntityType::kPerson;
    case kOrg: return EntityType::kOrg;
    case kPlace: return EntityType::kPlace;
    default: return EntityType::kMisc;
  }
}

bool EqualsFolded(std::u16string_view a, std::u16string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ner::FoldUnit(a[i]) != ner::FoldUnit(b[i])) return false;
  return true;
}

// The lists are of u16string_view literals (u"…"sv): their lengths are known at
// compile time, so most words are rejected on length alone.
bool OneOf(std::u16string_view w, std::initializer_list<std::u16string_view> list) {
  for (std::u16string_view s : list)
    if (EqualsFolded(w, s)) return true;
  return false;
}

bool IsFunctionWord(std::u16string_view w) {
  return OneOf(w, {u"a"sv, u"an"sv, u"the"sv, u"and"sv, u"or"sv, u"of"sv, u"in"sv, u"on"sv, u"at"sv, u"to"sv,
                   u"for"sv, u"with"sv, u"by"sv, u"from"sv, u"as"sv, u"vs"sv, u"amid"sv, u"over"sv, u"into"sv,
                   u"its"sv, u"is"sv, u"are"sv, u"but"sv, u"after"sv, u"before"sv, u"how"sv, u"why"sv,
                   u"when"sv, u"while"sv, u"if"sv, u"then"sv, u"this"sv, u"that"sv, u"these"sv, u"those"sv,
                   u"during"sv, u"since"sv, u"until"sv, u"despite"sv, u"although"sv, u"because"sv,
                   u"his"sv, u"her"sv, u"their"sv, u"our"sv, u"my"sv, u"your"sv, u"former"sv, u"then"sv});
}

// A working mention: tokens [tb, te) of paragraph `para`.
struct Work {
  int para = 0;
  int tb = 0, te = 0;
  int begin = 0, end = 0;  // UTF-16 span (after trimming)
  int type = kMisc;
  float conf = 0.9f;
  bool outlet = false;
  bool dead = false;
  std::u16string title;       // title words before the name
  std::u16string descriptor;  // extended title ("South Korean President")
  Gender gender_hint = Gender::kUnknown;
  int entity = -1;
  std::u16string key;  // NameKey of the span text
  bool needs_evidence = false;  // tagged in a title-case line: kept on evidence
};

struct ParaData {
  const std::u16string* text = nullptr;
  const ParagraphText* pt = nullptr;
  std::vector<TokenInfo> info;
  bool headline = false;    // heading, all-caps or title-case line
  bool title_case = false;  // ...of the title-case kind: tagged, kept on evidence
  std::vector<int> owner;  // mention index covering each token, -1
};

std::u16string_view TokText(const ParaData& pd, int i) {
  const Token& t = pd.pt->tokens[i];
  return std::u16string_view(*pd.text).substr(t.begin, t.end - t.begin);
}

bool IsCapWord(const TokenInfo& t) {
  return (t.flags & ner::kInfCap) && (t.flags & ner::kInfHasLetter);
}

// Headline-like: a heading, an all-caps line, or a short title-case line
// without sentence punctuation ("Resetting Ties", "Ups and Downs").
// 0 body, 1 title-case line, 2 heading or all-caps line.
int HeadlineKind(const Paragraph& p, const ParaData& pd) {
  if (p.kind == ParagraphKind::kHeading) return 2;
  const auto& toks = pd.pt->tokens;
  int words = 0, caps = 0, allcaps = 0, lower_content = 0;
  for (size_t i = 0; i < toks.size(); ++i) words += (pd.info[i].flags & ner::kInfHasLetter) != 0;
  if (words > 12 && toks.size() > 0 && !(pd.info[0].flags & ner::kInfAllCaps)) return 0;
  words = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const TokenInfo& t = pd.info[i];
    if (!(t.flags & ner::kInfHasLetter)) continue;
    ++words;
    if (t.flags & ner::kInfAllCaps) ++allcaps;
    if (t.flags & ner::kInfCap) ++caps;
    else if (!(t.flags & ner::kInfNonLatin) && !IsFunctionWord(TokText(pd, static_cast<int>(i))) &&
             toks[i].begin > 0 && (pd.info[i].flags & ner::kInfSpaceBefore))
      ++lower_content;
  }
  if (words == 0) return 0;
  if (words >= 3 && allcaps * 10 >= words * 8) return 2;
  // Title case: short, no final sentence punctuation, no lower-case content word.
  if (words > 12 || lower_content > 0) return 0;
  int last = static_cast<int>(toks.size()) - 1;
  while (last >= 0 && (pd.info[last].flags & ner::kInfPunct)) {
    char16_t c = (*pd.text)[toks[last].begin];
    if (c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';') return 0;
    --last;
  }
  return caps > 0 ? 1 : 0;
}

class Recognizer {
 public:
  Recognizer(const Document& doc, Report* report, const std::vector<std::u16string>& house)
      : doc_(doc), report_(report), house_(house), lex_(ner::Lexicon::Default()),
        model_(ner::Model::Default()) {}

  void Run() {
    Prepare();
    TagBody();
    KnownOrgs();
    OrgCues();
    TitleRule();
    HyphenNameRule();
    OrgSuffixRule();
    AppositionRule();
    Bylines();
    Datelines();
    SurnameEvidence();
    ConsistentTypes();
    PlacesAndDemonyms();
    PropagatePersons();
    Outlets();
    Headlines();
    HouseNames();
    Finish();
  }

 private:
  void Prepare() {
    const size_t np = doc_.paragraphs.size();
    if (report_->text.paragraphs.size() != np) {
      own_text_.reserve(np);
      for (const Paragraph& p : doc_.paragraphs) own_text_.push_back(SegmentParagraph(p.text));
    }
    paras_.resize(np);
    ner::DocEvidence ev;
    for (size_t p = 0; p < np; ++p) {
      ParaData& pd = paras_[p];
      pd.text = &doc_.paragraphs[p].text;
      pd.pt = own_text_.empty() ? &report_->text.paragraphs[p] : &own_text_[p];
      ner::ComputeTokenInfo(*pd.text, *pd.pt, lex_, &pd.info);
      const int kind = HeadlineKind(doc_.paragraphs[p], pd);
      pd.headline = kind != 0;
      pd.title_case = kind == 1;
      pd.owner.assign(pd.info.size(), -1);
      if (!pd.headline) ev.Collect(pd.info);
    }
    for (ParaData& pd : paras_) ev.Apply(&pd.info);
  }

  // ---------------------------------------------------------------- tagging
  void TagBody() {
    if (model_.empty()) return;
    std::vector<int> tags;
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline && !pd.title_case) continue;
      tags.assign(pd.info.size(), 0);
      for (const Sentence& s : pd.pt->sentences)
        if (s.end_token > s.first_token)
          model_.Tag(pd.info, s.first_token, s.end_token, &tags[s.first_token]);
      int start = -1;
      for (size_t i = 0; i < tags.size(); ++i) {
        const int part = ner::TagPart(tags[i]);
        if (part == ner::kB || part == ner::kU) start = static_cast<int>(i);
        if ((part == ner::kL || part == ner::kU) && start >= 0) {
          AddCandidate(static_cast<int>(p), start, static_cast<int>(i) + 1, ner::TagType(tags[i]),
                       0.9f);
          start = -1;
        }
      }
    }
  }

  bool IsTitleAt(const ParaData& pd, int i, int* title_begin) const {
    // A title ending at token i (single token or multi-token gazetteer match).
    const TokenInfo& t = pd.info[i];
    const uint32_t g = (t.gaz >> (3 * 3)) & 7;  // kGazCats[3] == kLexTitle
    if (g == 1 + ner::kL) {
      int b = i;
      while (b > 0 && ((pd.info[b].gaz >> 9) & 7) != 1 + ner::kB) --b;
      *title_begin = b;
      return true;
    }
    if ((t.lex & ner::kLexTitle) || g == 1 + ner::kU) {
      *title_begin = i;
      return true;
    }
    return false;
  }

  bool Glued(const ParaData& pd, int i) const {  // token i touches token i-1
    return i > 0 && pd.pt->tokens[i].begin == pd.pt->tokens[i - 1].end;
  }
  bool IsHyphen(const ParaData& pd, int i) const {
    const char16_t c = (*pd.text)[pd.pt->tokens[i].begin];
    return (pd.info[i].flags & ner::kInfPunct) && (c == u'-' || c == 0x2010 || c == 0x2011);
  }
  bool IsLowerWord(const TokenInfo& t) const {
    return (t.flags & ner::kInfHasLetter) && !(t.flags & ner::kInfCap) &&
           !(t.flags & ner::kInfNonLatin);
  }
  // "Jae" "-" "myung": a glued hyphen and a glued lower-case part that is not
  // a compounding word ("China-based", "US-led" stay out).
  bool HyphenContinuation(const ParaData& pd, int i) const {
    const int n = static_cast<int>(pd.info.size());
    return i + 1 < n && IsHyphen(pd, i) && Glued(pd, i) && Glued(pd, i + 1) &&
           IsLowerWord(pd.info[i + 1]) && !IsCompoundingWord(TokText(pd, i + 1));
  }
  // Lower-case words that make a compound adjective of a name ("Munich-based").
  static bool IsCompoundingWord(std::u16string_view w) {
    return OneOf(w, {u"based"sv, u"related"sv, u"led"sv, u"backed"sv, u"born"sv, u"owned"sv, u"made"sv, u"run"sv,
                     u"style"sv, u"era"sv, u"level"sv, u"wide"sv, u"bound"sv, u"friendly"sv, u"speaking"sv,
                     u"controlled"sv, u"funded"sv, u"linked"sv, u"listed"sv, u"registered"sv, u"centric"sv,
                     u"oriented"sv, u"driven"sv, u"specific"sv, u"bred"sv, u"educated"sv, u"trained"sv,
                     u"centered"sv, u"centred"sv, u"focused"sv, u"type"sv, u"like"sv, u"language"sv, u"only"sv,
                     u"affiliated"sv, u"headquartered"sv, u"operated"sv, u"sponsored"sv, u"supported"sv,
                     u"allied"sv, u"aligned"sv, u"inspired"sv, u"themed"sv, u"bashing"sv, u"skeptic"sv,
                     u"sceptic"sv, u"free"sv, u"wise"sv, u"dominated"sv, u"brokered"sv});
  }
  bool ContainsOrgSuffix(const ParaData& pd, int tb, int te) const {
    for (int i = tb; i < te; ++i)
      if (pd.info[i].lex & ner::kLexOrgSuffix) return true;
    return false;
  }

  // Lexicon bits of a text (pieces split at spaces).
  uint32_t LexOf(std::u16string_view text) const {
    uint64_t key = ner::kKeySeed;
    size_t i = 0;
    int pieces = 0;
    while (i < text.size()) {
      while (i < text.size() && text[i] == u' ') ++i;
      size_t j = i;
      while (j < text.size() && text[j] != u' ') ++j;
      if (j > i) key = ner::KeyAdd(key, ner::PieceHash(text.substr(i, j - i))), ++pieces;
      i = j;
    }
    return pieces ? lex_.Lookup(key) : 0;
  }
  // Runs of capitalised words: whether token b starts one (no capitalised word
  // right before it), and where the run from b ends: at most four words,
  // separated by spaces, ending at a possessive ("Vontobel's") and, with
  // stop_at_title, before a title word ("Siemens Chief Executive").
  bool RunStart(const ParaData& pd, int b) const {
    return !(b > 0 && IsCapWord(pd.info[b - 1]) && (pd.info[b].flags & ner::kInfSpaceBefore));
  }
  int CapRunEnd(const ParaData& pd, int b, bool stop_at_title) const {
    const int n = static_cast<int>(pd.info.size());
    int e = b + 1;
    while (e < n && e - b < 4 && IsCapWord(pd.info[e]) && (pd.info[e].flags & ner::kInfSpaceBefore) &&
           !(pd.info[e - 1].flags & ner::kInfPossessive) &&
           !(stop_at_title && (pd.info[e].lex & ner::kLexTitle)))
      ++e;
    return e;
  }
  // Lexicon bits of the text of tokens [tb, te), less a final possessive ’s.
  uint32_t LexOfTokens(const ParaData& pd, int tb, int te) const {
    const int begin = pd.pt->tokens[tb].begin;
    const int end = pd.pt->tokens[te - 1].end -
                    ((pd.info[te - 1].flags & ner::kInfPossessive) ? 2 : 0);
    return LexOf(std::u16string_view(*pd.text).substr(begin, end - begin));
  }
  // Offset (in the paragraph) of a hyphen inside token i that joins two
  // capitalised parts ("Xi-Lee", "China-South"), or -1.
  int CapHyphen(const ParaData& pd, int i) const {
    const Token& t = pd.pt->tokens[i];
    const std::u16string& text = *pd.text;
    if (!IsCapWord(pd.info[i])) return -1;
    for (int k = t.begin + 1; k + 1 < t.end; ++k)
      if ((text[k] == u'-' || text[k] == 0x2010 || text[k] == 0x2011) && u_isupper(text[k + 1]) &&
          u_isalpha(text[k - 1]))
        return k;
    return -1;
  }

  void AddPiece(int p, int tb, int te, int begin, int end, int type, float conf) {
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
    if (end == pd.pt->tokens[te - 1].end && (pd.info[te - 1].flags & ner::kInfPossessive))
      w.end -= 2;
    if (w.end <= w.begin) return;
    w.needs_evidence = pd.title_case;
    if (type == kPerson && begin == pd.pt->tokens[tb].begin) AttachTitle(pd, &w);
    Commit(std::move(w), /*force=*/true);
  }

  // Trims, splits and validates a tagged span, then records it.
  void AddCandidate(int p, int tb, int te, int type, float conf, int depth = 0) {
    ParaData& pd = paras_[p];
    const auto& toks = pd.pt->tokens;
    const int n = static_cast<int>(toks.size());
    if (depth > 4) return;
    // Hyphenated name parts: "Lee Jae" + "-myung".
    while (te > tb && IsHyphen(pd, te - 1)) --te;
    while (te + 1 < n && HyphenContinuation(pd, te)) te += 2;
    bool any_cap_in_span = false;
    for (int i = tb; i < te; ++i) any_cap_in_span |= IsCapWord(pd.info[i]);
    // Leading "the", punctuation and lower-case words that are not titles.
    while (tb < te) {
      const TokenInfo& t = pd.info[tb];
      if (EqualsFolded(TokText(pd, tb), u"the") || (t.flags & ner::kInfPunct)) {
        ++tb;
        continue;
      }
      int title_b;
      if (IsLowerWord(t) && !IsTitleAt(pd, tb, &title_b) && !(t.lex & ner::kLexTitle) &&
          any_cap_in_span) {
        ++tb;
        continue;
      }
      break;
    }
    // Trailing punctuation (a period only after a long or lower-case word)
    // and trailing lower-case words not glued by a hyphen.
    while (te > tb) {
      const int k = te - 1;
      const TokenInfo& t = pd.info[k];
      if (t.flags & ner::kInfPunct) {
        const bool period = (*pd.text)[toks[k].begin] == u'.';
        if (period && k > tb && Glued(pd, k) && IsCapWord(pd.info[k - 1]) &&
            TokText(pd, k - 1).size() <= 3)
          break;
        --te;
        continue;
      }
      if (IsLowerWord(t) && !(k > tb && IsHyphen(pd, k - 1) && Glued(pd, k)) && any_cap_in_span) {
        --te;
        continue;
      }
      if (IsLowerWord(t) && k > tb + 1 && IsHyphen(pd, k - 1) && Glued(pd, k) &&
          IsCompoundingWord(TokText(pd, k))) {
        te = k - 1;  // the hyphen goes too
        continue;
      }
      break;
    }
    if (tb >= te) return;
    // A name does not run through ordinary lower-case words or past a
    // possessive: "Lee expressed gratitude for China’s support" is cut.
    if (any_cap_in_span) {
      for (int k = tb; k < te; ++k) {
        const TokenInfo& t = pd.info[k];
        bool bad = false;
        if (k + 1 < te && (t.flags & ner::kInfPossessive)) {
          AddCandidate(p, tb, k + 1, type, conf, depth + 1);
          AddCandidate(p, k + 1, te, type, conf, depth + 1);
          return;
        }
        if (IsLowerWord(t) && !(k > tb && IsHyphen(pd, k - 1) && Glued(pd, k))) {
          const std::u16string_view w = TokText(pd, k);
          const bool particle = OneOf(w, {u"de"sv, u"van"sv, u"von"sv, u"al"sv, u"bin"sv, u"da"sv, u"di"sv,
                                          u"la"sv, u"le"sv, u"du"sv, u"del"sv, u"der"sv, u"den"sv, u"ter"sv,
                                          u"y"sv, u"el"sv, u"dos"sv, u"das"sv, u"ibn"sv, u"abu"sv});
          const bool connector = OneOf(w, {u"of"sv, u"the"sv, u"and"sv, u"for"sv, u"on"sv, u"upon"sv, u"in"sv,
                                           u"at"sv, u"du"sv, u"des"sv, u"to"sv, u"&"sv});
          bad = type == kPerson ? !particle : !(particle || connector);
        }
        if (bad) {
          AddCandidate(p, tb, k, type, conf, depth + 1);
          AddCandidate(p, k + 1, te, type, conf, depth + 1);
          return;
        }
      }
    }
    // "China-South Korea", "Xi-Lee": split at a glued hyphen between capitalised words.
    for (int k = tb + 1; k + 1 < te; ++k) {
      if (!IsHyphen(pd, k) || !Glued(pd, k) || !Glued(pd, k + 1)) continue;
      if (!IsCapWord(pd.info[k - 1]) || !IsCapWord(pd.info[k + 1])) continue;
      const uint32_t place = ner::kLexCountry | ner::kLexPlace;
      const bool left_place = (pd.info[k - 1].lex & place) ||
                              ((pd.info[k - 1].gaz & 7) != 0) || ((pd.info[k - 1].gaz >> 3) & 7);
      const bool right_place = (pd.info[k + 1].lex & place) || ((pd.info[k + 1].gaz & 7) != 0) ||
                               ((pd.info[k + 1].gaz >> 3) & 7);
      if (!left_place && !right_place && type != kPerson) continue;
      const int lt = left_place ? kPlace : type;
      const int rt = right_place ? kPlace : type;
      AddCandidate(p, tb, k, lt, conf, depth + 1);
      AddCandidate(p, k + 1, te, rt, conf, depth + 1);
      return;
    }
    // A hyphen inside a token between capitalised parts: "China-South Korea",
    // "Korea-China": two names when a side is a place or a known person part.
    for (int k = tb; k < te; ++k) {
      const int h = CapHyphen(pd, k);
      if (h < 0) continue;
      const int span_b = toks[tb].begin;
      int span_e = toks[te - 1].end;
      if (pd.info[te - 1].flags & ner::kInfPossessive) span_e -= 2;
      const std::u16string_view text(*pd.text);
      const uint32_t place = ner::kLexCountry | ner::kLexPlace;
      const uint32_t left = LexOf(text.substr(span_b, h - span_b));
      const uint32_t right = LexOf(text.substr(h + 1, span_e - h - 1));
      const bool lp = left & place, rp = right & place;
      if (!lp && !rp) continue;
      AddPiece(p, tb, k + 1, span_b, h, lp ? kPlace : type, conf);
      AddPiece(p, k, te, h + 1, span_e, rp ? kPlace : type, conf);
      return;
    }
    // A title inside the span: "[South Korean] President [Lee Jae-myung]".
    for (int k = tb; k < te - 1; ++k) {
      int end_title = -1;
      for (int e = std::min(te - 2, k + 3); e >= k; --e) {
        int b;
        if (IsTitleAt(pd, e, &b) && (b == k || (k == tb && b < tb))) {
          end_title = e;
          break;
        }
      }
      if (end_title < 0) continue;
      int j = end_title + 1;
      if (j < te && (*pd.text)[toks[j].begin] == u'.' && (pd.info[j].flags & ner::kInfPunct)) ++j;
      if (j >= te || !IsCapWord(pd.info[j])) continue;
      if (type == kOrg && ContainsOrgSuffix(pd, j, te)) continue;  // "General Motors"
      if (k > tb) {
        const int pre_type = (pd.info[k - 1].lex & ner::kLexDemonym) ||
                                     ((pd.info[k - 1].gaz >> 6) & 7) ? kMisc : type == kPerson ? kMisc : type;
        AddCandidate(p, tb, k, pre_type, conf, depth + 1);
      }
      AddCandidate(p, j, te, kPerson, conf, depth + 1);
      return;
    }
    // A title at the end: "National Assembly Speaker" -> "National Assembly".
    {
      int b;
      if (te - tb >= 2 && IsTitleAt(pd, te - 1, &b) && b > tb && type != kPerson &&
          !ContainsOrgSuffix(pd, b, te)) {
        AddCandidate(p, tb, b, type, conf, depth + 1);
        return;
      }
    }
    // Organisations continue over "of (the) X" and then "and X":
    // "China Institute of International Studies", "School of Sciences and Technologies".
    if (type == kOrg && ContainsOrgSuffix(pd, tb, te)) {
      int e = te;
      bool had_of = false;
      for (int q = tb; q < te; ++q) had_of |= OneOf(TokText(pd, q), {u"of"sv});
      while (e + 1 < n) {
        // "Micron Technology of the United States": no "of" after a company form
        const bool of = OneOf(TokText(pd, e), {u"of"sv}) && !(pd.info[e - 1].lex & ner::kLexCompany);
        const bool conj = had_of && OneOf(TokText(pd, e), {u"and"sv, u"&"sv});
        if (!of && !conj) break;
        int k = e + 1;
        if (of && k < n && EqualsFolded(TokText(pd, k), u"the")) ++k;
        const int start = k;
        while (k < n && IsCapWord(pd.info[k]) && (pd.info[k].flags & ner::kInfSpaceBefore)) {
          ++k;
          if (pd.info[k - 1].flags & ner::kInfPossessive) break;
        }
        if (k == start) break;
        bool blocked = false;
        for (int q = start; q < k; ++q)
          if (pd.owner[q] >= 0 && (work_[pd.owner[q]].tb < start || work_[pd.owner[q]].te > k))
            blocked = true;
        if (blocked) break;
        for (int q = start; q < k; ++q)
          if (pd.owner[q] >= 0) Kill(pd.owner[q]);
        e = k;
        had_of = true;
        if (pd.info[k - 1].flags & ner::kInfPossessive) break;
      }
      te = e;
    }
    // A multi-word name ending in an organisation word is an organisation
    // ("European Central Bank"), unless it is a person's or a listed place's
    // ("West Bank").
    if (te - tb >= 2 && type != kPerson && type != kOrg &&
        (pd.info[te - 1].lex & ner::kLexOrgSuffix) && IsCapWord(pd.info[te - 1]) &&
        !(LexOfTokens(pd, tb, te) & (ner::kLexPlace | ner::kLexCountry)))
      type = kOrg;
    // ... and one ending in a geographic word is a place ("Sabina Shoal").
    if (te - tb >= 2 && type != kPerson && IsCapWord(pd.info[te - 1]) &&
        (pd.info[te - 1].lex & ner::kLexPlaceWord) && !(pd.info[te - 1].lex & ner::kLexOrgSuffix))
      type = kPlace;
    // Demonyms are MISC: "South Korean", "Japanese".
    {
      const uint32_t g0 = (pd.info[tb].gaz >> 6) & 7, g1 = (pd.info[te - 1].gaz >> 6) & 7;
      if ((te - tb == 1 && g0 == 1 + ner::kU) ||
          (te - tb > 1 && g0 == 1 + ner::kB && g1 == 1 + ner::kL))
        type = kMisc;
    }
    // Filters.
    bool any_cap = false, any_latin = false, all_nonlatin = true;
    for (int i = tb; i < te; ++i) {
      const TokenInfo& t = pd.info[i];
      any_cap |= IsCapWord(t) || ((t.flags & ner::kInfDigit) && i > tb);
      if (t.flags & ner::kInfHasLetter) {
        any_latin |= !(t.flags & ner::kInfNonLatin);
        all_nonlatin &= (t.flags & ner::kInfNonLatin) != 0;
      }
    }
    if (!any_latin || all_nonlatin) return;  // scripts the model never saw
    if (!any_cap && type != kPlace) return;
    if (te - tb == 1) {
      const TokenInfo& t = pd.info[tb];
      const std::u16string_view text = TokText(pd, tb);
      if (text.size() < 2 && !(t.flags & ner::kInfAllCaps)) return;
      // Sentence-initial capital without evidence ("Analysts said").
      if ((t.flags & ner::kInfFirstWord) && (t.lex & ner::kLexLower) &&
          !(t.doc & ner::kDocCapMid) &&
          !(t.lex & (ner::kLexCountry | ner::kLexDemonym | ner::kLexOutlet)))
        return;
      // Month and weekday names are dates ("in November").
      if (t.lex & ner::kLexCalendar) return;
      // Pronouns and function words are never names.
      if (PronounGender(text) != Gender::kUnknown || IsFunctionWord(text)) return;
      // A word the document also writes in lower case, with no capitalised use
      // elsewhere, is not a name ("Police" at a sentence start).
      if ((t.doc & ner::kDocLowerMid) && !(t.doc & ner::kDocCapMid) && (t.flags & ner::kInfFirstWord))
        return;
      // A lone title is not a name.
      int b;
      if (IsTitleAt(pd, tb, &b) && type == kPerson) return;
    }
    Work w;
    w.para = p;
    w.type = type;
    w.conf = conf;
    w.tb = tb;
    w.te = te;
    w.begin = toks[tb].begin;
    w.end = toks[te - 1].end;
    if (pd.info[te - 1].flags & ner::kInfPossessive) w.end -= 2;
    if (w.type == kPerson) AttachTitle(pd, &w);
    w.needs_evidence = pd.title_case;
    Commit(std::move(w));
  }

  // Lexical evidence for a name tagged in a title-case line.
  bool HasEvidence(const Work& w) const {
    const ParaData& pd = paras_[w.para];
    const TokenInfo& first = pd.info[w.tb];
    const TokenInfo& last = pd.info[w.te - 1];
    switch (w.type) {
      case kPerson:
        return !w.title.empty() || (first.lex & ner::kLexFirst) ||
               (w.te - w.tb >= 2 && (last.lex & ner::kLexSurname));
      case kPlace:
        for (int i = w.tb; i < w.te; ++i)
          if ((pd.info[i].lex & (ner::kLexPlace | ner::kLexCountry)) || (pd.info[i].gaz & 077))
            return true;
        return false;
      case kOrg:
        return ContainsOrgSuffix(pd, w.tb, w.te) || (first.lex & ner::kLexOutlet) ||
               ((first.gaz >> 12) & 7);
      default:
        return (first.lex & ner::kLexDemonym) || ((first.gaz >> 6) & 7);
    }
  }

  // Capitalised words right after a person title or a kinship word are a
  // name: "Speaker Woo Wonshik", "his wife Peng Liyuan".
  void TitleRule() {
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 0; i + 1 < n; ++i) {
        int b;
        if (!IsTitleAt(pd, i, &b) &&
            !((pd.info[i].lex & ner::kLexGenderWord) && IsLowerWord(pd.info[i])))
          continue;
        // the whole title must end here
        const uint32_t g = (pd.info[i].gaz >> 9) & 7;
        if (g == 1 + ner::kB || g == 1 + ner::kI) continue;
        int j = i + 1;
        if (j < n && (*pd.text)[pd.pt->tokens[j].begin] == u'.' && Glued(pd, j)) ++j;
        int e = j;
        while (e < n && e - j < 3 && IsCapWord(pd.info[e]) && !(pd.info[e].flags & ner::kInfAllCaps) &&
               (pd.info[e].flags & ner::kInfSpaceBefore) && !(pd.info[e].lex & ner::kLexTitle)) {
          ++e;
          while (e + 1 < n && HyphenContinuation(pd, e)) e += 2;
          if (pd.info[e - 1].flags & ner::kInfPossessive) break;
        }
        if (e == j || ContainsOrgSuffix(pd, j, e)) continue;
        if (e - j == 1 && (pd.info[j].lex & ner::kLexLower)) continue;
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

  // Korean-style given names are one hyphenated token ("Suk-yeol", "Jae-in"):
  // a capitalised word before such a token is a family name ("Yoon Suk-yeol").
  bool HyphenGivenName(const ParaData& pd, int i) const {
    const Token& t = pd.pt->tokens[i];
    const std::u16string_view text = std::u16string_view(*pd.text).substr(t.begin, t.end - t.begin);
    size_t h = text.find(u'-');
    if (h == std::u16string_view::npos || h < 2 || h > 6 || !u_isupper(text[0])) return false;
    size_t e = text.size();
    if (pd.info[i].flags & ner::kInfPossessive) e -= 2;
    if (e <= h + 1 || e - h - 1 > 6) return false;
    for (size_t k = 1; k < e; ++k)
      if (k != h && !u_islower(text[k])) return false;
    return !OneOf(text.substr(h + 1, e - h - 1),
                  {u"based"sv, u"led"sv, u"run"sv, u"era"sv, u"end"sv, u"long"sv, u"old"sv, u"year"sv, u"time"sv,
                   u"term"sv, u"day"sv, u"month"sv, u"week"sv, u"scale"sv, u"size"sv, u"class"sv, u"party"sv,
                   u"state"sv, u"owned"sv, u"made"sv, u"born"sv, u"up"sv, u"out"sv, u"off"sv, u"type"sv, u"like"sv,
                   u"style"sv, u"wide"sv, u"level"sv, u"free"sv, u"only"sv, u"bound"sv, u"back"sv, u"over"sv});
  }

  void HyphenNameRule() {
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline && !pd.title_case) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 0; i + 1 < n; ++i) {
        const TokenInfo& t = pd.info[i];
        if (!IsCapWord(t) || (t.flags & (ner::kInfAllCaps | ner::kInfPossessive)) ||
            !(pd.info[i + 1].flags & ner::kInfSpaceBefore) || !HyphenGivenName(pd, i + 1))
          continue;
        const std::u16string_view w = TokText(pd, i);
        if (IsFunctionWord(w) || (t.lex & (ner::kLexTitle | ner::kLexDemonym | ner::kLexCountry)))
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

  // A name of the organisation lists (orgs.txt, orgs_compromise.txt) written
  // capitalised is an organisation: "Volkswagen", "Federal Reserve", "IG
  // Metall". A single word that is also a common English word ("Apple",
  // "Shell") counts only when it is not the first word of its sentence. The
  // tagger's mentions inside the match give way to it; a mention reaching past
  // it is split at a connector ("Deutsche Bank and Goldman Sachs" -> two
  // organisations) and otherwise kept, as is every person mention around it
  // ("Nikola Tesla").
  void KnownOrgs() {
    auto part = [](const TokenInfo& t) { return (t.gaz >> (3 * ner::kGazOrg)) & 7; };
    // Words of the tagger's multi-word person names: a listed single word
    // among them ("Ford", "Dell") is taken for the person's name.
    std::unordered_set<uint64_t> person_words;
    for (const Work& w : work_) {
      if (w.dead || w.type != kPerson || w.te - w.tb < 2) continue;
      const TokenInfo& first = paras_[w.para].info[w.tb];
      if ((first.flags & ner::kInfFirstWord) && ner::CommonOpener(first.lex)) continue;  // "Rival Honda"
      for (int k = w.tb; k < w.te; ++k) person_words.insert(paras_[w.para].info[k].word);
    }
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline && !pd.title_case) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 0; i < n; ++i) {
        const uint32_t g = part(pd.info[i]);
        if (g != 1 + ner::kB && g != 1 + ner::kU) continue;
        int e = i;
        while (e < n && part(pd.info[e]) != 1 + ner::kL && part(pd.info[e]) != 1 + ner::kU) ++e;
        if (e >= n) break;
        ++e;
        if (!CasedName(pd, i, e)) continue;
        if (e - i == 1) {
          const TokenInfo& t = pd.info[i];
          if (ner::CommonOpener(t.lex) && !(t.flags & ner::kInfAllCaps) &&
              (t.flags & ner::kInfFirstWord))
            continue;
          if (person_words.count(t.word)) continue;  // "Ford" after "Gerald Ford"
        }
        int outer = -1;
        for (int k = i; k < e; ++k) {
          const int o = pd.owner[k];
          if (o >= 0 && (work_[o].tb < i || work_[o].te > e)) outer = o;
        }
        int rest_tb = -1, rest_te = -1, rest_type = kOrg;
        float rest_conf = 0.9f;
        if (outer >= 0) {
          const Work& w = work_[outer];
          const TokenInfo& f = pd.info[w.tb];
          rest_type = w.type;
          rest_conf = w.conf;
          if (w.te == e && w.tb == i - 1 && (f.flags & ner::kInfFirstWord) &&
              ner::CommonOpener(f.lex) && !(f.lex & ner::kLexOrg)) {
            KillAt(static_cast<int>(p), w.tb);  // "Rival Honda": a sentence opener in front
          } else if (w.type == kPerson) {
            continue;
          } else if (w.tb >= i && w.te > e + 1 && IsConnector(pd, e)) {
            rest_tb = e + 1;
            rest_te = w.te;
          } else if (w.te <= e && w.tb < i - 1 && IsConnector(pd, i - 1)) {
            rest_tb = w.tb;
            rest_te = i - 1;
          } else if (w.te <= e && w.tb < i && CountryPrefix(pd, w.tb, i)) {
            // "U.S. Commerce Department": a country and an organisation
            rest_tb = w.tb;
            rest_te = i;
            rest_type = kPlace;
          } else {
            continue;
          }
        }
        for (int k = std::min(i, rest_tb < 0 ? i : rest_tb); k < std::max(e, rest_te); ++k)
          KillAt(static_cast<int>(p), k);
        Work w = SpanOf(static_cast<int>(p), i, e, kOrg, 0.9f);
        Commit(std::move(w));
        if (rest_tb >= 0) AddCandidate(static_cast<int>(p), rest_tb, rest_te, rest_type, rest_conf);
        i = e - 1;
      }
    }
  }
  // Organisation cues of news copy, for capitalised words no list knows:
  // "Vontobel chief executive …", "Vontobel's chairman", "Vontobel shares
  // fell", "shares in Vontobel", "analysts at Vontobel", "whose Pheu Thai
  // party". Words that are a country, a nationality or a title, runs the
  // lexicons call a place ("Hong Kong shares"), persons ("a Trump
  // spokesman") and runs opening with a given name are left alone.
  void OrgCues() {
    auto cue_after = [](std::u16string_view w) {
      return OneOf(w, {u"chief"sv, u"CEO"sv, u"chairman"sv, u"chairwoman"sv, u"spokesman"sv,
                       u"spokeswoman"sv, u"spokesperson"sv, u"shares"sv, u"shareholders"sv, u"stock"sv,
                       u"executives"sv, u"boss"sv, u"party"sv});
    };
    auto cue_before = [&](const ParaData& pd, int b) {
      if (b < 2) return false;
      const std::u16string_view w1 = TokText(pd, b - 1), w2 = TokText(pd, b - 2);
      return (OneOf(w1, {u"in"sv, u"of"sv}) && OneOf(w2, {u"shares"sv, u"stake"sv})) ||
             (EqualsFolded(w1, u"at") &&
              OneOf(w2, {u"analysts"sv, u"economists"sv, u"strategists"sv, u"analyst"sv, u"economist"sv}));
    };
    constexpr uint32_t kOtherReading = ner::kLexCountry | ner::kLexDemonym | ner::kLexTitle |
                                       ner::kLexCalendar;
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int b = 0; b < n; ++b) {
        if (!IsCapWord(pd.info[b]) || !RunStart(pd, b)) continue;
        const int e = CapRunEnd(pd, b, /*stop_at_title=*/true);
        const int last = e - 1;
        const bool possessive = (pd.info[last].flags & ner::kInfPossessive) != 0;
        bool cue = cue_before(pd, b);
        if (!cue && e < n) {
          const std::u16string_view next = TokText(pd, e);
          const bool lower_next = IsLowerWord(pd.info[e]) || next == u"CEO";
          cue = lower_next && cue_after(next) && (possessive || !EqualsFolded(next, u"party") ||
                                                   !(pd.info[e].flags & ner::kInfFirstWord));
          // "Siemens Chief Executive Roland Busch"
          int tb;
          if (!cue && IsCapWord(pd.info[e]) && OneOf(next, {u"Chief"sv, u"Chairman"sv, u"Chairwoman"sv, u"CEO"sv}) &&
              IsTitleAt(pd, std::min(n - 1, e + 1), &tb))
            cue = tb == e || OneOf(next, {u"Chairman"sv, u"Chairwoman"sv, u"CEO"sv});
        }
        if (!cue) {
          b = e - 1;
          continue;
        }
        bool ok = !((pd.info[b].flags & ner::kInfFirstWord) && ner::CommonOpener(pd.info[b].lex)) &&
                  !(e - b >= 2 && (pd.info[b].lex & ner::kLexFirst));
        for (int k = b; k < e && ok; ++k) {
          const int o = pd.owner[k];
          ok = !(pd.info[k].lex & kOtherReading) && !(pd.info[k].flags & ner::kInfAllCaps && e - b > 1) &&
               !IsFunctionWord(TokText(pd, k)) &&
               (o < 0 || (work_[o].type != kPerson && work_[o].type != kOrg && work_[o].tb >= b &&
                          work_[o].te <= e));
        }
        if (ok) ok = !(LexOfTokens(pd, b, e) & (ner::kLexPlace | ner::kLexCountry));
        if (ok) {
          for (int k = b; k < e; ++k) KillAt(static_cast<int>(p), k);
          AddCandidate(static_cast<int>(p), b, e, kOrg, 0.75f);
        }
        b = e - 1;
      }
    }
  }

  // Kills the mention owning token k of paragraph p and the other piece of a
  // split hyphenated token sharing it ("Mercedes" of "Mercedes-Benz"): the two
  // pieces are committed one after the other (AddPiece), and the token records
  // only the second as its owner.
  void KillAt(int p, int k) {
    const int o = paras_[p].owner[k];
    if (o < 0) return;
    Kill(o);
    for (int q : {o - 1, o + 1}) {
      if (q < 0 || q >= static_cast<int>(work_.size())) continue;
      const Work& w = work_[q];
      if (!w.dead && w.para == p && w.tb <= k && k < w.te) Kill(q);
    }
  }
  // Whether tokens [tb, te) are written as a name: the first capitalised, every
  // other word capitalised or a function word ("Bank of England", not "Kyodo news").
  bool CasedName(const ParaData& pd, int tb, int te) const {
    if (!IsCapWord(pd.info[tb])) return false;
    for (int k = tb + 1; k < te; ++k) {
      const TokenInfo& t = pd.info[k];
      if ((t.flags & ner::kInfHasLetter) && !(t.flags & ner::kInfCap) &&
          !IsFunctionWord(TokText(pd, k)))
        return false;
    }
    return true;
  }
  // Whether tokens [tb, te) are exactly a country ("Germany", "United States")
  // or a listed place written as an abbreviation ("U.S.", "UK").
  bool CountryPrefix(const ParaData& pd, int tb, int te) const {
    if (te <= tb) return false;
    const uint32_t lex = LexOfTokens(pd, tb, te);
    return (lex & ner::kLexCountry) ||
           ((lex & ner::kLexPlace) && (pd.info[tb].flags & ner::kInfAllCaps));
  }
  bool IsConnector(const ParaData& pd, int i) const {
    return i >= 0 && i < static_cast<int>(pd.info.size()) &&
           OneOf(TokText(pd, i), {u"and"sv, u"&"sv, u","sv, u"or"sv});
  }

  // Capitalised words ending in an organisation word are an organisation
  // ("Hanwol Energy", "Provisional Government") when the tagger left them.
  void OrgSuffixRule() {
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 1; i < n; ++i) {
        const TokenInfo& t = pd.info[i];
        if (!IsCapWord(t) || !(t.lex & ner::kLexOrgSuffix) || !(t.flags & ner::kInfSpaceBefore))
          continue;
        if (pd.owner[i] >= 0 && work_[pd.owner[i]].te - work_[pd.owner[i]].tb > 1) continue;
        int b = i;
        while (b > 0 && i - b < 4 && IsCapWord(pd.info[b - 1]) &&
               (pd.info[b].flags & ner::kInfSpaceBefore) &&
               !(pd.info[b - 1].flags & ner::kInfPossessive) &&
               !(pd.info[b - 1].lex & ner::kLexTitle) && !IsFunctionWord(TokText(pd, b - 1))) {
          const int o = pd.owner[b - 1];
          if (o >= 0 && (work_[o].te - work_[o].tb > 1 || work_[o].type == kPerson)) break;
          --b;
        }
        if (b == i) continue;
        // a sentence-initial first word needs evidence beyond its capital
        if ((pd.info[b].flags & ner::kInfFirstWord) && (pd.info[b].lex & ner::kLexLower)) ++b;
        if (b == i) continue;
        for (int k = b; k <= i; ++k)
          if (pd.owner[k] >= 0) Kill(pd.owner[k]);
        AddCandidate(static_cast<int>(p), b, i + 1, kOrg, 0.7f);
        org_first_words_.insert(pd.info[b].word);
      }
    }
  }

  // "X, an associate professor at ...": an apposition with a role makes X a person.
  void AppositionRule() {
    static const char16_t* kRoles[] = {
        u"professor", u"fellow", u"analyst", u"researcher", u"economist", u"expert", u"scholar",
        u"lawyer", u"politician", u"official", u"spokesperson", u"spokesman", u"spokeswoman",
        u"founder", u"director", u"executive", u"chairman", u"chairwoman", u"president",
        u"minister", u"adviser", u"advisor", u"lecturer", u"author", u"journalist", u"editor",
        u"diplomat", u"ambassador", u"secretary", u"head", u"dean", u"leader", u"member",
        u"student", u"teacher", u"activist", u"historian", u"commentator", u"strategist"};
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
        for (const char16_t* r : kRoles) role |= EqualsFolded(t, r);
      }
      if (role) w.type = kPerson;
    }
  }

  void AttachTitle(const ParaData& pd, Work* w) {
    const auto& toks = pd.pt->tokens;
    int i = w->tb - 1;
    if (i >= 0 && (pd.info[i].flags & ner::kInfPunct) && (*pd.text)[toks[i].begin] == u'.') --i;
    int tb;
    if (i >= 0 && IsTitleAt(pd, i, &tb)) {
      w->title = pd.text->substr(toks[tb].begin, toks[i].end - toks[tb].begin);
      if (pd.info[tb].lex & ner::kLexMale) w->gender_hint = Gender::kMale;
      if (pd.info[tb].lex & ner::kLexFemale) w->gender_hint = Gender::kFemale;
      // Extend over capitalised qualifiers: "South Korean President".
      int d = tb;
      // "Portugal’s economy minister": lower-case words only up to a possessive
      // or a nationality.
      {
        int k = d;
        while (k > 0 && d - k < 2 && IsLowerWord(pd.info[k - 1]) &&
               !IsFunctionWord(TokText(pd, k - 1)) && !(pd.info[k - 1].lex & ner::kLexTitle))
          --k;
        if (k < d && k > 0 && IsCapWord(pd.info[k - 1]) &&
            ((pd.info[k - 1].flags & ner::kInfPossessive) ||
             (pd.info[k - 1].lex & (ner::kLexDemonym | ner::kLexCountry))))
          d = k;
      }
      while (d > 0 && tb - d < 6) {
        const TokenInfo& q = pd.info[d - 1];
        if (!IsCapWord(q)) break;
        if ((q.flags & ner::kInfFirstWord) &&
            !(q.lex & (ner::kLexDemonym | ner::kLexCountry | ner::kLexPlace)) &&
            !((q.gaz & 7) || ((q.gaz >> 3) & 7) || ((q.gaz >> 6) & 7)))
          break;
        if (IsFunctionWord(TokText(pd, d - 1))) break;
        --d;
        if (q.flags & ner::kInfPossessive) break;
        if (q.flags & ner::kInfFirstWord) break;
      }
      // "The European Central Bank's President": the whole organisation.
      if (d < tb && pd.owner[d] >= 0 && work_[pd.owner[d]].para == w->para &&
          work_[pd.owner[d]].tb < d && work_[pd.owner[d]].tb >= 0)
        d = work_[pd.owner[d]].tb;
      w->descriptor = pd.text->substr(toks[d].begin, toks[i].end - toks[d].begin);
      i = tb - 1;
    }
    // Gender words: "his wife Kim Hea-kyung".
    if (i >= 0 && (pd.info[i].lex & ner::kLexGenderWord)) {
      if (pd.info[i].lex & ner::kLexMale) w->gender_hint = Gender::kMale;
      if (pd.info[i].lex & ner::kLexFemale) w->gender_hint = Gender::kFemale;
    }
  }

  // A mention over tokens [tb, te) of paragraph p: the tokens' text less a
  // final possessive ’s.
  Work SpanOf(int p, int tb, int te, int type, float conf) const {
    const ParaData& pd = paras_[p];
    Work w;
    w.para = p;
    w.tb = tb;
    w.te = te;
    w.type = type;
    w.conf = conf;
    w.begin = pd.pt->tokens[tb].begin;
    w.end = pd.pt->tokens[te - 1].end;
    if (pd.info[te - 1].flags & ner::kInfPossessive) w.end -= 2;
    return w;
  }

  // Records w unless it overlaps an existing mention.
  // force: a part of a hyphenated token ("Xi" in "Xi-Lee"); owners are shared.
  bool Commit(Work w, bool force = false) {
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

  void Kill(int idx) {
    Work& w = work_[idx];
    w.dead = true;
    for (int i = w.tb; i < w.te; ++i)
      if (paras_[w.para].owner[i] == idx) paras_[w.para].owner[i] = -1;
  }

  // ---------------------------------------------------------------- bylines
  // A dateline: upper-case words opening a paragraph, then "(", ",", "-" or
  // "—" ("WASHINGTON (Reuters) -", "SINES, Portugal, January 9 —") are a place.
  void Datelines() {
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      const int n = static_cast<int>(pd.info.size());
      int e = 0;
      while (e < n && e < 3 && (pd.info[e].flags & ner::kInfAllCaps) &&
             !(pd.info[e].flags & ner::kInfDigit))
        ++e;
      if (e == 0 || e >= n || pd.headline) continue;
      const std::u16string_view next = TokText(pd, e);
      if (next != u"(" && next != u"," && next != u"-" && next != u"—" && next != u"–") continue;
      // the rest of the paragraph must be ordinary text
      if (e + 1 < n && (pd.info[e + 1].flags & ner::kInfAllCaps) && next == u",") continue;
      // a known place, or "(Agency)" after it
      bool place = false;
      for (int k = 0; k < e; ++k)
        place |= (pd.info[k].lex & (ner::kLexPlace | ner::kLexCountry)) ||
                 (pd.info[k].gaz & 077) != 0;
      if (!place && !(next == u"(" && e + 1 < n && IsCapWord(pd.info[e + 1]))) continue;
      for (int k = 0; k < e; ++k)
        if (pd.owner[k] >= 0) Kill(pd.owner[k]);
      Work w;
      w.para = static_cast<int>(p);
      w.tb = 0;
      w.te = e;
      w.type = kPlace;
      w.conf = 0.8f;
      w.begin = pd.pt->tokens[0].begin;
      w.end = pd.pt->tokens[e - 1].end;
      Commit(std::move(w));
    }
  }

  void Bylines() {
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

  // ---------------------------------------------------------------- consistency
  // One name, one type per document: a mention typed against the clear
  // majority of the same name's mentions takes the majority type.
  void ConsistentTypes() {
    std::unordered_map<std::u16string, std::array<int, 4>> votes;
    for (const Work& w : work_)
      if (!w.dead) ++votes[w.key][w.type];
    for (Work& w : work_) {
      if (w.dead || !w.title.empty() || w.outlet) continue;
      const auto& v = votes[w.key];
      const int total = v[0] + v[1] + v[2] + v[3];
      for (int t = 0; t < 4; ++t)
        if (t != w.type && v[t] * 2 > total) w.type = t;
      // a multi-word name also written as a person is a person ("Park Jaehoon")
      if (w.te - w.tb > 1 && w.type != kPerson && v[kPerson] * 2 >= total) w.type = kPerson;
    }
    // "Hanwol" after "Hanwol Energy": the organisation, unless a person's name.
    for (const Work& w : work_)
      if (!w.dead && w.type == kOrg && w.te - w.tb > 1 &&
          (paras_[w.para].info[w.te - 1].lex & ner::kLexOrgSuffix))
        org_first_words_.insert(paras_[w.para].info[w.tb].word);
    constexpr uint32_t kOtherUse = ner::kLexFirst | ner::kLexSurname | ner::kLexPlace |
                                   ner::kLexCountry | ner::kLexDemonym | ner::kLexLower;
    for (Work& w : work_) {
      if (w.dead || w.te - w.tb != 1 || !w.title.empty() ||
          (w.type != kPerson && w.type != kPlace))
        continue;
      const ParaData& pd = paras_[w.para];
      if (!org_first_words_.count(pd.info[w.tb].word)) continue;
      if (pd.info[w.tb].lex & kOtherUse) continue;
      w.type = kOrg;
    }
    // The label a word got elsewhere in the document, where the tagger left it
    // ("Hanwol’s chief executive" after "Hanwol Energy"; "make Sines" after
    // "Sines" was tagged a place): mid-sentence capitalised words that are not
    // common words, not beside other capitalised words. Persons are left to
    // PropagatePersons (name parts).
    std::unordered_map<uint64_t, int> single_type;
    for (const Work& w : work_) {
      if (w.dead || w.te - w.tb != 1 || !w.title.empty() || w.type == kPerson) continue;
      const TokenInfo& t = paras_[w.para].info[w.tb];
      if (t.lex & (ner::kLexLower | ner::kLexTitle)) continue;
      auto it = single_type.emplace(t.word, w.type).first;
      if (it->second != w.type) it->second = -1;  // typed two ways: no evidence
    }
    if (!org_first_words_.empty() || !single_type.empty()) {
      for (size_t p = 0; p < paras_.size(); ++p) {
        ParaData& pd = paras_[p];
        if (pd.headline) continue;
        const int n = static_cast<int>(pd.info.size());
        for (int i = 0; i < n; ++i) {
          const TokenInfo& t = pd.info[i];
          // A dictionary proper noun ("November", "Korean") the tagger left here
          // is no case for propagation.
          if (pd.owner[i] >= 0 || !IsCapWord(t) || (t.lex & ner::kLexDictName)) continue;
          int type = -1;
          if (!(t.lex & kOtherUse) && org_first_words_.count(t.word)) {
            type = kOrg;
          } else if (!(t.flags & ner::kInfFirstWord) && !(t.lex & ner::kLexLower)) {
            auto it = single_type.find(t.word);
            if (it != single_type.end()) type = it->second;
          }
          if (type < 0) continue;
          // glued to a neighbour ("Hanwol-led") or followed by another capitalised word
          if ((i > 0 && !(t.flags & ner::kInfSpaceBefore) && !(pd.info[i - 1].flags & ner::kInfPunct)) ||
              (i + 1 < n && IsCapWord(pd.info[i + 1]) && (pd.info[i + 1].flags & ner::kInfSpaceBefore)))
            continue;
          Work w = SpanOf(static_cast<int>(p), i, i + 1, type, 0.8f);
          Commit(std::move(w));
        }
      }
    }
    // A lone place name is a place unless it is also a personal name ("Seoul’s
    // administration" is not a person; "Jordan" may be).
    for (Work& w : work_) {
      if (w.dead || w.type != kPerson || w.te - w.tb != 1 || !w.title.empty()) continue;
      const uint32_t lex = paras_[w.para].info[w.tb].lex;
      if ((lex & (ner::kLexPlace | ner::kLexCountry)) &&
          !(lex & (ner::kLexFirst | ner::kLexSurname)))
        w.type = kPlace;
    }
  }

  // A name right before a lower-case geographic word is a place ("the Indus
  // river", "Sindh province"); nationality adjectives the tagger left are MISC
  // ("Kenyan police" opening a sentence).
  void PlacesAndDemonyms() {
    for (Work& w : work_) {
      if (w.dead || w.type == kPerson || w.type == kPlace || w.outlet) continue;
      const ParaData& pd = paras_[w.para];
      if (w.te >= static_cast<int>(pd.info.size())) continue;
      const TokenInfo& next = pd.info[w.te];
      if (IsLowerWord(next) && (next.lex & ner::kLexPlaceWord) && (next.flags & ner::kInfSpaceBefore))
        w.type = kPlace;
    }
    constexpr int kDemonymCat = 2;  // kGazCats[2] == kLexDemonym
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 0; i < n; ++i) {
        const uint32_t g = (pd.info[i].gaz >> (3 * kDemonymCat)) & 7;
        if (g != 1 + ner::kU && g != 1 + ner::kB) continue;
        int e = i;
        while (e < n && ((pd.info[e].gaz >> (3 * kDemonymCat)) & 7) != 1 + ner::kL &&
               ((pd.info[e].gaz >> (3 * kDemonymCat)) & 7) != 1 + ner::kU)
          ++e;
        if (e >= n) break;
        ++e;
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

  // ---------------------------------------------------------------- persons
  // First and last whitespace-separated pieces of a multi-word person name.
  void PersonParts(const Work& w, std::u16string* first, std::u16string* last) const {
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

  // News names a person in full once and by one name after: "Elon Musk" …
  // "Musk told investors"; "Xi Jinping" … "Xi said". A run of two or three
  // capitalised words (not a known place, country, organisation or outlet,
  // no organisation word or title in it) is a person when its first or last
  // word stands alone elsewhere in the document as the subject of a speech
  // verb ("Musk said", "said Musk") or after a title ("Mr Musk"). The
  // tagger's mentions inside the run give way; PropagatePersons then links
  // the bare uses. Also: a person continues over a name particle ("Luiz
  // Inacio Lula da Silva", "Charles de Gaulle").
  void SurnameEvidence() {
    std::unordered_set<uint64_t> evidenced;
    auto speech = [](std::u16string_view w) {
      return OneOf(w, {u"said"sv, u"says"sv, u"told"sv, u"added"sv, u"asked"sv, u"wrote"sv, u"warned"sv,
                       u"argued"sv, u"noted"sv, u"explained"sv, u"insisted"sv, u"denied"sv, u"stressed"sv,
                       u"replied"sv, u"recalled"sv, u"tweeted"sv, u"posted"sv, u"urged"sv, u"announced"sv});
    };
    for (size_t p = 0; p < paras_.size(); ++p) {
      const ParaData& pd = paras_[p];
      if (pd.headline) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 0; i < n; ++i) {
        const TokenInfo& t = pd.info[i];
        if (!IsCapWord(t) || (t.flags & ner::kInfAllCaps) || (t.lex & ner::kLexTitle)) continue;
        const bool title_before = i > 0 && (pd.info[i - 1].lex & ner::kLexTitle) &&
                                  IsCapWord(pd.info[i - 1]);
        const bool cap_before = i > 0 && IsCapWord(pd.info[i - 1]) && (t.flags & ner::kInfSpaceBefore);
        const bool cap_after = i + 1 < n && IsCapWord(pd.info[i + 1]) &&
                               (pd.info[i + 1].flags & ner::kInfSpaceBefore);
        if (cap_after || (cap_before && !title_before)) continue;
        if (title_before || (i + 1 < n && speech(TokText(pd, i + 1))) ||
            (i > 0 && OneOf(TokText(pd, i - 1), {u"said"sv, u"says"sv, u"added"sv, u"asked"sv})))
          evidenced.insert(t.word);
      }
    }
    if (!evidenced.empty()) {
      // A word that is a place is common in names ("Elon", "Paris"); the whole
      // run must not be one.
      constexpr uint32_t kNotPerson = ner::kLexCountry | ner::kLexOrg | ner::kLexOutlet |
                                      ner::kLexOrgSuffix | ner::kLexTitle | ner::kLexDemonym;
      constexpr uint32_t kGazNotPlace = ~uint32_t{7};  // every gazetteer category but places'
      constexpr uint32_t kRunNotPerson = ner::kLexPlace | ner::kLexCountry | ner::kLexOrg |
                                         ner::kLexOutlet;
      for (size_t p = 0; p < paras_.size(); ++p) {
        ParaData& pd = paras_[p];
        if (pd.headline) continue;
        const int n = static_cast<int>(pd.info.size());
        for (int i = 0; i < n; ++i) {
          if (!IsCapWord(pd.info[i]) || (pd.info[i].flags & ner::kInfAllCaps) || !RunStart(pd, i))
            continue;
          const int e = CapRunEnd(pd, i, /*stop_at_title=*/false);
          const int len = e - i;
          if (len < 2 || len > 3) continue;
          if (!evidenced.count(pd.info[i].word) && !evidenced.count(pd.info[e - 1].word)) continue;
          bool ok = !((pd.info[i].flags & ner::kInfFirstWord) && ner::CommonOpener(pd.info[i].lex));
          for (int k = i; k < e && ok; ++k)
            ok = !(pd.info[k].lex & kNotPerson) && !(pd.info[k].gaz & kGazNotPlace) &&
                 !IsFunctionWord(TokText(pd, k));
          if (!ok) continue;
          if (LexOfTokens(pd, i, e) & kRunNotPerson) continue;
          bool person_already = false, blocked = false;
          for (int k = i; k < e; ++k) {
            const int o = pd.owner[k];
            if (o < 0) continue;
            if (work_[o].tb < i || work_[o].te > e) blocked = true;
            else if (work_[o].type == kPerson && work_[o].te - work_[o].tb == len) person_already = true;
          }
          if (blocked || person_already) continue;
          for (int k = i; k < e; ++k) KillAt(static_cast<int>(p), k);
          AddCandidate(static_cast<int>(p), i, e, kPerson, 0.8f);
          i = e - 1;
        }
      }
    }
    // Name particles.
    for (size_t idx = 0; idx < work_.size(); ++idx) {
      if (work_[idx].dead || work_[idx].type != kPerson) continue;
      const int p = work_[idx].para;
      ParaData& pd = paras_[p];
      const int n = static_cast<int>(pd.info.size());
      const int te = work_[idx].te;
      if (te + 1 >= n || (pd.info[te - 1].flags & ner::kInfPossessive)) continue;
      if (!OneOf(TokText(pd, te), {u"da"sv, u"de"sv, u"do"sv, u"dos"sv, u"das"sv, u"van"sv, u"von"sv, u"der"sv,
                                   u"den"sv, u"del"sv, u"della"sv, u"di"sv, u"du"sv, u"bin"sv, u"ibn"sv, u"al"sv,
                                   u"el"sv, u"le"sv, u"la"sv, u"ter"sv, u"y"sv}) ||
          !(pd.info[te].flags & ner::kInfSpaceBefore))
        continue;
      int e = te + 1;
      while (e < n && e - te <= 2 && IsCapWord(pd.info[e]) && (pd.info[e].flags & ner::kInfSpaceBefore)) {
        ++e;
        if (pd.info[e - 1].flags & ner::kInfPossessive) break;
      }
      if (e == te + 1) continue;
      bool blocked = false;
      for (int k = te + 1; k < e; ++k) {
        const int o = pd.owner[k];
        if (o >= 0 && (work_[o].tb <= te || work_[o].te > e || work_[o].type == kPerson)) blocked = true;
      }
      if (blocked) continue;
      for (int k = te + 1; k < e; ++k) KillAt(p, k);
      const int tb = work_[idx].tb;
      Kill(static_cast<int>(idx));
      AddCandidate(p, tb, e, kPerson, 0.8f);
    }
  }

  void PropagatePersons() {
    // name part -> distinct full-name keys
    parts_.clear();
    for (const Work& w : work_) {
      if (!w.dead && w.te - w.tb >= 2 && w.type != kMisc) {
        multi_names_.emplace(w.key, w.type);
        multi_first_words_.insert(paras_[w.para].info[w.tb].word);
      }
    }
    for (const Work& w : work_) {
      if (w.dead || w.type != kPerson) continue;
      std::u16string f, l;
      PersonParts(w, &f, &l);
      if (f.empty()) continue;
      parts_[f].insert(w.key);
      parts_[l].insert(w.key);
      const ParaData& pd = paras_[w.para];
      part_words_.insert(pd.info[w.tb].word);
      part_words_.insert(pd.info[w.te - 1].word);
    }
    if (parts_.empty() && multi_names_.empty()) return;
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (pd.headline) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 0; i < n; ++i) {
        const TokenInfo& t = pd.info[i];
        if (!IsCapWord(t) || (t.flags & ner::kInfAllCaps)) continue;
        if (const int h = CapHyphen(pd, i); h >= 0) {  // "Xi-Lee summit"
          const Token& tok = pd.pt->tokens[i];
          int end = tok.end;
          if (t.flags & ner::kInfPossessive) end -= 2;
          const std::u16string_view text(*pd.text);
          const bool l = parts_.count(EntityNameKey(text.substr(tok.begin, h - tok.begin))) > 0;
          const bool r = parts_.count(EntityNameKey(text.substr(h + 1, end - h - 1))) > 0;
          const int o = pd.owner[i];
          if ((l || r) && (o < 0 || (work_[o].te - work_[o].tb == 1 && work_[o].type != kPerson))) {
            if (o >= 0) Kill(o);
            if (l) AddPiece(static_cast<int>(p), i, i + 1, tok.begin, h, kPerson, 0.8f);
            if (r) AddPiece(static_cast<int>(p), i, i + 1, h + 1, end, kPerson, 0.8f);
          }
          continue;
        }
        if (pd.owner[i] < 0 && multi_first_words_.count(t.word) &&
            TryKnownName(static_cast<int>(p), i))
          continue;
        if (!part_words_.count(t.word)) continue;
        // Only a whole word: not glued to a neighbour ("Xi-Lee" is fine: hyphen).
        const std::u16string key = PartKey(pd, i);
        if (key.empty() || !parts_.count(key)) continue;
        const int owner = pd.owner[i];
        if (owner >= 0) {
          Work& w = work_[owner];
          if (w.type == kPerson) continue;
          if (w.te - w.tb != 1) continue;  // part of a longer ORG/PLACE name
          w.type = kPerson;
          w.conf = 0.8f;
          continue;
        }
        // Neighbouring capitalised words make this part of another name.
        if (i + 1 < n && IsCapWord(pd.info[i + 1]) && (pd.info[i + 1].flags & ner::kInfSpaceBefore) &&
            pd.owner[i + 1] < 0)
          continue;
        Work w = SpanOf(static_cast<int>(p), i, i + 1, kPerson, 0.8f);
        AttachTitle(pd, &w);
        Commit(std::move(w));
      }
    }
  }

  // Tokens i.. spell a multi-word name the document already typed: tag it so.
  bool TryKnownName(int p, int i) {
    ParaData& pd = paras_[p];
    const int n = static_cast<int>(pd.info.size());
    std::u16string acc;
    int best_e = -1, best_type = -1;
    int words = 0;
    for (int e = i; e < n && words < 5; ++e) {
      if (pd.owner[e] >= 0) break;
      const TokenInfo& t = pd.info[e];
      if ((t.flags & ner::kInfPunct) && !IsHyphen(pd, e)) break;
      const bool glued = e > i && !(t.flags & ner::kInfSpaceBefore);
      if (!glued) {
        if (!IsCapWord(t)) break;
        ++words;
      }
      std::u16string_view txt = TokText(pd, e);
      if (t.flags & ner::kInfPossessive) txt = txt.substr(0, txt.size() - 2);
      acc += EntityNameKey(txt);
      if (words >= 2 && (e + 1 >= n || (pd.info[e + 1].flags & ner::kInfSpaceBefore) ||
                         (pd.info[e + 1].flags & ner::kInfPunct && !IsHyphen(pd, e + 1)))) {
        auto it = multi_names_.find(acc);
        if (it != multi_names_.end()) best_e = e + 1, best_type = it->second;
      }
      if (t.flags & ner::kInfPossessive) break;
    }
    if (best_e < 0) return false;
    Work w = SpanOf(p, i, best_e, best_type, 0.8f);
    if (w.type == kPerson) AttachTitle(pd, &w);
    return Commit(std::move(w));
  }

  std::u16string PartKey(const ParaData& pd, int i) const {
    const Token& t = pd.pt->tokens[i];
    int end = t.end;
    if (pd.info[i].flags & ner::kInfPossessive) end -= 2;
    return EntityNameKey(std::u16string_view(*pd.text).substr(t.begin, end - t.begin));
  }

  // ---------------------------------------------------------------- outlets
  bool OutletCueBefore(const ParaData& pd, int tb, bool* strong) const {
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

  bool HasOutletWord(const ParaData& pd, const Work& w) const {
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

  void Outlets() {
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

  // ---------------------------------------------------------------- headlines
  // Headline and all-caps lines keep only names the body resolved, plus
  // countries and known outlets (well-evidenced by the lists).
  void Headlines() {
    std::unordered_map<std::u16string, int> known;  // NameKey -> type
    size_t max_len = 1;
    for (const Work& w : work_) {
      if (w.dead || paras_[w.para].headline || w.needs_evidence) continue;
      known.emplace(w.key, w.type);
      max_len = std::max<size_t>(max_len, static_cast<size_t>(w.te - w.tb));
    }
    for (const auto& kv : parts_) known.emplace(kv.first, kPerson);
    for (size_t idx = 0; idx < work_.size(); ++idx) {
      Work& w = work_[idx];
      if (w.dead || !w.needs_evidence) continue;
      auto it = known.find(w.key);
      if (it != known.end()) w.type = it->second;
      else if (!HasEvidence(w)) Kill(static_cast<int>(idx));
    }
    for (size_t p = 0; p < paras_.size(); ++p) {
      ParaData& pd = paras_[p];
      if (!pd.headline) continue;
      const int n = static_cast<int>(pd.info.size());
      for (int i = 0; i < n; ++i) {
        if (!(pd.info[i].flags & ner::kInfHasLetter) || pd.owner[i] >= 0) continue;
        if (!IsCapWord(pd.info[i])) continue;
        int best_e = -1, best_type = -1;
        std::u16string acc;
        for (int e = i + 1; e <= n && e - i <= static_cast<int>(max_len) + 2; ++e) {
          const int k = e - 1;
          if (k > i && pd.info[k].flags & ner::kInfSpaceBefore && !IsCapWord(pd.info[k]) &&
              !(pd.info[k].flags & ner::kInfPunct))
            break;
          std::u16string_view t = TokText(pd, k);
          if (pd.info[k].flags & ner::kInfPossessive) t = t.substr(0, t.size() - 2);
          acc += EntityNameKey(t);
          if (pd.info[k].flags & ner::kInfPunct) continue;
          auto it = known.find(acc);
          if (it != known.end()) best_e = e, best_type = it->second;
          const uint32_t bits = pd.info[k].lex;
          if (e == i + 1 && (bits & (ner::kLexCountry | ner::kLexOutlet)) && best_e < 0)
            best_e = e, best_type = (bits & ner::kLexOutlet) ? kOrg : kPlace;
          if (pd.info[k].flags & ner::kInfPossessive) break;
        }
        if (best_e < 0) continue;
        Work w = SpanOf(static_cast<int>(p), i, best_e, best_type, 0.7f);
        if (w.type == kPerson) AttachTitle(pd, &w);
        Commit(std::move(w));
        i = best_e - 1;
      }
    }
  }

  // ---------------------------------------------------------------- house list
  // A house name found verbatim extends or types an overlapping mention;
  // otherwise it becomes a mention typed by the lexicons.
  void HouseNames() {
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
            type = (bits & (ner::kLexFirst | ner::kLexSurname)) ? kPerson
                   : (bits & (ner::kLexPlace | ner::kLexCountry)) ? kPlace
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

  // ---------------------------------------------------------------- entity list
  void Appositions(const Work& w, std::vector<std::u16string>* out) const {
    const ParaData& pd = paras_[w.para];
    const int n = static_cast<int>(pd.info.size());
    int i = w.te;
    if (i >= n || TokText(pd, i) != u",") return;
    ++i;
    if (i < n && OneOf(TokText(pd, i), {u"a"sv, u"an"sv, u"the"sv})) ++i;
    const int role_b = i;
    if (i >= n || (pd.info[i].flags & ner::kInfPunct)) return;
    if (IsCapWord(pd.info[i]) && !(pd.info[i].lex & ner::kLexTitle) && pd.owner[i] >= 0) return;
    int role_e = -1, org = -1, stop = -1;
    for (int k = i; k < n && k < i + 16; ++k) {
      std::u16string_view t = TokText(pd, k);
      if (t == u"," || t == u"." || t == u";" || t == u"(" || t == u"“" || t == u"\"") {
        stop = k;
        break;
      }
      if (OneOf(t, {u"who"sv, u"which"sv, u"that"sv, u"said"sv, u"says"sv, u"told"sv, u"added"sv})) {
        stop = k;
        break;
      }
      if (org < 0 && OneOf(t, {u"at"sv, u"of"sv, u"with"sv, u"from"sv, u"for"sv, u"in"sv}) && k > role_b) {
        int j = k + 1;
        if (j < n && EqualsFolded(TokText(pd, j), u"the")) ++j;
        if (j < n && pd.owner[j] >= 0 && work_[pd.owner[j]].type != kPerson) {
          org = pd.owner[j];
          role_e = k;
        }
      }
    }
    if (stop < 0 || stop <= role_b) return;
    const auto& toks = pd.pt->tokens;
    std::u16string d;
    if (role_e > role_b && org >= 0) {
      d = pd.text->substr(toks[role_b].begin, toks[role_e - 1].end - toks[role_b].begin);
      const Work& o = work_[org];
      d += u", ";
      d += pd.text->substr(o.begin, o.end - o.begin);
    } else {
      d = pd.text->substr(toks[role_b].begin, toks[stop - 1].end - toks[role_b].begin);
    }
    if (d.size() > 2 && d.size() < 160) out->push_back(std::move(d));
  }

  void Finish() {
    // Drop dead mentions, order by position.
    std::vector<int> order;
    for (size_t i = 0; i < work_.size(); ++i)
      if (!work_[i].dead) order.push_back(static_cast<int>(i));
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      const Work& x = work_[a];
      const Work& y = work_[b];
      return x.para != y.para ? x.para < y.para : x.begin < y.begin;
    });
    // A lone capitalised word typed PERSON with nothing to support it (no
    // title, not a known given name or surname, no full name in the document)
    // is kept as MISC with low confidence: in news, people are named in full.
    for (int idx : order) {
      Work& w = work_[idx];
      if (w.type != kPerson || w.te - w.tb != 1 || !w.title.empty() ||
          w.gender_hint != Gender::kUnknown)
        continue;
      const TokenInfo& t = paras_[w.para].info[w.tb];
      if ((t.lex & (ner::kLexFirst | ner::kLexSurname)) || parts_.count(w.key)) continue;
      if (CapHyphen(paras_[w.para], w.tb) >= 0) continue;  // "Xi" of "Xi-Lee"
      w.type = kMisc;
      w.conf = 0.4f;
    }
    // Person groups: multi-word keys; parts map to full keys.
    std::map<std::pair<int, std::u16string>, int> by_key;  // (type, key) -> entity
    std::vector<Entity>& list = report_->entity_list;
    list.clear();
    auto entity_for = [&](int type, const std::u16string& key) {
      auto it = by_key.find({type, key});
      if (it != by_key.end()) return it->second;
      Entity e;
      e.id = static_cast<int32_t>(list.size());
      e.type = ToType(type);
      list.push_back(std::move(e));
      by_key[{type, key}] = list.back().id;
      return list.back().id;
    };
    // A bare first word of exactly one multi-word organisation of the document
    // is that organisation ("Hanwol" -> "Hanwol Energy").
    std::unordered_map<uint64_t, std::set<std::u16string>> org_by_first;
    for (int idx : order) {
      const Work& w = work_[idx];
      if (w.type == kOrg && w.te - w.tb > 1)
        org_by_first[paras_[w.para].info[w.tb].word].insert(w.key);
    }
    // First pass: full (multi-word) persons and all non-persons.
    for (int idx : order) {
      Work& w = work_[idx];
      if (w.type == kPerson && w.te - w.tb > 0) {
        std::u16string f, l;
        PersonParts(w, &f, &l);
        if (f.empty()) continue;  // bare name: second pass
      }
      if (w.type == kOrg && w.te - w.tb == 1) {
        auto it = org_by_first.find(paras_[w.para].info[w.tb].word);
        if (it != org_by_first.end() && it->second.size() == 1 &&
            org_first_words_.count(paras_[w.para].info[w.tb].word)) {
          w.entity = entity_for(kOrg, *it->second.begin());
          continue;
        }
      }
      w.entity = entity_for(w.type, w.key);
    }
    // Second pass: bare person names.
    for (int idx : order) {
      Work& w = work_[idx];
      if (w.entity >= 0) continue;
      auto it = parts_.find(w.key);
      if (it != parts_.end() && it->second.size() == 1) {
        auto full = by_key.find({kPerson, *it->second.begin()});
        if (full != by_key.end()) {
          w.entity = full->second;
          continue;
        }
      }
      w.entity = entity_for(kPerson, w.key);
      if (it != parts_.end() && it->second.size() > 1) list[w.entity].ambiguous = true;
    }
    // Fill mentions and entity details.
    std::vector<std::map<std::u16string, int>> variant_counts(list.size());
    std::vector<std::vector<std::u16string>> variant_order(list.size());
    std::vector<int> male(list.size()), female(list.size());
    for (int idx : order) {
      const Work& w = work_[idx];
      const ParaData& pd = paras_[w.para];
      EntityMention m;
      m.span = Span{w.para, w.begin, w.end};
      m.type = ToType(w.type);
      m.entity = w.entity;
      m.outlet = w.outlet;
      m.confidence = w.conf;
      m.title = w.title;
      report_->entities.push_back(m);
      Entity& e = list[w.entity];
      ++e.mentions;
      e.outlet |= w.outlet;
      std::u16string text = pd.text->substr(w.begin, w.end - w.begin);
      if (variant_counts[w.entity][text]++ == 0) variant_order[w.entity].push_back(text);
      auto add_desc = [&](const std::u16string& d) {
        if (d.empty()) return;
        for (std::u16string& x : e.descriptors) {
          if (EqualsFolded(x, d)) return;
          if (x.size() > d.size() && EqualsFolded(std::u16string_view(x).substr(x.size() - d.size()), d))
            return;
          if (d.size() > x.size() && EqualsFolded(std::u16string_view(d).substr(d.size() - x.size()), x)) {
            x = d;
            return;
          }
        }
        e.descriptors.push_back(d);
      };
      add_desc(w.descriptor.empty() ? w.title : w.descriptor);
      if (w.type == kPerson) {
        std::vector<std::u16string> app;
        Appositions(w, &app);
        for (const auto& d : app) {
          add_desc(d);
          ApplyGenderWords(d, &male[w.entity], &female[w.entity]);
        }
        if (w.gender_hint == Gender::kMale) male[w.entity] += 2;
        if (w.gender_hint == Gender::kFemale) female[w.entity] += 2;
        // First-name evidence (a given name that is not also a surname).
        if (w.te - w.tb >= 2) {
          const uint32_t b = pd.info[w.tb].lex;
          const uint32_t last = pd.info[w.te - 1].lex;
          const bool western = (last & ner::kLexSurname) && !(last & ner::kLexFirst) &&
                               (pd.info[w.te - 1].flags & ner::kInfSpaceBefore);
          // Only in Western order (given name, then a census surname): "Yun
          // Bong-gil" or "Lee Jae-myung" start with a surname, not a given name.
          const bool east_asian = CapHyphen(pd, w.te - 1) < 0 && HyphenGivenName(pd, w.te - 1);
          if ((b & ner::kLexFirst) && !east_asian && (western || !(b & ner::kLexSurname))) {
            if (b & ner::kLexMale) ++male[w.entity];
            if (b & ner::kLexFemale) ++female[w.entity];
          }
        }
      }
    }
    for (size_t id = 0; id < list.size(); ++id) {
      Entity& e = list[id];
      e.variants = variant_order[id];
      // Canonical: the fullest form (most words, then most used, then first).
      int best = -1;
      auto words = [](const std::u16string& s) {
        return std::count(s.begin(), s.end(), u' ') + 1;
      };
      for (size_t v = 0; v < e.variants.size(); ++v) {
        if (best < 0) {
          best = static_cast<int>(v);
          continue;
        }
        const std::u16string& a = e.variants[v];
        const std::u16string& b = e.variants[best];
        if (words(a) > words(b) ||
            (words(a) == words(b) && variant_counts[id][a] > variant_counts[id][b]))
          best = static_cast<int>(v);
      }
      if (best >= 0) e.canonical = e.variants[best];
      const std::u16string ckey = EntityNameKey(e.canonical);
      for (const std::u16string& v : e.variants)
        if (v != e.canonical && EntityNameKey(v) == ckey) e.spelling_variants.push_back(v);
    }
    PronounGenders(order, &male, &female);
    for (size_t id = 0; id < list.size(); ++id) {
      if (list[id].type != EntityType::kPerson) continue;
      if (male[id] > 2 * female[id] && male[id] > 0) list[id].gender = Gender::kMale;
      else if (female[id] > 2 * male[id] && female[id] > 0) list[id].gender = Gender::kFemale;
    }
  }

  static void ApplyGenderWords(const std::u16string& d, int* male, int* female) {
    const ner::Lexicon& lex = ner::Lexicon::Default();
    size_t i = 0;
    while (i < d.size()) {
      while (i < d.size() && !u_isalpha(d[i])) ++i;
      size_t j = i;
      while (j < d.size() && u_isalpha(d[j])) ++j;
      if (j > i) {
        const uint32_t b =
            lex.Lookup(ner::KeyAdd(ner::kKeySeed, ner::PieceHash(std::u16string_view(d).substr(i, j - i))));
        if (b & ner::kLexGenderWord) {
          if (b & ner::kLexMale) ++*male;
          if (b & ner::kLexFemale) ++*female;
        }
      }
      i = j;
    }
  }

  // Pronoun evidence: a he/she whose nearest preceding person mention (same
  // sentence, else the previous sentence naming exactly one person) is clear.
  void PronounGenders(const std::vector<int>& order, std::vector<int>* male,
                      std::vector<int>* female) {
    // Person mentions per paragraph, in order.
    std::vector<std::vector<const Work*>> per_para(paras_.size());
    for (int idx : order)
      if (work_[idx].type == kPerson && !list_ambiguous(work_[idx].entity))
        per_para[work_[idx].para].push_back(&work_[idx]);
    for (size_t p = 0; p < paras_.size(); ++p) {
      const ParaData& pd = paras_[p];
      if (pd.headline) continue;
      for (const Sentence& s : pd.pt->sentences) {
        for (int i = s.first_token; i < s.end_token; ++i) {
          const Gender g = PronounGender(TokText(pd, i));
          if (g == Gender::kUnknown) continue;
          const int pos = pd.pt->tokens[i].begin;
          // nearest person before in this sentence (within 10 tokens)
          const Work* pick = nullptr;
          for (const Work* w : per_para[p])
            if (w->begin >= s.begin && w->end <= pos && i - w->te < 10) pick = w;
          if (!pick) {
            // previous sentence (same paragraph or the last one of the previous)
            std::unordered_set<int> ents;
            const Work* first = nullptr;
            int ps = -1;
            for (size_t k = 0; k < pd.pt->sentences.size(); ++k)
              if (pd.pt->sentences[k].begin == s.begin) ps = static_cast<int>(k) - 1;
            if (ps >= 0) {
              const Sentence& prev = pd.pt->sentences[ps];
              for (const Work* w : per_para[p])
                if (w->begin >= prev.begin && w->end <= prev.end) {
                  ents.insert(w->entity);
                  if (!first) first = w;
                }
            } else if (s.begin == pd.pt->sentences.front().begin && p > 0 && !per_para[p - 1].empty()) {
              const ParaData& pp = paras_[p - 1];
              const Sentence& prev = pp.pt->sentences.back();
              for (const Work* w : per_para[p - 1])
                if (w->begin >= prev.begin) {
                  ents.insert(w->entity);
                  if (!first) first = w;
                }
            }
            if (ents.size() == 1) pick = first;
          }
          if (!pick) continue;
          if (g == Gender::kMale) ++(*male)[pick->entity];
          else ++(*female)[pick->entity];
        }
      }
    }
  }

  bool list_ambiguous(int e) const { return e < 0 || report_->entity_list[e].ambiguous; }

  const Document& doc_;
  Report* report_;
  const std::vector<std::u16string>& house_;
  const ner::Lexicon& lex_;
  const ner::Model& model_;
  std::vector<ParagraphText> own_text_;
  std::vector<ParaData> paras_;
  std::vector<Work> work_;
  std::unordered_map<std::u16string, std::unordered_set<std::u16string>> parts_;
  std::unordered_set<uint64_t> part_words_;
  std::unordered_map<std::u16string, int> multi_names_;  // NameKey of multi-word names -> type
  std::unordered_set<uint64_t> multi_first_words_;       // their first tokens' words
  std::unordered_set<uint64_t> org_first_words_;         // "Hanwol" of "Hanwol Energy"  // TokenInfo::word of single-token parts
};

}  // namespace

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
  Recognizer(doc, report, house_names).Run();
}

// ------------------------------------------------------------------ resolution

namespace {

int SentenceIndex(const ParagraphText& pt, int32_t offset) {
  int lo = 0, hi = static_cast<int>(pt.sentences.size()) - 1, ans = 0;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (pt.sentences[mid].begin <= offset) ans = mid, lo = mid + 1;
    else hi = mid - 1;
  }
  return ans;
}

}  // namespace

PersonReference ResolvePersonReference(const Document& doc, const Report& report, Position pos,
                                       Gender gender) {
  PersonReference ref;
  if (pos.paragraph < 0 || pos.paragraph >= static_cast<int32_t>(doc.paragraphs.size()))
    return ref;
  const auto& list = report.entity_list;
  // report.entities is in document order and mentions do not overlap: `at` is
  // the first mention ending after pos, everything before it ends at or before
  // pos (binary search: a long draft asks this for every quote).
  const auto& mentions = report.entities;
  const auto at = std::lower_bound(
      mentions.begin(), mentions.end(), pos, [](const EntityMention& m, const Position& p) {
        return m.span.paragraph < p.paragraph ||
               (m.span.paragraph == p.paragraph && m.span.end <= p.offset);
      });
  // 1. Inside a person mention.
  if (at != mentions.end()) {
    const EntityMention& m = *at;
    if (m.span.paragraph == pos.paragraph && m.span.begin <= pos.offset && pos.offset < m.span.end &&
        m.type == EntityType::kPerson && m.entity >= 0) {
      ref.antecedent = m.span;
      if (list[m.entity].ambiguous) {
        ref.reason = "ambiguous";
        return ref;
      }
      ref.entity = m.entity;
      ref.gender = list[m.entity].gender;
      ref.confidence = m.confidence;
      ref.reason = "mention";
      return ref;
    }
  }
  // The word at pos.
  const std::u16string& text = doc.paragraphs[pos.paragraph].text;
  int32_t end = pos.offset;
  while (end < static_cast<int32_t>(text.size()) && (u_isalpha(text[end]) || text[end] == u'-')) ++end;
  const std::u16string_view word = std::u16string_view(text).substr(pos.offset, end - pos.offset);
  const Gender pg = PronounGender(word);
  if (pg != Gender::kUnknown) gender = pg;
  // 2. A bare name part of exactly one person.
  if (pg == Gender::kUnknown && !word.empty() && u_isupper(word[0])) {
    const std::u16string key = EntityNameKey(word);
    int found = -1, count = 0;
    // Cheap filter before the keys: two ASCII letters that differ (case
    // folded) start two different keys.
    auto may_match = [&](std::u16string_view part) {
      const char16_t a = word[0], b = part.empty() ? 0 : part[0];
      if (a >= 0x80 || b >= 0x80 || !u_isalpha(a) || !u_isalpha(b)) return true;
      return (a | 0x20) == (b | 0x20);
    };
    for (const Entity& e : list) {
      if (e.type != EntityType::kPerson) continue;
      const std::u16string& c = e.canonical;
      const size_t sp = c.find(u' '), rsp = c.rfind(u' ');
      if (sp == std::u16string::npos) continue;
      const std::u16string_view first = std::u16string_view(c).substr(0, sp);
      const std::u16string_view last = std::u16string_view(c).substr(rsp + 1);
      if ((may_match(first) && EntityNameKey(first) == key) ||
          (may_match(last) && EntityNameKey(last) == key)) {
        found = e.id;
        ++count;
      }
    }
    if (count == 1) {
      ref.entity = found;
      ref.gender = list[found].gender;
      ref.confidence = 0.8f;
      ref.reason = "surname";
      return ref;
    }
    if (count > 1) {
      ref.reason = "ambiguous";
      return ref;
    }
    if (gender == Gender::kUnknown) return ref;
  }
  // 3. Pronoun: the latest sentence naming a compatible person.
  const bool have_text = report.text.paragraphs.size() == doc.paragraphs.size();
  auto sentence_of = [&](int32_t para, int32_t off) {
    return have_text ? SentenceIndex(report.text.paragraphs[para], off) : 0;
  };
  const int my_sentence = sentence_of(pos.paragraph, pos.offset);
  int best_para = -1, best_sentence = -1;
  std::vector<const EntityMention*> in_sentence;
  for (auto it = std::make_reverse_iterator(at); it != mentions.rend(); ++it) {
    const EntityMention& m = *it;
    if (m.type != EntityType::kPerson || m.entity < 0) continue;
    if (m.span.paragraph < pos.paragraph - 2) break;
    const Entity& e = list[m.entity];
    if (e.ambiguous) continue;
    if (gender != Gender::kUnknown && e.gender != Gender::kUnknown && e.gender != gender) continue;
    const int s = sentence_of(m.span.paragraph, m.span.begin);
    if (best_para < 0) {
      best_para = m.span.paragraph;
      best_sentence = s;
    }
    if (m.span.paragraph != best_para || s != best_sentence) break;
    in_sentence.push_back(&m);
  }
  if (in_sentence.empty()) return ref;
  const EntityMention* first = in_sentence.back();  // earliest in that sentence
  bool several = false;
  for (const EntityMention* m : in_sentence) several |= m->entity != first->entity;
  ref.antecedent = first->span;
  if (several && best_para == pos.paragraph && best_sentence == my_sentence) {
    ref.reason = "ambiguous";
    return ref;
  }
  ref.entity = first->entity;
  ref.gender = list[first->entity].gender != Gender::kUnknown ? list[first->entity].gender : gender;
  ref.confidence = several ? 0.6f : 0.85f;
  ref.reason = "pronoun";
  return ref;
}

int32_t ResolvePerson(const Document& doc, const Report& report, Position pos, Gender gender) {
  const PersonReference ref = ResolvePersonReference(doc, report, pos, gender);
  return ref.confidence >= 0.5f ? ref.entity : -1;
}

}  // namespace factlens
