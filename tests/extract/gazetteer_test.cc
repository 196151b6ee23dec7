#include <catch2/catch.hpp>

#include <sstream>

#include "extract/document.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/title_lexicon.h"
#include "tests/extract/ner_test_util.h"
#include "tests/test_util.h"

using namespace kg::extract;
namespace base = kg::base;
using kg::base::StatusCode;
using kg::testing::Words;

namespace {

const Gazetteer& Committed() {
  static const std::unique_ptr<Gazetteer> gazetteer = [] {
    auto g = Gazetteer::LoadDir(kg::testing::SourceDir() + "/data/gazetteer");
    REQUIRE(g.ok());
    return std::move(*g);
  }();
  return *gazetteer;
}

std::string EntryName(int entry) { return entry < 0 ? "-" : Committed().entry(entry).name; }

// The canonical names of the gazetteer's matches in `text` (tokens split on spaces).
std::vector<std::string> Matches(const std::string& text) {
  const std::vector<Token> tokens = Words(text);
  std::vector<std::string> out;
  for (const GazetteerMatch& m : Committed().Match(tokens, FoldTokens(tokens))) out.push_back(EntryName(m.entry));
  return out;
}

base::Result<std::unique_ptr<Gazetteer>> FromText(const std::string& text) {
  auto g = std::make_unique<Gazetteer>();
  std::istringstream in(text);
  KG_RETURN_IF_ERROR(g->Load(in, "test.tsv"));
  KG_RETURN_IF_ERROR(g->Finish());
  return g;
}

}  // namespace

TEST_CASE("Gazetteer: the committed files load and link", "[extract][ner]") {
  const Gazetteer& g = Committed();
  CHECK(g.size() > 1000);
  SECTION("the United States under every name") {
    for (const char* name : {"United States", "U.S.", "US", "USA", "United States of America", "America"}) {
      INFO(name);
      CHECK(EntryName(g.Find(name)) == "United States");
    }
  }
  SECTION("demonyms link to their country") {
    for (auto [demonym, country] : {std::pair{"Russian", "Russia"}, {"Ukrainian", "Ukraine"}, {"American", "United States"},
                                     {"Americans", "United States"}, {"Kazakh", "Kazakhstan"}, {"British", "United Kingdom"}}) {
      INFO(demonym);
      const int d = g.Find(demonym);
      REQUIRE(d >= 0);
      CHECK(g.entry(d).cls == GazetteerClass::kDemonym);
      CHECK(EntryName(g.entry(d).link) == country);
    }
  }
  SECTION("capitals, with their spellings, are cities of their country") {
    const int kyiv = g.Find("Kyiv");
    REQUIRE(kyiv >= 0);
    CHECK(g.Find("Kiev") == kyiv);
    CHECK(g.entry(kyiv).cls == GazetteerClass::kCity);
    CHECK(g.entry(kyiv).capital);
    CHECK(EntryName(g.entry(kyiv).link) == "Ukraine");
    CHECK(EntryName(g.entry(g.Find("Washington")).link) == "United States");
  }
  SECTION("government bodies are part of their country") {
    for (auto [body, country] : {std::pair{"White House", "United States"}, {"Kremlin", "Russia"},
                                  {"Pentagon", "United States"}, {"Downing Street", "United Kingdom"}}) {
      INFO(body);
      const int b = g.Find(body);
      REQUIRE(b >= 0);
      CHECK(g.entry(b).cls == GazetteerClass::kGovernmentBody);
      CHECK(EntryName(g.entry(b).link) == country);
    }
  }
  SECTION("acronyms and expansions name one organisation") {
    CHECK(g.Find("North Atlantic Treaty Organization") == g.Find("NATO"));
    CHECK(g.Find("International Atomic Energy Agency") == g.Find("IAEA"));
    CHECK(EntryName(g.Find("UN")) == "United Nations");
    CHECK(g.entry(g.Find("Reuters")).cls == GazetteerClass::kNewsAgency);
    CHECK(EntryName(g.Find("AFP")) == "Agence France-Presse");
  }
  SECTION("given names and name keywords") {
    CHECK(g.IsGivenName("vladimir"));
    CHECK_FALSE(g.IsGivenName("stalemate"));
    CHECK(g.Keyword("group") == NameKeyword::kOrg);
    CHECK(g.Keyword("sea") == NameKeyword::kLoc);
    CHECK(g.Keyword("the") == NameKeyword::kNone);
  }
}

TEST_CASE("Gazetteer: matching is longest-first and case-aware", "[extract][ner]") {
  SECTION("longest name wins") {
    CHECK(Matches("ships in the South China Sea") == std::vector<std::string>{"South China Sea"});
    CHECK(Matches("the United States of America said") == std::vector<std::string>{"United States"});
    CHECK(Matches("Russia and Ukraine") == std::vector<std::string>{"Russia", "Ukraine"});
  }
  SECTION("all-capitals aliases need capitals") {
    CHECK(Matches("give us the money") == std::vector<std::string>{});
    CHECK(Matches("who said so") == std::vector<std::string>{});
    CHECK(Matches("the US said") == std::vector<std::string>{"United States"});
    CHECK(Matches("WHO said") == std::vector<std::string>{"World Health Organization"});
  }
  SECTION("other names match any casing but report whether it fits a name") {
    const std::vector<Token> tokens = Words("i flew to russia");
    const auto m = Committed().Match(tokens, FoldTokens(tokens));
    REQUIRE(m.size() == 1);
    CHECK_FALSE(m[0].strict);
    const std::vector<Token> capital = Words("I flew to Russia");
    CHECK(Committed().Match(capital, FoldTokens(capital))[0].strict);
  }
  SECTION("names split by punctuation tokens") {
    CHECK(Matches("Guinea - Bissau") == std::vector<std::string>{"Guinea-Bissau"});
    CHECK(Matches("Washington , D.C.") == std::vector<std::string>{"Washington"});
  }
  SECTION("ambiguous names are flagged") {
    const std::vector<Token> tokens = Words("Sofia said");
    const auto m = Committed().Match(tokens, FoldTokens(tokens));
    REQUIRE(m.size() == 1);
    CHECK(m[0].ambiguous);
  }
}

TEST_CASE("Gazetteer: file format errors and versions", "[extract][ner]") {
  SECTION("a small file loads") {
    auto g = FromText("# kg-gazetteer countries v1\nFreedonia\tcountry\tFR\tRepublic of Freedonia\tFreedonian\tFredville\n");
    REQUIRE(g.ok());
    CHECK((*g)->entry((*g)->Find("Republic of Freedonia")).name == "Freedonia");
    CHECK((*g)->entry((*g)->Find("Fredville")).capital);
  }
  SECTION("a newer version is refused") {
    auto g = FromText("# kg-gazetteer countries v2\n");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().code() == StatusCode::kUnsupported);
    CHECK(g.status().message().find("version 2") != std::string::npos);
  }
  SECTION("an unknown section is refused") {
    auto g = FromText("# kg-gazetteer planets v1\nMars\n");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message().find("unknown gazetteer section 'planets'") != std::string::npos);
  }
  SECTION("a missing header is refused") {
    auto g = FromText("Freedonia\tcountry\tFR\t-\t-\t-\n");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message().find("test.tsv:1") != std::string::npos);
  }
  SECTION("a short line names its line") {
    auto g = FromText("# kg-gazetteer countries v1\n# comment\n\nFreedonia\tcountry\n");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message().find("test.tsv:4") != std::string::npos);
    CHECK(g.status().message().find("expected 6") != std::string::npos);
  }
  SECTION("a link to an unknown country is refused") {
    auto g = FromText("# kg-gazetteer cities v1\nFredville\tFreedonia\t-\n");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message().find("'Freedonia'") != std::string::npos);
  }
  SECTION("a missing directory is NotFound") {
    auto g = Gazetteer::LoadDir("/nonexistent/gazetteer");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().code() == StatusCode::kNotFound);
  }
}

TEST_CASE("TitleLexicon: titles before names become roles", "[extract][ner]") {
  auto titles = TitleLexicon::LoadDir(kg::testing::SourceDir() + "/data/gazetteer");
  REQUIRE(titles.ok());
  auto role = [&](const std::string& text, int name_begin) {
    const std::vector<Token> tokens = Words(text);
    return (*titles)->MatchBefore(tokens, FoldTokens(tokens), name_begin);
  };
  SECTION("portfolio and head") {
    const RoleMatch r = role("US Defence Secretary Pete Hegseth", 3);
    CHECK(r.begin == 1);
    CHECK(r.role == "defence secretary");
    CHECK(r.predicate == "secretary_of");
  }
  SECTION("multi-word heads and modifiers") {
    CHECK(role("Press Secretary Karoline Leavitt", 2).predicate == "spokesperson_for");
    const RoleMatch r = role("former Prime Minister Ana Ruiz", 3);
    CHECK(r.begin == 0);
    CHECK(r.role == "former prime minister");
    CHECK(r.predicate == "prime_minister_of");
  }
  SECTION("head of portfolio") {
    const RoleMatch r = role("Secretary of State Ana Ruiz", 3);
    CHECK(r.begin == 0);
    CHECK(r.role == "secretary of state");
  }
  SECTION("honorifics carry no role") {
    const RoleMatch r = role("Mr. Ruiz", 1);
    CHECK(r.begin == 0);
    CHECK(r.predicate.empty());
  }
  SECTION("no title") { CHECK(role("yesterday Ana Ruiz", 1).begin == -1); }
  SECTION("a long title whose last words are no title of their own") {
    std::istringstream in("# kg-gazetteer titles v1\nlord high admiral\thead\tadmiral_of\n");
    auto t = TitleLexicon::Load(in, "titles.tsv");
    REQUIRE(t.ok());
    const std::vector<Token> tokens = Words("then Lord High Admiral Ana Ruiz");
    const RoleMatch r = (*t)->MatchBefore(tokens, FoldTokens(tokens), 4);
    CHECK(r.begin == 1);
    CHECK(r.predicate == "admiral_of");
    const std::vector<Token> other = Words("then Low High Admiral Ana Ruiz");
    CHECK((*t)->MatchBefore(other, FoldTokens(other), 4).begin == -1);
  }
  SECTION("a newer file version is refused") {
    std::istringstream in("# kg-gazetteer titles v9\n");
    auto t = TitleLexicon::Load(in, "titles.tsv");
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().code() == StatusCode::kUnsupported);
  }
  SECTION("a head without a predicate is refused") {
    std::istringstream in("# kg-gazetteer titles v1\nsheriff\thead\t-\n");
    auto t = TitleLexicon::Load(in, "titles.tsv");
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message().find("titles.tsv:2") != std::string::npos);
  }
}
