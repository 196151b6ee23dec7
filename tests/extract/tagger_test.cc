#include <catch2/catch.hpp>
#include <sstream>

#include "extract/syntax/conllu.h"
#include "extract/syntax/pos_tagger.h"
#include "tests/test_util.h"

using namespace kg::extract;

namespace {

std::vector<Sentence> Tiny() {
  auto tb = ReadConlluFile(kg::testing::TestData("nlp/tiny.conllu"));
  REQUIRE(tb.ok());
  std::vector<Sentence> out;
  for (auto& cs : *tb) out.push_back(cs.sentence);
  return out;
}

std::string Tags(const PosTagger& tagger, std::vector<Sentence> sentences) {
  std::string out;
  for (auto& s : sentences) {
    tagger.Tag(&s);
    for (const auto& t : s.tokens) out += t.text + "/" + t.upos + "/" + t.xpos + " ";
  }
  return out;
}

std::unique_ptr<PosTagger> TrainTiny() {
  TaggerTrainOptions o;
  o.epochs = 8;
  o.metadata["dev_upos"] = "12.34";
  return PosTagger::Train(Tiny(), o);
}

}  // namespace

TEST_CASE("PosTagger: learns a tiny treebank", "[extract]") {
  auto tagger = TrainTiny();
  auto sentences = Tiny();
  size_t right = 0, total = 0;
  for (auto s : sentences) {
    const Sentence gold = s;
    tagger->Tag(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      right += s.tokens[i].upos == gold.tokens[i].upos && s.tokens[i].xpos == gold.tokens[i].xpos;
      ++total;
    }
  }
  CHECK(right >= total * 95 / 100);
  SECTION("an unseen capitalised word after 'the' is not a verb") {
    Sentence s;
    for (const char* w : {"The", "Zorbian", "envoy", "attacked", "the", "town", "."}) {
      Token t;
      t.text = w;
      s.tokens.push_back(t);
    }
    tagger->Tag(&s);
    CHECK(s.tokens[3].upos == "VERB");
    CHECK(s.tokens[6].upos == "PUNCT");
  }
}

TEST_CASE("PosTagger: save/load round trip keeps tags and metadata", "[extract]") {
  auto tagger = TrainTiny();
  std::stringstream buf;
  REQUIRE(tagger->Save(buf).ok());
  auto loaded = PosTagger::Load(buf, "mem");
  REQUIRE(loaded.ok());
  CHECK(Tags(**loaded, Tiny()) == Tags(*tagger, Tiny()));
  CHECK((*loaded)->metadata().at("dev_upos") == "12.34");
  SECTION("training is deterministic") {
    std::stringstream again;
    REQUIRE(TrainTiny()->Save(again).ok());
    CHECK(again.str() == buf.str());
  }
}

TEST_CASE("PosTagger: refuses bad model files", "[extract]") {
  std::stringstream buf;
  REQUIRE(TrainTiny()->Save(buf).ok());
  const std::string bytes = buf.str();
  const size_t version_at = 4 + 4 + std::string(PosTagger::kFormat).size();
  SECTION("newer version") {
    std::string b = bytes;
    b[version_at] = static_cast<char>(PosTagger::kVersion + 1);
    std::istringstream in(b);
    auto r = PosTagger::Load(in, "new.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("newer than this kg supports") != std::string::npos);
    CHECK(r.status().message().find("new.bin") != std::string::npos);
  }
  SECTION("older version") {
    std::string b = bytes;
    b[version_at] = 0;
    std::istringstream in(b);
    auto r = PosTagger::Load(in, "old.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("retrain") != std::string::npos);
  }
  SECTION("another format") {
    std::string b = bytes;
    b[8] = 'X';
    std::istringstream in(b);
    auto r = PosTagger::Load(in, "other.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("expected a 'kg-pos-tagger' model") != std::string::npos);
  }
  SECTION("not a model") {
    std::istringstream in("hello world, not a model");
    auto r = PosTagger::Load(in, "text.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("not a kg model file") != std::string::npos);
  }
  SECTION("truncated anywhere") {
    for (size_t cut : {size_t{0}, size_t{3}, version_at + 2, bytes.size() / 3, bytes.size() / 2,
                       bytes.size() - 5, bytes.size() - 1}) {
      std::istringstream in(bytes.substr(0, cut));
      auto r = PosTagger::Load(in, "cut.bin");
      INFO("cut at " << cut);
      REQUIRE_FALSE(r.ok());
    }
    std::istringstream in(bytes.substr(0, bytes.size() - 1));
    CHECK(PosTagger::Load(in, "cut.bin").status().message().find("truncated") != std::string::npos);
  }
  SECTION("trailing garbage") {
    std::istringstream in(bytes + "xyz");
    CHECK_FALSE(PosTagger::Load(in, "long.bin").ok());
  }
  SECTION("missing file") {
    auto r = PosTagger::LoadFile("/nonexistent/tagger.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("/nonexistent/tagger.bin") != std::string::npos);
  }
}

TEST_CASE("PosTagger: the second pass trains, saves and loads", "[extract]") {
  TaggerTrainOptions o;
  o.epochs = 5;
  o.second_pass_folds = 2;
  auto tagger = PosTagger::Train(Tiny(), o);
  std::stringstream buf;
  REQUIRE(tagger->Save(buf).ok());
  std::stringstream one_pass;
  REQUIRE(TrainTiny()->Save(one_pass).ok());
  CHECK(buf.str().size() > one_pass.str().size());  // a second weight table is stored
  auto loaded = PosTagger::Load(buf, "mem");
  REQUIRE(loaded.ok());
  const std::string tags = Tags(**loaded, Tiny());
  CHECK(tags == Tags(*tagger, Tiny()));
  CHECK(tags.find("attacked/VERB/VBD") != std::string::npos);
}

TEST_CASE("PosTagger: TagAll tags as Tag does sentence by sentence", "[extract]") {
  TaggerTrainOptions o;
  o.epochs = 5;
  o.second_pass_folds = 2;
  auto tagger = PosTagger::Train(Tiny(), o);
  // Enough sentences for several blocks, with an empty one among them.
  std::vector<Sentence> all;
  for (int copy = 0; copy < 200; ++copy) {
    for (const Sentence& s : Tiny()) all.push_back(s);
  }
  all.insert(all.begin() + 1, Sentence());
  std::vector<Sentence> one_by_one = all;
  tagger->TagAll(&all);
  for (auto& s : one_by_one) tagger->Tag(&s);
  REQUIRE(all.size() > 600);
  std::string batch, single;
  for (size_t k = 0; k < all.size(); ++k) {
    for (const auto& t : all[k].tokens) batch += t.text + "/" + t.upos + "/" + t.xpos + " ";
    for (const auto& t : one_by_one[k].tokens) single += t.text + "/" + t.upos + "/" + t.xpos + " ";
  }
  CHECK(batch == single);
  CHECK(batch.find("attacked/VERB/VBD") != std::string::npos);
}
