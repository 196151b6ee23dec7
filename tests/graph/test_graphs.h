#pragma once
// Small hand-built proto graphs for the graph/, viz/ and CLI tests: stars, chains and an
// invented news graph (our own names and events) with every entity type, a negated
// relation, a symmetric one and a concept node.

#include <string>

#include "proto/kg.pb.h"

namespace kg::testing {

inline proto::Entity* AddEntity(proto::Graph* g, const std::string& id, const std::string& name,
                                proto::EntityType type = proto::PERSON) {
  proto::Entity* e = g->add_entities();
  e->set_id(id);
  e->set_name(name);
  e->set_type(type);
  e->set_mention_count(1);
  return e;
}

inline proto::Relation* AddRelation(proto::Graph* g, const std::string& subject,
                                    const std::string& predicate, const std::string& object,
                                    float cooperation = 0.0f) {
  proto::Relation* r = g->add_relations();
  r->set_id("rel:" + subject + ":" + predicate + ":" + object + ":" +
            std::to_string(g->relations_size()));
  r->set_subject(subject);
  r->set_predicate(predicate);
  r->set_object(object);
  r->set_cooperation(cooperation);
  r->set_polarity(proto::ASSERTED);
  r->set_modality(proto::FACTUAL);
  r->set_mention_count(1);
  r->set_source_count(1);
  return r;
}

// prefix + i (built by append: GCC 12 warns falsely about "literal" + std::to_string).
inline std::string Numbered(const char* prefix, int i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

// "hub" linked to "leaf0".."leafN-1" by relations hub -> leaf.
inline proto::Graph Star(int leaves) {
  proto::Graph g;
  AddEntity(&g, "hub", "Hub");
  for (int i = 0; i < leaves; ++i) {
    const std::string id = Numbered("leaf", i);
    AddEntity(&g, id, Numbered("Leaf ", i));
    AddRelation(&g, "hub", "meet", id);
  }
  return g;
}

// "c0" -> "c1" -> ... -> "c{n-1}".
inline proto::Graph Chain(int n) {
  proto::Graph g;
  for (int i = 0; i < n; ++i) AddEntity(&g, Numbered("c", i), Numbered("Chain ", i));
  for (int i = 0; i + 1 < n; ++i) AddRelation(&g, Numbered("c", i), "call", Numbered("c", i + 1));
  return g;
}

// An invented story: Marta Okonkwo (president of Veloria) calls Tomas Brandt (chancellor of
// Ostmark); Veloria attacks Carradine; Ostmark does not join the Northern Accord; both
// leaders talk in Lake Sarnen on 2024-03-02; Carradine must not acquire "long-range
// missiles" (a concept). Plus an unconnected pair: Ilse Varga criticises the Farmers' Union.
inline proto::Graph NewsGraph() {
  proto::Graph g;
  proto::Entity* marta = AddEntity(&g, "person:marta-okonkwo", "Marta Okonkwo");
  marta->add_aliases("Okonkwo");
  marta->add_aliases("President Okonkwo");
  marta->set_mention_count(5);
  marta->set_description("President of Veloria");
  AddEntity(&g, "person:tomas-brandt", "Tomas Brandt")->set_mention_count(3);
  AddEntity(&g, "gpe:veloria", "Veloria", proto::GPE)->set_mention_count(4);
  AddEntity(&g, "gpe:ostmark", "Ostmark", proto::GPE);
  AddEntity(&g, "gpe:carradine", "Carradine", proto::GPE);
  AddEntity(&g, "org:northern-accord", "Northern Accord", proto::ORG);
  AddEntity(&g, "loc:lake-sarnen", "Lake Sarnen", proto::LOC);
  AddEntity(&g, "norp:velorians", "Velorians", proto::NORP);
  AddEntity(&g, "date:2024-03-02", "2 March 2024", proto::DATE)->set_date("2024-03-02");
  AddEntity(&g, "concept:long-range-missiles", "long-range missiles", proto::CONCEPT);
  AddEntity(&g, "person:ilse-varga", "Ilse Varga");
  AddEntity(&g, "org:farmers-union", "Farmers' Union", proto::ORG);

  AddRelation(&g, "person:marta-okonkwo", "president_of", "gpe:veloria")->set_category("ROLE");
  AddRelation(&g, "person:tomas-brandt", "chancellor_of", "gpe:ostmark")->set_category("ROLE");
  proto::Relation* call = AddRelation(&g, "person:marta-okonkwo", "call", "person:tomas-brandt", 4);
  call->set_category("CONSULT");
  call->set_mention_count(3);
  proto::Evidence* ev = call->add_evidence();
  ev->set_article_id("a1");
  ev->set_sentence("Okonkwo called Brandt on Saturday.");
  AddRelation(&g, "gpe:veloria", "attack", "gpe:carradine", -9)->set_category("ASSAULT");
  proto::Relation* join = AddRelation(&g, "gpe:ostmark", "join", "org:northern-accord", 5);
  join->set_category("COOPERATE");
  join->set_polarity(proto::NEGATED);
  proto::Relation* talk = AddRelation(&g, "person:marta-okonkwo", "talk", "person:tomas-brandt", 3);
  talk->set_category("CONSULT");
  talk->set_symmetric(true);
  talk->set_location("loc:lake-sarnen");
  AddRelation(&g, "person:tomas-brandt", "visit", "loc:lake-sarnen", 1)->set_category("CONSULT");
  AddRelation(&g, "norp:velorians", "protest", "gpe:carradine", -4)->set_category("PROTEST");
  AddRelation(&g, "person:marta-okonkwo", "announce_on", "date:2024-03-02")->set_category("STATEMENT");
  proto::Relation* acquire = AddRelation(&g, "gpe:carradine", "acquire", "concept:long-range-missiles");
  acquire->set_category("MOBILIZE");
  acquire->set_polarity(proto::NEGATED);
  acquire->set_modality(proto::OBLIGATION);
  AddRelation(&g, "person:ilse-varga", "criticise", "org:farmers-union", -3)->set_category("DISAPPROVE");

  proto::Article* article = g.add_articles();
  article->set_id("a1");
  article->set_date("2024-03-02");
  article->set_title("Leaders talk by the lake");
  g.mutable_entities(0)->add_article_ids("a1");
  return g;
}

}  // namespace kg::testing
