#pragma once
// NerFeatureExtractor: the features the NER tagger scores, as 64-bit hashes per token:
// word, lowercase, shape, prefixes and suffixes, POS, neighbours, sentence position and
// casing, gazetteer membership with its BILU position, given names, title words before
// the token, name keywords in the capitalised run, and document-level casing of the word.
// Immutable; Extract() is const and thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::extract {

struct Token;
struct GazetteerMatch;
class Gazetteer;
class TitleLexicon;

// Which feature groups a model uses; stored in the model file.
struct NerFeatureOptions {
  bool pos = true;        // UPOS / XPOS of the token and its neighbours
  bool lexicons = true;   // gazetteer, given names, titles, name keywords
  bool document = true;   // how the word is cased elsewhere in the document
  uint32_t Bits() const { return (pos ? 1u : 0u) | (lexicons ? 2u : 0u) | (document ? 4u : 0u); }
  static NerFeatureOptions FromBits(uint32_t bits) { return {(bits & 1u) != 0, (bits & 2u) != 0, (bits & 4u) != 0}; }
};

// Casing of each word across one document: a word capitalised away from the sentence
// start elsewhere is likely a name even where it starts a sentence.
class DocumentWordStats {
 public:
  // Counts the words of one sentence.
  void Add(const std::vector<Token>& tokens);
  // 0: seen only lowercase mid-sentence, 1: mixed, 2: only capitalised, 3: no evidence.
  int CaseClass(std::string_view lower) const;

 private:
  std::unordered_map<std::string, std::pair<int, int>> counts_;  // lower -> (capitalised, lowercase)
};

// Feature hashes of a sentence: token i owns hashes[offsets[i] .. offsets[i + 1]).
struct NerFeatureMatrix {
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> offsets;
  int size() const { return offsets.empty() ? 0 : static_cast<int>(offsets.size()) - 1; }
};

// What the extractor reads for one sentence. Pointers are borrowed; optional ones may be null.
struct NerSentenceInput {
  const std::vector<Token>* tokens = nullptr;
  const std::vector<std::string>* folded = nullptr;        // FoldTokens(*tokens)
  const std::vector<GazetteerMatch>* matches = nullptr;    // Gazetteer::Match; null = none
  const DocumentWordStats* document = nullptr;
};

class NerFeatureExtractor {
 public:
  // `gazetteer` and `titles` may be null (their features are then absent); not owned.
  NerFeatureExtractor(NerFeatureOptions options, const Gazetteer* gazetteer, const TitleLexicon* titles);
  // Fills `out` with the features of every token of `input`.
  void Extract(const NerSentenceInput& input, NerFeatureMatrix* out) const;
  const NerFeatureOptions& options() const { return options_; }

 private:
  NerFeatureOptions options_;
  const Gazetteer* gazetteer_;
  const TitleLexicon* titles_;
};

// The lowercase form the features use: ASCII lowercase with digits mapped to '0'.
std::string NerWordForm(std::string_view text);

}  // namespace kg::extract
