#pragma once
// GraphResolver: the store's merge rules, in memory. It keeps a compact form of every
// article graph added (names, keys, relation endpoints; no evidence text) and the merged
// graph's shape: which article entities are one node (shared name keys, then a surname
// or acronym joining the one entity that fits), and which article relations are one edge
// (same subject, category, object, polarity and date). Settle() reports exactly which
// merged entities and relations changed, so the store rewrites only those. What it yields
// depends only on the set of articles added, never their order. Not thread-safe.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace kg::proto {
class ArticleGraph;
class Entity;
class Relation;
}  // namespace kg::proto

namespace kg::storage {

// Supplies a stored article graph by id; the pointer must stay valid during the call
// that received it (the resolver keeps no evidence text itself).
using GraphSource =
    std::function<base::Result<const proto::ArticleGraph*>(const std::string& article_id)>;

// The articles an entity is named in, as one Settle() changed them.
struct EntityArticles {
  std::string entity_id;
  bool replace = false;                  // article_ids is the whole list, else additions
  std::vector<std::string> article_ids;  // sorted
};

// What one Settle() changed. Stale records (and their alias or index entries) are to be
// deleted before the listed ids are written again; an id may be in both lists. A stale
// entity id that is not written again is gone, with its article list.
struct ResolverChange {
  std::vector<std::string> stale_entities;
  std::vector<std::string> entities;  // ids to write with BuildEntity
  std::vector<EntityArticles> entity_articles;
  std::vector<std::string> stale_relations;
  std::vector<std::string> relations;  // ids to write with BuildRelation
};

// OK, or InvalidArgument naming the article and the entity or relation that is malformed
// (no id, duplicate id, a name without letters or digits, a dangling entity reference, a
// NUL byte in a key field).
base::Status ValidateArticleGraph(const proto::ArticleGraph& graph);

class GraphResolver {
 public:
  GraphResolver();
  ~GraphResolver();
  GraphResolver(const GraphResolver&) = delete;
  GraphResolver& operator=(const GraphResolver&) = delete;

  // Takes in one more article; the merged graph is updated by the next Settle().
  // REQUIRES: ValidateArticleGraph(graph).ok() and !HasArticle(its id).
  void Add(const proto::ArticleGraph& graph);
  // Brings the merged graph up to date with every Add() since the last Settle() and says
  // what changed. Fails (Corruption) only on an internal inconsistency; the resolver is
  // then unusable and must be discarded.
  base::Result<ResolverChange> Settle();

  bool HasArticle(const std::string& article_id) const;
  // The merged entity; article_ids only `with_articles` (they may be many).
  // REQUIRES: Settle() since the last Add(); `entity_id` among EntityIds().
  proto::Entity BuildEntity(const std::string& entity_id, bool with_articles = true) const;
  // REQUIRES: as BuildEntity; `relation_id` among RelationIds().
  base::Result<proto::Relation> BuildRelation(const std::string& relation_id,
                                              const GraphSource& source) const;

  std::vector<std::string> EntityIds() const;    // sorted
  std::vector<std::string> RelationIds() const;  // sorted
  size_t article_count() const;
  size_t entity_count() const;
  size_t relation_count() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace kg::storage
