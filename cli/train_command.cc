// `kg train tagger|lemmatizer|parser --train X.conllu --dev Y.conllu -o MODEL`: trains
// one of the analysis models on CoNLL-U treebanks and records how (command, data, date,
// dev scores) in the model header. The parser is trained on jackknifed predicted tags.
// `kg train ner --train X.iob2 --treebank X.conllu --dev Y.iob2 --tagger T -o MODEL`:
// the NER tagger (extract/ner/ner_training.h), on jackknifed tags of the treebank.
#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <regex>
#include <sstream>

#include "base/resources.h"
#include "cli/command.h"
#include "extract/ner/ner_tagger.h"
#include "extract/ner/ner_training.h"
#include "extract/syntax/conllu.h"
#include "extract/syntax/dependency_parser.h"
#include "extract/syntax/evaluation.h"
#include "extract/syntax/lemmatizer.h"
#include "extract/syntax/pos_tagger.h"

namespace kg::cli {
namespace {

using extract::Sentence;

std::string Fixed(double v) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(2) << v;
  return s.str();
}

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// The documents of the "## train" section of a GUM SPLITS.md, as dep/<doc>.conllu paths.
base::Result<std::vector<std::string>> GumTrainFiles(const std::string& dir) {
  std::ifstream in(dir + "/SPLITS.md");
  if (!in) return base::Status::NotFound("cannot open " + dir + "/SPLITS.md");
  std::vector<std::string> files;
  std::string line;
  bool in_train = false;
  const std::regex item(R"(^\s*\*\s+(GUM_\S+)\s*$)");
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_train = line.rfind("## train", 0) == 0;
    std::smatch m;
    if (in_train && std::regex_match(line, m, item)) files.push_back(dir + "/dep/" + m[1].str() + ".conllu");
  }
  if (files.empty()) return base::Status::InvalidArgument(dir + "/SPLITS.md lists no train documents");
  return files;
}

class TrainCommand : public Command {
 public:
  std::string Name() const override { return "train"; }
  std::string Help() const override {
    return "Train the tagger, lemmatizer or parser on CoNLL-U treebanks, or the NER tagger on IOB2";
  }
  void Configure(CLI::App& app) override {
    app.add_option("model", what_, "What to train: tagger, lemmatizer, parser or ner")
        ->required()
        ->check(CLI::IsMember({"tagger", "lemmatizer", "parser", "ner"}));
    app.add_option("--train", train_, "Training treebank(s), CoNLL-U (ner: IOB2 files)")->required();
    app.add_option("--treebank", treebank_, "NER: CoNLL-U treebank of the training sentences, "
                                            "whose tags are jackknifed over --folds");
    app.add_option("--gum", gum_, "Also train on the train split of this GUM directory "
                                  "(SPLITS.md and dep/)");
    app.add_option("--dev", dev_, "Development treebank (ner: IOB2): scores go into the model header");
    app.add_option("-o,--output", output_, "Model file to write")->required();
    app.add_option("--epochs", epochs_, "Training epochs (default: 10 tagger, 15 parser)");
    app.add_option("--seed", seed_, "Shuffling seed")->capture_default_str();
    app.add_option("--folds", folds_, "Parser: jackknife folds for predicted training tags "
                                      "(0 = train on gold tags)")
        ->capture_default_str();
    app.add_option("--tagger-epochs", tagger_epochs_, "Parser: epochs of each jackknife tagger")
        ->capture_default_str();
    app.add_option("--second-pass-folds", second_pass_folds_,
                   "Tagger: jackknife folds for a second pass that sees the first pass's "
                   "tags of the following words (0 = one pass)")
        ->capture_default_str();
    app.add_option("--tagger", tagger_, "Parser/lemmatizer/ner: tagger model that tags --dev");
    app.add_option("--prune", prune_, "Drop averaged weights below this magnitude")
        ->capture_default_str();
    app.add_flag("--no-explore", no_explore_, "Parser: train on the oracle path only");
  }
  base::Status Validate() override {
    if (what_ == "parser" && !dev_.empty() && tagger_.empty()) {
      return base::Status::InvalidArgument("training the parser with --dev needs --tagger MODEL "
                                           "to tag the dev set as the analyzer will");
    }
    if (folds_ == 1 || folds_ < 0) return base::Status::InvalidArgument("--folds must be 0 or >= 2");
    if (what_ == "ner" && ((!dev_.empty() && tagger_.empty()) || (treebank_.empty() && tagger_.empty()))) {
      return base::Status::InvalidArgument("training ner needs --tagger MODEL (to tag --dev) and "
                                           "--treebank X.conllu or --tagger (to tag --train)");
    }
    return base::Status::Ok();
  }

  int Run(CliContext& ctx) override {
    if (what_ == "ner") return TrainNer(ctx);
    std::vector<Sentence> train;
    std::vector<std::string> files = train_;
    if (!gum_.empty()) {
      auto gum = GumTrainFiles(gum_);
      if (!gum.ok()) return Fail(ctx, gum.status());
      files.insert(files.end(), gum->begin(), gum->end());
    }
    for (const auto& f : files) {
      auto tb = extract::ReadConlluFile(f);
      if (!tb.ok()) return Fail(ctx, tb.status());
      for (auto& cs : *tb) train.push_back(std::move(cs.sentence));
    }
    std::vector<Sentence> dev;
    if (!dev_.empty()) {
      auto tb = extract::ReadConlluFile(dev_);
      if (!tb.ok()) return Fail(ctx, tb.status());
      for (auto& cs : *tb) dev.push_back(std::move(cs.sentence));
    }
    std::ostream* log = ctx.quiet ? nullptr : &ctx.err;
    extract::ModelMetadata meta;
    meta["trained"] = Today();
    meta["data"] = Join(train_) + (gum_.empty() ? "" : " + GUM train split of " + gum_);
    meta["train_sentences"] = std::to_string(train.size());
    const auto start = std::chrono::steady_clock::now();
    base::Status saved;
    std::ostringstream bytes;
    if (what_ == "tagger") {
      extract::TaggerTrainOptions o;
      o.epochs = epochs_ > 0 ? epochs_ : 10;
      o.seed = seed_;
      o.prune = prune_;
      o.log = log;
      o.second_pass_folds = second_pass_folds_;
      meta["command"] = Command("tagger", o.epochs);
      o.metadata = meta;
      auto tagger = extract::PosTagger::Train(train, o);
      if (!dev.empty()) {
        std::vector<Sentence> pred = dev;
        for (auto& s : pred) tagger->Tag(&s);
        auto sc = extract::ScoreAnalysis(dev, pred);
        if (!sc.ok()) return Fail(ctx, sc.status());
        tagger->mutable_metadata()["dev"] = dev_;
        tagger->mutable_metadata()["dev_upos"] = Fixed(sc->upos);
        tagger->mutable_metadata()["dev_xpos"] = Fixed(sc->xpos);
        Report(ctx, "dev UPOS " + Fixed(sc->upos) + " XPOS " + Fixed(sc->xpos));
      }
      tagger->mutable_metadata()["train_seconds"] = Seconds(start);
      saved = tagger->Save(bytes);
    } else if (what_ == "lemmatizer") {
      meta["command"] = Command("lemmatizer", 0);
      auto lem = extract::Lemmatizer::Train(train, meta);
      if (!dev.empty()) {
        std::vector<Sentence> pred = dev;
        std::string how = "gold tags";
        std::unique_ptr<extract::PosTagger> tagger;
        if (!tagger_.empty()) {
          auto t = extract::PosTagger::LoadFile(tagger_);
          if (!t.ok()) return Fail(ctx, t.status());
          tagger = std::move(*t);
          how = "tags from " + tagger_;
        }
        for (auto& s : pred) {
          if (tagger) tagger->Tag(&s);
          lem->Lemmatize(&s);
        }
        auto sc = extract::ScoreAnalysis(dev, pred);
        if (!sc.ok()) return Fail(ctx, sc.status());
        lem->mutable_metadata()["dev"] = dev_ + " (" + how + ")";
        lem->mutable_metadata()["dev_lemma"] = Fixed(sc->lemma);
        lem->mutable_metadata()["dev_feats"] = Fixed(sc->feats);
        Report(ctx, "dev lemma " + Fixed(sc->lemma) + " feats " + Fixed(sc->feats) + " (" + how + ")");
      }
      saved = lem->Save(bytes);
    } else {
      int code = TrainParser(ctx, &train, dev, meta, log, &bytes, &saved);
      if (code != 0) return code;
    }
    if (!saved.ok()) return Fail(ctx, saved);
    return Write(ctx, bytes.str(), start);
  }

 private:
  int Write(CliContext& ctx, const std::string& bytes, std::chrono::steady_clock::time_point start) const {
    std::ofstream out(output_, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) {
      ctx.err << "kg train: cannot write " << output_ << "\n";
      return 1;
    }
    Report(ctx, "wrote " + output_ + " (" + std::to_string(bytes.size()) + " bytes) in " + Seconds(start) + " s");
    return 0;
  }

  int TrainNer(CliContext& ctx) {
    const auto start = std::chrono::steady_clock::now();
    extract::NerTrainingSetup setup;
    setup.train_iob2 = train_;
    if (!gum_.empty()) {
      auto gum = GumTrainFiles(gum_);
      if (!gum.ok()) return Fail(ctx, gum.status());
      setup.gum_files = *gum;
    }
    setup.treebank = treebank_;
    setup.folds = folds_;
    setup.tagger_epochs = tagger_epochs_;
    setup.dev_iob2 = dev_;
    setup.tagger_model = tagger_;
    auto data = base::FindResourceDir(base::ResourceKind::kData, ctx.data_dir);
    if (!data.ok()) return Fail(ctx, data.status());
    setup.data_dir = *data;
    if (epochs_ > 0) setup.options.epochs = epochs_;
    setup.options.seed = seed_;
    if (prune_ > 0) setup.options.prune = prune_;
    setup.command = Command("ner", setup.options.epochs);
    auto tagger = extract::TrainNerModel(setup, ctx.quiet ? nullptr : &ctx.err);
    if (!tagger.ok()) return Fail(ctx, tagger.status());
    (*tagger)->mutable_metadata()["trained"] = Today();
    (*tagger)->mutable_metadata()["train_seconds"] = Seconds(start);
    std::ostringstream bytes;
    if (auto saved = (*tagger)->Save(bytes); !saved.ok()) return Fail(ctx, saved);
    return Write(ctx, bytes.str(), start);
  }

  int TrainParser(CliContext& ctx, std::vector<Sentence>* train, const std::vector<Sentence>& dev,
                  extract::ModelMetadata meta, std::ostream* log, std::ostringstream* bytes,
                  base::Status* saved) {
    const auto start = std::chrono::steady_clock::now();
    // Jackknifing: tag each fold with a tagger trained on the others, so that the parser
    // learns from the kind of tags it will get.
    if (folds_ >= 2) {
      extract::TaggerTrainOptions to;
      to.epochs = tagger_epochs_;
      to.seed = seed_;
      for (int k = 0; k < folds_; ++k) {
        std::vector<Sentence> part;
        for (size_t i = 0; i < train->size(); ++i) {
          if (static_cast<int>(i % folds_) != k) part.push_back((*train)[i]);
        }
        auto tagger = extract::PosTagger::Train(part, to);
        for (size_t i = k; i < train->size(); i += folds_) {
          Sentence s = (*train)[i];
          tagger->Tag(&s);
          for (size_t j = 0; j < s.tokens.size(); ++j) {
            (*train)[i].tokens[j].upos = s.tokens[j].upos;
            (*train)[i].tokens[j].xpos = s.tokens[j].xpos;
          }
        }
        if (log) *log << "jackknife fold " << (k + 1) << "/" << folds_ << " tagged\n";
      }
    }
    std::vector<Sentence> dev_tagged = dev;
    if (!dev.empty()) {
      auto tagger = extract::PosTagger::LoadFile(tagger_);
      if (!tagger.ok()) return Fail(ctx, tagger.status());
      for (auto& s : dev_tagged) (*tagger)->Tag(&s);
    }
    extract::ParserTrainOptions o;
    o.epochs = epochs_ > 0 ? epochs_ : 15;
    o.seed = seed_;
    o.prune = prune_;
    o.log = log;
    if (no_explore_) o.explore_after = o.epochs;
    meta["command"] = Command("parser", o.epochs);
    meta["jackknife_folds"] = std::to_string(folds_);
    o.metadata = meta;
    auto parser = extract::DependencyParser::Train(*train, o);
    if (!parser.ok()) return Fail(ctx, parser.status());
    if (!dev.empty()) {
      for (auto& s : dev_tagged) (*parser)->Parse(&s);
      auto sc = extract::ScoreAnalysis(dev, dev_tagged);
      if (!sc.ok()) return Fail(ctx, sc.status());
      auto& m = (*parser)->mutable_metadata();
      m["dev"] = dev_ + " (tags from " + tagger_ + ")";
      m["dev_uas"] = Fixed(sc->uas);
      m["dev_las"] = Fixed(sc->las);
      Report(ctx, "dev UAS " + Fixed(sc->uas) + " LAS " + Fixed(sc->las));
    }
    (*parser)->mutable_metadata()["train_seconds"] = Seconds(start);
    *saved = (*parser)->Save(*bytes);
    return 0;
  }

  std::string Command(const std::string& what, int epochs) const {
    std::string c = "kg train " + what + " --train " + Join(train_);
    if (!gum_.empty()) c += " --gum " + gum_;
    if (!dev_.empty()) c += " --dev " + dev_;
    if (!tagger_.empty()) c += " --tagger " + tagger_;
    if (epochs > 0) c += " --epochs " + std::to_string(epochs);
    if (what == "tagger") c += " --second-pass-folds " + std::to_string(second_pass_folds_);
    if (!treebank_.empty()) c += " --treebank " + treebank_;
    if (what == "parser" || what == "ner") {
      c += " --folds " + std::to_string(folds_) + " --tagger-epochs " +
           std::to_string(tagger_epochs_);
      if (no_explore_) c += " --no-explore";
    }
    if (seed_ != 1) c += " --seed " + std::to_string(seed_);
    if (prune_ != 0) {
      std::ostringstream p;
      p << prune_;
      c += " --prune " + p.str();
    }
    return c + " -o " + output_;
  }
  static std::string Join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
  }
  static std::string Seconds(std::chrono::steady_clock::time_point start) {
    return Fixed(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  void Report(CliContext& ctx, const std::string& line) const {
    if (!ctx.quiet) ctx.err << "kg train " << what_ << ": " << line << "\n";
  }
  int Fail(CliContext& ctx, const base::Status& s) const {
    ctx.err << "kg train: " << s.message() << "\n";
    return 1;
  }

  std::string what_;
  std::vector<std::string> train_;
  std::string gum_, dev_, output_, tagger_, treebank_;
  int epochs_ = 0;
  uint32_t seed_ = 1;
  int folds_ = 10;
  int tagger_epochs_ = 10;
  int second_pass_folds_ = 10;
  float prune_ = 0.0f;
  bool no_explore_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeTrainCommand() { return std::make_unique<TrainCommand>(); }

}  // namespace kg::cli
