#pragma once
// NER evaluation by exact span match (the CoNLL convention): a predicted entity counts
// only when its first token, last token and type all equal a gold entity's. Per-type
// and micro-averaged precision, recall and F1. Pure functions; thread-safe.

#include <iosfwd>
#include <string>
#include <vector>

#include "extract/ner/ner_labels.h"

namespace kg::extract {

class EntityRecognizer;
struct Document;
struct NerExample;

struct NerCounts {
  std::string type;  // "PER", ..., or "micro"
  int gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct NerScores {
  std::vector<NerCounts> per_type;  // in the order of the `types` asked for
  NerCounts micro;
  // A table: "type  gold  pred  correct  P  R  F1", one row per type and "micro".
  std::string Format() const;
};

// Scores sentence-aligned span lists over `types` (spans of other types are ignored).
// REQUIRES: gold.size() == predicted.size().
NerScores ScoreNer(const std::vector<std::vector<NerSpan>>& gold, const std::vector<std::vector<NerSpan>>& predicted,
                   const std::vector<std::string>& types);

// The examples as Documents, one per run of one doc_id (tokens joined by spaces, one
// sentence a line), ready for EntityRecognizer::Recognize.
std::vector<Document> DocumentsFromExamples(const std::vector<NerExample>& examples);

// Each sentence's Token::ner spans in the tagger's types: GPE -> LOC; NORP, DATE dropped.
std::vector<std::vector<NerSpan>> TaggerTypeSpans(const std::vector<Document>& docs);

// Runs the full recognizer over examples with gold tokens (and the POS tags they carry)
// and returns TaggerTypeSpans of the result.
std::vector<std::vector<NerSpan>> RecognizeExamples(const EntityRecognizer& recognizer,
                                                    const std::vector<NerExample>& examples);

}  // namespace kg::extract
