#pragma once
// What the relation extractor knows about the things an article talks about: the
// referents (entities of the article, with their kind and links) and the references
// (spans of tokens that point at one or more referents: names, demonyms, pronouns, "both
// sides"). Named-entity recognition fills the first references; coreference adds more.
// Plain value types; not synchronised.

#include <string>
#include <vector>

namespace kg::extract {

enum class ReferentKind { kPerson, kOrg, kGpe, kLoc, kNorp, kDate, kOther };

// One entity of the article.
struct Referent {
  std::string name;            // canonical name
  std::vector<std::string> aliases;  // other names the article uses for it
  ReferentKind kind = ReferentKind::kOther;
  int country = -1;            // referent this one stands for as an actor (a capital or a
                               // demonym's country), or -1
  int parent = -1;             // referent this one belongs to (a ministry, a government body), or -1
  bool generic_name = false;   // a name many countries' bodies share ("High Court"): it names
                               // this one only together with its parent
  std::vector<std::string> roles;  // title words seen with it ("president", "defence secretary")
  std::vector<int> affiliations;   // referents its titles tie it to ("US Defence Secretary" -> US)
  std::string subtype;         // finer kind when known: "country", "city", "alliance", "company"
  char gender = '?';           // 'm', 'f' or '?' (persons)
  bool plural = false;         // a group ("Democrats", "the Kurds")
  std::string date;            // dates: YYYY-MM-DD or YYYY-MM
};

enum class ReferenceSource {
  kName,         // the entity's name or an alias
  kDemonym,      // "Russian" -> Russia
  kPronoun,      // he, she, it, they
  kGroup,        // "both sides", "the two leaders": several referents
  kDescription,  // "the president", "the alliance"
};

// A span of one sentence's tokens that refers to one or more referents.
struct Reference {
  int sentence = 0;
  int begin = 0;  // token span [begin, end)
  int end = 0;
  std::vector<int> referents;  // usually one; several for kGroup or "Trump-Putin"
  ReferenceSource source = ReferenceSource::kName;
};

// A date the text gives, already normalised.
struct TimeExpression {
  int sentence = 0;
  int begin = 0;  // token span [begin, end)
  int end = 0;
  std::string date;  // YYYY-MM-DD or YYYY-MM
};

// Everything the relation extractor reads besides the parsed document.
struct ArticleReferents {
  std::vector<Referent> referents;
  std::vector<Reference> references;
  std::vector<TimeExpression> times;
  int home_country = -1;  // referent of the country the article is about (its dateline's, or
                          // one named far more than any other), or -1
};

}  // namespace kg::extract
