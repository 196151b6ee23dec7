#pragma once
// Analyzer: English text -> Document with tokens, sentences, UPOS/XPOS tags, lemmas,
// morphological features and labelled dependency trees, using the models in models/
// (tagger.bin, lemmatizer.bin, parser.bin). Immutable after Load(); Analyze() and
// AnalyzeSentences() are const and thread-safe, so one instance serves many threads.
// Later stages (NER) take the Document it returns and fill Token::ner themselves.

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/document.h"

namespace kg::extract {

class Tokenizer;
class PosTagger;
class Lemmatizer;
class DependencyParser;

class Analyzer {
 public:
  ~Analyzer();

  // Loads tagger.bin, lemmatizer.bin and parser.bin from `models_dir`. Fails naming the
  // file and the problem (missing, truncated, wrong format or version).
  static base::Result<std::unique_ptr<Analyzer>> Load(const std::string& models_dir);

  // Builds an analyzer from already loaded parts. REQUIRES: all non-null.
  static std::unique_ptr<Analyzer> FromParts(std::unique_ptr<PosTagger> tagger,
                                             std::unique_ptr<Lemmatizer> lemmatizer,
                                             std::unique_ptr<DependencyParser> parser);

  // Tokenizes, tags, lemmatizes and parses `text`. Token offsets index Document::text.
  Document Analyze(std::string text) const;

  // Tags, lemmatizes and parses sentences whose tokens are already set (Token::text).
  void AnalyzeSentences(std::vector<Sentence>* sentences) const;

  // The parts, for tools that run one stage alone (evaluation, benchmarks).
  const Tokenizer& tokenizer() const { return *tokenizer_; }
  const PosTagger& tagger() const { return *tagger_; }
  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }
  const DependencyParser& parser() const { return *parser_; }

 private:
  Analyzer();
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<PosTagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<DependencyParser> parser_;
};

}  // namespace kg::extract
