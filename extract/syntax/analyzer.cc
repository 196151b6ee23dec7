#include "extract/syntax/analyzer.h"

#include "extract/syntax/dependency_parser.h"
#include "extract/syntax/lemmatizer.h"
#include "extract/syntax/pos_tagger.h"
#include "extract/text/tokenizer.h"

namespace kg::extract {

Analyzer::Analyzer() : tokenizer_(std::make_unique<Tokenizer>()) {}
Analyzer::~Analyzer() = default;

base::Result<std::unique_ptr<Analyzer>> Analyzer::Load(const std::string& models_dir) {
  auto tagger = PosTagger::LoadFile(models_dir + "/tagger.bin");
  if (!tagger.ok()) return tagger.status();
  auto lemmatizer = Lemmatizer::LoadFile(models_dir + "/lemmatizer.bin");
  if (!lemmatizer.ok()) return lemmatizer.status();
  auto parser = DependencyParser::LoadFile(models_dir + "/parser.bin");
  if (!parser.ok()) return parser.status();
  return FromParts(std::move(*tagger), std::move(*lemmatizer), std::move(*parser));
}

std::unique_ptr<Analyzer> Analyzer::FromParts(std::unique_ptr<PosTagger> tagger,
                                              std::unique_ptr<Lemmatizer> lemmatizer,
                                              std::unique_ptr<DependencyParser> parser) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  a->tagger_ = std::move(tagger);
  a->lemmatizer_ = std::move(lemmatizer);
  a->parser_ = std::move(parser);
  return a;
}

Document Analyzer::Analyze(std::string text) const {
  Document doc;
  doc.text = std::move(text);
  doc.sentences = tokenizer_->Tokenize(doc.text);
  AnalyzeSentences(&doc.sentences);
  return doc;
}

void Analyzer::AnalyzeSentences(std::vector<Sentence>* sentences) const {
  // Stage by stage over all sentences rather than sentence by sentence: the tagger's and
  // the parser's weight tables (about 15 MB each) then take turns in the cache instead
  // of evicting each other at every sentence. Each stage reads only the sentence it
  // works on, so the results are the same.
  tagger_->TagAll(sentences);
  for (Sentence& s : *sentences) {
    if (!s.tokens.empty()) lemmatizer_->Lemmatize(&s);
  }
  for (Sentence& s : *sentences) {
    if (!s.tokens.empty()) parser_->Parse(&s);
  }
}

}  // namespace kg::extract
