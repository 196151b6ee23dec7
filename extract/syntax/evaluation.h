#pragma once
// Scores of an analysis against a gold CoNLL-U treebank: tag, lemma and attachment
// accuracies over the same words (gold tokenisation), and word and sentence F1 of a
// tokenizer run on the raw text rebuilt from the treebank. LAS compares the universal
// part of the label (before ':'), as in the CoNLL 2018 shared task. Pure functions.

#include <string>
#include <vector>

#include "base/status.h"
#include "extract/document.h"

namespace kg::extract {

struct ConlluSentence;

struct AnalysisScores {
  size_t words = 0;
  double upos = 0, xpos = 0, lemma = 0, feats = 0, uas = 0, las = 0;  // percentages
};

struct SegmentationScores {
  size_t gold_words = 0, predicted_words = 0, gold_sentences = 0, predicted_sentences = 0;
  double word_precision = 0, word_recall = 0, word_f1 = 0;  // percentages
  double sentence_precision = 0, sentence_recall = 0, sentence_f1 = 0;
};

// Compares `predicted` with `gold` word by word. Fails with InvalidArgument when the
// two do not have the same sentences and word forms.
base::Result<AnalysisScores> ScoreAnalysis(const std::vector<Sentence>& gold,
                                           const std::vector<Sentence>& predicted);

// The raw text of a treebank: sentences joined by one space (none after SpaceAfter=No),
// paragraphs (# newpar) and documents (# newdoc) by a blank line. Fills `gold` with the
// sentences re-based onto that text (token and sentence offsets).
std::string RebuildRawText(const std::vector<ConlluSentence>& treebank,
                           std::vector<Sentence>* gold);

// Word and sentence F1: a predicted word or sentence counts when its byte span equals a
// gold one. Both refer to the same text.
SegmentationScores ScoreSegmentation(const std::vector<Sentence>& gold,
                                     const std::vector<Sentence>& predicted);

}  // namespace kg::extract
