#include "storage/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "base/text.h"
#include "proto/kg.pb.h"
#include "storage/keys.h"
#include "storage/resolver.h"

namespace kg::storage {

namespace fs = std::filesystem;
using base::Result;
using base::Status;
using keys::Cf;

namespace {

// Bumped whenever the merge rules change what a set of articles yields; a database
// settled under other rules is rebuilt from its article graphs on the first write.
// 2: doubled letters do not separate names; 3: generic names; 4: ROLE edges regardless of date
constexpr int kMergeRulesVersion = 4;

bool Contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// A RocksDB status as a message a person can act on.
Status FromRocks(const rocksdb::Status& s, const std::string& path) {
  const std::string msg = s.ToString();
  if (s.IsIOError() && (Contains(msg, "lock") || Contains(msg, "LOCK"))) {
    return Status::IOError("database " + path +
                           " is locked by another kg process (LOCK held); wait for it to finish "
                           "or stop it (" + msg + ")");
  }
  if (s.IsIOError() && Contains(msg, "No such file")) {
    return Status::Corruption("database " + path + " is corrupt or incomplete: a file it needs is missing (" +
                              msg + "); restore it from a backup or ingest the articles again into a new database");
  }
  if (s.IsCorruption()) {
    return Status::Corruption("database " + path + " is corrupt: " + msg +
                              "; restore it from a backup or ingest the articles again into a "
                              "new database");
  }
  if (s.IsIOError() && Contains(msg, "ermission denied")) {
    return Status::IOError("database " + path + ": permission denied (" + msg + ")");
  }
  if (s.IsIOError() && Contains(msg, "No space left")) {
    return Status::IOError("database " + path + ": the disk is full (" + msg + ")");
  }
  if (s.IsIOError()) return Status::IOError("database " + path + ": " + msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument("database " + path + ": " + msg);
  if (s.IsNotSupported()) return Status::Unsupported("database " + path + ": " + msg);
  return Status::IOError("database " + path + ": " + msg);
}

std::string Uint(uint64_t v) { return std::to_string(v); }

// The snapshot that reads of this thread on `db` use (see Store::Impl::ReadView).
struct PinnedView {
  const rocksdb::DB* db = nullptr;
  const rocksdb::Snapshot* snapshot = nullptr;
};
thread_local PinnedView t_view;

rocksdb::ReadOptions ReadOptionsFor(const rocksdb::DB* db) {
  rocksdb::ReadOptions ro;
  if (t_view.db == db) ro.snapshot = t_view.snapshot;
  return ro;
}

// Parsed article graphs, the `capacity` most recently added kept (a stored graph never
// changes). Reports of one event come close together, so rebuilding an edge that gains
// another report mostly finds its other sources here. A pointer it returned stays valid
// until the next Insert.
class GraphCache {
 public:
  explicit GraphCache(size_t capacity) : capacity_(capacity) {}
  const proto::ArticleGraph* Find(const std::string& id) const {
    auto it = graphs_.find(id);
    return it == graphs_.end() ? nullptr : it->second.get();
  }
  const proto::ArticleGraph* Insert(const std::string& id, proto::ArticleGraph graph) {
    if (const proto::ArticleGraph* g = Find(id)) return g;
    if (graphs_.size() >= capacity_) {
      graphs_.erase(order_.front());
      order_.pop_front();
    }
    order_.push_back(id);
    return (graphs_[id] = std::make_unique<proto::ArticleGraph>(std::move(graph))).get();
  }

 private:
  size_t capacity_;
  std::unordered_map<std::string, std::unique_ptr<proto::ArticleGraph>> graphs_;
  std::deque<std::string> order_;
};

}  // namespace

class Store::Impl {
 public:
  std::string path;
  bool read_only = false;
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs;  // indexed by Cf
  mutable std::mutex write_mu;
  std::unique_ptr<GraphResolver> resolver;  // built on the first write
  bool wrote = false;

  ~Impl() {
    if (db == nullptr) return;
    if (wrote) db->Flush(rocksdb::FlushOptions(), cfs).PermitUncheckedError();
    for (auto* h : cfs) {
      if (h != nullptr) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    db->Close().PermitUncheckedError();
    delete db;
  }

  // Pins one view of the database for every read a public call makes, so that a write
  // committed meanwhile (by another thread) is seen by all of them or none. Nested views
  // keep the outer one; a read-only database never changes and needs none.
  class ReadView {
   public:
    explicit ReadView(const Impl& d) {
      if (d.read_only || t_view.db != nullptr) return;
      db_ = d.db;
      t_view = {db_, db_->GetSnapshot()};
    }
    ~ReadView() {
      if (db_ == nullptr) return;
      db_->ReleaseSnapshot(t_view.snapshot);
      t_view = {};
    }
    ReadView(const ReadView&) = delete;
    ReadView& operator=(const ReadView&) = delete;

   private:
    rocksdb::DB* db_ = nullptr;
  };

  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return cfs[static_cast<size_t>(c)]; }
  Status Err(const rocksdb::Status& s) const { return FromRocks(s, path); }

  // The value at `key`, std::nullopt when absent.
  Result<std::optional<std::string>> Get(Cf c, const std::string& key) const {
    std::string value;
    rocksdb::Status s = db->Get(ReadOptionsFor(db), cf(c), key, &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return Err(s);
    return std::optional<std::string>(std::move(value));
  }

  template <typename Message>
  Result<std::optional<Message>> GetProto(Cf c, const std::string& key) const {
    auto value = Get(c, key);
    if (!value.ok()) return value.status();
    if (!value->has_value()) return std::optional<Message>();
    Message m;
    if (!m.ParseFromString(**value)) {
      return Status::Corruption("database " + path + " is corrupt: the " + keys::CfNames()[static_cast<size_t>(c)] +
                                " record " + key + " cannot be parsed");
    }
    return std::optional<Message>(std::move(m));
  }

  // Calls fn(key, value) for every key starting with `prefix`, in key order; fn returns
  // false to stop.
  template <typename Fn>
  Status Scan(Cf c, const std::string& prefix, Fn fn) const {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ReadOptionsFor(db), cf(c)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      if (!fn(it->key().ToString(), it->value())) break;
    }
    return it->status().ok() ? Status::Ok() : Err(it->status());
  }

  template <typename Message>
  Status ParseInto(Message* m, const rocksdb::Slice& value, Cf c, const std::string& key) const {
    if (m->ParseFromArray(value.data(), static_cast<int>(value.size()))) return Status::Ok();
    return Status::Corruption("database " + path + " is corrupt: the " + keys::CfNames()[static_cast<size_t>(c)] +
                              " record " + key + " cannot be parsed");
  }

  Result<uint64_t> MetaCount(std::string_view key) const {
    auto v = Get(Cf::kMeta, std::string(key));
    if (!v.ok()) return v.status();
    if (!v->has_value()) return uint64_t{0};
    try {
      return static_cast<uint64_t>(std::stoull(**v));
    } catch (const std::exception&) {
      return Status::Corruption("database " + path + " is corrupt: meta key " + std::string(key) +
                                " holds " + **v);
    }
  }

  Status CheckWritable() const {
    if (read_only) return Status::InvalidArgument("database " + path + " is open read-only");
    return Status::Ok();
  }

  static rocksdb::Status OpenDb(const rocksdb::DBOptions& db_options, const std::string& path,
                                const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
                                bool read_only, std::unique_ptr<Impl>* out);
  Status CheckSchema() const;
  Result<std::unique_ptr<GraphResolver>> LoadResolver() const;
  Status EnsureResolver();
  Status WriteChange(const GraphResolver& resolver, const ResolverChange& change,
                     const GraphSource& source, rocksdb::WriteBatch* batch) const;
  Status RewriteAll(const GraphResolver& resolver);
  void PutCounts(const GraphResolver& resolver, rocksdb::WriteBatch* batch) const;
  GraphSource StoredGraphs(GraphCache* cache, const proto::ArticleGraph* pending) const;
  mutable GraphCache recent_graphs{256};  // used under write_mu
};

GraphSource Store::Impl::StoredGraphs(GraphCache* cache, const proto::ArticleGraph* pending) const {
  return [this, cache, pending](const std::string& id) -> Result<const proto::ArticleGraph*> {
    if (pending != nullptr && pending->article().id() == id) return pending;
    if (const proto::ArticleGraph* g = cache->Find(id)) return g;
    auto graph = GetProto<proto::ArticleGraph>(Cf::kArticleGraphs, id);
    if (!graph.ok()) return graph.status();
    if (!graph->has_value()) {
      return Status::Corruption("database " + path + " is corrupt: the graph of article " + id +
                                " is missing");
    }
    return cache->Insert(id, std::move(**graph));
  };
}

Result<std::unique_ptr<GraphResolver>> Store::Impl::LoadResolver() const {
  auto resolver = std::make_unique<GraphResolver>();
  Status parse_status;
  Status s = Scan(Cf::kArticleGraphs, "", [&](const std::string& key, const rocksdb::Slice& value) {
    proto::ArticleGraph g;
    parse_status = ParseInto(&g, value, Cf::kArticleGraphs, key);
    if (!parse_status.ok()) return false;
    if (Status v = ValidateArticleGraph(g); !v.ok()) {
      parse_status = Status::Corruption("database " + path + " is corrupt: " + v.message());
      return false;
    }
    resolver->Add(g);
    return true;
  });
  KG_RETURN_IF_ERROR(s);
  KG_RETURN_IF_ERROR(parse_status);
  auto change = resolver->Settle();
  if (!change.ok()) return change.status();
  return resolver;
}

void Store::Impl::PutCounts(const GraphResolver& resolver, rocksdb::WriteBatch* batch) const {
  batch->Put(cf(Cf::kMeta), std::string(keys::kArticleCountKey), Uint(resolver.article_count()));
  batch->Put(cf(Cf::kMeta), std::string(keys::kEntityCountKey), Uint(resolver.entity_count()));
  batch->Put(cf(Cf::kMeta), std::string(keys::kRelationCountKey), Uint(resolver.relation_count()));
  batch->Put(cf(Cf::kMeta), std::string(keys::kMergeRulesKey), Uint(kMergeRulesVersion));
}

// The resolver state must match what is stored; when the counts or the merge rules
// version differ (a database written under other rules), the merged graph is rebuilt.
Status Store::Impl::EnsureResolver() {
  if (resolver) return Status::Ok();
  auto loaded = LoadResolver();
  if (!loaded.ok()) return loaded.status();
  auto rules = MetaCount(keys::kMergeRulesKey);
  auto entities = MetaCount(keys::kEntityCountKey);
  auto relations = MetaCount(keys::kRelationCountKey);
  auto articles = MetaCount(keys::kArticleCountKey);
  for (const auto* r : {&rules, &entities, &relations, &articles}) {
    if (!r->ok()) return r->status();
  }
  if (*rules != kMergeRulesVersion || *entities != (*loaded)->entity_count() ||
      *relations != (*loaded)->relation_count() || *articles != (*loaded)->article_count()) {
    KG_RETURN_IF_ERROR(RewriteAll(**loaded));
  }
  resolver = std::move(*loaded);
  return Status::Ok();
}

Status Store::Impl::WriteChange(const GraphResolver& r, const ResolverChange& change,
                                const GraphSource& source, rocksdb::WriteBatch* batch) const {
  const std::set<std::string> written(change.entities.begin(), change.entities.end());
  auto drop_articles = [&](const std::string& id) {
    return Scan(Cf::kEntityArticles, keys::EntityArticlePrefix(id), [&](const std::string& key, const rocksdb::Slice&) {
      batch->Delete(cf(Cf::kEntityArticles), key);
      return true;
    });
  };
  for (const auto& id : change.stale_entities) {
    auto old = GetProto<proto::Entity>(Cf::kEntities, id);
    if (!old.ok()) return old.status();
    if (!old->has_value()) continue;
    batch->Delete(cf(Cf::kEntities), id);
    batch->Delete(cf(Cf::kAliases), keys::AliasKey(base::FoldName((*old)->name()), id));
    for (const auto& a : (*old)->aliases()) {
      batch->Delete(cf(Cf::kAliases), keys::AliasKey(base::FoldName(a), id));
    }
    if (!written.count(id)) KG_RETURN_IF_ERROR(drop_articles(id));
  }
  for (const EntityArticles& ea : change.entity_articles) {
    if (ea.replace) KG_RETURN_IF_ERROR(drop_articles(ea.entity_id));
    for (const auto& a : ea.article_ids) batch->Put(cf(Cf::kEntityArticles), keys::EntityArticleKey(ea.entity_id, a), "");
  }
  for (const auto& id : change.entities) {
    const proto::Entity e = r.BuildEntity(id, /*with_articles=*/false);
    batch->Put(cf(Cf::kEntities), id, e.SerializeAsString());
    batch->Put(cf(Cf::kAliases), keys::AliasKey(base::FoldName(e.name()), id), "");
    for (const auto& a : e.aliases()) batch->Put(cf(Cf::kAliases), keys::AliasKey(base::FoldName(a), id), "");
  }
  for (const auto& id : change.stale_relations) {
    auto old = GetProto<proto::Relation>(Cf::kRelations, id);
    if (!old.ok()) return old.status();
    if (!old->has_value()) continue;
    batch->Delete(cf(Cf::kRelations), id);
    for (const auto& entry : keys::RelationIndexEntries(**old)) batch->Delete(cf(entry.cf), entry.key);
  }
  for (const auto& id : change.relations) {
    auto rel = r.BuildRelation(id, source);
    if (!rel.ok()) return rel.status();
    batch->Put(cf(Cf::kRelations), id, rel->SerializeAsString());
    for (const auto& entry : keys::RelationIndexEntries(*rel)) batch->Put(cf(entry.cf), entry.key, "");
  }
  return Status::Ok();
}

// Replaces the whole merged graph by what `r` holds, in one atomic write.
Status Store::Impl::RewriteAll(const GraphResolver& r) {
  rocksdb::WriteBatch batch;
  for (Cf c : {Cf::kEntities, Cf::kAliases, Cf::kEntityArticles, Cf::kRelations, Cf::kBySubject, Cf::kByObject,
               Cf::kByPredicate}) {
    KG_RETURN_IF_ERROR(Scan(c, "", [&](const std::string& key, const rocksdb::Slice&) {
      batch.Delete(cf(c), key);
      return true;
    }));
  }
  ResolverChange all;
  all.entities = r.EntityIds();
  all.relations = r.RelationIds();
  for (const auto& id : all.entities) {
    const proto::Entity e = r.BuildEntity(id, /*with_articles=*/true);
    all.entity_articles.push_back({id, false, {e.article_ids().begin(), e.article_ids().end()}});
  }
  GraphCache cache(4096);
  KG_RETURN_IF_ERROR(WriteChange(r, all, StoredGraphs(&cache, nullptr), &batch));
  PutCounts(r, &batch);
  rocksdb::Status s = db->Write(rocksdb::WriteOptions(), &batch);
  if (!s.ok()) return Err(s);
  return Status::Ok();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options, const std::string& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  const bool exists = fs::exists(st);
  if (exists && !fs::is_directory(st)) {
    return Status::InvalidArgument(path + " is not a kg database: it is a file, and a database is a directory");
  }
  const bool has_current = exists && fs::exists(fs::path(path) / "CURRENT", ec);
  bool creating = false;
  if (!has_current) {
    if (exists && !fs::is_empty(path, ec)) {
      return Status::InvalidArgument(path + " is not a kg database (a directory without a RocksDB CURRENT file)");
    }
    if (!options.create_if_missing || options.read_only) {
      return Status::NotFound("database " + path + " does not exist (kg ingest --db " + path +
                              " FILE... creates it)");
    }
    const fs::path parent = fs::absolute(path, ec).parent_path();
    if (!fs::is_directory(parent, ec)) {
      return Status::NotFound("cannot create database " + path + ": " + parent.string() +
                              (fs::exists(parent, ec) ? " is not a directory" : " does not exist"));
    }
    creating = true;
  }

  auto block_cache = rocksdb::NewLRUCache(32 << 20);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = block_cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf_options.write_buffer_size = 16 << 20;
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = creating;
  db_options.create_missing_column_families = creating;
  db_options.db_write_buffer_size = 64 << 20;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  db_options.keep_log_file_num = 2;
  db_options.max_background_jobs = 2;

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& name : keys::CfNames()) descriptors.emplace_back(name, cf_options);

  if (creating) {
    std::unique_ptr<Impl> impl;
    if (rocksdb::Status s = Impl::OpenDb(db_options, path, descriptors, false, &impl); !s.ok()) {
      if (!exists) fs::remove_all(path, ec);  // leave nothing half-made behind
      const std::string msg = s.ToString();
      return Status::IOError("cannot create database " + path + ": " +
                             (Contains(msg, "ermission denied") ? "permission denied (" + msg + ")" : msg));
    }
    rocksdb::WriteBatch batch;
    batch.Put(impl->cf(Cf::kMeta), std::string(keys::kSchemaVersionKey), std::to_string(kSchemaVersion));
    GraphResolver empty;
    impl->PutCounts(empty, &batch);
    rocksdb::Status s = impl->db->Write(rocksdb::WriteOptions(), &batch);
    if (!s.ok()) return FromRocks(s, path);
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  }
  // The schema is checked through a read-only open first, so that nothing is written to
  // a database this kg must not touch (newer, foreign or corrupt).
  std::unique_ptr<Impl> reader;
  if (rocksdb::Status s = Impl::OpenDb(db_options, path, descriptors, true, &reader); !s.ok()) {
    if (!s.IsInvalidArgument() || !Contains(s.ToString(), "olumn famil")) return FromRocks(s, path);
    std::vector<std::string> existing;
    rocksdb::DB::ListColumnFamilies(db_options, path, &existing).PermitUncheckedError();
    if (std::find(existing.begin(), existing.end(), "meta") == existing.end()) {
      return Status::InvalidArgument(path + " is a RocksDB database but not a kg database (no meta column family)");
    }
    return Status::InvalidArgument(path + " is not a kg database of a schema this kg reads (" + s.ToString() + ")");
  }
  KG_RETURN_IF_ERROR(reader->CheckSchema());
  if (options.read_only) return std::unique_ptr<Store>(new Store(std::move(reader)));
  reader.reset();
  // A read-write open must name every column family; keep any we do not know.
  std::vector<std::string> existing;
  if (rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, path, &existing); !s.ok()) {
    return FromRocks(s, path);
  }
  for (const auto& name : existing) {
    if (std::find(keys::CfNames().begin(), keys::CfNames().end(), name) == keys::CfNames().end()) {
      descriptors.emplace_back(name, cf_options);
    }
  }
  std::unique_ptr<Impl> writer;
  if (rocksdb::Status s = Impl::OpenDb(db_options, path, descriptors, false, &writer); !s.ok()) {
    return FromRocks(s, path);
  }
  return std::unique_ptr<Store>(new Store(std::move(writer)));
}

rocksdb::Status Store::Impl::OpenDb(const rocksdb::DBOptions& db_options, const std::string& path,
                                    const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
                                    bool read_only, std::unique_ptr<Impl>* out) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->read_only = read_only;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s = read_only
                          ? rocksdb::DB::OpenForReadOnly(db_options, path, descriptors, &handles, &impl->db)
                          : rocksdb::DB::Open(db_options, path, descriptors, &handles, &impl->db);
  if (!s.ok()) return s;
  impl->cfs.assign(handles.begin(), handles.begin() + static_cast<long>(keys::CfNames().size()));
  for (size_t i = keys::CfNames().size(); i < handles.size(); ++i) {
    impl->db->DestroyColumnFamilyHandle(handles[i]).PermitUncheckedError();
  }
  *out = std::move(impl);
  return s;
}

Status Store::Impl::CheckSchema() const {
  auto version = Get(Cf::kMeta, std::string(keys::kSchemaVersionKey));
  if (!version.ok()) return version.status();
  if (!version->has_value()) {
    return Status::InvalidArgument(path + " is not a kg database (it has no schema version)");
  }
  int v = 0;
  try {
    size_t used = 0;
    v = std::stoi(**version, &used);
    if (used != (*version)->size()) throw std::invalid_argument("trailing characters");
  } catch (const std::exception&) {
    return Status::Corruption("database " + path + " is corrupt: its schema version is \"" + **version + "\"");
  }
  if (v > kSchemaVersion) {
    return Status::Unsupported("database " + path + " was written by a newer kg (schema version " +
                               std::to_string(v) + "; this kg reads up to version " +
                               std::to_string(kSchemaVersion) + "); upgrade kg to use it");
  }
  if (v < 1) {
    return Status::Unsupported("database " + path + " has schema version " + std::to_string(v) +
                               ", older than any this kg can upgrade (1.." + std::to_string(kSchemaVersion) +
                               "); ingest the articles again into a new database");
  }
  return Status::Ok();
}

Result<AddOutcome> Store::AddArticle(const proto::ArticleGraph& graph) {
  Impl& d = *impl_;
  KG_RETURN_IF_ERROR(d.CheckWritable());
  KG_RETURN_IF_ERROR(ValidateArticleGraph(graph));
  std::lock_guard<std::mutex> lock(d.write_mu);
  const std::string& id = graph.article().id();
  auto present = HasArticle(id);
  if (!present.ok()) return present.status();
  if (*present) return AddOutcome::kSkipped;
  KG_RETURN_IF_ERROR(d.EnsureResolver());
  // From here on a failure leaves the resolver ahead of the database: drop it, and the
  // next write reloads it from what is stored.
  auto fail = [&d](Status s) {
    d.resolver.reset();
    return s;
  };
  d.resolver->Add(graph);
  auto change = d.resolver->Settle();
  if (!change.ok()) return fail(change.status());
  rocksdb::WriteBatch batch;
  batch.Put(d.cf(Cf::kArticles), id, graph.article().SerializeAsString());
  batch.Put(d.cf(Cf::kArticleGraphs), id, graph.SerializeAsString());
  if (Status s = d.WriteChange(*d.resolver, *change, d.StoredGraphs(&d.recent_graphs, &graph), &batch); !s.ok()) {
    return fail(s);
  }
  d.PutCounts(*d.resolver, &batch);
  rocksdb::Status s = d.db->Write(rocksdb::WriteOptions(), &batch);
  if (!s.ok()) return fail(d.Err(s));
  d.wrote = true;
  d.recent_graphs.Insert(id, graph);
  return AddOutcome::kAdded;
}

Result<bool> Store::HasArticle(const std::string& article_id) const {
  auto v = impl_->Get(Cf::kArticles, article_id);
  if (!v.ok()) return v.status();
  return v->has_value();
}

Result<std::optional<proto::Article>> Store::GetArticle(const std::string& article_id) const {
  return impl_->GetProto<proto::Article>(Cf::kArticles, article_id);
}

Result<std::optional<proto::ArticleGraph>> Store::GetArticleGraph(const std::string& article_id) const {
  return impl_->GetProto<proto::ArticleGraph>(Cf::kArticleGraphs, article_id);
}

Result<std::optional<proto::Entity>> Store::GetEntity(const std::string& entity_id) const {
  const Impl::ReadView view(*impl_);
  auto e = impl_->GetProto<proto::Entity>(Cf::kEntities, entity_id);
  if (!e.ok() || !e->has_value()) return e;
  KG_RETURN_IF_ERROR(impl_->Scan(Cf::kEntityArticles, keys::EntityArticlePrefix(entity_id),
                                 [&](const std::string& key, const rocksdb::Slice&) {
                                   (*e)->add_article_ids(std::string(keys::LastPart(key)));
                                   return true;
                                 }));
  return e;
}

Result<std::vector<proto::Entity>> Store::FindEntities(const std::string& name) const {
  const Impl::ReadView view(*impl_);
  const std::string folded = base::FoldName(name);
  std::vector<proto::Entity> out;
  if (folded.empty()) return out;
  std::vector<std::string> ids;
  KG_RETURN_IF_ERROR(impl_->Scan(Cf::kAliases, keys::AliasPrefix(folded), [&](const std::string& key, const rocksdb::Slice&) {
    ids.emplace_back(keys::LastPart(key));
    return true;
  }));
  for (const auto& id : ids) {
    auto e = GetEntity(id);
    if (!e.ok()) return e.status();
    if (e->has_value()) out.push_back(std::move(**e));
  }
  return out;
}

Result<std::optional<proto::Relation>> Store::GetRelation(const std::string& relation_id) const {
  return impl_->GetProto<proto::Relation>(Cf::kRelations, relation_id);
}

Result<std::vector<proto::Relation>> Store::FindRelations(const RelationFilter& filter) const {
  const Impl::ReadView view(*impl_);
  const keys::Scan plan = keys::PlanScan(filter);
  std::vector<proto::Relation> out;
  Status parse_status;
  auto keep = [&](proto::Relation r) {
    if (filter.category.empty() || r.category() == filter.category) out.push_back(std::move(r));
  };
  if (plan.cf == Cf::kRelations) {
    KG_RETURN_IF_ERROR(impl_->Scan(Cf::kRelations, "", [&](const std::string& key, const rocksdb::Slice& value) {
      proto::Relation r;
      parse_status = impl_->ParseInto(&r, value, Cf::kRelations, key);
      if (!parse_status.ok()) return false;
      keep(std::move(r));
      return true;
    }));
    KG_RETURN_IF_ERROR(parse_status);
    return out;
  }
  std::set<std::string> ids;
  KG_RETURN_IF_ERROR(impl_->Scan(plan.cf, plan.prefix, [&](const std::string& key, const rocksdb::Slice&) {
    ids.emplace(keys::LastPart(key));
    return true;
  }));
  for (const auto& id : ids) {
    auto r = GetRelation(id);
    if (!r.ok()) return r.status();
    if (r->has_value()) keep(std::move(**r));
  }
  return out;
}

Result<proto::Graph> Store::ExportGraph() const {
  const Impl::ReadView view(*impl_);
  proto::Graph g;
  Status parse_status;
  std::map<std::string, proto::Entity*> by_id;
  KG_RETURN_IF_ERROR(impl_->Scan(Cf::kEntities, "", [&](const std::string& key, const rocksdb::Slice& v) {
    proto::Entity* e = g.add_entities();
    parse_status = impl_->ParseInto(e, v, Cf::kEntities, key);
    by_id.emplace_hint(by_id.end(), key, e);
    return parse_status.ok();
  }));
  KG_RETURN_IF_ERROR(parse_status);
  KG_RETURN_IF_ERROR(impl_->Scan(Cf::kEntityArticles, "", [&](const std::string& key, const rocksdb::Slice&) {
    const size_t nul = key.find('\0');
    auto it = by_id.find(key.substr(0, nul));
    if (it == by_id.end()) {
      parse_status = Status::Corruption("database " + impl_->path + " is inconsistent: the article list of " +
                                        key.substr(0, nul) + " belongs to no entity");
      return false;
    }
    it->second->add_article_ids(key.substr(nul + 1));
    return true;
  }));
  KG_RETURN_IF_ERROR(parse_status);
  KG_RETURN_IF_ERROR(impl_->Scan(Cf::kRelations, "", [&](const std::string& key, const rocksdb::Slice& v) {
    parse_status = impl_->ParseInto(g.add_relations(), v, Cf::kRelations, key);
    return parse_status.ok();
  }));
  KG_RETURN_IF_ERROR(parse_status);
  KG_RETURN_IF_ERROR(impl_->Scan(Cf::kArticles, "", [&](const std::string& key, const rocksdb::Slice& v) {
    parse_status = impl_->ParseInto(g.add_articles(), v, Cf::kArticles, key);
    return parse_status.ok();
  }));
  KG_RETURN_IF_ERROR(parse_status);
  return g;
}

Result<StoreStats> Store::Stats() const {
  const Impl::ReadView view(*impl_);
  StoreStats stats;
  auto articles = impl_->MetaCount(keys::kArticleCountKey);
  auto entities = impl_->MetaCount(keys::kEntityCountKey);
  auto relations = impl_->MetaCount(keys::kRelationCountKey);
  for (const auto* r : {&articles, &entities, &relations}) {
    if (!r->ok()) return r->status();
  }
  stats.articles = *articles;
  stats.entities = *entities;
  stats.relations = *relations;
  stats.schema_version = kSchemaVersion;
  return stats;
}

Status Store::Verify() const {
  const Impl::ReadView view(*impl_);
  const Impl& d = *impl_;
  auto bad = [&](const std::string& what) {
    return Status::Corruption("database " + d.path + " is inconsistent: " + what);
  };
  auto has = [&](Cf c, const std::string& key) -> Result<bool> {
    auto v = d.Get(c, key);
    if (!v.ok()) return v.status();
    return v->has_value();
  };
  std::set<std::string> articles, graphs;
  KG_RETURN_IF_ERROR(d.Scan(Cf::kArticles, "", [&](const std::string& k, const rocksdb::Slice&) {
    articles.insert(k);
    return true;
  }));
  KG_RETURN_IF_ERROR(d.Scan(Cf::kArticleGraphs, "", [&](const std::string& k, const rocksdb::Slice&) {
    graphs.insert(k);
    return true;
  }));
  if (articles != graphs) return bad("the articles and article_graphs column families hold different ids");
  auto graph = ExportGraph();
  if (!graph.ok()) return graph.status();
  std::set<std::string> alias_keys;
  for (const proto::Entity& e : graph->entities()) {
    for (const auto& a : e.article_ids()) {
      if (!articles.count(a)) return bad("entity " + e.id() + " names the absent article " + a);
    }
    alias_keys.insert(keys::AliasKey(base::FoldName(e.name()), e.id()));
    for (const auto& a : e.aliases()) alias_keys.insert(keys::AliasKey(base::FoldName(a), e.id()));
  }
  std::set<std::string> stored_aliases;
  KG_RETURN_IF_ERROR(d.Scan(Cf::kAliases, "", [&](const std::string& k, const rocksdb::Slice&) {
    stored_aliases.insert(k);
    return true;
  }));
  if (stored_aliases != alias_keys) return bad("the aliases index does not match the entities' names");
  std::map<Cf, std::set<std::string>> index_keys;
  for (const proto::Relation& r : graph->relations()) {
    for (const auto* end : {&r.subject(), &r.object()}) {
      auto e = has(Cf::kEntities, *end);
      if (!e.ok()) return e.status();
      if (!*e) return bad("relation " + r.id() + " points to the absent entity " + *end);
    }
    for (const auto& ev : r.evidence()) {
      if (!articles.count(ev.article_id())) {
        return bad("relation " + r.id() + " has evidence from the absent article " + ev.article_id());
      }
    }
    for (auto& entry : keys::RelationIndexEntries(r)) index_keys[entry.cf].insert(std::move(entry.key));
  }
  for (Cf c : {Cf::kBySubject, Cf::kByObject, Cf::kByPredicate}) {
    std::set<std::string> stored;
    KG_RETURN_IF_ERROR(d.Scan(c, "", [&](const std::string& k, const rocksdb::Slice&) {
      stored.insert(k);
      return true;
    }));
    if (stored != index_keys[c]) {
      return bad("the " + keys::CfNames()[static_cast<size_t>(c)] + " index does not match the relations");
    }
  }
  auto stats = Stats();
  if (!stats.ok()) return stats.status();
  if (stats->articles != articles.size() || stats->entities != static_cast<uint64_t>(graph->entities_size()) ||
      stats->relations != static_cast<uint64_t>(graph->relations_size())) {
    return bad("the counts in meta differ from what is stored");
  }
  return Status::Ok();
}

Result<MergeSummary> Store::MergeFrom(const std::string& other_path) {
  KG_RETURN_IF_ERROR(impl_->CheckWritable());
  std::error_code ec;
  if (fs::equivalent(impl_->path, other_path, ec)) {
    return Status::InvalidArgument("cannot merge database " + other_path + " into itself");
  }
  StoreOptions read;
  read.read_only = true;
  auto other = Open(read, other_path);
  if (!other.ok()) return other.status();
  MergeSummary summary;
  Status add_status;
  Status s = (*other)->impl_->Scan(Cf::kArticleGraphs, "", [&](const std::string& key, const rocksdb::Slice& v) {
    proto::ArticleGraph g;
    add_status = (*other)->impl_->ParseInto(&g, v, Cf::kArticleGraphs, key);
    if (!add_status.ok()) return false;
    auto added = AddArticle(g);
    if (!added.ok()) {
      add_status = added.status().WithContext("merging article " + key + " of " + other_path);
      return false;
    }
    (*added == AddOutcome::kAdded ? summary.added : summary.skipped) += 1;
    return true;
  });
  KG_RETURN_IF_ERROR(s);
  KG_RETURN_IF_ERROR(add_status);
  return summary;
}

Status Store::Rebuild() {
  Impl& d = *impl_;
  KG_RETURN_IF_ERROR(d.CheckWritable());
  std::lock_guard<std::mutex> lock(d.write_mu);
  d.resolver.reset();
  auto loaded = d.LoadResolver();
  if (!loaded.ok()) return loaded.status();
  KG_RETURN_IF_ERROR(d.RewriteAll(**loaded));
  d.resolver = std::move(*loaded);
  d.wrote = true;
  return Status::Ok();
}

}  // namespace kg::storage
