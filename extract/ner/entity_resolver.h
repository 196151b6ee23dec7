#pragma once
// EntityResolver: groups candidate mentions into the entities of one article. Listed
// names resolve to their gazetteer entry (a demonym to its country, a capital used as an
// actor to its country); person names to the most complete name seen, a surname to the
// full name mentioned nearest before it; "Name (ACR)" and initials join acronyms to their
// expansion; other names by folded spelling with a majority type. Internal to
// EntityRecognizer. Immutable; Resolve() is const and thread-safe.

#include <functional>
#include <vector>

#include "extract/ner/entity_recognizer.h"
#include "extract/ner/mention_finder.h"

namespace kg::extract {

class Gazetteer;
class TitleLexicon;

class EntityResolver {
 public:
  // Both not owned; they must outlive the resolver.
  EntityResolver(const Gazetteer& gazetteer, const TitleLexicon& titles) : gazetteer_(gazetteer), titles_(titles) {}
  // Entities and mentions for `candidates` (in text order).
  ArticleEntities Resolve(const std::vector<CandidateMention>& candidates) const;

 private:
  // Whether `name` is one many countries' institutions share: only organisation keywords,
  // portfolio words and a few generic adjectives ("High Court", "Ministry of Health").
  bool IsGenericName(const std::string& name) const;
  // The gazetteer entry of the article's home country (see ArticleEntities), or -1.
  int HomeCountry(const std::vector<CandidateMention>& cands, const std::vector<int>& target) const;
  // Qualifies generic organisation names with the country they belong to: the one named
  // in a possessive before them ("Kenya's High Court"), else the article's home country,
  // whose entity `home_entity` gives (empty: none).
  void QualifyGenericNames(const std::vector<CandidateMention>& cands, const std::vector<int>& target,
                           const std::vector<int>& entity_of_candidate, const std::function<int()>& home_entity,
                           ArticleEntities* out) const;

  const Gazetteer& gazetteer_;
  const TitleLexicon& titles_;
};

}  // namespace kg::extract
