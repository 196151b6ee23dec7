#include "base/text.h"

#include "base/utf8.h"

namespace kg::base {

namespace {

// ASCII base letter for Latin-1 Supplement and Latin Extended-A letters, or 0.
char FoldLatin(char32_t cp) {
  // U+00C0..U+00FF and U+0100..U+017F: the ASCII letter each folds to ('\0' for none).
  static const char kLatin1[] =
      "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  static const char kExtA[] =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
      "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  static_assert(sizeof(kLatin1) == 0x40 + 1 && sizeof(kExtA) == 0x80 + 1);
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kExtA[cp - 0x100];
  return 0;
}

// Lowercase for the few non-Latin-folded ranges we meet in names (Greek, Cyrillic).
char32_t LowerOther(char32_t cp) {
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;    // Greek capitals
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;    // Cyrillic capitals
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;    // Cyrillic Ѐ..Џ
  return cp;
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  size_t pos = 0;
  auto emit = [&](char c) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  };
  while (pos < name.size()) {
    const char32_t cp = DecodeUtf8(name, &pos);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        emit(static_cast<char>(c - 'A' + 'a'));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(c);
      } else if (c == '.') {
        // "U.S." == "US": dots vanish.
      } else if (c == '\'') {
        emit('\'');
      } else {
        pending_space = true;
      }
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      emit('\'');
    } else if (const char f = FoldLatin(cp); f != 0) {
      emit(f);
      if (cp == 0xC6 || cp == 0xE6) emit('e');       // Æ -> ae
      if (cp == 0xDF) emit('s');                     // ß -> ss
      if (cp == 0x152 || cp == 0x153) emit('e');     // Œ -> oe
    } else if (cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0) {
      pending_space = true;  // ×, ÷, general punctuation and spaces
    } else {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      AppendUtf8(LowerOther(cp), &out);
    }
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::string Slug(std::string_view name) {
  std::string folded = FoldName(name);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c == '\'') continue;
    out.push_back(c == ' ' ? '-' : c);
  }
  return out;
}

std::string MakeEntityId(std::string_view type_name, std::string_view canonical_name) {
  return AsciiLower(type_name) + ":" + Slug(canonical_name);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string NameCase(std::string_view s) {
  std::string out(s);
  bool word_start = true;
  for (size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c == ' ' || c == '-' || c == '\'') {
      word_start = true;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      if (!word_start) out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // U+00C0..U+00DE (but not U+00D7, the multiplication sign) -> U+00E0..U+00FE.
      const unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (!word_start && d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
    word_start = false;
  }
  return out;
}

void AsciiLowerInto(std::string_view s, std::string* out) {
  out->resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    (*out)[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

uint64_t StableHash64(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string Hex64(uint64_t v) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kDigits[v & 0xF];
    v >>= 4;
  }
  return out;
}

}  // namespace kg::base
