// Full pipeline speed, text -> ArticleGraph, one thread: words per second on our own test
// articles, and how the cost grows with length (one article vs. the same text pasted
// many times into one 30,000-word "article").
//
//   build/bench/pipeline_bench [--models DIR] [--data DIR] [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "base/resources.h"
#include "extract/article_reader.h"
#include "extract/pipeline_extractor.h"
#include "proto/kg.pb.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

size_t CountWords(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool word_char = std::isalnum(c) || c >= 0x80;
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

struct Timing {
  double wall = 1e30;  // seconds per call, the best of the runs
  double cpu = 1e30;   // process CPU seconds per call, the best of the runs: robust on a busy machine
};

// The time per call of `fn`, the best of `repeat` runs.
template <typename Fn>
Timing Best(int repeat, Fn fn) {
  Timing best;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    fn();
    best.wall = std::min(best.wall, std::chrono::duration<double>(Clock::now() - start).count());
    best.cpu = std::min(best.cpu, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  return best;
}

// "12.3 ms, 45678 words/s wall, 50123 words/s CPU"
std::string Figures(size_t words, const Timing& t) {
  char buf[128];
  std::snprintf(buf, sizeof(buf), "%.2f ms, %ld words/s wall, %ld words/s CPU", t.wall * 1000,
                static_cast<long>(words / t.wall), static_cast<long>(words / std::max(t.cpu, 1e-9)));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::string models_dir, data_dir;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--models")) models_dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--data")) data_dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--repeat")) repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  auto models = kg::base::FindResourceDir(kg::base::ResourceKind::kModels, models_dir);
  auto data = kg::base::FindResourceDir(kg::base::ResourceKind::kData, data_dir);
  if (!models.ok() || !data.ok()) {
    std::cerr << "pipeline_bench: " << (models.ok() ? data.status() : models.status()).message() << "\n";
    return 1;
  }
  const auto load_start = Clock::now();
  auto pipeline = kg::extract::PipelineExtractor::Load(*models, *data);
  if (!pipeline.ok()) {
    std::cerr << "pipeline_bench: " << pipeline.status().message() << "\n";
    return 1;
  }
  const double load_s = std::chrono::duration<double>(Clock::now() - load_start).count();

  std::vector<kg::extract::ArticleText> articles;
  for (const auto& entry : fs::directory_iterator(std::string(KG_SOURCE_DIR) + "/tests/data/articles")) {
    if (entry.path().extension() != ".txt") continue;
    auto a = kg::extract::ReadArticleFile(entry.path().string());
    if (a.ok()) articles.push_back(std::move(a).value());
  }
  std::sort(articles.begin(), articles.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  if (articles.empty()) {
    std::cerr << "pipeline_bench: no articles in tests/data/articles\n";
    return 1;
  }
  size_t words = 0;
  for (const auto& a : articles) words += CountWords(a.text);
  const Timing corpus_t = Best(repeat, [&] {
    for (const auto& a : articles) (void)(*pipeline)->Extract(a);
  });

  // Linear growth: one article, then one text of about 30,000 words made of many pasted.
  kg::extract::ArticleText one = articles.front();
  kg::extract::ArticleText big = one;
  big.text.clear();
  while (CountWords(big.text) < 30000) {
    for (const auto& a : articles) big.text += a.text + "\n\n";
  }
  big.id.clear();
  const size_t one_words = CountWords(one.text), big_words = CountWords(big.text);
  const Timing one_t = Best(repeat, [&] { (void)(*pipeline)->Extract(one); });
  const Timing big_t = Best(std::max(1, repeat / 2), [&] { (void)(*pipeline)->Extract(big); });

  std::cout << "pipeline_bench: models " << *models << ", load " << load_s * 1000 << " ms\n";
  std::cout << "  " << articles.size() << " test articles, " << words << " words: " << Figures(words, corpus_t)
            << "\n";
  std::cout << "  one article " << one_words << " words: " << Figures(one_words, one_t) << "\n";
  std::cout << "  pasted text " << big_words << " words: " << Figures(big_words, big_t) << "\n";
  std::cout << "  cost ratio " << big_t.wall / one_t.wall << " wall, " << big_t.cpu / std::max(one_t.cpu, 1e-9)
            << " CPU for " << static_cast<double>(big_words) / one_words << " times the words (linear = equal)\n";
  return 0;
}
