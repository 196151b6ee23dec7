#include "extract/dateline.h"

#include <catch2/catch.hpp>

#include "extract/text/tokenizer.h"

using namespace kg::extract;

namespace {
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<Sentence> sentences = Tokenizer().Tokenize(text);
  SplitDatelines(&sentences);
  std::vector<std::string> out;
  for (const auto& s : sentences) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}
}  // namespace

TEST_CASE("Dateline: a wire dateline becomes a heading of its own", "[extract]") {
  CHECK(Sentences("NAIROBI, March 3 (Reuters) - Kenya closed its border.") ==
        std::vector<std::string>{"NAIROBI, March 3 (Reuters) -", "Kenya closed its border."});
  CHECK(Sentences("KYIV/MOSCOW, 3 March (Meridian Wire) \xE2\x80\x94 Both sides fired.") ==
        std::vector<std::string>{"KYIV/MOSCOW, 3 March (Meridian Wire) \xE2\x80\x94", "Both sides fired."});
  CHECK(Sentences("WASHINGTON \xE2\x80\x94 The Senate voted.") ==
        std::vector<std::string>{"WASHINGTON \xE2\x80\x94", "The Senate voted."});
  SECTION("ordinary sentences that start with capitals are left alone") {
    CHECK(Sentences("US President Donald Trump spoke - briefly.").size() == 1);
    CHECK(Sentences("NATO said it would meet.").size() == 1);
  }
}
