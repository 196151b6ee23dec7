#pragma once
// LexiconFile: the shared reader of our plain-text lexicon files (data/gazetteer/*).
// The first line names the format, section and version: "# kg-gazetteer countries v1";
// later lines starting with '#' and blank lines are comments; data lines are
// tab-separated fields. Unknown sections and newer versions are refused with a message
// naming the file. Value type; not synchronised.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg::extract {

struct LexiconLine {
  int line = 0;                     // 1-based line number in the file
  std::vector<std::string> fields;  // tab-separated fields, trimmed
};

struct LexiconFile {
  std::string source;   // file name for messages
  std::string section;  // e.g. "countries"
  int version = 0;
  std::vector<LexiconLine> lines;

  // "countries.tsv:12: <message>" as an InvalidArgument status.
  base::Status Error(const LexiconLine& line, const std::string& message) const;
};

// The newest lexicon format version this build reads.
inline constexpr int kLexiconVersion = 1;

// Reads a lexicon from `in`. `expected_sections` lists the sections the caller knows;
// any other section, a missing header or a version above kLexiconVersion fails.
// Every data line must have between `min_fields` and `max_fields` fields.
base::Result<LexiconFile> ReadLexiconFile(std::istream& in, std::string_view source,
                                          const std::vector<std::string>& expected_sections,
                                          int min_fields, int max_fields);

// Splits a "|"-separated list field; "-" and "" give an empty list.
std::vector<std::string> SplitListField(std::string_view field);

}  // namespace kg::extract
