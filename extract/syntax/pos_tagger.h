#pragma once
// PosTagger: a greedy left-to-right averaged-perceptron tagger predicting the UPOS and
// XPOS tag of each word as one joint class, with word, affix, shape, neighbour and
// previous-tag features and a tag dictionary for frequent unambiguous words; optionally
// a second pass that also sees the first pass's tags of the following words.
// Immutable after Load()/Train(); Tag() is const and thread-safe.

#include <iosfwd>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/document.h"
#include "extract/syntax/linear_model.h"
#include "extract/syntax/model_io.h"

namespace kg::extract {

struct TaggerTrainOptions {
  int epochs = 10;
  uint32_t seed = 1;
  float prune = 0.0f;            // drop averaged weights below this magnitude
  // >= 2: also train a second pass that sees the first pass's tags of the words to the
  // right, on first-pass tags jackknifed over this many folds. 0: one pass only.
  int second_pass_folds = 0;
  std::ostream* log = nullptr;   // progress lines, when set
  ModelMetadata metadata;        // stored in the model header
};

class PosTagger {
 public:
  static constexpr const char* kFormat = "kg-pos-tagger";
  static constexpr uint32_t kVersion = 1;

  // Reads a model written by Save(). `source` names the stream in messages.
  static base::Result<std::unique_ptr<PosTagger>> Load(std::istream& in, const std::string& source);
  static base::Result<std::unique_ptr<PosTagger>> LoadFile(const std::string& path);
  // Trains on sentences with gold Token::upos/xpos. Deterministic for a given seed.
  static std::unique_ptr<PosTagger> Train(const std::vector<Sentence>& train,
                                          const TaggerTrainOptions& options);

  base::Status Save(std::ostream& out) const;
  // Sets Token::upos and Token::xpos of every token in `sentence`.
  void Tag(Sentence* sentence) const;
  // The same for every sentence, faster for many: the first pass runs over a block of
  // them, then the second, so that each pass's weights stay in the cache.
  void TagAll(std::vector<Sentence>* sentences) const;

  const ModelMetadata& metadata() const { return metadata_; }
  ModelMetadata& mutable_metadata() { return metadata_; }
  size_t num_classes() const { return classes_.size(); }
  size_t num_weights() const { return model_.num_weights(); }
  // Drops weights of magnitude below `threshold` (smaller files, slightly lower accuracy).
  void Prune(float threshold) { model_ = model_.Pruned(threshold); }

 private:
  PosTagger() = default;
  struct Class {
    std::string upos, xpos;
  };
  friend class TaggerFeatures;
  // Tag() and TagAll(): sentences[0, count), pass by pass.
  void TagSentences(Sentence* sentences, size_t count) const;

  std::vector<Class> classes_;
  std::unordered_map<std::string, uint16_t> tag_dict_;  // frequent unambiguous forms
  std::unordered_map<uint64_t, uint64_t> lexicon_;      // word hash -> ambiguity class
  LinearModel model_;
  LinearModel second_;  // empty: one pass
  ModelMetadata metadata_;
};

}  // namespace kg::extract
