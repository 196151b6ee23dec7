// The NER parts of kg evaluate (--ner), kg train (ner) and kg annotate (NER column).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extract/ner/ner_tagger.h"
#include "tests/test_util.h"

using kg::testing::RunKg;
using kg::testing::TempDir;
using kg::testing::TestData;
using kg::testing::WriteFile;

TEST_CASE("kg evaluate --ner: per-type and micro scores of a prediction", "[cli][ner]") {
  auto run = RunKg({"evaluate", "--ner", TestData("ner/tiny.iob2"), "--pred", TestData("ner/tiny-pred.iob2")});
  REQUIRE(run.code == 0);
  CHECK(run.out.find("sentences 6\n") != std::string::npos);
  // PER all right; ORG 1 of 2 predicted right; LOC 2 of 4 found; micro 8 of 9 of 10.
  CHECK(run.out.find("PER          5      5        5     100.00  100.00 100.00") != std::string::npos);
  CHECK(run.out.find("ORG          1      2        1      50.00  100.00  66.67") != std::string::npos);
  CHECK(run.out.find("LOC          4      2        2     100.00   50.00  66.67") != std::string::npos);
  CHECK(run.out.find("micro       10      9        8      88.89   80.00  84.21") != std::string::npos);
  SECTION("bad input") {
    TempDir dir;
    WriteFile(dir / "short.iob2", "1\tLina\tB-PER\n");
    auto mismatch = RunKg({"evaluate", "--ner", TestData("ner/tiny.iob2"), "--pred", dir / "short.iob2"});
    CHECK(mismatch.code == 1);
    CHECK(mismatch.err.find("has 1 sentences") != std::string::npos);
    auto missing = RunKg({"evaluate", "--ner", dir / "nope.iob2"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("nope.iob2") != std::string::npos);
    WriteFile(dir / "bad.iob2", "1\tLina\tB-PER\n2\tVoss\tE-PER\n");
    auto bad = RunKg({"evaluate", "--ner", dir / "bad.iob2", "--pred", dir / "bad.iob2"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.iob2:2") != std::string::npos);
  }
  SECTION("usage errors") {
    CHECK(RunKg({"evaluate"}).code == 2);
    CHECK(RunKg({"evaluate", "--ner", "a.iob2", "--gold", "b.conllu"}).code == 2);
    CHECK(RunKg({"evaluate", "--ner", "a.iob2", "--raw"}).code == 2);
  }
}

TEST_CASE("kg train ner: a model from IOB2 and its treebank's tags", "[cli][ner]") {
  TempDir dir;
  const std::string model = dir / "ner.bin";
  auto run = RunKg({"train", "ner", "--train", TestData("ner/tiny.iob2"), "--treebank", TestData("ner/tiny.conllu"),
                    "--folds", "0", "--epochs", "3", "-o", model});
  REQUIRE(run.code == 0);
  auto tagger = kg::extract::NerTagger::LoadFile(model);
  REQUIRE(tagger.ok());
  const auto& meta = (*tagger)->metadata();
  CHECK(meta.at("command").find("kg train ner --train") != std::string::npos);
  CHECK(meta.at("train_pos") == "gold tags of " + TestData("ner/tiny.conllu"));
  CHECK(meta.at("train_sentences") == "6");
  CHECK((*tagger)->feature_count() > 0);
  SECTION("the same command writes the same model") {
    const std::string again = dir / "again.bin";
    REQUIRE(RunKg({"train", "ner", "--train", TestData("ner/tiny.iob2"), "--treebank", TestData("ner/tiny.conllu"),
                   "--folds", "0", "--epochs", "3", "-o", again})
                .code == 0);
    auto other = kg::extract::NerTagger::LoadFile(again);
    REQUIRE(other.ok());
    auto a = (*tagger)->metadata();
    auto b = (*other)->metadata();
    a.erase("train_seconds");
    b.erase("train_seconds");
    b["command"] = a["command"];
    CHECK(a == b);
  }
  SECTION("POS for the training sentences is required") {
    auto no_pos = RunKg({"train", "ner", "--train", TestData("ner/tiny.iob2"), "-o", model});
    CHECK(no_pos.code == 2);
    CHECK(no_pos.err.find("--treebank") != std::string::npos);
  }
  SECTION("a training file that is not IOB2") {
    auto bad = RunKg({"train", "ner", "--train", TestData("ner/tiny.conllu"), "--treebank", TestData("ner/tiny.conllu"),
                      "--folds", "0", "-o", model});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("tiny.conllu:") != std::string::npos);
  }
}

TEST_CASE("kg annotate: the NER column and the IOB2 format", "[cli][ner]") {
  TempDir dir;
  WriteFile(dir / "a.txt", "Russian President Vladimir Putin met officials in Kazakhstan on Tuesday.\n");
  auto conllu = RunKg({"annotate", dir / "a.txt"});
  REQUIRE(conllu.code == 0);
  CHECK(conllu.out.find("\tRussian\t") != std::string::npos);
  CHECK(conllu.out.find("NER=B-NORP") != std::string::npos);
  CHECK(conllu.out.find("NER=B-PER") != std::string::npos);
  CHECK(conllu.out.find("NER=I-PER") != std::string::npos);
  CHECK(conllu.out.find("NER=B-GPE") != std::string::npos);
  auto iob2 = RunKg({"annotate", "--format", "iob2", dir / "a.txt"});
  REQUIRE(iob2.code == 0);
  CHECK(iob2.out.find("# sent_id = 1\n# text = Russian President Vladimir Putin met officials in Kazakhstan on Tuesday.\n"
                      "1\tRussian\tB-NORP\n2\tPresident\tO\n3\tVladimir\tB-PER\n4\tPutin\tI-PER\n") != std::string::npos);
  CHECK(iob2.out.find("\tKazakhstan\tB-GPE\n") != std::string::npos);
  CHECK(iob2.out.find("\tTuesday\tB-DATE\n") != std::string::npos);
  SECTION("vertical input") {
    WriteFile(dir / "v.txt", "NATO\nmet\nin\nBrussels\n.\n");
    auto v = RunKg({"annotate", "--input", "vertical", "--format", "iob2", dir / "v.txt"});
    REQUIRE(v.code == 0);
    CHECK(v.out.find("1\tNATO\tB-ORG\n2\tmet\tO\n3\tin\tO\n4\tBrussels\tB-GPE\n") != std::string::npos);
  }
}
