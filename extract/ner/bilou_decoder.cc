#include "extract/ner/bilou_decoder.h"

#include <limits>

#include "extract/ner/ner_labels.h"

namespace kg::extract {

namespace {
constexpr int kL = kNerLabelCount;
}  // namespace

std::vector<float> MaskBilouTransitions(const std::vector<float>& transitions) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<float> masked = transitions;
  for (int p = -1; p < kL; ++p) {
    for (int l = 0; l < kL; ++l) {
      if (!BilouAllowed(p, l)) masked[(p + 1) * kL + l] = kNeg;
    }
  }
  return masked;
}

std::vector<int> DecodeBilou(const std::vector<float>& emit, int n, const std::vector<float>& masked_transitions,
                             int outside_begin, int outside_end, float* best_score) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  const float* trans = masked_transitions.data();
  std::vector<float> score(static_cast<size_t>(n) * kL, kNeg);
  std::vector<int8_t> back(static_cast<size_t>(n) * kL, -1);
  auto outside = [&](int i) { return i >= outside_begin && i < outside_end; };
  for (int l = 0; l < kL; ++l) {
    if (outside(0) && l != 0) continue;
    score[l] = emit[l] + trans[l];
  }
  for (int i = 1; i < n; ++i) {
    const float* prev = &score[static_cast<size_t>(i - 1) * kL];
    float* cur = &score[static_cast<size_t>(i) * kL];
    int8_t* bp = &back[static_cast<size_t>(i) * kL];
    const float* e = &emit[static_cast<size_t>(i) * kL];
    const int labels = outside(i) ? 1 : kL;
    for (int l = 0; l < labels; ++l) {
      float best = kNeg;
      int arg = -1;
      for (int p = 0; p < kL; ++p) {
        const float v = prev[p] + trans[(p + 1) * kL + l];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      if (arg >= 0) {
        cur[l] = best + e[l];
        bp[l] = static_cast<int8_t>(arg);
      }
    }
  }
  std::vector<int> labels(n, 0);
  int best = 0;
  float top = kNeg;
  for (int l = 0; l < kL; ++l) {
    const float s = score[static_cast<size_t>(n - 1) * kL + l];
    if (BilouCanEnd(l) && s > top) {
      top = s;
      best = l;
    }
  }
  if (best_score) *best_score = top;
  for (int i = n - 1; i >= 0; --i) {
    labels[i] = best;
    if (i > 0) best = back[static_cast<size_t>(i) * kL + best];
    if (best < 0) best = 0;
  }
  return labels;
}

}  // namespace kg::extract
