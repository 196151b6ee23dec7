#include "graph/graph_io.h"

#include <google/protobuf/util/json_util.h>

#include <charconv>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

#include "base/utf8.h"
#include "graph/graph_ops.h"

namespace kg::graph {

namespace {

// `s` with every invalid UTF-8 byte replaced by U+FFFD.
std::string CleanUtf8(std::string_view s) {
  if (!base::FindInvalidUtf8(s).has_value()) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t pos = 0; pos < s.size();) base::AppendUtf8(base::DecodeUtf8(s, &pos), &out);
  return out;
}

// Text for XML character data and attribute values. Characters XML 1.0 forbids
// (C0 controls other than tab, LF, CR) become U+FFFD.
std::string XmlEscape(std::string_view raw) {
  const std::string s = CleanUtf8(raw);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

// Shortest decimal that reads back as the same float.
std::string FormatFloat(float v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

std::string PolarityName(proto::Polarity p) {
  return p == proto::POLARITY_UNSPECIFIED ? "" : proto::Polarity_Name(p);
}
std::string ModalityName(proto::Modality m) {
  return m == proto::MODALITY_UNSPECIFIED ? "" : proto::Modality_Name(m);
}
std::string TypeName(proto::EntityType t) {
  return t == proto::ENTITY_TYPE_UNSPECIFIED ? "" : EntityTypeName(t);
}
std::string FirstSentence(const proto::Relation& r) {
  return r.evidence_size() > 0 ? r.evidence(0).sentence() : "";
}

struct GraphmlKey {
  const char* id;
  const char* domain;  // node | edge
  const char* name;
  const char* type;    // string | int | double | boolean
};

constexpr GraphmlKey kGraphmlKeys[] = {
    {"n_name", "node", "name", "string"},
    {"n_type", "node", "type", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_mentions", "node", "mention_count", "int"},
    {"n_articles", "node", "article_count", "int"},
    {"n_description", "node", "description", "string"},
    {"n_date", "node", "date", "string"},
    {"e_predicate", "edge", "predicate", "string"},
    {"e_category", "edge", "category", "string"},
    {"e_polarity", "edge", "polarity", "string"},
    {"e_modality", "edge", "modality", "string"},
    {"e_cooperation", "edge", "cooperation", "double"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_event_date", "edge", "event_date", "string"},
    {"e_mentions", "edge", "mention_count", "int"},
    {"e_sources", "edge", "source_count", "int"},
    {"e_first_seen", "edge", "first_seen", "string"},
    {"e_last_seen", "edge", "last_seen", "string"},
    {"e_sentence", "edge", "sentence", "string"},
};

void Data(std::ostream& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

// One CSV field, quoted when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view raw) {
  const std::string s = CleanUtf8(raw);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvRow(std::ostream& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) out << ',';
    out << CsvField(f);
    first = false;
  }
  out << '\n';
}

}  // namespace

base::Status WriteGraphml(const proto::Graph& graph, std::ostream& out) {
  KG_RETURN_IF_ERROR(CheckGraph(graph));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const GraphmlKey& k : kGraphmlKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  for (const proto::Entity& e : graph.entities()) {
    out << "    <node id=\"" << XmlEscape(e.id()) << "\">\n";
    Data(out, "n_name", e.name());
    Data(out, "n_type", TypeName(e.type()));
    Data(out, "n_aliases", Join(e.aliases()));
    Data(out, "n_mentions", std::to_string(e.mention_count()));
    Data(out, "n_articles", std::to_string(e.article_ids_size()));
    Data(out, "n_description", e.description());
    Data(out, "n_date", e.date());
    out << "    </node>\n";
  }
  std::unordered_set<std::string> edge_ids;
  for (int i = 0; i < graph.relations_size(); ++i) {
    const proto::Relation& r = graph.relations(i);
    std::string id = r.id();
    if (id.empty() || !edge_ids.insert(id).second) {
      id = std::to_string(i);
      id.insert(id.begin(), 'r');  // (not "r" + ...: GCC 12 warns falsely about that)
    }
    out << "    <edge id=\"" << XmlEscape(id) << "\" source=\"" << XmlEscape(r.subject())
        << "\" target=\"" << XmlEscape(r.object()) << "\">\n";
    Data(out, "e_predicate", r.predicate());
    Data(out, "e_category", r.category());
    Data(out, "e_polarity", PolarityName(r.polarity()));
    Data(out, "e_modality", ModalityName(r.modality()));
    Data(out, "e_cooperation", FormatFloat(r.cooperation()));
    Data(out, "e_symmetric", r.symmetric() ? "true" : "false");
    Data(out, "e_event_date", r.event_date());
    Data(out, "e_mentions", std::to_string(r.mention_count()));
    Data(out, "e_sources", std::to_string(r.source_count()));
    Data(out, "e_first_seen", r.first_seen());
    Data(out, "e_last_seen", r.last_seen());
    Data(out, "e_sentence", FirstSentence(r));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  out.flush();
  if (!out) return base::Status::IOError("cannot write the GraphML output");
  return base::Status::Ok();
}

base::Status WriteCsv(const proto::Graph& graph, CsvTable table, std::ostream& out) {
  if (table == CsvTable::kEntities) {
    CsvRow(out, {"id", "name", "type", "aliases", "mention_count", "article_count", "description",
                 "date"});
    for (const proto::Entity& e : graph.entities()) {
      CsvRow(out, {e.id(), e.name(), TypeName(e.type()), Join(e.aliases()),
                   std::to_string(e.mention_count()), std::to_string(e.article_ids_size()),
                   e.description(), e.date()});
    }
  } else {
    std::unordered_map<std::string_view, const proto::Entity*> by_id;
    for (const proto::Entity& e : graph.entities()) by_id.emplace(e.id(), &e);
    auto name_of = [&by_id](const std::string& id) -> std::string {
      auto it = by_id.find(id);
      return it == by_id.end() ? "" : it->second->name();
    };
    CsvRow(out, {"id", "subject", "subject_name", "predicate", "object", "object_name", "category",
                 "cooperation", "polarity", "modality", "symmetric", "event_date", "location",
                 "attributed_to", "mention_count", "source_count", "first_seen", "last_seen",
                 "sentence"});
    for (const proto::Relation& r : graph.relations()) {
      CsvRow(out, {r.id(), r.subject(), name_of(r.subject()), r.predicate(), r.object(),
                   name_of(r.object()), r.category(), FormatFloat(r.cooperation()),
                   PolarityName(r.polarity()), ModalityName(r.modality()),
                   r.symmetric() ? "true" : "false", r.event_date(), r.location(),
                   r.attributed_to(), std::to_string(r.mention_count()),
                   std::to_string(r.source_count()), r.first_seen(), r.last_seen(),
                   FirstSentence(r)});
    }
  }
  out.flush();
  if (!out) return base::Status::IOError("cannot write the CSV output");
  return base::Status::Ok();
}

base::Result<std::string> GraphToJson(const proto::Graph& graph, const JsonOptions& options) {
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = options.pretty;
  print.always_print_primitive_fields = options.include_defaults;
  print.preserve_proto_field_names = false;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(graph, &json, print);
  if (!status.ok()) {
    return base::Status::InvalidArgument("cannot convert the graph to JSON: " + status.ToString());
  }
  if (json.empty() || json.back() != '\n') json += '\n';
  return json;
}

base::Result<proto::Graph> GraphFromJson(std::string_view json) {
  if (auto bad = base::FindInvalidUtf8(json)) {
    return base::Status::InvalidArgument("graph JSON is not valid UTF-8 at byte offset " +
                                         std::to_string(*bad));
  }
  proto::Graph graph;
  google::protobuf::util::JsonParseOptions parse;
  parse.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &graph, parse);
  if (!status.ok()) {
    return base::Status::InvalidArgument("not a kg graph in protobuf JSON: " +
                                         std::string(status.message()));
  }
  return graph;
}

}  // namespace kg::graph
