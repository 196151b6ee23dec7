#include "extract/relations/sentence_view.h"

#include <algorithm>
#include <set>

#include "base/text.h"

namespace kg::extract {

ReferenceIndex::ReferenceIndex(const ArticleReferents& refs, int sentence_count)
    : references(sentence_count), times(sentence_count) {
  for (int r = 0; r < static_cast<int>(refs.references.size()); ++r) {
    const int s = refs.references[r].sentence;
    if (s >= 0 && s < sentence_count) references[s].push_back(r);
  }
  for (int t = 0; t < static_cast<int>(refs.times.size()); ++t) {
    const int s = refs.times[t].sentence;
    if (s >= 0 && s < sentence_count) times[s].push_back(t);
  }
}

SentenceView::SentenceView(const Sentence& sentence, int sentence_index, const ArticleReferents& refs,
                           const ReferenceIndex& index)
    : tokens_(&sentence.tokens),
      index_(sentence_index),
      heading_(sentence.heading),
      refs_(&refs),
      children_(sentence.tokens.size()),
      refs_at_(sentence.tokens.size()),
      ref_head_at_(sentence.tokens.size(), -1),
      time_at_(sentence.tokens.size(), -1) {
  const int n = size();
  for (int i = 0; i < n; ++i) {
    const int h = head(i);
    if (h >= 0 && h < n && h != i) children_[h].push_back(i);
  }
  for (int r : index.references[sentence_index]) {
    const Reference& ref = refs.references[r];
    const int b = std::max(0, ref.begin), e = std::min(n, ref.end);
    if (b >= e) continue;
    for (int i = b; i < e; ++i) refs_at_[i].push_back(r);
    // The span's head: the token whose head lies outside the span; when several do (a
    // name the parser split), the one attached as an argument rather than as a modifier.
    int span_head = e - 1, best_rank = -1;
    for (int i = b; i < e; ++i) {
      const int h = head(i);
      if (h >= b && h < e) continue;
      const std::string_view rel = BaseRel(token(i).deprel);
      const int rank = (rel == "flat" || rel == "compound" || rel == "amod" || rel == "punct" || rel == "det" ||
                        rel == "case" || rel == "goeswith")
                           ? 0
                           : 1;
      if (rank > best_rank) {
        best_rank = rank;
        span_head = i;
      }
    }
    if (ref_head_at_[span_head] < 0) ref_head_at_[span_head] = r;
  }
  for (int t : index.times[sentence_index]) {
    const TimeExpression& time = refs.times[t];
    for (int i = std::max(0, time.begin); i < std::min(n, time.end); ++i) time_at_[i] = t;
  }
}

std::string_view SentenceView::BaseRel(std::string_view deprel) {
  const size_t colon = deprel.find(':');
  return colon == std::string_view::npos ? deprel : deprel.substr(0, colon);
}

std::vector<int> SentenceView::ChildrenWith(int i, std::string_view deprel) const {
  std::vector<int> out;
  const bool exact = deprel.find(':') != std::string_view::npos;
  for (int c : children_[i]) {
    const std::string& rel = token(c).deprel;
    if (exact ? rel == deprel : BaseRel(rel) == deprel) out.push_back(c);
  }
  return out;
}

int SentenceView::FirstChild(int i, std::string_view deprel) const {
  const bool exact = deprel.find(':') != std::string_view::npos;
  for (int c : children_[i]) {
    const std::string& rel = token(c).deprel;
    if (exact ? rel == deprel : BaseRel(rel) == deprel) return c;
  }
  return -1;
}

std::string SentenceView::CaseOf(int i) const {
  std::string out;
  for (int c : children_[i]) {
    if (BaseRel(token(c).deprel) != "case") continue;
    if (!out.empty()) out += ' ';
    out += LowerForm(c);
    for (int f : children_[c]) {  // "according to": "to" is fixed to "according"
      if (token(f).deprel == "fixed") out += ' ' + LowerForm(f);
    }
  }
  return out;
}

std::string SentenceView::Lemma(int i) const {
  const Token& t = token(i);
  return base::AsciiLower(t.lemma.empty() || t.lemma == "_" ? t.text : t.lemma);
}

std::string SentenceView::LowerForm(int i) const { return base::AsciiLower(token(i).text); }

bool SentenceView::IsNoun(int i) const {
  const std::string& p = token(i).upos;
  return p == "NOUN" || p == "PROPN" || p == "PRON" || p == "NUM";
}

bool SentenceView::IsVerb(int i) const {
  const std::string& p = token(i).upos;
  return p == "VERB" || (p == "AUX" && BaseRel(token(i).deprel) != "aux" && BaseRel(token(i).deprel) != "cop");
}

bool SentenceView::Dominates(int ancestor, int i) const {
  for (int steps = 0; i >= 0 && steps <= size(); ++steps) {
    if (i == ancestor) return true;
    i = head(i);
  }
  return false;
}

bool SentenceView::IsPassive(int v) const {
  if (FirstChild(v, "aux:pass") >= 0 || FirstChild(v, "nsubj:pass") >= 0) return true;
  // A bare past participle modifying a noun or hung on a clause ("the swap agreed at the
  // talks", "…, backed by Iran") is passive unless it has an auxiliary of its own.
  const std::string_view rel = BaseRel(token(v).deprel);
  if (token(v).xpos != "VBN" || FirstChild(v, "aux") >= 0 || FirstChild(v, "nsubj") >= 0) return false;
  return (rel == "acl" && token(v).deprel != "acl:relcl") || rel == "advcl";
}

int SentenceView::SubjectOf(int v, bool* passive) const {
  static const std::set<std::string> kObjectControl = {
      "urge", "ask", "tell", "persuade", "order", "force", "allow", "encourage", "invite",
      "call", "press", "pressure", "push", "instruct", "direct", "compel", "warn", "advise",
      "help", "enable", "require", "authorize", "authorise", "permit", "convince", "beg"};
  bool dummy = false;
  bool& is_passive = passive ? *passive : dummy;
  is_passive = false;
  for (int steps = 0; v >= 0 && steps < 8; ++steps) {
    int subj = FirstChild(v, "nsubj");
    if (subj < 0) subj = FirstChild(v, "csubj");
    const std::string& rel = token(v).deprel;
    if (subj >= 0) {
      is_passive = IsPassive(v);
      // "which attacked": the relative pronoun stands for the noun the clause modifies.
      if (rel == "acl:relcl" && token(subj).upos == "PRON" && head(v) >= 0) {
        const std::string w = LowerForm(subj);
        if (w == "who" || w == "which" || w == "that" || w == "whom") return head(v);
      }
      return subj;
    }
    const int h = head(v);
    if (h < 0) return -1;
    const std::string_view base = BaseRel(rel);
    if (rel == "acl:relcl") {
      is_passive = IsPassive(v);
      return h;
    }
    if (base == "acl") {
      is_passive = IsPassive(v);
      if (!IsNoun(h)) return -1;
      // "adopted a resolution condemning X", "read a statement accusing X": a text that
      // says something says it for whoever issued it.
      static const std::set<std::string> kTexts = {
          "statement", "resolution", "letter", "report", "declaration", "communique", "motion", "decree",
          "message", "post", "video", "note", "petition", "complaint", "ruling", "verdict", "judgment",
          "judgement", "order", "bill", "law", "editorial", "speech", "address", "announcement"};
      if (token(v).xpos == "VBG" && kTexts.count(Lemma(h)) && head(h) >= 0 && IsVerb(head(h)) &&
          BaseRel(token(h).deprel) == "obj") {
        bool outer_passive = false;
        const int s = SubjectOf(head(h), &outer_passive);
        is_passive = false;
        return outer_passive ? -1 : s;
      }
      // "Iran's decision to expel…", "Armenia's call for Russia to withdraw…": an
      // infinitive on a noun is done by the one the noun asks it "for", else by its owner.
      const int mark = FirstChild(v, "mark");
      if (mark >= 0 && LowerForm(mark) == "to" && mark < v) {
        for (int c : ChildrenWith(h, "nmod")) {
          if (c < v && CaseOf(c) == "for") return c;
        }
        if (const int owner = FirstChild(h, "nmod:poss"); owner >= 0) return owner;
      }
      return h;
    }
    if (base == "xcomp") {
      if (kObjectControl.count(Lemma(h))) {
        const int obj = FirstChild(h, "obj");
        if (obj >= 0) {
          is_passive = IsPassive(v);
          return obj;
        }
      }
      v = h;
      continue;
    }
    if ((base == "advcl" || base == "acl") && token(v).xpos == "VBG") {
      // "accused the speaker of ignoring Ukraine", "thanked him for supporting", "warned
      // both countries against provoking X", "barred the team from entering": the object
      // of the governing verb does the -ing.
      const int mark = FirstChild(v, "mark") >= 0 ? FirstChild(v, "mark") : FirstChild(v, "case");
      const std::string m = mark >= 0 ? LowerForm(mark) : "";
      const int obj = FirstChild(h, "obj");
      if ((m == "of" || m == "for" || m == "against" || m == "from" || m == "into") && obj >= 0 && IsVerb(h)) {
        is_passive = false;
        return obj;
      }
      // "an agreement on resuming imports": a topic, not something the subject does.
      if (m == "on" || m == "about" || m == "over" || m == "regarding" || m == "concerning") return -1;
    }
    if (base == "advcl" && kObjectControl.count(Lemma(h)) && FirstChild(v, "mark") >= 0 &&
        LowerForm(FirstChild(v, "mark")) == "to" && FirstChild(h, "obj") >= 0) {
      // "urged both camps to settle" with the infinitive taken for a purpose clause: the
      // object of a verb of urging or allowing still does it.
      is_passive = IsPassive(v);
      return FirstChild(h, "obj");
    }
    if (base == "conj" || base == "advcl") {
      // A coordinated or participial verb shares its head's subject; its voice is its own.
      bool head_passive = false;
      const int s = SubjectOf(h, &head_passive);
      is_passive = IsPassive(v);
      return s;
    }
    return -1;
  }
  return -1;
}

int SentenceView::ReferenceHeadedAt(int i) const { return ref_head_at_[i]; }

int SentenceView::NameReferenceAt(int i) const {
  if (ref_head_at_[i] >= 0) return ref_head_at_[i];
  if (!refs_at_[i].empty()) return refs_at_[i].back();
  const std::string& upos = token(i).upos;
  if (upos != "NOUN" && upos != "PROPN" && upos != "ADJ") return -1;
  // "Prey Veng province", "the city of Samarkand": a place noun with its name is that place.
  static const std::set<std::string> kPlaceNouns = {"province", "region", "city", "town", "village", "state",
                                                    "county", "district", "island", "port", "capital", "oblast",
                                                    "prefecture", "governorate", "municipality", "territory"};
  if (upos == "NOUN" && kPlaceNouns.count(Lemma(i))) {
    for (int c : children_[i]) {
      const std::string_view rel = BaseRel(token(c).deprel);
      const std::string case_word = CaseOf(c);
      const bool before = c < i && (rel == "compound" || (rel == "nmod" && case_word.empty()));
      const bool of = c > i && rel == "nmod" && case_word == "of";
      if ((before || of) && ref_head_at_[c] >= 0) return ref_head_at_[c];
    }
  }
  for (int c : children_[i]) {
    const std::string_view rel = BaseRel(token(c).deprel);
    if (c > i && (rel == "flat" || rel == "appos" || rel == "compound") && ref_head_at_[c] >= 0) return ref_head_at_[c];
    // "the Canadian miner Northfield Resources" with the name a bare nmod of the noun.
    if (c > i && rel == "nmod" && FirstChild(c, "case") < 0 && ref_head_at_[c] >= 0 &&
        reference(ref_head_at_[c]).begin == i + 1) {
      return ref_head_at_[c];
    }
  }
  return -1;
}

std::string SentenceView::DateAt(int i) const {
  const int t = time_at_[i];
  return t < 0 ? std::string() : refs_->times[t].date;
}

}  // namespace kg::extract
