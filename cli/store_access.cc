#include "cli/store_access.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <map>

#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::cli {

using base::Result;
using base::Status;

void AddDbOption(CLI::App& app, std::string* db) {
  *db = kDefaultDb;
  app.add_option("--db", *db, "The kg database (a directory; default ./kg.db)");
}

Result<std::unique_ptr<storage::Store>> OpenForReading(const std::string& db) {
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    return Status::NotFound("database " + db + " does not exist; create it with: kg ingest --db " + db +
                            " ARTICLE...");
  }
  storage::StoreOptions options;
  options.read_only = true;
  return storage::Store::Open(options, db);
}

Result<std::unique_ptr<storage::Store>> OpenForWriting(const std::string& db) {
  storage::StoreOptions options;
  options.create_if_missing = true;
  return storage::Store::Open(options, db);
}

Result<std::vector<proto::Entity>> ResolveEntities(const storage::Store& store, const std::string& name) {
  auto by_id = store.GetEntity(name);
  if (!by_id.ok()) return by_id.status();
  if (by_id->has_value()) return std::vector<proto::Entity>{std::move(**by_id)};
  return store.FindEntities(name);
}

Result<proto::Entity> ResolveEntity(const storage::Store& store, const std::string& name) {
  auto found = ResolveEntities(store, name);
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::NotFound("no such entity: " + name);
  if (found->size() == 1) return std::move(found->front());
  std::string message = "\"" + name + "\" names " + std::to_string(found->size()) +
                        " entities; give one of these ids (or a fuller name):";
  for (const auto& e : *found) {
    message += "\n  " + e.id() + "  " + e.name() + " (" + proto::EntityType_Name(e.type()) + ", " +
               std::to_string(e.article_ids_size()) + (e.article_ids_size() == 1 ? " article)" : " articles)");
  }
  return Status::InvalidArgument(message);
}

Result<std::vector<proto::Relation>> RelationsOf(const storage::Store& store, const std::string& entity_id) {
  storage::RelationFilter as_subject, as_object;
  as_subject.subject = entity_id;
  as_object.object = entity_id;
  auto out = store.FindRelations(as_subject);
  if (!out.ok()) return out.status();
  auto in = store.FindRelations(as_object);
  if (!in.ok()) return in.status();
  std::map<std::string, proto::Relation> by_id;
  for (auto* list : {&*out, &*in}) {
    for (auto& r : *list) by_id.emplace(r.id(), std::move(r));
  }
  std::vector<proto::Relation> all;
  for (auto& [id, r] : by_id) all.push_back(std::move(r));
  return all;
}

}  // namespace kg::cli
