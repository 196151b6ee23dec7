// The analysis of our test articles (tags, lemmas, features, trees) is pinned to a
// golden CoNLL-U file: speed work on the tagger, lemmatizer, parser and LinearModel must
// not change a single decision. After retraining a model, regenerate the file with
//   KG_UPDATE_GOLDEN=1 build/tests/kg_tests "Analyzer: output on the test articles*"
// and review the diff.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "extract/article_reader.h"
#include "extract/syntax/analyzer.h"
#include "extract/syntax/conllu.h"
#include "tests/test_util.h"

using namespace kg::extract;
namespace fs = std::filesystem;

namespace {

// Every tests/data/articles/*.txt analysed, in file name order, as one CoNLL-U text.
std::string AnalyseArticles(const Analyzer& analyzer) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kg::testing::TestData("articles"))) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::ostringstream out;
  for (const auto& path : files) {
    auto article = ReadArticleFile(path.string());
    REQUIRE(article.ok());
    WriteConllu(analyzer.Analyze(article->text), out, path.stem().string() + "-");
  }
  return out.str();
}

}  // namespace

TEST_CASE("Analyzer: output on the test articles is pinned", "[extract]") {
  auto analyzer = Analyzer::Load(kg::testing::SourceDir() + "/models");
  REQUIRE(analyzer.ok());
  const std::string got = AnalyseArticles(**analyzer);
  const std::string golden_path = kg::testing::TestData("nlp/articles.golden.conllu");
  if (std::getenv("KG_UPDATE_GOLDEN") != nullptr) kg::testing::WriteFile(golden_path, got);
  const std::string want = kg::testing::ReadFile(golden_path);
  REQUIRE_FALSE(want.empty());
  if (got == want) return;
  // Name the first line that differs rather than printing two 60 kB strings.
  std::istringstream g(got), w(want);
  std::string gl, wl;
  int line = 0;
  while (true) {
    ++line;
    const bool more_g = static_cast<bool>(std::getline(g, gl));
    const bool more_w = static_cast<bool>(std::getline(w, wl));
    if (!more_g && !more_w) break;
    if (gl != wl || more_g != more_w) {
      INFO("line " << line << "\n  got:    " << gl << "\n  golden: " << wl);
      FAIL("the analysis differs from " << golden_path);
    }
  }
}
