#include <catch2/catch.hpp>
#include <sstream>

#include "extract/relations/event_lexicon.h"
#include "tests/test_util.h"

using kg::extract::EventLexicon;

namespace {
EventLexicon LoadShipped() {
  auto lex = EventLexicon::LoadFromDir(kg::testing::SourceDir() + "/data");
  REQUIRE(lex.ok());
  return std::move(lex).value();
}
}  // namespace

TEST_CASE("EventLexicon: the shipped lexicon maps verbs, nouns and light verbs", "[extract]") {
  const EventLexicon lex = LoadShipped();
  REQUIRE(lex.Verb("attack") != nullptr);
  CHECK(lex.Verb("attack")->category == "ASSAULT");
  CHECK(lex.Verb("attack")->cooperation == -10.0f);
  CHECK(lex.Verb("refuse")->category == "REJECT");
  CHECK(lex.Verb("claim")->reporting);
  CHECK(lex.Verb("meet")->symmetric);
  CHECK(lex.Verb("frobnicate") == nullptr);
  SECTION("nominal events") {
    REQUIRE(lex.Noun("talks") != nullptr);
    CHECK(lex.Noun("talks")->predicate == "talk");
    CHECK(lex.Noun("talks")->symmetric);
    CHECK(lex.Noun("strike")->category == "ASSAULT");
  }
  SECTION("light verbs take their noun's event or their own") {
    REQUIRE(lex.Light("hold", "conversation") != nullptr);
    CHECK(lex.Light("hold", "conversation")->predicate == "talk");
    CHECK(lex.Light("launch", "barrage")->category == "ASSAULT");
    CHECK(lex.Light("make", "concession")->category == "CONCEDE");
    CHECK(lex.Light("express", "frustration")->predicate == "criticize");
    CHECK(lex.Light("eat", "talks") == nullptr);
  }
  SECTION("verbs it does not list get OTHER") {
    CHECK(lex.Unlisted("outflank").category == "OTHER");
    CHECK(lex.Unlisted("outflank").predicate == "outflank");
  }
}

TEST_CASE("EventLexicon: refuses unknown versions and malformed lines", "[extract]") {
  std::istringstream cats("# kg-event-categories v1\nASSAULT\t-10\tx\n");
  SECTION("a newer version") {
    std::istringstream newer("# kg-event-predicates v2\n");
    auto r = EventLexicon::Load(cats, newer, "t");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("version 2 is not supported") != std::string::npos);
  }
  SECTION("a line with an unknown category names the line") {
    std::istringstream preds("# kg-event-predicates v1\nverb\tattack\tASSAULT\t-\t-\nverb\tpet\tCUDDLE\t-\t-\n");
    auto r = EventLexicon::Load(cats, preds, "t");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("predicates.tsv:3") != std::string::npos);
    CHECK(r.status().message().find("CUDDLE") != std::string::npos);
  }
  SECTION("not a lexicon at all") {
    std::istringstream junk("hello\n");
    auto r = EventLexicon::Load(junk, cats, "t");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("not a kg-event-categories file") != std::string::npos);
  }
}
