#pragma once
// LinearModel: the frozen weights of an averaged perceptron, sparse per feature. A
// feature is a 64-bit key (see FeatureKey); each feature has weights for the few classes
// training gave it. Score() adds the weights of the given features to a score per class.
// Immutable after Load(); Score() is const and thread-safe.

#include <cstdint>
#include <vector>

#include "base/status.h"

namespace kg::extract {

class ModelReader;
class ModelWriter;

// Mixes 64 bits (a fixed finaliser: the same on every platform).
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// The key of feature template `templ` over atoms a, b, c (word hashes, tag ids...).
inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix64((static_cast<uint64_t>(templ) << 48) ^ a ^ 0x9E3779B97F4A7C15ULL);
  h = Mix64(h ^ (b * 0x9E3779B97F4A7C15ULL));
  h = Mix64(h ^ (c + 0x632BE59BD9B4E019ULL));
  return h | 1;  // never 0: 0 marks an empty slot
}

class LinearModel {
 public:
  // Builds from rows sorted by key: keys[i] has weights for classes
  // cls[starts[i]..starts[i+1]) with weights w[...]. REQUIRES: consistent sizes.
  LinearModel(int num_classes, std::vector<uint64_t> keys, std::vector<uint32_t> starts,
              std::vector<uint16_t> cls, std::vector<float> weights);
  LinearModel() = default;

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return keys_.size(); }
  size_t num_weights() const { return cls_.size(); }

  // scores[c] += weight(f, c) for every feature f in feats[0, n). REQUIRES: scores has
  // num_classes() entries.
  void Score(const uint64_t* feats, size_t n, float* scores) const {
    for (size_t i = 0; i < n; ++i) {
      const int64_t row = Find(feats[i]);
      if (row < 0) continue;
      const uint32_t end = starts_[row + 1];
      for (uint32_t k = starts_[row]; k < end; ++k) scores[cls_[k]] += w_[k];
    }
  }

  void Save(ModelWriter& out) const;
  // Reads weights written by Save(); errors are recorded in `in`.
  void Load(ModelReader& in);

 private:
  int64_t Find(uint64_t key) const {
    if (slots_.empty()) return -1;
    size_t i = Mix64(key) & mask_;
    while (true) {
      const uint32_t s = slots_[i];
      if (s == kEmpty) return -1;
      if (keys_[s] == key) return s;
      i = (i + 1) & mask_;
    }
  }
  void BuildIndex();

  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  int num_classes_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> starts_;  // keys_.size() + 1
  std::vector<uint16_t> cls_;
  std::vector<float> w_;
  std::vector<uint32_t> slots_;  // open addressing: slot -> row, kEmpty
  size_t mask_ = 0;
};

}  // namespace kg::extract
