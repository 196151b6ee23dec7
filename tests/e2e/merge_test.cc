// End to end across articles: our follow-up articles about the same people, ingested
// with the real extractor, merge into one node per real-world entity, keep two people who
// share a surname apart, group one event reported twice into one edge, and give the same
// graph whatever the ingest order.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "proto/kg.pb.h"
#include "storage/store.h"
#include "tests/test_util.h"

using kg::testing::RunKg;
using kg::testing::TempDir;

namespace {

const std::vector<std::string> kFollowUps = {"swap-report-a", "swap-report-b", "hegseth-allies",
                                             "speaker-johnson", "kyiv-boris-johnson", "kremlin-followup"};

std::string Article(const std::string& name) { return kg::testing::TestData("articles/" + name + ".txt"); }

kg::proto::Graph Export(const std::string& db) {
  kg::storage::StoreOptions options;
  options.read_only = true;
  auto store = kg::storage::Store::Open(options, db);
  REQUIRE(store.ok());
  auto graph = (*store)->ExportGraph();
  REQUIRE(graph.ok());
  return std::move(graph).value();
}

void Ingest(const std::string& db, const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"ingest", "--db", db, "--quiet"};
  args.insert(args.end(), paths.begin(), paths.end());
  const auto run = RunKg(args);
  INFO(run.err);
  REQUIRE(run.code == 0);
}

// The entities whose name or an alias is `name` (exact), of `type`.
std::vector<const kg::proto::Entity*> Named(const kg::proto::Graph& g, const std::string& name,
                                            kg::proto::EntityType type) {
  std::vector<const kg::proto::Entity*> out;
  for (const auto& e : g.entities()) {
    if (e.type() != type) continue;
    bool hit = e.name() == name;
    for (const auto& a : e.aliases()) hit = hit || a == name;
    if (hit) out.push_back(&e);
  }
  return out;
}

}  // namespace

TEST_CASE("Merging: follow-up articles share nodes, same-surname people stay apart", "[e2e][slow]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (const auto& name : kFollowUps) paths.push_back(Article(name));
  Ingest(dir / "a.kg", paths);
  const kg::proto::Graph g = Export(dir / "a.kg");

  SECTION("one node per person and country, under every surface form") {
    for (const char* name : {"Donald Trump", "Putin", "Pete Hegseth", "Volodymyr Zelensky"}) {
      INFO(name);
      CHECK(Named(g, name, kg::proto::PERSON).size() == 1);
    }
    CHECK(Named(g, "Trump", kg::proto::PERSON).size() == 1);
    CHECK(Named(g, "Volodymyr Zelenskyy", kg::proto::PERSON) == Named(g, "Volodymyr Zelensky", kg::proto::PERSON));
    for (const char* name : {"Russia", "Ukraine", "United States"}) {
      INFO(name);
      CHECK(Named(g, name, kg::proto::GPE).size() == 1);
    }
    CHECK(Named(g, "Moscow", kg::proto::GPE) == Named(g, "Russia", kg::proto::GPE));
    CHECK(Named(g, "NATO", kg::proto::ORG).size() == 1);
  }
  SECTION("Mike Johnson and Boris Johnson are two people") {
    const auto mike = Named(g, "Mike Johnson", kg::proto::PERSON);
    const auto boris = Named(g, "Boris Johnson", kg::proto::PERSON);
    REQUIRE(mike.size() == 1);
    REQUIRE(boris.size() == 1);
    CHECK(mike[0]->id() != boris[0]->id());
  }
  SECTION("the prisoner swap reported by two articles is one edge with two sources") {
    const auto russia = Named(g, "Russia", kg::proto::GPE);
    const auto ukraine = Named(g, "Ukraine", kg::proto::GPE);
    REQUIRE(russia.size() == 1);
    REQUIRE(ukraine.size() == 1);
    int swaps = 0;
    for (const auto& r : g.relations()) {
      const std::set<std::string> ends = {r.subject(), r.object()};
      if (ends != std::set<std::string>{russia[0]->id(), ukraine[0]->id()} || r.predicate() != "exchange") continue;
      ++swaps;
      CHECK(r.source_count() == 2);
      CHECK(r.event_date() == "2025-06-09");
      CHECK(r.evidence_size() >= 2);
    }
    CHECK(swaps == 1);
  }
  SECTION("ingesting again changes nothing; another order gives the same graph") {
    Ingest(dir / "a.kg", paths);
    CHECK(Export(dir / "a.kg").SerializeAsString() == g.SerializeAsString());
    std::vector<std::string> reversed(paths.rbegin(), paths.rend());
    Ingest(dir / "b.kg", reversed);
    CHECK(Export(dir / "b.kg").SerializeAsString() == g.SerializeAsString());
  }
}

TEST_CASE("Merging: the reference article joins our follow-ups", "[e2e][shared][slow]") {
  const std::string shared = kg::testing::RequireShared();
  TempDir dir;
  std::vector<std::string> paths = {shared + "/articles/seed-2025-06-08-trump-putin-call.txt"};
  for (const auto& name : kFollowUps) paths.push_back(Article(name));
  Ingest(dir / "a.kg", paths);
  const kg::proto::Graph g = Export(dir / "a.kg");
  for (const char* name : {"Donald Trump", "Vladimir Putin", "Pete Hegseth"}) {
    INFO(name);
    const auto found = Named(g, name, kg::proto::PERSON);
    REQUIRE(found.size() == 1);
    CHECK(found[0]->article_ids_size() >= 2);  // the seed and at least one follow-up
  }
  CHECK(Named(g, "Washington", kg::proto::GPE) == Named(g, "United States", kg::proto::GPE));
  CHECK(Named(g, "NATO", kg::proto::ORG).size() == 1);
}
