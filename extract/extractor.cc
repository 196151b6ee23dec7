#include "extract/extractor.h"

#include "base/text.h"

namespace kg::extract {

std::string ArticleId(const std::string& text) {
  std::string folded;
  folded.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !folded.empty()) folded.push_back(' ');
    space = false;
    folded.push_back(c);
  }
  return base::Hex64(base::StableHash64(folded));
}

}  // namespace kg::extract
