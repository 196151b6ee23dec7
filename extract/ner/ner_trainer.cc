#include "extract/ner/ner_trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <ostream>
#include <random>
#include <unordered_map>

#include "extract/ner/bilou_decoder.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/ner_evaluation.h"
#include "extract/ner/ner_labels.h"
#include "extract/ner/ner_tagger.h"

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

// The perceptron's working state: weights, averaging sums, transitions.
struct Perceptron {
  std::vector<float> w, u;        // per feature index x label
  std::vector<float> tw, tu;      // transitions (kL + 1) x kL
  double c = 1;                   // instance counter for averaging

  void Update(int feature, int label, float delta) {
    w[static_cast<size_t>(feature) * kL + label] += delta;
    u[static_cast<size_t>(feature) * kL + label] += static_cast<float>(c) * delta;
  }
  void UpdateTransition(int prev, int label, float delta) {
    tw[(prev + 1) * kL + label] += delta;
    tu[(prev + 1) * kL + label] += static_cast<float>(c) * delta;
  }
};

std::unique_ptr<NerTagger> Snapshot(const Perceptron& p, const std::vector<uint64_t>& keys,
                                    const NerTrainOptions& options) {
  std::vector<float> avg(p.w.size());
  for (size_t i = 0; i < avg.size(); ++i) avg[i] = p.w[i] - static_cast<float>(p.u[i] / p.c);
  std::vector<float> trans(p.tw.size());
  for (size_t i = 0; i < trans.size(); ++i) trans[i] = p.tw[i] - static_cast<float>(p.tu[i] / p.c);
  return NerTagger::FromWeights(options.features, "", keys, avg, trans, options.prune);
}

}  // namespace

base::Result<NerTrainResult> TrainNerTagger(const std::vector<NerExample>& train, const std::vector<NerExample>& dev,
                                            const Gazetteer* gazetteer, const TitleLexicon* titles,
                                            const NerTrainOptions& options, std::ostream* log) {
  if (train.empty()) return base::Status::InvalidArgument("no training sentences");
  if (options.epochs < 1) return base::Status::InvalidArgument("epochs must be at least 1");
  const NerFeatureExtractor extractor(options.features, gazetteer, titles);
  const std::vector<NerFeatureMatrix> matrices = ExtractAll(extractor, gazetteer, train);

  // Index the features seen at least min_count times.
  std::unordered_map<uint64_t, int> counts;
  for (const NerFeatureMatrix& m : matrices) {
    for (uint64_t h : m.hashes) ++counts[h];
  }
  std::vector<uint64_t> keys;
  for (const auto& [h, n] : counts) {
    if (n >= options.min_count) keys.push_back(h);
  }
  std::sort(keys.begin(), keys.end());
  std::unordered_map<uint64_t, int> index;
  index.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) index.emplace(keys[i], static_cast<int>(i));
  counts.clear();
  struct Indexed {
    std::vector<int> features;
    std::vector<uint32_t> offsets;
    std::vector<int> gold;
  };
  std::vector<Indexed> data(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    const NerFeatureMatrix& m = matrices[s];
    data[s].offsets.push_back(0);
    for (int i = 0; i < m.size(); ++i) {
      for (uint32_t k = m.offsets[i]; k < m.offsets[i + 1]; ++k) {
        auto it = index.find(m.hashes[k]);
        if (it != index.end()) data[s].features.push_back(it->second);
      }
      data[s].offsets.push_back(static_cast<uint32_t>(data[s].features.size()));
    }
    data[s].gold = BilouFromSpans(train[s].spans, static_cast<int>(train[s].tokens.size()));
  }
  if (log) *log << "ner train: " << train.size() << " sentences, " << keys.size() << " features\n";

  Perceptron p;
  p.w.assign(keys.size() * kL, 0.0f);
  p.u.assign(keys.size() * kL, 0.0f);
  p.tw.assign((kL + 1) * kL, 0.0f);
  p.tu.assign((kL + 1) * kL, 0.0f);
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
      const Indexed& d = data[s];
      const int n = static_cast<int>(d.gold.size());
      if (n == 0) continue;
      emit.assign(static_cast<size_t>(n) * kL, 0.0f);
      for (int i = 0; i < n; ++i) {
        float* e = &emit[static_cast<size_t>(i) * kL];
        for (uint32_t k = d.offsets[i]; k < d.offsets[i + 1]; ++k) {
          const float* w = &p.w[static_cast<size_t>(d.features[k]) * kL];
          for (int l = 0; l < kL; ++l) e[l] += w[l];
        }
      }
      const std::vector<int> pred = DecodeBilou(emit, n, MaskBilouTransitions(p.tw), 0, 0, nullptr);
      tokens += n;
      for (int i = 0; i < n; ++i) {
        const int g = d.gold[i], q = pred[i];
        const int gp = i > 0 ? d.gold[i - 1] : -1, qp = i > 0 ? pred[i - 1] : -1;
        if (g != q) {
          ++errors;
          for (uint32_t k = d.offsets[i]; k < d.offsets[i + 1]; ++k) {
            p.Update(d.features[k], g, 1.0f);
            p.Update(d.features[k], q, -1.0f);
          }
        }
        if (g != q || gp != qp) {
          p.UpdateTransition(gp, g, 1.0f);
          p.UpdateTransition(qp, q, -1.0f);
        }
      }
      p.c += 1;
    }
    std::string line = "epoch " + std::to_string(epoch) + ": token errors " +
                       std::to_string(100.0 * errors / std::max(1, tokens)).substr(0, 5) + "%";
    std::unique_ptr<NerTagger> snapshot;
    if (!dev.empty() || epoch == options.epochs) snapshot = Snapshot(p, keys, options);
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
    } else if (epoch == options.epochs) {
      result.tagger = std::move(snapshot);
      result.best_epoch = epoch;
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
