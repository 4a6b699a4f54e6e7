// Extraction in worker processes: a crash, a hang or a memory blow-up costs only the file that
// caused it.
#ifndef GONGKAI_BATCH_WORKER_POOL_H_
#define GONGKAI_BATCH_WORKER_POOL_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "batch/task.h"
#include "gongkai/extractor.h"
#include "write/sinks.h"

namespace gongkai {

struct PoolOptions {
  int jobs = 1;
  double timeout_seconds = 60;
  // How far a worker's address space may grow beyond what it shares with the parent
  // (RLIMIT_AS); a worker over it gives input.too_complex. 0: no limit. Not applied under
  // AddressSanitizer, whose shadow memory needs terabytes of address space.
  size_t memory_limit_mib = 768;
  // Results finished ahead of their turn held in memory before they spill to a temporary file.
  size_t reorder_memory_bytes = size_t{64} << 20;
  // For tests, from the environment variable GONGKAI_FAULT ("KIND=NAME,..."; a name matches any
  // path ending in it): crash, hang, slow (0.3 s), oom (allocate until the memory limit),
  // hang_after_write (store the record, then hang); and fork=fail (no worker can be started).
  std::string fault_spec;
  // When set, each worker opens its own sink (the SQLite dataset) and writes its records itself,
  // so that writing scales with the workers; the parent then gets only each record's status.
  std::function<std::unique_ptr<RecordSink>(Error*)> worker_sink;
};

struct PoolProgress {
  size_t done = 0;
  size_t total = 0;
  size_t failed = 0;
  double seconds = 0;
};

// Runs every task in forked workers (they share the parent's compiled grammars) and hands each
// result to on_result in task order. A path that is not a regular file gives io.not_a_file
// without a worker (the parent never opens an input); a worker that dies, overruns the time
// limit or its memory gives worker.crashed, worker.timeout or input.too_complex, built from what
// the worker reported before (its sha256 and size). Those records are never stored by a worker:
// result.stored is false and result.line holds them. False (with *error) when no worker process
// can be started after bounded retries.
bool RunPool(const Extractor& extractor, const std::vector<Task>& tasks, const PoolOptions& options,
             const std::function<void(size_t index, const TaskResult& result)>& on_result,
             const std::function<void(const PoolProgress&)>& on_progress, Error* error);

}  // namespace gongkai

#endif  // GONGKAI_BATCH_WORKER_POOL_H_
