// Timed run of the graph and rendering code on generated graphs: building a GraphView,
// its centralities, components, ego graphs and paths, and Graphviz layouts.
//
//   graph_bench [--sizes 200,1000,10000] [--no-render]
//
// Graphs grow by preferential attachment (3 relations per new entity, fixed seed), like
// news graphs where a few actors take part in most events. Prints one line per step with
// its wall time, and the peak resident memory so far after each size. Whole-graph layouts:
// sfdp at every size, neato up to 1,000 entities, dot up to 300 (dot on the 1,000-entity
// graph takes about 6 minutes and 1.6 GB even with bounded effort: ranks 700 deep).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "graph/graph_view.h"
#include "proto/kg.pb.h"
#include "viz/renderer.h"

namespace {

kg::proto::Graph Generate(int entities, uint32_t seed) {
  static const kg::proto::EntityType kTypes[] = {kg::proto::PERSON, kg::proto::PERSON,
                                                 kg::proto::ORG,    kg::proto::GPE,
                                                 kg::proto::GPE,    kg::proto::LOC,
                                                 kg::proto::NORP,   kg::proto::DATE};
  static const char* kPredicates[] = {"meet", "call", "attack", "agree", "criticise",
                                      "support", "visit", "sanction", "talk", "accuse"};
  std::mt19937 rng(seed);
  kg::proto::Graph g;
  std::vector<int> ends;  // every relation end, so picking from it favours busy entities
  for (int i = 0; i < entities; ++i) {
    kg::proto::Entity* e = g.add_entities();
    char id[32];
    std::snprintf(id, sizeof id, "entity:%06d", i);
    e->set_id(id);
    e->set_name("Entity " + std::to_string(i));
    e->set_type(kTypes[rng() % std::size(kTypes)]);
    e->set_mention_count(1 + rng() % 20);
    const int links = i == 0 ? 0 : std::min(i, 3);
    for (int k = 0; k < links; ++k) {
      const int other = ends.empty() || rng() % 4 == 0 ? static_cast<int>(rng() % i)
                                                       : ends[rng() % ends.size()];
      kg::proto::Relation* r = g.add_relations();
      const bool forward = rng() % 2 == 0;
      r->set_id("rel:" + std::to_string(g.relations_size()));
      r->set_subject(g.entities(forward ? i : other).id());
      r->set_object(g.entities(forward ? other : i).id());
      r->set_predicate(kPredicates[rng() % std::size(kPredicates)]);
      r->set_cooperation(static_cast<float>(static_cast<int>(rng() % 21) - 10));
      r->set_polarity(rng() % 20 == 0 ? kg::proto::NEGATED : kg::proto::ASSERTED);
      r->set_mention_count(1 + rng() % 5);
      ends.push_back(i);
      ends.push_back(other);
    }
  }
  return g;
}

double Seconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Report(int n, const std::string& step, double seconds, const std::string& note = "") {
  std::printf("%7d  %-34s %12.3f ms  %s\n", n, step.c_str(), seconds * 1000.0, note.c_str());
  std::fflush(stdout);
}

void Render(kg::viz::Renderer& renderer, const kg::proto::Graph& g, int n,
            const std::string& engine, const std::string& format, const std::string& what) {
  kg::viz::RenderOptions options;
  options.engine = engine;
  options.format = format;
  std::string bytes;
  const double s = Seconds([&] {
    auto out = renderer.Render(g, options);
    if (!out.ok()) {
      std::fprintf(stderr, "render failed: %s\n", out.status().ToString().c_str());
      std::exit(1);
    }
    bytes = std::move(out).value();
  });
  Report(n, "render " + what + " " + engine + " " + format, s,
         std::to_string(bytes.size() / 1024) + " KiB");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes{200, 1000, 10000};
  bool render = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--no-render") {
      render = false;
    } else if (arg == "--sizes" && i + 1 < argc) {
      sizes.clear();
      for (std::string list = argv[++i]; !list.empty();) {
        const size_t comma = list.find(',');
        sizes.push_back(std::atoi(list.substr(0, comma).c_str()));
        list = comma == std::string::npos ? "" : list.substr(comma + 1);
      }
    } else {
      std::fprintf(stderr, "usage: graph_bench [--sizes 200,1000,10000] [--no-render]\n");
      return 2;
    }
  }
  auto renderer = kg::viz::Renderer::Create();
  if (!renderer.ok()) {
    std::fprintf(stderr, "%s\n", renderer.status().ToString().c_str());
    return 1;
  }

  std::printf("%7s  %-34s %15s\n", "nodes", "step", "wall time");
  for (int n : sizes) {
    kg::proto::Graph g;
    const double generate = Seconds([&] { g = Generate(n, 20250608); });
    Report(n, "generate", generate, std::to_string(g.relations_size()) + " relations");
    std::unique_ptr<kg::graph::GraphView> view;
    Report(n, "GraphView::Build", Seconds([&] { view = std::move(kg::graph::GraphView::Build(g)).value(); }));
    std::vector<kg::graph::EntityScore> scores;
    Report(n, "Degree", Seconds([&] { scores = view->Degree(); }));
    const std::string hub = scores.front().entity->id();
    Report(n, "Betweenness (Brandes)", Seconds([&] { scores = view->Betweenness(); }));
    Report(n, "PageRank", Seconds([&] { scores = view->PageRank(); }));
    size_t components = 0;
    const double components_time = Seconds([&] { components = view->Components().size(); });
    Report(n, "Components", components_time, std::to_string(components) + " components");
    kg::proto::Graph ego;
    const double ego_time = Seconds([&] { ego = view->Ego({hub}, 2).value(); });
    Report(n, "Ego depth 2 of the top entity", ego_time,
           std::to_string(ego.entities_size()) + " entities");
    kg::proto::Graph ego1 = view->Ego({hub}, 1).value();
    std::mt19937 rng(1);
    const double paths = Seconds([&] {
      for (int i = 0; i < 100; ++i) {
        const auto& a = g.entities(rng() % n).id();
        const auto& b = g.entities(rng() % n).id();
        if (!view->ShortestPath(a, b).ok()) std::exit(1);
      }
    });
    Report(n, "ShortestPath (per path, of 100)", paths / 100);

    if (render) {
      Render(**renderer, ego1, ego1.entities_size(), "dot", "svg", "ego depth 1");
      if (n <= 300) Render(**renderer, g, n, "dot", "svg", "whole");
      if (n <= 1000) Render(**renderer, g, n, "neato", "svg", "whole");
      Render(**renderer, g, n, "sfdp", "svg", "whole");
      if (n <= 1000) Render(**renderer, g, n, "sfdp", "png", "whole");
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%7d  peak resident memory so far: %.1f MiB\n", n, usage.ru_maxrss / 1024.0);
  }
  return 0;
}
