#pragma once
// DependencyParser: a greedy transition-based labelled dependency parser (arc-hybrid
// with a single-root constraint, so every output is a tree with one root) scored by an
// averaged perceptron over rich non-local features (Zhang & Nivre 2011 style: words and
// tags of stack and buffer items and their children, distance, valency, label sets).
// Trained with a dynamic oracle and exploration on projectivised trees.
// Immutable after Load()/Train(); Parse() is const and thread-safe.

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/document.h"
#include "extract/syntax/linear_model.h"
#include "extract/syntax/model_io.h"

namespace kg::extract {

struct ParserTrainOptions {
  int epochs = 15;
  uint32_t seed = 1;
  int explore_after = 1;        // epochs of pure oracle training before exploring
  double explore_prob = 0.9;    // then follow the model's own mistakes this often
  float prune = 0.0f;           // drop averaged weights below this magnitude
  std::ostream* log = nullptr;  // progress lines, when set
  // Evaluated (UAS/LAS) after each epoch when set and log is set; the model kept is the
  // final one either way.
  const std::vector<Sentence>* dev = nullptr;
  ModelMetadata metadata;
};

class DependencyParser {
 public:
  static constexpr const char* kFormat = "kg-dependency-parser";
  static constexpr uint32_t kVersion = 1;

  static base::Result<std::unique_ptr<DependencyParser>> Load(std::istream& in,
                                                              const std::string& source);
  static base::Result<std::unique_ptr<DependencyParser>> LoadFile(const std::string& path);
  // Trains on sentences with Token::text/xpos (ideally predicted tags) and gold
  // head/deprel. Fails when the data has no trees. Deterministic for a given seed.
  static base::Result<std::unique_ptr<DependencyParser>> Train(
      const std::vector<Sentence>& train, const ParserTrainOptions& options);
  base::Status Save(std::ostream& out) const;

  // Sets Token::head (-1 for the root) and Token::deprel. REQUIRES: xpos/upos set.
  void Parse(Sentence* sentence) const;

  const ModelMetadata& metadata() const { return metadata_; }
  ModelMetadata& mutable_metadata() { return metadata_; }
  size_t num_weights() const { return model_.num_weights(); }
  // Drops weights of magnitude below `threshold` (smaller files, slightly lower accuracy).
  void Prune(float threshold) { model_ = model_.Pruned(threshold); }

 private:
  DependencyParser() = default;
  friend class ParserTraining;

  std::vector<std::string> labels_;  // deprels; index root_label_ is "root"
  int root_label_ = 0;
  std::vector<std::string> tags_;    // XPOS tags known to the model (sorted)
  std::map<std::string, uint32_t> tag_ids_;  // tags_ -> index
  std::vector<std::string> upos_;            // UPOS tags known to the model (sorted)
  std::map<std::string, uint32_t> upos_ids_;
  LinearModel model_;
  ModelMetadata metadata_;
};

}  // namespace kg::extract
