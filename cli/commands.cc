#include "cli/commands.h"

#include "cli/command.h"

namespace kg::cli {

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  return commands;
}

}  // namespace kg::cli
