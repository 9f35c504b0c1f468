#include "factlens/io.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

namespace factlens {
namespace {

using nlohmann::json;

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

std::string ToUtf8(const std::u16string& s) {
  std::string out;
  icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

json SpanJson(const Document& doc, const Span& span) {
  return json{{"start", CodePointOffset(doc, span.paragraph, span.begin)},
              {"end", CodePointOffset(doc, span.paragraph, span.end)},
              {"text", ToUtf8(SpanText(doc, span))}};
}

json OptionalSpanJson(const Document& doc, const std::optional<Span>& span) {
  if (!span || !span->valid()) return nullptr;
  return SpanJson(doc, *span);
}

json NumberJson(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (std::fabs(v) < 9.0e15 && v == std::floor(v)) return static_cast<int64_t>(v);
  return v;
}

json FigureValueJson(const FigureValue& v) {
  switch (v.type) {
    case FigureValue::Type::kNone: return nullptr;
    case FigureValue::Type::kNumber: return NumberJson(v.lo);
    case FigureValue::Type::kString: return v.str_lo;
    case FigureValue::Type::kNumberRange: return json::array({NumberJson(v.lo), NumberJson(v.hi)});
    case FigureValue::Type::kStringRange: return json::array({v.str_lo, v.str_hi});
  }
  return nullptr;
}

}  // namespace

bool DocumentFromUtf8(std::string_view utf8, Document* doc, std::string* error) {
  doc->paragraphs.clear();
  doc->paragraph_starts.clear();
  size_t i = 0;
  if (utf8.size() >= 3 && utf8.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // BOM
  int64_t cp_offset = 0;
  size_t line = 1, line_start = i;
  Paragraph current;
  doc->paragraph_starts.push_back(0);
  while (i < utf8.size()) {
    char32_t cp;
    int len = DecodeUtf8(utf8, i, &cp);
    if (len == 0) {
      if (error) {
        *error = "invalid UTF-8 at byte " + std::to_string(i) + " (line " + std::to_string(line) +
                 ", byte " + std::to_string(i - line_start + 1) + " of the line)";
      }
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
  int y = 0, m = 0, d = 0;
  if (text.size() < 10) return false;
  std::string head(text.substr(0, 10));
  char tail = 0;
  if (std::sscanf(head.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  *date = Date{y, m, d};
  return true;
}

int64_t CodePointOffset(const Document& doc, int32_t paragraph, int32_t utf16_offset) {
  if (paragraph < 0 || paragraph >= static_cast<int32_t>(doc.paragraphs.size())) return -1;
  int64_t base;
  if (!doc.paragraph_starts.empty()) {
    base = doc.paragraph_starts[paragraph];
  } else {
    // Paragraphs joined by one "\n": count code points of the earlier ones.
    // (Callers that convert many spans should fill paragraph_starts first.)
    base = 0;
    for (int32_t p = 0; p < paragraph; ++p) {
      const std::u16string& t = doc.paragraphs[p].text;
      base += static_cast<int64_t>(t.size()) + 1;
      for (char16_t c : t)
        if (U16_IS_TRAIL(c)) --base;
    }
  }
  const std::u16string& t = doc.paragraphs[paragraph].text;
  int32_t end = std::min<int32_t>(utf16_offset, static_cast<int32_t>(t.size()));
  int64_t cps = end;
  for (int32_t k = 0; k < end; ++k)
    if (U16_IS_TRAIL(t[k]) && k > 0 && U16_IS_LEAD(t[k - 1])) --cps;
  return base + cps;
}

std::string ReportToJson(const Document& doc_in, const Report& report, const std::string* id_json,
                         int indent) {
  const Document* docp = &doc_in;
  Document with_starts;
  if (doc_in.paragraph_starts.empty() && doc_in.paragraphs.size() > 1) {
    with_starts = doc_in;
    int64_t base = 0;
    for (const Paragraph& p : doc_in.paragraphs) {
      with_starts.paragraph_starts.push_back(base);
      int64_t cps = static_cast<int64_t>(p.text.size());
      for (size_t k = 1; k < p.text.size(); ++k)
        if (U16_IS_TRAIL(p.text[k]) && U16_IS_LEAD(p.text[k - 1])) --cps;
      base += cps + 1;
    }
    docp = &with_starts;
  }
  const Document& doc = *docp;

  json out = json::object();
  out["schema"] = "factlens/1";
  if (id_json) out["id"] = json::parse(*id_json);

  json entities = json::array();
  for (const EntityMention& m : report.entities) {
    json e = SpanJson(doc, m.span);
    e["type"] = EntityTypeName(m.type);
    e["entity"] = m.entity;
    if (m.outlet) e["outlet"] = true;
    if (!m.title.empty()) e["title"] = ToUtf8(m.title);
    entities.push_back(std::move(e));
  }
  out["entities"] = std::move(entities);

  json entity_list = json::array();
  for (const Entity& e : report.entity_list) {
    json j{{"id", e.id}, {"type", EntityTypeName(e.type)}, {"canonical", ToUtf8(e.canonical)},
           {"mentions", e.mentions}};
    json variants = json::array();
    for (const auto& v : e.variants) variants.push_back(ToUtf8(v));
    j["variants"] = std::move(variants);
    json descriptors = json::array();
    for (const auto& d : e.descriptors) descriptors.push_back(ToUtf8(d));
    j["descriptors"] = std::move(descriptors);
    if (e.outlet) j["outlet"] = true;
    if (e.ambiguous) j["ambiguous"] = true;
    if (e.gender != Gender::kUnknown) j["gender"] = e.gender == Gender::kFemale ? "female" : "male";
    if (!e.spelling_variants.empty()) {
      json sv = json::array();
      for (const auto& v : e.spelling_variants) sv.push_back(ToUtf8(v));
      j["spelling_variants"] = std::move(sv);
    }
    entity_list.push_back(std::move(j));
  }
  out["entity_list"] = std::move(entity_list);

  json figures = json::array();
  for (const Figure& f : report.figures) {
    json j = SpanJson(doc, f.span);
    j["kind"] = FigureKindName(f.kind);
    j["value"] = FigureValueJson(f.value);
    j["unit"] = f.unit.empty() ? json(nullptr) : json(f.unit);
    j["approx"] = f.approx;
    if (!f.note.empty()) j["note"] = f.note;
    if (!f.counted.empty()) j["counted"] = ToUtf8(f.counted);
    figures.push_back(std::move(j));
  }
  out["figures"] = std::move(figures);

  json relations = json::array();
  for (const FigureRelation& r : report.figure_relations) {
    static const char* kKinds[] = {"range", "change", "comparison"};
    json j{{"kind", kKinds[static_cast<int>(r.kind)]}, {"from", r.from}, {"to", r.to}};
    if (r.delta >= 0) j["delta"] = r.delta;
    if (r.direction != 0) j["direction"] = r.direction;
    relations.push_back(std::move(j));
  }
  out["figure_relations"] = std::move(relations);

  json attributions = json::array();
  for (const Attribution& a : report.attributions) {
    json j;
    j["content"] = SpanJson(doc, a.content);
    j["kind"] = AttributionKindName(a.kind);
    j["speaker"] = OptionalSpanJson(doc, a.speaker);
    j["speaker_name"] = a.speaker_name.empty() ? json(nullptr) : json(ToUtf8(a.speaker_name));
    j["cue"] = OptionalSpanJson(doc, a.cue);
    j["outlet"] = OptionalSpanJson(doc, a.outlet);
    j["vague_source"] = a.vague_source;
    j["confidence"] = a.confidence;
    if (a.belief) j["belief"] = true;
    if (a.continuation) j["continuation"] = true;
    attributions.push_back(std::move(j));
  }
  out["attributions"] = std::move(attributions);

  json quoted_terms = json::array();
  for (const QuotedTerm& q : report.quoted_terms) quoted_terms.push_back(SpanJson(doc, q.span));
  out["quoted_terms"] = std::move(quoted_terms);

  json checks = json::array();
  for (const Check& c : report.checks) {
    json j{{"kind", c.kind}, {"message", c.message}};
    json spans = json::array();
    for (const Span& s : c.spans) spans.push_back(SpanJson(doc, s));
    j["spans"] = std::move(spans);
    if (c.holds) j["holds"] = *c.holds;
    if (c.computed) j["computed"] = NumberJson(*c.computed);
    if (!c.tolerance.empty()) j["tolerance"] = c.tolerance;
    checks.push_back(std::move(j));
  }
  out["checks"] = std::move(checks);

  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string ReportToText(const Document& doc, const Report& report) {
  std::ostringstream out;
  auto line_of = [&](const Span& s) { return ToUtf8(SpanText(doc, s)); };
  out << "Entities (" << report.entity_list.size() << ")\n";
  for (const Entity& e : report.entity_list) {
    out << "  " << EntityTypeName(e.type) << "  " << ToUtf8(e.canonical) << "  x" << e.mentions;
    for (const auto& d : e.descriptors) out << "  — " << ToUtf8(d);
    out << "\n";
  }
  out << "Attributions (" << report.attributions.size() << ")\n";
  for (const Attribution& a : report.attributions) {
    out << "  [" << AttributionKindName(a.kind) << "] "
        << (a.speaker_name.empty() ? std::string(a.vague_source ? "(vague source)" : "(no speaker)")
                                   : ToUtf8(a.speaker_name))
        << ": " << line_of(a.content) << "\n";
  }
  out << "Figures (" << report.figures.size() << ")\n";
  for (const Figure& f : report.figures) {
    out << "  " << FigureKindName(f.kind) << "  " << line_of(f.span) << "  = "
        << FigureValueJson(f.value).dump() << (f.unit.empty() ? "" : " " + f.unit)
        << (f.approx ? " (approx)" : "") << "\n";
  }
  out << "Checks (" << report.checks.size() << ")\n";
  for (const Check& c : report.checks) out << "  " << c.kind << ": " << c.message << "\n";
  return out.str();
}

}  // namespace factlens
