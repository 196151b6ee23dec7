#include <catch2/catch.hpp>
#include <fstream>

#include "extract/syntax/dependency_parser.h"
#include "extract/syntax/lemmatizer.h"
#include "extract/syntax/pos_tagger.h"
#include "tests/test_util.h"

using kg::testing::RunKg;
using kg::testing::TempDir;
using kg::testing::TestData;

TEST_CASE("kg train: tagger, lemmatizer and parser on a tiny treebank", "[cli]") {
  TempDir dir;
  const std::string tiny = TestData("nlp/tiny.conllu");
  auto tagger = RunKg({"-q", "train", "tagger", "--train", tiny, "--dev", tiny, "--epochs", "4",
                       "-o", dir / "tagger.bin"});
  REQUIRE(tagger.code == 0);
  auto t = kg::extract::PosTagger::LoadFile(dir / "tagger.bin");
  REQUIRE(t.ok());
  CHECK((*t)->metadata().at("command").find("kg train tagger --train") == 0);
  CHECK((*t)->metadata().count("dev_upos") == 1);
  CHECK((*t)->metadata().count("trained") == 1);

  auto lem = RunKg({"-q", "train", "lemmatizer", "--train", tiny, "--dev", tiny, "--tagger",
                    dir / "tagger.bin", "-o", dir / "lemmatizer.bin"});
  REQUIRE(lem.code == 0);
  auto l = kg::extract::Lemmatizer::LoadFile(dir / "lemmatizer.bin");
  REQUIRE(l.ok());
  CHECK((*l)->metadata().count("dev_lemma") == 1);

  SECTION("the parser needs a tagger for its dev set") {
    CHECK(RunKg({"-q", "train", "parser", "--train", tiny, "--dev", tiny, "-o", dir / "p.bin"}).code == 2);
  }
  SECTION("parser with jackknifed tags") {
    auto parser = RunKg({"-q", "train", "parser", "--train", tiny, "--dev", tiny, "--tagger",
                         dir / "tagger.bin", "--folds", "2", "--epochs", "3", "-o", dir / "parser.bin"});
    REQUIRE(parser.code == 0);
    auto p = kg::extract::DependencyParser::LoadFile(dir / "parser.bin");
    REQUIRE(p.ok());
    CHECK((*p)->metadata().count("dev_las") == 1);
    CHECK((*p)->metadata().at("jackknife_folds") == "2");
    // The three files make a working model directory.
    auto annotate = RunKg({"--models", dir.path().string(), "evaluate", "--gold", tiny});
    CHECK(annotate.code == 0);
  }
  SECTION("bad arguments") {
    CHECK(RunKg({"train", "tokenizer", "--train", tiny, "-o", dir / "x.bin"}).code == 2);
    CHECK(RunKg({"train", "tagger", "-o", dir / "x.bin"}).code == 2);
    auto missing = RunKg({"train", "tagger", "--train", dir / "none.conllu", "-o", dir / "x.bin"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("none.conllu") != std::string::npos);
    CHECK(RunKg({"train", "parser", "--train", tiny, "--folds", "1", "-o", dir / "x.bin"}).code == 2);
  }
}
