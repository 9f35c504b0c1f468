// Times of day: "2pm", "14:30", "10 a.m.", "7 o'clock".
#include "figures/scanner.h"

#include <cstdio>
#include <string>

namespace factlens {
namespace figures_internal {

// The hour of a time at i: "2", "14", "2.15" (one lexeme: hour . minutes), "1140"
// / "0730" before "am"/"pm". Returns false if none; sets *h and *mi.
bool Scanner::ReadHour(int i, int* h, int* mi) const {
  const Lex* a = L(i);
  if (a->low.size() <= 2) {
    *h = IntAt(i, 2);
    return true;
  }
  const std::string& t = a->low;
  size_t dot = t.find('.');
  if (dot != std::string::npos && dot <= 2 && t.size() - dot - 1 == 2 &&
      t.find_first_of(".,", dot + 1) == std::string::npos) {
    *h = std::stoi(t.substr(0, dot));
    *mi = std::stoi(t.substr(dot + 1));
    return true;
  }
  if (t.size() == 4 && t.find_first_of(".,") == std::string::npos) {
    *h = std::stoi(t.substr(0, 2));
    *mi = std::stoi(t.substr(2));
    int k = i + 1;
    if (!(L(k) && (Is(k, "am") || Is(k, "pm") || Is(k, "a") || Is(k, "p") || ZoneAt(k)))) *h = -1;
    return true;
  }
  return false;
}

// ":30" and ":15" after the hour (k: after it). Returns the end, or -1 for a bad
// clock; sets *mi, *s and *colon.
int Scanner::ReadMinutes(int k, int* mi, int* s, bool* colon) const {
  if (!(IsSym(k, ":") && Adj(k) && L(k + 1) && L(k + 1)->type == kNum && Adj(k + 1) &&
        L(k + 1)->low.size() == 2))
    return k;
  *mi = IntAt(k + 1, 2);
  if (*mi < 0 || *mi > 59) return -1;
  k += 2;
  *colon = true;
  if (IsSym(k, ":") && Adj(k) && L(k + 1) && L(k + 1)->type == kNum && L(k + 1)->low.size() == 2) {
    *s = IntAt(k + 1, 2);
    if (*s > 59) return -1;
    k += 2;
  }
  return k;
}

// am / pm / a.m. / p.m. / a . m . / o'clock at k: the end, *ampm 1 (am), 2 (pm),
// 3 (o'clock) or 0 (none, the end is k; also for "PM" glued to a capitalised word).
int Scanner::ReadDayHalf(int k, int* ampm) const {
  *ampm = 0;
  const Lex* w = L(k);
  if (!w || w->type != kWord) return k;
  if (w->low == "am"sv || w->low == "pm"sv) {
    *ampm = w->low == "am"sv ? 1 : 2;
    return k + 1;
  }
  // A scraped page's "10:01PMAda": the capitals glued to the next line's first word
  // give the half of the day; the time ends before them.
  const std::string& r = w->raw;
  if (Adj(k) && r.size() > 2 && (r[0] == 'A' || r[0] == 'P') && r[1] == 'M' && r[2] >= 'A' &&
      r[2] <= 'Z') {
    *ampm = r[0] == 'A' ? 1 : 2;
    return k;
  }
  if ((w->low == "a"sv || w->low == "p"sv) && IsSym(k + 1, ".") && Is(k + 2, "m")) {
    *ampm = w->low == "a"sv ? 1 : 2;
    int e = k + 3;
    if (IsSym(e, ".")) {
      // Keep the final period only when it is not the sentence's full stop.
      const Lex* after = L(e + 1);
      if (after && (!(after->type == kWord && after->upper) || (after->cls & kWeekday) ||
                    ZoneAt(e + 1) || ZoneNameAt(e + 1)))
        ++e;
      else if (!after) ++e;
    }
    return e;
  }
  if (w->low == "oclock"sv ||
      (w->low == "o"sv && IsApostrophe(k + 1) && Is(k + 2, "clock"))) {
    *ampm = 3;
    return w->low == "oclock"sv ? k + 1 : k + 3;
  }
  return k;
}

// "9-10 am", "5 to 6pm", "11-1 pm": one time range whose am/pm follows its upper
// end; an upper hour below the lower one puts the lower before noon.
// "between 0730-0930", "from 0800 to 1200": two 24-hour clock times of four digits, the
// first with a leading zero (no year has one), after "between" or "from".
int Scanner::MatchMilitaryRange(int i) {
  const Lex* a = L(i);
  if (a->low.size() != 4 || a->low[0] != '0' || !(Is(i - 1, "between") || Is(i - 1, "from")))
    return -1;
  if (!((IsDash(i + 1) && Adj(i + 1) && Adj(i + 2)) || Is(i + 1, "to") || Is(i + 1, "and")))
    return -1;
  int x = IntAt(i, 4), y = IntAt(i + 2, 4);
  if (x < 0 || y < 0 || L(i + 2)->low.size() != 4 || x % 100 > 59 || y % 100 > 59 || x / 100 > 23 ||
      y / 100 > 24 || (L(i + 3) && Adj(i + 3) && L(i + 3)->type != kSym))
    return -1;
  char b1[8], b2[8];
  std::snprintf(b1, sizeof b1, "%02d:%02d", x / 100, x % 100);
  std::snprintf(b2, sizeof b2, "%02d:%02d", y / 100 % 24, y % 100);
  Emit(i - 1, i + 3, FigureKind::kTime, StrRange(b1, b2), "", false);
  return i + 3;
}

int Scanner::MatchTimeRange(int i) {
  int military = MatchMilitaryRange(i);
  if (military >= 0) return military;
  if (!(L(i)->low.size() <= 2 && ((IsDash(i + 1) && Adj(i + 1) && Adj(i + 2)) || Is(i + 1, "to"))))
    return -1;
  const Lex* b = L(i + 2);
  if (!b || b->type != kNum || b->low.size() > 2) return -1;
  int ampm = 0;
  int e = ReadDayHalf(i + 3, &ampm);
  int h1 = IntAt(i, 2), h2 = IntAt(i + 2, 2);
  if (!(ampm == 1 || ampm == 2) || h1 < 1 || h1 > 12 || h2 < 1 || h2 > 12 || h1 == h2)
    return -1;
  auto to24 = [](int h, int half) { return half == 1 ? h % 12 : h % 12 + 12; };
  int hi = to24(h2, ampm);
  int lo = to24(h1, h1 > h2 && h2 != 12 ? 1 : ampm);
  char b1[8], b2[8];
  std::snprintf(b1, sizeof b1, "%02d:00", lo);
  std::snprintf(b2, sizeof b2, "%02d:00", hi);
  Emit(i, e, FigureKind::kTime, StrRange(b1, b2), "", false);
  return e;
}

// A race time "3:29.417", "14:51.06": minutes and seconds with a fraction, a duration
// in seconds. Returns the end, or -1.
int Scanner::MatchRaceTime(int i) {
  const Lex* m = L(i);
  const Lex* sec = L(i + 2);
  if (!m || m->type != kNum || m->low.size() > 3 || !IsSym(i + 1, ":") || !Adj(i + 1) || !sec ||
      sec->type != kNum || !Adj(i + 2) || sec->low.size() < 4 || sec->low[2] != '.')
    return -1;
  const int minutes = IntAt(i, 3);
  const double seconds = ParseDouble(sec->low);
  if (minutes < 0 || !(seconds >= 0 && seconds < 60)) return -1;
  Emit(i, i + 3, FigureKind::kDuration, Num(minutes * 60 + seconds), "second", false,
       "minutes and seconds");
  return i + 3;
}

int Scanner::TryTime(int i) {
  const Lex* a = L(i);
  if (!a || a->type != kNum) return -1;
  int race = MatchRaceTime(i);
  if (race >= 0) return race;
  int range = MatchTimeRange(i);
  if (range >= 0) return range;
  int h = -1, mi = 0, s = -1;
  bool colon = false;
  if (!ReadHour(i, &h, &mi)) return -1;
  if (h < 0 || h > 24 || mi > 59) return -1;
  int k = ReadMinutes(i + 1, &mi, &s, &colon);
  if (k < 0) return -1;
  int ampm = 0;
  int e = ReadDayHalf(k, &ampm);
  // "around the 3:40 mark", "at the 1:30 mark": minutes and seconds into a recording
  if (colon && ampm == 0 && s < 0 && Is(k, "mark")) {
    Emit(i, k, FigureKind::kDuration, Num(h * 60 + mi), "second", false, "a point in a recording");
    return k;
  }
  bool zone = ZoneAt(e);
  if (ampm == 0 && !colon && !(zone && a->low.size() == 4)) return -1;
  // "5. A Rider (Country) Team 1:23", "1. A Runner 2:08:12": in a ranked results line a
  // time is what the race took, or the gap to the winner, not a time of day.
  if (ampm == 0 && colon && !zone && RankedLine()) {
    const double seconds = s >= 0 ? h * 3600 + mi * 60 + s : h * 60 + mi;
    Emit(i, k, FigureKind::kDuration, Num(seconds), "second", false,
         "a time in a ranked results line");
    return k;
  }
  if (ampm == 0 && colon) {
    // "14:30" but not a score ("3:1") or a ratio; hour must be two-digit or minutes given.
    const Lex* p = L(i - 1);
    // "23.04.2022 14:55"; not a clock glued to a word ("11:42PMMaria": a scraped page).
    bool after_date = p && !out_.empty() && out_.back().kind == FigureKind::kDate &&
                      out_.back().span.end == p->e && !(L(k) && Adj(k) && L(k)->type == kWord);
    if (p && p->type == kNum && !after_date) return -1;
    if (IsSym(i - 1, ":")) return -1;
  }
  if (ampm == 1 || ampm == 2) {
    if (h < 1 || h > 12) return -1;
    if (ampm == 1 && h == 12) h = 0;
    if (ampm == 2 && h != 12) h += 12;
  }
  if (h == 24) h = 0;
  if ((ampm == 3 || (ampm == 0 && colon)) && h >= 1 && h < 12 && LaterPartOfDay(e)) h += 12;
  char buf[40];
  if (s >= 0) std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, mi, s);
  else std::snprintf(buf, sizeof buf, "%02d:%02d", h, mi);
  int b = i;
  bool approx = false;
  int ab = -1;
  // "about 2pm", "around 10 a.m."
  for (int back = 1; back <= 3; ++back) {
    if (i - back >= 0 && MatchApprox(i - back) == i) ab = i - back;
  }
  if (ab >= 0) {
    b = ab;
    approx = true;
  }
  std::string unit;
  if (zone) unit = lx_[e].raw, ++e;  // "0200 GMT", "10 a.m. ET": the stated zone
  Emit(b, e, FigureKind::kTime, Str(buf), unit, approx);
  return e;
}

// The paragraph is a line of ranked results: it opens with a rank ("5.", "6=") and a
// word after it.
bool Scanner::RankedLine() const {
  const Lex* rank = L(0);
  const Lex* word = L(2);
  return rank && rank->type == kNum && rank->low.size() <= 3 && (IsSym(1, ".") || IsSym(1, "=")) &&
         Adj(1) && word && word->type == kWord;
}

// A time zone written after a clock time, in capitals: "GMT", "UTC", "ET", "EDT".
bool Scanner::ZoneAt(int k) const {
  const Lex* z = L(k);
  if (!z || z->type != kWord || !z->allcaps || z->low.size() < 2 || z->low.size() > 4)
    return false;
  static constexpr std::string_view kZones[] = {
      "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst",
      "pdt", "bst", "cet", "cest", "eet", "eest", "jst", "hkt", "sgt", "aest", "ist", "msk"};
  for (std::string_view w : kZones)
    if (z->low == w) return true;
  return false;
}

// A zone's name after a time: "9 a.m. Eastern", "noon Pacific time" (the abbreviation
// before it keeps its period).
bool Scanner::ZoneNameAt(int k) const {
  return Is(k, "eastern") || Is(k, "pacific") || Is(k, "central") || Is(k, "mountain") ||
         (Is(k, "e") && IsSym(k + 1, ".") && Is(k + 2, "t"));  // "E.T."
}

// "o'clock this afternoon", "6:30 in the evening", "8 o'clock tonight": the
// afternoon or evening hour (k: after the time).
bool Scanner::LaterPartOfDay(int k) const {
  auto later = [&](int j) {
    return Is(j, "afternoon") || Is(j, "evening") || Is(j, "night");
  };
  return Is(k, "tonight") || (Is(k, "this") && later(k + 1)) ||
         (Is(k, "in") && Is(k + 1, "the") && later(k + 2)) || (Is(k, "at") && Is(k + 1, "night"));
}

// "at noon", "by midnight".
int Scanner::MatchNoonOrMidnight(int i) {
  const Lex& l = lx_[i];
  if (!(l.type == kWord && (l.low == "noon"sv || l.low == "midnight"sv) && i > 0)) return -1;
  const Lex& p = lx_[i - 1];
  if (!(p.type == kWord &&
        (p.low == "at"sv || p.low == "by"sv || p.low == "until"sv || p.low == "before"sv ||
         p.low == "after"sv || p.low == "from"sv || p.low == "to"sv || p.low == "around"sv ||
         p.low == "about"sv || p.low == "till"sv)))
    return -1;
  Emit(i, i + 1, FigureKind::kTime, Str(l.low == "noon"sv ? "12:00" : "00:00"), "", false);
  return i + 1;
}

// A spelled clock time "three thirty", "two forty-five", "one fifteen p.m." (i: the
// hour, 1-12; the minutes 10-59 in words). Read only after "at" / "from" / "until" /
// "till", or after "to" / "and" that follows a time ("from three thirty to four
// thirty"), and only where nothing but a stop word, a day half or punctuation follows
// ("from two thirty-somethings", "at one fifteen degrees" stay numbers). Without am / pm
// or a later part of the day the hour is read as written ("03:30").
int Scanner::MatchSpelledClock(int i) {
  const int h = t_.cardinal.at(lx_[i].low);
  int minutes = t_.cardinal.at(L(i + 1)->low);
  int e = i + 2;
  if (minutes >= 20 && minutes % 10 == 0) {
    int u = IsDash(e) && Adj(e) && Adj(e + 1) ? e + 1 : e;
    int unit = Has(u, kCardinal) ? t_.cardinal.at(L(u)->low) : 10;
    if (unit < 10) minutes += unit, e = u + 1;
  }
  if (h < 1 || h > 12 || minutes < 10 || minutes > 59) return -1;
  bool after_time = !out_.empty() && out_.back().kind == FigureKind::kTime && i >= 2 &&
                    out_.back().span.end == lx_[i - 2].e;
  if (!(Is(i - 1, "at") || Is(i - 1, "from") || Is(i - 1, "until") || Is(i - 1, "till") ||
        ((Is(i - 1, "to") || Is(i - 1, "and")) && after_time)))
    return -1;
  int ampm = 0;
  int end = ReadDayHalf(e, &ampm);
  const Lex* n = L(end);
  if (n && !(n->type == kSym ? !(IsDash(end) && Adj(end)) : (n->cls & (kStop | kPartDayW |
                                                                       kRelDay | kWeekday))))
    return -1;
  int hh = h;
  if (ampm == 1 && hh == 12) hh = 0;
  if (hh < 12 && (ampm == 2 || (ampm != 1 && LaterPartOfDay(end)))) hh += 12;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hh, minutes);
  Emit(i, end, FigureKind::kTime, Str(buf), "", false);
  return end;
}

// Clock words: "half past 9", "quarter to seven", "10 past 9", "15 past seven
// o'clock", "at mid night". The minutes before "past"/"to" are a number or "half"/
// "quarter"; the hour is 1-12 in digits or words.
int Scanner::MatchClockWords(int b) {
  const Lex& first = lx_[b];
  // "a quarter to seven": the article is inside the span.
  int i = first.low == "a"sv && Is(b + 1, "quarter") ? b + 1 : b;
  const Lex& l = lx_[i];
  if (!(l.type == kNum || (l.cls & (kCardinal | kFractionW)) || l.low == "mid"sv)) return -1;
  if (l.low == "mid"sv) {
    if (!(Is(i + 1, "night") && (Is(i - 1, "at") || Is(i - 1, "by") || Is(i - 1, "after"))))
      return -1;
    Emit(i, i + 2, FigureKind::kTime, Str("00:00"), "", false);
    return i + 2;
  }
  if ((l.cls & kCardinal) && Has(i + 1, kCardinal)) return MatchSpelledClock(i);
  if ((l.cls & kCardinal) && !Is(i + 1, "past")) {  // "three o'clock", "eight o'clock"
    int ampm = 0;
    int e = ReadDayHalf(i + 1, &ampm);
    int h = t_.cardinal.at(l.low);
    if (ampm != 3 || h < 1 || h > 12) return -1;
    if (h < 12 && LaterPartOfDay(e)) h += 12;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:00", h);
    Emit(b, e, FigureKind::kTime, Str(buf), "", false);
    return e;
  }
  bool past = Is(i + 1, "past");
  if (!past && !(Is(i + 1, "to") && (l.low == "quarter"sv || l.low == "half"sv))) return -1;
  int minutes = l.low == "half"sv ? 30 : l.low == "quarter"sv ? 15 : -1;
  if (minutes < 0 && l.type == kNum) minutes = IntAt(i, 2);
  else if (minutes < 0 && t_.cardinal.count(l.low)) minutes = t_.cardinal.at(l.low);
  if (l.low == "half"sv && !past) return -1;
  if (minutes < 1 || minutes > 59) return -1;
  const Lex* hl = L(i + 2);
  int h = !hl ? -1 : hl->type == kNum ? IntAt(i + 2, 2)
                   : (hl->cls & kCardinal) ? t_.cardinal.at(hl->low) : -1;
  if (h < 1 || h > 12 || Has(i + 3, kDurationW)) return -1;
  int ampm = 0;
  int e = ReadDayHalf(i + 3, &ampm);
  int total = past ? h * 60 + minutes : h * 60 - minutes;
  int hh = total / 60;
  if (ampm == 1 && hh == 12) hh = 0;
  if (hh < 12 && (ampm == 2 || (ampm != 1 && LaterPartOfDay(e)))) hh += 12;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hh, total % 60);
  Emit(b, e, FigureKind::kTime, Str(buf), "", false);
  return e;
}

}  // namespace figures_internal
}  // namespace factlens
