// nlp_bench: a timed run over the UD English-EWT test file printing tokens per second for
// the tokenizer, tagger, lemmatizer and parser alone and together (one thread, best of
// three runs), and the time to load the models. Skips with a message when ../shared or
// the models are absent.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/resources.h"
#include "extract/syntax/analyzer.h"
#include "extract/syntax/conllu.h"
#include "extract/syntax/dependency_parser.h"
#include "extract/syntax/evaluation.h"
#include "extract/syntax/lemmatizer.h"
#include "extract/syntax/pos_tagger.h"
#include "extract/text/tokenizer.h"

using namespace kg::extract;
using Clock = std::chrono::steady_clock;

namespace {

double BestSeconds(const std::function<void()>& run) {
  double best = 1e30;
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

void Print(const char* what, size_t tokens, double seconds) {
  std::printf("%-28s %10.0f tokens/s  (%.3f s for %zu tokens)\n", what, tokens / seconds,
              seconds, tokens);
}

}  // namespace

int main() {
  const std::string test = std::string(KG_SHARED_DIR) + "/corpora/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(test)) {
    std::printf("nlp_bench: SKIPPED, %s is absent (needs ../shared)\n", test.c_str());
    return 0;
  }
  auto dir = kg::base::FindResourceDir(kg::base::ResourceKind::kModels);
  if (!dir.ok()) {
    std::printf("nlp_bench: SKIPPED, %s\n", dir.status().message().c_str());
    return 0;
  }
  const auto load_start = Clock::now();
  auto analyzer = Analyzer::Load(*dir);
  const double load_s = std::chrono::duration<double>(Clock::now() - load_start).count();
  if (!analyzer.ok()) {
    std::printf("nlp_bench: SKIPPED, %s\n", analyzer.status().message().c_str());
    return 0;
  }
  auto tb = ReadConlluFile(test);
  if (!tb.ok()) {
    std::printf("nlp_bench: cannot read %s: %s\n", test.c_str(), tb.status().message().c_str());
    return 1;
  }
  std::vector<Sentence> gold;
  const std::string text = RebuildRawText(*tb, &gold);
  std::vector<Sentence> bare;
  size_t words = 0;
  for (const auto& g : gold) {
    Sentence s;
    for (const auto& t : g.tokens) {
      Token b;
      b.text = t.text;
      s.tokens.push_back(b);
    }
    words += s.tokens.size();
    bare.push_back(std::move(s));
  }
  const Analyzer& a = **analyzer;
  std::printf("nlp_bench: EWT test, %zu words in %zu sentences, %zu bytes of text; one thread, "
              "best of 3\n", words, bare.size(), text.size());
  std::printf("%-28s %10.1f ms\n", "load all models", load_s * 1000);

  size_t tokenized = 0;
  const double tok_s = BestSeconds([&] {
    const auto s = a.tokenizer().Tokenize(text);
    tokenized = 0;
    for (const auto& x : s) tokenized += x.tokens.size();
  });
  Print("tokenizer", tokenized, tok_s);

  std::vector<Sentence> tagged = bare;
  const double tag_s = BestSeconds([&] {
    for (auto& s : tagged) a.tagger().Tag(&s);
  });
  Print("tagger", words, tag_s);
  const double lem_s = BestSeconds([&] {
    for (auto& s : tagged) a.lemmatizer().Lemmatize(&s);
  });
  Print("lemmatizer", words, lem_s);
  const double parse_s = BestSeconds([&] {
    std::vector<Sentence> work = tagged;
    for (auto& s : work) a.parser().Parse(&s);
  });
  Print("parser", words, parse_s);
  const double all_s = BestSeconds([&] {
    std::vector<Sentence> work = bare;
    a.AnalyzeSentences(&work);
  });
  Print("tag+lemma+parse", words, all_s);
  const double full_s = BestSeconds([&] { a.Analyze(text); });
  Print("text -> trees (all stages)", tokenized, full_s);
  return 0;
}
