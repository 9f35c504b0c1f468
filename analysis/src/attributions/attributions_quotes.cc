// Fallback quotation pairing for the attributions stage: used only when the
// text layer delivered no quotation marks at all (a TextLayer built by hand, or
// an older text layer). Same conventions as text.h describes; one pass, linear.
#include <unicode/uchar.h>

#include "attributions/attributions_internal.h"

namespace factlens {
namespace attributions_internal {
namespace {

bool IsLetterOrDigit(char16_t c) { return u_isalnum(c) != 0; }

enum class Kind {
  kNone,
  kOpenDouble,
  kCloseDouble,
  kStraightDouble,
  kOpenSingle,
  kCloseSingle,
  kStraightSingle
};

Kind Classify(char16_t c) {
  switch (c) {
    case u'“':
    case u'„':
    case u'«':
    case u'「':
      return Kind::kOpenDouble;
    case u'”':
    case u'»':
    case u'」':
      return Kind::kCloseDouble;
    case u'"':
      return Kind::kStraightDouble;
    case u'‘':
    case u'‚':
    case u'‹':
      return Kind::kOpenSingle;
    case u'’':
    case u'›':
      return Kind::kCloseSingle;
    case u'\'':
      return Kind::kStraightSingle;
    default:
      return Kind::kNone;
  }
}

}  // namespace

void PairQuotesIfMissing(const Document& doc, TextLayer* layer) {
  if (!layer->marks.empty() || !layer->quotations.empty()) return;
  // Open quotation per level: [0] double, [1] single (inside a double).
  int32_t open[2] = {-1, -1};
  const int32_t np = static_cast<int32_t>(doc.paragraphs.size());
  auto add_mark = [&](int32_t p, int32_t off, char16_t ch, MarkRole role, int32_t q) {
    QuoteMark m;
    m.pos = Position{p, off};
    m.ch = ch;
    m.role = role;
    m.quotation = q;
    layer->marks.push_back(m);
    return static_cast<int32_t>(layer->marks.size()) - 1;
  };
  std::vector<int32_t> open_mark_index(2, -1);
  auto unbalance = [&](int level) {
    if (open[level] < 0) return;
    layer->marks[open_mark_index[level]].role = MarkRole::kUnbalanced;
    layer->unbalanced.push_back(open_mark_index[level]);
    open[level] = -1;
  };
  for (int32_t p = 0; p < np; ++p) {
    const std::u16string& t = doc.paragraphs[p].text;
    const int32_t n = static_cast<int32_t>(t.size());
    // First non-space character: does the paragraph re-open a running quote?
    int32_t first = 0;
    while (first < n && u_isUWhiteSpace(t[first])) ++first;
    for (int level = 0; level < 2; ++level) {
      if (open[level] < 0) continue;
      Kind k = first < n ? Classify(t[first]) : Kind::kNone;
      const bool reopen = level == 0 ? (k == Kind::kOpenDouble || k == Kind::kStraightDouble)
                                     : (k == Kind::kOpenSingle || k == Kind::kStraightSingle);
      if (reopen && level == 0 && open[1] < 0) {
        layer->quotations[open[0]].reopen.push_back(Position{p, first});
        add_mark(p, first, t[first], MarkRole::kOpen, open[0]);
      } else {
        unbalance(level);
      }
    }
    const bool reopened = open[0] >= 0;
    for (int32_t i = 0; i < n; ++i) {
      if (reopened && i == first) continue;
      const char16_t ch = t[i];
      Kind k = Classify(ch);
      if (k == Kind::kNone) continue;
      const bool prev_alnum = i > 0 && IsLetterOrDigit(t[i - 1]);
      const bool next_alnum = i + 1 < n && IsLetterOrDigit(t[i + 1]);
      const bool prev_space = i == 0 || u_isUWhiteSpace(t[i - 1]) || t[i - 1] == u'(' ||
                              t[i - 1] == u'[' || t[i - 1] == u'—' || t[i - 1] == u'“';
      if (k == Kind::kStraightDouble)
        k = (open[0] < 0 && !prev_alnum) ? Kind::kOpenDouble : Kind::kCloseDouble;
      if (k == Kind::kCloseSingle || k == Kind::kStraightSingle) {
        // Apostrophe: inside a word (China’s, don't), or a plural possessive /
        // elision with no single quote open.
        if ((prev_alnum && next_alnum) || (open[1] < 0 && prev_alnum) ||
            (open[1] < 0 && k == Kind::kCloseSingle && !prev_space)) {
          add_mark(p, i, ch, MarkRole::kApostrophe, -1);
          continue;
        }
        if (k == Kind::kStraightSingle && open[1] < 0) {
          if (prev_space && next_alnum)
            k = Kind::kOpenSingle;
          else {
            add_mark(p, i, ch, MarkRole::kApostrophe, -1);
            continue;
          }
        } else if (k == Kind::kCloseSingle && open[1] < 0) {
          // ’ before a word after a space: an elision ('90s); apostrophe.
          add_mark(p, i, ch, MarkRole::kApostrophe, -1);
          continue;
        } else {
          k = Kind::kCloseSingle;
        }
      }
      const int level = (k == Kind::kOpenSingle || k == Kind::kCloseSingle) ? 1 : 0;
      const bool opening = k == Kind::kOpenDouble || k == Kind::kOpenSingle;
      if (opening) {
        if (open[level] >= 0) unbalance(level);  // nested opener of the same kind
        Quotation q;
        q.open = Position{p, i};
        q.open_mark = ch;
        q.single = level == 1;
        q.depth = (level == 1 && open[0] >= 0) ? 1 : 0;
        layer->quotations.push_back(q);
        open[level] = static_cast<int32_t>(layer->quotations.size()) - 1;
        open_mark_index[level] = add_mark(p, i, ch, MarkRole::kOpen, open[level]);
      } else {
        if (open[level] < 0) {
          int32_t m = add_mark(p, i, ch, MarkRole::kUnbalanced, -1);
          layer->unbalanced.push_back(m);
          continue;
        }
        if (level == 0 && open[1] >= 0) unbalance(1);
        Quotation& q = layer->quotations[open[level]];
        q.close = Position{p, i};
        q.close_mark = ch;
        add_mark(p, i, ch, MarkRole::kClose, open[level]);
        open[level] = -1;
      }
    }
  }
  unbalance(1);
  unbalance(0);
}

}  // namespace attributions_internal
}  // namespace factlens
