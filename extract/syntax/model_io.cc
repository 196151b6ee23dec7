#include "extract/syntax/model_io.h"

#include <cstring>
#include <istream>
#include <ostream>

namespace kg::extract {
namespace {
constexpr char kMagic[4] = {'K', 'G', 'M', 0};
constexpr uint32_t kEndMarker = 0x21444e45;  // "END!"
constexpr uint32_t kMaxString = 1 << 24;
}  // namespace

void ModelWriter::Header(std::string_view format, uint32_t version,
                         const ModelMetadata& metadata) {
  Bytes(kMagic, 4);
  String(format);
  U32(version);
  U32(static_cast<uint32_t>(metadata.size()));
  for (const auto& [k, v] : metadata) {
    String(k);
    String(v);
  }
}
void ModelWriter::U8(uint8_t v) { Bytes(&v, 1); }
void ModelWriter::U16(uint16_t v) {
  const uint8_t b[2] = {static_cast<uint8_t>(v), static_cast<uint8_t>(v >> 8)};
  Bytes(b, 2);
}
void ModelWriter::U32(uint32_t v) {
  uint8_t b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<uint8_t>(v >> (8 * i));
  Bytes(b, 4);
}
void ModelWriter::U64(uint64_t v) {
  uint8_t b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<uint8_t>(v >> (8 * i));
  Bytes(b, 8);
}
void ModelWriter::F32(float v) {
  uint32_t u;
  std::memcpy(&u, &v, 4);
  U32(u);
}
void ModelWriter::String(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  Bytes(s.data(), s.size());
}
void ModelWriter::Strings(const std::vector<std::string>& v) {
  U32(static_cast<uint32_t>(v.size()));
  for (const auto& s : v) String(s);
}
void ModelWriter::Bytes(const void* data, size_t n) {
  out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
}
base::Status ModelWriter::Finish() {
  U32(kEndMarker);
  out_.flush();
  if (!out_) return base::Status::IOError("cannot write the model file");
  return base::Status::Ok();
}

void ModelReader::Fail(const std::string& what) {
  if (status_.ok()) status_ = base::Status::Corruption(source_ + ": " + what);
}

bool ModelReader::Read(void* data, size_t n) {
  if (!status_.ok()) {
    std::memset(data, 0, n);
    return false;
  }
  in_.read(static_cast<char*>(data), static_cast<std::streamsize>(n));
  if (static_cast<size_t>(in_.gcount()) != n) {
    std::memset(data, 0, n);
    Fail("truncated model file: ends at byte " + std::to_string(offset_ + in_.gcount()) +
         " in the middle of the data");
    return false;
  }
  offset_ += n;
  return true;
}

base::Status ModelReader::Header(std::string_view format, uint32_t version,
                                 ModelMetadata* metadata) {
  char magic[4];
  if (!Read(magic, 4) || std::memcmp(magic, kMagic, 4) != 0) {
    return base::Status::InvalidArgument(source_ + ": not a kg model file (bad magic bytes)");
  }
  const std::string name = String();
  const uint32_t v = U32();
  if (!status_.ok()) return status_;
  if (name != format) {
    return base::Status::InvalidArgument(source_ + ": expected a '" + std::string(format) +
                                         "' model, found '" + name.substr(0, 64) + "'");
  }
  if (v > version) {
    return base::Status::Unsupported(source_ + ": model format '" + name + "' version " +
                                     std::to_string(v) + " is newer than this kg supports (" +
                                     std::to_string(version) + "); upgrade kg");
  }
  if (v < version) {
    return base::Status::Unsupported(source_ + ": model format '" + name + "' version " +
                                     std::to_string(v) + " is older than this kg reads (" +
                                     std::to_string(version) + "); retrain the model");
  }
  const uint32_t n = Count(1024, "metadata entries");
  for (uint32_t i = 0; i < n && status_.ok(); ++i) {
    std::string k = String();
    std::string val = String();
    if (metadata) (*metadata)[k] = val;
  }
  return status_;
}

uint8_t ModelReader::U8() {
  uint8_t v = 0;
  Read(&v, 1);
  return v;
}
uint16_t ModelReader::U16() {
  uint8_t b[2];
  Read(b, 2);
  return static_cast<uint16_t>(b[0] | (b[1] << 8));
}
uint32_t ModelReader::U32() {
  uint8_t b[4];
  Read(b, 4);
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}
uint64_t ModelReader::U64() {
  uint8_t b[8];
  Read(b, 8);
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}
float ModelReader::F32() {
  const uint32_t u = U32();
  float v;
  std::memcpy(&v, &u, 4);
  return v;
}
std::string ModelReader::String() {
  const uint32_t n = Count(kMaxString, "string length");
  std::string s(n, '\0');
  if (n > 0) Read(s.data(), n);
  return s;
}
std::vector<std::string> ModelReader::Strings() {
  const uint32_t n = Count(kMaxString, "string count");
  std::vector<std::string> v;
  for (uint32_t i = 0; i < n && status_.ok(); ++i) v.push_back(String());
  return v;
}
void ModelReader::Bytes(void* data, size_t n) { Read(data, n); }

uint32_t ModelReader::Count(uint32_t max, std::string_view what) {
  const uint32_t n = U32();
  if (n > max) {
    Fail("corrupt model file: " + std::string(what) + " " + std::to_string(n) +
         " at byte " + std::to_string(offset_ - 4) + " exceeds " + std::to_string(max));
    return 0;
  }
  return status_.ok() ? n : 0;
}

base::Status ModelReader::Finish() {
  const uint32_t end = U32();
  if (status_.ok() && end != kEndMarker) {
    Fail("corrupt model file: no end marker at byte " + std::to_string(offset_ - 4));
  }
  if (status_.ok() && in_.peek() != std::char_traits<char>::eof()) {
    Fail("corrupt model file: unexpected data after the end marker at byte " +
         std::to_string(offset_));
  }
  return status_;
}

}  // namespace kg::extract
