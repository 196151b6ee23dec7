// nlp_bench: a timed run over the UD English-EWT test file printing tokens per second for
// the tokenizer, tagger, lemmatizer and parser alone and together (one thread, best of
// three runs), and the time to load the models. Skips with a message when ../shared or
// the models are absent.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
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

struct Timing {
  double wall = 1e30;  // best of the runs, seconds
  double cpu = 1e30;   // process CPU time of that kind of run: robust on a busy machine
};

Timing Best(const std::function<void()>& run) {
  Timing best;
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    run();
    best.wall = std::min(best.wall, std::chrono::duration<double>(Clock::now() - start).count());
    best.cpu = std::min(best.cpu, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  return best;
}

void Print(const char* what, size_t tokens, const Timing& t) {
  std::printf("%-28s %10.0f tokens/s wall %10.0f tokens/s CPU  (%zu tokens)\n", what,
              tokens / t.wall, tokens / std::max(t.cpu, 1e-9), tokens);
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
  const Timing tok_s = Best([&] {
    const auto s = a.tokenizer().Tokenize(text);
    tokenized = 0;
    for (const auto& x : s) tokenized += x.tokens.size();
  });
  Print("tokenizer", tokenized, tok_s);

  std::vector<Sentence> tagged = bare;
  const Timing tag_s = Best([&] {
    for (auto& s : tagged) a.tagger().Tag(&s);
  });
  Print("tagger", words, tag_s);
  const Timing lem_s = Best([&] {
    for (auto& s : tagged) a.lemmatizer().Lemmatize(&s);
  });
  Print("lemmatizer", words, lem_s);
  const Timing parse_s = Best([&] {
    std::vector<Sentence> work = tagged;
    for (auto& s : work) a.parser().Parse(&s);
  });
  Print("parser", words, parse_s);
  std::vector<Sentence> work = bare;
  const Timing all_s = Best([&] { a.AnalyzeSentences(&work); });
  Print("tag+lemma+parse", words, all_s);
  const Timing full_s = Best([&] { a.Analyze(text); });
  Print("text -> trees (all stages)", tokenized, full_s);
  return 0;
}
