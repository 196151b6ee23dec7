#include <catch2/catch.hpp>
#include <sstream>

#include "extract/syntax/conllu.h"
#include "extract/syntax/dependency_parser.h"
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

std::unique_ptr<DependencyParser> TrainTiny(int epochs = 12) {
  ParserTrainOptions o;
  o.epochs = epochs;
  o.metadata["dev_las"] = "1.00";
  auto p = DependencyParser::Train(Tiny(), o);
  REQUIRE(p.ok());
  return std::move(*p);
}

// One root, every head in range, no cycles.
bool IsTree(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const int h = s.tokens[i].head;
    if (h == -1) {
      ++roots;
      if (s.tokens[i].deprel != "root") return false;
    } else if (h < 0 || h >= n || h == i || s.tokens[i].deprel == "root") {
      return false;
    }
    int x = i, steps = 0;
    while (x != -1 && steps++ <= n) x = s.tokens[x].head;
    if (x != -1) return false;
  }
  return roots == 1;
}

std::string Parses(const DependencyParser& p, std::vector<Sentence> sentences) {
  std::ostringstream out;
  for (auto& s : sentences) p.Parse(&s);
  WriteConlluSentences(sentences, out);
  return out.str();
}

}  // namespace

TEST_CASE("DependencyParser: learns a handful of sentences", "[extract]") {
  auto parser = TrainTiny();
  size_t right = 0, total = 0;
  for (auto s : Tiny()) {
    const Sentence gold = s;
    for (auto& t : s.tokens) {
      t.head = -7;
      t.deprel.clear();
    }
    parser->Parse(&s);
    CHECK(IsTree(s));
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      right += s.tokens[i].head == gold.tokens[i].head && s.tokens[i].deprel == gold.tokens[i].deprel;
      ++total;
    }
  }
  CHECK(right >= total * 9 / 10);
  SECTION("a new sentence of known shape") {
    Sentence s;
    for (auto [w, tag] : std::vector<std::pair<const char*, const char*>>{
             {"The", "DT"}, {"envoy", "NN"}, {"refused", "VBD"}, {"the", "DT"}, {"deal", "NN"}, {".", "."}}) {
      Token t;
      t.text = w;
      t.xpos = tag;
      s.tokens.push_back(t);
    }
    parser->Parse(&s);
    REQUIRE(IsTree(s));
    CHECK(s.tokens[2].head == -1);
    CHECK(s.tokens[1].head == 2);
    CHECK(s.tokens[1].deprel == "nsubj");
    CHECK(s.tokens[4].head == 2);
    CHECK(s.tokens[4].deprel == "obj");
  }
}

TEST_CASE("DependencyParser: always returns a tree", "[extract]") {
  auto parser = TrainTiny(3);
  for (int n : {1, 2, 5, 40}) {
    Sentence s;
    for (int i = 0; i < n; ++i) {
      Token t;
      t.text = i % 3 == 0 ? "," : "word" + std::to_string(i);
      t.xpos = i % 2 ? "UNSEEN-TAG" : "NN";
      s.tokens.push_back(t);
    }
    parser->Parse(&s);
    INFO("length " << n);
    CHECK(IsTree(s));
  }
  Sentence empty;
  parser->Parse(&empty);
  CHECK(empty.tokens.empty());
}

TEST_CASE("DependencyParser: training refuses data without trees", "[extract]") {
  Sentence s;
  Token a;
  a.text = "a";
  a.head = 0;  // its own head: malformed
  a.deprel = "dep";
  s.tokens.push_back(a);
  auto r = DependencyParser::Train({s}, ParserTrainOptions{});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("no well-formed dependency trees") != std::string::npos);
}

TEST_CASE("DependencyParser: save/load round trip, determinism, bad files", "[extract]") {
  auto parser = TrainTiny();
  std::stringstream buf;
  REQUIRE(parser->Save(buf).ok());
  const std::string bytes = buf.str();
  auto loaded = DependencyParser::Load(buf, "mem");
  REQUIRE(loaded.ok());
  CHECK(Parses(**loaded, Tiny()) == Parses(*parser, Tiny()));
  CHECK((*loaded)->metadata().at("dev_las") == "1.00");
  SECTION("same training, same bytes") {
    std::stringstream again;
    REQUIRE(TrainTiny()->Save(again).ok());
    CHECK(again.str() == bytes);
  }
  SECTION("newer version refused") {
    std::string b = bytes;
    b[4 + 4 + std::string(DependencyParser::kFormat).size()] =
        static_cast<char>(DependencyParser::kVersion + 1);
    std::istringstream in(b);
    auto r = DependencyParser::Load(in, "new.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("newer than this kg supports") != std::string::npos);
  }
  SECTION("a tagger file is not a parser") {
    std::string b = bytes;
    std::istringstream in(std::string("KGM\0", 4) + std::string("\x0d\0\0\0", 4) + "kg-pos-tagger" +
                          std::string("\x01\0\0\0", 4));
    auto r = DependencyParser::Load(in, "tagger.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("expected a 'kg-dependency-parser' model, found 'kg-pos-tagger'") !=
          std::string::npos);
  }
  SECTION("truncated refused") {
    for (size_t cut : {size_t{10}, bytes.size() / 4, bytes.size() / 2, bytes.size() - 2}) {
      std::istringstream in(bytes.substr(0, cut));
      INFO("cut at " << cut);
      CHECK_FALSE(DependencyParser::Load(in, "cut.bin").ok());
    }
  }
}
