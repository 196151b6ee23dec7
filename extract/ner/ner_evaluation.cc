#include "extract/ner/ner_evaluation.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

namespace kg::extract {

NerScores ScoreNer(const std::vector<std::vector<NerSpan>>& gold, const std::vector<std::vector<NerSpan>>& predicted,
                   const std::vector<std::string>& types) {
  assert(gold.size() == predicted.size());
  NerScores scores;
  scores.micro.type = "micro";
  for (const std::string& t : types) scores.per_type.push_back({t});
  auto index = [&](const std::string& type) {
    for (size_t i = 0; i < types.size(); ++i) {
      if (types[i] == type) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t s = 0; s < gold.size(); ++s) {
    for (const NerSpan& g : gold[s]) {
      const int t = index(g.type);
      if (t < 0) continue;
      ++scores.per_type[t].gold;
      if (std::find(predicted[s].begin(), predicted[s].end(), g) != predicted[s].end()) ++scores.per_type[t].correct;
    }
    for (const NerSpan& p : predicted[s]) {
      const int t = index(p.type);
      if (t >= 0) ++scores.per_type[t].predicted;
    }
  }
  for (const NerCounts& c : scores.per_type) {
    scores.micro.gold += c.gold;
    scores.micro.predicted += c.predicted;
    scores.micro.correct += c.correct;
  }
  return scores;
}

std::string NerScores::Format() const {
  std::string out = "type      gold   pred  correct  precision  recall     F1\n";
  char line[160];
  auto row = [&](const NerCounts& c) {
    std::snprintf(line, sizeof(line), "%-7s %6d %6d %8d %10.2f %7.2f %6.2f\n", c.type.c_str(), c.gold, c.predicted,
                  c.correct, c.Precision(), c.Recall(), c.F1());
    out += line;
  };
  for (const NerCounts& c : per_type) row(c);
  row(micro);
  return out;
}

}  // namespace kg::extract
