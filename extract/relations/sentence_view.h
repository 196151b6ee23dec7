#pragma once
// SentenceView: read-only navigation over one parsed sentence (children by relation,
// case markers, negation and auxiliaries), and which references cover which tokens.
// Built once per sentence; cheap queries. Holds pointers to the sentence and references,
// which must outlive it. Not synchronised; use one per thread.

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/relations/referents.h"

namespace kg::extract {

// The indexes of the references and time expressions of each sentence, built once per
// article so that each SentenceView looks only at its own (linear cost in article length).
struct ReferenceIndex {
  std::vector<std::vector<int>> references;  // per sentence: indexes into ArticleReferents::references
  std::vector<std::vector<int>> times;       // per sentence: indexes into ArticleReferents::times
  ReferenceIndex(const ArticleReferents& refs, int sentence_count);
};

class SentenceView {
 public:
  // REQUIRES: `sentence` is parsed (heads and relations set); `refs` and `index` outlive
  // the view; `index` was built from `refs` (later references are not seen).
  SentenceView(const Sentence& sentence, int sentence_index, const ArticleReferents& refs,
               const ReferenceIndex& index);

  int size() const { return static_cast<int>(tokens_->size()); }
  int index() const { return index_; }
  // True when the sentence is a heading line (no final punctuation, on its own).
  bool heading() const { return heading_; }
  const Token& token(int i) const { return (*tokens_)[i]; }
  int head(int i) const { return (*tokens_)[i].head; }
  // The relation without its subtype: "nsubj:pass" -> "nsubj".
  static std::string_view BaseRel(std::string_view deprel);
  const std::vector<int>& children(int i) const { return children_[i]; }
  // Children whose relation is exactly `deprel`, or whose base relation is `deprel` when
  // it has no ':' ("obl" matches "obl:tmod" too).
  std::vector<int> ChildrenWith(int i, std::string_view deprel) const;
  // The first such child, or -1.
  int FirstChild(int i, std::string_view deprel) const;
  // The lowercased lemma (or form) of the case marker of `i` ("to", "with"), or "" when
  // none. Multiword markers join with a space ("according to").
  std::string CaseOf(int i) const;
  // Lowercased lemma, falling back to the lowercased form.
  std::string Lemma(int i) const;
  std::string LowerForm(int i) const;
  bool IsNoun(int i) const;  // NOUN, PROPN, PRON, NUM
  bool IsVerb(int i) const;  // VERB (and AUX used as a main verb)
  // True when `ancestor` dominates `i` (or equals it).
  bool Dominates(int ancestor, int i) const;
  // The subject token of predicate `v`: its own nsubj/csubj, or one inherited from the
  // verb it is coordinated with (conj), controlled by (xcomp: the controller's object for
  // "urge X to", else its subject; also an infinitive of "urge X to" taken for a purpose
  // clause) or attached to as a participle (advcl, acl); a relative clause's subject is
  // the noun it modifies; an infinitive on a noun is done by whom the noun asks it "for",
  // else by its owner ("Iran's decision to expel"). -1 when none. `passive` (optional) is set
  // when that subject is the patient (passive voice, "drones launched by X").
  int SubjectOf(int v, bool* passive = nullptr) const;
  // True when `v` is in the passive voice (aux:pass or nsubj:pass child, or a bare past
  // participle modifying a noun).
  bool IsPassive(int v) const;

  // The references whose span contains token `i` (several only for nested spans; none
  // outside the sentence).
  const std::vector<int>& ReferencesAt(int i) const {
    static const std::vector<int> kNone;
    return i >= 0 && i < static_cast<int>(refs_at_.size()) ? refs_at_[i] : kNone;
  }
  // The reference whose syntactic head is `i` (the span token whose head lies outside
  // the span), or -1. When `i` is inside a name but is not its head, -1.
  int ReferenceHeadedAt(int i) const;
  // The reference token `i` names: its own (ReferenceHeadedAt), else one covering it,
  // else, for a title or description heading a name ("Prime Minister Abiy Ahmed" parsed
  // with "Minister" as head, "the miner Northfield Resources"), the reference of a name
  // attached right after it, and for a place noun its name ("Prey Veng province", "the
  // city of Tartu"). -1 when none.
  int NameReferenceAt(int i) const;
  const Reference& reference(int r) const { return refs_->references[r]; }
  const ArticleReferents& referents() const { return *refs_; }
  // The date of a time expression covering token `i`, or "".
  std::string DateAt(int i) const;

 private:
  const std::vector<Token>* tokens_;
  int index_;
  bool heading_;
  const ArticleReferents* refs_;
  std::vector<std::vector<int>> children_;
  std::vector<std::vector<int>> refs_at_;
  std::vector<int> ref_head_at_;
  std::vector<int> time_at_;
};

}  // namespace kg::extract
