// Extraction in worker processes: a crash or a hang costs only the file that caused it.
#ifndef GONGKAI_BATCH_WORKER_POOL_H_
#define GONGKAI_BATCH_WORKER_POOL_H_

#include <functional>
#include <string>
#include <vector>

#include "gongkai/extractor.h"
#include "write/sinks.h"

namespace gongkai {

struct Task {
  std::string path;
  SourceHints hints;  // what a scraper knew about the file (may be empty)
};

struct PoolOptions {
  int jobs = 1;
  double timeout_seconds = 60;
  // For tests: names whose worker crashes (crash), hangs (hang) or takes 0.3 s (slow) on
  // purpose, read from the environment variable GONGKAI_FAULT ("crash=NAME,hang=NAME,slow=NAME";
  // a name matches any path ending in it).
  std::string fault_spec;
  // When set, each worker opens its own sink (the SQLite dataset) and writes its records itself,
  // so that writing scales with the workers; the parent then gets only each record's status.
  std::function<std::unique_ptr<RecordSink>()> worker_sink;
};

struct PoolProgress {
  size_t done = 0;
  size_t total = 0;
  size_t failed = 0;
  double seconds = 0;
};

// Runs every task in forked workers (they share the parent's compiled grammars) and hands each
// record's JSON line to on_record in task order; written says a worker sink stored it already
// (then json holds only its status, or "!" and an error message when the worker could not write).
// A worker that dies or overruns the time limit is replaced; its task gives a worker.crashed or
// worker.timeout error record (written false).
void RunPool(
    const Extractor& extractor, const std::vector<Task>& tasks, const PoolOptions& options,
    const std::function<void(size_t index, const std::string& json, bool written)>& on_record,
    const std::function<void(const PoolProgress&)>& on_progress);

}  // namespace gongkai

#endif  // GONGKAI_BATCH_WORKER_POOL_H_
