// The on-disk key layout (storage/LAYOUT.md), checked with RocksDB directly, and what the
// store does with databases it must refuse. The only test that includes rocksdb/: it
// plays a future kg, a foreign program and a failing disk.

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "proto/kg.pb.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/storage/graph_fixtures.h"
#include "tests/storage/raw_db.h"
#include "tests/test_util.h"

namespace kg::storage {
namespace {

namespace fs = std::filesystem;
using kg::testing::ArticleBuilder;
using kg::testing::CreateStore;
using kg::testing::ExportBytes;
using kg::testing::Files;
using kg::testing::RawDb;
using kg::testing::TempDir;

std::string K(std::initializer_list<std::string_view> parts) { return keys::Join(parts); }

proto::ArticleGraph Sample() {
  return ArticleBuilder("a1", "2025-06-08")
      .Entity("e1", proto::PERSON, "Donald Trump", {"Trump"})
      .Entity("e2", proto::PERSON, "Vladimir Putin")
      .Entity("e3", proto::GPE, "Ukraine")
      .Relation({"e1", "call", "e2", "CONSULT", true, false, "2025-06-04"})
      .Relation("e2", "attack", "e3", "ASSAULT")
      .graph();
}

TEST_CASE("Layout: column families, meta keys and record keys", "[storage][layout]") {
  TempDir dir;
  const std::string path = dir / "news.kg";
  CreateStore(path)->AddArticle(Sample()).value();
  RawDb raw(path, true);
  std::set<std::string> families;
  for (const auto& [name, h] : raw.cf) families.insert(name);
  CHECK(families == std::set<std::string>(keys::CfNames().begin(), keys::CfNames().end()));
  CHECK(raw.Get("meta", "schema_version") == std::to_string(kSchemaVersion));
  CHECK(raw.Get("meta", "count/articles") == "1");
  CHECK(raw.Get("meta", "count/entities") == "3");
  CHECK(raw.Get("meta", "count/relations") == "2");
  CHECK(raw.Keys("articles") == std::vector<std::string>{"a1"});
  CHECK(raw.Keys("article_graphs") == std::vector<std::string>{"a1"});
  CHECK(raw.Keys("entities") ==
        std::vector<std::string>{"gpe:ukraine", "person:donald-trump", "person:vladimir-putin"});
  proto::Entity e;
  REQUIRE(e.ParseFromString(raw.Get("entities", "person:donald-trump")));
  CHECK(e.name() == "Donald Trump");
  CHECK(raw.Keys("aliases") == std::vector<std::string>{K({"donald trump", "person:donald-trump"}),
                                                        K({"trump", "person:donald-trump"}),
                                                        K({"ukraine", "gpe:ukraine"}),
                                                        K({"vladimir putin", "person:vladimir-putin"})});
  // The attack: one entry per index; the symmetric call: both directions in each.
  std::string attack;
  for (const auto& k : raw.Keys("relations")) {
    proto::Relation r;
    REQUIRE(r.ParseFromString(raw.Get("relations", k)));
    if (r.predicate() == "attack") attack = r.id();
  }
  REQUIRE(!attack.empty());
  const auto by_subject = raw.Keys("by_subject");
  CHECK(std::count(by_subject.begin(), by_subject.end(),
                   K({"person:vladimir-putin", "attack", "gpe:ukraine", attack})) == 1);
  const auto by_object = raw.Keys("by_object");
  CHECK(std::count(by_object.begin(), by_object.end(),
                   K({"gpe:ukraine", "person:vladimir-putin", "attack", attack})) == 1);
  const auto by_predicate = raw.Keys("by_predicate");
  CHECK(std::count(by_predicate.begin(), by_predicate.end(),
                   K({"attack", "gpe:ukraine", "person:vladimir-putin", attack})) == 1);
  CHECK(by_subject.size() == 3);  // attack + call both ways
  CHECK(by_object.size() == 3);
  CHECK(by_predicate.size() == 3);
}

TEST_CASE("Layout: each query shape is a prefix scan of one index", "[storage][layout]") {
  const auto plan = [](std::string s, std::string p, std::string o) {
    RelationFilter f;
    f.subject = std::move(s);
    f.predicate = std::move(p);
    f.object = std::move(o);
    const keys::Scan scan = keys::PlanScan(f);
    return std::make_pair(keys::CfNames()[static_cast<size_t>(scan.cf)], scan.prefix);
  };
  using P = std::pair<std::string, std::string>;
  CHECK(plan("S", "", "") == P{"by_subject", K({"S", ""})});
  CHECK(plan("S", "P", "") == P{"by_subject", K({"S", "P", ""})});
  CHECK(plan("S", "P", "O") == P{"by_subject", K({"S", "P", "O", ""})});
  CHECK(plan("", "", "O") == P{"by_object", K({"O", ""})});
  CHECK(plan("S", "", "O") == P{"by_object", K({"O", "S", ""})});
  CHECK(plan("", "P", "") == P{"by_predicate", K({"P", ""})});
  CHECK(plan("", "P", "O") == P{"by_predicate", K({"P", "O", ""})});
  CHECK(plan("", "", "") == P{"relations", ""});
}

TEST_CASE("Layout: every filter returns exactly the matching relations", "[storage][layout]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  // Ids that are prefixes of each other ("person:ann-lee", "person:ann-leet") and predicates
  // that are prefixes ("meet", "meeting") must not leak into each other's scans.
  kg::testing::AddAll(*store, {ArticleBuilder("x1", "2025-01-01")
                                   .Entity("a", proto::PERSON, "Ann Lee")
                                   .Entity("b", proto::PERSON, "Ann Leet")
                                   .Entity("c", proto::GPE, "Chad")
                                   .Entity("d", proto::ORG, "Chad Bank")
                                   .Relation("a", "meet", "b", "MEET")
                                   .Relation("b", "meeting", "a", "MEET")
                                   .Relation("a", "visit", "c", "TRAVEL")
                                   .Relation("b", "visit", "d", "TRAVEL")
                                   .Relation({"c", "sign", "d", "AGREE", true})
                                   .Relation({"a", "visit", "c", "TRAVEL", false, true})
                                   .graph()});
  auto graph = store->ExportGraph().value();
  const std::vector<std::string> subjects{"", "person:ann-lee", "person:ann-leet", "gpe:chad", "org:chad-bank"};
  const std::vector<std::string> predicates{"", "meet", "meeting", "visit", "sign"};
  const std::vector<std::string> categories{"", "TRAVEL", "MEET"};
  int checked = 0;
  for (const auto& s : subjects) {
    for (const auto& p : predicates) {
      for (const auto& o : subjects) {
        for (const auto& c : categories) {
          RelationFilter f{s, p, o, c};
          std::vector<std::string> expected;
          for (const auto& r : graph.relations()) {
            auto ends = [&](const std::string& a, const std::string& b) {
              return (s.empty() || a == s) && (o.empty() || b == o);
            };
            const bool by_ends = ends(r.subject(), r.object()) || (r.symmetric() && ends(r.object(), r.subject()));
            const bool by_p = p.empty() || std::count(r.predicates().begin(), r.predicates().end(), p) > 0;
            if (by_ends && by_p && (c.empty() || r.category() == c)) expected.push_back(r.id());
          }
          std::vector<std::string> got;
          const std::vector<proto::Relation> found = store->FindRelations(f).value();
          for (const auto& r : found) got.push_back(r.id());
          INFO("subject=" << s << " predicate=" << p << " object=" << o << " category=" << c);
          CHECK(got == expected);
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 375);
}

TEST_CASE("Layout: a newer or older schema version is refused and nothing is written", "[storage][layout]") {
  TempDir dir;
  const std::string path = dir / "news.kg";
  CreateStore(path)->AddArticle(Sample()).value();
  const std::string version = GENERATE("2", "17", "0", "x1");
  {
    RawDb raw(path, false);
    raw.Put("meta", "schema_version", version);
  }
  const auto before = Files(path);
  for (bool read_only : {true, false}) {
    StoreOptions options;
    options.read_only = read_only;
    auto s = Store::Open(options, path);
    REQUIRE_FALSE(s.ok());
    INFO(s.status().message());
    if (version == "2" || version == "17") {
      CHECK(s.status().code() == base::StatusCode::kUnsupported);
      CHECK_THAT(s.status().message(), Catch::Contains("written by a newer kg (schema version " + version));
    } else if (version == "0") {
      CHECK_THAT(s.status().message(), Catch::Contains("schema version 0, older than"));
    } else {
      CHECK_THAT(s.status().message(), Catch::Contains("corrupt: its schema version is \"x1\""));
    }
  }
  CHECK(Files(path) == before);
}

TEST_CASE("Layout: a RocksDB database that is not kg's is refused", "[storage][layout]") {
  TempDir dir;
  const std::string path = dir / "other.db";
  {
    rocksdb::DB* db = nullptr;
    rocksdb::Options o;
    o.create_if_missing = true;
    REQUIRE(rocksdb::DB::Open(o, path, &db).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete db;
  }
  auto s = Store::Open(StoreOptions{}, path);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.status().message(), Catch::Contains("is a RocksDB database but not a kg database"));
}

TEST_CASE("Layout: a corrupt database is reported as corrupt", "[storage][layout]") {
  TempDir dir;
  const std::string path = dir / "news.kg";
  {
    auto store = CreateStore(path);
    kg::testing::AddAll(*store, {Sample()});
  }  // closing flushes the memtables into table files
  std::vector<std::string> tables;
  for (const auto& f : fs::directory_iterator(path)) {
    if (f.path().extension() == ".sst") tables.push_back(f.path().string());
  }
  REQUIRE(!tables.empty());
  const std::string which = GENERATE("sst", "CURRENT", "MANIFEST");
  if (which == "sst") {
    for (const auto& t : tables) {
      std::string bytes = kg::testing::ReadFile(t);
      for (size_t i = 0; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
      kg::testing::WriteFile(t, bytes);
    }
  } else if (which == "CURRENT") {
    kg::testing::WriteFile(path + "/CURRENT", "MANIFEST-999999\n");
  } else {
    for (const auto& f : fs::directory_iterator(path)) {
      if (f.path().filename().string().rfind("MANIFEST", 0) == 0) {
        kg::testing::WriteFile(f.path().string(), std::string(200, '\x7f'));
      }
    }
  }
  StoreOptions read;
  read.read_only = true;
  auto store = Store::Open(read, path);
  std::string message;
  if (!store.ok()) {
    message = store.status().message();
  } else {
    auto graph = (*store)->ExportGraph();
    REQUIRE_FALSE(graph.ok());
    message = graph.status().message();
  }
  INFO(which << ": " << message);
  CHECK_THAT(message, Catch::Contains("news.kg") && (Catch::Contains("corrupt") || Catch::Contains("Corruption")));
}

}  // namespace
}  // namespace kg::storage
