// `kg entity [--db DB] NAME [--format text|json] [--all]`: one entity's profile: type,
// aliases, roles, relations out and in grouped by category, and the articles naming it.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <ostream>
#include <tuple>

#include "cli/command.h"
#include "cli/relation_output.h"
#include "cli/store_access.h"
#include "graph/graph_io.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::cli {
namespace {

constexpr size_t kArticlesShown = 20;

class EntityCommand : public Command {
 public:
  std::string Name() const override { return "entity"; }
  std::string Help() const override {
    return "An entity's profile: type, aliases, roles, relations by category, articles";
  }
  void Configure(CLI::App& app) override {
    AddDbOption(app, &db_);
    app.add_option("name", name_, "A name, alias or entity id")->required();
    app.add_option("-f,--format", format_, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    app.add_flag("--all", all_, "List every article (default: the first 20)");
  }

  int Run(CliContext& ctx) override {
    auto store = OpenForReading(db_);
    if (!store.ok()) return Fail(ctx, store.status().message());
    auto entity = ResolveEntity(**store, name_);
    if (!entity.ok()) return Fail(ctx, entity.status().message());
    auto relations = RelationsOf(**store, entity->id());
    if (!relations.ok()) return Fail(ctx, relations.status().message());
    RelationPrinter printer(**store);
    if (base::Status s = printer.Load(*relations); !s.ok()) return Fail(ctx, s.message());
    printer.Sort(&*relations);
    std::vector<proto::Article> articles;
    for (const auto& id : entity->article_ids()) {
      auto a = (*store)->GetArticle(id);
      if (!a.ok()) return Fail(ctx, a.status().message());
      if (a->has_value()) articles.push_back(std::move(**a));
    }
    std::sort(articles.begin(), articles.end(), [](const proto::Article& a, const proto::Article& b) {
      return std::make_tuple(a.date().empty(), a.date(), a.id()) < std::make_tuple(b.date().empty(), b.date(), b.id());
    });

    if (format_ == "json") {
      // The entity first, then the other ends of its relations, the relations and articles.
      proto::Graph g = printer.ToGraph(*relations);
      proto::Graph out;
      *out.add_entities() = *entity;
      for (const auto& e : g.entities()) {
        if (e.id() != entity->id()) *out.add_entities() = e;
      }
      *out.mutable_relations() = g.relations();
      for (const auto& a : articles) *out.add_articles() = a;
      auto json = graph::GraphToJson(out);
      if (!json.ok()) return Fail(ctx, json.status().message());
      ctx.out << *json;
      return 0;
    }
    WriteProfile(ctx.out, *entity, *relations, articles, printer, **store);
    return 0;
  }

 private:
  void WriteProfile(std::ostream& out, const proto::Entity& e, const std::vector<proto::Relation>& relations,
                    const std::vector<proto::Article>& articles, const RelationPrinter& printer,
                    const storage::Store& store) const {
    out << e.name() << "\n";
    auto field = [&out](const std::string& label, const std::string& value) {
      if (!value.empty()) out << "  " << PadRight(label + ":", 11) << value << "\n";
    };
    field("id", e.id());
    field("type", proto::EntityType_Name(e.type()));
    std::string aliases;
    for (const auto& a : e.aliases()) aliases += (aliases.empty() ? "" : ", ") + a;
    field("aliases", aliases);
    field("date", e.date());
    field("role", e.description());
    if (!e.part_of().empty()) {
      auto whole = store.GetEntity(e.part_of());
      field("part of", whole.ok() && whole->has_value() ? (*whole)->name() + " (" + e.part_of() + ")" : e.part_of());
    }
    field("mentions", std::to_string(e.mention_count()) + " in " + std::to_string(e.article_ids_size()) +
                          (e.article_ids_size() == 1 ? " article" : " articles"));
    if (e.merges_size() > 0) {
      field("merged", std::to_string(e.merges_size()) + (e.merges_size() == 1 ? " note" : " notes") +
                          " (kg explain entity " + e.id() + ")");
    }

    // Roles (ROLE relations it is the subject of) first, then everything else by category.
    std::vector<const proto::Relation*> roles;
    std::map<std::string, std::vector<const proto::Relation*>> outgoing, incoming;
    for (const auto& r : relations) {
      const bool out_going = r.subject() == e.id() || r.symmetric();
      if (out_going && r.category() == "ROLE") {
        roles.push_back(&r);
      } else {
        (out_going ? outgoing : incoming)[r.category().empty() ? "(no category)" : r.category()].push_back(&r);
      }
    }
    if (!roles.empty()) {
      out << "  roles:\n";
      for (const auto* r : roles) out << "    " << printer.Line(*r) << Sources(*r) << "\n";
    }
    for (auto [title, groups] : {std::pair{"relations out", &outgoing}, std::pair{"relations in", &incoming}}) {
      if (groups->empty()) continue;
      size_t n = 0;
      for (const auto& [category, list] : *groups) n += list.size();
      out << "  " << title << " (" << n << "):\n";
      for (const auto& [category, list] : *groups) {
        out << "    " << category << "\n";
        for (const auto* r : list) {
          const std::string date = RelationDate(*r);
          out << "      " << PadRight(date.empty() ? "-" : date, 12) << printer.Line(*r) << Sources(*r) << "\n";
        }
      }
    }
    if (relations.empty()) out << "  no relations\n";
    out << "  articles (" << articles.size() << "):\n";
    const size_t shown = all_ ? articles.size() : std::min(articles.size(), kArticlesShown);
    for (size_t i = 0; i < shown; ++i) {
      const proto::Article& a = articles[i];
      out << "    " << PadRight(a.date().empty() ? "-" : a.date(), 12) << a.id();
      if (!a.title().empty()) out << "  " << a.title();
      if (!a.path().empty()) out << "  (" << a.path() << ")";
      out << "\n";
    }
    if (shown < articles.size()) out << "    ... " << articles.size() - shown << " more (--all lists them)\n";
  }

  static std::string Sources(const proto::Relation& r) {
    return "  (" + std::to_string(r.source_count()) + (r.source_count() == 1 ? " source)" : " sources)");
  }

  static int Fail(CliContext& ctx, const std::string& message) {
    ctx.err << "kg entity: " << message << "\n";
    return 1;
  }

  std::string db_, name_;
  std::string format_ = "text";
  bool all_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeEntityCommand() { return std::make_unique<EntityCommand>(); }

}  // namespace kg::cli
