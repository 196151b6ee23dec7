// `kg evaluate --gold X.conllu [--pred Y.conllu] [--raw]`: scores of our analysis (or of a
// given prediction) against a gold treebank: UPOS, XPOS, lemma, feats, UAS, LAS on gold
// tokenisation; with --raw, word and sentence F1 of the tokenizer on the rebuilt raw text.
// `kg evaluate --ner GOLD.iob2 [--pred Y.iob2] [--tagger-only]`: named-entity precision,
// recall and F1 per type (PER, ORG, LOC; our GPE counts as LOC) and micro-averaged, by
// exact span match, of our recognizer run on the gold tokens (or of a given prediction).
// `kg evaluate --coref GUM_DIR [--split dev|test] [--verbose]`: pronoun resolution against
// GUM's coreference chains (pronouns with a named antecedent), through the whole pipeline.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "base/resources.h"
#include "cli/command.h"
#include "extract/coref/coref_evaluation.h"
#include "extract/document.h"
#include "extract/pipeline_extractor.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/ner_corpus.h"
#include "extract/ner/ner_evaluation.h"
#include "extract/ner/ner_trainer.h"
#include "extract/syntax/analyzer.h"
#include "extract/syntax/conllu.h"
#include "extract/syntax/evaluation.h"
#include "extract/text/tokenizer.h"

namespace kg::cli {
namespace {

std::string Row(const std::string& name, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%-10s %6.2f\n", name.c_str(), v);
  return buf;
}

class EvaluateCommand : public Command {
 public:
  std::string Name() const override { return "evaluate"; }
  std::string Help() const override {
    return "Score the analysis (or a prediction) against a gold CoNLL-U treebank or IOB2 entities";
  }
  void Configure(CLI::App& app) override {
    app.add_option("--gold", gold_, "Gold CoNLL-U treebank");
    app.add_option("--ner", ner_gold_, "Gold named entities, IOB2 (index, token, label): score "
                                       "the recognizer (or --pred) per type and micro");
    app.add_option("--coref", coref_dir_, "A GUM directory (SPLITS.md, dep/, coref/): score pronoun "
                                          "resolution to named entities");
    app.add_option("--split", split_, "With --coref: the GUM split to score (dev or test)")
        ->check(CLI::IsMember({"train", "dev", "test"}));
    app.add_flag("--verbose", verbose_, "With --coref: list every missed or wrong pronoun");
    app.add_flag("--tagger-only", tagger_only_, "With --ner: score the NER tagger alone, "
                                                "without the gazetteer rules and resolution");
    app.add_option("--pred", pred_, "Predicted CoNLL-U (default: analyse the gold words "
                                    "with the models)");
    app.add_flag("--raw", raw_, "Tokenize the raw text rebuilt from the gold treebank and "
                                "report word and sentence F1");
    app.add_flag("--split-hyphens", split_hyphens_,
                 "With --raw: split hyphenated compounds as EWT does");
  }
  base::Status Validate() override {
    if ((gold_.empty() ? 0 : 1) + (ner_gold_.empty() ? 0 : 1) + (coref_dir_.empty() ? 0 : 1) != 1) {
      return base::Status::InvalidArgument("give one of --gold X.conllu, --ner X.iob2 or --coref GUM_DIR");
    }
    if (!ner_gold_.empty() && raw_) return base::Status::InvalidArgument("--raw applies to --gold only");
    if (tagger_only_ && (ner_gold_.empty() || !pred_.empty())) {
      return base::Status::InvalidArgument("--tagger-only applies to --ner without --pred");
    }
    if (raw_ && !pred_.empty()) {
      return base::Status::InvalidArgument("--raw and --pred cannot be combined");
    }
    return base::Status::Ok();
  }
  int Run(CliContext& ctx) override {
    if (!ner_gold_.empty()) return RunNer(ctx);
    if (!coref_dir_.empty()) return RunCoref(ctx);
    auto gold = extract::ReadConlluFile(gold_);
    if (!gold.ok()) return Fail(ctx, gold.status());
    if (gold->empty()) return Fail(ctx, base::Status::InvalidArgument(gold_ + ": no sentences"));
    if (raw_) {
      std::vector<extract::Sentence> gold_sents;
      const std::string text = extract::RebuildRawText(*gold, &gold_sents);
      extract::TokenizerOptions options;
      options.split_hyphens = split_hyphens_;
      const auto predicted = extract::Tokenizer(options).Tokenize(text);
      const auto s = extract::ScoreSegmentation(gold_sents, predicted);
      ctx.out << "gold words " << s.gold_words << ", predicted " << s.predicted_words
              << "; gold sentences " << s.gold_sentences << ", predicted "
              << s.predicted_sentences << "\n"
              << Row("words P", s.word_precision) << Row("words R", s.word_recall)
              << Row("words F1", s.word_f1) << Row("sents P", s.sentence_precision)
              << Row("sents R", s.sentence_recall) << Row("sents F1", s.sentence_f1);
      return 0;
    }
    std::vector<extract::Sentence> gold_sents, pred_sents;
    for (const auto& cs : *gold) gold_sents.push_back(cs.sentence);
    if (!pred_.empty()) {
      auto pred = extract::ReadConlluFile(pred_);
      if (!pred.ok()) return Fail(ctx, pred.status());
      for (const auto& cs : *pred) pred_sents.push_back(cs.sentence);
    } else {
      auto dir = base::FindResourceDir(base::ResourceKind::kModels, ctx.models_dir);
      if (!dir.ok()) return Fail(ctx, dir.status());
      auto analyzer = extract::Analyzer::Load(*dir);
      if (!analyzer.ok()) return Fail(ctx, analyzer.status());
      for (const auto& g : gold_sents) {
        extract::Sentence s;
        s.begin = g.begin;
        s.end = g.end;
        for (const auto& t : g.tokens) {
          extract::Token bare;
          bare.text = t.text;
          bare.begin = t.begin;
          bare.end = t.end;
          bare.space_after = t.space_after;
          s.tokens.push_back(std::move(bare));
        }
        pred_sents.push_back(std::move(s));
      }
      (*analyzer)->AnalyzeSentences(&pred_sents);
    }
    auto sc = extract::ScoreAnalysis(gold_sents, pred_sents);
    if (!sc.ok()) return Fail(ctx, sc.status());
    ctx.out << "words      " << sc->words << "\n"
            << Row("UPOS", sc->upos) << Row("XPOS", sc->xpos) << Row("lemma", sc->lemma)
            << Row("feats", sc->feats) << Row("UAS", sc->uas) << Row("LAS", sc->las);
    return 0;
  }

 private:
  int RunNer(CliContext& ctx) const {
    auto gold = extract::ReadIob2File(ner_gold_);
    if (!gold.ok()) return Fail(ctx, gold.status());
    if (gold->empty()) return Fail(ctx, base::Status::InvalidArgument(ner_gold_ + ": no sentences"));
    std::vector<std::vector<extract::NerSpan>> gold_spans, predicted;
    for (const auto& ex : *gold) gold_spans.push_back(ex.spans);
    if (!pred_.empty()) {
      auto pred = extract::ReadIob2File(pred_);
      if (!pred.ok()) return Fail(ctx, pred.status());
      if (pred->size() != gold->size()) {
        return Fail(ctx, base::Status::InvalidArgument(pred_ + " has " + std::to_string(pred->size()) +
                                                       " sentences, " + ner_gold_ + " has " +
                                                       std::to_string(gold->size())));
      }
      for (const auto& ex : *pred) predicted.push_back(ex.spans);
    } else {
      auto models = base::FindResourceDir(base::ResourceKind::kModels, ctx.models_dir);
      if (!models.ok()) return Fail(ctx, models.status());
      auto data = base::FindResourceDir(base::ResourceKind::kData, ctx.data_dir);
      if (!data.ok()) return Fail(ctx, data.status());
      auto analyzer = extract::Analyzer::Load(*models);
      if (!analyzer.ok()) return Fail(ctx, analyzer.status());
      auto recognizer = extract::EntityRecognizer::Load(*models, *data);
      if (!recognizer.ok()) return Fail(ctx, recognizer.status());
      // Predicted POS on the gold tokens, as the pipeline has them.
      std::vector<extract::Sentence> sentences;
      for (const auto& ex : *gold) {
        extract::Sentence s;
        s.tokens = ex.tokens;
        sentences.push_back(std::move(s));
      }
      (*analyzer)->AnalyzeSentences(&sentences);
      for (size_t i = 0; i < gold->size(); ++i) (*gold)[i].tokens = std::move(sentences[i].tokens);
      if (tagger_only_) {
        const extract::EntityRecognizer& r = **recognizer;
        predicted = extract::TagExamples(*r.tagger(), &r.gazetteer(), &r.titles(), *gold);
      } else {
        predicted = extract::RecognizeExamples(**recognizer, *gold);
      }
    }
    const auto scores = extract::ScoreNer(gold_spans, predicted, {"PER", "ORG", "LOC"});
    ctx.out << "sentences " << gold->size() << "\n" << scores.Format();
    return 0;
  }
  int RunCoref(CliContext& ctx) const {
    auto models = base::FindResourceDir(base::ResourceKind::kModels, ctx.models_dir);
    if (!models.ok()) return Fail(ctx, models.status());
    auto data = base::FindResourceDir(base::ResourceKind::kData, ctx.data_dir);
    if (!data.ok()) return Fail(ctx, data.status());
    auto pipeline = extract::PipelineExtractor::Load(*models, *data);
    if (!pipeline.ok()) return Fail(ctx, pipeline.status());
    auto docs = extract::GumSplit(coref_dir_, split_);
    if (!docs.ok()) return Fail(ctx, docs.status());
    std::vector<std::string> errors;
    auto score = extract::EvaluateGumPronouns(
        coref_dir_, *docs, [&](extract::Document* doc) { return (*pipeline)->Referents(doc, ""); },
        verbose_ ? &errors : nullptr);
    if (!score.ok()) return Fail(ctx, score.status());
    for (const auto& e : errors) ctx.out << e << "\n";
    ctx.out << "GUM " << split_ << ": " << score->documents << " documents, " << score->evaluable
            << " pronouns with a named antecedent, " << score->resolved << " resolved, " << score->correct
            << " right\n"
            << Row("P", 100 * score->Precision()) << Row("R", 100 * score->Recall()) << Row("F1", 100 * score->F1());
    return 0;
  }
  int Fail(CliContext& ctx, const base::Status& s) const {
    ctx.err << "kg evaluate: " << s.message() << "\n";
    return 1;
  }
  std::string gold_, pred_, ner_gold_, coref_dir_;
  std::string split_ = "test";
  bool verbose_ = false;
  bool raw_ = false;
  bool tagger_only_ = false;
  bool split_hyphens_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeEvaluateCommand() { return std::make_unique<EvaluateCommand>(); }

}  // namespace kg::cli
