#pragma once
// UTF-8 helpers shared by every module: validation with the byte offset of the first
// bad byte, decoding, and conversion between byte and code point offsets.
// Free functions over std::string_view; thread-safe.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::base {

// Byte offset of the first byte that is not part of well-formed UTF-8 (overlongs,
// surrogates and code points above U+10FFFF are rejected), or nullopt when `s` is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

// Decodes the code point starting at s[*pos] and advances *pos past it.
// REQUIRES: *pos < s.size(). Invalid bytes decode as U+FFFD and advance by one.
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in `s` (invalid bytes count one each).
size_t CodePointCount(std::string_view s);

// Maps byte offsets of one text to code point offsets. Built once per text: O(n).
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // Code point offset of byte offset `byte` (clamped to the text's end).
  uint32_t ToCodePoint(size_t byte) const;

 private:
  std::vector<uint32_t> cp_at_byte_;
};

}  // namespace kg::base
