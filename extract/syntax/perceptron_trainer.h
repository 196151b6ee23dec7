#pragma once
// PerceptronTrainer: trains a multi-class averaged perceptron over sparse 64-bit
// features and freezes it into a LinearModel (averaged weights, tiny ones pruned).
// Used by the tagger and parser trainers. Not thread-safe.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "extract/syntax/linear_model.h"

namespace kg::extract {

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }
  // scores[c] += current (not averaged) weight of each feature for class c.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // Moves weights towards `truth` and away from `guess` by `step` (no-op if equal).
  void Update(const uint64_t* feats, size_t n, int truth, int guess, float step = 1.0f);
  // Advances the averaging clock by one training instance.
  void Tick() { ++clock_; }
  // The averaged weights; weights with |w| < prune are dropped.
  LinearModel Average(float prune) const;
  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double total;
    uint64_t stamp;
  };
  void Add(std::vector<Entry>& row, int cls, float delta);
  int num_classes_;
  uint64_t clock_ = 1;
  std::unordered_map<uint64_t, std::vector<Entry>> rows_;
};

}  // namespace kg::extract
