#include "batch/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>
#include <thread>

#include "batch/input_file.h"
#include "batch/reorder_buffer.h"
#include "batch/wire.h"
#include "batch/worker.h"
#include "gongkai/jsonl.h"
#include "write/error_record.h"

namespace gongkai {
namespace {

using Clock = std::chrono::steady_clock;

// Starting a worker may fail for a while (the process table or memory full): with no worker
// alive, the pool tries this many times, waiting 10 ms, 20 ms, … up to 1 s in between (about
// 3 s in all), then gives up.
constexpr int kMaxSpawnFailures = 8;

struct Worker {
  pid_t pid = -1;
  int to = -1;     // parent writes tasks
  int from = -1;   // parent reads records
  long task = -1;  // index being worked on, -1 when idle
  Clock::time_point started;
  bool has_start = false;  // the worker read the input and said what it holds
  TaskStart start;
};

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

class Pool {
 public:
  Pool(const Extractor& extractor, const std::vector<Task>& tasks, const PoolOptions& options,
       const std::function<void(size_t, const TaskResult&)>& on_result,
       const std::function<void(const PoolProgress&)>& on_progress)
      : extractor_(extractor),
        tasks_(tasks),
        options_(options),
        on_result_(on_result),
        on_progress_(on_progress),
        order_(options.reorder_memory_bytes) {
    size_t jobs = static_cast<size_t>(std::max(1, options.jobs));
    workers_.resize(std::min(jobs, std::max<size_t>(1, tasks.size())));
  }

  bool Run(Error* error) {
    start_ = last_progress_ = Clock::now();
    bool ok = true;
    while (done_ < tasks_.size()) {
      if (!Dispatch(error)) {
        ok = false;
        break;
      }
      Collect();
      Progress(false);
    }
    for (Worker& w : workers_) Retire(&w, !ok);
    Progress(true);
    return ok;
  }

 private:
  bool Spawn(Worker* w);
  int Retire(Worker* w, bool kill_it);
  bool Dispatch(Error* error);
  void Assign(Worker* w);
  void Collect();
  void Receive(Worker* w);
  void Fail(Worker* w, const char* code, const std::string& message, bool kill_it);
  void Finish(size_t index, const TaskResult& result);
  void Progress(bool last);

  const Extractor& extractor_;
  const std::vector<Task>& tasks_;
  const PoolOptions& options_;
  const std::function<void(size_t, const TaskResult&)>& on_result_;
  const std::function<void(const PoolProgress&)>& on_progress_;
  std::vector<Worker> workers_;
  ReorderBuffer order_;
  size_t next_task_ = 0, done_ = 0, failed_ = 0, emitted_ = 0;
  int spawn_failures_ = 0;
  int spawn_errno_ = 0;
  Clock::time_point start_, last_progress_;
};

bool Pool::Spawn(Worker* w) {
  if (HasFault(options_.fault_spec, "fork", "fail")) {
    spawn_errno_ = EAGAIN;
    return false;
  }
  int down[2], up[2];
  if (pipe2(down, O_CLOEXEC) != 0) {
    spawn_errno_ = errno;
    return false;
  }
  if (pipe2(up, O_CLOEXEC) != 0) {
    spawn_errno_ = errno;
    close(down[0]);
    close(down[1]);
    return false;
  }
  pid_t pid = fork();
  if (pid < 0) {
    spawn_errno_ = errno;
    for (int fd : {down[0], down[1], up[0], up[1]}) close(fd);
    return false;
  }
  if (pid == 0) {
    close(down[1]);
    close(up[0]);
    for (const Worker& other : workers_) {  // a sibling's pipes are not this worker's business
      if (other.to >= 0) close(other.to);
      if (other.from >= 0) close(other.from);
    }
    WorkerMain(extractor_, down[0], up[1], options_);
  }
  close(down[0]);
  close(up[1]);
  *w = Worker();
  w->pid = pid;
  w->to = down[1];
  w->from = up[0];
  return true;
}

// Ends a worker (an idle one reads end-of-file and exits) and returns its wait status.
int Pool::Retire(Worker* w, bool kill_it) {
  int status = 0;
  if (w->to >= 0) close(w->to);
  if (w->pid > 0) {
    if (kill_it) kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (w->from >= 0) close(w->from);
  *w = Worker();
  return status;
}

// Starts missing workers and hands out work. False when no worker is alive and none could be
// started after kMaxSpawnFailures tries.
bool Pool::Dispatch(Error* error) {
  bool alive = false, spawn_failed = false;
  for (Worker& w : workers_) {
    if (w.pid < 0 && !Spawn(&w)) spawn_failed = true;
    alive |= w.pid > 0;
  }
  if (!spawn_failed) spawn_failures_ = 0;
  if (!alive) {
    if (++spawn_failures_ >= kMaxSpawnFailures) {
      *error = {"worker.fork", "cannot start a worker process after " +
                                   std::to_string(kMaxSpawnFailures) +
                                   " tries: " + std::strerror(spawn_errno_)};
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1000, 10 << spawn_failures_)));
    return true;
  }
  for (Worker& w : workers_) {
    if (w.pid > 0 && w.task < 0) Assign(&w);
  }
  return true;
}

void Pool::Assign(Worker* w) {
  // What is not a regular file never reaches a worker: it could block the reader forever.
  while (next_task_ < tasks_.size() && IsNotAFile(tasks_[next_task_].path)) {
    SourceInfo source;
    source.path = tasks_[next_task_].path;
    Record r = ErrorRecord(source, codes::kNotAFile,
                           "not a regular file (a folder, a FIFO, a device or a socket)");
    TaskResult result;
    result.status = "failed";
    result.error_code = codes::kNotAFile;
    result.line = ToJsonLine(r);
    Finish(next_task_++, result);
  }
  if (next_task_ >= tasks_.size()) return;
  if (!SendFrame(w->to, next_task_, EncodeTask(tasks_[next_task_]))) {
    Retire(w, true);  // it died while idle: the next round starts another
    return;
  }
  w->task = static_cast<long>(next_task_++);
  w->started = Clock::now();
  w->has_start = false;  // what it said of its previous task is not this one's
  w->start = TaskStart();
}

void Pool::Collect() {
  std::vector<pollfd> fds;
  std::vector<Worker*> owners;
  double wait = 0.2;
  for (Worker& w : workers_) {
    if (w.task < 0) continue;
    fds.push_back({w.from, POLLIN, 0});
    owners.push_back(&w);
    wait = std::min(wait, std::max(0.0, options_.timeout_seconds - Seconds(w.started)));
  }
  if (fds.empty()) return;
  if (poll(fds.data(), fds.size(), static_cast<int>(wait * 1000) + 1) < 0) return;  // EINTR
  for (size_t i = 0; i < fds.size(); ++i) {
    Worker* w = owners[i];
    if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
      Receive(w);
    } else if (Seconds(w->started) >= options_.timeout_seconds) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%g", options_.timeout_seconds);
      Fail(w, codes::kWorkerTimeout, std::string("no result within ") + seconds + " s", true);
    }
  }
}

void Pool::Receive(Worker* w) {
  uint64_t index;
  std::string body;
  TaskStart start;
  TaskResult result;
  bool is_start = false;
  if (!ReceiveFrame(w->from, &index, &body) || index != static_cast<uint64_t>(w->task) ||
      !DecodeMessage(body, &start, &result, &is_start)) {
    Fail(w, codes::kWorkerCrashed, "the extraction process died on this file", true);
    return;
  }
  if (is_start) {
    w->start = std::move(start);
    w->has_start = true;
    return;
  }
  w->task = -1;
  Finish(index, result);
}

// The error record of a task whose worker died or hung: what it said before, nothing read here.
void Pool::Fail(Worker* w, const char* code, const std::string& message, bool kill_it) {
  size_t index = static_cast<size_t>(w->task);
  SourceInfo source;
  source.path = tasks_[index].path;
  if (w->has_start) {
    source.sha256 = w->start.sha256;
    source.bytes = w->start.bytes;
    source.media_type = w->start.media_type;
  }
  int status = Retire(w, kill_it);
  std::string why = message;
  if (std::string_view(code) == codes::kWorkerCrashed && WIFEXITED(status) &&
      WEXITSTATUS(status) == kWorkerTooComplexExit) {
    code = codes::kTooComplex;
    why = "needs more than the worker's memory limit (" +
          std::to_string(options_.memory_limit_mib) + " MiB)";
  }
  TaskResult result;
  result.status = "failed";
  result.error_code = code;
  result.line = ToJsonLine(ErrorRecord(source, code, why));
  Finish(index, result);
}

void Pool::Finish(size_t index, const TaskResult& result) {
  ++done_;
  if (result.status == "failed") ++failed_;
  order_.Put(index, EncodeResult(result));
  std::string bytes;
  while (order_.Next(&bytes)) {
    TaskStart unused;
    TaskResult in_order;
    bool is_start = false;
    if (!DecodeMessage(bytes, &unused, &in_order, &is_start) || is_start) {
      in_order = TaskResult();
      in_order.status = "failed";
      in_order.write_error = "io.spill: the temporary file of waiting results failed";
    }
    on_result_(emitted_++, in_order);
  }
}

void Pool::Progress(bool last) {
  if (!on_progress_) return;
  if (!last && Clock::now() - last_progress_ < std::chrono::milliseconds(200)) return;
  last_progress_ = Clock::now();
  on_progress_({done_, tasks_.size(), failed_, Seconds(start_)});
}

}  // namespace

bool RunPool(const Extractor& extractor, const std::vector<Task>& tasks, const PoolOptions& options,
             const std::function<void(size_t, const TaskResult&)>& on_result,
             const std::function<void(const PoolProgress&)>& on_progress, Error* error) {
  signal(SIGPIPE, SIG_IGN);
  return Pool(extractor, tasks, options, on_result, on_progress).Run(error);
}

}  // namespace gongkai
