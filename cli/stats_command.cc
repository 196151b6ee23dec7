// `kg stats`: what the graph holds, and its most central entities.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/command.h"
#include "cli/graph_source.h"
#include "graph/graph_ops.h"
#include "graph/graph_view.h"

namespace kg::cli {

namespace {

// Exact betweenness costs O(entities x relations); past this many entities it takes
// tens of seconds, so it needs --betweenness.
constexpr int kBetweennessLimit = 5000;

struct Ranking {
  std::string title;  // "degree"
  std::vector<graph::EntityScore> top;
};

class StatsCommand : public Command {
 public:
  std::string Name() const override { return "stats"; }
  std::string Help() const override {
    return "Counts of articles, entities and relations, and the top entities by degree, "
           "betweenness and PageRank";
  }

  void Configure(CLI::App& app) override {
    AddGraphSourceOptions(app, &source_);
    app.add_option("--top", top_, "How many entities each ranking lists (default 10)")
        ->check(CLI::Range(0, 100000));
    app.add_option("--format", format_, "text or json (default text)")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_flag("--concepts", concepts_, "Rank CONCEPT nodes too (left out by default)");
    app.add_flag("--betweenness", force_betweenness_,
                 "Rank by betweenness even past 5,000 entities (time grows with entities x "
                 "relations: about 30 s for 10,000 x 30,000)");
  }

  int Run(CliContext& ctx) override {
    base::Result<proto::Graph> graph = LoadGraph(source_);
    if (!graph.ok()) return Fail(ctx, Name(), graph.status());

    std::map<std::string, int> by_type, by_category;
    for (const proto::Entity& e : graph->entities()) ++by_type[graph::EntityTypeName(e.type())];
    int negated = 0;
    for (const proto::Relation& r : graph->relations()) {
      ++by_category[r.category().empty() ? "(none)" : r.category()];
      negated += r.polarity() == proto::NEGATED;
    }

    graph::GraphFilter filter;
    if (!concepts_) filter.drop_types.push_back(proto::CONCEPT);
    base::Result<std::unique_ptr<graph::GraphView>> view =
        graph::GraphView::Build(graph::FilterGraph(*graph, filter));
    if (!view.ok()) return Fail(ctx, Name(), view.status());
    const auto components = (*view)->Components();
    const bool betweenness =
        force_betweenness_ || (*view)->graph().entities_size() <= kBetweennessLimit;
    std::vector<Ranking> rankings = {{"degree", (*view)->Degree()}};
    if (betweenness) rankings.push_back({"betweenness", (*view)->Betweenness()});
    rankings.push_back({"PageRank", (*view)->PageRank()});
    for (Ranking& r : rankings) {
      if (r.top.size() > static_cast<size_t>(top_)) r.top.resize(top_);
    }

    if (format_ == "json") {
      nlohmann::ordered_json j;
      j["articles"] = graph->articles_size();
      j["entities"] = graph->entities_size();
      j["entities_by_type"] = by_type;
      j["relations"] = graph->relations_size();
      j["relations_by_category"] = by_category;
      j["negated_relations"] = negated;
      j["components"] = components.size();
      j["largest_component"] = components.empty() ? 0 : components[0].size();
      for (const Ranking& r : rankings) {
        auto& out = j["top_by_" + Lower(r.title)];
        out = nlohmann::ordered_json::array();
        for (const auto& s : r.top) {
          out.push_back({{"id", s.entity->id()},
                         {"name", s.entity->name()},
                         {"type", graph::EntityTypeName(s.entity->type())},
                         {"value", s.value}});
        }
      }
      ctx.out << j.dump(2) << "\n";
      return 0;
    }

    ctx.out << fmt::format("{:<24}{:>8}\n", "articles", graph->articles_size());
    ctx.out << fmt::format("{:<24}{:>8}\n", "entities", graph->entities_size());
    for (const auto& [type, count] : by_type) ctx.out << fmt::format("  {:<22}{:>8}\n", type, count);
    ctx.out << fmt::format("{:<24}{:>8}\n", "relations", graph->relations_size());
    for (const auto& [category, count] : by_category) {
      ctx.out << fmt::format("  {:<22}{:>8}\n", category, count);
    }
    ctx.out << fmt::format("{:<24}{:>8}\n", "negated relations", negated);
    ctx.out << fmt::format("{:<24}{:>8}", "connected components", components.size());
    if (!concepts_) ctx.out << "  (without concepts)";
    if (!components.empty()) ctx.out << ", largest " << components[0].size() << " entities";
    ctx.out << "\n";
    if (!betweenness) {
      ctx.out << "\nBetweenness left out: more than " << kBetweennessLimit
              << " entities (--betweenness computes it anyway)\n";
    }
    for (const Ranking& r : rankings) {
      if (r.top.empty()) continue;
      ctx.out << "\nTop entities by " << r.title << (concepts_ ? "" : " (without concepts)")
              << "\n";
      int rank = 0;
      for (const auto& s : r.top) {
        const std::string value =
            r.title == "degree" ? fmt::format("{:.0f}", s.value) : fmt::format("{:.4f}", s.value);
        ctx.out << fmt::format("  {:>3}. {:<40} {:<8} {:>8}\n", ++rank, s.entity->name(),
                               graph::EntityTypeName(s.entity->type()), value);
      }
    }
    return 0;
  }

 private:
  static std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  GraphSource source_;
  int top_ = 10;
  std::string format_ = "text";
  bool concepts_ = false;
  bool force_betweenness_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeStatsCommand() { return std::make_unique<StatsCommand>(); }

}  // namespace kg::cli
