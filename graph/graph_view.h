#pragma once
// GraphView: an in-memory Boost.Graph view of a proto::Graph for graph questions —
// neighbours, ego subgraphs, shortest paths, centralities, connected components.
// Invariant: the view holds its own copy of the graph in SortedGraph order, so every
// answer is independent of the input's order, and ties are broken by entity id.
// Immutable once built: const methods may be called from many threads at once.
// Pointers it hands out point into the view and live as long as it does.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "proto/kg.pb.h"

namespace kg::graph {

// Which end of a relation the asked-about entity is.
enum class Direction { kOut, kIn };  // kOut: it is the subject; kIn: it is the object

struct Neighbour {
  const proto::Entity* entity;      // the entity at the other end
  const proto::Relation* relation;  // the relation that links them
  Direction direction;
};

// One relation on a path and whether it points along the path (subject = step's `from`).
struct PathLink {
  const proto::Relation* relation;
  bool forward;
};

// One hop of a path: every relation between `from` and `to`, best first (asserted before
// negated, then more mentions, then relation order).
struct PathStep {
  const proto::Entity* from;
  const proto::Entity* to;
  std::vector<PathLink> links;
};

struct EntityScore {
  const proto::Entity* entity;
  double value;
};

class GraphView {
 public:
  // Builds the view; InvalidArgument (see CheckGraph) when the graph is inconsistent.
  static base::Result<std::unique_ptr<GraphView>> Build(const proto::Graph& graph);
  ~GraphView();
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;

  // The viewed graph, entities sorted by id and relations in canonical order.
  const proto::Graph& graph() const;
  // The entity with this id, or nullptr.
  const proto::Entity* FindEntity(std::string_view id) const;
  // Entities whose name or an alias folds (base::FoldName) to `name`'s folding; when none,
  // those whose folded name contains it as whole words ("putin" finds "vladimir putin").
  // Most mentioned first, then by id.
  std::vector<const proto::Entity*> FindByName(std::string_view name) const;

  // Relations out of and into entity `id`: out before in, each by other end's id, then
  // relation order. InvalidArgument when `id` is no entity of the graph.
  base::Result<std::vector<Neighbour>> Neighbours(std::string_view id) const;
  // The entities within `depth` relations of any of `center_ids` (directions ignored)
  // and every relation among them. REQUIRES: depth >= 0. InvalidArgument on unknown ids.
  base::Result<proto::Graph> Ego(const std::vector<std::string>& center_ids, int depth) const;
  // A shortest chain of relations from `from` to `to`, directions ignored: nullopt when
  // none exists, an empty path when from == to. Among equal-length paths, the one a
  // breadth-first search visiting neighbours in id order finds. InvalidArgument on
  // unknown ids.
  base::Result<std::optional<std::vector<PathStep>>> ShortestPath(std::string_view from,
                                                                  std::string_view to) const;

  // Every entity's number of relations (in + out), highest first, ties by id.
  std::vector<EntityScore> Degree() const;
  // Brandes betweenness on the undirected simple graph, normalised to [0, 1] by
  // (n-1)(n-2)/2; highest first, ties by id.
  std::vector<EntityScore> Betweenness() const;
  // PageRank along relations (subject -> object, both ways when symmetric), weighted by
  // mention count, dangling rank spread evenly; sums to 1; highest first, ties by id.
  std::vector<EntityScore> PageRank(double damping = 0.85) const;
  // Connected components (directions ignored): each sorted by id, largest first, ties
  // by first id.
  std::vector<std::vector<const proto::Entity*>> Components() const;

 private:
  struct Impl;
  explicit GraphView(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::graph
