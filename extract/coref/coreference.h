#pragma once
// Coreference within one article, rule-based: personal and possessive pronouns (he, his,
// she, it, they, them) to the most salient earlier entity that agrees in kind, gender
// and number and is not excluded by the clause ("He met X and urged him": him is not
// he); "both sides", "the two leaders", "neither country" to the last pair of entities
// named together; definite descriptions ("the president", "the alliance", "the
// country") to the latest entity with that role or kind, preferring one whose name holds
// the noun ("the court" -> "Supreme Court") or that the text described with it ("the
// shipping firm Varde" ... "the firm"). "its"/"their" in an object stand for the
// clause's subject; names deep in subordinate clauses are less salient. Adds references
// to the names NER found; never changes those. Immutable after Load(); Resolve() is
// thread-safe.

#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/document.h"
#include "extract/relations/referents.h"

namespace kg::extract {

class Coreference {
 public:
  // Reads "kg-coref given-names v1" (name, m|f) and "kg-coref descriptions v1" files.
  static base::Result<std::unique_ptr<Coreference>> Load(std::istream& given_names, std::istream& descriptions,
                                                         const std::string& origin);
  // Loads <data_dir>/coref/given_names.tsv and descriptions.tsv.
  static base::Result<std::unique_ptr<Coreference>> LoadFromDir(const std::string& data_dir);

  // The gender a given name usually marks: 'm', 'f' or '?'.
  char GenderOf(const std::string& given_name) const;
  // Sets Referent::gender for persons whose first name (or title) tells it.
  void AssignGenders(ArticleReferents* refs) const;
  // Appends references for pronouns, group phrases and definite descriptions of the
  // parsed `doc` to `refs`. REQUIRES: doc parsed; refs hold the named references.
  void Resolve(const Document& doc, ArticleReferents* refs) const;

 private:
  struct Description {
    std::string type;                 // "person-role", "kind", "pair"
    std::vector<std::string> roles;   // person-role: acceptable role words
    ReferentKind kind = ReferentKind::kOther;  // kind/pair: required kind (kOther = any)
    std::vector<std::string> subtypes;         // kind: acceptable subtypes (empty = any)
    bool named = false;  // kind: the entity's own name holds the noun ("the ministry" ->
                         // "Ministry of Health"); subtype column "named"
    bool home = false;   // kind: the country the article is about, named most so far ("the
                         // government" with no modifier); subtype column "home"
  };
  Coreference() = default;

  std::map<std::string, char, std::less<>> genders_;
  std::multimap<std::string, Description, std::less<>> descriptions_;

  friend class CorefPass;
};

}  // namespace kg::extract
