#pragma once
// RocksDB opened directly on a kg database, for tests that play a future kg or a foreign
// program (writing meta keys, listing raw keys), and a snapshot of a database's files to
// show that a failed command changed nothing. Tests only: kg code reaches RocksDB
// through storage/ alone. Header-only.

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace kg::testing {

// The database's column families opened with RocksDB itself.
struct RawDb {
  rocksdb::DB* db = nullptr;
  std::map<std::string, rocksdb::ColumnFamilyHandle*> cf;

  RawDb(const std::string& path, bool read_only) {
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const auto& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::Status s = read_only ? rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), path, descriptors, &handles, &db)
                                  : rocksdb::DB::Open(rocksdb::DBOptions(), path, descriptors, &handles, &db);
    REQUIRE(s.ok());
    for (size_t i = 0; i < names.size(); ++i) cf[names[i]] = handles[i];
  }
  ~RawDb() {
    for (auto& [name, h] : cf) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    delete db;
  }
  std::vector<std::string> Keys(const std::string& family) {
    std::vector<std::string> out;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf.at(family)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) out.push_back(it->key().ToString());
    return out;
  }
  std::string Get(const std::string& family, const std::string& key) {
    std::string v;
    return db->Get(rocksdb::ReadOptions(), cf.at(family), key, &v).ok() ? v : "<absent>";
  }
  void Put(const std::string& family, const std::string& key, const std::string& value) {
    REQUIRE(db->Put(rocksdb::WriteOptions(), cf.at(family), key, value).ok());
  }
};

// Every file of a database but RocksDB's own text log, with its bytes.
inline std::map<std::string, std::string> Files(const std::string& path) {
  std::map<std::string, std::string> out;
  if (!std::filesystem::is_directory(path)) return out;
  for (const auto& f : std::filesystem::directory_iterator(path)) {
    const std::string name = f.path().filename().string();
    if (name.rfind("LOG", 0) == 0) continue;
    out[name] = kg::testing::ReadFile(f.path().string());
  }
  return out;
}

}  // namespace kg::testing
