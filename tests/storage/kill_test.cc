// kill -9 during a batch ingest: a child process (this test binary, re-run with a hidden
// test case) ingests many articles with the BatchIngester and is SIGKILLed mid-way; the
// reopened database must hold every article whole or not at all, and its merged graph
// must be exactly the one those articles yield.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#include "cli/batch_ingester.h"
#include "proto/kg.pb.h"
#include "storage/store.h"
#include "tests/storage/graph_fixtures.h"
#include "tests/test_util.h"

namespace kg::storage {
namespace {

using kg::testing::CreateStore;
using kg::testing::ExportBytes;
using kg::testing::TempDir;

constexpr int kArticles = 3000;
constexpr char kChildTest[] = "Kill: the child ingests until it is killed";

// Run only as the child: KG_KILL_TEST_DB names the database.
TEST_CASE("Kill: the child ingests until it is killed", "[.kill-child]") {
  const char* db = std::getenv("KG_KILL_TEST_DB");
  if (db == nullptr) return;  // run by hand: nothing to do
  auto store = CreateStore(db);
  kg::testing::FakeExtractor extractor;
  cli::IngestOptions options;
  options.jobs = 2;
  cli::BatchIngester ingester(extractor, *store, options);
  ingester.OnProgress([](const cli::IngestProgress& p) {
    const std::string line = "done " + std::to_string(p.done) + "\n";
    if (::write(STDOUT_FILENO, line.data(), line.size()) < 0) std::_Exit(3);
  });
  REQUIRE(ingester.Run(kg::testing::SyntheticArticles(kArticles)).ok());
}

// Starts this binary on the child test with its stdout on a pipe; returns the pid.
pid_t SpawnChild(const std::string& db, int* read_fd) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::setenv("KG_KILL_TEST_DB", db.c_str(), 1);
    char exe[] = "/proc/self/exe";
    std::string name = kChildTest;
    char* argv[] = {exe, name.data(), nullptr};
    ::execv(exe, argv);
    std::_Exit(127);
  }
  ::close(fds[1]);
  *read_fd = fds[0];
  return pid;
}

// Reads the child's "done N" lines until N >= target (or the child ends); returns N.
int WaitForProgress(int fd, int target) {
  std::string buffer;
  int done = 0;
  char chunk[4096];
  while (done < target) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
    size_t end;
    while ((end = buffer.find('\n')) != std::string::npos) {
      const std::string line = buffer.substr(0, end);
      buffer.erase(0, end + 1);
      if (line.rfind("done ", 0) == 0) done = std::stoi(line.substr(5));
    }
  }
  return done;
}

TEST_CASE("Kill: SIGKILL during a batch ingest leaves every article whole or absent", "[storage][slow]") {
  TempDir dir;
  const std::string db = dir / "news.kg";
  const auto articles = kg::testing::SyntheticArticles(kArticles);
  std::mt19937 rng(2024);
  size_t present_before = 0;
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    int fd = -1;
    const pid_t pid = SpawnChild(db, &fd);
    const int reached = WaitForProgress(fd, 100 * (round + 1) + static_cast<int>(rng() % 50));
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(fd);
    REQUIRE(reached > 0);
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));

    auto store = CreateStore(db);  // recovers from the write-ahead log
    REQUIRE(store->Verify().ok());
    // Each article: its record and its graph together, or neither; and the merged graph
    // is exactly what the present articles yield when added to a fresh database.
    std::vector<proto::ArticleGraph> present;
    for (const auto& a : articles) {
      const bool has = store->HasArticle(a.id).value();
      auto graph = store->GetArticleGraph(a.id).value();
      REQUIRE(has == graph.has_value());
      if (has) present.push_back(std::move(*graph));
    }
    CHECK(present.size() >= present_before);
    CHECK(present.size() < articles.size());  // killed mid-way, not after the end
    CHECK(store->Stats()->articles == present.size());
    present_before = present.size();
    auto fresh = CreateStore(dir / ("fresh" + std::to_string(round)));
    kg::testing::AddAll(*fresh, present);
    CHECK(ExportBytes(*fresh) == ExportBytes(*store));
  }
}

}  // namespace
}  // namespace kg::storage
