#pragma once
// Store: the merged knowledge graph of every ingested article, kept in RocksDB.
// Invariant: the merged graph (entities, grouped relations, indexes) is a deterministic
// function of the SET of stored article graphs, so ingest order never changes it; each
// AddArticle is one atomic write. Thread-safe: reads may run concurrently with each other
// and with writes; writes (AddArticle, MergeFrom, Rebuild) serialise on an internal mutex.
// Key layout and merge rules: storage/LAYOUT.md.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace kg::proto {
class Article;
class ArticleGraph;
class Entity;
class Graph;
class Relation;
}  // namespace kg::proto

namespace kg::storage {

// The schema this build writes; a database with a newer version is refused.
inline constexpr int kSchemaVersion = 1;

struct StoreOptions {
  bool create_if_missing = false;  // create an empty database when `path` does not exist
  bool read_only = false;          // no writes and no LOCK: may read while another process writes
};

enum class AddOutcome { kAdded, kSkipped };  // kSkipped: that article id was already stored

// Which relations FindRelations returns; an empty field matches anything.
struct RelationFilter {
  std::string subject;    // entity id
  std::string predicate;  // predicate lemma of any mention merged into the edge
  std::string object;     // entity id
  std::string category;   // event category, e.g. "ASSAULT"
};

struct StoreStats {
  uint64_t articles = 0;
  uint64_t entities = 0;
  uint64_t relations = 0;
  int schema_version = 0;
};

struct MergeSummary {
  uint64_t added = 0;    // articles new to this database
  uint64_t skipped = 0;  // articles it already held
};

class Store {
 public:
  // Opens (or with create_if_missing creates) the database at `path`. Fails with a message
  // naming `path`: missing, locked by another process, not a kg database, corrupt, or
  // written by a newer kg (schema version).
  static base::Result<std::unique_ptr<Store>> Open(const StoreOptions& options,
                                                   const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;

  // Stores `graph` as extracted and merges it into the graph, all in one atomic write.
  // kSkipped, writing nothing, when its article id is already stored. InvalidArgument
  // (naming the article and the entity or relation) when the graph is malformed.
  base::Result<AddOutcome> AddArticle(const proto::ArticleGraph& graph);
  base::Result<bool> HasArticle(const std::string& article_id) const;
  base::Result<std::optional<proto::Article>> GetArticle(const std::string& article_id) const;
  // The article's graph exactly as it was added, before merging.
  base::Result<std::optional<proto::ArticleGraph>> GetArticleGraph(
      const std::string& article_id) const;

  base::Result<std::optional<proto::Entity>> GetEntity(const std::string& entity_id) const;
  // Every entity whose canonical name or an alias has the same base::FoldName as `name`
  // ("the U.S." finds United States), ordered by id. Empty when none.
  base::Result<std::vector<proto::Entity>> FindEntities(const std::string& name) const;

  base::Result<std::optional<proto::Relation>> GetRelation(const std::string& relation_id) const;
  // The relations matching `filter`, each once, ordered by id. Every combination of
  // subject, predicate and object is one prefix scan of an index; category filters it.
  base::Result<std::vector<proto::Relation>> FindRelations(const RelationFilter& filter) const;

  // The whole merged graph: entities, relations and articles, each ordered by id, so equal
  // databases export byte-identical graphs.
  base::Result<proto::Graph> ExportGraph() const;
  base::Result<StoreStats> Stats() const;
  // Checks that entities, aliases, relations, the three indexes, articles and counts agree
  // with each other; Corruption naming the first disagreement.
  base::Status Verify() const;

  // Adds every article of the kg database at `other_path` (opened read-only, unchanged),
  // one atomic write per article, merged by the same rules. REQUIRES: a different database.
  base::Result<MergeSummary> MergeFrom(const std::string& other_path);
  // Recomputes the merged graph from the stored article graphs, in one atomic write.
  base::Status Rebuild();

 private:
  class Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::storage
