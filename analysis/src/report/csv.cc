// The CSV fact list (reports.h): one row per fact, RFC 4180.
#include <sstream>

#include "common/strings.h"
#include "factlens/io.h"
#include "factlens/reports.h"
#include "report/format.h"

namespace factlens {

namespace {

using report_internal::OneLine;
using report_internal::ReportFacts;
using report_internal::Text;

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

// The columns of one row but the offsets, which come from its span.
struct Row {
  std::string section, type, text, detail, value, unit, holds;
};

// Writes the rows; with verified keys, a last column "verified" (yes/no).
class CsvWriter {
 public:
  CsvWriter(const Document& doc, const std::set<std::string>* verified_keys)
      : doc_(doc), verified_keys_(verified_keys) {
    out_ << "section,type,text,detail,value,unit,holds,start,end"
         << (verified_keys_ ? ",verified" : "") << "\r\n";
  }

  void Write(const Row& row, const Span& s, const FactItem& fact) {
    std::string start, end;
    if (s.paragraph >= 0) {
      start = std::to_string(CodePointOffset(doc_, s.paragraph, s.begin));
      end = std::to_string(CodePointOffset(doc_, s.paragraph, s.end));
    }
    out_ << CsvField(row.section) << ',' << CsvField(row.type) << ','
         << CsvField(OneLine(row.text)) << ',' << CsvField(OneLine(row.detail)) << ','
         << CsvField(row.value) << ',' << CsvField(row.unit) << ',' << row.holds << ','
         << start << ',' << end;
    if (verified_keys_) out_ << ',' << (IsVerified(fact) ? "yes" : "no");
    out_ << "\r\n";
  }

  std::string str() const { return out_.str(); }

 private:
  bool IsVerified(const FactItem& fact) const {
    return !fact.key.empty() && verified_keys_->count(fact.key) > 0;
  }

  const Document& doc_;
  const std::set<std::string>* verified_keys_;
  std::ostringstream out_;
};

void Checks(CsvWriter& csv, const Document& doc, const Report& r, const ReportFacts& facts) {
  for (const FactItem& item : facts.Group(FactGroupKind::kChecks).items) {
    const Check& c = r.checks[item.source];
    const std::string text = c.spans.empty() ? "" : Text(doc, c.spans[0]);
    const std::string computed = c.computed ? report_internal::Trimmed(*c.computed) : "";
    const std::string holds = c.holds ? (*c.holds ? "true" : "false") : "";
    csv.Write({"check", c.kind, text, c.message, computed, c.tolerance, holds},
              c.spans.empty() ? Span{} : c.spans[0], item);
  }
}

// "South Korean President; also: Lee".
std::string EntityDetail(const Entity& e) {
  std::string detail;
  for (const auto& d : e.descriptors) detail += (detail.empty() ? "" : "; ") + Utf8(d);
  std::string forms;
  for (const auto& v : report_internal::OtherForms(e)) forms += (forms.empty() ? "" : "; ") + v;
  if (!forms.empty()) detail += (detail.empty() ? "also: " : "; also: ") + forms;
  return detail;
}

const char* EntitySection(FactGroupKind kind) {
  switch (kind) {
    case FactGroupKind::kPeople: return "person";
    case FactGroupKind::kOrganisations: return "organisation";
    case FactGroupKind::kPlaces: return "place";
    default: return "other";
  }
}

void Entities(CsvWriter& csv, const Report& r, const FactGroup& group) {
  for (const FactItem& item : group.items) {
    const Entity& e = r.entity_list[item.source];
    const Span first = item.spans.empty() ? Span{} : item.spans[0];
    csv.Write({EntitySection(group.kind), EntityTypeName(e.type), Utf8(e.canonical),
               EntityDetail(e), std::to_string(e.mentions), "mentions", ""},
              first, item);
  }
}

void Quotes(CsvWriter& csv, const Document& doc, const Report& r, const ReportFacts& facts) {
  for (const FactItem& speaker : facts.Group(FactGroupKind::kQuotes).items) {
    for (const FactItem& quote : speaker.children) {
      const Attribution& a = r.attributions[quote.source];
      csv.Write({"quote", AttributionKindName(a.kind), Text(doc, a.content), Utf8(speaker.text),
                 a.outlet ? Text(doc, *a.outlet) : "", "", ""},
                a.content, quote);
    }
  }
}

void Figures(CsvWriter& csv, const Document& doc, const Report& r, const ReportFacts& facts) {
  for (const FactItem& item : facts.Group(FactGroupKind::kFigures).items) {
    const Figure& f = r.figures[item.source];
    csv.Write({"figure", FigureKindName(f.kind), Text(doc, f.span), f.note,
               (f.approx ? "~" : "") + report_internal::FormatValue(f), f.unit, ""},
              f.span, item);
  }
}

std::string WriteCsv(const Document& doc, const Report& r,
                     const std::set<std::string>* verified_keys) {
  const ReportFacts facts(doc, r);
  CsvWriter csv(doc, verified_keys);
  Checks(csv, doc, r, facts);
  for (FactGroupKind kind : report_internal::kEntityGroups)
    Entities(csv, r, facts.Group(kind));
  Quotes(csv, doc, r, facts);
  Figures(csv, doc, r, facts);
  return csv.str();
}

}  // namespace

std::string ReportToCsv(const Document& doc, const Report& r) {
  return WriteCsv(doc, r, nullptr);
}

std::string ReportToCsv(const Document& doc, const Report& r,
                        const std::set<std::string>& verified_keys) {
  return WriteCsv(doc, r, &verified_keys);
}

}  // namespace factlens
