#include "storage/name_keys.h"

#include <catch2/catch.hpp>

namespace kg::storage {
namespace {

TEST_CASE("NameKeys: strips honorifics and office titles from person names", "[storage]") {
  CHECK(StripPersonTitles("President Donald Trump") == "Donald Trump");
  CHECK(StripPersonTitles("Mr. Putin") == "Putin");
  CHECK(StripPersonTitles("Secretary of State Marco Rubio") == "Marco Rubio");
  CHECK(StripPersonTitles("Prime Minister Keir Starmer") == "Keir Starmer");
  CHECK(StripPersonTitles("President-elect Lee") == "Lee");
  CHECK(StripPersonTitles("Donald Trump") == "Donald Trump");
  CHECK(StripPersonTitles("President") == "President");  // keeps at least one word
  // A country before the title is not a title: the extractor strips such phrases.
  CHECK(StripPersonTitles("US President Donald Trump") == "US President Donald Trump");
}

TEST_CASE("NameKeys: surnames skip suffixes and need two words", "[storage]") {
  CHECK(Surname("Donald Trump") == "trump");
  CHECK(Surname("Martin Luther King Jr.") == "king");
  CHECK(Surname("Sinéad O'Connor") == "oconor");  // doubled letters made single
  CHECK(Surname("Trump").empty());
}

TEST_CASE("NameKeys: acronyms and initials", "[storage]") {
  CHECK(IsAcronym("NATO"));
  CHECK(IsAcronym("U.S."));
  CHECK(IsAcronym("EU"));
  CHECK_FALSE(IsAcronym("Nato"));
  CHECK_FALSE(IsAcronym("A"));
  CHECK_FALSE(IsAcronym("ABCDEFG"));
  CHECK_FALSE(IsAcronym("UN Security Council"));
  CHECK(Initials("North Atlantic Treaty Organization") == "nato");
  CHECK(Initials("United States of America") == "usa");
  CHECK(Initials("Organization of the Petroleum Exporting Countries") == "opec");
  CHECK(Initials("Ukraine Defence Contact Group") == "udcg");
  CHECK(Initials("Trans-Pacific Partnership") == "tpp");
  CHECK(Initials("Russia").empty());
}

TEST_CASE("NameKeys: the name key is the slug of the folded name", "[storage]") {
  CHECK(NameKey("The U.S.") == "us");
  CHECK(NameKey("Zelenskyy’s") == "zelenskys");
  CHECK(NameKey("Volodymyr Zelenskyy") == NameKey("Volodymyr Zelensky"));
  CHECK(NameKey("Gaddafi") != NameKey("Qaddafi"));
  CHECK(NameKey("Donald  TRUMP") == "donald-trump");
  CHECK(NameKey(" -- ").empty());
  CHECK(FoldedWords("The U.S. Navy") == std::vector<std::string>{"us", "navy"});
}

}  // namespace
}  // namespace kg::storage
