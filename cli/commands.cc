#include "cli/commands.h"

#include "cli/command.h"

namespace kg::cli {

std::unique_ptr<Command> MakeExtractCommand();
std::unique_ptr<Command> MakeAnnotateCommand();
std::unique_ptr<Command> MakeTrainCommand();
std::unique_ptr<Command> MakeEvaluateCommand();
std::unique_ptr<Command> MakeIngestCommand();
std::unique_ptr<Command> MakeQueryCommand();
std::unique_ptr<Command> MakeMergeCommand();
std::unique_ptr<Command> MakeEntityCommand();
std::unique_ptr<Command> MakeTimelineCommand();
std::unique_ptr<Command> MakeExplainCommand();
std::unique_ptr<Command> MakeRenderCommand();  // cli/render_command.cc
std::unique_ptr<Command> MakeExportCommand();  // cli/export_command.cc
std::unique_ptr<Command> MakeStatsCommand();   // cli/stats_command.cc
std::unique_ptr<Command> MakePathCommand();    // cli/path_command.cc

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  // The order `kg --help` lists them: the graph first, then the NLP tools.
  commands.push_back(MakeExtractCommand());
  commands.push_back(MakeIngestCommand());
  commands.push_back(MakeQueryCommand());
  commands.push_back(MakeRenderCommand());
  commands.push_back(MakeExportCommand());
  commands.push_back(MakeMergeCommand());
  commands.push_back(MakeStatsCommand());
  commands.push_back(MakePathCommand());
  commands.push_back(MakeEntityCommand());
  commands.push_back(MakeTimelineCommand());
  commands.push_back(MakeExplainCommand());
  commands.push_back(MakeAnnotateCommand());
  commands.push_back(MakeTrainCommand());
  commands.push_back(MakeEvaluateCommand());
  return commands;
}

}  // namespace kg::cli
