#include <catch2/catch.hpp>

#include "extract/document.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/pipeline_extractor.h"
#include "extract/relations/extracted_relation.h"

using namespace kg::extract;

namespace {

Sentence Words(std::initializer_list<const char*> words) {
  Sentence s;
  for (const char* w : words) {
    Token t;
    t.text = w;
    s.tokens.push_back(t);
  }
  return s;
}

Mention Titled(int entity, int sentence, int begin, int end, const std::string& role, const std::string& predicate) {
  Mention m;
  m.entity = entity;
  m.sentence = sentence;
  m.begin = begin;
  m.end = end;
  m.role = role;
  m.role_predicate = predicate;
  return m;
}

}  // namespace

TEST_CASE("HomeCountryRoles: an unqualified national office is the story's country's", "[extract]") {
  Document doc;
  doc.sentences.push_back(Words({"President", "Ana", "Voss", "spoke", "."}));
  doc.sentences.push_back(Words({"LSK", "president", "Bo", "Lind", "spoke", "."}));
  doc.sentences.push_back(Words({"the", "Attorney", "General", "Eli", "Moss", "spoke", "."}));
  doc.sentences.push_back(Words({"Governor", "Ida", "Ro", "spoke", "."}));
  ArticleEntities entities;
  for (const char* name : {"Kenya", "Ana Voss", "LSK", "Bo Lind", "Eli Moss", "Ida Ro"}) {
    EntityInfo e;
    e.canonical = name;
    entities.entities.push_back(e);
  }
  entities.mentions = {Titled(1, 0, 1, 3, "president", "president_of"), Titled(3, 1, 2, 4, "president", "president_of"),
                       Titled(4, 2, 3, 5, "attorney general", "attorney_general_of"),
                       Titled(5, 3, 1, 3, "governor", "governor_of")};
  entities.home_country = 0;

  const auto roles = PipelineExtractor::HomeCountryRoles(entities, doc, {});
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].subject == 1);
  CHECK(roles[0].object == 0);
  CHECK(roles[0].predicate == "president_of");
  CHECK(roles[0].category == "ROLE");
  CHECK(roles[0].rule == "role:title-home-country");
  CHECK(roles[1].subject == 4);  // not Bo Lind: his title is the LSK's; not a governor: no national office
  CHECK(roles[1].predicate == "attorney_general_of");

  SECTION("a person the relations already give a role keeps that one") {
    ExtractedRelation known;
    known.subject = 1;
    known.object = 2;
    known.predicate = "president_of";
    known.category = "ROLE";
    const auto with_known = PipelineExtractor::HomeCountryRoles(entities, doc, {known});
    REQUIRE(with_known.size() == 1);
    CHECK(with_known[0].subject == 4);
  }
  SECTION("no home country, no guess") {
    entities.home_country = -1;
    CHECK(PipelineExtractor::HomeCountryRoles(entities, doc, {}).empty());
  }
}
