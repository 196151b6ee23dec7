#pragma once
// A temporary directory holding the invented news graph (tests/graph/test_graphs.h) as a
// graph JSON file, for the CLI tests of render, path, stats and export (--graph FILE).

#include <string>

#include "graph/graph_io.h"
#include "tests/graph/test_graphs.h"
#include "tests/test_util.h"

namespace kg::testing {

class GraphFile {
 public:
  explicit GraphFile(const proto::Graph& graph = NewsGraph()) {
    WriteFile(path(), graph::GraphToJson(graph).value());
  }
  std::string path() const { return dir_ / "graph.json"; }
  // dir/name, for outputs.
  std::string operator/(const std::string& name) const { return dir_ / name; }

 private:
  TempDir dir_;
};

}  // namespace kg::testing
