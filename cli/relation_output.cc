#include "cli/relation_output.h"

#include <algorithm>
#include <ostream>
#include <tuple>

#include "base/utf8.h"
#include "graph/graph_io.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::cli {

using base::Status;

std::string RelationDate(const proto::Relation& r) {
  return r.event_date().empty() ? r.first_seen() : r.event_date();
}

std::string PadRight(const std::string& s, size_t width) {
  const size_t n = base::CodePointCount(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

RelationPrinter::RelationPrinter(const storage::Store& store)
    : store_(store), entities_(std::make_unique<std::map<std::string, proto::Entity>>()) {}

RelationPrinter::~RelationPrinter() = default;

Status RelationPrinter::Load(const std::vector<proto::Relation>& relations) {
  for (const auto& r : relations) {
    for (const std::string* id : {&r.subject(), &r.object()}) {
      if (entities_->count(*id)) continue;
      auto e = store_.GetEntity(*id);
      if (!e.ok()) return e.status();
      if (e->has_value()) entities_->emplace(*id, std::move(**e));
    }
  }
  return Status::Ok();
}

const std::string& RelationPrinter::Name(const std::string& entity_id) const {
  auto it = entities_->find(entity_id);
  return it == entities_->end() ? entity_id : it->second.name();
}

void RelationPrinter::Sort(std::vector<proto::Relation>* relations) const {
  auto key = [this](const proto::Relation& r) {
    const std::string date = RelationDate(r);
    return std::make_tuple(date.empty(), date, Name(r.subject()), r.predicate(), Name(r.object()), r.id());
  };
  std::sort(relations->begin(), relations->end(),
            [&](const proto::Relation& a, const proto::Relation& b) { return key(a) < key(b); });
}

std::string RelationPrinter::Arrow(const proto::Relation& r) {
  std::string label = (r.polarity() == proto::NEGATED ? "not " : "") + r.predicate();
  if (r.modality() != proto::FACTUAL && r.modality() != proto::MODALITY_UNSPECIFIED) {
    std::string m = proto::Modality_Name(r.modality());
    std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    label += " (" + m + ")";
  }
  return (r.symmetric() ? "<-" : "-") + label + "->";
}

std::string RelationPrinter::Line(const proto::Relation& r) const {
  return Name(r.subject()) + " " + Arrow(r) + " " + Name(r.object());
}

proto::Graph RelationPrinter::ToGraph(const std::vector<proto::Relation>& relations) const {
  proto::Graph g;
  std::map<std::string, const proto::Entity*> ends;
  for (const auto& r : relations) {
    *g.add_relations() = r;
    for (const std::string* id : {&r.subject(), &r.object()}) {
      if (auto it = entities_->find(*id); it != entities_->end()) ends.emplace(*id, &it->second);
    }
  }
  for (const auto& [id, e] : ends) *g.add_entities() = *e;
  return g;
}

Status RelationPrinter::Write(const std::vector<proto::Relation>& relations, RelationFormat format,
                              std::ostream& out) const {
  if (format == RelationFormat::kCsv) return graph::WriteCsv(ToGraph(relations), graph::CsvTable::kRelations, out);
  if (format == RelationFormat::kJson) {
    auto json = graph::GraphToJson(ToGraph(relations));
    if (!json.ok()) return json.status();
    out << *json;
    return out ? Status::Ok() : Status::IOError("cannot write the output");
  }
  if (relations.empty()) {
    out << "no relations match\n";
    return Status::Ok();
  }
  const std::vector<std::string> header{"DATE", "SUBJECT", "RELATION", "OBJECT", "CATEGORY", "SOURCES", "ID"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : relations) {
    rows.push_back({RelationDate(r), Name(r.subject()), Arrow(r), Name(r.object()), r.category(),
                    std::to_string(r.source_count()), r.id()});
  }
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    width[c] = base::CodePointCount(header[c]);
    for (const auto& row : rows) width[c] = std::max(width[c], base::CodePointCount(row[c]));
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string s;
    for (size_t c = 0; c < row.size(); ++c) s += c + 1 < row.size() ? PadRight(row[c], width[c] + 2) : row[c];
    out << s << "\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
  out << "(" << relations.size() << (relations.size() == 1 ? " relation)\n" : " relations)\n");
  return out ? Status::Ok() : Status::IOError("cannot write the output");
}

}  // namespace kg::cli
