#pragma once
// Hand-built article graphs for storage and ingest tests, so that they never depend on the
// real extractor: an ArticleBuilder, and a FakeExtractor that reads a tiny line format
//   E <local-id> <TYPE> <name>[|<alias>...]
//   R <subject> <predicate> <object> <CATEGORY> [sym] [neg] [date=YYYY-MM-DD]
//   FAIL <message>        (Extract fails with InvalidArgument)
// in which every other line is ignored prose. Header-only (the test glob builds *_test.cc).

#include <chrono>
#include <memory>
#include <stdexcept>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"
#include "extract/extractor.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::testing {

struct RelationSpec {
  RelationSpec() = default;
  RelationSpec(std::string s, std::string p, std::string o, std::string c, bool sym = false, bool neg = false,
               std::string date = "")
      : subject(std::move(s)), predicate(std::move(p)), object(std::move(o)), category(std::move(c)),
        symmetric(sym), negated(neg), event_date(std::move(date)) {}
  std::string subject, predicate, object, category;
  bool symmetric = false;
  bool negated = false;
  std::string event_date;
  std::string sentence;  // default: "<subject> <predicate> <object>."
};

class ArticleBuilder {
 public:
  explicit ArticleBuilder(std::string id, std::string date = "") {
    graph_.mutable_article()->set_id(std::move(id));
    graph_.mutable_article()->set_date(std::move(date));
  }
  ArticleBuilder& Entity(const std::string& local_id, proto::EntityType type, const std::string& name,
                         const std::vector<std::string>& aliases = {}) {
    proto::Entity* e = graph_.add_entities();
    e->set_id(local_id);
    e->set_type(type);
    e->set_name(name);
    for (const auto& a : aliases) e->add_aliases(a);
    e->set_mention_count(1 + static_cast<uint32_t>(aliases.size()));
    return *this;
  }
  ArticleBuilder& Relation(const RelationSpec& spec) {
    proto::Relation* r = graph_.add_relations();
    r->set_subject(spec.subject);
    r->set_predicate(spec.predicate);
    r->set_object(spec.object);
    r->set_category(spec.category);
    r->set_symmetric(spec.symmetric);
    r->set_polarity(spec.negated ? proto::NEGATED : proto::ASSERTED);
    r->set_modality(proto::FACTUAL);
    r->set_event_date(spec.event_date);
    r->set_cooperation(spec.category == "ASSAULT" ? -9.0f : 3.5f);
    proto::Evidence* ev = r->add_evidence();
    ev->set_sentence_index(static_cast<uint32_t>(graph_.relations_size() - 1));
    ev->set_char_begin(10 * static_cast<uint32_t>(graph_.relations_size()));
    ev->set_char_end(ev->char_begin() + 9);
    ev->set_sentence(spec.sentence.empty() ? spec.subject + " " + spec.predicate + " " + spec.object + "."
                                           : spec.sentence);
    ev->set_rule("fixture");
    r->set_mention_count(1);
    return *this;
  }
  ArticleBuilder& Relation(const std::string& s, const std::string& p, const std::string& o,
                           const std::string& category) {
    return Relation(RelationSpec{s, p, o, category});
  }
  const proto::ArticleGraph& graph() const { return graph_; }

 private:
  proto::ArticleGraph graph_;
};

// Parses the line format above into `article`'s graph.
inline base::Result<proto::ArticleGraph> ParseFixture(const extract::ArticleText& article) {
  ArticleBuilder b(article.id.empty() ? extract::ArticleId(article.text) : article.id, article.date);
  std::istringstream lines(article.text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream in(line);
    std::string tag;
    in >> tag;
    if (tag == "FAIL") {
      return base::Status::InvalidArgument(article.path + ": the fake extractor was told to fail");
    }
    if (tag == "E") {
      std::string id, type, rest;
      in >> id >> type;
      std::getline(in, rest);
      rest.erase(0, rest.find_first_not_of(' '));
      std::vector<std::string> names;
      std::string part;
      std::istringstream parts(rest);
      while (std::getline(parts, part, '|')) names.push_back(part);
      proto::EntityType t = proto::ENTITY_TYPE_UNSPECIFIED;
      if (names.empty() || !proto::EntityType_Parse(type, &t)) {
        return base::Status::InvalidArgument(article.path + ": bad fixture line: " + line);
      }
      b.Entity(id, t, names[0], std::vector<std::string>(names.begin() + 1, names.end()));
    } else if (tag == "R") {
      RelationSpec spec;
      in >> spec.subject >> spec.predicate >> spec.object >> spec.category;
      std::string flag;
      while (in >> flag) {
        if (flag == "sym") spec.symmetric = true;
        if (flag == "neg") spec.negated = true;
        if (flag.rfind("date=", 0) == 0) spec.event_date = flag.substr(5);
      }
      b.Relation(spec);
    }
  }
  proto::ArticleGraph g = b.graph();
  g.mutable_article()->set_title(article.title);
  g.mutable_article()->set_source(article.source);
  g.mutable_article()->set_path(article.path);
  return g;
}

// An Extractor over the fixture format; `delay` slows every article down (kill tests).
class FakeExtractor : public extract::Extractor {
 public:
  explicit FakeExtractor(std::chrono::milliseconds delay = std::chrono::milliseconds(0)) : delay_(delay) {}
  base::Result<proto::ArticleGraph> Extract(const extract::ArticleText& article) const override {
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    return ParseFixture(article);
  }

 private:
  std::chrono::milliseconds delay_;
};

// `n` articles in the fixture format over a few recurring actors (shared surnames, a bare
// surname, a shared event on three dates), so that they merge; ids are the text hashes.
inline std::vector<extract::ArticleText> SyntheticArticles(int n, int first = 0) {
  static const char* kPeople[] = {"Ana Duarte", "Bo Lindgren", "Cyrus Farahani", "Duarte", "Rui Duarte",
                                  "Mara Okonjo", "President Okonjo"};
  static const char* kPlaces[] = {"Portugal", "Sweden", "Iran", "Nigeria", "U.S.", "United States"};
  std::vector<extract::ArticleText> out;
  for (int i = first; i < first + n; ++i) {
    extract::ArticleText a;
    a.text = "Report number " + std::to_string(i) + ".\n" + "E p1 PERSON " + kPeople[i % 7] + "\n" +
             "E p2 PERSON " + kPeople[(i * 3 + 1) % 7] + "\n" + "E g1 GPE " + kPlaces[i % 6] + "\n" +
             "E g2 GPE " + kPlaces[(i + 2) % 6] + "\n" + "R p1 meet p2 MEET sym date=2025-03-0" +
             std::to_string(1 + i % 3) + "\n" + "R p2 visit g1 TRAVEL\n" + "R g1 criticize g2 CRITICIZE\n";
    a.id = extract::ArticleId(a.text);
    a.date = "2025-03-" + std::to_string(10 + i % 20);
    a.path = "synthetic/" + std::to_string(i) + ".txt";
    out.push_back(std::move(a));
  }
  return out;
}

// A fresh database at `path`; fails the test when it cannot be created.
inline std::unique_ptr<storage::Store> CreateStore(const std::string& path) {
  storage::StoreOptions options;
  options.create_if_missing = true;
  auto store = storage::Store::Open(options, path);
  if (!store.ok()) throw std::runtime_error(store.status().ToString());
  return std::move(store).value();
}

// The whole merged graph, serialised: equal databases give equal bytes.
inline std::string ExportBytes(const storage::Store& store) {
  auto graph = store.ExportGraph();
  if (!graph.ok()) throw std::runtime_error(graph.status().ToString());
  return graph->SerializeAsString();
}

// Adds every graph; throws on failure.
inline void AddAll(storage::Store& store, const std::vector<proto::ArticleGraph>& graphs) {
  for (const auto& g : graphs) {
    auto added = store.AddArticle(g);
    if (!added.ok()) throw std::runtime_error(added.status().ToString());
  }
}

// The one entity `name` finds; throws unless exactly one.
inline proto::Entity OnlyEntity(const storage::Store& store, const std::string& name) {
  auto found = store.FindEntities(name);
  if (!found.ok()) throw std::runtime_error(found.status().ToString());
  if (found->size() != 1) {
    throw std::runtime_error(name + " finds " + std::to_string(found->size()) + " entities");
  }
  return found->front();
}

}  // namespace kg::testing
