#pragma once
// ClauseContext: what the clause around a predicate says about a relation besides its
// ends: whether it is denied ("did not yield", "made no concessions", "failed to"), how
// real it is (would / must / could / reportedly), who reports it ("Trump claimed that…",
// "…, officials said", "according to X"), when ("on June 4, 2025", "on Monday") and where
// ("in Istanbul"). Stateless over a SentenceView; not synchronised.

#include <string>
#include <vector>

#include "extract/relations/argument_resolver.h"
#include "extract/relations/extracted_relation.h"

namespace kg::extract {

class EventLexicon;

struct ClauseFacts {
  Polarity polarity = Polarity::kAsserted;
  Modality modality = Modality::kFactual;
  int attributed_to = -1;
  int reporting_verb = -1;  // token of the verb of saying that frames the clause, or -1
  std::string date;
  int location = -1;
};

class ClauseContext {
 public:
  // All arguments must outlive this object.
  ClauseContext(const SentenceView& view, const ArgumentResolver& args, const EventLexicon& lexicon)
      : view_(view), args_(args), lexicon_(lexicon) {}

  // Facts for the predicate at token `p` (a verb or an event noun).
  ClauseFacts For(int p) const;
  // True when `t` is a verb of saying ("say", "claim", "insist") by the lexicon.
  bool IsReporting(int t) const;
  // The speaker of reporting verb `r`: its subject, or the person it speaks "through".
  int Speaker(int r) const;
  // The clauses verb of saying `r` reports: its ccomp children and "that" clauses the
  // parser attached elsewhere below it.
  std::vector<int> ReportedClauses(int r) const;

 private:
  bool IsThatClause(int v) const;
  bool Negated(int p) const;
  Modality ModalityOf(int p) const;
  void Attribution(int p, ClauseFacts* facts) const;
  void TimeAndPlace(int p, ClauseFacts* facts) const;
  // The date inside the subtree of `t`, not descending into other clauses.
  std::string DateIn(int t, int depth) const;

  const SentenceView& view_;
  const ArgumentResolver& args_;
  const EventLexicon& lexicon_;
};

}  // namespace kg::extract
