#include "cli/format_util.h"

#include <fmt/format.h>

#include <map>
#include <ostream>
#include <string>

#include "base/utf8.h"
#include "proto/kg.pb.h"

namespace kg::cli {

namespace {

std::string Qualifiers(const proto::Relation& r) {
  std::string q = r.category();
  auto add = [&q](const std::string& s) {
    if (s.empty()) return;
    q += q.empty() ? s : ", " + s;
  };
  if (r.polarity() == proto::NEGATED) add("negated");
  if (r.modality() != proto::FACTUAL && r.modality() != proto::MODALITY_UNSPECIFIED) {
    std::string m = proto::Modality_Name(r.modality());
    for (char& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    add(m);
  }
  if (!r.event_date().empty()) add("on " + r.event_date());
  if (!r.attributed_to().empty()) add("according to " + r.attributed_to());
  return q;
}

// Code point slice of `s`.
std::string Slice(const std::string& s, uint32_t begin, uint32_t end) {
  std::string out;
  size_t pos = 0;
  uint32_t cp = 0;
  while (pos < s.size() && cp < end) {
    const size_t start = pos;
    base::DecodeUtf8(s, &pos);
    if (cp >= begin) out.append(s, start, pos - start);
    ++cp;
  }
  return out;
}

}  // namespace

proto::Graph ToGraph(const proto::ArticleGraph& article_graph, bool keep_concepts) {
  proto::Graph graph;
  *graph.add_articles() = article_graph.article();
  std::map<std::string, bool> concept_ids;
  for (const auto& e : article_graph.entities()) {
    if (e.type() == proto::CONCEPT && !keep_concepts) {
      concept_ids[e.id()] = true;
      continue;
    }
    *graph.add_entities() = e;
  }
  for (const auto& r : article_graph.relations()) {
    if (concept_ids.count(r.subject()) || concept_ids.count(r.object())) continue;
    *graph.add_relations() = r;
  }
  return graph;
}

void WriteTable(const proto::Graph& graph, std::ostream& out) {
  std::map<std::string, std::string> names;
  size_t width = 4;
  for (const auto& e : graph.entities()) {
    names[e.id()] = e.name();
    width = std::max(width, e.name().size());
  }
  out << fmt::format("{:<8} {:<{}} {}\n", "TYPE", "NAME", width, "ID / ALIASES");
  for (const auto& e : graph.entities()) {
    std::string aliases;
    for (const auto& a : e.aliases()) aliases += (aliases.empty() ? " (" : ", ") + a;
    if (!aliases.empty()) aliases += ")";
    out << fmt::format("{:<8} {:<{}} {}{}\n", proto::EntityType_Name(e.type()), e.name(), width, e.id(), aliases);
  }
  out << "\n";
  for (const auto& r : graph.relations()) {
    const std::string arrow = r.symmetric() ? "<-" + r.predicate() + "->" : "-" + r.predicate() + "->";
    out << fmt::format("{} {} {}   [{}]\n", names.count(r.subject()) ? names[r.subject()] : r.subject(), arrow,
                       names.count(r.object()) ? names[r.object()] : r.object(), Qualifiers(r));
  }
}

void WriteExplanation(const proto::Graph& graph, std::ostream& out) {
  std::map<std::string, std::string> names;
  for (const auto& e : graph.entities()) names[e.id()] = e.name();
  for (const auto& r : graph.relations()) {
    out << fmt::format("{} -{}-> {}   [{}]\n", names.count(r.subject()) ? names[r.subject()] : r.subject(),
                       r.predicate(), names.count(r.object()) ? names[r.object()] : r.object(), Qualifiers(r));
    for (const auto& ev : r.evidence()) {
      const uint32_t offset = ev.sentence_char_begin();
      const std::string span = ev.char_begin() >= offset
                                   ? Slice(ev.sentence(), ev.char_begin() - offset, ev.char_end() - offset)
                                   : std::string();
      out << fmt::format("    sentence {}: {}\n", ev.sentence_index() + 1, ev.sentence());
      out << fmt::format("    span [{}, {}) \"{}\"  rule {}\n", ev.char_begin(), ev.char_end(), span, ev.rule());
    }
  }
}

}  // namespace kg::cli
