/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// paragraph.hxx — what we know of one paragraph of the document: how it was read
// (document/reader.cxx fills the first group) and what is painted on it
// (highlight/painter.cxx and the incremental repaint in session/run_paint.cxx).
// Main thread only.
#ifndef INCLUDED_FACTLENS_EXTENSION_DOCUMENT_PARAGRAPH_HXX
#define INCLUDED_FACTLENS_EXTENSION_DOCUMENT_PARAGRAPH_HXX

#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ustring.hxx>

#include "document/offset_map.hxx"
#include "highlight/plan.hxx"

namespace factlens::office
{
/// A range of the document with the colour to set on it (a user highlight to restore).
struct Painted
{
    css::uno::Reference<css::beans::XPropertySet> range;
    sal_Int32 color;
};

struct ParaInfo
{
    // --- reading
    css::uno::Reference<css::text::XText> text;
    // Text of a drawing shape (EditEngine): read and analysed, never painted. Measured
    // in 7.4: it has no CharHighlight, and a CharBackColor set through the API cannot
    // be removed again (setPropertyToDefault and setAllPropertiesToDefault leave the
    // run as it was; -1 leaves a direct "transparent"), so it would be saved.
    bool shapeText = false;
    css::uno::Reference<css::text::XTextRange> range; // the paragraph (follows later edits)
    // Its string when read (currentString): the text the analysis saw. A field's shown
    // text is left out: the office changes it by itself (a page number in a footer text
    // box is laid out anew during a store), which is no edit of the user's.
    ::rtl::OUString readString;
    ::rtl::OUString paintedString; // its currentString when first painted (detects edits)
    bool hasFields = false; // holds a text field: its strings leave the fields out
    // Read anew on the next run, its string unchanged notwithstanding: a comment anchor
    // inserted into it (comments/send_to_reporter) added a cursor step but no text.
    bool reread = false;
    std::vector<Segment> segments;
    std::vector<UserHighlight> userHighlights; // other colours than ours
    std::vector<ColorRun> ourRuns; // read: runs in one of our colours (an earlier paint)

    // --- painting: kept per paragraph so that a re-run after an edit repaints only
    // paragraphs whose text or highlights changed (session/run_paint.cxx).
    bool painted = false; // in the painted set of the current analysis (re-applied after a store)
    bool applied = false; // paintedIntervals are on the document now (false while withdrawn)
    bool stale = false; // carries highlights of an older analysis: withdraw before painting
    std::vector<Interval> paintedIntervals; // what was painted (UTF-16 of the analysed text)
    std::vector<ColorRun> appliedRuns; // the same in cursor steps, as set
    // a text range over the paragraph (where unpaint looks: it grows with typing and
    // spans the paragraph if the user splits it)
    css::uno::Reference<css::container::XEnumerationAccess> area;
    std::vector<Painted> userRestore; // user's own CharHighlight under our ranges
};
}

#endif
