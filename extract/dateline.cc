#include "extract/dateline.h"

#include <cctype>
#include <set>
#include <string>

namespace kg::extract {

namespace {

// A word written in capitals: "NAIROBI", "NEW", "BRASÍLIA" (non-ASCII letters allowed).
bool IsCapitalWord(const std::string& w) {
  int upper = 0;
  for (unsigned char c : w) {
    if (std::islower(c)) return false;
    if (std::isupper(c)) ++upper;
  }
  return upper >= 2 || (upper == 1 && w.size() == 1);
}

bool IsDash(const std::string& w) {
  return w == "-" || w == "--" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94";  // -, --, –, —
}

bool IsMonth(const std::string& w) {
  static const std::set<std::string> k = {"Jan", "Jan.", "January", "Feb", "Feb.", "February", "March", "Mar.",
                                          "April", "Apr", "Apr.", "May", "June", "Jun", "July", "Jul", "Aug",
                                          "Aug.", "August", "Sept", "Sept.", "Sep", "Sep.", "September", "Oct",
                                          "Oct.", "October", "Nov", "Nov.", "November", "Dec", "Dec.", "December"};
  return k.count(w) > 0;
}

bool IsNumber(const std::string& w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The number of tokens of a dateline at the start of `tokens`, or 0.
size_t DatelineLength(const std::vector<Token>& tokens) {
  size_t i = 0;
  const size_t n = tokens.size();
  // Places: NAIROBI | NEW YORK | KYIV/MOSCOW | WASHINGTON, D.C.
  size_t places = 0;
  while (i < n && (IsCapitalWord(tokens[i].text) || (places > 0 && tokens[i].text == "/"))) {
    if (tokens[i].text != "/") ++places;
    ++i;
  }
  if (places == 0) return 0;
  if (i < n && tokens[i].text == ",") {
    ++i;
    // A second capital place ("WASHINGTON, D.C.") or a date ("March 3", "3 March").
    while (i < n && IsCapitalWord(tokens[i].text)) ++i;
    if (i < n && tokens[i].text == ",") ++i;
    if (i + 1 < n && IsMonth(tokens[i].text) && IsNumber(tokens[i + 1].text)) {
      i += 2;
    } else if (i + 1 < n && IsNumber(tokens[i].text) && IsMonth(tokens[i + 1].text)) {
      i += 2;
    }
  }
  // An agency: "(Reuters)", "(Harbour Press)".
  if (i < n && tokens[i].text == "(") {
    const size_t close_from = i;
    while (i < n && tokens[i].text != ")" && i - close_from < 6) ++i;
    if (i >= n || tokens[i].text != ")") return 0;
    ++i;
  }
  if (i < n && IsDash(tokens[i].text) && i + 1 < n) return i + 1;
  return 0;
}

}  // namespace

void SplitDatelines(std::vector<Sentence>* sentences) {
  std::vector<Sentence> out;
  out.reserve(sentences->size() + 1);
  for (Sentence& s : *sentences) {
    const size_t k = DatelineLength(s.tokens);
    if (k == 0 || k >= s.tokens.size()) {
      out.push_back(std::move(s));
      continue;
    }
    Sentence dateline;
    dateline.heading = true;
    dateline.dateline = true;
    dateline.tokens.assign(s.tokens.begin(), s.tokens.begin() + k);
    dateline.begin = s.begin;
    dateline.end = dateline.tokens.back().end;
    Sentence rest;
    rest.heading = s.heading;
    rest.tokens.assign(s.tokens.begin() + k, s.tokens.end());
    rest.begin = rest.tokens.front().begin;
    rest.end = s.end;
    out.push_back(std::move(dateline));
    out.push_back(std::move(rest));
  }
  *sentences = std::move(out);
}

}  // namespace kg::extract
