#include "tests/test_util.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "cli/runner.h"

namespace kg::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = fs::temp_directory_path() / ("kg-test-" + std::to_string(rd()));
    std::error_code ec;
    if (fs::create_directory(p, ec)) {
      path_ = p;
      return;
    }
  }
  std::cerr << "cannot create a temporary directory\n";
  std::abort();
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have taken away, then remove.
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

CliRun RunKg(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CliRun run;
  run.code = cli::RunCli(args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string TestData(const std::string& relative) { return std::string(KG_TEST_DATA_DIR) + "/" + relative; }

std::string SourceDir() { return KG_SOURCE_DIR; }

std::string RequireShared() {
  const char* env = std::getenv("KG_SHARED_DIR");
  const std::string dir = env && *env ? env : std::string(KG_SOURCE_DIR) + "/../shared";
  if (!fs::is_directory(dir + "/corpora") && !fs::is_directory(dir + "/articles")) {
    std::cout << "SKIPPED: this test needs the reference data in " << dir
              << " (../shared), which is absent on this machine\n";
    std::cout.flush();
    std::_Exit(4);
  }
  return dir;
}

}  // namespace kg::testing
