// libFuzzer target: the factlens command line. The input is split at NUL bytes
// into arguments (argv[1..], at most 32) and goes through ParseCommandLine, the
// command's own parser (analysis/tools/factlens_main.cc is compiled in here
// without its main), which neither prints nor exits.
//
// Checks (abort on failure): no exception escapes; a stop is status 0 with the
// help text on stdout or status 2 with "factlens: ..." on stderr; a run has a
// FILE, a known format, jobs in 1..kMaxJobs (1 unless jsonl), a reference date
// exactly when --reference-date was given, and no --source with csv.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#define FACTLENS_CLI_NO_MAIN
#include "../../analysis/tools/factlens_main.cc"
#include "oracles.h"

namespace {

void CheckStop(const CommandLine& c) {
  if (c.status == kExitOk) {
    if (c.out != UsageText() || !c.err.empty()) fuzz::Fail("status 0 without the help text");
  } else if (c.status == kExitUsage) {
    if (!c.out.empty() || c.err.rfind("factlens: ", 0) != 0 && c.err != UsageText())
      fuzz::Fail("usage error without a message: " + c.err);
  } else {
    fuzz::Fail("stop with status " + std::to_string(c.status));
  }
}

void CheckRun(const CommandLine& c) {
  const CliOptions& o = c.options;
  if (o.file.empty()) fuzz::Fail("run without a FILE");
  if (!FindFormat(o.format) && o.format != "jsonl") fuzz::Fail("unknown format runs");
  if (o.jobs < 1 || o.jobs > kMaxJobs || (o.jobs != 1 && o.format != "jsonl"))
    fuzz::Fail("jobs out of range");
  if (c.reference.has_value() == o.reference_date.empty()) fuzz::Fail("reference date");
  if (!o.sources.empty() && o.format == "csv") fuzz::Fail("--source with csv");
  for (const std::string& s : o.sources)
    if (s.empty()) fuzz::Fail("an empty --source");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args;
  std::string arg;
  for (size_t i = 0; i < size && args.size() < 32; ++i) {
    if (data[i] == 0) {
      args.push_back(arg);
      arg.clear();
    } else {
      arg.push_back(static_cast<char>(data[i]));
    }
  }
  if (size > 0 && args.size() < 32) args.push_back(arg);
  const CommandLine c = ParseCommandLine(args);
  if (c.run) {
    CheckRun(c);
  } else {
    CheckStop(c);
  }
  return 0;
}
