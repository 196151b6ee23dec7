#include "extract/syntax/linear_model.h"

#include <cmath>

#include "extract/syntax/model_io.h"

namespace kg::extract {
namespace {
constexpr uint32_t kMaxFeatures = 1u << 28;
}

LinearModel::LinearModel(int num_classes, std::vector<uint64_t> keys, std::vector<uint32_t> starts,
                         std::vector<uint16_t> cls, std::vector<float> weights)
    : num_classes_(num_classes),
      keys_(std::move(keys)),
      starts_(std::move(starts)),
      cls_(std::move(cls)),
      w_(std::move(weights)) {
  BuildIndex();
}

// Weights are kept (and stored) as 16-bit integers with one scale per model: compact,
// and the rounding error is far below the weights' spread.
void LinearModel::BuildIndex(const int16_t* quantized, float quantized_scale) {
  float max_abs = 0;
  for (float w : w_) max_abs = std::max(max_abs, std::fabs(w));
  scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  // With the file's own scale, lround(q * s / s) == q for every |q| <= 32767 (the
  // product's relative error, 2^-24, moves it by less than 0.01), so the stored
  // integers are the packed weights.
  const bool reuse =
      quantized != nullptr && std::isnormal(quantized_scale) && scale_ == quantized_scale;
  auto packed_weight = [&](uint32_t k) {
    return reuse ? quantized[k] : static_cast<int16_t>(std::lround(w_[k] / scale_));
  };
  // Dense: a quarter of the classes or more, each once (a class twice would have to be
  // added twice to give the same sums).
  std::vector<bool> dense(keys_.size());
  size_t sparse_entries = 1, dense_rows = 0;  // entry 0 unused: start 0 = empty slot
  for (size_t r = 0; r < keys_.size(); ++r) {
    const uint32_t len = starts_[r + 1] - starts_[r];
    bool increasing = true;
    for (uint32_t k = starts_[r] + 1; k < starts_[r + 1]; ++k) increasing &= cls_[k - 1] < cls_[k];
    dense[r] = increasing && len * 4 >= static_cast<uint32_t>(num_classes_);
    if (dense[r]) {
      ++dense_rows;
    } else {
      sparse_entries += 1 + len;
    }
  }
  packed_.assign(sparse_entries, Entry{0, 0});
  dense_.assign(dense_rows * num_classes_, 0);
  size_t cap = 16;
  while (cap * 7 < keys_.size() * 10) cap <<= 1;
  slots_.assign(cap, Slot());
  mask_ = cap - 1;
  uint32_t next = 1, next_dense = 0;
  // Keys go in in row order, which decides where a key lands when slots collide; the
  // slots are random accesses into a table of megabytes, so those of the keys a few
  // rows ahead are prefetched.
  constexpr size_t kAhead = 16;
  for (size_t r = 0; r < keys_.size(); ++r) {
    if (r + kAhead < keys_.size()) __builtin_prefetch(&slots_[keys_[r + kAhead] & mask_]);
    uint32_t begin;
    if (dense[r]) {
      begin = kDenseRow | next_dense;
      int16_t* row = &dense_[static_cast<size_t>(next_dense++) * num_classes_];
      for (uint32_t k = starts_[r]; k < starts_[r + 1]; ++k) row[cls_[k]] = packed_weight(k);
    } else {
      begin = next;
      packed_[next++] = {static_cast<uint16_t>(starts_[r + 1] - starts_[r]), 0};
      for (uint32_t k = starts_[r]; k < starts_[r + 1]; ++k) {
        packed_[next++] = {cls_[k], packed_weight(k)};
      }
    }
    size_t s = keys_[r] & mask_;
    while (slots_[s].start != 0) s = (s + 1) & mask_;
    slots_[s] = {static_cast<uint32_t>(keys_[r] >> 32), begin};
  }
}

LinearModel LinearModel::Pruned(float threshold) const {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> starts{0};
  std::vector<uint16_t> cls;
  std::vector<float> w;
  for (size_t r = 0; r < keys_.size(); ++r) {
    const size_t before = cls.size();
    for (uint32_t k = starts_[r]; k < starts_[r + 1]; ++k) {
      if (std::fabs(w_[k]) < threshold) continue;
      cls.push_back(cls_[k]);
      w.push_back(w_[k]);
    }
    if (cls.size() == before) continue;
    keys.push_back(keys_[r]);
    starts.push_back(static_cast<uint32_t>(cls.size()));
  }
  return LinearModel(num_classes_, std::move(keys), std::move(starts), std::move(cls), std::move(w));
}

void LinearModel::Save(ModelWriter& out) const {
  out.U32(static_cast<uint32_t>(num_classes_));
  out.U32(static_cast<uint32_t>(keys_.size()));
  out.U32(static_cast<uint32_t>(cls_.size()));
  out.F32(scale_);
  for (size_t r = 0; r < keys_.size(); ++r) {
    out.U64(keys_[r]);
    out.U16(static_cast<uint16_t>(starts_[r + 1] - starts_[r]));
  }
  for (size_t k = 0; k < cls_.size(); ++k) {
    out.U16(cls_[k]);
    out.U16(static_cast<uint16_t>(static_cast<int16_t>(std::lround(w_[k] / scale_))));
  }
}

void LinearModel::Load(ModelReader& in) {
  num_classes_ = static_cast<int>(in.Count(65535, "class count"));
  const uint32_t n = in.Count(kMaxFeatures, "feature count");
  const uint32_t m = in.Count(kMaxFeatures, "weight count");
  const float scale = in.F32();
  keys_.assign(n, 0);
  starts_.assign(n + 1, 0);
  // Bulk reads: the arrays are written little-endian element by element.
  std::vector<uint8_t> buf(static_cast<size_t>(n) * 10);
  in.Bytes(buf.data(), buf.size());
  uint64_t total = 0;
  for (uint32_t r = 0; r < n; ++r) {
    const uint8_t* p = &buf[static_cast<size_t>(r) * 10];
    uint64_t key = 0;
    for (int i = 7; i >= 0; --i) key = (key << 8) | p[i];
    keys_[r] = key;
    total += static_cast<uint32_t>(p[8] | (p[9] << 8));
    starts_[r + 1] = static_cast<uint32_t>(total);
    if (r > 0 && keys_[r] <= keys_[r - 1]) {
      in.Fail("corrupt model file: feature keys out of order");
      break;
    }
  }
  if (total != m) in.Fail("corrupt model file: weight rows do not add up");
  if (!in.status().ok()) {
    *this = LinearModel();
    return;
  }
  buf.assign(static_cast<size_t>(m) * 4, 0);
  in.Bytes(buf.data(), buf.size());
  cls_.resize(m);
  w_.resize(m);
  std::vector<int16_t> quantized(m);
  for (uint32_t k = 0; k < m; ++k) {
    const uint8_t* p = &buf[static_cast<size_t>(k) * 4];
    cls_[k] = static_cast<uint16_t>(p[0] | (p[1] << 8));
    quantized[k] = static_cast<int16_t>(static_cast<uint16_t>(p[2] | (p[3] << 8)));
    w_[k] = static_cast<float>(quantized[k]) * scale;
    if (cls_[k] >= num_classes_) {
      in.Fail("corrupt model file: class id out of range");
      break;
    }
  }
  if (!in.status().ok()) {
    *this = LinearModel();
    return;
  }
  BuildIndex(quantized.data(), scale);
}

}  // namespace kg::extract
