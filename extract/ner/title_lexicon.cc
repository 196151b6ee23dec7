#include "extract/ner/title_lexicon.h"

#include <algorithm>
#include <fstream>

#include "base/text.h"
#include "extract/document.h"
#include "extract/ner/lexicon_file.h"

namespace kg::extract {

namespace {

// Tokens a title phrase may contain without a word of their own ("Vice - President").
bool IsJoiner(const Token& t) { return t.text == "-" || t.text == "."; }

}  // namespace

base::Result<std::unique_ptr<TitleLexicon>> TitleLexicon::LoadDir(const std::string& dir) {
  const std::string path = dir + "/titles.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open gazetteer file " + path);
  return Load(in, path);
}

base::Result<std::unique_ptr<TitleLexicon>> TitleLexicon::Load(std::istream& in, std::string_view source) {
  auto file_or = ReadLexiconFile(in, source, {"titles"}, 3, 3);
  if (!file_or.ok()) return file_or.status();
  auto lexicon = std::unique_ptr<TitleLexicon>(new TitleLexicon());
  for (const LexiconLine& line : file_or->lines) {
    const std::string& kind = line.fields[1];
    uint8_t bit = 0;
    if (kind == "head") bit = kHead;
    if (kind == "portfolio") bit = kPortfolio;
    if (kind == "modifier") bit = kModifier;
    if (kind == "honorific") bit = kHonorific;
    if (bit == 0) {
      return file_or->Error(line, "unknown title kind '" + kind + "' (head, portfolio, modifier, honorific)");
    }
    if (bit == kHead && (line.fields[2].empty() || line.fields[2] == "-")) {
      return file_or->Error(line, "a head title needs its role predicate (e.g. president_of)");
    }
    const std::string key = base::FoldName(line.fields[0]);
    if (key.empty()) return file_or->Error(line, "empty title phrase");
    Phrase& phrase = lexicon->phrases_[key];
    phrase.kinds |= bit;
    if (bit == kHead) phrase.predicate = line.fields[2];
    lexicon->max_words_ = std::max(lexicon->max_words_, 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')));
    for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
      lexicon->suffixes_.insert(key.substr(space + 1));
    }
  }
  return lexicon;
}

const TitleLexicon::Phrase* TitleLexicon::PhraseEndingAt(const std::vector<Token>& tokens,
                                                         const std::vector<std::string>& folded, int last,
                                                         uint8_t kinds, int* first) const {
  if (last < 0 || folded[last].empty()) return nullptr;
  const Phrase* best = nullptr;
  std::string key = folded[last];
  int words = 1;
  for (int k = last; k >= 0 && words <= max_words_;) {
    auto it = phrases_.find(key);
    if (it != phrases_.end() && (it->second.kinds & kinds)) {
      best = &it->second;
      *first = k;
    }
    if (!suffixes_.count(key)) break;  // no longer phrase ends in these words
    int prev = k - 1;
    while (prev >= 0 && IsJoiner(tokens[prev]) && folded[prev].empty()) --prev;
    if (prev < 0 || folded[prev].empty()) break;
    key = folded[prev] + " " + key;
    ++words;
    k = prev;
  }
  return best;
}

RoleMatch TitleLexicon::MatchBefore(const std::vector<Token>& tokens, const std::vector<std::string>& folded,
                                    int name_begin) const {
  RoleMatch match;
  int pos = name_begin;  // the title ends at pos - 1
  int first = -1;
  bool honorific = false;
  if (PhraseEndingAt(tokens, folded, pos - 1, kHonorific, &first)) {
    honorific = true;
    pos = first;
  }
  // "Secretary of State": head "of" portfolio+.
  const Phrase* head = nullptr;
  int head_first = -1;
  {
    int p = pos;
    int portfolios = 0;
    while (PhraseEndingAt(tokens, folded, p - 1, kPortfolio, &first)) {
      p = first;
      ++portfolios;
    }
    if (portfolios > 0 && p - 1 >= 0 && folded[p - 1] == "the") --p;
    if (portfolios > 0 && p - 1 >= 0 && folded[p - 1] == "of") {
      head = PhraseEndingAt(tokens, folded, p - 2, kHead, &head_first);
    }
  }
  if (!head) head = PhraseEndingAt(tokens, folded, pos - 1, kHead, &head_first);
  if (!head) {
    if (honorific) {
      match.begin = pos;
      match.end = name_begin;
    }
    return match;
  }
  int begin = head_first;
  while (PhraseEndingAt(tokens, folded, begin - 1, kModifier | kPortfolio, &first)) begin = first;
  const int title_end = honorific ? pos : name_begin;
  match.begin = begin;
  match.end = name_begin;
  match.predicate = head->predicate;
  for (int i = begin; i < title_end; ++i) {
    if (folded[i].empty()) continue;
    if (!match.role.empty() && tokens[i - 1].text != "-") match.role += ' ';
    match.role += base::AsciiLower(tokens[i].text);
  }
  // Keep the role readable: "lt. gen." stays, but a trailing "." of "Sen." goes.
  if (!match.role.empty() && match.role.back() == '.' && match.role.find(' ') == std::string::npos) {
    match.role.pop_back();
  }
  return match;
}

bool TitleLexicon::IsTitleWord(std::string_view folded) const {
  auto it = phrases_.find(std::string(folded));
  return it != phrases_.end() && (it->second.kinds & (kHead | kHonorific));
}

bool TitleLexicon::IsTitlePart(std::string_view folded) const {
  return phrases_.count(std::string(folded)) > 0;
}

}  // namespace kg::extract
