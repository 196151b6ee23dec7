#pragma once
// For tests that look for text in Graphviz's SVG, which writes '-', quotes and non-ASCII
// punctuation as character references (&#45;, &#39;...).

#include <cstring>
#include <string>
#include <utility>

#include "base/utf8.h"

namespace kg::testing {

// Text of the SVG with XML character references (&amp;, &#45;...) undone.
inline std::string SvgText(const std::string& s) {
  static const std::pair<const char*, char32_t> kNamed[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      const size_t semi = s.find(';', i);
      if (semi != std::string::npos && s.compare(i, 2, "&#") == 0) {
        const bool hex = s[i + 2] == 'x';
        const std::string digits = s.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2));
        kg::base::AppendUtf8(static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10)), &out);
        i = semi + 1;
        continue;
      }
      bool named = false;
      for (const auto& [entity, cp] : kNamed) {
        if (s.compare(i, std::strlen(entity), entity) == 0) {
          out += static_cast<char>(cp);
          i += std::strlen(entity);
          named = true;
          break;
        }
      }
      if (named) continue;
    }
    out += s[i++];
  }
  return out;
}

}  // namespace kg::testing
