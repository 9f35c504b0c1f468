// The number_style check (off by default): the house style's rules for
// numerals below N, the percent word and the currency marker (checks.h
// HouseStyle).
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include "checks/context.h"

namespace factlens {
namespace checks_internal {

// Token text is compared with literals as string views: the length check comes
// first, where comparing a std::u16string with a char16_t* measures the
// literal (char_traits<char16_t>::length is a loop) on every call.
using std::string_view_literals::operator""sv;

namespace {

// A count written in digits ("5 people", "3rd") that the house style would
// spell out: a whole number below the limit, not in a heading, not beside
// other digits ("5 to 12": house styles keep runs of figures numeric).
bool SmallNumeral(const Context& ctx, const Figure& f, int below, double* v) {
  if (f.kind != FigureKind::kNumber && f.kind != FigureKind::kQuantity &&
      f.kind != FigureKind::kOrdinal)
    return false;
  if (!f.unit.empty() && f.kind == FigureKind::kQuantity) return false;  // 5 km, 3 kg
  std::u16string text = ctx.Text(f.span);
  if (text.empty() || !(text[0] >= '0' && text[0] <= '9')) return false;
  if (!FigureNumber(f, v) || *v < 0 || *v >= below || *v != std::floor(*v)) return false;
  if (ctx.HeadingLike(f.span.paragraph)) return false;
  const std::u16string& pt = ctx.doc.paragraphs[f.span.paragraph].text;
  for (int32_t k = std::max(0, f.span.begin - 6);
       k < std::min<int32_t>(pt.size(), f.span.end + 6); ++k)
    if ((k < f.span.begin || k >= f.span.end) && pt[k] >= '0' && pt[k] <= '9') return false;
  return true;
}

// "five", "third" by ICU's spellout rules; "" if ICU fails.
std::string SpellOut(double v, bool ordinal) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
  icu::UnicodeString word;
  if (U_SUCCESS(status)) {
    if (ordinal) {
      icu::FieldPosition fp;
      rbnf.format(v, icu::UnicodeString(u"%spellout-ordinal"), word, fp, status);
    } else {
      rbnf.format(v, word, status);
    }
  }
  std::string spelled;
  word.toUTF8String(spelled);
  return spelled;
}

// Numerals below N spelled out: counts only (numbers, quantities without a
// unit of measurement, ordinals), never money, percentages, dates, times.
void CheckSpellOut(Context& ctx, int below) {
  for (const Figure& f : ctx.report->figures) {
    double v;
    if (!SmallNumeral(ctx, f, below, &v)) continue;
    std::string spelled = SpellOut(v, f.kind == FigureKind::kOrdinal);
    Check c = NewCheck(Kind::kNumberStyle);
    c.message = "House style spells out numbers below " + std::to_string(below) +
                (spelled.empty() ? std::string(".") : ": write ‘" + spelled + "’.");
    c.spans.push_back(f.span);
    ctx.Add(std::move(c));
  }
}

// The percent word after a number token ts[i - 1]: "%", "percent", "pc" or
// "per cent" (then *s is widened to "cent"); "" if none.
std::string PercentUsed(const std::vector<Tok>& ts, size_t i, Span* s) {
  if (ts[i - 1].type != Tok::kNum) return "";
  if (ts[i].lower() == u"%"sv) return "%";
  if (ts[i].lower() == u"percent"sv) return "percent";
  if (ts[i].lower() == u"pc"sv) return "pc";
  if (ts[i].lower() == u"per"sv && i + 1 < ts.size() && ts[i + 1].lower() == u"cent"sv) {
    s->end = ts[i + 1].end;
    return "per cent";
  }
  return "";
}

void CheckPercentStyle(Context& ctx, const std::string& preferred) {
  for (size_t p = 0; p < ctx.doc.paragraphs.size(); ++p) {
    const auto& ts = ctx.toks[p];
    for (size_t i = 1; i < ts.size(); ++i) {
      Span s{static_cast<int32_t>(p), ts[i].begin, ts[i].end};
      std::string used = PercentUsed(ts, i, &s);
      if (used.empty() || used == preferred) continue;
      Check c = NewCheck(Kind::kNumberStyle);
      c.message = "House style writes ‘" + preferred + "’, not ‘" + used + "’.";
      c.spans.push_back(s);
      ctx.Add(std::move(c));
    }
  }
}

// The currency marker as written: text before the first digit, minus
// approximators ("about US$" -> "US$", "USD 34" -> "USD"); "" for the suffix
// style ("5 million yuan") or none.
std::u16string CurrencyMarker(const std::u16string& text) {
  size_t d = 0;
  while (d < text.size() && !(text[d] >= '0' && text[d] <= '9')) ++d;
  if (d == 0 || d == text.size()) return u"";
  std::u16string pre = text.substr(0, d);
  size_t sp = pre.find_last_of(u' ');
  std::u16string marker = sp == std::u16string::npos ? pre : pre.substr(sp + 1);
  if (marker.empty()) {  // "USD 34" -> the word before the space
    std::u16string trimmed = pre.substr(0, sp);
    size_t sp2 = trimmed.find_last_of(u' ');
    marker = sp2 == std::u16string::npos ? trimmed : trimmed.substr(sp2 + 1);
  }
  return marker;
}

struct CurrencyUse {
  std::string prefix;
  Span span;
};
using CurrencyUses = std::vector<std::pair<std::string, std::vector<CurrencyUse>>>;

// The money figures' markers, by currency in order of first use.
CurrencyUses UsesByCurrency(const Context& ctx) {
  CurrencyUses by_currency;
  for (const Figure& f : ctx.report->figures) {
    if (f.kind != FigureKind::kMoney || f.unit.empty()) continue;
    std::u16string marker = CurrencyMarker(ctx.Text(f.span));
    if (marker.empty()) continue;
    auto it = std::find_if(by_currency.begin(), by_currency.end(),
                           [&](const auto& e) { return e.first == f.unit; });
    if (it == by_currency.end()) {
      by_currency.push_back({f.unit, {}});
      it = by_currency.end() - 1;
    }
    it->second.push_back({Utf8(marker), f.span});
  }
  return by_currency;
}

// The marker most used (the first of equals); "" when there is only one.
std::string MostUsedPrefix(const std::vector<CurrencyUse>& uses) {
  std::vector<std::pair<std::string, int>> counts;
  for (const CurrencyUse& u : uses) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& e) { return e.first == u.prefix; });
    if (it == counts.end()) counts.push_back({u.prefix, 1});
    else ++it->second;
  }
  if (counts.size() < 2) return "";
  return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
           return a.second < b.second;
         })->first;
}

// "consistent": one marker per currency; else the preferred US dollar prefix.
void CheckCurrencyStyle(Context& ctx, const std::string& style) {
  for (const auto& [currency, uses] : UsesByCurrency(ctx)) {
    std::string preferred;
    if (style != "consistent") {
      if (currency != "USD") continue;
      preferred = style;
    } else {
      preferred = MostUsedPrefix(uses);
      if (preferred.empty()) continue;
    }
    for (const CurrencyUse& u : uses) {
      if (u.prefix == preferred) continue;
      Check c = NewCheck(Kind::kNumberStyle);
      c.message = "Currency style: write ‘" + preferred + "’ as elsewhere, not ‘" + u.prefix + "’.";
      c.spans.push_back(u.span);
      ctx.Add(std::move(c));
    }
  }
}

}  // namespace

void CheckNumberStyle(Context& ctx) {
  // Off unless one of its two switches is on (CheckOptions::number_style,
  // HouseStyle::number_style).
  if (!ctx.options.number_style && !ctx.options.style.number_style) return;
  const HouseStyle& st = ctx.options.style;
  if (st.spell_out_below > 0) CheckSpellOut(ctx, st.spell_out_below);
  if (!st.percent.empty()) CheckPercentStyle(ctx, st.percent);
  if (!st.currency.empty()) CheckCurrencyStyle(ctx, st.currency);
}

}  // namespace checks_internal
}  // namespace factlens
