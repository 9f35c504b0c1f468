#include "factlens/document.h"
#include "factlens/report.h"

namespace factlens {

const char* ParagraphKindName(ParagraphKind kind) {
  switch (kind) {
    case ParagraphKind::kBody: return "body";
    case ParagraphKind::kHeading: return "heading";
    case ParagraphKind::kCaption: return "caption";
    case ParagraphKind::kTableCell: return "table_cell";
    case ParagraphKind::kFootnote: return "footnote";
    case ParagraphKind::kListItem: return "list_item";
  }
  return "body";
}

std::u16string_view SpanTextView(const Document& doc, const Span& span) {
  if (span.paragraph < 0 || span.paragraph >= static_cast<int32_t>(doc.paragraphs.size()))
    return {};
  const std::u16string& text = doc.paragraphs[span.paragraph].text;
  if (span.begin < 0 || span.end > static_cast<int32_t>(text.size()) || span.begin > span.end)
    return {};
  return std::u16string_view(text).substr(span.begin, span.end - span.begin);
}

std::u16string SpanText(const Document& doc, const Span& span) {
  return std::u16string(SpanTextView(doc, span));
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kPlace: return "PLACE";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

const char* FigureKindName(FigureKind kind) {
  switch (kind) {
    case FigureKind::kMoney: return "money";
    case FigureKind::kPercent: return "percent";
    case FigureKind::kDate: return "date";
    case FigureKind::kTime: return "time";
    case FigureKind::kNumber: return "number";
    case FigureKind::kOrdinal: return "ordinal";
    case FigureKind::kQuantity: return "quantity";
    case FigureKind::kDuration: return "duration";
  }
  return "number";
}

const char* AttributionKindName(AttributionKind kind) {
  switch (kind) {
    case AttributionKind::kDirect: return "direct";
    case AttributionKind::kIndirect: return "indirect";
    case AttributionKind::kMixed: return "mixed";
  }
  return "direct";
}

}  // namespace factlens
