#include "extract/ner/ner_evaluation.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "extract/document.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/ner/ner_corpus.h"

namespace kg::extract {

NerScores ScoreNer(const std::vector<std::vector<NerSpan>>& gold, const std::vector<std::vector<NerSpan>>& predicted,
                   const std::vector<std::string>& types) {
  assert(gold.size() == predicted.size());
  NerScores scores;
  scores.micro.type = "micro";
  for (const std::string& t : types) scores.per_type.push_back({t});
  auto index = [&](const std::string& type) {
    for (size_t i = 0; i < types.size(); ++i) {
      if (types[i] == type) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t s = 0; s < gold.size(); ++s) {
    for (const NerSpan& g : gold[s]) {
      const int t = index(g.type);
      if (t < 0) continue;
      ++scores.per_type[t].gold;
      if (std::find(predicted[s].begin(), predicted[s].end(), g) != predicted[s].end()) ++scores.per_type[t].correct;
    }
    for (const NerSpan& p : predicted[s]) {
      const int t = index(p.type);
      if (t >= 0) ++scores.per_type[t].predicted;
    }
  }
  for (const NerCounts& c : scores.per_type) {
    scores.micro.gold += c.gold;
    scores.micro.predicted += c.predicted;
    scores.micro.correct += c.correct;
  }
  return scores;
}

std::string NerScores::Format() const {
  std::string out = "type      gold   pred  correct  precision  recall     F1\n";
  char line[160];
  auto row = [&](const NerCounts& c) {
    std::snprintf(line, sizeof(line), "%-7s %6d %6d %8d %10.2f %7.2f %6.2f\n", c.type.c_str(), c.gold, c.predicted,
                  c.correct, c.Precision(), c.Recall(), c.F1());
    out += line;
  };
  for (const NerCounts& c : per_type) row(c);
  row(micro);
  return out;
}

std::vector<Document> DocumentsFromExamples(const std::vector<NerExample>& examples) {
  std::vector<Document> docs;
  size_t start = 0;
  while (start < examples.size()) {
    size_t end = start + 1;
    while (end < examples.size() && !examples[start].doc_id.empty() && examples[end].doc_id == examples[start].doc_id) {
      ++end;
    }
    Document doc;
    for (size_t i = start; i < end; ++i) {
      Sentence s;
      s.begin = static_cast<uint32_t>(doc.text.size());
      for (const Token& t : examples[i].tokens) {
        Token copy = t;
        copy.begin = static_cast<uint32_t>(doc.text.size());
        doc.text += t.text;
        copy.end = static_cast<uint32_t>(doc.text.size());
        doc.text += ' ';
        s.tokens.push_back(std::move(copy));
      }
      s.end = static_cast<uint32_t>(doc.text.size());
      doc.text += '\n';
      doc.sentences.push_back(std::move(s));
    }
    docs.push_back(std::move(doc));
    start = end;
  }
  return docs;
}

std::vector<std::vector<NerSpan>> TaggerTypeSpans(const std::vector<Document>& docs) {
  std::vector<std::vector<NerSpan>> out;
  for (const Document& doc : docs) {
    for (const Sentence& s : doc.sentences) {
      std::vector<std::string> labels;
      for (const Token& t : s.tokens) {
        std::string l = t.ner;
        if (l.size() > 2 && l.substr(2) == "GPE") l = l.substr(0, 2) + "LOC";
        if (l.size() > 2 && l.substr(2) != "PER" && l.substr(2) != "ORG" && l.substr(2) != "LOC") l = "O";
        labels.push_back(l);
      }
      out.push_back(SpansFromIob2(labels));
    }
  }
  return out;
}

std::vector<std::vector<NerSpan>> RecognizeExamples(const EntityRecognizer& recognizer,
                                                    const std::vector<NerExample>& examples) {
  std::vector<Document> docs = DocumentsFromExamples(examples);
  for (Document& doc : docs) recognizer.Recognize(doc, "");
  return TaggerTypeSpans(docs);
}

}  // namespace kg::extract
