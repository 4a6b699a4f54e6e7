#include "extract_command.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "batch/input_file.h"
#include "batch/inputs.h"
#include "batch/manifest.h"
#include "batch/worker_pool.h"
#include "gongkai/extractor.h"
#include "gongkai/jsonl.h"
#include "grammar/grammar.h"
#include "util/json.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int Usage(const std::string& message) {
  std::cerr << "gongkai: " << message << "\n";
  return kExitUsage;
}

// --dump: one stage's intermediate result per input, in this process, with the manifest's
// hints as extract uses them.
int RunDump(const Extractor& extractor, const std::vector<std::string>& inputs, Stage stage,
            const Manifest& manifest) {
  bool failed = false;
  for (const std::string& path : inputs) {
    std::string bytes;
    Record error_record;
    std::cout << "# " << path << "\n";
    if (!ReadInput(path, &bytes, &error_record)) {
      std::cout << ToJsonLine(error_record) << "\n";
      failed = true;
      continue;
    }
    std::cout << extractor.Dump(path, bytes, stage, manifest.Find(path));
  }
  return failed ? kExitFailed : kExitOk;
}

std::string WarmUpReport(const GrammarSet& grammars) {
  std::string text = "示例机关2021年度政府信息公开工作年度报告\n";
  const char* numerals[] = {"一", "二", "三", "四", "五", "六"};
  for (size_t i = 0; i < grammars.sections().size() && i < 6; ++i) {
    text += std::string(numerals[i]) + "、" + grammars.sections()[i].official + "\n";
    for (const TableGrammar* table : grammars.ForTable(grammars.sections()[i].key)) {
      for (const Rule& row : table->rows) {
        text += row.official;
        for (size_t c = 0; c < table->RowColumns(row).size(); ++c) text += "\t0";
        text += "\n";
      }
      break;
    }
  }
  return text;
}

std::string Clock(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

// The options that need more than CLI11's parsing. Returns a usage exit code, or 0.
int Validate(const ExtractCommand& command, int* jobs) {
  if (!std::isfinite(command.timeout) || command.timeout <= 0 || command.timeout > kMaxTimeout) {
    return Usage("--timeout takes seconds: a positive number, at most 1000000");
  }
  if (command.max_memory_mib < 0) return Usage("--max-memory takes MiB: 0 (no limit) or more");
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  *jobs = command.jobs_given ? command.jobs : cores;
  if (*jobs < 1) return Usage("-j takes a positive number of worker processes");
  if (*jobs > kJobsPerCore * cores) {
    std::cerr << "gongkai: -j " << *jobs << " capped at " << kJobsPerCore * cores << " ("
              << kJobsPerCore << " per core)\n";
    *jobs = kJobsPerCore * cores;
  }
  return 0;
}

// Writing over an input would destroy it before it is read.
bool OutputIsAnInput(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out;
  if (output.empty() || stat(output.c_str(), &out) != 0) return false;
  for (const std::string& path : inputs) {
    struct stat in;
    if (stat(path.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return true;
    }
  }
  return false;
}

// A path as the JSON record holds it (bytes that are not UTF-8 become U+FFFD): how the dataset
// knows it.
std::string RecordedPath(const std::string& path) {
  std::string literal;
  AppendJsonString(&literal, path);
  nlohmann::json j = nlohmann::json::parse(literal, nullptr, false);
  return j.is_string() ? j.get<std::string>() : path;
}

// `-`: paths from standard input, one per line (a trailing CR dropped) or NUL-separated. They
// are taken as files, never walked: a folder among them gives io.not_a_file.
void ReadPathList(std::istream& in, bool nul, std::vector<std::string>* paths) {
  std::string path;
  while (std::getline(in, path, nul ? '\0' : '\n')) {
    if (!nul && !path.empty() && path.back() == '\r') path.pop_back();
    if (!path.empty()) paths->push_back(path);
  }
}

std::vector<std::string> Inputs(const ExtractCommand& command, int shard_k, int shard_n) {
  std::vector<std::string> args, all, inputs;
  bool from_stdin = false;
  for (const std::string& arg : command.inputs) {
    if (arg == "-") {
      from_stdin = true;
    } else {
      args.push_back(arg);
    }
  }
  all = CollectInputs(args);
  if (from_stdin) ReadPathList(std::cin, command.nul_separated, &all);
  for (const std::string& path : all) {
    if (InShard(path, shard_k, shard_n)) inputs.push_back(path);
  }
  return inputs;
}

struct Tally {
  size_t ok = 0, partial = 0, failed = 0, skipped = 0, unwritten = 0;
  void Count(const std::string& status) {
    (status == "ok" ? ok : status == "partial" ? partial : failed) += 1;
  }
};

// What a batch writes and how it ends.
class Batch {
 public:
  Batch(const ExtractCommand& command, std::vector<Task> tasks)
      : command_(command),
        tasks_(std::move(tasks)),
        dataset_(EndsWith(command.output, ".sqlite") || EndsWith(command.output, ".db")),
        tty_(isatty(STDERR_FILENO)) {}

  bool Open(Error* error);
  int Run(const Extractor& extractor, int jobs);

 private:
  void OnResult(size_t index, const TaskResult& result);
  void OnProgress(const PoolProgress& p) const;
  void WriteFailed(const std::string& message);
  void TallyDataset();
  int Summary(bool pool_ok);

  const ExtractCommand& command_;
  std::vector<Task> tasks_;
  const bool dataset_;
  const bool tty_;
  std::ofstream file_;
  std::unique_ptr<RecordSink> sink_;
  Tally tally_;
  bool write_failed_ = false;
};

bool Batch::Open(Error* error) {
  if (dataset_) {
    sink_ = MakeSqliteSink(command_.output, error);
    return sink_ != nullptr;
  }
  std::ostream* out = &std::cout;
  if (!command_.output.empty()) {
    file_.open(command_.output, std::ios::binary | std::ios::trunc);
    if (!file_) {
      *error = {"io.write", "cannot write " + command_.output};
      return false;
    }
    out = &file_;
  }
  sink_ = EndsWith(command_.output, ".csv") ? MakeCsvSink(out, command_.excel) : MakeJsonlSink(out);
  return true;
}

void Batch::WriteFailed(const std::string& message) {
  if (!write_failed_) {
    if (tty_) std::cerr << "\r\033[K";
    std::cerr << "gongkai: " << message << "\n";
  }
  write_failed_ = true;
}

void Batch::OnResult(size_t index, const TaskResult& result) {
  std::string status = result.status, code = result.error_code;
  bool written = result.stored;
  if (!result.write_error.empty()) WriteFailed(result.write_error);
  if (!result.stored && !write_failed_) {
    Error error;
    std::string stored;
    written = sink_->Write(result.line, &error, &stored);
    if (!written) WriteFailed(error.code + ": " + error.message);
    // The dataset may hold it already: a worker stored it and was killed before it said so.
    if (!stored.empty() && stored != status) status = stored, code.clear();
  }
  if (result.skipped) ++tally_.skipped;
  if (!written) {
    ++tally_.unwritten;
  } else {
    tally_.Count(status);
  }
  if (status == "failed" && !result.skipped) {
    if (tty_) std::cerr << "\r\033[K";
    std::cerr << "gongkai: " << tasks_[index].path << ": " << (code.empty() ? "failed" : code)
              << "\n";
  }
}

void Batch::OnProgress(const PoolProgress& p) const {
  if (!tty_ || p.total == 0) return;
  double rate = p.seconds > 0 ? p.done / p.seconds : 0;
  double eta = rate > 0 ? (p.total - p.done) / rate : 0;
  std::cerr << "\r\033[K" << p.done << "/" << p.total << "  " << static_cast<int>(rate)
            << " files/s  ETA " << Clock(eta) << "  failed " << p.failed << std::flush;
}

// The dataset is what counts: what it holds for each input path of this run (another process
// may have stored what a worker could not report, a write may have failed).
void Batch::TallyDataset() {
  Tally t;
  t.skipped = tally_.skipped;
  for (const Task& task : tasks_) {
    std::string status;
    if (sink_->StoredStatus(RecordedPath(task.path), &status)) {
      t.Count(status);
    } else {
      ++t.unwritten;
    }
  }
  tally_ = t;
}

int Batch::Run(const Extractor& extractor, int jobs) {
  PoolOptions options;
  options.jobs = jobs;
  options.timeout_seconds = command_.timeout;
  options.memory_limit_mib = static_cast<size_t>(command_.max_memory_mib);
  if (const char* fault = std::getenv("GONGKAI_FAULT")) options.fault_spec = fault;
  if (dataset_) {
    // Each worker writes its records to the dataset itself (one transaction each).
    std::string path = command_.output;
    options.worker_sink = [path](Error* error) { return MakeSqliteSink(path, error); };
  }
  Error error;
  bool pool_ok = RunPool(
      extractor, tasks_, options,
      [this](size_t index, const TaskResult& result) { OnResult(index, result); },
      [this](const PoolProgress& p) { OnProgress(p); }, &error);
  if (tty_ && !tasks_.empty()) std::cerr << "\r\033[K";
  if (!pool_ok) std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
  if (!sink_->Finish(&error)) WriteFailed(error.code + ": " + error.message);
  if (dataset_) TallyDataset();
  return Summary(pool_ok);
}

// The last line sums up what the output holds; exit: every input failed 1; some failed or
// partial 3; all ok 0; an input without its record (a write failed, no worker) 4.
int Batch::Summary(bool pool_ok) {
  const Tally& t = tally_;
  const size_t held = t.ok + t.partial + t.failed;
  int code = t.failed == held && held > 0 ? kExitFailed
             : t.failed + t.partial > 0   ? kExitPartial
                                          : kExitOk;
  if (!pool_ok || write_failed_ || t.unwritten > 0) code = kExitInternal;
  std::cerr << "gongkai: " << tasks_.size() << " inputs: " << t.ok << " ok, " << t.partial
            << " partial, " << t.failed << " failed";
  if (t.skipped) std::cerr << ", " << t.skipped << " already in the dataset";
  if (t.unwritten) std::cerr << ", " << t.unwritten << " not written";
  std::cerr << (code == kExitOk        ? " — ok"
                : code == kExitPartial ? " — partial"
                : code == kExitFailed  ? " — failed"
                                       : " — output incomplete")
            << "\n";
  return code;
}

}  // namespace

int RunExtract(const ExtractCommand& command) {
  Stage stage = Stage::kAll;
  if (!command.dump_stage.empty() && !ParseStage(command.dump_stage, &stage)) {
    return Usage("unknown stage '" + command.dump_stage +
                 "' (load, normalize, segment, tables, figures, audit)");
  }
  int shard_k = 1, shard_n = 1;
  if (!command.shard.empty() &&
      (std::sscanf(command.shard.c_str(), "%d/%d", &shard_k, &shard_n) != 2 || shard_n < 1 ||
       shard_k < 1 || shard_k > shard_n)) {
    return Usage("--shard takes K/N with 1 <= K <= N");
  }
  int jobs = 1;
  if (int usage = Validate(command, &jobs)) return usage;
  Error error;
  Manifest manifest;
  if (!command.manifest.empty() && !manifest.Load(command.manifest, &error)) {
    return Usage(error.code + ": " + error.message);
  }
  std::vector<std::string> inputs = Inputs(command, shard_k, shard_n);
  if (OutputIsAnInput(command.output, inputs)) {
    return Usage("the output " + command.output + " is one of the inputs: refused");
  }
  std::unique_ptr<Extractor> extractor =
      Extractor::Create(ExtractorOptions{command.grammar_dir}, &error);
  if (!extractor) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitInternal;
  }
  if (stage != Stage::kAll) return RunDump(*extractor, inputs, stage, manifest);

  std::vector<Task> tasks(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    tasks[i].path = inputs[i];
    if (manifest.size()) tasks[i].hints = manifest.Find(inputs[i], &tasks[i].notes);
  }
  // A full disk or a file size limit is a write error to report, not a signal that kills.
  signal(SIGXFSZ, SIG_IGN);
  Batch batch(command, std::move(tasks));
  if (!batch.Open(&error)) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitInternal;
  }
  // Warm the extractor's caches (compiled automata, ICU tables) once before the workers fork,
  // so that they share those pages instead of each filling its own. A report made of the
  // grammars' own labels: never an input, which could crash this process.
  // (Only for batches: for a few files it costs more than it saves.)
  if (inputs.size() >= 32) extractor->ExtractBytes("warm-up", WarmUpReport(extractor->grammars()));
  return batch.Run(*extractor, jobs);
}

}  // namespace gongkai
