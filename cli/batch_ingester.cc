#include "cli/batch_ingester.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "extract/extractor.h"
#include "proto/kg.pb.h"
#include "storage/store.h"

namespace kg::cli {

using base::Result;
using base::Status;

namespace {

std::string Origin(const extract::ArticleText& a, const std::string& id) {
  return a.path.empty() ? "article " + id : a.path;
}

// The graph as the store keeps it: the reader's article id (so that re-ingesting finds
// it) and the reader's metadata where the extractor left it empty.
void Stamp(const extract::ArticleText& text, const std::string& id, proto::ArticleGraph* g) {
  proto::Article* a = g->mutable_article();
  const std::string old_id = a->id();
  a->set_id(id);
  if (a->date().empty()) a->set_date(text.date);
  if (a->title().empty()) a->set_title(text.title);
  if (a->source().empty()) a->set_source(text.source);
  if (a->path().empty()) a->set_path(text.path);
  if (old_id.empty() || old_id == id) return;
  for (auto& r : *g->mutable_relations()) {
    for (auto& ev : *r.mutable_evidence()) {
      if (ev.article_id() == old_id) ev.set_article_id(id);
    }
  }
}

}  // namespace

BatchIngester::BatchIngester(const extract::Extractor& extractor, storage::Store& store, IngestOptions options)
    : extractor_(extractor), store_(store), options_(options) {}

Result<IngestReport> BatchIngester::Run(const std::vector<extract::ArticleText>& articles) {
  IngestReport report;
  IngestProgress& p = report.counts;
  p.total = articles.size();
  auto tell = [&] {
    if (progress_) progress_(p);
  };

  // What needs extracting: not stored yet, and not repeated earlier in this batch.
  std::vector<std::string> ids(articles.size());
  std::vector<size_t> work;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < articles.size(); ++i) {
    ids[i] = articles[i].id.empty() ? extract::ArticleId(articles[i].text) : articles[i].id;
    if (!seen.insert(ids[i]).second) {
      ++p.skipped;
      continue;
    }
    auto stored = store_.HasArticle(ids[i]);
    if (!stored.ok()) return stored.status();
    if (*stored) {
      ++p.skipped;
    } else {
      work.push_back(i);
    }
  }
  p.done = p.skipped;
  tell();
  if (work.empty()) return report;

  unsigned jobs = options_.jobs != 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, work.size()));
  const size_t window = options_.window != 0 ? options_.window : 4 * static_cast<size_t>(jobs);

  std::vector<std::optional<Result<proto::ArticleGraph>>> slots(work.size());
  std::mutex mu;
  std::condition_variable produced, consumed;
  size_t next = 0;     // next slot a worker claims
  size_t written = 0;  // slots the writer has taken
  bool stop = false;

  auto worker = [&] {
    for (;;) {
      size_t k;
      {
        std::unique_lock<std::mutex> lock(mu);
        consumed.wait(lock, [&] { return stop || next >= work.size() || next < written + window; });
        if (stop || next >= work.size()) return;
        k = next++;
      }
      const extract::ArticleText& text = articles[work[k]];
      std::optional<Result<proto::ArticleGraph>> result;
      try {
        result.emplace(extractor_.Extract(text));
      } catch (const std::exception& e) {
        result.emplace(Status::InvalidArgument(std::string("the extractor failed: ") + e.what()));
      }
      std::lock_guard<std::mutex> lock(mu);
      slots[k] = std::move(result);
      produced.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  auto finish = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    consumed.notify_all();
    for (auto& t : threads) t.join();
    threads.clear();
  };

  for (size_t k = 0; k < work.size(); ++k) {
    std::optional<Result<proto::ArticleGraph>> result;
    {
      std::unique_lock<std::mutex> lock(mu);
      produced.wait(lock, [&] { return slots[k].has_value(); });
      result = std::move(slots[k]);
      slots[k].reset();
      written = k + 1;
    }
    consumed.notify_all();
    const size_t i = work[k];
    const std::string origin = Origin(articles[i], ids[i]);
    Status failure;
    if (result->ok()) {
      proto::ArticleGraph graph = std::move(*result).value();
      Stamp(articles[i], ids[i], &graph);
      auto added = store_.AddArticle(graph);
      if (added.ok()) {
        (*added == storage::AddOutcome::kAdded ? p.added : p.skipped) += 1;
      } else if (added.status().code() == base::StatusCode::kInvalidArgument) {
        failure = added.status();  // the extractor produced a malformed graph
      } else {
        finish();
        return added.status().WithContext(origin);
      }
    } else {
      failure = result->status();
    }
    if (!failure.ok()) {
      std::string message = failure.message();
      if (message.rfind(origin, 0) != 0) message = origin + ": " + message;
      if (!options_.keep_going) {
        finish();
        return Status::InvalidArgument(message + "; stopped there (" + std::to_string(p.added) +
                                       " new articles were stored before it, each complete; "
                                       "--keep-going skips such articles)");
      }
      ++p.failed;
      report.failures.push_back(std::move(message));
    }
    ++p.done;
    tell();
  }
  finish();
  return report;
}

}  // namespace kg::cli
