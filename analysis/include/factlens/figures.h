// factlens/figures.h — money, percentages, dates, times, counts and quantities.
//
// Usage:
//   factlens::Report report;
//   report.text = factlens::AnalyzeText(doc);
//   factlens::FindFigures(doc, &report);   // fills report.figures, figure_relations
//
// Offset unit: UTF-16 code units of each paragraph (document.h).
// Thread-safety: FindFigures is reentrant; it only reads shared, immutable tables
// (built once, on first use, from ICU's spell-out rules and analysis/data/figures/).
// It never reads the system clock: relative dates resolve against
// doc.reference_date, else against the latest full date the text itself states
// (the note says which), else they get no value.
//
// Spans. One span per figure; approximators ("about", "more than", "some",
// "up to", "nearly") are inside it and set `approx`. Date ranges opened by
// "from"/"between" include that word ("from January 4 to 7"). A counted noun is
// inside a quantity's span ("about 200 people").
//
// Value conventions (Figure::value, Figure::unit). A value is a number, a [lo, hi]
// number range, a string or a [lo, hi] string range (FigureValue::Type): strings are ISO
// dates "2026-01-05", ISO date-times "2026-02-27T15:00", clock times "14:15", recurring
// dates "R/P1W" and relative ordinals "end-1"; the kind says which.
//   money      number in whole units of the currency, unit = ISO 4217 code:
//              "US$272.9 billion" -> 272900000000 "USD"; "470 pence" -> 4.7 "GBP";
//              "Rs16,189 crore" -> 161890000000 "INR". A bare "$" (or "dollars")
//              is USD, or the one other dollar the text names ("A$", "Australian
//              dollar") if it never names USD; note says "currency assumed ...".
//              Names without a single code ("francs") leave unit empty and say so.
//   percent    number, unit "percent" ("12%" -> 12); "percentage point" and
//              "basis point" are separate units ("2 percentage points" -> 2).
//              Fractions of a whole are percentages too: "a third" -> 33.33...,
//              "nearly half" -> 50 (approx), note "fraction of a whole".
//   date       ISO string at the stated precision: "2026-01-05", "2022-03",
//              "2024"; a month or day without a year gets the inferred year and
//              note "year inferred ..." ("--01-05" / "--11" when nothing to infer
//              from, note "year unknown"). Ranges are [lo, hi] inclusive strings:
//              "January 4 to 7" -> ["2026-01-04", "2026-01-07"], "(2013-2017)" ->
//              ["2013", "2017"], decades "1990s" -> ["1990", "1999"] (unit "decade"),
//              fiscal years "2012-13" -> ["2012", "2013"] (unit "fiscal year").
//              An impossible date ("February 30") has no value, note says so; a
//              stated weekday that does not match gets note "weekday does not match".
//              A date with its clock time is one figure whose value is an ISO
//              date-time string "2026-02-27T15:00" ("Friday at 3 p.m."), or a range of
//              them ["2026-03-03T19:00", "2026-03-03T20:30"] ("Tuesday from 7:00 to
//              8:30 pm", "Tuesday afternoon", note "part of day"). ISO weeks are date
//              ranges ("week 31" -> ["2026-07-27", "2026-08-02"]). Recurring dates
//              are the string "R/" + an ISO 8601 duration with unit "recurring":
//              "weekly" -> "R/P1W", "quarterly" -> "R/P3M", "every 72 minutes" ->
//              "R/PT72M" ("every Monday": "R/P1W", note "every Monday"). "N units
//              ago" is the date counted back from the reference date at the unit's
//              precision ("four years ago" -> "2012"; in January-February or
//              November-December the two years it may mean, ["2012", "2013"]; "three
//              months ago" -> "2016-06"), note "counted back from the reference date".
//              "early / mid / late 2016" is a third of the year (["2016-01", "2016-04"]).
//   time       "HH:MM" (24 h) or "HH:MM:SS": "2.15pm" -> "14:15"; a time range is
//              [lo, hi] of such strings ("9-10 am" -> ["09:00", "10:00"], "in the
//              morning" -> ["08:00", "12:00"], note "part of day").
//   duration   number with unit "year" | "month" | "week" | "day" | "night" |
//              "hour" | "minute" | "second" | "decade" | "century": "four-day" ->
//              4 "day"; compounds in the smaller unit ("3 hours and 30 minutes" ->
//              210 "minute"); "40 or 50 years ago" -> 50 "year", note "ago" (without
//              a reference date, too).
//   quantity   number; with a measure unit ("3.5 tonnes" -> 3.5 "tonne", canonical
//              singular names from analysis/data/figures/units.txt) or with the
//              thing counted in `counted` and no unit ("about 200 people" -> 200,
//              counted "people"); ages ("29 years old") -> 29 "year", counted "age".
//              Compact ranges ("40-50 years", "5-10%") are one figure with a
//              [lo, hi] number range.
//   ordinal    number: "second" -> 2, "100th" -> 100; a relative ordinal is a string
//              in the public suite's notation, note "relative ordinal": "the second to
//              last", "penultimate" -> "end-1", "third from last" -> "end-2", "the
//              previous one" -> "current-1", "the last sentence" -> "end+0" (before a
//              sequence noun). The lone words "last", "next", "previous" are not figures.
//   number     anything else: "a dozen" -> 12, "1.5 million" -> 1500000.
//   No value (FigureValue::Type::kNone) rather than a wrong one: numbers with more
//   than 15 significant digits, overflow ("10^400", "1e999"), impossible dates,
//   relative dates with nothing to resolve against. Digits of other scripts
//   (Arabic-Indic, full-width) are normalised; separators follow doc.language
//   ("1.234,5" in German is 1234.5) and unambiguous foreign grouping is read too.
//
// Not figures: numbers glued to letters ("G7", "COVID-19", "MH370"), labels
// ("No. 10", "Section 230", "version 2.1", "Apollo 11"), addresses ("10 Downing
// Street"), match scores ("won 2-0"), phone numbers, version strings ("1.2.3"),
// "one-China", "World War II", numbers inside URLs and e-mail addresses.
//
// Relations (Report::figure_relations, indices into Report::figures; -1 = none):
//   range       "between 5 and 10 percent", "3 to 4 percent", "40 to 50 people":
//               from = lower, to = upper end (a bare lower end takes the upper
//               end's kind, unit and counted noun; its note says so).
//   change      "rose 15 percent from $200 to $250": from = $200, to = $250,
//               delta = 15 percent, direction +1. "US$272.9 billion in 2024, only
//               12 percent up from the US$243.4 billion": from = 243.4bn, to =
//               272.9bn, delta = 12 percent, direction +1. "dropped 8% to £1.2bn
//               from £1.3bn": from £1.3bn, to £1.2bn, delta 8%, direction -1.
//               "rose to 1,234 on Tuesday from 1,100": from, to, no delta.
//               "grew by 2 million to 68 million": from = -1, to, delta.
//   comparison  "12,000 employees, up from 10,500" (no stated size): from = Y,
//               to = X, direction.
//   direction comes from the verb ("rose", "fell", "up", "down"), else from the
//   values when both ends are numbers of the same measure.
#ifndef FACTLENS_FIGURES_H_
#define FACTLENS_FIGURES_H_

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

// Finds every figure of `doc`; writes report->figures and
// report->figure_relations (sorted in document order). It scans each
// paragraph's characters itself, so it does not depend on report->text's token
// boundaries; report->text's sentences, when present, bound the look-behind for
// tense cues and for the verbs of changes (without them a full stop does).
void FindFigures(const Document& doc, Report* report);

}  // namespace factlens

#endif  // FACTLENS_FIGURES_H_
