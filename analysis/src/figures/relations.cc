// Relations between neighbouring figures: ranges ("between 5 and 10"),
// changes ("rose 5% to 12 from 10") and comparisons ("12, up from 10").
#include "figures/scanner.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "figures/relations.h"

namespace factlens {
namespace figures_internal {
namespace {

bool CarriesUnit(const Figure& f) {
  return f.kind == FigureKind::kMoney || f.kind == FigureKind::kPercent ||
         f.kind == FigureKind::kQuantity || f.kind == FigureKind::kDuration;
}

bool SameMeasure(const Figure& a, const Figure& b) {
  return a.kind == b.kind && a.unit == b.unit;
}

bool Valued(const Figure& f) {
  return f.kind == FigureKind::kMoney || f.kind == FigureKind::kPercent ||
         f.kind == FigureKind::kQuantity || f.kind == FigureKind::kNumber;
}

// Same measure, or a bare number standing for the other's measure
// ("12,000 employees, up from 10,500").
bool Compatible(const Figure& a, const Figure& b) {
  if (SameMeasure(a, b)) return true;
  bool bare_a = a.kind == FigureKind::kNumber && a.unit.empty();
  bool bare_b = b.kind == FigureKind::kNumber && b.unit.empty();
  return (bare_a && Valued(b)) || (bare_b && Valued(a));
}

// A bare figure takes its partner's measure ("between 5 and 10 percent": 5 is a
// percent too).
void CarryUnit(const Figure& from, Figure* to, const char* why) {
  to->kind = from.kind;
  to->unit = from.unit;
  to->counted = from.counted;
  to->note = why;
}

// The words around two neighbouring figures a and a + 1 of one paragraph.
struct PairGap {
  std::u16string text;             // between them, lower case
  std::vector<std::string> words;  // its words
  std::string last_before;         // the word before a ("between", "from")
  // only a hyphen or an en dash between them ("300-400 emails", "aged 5-11")
  bool Dash() const { return text == u"-" || text == u"\u2013"; }
};

// Finds the relations between the figures of one report, in three passes.
class RelationFinder {
 public:
  RelationFinder(const Document& doc, Report* report, const Tables& t)
      : doc_(doc), report_(report), t_(t), figs_(report->figures),
        nf_(static_cast<int>(report->figures.size())) {}

  void Run() {
    for (int a = 0; a + 1 < nf_; ++a) MatchPair(a);
    for (int a = nf_ - 2; a >= 0; --a) MatchListUnit(a);
    for (int y = 0; y + 1 < nf_; ++y) MatchChangeToFrom(y);
    for (int d = 0; d + 1 < nf_; ++d) MatchUpFrom(d);
    std::sort(report_->figure_relations.begin(), report_->figure_relations.end(),
              [](const FigureRelation& p, const FigureRelation& q) {
                return FirstFigure(p) < FirstFigure(q);
              });
  }

 private:
  static int FirstFigure(const FigureRelation& r) {
    int k = 1 << 30;
    for (int v : {r.from, r.to, r.delta})
      if (v >= 0) k = std::min(k, v);
    return k;
  }

  // The text between two figures of one paragraph ("" otherwise).
  std::u16string_view Between(const Figure& a, const Figure& b) const {
    if (a.span.paragraph != b.span.paragraph || a.span.end > b.span.begin) return u"";
    const std::u16string& txt = doc_.paragraphs[a.span.paragraph].text;
    return std::u16string_view(txt).substr(a.span.end, b.span.begin - a.span.end);
  }

  // Up to n code units before a figure, within its sentence (a view of the text).
  std::u16string_view Before(const Figure& f, int n) const {
    const std::u16string& txt = doc_.paragraphs[f.span.paragraph].text;
    int b = std::max(0, f.span.begin - n);
    if (report_->text.paragraphs.size() == doc_.paragraphs.size()) {
      const ParagraphText& pt = report_->text.paragraphs[f.span.paragraph];
      int32_t si = SentenceAt(pt, f.span.begin);
      if (si >= 0) b = std::max(b, static_cast<int>(pt.sentences[si].begin));
    }
    return std::u16string_view(txt).substr(b, f.span.begin - b);
  }

  // Per code unit with u_tolower (LowerUnit; not common/strings.h Lower, which
  // maps "İ" to two code units: the lengths below count code units).
  static std::u16string LowerUnits(std::u16string_view v) {
    std::u16string s(v);
    for (auto& c : s) c = LowerUnit(c);
    return s;
  }

  // Letter runs; non-ASCII letters become '?'.
  static std::vector<std::string> WordsOf(const std::u16string& s) {
    std::vector<std::string> w;
    std::string cur;
    for (char16_t c : s) {
      if (IsLetterUnit(c)) cur += static_cast<char>(c < 128 ? c : '?');
      else if (!cur.empty()) w.push_back(cur), cur.clear();
    }
    if (!cur.empty()) w.push_back(cur);
    return w;
  }

  std::vector<std::string> WordsBetween(const Figure& a, const Figure& b) const {
    return WordsOf(LowerUnits(Between(a, b)));
  }
  std::vector<std::string> WordsBefore(const Figure& f, int n) const {
    return WordsOf(LowerUnits(Before(f, n)));
  }
  // The last of WordsOf(LowerUnits(s)), or "": read back from the end, without
  // lower-casing and cutting the whole stretch into words.
  static std::string LastWordOf(std::u16string_view s) {
    auto letter = [&s](size_t x) { return IsLetterUnit(LowerUnit(s[x])); };
    size_t e = s.size();
    while (e > 0 && !letter(e - 1)) --e;
    size_t b = e;
    while (b > 0 && letter(b - 1)) --b;
    std::string w;
    for (size_t x = b; x < e; ++x) {
      const char16_t c = LowerUnit(s[x]);
      w += static_cast<char>(c < 128 ? c : '?');
    }
    return w;
  }
  // The last of WordsBefore(f, n), or "".
  std::string LastWordBefore(const Figure& f, int n) const { return LastWordOf(Before(f, n)); }

  // +1 for the first rise word ("rose", "up"), -1 for a fall word, else 0.
  int Direction(const std::vector<std::string>& ws) const {
    for (const auto& w : ws) {
      auto it = t_.cls.find(w);
      if (it == t_.cls.end()) continue;
      if (it->second & kRise) return 1;
      if (it->second & kFall) return -1;
    }
    return 0;
  }

  void Add(const FigureRelation& r) { report_->figure_relations.push_back(r); }
  // Figures a and a + 1 as the two ends of one range.
  void AddRange(int a) {
    FigureRelation r;
    r.kind = FigureRelation::Kind::kRange;
    r.from = a;
    r.to = a + 1;
    Add(r);
  }
  // Both figures plain numbers, the first the smaller ("5 to 10", not "10 to 5").
  static bool Ascending(const Figure& fa, const Figure& fb) {
    return fa.value.type == FigureValue::Type::kNumber &&
           fb.value.type == FigureValue::Type::kNumber && fa.value.lo < fb.value.lo;
  }

  // ----------------------------------------------------------- pass 1: neighbours

  void MatchPair(int a) {
    const Figure& fa = figs_[a];
    const Figure& fb = figs_[a + 1];
    if (fa.span.paragraph != fb.span.paragraph) return;
    PairGap g;
    const std::u16string_view between = Between(fa, fb);
    if (between.size() > 40) return;
    g.text = LowerUnits(between);
    g.words = WordsOf(g.text);
    g.last_before = LastWordBefore(fa, 12);
    if (MatchBetweenRange(a, g) || MatchToOrRange(a, g) || MatchAgeRange(a, g) ||
        MatchStatedChange(a, g))
      return;
    MatchFromTo(a, g);
  }

  // "between 5 and 10": a range; a bare lower end takes the upper end's unit.
  bool MatchBetweenRange(int a, const PairGap& g) {
    if (!(g.last_before == "between"sv && g.words.size() == 1 && g.words[0] == "and"sv))
      return false;
    AddRange(a);
    if (figs_[a].kind == FigureKind::kNumber && CarriesUnit(figs_[a + 1])) {
      const double lo = ScaledLowerEnd(figs_[a], figs_[a + 1]);
      CarryUnit(figs_[a + 1], &figs_[a], "unit carried from the range's upper end");
      figs_[a].value.lo = lo;
    }
    return true;
  }

  // "3 to 4 percent", "3 or 4 percent", "40 to 50 people", "300-400 emails", "10-20
  // cents", "3-4 million euros": a range whose bare lower end takes the upper end's
  // measure, and its scale.
  bool MatchToOrRange(int a, const PairGap& g) {
    const Figure& fa = figs_[a];
    const Figure& fb = figs_[a + 1];
    const bool word = g.last_before != "from"sv && g.last_before != "between"sv &&
                      g.words.size() == 1 && (g.words[0] == "to"sv || g.words[0] == "or"sv);
    if (!((g.Dash() || word) && fa.kind == FigureKind::kNumber && fa.unit.empty() &&
          CarriesUnit(fb) && g.text.find(u',') == std::u16string::npos))
      return false;
    const double lo = ScaledLowerEnd(fa, fb);
    if (!(Ascending(fa, fb) || (fa.value.type == FigureValue::Type::kNumber && lo < fb.value.lo)))
      return false;
    CarryUnit(fb, &figs_[a], "unit carried from the range's upper end");
    figs_[a].value.lo = lo;
    AddRange(a);
    return true;
  }

  // The lower end of a range in the upper end's scale: 10 in "10-20 cents" is 0.1, 3 in
  // "3-4 million euros" 3,000,000 (the upper end's value over its number as written in
  // digits). The lower end as it is when the upper end holds no digits.
  double ScaledLowerEnd(const Figure& fa, const Figure& fb) const {
    if (fa.value.type != FigureValue::Type::kNumber ||
        fb.value.type != FigureValue::Type::kNumber)
      return fa.value.lo;
    const std::u16string& txt = doc_.paragraphs[fb.span.paragraph].text;
    std::string digits;
    for (int k = fb.span.begin; k < fb.span.end; ++k) {
      const char16_t c = txt[k];
      if (c >= u'0' && c <= u'9') {
        digits += static_cast<char>(c);
      } else if (!digits.empty() && c == u'.' && k + 1 < fb.span.end && txt[k + 1] >= u'0' &&
                 txt[k + 1] <= u'9') {
        digits += '.';
      } else if (!digits.empty() && c != u',') {
        break;
      }
    }
    const double written = digits.empty() ? 0 : ParseDouble(digits);
    if (!(written > 0) || fb.value.lo == written) return fa.value.lo;
    return fa.value.lo * fb.value.lo / written;
  }

  // A word that hedges a list's next item: "five, maybe six", "two or perhaps three".
  static bool Hedge(std::string_view w) {
    return w == "maybe"sv || w == "perhaps"sv || w == "possibly"sv;
  }

  // "two, three and even four days": the bare numbers of a rising list take the
  // measure of its last item (read back from the end, so a middle item carries it on).
  void MatchListUnit(int a) {
    static constexpr char kWhy[] = "unit carried from the list's last item";
    const Figure& fa = figs_[a];
    const Figure& fb = figs_[a + 1];
    // An approximate end ("... and more than 60 percent") opens a clause of its own.
    if (!(fa.kind == FigureKind::kNumber && fa.unit.empty() && CarriesUnit(fb) && !fb.approx &&
          fa.span.paragraph == fb.span.paragraph && Ascending(fa, fb)))
      return;
    const std::u16string_view between = Between(fa, fb);
    if (between.size() > 16) return;
    const std::u16string text = LowerUnits(between);
    const std::vector<std::string> words = WordsOf(text);
    const bool comma = text.find(u',') != std::u16string::npos;
    bool linked;
    if (words.empty()) {  // "three, four ...": only inside a list whose end is known
      linked = comma && fb.note == kWhy;
    } else {  // "... and even four days", "three, maybe four months"
      linked = ((words[0] == "and"sv || words[0] == "or"sv) &&
                (words.size() == 1 ||
                 (words.size() == 2 && (words[1] == "even"sv || Hedge(words[1]))))) ||
               (comma && words.size() == 1 && Hedge(words[0]));
    }
    if (linked) CarryUnit(fb, &figs_[a], kWhy);
  }

  // "ages 4 to 12", "aged 5-11", "the ages of 6 and 9": an age range; the bare upper
  // end is an age too (MatchAge reads the lower end).
  bool MatchAgeRange(int a, const PairGap& g) {
    const Figure& fa = figs_[a];
    const Figure& fb = figs_[a + 1];
    const bool word = g.words.size() == 1 &&
                      (g.words[0] == "to"sv || g.words[0] == "through"sv || g.words[0] == "and"sv);
    if (!((g.Dash() || word) && fa.kind == FigureKind::kQuantity && fa.counted == u"age" &&
          fb.kind == FigureKind::kNumber && fb.unit.empty() && Ascending(fa, fb)))
      return false;
    CarryUnit(fa, &figs_[a + 1], "unit carried from the range's lower end");
    AddRange(a);
    return true;
  }

  // A change verb with an object: "reducing the 40 stalls to 25" is a change from X to Y
  // (a determiner before X: X is the object, not the size); "reduce costs 12 percent
  // to 15 percent" is a range of the cut (a fall from a smaller to a larger percentage).
  bool MatchTransitiveChange(int a, int dir) {
    const Figure& fa = figs_[a];
    const Figure& fb = figs_[a + 1];
    const std::string last = LastWordBefore(fa, 12);
    static constexpr std::string_view kDeterminers[] = {"the", "its", "their", "his", "her",
                                                        "our", "this", "that", "these", "those"};
    bool object = false;
    for (std::string_view d : kDeterminers)
      if (last == d) object = true;
    FigureRelation r;
    r.from = a;
    r.to = a + 1;
    if (object) {
      r.kind = FigureRelation::Kind::kChange;
      r.direction = dir;
      Add(r);
      return true;
    }
    if (dir < 0 && fa.kind == FigureKind::kPercent && fb.kind == FigureKind::kPercent &&
        fa.unit == fb.unit && Ascending(fa, fb)) {
      r.kind = FigureRelation::Kind::kRange;
      Add(r);
      return true;
    }
    return false;
  }

  // "dropped 8% to £1.2bn from £1.3bn", "grew by 2 million to 68 million": a
  // change to Y of stated size D (from X when it follows).
  bool MatchStatedChange(int a, const PairGap& g) {
    const Figure& fa = figs_[a];
    const Figure& fb = figs_[a + 1];
    if (!(g.last_before != "from"sv && g.last_before != "between"sv && g.words.size() == 1 &&
          g.words[0] == "to"sv && Valued(fa) && Valued(fb)))
      return false;
    int dir = Direction(WordsBefore(fa, 40));
    if (dir == 0) return false;
    if (MatchTransitiveChange(a, dir)) return true;
    FigureRelation r;
    r.kind = FigureRelation::Kind::kChange;
    r.delta = a;
    r.to = a + 1;
    r.direction = dir;
    if (a + 2 < nf_ && figs_[a + 2].span.paragraph == fb.span.paragraph) {
      std::vector<std::string> g2 = WordsBetween(fb, figs_[a + 2]);
      if (g2.size() == 1 && g2[0] == "from"sv && Compatible(fb, figs_[a + 2])) r.from = a + 2;
    }
    Add(r);
    return true;
  }

  // "from X to Y": a change (direction from the verb, else from the values); the
  // stated size is a percent or amount just before "from" ("rose 15 percent from").
  void MatchFromTo(int a, const PairGap& g) {
    if (!(g.last_before == "from"sv && g.words.size() == 1 && g.words[0] == "to"sv)) return;
    const Figure& fa = figs_[a];
    FigureRelation r;
    r.kind = FigureRelation::Kind::kChange;
    r.from = a;
    r.to = a + 1;
    if (figs_[a].kind == FigureKind::kNumber && CarriesUnit(figs_[a + 1]))
      CarryUnit(figs_[a + 1], &figs_[a], "unit carried from the change's end");
    r.direction = Direction(WordsBefore(fa, 60));
    if (a > 0 && figs_[a - 1].span.paragraph == fa.span.paragraph) {
      const std::u16string_view gap = Between(figs_[a - 1], fa);
      if (gap.size() < 20 && LastWordOf(gap) == "from"sv &&
          figs_[a - 1].kind != FigureKind::kDate) {
        r.delta = a - 1;
        int d2 = Direction(WordsOf(LowerUnits(gap)));
        if (d2) r.direction = d2;
      }
    }
    const FigureValue& x = figs_[a].value;
    const FigureValue& y = figs_[a + 1].value;
    if (r.direction == 0 && x.type == FigureValue::Type::kNumber &&
        y.type == FigureValue::Type::kNumber && Compatible(figs_[a], figs_[a + 1]))
      r.direction = y.lo > x.lo ? 1 : y.lo < x.lo ? -1 : 0;
    Add(r);
  }

  // ----------------------------------------------------------- pass 2: "rose to Y from X"

  // The figure X of "to Y ... from X" within two figures after y, or -1.
  int FromAfter(int y) const {
    const Figure& fy = figs_[y];
    for (int c = y + 1; c < nf_ && c <= y + 2; ++c) {
      if (figs_[c].span.paragraph != fy.span.paragraph) return -1;
      if (!Valued(figs_[c])) continue;
      if (LastWordOf(Between(fy, figs_[c])) != "from"sv) return -1;  // before the words
      std::vector<std::string> gw = WordsBetween(fy, figs_[c]);
      if (!gw.empty() && gw.back() == "from"sv && gw.size() <= 6 && Compatible(fy, figs_[c]))
        return c;
      return -1;
    }
    return -1;
  }

  // The stated size of a change to y: the nearest earlier amount, dates between
  // allowed ("rose 12 percent last year, to €4.48 billion"); -1 if none.
  int SizeBefore(int y) const {
    const Figure& fy = figs_[y];
    for (int c = y - 1; c >= 0 && c >= y - 3 && figs_[c].span.paragraph == fy.span.paragraph;
         --c) {
      if (figs_[c].kind == FigureKind::kDate || figs_[c].kind == FigureKind::kTime) continue;
      if (!Valued(figs_[c])) return -1;
      if (LastWordOf(Between(figs_[c], fy)) != "to"sv) return -1;  // before the words
      std::vector<std::string> g0 = WordsBetween(figs_[c], fy);
      return !g0.empty() && g0.back() == "to"sv && g0.size() <= 5 ? c : -1;
    }
    return -1;
  }

  // "rose to 1,234 on Tuesday from 1,100": a change from X to Y, the words
  // between Y and "from" allowed (a date, "a day earlier").
  void MatchChangeToFrom(int y) {
    const Figure& fy = figs_[y];
    if (!Valued(fy) || LastWordBefore(fy, 40) != "to"sv) return;  // before the words
    std::vector<std::string> pre = WordsBefore(fy, 40);
    if (pre.empty() || pre.back() != "to"sv) return;
    int dir = Direction(pre);
    if (dir == 0) return;
    int x = FromAfter(y);
    if (x < 0) return;
    for (const auto& r : report_->figure_relations)
      if (r.to == y && r.kind == FigureRelation::Kind::kChange) return;
    FigureRelation r;
    r.kind = FigureRelation::Kind::kChange;
    r.from = x;
    r.to = y;
    r.direction = dir;
    r.delta = SizeBefore(y);
    if (figs_[x].kind == FigureKind::kNumber && figs_[x].unit.empty() &&
        fy.kind != FigureKind::kNumber) {
      figs_[x].kind = fy.kind;
      figs_[x].unit = fy.unit;
      if (figs_[x].note.empty()) figs_[x].note = "unit carried from the change's end";
    }
    Add(r);
  }

  // ----------------------------------------------------------- pass 3: "12 percent up from"

  // "X ..., (only) 12 percent up from (the) Y": to = X, delta = 12 percent, from = Y;
  // "X, up from Y": a comparison with no stated size.
  void MatchUpFrom(int d) {
    const Figure& fd = figs_[d];
    if (fd.kind != FigureKind::kPercent && fd.kind != FigureKind::kMoney &&
        fd.kind != FigureKind::kNumber && fd.kind != FigureKind::kQuantity)
      return;
    int y = d + 1;
    if (figs_[y].span.paragraph != fd.span.paragraph) return;
    const std::u16string_view gap = Between(fd, figs_[y]);
    if (gap.size() > 25) return;  // before the words
    const std::vector<std::string> gw = WordsOf(LowerUnits(gap));
    if (gw.empty()) return;
    bool has_from = false;
    for (const auto& w : gw)
      if (w == "from"sv || w == "on"sv || w == "than"sv) has_from = true;
    if (!has_from) return;
    int dir = Direction(gw);
    if (dir == 0) return;
    for (const auto& r : report_->figure_relations)
      if (r.from == y || r.delta == d) return;  // already recorded as "from X to Y"
    if (!Valued(figs_[y])) return;
    // The figure the change leads to: the nearest earlier one of the same measure.
    int x = -1;
    for (int c = d - 1; c >= 0 && figs_[c].span.paragraph == fd.span.paragraph; --c) {
      if (SameMeasure(figs_[c], figs_[y])) {
        x = c;
        break;
      }
    }
    FigureRelation r;
    r.from = y;
    r.direction = dir;
    if (x >= 0 && !(Compatible(fd, figs_[y]))) {
      r.kind = FigureRelation::Kind::kChange;
      r.to = x;
      r.delta = d;
    } else if (Compatible(fd, figs_[y])) {
      if (figs_[y].kind == FigureKind::kNumber && figs_[y].unit.empty() &&
          fd.kind != FigureKind::kNumber) {
        figs_[y].kind = fd.kind;
        figs_[y].unit = fd.unit;
        if (figs_[y].note.empty())
          figs_[y].note = "unit carried from the figure it is compared with";
      }
      r.kind = FigureRelation::Kind::kComparison;
      r.to = d;
    } else {
      return;
    }
    Add(r);
  }

  const Document& doc_;
  Report* report_;
  const Tables& t_;
  std::vector<Figure>& figs_;
  const int nf_;
};

}  // namespace

void FindRelations(const Document& doc, Report* report, const Tables& t) {
  RelationFinder(doc, report, t).Run();
}

}  // namespace figures_internal
}  // namespace factlens
