// factlens/reports.h — fact lists and the HTML report for editors.
//
// Usage:
//   factlens::Report report = factlens::Analyzer().Analyze(doc);
//   std::string md   = factlens::ReportToMarkdown(doc, report);
//   std::string csv  = factlens::ReportToCsv(doc, report);
//   std::string html = factlens::ReportToHtml(doc, report);
//
// Markdown and CSV are the fact list (factlist.h, report view): checks
// (needing attention, then verified), people, organisations, places, other
// names, quotes by speaker, figures with their normalised values. The editor's
// Verified marks (fact keys, as the sidebar stores them) can be added:
//   std::string csv = factlens::ReportToCsv(doc, report, verified_keys);
// The HTML
// report is one self-contained page (inline CSS, no script, no external
// resource): the draft with highlights (entities by type, quotations with
// their speakers, figures, numbered check markers) beside the fact list; it
// prints on A4/Letter with the fact list after the draft. Its colours are
// those of palette.h, the colours of the highlights in Writer.
//
// Offsets in CSV are Unicode code points into the input text, end exclusive
// (as in the JSON contract, io.h). All output is UTF-8.
// Thread-safety: reentrant.
#ifndef FACTLENS_REPORTS_H_
#define FACTLENS_REPORTS_H_

#include <set>
#include <string>

#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

std::string ReportToMarkdown(const Document& doc, const Report& report);

// As above, then a section "Marked Verified in the sidebar (n)" with one line
// per fact whose key (factlist.h) is in `verified_keys`; none when none is.
std::string ReportToMarkdown(const Document& doc, const Report& report,
                             const std::set<std::string>& verified_keys);

// Columns: section,type,text,detail,value,unit,holds,start,end (RFC 4180).
std::string ReportToCsv(const Document& doc, const Report& report);

// As above plus a last column "verified": "yes" when the row's fact key
// (factlist.h) is in `verified_keys`, else "no".
std::string ReportToCsv(const Document& doc, const Report& report,
                        const std::set<std::string>& verified_keys);

// `title` is shown in the page header (e.g. the file name); may be empty.
std::string ReportToHtml(const Document& doc, const Report& report,
                         const std::string& title = "");

}  // namespace factlens

#endif  // FACTLENS_REPORTS_H_
