// kg ingest, query, merge, entity, timeline and explain, run in-process with a fake
// extractor that reads the fixture line format (tests/storage/graph_fixtures.h).

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/extractor_override.h"
#include "graph/graph_io.h"
#include "proto/kg.pb.h"
#include "storage/store.h"
#include "tests/storage/graph_fixtures.h"
#include "tests/storage/raw_db.h"
#include "tests/test_util.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;
using kg::testing::CliRun;
using kg::testing::Files;
using kg::testing::RunKg;
using kg::testing::TempDir;
using kg::testing::WriteFile;

// Installs the fake extractor for the lifetime of a test.
class WithFakeExtractor {
 public:
  WithFakeExtractor() { SetExtractorForTesting(&extractor_); }
  ~WithFakeExtractor() { SetExtractorForTesting(nullptr); }

 private:
  kg::testing::FakeExtractor extractor_;
};

const char kFirst[] =
    " date 2025-06-08\n"
    "Leaders speak by phone\n"
    "E p1 PERSON Donald Trump|Trump|President Trump\n"
    "E p2 PERSON Vladimir Putin|Putin\n"
    "E g1 GPE Ukraine\n"
    "E g2 GPE Russia\n"
    "E g3 GPE United States\n"
    "E o1 ORG NATO\n"
    "R p1 call p2 CONSULT sym date=2025-06-04\n"
    "R g2 attack g1 ASSAULT\n"
    "R p1 president_of g3 ROLE\n"
    "R p2 warn o1 THREATEN\n";

const char kSecond[] =
    " date 2025-06-09\n"
    "The call, a day later\n"
    "E p1 PERSON Trump\n"
    "E p2 PERSON Mr. Putin\n"
    "E o1 ORG North Atlantic Treaty Organization\n"
    "E g1 GPE Kyiv\n"
    "R p2 speak p1 CONSULT sym date=2025-06-04\n"
    "R o1 support g1 SUPPORT\n";

const char kJsonl[] =
    R"({"id":"j1","date":"2025-06-10","title":"Lisbon","text":"E a PERSON Ana Duarte\nE b GPE Portugal\nE g ORG Georgia\nR a visit b TRAVEL\nR g invest b ECONOMIC\n"})"
    "\n"
    R"({"id":"j2","date":"2025-06-11","title":"Porto","text":"E a PERSON Rui Duarte\nE c PERSON Duarte\nE g GPE Georgia\nR c praise a PRAISE\nR a visit g TRAVEL\n"})"
    "\n";

struct Corpus {
  TempDir dir;
  std::string db = dir / "news.kg";
  Corpus() {
    fs::create_directories(dir.path() / "in/sub");
    WriteFile(dir / "in/first.txt", kFirst);
    WriteFile(dir / "in/sub/second.txt", kSecond);
    WriteFile(dir / "more.jsonl", kJsonl);
  }
  std::string Export() const { return Export(db); }
  static std::string Export(const std::string& db) {
    if (!fs::exists(db)) return "<no database>";
    storage::StoreOptions read;
    read.read_only = true;
    auto store = storage::Store::Open(read, db);
    if (!store.ok()) return "<" + store.status().ToString() + ">";
    auto graph = (*store)->ExportGraph();
    if (!graph.ok()) return "<" + graph.status().ToString() + ">";
    return graph::GraphToJson(*graph).value();
  }
};

CliRun Ingest(const Corpus& c, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"ingest", "--db", c.db, c.dir / "in", c.dir / "more.jsonl"};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunKg(args);
}

TEST_CASE("CLI ingest: files, directories and .jsonl, then a no-op re-ingest", "[cli][ingest]") {
  WithFakeExtractor fake;
  Corpus c;
  CliRun run = Ingest(c, {"--jobs", "2"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK_THAT(run.err, Catch::Contains("4 articles: 4 new, 0 already stored, 0 failed"));
  const std::string before = c.Export();

  CliRun again = Ingest(c);
  REQUIRE(again.code == 0);
  CHECK_THAT(again.err, Catch::Contains("4 articles: 0 new, 4 already stored, 0 failed"));
  CHECK(c.Export() == before);

  CliRun quiet = RunKg({"--quiet", "ingest", "--db", c.db, c.dir / "in"});
  CHECK(quiet.code == 0);
  CHECK(quiet.err.empty());
}

TEST_CASE("CLI ingest: bad input is refused with one message and the database unchanged", "[cli][ingest]") {
  WithFakeExtractor fake;
  Corpus c;
  REQUIRE(RunKg({"ingest", "--db", c.db, c.dir / "in/first.txt"}).code == 0);
  const std::string before = c.Export();
  std::string bad, expected;
  SECTION("empty file") {
    bad = c.dir / "empty.txt";
    WriteFile(bad, "");
    expected = "empty.txt: the article is empty";
  }
  SECTION("binary file") {
    bad = c.dir / "blob.txt";
    WriteFile(bad, std::string("PK\x03\x04\x00\x00", 6));
    expected = "blob.txt: binary data";
  }
  SECTION("invalid UTF-8") {
    bad = c.dir / "latin1.txt";
    WriteFile(bad, "Caf\xe9 society\n");
    expected = "latin1.txt: invalid UTF-8 at byte 3";
  }
  SECTION("missing file") {
    bad = c.dir / "nowhere.txt";
    expected = "nowhere.txt: no such file";
  }
  SECTION("a directory without articles") {
    bad = c.dir / "emptydir";
    fs::create_directory(bad);
    expected = "emptydir: no article files";
  }
  SECTION("a truncated .jsonl line") {
    bad = c.dir / "cut.jsonl";
    WriteFile(bad, std::string(kJsonl).substr(0, std::string(kJsonl).find('\n') + 40));
    expected = "cut.jsonl:2: not valid JSON";
  }
  CliRun run = RunKg({"ingest", "--db", c.db, c.dir / "in/sub/second.txt", bad});
  CHECK(run.code == 1);
  CHECK_THAT(run.err, Catch::Contains(expected) && Catch::Contains("nothing was ingested"));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK(c.Export() == before);

  // A database that did not exist is not created either.
  CliRun fresh = RunKg({"ingest", "--db", c.dir / "fresh.kg", bad});
  CHECK(fresh.code == 1);
  CHECK_FALSE(fs::exists(c.dir / "fresh.kg"));

  // --keep-going ingests the good ones and counts the bad one as failed.
  CliRun going = RunKg({"ingest", "--keep-going", "--db", c.db, c.dir / "in/sub/second.txt", bad});
  CHECK(going.code == 1);
  CHECK_THAT(going.err, Catch::Contains("failed: ") && Catch::Contains(expected));
  CHECK_THAT(going.err, Catch::Contains("2 articles: 1 new, 0 already stored, 1 failed"));
}

TEST_CASE("CLI ingest: an article the extractor rejects stops the batch unless --keep-going", "[cli][ingest]") {
  WithFakeExtractor fake;
  Corpus c;
  WriteFile(c.dir / "in/zz-broken.txt", "E x ORG Broken\nFAIL\n");
  CliRun run = Ingest(c, {"--jobs", "1"});
  CHECK(run.code == 1);
  CHECK_THAT(run.err, Catch::Contains("zz-broken.txt: the fake extractor was told to fail") &&
                          Catch::Contains("--keep-going"));
  CliRun going = Ingest(c, {"--keep-going"});
  CHECK(going.code == 1);
  CHECK_THAT(going.err, Catch::Contains("5 articles: 2 new, 2 already stored, 1 failed"));
}

TEST_CASE("CLI: an unwritable place, a locked and a corrupt database", "[cli][ingest]") {
  WithFakeExtractor fake;
  Corpus c;

  SECTION("unwritable directory") {
    std::string db;
    if (geteuid() == 0) {
      db = "/proc/kg-test-unwritable.kg";  // root writes anywhere chmod allows; not in /proc
    } else {
      fs::create_directory(c.dir / "ro");
      fs::permissions(c.dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
      db = c.dir / "ro/news.kg";
    }
    CliRun run = RunKg({"ingest", "--db", db, c.dir / "in"});
    CHECK(run.code == 1);
    CHECK_THAT(run.err, Catch::Contains("cannot create database " + db));
    CHECK_FALSE(fs::exists(db));
    CliRun under_file = RunKg({"ingest", "--db", c.dir / "in/first.txt/news.kg", c.dir / "in"});
    CHECK(under_file.code == 1);
    CHECK_THAT(under_file.err, Catch::Contains("first.txt is not a directory"));
  }
  SECTION("locked by another open Store") {
    REQUIRE(Ingest(c).code == 0);
    const std::string before = c.Export();
    {
      auto holder = kg::testing::CreateStore(c.db);
      WriteFile(c.dir / "third.txt", "E x ORG Acme Corp\n");
      for (const auto& args : std::vector<std::vector<std::string>>{
               {"ingest", "--db", c.db, c.dir / "third.txt"}, {"merge", "--db", c.db, c.dir / "other.kg"}}) {
        if (args[0] == "merge") kg::testing::CreateStore(c.dir / "other.kg");
        CliRun run = RunKg(args);
        INFO(args[0]);
        CHECK(run.code == 1);
        CHECK_THAT(run.err, Catch::Contains("database " + c.db + " is locked by another kg process (LOCK held)"));
      }
      // Readers take no lock.
      CHECK(RunKg({"query", "--db", c.db, "--subject", "Putin"}).code == 0);
    }
    CHECK(c.Export() == before);
  }
  SECTION("corrupt") {
    REQUIRE(Ingest(c).code == 0);
    for (const auto& f : fs::directory_iterator(c.db)) {
      if (f.path().extension() != ".sst") continue;
      std::string bytes = kg::testing::ReadFile(f.path().string());
      for (size_t i = 0; i < bytes.size(); i += 5) bytes[i] = static_cast<char>(~bytes[i]);
      WriteFile(f.path().string(), bytes);
    }
    const auto files = Files(c.db);
    for (const auto& args : std::vector<std::vector<std::string>>{{"query", "--db", c.db},
                                                                  {"entity", "--db", c.db, "Putin"},
                                                                  {"ingest", "--db", c.db, c.dir / "in"}}) {
      CliRun run = RunKg(args);
      INFO(args[0] << ": " << run.err);
      CHECK(run.code == 1);
      CHECK_THAT(run.err, Catch::Contains(c.db + " is corrupt"));
    }
    CHECK(Files(c.db) == files);
  }
  SECTION("newer schema") {
    REQUIRE(Ingest(c).code == 0);
    {
      kg::testing::RawDb raw(c.db, false);
      raw.Put("meta", "schema_version", "9");
    }
    const auto files = Files(c.db);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"query", "--db", c.db}, {"ingest", "--db", c.db, c.dir / "in"}, {"merge", "--db", c.dir / "x.kg", c.db}}) {
      CliRun run = RunKg(args);
      INFO(args[0]);
      CHECK(run.code == 1);
      CHECK_THAT(run.err, Catch::Contains("was written by a newer kg (schema version 9"));
    }
    CHECK(Files(c.db) == files);
    CHECK_FALSE(fs::exists(c.dir / "x.kg"));
  }
}

TEST_CASE("CLI: read commands refuse a missing database without creating it", "[cli]") {
  TempDir dir;
  const std::string db = dir / "absent.kg";
  for (const auto& args : std::vector<std::vector<std::string>>{{"query", "--db", db, "--subject", "X"},
                                                                {"entity", "--db", db, "X"},
                                                                {"timeline", "--db", db, "X"},
                                                                {"explain", "--db", db, "entity", "X"}}) {
    CliRun run = RunKg(args);
    INFO(args[0]);
    CHECK(run.code == 1);
    CHECK_THAT(run.err, Catch::Contains("database " + db + " does not exist") &&
                            Catch::Contains("kg ingest --db " + db));
  }
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("CLI query: names, predicates, categories and formats", "[cli][query]") {
  WithFakeExtractor fake;
  Corpus c;
  REQUIRE(Ingest(c).code == 0);
  auto query = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"query", "--db", c.db});
    return RunKg(args);
  };

  CliRun calls = query({"--subject", "Trump", "--object", "putin"});
  REQUIRE(calls.code == 0);
  CHECK_THAT(calls.out, Catch::Contains("DATE") && Catch::Contains("SUBJECT") && Catch::Contains("SOURCES"));
  CHECK_THAT(calls.out, Catch::Contains("2025-06-04  Donald Trump") && Catch::Contains("<-call->") &&
                            Catch::Contains("Vladimir Putin"));
  CHECK_THAT(calls.out, Catch::Contains("(1 relation)"));

  CliRun attack = query({"--predicate", "Attack", "--object", "Ukraine"});
  CHECK_THAT(attack.out, Catch::Contains("Russia") && Catch::Contains("-attack->") && Catch::Contains("ASSAULT"));
  CliRun by_category = query({"--category", "threaten"});
  CHECK_THAT(by_category.out, Catch::Contains("-warn->") && Catch::Contains("North Atlantic Treaty Organization"));

  CliRun none = query({"--subject", "Ukraine", "--predicate", "attack"});
  CHECK(none.code == 0);
  CHECK_THAT(none.out, Catch::Contains("no relations match"));
  CliRun unknown = query({"--subject", "Napoleon"});
  CHECK(unknown.code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no such entity: Napoleon"));

  CliRun json = query({"--subject", "Donald Trump", "--format", "json"});
  REQUIRE(json.code == 0);
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["relations"].size() == 2);  // the call and the role
  CHECK(j["entities"].size() == 3);
  CliRun csv = query({"--subject", "Donald Trump", "--format", "csv"});
  CHECK_THAT(csv.out, Catch::StartsWith("id,subject,subject_name,predicate"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 3);

  // The bare "Duarte" (Ana or Rui?) is its own node; "Georgia" is a country and a company:
  // both are queried.
  CliRun duarte = query({"--subject", "Duarte"});
  CHECK_THAT(duarte.out, Catch::Contains("Duarte   -praise->  Rui Duarte"));
  CliRun georgia = query({"--subject", "Georgia"});
  CHECK(georgia.code == 0);
  CHECK_THAT(georgia.err, Catch::Contains("\"Georgia\" names 2 entities (gpe:georgia, org:georgia)"));
  CHECK_THAT(georgia.out, Catch::Contains("Georgia  -invest->  Portugal"));
  CHECK_THAT(query({"--object", "Georgia"}).out, Catch::Contains("Rui Duarte  -visit->  Georgia"));

  CHECK(query({"--format", "xml"}).code == 2);
}

TEST_CASE("CLI merge: folds other databases in; refuses itself and missing sources", "[cli][merge]") {
  WithFakeExtractor fake;
  Corpus c;
  REQUIRE(RunKg({"ingest", "--db", c.db, c.dir / "in/first.txt"}).code == 0);
  const std::string other = c.dir / "other.kg";
  REQUIRE(RunKg({"ingest", "--db", other, c.dir / "in/sub/second.txt", c.dir / "more.jsonl"}).code == 0);
  const auto other_files = Files(other);
  const std::string before = c.Export();

  CliRun missing = RunKg({"merge", "--db", c.db, other, c.dir / "gone.kg"});
  CHECK(missing.code == 1);
  CHECK_THAT(missing.err, Catch::Contains("gone.kg does not exist") && Catch::Contains("nothing was merged"));
  CHECK(c.Export() == before);
  CHECK(RunKg({"merge", "--db", c.db, c.db}).code == 1);

  CliRun merged = RunKg({"merge", "--db", c.db, other});
  REQUIRE(merged.code == 0);
  CHECK_THAT(merged.err, Catch::Contains("3 new articles, 0 already in"));
  CHECK(Files(other) == other_files);
  const std::string all = c.dir / "all.kg";
  REQUIRE(RunKg({"ingest", "--db", all, c.dir / "in", c.dir / "more.jsonl"}).code == 0);
  CHECK(c.Export() == Corpus::Export(all));
}

TEST_CASE("CLI entity, timeline and explain", "[cli][query]") {
  WithFakeExtractor fake;
  Corpus c;
  REQUIRE(Ingest(c).code == 0);

  CliRun trump = RunKg({"entity", "--db", c.db, "President Trump"});
  REQUIRE(trump.code == 0);
  CHECK_THAT(trump.out, Catch::StartsWith("Donald Trump\n"));
  CHECK_THAT(trump.out, Catch::Contains("person:donald-trump") && Catch::Contains("PERSON"));
  CHECK_THAT(trump.out, Catch::Contains("aliases:   President Trump, Trump"));
  CHECK_THAT(trump.out, Catch::Contains("roles:") && Catch::Contains("-president_of-> United States"));
  CHECK_THAT(trump.out, Catch::Contains("CONSULT") && Catch::Contains("(2 sources)"));
  CHECK_THAT(trump.out, Catch::Contains("articles (2):") && Catch::Contains("Leaders speak by phone"));
  CliRun json = RunKg({"entity", "--db", c.db, "Trump", "--format", "json"});
  REQUIRE(json.code == 0);
  CHECK(nlohmann::json::parse(json.out)["entities"][0]["id"] == "person:donald-trump");

  CliRun ambiguous = RunKg({"entity", "--db", c.db, "Georgia"});
  CHECK(ambiguous.code == 1);
  CHECK_THAT(ambiguous.err, Catch::Contains("\"Georgia\" names 2 entities") &&
                                Catch::Contains("gpe:georgia  Georgia (GPE, 1 article)") &&
                                Catch::Contains("org:georgia  Georgia (ORG, 1 article)"));
  CHECK(RunKg({"entity", "--db", c.db, "gpe:georgia"}).code == 0);

  CliRun timeline = RunKg({"timeline", "--db", c.db, "Putin", "--evidence"});
  REQUIRE(timeline.code == 0);
  const size_t call = timeline.out.find("2025-06-04");
  const size_t warn = timeline.out.find("2025-06-08");
  CHECK(call != std::string::npos);
  CHECK(warn != std::string::npos);
  CHECK(call < warn);
  CHECK_THAT(timeline.out, Catch::Contains("\"p2 warn o1.\""));

  CliRun why = RunKg({"explain", "--db", c.db, "entity", "Trump"});
  REQUIRE(why.code == 0);
  CHECK_THAT(why.out, Catch::Contains("surname") &&
                          Catch::Contains("\"Trump\" -> \"Donald Trump\": the only person in the graph with that surname"));
  CliRun nato = RunKg({"explain", "--db", c.db, "entity", "NATO"});
  CHECK_THAT(nato.out, Catch::Contains("acronym") && Catch::Contains("\"NATO\" -> \"North Atlantic Treaty Organization\""));
  CliRun apart = RunKg({"explain", "--db", c.db, "entity", "Duarte"});
  CHECK_THAT(apart.out, Catch::Contains("surname-ambiguous") && Catch::Contains("2 people in the graph have that surname"));

  // A relation id from the query table explains its evidence.
  CliRun calls = RunKg({"query", "--db", c.db, "--predicate", "call"});
  const size_t at = calls.out.find("rel:");
  REQUIRE(at != std::string::npos);
  const std::string id = calls.out.substr(at, 20);
  CliRun evidence = RunKg({"explain", "--db", c.db, "relation", id});
  REQUIRE(evidence.code == 0);
  CHECK_THAT(evidence.out, Catch::Contains("2 mentions in 2 articles, reported 2025-06-08 to 2025-06-09"));
  CHECK_THAT(evidence.out, Catch::Contains("predicates merged: call, speak") && Catch::Contains("p1 call p2."));
  CHECK(RunKg({"explain", "--db", c.db, "relation", "rel:0000"}).code == 1);
  CHECK(RunKg({"explain", "--db", c.db, "article", "x"}).code == 2);
}

TEST_CASE("CLI: --help on every store command", "[cli]") {
  for (const char* command : {"ingest", "query", "merge", "entity", "timeline", "explain"}) {
    CliRun run = RunKg({command, "--help"});
    INFO(command);
    CHECK(run.code == 0);
    CHECK_THAT(run.out, Catch::Contains(std::string("kg ") + command) && Catch::Contains("--db"));
  }
}

}  // namespace
}  // namespace kg::cli
