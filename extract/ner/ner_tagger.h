#pragma once
// NerTagger: a trained sequence tagger for PER / ORG / LOC with BILOU labels: an
// averaged structured perceptron over NerFeatureExtractor features with label-bigram
// transitions, decoded by Viterbi under the BILOU constraints. Model files are versioned
// binaries ("KGNERMDL", version, options, weights, checksum) read through Load(istream).
// Immutable once loaded; Tag() is const and thread-safe.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/ner/ner_features.h"

namespace kg::extract {

class NerTagger {
 public:
  // The newest model format version this build reads.
  static constexpr uint32_t kFormatVersion = 1;

  // Reads a model; a wrong magic, a newer version, a truncated or corrupt file fails
  // with a message naming `source`.
  static base::Result<std::unique_ptr<NerTagger>> Load(std::istream& in, std::string_view source);
  static base::Result<std::unique_ptr<NerTagger>> LoadFile(const std::string& path);
  // A tagger from trained weights: `weights` holds kNerLabelCount floats per key,
  // `transitions` (kNerLabelCount + 1) x kNerLabelCount (row 0: sentence start).
  // Features whose weights are all below `prune` in magnitude are dropped.
  static std::unique_ptr<NerTagger> FromWeights(NerFeatureOptions options, std::string description,
                                                const std::vector<uint64_t>& keys, const std::vector<float>& weights,
                                                const std::vector<float>& transitions, float prune = 0.0f);
  ~NerTagger();

  // Writes the model; fails with IOError when the stream fails.
  base::Status Save(std::ostream& out) const;
  // The best BILOU label ids (ner_labels.h) of the sentence whose features are given.
  std::vector<int> Tag(const NerFeatureMatrix& features) const;


  const NerFeatureOptions& options() const { return options_; }
  // Free text saved with the model: data, command, date, scores.
  const std::string& description() const { return description_; }
  void set_description(std::string d) { description_ = std::move(d); }
  size_t feature_count() const { return keys_.size(); }

 private:
  NerTagger() = default;
  void BuildIndex();
  // Row of weights for a feature hash, or nullptr.
  const float* Row(uint64_t key) const;
  // Emission scores, kNerLabelCount per token.
  std::vector<float> Emissions(const NerFeatureMatrix& features) const;

  NerFeatureOptions options_;
  std::string description_;
  std::vector<uint64_t> keys_;       // sorted feature hashes
  std::vector<float> rows_;          // kRowStride floats per key
  std::vector<float> transitions_;   // (kNerLabelCount + 1) x kNerLabelCount
  std::vector<float> masked_transitions_;  // the same, -inf where BILOU forbids
  // Open addressing over 8-byte slots (a 32-bit fingerprint of the key and its row + 1,
  // 0 = empty) so that the many lookups of features the model lacks touch little memory.
  struct Slot {
    uint32_t fingerprint;
    uint32_t row_plus_one;
  };
  std::vector<Slot> table_;  // size a power of two
  uint64_t mask_ = 0;
};

}  // namespace kg::extract
