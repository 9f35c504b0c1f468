/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "document/offset_map.hxx"

#include <algorithm>

namespace factlens::office
{
int32_t codePoints(const char16_t* s, int32_t n)
{
    int32_t count = 0;
    for (int32_t i = 0; i < n; ++i)
    {
        ++count;
        if (s[i] >= 0xD800 && s[i] <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00
            && s[i + 1] <= 0xDFFF)
            ++i;
    }
    return count;
}

void appendSegment(std::u16string& text, std::vector<Segment>& segments, const char16_t* piece,
                   int32_t n, int32_t stepBegin, int32_t steps, Segment::Kind kind)
{
    Segment seg;
    seg.u16Begin = static_cast<int32_t>(text.size());
    text.append(piece, static_cast<size_t>(n));
    seg.u16End = static_cast<int32_t>(text.size());
    if (kind == Segment::Text)
        std::replace(text.begin() + seg.u16Begin, text.end(), u'\n', u'\u2028');
    seg.stepBegin = stepBegin;
    seg.steps = steps;
    seg.kind = kind;
    segments.push_back(seg);
}

int32_t stepsAt(const std::vector<Segment>& segs, const std::u16string& text, int32_t offset,
                bool isEnd)
{
    if (segs.empty())
        return 0;
    // first segment whose end is beyond offset (begin) / at or beyond offset (end)
    auto it = std::lower_bound(segs.begin(), segs.end(), offset,
                               [isEnd](const Segment& s, int32_t off) {
                                   return isEnd ? s.u16End < off : s.u16End <= off;
                               });
    if (it == segs.end())
        return segs.back().stepBegin + segs.back().steps;
    const Segment& s = *it;
    if (offset <= s.u16Begin)
        return s.stepBegin;
    if (s.kind == Segment::Atomic)
        return isEnd ? s.stepBegin + s.steps : s.stepBegin;
    const int32_t from = s.u16Begin;
    return s.stepBegin + codePoints(text.data() + from, offset - from);
}

bool onlyFields(const std::vector<Segment>& segs, int32_t begin, int32_t end)
{
    bool bAny = false;
    for (const Segment& s : segs)
    {
        if (s.u16End <= begin || s.u16Begin >= end || s.u16End == s.u16Begin)
            continue;
        if (s.kind != Segment::Atomic)
            return false;
        bAny = true;
    }
    return bAny;
}

namespace
{
std::vector<Segment> mergedSegments(const std::vector<Segment>& in)
{
    std::vector<Segment> out;
    for (const Segment& s : in)
    {
        if (!out.empty() && s.kind == Segment::Text && out.back().kind == Segment::Text
            && out.back().u16End == s.u16Begin
            && out.back().stepBegin + out.back().steps == s.stepBegin)
        {
            out.back().u16End = s.u16End;
            out.back().steps += s.steps;
        }
        else
            out.push_back(s);
    }
    return out;
}
}

bool sameMapping(const std::vector<Segment>& a, const std::vector<Segment>& b)
{
    return mergedSegments(a) == mergedSegments(b);
}

std::vector<ColorRun> mergedRuns(const std::vector<ColorRun>& runs)
{
    std::vector<ColorRun> out;
    for (const ColorRun& r : runs)
    {
        if (!out.empty() && out.back().stepEnd == r.stepBegin && out.back().color == r.color)
            out.back().stepEnd = r.stepEnd;
        else
            out.push_back(r);
    }
    return out;
}
}
