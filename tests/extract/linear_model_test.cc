#include <catch2/catch.hpp>
#include <algorithm>
#include <cstring>
#include <random>
#include <sstream>

#include "extract/syntax/linear_model.h"
#include "extract/syntax/model_io.h"

using namespace kg::extract;

namespace {

// A random model: `features` sorted keys with 1..num_classes weights each.
LinearModel RandomModel(int num_classes, int features, uint32_t seed) {
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
  return LinearModel(num_classes, std::move(keys), std::move(starts), std::move(cls), std::move(w));
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
