#pragma once
// Gazetteer: the named places, organisations and groups we know from general knowledge
// (data/gazetteer/*.tsv), each with its canonical name and links (a city or government
// body to its country, a demonym to its country), plus given names and name keywords.
// Matching finds the longest known names in a token sequence. Immutable once loaded;
// const methods are thread-safe.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"

namespace kg::extract {

struct Token;

enum class GazetteerClass : uint8_t {
  kCountry,         // countries, territories, former states (GPE)
  kCity,            // cities; capitals have `capital` set (GPE)
  kRegion,          // states, provinces, political regions (GPE)
  kPlace,           // continents, seas, rivers, mountains (LOC)
  kOrganization,    // international bodies, alliances, parties, companies (ORG)
  kGovernmentBody,  // White House, Kremlin: part of a country (ORG)
  kNewsAgency,      // Reuters, AFP (ORG)
  kDemonym,         // "Russian", "Americans": names a country or place via `link` (NORP)
  kGroup,           // religions, ethnic and political groups (NORP)
};
inline constexpr int kGazetteerClassCount = 9;

// Class of a name keyword (the last word of "... Group", "... Sea").
enum class NameKeyword : uint8_t { kNone, kOrg, kLoc, kGpe, kFacility };

struct GazetteerEntry {
  std::string name;      // canonical name, e.g. "United States"
  GazetteerClass cls = GazetteerClass::kCountry;
  std::string kind;      // the file's kind column, e.g. "country", "alliance", "capital"
  int link = -1;         // the entry this one belongs to or names (city -> country), or -1
  bool capital = false;  // a national capital (can stand for its country as an actor)
};

struct GazetteerMatch {
  int begin = 0, end = 0;  // token span [begin, end)
  int entry = -1;
  bool acronym = false;    // matched an all-capitals alias ("US", "NATO")
  bool strict = false;     // casing as in the lexicon (first letter capitalised)
  bool ambiguous = false;  // the alias is marked '*' (common word or given name)
};

class Gazetteer {
 public:
  // Loads every gazetteer file in `dir` (normally <data>/gazetteer). Fails on a missing
  // file, a bad line (file:line), an unknown section or a newer version.
  static base::Result<std::unique_ptr<Gazetteer>> LoadDir(const std::string& dir);

  Gazetteer();
  ~Gazetteer();
  // Adds one file read from `in` (any section but "titles"); `source` names it in errors.
  // REQUIRES: Finish() not yet called.
  base::Status Load(std::istream& in, std::string_view source);
  // Resolves links between entries (a city's country); call once after every Load().
  base::Status Finish();

  // Longest non-overlapping matches, left to right. `folded` holds FoldName of each
  // token (see FoldTokens). All-capitals aliases match only all-capitals text; other
  // aliases match any casing, `strict` telling whether the casing fits a name.
  std::vector<GazetteerMatch> Match(const std::vector<Token>& tokens,
                                    const std::vector<std::string>& folded) const;
  // The entry a whole name denotes ("U.S." -> United States), or -1.
  int Find(std::string_view name) const;
  // The same with how the name is listed: an all-capitals alias, or marked ambiguous.
  struct Lookup {
    int entry = -1;
    bool acronym = false;
    bool ambiguous = false;
  };
  Lookup LookupName(std::string_view name) const;

  const GazetteerEntry& entry(int i) const { return entries_[i]; }
  int size() const { return static_cast<int>(entries_.size()); }
  // Whether a folded token is a known given name ("vladimir").
  bool IsGivenName(std::string_view folded) const { return given_names_.count(std::string(folded)) > 0; }
  NameKeyword Keyword(std::string_view folded) const;

 private:
  struct Alias {
    int entry;
    bool acronym;
    bool ambiguous;
  };
  void AddName(std::string_view name, int entry);
  int AddEntry(GazetteerEntry entry, std::string link_name, const std::string& source, int line);

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, Alias> aliases_;    // folded alias -> entry
  std::unordered_set<std::string> prefixes_;          // folded alias prefixes at word boundaries
  std::unordered_set<std::string> given_names_;
  std::unordered_map<std::string, NameKeyword> keywords_;
  struct PendingLink {
    int entry;
    std::string name;
    std::string where;
  };
  std::vector<PendingLink> pending_;
  int max_words_ = 1;
  bool finished_ = false;
};

// FoldName (base/text.h) of every token: the keys the gazetteer and tagger match on.
std::vector<std::string> FoldTokens(const std::vector<Token>& tokens);

}  // namespace kg::extract
