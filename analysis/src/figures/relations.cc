// Relations between neighbouring figures: ranges ("between 5 and 10"),
// changes ("rose 5% to 12 from 10") and comparisons ("12, up from 10").
#include "figures/scanner.h"

#include <algorithm>
#include <string>
#include <vector>

#include <unicode/uchar.h>

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

}  // namespace

void FindRelations(const Document& doc, Report* report, const Tables& t) {
  auto& figs = report->figures;
  auto word_between = [&](const Figure& a, const Figure& b) -> std::u16string {
    if (a.span.paragraph != b.span.paragraph || a.span.end > b.span.begin) return u"";
    const std::u16string& txt = doc.paragraphs[a.span.paragraph].text;
    return txt.substr(a.span.end, b.span.begin - a.span.end);
  };
  auto lower = [](std::u16string s) {
    for (auto& c : s) c = static_cast<char16_t>(u_tolower(c));
    return s;
  };
  auto words_of = [&](const std::u16string& s) {
    std::vector<std::string> w;
    std::string cur;
    for (char16_t c : s) {
      if (u_isalpha(c)) cur += static_cast<char>(c < 128 ? c : '?');
      else if (!cur.empty()) w.push_back(cur), cur.clear();
    }
    if (!cur.empty()) w.push_back(cur);
    return w;
  };
  auto direction_of = [&](const std::vector<std::string>& ws) {
    for (const auto& w : ws) {
      auto it = t.cls.find(w);
      if (it == t.cls.end()) continue;
      if (it->second & kRise) return 1;
      if (it->second & kFall) return -1;
    }
    return 0;
  };
  auto text_before = [&](const Figure& f, int n) -> std::u16string {
    const std::u16string& txt = doc.paragraphs[f.span.paragraph].text;
    int b = std::max(0, f.span.begin - n);
    if (report->text.paragraphs.size() == doc.paragraphs.size()) {
      const ParagraphText& pt = report->text.paragraphs[f.span.paragraph];
      int32_t si = SentenceAt(pt, f.span.begin);
      if (si >= 0) b = std::max(b, static_cast<int>(pt.sentences[si].begin));
    }
    return txt.substr(b, f.span.begin - b);
  };
  const int nf = static_cast<int>(figs.size());
  for (int a = 0; a + 1 < nf; ++a) {
    const Figure& fa = figs[a];
    const Figure& fb = figs[a + 1];
    if (fa.span.paragraph != fb.span.paragraph) continue;
    std::u16string between = lower(word_between(fa, fb));
    std::vector<std::string> bw = words_of(between);
    if (between.size() > 40) continue;
    std::u16string before = lower(text_before(fa, 12));
    std::vector<std::string> pw = words_of(before);
    std::string last_before = pw.empty() ? "" : pw.back();
    bool just_and = bw.size() == 1 && bw[0] == "and"sv;
    bool just_to = bw.size() == 1 && (bw[0] == "to"sv || bw[0] == "and"sv);
    // "between 5 and 10": a range.
    if (last_before == "between"sv && just_and) {
      FigureRelation r;
      r.kind = FigureRelation::Kind::kRange;
      r.from = a;
      r.to = a + 1;
      report->figure_relations.push_back(r);
      // A bare lower end takes the upper end's unit ("between 5 and 10 percent").
      if (figs[a].kind == FigureKind::kNumber && CarriesUnit(figs[a + 1])) {
        figs[a].kind = figs[a + 1].kind;
        figs[a].unit = figs[a + 1].unit;
        figs[a].counted = figs[a + 1].counted;
        figs[a].note = "unit carried from the range's upper end";
      }
      continue;
    }
    // "3 to 4 percent", "3 or 4 percent", "40 to 50 people": a range whose bare
    // lower end takes the upper end's measure.
    if (last_before != "from"sv && last_before != "between"sv && bw.size() == 1 &&
        (bw[0] == "to"sv || bw[0] == "or"sv) && fa.kind == FigureKind::kNumber && fa.unit.empty() &&
        CarriesUnit(fb) && between.find(u',') == std::u16string::npos &&
        fa.value.type == FigureValue::Type::kNumber && fb.value.type == FigureValue::Type::kNumber &&
        fa.value.lo < fb.value.lo) {
      FigureRelation r;
      r.kind = FigureRelation::Kind::kRange;
      r.from = a;
      r.to = a + 1;
      figs[a].kind = fb.kind;
      figs[a].unit = fb.unit;
      figs[a].counted = fb.counted;
      figs[a].note = "unit carried from the range's upper end";
      report->figure_relations.push_back(r);
      continue;
    }
    // "dropped 8% to £1.2bn from £1.3bn", "grew by 2 million to 68 million":
    // a change to Y of stated size D (from X when it follows).
    if (last_before != "from"sv && last_before != "between"sv && bw.size() == 1 &&
        bw[0] == "to"sv && Valued(fa) && Valued(fb)) {
      std::vector<std::string> ww = words_of(lower(text_before(fa, 40)));
      int dir = direction_of(ww);
      if (dir != 0) {
        FigureRelation r;
        r.kind = FigureRelation::Kind::kChange;
        r.delta = a;
        r.to = a + 1;
        r.direction = dir;
        if (a + 2 < nf && figs[a + 2].span.paragraph == fb.span.paragraph) {
          std::vector<std::string> g2 = words_of(lower(word_between(fb, figs[a + 2])));
          if (g2.size() == 1 && g2[0] == "from"sv && Compatible(fb, figs[a + 2])) r.from = a + 2;
        }
        report->figure_relations.push_back(r);
        continue;
      }
    }
    // "from X to Y": a change (direction from the verb, else from the values).
    if (last_before == "from"sv && just_to && bw[0] == "to"sv) {
      FigureRelation r;
      r.kind = FigureRelation::Kind::kChange;
      r.from = a;
      r.to = a + 1;
      if (figs[a].kind == FigureKind::kNumber && CarriesUnit(figs[a + 1])) {
        figs[a].kind = figs[a + 1].kind;
        figs[a].unit = figs[a + 1].unit;
        figs[a].counted = figs[a + 1].counted;
        figs[a].note = "unit carried from the change's end";
      }
      std::u16string wide = lower(text_before(fa, 60));
      std::vector<std::string> ww = words_of(wide);
      r.direction = direction_of(ww);
      // The stated size: a percent or amount just before "from" ("rose 15 percent from").
      if (a > 0 && figs[a - 1].span.paragraph == fa.span.paragraph) {
        std::u16string gap = lower(word_between(figs[a - 1], fa));
        std::vector<std::string> gw = words_of(gap);
        if (gap.size() < 20 && !gw.empty() && gw.back() == "from"sv &&
            figs[a - 1].kind != FigureKind::kDate) {
          r.delta = a - 1;
          int d2 = direction_of(gw);
          if (d2) r.direction = d2;
        }
      }
      if (r.direction == 0 && figs[a].value.type == FigureValue::Type::kNumber &&
          figs[a + 1].value.type == FigureValue::Type::kNumber && Compatible(figs[a], figs[a + 1]))
        r.direction = figs[a + 1].value.lo > figs[a].value.lo ? 1 :
                      figs[a + 1].value.lo < figs[a].value.lo ? -1 : 0;
      report->figure_relations.push_back(r);
      continue;
    }
  }
  // "rose to 1,234 on Tuesday from 1,100": a change from X to Y, the words
  // between Y and "from" allowed (a date, "a day earlier").
  for (int y = 0; y + 1 < nf; ++y) {
    const Figure& fy = figs[y];
    if (!Valued(fy)) continue;
    std::vector<std::string> pre = words_of(lower(text_before(fy, 40)));
    if (pre.empty() || pre.back() != "to"sv) continue;
    int dir = direction_of(pre);
    if (dir == 0) continue;
    int x = -1;
    for (int c = y + 1; c < nf && c <= y + 2; ++c) {
      if (figs[c].span.paragraph != fy.span.paragraph) break;
      if (!Valued(figs[c])) continue;
      std::vector<std::string> gw = words_of(lower(word_between(fy, figs[c])));
      if (!gw.empty() && gw.back() == "from"sv && gw.size() <= 6 && Compatible(fy, figs[c])) x = c;
      break;
    }
    if (x < 0) continue;
    bool dup = false;
    for (const auto& r : report->figure_relations)
      if (r.to == y && r.kind == FigureRelation::Kind::kChange) dup = true;
    if (dup) continue;
    FigureRelation r;
    r.kind = FigureRelation::Kind::kChange;
    r.from = x;
    r.to = y;
    r.direction = dir;
    // The stated size: the nearest earlier amount, dates between allowed
    // ("rose 12 percent last year, to €4.48 billion").
    for (int c = y - 1; c >= 0 && c >= y - 3 && figs[c].span.paragraph == fy.span.paragraph; --c) {
      if (figs[c].kind == FigureKind::kDate || figs[c].kind == FigureKind::kTime) continue;
      if (!Valued(figs[c])) break;
      std::vector<std::string> g0 = words_of(lower(word_between(figs[c], fy)));
      if (!g0.empty() && g0.back() == "to"sv && g0.size() <= 5) r.delta = c;
      break;
    }
    if (figs[x].kind == FigureKind::kNumber && figs[x].unit.empty() && fy.kind != FigureKind::kNumber) {
      figs[x].kind = fy.kind;
      figs[x].unit = fy.unit;
      if (figs[x].note.empty()) figs[x].note = "unit carried from the change's end";
    }
    report->figure_relations.push_back(r);
  }
  // "X ..., (only) 12 percent up from (the) Y": to = X, delta = 12 percent, from = Y.
  for (int d = 1; d + 1 < nf; ++d) {
    const Figure& fd = figs[d];
    if (fd.kind != FigureKind::kPercent && fd.kind != FigureKind::kMoney &&
        fd.kind != FigureKind::kNumber && fd.kind != FigureKind::kQuantity)
      continue;
    int y = d + 1;
    if (figs[y].span.paragraph != fd.span.paragraph) continue;
    std::u16string gap = lower(word_between(fd, figs[y]));
    std::vector<std::string> gw = words_of(gap);
    if (gap.size() > 25 || gw.empty()) continue;
    bool has_from = false;
    for (const auto& w : gw)
      if (w == "from"sv || w == "on"sv || w == "than"sv) has_from = true;
    if (!has_from) continue;
    int dir = direction_of(gw);
    if (dir == 0) continue;
    // Already recorded as "from X to Y"?
    bool dup = false;
    for (const auto& r : report->figure_relations)
      if (r.from == y || r.delta == d) dup = true;
    if (dup) continue;
    // The figure the change leads to: the nearest earlier one of the same measure
    // in the same paragraph.
    if (!Valued(figs[y])) continue;
    int x = -1;
    for (int c = d - 1; c >= 0 && figs[c].span.paragraph == fd.span.paragraph; --c) {
      if (SameMeasure(figs[c], figs[y])) {
        x = c;
        break;
      }
    }
    FigureRelation r;
    r.from = y;
    r.direction = dir;
    if (x >= 0 && !(Compatible(fd, figs[y]))) {
      r.kind = FigureRelation::Kind::kChange;
      r.to = x;
      r.delta = d;
    } else if (Compatible(fd, figs[y])) {
      if (figs[y].kind == FigureKind::kNumber && figs[y].unit.empty() && fd.kind != FigureKind::kNumber) {
        figs[y].kind = fd.kind;
        figs[y].unit = fd.unit;
        if (figs[y].note.empty()) figs[y].note = "unit carried from the figure it is compared with";
      }
      // "X, up from Y": a comparison with no stated size.
      r.kind = FigureRelation::Kind::kComparison;
      r.to = d;
    } else {
      continue;
    }
    report->figure_relations.push_back(r);
  }
  std::sort(report->figure_relations.begin(), report->figure_relations.end(),
            [](const FigureRelation& p, const FigureRelation& q) {
              auto key = [](const FigureRelation& r) {
                int k = 1 << 30;
                for (int v : {r.from, r.to, r.delta})
                  if (v >= 0) k = std::min(k, v);
                return k;
              };
              return key(p) < key(q);
            });
}

}  // namespace figures_internal
}  // namespace factlens
