/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// ustring.hxx — the one set of string conversions for all of extension/.
//
//   OUString aText = toOUString(paragraph.text);   // factlens UTF-16 -> OUString
//   std::u16string s = toU16(xRange->getString());  // and back, unit for unit
//   std::string utf8 = toUtf8(aText);               // configuration, house list
//   OUString aBack = fromUtf8(utf8);
//
// UTF-16 conversions copy code units unchanged (offsets stay valid); UTF-8 ones
// convert with RTL_TEXTENCODING_UTF8. Pure functions, any thread.
#ifndef INCLUDED_FACTLENS_EXTENSION_COMMON_USTRING_HXX
#define INCLUDED_FACTLENS_EXTENSION_COMMON_USTRING_HXX

#include <string>

#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

namespace factlens::office
{
inline ::rtl::OUString toOUString(const std::u16string& s)
{
    return ::rtl::OUString(reinterpret_cast<const sal_Unicode*>(s.data()),
                           static_cast<sal_Int32>(s.size()));
}

inline std::u16string toU16(const ::rtl::OUString& s)
{
    return std::u16string(reinterpret_cast<const char16_t*>(s.getStr()),
                          static_cast<size_t>(s.getLength()));
}

inline std::string toUtf8(const ::rtl::OUString& s)
{
    ::rtl::OString o = ::rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<size_t>(o.getLength()));
}

inline ::rtl::OUString fromUtf8(const std::string& s)
{
    return ::rtl::OStringToOUString(::rtl::OString(s.data(), static_cast<sal_Int32>(s.size())),
                                    RTL_TEXTENCODING_UTF8);
}
}

#endif
