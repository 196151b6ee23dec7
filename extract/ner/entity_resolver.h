#pragma once
// EntityResolver: groups candidate mentions into the entities of one article. Listed
// names resolve to their gazetteer entry (a demonym to its country, a capital used as an
// actor to its country); person names to the most complete name seen, a surname to the
// full name mentioned nearest before it; "Name (ACR)" and initials join acronyms to their
// expansion; other names by folded spelling with a majority type. Internal to
// EntityRecognizer. Immutable; Resolve() is const and thread-safe.

#include <vector>

#include "extract/ner/entity_recognizer.h"
#include "extract/ner/mention_finder.h"

namespace kg::extract {

class Gazetteer;

class EntityResolver {
 public:
  explicit EntityResolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}
  // Entities and mentions for `candidates` (in text order).
  ArticleEntities Resolve(const std::vector<CandidateMention>& candidates) const;

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace kg::extract
