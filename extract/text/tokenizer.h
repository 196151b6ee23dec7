#pragma once
// Tokenizer: splits English (news) text into sentences of tokens, following the UD
// English-EWT conventions for words (do|n't, Ukraine|'s, ministers|') except that
// hyphenated compounds stay whole (Trump-Putin, large-scale) unless split_hyphens is set.
// Every token and sentence keeps byte offsets into the text, so text[begin, end) is the
// token exactly. Immutable after construction; Tokenize() is const and thread-safe.

#include <string_view>
#include <vector>

#include "extract/document.h"

namespace kg::extract {

struct TokenizerOptions {
  // Split letter-hyphen-letter words into word, "-", word as EWT does (except after
  // common prefixes such as non-, anti-, post-). Off: compounds stay one token.
  bool split_hyphens = false;
  // A run of more tokens than this without a sentence boundary (text without punctuation,
  // a pasted table) is cut, at its last ";", ":" or "," in the second half, else at the
  // limit: the later stages cost more than linear time in a sentence's length.
  size_t max_sentence_tokens = 250;
};

class Tokenizer {
 public:
  explicit Tokenizer(TokenizerOptions options = {}) : options_(options) {}

  // Sentences of `text` in order. Fills Token::text/begin/end/space_after and
  // Sentence::begin/end/heading; other Token fields stay empty. Sentences end at final
  // punctuation (not after abbreviations such as Gen., U.S. before a name, or initials),
  // at blank lines, and after a line without final punctuation (a heading). Invalid
  // UTF-8 bytes are kept inside tokens, never split or dropped.
  std::vector<Sentence> Tokenize(std::string_view text) const;

 private:
  TokenizerOptions options_;
};

}  // namespace kg::extract
