#include <catch2/catch.hpp>

#include "base/status.h"
#include "base/text.h"
#include "base/utf8.h"

using namespace kg::base;

TEST_CASE("FoldName: one key for spellings of one name", "[base]") {
  CHECK(FoldName("U.S.") == "us");
  CHECK(FoldName("US") == "us");
  CHECK(FoldName("the United States") == "united states");
  CHECK(FoldName("The White House") == "white house");
  CHECK(FoldName("Volodymyr  Zelensky") == "volodymyr zelensky");
  CHECK(FoldName("Zelenskyy\xE2\x80\x99s") == "zelenskyy's");
  CHECK(FoldName("Recep Tayyip Erdo\xC4\x9F" "an") == "recep tayyip erdogan");
  CHECK(FoldName("Fran\xC3\xA7ois Hollande") == "francois hollande");
  CHECK(FoldName("Trump-Putin") == "trump putin");
  CHECK(FoldName("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0") == "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
}

TEST_CASE("NameCase: names written in capitals, written as names", "[base]") {
  CHECK(NameCase("LAUSANNE") == "Lausanne");
  CHECK(NameCase("NEW YORK") == "New York");
  CHECK(NameCase("N'DJAMENA") == "N'Djamena");
  CHECK(NameCase("BRAS\xC3\x8DLIA") == "Bras\xC3\xADlia");
  CHECK(NameCase("PORT-AU-PRINCE") == "Port-Au-Prince");
  CHECK(NameCase("Kestrel Wire") == "Kestrel Wire");
}

TEST_CASE("MakeEntityId: stable ids from type and name", "[base]") {
  CHECK(MakeEntityId("PERSON", "Donald Trump") == "person:donald-trump");
  CHECK(MakeEntityId("GPE", "United States") == "gpe:united-states");
  CHECK(MakeEntityId("ORG", "Ukraine Defence Contact Group") == "org:ukraine-defence-contact-group");
  CHECK(MakeEntityId("PERSON", "Donald Trump") == MakeEntityId("PERSON", "donald  trump"));
}

TEST_CASE("AsciiLowerInto: the same as AsciiLower, reusing the buffer", "[base]") {
  std::string out = "a much longer previous content";
  for (const char* s : {"Zelenskyy\xE2\x80\x99S", "", "NATO-led", "x"}) {
    AsciiLowerInto(s, &out);
    CHECK(out == AsciiLower(s));
  }
}

TEST_CASE("FindInvalidUtf8: reports the first bad byte", "[base]") {
  CHECK_FALSE(FindInvalidUtf8("plain ascii").has_value());
  CHECK_FALSE(FindInvalidUtf8("curly \xE2\x80\x9Cquotes\xE2\x80\x9D").has_value());
  SECTION("a lone continuation byte") { CHECK(FindInvalidUtf8("ab\x80" "cd") == 2u); }
  SECTION("a truncated sequence") { CHECK(FindInvalidUtf8("abc\xE2\x80") == 3u); }
  SECTION("an overlong encoding") { CHECK(FindInvalidUtf8("\xC0\xAF") == 0u); }
  SECTION("a surrogate") { CHECK(FindInvalidUtf8("x\xED\xA0\x80") == 1u); }
}

TEST_CASE("CodePointIndex: byte to code point offsets", "[base]") {
  const std::string text = "a\xE2\x80\x99" "b\xC3\xA9" "c";  // a ’ b é c
  CodePointIndex index(text);
  CHECK(index.ToCodePoint(0) == 0);
  CHECK(index.ToCodePoint(1) == 1);
  CHECK(index.ToCodePoint(4) == 2);
  CHECK(index.ToCodePoint(5) == 3);
  CHECK(index.ToCodePoint(7) == 4);
  CHECK(index.ToCodePoint(text.size()) == 5);
  CHECK(CodePointCount(text) == 5);
}

TEST_CASE("Status and Result carry kinds and messages", "[base]") {
  Status s = Status::InvalidArgument("a.txt: the article is empty");
  CHECK_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.ToString() == "invalid argument: a.txt: the article is empty");
  CHECK(s.WithContext("ingest").message() == "ingest: a.txt: the article is empty");
  Result<int> r = 42;
  REQUIRE(r.ok());
  CHECK(*r == 42);
  Result<int> bad = Status::NotFound("x");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kNotFound);
  CHECK(StableHash64("kg") == StableHash64("kg"));
  CHECK(Hex64(0xabcULL) == "0000000000000abc");
}
