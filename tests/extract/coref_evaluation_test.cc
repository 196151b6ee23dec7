#include "extract/coref/coref_evaluation.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

using namespace kg::extract;

TEST_CASE("CorefEvaluation: scores pronouns against GUM-style chains", "[extract][coref]") {
  const std::string gum = kg::testing::TestData("coref/gum");
  auto test = GumSplit(gum, "test");
  REQUIRE(test.ok());
  REQUIRE(*test == std::vector<std::string>{"doc_b"});
  // A system that names Maria Lopez and Tom, resolves "She" right and "he" wrong.
  CorefSystem system = [](Document* doc) {
    REQUIRE(doc->sentences.size() == 2);
    CHECK(doc->sentences[1].tokens[0].upos.empty());  // the system sees tokens only
    ArticleReferents refs;
    refs.referents.resize(2);
    refs.references.push_back({0, 0, 2, {0}, ReferenceSource::kName});
    refs.references.push_back({1, 2, 3, {1}, ReferenceSource::kName});
    refs.references.push_back({1, 0, 1, {0}, ReferenceSource::kPronoun});
    refs.references.push_back({1, 4, 5, {0}, ReferenceSource::kPronoun});
    return refs;
  };
  auto score = EvaluateGumPronouns(gum, *test, system);
  REQUIRE(score.ok());
  CHECK(score->documents == 1);
  CHECK(score->evaluable == 2);
  CHECK(score->resolved == 2);
  CHECK(score->correct == 1);
  CHECK(score->Precision() == Approx(0.5));
  SECTION("an unknown split is an error") { CHECK_FALSE(GumSplit(gum, "dev").ok()); }
}
