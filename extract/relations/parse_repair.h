#pragma once
// ParseRepair: fixes, before relations are read, attachment errors a greedy parser makes
// often and the relation rules depend on. Each rule is a known construction of news
// English, not a fit to one text:
//  - absolute participles: in "with Hegseth skipping the meeting" or "Putin justifying
//    retaliation and Trump urging dialogue", the noun right before a subjectless -ing
//    verb is its subject, whatever the parser attached it to;
//  - coordinated verbs of saying: in "Trump stressed that X … and claimed that Y", a
//    verb of saying with its own clause, coordinated into the first clause, belongs
//    with the first verb of saying;
//  - a verb of saying tagged as a plural noun ("Castell alleges(NNS) that …") at the root,
//    with a name before it and a that-clause after it, is the verb;
//  - after "the", a pronoun in capitals is a name ("The WHO(WP) criticised"), and the
//    relative clause it seemed to open is the main clause;
//  - dependents of punctuation go to the punctuation's head;
//  - an article or preposition taken for an argument gives its place to its noun;
//  - a name compounded onto a time noun ("by the KFTC last year") is the argument;
//  - "after X did Y" with "after" taken for X's preposition: X is the subject;
//  - a noun before the marker of the clause it was made the subject of is the object of
//    the verb above ("accused Colombia(nsubj) of failing");
//  - a noun with a preposition is no subject but an oblique; an apposition right after
//    "NOUN ," renames that noun;
//  - a bare name right after a verb's oblique names that oblique;
//  - a root noun whose participle has an object or a to-infinitive is a subject
//    ("Copperline Resources agreed(acl) to buy X");
//  - a root noun with a relative clause and no main verb: the past-tense verb after the
//    clause's closing comma is the main verb ("The CLC, which …, voiced support");
//  - a clause ends at a semicolon: a noun phrase before it with a transitive participle
//    is that clause's subject ("Goldman advised Halvorsen; …");
//  - a finite verb coordinated with a noun is coordinated with that noun's verb;
//  - two subjects on one verb become a coordination ("X and Y spoke") or a title and
//    its name ("Opposition leader Tomasz Wielgosz accused");
//  - a relative clause opened by ", which"/", who" right after a name is about it;
//  - a verb after the comma closing a relative clause on a root name, joined without
//    "and", is the main verb ("Macron, who hosted the meeting, praised Germany");
//  - an adverbial -ing clause after the comma closing an apposition belongs to the
//    verb the apposition's noun is an argument of;
//  - "between X and Y": the noun after "and" is the second conjunct, not the subject of
//    a new clause;
//  - an oblique before the "and" that opens a conjunct belongs to the verb before it;
//  - a coordinated name right before a finite verb without a subject, opening its
//    conjunct with "and"/"but", is that verb's subject.
// Stateless; thread-safe.

#include <functional>
#include <string>

#include "extract/document.h"

namespace kg::extract {

// `is_reporting(lemma)` tells verbs of saying. Rewrites heads and relations in place.
void RepairParse(Sentence* sentence, const std::function<bool(const std::string&)>& is_reporting);

// Makes each token span [begin, end) in `phrases` one noun phrase, as named-entity
// recognition found it: "Ukrainian President Volodymyr Zelensky" parsed with
// "Ukrainian" as a predicate and the name hanging off it becomes a name with its title
// words as compounds, attached where the phrase as a whole was. `heads[i]` is the token
// that heads phrase i (its name's head). Spans must not overlap.
void ConsolidatePhrases(Sentence* sentence, const std::vector<std::pair<int, int>>& phrases,
                        const std::vector<int>& heads);

}  // namespace kg::extract
