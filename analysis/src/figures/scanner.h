// Internal to the figures stage: the lexemes of a paragraph and the Scanner
// that finds figures in them. One file per matcher family:
//   scanner.cc (Emit, Run = the ordered matcher list)   lexemes.cc (Lexify)
//   numbers.cc (ParseNumber, ParseWordNumber, ParseDigits)   calendar.cc
//   dates.cc (TryDate and its steps)   times.cc   numeric.cc (TryNumeric: a
//   number, then the steps that decide its kind)   money.cc   quantities.cc
//   (percent, units, durations, counted nouns, ages, fractions)   non_figures.cc
// A matcher or step returns the lexeme index one past its match, -1 (no figure
// here), or for a step of TryDate / TryNumeric kContinue (the next step tries).
// Conventions are documented in include/factlens/figures.h.
#ifndef FACTLENS_SRC_FIGURES_SCANNER_H_
#define FACTLENS_SRC_FIGURES_SCANNER_H_

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "factlens/figures.h"
#include "factlens/text.h"
#include "figures/tables.h"

namespace factlens {
namespace figures_internal {

// Lexemes are compared with literals as string views: sizes first, and inline,
// where std::string == const char* calls the library's out-of-line compare.
using std::string_view_literals::operator""sv;


// Largest magnitude we value; beyond it (or with more than 15 significant
// digits) a figure is reported without a value rather than a wrong one.
constexpr double kMaxValue = 1e18;
constexpr int kMaxSignificantDigits = 15;

enum LexType : uint8_t { kNum, kWord, kSym };

struct Lex {
  int32_t b = 0, e = 0;
  LexType type = kSym;
  bool sp = false;       // whitespace before it
  bool upper = false;    // word starts with an upper-case letter
  bool allcaps = false;  // word is all upper case
  bool foreign_digits = false;  // digits of another script were normalised
  uint32_t cls = 0;
  std::string low;  // words: lower case; numbers: ASCII digits and , . ' '; symbols: UTF-8
  std::string raw;  // words with upper-case letters: as written (UTF-8); else empty
};

// A word as written (lower-case words keep only `low`).
inline const std::string& RawOf(const Lex* l) { return l->raw.empty() ? l->low : l->raw; }

// ------------------------------------------------------------ lexemes.cc

// Cuts a paragraph into digit runs (any script, with their separators), letter
// runs and single symbols; words get their WordClass bits from `t`.
std::vector<Lex> Lexify(const std::u16string& text, const Tables& t);

// ------------------------------------------------------------ numbers.cc

// Locale separators for numbers ("1.234,5" in German).
struct Seps {
  char decimal = '.';
  char group = ',';
};

// The separators of `language` (BCP 47); English ones when it is empty.
Seps SepsFor(const std::string& language);

// Locale-independent string to double (0 on failure).
double ParseDouble(const std::string& s);

struct DigitVal {
  bool ok = false;      // a well-formed number
  bool valued = false;  // its value is known exactly enough to report
  double v = 0;
  bool integer = true;
  bool grouped = false;  // has thousands separators
  int int_digits = 0;
  int frac_digits = 0;
};

// A digit lexeme ("1,234.5", "1.234,5", "1 414 021") read with `seps`.
DigitVal ParseDigits(const std::string& s0, const Seps& seps);

// A parsed value as a whole number in [0, limit], or -1 (no value) beyond it or
// when it is not whole. Parsed values are doubles (ParseDigits), which cannot
// overflow; this is how one becomes an int (a plain cast is undefined beyond
// INT_MAX: "1/77777777777777").
inline int WholeAtMost(double v, int limit) {
  return v >= 0 && v <= limit && v == std::floor(v) ? static_cast<int>(v) : -1;
}

// ------------------------------------------------------------ calendar.cc

bool ValidDate(int y, int m, int d);
// ICU day of week (UCAL_SUNDAY = 1 .. UCAL_SATURDAY = 7), 0 on error.
int Weekday(int y, int m, int d);
// Adds `days` to a date (ICU does the calendar arithmetic).
Date AddDays(const Date& in, int days);
// "2026-01-05", "2026-01", "2026", "--01-05" (no year).
std::string IsoDate(int y, int m = 0, int d = 0);
// Days since an epoch, for distances only.
int DayNumber(int y, int m, int d);
// Western Easter Sunday; the nth weekday of a month (n = -1: the last).
Date EasterSunday(int year);
Date NthWeekday(int year, int month, int n, int wd);
// Day `day` of month `month` of another calendar ("islamic-umalqura", "hebrew",
// "chinese": ICU's locale keywords) in Gregorian `year`; {0, 0, 0} when unknown.
Date CalendarDayIn(const std::string& calendar, int month, int day, int year);

// ------------------------------------------------------------ the scanner

// Appended to the note of a figure that a reference date would resolve ("this morning",
// "14 months ago"): RescanAgainstText (figures.cc) reads its paragraph again against the
// text's own dates.
constexpr char kNeedsReference[] = "; needs a reference date";

struct DocContext {
  std::optional<Date> ref;   // reference date (dateline)
  bool ref_from_text = false;  // inferred from the text's own dates
  std::string ref_source = "the reference date";  // for notes
  bool english = true;  // capitalisation cues (names) only apply to English
  Seps seps;
  std::string dollar = "USD";  // what a bare "$" means
  std::string dollar_note = "currency assumed USD";
};

struct NumMatch {
  int end = -1;  // lexeme index one past the number (and its scale)
  double last_scale = 1;  // the last scale applied ("million" in "two million")
  double v = 0;
  bool valued = false;
  bool ok = false;
  bool word = false;      // spelled out
  bool integer = true;
  bool scaled = false;    // "million", "bn", "dozen"
  bool fraction = false;  // spelled: "a third", "three quarters"
  bool digit_fraction = false;  // "1/4", "½"
  bool ordinal = false;   // "twenty-first", "21st"
  bool hyphen_scale = false;
  int int_digits = 0;
  bool grouped = false;
  std::string note;
};

// A date matcher step found nothing final: the next step goes on (ends are > 0).
constexpr int kContinue = 0;

// What TryDate has read before a date's core: a modifier, "from"/"between", a weekday.
struct DateCue {
  int i = 0;  // the lexeme TryDate started at
  int b = 0;  // where the figure starts
  int k = 0;  // where the date's core starts
  std::string mod;  // "early", "mid", "late", "last", "next", "this", "end" ...
  int bias = 0;     // -1 the past ("last"), 1 the future ("next"), 2 the reference year's
  bool ranged = false;  // "from"/"between" opening a date range
  int weekday = 0;      // "Monday, January 5": ICU day number
};

// What TryNumeric has read: what comes before the number, and the number.
struct NumCue {
  int i = 0;  // the lexeme TryNumeric started at
  int b = 0;  // where the figure starts
  int k = 0;  // the number's first lexeme
  bool approx = false;    // "about", "more than"
  bool negative = false;  // "-5", "minus 5"
  int ce = -1;            // end of a currency prefix ("$", "US$", "GBP"), or -1
  std::string cur;        // its ISO code
  std::string cur_note;
  bool cur_assumed = false;
  double cur_factor = 1;  // "MUSD": 1e6
  NumMatch m;             // the number
  int e = 0;              // the lexeme after it
  double v = 0;           // its value with the sign
  FigureValue value;      // v, or no value
  std::string note;
};

struct WordSum;  // numbers.cc

class Scanner {
 public:
  // `sentences` (may be null): the text layer's segmentation of this paragraph,
  // used only to bound look-behind for tense cues.
  Scanner(const Tables& t, const DocContext& ctx, const std::u16string& text, int32_t para,
          ParagraphKind kind, const ParagraphText* sentences)
      : t_(t), ctx_(ctx), text_(text), para_(para), kind_(kind), pt_(sentences),
        lx_(Lexify(text, t)) {}

  std::vector<Figure> Run();

 private:
  int N() const { return static_cast<int>(lx_.size()); }
  const Lex* L(int j) const { return j >= 0 && j < N() ? &lx_[j] : nullptr; }
  bool Is(int j, std::string_view w) const {
    const Lex* l = L(j);
    return l && l->low == w;
  }
  bool IsSym(int j, std::string_view s) const {
    const Lex* l = L(j);
    return l && l->type == kSym && l->low == s;
  }
  bool IsApostrophe(int j) const { return IsSym(j, "'") || IsSym(j, "\u2019"); }
  bool IsDash(int j) const {
    return IsSym(j, "-") || IsSym(j, "\u2013") || IsSym(j, "\u2014") || IsSym(j, "\u2212");
  }
  bool Adj(int j) const {  // lexeme j touches the previous one
    const Lex* l = L(j);
    return l && !l->sp;
  }
  bool Has(int j, uint32_t c) const {
    const Lex* l = L(j);
    return l && l->type == kWord && (l->cls & c);
  }
  // A plain integer lexeme of at most max_digits (<= 4: std::stoi cannot overflow), or -1.
  int IntAt(int j, int max_digits) const {
    const Lex* l = L(j);
    if (!l || l->type != kNum) return -1;
    if (l->low.size() > static_cast<size_t>(max_digits)) return -1;
    for (char c : l->low)
      if (c < '0' || c > '9') return -1;
    return std::stoi(l->low);
  }
  int Year4(int j) const {
    const Lex* l = L(j);
    if (!l || l->type != kNum || l->low.size() != 4) return -1;
    return IntAt(j, 4);
  }
  // Four digits at j that read as a year of news, 1800 to 2100.
  bool ModernYear(int j) const {
    const int y = Year4(j);
    return y >= 1800 && y <= 2100;
  }

  // Matchers: each returns the lexeme index one past the match, or -1.
  int TryDate(int i);
  int TryTime(int i);
  int MatchRaceTime(int i);
  bool ReadHour(int i, int* h, int* mi) const;  // times.cc
  int ReadMinutes(int k, int* mi, int* s, bool* colon) const;
  int ReadDayHalf(int k, int* ampm) const;
  int TryNumeric(int i);
  int TryOrdinalWord(int i);
  bool OrdinalInName(int i) const;
  bool ZoneAt(int k) const;
  bool RankedLine() const;
  bool ZoneNameAt(int k) const;
  int MatchTimeRange(int i);
  int MatchMilitaryRange(int i);
  int MatchDecadeApostropheS(const DateCue& c);
  int EmitTwoDigitDecade(const DateCue& c, int b, int e);
  bool LaterPartOfDay(int k) const;
  int MatchPoints(NumCue* c);
  int NamedCountedNoun(int j, std::u16string* counted) const;
  int MatchHyphenNoun(NumCue* c);
  bool RiseUpTo(int j, const std::vector<std::string>& seq) const;
  int SkipNonFigure(int i);
  int ClusterEnd(int k) const;  // non_figures.cc
  int SkipCodeOrLabel(int i) const;
  int SkipPhoneNumber(int i) const;
  int SkipListedPhone(int i) const;
  int SkipScore(int i) const;
  bool GluedPairAt(int j, int digits) const;
  bool GluedScoreAt(int j) const;
  int SkipAddress(int i) const;
  bool LetteredParagraphAt(int k) const;
  bool ThirdOfAList(int i) const;
  int SkipTitleNumber(int i) const;
  int SkipListLabel(int i) const;

  // Dates (dates.cc): steps of TryDate, each returning an end, -1 or kContinue.
  int MatchDateModifier(DateCue* c);
  int MatchRangeIntro(DateCue* c);
  int MatchRelativeDay(DateCue* c);
  int MatchWeekday(DateCue* c);
  int MatchMonthFirst(DateCue* c);
  int MatchDayFirst(DateCue* c);
  int MatchSpelledDayFirst(DateCue* c);
  int MatchOrdinalDayRange(DateCue* c);
  int SmallCardinal(int j, int* v) const;
  int SpelledYear(int j, int* year) const;
  int MatchQuarter(DateCue* c);
  int MatchNumericDate(DateCue* c);
  int MatchNamedMonthNumeric(DateCue* c);
  int MatchMonthSlashDay(DateCue* c);
  bool SlashDayBefore(int j) const;
  bool SpelledDayEnds(int de) const;
  int MatchYears(DateCue* c);
  int MatchRelativeDate(int i);
  int MatchSeason(DateCue* c);
  int EmitRelativeSeason(int i, int delta);
  FigureValue SeasonOf(const std::pair<int, int>& s, int year) const;
  int EmitRelativePeriod(int i, int delta);
  int EmitRelativeWeekday(int i, int delta);
  int MatchBareWeekday(int k);
  bool IsSuffixedDay(int j) const;
  int EmitWeekdayDay(int k, int e, int wd, int day);
  int EmitDayOfMonth(int b, int e, int day);
  bool WeekdayInName(int k) const;
  int ForeverRefrain(int i) const;
  bool QuotedAlone(int i) const;
  int EmitRollingPeriod(int i, int dir);
  int WeekdayDirection(int k) const;
  bool ScheduleVerbBefore(int k) const;
  bool BareBeParticipleBefore(int k) const;
  bool ProspectBefore(int k) const;
  bool ResultBefore(int k) const;
  bool ClauseEnd(int q) const;
  // An opening double quotation mark right before lexeme b and a closing one at e.
  bool QuotedTitle(int b, int e) const;
  bool Quoted(int b, int e) const {
    return (IsSym(b - 1, "\u201C") || IsSym(b - 1, "\"")) &&
           (IsSym(e, "\u201D") || IsSym(e, "\""));
  }
  bool PastVerbBefore(int k, bool article) const;
  bool DateInParens(int k, Date* d) const;
  int MatchMonthDay(const DateCue& c, int month, int e);
  int DayAfterMonth(int e) const;
  int MatchMonthYear(const DateCue& c, int month, int e);
  int MatchMonthRange(const DateCue& c, int month, int e);
  int MatchMonthAlone(const DateCue& c, int month, int e, bool weak);
  int MatchApostropheDecade(const DateCue& c);
  int MatchApostropheYear(const DateCue& c);
  int MatchDecade(const DateCue& c, int yv);
  int MatchYearRange(const DateCue& c, int yv);
  int MatchFiscalYear(const DateCue& c, int yv);
  int MatchSingleYear(const DateCue& c, int yv);
  int YearAfter(int j, int* year) const;
  int MonthDayRangeEnd(int k3, int day, int* m2, int* d2) const;
  int DayRangeEnd(int k, int k2, int dd, int* d2) const;
  bool NumericDateFrom(int ye) const;
  bool NotAYear(int k) const;
  int QuarterAt(int j, int* q, bool* half) const;
  FigureValue QuarterRange(int y, int q, bool half) const;

  // Composite date-times (composites.cc).
  int MatchPartOfDay(int i);
  bool SaysTwelveAm(const Figure& f) const;
  bool PartOfDayAdjective(int e) const;
  int PartOfDayStart(int i, int* day, std::string* mod, bool* opened) const;
  int MatchRecurring(int i);
  int RecurringAfterEvery(int i, std::string* period, std::string* note) const;
  std::string TimesPeriod(const std::string& period, int n) const;
  std::string GapText(int32_t a, int32_t b) const;
  bool HasLetters(const Figure& f) const;
  std::string WordBefore(int32_t pos, int32_t* start) const;
  bool MergeDateAndTime(Figure* a, const Figure& b, const std::string& gap) const;
  bool MergeTimeAndDate(Figure* a, const Figure& b, const std::string& gap) const;
  bool MergeTimeRange(Figure* a, const Figure& b, const std::string& gap,
                      const std::string& intro) const;
  bool MergeClockAndPart(Figure* a, const Figure& b, const std::string& gap) const;
  bool MergeDateRange(Figure* a, const Figure& b, const std::string& gap,
                      const std::string& intro) const;
  bool MergeInto(Figure* a, const Figure& b, int pass) const;
  bool DurationOf(const Figure& f, int* days, int* months) const;
  bool MergeDurations(Figure* a, const Figure& b, const std::string& gap) const;
  bool MergeWeekdayInWeek(Figure* a, const Figure& b, const std::string& gap) const;
  bool MergeCountedDate(Figure* a, const Figure& b, const std::string& gap) const;
  bool MergeTimeAndLength(Figure* a, const Figure& b, const std::string& gap) const;
  bool MergeRecurringTime(Figure* a, const Figure& b, const std::string& gap) const;
  void MergeComposites();
  int MatchRelativeOrdinal(int i);
  int MatchRelativePeriod(int i);
  int MatchCountedPeriod(int i);
  int MatchHoliday(int i);
  int EmitHoliday(int i, int e, const std::string& rule);
  bool HolidayInName(int i, int e, size_t words) const;
  Date HolidayIn(const std::string& rule, int year) const;
  int PeriodStep(int j) const;
  FigureValue WeekendValue(int step, int unit_at) const;
  FigureValue QuartersValue(int step, int n) const;
  int MatchWords(int i, const std::vector<std::string>& words) const;
  int MatchFromLast(int i);
  int MatchWeekNumber(int i);
  int MatchWeekOf(int i);
  int MatchYearToDate(int i);
  bool RelativeYearAt(int j, int* year, int* end) const;
  int MatchIndefiniteDuration(int i);
  int MatchClockWords(int i);  // times.cc
  int MatchSpelledClock(int i);  // times.cc

  // Run's steps (scanner.cc unless noted).
  int SkipNumberIdiom(int i) const;
  int NumberNameAfter(const std::vector<std::string>& names, int k) const;
  bool NumberNameBefore(const std::vector<std::string>& names, int k) const;
  int NumberNameFramed(const std::vector<std::string>& names, int before, int after) const;
  int SkipMarkupTag(int i) const;
  int SkipUrl(int i);              // non_figures.cc
  int MatchNoonOrMidnight(int i);  // times.cc
  int MatchUnitLong(int i);        // quantities.cc
  bool MayOpenFigure(int i) const;
  bool MayOpenComposite(int i) const;
  int TryCompositeAt(int i);
  bool FigureFollows(int i) const;
  int TryFigureAt(int i);
  int TryDateAfterApostrophe(int i);

  // Numeric figures: steps of TryNumeric, each returning an end, -1 or kContinue.
  int ReadSign(NumCue* c, int k) const;
  bool SignedNumberAt(int k) const;
  bool DetachedMinus(int k) const;
  int ReadNumberPrefix(NumCue* c);  // numeric.cc
  int SkipNumberInName(const NumCue& c) const;
  int ReadNumber(NumCue* c);
  int MatchMoneyBefore(NumCue* c);  // money.cc
  int MatchMoneyAfter(NumCue* c);
  int CentsAfter(int se, double* total);
  int MatchOrdinalNumber(NumCue* c);  // numeric.cc
  int SkipGluedCode(NumCue* c);
  int MatchPlainNumber(NumCue* c);
  int MatchPercent(NumCue* c);  // quantities.cc
  int RangeMeasureAt(int j, std::string* unit, FigureKind* kind) const;
  int MatchCompactRange(NumCue* c);
  int UnitStart(int e, bool* hyphen) const;
  bool TitleUnit(int b, int unit) const;
  int MatchDuration(NumCue* c);
  FigureValue AgoDate(const FigureValue& v, const std::string& unit) const;
  bool EmitAgoDate(int b, int e, const FigureValue& amount, const std::string& unit, bool approx);
  int InchesAfterFeet(int fe, double* total);
  int MatchMeasure(NumCue* c);
  int MatchPointFraction(NumCue* c);
  int MatchProportion(NumCue* c);
  int MatchWholeFraction(NumCue* c);
  int MatchCounted(NumCue* c);
  int MatchAge(NumCue* c);

  // Helpers.
  NumMatch ParseNumber(int j, bool currency_context);
  NumMatch ParseWordNumber(int j);
  NumMatch ParseDigitNumber(int j, bool* complete);
  bool ReadPower(NumMatch* m);
  bool ReadDecimalExponent(NumMatch* m);
  bool ReadDigitFraction(const DigitVal& d, NumMatch* m);
  NumMatch ParseVulgarFraction(int j) const;
  int AndAFraction(int e, int* frac_at) const;
  void AddMixedFraction(NumMatch* m) const;
  void AddHyphenScale(NumMatch* m) const;
  double LetterScale(int j, bool currency_context) const;
  void AddScale(NumMatch* m, bool currency_context) const;
  NumMatch ParseArticleNumber(int j);
  NumMatch ParseHalfOrQuarter(int j);
  int AddNumberWord(int k, WordSum* s, NumMatch* m) const;
  int AddCardinalWord(int k, int v, WordSum* s, NumMatch* m) const;
  int AddScaleWord(int k, double sv, WordSum* s, NumMatch* m) const;
  void AddWordDecimals(double total, NumMatch* m) const;
  void AddWordFraction(NumMatch* m) const;
  void OfAScale(NumMatch* m) const;
  int MatchApprox(int j) const;   // end of an approximator starting at j, or -1
  int MatchCurrencySymbol(const Lex* l, int j, bool fullwidth_dollar, std::string* code,
                          bool* assumed, std::string* note) const;
  int MatchCurrencyPrefix(int j, std::string* code, bool* assumed, std::string* note) const;
  int MatchDollarPrefix(int j, std::string* code, bool* assumed) const;
  int MatchCurrencySuffix(int j, std::string* code, bool* assumed, double* factor,
                          std::string* note, bool scaled) const;
  int MatchUnit(int j, std::string* unit) const;
  int UnitKeyAt(int j, int len, std::string* key) const;
  int MatchUnitName(int j, std::string* unit) const;
  int MatchSuffixCode(int j, std::string* code, double* factor, std::string* note) const;
  int MatchCurrencyName(int j, std::string* code, bool* assumed, double* factor,
                        std::string* note, bool scaled) const;
  int DaySuffix(int j) const;  // end of "4", "4th", "4 th"; -1
  int Day(int j, int* day) const;
  int MonthAt(int j, int* month, bool need_strong) const;
  bool YearCueBefore(int j) const;
  int CountedNoun(int j, std::u16string* counted) const;
  bool PluralNoun(const Lex& w) const;
  bool PeoplePlural(int k, int from = -1) const;
  // Lexeme j opens a sentence (or a quotation, a parenthesis, a heading).
  bool SentenceStart(int j) const {
    const Lex* p = L(j - 1);
    if (!p) return true;
    if (p->type != kSym) return false;
    static constexpr std::string_view kOpeners[] = {".", "!", "?", ":", ";", "\"", "\u201C", "(",
                                                    "\u2018", "'", "\u2014", "-", "\u2013", "[",
                                                    "\u00AB", "\u201E"};
    for (std::string_view o : kOpeners)
      if (p->low == o) return true;
    return false;
  }
  // After "48m" / "5bn" (lexeme j is the "m"): a counted noun or a currency
  // name makes the letter a scale ("48m people", "5m euros"), not metres.
  bool MillionAfter(int j) const {
    const Lex* n = L(j + 1);
    if (!n || n->type != kWord) return false;
    if (n->cls & kCurrencyW) return true;
    std::u16string c;
    return CountedNoun(j + 1, &c) > 0;
  }

  void Emit(int b, int e, FigureKind kind, FigureValue value, std::string unit, bool approx,
            std::string note = "", std::u16string counted = u"");
  static FigureValue Num(double v) {
    FigureValue fv;
    fv.type = FigureValue::Type::kNumber;
    fv.lo = v;
    return fv;
  }
  static FigureValue Str(std::string s) {
    FigureValue fv;
    if (s.empty()) return fv;
    fv.type = FigureValue::Type::kString;
    fv.str_lo = std::move(s);
    return fv;
  }
  static FigureValue StrRange(std::string a, std::string b) {
    FigureValue fv;
    if (a.empty() || b.empty()) return fv;
    fv.type = FigureValue::Type::kStringRange;
    fv.str_lo = std::move(a);
    fv.str_hi = std::move(b);
    return fv;
  }
  // Resolves a month (and day) without a year against the reference date.
  int InferYear(int month, int day, int weekday, std::string* note, int bias) const;
  // A future-tense cue ("will", "scheduled", "next") earlier in the sentence.
  bool FutureCue(int j) const;
  // "than" + a participle at k ("than forecast"): an expectation held before.
  bool EarlierExpectation(int k) const;
  // "April 98" (k: the month, e: after it): two digits that can only be a year.
  bool TwoDigitYearAfterMonth(int k, int e) const;
  // A two-digit year's full year: the latest not after the reference year.
  int CenturyOf(int two) const;
  // "old" / "-old" at j: the end after it, or -1; an age's unit and "old" at j.
  int OldEnd(int j) const;
  bool AgeAfter(int j) const;
  // The last figure found ends right before lexeme j.
  bool FigureJustBefore(int j) const;
  bool InningsOfAGame(int j) const;
  bool ByDeadline(int j) const;
  bool ComingDay(int ahead) const;
  bool ClausePastBefore(int k, bool skip_reporting = false) const;
  bool WeekBetween(int a, int b) const;
  bool WasAfter(int k) const;
  bool PastFormAt(int q) const;
  bool PastWord(const std::string& w) const;
  bool WontAt(int q) const;
  bool PastVerbAt(int q) const;
  int32_t SentenceBeginOf(int k) const;
  bool MonthBeforeEvent(int j) const;
  bool ModalFutureBefore(int k) const;
  bool CapitalAsLabel(int j) const;
  bool TitleCaseLine() const;
  bool HyphenBeforeScale(int k) const;
  bool NumberAfter(int k) const;
  bool OverAsDuring(int k, int ae) const;
  bool CurrencyNameOfWords(int j, bool scaled) const;
  bool CurrencyWordAlone(int j) const;
  int SomedayAt(int i) const;
  bool NthYearOf(int i) const;
  bool ReportedBefore(int k) const;
  bool EventBeforeDate(int j) const;
  bool DayBeforeEvent(int j) const;
  bool PollShareOf(int b, int e) const;
  bool OverYearRange(int i) const;
  bool PeriodicalNoun(int i) const;
  int WeeklyPartOfDay(int i);
  // "is to sail", "are to travel" at q.
  bool ArrangedFuture(int q) const;
  bool IsSeptember11(int month, int day, int b, int e) const;
  int cur_ = 0;  // the lexeme a date matcher started at
  std::string ResolvedNote() const { return "resolved against " + ctx_.ref_source; }

  const Tables& t_;
  const DocContext& ctx_;
  const std::u16string& text_;
  int32_t para_;
  ParagraphKind kind_;
  const ParagraphText* pt_;
  std::vector<Lex> lx_;
  std::vector<Figure> out_;
  // Whether text_ holds a tab (-1: not looked yet); asked per number.
  signed char has_tab_ = -1;
  // TitleCaseLine's answer (-1: not looked yet).
  mutable signed char title_case_ = -1;
  bool HasTab() {
    if (has_tab_ < 0) has_tab_ = text_.find(u'\t') != std::u16string::npos;
    return has_tab_ != 0;
  }
};

}  // namespace figures_internal
}  // namespace factlens

#endif  // FACTLENS_SRC_FIGURES_SCANNER_H_
