// Fact lists (Markdown, CSV) and the self-contained HTML report (reports.h).
// All three are built from one grouped view of the Report (FactList) so that
// they, and the sidebar, list the same facts in the same order.
#include "factlens/reports.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "checks/checks_internal.h"
#include "factlens/io.h"

namespace factlens {

namespace {

using checks_internal::Utf8;

// ------------------------------------------------------------------ grouped view

struct EntityFact {
  const Entity* entity = nullptr;
  Span first;
  std::vector<std::string> other_forms;
};

struct QuoteFact {
  const Attribution* a = nullptr;
};

struct SpeakerGroup {
  std::string name;  // canonical, or "Unattributed" / "Unnamed source"
  std::vector<const Attribution*> quotes;
  Span first;
};

struct FactList {
  std::vector<EntityFact> people, orgs, places, misc;
  std::vector<SpeakerGroup> speakers;
  std::vector<const Figure*> figures;
  std::vector<int> problems, verified;  // indices into report.checks
};

FactList Group(const Document& doc, const Report& r) {
  FactList out;
  std::vector<Span> first(r.entity_list.size());
  std::vector<bool> seen(r.entity_list.size(), false);
  for (const EntityMention& m : r.entities) {
    if (m.entity < 0 || m.entity >= static_cast<int32_t>(r.entity_list.size())) continue;
    if (!seen[m.entity] || m.span < first[m.entity]) first[m.entity] = m.span;
    seen[m.entity] = true;
  }
  for (size_t i = 0; i < r.entity_list.size(); ++i) {
    const Entity& e = r.entity_list[i];
    EntityFact f;
    f.entity = &e;
    f.first = seen[i] ? first[i] : Span{};
    for (const auto& v : e.variants)
      if (v != e.canonical) f.other_forms.push_back(Utf8(v));
    switch (e.type) {
      case EntityType::kPerson: out.people.push_back(f); break;
      case EntityType::kOrg: out.orgs.push_back(f); break;
      case EntityType::kPlace: out.places.push_back(f); break;
      case EntityType::kMisc: out.misc.push_back(f); break;
    }
  }
  auto by_mentions = [](const EntityFact& a, const EntityFact& b) {
    if (a.entity->mentions != b.entity->mentions) return a.entity->mentions > b.entity->mentions;
    return a.first < b.first;
  };
  for (auto* list : {&out.people, &out.orgs, &out.places, &out.misc})
    std::stable_sort(list->begin(), list->end(), by_mentions);

  std::map<std::string, size_t> index;
  for (const Attribution& a : r.attributions) {
    std::string name = !a.speaker_name.empty() ? Utf8(a.speaker_name)
                       : a.vague_source       ? "Unnamed source"
                       : a.speaker            ? Utf8(SpanText(doc, *a.speaker))
                                              : "Unattributed";
    auto it = index.find(name);
    if (it == index.end()) {
      it = index.emplace(name, out.speakers.size()).first;
      out.speakers.push_back({name, {}, a.content});
    }
    out.speakers[it->second].quotes.push_back(&a);
  }
  std::stable_sort(out.speakers.begin(), out.speakers.end(),
                   [](const SpeakerGroup& a, const SpeakerGroup& b) {
                     if (a.quotes.size() != b.quotes.size()) return a.quotes.size() > b.quotes.size();
                     return a.first < b.first;
                   });
  for (const Figure& f : r.figures) out.figures.push_back(&f);
  for (size_t i = 0; i < r.checks.size(); ++i) {
    if (r.checks[i].holds == true) out.verified.push_back(static_cast<int>(i));
    else out.problems.push_back(static_cast<int>(i));
  }
  return out;
}

std::string FormatValue(const Figure& f) {
  auto num = [](double v) {
    if (!std::isfinite(v)) return std::string("?");
    char buf[64];
    if (std::fabs(v) >= 1e15 || v == std::floor(v)) {
      std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
      std::snprintf(buf, sizeof buf, "%.6f", v);
      std::string s = buf;
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
      return s;
    }
    std::string s = buf;
    size_t start = s[0] == '-' ? 1 : 0;
    for (int64_t i = static_cast<int64_t>(s.size()) - 3; i > static_cast<int64_t>(start); i -= 3)
      s.insert(static_cast<size_t>(i), ",");
    return s;
  };
  switch (f.value.type) {
    case FigureValue::Type::kNone: return "";
    case FigureValue::Type::kNumber: return num(f.value.lo);
    case FigureValue::Type::kString: return f.value.str_lo;
    case FigureValue::Type::kNumberRange: return num(f.value.lo) + "–" + num(f.value.hi);
    case FigureValue::Type::kStringRange: return f.value.str_lo + " – " + f.value.str_hi;
  }
  return "";
}

std::string Text(const Document& doc, const Span& s) { return Utf8(SpanText(doc, s)); }

// "12.1", "4", "105" — up to three decimals, trailing zeros dropped.
std::string Trimmed(double v) {
  std::string s = checks_internal::FormatNumber(v, 3);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

// ------------------------------------------------------------------ Markdown

std::string Md(const std::string& s) {
  std::string out;
  for (char c : OneLine(s)) {
    if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '|' || c == '<' ||
        c == '>' || c == '`' || c == '#')
      out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string Where(const Span& s) {
  return s.paragraph >= 0 ? " (¶" + std::to_string(s.paragraph + 1) + ")" : "";
}

void MdEntities(std::ostringstream& out, const char* title, const std::vector<EntityFact>& list) {
  out << "## " << title << " (" << list.size() << ")\n\n";
  if (list.empty()) out << "_None found._\n";
  for (const EntityFact& f : list) {
    out << "- **" << Md(Utf8(f.entity->canonical)) << "**";
    for (const auto& d : f.entity->descriptors) out << " — " << Md(Utf8(d));
    out << " · " << f.entity->mentions << (f.entity->mentions == 1 ? " mention" : " mentions");
    if (f.entity->outlet) out << " · media outlet";
    if (!f.other_forms.empty()) {
      out << " · also: ";
      for (size_t i = 0; i < f.other_forms.size(); ++i) out << (i ? ", " : "") << Md(f.other_forms[i]);
    }
    if (f.entity->ambiguous) out << " · **ambiguous**";
    out << "\n";
  }
  out << "\n";
}

}  // namespace

std::string ReportToMarkdown(const Document& doc, const Report& r) {
  FactList facts = Group(doc, r);
  std::ostringstream out;
  out << "# FactLens fact list\n\n";
  out << facts.people.size() << " people · " << facts.orgs.size() << " organisations · "
      << facts.places.size() << " places · " << r.attributions.size() << " quotes · "
      << facts.figures.size() << " figures · " << facts.problems.size() << " checks to review · "
      << facts.verified.size() << " verified\n\n";

  out << "## Checks to review (" << facts.problems.size() << ")\n\n";
  if (facts.problems.empty()) out << "_Nothing flagged._\n";
  for (int i : facts.problems) {
    const Check& c = r.checks[i];
    out << "- **" << Md(c.kind) << "**" << (c.spans.empty() ? "" : Where(c.spans[0])) << ": "
        << Md(c.message);
    if (c.computed && c.holds) out << " (computed " << Trimmed(*c.computed) << ")";
    out << "\n";
  }
  out << "\n## Verified (" << facts.verified.size() << ")\n\n";
  if (facts.verified.empty()) out << "_No arithmetic or date to verify._\n";
  for (int i : facts.verified) {
    const Check& c = r.checks[i];
    out << "- **" << Md(c.kind) << "**" << (c.spans.empty() ? "" : Where(c.spans[0])) << ": "
        << Md(c.message);
    if (!c.tolerance.empty()) out << " _Tolerance: " << Md(c.tolerance) << "._";
    out << "\n";
  }
  out << "\n";
  MdEntities(out, "People", facts.people);
  MdEntities(out, "Organisations", facts.orgs);
  MdEntities(out, "Places", facts.places);
  MdEntities(out, "Other names", facts.misc);

  out << "## Quotes by speaker (" << r.attributions.size() << ")\n\n";
  if (facts.speakers.empty()) out << "_None found._\n\n";
  for (const SpeakerGroup& g : facts.speakers) {
    out << "### " << Md(g.name) << " (" << g.quotes.size() << ")\n\n";
    for (const Attribution* a : g.quotes) {
      out << "- " << (a->kind == AttributionKind::kIndirect ? "" : "“") << Md(Text(doc, a->content))
          << (a->kind == AttributionKind::kIndirect ? "" : "”") << " _("
          << AttributionKindName(a->kind);
      if (a->outlet) out << ", via " << Md(Text(doc, *a->outlet));
      if (a->continuation) out << ", continued";
      if (a->belief) out << ", belief";
      out << ")_" << Where(a->content) << "\n";
    }
    out << "\n";
  }

  out << "## Figures (" << facts.figures.size() << ")\n\n";
  if (facts.figures.empty()) {
    out << "_None found._\n";
  } else {
    out << "| Figure | Kind | Value | Unit | Where |\n|---|---|---|---|---|\n";
    for (const Figure* f : facts.figures) {
      out << "| " << Md(Text(doc, f->span)) << " | " << FigureKindName(f->kind) << " | "
          << (f->approx ? "≈ " : "") << Md(FormatValue(*f)) << " | " << Md(f->unit) << " | ¶"
          << f->span.paragraph + 1 << (f->note.empty() ? "" : " " + Md(f->note)) << " |\n";
    }
  }
  return out.str();
}

// ------------------------------------------------------------------ CSV

namespace {

std::string CsvField(const std::string& s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

std::string ReportToCsv(const Document& doc, const Report& r) {
  FactList facts = Group(doc, r);
  std::ostringstream out;
  auto row = [&](const std::string& section, const std::string& type, const std::string& text,
                 const std::string& detail, const std::string& value, const std::string& unit,
                 const std::string& holds, const Span& s) {
    std::string start, end;
    if (s.paragraph >= 0) {
      start = std::to_string(CodePointOffset(doc, s.paragraph, s.begin));
      end = std::to_string(CodePointOffset(doc, s.paragraph, s.end));
    }
    out << CsvField(section) << ',' << CsvField(type) << ',' << CsvField(OneLine(text)) << ','
        << CsvField(OneLine(detail)) << ',' << CsvField(value) << ',' << CsvField(unit) << ','
        << holds << ',' << start << ',' << end << "\r\n";
  };
  out << "section,type,text,detail,value,unit,holds,start,end\r\n";
  for (const auto& group : {facts.problems, facts.verified}) {
    for (int i : group) {
      const Check& c = r.checks[i];
      std::string text = c.spans.empty() ? "" : Text(doc, c.spans[0]);
      row("check", c.kind, text, c.message,
          c.computed ? Trimmed(*c.computed) : "", c.tolerance,
          c.holds ? (*c.holds ? "true" : "false") : "", c.spans.empty() ? Span{} : c.spans[0]);
    }
  }
  auto entities = [&](const char* section, const std::vector<EntityFact>& list) {
    for (const EntityFact& f : list) {
      std::string detail;
      for (const auto& d : f.entity->descriptors) detail += (detail.empty() ? "" : "; ") + Utf8(d);
      std::string forms;
      for (const auto& v : f.other_forms) forms += (forms.empty() ? "" : "; ") + v;
      if (!forms.empty()) detail += (detail.empty() ? "also: " : "; also: ") + forms;
      row(section, EntityTypeName(f.entity->type), Utf8(f.entity->canonical), detail,
          std::to_string(f.entity->mentions), "mentions", "", f.first);
    }
  };
  entities("person", facts.people);
  entities("organisation", facts.orgs);
  entities("place", facts.places);
  entities("other", facts.misc);
  for (const SpeakerGroup& g : facts.speakers)
    for (const Attribution* a : g.quotes)
      row("quote", AttributionKindName(a->kind), Text(doc, a->content), g.name,
          a->outlet ? Text(doc, *a->outlet) : "", "", "", a->content);
  for (const Figure* f : facts.figures)
    row("figure", FigureKindName(f->kind), Text(doc, f->span), f->note,
        (f->approx ? "~" : "") + FormatValue(*f), f->unit, "", f->span);
  return out.str();
}

// ------------------------------------------------------------------ HTML

namespace {

std::string Html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

const char kCss[] = R"CSS(
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--paper:#fff;--bg:#f6f8fa;
--person:#dbeafe;--person-b:#2563eb;--org:#dcfce7;--org-b:#15803d;--place:#fef3c7;--place-b:#b45309;
--misc:#ede9fe;--misc-b:#6d28d9;--fig:#fae8ff;--fig-b:#a21caf;--quote:#fff7ed;--quote-b:#ea580c;
--bad:#cf222e;--ok:#1a7f37}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 "Source Serif Pro",Georgia,"Times New Roman",serif}
header{background:#0b2540;color:#fff;padding:14px 28px;display:flex;align-items:baseline;gap:18px;flex-wrap:wrap}
header h1{font:600 19px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;letter-spacing:.2px}
header .title{font:14px system-ui,sans-serif;opacity:.85}
header .stats{font:13px system-ui,sans-serif;opacity:.9;margin-left:auto}
.legend{font:12px system-ui,sans-serif;padding:8px 28px;background:#fff;border-bottom:1px solid var(--line);display:flex;gap:14px;flex-wrap:wrap;align-items:center}
.legend span{white-space:nowrap}
.wrap{display:grid;grid-template-columns:minmax(0,1.65fr) minmax(300px,1fr);gap:22px;padding:22px 28px;max-width:1500px;margin:0 auto}
article{background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:26px 34px}
article p{margin:0 0 .9em}
article p.h{font:600 16px/1.35 system-ui,sans-serif;margin:1.2em 0 .5em;color:#0b2540}
article p.cap{font-size:13.5px;color:var(--muted);font-style:italic}
aside{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
aside section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 14px;margin-bottom:14px}
aside h2{font-size:13px;text-transform:uppercase;letter-spacing:.6px;margin:0 0 8px;color:#0b2540;display:flex;justify-content:space-between}
aside h2 .n{color:var(--muted);font-weight:500}
aside h3{font-size:13px;margin:10px 0 4px}
aside ul{list-style:none;margin:0;padding:0}
aside li{padding:5px 0;border-top:1px solid #eef1f4;break-inside:avoid}
aside li:first-child{border-top:0}
.desc{color:var(--muted)}
.cnt{float:right;color:var(--muted);font-variant-numeric:tabular-nums}
.chip{display:inline-block;flex:none;width:12px;height:12px;border-radius:3px;vertical-align:-1px;margin-right:6px;border:2px solid}
aside h2>span:first-child{display:flex;align-items:center}
.cbad{text-decoration:underline wavy var(--bad);text-decoration-thickness:1.5px;text-underline-offset:3px}
.cok{text-decoration:underline var(--ok);text-decoration-thickness:1.5px;text-underline-offset:3px}
mark{color:inherit;padding:0 1px;border-radius:2px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.PERSON{background:var(--person);border-bottom:2px solid var(--person-b)}
mark.ORG{background:var(--org);border-bottom:2px solid var(--org-b)}
mark.PLACE{background:var(--place);border-bottom:2px solid var(--place-b)}
mark.MISC{background:var(--misc);border-bottom:2px solid var(--misc-b)}
mark.fig{background:var(--fig);border-bottom:2px dotted var(--fig-b)}
.q{background:var(--quote);box-shadow:inset 0 -1px 0 var(--quote-b);-webkit-box-decoration-break:clone;box-decoration-break:clone}
.spk{font:600 11px system-ui,sans-serif;color:var(--quote-b);background:#ffedd5;border-radius:3px;padding:0 4px;margin-left:3px;white-space:nowrap}
a.ck{font:700 10px/15px system-ui,sans-serif;display:inline-block;min-width:15px;height:15px;border-radius:8px;color:#fff;text-align:center;text-decoration:none;vertical-align:super;margin-left:2px;padding:0 3px}
a.ck.bad{background:var(--bad)}
a.ck.ok{background:var(--ok)}
li.check .k{font-weight:600}
li.check.bad .k{color:var(--bad)}
li.check.ok .k{color:var(--ok)}
li .num{display:inline-block;min-width:18px;font-weight:700}
li .tol{display:block;color:var(--muted);font-size:12px}
blockquote{margin:2px 0;padding:0 0 0 8px;border-left:3px solid var(--quote-b);font-family:Georgia,serif}
.kind{font-size:11px;color:var(--muted)}
table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:3px 4px;border-top:1px solid #eef1f4;vertical-align:top}
th{font-weight:600;color:var(--muted);border-top:0}
td.v{font-variant-numeric:tabular-nums;white-space:nowrap}
.none{color:var(--muted);font-style:italic}
footer{font:12px system-ui,sans-serif;color:var(--muted);text-align:center;padding:0 0 24px}
@media print{
 @page{size:A4;margin:16mm 14mm}
 body{background:#fff;font-size:10.5pt}
 header{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 6px}
 .legend{padding:6px 0;border:0}
 .wrap{display:block;padding:0}
 article{border:0;padding:0}
 aside{break-before:page}
 aside section{border:0;padding:0;margin-bottom:10px;break-inside:auto}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit}
}
)CSS";

struct Interval {
  int32_t begin, end;
  int prio;  // lower opens first when equal
  std::string open, close;
};

struct Marker {
  int32_t pos;
  int order;
  std::string html;
};

std::string RenderParagraph(const std::u16string& text, std::vector<Interval> iv,
                            std::vector<Marker> markers) {
  std::sort(iv.begin(), iv.end(), [](const Interval& a, const Interval& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.prio < b.prio;
  });
  std::stable_sort(markers.begin(), markers.end(), [](const Marker& a, const Marker& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.order < b.order;
  });
  std::string out;
  int32_t pos = 0;
  size_t mi = 0;
  const int32_t len = static_cast<int32_t>(text.size());
  auto emit = [&](int32_t upto) {
    upto = std::min(upto, len);
    while (pos < upto) {
      while (mi < markers.size() && markers[mi].pos <= pos) out += markers[mi++].html;
      int32_t next = upto;
      if (mi < markers.size() && markers[mi].pos < next) next = markers[mi].pos;
      out += Html(Utf8(std::u16string_view(text).substr(pos, next - pos)));
      pos = next;
    }
  };
  std::vector<const Interval*> stack;
  for (const Interval& i : iv) {
    if (i.begin < pos || i.end > len || i.begin >= i.end) continue;
    while (!stack.empty() && stack.back()->end <= i.begin) {
      emit(stack.back()->end);
      out += stack.back()->close;
      stack.pop_back();
    }
    if (!stack.empty() && i.end > stack.back()->end) continue;  // crossing: drop
    emit(i.begin);
    out += i.open;
    stack.push_back(&i);
  }
  while (!stack.empty()) {
    emit(stack.back()->end);
    out += stack.back()->close;
    stack.pop_back();
  }
  emit(len);
  while (mi < markers.size()) out += markers[mi++].html;
  return out;
}

void HtmlEntities(std::ostringstream& out, const char* title, const char* type,
                  const std::vector<EntityFact>& list) {
  out << "<section><h2><span><span class=\"chip\" style=\"background:var(--"
      << (std::string(type) == "PERSON" ? "person);border-color:var(--person-b)"
          : std::string(type) == "ORG"  ? "org);border-color:var(--org-b)"
          : std::string(type) == "PLACE" ? "place);border-color:var(--place-b)"
                                         : "misc);border-color:var(--misc-b)")
      << "\"></span>" << title << "</span><span class=\"n\">" << list.size() << "</span></h2>";
  if (list.empty()) {
    out << "<p class=\"none\">None found.</p></section>\n";
    return;
  }
  out << "<ul>";
  for (const EntityFact& f : list) {
    out << "<li><span class=\"cnt\">×" << f.entity->mentions << "</span><b>"
        << Html(Utf8(f.entity->canonical)) << "</b>";
    if (f.entity->outlet) out << " <span class=\"kind\">media outlet</span>";
    if (f.entity->ambiguous) out << " <span class=\"kind\" style=\"color:var(--bad)\">ambiguous</span>";
    for (const auto& d : f.entity->descriptors) out << "<br><span class=\"desc\">" << Html(Utf8(d)) << "</span>";
    if (!f.other_forms.empty()) {
      out << "<br><span class=\"desc\">also: ";
      for (size_t i = 0; i < f.other_forms.size(); ++i) out << (i ? ", " : "") << Html(f.other_forms[i]);
      out << "</span>";
    }
    out << "</li>";
  }
  out << "</ul></section>\n";
}

bool ShortNoPunct(const std::u16string& t) {
  int words = 0;
  bool in = false;
  for (char16_t c : t) {
    bool sp = c == ' ' || c == 0xA0 || c == '\t';
    if (!sp && !in) ++words;
    in = !sp;
  }
  size_t e = t.find_last_not_of(u" \t\u00a0");
  if (e == std::u16string::npos) return false;
  char16_t last = t[e];
  bool punct = last == '.' || last == '?' || last == '!' || last == ':' || last == u'”' || last == '"';
  return words > 0 && words < 15 && !punct;
}

}  // namespace

std::string ReportToHtml(const Document& doc, const Report& r, const std::string& title) {
  FactList facts = Group(doc, r);
  const size_t np = doc.paragraphs.size();
  std::vector<std::vector<Interval>> iv(np);
  std::vector<std::vector<Marker>> mk(np);
  auto ok_span = [&](const Span& s) {
    return s.paragraph >= 0 && s.paragraph < static_cast<int32_t>(np) && s.begin >= 0 &&
           s.end <= static_cast<int32_t>(doc.paragraphs[s.paragraph].text.size()) && s.begin < s.end;
  };
  // Quotations (direct and mixed statements) with their speakers.
  for (const Attribution& a : r.attributions) {
    if (!ok_span(a.content) || a.kind == AttributionKind::kIndirect) continue;
    std::string who = !a.speaker_name.empty() ? Utf8(a.speaker_name)
                      : a.vague_source       ? "unnamed source"
                      : a.speaker            ? Text(doc, *a.speaker)
                                             : "no speaker";
    std::string tip = std::string(AttributionKindName(a.kind)) + " quote · " + who;
    if (a.outlet) tip += " · via " + Text(doc, *a.outlet);
    iv[a.content.paragraph].push_back(
        {a.content.begin, a.content.end, 0, "<span class=\"q\" title=\"" + Html(tip) + "\">", "</span>"});
    mk[a.content.paragraph].push_back({a.content.end, 0, "<span class=\"spk\">" + Html(who) + "</span>"});
  }
  for (const EntityMention& m : r.entities) {
    if (!ok_span(m.span)) continue;
    std::string name = m.entity >= 0 && m.entity < static_cast<int32_t>(r.entity_list.size())
                           ? Utf8(r.entity_list[m.entity].canonical)
                           : Text(doc, m.span);
    std::string tip = std::string(EntityTypeName(m.type)) + " · " + name;
    iv[m.span.paragraph].push_back({m.span.begin, m.span.end, 1,
                                    "<mark class=\"" + std::string(EntityTypeName(m.type)) +
                                        "\" title=\"" + Html(tip) + "\">",
                                    "</mark>"});
  }
  for (const Figure& f : r.figures) {
    if (!ok_span(f.span)) continue;
    std::string tip = std::string(FigureKindName(f.kind)) + " · " + (f.approx ? "≈ " : "") +
                      FormatValue(f) + (f.unit.empty() ? "" : " " + f.unit);
    iv[f.span.paragraph].push_back(
        {f.span.begin, f.span.end, 2, "<mark class=\"fig\" title=\"" + Html(tip) + "\">", "</mark>"});
  }
  // Check markers, numbered as in the fact list (problems first).
  std::vector<int> number(r.checks.size(), 0);
  int n = 0;
  for (int i : facts.problems) number[i] = ++n;
  for (int i : facts.verified) number[i] = ++n;
  for (size_t i = 0; i < r.checks.size(); ++i) {
    const Check& c = r.checks[i];
    if (c.spans.empty() || !ok_span(c.spans.back())) continue;
    const Span& s = c.spans.back();
    bool good = c.holds == true;
    for (const Span& cs : c.spans)
      if (ok_span(cs))
        iv[cs.paragraph].push_back({cs.begin, cs.end, 3,
                                    std::string("<span class=\"") + (good ? "cok" : "cbad") + "\">",
                                    "</span>"});
    mk[s.paragraph].push_back({s.end, 1,
                               "<a class=\"ck " + std::string(good ? "ok" : "bad") + "\" href=\"#check-" +
                                   std::to_string(number[i]) + "\" title=\"" + Html(c.kind + ": " + c.message) +
                                   "\">" + std::to_string(number[i]) + "</a>"});
  }

  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << Html(doc.language)
      << "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<title>FactLens report"
      << (title.empty() ? "" : " — " + Html(title)) << "</title>\n<style>" << kCss
      << "</style>\n</head>\n<body>\n";
  out << "<header><h1>FactLens report</h1>";
  if (!title.empty()) out << "<span class=\"title\">" << Html(title) << "</span>";
  out << "<span class=\"stats\">" << facts.problems.size() << " to review · " << facts.verified.size()
      << " verified · " << facts.people.size() << " people · " << facts.orgs.size()
      << " organisations · " << facts.places.size() << " places · " << r.attributions.size()
      << " quotes · " << facts.figures.size() << " figures</span></header>\n";
  out << "<div class=\"legend\"><span><mark class=\"PERSON\">Person</mark></span><span><mark "
         "class=\"ORG\">Organisation</mark></span><span><mark class=\"PLACE\">Place</mark></span>"
         "<span><mark class=\"MISC\">Other name</mark></span><span><mark class=\"fig\">Figure</mark>"
         "</span><span><span class=\"q\">Quotation</span><span class=\"spk\">speaker</span></span>"
         "<span><a class=\"ck bad\">1</a> check to review</span><span><a class=\"ck ok\">2</a> "
         "verified</span></div>\n";
  out << "<div class=\"wrap\">\n<article>\n";
  for (size_t p = 0; p < np; ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (para.text.find_first_not_of(u" \t\u00a0") == std::u16string::npos) continue;
    const bool heading = para.kind == ParagraphKind::kHeading || ShortNoPunct(para.text);
    const bool caption = para.kind == ParagraphKind::kCaption ||
                         para.text.find(u"(Photo") != std::u16string::npos;
    out << "<p id=\"p" << p + 1 << "\"" << (heading ? " class=\"h\"" : caption ? " class=\"cap\"" : "")
        << ">" << RenderParagraph(para.text, iv[p], mk[p]) << "</p>\n";
  }
  out << "</article>\n<aside>\n";

  // One check as a list item; `state` is "bad" (to review) or "ok" (verified).
  auto check_item = [&](int i, const char* state) {
    const Check& c = r.checks[i];
    out << "<li class=\"check " << state << "\" id=\"check-" << number[i]
        << "\"><span class=\"num\">" << number[i] << "</span><span class=\"k\">" << Html(c.kind)
        << "</span> "
        << (c.spans.empty() ? "" : "<a href=\"#p" + std::to_string(c.spans[0].paragraph + 1) + "\">¶" +
                                       std::to_string(c.spans[0].paragraph + 1) + "</a> ")
        << "— " << Html(c.message);
    if (!c.tolerance.empty()) out << "<span class=\"tol\">Tolerance: " << Html(c.tolerance) << "</span>";
    out << "</li>";
  };
  // Checks.
  out << "<section><h2><span>Checks to review</span><span class=\"n\">" << facts.problems.size()
      << "</span></h2>";
  if (facts.problems.empty()) out << "<p class=\"none\">Nothing flagged.</p>";
  else out << "<ul>";
  for (int i : facts.problems) check_item(i, "bad");
  if (!facts.problems.empty()) out << "</ul>";
  out << "</section>\n";
  out << "<section><h2><span>Verified</span><span class=\"n\">" << facts.verified.size() << "</span></h2>";
  if (facts.verified.empty()) out << "<p class=\"none\">No arithmetic or date to verify.</p>";
  else out << "<ul>";
  for (int i : facts.verified) check_item(i, "ok");
  if (!facts.verified.empty()) out << "</ul>";
  out << "</section>\n";

  HtmlEntities(out, "People", "PERSON", facts.people);
  HtmlEntities(out, "Organisations", "ORG", facts.orgs);
  HtmlEntities(out, "Places", "PLACE", facts.places);
  HtmlEntities(out, "Other names", "MISC", facts.misc);

  out << "<section><h2><span>Quotes by speaker</span><span class=\"n\">" << r.attributions.size()
      << "</span></h2>";
  if (facts.speakers.empty()) out << "<p class=\"none\">None found.</p>";
  for (const SpeakerGroup& g : facts.speakers) {
    out << "<h3>" << Html(g.name) << " <span class=\"kind\">(" << g.quotes.size() << ")</span></h3><ul>";
    for (const Attribution* a : g.quotes) {
      out << "<li><blockquote>" << Html(Text(doc, a->content)) << "</blockquote><span class=\"kind\">"
          << AttributionKindName(a->kind);
      if (a->outlet) out << " · via " << Html(Text(doc, *a->outlet));
      if (a->continuation) out << " · continued";
      out << " · <a href=\"#p" << a->content.paragraph + 1 << "\">¶" << a->content.paragraph + 1
          << "</a></span></li>";
    }
    out << "</ul>";
  }
  out << "</section>\n";

  out << "<section><h2><span><span class=\"chip\" style=\"background:var(--fig);border-color:var(--fig-b)\">"
         "</span>Figures</span><span class=\"n\">"
      << facts.figures.size() << "</span></h2>";
  if (facts.figures.empty()) {
    out << "<p class=\"none\">None found.</p>";
  } else {
    out << "<table><tr><th>Figure</th><th>Kind</th><th>Value</th></tr>";
    for (const Figure* f : facts.figures) {
      out << "<tr><td>" << Html(Text(doc, f->span)) << "</td><td class=\"kind\">"
          << FigureKindName(f->kind) << "</td><td class=\"v\">" << (f->approx ? "≈ " : "")
          << Html(FormatValue(*f)) << (f->unit.empty() ? "" : " " + Html(f->unit)) << "</td></tr>";
    }
    out << "</table>";
  }
  out << "</section>\n</aside>\n</div>\n<footer>Generated offline by FactLens. Highlights are a "
         "reading aid; verify every fact against its source.</footer>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace factlens
