#include "base/resources.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace kg::base {

namespace fs = std::filesystem;

namespace {
std::string ExecutableDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}
}  // namespace

Result<std::string> FindResourceDir(ResourceKind kind, const std::string& explicit_dir) {
  const bool models = kind == ResourceKind::kModels;
  const char* name = models ? "models" : "data";
  if (!explicit_dir.empty()) {
    if (fs::is_directory(explicit_dir)) return explicit_dir;
    return Status::NotFound(std::string(name) + " directory '" + explicit_dir +
                            "' does not exist");
  }
  std::vector<std::string> candidates;
  if (const char* env = std::getenv(models ? "KG_MODELS" : "KG_DATA"); env && *env) {
    candidates.emplace_back(env);
  }
  if (const std::string exe_dir = ExecutableDir(); !exe_dir.empty()) {
    candidates.push_back(exe_dir + "/../share/kg/" + name);
  }
  candidates.emplace_back(models ? KG_SOURCE_MODELS_DIR : KG_SOURCE_DATA_DIR);
  std::string tried;
  for (const auto& dir : candidates) {
    if (fs::is_directory(dir)) return fs::path(dir).lexically_normal().string();
    tried += (tried.empty() ? "" : ", ") + dir;
  }
  return Status::NotFound(std::string("cannot find the ") + name + " directory (looked in " +
                          tried + "); set " + (models ? "KG_MODELS" : "KG_DATA"));
}

}  // namespace kg::base
