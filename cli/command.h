#pragma once
// One `kg` subcommand: a name, a one-line help, its options (declared on a CLI11
// subcommand), argument checks, and Run(). Commands are created fresh for every RunCli
// call, so they may keep parsed options as members. Not thread-safe.

#include <iosfwd>
#include <string>

#include "base/status.h"

namespace CLI {
class App;
}

namespace kg::cli {

// Options every subcommand shares and the streams it talks to.
struct CliContext {
  std::ostream& out;
  std::ostream& err;
  std::string models_dir;  // --models: trained model directory ("" = search)
  std::string data_dir;    // --data: lexicon directory ("" = search)
  bool quiet = false;      // --quiet: no progress or summaries on stderr
  bool interactive = false;  // stderr is a terminal (progress bars allowed)
};

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string Name() const = 0;
  virtual std::string Help() const = 0;
  // Declares this command's options and positionals on `app`.
  virtual void Configure(CLI::App& app) = 0;
  // Checks arguments beyond what CLI11 checks; a failure is a usage error (exit 2).
  virtual base::Status Validate() { return base::Status::Ok(); }
  // Does the work; returns 0 (ok) or 1 (runtime error, already reported on ctx.err).
  virtual int Run(CliContext& ctx) = 0;
};

}  // namespace kg::cli
