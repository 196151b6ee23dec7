#include "extract/relations/relation_extractor.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <string>

#include "extract/relations/argument_resolver.h"
#include "extract/relations/clause_context.h"
#include "extract/relations/event_lexicon.h"
#include "extract/relations/sentence_view.h"

namespace kg::extract {

namespace {

// Verbs too general to make an edge on their own; they still count inside light-verb
// constructions ("hold talks", "make concessions").
bool IsGenericVerb(const std::string& lemma) {
  static const std::set<std::string> k = {
      "be",   "have",   "do",    "get",   "make",   "take",  "become", "seem",  "remain",
      "appear", "go",   "come",  "let",   "use",    "put",   "keep",   "include", "continue",
      "begin", "start", "try",   "want",  "need",   "plan",  "hope",   "expect", "mean",
      "lead",  "occur", "happen", "see",  "look",   "find",  "give",   "set",    "think",
      "know",  "feel",  "leave", "show",  "turn",   "face",  "hold",   "underscore", "reflect",
      "address", "enable", "remain", "stand"};
  return k.count(lemma) > 0;
}

// Prepositions that introduce the target of an action ("attack on", "talks with").
// "at" names a target only for hostile acts ("fired at"); otherwise it is a place
// ("met at the White House").
bool IsTargetCase(const std::string& c, const std::string& category = "") {
  static const std::set<std::string> k = {"to",    "with",   "against", "on",     "into",
                                          "from",  "for",    "over",    "about",  "toward",
                                          "towards", "between", "among", "upon",  "onto",
                                          "of",    "across", "behind",  "before"};
  if (c == "at") {
    return category == "ASSAULT" || category == "THREATEN" || category == "ACCUSE" || category == "COERCE" ||
           category == "PROTEST";
  }
  return k.count(c) > 0;
}

// Prepositions that add a party to a symmetric event ("talks with", "deal between").
bool IsPartyCase(const std::string& c) { return c == "with" || c == "between" || c == "among"; }

// People and missions posted to a country: their post names whom they deal with.
bool IsEnvoyNoun(const std::string& lemma) {
  return lemma == "ambassador" || lemma == "envoy" || lemma == "embassy" || lemma == "diplomat" ||
         lemma == "consul" || lemma == "delegation" || lemma == "chargé";
}

// Nouns that, with "this"/"that", point back at a stance the speaker just stated.
bool IsStanceNoun(const std::string& lemma) {
  static const std::set<std::string> k = {"stance", "position", "view", "assessment", "demand",
                                          "proposal", "plan", "idea", "line", "approach", "argument",
                                          "point", "assertion", "call", "request", "opinion"};
  return k.count(lemma) > 0;
}

// Role nouns that may head an apposition or a title naming a person's office.
bool IsRoleNoun(const SentenceView& v, int t) {
  static const std::set<std::string> k = {
      "president", "minister", "secretary", "chancellor", "leader", "chief", "head", "founder",
      "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser",
      "advisor", "director", "chairman", "chairwoman", "chair", "chairperson", "governor", "mayor", "king",
      "queen", "prince", "premier", "commander", "general", "diplomat", "speaker", "senator",
      "representative", "official", "executive", "ceo", "owner", "member", "deputy", "counterpart",
      "coach", "captain", "editor", "correspondent", "prosecutor", "judge", "justice", "lawmaker",
      "negotiator", "emir", "sultan", "monarch", "pope", "cardinal", "archbishop", "bishop",
      "commissioner", "administrator", "president-elect", "vice-president", "spy", "officer",
      "defender", "ombudsman", "chargé", "charge", "attorney", "auditor", "treasurer", "sheikh", "consul",
      "delegate", "colonel", "admiral", "secretary-general", "director-general", "coordinator",
      "manager", "legislator", "congressman", "congresswoman", "mp", "magistrate", "boss",
      "partner", "regulator", "inspector", "superintendent", "governor-general", "mufti", "imam"};
  // A role word the tagger took for an adjective ("chief executive") still heads its
  // phrase when no noun follows it.
  const bool adjective_head = v.token(t).upos == "ADJ" &&
                              (t + 1 >= v.size() || (v.token(t + 1).upos != "NOUN" && v.token(t + 1).upos != "PROPN"));
  if (v.token(t).upos != "NOUN" && v.token(t).upos != "PROPN" && !adjective_head) return false;
  return k.count(v.Lemma(t)) > 0 || k.count(v.LowerForm(t)) > 0;
}

std::string RoleText(const SentenceView& v, int t) {
  // Non-entity compounds and adjectives before the role noun: "defence minister",
  // "foreign policy aide", "press secretary".
  std::vector<int> parts;
  for (int c : v.children(t)) {
    const std::string_view rel = SentenceView::BaseRel(v.token(c).deprel);
    if ((rel == "compound" || rel == "amod") && c < t && v.ReferencesAt(c).empty() &&
        (v.token(c).upos == "NOUN" || v.token(c).upos == "ADJ")) {
      for (int g : v.children(c)) {
        if (SentenceView::BaseRel(v.token(g).deprel) == "compound" && v.ReferencesAt(g).empty()) parts.push_back(g);
      }
      parts.push_back(c);
    }
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (int p : parts) {
    const std::string w = v.LowerForm(p);
    if (w == "top" || w == "senior" || w == "former" || w == "new" || w == "current" || w == "then") continue;
    out += w + "_";
  }
  return out + v.Lemma(t);
}

// Verbs of bringing others together: "host talks between X and Y".
bool IsConveningVerb(const std::string& lemma) {
  static const std::set<std::string> k = {"host", "broker", "organise", "organize", "convene", "arrange",
                                          "facilitate", "sponsor"};
  return k.count(lemma) > 0;
}

// Verbs of sending help, and what help is: "sent planes carrying tents", "pledged 30
// million yuan in emergency aid", "released 1.5 million euros for shelter".
bool IsGivingVerb(const std::string& lemma) {
  static const std::set<std::string> k = {"send", "dispatch", "deliver", "donate", "pledge", "release",
                                          "provide", "airlift", "ship", "fly", "contribute", "rush"};
  return k.count(lemma) > 0;
}

bool IsAidNoun(const std::string& lemma) {
  static const std::set<std::string> k = {
      "aid",      "relief",  "assistance", "help",     "supply",  "supplies", "tent",    "medicine",
      "food",     "water",   "rescuer",    "doctor",   "vaccine", "blanket",  "shelter", "fund",
      "funding",  "grant",   "money",      "euro",     "dollar",  "yuan",     "yen",     "pound",
      "franc",    "rupee",   "equipment",  "medic",    "nurse",   "generator", "ration", "kit"};
  return k.count(lemma) > 0;
}

class SentenceWorker {
 public:
  // `home`: the country the article is about (ArticleReferents::home_country), or -1.
  SentenceWorker(const SentenceView& view, const EventLexicon& lexicon, std::vector<ExtractedRelation>* out,
                 int home = -1)
      : view_(view), args_(view), ctx_(view, args_, lexicon), lexicon_(lexicon), out_(out), home_(home) {}

  // Roles first (the whole article's, so that "his government" and statements know whom
  // a person works for), then clauses and nominal events.
  void RunRoles() { Roles(); }
  void RunEvents() {
    for (int t = 0; t < view_.size(); ++t) {
      if (view_.IsVerb(t) && view_.ReferencesAt(t).empty()) Clause(t);  // a name is no verb
      if (view_.token(t).upos == "NOUN") NominalEvent(t);
    }
  }

 private:
  // --- clauses -------------------------------------------------------------------------
  // The lemma of verb `v` as the lexicon knows it: the tagger's lemma, else a regular
  // inflection of the form stripped ("collided" -> "collide", "rammed" -> "ram") when
  // the lemmatizer got an unseen form wrong.
  std::string VerbLemma(int v) const {
    const std::string lemma = view_.Lemma(v);
    if (lexicon_.Verb(lemma) != nullptr) return lemma;
    const std::string form = view_.LowerForm(v);
    auto ends = [&](const char* suffix) {
      const size_t n = std::char_traits<char>::length(suffix);
      return form.size() > n + 2 && form.compare(form.size() - n, n, suffix) == 0;
    };
    std::vector<std::string> candidates;
    auto stem = [&](size_t cut) {
      const std::string base = form.substr(0, form.size() - cut);
      candidates.push_back(base);
      candidates.push_back(base + "e");
      if (base.size() >= 3 && base.back() == base[base.size() - 2]) candidates.push_back(base.substr(0, base.size() - 1));
    };
    if (ends("ied")) candidates.push_back(form.substr(0, form.size() - 3) + "y");
    if (ends("ed")) stem(2);
    if (ends("ing")) stem(3);
    if (ends("es")) candidates.push_back(form.substr(0, form.size() - 2));
    if (ends("s")) candidates.push_back(form.substr(0, form.size() - 1));
    for (const std::string& c : candidates) {
      if (lexicon_.Verb(c) != nullptr) return c;
    }
    return lemma;
  }

  void Clause(int v) {
    const std::string lemma = VerbLemma(v);
    int light_noun = -1;
    const EventSense* sense = nullptr;
    for (int o : view_.ChildrenWith(v, "obj")) {
      // "Algeria offered to host talks between the two governments": whoever hosts or
      // brokers talks between others is no party to them; the verb keeps its own sense.
      if (IsConveningVerb(lemma)) {
        bool between = false;
        for (int c : view_.ChildrenWith(o, "nmod")) between |= view_.CaseOf(c) == "between";
        if (between) continue;
      }
      if (const EventSense* s = lexicon_.Light(lemma, view_.Lemma(o)); s != nullptr) {
        sense = s;
        light_noun = o;
        break;
      }
      if (const EventSense* s = lexicon_.Light(lemma, view_.LowerForm(o)); s != nullptr) {
        sense = s;
        light_noun = o;
        break;
      }
    }
    bool listed = true;
    EventSense unlisted;
    if (sense == nullptr) sense = lexicon_.Verb(lemma);
    if (sense == nullptr) {
      if (IsGenericVerb(lemma) || lemma.size() < 2) return;
      unlisted = lexicon_.Unlisted(lemma);
      sense = &unlisted;
      listed = false;
    }

    // "which shares a long border with Myanmar": neighbours, not partners.
    if (lemma == "share") {
      for (int o : view_.ChildrenWith(v, "obj")) {
        const std::string noun = view_.Lemma(o);
        if (noun == "border" || noun == "frontier" || noun == "coastline" || noun == "boundary") return;
      }
    }
    // "the shoal, which Beijing calls Xianbin Jiao": naming something by a proper name
    // does nothing to it.
    if (lemma == "call" || lemma == "name" || lemma == "dub" || lemma == "rename" || lemma == "term") {
      const auto objects = view_.ChildrenWith(v, "obj");
      const auto complements = view_.ChildrenWith(v, "xcomp");
      bool named = false;
      for (int o : objects) named |= objects.size() >= 2 && o != objects.front() && view_.token(o).upos == "PROPN";
      for (int x : complements) named |= !objects.empty() && view_.token(x).upos == "PROPN";
      if (named) return;
    }
    static const std::set<std::string> kPlainSaying = {"say", "add", "note", "state", "write", "comment",
                                                       "report", "explain", "testify", "estimate", "describe"};
    const bool plain_saying = sense->reporting && kPlainSaying.count(lemma) > 0;
    bool passive = false;
    const int subj = view_.SubjectOf(v, &passive);
    // "Sanctions against Iran imposed by the EU": a passive light verb takes its event
    // from the noun it is said of.
    if (passive && subj >= 0 && light_noun < 0) {
      if (const EventSense* s = lexicon_.Light(lemma, view_.Lemma(subj)); s != nullptr) {
        sense = s;
        listed = true;
      }
    }
    Argument actors, targets;
    std::vector<int> span = {v};
    if (passive) {
      if (subj >= 0) {
        targets = TargetOf(subj, ClauseFacts());  // "the case against X was brought by Y"
        span.push_back(subj);
      }
      for (int c : view_.children(v)) {
        const std::string& rel = view_.token(c).deprel;
        if (rel == "obl:agent" || (SentenceView::BaseRel(rel) == "obl" && view_.CaseOf(c) == "by")) {
          actors = args_.Actor(c);
          span.push_back(c);
        }
      }
    } else if (subj >= 0) {
      actors = args_.Actor(subj);
      if (actors.empty()) actors = SpeakersAgents(subj);
      span.push_back(subj);
    }
    if (actors.empty()) return;

    ClauseFacts facts = ctx_.For(v);
    std::vector<int> direct_targets, destinations;
    bool concept_done = false;
    std::string concept_name;
    if (!passive) {
      for (int c : view_.children(v)) {
        const std::string& rel = view_.token(c).deprel;
        const std::string_view base = SentenceView::BaseRel(rel);
        if (c == light_noun) continue;
        if (base == "obj" || base == "iobj") {
          // "Kosovo's independence, which Serbia does not recognise": a relative pronoun
          // object stands for the noun the clause modifies.
          const int arg = RelativeObject(v, c) ? view_.head(v) : c;
          Argument a = TargetOf(arg, facts);
          if (!listed && a.via_modifier) a = Argument();  // a verb we do not know needs a named object
          if (!a.empty()) {
            Merge(a, &targets);
            direct_targets.insert(direct_targets.end(), a.referents.begin(), a.referents.end());
            span.push_back(c);
          } else if (base == "obj" && listed && !concept_done) {
            concept_name = ConceptText(c);
            concept_done = true;
          }
          // "presented a plan to Ukraine": a prepositional phrase the parser hung on the
          // object names the target as well as one on the verb would; so does the post of
          // an envoy ("recalled its ambassador in Buenos Aires").
          if (listed && base == "obj") {
            // …unless the envoy is someone else's ("summoned Pakistan's envoy in New Delhi").
            bool foreign_envoy = false;
            for (int r : a.referents) {
              foreign_envoy |= std::find(actors.referents.begin(), actors.referents.end(), r) == actors.referents.end();
            }
            const bool envoy = IsEnvoyNoun(view_.Lemma(c)) && !foreign_envoy;
            for (int g : view_.ChildrenWith(c, "nmod")) {
              const std::string case_word = view_.CaseOf(g);
              const bool post = envoy && (case_word == "in" || case_word == "to" || case_word == "at");
              if (!post && (case_word == "of" || case_word == "for" || !IsTargetCase(case_word))) continue;
              Argument b = args_.Named(g);
              if (b.empty()) continue;
              Merge(b, &targets);
              span.push_back(g);
            }
          }
        } else if (base == "obl" || (base == "nmod" && view_.IsVerb(v))) {
          const std::string case_word = view_.CaseOf(c);
          if (case_word == "by" || rel == "obl:tmod" || rel == "obl:npmod") continue;
          // "in talks with Iran": an event noun passes on its participants whatever its case,
          // unless the case only dates the clause ("after talks with X collapsed").
          const bool temporal = case_word == "after" || case_word == "before" || case_word == "since" ||
                                case_word == "during" || case_word == "until" || case_word == "following" ||
                                case_word == "amid" || case_word == "ahead of" || case_word == "despite";
          if (!IsTargetCase(case_word, sense->category) && (temporal || lexicon_.Noun(view_.Lemma(c)) == nullptr)) continue;
          Argument a = TargetOf(c, facts);
          if (a.empty()) continue;
          if (!listed && a.via_modifier) continue;  // unknown verbs need a named target
          if (case_word == "to") {
            const Argument named = args_.Named(c);
            bool places = !named.empty();
            for (int r : named.referents) places = places && IsPlace(r);
            if (places) destinations.insert(destinations.end(), a.referents.begin(), a.referents.end());
          }
          Merge(a, &targets);
          span.push_back(c);
        }
      }
      if (light_noun >= 0) {
        span.push_back(light_noun);
        for (int c : view_.children(light_noun)) {
          const std::string_view base = SentenceView::BaseRel(view_.token(c).deprel);
          if (base != "nmod" || !IsTargetCase(view_.CaseOf(c))) continue;
          Argument a = TargetOf(c, facts);
          if (a.empty()) continue;
          Merge(a, &targets);
          span.push_back(c);
        }
      }
    }
    // "Both leaders described their conversation": what the actors own is not a target.
    // "Drones struck an oil depot in Russia's Bryansk region": an attack on something
    // inside a country is an attack on that country.
    if (!passive && targets.empty() && sense->category == "ASSAULT") {
      std::vector<int> holders = {v};
      for (int o : view_.ChildrenWith(v, "obj")) holders.push_back(o);
      for (int holder : holders) {
        for (int c : view_.children(holder)) {
          const std::string_view base = SentenceView::BaseRel(view_.token(c).deprel);
          const std::string case_word = view_.CaseOf(c);
          if ((base != "obl" && base != "nmod") || (case_word != "in" && case_word != "inside" && case_word != "across")) continue;
          for (int r : args_.Target(c).referents) {
            const Referent& place = view_.referents().referents[r];
            if (place.kind == ReferentKind::kGpe && place.subtype == "country") {
              targets.referents.push_back(r);
              span.push_back(c);
            }
          }
        }
      }
    }
    // "India sent two planes carrying tents" in an article about Nepal's earthquake: help
    // sent with no destination named goes to the country the article is about.
    if (!passive && targets.empty() && home_ >= 0 && !actors.empty() && IsGivingVerb(lemma) && CarriesAid(v) &&
        std::find(actors.referents.begin(), actors.referents.end(), home_) == actors.referents.end()) {
      bool destination = false;
      for (int c : view_.children(v)) {
        const std::string case_word = view_.CaseOf(c);
        destination |= SentenceView::BaseRel(view_.token(c).deprel) == "obl" &&
                       (case_word == "to" || case_word == "into" || case_word == "for");
      }
      if (!destination) targets.referents.push_back(home_);
    }
    // "invited him to Yerevan": beside a direct object, a city reached with "to" is a
    // destination, not a second target.
    if (!passive && !direct_targets.empty()) {
      std::vector<int> kept;
      for (int t : targets.referents) {
        const bool direct = std::find(direct_targets.begin(), direct_targets.end(), t) != direct_targets.end();
        if (direct || std::find(destinations.begin(), destinations.end(), t) == destinations.end()) {
          kept.push_back(t);
        }
      }
      targets.referents = kept;
    }
    // Nor is what their own body owns ("Rutte promised the alliance's support").
    if (targets.via_modifier) {
      const auto& referents = view_.referents().referents;
      std::vector<int> kept;
      for (int t : targets.referents) {
        bool own = false;
        for (int a : actors.referents) {
          const Referent& actor = referents[a];
          own |= a == t || actor.parent == t ||
                 std::find(actor.affiliations.begin(), actor.affiliations.end(), t) != actor.affiliations.end();
        }
        if (!own) kept.push_back(t);
      }
      targets.referents = kept;
    }
    // "Ankara demanded that Athens withdraw": a request made in a that-clause is made of
    // that clause's subject.
    if (targets.empty() && !passive && sense->category == "REQUEST") {
      for (int c : view_.ChildrenWith(v, "ccomp")) {
        const int mark = view_.FirstChild(c, "mark");
        if (mark < 0 || view_.LowerForm(mark) != "that") continue;
        bool inner_passive = false;
        const int s = view_.SubjectOf(c, &inner_passive);
        if (s < 0 || inner_passive) continue;
        Argument a = args_.Actor(s);
        if (a.empty() || a.via_modifier) continue;
        Merge(a, &targets);
        span.push_back(s);
      }
    }
    const std::string rule = light_noun >= 0 ? "clause:light-verb" : (passive ? "clause:passive" : "clause");
    if (plain_saying) {
      // "said the Chinese ship had rammed…": what one says is a clause, even when the
      // parser takes its subject for an object.
    } else if (!targets.empty()) {
      Emit(actors, targets, *sense, facts, span, rule);
    } else if (sense->mutual && actors.referents.size() >= 2) {
      EmitAmong(actors.referents, *sense, facts, span, rule + ":coordinated");
    } else if (!concept_name.empty() && actors.referents.size() == 1 && !actors.via_modifier) {
      EmitConcept(actors.referents[0], concept_name, *sense, facts, span);
    }
    if (sense->reporting) Statements(v, actors, *sense, facts, span);
  }

  // "India's health ministry said inspectors had visited the plant": a bare plural of
  // state agents (no article, owner or adjective) in what a country says are its own.
  Argument SpeakersAgents(int subj) const {
    static const std::set<std::string> kAgents = {"official", "officer", "inspector", "investigator", "troop",
                                                  "soldier", "diplomat", "negotiator", "authority", "force"};
    Argument none;
    const Token& tok = view_.token(subj);
    if (tok.upos != "NOUN" || tok.feats.find("Number=Plur") == std::string::npos || !kAgents.count(view_.Lemma(subj)) ||
        !view_.children(subj).empty()) {
      return none;
    }
    // Up to the verb of saying whose clause this is.
    int clause = view_.head(subj);
    for (int steps = 0; clause >= 0 && steps < 4; ++steps) {
      const int h = view_.head(clause);
      if (h < 0) return none;
      const std::string_view rel = SentenceView::BaseRel(view_.token(clause).deprel);
      if (rel == "ccomp" && view_.IsVerb(h)) {
        const EventSense* say = lexicon_.Verb(view_.Lemma(h));
        if (say == nullptr || !say->reporting) return none;
        bool passive = false;
        const int speaker = view_.SubjectOf(h, &passive);
        if (speaker < 0 || passive) return none;
        Argument who = args_.Actor(speaker);
        if (who.referents.size() != 1) return none;
        const Referent& r = view_.referents().referents[who.referents[0]];
        if (r.kind != ReferentKind::kGpe || r.subtype != "country") return none;
        return who;
      }
      if (rel != "conj" && rel != "xcomp") return none;
      clause = h;
    }
    return none;
  }

  // True when the object of `v`, or a word below it, is help: "planes carrying tents".
  bool CarriesAid(int v) const {
    std::vector<std::pair<int, int>> stack;
    for (int o : view_.ChildrenWith(v, "obj")) stack.push_back({o, 0});
    while (!stack.empty()) {
      const auto [t, depth] = stack.back();
      stack.pop_back();
      if (view_.token(t).upos == "NOUN" && IsAidNoun(view_.Lemma(t))) return true;
      if (depth >= 3) continue;
      for (int c : view_.children(t)) stack.push_back({c, depth + 1});
    }
    return false;
  }

  // True when `c`, an object of `v`, is a relative pronoun and `v` heads the relative clause.
  bool RelativeObject(int v, int c) const {
    if (view_.token(v).deprel != "acl:relcl" || view_.head(v) < 0 || view_.token(c).upos != "PRON") return false;
    const std::string w = view_.LowerForm(c);
    return w == "which" || w == "that" || w == "whom" || w == "who";
  }

  // The referents a target token stands for; an event noun without one yields its own
  // participants ("participate in talks with Iran"), and a stance noun with "this"
  // yields the speaker whose stance it is.
  Argument TargetOf(int c, const ClauseFacts& facts) {
    const std::string lemma = view_.Lemma(c);
    const EventSense* event = view_.token(c).upos == "NOUN" ? lexicon_.Noun(lemma) : nullptr;
    Argument a = args_.Target(c);
    // A place named before a symmetric event noun is where it happened ("the Istanbul
    // talks"), not what the verb acts on; an organisation is whose it is ("a Contact
    // Group meeting").
    if (event != nullptr && event->symmetric) {
      std::vector<int> kept;
      for (int r : a.referents) {
        if (!IsPlace(r)) kept.push_back(r);
      }
      a.referents = kept;
    }
    if (!a.empty()) return a;
    if (view_.token(c).upos != "NOUN") return a;
    if (event != nullptr) {
      for (int g : view_.children(c)) {
        if (SentenceView::BaseRel(view_.token(g).deprel) != "nmod") continue;
        const std::string case_word = view_.CaseOf(g);
        // Parties of the event ("between X and Y") are not what the verb acts on.
        if (case_word == "of" || case_word == "between" || case_word == "among" || !IsTargetCase(case_word)) continue;
        Merge(args_.Target(g), &a);
      }
      if (!a.empty()) return a;
    }
    // "RSF fighters attacked the city. The AU condemned the assault.": a definite event
    // noun without participants is the same event told just before; what is done
    // about it is done to its actor.
    // Only verbs that judge an event speak about its actor ("condemned", "welcomed",
    // "rejected the attack"); "refused to join the sanctions" does nothing to who imposed them.
    const EventSense* judging = view_.head(c) >= 0 ? lexicon_.Verb(view_.Lemma(view_.head(c))) : nullptr;
    const bool judges = judging != nullptr && (judging->category == "ACCUSE" || judging->category == "SUPPORT" ||
                                               judging->category == "REJECT" || judging->category == "PROTEST");
    if (event != nullptr && a.empty() && judges) {
      bool definite = false;
      for (int d : view_.ChildrenWith(c, "det")) {
        const std::string det = view_.Lemma(d);
        definite |= det == "the" || det == "this" || det == "that";
      }
      bool modified = false;
      for (int g : view_.children(c)) {
        const std::string_view rel = SentenceView::BaseRel(view_.token(g).deprel);
        modified |= rel == "nmod" || rel == "acl" || view_.token(g).deprel == "nmod:poss";
      }
      if (definite && !modified) {
        for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
          if (it->sentence < view_.index() - 2) break;
          if (it->sentence == view_.index() || it->predicate != event->predicate || it->subject < 0) continue;
          a.referents.push_back(it->subject);
          a.via_modifier = true;
          break;
        }
      }
      return a;
    }
    if (IsStanceNoun(lemma) && facts.attributed_to >= 0) {
      for (int d : view_.ChildrenWith(c, "det")) {
        const std::string det = view_.Lemma(d);
        if (det == "this" || det == "that" || det == "such") {
          a.referents.push_back(facts.attributed_to);
          a.via_modifier = true;
          break;
        }
      }
    }
    return a;
  }

  // "Trump stressed that Iran must not…": the speaker says something about Iran. Plain
  // verbs of saying ("said that", "told reporters that") tell nothing about how the
  // speaker stands to whom the clause is about, so they make no edge.
  void Statements(int v, const Argument& speakers, const EventSense& sense, const ClauseFacts& facts,
                  const std::vector<int>& span) {
    static const std::set<std::string> kPlain = {"say", "tell", "add", "note", "state", "write",
                                                 "comment", "report", "explain", "testify", "estimate"};
    if (kPlain.count(view_.Lemma(v))) return;
    const auto& referents = view_.referents().referents;
    int speaker = ctx_.Speaker(v);
    if (speaker < 0 && speakers.referents.size() == 1) speaker = speakers.referents[0];
    if (speaker < 0) return;
    for (int c : ctx_.ReportedClauses(v)) {
      const int s = view_.SubjectOf(c);
      if (s < 0) continue;
      Argument about = args_.Actor(s);
      if (about.referents.size() != 1 || about.group) continue;
      const int r = about.referents[0];
      const Referent& who = referents[speaker];
      if (r == speaker || who.country == r || who.parent == r ||
          std::find(who.affiliations.begin(), who.affiliations.end(), r) != who.affiliations.end()) {
        continue;  // a spokesman speaking of his own government says nothing about it
      }
      ExtractedRelation rel = Base(speaker, r, sense, facts, span);
      rel.category = "STATEMENT";
      rel.cooperation = lexicon_.Cooperation("STATEMENT");
      rel.symmetric = false;
      rel.attributed_to = -1;
      rel.last_token = std::max(rel.last_token, s);
      rel.first_token = std::min(rel.first_token, s);
      rel.rule = "statement";
      out_->push_back(rel);
    }
  }

  // --- nominal events ------------------------------------------------------------------
  void NominalEvent(int n) {
    const EventSense* sense = lexicon_.Noun(view_.Lemma(n));
    if (sense == nullptr) sense = lexicon_.Noun(view_.LowerForm(n));
    if (sense == nullptr) return;
    // "Armenia's call for Russia to withdraw", "the call on Tbilisi to free…": a call
    // for or on someone is a request, not a telephone call.
    EventSense request;
    if (view_.Lemma(n) == "call") {
      for (int c : view_.ChildrenWith(n, "nmod")) {
        const std::string case_word = view_.CaseOf(c);
        if (case_word != "for" && case_word != "on") continue;
        if (const EventSense* urge = lexicon_.Verb("urge"); urge != nullptr) {
          request = *urge;
          request.predicate = "call";
          request.reporting = false;
          sense = &request;
        }
      }
    }
    Argument agents, targets, participants, compounds;
    std::vector<int> span = {n};
    for (int c : view_.children(n)) {
      const std::string& rel = view_.token(c).deprel;
      const std::string_view base = SentenceView::BaseRel(rel);
      if (rel == "nmod:poss") {
        Merge(args_.Actor(c), &agents);
        span.push_back(c);
      } else if (base == "amod" || base == "compound") {
        if (args_.Named(c).empty()) continue;
        // Demonyms are actors ("Ukrainian drone attacks"); names before the noun are the
        // parties of symmetric events ("Trump-Putin call") and are sorted out below for
        // one-sided ones.
        Argument a = args_.Actor(c);
        if (sense->symmetric) {
          Merge(a, &participants);
        } else if (base == "amod" || a.group) {
          Merge(a, &agents);
        } else {
          Merge(a, &compounds);
        }
        span.push_back(c);
      } else if (base == "nmod") {
        const std::string case_word = view_.CaseOf(c);
        // "pressure from Riyadh": the source acts; but with the actor already named
        // ("Mali's withdrawal from ECOWAS"), "from" says what the act is done to.
        if (case_word == "by" || (case_word == "from" && agents.empty())) {
          Merge(args_.Actor(c), &agents);
          span.push_back(c);
        } else if (case_word == "between" || case_word == "among") {
          Merge(args_.Actor(c), &participants);
          span.push_back(c);
        } else if (sense->symmetric ? IsPartyCase(case_word) : (case_word != "of" && IsTargetCase(case_word, sense->category))) {
          Argument a = args_.Target(c);
          if (a.empty()) continue;
          Merge(a, sense->symmetric ? &participants : &targets);
          span.push_back(c);
        }
      }
    }
    // "Russia's invasion of Ukraine", "Beijing's harassment of fishermen": with the
    // actor in the possessive, the "of" phrase is what the event is done to.
    if (!sense->symmetric && !agents.empty() && targets.empty()) {
      for (int c : view_.ChildrenWith(n, "nmod")) {
        if (view_.CaseOf(c) != "of" || lexicon_.Noun(view_.Lemma(c)) != nullptr) continue;
        Argument a = args_.Target(c);
        if (a.empty()) continue;
        Merge(a, &targets);
        span.push_back(c);
      }
    }
    // "Qatar's offer of mediation between Israel and Iran": an event noun's "of" event
    // passes on its parties and targets.
    if (targets.empty() && participants.empty()) {
      for (int c : view_.ChildrenWith(n, "nmod")) {
        if (view_.CaseOf(c) != "of" || lexicon_.Noun(view_.Lemma(c)) == nullptr) continue;
        for (int g : view_.ChildrenWith(c, "nmod")) {
          const std::string case_word = view_.CaseOf(g);
          if (case_word == "of" || !(IsTargetCase(case_word, sense->category) || IsPartyCase(case_word))) continue;
          Merge(args_.Target(g), sense->symmetric ? &participants : &targets);
          span.push_back(g);
        }
      }
    }
    // A name before a one-sided event noun is its actor when the target is given ("the
    // Iran attack on Israel"), else its target ("Ukraine support", "Russia sanctions").
    if (!compounds.empty()) Merge(compounds, (agents.empty() && !targets.empty()) ? &agents : &targets);
    const int h = view_.head(n);
    const std::string_view rel_to_head = SentenceView::BaseRel(view_.token(n).deprel);
    // "NATO's Ukraine support efforts": the owner of the noun this one qualifies.
    if (agents.empty() && rel_to_head == "compound" && h >= 0) {
      for (int c : view_.children(h)) {
        const std::string& rel = view_.token(c).deprel;
        if (rel == "nmod:poss" || (SentenceView::BaseRel(rel) == "amod" && !args_.Named(c).empty())) {
          Merge(args_.Actor(c), &agents);
        }
      }
    }
    // "retaliated with strikes on…", "launched barrages against…": the verb's subject.
    if (agents.empty() && h >= 0 && view_.IsVerb(h) && !sense->symmetric) {
      const bool light = lexicon_.Light(view_.Lemma(h), view_.Lemma(n)) != nullptr;
      const bool instrument = (rel_to_head == "obl") && view_.CaseOf(n) == "with";
      if (light || instrument) {
        bool passive = false;
        const int s = view_.SubjectOf(h, &passive);
        if (s >= 0 && !passive) Merge(args_.Actor(s), &agents);
      }
    }
    // "bowed to pressure from Riyadh", "under pressure from the EU, Norway agreed": the
    // one who yields to an event is its target.
    if (!sense->symmetric && !agents.empty() && targets.empty() && h >= 0 && view_.IsVerb(h) && rel_to_head == "obl" &&
        (view_.CaseOf(n) == "to" || view_.CaseOf(n) == "under")) {
      bool passive = false;
      const int s = view_.SubjectOf(h, &passive);
      if (s >= 0 && !passive) {
        Merge(args_.Actor(s), &targets);
        span.push_back(s);
      }
    }
    ClauseFacts facts = ctx_.For(n);
    if (h >= 0 && view_.IsVerb(h)) {
      const ClauseFacts outer = ctx_.For(h);
      facts.attributed_to = outer.attributed_to;
      if (facts.date.empty()) facts.date = outer.date;
      if (outer.polarity == Polarity::kNegated && rel_to_head == "obj") facts.polarity = Polarity::kNegated;
    }
    facts.modality = Modality::kFactual;
    if (sense->symmetric) {
      Merge(agents, &participants);
      Merge(targets, &participants);
      // "the Geneva talks": a city named before the event is where it happened.
      std::vector<int> parties;
      for (int r : participants.referents) {
        if (!IsPlace(r)) parties.push_back(r);
      }
      if (parties.size() >= 2) EmitAmong(parties, *sense, facts, span, "nominal");
    } else if (!agents.empty() && (!targets.empty() || !participants.empty())) {
      // "the UAE's mediation between Russia and Ukraine": a one-sided act between two
      // parties is done to both.
      Emit(agents, targets.empty() ? participants : targets, *sense, facts, span, "nominal");
    }
  }

  // --- roles ---------------------------------------------------------------------------
  // The single referent a reference starting at token `t` names, its span end in *end.
  int ReferentStartingAt(int t, int* end) const {
    if (t < 0 || t >= view_.size()) return -1;  // "..., Anna Smith ," ending a sentence
    for (int r : view_.ReferencesAt(t)) {
      const Reference& ref = view_.reference(r);
      if (ref.begin == t && ref.referents.size() == 1) {
        *end = ref.end;
        return ref.referents[0];
      }
    }
    return -1;
  }
  int ReferentEndingAt(int t, int* begin) const {  // reference whose span ends at t (exclusive)
    if (t <= 0) return -1;
    for (int r : view_.ReferencesAt(t - 1)) {
      const Reference& ref = view_.reference(r);
      if (ref.end == t && ref.referents.size() == 1) {
        *begin = ref.begin;
        return ref.referents[0];
      }
    }
    return -1;
  }
  bool IsAffiliation(int referent) const {
    const ReferentKind k = view_.referents().referents[referent].kind;
    return k == ReferentKind::kOrg || k == ReferentKind::kGpe;
  }
  static bool IsPossessiveMark(const std::string& w) { return w == "'s" || w == "\xE2\x80\x99s" || w == "'" || w == "\xE2\x80\x99"; }

  // Appositive roles read off the words, whatever the parse: "Argentina's foreign
  // minister, Ricardo Salvatierra," / "Salote Faleafa, Tuvalu's climate minister," /
  // "Renato Villanueva, a PCG spokesman," / "The president of the ICSA, Dmitri Varga,".
  void SurfaceRoles() {
    const auto& referents = view_.referents().referents;
    const int n = view_.size();
    auto word = [&](int t) { return t >= 0 && t < n ? view_.LowerForm(t) : std::string(); };
    auto closes = [&](int t) {
      const std::string w = word(t);
      return t >= n || w == "," || w == "." || w == ")" || w == ";" || w == "\xE2\x80\x94";
    };
    for (int pb = 0; pb < n; ++pb) {
      int pe = 0;
      const int person = ReferentStartingAt(pb, &pe);
      if (person < 0 || referents[person].kind != ReferentKind::kPerson) continue;
      // Forward: PERSON , [the|a] [AFFIL ['s]] modifiers ROLE [of AFFIL] ,
      if (word(pe) == ",") {
        int j = pe + 1, org = -1, end = 0;
        if (word(j) == "the" || word(j) == "a" || word(j) == "an") ++j;
        if (const int r = ReferentStartingAt(j, &end); r >= 0 && IsAffiliation(r) && r != person) {
          org = r;
          j = end;
          if (IsPossessiveMark(word(j))) ++j;
        }
        const int role_begin = j;
        while (j < n && j - role_begin < 4 && !IsRoleNoun(view_, j) && view_.ReferencesAt(j).empty() &&
               (view_.token(j).upos == "ADJ" || view_.token(j).upos == "NOUN" || view_.token(j).upos == "PROPN")) {
          ++j;
        }
        if (j < n && IsRoleNoun(view_, j)) {
          const int role = j;
          int after = j + 1;
          if (org < 0 && (word(after) == "of" || word(after) == "for" || word(after) == "at")) {
            int k = after + 1, e2 = 0;
            if (word(k) == "the") ++k;
            if (const int r = ReferentStartingAt(k, &e2); r >= 0 && IsAffiliation(r)) {
              org = r;
              after = e2;
              if (word(after) == "(" && word(after + 2) == ")") after += 3;  // "(UPA)"
            }
          }
          if (org >= 0 && closes(after)) EmitSurfaceRole(person, org, role_begin, role, pb, after - 1);
        }
      }
      // Backward: [AFFIL 's | the … of AFFIL] modifiers ROLE , PERSON
      if (pb >= 2 && word(pb - 1) == ",") {
        int j = pb - 2, org = -1, begin = 0;
        // "the president of the Canoe Association (ICSA), X": the acronym repeats the name.
        int name_end = pb - 1;
        if (word(name_end - 1) == ")" && name_end >= 4 && word(name_end - 3) == "(") name_end -= 3;
        if (const int r = ReferentEndingAt(name_end, &begin); r >= 0 && IsAffiliation(r)) {
          // "the president of the ICSA, Dmitri Varga"
          int k = begin - 1;
          if (word(k) == "the") --k;
          if (word(k) == "of" || word(k) == "for") {
            org = r;
            j = k - 1;
          }
        }
        if (j >= 0 && IsRoleNoun(view_, j)) {
          const int role = j;
          int k = j - 1;
          while (k >= 0 && role - k <= 3 && view_.ReferencesAt(k).empty() &&
                 (view_.token(k).upos == "ADJ" || view_.token(k).upos == "NOUN")) {
            --k;
          }
          const int role_begin = k + 1;
          if (org < 0 && k >= 1 && IsPossessiveMark(word(k))) {
            if (const int r = ReferentEndingAt(k, &begin); r >= 0 && IsAffiliation(r)) org = r;
          }
          // "Its president, Tom Ricard": the possessive pronoun stands for the body.
          if (org < 0 && k >= 0 && (word(k) == "its" || word(k) == "their")) {
            if (const int r = ReferentEndingAt(k + 1, &begin); r >= 0 && IsAffiliation(r)) org = r;
          }
          if (org >= 0 && org != person) EmitSurfaceRole(person, org, role_begin, role, std::max(0, role_begin - 2), pe - 1);
        }
      }
    }
  }

  void EmitSurfaceRole(int person, int org, int role_begin, int role, int first, int last) {
    std::string text;
    for (int t = role_begin; t < role; ++t) {
      const std::string w = view_.LowerForm(t);
      if (w == "former" || w == "top" || w == "senior" || w == "new" || w == "current") continue;
      text += w + "_";
    }
    EmitRole(person, org, RolePredicate(text + view_.Lemma(role)), {first, last}, "role:apposition");
  }

  // "Solace, a company registered in Singapore", "Sunvale, which is based in Hyderabad":
  // where an organisation is based.
  void Seats() {
    static const std::set<std::string> kSeated = {"base", "based", "headquarter", "headquartered", "register",
                                                  "registered", "incorporate", "incorporated"};
    const auto& referents = view_.referents().referents;
    for (int v = 0; v < view_.size(); ++v) {
      const std::string& upos = view_.token(v).upos;
      if ((upos != "VERB" && upos != "ADJ") || !kSeated.count(view_.Lemma(v))) continue;
      int place = -1;
      for (int c : view_.children(v)) {
        const std::string_view rel = SentenceView::BaseRel(view_.token(c).deprel);
        if ((rel == "obl" || rel == "nmod") && view_.CaseOf(c) == "in" && place < 0) place = c;
      }
      if (place < 0) continue;
      const Argument where = args_.Named(place);
      if (where.referents.size() != 1 || referents[where.referents[0]].kind != ReferentKind::kGpe) continue;
      const int holder = view_.SubjectOf(v);
      if (holder < 0) continue;
      const Argument org = args_.Named(holder);
      if (org.referents.size() != 1 || referents[org.referents[0]].kind != ReferentKind::kOrg) continue;
      EmitRole(org.referents[0], where.referents[0], "based_in", {holder, place}, "seat");
    }
  }

  void Roles() {
    SurfaceRoles();
    Seats();
    const auto& referents = view_.referents().referents;
    for (int t = 0; t < view_.size(); ++t) {
      const std::string& rel = view_.token(t).deprel;
      // "Emmanuel Macron, the French president" / "Poland's defence minister, X".
      if (SentenceView::BaseRel(rel) == "appos" && view_.head(t) >= 0) {
        const int h = view_.head(t);
        RoleFromApposition(h, t);
        RoleFromApposition(t, h);
      }
      const std::string case_word = (SentenceView::BaseRel(rel) == "obl" || SentenceView::BaseRel(rel) == "nmod")
                                        ? view_.CaseOf(t)
                                        : std::string();
      if (case_word == "through" || case_word == "under") {
        Argument person = args_.Named(t);
        if (person.referents.size() != 1 || referents[person.referents[0]].kind != ReferentKind::kPerson) continue;
        const int h = view_.head(t);
        if (h < 0) continue;
        Argument body;
        if (view_.IsVerb(h)) {
          const int s = view_.SubjectOf(h);
          if (s >= 0) body = args_.Named(s);
        } else {
          body = args_.Named(h);
        }
        if (body.referents.size() != 1) continue;
        const Referent& org = referents[body.referents[0]];
        if (org.kind != ReferentKind::kOrg && org.kind != ReferentKind::kGpe) continue;
        const int p = person.referents[0];
        std::string predicate;
        if (case_word == "under") {
          predicate = "leader_of";
        } else {
          predicate = referents[p].roles.empty() ? "spokesperson_for" : RolePredicate(referents[p].roles.front());
        }
        EmitRole(p, body.referents[0], predicate, {t, h}, "role:" + case_word);
      }
      // "Putin's foreign policy aide Yuri Ushakov": a role noun qualifying a name.
      if (int r = view_.ReferenceHeadedAt(t); r >= 0) {
        Argument person = args_.Named(t);
        if (person.referents.size() != 1 || referents[person.referents[0]].kind != ReferentKind::kPerson) continue;
        for (int c : view_.children(t)) {
          const std::string_view base = SentenceView::BaseRel(view_.token(c).deprel);
          const Reference& ref = view_.reference(r);
          if (c >= ref.begin && c < ref.end) continue;
          if ((base == "compound" || base == "nmod") && IsRoleNoun(view_, c)) RoleFromApposition(t, c, /*title=*/c < t);
        }
      }
    }
  }

  // `person_tok` names a person and `role_tok` heads a role phrase about them. With
  // `title`, the role noun is a title before the name and the affiliation may also be
  // another modifier of the name before the title ("LSK president Brian Otieno").
  void RoleFromApposition(int person_tok, int role_tok, bool title = false) {
    const auto& referents = view_.referents().referents;
    if (!IsRoleNoun(view_, role_tok)) return;
    Argument person = args_.Named(person_tok);
    if (person.referents.size() != 1 || referents[person.referents[0]].kind != ReferentKind::kPerson) return;
    Argument org;
    if (title) {
      for (int c : view_.children(person_tok)) {
        const std::string_view base = SentenceView::BaseRel(view_.token(c).deprel);
        if (c < role_tok && (base == "compound" || base == "amod" || base == "nmod:poss" || view_.token(c).deprel == "nmod:poss")) {
          Merge(args_.Actor(c), &org);
        }
      }
    }
    // "his Ecuadorian counterpart, Mariela Vaca": she holds his office, for the country
    // the adjective names, not his.
    const bool counterpart = view_.Lemma(role_tok) == "counterpart";
    std::string role_text = RoleText(view_, role_tok);
    for (int c : view_.children(role_tok)) {
      const std::string& rel = view_.token(c).deprel;
      const std::string_view base = SentenceView::BaseRel(rel);
      if (counterpart && rel == "nmod:poss") {
        const Argument owner = args_.Named(c);
        if (owner.referents.size() == 1 && referents[owner.referents[0]].kind == ReferentKind::kPerson &&
            !referents[owner.referents[0]].roles.empty()) {
          role_text = referents[owner.referents[0]].roles.front();
        }
        continue;
      }
      if (rel == "nmod:poss" || base == "amod" || base == "compound" ||
          (base == "nmod" && (view_.CaseOf(c) == "of" || view_.CaseOf(c) == "for" || view_.CaseOf(c) == "at" ||
                              view_.CaseOf(c) == "to"))) {
        Merge(args_.Actor(c), &org);
      }
    }
    if (org.referents.size() != 1 || org.referents[0] == person.referents[0]) return;
    if (counterpart && role_text == RoleText(view_, role_tok)) return;  // whose office, unknown
    EmitRole(person.referents[0], org.referents[0], RolePredicate(role_text), {person_tok, role_tok},
             "role:apposition");
  }

  static std::string RolePredicate(const std::string& role) {
    std::string p;
    for (char ch : role) p += (ch == ' ' || ch == '-') ? '_' : ch;
    return p + "_of";
  }

  // A city, region or natural place: where things happen, not a party to them.
  bool IsPlace(int referent) const {
    const Referent& x = view_.referents().referents[referent];
    return x.kind == ReferentKind::kLoc ||
           (x.kind == ReferentKind::kGpe &&
            (x.subtype == "city" || x.subtype == "capital" || x.subtype == "region" || x.subtype == "state"));
  }

  // --- output --------------------------------------------------------------------------
  static void Merge(const Argument& from, Argument* into) {
    for (int r : from.referents) {
      if (std::find(into->referents.begin(), into->referents.end(), r) == into->referents.end()) {
        into->referents.push_back(r);
      }
    }
    into->group = into->group || from.group || into->referents.size() > 1;
    into->via_modifier = into->via_modifier || from.via_modifier;
  }

  ExtractedRelation Base(int subject, int object, const EventSense& sense, const ClauseFacts& facts,
                         const std::vector<int>& span) const {
    ExtractedRelation r;
    r.subject = subject;
    r.object = object;
    r.predicate = sense.predicate;
    r.category = sense.category;
    r.cooperation = sense.cooperation;
    r.symmetric = sense.symmetric;
    r.polarity = facts.polarity;
    r.modality = facts.modality;
    r.attributed_to = facts.attributed_to == subject ? -1 : facts.attributed_to;
    r.event_date = facts.date;
    r.location = (facts.location == subject || facts.location == object) ? -1 : facts.location;
    r.sentence = view_.index();
    r.first_token = *std::min_element(span.begin(), span.end());
    r.last_token = *std::max_element(span.begin(), span.end());
    return r;
  }

  bool Usable(int referent) const {
    if (referent < 0) return false;
    const ReferentKind k = view_.referents().referents[referent].kind;
    return k != ReferentKind::kDate;
  }

  void Emit(const Argument& actors, const Argument& targets, const EventSense& sense, const ClauseFacts& facts,
            const std::vector<int>& span, const std::string& rule) {
    for (int a : actors.referents) {
      for (int t : targets.referents) {
        if (a == t || !Usable(a) || !Usable(t)) continue;
        if (IsPlace(a) && IsPlace(t)) continue;  // places do not act on places ("Geneva Talks On Black Sea…")
        ExtractedRelation r = Base(a, t, sense, facts, span);
        r.rule = rule + (targets.via_modifier ? ":via-modifier" : "");
        out_->push_back(std::move(r));
      }
    }
  }

  void EmitAmong(const std::vector<int>& parties, const EventSense& sense, const ClauseFacts& facts,
                 const std::vector<int>& span, const std::string& rule) {
    for (size_t i = 0; i < parties.size(); ++i) {
      for (size_t j = i + 1; j < parties.size(); ++j) {
        if (parties[i] == parties[j] || !Usable(parties[i]) || !Usable(parties[j])) continue;
        ExtractedRelation r = Base(parties[i], parties[j], sense, facts, span);
        r.symmetric = true;
        r.rule = rule;
        out_->push_back(std::move(r));
      }
    }
  }

  void EmitConcept(int actor, const std::string& concept_name, const EventSense& sense, const ClauseFacts& facts,
                   const std::vector<int>& span) {
    if (!Usable(actor)) return;
    ExtractedRelation r = Base(actor, -1, sense, facts, span);
    r.object_concept = concept_name;
    r.symmetric = false;
    r.rule = "clause:concept";
    out_->push_back(std::move(r));
  }

  void EmitRole(int person, int org, const std::string& predicate, const std::vector<int>& span,
                const std::string& rule) {
    ExtractedRelation r;
    r.subject = person;
    r.object = org;
    // "Republican Senator X": a party's member, not its senator.
    r.predicate = view_.referents().referents[org].kind == ReferentKind::kNorp ? "member_of" : predicate;
    r.category = "ROLE";
    r.cooperation = lexicon_.Cooperation("ROLE");
    r.sentence = view_.index();
    r.first_token = *std::min_element(span.begin(), span.end());
    r.last_token = *std::max_element(span.begin(), span.end());
    r.rule = rule;
    out_->push_back(std::move(r));
  }

  // The object noun phrase as a concept name: its adjectives and compounds and the noun,
  // lowercased ("nuclear weapons").
  std::string ConceptText(int t) const {
    const std::string& upos = view_.token(t).upos;
    if (upos != "NOUN") return "";
    std::vector<int> parts = {t};
    for (int c : view_.children(t)) {
      const std::string_view base = SentenceView::BaseRel(view_.token(c).deprel);
      if ((base == "amod" || base == "compound") && c < t && view_.ReferencesAt(c).empty()) parts.push_back(c);
    }
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (int p : parts) {
      if (!out.empty()) out += ' ';
      out += view_.LowerForm(p);
    }
    return out;
  }

  const SentenceView& view_;
  ArgumentResolver args_;
  ClauseContext ctx_;
  const EventLexicon& lexicon_;
  std::vector<ExtractedRelation>* out_;
  int home_ = -1;
};

}  // namespace

std::vector<ExtractedRelation> RelationExtractor::Extract(const Document& doc, const ArticleReferents& refs) const {
  std::vector<ExtractedRelation> out;
  const int n = static_cast<int>(doc.sentences.size());
  const ReferenceIndex index(refs, n);
  const int home = refs.home_country;
  auto each_sentence = [&](const ArticleReferents& with, auto&& fn) {
    for (int s = 0; s < n; ++s) {
      if (doc.sentences[s].tokens.empty()) continue;
      SentenceView view(doc.sentences[s], s, with, index);
      SentenceWorker worker(view, lexicon_, &out, home);
      fn(worker);
    }
  };
  each_sentence(refs, [](SentenceWorker& w) { w.RunRoles(); });
  // What the roles tell about people: whom they work for, and the country they serve.
  ArticleReferents known = refs;
  for (const ExtractedRelation& r : out) {
    // Where a body is based says nothing about whom it acts for.
    if (r.category != "ROLE" || r.subject < 0 || r.object < 0 || r.predicate == "based_in") continue;
    Referent& person = known.referents[r.subject];
    if (std::find(person.affiliations.begin(), person.affiliations.end(), r.object) == person.affiliations.end()) {
      person.affiliations.push_back(r.object);
    }
    if (person.country < 0 && known.referents[r.object].kind == ReferentKind::kGpe) person.country = r.object;
  }
  each_sentence(known, [](SentenceWorker& w) { w.RunEvents(); });
  // Two rules finding one fact in one sentence give one relation.
  std::vector<ExtractedRelation> unique;
  std::set<std::tuple<int, int, int, std::string, std::string, int>> seen;
  for (ExtractedRelation& r : out) {
    if (seen.emplace(r.sentence, r.subject, r.object, r.object_concept, r.predicate, static_cast<int>(r.polarity)).second) {
      unique.push_back(std::move(r));
    }
  }
  return unique;
}

}  // namespace kg::extract
