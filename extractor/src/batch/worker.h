// The worker process's side of the pool: read a task, read its input, extract, store or send
// the record.
#ifndef GONGKAI_BATCH_WORKER_H_
#define GONGKAI_BATCH_WORKER_H_

#include "batch/worker_pool.h"

namespace gongkai {

// The exit status of a worker that ran out of its memory limit (the parent then gives
// input.too_complex rather than worker.crashed).
inline constexpr int kWorkerTooComplexExit = 86;

// Serves tasks from in_fd until it closes, answering on out_fd; never returns.
[[noreturn]] void WorkerMain(const Extractor& extractor, int in_fd, int out_fd,
                             const PoolOptions& options);

// Whether spec ("KIND=NAME,...") asks for fault kind on path.
bool HasFault(const std::string& spec, const std::string& kind, const std::string& path);

}  // namespace gongkai

#endif  // GONGKAI_BATCH_WORKER_H_
