#include "storage/store.h"

#include <catch2/catch.hpp>
#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "proto/kg.pb.h"
#include "tests/storage/graph_fixtures.h"
#include "tests/test_util.h"

namespace kg::storage {
namespace {

using kg::testing::ArticleBuilder;
using kg::testing::CreateStore;
using kg::testing::ExportBytes;
using kg::testing::TempDir;

proto::ArticleGraph CallArticle() {
  return ArticleBuilder("a1", "2025-06-08")
      .Entity("e1", proto::PERSON, "Donald Trump", {"Trump", "President Trump"})
      .Entity("e2", proto::PERSON, "Vladimir Putin", {"Putin"})
      .Entity("e3", proto::GPE, "Ukraine")
      .Relation({"e1", "call", "e2", "CONSULT", true, false, "2025-06-04"})
      .Relation("e2", "attack", "e3", "ASSAULT")
      .graph();
}

TEST_CASE("Store: creates a database, adds an article and reads it back", "[storage]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  auto added = store->AddArticle(CallArticle());
  REQUIRE(added.ok());
  CHECK(*added == AddOutcome::kAdded);
  CHECK(store->HasArticle("a1").value());
  CHECK_FALSE(store->HasArticle("a2").value());

  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 1);
  CHECK(stats->entities == 3);
  CHECK(stats->relations == 2);
  CHECK(stats->schema_version == kSchemaVersion);

  auto trump = store->GetEntity("person:donald-trump");
  REQUIRE(trump.ok());
  REQUIRE(trump->has_value());
  CHECK((*trump)->name() == "Donald Trump");
  CHECK((*trump)->type() == proto::PERSON);
  CHECK((*trump)->article_ids_size() == 1);
  CHECK_FALSE(store->GetEntity("person:nobody")->has_value());

  auto article = store->GetArticle("a1");
  REQUIRE(article->has_value());
  CHECK((*article)->date() == "2025-06-08");
  auto raw = store->GetArticleGraph("a1");
  REQUIRE(raw->has_value());
  CHECK((*raw)->SerializeAsString() == CallArticle().SerializeAsString());
  CHECK(store->Verify().ok());
}

TEST_CASE("Store: re-adding an article is a no-op reported as skipped", "[storage]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  REQUIRE(store->AddArticle(CallArticle()).ok());
  const std::string before = ExportBytes(*store);
  auto again = store->AddArticle(CallArticle());
  REQUIRE(again.ok());
  CHECK(*again == AddOutcome::kSkipped);
  CHECK(ExportBytes(*store) == before);
  CHECK(store->Stats()->articles == 1);

  SECTION("also after reopening") {
    store.reset();
    store = CreateStore(dir / "news.kg");
    CHECK(store->AddArticle(CallArticle()).value() == AddOutcome::kSkipped);
    CHECK(ExportBytes(*store) == before);
  }
}

TEST_CASE("Store: FindEntities folds case, dots, diacritics and a leading 'the'", "[storage]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  REQUIRE(store->AddArticle(ArticleBuilder("a1", "2025-01-01")
                                .Entity("e1", proto::GPE, "United States", {"U.S.", "the US"})
                                .Entity("e2", proto::PERSON, "José Martí", {"Martí"})
                                .Relation("e2", "visit", "e1", "TRAVEL")
                                .graph())
              .ok());
  for (const char* name : {"United States", "the united states", "US", "u.s.", "The U.S."}) {
    INFO(name);
    auto found = store->FindEntities(name);
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    CHECK(found->front().id() == "gpe:united-states");
  }
  CHECK(store->FindEntities("jose marti")->size() == 1);
  CHECK(store->FindEntities("Marti")->size() == 1);
  CHECK(store->FindEntities("Unite")->empty());      // a prefix of a name is not the name
  CHECK(store->FindEntities("States")->empty());
  CHECK(store->FindEntities("...")->empty());
}

TEST_CASE("Store: rejects a malformed article graph and writes nothing", "[storage]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  REQUIRE(store->AddArticle(CallArticle()).ok());
  const std::string before = ExportBytes(*store);

  SECTION("a relation to an entity the article lacks") {
    auto g = ArticleBuilder("bad", "").Entity("e1", proto::ORG, "NATO").Relation("e1", "warn", "e9", "THREATEN").graph();
    auto r = store->AddArticle(g);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == base::StatusCode::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::Contains("article bad") && Catch::Contains("\"e9\""));
  }
  SECTION("a name without letters") {
    auto r = store->AddArticle(ArticleBuilder("bad").Entity("e1", proto::ORG, " -- ").graph());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("no letter or digit"));
  }
  SECTION("duplicate entity ids") {
    auto r = store->AddArticle(
        ArticleBuilder("bad").Entity("e1", proto::ORG, "NATO").Entity("e1", proto::GPE, "Iran").graph());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("two entities have the id \"e1\""));
  }
  SECTION("no article id") {
    auto r = store->AddArticle(ArticleBuilder("").Entity("e1", proto::ORG, "NATO").graph());
    REQUIRE_FALSE(r.ok());
  }
  CHECK(ExportBytes(*store) == before);
  CHECK_FALSE(store->HasArticle("bad").value());
}

TEST_CASE("Store: opening reports what is wrong with the path", "[storage]") {
  TempDir dir;
  StoreOptions read;
  read.read_only = true;

  SECTION("missing database, read-only or without create_if_missing") {
    for (const StoreOptions& options : {read, StoreOptions{}}) {
      auto s = Store::Open(options, dir / "absent.kg");
      REQUIRE_FALSE(s.ok());
      CHECK(s.status().code() == base::StatusCode::kNotFound);
      CHECK_THAT(s.status().message(), Catch::Contains("absent.kg does not exist"));
    }
    CHECK_FALSE(std::filesystem::exists(dir / "absent.kg"));
  }
  SECTION("a file, not a directory") {
    kg::testing::WriteFile(dir / "file.kg", "hello");
    auto s = Store::Open(read, dir / "file.kg");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.status().message(), Catch::Contains("is not a kg database"));
  }
  SECTION("a directory of other things") {
    std::filesystem::create_directory(dir / "docs");
    kg::testing::WriteFile(dir / "docs/readme.txt", "hello");
    StoreOptions create;
    create.create_if_missing = true;
    auto s = Store::Open(create, dir / "docs");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.status().message(), Catch::Contains("not a kg database"));
    CHECK(kg::testing::ReadFile(dir / "docs/readme.txt") == "hello");
  }
  SECTION("a parent directory that does not exist") {
    StoreOptions create;
    create.create_if_missing = true;
    auto s = Store::Open(create, dir / "no/such/dir/news.kg");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.status().message(), Catch::Contains("does not exist"));
  }
  SECTION("locked by another open Store") {
    auto first = CreateStore(dir / "news.kg");
    StoreOptions write;
    auto second = Store::Open(write, dir / "news.kg");
    REQUIRE_FALSE(second.ok());
    CHECK_THAT(second.status().message(), Catch::Contains("is locked by another kg process (LOCK held)"));
    // A reader takes no lock.
    auto reader = Store::Open(read, dir / "news.kg");
    CHECK(reader.ok());
  }
}

TEST_CASE("Store: a read-only store refuses writes", "[storage]") {
  TempDir dir;
  CreateStore(dir / "news.kg")->AddArticle(CallArticle()).value();
  StoreOptions read;
  read.read_only = true;
  auto store = Store::Open(read, dir / "news.kg");
  REQUIRE(store.ok());
  auto r = (*store)->AddArticle(ArticleBuilder("a2").Entity("e1", proto::ORG, "NATO").graph());
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("read-only"));
  CHECK((*store)->Stats()->articles == 1);
}

TEST_CASE("Store: reads during writes see whole articles", "[storage]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  kg::testing::FakeExtractor extractor;
  std::vector<proto::ArticleGraph> graphs;
  for (const auto& a : kg::testing::SyntheticArticles(150)) graphs.push_back(extractor.Extract(a).value());
  std::atomic<bool> done{false};
  std::thread writer([&] {
    kg::testing::AddAll(*store, graphs);
    done = true;
  });
  int checks = 0;
  bool consistent = true;
  while (!done || checks == 0) {
    const proto::Graph g = store->ExportGraph().value();
    std::set<std::string> entities, articles;
    for (const auto& a : g.articles()) articles.insert(a.id());
    for (const auto& e : g.entities()) {
      entities.insert(e.id());
      for (const auto& a : e.article_ids()) consistent &= articles.count(a) > 0;
    }
    for (const auto& r : g.relations()) {
      consistent &= entities.count(r.subject()) > 0 && entities.count(r.object()) > 0;
      for (const auto& ev : r.evidence()) consistent &= articles.count(ev.article_id()) > 0;
    }
    ++checks;
  }
  writer.join();
  CHECK(consistent);
  CHECK(checks > 0);
  CHECK(store->Verify().ok());
}

}  // namespace
}  // namespace kg::storage
