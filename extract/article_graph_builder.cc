#include "extract/article_graph_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "base/text.h"
#include "base/utf8.h"
#include "extract/relations/sentence_view.h"
#include "proto/kg.pb.h"

namespace kg::extract {

namespace {

proto::EntityType ProtoType(ReferentKind kind) {
  switch (kind) {
    case ReferentKind::kPerson:
      return proto::PERSON;
    case ReferentKind::kOrg:
      return proto::ORG;
    case ReferentKind::kGpe:
      return proto::GPE;
    case ReferentKind::kLoc:
      return proto::LOC;
    case ReferentKind::kNorp:
      return proto::NORP;
    case ReferentKind::kDate:
      return proto::DATE;
    case ReferentKind::kOther:
      return proto::CONCEPT;
  }
  return proto::ENTITY_TYPE_UNSPECIFIED;
}

proto::Polarity ProtoPolarity(Polarity p) { return p == Polarity::kNegated ? proto::NEGATED : proto::ASSERTED; }

proto::Modality ProtoModality(Modality m) {
  switch (m) {
    case Modality::kFactual:
      return proto::FACTUAL;
    case Modality::kIntended:
      return proto::INTENDED;
    case Modality::kObligation:
      return proto::OBLIGATION;
    case Modality::kPossible:
      return proto::POSSIBLE;
    case Modality::kReported:
      return proto::REPORTED;
  }
  return proto::MODALITY_UNSPECIFIED;
}

// Cases that make a place of a capital ("talks in Moscow") rather than its government.
bool IsPlaceCase(const std::string& c) {
  static const std::set<std::string> k = {"in",     "at",     "near",   "from",    "outside", "to",
                                          "into",   "across", "around", "inside",  "within",  "toward",
                                          "towards", "through", "over", "between", "via",     "off"};
  return k.count(c) > 0;
}

// Capitals that every mention uses as an actor ("Moscow said", "accused Ankara"): such a
// referent is its country, under another name.
std::vector<bool> ActorOnlyCapitals(const Document& doc, const ArticleReferents& refs) {
  const int n = static_cast<int>(refs.referents.size());
  std::vector<int> actor_uses(n, 0), place_uses(n, 0);
  const ReferenceIndex index(refs, static_cast<int>(doc.sentences.size()));
  for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
    if (doc.sentences[s].tokens.empty()) continue;
    SentenceView view(doc.sentences[s], s, refs, index);
    for (int t = 0; t < view.size(); ++t) {
      const int r = view.ReferenceHeadedAt(t);
      if (r < 0) continue;
      for (int id : refs.references[r].referents) {
        if (refs.referents[id].country < 0 || refs.referents[id].kind == ReferentKind::kPerson) continue;
        if (refs.references[r].source != ReferenceSource::kName) continue;
        const std::string_view rel = SentenceView::BaseRel(view.token(t).deprel);
        const bool place = ((rel == "obl" || rel == "nmod") && IsPlaceCase(view.CaseOf(t))) || rel == "compound" ||
                           rel == "appos" || rel == "root" || view.token(t).upos == "ADJ" || view.heading();
        (place ? place_uses : actor_uses)[id]++;
      }
    }
  }
  std::vector<bool> fold(n, false);
  for (int i = 0; i < n; ++i) fold[i] = actor_uses[i] > 0 && place_uses[i] == 0;
  return fold;
}

struct RelationKey {
  std::string subject, predicate, object;
  int polarity;
  bool operator<(const RelationKey& o) const {
    return std::tie(subject, predicate, object, polarity) < std::tie(o.subject, o.predicate, o.object, o.polarity);
  }
};

}  // namespace

proto::ArticleGraph ArticleGraphBuilder::Build(const ArticleText& article, const Document& doc,
                                               const ArticleReferents& refs,
                                               const std::vector<ExtractedRelation>& relations) {
  proto::ArticleGraph graph;
  proto::Article* a = graph.mutable_article();
  a->set_id(article.id);
  a->set_date(article.date);
  a->set_title(article.title);
  a->set_source(article.source);
  a->set_path(article.path);
  a->set_sentence_count(static_cast<uint32_t>(doc.sentences.size()));
  uint32_t tokens = 0;
  for (const auto& s : doc.sentences) tokens += static_cast<uint32_t>(s.tokens.size());
  a->set_token_count(tokens);
  a->set_char_count(static_cast<uint32_t>(base::CodePointCount(doc.text)));

  // Entities: every named referent except dates; actor-only capitals fold into their country.
  const int n = static_cast<int>(refs.referents.size());
  const std::vector<bool> folded = ActorOnlyCapitals(doc, refs);
  std::vector<int> target(n);
  for (int i = 0; i < n; ++i) target[i] = folded[i] ? refs.referents[i].country : i;
  std::vector<int> mentions(n, 0);
  std::vector<std::set<std::string>> aliases(n);
  for (const Reference& ref : refs.references) {
    for (int id : ref.referents) {
      if (id < 0 || id >= n) continue;
      mentions[target[id]]++;
      if (ref.source == ReferenceSource::kName && ref.sentence < static_cast<int>(doc.sentences.size())) {
        const auto& toks = doc.sentences[ref.sentence].tokens;
        if (ref.begin >= 0 && ref.end <= static_cast<int>(toks.size()) && ref.begin < ref.end && ref.referents.size() == 1) {
          aliases[target[id]].insert(doc.text.substr(toks[ref.begin].begin, toks[ref.end - 1].end - toks[ref.begin].begin));
        }
      }
    }
  }
  // A country the article knows only from a demonym that no relation uses ("Swiss
  // francs", "a Dutch company") is a modifier there, not a node.
  std::vector<bool> named(n, false), demonym(n, false), used(n, false);
  for (const Reference& ref : refs.references) {
    for (int id : ref.referents) {
      if (id < 0 || id >= n) continue;
      (ref.source == ReferenceSource::kDemonym ? demonym : named)[target[id]] = true;
    }
  }
  for (const ExtractedRelation& x : relations) {
    for (int id : {x.subject, x.object, x.attributed_to, x.location}) {
      if (id >= 0 && id < n) used[target[id]] = true;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (refs.referents[i].parent >= 0 && refs.referents[i].parent < n) used[target[refs.referents[i].parent]] = true;
  }
  std::vector<std::string> ids(n);
  std::map<std::string, int> by_id;  // entity id -> index into graph.entities
  for (int i = 0; i < n; ++i) {
    const Referent& r = refs.referents[i];
    if (r.kind == ReferentKind::kDate || folded[i]) continue;
    if (demonym[i] && !named[i] && !used[i]) continue;
    ids[i] = base::MakeEntityId(proto::EntityType_Name(ProtoType(r.kind)), r.name);
    auto [it, fresh] = by_id.emplace(ids[i], graph.entities_size());
    proto::Entity* e = fresh ? graph.add_entities() : graph.mutable_entities(it->second);
    if (fresh) {
      e->set_id(ids[i]);
      e->set_name(r.name);
      e->set_type(ProtoType(r.kind));
      e->add_article_ids(article.id);
      if (!r.roles.empty()) e->set_description(r.roles.front());
      e->set_generic_name(r.generic_name);
    }
    e->set_mention_count(e->mention_count() + mentions[i]);
    std::set<std::string> names(r.aliases.begin(), r.aliases.end());
    names.insert(aliases[i].begin(), aliases[i].end());
    for (int j = 0; j < n; ++j) {
      if (folded[j] && refs.referents[j].country == i) {
        names.insert(refs.referents[j].name);
        names.insert(aliases[j].begin(), aliases[j].end());
      }
    }
    std::set<std::string> have(e->aliases().begin(), e->aliases().end());
    for (const std::string& name : names) {
      if (base::FoldName(name) == base::FoldName(e->name()) || have.count(name)) continue;
      e->add_aliases(name);
      have.insert(name);
    }
  }
  for (int i = 0; i < n; ++i) {
    if (folded[i]) ids[i] = ids[target[i]];
  }
  // Government bodies and the like point at the entity they belong to.
  for (int i = 0; i < n; ++i) {
    const int parent = refs.referents[i].parent;
    if (ids[i].empty() || folded[i] || parent < 0 || parent >= n || ids[parent].empty()) continue;
    auto it = by_id.find(ids[i]);
    if (it != by_id.end() && ids[parent] != ids[i]) graph.mutable_entities(it->second)->set_part_of(ids[parent]);
  }

  // Relations: one per (subject, predicate, object, polarity), evidence accumulating.
  const base::CodePointIndex cp(doc.text);
  std::map<RelationKey, int> seen;
  for (const ExtractedRelation& x : relations) {
    if (x.subject < 0 || x.subject >= n || ids[x.subject].empty()) continue;
    std::string object_id;
    if (x.object >= 0) {
      if (x.object >= n || ids[x.object].empty()) continue;
      object_id = ids[x.object];
    } else if (!x.object_concept.empty()) {
      object_id = base::MakeEntityId("CONCEPT", x.object_concept);
      if (!by_id.count(object_id)) {
        by_id.emplace(object_id, graph.entities_size());
        proto::Entity* e = graph.add_entities();
        e->set_id(object_id);
        e->set_name(x.object_concept);
        e->set_type(proto::CONCEPT);
        e->add_article_ids(article.id);
      }
      graph.mutable_entities(by_id[object_id])->set_mention_count(graph.entities(by_id[object_id]).mention_count() + 1);
    } else {
      continue;
    }
    std::string subject_id = ids[x.subject];
    if (subject_id == object_id) continue;
    if (x.symmetric && object_id < subject_id) std::swap(subject_id, object_id);
    // One office edge per person and body, named by its most specific title: "Its chief
    // executive, X" and "Northfield chief X" are one chief_executive_of.
    const bool role = x.category == "ROLE";
    const RelationKey key{subject_id, role ? std::string("ROLE") : x.predicate, object_id, static_cast<int>(x.polarity)};
    auto [it, fresh] = seen.emplace(key, graph.relations_size());
    proto::Relation* rel = fresh ? graph.add_relations() : graph.mutable_relations(it->second);
    if (!fresh && role && x.predicate != rel->predicate()) {
      if (rel->predicates_size() == 0) rel->add_predicates(rel->predicate());
      rel->add_predicates(x.predicate);
      if (x.predicate.size() > rel->predicate().size() ||
          (x.predicate.size() == rel->predicate().size() && x.predicate < rel->predicate())) {
        rel->set_predicate(x.predicate);
      }
    }
    if (fresh) {
      rel->set_subject(subject_id);
      rel->set_predicate(x.predicate);
      rel->set_object(object_id);
      rel->set_category(x.category);
      rel->set_cooperation(x.cooperation);
      rel->set_polarity(ProtoPolarity(x.polarity));
      rel->set_modality(ProtoModality(x.modality));
      rel->set_symmetric(x.symmetric);
      rel->set_source_count(1);
      rel->set_first_seen(article.date);
      rel->set_last_seen(article.date);
      rel->set_id(base::Hex64(base::StableHash64(subject_id + "|" + key.predicate + "|" + object_id + "|" +
                                                 std::to_string(static_cast<int>(x.polarity)))));
    }
    if (rel->attributed_to().empty() && x.attributed_to >= 0 && x.attributed_to < n) {
      rel->set_attributed_to(ids[x.attributed_to]);
    }
    if (rel->event_date().empty()) rel->set_event_date(x.event_date);
    if (rel->location().empty() && x.location >= 0 && x.location < n) rel->set_location(ids[x.location]);
    if (rel->modality() == proto::FACTUAL && x.modality != Modality::kFactual) rel->set_modality(ProtoModality(x.modality));
    const Sentence& sentence = doc.sentences[x.sentence];
    const Token& first = sentence.tokens[x.first_token];
    const Token& last = sentence.tokens[x.last_token];
    proto::Evidence* ev = rel->add_evidence();
    ev->set_article_id(article.id);
    ev->set_sentence_index(static_cast<uint32_t>(x.sentence));
    ev->set_char_begin(cp.ToCodePoint(first.begin));
    ev->set_char_end(cp.ToCodePoint(last.end));
    ev->set_sentence(doc.text.substr(sentence.begin, sentence.end - sentence.begin));
    ev->set_sentence_char_begin(cp.ToCodePoint(sentence.begin));
    ev->set_rule(x.rule);
    ev->set_article_date(article.date);
    rel->set_mention_count(rel->evidence_size());
  }
  return graph;
}

}  // namespace kg::extract
