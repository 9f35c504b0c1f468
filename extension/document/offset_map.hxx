/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// offset_map.hxx — how UTF-16 offsets of a paragraph's text map to cursor steps.
// No UNO: unit-tested in tests/unit/highlight_plan_test.cc.
//
// XTextCursor::goRight counts code points (an emoji is one step); a text field is one
// step whatever its shown text; a comment or as-character object is one step without
// text; bookmarks, redline marks and soft page breaks are no step. The reader
// (document/reader.cxx) builds the segments while it walks a paragraph's portions:
//
//   std::u16string text;                 std::vector<Segment> segs;
//   appendSegment(text, segs, u"Hi ", 3, 0, 3, Segment::Text);       // steps 0-3
//   appendSegment(text, segs, u"2024", 4, 3, 1, Segment::Atomic);    // a field: step 3
//   stepsAt(segs, text, 5, false);   // == 3: inside the field snaps to its start
//   stepsAt(segs, text, 5, true);    // == 4: ... and to its end for an end offset
#ifndef INCLUDED_FACTLENS_EXTENSION_DOCUMENT_OFFSET_MAP_HXX
#define INCLUDED_FACTLENS_EXTENSION_DOCUMENT_OFFSET_MAP_HXX

#include <cstdint>
#include <string>
#include <vector>

namespace factlens::office
{
/// A piece of the paragraph text we built and the cursor steps it covers.
struct Segment
{
    int32_t u16Begin = 0; // in the paragraph text we built
    int32_t u16End = 0;
    int32_t stepBegin = 0;
    int32_t steps = 0;
    enum Kind : uint8_t
    {
        Text, // steps == code points of the text
        Atomic, // one or more steps shown as u16End-u16Begin characters (a field)
    } kind
        = Text;
    bool operator==(const Segment& o) const
    {
        return u16Begin == o.u16Begin && u16End == o.u16End && stepBegin == o.stepBegin
               && steps == o.steps && kind == o.kind;
    }
};

/// A run of a paragraph with a direct CharHighlight, in cursor steps.
struct ColorRun
{
    int32_t stepBegin, stepEnd;
    int32_t color;
    bool operator==(const ColorRun& o) const
    {
        return stepBegin == o.stepBegin && stepEnd == o.stepEnd && color == o.color;
    }
};
using UserHighlight = ColorRun; // a run where the user set CharHighlight directly

/// Code points in s[0, n) (a surrogate pair counts one).
int32_t codePoints(const char16_t* s, int32_t n);

/// Appends `piece` (n units) to `text` and a segment for it starting at cursor step
/// `stepBegin`. A Text piece gets its manual line breaks (U+000A, Shift+Enter) as
/// U+2028 LINE SEPARATOR: the analysis separates paragraphs by "\n" (same length,
/// a break for ICU).
void appendSegment(std::u16string& text, std::vector<Segment>& segments, const char16_t* piece,
                   int32_t n, int32_t stepBegin, int32_t steps, Segment::Kind kind);

/// Cursor steps from the paragraph start for a UTF-16 offset of `text`; an offset
/// inside a field snaps to the field's start (begin) or end (`isEnd`).
int32_t stepsAt(const std::vector<Segment>& segments, const std::u16string& text, int32_t offset,
                bool isEnd);

/// Does the UTF-16 range [begin, end) of the paragraph text lie in fields only (Atomic
/// segments)? A field's shown text is the office's (a page number, a date): a finding
/// over nothing else is not painted (a page number is no figure of the draft).
bool onlyFields(const std::vector<Segment>& segments, int32_t begin, int32_t end);

/// Do two readings map offsets to cursor steps the same way? Text portions split at
/// every attribute change (our highlights too), so contiguous text segments are
/// merged before comparing.
bool sameMapping(const std::vector<Segment>& a, const std::vector<Segment>& b);

/// Adjacent runs of one colour as one (portions also split at other attributes).
std::vector<ColorRun> mergedRuns(const std::vector<ColorRun>& runs);
}

#endif
