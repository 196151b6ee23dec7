#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/document.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/ner_tagger.h"
#include "extract/ner/title_lexicon.h"
#include "tests/extract/ner_test_util.h"
#include "tests/test_util.h"

using namespace kg::extract;
using kg::testing::MakeDocument;

namespace {

// A recognizer with the committed gazetteer and titles and a toy tagger that knows a
// few invented names (so that these tests exercise the rules, not a trained model).
const EntityRecognizer& Recognizer() {
  static const std::unique_ptr<EntityRecognizer> recognizer = [] {
    const std::string dir = kg::testing::SourceDir() + "/data/gazetteer";
    auto gazetteer = Gazetteer::LoadDir(dir);
    auto titles = TitleLexicon::LoadDir(dir);
    REQUIRE(gazetteer.ok());
    REQUIRE(titles.ok());
    auto tagger = kg::testing::TrainToyTagger({
        "[PER Lina Voss] met [PER Oskar Brandt] in [LOC Oslo] .",
        "[PER Voss] said the plan was fair .",
        "[PER Brandt] rejected the plan .",
        "[PER Anna Brandt] and [PER Oskar Brandt] spoke .",
        "the minister [PER Lina Voss] left .",
        "[ORG Harbour Workers Federation] said the talks failed .",
        "[ORG HWF] rejected the offer .",
        "[PER Governor Alma Rist] spoke to [PER Lina Voss] .",
        "[PER Rist] signed the law .",
        "nobody came to the meeting .",
        "the plan was fair and the talks failed .",
        "[PER Rui Costa] do [PER Lago] spoke .",
        "[LOC Wopke Hoekstra] said so .",
        "[PER LAUSANNE] , Spain - the talks failed .",
        "[PER Jumla] said the plan was fair .",
        "[PER Rothbury] said the plan was fair .",
    });
    REQUIRE(tagger);
    return EntityRecognizer::FromParts(std::move(*gazetteer), std::move(*titles), std::move(tagger));
  }();
  return *recognizer;
}

struct Result {
  Document doc;
  ArticleEntities entities;
  const EntityInfo* Find(const std::string& canonical) const {
    for (const EntityInfo& e : entities.entities) {
      if (e.canonical == canonical) return &e;
    }
    return nullptr;
  }
  int Index(const std::string& canonical) const {
    for (size_t i = 0; i < entities.entities.size(); ++i) {
      if (entities.entities[i].canonical == canonical) return static_cast<int>(i);
    }
    return -1;
  }
  std::vector<const Mention*> MentionsOf(const std::string& canonical) const {
    std::vector<const Mention*> out;
    const int e = Index(canonical);
    for (const Mention& m : entities.mentions) {
      if (m.entity == e) out.push_back(&m);
    }
    return out;
  }
  std::vector<std::string> Canonicals() const {
    std::vector<std::string> out;
    for (const EntityInfo& e : entities.entities) out.push_back(e.canonical);
    return out;
  }
};

Result Run(const std::vector<std::string>& lines, const std::string& date = "2025-06-08") {
  Result r{MakeDocument(lines), {}};
  r.entities = Recognizer().Recognize(r.doc, date);
  return r;
}

bool HasAlias(const EntityInfo& e, const std::string& alias) {
  return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

}  // namespace

TEST_CASE("EntityRecognizer: demonyms are mentions of their country", "[extract][ner]") {
  const Result r = Run({"Russian airbases were hit by Ukrainian drones ."});
  const EntityInfo* russia = r.Find("Russia");
  REQUIRE(russia);
  CHECK(russia->type == EntityKind::kGpe);
  const auto mentions = r.MentionsOf("Russia");
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0]->text == "Russian");
  CHECK(mentions[0]->type == EntityKind::kNorp);
  CHECK(mentions[0]->from_demonym);
  CHECK(r.Find("Ukraine"));
  CHECK(r.doc.sentences[0].tokens[0].ner == "B-NORP");
  SECTION("groups without a country are NORP entities") {
    const Result g = Run({"Kurds and Muslims protested ."});
    REQUIRE(g.Find("Kurds"));
    CHECK(g.Find("Kurds")->type == EntityKind::kNorp);
  }
}

TEST_CASE("EntityRecognizer: titles become roles with their affiliation", "[extract][ner]") {
  SECTION("a country before the title") {
    const Result r = Run({"US Defence Secretary Lina Voss met Oskar Brandt in Oslo ."});
    const auto voss = r.MentionsOf("Lina Voss");
    REQUIRE(voss.size() == 1);
    CHECK(voss[0]->text == "Lina Voss");
    CHECK(voss[0]->role == "defence secretary");
    CHECK(voss[0]->role_predicate == "secretary_of");
    REQUIRE(voss[0]->role_of >= 0);
    CHECK(r.entities.entities[voss[0]->role_of].canonical == "United States");
    CHECK(r.doc.sentences[0].tokens[2].ner == "O");  // "Secretary" is no part of the name
  }
  SECTION("a demonym before the title") {
    const Result r = Run({"Norwegian Prime Minister Lina Voss spoke ."});
    const auto voss = r.MentionsOf("Lina Voss");
    REQUIRE(voss.size() == 1);
    CHECK(voss[0]->role_predicate == "prime_minister_of");
    CHECK(r.entities.entities.at(voss[0]->role_of).canonical == "Norway");
  }
  SECTION("a title the tagger put inside the name is stripped") {
    const Result r = Run({"Governor Alma Rist spoke to Lina Voss ."});
    REQUIRE(r.Find("Alma Rist"));
    CHECK_FALSE(r.Find("Governor Alma Rist"));
    CHECK(r.MentionsOf("Alma Rist")[0]->role == "governor");
  }
}

TEST_CASE("EntityRecognizer: surnames resolve to the full name in the article", "[extract][ner]") {
  const Result r = Run({"Lina Voss met Oskar Brandt in Oslo .", "Voss said the plan was fair .",
                        "Brandt rejected the plan ."});
  const EntityInfo* voss = r.Find("Lina Voss");
  REQUIRE(voss);
  CHECK(voss->type == EntityKind::kPerson);
  CHECK(voss->mention_count == 2);
  CHECK(HasAlias(*voss, "Voss"));
  CHECK_FALSE(r.Find("Voss"));
  CHECK(r.Find("Oskar Brandt")->mention_count == 2);
  SECTION("two people sharing a surname: the nearest one before") {
    const Result two = Run({"Anna Brandt spoke .", "Brandt rejected the plan .",
                            "Lina Voss met Oskar Brandt in Oslo .", "Brandt said the plan was fair ."});
    REQUIRE(two.Find("Anna Brandt"));
    REQUIRE(two.Find("Oskar Brandt"));
    CHECK(two.Find("Anna Brandt")->mention_count == 2);
    CHECK(two.Find("Oskar Brandt")->mention_count == 2);
  }
  SECTION("the most complete name is canonical even when the surname comes first") {
    const Result first = Run({"Voss said the plan was fair .", "Lina Voss met Oskar Brandt in Oslo ."});
    CHECK(first.Find("Lina Voss"));
    CHECK_FALSE(first.Find("Voss"));
  }
}

TEST_CASE("EntityRecognizer: acronyms join their expansion", "[extract][ner]") {
  SECTION("Name (ACR) in the text") {
    const Result r = Run({"the Harbour Workers Federation ( HWF ) said the talks failed .", "HWF rejected the offer ."});
    const EntityInfo* hwf = r.Find("Harbour Workers Federation");
    REQUIRE(hwf);
    CHECK(hwf->type == EntityKind::kOrg);
    CHECK(HasAlias(*hwf, "HWF"));
    CHECK(hwf->mention_count == 3);
  }
  SECTION("acronyms the gazetteer knows") {
    const Result r = Run({"the North Atlantic Treaty Organization ( NATO ) met .", "NATO said so ."});
    const EntityInfo* nato = r.Find("NATO");
    REQUIRE(nato);
    CHECK(nato->mention_count == 3);
    CHECK(nato->known);
  }
  SECTION("the United States under every name is one entity") {
    const Result r = Run({"the U.S. and the United States of America and America and the US ."});
    REQUIRE(r.Find("United States"));
    CHECK(r.Find("United States")->mention_count == 4);
    CHECK(r.entities.entities.size() == 1);
  }
}

TEST_CASE("EntityRecognizer: capitals as actors, government bodies", "[extract][ner]") {
  SECTION("a capital acting is its country") {
    const Result r = Run({"Moscow rejected the plan ."});
    const auto mentions = r.MentionsOf("Russia");
    REQUIRE(mentions.size() == 1);
    CHECK(mentions[0]->text == "Moscow");
    CHECK(mentions[0]->as_actor);
    CHECK(HasAlias(*r.Find("Russia"), "Moscow"));
  }
  SECTION("a capital as a place is the city") {
    const Result r = Run({"talks in Moscow failed ."});
    REQUIRE(r.Find("Moscow"));
    CHECK(r.Find("Moscow")->type == EntityKind::kGpe);
    CHECK_FALSE(r.MentionsOf("Moscow")[0]->as_actor);
  }
  SECTION("government bodies are ORG linked to their country") {
    const Result r = Run({"the Kremlin rejected the plan ."});
    const EntityInfo* kremlin = r.Find("Kremlin");
    REQUIRE(kremlin);
    CHECK(kremlin->type == EntityKind::kOrg);
    REQUIRE(kremlin->linked_to >= 0);
    CHECK(r.entities.entities[kremlin->linked_to].canonical == "Russia");
    CHECK(kremlin->link_predicate == "part_of");
    CHECK(r.entities.entities[kremlin->linked_to].mention_count == 0);
  }
  SECTION("a company is based in its country, not part of it, and brings no country along") {
    const Result alone = Run({"Goldman Sachs advised the buyer ."});
    REQUIRE(alone.Find("Goldman Sachs"));
    CHECK(alone.Find("Goldman Sachs")->linked_to < 0);
    CHECK_FALSE(alone.Find("United States"));
    const Result named = Run({"Goldman Sachs advised the United States ."});
    const EntityInfo* bank = named.Find("Goldman Sachs");
    REQUIRE(bank);
    REQUIRE(bank->linked_to >= 0);
    CHECK(bank->link_predicate == "located_in");
  }
}

TEST_CASE("EntityRecognizer: names in compounds and possessives", "[extract][ner]") {
  const Result r = Run({"Lina Voss met Oskar Brandt in Oslo .", "the Voss-Brandt call was short .",
                        "Voss 's plan was fair ."});
  CHECK(r.Find("Lina Voss")->mention_count == 3);
  CHECK(r.Find("Oskar Brandt")->mention_count == 2);
  std::vector<const Mention*> in_compound;
  for (const Mention& m : r.entities.mentions) {
    if (m.sentence == 1) in_compound.push_back(&m);
  }
  REQUIRE(in_compound.size() == 2);
  CHECK(in_compound[0]->text == "Voss");
  CHECK(in_compound[1]->text == "Brandt");
  CHECK(r.doc.text.substr(in_compound[1]->byte_begin, in_compound[1]->byte_end - in_compound[1]->byte_begin) == "Brandt");
  for (const Mention& m : r.entities.mentions) {
    if (m.sentence == 2) CHECK(m.text == "Voss");
  }
  SECTION("countries in compounds") {
    const Result c = Run({"the Russia-Ukraine war and US-led talks ."});
    CHECK(c.Find("Russia"));
    CHECK(c.Find("Ukraine"));
    CHECK(c.Find("United States"));
  }
}

TEST_CASE("EntityRecognizer: Title Case headings give no junk", "[extract][ner]") {
  const Result r = Run({"# Diplomatic Stalemate Deepens", "# Key Points", "# Voss Meets Brandt In Oslo",
                        "Lina Voss met Oskar Brandt in Oslo .", "# Conclusion"});
  const std::vector<std::string> names = r.Canonicals();
  CHECK(names == std::vector<std::string>{"Lina Voss", "Oskar Brandt", "Oslo"});
  CHECK(r.Find("Lina Voss")->mention_count == 2);
  for (const Mention& m : r.entities.mentions) {
    if (m.sentence == 2) CHECK(m.in_heading);
  }
}

TEST_CASE("EntityRecognizer: dates and labels", "[extract][ner]") {
  const Result r = Run({"Lina Voss met Oskar Brandt on Tuesday .", "they spoke on June 4 , 2025 ."}, "2025-06-08");
  const EntityInfo* tuesday = r.Find("2025-06-03");
  REQUIRE(tuesday);
  CHECK(tuesday->type == EntityKind::kDate);
  CHECK(tuesday->date == "2025-06-03");
  CHECK(HasAlias(*tuesday, "Tuesday"));
  CHECK(r.Find("2025-06-04"));
  const auto& tokens = r.doc.sentences[0].tokens;
  CHECK(tokens[0].ner == "B-PER");
  CHECK(tokens[1].ner == "I-PER");
  CHECK(tokens[2].ner == "O");
  CHECK(tokens[6].ner == "B-DATE");
  SECTION("the same input gives the same output") {
    const Result again = Run({"Lina Voss met Oskar Brandt on Tuesday .", "they spoke on June 4 , 2025 ."}, "2025-06-08");
    CHECK(again.Canonicals() == r.Canonicals());
    REQUIRE(again.entities.mentions.size() == r.entities.mentions.size());
    for (size_t i = 0; i < r.entities.mentions.size(); ++i) {
      CHECK(again.entities.mentions[i].byte_begin == r.entities.mentions[i].byte_begin);
      CHECK(again.entities.mentions[i].entity == r.entities.mentions[i].entity);
    }
  }
}

TEST_CASE("EntityRecognizer: without a tagger the gazetteer and rules still work", "[extract][ner]") {
  const std::string dir = kg::testing::SourceDir() + "/data/gazetteer";
  auto gazetteer = Gazetteer::LoadDir(dir);
  auto titles = TitleLexicon::LoadDir(dir);
  REQUIRE(gazetteer.ok());
  REQUIRE(titles.ok());
  auto recognizer = EntityRecognizer::FromParts(std::move(*gazetteer), std::move(*titles), nullptr);
  Document doc = MakeDocument({"NATO and the EU met in Brussels on Monday ."});
  const ArticleEntities e = recognizer->Recognize(doc, "2025-06-08");
  std::vector<std::string> names;
  for (const EntityInfo& info : e.entities) names.push_back(info.canonical);
  CHECK(names == std::vector<std::string>{"NATO", "European Union", "Brussels", "2025-06-02"});
  SECTION("a country's institution: capitalised words ending in a keyword after its possessive") {
    Document court = MakeDocument({"Chile 's High Court ruled ."});
    court.sentences[0].tokens[2].upos = "ADJ";  // "High" tagged as the adjective it is
    std::vector<std::string> found;
    for (const EntityInfo& info : recognizer->Recognize(court, "2025-06-08").entities) found.push_back(info.canonical);
    CHECK(found == std::vector<std::string>{"Chile", "High Court (Chile)"});  // generic: qualified
  }
  SECTION("a name right after a noun that says it is an organisation's") {
    Document firm = MakeDocument({"They hired the shipping firm Varnholt to help ."});
    const ArticleEntities found = recognizer->Recognize(firm, "2025-06-08");
    REQUIRE(found.entities.size() == 1);
    CHECK(found.entities[0].canonical == "Varnholt");
    CHECK(found.entities[0].type == EntityKind::kOrg);
  }
  SECTION("an acronym after 'the', and a name before an apposition ending in an organisation noun") {
    auto names_in = [&](const std::string& line) {
      Document d = MakeDocument({line});
      std::vector<std::pair<std::string, EntityKind>> out;
      for (const EntityInfo& info : recognizer->Recognize(d, "2025-06-08").entities) out.emplace_back(info.canonical, info.type);
      return out;
    };
    using Found = std::vector<std::pair<std::string, EntityKind>>;
    CHECK(names_in("Talks with the FNV union failed .") == Found{{"FNV", EntityKind::kOrg}});
    CHECK(names_in("Cases of the H5N1 virus rose .").empty());  // a code, not a name
    // In apposition to an organisation noun: "the port regulator, KPSA, fined…".
    const Found regulator = names_in("The port regulator , KPSA , fined two shippers .");
    CHECK(std::find(regulator.begin(), regulator.end(), std::make_pair(std::string("KPSA"), EntityKind::kOrg)) !=
          regulator.end());
    // A last word that types a name: "… Metals".
    const Found metals = names_in("Shares in Ruvuma Metals fell sharply .");
    CHECK(std::find(metals.begin(), metals.end(), std::make_pair(std::string("Ruvuma Metals"), EntityKind::kOrg)) !=
          metals.end());
    const Found confederation = names_in("The Confederation of Andean Rugby fined the club .");
    CHECK(std::find(confederation.begin(), confederation.end(),
                    std::make_pair(std::string("Confederation of Andean Rugby"), EntityKind::kOrg)) != confederation.end());
    const Found firm = names_in("Varnholt , the Danish shipping group , said so .");
    CHECK(std::find(firm.begin(), firm.end(), std::make_pair(std::string("Varnholt"), EntityKind::kOrg)) != firm.end());
  }
  SECTION("loading from missing directories fails with the path") {
    auto missing = EntityRecognizer::Load("/nonexistent/models", "/nonexistent/data");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.status().message().find("/nonexistent/data/gazetteer") != std::string::npos);
  }
}

TEST_CASE("EntityRecognizer: names the tagger cuts or mistypes", "[extract][ner]") {
  SECTION("particles join a person's name") {
    const Result r = Run({"Rui Costa do Lago spoke ."});
    CHECK(r.Find("Rui Costa do Lago"));
    CHECK_FALSE(r.Find("Lago"));
  }
  SECTION("a title beside a name makes it a person") {
    const Result before = Run({"the climate commissioner , Wopke Hoekstra , said so ."});
    REQUIRE(before.Find("Wopke Hoekstra"));
    CHECK(before.Find("Wopke Hoekstra")->type == EntityKind::kPerson);
    const Result after = Run({"Wopke Hoekstra , Norway 's climate minister , said so ."});
    REQUIRE(after.Find("Wopke Hoekstra"));
    CHECK(after.Find("Wopke Hoekstra")->type == EntityKind::kPerson);
  }
  SECTION("a dateline in capitals is a place") {
    const Result r = Run({"LAUSANNE , Spain - the talks failed ."});
    REQUIRE(r.Find("LAUSANNE"));
    CHECK(r.Find("LAUSANNE")->type == EntityKind::kGpe);
  }
  SECTION("a dateline names its place and its agency by position") {
    Result r{MakeDocument({"ORVIKSTAD , Sept 30 ( Tallow Wire ) -", "the talks failed ."}), {}};
    r.doc.sentences[0].heading = r.doc.sentences[0].dateline = true;
    r.entities = Recognizer().Recognize(r.doc, "2025-09-30");
    REQUIRE(r.Find("Orvikstad"));
    CHECK(r.Find("Orvikstad")->type == EntityKind::kGpe);
    REQUIRE(r.Find("Tallow Wire"));
    CHECK(r.Find("Tallow Wire")->type == EntityKind::kOrg);
    // Not a dateline: the same words in a heading confirm nothing.
    const Result heading = Run({"# ORVIKSTAD , Sept 30 ( Tallow Wire ) -", "the talks failed ."});
    CHECK_FALSE(heading.Find("Tallow Wire"));
  }
  SECTION("a common noun beside a name says it is an organisation's") {
    const Result r = Run({"the talks failed , according to the monitoring group Tallbrook .",
                          "he told the Vessa television channel .",
                          "Norway gave money to the Green Harbour Forever Facility , a fund for forests .",
                          "the Dutch company rejected the plan ."});
    for (const char* name : {"Tallbrook", "Vessa", "Green Harbour Forever Facility"}) {
      INFO(name);
      REQUIRE(r.Find(name));
      CHECK(r.Find(name)->type == EntityKind::kOrg);
    }
    CHECK_FALSE(r.Find("Dutch"));  // a demonym stays the country's
  }
  SECTION("an organisation keyword after a lower-case word, a company suffix after a surname") {
    Result r{MakeDocument({"Kenya 's High Court rejected the plan .", "Meridian was advised by Rothbury & Co ."}), {}};
    r.doc.sentences[0].tokens[2].upos = "ADJ";  // "High"
    r.entities = Recognizer().Recognize(r.doc, "2025-06-08");
    REQUIRE(r.Find("High Court (Kenya)"));
    CHECK(r.Find("High Court (Kenya)")->type == EntityKind::kOrg);
    REQUIRE(r.Find("Rothbury & Co"));
    CHECK(r.Find("Rothbury & Co")->type == EntityKind::kOrg);
  }
  SECTION("a generic institution name is qualified by its country") {
    const Result r = Run({"Kenya 's High Court rejected the plan .", "the Interior Ministry said Kenya would appeal .",
                          "Norway called the plan fair .", "Kenya signed it ."});
    const EntityInfo* court = r.Find("High Court (Kenya)");
    REQUIRE(court);
    CHECK(court->generic_name);
    CHECK(HasAlias(*court, "High Court"));
    REQUIRE(court->linked_to >= 0);
    CHECK(r.entities.entities[court->linked_to].canonical == "Kenya");
    // No possessive: the article's home country, the one it names most.
    const EntityInfo* ministry = r.Find("Interior Ministry (Kenya)");
    REQUIRE(ministry);
    CHECK(ministry->link_predicate == "part_of");
    CHECK_FALSE(r.Find("Norway")->generic_name);
    // Without a country that the article is about, the name stays as written.
    const Result abroad = Run({"the Interior Ministry said Kenya would appeal .", "Norway called the plan fair ."});
    REQUIRE(abroad.Find("Interior Ministry"));
    CHECK(abroad.Find("Interior Ministry")->generic_name);
    CHECK(abroad.Find("Interior Ministry")->linked_to < 0);
  }
  SECTION("foreign organisation names with their particles") {
    const Result r = Run({"samples went to the Institut Halvard du Nord for tests .",
                          "the loan came from Banco do Vessa on Monday .", "Rui Costa do Lago spoke ."});
    for (const char* name : {"Institut Halvard du Nord", "Banco do Vessa"}) {
      INFO(name);
      REQUIRE(r.Find(name));
      CHECK(r.Find(name)->type == EntityKind::kOrg);
    }
    REQUIRE(r.Find("Rui Costa do Lago"));
    CHECK(r.Find("Rui Costa do Lago")->type == EntityKind::kPerson);
  }
  SECTION("a name before a person's title is an organisation's, not a person's") {
    const Result r = Run({"Lina Voss said the Vessa Rovers striker Oskar Brandt left ."});
    REQUIRE(r.Find("Oskar Brandt"));
    const auto mentions = r.MentionsOf("Oskar Brandt");
    REQUIRE(!mentions.empty());
    CHECK(mentions.front()->role_predicate == "player_of");
    REQUIRE(r.Find("Vessa Rovers"));
    CHECK(r.Find("Vessa Rovers")->type == EntityKind::kOrg);
  }
  SECTION("another name given as 'known as' or 'which X calls' is an alias") {
    const Result r = Run({"the Harbour Workers Federation , known as Tallbrook , said the talks failed .",
                          "the Vessa Reef , which Norway calls Orvik Banks , was closed ."});
    const EntityInfo* union_ = r.Find("Harbour Workers Federation");
    REQUIRE(union_);
    CHECK(HasAlias(*union_, "Tallbrook"));
    CHECK_FALSE(r.Find("Tallbrook"));
    REQUIRE(r.Find("Vessa Reef"));
    CHECK(HasAlias(*r.Find("Vessa Reef"), "Orvik Banks"));
  }
  SECTION("a natural feature is nobody's name, and takes the capitalised word before it") {
    const Result r = Run({"the boat sank near Second Lina Shoal on Monday ."});
    const EntityInfo* shoal = r.Find("Second Lina Shoal");
    REQUIRE(shoal);
    CHECK(shoal->type == EntityKind::kLoc);
  }
  SECTION("one capitalised institution word in running text") {
    const Result r = Run({"the plan was signed without consulting Parliament ."});
    REQUIRE(r.Find("Parliament"));
    CHECK(r.Find("Parliament")->type == EntityKind::kOrg);
    CHECK(r.Find("Parliament")->generic_name);
    const Result lower = Run({"the plan was signed without consulting parliament ."});
    CHECK_FALSE(lower.Find("parliament"));
  }
  SECTION("the home country is the dateline's when it names one country") {
    auto home = [](const std::string& dateline) {
      Result r{MakeDocument({dateline, "Norway and Kenya met ."}), {}};
      r.doc.sentences[0].heading = r.doc.sentences[0].dateline = true;
      r.entities = Recognizer().Recognize(r.doc, "2025-09-30");
      return r.entities.home_country < 0 ? std::string() : r.entities.entities[r.entities.home_country].canonical;
    };
    CHECK(home("NAIROBI , May 2 -") == "Kenya");
    CHECK(home("NAIROBI / OSLO , May 2 -").empty());
  }
  SECTION("one unknown word after a locative preposition is a place") {
    const Result r = Run({"villages near Jumla were cut off ."});
    REQUIRE(r.Find("Jumla"));
    CHECK(r.Find("Jumla")->type == EntityKind::kGpe);
  }
  SECTION("organisation keyword before of / for") {
    const Result r = Run({"the case against the Ministry of Health failed .",
                          "the Alliance of Small Island States ( AOSIS ) met .", "AOSIS said no ."});
    REQUIRE(r.Find("Ministry of Health"));
    CHECK(r.Find("Ministry of Health")->type == EntityKind::kOrg);
    const EntityInfo* aosis = r.Find("Alliance of Small Island States");
    REQUIRE(aosis);
    CHECK(aosis->mention_count == 3);
  }
  SECTION("a name ending in Facility is an organisation") {
    const Result r = Run({"Oslo gave money to the Boreal Peatland Facility ."});
    REQUIRE(r.Find("Boreal Peatland Facility"));
    CHECK(r.Find("Boreal Peatland Facility")->type == EntityKind::kOrg);
  }
  SECTION("a possessive inside a listed name") {
    const Result r = Run({"the United Nations Children \u2019s Fund ( UNICEF ) warned ."});
    REQUIRE(r.Find("UNICEF"));
    CHECK(r.Find("UNICEF")->mention_count == 2);
  }
}
