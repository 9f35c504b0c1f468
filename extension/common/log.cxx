/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
#include "common/log.hxx"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <utility>

#include <com/sun/star/uno/Exception.hpp>
#include <cppuhelper/exc_hlp.hxx>
#include <rtl/ustring.hxx>

namespace factlens::office
{
void runOnceReporting(std::function<void()>& rFn, const char* where)
{
    std::function<void()> aFn = std::move(rFn);
    rFn = nullptr;
    try
    {
        if (aFn)
            aFn();
    }
    catch (...)
    {
        logException(where);
    }
}

void logException(const char* where)
{
    try
    {
        throw;
    }
    catch (const css::uno::Exception& e)
    {
        std::fprintf(stderr, "FactLens: %s: %s\n", where,
                     ::rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8).getStr());
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "FactLens: %s: %s\n", where, e.what());
    }
    catch (...)
    {
        std::fprintf(stderr, "FactLens: %s: unknown exception\n", where);
    }
}

void logMessage(const char* message) { std::fprintf(stderr, "FactLens: %s\n", message); }

bool traceEnabled()
{
    static const bool enabled = [] {
        const char* v = std::getenv("FACTLENS_TRACE");
        return v && *v && *v != '0';
    }();
    return enabled;
}

void logTrace(const char* format, ...)
{
    if (!traceEnabled())
        return;
    std::va_list args;
    va_start(args, format);
    std::fputs("FactLens trace: ", stderr);
    std::vfprintf(stderr, format, args);
    std::fputc('\n', stderr);
    std::fflush(stderr);
    va_end(args);
}
}
