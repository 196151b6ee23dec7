// `kg merge [--db DB] OTHER...`: folds other kg databases into DB (created when missing)
// by the same merge rules as ingest; the other databases are only read.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <ostream>

#include "cli/command.h"
#include "cli/store_access.h"
#include "storage/store.h"

namespace kg::cli {
namespace {

class MergeCommand : public Command {
 public:
  std::string Name() const override { return "merge"; }
  std::string Help() const override { return "Fold other kg databases into this one"; }
  void Configure(CLI::App& app) override {
    AddDbOption(app, &db_);
    app.add_option("others", others_, "The databases to fold in (read, not changed)")->required();
  }

  int Run(CliContext& ctx) override {
    // Every source is checked before anything is written.
    for (const auto& other : others_) {
      std::error_code ec;
      if (std::filesystem::equivalent(db_, other, ec)) {
        return Fail(ctx, "cannot merge database " + other + " into itself");
      }
      auto source = OpenForReading(other);
      if (!source.ok()) return Fail(ctx, source.status().message() + "; nothing was merged");
    }
    auto store = OpenForWriting(db_);
    if (!store.ok()) return Fail(ctx, store.status().message());
    for (const auto& other : others_) {
      auto merged = (*store)->MergeFrom(other);
      if (!merged.ok()) {
        return Fail(ctx, merged.status().message() +
                             " (articles merged before the failure stay, each complete)");
      }
      if (!ctx.quiet) {
        ctx.err << "kg merge: " << other << ": " << merged->added << " new articles, " << merged->skipped
                << " already in " << db_ << "\n";
      }
    }
    if (!ctx.quiet) {
      auto stats = (*store)->Stats();
      if (stats.ok()) {
        ctx.err << "kg merge: " << db_ << " holds " << stats->articles << " articles, " << stats->entities
                << " entities, " << stats->relations << " relations\n";
      }
    }
    return 0;
  }

 private:
  static int Fail(CliContext& ctx, const std::string& message) {
    ctx.err << "kg merge: " << message << "\n";
    return 1;
  }

  std::string db_;
  std::vector<std::string> others_;
};

}  // namespace

std::unique_ptr<Command> MakeMergeCommand() { return std::make_unique<MergeCommand>(); }

}  // namespace kg::cli
