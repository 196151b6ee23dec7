#include "storage/keys.h"

#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::storage::keys {

const std::vector<std::string>& CfNames() {
  static const std::vector<std::string> kNames = {
      "default",         "meta",      "articles",   "article_graphs", "entities", "aliases",
      "entity_articles", "relations", "by_subject", "by_object",      "by_predicate"};
  return kNames;
}

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  bool first = true;
  for (std::string_view p : parts) {
    if (!first) out.push_back('\0');
    first = false;
    out.append(p);
  }
  return out;
}

std::string AliasKey(std::string_view folded_name, std::string_view entity_id) {
  return Join({folded_name, entity_id});
}

std::string AliasPrefix(std::string_view folded_name) { return Join({folded_name, ""}); }

std::string EntityArticleKey(std::string_view entity_id, std::string_view article_id) {
  return Join({entity_id, article_id});
}

std::string EntityArticlePrefix(std::string_view entity_id) { return Join({entity_id, ""}); }

std::vector<IndexEntry> RelationIndexEntries(const proto::Relation& relation) {
  std::vector<IndexEntry> out;
  std::vector<std::string> predicates(relation.predicates().begin(), relation.predicates().end());
  if (predicates.empty()) predicates.push_back(relation.predicate());
  auto add = [&](const std::string& s, const std::string& o) {
    for (const auto& p : predicates) {
      out.push_back({Cf::kBySubject, Join({s, p, o, relation.id()})});
      out.push_back({Cf::kByObject, Join({o, s, p, relation.id()})});
      out.push_back({Cf::kByPredicate, Join({p, o, s, relation.id()})});
    }
  };
  add(relation.subject(), relation.object());
  if (relation.symmetric()) add(relation.object(), relation.subject());
  return out;
}

Scan PlanScan(const RelationFilter& f) {
  const bool s = !f.subject.empty(), p = !f.predicate.empty(), o = !f.object.empty();
  if (s && p && o) return {Cf::kBySubject, Join({f.subject, f.predicate, f.object, ""})};
  if (s && p) return {Cf::kBySubject, Join({f.subject, f.predicate, ""})};
  if (s && o) return {Cf::kByObject, Join({f.object, f.subject, ""})};
  if (s) return {Cf::kBySubject, Join({f.subject, ""})};
  if (p && o) return {Cf::kByPredicate, Join({f.predicate, f.object, ""})};
  if (o) return {Cf::kByObject, Join({f.object, ""})};
  if (p) return {Cf::kByPredicate, Join({f.predicate, ""})};
  return {Cf::kRelations, ""};
}

std::string_view LastPart(std::string_view key) {
  const size_t nul = key.rfind('\0');
  return nul == std::string_view::npos ? key : key.substr(nul + 1);
}

}  // namespace kg::storage::keys
