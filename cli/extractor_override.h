#pragma once
// The extractor commands use: LoadExtractor's (models and lexicons), unless a test has put
// its own in place, so that `kg ingest` can be tested without trained models.
// SetExtractorForTesting is not synchronised with running commands.

#include <memory>

#include "base/status.h"

namespace kg::extract {
class Extractor;
}

namespace kg::cli {

struct CliContext;

// Until called again with nullptr, ObtainExtractor returns `extractor` (not owned).
// REQUIRES: `extractor` outlives every command run meanwhile.
void SetExtractorForTesting(const extract::Extractor* extractor);

// The test's extractor when one is set, else LoadExtractor(ctx).
base::Result<std::shared_ptr<const extract::Extractor>> ObtainExtractor(const CliContext& ctx);

}  // namespace kg::cli
