#pragma once
// The store's RocksDB key layout (storage/LAYOUT.md): column families, how alias and
// relation index keys are built, and which index and prefix answer each query shape.
// Key parts are joined with a NUL byte, which no id, folded name or predicate contains,
// so a prefix of whole parts selects exactly the keys that start with those parts.
// Pure functions; thread-safe.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kg::proto {
class Relation;
}

namespace kg::storage {

struct RelationFilter;

namespace keys {

// Column families, in the order CfNames() lists them.
enum class Cf {
  kDefault,        // unused (RocksDB requires it)
  kMeta,           // schema version, merge rules version, counts
  kArticles,       // article id -> proto::Article
  kArticleGraphs,  // article id -> proto::ArticleGraph as extracted
  kEntities,       // entity id -> proto::Entity (merged)
  kAliases,        // folded name \0 entity id -> ""
  kEntityArticles, // entity id \0 article id -> "" (the articles naming an entity)
  kRelations,      // relation id -> proto::Relation (merged)
  kBySubject,      // subject \0 predicate \0 object \0 relation id -> ""
  kByObject,       // object \0 subject \0 predicate \0 relation id -> ""
  kByPredicate,    // predicate \0 object \0 subject \0 relation id -> ""
  kCount
};

// RocksDB column family names, indexed by Cf.
const std::vector<std::string>& CfNames();

inline constexpr std::string_view kSchemaVersionKey = "schema_version";
inline constexpr std::string_view kMergeRulesKey = "merge_rules";
inline constexpr std::string_view kArticleCountKey = "count/articles";
inline constexpr std::string_view kEntityCountKey = "count/entities";
inline constexpr std::string_view kRelationCountKey = "count/relations";

// `parts` joined with '\0'.
std::string Join(std::initializer_list<std::string_view> parts);

std::string AliasKey(std::string_view folded_name, std::string_view entity_id);
std::string EntityArticleKey(std::string_view entity_id, std::string_view article_id);
// Every entity-article key of `entity_id`.
std::string EntityArticlePrefix(std::string_view entity_id);
// Every alias key of `folded_name`: the name's exact keys, never a longer name's.
std::string AliasPrefix(std::string_view folded_name);

struct IndexEntry {
  Cf cf;
  std::string key;
};
// The index entries of a merged relation: one per predicate in each of the three indexes,
// and the reverse direction too when the relation is symmetric.
std::vector<IndexEntry> RelationIndexEntries(const proto::Relation& relation);

// A prefix scan answering a filter. cf == kRelations (with an empty prefix) means the
// filter names no subject, predicate or object: every relation is scanned.
struct Scan {
  Cf cf;
  std::string prefix;
};
Scan PlanScan(const RelationFilter& filter);

// The last part of a key: the relation id of an index key, the entity id of an alias key,
// the article id of an entity-article key.
std::string_view LastPart(std::string_view key);

}  // namespace keys
}  // namespace kg::storage
