#pragma once
// Pure functions that make a new proto::Graph from one: the consistency check every
// graph consumer relies on, canonical order, filtering and induced subgraphs.
// A result never holds a relation whose end is missing, and keeps only the articles its
// entities and relations still refer to. Thread-safe (no shared state).

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "proto/kg.pb.h"

namespace kg::graph {

// What FilterGraph keeps. The defaults keep everything.
struct GraphFilter {
  std::vector<proto::EntityType> drop_types;  // e.g. {CONCEPT}: these entities go
  std::vector<proto::EntityType> keep_types;  // when non-empty: only these entity types stay
  std::vector<std::string> keep_categories;   // when non-empty: only relations of these
                                              // categories stay (case-insensitive)
  bool drop_negated = false;                  // drop relations whose polarity is NEGATED
  uint32_t min_mentions = 0;                  // drop relations mentioned fewer times
  bool drop_isolated = false;                 // drop entities left without any relation
};

// Ok when entity ids are non-empty and unique and every relation's subject and object
// name an entity of the graph; otherwise InvalidArgument naming the first offending
// entity or relation. (location / attributed_to are attributes and are not checked.)
base::Status CheckGraph(const proto::Graph& graph);

// `graph` with entities sorted by id, relations by (id, subject, object, predicate) and
// articles by id: equal graphs in any input order give byte-identical output.
proto::Graph SortedGraph(const proto::Graph& graph);

// The part of `graph` that `filter` keeps; a relation goes when either end goes.
// Order is preserved.
proto::Graph FilterGraph(const proto::Graph& graph, const GraphFilter& filter);

// The entities whose ids are in `entity_ids` and every relation between two of them.
// Order is preserved.
proto::Graph InducedSubgraph(const proto::Graph& graph, const std::set<std::string>& entity_ids);

// Upper-case name of an entity type ("PERSON"; "UNSPECIFIED" for the zero value).
std::string EntityTypeName(proto::EntityType type);

// Parses "person", "PERSON", "gpe"... ; false when `name` is no entity type.
bool ParseEntityType(const std::string& name, proto::EntityType* type);

}  // namespace kg::graph
