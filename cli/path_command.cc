// `kg path A B`: the shortest chain of relations between two entities.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/graph_source.h"
#include "graph/graph_ops.h"
#include "graph/graph_view.h"

namespace kg::cli {

namespace {

std::string Describe(const proto::Entity& e) {
  return e.name() + " (" + graph::EntityTypeName(e.type()) + ")";
}

// "attack", "not join", "talk (intended)".
std::string RelationWords(const proto::Relation& r) {
  std::string words = r.polarity() == proto::NEGATED ? "not " : "";
  words += r.predicate().empty() ? r.category() : r.predicate();
  if (r.modality() != proto::MODALITY_UNSPECIFIED && r.modality() != proto::FACTUAL) {
    std::string modality = proto::Modality_Name(r.modality());
    for (char& c : modality) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    words += " (" + modality + ")";
  }
  return words;
}

// "-[attack]->" along the path, "<-[attack]-" against it, "<-[talk]->" when symmetric.
std::string Arrow(const graph::PathLink& link) {
  const bool symmetric = link.relation->symmetric();
  return std::string(symmetric || !link.forward ? "<-[" : "-[") + RelationWords(*link.relation) +
         (symmetric || link.forward ? "]->" : "]-");
}

class PathCommand : public Command {
 public:
  std::string Name() const override { return "path"; }
  std::string Help() const override {
    return "Print the shortest chain of relations linking two entities";
  }

  void Configure(CLI::App& app) override {
    AddGraphSourceOptions(app, &source_);
    app.add_option("from", from_, "First entity (name, alias or id)")->required();
    app.add_option("to", to_, "Second entity (name, alias or id)")->required();
    app.add_flag("--concepts", concepts_, "Also go through CONCEPT nodes (left out by default)");
    app.add_flag("--no-negated", no_negated_, "Do not follow negated relations");
  }

  int Run(CliContext& ctx) override {
    base::Result<proto::Graph> graph = LoadGraph(source_);
    if (!graph.ok()) return Fail(ctx, Name(), graph.status());
    base::Result<std::unique_ptr<graph::GraphView>> full = graph::GraphView::Build(*graph);
    if (!full.ok()) return Fail(ctx, Name(), full.status());
    base::Result<std::string> from = ResolveGraphEntity(**full, from_, concepts_);
    if (!from.ok()) return Fail(ctx, Name(), from.status());
    base::Result<std::string> to = ResolveGraphEntity(**full, to_, concepts_);
    if (!to.ok()) return Fail(ctx, Name(), to.status());

    graph::GraphFilter filter;
    if (!concepts_) filter.drop_types.push_back(proto::CONCEPT);
    filter.drop_negated = no_negated_;
    base::Result<std::unique_ptr<graph::GraphView>> view =
        graph::GraphView::Build(graph::FilterGraph(*graph, filter));
    if (!view.ok()) return Fail(ctx, Name(), view.status());
    auto path = (*view)->ShortestPath(*from, *to);
    if (!path.ok()) return Fail(ctx, Name(), path.status());
    const proto::Entity& a = *(*view)->FindEntity(*from);
    const proto::Entity& b = *(*view)->FindEntity(*to);
    if (!path->has_value()) {
      ctx.err << "kg path: no chain of relations links " << Describe(a) << " and " << Describe(b)
              << (concepts_ ? "" : " (CONCEPT nodes left out; --concepts goes through them)")
              << "\n";
      return 1;
    }
    const std::vector<graph::PathStep>& steps = **path;
    ctx.out << Describe(a) << " to " << Describe(b) << ": " << steps.size()
            << (steps.size() == 1 ? " step" : " steps") << "\n";
    for (const graph::PathStep& step : steps) {
      ctx.out << "  " << Describe(*step.from) << "  " << Arrow(step.links.front()) << "  "
              << Describe(*step.to);
      for (size_t i = 1; i < step.links.size(); ++i) {
        ctx.out << (i == 1 ? "   (also: " : ", ") << Arrow(step.links[i]);
      }
      ctx.out << (step.links.size() > 1 ? ")\n" : "\n");
    }
    return 0;
  }

 private:
  GraphSource source_;
  std::string from_;
  std::string to_;
  bool concepts_ = false;
  bool no_negated_ = false;
};

}  // namespace

std::unique_ptr<Command> MakePathCommand() { return std::make_unique<PathCommand>(); }

}  // namespace kg::cli
