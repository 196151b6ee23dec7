#include "cli/extractor_override.h"

#include <atomic>

#include "cli/extractor_loader.h"
#include "extract/extractor.h"

namespace kg::cli {

namespace {
std::atomic<const extract::Extractor*> g_test_extractor{nullptr};
}  // namespace

void SetExtractorForTesting(const extract::Extractor* extractor) { g_test_extractor = extractor; }

base::Result<std::shared_ptr<const extract::Extractor>> ObtainExtractor(const CliContext& ctx) {
  if (const extract::Extractor* e = g_test_extractor.load()) {
    return std::shared_ptr<const extract::Extractor>(e, [](const extract::Extractor*) {});
  }
  auto loaded = LoadExtractor(ctx);
  if (!loaded.ok()) return loaded.status();
  return std::shared_ptr<const extract::Extractor>(std::move(loaded).value());
}

}  // namespace kg::cli
