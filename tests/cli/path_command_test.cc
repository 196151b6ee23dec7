#include <catch2/catch.hpp>

#include "tests/cli/graph_cli_fixture.h"

using kg::testing::GraphFile;
using kg::testing::RunKg;

TEST_CASE("kg path: prints the chain with predicates and directions", "[cli][graph]") {
  GraphFile file;
  auto run = RunKg({"path", "--graph", file.path(), "Brandt", "Carradine"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(run.out ==
        "Tomas Brandt (PERSON) to Carradine (GPE): 3 steps\n"
        "  Tomas Brandt (PERSON)  <-[call]-  Marta Okonkwo (PERSON)   (also: <-[talk]->)\n"
        "  Marta Okonkwo (PERSON)  -[president_of]->  Veloria (GPE)\n"
        "  Veloria (GPE)  -[attack]->  Carradine (GPE)\n");

  SECTION("the other way round reverses the arrows") {
    auto back = RunKg({"path", "--graph", file.path(), "Carradine", "Tomas Brandt"});
    REQUIRE(back.code == 0);
    CHECK_THAT(back.out, Catch::Contains("Carradine (GPE)  <-[attack]-  Veloria (GPE)"));
  }
  SECTION("negated relations say so, and --no-negated avoids them") {
    auto neg = RunKg({"path", "--graph", file.path(), "Ostmark", "Northern Accord"});
    REQUIRE(neg.code == 0);
    CHECK_THAT(neg.out, Catch::Contains("-[not join]->"));
    auto none = RunKg({"path", "--graph", file.path(), "Ostmark", "Northern Accord", "--no-negated"});
    CHECK(none.code == 1);
  }
}

TEST_CASE("kg path: exit 1 with a clear message", "[cli][graph]") {
  GraphFile file;
  SECTION("no path") {
    auto run = RunKg({"path", "--graph", file.path(), "Okonkwo", "Ilse Varga"});
    CHECK(run.code == 1);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, Catch::Contains("no chain of relations links Marta Okonkwo (PERSON) and "
                                        "Ilse Varga (PERSON)"));
  }
  SECTION("unknown entity") {
    auto run = RunKg({"path", "--graph", file.path(), "Okonkwo", "Atlantis"});
    CHECK(run.code == 1);
    CHECK_THAT(run.err, Catch::Contains("no entity named 'Atlantis'"));
  }
  SECTION("concepts only with --concepts") {
    auto run = RunKg({"path", "--graph", file.path(), "Veloria", "long-range missiles"});
    CHECK(run.code == 1);
    CHECK_THAT(run.err, Catch::Contains("--concepts"));
    auto with = RunKg({"path", "--graph", file.path(), "Veloria", "long-range missiles", "--concepts"});
    REQUIRE(with.code == 0);
    CHECK_THAT(with.out, Catch::Contains("-[not acquire (obligation)]->  long-range missiles"));
  }
  SECTION("missing argument is a usage error") {
    CHECK(RunKg({"path", "--graph", file.path(), "Okonkwo"}).code == 2);
  }
}
