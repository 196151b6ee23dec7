// Inputs at the edges of what the relation extractor reads: sentences that end in the
// middle of a construction (cut long runs, headings ending in a comma).

#include <catch2/catch.hpp>

#include "extract/relations/event_lexicon.h"
#include "extract/relations/relation_extractor.h"
#include "tests/extract/relation_fixture.h"
#include "tests/test_util.h"

using namespace kg::extract;
using kg::testing::RelationFixture;

TEST_CASE("RelationExtractor: a sentence ending in 'NAME ,' reads no token past its end", "[extract][relations]") {
  auto lexicon = EventLexicon::LoadFromDir(kg::testing::SourceDir() + "/data");
  REQUIRE(lexicon.ok());
  RelationFixture f;
  f.Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tinvited\tinvite\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tAnna\tAnna\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tSmith\tSmith\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
      "5\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n\n");
  const int oslo = f.Add("Oslo", ReferentKind::kGpe);
  const int smith = f.Add("Anna Smith", ReferentKind::kPerson);
  f.Ref(0, 0, 1, {oslo});
  f.Ref(0, 2, 4, {smith});
  const auto rels = RelationExtractor(*lexicon).Extract(f.doc, f.refs);
  CHECK(kg::testing::Find(rels, oslo, smith, {"invite"}).size() == 1);
}
