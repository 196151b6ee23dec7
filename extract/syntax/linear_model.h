#pragma once
// LinearModel: the frozen weights of an averaged perceptron, sparse per feature. A
// feature is a 64-bit key (see FeatureKey); each feature has weights for the few classes
// training gave it. Score() adds the weights of the given features to a score per class.
// Immutable after Load(); Score() is const and thread-safe.

#include <algorithm>
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

// The key of feature template `templ` over atoms a, b, c (word hashes, tag ids...):
// one multiply-xor per atom and one final mix, so every bit of the key is well spread.
inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  const uint64_t h = (static_cast<uint64_t>(templ + 1) * 0x9E3779B97F4A7C15ULL) ^
                     (a * 0xD6E8FEB86659FD93ULL) ^ ((b + 0x3C6EF372FE94F82AULL) * 0xA0761D6478BD642FULL) ^
                     ((c + 0x1B873593ULL) * 0xE7037ED1A0B428DBULL);
  return Mix64(h) | 1;  // never 0
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

  // scores[c] += weight(f, c) for every feature f in feats[0, n), feature by feature in
  // that order (so every class sums the same floats in the same order, whatever the
  // layout of the rows). REQUIRES: scores has num_classes() entries.
  void Score(const uint64_t* feats, size_t n, float* scores) const {
    if (slots_.empty()) return;
    // Three sweeps so that the memory loads of all features overlap: prefetch the slots,
    // find the rows (prefetching them), then add the weights.
    constexpr size_t kChunk = 256;
    uint32_t rows[kChunk];
    const float scale = scale_;  // locals: stores to scores[] cannot change them
    const int num_classes = num_classes_;
    for (size_t base = 0; base < n; base += kChunk) {
      const size_t m = std::min(kChunk, n - base);
      for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots_[feats[base + i] & mask_]);
      size_t found = 0;
      for (size_t i = 0; i < m; ++i) {
        const uint64_t key = feats[base + i];
        const uint32_t check = static_cast<uint32_t>(key >> 32);
        size_t s = key & mask_;
        while (slots_[s].start != 0) {
          if (slots_[s].check == check) {
            rows[found++] = slots_[s].start;
            if (!(slots_[s].start & kDenseRow)) __builtin_prefetch(&packed_[slots_[s].start]);
            break;
          }
          s = (s + 1) & mask_;
        }
      }
      for (size_t r = 0; r < found; ++r) {
        const uint32_t start = rows[r];
        if (start & kDenseRow) {
          // A weight of 0 adds +0.0f, which leaves every sum as it was.
          const int16_t* w = &dense_[static_cast<size_t>(start & ~kDenseRow) * num_classes_];
          for (int c = 0; c < num_classes; ++c) scores[c] += w[c] * scale;
          continue;
        }
        const uint32_t end = start + 1 + packed_[start].cls;
        for (uint32_t k = start + 1; k < end; ++k) scores[packed_[k].cls] += packed_[k].w * scale;
      }
    }
  }

  // The same model without weights of magnitude below `threshold` (and features left
  // with none).
  LinearModel Pruned(float threshold) const;

  void Save(ModelWriter& out) const;
  // Reads weights written by Save(); errors are recorded in `in`.
  void Load(ModelReader& in);

 private:
  // The lookup table: an open-addressing slot per feature (upper key bits to check, and
  // where its row starts in packed_; 0 = empty). A row is a header entry holding the
  // count in `cls`, then (class, 16-bit weight) entries. A row with weights for a
  // quarter of the classes or more is dense instead: `start` is kDenseRow | its index
  // in dense_, which holds num_classes_ 16-bit weights per row (0 for the classes it has
  // no weight for), added with vector instructions. Most of the weights
  // a sentence adds are in such rows (tag and label features).
  static constexpr uint32_t kDenseRow = 0x80000000u;
  struct Slot {
    uint32_t check = 0;
    uint32_t start = 0;
  };
  struct Entry {
    uint16_t cls;
    int16_t w;
  };
  // Builds slots_ and packed_ from the rows. `quantized`, when set, holds the weights as
  // stored in a file (w_[k] == quantized[k] * quantized_scale): used as they are when
  // the scale comes out the same, which spares a rounding per weight at load.
  void BuildIndex(const int16_t* quantized = nullptr, float quantized_scale = 0.0f);

  int num_classes_ = 0;
  // Rows as trained (sorted keys), kept for Save() and Pruned().
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> starts_;  // keys_.size() + 1
  std::vector<uint16_t> cls_;
  std::vector<float> w_;
  // The scoring table built from them.
  std::vector<Slot> slots_;
  std::vector<Entry> packed_;
  std::vector<int16_t> dense_;
  float scale_ = 1.0f;
  size_t mask_ = 0;
};

}  // namespace kg::extract
