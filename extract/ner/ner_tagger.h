#pragma once
// NerTagger: a trained sequence tagger for PER / ORG / LOC with BILOU labels: an
// averaged structured perceptron over NerFeatureExtractor features (a LinearModel of
// per-label weights) with label-bigram transitions, decoded by Viterbi under the BILOU
// constraints. Model files use the shared model format (extract/syntax/model_io.h):
// format "kg-ner-tagger", a version refused when newer, metadata (training command,
// data, date, dev scores), then options, transitions and weights.
// Immutable once loaded; Tag() is const and thread-safe.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/ner/ner_features.h"
#include "extract/syntax/linear_model.h"
#include "extract/syntax/model_io.h"

namespace kg::extract {

class NerTagger {
 public:
  static constexpr const char* kFormat = "kg-ner-tagger";
  static constexpr uint32_t kVersion = 1;

  // Reads a model; another format, another version, a truncated or corrupt file fails
  // with a message naming `source`.
  static base::Result<std::unique_ptr<NerTagger>> Load(std::istream& in, const std::string& source);
  static base::Result<std::unique_ptr<NerTagger>> LoadFile(const std::string& path);
  // A tagger from trained parts: `emissions` scores kNerLabelCount labels per feature;
  // `transitions` is (kNerLabelCount + 1) x kNerLabelCount, row 0 for the sentence start.
  static std::unique_ptr<NerTagger> FromModel(NerFeatureOptions options, LinearModel emissions,
                                              std::vector<float> transitions, ModelMetadata metadata);
  ~NerTagger();

  // Writes the model; fails with IOError when the stream fails.
  base::Status Save(std::ostream& out) const;
  // The best BILOU label ids (ner_labels.h) of the sentence whose features are given.
  std::vector<int> Tag(const NerFeatureMatrix& features) const;

  const NerFeatureOptions& options() const { return options_; }
  // Notes saved with the model: "command", "data", "trained", "dev_f1", ...
  const ModelMetadata& metadata() const { return metadata_; }
  ModelMetadata& mutable_metadata() { return metadata_; }
  size_t feature_count() const { return emissions_.num_features(); }

 private:
  NerTagger() = default;

  NerFeatureOptions options_;
  ModelMetadata metadata_;
  LinearModel emissions_;
  std::vector<float> transitions_;         // (kNerLabelCount + 1) x kNerLabelCount
  std::vector<float> masked_transitions_;  // the same, -inf where BILOU forbids
};

}  // namespace kg::extract
