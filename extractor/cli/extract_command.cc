#include "extract_command.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "batch/inputs.h"
#include "batch/manifest.h"
#include "batch/worker_pool.h"
#include "grammar/grammar.h"
#include "gongkai/extractor.h"
#include "util/sha256.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string ReadAll(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *ok = static_cast<bool>(in) || in.eof();
  return bytes.str();
}

// --dump: one stage's intermediate result per input, in this process.
int RunDump(const Extractor& extractor, const std::vector<std::string>& inputs, Stage stage) {
  bool failed = false;
  for (const std::string& path : inputs) {
    bool ok = false;
    std::string bytes = ReadAll(path, &ok);
    if (!ok) {
      std::cerr << "gongkai: cannot read " << path << "\n";
      failed = true;
      continue;
    }
    std::cout << "# " << path << "\n" << extractor.Dump(path, bytes, stage);
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

}  // namespace

int RunExtract(const ExtractCommand& command) {
  Stage stage = Stage::kAll;
  if (!command.dump_stage.empty() && !ParseStage(command.dump_stage, &stage)) {
    std::cerr << "gongkai: unknown stage '" << command.dump_stage
              << "' (load, normalize, segment, tables, figures, audit)\n";
    return kExitUsage;
  }
  int shard_k = 1, shard_n = 1;
  if (!command.shard.empty() &&
      (std::sscanf(command.shard.c_str(), "%d/%d", &shard_k, &shard_n) != 2 || shard_n < 1 ||
       shard_k < 1 || shard_k > shard_n)) {
    std::cerr << "gongkai: --shard takes K/N with 1 <= K <= N\n";
    return kExitUsage;
  }
  Error error;
  std::unique_ptr<Extractor> extractor =
      Extractor::Create(ExtractorOptions{command.grammar_dir}, &error);
  if (!extractor) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitInternal;
  }
  std::vector<std::string> inputs;
  for (const std::string& path : CollectInputs(command.inputs)) {
    if (InShard(path, shard_k, shard_n)) inputs.push_back(path);
  }
  if (stage != Stage::kAll) return RunDump(*extractor, inputs, stage);

  Manifest manifest;
  if (!command.manifest.empty() && !manifest.Load(command.manifest, &error)) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitUsage;
  }
  std::ofstream file;
  std::unique_ptr<RecordSink> sink;
  const bool dataset = EndsWith(command.output, ".sqlite") || EndsWith(command.output, ".db");
  if (dataset) {
    sink = MakeSqliteSink(command.output, &error);
  } else {
    std::ostream* out = &std::cout;
    if (!command.output.empty()) {
      file.open(command.output, std::ios::binary | std::ios::trunc);
      if (!file) error = {"io.write", "cannot write " + command.output};
      out = &file;
    }
    if (error.code.empty()) {
      sink =
          EndsWith(command.output, ".csv") ? MakeCsvSink(out, command.excel) : MakeJsonlSink(out);
    }
  }
  if (!sink) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitInternal;
  }

  // A dataset already holding an input (same sha256) skips it: a rerun resumes.
  std::vector<Task> tasks;
  size_t skipped = 0;
  // The workers skip what a dataset already holds (by sha256): a rerun resumes.
  tasks.reserve(inputs.size());
  for (const std::string& path : inputs) {
    tasks.push_back({path, manifest.size() ? manifest.Find(path) : SourceHints{}});
  }
  PoolOptions options;
  options.jobs = command.jobs > 0
                     ? command.jobs
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.timeout_seconds = command.timeout;
  if (const char* fault = std::getenv("GONGKAI_FAULT")) options.fault_spec = fault;
  if (dataset) {
    // Each worker writes its records to the dataset itself (one transaction each).
    std::string path = command.output;
    options.worker_sink = [path]() {
      Error ignored;
      return MakeSqliteSink(path, &ignored);
    };
  }
  // Warm the extractor's caches (compiled automata, ICU tables) once before the workers fork,
  // so that they share those pages instead of each filling its own. A report made of the
  // grammars' own labels: never an input, which could crash this process.
  // (Only for batches: for a few files it costs more than it saves.)
  if (tasks.size() >= 32) extractor->ExtractBytes("warm-up", WarmUpReport(extractor->grammars()));
  const bool tty = isatty(STDERR_FILENO);
  size_t ok = 0, partial = 0, failed = 0;
  bool write_failed = false;
  RunPool(
      *extractor, tasks, options,
      [&](size_t index, const std::string& json, bool written) {
        if (json.rfind("!", 0) == 0) {
          if (!write_failed) std::cerr << "gongkai: " << json.substr(1) << "\n";
          write_failed = true;
          return;
        }
        if (json == "{\"status\":\"skipped\"}") {
          ++skipped;
        } else if (json.find("\"status\":\"ok\"") != std::string::npos) {
          ++ok;
        } else if (json.find("\"status\":\"partial\"") != std::string::npos) {
          ++partial;
        } else {
          ++failed;
          size_t code = json.find("\"code\":\"");
          std::string what = code == std::string::npos
                                 ? "failed"
                                 : json.substr(code + 8, json.find('"', code + 8) - code - 8);
          if (tty) std::cerr << "\r\033[K";
          std::cerr << "gongkai: " << tasks[index].path << ": " << what << "\n";
        }
        if (!written && !write_failed && !sink->Write(json, &error)) {
          write_failed = true;
          std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
        }
      },
      [&](const PoolProgress& p) {
        if (!tty || p.total == 0) return;
        double rate = p.seconds > 0 ? p.done / p.seconds : 0;
        double eta = rate > 0 ? (p.total - p.done) / rate : 0;
        std::cerr << "\r\033[K" << p.done << "/" << p.total << "  " << static_cast<int>(rate)
                  << " files/s  ETA " << Clock(eta) << "  failed " << p.failed << std::flush;
      });
  if (tty && !tasks.empty()) std::cerr << "\r\033[K";
  if (!sink->Finish(&error) && !write_failed) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    write_failed = true;
  }
  // Exit: every input failed 1; some failed or partial 3; all ok 0.
  int code = failed == tasks.size() - skipped && failed > 0 ? kExitFailed
             : failed + partial > 0                         ? kExitPartial
                                                            : kExitOk;
  std::cerr << "gongkai: " << inputs.size() << " inputs: " << ok << " ok, " << partial
            << " partial, " << failed << " failed";
  if (skipped) std::cerr << ", " << skipped << " already in the dataset";
  std::cerr << (code == kExitOk        ? " — ok"
                : code == kExitPartial ? " — partial"
                                       : " — failed")
            << "\n";
  if (write_failed) return kExitInternal;
  return code;
}

}  // namespace gongkai
