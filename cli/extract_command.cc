// `kg extract`: the graph of one or more articles, without a database.
#include <CLI/CLI.hpp>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "cli/command.h"
#include "cli/extractor_override.h"
#include "cli/format_util.h"
#include "extract/article_reader.h"
#include "extract/extractor.h"
#include "graph/graph_io.h"
#include "proto/kg.pb.h"

namespace kg::cli {

namespace {

class ExtractCommand : public Command {
 public:
  std::string Name() const override { return "extract"; }
  std::string Help() const override { return "Print the graph of articles (no database): entities, relations, evidence"; }

  void Configure(CLI::App& app) override {
    app.add_option("inputs", inputs_, "Article files (.txt, .jsonl), directories, or - for standard input")->required();
    app.add_option("-f,--format", format_, "Output: json (protobuf JSON of Graph; JSON Lines for several articles) or table")
        ->check(CLI::IsMember({"json", "table"}));
    app.add_flag("--explain", explain_, "Print each relation with its sentence, span and the rule that made it");
    app.add_flag("--concepts", concepts_, "Keep relations to non-entity concepts (CONCEPT nodes)");
    app.add_option("-o,--output", output_, "Write to this file instead of standard output");
  }

  int Run(CliContext& ctx) override {
    auto articles = extract::ReadInputs(inputs_);
    if (!articles.ok()) return Fail(ctx, articles.status().message());
    auto extractor = ObtainExtractor(ctx);
    if (!extractor.ok()) return Fail(ctx, extractor.status().message());

    std::ofstream file;
    if (!output_.empty()) {
      file.open(output_, std::ios::binary | std::ios::trunc);
      if (!file) return Fail(ctx, output_ + ": cannot open for writing");
    }
    std::ostream& out = output_.empty() ? ctx.out : file;
    for (const auto& article : *articles) {
      auto extracted = (*extractor)->Extract(article);
      if (!extracted.ok()) return Fail(ctx, extracted.status().message());
      proto::Graph graph = ToGraph(*extracted, concepts_);
      if (explain_) {
        WriteExplanation(graph, out);
      } else if (format_ == "table") {
        WriteTable(graph, out);
      } else {
        graph::JsonOptions options;
        options.pretty = articles->size() == 1;
        auto json = graph::GraphToJson(graph, options);
        if (!json.ok()) return Fail(ctx, json.status().message());
        out << *json;
      }
    }
    out.flush();
    if (!out) return Fail(ctx, (output_.empty() ? std::string("standard output") : output_) + ": write failed");
    return 0;
  }

 private:
  int Fail(CliContext& ctx, const std::string& message) {
    ctx.err << "kg extract: " << message << "\n";
    return 1;
  }

  std::vector<std::string> inputs_;
  std::string format_ = "json";
  bool explain_ = false;
  bool concepts_ = false;
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> MakeExtractCommand() { return std::make_unique<ExtractCommand>(); }

}  // namespace kg::cli
