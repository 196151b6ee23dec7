#include "extract/ner/ner_tagger.h"

#include <fstream>
#include <istream>

#include "extract/ner/bilou_decoder.h"
#include "extract/ner/ner_labels.h"

namespace kg::extract {

namespace {
constexpr int kL = kNerLabelCount;
}  // namespace

NerTagger::~NerTagger() = default;

std::unique_ptr<NerTagger> NerTagger::FromModel(NerFeatureOptions options, LinearModel emissions,
                                                std::vector<float> transitions, ModelMetadata metadata) {
  auto tagger = std::unique_ptr<NerTagger>(new NerTagger());
  tagger->options_ = options;
  tagger->emissions_ = std::move(emissions);
  tagger->transitions_ = std::move(transitions);
  tagger->transitions_.resize((kL + 1) * kL, 0.0f);
  tagger->masked_transitions_ = MaskBilouTransitions(tagger->transitions_);
  tagger->metadata_ = std::move(metadata);
  return tagger;
}

std::vector<int> NerTagger::Tag(const NerFeatureMatrix& features) const {
  const int n = features.size();
  if (n == 0) return {};
  std::vector<float> emit(static_cast<size_t>(n) * kL, 0.0f);
  for (int i = 0; i < n; ++i) {
    emissions_.Score(&features.hashes[features.offsets[i]], features.offsets[i + 1] - features.offsets[i],
                     &emit[static_cast<size_t>(i) * kL]);
  }
  return DecodeBilou(emit, n, masked_transitions_, 0, 0, nullptr);
}

base::Status NerTagger::Save(std::ostream& out) const {
  ModelWriter w(out);
  w.Header(kFormat, kVersion, metadata_);
  w.U32(options_.Bits());
  w.U32(kL);
  for (float t : transitions_) w.F32(t);
  emissions_.Save(w);
  return w.Finish();
}

base::Result<std::unique_ptr<NerTagger>> NerTagger::Load(std::istream& in, const std::string& source) {
  ModelReader r(in, source);
  ModelMetadata metadata;
  KG_RETURN_IF_ERROR(r.Header(kFormat, kVersion, &metadata));
  const NerFeatureOptions options = NerFeatureOptions::FromBits(r.U32());
  const uint32_t labels = r.U32();
  if (r.status().ok() && labels != static_cast<uint32_t>(kL)) {
    return base::Status::Corruption(source + ": NER model has " + std::to_string(labels) + " labels, expected " +
                                    std::to_string(kL));
  }
  std::vector<float> transitions((kL + 1) * kL);
  for (float& t : transitions) t = r.F32();
  LinearModel emissions;
  emissions.Load(r);
  KG_RETURN_IF_ERROR(r.Finish());
  if (emissions.num_classes() != kL) {
    return base::Status::Corruption(source + ": NER model weights have " + std::to_string(emissions.num_classes()) +
                                    " labels, expected " + std::to_string(kL));
  }
  return FromModel(options, std::move(emissions), std::move(transitions), std::move(metadata));
}

base::Result<std::unique_ptr<NerTagger>> NerTagger::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open NER model " + path);
  return Load(in, path);
}

}  // namespace kg::extract
