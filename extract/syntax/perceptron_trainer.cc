#include "extract/syntax/perceptron_trainer.h"

#include <algorithm>
#include <cmath>

namespace kg::extract {

void PerceptronTrainer::Score(const uint64_t* feats, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    auto it = rows_.find(feats[i]);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::Add(std::vector<Entry>& row, int cls, float delta) {
  for (Entry& e : row) {
    if (e.cls == cls) {
      e.total += static_cast<double>(clock_ - e.stamp) * e.w;
      e.stamp = clock_;
      e.w += delta;
      return;
    }
  }
  row.push_back({static_cast<uint16_t>(cls), delta, 0.0, clock_});
}

void PerceptronTrainer::Update(const uint64_t* feats, size_t n, int truth, int guess,
                               float step) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    std::vector<Entry>& row = rows_[feats[i]];
    Add(row, truth, step);
    if (guess >= 0) Add(row, guess, -step);
  }
}

LinearModel PerceptronTrainer::Average(float prune) const {
  std::vector<uint64_t> keys;
  keys.reserve(rows_.size());
  for (const auto& [k, row] : rows_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  std::vector<uint64_t> out_keys;
  std::vector<uint32_t> starts{0};
  std::vector<uint16_t> cls;
  std::vector<float> weights;
  for (uint64_t k : keys) {
    std::vector<Entry> row = rows_.at(k);
    std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    size_t kept = 0;
    for (const Entry& e : row) {
      const double total = e.total + static_cast<double>(clock_ - e.stamp) * e.w;
      const float avg = static_cast<float>(total / static_cast<double>(clock_));
      if (std::fabs(avg) < prune) continue;
      cls.push_back(e.cls);
      weights.push_back(avg);
      ++kept;
    }
    if (kept == 0) continue;
    out_keys.push_back(k);
    starts.push_back(static_cast<uint32_t>(cls.size()));
  }
  return LinearModel(num_classes_, std::move(out_keys), std::move(starts), std::move(cls),
                     std::move(weights));
}

}  // namespace kg::extract
