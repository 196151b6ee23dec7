#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/graph_cli_fixture.h"

using kg::testing::GraphFile;
using kg::testing::RunKg;

TEST_CASE("kg stats: counts and rankings as text", "[cli][graph]") {
  GraphFile file;
  auto run = RunKg({"stats", "--graph", file.path(), "--top", "3"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK_THAT(run.out, Catch::Contains("articles                       1\n"));
  CHECK_THAT(run.out, Catch::Contains("entities                      12\n"));
  CHECK_THAT(run.out, Catch::Contains("  PERSON                       3\n"));
  CHECK_THAT(run.out, Catch::Contains("relations                     11\n"));
  CHECK_THAT(run.out, Catch::Contains("  CONSULT                      3\n"));
  CHECK_THAT(run.out, Catch::Contains("negated relations              2\n"));
  CHECK_THAT(run.out, Catch::Contains("Top entities by degree (without concepts)\n"
                                      "    1. Marta Okonkwo"));
  CHECK_THAT(run.out, Catch::Contains("Top entities by betweenness"));
  CHECK_THAT(run.out, Catch::Contains("Top entities by PageRank (without concepts)\n"
                                      "    1. Carradine"));
  CHECK_THAT(run.out, !Catch::Contains("    4. "));
}

TEST_CASE("kg stats: JSON output", "[cli][graph]") {
  GraphFile file;
  auto run = RunKg({"stats", "--graph", file.path(), "--format", "json", "--top", "2"});
  REQUIRE(run.code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["entities"] == 12);
  CHECK(j["relations"] == 11);
  CHECK(j["entities_by_type"]["GPE"] == 3);
  CHECK(j["relations_by_category"]["ROLE"] == 2);
  CHECK(j["components"] == 2);
  REQUIRE(j["top_by_degree"].size() == 2);
  CHECK(j["top_by_degree"][0]["id"] == "person:marta-okonkwo");
  CHECK(j["top_by_degree"][1]["id"] == "person:tomas-brandt");  // tie at 4: by id
  CHECK(j["top_by_betweenness"][0]["name"] == "Marta Okonkwo");
  CHECK(j["top_by_pagerank"][0]["type"] == "GPE");

  auto concepts = RunKg({"stats", "--graph", file.path(), "--format", "json", "--concepts"});
  REQUIRE(concepts.code == 0);
  CHECK(nlohmann::json::parse(concepts.out)["top_by_degree"].size() == 10);  // default top
}

TEST_CASE("kg stats: an empty graph and a bad option", "[cli][graph]") {
  GraphFile empty{kg::proto::Graph()};
  auto run = RunKg({"stats", "--graph", empty.path()});
  REQUIRE(run.code == 0);
  CHECK_THAT(run.out, Catch::Contains("entities                       0\n"));
  CHECK_THAT(run.out, !Catch::Contains("Top entities"));
  CHECK(RunKg({"stats", "--graph", empty.path(), "--top", "-1"}).code == 2);
}

TEST_CASE("kg stats: betweenness past 5,000 entities only on request", "[cli][graph]") {
  GraphFile big(kg::testing::Star(5001));
  auto run = RunKg({"stats", "--graph", big.path(), "--top", "1"});
  REQUIRE(run.code == 0);
  CHECK_THAT(run.out, Catch::Contains("Betweenness left out: more than 5000 entities"));
  CHECK_THAT(run.out, !Catch::Contains("Top entities by betweenness"));
  auto forced = RunKg({"stats", "--graph", big.path(), "--top", "1", "--betweenness"});
  REQUIRE(forced.code == 0);
  CHECK_THAT(forced.out, Catch::Contains("Top entities by betweenness (without concepts)\n"
                                         "    1. Hub"));
}
