#pragma once
// Training and batch tagging of NerTagger models: an averaged structured perceptron
// (Collins 2002) over NerFeatureExtractor features, Viterbi-decoded under BILOU
// constraints, with the training order shuffled by a fixed seed (deterministic), and the
// epoch with the best dev F1 kept. Free functions; thread-compatible.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <vector>

#include "base/status.h"
#include "extract/ner/ner_corpus.h"
#include "extract/ner/ner_features.h"

namespace kg::extract {

class Gazetteer;
class NerTagger;
class TitleLexicon;

struct NerTrainOptions {
  int epochs = 12;        // passes over the training data
  uint64_t seed = 1;      // shuffle seed
  int min_count = 2;      // features seen fewer times in training are dropped
  float prune = 0.01f;    // averaged weights below this magnitude are dropped from the model
  NerFeatureOptions features;
};

struct NerTrainResult {
  std::unique_ptr<NerTagger> tagger;
  int best_epoch = 0;    // 1-based; the last epoch when there is no dev data
  double dev_f1 = 0.0;   // micro F1 on dev of the kept epoch (0 without dev data)
};

// Trains a tagger. `gazetteer` and `titles` feed the lexicon features (may be null).
// `log` (may be null) gets one line per epoch.
base::Result<NerTrainResult> TrainNerTagger(const std::vector<NerExample>& train, const std::vector<NerExample>& dev,
                                            const Gazetteer* gazetteer, const TitleLexicon* titles,
                                            const NerTrainOptions& options, std::ostream* log);

// The tagger's PER/ORG/LOC spans for each example (document statistics per doc_id).
std::vector<std::vector<NerSpan>> TagExamples(const NerTagger& tagger, const Gazetteer* gazetteer,
                                              const TitleLexicon* titles, const std::vector<NerExample>& examples);

}  // namespace kg::extract
