#include <catch2/catch.hpp>

#include "tests/test_util.h"

using kg::testing::RunKg;

TEST_CASE("kg evaluate --coref: scores pronouns on GUM-style documents", "[cli][coref]") {
  const auto run = RunKg({"evaluate", "--coref", kg::testing::TestData("coref/gum"), "--split", "test"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("GUM test: 1 documents, 2 pronouns with a named antecedent") != std::string::npos);
  CHECK(run.out.find("F1") != std::string::npos);
  SECTION("a directory that is not GUM gets one clear message") {
    const auto bad = RunKg({"evaluate", "--coref", kg::testing::TestData("articles")});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("SPLITS.md") != std::string::npos);
  }
  SECTION("one kind of gold at a time") {
    CHECK(RunKg({"evaluate", "--coref", "x", "--ner", "y"}).code == 2);
  }
}

TEST_CASE("Coreference regression: GUM test pronoun F1 stays above 75", "[shared][slow][coref]") {
  const std::string shared = kg::testing::RequireShared();
  const auto run = RunKg({"evaluate", "--coref", shared + "/corpora/gum-open", "--split", "test"});
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const size_t at = run.out.find("F1");
  REQUIRE(at != std::string::npos);
  CHECK(std::stod(run.out.substr(at + 2)) >= 75.0);
}
