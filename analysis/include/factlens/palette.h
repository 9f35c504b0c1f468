// The highlight palette: one colour per kind of fact, shared by the Writer
// highlights (extension/) and the HTML report, so a reader sees the same
// colour for a person in both.
//
// Usage:
//   const factlens::PaletteEntry& e = factlens::PaletteOf(factlens::Category::kPerson);
//   e.id;     // "person": stable, used in command URLs and in CSS class names
//   e.label;  // "People": what the user reads
//   e.rgb;    // 0xFFCF9B
//   for (factlens::Category c : factlens::kPaintOrder) ...  // bottom to top
//
// Plain constant data: no ownership, thread-safe.
#ifndef FACTLENS_PALETTE_H_
#define FACTLENS_PALETTE_H_

#include <cstdint>

namespace factlens {

enum class Category {
  kPerson,
  kOrganisation,
  kPlace,
  kMisc,
  kQuoteContent,
  kQuoteSpeaker,
  kQuoteCue,
  kFigure,
};
inline constexpr int kCategoryCount = 8;

struct PaletteEntry {
  const char* id;
  const char* label;
  uint32_t rgb;  // 0xRRGGBB
};

// Indexed by Category.
inline constexpr PaletteEntry kPalette[kCategoryCount] = {
    {"person", "People", 0xFFCF9B},            // apricot
    {"org", "Organisations", 0xAEDCFB},        // light blue
    {"place", "Places", 0xBDEDB5},             // light green
    {"misc", "Other names", 0xE3D1F5},         // lavender
    {"content", "Quote content", 0xFFF2A9},    // pale yellow
    {"speaker", "Quote speaker", 0xFFB5C3},    // pink
    {"cue", "Attribution cue", 0xDCDCD3},      // warm grey
    {"figure", "Figures", 0x97E6DB},           // aqua
};

inline constexpr const PaletteEntry& PaletteOf(Category c) {
  return kPalette[static_cast<int>(c)];
}

// Painting order, bottom to top: a name inside a quote shows the name's colour.
inline constexpr Category kPaintOrder[kCategoryCount] = {
    Category::kQuoteContent, Category::kQuoteCue, Category::kMisc,
    Category::kPlace,        Category::kOrganisation, Category::kPerson,
    Category::kQuoteSpeaker, Category::kFigure};

}  // namespace factlens

#endif  // FACTLENS_PALETTE_H_
