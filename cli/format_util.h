#pragma once
// Human-readable output shared by commands that print graphs: an entity/relation table
// and the --explain view (each relation with its evidence sentence, span and rule).
// Pure functions; thread-safe.

#include <iosfwd>

namespace kg::proto {
class ArticleGraph;
class Graph;
}  // namespace kg::proto

namespace kg::cli {

// The article's graph as a Graph (its article, entities and relations). Without
// `keep_concepts`, CONCEPT nodes and the relations to them are dropped.
proto::Graph ToGraph(const proto::ArticleGraph& article_graph, bool keep_concepts);

// Entities (type, name, id, aliases) then relations (subject -predicate-> object with
// category, polarity, modality, date), aligned in columns.
void WriteTable(const proto::Graph& graph, std::ostream& out);

// Every relation with its evidence: the sentence, the quoted span and the rule.
void WriteExplanation(const proto::Graph& graph, std::ostream& out);

}  // namespace kg::cli
