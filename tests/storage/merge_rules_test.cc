// Cross-article entity resolution and same-event grouping, through the Store.

#include <algorithm>
#include <catch2/catch.hpp>

#include "proto/kg.pb.h"
#include "storage/store.h"
#include "tests/storage/graph_fixtures.h"
#include "tests/test_util.h"

namespace kg::storage {
namespace {

using kg::testing::AddAll;
using kg::testing::ArticleBuilder;
using kg::testing::CreateStore;
using kg::testing::ExportBytes;
using kg::testing::OnlyEntity;
using kg::testing::RelationSpec;
using kg::testing::TempDir;

bool HasAlias(const proto::Entity& e, const std::string& alias) {
  return std::find(e.aliases().begin(), e.aliases().end(), alias) != e.aliases().end();
}

bool HasNote(const proto::Entity& e, const std::string& rule, const std::string& detail_part) {
  return std::any_of(e.merges().begin(), e.merges().end(), [&](const proto::MergeNote& n) {
    return n.rule() == rule && n.detail().find(detail_part) != std::string::npos;
  });
}

std::vector<proto::Relation> Relations(const Store& store, const std::string& subject,
                                       const std::string& predicate = "", const std::string& object = "") {
  RelationFilter f;
  f.subject = subject;
  f.predicate = predicate;
  f.object = object;
  auto r = store.FindRelations(f);
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  return *r;
}

// The seed scenario: a full-name article, then one that uses surnames and an acronym's
// expansion and reports the same call.
proto::ArticleGraph FullNames() {
  return ArticleBuilder("a-full", "2025-06-08")
      .Entity("e1", proto::PERSON, "Donald Trump", {"Trump", "President Trump"})
      .Entity("e2", proto::PERSON, "Vladimir Putin", {"Putin"})
      .Entity("e3", proto::ORG, "NATO")
      .Entity("e4", proto::GPE, "Ukraine")
      .Relation({"e1", "call", "e2", "CONSULT", true, false, "2025-06-04"})
      .Relation("e2", "warn", "e3", "THREATEN")
      .graph();
}

proto::ArticleGraph Surnames() {
  return ArticleBuilder("b-surnames", "2025-06-09")
      .Entity("e1", proto::PERSON, "Trump")
      .Entity("e2", proto::PERSON, "Mr. Putin")
      .Entity("e3", proto::ORG, "North Atlantic Treaty Organization")
      .Entity("e4", proto::GPE, "Kyiv")
      // The same call, told from the other side and with another verb.
      .Relation({"e2", "speak", "e1", "CONSULT", true, false, "2025-06-04"})
      .Relation("e3", "support", "e4", "SUPPORT")
      .graph();
}

proto::ArticleGraph SecondTrump() {
  return ArticleBuilder("c-melania", "2025-06-10")
      .Entity("e1", proto::PERSON, "Melania Trump", {"Mrs. Trump"})
      .Entity("e2", proto::GPE, "France")
      .Relation("e1", "visit", "e2", "TRAVEL")
      .graph();
}

TEST_CASE("Merge: a surname joins the one person with that surname", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {FullNames(), Surnames()});

  const proto::Entity trump = OnlyEntity(*store, "Trump");
  CHECK(trump.id() == "person:donald-trump");
  CHECK(trump.name() == "Donald Trump");
  CHECK(trump.article_ids_size() == 2);
  CHECK(HasAlias(trump, "President Trump"));
  CHECK(HasNote(trump, "surname", "\"Trump\" -> \"Donald Trump\""));

  // "Mr. Putin" is a title and a surname: the same rule.
  const proto::Entity putin = OnlyEntity(*store, "Putin");
  CHECK(putin.id() == "person:vladimir-putin");
  CHECK(HasAlias(putin, "Mr. Putin"));
  CHECK(OnlyEntity(*store, "Mr Putin").id() == putin.id());
  CHECK(store->Stats()->entities == 5);  // Trump, Putin, NATO, Ukraine, Kyiv
  CHECK(store->Verify().ok());
}

TEST_CASE("Merge: an acronym joins the one expansion with its initials", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {FullNames(), Surnames()});
  const proto::Entity nato = OnlyEntity(*store, "NATO");
  CHECK(nato.name() == "North Atlantic Treaty Organization");
  CHECK(nato.id() == "org:north-atlantic-treaty-organization");
  CHECK(HasNote(nato, "acronym", "\"NATO\" -> \"North Atlantic Treaty Organization\""));
  CHECK(OnlyEntity(*store, "north atlantic treaty organization").id() == nato.id());
  // The warning from the first article now points at the merged node.
  auto warns = Relations(*store, "person:vladimir-putin", "warn");
  REQUIRE(warns.size() == 1);
  CHECK(warns[0].object() == nato.id());
}

TEST_CASE("Merge: U.S., US, the United States and USA are one country", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {ArticleBuilder("u1", "2025-01-01").Entity("e1", proto::GPE, "U.S.").graph(),
                  ArticleBuilder("u2", "2025-01-02").Entity("e1", proto::GPE, "the United States").graph(),
                  ArticleBuilder("u3", "2025-01-03").Entity("e1", proto::GPE, "US").graph(),
                  ArticleBuilder("u4", "2025-01-04")
                      .Entity("e1", proto::GPE, "United States of America", {"USA", "United States"})
                      .graph()});
  CHECK(store->Stats()->entities == 1);
  const proto::Entity us = OnlyEntity(*store, "U.S.");
  CHECK(OnlyEntity(*store, "USA").id() == us.id());
  CHECK(OnlyEntity(*store, "United States").id() == us.id());
  CHECK(us.article_ids_size() == 4);
}

TEST_CASE("Merge: two people sharing a surname stay apart, and so does the bare surname", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {FullNames(), Surnames(), SecondTrump()});

  auto trumps = store->FindEntities("Trump");
  REQUIRE(trumps.ok());
  std::vector<std::string> ids;
  for (const auto& e : *trumps) ids.push_back(e.id());
  // Every candidate: Donald and Melania (each known as "Trump"), and the bare "Trump" of
  // the surname article, which could be either and so joins neither.
  CHECK(ids == std::vector<std::string>{"person:donald-trump", "person:melania-trump", "person:trump"});
  CHECK(OnlyEntity(*store, "Melania Trump").id() == "person:melania-trump");
  CHECK(OnlyEntity(*store, "Mrs. Trump").id() == "person:melania-trump");

  auto bare = store->GetEntity("person:trump").value();
  REQUIRE(bare.has_value());
  CHECK(bare->article_ids_size() == 1);
  CHECK(HasNote(*bare, "surname-ambiguous", "2 people in the graph have that surname"));
  auto donald = store->GetEntity("person:donald-trump").value();
  CHECK_FALSE(HasNote(*donald, "surname", "\"Trump\""));

  // The second report of the call now belongs to the bare "Trump": two edges, not one.
  auto calls = Relations(*store, "person:vladimir-putin");
  int consult = 0;
  for (const auto& r : calls) consult += r.category() == "CONSULT";
  CHECK(consult == 2);
  CHECK(store->Verify().ok());
}

TEST_CASE("Merge: same event from two articles is one edge with both sources", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {FullNames(), Surnames()});
  auto calls = Relations(*store, "person:donald-trump", "", "person:vladimir-putin");
  REQUIRE(calls.size() == 1);
  const proto::Relation& call = calls[0];
  CHECK(call.category() == "CONSULT");
  CHECK(call.symmetric());
  CHECK(call.event_date() == "2025-06-04");
  CHECK(call.mention_count() == 2);
  CHECK(call.source_count() == 2);
  CHECK(call.first_seen() == "2025-06-08");
  CHECK(call.last_seen() == "2025-06-09");
  REQUIRE(call.evidence_size() == 2);
  CHECK(call.evidence(0).article_id() == "a-full");  // ordered by article date
  CHECK(call.evidence(1).article_id() == "b-surnames");
  CHECK(call.evidence(1).article_date() == "2025-06-09");
  CHECK(call.predicates_size() == 2);  // call, speak
  CHECK(call.predicate() == "call");   // tie: the smaller lemma
  // Each predicate finds the edge; the reverse direction does too (symmetric).
  CHECK(Relations(*store, "person:donald-trump", "speak").size() == 1);
  CHECK(Relations(*store, "person:vladimir-putin", "call", "person:donald-trump").size() == 1);
  CHECK(store->Stats()->relations == 3);
}

TEST_CASE("Merge: different dates, polarity or category keep edges apart", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  auto article = [](const std::string& id, const std::string& date, RelationSpec spec) {
    spec.subject = "e1";
    spec.object = "e2";
    return ArticleBuilder(id, date)
        .Entity("e1", proto::GPE, "Russia")
        .Entity("e2", proto::GPE, "Ukraine")
        .Relation(spec)
        .graph();
  };
  AddAll(*store, {article("d1", "2025-06-01", {"", "attack", "", "ASSAULT"}),
                  article("d2", "2025-06-01", {"", "strike", "", "ASSAULT"}),        // same day: joins d1
                  article("d3", "2025-06-02", {"", "attack", "", "ASSAULT"}),        // next day
                  article("d4", "2025-06-05", {"", "attack", "", "ASSAULT", false, false, "2025-06-01"}),  // event date d1
                  article("d5", "2025-06-01", {"", "attack", "", "ASSAULT", false, true}),  // denied
                  article("d6", "2025-06-01", {"", "threaten", "", "THREATEN"}),
                  article("d7", "2025-06-01", {"", "praise", "", ""}),  // no category: by predicate
                  article("d8", "2025-06-01", {"", "praise", "", ""})});
  auto all = Relations(*store, "gpe:russia");
  CHECK(all.size() == 5);
  std::map<std::string, uint32_t> sources;  // category/predicate + polarity + date -> sources
  for (const auto& r : all) {
    sources[r.category() + "/" + r.predicate() + (r.polarity() == proto::NEGATED ? "/neg/" : "/") +
            (r.event_date().empty() ? r.first_seen() : r.event_date())] = r.source_count();
  }
  CHECK(sources == std::map<std::string, uint32_t>{{"ASSAULT/attack/2025-06-01", 3},
                                                   {"ASSAULT/attack/2025-06-02", 1},
                                                   {"ASSAULT/attack/neg/2025-06-01", 1},
                                                   {"THREATEN/threaten/2025-06-01", 1},
                                                   {"/praise/2025-06-01", 2}});
}

TEST_CASE("Merge: an office held is one edge whatever the articles' dates", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  auto article = [](const std::string& id, const std::string& date) {
    return ArticleBuilder(id, date)
        .Entity("e1", proto::PERSON, "William Ruto")
        .Entity("e2", proto::GPE, "Kenya")
        .Relation("e1", "president_of", "e2", "ROLE")
        .graph();
  };
  AddAll(*store, {article("r1", "2024-10-17"), article("r2", "2025-11-14"), article("r3", "2025-12-01")});
  const auto roles = Relations(*store, "person:william-ruto");
  REQUIRE(roles.size() == 1);
  CHECK(roles[0].source_count() == 3);
  CHECK(roles[0].first_seen() == "2024-10-17");
  CHECK(roles[0].last_seen() == "2025-12-01");
}

TEST_CASE("Merge: a later article that shows two nodes are one re-points their relations", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  auto spelling = [](const std::string& id, const std::string& name, const std::string& object) {
    return ArticleBuilder(id, "2025-03-0" + id.substr(1))
        .Entity("e1", proto::PERSON, name)
        .Entity("e2", proto::GPE, object)
        .Relation("e1", "visit", "e2", "TRAVEL")
        .graph();
  };
  AddAll(*store, {spelling("p1", "Volodymyr Zelensky", "Poland"), spelling("p2", "Vladimir Zelensky", "Italy")});
  CHECK(store->Stats()->entities == 4);
  REQUIRE(store->AddArticle(ArticleBuilder("p3", "2025-03-03")
                                .Entity("e1", proto::PERSON, "Vladimir Zelensky", {"Volodymyr Zelensky", "Zelensky"})
                                .graph())
              .ok());
  CHECK(store->Stats()->entities == 3);
  const proto::Entity z = OnlyEntity(*store, "Zelensky");
  CHECK(z.name() == "Vladimir Zelensky");  // used as their own name by two articles of three
  CHECK(HasNote(z, "alias", "\"Volodymyr Zelensky\" -> \"Vladimir Zelensky\""));
  auto visits = Relations(*store, z.id(), "visit");
  CHECK(visits.size() == 2);
  CHECK(Relations(*store, "person:volodymyr-zelensky").empty());
  CHECK(store->GetEntity("person:volodymyr-zelensky").value() == std::nullopt);
  CHECK(store->Verify().ok());
}

TEST_CASE("Merge: part_of follows the whole when it is renamed", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  proto::ArticleGraph first = ArticleBuilder("h1", "2025-01-01")
                                  .Entity("gpe:us", proto::GPE, "US")
                                  .Entity("org:white-house", proto::ORG, "White House")
                                  .graph();
  first.mutable_entities(1)->set_part_of("gpe:us");
  AddAll(*store, {first});
  CHECK(OnlyEntity(*store, "White House").part_of() == "gpe:us");
  AddAll(*store, {ArticleBuilder("h2", "2025-01-02").Entity("e1", proto::GPE, "United States").graph()});
  CHECK(OnlyEntity(*store, "US").id() == "gpe:united-states");
  CHECK(OnlyEntity(*store, "White House").part_of() == "gpe:united-states");
  CHECK(store->Verify().ok());

  SECTION("and a dangling part_of is refused") {
    proto::ArticleGraph bad = first;
    bad.mutable_article()->set_id("h3");
    bad.mutable_entities(1)->set_part_of("gpe:nowhere");
    auto r = store->AddArticle(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("\"gpe:nowhere\", which is not an entity of the article"));
  }
}

TEST_CASE("Merge: a generic institution name joins only the same country's body", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  auto court = [](const std::string& article, const std::string& country) {
    proto::ArticleGraph g = ArticleBuilder(article, "2025-01-01")
                                .Entity("e1", proto::GPE, country)
                                .Entity("e2", proto::ORG, "High Court (" + country + ")", {"High Court"})
                                .graph();
    g.mutable_entities(1)->set_part_of("e1");
    g.mutable_entities(1)->set_generic_name(true);
    return g;
  };
  AddAll(*store, {court("k1", "Kenya"), court("u1", "United Kingdom"), court("k2", "Kenya")});
  auto found = store->FindEntities("High Court");
  REQUIRE(found.ok());
  REQUIRE(found->size() == 2);
  for (const proto::Entity& e : *found) {
    CHECK(e.generic_name());
    CHECK(e.article_ids_size() == (e.name() == "High Court (Kenya)" ? 2 : 1));
  }
  CHECK(OnlyEntity(*store, "High Court (Kenya)").part_of() == "gpe:kenya");
  SECTION("and a bare \"High Court\" from an article that names no country stays apart") {
    AddAll(*store, {ArticleBuilder("x1", "2025-01-02").Entity("e1", proto::ORG, "High Court").graph()});
    CHECK(store->FindEntities("High Court")->size() == 3);
  }
  CHECK(store->Verify().ok());
}

TEST_CASE("Merge: the same name with different types stays apart", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {ArticleBuilder("w1", "2025-01-01").Entity("e1", proto::GPE, "Georgia").graph(),
                  ArticleBuilder("w2", "2025-01-02").Entity("e1", proto::PERSON, "Georgia Meloni").graph(),
                  ArticleBuilder("w3", "2025-01-03").Entity("e1", proto::ORG, "Georgia").graph()});
  auto found = store->FindEntities("Georgia");
  REQUIRE(found.ok());
  REQUIRE(found->size() == 2);
  CHECK(found->at(0).id() == "gpe:georgia");
  CHECK(found->at(1).id() == "org:georgia");
}

TEST_CASE("Merge: a relation between two names of one entity is dropped", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {ArticleBuilder("s1", "2025-01-01")
                      .Entity("e1", proto::PERSON, "Keir Starmer", {"Starmer"})
                      .Entity("e2", proto::PERSON, "Prime Minister Keir Starmer")
                      .Entity("e3", proto::GPE, "Britain")
                      .Relation("e2", "praise", "e1", "PRAISE")
                      .Relation("e2", "lead", "e3", "ROLE")
                      .graph()});
  CHECK(store->Stats()->entities == 2);
  auto rels = Relations(*store, "person:keir-starmer");
  REQUIRE(rels.size() == 1);
  CHECK(rels[0].predicate() == "lead");
}

TEST_CASE("Merge: MergeFrom folds another database in by the same rules", "[storage][merge]") {
  TempDir dir;
  auto a = CreateStore(dir / "a.kg");
  auto b = CreateStore(dir / "b.kg");
  AddAll(*a, {FullNames()});
  AddAll(*b, {Surnames(), FullNames()});
  const std::string b_before = ExportBytes(*b);
  b.reset();

  auto summary = a->MergeFrom(dir / "b.kg");
  REQUIRE(summary.ok());
  CHECK(summary->added == 1);
  CHECK(summary->skipped == 1);
  auto both = CreateStore(dir / "both.kg");
  AddAll(*both, {Surnames(), FullNames()});
  CHECK(ExportBytes(*a) == ExportBytes(*both));
  CHECK(a->Verify().ok());

  // The source is unchanged, and merging it again changes nothing.
  const std::string a_after = ExportBytes(*a);
  CHECK(a->MergeFrom(dir / "b.kg")->added == 0);
  CHECK(ExportBytes(*a) == a_after);
  StoreOptions read;
  read.read_only = true;
  CHECK(ExportBytes(*Store::Open(read, dir / "b.kg").value()) == b_before);

  SECTION("into itself, or from a missing database") {
    auto self = a->MergeFrom(dir / "a.kg");
    REQUIRE_FALSE(self.ok());
    CHECK_THAT(self.status().message(), Catch::Contains("into itself"));
    auto missing = a->MergeFrom(dir / "missing.kg");
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.status().message(), Catch::Contains("missing.kg does not exist"));
    CHECK(ExportBytes(*a) == a_after);
  }
}

TEST_CASE("Merge: Rebuild recomputes exactly what incremental adds produced", "[storage][merge]") {
  TempDir dir;
  auto store = CreateStore(dir / "news.kg");
  AddAll(*store, {FullNames(), Surnames(), SecondTrump()});
  const std::string incremental = ExportBytes(*store);
  REQUIRE(store->Rebuild().ok());
  CHECK(ExportBytes(*store) == incremental);
  CHECK(store->Verify().ok());
}

}  // namespace
}  // namespace kg::storage
