#pragma once
// Viterbi decoding of BILOU label sequences (ner_labels.h) from per-token label scores
// and label-bigram transitions, shared by the NER tagger and its trainer. Pure functions;
// thread-safe.

#include <vector>

namespace kg::extract {

// `transitions` ((kNerLabelCount + 1) x kNerLabelCount, row 0: sentence start) with -inf
// where BILOU forbids the bigram (I-PER after O, B-ORG after B-ORG, ...).
std::vector<float> MaskBilouTransitions(const std::vector<float>& transitions);

// The best labels of `n` tokens with emission scores `emit` (kNerLabelCount per token),
// tokens [outside_begin, outside_end) forced to O (pass 0, 0 for none); the best score
// in *best_score when non-null.
std::vector<int> DecodeBilou(const std::vector<float>& emit, int n, const std::vector<float>& masked_transitions,
                             int outside_begin, int outside_end, float* best_score);

}  // namespace kg::extract
