// `kg`: hands the arguments to RunCli and exits with its code.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/runner.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  const int code = kg::cli::RunCli(args, std::cout, std::cerr, isatty(STDERR_FILENO) != 0);
  std::cout.flush();
  return code;
}
