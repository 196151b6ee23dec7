#pragma once
// ArgumentResolver: which referents a token of a parsed sentence stands for when it fills
// a slot of a relation. As an actor (subject) a token is its own reference, its
// coordinated references ("Trump and Putin"), a capital's country ("Moscow said"), or an
// institution named by a modifier ("Russian forces", "the Trump administration"). As a
// target (object, oblique) it may also be a thing owned or qualified by a referent
// ("Russian airfields", "Ukraine's demand"). A common noun whose "of" phrase carries a
// person in apposition is that person ("The head of NATO, Mark Rutte,"). Holds a pointer
// to the view; not synchronised.

#include <vector>

#include "extract/relations/sentence_view.h"

namespace kg::extract {

struct Argument {
  std::vector<int> referents;  // empty: the token names no referent
  bool via_modifier = false;   // found through a modifier of a non-entity noun
  bool group = false;          // one reference to several referents ("both sides")
  bool empty() const { return referents.empty(); }
};

class ArgumentResolver {
 public:
  explicit ArgumentResolver(const SentenceView& view) : view_(view) {}

  // The referents `t` denotes in a subject slot.
  Argument Actor(int t) const;
  // The referents `t` denotes in an object or oblique slot.
  Argument Target(int t) const;
  // The referents `t` itself names (its own reference, through coordination), with no
  // proxies or modifiers; capitals stay cities. For locations and roles.
  Argument Named(int t) const;

 private:
  enum class Slot { kActor, kTarget, kNamed };
  // `depth` bounds the search through nested modifiers of non-entity nouns.
  Argument Resolve(int t, Slot slot, int depth) const;
  void AddOwn(int t, Slot slot, Argument* arg) const;
  void AddModifierReferents(int t, Slot slot, int depth, Argument* arg) const;

  const SentenceView& view_;
};

// Nouns that stand for the actor named by their modifier: "Russian forces", "the
// Ukrainian government", "Trump administration", "Iranian officials".
bool IsActorProxyNoun(const std::string& lemma);

// Nouns for someone other than their possessor: "his counterpart", "Ruto's rival".
bool IsOtherThanOwnerNoun(const std::string& lemma);

}  // namespace kg::extract
