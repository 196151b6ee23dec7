#pragma once
// The one place the CLI builds the article extractor, from the model and lexicon
// directories the user chose (--models, --data) or found by base::FindResourceDir.

#include <memory>

#include "base/status.h"

namespace kg::extract {
class Extractor;
}

namespace kg::cli {

struct CliContext;

// The full NLP pipeline extractor. Fails with a clear message when a model or lexicon is
// missing, corrupt or of an unknown version. The result is thread-safe to share.
base::Result<std::unique_ptr<extract::Extractor>> LoadExtractor(const CliContext& ctx);

}  // namespace kg::cli
