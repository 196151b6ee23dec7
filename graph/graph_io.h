#pragma once
// Writers for proto::Graph — GraphML, CSV (one table per call) and protobuf's JSON
// mapping of Graph — and the JSON reader. Output follows the graph's order; pass a
// SortedGraph for byte-identical output from equal graphs. GraphML and CSV write invalid
// UTF-8 bytes as U+FFFD. Pure functions; thread-safe.

#include <iosfwd>
#include <string>
#include <string_view>

#include "base/status.h"
#include "proto/kg.pb.h"

namespace kg::graph {

// GraphML 1.0: a directed graph, one <node> per entity (name, type, aliases, mention
// count, article count, description, date) and one <edge> per relation (predicate,
// category, polarity, modality, cooperation, symmetric, dates, mention and source
// counts, first evidence sentence). InvalidArgument when CheckGraph fails; IOError when
// `out` fails.
base::Status WriteGraphml(const proto::Graph& graph, std::ostream& out);

enum class CsvTable { kEntities, kRelations };

// RFC 4180 CSV with a header row: fields holding a comma, quote, CR or LF are quoted,
// quotes doubled; list fields are joined with "; ". Relations carry both ends' names.
// IOError when `out` fails.
base::Status WriteCsv(const proto::Graph& graph, CsvTable table, std::ostream& out);

struct JsonOptions {
  bool pretty = true;             // indented, one field a line
  bool include_defaults = false;  // also print fields holding their zero value
};

// Protobuf's JSON mapping of Graph: top-level "entities", "relations", "articles";
// field names in lowerCamelCase, enums by name. Ends with a newline.
base::Result<std::string> GraphToJson(const proto::Graph& graph, const JsonOptions& options = {});

// Parses protobuf's JSON mapping of Graph (either field-name spelling). InvalidArgument
// with the parser's message (and byte offset of bad UTF-8) when `json` is not one.
base::Result<proto::Graph> GraphFromJson(std::string_view json);

}  // namespace kg::graph
