#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <sstream>

#include "extract/syntax/linear_model.h"
#include "extract/syntax/model_io.h"

using namespace kg::extract;

namespace {

struct Rows {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> starts{0};
  std::vector<uint16_t> cls;
  std::vector<float> w;
};

// Random rows: `features` sorted keys with weights for a run of 1..num_classes classes.
Rows RandomRows(int num_classes, int features, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint64_t> keys;
  for (int i = 0; i < features; ++i) keys.push_back(FeatureKey(i % 7, i));
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> starts{0};
  std::vector<uint16_t> cls;
  std::vector<float> w;
  std::normal_distribution<float> weight(0.0f, 3.0f);
  for (int i = 0; i < features; ++i) {
    const int n = 1 + static_cast<int>(rng() % num_classes);
    const int first = static_cast<int>(rng() % (num_classes - n + 1));
    for (int c = first; c < first + n; ++c) {
      cls.push_back(static_cast<uint16_t>(c));
      w.push_back(weight(rng));
    }
    starts.push_back(static_cast<uint32_t>(cls.size()));
  }
  return Rows{keys, starts, cls, w};
}

LinearModel RandomModel(int num_classes, int features, uint32_t seed) {
  Rows rows = RandomRows(num_classes, features, seed);
  return LinearModel(num_classes, std::move(rows.keys), std::move(rows.starts), std::move(rows.cls),
                     std::move(rows.w));
}

std::vector<float> Scores(const LinearModel& m, const std::vector<uint64_t>& feats) {
  std::vector<float> s(m.num_classes(), 0.0f);
  m.Score(feats.data(), feats.size(), s.data());
  return s;
}

}  // namespace

TEST_CASE("LinearModel: a saved and loaded model scores bit for bit as the original", "[extract]") {
  const LinearModel model = RandomModel(40, 3000, 7);
  std::stringstream file;
  ModelWriter w(file);
  model.Save(w);
  REQUIRE(w.Finish().ok());
  ModelReader r(file, "test");
  LinearModel loaded;
  loaded.Load(r);
  REQUIRE(r.status().ok());
  REQUIRE(loaded.num_features() == model.num_features());
  REQUIRE(loaded.num_weights() == model.num_weights());
  // Present and absent features, in several mixes and orders.
  std::mt19937 rng(3);
  for (int round = 0; round < 50; ++round) {
    std::vector<uint64_t> feats;
    for (int k = 0; k < 120; ++k) {
      const uint32_t i = rng() % 4000;  // about a quarter are absent
      feats.push_back(FeatureKey(i % 7, i));
    }
    const std::vector<float> a = Scores(model, feats), b = Scores(loaded, feats);
    CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
  }
}

TEST_CASE("LinearModel: scores are the 16-bit weights added feature by feature", "[extract]") {
  // Rows of every length, so that both the sparse and the dense layout are used.
  constexpr int kClasses = 40;
  const Rows rows = RandomRows(kClasses, 2000, 11);
  const LinearModel model(kClasses, rows.keys, rows.starts, rows.cls, rows.w);
  float max_abs = 0;
  for (float w : rows.w) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs / 32767.0f;
  std::mt19937 rng(5);
  for (int round = 0; round < 50; ++round) {
    std::vector<uint64_t> feats;
    std::vector<float> want(kClasses, 0.0f);
    for (int k = 0; k < 100; ++k) {
      const uint32_t i = rng() % 2500;
      feats.push_back(FeatureKey(i % 7, i));
      const auto it = std::lower_bound(rows.keys.begin(), rows.keys.end(), feats.back());
      if (it == rows.keys.end() || *it != feats.back()) continue;
      const size_t r = it - rows.keys.begin();
      for (uint32_t e = rows.starts[r]; e < rows.starts[r + 1]; ++e) {
        want[rows.cls[e]] += static_cast<float>(std::lround(rows.w[e] / scale)) * scale;
      }
    }
    const std::vector<float> got = Scores(model, feats);
    CHECK(std::memcmp(got.data(), want.data(), want.size() * sizeof(float)) == 0);
  }
}
