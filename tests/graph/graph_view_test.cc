#include "graph/graph_view.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "tests/graph/test_graphs.h"

using kg::graph::Direction;
using kg::graph::EntityScore;
using kg::graph::GraphView;
using kg::testing::AddEntity;
using kg::testing::AddRelation;

namespace {

std::unique_ptr<GraphView> MustBuild(const kg::proto::Graph& g) {
  auto view = GraphView::Build(g);
  REQUIRE(view.ok());
  return std::move(view).value();
}

std::vector<std::string> Ids(const std::vector<EntityScore>& scores) {
  std::vector<std::string> ids;
  for (const EntityScore& s : scores) ids.push_back(s.entity->id());
  return ids;
}

std::vector<std::string> Ids(const kg::proto::Graph& g) {
  std::vector<std::string> ids;
  for (const auto& e : g.entities()) ids.push_back(e.id());
  return ids;
}

double ValueOf(const std::vector<EntityScore>& scores, const std::string& id) {
  for (const EntityScore& s : scores) {
    if (s.entity->id() == id) return s.value;
  }
  FAIL("no score for " << id);
  return 0;
}

}  // namespace

TEST_CASE("GraphView: rejects inconsistent graphs with a clear message", "[graph]") {
  kg::proto::Graph g;
  AddEntity(&g, "a", "A");
  SECTION("relation to an unknown entity") {
    AddRelation(&g, "a", "meet", "ghost");
    auto view = GraphView::Build(g);
    REQUIRE_FALSE(view.ok());
    CHECK(view.status().code() == kg::base::StatusCode::kInvalidArgument);
    CHECK_THAT(view.status().message(), Catch::Contains("object 'ghost'"));
  }
  SECTION("duplicate entity id") {
    AddEntity(&g, "a", "Another A");
    auto view = GraphView::Build(g);
    REQUIRE_FALSE(view.ok());
    CHECK_THAT(view.status().message(), Catch::Contains("'a' occurs more than once"));
  }
  SECTION("entity without id") {
    AddEntity(&g, "", "Nameless");
    auto view = GraphView::Build(g);
    REQUIRE_FALSE(view.ok());
    CHECK_THAT(view.status().message(), Catch::Contains("has no id"));
  }
  SECTION("an empty graph is fine") {
    auto view = GraphView::Build(kg::proto::Graph());
    REQUIRE(view.ok());
    CHECK((*view)->Degree().empty());
    CHECK((*view)->PageRank().empty());
    CHECK((*view)->Components().empty());
  }
}

TEST_CASE("GraphView: neighbours in and out with their relations", "[graph]") {
  auto view = MustBuild(kg::testing::NewsGraph());
  auto out = view->Neighbours("person:marta-okonkwo");
  REQUIRE(out.ok());
  std::vector<std::string> seen;
  for (const auto& n : *out) {
    CHECK(n.direction == Direction::kOut);
    seen.push_back(n.relation->predicate() + ">" + n.entity->id());
  }
  CHECK(seen == std::vector<std::string>{"announce_on>date:2024-03-02", "president_of>gpe:veloria",
                                         "call>person:tomas-brandt", "talk>person:tomas-brandt"});

  auto in = view->Neighbours("person:tomas-brandt");
  REQUIRE(in.ok());
  REQUIRE(in->size() == 4);
  CHECK((*in)[0].direction == Direction::kOut);  // out before in
  CHECK((*in)[0].relation->predicate() == "chancellor_of");
  CHECK((*in)[2].direction == Direction::kIn);
  CHECK((*in)[2].entity->id() == "person:marta-okonkwo");
  CHECK((*in)[2].relation->predicate() == "call");

  auto unknown = view->Neighbours("person:nobody");
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.status().message(), Catch::Contains("person:nobody"));
}

TEST_CASE("GraphView: ego subgraph at depth 0, 1 and 2", "[graph]") {
  auto view = MustBuild(kg::testing::NewsGraph());
  SECTION("depth 0 is the entity alone") {
    auto ego = view->Ego({"person:tomas-brandt"}, 0);
    REQUIRE(ego.ok());
    CHECK(Ids(*ego) == std::vector<std::string>{"person:tomas-brandt"});
    CHECK(ego->relations_size() == 0);
    CHECK(ego->articles_size() == 0);
  }
  SECTION("depth 1: direct neighbours either way and the relations among them") {
    auto ego = view->Ego({"person:tomas-brandt"}, 1);
    REQUIRE(ego.ok());
    CHECK(Ids(*ego) == std::vector<std::string>{"gpe:ostmark", "loc:lake-sarnen",
                                                "person:marta-okonkwo", "person:tomas-brandt"});
    std::vector<std::string> predicates;
    for (const auto& r : ego->relations()) predicates.push_back(r.predicate());
    std::sort(predicates.begin(), predicates.end());
    CHECK(predicates == std::vector<std::string>{"call", "chancellor_of", "talk", "visit"});
    REQUIRE(ego->articles_size() == 1);  // the call's evidence and Marta cite article a1
    CHECK(ego->articles(0).id() == "a1");
  }
  SECTION("depth 2 reaches the neighbours' neighbours, not further") {
    auto ego = view->Ego({"person:tomas-brandt"}, 2);
    REQUIRE(ego.ok());
    CHECK(Ids(*ego) == std::vector<std::string>{"date:2024-03-02", "gpe:ostmark", "gpe:veloria",
                                                "loc:lake-sarnen", "org:northern-accord",
                                                "person:marta-okonkwo", "person:tomas-brandt"});
    CHECK(ego->relations_size() == 7);
  }
  SECTION("several centres and bad arguments") {
    auto ego = view->Ego({"person:ilse-varga", "gpe:ostmark"}, 1);
    REQUIRE(ego.ok());
    CHECK(Ids(*ego) == std::vector<std::string>{"gpe:ostmark", "org:farmers-union",
                                                "org:northern-accord", "person:ilse-varga",
                                                "person:tomas-brandt"});
    CHECK_FALSE(view->Ego({"nobody"}, 1).ok());
    CHECK_FALSE(view->Ego({"gpe:ostmark"}, -1).ok());
  }
}

TEST_CASE("GraphView: shortest path follows relations either way", "[graph]") {
  auto view = MustBuild(kg::testing::NewsGraph());
  SECTION("three hops with directions") {
    auto path = view->ShortestPath("person:tomas-brandt", "gpe:carradine");
    REQUIRE(path.ok());
    REQUIRE(path->has_value());
    const auto& steps = **path;
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].from->id() == "person:tomas-brandt");
    CHECK(steps[0].to->id() == "person:marta-okonkwo");
    REQUIRE(steps[0].links.size() == 2);
    CHECK(steps[0].links[0].relation->predicate() == "call");  // 3 mentions beats 1
    CHECK_FALSE(steps[0].links[0].forward);                    // Marta called Tomas
    CHECK(steps[1].links[0].relation->predicate() == "president_of");
    CHECK(steps[1].links[0].forward);
    CHECK(steps[2].to->id() == "gpe:carradine");
    CHECK(steps[2].links[0].relation->predicate() == "attack");
  }
  SECTION("no path between components") {
    auto path = view->ShortestPath("person:tomas-brandt", "person:ilse-varga");
    REQUIRE(path.ok());
    CHECK_FALSE(path->has_value());
  }
  SECTION("from an entity to itself") {
    auto path = view->ShortestPath("gpe:veloria", "gpe:veloria");
    REQUIRE(path.ok());
    REQUIRE(path->has_value());
    CHECK((*path)->empty());
  }
  SECTION("unknown entity") {
    auto path = view->ShortestPath("gpe:veloria", "gpe:atlantis");
    REQUIRE_FALSE(path.ok());
    CHECK_THAT(path.status().message(), Catch::Contains("gpe:atlantis"));
  }
  SECTION("asserted relations come before negated ones") {
    kg::proto::Graph g;
    AddEntity(&g, "a", "A");
    AddEntity(&g, "b", "B");
    AddRelation(&g, "a", "attack", "b")->set_polarity(kg::proto::NEGATED);
    AddRelation(&g, "b", "warn", "a");
    auto v = MustBuild(g);
    auto path = v->ShortestPath("a", "b");
    REQUIRE(path.ok());
    REQUIRE(path->has_value());
    CHECK((**path)[0].links[0].relation->predicate() == "warn");
    CHECK_FALSE((**path)[0].links[0].forward);
  }
}

TEST_CASE("GraphView: centrality on a star", "[graph]") {
  auto view = MustBuild(kg::testing::Star(5));
  const auto degree = view->Degree();
  CHECK(Ids(degree) == std::vector<std::string>{"hub", "leaf0", "leaf1", "leaf2", "leaf3", "leaf4"});
  CHECK(degree[0].value == 5);
  CHECK(degree[1].value == 1);

  const auto betweenness = view->Betweenness();
  CHECK(Ids(betweenness)[0] == "hub");
  CHECK(betweenness[0].value == Approx(1.0));  // every leaf pair goes through the hub
  CHECK(betweenness[1].value == 0.0);

  const auto rank = view->PageRank();
  double total = 0;
  for (const auto& s : rank) total += s.value;
  CHECK(total == Approx(1.0));
  // hub -> leaf relations: leaves receive rank, the hub only the teleport share.
  CHECK(Ids(rank) == std::vector<std::string>{"leaf0", "leaf1", "leaf2", "leaf3", "leaf4", "hub"});
  CHECK(ValueOf(rank, "leaf0") == ValueOf(rank, "leaf4"));
  CHECK(ValueOf(rank, "hub") < ValueOf(rank, "leaf0"));
}

TEST_CASE("GraphView: centrality on a chain", "[graph]") {
  auto view = MustBuild(kg::testing::Chain(5));
  CHECK(Ids(view->Degree()) == std::vector<std::string>{"c1", "c2", "c3", "c0", "c4"});

  const auto betweenness = view->Betweenness();
  CHECK(Ids(betweenness) == std::vector<std::string>{"c2", "c1", "c3", "c0", "c4"});
  CHECK(ValueOf(betweenness, "c2") == Approx(4.0 / 6.0));
  CHECK(ValueOf(betweenness, "c1") == Approx(3.0 / 6.0));
  CHECK(ValueOf(betweenness, "c0") == 0.0);

  // Rank flows along c0 -> c1 -> ... -> c4.
  CHECK(Ids(view->PageRank()) == std::vector<std::string>{"c4", "c3", "c2", "c1", "c0"});
}

TEST_CASE("GraphView: PageRank weighs mentions and symmetric relations", "[graph]") {
  kg::proto::Graph g;
  AddEntity(&g, "a", "A");
  AddEntity(&g, "b", "B");
  AddEntity(&g, "c", "C");
  AddRelation(&g, "a", "praise", "b")->set_mention_count(9);
  AddRelation(&g, "a", "praise", "c");
  auto view = MustBuild(g);
  CHECK(ValueOf(view->PageRank(), "b") > ValueOf(view->PageRank(), "c"));

  g.mutable_relations(1)->set_symmetric(true);  // a <-> c: c now passes rank back to a
  auto symmetric = MustBuild(g);
  CHECK(ValueOf(symmetric->PageRank(), "a") > ValueOf(view->PageRank(), "a"));
}

TEST_CASE("GraphView: connected components, largest first", "[graph]") {
  kg::proto::Graph g = kg::testing::NewsGraph();
  AddEntity(&g, "person:zed-loner", "Zed Loner");
  auto view = MustBuild(g);
  const auto components = view->Components();
  REQUIRE(components.size() == 3);
  CHECK(components[0].size() == 10);
  CHECK(components[0].front()->id() == "concept:long-range-missiles");
  REQUIRE(components[1].size() == 2);
  CHECK(components[1][0]->id() == "org:farmers-union");
  CHECK(components[1][1]->id() == "person:ilse-varga");
  REQUIRE(components[2].size() == 1);
  CHECK(components[2][0]->id() == "person:zed-loner");
}

TEST_CASE("GraphView: finds entities by name, alias or surname", "[graph]") {
  auto view = MustBuild(kg::testing::NewsGraph());
  auto names = [&](const std::string& q) {
    std::vector<std::string> ids;
    for (const auto* e : view->FindByName(q)) ids.push_back(e->id());
    return ids;
  };
  CHECK(names("Marta Okonkwo") == std::vector<std::string>{"person:marta-okonkwo"});
  CHECK(names("president okonkwo") == std::vector<std::string>{"person:marta-okonkwo"});
  CHECK(names("Brandt") == std::vector<std::string>{"person:tomas-brandt"});
  CHECK(names("Veloria") == std::vector<std::string>{"gpe:veloria"});  // exact beats "Velorians"
  CHECK(names("Lake") == std::vector<std::string>{"loc:lake-sarnen"});
  CHECK(names("Atlantis").empty());
  CHECK(names("").empty());
  CHECK(view->FindEntity("gpe:ostmark")->name() == "Ostmark");
  CHECK(view->FindEntity("gpe:nowhere") == nullptr);
}

TEST_CASE("GraphView: answers do not depend on input order", "[graph]") {
  kg::proto::Graph g = kg::testing::NewsGraph();
  AddRelation(&g, "gpe:veloria", "self_assess", "gpe:veloria");  // a self-loop is allowed
  kg::proto::Graph shuffled = g;
  std::mt19937 rng(42);
  std::shuffle(shuffled.mutable_entities()->begin(), shuffled.mutable_entities()->end(), rng);
  std::shuffle(shuffled.mutable_relations()->begin(), shuffled.mutable_relations()->end(), rng);
  auto a = MustBuild(g);
  auto b = MustBuild(shuffled);
  CHECK(a->graph().SerializeAsString() == b->graph().SerializeAsString());
  CHECK(Ids(a->Degree()) == Ids(b->Degree()));
  CHECK(Ids(a->Betweenness()) == Ids(b->Betweenness()));
  CHECK(Ids(a->PageRank()) == Ids(b->PageRank()));
  CHECK(ValueOf(a->Degree(), "gpe:veloria") == 4);  // president_of, attack, self-loop twice
  auto pa = a->ShortestPath("date:2024-03-02", "gpe:ostmark");
  auto pb = b->ShortestPath("date:2024-03-02", "gpe:ostmark");
  REQUIRE(pa.ok());
  REQUIRE(pb.ok());
  REQUIRE(pa->has_value());
  REQUIRE((*pa)->size() == (*pb)->size());
  for (size_t i = 0; i < (*pa)->size(); ++i) CHECK((**pa)[i].to->id() == (**pb)[i].to->id());
}
