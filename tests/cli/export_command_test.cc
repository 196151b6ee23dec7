#include <google/protobuf/util/message_differencer.h>
#include <graphviz/cgraph.h>

#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "graph/graph_ops.h"
#include "tests/cli/graph_cli_fixture.h"

using kg::testing::GraphFile;
using kg::testing::ReadFile;
using kg::testing::RunKg;

TEST_CASE("kg export: JSON is protobuf's mapping of the sorted graph", "[cli][graph]") {
  GraphFile file;
  auto run = RunKg({"export", "--graph", file.path(), "--format", "json"});
  REQUIRE(run.code == 0);
  CHECK_THAT(run.out, Catch::StartsWith("{\n \"entities\": ["));
  auto back = kg::graph::GraphFromJson(run.out);
  REQUIRE(back.ok());
  CHECK(google::protobuf::util::MessageDifferencer::Equals(
      *back, kg::graph::SortedGraph(kg::testing::NewsGraph())));

  SECTION("equal graphs in another order export byte-identical") {
    kg::proto::Graph shuffled = kg::testing::NewsGraph();
    std::mt19937 rng(3);
    std::shuffle(shuffled.mutable_entities()->begin(), shuffled.mutable_entities()->end(), rng);
    std::shuffle(shuffled.mutable_relations()->begin(), shuffled.mutable_relations()->end(), rng);
    GraphFile other(shuffled);
    CHECK(RunKg({"export", "--graph", other.path(), "--format", "json"}).out == run.out);
  }
}

TEST_CASE("kg export: GraphML, CSV and DOT files", "[cli][graph]") {
  GraphFile file;
  SECTION("graphml from the extension") {
    const std::string out = file / "g.graphml";
    auto run = RunKg({"export", "--graph", file.path(), "-o", out});
    REQUIRE(run.code == 0);
    CHECK_THAT(run.err, Catch::Contains("wrote " + out));
    std::istringstream in(ReadFile(out));
    boost::property_tree::ptree tree;
    REQUIRE_NOTHROW(boost::property_tree::read_xml(in, tree));
    CHECK(tree.get_child("graphml.graph").count("node") == 12);
    CHECK(tree.get_child("graphml.graph").count("edge") == 11);
  }
  SECTION("csv tables") {
    auto relations = RunKg({"export", "--graph", file.path(), "--format", "csv"});
    REQUIRE(relations.code == 0);
    CHECK_THAT(relations.out, Catch::StartsWith("id,subject,subject_name,predicate,"));
    CHECK(std::count(relations.out.begin(), relations.out.end(), '\n') == 12);
    auto entities = RunKg({"export", "--graph", file.path(), "--format", "csv", "--table",
                           "entities", "--no-concepts"});
    REQUIRE(entities.code == 0);
    CHECK_THAT(entities.out, Catch::StartsWith("id,name,type,"));
    CHECK(std::count(entities.out.begin(), entities.out.end(), '\n') == 12);  // 11 + header
    CHECK_THAT(entities.out, !Catch::Contains("CONCEPT"));
  }
  SECTION("dot parses back, one node per entity") {
    auto run = RunKg({"export", "--graph", file.path(), "--format", "dot"});
    REQUIRE(run.code == 0);
    Agraph_t* g = agmemread(run.out.c_str());
    REQUIRE(g != nullptr);
    CHECK(agnnodes(g) == 12);
    CHECK(agnedges(g) == 11);
    agclose(g);
  }
}

TEST_CASE("kg export: usage errors and bad input", "[cli][graph]") {
  GraphFile file;
  CHECK(RunKg({"export", "--graph", file.path()}).code == 2);  // no format
  CHECK(RunKg({"export", "--graph", file.path(), "-o", file / "x.txt"}).code == 2);
  CHECK(RunKg({"export", "--graph", file.path(), "--format", "xml"}).code == 2);
  auto contradiction = RunKg({"export", "--graph", file.path(), "-o", file / "g.csv", "--format", "json"});
  CHECK(contradiction.code == 2);
  CHECK_THAT(contradiction.err, Catch::Contains("names csv but --format is json"));
  CHECK(RunKg({"export", "--graph", file.path(), "--format", "json", "--table", "entities"}).code ==
        2);
  kg::proto::Graph broken = kg::testing::NewsGraph();
  kg::testing::AddRelation(&broken, "gpe:veloria", "annex", "gpe:atlantis");
  GraphFile bad(broken);
  auto run = RunKg({"export", "--graph", bad.path(), "--format", "json"});
  CHECK(run.code == 1);
  CHECK_THAT(run.err, Catch::Contains("gpe:atlantis"));
}
