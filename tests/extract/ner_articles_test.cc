// End to end on our own articles (invented people and organisations the gazetteer does
// not list): text -> committed analysis models -> EntityRecognizer. Each
// tests/data/ner/NAME.txt has NAME.expected.json: the named entities that must be found
// with their types (and no others), roles, dates, capitals acting for their country.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "extract/article_reader.h"
#include "extract/document.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/syntax/analyzer.h"
#include "tests/test_util.h"

using namespace kg::extract;
using nlohmann::json;

namespace {

struct Pipeline {
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<EntityRecognizer> recognizer;
};

const Pipeline& Models() {
  static const Pipeline pipeline = [] {
    Pipeline p;
    auto analyzer = Analyzer::Load(kg::testing::SourceDir() + "/models");
    REQUIRE(analyzer.ok());
    auto recognizer = EntityRecognizer::Load(kg::testing::SourceDir() + "/models", kg::testing::SourceDir() + "/data");
    REQUIRE(recognizer.ok());
    p.analyzer = std::move(*analyzer);
    p.recognizer = std::move(*recognizer);
    return p;
  }();
  return pipeline;
}

int FindEntity(const ArticleEntities& a, const std::string& name) {
  for (size_t i = 0; i < a.entities.size(); ++i) {
    if (a.entities[i].canonical == name) return static_cast<int>(i);
  }
  return -1;
}

void CheckArticle(const std::string& name) {
  INFO("article " << name);
  auto article = ReadArticleFile(kg::testing::TestData("ner/" + name + ".txt"));
  REQUIRE(article.ok());
  const json expected = json::parse(kg::testing::ReadFile(kg::testing::TestData("ner/" + name + ".expected.json")));
  Document doc = Models().analyzer->Analyze(article->text);
  const ArticleEntities a = Models().recognizer->Recognize(doc, article->date);

  std::vector<std::string> allowed;
  for (const json& e : expected["entities"]) {
    const std::string n = e["name"];
    allowed.push_back(n);
    INFO("expected entity " << n);
    const int i = FindEntity(a, n);
    REQUIRE(i >= 0);
    CHECK(EntityKindName(a.entities[i].type) == e["type"].get<std::string>());
    for (const json& alias : e.value("aliases", json::array())) {
      const auto& aliases = a.entities[i].aliases;
      CHECK(std::find(aliases.begin(), aliases.end(), alias.get<std::string>()) != aliases.end());
    }
  }
  for (const json& m : expected["may"]) allowed.push_back(m);
  // Precision: no named entity beyond the expected ones.
  for (const EntityInfo& e : a.entities) {
    if (e.type == EntityKind::kDate || e.mention_count == 0) continue;
    INFO("produced entity " << e.canonical << " (" << EntityKindName(e.type) << ")");
    CHECK(std::find(allowed.begin(), allowed.end(), e.canonical) != allowed.end());
  }
  for (const json& n : expected["not"]) CHECK(FindEntity(a, n) < 0);
  for (const json& r : expected["roles"]) {
    INFO("role of " << r["person"]);
    const int person = FindEntity(a, r["person"]);
    REQUIRE(person >= 0);
    bool found = false;
    for (const Mention& m : a.mentions) {
      if (m.entity != person || m.role.empty()) continue;
      found = true;
      CHECK(m.role == r["role"].get<std::string>());
      CHECK(m.role_predicate == r["predicate"].get<std::string>());
      if (r.contains("of")) {
        REQUIRE(m.role_of >= 0);
        CHECK(a.entities[m.role_of].canonical == r["of"].get<std::string>());
      }
    }
    CHECK(found);
  }
  for (const json& d : expected["dates"]) {
    INFO("date " << d["text"]);
    const int i = FindEntity(a, d["date"]);
    REQUIRE(i >= 0);
    CHECK(a.entities[i].type == EntityKind::kDate);
    CHECK(a.entities[i].date == d["date"].get<std::string>());
  }
  auto mention_of = [&](const std::string& text, const std::string& entity, bool Mention::*flag) {
    INFO(text << " -> " << entity);
    const int e = FindEntity(a, entity);
    REQUIRE(e >= 0);
    bool found = false;
    for (const Mention& m : a.mentions) found = found || (m.text == text && m.entity == e && m.*flag);
    CHECK(found);
  };
  for (const json& x : expected["actors"]) mention_of(x["text"], x["entity"], &Mention::as_actor);
  for (const json& x : expected.value("demonyms", json::array())) mention_of(x["text"], x["entity"], &Mention::from_demonym);
  for (const json& c : expected.value("compounds", json::array())) {
    INFO("compound " << c["text"]);
    std::vector<std::string> named;
    for (const Mention& m : a.mentions) {
      const std::string surface = doc.text.substr(doc.sentences[m.sentence].tokens[m.begin].begin,
                                                  doc.sentences[m.sentence].tokens[m.end - 1].end -
                                                      doc.sentences[m.sentence].tokens[m.begin].begin);
      if (surface == c["text"].get<std::string>()) named.push_back(a.entities[m.entity].canonical);
    }
    CHECK(named == c["entities"].get<std::vector<std::string>>());
  }
}

}  // namespace

TEST_CASE("EntityRecognizer: our own articles, end to end", "[extract][ner][slow]") {
  for (const char* name : {"port-strike", "clinic-merger", "river-dispute", "tech-fine"}) CheckArticle(name);
}
