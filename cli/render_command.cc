// `kg render`: draws the graph, or the part around --focus entities, with Graphviz.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <set>

#include "cli/command.h"
#include "cli/graph_source.h"
#include "graph/graph_ops.h"
#include "graph/graph_view.h"
#include "viz/renderer.h"

namespace kg::cli {

namespace {

class RenderCommand : public Command {
 public:
  std::string Name() const override { return "render"; }
  std::string Help() const override {
    return "Draw the graph (or the part around --focus) as SVG, PNG, PDF or DOT with Graphviz";
  }

  void Configure(CLI::App& app) override {
    AddGraphSourceOptions(app, &source_);
    app.add_option("--focus", focus_,
                   "Draw only the entities within --depth relations of this one (name, alias "
                   "or id; repeatable)");
    app.add_option("--depth", depth_, "Relations to follow from --focus (default 1)")
        ->check(CLI::Range(0, 100));
    app.add_option("-o,--output", output_, "Output file (default: standard output)");
    app.add_option("--format", format_, "svg, png, pdf or dot (default: from -o, else svg)")
        ->check(CLI::IsMember(viz::Renderer::Formats()));
    std::vector<std::string> engines = viz::Renderer::Engines();
    engines.insert(engines.begin(), "auto");
    app.add_option("--engine", engine_,
                   "Layout: dot, neato, sfdp, circo or fdp (default auto: dot, or sfdp past "
                   "100 entities)")
        ->check(CLI::IsMember(engines));
    app.add_flag("--concepts", concepts_, "Also draw CONCEPT nodes (hidden by default)");
    app.add_option("--category", categories_,
                   "Draw only relations of this event category, e.g. ASSAULT (repeatable)");
    app.add_flag("--no-negated", no_negated_, "Leave out negated relations");
    app.add_flag("--no-legend", no_legend_, "Leave out the legend");
    app.add_option("--title", title_, "A title above the drawing");
  }

  base::Status Validate() override {
    if (!output_.empty() && output_ != "-") {
      base::Result<std::string> named = viz::Renderer::FormatForPath(output_);
      if (format_.empty()) {
        if (!named.ok()) return named.status();
        format_ = *named;
      } else if (named.ok() && *named != format_) {
        return base::Status::InvalidArgument("-o " + output_ + " names " + *named +
                                             " but --format is " + format_);
      }
    }
    if (format_.empty()) format_ = "svg";
    return base::Status::Ok();
  }

  int Run(CliContext& ctx) override {
    base::Result<proto::Graph> graph = LoadGraph(source_);
    if (!graph.ok()) return Fail(ctx, Name(), graph.status());

    graph::GraphFilter filter;
    if (!concepts_) filter.drop_types.push_back(proto::CONCEPT);
    filter.keep_categories = categories_;
    filter.drop_negated = no_negated_;
    base::Result<proto::Graph> shown = SelectGraph(*graph, filter, focus_, depth_);
    if (!shown.ok()) return Fail(ctx, Name(), shown.status());
    if (shown->entities_size() == 0) {
      return Fail(ctx, Name(), base::Status::InvalidArgument(
                           "nothing to draw: the graph has no entities" +
                           std::string(graph->entities_size() > 0 ? " after filtering" : "")));
    }

    base::Result<std::unique_ptr<viz::Renderer>> renderer = viz::Renderer::Create();
    if (!renderer.ok()) return Fail(ctx, Name(), renderer.status());
    viz::RenderOptions options;
    options.engine = engine_ == "auto" ? viz::Renderer::DefaultEngine(*shown) : engine_;
    options.format = format_;
    options.legend = !no_legend_;
    options.title = title_;
    if (engine_ == "dot" && viz::Renderer::LargeForDot(*shown) && !ctx.quiet) {
      ctx.err << "kg render: note: dot on " << shown->entities_size()
              << " entities runs with bounded effort and straight edges and may still take "
                 "minutes; --engine sfdp or --focus is faster\n";
    }
    base::Result<std::string> bytes = (*renderer)->Render(*shown, options);
    if (!bytes.ok()) return Fail(ctx, Name(), bytes.status());
    if (base::Status s = WriteOutput(output_, *bytes, ctx.out); !s.ok()) return Fail(ctx, Name(), s);
    if (!ctx.quiet && !output_.empty() && output_ != "-") {
      ctx.err << "kg render: wrote " << output_ << " (" << format_ << ", "
              << shown->entities_size() << " entities, " << shown->relations_size()
              << " relations, " << options.engine << " layout)\n";
    }
    return 0;
  }

 private:
  GraphSource source_;
  std::vector<std::string> focus_;
  int depth_ = 1;
  std::string output_;
  std::string format_;
  std::string engine_ = "auto";
  bool concepts_ = false;
  std::vector<std::string> categories_;
  bool no_negated_ = false;
  bool no_legend_ = false;
  std::string title_;
};

}  // namespace

std::unique_ptr<Command> MakeRenderCommand() { return std::make_unique<RenderCommand>(); }

}  // namespace kg::cli
