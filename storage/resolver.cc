#include "storage/resolver.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "base/text.h"
#include "proto/kg.pb.h"
#include "storage/name_keys.h"

namespace kg::storage {

using base::Result;
using base::Status;

namespace {

using Idx = int32_t;  // index of an article entity ("local") in State::locals

// How a local entity takes part in resolution (see LAYOUT.md, "Merge rules").
enum class Kind : uint8_t {
  kFull,     // has a name that identifies it on its own
  kSurname,  // a person known only by one word ("Trump"): joins the one person it fits
  kAcronym,  // an organisation or place known only by an acronym ("WHO")
};

struct Name {
  std::string display;  // as written (persons: titles stripped)
  std::string key;      // NameKey(display)
  size_t words = 0;
};

struct Local {
  int32_t article = 0;
  std::string local_id;
  proto::EntityType type = proto::ENTITY_TYPE_UNSPECIFIED;
  Kind kind = Kind::kFull;
  std::vector<Name> names;           // canonical first, distinct keys
  std::vector<std::string> surface;  // every form as the article gave it
  std::vector<std::string> keys;     // union keys: sharing one makes two locals one node
  std::vector<std::string> offers;   // full: tokens that probes may look for
  std::vector<std::string> tokens;   // probes: tokens they look for
  uint32_t mentions = 0;
  std::string description;
  std::string date;
  bool generic_name = false;  // Entity.generic_name: only its own name is a key
  std::vector<proto::MergeNote> notes;
  std::vector<int32_t> relations;  // local relations that refer to this local
  Idx part_of = -1;                 // the local this one belongs to (Entity.part_of)
  std::vector<Idx> parts;           // locals whose part_of is this one
};

struct LocalRel {
  int32_t article = 0;
  int32_t index = 0;  // in the article graph's relations
  Idx subject = -1, object = -1, location = -1, attributed = -1;
  std::string group_category;  // category, or "~predicate" when the article gave none
  std::string date;            // event date, else article date ("" for ROLE)
  bool negated = false;
  bool symmetric = false;
  std::string merged;  // merged relation id as last settled ("" = none: a self-loop)
};

struct ArticleRec {
  std::string id;
  std::string date;
};

// Counts over a set of locals that the merged entity is built from, kept per root and
// merged on union (smaller into larger), so that building a node costs its distinct
// names and articles, not its mentions. Articles are indexes into State::articles.
struct Summary {
  struct Candidate {
    std::map<std::string, int> displays;  // spellings of the name
    size_t words = 0;
  };
  std::map<std::string, Candidate> candidates;  // name key -> names that may name the node
  std::map<std::string, int> support;           // name key -> locals whose own name it is
  std::map<std::string, std::map<std::string, int>> aliases;  // folded -> form -> count
  std::map<std::string, int> article_ids;
  std::map<std::string, int> descriptions;
  std::map<std::string, int> dates;
  uint64_t mentions = 0;
  std::vector<Idx> with_part_of;  // locals that name a whole
  // For merge notes, by the key of a local's own name ("group").
  std::map<std::string, std::map<std::string, int>> own_displays;  // group -> own name -> count
  std::map<std::string, int32_t> earliest;                         // group -> earliest article
  std::map<std::string, std::map<std::string, int>> group_keys;    // group -> union key -> count
  std::map<std::string, std::map<std::string, int>> key_groups;    // union key -> group -> count
  std::map<std::string, int32_t> alias_earliest;  // union key -> earliest article giving it as a second name
  std::map<std::pair<std::string, std::string>, int32_t> notes;  // the extractor's (rule, detail) -> article
};

// A set of locals joined by shared keys (union-find root).
struct Root {
  std::vector<Idx> members;
  bool probe = false;               // every member is a surname or acronym probe
  std::vector<std::string> offers;  // full roots, sorted and unique
  std::vector<std::string> tokens;  // probe roots, sorted and unique
  Idx target = -1;                  // probe roots: the full root they join
  size_t candidates = 0;            // probe roots: full roots that fit
  std::set<Idx> children;           // full roots: the probe roots joined to them
  std::string settled_id;           // the merged entity id of its members as last settled
  Summary summary;
};

struct MergedRel {
  std::string key;  // the grouping key the id hashes
  std::string subject, object, category, date;
  bool negated = false;
  bool symmetric = false;
  std::set<int32_t> contributions;
};

std::string TypeName(proto::EntityType type) {
  if (type == proto::ENTITY_TYPE_UNSPECIFIED || !proto::EntityType_IsValid(type)) return "ENTITY";
  return proto::EntityType_Name(type);
}

bool HasNul(const std::string& s) { return s.find('\0') != std::string::npos; }

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Most frequent key of `counts`; ties go to the smallest key.
template <typename K>
K MostFrequent(const std::map<K, int>& counts) {
  K best{};
  int best_count = -1;
  for (const auto& [k, c] : counts) {
    if (c > best_count) {
      best = k;
      best_count = c;
    }
  }
  return best;
}

std::string EvidenceOrderKey(const proto::Evidence& e) {
  // Fixed-width numbers so that the string order is the numeric order.
  char nums[40];
  std::snprintf(nums, sizeof nums, "%010u %010u %010u", e.sentence_index(), e.char_begin(),
                e.char_end());
  return (e.article_date().empty() ? "~" : e.article_date()) + '\x1f' + e.article_id() + '\x1f' +
         nums + '\x1f' + e.rule() + '\x1f' + e.sentence();
}

}  // namespace

Status ValidateArticleGraph(const proto::ArticleGraph& graph) {
  const std::string& id = graph.article().id();
  if (id.empty()) return Status::InvalidArgument("an article graph without an article id");
  if (HasNul(id)) return Status::InvalidArgument("an article id contains a NUL byte");
  const std::string where = "article " + id;
  std::set<std::string> ids;
  for (int i = 0; i < graph.entities_size(); ++i) {
    const proto::Entity& e = graph.entities(i);
    const std::string which = "entity #" + std::to_string(i) + " (" + Quote(e.name()) + ")";
    if (e.id().empty()) return Status::InvalidArgument(where + ": " + which + " has no id");
    if (!ids.insert(e.id()).second) {
      return Status::InvalidArgument(where + ": two entities have the id " + Quote(e.id()));
    }
    if (NameKey(e.name()).empty()) {
      return Status::InvalidArgument(where + ": entity " + Quote(e.id()) + " has the name " +
                                     Quote(e.name()) + ", which has no letter or digit");
    }
    if (!e.part_of().empty() && e.part_of() == e.id()) {
      return Status::InvalidArgument(where + ": entity " + Quote(e.id()) + " is part of itself");
    }
    if (!proto::EntityType_IsValid(e.type())) {
      return Status::InvalidArgument(where + ": entity " + Quote(e.id()) + " has an unknown type (" +
                                     std::to_string(e.type()) + ")");
    }
  }
  for (const proto::Entity& e : graph.entities()) {
    if (!e.part_of().empty() && !ids.count(e.part_of())) {
      return Status::InvalidArgument(where + ": entity " + Quote(e.id()) + " is part of " + Quote(e.part_of()) +
                                     ", which is not an entity of the article");
    }
  }
  for (int i = 0; i < graph.relations_size(); ++i) {
    const proto::Relation& r = graph.relations(i);
    const std::string which = where + ": relation #" + std::to_string(i) + " (" + r.predicate() + ")";
    if (r.predicate().empty()) return Status::InvalidArgument(which + " has no predicate");
    if (HasNul(r.predicate()) || HasNul(r.category())) {
      return Status::InvalidArgument(which + ": predicate or category contains a NUL byte");
    }
    struct Ref {
      const char* field;
      const std::string& value;
      bool required;
    };
    for (const Ref& ref : {Ref{"subject", r.subject(), true}, Ref{"object", r.object(), true},
                           Ref{"location", r.location(), false},
                           Ref{"attributed_to", r.attributed_to(), false}}) {
      if (ref.value.empty() && !ref.required) continue;
      if (!ids.count(ref.value)) {
        return Status::InvalidArgument(which + ": " + ref.field + " " + Quote(ref.value) +
                                       " is not an entity of the article");
      }
    }
  }
  return Status::Ok();
}

struct GraphResolver::State {
  std::vector<Local> locals;
  std::vector<Idx> parent;
  std::vector<LocalRel> rels;
  std::vector<ArticleRec> articles;
  std::unordered_map<std::string, int32_t> article_index;
  std::unordered_map<Idx, Root> roots;
  std::unordered_map<std::string, Idx> key_owner;
  std::unordered_map<std::string, std::set<Idx>> offer_index;
  std::unordered_map<std::string, std::set<Idx>> probe_index;
  std::map<std::string, Idx> node_by_id;  // merged entity id -> its primary root
  std::map<std::string, MergedRel> merged;

  // Work for the next Settle().
  std::set<Idx> touched;
  std::set<std::string> touched_tokens;
  std::set<Idx> reevaluate;
  std::set<int32_t> rekey;
  std::set<std::string> stale;  // ids of roots absorbed by a union
  std::vector<Idx> renamed;     // locals whose entity id changed
  std::vector<Idx> added;       // locals added since the last Settle()
  std::set<Idx> reshaped;       // roots whose node gained or lost whole roots

  Local MakeLocal(const proto::Entity& e, int32_t article) const;
  void Summarise(Idx i, Summary* s) const;
  void Merge(const Summary& from, Summary* into) const;
  Idx Find(Idx i);
  Idx FindConst(Idx i) const;
  void Union(Idx a, Idx b);
  void Index(Idx r);
  void Unindex(Idx r);
  void Reevaluate(Idx p);
  void Relabel(Idx root);
  Idx Primary(Idx root) const;
  const std::string& CurrentId(Idx local) const;
  Name Canonical(Idx primary) const;
  std::string EntityIdOf(Idx primary) const;
  std::tuple<std::string, std::string> ArticleOrder(int32_t article) const;
  void KeepEarliest(int32_t article, int32_t* slot) const;
  std::vector<proto::MergeNote> Notes(Idx primary, const Name& canonical) const;
  Status Rekey(int32_t ri, std::set<std::string>* dirty);
};

Local GraphResolver::State::MakeLocal(const proto::Entity& e, int32_t article) const {
  Local l;
  l.article = article;
  l.local_id = e.id();
  l.type = e.type();
  l.mentions = std::max<uint32_t>(1, e.mention_count());
  l.description = e.description();
  l.date = e.date();
  l.generic_name = e.generic_name();
  const bool person = e.type() == proto::PERSON;
  std::vector<std::string> given{e.name()};
  given.insert(given.end(), e.aliases().begin(), e.aliases().end());
  for (const auto& form : given) {
    if (NameKey(form).empty()) continue;
    if (std::find(l.surface.begin(), l.surface.end(), form) == l.surface.end()) l.surface.push_back(form);
  }
  std::vector<std::string> forms;
  if (e.type() == proto::DATE && !e.date().empty()) forms.push_back(e.date());
  for (const auto& s : l.surface) forms.push_back(person ? StripPersonTitles(s) : s);
  for (const auto& d : forms) {
    Name n{d, NameKey(d), FoldedWords(d).size()};
    if (n.key.empty()) continue;
    if (std::any_of(l.names.begin(), l.names.end(), [&](const Name& m) { return m.key == n.key; })) continue;
    l.names.push_back(std::move(n));
  }
  const std::string type = base::AsciiLower(TypeName(e.type())) + "|";
  const bool acronym_capable = e.type() == proto::ORG || e.type() == proto::GPE ||
                               e.type() == proto::LOC || e.type() == proto::NORP;
  if (person && std::all_of(l.names.begin(), l.names.end(), [](const Name& n) { return n.words < 2; })) {
    l.kind = Kind::kSurname;
  } else if (acronym_capable && std::all_of(l.names.begin(), l.names.end(),
                                            [](const Name& n) { return IsAcronym(n.display); })) {
    l.kind = Kind::kAcronym;
  }
  // A generic name ("High Court (Kenya)") identifies the body by its qualified name alone:
  // the bare "High Court" is every country's.
  const std::string own_key = NameKey(e.name());
  for (const Name& n : l.names) {
    if (e.generic_name() && n.key != own_key) continue;
    if (l.kind != Kind::kFull) {  // probes meet only each other by name
      l.keys.push_back("~" + type + n.key);
      l.tokens.push_back(type + n.key);
    } else if (person) {
      if (n.words >= 2) {
        l.keys.push_back(type + n.key);
        if (std::string s = Surname(n.display); !s.empty()) l.offers.push_back(type + s);
      } else {
        l.offers.push_back(type + n.key);
      }
    } else if (!acronym_capable) {
      l.keys.push_back(type + n.key);
    } else if (IsAcronym(n.display)) {
      l.offers.push_back(type + n.key);  // an acronym may stand for several names
    } else {
      l.keys.push_back(type + n.key);
      if (n.words == 1) l.offers.push_back(type + n.key);
      if (std::string i = Initials(n.display); !i.empty()) l.offers.push_back(type + i);
    }
  }
  SortUnique(&l.keys);
  SortUnique(&l.offers);
  SortUnique(&l.tokens);
  for (const proto::MergeNote& note : e.merges()) {
    l.notes.push_back(note);
    if (l.notes.back().article_id().empty()) l.notes.back().set_article_id(articles[article].id);
  }
  return l;
}

// The key after the type in a union key ("person|donald-trump", "~person|trump").
std::string_view KeyName(std::string_view union_key) { return union_key.substr(union_key.find('|') + 1); }

void GraphResolver::State::KeepEarliest(int32_t article, int32_t* slot) const {
  if (article < 0) return;
  if (*slot < 0 || ArticleOrder(article) < ArticleOrder(*slot)) *slot = article;
}

void GraphResolver::State::Summarise(Idx i, Summary* s) const {
  const Local& l = locals[i];
  const std::string& own = l.names.front().key;
  const std::string type = base::AsciiLower(TypeName(l.type)) + "|";
  for (const Name& n : l.names) {
    // Full entities are named by names that identify them on their own (their keys).
    if (l.kind == Kind::kFull && !std::binary_search(l.keys.begin(), l.keys.end(), type + n.key)) continue;
    Summary::Candidate& c = s->candidates[n.key];
    ++c.displays[n.display];
    c.words = n.words;
  }
  ++s->support[own];
  for (const auto& form : l.surface) ++s->aliases[base::FoldName(form)][form];
  for (const Name& n : l.names) ++s->aliases[base::FoldName(n.display)][n.display];
  ++s->article_ids[articles[l.article].id];
  if (!l.description.empty()) ++s->descriptions[l.description];
  if (!l.date.empty()) ++s->dates[l.date];
  s->mentions += l.mentions;
  if (l.part_of >= 0) s->with_part_of.push_back(i);
  ++s->own_displays[own][l.names.front().display];
  KeepEarliest(l.article, &s->earliest.try_emplace(own, -1).first->second);
  for (const auto& k : l.keys) {
    ++s->group_keys[own][k];
    ++s->key_groups[k][own];
    if (KeyName(k) != own) KeepEarliest(l.article, &s->alias_earliest.try_emplace(k, -1).first->second);
  }
  for (const proto::MergeNote& n : l.notes) {
    auto it = article_index.find(n.article_id());
    KeepEarliest(it == article_index.end() ? -1 : it->second,
                 &s->notes.try_emplace(std::make_pair(n.rule(), n.detail()), -1).first->second);
  }
}

template <typename K>
void AddCounts(const std::map<K, int>& from, std::map<K, int>* into) {
  for (const auto& [k, c] : from) (*into)[k] += c;
}

void GraphResolver::State::Merge(const Summary& from, Summary* into) const {
  for (const auto& [key, c] : from.candidates) {
    Summary::Candidate& to = into->candidates[key];
    AddCounts(c.displays, &to.displays);
    to.words = c.words;
  }
  AddCounts(from.support, &into->support);
  for (const auto& [folded, forms] : from.aliases) AddCounts(forms, &into->aliases[folded]);
  AddCounts(from.article_ids, &into->article_ids);
  AddCounts(from.descriptions, &into->descriptions);
  AddCounts(from.dates, &into->dates);
  into->mentions += from.mentions;
  into->with_part_of.insert(into->with_part_of.end(), from.with_part_of.begin(), from.with_part_of.end());
  for (const auto& [g, forms] : from.own_displays) AddCounts(forms, &into->own_displays[g]);
  for (const auto& [g, a] : from.earliest) KeepEarliest(a, &into->earliest.try_emplace(g, -1).first->second);
  for (const auto& [g, keys] : from.group_keys) AddCounts(keys, &into->group_keys[g]);
  for (const auto& [k, groups] : from.key_groups) AddCounts(groups, &into->key_groups[k]);
  for (const auto& [k, a] : from.alias_earliest) {
    KeepEarliest(a, &into->alias_earliest.try_emplace(k, -1).first->second);
  }
  for (const auto& [n, a] : from.notes) KeepEarliest(a, &into->notes.try_emplace(n, -1).first->second);
}

Idx GraphResolver::State::Find(Idx i) {
  Idx r = i;
  while (parent[r] != r) r = parent[r];
  while (parent[i] != r) {
    const Idx next = parent[i];
    parent[i] = r;
    i = next;
  }
  return r;
}

Idx GraphResolver::State::FindConst(Idx i) const {
  while (parent[i] != i) i = parent[i];
  return i;
}

void GraphResolver::State::Index(Idx r) {
  Root& root = roots.at(r);
  if (root.probe) {
    for (const auto& t : root.tokens) probe_index[t].insert(r);
    reevaluate.insert(r);
  } else {
    for (const auto& t : root.offers) offer_index[t].insert(r);
  }
  for (const auto& t : root.probe ? root.tokens : root.offers) touched_tokens.insert(t);
}

void GraphResolver::State::Unindex(Idx r) {
  Root& root = roots.at(r);
  auto drop = [r](std::unordered_map<std::string, std::set<Idx>>& index, const std::string& t) {
    auto it = index.find(t);
    if (it == index.end()) return;
    it->second.erase(r);
    if (it->second.empty()) index.erase(it);
  };
  if (root.probe) {
    for (const auto& t : root.tokens) drop(probe_index, t);
  } else {
    for (const auto& t : root.offers) drop(offer_index, t);
  }
  for (const auto& t : root.probe ? root.tokens : root.offers) touched_tokens.insert(t);
}

// The relations of every member of `root` must be keyed again, and the entities that are
// part of them rewritten: the members' entity id changes.
void GraphResolver::State::Relabel(Idx root) {
  for (Idx m : roots.at(root).members) {
    rekey.insert(locals[m].relations.begin(), locals[m].relations.end());
    renamed.push_back(m);
  }
}

void GraphResolver::State::Union(Idx a, Idx b) {
  Idx ra = Find(a), rb = Find(b);
  if (ra == rb) return;
  if (roots.at(ra).members.size() < roots.at(rb).members.size()) std::swap(ra, rb);
  Unindex(ra);
  Unindex(rb);
  Root& keep = roots.at(ra);
  Root& gone = roots.at(rb);
  // `gone` disappears: the probes joined to it are decided again, and it leaves the root
  // it was joined to. (Probes joined to `keep` stay; Index() has them reconsidered.)
  for (Idx c : gone.children) {
    roots.at(c).target = -1;
    reevaluate.insert(c);
    touched.insert(c);
  }
  gone.children.clear();
  if (gone.probe && gone.target >= 0) {
    roots.at(gone.target).children.erase(rb);
    touched.insert(gone.target);
    if (gone.target != keep.target) reshaped.insert(gone.target);
  }
  if (!gone.settled_id.empty()) {
    stale.insert(gone.settled_id);
    if (gone.settled_id != keep.settled_id) reshaped.insert(ra);  // two nodes become one
  }
  if (gone.settled_id != keep.settled_id) Relabel(rb);
  keep.members.insert(keep.members.end(), gone.members.begin(), gone.members.end());
  keep.offers.insert(keep.offers.end(), gone.offers.begin(), gone.offers.end());
  keep.tokens.insert(keep.tokens.end(), gone.tokens.begin(), gone.tokens.end());
  SortUnique(&keep.offers);
  SortUnique(&keep.tokens);
  Merge(gone.summary, &keep.summary);
  parent[rb] = ra;
  roots.erase(rb);
  Index(ra);
  touched.insert(ra);
}

void GraphResolver::State::Reevaluate(Idx p) {
  if (Find(p) != p) return;
  Root& probe = roots.at(p);
  if (!probe.probe) return;
  // An entity whose own name is the token ("Nato" for "NATO") is the one; otherwise any
  // entity offering it (a surname, initials, an acronym given as a second name).
  std::set<Idx> candidates;
  for (const auto& t : probe.tokens) {
    if (auto it = key_owner.find(t); it != key_owner.end()) candidates.insert(Find(it->second));
  }
  if (candidates.empty()) {
    for (const auto& t : probe.tokens) {
      if (auto it = offer_index.find(t); it != offer_index.end()) {
        candidates.insert(it->second.begin(), it->second.end());
      }
    }
  }
  const Idx target = candidates.size() == 1 ? *candidates.begin() : -1;
  if (target == probe.target && candidates.size() == probe.candidates) return;
  touched.insert(p);
  reshaped.insert(p);
  if (probe.target >= 0) {
    roots.at(probe.target).children.erase(p);
    touched.insert(probe.target);
    reshaped.insert(probe.target);
  }
  if (target >= 0) {
    roots.at(target).children.insert(p);
    touched.insert(target);
    reshaped.insert(target);
  }
  probe.target = target;
  probe.candidates = candidates.size();
}

Idx GraphResolver::State::Primary(Idx root) const {
  const Root& r = roots.at(root);
  return r.probe && r.target >= 0 ? r.target : root;
}

const std::string& GraphResolver::State::CurrentId(Idx local) const {
  return roots.at(Primary(FindConst(local))).settled_id;
}

// The node's name: among the names of its own root's members that identify it (persons:
// not a bare surname; organisations and places: not an acronym), the one most members use
// as their own name, then the one most members use at all, then the one with most words,
// then the longest, then the first by key. Depends only on the set of members.
Name GraphResolver::State::Canonical(Idx primary) const {
  const Summary& s = roots.at(primary).summary;
  Name best;
  std::tuple<int, int, size_t, size_t> best_score{-1, 0, 0, 0};
  for (const auto& [key, c] : s.candidates) {
    const std::string display = MostFrequent(c.displays);
    const auto it = s.support.find(key);
    int uses = 0;
    for (const auto& [form, count] : c.displays) uses += count;
    const std::tuple<int, int, size_t, size_t> score{it == s.support.end() ? 0 : it->second, uses, c.words,
                                                     display.size()};
    if (score > best_score) {  // strictly better: ties keep the smaller key
      best_score = score;
      best = Name{display, key, c.words};
    }
  }
  return best;
}

std::string GraphResolver::State::EntityIdOf(Idx primary) const {
  return base::MakeEntityId(TypeName(locals[roots.at(primary).members.front()].type),
                            Canonical(primary).display);
}

std::tuple<std::string, std::string> GraphResolver::State::ArticleOrder(int32_t article) const {
  const ArticleRec& a = articles[article];
  return {a.date.empty() ? "~" : a.date, a.id};
}

// Why the node's names are one entity: one note per name other than the canonical one,
// the extractor's own notes, and why a lone surname or acronym was kept apart.
std::vector<proto::MergeNote> GraphResolver::State::Notes(Idx primary, const Name& canonical) const {
  const Root& root = roots.at(primary);
  const proto::EntityType type = locals[root.members.front()].type;
  const bool person = type == proto::PERSON;
  std::map<std::pair<std::string, std::string>, int32_t> notes;  // (rule, detail) -> article
  auto add = [&](const std::string& rule, const std::string& detail, int32_t article) {
    KeepEarliest(article, &notes.try_emplace(std::make_pair(rule, detail), -1).first->second);
  };
  const std::string to = " -> " + Quote(canonical.display);
  const Summary& s = root.summary;
  // Names joined by a shared name: the smallest key the group shares with another group,
  // and the earliest article that gave it as a second name.
  for (const auto& [group, forms] : s.own_displays) {
    if (group == canonical.key) continue;
    std::string shared;
    for (const auto& [k, count] : s.group_keys.at(group)) {
      if (s.key_groups.at(k).size() > 1) {
        shared = k;
        break;
      }
    }
    std::string detail = Quote(MostFrequent(forms)) + to;
    int32_t article = s.earliest.at(group);
    if (!shared.empty()) {
      const auto c = s.candidates.find(std::string(KeyName(shared)));
      if (c != s.candidates.end()) detail += " (shared name " + Quote(c->second.displays.begin()->first) + ")";
      if (auto a = s.alias_earliest.find(shared); a != s.alias_earliest.end()) article = a->second;
    }
    add("alias", detail, article);
  }
  for (const auto& [n, a] : s.notes) add(n.first, n.second, a);
  // Surnames and acronyms joined because they fit this entity only.
  for (Idx c : root.children) {
    const Summary& cs = roots.at(c).summary;
    for (const auto& [group, forms] : cs.own_displays) {
      if (group == canonical.key) continue;
      add(person ? "surname" : "acronym",
          Quote(MostFrequent(forms)) + to +
              (person ? ": the only person in the graph with that surname"
                      : ": the only " + TypeName(type) + " in the graph it can stand for"),
          cs.earliest.at(group));
    }
    for (const auto& [n, a] : cs.notes) add(n.first, n.second, a);
  }
  if (root.probe && root.candidates >= 2) {
    add(person ? "surname-ambiguous" : "acronym-ambiguous",
        Quote(canonical.display) + " kept apart: " + std::to_string(root.candidates) +
            (person ? " people in the graph have that surname" : " " + TypeName(type) + " entities in the graph fit it"),
        -1);
  }
  std::vector<proto::MergeNote> out;
  for (const auto& [rule_detail, article] : notes) {
    proto::MergeNote n;
    n.set_rule(rule_detail.first);
    n.set_detail(rule_detail.second);
    if (article >= 0) n.set_article_id(articles[article].id);
    out.push_back(std::move(n));
  }
  return out;
}

Status GraphResolver::State::Rekey(int32_t ri, std::set<std::string>* dirty) {
  LocalRel& lr = rels[ri];
  MergedRel m;
  m.subject = CurrentId(lr.subject);
  m.object = CurrentId(lr.object);
  m.negated = lr.negated;
  m.symmetric = lr.symmetric;
  m.date = lr.date;
  m.category = lr.group_category.rfind('~', 0) == 0 ? "" : lr.group_category;
  std::string id;
  if (m.subject != m.object) {  // a relation between two names of one entity is dropped
    if (m.symmetric && m.object < m.subject) std::swap(m.subject, m.object);
    m.key = m.subject + '\x1f' + m.object + '\x1f' + lr.group_category + '\x1f' +
            (m.negated ? "-" : "+") + '\x1f' + m.date + '\x1f' + (m.symmetric ? "s" : "d");
    id = "rel:" + base::Hex64(base::StableHash64(m.key));
  }
  if (!lr.merged.empty()) {
    dirty->insert(lr.merged);
    if (lr.merged != id) {
      auto it = merged.find(lr.merged);
      it->second.contributions.erase(ri);
      if (it->second.contributions.empty()) merged.erase(it);
    }
  }
  if (!id.empty()) {
    auto [it, inserted] = merged.try_emplace(id);
    if (inserted) {
      it->second = std::move(m);
    } else if (it->second.key != m.key) {
      return Status::Corruption("two different relations hash to the id " + id);
    }
    it->second.contributions.insert(ri);
    dirty->insert(id);
  }
  lr.merged = id;
  return Status::Ok();
}

GraphResolver::GraphResolver() : s_(std::make_unique<State>()) {}
GraphResolver::~GraphResolver() = default;

void GraphResolver::Add(const proto::ArticleGraph& graph) {
  State& s = *s_;
  const int32_t a = static_cast<int32_t>(s.articles.size());
  s.articles.push_back({graph.article().id(), graph.article().date()});
  s.article_index.emplace(graph.article().id(), a);
  std::unordered_map<std::string, Idx> by_local_id;
  const Idx first = static_cast<Idx>(s.locals.size());
  for (const proto::Entity& e : graph.entities()) {
    const Idx i = static_cast<Idx>(s.locals.size());
    s.locals.push_back(s.MakeLocal(e, a));
    s.parent.push_back(i);
    by_local_id.emplace(e.id(), i);
  }
  for (const proto::Entity& e : graph.entities()) {
    if (e.part_of().empty()) continue;
    const Idx part = by_local_id.at(e.id()), whole = by_local_id.at(e.part_of());
    s.locals[part].part_of = whole;
    s.locals[whole].parts.push_back(part);
  }
  for (Idx i = first; i < static_cast<Idx>(s.locals.size()); ++i) {
    const Local& l = s.locals[i];
    Root root;
    root.members = {i};
    root.probe = l.kind != Kind::kFull;
    root.offers = l.offers;
    root.tokens = l.tokens;
    s.Summarise(i, &root.summary);
    s.roots.emplace(i, std::move(root));
    s.added.push_back(i);
    s.Index(i);
    s.touched.insert(i);
    for (const auto& k : l.keys) {
      auto [it, inserted] = s.key_owner.emplace(k, i);
      if (!inserted) s.Union(i, it->second);
    }
  }
  for (int j = 0; j < graph.relations_size(); ++j) {
    const proto::Relation& r = graph.relations(j);
    const int32_t ri = static_cast<int32_t>(s.rels.size());
    LocalRel lr;
    lr.article = a;
    lr.index = j;
    auto local = [&](const std::string& id) -> Idx {
      if (id.empty()) return -1;
      auto it = by_local_id.find(id);
      return it == by_local_id.end() ? -1 : it->second;
    };
    lr.subject = local(r.subject());
    lr.object = local(r.object());
    lr.location = local(r.location());
    lr.attributed = local(r.attributed_to());
    lr.group_category = r.category().empty() ? "~" + r.predicate() : r.category();
    // An office held is a standing fact, not an event: its articles' dates do not part it.
    lr.date = r.category() == "ROLE" ? "" : r.event_date().empty() ? graph.article().date() : r.event_date();
    lr.negated = r.polarity() == proto::NEGATED;
    lr.symmetric = r.symmetric();
    for (Idx x : {lr.subject, lr.object, lr.location, lr.attributed}) {
      if (x >= 0 && (s.locals[x].relations.empty() || s.locals[x].relations.back() != ri)) {
        s.locals[x].relations.push_back(ri);
      }
    }
    s.rels.push_back(std::move(lr));
    s.rekey.insert(ri);
  }
}

Result<ResolverChange> GraphResolver::Settle() {
  State& s = *s_;
  for (const auto& t : s.touched_tokens) {
    if (auto it = s.probe_index.find(t); it != s.probe_index.end()) {
      s.reevaluate.insert(it->second.begin(), it->second.end());
    }
  }
  for (Idx p : s.reevaluate) s.Reevaluate(p);

  std::set<Idx> nodes, reshaped;
  for (Idx t : s.touched) nodes.insert(s.Primary(s.Find(t)));
  for (Idx r : s.reshaped) reshaped.insert(s.Primary(s.Find(r)));
  std::map<Idx, std::set<std::string>> additions;  // node -> articles of its new locals
  for (Idx i : s.added) additions[s.Primary(s.Find(i))].insert(s.articles[s.locals[i].article].id);
  std::set<std::string>& stale = s.stale;
  std::map<std::string, Idx> fresh;
  ResolverChange change;
  for (Idx n : nodes) {
    const std::string id = s.EntityIdOf(n);
    if (!fresh.emplace(id, n).second) {
      return Status::Corruption("two merged entities would have the id " + id);
    }
    std::vector<Idx> node_roots{n};
    node_roots.insert(node_roots.end(), s.roots.at(n).children.begin(), s.roots.at(n).children.end());
    bool relabeled = false;
    for (Idx r : node_roots) {
      Root& root = s.roots.at(r);
      if (root.settled_id == id) continue;
      if (!root.settled_id.empty()) stale.insert(root.settled_id);
      s.Relabel(r);
      root.settled_id = id;
      relabeled = true;
    }
    stale.insert(id);
    // The article list: whole when the node was renamed or gained or lost whole roots,
    // else the articles of its new mentions.
    EntityArticles articles{id, relabeled || reshaped.count(n) > 0, {}};
    if (articles.replace) {
      for (const auto& [a, count] : s.roots.at(n).summary.article_ids) articles.article_ids.push_back(a);
      for (Idx c : s.roots.at(n).children) {
        for (const auto& [a, count] : s.roots.at(c).summary.article_ids) articles.article_ids.push_back(a);
      }
      SortUnique(&articles.article_ids);
    } else if (auto it = additions.find(n); it != additions.end()) {
      articles.article_ids.assign(it->second.begin(), it->second.end());
    }
    if (articles.replace || !articles.article_ids.empty()) change.entity_articles.push_back(std::move(articles));
  }
  // An entity that is part of a renamed one names it again (its own id stays).
  std::set<std::string> rewrite;
  for (const auto& [id, n] : fresh) rewrite.insert(id);
  for (Idx m : s.renamed) {
    for (Idx part : s.locals[m].parts) {
      const std::string& id = s.CurrentId(part);
      if (rewrite.insert(id).second) stale.insert(id);
    }
  }
  for (const auto& id : stale) {
    if (!fresh.count(id) && rewrite.count(id)) continue;  // renamed parts keep their node
    s.node_by_id.erase(id);
  }
  for (const auto& [id, n] : fresh) {
    if (!s.node_by_id.emplace(id, n).second) {
      return Status::Corruption("the merged entity id " + id + " is taken by another entity");
    }
  }
  std::set<std::string> dirty;
  for (int32_t ri : s.rekey) {
    const LocalRel& lr = s.rels[ri];
    if (lr.subject < 0 || lr.object < 0) continue;
    KG_RETURN_IF_ERROR(s.Rekey(ri, &dirty));
  }
  change.stale_entities.assign(stale.begin(), stale.end());
  change.entities.assign(rewrite.begin(), rewrite.end());
  change.stale_relations.assign(dirty.begin(), dirty.end());
  for (const auto& id : dirty) {
    if (s.merged.count(id)) change.relations.push_back(id);
  }
  s.touched.clear();
  s.touched_tokens.clear();
  s.reevaluate.clear();
  s.rekey.clear();
  s.stale.clear();
  s.renamed.clear();
  s.added.clear();
  s.reshaped.clear();
  return change;
}

bool GraphResolver::HasArticle(const std::string& article_id) const {
  return s_->article_index.count(article_id) > 0;
}

proto::Entity GraphResolver::BuildEntity(const std::string& entity_id, bool with_articles) const {
  const State& s = *s_;
  const Idx primary = s.node_by_id.at(entity_id);
  const Root& root = s.roots.at(primary);
  const Name canonical = s.Canonical(primary);
  // The node is its root and its joined probes (few, small): their summaries combined
  // field by field, never copying the root's.
  std::vector<const Summary*> parts{&root.summary};
  for (Idx c : root.children) parts.push_back(&s.roots.at(c).summary);
  proto::Entity e;
  e.set_id(entity_id);
  e.set_name(canonical.display);
  e.set_type(s.locals[root.members.front()].type);
  const std::string canonical_folded = base::FoldName(canonical.display);
  std::map<std::string, std::map<std::string, int>> aliases;
  std::map<std::string, int> dates, descriptions, wholes;
  uint64_t mentions = 0;
  for (const Summary* p : parts) {
    for (const auto& [folded, forms] : p->aliases) {
      if (folded != canonical_folded) AddCounts(forms, &aliases[folded]);
    }
    AddCounts(p->dates, &dates);
    AddCounts(p->descriptions, &descriptions);
    mentions += p->mentions;
    for (Idx m : p->with_part_of) {
      const std::string& whole = s.CurrentId(s.locals[m].part_of);
      if (whole != entity_id) ++wholes[whole];
    }
  }
  std::vector<std::string> alias_list;
  for (const auto& [folded, forms] : aliases) alias_list.push_back(MostFrequent(forms));
  std::sort(alias_list.begin(), alias_list.end());
  for (auto& a : alias_list) e.add_aliases(std::move(a));
  e.set_mention_count(static_cast<uint32_t>(std::min<uint64_t>(mentions, UINT32_MAX)));
  if (with_articles) {
    std::vector<std::string> ids;
    for (const Summary* p : parts) {
      for (const auto& [id, count] : p->article_ids) ids.push_back(id);
    }
    SortUnique(&ids);
    for (auto& id : ids) e.add_article_ids(std::move(id));
  }
  for (auto& note : s.Notes(primary, canonical)) *e.add_merges() = std::move(note);
  if (!dates.empty()) e.set_date(MostFrequent(dates));
  if (!descriptions.empty()) e.set_description(MostFrequent(descriptions));
  if (!wholes.empty()) e.set_part_of(MostFrequent(wholes));
  e.set_generic_name(std::any_of(root.members.begin(), root.members.end(),
                                 [&](Idx m) { return s.locals[m].generic_name; }));
  return e;
}

Result<proto::Relation> GraphResolver::BuildRelation(const std::string& relation_id,
                                                     const GraphSource& source) const {
  const State& s = *s_;
  const MergedRel& m = s.merged.at(relation_id);
  std::vector<int32_t> contributions(m.contributions.begin(), m.contributions.end());
  std::sort(contributions.begin(), contributions.end(), [&](int32_t a, int32_t b) {
    return std::tie(s.articles[s.rels[a].article].id, s.rels[a].index) <
           std::tie(s.articles[s.rels[b].article].id, s.rels[b].index);
  });
  std::map<std::string, int> predicates, attributed, locations, event_dates;
  std::map<int, int> modalities;
  int forward = 0, backward = 0;
  double cooperation = 0;
  uint64_t mentions = 0;
  std::set<std::string> sources;
  std::string first_seen, last_seen;
  std::vector<proto::Evidence> evidence;
  for (int32_t ri : contributions) {
    const LocalRel& lr = s.rels[ri];
    const ArticleRec& article = s.articles[lr.article];
    Result<const proto::ArticleGraph*> graph = source(article.id);
    if (!graph.ok()) return graph.status();
    if (lr.index >= (*graph)->relations_size()) {
      return Status::Corruption("the stored graph of article " + article.id + " has " +
                                std::to_string((*graph)->relations_size()) +
                                " relations; relation #" + std::to_string(lr.index) + " is missing");
    }
    const proto::Relation& r = (*graph)->relations(lr.index);
    ++predicates[r.predicate()];
    ++modalities[r.modality()];
    cooperation += r.cooperation();
    mentions += std::max<uint64_t>({1, r.mention_count(), static_cast<uint64_t>(r.evidence_size())});
    if (lr.attributed >= 0) ++attributed[s.CurrentId(lr.attributed)];
    if (lr.location >= 0) ++locations[s.CurrentId(lr.location)];
    if (!r.event_date().empty()) ++event_dates[r.event_date()];
    (s.CurrentId(lr.subject) == m.subject ? forward : backward) += 1;
    sources.insert(article.id);
    if (!article.date.empty()) {
      if (first_seen.empty() || article.date < first_seen) first_seen = article.date;
      if (last_seen.empty() || article.date > last_seen) last_seen = article.date;
    }
    for (const proto::Evidence& ev : r.evidence()) {
      evidence.push_back(ev);
      if (evidence.back().article_id().empty()) evidence.back().set_article_id(article.id);
      if (evidence.back().article_date().empty()) evidence.back().set_article_date(article.date);
    }
  }
  std::vector<std::pair<std::string, size_t>> order;
  for (size_t i = 0; i < evidence.size(); ++i) order.emplace_back(EvidenceOrderKey(evidence[i]), i);
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              order.end());

  proto::Relation out;
  out.set_id(relation_id);
  const bool flip = m.symmetric && backward > forward;
  out.set_subject(flip ? m.object : m.subject);
  out.set_object(flip ? m.subject : m.object);
  out.set_predicate(MostFrequent(predicates));
  out.set_category(m.category);
  out.set_cooperation(static_cast<float>(cooperation / static_cast<double>(contributions.size())));
  out.set_polarity(m.negated ? proto::NEGATED : proto::ASSERTED);
  out.set_modality(static_cast<proto::Modality>(MostFrequent(modalities)));
  if (!attributed.empty()) out.set_attributed_to(MostFrequent(attributed));
  if (!event_dates.empty()) out.set_event_date(MostFrequent(event_dates));
  if (!locations.empty()) out.set_location(MostFrequent(locations));
  out.set_symmetric(m.symmetric);
  for (const auto& [key, i] : order) *out.add_evidence() = std::move(evidence[i]);
  out.set_mention_count(static_cast<uint32_t>(std::min<uint64_t>(mentions, UINT32_MAX)));
  out.set_source_count(static_cast<uint32_t>(sources.size()));
  out.set_first_seen(first_seen);
  out.set_last_seen(last_seen);
  for (const auto& [p, count] : predicates) out.add_predicates(p);
  return out;
}

std::vector<std::string> GraphResolver::EntityIds() const {
  std::vector<std::string> out;
  for (const auto& [id, n] : s_->node_by_id) out.push_back(id);
  return out;
}

std::vector<std::string> GraphResolver::RelationIds() const {
  std::vector<std::string> out;
  for (const auto& [id, m] : s_->merged) out.push_back(id);
  return out;
}

size_t GraphResolver::article_count() const { return s_->articles.size(); }
size_t GraphResolver::entity_count() const { return s_->node_by_id.size(); }
size_t GraphResolver::relation_count() const { return s_->merged.size(); }

}  // namespace kg::storage
