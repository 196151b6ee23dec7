// Issue 6's acceptance scenario on hand-built graphs (what an extractor yields): a
// seed-like article and five of our own about overlapping actors, with other surface forms,
// one call reported three times, and two different people who share a surname. The
// merged graph must be exactly the expected nodes and grouped edges, in any order.

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "proto/kg.pb.h"
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
  std::vector<proto::ArticleGraph> out;
  // The seed-like article: a call, a drone strike, a skipped meeting, a press secretary.
  out.push_back(ArticleBuilder("seed", "2025-06-08")
                    .Entity("trump", proto::PERSON, "Donald Trump", {"Trump", "President Trump"})
                    .Entity("putin", proto::PERSON, "Vladimir Putin", {"Putin"})
                    .Entity("ukraine", proto::GPE, "Ukraine")
                    .Entity("russia", proto::GPE, "Russia", {"Moscow"})
                    .Entity("us", proto::GPE, "United States", {"US"})
                    .Entity("hegseth", proto::PERSON, "Pete Hegseth", {"Hegseth"})
                    .Entity("udcg", proto::ORG, "Ukraine Defence Contact Group")
                    .Entity("leavitt", proto::PERSON, "Karoline Leavitt", {"Leavitt"})
                    .Relation({"trump", "call", "putin", "CONSULT", true, false, "2025-06-04"})
                    .Relation({"ukraine", "attack", "russia", "ASSAULT", false, false, "2025-06-01"})
                    .Relation("hegseth", "skip", "udcg", "REFUSE")
                    .Relation("leavitt", "spokesperson_of", "us", "ROLE")
                    .graph());
  // Moscow's account of the call: bare surnames and titles.
  out.push_back(ArticleBuilder("kremlin", "2025-06-05")
                    .Entity("putin", proto::PERSON, "President Putin")
                    .Entity("trump", proto::PERSON, "Trump")
                    .Relation({"putin", "speak", "trump", "CONSULT", true, false, "2025-06-04"})
                    .graph());
  // A third report of the call, with Ukraine reacting; the Pentagon chief under an acronym.
  out.push_back(ArticleBuilder("kyiv", "2025-06-06")
                    .Entity("zelensky", proto::PERSON, "Volodymyr Zelensky", {"Zelensky"})
                    .Entity("trump", proto::PERSON, "US President Donald Trump", {"Donald Trump"})
                    .Entity("putin", proto::PERSON, "Putin")
                    .Entity("ukraine", proto::GPE, "Ukraine", {"Kyiv"})
                    .Relation({"trump", "phone", "putin", "CONSULT", true, false, "2025-06-04"})
                    .Relation("zelensky", "criticize", "putin", "CRITICIZE")
                    .graph());
  // NATO: the acronym in one article, the expansion in another; Hegseth by surname only.
  out.push_back(ArticleBuilder("brussels", "2025-06-07")
                    .Entity("nato", proto::ORG, "NATO")
                    .Entity("hegseth", proto::PERSON, "Hegseth")
                    .Entity("udcg", proto::ORG, "UDCG")
                    .Relation("hegseth", "skip", "udcg", "REFUSE")  // the same meeting, a day earlier
                    .Relation("nato", "support", "udcg", "SUPPORT")
                    .graph());
  out.push_back(ArticleBuilder("summit", "2025-06-09")
                    .Entity("nato", proto::ORG, "North Atlantic Treaty Organization")
                    .Entity("us", proto::GPE, "U.S.")
                    .Entity("iran", proto::GPE, "Iran")
                    .Relation({"us", "negotiate", "iran", "CONSULT", true})
                    .Relation("nato", "warn", "iran", "THREATEN")
                    .graph());
  // Two different Johnsons, and a bare "Johnson" that could be either.
  out.push_back(ArticleBuilder("johnsons", "2025-06-10")
                    .Entity("boris", proto::PERSON, "Boris Johnson")
                    .Entity("mike", proto::PERSON, "Speaker Mike Johnson")
                    .Entity("johnson", proto::PERSON, "Johnson")
                    .Entity("ukraine", proto::GPE, "Ukraine")
                    .Relation("boris", "visit", "ukraine", "TRAVEL")
                    .Relation("mike", "criticize", "boris", "CRITICIZE")
                    .Relation("johnson", "praise", "ukraine", "PRAISE")
                    .graph());
  return out;
}

// (subject, category, object, sources) of every edge.
std::multiset<std::tuple<std::string, std::string, std::string, uint32_t>> Edges(const proto::Graph& g) {
  std::multiset<std::tuple<std::string, std::string, std::string, uint32_t>> out;
  for (const auto& r : g.relations()) out.emplace(r.subject(), r.category(), r.object(), r.source_count());
  return out;
}

TEST_CASE("Scenario: six articles about overlapping actors give exactly the expected graph", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  kg::testing::AddAll(*store, Scenario());
  const proto::Graph g = store->ExportGraph().value();

  std::set<std::string> ids;
  for (const auto& e : g.entities()) ids.insert(e.id());
  CHECK(ids == std::set<std::string>{"gpe:iran", "gpe:russia", "gpe:ukraine", "gpe:united-states",
                                     "org:north-atlantic-treaty-organization", "org:ukraine-defence-contact-group",
                                     "person:boris-johnson", "person:donald-trump", "person:johnson",
                                     "person:karoline-leavitt", "person:mike-johnson", "person:pete-hegseth",
                                     "person:vladimir-putin", "person:volodymyr-zelensky"});

  using E = std::tuple<std::string, std::string, std::string, uint32_t>;
  CHECK(Edges(g) == std::multiset<E>{
                        // The call, reported three times (the titled name folds into Trump).
                        {"person:donald-trump", "CONSULT", "person:vladimir-putin", 3},
                        {"gpe:ukraine", "ASSAULT", "gpe:russia", 1},
                        // Skipped twice, but on different article dates: two events.
                        {"person:pete-hegseth", "REFUSE", "org:ukraine-defence-contact-group", 1},
                        {"person:pete-hegseth", "REFUSE", "org:ukraine-defence-contact-group", 1},
                        {"person:karoline-leavitt", "ROLE", "gpe:united-states", 1},
                        {"person:volodymyr-zelensky", "CRITICIZE", "person:vladimir-putin", 1},
                        {"org:north-atlantic-treaty-organization", "SUPPORT", "org:ukraine-defence-contact-group", 1},
                        {"gpe:united-states", "CONSULT", "gpe:iran", 1},
                        {"org:north-atlantic-treaty-organization", "THREATEN", "gpe:iran", 1},
                        {"person:boris-johnson", "TRAVEL", "gpe:ukraine", 1},
                        {"person:mike-johnson", "CRITICIZE", "person:boris-johnson", 1},
                        {"person:johnson", "PRAISE", "gpe:ukraine", 1}});

  const proto::Entity trump = kg::testing::OnlyEntity(*store, "US President Donald Trump");
  CHECK(trump.id() == "person:donald-trump");
  CHECK(trump.article_ids_size() == 3);
  for (const auto& r : g.relations()) {
    if (r.category() != "CONSULT" || r.subject() != trump.id()) continue;
    CHECK(r.first_seen() == "2025-06-05");
    CHECK(r.last_seen() == "2025-06-08");
    CHECK(r.evidence_size() == 3);
    CHECK(std::vector<std::string>(r.predicates().begin(), r.predicates().end()) ==
          std::vector<std::string>{"call", "phone", "speak"});
  }
  CHECK(kg::testing::OnlyEntity(*store, "Kyiv").id() == "gpe:ukraine");
  CHECK(kg::testing::OnlyEntity(*store, "UDCG").id() == "org:ukraine-defence-contact-group");
  CHECK(store->Verify().ok());

  SECTION("in reverse order, byte for byte") {
    auto reversed = CreateStore(dir / "reversed.kg");
    auto graphs = Scenario();
    kg::testing::AddAll(*reversed, std::vector<proto::ArticleGraph>(graphs.rbegin(), graphs.rend()));
    CHECK(ExportBytes(*reversed) == ExportBytes(*store));
  }
}

}  // namespace
}  // namespace kg::storage
