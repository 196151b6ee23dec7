#include "graph/graph_io.h"

#include <google/protobuf/util/message_differencer.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "tests/graph/test_graphs.h"

using kg::testing::AddEntity;
using kg::testing::AddRelation;

namespace {

// RFC 4180 reader for the test: rows of fields, quotes undone.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// A graph whose names need escaping in every format.
kg::proto::Graph AwkwardGraph() {
  kg::proto::Graph g = kg::testing::NewsGraph();
  AddEntity(&g, "org:smith-jones", "Smith, \"Jones\" & <Partners>\nLtd", kg::proto::ORG);
  AddEntity(&g, "person:bad-bytes", std::string("Bad\xFF" "Byte\x01Name"));
  AddRelation(&g, "org:smith-jones", "sue", "person:bad-bytes", -5);
  return g;
}

}  // namespace

TEST_CASE("WriteGraphml: valid GraphML with every node, edge and attribute", "[graph]") {
  const kg::proto::Graph g = AwkwardGraph();
  std::ostringstream out;
  REQUIRE(kg::graph::WriteGraphml(g, out).ok());
  const std::string xml = out.str();

  SECTION("well-formed XML") {
    std::istringstream in(xml);
    boost::property_tree::ptree tree;
    REQUIRE_NOTHROW(boost::property_tree::read_xml(in, tree));
    const auto& graph = tree.get_child("graphml.graph");
    CHECK(graph.count("node") == static_cast<size_t>(g.entities_size()));
    CHECK(graph.count("edge") == static_cast<size_t>(g.relations_size()));
    bool found = false;
    for (const auto& [tag, node] : graph) {
      if (tag != "node" || node.get<std::string>("<xmlattr>.id") != "org:smith-jones") continue;
      found = true;
      CHECK(node.get_child("data").data() == "Smith, \"Jones\" & <Partners>\nLtd");
      CHECK(node.get_child("data").get<std::string>("<xmlattr>.key") == "n_name");
    }
    CHECK(found);
  }
  SECTION("reads back with Boost's GraphML reader, attributes intact") {
    struct Node {
      std::string name, type, aliases;
      int mention_count = 0;
    };
    struct Edge {
      std::string predicate, category, polarity;
      double cooperation = 0;
    };
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Edge>;
    G read;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("name", boost::get(&Node::name, read));
    dp.property("type", boost::get(&Node::type, read));
    dp.property("aliases", boost::get(&Node::aliases, read));
    dp.property("mention_count", boost::get(&Node::mention_count, read));
    dp.property("predicate", boost::get(&Edge::predicate, read));
    dp.property("category", boost::get(&Edge::category, read));
    dp.property("polarity", boost::get(&Edge::polarity, read));
    dp.property("cooperation", boost::get(&Edge::cooperation, read));
    // Boost's reader takes only 0/1 for booleans; we write the canonical true/false,
    // which Gephi, yEd and NetworkX read.
    std::string boost_xml = xml;
    for (auto [from, to] : {std::pair<std::string, std::string>{">true<", ">1<"}, {">false<", ">0<"}}) {
      for (size_t at = boost_xml.find(from); at != std::string::npos; at = boost_xml.find(from, at)) {
        boost_xml.replace(at, from.size(), to);
      }
    }
    std::istringstream in(boost_xml);
    REQUIRE_NOTHROW(boost::read_graphml(in, read, dp));
    REQUIRE(boost::num_vertices(read) == static_cast<size_t>(g.entities_size()));
    REQUIRE(boost::num_edges(read) == static_cast<size_t>(g.relations_size()));

    std::map<std::string, Node> nodes;
    for (auto v : boost::make_iterator_range(boost::vertices(read))) nodes[read[v].name] = read[v];
    CHECK(nodes.at("Marta Okonkwo").type == "PERSON");
    CHECK(nodes.at("Marta Okonkwo").aliases == "Okonkwo; President Okonkwo");
    CHECK(nodes.at("Marta Okonkwo").mention_count == 5);
    CHECK(nodes.count("Smith, \"Jones\" & <Partners> Ltd") == 1);  // Boost folds the newline
    CHECK(nodes.count("Bad\xEF\xBF\xBD" "Byte\xEF\xBF\xBDName") == 1);  // U+FFFD twice
    CHECK(nodes.at("Farmers' Union").type == "ORG");

    std::map<std::string, Edge> edges;
    for (auto e : boost::make_iterator_range(boost::edges(read))) edges[read[e].predicate] = read[e];
    CHECK(edges.at("attack").category == "ASSAULT");
    CHECK(edges.at("attack").cooperation == -9.0);
    CHECK(edges.at("join").polarity == "NEGATED");
    CHECK(edges.at("sue").cooperation == -5.0);
  }
}

TEST_CASE("WriteGraphml: refuses a relation to a missing entity", "[graph]") {
  kg::proto::Graph g = kg::testing::NewsGraph();
  AddRelation(&g, "gpe:veloria", "annex", "gpe:atlantis");
  std::ostringstream out;
  const auto status = kg::graph::WriteGraphml(g, out);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("gpe:atlantis"));
}

TEST_CASE("WriteCsv: RFC 4180 quoting of commas, quotes and newlines", "[graph]") {
  const kg::proto::Graph g = AwkwardGraph();
  SECTION("entities") {
    std::ostringstream out;
    REQUIRE(kg::graph::WriteCsv(g, kg::graph::CsvTable::kEntities, out).ok());
    CHECK_THAT(out.str(), Catch::Contains("\"Smith, \"\"Jones\"\" & <Partners>\nLtd\""));
    const auto rows = ParseCsv(out.str());
    REQUIRE(rows.size() == static_cast<size_t>(g.entities_size()) + 1);
    CHECK(rows[0] == std::vector<std::string>{"id", "name", "type", "aliases", "mention_count",
                                              "article_count", "description", "date"});
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    CHECK(rows[1][1] == "Marta Okonkwo");
    CHECK(rows[1][3] == "Okonkwo; President Okonkwo");
    CHECK(rows[1][5] == "1");
    CHECK(rows[13][1] == "Smith, \"Jones\" & <Partners>\nLtd");
  }
  SECTION("relations carry both ends' names") {
    std::ostringstream out;
    REQUIRE(kg::graph::WriteCsv(g, kg::graph::CsvTable::kRelations, out).ok());
    const auto rows = ParseCsv(out.str());
    REQUIRE(rows.size() == static_cast<size_t>(g.relations_size()) + 1);
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    const auto& sue = rows.back();
    CHECK(sue[1] == "org:smith-jones");
    CHECK(sue[2] == "Smith, \"Jones\" & <Partners>\nLtd");
    CHECK(sue[3] == "sue");
    CHECK(sue[7] == "-5");
    CHECK(rows[3][3] == "call");
    CHECK(rows[3][18] == "Okonkwo called Brandt on Saturday.");
  }
}

TEST_CASE("GraphToJson: protobuf's JSON mapping that round-trips", "[graph]") {
  const kg::proto::Graph g = kg::testing::NewsGraph();
  auto json = kg::graph::GraphToJson(g);
  REQUIRE(json.ok());
  CHECK_THAT(*json, Catch::StartsWith("{\n \"entities\": ["));
  CHECK_THAT(*json, Catch::Contains("\"relations\": ["));
  CHECK_THAT(*json, Catch::Contains("\"type\": \"PERSON\""));
  CHECK_THAT(*json, Catch::Contains("\"subject\": \"person:marta-okonkwo\""));
  CHECK_THAT(*json, Catch::Contains("\"mentionCount\": 5"));

  auto back = kg::graph::GraphFromJson(*json);
  REQUIRE(back.ok());
  CHECK(google::protobuf::util::MessageDifferencer::Equals(g, *back));

  kg::graph::JsonOptions compact;
  compact.pretty = false;
  compact.include_defaults = true;
  auto flat = kg::graph::GraphToJson(g, compact);
  REQUIRE(flat.ok());
  CHECK(flat->find('\n') == flat->size() - 1);
  CHECK_THAT(*flat, Catch::Contains("\"location\":\"\""));
  auto back2 = kg::graph::GraphFromJson(*flat);
  REQUIRE(back2.ok());
  CHECK(google::protobuf::util::MessageDifferencer::Equals(g, *back2));
}

TEST_CASE("GraphFromJson: clear errors for what is not a graph", "[graph]") {
  SECTION("broken JSON") {
    auto g = kg::graph::GraphFromJson("{\"entities\": [");
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(), Catch::Contains("not a kg graph"));
  }
  SECTION("unknown field") {
    auto g = kg::graph::GraphFromJson("{\"nodes\": []}");
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(), Catch::Contains("nodes"));
  }
  SECTION("invalid UTF-8") {
    auto g = kg::graph::GraphFromJson("{\"entities\": [{\"name\": \"\xC3\x28\"}]}");
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(), Catch::Contains("byte offset 24"));
  }
  SECTION("snake_case field names are accepted too") {
    auto g = kg::graph::GraphFromJson("{\"entities\": [{\"id\": \"a\", \"mention_count\": 2}]}");
    REQUIRE(g.ok());
    CHECK(g->entities(0).mention_count() == 2);
  }
}
