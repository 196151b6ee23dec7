#include "extract/syntax/evaluation.h"

#include <algorithm>
#include <set>
#include <utility>

#include "extract/syntax/conllu.h"

namespace kg::extract {
namespace {

std::string_view Universal(const std::string& deprel) {
  const size_t colon = deprel.find(':');
  return colon == std::string::npos ? std::string_view(deprel)
                                    : std::string_view(deprel).substr(0, colon);
}

double Percent(size_t part, size_t whole) { return whole == 0 ? 0.0 : 100.0 * part / whole; }

double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

base::Result<AnalysisScores> ScoreAnalysis(const std::vector<Sentence>& gold,
                                           const std::vector<Sentence>& predicted) {
  if (gold.size() != predicted.size()) {
    return base::Status::InvalidArgument("gold has " + std::to_string(gold.size()) +
                                         " sentences, prediction " +
                                         std::to_string(predicted.size()));
  }
  size_t words = 0, upos = 0, xpos = 0, lemma = 0, feats = 0, uas = 0, las = 0;
  for (size_t s = 0; s < gold.size(); ++s) {
    const auto& g = gold[s].tokens;
    const auto& p = predicted[s].tokens;
    if (g.size() != p.size()) {
      return base::Status::InvalidArgument("sentence " + std::to_string(s + 1) + ": gold has " +
                                           std::to_string(g.size()) + " words, prediction " +
                                           std::to_string(p.size()));
    }
    for (size_t i = 0; i < g.size(); ++i) {
      if (g[i].text != p[i].text) {
        return base::Status::InvalidArgument("sentence " + std::to_string(s + 1) + ", word " +
                                             std::to_string(i + 1) + ": gold form '" +
                                             g[i].text + "' but predicted '" + p[i].text + "'");
      }
      ++words;
      upos += g[i].upos == p[i].upos;
      xpos += g[i].xpos == p[i].xpos;
      lemma += g[i].lemma == p[i].lemma;
      feats += (g[i].feats.empty() ? "_" : g[i].feats) == (p[i].feats.empty() ? "_" : p[i].feats);
      if (g[i].head == p[i].head) {
        ++uas;
        las += Universal(g[i].deprel) == Universal(p[i].deprel);
      }
    }
  }
  AnalysisScores r;
  r.words = words;
  r.upos = Percent(upos, words);
  r.xpos = Percent(xpos, words);
  r.lemma = Percent(lemma, words);
  r.feats = Percent(feats, words);
  r.uas = Percent(uas, words);
  r.las = Percent(las, words);
  return r;
}

std::string RebuildRawText(const std::vector<ConlluSentence>& treebank,
                           std::vector<Sentence>* gold) {
  std::string text;
  gold->clear();
  bool glue = false;  // the previous sentence ended with SpaceAfter=No
  for (size_t i = 0; i < treebank.size(); ++i) {
    const ConlluSentence& cs = treebank[i];
    if (i > 0) {
      if (cs.new_doc || cs.new_par) {
        text += "\n\n";
      } else if (!glue) {
        text += ' ';
      }
    }
    const uint32_t base = static_cast<uint32_t>(text.size());
    text += cs.text;
    Sentence s = cs.sentence;
    for (auto& t : s.tokens) {
      t.begin += base;
      t.end += base;
    }
    s.begin = s.tokens.empty() ? base : s.tokens.front().begin;
    s.end = s.tokens.empty() ? base : s.tokens.back().end;
    glue = !s.tokens.empty() && !s.tokens.back().space_after;
    gold->push_back(std::move(s));
  }
  return text;
}

SegmentationScores ScoreSegmentation(const std::vector<Sentence>& gold,
                                     const std::vector<Sentence>& predicted) {
  std::set<std::pair<uint32_t, uint32_t>> gold_words, gold_sents;
  for (const auto& s : gold) {
    gold_sents.insert({s.begin, s.end});
    for (const auto& t : s.tokens) gold_words.insert({t.begin, t.end});
  }
  SegmentationScores r;
  r.gold_words = gold_words.size();
  r.gold_sentences = gold_sents.size();
  size_t word_hits = 0, sent_hits = 0;
  for (const auto& s : predicted) {
    ++r.predicted_sentences;
    sent_hits += gold_sents.count({s.begin, s.end});
    for (const auto& t : s.tokens) {
      ++r.predicted_words;
      word_hits += gold_words.count({t.begin, t.end});
    }
  }
  r.word_precision = Percent(word_hits, r.predicted_words);
  r.word_recall = Percent(word_hits, r.gold_words);
  r.word_f1 = F1(r.word_precision, r.word_recall);
  r.sentence_precision = Percent(sent_hits, r.predicted_sentences);
  r.sentence_recall = Percent(sent_hits, r.gold_sentences);
  r.sentence_f1 = F1(r.sentence_precision, r.sentence_recall);
  return r;
}

}  // namespace kg::extract
