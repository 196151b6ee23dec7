#pragma once
// Merged relations as kg query, entity and timeline print them: an aligned table (date,
// subject, relation, object, category, sources), CSV or protobuf JSON (of a Graph holding
// the relations and their end entities, through graph/graph_io). Caches the names of
// the entities it has loaded; not thread-safe.

#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace kg::proto {
class Entity;
class Graph;
class Relation;
}  // namespace kg::proto
namespace kg::storage {
class Store;
}

namespace kg::cli {

enum class RelationFormat { kTable, kCsv, kJson };

// The date a relation is listed under: its event date, else the first article date.
std::string RelationDate(const proto::Relation& r);

class RelationPrinter {
 public:
  explicit RelationPrinter(const storage::Store& store);
  ~RelationPrinter();

  // Fetches the end entities of `relations` from the store.
  base::Status Load(const std::vector<proto::Relation>& relations);
  // The entity's name, or its id when it was not loaded.
  const std::string& Name(const std::string& entity_id) const;
  // Orders by date (undated last), subject name, predicate, object name, id.
  void Sort(std::vector<proto::Relation>* relations) const;
  // "-attack->", "-not attack->", "<-call->" (symmetric), with a modality note.
  static std::string Arrow(const proto::Relation& r);
  // "Donald Trump <-call-> Vladimir Putin".
  std::string Line(const proto::Relation& r) const;
  // The relations (in the given order) and their loaded end entities (by id).
  proto::Graph ToGraph(const std::vector<proto::Relation>& relations) const;
  // REQUIRES: Load(relations) first.
  base::Status Write(const std::vector<proto::Relation>& relations, RelationFormat format,
                     std::ostream& out) const;

 private:
  const storage::Store& store_;
  std::unique_ptr<std::map<std::string, proto::Entity>> entities_;
};

// Left-aligns `s` in `width` code points.
std::string PadRight(const std::string& s, size_t width);

}  // namespace kg::cli
