#pragma once
// Helpers for the NER tests (header-only: the test build compiles only *_test.cc files):
// sentences and documents from plain strings, with a rough POS (capitalised words PROPN,
// a few function words, the rest NOUN) so that rule tests need no trained POS tagger;
// and a tiny NER tagger trained on bracketed sentences.

#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/ner/ner_corpus.h"
#include "extract/ner/ner_tagger.h"
#include "extract/ner/ner_trainer.h"

namespace kg::testing {

inline std::string RoughPos(const std::string& w) {
  static const std::set<std::string> kDet = {"the", "a", "an", "The", "A", "An", "this", "its", "their"};
  static const std::set<std::string> kAdp = {"of", "in", "at", "to", "from", "with", "on", "by", "for", "into"};
  static const std::set<std::string> kVerb = {"said", "met", "visited", "called", "rejected", "accused", "left",
                                              "signed", "attacked", "told", "urged", "hit", "were", "was", "is"};
  if (w.empty()) return "X";
  if (kDet.count(w)) return "DET";
  if (kAdp.count(w)) return "ADP";
  if (kVerb.count(w)) return "VERB";
  if (w == "and" || w == "or") return "CCONJ";
  if (w == "'s") return "PART";
  if (w[0] >= '0' && w[0] <= '9') return "NUM";
  if (!((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0x80)) {
    return "PUNCT";
  }
  if ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xC3) return "PROPN";
  return "NOUN";
}

// Tokens of `text` split on spaces, with byte offsets into `text` and a rough POS.
inline std::vector<extract::Token> Words(const std::string& text, uint32_t offset = 0) {
  std::vector<extract::Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    extract::Token t;
    t.text = text.substr(pos, end - pos);
    t.begin = offset + static_cast<uint32_t>(pos);
    t.end = offset + static_cast<uint32_t>(end);
    t.upos = RoughPos(t.text);
    t.xpos = t.upos;
    tokens.push_back(std::move(t));
    pos = end;
  }
  return tokens;
}

// A document of the given lines (one sentence each, tokens split on spaces); a line
// starting with "# " is a heading (the marker is dropped).
inline extract::Document MakeDocument(const std::vector<std::string>& lines) {
  extract::Document doc;
  for (std::string line : lines) {
    extract::Sentence s;
    if (line.rfind("# ", 0) == 0) {
      line = line.substr(2);
      s.heading = true;
    }
    s.begin = static_cast<uint32_t>(doc.text.size());
    s.tokens = Words(line, s.begin);
    doc.text += line;
    s.end = static_cast<uint32_t>(doc.text.size());
    doc.text += "\n\n";
    doc.sentences.push_back(std::move(s));
  }
  return doc;
}

// An NER example from "[PER Ana Ruiz] met [ORG Acme Group] in [LOC Paris] ."
inline extract::NerExample Bracketed(const std::string& sentence) {
  extract::NerExample ex;
  std::istringstream in(sentence);
  std::string w, type;
  int begin = -1;
  std::string text;
  while (in >> w) {
    if (w[0] == '[') {
      type = w.substr(1);
      begin = static_cast<int>(ex.tokens.size());
      continue;
    }
    bool close = w.size() > 1 && w.back() == ']';
    if (close) w.pop_back();
    text += (text.empty() ? "" : " ") + w;
    if (close) {
      ex.spans.push_back({begin, static_cast<int>(ex.tokens.size()) + 1, type});
    }
    extract::Token t;
    t.text = w;
    t.upos = RoughPos(w);
    t.xpos = t.upos;
    ex.tokens.push_back(std::move(t));
  }
  return ex;
}

// A NER tagger trained (8 epochs, no lexicons) on bracketed sentences. Deterministic.
inline std::unique_ptr<extract::NerTagger> TrainToyTagger(const std::vector<std::string>& sentences) {
  std::vector<extract::NerExample> train;
  for (const std::string& s : sentences) train.push_back(Bracketed(s));
  extract::NerTrainOptions options;
  options.epochs = 8;
  options.features.lexicons = false;
  options.min_count = 1;
  auto result = extract::TrainNerTagger(train, {}, nullptr, nullptr, options, nullptr);
  return result.ok() ? std::move(result->tagger) : nullptr;
}

}  // namespace kg::testing
