#pragma once
// The list of `kg` subcommands, one factory per command file.

#include <memory>
#include <vector>

namespace kg::cli {

class Command;

// A fresh instance of every subcommand, in the order `kg --help` lists them.
std::vector<std::unique_ptr<Command>> MakeCommands();

}  // namespace kg::cli
