#pragma once
// The expected graph of one of our test articles (tests/data/articles/NAME.expected.json)
// and how a produced graph measures up against it. The file uses the reference
// annotation format of ../shared/articles/*.gold.json (entities with key, type, grade,
// names; relations with subject, object, grade, symmetric, acceptable predicates) plus
// optional relation attributes (polarity, modality, event_date, attributed_to) and
// "not_entities": names that must not become entities. Matching follows score.py.

#include <string>
#include <vector>

#include "proto/kg.pb.h"

namespace kg::testing {

struct GradeCount {
  int found = 0;
  int total = 0;
};

struct ExpectedGraphReport {
  GradeCount entities_must, entities_should;
  GradeCount relations_must, relations_should, relations_may;
  int precision_correct = 0;  // relations between expected entities matching one expected
  int precision_total = 0;
  std::vector<std::string> missed;   // "must: russia -attack-> ukraine (modality INTENDED != FACTUAL)"
  std::vector<std::string> wrong;    // produced relations between expected entities matching none
  std::vector<std::string> junk;     // produced entities named like a not_entities entry
};

// Loads `expected_path` and compares `graph` with it. Fails the test (REQUIRE) when the
// file cannot be read.
ExpectedGraphReport CompareWithExpected(const std::string& expected_path, const proto::Graph& graph);

// score.py's name normalisation: lowercase, dots dropped, punctuation to spaces, no "the ".
std::string NormName(const std::string& name);
// score.py's predicate matching against a list of acceptable lemmas.
bool PredicateMatches(const std::string& predicate, const std::vector<std::string>& allowed);

}  // namespace kg::testing
