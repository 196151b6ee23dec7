// Regression guard for the committed NER model: the recognizer's micro F1 on the
// Universal NER English-EWT dev file (gold tokens, POS from the committed analysis
// models, gazetteer on) must stay within 0.5 points of the figure `kg train ner`
// recorded in the model (metadata "dev_f1").
#include <catch2/catch.hpp>

#include <string>

#include "extract/document.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/ner/ner_corpus.h"
#include "extract/ner/ner_evaluation.h"
#include "extract/ner/ner_tagger.h"
#include "extract/syntax/analyzer.h"
#include "tests/test_util.h"

using namespace kg::extract;

TEST_CASE("NER model: UNER dev F1 stays at the recorded figure", "[extract][ner][shared][slow]") {
  const std::string shared = kg::testing::RequireShared();
  const std::string models = kg::testing::SourceDir() + "/models";
  auto recognizer = EntityRecognizer::Load(models, kg::testing::SourceDir() + "/data");
  REQUIRE(recognizer.ok());
  const auto& meta = (*recognizer)->tagger()->metadata();
  REQUIRE(meta.count("dev_f1") == 1);
  const double recorded = std::stod(meta.at("dev_f1"));

  auto dev = ReadIob2File(shared + "/corpora/uner-english-ewt/en_ewt-ud-dev.iob2");
  REQUIRE(dev.ok());
  auto analyzer = Analyzer::Load(models);
  REQUIRE(analyzer.ok());
  std::vector<Sentence> sentences;
  std::vector<std::vector<NerSpan>> gold;
  for (const NerExample& ex : *dev) {
    Sentence s;
    s.tokens = ex.tokens;
    sentences.push_back(std::move(s));
    gold.push_back(ex.spans);
  }
  (*analyzer)->AnalyzeSentences(&sentences);
  for (size_t i = 0; i < sentences.size(); ++i) (*dev)[i].tokens = std::move(sentences[i].tokens);
  const NerScores scores = ScoreNer(gold, RecognizeExamples(**recognizer, *dev), {"PER", "ORG", "LOC"});
  INFO(scores.Format());
  CHECK(scores.micro.F1() >= recorded - 0.5);
}
