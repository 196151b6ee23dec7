#include "cli/commands.h"

#include "cli/command.h"

namespace kg::cli {

std::unique_ptr<Command> MakeAnnotateCommand();
std::unique_ptr<Command> MakeTrainCommand();
std::unique_ptr<Command> MakeEvaluateCommand();

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeAnnotateCommand());
  commands.push_back(MakeTrainCommand());
  commands.push_back(MakeEvaluateCommand());
  return commands;
}

}  // namespace kg::cli
