#include "graph/graph_view.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "base/text.h"
#include "graph/graph_ops.h"

namespace kg::graph {

namespace {

// Relations as directed edges, subject -> object; the edge property is the relation's
// index in the sorted graph. Parallel edges and self-loops are kept.
using DirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                          boost::property<boost::edge_index_t, int>>;
// One edge per pair of distinct linked entities, directions ignored. Edges are added in
// (low, high) vertex order, so every vertex's adjacency list is in id order.
using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Vertex = int;

// Rounds to 12 significant digits, so that values equal up to floating-point noise
// compare equal and their order falls to the id tie-break.
double RoundSignificant(double v) {
  if (v == 0 || !std::isfinite(v)) return v;
  const double scale = std::pow(10.0, 11 - static_cast<int>(std::floor(std::log10(std::fabs(v)))));
  return std::round(v * scale) / scale;
}

// " a b " contains " b ": `needle` occurs in `hay` as whole words.
bool ContainsWords(const std::string& hay, const std::string& needle) {
  return (" " + hay + " ").find(" " + needle + " ") != std::string::npos;
}

}  // namespace

struct GraphView::Impl {
  proto::Graph graph;
  std::unordered_map<std::string_view, Vertex> vertex_of;  // keys view into `graph`
  std::vector<std::vector<std::string>> folded_names;      // per vertex: name, aliases
  DirectedGraph directed;
  SimpleGraph simple;
  std::map<std::pair<Vertex, Vertex>, std::vector<int>> links;  // (low, high) -> relations

  const proto::Entity* Entity(Vertex v) const { return &graph.entities(v); }
  const proto::Relation* Relation(int r) const { return &graph.relations(r); }

  base::Result<Vertex> Find(std::string_view id) const {
    auto it = vertex_of.find(id);
    if (it == vertex_of.end()) {
      return base::Status::InvalidArgument("no entity with id '" + std::string(id) +
                                           "' in the graph");
    }
    return it->second;
  }

  std::vector<EntityScore> Ranked(const std::vector<double>& values) const {
    std::vector<EntityScore> out;
    out.reserve(values.size());
    for (size_t v = 0; v < values.size(); ++v) {
      out.push_back({Entity(static_cast<Vertex>(v)), RoundSignificant(values[v])});
    }
    // Vertices are in id order, so a stable sort by value breaks ties by id.
    std::stable_sort(out.begin(), out.end(),
                     [](const EntityScore& a, const EntityScore& b) { return a.value > b.value; });
    return out;
  }
};

GraphView::GraphView(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphView::~GraphView() = default;

base::Result<std::unique_ptr<GraphView>> GraphView::Build(const proto::Graph& graph) {
  KG_RETURN_IF_ERROR(CheckGraph(graph));
  auto impl = std::make_unique<Impl>();
  impl->graph = SortedGraph(graph);
  const proto::Graph& g = impl->graph;
  const int n = g.entities_size();

  impl->folded_names.resize(n);
  for (Vertex v = 0; v < n; ++v) {
    const proto::Entity& e = g.entities(v);
    impl->vertex_of.emplace(e.id(), v);
    impl->folded_names[v].push_back(base::FoldName(e.name()));
    for (const std::string& alias : e.aliases()) {
      impl->folded_names[v].push_back(base::FoldName(alias));
    }
  }

  impl->directed = DirectedGraph(n);
  for (int r = 0; r < g.relations_size(); ++r) {
    const Vertex s = impl->vertex_of.at(g.relations(r).subject());
    const Vertex o = impl->vertex_of.at(g.relations(r).object());
    boost::add_edge(s, o, r, impl->directed);
    if (s != o) impl->links[{std::min(s, o), std::max(s, o)}].push_back(r);
  }

  impl->simple = SimpleGraph(n);
  for (auto& [pair, relations] : impl->links) {
    boost::add_edge(pair.first, pair.second, impl->simple);
    std::stable_sort(relations.begin(), relations.end(), [&g](int a, int b) {
      const proto::Relation& ra = g.relations(a);
      const proto::Relation& rb = g.relations(b);
      const bool neg_a = ra.polarity() == proto::NEGATED;
      const bool neg_b = rb.polarity() == proto::NEGATED;
      if (neg_a != neg_b) return !neg_a;
      return ra.mention_count() > rb.mention_count();
    });
  }
  return std::unique_ptr<GraphView>(new GraphView(std::move(impl)));
}

const proto::Graph& GraphView::graph() const { return impl_->graph; }

const proto::Entity* GraphView::FindEntity(std::string_view id) const {
  auto it = impl_->vertex_of.find(id);
  return it == impl_->vertex_of.end() ? nullptr : impl_->Entity(it->second);
}

std::vector<const proto::Entity*> GraphView::FindByName(std::string_view name) const {
  const std::string folded = base::FoldName(name);
  std::vector<const proto::Entity*> exact, partial;
  if (folded.empty()) return exact;
  for (size_t v = 0; v < impl_->folded_names.size(); ++v) {
    const auto& names = impl_->folded_names[v];
    const auto* entity = impl_->Entity(static_cast<Vertex>(v));
    if (std::find(names.begin(), names.end(), folded) != names.end()) {
      exact.push_back(entity);
    } else if (std::any_of(names.begin(), names.end(),
                           [&](const std::string& n) { return ContainsWords(n, folded); })) {
      partial.push_back(entity);
    }
  }
  std::vector<const proto::Entity*>& found = exact.empty() ? partial : exact;
  std::stable_sort(found.begin(), found.end(), [](const proto::Entity* a, const proto::Entity* b) {
    return a->mention_count() > b->mention_count();
  });
  return found;
}

base::Result<std::vector<Neighbour>> GraphView::Neighbours(std::string_view id) const {
  base::Result<Vertex> v = impl_->Find(id);
  if (!v.ok()) return v.status();
  const DirectedGraph& g = impl_->directed;
  struct Item {
    Direction direction;
    Vertex other;
    int relation;
  };
  std::vector<Item> items;
  for (auto [it, end] = boost::out_edges(*v, g); it != end; ++it) {
    items.push_back({Direction::kOut, static_cast<Vertex>(boost::target(*it, g)),
                     boost::get(boost::edge_index, g, *it)});
  }
  for (auto [it, end] = boost::in_edges(*v, g); it != end; ++it) {
    items.push_back({Direction::kIn, static_cast<Vertex>(boost::source(*it, g)),
                     boost::get(boost::edge_index, g, *it)});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.direction, a.other, a.relation) < std::tie(b.direction, b.other, b.relation);
  });
  std::vector<Neighbour> out;
  out.reserve(items.size());
  for (const Item& item : items) {
    out.push_back({impl_->Entity(item.other), impl_->Relation(item.relation), item.direction});
  }
  return out;
}

base::Result<proto::Graph> GraphView::Ego(const std::vector<std::string>& center_ids,
                                          int depth) const {
  if (depth < 0) return base::Status::InvalidArgument("ego depth must be >= 0");
  const SimpleGraph& g = impl_->simple;
  std::vector<int> distance(boost::num_vertices(g), -1);
  std::deque<Vertex> queue;
  for (const std::string& id : center_ids) {
    base::Result<Vertex> v = impl_->Find(id);
    if (!v.ok()) return v.status();
    if (distance[*v] < 0) {
      distance[*v] = 0;
      queue.push_back(*v);
    }
  }
  std::set<std::string> kept;
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    kept.insert(impl_->Entity(v)->id());
    if (distance[v] == depth) continue;
    for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it) {
      const auto u = *it;
      if (distance[u] >= 0) continue;
      distance[u] = distance[v] + 1;
      queue.push_back(static_cast<Vertex>(u));
    }
  }
  return InducedSubgraph(impl_->graph, kept);
}

base::Result<std::optional<std::vector<PathStep>>> GraphView::ShortestPath(
    std::string_view from, std::string_view to) const {
  base::Result<Vertex> s = impl_->Find(from);
  if (!s.ok()) return s.status();
  base::Result<Vertex> t = impl_->Find(to);
  if (!t.ok()) return t.status();

  const SimpleGraph& g = impl_->simple;
  const size_t n = boost::num_vertices(g);
  std::vector<size_t> predecessor(n);
  for (size_t v = 0; v < n; ++v) predecessor[v] = v;
  // Adjacency lists are in id order, so the search (and its tie-breaks) is deterministic.
  boost::breadth_first_search(
      g, static_cast<size_t>(*s),
      boost::visitor(boost::make_bfs_visitor(
          boost::record_predecessors(predecessor.data(), boost::on_tree_edge()))));
  if (*s != *t && predecessor[*t] == static_cast<size_t>(*t)) {
    return std::optional<std::vector<PathStep>>();
  }

  std::vector<Vertex> chain{*t};
  while (chain.back() != *s) chain.push_back(static_cast<Vertex>(predecessor[chain.back()]));
  std::reverse(chain.begin(), chain.end());

  std::vector<PathStep> steps;
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    const Vertex a = chain[i];
    const Vertex b = chain[i + 1];
    PathStep step{impl_->Entity(a), impl_->Entity(b), {}};
    for (int r : impl_->links.at({std::min(a, b), std::max(a, b)})) {
      const proto::Relation* relation = impl_->Relation(r);
      step.links.push_back({relation, relation->subject() == step.from->id()});
    }
    steps.push_back(std::move(step));
  }
  return std::optional<std::vector<PathStep>>(std::move(steps));
}

std::vector<EntityScore> GraphView::Degree() const {
  const DirectedGraph& g = impl_->directed;
  std::vector<double> degree(boost::num_vertices(g));
  for (size_t v = 0; v < degree.size(); ++v) {
    degree[v] = static_cast<double>(boost::in_degree(v, g) + boost::out_degree(v, g));
  }
  return impl_->Ranked(degree);
}

std::vector<EntityScore> GraphView::Betweenness() const {
  const SimpleGraph& g = impl_->simple;
  const size_t n = boost::num_vertices(g);
  std::vector<double> centrality(n, 0.0);
  if (n > 2) {
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
               centrality.begin(), boost::get(boost::vertex_index, g))));
    // Undirected: Boost counts each unordered pair once; there are (n-1)(n-2)/2 pairs
    // that do not involve a given vertex.
    const double pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0;
    for (double& c : centrality) c /= pairs;
  }
  return impl_->Ranked(centrality);
}

std::vector<EntityScore> GraphView::PageRank(double damping) const {
  // Boost's page_rank has no edge weights and lets the rank of vertices without
  // out-edges leak away, so the power iteration is ours; it walks Boost's out-edges.
  const DirectedGraph& g = impl_->directed;
  const size_t n = boost::num_vertices(g);
  if (n == 0) return {};
  struct Arc {
    Vertex to;
    double weight;
  };
  std::vector<std::vector<Arc>> arcs(n);
  std::vector<double> out_weight(n, 0.0);
  auto add_arc = [&](Vertex from, Vertex to, double w) {
    arcs[from].push_back({to, w});
    out_weight[from] += w;
  };
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const auto s = static_cast<Vertex>(boost::source(*it, g));
    const auto o = static_cast<Vertex>(boost::target(*it, g));
    if (s == o) continue;
    const proto::Relation& r = *impl_->Relation(boost::get(boost::edge_index, g, *it));
    const double w = std::max<uint32_t>(1, r.mention_count());
    add_arc(s, o, w);
    if (r.symmetric()) add_arc(o, s, w);
  }

  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n);
  for (int iteration = 0; iteration < 200; ++iteration) {
    double dangling = 0.0;
    for (size_t v = 0; v < n; ++v) {
      if (out_weight[v] == 0.0) dangling += rank[v];
    }
    const double base = (1.0 - damping + damping * dangling) / static_cast<double>(n);
    std::fill(next.begin(), next.end(), base);
    for (size_t v = 0; v < n; ++v) {
      for (const Arc& arc : arcs[v]) next[arc.to] += damping * rank[v] * arc.weight / out_weight[v];
    }
    double change = 0.0;
    for (size_t v = 0; v < n; ++v) change += std::fabs(next[v] - rank[v]);
    rank.swap(next);
    if (change < 1e-12) break;
  }
  return impl_->Ranked(rank);
}

std::vector<std::vector<const proto::Entity*>> GraphView::Components() const {
  const SimpleGraph& g = impl_->simple;
  const size_t n = boost::num_vertices(g);
  std::vector<int> component(n);
  const int count = n == 0 ? 0 : boost::connected_components(g, component.data());
  std::vector<std::vector<const proto::Entity*>> out(count);
  for (size_t v = 0; v < n; ++v) out[component[v]].push_back(impl_->Entity(static_cast<Vertex>(v)));
  // Members were added in id order; components are numbered by their first vertex.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace kg::graph
