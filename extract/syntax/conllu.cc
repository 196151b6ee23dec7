#include "extract/syntax/conllu.h"

#include <charconv>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

namespace kg::extract {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(start));
      break;
    }
    cols.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return cols;
}

bool ParseInt(std::string_view s, int* v) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool MiscHasSpaceAfterNo(std::string_view misc) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(start, bar - start) == "SpaceAfter=No") return true;
    start = bar + 1;
  }
  return false;
}

std::string Field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

// Sets token offsets from `text` when the forms appear in it in order, else rebuilds
// `text` from the forms and SpaceAfter.
void AssignOffsets(ConlluSentence* cs) {
  auto& tokens = cs->sentence.tokens;
  bool ok = !cs->text.empty();
  size_t pos = 0;
  for (size_t i = 0; ok && i < tokens.size(); ++i) {
    while (pos < cs->text.size() && (cs->text[pos] == ' ' || cs->text[pos] == '\t')) ++pos;
    if (cs->text.compare(pos, tokens[i].text.size(), tokens[i].text) != 0) {
      ok = false;
      break;
    }
    tokens[i].begin = static_cast<uint32_t>(pos);
    pos += tokens[i].text.size();
    tokens[i].end = static_cast<uint32_t>(pos);
  }
  if (!ok) {
    std::string text;
    for (size_t i = 0; i < tokens.size(); ++i) {
      tokens[i].begin = static_cast<uint32_t>(text.size());
      text += tokens[i].text;
      tokens[i].end = static_cast<uint32_t>(text.size());
      if (tokens[i].space_after && i + 1 < tokens.size()) text += ' ';
    }
    cs->text = std::move(text);
  }
  cs->sentence.begin = 0;
  cs->sentence.end = tokens.empty() ? 0 : tokens.back().end;
}

std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

void WriteSentence(const Sentence& s, std::string_view text, std::ostream& out,
                   const std::string& id) {
  out << "# sent_id = " << id << "\n# text = " << OneLine(text) << "\n";
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    auto f = [](const std::string& v) -> const std::string& {
      static const std::string kEmpty = "_";
      return v.empty() ? kEmpty : v;
    };
    std::string misc;
    if (!t.space_after && i + 1 < s.tokens.size()) misc = "SpaceAfter=No";
    if (!t.ner.empty() && t.ner != "O") {
      if (!misc.empty()) misc += '|';
      misc += "NER=";
      misc += t.ner;
    }
    out << (i + 1) << '\t' << OneLine(t.text) << '\t' << f(t.lemma) << '\t' << f(t.upos) << '\t'
        << f(t.xpos) << '\t' << f(t.feats) << '\t';
    if (t.deprel.empty()) {
      out << '_';
    } else {
      out << (t.head + 1);
    }
    out << '\t' << f(t.deprel) << "\t_\t" << f(misc) << '\n';
  }
  out << '\n';
}

}  // namespace

base::Result<std::vector<ConlluSentence>> ParseConllu(std::string_view content,
                                                      const std::string& source) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  bool in_sentence = false;
  int line_no = 0;
  int mwt_last = -1;       // last word id covered by the open multiword token
  bool mwt_space = true;   // its SpaceAfter
  auto error = [&](const std::string& what) {
    return base::Status::InvalidArgument(source + ":" + std::to_string(line_no) + ": " + what);
  };
  auto finish = [&]() -> base::Status {
    if (!in_sentence) return base::Status::Ok();
    auto& tokens = cur.sentence.tokens;
    if (tokens.empty()) return error("sentence without word lines");
    const int n = static_cast<int>(tokens.size());
    for (auto& t : tokens) {
      if (t.head < -1 || t.head >= n) return error("HEAD out of range in the sentence ending here");
    }
    AssignOffsets(&cur);
    out.push_back(std::move(cur));
    cur = ConlluSentence();
    in_sentence = false;
    mwt_last = -1;
    return base::Status::Ok();
  };
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    const bool at_end = nl >= content.size();
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      KG_RETURN_IF_ERROR(finish());
      if (at_end) break;
      continue;
    }
    in_sentence = true;
    if (line[0] == '#') {
      auto value = [&](std::string_view key) -> std::optional<std::string_view> {
        if (line.substr(0, key.size()) != key) return std::nullopt;
        std::string_view v = line.substr(key.size());
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        if (v.empty() || v.front() != '=') return std::nullopt;
        v.remove_prefix(1);
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        return v;
      };
      if (auto v = value("# sent_id")) cur.sent_id = std::string(*v);
      if (auto v = value("# text")) cur.text = std::string(*v);
      if (line.substr(0, 9) == "# newdoc") cur.new_doc = true;
      if (line.substr(0, 9) == "# newpar") cur.new_par = true;
      if (at_end) break;
      continue;
    }
    const auto cols = SplitTabs(line);
    if (cols.size() != 10) {
      return error("expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    }
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const int expected = static_cast<int>(cur.sentence.tokens.size()) + 1;
    if (const size_t dash = id.find('-'); dash != std::string_view::npos) {
      int a = 0, b = 0;
      if (!ParseInt(id.substr(0, dash), &a) || !ParseInt(id.substr(dash + 1), &b) ||
          a != expected || b < a) {
        return error("bad multiword token id '" + std::string(id) + "'");
      }
      cur.multiword.push_back({a - 1, b - 1, std::string(cols[1])});
      mwt_last = b - 1;
      mwt_space = !MiscHasSpaceAfterNo(cols[9]);
      continue;
    }
    int word_id = 0;
    if (!ParseInt(id, &word_id) || word_id != expected) {
      return error("expected word id " + std::to_string(expected) + ", found '" +
                   std::string(id) + "'");
    }
    Token t;
    t.text = std::string(cols[1]);
    t.lemma = cols[2] == "_" && cols[1] != "_" ? std::string() : std::string(cols[2]);
    t.upos = Field(cols[3]);
    t.xpos = Field(cols[4]);
    t.feats = std::string(cols[5]);
    if (cols[6] == "_") {
      t.head = -1;
    } else {
      int head = 0;
      if (!ParseInt(cols[6], &head) || head < 0) {
        return error("HEAD '" + std::string(cols[6]) + "' is not a non-negative integer");
      }
      t.head = head - 1;
    }
    t.deprel = Field(cols[7]);
    const int idx = word_id - 1;
    if (idx <= mwt_last) {
      t.space_after = idx == mwt_last ? mwt_space : false;
    } else {
      t.space_after = !MiscHasSpaceAfterNo(cols[9]);
    }
    cur.sentence.tokens.push_back(std::move(t));
    if (at_end) break;
  }
  KG_RETURN_IF_ERROR(finish());
  return out;
}

base::Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open CoNLL-U file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return base::Status::IOError("cannot read " + path);
  return ParseConllu(buf.str(), path);
}

void WriteConllu(const Document& doc, std::ostream& out, const std::string& id_prefix) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    std::string_view text;
    if (s.end <= doc.text.size() && s.begin <= s.end) {
      text = std::string_view(doc.text).substr(s.begin, s.end - s.begin);
    }
    WriteSentence(s, text, out, id_prefix + std::to_string(i + 1));
  }
}

void WriteConlluSentences(const std::vector<Sentence>& sentences, std::ostream& out,
                          const std::string& id_prefix) {
  for (size_t i = 0; i < sentences.size(); ++i) {
    std::string text;
    const auto& tokens = sentences[i].tokens;
    for (size_t k = 0; k < tokens.size(); ++k) {
      text += tokens[k].text;
      if (tokens[k].space_after && k + 1 < tokens.size()) text += ' ';
    }
    WriteSentence(sentences[i], text, out, id_prefix + std::to_string(i + 1));
  }
}

}  // namespace kg::extract
