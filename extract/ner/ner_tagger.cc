#include "extract/ner/ner_tagger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <istream>
#include <iterator>
#include <limits>
#include <ostream>

#include "base/text.h"
#include "extract/ner/bilou_decoder.h"
#include "extract/ner/ner_labels.h"

namespace kg::extract {

namespace {

constexpr char kMagic[8] = {'K', 'G', 'N', 'E', 'R', 'M', 'D', 'L'};
constexpr int kL = kNerLabelCount;
constexpr int kRowStride = 16;

class Writer {
 public:
  void Bytes(const void* p, size_t n) { buf_.append(static_cast<const char*>(p), n); }
  void U16(uint16_t v) {
    for (int i = 0; i < 2; ++i) buf_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) buf_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) buf_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void F32(float f) {
    uint32_t v;
    std::memcpy(&v, &f, 4);
    U32(v);
  }
  void I16(int16_t v) { U16(static_cast<uint16_t>(v)); }
  std::string& buf() { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  uint64_t Unsigned(int bytes) {
    if (pos_ + bytes > data_.size()) {
      ok_ = false;
      return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= uint64_t(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
    pos_ += bytes;
    return v;
  }
  uint16_t U16() { return static_cast<uint16_t>(Unsigned(2)); }
  uint32_t U32() { return static_cast<uint32_t>(Unsigned(4)); }
  uint64_t U64() { return Unsigned(8); }
  float F32() {
    const uint32_t v = U32();
    float f;
    std::memcpy(&f, &v, 4);
    return f;
  }
  std::string_view Bytes(size_t n) {
    if (pos_ + n > data_.size()) {
      ok_ = false;
      return {};
    }
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

NerTagger::~NerTagger() = default;

std::unique_ptr<NerTagger> NerTagger::FromWeights(NerFeatureOptions options, std::string description,
                                                  const std::vector<uint64_t>& keys, const std::vector<float>& weights,
                                                  const std::vector<float>& transitions, float prune) {
  auto tagger = std::unique_ptr<NerTagger>(new NerTagger());
  tagger->options_ = options;
  tagger->description_ = std::move(description);
  tagger->transitions_ = transitions;
  tagger->transitions_.resize((kL + 1) * kL, 0.0f);
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  for (size_t i : order) {
    const float* w = &weights[i * kL];
    bool keep = false;
    for (int l = 0; l < kL; ++l) keep = keep || std::fabs(w[l]) > prune;
    if (!keep) continue;
    tagger->keys_.push_back(keys[i]);
    for (int l = 0; l < kRowStride; ++l) tagger->rows_.push_back(l < kL ? w[l] : 0.0f);
  }
  tagger->BuildIndex();
  return tagger;
}

void NerTagger::BuildIndex() {
  masked_transitions_ = MaskBilouTransitions(transitions_);
  size_t capacity = 16;
  while (capacity < keys_.size() * 2) capacity *= 2;
  table_.assign(capacity, Slot{0, 0});
  mask_ = capacity - 1;
  for (size_t r = 0; r < keys_.size(); ++r) {
    uint64_t slot = keys_[r] & mask_;
    while (table_[slot].row_plus_one != 0) slot = (slot + 1) & mask_;
    table_[slot] = Slot{static_cast<uint32_t>(keys_[r] >> 32), static_cast<uint32_t>(r + 1)};
  }
}

const float* NerTagger::Row(uint64_t key) const {
  const uint32_t fingerprint = static_cast<uint32_t>(key >> 32);
  uint64_t slot = key & mask_;
  while (true) {
    const Slot& s = table_[slot];
    if (s.row_plus_one == 0) return nullptr;
    if (s.fingerprint == fingerprint && keys_[s.row_plus_one - 1] == key) {
      return &rows_[static_cast<size_t>(s.row_plus_one - 1) * kRowStride];
    }
    slot = (slot + 1) & mask_;
  }
}

std::vector<float> NerTagger::Emissions(const NerFeatureMatrix& features) const {
  const int n = features.size();
  std::vector<float> emit(static_cast<size_t>(n) * kL, 0.0f);
  for (int i = 0; i < n; ++i) {
    float* e = &emit[static_cast<size_t>(i) * kL];
    for (uint32_t k = features.offsets[i]; k < features.offsets[i + 1]; ++k) {
      const float* row = Row(features.hashes[k]);
      if (!row) continue;
      for (int l = 0; l < kL; ++l) e[l] += row[l];
    }
  }
  return emit;
}

std::vector<int> NerTagger::Tag(const NerFeatureMatrix& features) const {
  const int n = features.size();
  if (n == 0) return {};
  return DecodeBilou(Emissions(features), n, masked_transitions_, 0, 0, nullptr);
}

base::Status NerTagger::Save(std::ostream& out) const {
  Writer w;
  w.Bytes(kMagic, sizeof(kMagic));
  w.U32(kFormatVersion);
  w.U32(options_.Bits());
  w.U32(kL);
  w.U32(static_cast<uint32_t>(description_.size()));
  w.Bytes(description_.data(), description_.size());
  for (float t : transitions_) w.F32(t);
  // Weights are stored as 16-bit integers times one scale, only the non-zero ones.
  float max_abs = 0.0f;
  for (size_t r = 0; r < keys_.size(); ++r) {
    for (int l = 0; l < kL; ++l) max_abs = std::max(max_abs, std::fabs(rows_[r * kRowStride + l]));
  }
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  w.F32(scale);
  w.U64(keys_.size());
  uint64_t prev = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    // Keys are sorted: store the gap as a base-128 varint.
    uint64_t gap = keys_[r] - prev;
    prev = keys_[r];
    while (gap >= 0x80) {
      w.buf().push_back(static_cast<char>((gap & 0x7F) | 0x80));
      gap >>= 7;
    }
    w.buf().push_back(static_cast<char>(gap));
    uint16_t mask = 0;
    int16_t q[kL];
    for (int l = 0; l < kL; ++l) {
      q[l] = static_cast<int16_t>(std::lround(rows_[r * kRowStride + l] / scale));
      if (q[l] != 0) mask |= static_cast<uint16_t>(1u << l);
    }
    w.U16(mask);
    for (int l = 0; l < kL; ++l) {
      if (mask & (1u << l)) w.I16(q[l]);
    }
  }
  w.U64(base::StableHash64(w.buf()));
  out.write(w.buf().data(), static_cast<std::streamsize>(w.buf().size()));
  if (!out) return base::Status::IOError("cannot write the NER model");
  return base::Status::Ok();
}

base::Result<std::unique_ptr<NerTagger>> NerTagger::Load(std::istream& in, std::string_view source) {
  const std::string src(source);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return base::Status::IOError(src + ": read error");
  if (data.size() < sizeof(kMagic) + 8 || std::memcmp(data.data(), kMagic, sizeof(kMagic)) != 0) {
    return base::Status::InvalidArgument(src + ": not a kg NER model (expected the 'KGNERMDL' header)");
  }
  Reader r(data);
  r.Bytes(sizeof(kMagic));
  const uint32_t version = r.U32();
  if (version == 0 || version > kFormatVersion) {
    return base::Status::Unsupported(src + ": NER model format version " + std::to_string(version) +
                                     "; this build reads versions 1.." + std::to_string(kFormatVersion) +
                                     " (update kg or retrain the model)");
  }
  const uint64_t stored_sum = [&] {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<unsigned char>(data[data.size() - 8 + i])) << (8 * i);
    return v;
  }();
  if (base::StableHash64(std::string_view(data).substr(0, data.size() - 8)) != stored_sum) {
    return base::Status::Corruption(src + ": NER model checksum mismatch (truncated or corrupt file)");
  }
  auto tagger = std::unique_ptr<NerTagger>(new NerTagger());
  tagger->options_ = NerFeatureOptions::FromBits(r.U32());
  const uint32_t labels = r.U32();
  if (labels != static_cast<uint32_t>(kL)) {
    return base::Status::Corruption(src + ": NER model has " + std::to_string(labels) + " labels, expected " +
                                    std::to_string(kL));
  }
  const uint32_t desc_size = r.U32();
  tagger->description_ = std::string(r.Bytes(desc_size));
  tagger->transitions_.resize((kL + 1) * kL);
  for (float& t : tagger->transitions_) t = r.F32();
  const float scale = r.F32();
  const uint64_t count = r.U64();
  if (!r.ok() || count > data.size()) return base::Status::Corruption(src + ": NER model header is truncated");
  tagger->keys_.reserve(count);
  tagger->rows_.assign(count * kRowStride, 0.0f);
  uint64_t key = 0;
  for (uint64_t i = 0; i < count && r.ok(); ++i) {
    uint64_t gap = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const uint64_t byte = r.Unsigned(1);
      gap |= (byte & 0x7F) << shift;
      if (!(byte & 0x80)) break;
    }
    key += gap;
    tagger->keys_.push_back(key);
    const uint16_t mask = r.U16();
    for (int l = 0; l < kL; ++l) {
      if (mask & (1u << l)) tagger->rows_[i * kRowStride + l] = static_cast<int16_t>(r.U16()) * scale;
    }
  }
  if (!r.ok() || r.pos() + 8 != data.size()) {
    return base::Status::Corruption(src + ": NER model is truncated or has trailing bytes at offset " +
                                    std::to_string(r.pos()));
  }
  tagger->BuildIndex();
  return tagger;
}

base::Result<std::unique_ptr<NerTagger>> NerTagger::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open NER model " + path);
  return Load(in, path);
}

}  // namespace kg::extract
