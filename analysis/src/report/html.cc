// The HTML report (reports.h): the draft with highlights beside the fact list,
// one self-contained page. Its style sheet is data/reports/report.css, with the
// category colours of factlens/palette.h (the colours of the Writer highlights).
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string_view>

#include "common/embedded_data.h"
#include "common/strings.h"
#include "factlens/palette.h"
#include "factlens/reports.h"
#include "report/format.h"

namespace factlens {

namespace {

using report_internal::FormatValue;
using report_internal::ReportFacts;
using report_internal::Html;
using report_internal::Text;


// ------------------------------------------------------------------ style sheet

std::string HexColour(uint32_t rgb) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(rgb & 0xFFFFFF));
  return buf;
}

// The same hue, darker: for underlines, borders and text on the fill.
uint32_t LineColour(uint32_t rgb) {
  uint32_t out = 0;
  for (int shift : {16, 8, 0}) out |= (((rgb >> shift) & 0xFF) * 2 / 5) << shift;
  return out;
}

// "--person:#ffcf9b;--person-b:#66533e;..." for every palette entry, one line.
std::string PaletteVariables() {
  std::string line;
  for (const PaletteEntry& e : kPalette) {
    line += std::string("--") + e.id + ":" + HexColour(e.rgb) + ";";
    line += std::string("--") + e.id + "-b:" + HexColour(LineColour(e.rgb)) + ";";
  }
  return line + "\n";
}

// report.css without its header comment, "@palette" filled in.
std::string StyleSheet() {
  std::string_view css = EmbeddedData("reports/report.css");
  const size_t body = css.find("*/");
  if (body != std::string_view::npos) css.remove_prefix(body + 2);
  std::string out(css);
  const size_t at = out.find("@palette\n");
  if (at != std::string::npos) out.replace(at, 9, PaletteVariables());
  return out;
}

// ------------------------------------------------------------------ highlights

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

// Writes a paragraph's text with its markers and properly nested intervals.
class ParagraphWriter {
 public:
  ParagraphWriter(const std::u16string& text, std::vector<Marker> markers)
      : text_(text), len_(static_cast<int32_t>(text.size())), markers_(std::move(markers)) {
    std::stable_sort(markers_.begin(), markers_.end(), [](const Marker& a, const Marker& b) {
      return a.pos != b.pos ? a.pos < b.pos : a.order < b.order;
    });
  }

  // Intervals that cross an open one are dropped.
  std::string Write(std::vector<Interval> iv) {
    std::sort(iv.begin(), iv.end(), [](const Interval& a, const Interval& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;
      return a.prio < b.prio;
    });
    std::vector<const Interval*> stack;
    for (const Interval& i : iv) {
      if (i.begin < pos_ || i.end > len_ || i.begin >= i.end) continue;
      while (!stack.empty() && stack.back()->end <= i.begin) Close(stack);
      if (!stack.empty() && i.end > stack.back()->end) continue;  // crossing: drop
      Emit(i.begin);
      out_ += i.open;
      stack.push_back(&i);
    }
    while (!stack.empty()) Close(stack);
    Emit(len_);
    while (mi_ < markers_.size()) out_ += markers_[mi_++].html;
    return out_;
  }

 private:
  // Text up to `upto`, with the markers inside it.
  void Emit(int32_t upto) {
    upto = std::min(upto, len_);
    while (pos_ < upto) {
      while (mi_ < markers_.size() && markers_[mi_].pos <= pos_) out_ += markers_[mi_++].html;
      int32_t next = upto;
      if (mi_ < markers_.size() && markers_[mi_].pos < next) next = markers_[mi_].pos;
      out_ += Html(Utf8(std::u16string_view(text_).substr(pos_, next - pos_)));
      pos_ = next;
    }
  }

  void Close(std::vector<const Interval*>& stack) {
    Emit(stack.back()->end);
    out_ += stack.back()->close;
    stack.pop_back();
  }

  const std::u16string& text_;
  const int32_t len_;
  std::vector<Marker> markers_;
  std::string out_;
  int32_t pos_ = 0;
  size_t mi_ = 0;
};

// The highlights of the draft, per paragraph.
class Highlights {
 public:
  Highlights(const Document& doc, const Report& r, const ReportFacts& facts)
      : doc_(doc), iv_(doc.paragraphs.size()), mk_(doc.paragraphs.size()) {
    AddQuotes(r);
    AddEntities(r);
    AddFigures(r);
    AddChecks(r, facts);
  }

  // Check numbers as in the fact list (problems first), by index into Report::checks.
  const std::vector<int>& CheckNumbers() const { return number_; }

  std::string Paragraph(size_t p) const {
    return ParagraphWriter(doc_.paragraphs[p].text, mk_[p]).Write(iv_[p]);
  }

 private:
  bool Ok(const Span& s) const {
    return s.paragraph >= 0 && s.paragraph < static_cast<int32_t>(iv_.size()) && s.begin >= 0 &&
           s.end <= static_cast<int32_t>(doc_.paragraphs[s.paragraph].text.size()) &&
           s.begin < s.end;
  }

  // Quotations (direct and mixed statements) with their speakers.
  void AddQuotes(const Report& r) {
    for (const Attribution& a : r.attributions) {
      if (!Ok(a.content) || a.kind == AttributionKind::kIndirect) continue;
      std::string who = !a.speaker_name.empty() ? Utf8(a.speaker_name)
                        : a.vague_source       ? "unnamed source"
                        : a.speaker            ? Text(doc_, *a.speaker)
                                               : "no speaker";
      std::string tip = std::string(AttributionKindName(a.kind)) + " quote · " + who;
      if (a.outlet) tip += " · via " + Text(doc_, *a.outlet);
      iv_[a.content.paragraph].push_back({a.content.begin, a.content.end, 0,
                                          "<span class=\"q\" title=\"" + Html(tip) + "\">",
                                          "</span>"});
      mk_[a.content.paragraph].push_back(
          {a.content.end, 0, "<span class=\"spk\">" + Html(who) + "</span>"});
    }
  }

  void AddEntities(const Report& r) {
    for (const EntityMention& m : r.entities) {
      if (!Ok(m.span)) continue;
      std::string name = m.entity >= 0 && m.entity < static_cast<int32_t>(r.entity_list.size())
                             ? Utf8(r.entity_list[m.entity].canonical)
                             : Text(doc_, m.span);
      std::string tip = std::string(EntityTypeName(m.type)) + " · " + name;
      iv_[m.span.paragraph].push_back({m.span.begin, m.span.end, 1,
                                       "<mark class=\"" + std::string(EntityTypeName(m.type)) +
                                           "\" title=\"" + Html(tip) + "\">",
                                       "</mark>"});
    }
  }

  void AddFigures(const Report& r) {
    for (const Figure& f : r.figures) {
      if (!Ok(f.span)) continue;
      std::string tip = std::string(FigureKindName(f.kind)) + " · " + (f.approx ? "≈ " : "") +
                        FormatValue(f) + (f.unit.empty() ? "" : " " + f.unit);
      iv_[f.span.paragraph].push_back({f.span.begin, f.span.end, 2,
                                       "<mark class=\"fig\" title=\"" + Html(tip) + "\">",
                                       "</mark>"});
    }
  }

  // Check markers, numbered as in the fact list, and the checked spans underlined.
  void AddChecks(const Report& r, const ReportFacts& facts) {
    number_.assign(r.checks.size(), 0);
    int n = 0;
    for (int i : facts.problems) number_[i] = ++n;
    for (int i : facts.verified) number_[i] = ++n;
    for (size_t i = 0; i < r.checks.size(); ++i) {
      const Check& c = r.checks[i];
      if (c.spans.empty() || !Ok(c.spans.back())) continue;
      const Span& s = c.spans.back();
      const bool good = c.holds == true;
      for (const Span& cs : c.spans)
        if (Ok(cs))
          iv_[cs.paragraph].push_back(
              {cs.begin, cs.end, 3, std::string("<span class=\"") + (good ? "cok" : "cbad") + "\">",
               "</span>"});
      mk_[s.paragraph].push_back(
          {s.end, 1,
           "<a class=\"ck " + std::string(good ? "ok" : "bad") + "\" href=\"#check-" +
               std::to_string(number_[i]) + "\" title=\"" + Html(c.kind + ": " + c.message) +
               "\">" + std::to_string(number_[i]) + "</a>"});
    }
  }

  const Document& doc_;
  std::vector<std::vector<Interval>> iv_;
  std::vector<std::vector<Marker>> mk_;
  std::vector<int> number_;
};

// ------------------------------------------------------------------ page

void Head(std::ostringstream& out, const Document& doc, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"" << Html(doc.language)
      << "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n<title>FactLens report"
      << (title.empty() ? "" : " — " + Html(title)) << "</title>\n<style>" << StyleSheet()
      << "</style>\n</head>\n<body>\n";
}

void Banner(std::ostringstream& out, const Report& r, const ReportFacts& facts,
            const std::string& title) {
  out << "<header><h1>FactLens report</h1>";
  if (!title.empty()) out << "<span class=\"title\">" << Html(title) << "</span>";
  out << "<span class=\"stats\">" << facts.problems.size() << " to review · "
      << facts.verified.size() << " verified · " << facts.Count(FactGroupKind::kPeople)
      << " people · " << facts.Count(FactGroupKind::kOrganisations) << " organisations · "
      << facts.Count(FactGroupKind::kPlaces) << " places · " << r.attributions.size()
      << " quotes · " << facts.Count(FactGroupKind::kFigures) << " figures</span></header>\n";
  out << "<div class=\"legend\"><span><mark class=\"PERSON\">Person</mark></span><span><mark "
         "class=\"ORG\">Organisation</mark></span><span><mark class=\"PLACE\">Place</mark>"
         "</span><span><mark class=\"MISC\">Other name</mark></span><span><mark class=\"fig\">"
         "Figure</mark></span><span><span class=\"q\">Quotation</span><span class=\"spk\">"
         "speaker</span></span><span><a class=\"ck bad\">1</a> check to review</span><span>"
         "<a class=\"ck ok\">2</a> verified</span></div>\n";
}

// Short and without closing punctuation: shown as a heading.
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
  bool punct = last == '.' || last == '?' || last == '!' || last == ':' || last == u'”' ||
               last == '"';
  return words > 0 && words < 15 && !punct;
}

void Article(std::ostringstream& out, const Document& doc, const Highlights& highlights) {
  out << "<div class=\"wrap\">\n<article>\n";
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (para.text.find_first_not_of(u" \t\u00a0") == std::u16string::npos) continue;
    const bool heading = para.kind == ParagraphKind::kHeading || ShortNoPunct(para.text);
    const bool caption = para.kind == ParagraphKind::kCaption ||
                         para.text.find(u"(Photo") != std::u16string::npos;
    out << "<p id=\"p" << p + 1 << "\""
        << (heading ? " class=\"h\"" : caption ? " class=\"cap\"" : "") << ">"
        << highlights.Paragraph(p) << "</p>\n";
  }
  out << "</article>\n<aside>\n";
}

// One check as a list item; `state` is "bad" (to review) or "ok" (verified).
void CheckItem(std::ostringstream& out, const Check& c, int number, const char* state) {
  out << "<li class=\"check " << state << "\" id=\"check-" << number << "\"><span class=\"num\">"
      << number << "</span><span class=\"k\">" << Html(c.kind) << "</span> ";
  if (!c.spans.empty()) {
    const std::string p = std::to_string(c.spans[0].paragraph + 1);
    out << "<a href=\"#p" << p << "\">¶" << p << "</a> ";
  }
  out << "— " << Html(c.message);
  if (!c.tolerance.empty())
    out << "<span class=\"tol\">Tolerance: " << Html(c.tolerance) << "</span>";
  out << "</li>";
}

void CheckSection(std::ostringstream& out, const Report& r, const std::vector<int>& checks,
                  const std::vector<int>& number, const char* heading, const char* none,
                  const char* state) {
  out << "<section><h2><span>" << heading << "</span><span class=\"n\">" << checks.size()
      << "</span></h2>";
  if (checks.empty()) out << "<p class=\"none\">" << none << "</p>";
  else out << "<ul>";
  for (int i : checks) CheckItem(out, r.checks[i], number[i], state);
  if (!checks.empty()) out << "</ul>";
  out << "</section>\n";
}

// The colour chip of a section: fill and border of a palette entry.
std::string Chip(Category category) {
  const std::string id = PaletteOf(category).id;
  return "<span class=\"chip\" style=\"background:var(--" + id + ");border-color:var(--" + id +
         "-b)\"></span>";
}

Category EntityCategory(FactGroupKind kind) {
  switch (kind) {
    case FactGroupKind::kPeople: return Category::kPerson;
    case FactGroupKind::kOrganisations: return Category::kOrganisation;
    case FactGroupKind::kPlaces: return Category::kPlace;
    default: return Category::kMisc;
  }
}

void EntityItem(std::ostringstream& out, const Entity& e) {
  out << "<li><span class=\"cnt\">×" << e.mentions << "</span><b>" << Html(Utf8(e.canonical))
      << "</b>";
  if (e.outlet) out << " <span class=\"kind\">media outlet</span>";
  if (e.ambiguous) out << " <span class=\"kind\" style=\"color:var(--bad)\">ambiguous</span>";
  for (const auto& d : e.descriptors)
    out << "<br><span class=\"desc\">" << Html(Utf8(d)) << "</span>";
  const std::vector<std::string> forms = report_internal::OtherForms(e);
  if (!forms.empty()) {
    out << "<br><span class=\"desc\">also: ";
    for (size_t i = 0; i < forms.size(); ++i) out << (i ? ", " : "") << Html(forms[i]);
    out << "</span>";
  }
  out << "</li>";
}

void EntitySection(std::ostringstream& out, const Report& r, const FactGroup& group) {
  out << "<section><h2><span>" << Chip(EntityCategory(group.kind)) << FactGroupTitle(group.kind)
      << "</span><span class=\"n\">" << group.items.size() << "</span></h2>";
  if (group.items.empty()) {
    out << "<p class=\"none\">None found.</p></section>\n";
    return;
  }
  out << "<ul>";
  for (const FactItem& item : group.items) EntityItem(out, r.entity_list[item.source]);
  out << "</ul></section>\n";
}

void QuoteItem(std::ostringstream& out, const Document& doc, const Attribution& a) {
  out << "<li><blockquote>" << Html(Text(doc, a.content)) << "</blockquote><span class=\"kind\">"
      << AttributionKindName(a.kind);
  if (a.outlet) out << " · via " << Html(Text(doc, *a.outlet));
  if (a.continuation) out << " · continued";
  out << " · <a href=\"#p" << a.content.paragraph + 1 << "\">¶" << a.content.paragraph + 1
      << "</a></span></li>";
}

void QuoteSection(std::ostringstream& out, const Document& doc, const Report& r,
                  const ReportFacts& facts) {
  const FactGroup& speakers = facts.Group(FactGroupKind::kQuotes);
  out << "<section><h2><span>Quotes by speaker</span><span class=\"n\">" << r.attributions.size()
      << "</span></h2>";
  if (speakers.items.empty()) out << "<p class=\"none\">None found.</p>";
  for (const FactItem& speaker : speakers.items) {
    out << "<h3>" << Html(Utf8(speaker.text)) << " <span class=\"kind\">("
        << speaker.children.size() << ")</span></h3><ul>";
    for (const FactItem& quote : speaker.children)
      QuoteItem(out, doc, r.attributions[quote.source]);
    out << "</ul>";
  }
  out << "</section>\n";
}

void FigureSection(std::ostringstream& out, const Document& doc, const Report& r,
                   const ReportFacts& facts) {
  const FactGroup& figures = facts.Group(FactGroupKind::kFigures);
  out << "<section><h2><span>" << Chip(Category::kFigure) << FactGroupTitle(figures.kind)
      << "</span><span class=\"n\">" << figures.items.size() << "</span></h2>";
  if (figures.items.empty()) {
    out << "<p class=\"none\">None found.</p>";
  } else {
    out << "<table><tr><th>Figure</th><th>Kind</th><th>Value</th></tr>";
    for (const FactItem& item : figures.items) {
      const Figure& f = r.figures[item.source];
      out << "<tr><td>" << Html(Text(doc, f.span)) << "</td><td class=\"kind\">"
          << FigureKindName(f.kind) << "</td><td class=\"v\">" << (f.approx ? "≈ " : "")
          << Html(FormatValue(f)) << (f.unit.empty() ? "" : " " + Html(f.unit)) << "</td></tr>";
    }
    out << "</table>";
  }
  out << "</section>\n</aside>\n</div>\n";
}

}  // namespace

std::string ReportToHtml(const Document& doc, const Report& r, const std::string& title) {
  const ReportFacts facts(doc, r);
  const Highlights highlights(doc, r, facts);
  std::ostringstream out;
  Head(out, doc, title);
  Banner(out, r, facts, title);
  Article(out, doc, highlights);
  CheckSection(out, r, facts.problems, highlights.CheckNumbers(), "Checks to review",
               "Nothing flagged.", "bad");
  CheckSection(out, r, facts.verified, highlights.CheckNumbers(), "Verified",
               "No arithmetic or date to verify.", "ok");
  for (FactGroupKind kind : report_internal::kEntityGroups)
    EntitySection(out, r, facts.Group(kind));
  QuoteSection(out, doc, r, facts);
  FigureSection(out, doc, r, facts);
  out << "<footer>Generated offline by FactLens. Highlights are a reading aid; verify every fact "
         "against its source.</footer>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace factlens
