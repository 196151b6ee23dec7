#pragma once
// Factories of the graph commands (render, path, stats, export), one per command file,
// for cli/commands.cc.

#include <memory>

namespace kg::cli {

class Command;

std::unique_ptr<Command> MakeRenderCommand();  // cli/render_command.cc
std::unique_ptr<Command> MakePathCommand();    // cli/path_command.cc
std::unique_ptr<Command> MakeStatsCommand();   // cli/stats_command.cc
std::unique_ptr<Command> MakeExportCommand();  // cli/export_command.cc

}  // namespace kg::cli
