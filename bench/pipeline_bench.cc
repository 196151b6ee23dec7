// Full pipeline speed, text -> ArticleGraph, one thread: words per second on our own test
// articles, and how the cost grows with length (one article vs. the same text pasted
// many times into one 30,000-word "article").
//
//   build/bench/pipeline_bench [--models DIR] [--data DIR] [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstring>
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

// Seconds per call of `fn`, the best of `repeat` runs.
template <typename Fn>
double Best(int repeat, Fn fn) {
  double best = 1e30;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
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
  const double corpus_s = Best(repeat, [&] {
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
  const double one_s = Best(repeat, [&] { (void)(*pipeline)->Extract(one); });
  const double big_s = Best(std::max(1, repeat / 2), [&] { (void)(*pipeline)->Extract(big); });

  std::cout << "pipeline_bench: models " << *models << ", load " << load_s * 1000 << " ms\n";
  std::cout << "  " << articles.size() << " test articles, " << words << " words: " << corpus_s * 1000 << " ms, "
            << static_cast<long>(words / corpus_s) << " words/s\n";
  std::cout << "  one article " << one_words << " words: " << one_s * 1000 << " ms ("
            << static_cast<long>(one_words / one_s) << " words/s)\n";
  std::cout << "  pasted text " << big_words << " words: " << big_s * 1000 << " ms ("
            << static_cast<long>(big_words / big_s) << " words/s)\n";
  std::cout << "  cost ratio " << big_s / one_s << " for " << static_cast<double>(big_words) / one_words
            << " times the words (linear = equal)\n";
  return 0;
}
