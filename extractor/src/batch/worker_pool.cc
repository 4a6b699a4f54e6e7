#include "batch/worker_pool.h"

#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "gongkai/jsonl.h"
#include "util/sha256.h"

namespace gongkai {
namespace {

using Clock = std::chrono::steady_clock;

bool WriteAll(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool ReadAll(int fd, void* data, size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    ssize_t n = read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool SendMessage(int fd, uint64_t index, const std::string& body) {
  uint64_t header[2] = {index, body.size()};
  return WriteAll(fd, header, sizeof header) && WriteAll(fd, body.data(), body.size());
}

bool ReceiveMessage(int fd, uint64_t* index, std::string* body) {
  uint64_t header[2];
  if (!ReadAll(fd, header, sizeof header)) return false;
  if (header[1] > (1ULL << 32)) return false;
  *index = header[0];
  body->resize(header[1]);
  return ReadAll(fd, body->data(), body->size());
}

// Task hints travel as tab-separated fields: path, url, title, published, agency, year.
std::string EncodeTask(const Task& t) {
  return t.path + '\t' + t.hints.url + '\t' + t.hints.title + '\t' + t.hints.published + '\t' +
         t.hints.agency + '\t' + (t.hints.year ? std::to_string(*t.hints.year) : "");
}

Task DecodeTask(const std::string& s) {
  std::vector<std::string> f;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, '\t')) f.push_back(part);
  while (f.size() < 6) f.emplace_back();
  Task t;
  t.path = f[0];
  t.hints.url = f[1];
  t.hints.title = f[2];
  t.hints.published = f[3];
  t.hints.agency = f[4];
  if (!f[5].empty()) t.hints.year = std::stoi(f[5]);
  return t;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return !suffix.empty() && s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Deliberate faults for tests, matched by the end of the path.
void MaybeFault(const std::string& spec, const std::string& path) {
  std::stringstream in(spec);
  std::string item;
  while (std::getline(in, item, ',')) {
    size_t eq = item.find('=');
    if (eq == std::string::npos) continue;
    std::string kind = item.substr(0, eq), name = item.substr(eq + 1);
    if (!EndsWith(path, name)) continue;
    if (kind == "crash") abort();
    if (kind == "hang") {
      while (true) pause();
    }
    if (kind == "slow") usleep(300000);  // 0.3 s: lets a test interrupt a run midway
  }
}

// What the parent needs of a record the worker stored: its status and error code.
std::string Summary(const Record& r) {
  if (r.error) {
    return "{\"schema\":\"gongkai.error/1\",\"status\":\"failed\",\"error\":{\"code\":\"" +
           r.error->code + "\"}}";
  }
  return std::string("{\"status\":\"") + StatusName(r.status) + "\"}";
}

[[noreturn]] void WorkerMain(const Extractor& extractor, int in_fd, int out_fd,
                             const PoolOptions& options) {
  std::unique_ptr<RecordSink> sink;
  uint64_t index;
  std::string body;
  while (ReceiveMessage(in_fd, &index, &body)) {
    Task task = DecodeTask(body);
    MaybeFault(options.fault_spec, task.path);
    if (options.worker_sink && !sink) sink = options.worker_sink();
    Record record;
    if (Extractor::TooLarge(task.path, &record)) {
      std::string line = ToJsonLine(record);
      Error error;
      if (sink && !sink->Done(record.source.sha256, task.path)) sink->Write(line, &error);
      if (!SendMessage(out_fd, index, sink ? Summary(record) : line)) break;
      continue;
    }
    std::ifstream in(task.path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) {
      record = extractor.ExtractFile(task.path, task.hints);  // gives the io.unreadable record
    } else if (sink && sink->Done(Sha256Hex(bytes.str()), task.path)) {
      // Already in the dataset (a rerun, or the same bytes under another name).
      if (!SendMessage(out_fd, index, "{\"status\":\"skipped\"}")) break;
      continue;
    } else {
      record = extractor.ExtractBytes(task.path, bytes.str(), task.hints);
    }
    std::string line = ToJsonLine(record);
    if (options.worker_sink) {
      Error error;
      if (!sink || !sink->Write(line, &error)) {
        line = "!" + (sink ? error.code + ": " + error.message : "cannot open the dataset");
      } else {
        line = Summary(record);
      }
    }
    if (!SendMessage(out_fd, index, line)) break;
  }
  if (sink) {
    Error error;
    sink->Finish(&error);
  }
  _exit(0);
}

struct Worker {
  pid_t pid = -1;
  int to = -1;     // parent writes tasks
  int from = -1;   // parent reads records
  long task = -1;  // index being worked on, -1 when idle
  Clock::time_point started;
};

bool Spawn(const Extractor& extractor, const PoolOptions& options, std::vector<Worker>& all,
           Worker* w) {
  int down[2], up[2];
  if (pipe(down) != 0) return false;
  if (pipe(up) != 0) {
    close(down[0]);
    close(down[1]);
    return false;
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(down[0]);
    close(down[1]);
    close(up[0]);
    close(up[1]);
    return false;
  }
  if (pid == 0) {
    signal(SIGPIPE, SIG_DFL);
    close(down[1]);
    close(up[0]);
    for (const Worker& other : all) {  // a sibling's pipes are not this worker's business
      if (other.to >= 0) close(other.to);
      if (other.from >= 0) close(other.from);
    }
    WorkerMain(extractor, down[0], up[1], options);
  }
  close(down[0]);
  close(up[1]);
  w->pid = pid;
  w->to = down[1];
  w->from = up[0];
  w->task = -1;
  return true;
}

void Retire(Worker* w, bool kill_it) {
  if (w->to >= 0) close(w->to);  // an idle worker reads end-of-file and exits
  if (w->pid > 0) {
    if (kill_it) kill(w->pid, SIGKILL);
    int status = 0;
    waitpid(w->pid, &status, 0);
  }
  if (w->from >= 0) close(w->from);
  w->pid = -1;
  w->to = w->from = -1;
  w->task = -1;
}

// The error record of a file whose worker died or hung: what is known without reading it.
std::string FailureRecord(const std::string& path, const std::string& code,
                          const std::string& message) {
  Record r;
  r.status = Status::kFailed;
  r.source.path = path;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  r.source.bytes = bytes.str().size();
  r.source.sha256 = Sha256Hex(bytes.str());
  r.source.media_type = bytes.str().rfind("%PDF-", 0) == 0 ? "application/pdf" : "text/plain";
  r.error = Error{code, path + ": " + message};
  return ToJsonLine(r);
}

}  // namespace

void RunPool(const Extractor& extractor, const std::vector<Task>& tasks, const PoolOptions& options,
             const std::function<void(size_t, const std::string&, bool)>& on_record,
             const std::function<void(const PoolProgress&)>& on_progress) {
  signal(SIGPIPE, SIG_IGN);
  const auto start = Clock::now();
  size_t jobs = static_cast<size_t>(std::max(1, options.jobs));
  jobs = std::min(jobs, std::max<size_t>(1, tasks.size()));
  std::vector<Worker> workers(jobs);
  for (Worker& w : workers) Spawn(extractor, options, workers, &w);
  // Finished out of order, waiting for their turn: the JSON and whether a worker stored it.
  std::map<size_t, std::pair<std::string, bool>> ready;
  size_t next_task = 0, next_emit = 0, done = 0, failed = 0;
  auto finish = [&](size_t index, std::string json, bool written) {
    ++done;
    if (json.rfind("{\"schema\":\"gongkai.error/1\"", 0) == 0) ++failed;
    ready.emplace(index, std::make_pair(std::move(json), written));
    while (!ready.empty() && ready.begin()->first == next_emit) {
      on_record(next_emit, ready.begin()->second.first, ready.begin()->second.second);
      ready.erase(ready.begin());
      ++next_emit;
    }
  };
  auto last_progress = Clock::now();
  while (done < tasks.size()) {
    // Hand out work; a worker that cannot take it (it died) is replaced.
    for (Worker& w : workers) {
      if (w.pid < 0 && !Spawn(extractor, options, workers, &w)) continue;
      if (w.task >= 0 || next_task >= tasks.size()) continue;
      if (!SendMessage(w.to, next_task, EncodeTask(tasks[next_task]))) {
        Retire(&w, true);
        continue;
      }
      w.task = static_cast<long>(next_task++);
      w.started = Clock::now();
    }
    std::vector<pollfd> fds;
    std::vector<Worker*> owners;
    double wait = 0.2;
    for (Worker& w : workers) {
      if (w.task < 0) continue;
      fds.push_back({w.from, POLLIN, 0});
      owners.push_back(&w);
      double elapsed = std::chrono::duration<double>(Clock::now() - w.started).count();
      wait = std::min(wait, std::max(0.0, options.timeout_seconds - elapsed));
    }
    if (fds.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));  // all workers respawning
      continue;
    }
    int ready_fds = poll(fds.data(), fds.size(), static_cast<int>(wait * 1000) + 1);
    if (ready_fds < 0 && errno != EINTR) break;
    for (size_t i = 0; i < fds.size(); ++i) {
      Worker& w = *owners[i];
      size_t task = static_cast<size_t>(w.task);
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        uint64_t index;
        std::string body;
        if (ReceiveMessage(w.from, &index, &body) && index == task) {
          w.task = -1;
          finish(task, std::move(body), static_cast<bool>(options.worker_sink));
        } else {
          Retire(&w, true);
          finish(task,
                 FailureRecord(tasks[task].path, "worker.crashed",
                               "the extraction process died on this file"),
                 false);
        }
        continue;
      }
      double elapsed = std::chrono::duration<double>(Clock::now() - w.started).count();
      if (elapsed >= options.timeout_seconds) {
        Retire(&w, true);
        finish(task,
               FailureRecord(tasks[task].path, "worker.timeout",
                             "no result within " +
                                 std::to_string(static_cast<int>(options.timeout_seconds)) + " s"),
               false);
      }
    }
    if (on_progress && Clock::now() - last_progress > std::chrono::milliseconds(200)) {
      last_progress = Clock::now();
      on_progress({done, tasks.size(), failed,
                   std::chrono::duration<double>(Clock::now() - start).count()});
    }
  }
  for (Worker& w : workers) Retire(&w, false);
  if (on_progress) {
    on_progress(
        {done, tasks.size(), failed, std::chrono::duration<double>(Clock::now() - start).count()});
  }
}

}  // namespace gongkai
