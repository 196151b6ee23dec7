#include <catch2/catch.hpp>

#include <sstream>

#include "extract/ner/ner_corpus.h"
#include "extract/ner/ner_evaluation.h"
#include "extract/ner/ner_features.h"
#include "extract/ner/ner_labels.h"
#include "extract/ner/ner_tagger.h"
#include "extract/ner/ner_trainer.h"
#include "tests/extract/ner_test_util.h"
#include "tests/test_util.h"

using namespace kg::extract;
using kg::base::StatusCode;
using kg::testing::Bracketed;
using kg::testing::TrainToyTagger;

namespace {

const std::vector<std::string> kToySentences = {
    "[PER Ana Ruiz] met [PER Tom Baker] in [LOC Lisbon] .",
    "[PER Tom Baker] works for [ORG Acme Group] .",
    "[ORG Acme Group] opened an office in [LOC Porto] .",
    "the minister [PER Ana Ruiz] visited [LOC Lisbon] .",
    "[PER Ruiz] said the talks went well .",
    "shares of [ORG Acme Group] fell in [LOC Porto] .",
    "nobody came to the meeting .",
    "[PER Baker] called [PER Ruiz] from [LOC Lisbon] .",
};

std::vector<NerSpan> TagText(const NerTagger& tagger, const std::string& text) {
  const NerExample ex = Bracketed(text);
  return TagExamples(tagger, nullptr, nullptr, {ex}).front();
}

}  // namespace

TEST_CASE("NerLabels: BILOU and IOB2 spans", "[extract][ner]") {
  SECTION("IOB2 spans, with an I- after O starting a span") {
    const auto spans = SpansFromIob2({"B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"});
    REQUIRE(spans.size() == 4);
    CHECK(spans[0] == NerSpan{0, 2, "PER"});
    CHECK(spans[1] == NerSpan{3, 4, "LOC"});
    CHECK(spans[2] == NerSpan{4, 5, "ORG"});
    CHECK(spans[3] == NerSpan{5, 7, "ORG"});
    CHECK(Iob2FromSpans(spans, 7) ==
          std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC", "B-ORG", "B-ORG", "I-ORG"});
  }
  SECTION("BILOU round trip") {
    const std::vector<NerSpan> spans = {{0, 1, "PER"}, {2, 5, "ORG"}, {5, 7, "LOC"}};
    const std::vector<int> labels = BilouFromSpans(spans, 8);
    CHECK(BilouName(labels[0]) == "U-PER");
    CHECK(BilouName(labels[2]) == "B-ORG");
    CHECK(BilouName(labels[3]) == "I-ORG");
    CHECK(BilouName(labels[4]) == "L-ORG");
    CHECK(SpansFromBilou(labels) == spans);
  }
  SECTION("BILOU constraints") {
    const int b_per = BilouLabel(BilouPart::kB, 0), i_per = BilouLabel(BilouPart::kI, 0);
    const int l_org = BilouLabel(BilouPart::kL, 1);
    CHECK(BilouAllowed(b_per, i_per));
    CHECK_FALSE(BilouAllowed(b_per, l_org));
    CHECK_FALSE(BilouAllowed(-1, i_per));
    CHECK_FALSE(BilouAllowed(0, i_per));
    CHECK_FALSE(BilouCanEnd(b_per));
  }
}

TEST_CASE("NerTagger: trains, tags, and round-trips through its file", "[extract][ner]") {
  auto tagger = TrainToyTagger(kToySentences);
  REQUIRE(tagger);
  SECTION("it learned its sentences") {
    CHECK(TagText(*tagger, "[PER Ana Ruiz] met [PER Tom Baker] in [LOC Lisbon] .") ==
          std::vector<NerSpan>{{0, 2, "PER"}, {3, 5, "PER"}, {6, 7, "LOC"}});
    CHECK(TagText(*tagger, "nobody came to the meeting .").empty());
  }
  SECTION("save, load, save again: the same bytes and the same tags") {
    std::stringstream first;
    REQUIRE(tagger->Save(first).ok());
    auto loaded = NerTagger::Load(first, "toy.bin");
    REQUIRE(loaded.ok());
    std::stringstream second;
    REQUIRE((*loaded)->Save(second).ok());
    CHECK(second.str() == first.str());
    CHECK((*loaded)->options().Bits() == tagger->options().Bits());
    CHECK((*loaded)->feature_count() == tagger->feature_count());
    for (const std::string& s : kToySentences) CHECK(TagText(**loaded, s) == TagText(*tagger, s));
  }
  SECTION("training is deterministic") {
    auto again = TrainToyTagger(kToySentences);
    std::stringstream a, b;
    REQUIRE(tagger->Save(a).ok());
    REQUIRE(again->Save(b).ok());
    CHECK(a.str() == b.str());
  }
  SECTION("bad model files get clear errors") {
    std::stringstream good;
    REQUIRE(tagger->Save(good).ok());
    const std::string bytes = good.str();
    auto load = [](const std::string& data) {
      std::istringstream in(data);
      return NerTagger::Load(in, "ner.bin");
    };
    auto wrong = load("not a model at all");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.status().message().find("ner.bin") != std::string::npos);

    std::ostringstream newer;
    ModelWriter writer(newer);
    writer.Header(NerTagger::kFormat, NerTagger::kVersion + 1, {});
    REQUIRE(writer.Finish().ok());
    auto refused = load(newer.str());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == StatusCode::kUnsupported);
    CHECK(refused.status().message().find("newer") != std::string::npos);

    std::ostringstream other;
    ModelWriter other_writer(other);
    other_writer.Header("kg-pos-tagger", 1, {});
    REQUIRE(other_writer.Finish().ok());
    auto other_format = load(other.str());
    REQUIRE_FALSE(other_format.ok());
    CHECK(other_format.status().message().find("kg-ner-tagger") != std::string::npos);

    auto truncated = load(bytes.substr(0, bytes.size() - 20));
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.status().code() == StatusCode::kCorruption);

    std::string trailing = bytes + "xx";
    CHECK_FALSE(load(trailing).ok());

    auto missing = NerTagger::LoadFile("/nonexistent/ner.bin");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.status().code() == StatusCode::kNotFound);
  }
}

TEST_CASE("NerCorpus: IOB2 files", "[extract][ner]") {
  SECTION("UNER layout, other types to O") {
    std::istringstream in(
        "# newdoc id = d1\n# sent_id = s1\n1\tAmerican\tB-OTH\t-\tx\n2\tforces\tO\n3\tleft\tO\n4\tSaigon\tB-LOC\t-\tx\n"
        "5\t.\tB-O\t-\tx\n\n# sent_id = s2\n1\tAna\tB-PER\n2\tRuiz\tI-PER\n");
    auto ex = ReadIob2(in, "test.iob2");
    REQUIRE(ex.ok());
    REQUIRE(ex->size() == 2);
    CHECK((*ex)[0].sent_id == "s1");
    CHECK((*ex)[0].doc_id == "d1");
    CHECK((*ex)[0].spans == std::vector<NerSpan>{{3, 4, "LOC"}});
    CHECK((*ex)[1].spans == std::vector<NerSpan>{{0, 2, "PER"}});
    CHECK((*ex)[1].tokens[1].begin == 4);
  }
  SECTION("two columns") {
    std::istringstream in("Acme B-ORG\nGroup I-ORG\nfell O\n");
    auto ex = ReadIob2(in, "two.iob2");
    REQUIRE(ex.ok());
    CHECK((*ex)[0].spans == std::vector<NerSpan>{{0, 2, "ORG"}});
  }
  SECTION("a bad label names its line") {
    std::istringstream in("1\tAcme\tB-ORG\n2\tGroup\tX-ORG\n");
    auto ex = ReadIob2(in, "bad.iob2");
    REQUIRE_FALSE(ex.ok());
    CHECK(ex.status().message().find("bad.iob2:2") != std::string::npos);
  }
  SECTION("GUM entities become named spans") {
    auto ex = ReadGumConllu(kg::testing::TestData("ner/gum-sample.conllu"), nullptr);
    REQUIRE(ex.ok());
    REQUIRE(ex->size() == 2);
    // "the Harbour Trust of Lisbon": the organisation trimmed of "the"; the city nested
    // inside it is not a second span; "the old town" has no proper noun.
    CHECK((*ex)[0].spans == std::vector<NerSpan>{{2, 6, "ORG"}});
    CHECK((*ex)[1].spans == std::vector<NerSpan>{{0, 2, "PER"}, {4, 5, "LOC"}});
  }
}

TEST_CASE("NerEvaluation: exact span match per type and micro", "[extract][ner]") {
  const std::vector<std::vector<NerSpan>> gold = {{{0, 2, "PER"}, {3, 4, "LOC"}}, {{0, 1, "ORG"}}};
  const std::vector<std::vector<NerSpan>> pred = {{{0, 2, "PER"}, {3, 5, "LOC"}}, {{0, 1, "PER"}}};
  const NerScores s = ScoreNer(gold, pred, {"PER", "ORG", "LOC"});
  CHECK(s.per_type[0].correct == 1);
  CHECK(s.per_type[0].predicted == 2);
  CHECK(s.per_type[0].Precision() == Approx(50.0));
  CHECK(s.per_type[1].Recall() == Approx(0.0));
  CHECK(s.per_type[2].correct == 0);
  CHECK(s.micro.gold == 3);
  CHECK(s.micro.correct == 1);
  CHECK(s.micro.F1() == Approx(100.0 / 3));
  CHECK(s.Format().find("micro") != std::string::npos);
}
