#include "factlens/io.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "common/calendar.h"
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

 private:
  const Document& doc_;
  std::vector<int64_t> starts_;
  std::vector<std::vector<int32_t>> trails_;
};

}  // namespace

namespace {

// The UTF-8 bytes of one line (no '\n') as UTF-16, written at `out`, which has
// room for line.size() code units (a code unit is never longer than its bytes);
// returns the end, or nullptr with *bad at the first invalid byte's offset.
char16_t* LineToUtf16(std::string_view line, char16_t* out, size_t* bad) {
  for (size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {  // ASCII fast path
      *out++ = c;
      ++i;
      continue;
    }
    char32_t cp;
    const int len = DecodeUtf8(line, i, &cp);
    if (len == 0) {
      *bad = i;
      return nullptr;
    }
    i += static_cast<size_t>(len);
    if (cp < 0x10000) {
      *out++ = static_cast<char16_t>(cp);
    } else {
      *out++ = static_cast<char16_t>(U16_LEAD(cp));
      *out++ = static_cast<char16_t>(U16_TRAIL(cp));
    }
  }
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
  const size_t lines = static_cast<size_t>(std::count(utf8.begin() + i, utf8.end(), '\n')) + 1;
  doc->paragraphs.reserve(lines);
  doc->paragraph_starts.reserve(lines);
  size_t line_start = 0;  // the first line counts its bytes from 0, a BOM's too
  for (size_t line = 1;; ++line) {
    size_t end = utf8.find('\n', i);
    if (end == std::string_view::npos) end = utf8.size();
    const std::string_view bytes = utf8.substr(i, end - i);
    // Sized once to the line's bytes, the most UTF-16 units it can have.
    std::u16string text(bytes.size(), u'\0');
    size_t bad = 0;
    const char16_t* text_end = LineToUtf16(bytes, text.data(), &bad);
    if (text_end == nullptr) {
      if (error) {
        *error = "invalid UTF-8 at byte " + std::to_string(i + bad) + " (line " +
                 std::to_string(line) + ", byte " + std::to_string(i + bad - line_start + 1) +
                 " of the line)";
      }
      doc->paragraphs.clear();
      doc->paragraph_starts.clear();
      return false;
    }
    text.resize(static_cast<size_t>(text_end - text.data()));
    doc->paragraph_starts.push_back(cp_offset);
    cp_offset += CountCodePoints(text, text.size()) + 1;  // + the "\n"
    if (!text.empty() && text.back() == u'\r') text.pop_back();
    doc->paragraphs.push_back(Paragraph{std::move(text)});
    if (end == utf8.size()) break;
    i = line_start = end + 1;
  }
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
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return false;
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

// An append-only byte buffer written through a pointer: Reserve(n) gives room
// for n more bytes, Commit(end) keeps what was written up to `end`. Writing a
// string byte by byte into a std::string or std::vector reloads and stores the
// container's size for every byte (a char store may alias it); here a writer
// keeps its position in a local.
class ByteBuffer {
 public:
  char* Reserve(size_t n) {
    if (capacity_ - size_ < n) Grow(n);
    return data_.get() + size_;
  }
  void Commit(char* end) { size_ = static_cast<size_t>(end - data_.get()); }
  void Append(std::string_view s) {
    char* out = Reserve(s.size());
    std::memcpy(out, s.data(), s.size());
    size_ += s.size();
  }
  size_t size() const { return size_; }
  void Truncate(size_t size) { size_ = size; }
  std::string_view view() const { return std::string_view(data_.get(), size_); }

 private:
  void Grow(size_t n) {
    const size_t capacity = std::max({capacity_ * 2, size_ + n, size_t{4096}});
    std::unique_ptr<char[]> data(new char[capacity]);
    if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// The report is written straight from the Report: no JSON tree, whole or per
// element (the tree took about 40 bytes per input character and a sixth of the
// command's time). The bytes are those nlohmann's dump gave for the ordered_json
// tree of earlier versions: compact, or indented by `indent`; strings escaped
// as nlohmann escapes them (a string that is not valid UTF-8 goes through
// nlohmann with U+FFFD replacement), doubles dumped by nlohmann (a whole number
// is written as an integer by NumberJson's rule, WrittenAsInteger).
class JsonWriter {
 public:
  // `sink` receives the output in pieces (about 64 KB), in order.
  JsonWriter(int indent, std::function<void(std::string_view)> sink)
      : indent_(indent), sink_(std::move(sink)) {}
  ~JsonWriter() { Flush(); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Keys are plain ASCII literals (a literal's length is known where it is written).
  void Key(std::string_view key) {
    Item();
    char* out = buf_.Reserve(key.size() + 4);
    *out++ = '"';
    out = std::copy(key.begin(), key.end(), out);
    *out++ = '"';
    *out++ = ':';
    if (indent_ >= 0) *out++ = ' ';
    buf_.Commit(out);
    after_key_ = true;
  }
  void String(std::string_view utf8) {
    Item();
    if (!AppendEscaped(utf8)) {
      buf_.Append(json(std::string(utf8)).dump(-1, ' ', false, json::error_handler_t::replace));
    }
  }
  // UTF-16 text as Utf8() converts it (a lone surrogate becomes U+FFFD).
  void String(std::u16string_view text) {
    Item();
    // At most 6 bytes a code unit (an escaped control character), and the quotes.
    char* out = buf_.Reserve(6 * text.size() + 2);
    *out++ = '"';
    for (size_t i = 0; i < text.size(); ++i) {
      char32_t c = text[i];
      if (c < 0x80) {
        out = WriteAscii(static_cast<char>(c), out);
        continue;
      }
      if (U16_IS_SURROGATE(c)) {
        if (U16_IS_LEAD(c) && i + 1 < text.size() && U16_IS_TRAIL(text[i + 1])) {
          c = U16_GET_SUPPLEMENTARY(c, text[i + 1]);
          ++i;
        } else {
          c = 0xFFFD;
        }
      }
      size_t n = 0;
      U8_APPEND_UNSAFE(out, n, c);
      out += n;
    }
    *out++ = '"';
    buf_.Commit(out);
  }
  void Int(int64_t v) {
    Item();
    char* out = buf_.Reserve(24);
    buf_.Commit(std::to_chars(out, out + 24, v).ptr);
  }
  void Bool(bool v) {
    Item();
    buf_.Append(v ? "true" : "false");
  }
  void Null() {
    Item();
    buf_.Append("null");
  }
  // A double as nlohmann dumps it.
  void Double(double v) {
    Item();
    buf_.Append(json(v).dump());
  }
  // Any other value, dumped by nlohmann at the current depth.
  void Value(const json& value) {
    Item();
    const std::string text = value.dump(indent_, ' ', false, json::error_handler_t::replace);
    if (indent_ < 0) {
      buf_.Append(text);
      return;
    }
    // JSON strings escape their newlines, so every raw newline starts an indented line.
    const size_t pad = depth_ * static_cast<size_t>(indent_);
    for (char c : text) {
      buf_.Append(std::string_view(&c, 1));
      if (c == '\n') AppendSpaces(pad);
    }
  }
  void MaybeFlush() {
    if (buf_.size() >= kFlushBytes) Flush();
  }
  void Flush() {
    if (buf_.size() == 0) return;
    sink_(buf_.view());
    buf_.Truncate(0);
  }

 private:
  static constexpr size_t kFlushBytes = 1 << 16;

  // Before a key, an array element or a top-level value.
  void Item() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (!empty_.back()) buf_.Append(",");
    empty_.back() = false;
    NewLine(depth_);
  }
  void NewLine(size_t depth) {
    if (indent_ < 0) return;
    buf_.Append("\n");
    AppendSpaces(depth * static_cast<size_t>(indent_));
  }
  void AppendSpaces(size_t n) {
    char* out = buf_.Reserve(n);
    buf_.Commit(std::fill_n(out, n, ' '));
  }
  void Open(char c) {
    Item();
    buf_.Append(std::string_view(&c, 1));
    empty_.push_back(true);
    ++depth_;
  }
  void Close(char c) {
    --depth_;
    if (!empty_.back()) NewLine(depth_);
    empty_.pop_back();
    buf_.Append(std::string_view(&c, 1));
  }
  // An ASCII character, escaped as nlohmann escapes it, at `out` (up to 6
  // bytes); returns the end.
  static char* WriteAscii(char c, char* out) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return WriteEscape(c, out);
    *out++ = c;
    return out;
  }
  static char* WriteEscape(char c, char* out) {
    static const char kHex[] = "0123456789abcdef";
    *out++ = '\\';
    switch (c) {
      case '"': *out++ = '"'; return out;
      case '\\': *out++ = '\\'; return out;
      case '\b': *out++ = 'b'; return out;
      case '\f': *out++ = 'f'; return out;
      case '\n': *out++ = 'n'; return out;
      case '\r': *out++ = 'r'; return out;
      case '\t': *out++ = 't'; return out;
      default: break;
    }
    *out++ = 'u';
    *out++ = '0';
    *out++ = '0';
    *out++ = kHex[(c >> 4) & 0xF];
    *out++ = kHex[c & 0xF];
    return out;
  }
  // The quoted, escaped string; false (nothing appended) if it is not valid UTF-8.
  bool AppendEscaped(std::string_view s) {
    // At most 6 bytes a byte (an escaped control character), and the quotes.
    char* out = buf_.Reserve(6 * s.size() + 2);
    *out++ = '"';
    for (size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        out = WriteAscii(static_cast<char>(c), out);
        ++i;
        continue;
      }
      char32_t cp;
      const int len = DecodeUtf8(s, i, &cp);
      if (len == 0) return false;
      out = std::copy_n(s.data() + i, len, out);
      i += static_cast<size_t>(len);
    }
    *out++ = '"';
    buf_.Commit(out);
    return true;
  }

  const int indent_;
  std::function<void(std::string_view)> sink_;
  ByteBuffer buf_;
  std::vector<char> empty_;  // per open container: nothing written in it yet
  size_t depth_ = 0;
  bool after_key_ = false;
};

// {"start", "end", "text"} of a span in code points of the whole text.
void WriteSpanFields(const Span& span, const Document& doc, const OffsetMapper& map,
                     JsonWriter* w) {
  const Span s = map.Normalize(span);
  if (!s.valid()) {
    w->Key("start"), w->Int(0), w->Key("end"), w->Int(0), w->Key("text"), w->String("");
    return;
  }
  w->Key("start"), w->Int(map.Offset(s.paragraph, s.begin));
  w->Key("end"), w->Int(map.Offset(s.paragraph, s.end));
  w->Key("text");
  const std::u16string& t = doc.paragraphs[s.paragraph].text;
  w->String(std::u16string_view(t).substr(s.begin, s.end - s.begin));
}

void WriteSpan(const Span& span, const Document& doc, const OffsetMapper& map, JsonWriter* w) {
  w->BeginObject();
  WriteSpanFields(span, doc, map, w);
  w->EndObject();
}

void WriteOptionalSpan(const std::optional<Span>& span, const Document& doc,
                       const OffsetMapper& map, JsonWriter* w) {
  if (!span || !span->valid()) return w->Null();
  WriteSpan(*span, doc, map, w);
}

void WriteStringList(const std::vector<std::u16string>& list, JsonWriter* w) {
  w->BeginArray();
  for (const std::u16string& s : list) w->String(s);
  w->EndArray();
}

void WriteEntity(const EntityMention& m, const Document& doc, const OffsetMapper& map,
                 JsonWriter* w) {
  w->BeginObject();
  WriteSpanFields(m.span, doc, map, w);
  w->Key("type"), w->String(EntityTypeName(m.type));
  w->Key("entity"), w->Int(m.entity);
  if (m.outlet) w->Key("outlet"), w->Bool(true);
  if (!m.title.empty()) w->Key("title"), w->String(m.title);
  w->EndObject();
}

void WriteEntityListEntry(const Entity& e, JsonWriter* w) {
  w->BeginObject();
  w->Key("id"), w->Int(e.id);
  w->Key("type"), w->String(EntityTypeName(e.type));
  w->Key("canonical"), w->String(e.canonical);
  w->Key("variants"), WriteStringList(e.variants, w);
  w->Key("mentions"), w->Int(e.mentions);
  w->Key("descriptors"), WriteStringList(e.descriptors, w);
  if (e.outlet) w->Key("outlet"), w->Bool(true);
  if (e.ambiguous) w->Key("ambiguous"), w->Bool(true);
  if (e.gender != Gender::kUnknown)
    w->Key("gender"), w->String(e.gender == Gender::kFemale ? "female" : "male");
  if (!e.spelling_variants.empty())
    w->Key("spelling_variants"), WriteStringList(e.spelling_variants, w);
  w->EndObject();
}

// NumberJson(v), written without a JSON tree.
void WriteNumber(double v, JsonWriter* w) {
  if (!std::isfinite(v)) return w->Null();
  if (WrittenAsInteger(v)) return w->Int(static_cast<int64_t>(v));
  w->Double(v);
}

// FigureValueJson(v), written without a JSON tree.
void WriteFigureValue(const FigureValue& v, JsonWriter* w) {
  switch (v.type) {
    case FigureValue::Type::kNone: return w->Null();
    case FigureValue::Type::kNumber: return WriteNumber(v.lo, w);
    case FigureValue::Type::kString: return w->String(v.str_lo);
    case FigureValue::Type::kNumberRange:
      w->BeginArray(), WriteNumber(v.lo, w), WriteNumber(v.hi, w), w->EndArray();
      return;
    case FigureValue::Type::kStringRange:
      w->BeginArray(), w->String(v.str_lo), w->String(v.str_hi), w->EndArray();
      return;
  }
  w->Null();
}

void WriteFigure(const Figure& f, const Document& doc, const OffsetMapper& map, JsonWriter* w) {
  w->BeginObject();
  WriteSpanFields(f.span, doc, map, w);
  w->Key("kind"), w->String(FigureKindName(f.kind));
  w->Key("value"), WriteFigureValue(f.value, w);
  w->Key("unit");
  if (f.unit.empty()) w->Null();
  else w->String(f.unit);
  w->Key("approx"), w->Bool(f.approx);
  if (!f.note.empty()) w->Key("note"), w->String(f.note);
  if (!f.counted.empty()) w->Key("counted"), w->String(f.counted);
  w->EndObject();
}

void WriteRelation(const FigureRelation& r, JsonWriter* w) {
  static const char* kKinds[] = {"range", "change", "comparison"};
  w->BeginObject();
  w->Key("kind"), w->String(kKinds[static_cast<int>(r.kind)]);
  w->Key("from");
  if (r.from >= 0) w->Int(r.from);
  else w->Null();  // unstated start
  w->Key("to"), w->Int(r.to);
  if (r.delta >= 0) w->Key("delta"), w->Int(r.delta);
  if (r.direction != 0) w->Key("direction"), w->Int(r.direction);
  w->EndObject();
}

void WriteAttribution(const Attribution& a, const Document& doc, const OffsetMapper& map,
                      JsonWriter* w) {
  w->BeginObject();
  w->Key("content"), WriteSpan(a.content, doc, map, w);
  w->Key("kind"), w->String(AttributionKindName(a.kind));
  w->Key("speaker"), WriteOptionalSpan(a.speaker, doc, map, w);
  w->Key("speaker_name");
  if (a.speaker_name.empty()) w->Null();
  else w->String(a.speaker_name);
  w->Key("cue"), WriteOptionalSpan(a.cue, doc, map, w);
  w->Key("outlet"), WriteOptionalSpan(a.outlet, doc, map, w);
  w->Key("vague_source"), w->Bool(a.vague_source);
  w->Key("confidence"), w->Double(std::isfinite(a.confidence) ? a.confidence : 0.0);
  if (a.belief) w->Key("belief"), w->Bool(true);
  if (a.continuation) w->Key("continuation"), w->Bool(true);
  if (!a.parts.empty()) {  // a quotation split by its cue: its parts
    w->Key("content_spans"), w->BeginArray();
    for (const Span& s : a.parts) WriteSpan(s, doc, map, w);
    w->EndArray();
  }
  w->EndObject();
}

void WriteCheck(const Check& c, const Document& doc, const OffsetMapper& map, JsonWriter* w) {
  w->BeginObject();
  w->Key("kind"), w->String(c.kind);
  w->Key("message"), w->String(c.message);
  w->Key("spans"), w->BeginArray();
  for (const Span& s : c.spans) WriteSpan(s, doc, map, w);
  w->EndArray();
  if (c.holds) w->Key("holds"), w->Bool(*c.holds);
  if (c.computed) w->Key("computed"), WriteNumber(*c.computed, w);
  if (!c.tolerance.empty()) w->Key("tolerance"), w->String(c.tolerance);
  w->EndObject();
}

// Writes `key`: [write(item) for item in items].
template <typename T, typename F>
void WriteList(JsonWriter* w, std::string_view key, const std::vector<T>& items, F write) {
  w->Key(key);
  w->BeginArray();
  for (const T& item : items) {
    write(item);
    w->MaybeFlush();
  }
  w->EndArray();
}

void WriteReport(const Document& doc, const Report& report, const std::string* id_json,
                 JsonWriter* w) {
  const OffsetMapper map(doc);
  // Field order follows the contract in README.md: "schema" first, then "id",
  // then the lists. Keys beyond the contract (title, note, ...) come after the
  // contract's keys of each object.
  w->BeginObject();
  w->Key("schema"), w->String("factlens/1");
  if (id_json) w->Key("id"), w->Value(json::parse(*id_json));
  WriteList(w, "entities", report.entities, [&](const auto& m) { WriteEntity(m, doc, map, w); });
  WriteList(w, "entity_list", report.entity_list,
            [&](const auto& e) { WriteEntityListEntry(e, w); });
  WriteList(w, "figures", report.figures, [&](const auto& f) { WriteFigure(f, doc, map, w); });
  WriteList(w, "figure_relations", report.figure_relations,
            [&](const auto& r) { WriteRelation(r, w); });
  WriteList(w, "attributions", report.attributions,
            [&](const auto& a) { WriteAttribution(a, doc, map, w); });
  WriteList(w, "quoted_terms", report.quoted_terms,
            [&](const QuotedTerm& q) { WriteSpan(q.span, doc, map, w); });
  WriteList(w, "checks", report.checks, [&](const auto& c) { WriteCheck(c, doc, map, w); });
  w->EndObject();
  w->Flush();
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

// A fast reader for the usual jsonl record: an object of strings, plain numbers,
// literals and nested lists or objects, valid UTF-8. It reads "id", "text" and
// "reference_datetime" without building a JSON tree (which took a sixth of the
// command's time). Whatever it is not sure to read exactly as nlohmann does
// (escaped keys, a key given twice, exponents, long numbers, a non-string date,
// errors of any kind) it declines, and the caller parses the line with nlohmann.
class FastLine {
 public:
  explicit FastLine(std::string_view line) : s_(line) {}

  // true: the line is read (*id_json, *text, *date set); false: declined.
  bool Read(std::string* id_json, std::string* text, std::optional<std::string>* date) {
    bool have_id = false, have_text = false, have_date = false;
    Space();
    if (!Eat('{')) return false;
    Space();
    if (Eat('}')) return false;  // no "text": the caller's message
    for (;;) {
      std::string_view key;
      if (!PlainKey(&key)) return false;
      Space();
      if (!Eat(':')) return false;
      Space();
      bool ok;
      if (key == "id") ok = !have_id && (have_id = true) && IdValue(id_json);
      else if (key == "text") ok = !have_text && (have_text = true) && StringValue(text);
      else if (key == "reference_datetime") ok = !have_date && (have_date = true) && DateValue(date);
      else if (key == "headings") return false;  // read by the full parser
      else ok = Skip(0);
      if (!ok) return false;
      Space();
      if (Eat('}')) break;
      if (!Eat(',')) return false;
      Space();
    }
    Space();
    return at_ == s_.size() && have_text;
  }

 private:
  bool Eat(char c) {
    if (at_ < s_.size() && s_[at_] == c) return ++at_, true;
    return false;
  }
  void Space() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\r')) ++at_;
  }
  bool PlainKey(std::string_view* key) {
    if (!Eat('"')) return false;
    const size_t from = at_;
    while (at_ < s_.size() && s_[at_] != '"') {
      const unsigned char c = static_cast<unsigned char>(s_[at_]);
      if (c == '\\' || c < 0x20 || c >= 0x80) return false;
      ++at_;
    }
    *key = s_.substr(from, at_ - from);
    return Eat('"');
  }
  // Four hex digits at at_.
  bool Hex4(uint32_t* v) {
    if (at_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[at_++];
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return false;
      *v = *v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }
  // The code point of the escape after a backslash.
  bool Escape(char32_t* cp) {
    if (at_ >= s_.size()) return false;
    const char c = s_[at_++];
    static const char kFrom[] = "\"\\/bfnrt", kTo[] = "\"\\/\b\f\n\r\t";
    for (int k = 0; k < 8; ++k)
      if (c == kFrom[k]) return *cp = static_cast<unsigned char>(kTo[k]), true;
    uint32_t v;
    if (c != 'u' || !Hex4(&v)) return false;
    if (v >= 0xDC00 && v <= 0xDFFF) return false;
    if (v >= 0xD800 && v <= 0xDBFF) {  // only a well-formed pair
      uint32_t lo;
      if (!Eat('\\') || !Eat('u') || !Hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
      v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
    }
    *cp = v;
    return true;
  }
  static void AppendUtf8(char32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  // A string value, decoded (out may be null: validated and skipped).
  bool StringValue(std::string* out) {
    if (!Eat('"')) return false;
    if (out) out->clear();
    for (;;) {
      const size_t run = at_;  // a run of plain ASCII is copied at once
      while (at_ < s_.size() && kPlain[static_cast<unsigned char>(s_[at_])]) ++at_;
      if (out) out->append(s_.data() + run, at_ - run);
      if (at_ >= s_.size()) return false;
      const unsigned char c = static_cast<unsigned char>(s_[at_]);
      if (c == '"') return ++at_, true;
      if (c < 0x20) return false;
      char32_t cp;
      if (c == '\\') {
        ++at_;
        if (!Escape(&cp)) return false;
        if (out) AppendUtf8(cp, out);
        continue;
      }
      const int len = DecodeUtf8(s_, at_, &cp);
      if (len == 0) return false;
      if (out) out->append(s_.data() + at_, static_cast<size_t>(len));
      at_ += static_cast<size_t>(len);
    }
  }
  // A number nlohmann reads exactly and dumps as written: an integer of at most
  // 18 digits, no "-0"; with fraction (skipped values only) at most 18 characters.
  bool Number(bool allow_fraction) {
    const size_t from = at_;
    Eat('-');
    if (at_ >= s_.size() || s_[at_] < '0' || s_[at_] > '9') return false;
    if (s_[at_] == '0' && at_ + 1 < s_.size() && s_[at_ + 1] >= '0' && s_[at_ + 1] <= '9')
      return false;
    while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
    if (allow_fraction && Eat('.')) {
      const size_t digits = at_;
      while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
      if (at_ == digits) return false;
    }
    if (at_ < s_.size() && (s_[at_] == 'e' || s_[at_] == 'E' || s_[at_] == '.')) return false;
    const std::string_view num = s_.substr(from, at_ - from);
    return num.size() <= 18 && num != "-0";
  }
  bool Literal() {
    for (std::string_view lit : {"true", "false", "null"})
      if (s_.substr(at_, lit.size()) == lit) return at_ += lit.size(), true;
    return false;
  }
  // "id": a string (dumped as nlohmann does), a plain integer or a literal.
  bool IdValue(std::string* id_json) {
    const size_t from = at_;
    if (at_ < s_.size() && s_[at_] == '"') {
      std::string id;
      if (!StringValue(&id)) return false;
      *id_json = nlohmann::json(id).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return true;
    }
    if (!Literal() && !Number(false)) return false;
    id_json->assign(s_.substr(from, at_ - from));
    return true;
  }
  bool DateValue(std::optional<std::string>* date) {
    if (s_.substr(at_, 4) == "null") return at_ += 4, true;
    std::string d;
    if (!StringValue(&d)) return false;
    *date = std::move(d);
    return true;
  }
  // Any value, validated and skipped.
  bool Skip(int depth) {
    if (depth > 64 || at_ >= s_.size()) return false;
    const char c = s_[at_];
    if (c == '"') return StringValue(nullptr);
    if (c != '[' && c != '{') return Literal() || Number(true);
    const char close = c == '[' ? ']' : '}';
    ++at_;
    Space();
    if (Eat(close)) return true;
    for (;;) {
      if (close == '}') {
        if (!StringValue(nullptr)) return false;
        Space();
        if (!Eat(':')) return false;
        Space();
      }
      if (!Skip(depth + 1)) return false;
      Space();
      if (Eat(close)) return true;
      if (!Eat(',')) return false;
      Space();
    }
  }

  // Bytes that stand for themselves in a JSON string: ASCII but '"', '\\', controls.
  struct PlainTable {
    bool plain[256] = {};
    PlainTable() {
      for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    }
    bool operator[](unsigned char c) const { return plain[c]; }
  };
  static const PlainTable kPlain;

  std::string_view s_;
  size_t at_ = 0;
};
const FastLine::PlainTable FastLine::kPlain;

// The fast reader's answer; false when it declines the line.
// The line's optional "headings": paragraphs (0-based lines of "text") the caller
// knows are headings, as a word processor marks them (the extension's paragraph
// kinds); the others stay body text. False when it is not a list of such numbers.
bool ReadHeadings(const nlohmann::json& obj, Document* doc) {
  auto headings = obj.find("headings");
  if (headings == obj.end() || headings->is_null()) return true;
  if (!headings->is_array()) return false;
  for (const nlohmann::json& h : *headings) {
    if (!h.is_number_integer()) return false;
    const int64_t p = h.get<int64_t>();
    if (p < 0 || p >= static_cast<int64_t>(doc->paragraphs.size())) return false;
    doc->paragraphs[static_cast<size_t>(p)].kind = ParagraphKind::kHeading;
  }
  return true;
}

bool FastDocumentFromJsonLine(std::string_view line, const std::optional<Date>& default_date,
                              Document* doc, std::string* id_json) {
  std::string id, text;
  std::optional<std::string> date;
  if (!FastLine(line).Read(&id, &text, &date)) return false;
  Date parsed;
  if (date && !ParseIsoDate(*date, &parsed)) return false;  // the caller's message
  if (!DocumentFromUtf8(text, doc, nullptr)) return false;
  doc->reference_date = date ? std::optional<Date>(parsed) : default_date;
  *id_json = std::move(id);
  return true;
}

}  // namespace

bool DocumentFromJsonLine(std::string_view line, const std::optional<Date>& default_date,
                          Document* doc, std::string* id_json, std::string* error) {
  if (FastDocumentFromJsonLine(line, default_date, doc, id_json)) return true;
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
  if (!ReadHeadings(obj, doc)) {
    *error = "\"headings\" is not a list of paragraph numbers (0-based lines of \"text\")";
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
