#include "extract/coref/coref_evaluation.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/text.h"
#include "extract/syntax/conllu.h"

namespace kg::extract {

using base::Result;
using base::Status;

namespace {

struct GoldMention {
  int chain;
  int begin, end;  // document token indexes, inclusive
};

bool IsThirdPersonPronoun(const std::string& w) {
  static const std::set<std::string> k = {"he",  "him", "his",  "himself", "she",  "her",   "hers", "herself",
                                          "it",  "its", "itself", "they",  "them", "their", "theirs", "themselves"};
  return k.count(w) > 0;
}

// Parses the mention brackets of one token: "(person-2", "person-2)", "(time-4)".
void ParseBrackets(const std::string& col, int token, std::map<std::string, std::vector<int>>* open,
                   std::vector<GoldMention>* out) {
  if (col == "_" || col.empty()) return;
  auto chain_of = [](const std::string& label) {
    const size_t dash = label.find('-');
    if (dash == std::string::npos) return -1;
    return std::atoi(label.c_str() + dash + 1);
  };
  size_t i = 0;
  while (i < col.size()) {
    const bool opens = col[i] == '(';
    if (opens) ++i;
    size_t j = i;
    while (j < col.size() && col[j] != '(' && col[j] != ')') ++j;
    const std::string label = col.substr(i, j - i);
    const bool closes = j < col.size() && col[j] == ')';
    // A label's identity is type-id; the optional -Name suffix only appears sometimes.
    const int chain = chain_of(label);
    const std::string key = std::to_string(chain);
    if (opens && closes) {
      out->push_back({chain, token, token});
    } else if (opens) {
      (*open)[key].push_back(token);
    } else if (closes) {
      auto& stack = (*open)[key];
      if (!stack.empty()) {
        out->push_back({chain, stack.back(), token});
        stack.pop_back();
      }
    }
    i = closes ? j + 1 : j;
  }
}

}  // namespace

Result<std::vector<std::string>> GumSplit(const std::string& gum_dir, const std::string& split) {
  std::ifstream in(gum_dir + "/SPLITS.md");
  if (!in) return Status::NotFound(gum_dir + "/SPLITS.md: cannot open");
  std::vector<std::string> docs;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      inside = line.rfind("## " + split + " ", 0) == 0;
      continue;
    }
    const size_t star = line.find("* ");
    if (inside && star != std::string::npos) docs.push_back(line.substr(star + 2));
  }
  if (docs.empty()) return Status::InvalidArgument(gum_dir + "/SPLITS.md: no documents listed for split '" + split + "'");
  return docs;
}

Result<CorefScore> EvaluateGumPronouns(const std::string& gum_dir, const std::vector<std::string>& docs,
                                       const CorefSystem& system, std::vector<std::string>* errors) {
  CorefScore score;
  for (const std::string& name : docs) {
    auto sentences = ReadConlluFile(gum_dir + "/dep/" + name + ".conllu");
    if (!sentences.ok()) return sentences.status();
    // Gold tokens and tags; the system gets the tokens only.
    Document doc;
    std::vector<std::pair<int, int>> position;  // document token -> (sentence, token)
    std::vector<std::string> gold_upos, forms;
    for (auto& cs : *sentences) {
      Sentence s = cs.sentence;
      const uint32_t shift = static_cast<uint32_t>(doc.text.size());
      doc.text += cs.text + "\n";
      s.begin = shift;
      s.end = shift + static_cast<uint32_t>(cs.text.size());
      for (int t = 0; t < static_cast<int>(s.tokens.size()); ++t) {
        Token& tok = s.tokens[t];
        position.emplace_back(static_cast<int>(doc.sentences.size()), t);
        gold_upos.push_back(tok.upos);
        forms.push_back(base::AsciiLower(tok.text));
        tok.begin += shift;
        tok.end += shift;
        tok.upos.clear();
        tok.xpos.clear();
        tok.lemma.clear();
        tok.feats.clear();
        tok.head = -1;
        tok.deprel.clear();
        tok.ner.clear();
      }
      doc.sentences.push_back(std::move(s));
    }
    // Gold mentions from the bracketed coreference file.
    const std::string coref_path = gum_dir + "/coref/" + name + ".conll";
    std::ifstream in(coref_path);
    if (!in) return Status::NotFound(coref_path + ": cannot open");
    std::vector<GoldMention> gold;
    std::map<std::string, std::vector<int>> open;
    std::string line;
    int token = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string index, form, brackets;
      std::getline(fields, index, '\t');
      std::getline(fields, form, '\t');
      std::getline(fields, brackets, '\t');
      if (token >= static_cast<int>(forms.size()) || base::AsciiLower(form) != forms[token]) {
        return Status::Corruption(coref_path + ": token " + std::to_string(token) + " '" + form +
                                  "' does not match the .conllu file");
      }
      ParseBrackets(brackets, token, &open, &gold);
      ++token;
    }
    if (token != static_cast<int>(forms.size())) {
      return Status::Corruption(coref_path + ": " + std::to_string(token) + " tokens, the .conllu has " +
                                std::to_string(forms.size()));
    }

    const ArticleReferents refs = system(&doc);
    ++score.documents;
    // The system's pronoun answers and each referent's name spans, in document tokens.
    std::vector<int> first_token(doc.sentences.size() + 1, 0);
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      first_token[s + 1] = first_token[s] + static_cast<int>(doc.sentences[s].tokens.size());
    }
    std::map<int, std::vector<int>> pronoun_answer;
    std::map<int, std::vector<std::pair<int, int>>> name_spans;
    for (const Reference& ref : refs.references) {
      const int b = first_token[ref.sentence] + ref.begin, e = first_token[ref.sentence] + ref.end - 1;
      if (ref.source == ReferenceSource::kPronoun) pronoun_answer[b] = ref.referents;
      if (ref.source == ReferenceSource::kName && ref.referents.size() == 1) name_spans[ref.referents[0]].emplace_back(b, e);
    }
    std::map<int, std::vector<GoldMention>> named_in_chain;
    for (const GoldMention& m : gold) {
      for (int t = m.begin; t <= m.end; ++t) {
        if (gold_upos[t] == "PROPN") {
          named_in_chain[m.chain].push_back(m);
          break;
        }
      }
    }
    for (const GoldMention& m : gold) {
      if (m.begin != m.end || !IsThirdPersonPronoun(forms[m.begin])) continue;
      bool has_antecedent = false;
      for (const GoldMention& n : named_in_chain[m.chain]) has_antecedent |= n.end < m.begin;
      if (!has_antecedent) continue;
      ++score.evaluable;
      auto answer = pronoun_answer.find(m.begin);
      bool right = false;
      if (answer != pronoun_answer.end()) {
        ++score.resolved;
        for (int referent : answer->second) {
          for (const auto& [b, e] : name_spans[referent]) {
            for (const GoldMention& n : named_in_chain[m.chain]) right |= b <= n.end && n.begin <= e;
          }
        }
        if (right) ++score.correct;
      }
      if (errors && !right) {
        auto words = [&](int b, int e) {
          std::string w;
          for (int t = b; t <= e; ++t) w += (w.empty() ? "" : " ") + forms[t];
          return w;
        };
        const GoldMention& antecedent = named_in_chain[m.chain].front();
        std::string got = "nothing";
        if (answer != pronoun_answer.end() && !answer->second.empty()) {
          const int r = answer->second[0];
          got = r < static_cast<int>(refs.referents.size()) ? refs.referents[r].name : "?";
        }
        const auto [s_index, t_index] = position[m.begin];
        const int from = first_token[s_index];
        errors->push_back(name + ": '" + forms[m.begin] + "' (token " + std::to_string(t_index) + ") in \"" +
                          words(from, from + static_cast<int>(doc.sentences[s_index].tokens.size()) - 1) +
                          "\": gold " + words(antecedent.begin, antecedent.end) + ", got " + got);
      }
    }
  }
  return score;
}

}  // namespace kg::extract
