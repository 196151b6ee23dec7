#pragma once
// ExtractedRelation: one who-did-what-to-whom statement found in one sentence, between
// referents of the article (see referents.h), before it becomes a proto Relation.
// Plain value type.

#include <string>

namespace kg::extract {

enum class Polarity { kAsserted, kNegated };
enum class Modality { kFactual, kIntended, kObligation, kPossible, kReported };

struct ExtractedRelation {
  int subject = -1;             // referent index
  int object = -1;              // referent index, or -1 when `object_concept` names the object
  std::string object_concept;         // a non-entity object ("nuclear weapons"), when object < 0
  std::string predicate;        // lemma on the edge: "attack", "president_of"
  std::string category;         // taxonomy category: "ASSAULT", "ROLE"
  float cooperation = 0.0f;
  bool symmetric = false;
  Polarity polarity = Polarity::kAsserted;
  Modality modality = Modality::kFactual;
  int attributed_to = -1;       // referent who said it, or -1
  std::string event_date;       // YYYY-MM-DD / YYYY-MM when the text gives one
  int location = -1;            // referent where it happened, or -1
  int sentence = 0;
  int first_token = 0;          // evidence span: tokens [first_token, last_token]
  int last_token = 0;
  std::string rule;             // which rule made it, for --explain
};

}  // namespace kg::extract
