#include "extract/relations/clause_context.h"

#include <set>
#include <string>

#include "extract/relations/event_lexicon.h"

namespace kg::extract {

namespace {

const std::set<std::string>& NegatingControllers() {
  static const std::set<std::string> k = {"fail", "refuse", "decline", "neglect", "cease", "omit"};
  return k;
}

const std::set<std::string>& IntendingControllers() {
  static const std::set<std::string> k = {
      "plan",   "intend", "aim",     "want",    "seek",   "hope",     "expect", "vow",
      "pledge", "promise", "threaten", "prepare", "offer", "agree",    "decide", "try",
      "attempt", "poise",  "set",     "go",      "wish",   "propose",  "mean",   "schedule",
      "due",    "poised",  "likely",  "ready",   "eager",  "determined", "expected"};
  return k;
}

bool IsHedge(const std::string& lemma) {
  return lemma == "reportedly" || lemma == "allegedly" || lemma == "apparently" ||
         lemma == "purportedly" || lemma == "supposedly" || lemma == "reputedly";
}

bool IsClausal(std::string_view base) {
  return base == "ccomp" || base == "advcl" || base == "acl" || base == "xcomp" || base == "conj" ||
         base == "parataxis" || base == "csubj";
}

// Stronger modality wins: reported > obligation > possible > intended > factual.
int Rank(Modality m) {
  switch (m) {
    case Modality::kReported:
      return 4;
    case Modality::kObligation:
      return 3;
    case Modality::kPossible:
      return 2;
    case Modality::kIntended:
      return 1;
    case Modality::kFactual:
      return 0;
  }
  return 0;
}

void Raise(Modality m, Modality* current) {
  if (Rank(m) > Rank(*current)) *current = m;
}

}  // namespace

bool ClauseContext::IsThatClause(int v) const {
  const int mark = view_.FirstChild(v, "mark");
  return mark >= 0 && view_.LowerForm(mark) == "that" && view_.IsVerb(v);
}

std::vector<int> ClauseContext::ReportedClauses(int r) const {
  std::vector<int> out = view_.ChildrenWith(r, "ccomp");
  for (int v = 0; v < view_.size(); ++v) {
    if (v == r || !IsThatClause(v) || SentenceView::BaseRel(view_.token(v).deprel) == "ccomp") continue;
    ClauseFacts facts;
    Attribution(v, &facts);
    if (facts.reporting_verb == r) out.push_back(v);
  }
  return out;
}

bool ClauseContext::IsReporting(int t) const {
  if (t < 0 || !view_.IsVerb(t)) return false;
  const EventSense* sense = lexicon_.Verb(view_.Lemma(t));
  return sense != nullptr && sense->reporting;
}

int ClauseContext::Speaker(int r) const {
  // "The White House, through its press secretary, said": the person speaks, whether the
  // phrase hangs on the verb or on its subject.
  const int subj = view_.SubjectOf(r);
  for (int holder : {r, subj}) {
    if (holder < 0) continue;
    for (int c : view_.children(holder)) {
      const std::string_view rel = SentenceView::BaseRel(view_.token(c).deprel);
      if ((rel != "obl" && rel != "nmod") || view_.CaseOf(c) != "through") continue;
      Argument who = args_.Named(c);
      if (who.referents.size() == 1) return who.referents[0];
    }
  }
  if (subj < 0) return -1;
  Argument who = args_.Actor(subj);
  return who.referents.size() == 1 ? who.referents[0] : -1;
}

bool ClauseContext::Negated(int p) const {
  for (int steps = 0; p >= 0 && steps < 6; ++steps) {
    for (int c : view_.children(p)) {
      const std::string_view rel = SentenceView::BaseRel(view_.token(c).deprel);
      const std::string lemma = view_.Lemma(c);
      if ((rel == "advmod" || rel == "neg" || rel == "discourse") &&
          (lemma == "not" || lemma == "n't" || lemma == "never")) {
        return true;
      }
      if (rel == "nsubj" || rel == "obj") {
        if (lemma == "nobody" || lemma == "none" || lemma == "neither" || lemma == "nothing") return true;
        for (int d : view_.ChildrenWith(c, "det")) {
          const std::string det = view_.Lemma(d);
          if (det == "no" || det == "neither") return true;
        }
      }
      if (rel == "mark" && lemma == "without") return true;
    }
    const std::string_view rel = SentenceView::BaseRel(view_.token(p).deprel);
    if (rel != "xcomp") return false;
    p = view_.head(p);
    if (p >= 0 && NegatingControllers().count(view_.Lemma(p))) return true;
  }
  return false;
}

Modality ClauseContext::ModalityOf(int p) const {
  Modality m = Modality::kFactual;
  for (int steps = 0; p >= 0 && steps < 6; ++steps) {
    for (int c : view_.children(p)) {
      const std::string_view rel = SentenceView::BaseRel(view_.token(c).deprel);
      const std::string lemma = view_.Lemma(c);
      if (rel == "advmod" && IsHedge(lemma)) Raise(Modality::kReported, &m);
      if (rel != "aux") continue;
      if (lemma == "must" || lemma == "should" || lemma == "ought" || lemma == "shall") {
        Raise(Modality::kObligation, &m);
      } else if (lemma == "could" || lemma == "may" || lemma == "might" || lemma == "can") {
        Raise(Modality::kPossible, &m);
      } else if (lemma == "will" || lemma == "would" || lemma == "'ll" || lemma == "wo" || lemma == "'d") {
        Raise(Modality::kIntended, &m);
      }
    }
    const std::string& rel = view_.token(p).deprel;
    // Controlled, coordinated and purpose clauses ("travel … to meet X") share the modality
    // of the verb they hang on.
    const bool purpose = SentenceView::BaseRel(rel) == "advcl" && view_.FirstChild(p, "mark") >= 0 &&
                         view_.Lemma(view_.FirstChild(p, "mark")) == "to";
    if (SentenceView::BaseRel(rel) != "xcomp" && SentenceView::BaseRel(rel) != "conj" && !purpose) break;
    const int h = view_.head(p);
    if (h < 0) break;
    if (SentenceView::BaseRel(rel) == "xcomp") {
      const std::string controller = view_.Lemma(h);
      if (controller == "have" || controller == "need" || controller == "oblige" || controller == "require") {
        Raise(Modality::kObligation, &m);
      } else if (IntendingControllers().count(controller)) {
        Raise(Modality::kIntended, &m);
      }
    }
    p = h;
  }
  return m;
}

void ClauseContext::Attribution(int p, ClauseFacts* facts) const {
  auto take_speaker = [&](int r) {
    facts->reporting_verb = r;
    facts->attributed_to = Speaker(r);
  };
  // "…, officials said" / "according to X" on the predicate's own clause or its governors.
  int q = p;
  for (int steps = 0; q >= 0 && steps < 6; ++steps) {
    for (int c : view_.children(q)) {
      const std::string_view rel = SentenceView::BaseRel(view_.token(c).deprel);
      if (rel == "parataxis" && IsReporting(c)) {
        take_speaker(c);
        return;
      }
      if ((rel == "obl" || rel == "nmod") && view_.CaseOf(c) == "according to") {
        facts->reporting_verb = c;
        Argument who = args_.Actor(c);
        if (who.referents.size() == 1) facts->attributed_to = who.referents[0];
        return;
      }
    }
    const std::string_view rel = SentenceView::BaseRel(view_.token(q).deprel);
    const int h = view_.head(q);
    if (h < 0) return;
    if ((rel == "ccomp" || rel == "parataxis") && IsReporting(h)) {
      take_speaker(h);
      return;
    }
    // A "that" clause the parser hung somewhere else under a verb of saying ("said on
    // Friday that Greece had…" with the clause on "Friday") is still what was said.
    if (IsThatClause(q) && (rel == "acl" || rel == "obl" || rel == "nmod")) {
      for (int up = h, hops = 0; up >= 0 && hops < 3; up = view_.head(up), ++hops) {
        if (IsReporting(up)) {
          take_speaker(up);
          return;
        }
      }
    }
    if (rel != "conj" && rel != "xcomp" && rel != "advcl" && rel != "ccomp") return;
    q = h;
  }
}

std::string ClauseContext::DateIn(int t, int depth) const {
  if (std::string d = view_.DateAt(t); !d.empty()) return d;
  if (depth <= 0) return "";
  for (int c : view_.children(t)) {
    if (IsClausal(SentenceView::BaseRel(view_.token(c).deprel))) continue;
    if (std::string d = DateIn(c, depth - 1); !d.empty()) return d;
  }
  return "";
}

void ClauseContext::TimeAndPlace(int p, ClauseFacts* facts) const {
  for (int c : view_.children(p)) {
    const std::string& rel = view_.token(c).deprel;
    const std::string_view base = SentenceView::BaseRel(rel);
    if (base != "obl" && base != "nmod" && base != "advmod" && base != "nummod" && base != "compound" &&
        base != "obj") {
      continue;
    }
    if (facts->date.empty()) facts->date = DateIn(c, 4);
    if (facts->location < 0 && (base == "obl" || base == "nmod")) {
      const std::string case_word = view_.CaseOf(c);
      if (case_word == "in" || case_word == "at" || case_word == "near" || case_word == "outside") {
        Argument where = args_.Named(c);
        const auto& referents = view_.referents().referents;
        if (where.referents.size() == 1) {
          const ReferentKind kind = referents[where.referents[0]].kind;
          if (kind == ReferentKind::kGpe || kind == ReferentKind::kLoc) facts->location = where.referents[0];
        }
      }
    }
  }
  // "X happened on Monday, officials said": a date the parser hung on the verb of saying
  // but written before its subject belongs to the reported event.
  if (facts->date.empty() && SentenceView::BaseRel(view_.token(p).deprel) == "ccomp") {
    const int r = view_.head(p);
    const int speaker = r >= 0 ? view_.SubjectOf(r) : -1;
    if (r >= 0 && speaker > p && IsReporting(r)) {
      for (int c : view_.children(r)) {
        const std::string_view base = SentenceView::BaseRel(view_.token(c).deprel);
        if (c > p && c < speaker && (base == "obl" || base == "nmod" || base == "advmod")) {
          if (std::string d = DateIn(c, 3); !d.empty()) {
            facts->date = d;
            break;
          }
        }
      }
    }
  }
  // A conjoined or controlled predicate without its own date shares its governor's
  // ("met on Monday and agreed to…").
  if (facts->date.empty()) {
    const std::string_view rel = SentenceView::BaseRel(view_.token(p).deprel);
    const int h = view_.head(p);
    if (h >= 0 && (rel == "xcomp" || rel == "conj")) {
      for (int c : view_.children(h)) {
        const std::string_view base = SentenceView::BaseRel(view_.token(c).deprel);
        if (base != "obl" && base != "nmod" && base != "advmod") continue;
        if (std::string d = DateIn(c, 3); !d.empty()) {
          facts->date = d;
          break;
        }
      }
    }
  }
}

ClauseFacts ClauseContext::For(int p) const {
  ClauseFacts facts;
  facts.polarity = Negated(p) ? Polarity::kNegated : Polarity::kAsserted;
  facts.modality = ModalityOf(p);
  Attribution(p, &facts);
  TimeAndPlace(p, &facts);
  return facts;
}

}  // namespace kg::extract
