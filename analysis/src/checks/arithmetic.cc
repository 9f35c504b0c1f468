// Arithmetic checks over the figures: a stated change against the figures
// beside it ("12 percent up from US$243.4 billion" to US$272.9 billion),
// percent versus percentage points, multiples ("doubled"), and shares that
// should add up. Relations come from Report::figure_relations when the
// figures stage gives them, else they are derived here from the figures and
// the words between them. Anything ambiguous is left unchecked.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_set>

#include "checks/context.h"
#include "common/embedded_data.h"
#include "common/lexicon.h"

namespace factlens {
namespace checks_internal {

// Token text is compared with literals as string views: the length check comes
// first, where comparing a std::u16string with a char16_t* measures the
// literal (char_traits<char16_t>::length is a loop) on every call.
using std::string_view_literals::operator""sv;

namespace {

bool IsOneOf(std::u16string_view w, std::initializer_list<const char16_t*> list) {
  for (const char16_t* x : list)
    if (w == x) return true;
  return false;
}

// Rounding half-step of a figure as written: "272.9 billion" -> 0.05e9.
double HalfStep(const Context& ctx, const Figure& f, double value) {
  double numeral = 0;
  int decimals = 0;
  std::u16string text = ctx.Text(f.span);
  if (!FirstNumeral(text, &numeral, &decimals) || numeral == 0) return 0;
  double scale = value / numeral;
  // Percent values carry no scale; money "272.9 billion" has scale 1e9.
  return 0.5 * std::pow(10.0, -decimals) * std::fabs(scale);
}

int Decimals(const Context& ctx, const Figure& f) {
  double v;
  int d = 0;
  if (!FirstNumeral(ctx.Text(f.span), &v, &d)) return 0;
  return d;
}

enum class Bound { kExact, kAtLeast, kAtMost, kNearly, kApprox };

Bound QualifierOf(const Context& ctx, const Figure& f) {
  std::u16string t = Lower(ctx.Text(f.span));
  auto has = [&](const char16_t* w) { return t.find(w) != std::u16string::npos; };
  if (has(u"more than") || has(u"over ") || has(u"above") || has(u"at least") ||
      has(u"upwards of") || has(u"in excess of"))
    return Bound::kAtLeast;
  if (has(u"nearly") || has(u"almost") || has(u"just under") || has(u"close to"))
    return Bound::kNearly;
  if (has(u"less than") || has(u"under ") || has(u"below") || has(u"up to") || has(u"fewer than"))
    return Bound::kAtMost;
  if (f.approx || has(u"about") || has(u"around") || has(u"roughly") || has(u"some ") ||
      has(u"approximately") || has(u"an estimated"))
    return Bound::kApprox;
  return Bound::kExact;
}

// The word tokens before/after a span, skipping `skip` words.
const Tok* WordBefore(const Context& ctx, const Span& s,
                      std::initializer_list<const char16_t*> skip, int max_skip) {
  const auto& ts = ctx.toks[s.paragraph];
  int i = ctx.TokAt(s.paragraph, s.begin) - 1;
  int skipped = 0;
  for (; i >= 0; --i) {
    const Tok& t = ts[i];
    if (t.type == Tok::kPunct) {
      if (t.lower() == u"$"sv || t.lower() == u"£"sv || t.lower() == u"€"sv) continue;
      return nullptr;
    }
    if (IsOneOf(t.lower(), skip) && skipped < max_skip) {
      ++skipped;
      continue;
    }
    return &t;
  }
  return nullptr;
}

const Tok* WordAfter(const Context& ctx, const Span& s, std::initializer_list<const char16_t*> skip,
                     int max_skip) {
  const auto& ts = ctx.toks[s.paragraph];
  int i = ctx.TokAt(s.paragraph, s.end);
  int skipped = 0;
  for (; i < static_cast<int>(ts.size()); ++i) {
    const Tok& t = ts[i];
    if (t.type == Tok::kPunct) return nullptr;
    if (IsOneOf(t.lower(), skip) && skipped < max_skip) {
      ++skipped;
      continue;
    }
    return &t;
  }
  return nullptr;
}

// A number at token i, or after a currency sign ("$3", "£40", "US$5").
bool NumberFollows(const std::vector<Tok>& ts, int i) {
  for (int k = i; k < static_cast<int>(ts.size()) && k < i + 3; ++k) {
    if (ts[k].type == Tok::kNum) return true;
    if (ts[k].type == Tok::kWord && !(ts[k].lower() == u"us"sv)) return false;
  }
  return false;
}

// The change word next to a figure that states a change, or nullptr.
const ChangeWord* ChangeNear(const Context& ctx, const Figure& f) {
  const auto& words = ChangeWords();
  const Tok* before = WordBefore(ctx, f.span,
                                 {u"by", u"of", u"a", u"an", u"only", u"just", u"some", u"nearly",
                                  u"about", u"around", u"almost", u"roughly", u"more", u"than",
                                  u"less", u"at", u"least", u"over", u"fully", u"another"},
                                 3);
  if (before) {
    auto it = words.find(before->lower());
    if (it != words.end() && it->second.direction != 0) return &it->second;
  }
  // "raise employment in the zone by 25 percent": a change verb earlier in
  // the clause, joined to the figure by "by".
  const Tok* by = WordBefore(ctx, f.span, {}, 0);
  if (by && by->lower() == u"by"sv) {
    const auto& ts = ctx.toks[f.span.paragraph];
    int i = static_cast<int>(by - ts.data()) - 1;
    for (int words_seen = 0; i >= 0 && words_seen < 10; --i) {
      if (ts[i].type == Tok::kPunct) {
        if (ts[i].lower() == u"’"sv || ts[i].lower() == u"'"sv || ts[i].lower() == u"-"sv) continue;
        break;
      }
      ++words_seen;
      auto it = words.find(ts[i].lower());
      if (it != words.end() && it->second.direction != 0) return &it->second;
    }
  }
  const Tok* after = WordAfter(ctx, f.span, {u"only", u"just"}, 1);
  if (after) {
    auto it = words.find(after->lower());
    if (it != words.end() && it->second.direction != 0) {
      // "12 percent up to ..." is not a change statement.
      const auto& ts = ctx.toks[f.span.paragraph];
      int i = static_cast<int>(after - ts.data());
      if (after->lower() == u"up"sv && i + 1 < static_cast<int>(ts.size()) &&
          ts[i + 1].lower() == u"to"sv)
        return nullptr;
      // "$12, up $3 from $10": the change word belongs to the figure after it.
      if (NumberFollows(ts, i + 1)) return nullptr;
      return &it->second;
    }
  }
  return nullptr;
}

bool ValueKind(const Figure& f) {
  switch (f.kind) {
    case FigureKind::kMoney:
    case FigureKind::kPercent:
    case FigureKind::kNumber:
    case FigureKind::kQuantity:
    case FigureKind::kDuration:
      return f.value.type == FigureValue::Type::kNumber && std::isfinite(f.value.lo);
    default:
      return false;
  }
}

bool Compatible(const Figure& a, const Figure& b) {
  if (!ValueKind(a) || !ValueKind(b)) return false;
  if (a.kind == FigureKind::kMoney || b.kind == FigureKind::kMoney)
    return a.kind == b.kind && (a.unit == b.unit || a.unit.empty() || b.unit.empty());
  if (a.kind == FigureKind::kPercent || b.kind == FigureKind::kPercent)
    return IsPercentUnit(a) && IsPercentUnit(b);
  if (a.kind == FigureKind::kDuration || b.kind == FigureKind::kDuration)
    return a.kind == b.kind && a.unit == b.unit && !a.unit.empty();
  // Numbers and quantities: the same thing counted, when both say.
  if (!a.counted.empty() && !b.counted.empty() && Lower(a.counted) != Lower(b.counted))
    return false;
  if (a.unit != b.unit && !a.unit.empty() && !b.unit.empty()) return false;
  return true;
}

enum class Marker { kNone, kFrom, kTo };

Marker MarkerOf(const Context& ctx, const Figure& f) {
  const Tok* w = WordBefore(ctx, f.span,
                            {u"the", u"a", u"an", u"its", u"their", u"his", u"her", u"some",
                             u"just", u"only", u"levels", u"level", u"of"},
                            3);
  if (!w) return Marker::kNone;
  if (w->lower() == u"from"sv || w->lower() == u"versus"sv || w->lower() == u"vs"sv)
    return Marker::kFrom;
  if (w->lower() == u"with"sv || w->lower() == u"to"sv) {
    // "compared with/to X"
    const auto& ts = ctx.toks[f.span.paragraph];
    int i = static_cast<int>(w - ts.data());
    if (i > 0 && (ts[i - 1].lower() == u"compared"sv || ts[i - 1].lower() == u"compares"sv ||
                  ts[i - 1].lower() == u"comparison"sv))
      return Marker::kFrom;
    if (w->lower() == u"to"sv) return Marker::kTo;
  }
  return Marker::kNone;
}

std::string Q(const Context& ctx, const Span& s) { return "‘" + Utf8(ctx.Text(s)) + "’"; }

std::string StepText(double h) {
  if (h >= 0.5) return FormatNumber(h, 1);
  int d = 1;
  while (d < 6 && h < 0.5 * std::pow(10.0, -d + 1) - 1e-12) ++d;
  return FormatNumber(h, d);
}

struct Interval {
  double lo, hi;
};

// The acceptance interval of a stated, signed change.
Interval Accept(Bound b, double stated_signed, double h, double* tol_out) {
  const double mag = std::fabs(stated_signed);
  const double sign = stated_signed < 0 ? -1 : 1;
  const double inf = std::numeric_limits<double>::infinity();
  const double tol_a = std::max({h, 0.1 * mag, 0.5});
  *tol_out = h;
  switch (b) {
    case Bound::kExact: return {stated_signed - h, stated_signed + h};
    case Bound::kApprox:
      *tol_out = tol_a;
      return {stated_signed - tol_a, stated_signed + tol_a};
    case Bound::kAtLeast:
      return sign > 0 ? Interval{mag, inf} : Interval{-inf, -mag};
    case Bound::kAtMost:
      return sign > 0 ? Interval{0, mag + h} : Interval{-mag - h, 0};
    case Bound::kNearly:
      *tol_out = tol_a;
      return sign > 0 ? Interval{mag - tol_a, mag + h} : Interval{-mag - h, -mag + tol_a};
  }
  return {stated_signed - h, stated_signed + h};
}

bool Meets(Interval computed, Interval accept) {
  return computed.lo <= accept.hi + 1e-9 && computed.hi >= accept.lo - 1e-9;
}

// +1: the change computed from the figures as written lies within what the
// text states; -1: not even the rounding of the figures can explain the
// statement; 0: only the rounding could explain it (cannot be decided).
int Verdict(Interval computed, double point, Interval accept) {
  if (point >= accept.lo - 1e-9 && point <= accept.hi + 1e-9) return 1;
  return Meets(computed, accept) ? 0 : -1;
}

struct ChangeCase {
  int delta = -1, from = -1, to = -1;
  int direction = 0;
};

// A stated change D between figures F and T, as numbers with their rounding.
struct ChangeNumbers {
  double f = 0, t = 0, d = 0;  // from, to, the stated change (unsigned)
  double ef = 0, et = 0;       // half-steps of from and to as written
  int dd = 0;                  // decimals of the stated change
  double h = 0;                // its half-step
  Bound bound = Bound::kExact;
  int dir = 0;                 // +1 rise, -1 fall, as stated
  std::string from_text, to_text, delta_text;
  double rel = 0;  // the relative change computed, percent
  Interval rel_iv{0, 0};
  double pts = 0;  // the difference computed
  Interval pts_iv{0, 0};
};

// False when the figures cannot be checked (approximate, not numbers, no base).
bool ReadChange(const Context& ctx, const Figure& D, const Figure& F, const Figure& T, int dir,
                ChangeNumbers* n) {
  if (F.approx || T.approx) return false;  // approximate values: cannot be checked
  if (!FigureNumber(F, &n->f) || !FigureNumber(T, &n->t) || !FigureNumber(D, &n->d)) return false;
  if (n->f <= 0 || n->t < 0 || n->d < 0) return false;
  n->ef = HalfStep(ctx, F, n->f);
  n->et = HalfStep(ctx, T, n->t);
  if (n->f - n->ef <= 0) return false;
  n->dd = Decimals(ctx, D);
  n->h = 0.5 * std::pow(10.0, -n->dd);
  n->bound = QualifierOf(ctx, D);
  n->dir = dir;
  n->from_text = Q(ctx, F.span);
  n->to_text = Q(ctx, T.span);
  n->delta_text = Q(ctx, D.span);
  const double f = n->f, t = n->t, ef = n->ef, et = n->et;
  n->rel = (t / f - 1) * 100;
  n->rel_iv = {((t - et) / (f + ef) - 1) * 100, ((t + et) / (f - ef) - 1) * 100};
  n->pts = t - f;
  n->pts_iv = {(t - et) - (f + ef), (t + et) - (f - ef)};
  return true;
}

double RoundTo(double v, int decimals) {
  return std::round(v * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
}

// A change stated in percentage points between two percentages.
bool PointsChange(const ChangeNumbers& n, Check* c, double* tol) {
  Interval acc = Accept(n.bound, n.dir * n.d, n.h, tol);
  const int v = Verdict(n.pts_iv, n.pts, acc);
  if (v == 0) return false;
  c->holds = v > 0;
  c->computed = RoundTo(std::fabs(n.pts), n.dd + 1);
  if ((n.pts >= 0) != (n.dir > 0) && std::fabs(n.pts) > n.h) {
    c->holds = false;
    c->computed = n.pts;
  }
  c->message = (*c->holds ? "Checked: from " : "From ") + n.from_text + " to " + n.to_text +
               " is " + (n.pts >= 0 ? "a rise" : "a fall") + " of " +
               FormatNumber(std::fabs(n.pts), n.dd + 1) + " percentage points" +
               (*c->holds ? ", consistent with " + n.delta_text + "."
                          : ", not " + n.delta_text + ".");
  return true;
}

// A change stated in percent: relative, or percentage points written as
// percent, or the wrong direction.
bool PercentChange(const ChangeNumbers& n, bool values_percent, Check* c, double* tol) {
  Interval acc = Accept(n.bound, n.dir * n.d, n.h, tol);
  const int v = Verdict(n.rel_iv, n.rel, acc);
  const bool rel_ok = v > 0;
  const bool sign_ok = (n.rel >= 0) == (n.dir > 0) || std::fabs(n.rel) <= n.h;
  if (v == 0 && sign_ok) return false;  // only rounding could explain it: undecided
  c->computed = RoundTo(sign_ok ? std::fabs(n.rel) : n.rel, n.dd + 1);
  c->holds = rel_ok && sign_ok;
  const std::string change = " is " + std::string(n.rel >= 0 ? "a rise" : "a fall") + " of ";
  const std::string rel_text = FormatNumber(std::fabs(n.rel), n.dd + 1) + " percent";
  const std::string from_to = n.from_text + " to " + n.to_text;
  if (*c->holds) {
    c->message = "Checked: from " + from_to + change + rel_text + ", consistent with " +
                 n.delta_text + ".";
  } else if (values_percent && sign_ok && Verdict(n.pts_iv, n.pts, acc) > 0) {
    c->message = "From " + from_to + change + FormatNumber(std::fabs(n.pts), n.dd) +
                 " percentage points (" + rel_text + "): write " +
                 "‘percentage points’, not ‘percent’.";
  } else if (!sign_ok) {
    c->message = std::string("The text says ") + (n.dir > 0 ? "a rise" : "a fall") +
                 ", but from " + from_to + change + rel_text + ".";
  } else {
    c->message = "From " + from_to + change + rel_text + ", not " + n.delta_text + ".";
  }
  return true;
}

// An absolute change: "rose by $50 from $200 to $250". The tolerance is the
// rounding of the three figures as written.
// The difference in the stated change's scale: "295 million" for "nearly $300
// million" (the figure's value over its numeral).
std::string InScaleOf(const Context& ctx, const Figure& D, double d, double v) {
  double numeral = 0;
  int decimals = 0;
  if (!FirstNumeral(ctx.Text(D.span), &numeral, &decimals) || numeral == 0)
    return FormatNumber(v, decimals);
  const double scale = std::fabs(d / numeral);
  const char* word = scale == 1e3 ? " thousand" : scale == 1e6 ? " million"
                     : scale == 1e9 ? " billion" : scale == 1e12 ? " trillion" : nullptr;
  return word ? FormatNumber(v / scale, decimals) + word : FormatNumber(v, decimals);
}

// A qualified change ("nearly $300 million", "more than £40 million"): the
// qualifier's interval (Accept) against the difference as written.
int QualifiedVerdict(Bound b, double diff, double d, double hd, double et, double* tol) {
  const Interval accept = Accept(b, d, hd, tol);
  *tol += et;
  const Interval computed{std::fabs(diff) - et, std::fabs(diff) + et};
  return Verdict(computed, std::fabs(diff), accept);
}

bool AbsoluteChange(const Context& ctx, const Figure& D, const ChangeNumbers& n, Check* c) {
  const double hd = HalfStep(ctx, D, n.d);
  const double diff = n.pts;
  double tol = hd + n.et + n.ef;
  bool sign_ok = (diff >= 0) == (n.dir > 0) || std::fabs(diff) <= tol;
  const Bound bound = QualifierOf(ctx, D);
  if (bound != Bound::kExact) {
    const int v = sign_ok ? QualifiedVerdict(bound, diff, n.d, hd, n.et + n.ef, &tol) : -1;
    if (v == 0) return false;  // undecided
    c->holds = v > 0;
  } else {
    const double miss = std::fabs(std::fabs(diff) - n.d);
    const double eps = 1e-9 * std::max(1.0, n.d);
    if (sign_ok && miss > hd + eps && miss <= tol + eps) return false;  // undecided
    c->holds = sign_ok && miss <= hd + eps;
  }
  c->computed = sign_ok ? std::fabs(diff) : diff;
  c->message = (*c->holds ? "Checked: from " : "From ") + n.from_text + " to " + n.to_text +
               " is " + (diff >= 0 ? "a rise" : "a fall") + " of " +
               InScaleOf(ctx, D, n.d, std::fabs(diff)) +
               (*c->holds ? ", consistent with " + n.delta_text + "."
                          : ", not " + n.delta_text + ".");
  c->tolerance = "±" + StepText(tol) + " (rounding of the figures as written" +
                 (bound != Bound::kExact ? " and the qualifier)" : ")");
  return true;
}

void CheckChange(Context& ctx, const ChangeCase& cc) {
  const auto& figs = ctx.report->figures;
  const Figure& D = figs[cc.delta];
  const Figure& F = figs[cc.from];
  const Figure& T = figs[cc.to];
  ChangeNumbers n;
  if (!ReadChange(ctx, D, F, T, cc.direction, &n)) return;
  Check c = NewCheck(Kind::kArithmetic);
  c.spans = {D.span, F.span, T.span};
  std::sort(c.spans.begin(), c.spans.end());
  const bool values_percent = IsPercentUnit(F) && IsPercentUnit(T);
  double tol = n.h;
  if (IsPointsUnit(D)) {
    if (!values_percent || !PointsChange(n, &c, &tol)) return;
  } else if (D.kind == FigureKind::kPercent) {
    if (!PercentChange(n, values_percent, &c, &tol)) return;
  } else if (Compatible(D, F)) {
    if (AbsoluteChange(ctx, D, n, &c)) ctx.Add(std::move(c));
    return;
  } else {
    return;
  }
  c.tolerance = "±" + StepText(tol) + (n.bound == Bound::kExact
                                           ? " (the stated change is rounded to its last digit; "
                                             "the figures as written are taken as rounded too)"
                                           : " (the stated change is approximate or a bound)");
  ctx.Add(std::move(c));
}

void CheckMultiple(Context& ctx, const Tok& word, const ChangeWord& cw, int32_t p,
                   const std::vector<int>& sentence_figs) {
  const auto& figs = ctx.report->figures;
  int from = -1, to = -1, nfrom = 0, nto = 0;
  for (int i : sentence_figs) {
    if (figs[i].span.begin < word.end) continue;
    Marker m = MarkerOf(ctx, figs[i]);
    if (m == Marker::kFrom) { from = i; ++nfrom; }
    if (m == Marker::kTo) { to = i; ++nto; }
  }
  if (nfrom != 1 || nto != 1 || !Compatible(figs[from], figs[to])) return;
  if (figs[from].approx || figs[to].approx) return;
  double f, t;
  if (!FigureNumber(figs[from], &f) || !FigureNumber(figs[to], &t) || f <= 0) return;
  const double ratio = t / f;
  const double tol = 0.1 * cw.factor;
  Check c = NewCheck(Kind::kArithmetic);
  c.spans = {Span{p, word.begin, word.end}, figs[from].span, figs[to].span};
  c.computed = std::round(ratio * 100) / 100;
  c.holds = std::fabs(ratio - cw.factor) <= tol;
  c.tolerance = "±10% of the multiple";
  std::string w = Utf8(ctx.Text(Span{p, word.begin, word.end}));
  c.message = std::string(*c.holds ? "Checked: " : "") + "from " + Q(ctx, figs[from].span) +
              " to " + Q(ctx, figs[to].span) + " is " + FormatNumber(ratio, 2) + " times" +
              (*c.holds ? ", consistent with ‘" + w + "’." : ", not what ‘" + w + "’ says.");
  if (!*c.holds) c.message[0] = 'F';
  ctx.Add(std::move(c));
}

// Shares of one whole: "60 percent ... the remaining 45 percent" must add to
// 100; vote shares may not add to more than 100.
// A percentage of the count's progress or of the turnout, not a share of the
// vote: "with 88 percent of the ballots in", "81 percent of the vote
// counted" (four words after), "47 percent turnout", "a turnout of 47 percent".
bool CountProgressOrTurnout(const Context& ctx, const Span& s) {
  static const std::unordered_set<std::u16string, WordHash> kNotShare = {
      u"turnout", u"results", u"precincts", u"reporting", u"counted", u"participation"};
  const auto& ts = ctx.toks[s.paragraph];
  const int a = ctx.TokAt(s.paragraph, s.end);
  for (int k = a, words = 0; k < static_cast<int>(ts.size()) && words < 4; ++k) {
    if (ts[k].type != Tok::kWord) break;
    ++words;
    if (Has(kNotShare, ts[k].lower())) return true;
  }
  const int b = ctx.TokAt(s.paragraph, s.begin);
  for (int k = b - 1, words = 0; k >= 0 && words < 2; --k) {
    if (ts[k].type != Tok::kWord) break;
    ++words;
    if (Has(kNotShare, ts[k].lower())) return true;
  }
  return false;
}

void CheckShares(Context& ctx, int32_t p, const std::vector<int>& sentence_figs,
                 const std::vector<bool>& is_delta) {
  const auto& figs = ctx.report->figures;
  std::vector<int> shares;
  bool rest = false, votes = false;
  for (size_t k = 0; k < sentence_figs.size(); ++k) {
    int i = sentence_figs[k];
    if (is_delta[k] || !IsPercentUnit(figs[i]) || figs[i].value.type != FigureValue::Type::kNumber)
      continue;
    if (MarkerOf(ctx, figs[i]) != Marker::kNone) return;  // part of a change: not shares
    if (CountProgressOrTurnout(ctx, figs[i].span)) continue;
    shares.push_back(i);
    const Tok* w = WordBefore(ctx, figs[i].span, {u"the", u"a", u"an", u"other"}, 1);
    if (w && (w->lower() == u"remaining"sv || w->lower() == u"rest"sv || w->lower() == u"other"sv ||
              w->lower() == u"remainder"sv))
      rest = true;
    const auto& ts = ctx.toks[p];
    int a = ctx.TokAt(p, figs[i].span.end);
    if (a + 2 < static_cast<int>(ts.size()) && ts[a].lower() == u"of"sv &&
        (ts[a + 1].lower() == u"the"sv || ts[a + 1].lower() == u"all"sv) &&
        (ts[a + 2].lower() == u"vote"sv || ts[a + 2].lower() == u"votes"sv ||
         ts[a + 2].lower() == u"ballots"sv))
      votes = true;
  }
  if (shares.size() < 2 || (!rest && !votes)) return;
  double sum = 0, tol = 0;
  bool approx = false;
  for (int i : shares) {
    sum += figs[i].value.lo;
    tol += 0.5 * std::pow(10.0, -Decimals(ctx, figs[i]));
    approx |= figs[i].approx;
  }
  if (approx) tol = std::max(tol, 2.0);
  Check c = NewCheck(Kind::kArithmetic);
  for (int i : shares) c.spans.push_back(figs[i].span);
  c.computed = sum;
  c.tolerance = "±" + StepText(tol) + " (rounding of the shares as written)";
  std::string list;
  for (size_t k = 0; k < shares.size(); ++k)
    list += (k ? (k + 1 == shares.size() ? " and " : ", ") : "") + Q(ctx, figs[shares[k]].span);
  if (rest) {
    c.holds = std::fabs(sum - 100) <= tol + 1e-9;
    c.message = *c.holds ? "Checked: the shares " + list + " add up to " + FormatNumber(sum, 1) +
                               " percent of the whole."
                         : "The shares " + list + " should make up the whole but add up to " +
                               FormatNumber(sum, 1) + " percent.";
  } else {
    c.holds = sum <= 100 + tol + 1e-9;
    c.message = *c.holds ? "Checked: the vote shares " + list + " add up to " +
                               FormatNumber(sum, 1) + " percent, no more than the whole."
                         : "The vote shares " + list + " add up to " + FormatNumber(sum, 1) +
                               " percent: more than 100.";
  }
  ctx.Add(std::move(c));
}

// The direction of a change the figures stage gives without one: its change
// word's, else the direction the figures show (0 when they are equal).
int DirectionOf(const Context& ctx, const FigureRelation& rel) {
  const auto& figs = ctx.report->figures;
  if (const ChangeWord* cw = ChangeNear(ctx, figs[rel.delta])) return cw->direction;
  double f, t;
  if (!FigureNumber(figs[rel.from], &f) || !FigureNumber(figs[rel.to], &t) || f == t) return 0;
  return t > f ? 1 : -1;
}

// Relations given by the figures stage.
void CheckGivenRelations(Context& ctx, std::vector<bool>* done) {
  const auto& figs = ctx.report->figures;
  const int n = static_cast<int>(figs.size());
  for (const FigureRelation& rel : ctx.report->figure_relations) {
    if (rel.kind != FigureRelation::Kind::kChange || rel.delta < 0 || rel.from < 0 || rel.to < 0)
      continue;
    if (rel.delta >= n || rel.from >= n || rel.to >= n) continue;
    int dir = rel.direction;
    if (!Compatible(figs[rel.from], figs[rel.to])) continue;
    if (dir == 0) dir = DirectionOf(ctx, rel);
    if (dir == 0) continue;
    CheckChange(ctx, {rel.delta, rel.from, rel.to, dir});
    (*done)[rel.delta] = true;
  }
}

// One paragraph's figures (`list`, indices in report order) as (sentence,
// figure) pairs: in text order, grouped by sentence index (-1 for none) in
// ascending order. `list` is sorted in place.
struct SentenceFigure {
  int sentence;
  int figure;
};
void FiguresBySentence(const Context& ctx, int32_t p, std::vector<int>* list,
                       std::vector<SentenceFigure>* out) {
  const auto& figs = ctx.report->figures;
  std::sort(list->begin(), list->end(),
            [&](int a, int b) { return figs[a].span.begin < figs[b].span.begin; });
  out->clear();
  for (int i : *list) out->push_back({ctx.SentenceAt(p, figs[i].span.begin), i});
  std::stable_sort(out->begin(), out->end(), [](const SentenceFigure& a, const SentenceFigure& b) {
    return a.sentence < b.sentence;
  });
}

// The stated changes of a sentence: figures with a change word next to them
// and no from/to marker. (*dirs)[k]: the change word's direction.
std::vector<bool> StatedChanges(const Context& ctx, const std::vector<int>& sf,
                                std::vector<int>* dirs) {
  const auto& figs = ctx.report->figures;
  std::vector<bool> is_delta(sf.size(), false);
  dirs->assign(sf.size(), 0);
  for (size_t k = 0; k < sf.size(); ++k) {
    const Figure& f = figs[sf[k]];
    if (!ValueKind(f)) continue;
    if (MarkerOf(ctx, f) != Marker::kNone) continue;
    const ChangeWord* cw = ChangeNear(ctx, f);
    if (!cw) continue;
    is_delta[k] = true;
    (*dirs)[k] = cw->direction;
  }
  return is_delta;
}

// The new value for the base `from`: the one compatible figure introduced by
// "to"; with none, the nearest compatible figure before the stated change
// ("X in 2024, 12 percent up from Y"), when the base follows the change; -1.
int NewValue(const Context& ctx, int from, int delta, const std::vector<int>& tos,
             const std::vector<int>& plain_before) {
  const auto& figs = ctx.report->figures;
  std::vector<int> compatible_tos;
  for (int t : tos)
    if (Compatible(figs[t], figs[from])) compatible_tos.push_back(t);
  if (compatible_tos.size() == 1) return compatible_tos[0];
  if (!compatible_tos.empty()) return -1;
  int to = -1;
  for (auto it = plain_before.rbegin(); it != plain_before.rend(); ++it) {
    if (!Compatible(figs[*it], figs[from])) continue;
    to = *it;
    break;
  }
  if (to < 0 || figs[from].span.begin < figs[delta].span.begin) return -1;
  return to;
}

// The stated change sf[k] against the figures of its segment (between the
// neighbouring stated changes): one base "from", and its new value.
bool CheckStatedChange(Context& ctx, const std::vector<int>& sf, size_t k,
                       const std::vector<bool>& is_delta, int dir) {
  const auto& figs = ctx.report->figures;
  size_t lo = k, hi = k;
  while (lo > 0 && !is_delta[lo - 1]) --lo;
  while (hi + 1 < sf.size() && !is_delta[hi + 1]) ++hi;
  std::vector<int> froms, tos, plain_before;
  for (size_t m = lo; m <= hi; ++m) {
    if (m == k) continue;
    const Figure& f = figs[sf[m]];
    if (!ValueKind(f)) continue;
    Marker mk = MarkerOf(ctx, f);
    if (mk == Marker::kFrom) froms.push_back(sf[m]);
    else if (mk == Marker::kTo) tos.push_back(sf[m]);
    else if (m < k) plain_before.push_back(sf[m]);
  }
  if (froms.size() != 1) return false;
  const int to = NewValue(ctx, froms[0], sf[k], tos, plain_before);
  if (to < 0) return false;
  CheckChange(ctx, {sf[k], froms[0], to, dir});
  return true;
}

// Multiples: "doubled from X to Y", the first multiple word of the sentence.
void CheckSentenceMultiple(Context& ctx, int32_t p, int sent, const std::vector<int>& sf) {
  const auto& ts = ctx.toks[p];
  const SentenceRange& sr = ctx.sentences[p][sent < 0 ? 0 : sent];
  auto [ta, tb] = ctx.TokRange(p, sr.begin, sr.end);
  for (int ti = ta; ti < tb; ++ti) {
    const Tok& t = ts[ti];
    if (t.type != Tok::kWord) continue;
    auto it = ChangeWords().find(t.lower());
    if (it == ChangeWords().end() || it->second.factor <= 0) continue;
    CheckMultiple(ctx, t, it->second, p, sf);
    return;
  }
}

// Derived relations of one sentence: stated changes, multiples, shares.
void CheckSentence(Context& ctx, int32_t p, int sent, const std::vector<int>& sf,
                   std::vector<bool>* done) {
  std::vector<int> dirs;
  const std::vector<bool> is_delta = StatedChanges(ctx, sf, &dirs);
  for (size_t k = 0; k < sf.size(); ++k) {
    if (!is_delta[k] || (*done)[sf[k]]) continue;
    if (CheckStatedChange(ctx, sf, k, is_delta, dirs[k])) (*done)[sf[k]] = true;
  }
  CheckSentenceMultiple(ctx, p, sent, sf);
  CheckShares(ctx, p, sf, is_delta);
}

void CheckFigureArithmetic(Context& ctx) {
  const auto& figs = ctx.report->figures;
  if (figs.empty()) return;
  std::vector<bool> done(figs.size(), false);
  CheckGivenRelations(ctx, &done);
  // Derived relations, sentence by sentence: the figures with a span, by
  // paragraph (the report lists them so), in report order within one.
  const int32_t np = static_cast<int32_t>(ctx.doc.paragraphs.size());
  std::vector<int> order;
  for (size_t i = 0; i < figs.size(); ++i) {
    const Span& s = figs[i].span;
    if (s.paragraph >= 0 && s.paragraph < np && !s.empty()) order.push_back(static_cast<int>(i));
  }
  auto by_paragraph = [&](int a, int b) { return figs[a].span.paragraph < figs[b].span.paragraph; };
  if (!std::is_sorted(order.begin(), order.end(), by_paragraph))
    std::stable_sort(order.begin(), order.end(), by_paragraph);
  std::vector<int> list, sf;  // scratch, reused
  std::vector<SentenceFigure> by_sentence;
  for (size_t g = 0; g < order.size();) {
    const int32_t p = figs[order[g]].span.paragraph;
    size_t e = g;
    while (e < order.size() && figs[order[e]].span.paragraph == p) ++e;
    list.assign(order.begin() + g, order.begin() + e);
    FiguresBySentence(ctx, p, &list, &by_sentence);
    for (size_t k = 0; k < by_sentence.size();) {
      const int sent = by_sentence[k].sentence;
      sf.clear();
      for (; k < by_sentence.size() && by_sentence[k].sentence == sent; ++k)
        sf.push_back(by_sentence[k].figure);
      CheckSentence(ctx, p, sent, sf, &done);
    }
    g = e;
  }
}

}  // namespace

namespace {

// A whole number as written in one token ("1,200"); -1 when it is not one.
double WholeNumber(const std::u16string& text, const Tok& t) {
  if (t.type != Tok::kNum) return -1;
  double v = 0;
  for (int32_t i = t.begin; i < t.end; ++i) {
    const char16_t c = text[i];
    if (c == ',') continue;
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "N of the M ..." ending at or before token `end` (exclusive), searched over
// at most kShareReach tokens: N and M, else false.
constexpr int kShareReach = 12;

bool CountOfWhole(const std::u16string& text, const std::vector<Tok>& ts, int end, double* n,
                  double* m) {
  for (int k = end - 1; k >= 2 && k >= end - kShareReach; --k) {
    if (ts[k].type != Tok::kNum) continue;
    int of = k - 1;
    if (ts[of].lower() == u"the"sv || ts[of].lower() == u"its"sv || ts[of].lower() == u"their"sv)
      --of;
    if (of < 1 || ts[of].lower() != u"of"sv) continue;
    *n = WholeNumber(text, ts[of - 1]);
    *m = WholeNumber(text, ts[k]);
    return *n >= 0 && *m > 0 && *n <= *m;
  }
  return false;
}

// A share stated both ways: "12 of the 40 members, or 30 percent" and "12 of
// 40 (30 percent)". The counts are exact; the percentage is taken as rounded
// to its last digit.
void CheckCountShares(Context& ctx) {
  for (const Figure& f : ctx.report->figures) {
    if (!IsPercentUnit(f) || f.approx || f.value.type != FigureValue::Type::kNumber) continue;
    double numeral = 0;
    int decimals_written = 0;
    // "a third" as a percentage: a fraction word (CheckFractionShares).
    if (!FirstNumeral(ctx.Text(f.span), &numeral, &decimals_written)) continue;
    const int32_t p = f.span.paragraph;
    if (p < 0 || p >= static_cast<int32_t>(ctx.toks.size())) continue;
    const auto& ts = ctx.toks[p];
    const std::u16string& text = ctx.doc.paragraphs[p].text;
    const int at = ctx.TokAt(p, f.span.begin);
    if (at < 1 || !(ts[at - 1].lower() == u"or"sv || ts[at - 1].lower() == u"("sv)) continue;
    double n = 0, m = 0;
    if (!CountOfWhole(text, ts, at - 1, &n, &m)) continue;
    if (ctx.SentenceAt(p, ts[at - 1].begin) != ctx.SentenceAt(p, f.span.begin)) continue;
    const double computed = 100.0 * n / m;
    const int decimals = Decimals(ctx, f);
    const double half = 0.5 * std::pow(10.0, -decimals);
    Check c = NewCheck(Kind::kArithmetic);
    c.spans.push_back(f.span);
    c.computed = RoundTo(computed, decimals + 1);
    c.tolerance = "±" + StepText(half) + " (rounding of the percentage as written)";
    c.holds = std::fabs(computed - f.value.lo) <= half + 1e-9;
    const std::string share = FormatNumber(n, 0) + " of " + FormatNumber(m, 0);
    c.message = *c.holds ? "Checked: " + share + " is " + FormatNumber(computed, decimals + 1) +
                               " percent, consistent with " + Q(ctx, f.span) + "."
                         : share + " is " + FormatNumber(computed, decimals + 1) +
                               " percent, not " + Q(ctx, f.span) + ".";
    ctx.Add(std::move(c));
  }
}

// ---- Fractions of a whole: "12 of the 36 seats, or a third", "half of the
// 40 seats (20)". A fraction word in copy is itself rounded: exact it allows
// ±2 percentage points ("a third" = 31-35 %), "about" ±5; it does not hold
// beyond ±6 (±10 with "about"); in between it says nothing.
struct Fraction {
  double value = 0;
  int begin = 0, end = 0;  // tokens [begin, end)
  Bound bound = Bound::kExact;
};

double FractionWord(std::u16string_view w, bool plural) {
  if (!plural) {
    if (w == u"third"sv) return 1.0 / 3;
    if (w == u"quarter"sv) return 0.25;
    if (w == u"fifth"sv) return 0.2;
    if (w == u"tenth"sv) return 0.1;
  } else {
    if (w == u"thirds"sv) return 1.0 / 3;
    if (w == u"quarters"sv) return 0.25;
    if (w == u"fifths"sv) return 0.2;
    if (w == u"tenths"sv) return 0.1;
  }
  return 0;
}

// The fraction phrase starting at token i ("half", "a third", "two-thirds",
// "three quarters"), with a qualifier before it ("about", "nearly", "more
// than"). False when there is none.
bool FractionAt(const std::vector<Tok>& ts, int i, Fraction* f) {
  const int n = static_cast<int>(ts.size());
  if (i >= n || ts[i].type != Tok::kWord) return false;
  f->begin = i;
  if (ts[i].lower() == u"half"sv) {
    f->value = 0.5, f->end = i + 1;
  } else {
    const std::u16string_view a = ts[i].lower();
    double count = a == u"a"sv || a == u"one"sv ? 1 : a == u"two"sv ? 2 : a == u"three"sv ? 3 : 0;
    int j = i + 1;
    if (j < n && ts[j].lower() == u"-"sv) ++j;
    if (count == 0 || j >= n) return false;
    const double part = FractionWord(ts[j].lower(), count > 1);
    if (part == 0 || count * part >= 1) return false;
    f->value = count * part, f->end = j + 1;
  }
  int q = f->begin - 1;
  if (q >= 0) {
    const std::u16string_view w = ts[q].lower();
    if (w == u"about"sv || w == u"around"sv || w == u"roughly"sv || w == u"some"sv ||
        w == u"approximately"sv)
      f->bound = Bound::kApprox, f->begin = q;
    else if (w == u"nearly"sv || w == u"almost"sv)
      f->bound = Bound::kNearly, f->begin = q;
    else if (w == u"than"sv && q >= 1 && ts[q - 1].lower() == u"more"sv)
      f->bound = Bound::kAtLeast, f->begin = q - 1;
    else if (w == u"than"sv && q >= 1 && ts[q - 1].lower() == u"less"sv)
      f->bound = Bound::kAtMost, f->begin = q - 1;
  }
  return true;
}

// 1 holds, 0 does not hold, -1 undecided, for the ratio r against fraction f.
int FractionVerdict(double r, const Fraction& f) {
  const double d = r - f.value;
  switch (f.bound) {
    case Bound::kExact:
      return std::fabs(d) <= 0.02 ? 1 : std::fabs(d) > 0.06 ? 0 : -1;
    case Bound::kApprox:
      return std::fabs(d) <= 0.05 ? 1 : std::fabs(d) > 0.10 ? 0 : -1;
    case Bound::kNearly:
      return (d <= 0.005 && d >= -0.06) ? 1 : (d > 0.02 || d < -0.12) ? 0 : -1;
    case Bound::kAtLeast:
      return d > 0 ? 1 : d < -0.02 ? 0 : -1;
    case Bound::kAtMost:
      return d < 0 ? 1 : d > 0.02 ? 0 : -1;
  }
  return -1;
}

Span TokSpan(int32_t p, const std::vector<Tok>& ts, int begin, int end) {
  return Span{p, ts[begin].begin, ts[end - 1].end};
}

void AddFractionCheck(Context& ctx, int32_t p, const Fraction& f, double n, double m,
                      int verdict) {
  const auto& ts = ctx.toks[p];
  const Span at = TokSpan(p, ts, f.begin, f.end);
  const std::string share = FormatNumber(n, 0) + " of " + FormatNumber(m, 0);
  const std::string pct = FormatNumber(100.0 * n / m, 1);
  Check c = NewCheck(Kind::kArithmetic);
  c.spans.push_back(at);
  c.computed = RoundTo(100.0 * n / m, 1);
  c.tolerance = f.bound == Bound::kApprox ? "±5 percentage points (an approximate fraction)"
                                          : "±2 percentage points (a fraction word is rounded)";
  c.holds = verdict == 1;
  c.message = verdict == 1 ? "Checked: " + share + " is " + pct + " percent, consistent with " +
                                 Q(ctx, at) + "."
                           : share + " is " + pct + " percent, not " + Q(ctx, at) + ".";
  ctx.Add(std::move(c));
}

// "12 of the 36 seats, or a third" / "12 of 36 (a third)": the fraction after
// "or" or a bracket; "half of the 40 seats, or 20" / "a third of the 36
// seats (12)": the count after it.
void CheckFractionShares(Context& ctx) {
  for (size_t pp = 0; pp < ctx.toks.size(); ++pp) {
    const int32_t p = static_cast<int32_t>(pp);
    const auto& ts = ctx.toks[p];
    const std::u16string& text = ctx.doc.paragraphs[p].text;
    const int n_toks = static_cast<int>(ts.size());
    for (int i = 0; i < n_toks; ++i) {
      Fraction f;
      if (!FractionAt(ts, i, &f)) continue;
      double n = 0, m = 0;
      const int lead = f.begin - 1;
      if (lead >= 1 && (ts[lead].lower() == u"or"sv || ts[lead].lower() == u"("sv) &&
          CountOfWhole(text, ts, lead, &n, &m) &&
          ctx.SentenceAt(p, ts[lead].begin) == ctx.SentenceAt(p, ts[f.begin].begin)) {
        const int v = FractionVerdict(n / m, f);
        if (v >= 0) AddFractionCheck(ctx, p, f, n, m, v);
        i = f.end - 1;
        continue;
      }
      // The fraction first: "<fraction> of (the) M <≤6 tokens> (, or | () N".
      int k = f.end;
      if (k >= n_toks || ts[k].lower() != u"of"sv) continue;
      ++k;
      if (k < n_toks && (ts[k].lower() == u"the"sv || ts[k].lower() == u"its"sv)) ++k;
      if (k >= n_toks || (m = WholeNumber(text, ts[k])) <= 0) continue;
      for (int j = k + 1; j < n_toks && j <= k + 7; ++j) {
        if (!(ts[j].lower() == u"or"sv || ts[j].lower() == u"("sv) || j + 1 >= n_toks) continue;
        n = WholeNumber(text, ts[j + 1]);
        const bool clean =
            j + 2 >= n_toks || ts[j + 2].type != Tok::kWord || !(ts[j + 2].lower() == u"percent"sv);
        if (n < 0 || n > m || !clean) break;
        if (ctx.SentenceAt(p, ts[j + 1].begin) != ctx.SentenceAt(p, ts[f.begin].begin)) break;
        const int v = FractionVerdict(n / m, f);
        if (v >= 0) AddFractionCheck(ctx, p, f, n, m, v);
        break;
      }
    }
  }
}

// ---- Sums of parts: "plants in Spain (120 workers), Italy (80) and Poland
// (50), a total of 250 workers", "12, 8 and 5 seats, for a total of 25".
// Whole numbers only (a decimal or a range: silent), each with the same scale
// word ("$120 million"); years are no parts. A sum that adds up is reported as
// checked; one that does not only when the list is plain (nothing but commas,
// "and", currency signs and scale words between the parts): a worded list may
// hold a number that is no part.
constexpr int kPartGap = 6;  // tokens between two parts

double ScaleAfter(const std::vector<Tok>& ts, int i) {
  if (i + 1 >= static_cast<int>(ts.size())) return 1;
  const std::u16string_view w = ts[i + 1].lower();
  return w == u"thousand"sv ? 1e3 : w == u"million"sv ? 1e6 : w == u"billion"sv ? 1e9 : 1;
}

// A whole number that can be a part: not a year, not a percentage, no decimals.
bool PartNumber(const std::u16string& text, const std::vector<Tok>& ts, int i, double* v) {
  *v = WholeNumber(text, ts[i]);
  if (*v < 0) return false;
  const bool comma = text.substr(ts[i].begin, ts[i].end - ts[i].begin).find(',') !=
                     std::u16string::npos;
  if (!comma && *v >= 1900 && *v <= 2100) return false;
  const int n = static_cast<int>(ts.size());
  if (i + 1 < n && (ts[i + 1].lower() == u"%"sv || ts[i + 1].lower() == u"percent"sv ||
                    ts[i + 1].lower() == u"."sv || ts[i + 1].lower() == u"-"sv))
    return i + 1 < n && ts[i + 1].lower() == u"."sv && (i + 2 >= n || ts[i + 2].type != Tok::kNum);
  if (i > 0 && (ts[i - 1].lower() == u"."sv || ts[i - 1].lower() == u"-"sv) &&
      ts[i - 1].end == ts[i].begin)
    return false;
  *v *= ScaleAfter(ts, i);
  return true;
}

// The gap between two parts: a comma or "and" in at most kPartGap tokens, no
// number; *plain when it holds nothing else but currency signs, scale words
// and brackets.
bool PartGap(const std::vector<Tok>& ts, int from, int to, bool* has_and, bool* plain) {
  if (to - from > kPartGap) return false;
  bool joint = false;
  *has_and = false;
  for (int k = from; k < to; ++k) {
    const std::u16string_view w = ts[k].lower();
    if (ts[k].type == Tok::kNum) return false;
    if (w == u","sv) joint = true;
    else if (w == u"and"sv) joint = *has_and = true;
    else if (!(w == u"$"sv || w == u"€"sv || w == u"£"sv || w == u"thousand"sv ||
               w == u"million"sv || w == u"billion"sv))
      *plain = false;
  }
  return joint;
}

void CheckSumAt(Context& ctx, int32_t p, int total_tok, int list_end) {
  const auto& ts = ctx.toks[p];
  const std::u16string& text = ctx.doc.paragraphs[p].text;
  double total = 0;
  if (!PartNumber(text, ts, total_tok, &total)) return;
  const int sentence = ctx.SentenceAt(p, ts[total_tok].begin);
  std::vector<int> parts;
  bool plain = true, and_last = false;
  int k = list_end;
  for (int steps = 0; k >= 0 && steps <= kPartGap; --k, ++steps)
    if (ts[k].type == Tok::kNum) break;
  while (k >= 0 && ts[k].type == Tok::kNum && ctx.SentenceAt(p, ts[k].begin) == sentence) {
    double v = 0;
    if (!PartNumber(text, ts, k, &v)) return;
    parts.push_back(k);
    int prev = k - 1;
    while (prev >= 0 && ts[prev].type != Tok::kNum && k - prev <= kPartGap + 1) --prev;
    bool has_and = false;
    if (prev < 0 || ts[prev].type != Tok::kNum || !PartGap(ts, prev + 1, k, &has_and, &plain))
      break;
    if (parts.size() == 1) and_last = has_and;
    k = prev;
  }
  if (parts.size() < 2 || !and_last) return;
  double sum = 0;
  for (int i : parts) {
    double v = 0;
    PartNumber(text, ts, i, &v);
    sum += v;
  }
  const bool holds = std::fabs(sum - total) < 0.5;
  if (!holds && !plain) return;
  // The sum in the total's scale ("250 million").
  const double scale = ScaleAfter(ts, total_tok);
  const int total_end = scale > 1 ? total_tok + 1 : total_tok;
  const std::string sum_text =
      FormatNumber(sum / scale, 0) + (scale > 1 ? " " + Utf8(ts[total_end].lower()) : "");
  Check c = NewCheck(Kind::kArithmetic);
  c.spans.push_back(Span{p, ts[parts.back()].begin, ts[parts.front()].end});
  c.spans.push_back(Span{p, ts[total_tok].begin, ts[total_end].end});
  c.computed = sum / scale;
  c.tolerance = "exact (whole numbers)";
  c.holds = holds;
  const std::string stated = Q(ctx, c.spans[1]);
  c.message = holds ? "Checked: the parts add up to " + sum_text + ", consistent with the total " +
                          stated + "."
                    : "The parts add up to " + sum_text + ", not the total " + stated + ".";
  ctx.Add(std::move(c));
}

// "a total of N" / "totalling N" after a list of parts in its sentence.
void CheckSums(Context& ctx) {
  for (size_t pp = 0; pp < ctx.toks.size(); ++pp) {
    const int32_t p = static_cast<int32_t>(pp);
    const auto& ts = ctx.toks[p];
    const int n = static_cast<int>(ts.size());
    for (int i = 1; i + 1 < n; ++i) {
      int total_tok = -1, list_end = -1;
      if (ts[i].lower() == u"total"sv && ts[i - 1].lower() == u"a"sv && i + 2 < n &&
          ts[i + 1].lower() == u"of"sv) {
        total_tok = i + 2, list_end = i - 2;
      } else if (ts[i].lower() == u"totalling"sv || ts[i].lower() == u"totaling"sv) {
        total_tok = i + 1, list_end = i - 1;
      }
      if (total_tok < 0 || list_end < 0) continue;
      if (ts[total_tok].type != Tok::kNum && total_tok + 1 < n &&
          (ts[total_tok].lower() == u"$"sv || ts[total_tok].lower() == u"€"sv ||
           ts[total_tok].lower() == u"£"sv))
        ++total_tok;
      if (ts[total_tok].type != Tok::kNum) continue;
      while (list_end >= 0 && ts[list_end].type == Tok::kWord && list_end > i - 5 &&
             (ts[list_end].lower() == u"for"sv || ts[list_end].lower() == u"or"sv))
        --list_end;
      CheckSumAt(ctx, p, total_tok, list_end);
    }
  }
}

}  // namespace

// arithmetic: the figures' changes, multiples and shares (here), then the
// calendar arithmetic of dates.cc (anniversaries, ages).
void CheckArithmetic(Context& ctx) {
  CheckFigureArithmetic(ctx);
  CheckCountShares(ctx);
  CheckFractionShares(ctx);
  CheckSums(ctx);
  CheckAnniversaries(ctx);
  CheckAges(ctx);
}

}  // namespace checks_internal
}  // namespace factlens
