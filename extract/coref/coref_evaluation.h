#pragma once
// Measures pronoun resolution against GUM's coreference annotation: for every third-person
// pronoun (he, his, she, it, they, …) whose gold chain contains a named mention before it,
// did the system resolve it to an entity one of whose name mentions is in that chain?
// Reads GUM documents as pairs dep/<doc>.conllu (tokens, sentences) and coref/<doc>.conll
// (bracketed mentions, same token order). Stateless functions.

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/document.h"
#include "extract/relations/referents.h"

namespace kg::extract {

struct CorefScore {
  int documents = 0;
  int evaluable = 0;  // gold pronouns with a named antecedent earlier in their chain
  int resolved = 0;   // of those, how many the system resolved to some entity
  int correct = 0;    // resolved to an entity named in the gold chain
  double Precision() const { return resolved ? static_cast<double>(correct) / resolved : 0.0; }
  double Recall() const { return evaluable ? static_cast<double>(correct) / evaluable : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// The system under test: given a document with gold tokens and sentences (tags and
// trees empty), analyse it and return its referents and references, names and pronouns.
using CorefSystem = std::function<ArticleReferents(Document* doc)>;

// The GUM document names of a split ("train", "dev", "test") listed in <gum_dir>/SPLITS.md.
base::Result<std::vector<std::string>> GumSplit(const std::string& gum_dir, const std::string& split);

// Scores `system` on the named GUM documents under `gum_dir`. When `errors` is given, one
// line per missed or wrong pronoun is appended ("doc: 'he' in <sentence>: gold X, got Y").
base::Result<CorefScore> EvaluateGumPronouns(const std::string& gum_dir, const std::vector<std::string>& docs,
                                             const CorefSystem& system, std::vector<std::string>* errors = nullptr);

}  // namespace kg::extract
