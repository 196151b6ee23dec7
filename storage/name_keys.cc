#include "storage/name_keys.h"

#include <algorithm>
#include <iterator>

#include "base/text.h"

namespace kg::storage {

namespace {

// Honorifics and office titles that precede a person's name in English news. A closed
// class of English, not a list fitted to any article.
constexpr std::string_view kTitleWords[] = {
    "acting",     "adm",       "admiral",    "ambassador", "archbishop", "bishop",
    "brig",       "capt",      "captain",    "cardinal",   "chair",      "chairman",
    "chairwoman", "chancellor", "chief",     "col",        "colonel",    "commander",
    "commissioner", "congressman", "congresswoman", "deputy", "dr",      "elect",
    "emir",       "former",    "gen",        "general",    "gov",        "governor",
    "imam",       "judge",     "justice",    "king",       "lady",       "lord",
    "lt",         "maj",       "major",      "mayor",      "minister",   "miss",
    "mr",         "mrs",       "ms",         "mx",         "pope",       "premier",
    "president",  "prime",     "prince",     "princess",   "prof",       "professor",
    "queen",      "rabbi",     "rep",        "secretary",  "sen",        "senator",
    "sheikh",     "sir",        "speaker",    "spokesman",  "spokesperson", "spokeswoman",
    "ceo",        "envoy",
    // Department words inside office titles ("Secretary of State", "Foreign Minister").
    "defence", "defense", "education", "energy", "finance", "foreign", "health", "home",
    "interior", "of", "state", "trade", "treasury", "vice"};

constexpr std::string_view kNameSuffixes[] = {"jr", "sr", "ii", "iii", "iv", "v"};

// Function words skipped when forming initials ("Organization of the Petroleum ...").
constexpr std::string_view kInitialStopWords[] = {
    "of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des", "del", "la", "le", "et", "y"};

template <size_t N>
bool Contains(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Splits `s` at ASCII spaces, dropping empty pieces.
std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view name) {
  const std::string folded = base::FoldName(name);
  std::vector<std::string> out;
  for (std::string_view w : SplitSpaces(folded)) out.emplace_back(w);
  return out;
}

std::string StripPersonTitles(std::string_view name) {
  // Work on the original words so that the kept part keeps its spelling.
  std::vector<std::string_view> words = SplitSpaces(name);
  size_t first = 0;
  while (first + 1 < words.size()) {
    const std::vector<std::string> folded = FoldedWords(words[first]);
    const bool title = !folded.empty() && std::all_of(folded.begin(), folded.end(), [](const std::string& w) {
      return Contains(kTitleWords, w);
    });
    if (!title) break;
    ++first;
  }
  if (first == 0) return std::string(name);
  const size_t begin = words[first].data() - name.data();
  return std::string(name.substr(begin));
}

namespace {
// "zelenskyy" -> "zelensky", "gaddafi" -> "gadafi": doubled letters are where
// transliterations of one name differ most often.
std::string SquashRepeats(std::string s) {
  s.erase(std::unique(s.begin(), s.end(), [](char a, char b) { return a == b && a >= 'a' && a <= 'z'; }), s.end());
  return s;
}
}  // namespace

std::string NameKey(std::string_view name) { return SquashRepeats(base::Slug(name)); }

std::string Surname(std::string_view stripped_person_name) {
  std::vector<std::string> words = FoldedWords(stripped_person_name);
  while (words.size() > 2 && Contains(kNameSuffixes, words.back())) words.pop_back();
  if (words.size() < 2) return "";
  std::string last = words.back();
  last.erase(std::remove(last.begin(), last.end(), '\''), last.end());
  return SquashRepeats(last);
}

bool IsAcronym(std::string_view name) {
  if (FoldedWords(name).size() != 1) return false;
  size_t letters = 0;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.') {
      return false;
    }
  }
  return letters >= 2 && letters <= 6;
}

std::string Initials(std::string_view name) {
  std::string out;
  size_t words = 0;
  for (const std::string& w : FoldedWords(name)) {
    ++words;
    if (Contains(kInitialStopWords, w)) continue;
    out.push_back(w[0]);
  }
  if (words < 2 || out.size() < 2) return "";
  return out;
}

}  // namespace kg::storage
