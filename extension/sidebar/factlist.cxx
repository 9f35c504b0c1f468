/* -*- Mode: C++; tab-width: 4; indent-tabs-mode: nil; c-basic-offset: 4 -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */

#include "factlist.hxx"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <factlens/io.h>

// The analysis library's Markdown and CSV fact lists (reports.h, from the checks
// work) replace the sidebar's own writers as soon as they are in the tree.
#if __has_include(<factlens/reports.h>)
#include <factlens/reports.h>
#define FACTLENS_HAVE_REPORTS_H 1
#else
#define FACTLENS_HAVE_REPORTS_H 0
#endif

namespace factlens::office
{
namespace
{
constexpr size_t kMaxLabel = 110; // UTF-16 units of fact text shown in a row

std::u16string U16(const char* ascii)
{
    std::u16string out;
    for (const char* p = ascii; *p; ++p)
        out.push_back(static_cast<unsigned char>(*p));
    return out;
}

// Cuts long text for a row, never inside a surrogate pair.
std::u16string Truncate(const std::u16string& text)
{
    if (text.size() <= kMaxLabel)
        return text;
    size_t cut = kMaxLabel;
    if (U16_IS_TRAIL(text[cut]) && cut > 0 && U16_IS_LEAD(text[cut - 1]))
        --cut;
    std::u16string out = text.substr(0, cut);
    while (!out.empty() && out.back() == u' ')
        out.pop_back();
    out.push_back(u'\u2026');
    return out;
}

// Collapses white space (including line breaks inside a span) to one space.
std::u16string CollapseSpaces(const std::u16string& text)
{
    std::u16string out;
    bool space = false;
    for (char16_t c : text)
    {
        const bool isSpace = c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == 0xA0
                             || c == 0x2028 || c == 0x2029 || (c >= 0x2000 && c <= 0x200A)
                             || c == 0x202F || c == 0x3000;
        if (isSpace)
        {
            space = !out.empty();
            continue;
        }
        if (space)
            out.push_back(u' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::u16string Fold(const std::u16string& text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkcCf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || !nfkcCf)
        return text;
    icu::UnicodeString src(false, text.data(), static_cast<int32_t>(text.size()));
    icu::UnicodeString dst = nfkcCf->normalize(src, status);
    if (U_FAILURE(status))
        return text;
    std::u16string out(dst.getBuffer(), dst.getBuffer() + dst.length());
    for (char16_t& c : out)
    {
        switch (c)
        {
            case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
                c = u'\''; break;
            case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
            case 0x2033: case 0x300C: case 0x300D:
                c = u'"'; break;
            case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
            case 0x2212:
                c = u'-'; break;
            default: break;
        }
    }
    return CollapseSpaces(out);
}

std::string FormatNumber(double v)
{
    if (!std::isfinite(v))
        return "?";
    char buf[64];
    if (std::fabs(v) < 1e15 && v == std::floor(v))
    {
        std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
        std::string digits(buf), grouped;
        int n = static_cast<int>(digits.size());
        for (int i = 0; i < n; ++i)
        {
            grouped.push_back(digits[i]);
            if ((n - i - 1) % 3 == 0 && i != n - 1)
                grouped.push_back(',');
        }
        return (v < 0 ? "-" : "") + grouped;
    }
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string FormatValue(const Figure& f)
{
    std::string value;
    switch (f.value.type)
    {
        case FigureValue::Type::kNone: return "no value";
        case FigureValue::Type::kNumber: value = FormatNumber(f.value.lo); break;
        case FigureValue::Type::kString: value = f.value.str_lo; break;
        case FigureValue::Type::kNumberRange:
            value = FormatNumber(f.value.lo) + "\u2013" + FormatNumber(f.value.hi);
            break;
        case FigureValue::Type::kStringRange:
            value = f.value.str_lo + "\u2013" + f.value.str_hi;
            break;
    }
    if (!f.unit.empty())
        value += " " + f.unit;
    if (f.approx)
        value = "\u2248 " + value;
    return value;
}

std::u16string SpanString(const Document& doc, const Span& span)
{
    return CollapseSpaces(SpanText(doc, span));
}

// "name_variant" -> "Name variant".
std::u16string CheckKindLabel(const std::string& kind)
{
    std::u16string out = FromUtf8(kind);
    for (char16_t& c : out)
        if (c == u'_')
            c = u' ';
    if (!out.empty() && out[0] >= u'a' && out[0] <= u'z')
        out[0] = static_cast<char16_t>(out[0] - u'a' + u'A');
    return out;
}

std::u16string Compose(const std::u16string& text, const std::u16string& detail)
{
    if (detail.empty())
        return Truncate(text);
    return Truncate(text) + u" \u2014 " + detail;
}

// Assigns "base#n" keys, n counting earlier facts with the same base.
class KeyMaker
{
public:
    std::string Make(const std::string& base) { return base + "#" + std::to_string(m_seen[base]++); }

private:
    std::map<std::string, int> m_seen;
};

void FinishItem(FactItem& item)
{
    item.label = Compose(item.text, item.detail);
    item.folded = Fold(item.text + u" " + item.detail);
}

} // namespace

std::string ToUtf8(const std::u16string& text)
{
    std::string out;
    icu::UnicodeString(false, text.data(), static_cast<int32_t>(text.size())).toUTF8String(out);
    return out;
}

std::u16string FromUtf8(const std::string& text)
{
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    return std::u16string(u.getBuffer(), u.getBuffer() + u.length());
}

std::u16string FoldForFilter(const std::u16string& text) { return Fold(text); }

std::string NormaliseKeyText(const std::u16string& text) { return ToUtf8(Fold(text)); }

bool ItemMatches(const FactItem& item, const std::u16string& foldedFilter)
{
    if (foldedFilter.empty() || item.folded.find(foldedFilter) != std::u16string::npos)
        return true;
    for (const FactItem& child : item.children)
        if (ItemMatches(child, foldedFilter))
            return true;
    return false;
}

std::u16string GroupLabel(const FactGroup& group, int shown)
{
    std::u16string count = FromUtf8(std::to_string(group.count));
    if (shown != group.count)
        count = FromUtf8(std::to_string(shown)) + u"/" + count;
    return group.title + u" (" + count + u")";
}

std::set<std::string> AllKeys(const std::vector<FactGroup>& groups)
{
    std::set<std::string> keys;
    for (const FactGroup& g : groups)
        for (const FactItem& item : g.items)
        {
            if (!item.key.empty())
                keys.insert(item.key);
            for (const FactItem& child : item.children)
                if (!child.key.empty())
                    keys.insert(child.key);
        }
    return keys;
}

std::vector<FactGroup> BuildFactList(const Document& doc, const Report& report)
{
    KeyMaker keys;
    std::vector<FactGroup> groups;
    auto makeGroup = [](FactGroupKind kind, const char* title) {
        FactGroup g;
        g.kind = kind;
        g.title = U16(title);
        return g;
    };
    FactGroup people = makeGroup(FactGroupKind::People, "People");
    FactGroup orgs = makeGroup(FactGroupKind::Organisations, "Organisations");
    FactGroup places = makeGroup(FactGroupKind::Places, "Places");
    FactGroup other = makeGroup(FactGroupKind::Other, "Other names");
    FactGroup quotes = makeGroup(FactGroupKind::Quotes, "Quotes");
    FactGroup figures = makeGroup(FactGroupKind::Figures, "Figures");
    FactGroup checks = makeGroup(FactGroupKind::Checks, "Checks");

    // ---- entities, with their mentions in document order
    std::vector<std::vector<Span>> mentions(report.entity_list.size());
    for (const EntityMention& m : report.entities)
        if (m.entity >= 0 && m.entity < static_cast<int32_t>(mentions.size()) && m.span.valid())
            mentions[m.entity].push_back(m.span);
    for (size_t i = 0; i < report.entity_list.size(); ++i)
    {
        const Entity& e = report.entity_list[i];
        std::sort(mentions[i].begin(), mentions[i].end());
        FactItem item;
        item.text = CollapseSpaces(e.canonical);
        const size_t n = mentions[i].empty() ? static_cast<size_t>(std::max(e.mentions, 0))
                                             : mentions[i].size();
        std::u16string detail = FromUtf8(std::to_string(n))
                                + (n == 1 ? U16(" mention") : U16(" mentions"));
        if (!e.descriptors.empty())
            detail = CollapseSpaces(e.descriptors.front()) + u", " + detail;
        if (e.outlet)
            detail += U16(", outlet");
        if (e.ambiguous)
            detail += U16(", ambiguous");
        item.detail = detail;
        item.spans = mentions[i];
        item.key = keys.Make(std::string("entity:") + EntityTypeName(e.type) + ":"
                             + NormaliseKeyText(e.canonical));
        FinishItem(item);
        // variants are searchable too
        for (const std::u16string& v : e.variants)
            item.folded += u" " + Fold(v);
        FactGroup* target = &other;
        switch (e.type)
        {
            case EntityType::kPerson: target = &people; break;
            case EntityType::kOrg: target = &orgs; break;
            case EntityType::kPlace: target = &places; break;
            case EntityType::kMisc: target = &other; break;
        }
        target->items.push_back(std::move(item));
        ++target->count;
    }

    // ---- quotes by speaker (speakers in order of their first quote)
    std::map<std::u16string, size_t> speakerIndex;
    for (const Attribution& a : report.attributions)
    {
        if (a.belief || !a.content.valid())
            continue;
        std::u16string speaker;
        if (!a.speaker_name.empty())
            speaker = CollapseSpaces(a.speaker_name);
        else if (a.vague_source)
            speaker = U16("Vague source")
                      + (a.speaker ? u": " + SpanString(doc, *a.speaker) : std::u16string());
        else if (a.speaker)
            speaker = SpanString(doc, *a.speaker) + U16(" (unresolved)");
        else
            speaker = U16("No speaker found");
        auto found = speakerIndex.find(speaker);
        if (found == speakerIndex.end())
        {
            FactItem s;
            s.text = speaker;
            found = speakerIndex.emplace(speaker, quotes.items.size()).first;
            quotes.items.push_back(std::move(s));
        }
        FactItem& s = quotes.items[found->second];

        FactItem q;
        const std::u16string content = SpanString(doc, a.content);
        const bool quoted = a.kind != AttributionKind::kIndirect;
        q.text = quoted ? u"\u201C" + content + u"\u201D" : content;
        std::u16string detail = FromUtf8(AttributionKindName(a.kind));
        if (a.outlet)
            detail += u", via " + SpanString(doc, *a.outlet);
        if (a.continuation)
            detail += U16(", continued");
        q.detail = detail;
        q.spans.push_back(a.content);
        q.key = keys.Make("quote:" + NormaliseKeyText(content));
        FinishItem(q);
        q.folded += u" " + Fold(speaker);
        s.children.push_back(std::move(q));
        s.spans.push_back(a.content);
        ++quotes.count;
    }
    for (FactItem& s : quotes.items)
    {
        const size_t n = s.children.size();
        s.detail = FromUtf8(std::to_string(n)) + (n == 1 ? U16(" quote") : U16(" quotes"));
        FinishItem(s);
    }

    // ---- figures
    for (const Figure& f : report.figures)
    {
        if (!f.span.valid())
            continue;
        FactItem item;
        item.text = SpanString(doc, f.span);
        std::string detail = FormatValue(f) + " \u00B7 " + FigureKindName(f.kind);
        if (!f.note.empty())
            detail += " (" + f.note + ")";
        item.detail = FromUtf8(detail);
        item.spans.push_back(f.span);
        item.key = keys.Make(std::string("figure:") + FigureKindName(f.kind) + ":"
                             + NormaliseKeyText(item.text));
        FinishItem(item);
        figures.items.push_back(std::move(item));
        ++figures.count;
    }

    // ---- checks
    for (const Check& c : report.checks)
    {
        FactItem item;
        item.text = c.message.empty() ? CheckKindLabel(c.kind) : FromUtf8(c.message);
        std::u16string detail = CheckKindLabel(c.kind);
        if (c.holds)
            detail += *c.holds ? U16(", holds") : U16(", does not hold");
        item.detail = detail;
        std::string base = "check:" + c.kind + ":";
        for (size_t k = 0; k < c.spans.size(); ++k)
        {
            if (!c.spans[k].valid())
                continue;
            item.spans.push_back(c.spans[k]);
            base += (k ? "|" : "") + NormaliseKeyText(SpanText(doc, c.spans[k]));
        }
        if (c.spans.empty())
            base += NormaliseKeyText(item.text);
        item.key = keys.Make(base);
        FinishItem(item);
        checks.items.push_back(std::move(item));
        ++checks.count;
    }

    groups.push_back(std::move(people));
    groups.push_back(std::move(orgs));
    groups.push_back(std::move(places));
    if (other.count > 0)
        groups.push_back(std::move(other));
    groups.push_back(std::move(quotes));
    groups.push_back(std::move(figures));
    groups.push_back(std::move(checks));
    return groups;
}

namespace
{
#if !FACTLENS_HAVE_REPORTS_H
std::string CsvField(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
    {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    return out + "\"";
}
#endif

std::string MdCell(const std::string& s)
{
    std::string out;
    for (char c : s)
    {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out.push_back(' ');
        else
            out.push_back(c);
    }
    return out;
}

// The document with paragraph_starts filled (code points, paragraphs joined by
// one "\n"), so that offsets agree with the JSON writer.
Document WithStarts(const Document& doc)
{
    Document out = doc;
    if (out.paragraph_starts.size() == out.paragraphs.size())
        return out;
    out.paragraph_starts.clear();
    int64_t base = 0;
    for (const Paragraph& p : out.paragraphs)
    {
        out.paragraph_starts.push_back(base);
        int64_t cps = static_cast<int64_t>(p.text.size());
        for (size_t k = 1; k < p.text.size(); ++k)
            if (U16_IS_TRAIL(p.text[k]) && U16_IS_LEAD(p.text[k - 1]))
                --cps;
        base += cps + 1;
    }
    return out;
}

std::string Location(const Document& doc, const FactItem& item, bool end)
{
    if (item.spans.empty())
        return std::string();
    const Span& s = item.spans.front();
    return std::to_string(CodePointOffset(doc, s.paragraph, end ? s.end : s.begin));
}

bool IsVerified(const FactItem& item, const std::set<std::string>& verifiedKeys)
{
    return !item.key.empty() && verifiedKeys.count(item.key) > 0;
}

// "## Marked Verified in the sidebar (n)" with one line per marked fact; empty
// when nothing is marked.
std::string VerifiedSection(const std::vector<FactGroup>& groups,
                            const std::set<std::string>& verifiedKeys)
{
    std::ostringstream lines;
    int n = 0;
    for (const FactGroup& g : groups)
        for (const FactItem& item : g.items)
        {
            std::vector<const FactItem*> all{ &item };
            for (const FactItem& child : item.children)
                all.push_back(&child);
            for (const FactItem* f : all)
                if (IsVerified(*f, verifiedKeys))
                {
                    ++n;
                    lines << "- " << ToUtf8(g.title) << ": " << MdCell(ToUtf8(f->text)) << "\n";
                }
        }
    if (n == 0)
        return std::string();
    return "\n## Marked Verified in the sidebar (" + std::to_string(n) + ")\n\n" + lines.str();
}

#if FACTLENS_HAVE_REPORTS_H
// Appends a "verified" column to the analysis library's CSV (RFC 4180: quoted
// fields may hold commas and line breaks). A row is matched to a fact by its
// section (entity / quote / figure / check) and start/end offsets.
std::string AppendVerifiedColumn(const std::string& csv, const Document& doc,
                                 const std::vector<FactGroup>& groups,
                                 const std::set<std::string>& verifiedKeys)
{
    auto category = [](const std::string& section) -> std::string {
        if (section == "quote" || section == "figure" || section == "check")
            return section;
        return "entity"; // person, organisation, place, other
    };
    std::set<std::string> marked; // "category:start:end"
    for (const FactGroup& g : groups)
    {
        const char* cat = g.kind == FactGroupKind::Quotes    ? "quote"
                          : g.kind == FactGroupKind::Figures ? "figure"
                          : g.kind == FactGroupKind::Checks  ? "check"
                                                             : "entity";
        for (const FactItem& item : g.items)
        {
            std::vector<const FactItem*> all{ &item };
            for (const FactItem& child : item.children)
                all.push_back(&child);
            for (const FactItem* f : all)
                if (IsVerified(*f, verifiedKeys))
                    marked.insert(std::string(cat) + ":" + Location(doc, *f, false) + ":"
                                  + Location(doc, *f, true));
        }
    }
    std::string out;
    std::vector<std::string> fields(1);
    std::string record;
    bool quoted = false, header = true;
    auto finish = [&](const std::string& eol) {
        std::string flag = "verified";
        if (!header)
        {
            // section is the first field; start and end the last two.
            const size_t n = fields.size();
            const bool ok = n >= 3
                            && marked.count(category(fields[0]) + ":" + fields[n - 2] + ":"
                                            + fields[n - 1]);
            flag = ok ? "yes" : "no";
        }
        out += record + "," + flag + eol;
        header = false;
        record.clear();
        fields.assign(1, std::string());
    };
    for (size_t i = 0; i < csv.size(); ++i)
    {
        const char c = csv[i];
        if (quoted)
        {
            record.push_back(c);
            if (c == '"')
            {
                if (i + 1 < csv.size() && csv[i + 1] == '"')
                {
                    record.push_back('"');
                    fields.back().push_back('"');
                    ++i;
                }
                else
                    quoted = false;
            }
            else
                fields.back().push_back(c);
            continue;
        }
        if (c == '"')
        {
            quoted = true;
            record.push_back(c);
        }
        else if (c == ',')
        {
            record.push_back(c);
            fields.emplace_back();
        }
        else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n')
        {
            finish("\r\n");
            ++i;
        }
        else if (c == '\n')
            finish("\n");
        else
        {
            record.push_back(c);
            fields.back().push_back(c);
        }
    }
    if (!record.empty())
        finish("\r\n");
    return out;
}
#endif
} // namespace

std::string ExportReport(const Document& doc, const Report& report, ExportFormat format,
                         const std::set<std::string>& verifiedKeys)
{
    if (format == ExportFormat::Json)
        return ReportToJson(doc, report, nullptr, 2) + "\n";

    const Document withStarts = WithStarts(doc);
    const std::vector<FactGroup> groups = BuildFactList(doc, report);
#if FACTLENS_HAVE_REPORTS_H
    // The analysis library's fact lists (reports.h), plus the sidebar's marks.
    if (format == ExportFormat::Csv)
        return AppendVerifiedColumn(ReportToCsv(doc, report), withStarts, groups, verifiedKeys);
    return ReportToMarkdown(doc, report) + VerifiedSection(groups, verifiedKeys);
#else
    std::ostringstream out;
    if (format == ExportFormat::Csv)
    {
        out << "group,speaker,fact,detail,start,end,verified\r\n";
        auto row = [&](const FactGroup& g, const std::string& speaker, const FactItem& item) {
            out << CsvField(ToUtf8(g.title)) << ',' << CsvField(speaker) << ','
                << CsvField(ToUtf8(item.text)) << ',' << CsvField(ToUtf8(item.detail)) << ','
                << Location(withStarts, item, false) << ',' << Location(withStarts, item, true)
                << ',' << (IsVerified(item, verifiedKeys) ? "yes" : "no") << "\r\n";
        };
        for (const FactGroup& g : groups)
            for (const FactItem& item : g.items)
            {
                if (g.kind == FactGroupKind::Quotes)
                    for (const FactItem& q : item.children)
                        row(g, ToUtf8(item.text), q);
                else
                    row(g, std::string(), item);
            }
        return out.str();
    }

    out << "# FactLens fact list\n";
    for (const FactGroup& g : groups)
    {
        out << "\n## " << ToUtf8(GroupLabel(g, g.count)) << "\n\n";
        if (g.count == 0)
        {
            out << "None found.\n";
            continue;
        }
        auto mark = [&](const FactItem& item) {
            return IsVerified(item, verifiedKeys) ? std::string("\u2713 ") : std::string();
        };
        if (g.kind == FactGroupKind::Quotes)
        {
            for (const FactItem& s : g.items)
            {
                out << "### " << MdCell(ToUtf8(s.text)) << " (" << s.children.size() << ")\n\n";
                for (const FactItem& q : s.children)
                    out << "- " << mark(q) << MdCell(ToUtf8(q.text)) << " \u2014 "
                        << MdCell(ToUtf8(q.detail)) << "\n";
                out << "\n";
            }
            continue;
        }
        out << "| Fact | Detail | Verified |\n|---|---|---|\n";
        for (const FactItem& item : g.items)
            out << "| " << MdCell(ToUtf8(item.text)) << " | " << MdCell(ToUtf8(item.detail))
                << " | " << (IsVerified(item, verifiedKeys) ? "yes" : "") << " |\n";
    }
    return out.str() + VerifiedSection(groups, verifiedKeys);
#endif
}

} // namespace factlens::office

/* vim:set shiftwidth=4 softtabstop=4 expandtab: */
