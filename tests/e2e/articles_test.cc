// End to end: `kg extract` on our own test articles (tests/data/articles/*.txt), each
// held to the graph its NAME.expected.json says it must yield; and on the reference
// article in ../shared, scored by ../shared/eval/score.py.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/graph_io.h"
#include "tests/e2e/expected_graph.h"
#include "tests/test_util.h"

namespace fs = std::filesystem;
using kg::testing::CompareWithExpected;
using kg::testing::ExpectedGraphReport;
using kg::testing::RunKg;

namespace {

std::vector<std::string> TestArticles() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kg::testing::TestData("articles"))) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

kg::proto::Graph Extract(const std::string& path) {
  const auto run = RunKg({"extract", path, "--format", "json"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  auto graph = kg::graph::GraphFromJson(run.out);
  REQUIRE(graph.ok());
  return std::move(graph).value();
}

std::string Summary(const std::string& name, const ExpectedGraphReport& r) {
  std::ostringstream s;
  s << name << ": entities must " << r.entities_must.found << "/" << r.entities_must.total << " should "
    << r.entities_should.found << "/" << r.entities_should.total << "; relations must " << r.relations_must.found
    << "/" << r.relations_must.total << " should " << r.relations_should.found << "/" << r.relations_should.total
    << " may " << r.relations_may.found << "/" << r.relations_may.total << "; precision " << r.precision_correct
    << "/" << r.precision_total << "\n";
  for (const auto& m : r.missed) s << "  missed " << m << "\n";
  for (const auto& w : r.wrong) s << "  wrong  " << w << "\n";
  for (const auto& j : r.junk) s << "  junk   " << j << "\n";
  return s.str();
}

}  // namespace

TEST_CASE("End to end: each test article yields the graph it must", "[e2e][slow]") {
  const std::vector<std::string> names = TestArticles();
  REQUIRE(names.size() >= 15);
  int correct = 0, total = 0, should_found = 0, should_total = 0;
  for (const std::string& name : names) {
    const std::string base = kg::testing::TestData("articles/" + name);
    REQUIRE(fs::exists(base + ".expected.json"));
    const ExpectedGraphReport r = CompareWithExpected(base + ".expected.json", Extract(base + ".txt"));
    const std::string summary = Summary(name, r);
    std::cout << summary;  // the figures, pass or fail (ctest --verbose shows them)
    {
      INFO(summary);
      CHECK(r.entities_must.found == r.entities_must.total);
      CHECK(r.relations_must.found == r.relations_must.total);
      CHECK(r.junk.empty());
    }
    correct += r.precision_correct;
    total += r.precision_total;
    should_found += r.relations_should.found;
    should_total += r.relations_should.total;
  }
  // Across all our articles: most relations between known entities are right, and most
  // of what a careful reader would add (coreference, roles, nominal events) is found.
  INFO("precision " << correct << "/" << total << ", should " << should_found << "/" << should_total);
  CHECK(correct >= 0.85 * total);
  CHECK(should_found >= 0.6 * should_total);
}

TEST_CASE("Acceptance: the reference article scored by score.py", "[e2e][shared][slow]") {
  const std::string shared = kg::testing::RequireShared();
  const std::string article = shared + "/articles/seed-2025-06-08-trump-putin-call.txt";
  const std::string gold = shared + "/articles/seed-2025-06-08-trump-putin-call.gold.json";
  REQUIRE(fs::exists(article));
  kg::testing::TempDir dir;
  const auto run = RunKg({"extract", article, "--format", "json", "-o", dir / "graph.json"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  const std::string command = "python3 '" + shared + "/eval/score.py' '" + gold + "' '" + (dir / "graph.json") +
                              "' --json > '" + (dir / "score.json") + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  const auto score = nlohmann::json::parse(kg::testing::ReadFile(dir / "score.json"));
  INFO(score.dump(1));
  const auto& e = score["entities"];
  const auto& r = score["relations"];
  CHECK(e["must"][0] == e["must"][1]);                                   // 9/9
  CHECK(e["should"][0].get<int>() == e["should"][1].get<int>());          // 4/4
  CHECK(e["named_precision"][0].get<double>() >= 0.9 * e["named_precision"][1].get<double>());
  CHECK(r["must"][0] == r["must"][1]);                                   // 7/7
  CHECK(r["should"][0].get<int>() >= 8);                                  // of 10
  CHECK(r["precision"][0].get<double>() >= 0.85 * r["precision"][1].get<double>());
  CHECK(e["split"].get<int>() == 0);
}
