// `kg export`: the whole graph as JSON, GraphML, DOT or CSV.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/command.h"
#include "cli/graph_source.h"
#include "graph/graph_io.h"
#include "graph/graph_ops.h"
#include "viz/renderer.h"

namespace kg::cli {

namespace {

// The export format a file name's extension names, or "".
std::string FormatForPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".json" || ext == ".graphml" || ext == ".csv") return ext.substr(1);
  if (ext == ".dot" || ext == ".gv") return "dot";
  return "";
}

class ExportCommand : public Command {
 public:
  std::string Name() const override { return "export"; }
  std::string Help() const override {
    return "Write the whole graph as JSON (protobuf mapping), GraphML, DOT or CSV";
  }

  void Configure(CLI::App& app) override {
    AddGraphSourceOptions(app, &source_);
    app.add_option("--format", format_,
                   "json, graphml, dot or csv (default: from the -o extension)")
        ->check(CLI::IsMember({"json", "graphml", "dot", "csv"}));
    app.add_option("-o,--output", output_, "Output file (default: standard output)");
    app.add_option("--table", table_, "csv: which table, entities or relations (default relations)")
        ->check(CLI::IsMember({"entities", "relations"}));
    app.add_flag("--no-concepts", no_concepts_, "Leave out CONCEPT nodes and their relations");
  }

  base::Status Validate() override {
    if (!output_.empty() && output_ != "-") {
      const std::string named = FormatForPath(output_);
      if (format_.empty()) {
        format_ = named;
      } else if (!named.empty() && named != format_) {
        return base::Status::InvalidArgument("-o " + output_ + " names " + named +
                                             " but --format is " + format_);
      }
    }
    if (format_.empty()) {
      return base::Status::InvalidArgument(
          "give --format json|graphml|dot|csv (or an -o file ending in one of those)");
    }
    if (!table_.empty() && format_ != "csv") {
      return base::Status::InvalidArgument("--table applies to --format csv only");
    }
    return base::Status::Ok();
  }

  int Run(CliContext& ctx) override {
    base::Result<proto::Graph> loaded = LoadGraph(source_);
    if (!loaded.ok()) return Fail(ctx, Name(), loaded.status());
    if (base::Status s = graph::CheckGraph(*loaded); !s.ok()) return Fail(ctx, Name(), s);
    graph::GraphFilter filter;
    if (no_concepts_) filter.drop_types.push_back(proto::CONCEPT);
    const proto::Graph graph = graph::SortedGraph(graph::FilterGraph(*loaded, filter));

    base::Result<std::string> bytes = Serialise(graph);
    if (!bytes.ok()) return Fail(ctx, Name(), bytes.status());
    if (base::Status s = WriteOutput(output_, *bytes, ctx.out); !s.ok()) {
      return Fail(ctx, Name(), s);
    }
    if (!ctx.quiet && !output_.empty() && output_ != "-") {
      ctx.err << "kg export: wrote " << output_ << " (" << format_ << ", "
              << graph.entities_size() << " entities, " << graph.relations_size()
              << " relations)\n";
    }
    return 0;
  }

 private:
  base::Result<std::string> Serialise(const proto::Graph& graph) const {
    if (format_ == "json") return graph::GraphToJson(graph);
    if (format_ == "dot") {
      base::Result<std::unique_ptr<viz::Renderer>> renderer = viz::Renderer::Create();
      if (!renderer.ok()) return renderer.status();
      viz::RenderOptions options;
      options.legend = false;  // data, not a picture: every node is an entity
      return (*renderer)->ToDot(graph, options);
    }
    std::ostringstream out;
    if (format_ == "graphml") {
      KG_RETURN_IF_ERROR(graph::WriteGraphml(graph, out));
    } else {
      const auto table =
          table_ == "entities" ? graph::CsvTable::kEntities : graph::CsvTable::kRelations;
      KG_RETURN_IF_ERROR(graph::WriteCsv(graph, table, out));
    }
    return out.str();
  }

  GraphSource source_;
  std::string format_;
  std::string output_;
  std::string table_;
  bool no_concepts_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace kg::cli
