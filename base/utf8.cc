#include "base/utf8.h"

namespace kg::base {

namespace {
// Length of the sequence a lead byte starts, or 0 when it cannot start one.
int SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

// Decodes one well-formed sequence at s[pos]; returns its length or 0 when malformed.
int DecodeStrict(std::string_view s, size_t pos, char32_t* cp) {
  const auto c0 = static_cast<unsigned char>(s[pos]);
  const int len = SequenceLength(c0);
  if (len == 0 || pos + len > s.size()) return 0;
  if (len == 1) {
    *cp = c0;
    return 1;
  }
  char32_t v = c0 & (0xFF >> (len + 1));
  for (int i = 1; i < len; ++i) {
    const auto c = static_cast<unsigned char>(s[pos + i]);
    if ((c & 0xC0) != 0x80) return 0;
    v = (v << 6) | (c & 0x3F);
  }
  if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF))) return 0;
  if (v >= 0xD800 && v <= 0xDFFF) return 0;
  *cp = v;
  return len;
}
}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  size_t pos = 0;
  char32_t cp;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const int len = DecodeStrict(s, pos, &cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::nullopt;
}

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  char32_t cp = 0xFFFD;
  const int len = DecodeStrict(s, *pos, &cp);
  if (len == 0) {
    *pos += 1;
    return 0xFFFD;
  }
  *pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0, pos = 0;
  while (pos < s.size()) {
    DecodeUtf8(s, &pos);
    ++n;
  }
  return n;
}

CodePointIndex::CodePointIndex(std::string_view text) : cp_at_byte_(text.size() + 1, 0) {
  size_t pos = 0;
  uint32_t cp = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    DecodeUtf8(text, &pos);
    for (size_t b = start; b < pos; ++b) cp_at_byte_[b] = cp;
    ++cp;
  }
  cp_at_byte_[text.size()] = cp;
}

uint32_t CodePointIndex::ToCodePoint(size_t byte) const {
  if (byte >= cp_at_byte_.size()) return cp_at_byte_.back();
  return cp_at_byte_[byte];
}

}  // namespace kg::base
