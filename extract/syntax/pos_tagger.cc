#include "extract/syntax/pos_tagger.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>
#include <random>

#include "base/text.h"
#include "extract/syntax/perceptron_trainer.h"

namespace kg::extract {
namespace {

constexpr int kMaxFeatures = 64;  // 36 word + 5 lexicon + 10 second-pass templates at most
constexpr uint16_t kNoClass = 0xFFFF;
constexpr int kDictMinCount = 20;
constexpr double kDictMinShare = 0.995;

uint64_t Hash(std::string_view s) { return base::StableHash64(s); }

// Word shape: X for upper case, x for lower, d for digit, other bytes as they are (non-
// ASCII as 'u'); runs longer than two are cut ("Xxxxx" -> "Xxx" is "Xxx" -> "Xx").
// Written into `out`, reusing its capacity.
void ShapeInto(std::string_view w, std::string* out) {
  out->clear();
  char last = 0;
  int run = 0;
  for (unsigned char c : w) {
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
    } else if (c >= '0' && c <= '9') {
      s = 'd';
    } else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      s = 'u';
    } else {
      s = static_cast<char>(c);
    }
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 2) out->push_back(s);
  }
}

struct Atoms {
  uint64_t lower, form, shape, s1, s2, s3, s4, p1, p2, p3, hyph;
  uint64_t lex = 0;  // the word's ambiguity class in the lexicon (0: unknown)
};

// The atoms of `form`; `lower` and `shape` are scratch buffers, reused across words so
// that a sentence costs no allocation per word.
Atoms MakeAtoms(std::string_view form, std::string* lower, std::string* shape) {
  base::AsciiLowerInto(form, lower);
  ShapeInto(form, shape);
  const std::string_view l(*lower);
  Atoms a;
  a.lower = Hash(l);
  a.form = Hash(form);
  a.shape = Hash(*shape);
  auto suffix = [&](size_t n) { return Hash(l.substr(l.size() > n ? l.size() - n : 0)) + n; };
  auto prefix = [&](size_t n) { return Hash(l.substr(0, n)) + 7 * n; };
  a.s1 = suffix(1);
  a.s2 = suffix(2);
  a.s3 = suffix(3);
  a.s4 = suffix(4);
  a.p1 = prefix(1);
  a.p2 = prefix(2);
  a.p3 = prefix(3);
  const size_t dash = l.rfind('-');
  a.hyph = dash != std::string_view::npos && dash + 1 < l.size() ? Hash(l.substr(dash + 1)) : 0;
  return a;
}

Atoms MakeAtoms(std::string_view form) {
  std::string lower, shape;
  return MakeAtoms(form, &lower, &shape);
}

const Atoms& Padding(int which) {
  static const Atoms kBefore = MakeAtoms("<s>");
  static const Atoms kAfter = MakeAtoms("</s>");
  return which < 0 ? kBefore : kAfter;
}

// The ambiguity class of each lower-case word seen at least twice in `sentences` (those
// whose index passes `use`): the classes it had at least 5% of the time, and whether it
// was seen in lower case and capitalised after the first word.
template <typename Use>
std::unordered_map<uint64_t, uint64_t> BuildLexicon(const std::vector<Sentence>& sentences,
                                                    const std::vector<std::vector<uint16_t>>& gold,
                                                    Use use) {
  std::map<std::string, std::pair<std::map<uint16_t, int>, int>> lex;
  for (size_t si = 0; si < sentences.size(); ++si) {
    if (!use(si)) continue;
    for (size_t i = 0; i < sentences[si].tokens.size(); ++i) {
      const std::string& form = sentences[si].tokens[i].text;
      auto& e = lex[base::AsciiLower(form)];
      ++e.first[gold[si][i]];
      const unsigned char c0 = form.empty() ? 0 : form[0];
      if (c0 >= 'a' && c0 <= 'z') e.second |= 1;
      if (c0 >= 'A' && c0 <= 'Z' && i > 0) e.second |= 2;
    }
  }
  std::unordered_map<uint64_t, uint64_t> out;
  for (const auto& [word, e] : lex) {
    int total = 0;
    for (const auto& [c, n] : e.first) total += n;
    if (total < 2) continue;
    uint64_t h = Mix64(static_cast<uint64_t>(e.second) + 11);
    for (const auto& [c, n] : e.first) {
      if (n * 20 >= total) h = Mix64(h ^ (c + 1));
    }
    out[Hash(word)] = h | 1;
  }
  return out;
}

}  // namespace

// Feature extraction shared by tagging and training, and each word's class in the tag
// dictionary (looked up once for both passes).
class TaggerFeatures {
 public:
  TaggerFeatures(const Sentence& s, const std::unordered_map<uint64_t, uint64_t>& lexicon,
                 const std::unordered_map<std::string, uint16_t>& dict) {
    atoms_.reserve(s.tokens.size());
    dict_class_.reserve(s.tokens.size());
    std::string lower, shape;
    for (const auto& t : s.tokens) {
      atoms_.push_back(MakeAtoms(t.text, &lower, &shape));
      if (auto it = lexicon.find(atoms_.back().lower); it != lexicon.end()) {
        atoms_.back().lex = it->second;
      }
      auto it = dict.find(t.text);
      dict_class_.push_back(it == dict.end() ? kNoClass : it->second);
    }
  }
  // The class of word i in the tag dictionary, or kNoClass.
  uint16_t DictClass(size_t i) const { return dict_class_[i]; }
  const Atoms& At(int i) const {
    if (i < 0) return Padding(-1);
    if (i >= static_cast<int>(atoms_.size())) return Padding(1);
    return atoms_[i];
  }
  // Features of word i given the classes of the two words before it (kNoClass = none)
  // and, in the second pass, the first pass's classes of every word.
  size_t Extract(int i, uint32_t t1, uint32_t t2, const std::vector<uint16_t>* first,
                 uint64_t* f) const {
    const Atoms& w = At(i);
    const Atoms& wm1 = At(i - 1);
    const Atoms& wm2 = At(i - 2);
    const Atoms& wp1 = At(i + 1);
    const Atoms& wp2 = At(i + 2);
    size_t n = 0;
    f[n++] = FeatureKey(1, 0);
    f[n++] = FeatureKey(2, w.lower);
    f[n++] = FeatureKey(3, w.form);
    f[n++] = FeatureKey(4, w.s1);
    f[n++] = FeatureKey(5, w.s2);
    f[n++] = FeatureKey(6, w.s3);
    f[n++] = FeatureKey(7, w.s4);
    f[n++] = FeatureKey(8, w.p1);
    f[n++] = FeatureKey(9, w.p2);
    f[n++] = FeatureKey(10, w.p3);
    f[n++] = FeatureKey(11, w.shape);
    f[n++] = FeatureKey(12, wm1.lower);
    f[n++] = FeatureKey(13, wm2.lower);
    f[n++] = FeatureKey(14, wp1.lower);
    f[n++] = FeatureKey(15, wp2.lower);
    f[n++] = FeatureKey(16, wm1.s3);
    f[n++] = FeatureKey(17, wp1.s3);
    f[n++] = FeatureKey(18, wp1.shape);
    f[n++] = FeatureKey(19, wm1.shape);
    f[n++] = FeatureKey(20, t1);
    f[n++] = FeatureKey(21, t2);
    f[n++] = FeatureKey(22, t1, t2);
    f[n++] = FeatureKey(23, t1, w.lower);
    f[n++] = FeatureKey(24, wm1.lower, w.lower);
    f[n++] = FeatureKey(25, w.lower, wp1.lower);
    f[n++] = FeatureKey(26, t1, w.s3);
    f[n++] = FeatureKey(27, i == 0, w.shape);
    f[n++] = FeatureKey(28, wp1.lower, wp2.lower);
    f[n++] = FeatureKey(29, t1, wp1.lower);
    f[n++] = FeatureKey(30, wm1.lower, wp1.lower);
    f[n++] = FeatureKey(31, wp1.s2);
    f[n++] = FeatureKey(32, wp2.s3);
    f[n++] = FeatureKey(33, wm2.s3);
    if (w.hyph != 0) f[n++] = FeatureKey(34, w.hyph);
    f[n++] = FeatureKey(35, t1, wp1.shape);
    f[n++] = FeatureKey(36, w.shape, wp1.shape);
    f[n++] = FeatureKey(37, w.lex);
    f[n++] = FeatureKey(38, w.lex, w.shape);
    f[n++] = FeatureKey(39, wp1.lex);
    f[n++] = FeatureKey(40, t1, w.lex);
    f[n++] = FeatureKey(41, wm1.lex);
    if (first) {
      const int len = static_cast<int>(first->size());
      auto p = [&](int k) -> uint32_t { return k >= 0 && k < len ? (*first)[k] : kNoClass; };
      const uint32_t p0 = p(i), p1 = p(i + 1), p2 = p(i + 2);
      f[n++] = FeatureKey(50, p0);
      f[n++] = FeatureKey(51, p0, w.lower);
      f[n++] = FeatureKey(52, p1);
      f[n++] = FeatureKey(53, p1, p2);
      f[n++] = FeatureKey(54, t1, p1);
      f[n++] = FeatureKey(55, p1, w.lower);
      f[n++] = FeatureKey(56, p0, p1);
      f[n++] = FeatureKey(57, p2);
      f[n++] = FeatureKey(58, p0, w.s3);
      f[n++] = FeatureKey(59, t1, p0, p1);
    }
    return n;
  }

 private:
  std::vector<Atoms> atoms_;
  std::vector<uint16_t> dict_class_;
};

namespace {

// Greedy left-to-right decoding with `score` (a LinearModel or a trainer); when `gold`
// is set, also updates the trainer on each mistake.
template <typename Scorer>
void Decode(const TaggerFeatures& feats, size_t len, const Scorer& score,
            const std::vector<uint16_t>* first, size_t num_classes, std::vector<uint16_t>* out,
            PerceptronTrainer* trainer = nullptr, const std::vector<uint16_t>* gold = nullptr) {
  std::vector<float> scores(num_classes);
  uint64_t f[kMaxFeatures];
  uint32_t t1 = kNoClass, t2 = kNoClass;
  out->resize(len);
  for (size_t i = 0; i < len; ++i) {
    uint32_t best = feats.DictClass(i);
    if (best == kNoClass) {
      best = 0;
      const size_t n = feats.Extract(static_cast<int>(i), t1, t2, first, f);
      std::fill(scores.begin(), scores.end(), 0.0f);
      score(f, n, scores.data());
      for (uint32_t c = 1; c < scores.size(); ++c) {
        if (scores[c] > scores[best]) best = c;
      }
      if (trainer) trainer->Update(f, n, (*gold)[i], static_cast<int>(best));
    }
    if (trainer) trainer->Tick();
    (*out)[i] = static_cast<uint16_t>(best);
    t2 = t1;
    t1 = best;  // its own predictions, in training too, as it will run
  }
}

}  // namespace

void PosTagger::Tag(Sentence* sentence) const { TagSentences(sentence, 1); }

void PosTagger::TagAll(std::vector<Sentence>* sentences) const {
  // In blocks, so that the features kept between the passes stay small (about 100 bytes
  // a word) however long the document.
  constexpr size_t kBlock = 256;
  for (size_t k = 0; k < sentences->size(); k += kBlock) {
    TagSentences(sentences->data() + k, std::min(kBlock, sentences->size() - k));
  }
}

void PosTagger::TagSentences(Sentence* sentences, size_t count) const {
  std::vector<TaggerFeatures> feats;
  feats.reserve(count);
  std::vector<std::vector<uint16_t>> tags(count);
  auto score1 = [&](const uint64_t* f, size_t n, float* sc) { model_.Score(f, n, sc); };
  for (size_t k = 0; k < count; ++k) {
    feats.emplace_back(sentences[k], lexicon_, tag_dict_);
    Decode(feats[k], sentences[k].tokens.size(), score1, nullptr, classes_.size(), &tags[k]);
  }
  if (second_.num_features() > 0) {
    auto score2 = [&](const uint64_t* f, size_t n, float* sc) { second_.Score(f, n, sc); };
    std::vector<uint16_t> first;
    for (size_t k = 0; k < count; ++k) {
      first.swap(tags[k]);
      Decode(feats[k], sentences[k].tokens.size(), score2, &first, classes_.size(), &tags[k]);
    }
  }
  for (size_t k = 0; k < count; ++k) {
    for (size_t i = 0; i < tags[k].size(); ++i) {
      sentences[k].tokens[i].upos = classes_[tags[k][i]].upos;
      sentences[k].tokens[i].xpos = classes_[tags[k][i]].xpos;
    }
  }
}

std::unique_ptr<PosTagger> PosTagger::Train(const std::vector<Sentence>& train,
                                            const TaggerTrainOptions& options) {
  std::unique_ptr<PosTagger> tagger(new PosTagger());
  tagger->metadata_ = options.metadata;
  // Classes in sorted order so that ids do not depend on the data's order.
  std::map<std::pair<std::string, std::string>, uint32_t> class_ids;
  for (const auto& s : train) {
    for (const auto& t : s.tokens) class_ids[{t.upos, t.xpos}] = 0;
  }
  for (auto& [k, id] : class_ids) {
    id = static_cast<uint32_t>(tagger->classes_.size());
    tagger->classes_.push_back({k.first, k.second});
  }
  std::vector<std::vector<uint16_t>> gold;
  std::map<std::string, std::map<uint16_t, int>> counts;
  for (const auto& s : train) {
    gold.emplace_back();
    for (const auto& t : s.tokens) {
      const uint16_t c = static_cast<uint16_t>(class_ids[{t.upos, t.xpos}]);
      gold.back().push_back(c);
      ++counts[t.text][c];
    }
  }
  for (const auto& [form, by_class] : counts) {
    int total = 0, top = 0;
    uint16_t top_class = 0;
    for (const auto& [c, n] : by_class) {
      total += n;
      if (n > top) {
        top = n;
        top_class = c;
      }
    }
    if (total >= kDictMinCount && top >= kDictMinShare * total) tagger->tag_dict_[form] = top_class;
  }

  // The lexicon features of each training sentence come from a lexicon of the other
  // folds, so that they are as informative in training as on new text.
  constexpr size_t kLexiconFolds = 10;
  tagger->lexicon_ = BuildLexicon(train, gold, [](size_t) { return true; });
  std::vector<TaggerFeatures> features;
  features.reserve(train.size());
  {
    std::vector<std::unordered_map<uint64_t, uint64_t>> fold_lexicons;
    for (size_t k = 0; k < kLexiconFolds; ++k) {
      fold_lexicons.push_back(
          BuildLexicon(train, gold, [k](size_t si) { return si % kLexiconFolds != k; }));
    }
    for (size_t si = 0; si < train.size(); ++si) {
      features.emplace_back(train[si], fold_lexicons[si % kLexiconFolds], tagger->tag_dict_);
    }
  }
  const size_t num_classes = tagger->classes_.size();
  // One pass of training over the sentences in `subset`; `first` gives
  // first-pass classes for a second-pass model.
  auto train_pass = [&](const std::vector<size_t>& subset,
                        const std::vector<std::vector<uint16_t>>* first, const char* what) {
    PerceptronTrainer trainer(static_cast<int>(num_classes));
    std::vector<size_t> order = subset;
    std::mt19937_64 rng(options.seed);
    std::vector<uint16_t> out;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
      size_t correct = 0, total = 0;
      for (size_t si : order) {
        auto score = [&](const uint64_t* f, size_t n, float* sc) { trainer.Score(f, n, sc); };
        Decode(features[si], train[si].tokens.size(), score, first ? &(*first)[si] : nullptr,
               num_classes, &out, &trainer, &gold[si]);
        for (size_t i = 0; i < out.size(); ++i) correct += out[i] == gold[si][i];
        total += out.size();
      }
      if (options.log) {
        *options.log << "tagger " << what << " epoch " << (epoch + 1) << ": train accuracy "
                     << (100.0 * correct / std::max<size_t>(total, 1)) << "%\n";
      }
    }
    return trainer.Average(options.prune);
  };
  std::vector<size_t> all(train.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  tagger->model_ = train_pass(all, nullptr, "pass 1");
  if (options.second_pass_folds >= 2) {
    // First-pass classes of every training sentence from a model that did not see it.
    const size_t k_folds = static_cast<size_t>(options.second_pass_folds);
    std::vector<std::vector<uint16_t>> first(train.size());
    for (size_t k = 0; k < k_folds; ++k) {
      std::vector<size_t> rest;
      for (size_t i = 0; i < train.size(); ++i) {
        if (i % k_folds != k) rest.push_back(i);
      }
      const LinearModel fold_model = train_pass(rest, nullptr, "fold");
      auto score = [&](const uint64_t* f, size_t n, float* sc) { fold_model.Score(f, n, sc); };
      for (size_t i = k; i < train.size(); i += k_folds) {
        Decode(features[i], train[i].tokens.size(), score, nullptr, num_classes, &first[i]);
      }
    }
    tagger->second_ = train_pass(all, &first, "pass 2");
  }
  return tagger;
}

base::Status PosTagger::Save(std::ostream& out) const {
  ModelWriter w(out);
  w.Header(kFormat, kVersion, metadata_);
  w.U32(static_cast<uint32_t>(classes_.size()));
  for (const auto& c : classes_) {
    w.String(c.upos);
    w.String(c.xpos);
  }
  std::vector<std::pair<std::string, uint16_t>> dict(tag_dict_.begin(), tag_dict_.end());
  std::sort(dict.begin(), dict.end());
  w.U32(static_cast<uint32_t>(dict.size()));
  for (const auto& [form, c] : dict) {
    w.String(form);
    w.U16(c);
  }
  std::vector<std::pair<uint64_t, uint64_t>> lex(lexicon_.begin(), lexicon_.end());
  std::sort(lex.begin(), lex.end());
  w.U32(static_cast<uint32_t>(lex.size()));
  for (const auto& [k, v] : lex) {
    w.U64(k);
    w.U64(v);
  }
  model_.Save(w);
  w.U8(second_.num_features() > 0 ? 1 : 0);
  if (second_.num_features() > 0) second_.Save(w);
  return w.Finish();
}

base::Result<std::unique_ptr<PosTagger>> PosTagger::Load(std::istream& in,
                                                         const std::string& source) {
  std::unique_ptr<PosTagger> tagger(new PosTagger());
  ModelReader r(in, source);
  KG_RETURN_IF_ERROR(r.Header(kFormat, kVersion, &tagger->metadata_));
  const uint32_t nc = r.Count(4096, "tag count");
  for (uint32_t i = 0; i < nc && r.status().ok(); ++i) {
    Class c;
    c.upos = r.String();
    c.xpos = r.String();
    tagger->classes_.push_back(std::move(c));
  }
  const uint32_t nd = r.Count(1u << 24, "tag dictionary size");
  for (uint32_t i = 0; i < nd && r.status().ok(); ++i) {
    std::string form = r.String();
    const uint16_t c = r.U16();
    if (c >= nc) r.Fail("corrupt model file: tag dictionary class out of range");
    tagger->tag_dict_[std::move(form)] = c;
  }
  const uint32_t nl = r.Count(1u << 24, "lexicon size");
  for (uint32_t i = 0; i < nl && r.status().ok(); ++i) {
    const uint64_t k = r.U64();
    tagger->lexicon_[k] = r.U64();
  }
  tagger->model_.Load(r);
  if (r.U8() != 0) tagger->second_.Load(r);
  KG_RETURN_IF_ERROR(r.Finish());
  if (nc == 0 || tagger->model_.num_classes() != static_cast<int>(nc)) {
    return base::Status::Corruption(source + ": corrupt model file: class counts disagree");
  }
  return tagger;
}

base::Result<std::unique_ptr<PosTagger>> PosTagger::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open tagger model " + path);
  return Load(in, path);
}

}  // namespace kg::extract
