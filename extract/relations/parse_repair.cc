#include "extract/relations/parse_repair.h"

#include <string_view>

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

}  // namespace

void RepairParse(Sentence* sentence, const std::function<bool(const std::string&)>& is_reporting) {
  CoordinatedReporting(sentence, is_reporting);
  AbsoluteParticiples(sentence);
}

}  // namespace kg::extract
