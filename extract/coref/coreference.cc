#include "extract/coref/coreference.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "base/text.h"
#include "extract/relations/argument_resolver.h"
#include "extract/relations/sentence_view.h"

namespace kg::extract {

using base::Result;
using base::Status;

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) out.push_back(part);
  return out;
}

Status ReadHeader(std::istream& in, const std::string& section, const std::string& origin) {
  std::string line;
  const std::string prefix = "# kg-coref " + section + " v";
  if (!std::getline(in, line) || line.rfind(prefix, 0) != 0) {
    return Status::InvalidArgument(origin + ": not a kg-coref " + section + " file (expected first line '" +
                                   prefix + "1')");
  }
  if (line.substr(prefix.size()) != "1") {
    return Status::InvalidArgument(origin + ": kg-coref " + section + " version " + line.substr(prefix.size()) +
                                   " is not supported (this kg reads version 1)");
  }
  return Status::Ok();
}

bool ParseKind(const std::string& s, ReferentKind* kind) {
  if (s == "PERSON") *kind = ReferentKind::kPerson;
  else if (s == "ORG") *kind = ReferentKind::kOrg;
  else if (s == "GPE") *kind = ReferentKind::kGpe;
  else if (s == "LOC") *kind = ReferentKind::kLoc;
  else if (s == "any") *kind = ReferentKind::kOther;
  else return false;
  return true;
}

enum class PronounClass { kNone, kMale, kFemale, kNeuter, kPlural };

PronounClass ClassOf(const std::string& w) {
  if (w == "he" || w == "him" || w == "his" || w == "himself") return PronounClass::kMale;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return PronounClass::kFemale;
  if (w == "it" || w == "its" || w == "itself") return PronounClass::kNeuter;
  if (w == "they" || w == "them" || w == "their" || w == "theirs" || w == "themselves") return PronounClass::kPlural;
  return PronounClass::kNone;
}

}  // namespace

Result<std::unique_ptr<Coreference>> Coreference::Load(std::istream& given_names, std::istream& descriptions,
                                                       const std::string& origin) {
  std::unique_ptr<Coreference> coref(new Coreference());
  const std::string names_origin = origin + "/given_names.tsv";
  KG_RETURN_IF_ERROR(ReadHeader(given_names, "given-names", names_origin));
  std::string line;
  int line_no = 1;
  while (std::getline(given_names, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto f = Split(line, '\t');
    if (f.size() != 2 || (f[1] != "m" && f[1] != "f")) {
      return Status::InvalidArgument(names_origin + ":" + std::to_string(line_no) + ": expected 'Name<TAB>m|f'");
    }
    coref->genders_[base::FoldName(f[0])] = f[1][0];
  }
  const std::string desc_origin = origin + "/descriptions.tsv";
  KG_RETURN_IF_ERROR(ReadHeader(descriptions, "descriptions", desc_origin));
  line_no = 1;
  while (std::getline(descriptions, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto f = Split(line, '\t');
    const std::string where = desc_origin + ":" + std::to_string(line_no);
    if (f.size() < 3 || f.size() > 4) return Status::InvalidArgument(where + ": expected 3 or 4 tab-separated columns");
    Description d;
    d.type = f[1];
    if (d.type == "person-role") {
      d.kind = ReferentKind::kPerson;
      d.roles = Split(f[2], '|');
    } else if (d.type == "kind" || d.type == "pair") {
      if (!ParseKind(f[2], &d.kind)) return Status::InvalidArgument(where + ": unknown kind '" + f[2] + "'");
      if (f.size() == 4 && f[3] == "named") {
        d.named = true;
      } else if (f.size() == 4 && f[3] == "home") {
        d.home = true;
      } else if (f.size() == 4 && f[3] != "-") {
        d.subtypes = Split(f[3], ',');
      }
    } else {
      return Status::InvalidArgument(where + ": unknown description type '" + d.type +
                                     "' (person-role, kind or pair)");
    }
    coref->descriptions_.emplace(f[0], d);
  }
  return coref;
}

Result<std::unique_ptr<Coreference>> Coreference::LoadFromDir(const std::string& data_dir) {
  const std::string dir = data_dir + "/coref";
  std::ifstream names(dir + "/given_names.tsv");
  if (!names) return Status::NotFound(dir + "/given_names.tsv: cannot open");
  std::ifstream descriptions(dir + "/descriptions.tsv");
  if (!descriptions) return Status::NotFound(dir + "/descriptions.tsv: cannot open");
  return Load(names, descriptions, dir);
}

char Coreference::GenderOf(const std::string& given_name) const {
  auto it = genders_.find(base::FoldName(given_name));
  return it == genders_.end() ? '?' : it->second;
}

void Coreference::AssignGenders(ArticleReferents* refs) const {
  for (Referent& r : refs->referents) {
    if (r.kind != ReferentKind::kPerson || r.gender != '?') continue;
    for (const std::string& role : r.roles) {
      const std::string folded = base::FoldName(role);
      if (folded == "mr" || folded == "sir" || folded == "king" || folded == "prince" || folded == "spokesman") r.gender = 'm';
      if (folded == "mrs" || folded == "ms" || folded == "miss" || folded == "queen" || folded == "princess" ||
          folded == "spokeswoman" || folded == "dame") {
        r.gender = 'f';
      }
    }
    if (r.gender != '?') continue;
    const size_t space = r.name.find(' ');
    if (space != std::string::npos) r.gender = GenderOf(r.name.substr(0, space));
  }
}

// One article's pass: walks the sentences in order, keeping the entities mentioned so far.
class CorefPass {
 public:
  CorefPass(const Coreference& coref, const Document& doc, ArticleReferents* refs)
      : coref_(coref), doc_(doc), refs_(refs) {}

  void Run() {
    // The names NER found; references this pass adds belong to the sentence being read,
    // after its view is built.
    const ReferenceIndex index(*refs_, static_cast<int>(doc_.sentences.size()));
    for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
      if (doc_.sentences[s].tokens.empty()) continue;
      SentenceView view(doc_.sentences[s], s, *refs_, index);
      Sentence(view);
    }
  }

 private:
  struct Mention {
    std::vector<int> referents;
    int sentence;
    int token;
    bool subject;
    int depth = 0;  // clauses it is embedded in below the main one
  };
  struct Pair {
    int a, b;
    int sentence;
  };

  void Sentence(const SentenceView& view) {
    const int s = view.index();
    std::vector<std::vector<int>> known(view.size());  // referents each token stands for
    for (int t = 0; t < view.size(); ++t) {
      if (int r = view.ReferenceHeadedAt(t); r >= 0) {
        known[t] = refs_->references[r].referents;
        if (known[t].size() == 2) pairs_.push_back({known[t][0], known[t][1], s});
      } else if (int named = view.NameReferenceAt(t); named >= 0 && view.ReferencesAt(t).empty()) {
        known[t] = refs_->references[named].referents;  // a title heading a name
      } else if (view.ReferencesAt(t).empty()) {
        if (std::vector<int> found = Resolve(view, t); !found.empty()) known[t] = found;
      }
      if (known[t].empty()) continue;
      if (known[t].size() == 1 && view.ReferenceHeadedAt(t) >= 0) RecordDescriptors(view, t, known[t][0]);
      history_.push_back({known[t], s, t, IsSubject(view, t), ClauseDepth(view, t)});
      for (int r : known[t]) {
        if (r >= static_cast<int>(counts_.size())) counts_.resize(r + 1, 0);
        ++counts_[r];
      }
      RecordPairs(view, t, known);
    }
  }

  // How many verbs above `t` head clauses below the sentence's main one: a name deep in
  // subordinate clauses is less salient ("…, which has held rallies since the party froze
  // talks on joining the EU": the EU is three clauses down).
  static int ClauseDepth(const SentenceView& view, int t) {
    int verbs = 0;
    for (int h = view.head(t), steps = 0; h >= 0 && steps < view.size(); h = view.head(h), ++steps) {
      if (view.IsVerb(h)) ++verbs;
    }
    return std::max(0, verbs - 1);
  }

  // Common nouns the text puts beside a name, so that "the studio" later finds it: "the
  // game studio Kivilinna Games", "Meridian, the Dutch terminal operator", "Solace, a
  // company registered in Singapore".
  void RecordDescriptors(const SentenceView& view, int t, int referent) {
    const Reference& ref = view.reference(view.ReferenceHeadedAt(t));
    auto add = [&](int noun) {
      if (noun >= 0 && view.token(noun).upos == "NOUN" && view.ReferencesAt(noun).empty()) {
        descriptors_[referent].insert(view.Lemma(noun));
      }
    };
    const int h = view.head(t);
    const std::string_view rel = SentenceView::BaseRel(view.token(t).deprel);
    if (h >= 0 && h + 1 == ref.begin && (rel == "appos" || rel == "flat" || rel == "nmod" || rel == "compound")) add(h);
    if (ref.begin >= 1 && view.token(ref.begin - 1).upos == "NOUN" && view.head(ref.begin - 1) == t) add(ref.begin - 1);
    for (int c : view.ChildrenWith(t, "appos")) add(c);
    if (rel == "appos" && h >= 0 && h < ref.begin) add(h);  // "a company, Solace Analytics,"
  }

  static bool IsSubject(const SentenceView& view, int t) {
    const std::string_view rel = SentenceView::BaseRel(view.token(t).deprel);
    return rel == "nsubj" || rel == "csubj";
  }

  // A place ("in Geneva") is where a pair met, not one of the pair.
  bool IsPlace(int referent) const {
    const Referent& r = refs_->referents[referent];
    return r.kind == ReferentKind::kLoc ||
           (r.kind == ReferentKind::kGpe && (r.subtype == "city" || r.subtype == "capital" || r.subtype == "region"));
  }

  // Pairs named together: "X and Y", a subject with its object ("Ruto met Abiy").
  void RecordPairs(const SentenceView& view, int t, const std::vector<std::vector<int>>& known) {
    if (known[t].size() != 1) return;
    const int me = known[t][0];
    if (IsPlace(me)) return;
    const int h = view.head(t);
    const std::string_view rel = SentenceView::BaseRel(view.token(t).deprel);
    if (rel == "conj" && h >= 0 && known[h].size() == 1 && known[h][0] != me) {
      pairs_.push_back({known[h][0], me, view.index()});
    }
    // Subjects of coordinated clauses: "Japan sent a plane, and Australia pledged aid".
    if (rel == "nsubj" && h >= 0 && view.IsVerb(h) && SentenceView::BaseRel(view.token(h).deprel) == "conj") {
      const int first = view.head(h) >= 0 && view.IsVerb(view.head(h)) ? view.SubjectOf(view.head(h)) : -1;
      if (first >= 0 && first < t && known[first].size() == 1 && known[first][0] != me && !IsPlace(known[first][0])) {
        pairs_.push_back({known[first][0], me, view.index()});
      }
    }
    // The verb this token is an argument of, directly or through the object or oblique
    // noun it modifies ("held talks with X").
    int verb = -1;
    const std::string case_word = view.CaseOf(t);
    const bool locative = case_word == "in" || case_word == "at" || case_word == "near" || case_word == "on";
    if (locative) return;
    if ((rel == "obj" || rel == "obl" || rel == "iobj") && h >= 0) {
      verb = h;
    } else if (rel == "nmod" && view.token(t).deprel != "nmod:poss" && h >= 0 && view.head(h) >= 0) {
      const std::string_view up = SentenceView::BaseRel(view.token(h).deprel);
      if (up == "obj" || up == "obl") verb = view.head(h);
    }
    if (verb >= 0 && view.IsVerb(verb)) {
      const int subj = view.SubjectOf(verb);
      // The subject may name its actor through a modifier ("Chinese officials urged Ottawa").
      std::vector<int> actor = subj >= 0 ? known[subj] : std::vector<int>();
      // Only with a party that is surely no place: a person, an organisation, a country.
      const Referent& object = refs_->referents[me];
      const bool party = object.kind == ReferentKind::kPerson || object.kind == ReferentKind::kOrg ||
                         (object.kind == ReferentKind::kGpe && object.subtype == "country");
      if (subj >= 0 && actor.empty() && party) actor = ArgumentResolver(view).Actor(subj).referents;
      if (subj >= 0 && subj < t && actor.size() == 1 && actor[0] != me && !IsPlace(actor[0])) {
        pairs_.push_back({actor[0], me, view.index()});
      }
    }
  }

  std::vector<int> Resolve(const SentenceView& view, int t) {
    const Token& tok = view.token(t);
    const std::string lower = view.LowerForm(t);
    if (tok.upos == "PRON") {
      const PronounClass cls = ClassOf(lower);
      if (cls == PronounClass::kNone || Pleonastic(view, t, cls)) return {};
      std::vector<int> found = Pronoun(view, t, cls);
      if (!found.empty()) Add(view.index(), t, t + 1, found, ReferenceSource::kPronoun);
      // Once called "he" (or "she"), a person keeps that gender for later pronouns.
      if (found.size() == 1 && (cls == PronounClass::kMale || cls == PronounClass::kFemale)) {
        Referent& r = refs_->referents[found[0]];
        if (r.gender == '?') r.gender = cls == PronounClass::kMale ? 'm' : 'f';
      }
      return found;
    }
    if (tok.upos != "NOUN") return {};
    if (view.Lemma(t) == "counterpart") return Counterpart(view, t);
    // Determiners and numbers that make a group phrase: both/neither/each sides, the two leaders.
    int det = -1;
    bool group = false, definite = false;
    for (int c : view.children(t)) {
      const std::string_view rel = SentenceView::BaseRel(view.token(c).deprel);
      const std::string w = view.LowerForm(c);
      // "both countries" with "both" taken for a pre-conjunction (cc:preconj) and no
      // conjunct to pair it with is the determiner.
      const bool preconj = rel == "cc" && w == "both" && view.ChildrenWith(t, "conj").empty();
      if ((rel == "det" && (w == "both" || w == "neither" || w == "each")) || preconj) {
        group = true;
        det = c;
      } else if (rel == "det" && w == "the") {
        definite = true;
        det = c;
      } else if (rel == "nummod" && w == "two") {
        group = true;
      } else if ((rel == "nmod" && view.CaseOf(c) == "of") || view.token(c).deprel == "nmod:poss" ||
                 (rel == "compound" && !view.ReferencesAt(c).empty())) {
        return {};  // "the president of France", "the Trump administration": not anaphoric
      } else if (c == t + 1 && view.token(c).upos == "PROPN" &&
                 (rel == "appos" || rel == "flat" || rel == "compound" || (rel == "nmod" && view.CaseOf(c).empty()))) {
        return {};  // "the student movement Daitove": the name that follows is what it means
      }
    }
    // "commission chair Grace Phiri", "ministry officials": a bare institution noun
    // qualifying another noun is the institution named before.
    const bool qualifier = det < 0 && SentenceView::BaseRel(tok.deprel) == "compound" && view.head(t) > t &&
                           view.token(view.head(t)).upos == "NOUN";
    if (qualifier) {
      for (const auto& [noun, d] : Matches(view, t)) {
        if (d.type != "kind" || !d.named) continue;
        const int found = Described(view, t, d);
        if (found < 0) continue;
        Add(view.index(), t, t + 1, {found}, ReferenceSource::kDescription);
        return {found};
      }
      return {};
    }
    if (det < 0 || (!group && !definite)) return {};
    const int begin = std::min(det, t);
    for (const auto& [noun, d] : Matches(view, t)) {
      if (group && d.type == "pair") {
        std::vector<int> pair = LastPair(view.index(), d.kind, SubjectReferents(view, t));
        if (!pair.empty()) {
          Add(view.index(), begin, t + 1, pair, ReferenceSource::kGroup);
          pairs_.push_back({pair[0], pair[1], view.index()});
          return pair;
        }
      } else if (!group && definite && d.home) {
        // "sued the government": with no word saying whose, the country the article is
        // about, the one named most so far (a capital or demonym counting for it).
        bool modified = false;
        for (int c : view.children(t)) {
          const std::string_view rel = SentenceView::BaseRel(view.token(c).deprel);
          // "the Ugandan government", "the government of Chad": whose it is, said.
          // ("the sports ministry": a plain noun says which one, not whose.)
          modified |= ((rel == "amod" || rel == "compound") && !view.ReferencesAt(c).empty()) || rel == "nmod" ||
                      rel == "appos" || view.token(c).deprel == "nmod:poss";
        }
        const int home = modified ? -1 : HomeCountry();
        if (home >= 0) {
          Add(view.index(), begin, t + 1, {home}, ReferenceSource::kDescription);
          return {home};
        }
      } else if (!group && definite && d.type != "pair") {
        int found = Described(view, t, d);
        // "The IOC … asked the association to…": an object description is not its own
        // clause's subject; take the one before.
        const std::string_view rel = SentenceView::BaseRel(view.token(t).deprel);
        if (found >= 0 && (rel == "obj" || rel == "obl" || rel == "iobj") && view.head(t) >= 0) {
          const int subj = view.SubjectOf(view.head(t));
          if (subj >= 0) {
            int subj_ref = view.NameReferenceAt(subj);
            std::vector<int> subject_referents = subj_ref >= 0 ? refs_->references[subj_ref].referents : std::vector<int>();
            for (auto it = history_.rbegin(); it != history_.rend() && it->sentence == view.index(); ++it) {
              if (it->token == subj) subject_referents = it->referents;
            }
            if (std::find(subject_referents.begin(), subject_referents.end(), found) != subject_referents.end()) {
              found = Described(view, t, d, found);
            }
          }
        }
        if (found >= 0) {
          Add(view.index(), begin, t + 1, {found}, ReferenceSource::kDescription);
          return {found};
        }
      }
    }
    return {};
  }

  std::vector<std::pair<std::string, Coreference::Description>> Matches(const SentenceView& view, int t) const {
    std::vector<std::pair<std::string, Coreference::Description>> out;
    for (const std::string& key : {view.LowerForm(t), view.Lemma(t)}) {
      auto range = coref_.descriptions_.equal_range(key);
      for (auto it = range.first; it != range.second; ++it) out.emplace_back(it->first, it->second);
      if (!out.empty()) break;
    }
    return out;
  }

  // "It is likely that…", "it rained": no referent.
  static bool Pleonastic(const SentenceView& view, int t, PronounClass cls) {
    if (cls != PronounClass::kNeuter) return false;
    if (view.token(t).deprel == "expl") return true;
    const int h = view.head(t);
    if (h < 0) return false;
    const std::string lemma = view.Lemma(h);
    if (lemma == "seem" || lemma == "appear" || lemma == "rain" || lemma == "take") return true;
    return view.FirstChild(h, "ccomp") >= 0 || view.FirstChild(h, "csubj") >= 0 ||
           (view.FirstChild(h, "cop") >= 0 && view.FirstChild(h, "xcomp") >= 0);
  }

  bool Agrees(const Mention& m, PronounClass cls) const {
    if (cls == PronounClass::kPlural) {
      if (m.referents.size() >= 2) return true;
      const Referent& r = refs_->referents[m.referents[0]];
      return r.plural || r.kind == ReferentKind::kNorp;
    }
    if (m.referents.size() != 1) return false;
    const Referent& r = refs_->referents[m.referents[0]];
    switch (cls) {
      case PronounClass::kMale:
        return r.kind == ReferentKind::kPerson && r.gender != 'f';
      case PronounClass::kFemale:
        return r.kind == ReferentKind::kPerson && r.gender != 'm';
      case PronounClass::kNeuter:
        return (r.kind == ReferentKind::kOrg || r.kind == ReferentKind::kGpe || r.kind == ReferentKind::kLoc) &&
               !r.plural;
      default:
        return false;
    }
  }

  std::vector<int> Pronoun(const SentenceView& view, int t, PronounClass cls) const {
    // An object pronoun cannot be its own clause's subject ("He met X and urged him").
    std::vector<int> excluded;
    const std::string_view rel = SentenceView::BaseRel(view.token(t).deprel);
    const std::string lower = view.LowerForm(t);
    const bool reflexive = lower.size() > 4 && lower.compare(lower.size() - 4, 4, "self") == 0;
    if ((rel == "obj" || rel == "iobj" || rel == "obl") && !reflexive && view.head(t) >= 0) {
      const int subj = view.SubjectOf(view.head(t));
      for (auto it = history_.rbegin(); subj >= 0 && it != history_.rend() && it->sentence == view.index(); ++it) {
        if (it->token == subj) excluded = it->referents;
      }
    }
    // "Athens withdrew its warships": "its" or "their" inside an object or oblique of a
    // clause stands for that clause's subject when they agree. ("his" and "her" are left
    // to salience: "Lula did not attend his inauguration" may be another man's.)
    if ((cls == PronounClass::kNeuter || cls == PronounClass::kPlural) && view.token(t).deprel == "nmod:poss" &&
        view.head(t) >= 0) {
      const int owner_of = view.head(t);
      const std::string_view up = SentenceView::BaseRel(view.token(owner_of).deprel);
      const int verb = view.head(owner_of);
      if ((up == "obj" || up == "obl") && verb >= 0 && view.IsVerb(verb)) {
        bool passive = false;
        const int subj = view.SubjectOf(verb, &passive);
        for (auto it = history_.rbegin(); subj >= 0 && !passive && it != history_.rend() && it->sentence == view.index();
             ++it) {
          if (it->token == subj && Agrees(*it, cls)) return it->referents;
        }
      }
    }
    // "the ministry had failed to consult villages before it signed…": "it" opening an
    // adverbial clause is the subject of the clause it modifies; when that subject is a
    // thing no entity names, so is "it".
    if (cls == PronounClass::kNeuter && rel == "nsubj" && view.head(t) >= 0 &&
        SentenceView::BaseRel(view.token(view.head(t)).deprel) == "advcl" && view.FirstChild(view.head(t), "mark") >= 0) {
      const int outer = view.head(view.head(t));
      const int subj = outer >= 0 ? view.SubjectOf(outer) : -1;
      // A common noun (lower case, whatever the tagger called it), singular.
      const Token& s_tok = subj >= 0 ? view.token(subj) : view.token(t);
      const bool common = (s_tok.upos == "NOUN" || s_tok.upos == "PROPN") && !s_tok.text.empty() &&
                          std::islower(static_cast<unsigned char>(s_tok.text[0])) &&
                          s_tok.feats.find("Number=Sing") != std::string::npos;
      if (subj >= 0 && subj < t && common && view.ReferencesAt(subj).empty()) {
        bool known = false;
        for (auto it = history_.rbegin(); it != history_.rend() && it->sentence == view.index(); ++it) {
          known |= it->token == subj;
        }
        if (!known) return {};
      }
    }
    const Mention* best = nullptr;
    double best_score = -1e9;
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      const int distance = view.index() - it->sentence;
      if (distance > 3) break;
      if (!Agrees(*it, cls)) continue;
      if (it->referents.size() == 1 &&
          std::find(excluded.begin(), excluded.end(), it->referents[0]) != excluded.end()) {
        continue;
      }
      double score = -3.0 * distance + (it->subject ? 2.0 : 0.0) - 0.01 * (distance == 0 ? t - it->token : 0) -
                     0.5 * std::min(it->depth, 3);
      if (it->referents.size() == 1) {
        // The article's main characters stay salient: "he" after "placed in the care of
        // Dr Bailey" is still the biography's subject.
        const int id = it->referents[0];
        score += std::log1p(id < static_cast<int>(counts_.size()) ? counts_[id] : 0);
        const Referent& r = refs_->referents[id];
        if ((cls == PronounClass::kMale && r.gender == 'm') || (cls == PronounClass::kFemale && r.gender == 'f')) {
          score += 1.0;
        }
      }
      if (score > best_score) {
        best_score = score;
        best = &*it;
      }
    }
    return best ? best->referents : std::vector<int>();
  }

  // "Lee invited his Japanese counterpart": the person named before whose country the
  // adjective names, other than the possessor. A counterpart named right after
  // ("his counterpart, Mariela Vaca") is that name, not a reference back.
  std::vector<int> Counterpart(const SentenceView& view, int t) {
    int country = -1, owner_token = -1;
    for (int c : view.children(t)) {
      const std::string_view rel = SentenceView::BaseRel(view.token(c).deprel);
      if (rel == "appos" || rel == "flat") return {};
      if (view.token(c).deprel == "nmod:poss") owner_token = c;
      if ((rel == "amod" || rel == "compound") && c < t) {
        if (int r = view.ReferenceHeadedAt(c); r >= 0 && refs_->references[r].referents.size() == 1) {
          const int id = refs_->references[r].referents[0];
          const Referent& x = refs_->referents[id];
          country = x.country >= 0 ? x.country : id;
        }
      }
    }
    if (country < 0 || owner_token < 0 || (t + 1 < view.size() && view.token(t + 1).text == ",")) return {};
    int owner = -1;
    if (int r = view.NameReferenceAt(owner_token); r >= 0 && refs_->references[r].referents.size() == 1) {
      owner = refs_->references[r].referents[0];
    }
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->sentence == view.index() && it->token == owner_token && it->referents.size() == 1) owner = it->referents[0];
    }
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (view.index() - it->sentence > 12) break;
      if (it->referents.size() != 1 || it->referents[0] == owner) continue;
      const int id = it->referents[0];
      const Referent& r = refs_->referents[id];
      if (r.kind != ReferentKind::kPerson) continue;
      const bool tied = r.country == country ||
                        std::find(r.affiliations.begin(), r.affiliations.end(), country) != r.affiliations.end();
      if (!tied) continue;
      Add(view.index(), t, t + 1, {id}, ReferenceSource::kDescription);
      return {id};
    }
    return {};
  }

  // For a group phrase that is no subject: the referents of the subject of the verb it
  // depends on (through "between"/"with" phrases and controlled verbs), already resolved.
  std::vector<int> SubjectReferents(const SentenceView& view, int t) const {
    const std::string_view rel = SentenceView::BaseRel(view.token(t).deprel);
    if (rel == "nsubj" || rel == "csubj") return {};
    int verb = view.head(t);
    for (int steps = 0; verb >= 0 && !view.IsVerb(verb) && steps < 3; ++steps) verb = view.head(verb);
    if (verb < 0) return {};
    const int subj = view.SubjectOf(verb);
    if (subj < 0 || subj > t) return {};
    std::vector<int> out;
    for (const Mention& m : history_) {
      if (m.sentence != view.index()) continue;
      // The subject and its conjuncts ("Peru and Brazil").
      for (int x = m.token; x >= 0; x = view.head(x)) {
        if (x == subj) {
          out.insert(out.end(), m.referents.begin(), m.referents.end());
          break;
        }
        const std::string_view r = SentenceView::BaseRel(view.token(x).deprel);
        if (r != "conj" && r != "flat" && r != "compound") break;
      }
    }
    return out;
  }

  // The country the article is about when recognition found one; else the one named most
  // so far (its capital, demonyms and bodies count for it), the
  // latest named on a tie; -1 when none or when two lead with no latest to choose.
  int HomeCountry() const {
    if (refs_->home_country >= 0) return refs_->home_country;  // the dateline's, or a dominant one
    std::map<int, int> count;
    auto country_of = [&](int id) {
      const Referent& r = refs_->referents[id];
      if (r.kind == ReferentKind::kPerson) return -1;
      // A capital or demonym stands for its country; a country's body belongs to it.
      const int c = r.country >= 0 ? r.country : r.parent >= 0 ? r.parent : id;
      const Referent& x = refs_->referents[c];
      return x.kind == ReferentKind::kGpe && x.subtype == "country" ? c : -1;
    };
    for (int id = 0; id < static_cast<int>(counts_.size()); ++id) {
      if (const int c = counts_[id] > 0 ? country_of(id) : -1; c >= 0) count[c] += counts_[id];
    }
    int best = -1, best_count = 0;
    for (const auto& [c, k] : count) {
      if (k > best_count) {
        best = c;
        best_count = k;
      }
    }
    int leaders = 0;
    for (const auto& [c, k] : count) leaders += k == best_count;
    if (leaders <= 1) return best;
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {  // a tie: the latest of them
      if (it->referents.size() != 1) continue;
      const int c = country_of(it->referents[0]);
      if (c >= 0 && count[c] == best_count) return c;
    }
    return -1;
  }

  // The latest pair whose members fit `kind` (kOther: any), this sentence first.
  std::vector<int> LastPair(int sentence, ReferentKind kind, const std::vector<int>& exclude = {}) const {
    for (auto it = pairs_.rbegin(); it != pairs_.rend(); ++it) {
      if (sentence - it->sentence > 4) break;
      // "Peru and Brazil offered to mediate between the two neighbours": the actors of
      // the clause are not what its object or oblique phrase means.
      auto excluded = [&](int id) { return std::find(exclude.begin(), exclude.end(), id) != exclude.end(); };
      if (excluded(it->a) || excluded(it->b)) continue;
      const Referent& a = refs_->referents[it->a];
      const Referent& b = refs_->referents[it->b];
      auto fits = [&](const Referent& r) {
        if (kind == ReferentKind::kOther) return r.kind != ReferentKind::kDate;
        if (kind == ReferentKind::kGpe) return r.kind == ReferentKind::kGpe || r.country >= 0;
        return r.kind == kind;
      };
      if (!fits(a) || !fits(b)) continue;
      // "the two neighbours" after "Rubio warned Mexico": the countries, not the minister.
      auto as_kind = [&](int id) {
        const Referent& r = refs_->referents[id];
        return kind == ReferentKind::kGpe && r.kind == ReferentKind::kPerson && r.country >= 0 ? r.country : id;
      };
      const int x = as_kind(it->a), y = as_kind(it->b);
      if (x != y) return {x, y};
    }
    return {};
  }

  // The latest entity a definite description can mean, other than `skip`.
  int Described(const SentenceView& view, int t, const Coreference::Description& d, int skip = -1) const {
    // "the Russian president": the adjective's country must be the person's.
    int country = -1;
    for (int c : view.ChildrenWith(t, "amod")) {
      if (int r = view.ReferenceHeadedAt(c); r >= 0 && refs_->references[r].referents.size() == 1) {
        country = refs_->references[r].referents[0];
      }
    }
    // "the court", "the ministry": the latest entity whose name holds the noun, further
    // back than other descriptions reach; without one, an institution that names itself
    // by that noun ("named") means none, others the latest entity of their kind.
    const std::string noun = view.Lemma(t);
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (view.index() - it->sentence > 12) break;
      if (it->referents.size() != 1 || it->referents[0] == skip) continue;
      const Referent& r = refs_->referents[it->referents[0]];
      if (d.type == "person-role" || (r.kind != d.kind && d.kind != ReferentKind::kOther)) continue;
      auto described = descriptors_.find(it->referents[0]);
      if (NameHolds(r, noun) || (described != descriptors_.end() && described->second.count(noun))) {
        return it->referents[0];
      }
    }
    if (d.named) return -1;
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (view.index() - it->sentence > 6) break;
      if (it->referents.size() != 1 || it->referents[0] == skip) continue;
      const int id = it->referents[0];
      const Referent& r = refs_->referents[id];
      if (r.kind != d.kind && d.kind != ReferentKind::kOther) continue;
      if (d.type == "person-role") {
        if (country >= 0 && r.country >= 0 && r.country != country) continue;
        bool has_role = false;
        for (const std::string& role : r.roles) {
          const std::string folded = base::FoldName(role);
          for (const std::string& want : d.roles) {
            const size_t pos = folded.rfind(want);
            if (pos != std::string::npos && pos + want.size() == folded.size()) has_role = true;
          }
        }
        if (has_role) return id;
      } else {
        if (d.subtypes.empty() || r.subtype.empty() ||
            std::find(d.subtypes.begin(), d.subtypes.end(), r.subtype) != d.subtypes.end()) {
          return id;
        }
      }
    }
    return -1;
  }

  // True when a word of the referent's name or an alias is `noun` (case-folded).
  static bool NameHolds(const Referent& r, const std::string& noun) {
    auto holds = [&](const std::string& name) {
      for (const std::string& w : Split(name, ' ')) {
        if (base::AsciiLower(w) == noun) return true;
      }
      return false;
    };
    if (holds(r.name)) return true;
    for (const std::string& a : r.aliases) {
      if (holds(a)) return true;
    }
    return false;
  }

  void Add(int sentence, int begin, int end, std::vector<int> referents, ReferenceSource source) {
    Reference ref;
    ref.sentence = sentence;
    ref.begin = begin;
    ref.end = end;
    ref.referents = std::move(referents);
    ref.source = source;
    refs_->references.push_back(std::move(ref));
  }

  const Coreference& coref_;
  const Document& doc_;
  ArticleReferents* refs_;
  std::vector<Mention> history_;
  std::vector<int> counts_;  // mentions so far of each referent
  std::vector<Pair> pairs_;
  std::map<int, std::set<std::string>> descriptors_;  // nouns the text described each entity with
};

void Coreference::Resolve(const Document& doc, ArticleReferents* refs) const { CorefPass(*this, doc, refs).Run(); }

}  // namespace kg::extract
