#include "graph/graph_ops.h"

#include <catch2/catch.hpp>

#include "tests/graph/test_graphs.h"

using kg::graph::FilterGraph;
using kg::graph::GraphFilter;
using kg::proto::Graph;

namespace {

bool HasEntity(const Graph& g, const std::string& id) {
  for (const auto& e : g.entities()) {
    if (e.id() == id) return true;
  }
  return false;
}

std::vector<std::string> Predicates(const Graph& g) {
  std::vector<std::string> out;
  for (const auto& r : g.relations()) out.push_back(r.predicate());
  return out;
}

}  // namespace

TEST_CASE("FilterGraph: drops entity types and the relations that touch them", "[graph]") {
  const Graph g = kg::testing::NewsGraph();
  GraphFilter filter;
  filter.drop_types = {kg::proto::CONCEPT};
  const Graph out = FilterGraph(g, filter);
  CHECK(out.entities_size() == g.entities_size() - 1);
  CHECK_FALSE(HasEntity(out, "concept:long-range-missiles"));
  CHECK(out.relations_size() == g.relations_size() - 1);
  for (const auto& r : out.relations()) CHECK(r.predicate() != "acquire");
  CHECK(kg::graph::CheckGraph(out).ok());
  CHECK(out.articles_size() == 1);
}

TEST_CASE("FilterGraph: keeps only some types or categories", "[graph]") {
  const Graph g = kg::testing::NewsGraph();
  SECTION("keep types") {
    GraphFilter filter;
    filter.keep_types = {kg::proto::PERSON};
    const Graph out = FilterGraph(g, filter);
    CHECK(out.entities_size() == 3);
    CHECK(Predicates(out) == std::vector<std::string>{"call", "talk"});
  }
  SECTION("keep categories, case-insensitive, and drop what is left isolated") {
    GraphFilter filter;
    filter.keep_categories = {"assault", "Protest"};
    filter.drop_isolated = true;
    const Graph out = FilterGraph(g, filter);
    CHECK(Predicates(out) == std::vector<std::string>{"attack", "protest"});
    CHECK(out.entities_size() == 3);  // Veloria, Carradine, Velorians
    CHECK(out.articles_size() == 0);  // nothing left cites article a1
  }
  SECTION("drop negated and rarely mentioned relations") {
    GraphFilter filter;
    filter.drop_negated = true;
    CHECK(FilterGraph(g, filter).relations_size() == g.relations_size() - 2);
    filter.min_mentions = 2;
    CHECK(Predicates(FilterGraph(g, filter)) == std::vector<std::string>{"call"});
  }
}

TEST_CASE("CheckGraph and SortedGraph", "[graph]") {
  Graph g = kg::testing::NewsGraph();
  CHECK(kg::graph::CheckGraph(g).ok());
  const Graph sorted = kg::graph::SortedGraph(g);
  REQUIRE(sorted.entities_size() == g.entities_size());
  for (int i = 1; i < sorted.entities_size(); ++i) {
    CHECK(sorted.entities(i - 1).id() < sorted.entities(i).id());
  }
  for (int i = 1; i < sorted.relations_size(); ++i) {
    CHECK(sorted.relations(i - 1).id() <= sorted.relations(i).id());
  }
  g.mutable_relations(3)->set_subject("gpe:atlantis");
  const auto status = kg::graph::CheckGraph(g);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("relation #3") && Catch::Contains("gpe:atlantis"));
}

TEST_CASE("InducedSubgraph keeps relations between kept entities only", "[graph]") {
  const Graph out = kg::graph::InducedSubgraph(
      kg::testing::NewsGraph(), {"person:marta-okonkwo", "person:tomas-brandt", "gpe:carradine"});
  CHECK(out.entities_size() == 3);
  CHECK(Predicates(out) == std::vector<std::string>{"call", "talk"});
}

TEST_CASE("Entity type names parse and print", "[graph]") {
  kg::proto::EntityType type;
  REQUIRE(kg::graph::ParseEntityType("concept", &type));
  CHECK(type == kg::proto::CONCEPT);
  REQUIRE(kg::graph::ParseEntityType("Gpe", &type));
  CHECK(type == kg::proto::GPE);
  CHECK_FALSE(kg::graph::ParseEntityType("planet", &type));
  CHECK_FALSE(kg::graph::ParseEntityType("unspecified", &type));
  CHECK(kg::graph::EntityTypeName(kg::proto::NORP) == "NORP");
  CHECK(kg::graph::EntityTypeName(kg::proto::ENTITY_TYPE_UNSPECIFIED) == "UNSPECIFIED");
}
