#pragma once
// The `kg` command line as a library: main() only calls RunCli, and tests call it with
// string streams. Thread-compatible: concurrent calls share nothing but the filesystem.

#include <iosfwd>
#include <string>
#include <vector>

namespace kg::cli {

// Runs `kg` with `args` (without the program name). Returns 0 (ok), 1 (runtime error)
// or 2 (usage error). Writes results to `out`, messages and progress to `err`.
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           bool interactive = false);

}  // namespace kg::cli
