#include "cli/batch_ingester.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>

#include "extract/extractor.h"
#include "storage/store.h"
#include "tests/storage/graph_fixtures.h"
#include "tests/test_util.h"

namespace kg::cli {
namespace {

using kg::testing::CreateStore;
using kg::testing::ExportBytes;
using kg::testing::FakeExtractor;
using kg::testing::TempDir;

std::vector<extract::ArticleText> Articles(int n) { return kg::testing::SyntheticArticles(n); }

TEST_CASE("BatchIngester: any number of threads gives the same database", "[cli][ingest]") {
  TempDir dir;
  const auto articles = Articles(40);
  FakeExtractor extractor;
  std::string expected;
  for (unsigned jobs : {1u, 2u, 4u, 7u}) {
    auto store = CreateStore(dir / ("db" + std::to_string(jobs)));
    IngestOptions options;
    options.jobs = jobs;
    BatchIngester ingester(extractor, *store, options);
    auto report = ingester.Run(articles);
    REQUIRE(report.ok());
    CHECK(report->counts.added == 40);
    CHECK(report->counts.skipped == 0);
    CHECK(report->counts.failed == 0);
    CHECK(report->counts.done == 40);
    const std::string bytes = ExportBytes(*store);
    if (expected.empty()) expected = bytes;
    CHECK(bytes == expected);
    CHECK(store->Verify().ok());
  }
  // The reader's metadata reaches the stored article.
  auto store = CreateStore(dir / "db1");
  auto article = store->GetArticle(articles[3].id).value();
  REQUIRE(article.has_value());
  CHECK(article->path() == "synthetic/3.txt");
  CHECK(article->date() == "2025-03-13");
}

TEST_CASE("BatchIngester: re-ingesting and repeats within a batch are skipped", "[cli][ingest]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  auto articles = Articles(10);
  articles.push_back(articles[2]);  // the same text twice in one batch
  FakeExtractor extractor;
  BatchIngester ingester(extractor, *store, {});
  auto first = ingester.Run(articles);
  REQUIRE(first.ok());
  CHECK(first->counts.added == 10);
  CHECK(first->counts.skipped == 1);
  const std::string before = ExportBytes(*store);
  const auto stats = store->Stats().value();

  auto again = ingester.Run(articles);
  REQUIRE(again.ok());
  CHECK(again->counts.added == 0);
  CHECK(again->counts.skipped == 11);
  CHECK(ExportBytes(*store) == before);
  CHECK(store->Stats()->entities == stats.entities);
  CHECK(store->Stats()->relations == stats.relations);
}

TEST_CASE("BatchIngester: a failing article stops the batch, or is skipped with keep_going", "[cli][ingest]") {
  TempDir dir;
  auto articles = Articles(12);
  articles[5].text += "FAIL\n";
  articles[5].id = extract::ArticleId(articles[5].text);
  FakeExtractor extractor;

  SECTION("stop") {
    auto store = CreateStore(dir / "news.kg");
    IngestOptions options;
    options.jobs = 3;
    BatchIngester ingester(extractor, *store, options);
    auto report = ingester.Run(articles);
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.status().message(),
               Catch::StartsWith("synthetic/5.txt: ") && Catch::Contains("5 new articles were stored before it"));
    // Input order: everything before the failure is stored, nothing after.
    for (int i = 0; i < 12; ++i) {
      INFO(i);
      CHECK(store->HasArticle(articles[i].id).value() == (i < 5));
    }
    CHECK(store->Verify().ok());
  }
  SECTION("keep going") {
    auto store = CreateStore(dir / "news.kg");
    IngestOptions options;
    options.keep_going = true;
    BatchIngester ingester(extractor, *store, options);
    auto report = ingester.Run(articles);
    REQUIRE(report.ok());
    CHECK(report->counts.added == 11);
    CHECK(report->counts.failed == 1);
    REQUIRE(report->failures.size() == 1);
    CHECK_THAT(report->failures[0], Catch::StartsWith("synthetic/5.txt: "));
    CHECK_FALSE(store->HasArticle(articles[5].id).value());
  }
}

// Counts how far extraction runs ahead of the writer.
class CountingExtractor : public extract::Extractor {
 public:
  base::Result<proto::ArticleGraph> Extract(const extract::ArticleText& a) const override {
    ++started;
    return kg::testing::ParseFixture(a);
  }
  mutable std::atomic<size_t> started{0};
};

TEST_CASE("BatchIngester: workers stay within the window, progress is reported in order", "[cli][ingest]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  CountingExtractor extractor;
  IngestOptions options;
  options.jobs = 4;
  options.window = 3;
  BatchIngester ingester(extractor, *store, options);
  std::vector<size_t> done;
  size_t max_ahead = 0;
  ingester.OnProgress([&](const IngestProgress& p) {
    done.push_back(p.done);
    max_ahead = std::max(max_ahead, extractor.started.load() - p.done);
    CHECK(p.total == 30);
    CHECK(p.added + p.skipped + p.failed == p.done);
  });
  REQUIRE(ingester.Run(Articles(30)).ok());
  CHECK(done.front() == 0);  // the skip check reports first
  CHECK(done.back() == 30);
  CHECK(std::is_sorted(done.begin(), done.end()));
  // At most `window` articles are claimed beyond what the writer took, plus the one it
  // is writing.
  CHECK(max_ahead <= options.window + 1);
}

}  // namespace
}  // namespace kg::cli
