// `kg annotate [FILE] [--input text|vertical] [--format conllu|iob2]`: tokens, tags,
// lemmas, dependency trees and named entities of a text (or of pre-tokenised vertical
// input) as CoNLL-U (entities as NER=B-PER in MISC), or the entities alone as IOB2.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "base/resources.h"
#include "base/utf8.h"
#include "cli/command.h"
#include "extract/article_reader.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/ner/ner_corpus.h"
#include "extract/syntax/analyzer.h"
#include "extract/syntax/conllu.h"

namespace kg::cli {
namespace {

class AnnotateCommand : public Command {
 public:
  std::string Name() const override { return "annotate"; }
  std::string Help() const override {
    return "Tokenize, tag, lemmatize, parse and find the named entities of a text; print CoNLL-U";
  }
  void Configure(CLI::App& app) override {
    app.add_option("file", file_, "Input file (default: standard input)");
    app.add_option("--input", input_, "text (default) or vertical (one token per line, "
                                      "blank line between sentences)")
        ->check(CLI::IsMember({"text", "vertical"}));
    app.add_option("--format", format_, "Output format: conllu (default; entities as NER= in "
                                        "MISC) or iob2 (index, token, entity label)")
        ->check(CLI::IsMember({"conllu", "iob2"}));
  }
  int Run(CliContext& ctx) override {
    const std::string origin = file_.empty() ? "<stdin>" : file_;
    std::string content;
    if (file_.empty()) {
      content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(file_, std::ios::binary);
      if (!in) {
        ctx.err << "kg annotate: cannot open " << file_ << "\n";
        return 1;
      }
      content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    auto dir = base::FindResourceDir(base::ResourceKind::kModels, ctx.models_dir);
    if (!dir.ok()) {
      ctx.err << "kg annotate: " << dir.status().message() << "\n";
      return 1;
    }
    auto analyzer = extract::Analyzer::Load(*dir);
    if (!analyzer.ok()) {
      ctx.err << "kg annotate: " << analyzer.status().message() << "\n";
      return 1;
    }
    auto data = base::FindResourceDir(base::ResourceKind::kData, ctx.data_dir);
    if (!data.ok()) {
      ctx.err << "kg annotate: " << data.status().message() << "\n";
      return 1;
    }
    auto recognizer = extract::EntityRecognizer::Load(*dir, *data);
    if (!recognizer.ok()) {
      ctx.err << "kg annotate: " << recognizer.status().message() << "\n";
      return 1;
    }
    recognizer_ = std::move(*recognizer);
    if (input_ == "vertical") return RunVertical(ctx, origin, content, **analyzer);
    auto article = extract::ParseArticleText(std::move(content), origin);
    if (!article.ok()) {
      ctx.err << "kg annotate: " << article.status().message() << "\n";
      return 1;
    }
    extract::Document doc = (*analyzer)->Analyze(std::move(article->text));
    recognizer_->Recognize(doc, article->date);
    if (format_ == "iob2") {
      extract::WriteIob2(doc.sentences, ctx.out);
    } else {
      extract::WriteConllu(doc, ctx.out);
    }
    return 0;
  }

 private:
  int RunVertical(CliContext& ctx, const std::string& origin, const std::string& content,
                  const extract::Analyzer& analyzer) {
    if (auto bad = base::FindInvalidUtf8(content)) {
      ctx.err << "kg annotate: " << origin << ": invalid UTF-8 at byte " << *bad << ", line "
              << 1 + std::count(content.begin(), content.begin() + *bad, '\n') << "\n";
      return 1;
    }
    std::vector<extract::Sentence> sentences(1);
    std::istringstream lines(content);
    std::string line;
    while (std::getline(lines, line)) {
      const size_t tab = line.find('\t');
      if (tab != std::string::npos) line.resize(tab);
      const size_t b = line.find_first_not_of(" \r\f\v");
      if (b == std::string::npos) {
        if (!sentences.back().tokens.empty()) sentences.emplace_back();
        continue;
      }
      const size_t e = line.find_last_not_of(" \r\f\v");
      extract::Token t;
      t.text = line.substr(b, e - b + 1);
      sentences.back().tokens.push_back(std::move(t));
    }
    if (sentences.back().tokens.empty()) sentences.pop_back();
    if (sentences.empty()) {
      ctx.err << "kg annotate: " << origin << ": the input has no tokens\n";
      return 1;
    }
    analyzer.AnalyzeSentences(&sentences);
    extract::Document doc;
    doc.sentences = std::move(sentences);
    recognizer_->Recognize(doc, "");
    if (format_ == "iob2") {
      extract::WriteIob2(doc.sentences, ctx.out);
    } else {
      extract::WriteConlluSentences(doc.sentences, ctx.out);
    }
    return 0;
  }

  std::unique_ptr<extract::EntityRecognizer> recognizer_;
  std::string file_;
  std::string input_ = "text";
  std::string format_ = "conllu";
};

}  // namespace

std::unique_ptr<Command> MakeAnnotateCommand() { return std::make_unique<AnnotateCommand>(); }

}  // namespace kg::cli
