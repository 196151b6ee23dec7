#include "extract/ner/ner_trainer.h"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <random>
#include <unordered_map>

#include "extract/ner/bilou_decoder.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/ner_evaluation.h"
#include "extract/ner/ner_labels.h"
#include "extract/ner/ner_tagger.h"
#include "extract/syntax/perceptron_trainer.h"

namespace kg::extract {

namespace {

constexpr int kL = kNerLabelCount;

// Feature matrices of all examples, with document statistics per run of one doc_id.
std::vector<NerFeatureMatrix> ExtractAll(const NerFeatureExtractor& extractor, const Gazetteer* gazetteer,
                                         const std::vector<NerExample>& examples) {
  std::vector<NerFeatureMatrix> out(examples.size());
  size_t start = 0;
  while (start < examples.size()) {
    size_t end = start + 1;
    while (end < examples.size() && !examples[start].doc_id.empty() && examples[end].doc_id == examples[start].doc_id) {
      ++end;
    }
    DocumentWordStats stats;
    for (size_t i = start; i < end; ++i) stats.Add(examples[i].tokens);
    for (size_t i = start; i < end; ++i) {
      const std::vector<std::string> folded = FoldTokens(examples[i].tokens);
      std::vector<GazetteerMatch> matches;
      if (gazetteer) matches = gazetteer->Match(examples[i].tokens, folded);
      NerSentenceInput input{&examples[i].tokens, &folded, gazetteer ? &matches : nullptr, &stats};
      extractor.Extract(input, &out[i]);
    }
    start = end;
  }
  return out;
}

// Averaged label-bigram transitions: w and the sum of c * delta (w - u / c is the average).
struct Transitions {
  std::vector<float> w, u;
  void Update(int prev, int label, float delta, double c) {
    w[(prev + 1) * kL + label] += delta;
    u[(prev + 1) * kL + label] += static_cast<float>(c * delta);
  }
  std::vector<float> Average(double c) const {
    std::vector<float> avg(w.size());
    for (size_t i = 0; i < avg.size(); ++i) avg[i] = w[i] - static_cast<float>(u[i] / c);
    return avg;
  }
};

}  // namespace

base::Result<NerTrainResult> TrainNerTagger(const std::vector<NerExample>& train, const std::vector<NerExample>& dev,
                                            const Gazetteer* gazetteer, const TitleLexicon* titles,
                                            const NerTrainOptions& options, std::ostream* log) {
  if (train.empty()) return base::Status::InvalidArgument("no training sentences");
  if (options.epochs < 1) return base::Status::InvalidArgument("epochs must be at least 1");
  const NerFeatureExtractor extractor(options.features, gazetteer, titles);
  const std::vector<NerFeatureMatrix> matrices = ExtractAll(extractor, gazetteer, train);

  // Keep the features seen at least min_count times.
  std::unordered_map<uint64_t, int> counts;
  if (options.min_count > 1) {
    for (const NerFeatureMatrix& m : matrices) {
      for (uint64_t h : m.hashes) ++counts[h];
    }
  }
  struct Prepared {
    std::vector<uint64_t> features;
    std::vector<uint32_t> offsets;
    std::vector<int> gold;
  };
  std::vector<Prepared> data(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    const NerFeatureMatrix& m = matrices[s];
    data[s].offsets.push_back(0);
    for (int i = 0; i < m.size(); ++i) {
      for (uint32_t k = m.offsets[i]; k < m.offsets[i + 1]; ++k) {
        if (options.min_count <= 1 || counts[m.hashes[k]] >= options.min_count) data[s].features.push_back(m.hashes[k]);
      }
      data[s].offsets.push_back(static_cast<uint32_t>(data[s].features.size()));
    }
    data[s].gold = BilouFromSpans(train[s].spans, static_cast<int>(train[s].tokens.size()));
  }
  counts.clear();
  if (log) *log << "ner train: " << train.size() << " sentences\n";

  PerceptronTrainer perceptron(kL);
  Transitions transitions{std::vector<float>((kL + 1) * kL, 0.0f), std::vector<float>((kL + 1) * kL, 0.0f)};
  double clock = 1;  // the transitions' averaging clock, in step with the perceptron's
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);

  NerTrainResult result;
  double best_f1 = -1;
  std::vector<float> emit;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    int errors = 0, tokens = 0;
    for (size_t s : order) {
      const Prepared& d = data[s];
      const int n = static_cast<int>(d.gold.size());
      if (n == 0) continue;
      emit.assign(static_cast<size_t>(n) * kL, 0.0f);
      for (int i = 0; i < n; ++i) {
        perceptron.Score(&d.features[d.offsets[i]], d.offsets[i + 1] - d.offsets[i], &emit[static_cast<size_t>(i) * kL]);
      }
      const std::vector<int> pred = DecodeBilou(emit, n, MaskBilouTransitions(transitions.w), 0, 0, nullptr);
      tokens += n;
      for (int i = 0; i < n; ++i) {
        const int g = d.gold[i], q = pred[i];
        const int gp = i > 0 ? d.gold[i - 1] : -1, qp = i > 0 ? pred[i - 1] : -1;
        if (g != q) {
          ++errors;
          perceptron.Update(&d.features[d.offsets[i]], d.offsets[i + 1] - d.offsets[i], g, q);
        }
        if (g != q || gp != qp) {
          transitions.Update(gp, g, 1.0f, clock);
          transitions.Update(qp, q, -1.0f, clock);
        }
      }
      perceptron.Tick();
      clock += 1;
    }
    std::string line = "epoch " + std::to_string(epoch) + ": token errors " +
                       std::to_string(100.0 * errors / std::max(1, tokens)).substr(0, 5) + "%";
    const bool last = epoch == options.epochs;
    if (!dev.empty() || last) {
      std::unique_ptr<NerTagger> snapshot = NerTagger::FromModel(
          options.features, perceptron.Average(options.prune), transitions.Average(clock), ModelMetadata());
      if (!dev.empty()) {
        std::vector<std::vector<NerSpan>> gold;
        for (const NerExample& ex : dev) gold.push_back(ex.spans);
        const NerScores scores = ScoreNer(gold, TagExamples(*snapshot, gazetteer, titles, dev), {"PER", "ORG", "LOC"});
        line += ", dev F1 " + std::to_string(scores.micro.F1()).substr(0, 5);
        if (scores.micro.F1() > best_f1) {
          best_f1 = scores.micro.F1();
          result.tagger = std::move(snapshot);
          result.best_epoch = epoch;
          result.dev_f1 = best_f1;
        }
      } else {
        result.tagger = std::move(snapshot);
        result.best_epoch = epoch;
      }
    }
    if (log) *log << line << "\n" << std::flush;
  }
  return result;
}

std::vector<std::vector<NerSpan>> TagExamples(const NerTagger& tagger, const Gazetteer* gazetteer,
                                              const TitleLexicon* titles, const std::vector<NerExample>& examples) {
  const NerFeatureExtractor extractor(tagger.options(), gazetteer, titles);
  const std::vector<NerFeatureMatrix> matrices = ExtractAll(extractor, gazetteer, examples);
  std::vector<std::vector<NerSpan>> out;
  out.reserve(examples.size());
  for (const NerFeatureMatrix& m : matrices) out.push_back(SpansFromBilou(tagger.Tag(m)));
  return out;
}

}  // namespace kg::extract
