#pragma once
// How commands reach the database named by --db: opening it for reading (never creating
// it) or for writing, and turning a name the user typed into stored entities, with the
// messages the CLI prints. Thread-compatible.

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace CLI {
class App;
}
namespace kg::proto {
class Entity;
class Relation;
}  // namespace kg::proto
namespace kg::storage {
class Store;
}

namespace kg::cli {

inline constexpr char kDefaultDb[] = "kg.db";

// Declares --db on `app`, bound to `*db`, defaulting to ./kg.db.
void AddDbOption(CLI::App& app, std::string* db);

// The database at `db`, read-only: NotFound ("database X does not exist ...") when absent.
base::Result<std::unique_ptr<storage::Store>> OpenForReading(const std::string& db);
// The database at `db` for writing, created when absent.
base::Result<std::unique_ptr<storage::Store>> OpenForWriting(const std::string& db);

// Every entity `name` denotes: the one with that id, else all FindEntities finds.
base::Result<std::vector<proto::Entity>> ResolveEntities(const storage::Store& store, const std::string& name);
// The one entity `name` denotes: NotFound ("no such entity: NAME") when none,
// InvalidArgument listing the candidates (id, name, type) when several.
base::Result<proto::Entity> ResolveEntity(const storage::Store& store, const std::string& name);

// Every relation with `entity_id` at either end, each once, ordered by id.
base::Result<std::vector<proto::Relation>> RelationsOf(const storage::Store& store, const std::string& entity_id);

}  // namespace kg::cli
