// `kg timeline [--db DB] NAME [--evidence] [--format text|json|csv]`: the dated events an
// entity takes part in, in date order (event date, else the first article date).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

#include "cli/command.h"
#include "cli/relation_output.h"
#include "cli/store_access.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::cli {
namespace {

class TimelineCommand : public Command {
 public:
  std::string Name() const override { return "timeline"; }
  std::string Help() const override { return "An entity's dated events, in order"; }
  void Configure(CLI::App& app) override {
    AddDbOption(app, &db_);
    app.add_option("name", name_, "A name, alias or entity id")->required();
    app.add_flag("-e,--evidence", evidence_, "Print each event's first sentence of evidence");
    app.add_option("-f,--format", format_, "text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
  }

  int Run(CliContext& ctx) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(ctx, store.status().message());
    auto entity = ResolveEntity(**store, name_);
    if (!entity.ok()) return Fail(ctx, entity.status().message());
    auto relations = RelationsOf(**store, entity->id());
    if (!relations.ok()) return Fail(ctx, relations.status().message());
    const size_t all = relations->size();
    relations->erase(std::remove_if(relations->begin(), relations->end(),
                                    [](const proto::Relation& r) { return RelationDate(r).empty(); }),
                     relations->end());
    RelationPrinter printer(**store);
    if (base::Status s = printer.Load(*relations); !s.ok()) return Fail(ctx, s.message());
    printer.Sort(&*relations);
    if (format_ != "text") {
      const auto format = format_ == "json" ? RelationFormat::kJson : RelationFormat::kCsv;
      if (base::Status s = printer.Write(*relations, format, ctx.out); !s.ok()) return Fail(ctx, s.message());
      return 0;
    }
    ctx.out << entity->name() << " (" << entity->id() << "): " << relations->size()
            << (relations->size() == 1 ? " dated event\n" : " dated events\n");
    for (const auto& r : *relations) {
      ctx.out << "  " << PadRight(RelationDate(r), 12) << printer.Line(r);
      if (!r.category().empty()) ctx.out << "  [" << r.category() << "]";
      ctx.out << "  " << r.source_count() << (r.source_count() == 1 ? " source" : " sources") << "\n";
      if (evidence_ && r.evidence_size() > 0) {
        ctx.out << "      \"" << r.evidence(0).sentence() << "\" (article " << r.evidence(0).article_id() << ")\n";
      }
    }
    if (all > relations->size() && !ctx.quiet) {
      ctx.err << "kg timeline: " << all - relations->size() << " relations without a date are not shown\n";
    }
    return 0;
  }

 private:
  static int Fail(CliContext& ctx, const std::string& message) {
    ctx.err << "kg timeline: " << message << "\n";
    return 1;
  }

  std::string db_, name_;
  std::string format_ = "text";
  bool evidence_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeTimelineCommand() { return std::make_unique<TimelineCommand>(); }

}  // namespace kg::cli
