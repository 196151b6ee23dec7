// Ingest order must not change the merged graph: every permutation of a small scenario and
// random orders of a generated corpus give byte-identical results, in memory (resolver)
// and on disk (store, incremental writes and a full rebuild).

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "base/text.h"
#include "proto/kg.pb.h"
#include "storage/resolver.h"
#include "storage/store.h"
#include "tests/storage/graph_fixtures.h"
#include "tests/test_util.h"

namespace kg::storage {
namespace {

using kg::testing::ArticleBuilder;
using kg::testing::CreateStore;
using kg::testing::ExportBytes;
using kg::testing::RelationSpec;
using kg::testing::TempDir;

std::vector<proto::ArticleGraph> Scenario() {
  return {
      ArticleBuilder("s1", "2025-06-08")
          .Entity("e1", proto::PERSON, "Donald Trump", {"Trump"})
          .Entity("e2", proto::PERSON, "Vladimir Putin", {"Putin"})
          .Entity("e3", proto::ORG, "NATO")
          .Relation({"e1", "call", "e2", "CONSULT", true, false, "2025-06-04"})
          .Relation("e2", "warn", "e3", "THREATEN")
          .graph(),
      ArticleBuilder("s2", "2025-06-09")
          .Entity("e1", proto::PERSON, "Trump")
          .Entity("e2", proto::PERSON, "President Putin")
          .Entity("e3", proto::ORG, "North Atlantic Treaty Organization")
          .Relation({"e2", "speak", "e1", "CONSULT", true, false, "2025-06-04"})
          .Relation("e1", "criticize", "e3", "CRITICIZE")
          .graph(),
      ArticleBuilder("s3", "2025-06-10")
          .Entity("e1", proto::PERSON, "Melania Trump")
          .Entity("e2", proto::PERSON, "Trump")
          .Relation("e2", "praise", "e1", "PRAISE")
          .graph(),
      ArticleBuilder("s4", "2025-06-11")
          .Entity("e1", proto::PERSON, "Donald J. Trump", {"Donald Trump"})
          .Entity("e2", proto::GPE, "U.S.")
          .Entity("e3", proto::GPE, "United States")
          .Relation("e1", "lead", "e3", "ROLE")
          .graph(),
  };
}

// A corpus with shared surnames, bare surnames, titles, acronyms (one of them ambiguous),
// repeated events and spelling variants, from a fixed seed.
std::vector<proto::ArticleGraph> GeneratedCorpus(unsigned seed, int articles) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<std::pair<std::string, std::string>> people = {
      {"Anna", "Novak"}, {"Boris", "Novak"}, {"Chen", "Reyes"}, {"Dara", "Tanaka"},
      {"Emil", "Okafor"}, {"Farah", "Reyes"}, {"Ivo", "Lindqvist"}, {"Jana", "Tanaka"}};
  const std::vector<std::pair<std::string, std::string>> orgs = {
      {"World Health Organization", "WHO"}, {"European Union", "EU"}, {"African Union", "AU"},
      {"Arab Union", "AU"}, {"Baltic Energy Agency", "BEA"}};
  const std::vector<std::vector<std::string>> places = {{"United States", "U.S.", "US"}, {"France"}, {"Chad"}};
  const std::vector<std::pair<std::string, std::vector<std::string>>> categories = {
      {"MEET", {"meet", "talk"}}, {"ASSAULT", {"attack", "strike"}}, {"AGREE", {"agree", "sign"}},
      {"CRITICIZE", {"criticize", "condemn"}}, {"", {"praise"}}};
  std::vector<proto::ArticleGraph> out;
  for (int a = 0; a < articles; ++a) {
    char id[16];
    std::snprintf(id, sizeof id, "g%03d", a);
    ArticleBuilder b(id, pick(5) == 0 ? "" : "2025-02-0" + std::to_string(1 + pick(6)));
    const int n = 3 + pick(4);
    for (int e = 0; e < n; ++e) {
      const std::string local = std::string("e").append(std::to_string(e));
      const int kind = pick(3);
      if (kind == 0) {
        const auto& [first, last] = people[pick(static_cast<int>(people.size()))];
        switch (pick(5)) {
          case 0: b.Entity(local, proto::PERSON, last); break;
          case 1: b.Entity(local, proto::PERSON, "Minister " + last); break;
          case 2: b.Entity(local, proto::PERSON, first + " " + last, {last, "Dr. " + first + " " + last}); break;
          case 3: b.Entity(local, proto::PERSON, first + " " + first.substr(0, 1) + ". " + last, {first + " " + last}); break;
          default: b.Entity(local, proto::PERSON, first + " " + last); break;
        }
      } else if (kind == 1) {
        const auto& [full, acronym] = orgs[pick(static_cast<int>(orgs.size()))];
        switch (pick(3)) {
          case 0: b.Entity(local, proto::ORG, acronym); break;
          case 1: b.Entity(local, proto::ORG, full); break;
          default: b.Entity(local, proto::ORG, full, {acronym}); break;
        }
      } else {
        const auto& names = places[pick(static_cast<int>(places.size()))];
        b.Entity(local, proto::GPE, names[pick(static_cast<int>(names.size()))]);
      }
    }
    const int r = 1 + pick(4);
    for (int i = 0; i < r; ++i) {
      const int s = pick(n), o = pick(n);
      if (s == o) continue;
      const auto& [category, predicates] = categories[pick(static_cast<int>(categories.size()))];
      RelationSpec spec{std::string("e").append(std::to_string(s)), predicates[pick(static_cast<int>(predicates.size()))],
                        std::string("e").append(std::to_string(o)), category};
      spec.symmetric = category == "MEET" || category == "AGREE";
      spec.negated = pick(10) == 0;
      if (pick(2) == 0) spec.event_date = "2025-01-1" + std::to_string(pick(3));
      b.Relation(spec);
    }
    out.push_back(b.graph());
  }
  return out;
}

// The merged graph the resolver holds, serialised, after adding `graphs` in this order
// (settling after each article, as the store does).
std::string ResolverBytes(const std::vector<proto::ArticleGraph>& graphs) {
  GraphResolver r;
  std::map<std::string, const proto::ArticleGraph*> by_id;
  for (const auto& g : graphs) {
    REQUIRE(ValidateArticleGraph(g).ok());
    r.Add(g);
    REQUIRE(r.Settle().ok());
    by_id[g.article().id()] = &g;
  }
  GraphSource source = [&](const std::string& id) -> base::Result<const proto::ArticleGraph*> {
    return by_id.at(id);
  };
  proto::Graph out;
  for (const auto& id : r.EntityIds()) *out.add_entities() = r.BuildEntity(id);
  for (const auto& id : r.RelationIds()) *out.add_relations() = r.BuildRelation(id, source).value();
  return out.SerializeAsString();
}

TEST_CASE("Order: every permutation of the scenario gives the same graph", "[storage][order]") {
  std::vector<proto::ArticleGraph> graphs = Scenario();
  std::vector<int> order{0, 1, 2, 3};
  const std::string expected = ResolverBytes(graphs);
  int permutations = 0;
  do {
    std::vector<proto::ArticleGraph> ordered;
    for (int i : order) ordered.push_back(graphs[i]);
    INFO("order " << order[0] << order[1] << order[2] << order[3]);
    CHECK(ResolverBytes(ordered) == expected);
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  CHECK(permutations == 24);
}

TEST_CASE("Order: random orders of a generated corpus give the same graph", "[storage][order]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    std::vector<proto::ArticleGraph> graphs = GeneratedCorpus(seed, 40);
    const std::string expected = ResolverBytes(graphs);
    std::mt19937 rng(seed * 7919);
    for (int round = 0; round < 15; ++round) {
      std::shuffle(graphs.begin(), graphs.end(), rng);
      INFO("seed " << seed << " round " << round);
      CHECK(ResolverBytes(graphs) == expected);
    }
  }
}

TEST_CASE("Order: the generated corpus merges by the rules", "[storage][order]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  kg::testing::AddAll(*store, GeneratedCorpus(1, 40));
  const proto::Graph g = store->ExportGraph().value();
  std::map<std::string, const proto::Entity*> by_id;
  for (const auto& e : g.entities()) {
    by_id[e.id()] = &e;
    std::string type = proto::EntityType_Name(e.type());
    CHECK(e.id() == base::MakeEntityId(type, e.name()));
  }
  auto ids = [&](const std::string& name) {
    std::vector<std::string> out;
    const std::vector<proto::Entity> found = store->FindEntities(name).value();
    for (const auto& e : found) out.push_back(e.id());
    return out;
  };
  // Each full name is one node, whatever the spelling variant or title.
  for (const char* name : {"Anna Novak", "Boris Novak", "Chen Reyes", "Farah Reyes", "Ivo Lindqvist"}) {
    INFO(name);
    CHECK(ids(name).size() == 1);
  }
  CHECK(ids("Anna A. Novak") == ids("Anna Novak"));
  CHECK(ids("Dr. Anna Novak") == ids("Anna Novak"));
  CHECK(ids("Anna Novak") != ids("Boris Novak"));
  // "Lindqvist" alone joins Ivo Lindqvist, the only one with that surname; a bare "Novak"
  // (two Novaks) joins neither.
  CHECK(ids("Minister Lindqvist") == ids("Ivo Lindqvist"));
  CHECK_FALSE(by_id.count("person:lindqvist"));
  CHECK(ids("Minister Novak") == std::vector<std::string>{"person:novak"});
  // Unique acronyms join their expansion; "AU" may be the African or the Arab Union.
  CHECK(ids("WHO") == ids("World Health Organization"));
  CHECK(ids("EU") == ids("European Union"));
  const auto au = ids("AU");
  CHECK(std::count(au.begin(), au.end(), "org:african-union") == 1);
  CHECK(std::count(au.begin(), au.end(), "org:arab-union") == 1);
  CHECK(std::count(au.begin(), au.end(), "org:au") == 1);
  CHECK(ids("U.S.") == ids("United States"));
  CHECK(store->Verify().ok());
}

TEST_CASE("Order: the store gives identical bytes for different orders and a rebuild", "[storage][order][slow]") {
  TempDir dir;
  std::vector<proto::ArticleGraph> graphs = GeneratedCorpus(5, 60);
  std::mt19937 rng(42);
  std::string first;
  for (int round = 0; round < 3; ++round) {
    auto store = CreateStore(dir / ("db" + std::to_string(round)));
    kg::testing::AddAll(*store, graphs);
    const std::string bytes = ExportBytes(*store);
    CHECK(store->Verify().ok());
    if (round == 0) {
      first = bytes;
      REQUIRE(store->Rebuild().ok());
      CHECK(ExportBytes(*store) == first);
    } else {
      CHECK(bytes == first);
    }
    std::shuffle(graphs.begin(), graphs.end(), rng);
  }
  // Reopening and adding the rest to a database holding half gives the same again.
  auto half = CreateStore(dir / "half");
  kg::testing::AddAll(*half, std::vector<proto::ArticleGraph>(graphs.begin(), graphs.begin() + 30));
  half.reset();
  half = CreateStore(dir / "half");
  kg::testing::AddAll(*half, graphs);
  CHECK(ExportBytes(*half) == first);
}

}  // namespace
}  // namespace kg::storage
