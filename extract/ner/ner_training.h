#pragma once
// The recipe behind `kg train ner`: read IOB2 training data (and optionally GUM's typed
// mentions), give the training sentences the kind of POS tags the pipeline will produce
// (jackknifed over their treebank, or from a tagger model), tag the dev set with the
// tagger model, train the NER tagger, and record in its metadata how it was made and its
// dev scores: the tagger's alone and the whole recognizer's (the figure the regression
// test checks). Free functions; not thread-safe (they log and train).

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/ner/ner_trainer.h"

namespace kg::extract {

class NerTagger;
struct Sentence;

struct NerTrainingSetup {
  std::vector<std::string> train_iob2;  // IOB2 training files (UNER layout)
  std::vector<std::string> gum_files;   // GUM CoNLL-U documents to add (typed mentions)
  std::string treebank;                 // CoNLL-U holding the training sentences, for POS
  int folds = 10;                       // jackknife folds over the treebank (0: its gold tags)
  int tagger_epochs = 10;               // epochs of each jackknife tagger
  std::string dev_iob2;                 // IOB2 dev file ("" = none)
  std::string tagger_model;             // POS model that tags dev (and train without treebank)
  std::string data_dir;                 // the data/ directory (gazetteer/)
  std::string command;                  // the command line, for the metadata
  NerTrainOptions options;
};

// Trains and returns the tagger, its metadata filled in (command, data, POS source,
// epochs, dev scores; the caller adds the date). REQUIRES: train_iob2 non-empty, and
// treebank or tagger_model set.
base::Result<std::unique_ptr<NerTagger>> TrainNerModel(const NerTrainingSetup& setup, std::ostream* log);

// Replaces the UPOS/XPOS of each sentence by those of a tagger trained on the other
// folds (sentence i is in fold i % folds), so that a model trained on them sees real
// tagger errors. REQUIRES: folds >= 2; sentences carry gold tags.
void JackknifeTags(std::vector<Sentence>* sentences, int folds, int tagger_epochs, uint32_t seed, std::ostream* log);

}  // namespace kg::extract
