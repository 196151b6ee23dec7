// INTERIM definition, written on the store branch only so that `kg` links before the
// lead's PipelineExtractor loader lands: the lead owns this file and replaces it whole
// (take the lead's version in any merge conflict). Until then `kg ingest` reports that
// this build has no article extractor, and tests use SetExtractorForTesting.
#include "cli/extractor_loader.h"

#include "extract/extractor.h"

namespace kg::cli {

base::Result<std::unique_ptr<extract::Extractor>> LoadExtractor(const CliContext&) {
  return base::Status::Unsupported(
      "this build of kg has no article extractor yet (cli/extractor_loader.cc is the interim "
      "version from the store branch)");
}

}  // namespace kg::cli
