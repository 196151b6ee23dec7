#pragma once
// BatchIngester: extracts many articles on worker threads and adds their graphs to a Store
// from the calling thread, the single writer: one atomic write per article, in input
// order. Articles already stored, or repeated in the batch, are skipped unextracted.
// Workers run at most `window` articles ahead of the writer, so memory stays bounded.
// One Run() at a time per instance; the Extractor must be thread-safe (its contract).

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"

namespace kg::extract {
class Extractor;
struct ArticleText;
}  // namespace kg::extract

namespace kg::storage {
class Store;
}

namespace kg::cli {

struct IngestOptions {
  unsigned jobs = 0;        // extraction threads; 0: std::thread::hardware_concurrency()
  bool keep_going = false;  // an article that fails extraction is counted and skipped
  size_t window = 0;        // articles extracted ahead of the writer; 0: 4 * jobs
};

struct IngestProgress {
  size_t done = 0;  // articles decided: added, skipped or failed
  size_t total = 0;
  size_t added = 0;
  size_t skipped = 0;  // already stored, or repeated in the batch
  size_t failed = 0;
};

struct IngestReport {
  IngestProgress counts;
  std::vector<std::string> failures;  // one message per failed article (keep_going)
};

class BatchIngester {
 public:
  // REQUIRES: `extractor` and `store` outlive this object.
  BatchIngester(const extract::Extractor& extractor, storage::Store& store, IngestOptions options = {});

  // Called on the writing thread after each article is decided.
  void OnProgress(std::function<void(const IngestProgress&)> fn) { progress_ = std::move(fn); }

  // Ingests `articles`. Without keep_going the first article that cannot be extracted
  // stops the batch and is returned (articles written before it stay, each complete); a
  // database failure always stops it.
  base::Result<IngestReport> Run(const std::vector<extract::ArticleText>& articles);

 private:
  const extract::Extractor& extractor_;
  storage::Store& store_;
  IngestOptions options_;
  std::function<void(const IngestProgress&)> progress_;
};

}  // namespace kg::cli
