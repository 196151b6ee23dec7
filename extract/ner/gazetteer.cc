#include "extract/ner/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "base/text.h"
#include "extract/document.h"
#include "extract/ner/lexicon_file.h"

namespace kg::extract {

namespace {

// The gazetteer files, in load order: earlier files win when two names fold alike
// ("Georgia" the country before the US state).
const char* const kFiles[] = {"countries.tsv",     "regions.tsv",          "cities.tsv",
                              "places.tsv",        "organizations.tsv",    "government_bodies.tsv",
                              "news_agencies.tsv", "groups.tsv",           "given_names.txt",
                              "name_keywords.tsv"};

const std::vector<std::string>& Sections() {
  static const std::vector<std::string> kSections = {
      "countries",         "cities",        "regions", "places",      "organizations", "government-bodies",
      "news-agencies",     "groups",        "given-names", "name-keywords"};
  return kSections;
}

// Fields per section: the exact count each data line must have.
int FieldCount(const std::string& section) {
  static const std::map<std::string, int> kCounts = {
      {"countries", 6}, {"cities", 3},         {"regions", 4},       {"places", 4},     {"organizations", 4},
      {"government-bodies", 4}, {"news-agencies", 3}, {"groups", 3}, {"given-names", 1}, {"name-keywords", 2}};
  return kCounts.at(section);
}

// "Apple*" -> ("Apple", true).
std::pair<std::string, bool> StripStar(std::string name) {
  if (!name.empty() && name.back() == '*') {
    name.pop_back();
    return {name, true};
  }
  return {name, false};
}

bool IsAcronymName(std::string_view name) {
  int upper = 0;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 1 && name.size() >= 2;
}

bool HasLowercase(std::string_view s) {
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

// A token that starts like a name: an uppercase letter, a digit, or a non-ASCII letter.
bool StartsLikeName(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC3;
}

int WordCount(std::string_view key) {
  int n = 1;
  for (char c : key) n += c == ' ';
  return n;
}

}  // namespace

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

base::Result<std::unique_ptr<Gazetteer>> Gazetteer::LoadDir(const std::string& dir) {
  auto gazetteer = std::make_unique<Gazetteer>();
  for (const char* name : kFiles) {
    const std::string path = dir + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) return base::Status::NotFound("cannot open gazetteer file " + path);
    KG_RETURN_IF_ERROR(gazetteer->Load(in, path));
  }
  KG_RETURN_IF_ERROR(gazetteer->Finish());
  return gazetteer;
}

int Gazetteer::AddEntry(GazetteerEntry entry, std::string link_name, const std::string& source, int line) {
  const int index = static_cast<int>(entries_.size());
  entries_.push_back(std::move(entry));
  if (!link_name.empty() && link_name != "-") {
    pending_.push_back({index, std::move(link_name), source + ":" + std::to_string(line)});
  }
  return index;
}

void Gazetteer::AddName(std::string_view raw, int entry) {
  auto [name, ambiguous] = StripStar(std::string(raw));
  const std::string key = base::FoldName(name);
  if (key.empty()) return;
  auto [it, inserted] = aliases_.emplace(key, Alias{entry, IsAcronymName(name), ambiguous});
  if (!inserted) return;  // an earlier file or line owns this name
  const int words = WordCount(key);
  max_words_ = std::max(max_words_, words);
  for (size_t p = 1; p < key.size(); ++p) {
    // Keys grow a token at a time: prefixes end before a space or a "'s" token.
    if (key[p] == ' ' || key[p] == '\'') prefixes_.insert(key.substr(0, p));
  }
}

base::Status Gazetteer::Load(std::istream& in, std::string_view source) {
  if (finished_) return base::Status::InvalidArgument("Gazetteer::Load after Finish");
  auto file_or = ReadLexiconFile(in, source, Sections(), 1, 6);
  if (!file_or.ok()) return file_or.status();
  const LexiconFile& file = *file_or;
  const int want = FieldCount(file.section);
  for (const LexiconLine& line : file.lines) {
    const auto& f = line.fields;
    if (static_cast<int>(f.size()) != want) {
      return file.Error(line, "expected " + std::to_string(want) + " tab-separated fields for section '" +
                                  file.section + "', found " + std::to_string(f.size()));
    }
    const std::string canonical = StripStar(f[0]).first;
    auto add_names = [&](int entry, const std::vector<std::string>& names) {
      for (const std::string& n : names) AddName(n, entry);
    };
    if (file.section == "given-names") {
      given_names_.insert(base::FoldName(f[0]));
    } else if (file.section == "name-keywords") {
      static const std::map<std::string, NameKeyword> kClasses = {
          {"ORG", NameKeyword::kOrg}, {"LOC", NameKeyword::kLoc}, {"GPE", NameKeyword::kGpe},
          {"FAC", NameKeyword::kFacility}};
      auto it = kClasses.find(f[1]);
      if (it == kClasses.end()) return file.Error(line, "unknown keyword class '" + f[1] + "' (ORG, LOC, GPE, FAC)");
      keywords_[base::FoldName(f[0])] = it->second;
    } else if (file.section == "countries") {
      const int country = AddEntry({canonical, GazetteerClass::kCountry, f[1], -1, false}, "", file.source, line.line);
      AddName(f[0], country);
      add_names(country, SplitListField(f[3]));
      const std::vector<std::string> demonyms = SplitListField(f[4]);
      if (!demonyms.empty()) {
        const int demonym = AddEntry({StripStar(demonyms[0]).first, GazetteerClass::kDemonym, "demonym", country, false},
                                     "", file.source, line.line);
        add_names(demonym, demonyms);
      }
      bool first = true;
      for (const std::string& capital : SplitListField(f[5])) {
        const int city = AddEntry({StripStar(capital).first, GazetteerClass::kCity, "capital", country, first}, "",
                                  file.source, line.line);
        AddName(capital, city);
        first = false;
      }
    } else if (file.section == "cities") {
      // A line naming a known capital adds aliases to it rather than a second city.
      const int known = Find(canonical);
      if (known >= 0 && entries_[known].cls == GazetteerClass::kCity && entries_[known].name == canonical) {
        add_names(known, SplitListField(f[2]));
        continue;
      }
      const int city = AddEntry({canonical, GazetteerClass::kCity, "city", -1, false}, f[1], file.source, line.line);
      AddName(f[0], city);
      add_names(city, SplitListField(f[2]));
    } else if (file.section == "regions") {
      const int region = AddEntry({canonical, GazetteerClass::kRegion, f[2], -1, false}, f[1], file.source, line.line);
      AddName(f[0], region);
      add_names(region, SplitListField(f[3]));
    } else if (file.section == "places") {
      const int place = AddEntry({canonical, GazetteerClass::kPlace, f[1], -1, false}, "", file.source, line.line);
      AddName(f[0], place);
      add_names(place, SplitListField(f[2]));
      const std::vector<std::string> adjectives = SplitListField(f[3]);
      if (!adjectives.empty()) {
        const int adjective = AddEntry({StripStar(adjectives[0]).first, GazetteerClass::kDemonym, "adjective", place,
                                        false}, "", file.source, line.line);
        add_names(adjective, adjectives);
      }
    } else if (file.section == "organizations" || file.section == "government-bodies") {
      const bool body = file.section == "government-bodies";
      const GazetteerClass cls = body ? GazetteerClass::kGovernmentBody : GazetteerClass::kOrganization;
      const std::string& kind = body ? f[2] : f[1];
      const std::string& link = body ? f[1] : f[2];
      if (body && link == "-") return file.Error(line, "a government body needs its country");
      const int org = AddEntry({canonical, cls, kind, -1, false}, link, file.source, line.line);
      AddName(f[0], org);
      add_names(org, SplitListField(f[3]));
    } else if (file.section == "news-agencies") {
      const int agency = AddEntry({canonical, GazetteerClass::kNewsAgency, "news", -1, false}, f[1], file.source,
                                  line.line);
      AddName(f[0], agency);
      add_names(agency, SplitListField(f[2]));
    } else if (file.section == "groups") {
      const int group = AddEntry({canonical, GazetteerClass::kGroup, f[1], -1, false}, "", file.source, line.line);
      AddName(f[0], group);
      add_names(group, SplitListField(f[2]));
    }
  }
  return base::Status::Ok();
}

base::Status Gazetteer::Finish() {
  if (finished_) return base::Status::Ok();
  std::unordered_map<std::string, int> by_name;
  for (int i = 0; i < size(); ++i) {
    if (entries_[i].cls != GazetteerClass::kDemonym) by_name.emplace(entries_[i].name, i);
  }
  for (const PendingLink& p : pending_) {
    auto it = by_name.find(p.name);
    if (it == by_name.end()) {
      return base::Status::InvalidArgument(p.where + ": '" + p.name + "' (the country or parent of '" +
                                           entries_[p.entry].name + "') is not a name in the gazetteer");
    }
    entries_[p.entry].link = it->second;
  }
  pending_.clear();
  finished_ = true;
  return base::Status::Ok();
}

std::vector<GazetteerMatch> Gazetteer::Match(const std::vector<Token>& tokens,
                                             const std::vector<std::string>& folded) const {
  std::vector<GazetteerMatch> matches;
  const int n = static_cast<int>(tokens.size());
  std::string key;
  for (int i = 0; i < n;) {
    if (folded[i].empty()) {
      ++i;
      continue;
    }
    GazetteerMatch best;
    key = folded[i];
    int words = 1;
    for (int j = i; j < n && j < i + 3 * max_words_ + 2;) {
      auto it = aliases_.find(key);
      if (it != aliases_.end()) {
        const Alias& alias = it->second;
        bool ok = true;
        if (alias.acronym) {
          for (int k = i; k <= j && ok; ++k) ok = !HasLowercase(tokens[k].text);
        }
        if (ok) {
          best.begin = i;
          best.end = j + 1;
          best.entry = alias.entry;
          best.acronym = alias.acronym;
          best.ambiguous = alias.ambiguous;
          best.strict = alias.acronym || StartsLikeName(tokens[i].text);
        }
      }
      if (words >= max_words_ || !prefixes_.count(key)) break;
      // Extend by the next word, passing over punctuation-only tokens ("Guinea - Bissau").
      int next = j + 1;
      while (next < n && folded[next].empty()) ++next;
      if (next >= n) break;
      if (folded[next][0] != '\'') key += ' ';  // "Children 's" folds like "Children's"
      key += folded[next];
      words += 1 + static_cast<int>(std::count(folded[next].begin(), folded[next].end(), ' '));
      j = next;
    }
    if (best.entry >= 0) {
      matches.push_back(best);
      i = best.end;
    } else {
      ++i;
    }
  }
  return matches;
}

int Gazetteer::Find(std::string_view name) const {
  auto it = aliases_.find(base::FoldName(StripStar(std::string(name)).first));
  return it == aliases_.end() ? -1 : it->second.entry;
}

Gazetteer::Lookup Gazetteer::LookupName(std::string_view name) const {
  auto it = aliases_.find(base::FoldName(name));
  if (it == aliases_.end()) return {};
  if (it->second.acronym && HasLowercase(name)) return {};
  return {it->second.entry, it->second.acronym, it->second.ambiguous};
}

NameKeyword Gazetteer::Keyword(std::string_view folded) const {
  auto it = keywords_.find(std::string(folded));
  return it == keywords_.end() ? NameKeyword::kNone : it->second;
}

std::vector<std::string> FoldTokens(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens) out.push_back(base::FoldName(t.text));
  return out;
}

}  // namespace kg::extract
