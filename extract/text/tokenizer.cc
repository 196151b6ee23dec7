#include "extract/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <string>

#include "base/utf8.h"

namespace kg::extract {
namespace {

// ---- code points ---------------------------------------------------------------------

struct Cp {
  char32_t c = 0;
  uint32_t len = 0;
};

Cp CpAt(std::string_view s, size_t pos) {
  size_t p = pos;
  const char32_t c = base::DecodeUtf8(s, &p);
  return {c, static_cast<uint32_t>(p - pos)};
}

// The code point ending just before `pos` (REQUIRES: pos > 0).
Cp CpBefore(std::string_view s, size_t pos) {
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  Cp cp = CpAt(s, start);
  if (start + cp.len != pos) return {0xFFFD, 1};  // a stray byte: step over it alone
  return cp;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}
bool IsLower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsDash(char32_t c) { return c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015; }
bool IsOpening(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == 0x201C || c == 0x2018 ||
         c == 0xAB || c == 0x2039 || c == 0x201E || c == 0x201A || c == 0xBF || c == 0xA1;
}
bool IsClosing(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == 0x201D || c == 0x2019 ||
         c == 0xBB || c == 0x203A || c == '\'';
}
bool IsCurrency(char32_t c) {
  return c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0x20B9 || c == 0x20BD;
}
// Letters: ASCII letters and every non-ASCII code point that is not punctuation,
// space or a symbol we split on.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c) || IsDigit(c);
  if (IsSpace(c) || IsDash(c) || IsOpening(c) || IsClosing(c) || IsCurrency(c)) return false;
  if (c == 0x2026 || (c >= 0x2010 && c <= 0x206F)) return false;  // general punctuation
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWithI(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Abbreviations that take a period and normally precede a name or number, so a
// sentence never ends after them.
constexpr std::array<std::string_view, 52> kTitleAbbreviations = {
    "mr",   "mrs",  "ms",   "messrs", "dr",   "prof", "gen",   "lt",   "col",  "sgt",  "capt",
    "maj",  "adm",  "cmdr", "gov",    "sen",  "rep",  "reps",  "rev",  "st",   "hon",  "pres",
    "supt", "jan",  "feb",  "apr",    "jun",  "jul",  "aug",   "sep",  "sept", "oct",  "nov",
    "dec",  "tues", "thurs", "vs",    "cf",   "fig",  "figs",  "ft",   "mt",   "ave",  "blvd",
    "dept", "univ", "approx", "ca",   "gens", "sens", "cpl",   "pvt"};
// Abbreviations that may end a sentence (a capitalised word after them starts a new one).
constexpr std::array<std::string_view, 10> kFinalAbbreviations = {
    "inc", "corp", "co", "ltd", "llc", "bros", "etc", "jr", "sr", "al"};
// Words that, capitalised after "U.S." or an initial, most likely start a new sentence.
constexpr std::array<std::string_view, 40> kSentenceStarters = {
    "the",  "a",     "an",   "he",    "she",   "it",   "they",  "we",   "i",    "you",
    "but",  "and",   "in",   "on",    "at",    "this", "that",  "these", "those", "there",
    "his",  "her",   "their", "its",  "our",   "if",   "when",  "while", "after", "as",
    "however", "meanwhile", "so", "for", "yet", "officials", "some", "many", "most", "what"};

enum class AbbrevKind { kNone, kTitle, kInitial, kFinal, kInitialism };

// Is `word` (the text before a final '.') an abbreviation that keeps its period?
// `next_is_digit`: the following text starts with a digit ("No. 5").
AbbrevKind ClassifyAbbreviation(std::string_view word, bool next_is_digit) {
  if (word.empty()) return AbbrevKind::kNone;
  if (word.find('.') != std::string_view::npos) {
    // U.S, D.C, e.g, a.m, Ph.D: short letter groups separated by periods.
    size_t start = 0;
    while (start <= word.size()) {
      size_t dot = word.find('.', start);
      if (dot == std::string_view::npos) dot = word.size();
      const size_t len = dot - start;
      if (len == 0 || len > 3) return AbbrevKind::kNone;
      for (size_t i = start; i < dot; ++i) {
        if (!IsAsciiLetter(static_cast<unsigned char>(word[i]))) return AbbrevKind::kNone;
      }
      start = dot + 1;
    }
    return AbbrevKind::kInitialism;
  }
  if (word.size() == 1 && IsAsciiLetter(static_cast<unsigned char>(word[0]))) {
    return AbbrevKind::kInitial;
  }
  for (char c : word) {
    if (!IsAsciiLetter(static_cast<unsigned char>(c))) return AbbrevKind::kNone;
  }
  const std::string lower = Lower(word);
  if (InList(kTitleAbbreviations, lower)) return AbbrevKind::kTitle;
  if (InList(kFinalAbbreviations, lower)) return AbbrevKind::kFinal;
  if ((lower == "no" || lower == "nos" || lower == "vol" || lower == "pp" || lower == "p") &&
      next_is_digit) {
    return AbbrevKind::kTitle;
  }
  return AbbrevKind::kNone;
}

constexpr std::array<std::string_view, 16> kHyphenPrefixes = {
    "non", "anti", "pro", "post", "pre", "co", "re", "self", "ex", "multi", "mid", "semi",
    "sub", "inter", "counter", "e"};

// ---- pieces of one whitespace-delimited chunk -----------------------------------------

struct Span {
  uint32_t begin, end;
};

class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, const TokenizerOptions& options, std::vector<Span>* out)
      : text_(text), options_(options), out_(out) {}

  // Splits text[b, e) into tokens appended to out. `next_is_digit`: the next chunk
  // starts with a digit.
  void Split(uint32_t b, uint32_t e, bool next_is_digit) {
    std::vector<Span> tail;  // trailing tokens, in reverse order
    if (IsEmoticon(text_.substr(b, e - b))) {
      Emit(b, e);
      return;
    }
    PeelLeading(&b, e);
    if (b < e && LooksLikeUrl(b, e)) {
      while (b < e) {
        const Cp last = CpBefore(text_, e);
        if (last.c == '.' || last.c == ',' || last.c == ';' || last.c == ':' || last.c == '!' ||
            last.c == '?' || last.c == ')' || last.c == ']' || last.c == '>' || last.c == '"' || last.c == 0x201D ||
            last.c == 0x2019 || last.c == '\'') {
          tail.push_back({e - last.len, e});
          e -= last.len;
        } else {
          break;
        }
      }
      if (b < e) out_->push_back({b, e});
    } else {
      PeelTrailing(b, &e, next_is_digit, &tail);
      SplitMiddle(b, e);
    }
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) out_->push_back(*it);
  }

 private:
  void Emit(uint32_t b, uint32_t e) {
    if (b < e) out_->push_back({b, e});
  }

  static bool IsEmoticon(std::string_view s) {
    static constexpr std::array<std::string_view, 12> kEmoticons = {
        ":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":/", "<3"};
    return InList(kEmoticons, s);
  }

  // Length of a run of the same symbol (*, =, _, ~, #, +, -, /) of 2 or more starting
  // at `pos` ("***", "====="), else 0.
  uint32_t SymbolRunAt(uint32_t pos, uint32_t e) const {
    const char c = text_[pos];
    if (c != '*' && c != '=' && c != '_' && c != '~' && c != '#' && c != '+' && c != '-' &&
        c != '/' && c != '$' && c != '<' && c != '>') {
      return 0;
    }
    uint32_t n = pos;
    while (n < e && text_[n] == c) ++n;
    return n - pos >= 2 ? n - pos : 0;
  }

  bool LooksLikeUrl(uint32_t b, uint32_t e) const {
    const std::string_view s = text_.substr(b, e - b);
    if (StartsWithI(s, "http://") || StartsWithI(s, "https://") || StartsWithI(s, "www.") ||
        StartsWithI(s, "ftp://") || StartsWithI(s, "mailto:")) {
      return true;
    }
    const size_t at = s.find('@');
    if (at != std::string_view::npos && at > 0) {
      const size_t dot = s.find('.', at);
      if (dot != std::string_view::npos && dot > at + 1 && dot + 1 < s.size()) return true;
    }
    return false;
  }

  // Length of a run of '.' (>= 2) or one '…' starting at `pos`, else 0.
  uint32_t EllipsisAt(uint32_t pos, uint32_t e) const {
    const Cp cp = CpAt(text_, pos);
    if (cp.c == 0x2026) return cp.len;
    if (text_[pos] != '.') return 0;
    uint32_t n = pos;
    while (n < e && text_[n] == '.') ++n;
    return n - pos >= 2 ? n - pos : 0;
  }

  void PeelLeading(uint32_t* b, uint32_t e) {
    while (*b < e) {
      const Cp cp = CpAt(text_, *b);
      const bool more = *b + cp.len < e;
      const char32_t next = more ? CpAt(text_, *b + cp.len).c : 0;
      if (IsApostrophe(cp.c)) {
        // '90s, 'em: an apostrophe that belongs to the word.
        if (more && (IsDigit(next) || (IsLower(next) && LeadingClitic(*b + cp.len, e)))) return;
        Emit(*b, *b + cp.len);
      } else if (const uint32_t run = SymbolRunAt(*b, e); run > 0) {
        Emit(*b, *b + run);
        *b += run;
        continue;
      } else if (IsOpening(cp.c) || (IsCurrency(cp.c) && more) || IsDash(cp.c)) {
        Emit(*b, *b + cp.len);
      } else if (const uint32_t n = EllipsisAt(*b, e); n > 0) {
        Emit(*b, *b + n);
        *b += n;
        continue;
      } else if (const uint32_t run = SymbolRunAt(*b, e); run > 0) {
        Emit(*b, *b + run);
        *b += run;
        continue;
      } else if (cp.c == ',' || cp.c == ';' || cp.c == '!' || cp.c == '?' || cp.c == ':' ||
                 (cp.c == '*' && more)) {
        Emit(*b, *b + cp.len);
      } else {
        return;
      }
      *b += cp.len;
    }
  }

  bool LeadingClitic(uint32_t pos, uint32_t e) const {
    const std::string w = Lower(text_.substr(pos, e - pos));
    return w == "em" || w == "til" || w == "n" || w == "cause" || w == "tis";
  }

  void PeelTrailing(uint32_t b, uint32_t* e, bool next_is_digit, std::vector<Span>* tail) {
    while (b < *e) {
      const Cp cp = CpBefore(text_, *e);
      const uint32_t start = *e - cp.len;
      if (cp.c == '.' || cp.c == '!' || cp.c == '?') {
        // A run of final punctuation ("...", "?!", ".?") is one token.
        uint32_t s = start;
        while (s > b && (text_[s - 1] == '.' || text_[s - 1] == '!' || text_[s - 1] == '?')) --s;
        if (*e - s == 1 && cp.c == '.') {
          // The last word before the period: "drill—Gen." asks about "Gen".
          uint32_t w = start;
          while (w > b) {
            const Cp prev = CpBefore(text_, w);
            if (!IsWordChar(prev.c) && prev.c != '.' && prev.c != '-' && !IsApostrophe(prev.c)) break;
            w -= prev.len;
          }
          const std::string_view word = text_.substr(w, start - w);
          if (ClassifyAbbreviation(word, next_is_digit) != AbbrevKind::kNone) return;
        }
        tail->push_back({s, *e});
        *e = s;
      } else if (cp.c == 0x2026) {
        tail->push_back({start, *e});
        *e = start;
      } else if (cp.c == ')' && text_.substr(b, start - b).find('(') != std::string_view::npos) {
        return;  // f(x), (s): a bracket inside the word
      } else if (IsClosing(cp.c) || cp.c == ',' || cp.c == ';' || cp.c == ':' || cp.c == '%' ||
                 IsDash(cp.c) || cp.c == '*') {
        if (cp.c == '-') return;
        tail->push_back({start, *e});
        *e = start;
      } else if (start > b && text_[start] == text_[start - 1] && SymbolRunAt(start - 1, *e) > 0) {
        uint32_t s = start;
        while (s > b && text_[s - 1] == text_[start]) --s;
        tail->push_back({s, *e});
        *e = s;
      } else {
        return;
      }
    }
  }

  // Splits at separators inside the word: dashes, "--", ellipses, brackets, quotes, and
  // commas, colons or semicolons that are not inside a number.
  void SplitMiddle(uint32_t b, uint32_t e) {
    uint32_t piece = b;
    uint32_t i = b;
    while (i < e) {
      const Cp cp = CpAt(text_, i);
      uint32_t sep_len = 0;
      if (IsDash(cp.c) || cp.c == ';' || cp.c == '!' || cp.c == '?' || cp.c == '"' ||
          cp.c == 0x201C || cp.c == 0x201D || cp.c == 0xAB || cp.c == 0xBB || cp.c == '[' ||
          cp.c == ']' || cp.c == '{' || cp.c == '}') {
        sep_len = cp.len;
      } else if (cp.c == '(' || cp.c == ')') {
        // Keep "(s)" endings and f(x); split "word(s)" only when a space-like use.
        const bool inside_word = i > b && i + 1 < e && IsWordChar(CpBefore(text_, i).c) &&
                                 IsWordChar(CpAt(text_, i + 1).c);
        sep_len = inside_word ? 0 : cp.len;
      } else if (cp.c == ',' || cp.c == ':') {
        const bool in_number = i > b && i + 1 < e && IsDigit(CpBefore(text_, i).c) &&
                               IsDigit(static_cast<unsigned char>(text_[i + 1]));
        sep_len = in_number ? 0 : cp.len;
      } else if (const uint32_t n = EllipsisAt(i, e); n > 0) {
        sep_len = n;
      } else if (const uint32_t run = SymbolRunAt(i, e); run > 0 && text_[i] != '/') {
        sep_len = run;
      }
      if (sep_len > 0) {
        Word(piece, i);
        Emit(i, i + sep_len);
        i += sep_len;
        piece = i;
      } else {
        i += cp.len;
      }
    }
    Word(piece, e);
  }

  // One word without separators: clitics (do|n't, Ukraine|'s, gon|na) and, when asked,
  // hyphens.
  void Word(uint32_t b, uint32_t e) {
    if (b >= e) return;
    const std::string_view w = text_.substr(b, e - b);
    const std::string lower = Lower(w);
    // n't with a straight or curly apostrophe.
    for (std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
      std::string nt = "n";
      nt += apos;
      nt += 't';
      if (lower.size() > nt.size() && lower.ends_with(nt)) {
        Hyphens(b, e - static_cast<uint32_t>(nt.size()));
        Emit(e - static_cast<uint32_t>(nt.size()), e);
        return;
      }
      for (std::string_view clitic : {"s", "re", "ve", "ll", "d", "m"}) {
        const std::string suffix = std::string(apos) + std::string(clitic);
        if (lower.size() > suffix.size() && lower.ends_with(suffix) &&
            IsWordChar(CpBefore(text_, e - static_cast<uint32_t>(suffix.size())).c)) {
          Hyphens(b, e - static_cast<uint32_t>(suffix.size()));
          Emit(e - static_cast<uint32_t>(suffix.size()), e);
          return;
        }
      }
    }
    if (lower == "cannot") {
      Emit(b, b + 3);
      Emit(b + 3, e);
      return;
    }
    static constexpr std::array<std::string_view, 16> kBareNt = {
        "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "havent",
        "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "cant", "wont", "aint"};
    if (InList(kBareNt, lower)) {
      Emit(b, e - 2);
      Emit(e - 2, e);
      return;
    }
    if (lower == "im" || lower == "ive" || lower == "alot") {
      Emit(b, b + 1);
      Emit(b + 1, e);
      return;
    }
    // and/or, East/West: a slash between letters splits; 1/2, 02/13/2001 stay whole.
    for (uint32_t i = b + 1; i + 1 < e; ++i) {
      if (text_[i] == '/' && IsAsciiLetter(static_cast<unsigned char>(text_[i - 1])) &&
          IsAsciiLetter(static_cast<unsigned char>(text_[i + 1])) && i - b > 1) {
        Word(b, i);
        Emit(i, i + 1);
        Word(i + 1, e);
        return;
      }
    }
    if (lower == "gonna" || lower == "wanna" || lower == "gotta") {
      Emit(b, b + 3);
      Emit(b + 3, e);
      return;
    }
    Hyphens(b, e);
  }

  void Hyphens(uint32_t b, uint32_t e) {
    if (!options_.split_hyphens) {
      Emit(b, e);
      return;
    }
    uint32_t piece = b;
    for (uint32_t i = b + 1; i + 1 < e; ++i) {
      if (text_[i] != '-') continue;
      if (!IsWordChar(CpBefore(text_, i).c) || !IsWordChar(CpAt(text_, i + 1).c)) continue;
      if (piece == b && InList(kHyphenPrefixes, Lower(text_.substr(b, i - b)))) continue;
      const bool digits = IsDigit(static_cast<unsigned char>(text_[i - 1])) &&
                          IsDigit(static_cast<unsigned char>(text_[i + 1]));
      if (digits) continue;
      Emit(piece, i);
      Emit(i, i + 1);
      piece = i + 1;
    }
    Emit(piece, e);
  }

  std::string_view text_;
  const TokenizerOptions& options_;
  std::vector<Span>* out_;
};

// ---- sentences -------------------------------------------------------------------------

struct RawToken {
  Span span;
  int newlines_before = 0;  // newlines in the whitespace before it (0: glued or spaces)
  bool space_before = false;
};

bool IsFinalPunct(std::string_view t) {
  if (t.empty()) return false;
  if (t == "\xE2\x80\xA6") return true;  // …
  for (char c : t) {
    if (c != '.' && c != '!' && c != '?') return false;
  }
  return true;
}

bool IsClosingToken(std::string_view t) {
  if (t.empty()) return false;
  const Cp cp = CpAt(t, 0);
  return cp.len == t.size() && IsClosing(cp.c);
}

// Does the token look like the start of a sentence (capitalised word, digit, or an
// opening quote/bracket)?
bool StartsSentence(std::string_view t) {
  if (t.empty()) return false;
  const Cp cp = CpAt(t, 0);
  return IsUpper(cp.c) || IsDigit(cp.c) || IsOpening(cp.c) || IsCurrency(cp.c) ||
         IsApostrophe(cp.c);
}

}  // namespace

std::vector<Sentence> Tokenizer::Tokenize(std::string_view text) const {
  // 1. Whitespace-delimited chunks, split into tokens.
  std::vector<RawToken> tokens;
  std::vector<Span> spans;
  ChunkSplitter splitter(text, options_, &spans);
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t pos = 0;
  int newlines = 0;
  bool space = false;
  while (pos < n) {
    const Cp cp = CpAt(text, pos);
    if (IsSpace(cp.c)) {
      if (cp.c == '\n' || cp.c == 0x2028 || cp.c == 0x2029) ++newlines;
      space = true;
      pos += cp.len;
      continue;
    }
    uint32_t end = pos;
    while (end < n) {
      const Cp c = CpAt(text, end);
      if (IsSpace(c.c)) break;
      end += c.len;
    }
    uint32_t next = end;
    while (next < n) {
      const Cp c = CpAt(text, next);
      if (!IsSpace(c.c)) break;
      next += c.len;
    }
    const bool next_is_digit = next < n && IsDigit(static_cast<unsigned char>(text[next]));
    spans.clear();
    splitter.Split(pos, end, next_is_digit);
    for (size_t i = 0; i < spans.size(); ++i) {
      RawToken t;
      t.span = spans[i];
      if (i == 0) {
        t.newlines_before = tokens.empty() ? 2 : newlines;
        t.space_before = space;
      }
      tokens.push_back(t);
    }
    newlines = 0;
    space = false;
    pos = end;
  }

  // 2. Sentence boundaries.
  auto tok_text = [&](size_t i) {
    return text.substr(tokens[i].span.begin, tokens[i].span.end - tokens[i].span.begin);
  };
  std::vector<Sentence> sentences;
  size_t first = 0;
  auto close_sentence = [&](size_t last) {  // tokens [first, last]
    Sentence s;
    s.begin = tokens[first].span.begin;
    s.end = tokens[last].span.end;
    for (size_t i = first; i <= last; ++i) {
      Token t;
      t.begin = tokens[i].span.begin;
      t.end = tokens[i].span.end;
      t.text = std::string(tok_text(i));
      t.space_after = t.end < n && IsSpace(CpAt(text, t.end).c);
      s.tokens.push_back(std::move(t));
    }
    // A heading: a whole line without final punctuation.
    const bool line_start = tokens[first].newlines_before > 0;
    const bool line_end = last + 1 == tokens.size() || tokens[last + 1].newlines_before > 0;
    size_t k = last;
    while (k > first && IsClosingToken(tok_text(k))) --k;
    const std::string_view final_tok = tok_text(k);
    const bool punct_end = IsFinalPunct(final_tok) || final_tok == ":" || final_tok == ";" ||
                           final_tok == "," ||
                           (final_tok.size() > 1 && final_tok.back() == '.');
    s.heading = line_start && line_end && !punct_end;
    sentences.push_back(std::move(s));
    first = last + 1;
  };

  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i + 1 == tokens.size()) {
      close_sentence(i);
      break;
    }
    const RawToken& next = tokens[i + 1];
    const std::string_view next_text = tok_text(i + 1);
    if (next.newlines_before >= 2) {  // blank line
      close_sentence(i);
      continue;
    }
    // Find the sentence-final token this one may close: final punctuation, possibly
    // followed by closing quotes or brackets.
    size_t k = i;
    while (k > first && IsClosingToken(tok_text(k)) && !tokens[k].space_before) --k;
    const std::string_view t = tok_text(k);
    bool final_punct = IsFinalPunct(t);
    bool boundary = false;
    if (!final_punct && t.size() > 1 && t.back() == '.' && k == i) {
      // A token with its period attached: an abbreviation.
      const AbbrevKind kind = ClassifyAbbreviation(t.substr(0, t.size() - 1), false);
      std::string next_lower = Lower(next_text);
      if (kind == AbbrevKind::kFinal) {
        boundary = StartsSentence(next_text);
        final_punct = true;
      } else if (kind == AbbrevKind::kInitialism || kind == AbbrevKind::kInitial) {
        boundary = StartsSentence(next_text) && InList(kSentenceStarters, next_lower);
        final_punct = boundary;
      } else if (kind == AbbrevKind::kNone) {
        final_punct = true;  // e.g. "3." or a URL ending in a period
        boundary = StartsSentence(next_text);
      }
    } else if (final_punct) {
      // Capitalised next word; or a lower-case one directly after the punctuation
      // (web text "... that. you ..."), but not after a closing quote ("Why?" he asked).
      boundary = StartsSentence(next_text) || (k == i && IsLower(CpAt(next_text, 0).c));
      if (next.newlines_before > 0) boundary = true;
      // A closing quote or bracket directly after the final punctuation belongs to
      // this sentence: wait for it.
      if (IsClosingToken(next_text) && !next.space_before) boundary = false;
    }
    if (!boundary && next.newlines_before == 1) {
      // A line break: ends the sentence after final punctuation, or after a line
      // without it (a heading) unless the next line continues in lower case.
      const Cp c = CpAt(next_text, 0);
      if (final_punct || !IsLower(c.c)) boundary = true;
    }
    if (boundary) {
      close_sentence(i);
    } else if (i + 1 - first >= options_.max_sentence_tokens && options_.max_sentence_tokens > 0) {
      size_t cut = i;
      for (size_t j = i; j > first + options_.max_sentence_tokens / 2; --j) {
        const std::string_view w = tok_text(j);
        if (w == ";" || w == ":" || w == ",") {
          cut = j;
          break;
        }
      }
      close_sentence(cut);
    }
  }
  return sentences;
}

}  // namespace kg::extract
