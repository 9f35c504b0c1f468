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

void CheckNumberStyle(Context& ctx) {
  // Off unless one of its two switches is on (CheckOptions::number_style,
  // HouseStyle::number_style).
  if (!ctx.options.number_style && !ctx.options.style.number_style) return;
  const HouseStyle& st = ctx.options.style;
  const Document& doc = ctx.doc;
  const Report& r = *ctx.report;
  // Numerals below N spelled out: counts only (numbers, quantities without a
  // unit of measurement, ordinals), never money, percentages, dates, times.
  if (st.spell_out_below > 0) {
    for (const Figure& f : r.figures) {
      if (f.kind != FigureKind::kNumber && f.kind != FigureKind::kQuantity &&
          f.kind != FigureKind::kOrdinal)
        continue;
      if (!f.unit.empty() && f.kind == FigureKind::kQuantity) continue;  // 5 km, 3 kg
      std::u16string text = ctx.Text(f.span);
      if (text.empty() || !(text[0] >= '0' && text[0] <= '9')) continue;
      double v;
      if (!FigureNumber(f, &v) || v < 0 || v >= st.spell_out_below || v != std::floor(v)) continue;
      if (ctx.HeadingLike(f.span.paragraph)) continue;
      // Not in a run of figures ("5 to 12"): house styles keep those numeric.
      const std::u16string& pt = doc.paragraphs[f.span.paragraph].text;
      bool near_numeral = false;
      for (int32_t k = std::max(0, f.span.begin - 6);
           k < std::min<int32_t>(pt.size(), f.span.end + 6); ++k)
        if ((k < f.span.begin || k >= f.span.end) && pt[k] >= '0' && pt[k] <= '9')
          near_numeral = true;
      if (near_numeral) continue;
      UErrorCode status = U_ZERO_ERROR;
      icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
      icu::UnicodeString word;
      if (U_SUCCESS(status)) {
        if (f.kind == FigureKind::kOrdinal)
          { icu::FieldPosition fp; rbnf.format(v, icu::UnicodeString(u"%spellout-ordinal"), word, fp, status); }
        else
          rbnf.format(v, word, status);
      }
      std::string spelled;
      word.toUTF8String(spelled);
      Check c = NewCheck(Kind::kNumberStyle);
      c.message = "House style spells out numbers below " + std::to_string(st.spell_out_below) +
                  (spelled.empty() ? std::string(".") : ": write ‘" + spelled + "’.");
      c.spans.push_back(f.span);
      ctx.Add(std::move(c));
    }
  }
  // Percent style.
  if (!st.percent.empty()) {
    for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const auto& ts = ctx.toks[p];
      for (size_t i = 1; i < ts.size(); ++i) {
        if (ts[i - 1].type != Tok::kNum) continue;
        std::string used;
        Span s{static_cast<int32_t>(p), ts[i].begin, ts[i].end};
        if (ts[i].lower == u"%"sv) used = "%";
        else if (ts[i].lower == u"percent"sv) used = "percent";
        else if (ts[i].lower == u"pc"sv) used = "pc";
        else if (ts[i].lower == u"per"sv && i + 1 < ts.size() && ts[i + 1].lower == u"cent"sv) {
          used = "per cent";
          s.end = ts[i + 1].end;
        }
        if (used.empty() || used == st.percent) continue;
        Check c = NewCheck(Kind::kNumberStyle);
        c.message = "House style writes ‘" + st.percent + "’, not ‘" + used + "’.";
        c.spans.push_back(s);
        ctx.Add(std::move(c));
      }
    }
  }
  // Currency style.
  if (!st.currency.empty()) {
    struct Use { std::string prefix; Span span; };
    std::vector<std::pair<std::string, std::vector<Use>>> by_currency;
    for (const Figure& f : r.figures) {
      if (f.kind != FigureKind::kMoney || f.unit.empty()) continue;
      std::u16string text = ctx.Text(f.span);
      // The currency marker as written: text before the first digit, minus
      // approximators ("about US$" -> "US$").
      size_t d = 0;
      while (d < text.size() && !(text[d] >= '0' && text[d] <= '9')) ++d;
      if (d == 0 || d == text.size()) continue;  // "5 million yuan": suffix style
      std::u16string pre = text.substr(0, d);
      size_t sp = pre.find_last_of(u' ');
      std::u16string marker = sp == std::u16string::npos ? pre : pre.substr(sp + 1);
      if (marker.empty()) {  // "USD 34" -> the word before the space
        std::u16string trimmed = pre.substr(0, sp);
        size_t sp2 = trimmed.find_last_of(u' ');
        marker = sp2 == std::u16string::npos ? trimmed : trimmed.substr(sp2 + 1);
      }
      if (marker.empty()) continue;
      auto it = std::find_if(by_currency.begin(), by_currency.end(),
                             [&](const auto& e) { return e.first == f.unit; });
      if (it == by_currency.end()) {
        by_currency.push_back({f.unit, {}});
        it = by_currency.end() - 1;
      }
      it->second.push_back({Utf8(marker), f.span});
    }
    for (const auto& [currency, uses] : by_currency) {
      std::string preferred;
      if (st.currency != "consistent") {
        if (currency != "USD") continue;
        preferred = st.currency;
      } else {
        std::vector<std::pair<std::string, int>> counts;
        for (const Use& u : uses) {
          auto it = std::find_if(counts.begin(), counts.end(),
                                 [&](const auto& e) { return e.first == u.prefix; });
          if (it == counts.end()) counts.push_back({u.prefix, 1});
          else ++it->second;
        }
        if (counts.size() < 2) continue;
        preferred = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                      return a.second < b.second;
                    })->first;
      }
      for (const Use& u : uses) {
        if (u.prefix == preferred) continue;
        Check c = NewCheck(Kind::kNumberStyle);
        c.message = "Currency style: write ‘" + preferred + "’ as elsewhere, not ‘" + u.prefix + "’.";
        c.spans.push_back(u.span);
        ctx.Add(std::move(c));
      }
    }
  }
}

}  // namespace checks_internal
}  // namespace factlens
