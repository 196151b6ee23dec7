#pragma once
// Binary model files: a header (format name, version, metadata such as the training
// command and dev scores), little-endian fields, and an end marker so that truncation is
// always detected. ModelReader records the first failure and every later read fails, so
// a loader reads everything and checks status() once. Not thread-safe (one per stream).

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg::extract {

// Key/value notes stored in a model header ("trained", "command", "dev_upos", ...).
using ModelMetadata = std::map<std::string, std::string>;

class ModelWriter {
 public:
  explicit ModelWriter(std::ostream& out) : out_(out) {}
  void Header(std::string_view format, uint32_t version, const ModelMetadata& metadata);
  void U8(uint8_t v);
  void U16(uint16_t v);
  void U32(uint32_t v);
  void U64(uint64_t v);
  void F32(float v);
  void String(std::string_view s);
  void Strings(const std::vector<std::string>& v);
  void Bytes(const void* data, size_t n);
  // Writes the end marker. Returns IOError if the stream failed.
  base::Status Finish();

 private:
  std::ostream& out_;
};

class ModelReader {
 public:
  // `source` names the stream in messages (usually the file path).
  ModelReader(std::istream& in, std::string source) : in_(in), source_(std::move(source)) {}

  // Reads and checks the header: refuses another format, or a version other than
  // `version` (newer: "upgrade kg"; older: "retrain"). Fills `metadata` when non-null.
  base::Status Header(std::string_view format, uint32_t version, ModelMetadata* metadata);
  uint8_t U8();
  uint16_t U16();
  uint32_t U32();
  uint64_t U64();
  float F32();
  std::string String();
  std::vector<std::string> Strings();
  void Bytes(void* data, size_t n);
  // A count read from the file, refused (Corruption) when above `max`.
  uint32_t Count(uint32_t max, std::string_view what);
  // Reads the end marker; returns the first failure, if any.
  base::Status Finish();
  const base::Status& status() const { return status_; }
  void Fail(const std::string& what);

 private:
  bool Read(void* data, size_t n);
  std::istream& in_;
  std::string source_;
  uint64_t offset_ = 0;
  base::Status status_;
};

}  // namespace kg::extract
