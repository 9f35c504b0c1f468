#include "factlens/io.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unicode/utf16.h>

#include "common/strings.h"
#include "factlens/factlist.h"
#include "report/json_values.h"

namespace factlens {
namespace {

// ordered_json: keys come out in insertion order, "schema" first, as in the
// contract (README.md).
using json = nlohmann::ordered_json;

// Decodes one UTF-8 sequence at s[i]; returns its length or 0 if invalid.
int DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { *cp = c; return 1; }
  int len;
  char32_t v;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    v = (v << 6) | (cc & 0x3F);
  }
  if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
      (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return len;
}

// Code points in t[0, end): a surrogate pair counts once, a lone surrogate once.
int64_t CountCodePoints(const std::u16string& t, size_t end) {
  int64_t cps = static_cast<int64_t>(end);
  for (size_t k = 1; k < end; ++k)
    if (U16_IS_TRAIL(t[k]) && U16_IS_LEAD(t[k - 1])) --cps;
  return cps;
}

// Converts paragraph-relative UTF-16 spans to code points of the whole text.
// Paragraphs without surrogates (the usual case) convert in O(1); the others
// keep the positions of their pair trails and convert in O(log n), so writing
// many spans in one huge paragraph stays linear.
class OffsetMapper {
 public:
  explicit OffsetMapper(const Document& doc) : doc_(doc), trails_(doc.paragraphs.size()) {
    const bool have_starts = doc.paragraph_starts.size() == doc.paragraphs.size();
    starts_.reserve(doc.paragraphs.size());
    int64_t base = 0;
    for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const std::u16string& t = doc.paragraphs[p].text;
      for (size_t k = 1; k < t.size(); ++k)
        if (U16_IS_TRAIL(t[k]) && U16_IS_LEAD(t[k - 1]))
          trails_[p].push_back(static_cast<int32_t>(k));
      starts_.push_back(have_starts ? doc.paragraph_starts[p] : base);
      base += static_cast<int64_t>(t.size() - trails_[p].size()) + 1;  // + the "\n"
    }
  }

  // The span clamped to its paragraph and widened so that it never splits a
  // surrogate pair; an out-of-range paragraph gives an invalid span.
  Span Normalize(const Span& span) const {
    Span s = span;
    if (s.paragraph < 0 || s.paragraph >= static_cast<int32_t>(doc_.paragraphs.size()))
      return Span{};
    const std::u16string& t = doc_.paragraphs[s.paragraph].text;
    const int32_t n = static_cast<int32_t>(t.size());
    s.begin = std::clamp(s.begin, 0, n);
    s.end = std::clamp(s.end, s.begin, n);
    if (s.begin > 0 && s.begin < n && U16_IS_TRAIL(t[s.begin]) && U16_IS_LEAD(t[s.begin - 1]))
      --s.begin;
    if (s.end > 0 && s.end < n && U16_IS_TRAIL(t[s.end]) && U16_IS_LEAD(t[s.end - 1])) ++s.end;
    return s;
  }

  int64_t Offset(int32_t paragraph, int32_t utf16_offset) const {
    if (paragraph < 0 || paragraph >= static_cast<int32_t>(starts_.size())) return -1;
    const std::vector<int32_t>& tr = trails_[paragraph];
    const int32_t n = static_cast<int32_t>(doc_.paragraphs[paragraph].text.size());
    utf16_offset = std::clamp(utf16_offset, 0, n);
    // Trails strictly before utf16_offset do not count.
    auto before = std::lower_bound(tr.begin(), tr.end(), utf16_offset) - tr.begin();
    return starts_[paragraph] + utf16_offset - before;
  }

  json SpanJson(const Span& span) const {
    Span s = Normalize(span);
    if (!s.valid()) return json{{"start", 0}, {"end", 0}, {"text", ""}};
    return json{{"start", Offset(s.paragraph, s.begin)},
                {"end", Offset(s.paragraph, s.end)},
                {"text", Utf8(SpanText(doc_, s))}};
  }

  json OptionalSpanJson(const std::optional<Span>& span) const {
    if (!span || !span->valid()) return nullptr;
    return SpanJson(*span);
  }

 private:
  const Document& doc_;
  std::vector<int64_t> starts_;
  std::vector<std::vector<int32_t>> trails_;
};

json StringList(const std::vector<std::u16string>& list) {
  json out = json::array();
  for (const auto& s : list) out.push_back(Utf8(s));
  return out;
}

}  // namespace

bool DocumentFromUtf8(std::string_view utf8, Document* doc, std::string* error) {
  doc->paragraphs.clear();
  doc->paragraph_starts.clear();
  size_t i = 0;
  int64_t cp_offset = 0;
  // A leading BOM is not part of any paragraph, but it is a character of the
  // input (Python's utf-8 codec keeps it), so offsets count it.
  if (utf8.size() >= 3 && utf8.substr(0, 3) == "\xEF\xBB\xBF") {
    i = 3;
    cp_offset = 1;
  }
  size_t line = 1, line_start = 0;
  Paragraph current;
  doc->paragraph_starts.push_back(cp_offset);
  while (i < utf8.size()) {
    // ASCII fast path.
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t cp;
    int len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else {
      len = DecodeUtf8(utf8, i, &cp);
    }
    if (len == 0) {
      if (error) {
        *error = "invalid UTF-8 at byte " + std::to_string(i) + " (line " + std::to_string(line) +
                 ", byte " + std::to_string(i - line_start + 1) + " of the line)";
      }
      doc->paragraphs.clear();
      doc->paragraph_starts.clear();
      return false;
    }
    i += len;
    ++cp_offset;
    if (cp == U'\n') {
      std::u16string& t = current.text;
      if (!t.empty() && t.back() == u'\r') t.pop_back();
      doc->paragraphs.push_back(std::move(current));
      current = Paragraph();
      doc->paragraph_starts.push_back(cp_offset);
      ++line;
      line_start = i;
      continue;
    }
    if (cp < 0x10000) {
      current.text.push_back(static_cast<char16_t>(cp));
    } else {
      current.text.push_back(static_cast<char16_t>(U16_LEAD(cp)));
      current.text.push_back(static_cast<char16_t>(U16_TRAIL(cp)));
    }
  }
  if (!current.text.empty() && current.text.back() == u'\r') current.text.pop_back();
  doc->paragraphs.push_back(std::move(current));
  return true;
}

bool ParseIsoDate(std::string_view text, Date* date) {
  // YYYY-MM-DD, optionally followed by 'T' or ' ' and a time (ignored).
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t k = from; k < from + n; ++k) {
      if (text[k] < '0' || text[k] > '9') return false;
      v = v * 10 + (text[k] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return false;
  *date = Date{y, m, d};
  return true;
}

int64_t CodePointOffset(const Document& doc, int32_t paragraph, int32_t utf16_offset) {
  if (paragraph < 0 || paragraph >= static_cast<int32_t>(doc.paragraphs.size())) return -1;
  int64_t base = 0;
  if (doc.paragraph_starts.size() == doc.paragraphs.size()) {
    base = doc.paragraph_starts[paragraph];
  } else {
    // Paragraphs joined by one "\n": count code points of the earlier ones.
    // (To convert many spans, ReportToJson uses an OffsetMapper instead.)
    for (int32_t p = 0; p < paragraph; ++p) {
      const std::u16string& t = doc.paragraphs[p].text;
      base += CountCodePoints(t, t.size()) + 1;
    }
  }
  const std::u16string& t = doc.paragraphs[paragraph].text;
  size_t end = static_cast<size_t>(
      std::clamp<int32_t>(utf16_offset, 0, static_cast<int32_t>(t.size())));
  return base + CountCodePoints(t, end);
}

namespace {

// The report is written one list element at a time: each element is built as a
// small JSON value, serialised and freed, so the output never exists as one
// JSON tree (which took about 40 bytes per input character). The bytes are those
// of nlohmann's dump of the whole object: compact, or indented by `indent`
// with the element's own lines shifted to its depth.
class JsonWriter {
 public:
  // `sink` receives the output in pieces, in order.
  JsonWriter(int indent, std::function<void(std::string_view)> sink)
      : indent_(indent), sink_(std::move(sink)) {}
  ~JsonWriter() { Flush(); }

  void BeginObject() { buf_ += '{'; }
  void EndObject() {
    if (indent_ >= 0) buf_ += '\n';
    buf_ += '}';
    Flush();
  }
  // A key of the top-level object and a scalar (or small) value.
  void Field(const char* key, const json& value) {
    Key(key);
    Value(value, 1);
  }
  // A key of the top-level object whose value is a list written element by element.
  void BeginList(const char* key) {
    Key(key);
    buf_ += '[';
    list_empty_ = true;
  }
  void Element(const json& value) {
    if (!list_empty_) buf_ += ',';
    if (indent_ >= 0) {
      buf_ += '\n';
      buf_.append(2 * indent_, ' ');
    }
    list_empty_ = false;
    Value(value, 2);
    if (buf_.size() >= kFlushBytes) Flush();
  }
  void EndList() {
    if (!list_empty_ && indent_ >= 0) {
      buf_ += '\n';
      buf_.append(indent_, ' ');
    }
    buf_ += ']';
  }

 private:
  static constexpr size_t kFlushBytes = 1 << 16;

  void Key(const char* key) {
    if (!first_key_) buf_ += ',';
    first_key_ = false;
    if (indent_ >= 0) {
      buf_ += '\n';
      buf_.append(indent_, ' ');
    }
    buf_ += '"';
    buf_ += key;  // keys are plain ASCII literals
    buf_ += indent_ >= 0 ? "\": " : "\":";
  }
  // Appends `value` as if nested `depth` levels deep.
  void Value(const json& value, int depth) {
    const std::string text = value.dump(indent_, ' ', false, json::error_handler_t::replace);
    if (indent_ < 0) {
      buf_ += text;
      return;
    }
    // JSON strings escape their newlines, so every raw newline starts an indented line.
    const size_t pad = static_cast<size_t>(depth * indent_);
    for (char c : text) {
      buf_ += c;
      if (c == '\n') buf_.append(pad, ' ');
    }
  }
  void Flush() {
    if (buf_.empty()) return;
    sink_(buf_);
    buf_.clear();
  }

  const int indent_;
  std::function<void(std::string_view)> sink_;
  std::string buf_;
  bool first_key_ = true;
  bool list_empty_ = true;
};

json EntityJson(const EntityMention& m, const OffsetMapper& map) {
  json e = map.SpanJson(m.span);
  e["type"] = EntityTypeName(m.type);
  e["entity"] = m.entity;
  if (m.outlet) e["outlet"] = true;
  if (!m.title.empty()) e["title"] = Utf8(m.title);
  return e;
}

json EntityListEntryJson(const Entity& e) {
  json j;
  j["id"] = e.id;
  j["type"] = EntityTypeName(e.type);
  j["canonical"] = Utf8(e.canonical);
  j["variants"] = StringList(e.variants);
  j["mentions"] = e.mentions;
  j["descriptors"] = StringList(e.descriptors);
  if (e.outlet) j["outlet"] = true;
  if (e.ambiguous) j["ambiguous"] = true;
  if (e.gender != Gender::kUnknown) j["gender"] = e.gender == Gender::kFemale ? "female" : "male";
  if (!e.spelling_variants.empty()) j["spelling_variants"] = StringList(e.spelling_variants);
  return j;
}

json FigureJson(const Figure& f, const OffsetMapper& map) {
  json j = map.SpanJson(f.span);
  j["kind"] = FigureKindName(f.kind);
  j["value"] = FigureValueJson(f.value);
  j["unit"] = f.unit.empty() ? json(nullptr) : json(f.unit);
  j["approx"] = f.approx;
  if (!f.note.empty()) j["note"] = f.note;
  if (!f.counted.empty()) j["counted"] = Utf8(f.counted);
  return j;
}

json RelationJson(const FigureRelation& r) {
  static const char* kKinds[] = {"range", "change", "comparison"};
  json j;
  j["kind"] = kKinds[static_cast<int>(r.kind)];
  j["from"] = r.from >= 0 ? json(r.from) : json(nullptr);  // unstated start
  j["to"] = r.to;
  if (r.delta >= 0) j["delta"] = r.delta;
  if (r.direction != 0) j["direction"] = r.direction;
  return j;
}

json AttributionJson(const Attribution& a, const OffsetMapper& map) {
  json j;
  j["content"] = map.SpanJson(a.content);
  j["kind"] = AttributionKindName(a.kind);
  j["speaker"] = map.OptionalSpanJson(a.speaker);
  j["speaker_name"] = a.speaker_name.empty() ? json(nullptr) : json(Utf8(a.speaker_name));
  j["cue"] = map.OptionalSpanJson(a.cue);
  j["outlet"] = map.OptionalSpanJson(a.outlet);
  j["vague_source"] = a.vague_source;
  j["confidence"] = std::isfinite(a.confidence) ? a.confidence : 0.0;
  if (a.belief) j["belief"] = true;
  if (a.continuation) j["continuation"] = true;
  return j;
}

json CheckJson(const Check& c, const OffsetMapper& map) {
  json j;
  j["kind"] = c.kind;
  j["message"] = c.message;
  json spans = json::array();
  for (const Span& s : c.spans) spans.push_back(map.SpanJson(s));
  j["spans"] = std::move(spans);
  if (c.holds) j["holds"] = *c.holds;
  if (c.computed) j["computed"] = NumberJson(*c.computed);
  if (!c.tolerance.empty()) j["tolerance"] = c.tolerance;
  return j;
}

// Writes `key`: [to_json(item) for item in items].
template <typename T, typename F>
void WriteList(JsonWriter* w, const char* key, const std::vector<T>& items, F to_json) {
  w->BeginList(key);
  for (const T& item : items) w->Element(to_json(item));
  w->EndList();
}

void WriteReport(const Document& doc, const Report& report, const std::string* id_json,
                 JsonWriter* w) {
  const OffsetMapper map(doc);
  // Field order follows the contract in README.md: "schema" first, then "id",
  // then the lists. Keys beyond the contract (title, note, ...) come after the
  // contract's keys of each object.
  w->BeginObject();
  w->Field("schema", "factlens/1");
  if (id_json) w->Field("id", json::parse(*id_json));
  WriteList(w, "entities", report.entities, [&](const auto& m) { return EntityJson(m, map); });
  WriteList(w, "entity_list", report.entity_list, EntityListEntryJson);
  WriteList(w, "figures", report.figures, [&](const auto& f) { return FigureJson(f, map); });
  WriteList(w, "figure_relations", report.figure_relations, RelationJson);
  WriteList(w, "attributions", report.attributions,
            [&](const auto& a) { return AttributionJson(a, map); });
  WriteList(w, "quoted_terms", report.quoted_terms,
            [&](const QuotedTerm& q) { return map.SpanJson(q.span); });
  WriteList(w, "checks", report.checks, [&](const auto& c) { return CheckJson(c, map); });
  w->EndObject();
}

}  // namespace

std::string ReportToJson(const Document& doc, const Report& report, const std::string* id_json,
                         int indent) {
  std::string out;
  {
    JsonWriter w(indent, [&out](std::string_view piece) { out += piece; });
    WriteReport(doc, report, id_json, &w);
  }
  return out;
}

void WriteReportJson(const Document& doc, const Report& report, const std::string* id_json,
                     int indent, std::ostream& out) {
  JsonWriter w(indent, [&out](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  });
  WriteReport(doc, report, id_json, &w);
}

std::string ReportToText(const Document& doc, const Report& report) {
  std::ostringstream out;
  auto text_of = [&](const Span& s) { return Utf8(SpanText(doc, s)); };

  static const struct {
    EntityType type;
    FactGroupKind group;
  } kGroups[] = {{EntityType::kPerson, FactGroupKind::kPeople},
                 {EntityType::kOrg, FactGroupKind::kOrganisations},
                 {EntityType::kPlace, FactGroupKind::kPlaces},
                 {EntityType::kMisc, FactGroupKind::kOther}};
  for (const auto& group : kGroups) {
    std::ostringstream rows;
    int n = 0;
    for (const Entity& e : report.entity_list) {
      if (e.type != group.type) continue;
      ++n;
      rows << "  " << Utf8(e.canonical) << "  x" << e.mentions;
      if (e.outlet) rows << "  (outlet)";
      std::string also;
      for (const auto& v : e.variants)
        if (v != e.canonical) also += (also.empty() ? "" : ", ") + Utf8(v);
      if (!also.empty()) rows << "  also: " << also;
      for (const auto& d : e.descriptors) rows << "  - " << Utf8(d);
      rows << "\n";
    }
    out << FactGroupTitle(group.group) << " (" << n << ")\n" << rows.str();
  }

  out << "Quotes and statements (" << report.attributions.size() << ")\n";
  for (const Attribution& a : report.attributions) {
    std::string who = !a.speaker_name.empty() ? Utf8(a.speaker_name)
                      : a.speaker             ? text_of(*a.speaker) + " (unresolved)"
                      : a.vague_source        ? "(vague source)"
                                              : "(no speaker)";
    out << "  " << who << " [" << AttributionKindName(a.kind);
    if (a.outlet) out << ", via " << text_of(*a.outlet);
    out << "]: " << text_of(a.content) << "\n";
  }

  out << "Figures (" << report.figures.size() << ")\n";
  for (const Figure& f : report.figures) {
    out << "  " << FigureKindName(f.kind) << "  " << text_of(f.span) << "  = "
        << FigureValueJson(f.value).dump() << (f.unit.empty() ? "" : " " + f.unit)
        << (f.approx ? " (approx)" : "");
    if (!f.note.empty()) out << "  [" << f.note << "]";
    out << "\n";
  }

  out << "Checks (" << report.checks.size() << ")\n";
  for (const Check& c : report.checks) {
    out << "  " << c.kind;
    if (c.holds) out << (*c.holds ? " (holds)" : " (does not hold)");
    out << ": " << c.message << "\n";
  }
  return out.str();
}

// ---------------------------------------------------------------- jsonl lines
namespace {

// nlohmann's message without its "[json.exception.name.N] " prefix.
std::string WithoutExceptionPrefix(const std::string& what) {
  size_t close = what.find("] ");
  return what.rfind("[json.exception", 0) == 0 && close != std::string::npos
             ? what.substr(close + 2)
             : what;
}

// nlohmann's parse_error text without its "[json.exception...] parse error at
// line 1, column N:" prefix (the line is the caller's to name).
std::string ParseErrorText(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  size_t colon = what.find(": ");
  if (what.rfind("[json.exception", 0) == 0 && colon != std::string::npos)
    what = what.substr(colon + 2);
  return "malformed JSON at byte " + std::to_string(e.byte) + " of the line: " + what;
}

// The line's "reference_datetime" into doc->reference_date (absent or null:
// default_date); false when it is not an ISO date string.
bool ReadReferenceDate(const nlohmann::json& obj, const std::optional<Date>& default_date,
                       Document* doc) {
  doc->reference_date = default_date;
  auto ref = obj.find("reference_datetime");
  if (ref == obj.end() || ref->is_null()) return true;
  Date date;
  if (!ref->is_string() || !ParseIsoDate(ref->get_ref<const std::string&>(), &date))
    return false;
  doc->reference_date = date;
  return true;
}

}  // namespace

bool DocumentFromJsonLine(std::string_view line, const std::optional<Date>& default_date,
                          Document* doc, std::string* id_json, std::string* error) {
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    *error = ParseErrorText(e);
    return false;
  } catch (const nlohmann::json::exception& e) {  // a number beyond double: out_of_range
    *error = "malformed JSON: " + WithoutExceptionPrefix(e.what());
    return false;
  }
  if (!obj.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  auto id = obj.find("id");
  if (id != obj.end())
    *id_json = id->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  auto text = obj.find("text");
  if (text == obj.end() || !text->is_string()) {
    *error = "missing string field \"text\"";
    return false;
  }
  if (!DocumentFromUtf8(text->get_ref<const std::string&>(), doc, error)) return false;
  if (!ReadReferenceDate(obj, default_date, doc)) {
    *error = "\"reference_datetime\" is not an ISO date (YYYY-MM-DD...)";
    return false;
  }
  return true;
}

std::string JsonLineErrorToJson(int64_t line_no, const std::string& id_json,
                                const std::string& error) {
  nlohmann::ordered_json err;
  err["schema"] = "factlens/1";
  if (!id_json.empty()) err["id"] = nlohmann::ordered_json::parse(id_json);
  err["line"] = line_no;
  err["error"] = error;
  return err.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace factlens
