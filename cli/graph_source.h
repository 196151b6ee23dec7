#pragma once
// What the graph commands (render, path, stats, export) share: where the graph comes from
// — a kg database (--db, default ./kg.db, opened read-only) or a graph JSON file (--graph,
// protobuf's JSON mapping of Graph as `kg extract/export --format json` write) — how names
// on the command line become entities and a focus becomes a subgraph, and where output
// goes: a file (-o, replaced whole) or stdout. Functions; not thread-safe (CLI11 options).

#include <iosfwd>
#include <string>
#include <vector>

#include "base/status.h"
#include "proto/kg.pb.h"

namespace CLI {
class App;
}

namespace kg::graph {
class GraphView;
struct GraphFilter;
}

namespace kg::cli {

struct CliContext;

struct GraphSource {
  std::string db;            // --db (cli/store_access.h: default ./kg.db)
  std::string graph_file;    // --graph: read this JSON graph instead of a database
};

// Declares --db and --graph (mutually exclusive) on `app`, bound to `source`.
void AddGraphSourceOptions(CLI::App& app, GraphSource* source);

// The graph `source` names. The message names the file or database and the problem.
base::Result<proto::Graph> LoadGraph(const GraphSource& source);

// The id of the entity `name` denotes in `view`: an entity id as is, else
// GraphView::FindByName (names and aliases, then whole words of them: "Putin" finds
// "Vladimir Putin" even where the database has no such alias). NotFound when nothing matches; InvalidArgument listing the
// candidates when several do, or when it is a CONCEPT and `allow_concepts` is false.
base::Result<std::string> ResolveGraphEntity(const graph::GraphView& view, const std::string& name,
                                        bool allow_concepts);

// What render draws: `graph` through `filter`, then, when `focus` names entities (see
// ResolveGraphEntity; CONCEPTs allowed when `filter` keeps them), their ego graph at `depth`.
base::Result<proto::Graph> SelectGraph(const proto::Graph& graph, const graph::GraphFilter& filter,
                                       const std::vector<std::string>& focus, int depth);

// Reports `status` as "kg <command>: <message>" on ctx.err; returns 1 (runtime error).
int Fail(CliContext& ctx, const std::string& command, const base::Status& status);

// Writes `bytes` to `path` (replacing it whole) or, when `path` is empty or "-", to `out`.
// IOError naming `path` and the reason.
base::Status WriteOutput(const std::string& path, const std::string& bytes, std::ostream& out);

}  // namespace kg::cli
