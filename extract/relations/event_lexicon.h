#pragma once
// EventLexicon: what a predicate means as an event. Maps verb lemmas, nominal event nouns
// ("strike", "talks") and light-verb pairs ("hold"+"talks", "launch"+"barrage") to a
// taxonomy category (data/events/categories.tsv) with its cooperation score, the predicate
// written on the edge, and flags (symmetric, reporting). Loaded from two versioned text
// files; immutable afterwards and safe to share between threads.

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kg::extract {

struct EventSense {
  std::string category;     // e.g. "ASSAULT"
  std::string predicate;    // lemma written on the edge, e.g. "attack"
  float cooperation = 0.0f;  // the category's score, -10 .. +10
  bool symmetric = false;   // "A V B" means "B V A" too (talk, meet, negotiate)
  bool mutual = false;      // "A and B V-ed" means they V-ed each other (agree); implied by symmetric
  bool reporting = false;   // introduces reported speech (say, claim, insist)
};

class EventLexicon {
 public:
  // Reads "kg-event-categories v1" and "kg-event-predicates v1" files; `origin` names
  // them in messages. Fails on an unknown format or version, or a malformed line.
  static base::Result<EventLexicon> Load(std::istream& categories, std::istream& predicates,
                                         const std::string& origin);
  // Loads <data_dir>/events/categories.tsv and predicates.tsv.
  static base::Result<EventLexicon> LoadFromDir(const std::string& data_dir);

  // The sense of a verb lemma, or null when the lexicon does not list it.
  const EventSense* Verb(std::string_view lemma) const;
  // The sense of an event noun lemma ("strike", "talks"), or null.
  const EventSense* Noun(std::string_view lemma) const;
  // The sense of light verb + object noun ("hold", "talks"), or null when the pair is
  // not a listed light-verb construction.
  const EventSense* Light(std::string_view verb, std::string_view noun) const;
  // The cooperation score of a category; 0 for an unknown one.
  float Cooperation(std::string_view category) const;
  // A sense for a verb the lexicon does not list: category OTHER, the lemma as predicate.
  EventSense Unlisted(std::string_view lemma) const;
  size_t size() const { return verbs_.size() + nouns_.size() + light_.size(); }

 private:
  std::map<std::string, float, std::less<>> categories_;
  std::map<std::string, EventSense, std::less<>> verbs_;
  std::map<std::string, EventSense, std::less<>> nouns_;
  std::map<std::string, EventSense, std::less<>> light_;  // key "verb+noun"
};

}  // namespace kg::extract
