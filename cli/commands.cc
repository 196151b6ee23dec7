#include "cli/commands.h"

#include "cli/command.h"
#include "cli/graph_commands.h"

namespace kg::cli {

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeRenderCommand());
  commands.push_back(MakeExportCommand());
  commands.push_back(MakeStatsCommand());
  commands.push_back(MakePathCommand());
  return commands;
}

}  // namespace kg::cli
