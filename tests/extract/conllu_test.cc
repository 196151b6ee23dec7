#include <catch2/catch.hpp>
#include <sstream>

#include "extract/syntax/conllu.h"
#include "extract/syntax/evaluation.h"
#include "tests/test_util.h"

using namespace kg::extract;

TEST_CASE("Conllu: reads words, trees, SpaceAfter and offsets", "[extract]") {
  auto tb = ReadConlluFile(kg::testing::TestData("nlp/tiny.conllu"));
  REQUIRE(tb.ok());
  REQUIRE(tb->size() == 8);
  const ConlluSentence& first = (*tb)[0];
  CHECK(first.sent_id == "tiny-1");
  CHECK(first.text == "The minister called the president.");
  const auto& t = first.sentence.tokens;
  REQUIRE(t.size() == 6);
  CHECK(t[2].text == "called");
  CHECK(t[2].lemma == "call");
  CHECK(t[2].upos == "VERB");
  CHECK(t[2].xpos == "VBD");
  CHECK(t[2].head == -1);
  CHECK(t[2].deprel == "root");
  CHECK(t[0].head == 1);
  CHECK_FALSE(t[4].space_after);
  CHECK(first.text.substr(t[4].begin, t[4].end - t[4].begin) == "president");
  CHECK(t[5].begin == t[4].end);
}

TEST_CASE("Conllu: multiword tokens and empty nodes", "[extract]") {
  const std::string text =
      "# text = I don't know\n"
      "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n"
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\n";
  auto tb = ParseConllu(text, "t.conllu");
  REQUIRE(tb.ok());
  REQUIRE(tb->size() == 1);
  const auto& s = (*tb)[0];
  REQUIRE(s.sentence.tokens.size() == 4);
  REQUIRE(s.multiword.size() == 1);
  CHECK(s.multiword[0].first == 1);
  CHECK(s.multiword[0].last == 2);
  CHECK_FALSE(s.sentence.tokens[1].space_after);
  CHECK(s.sentence.tokens[2].space_after);
  CHECK(s.sentence.tokens[2].begin == 4);
  CHECK(s.sentence.tokens[2].end == 7);
}

TEST_CASE("Conllu: malformed input names file and line", "[extract]") {
  SECTION("too few columns") {
    auto r = ParseConllu("1\tword\tword\n", "bad.conllu");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("bad.conllu:1") != std::string::npos);
    CHECK(r.status().message().find("10 tab-separated columns") != std::string::npos);
  }
  SECTION("ids out of order") {
    auto r = ParseConllu("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n",
                         "bad.conllu");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("bad.conllu:2: expected word id 2") != std::string::npos);
  }
  SECTION("head out of range") {
    auto r = ParseConllu("1\ta\ta\tX\tX\t_\t7\tdep\t_\t_\n\n", "bad.conllu");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("HEAD out of range") != std::string::npos);
  }
  SECTION("missing file") {
    auto r = ReadConlluFile("/nonexistent/x.conllu");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("/nonexistent/x.conllu") != std::string::npos);
  }
}

TEST_CASE("Conllu: write then read gives the same analysis", "[extract]") {
  auto tb = ReadConlluFile(kg::testing::TestData("nlp/tiny.conllu"));
  REQUIRE(tb.ok());
  std::vector<Sentence> sentences;
  for (const auto& cs : *tb) sentences.push_back(cs.sentence);
  std::ostringstream out;
  WriteConlluSentences(sentences, out);
  auto again = ParseConllu(out.str(), "written");
  REQUIRE(again.ok());
  std::vector<Sentence> reread;
  for (const auto& cs : *again) reread.push_back(cs.sentence);
  auto sc = ScoreAnalysis(sentences, reread);
  REQUIRE(sc.ok());
  CHECK(sc->upos == 100.0);
  CHECK(sc->lemma == 100.0);
  CHECK(sc->feats == 100.0);
  CHECK(sc->las == 100.0);
  CHECK((*again)[0].text == (*tb)[0].text);
}

TEST_CASE("Evaluation: LAS counts the universal label, segmentation F1", "[extract]") {
  auto tb = ReadConlluFile(kg::testing::TestData("nlp/tiny.conllu"));
  REQUIRE(tb.ok());
  std::vector<Sentence> gold;
  for (const auto& cs : *tb) gold.push_back(cs.sentence);
  auto pred = gold;
  pred[1].tokens[5].deprel = "obl";          // obl:tmod -> obl: still counts for LAS
  pred[0].tokens[4].deprel = "iobj";         // wrong label
  pred[0].tokens[0].head = 4;                // wrong head
  auto sc = ScoreAnalysis(gold, pred);
  REQUIRE(sc.ok());
  CHECK(sc->uas == Approx(100.0 * (sc->words - 1) / sc->words));
  CHECK(sc->las == Approx(100.0 * (sc->words - 2) / sc->words));
  SECTION("different words are refused") {
    pred[2].tokens[0].text = "Neither";
    CHECK_FALSE(ScoreAnalysis(gold, pred).ok());
  }
  SECTION("raw text rebuild and segmentation") {
    std::vector<Sentence> rebased;
    const std::string text = RebuildRawText(*tb, &rebased);
    CHECK(text.rfind("The minister called the president. Rebels attacked", 0) == 0);
    const auto perfect = ScoreSegmentation(rebased, rebased);
    CHECK(perfect.word_f1 == 100.0);
    CHECK(perfect.sentence_f1 == 100.0);
  }
}
