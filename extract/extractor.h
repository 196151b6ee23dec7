#pragma once
// Extractor: the one interface between article text and the graph. An implementation
// turns one article into an ArticleGraph (entities, relations, evidence). Implementations
// are immutable after construction and Extract() is thread-safe, so one instance can
// serve every worker thread of a batch ingest.

#include <string>

#include "base/status.h"

namespace kg::proto {
class ArticleGraph;
}

namespace kg::extract {

// An article as read from a file or a .jsonl line, before any analysis.
struct ArticleText {
  std::string id;      // empty: computed from the normalised text (ArticleId)
  std::string text;    // UTF-8, without the optional " date YYYY-MM-DD" line
  std::string date;    // YYYY-MM-DD or empty
  std::string title;
  std::string source;
  std::string path;    // where it came from, for messages ("a.jsonl:12")
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  // The graph of one article. Fails with InvalidArgument on text it cannot analyse.
  virtual base::Result<proto::ArticleGraph> Extract(const ArticleText& article) const = 0;
};

// The article id: 16 hex digits of a stable hash of the text with whitespace runs folded
// to one space and the ends trimmed, so re-wrapped copies of one text share an id.
std::string ArticleId(const std::string& text);

}  // namespace kg::extract
