// The figures stage's word tables. Number words come from ICU's English
// spell-out rules (icu::RuleBasedNumberFormat, URBNF_SPELLOUT), computed once;
// currencies and units from analysis/data/figures/*.txt.
#include "figures/figures_tables.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <mutex>
#include <sstream>

#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include "common/embedded_data.h"

namespace factlens {
namespace figures_internal {
namespace {

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Last word of ICU's spell-out of n ("one hundred" -> "hundred").
std::string LastWord(icu::RuleBasedNumberFormat* f, int64_t n) {
  icu::UnicodeString s;
  f->format(static_cast<int64_t>(n), s);
  std::vector<std::string> w = SplitWords(Utf8(s));
  return w.empty() ? std::string() : w.back();
}

void AddClass(Tables* t, const std::string& w, uint32_t c) { t->cls[w] |= c; }

void BuildNumberWords(Tables* t) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RuleBasedNumberFormat> f(
      new icu::RuleBasedNumberFormat(icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status));
  if (U_SUCCESS(status)) {
    for (int n = 0; n < 20; ++n) t->cardinal[LastWord(f.get(), n)] = n;
    for (int n = 20; n < 100; n += 10) t->cardinal[LastWord(f.get(), n)] = n;
    const int64_t scales[] = {100, 1000, 1000000, 1000000000LL, 1000000000000LL};
    for (int64_t s : scales) t->scale[LastWord(f.get(), s)] = static_cast<double>(s);
    UErrorCode st2 = U_ZERO_ERROR;
    f->setDefaultRuleSet(u"%spellout-ordinal", st2);
    if (U_SUCCESS(st2)) {
      for (int n = 1; n < 20; ++n) t->ordinal[LastWord(f.get(), n)] = n;
      for (int n = 20; n < 100; n += 10) t->ordinal[LastWord(f.get(), n)] = n;
      t->ordinal[LastWord(f.get(), 100)] = 100;
      t->ordinal[LastWord(f.get(), 1000)] = 1000;
      t->ordinal[LastWord(f.get(), 1000000)] = 1000000;
    }
  }
  // Fallback if ICU data is missing: the same words, so behaviour never
  // depends on the ICU build (ICU's output above is identical for English).
  if (t->cardinal.size() < 28) {
    const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
                           "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                           "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                           "nineteen"};
    for (int n = 0; n < 20; ++n) t->cardinal[units[n]] = n;
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                          "eighty", "ninety"};
    for (int n = 0; n < 8; ++n) t->cardinal[tens[n]] = 20 + 10 * n;
    t->scale["hundred"] = 1e2;
    t->scale["thousand"] = 1e3;
    t->scale["million"] = 1e6;
    t->scale["billion"] = 1e9;
    t->scale["trillion"] = 1e12;
  }
  if (t->ordinal.size() < 20) {
    const char* o[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                       "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                       "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                       "nineteenth"};
    for (int n = 0; n < 19; ++n) t->ordinal[o[n]] = n + 1;
    const char* tens[] = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
                          "seventieth", "eightieth", "ninetieth"};
    for (int n = 0; n < 8; ++n) t->ordinal[tens[n]] = 20 + 10 * n;
    t->ordinal["hundredth"] = 100;
    t->ordinal["thousandth"] = 1000;
    t->ordinal["millionth"] = 1000000;
  }
  t->cardinal["nought"] = 0;
  // Abbreviated scales of news copy; "m", "b", "k" are decided in figures.cc.
  for (std::string_view line : EmbeddedLines("figures/scales.txt")) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string word(line.substr(0, tab));
    std::string value(line.substr(tab + 1));
    double v = 0;
    std::from_chars(value.data(), value.data() + value.size(), v);  // locale-independent
    if (!word.empty() && v > 0) t->scale[word] = v;
  }
  for (const auto& kv : t->cardinal) AddClass(t, kv.first, kCardinal);
  for (const auto& kv : t->ordinal) AddClass(t, kv.first, kOrdinalW);
  for (const auto& kv : t->scale) AddClass(t, kv.first, kScale);
  // Fractions: denominators from the ordinals (third, fifth, ...) plus half/quarter.
  for (const auto& kv : t->ordinal) {
    if (kv.second < 3 || kv.second > 100) continue;
    t->fraction[kv.first] = kv.second;
    t->fraction[kv.first + "s"] = kv.second;
  }
  t->fraction["half"] = 2;
  t->fraction["halves"] = 2;
  t->fraction["quarter"] = 4;
  t->fraction["quarters"] = 4;
  for (const auto& kv : t->fraction) AddClass(t, kv.first, kFractionW);
}

void BuildCalendarWords(Tables* t) {
  const char* months[] = {"january", "february", "march", "april", "may", "june", "july",
                          "august", "september", "october", "november", "december"};
  const char* abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                        "nov", "dec"};
  for (int m = 0; m < 12; ++m) {
    t->month[months[m]] = m + 1;
    t->month[abbr[m]] = m + 1;
  }
  t->month["sept"] = 9;
  for (const auto& kv : t->month) AddClass(t, kv.first, kMonth);
  // ICU numbering: UCAL_SUNDAY = 1 .. UCAL_SATURDAY = 7.
  const char* days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday"};
  const char* dabbr[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (int d = 0; d < 7; ++d) {
    t->weekday[days[d]] = d + 1;
    t->weekday[dabbr[d]] = d + 1;
  }
  t->weekday["tues"] = 3;
  t->weekday["thur"] = 5;
  t->weekday["thurs"] = 5;
  for (const auto& kv : t->weekday) AddClass(t, kv.first, kWeekday);
  const char* dur[][2] = {
      {"year", "year"},     {"years", "year"},      {"yr", "year"},        {"yrs", "year"},
      {"month", "month"},   {"months", "month"},    {"week", "week"},      {"weeks", "week"},
      {"day", "day"},       {"days", "day"},        {"hour", "hour"},      {"hours", "hour"},
      {"hr", "hour"},       {"hrs", "hour"},        {"minute", "minute"},  {"minutes", "minute"},
      {"min", "minute"},    {"mins", "minute"},     {"second", "second"},  {"seconds", "second"},
      {"sec", "second"},    {"secs", "second"},     {"decade", "decade"},  {"decades", "decade"},
      {"century", "century"}, {"centuries", "century"}, {"night", "night"}, {"nights", "night"},
      {"weekend", "weekend"}, {"weekends", "weekend"}, {"h", "hour"}};
  for (const auto& d : dur) {
    t->duration[d[0]] = d[1];
    AddClass(t, d[0], kDurationW);
  }
  for (const char* w : {"early", "mid", "late", "last", "next", "this", "past", "coming",
                        "end", "beginning", "start", "middle", "earlier", "later"})
    AddClass(t, w, kDateMod);
  for (const char* w : {"today", "yesterday", "tomorrow", "tonight"}) AddClass(t, w, kRelDay);
}

void BuildWordLists(Tables* t) {
  const char* approx[] = {
      "about", "around", "nearly", "almost", "roughly", "approximately", "approx",
      "some", "over", "under", "more than", "less than", "fewer than", "up to",
      "at least", "at most", "close to", "an estimated", "estimated", "as many as",
      "as much as", "as few as", "upwards of", "in excess of", "just over", "just under",
      "well over", "well under", "circa", "no more than", "no less than", "not more than",
      "below", "above", "exceeding", "more or less", "or so",
      "almost exactly", "barely", "just", "only", "at around", "at about", "around about",
      "in the region of", "upward of", "a little over", "a little under", "a little more than",
      "a little less than", "slightly more than", "slightly less than", "slightly over",
      "slightly under", "nearly all but", "greater than", "higher than", "lower than",
      "smaller than", "larger than", "bigger than"};
  for (const char* a : approx) {
    std::vector<std::string> w = SplitWords(a);
    if (w.empty()) continue;
    if (w.size() == 1 && (w[0] == "just" || w[0] == "only" || w[0] == "estimated")) continue;
    t->approximators.push_back(w);
    AddClass(t, w[0], kApproxW);
  }
  std::sort(t->approximators.begin(), t->approximators.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& seq : t->approximators) t->approx_by_first[seq[0]].push_back(seq);
  for (const char* w : {"a", "an", "from", "between", "minus", "negative", "half", "us", "rs",
                        "c", "u", "hk", "mex", "usd", "rmb", "gbp", "eur", "nt", "s", "fy", "q",
                        "mid", "pre", "post", "noon", "midnight"})
    AddClass(t, w, kTrigger);
  const char* stop[] = {
      "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
      "but", "as", "than", "that", "which", "who", "whom", "whose", "this", "these", "those",
      "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
      "can", "could", "may", "might", "must", "shall", "should", "do", "does", "did", "said",
      "says", "say", "it", "its", "his", "her", "their", "our", "your", "my", "he", "she",
      "they", "we", "you", "i", "them", "us", "him", "there", "here", "when", "where", "while",
      "after", "before", "since", "until", "during", "per", "each", "every", "all", "both",
      "more", "less", "most", "least", "than", "up", "down", "out", "into", "over", "under",
      "about", "around", "between", "among", "against", "through", "across", "if", "so",
      "not", "no", "yes", "also", "only", "just", "even", "percent", "cent", "pc", "pct",
      "times", "time", "ago", "old", "later", "earlier", "apiece", "each", "respectively",
      "including", "includes", "include", "plus", "minus", "versus", "vs", "via", "thus",
      "always", "perhaps", "whereas", "unless", "besides", "towards", "toward", "upon",
      "within", "without", "is", "has", "was", "does", "goes", "means", "seems", "remains",
      "less", "unless", "across", "regardless", "nevertheless", "nonetheless",
      "points", "point", "percentage", "yes", "ones", "others", "lows", "highs", "ways",
      "whereby", "whether", "per", "apiece", "onwards", "afterwards", "sometimes"};
  for (const char* s : stop) AddClass(t, s, kStop);
  for (const char* p : {"percent", "percentage", "percents", "pc", "pct", "per"})
    AddClass(t, p, kPercentW);
  for (const char* s : {"won", "win", "wins", "beat", "beats", "defeat", "defeated",
                        "defeats", "victory", "draw", "drew", "drawn", "lost", "lose",
                        "loss", "score", "scored", "scoreline", "lead", "led", "trailing",
                        "match", "game", "final", "goal", "goals", "set", "sets", "tie",
                        "vote", "voted", "votes", "series", "thrashed", "thrashing",
                        "edged", "routed", "halftime", "half-time", "innings", "playoff"})
    AddClass(t, s, kSportsW);
  for (const char* s : {"section", "article", "chapter", "no", "nos", "number", "version",
                        "v", "ver", "release", "rule", "resolution", "paragraph", "clause",
                        "item", "flight", "room", "route", "highway", "exit", "gate",
                        "platform", "bus", "line", "page", "pp", "p", "fig", "figure",
                        "table", "ios", "android", "windows", "level", "phase", "grade",
                        "class", "type", "model", "series", "building", "block", "unit",
                        "apartment", "suite", "floor", "district", "lot", "case", "docket",
                        "bill", "act", "law", "amendment", "annex", "appendix", "tel",
                        "phone", "fax", "ext", "channel", "track", "episode", "season",
                        "volume", "vol", "issue", "part", "step", "stage", "round", "lane",
                        "pier", "terminal", "cell", "ward", "seat", "division", "corps",
                        "regiment", "squad", "team", "player", "jersey", "shirt", "interstate",
                        "road", "street"})
    AddClass(t, s, kLabelW);
  for (const char* s : {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd",
                        "lane", "drive", "way", "place", "square", "terrace", "court",
                        "crescent", "close", "gardens", "highway", "parkway"})
    AddClass(t, s, kStreetW);
  for (const char* s : {"people", "children", "men", "women", "police", "staff", "personnel",
                        "cattle", "livestock", "sheep", "fish", "aircraft", "deer", "feet",
                        "teeth", "mice", "geese", "youth", "militia", "crew", "clergy",
                        "offspring", "swine", "poultry", "persons", "folk", "kin",
                        "spacecraft", "infantry"})
    AddClass(t, s, kPlural);
  for (const char* s : {"in", "since", "until", "till", "by", "from", "of", "during", "before",
                        "after", "between", "through", "year", "early", "mid", "late", "end",
                        "circa", "c", "around", "fy", "spring", "summer", "autumn", "fall",
                        "winter", "beginning", "start", "middle", "to", "and", "or",
                        "year-end", "pre", "post", "on", "as", "for"})
    AddClass(t, s, kYearCue);
  for (const char* s : {"rose", "rise", "rises", "risen", "rising", "up", "increase",
                        "increased", "increases", "increasing", "grew", "grow", "grows",
                        "grown", "growth", "jumped", "jump", "jumps", "climbed", "climb",
                        "climbs", "surged", "surge", "soared", "soar", "gained", "gain",
                        "gains", "higher", "more", "expanded", "doubled", "tripled",
                        "added", "boosted", "raised", "advanced", "rebounded", "swelled", "raise",
                        "raises", "raising", "boost", "boosts", "lift", "lifts", "lifted",
                        "expand", "expands", "widen", "widened", "hike", "hiked", "hikes"})
    AddClass(t, s, kRise);
  for (const char* s : {"fell", "fall", "falls", "fallen", "falling", "down", "decrease",
                        "decreased", "decreases", "decline", "declined", "declines",
                        "declining", "dropped", "drop", "drops", "slid", "slide", "slipped",
                        "plunged", "plunge", "plummeted", "tumbled", "shrank", "shrink",
                        "contracted", "lower", "less", "fewer", "cut", "reduced", "lost",
                        "eased", "sank", "dipped", "halved", "slumped", "retreated"})
    AddClass(t, s, kFall);
}

void LoadCurrencies(Tables* t) {
  for (std::string_view line : EmbeddedLines("figures/currencies.txt")) {
    std::string l(line);
    std::vector<std::string> cols;
    std::string cur;
    for (char c : l) {
      if (c == '\t') {
        cols.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    cols.push_back(cur);
    if (cols.empty() || cols[0].size() != 3) continue;
    const std::string& code = cols[0];
    t->currency_code[code] = code;
    if (cols.size() > 1) {
      std::stringstream ss(cols[1]);
      std::string name;
      while (std::getline(ss, name, '|')) {
        if (name.empty()) continue;
        std::vector<std::string> w = SplitWords(name);
        if (w.empty()) continue;
        std::string key;
        for (size_t i = 0; i < w.size(); ++i) key += (i ? " " : "") + w[i];
        t->currency_name[key] = Currency{code, false, 1.0};
        t->max_currency_words = std::max(t->max_currency_words, w.size());
        AddClass(t, w[0], kCurrencyW);
      }
    }
    if (cols.size() > 2) {
      std::stringstream ss(cols[2]);
      std::string sym;
      while (ss >> sym) {
        for (char& c : sym)
          if (c == '_') c = ' ';
        if (!sym.empty() && sym.back() == '$' && sym.size() > 1) {
          std::string prefix;
          for (char c : sym.substr(0, sym.size() - 1))
            if (c != ' ' && c != '.') prefix += static_cast<char>(std::tolower(c));
          if (!prefix.empty()) t->dollar_prefix[prefix] = code;
          continue;
        }
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(sym);
        bool ascii_letters = true;
        for (char c : sym)
          if (!std::isalpha(static_cast<unsigned char>(c)) && c != '.') ascii_letters = false;
        if (ascii_letters) {
          // Letter symbols ("Rs", "RMB", "RM", "Rp") are prefixes matched case-sensitively.
          std::string k = sym;
          if (!k.empty() && k.back() == '.') k.pop_back();
          t->currency_code[k] = code;
        } else {
          t->currency_symbol[std::u16string(u.getBuffer(), u.length())] = code;
        }
      }
    }
  }
  // Generic names: the code is assumed (a bare "dollars" is USD unless the text says otherwise).
  t->currency_name["dollar"] = Currency{"USD", true, 1.0};
  t->currency_name["dollars"] = Currency{"USD", true, 1.0};
  t->currency_name["cent"] = Currency{"USD", true, 0.01};
  t->currency_name["cents"] = Currency{"USD", true, 0.01};
  t->currency_name["pence"] = Currency{"GBP", false, 0.01};
  t->currency_name["penny"] = Currency{"GBP", false, 0.01};
  t->currency_name["pennies"] = Currency{"GBP", false, 0.01};
  t->currency_name["p"] = Currency{"GBP", false, 0.01};
  t->currency_name["pounds"] = Currency{"GBP", true, 1.0};  // decided by context in figures.cc
  t->currency_name["pound"] = Currency{"GBP", true, 1.0};
  t->currency_name["francs"] = Currency{"", true, 1.0};
  t->currency_name["franc"] = Currency{"", true, 1.0};
  t->currency_name["pesos"] = Currency{"", true, 1.0};
  t->currency_name["marks"] = Currency{"", true, 1.0};
  t->currency_name["lira"] = Currency{"", true, 1.0};
  t->currency_name["pesetas"] = Currency{"ESP", false, 1.0};
  t->currency_name["markka"] = Currency{"FIM", false, 1.0};
  t->currency_name["finnish markka"] = Currency{"FIM", false, 1.0};
  t->currency_name["satoshis"] = Currency{"BTC", false, 1e-8};
  t->currency_name["mao"] = Currency{"CNY", false, 0.1};
  for (const char* w : {"dollar", "dollars", "cent", "cents", "pence", "penny", "pennies",
                        "pounds", "pound", "francs", "franc", "pesos", "marks", "lira",
                        "pesetas", "markka", "finnish", "satoshis", "p", "u", "mao"})
    AddClass(t, w, kCurrencyW);
  t->dollar_prefix["us"] = "USD";
  t->dollar_prefix["usd"] = "USD";
  t->dollar_prefix["a"] = "AUD";
  t->dollar_prefix["c"] = "CAD";
  t->currency_symbol[u"$"] = "USD";  // assumed; see figures.cc
  t->currency_symbol[u"＄"] = "USD";
  t->currency_symbol[u"￡"] = "GBP";
  t->currency_symbol[u"￥"] = "JPY";
}

void LoadUnits(Tables* t) {
  for (std::string_view line : EmbeddedLines("figures/units.txt")) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string form(line.substr(0, tab));
    std::string canon(line.substr(tab + 1));
    while (!canon.empty() && (canon.front() == '\t' || canon.front() == ' ')) canon.erase(0, 1);
    if (!form.empty() && form[0] == '=') {
      t->unit_cased[form.substr(1)] = canon;
      continue;
    }
    std::vector<std::string> w = SplitWords(form);
    if (w.empty()) continue;
    std::string key;
    for (size_t i = 0; i < w.size(); ++i) key += (i ? " " : "") + w[i];
    t->unit[key] = canon;
    t->max_unit_words = std::max(t->max_unit_words, w.size());
    AddClass(t, w[0], kUnitW);
  }
}

}  // namespace

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    BuildNumberWords(t);
    BuildCalendarWords(t);
    BuildWordLists(t);
    LoadCurrencies(t);
    LoadUnits(t);
    for (const auto& kv : t->cls) {
      if (kv.first.empty()) continue;
      uint32_t k = WordFilterKey(kv.first);
      t->cls_filter[k >> 6] |= uint64_t{1} << (k & 63);
    }
    return t;
  }();
  return *tables;
}

}  // namespace figures_internal
}  // namespace factlens
