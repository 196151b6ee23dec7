#include "graph/graph_ops.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "base/text.h"

namespace kg::graph {

namespace {

// Copies into `out` the articles of `in` that an entity or a relation evidence of `out`
// still refers to, in their original order.
void KeepReferencedArticles(const proto::Graph& in, proto::Graph* out) {
  std::unordered_set<std::string> used;
  for (const proto::Entity& e : out->entities()) {
    used.insert(e.article_ids().begin(), e.article_ids().end());
  }
  for (const proto::Relation& r : out->relations()) {
    for (const proto::Evidence& ev : r.evidence()) used.insert(ev.article_id());
  }
  for (const proto::Article& a : in.articles()) {
    if (used.count(a.id())) *out->add_articles() = a;
  }
}

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

base::Status CheckGraph(const proto::Graph& graph) {
  std::unordered_set<std::string_view> ids;
  ids.reserve(graph.entities_size());
  for (int i = 0; i < graph.entities_size(); ++i) {
    const proto::Entity& e = graph.entities(i);
    if (e.id().empty()) {
      return base::Status::InvalidArgument("entity #" + std::to_string(i) + " (\"" + e.name() +
                                           "\") has no id");
    }
    if (!ids.insert(e.id()).second) {
      return base::Status::InvalidArgument("entity id '" + e.id() + "' occurs more than once");
    }
  }
  for (int i = 0; i < graph.relations_size(); ++i) {
    const proto::Relation& r = graph.relations(i);
    const std::string label =
        "relation #" + std::to_string(i) + (r.id().empty() ? "" : " '" + r.id() + "'");
    if (!ids.count(r.subject())) {
      return base::Status::InvalidArgument(label + " has subject '" + r.subject() +
                                           "', which is no entity of the graph");
    }
    if (!ids.count(r.object())) {
      return base::Status::InvalidArgument(label + " has object '" + r.object() +
                                           "', which is no entity of the graph");
    }
  }
  return base::Status::Ok();
}

proto::Graph SortedGraph(const proto::Graph& graph) {
  proto::Graph out;
  std::vector<int> order(graph.entities_size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return graph.entities(a).id() < graph.entities(b).id();
  });
  for (int i : order) *out.add_entities() = graph.entities(i);

  order.resize(graph.relations_size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](int i) {
    const proto::Relation& r = graph.relations(i);
    return std::tie(r.id(), r.subject(), r.object(), r.predicate());
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
  for (int i : order) *out.add_relations() = graph.relations(i);

  order.resize(graph.articles_size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return graph.articles(a).id() < graph.articles(b).id();
  });
  for (int i : order) *out.add_articles() = graph.articles(i);
  return out;
}

proto::Graph FilterGraph(const proto::Graph& graph, const GraphFilter& filter) {
  std::unordered_set<std::string> kept;
  for (const proto::Entity& e : graph.entities()) {
    if (Contains(filter.drop_types, e.type())) continue;
    if (!filter.keep_types.empty() && !Contains(filter.keep_types, e.type())) continue;
    kept.insert(e.id());
  }
  std::vector<std::string> categories;
  for (const std::string& c : filter.keep_categories) categories.push_back(base::AsciiLower(c));

  proto::Graph out;
  std::unordered_set<std::string> linked;
  for (const proto::Relation& r : graph.relations()) {
    if (!kept.count(r.subject()) || !kept.count(r.object())) continue;
    if (filter.drop_negated && r.polarity() == proto::NEGATED) continue;
    if (r.mention_count() < filter.min_mentions) continue;
    if (!categories.empty() && !Contains(categories, base::AsciiLower(r.category()))) continue;
    *out.add_relations() = r;
    linked.insert(r.subject());
    linked.insert(r.object());
  }
  for (const proto::Entity& e : graph.entities()) {
    if (!kept.count(e.id())) continue;
    if (filter.drop_isolated && !linked.count(e.id())) continue;
    *out.add_entities() = e;
  }
  KeepReferencedArticles(graph, &out);
  return out;
}

proto::Graph InducedSubgraph(const proto::Graph& graph, const std::set<std::string>& entity_ids) {
  proto::Graph out;
  for (const proto::Entity& e : graph.entities()) {
    if (entity_ids.count(e.id())) *out.add_entities() = e;
  }
  for (const proto::Relation& r : graph.relations()) {
    if (entity_ids.count(r.subject()) && entity_ids.count(r.object())) *out.add_relations() = r;
  }
  KeepReferencedArticles(graph, &out);
  return out;
}

std::string EntityTypeName(proto::EntityType type) {
  if (type == proto::ENTITY_TYPE_UNSPECIFIED) return "UNSPECIFIED";
  if (!proto::EntityType_IsValid(type)) return "TYPE_" + std::to_string(static_cast<int>(type));
  return proto::EntityType_Name(type);
}

bool ParseEntityType(const std::string& name, proto::EntityType* type) {
  std::string upper = name;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "UNSPECIFIED" || upper == "ENTITY_TYPE_UNSPECIFIED") return false;
  return proto::EntityType_Parse(upper, type);
}

}  // namespace kg::graph
