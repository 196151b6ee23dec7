#include "extract/ner/ner_training.h"

#include <cstdio>
#include <ostream>
#include <sstream>

#include "extract/document.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/ner_corpus.h"
#include "extract/ner/ner_evaluation.h"
#include "extract/ner/ner_tagger.h"
#include "extract/ner/title_lexicon.h"
#include "extract/syntax/conllu.h"
#include "extract/syntax/pos_tagger.h"

namespace kg::extract {

namespace {

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void TagExamplesPos(const PosTagger& tagger, std::vector<NerExample>* examples) {
  for (NerExample& ex : *examples) {
    Sentence s;
    s.tokens = ex.tokens;
    tagger.Tag(&s);
    for (size_t i = 0; i < ex.tokens.size(); ++i) {
      ex.tokens[i].upos = s.tokens[i].upos;
      ex.tokens[i].xpos = s.tokens[i].xpos;
    }
  }
}

// "PER 85.1 ORG 55.2 LOC 78.0 micro 73.4" for the metadata.
std::string Summary(const NerScores& s) {
  std::string out;
  for (const NerCounts& c : s.per_type) out += c.type + " " + Fixed(c.F1()) + " ";
  return out + "micro " + Fixed(s.micro.F1());
}

}  // namespace

void JackknifeTags(std::vector<Sentence>* sentences, int folds, int tagger_epochs, uint32_t seed, std::ostream* log) {
  TaggerTrainOptions options;
  options.epochs = tagger_epochs;
  options.seed = seed;
  for (int k = 0; k < folds; ++k) {
    std::vector<Sentence> part;
    for (size_t i = 0; i < sentences->size(); ++i) {
      if (static_cast<int>(i % folds) != k) part.push_back((*sentences)[i]);
    }
    const std::unique_ptr<PosTagger> tagger = PosTagger::Train(part, options);
    for (size_t i = k; i < sentences->size(); i += folds) tagger->Tag(&(*sentences)[i]);
    if (log) *log << "jackknife fold " << (k + 1) << "/" << folds << " tagged\n" << std::flush;
  }
}

base::Result<std::unique_ptr<NerTagger>> TrainNerModel(const NerTrainingSetup& setup, std::ostream* log) {
  if (setup.train_iob2.empty()) return base::Status::InvalidArgument("no training files");
  if (setup.treebank.empty() && setup.tagger_model.empty()) {
    return base::Status::InvalidArgument("the training sentences need POS tags: give a treebank or a tagger model");
  }
  auto gazetteer = Gazetteer::LoadDir(setup.data_dir + "/gazetteer");
  if (!gazetteer.ok()) return gazetteer.status();
  auto titles = TitleLexicon::LoadDir(setup.data_dir + "/gazetteer");
  if (!titles.ok()) return titles.status();
  std::unique_ptr<PosTagger> pos;
  if (!setup.tagger_model.empty()) {
    auto loaded = PosTagger::LoadFile(setup.tagger_model);
    if (!loaded.ok()) return loaded.status();
    pos = std::move(*loaded);
  }

  std::vector<NerExample> train;
  for (const std::string& file : setup.train_iob2) {
    auto examples = ReadIob2File(file);
    if (!examples.ok()) return examples.status();
    train.insert(train.end(), std::make_move_iterator(examples->begin()), std::make_move_iterator(examples->end()));
  }
  std::string pos_source;
  if (!setup.treebank.empty()) {
    auto treebank = ReadConlluFile(setup.treebank);
    if (!treebank.ok()) return treebank.status();
    if (setup.folds >= 2) {
      std::vector<Sentence> sentences;
      for (const ConlluSentence& s : *treebank) sentences.push_back(s.sentence);
      JackknifeTags(&sentences, setup.folds, setup.tagger_epochs, static_cast<uint32_t>(setup.options.seed), log);
      for (size_t i = 0; i < sentences.size(); ++i) (*treebank)[i].sentence = std::move(sentences[i]);
      pos_source = "tags jackknifed over " + std::to_string(setup.folds) + " folds of " + setup.treebank;
    } else {
      pos_source = "gold tags of " + setup.treebank;
    }
    KG_RETURN_IF_ERROR(AttachTags(*treebank, setup.treebank, &train));
  } else {
    TagExamplesPos(*pos, &train);
    pos_source = "tags from " + setup.tagger_model;
  }
  for (const std::string& file : setup.gum_files) {
    auto examples = ReadGumConllu(file, titles->get());
    if (!examples.ok()) return examples.status();
    if (pos) TagExamplesPos(*pos, &*examples);
    train.insert(train.end(), std::make_move_iterator(examples->begin()), std::make_move_iterator(examples->end()));
  }
  std::vector<NerExample> dev;
  if (!setup.dev_iob2.empty()) {
    auto examples = ReadIob2File(setup.dev_iob2);
    if (!examples.ok()) return examples.status();
    dev = std::move(*examples);
    if (!pos) return base::Status::InvalidArgument("tagging the dev set needs a tagger model");
    TagExamplesPos(*pos, &dev);
  }

  auto trained = TrainNerTagger(train, dev, gazetteer->get(), titles->get(), setup.options, log);
  if (!trained.ok()) return trained.status();
  std::unique_ptr<NerTagger> tagger = std::move(trained->tagger);
  ModelMetadata& meta = tagger->mutable_metadata();
  meta["command"] = setup.command;
  std::string data;
  for (const std::string& f : setup.train_iob2) data += (data.empty() ? "" : " ") + f;
  if (!setup.gum_files.empty()) data += " + " + std::to_string(setup.gum_files.size()) + " GUM documents";
  meta["data"] = data;
  meta["train_pos"] = pos_source;
  meta["train_sentences"] = std::to_string(train.size());
  meta["epochs"] = std::to_string(setup.options.epochs);
  meta["best_epoch"] = std::to_string(trained->best_epoch);
  meta["seed"] = std::to_string(setup.options.seed);
  if (!dev.empty()) {
    // Scores of the model as it will be loaded: through its file, then inside the recognizer.
    std::stringstream bytes;
    KG_RETURN_IF_ERROR(tagger->Save(bytes));
    auto reloaded = NerTagger::Load(bytes, "the new model");
    if (!reloaded.ok()) return reloaded.status();
    std::vector<std::vector<NerSpan>> gold;
    for (const NerExample& ex : dev) gold.push_back(ex.spans);
    const NerScores alone = ScoreNer(gold, TagExamples(**reloaded, gazetteer->get(), titles->get(), dev),
                                     {"PER", "ORG", "LOC"});
    auto recognizer = EntityRecognizer::FromParts(std::move(*gazetteer), std::move(*titles), std::move(*reloaded));
    const NerScores full = ScoreNer(gold, RecognizeExamples(*recognizer, dev), {"PER", "ORG", "LOC"});
    meta["dev"] = setup.dev_iob2 + " (tags from " + setup.tagger_model + ")";
    meta["dev_tagger"] = Summary(alone);
    meta["dev_recognizer"] = Summary(full);
    meta["dev_f1"] = Fixed(full.micro.F1());
    if (log) *log << "dev, tagger alone: " << Summary(alone) << "\ndev, recognizer: " << Summary(full) << "\n";
  }
  return tagger;
}

}  // namespace kg::extract
