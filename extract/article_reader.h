#pragma once
// Reads articles from the inputs a user names: plain UTF-8 .txt files (optional first
// line " date YYYY-MM-DD"), .jsonl files (one {"id","date","title","source","text"} per
// line) and directories (searched recursively for both, in sorted order).
// Every check happens here, before anything is written: empty, binary, invalid UTF-8,
// oversized, missing or unreadable inputs fail with a message naming file and place.
// Stateless; thread-safe.

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/extractor.h"

namespace kg::extract {

struct ReadOptions {
  size_t max_article_bytes = 8u << 20;  // one article (a file or a .jsonl line)
  size_t max_file_bytes = 1u << 30;     // one .jsonl file
};

// One .txt article ("-": standard input). Fails with InvalidArgument ("<path>: ...") on empty, binary or
// non-UTF-8 content, IOError when the file cannot be read, NotFound when it is missing.
base::Result<ArticleText> ReadArticleFile(const std::string& path, const ReadOptions& opts = {});

// Parses one article from text already in memory; `origin` names it in messages.
base::Result<ArticleText> ParseArticleText(std::string content, const std::string& origin,
                                           const ReadOptions& opts = {});

// Every article of a .jsonl file; the first bad line fails the whole file
// ("<path>:<line>: ...") so that nothing half-read reaches the database.
base::Result<std::vector<ArticleText>> ReadJsonl(const std::string& path,
                                                 const ReadOptions& opts = {});

// The article files named by `inputs` (files and "-" kept as given, directories expanded to
// their *.txt and *.jsonl files recursively, sorted). Fails when an input is missing or
// a directory holds no article files.
base::Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs);

// Reads everything `inputs` names: .jsonl files line by line, everything else as .txt.
base::Result<std::vector<ArticleText>> ReadInputs(const std::vector<std::string>& inputs,
                                                  const ReadOptions& opts = {});

}  // namespace kg::extract
