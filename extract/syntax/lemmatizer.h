#pragma once
// Lemmatizer: lemma and morphological features of a tagged word. Learned from a
// treebank's (form, XPOS, lemma, feats): known words by lookup, unseen words by suffix
// rewrite rules learned per XPOS (attacked -> attack, skipping -> skip, talks -> talk),
// proper nouns keep their case. Immutable after Load()/Train(); const methods thread-safe.

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/document.h"
#include "extract/syntax/model_io.h"

namespace kg::extract {

class Lemmatizer {
 public:
  static constexpr const char* kFormat = "kg-lemmatizer";
  static constexpr uint32_t kVersion = 1;

  static base::Result<std::unique_ptr<Lemmatizer>> Load(std::istream& in, const std::string& source);
  static base::Result<std::unique_ptr<Lemmatizer>> LoadFile(const std::string& path);
  // Learns from sentences with gold text/xpos/lemma/feats.
  static std::unique_ptr<Lemmatizer> Train(const std::vector<Sentence>& train,
                                           const ModelMetadata& metadata);
  base::Status Save(std::ostream& out) const;

  // The lemma of `form` tagged `xpos`/`upos`.
  std::string Lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;
  // The UD features ("Number=Sing", "" for none) of `form` tagged `upos`/`xpos`.
  std::string Feats(std::string_view form, std::string_view upos, std::string_view xpos) const;
  // Sets Token::lemma and Token::feats from text and tags (with the next words for a
  // contracted 's or 'd: "have" before a past participle). REQUIRES: tagged tokens.
  void Lemmatize(Sentence* sentence) const;

  const ModelMetadata& metadata() const { return metadata_; }
  ModelMetadata& mutable_metadata() { return metadata_; }

 private:
  Lemmatizer() = default;
  struct Edit {
    uint8_t cut = 0;     // bytes removed from the end of the lower-case form
    std::string append;  // then appended
  };
  // For an unseen inflected word: the known lemma among the regular candidates
  // (stop|ped, agree|d, tr|ied->try, provok|ed->provoke), or "" when none is known.
  std::string KnownStem(std::string_view lower, std::string_view xpos) const;
  std::string ApplyRules(std::string_view form, std::string_view lower, std::string_view xpos,
                         bool proper) const;

  std::unordered_map<std::string, std::string> exact_;   // form \t xpos -> lemma
  std::unordered_map<std::string, std::string> lower_;   // lower \t xpos -> lemma
  std::unordered_map<std::string, std::string> any_tag_;  // lower -> usual lemma
  std::unordered_map<std::string, Edit> suffix_rules_;   // xpos \t suffix -> edit
  std::unordered_map<std::string, std::string> feats_;   // lower \t upos \t xpos -> feats
  std::unordered_map<std::string, std::string> tag_feats_;  // upos \t xpos -> feats
  std::unordered_map<std::string, uint32_t> lemma_counts_;   // lower-case lemma -> count
  ModelMetadata metadata_;
};

}  // namespace kg::extract
