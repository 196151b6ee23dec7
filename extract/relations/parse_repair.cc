#include "extract/relations/parse_repair.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <vector>

#include "base/text.h"

namespace kg::extract {

namespace {

std::string_view Base(const std::string& deprel) {
  const size_t colon = deprel.find(':');
  return colon == std::string::npos ? std::string_view(deprel) : std::string_view(deprel).substr(0, colon);
}

bool HasChild(const Sentence& s, int head, std::string_view base) {
  for (const Token& t : s.tokens) {
    if (t.head == head && Base(t.deprel) == base) return true;
  }
  return false;
}

bool Dominates(const Sentence& s, int ancestor, int i) {
  for (int steps = 0; i >= 0 && steps <= static_cast<int>(s.tokens.size()); ++steps) {
    if (i == ancestor) return true;
    i = s.tokens[i].head;
  }
  return false;
}

bool IsNominal(const Token& t) { return t.upos == "PROPN" || t.upos == "NOUN" || t.upos == "PRON"; }

// Makes `verb` take the place `subject` had in the tree (mostly the root) and `subject`
// its subject by `relation`; punctuation from token `from` on that hung on the subject
// follows the verb.
void RaiseVerbOverSubject(std::vector<Token>& tokens, int verb, int subject, int from,
                          const char* relation = "nsubj") {
  tokens[verb].head = tokens[subject].head;
  tokens[verb].deprel = tokens[subject].deprel;
  tokens[subject].head = verb;
  tokens[subject].deprel = relation;
  for (int t = std::max(from, 0); t < static_cast<int>(tokens.size()); ++t) {
    if (tokens[t].head == subject && Base(tokens[t].deprel) == "punct") tokens[t].head = verb;
  }
}

// "with Hegseth skipping…": the noun phrase just before a subjectless -ing verb.
void AbsoluteParticiples(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 1; v < n; ++v) {
    Token& verb = tokens[v];
    if (verb.upos != "VERB" || verb.xpos != "VBG") continue;
    if (HasChild(*s, v, "nsubj") || HasChild(*s, v, "csubj")) continue;
    const std::string_view rel = Base(verb.deprel);
    if (rel != "acl" && rel != "advcl" && rel != "conj" && rel != "xcomp") continue;
    // The head of the noun phrase ending right before the verb.
    int np = v - 1;
    if (!IsNominal(tokens[np])) continue;
    while (tokens[np].head > np && tokens[np].head < v && IsNominal(tokens[tokens[np].head])) np = tokens[np].head;
    const std::string_view np_rel = Base(tokens[np].deprel);
    bool introduced = false;
    if (np_rel == "nmod" || np_rel == "obl") {
      // "with Hegseth skipping": introduced by with/without.
      for (int t = 0; t < np; ++t) {
        if (tokens[t].head != np || Base(tokens[t].deprel) != "case") continue;
        const std::string w = base::AsciiLower(tokens[t].text);
        introduced = w == "with" || w == "without";
      }
    } else if (np_rel == "conj") {
      // "Putin justifying retaliation and Trump urging dialogue": parallel to the object
      // of another -ing verb.
      const int h = tokens[np].head;
      const int g = h >= 0 ? tokens[h].head : -1;
      introduced = h >= 0 && Base(tokens[h].deprel) == "obj" && g >= 0 && tokens[g].xpos == "VBG";
    }
    if (!introduced || Dominates(*s, np, v)) continue;
    // The verb keeps its place; the noun becomes its subject, dropping any case marker.
    tokens[np].head = v;
    tokens[np].deprel = "nsubj";
    for (Token& t : tokens) {
      if (t.head == np && Base(t.deprel) == "case") {
        t.head = v;
        t.deprel = "mark";
      }
    }
    if (Base(verb.deprel) == "conj" && verb.head >= 0 && !IsNominal(tokens[verb.head])) continue;
    if (rel == "acl" || rel == "conj") {
      // Attach the clause to the nearest verb above it, as the adverbial it is.
      int h = verb.head;
      while (h >= 0 && tokens[h].upos != "VERB") h = tokens[h].head;
      if (h >= 0 && h != v && !Dominates(*s, v, h)) {
        verb.head = h;
        verb.deprel = "advcl";
      }
    }
  }
}

// "Castell alleges(NNS) that Meridian's board shared…" with the verb of saying tagged as a
// plural noun, its subject as a compound and its clause as an adjectival one: a root noun
// that is a verb of saying with a that-clause and a name before it is the verb.
void SayingVerbsTaggedAsNouns(Sentence* s, const std::function<bool(const std::string&)>& is_reporting) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 1; v < n; ++v) {
    Token& word = tokens[v];
    if (word.head >= 0 || word.upos != "NOUN" || word.xpos != "NNS" || !is_reporting(base::AsciiLower(word.lemma))) continue;
    int subject = -1, clause = -1;
    for (int t = 0; t < n; ++t) {
      if (tokens[t].head != v) continue;
      if (t < v && Base(tokens[t].deprel) == "compound" && tokens[t].upos == "PROPN") subject = t;
      if (t > v && (Base(tokens[t].deprel) == "acl" || Base(tokens[t].deprel) == "ccomp") && tokens[t].upos == "VERB") {
        for (int m = v + 1; m < t; ++m) {
          if (tokens[m].head == t && Base(tokens[m].deprel) == "mark" && base::AsciiLower(tokens[m].text) == "that") clause = t;
        }
      }
    }
    if (subject < 0 || clause < 0) continue;
    word.upos = "VERB";
    word.xpos = "VBZ";
    tokens[subject].deprel = "nsubj";
    tokens[clause].deprel = "ccomp";
  }
}

// "Trump stressed that X… and claimed that Y": put "claimed" beside "stressed".
void CoordinatedReporting(Sentence* s, const std::function<bool(const std::string&)>& is_reporting) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int c = 0; c < n; ++c) {
    Token& verb = tokens[c];
    if (Base(verb.deprel) != "conj" || verb.upos != "VERB" || !is_reporting(base::AsciiLower(verb.lemma))) continue;
    if (HasChild(*s, c, "nsubj") || !HasChild(*s, c, "ccomp")) continue;
    const int first = verb.head;
    if (first < 0 || Base(tokens[first].deprel) != "ccomp") continue;
    const int reporting = tokens[first].head;
    if (reporting < 0 || !is_reporting(base::AsciiLower(tokens[reporting].lemma))) continue;
    verb.head = reporting;
  }
}


// Punctuation has no dependents in UD; what the parser hung on a comma belongs to the
// comma's head ("Ukraine's leader , Volodymyr Zelenskyy ,").
void ChildrenOfPunctuation(Sentence* s) {
  auto& tokens = s->tokens;
  for (Token& t : tokens) {
    for (int hops = 0; hops < 4 && t.head >= 0 && tokens[t.head].upos == "PUNCT"; ++hops) t.head = tokens[t.head].head;
  }
}

// "pledged a(obj) combined $(obj) 1.2 billion to X", "an agreement with(nmod) Corvin
// Air(appos)": an article or a preposition taken for an argument hands its place to the
// word it introduces, and becomes its determiner or case marker.
void FunctionWordsAsArguments(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int d = 0; d < n; ++d) {
    const std::string_view rel = Base(tokens[d].deprel);
    const bool article = tokens[d].upos == "DET";
    const bool preposition = tokens[d].upos == "ADP";
    if (!article && !preposition) continue;
    if (rel != "obj" && rel != "nsubj" && rel != "obl" && (!preposition || rel != "nmod")) continue;
    const std::string w = base::AsciiLower(tokens[d].text);
    if (article && w != "a" && w != "an" && w != "the") continue;
    int noun = -1;
    for (int t = d + 1; t < n && noun < 0; ++t) {
      if (tokens[t].head == d && tokens[t].upos != "PUNCT") noun = t;
    }
    if (noun < 0 || (preposition && !IsNominal(tokens[noun]))) continue;
    tokens[noun].head = tokens[d].head;
    tokens[noun].deprel = preposition && rel == "obj" ? "obl" : tokens[d].deprel;
    for (Token& t : tokens) {
      if (&t != &tokens[noun] && t.head == d) t.head = noun;
    }
    tokens[d].head = noun;
    tokens[d].deprel = article ? "det" : "case";
  }
}

// "met his counterpart, Prince Faisal, in Beijing(nsubj) … and pledged": a noun with a
// preposition is no subject but an oblique; and an apposition follows the noun it renames
// ("his counterpart, Prince Faisal,"), whatever later word the parser hung it on.
void PrepositionalSubjectsAndAppositions(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int t = 0; t < n; ++t) {
    if (Base(tokens[t].deprel) != "nsubj" || !IsNominal(tokens[t])) continue;
    for (int c = 0; c < t; ++c) {
      if (tokens[c].head == t && Base(tokens[c].deprel) == "case" && tokens[c].upos == "ADP") {
        tokens[t].deprel = "obl";
        break;
      }
    }
  }
  for (int a = 2; a < n; ++a) {
    if (Base(tokens[a].deprel) != "appos" || tokens[a].head <= a || tokens[a - 1].text != ",") continue;
    const int noun = a - 2;
    if (tokens[noun].upos != "NOUN" || Dominates(*s, a, noun)) continue;
    tokens[a].head = noun;
  }
}

// "investigated by the KFTC last year" parsed as one noun phrase "the KFTC last year": a
// name compounded onto a time noun is the argument, the time its own modifier.
void NamesBeforeTimeNouns(Sentence* s) {
  static const std::set<std::string> kTime = {"year", "week", "month", "day", "night", "morning", "evening",
                                              "afternoon", "weekend", "monday", "tuesday", "wednesday",
                                              "thursday", "friday", "saturday", "sunday"};
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int y = 1; y < n; ++y) {
    const std::string_view rel = Base(tokens[y].deprel);
    if (!kTime.count(base::AsciiLower(tokens[y].text)) || (rel != "obl" && rel != "nsubj" && rel != "obj")) continue;
    int name = -1;
    for (int c = 0; c < y; ++c) {
      if (tokens[c].head == y && Base(tokens[c].deprel) == "compound" && tokens[c].upos == "PROPN") name = c;
    }
    if (name < 0) continue;
    bool time_word = false;  // "last year", "next week", "on Monday": a time, not a name's head
    for (int c = name + 1; c < y; ++c) {
      const std::string w = base::AsciiLower(tokens[c].text);
      time_word = time_word || w == "last" || w == "next" || w == "this" || w == "that" || w == "early" || w == "late";
    }
    if (!time_word) continue;
    const int verb = tokens[y].head;
    tokens[name].head = verb;
    tokens[name].deprel = tokens[y].deprel;
    for (int c = 0; c < name; ++c) {  // "by the" go with the name
      if (tokens[c].head == y) tokens[c].head = name;
    }
    tokens[y].deprel = "obl:tmod";
  }
}

// "postponed after Algiers(obl) recalled its ambassador": a word that is both a
// preposition and a subordinator ("after", "before", "since") taken for the preposition
// of the next verb's subject; that verb has no subject of its own.
bool IsFinite(const Sentence& s, int v);

void SubordinatorsTakenForPrepositions(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 2; v < n; ++v) {
    if (tokens[v].upos != "VERB" || !IsFinite(*s, v) || HasChild(*s, v, "nsubj") || HasChild(*s, v, "mark")) continue;
    int np = -1;
    for (int t = 0; t < v; ++t) {
      if (tokens[t].head == v && Base(tokens[t].deprel) == "obl" && IsNominal(tokens[t])) np = t;
    }
    if (np < 0) continue;
    bool adjacent = true;  // the noun phrase ends right before the verb
    for (int t = np + 1; t < v; ++t) adjacent = adjacent && Dominates(*s, np, t);
    if (!adjacent) continue;
    int marker = -1;
    for (int t = 0; t < np; ++t) {
      const std::string w = base::AsciiLower(tokens[t].text);
      if (tokens[t].head == np && Base(tokens[t].deprel) == "case" &&
          (w == "after" || w == "before" || w == "since" || w == "until" || w == "as")) {
        marker = t;
      }
    }
    if (marker < 0) continue;
    tokens[np].deprel = "nsubj";
    tokens[marker].head = v;
    tokens[marker].deprel = "mark";
    if (Base(tokens[v].deprel) == "ccomp" || Base(tokens[v].deprel) == "conj") tokens[v].deprel = "advcl";
  }
}

// Two subjects on one verb: "Opposition leader Tomasz Wielgosz accused" (a title taken for
// a subject) or "Mr Trump and President Putin spoke" (a coordination missed).
void DuplicateSubjects(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 0; v < n; ++v) {
    std::vector<int> subjects;
    for (int i = 0; i < n; ++i) {
      if (tokens[i].head == v && Base(tokens[i].deprel) == "nsubj") subjects.push_back(i);
    }
    for (size_t k = 1; k < subjects.size(); ++k) {
      const int first = subjects[0], later = subjects[k];
      if (later > v) continue;  // a subject after the verb is another construction
      int cc = -1;
      for (int i = first + 1; i < later; ++i) {
        if (tokens[i].upos == "CCONJ") cc = i;
      }
      if (cc >= 0) {
        tokens[later].head = first;
        tokens[later].deprel = "conj";
        tokens[cc].head = later;
        tokens[cc].deprel = "cc";
      } else if (tokens[first].upos == "NOUN" && tokens[later].upos == "PROPN") {
        // The common noun is the title of the name after it.
        for (int i = first; i < later; ++i) {
          if (tokens[i].head == v) {
            tokens[i].head = later;
            tokens[i].deprel = "compound";
          }
        }
      } else if (tokens[first].upos == "PROPN" && tokens[later].upos == "NOUN") {
        // "A Coast Guard (CCG) ship collided": a name right before a common noun
        // qualifies it, when nothing but the name's own words stands between them.
        bool adjacent = true;
        for (int i = first + 1; i < later; ++i) adjacent = adjacent && (Dominates(*s, first, i) || tokens[i].head == later);
        if (!adjacent) continue;
        tokens[first].head = later;
        tokens[first].deprel = "compound";
        for (int i = 0; i < first; ++i) {  // "A" belongs to the noun phrase's head
          if (tokens[i].head == first && Base(tokens[i].deprel) == "det") tokens[i].head = later;
        }
      }
    }
  }
}

bool IsFinite(const Sentence& s, int v) {
  const std::string& x = s.tokens[v].xpos;
  return x == "VBD" || x == "VBZ" || x == "VBP" || HasChild(s, v, "aux");
}

// ", and Colombian Foreign Minister Laura Sarabia said…": a name the parser coordinated
// with something earlier, standing right before a finite verb without a subject, and
// opening its conjunct with "and"/"but", is that verb's subject.
void OrphanSubjects(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 1; v < n; ++v) {
    if (tokens[v].upos != "VERB" || !IsFinite(*s, v)) continue;
    if (HasChild(*s, v, "nsubj") || HasChild(*s, v, "csubj") || HasChild(*s, v, "expl")) continue;
    int np = v - 1;
    if (!IsNominal(tokens[np])) continue;
    while (tokens[np].head > np && tokens[np].head < v && IsNominal(tokens[tokens[np].head])) np = tokens[np].head;
    // flat names hang on their first word
    if (Base(tokens[np].deprel) == "flat" && tokens[np].head >= 0) np = tokens[np].head;
    const std::string_view rel = Base(tokens[np].deprel);
    if (rel != "conj" || tokens[np].head >= np || Dominates(*s, np, v)) continue;
    int cc = -1;
    for (int i = 0; i < n; ++i) {
      if (tokens[i].head == np && Base(tokens[i].deprel) == "cc") cc = i;
    }
    if (cc < 0) continue;
    tokens[np].head = v;
    tokens[np].deprel = "nsubj";
    tokens[cc].head = v;
  }
}

// "X imposed tariffs on Y on Tuesday, and Beijing retaliated": an oblique before the
// "and" that opens a conjunct cannot belong to that conjunct's verb; it belongs to the
// verb before it.
void ObliquesBeforeConjunct(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int o = 0; o < n; ++o) {
    const int h = tokens[o].head;
    if (h <= o || Base(tokens[o].deprel) != "obl" || tokens[h].upos != "VERB") continue;
    // The "and" may hang on the verb or on its subject.
    int cc = -1;
    for (int i = o + 1; i < h; ++i) {
      const int ch = tokens[i].head;
      if (Base(tokens[i].deprel) == "cc" && ch >= 0 && (ch == h || (tokens[ch].head == h && Base(tokens[ch].deprel) == "nsubj"))) {
        cc = i;
      }
    }
    if (cc < 0) continue;
    int before = -1;
    for (int i = o - 1; i >= 0; --i) {
      if (tokens[i].upos == "VERB") {
        before = i;
        break;
      }
    }
    if (before < 0 || Dominates(*s, o, before)) continue;
    tokens[o].head = before;
  }
}


// "Hours after the deal, Castell Logistics, which made a rival offer, sued…" with the
// relative clause hung on "Hours" (or on a verb: "organised by the Association, which
// accused…"): a clause opened by ", which" or ", who" right after a
// name is about that name (unless the name only completes the noun the clause is on:
// "the head of the union, who").
void RelativeClauseAntecedents(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int r = 0; r < n; ++r) {
    // The parser may hang it on a verb as an adverbial relative ("advcl:relcl").
    if (tokens[r].deprel != "acl:relcl" && tokens[r].deprel != "advcl:relcl") continue;
    int pronoun = -1;
    for (int t = 0; t < r; ++t) {
      const std::string w = base::AsciiLower(tokens[t].text);
      if (tokens[t].head == r && (w == "who" || w == "which")) pronoun = t;
    }
    if (pronoun < 2 || tokens[pronoun - 1].text != ",") continue;
    int np = pronoun - 2;
    if (tokens[np].upos == "PUNCT" && tokens[np].text == ")" && np >= 3 && tokens[np - 2].text == "(") np -= 3;
    while (np >= 0 && Base(tokens[np].deprel) == "flat" && tokens[np].head >= 0 && tokens[np].head < np) np = tokens[np].head;
    if (np < 0 || tokens[np].upos != "PROPN") continue;
    const int antecedent = tokens[r].head;
    if (antecedent == np || Dominates(*s, r, np) || Dominates(*s, np, antecedent)) continue;
    if (tokens[np].head == antecedent && Base(tokens[np].deprel) == "nmod") continue;
    tokens[r].head = np;
    tokens[r].deprel = "acl:relcl";
  }
}

// "Macron, who hosted the meeting, praised Germany" parsed with "praised" coordinated
// into the relative clause and the name as the root: a verb after the comma that closes a
// relative clause, joined without "and", is the main verb, the name its subject.
void MainVerbAfterRelativeOnRoot(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int r = 0; r < n; ++r) {
    if (tokens[r].deprel != "acl:relcl" || tokens[r].upos != "VERB") continue;
    const int antecedent = tokens[r].head;
    if (antecedent < 0 || antecedent > r || tokens[antecedent].head >= 0 || !IsNominal(tokens[antecedent])) continue;
    int close = -1;
    for (int t = r + 1; t < n && close < 0; ++t) {
      if (tokens[t].text == ",") close = t;
    }
    if (close < 0 || close + 1 >= n) continue;
    const int c = close + 1;
    if (tokens[c].head != r || Base(tokens[c].deprel) != "conj" || tokens[c].upos != "VERB" || !IsFinite(*s, c)) continue;
    if (HasChild(*s, c, "cc") || HasChild(*s, c, "nsubj")) continue;
    RaiseVerbOverSubject(tokens, c, antecedent, c + 1);
    tokens[close].head = c;
    return;
  }
}

// "Wielgosz, who heads the Front, told reporters…" parsed with "the Front" as the subject
// of "told": a non-restrictive relative clause ends at its closing comma, so a noun inside
// it is its verb's object, and the verb after the comma is the antecedent's.
void RelativeClauseClosure(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int r = 0; r < n; ++r) {
    if (tokens[r].deprel != "acl:relcl" || tokens[r].upos != "VERB") continue;
    const int antecedent = tokens[r].head;
    if (antecedent < 0 || antecedent > r) continue;
    int rel_pronoun = -1;
    for (int t = antecedent + 1; t < r; ++t) {
      const std::string w = base::AsciiLower(tokens[t].text);
      if (tokens[t].head == r && Base(tokens[t].deprel) == "nsubj" && (w == "who" || w == "which")) rel_pronoun = t;
    }
    if (rel_pronoun < 0 || rel_pronoun == 0 || tokens[rel_pronoun - 1].text != ",") continue;
    int close = -1;
    for (int t = r + 1; t < n; ++t) {
      if (tokens[t].text == ",") {
        close = t;
        break;
      }
    }
    if (close < 0) continue;
    for (int o = r + 1; o < close; ++o) {
      const int v = tokens[o].head;
      if (v <= close || Base(tokens[o].deprel) != "nsubj" || !IsNominal(tokens[o]) || tokens[v].upos != "VERB") continue;
      const std::string_view antecedent_rel = Base(tokens[antecedent].deprel);
      if (antecedent_rel != "root" && antecedent_rel != "nsubj") break;
      if (HasChild(*s, r, "obj")) break;
      tokens[o].head = r;
      tokens[o].deprel = "obj";
      // Unless the antecedent already was the verb's subject (then only the object moved),
      // the verb takes the antecedent's place and the rest of the sentence follows it.
      if (tokens[antecedent].head != v) RaiseVerbOverSubject(tokens, v, antecedent, close + 1);
      break;
    }
  }
}


// "The WHO(WP) criticised(acl:relcl) Sunvale" with an acronym taken for a pronoun and its
// article for the root: after "the", a pronoun written in capitals is a name; the clause
// it was taken to open is the main clause it is the subject of.
void AcronymsTakenForPronouns(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int t = 1; t < n; ++t) {
    Token& tok = tokens[t];
    if (tok.upos != "PRON" || tok.text.size() < 2) continue;
    if (!std::all_of(tok.text.begin(), tok.text.end(), [](unsigned char c) { return std::isupper(c); })) continue;
    const int det = t - 1;
    if (tokens[det].upos != "DET" || (tokens[det].text != "the" && tokens[det].text != "The")) continue;
    tok.upos = "PROPN";
    tok.xpos = "NNP";
    tok.lemma = tok.text;
    tok.feats = "Number=Sing";
    if (tok.head == det) {
      // "to the WHO" with the article heading the name: the name takes its place.
      tok.head = tokens[det].head;
      tok.deprel = tokens[det].deprel;
      for (int c = 0; c < n; ++c) {
        if (c != t && tokens[c].head == det) tokens[c].head = t;
      }
      tokens[det].head = t;
      tokens[det].deprel = "det";
      continue;
    }
    const int v = tok.head;
    if (v < 0 || tokens[v].deprel != "acl:relcl" || tokens[v].head != det) continue;
    // The article heads the clause: hand its place to the verb.
    tokens[v].head = tokens[det].head;
    tokens[v].deprel = tokens[det].deprel;
    for (int c = 0; c < n; ++c) {
      if (c != t && tokens[c].head == det) tokens[c].head = v;
    }
    tokens[det].head = t;
    tokens[det].deprel = "det";
  }
}

// "Ecuador accused Colombia(nsubj) of failing to stop…": a clause's marker comes before
// its subject, so a noun before the marker of the -ing or infinitive clause it was made
// the subject of is the object of the verb that clause hangs on.
void SubjectsBeforeMarkers(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 0; v < n; ++v) {
    const int h = tokens[v].head;
    if (h < 0 || tokens[v].upos != "VERB" || tokens[h].upos != "VERB") continue;
    const std::string_view rel = Base(tokens[v].deprel);
    if (rel != "advcl" && rel != "xcomp" && rel != "acl") continue;
    if (tokens[v].xpos != "VBG" && tokens[v].xpos != "VB") continue;
    int mark = -1, subj = -1;
    for (int t = h + 1; t < v; ++t) {
      if (tokens[t].head != v) continue;
      if (tokens[t].deprel == "mark" && mark < 0) mark = t;
      if (Base(tokens[t].deprel) == "nsubj" && subj < 0) subj = t;
    }
    if (mark < 0 || subj < 0 || subj > mark || !IsNominal(tokens[subj]) || HasChild(*s, h, "obj")) continue;
    // Only the noun phrase right after the governing verb: "accused Colombia of".
    bool adjacent = true;
    for (int t = h + 1; t < subj; ++t) {
      if (!Dominates(*s, subj, t)) adjacent = false;
    }
    if (!adjacent) continue;
    tokens[subj].head = h;
    tokens[subj].deprel = "obj";
  }
}

// "Rebels attacked the town." / "President Trump later praised the alliance." tagged as a
// noun with a participle modifier: a root noun whose participle has a direct object (or
// a to-infinitive: "Copperline agreed to buy X") and no subject of its own is the subject
// of a main clause.
void MainClauseFromParticiple(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  int root = -1;
  for (int t = 0; t < n; ++t) {
    if (tokens[t].head < 0) root = t;
  }
  if (root < 0 || !IsNominal(tokens[root]) || HasChild(*s, root, "cop")) return;
  for (int v = root + 1; v < n; ++v) {
    // The participle may hang on a name in apposition to the root, after its closing
    // comma ("Zambia's president, Hakainde Hichilema, congratulated(acl) Chakwera").
    const int h = tokens[v].head;
    const bool on_apposition = h > root && tokens[h].head == root && Base(tokens[h].deprel) == "appos" &&
                               tokens[v - 1].text == ",";
    if ((h != root && !on_apposition) || Base(tokens[v].deprel) != "acl" || tokens[v].deprel == "acl:relcl") continue;
    if (tokens[v].upos != "VERB" || (tokens[v].xpos != "VBN" && tokens[v].xpos != "VBD")) continue;
    if (HasChild(*s, v, "nsubj") || HasChild(*s, v, "aux") || HasChild(*s, v, "mark")) continue;
    // The object may have been taken for an oblique without a preposition ("the chief
    // condemned(acl) the use(obl:agent) of force").
    int object = -1;
    for (int t = v + 1; t < n && object < 0; ++t) {
      if (tokens[t].head != v) continue;
      const std::string_view rel = Base(tokens[t].deprel);
      if (rel == "obj" || (rel == "obl" && IsNominal(tokens[t]) && !HasChild(*s, t, "case"))) object = t;
    }
    // "Copperline Resources agreed(acl) on Wednesday to buy X": a to-infinitive the
    // participle controls makes it a verb of a clause too ("vowed to", "agreed to");
    // not in headings, where "Plan Designed to Cut Costs" is a noun phrase.
    int infinitive = -1;
    if (object < 0 && !s->heading) {
      for (int t = v + 1; t < n && infinitive < 0; ++t) {
        if (tokens[t].head != v || Base(tokens[t].deprel) != "xcomp" || tokens[t].upos != "VERB") continue;
        for (int m = v + 1; m < t; ++m) {
          if (tokens[m].head == t && tokens[m].deprel == "mark" && tokens[m].text == "to") infinitive = t;
        }
      }
    }
    if (object < 0 && infinitive < 0) continue;
    if (object >= 0) tokens[object].deprel = "obj";
    RaiseVerbOverSubject(tokens, v, root, v + 1);
    tokens[v].xpos = "VBD";
    return;
  }
}


// "Goldman advised Halvorsen; Meridian was advised by Rothschild." parsed with the first
// clause as a noun with a participle hung on the second: a clause ends at a semicolon,
// so a noun phrase before it whose participle has an object is that clause's subject.
void SemicolonClauses(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  int begin = 0;
  for (int k = 0; k < n; ++k) {
    if (tokens[k].text != ";") continue;
    const int seg_begin = begin;
    begin = k + 1;
    int top = -1, leaving = 0;
    for (int t = seg_begin; t < k; ++t) {
      if (tokens[t].head >= seg_begin && tokens[t].head < k) continue;
      if (tokens[t].upos == "PUNCT") continue;
      top = t;
      ++leaving;
    }
    if (leaving != 1 || !IsNominal(tokens[top]) || tokens[top].head <= k) continue;
    for (int v = top + 1; v < k; ++v) {
      if (tokens[v].head != top || Base(tokens[v].deprel) != "acl" || tokens[v].deprel == "acl:relcl") continue;
      if (tokens[v].upos != "VERB" || (tokens[v].xpos != "VBN" && tokens[v].xpos != "VBD")) continue;
      if (HasChild(*s, v, "nsubj") || HasChild(*s, v, "aux") || HasChild(*s, v, "mark")) continue;
      int object = -1;
      for (int t = v + 1; t < k && object < 0; ++t) {
        if (tokens[t].head != v) continue;
        const std::string_view rel = Base(tokens[t].deprel);
        if (rel == "obj" || (rel == "obl" && IsNominal(tokens[t]) && !HasChild(*s, t, "case"))) object = t;
      }
      if (object < 0) continue;
      tokens[object].deprel = "obj";
      int root = -1;
      for (int t = 0; t < n; ++t) {
        if (tokens[t].head < 0) root = t;
      }
      tokens[v].head = root;
      tokens[v].deprel = root < 0 ? "root" : "parataxis";
      tokens[v].xpos = "VBD";
      tokens[top].head = v;
      tokens[top].deprel = "nsubj";
      break;
    }
  }
}

// "condemned the use of force and called on X": a finite verb coordinated with a noun
// is coordinated with the verb that noun is an argument of.
void VerbsCoordinatedWithNouns(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int c = 0; c < n; ++c) {
    Token& verb = tokens[c];
    if (Base(verb.deprel) != "conj" || verb.upos != "VERB" || !IsFinite(*s, c)) continue;
    if (HasChild(*s, c, "nsubj") || HasChild(*s, c, "csubj")) continue;
    const int noun = verb.head;
    if (noun < 0 || noun > c || (!IsNominal(tokens[noun]) && tokens[noun].upos != "ADJ")) continue;
    const std::string_view rel = Base(tokens[noun].deprel);
    if (rel != "obj" && rel != "obl" && rel != "nmod" && rel != "amod" && rel != "xcomp" && rel != "appos") continue;
    // Up through the phrase to its verb ("described the detention as(advmod) unacceptable
    // and summoned…").
    int v = tokens[noun].head;
    for (int hops = 0; v >= 0 && hops < 6 && tokens[v].upos != "VERB"; ++hops) {
      const std::string_view up = Base(tokens[v].deprel);
      if (up != "obj" && up != "nmod" && up != "obl" && up != "advmod" && up != "amod" && up != "xcomp" && up != "appos") break;
      v = tokens[v].head;
    }
    if (v < 0 || tokens[v].upos != "VERB" || Dominates(*s, c, v)) continue;
    verb.head = v;
  }
}

// "signed the deal with Solace, a firm registered in Singapore, without consulting X":
// an adverbial -ing clause after the comma that closes an apposition belongs to the verb
// the apposition's noun is an argument of, not to the participle inside the apposition.
void ClausesAfterAppositions(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 1; v < n; ++v) {
    if (Base(tokens[v].deprel) != "advcl" || tokens[v].xpos != "VBG") continue;
    int mark = -1;
    for (int t = 0; t < v; ++t) {
      if (tokens[t].head == v && Base(tokens[t].deprel) == "mark") mark = t;
    }
    const int first = mark >= 0 ? mark : v;
    if (first < 1 || tokens[first - 1].text != ",") continue;
    const int participle = tokens[v].head;
    if (participle < 0 || Base(tokens[participle].deprel) != "acl" || tokens[participle].deprel == "acl:relcl") continue;
    bool through_apposition = false;
    int up = tokens[participle].head;
    for (int hops = 0; up >= 0 && hops < 6 && tokens[up].upos != "VERB"; ++hops) {
      through_apposition |= Base(tokens[up].deprel) == "appos";
      up = tokens[up].head;
    }
    if (!through_apposition || up < 0 || Dominates(*s, v, up)) continue;
    tokens[v].head = up;
  }
  // "…called on the courts to annul the vote, accusing X of rigging": a participle after a
  // comma hung on an infinitive inside a noun phrase belongs to the finite verb above it.
  for (int v = 1; v < n; ++v) {
    if (Base(tokens[v].deprel) != "advcl" || tokens[v].xpos != "VBG" || tokens[v - 1].text != ",") continue;
    const int inf = tokens[v].head;
    if (inf < 0 || tokens[inf].xpos != "VB" || Base(tokens[inf].deprel) != "acl") continue;
    int up = tokens[inf].head;
    for (int hops = 0; up >= 0 && hops < 6 && !(tokens[up].upos == "VERB" && IsFinite(*s, up)); ++hops) up = tokens[up].head;
    if (up < 0 || Dominates(*s, v, up)) continue;
    tokens[v].head = up;
  }
}

// "The CLC, which represents workers, voiced(amod) support(appos) for PSAC." with no
// main verb: the past-tense verb right after the comma closing a relative clause on the
// root noun is the main verb, the noun it was taken to modify its object.
void MainVerbAfterRelativeClause(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  int root = -1;
  for (int t = 0; t < n; ++t) {
    if (tokens[t].head < 0) root = t;
  }
  if (root < 0 || !IsNominal(tokens[root]) || HasChild(*s, root, "cop")) return;
  for (int r = root + 1; r < n; ++r) {
    if (tokens[r].head != root || tokens[r].deprel != "acl:relcl") continue;
    int close = -1;
    for (int t = r + 1; t < n && close < 0; ++t) {
      if (tokens[t].text == ",") close = t;
    }
    const int v = close + 1;
    if (close < 0 || v >= n || tokens[v].upos != "VERB" || (tokens[v].xpos != "VBD" && tokens[v].xpos != "VBN")) return;
    if (HasChild(*s, v, "nsubj")) return;
    const int h = tokens[v].head;
    // "…, backed(acl of 'grounds' inside the clause) Iceland": a participle hung on a word
    // of the relative clause.
    const bool inside_clause = Base(tokens[v].deprel) == "acl" && h > r && h < close && HasChild(*s, v, "obj");
    if (Base(tokens[v].deprel) != "amod" && !inside_clause) return;
    const int object = inside_clause ? -1 : h;
    if (!inside_clause && (object <= v || !IsNominal(tokens[object]))) return;
    if (object >= 0) {
      tokens[object].head = v;
      tokens[object].deprel = "obj";
    }
    RaiseVerbOverSubject(tokens, v, root, std::max(object, v) + 1);
    tokens[v].xpos = "VBD";
    tokens[close].head = v;
    return;
  }
}

// "Qatar's offer of mediation between Israel and Iran was welcomed by the UN" parsed with
// "Iran" as the subject of a new clause: "between" wants two conjuncts, so the noun after
// its "and" is the second; the verb it was taken to lead is the main verb of the noun
// phrase the "between" phrase is in.
void BetweenCoordination(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int x = 0; x < n; ++x) {
    bool between = false;
    for (int t = 0; t < x; ++t) {
      if (tokens[t].head == x && Base(tokens[t].deprel) == "case" && base::AsciiLower(tokens[t].text) == "between") between = true;
    }
    if (!between || HasChild(*s, x, "conj") || !IsNominal(tokens[x])) continue;
    int end = x;
    for (int t = x + 1; t < n && Dominates(*s, x, t); ++t) end = t;
    const int cc = end + 1;
    if (cc + 1 >= n || base::AsciiLower(tokens[cc].text) != "and") continue;
    int y = cc + 1;
    while (y < n && tokens[y].head > y && tokens[y].head < n && IsNominal(tokens[tokens[y].head]) && Base(tokens[y].deprel) != "nsubj") {
      y = tokens[y].head;
    }
    if (y >= n || !IsNominal(tokens[y]) || Base(tokens[y].deprel) != "nsubj") continue;
    const int v = tokens[y].head;
    if (v < 0 || tokens[v].upos != "VERB" || Dominates(*s, y, x)) continue;
    tokens[y].head = x;
    tokens[y].deprel = "conj";
    tokens[cc].head = y;
    tokens[cc].deprel = "cc";
    // The verb's subject is the noun phrase at the root that holds the "between" phrase.
    const int root = tokens[v].head;
    if (Base(tokens[v].deprel) != "conj" || root < 0 || tokens[root].head >= 0 || !IsNominal(tokens[root]) ||
        !Dominates(*s, root, x)) {
      continue;
    }
    bool passive = false;
    for (const Token& t : tokens) passive = passive || (t.head == v && t.deprel == "aux:pass");
    RaiseVerbOverSubject(tokens, v, root, v + 1, passive ? "nsubj:pass" : "nsubj");
  }
}

// "Two soldiers were wounded by troops" tagged as be + adjective: a past-participle
// adjective with a copula is a passive verb; a "by" phrase right after it that the parser
// hung on a later verb is its agent.
void AdjectivalPassives(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int a = 0; a < n; ++a) {
    Token& adj = tokens[a];
    if (adj.upos != "ADJ" || adj.text.size() < 4) continue;
    const std::string w = base::AsciiLower(adj.text);
    if (w.compare(w.size() - 2, 2, "ed") != 0) continue;
    int cop = -1;
    for (int t = 0; t < a; ++t) {
      if (tokens[t].head == a && Base(tokens[t].deprel) == "cop") cop = t;
    }
    if (cop < 0) continue;
    adj.upos = "VERB";
    adj.xpos = "VBN";
    tokens[cop].deprel = "aux:pass";
    for (Token& t : tokens) {
      if (t.head == a && t.deprel == "nsubj") t.deprel = "nsubj:pass";
    }
    // The agent: the next "by" phrase, if it hangs on something after the adjective.
    if (a + 1 < n && base::AsciiLower(tokens[a + 1].text) == "by") {
      int np = tokens[a + 1].head;
      if (np > a + 1 && np < n && tokens[np].head > np && !Dominates(*s, a, np)) {
        tokens[np].head = a;
        tokens[np].deprel = "obl:agent";
      }
    }
  }
}


// "buy the game studio Kivilinna Games": two objects side by side are one thing and its
// name; "Mr Trump and President Putin" with "Putin" a bare nmod of "Mr" is a coordination.
void AppositionsAndCoordinations(Sentence* s) {
  auto& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  for (int v = 0; v < n; ++v) {
    int first = -1;
    for (int t = 0; t < n; ++t) {
      if (tokens[t].head != v || Base(tokens[t].deprel) != "obj") continue;
      if (first < 0) {
        first = t;
        continue;
      }
      // The second object starts right after the first object's phrase.
      int last_of_first = first;
      for (int u = first + 1; u < t; ++u) {
        if (Dominates(*s, first, u)) last_of_first = u;
      }
      bool adjacent = true;
      for (int u = last_of_first + 1; u < t; ++u) adjacent = adjacent && Dominates(*s, t, u);
      if (adjacent && tokens[t].upos == "PROPN") {
        tokens[t].head = first;
        tokens[t].deprel = "appos";
      }
    }
  }
  // "owned by the Gulf investor(obl:agent) Qamar Holdings(obl:unmarked)": a name with no
  // preposition right after a verb's oblique is that oblique's name.
  for (int t = 1; t < n; ++t) {
    const int v = tokens[t].head;
    if (v < 0 || tokens[t].upos != "PROPN" || Base(tokens[t].deprel) != "obl" || HasChild(*s, t, "case")) continue;
    int first = -1;
    for (int u = t - 1; u >= 0 && first < 0; --u) {
      if (tokens[u].head == v && Base(tokens[u].deprel) == "obl" && IsNominal(tokens[u])) first = u;
      if (tokens[u].head == v && Base(tokens[u].deprel) != "obl") break;
    }
    if (first < 0) continue;
    bool adjacent = true;
    for (int u = first + 1; u < t; ++u) adjacent = adjacent && (Dominates(*s, t, u) || Dominates(*s, first, u));
    if (!adjacent || tokens[t - 1].upos == "PUNCT") continue;
    tokens[t].head = first;
    tokens[t].deprel = "appos";
  }
  for (int x = 0; x < n; ++x) {
    const int h = tokens[x].head;
    const std::string_view rel = Base(tokens[x].deprel);
    if (h < 0 || h >= x || (rel != "nmod" && rel != "flat") || tokens[x].deprel == "nmod:poss" ||
        !IsNominal(tokens[x]) || HasChild(*s, x, "case")) {
      continue;
    }
    for (int c = h + 1; c < x; ++c) {
      if (tokens[c].upos != "CCONJ") continue;
      const int ch = tokens[c].head;
      if (ch == x || (ch >= 0 && tokens[ch].head == x)) {
        tokens[x].deprel = "conj";
        tokens[c].head = x;
        tokens[c].deprel = "cc";
        break;
      }
    }
  }
}

}  // namespace

void ConsolidatePhrases(Sentence* sentence, const std::vector<std::pair<int, int>>& phrases,
                        const std::vector<int>& heads) {
  auto& tokens = sentence->tokens;
  const int n = static_cast<int>(tokens.size());
  // How good an edge leaving the phrase is as the phrase's attachment: an argument of a
  // verb first, then a nominal dependent, then anything else (root, adjectival).
  auto rank = [&](int t) {
    const std::string_view rel = Base(tokens[t].deprel);
    if (rel == "nsubj" || rel == "obj" || rel == "iobj" || rel == "obl" || rel == "csubj") return 3;
    if (rel == "nmod" || rel == "appos" || rel == "conj") return 2;
    if (rel == "root") return 1;
    return 0;
  };
  for (size_t p = 0; p < phrases.size(); ++p) {
    const int b = std::max(0, phrases[p].first), e = std::min(n, phrases[p].second);
    const int head = heads[p];
    if (b >= e || head < b || head >= e) continue;
    auto inside = [&](int t) { return t >= b && t < e; };
    int best = -1, fallback = -1;  // span tokens whose edges leave the span
    for (int t = b; t < e; ++t) {
      if (inside(tokens[t].head)) continue;
      if (best < 0 || rank(t) > rank(best)) best = t;
    }
    if (best < 0) continue;
    const int ext_head = tokens[best].head;
    // Another edge to the same verb says which argument the phrase is: a phrase before
    // its verb is its subject ("Friedrich(obj) Merz(nsubj) met" -> nsubj).
    for (int t = b; t < e; ++t) {
      if (t != best && tokens[t].head == ext_head && Base(tokens[t].deprel) == "nsubj" && head < ext_head) best = t;
    }
    // The phrase's other attachment, for a clause that hangs below it (not that clause
    // itself, nor anything below it).
    for (int t = b; t < e; ++t) {
      const int h = tokens[t].head;
      if (inside(h) || t == best || h == ext_head || (h >= 0 && ext_head >= 0 && Dominates(*sentence, ext_head, h))) continue;
      if (fallback < 0 || rank(t) > rank(fallback)) fallback = t;
    }
    std::string ext_rel = rank(best) >= 2 ? tokens[best].deprel : "";
    if (rank(best) == 1) ext_rel = "root";
    if (ext_rel.empty()) {
      // An adjectival attachment of a name phrase ("met Ukrainian(xcomp) … Zelensky"):
      // the object after a verb, its subject before it, else a nominal modifier.
      const bool verb = ext_head >= 0 && tokens[ext_head].upos == "VERB";
      ext_rel = !verb ? (ext_head < 0 ? "root" : "nmod") : (head > ext_head ? "obj" : "nsubj");
    }
    // If the new attachment point hangs below the phrase ("Chancellor(root) <- met(relcl)
    // -> Merz(nsubj)"), the clause takes the phrase's other attachment first.
    for (int x = ext_head, hops = 0; x >= 0 && hops < n; x = tokens[x].head, ++hops) {
      if (inside(x)) break;
      if (tokens[x].head >= 0 && inside(tokens[x].head)) {
        if (fallback >= 0) {
          tokens[x].head = tokens[fallback].head;
          tokens[x].deprel = tokens[fallback].head < 0 ? "root" : tokens[fallback].deprel;
        } else {
          tokens[x].head = -1;
          tokens[x].deprel = "root";
        }
        break;
      }
    }
    if (ext_head >= 0 && Dominates(*sentence, head, ext_head)) continue;
    for (int t = b; t < e; ++t) {
      if (t == head) continue;
      // Words before the head keep their inner structure ("US Defence Secretary" hangs on
      // "Secretary"); everything else hangs on the head.
      if (t < head && inside(tokens[t].head) && tokens[t].head != head && tokens[t].head > t && tokens[t].head < head) {
        continue;
      }
      tokens[t].head = head;
      tokens[t].deprel = t < head ? (tokens[t].upos == "ADJ" ? "amod" : "compound") : "flat";
    }
    tokens[head].head = ext_head;
    tokens[head].deprel = ext_rel;
    // A conjunct hung on a word inside the phrase is coordinated with the whole phrase
    // ("the Republic of Congo(<-conj Rwanda) and Rwanda").
    for (int t = 0; t < n; ++t) {
      if (inside(t) || !inside(tokens[t].head) || tokens[t].head == head || Base(tokens[t].deprel) != "conj") continue;
      if (Dominates(*sentence, t, head)) continue;
      tokens[t].head = head;
    }
  }
}

void RepairParse(Sentence* sentence, const std::function<bool(const std::string&)>& is_reporting) {
  AcronymsTakenForPronouns(sentence);
  ChildrenOfPunctuation(sentence);
  FunctionWordsAsArguments(sentence);
  NamesBeforeTimeNouns(sentence);
  PrepositionalSubjectsAndAppositions(sentence);
  SubordinatorsTakenForPrepositions(sentence);
  SubjectsBeforeMarkers(sentence);
  MainClauseFromParticiple(sentence);
  MainVerbAfterRelativeClause(sentence);
  SemicolonClauses(sentence);
  VerbsCoordinatedWithNouns(sentence);
  AdjectivalPassives(sentence);
  DuplicateSubjects(sentence);
  RelativeClauseAntecedents(sentence);
  RelativeClauseClosure(sentence);
  MainVerbAfterRelativeOnRoot(sentence);
  AppositionsAndCoordinations(sentence);
  ObliquesBeforeConjunct(sentence);
  ClausesAfterAppositions(sentence);
  BetweenCoordination(sentence);
  OrphanSubjects(sentence);
  SayingVerbsTaggedAsNouns(sentence, is_reporting);
  CoordinatedReporting(sentence, is_reporting);
  AbsoluteParticiples(sentence);
}

}  // namespace kg::extract
