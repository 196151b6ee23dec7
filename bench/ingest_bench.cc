// Batch ingest throughput and peak memory: ingests N generated articles (default 2000)
// through the BatchIngester into a fresh database, then again (every article skipped),
// then one more article into the reopened database (the merge state is rebuilt from
// disk first), and prints articles/s and peak resident memory (getrusage maxrss).
//
// The extractor is synthetic: each article's graph is generated from a seed in its text
// (people with shared surnames and bare surnames, organisations and their acronyms,
// countries, dated events reported by several articles), so the figures measure
// batching, merging and RocksDB writes, not NLP.
//
//   build/bench/ingest_bench [ARTICLES] [--jobs N] [--db DIR]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "cli/batch_ingester.h"
#include "extract/extractor.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace {

namespace fs = std::filesystem;
using kg::proto::EntityType;

struct Actor {
  EntityType type;
  std::string name;
  std::vector<std::string> aliases;
};

// A world of actors; popularity is skewed so that a few appear in most articles.
std::vector<Actor> MakeWorld() {
  const char* first[] = {"Ana", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana",
                         "Kofi", "Lena", "Marek", "Nadia", "Omar", "Petra", "Quentin", "Rosa", "Sami", "Tomas"};
  const char* last[] = {"Novak", "Reyes", "Tanaka", "Okafor", "Lindqvist", "Haddad", "Moreau", "Kowalski",
                        "Sato", "Mensah", "Ivanova", "Costa", "Berg", "Nakamura", "Ferreira", "Aziz",
                        "Horvat", "Silva", "Kim", "Dubois", "Yilmaz", "Popescu", "Nilsen", "Abara", "Varga"};
  const char* org_words[] = {"National", "Energy", "Trade", "Health", "Defence", "Maritime", "Union",
                             "Council", "Agency", "Bank", "Forum", "Alliance", "Development", "Security"};
  std::vector<Actor> world;
  for (const char* l : last) {
    for (const char* f : first) {
      if ((f[0] + l[0]) % 3 != 0) continue;
      world.push_back({kg::proto::PERSON, std::string(f) + " " + l, {l}});
    }
  }
  std::mt19937 rng(7);
  for (int i = 0; i < 120; ++i) {
    std::string name, acronym;
    for (int w = 0; w < 3; ++w) {
      const std::string word = org_words[rng() % 14];
      name += (w ? " " : "") + word;
      acronym += word[0];
    }
    world.push_back({kg::proto::ORG, name + " " + std::to_string(i), {}});
    if (i % 4 == 0) world.back().aliases.push_back(acronym + std::to_string(i));
  }
  const char* countries[] = {"France", "Germany", "Kenya", "Brazil", "India", "Japan", "Chile", "Egypt",
                             "Norway", "Poland", "Ghana", "Peru", "Iran", "Turkey", "Mexico", "Vietnam"};
  for (const char* c : countries) world.push_back({kg::proto::GPE, c, {}});
  world.push_back({kg::proto::GPE, "United States", {"U.S.", "US"}});
  return world;
}

class SyntheticExtractor : public kg::extract::Extractor {
 public:
  SyntheticExtractor() : world_(MakeWorld()) {}
  kg::base::Result<kg::proto::ArticleGraph> Extract(const kg::extract::ArticleText& article) const override {
    const unsigned seed = static_cast<unsigned>(std::stoul(article.text.substr(article.text.find('#') + 1)));
    std::mt19937 rng(seed);
    // Skewed choice: the square of a uniform number favours the front of the list.
    auto pick = [&] {
      const double u = std::uniform_real_distribution<double>(0, 1)(rng);
      return static_cast<size_t>(u * u * static_cast<double>(world_.size()));
    };
    kg::proto::ArticleGraph g;
    g.mutable_article()->set_id(article.id);
    g.mutable_article()->set_date(article.date);
    const int entities = 8 + static_cast<int>(rng() % 10);
    std::vector<std::string> ids;
    for (int e = 0; e < entities; ++e) {
      const Actor& a = world_[pick()];
      const std::string id = std::string("e").append(std::to_string(e));
      kg::proto::Entity* out = g.add_entities();
      out->set_id(id);
      out->set_type(a.type);
      // Sometimes only the surname or the acronym, as later paragraphs of news do.
      if (!a.aliases.empty() && rng() % 5 == 0) {
        out->set_name(a.aliases[rng() % a.aliases.size()]);
      } else {
        out->set_name(a.name);
        for (const auto& alias : a.aliases) out->add_aliases(alias);
      }
      out->set_mention_count(1 + rng() % 4);
      ids.push_back(id);
    }
    const char* categories[] = {"MEET", "ASSAULT", "AGREE", "CRITICIZE", "SUPPORT", "THREATEN", "CONSULT"};
    const char* predicates[] = {"meet", "attack", "sign", "criticize", "back", "warn", "call"};
    const int relations = 6 + static_cast<int>(rng() % 10);
    for (int r = 0; r < relations; ++r) {
      const size_t s = rng() % ids.size(), o = rng() % ids.size();
      if (s == o) continue;
      const int c = static_cast<int>(rng() % 7);
      kg::proto::Relation* rel = g.add_relations();
      rel->set_subject(ids[s]);
      rel->set_object(ids[o]);
      rel->set_predicate(predicates[c]);
      rel->set_category(categories[c]);
      rel->set_symmetric(c == 0 || c == 2 || c == 6);
      rel->set_polarity(rng() % 12 == 0 ? kg::proto::NEGATED : kg::proto::ASSERTED);
      rel->set_modality(kg::proto::FACTUAL);
      if (rng() % 2 == 0) rel->set_event_date("2025-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10));
      kg::proto::Evidence* ev = rel->add_evidence();
      ev->set_sentence_index(static_cast<uint32_t>(r));
      ev->set_char_begin(static_cast<uint32_t>(100 * r));
      ev->set_char_end(static_cast<uint32_t>(100 * r + 40));
      ev->set_sentence(g.entities(static_cast<int>(s)).name() + " and " + g.entities(static_cast<int>(o)).name() +
                       " were reported in a sentence of ordinary length for a news article, about " +
                       std::to_string(seed % 97) + " words long give or take.");
      ev->set_rule("synthetic");
      rel->set_mention_count(1);
    }
    return g;
  }

 private:
  std::vector<Actor> world_;
};

std::vector<kg::extract::ArticleText> MakeArticles(int n, int first) {
  std::vector<kg::extract::ArticleText> out;
  for (int i = first; i < first + n; ++i) {
    kg::extract::ArticleText a;
    a.text = "Synthetic article #" + std::to_string(i);
    a.id = kg::extract::ArticleId(a.text);
    a.date = "2025-0" + std::to_string(1 + i % 9) + "-" + std::to_string(10 + i % 19);
    a.path = "synthetic-" + std::to_string(i);
    out.push_back(std::move(a));
  }
  return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

uintmax_t DiskBytes(const std::string& dir) {
  uintmax_t total = 0;
  for (const auto& f : fs::recursive_directory_iterator(dir)) {
    if (f.is_regular_file()) total += f.file_size();
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 2000;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string db = (fs::temp_directory_path() / ("kg-ingest-bench-" + std::to_string(::getpid()))).string();
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (arg == "--db" && i + 1 < argc) {
      db = argv[++i];
      keep = true;
    } else if (!arg.empty() && std::isdigit(static_cast<unsigned char>(arg[0]))) {
      n = std::atoi(arg.c_str());
    } else {
      std::fprintf(stderr, "usage: ingest_bench [ARTICLES] [--jobs N] [--db DIR]\n");
      return 2;
    }
  }
  fs::remove_all(db);
  std::printf("ingest_bench: %d articles, %u extraction threads, database %s\n", n, jobs, db.c_str());
  std::printf("extractor: synthetic (each graph generated from a seed: 8-17 entities, 6-15 relations with\n"
              "  evidence; measures batching, merging and RocksDB writes, not NLP)\n");
  SyntheticExtractor extractor;
  const auto articles = MakeArticles(n, 0);
  kg::cli::IngestOptions options;
  options.jobs = jobs;
  {
    kg::storage::StoreOptions create;
    create.create_if_missing = true;
    auto store = kg::storage::Store::Open(create, db);
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
      return 1;
    }
    kg::cli::BatchIngester ingester(extractor, **store, options);
    auto start = std::chrono::steady_clock::now();
    auto first = ingester.Run(articles);
    const double t1 = Seconds(start);
    if (!first.ok()) {
      std::fprintf(stderr, "%s\n", first.status().ToString().c_str());
      return 1;
    }
    std::printf("first ingest:  %zu new articles in %.2f s = %.0f articles/s\n", first->counts.added, t1,
                static_cast<double>(first->counts.added) / t1);
    start = std::chrono::steady_clock::now();
    auto again = ingester.Run(articles);
    const double t2 = Seconds(start);
    if (!again.ok()) return 1;
    std::printf("re-ingest:     %zu skipped in %.3f s = %.0f articles/s\n", again->counts.skipped, t2,
                static_cast<double>(again->counts.skipped) / t2);
  }
  {
    kg::storage::StoreOptions write;
    auto store = kg::storage::Store::Open(write, db);
    if (!store.ok()) return 1;
    kg::cli::BatchIngester ingester(extractor, **store, options);
    const auto start = std::chrono::steady_clock::now();
    auto one = ingester.Run(MakeArticles(1, n));
    const double t3 = Seconds(start);
    if (!one.ok()) return 1;
    std::printf("one more article after reopening (merge state rebuilt from %d stored graphs): %.2f s\n", n, t3);
    auto stats = (*store)->Stats();
    if (stats.ok()) {
      std::printf("database: %llu articles, %llu entities, %llu relations\n",
                  static_cast<unsigned long long>(stats->articles), static_cast<unsigned long long>(stats->entities),
                  static_cast<unsigned long long>(stats->relations));
    }
  }
  std::printf("on disk: %.1f MB\n", static_cast<double>(DiskBytes(db)) / (1 << 20));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak memory (maxrss): %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  if (!keep) fs::remove_all(db);
  return 0;
}
