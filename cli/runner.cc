#include "cli/runner.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"

namespace kg::cli {

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           bool interactive) {
  CLI::App app{"kg: English news articles -> a knowledge graph of who did what to whom", "kg"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every command");
  CliContext ctx{out, err, "", "", false, interactive};
  app.add_option("--models", ctx.models_dir, "Directory of trained models (default: built-in search)");
  app.add_option("--data", ctx.data_dir, "Directory of lexicons (default: built-in search)");
  app.add_flag("-q,--quiet", ctx.quiet, "No progress or summaries on stderr");
  app.add_flag_callback("--version", [&out] {
    out << "kg 0.1.0\n";
    throw CLI::Success();
  }, "Print the version and exit");

  std::vector<std::unique_ptr<Command>> commands = MakeCommands();
  std::vector<std::pair<CLI::App*, Command*>> subs;
  for (auto& command : commands) {
    CLI::App* sub = app.add_subcommand(command->Name(), command->Help());
    sub->fallthrough();  // global options (--models, --quiet) also after the command name
    command->Configure(*sub);
    subs.emplace_back(sub, command.get());
  }

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    // Also --help (CLI::CallForHelp, a kind of CLI::Success): app.exit prints the help.
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : 2;
  }
  for (auto& [sub, command] : subs) {
    if (!sub->parsed()) continue;
    if (base::Status s = command->Validate(); !s.ok()) {
      err << "kg " << command->Name() << ": " << s.message() << "\n"
          << "Run 'kg " << command->Name() << " --help' for usage.\n";
      return 2;
    }
    try {
      return command->Run(ctx);
    } catch (const std::exception& e) {
      // Libraries below us report errors by Status; this is the last line of defence.
      err << "kg " << command->Name() << ": internal error: " << e.what() << "\n";
      return 1;
    }
  }
  err << "kg: no command given\n";
  return 2;
}

}  // namespace kg::cli
