// The Markdown fact list (reports.h): one section per group of the fact list.
#include <sstream>

#include "common/strings.h"
#include "factlens/reports.h"
#include "report/format.h"

namespace factlens {

namespace {

using report_internal::ReportFacts;
using report_internal::Text;

std::string Md(const std::string& s) {
  std::string out;
  for (char c : report_internal::OneLine(s)) {
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

void Summary(std::ostringstream& out, const Report& r, const ReportFacts& facts) {
  out << facts.Count(FactGroupKind::kPeople) << " people · "
      << facts.Count(FactGroupKind::kOrganisations) << " organisations · "
      << facts.Count(FactGroupKind::kPlaces) << " places · " << r.attributions.size()
      << " quotes · " << facts.Count(FactGroupKind::kFigures) << " figures · "
      << facts.problems.size() << " checks to review · " << facts.verified.size()
      << " verified\n\n";
}

// "- **kind** (¶3): message" and, per `verified`, the computed value or the tolerance.
void CheckLine(std::ostringstream& out, const Check& c, bool verified) {
  out << "- **" << Md(c.kind) << "**" << (c.spans.empty() ? "" : Where(c.spans[0])) << ": "
      << Md(c.message);
  if (!verified && c.computed && c.holds)
    out << " (computed " << report_internal::Trimmed(*c.computed) << ")";
  if (verified && !c.tolerance.empty()) out << " _Tolerance: " << Md(c.tolerance) << "._";
  out << "\n";
}

void Checks(std::ostringstream& out, const Report& r, const ReportFacts& facts) {
  out << "## Checks to review (" << facts.problems.size() << ")\n\n";
  if (facts.problems.empty()) out << "_Nothing flagged._\n";
  for (int i : facts.problems) CheckLine(out, r.checks[i], false);
  out << "\n## Verified (" << facts.verified.size() << ")\n\n";
  if (facts.verified.empty()) out << "_No arithmetic or date to verify._\n";
  for (int i : facts.verified) CheckLine(out, r.checks[i], true);
  out << "\n";
}

void EntityLine(std::ostringstream& out, const Entity& e) {
  out << "- **" << Md(Utf8(e.canonical)) << "**";
  for (const auto& d : e.descriptors) out << " — " << Md(Utf8(d));
  out << " · " << e.mentions << (e.mentions == 1 ? " mention" : " mentions");
  if (e.outlet) out << " · media outlet";
  const std::vector<std::string> forms = report_internal::OtherForms(e);
  if (!forms.empty()) {
    out << " · also: ";
    for (size_t i = 0; i < forms.size(); ++i) out << (i ? ", " : "") << Md(forms[i]);
  }
  if (e.ambiguous) out << " · **ambiguous**";
  out << "\n";
}

void Entities(std::ostringstream& out, const Report& r, const FactGroup& group) {
  out << "## " << FactGroupTitle(group.kind) << " (" << group.items.size() << ")\n\n";
  if (group.items.empty()) out << "_None found._\n";
  for (const FactItem& item : group.items) EntityLine(out, r.entity_list[item.source]);
  out << "\n";
}

void QuoteLine(std::ostringstream& out, const Document& doc, const Attribution& a) {
  const bool indirect = a.kind == AttributionKind::kIndirect;
  out << "- " << (indirect ? "" : "“") << Md(Text(doc, a.content)) << (indirect ? "" : "”")
      << " _(" << AttributionKindName(a.kind);
  if (a.outlet) out << ", via " << Md(Text(doc, *a.outlet));
  if (a.continuation) out << ", continued";
  if (a.belief) out << ", belief";
  out << ")_" << Where(a.content) << "\n";
}

void Quotes(std::ostringstream& out, const Document& doc, const Report& r,
            const ReportFacts& facts) {
  const FactGroup& speakers = facts.Group(FactGroupKind::kQuotes);
  out << "## Quotes by speaker (" << r.attributions.size() << ")\n\n";
  if (speakers.items.empty()) out << "_None found._\n\n";
  for (const FactItem& speaker : speakers.items) {
    out << "### " << Md(Utf8(speaker.text)) << " (" << speaker.children.size() << ")\n\n";
    for (const FactItem& quote : speaker.children)
      QuoteLine(out, doc, r.attributions[quote.source]);
    out << "\n";
  }
}

void Figures(std::ostringstream& out, const Document& doc, const Report& r,
             const ReportFacts& facts) {
  const FactGroup& figures = facts.Group(FactGroupKind::kFigures);
  out << "## " << FactGroupTitle(figures.kind) << " (" << figures.items.size() << ")\n\n";
  if (figures.items.empty()) {
    out << "_None found._\n";
    return;
  }
  out << "| Figure | Kind | Value | Unit | Where |\n|---|---|---|---|---|\n";
  for (const FactItem& item : figures.items) {
    const Figure& f = r.figures[item.source];
    out << "| " << Md(Text(doc, f.span)) << " | " << FigureKindName(f.kind) << " | "
        << (f.approx ? "≈ " : "") << Md(report_internal::FormatValue(f)) << " | " << Md(f.unit)
        << " | ¶" << f.span.paragraph + 1 << (f.note.empty() ? "" : " " + Md(f.note)) << " |\n";
  }
}

// A table cell: '|' escaped, line breaks as spaces.
std::string MdCell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out.push_back(' ');
    else out.push_back(c);
  }
  return out;
}

// "- People: Lee Jae-myung" for every fact (in the sidebar's list) whose key is marked.
std::string MarkedLines(const Document& doc, const Report& r,
                        const std::set<std::string>& verified_keys, int* n) {
  std::ostringstream lines;
  for (const FactGroup& g : BuildFactList(doc, r)) {
    for (const FactItem& item : g.items) {
      std::vector<const FactItem*> all{&item};
      for (const FactItem& child : item.children) all.push_back(&child);
      for (const FactItem* f : all) {
        if (f->key.empty() || verified_keys.count(f->key) == 0) continue;
        ++*n;
        lines << "- " << Utf8(g.title) << ": " << MdCell(Utf8(f->text)) << "\n";
      }
    }
  }
  return lines.str();
}

}  // namespace

std::string ReportToMarkdown(const Document& doc, const Report& r) {
  const ReportFacts facts(doc, r);
  std::ostringstream out;
  out << "# FactLens fact list\n\n";
  Summary(out, r, facts);
  Checks(out, r, facts);
  for (FactGroupKind kind : report_internal::kEntityGroups)
    Entities(out, r, facts.Group(kind));
  Quotes(out, doc, r, facts);
  Figures(out, doc, r, facts);
  return out.str();
}

std::string ReportToMarkdown(const Document& doc, const Report& r,
                             const std::set<std::string>& verified_keys) {
  int n = 0;
  const std::string lines = MarkedLines(doc, r, verified_keys, &n);
  std::string out = ReportToMarkdown(doc, r);
  if (n > 0)
    out += "\n## Marked Verified in the sidebar (" + std::to_string(n) + ")\n\n" + lines;
  return out;
}

}  // namespace factlens
