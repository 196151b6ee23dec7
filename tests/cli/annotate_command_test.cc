#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

#include "tests/test_util.h"

using kg::testing::RunKg;
using kg::testing::TempDir;
using kg::testing::WriteFile;

TEST_CASE("kg annotate: a text file as CoNLL-U", "[cli]") {
  TempDir dir;
  WriteFile(dir / "a.txt", "The rebels attacked the town.\n\nThe army refused to comment.\n");
  auto run = RunKg({"annotate", dir / "a.txt"});
  REQUIRE(run.code == 0);
  CHECK(run.out.find("# sent_id = 1\n# text = The rebels attacked the town.\n") != std::string::npos);
  CHECK(run.out.find("\tattacked\tattack\tVERB\tVBD\t") != std::string::npos);
  CHECK(run.out.find("# sent_id = 2\n") != std::string::npos);
  CHECK(run.out.find("\ttown\ttown\tNOUN\tNN\tNumber=Sing\t3\tobj\t_\tSpaceAfter=No\n") !=
        std::string::npos);
  SECTION("the same input gives byte-identical output") {
    CHECK(RunKg({"annotate", dir / "a.txt"}).out == run.out);
  }
  SECTION("from standard input") {
    std::istringstream in("The rebels attacked the town.\n\nThe army refused to comment.\n");
    auto* old = std::cin.rdbuf(in.rdbuf());
    auto piped = RunKg({"annotate"});
    std::cin.rdbuf(old);
    REQUIRE(piped.code == 0);
    CHECK(piped.out == run.out);
  }
}

TEST_CASE("kg annotate: vertical input keeps the given tokens", "[cli]") {
  TempDir dir;
  WriteFile(dir / "v.txt", "Rebels\nattacked\nthe\ntown\n.\n\n\nThey\nleft\n");
  auto run = RunKg({"annotate", "--input", "vertical", dir / "v.txt"});
  REQUIRE(run.code == 0);
  CHECK(run.out.find("# text = Rebels attacked the town .\n") != std::string::npos);
  CHECK(run.out.find("# text = They left\n") != std::string::npos);
  CHECK(run.out.find("\tattacked\tattack\tVERB\t") != std::string::npos);
}

TEST_CASE("kg annotate: bad input gets one clear message", "[cli]") {
  TempDir dir;
  SECTION("missing file") {
    auto run = RunKg({"annotate", dir / "nope.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("nope.txt") != std::string::npos);
    CHECK(run.out.empty());
  }
  SECTION("invalid UTF-8") {
    WriteFile(dir / "bad.txt", "Fine line.\nCaf\xE9 bad.\n");
    auto run = RunKg({"annotate", dir / "bad.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("invalid UTF-8 at byte 14") != std::string::npos);
    auto vertical = RunKg({"annotate", "--input", "vertical", dir / "bad.txt"});
    CHECK(vertical.code == 1);
    CHECK(vertical.err.find("invalid UTF-8 at byte 14, line 2") != std::string::npos);
  }
  SECTION("empty file") {
    WriteFile(dir / "empty.txt", "\n  \n");
    auto run = RunKg({"annotate", dir / "empty.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("empty") != std::string::npos);
  }
  SECTION("unknown format is a usage error") {
    WriteFile(dir / "a.txt", "Text.");
    CHECK(RunKg({"annotate", "--format", "xml", dir / "a.txt"}).code == 2);
    CHECK(RunKg({"annotate", "--input", "html", dir / "a.txt"}).code == 2);
  }
  SECTION("models missing") {
    WriteFile(dir / "a.txt", "Text.");
    auto run = RunKg({"--models", dir.path().string(), "annotate", dir / "a.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("tagger.bin") != std::string::npos);
  }
  SECTION("a corrupt model") {
    WriteFile(dir / "a.txt", "Text.");
    WriteFile(dir / "tagger.bin", "KGM");
    auto run = RunKg({"--models", dir.path().string(), "annotate", dir / "a.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("tagger.bin") != std::string::npos);
  }
}
