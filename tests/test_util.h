#pragma once
// Helpers for kg tests: temporary directories, files, the `kg` CLI run in-process, and
// access to ../shared (skipping, with exit code 4 that CTest reports as skipped, when it
// is absent).

#include <filesystem>
#include <string>
#include <vector>

namespace kg::testing {

// A fresh directory under the system temp dir, removed with everything in it on scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // path()/name as a string.
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs `kg args...` in-process through RunCli.
CliRun RunKg(const std::vector<std::string>& args);

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

// tests/data/<relative>.
std::string TestData(const std::string& relative);
// The project's source root.
std::string SourceDir();

// The ../shared directory (KG_SHARED_DIR). When it is absent, prints why and ends the
// test process with exit code 4, which CTest reports as "Skipped".
std::string RequireShared();

}  // namespace kg::testing
