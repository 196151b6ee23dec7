#include "extract/ner/ner_corpus.h"

#include <algorithm>
#include <fstream>
#include <ostream>
#include <unordered_map>

#include "base/text.h"
#include "extract/ner/gazetteer.h"
#include "extract/syntax/conllu.h"
#include "extract/ner/title_lexicon.h"

namespace kg::extract {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IsNumber(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// PER / ORG / LOC for the label's type, or "" for types we do not tag.
std::string MapType(std::string_view type) {
  if (type == "PER" || type == "PERSON") return "PER";
  if (type == "ORG" || type == "ORGANIZATION") return "ORG";
  if (type == "LOC" || type == "GPE" || type == "LOCATION") return "LOC";
  return "";
}

// Lays tokens out with single spaces so that begin/end are meaningful.
void SetOffsets(std::vector<Token>* tokens) {
  uint32_t pos = 0;
  for (Token& t : *tokens) {
    t.begin = pos;
    t.end = pos + static_cast<uint32_t>(t.text.size());
    pos = t.end + 1;
  }
}

// The sentences of a CoNLL-U file (the shared reader) as NER examples without spans.
base::Result<std::vector<NerExample>> ReadConlluExamples(const std::string& path) {
  auto treebank = ReadConlluFile(path);
  if (!treebank.ok()) return treebank.status();
  std::vector<NerExample> out;
  int doc = 0;
  for (ConlluSentence& s : *treebank) {
    if (s.new_doc) ++doc;
    NerExample ex;
    ex.doc_id = path + "#" + std::to_string(doc);
    ex.sent_id = s.sent_id;
    ex.tokens = std::move(s.sentence.tokens);
    out.push_back(std::move(ex));
  }
  return out;
}

// The MISC column of every word line (multiword ranges and empty nodes skipped), per
// sentence: the shared CoNLL-U reader does not keep MISC, and GUM's entities live there.
base::Result<std::vector<std::vector<std::string>>> ReadMiscColumns(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open CoNLL-U file " + path);
  std::vector<std::vector<std::string>> out(1);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!out.back().empty()) out.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() != 10 || !IsNumber(f[0])) continue;
    out.back().push_back(f[9]);
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// Character-level alignment: for each token of `a`, the index of the token of `b`
// covering its first non-space character.
std::vector<int> AlignByCharacters(const std::vector<Token>& a, const std::vector<Token>& b) {
  std::vector<int> owner;  // character index -> token of b
  for (int j = 0; j < static_cast<int>(b.size()); ++j) owner.insert(owner.end(), b[j].text.size(), j);
  std::vector<int> out;
  size_t pos = 0;
  for (const Token& t : a) {
    out.push_back(owner.empty() ? -1 : owner[std::min(pos, owner.size() - 1)]);
    pos += t.text.size();
  }
  return out;
}

struct GumMention {
  int begin = 0, end = 0;
  std::string type;
};

// Parses the Entity= value of one token: openings "(id-type-...-identity" and closings "id)".
void ParseEntityField(std::string_view misc, int token,
                      std::unordered_map<std::string, std::vector<GumMention>>* stack_by_id,
                      std::vector<GumMention>* done) {
  const size_t at = misc.find("Entity=");
  if (at == std::string_view::npos) return;
  std::string_view v = misc.substr(at + 7);
  v = v.substr(0, v.find('|'));
  size_t p = 0;
  while (p < v.size()) {
    if (v[p] == '(') {
      size_t q = p + 1;
      while (q < v.size() && v[q] != '(' && v[q] != ')') ++q;
      const std::string label(v.substr(p + 1, q - p - 1));
      const size_t dash = label.find('-');
      const std::string id = label.substr(0, dash);
      const size_t dash2 = label.find('-', dash + 1);
      GumMention m{token, token + 1, dash == std::string::npos ? "" : label.substr(dash + 1, dash2 - dash - 1)};
      if (q < v.size() && v[q] == ')') {
        done->push_back(m);
        p = q + 1;
      } else {
        (*stack_by_id)[id].push_back(m);
        p = q;
      }
    } else if (v[p] >= '0' && v[p] <= '9') {
      size_t q = p;
      while (q < v.size() && v[q] != ')') ++q;
      const std::string id(v.substr(p, q - p));
      auto it = stack_by_id->find(id);
      if (it != stack_by_id->end() && !it->second.empty()) {
        GumMention m = it->second.back();
        it->second.pop_back();
        m.end = token + 1;
        done->push_back(m);
      }
      p = q + 1;
    } else {
      ++p;
    }
  }
}

bool IsConnector(const Token& t) {
  return t.text == "of" || t.text == "the" || t.text == "and" || t.text == "-" || t.text == "&" || t.text == "de" ||
         t.text == "du" || t.text == "la" || t.text == "for" || t.text == "on";
}

bool Capitalised(const Token& t) {
  const unsigned char c = t.text.empty() ? 0 : static_cast<unsigned char>(t.text[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC3 || (c >= '0' && c <= '9' && t.upos == "PROPN");
}

}  // namespace

base::Result<std::vector<NerExample>> ReadIob2(std::istream& in, std::string_view source) {
  std::vector<NerExample> out;
  NerExample current;
  std::vector<std::string> labels;
  std::string doc_id;
  std::string line;
  int number = 0;
  int first_line = 0;
  auto flush = [&] {
    if (!current.tokens.empty()) {
      if (current.sent_id.empty()) current.sent_id = std::string(source) + ":" + std::to_string(first_line);
      current.doc_id = doc_id;
      for (NerSpan s : SpansFromIob2(labels)) {
        s.type = MapType(s.type);
        if (!s.type.empty()) current.spans.push_back(s);
      }
      SetOffsets(&current.tokens);
      out.push_back(std::move(current));
    }
    current = NerExample();
    labels.clear();
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) current.sent_id = line.substr(12);
      if (line.rfind("# newdoc id = ", 0) == 0) doc_id = line.substr(14);
      continue;
    }
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() == 1) {  // "token label" separated by a space
      const size_t space = line.rfind(' ');
      if (space != std::string::npos && space > 0) f = {line.substr(0, space), line.substr(space + 1)};
    }
    std::string token, label;
    if (f.size() >= 3 && IsNumber(f[0])) {
      token = f[1];
      label = f[2];
    } else if (f.size() == 2) {
      token = f[0];
      label = f[1];
    } else {
      return base::Status::InvalidArgument(std::string(source) + ":" + std::to_string(number) +
                                           ": expected 'index<TAB>token<TAB>label' or 'token<TAB>label'");
    }
    if (label != "O" && (label.size() < 3 || label[1] != '-' || (label[0] != 'B' && label[0] != 'I'))) {
      return base::Status::InvalidArgument(std::string(source) + ":" + std::to_string(number) + ": bad IOB2 label '" +
                                           label + "' (expected O, B-TYPE or I-TYPE)");
    }
    if (current.tokens.empty()) first_line = number;
    Token t;
    t.text = token;
    current.tokens.push_back(std::move(t));
    labels.push_back(label);
  }
  flush();
  if (in.bad()) return base::Status::IOError(std::string(source) + ": read error");
  return out;
}

base::Result<std::vector<NerExample>> ReadIob2File(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open IOB2 file " + path);
  return ReadIob2(in, path);
}

base::Status AttachTags(const std::vector<ConlluSentence>& treebank, const std::string& source,
                        std::vector<NerExample>* examples) {
  std::unordered_map<std::string, const std::vector<Token>*> by_id;
  for (const ConlluSentence& s : treebank) by_id[s.sent_id] = &s.sentence.tokens;
  for (NerExample& ex : *examples) {
    auto it = by_id.find(ex.sent_id);
    if (it == by_id.end()) return base::Status::NotFound("sentence " + ex.sent_id + " is not in " + source);
    const std::vector<Token>& src = *it->second;
    bool same = src.size() == ex.tokens.size();
    for (size_t i = 0; same && i < src.size(); ++i) same = src[i].text == ex.tokens[i].text;
    const std::vector<int> map = same ? std::vector<int>() : AlignByCharacters(ex.tokens, src);
    for (size_t i = 0; i < ex.tokens.size(); ++i) {
      const int j = same ? static_cast<int>(i) : map[i];
      if (j < 0) continue;
      ex.tokens[i].upos = src[j].upos;
      ex.tokens[i].xpos = src[j].xpos;
    }
  }
  return base::Status::Ok();
}

base::Status AttachConlluTags(const std::string& conllu_path, std::vector<NerExample>* examples) {
  auto treebank = ReadConlluFile(conllu_path);
  if (!treebank.ok()) return treebank.status();
  return AttachTags(*treebank, conllu_path, examples);
}

void WriteIob2(const std::vector<Sentence>& sentences, std::ostream& out, const std::string& id_prefix) {
  int number = 0;
  for (const Sentence& s : sentences) {
    out << "# sent_id = " << id_prefix << ++number << "\n# text = ";
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      out << s.tokens[i].text;
      if (i + 1 < s.tokens.size() && s.tokens[i].space_after) out << ' ';
    }
    out << "\n";
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      out << (i + 1) << '\t' << s.tokens[i].text << '\t' << (s.tokens[i].ner.empty() ? "O" : s.tokens[i].ner) << '\n';
    }
    out << '\n';
  }
}

base::Result<std::vector<NerExample>> ReadGumConllu(const std::string& path, const TitleLexicon* titles) {
  auto conllu = ReadConlluExamples(path);
  if (!conllu.ok()) return conllu.status();
  auto misc = ReadMiscColumns(path);
  if (!misc.ok()) return misc.status();
  if (misc->size() != conllu->size()) {
    return base::Status::InvalidArgument(path + ": sentences with MISC columns do not match the treebank");
  }
  std::vector<NerExample> out;
  std::unordered_map<std::string, std::vector<GumMention>> stacks;
  for (size_t si = 0; si < conllu->size(); ++si) {
    NerExample& ex = (*conllu)[si];
    const std::vector<std::string>& columns = (*misc)[si];
    if (columns.size() != ex.tokens.size()) {
      return base::Status::InvalidArgument(path + ": sentence " + ex.sent_id + " has mismatched MISC columns");
    }
    std::vector<GumMention> mentions;
    stacks.clear();
    for (int i = 0; i < static_cast<int>(ex.tokens.size()); ++i) ParseEntityField(columns[i], i, &stacks, &mentions);
    const std::vector<std::string> folded = FoldTokens(ex.tokens);
    std::vector<NerSpan> candidates;
    for (const GumMention& m : mentions) {
      std::string type;
      if (m.type == "person") type = "PER";
      if (m.type == "place") type = "LOC";
      if (m.type == "organization") type = "ORG";
      if (type.empty()) continue;
      int b = m.begin, e = m.end;
      // Trim to the capitalised core: "the new National Library" -> "National Library".
      while (b < e && !Capitalised(ex.tokens[b])) ++b;
      while (e > b && !Capitalised(ex.tokens[e - 1])) --e;
      if (titles) {
        // Strip a title the mention starts with ("President Obama" -> "Obama").
        for (int split = e - 1; split > b; --split) {
          const RoleMatch role = titles->MatchBefore(ex.tokens, folded, split);
          if (role.begin >= 0 && role.begin <= b) {
            b = split;
            break;
          }
        }
      }
      if (b >= e || !Capitalised(ex.tokens[b])) continue;
      bool named = false;
      for (int k = b; k < e; ++k) named = named || ex.tokens[k].upos == "PROPN";
      for (int k = b; k < e && named; ++k) named = Capitalised(ex.tokens[k]) || IsConnector(ex.tokens[k]);
      if (named) candidates.push_back({b, e, type});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const NerSpan& x, const NerSpan& y) { return x.end - x.begin > y.end - y.begin; });
    std::vector<bool> taken(ex.tokens.size(), false);
    for (const NerSpan& c : candidates) {
      bool free = true;
      for (int k = c.begin; k < c.end; ++k) free = free && !taken[k];
      if (!free) continue;
      for (int k = c.begin; k < c.end; ++k) taken[k] = true;
      ex.spans.push_back(c);
    }
    std::sort(ex.spans.begin(), ex.spans.end(), [](const NerSpan& x, const NerSpan& y) { return x.begin < y.begin; });
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace kg::extract
