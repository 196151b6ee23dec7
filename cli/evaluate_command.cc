// `kg evaluate --gold X.conllu [--pred Y.conllu] [--raw]`: scores of our analysis (or of a
// given prediction) against a gold treebank: UPOS, XPOS, lemma, feats, UAS, LAS on gold
// tokenisation; with --raw, word and sentence F1 of the tokenizer on the rebuilt raw text.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "base/resources.h"
#include "cli/command.h"
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
    return "Score the analysis (or a prediction) against a gold CoNLL-U treebank";
  }
  void Configure(CLI::App& app) override {
    app.add_option("--gold", gold_, "Gold CoNLL-U treebank")->required();
    app.add_option("--pred", pred_, "Predicted CoNLL-U (default: analyse the gold words "
                                    "with the models)");
    app.add_flag("--raw", raw_, "Tokenize the raw text rebuilt from the gold treebank and "
                                "report word and sentence F1");
    app.add_flag("--split-hyphens", split_hyphens_,
                 "With --raw: split hyphenated compounds as EWT does");
  }
  base::Status Validate() override {
    if (raw_ && !pred_.empty()) {
      return base::Status::InvalidArgument("--raw and --pred cannot be combined");
    }
    return base::Status::Ok();
  }
  int Run(CliContext& ctx) override {
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
  int Fail(CliContext& ctx, const base::Status& s) const {
    ctx.err << "kg evaluate: " << s.message() << "\n";
    return 1;
  }
  std::string gold_, pred_;
  bool raw_ = false;
  bool split_hyphens_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeEvaluateCommand() { return std::make_unique<EvaluateCommand>(); }

}  // namespace kg::cli
