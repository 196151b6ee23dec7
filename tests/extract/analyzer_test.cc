#include <catch2/catch.hpp>
#include <sstream>
#include <thread>

#include "extract/syntax/analyzer.h"
#include "extract/syntax/conllu.h"
#include "tests/test_util.h"

using namespace kg::extract;

namespace {

// A short news-style text of our own.
constexpr const char* kText =
    "Border Talks Stall\n\n"
    "The rebels attacked the northern town of Varna on Tuesday, officials said. "
    "The defence minister refused to comment on the report.\n\n"
    "Both sides agreed to hold talks in Geneva next week.";

const Analyzer& Shared() {
  static auto analyzer = Analyzer::Load(kg::testing::SourceDir() + "/models");
  REQUIRE(analyzer.ok());
  return **analyzer;
}

std::string Conllu(const Document& doc) {
  std::ostringstream out;
  WriteConllu(doc, out);
  return out.str();
}

const Token* Find(const Sentence& s, const std::string& text) {
  for (const auto& t : s.tokens) {
    if (t.text == text) return &t;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Analyzer: tokens, tags, lemmas and trees of a news text", "[extract]") {
  const Document doc = Shared().Analyze(kText);
  REQUIRE(doc.sentences.size() == 4);
  CHECK(doc.sentences[0].heading);
  const Sentence& s = doc.sentences[1];
  const Token* attacked = Find(s, "attacked");
  const Token* rebels = Find(s, "rebels");
  REQUIRE(attacked);
  REQUIRE(rebels);
  CHECK(attacked->upos == "VERB");
  CHECK(attacked->lemma == "attack");
  CHECK(rebels->deprel == "nsubj");
  CHECK(&s.tokens[rebels->head] == attacked);
  const Token* town = Find(s, "town");
  REQUIRE(town);
  CHECK(town->deprel == "obj");
  CHECK(&s.tokens[town->head] == attacked);
  const Token* comment = Find(doc.sentences[2], "comment");
  REQUIRE(comment);
  CHECK(comment->upos == "VERB");
  CHECK(comment->deprel == "xcomp");
  const Token* agreed = Find(doc.sentences[3], "agreed");
  REQUIRE(agreed);
  CHECK(agreed->lemma == "agree");
  CHECK(agreed->head == -1);
  for (const auto& sent : doc.sentences) {
    for (const auto& t : sent.tokens) {
      CHECK(doc.text.substr(t.begin, t.end - t.begin) == t.text);
      CHECK_FALSE(t.upos.empty());
      CHECK_FALSE(t.deprel.empty());
    }
  }
}

TEST_CASE("Analyzer: deterministic and thread-safe", "[extract]") {
  const std::string expected = Conllu(Shared().Analyze(kText));
  CHECK(Conllu(Shared().Analyze(kText)) == expected);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 5; ++k) results[i] = Conllu(Shared().Analyze(kText));
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("Analyzer: pre-tokenised sentences", "[extract]") {
  std::vector<Sentence> sentences(1);
  for (const char* w : {"The", "envoy", "skipped", "the", "meeting", "."}) {
    Token t;
    t.text = w;
    sentences[0].tokens.push_back(t);
  }
  Shared().AnalyzeSentences(&sentences);
  const auto& t = sentences[0].tokens;
  CHECK(t[2].lemma == "skip");
  CHECK(t[2].head == -1);
  CHECK(t[1].head == 2);
  CHECK(t[1].deprel == "nsubj");
}

TEST_CASE("Analyzer: missing models are named", "[extract]") {
  kg::testing::TempDir dir;
  auto r = Analyzer::Load(dir.path().string());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("tagger.bin") != std::string::npos);
}
