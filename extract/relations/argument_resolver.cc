#include "extract/relations/argument_resolver.h"

#include <algorithm>
#include <set>
#include <string>

namespace kg::extract {

namespace {

void AddUnique(int referent, Argument* arg) {
  if (std::find(arg->referents.begin(), arg->referents.end(), referent) == arg->referents.end()) {
    arg->referents.push_back(referent);
  }
}

}  // namespace

bool IsActorProxyNoun(const std::string& lemma) {
  static const std::set<std::string> kProxies = {
      "ambassador",     "administration", "army",       "authority",  "cabinet",   "coalition",   "command",
      "delegation",     "diplomat",   "drone",      "embassy",   "envoy",       "fighter",
      "fleet",          "force",      "government", "jet",       "leadership",  "military",
      "militia",        "minister",   "ministry",   "missile",   "navy",        "negotiator",
      "official",       "police",     "regime",     "side",      "soldier",     "spokesman",
      "spokesperson",   "spokeswoman", "team",      "troop",     "warplane",    "aircraft",
      "artillery",      "battalion",  "brigade",    "unit",      "agency",      "office",
      "parliament",     "lawmaker",   "legislator", "prosecutor", "court",      "officer",
      "guard",          "commander",  "general",    "president", "leader",      "premier",
      "representative", "counterpart", "mission",   "state",     "people",      "public",
      "economy",        "company",    "firm",       "bank",      "industry",    "producer",
      "ship",           "vessel",     "boat",       "warship",   "helicopter",  "tank",
      "regulator",      "authorities", "forces",    "troops",    "officials",   "media",
      "chief",          "board",      "spokesperson", "rebel",      "insurgent",  "militant",  "guerrilla",
      "mutineer",       "panel",      "committee"};
  return kProxies.count(lemma) > 0;
}

bool IsOtherThanOwnerNoun(const std::string& lemma) {
  static const std::set<std::string> k = {"counterpart", "rival", "opponent", "challenger", "successor",
                                          "predecessor", "enemy", "foe", "critic", "adversary"};
  return k.count(lemma) > 0;
}

void ArgumentResolver::AddOwn(int t, Slot slot, Argument* arg) const {
  int r = view_.NameReferenceAt(t);
  // "the Facility, a fund launched by Brazil": a noun in apposition to a name is that name.
  if (r < 0 && SentenceView::BaseRel(view_.token(t).deprel) == "appos" && view_.head(t) >= 0 &&
      view_.token(t).upos == "NOUN") {
    r = view_.NameReferenceAt(view_.head(t));
  }
  // "The head of NATO, Mark Rutte, met…" with the person hung on the "of" phrase: a
  // common noun whose "of" phrase carries a person in apposition is that person.
  if (r < 0 && view_.token(t).upos == "NOUN") {
    for (int c : view_.ChildrenWith(t, "nmod")) {
      if (c < t || view_.CaseOf(c) != "of") continue;
      for (int a : view_.ChildrenWith(c, "appos")) {
        const int p = view_.NameReferenceAt(a);
        if (p < 0 || a < 1 || view_.token(a - 1).text != ",") continue;
        const Reference& person = view_.reference(p);
        if (person.referents.size() == 1 && view_.referents().referents[person.referents[0]].kind == ReferentKind::kPerson) {
          r = p;
        }
      }
    }
  }
  if (r < 0) return;
  const Reference& ref = view_.reference(r);
  const auto& referents = view_.referents().referents;
  if (ref.referents.size() > 1) arg->group = true;
  for (int id : ref.referents) {
    if (id < 0 || id >= static_cast<int>(referents.size())) continue;
    const Referent& referent = referents[id];
    if (referent.kind == ReferentKind::kDate) continue;
    // A capital acting ("Moscow said") is its country.
    if (slot != Slot::kNamed && referent.country >= 0 && referent.kind != ReferentKind::kPerson) {
      AddUnique(referent.country, arg);
    } else {
      AddUnique(id, arg);
    }
  }
}

void ArgumentResolver::AddModifierReferents(int t, Slot slot, int depth, Argument* arg) const {
  // Possessor first ("Ukraine's demand"), then entity compounds ("the Iran nuclear
  // issue"), adjectival demonyms ("Russian airfields"), then "of" phrases ("the city of
  // El Fasher").
  static const char* kOrder[] = {"nmod:poss", "compound", "amod", "nmod"};
  const bool other_than_owner = IsOtherThanOwnerNoun(view_.Lemma(t));
  for (const char* rel : kOrder) {
    for (int c : view_.ChildrenWith(t, rel)) {
      // "his counterpart", "Ruto's rival": someone other than the possessor.
      if (other_than_owner && (std::string(rel) == "nmod:poss" || view_.token(c).upos == "PRON")) continue;
      // "of" phrases ("the city of El Fasher") and bare noun modifiers the parser calls
      // nmod ("a Ukraine Defence Contact Group meeting").
      if (std::string(rel) == "nmod" && view_.CaseOf(c) != "of" && !(view_.CaseOf(c).empty() && c < t)) continue;
      Argument sub = Resolve(c, depth > 0 ? slot : Slot::kNamed, depth - 1);
      for (int id : sub.referents) AddUnique(id, arg);
      if (sub.group) arg->group = true;
    }
    if (!arg->empty()) return;
  }
}

Argument ArgumentResolver::Resolve(int t, Slot slot, int depth) const {
  Argument arg;
  if (t < 0 || t >= view_.size()) return arg;
  AddOwn(t, slot, &arg);
  if (arg.empty() && slot != Slot::kNamed && view_.token(t).upos == "NOUN") {
    const std::string lemma = view_.Lemma(t);
    if (slot == Slot::kTarget || IsActorProxyNoun(lemma)) {
      AddModifierReferents(t, slot, depth, &arg);
      if (!arg.empty()) {
        arg.via_modifier = true;
        // "the Trump administration": a person's institution is the country they lead.
        if (slot == Slot::kActor && (lemma == "administration" || lemma == "government" || lemma == "cabinet")) {
          const auto& referents = view_.referents().referents;
          for (int& id : arg.referents) {
            if (referents[id].kind == ReferentKind::kPerson && referents[id].country >= 0) {
              id = referents[id].country;
            }
          }
        }
      }
    }
  }
  // Coordination: "India and Pakistan", "Russian and Chinese officials".
  for (int c : view_.ChildrenWith(t, "conj")) {
    if (!view_.IsNoun(c) && view_.token(c).upos != "ADJ") continue;
    Argument sub = Resolve(c, slot, depth);
    if (sub.empty()) continue;
    for (int id : sub.referents) AddUnique(id, &arg);
    arg.group = true;
  }
  return arg;
}

Argument ArgumentResolver::Actor(int t) const { return Resolve(t, Slot::kActor, 1); }

Argument ArgumentResolver::Target(int t) const { return Resolve(t, Slot::kTarget, 2); }

Argument ArgumentResolver::Named(int t) const { return Resolve(t, Slot::kNamed, 0); }

}  // namespace kg::extract
