#include "extract/ner/ner_features.h"

#include <algorithm>

#include "base/text.h"
#include "base/utf8.h"
#include "extract/document.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/title_lexicon.h"
#include "extract/syntax/linear_model.h"

namespace kg::extract {

namespace {

// One feature: a template id and up to two values (the shared key mixer).
inline uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b = 0) {
  return FeatureKey(static_cast<uint32_t>(tmpl), a, b);
}

inline uint64_t Hash(std::string_view s) { return base::StableHash64(s); }

enum Template : uint64_t {
  kBias = 1, kForm, kLower, kShape, kPrefix, kSuffix, kPrevWord, kNextWord, kPrev2Word, kNext2Word,
  kPrevShapeShape, kShapeNextShape, kUpos, kXpos, kPrevUposUpos, kUposNextUpos, kPrevXpos, kNextXpos,
  kPrevWordWord, kWordNextWord, kFirstShape, kModeShape, kGazetteer, kGazetteerPrev, kGazetteerNext,
  kGivenName, kPrevGivenName, kPrevTitle, kPrev2Title, kKeyword, kNextKeyword, kRunKeyword, kDocCase,
  kRunLength, kPrevWordShape, kNextWordShape, kLongWord, kHasHyphenParts
};

// Compressed character-class shape: "Hegseth" -> "Xx", "U.S." -> "X.X.", "2025" -> "d".
std::string Shape(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
      ++pos;
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
      ++pos;
    } else if (c >= '0' && c <= '9') {
      k = 'd';
      ++pos;
    } else if (c < 0x80) {
      k = static_cast<char>(c);
      ++pos;
    } else {
      // Non-ASCII: Latin-1 capitals (U+00C0..U+00DE) count as 'X', other letters as 'x'.
      const size_t start = pos;
      const char32_t cp = base::DecodeUtf8(text, &pos);
      (void)start;
      k = (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? 'X' : (cp >= 0x2000 && cp < 0x2070 ? '-' : 'x');
    }
    if (out.empty() || out.back() != k) out.push_back(k);
  }
  return out;
}

bool IsCapitalised(std::string_view text) {
  if (text.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(text[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC3 && c <= 0xC3 && text.size() > 1) {
    const unsigned char d = static_cast<unsigned char>(text[1]);
    return d >= 0x80 && d <= 0x9E;  // U+00C0..U+00DE
  }
  return false;
}

bool HasLetter(std::string_view text) {
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

bool IsAllCaps(std::string_view text) {
  int upper = 0;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

struct TokenInfo {
  std::string lower;
  uint64_t form = 0, lower_h = 0, shape = 0, upos = 0, xpos = 0;
  bool cap = false, letters = false;
};

// Sentence casing mode: 0 normal, 1 title case (a heading), 2 all capitals.
int SentenceMode(const std::vector<Token>& tokens) {
  int words = 0, caps = 0, all_caps = 0;
  for (const Token& t : tokens) {
    if (!HasLetter(t.text) || t.text.size() < 2) continue;
    ++words;
    caps += IsCapitalised(t.text);
    all_caps += IsAllCaps(t.text);
  }
  if (words >= 3 && all_caps * 10 >= words * 7) return 2;
  if (words >= 3 && caps * 10 >= words * 8) return 1;
  return 0;
}

}  // namespace

std::string NerWordForm(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

void DocumentWordStats::Add(const std::vector<Token>& tokens) {
  for (size_t i = 1; i < tokens.size(); ++i) {
    const std::string& text = tokens[i].text;
    if (!HasLetter(text)) continue;
    // Quotes and brackets start a clause: skip the word right after them.
    const std::string& prev = tokens[i - 1].text;
    if (prev == "\"" || prev == ":" || prev == "(" || prev == "-" || prev == "\xE2\x80\x9C") continue;
    auto& c = counts_[NerWordForm(text)];
    if (IsCapitalised(text)) {
      ++c.first;
    } else {
      ++c.second;
    }
  }
}

int DocumentWordStats::CaseClass(std::string_view lower) const {
  auto it = counts_.find(std::string(lower));
  if (it == counts_.end()) return 3;
  const auto [cap, low] = it->second;
  if (cap == 0) return 0;
  if (low == 0) return 2;
  return 1;
}

NerFeatureExtractor::NerFeatureExtractor(NerFeatureOptions options, const Gazetteer* gazetteer,
                                         const TitleLexicon* titles)
    : options_(options), gazetteer_(options.lexicons ? gazetteer : nullptr),
      titles_(options.lexicons ? titles : nullptr) {}

void NerFeatureExtractor::Extract(const NerSentenceInput& input, NerFeatureMatrix* out) const {
  const std::vector<Token>& tokens = *input.tokens;
  const int n = static_cast<int>(tokens.size());
  out->hashes.clear();
  out->offsets.assign(1, 0);
  if (n == 0) return;

  std::vector<TokenInfo> info(n);
  for (int i = 0; i < n; ++i) {
    TokenInfo& t = info[i];
    t.lower = NerWordForm(tokens[i].text);
    t.form = Hash(tokens[i].text);
    t.lower_h = Hash(t.lower);
    t.shape = Hash(Shape(tokens[i].text));
    t.upos = Hash(tokens[i].upos);
    t.xpos = Hash(tokens[i].xpos);
    t.cap = IsCapitalised(tokens[i].text);
    t.letters = HasLetter(tokens[i].text);
  }
  static const uint64_t kStart = Hash("<s>"), kEnd = Hash("</s>");
  auto lower_at = [&](int i) { return i < 0 ? kStart : i >= n ? kEnd : info[i].lower_h; };
  auto shape_at = [&](int i) { return i < 0 ? kStart : i >= n ? kEnd : info[i].shape; };
  auto upos_at = [&](int i) { return i < 0 ? kStart : i >= n ? kEnd : info[i].upos; };
  auto xpos_at = [&](int i) { return i < 0 ? kStart : i >= n ? kEnd : info[i].xpos; };

  const int mode = SentenceMode(tokens);

  // Gazetteer class and BILU position of each token: code = 1 + class * 8 + part * 2 + strict.
  std::vector<uint32_t> gaz(n, 0);
  if (gazetteer_ && input.matches) {
    for (const GazetteerMatch& m : *input.matches) {
      for (int k = m.begin; k < m.end; ++k) {
        const int part = m.end - m.begin == 1 ? 3 : k == m.begin ? 0 : k + 1 == m.end ? 2 : 1;
        const bool strict = m.strict && !(m.ambiguous && !m.acronym);
        gaz[k] = 1 + static_cast<uint32_t>(gazetteer_->entry(m.entry).cls) * 8 + part * 2 + (strict ? 1 : 0);
      }
    }
  }
  // Name keyword class in the capitalised run around each token.
  std::vector<int> keyword(n, 0), run_keyword(n, 0), run_length(n, 0);
  if (gazetteer_ && input.folded) {
    for (int i = 0; i < n; ++i) keyword[i] = static_cast<int>(gazetteer_->Keyword((*input.folded)[i]));
    for (int i = 0; i < n;) {
      if (!info[i].cap) {
        ++i;
        continue;
      }
      int j = i;
      int kw = 0;
      while (j < n && (info[j].cap || ((tokens[j].text == "of" || tokens[j].text == "-" || tokens[j].text == "&") &&
                                       j + 1 < n && info[j + 1].cap))) {
        if (keyword[j] != 0) kw = keyword[j];
        ++j;
      }
      for (int k = i; k < j; ++k) {
        run_keyword[k] = kw;
        run_length[k] = std::min(j - i, 4);
      }
      i = j;
    }
  }

  auto& h = out->hashes;
  for (int i = 0; i < n; ++i) {
    const TokenInfo& t = info[i];
    h.push_back(Feature(kBias, 0));
    h.push_back(Feature(kForm, t.form));
    h.push_back(Feature(kLower, t.lower_h));
    h.push_back(Feature(kShape, t.shape));
    const std::string& lw = t.lower;
    for (size_t k = 1; k <= 4 && k <= lw.size(); ++k) {
      h.push_back(Feature(kPrefix, Hash(std::string_view(lw).substr(0, k)), k));
      h.push_back(Feature(kSuffix, Hash(std::string_view(lw).substr(lw.size() - k)), k));
    }
    h.push_back(Feature(kPrevWord, lower_at(i - 1)));
    h.push_back(Feature(kNextWord, lower_at(i + 1)));
    h.push_back(Feature(kPrev2Word, lower_at(i - 2)));
    h.push_back(Feature(kNext2Word, lower_at(i + 2)));
    h.push_back(Feature(kPrevWordWord, lower_at(i - 1), t.lower_h));
    h.push_back(Feature(kWordNextWord, t.lower_h, lower_at(i + 1)));
    h.push_back(Feature(kPrevShapeShape, shape_at(i - 1), t.shape));
    h.push_back(Feature(kShapeNextShape, t.shape, shape_at(i + 1)));
    h.push_back(Feature(kPrevWordShape, lower_at(i - 1), t.shape));
    h.push_back(Feature(kNextWordShape, t.shape, lower_at(i + 1)));
    h.push_back(Feature(kFirstShape, i == 0 ? 1 : i == 1 ? 2 : 3, t.shape));
    h.push_back(Feature(kModeShape, mode, t.shape));
    if (lw.size() > 12) h.push_back(Feature(kLongWord, 1));
    if (t.letters && tokens[i].text.find('-') != std::string::npos) h.push_back(Feature(kHasHyphenParts, t.cap));
    if (options_.pos) {
      h.push_back(Feature(kUpos, t.upos));
      h.push_back(Feature(kXpos, t.xpos));
      h.push_back(Feature(kPrevUposUpos, upos_at(i - 1), t.upos));
      h.push_back(Feature(kUposNextUpos, t.upos, upos_at(i + 1)));
      h.push_back(Feature(kPrevXpos, xpos_at(i - 1)));
      h.push_back(Feature(kNextXpos, xpos_at(i + 1)));
    }
    if (gazetteer_) {
      if (gaz[i]) h.push_back(Feature(kGazetteer, gaz[i]));
      h.push_back(Feature(kGazetteerPrev, i > 0 ? gaz[i - 1] : 999, gaz[i] ? 1 : 0));
      h.push_back(Feature(kGazetteerNext, i + 1 < n ? gaz[i + 1] : 999, gaz[i] ? 1 : 0));
      if (input.folded) {
        const bool given = gazetteer_->IsGivenName((*input.folded)[i]);
        if (given) h.push_back(Feature(kGivenName, t.cap));
        if (i > 0 && gazetteer_->IsGivenName((*input.folded)[i - 1])) {
          h.push_back(Feature(kPrevGivenName, info[i - 1].cap, t.cap));
        }
      }
      h.push_back(Feature(kKeyword, keyword[i], t.cap));
      h.push_back(Feature(kNextKeyword, i + 1 < n ? keyword[i + 1] : 99, t.cap));
      if (run_length[i]) h.push_back(Feature(kRunKeyword, run_keyword[i], run_length[i]));
    }
    if (titles_ && input.folded) {
      if (i > 0 && titles_->IsTitleWord((*input.folded)[i - 1])) h.push_back(Feature(kPrevTitle, t.cap));
      if (i > 1 && titles_->IsTitleWord((*input.folded)[i - 2])) h.push_back(Feature(kPrev2Title, t.cap));
    }
    if (options_.document && input.document && t.letters) {
      h.push_back(Feature(kDocCase, input.document->CaseClass(lw), (t.cap ? 2 : 0) + (i == 0 ? 1 : 0)));
    }
    out->offsets.push_back(static_cast<uint32_t>(h.size()));
  }
}

}  // namespace kg::extract
