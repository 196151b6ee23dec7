#include "extract/relations/event_lexicon.h"

#include <fstream>
#include <sstream>
#include <vector>

namespace kg::extract {

using base::Result;
using base::Status;

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(line);
  while (std::getline(in, part, '\t')) parts.push_back(part);
  return parts;
}

// Checks the "# <format> v<N>" first line; only version 1 is known.
Status CheckHeader(std::istream& in, const std::string& format, const std::string& origin) {
  std::string line;
  if (!std::getline(in, line)) return Status::InvalidArgument(origin + ": empty file, expected '# " + format + " v1'");
  const std::string prefix = "# " + format + " v";
  if (line.rfind(prefix, 0) != 0) {
    return Status::InvalidArgument(origin + ": not a " + format + " file (first line '" + line +
                                   "', expected '" + prefix + "1')");
  }
  const std::string version = line.substr(prefix.size());
  if (version != "1") {
    return Status::InvalidArgument(origin + ": " + format + " version " + version +
                                   " is not supported (this kg reads version 1)");
  }
  return Status::Ok();
}

}  // namespace

Result<EventLexicon> EventLexicon::Load(std::istream& categories, std::istream& predicates,
                                        const std::string& origin) {
  EventLexicon lex;
  const std::string cat_origin = origin + "/categories.tsv";
  KG_RETURN_IF_ERROR(CheckHeader(categories, "kg-event-categories", cat_origin));
  std::string line;
  int line_no = 1;
  while (std::getline(categories, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto parts = SplitTabs(line);
    char* end = nullptr;
    const float score = parts.size() >= 2 ? std::strtof(parts[1].c_str(), &end) : 0.0f;
    if (parts.size() < 2 || end == parts[1].c_str() || score < -10.0f || score > 10.0f) {
      return Status::InvalidArgument(cat_origin + ":" + std::to_string(line_no) +
                                     ": expected 'CATEGORY<TAB>score in -10..10<TAB>description'");
    }
    lex.categories_[parts[0]] = score;
  }

  const std::string pred_origin = origin + "/predicates.tsv";
  KG_RETURN_IF_ERROR(CheckHeader(predicates, "kg-event-predicates", pred_origin));
  line_no = 1;
  std::vector<std::pair<std::string, std::vector<std::string>>> light_rows;
  while (std::getline(predicates, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto parts = SplitTabs(line);
    const std::string where = pred_origin + ":" + std::to_string(line_no);
    if (parts.size() != 5) {
      return Status::InvalidArgument(where + ": expected 5 tab-separated columns (kind, lemma, category, predicate, flags), found " +
                                     std::to_string(parts.size()));
    }
    const std::string& kind = parts[0];
    if (kind == "light") {
      if (parts[1].find('+') == std::string::npos) {
        return Status::InvalidArgument(where + ": a light entry's lemma is 'verb+noun'");
      }
      light_rows.emplace_back(where, parts);
      continue;
    }
    if (kind != "verb" && kind != "noun") {
      return Status::InvalidArgument(where + ": unknown kind '" + kind + "' (verb, noun or light)");
    }
    auto cat = lex.categories_.find(parts[2]);
    if (cat == lex.categories_.end()) {
      return Status::InvalidArgument(where + ": unknown category '" + parts[2] + "'");
    }
    EventSense sense;
    sense.category = parts[2];
    sense.predicate = parts[3] == "-" ? parts[1] : parts[3];
    sense.cooperation = cat->second;
    sense.symmetric = parts[4].find("symmetric") != std::string::npos;
    sense.mutual = sense.symmetric || parts[4].find("mutual") != std::string::npos;
    sense.reporting = parts[4].find("reporting") != std::string::npos;
    (kind == "verb" ? lex.verbs_ : lex.nouns_)[parts[1]] = sense;
  }
  // Light-verb pairs take their noun's event unless the row names its own.
  for (const auto& [where, parts] : light_rows) {
    const std::string noun = parts[1].substr(parts[1].find('+') + 1);
    EventSense sense;
    if (auto it = lex.nouns_.find(noun); it != lex.nouns_.end()) sense = it->second;
    if (parts[2] != "-") {
      auto cat = lex.categories_.find(parts[2]);
      if (cat == lex.categories_.end()) return Status::InvalidArgument(where + ": unknown category '" + parts[2] + "'");
      sense.category = parts[2];
      sense.cooperation = cat->second;
    }
    if (parts[3] != "-") sense.predicate = parts[3];
    if (parts[4].find("symmetric") != std::string::npos) sense.symmetric = sense.mutual = true;
    if (parts[4].find("mutual") != std::string::npos) sense.mutual = true;
    if (sense.category.empty() || sense.predicate.empty()) {
      return Status::InvalidArgument(where + ": the noun '" + noun +
                                     "' is not a listed event noun, so the row must give category and predicate");
    }
    lex.light_[parts[1]] = sense;
  }
  return lex;
}

Result<EventLexicon> EventLexicon::LoadFromDir(const std::string& data_dir) {
  const std::string dir = data_dir + "/events";
  std::ifstream categories(dir + "/categories.tsv");
  if (!categories) return Status::NotFound(dir + "/categories.tsv: cannot open");
  std::ifstream predicates(dir + "/predicates.tsv");
  if (!predicates) return Status::NotFound(dir + "/predicates.tsv: cannot open");
  return Load(categories, predicates, dir);
}

const EventSense* EventLexicon::Verb(std::string_view lemma) const {
  auto it = verbs_.find(lemma);
  return it == verbs_.end() ? nullptr : &it->second;
}

const EventSense* EventLexicon::Noun(std::string_view lemma) const {
  auto it = nouns_.find(lemma);
  return it == nouns_.end() ? nullptr : &it->second;
}

const EventSense* EventLexicon::Light(std::string_view verb, std::string_view noun) const {
  std::string key;
  key.reserve(verb.size() + noun.size() + 1);
  key.append(verb).append("+").append(noun);
  auto it = light_.find(key);
  return it == light_.end() ? nullptr : &it->second;
}

float EventLexicon::Cooperation(std::string_view category) const {
  auto it = categories_.find(category);
  return it == categories_.end() ? 0.0f : it->second;
}

EventSense EventLexicon::Unlisted(std::string_view lemma) const {
  EventSense sense;
  sense.category = "OTHER";
  sense.predicate = std::string(lemma);
  sense.cooperation = Cooperation("OTHER");
  return sense;
}

}  // namespace kg::extract
