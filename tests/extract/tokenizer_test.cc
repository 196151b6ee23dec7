#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/text/tokenizer.h"

using kg::extract::Sentence;
using kg::extract::Tokenizer;
using kg::extract::TokenizerOptions;

namespace {

std::vector<std::string> Words(const std::string& text, TokenizerOptions options = {}) {
  std::vector<std::string> out;
  for (const Sentence& s : Tokenizer(options).Tokenize(text)) {
    for (const auto& t : s.tokens) out.push_back(t.text);
  }
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : Tokenizer().Tokenize(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Tokenizer: offsets point at the token text", "[extract]") {
  const std::string text = "  The U.S. Army’s “large-scale” drill—Gen. Smith said—ended.\n\nNext one!";
  const auto sentences = Tokenizer().Tokenize(text);
  REQUIRE(sentences.size() == 2);
  for (const auto& s : sentences) {
    for (const auto& t : s.tokens) {
      CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
      CHECK(t.begin >= s.begin);
      CHECK(t.end <= s.end);
    }
  }
  CHECK(sentences[0].tokens[0].begin == 2);
  CHECK(sentences[0].tokens[0].end == 5);
  CHECK(sentences[0].begin == 2);
  CHECK(sentences[1].tokens.back().text == "!");
  CHECK(sentences[1].end == text.size());
}

TEST_CASE("Tokenizer: abbreviations and initials keep their period", "[extract]") {
  CHECK(Words("Gen. Mark Milley met Mr. Lee in Washington, D.C. on Jan. 5.") ==
        V{"Gen.", "Mark", "Milley", "met", "Mr.", "Lee", "in", "Washington", ",", "D.C.", "on",
          "Jan.", "5", "."});
  CHECK(Words("J. R. Smith wrote it.") == V{"J.", "R.", "Smith", "wrote", "it", "."});
  SECTION("a sentence does not end after a title, initial or U.S. before a name") {
    CHECK(Sentences("The U.S. Defense Department and Dr. Ana B. Ruiz agreed.").size() == 1);
  }
  SECTION("but does end after U.S. followed by a sentence starter") {
    CHECK(Sentences("Troops left the U.S. The move was expected.") ==
          V{"Troops left the U.S.", "The move was expected."});
  }
  SECTION("and after a company abbreviation") {
    CHECK(Sentences("He works for Acme Inc. She does not.") ==
          V{"He works for Acme Inc.", "She does not."});
  }
}

TEST_CASE("Tokenizer: splits possessive 's and s' as EWT does", "[extract]") {
  CHECK(Words("Ukraine's drone strike") == V{"Ukraine", "'s", "drone", "strike"});
  CHECK(Words("Ukraine’s drone strike") == V{"Ukraine", "’s", "drone", "strike"});
  CHECK(Words("the ministers' session") == V{"the", "ministers", "'", "session"});
  CHECK(Words("the ministers’ session") == V{"the", "ministers", "’", "session"});
  SECTION("offsets of the clitic") {
    const auto s = Tokenizer().Tokenize("Iran’s plan");
    REQUIRE(s.size() == 1);
    REQUIRE(s[0].tokens.size() == 3);
    CHECK(s[0].tokens[0].end == 4);
    CHECK_FALSE(s[0].tokens[0].space_after);
    CHECK(s[0].tokens[1].begin == 4);
    CHECK(s[0].tokens[1].end == 8);  // curly apostrophe is 3 bytes
    CHECK(s[0].tokens[1].space_after);
  }
}

TEST_CASE("Tokenizer: contractions", "[extract]") {
  CHECK(Words("They don't know.") == V{"They", "do", "n't", "know", "."});
  CHECK(Words("It can't, won't, isn’t.") ==
        V{"It", "ca", "n't", ",", "wo", "n't", ",", "is", "n’t", "."});
  CHECK(Words("I'm sure we'll see, they've said.") ==
        V{"I", "'m", "sure", "we", "'ll", "see", ",", "they", "'ve", "said", "."});
  CHECK(Words("We cannot go.") == V{"We", "can", "not", "go", "."});
}

TEST_CASE("Tokenizer: quotes", "[extract]") {
  CHECK(Words("He said \"no.\"") == V{"He", "said", "\"", "no", ".", "\""});
  CHECK(Words("a “good conversation,” he said") ==
        V{"a", "“", "good", "conversation", ",", "”", "he", "said"});
  CHECK(Words("‘maybe’") == V{"‘", "maybe", "’"});
  SECTION("the closing quote belongs to the sentence it ends") {
    CHECK(Sentences("He said “yes.” Then he left.") == V{"He said “yes.”", "Then he left."});
    CHECK(Sentences("“Why?” he asked.").size() == 1);
  }
}

TEST_CASE("Tokenizer: hyphenated compounds stay whole", "[extract]") {
  CHECK(Words("the Trump-Putin call was a large-scale affair") ==
        V{"the", "Trump-Putin", "call", "was", "a", "large-scale", "affair"});
  SECTION("unless EWT-style splitting is asked for") {
    TokenizerOptions split;
    split.split_hyphens = true;
    CHECK(Words("the Trump-Putin call, a non-stop show", split) ==
          V{"the", "Trump", "-", "Putin", "call", ",", "a", "non-stop", "show"});
  }
}

TEST_CASE("Tokenizer: dashes", "[extract]") {
  CHECK(Words("the drill—a test—ended") == V{"the", "drill", "—", "a", "test", "—", "ended"});
  CHECK(Words("pages 10–20 -- roughly") == V{"pages", "10", "–", "20", "--", "roughly"});
  CHECK(Words("Kyiv – the capital") == V{"Kyiv", "–", "the", "capital"});
}

TEST_CASE("Tokenizer: numbers, money and dates", "[extract]") {
  CHECK(Words("It cost $1,250.50, up 3.5% on 2025-06-04.") ==
        V{"It", "cost", "$", "1,250.50", ",", "up", "3.5", "%", "on", "2025-06-04", "."});
  CHECK(Words("On June 4, 2025, at 10:30 the 1990s ended 6/4/2025") ==
        V{"On", "June", "4", ",", "2025", ",", "at", "10:30", "the", "1990s", "ended",
          "6/4/2025"});
  CHECK(Words("No. 5 won") == V{"No.", "5", "won"});
}

TEST_CASE("Tokenizer: URLs and e-mail addresses stay whole", "[extract]") {
  CHECK(Words("See https://example.org/a-b?x=1&y=2, or mail press@example.com.") ==
        V{"See", "https://example.org/a-b?x=1&y=2", ",", "or", "mail", "press@example.com",
          "."});
  CHECK(Words("(www.example.com)") == V{"(", "www.example.com", ")"});
}

TEST_CASE("Tokenizer: headings and blank lines end sentences", "[extract]") {
  const std::string text =
      "Diplomatic Stalemate\n\nTalks stalled on Monday. Both sides blamed each other\n\n"
      "Key Points\nThe envoy left early.";
  const auto s = Tokenizer().Tokenize(text);
  REQUIRE(s.size() == 5);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "Diplomatic Stalemate");
  CHECK(s[0].heading);
  CHECK_FALSE(s[1].heading);
  CHECK(text.substr(s[2].begin, s[2].end - s[2].begin) == "Both sides blamed each other");
  CHECK(text.substr(s[3].begin, s[3].end - s[3].begin) == "Key Points");
  CHECK(s[3].heading);
  CHECK(text.substr(s[4].begin, s[4].end - s[4].begin) == "The envoy left early.");
  CHECK_FALSE(s[4].heading);
  SECTION("a wrapped line continuing in lower case does not end the sentence") {
    CHECK(Sentences("The minister said that the\nagreement would hold.").size() == 1);
  }
}

TEST_CASE("Tokenizer: sentence-final punctuation", "[extract]") {
  CHECK(Sentences("Is it over? No! It goes on... Really.") ==
        V{"Is it over?", "No!", "It goes on...", "Really."});
  CHECK(Words("Wait...what?!") == V{"Wait", "...", "what", "?!"});
}

TEST_CASE("Tokenizer: empty, blank and odd input", "[extract]") {
  CHECK(Tokenizer().Tokenize("").empty());
  CHECK(Tokenizer().Tokenize(" \n\t\n ").empty());
  SECTION("invalid UTF-8 bytes stay inside a token") {
    const std::string text = "Caf\xE9 open";
    const auto s = Tokenizer().Tokenize(text);
    REQUIRE(s.size() == 1);
    REQUIRE(s[0].tokens.size() == 2);
    CHECK(s[0].tokens[0].text == "Caf\xE9");
  }
  SECTION("non-breaking spaces separate tokens") {
    CHECK(Words("President\xC2\xA0Trump") == V{"President", "Trump"});
  }
}

TEST_CASE("Tokenizer: a run without sentence punctuation is cut into bounded sentences", "[extract]") {
  std::string text;
  for (int i = 0; i < 600; ++i) text += (i % 100 == 99 ? "word, " : "word ");
  const auto sentences = Tokenizer().Tokenize(text);
  REQUIRE(sentences.size() >= 3);
  size_t tokens = 0;
  for (size_t k = 0; k < sentences.size(); ++k) {
    CHECK(sentences[k].tokens.size() <= 250);
    tokens += sentences[k].tokens.size();
    if (k + 1 < sentences.size()) {
      CHECK(sentences[k].tokens.back().text == ",");  // cut after a comma where there is one
      CHECK(sentences[k].end <= sentences[k + 1].begin);
    }
  }
  CHECK(tokens == 606);  // nothing lost
  TokenizerOptions unlimited;
  unlimited.max_sentence_tokens = 0;
  CHECK(Tokenizer(unlimited).Tokenize(text).size() == 1);
}

TEST_CASE("Tokenizer: deterministic", "[extract]") {
  const std::string text = "Mr. Putin’s forces—again—struck Kyiv’s U.S.-built depot. “No,” he said.";
  const auto a = Tokenizer().Tokenize(text);
  const auto b = Tokenizer().Tokenize(text);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].tokens.size() == b[i].tokens.size());
    for (size_t k = 0; k < a[i].tokens.size(); ++k) CHECK(a[i].tokens[k].begin == b[i].tokens[k].begin);
  }
}
