// `kg query [--db DB] [--subject X] [--predicate P] [--object Y] [--category C]
// [--format table|json|csv] [--limit N]`: who did what to whom. Names are resolved to
// entities by canonical name, alias or id; a name that denotes several entities queries
// all of them.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <ostream>
#include <set>

#include "base/text.h"
#include "cli/command.h"
#include "cli/relation_output.h"
#include "cli/store_access.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::cli {
namespace {

class QueryCommand : public Command {
 public:
  std::string Name() const override { return "query"; }
  std::string Help() const override { return "Relations by subject, predicate, object and category"; }
  void Configure(CLI::App& app) override {
    AddDbOption(app, &db_);
    app.add_option("-s,--subject", subject_, "Who acted: a name, alias or entity id");
    app.add_option("-p,--predicate", predicate_, "The predicate lemma, e.g. attack, call, agree");
    app.add_option("-o,--object", object_, "Acted upon: a name, alias or entity id");
    app.add_option("-c,--category", category_, "The event category, e.g. ASSAULT, CONSULT, AGREE");
    app.add_option("-f,--format", format_, "table (default), json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    app.add_option("-n,--limit", limit_, "Print at most N relations (default: all)")->check(CLI::NonNegativeNumber);
  }

  int Run(CliContext& ctx) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(ctx, store.status().message());
    std::vector<std::string> subjects{""}, objects{""};
    for (auto [name, ids] : {std::pair{&subject_, &subjects}, std::pair{&object_, &objects}}) {
      if (name->empty()) continue;
      auto found = ResolveEntities(**store, *name);
      if (!found.ok()) return Fail(ctx, found.status().message());
      if (found->empty()) return Fail(ctx, "no such entity: " + *name);
      ids->clear();
      for (const auto& e : *found) ids->push_back(e.id());
      if (ids->size() > 1 && !ctx.quiet) {
        ctx.err << "kg query: \"" << *name << "\" names " << ids->size() << " entities (";
        for (size_t i = 0; i < found->size(); ++i) ctx.err << (i ? ", " : "") << (*found)[i].id();
        ctx.err << "); showing the relations of each\n";
      }
    }
    std::string predicate = base::AsciiLower(predicate_);
    std::string category = category_;
    std::transform(category.begin(), category.end(), category.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });

    std::vector<proto::Relation> relations;
    std::set<std::string> seen;
    for (const auto& s : subjects) {
      for (const auto& o : objects) {
        storage::RelationFilter filter{s, predicate, o, category};
        auto found = (*store)->FindRelations(filter);
        if (!found.ok()) return Fail(ctx, found.status().message());
        for (auto& r : *found) {
          if (seen.insert(r.id()).second) relations.push_back(std::move(r));
        }
      }
    }
    RelationPrinter printer(**store);
    if (base::Status s = printer.Load(relations); !s.ok()) return Fail(ctx, s.message());
    printer.Sort(&relations);
    if (limit_ > 0 && relations.size() > limit_) relations.resize(limit_);
    const RelationFormat format = format_ == "json"  ? RelationFormat::kJson
                                  : format_ == "csv" ? RelationFormat::kCsv
                                                     : RelationFormat::kTable;
    if (base::Status s = printer.Write(relations, format, ctx.out); !s.ok()) return Fail(ctx, s.message());
    return 0;
  }

 private:
  static int Fail(CliContext& ctx, const std::string& message) {
    ctx.err << "kg query: " << message << "\n";
    return 1;
  }

  std::string db_, subject_, predicate_, object_, category_;
  std::string format_ = "table";
  size_t limit_ = 0;
};

}  // namespace

std::unique_ptr<Command> MakeQueryCommand() { return std::make_unique<QueryCommand>(); }

}  // namespace kg::cli
