#pragma once
// RelationExtractor: who did what to whom, read off dependency parses. For every clause
// it finds the predicate (a verb, or the noun of a light-verb construction such as "held
// talks"), its actors (subjects, passive agents, subjects inherited through coordination,
// control and relative clauses) and its targets (objects, prepositional objects, the
// participants of an event noun they point at, or the actor of the same event told just
// before: "condemned the attack"), and files the predicate under the event taxonomy. Event nouns make relations of their own ("Ukraine's strike on Russian
// airfields"), verbs of saying make STATEMENT relations about whom the clause they
// introduce talks about, and appositions and "through"/"under" phrases make ROLE
// relations. Immutable after construction; Extract() is thread-safe.

#include <vector>

#include "extract/document.h"
#include "extract/relations/extracted_relation.h"
#include "extract/relations/referents.h"

namespace kg::extract {

class EventLexicon;

class RelationExtractor {
 public:
  // REQUIRES: `lexicon` outlives the extractor.
  explicit RelationExtractor(const EventLexicon& lexicon) : lexicon_(lexicon) {}

  // Every relation the parsed `doc` states between referents of `refs`, in text order.
  // REQUIRES: every sentence is parsed; references index doc's sentences and tokens.
  std::vector<ExtractedRelation> Extract(const Document& doc, const ArticleReferents& refs) const;

 private:
  const EventLexicon& lexicon_;
};

}  // namespace kg::extract
