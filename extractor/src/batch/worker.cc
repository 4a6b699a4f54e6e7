#include "batch/worker.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstring>
#include <new>
#include <sstream>
#include <vector>

#include "batch/input_file.h"
#include "batch/wire.h"
#include "gongkai/jsonl.h"
#include "util/sha256.h"
#include "write/error_record.h"

#if defined(__SANITIZE_ADDRESS__)
#define GONGKAI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GONGKAI_ASAN 1
#endif
#endif

namespace gongkai {
namespace {

// Address space (bytes) past which a crash counts as running out of memory. A signal handler
// can only read process-wide state, hence this one file-local variable.
volatile sig_atomic_t memory_alarm_mib = 0;

// The worker's address space in MiB, from /proc/self/statm (async-signal-safe: open, read).
long AddressSpaceMib() {
  int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  long pages = 0;
  for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i)
    pages = pages * 10 + buf[i] - '0';
  return pages * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

// C code that cannot allocate (poppler's gmalloc) aborts or dereferences null: near the limit,
// that is the input's size, not a bug.
void OnFatalSignal(int sig) {
  if (memory_alarm_mib > 0 && AddressSpaceMib() >= memory_alarm_mib) _exit(kWorkerTooComplexExit);
  signal(sig, SIG_DFL);
  raise(sig);
}

void LimitMemory(size_t mib) {
  rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);  // a crashing worker must not write gigabytes of core
#ifndef GONGKAI_ASAN
  long base = AddressSpaceMib();
  if (mib == 0 || base < 0) return;
  rlim_t limit = static_cast<rlim_t>(base + static_cast<long>(mib)) << 20;
  rlimit as = {limit, limit};
  if (setrlimit(RLIMIT_AS, &as) != 0) return;
  memory_alarm_mib = static_cast<sig_atomic_t>(base + static_cast<long>(mib) * 3 / 4);
  std::set_new_handler([] { _exit(kWorkerTooComplexExit); });
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS}) signal(sig, OnFatalSignal);
#endif
}

void MaybeFault(const std::string& spec, const std::string& path) {
  if (spec.empty()) return;
  if (HasFault(spec, "crash", path)) abort();
  if (HasFault(spec, "hang", path)) {
    while (true) pause();
  }
  if (HasFault(spec, "slow", path)) usleep(300000);  // lets a test interrupt a run midway
  if (HasFault(spec, "oom", path)) {
    std::vector<std::vector<char>> hog;
    while (true) hog.emplace_back(size_t{16} << 20, 'x');
  }
}

// A manifest value that could not be used is a warning on the record, not a failure.
void AddNotes(const std::vector<std::string>& notes, Record* record) {
  if (record->error) return;
  for (const std::string& note : notes) {
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.code = codes::kManifestInvalid;
    d.message = note;
    record->diagnostics.push_back(std::move(d));
  }
}

class Worker {
 public:
  Worker(const Extractor& extractor, int out_fd, const PoolOptions& options)
      : extractor_(extractor), out_(out_fd), options_(options) {}

  // Runs one task; false when the parent is gone.
  bool Serve(uint64_t index, const Task& task) {
    OpenSink();
    TaskResult result;
    std::string bytes;
    Record record;
    if (ReadInput(task.path, &bytes, &record)) {
      TaskStart start{Sha256Hex(bytes), bytes.size(),
                      bytes.rfind("%PDF-", 0) == 0 ? "application/pdf" : "text/plain"};
      if (!SendFrame(out_, index, EncodeStart(start))) return false;
      MaybeFault(options_.fault_spec, task.path);
      if (sink_ && Skip(start.sha256, task.path, &result)) {
        return SendFrame(out_, index, EncodeResult(result));
      }
      record = extractor_.ExtractBytes(task.path, bytes, task.hints);
      AddNotes(task.notes, &record);
    }
    std::string().swap(bytes);
    result.status = StatusName(record.status);
    if (record.error) result.error_code = record.error->code;
    std::string line = ToJsonLine(record);
    if (options_.worker_sink) {
      Store(line, &result);
      if (HasFault(options_.fault_spec, "hang_after_write", task.path)) {
        while (true) pause();
      }
    } else {
      result.line = std::move(line);
    }
    return SendFrame(out_, index, EncodeResult(result));
  }

  void Finish() {
    Error ignored;
    if (sink_) sink_->Finish(&ignored);
  }

 private:
  void OpenSink() {
    if (!options_.worker_sink || sink_ || !sink_error_.code.empty()) return;
    sink_ = options_.worker_sink(&sink_error_);
    if (!sink_ && sink_error_.code.empty()) sink_error_ = {"dataset.open", "cannot open"};
  }

  // Already in the dataset (a rerun), or the same bytes under another name (stored as one more
  // source of that record).
  bool Skip(const std::string& sha256, const std::string& path, TaskResult* result) {
    Error error;
    std::string status;
    RecordSink::Presence presence = sink_->Find(sha256, path, &status, &error);
    if (presence == RecordSink::Presence::kAbsent) return false;
    result->status = status;
    result->stored = true;
    result->skipped = presence == RecordSink::Presence::kStored;
    return true;
  }

  void Store(const std::string& line, TaskResult* result) {
    Error error = sink_error_;
    std::string stored;
    if (sink_ && sink_->Write(line, &error, &stored)) {
      result->stored = true;
      if (!stored.empty()) result->status = stored;
      return;
    }
    result->write_error = error.code + ": " + error.message;
  }

  const Extractor& extractor_;
  int out_;
  const PoolOptions& options_;
  std::unique_ptr<RecordSink> sink_;
  Error sink_error_;
};

}  // namespace

bool HasFault(const std::string& spec, const std::string& kind, const std::string& path) {
  std::stringstream in(spec);
  std::string item;
  while (std::getline(in, item, ',')) {
    size_t eq = item.find('=');
    if (eq == std::string::npos || item.compare(0, eq, kind) != 0 || eq != kind.size()) continue;
    std::string name = item.substr(eq + 1);
    if (!name.empty() && path.size() >= name.size() &&
        path.compare(path.size() - name.size(), name.size(), name) == 0) {
      return true;
    }
  }
  return false;
}

void WorkerMain(const Extractor& extractor, int in_fd, int out_fd, const PoolOptions& options) {
  signal(SIGPIPE, SIG_DFL);
  LimitMemory(options.memory_limit_mib);
  Worker worker(extractor, out_fd, options);
  uint64_t index;
  std::string body;
  Task task;
  while (ReceiveFrame(in_fd, &index, &body) && DecodeTask(body, &task)) {
    if (!worker.Serve(index, task)) break;
  }
  worker.Finish();
  _exit(0);
}

}  // namespace gongkai
