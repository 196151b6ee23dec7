#include <catch2/catch.hpp>

#include "tests/test_util.h"

using kg::testing::RunKg;
using kg::testing::TempDir;
using kg::testing::TestData;
using kg::testing::WriteFile;

TEST_CASE("kg evaluate: a prediction against gold", "[cli]") {
  auto run = RunKg({"evaluate", "--gold", TestData("nlp/tiny.conllu"), "--pred", TestData("nlp/tiny.conllu")});
  REQUIRE(run.code == 0);
  CHECK(run.out.find("words      53\n") != std::string::npos);
  CHECK(run.out.find("UPOS       100.00\n") != std::string::npos);
  CHECK(run.out.find("lemma      100.00\n") != std::string::npos);
  CHECK(run.out.find("LAS        100.00\n") != std::string::npos);
}

TEST_CASE("kg evaluate: our models on gold tokenisation", "[cli]") {
  auto run = RunKg({"evaluate", "--gold", TestData("nlp/tiny.conllu")});
  REQUIRE(run.code == 0);
  for (const char* row : {"UPOS ", "XPOS ", "lemma ", "feats ", "UAS ", "LAS "}) {
    CHECK(run.out.find(std::string("\n") + row) != std::string::npos);
  }
}

TEST_CASE("kg evaluate: tokenisation from raw text", "[cli]") {
  auto run = RunKg({"evaluate", "--gold", TestData("nlp/tiny.conllu"), "--raw"});
  REQUIRE(run.code == 0);
  CHECK(run.out.find("words F1   100.00\n") != std::string::npos);
  CHECK(run.out.find("sents F1   100.00\n") != std::string::npos);
}

TEST_CASE("kg evaluate: bad input", "[cli]") {
  TempDir dir;
  SECTION("missing gold file") {
    auto run = RunKg({"evaluate", "--gold", dir / "none.conllu"});
    CHECK(run.code == 1);
    CHECK(run.err.find("none.conllu") != std::string::npos);
  }
  SECTION("malformed gold names the line") {
    WriteFile(dir / "bad.conllu", "# text = x\n1\tx\tx\n");
    auto run = RunKg({"evaluate", "--gold", dir / "bad.conllu", "--raw"});
    CHECK(run.code == 1);
    CHECK(run.err.find("bad.conllu:2") != std::string::npos);
  }
  SECTION("prediction with other words") {
    WriteFile(dir / "other.conllu", "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
    auto run = RunKg({"evaluate", "--gold", TestData("nlp/tiny.conllu"), "--pred", dir / "other.conllu"});
    CHECK(run.code == 1);
    CHECK(run.err.find("sentences") != std::string::npos);
  }
  SECTION("--raw with --pred is a usage error") {
    CHECK(RunKg({"evaluate", "--gold", TestData("nlp/tiny.conllu"), "--pred", TestData("nlp/tiny.conllu"),
                 "--raw"}).code == 2);
  }
}
