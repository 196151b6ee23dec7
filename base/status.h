#pragma once
// Status and Result<T>: how every kg module reports failure without exceptions.
// A Status is ok or carries a kind and a message a person can act on. "Not found" is an
// answer, not a failure: functions that look things up return std::optional instead.
// Value types; not synchronised, like std::string.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kg::base {

enum class StatusCode { kOk, kNotFound, kInvalidArgument, kCorruption, kIOError, kUnsupported };

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) {
    return {StatusCode::kInvalidArgument, std::move(msg)};
  }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {StatusCode::kUnsupported, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>", or "ok".
  std::string ToString() const;
  // The same status with "<context>: " put before the message.
  Status WithContext(const std::string& context) const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result needs a value or a failed Status");
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: !ok().
  const Status& status() const { return std::get<Status>(v_); }
  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg::base

// Returns the Status from the enclosing function when `expr` fails.
#define KG_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::kg::base::Status kg_status_ = (expr); \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)
