/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// log.hxx — reporting from UNO entry points. Every entry point catches all
// exceptions and calls logException() inside its catch block, so that no
// exception ever reaches LibreOffice. Messages go to stderr ("FactLens: ...").
// FACTLENS_TRACE=1 in the environment also prints timing lines (logTrace).
#ifndef INCLUDED_FACTLENS_EXTENSION_LOG_HXX
#define INCLUDED_FACTLENS_EXTENSION_LOG_HXX

#include <functional>

namespace factlens::office
{
/// Call inside a catch block: prints where and what was caught.
void logException(const char* where);
/// Runs rFn once, as a UNO callback must: rFn is emptied first (what it captured is
/// released when it returns), and any exception is caught and reported as `where`.
void runOnceReporting(std::function<void()>& rFn, const char* where);
void logMessage(const char* message);
bool traceEnabled();
void logTrace(const char* format, ...) __attribute__((format(printf, 1, 2)));
}

#endif
