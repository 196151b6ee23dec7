#include "extract/ner/lexicon_file.h"

#include <istream>

#include "base/utf8.h"

namespace kg::extract {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string JoinSections(const std::vector<std::string>& sections) {
  std::string out;
  for (const std::string& s : sections) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace

base::Status LexiconFile::Error(const LexiconLine& line, const std::string& message) const {
  return base::Status::InvalidArgument(source + ":" + std::to_string(line.line) + ": " + message);
}

base::Result<LexiconFile> ReadLexiconFile(std::istream& in, std::string_view source,
                                          const std::vector<std::string>& expected_sections,
                                          int min_fields, int max_fields) {
  LexiconFile file;
  file.source = std::string(source);
  std::string line;
  if (!std::getline(in, line)) {
    return base::Status::InvalidArgument(file.source + ": empty lexicon file (expected a first line '# kg-gazetteer " +
                                         JoinSections(expected_sections) + " v1')");
  }
  static constexpr std::string_view kMagic = "# kg-gazetteer ";
  std::string_view header = Trim(line);
  if (header.substr(0, kMagic.size()) != kMagic) {
    return base::Status::InvalidArgument(file.source + ":1: not a kg gazetteer file (expected '# kg-gazetteer " +
                                         JoinSections(expected_sections) + " v1', found '" +
                                         std::string(header.substr(0, 60)) + "')");
  }
  header.remove_prefix(kMagic.size());
  const size_t space = header.rfind(' ');
  if (space == std::string_view::npos || header.size() < space + 3 || header[space + 1] != 'v') {
    return base::Status::InvalidArgument(file.source + ":1: header lacks a version ('# kg-gazetteer <section> v1')");
  }
  file.section = std::string(header.substr(0, space));
  const std::string_view version = header.substr(space + 2);
  int v = 0;
  for (char c : version) {
    if (c < '0' || c > '9' || v > 100000) {
      return base::Status::InvalidArgument(file.source + ":1: bad version '" + std::string(version) + "'");
    }
    v = v * 10 + (c - '0');
  }
  file.version = v;
  bool known = false;
  for (const std::string& s : expected_sections) known = known || s == file.section;
  if (!known) {
    return base::Status::InvalidArgument(file.source + ":1: unknown gazetteer section '" + file.section +
                                         "' (expected " + JoinSections(expected_sections) + ")");
  }
  if (v < 1 || v > kLexiconVersion) {
    return base::Status::Unsupported(file.source + ":1: gazetteer section '" + file.section + "' has version " +
                                     std::to_string(v) + "; this build reads versions 1.." +
                                     std::to_string(kLexiconVersion) + " (update kg)");
  }
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    std::string_view s = Trim(line);
    if (s.empty() || s.front() == '#') continue;
    if (auto bad = base::FindInvalidUtf8(s)) {
      return base::Status::InvalidArgument(file.source + ":" + std::to_string(number) + ": invalid UTF-8 at byte " +
                                           std::to_string(*bad) + " of the line");
    }
    LexiconLine entry;
    entry.line = number;
    size_t start = 0;
    while (true) {
      const size_t tab = s.find('\t', start);
      entry.fields.emplace_back(Trim(s.substr(start, tab == std::string_view::npos ? s.npos : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    const int n = static_cast<int>(entry.fields.size());
    if (n < min_fields || n > max_fields) {
      return file.Error(entry, "expected " +
                                   (min_fields == max_fields ? std::to_string(min_fields)
                                                             : std::to_string(min_fields) + " to " +
                                                                   std::to_string(max_fields)) +
                                   " tab-separated fields, found " + std::to_string(n));
    }
    if (entry.fields[0].empty() || entry.fields[0] == "-") return file.Error(entry, "empty name in the first field");
    file.lines.push_back(std::move(entry));
  }
  if (in.bad()) return base::Status::IOError(file.source + ": read error");
  return file;
}

std::vector<std::string> SplitListField(std::string_view field) {
  std::vector<std::string> out;
  if (field.empty() || field == "-") return out;
  size_t start = 0;
  while (start <= field.size()) {
    const size_t bar = field.find('|', start);
    std::string_view item = Trim(field.substr(start, bar == std::string_view::npos ? field.npos : bar - start));
    if (!item.empty() && item != "-") out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace kg::extract
