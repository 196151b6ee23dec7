// `kg explain entity NAME` / `kg explain relation ID`: why an entity is one node (the
// merge notes: rule, names, article) or what supports a relation (every piece of evidence).
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/command.h"
#include "cli/format_util.h"
#include "cli/relation_output.h"
#include "cli/store_access.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::cli {
namespace {

class ExplainCommand : public Command {
 public:
  std::string Name() const override { return "explain"; }
  std::string Help() const override {
    return "Why an entity merged (explain entity NAME) or what supports a relation (explain relation ID)";
  }
  void Configure(CLI::App& app) override {
    AddDbOption(app, &db_);
    app.add_option("kind", kind_, "entity or relation")->required()->check(CLI::IsMember({"entity", "relation"}));
    app.add_option("target", target_, "An entity name, alias or id; or a relation id (kg query shows them)")
        ->required();
  }

  int Run(CliContext& ctx) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(ctx, store.status().message());
    return kind_ == "entity" ? ExplainEntity(ctx, **store) : ExplainRelation(ctx, **store);
  }

 private:
  int ExplainEntity(CliContext& ctx, const storage::Store& store) const {
    auto entity = ResolveEntity(store, target_);
    if (!entity.ok()) return Fail(ctx, entity.status().message());
    const proto::Entity& e = *entity;
    ctx.out << e.name() << " (" << e.id() << ", " << proto::EntityType_Name(e.type()) << "): "
            << e.mention_count() << (e.mention_count() == 1 ? " mention in " : " mentions in ")
            << e.article_ids_size() << (e.article_ids_size() == 1 ? " article\n" : " articles\n");
    if (e.aliases_size() > 0) {
      std::string names;
      for (const auto& a : e.aliases()) names += (names.empty() ? "" : ", ") + a;
      ctx.out << "  also called: " << names << "\n";
    }
    if (e.merges_size() == 0) {
      ctx.out << "  no merges: every article that mentions it calls it \"" << e.name()
              << "\" (or one of the names above, in the same article)\n";
      return 0;
    }
    size_t rule_width = 0;
    for (const auto& m : e.merges()) rule_width = std::max(rule_width, m.rule().size());
    for (const auto& m : e.merges()) {
      ctx.out << "  " << PadRight(m.rule(), rule_width + 2) << m.detail();
      if (!m.article_id().empty()) {
        auto article = store.GetArticle(m.article_id());
        ctx.out << "  [article " << m.article_id();
        if (article.ok() && article->has_value() && !(*article)->date().empty()) ctx.out << ", " << (*article)->date();
        ctx.out << "]";
      }
      ctx.out << "\n";
    }
    return 0;
  }

  int ExplainRelation(CliContext& ctx, const storage::Store& store) const {
    auto relation = store.GetRelation(target_);
    if (!relation.ok()) return Fail(ctx, relation.status().message());
    if (!relation->has_value()) {
      return Fail(ctx, "no such relation: " + target_ + " (kg query lists relation ids in its ID column)");
    }
    const proto::Relation& r = **relation;
    RelationPrinter printer(store);
    if (base::Status s = printer.Load({r}); !s.ok()) return Fail(ctx, s.message());
    ctx.out << printer.Line(r) << "  (" << r.id() << ")\n";
    ctx.out << "  " << r.mention_count() << (r.mention_count() == 1 ? " mention in " : " mentions in ")
            << r.source_count() << (r.source_count() == 1 ? " article" : " articles");
    if (!r.first_seen().empty()) {
      ctx.out << ", reported " << r.first_seen() << (r.last_seen() != r.first_seen() ? " to " + r.last_seen() : "");
    }
    ctx.out << "\n";
    if (r.predicates_size() > 1) {
      std::string ps;
      for (const auto& p : r.predicates()) ps += (ps.empty() ? "" : ", ") + p;
      ctx.out << "  predicates merged: " << ps << "\n";
    }
    WriteExplanation(printer.ToGraph({r}), ctx.out);
    return 0;
  }

  static int Fail(CliContext& ctx, const std::string& message) {
    ctx.err << "kg explain: " << message << "\n";
    return 1;
  }

  std::string db_, kind_, target_;
};

}  // namespace

std::unique_ptr<Command> MakeExplainCommand() { return std::make_unique<ExplainCommand>(); }

}  // namespace kg::cli
