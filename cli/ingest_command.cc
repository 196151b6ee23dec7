// `kg ingest [--db DB] [--jobs N] [--keep-going] INPUT...`: reads articles (.txt files,
// .jsonl files, directories searched recursively), extracts their graphs on every core
// and merges them into the database, one atomic write per article.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <ostream>

#include "cli/batch_ingester.h"
#include "cli/command.h"
#include "cli/extractor_override.h"
#include "cli/progress_bar.h"
#include "cli/store_access.h"
#include "extract/article_reader.h"
#include "extract/extractor.h"
#include "storage/store.h"

namespace kg::cli {
namespace {

class IngestCommand : public Command {
 public:
  std::string Name() const override { return "ingest"; }
  std::string Help() const override {
    return "Extract articles (files, directories, .jsonl) and merge their graphs into the database";
  }
  void Configure(CLI::App& app) override {
    AddDbOption(app, &db_);
    app.add_option("inputs", inputs_, "Article files (.txt, .jsonl), directories (searched recursively), or - for standard input")
        ->required();
    app.add_option("-j,--jobs", jobs_, "Extraction threads (default: one per core)")->check(CLI::Range(1, 1024));
    app.add_flag("--keep-going", keep_going_,
                 "Skip articles that cannot be read or extracted (counted as failed) instead of stopping");
  }

  int Run(CliContext& ctx) override {
    // Everything is read and checked before the database is touched.
    std::vector<std::string> failures;
    std::vector<extract::ArticleText> articles;
    if (keep_going_) {
      ReadEach(&articles, &failures);
    } else {
      auto read = extract::ReadInputs(inputs_);
      if (!read.ok()) return Fail(ctx, read.status().message() + "; nothing was ingested");
      articles = std::move(read).value();
    }
    for (const auto& f : failures) ctx.err << "kg ingest: failed: " << f << "\n";
    if (articles.empty()) return Fail(ctx, "no article could be read; nothing was ingested");

    // An existing database is opened first, so that a locked or foreign one is reported
    // before the models load; a new one is created only once the extractor is ready.
    std::unique_ptr<storage::Store> store;
    const bool exists = std::filesystem::exists(db_);
    if (exists) {
      auto opened = OpenForWriting(db_);
      if (!opened.ok()) return Fail(ctx, opened.status().message());
      store = std::move(opened).value();
    }
    auto extractor = ObtainExtractor(ctx);
    if (!extractor.ok()) return Fail(ctx, extractor.status().message());
    if (!exists) {
      auto created = OpenForWriting(db_);
      if (!created.ok()) return Fail(ctx, created.status().message());
      store = std::move(created).value();
    }

    IngestOptions options;
    options.jobs = jobs_;
    options.keep_going = keep_going_;
    BatchIngester ingester(**extractor, *store, options);
    ProgressBar bar(ctx.err, ctx.interactive && !ctx.quiet);
    ingester.OnProgress([&bar](const IngestProgress& p) { bar.Update(p.done, p.total); });
    auto report = ingester.Run(articles);
    bar.Finish();
    if (!report.ok()) return Fail(ctx, report.status().message());
    for (const auto& f : report->failures) ctx.err << "kg ingest: failed: " << f << "\n";

    const IngestProgress& c = report->counts;
    const size_t failed = c.failed + failures.size();
    if (!ctx.quiet) {
      auto stats = store->Stats();
      ctx.err << "kg ingest: " << c.total + failures.size() << (c.total + failures.size() == 1 ? " article: " : " articles: ")
              << c.added << " new, " << c.skipped << " already stored, " << failed << " failed";
      if (stats.ok()) {
        ctx.err << "; " << db_ << " holds " << stats->articles << " articles, " << stats->entities
                << " entities, " << stats->relations << " relations";
      }
      ctx.err << "\n";
    }
    return failed == 0 ? 0 : 1;
  }

 private:
  // --keep-going: reads input by input and file by file, noting what fails.
  void ReadEach(std::vector<extract::ArticleText>* articles, std::vector<std::string>* failures) const {
    for (const auto& input : inputs_) {
      auto files = extract::ExpandInputs({input});
      if (!files.ok()) {
        failures->push_back(files.status().message());
        continue;
      }
      for (const auto& file : *files) {
        auto read = extract::ReadInputs({file});
        if (!read.ok()) {
          failures->push_back(read.status().message());
          continue;
        }
        for (auto& a : *read) articles->push_back(std::move(a));
      }
    }
  }

  static int Fail(CliContext& ctx, const std::string& message) {
    ctx.err << "kg ingest: " << message << "\n";
    return 1;
  }

  std::string db_;
  std::vector<std::string> inputs_;
  unsigned jobs_ = 0;
  bool keep_going_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace kg::cli
