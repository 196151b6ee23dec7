#pragma once
// EntityRecognizer: the named entities of one article. Combines the trained NER tagger
// (PER/ORG/LOC), the gazetteer (GPE vs LOC, demonyms -> NORP linked to their country,
// government bodies linked to their country, acronyms) and rules: titles stripped into
// roles ("US Defence Secretary Pete Hegseth" -> Pete Hegseth, secretary_of United
// States), surnames resolved to the full name seen in the article, "Name (ACR)" acronyms,
// capitals used as actors -> their country, "Trump-Putin" -> both, dates normalised, and
// Title Case headings kept to names the body confirms. Immutable once built; Recognize()
// is const and thread-safe.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace kg::extract {

struct Document;
class Gazetteer;
class NerTagger;
class TitleLexicon;

enum class EntityKind { kPerson, kOrg, kGpe, kLoc, kNorp, kDate };
// "PERSON", "ORG", "GPE", "LOC", "NORP", "DATE".
const char* EntityKindName(EntityKind kind);
// The IOB2 label type: "PER", "ORG", "GPE", "LOC", "NORP", "DATE".
const char* EntityKindLabel(EntityKind kind);

// One place in the text that names an entity.
struct Mention {
  int sentence = 0;
  int begin = 0, end = 0;              // token span [begin, end) in that sentence
  uint32_t byte_begin = 0, byte_end = 0;  // the name's bytes in Document::text (a part of
                                          // "Trump-Putin" is narrower than its token)
  std::string text;                    // the surface name, titles and possessive 's excluded
  EntityKind type = EntityKind::kPerson;  // the mention's own type: NORP for "Russian"
  int entity = -1;                     // index into ArticleEntities::entities
  std::string role;                    // title words before it: "defence secretary"
  std::string role_predicate;          // the role's relation: "secretary_of"
  int role_of = -1;                    // entity of the affiliation before the title ("US"), or -1
  bool from_demonym = false;           // "Russian airbases": a mention of Russia by demonym
  bool as_actor = false;               // a capital standing for its country ("Moscow said")
  bool in_heading = false;             // in a heading line
};

// One entity of the article.
struct EntityInfo {
  std::string canonical;               // most complete name seen, or the gazetteer's name
  EntityKind type = EntityKind::kPerson;
  std::string subtype;                 // gazetteer kind when known: "country", "capital", "alliance"
  std::vector<std::string> aliases;    // other names the article uses, first seen first
  int mention_count = 0;               // 0 for entities present only as link targets
  std::string date;                    // DATE: "YYYY-MM-DD", "YYYY-MM" or "YYYY" when known
  int linked_to = -1;                  // entity this one is part of ("White House" -> United States)
  std::string link_predicate;          // "part_of" or "located_in"
  bool known = false;                  // from the gazetteer (not only from the tagger)
  bool generic_name = false;           // an institution's name that many countries use ("High
                                       // Court"): canonical is qualified by linked_to when known,
                                       // "High Court (Kenya)"
};

struct ArticleEntities {
  std::vector<EntityInfo> entities;    // in order of first mention (link targets last)
  std::vector<Mention> mentions;       // in text order
  int home_country = -1;               // entity of the country the article is about: its
                                       // dateline's, or one named three times and twice as
                                       // often as any other; -1 when none
};

class EntityRecognizer {
 public:
  // Loads <models_dir>/ner.bin and the gazetteer in <data_dir>/gazetteer/. Fails naming
  // the file and the problem.
  static base::Result<std::unique_ptr<EntityRecognizer>> Load(const std::string& models_dir,
                                                              const std::string& data_dir);
  // From loaded parts; `tagger` may be null (gazetteer, titles and rules only).
  // REQUIRES: gazetteer and titles non-null.
  static std::unique_ptr<EntityRecognizer> FromParts(std::unique_ptr<Gazetteer> gazetteer,
                                                     std::unique_ptr<TitleLexicon> titles,
                                                     std::unique_ptr<NerTagger> tagger);
  ~EntityRecognizer();

  // The entities and mentions of `doc` (tokens, POS and, when present, the parse are
  // read), and Token::ner set to the final IOB2 labels (B-PER, I-GPE, B-NORP, B-DATE, O).
  // `article_date` ("YYYY-MM-DD" or "") anchors weekdays and relative dates.
  ArticleEntities Recognize(Document& doc, const std::string& article_date) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const TitleLexicon& titles() const { return *titles_; }
  const NerTagger* tagger() const { return tagger_.get(); }

 private:
  EntityRecognizer();
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<TitleLexicon> titles_;
  std::unique_ptr<NerTagger> tagger_;
};

}  // namespace kg::extract
