#include <catch2/catch.hpp>
#include <array>
#include <sstream>

#include "extract/syntax/conllu.h"
#include "extract/syntax/lemmatizer.h"
#include "tests/test_util.h"

using namespace kg::extract;

namespace {

std::unique_ptr<Lemmatizer> TrainTiny() {
  auto tb = ReadConlluFile(kg::testing::TestData("nlp/tiny.conllu"));
  REQUIRE(tb.ok());
  std::vector<Sentence> sentences;
  for (auto& cs : *tb) sentences.push_back(cs.sentence);
  return Lemmatizer::Train(sentences, {{"note", "tiny"}});
}

}  // namespace

TEST_CASE("Lemmatizer: known words by lookup", "[extract]") {
  auto lem = TrainTiny();
  CHECK(lem->Lemma("attacked", "VERB", "VBD") == "attack");
  CHECK(lem->Lemma("held", "VERB", "VBD") == "hold");
  CHECK(lem->Lemma("talks", "NOUN", "NNS") == "talk");
  CHECK(lem->Lemma("n't", "PART", "RB") == "not");
  CHECK(lem->Lemma("Officials", "NOUN", "NNS") == "official");
  CHECK(lem->Feats("She", "PRON", "PRP").find("Gender=Fem") != std::string::npos);
}

TEST_CASE("Lemmatizer: rules for unseen words", "[extract]") {
  auto lem = TrainTiny();
  SECTION("a known lemma among the regular candidates wins") {
    CHECK(lem->Lemma("agreeing", "VERB", "VBG") == "agree");
    CHECK(lem->Lemma("skipping", "VERB", "VBG") == "skip");
    CHECK(lem->Lemma("refuses", "VERB", "VBZ") == "refuse");
    CHECK(lem->Lemma("attacks", "VERB", "VBZ") == "attack");
    CHECK(lem->Lemma("demanded", "VERB", "VBD") == "demand");
    CHECK(lem->Lemma("signing", "VERB", "VBG") == "sign");
  }
  SECTION("regular morphology otherwise") {
    CHECK(lem->Lemma("zapped", "VERB", "VBD") == "zap");
    CHECK(lem->Lemma("shelling", "VERB", "VBG") == "shell");
    CHECK(lem->Lemma("frazzled", "VERB", "VBN") == "frazzle");
    CHECK(lem->Lemma("negotiated", "VERB", "VBD") == "negotiate");
    CHECK(lem->Lemma("carried", "VERB", "VBD") == "carry");
    CHECK(lem->Lemma("bombing", "VERB", "VBG") == "bomb");
    CHECK(lem->Lemma("militias", "NOUN", "NNS") == "militia");
    CHECK(lem->Lemma("countries", "NOUN", "NNS") == "country");
    CHECK(lem->Lemma("marches", "NOUN", "NNS") == "march");
  }
  SECTION("proper nouns keep their form, others are lower-cased") {
    CHECK(lem->Lemma("Hegseth", "PROPN", "NNP") == "Hegseth");
    CHECK(lem->Lemma("Ceasefire", "NOUN", "NN") == "ceasefire");
    CHECK(lem->Lemma("1,250", "NUM", "CD") == "1,250");
  }
}

TEST_CASE("Lemmatizer: save/load round trip and bad files", "[extract]") {
  auto lem = TrainTiny();
  std::stringstream buf;
  REQUIRE(lem->Save(buf).ok());
  const std::string bytes = buf.str();
  auto loaded = Lemmatizer::Load(buf, "mem");
  REQUIRE(loaded.ok());
  CHECK((*loaded)->Lemma("zapped", "VERB", "VBD") == "zap");
  CHECK((*loaded)->Lemma("held", "VERB", "VBD") == "hold");
  CHECK((*loaded)->metadata().at("note") == "tiny");
  SECTION("newer version refused") {
    std::string b = bytes;
    b[4 + 4 + std::string(Lemmatizer::kFormat).size()] = static_cast<char>(Lemmatizer::kVersion + 1);
    std::istringstream in(b);
    auto r = Lemmatizer::Load(in, "new.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("newer") != std::string::npos);
  }
  SECTION("truncated refused") {
    std::istringstream in(bytes.substr(0, bytes.size() / 2));
    auto r = Lemmatizer::Load(in, "cut.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("cut.bin") != std::string::npos);
  }
}

TEST_CASE("Lemmatizer: a contracted 's or 'd before a participle is have", "[extract]") {
  auto lem = TrainTiny();
  for (const char* clitic : {"'s", "\xE2\x80\x99" "s", "'d", "\xE2\x80\x99" "d"}) {
    Sentence s;
    for (auto [w, upos, xpos] : std::vector<std::array<const char*, 3>>{
             {"It", "PRON", "PRP"}, {clitic, "AUX", "VBZ"}, {"already", "ADV", "RB"},
             {"held", "VERB", "VBN"}}) {
      Token t;
      t.text = w;
      t.upos = upos;
      t.xpos = xpos;
      s.tokens.push_back(t);
    }
    if (std::string(clitic).back() == 'd') s.tokens[1].xpos = "VBD";
    lem->Lemmatize(&s);
    INFO(clitic);
    CHECK(s.tokens[1].lemma == "have");
    CHECK(s.tokens[3].lemma == "hold");
  }
}
