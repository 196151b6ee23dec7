#include "cli/graph_source.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <unistd.h>

#include "cli/command.h"
#include "cli/store_access.h"
#include "graph/graph_io.h"
#include "graph/graph_ops.h"
#include "graph/graph_view.h"
#include "storage/store.h"

namespace kg::cli {

namespace {

base::Result<proto::Graph> LoadGraphFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return base::Status::IOError("cannot read graph file '" + path + "': " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return base::Status::IOError("cannot read graph file '" + path + "'");
  if (text.str().find_first_not_of(" \t\r\n") == std::string::npos) {
    return base::Status::InvalidArgument("graph file '" + path + "' is empty");
  }
  base::Result<proto::Graph> graph = graph::GraphFromJson(text.str());
  if (!graph.ok()) return graph.status().WithContext("graph file '" + path + "'");
  return graph;
}

base::Result<proto::Graph> LoadDatabase(const std::string& path) {
  base::Result<std::unique_ptr<storage::Store>> store = OpenForReading(path);
  if (!store.ok()) return store.status();
  return (*store)->ExportGraph();
}

}  // namespace

void AddGraphSourceOptions(CLI::App& app, GraphSource* source) {
  AddDbOption(app, &source->db);
  CLI::Option* db = app.get_option("--db");
  CLI::Option* file = app.add_option(
      "--graph", source->graph_file,
      "Read this graph JSON file (from `kg extract/export --format json`) instead of a database");
  file->excludes(db);
}

base::Result<proto::Graph> LoadGraph(const GraphSource& source) {
  if (!source.graph_file.empty()) return LoadGraphFile(source.graph_file);
  return LoadDatabase(source.db);
}

base::Result<std::string> ResolveGraphEntity(const graph::GraphView& view, const std::string& name,
                                        bool allow_concepts) {
  const proto::Entity* entity = view.FindEntity(name);
  if (entity == nullptr) {
    const std::vector<const proto::Entity*> found = view.FindByName(name);
    if (found.empty()) {
      return base::Status::NotFound("no entity named '" + name + "' in the graph");
    }
    if (found.size() > 1) {
      std::string message = "'" + name + "' matches " + std::to_string(found.size()) + " entities:";
      const size_t shown = std::min<size_t>(found.size(), 8);
      for (size_t i = 0; i < shown; ++i) {
        message += (i == 0 ? " " : ", ") + found[i]->name() + " (" + found[i]->id() + ")";
      }
      if (shown < found.size()) message += ", ...";
      return base::Status::InvalidArgument(message + "; give a fuller name or an id");
    }
    entity = found[0];
  }
  if (entity->type() == proto::CONCEPT && !allow_concepts) {
    return base::Status::InvalidArgument("'" + name + "' is the CONCEPT node " + entity->id() +
                                         ", hidden by default; add --concepts");
  }
  return entity->id();
}

base::Result<proto::Graph> SelectGraph(const proto::Graph& graph, const graph::GraphFilter& filter,
                                       const std::vector<std::string>& focus, int depth) {
  if (focus.empty()) return graph::FilterGraph(graph, filter);
  base::Result<std::unique_ptr<graph::GraphView>> full = graph::GraphView::Build(graph);
  if (!full.ok()) return full.status();
  const bool concepts = std::find(filter.drop_types.begin(), filter.drop_types.end(),
                                  proto::CONCEPT) == filter.drop_types.end();
  std::vector<std::string> ids;
  for (const std::string& name : focus) {
    base::Result<std::string> id = ResolveGraphEntity(**full, name, concepts);
    if (!id.ok()) return id.status();
    ids.push_back(*id);
  }
  base::Result<std::unique_ptr<graph::GraphView>> shown =
      graph::GraphView::Build(graph::FilterGraph(graph, filter));
  if (!shown.ok()) return shown.status();
  for (const std::string& id : ids) {
    if ((*shown)->FindEntity(id) == nullptr) {
      return base::Status::InvalidArgument("the focus " + id + " is left out by the filters");
    }
  }
  return (*shown)->Ego(ids, depth);
}

int Fail(CliContext& ctx, const std::string& command, const base::Status& status) {
  ctx.err << "kg " << command << ": " << status.message() << "\n";
  return 1;
}

base::Status WriteOutput(const std::string& path, const std::string& bytes, std::ostream& out) {
  if (path.empty() || path == "-") {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return base::Status::IOError("cannot write to standard output");
    return base::Status::Ok();
  }
  // Write beside the target, then rename over it: readers never see half a file.
  const std::string temp = path + ".kg-tmp-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  int error = errno;
  bool ok = file != nullptr;
  if (ok) {
    ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    error = errno;
    if (std::fclose(file) != 0 && ok) {
      ok = false;
      error = errno;
    }
  }
  if (ok && std::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    std::remove(temp.c_str());
    return base::Status::IOError("cannot write '" + path + "': " + std::strerror(error));
  }
  return base::Status::Ok();
}

}  // namespace kg::cli
