#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

#include "graph/graph_io.h"
#include "tests/test_util.h"

using kg::testing::RunKg;
using kg::testing::TempDir;
using kg::testing::WriteFile;

namespace {
const char kArticle[] =
    " date 2025-03-04\n"
    "Talks In Oslo\n\n"
    "Norwegian Foreign Minister Espen Barth Eide met Iranian Foreign Minister Abbas Araghchi in Oslo on Monday.\n"
    "Iran rejected the proposal, Eide said.\n";
}  // namespace

TEST_CASE("kg extract: the graph of an article as protobuf JSON", "[cli][extract]") {
  TempDir dir;
  WriteFile(dir / "a.txt", kArticle);
  const auto run = RunKg({"extract", dir / "a.txt"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  auto graph = kg::graph::GraphFromJson(run.out);
  REQUIRE(graph.ok());
  REQUIRE(graph->articles_size() == 1);
  CHECK(graph->articles(0).date() == "2025-03-04");
  bool eide = false, meet = false;
  for (const auto& e : graph->entities()) {
    CHECK(e.type() != kg::proto::CONCEPT);  // hidden without --concepts
    eide |= e.name() == "Espen Barth Eide" && e.type() == kg::proto::PERSON;
  }
  for (const auto& r : graph->relations()) {
    meet |= r.predicate() == "meet" && r.event_date() == "2025-03-03" && r.evidence_size() == 1 &&
            !r.evidence(0).rule().empty() && r.evidence(0).sentence().find("met Iranian") != std::string::npos;
  }
  CHECK(eide);
  CHECK(meet);
  SECTION("--concepts keeps concept nodes") {
    const auto with = RunKg({"extract", dir / "a.txt", "--concepts"});
    REQUIRE(with.code == 0);
    CHECK(with.out.find("\"CONCEPT\"") != std::string::npos);
  }
  SECTION("the same input gives byte-identical output") { CHECK(RunKg({"extract", dir / "a.txt"}).out == run.out); }
}

TEST_CASE("kg extract: - reads the article from standard input", "[cli][extract]") {
  std::istringstream in(kArticle);
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  const auto run = RunKg({"extract", "-", "--format", "table"});
  std::cin.rdbuf(saved);
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("Espen Barth Eide") != std::string::npos);
  SECTION("and empty standard input is bad input") {
    std::istringstream empty("");
    saved = std::cin.rdbuf(empty.rdbuf());
    const auto bad = RunKg({"extract", "-"});
    std::cin.rdbuf(saved);
    CHECK(bad.code == 1);
    CHECK(bad.err.find("standard input") != std::string::npos);
  }
}

TEST_CASE("kg extract: a country known only from an idle demonym is no node", "[cli][extract]") {
  TempDir dir;
  WriteFile(dir / "a.txt",
            "The Orvik Shipping Group paid 3 million Swiss francs to the regulator on Monday.\n"
            "Dutch forces attacked the port of Orvik.\n");
  const auto run = RunKg({"extract", dir / "a.txt"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  auto graph = kg::graph::GraphFromJson(run.out);
  REQUIRE(graph.ok());
  bool switzerland = false, netherlands = false;
  for (const auto& e : graph->entities()) {
    switzerland |= e.name() == "Switzerland";
    netherlands |= e.name() == "Netherlands";
  }
  CHECK_FALSE(switzerland);  // "Swiss francs": a modifier
  CHECK(netherlands);        // "Dutch forces attacked": an actor
}

TEST_CASE("kg extract: a title after a party's adjective is membership of the party", "[cli][extract]") {
  TempDir dir;
  WriteFile(dir / "a.txt", "Republican Senator Mark Ellison accused the Commerce Department of delays on Tuesday.\n");
  const auto run = RunKg({"extract", dir / "a.txt", "--format", "table"});
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("Mark Ellison -member_of-> Republicans") != std::string::npos);
  CHECK(run.out.find("senator_of-> Republicans") == std::string::npos);
}

TEST_CASE("kg extract: one office edge per person and body, with its most specific title", "[cli][extract]") {
  TempDir dir;
  WriteFile(dir / "a.txt",
            "The fund Northfield Capital declined to comment. Its chief executive, Douglas Reid, met "
            "President Gabriel Boric in January.\n");
  const auto run = RunKg({"extract", dir / "a.txt"});
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  auto graph = kg::graph::GraphFromJson(run.out);
  REQUIRE(graph.ok());
  int roles = 0;
  for (const auto& r : graph->relations()) {
    if (r.subject() != "person:douglas-reid" || r.object() != "org:northfield-capital") continue;
    ++roles;
    CHECK(r.category() == "ROLE");
    CHECK(r.predicate() == "chief_executive_of");
  }
  CHECK(roles == 1);
}

TEST_CASE("kg extract: a titled name after a two-word demonym is one argument", "[cli][extract]") {
  TempDir dir;
  WriteFile(dir / "a.txt", "Chilean President Ana Soto received South African President Thabo Nkosi in Santiago.\n");
  const auto run = RunKg({"extract", dir / "a.txt", "--format", "table"});
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("Ana Soto -receive-> Thabo Nkosi") != std::string::npos);
  CHECK(run.out.find("-receive-> South Africa") == std::string::npos);
}

TEST_CASE("kg extract: table, --explain and -o", "[cli][extract]") {
  TempDir dir;
  WriteFile(dir / "a.txt", kArticle);
  const auto table = RunKg({"extract", dir / "a.txt", "--format", "table"});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("PERSON") != std::string::npos);
  CHECK(table.out.find("<-meet->") != std::string::npos);
  const auto explain = RunKg({"extract", dir / "a.txt", "--explain"});
  REQUIRE(explain.code == 0);
  CHECK(explain.out.find("rule clause") != std::string::npos);
  CHECK(explain.out.find("sentence ") != std::string::npos);
  const auto to_file = RunKg({"extract", dir / "a.txt", "-o", dir / "out.json"});
  REQUIRE(to_file.code == 0);
  CHECK(to_file.out.empty());
  CHECK(kg::testing::ReadFile(dir / "out.json").find("\"entities\"") != std::string::npos);
}

TEST_CASE("kg extract: bad input gets one clear message and exit 1", "[cli][extract]") {
  TempDir dir;
  SECTION("missing file") {
    const auto run = RunKg({"extract", dir / "nope.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("nope.txt: no such file") != std::string::npos);
  }
  SECTION("empty file") {
    WriteFile(dir / "e.txt", "\n\n");
    const auto run = RunKg({"extract", dir / "e.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("empty") != std::string::npos);
  }
  SECTION("invalid UTF-8") {
    WriteFile(dir / "u.txt", "Caf\xE9 talks.\n");
    const auto run = RunKg({"extract", dir / "u.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("invalid UTF-8 at byte 3") != std::string::npos);
  }
  SECTION("binary file") {
    WriteFile(dir / "b.txt", std::string("\x7F" "ELF\0\0\1", 7));
    const auto run = RunKg({"extract", dir / "b.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("binary") != std::string::npos);
  }
  SECTION("no input is a usage error") { CHECK(RunKg({"extract"}).code == 2); }
  SECTION("an unknown format is a usage error") { CHECK(RunKg({"extract", dir / "x.txt", "--format", "xml"}).code == 2); }
  SECTION("a missing models directory") {
    WriteFile(dir / "a.txt", kArticle);
    const auto run = RunKg({"--models", dir / "nomodels", "extract", dir / "a.txt"});
    CHECK(run.code == 1);
    CHECK(run.err.find("nomodels") != std::string::npos);
  }
}
